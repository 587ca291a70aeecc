"""From an annotated spaCy Doc to a DocumentAnalysis of model objects.

This is where token offsets become character spans into the document's text
as read, ids are made from content, and speakers are resolved: a pronoun to
the previous speaker ("it" to the body that is the subject before it, or spoke
last), a name to its actor (a country or capital as its state's voice), a
definite description to the one named actor it fits ("the minister", "the
ministry"), a statement or report to the body that issued it, any other
description kept as one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc, Token

from claimgraph import data as vocab
from claimgraph.errors import NLPError
from claimgraph.ingest.dates import parse_date
from claimgraph.ingest.furniture import blank_spans
from claimgraph.model import (
    Actor,
    Attribution,
    Claim,
    Document,
    DocumentAnalysis,
    Event,
    Mention,
    Quantity,
    Span,
    Speaker,
    TimeExpression,
    make_id,
)
from claimgraph.nlp.actors import TokMention
from claimgraph.nlp.events import ATTACK_SUBJECTS, is_airstrike, province_in, province_of
from claimgraph.nlp.quotes import RawAttribution, RawSpeaker
from claimgraph.nlp.util import keep_text, sentence_of

__all__ = ["CHUNK_CHARS", "MAX_CHARS", "OnError", "analyze_docs", "doc_to_analysis", "split_text"]

_SINGULAR = {"he", "she", "him", "her"}
_PLURAL = {"they", "them"}
_LEAD = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def _mention_at(mentions: list[TokMention], i: int) -> TokMention | None:
    for m in mentions:
        if m.start <= i < m.end:
            return m
    return None


# nouns of a described body, not of people ("a UN panel", "the mission's report"): data/speakers.yaml
_GROUP_NOUNS = vocab.words("speakers.yaml", "group_nouns")


# what a body issues: a speaker headed by one of these speaks for the organisation named in it
_DOCUMENT_NOUNS = vocab.words("speakers.yaml", "document_nouns")


def _speaker_number(speaker: Speaker, actors: dict[str, Actor]) -> str | None:
    """singular (one person), plural (people, groups) or None (a text or thing)."""
    actor = actors.get(speaker.actor) if speaker.actor else None
    if actor is not None:
        return "singular" if actor.type == "person" else "plural"
    desc = (speaker.description or "").lower().split()
    if not desc:
        return None
    # the head of "commander from the southern Helmand province" is the first noun
    head = desc[0] if len(desc) == 1 else next((w for i, w in enumerate(desc) if i + 1 == len(desc) or desc[i + 1] in ("from", "of", "in", "at", "with", "under", "who")), desc[-1])
    if head in _GROUP_NOUNS:
        return None
    return "plural" if head.endswith("s") and not head.endswith("ss") else "singular"


def _resolve_speaker(
    doc: Doc, raw: RawSpeaker, actors: dict[str, Actor], mentions: list[TokMention], previous: list[Speaker]
) -> Speaker:
    if raw.start is None or raw.end is None or raw.head is None:
        return Speaker()
    if raw.refers_to is not None:
        # the relative pronoun is what the text says; who it is comes from the antecedent
        pron = doc[raw.start : raw.end]
        resolved = _resolve_speaker(doc, RawSpeaker(*raw.refers_to), actors, mentions, previous)
        resolved.text, resolved.span = pron.text, (pron.start_char, pron.end_char)
        return resolved
    span = doc[raw.start : raw.end]
    head = doc[raw.head]
    char_span = (span.start_char, span.end_char)
    if head.lower_ in _SINGULAR | _PLURAL and raw.end - raw.start <= 1:
        plural = head.lower_ in _PLURAL
        for prev in reversed(previous[-3:]):
            if _speaker_number(prev, actors) == ("plural" if plural else "singular"):
                return Speaker(prev.actor, head.text, (head.idx, head.idx + len(head.text)), prev.description, prev.anonymous, prev.affiliation)
        wanted = "person" if not plural else "organization"
        for m in reversed(mentions):
            if m.start < head.i and actors[m.actor].type == wanted:
                return Speaker(m.actor, head.text, (head.idx, head.idx + len(head.text)))
        return Speaker(None, head.text, (head.idx, head.idx + len(head.text)), None, True)
    if head.lower_ == "it" and raw.end - raw.start <= 1:
        # "it said": the body named before it in its sentence ("The United States designated a group
        # it said ..."), not inside a quote; else the body that spoke last, named or described
        # ("A late-night army statement said ... '...,' it added"); else one named just before
        it_at = (head.idx, head.idx + len(head.text))
        sent_start = sentence_of(doc, head.i)[0]
        for m in reversed(mentions):
            subject = any(t.dep_ in ("nsubj", "nsubjpass") for t in doc[m.start : m.end])
            if sent_start <= m.start and m.end <= head.i and subject and actors[m.actor].type in ("organization", "place"):
                between = doc[m.end : head.i].text
                if not any(q in between for q in ("\u201d", '"')):
                    return Speaker(m.actor, head.text, it_at)
        if previous:
            last = previous[-1]
            if last.actor and actors[last.actor].type in ("organization", "place"):
                return Speaker(last.actor, head.text, it_at)
            if last.actor is None and last.description and not last.anonymous:
                return Speaker(None, head.text, it_at, last.description, False, last.affiliation)
        prev_start = sentence_of(doc, sent_start - 1)[0] if sent_start > 0 else sent_start
        for m in reversed(mentions):
            if prev_start <= m.start < sent_start and actors[m.actor].type == "organization":
                return Speaker(m.actor, head.text, it_at)
        return Speaker(None, head.text, it_at, head.text, True)
    hm = _mention_at(mentions, head.i)
    if hm is None:
        described = _described_actor(doc, raw, head, actors, mentions)
        if described is not None:
            return Speaker(described, re.sub(r"\s+", " ", span.text).strip(), char_span)
    if hm is None:
        # a person named anywhere in a short phrase is the speaker ("said Edmund Fitton-Brown")
        inside = [m for m in mentions if raw.start <= m.start and m.end <= raw.end and actors[m.actor].type == "person"]
        if inside and len(span) <= inside[0].end - inside[0].start + 1:
            hm = inside[0]
    if hm is not None and (actors[hm.actor].type != "place" or _names_np(doc, raw, hm)):
        # a country or capital speaking ("France said", "Moscow denied") is its government's voice
        mspan = doc[hm.start : hm.end]
        return Speaker(hm.actor, mspan.text, (mspan.start_char, mspan.end_char))
    # "The government's chief negotiator, Defence Minister Tomas Reyes, told ...": the apposition names them
    for child in head.children:
        if child.dep_ == "appos":
            am = _mention_at(mentions, child.i)
            if am is not None and actors[am.actor].type == "person":
                mspan = doc[am.start : am.end]
                return Speaker(am.actor, mspan.text, (mspan.start_char, mspan.end_char), _LEAD.sub("", re.sub(r"\s+", " ", span.text).strip()))
    # "the KRC report", "a statement from the command": a document speaks for the one body that issued it
    if head.lower_ in _DOCUMENT_NOUNS:
        issuers = {
            m.actor for m in mentions
            if raw.start <= m.start and m.end <= raw.end and actors[m.actor].type == "organization"
        }
        if len(issuers) == 1:
            return Speaker(issuers.pop(), re.sub(r"\s+", " ", span.text).strip(), char_span, _LEAD.sub("", re.sub(r"\s+", " ", span.text).strip()))
        if not issuers and doc[raw.start].lower_ == "the":
            # "the statement" after "a statement from the command": the same document, the same body
            for prev in reversed(previous[-4:]):
                if prev.actor and prev.text and head.lower_ in prev.text.lower().split():
                    text = re.sub(r"\s+", " ", span.text).strip()
                    return Speaker(prev.actor, text, char_span, _LEAD.sub("", text))
    # a description: "two Taliban commanders", "US intelligence officials"
    affiliation = None
    for m in mentions:
        if raw.start <= m.start and m.end <= raw.end:
            affiliation = actors[m.actor].name
            break
    text = re.sub(r"\s+", " ", span.text).strip()
    named = any(
        raw.start <= m.start and m.end <= raw.end and actors[m.actor].type == "person" for m in mentions
    )
    # anonymous means unnamed people; "the mission's report" or "a UN panel" is a described body
    body = head.lower_ in _GROUP_NOUNS or head.lemma_ in _GROUP_NOUNS
    return Speaker(None, text, char_span, _LEAD.sub("", text), not named and not body, affiliation)


# words before a quoted phrase that make it a name, not someone's words ("the so-called \u201cpeace plan\u201d")
_NAMING_WORDS = vocab.words("speakers.yaml", "naming_words")
_QUOTED = re.compile(r"(\S*)\s*[\u201c\"]([^\u201c\u201d\"]+)[\u201d\"]")


def _quotes_speaker(content: str) -> bool:
    """Reported speech that quotes the speaker's words ("the truce had been \u201cimperfectly observed\u201d").

    Three words or more inside quote marks are the speaker's own, and so are two
    that end the statement; a word or two inside it ("and \u201cinitiated
    unprovoked\u201d firing"), or a phrase after "so-called", is a scare quote or a name.
    """
    for m in _QUOTED.finditer(content):
        if m.group(1).lower() in _NAMING_WORDS:
            continue
        words = len(m.group(2).split())
        if words >= 3 or (words == 2 and not content[m.end() :].strip(" .,;")):
            return True
    # a quote that opens in the statement and runs past its end ("the attack as a \u201cviolation of all ...")
    # when little comes before it: "the attack as a \u201cviolation ..." is the speaker's; "the truce is not
    # monitored by the UN and that the \u201cresponsibility ..." reports them
    opened = content.rfind("\u201c")
    if opened != -1 and "\u201d" not in content[opened:] and len(content[opened:].split()) >= 3:
        return len(content[:opened].split()) <= 6
    return False


def _names_np(doc: Doc, raw: RawSpeaker, m: TokMention) -> bool:
    """The speaker's phrase is the place's name, with at most an article and a time ("Pakistan on Wednesday")."""
    assert raw.start is not None and raw.end is not None
    extra = [t for t in doc[raw.start : raw.end] if not (m.start <= t.i < m.end)]
    if not extra:
        return True
    return all(t.lower_ == "the" or t.ent_type_ in ("DATE", "TIME") or t.lower_ in ("on", "in", "late", "early") for t in extra)


# the kinds of organisation a collective noun describes ("the ministry" -> a government body)
_NOUN_KINDS = vocab.word_lists("speakers.yaml", "noun_kinds")


def _described_actor(
    doc: Doc, raw: RawSpeaker, head: Token, actors: dict[str, Actor], mentions: list[TokMention]
) -> str | None:
    """The named actor a description refers to, when only one fits ("the minister", "the group", "the ministry").

    A role noun goes to the one person whose role says it ("the Ukrainian
    ombudsman" -> the person titled ombudsman); a collective noun to the one
    organisation whose name holds the noun or whose kind it describes. A
    description naming someone new ("a senior official", "two commanders") is
    no reference: only definite descriptions ("the ...", "the group's ...") resolve.
    """
    assert raw.start is not None
    first = doc[raw.start]
    if first.lower_ != "the" or head.tag_ not in ("NN", "NNP"):
        return None
    noun = head.lower_
    before = {m.actor for m in mentions if m.start < head.i}
    candidates: list[str] = []
    for actor in actors.values():
        if actor.id not in before:
            continue
        if actor.type == "person":
            if any(noun in r.title.lower().split() for r in actor.roles):
                candidates.append(actor.id)
        elif actor.type == "organization":
            words = actor.name.lower().split()
            if noun in words or actor.kind in _NOUN_KINDS.get(noun, ()):
                candidates.append(actor.id)
    # the qualifiers of the description must not contradict the candidate ("the Russian ministry")
    if len(candidates) == 1:
        return candidates[0]
    return None


def doc_to_analysis(doc: Doc, document: Document) -> DocumentAnalysis:
    """Build the model objects of one processed document."""
    actors: dict[str, Actor] = doc._.cg_actors or {}
    tok_mentions: list[TokMention] = doc._.cg_mentions or []
    text = document.text
    mentions = [
        Mention(
            m.actor,
            text[doc[m.start].idx : doc[m.end - 1].idx + len(doc[m.end - 1])],
            (doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])),
            m.label,
            document.id,
        )
        for m in tok_mentions
    ]
    attributions: list[Attribution] = []
    speakers: list[Speaker] = []
    raw_atts: list[RawAttribution] = doc._.cg_attributions or []
    for raw in raw_atts:
        speaker = _resolve_speaker(doc, raw.speaker, actors, tok_mentions, speakers)
        if raw.continues and speakers:
            speaker = speakers[-1]
        speakers.append(speaker)
        start, end = raw.content
        cue = raw.cue
        cue_text = None
        cue_span = None
        if cue is not None:
            if cue.lower_ == "according":
                cue_text, cue_span = "according to", (cue.idx, cue.idx + len("according to"))
            else:
                cue_text, cue_span = cue.text, (cue.idx, cue.idx + len(cue.text))
        attributions.append(
            Attribution(
                id=make_id("att", document.id, start, end),
                document=document.id,
                content=text[start:end],
                span=(start, end),
                direct=raw.direct or _quotes_speaker(text[start:end]),
                cue=cue_text,
                speaker=speaker,
                cue_span=cue_span,
            )
        )
    quantities = []
    for q in doc._.cg_quantities or []:
        span = doc[q.start : q.end]
        of = None
        if q.of_tokens is not None:
            m = _mention_at(tok_mentions, q.of_tokens[0])
            of = m.actor if m else None
        quantities.append(
            Quantity(
                id=make_id("qty", document.id, span.start_char, span.end_char),
                document=document.id,
                text=text[span.start_char : span.end_char],
                span=(span.start_char, span.end_char),
                min=q.min,
                max=q.max,
                unit=q.unit,
                approximate=q.approximate,
                of=of,
            )
        )
    timeline = [
        TimeExpression(make_id("tmx", document.id, t.start, t.end), document.id, text[t.start : t.end], (t.start, t.end), t.date, t.precision)
        for t in doc._.cg_timexes or []
    ]
    role_claims = _role_claims(doc, document, actors, tok_mentions, attributions)
    cue_lemmas = {a.id: (raw.cue.lemma_ or raw.cue.lower_) if raw.cue is not None else "" for a, raw in zip(attributions, raw_atts, strict=True)}
    # a claim two passes find (a role and an apposition, say) is one claim: its id says what it is
    claims = list({c.id: c for c in _claims(doc, document, attributions, timeline, cue_lemmas) + role_claims}.values())
    events = _events(doc, document, tok_mentions, actors, timeline)
    used = {m.actor for m in tok_mentions} | {x for c in claims for x in (c.subject, c.object) if x}
    return DocumentAnalysis(
        document=document,
        actors=[a for a in actors.values() if a.id in used],
        mentions=mentions,
        attributions=attributions,
        quantities=quantities,
        timeline=timeline,
        claims=claims,
        events=events,
    )


_PLOVER = {"kill": "ASSAULT", "airstrike": "ASSAULT", "wound": "ASSAULT", "civilian_casualty": "ASSAULT", "capture": "COERCE"}


def _actor_in(doc: Doc, i: int | None, token_actor: dict[int, str], actors: dict[str, Actor]) -> str | None:
    """The organisation or person named in the phrase of token ``i`` ("a Taliban leader" -> Taliban)."""
    if i is None:
        return None
    for t in doc[i].subtree:
        a = token_actor.get(t.i)
        if a and actors[a].type in ("organization", "person"):
            return a
    return None


_PLACE_ORDER = {"city": 0, None: 1, "region": 2, "country": 3}
# lemmas whose place is where someone spoke, not where the event was ("speaking at a summit in Oren")
_VENUE_VERBS = vocab.words("speakers.yaml", "venue_verbs")


def _places_in(doc: Doc, mentions: list[TokMention], actors: dict[str, Actor], start: int, end: int) -> str | None:
    """The places named in a clause, the most specific first ("Oren, Kivu, Zamora")."""
    names: list[tuple[int, int, str]] = []
    for m in mentions:
        actor = actors.get(m.actor)
        if actor is None or actor.type != "place" or not (start <= doc[m.start].idx < end):
            continue
        if any(t.lower_ == "according" or t.lemma_ in _VENUE_VERBS for t in doc[m.start].ancestors):
            continue  # "according to Kabul", "speaking at a summit in Nairobi": a source, not where it happened
        if doc[m.start].ent_type_ == "DATE":
            continue  # "in March 2022": a month the gazetteer may share with a place
        if actor.name not in [n for _, _, n in names]:
            names.append((_PLACE_ORDER.get(actor.kind, 1), m.start, actor.name))
    return ", ".join(n for _, _, n in sorted(names)) or None


def _events(
    doc: Doc, document: Document, mentions: list[TokMention], actors: dict[str, Actor], timeline: list[TimeExpression]
) -> list[Event]:
    """Events with their counts, who did it to whom, the province, the armed groups named, and the date."""
    # in the order of the text: a nominal death ("the death of one soldier") before the verb of its clause
    raws = sorted(doc._.cg_events or [], key=lambda r: (r.start, r.trigger))
    if not raws:
        return []
    token_actor: dict[int, str] = doc._.cg_token_actor or {}
    province = province_of(doc)
    groups = sorted({actors[m.actor].name for m in mentions if actors[m.actor].kind == "armed_group"})
    out: list[Event] = []
    phrases: dict[str, str] = {}
    for raw in raws:
        start, end = raw.start, raw.end
        at = doc[raw.trigger].idx
        days = [t for t in timeline if start <= t.span[0] < end and t.precision == "day"]
        # the date nearest the verb: "(Feb. 21, 2011) ... detained ... yesterday" is yesterday
        days.sort(key=lambda t: abs(t.span[0] - at))
        date = days[0].date if days else (document.published if document.published_from == "dateline" else None)
        text = document.text[start:end]
        # where this event happened: its sentence, else its paragraph, else the report's province
        para_start = document.text.rfind("\n\n", 0, start) + 1
        para_end = document.text.find("\n\n", end)
        paragraph = document.text[para_start : para_end if para_end != -1 else len(document.text)]
        # the places of the clause, and of the next sentence when it tells where "the attack" was
        places = _places_in(doc, mentions, actors, start, _told_where(doc, raw.trigger) or end)
        if raw.split and raw.patients:
            # one of two counts at two places: the place its own phrase names
            counted = doc[raw.patients[0]]
            # its own words, not those of the phrase conjoined to it ("179 people in Soro and 44 others ...")
            right = max((c.right_edge for c in counted.children if c.dep_ not in ("cc", "conj", "punct")), key=lambda t: t.i, default=counted)
            right = right if right.i > counted.i else counted
            places = _places_in(doc, mentions, actors, counted.left_edge.idx, right.idx + len(right)) or places
        location = province_in(text) or places or province_in(paragraph) or province
        if raw.civilian:
            kind = "civilian_casualty"
        elif is_airstrike(text):
            kind = "airstrike"
        else:
            kind = {"killed": "kill", "captured": "capture", "wounded": "wound"}[raw.kind]
        actor = _actor_in(doc, raw.agent, token_actor, actors)
        if actor is None and raw.operation:
            # "was killed in an operation": the operation the report told of before, by its doer
            actor = next((e.actor for e in reversed(out) if e.actor and e.type == kind), None)
        target = next((a for p in raw.patients if (a := _actor_in(doc, p, token_actor, actors))), None) or next(
            (a for p in raw.aimed if (a := _actor_in(doc, p, token_actor, actors))), None
        )  # "fired at the mission's headquarters, injuring two"
        # split counts of one verb are told apart by their counted phrase
        event_id = make_id("evt", document.id, start, raw.trigger, raw.kind, *raw.patients[:1]) if raw.split else make_id(
            "evt", document.id, start, raw.trigger, raw.kind
        )
        phrases[event_id] = raw.phrase
        out.append(
            Event(
                id=event_id,
                plover=_PLOVER.get(kind),
                actor=actor,
                target=target,
                document=document.id,
                type=kind,
                text=text,
                span=(start, end),
                killed=raw.count if raw.kind == "killed" else None,
                captured=raw.count if raw.kind == "captured" else None,
                wounded=raw.count if raw.kind == "wounded" else None,
                leaders_killed=raw.leaders if raw.kind == "killed" else None,
                leaders_captured=raw.leaders if raw.kind == "captured" else None,
                civilian=raw.civilian,
                security=raw.security,
                restated=raw.restated,
                # soldiers, police or civilians hit: the group targeted is theirs ("a nigerian police officer")
                target_group=raw.phrase if (raw.security or raw.civilian) and raw.phrase else "; ".join(groups) or None,
                location=location,
                date=date,
            )
        )
    return _wounded_with_killed(out, phrases, document.text)


def _told_where(doc: Doc, trigger: int) -> int | None:
    """The end of the next sentence when its subject is the attack just told ("... killing six
    soldiers. The dawn attack took place at a base in Oren"): it says where."""
    _, e = sentence_of(doc, trigger)
    if e >= len(doc):
        return None
    s2, e2 = sentence_of(doc, e)
    subject = next((t for t in doc[s2:e2] if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ not in ATTACK_SUBJECTS or not any(c.lower_ in ("the", "this") for c in subject.children):
        return None
    return doc[e2 - 1].idx + len(doc[e2 - 1])


def _wounded_with_killed(events: list[Event], phrases: dict[str, str] | None = None, text: str = "") -> list[Event]:
    """ "killing five soldiers and wounding ten": one attack with both counts, not two events; so are
    "three were killed in an attack. Twelve others were injured", the wounded "others" of the dead."""
    out: list[Event] = []
    for e in events:
        kill = next((k for k in out if k.span == e.span and k.type == "kill" and k.wounded is None), None)
        if kill is None and e.type == "wound" and out and (phrases or {}).get(e.id, "").endswith(" others"):
            last = out[-1]
            if last.type == "kill" and last.wounded is None and last.span[1] <= e.span[0] and not text[last.span[1] : e.span[0]].strip():
                kill = last  # the sentence right after the dead's
        if e.type == "wound" and e.wounded is not None and kill is not None and not e.civilian:
            kill.wounded = e.wounded
            kill.actor = kill.actor or e.actor  # "the death of one soldier" names no doer; "the attack wounded" may
            continue
        out.append(e)
    return out


_ROLE_RELATIONS = (
    (("spokesman", "spokeswoman", "spokesperson"), "spokesperson_for"),
    (("leader", "head", "chief", "commander", "chairman", "chairwoman", "founder", "director", "coordinator",
      "president", "premier", "chancellor", "king", "queen", "emir", "ruler"), "leads"),
    (("member",), "member_of"),
)


def _state_of_role(doc: Doc, actors: dict[str, Actor], predicate: str, organization: str) -> list[tuple[str, str]]:
    """ "a spokesman for Zamora's defence ministry" speaks for Zamora; "the head of the Zamoran police"
    works for Zamora (leads no state): a role in a state's institution is a role with the state too."""
    if predicate not in ("spokesperson_for", "works_for", "leads"):
        return []
    state = (doc.user_data.get("cg_institution_states") or {}).get(organization, (None,))[0]
    if state is None or state == organization or state not in actors:
        return []
    return [("spokesperson_for" if predicate == "spokesperson_for" else "works_for", state)]


def _role_claims(
    doc: Doc, document: Document, actors: dict[str, Actor], mentions: list[TokMention], attributions: list[Attribution]
) -> list[Claim]:
    """ "The group's spokesman, Idris Kamal": a role with an organisation is a relation, sourced to the article."""
    out = []
    for actor in actors.values():
        if actor.type != "person":
            continue
        first = next((m for m in mentions if m.actor == actor.id), None)
        if first is None:
            continue
        for role in actor.roles:
            if not role.organization or role.organization not in actors:
                continue
            words = set(role.title.lower().replace("-", " ").split())
            predicate = next((rel for nouns, rel in _ROLE_RELATIONS if words & set(nouns)), "works_for")
            if predicate == "leads" and words & {"deputy", "vice", "assistant", "under", "acting"}:
                predicate = "works_for"  # "deputy head", "vice president": under the one who leads
            # the sentence that gives the role ("... said CMA spokesman X"), else the first naming them
            s, e = sentence_of(doc, first.start)
            for m in mentions:
                if m.actor != actor.id:
                    continue
                ms, me = sentence_of(doc, m.start)
                if role.title.lower() in doc[ms:me].text.lower():
                    s, e = ms, me
                    break
            span = (doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))
            for pred, org in [(predicate, role.organization), *_state_of_role(doc, actors, predicate, role.organization)]:
                out.append(
                    Claim(
                        id=Claim.id_for(document.id, span, actor.id, pred, org, "affirmed"),
                        document=document.id,
                        subject=actor.id,
                        predicate=pred,
                        object=org,
                        polarity="affirmed",
                        text=document.text[span[0] : span[1]],
                        span=span,
                    )
                )
    # "Sudan's army", "the Malian army": an institution belongs to the state that names it
    for inst, (state, token) in (doc.user_data.get("cg_institution_states") or {}).items():
        if inst not in actors or state not in actors:
            continue
        s, e = sentence_of(doc, token)
        span = (doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))
        out.append(
            Claim(
                id=Claim.id_for(document.id, span, inst, "member_of", state, "affirmed"),
                document=document.id,
                subject=inst,
                predicate="member_of",
                object=state,
                polarity="affirmed",
                text=document.text[span[0] : span[1]],
                span=span,
            )
        )
    return out


_DENYING_CUES = vocab.words("cues.yaml", "denying_cues")
_NON_ASSERTING_CUES = vocab.words("cues.yaml", "non_asserting_cues")


def _claims(
    doc: Doc, document: Document, attributions: list[Attribution], timeline: list[TimeExpression], cue_lemmas: dict[str, str]
) -> list[Claim]:
    """Claims with their attribution (the innermost one around the trigger) and date.

    Inside "X denied that ..." the claim is X's, negated; inside "X declined
    to comment on ..." or "X asked whether ..." nobody asserts it.
    """
    out = []
    for raw in doc._.cg_claims or []:
        at = doc[raw.trigger].idx
        holders = [a for a in attributions if a.span[0] <= at < a.span[1]]
        holder = min(holders, key=lambda a: a.span[1] - a.span[0]) if holders else None
        cue = cue_lemmas.get(holder.id, "") if holder else ""
        if cue in _NON_ASSERTING_CUES:
            continue
        start, end = raw.start, raw.end
        dated = [t for t in timeline if start <= t.span[0] < end and t.date]
        polarity = "negated" if raw.negated != (cue in _DENYING_CUES) else "affirmed"
        span = (start, end)
        out.append(
            Claim(
                id=Claim.id_for(document.id, span, raw.subject, raw.predicate, raw.object, polarity),
                document=document.id,
                subject=raw.subject,
                predicate=raw.predicate,
                object=raw.object,
                polarity=polarity,
                text=document.text[start:end],
                span=span,
                attribution=holder.id if holder else None,
                hedges=raw.hedges,
                boosters=raw.boosters,
                date=dated[0].date if dated else None,
            )
        )
    return out


def _make_doc(nlp: Language, document: Document) -> Doc:
    skip = list(document.dropped_spans)
    if document.dateline_span:
        skip.append(document.dateline_span)
    text = blank_spans(document.text, skip)
    doc = nlp.make_doc(text)
    keep_text(doc, text)  # spaCy would join it again from the tokens
    published: date | None = parse_date(document.published) if document.published else None
    doc._.cg_published = published
    return doc


#: documents per spaCy memory zone (see analyze_docs)
ZONE_SIZE = 256
#: a text longer than this is analysed in paragraph-aligned pieces of at most this many characters:
#: the parser's memory grows with a Doc's length (990,000 characters took 3.2 GB in one Doc), and
#: pieces keep memory and time per character level; a news article is a few thousand characters
CHUNK_CHARS = 50_000
#: characters in one batch through the pipeline (a batch of short articles is far below it)
BATCH_CHARS = 100_000
#: a text longer than this is refused: it is no article (the file limit is 10 MB)
MAX_CHARS = 10_000_000

#: called with a document whose analysis failed and the exception; the batch goes on
OnError = Callable[[Document, Exception], None]


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[Span]:
    """``text`` cut into spans of at most ``limit`` characters that cover it, in order.

    Each cut falls at the last paragraph break before the limit, else the last
    line break, else the last sentence end, else the last space: the pieces are
    analysed as documents of their own, and a sentence cut in two is lost.
    """
    spans: list[Span] = []
    start, n = 0, len(text)
    while n - start > limit:
        window = text[start : start + limit]
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            at = window.rfind(sep, limit // 4)
            if at != -1:
                cut = at + len(sep)
                break
        if cut <= 0:
            cut = limit
        spans.append((start, start + cut))
        start += cut
    spans.append((start, n))
    return spans


def _parts(document: Document, limit: int) -> list[tuple[Document, int]]:
    """The document itself, or for a text over ``limit`` its pieces as documents of their own with their offsets."""
    if len(document.text) <= limit:
        return [(document, 0)]
    out = []
    for i, (start, end) in enumerate(split_text(document.text, limit)):
        inside = [(a - start, b - start) for a, b in document.dropped_spans if start <= a and b <= end]
        dateline = document.dateline_span
        part = replace(
            document,
            id=f"{document.id}:part{i}",
            text=document.text[start:end],
            dropped=[],
            dropped_spans=inside,
            dateline_span=(dateline[0] - start, dateline[1] - start) if dateline and start <= dateline[0] and dateline[1] <= end else None,
        )
        out.append((part, start))
    return out


def _merge(document: Document, pieces: list[tuple[DocumentAnalysis, int]]) -> DocumentAnalysis:
    """One analysis of ``document`` from the analyses of its pieces: spans moved by each piece's
    offset, ids made again from the document's id and the moved spans, one actor per id."""

    def at(span: Span, off: int) -> Span:
        return (span[0] + off, span[1] + off)

    out = DocumentAnalysis(document=document)
    actors: dict[str, Actor] = {}
    doc_id = document.id
    for piece, off in pieces:
        for actor in piece.actors:
            kept = actors.setdefault(actor.id, actor)
            if kept is not actor:
                for alias in [actor.name, *actor.aliases]:
                    kept.add_alias(alias)
                for role in actor.roles:
                    kept.add_role(role)
        for m in piece.mentions:
            m.span, m.document = at(m.span, off), doc_id
            out.mentions.append(m)
        moved: dict[str, str] = {}
        for a in piece.attributions:
            a.span, a.document = at(a.span, off), doc_id
            a.cue_span = at(a.cue_span, off) if a.cue_span else None
            a.speaker.span = at(a.speaker.span, off) if a.speaker.span else None
            moved[a.id] = a.id = make_id("att", doc_id, *a.span)
            out.attributions.append(a)
        for q in piece.quantities:
            q.span, q.document = at(q.span, off), doc_id
            q.id = make_id("qty", doc_id, *q.span)
            out.quantities.append(q)
        for t in piece.timeline:
            t.span, t.document = at(t.span, off), doc_id
            t.id = make_id("tmx", doc_id, *t.span)
            out.timeline.append(t)
        for c in piece.claims:
            c.span, c.document = at(c.span, off), doc_id
            c.attribution = moved.get(c.attribution, c.attribution) if c.attribution else None
            c.id = Claim.id_for(doc_id, c.span, c.subject, c.predicate, c.object, c.polarity)
            out.claims.append(c)
        for e in piece.events:
            e.span, e.document = at(e.span, off), doc_id
            e.id = make_id("evt", doc_id, *e.span, e.id)
            out.events.append(e)
    out.actors = list(actors.values())
    return out


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def analyze_docs(
    nlp: Language, documents: Iterable[Document], batch_size: int = 32, on_error: OnError | None = None
) -> Iterator[DocumentAnalysis]:
    """Run the pipeline over documents, streaming, in batches.

    Every ``ZONE_SIZE`` documents run in a spaCy memory zone: the strings and
    lexemes a chunk adds to the shared vocabulary are freed once its analyses
    (plain Python objects) are made, so memory does not grow with the corpus.

    A text over ``CHUNK_CHARS`` is analysed in pieces (``split_text``) and its
    analysis put together again. With ``on_error``, a document that fails
    (too long, or any error in the pipeline) is passed to it and left out, and
    the others are analysed as usual; without, the error propagates.
    """
    stream = iter(documents)
    while chunk := list(islice(stream, ZONE_SIZE)):
        yield from _analyze_zone(nlp, chunk, batch_size, on_error)


def _analyze_zone(nlp: Language, chunk: list[Document], batch_size: int, on_error: OnError | None) -> Iterator[DocumentAnalysis]:
    wanted: list[tuple[Document, list[tuple[Document, int]]]] = []
    limit = min(CHUNK_CHARS, nlp.max_length)
    for document in chunk:
        if len(document.text) > MAX_CHARS:
            exc = NLPError(f"text too long to analyse ({len(document.text):,} characters > {MAX_CHARS:,})")
            if on_error is None:
                raise exc
            on_error(document, exc)
            continue
        wanted.append((document, _parts(document, limit)))
    flat = [(part, off) for _, parts in wanted for part, off in parts]
    handed = 0  # documents of `wanted` yielded so far
    try:
        with nlp.memory_zone():
            done: list[tuple[DocumentAnalysis, int]] = []
            taken = 0  # pieces of `done` that went into those documents
            for group in _batches(flat, batch_size):
                docs = nlp.pipe((_make_doc(nlp, part) for part, _ in group), batch_size=len(group))
                done.extend((doc_to_analysis(doc, part), off) for doc, (part, off) in zip(docs, group, strict=True))
                # a document goes out as soon as all its pieces are in, still inside the zone (an
                # analysis holds no spaCy object): the caller stores it while the next batch parses
                while handed < len(wanted) and taken + len(wanted[handed][1]) <= len(done):
                    document, parts = wanted[handed]
                    pieces = done[taken : taken + len(parts)]
                    analysis = pieces[0][0] if len(parts) == 1 else _merge(document, pieces)
                    taken += len(parts)
                    handed += 1
                    yield analysis
    except Exception:
        if on_error is None:
            raise
        # something in this zone failed: the documents not handed over yet, again one at a time,
        # so that only the failing one is lost
        yield from _analyze_one_by_one(nlp, wanted[handed:], on_error)


def _batches(flat: list[tuple[Document, int]], size: int) -> Iterator[list[tuple[Document, int]]]:
    """Runs of at most ``size`` documents and, past the first, at most ``BATCH_CHARS`` characters:
    the parser holds a whole batch at once, and its memory grows with the characters in it."""
    group: list[tuple[Document, int]] = []
    chars = 0
    for item in flat:
        n = len(item[0].text)
        if group and (len(group) >= size or chars + n > BATCH_CHARS):
            yield group
            group, chars = [], 0
        group.append(item)
        chars += n
    if group:
        yield group


def _analyze_one_by_one(
    nlp: Language, wanted: list[tuple[Document, list[tuple[Document, int]]]], on_error: OnError
) -> Iterator[DocumentAnalysis]:
    for document, parts in wanted:
        try:
            with nlp.memory_zone():
                pieces = [(doc_to_analysis(nlp(_make_doc(nlp, part)), part), off) for part, off in parts]
        except Exception as exc:
            on_error(document, NLPError(f"analysis failed ({_first_line(exc)})"))
            continue
        yield pieces[0][0] if len(parts) == 1 else _merge(document, pieces)
