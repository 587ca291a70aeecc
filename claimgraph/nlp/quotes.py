"""Attributions: who said what, in direct quotes and indirect speech.

Direct quotes are found from the quote marks themselves (curly or straight,
balanced or not, across sentences and paragraphs), then tied to a cue verb and
speaker next to them: quote-cue-speaker ("..., said X"), speaker-cue-quote
("X said: ..."), cue inside a split quote, and a paragraph that continues the
previous speaker's quote. Indirect speech comes from the dependency parse: a
speech verb with a clausal complement ("X said (that) ..."), content before
the cue ("..., X said"), and "according to X, ...". Speakers that are pronouns
go to the previous speaker; descriptions ("two Taliban commanders") are kept
as descriptions, anonymous, with the organisation they name as affiliation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from claimgraph import data as vocab
from claimgraph.model import Span as CharSpan
from claimgraph.nlp.util import doc_text, indices_with, sentence_of

__all__ = ["RawAttribution", "RawSpeaker", "find_quote_spans", "AttributionFinder"]

_OPEN = "\u201c\u00ab\u201e"
_CLOSE = "\u201d\u00bb"
_SUBJ_DEPS = {"nsubj", "nsubjpass"}
_STOP_SPEAKER = {",", ";", ":", "(", "\u2014", "\u2013", "who", "which", "whose"}


# the cue verbs of data/cues.yaml (lemmas), read once at import
_SPEECH_VERBS = vocab.words("cues.yaml", "speech_verbs")
_CLAUSAL_ONLY = vocab.words("cues.yaml", "clausal_only")
_QUOTE_VERBS = vocab.words("cues.yaml", "quote_verbs")
_STANCE_VERBS = vocab.words("cues.yaml", "stance_verbs")


_HEADLINE_TAIL = re.compile(r"^\s*(\S.{15,}?\S)\s+[-\u2013\u2014]\s+([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})\s*$")
_HEADLINE = re.compile(r"^\s*([^:\n]{2,60}?)\s*:\s+(\S.*\S)\s*$")
_STATEMENT_NOUNS = vocab.words("cues.yaml", "statement_nouns")
_LISTENERS = vocab.words("cues.yaml", "listeners")  # "X told reporters: ..."
_QUOTE_CHARS = frozenset("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb")
_COMPLEMENTS = {"dobj", "ccomp", "xcomp", "prep", "oprd", "attr", "acomp", "pcomp", "obj", "dative", "prt"}


def _dateline(doc: Doc, tok: Token) -> bool:
    """A name that opens its line and a colon follows ("Aldera: the army said ..."): a dateline."""
    left = tok.left_edge.i
    opens = left == 0 or "\n" in doc[left - 1].text or "\n" in doc[left - 1].whitespace_
    return opens and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":"


@dataclass
class RawSpeaker:
    """A speaker by token span (None when not found) and how it refers."""

    start: int | None = None
    end: int | None = None
    head: int | None = None
    refers_to: tuple[int, int, int] | None = None  # (start, end, head) of a relative pronoun's antecedent


@dataclass
class RawAttribution:
    content: CharSpan
    direct: bool
    cue: Token | None
    speaker: RawSpeaker
    continues: bool = False  # a quote paragraph with no cue of its own


def find_quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """Quoted passages as (start, end, unclosed), marks included, in text order.

    Tolerates unbalanced marks: a stray closing mark is ignored, an opening mark
    left open at a paragraph end continues when the next paragraph opens a quote
    (the newspaper convention for multi-paragraph quotes) and otherwise ends at
    the paragraph end, flagged as unclosed.
    """
    marks: list[tuple[int, str]] = []
    for i, ch in enumerate(text):
        if ch in _OPEN:
            marks.append((i, "open"))
        elif ch in _CLOSE:
            marks.append((i, "close"))
        elif ch == '"':
            prev = text[i - 1] if i > 0 else " "
            nxt = text[i + 1] if i + 1 < len(text) else " "
            if prev.isspace() or prev in "([{\u2014\u2013-/" or i == 0:
                marks.append((i, "open"))
            elif nxt.isspace() or nxt in ".,;:!?)]}\u2014\u2013-" or not prev.isspace():
                marks.append((i, "close"))
    spans: list[tuple[int, int, bool]] = []
    open_at: int | None = None

    def para_end(start: int, stop: int) -> int | None:
        nl = text.find("\n", start, stop)
        return nl if nl != -1 else None

    since = 0  # where the open quote's current paragraph starts
    for pos, kind in marks:
        if open_at is not None:
            nl = para_end(since, pos)
            if nl is not None:
                # the quote ran into a new paragraph without closing
                paragraph_start = nl
                while paragraph_start < len(text) and text[paragraph_start].isspace():
                    paragraph_start += 1
                if not (kind == "open" and pos == paragraph_start):
                    spans.append((open_at, nl, True))
                    open_at = None
                else:
                    since = pos
                    continue  # continuation paragraph: keep the quote open
        if kind == "open":
            if open_at is None:
                open_at = since = pos
            # a second opening mark in the same paragraph: keep the first
        elif open_at is not None:
            spans.append((open_at, pos + 1, False))
            open_at = None
    if open_at is not None:
        nl = text.find("\n", since)
        spans.append((open_at, nl if nl != -1 else len(text), True))
    return [s for s in spans if s[1] - s[0] > 2]


def _word_count(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


class AttributionFinder:
    """The ``claimgraph_quotes`` component: sets ``doc._.cg_attributions``."""

    def __call__(self, doc: Doc) -> Doc:
        speech, clausal_only, quote_verbs = _SPEECH_VERBS, _CLAUSAL_ONLY, _QUOTE_VERBS
        text = doc_text(doc)
        quotes = [q for q in find_quote_spans(text) if _word_count(text[q[0] : q[1]]) >= 1]
        in_quote = [False] * len(doc)
        quote_tokens: list[Span | None] = []
        for start, end, _ in quotes:
            span = doc.char_span(start, end, alignment_mode="expand")
            quote_tokens.append(span)
            if span is not None:
                for i in range(span.start, span.end):
                    in_quote[i] = True

        used_cues: set[int] = set()
        found: list[RawAttribution] = []
        prev_direct: RawAttribution | None = None
        for (start, end, _unclosed), span in zip(quotes, quote_tokens, strict=False):
            if span is None:
                continue
            words = _word_count(text[start:end])
            att = self._direct(doc, span, in_quote, quote_verbs)
            if att is None and prev_direct is not None and words >= 4:
                # a whole quote paragraph right after a paragraph that ends in an
                # attributed quote continues it (the newspaper convention)
                before = text[:start].rstrip(" \t")
                gap = text[prev_direct.content[1] : start]
                if before.endswith("\n") and gap.count("\n") >= 1 and len(gap) < 120 and _word_count(gap) <= 12:
                    att = RawAttribution((start, end), True, None, prev_direct.speaker, continues=True)
                elif (
                    "\n" not in gap
                    and prev_direct.cue is not None
                    and prev_direct.content[1] <= prev_direct.cue.idx < start
                    and gap.rstrip().endswith(".")
                    and _word_count(gap) <= 10
                ):
                    # "..., Maria Lopez said. “They reiterated ...”": the next sentence of the
                    # same paragraph, a quote with no cue of its own, goes on with the same speaker;
                    # one statement in two pieces (as PolNeAR annotates it), so the content runs on
                    prev_direct.content = (prev_direct.content[0], end)
                    continue
            if att is None:
                continue
            if words < 4 and not att.continues:
                # scare quotes and quoted fragments are left to indirect speech
                ss, se = sentence_of(doc, span.start)
                sent_words = _word_count(text[doc[ss].idx : doc[se - 1].idx + len(doc[se - 1])])
                if sent_words > words + 6:
                    continue
            att.content = (start, end)
            found.append(att)
            if att.cue is not None:
                used_cues.add(att.cue.i)
            prev_direct = att

        direct_spans = [a.content for a in found]
        stance = _STANCE_VERBS
        candidates = sorted(set(indices_with(doc, speech | stance, "lemma")) | set(indices_with(doc, ("according",))))
        for i in candidates:
            tok = doc[i]
            if i in used_cues or in_quote[i]:
                continue
            if tok.lemma_ in speech and tok.pos_ in ("VERB", "AUX"):
                att = self._indirect(doc, tok, clausal_only, quote_verbs, in_quote)
                if att is None and tok.lemma_ in _STANCE_VERBS:
                    att = self._stance(doc, tok, in_quote)
            elif tok.lemma_ in _STANCE_VERBS and tok.pos_ == "VERB":
                att = self._stance(doc, tok, in_quote)
            elif tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                att = self._according(doc, tok)
            else:
                continue
            if att is None:
                continue
            s, e = att.content
            if any(_overlap((s, e), d) > 0.5 * min(e - s, d[1] - d[0]) for d in direct_spans):
                continue
            found.append(att)
        # "a mediator said the Brigades wanted all 250 released": the wanting is the
        # mediator's report, not a stance the Brigades took on record
        speech_spans = [a.content for a in found if a.cue is None or a.cue.lemma_ in speech or a.cue.lower_ == "according"]
        found = [
            a
            for a in found
            if a.cue is None
            or a.cue.lemma_ in speech
            or a.cue.lower_ == "according"
            or not any(s <= a.cue.idx < e for s, e in speech_spans)
        ]
        for att in self._headline_colons(doc, text):
            s, e = att.content
            # "Yemen rebels: Coalition strikes kill dozens, UAE denies it": a reading whose content
            # swallows the headline's speaker ("Yemen rebels:") is the parser's, not the headline's
            speaker_start = doc[att.speaker.start].idx if att.speaker.start is not None else s
            found = [a for a in found if not (a.content[0] <= speaker_start < a.content[1])]
            if not any(_overlap((s, e), a.content) > 0 for a in found):
                found.append(att)
        found.sort(key=lambda a: a.content[0])
        doc._.cg_attributions = found
        return doc

    # -- headlines -----------------------------------------------------------

    def _headline_colons(self, doc: Doc, text: str) -> list[RawAttribution]:
        """ "Graham: Trump's Rhetoric Destroying GOP's Chance": a short line, a name, a colon."""
        out = []
        pos = 0
        actors = doc._.cg_actors or {}
        token_actor = doc._.cg_token_actor or {}
        for line in text.split("\n"):
            start = pos
            pos += len(line) + 1
            if start == 0 or "\n" in text[max(0, start - 2) : start]:
                tail = _HEADLINE_TAIL.match(line)
                if tail is not None and _word_count(line) <= 30:
                    # "Mali: army and fighters executed 500 people in Moura - UN": the source signs at the end
                    att = self._signed_headline(doc, start, tail, actors, token_actor)
                    if att is not None:
                        out.append(att)
                        continue
            m = _HEADLINE.match(line)
            if not m or _word_count(line) > 30:
                continue
            who = m.group(1)
            if any(ch.isdigit() for ch in who) or not who[:1].isupper() or _word_count(who) > 6:
                continue
            if _word_count(m.group(2)) < 3:
                continue
            sp = doc.char_span(start + m.start(1), start + m.end(1), alignment_mode="expand")
            content = doc.char_span(start + m.start(2), start + len(line.rstrip()), alignment_mode="expand")
            if sp is None or content is None or not any(t.pos_ == "PROPN" for t in sp):
                continue
            quoted = m.group(2)[:1] in _OPEN + "\u2018'\""
            # "Pakistan: Cross-Border Indian Firing Kills 4 Civilians", "Prisoner swap: ...": a place or a
            # topic before the colon says what the story is about, not who speaks; "Israel: ‘Fake news’"
            # (a quote after the colon) and "Graham: ..." (someone who can speak) do speak
            kinds = {actors[token_actor[t.i]].type for t in sp if t.i in token_actor and token_actor[t.i] in actors}
            # people described in the plural can speak too ("Yemen rebels: ...", "Officials: ...")
            people = sp[-1].tag_ == "NNS" and sp[-1].text.islower()
            if not quoted and not people and not (kinds & {"person", "organization"}):
                continue
            # "..., UAE denies it": another speaker's clause after a comma is not the headline speaker's
            quote_verbs = _QUOTE_VERBS
            for t in content:
                if t.lemma_ in quote_verbs and t.pos_ == "VERB" and any(c.dep_ in _SUBJ_DEPS for c in t.children):
                    commas = [c for c in content if c.text in (",", ";") and c.i < t.i]
                    if commas and commas[-1].i > content.start + 2:
                        content = doc[content.start : commas[-1].i]
                    break
            head = max(sp, key=lambda t: (t.pos_ == "PROPN", t.i))
            out.append(RawAttribution((content.start_char, content.end_char), False, None, RawSpeaker(sp.start, sp.end, head.i)))
        return out

    def _signed_headline(
        self, doc: Doc, start: int, tail: re.Match[str], actors: dict[str, Any], token_actor: dict[int, str]
    ) -> RawAttribution | None:
        sp = doc.char_span(start + tail.start(2), start + tail.end(2), alignment_mode="expand")
        if sp is None or not any(t.i in token_actor and actors[token_actor[t.i]].type in ("person", "organization") for t in sp):
            return None
        body = tail.group(1)
        colon = _HEADLINE.match(body)
        offset = colon.start(2) if colon else 0  # "Mali: ..." names the story's place, not its source
        content = doc.char_span(start + offset, start + tail.end(1), alignment_mode="expand")
        if content is None or _word_count(content.text) < 3:
            return None
        head = max(sp, key=lambda t: (t.pos_ == "PROPN", t.i))
        return RawAttribution((content.start_char, content.end_char), False, None, RawSpeaker(sp.start, sp.end, head.i))

    # -- direct quotes -------------------------------------------------------

    def _direct(self, doc: Doc, quote: Span, in_quote: list[bool], quote_verbs: frozenset[str]) -> RawAttribution | None:
        # after the quote: ", said X" / ", X said" / "X added."
        i = quote.end
        limit = min(len(doc), quote.end + 10)
        inner = quote.text.rstrip().rstrip(_CLOSE + '"').rstrip()
        k = i
        while k < len(doc) and doc[k].is_space and "\n" not in doc[k].text:
            k += 1
        if inner.endswith((".", "!", "?")) and k < len(doc) and doc[k].text[:1].isupper():
            # "...end of quote." The next sentence begins: its cue is not this quote's.
            limit = i
        while i < limit:
            tok = doc[i]
            if "\n" in tok.text or (i > quote.end and "\n" in doc[i - 1].whitespace_):
                break  # a cue in the next paragraph belongs to that paragraph
            if in_quote[i] or (tok.text in (".", "!", "?") and i > quote.end):
                break
            if tok.lemma_ in quote_verbs and tok.pos_ in ("VERB", "AUX"):
                speaker = self._speaker_of(doc, tok, after=quote.end, in_quote=in_quote)
                if speaker.start is not None:
                    return RawAttribution((0, 0), True, tok, speaker)
            if tok.is_sent_start and i > quote.end + 1:
                break
            i += 1
        # before the quote: "X said: ..." / "X said, ..." / "X told reporters ..."
        j = quote.start - 1
        lower = max(0, quote.start - 12)
        while j >= lower:
            tok = doc[j]
            if in_quote[j] or tok.text in (".", "!", "?"):
                break
            if tok.lemma_ in quote_verbs and tok.pos_ in ("VERB", "AUX"):
                between = doc[tok.i + 1 : quote.start]
                if all(t.is_punct or t.dep_ in ("dobj", "dative", "pobj", "prep", "mark", "npadvmod", "advmod") or t.lower_ == "that" or t.lower_ in _LISTENERS for t in between):
                    speaker = self._speaker_of(doc, tok, after=None, in_quote=in_quote)
                    if speaker.start is not None:
                        return RawAttribution((0, 0), True, tok, speaker)
                break
            j -= 1
        return None

    # -- indirect speech -----------------------------------------------------

    def _indirect(
        self, doc: Doc, verb: Token, clausal_only: frozenset[str], quote_verbs: frozenset[str], in_quote: list[bool]
    ) -> RawAttribution | None:
        comps = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
        if not comps:
            comps = [c for c in verb.children if c.dep_ == "ccomp"]
        content: tuple[int, int] | None = None
        if comps:
            # the parser sometimes splits one clause into several ccomps: take them all
            left, right = min(c.left_edge.i for c in comps), max(c.right_edge.i for c in comps)
            if right < verb.i:
                # content before the cue: "..., X said." The clause runs from the
                # sentence start, minus a leading "But" or quote mark.
                left = min(left, sentence_of(doc, verb.i)[0])
            content = (left, right + 1)
        elif (xcomps := [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i and c.pos_ in ("VERB", "AUX")]) and any(
            t.lower_ == "to" for t in xcomps[0].children
        ):
            # "the Houthis claimed to have hit a Saudi target": what they claim is the infinitive's clause
            content = (xcomps[0].left_edge.i, xcomps[0].right_edge.i + 1)
        elif any(c.dep_ in ("dobj", "obj") for c in verb.children):
            # "UAE denies it": the verb has its own object, the clause before is no content of it
            return None
        elif verb.lemma_ not in clausal_only and verb.dep_ in ("parataxis", "ccomp", "conj", "advcl", "ROOT") and verb.lemma_ in quote_verbs:
            sent_start, sent_end = sentence_of(doc, verb.i)
            subj_left = min([c.left_edge.i for c in verb.children if c.dep_ in _SUBJ_DEPS] + [verb.i])
            if subj_left > sent_start + 2 and verb.i > sent_start:
                content = (sent_start, subj_left)
                # "The economy, he said, is ...": the content goes on after the cue
                after = verb.right_edge.i + 1
                if after + 2 < sent_end and doc[after].text == "," and not any(in_quote[k] for k in range(after, sent_end)):
                    content = (sent_start, sent_end)
        if content is None:
            return None
        left, right = content
        while left < right and (doc[left].is_punct or doc[left].is_space or doc[left].lower_ in ("but", "and", "however")):
            left += 1
        while right > left and (doc[right - 1].is_punct or doc[right - 1].is_space):
            if doc[right - 1].text in _CLOSE + '"' and any(in_quote[k] for k in range(left, right - 1)):
                break
            right -= 1
        if right - left < 3:
            return None
        speaker = self._speaker_of(doc, verb, after=None, in_quote=in_quote)
        if speaker.start is None:
            return None
        if speaker.end is not None and speaker.start < right and speaker.end > left:
            return None
        span = doc[left:right]
        return RawAttribution((span.start_char, span.end_char), False, verb, speaker)

    def _stance(self, doc: Doc, verb: Token, in_quote: list[bool]) -> RawAttribution | None:
        """A stance verb's complement as content: "X urged the Taliban to cut ties"."""
        comps = [c for c in verb.children if c.i > verb.i and c.dep_ in _COMPLEMENTS]
        if not comps or verb.dep_ in ("amod", "acl", "relcl", "aux", "auxpass"):
            return None
        if any(c.dep_ == "auxpass" for c in verb.children):
            return None  # "was named", "were asked": the subject is not the one taking the stance
        left = min(c.left_edge.i for c in comps)
        right = max(c.right_edge.i for c in comps) + 1
        # trailing adverbial clauses and coordinated verbs are not part of the stance
        for c in verb.children:
            # (a quote mark opens the stance's own words: "calling it “a fair start”")
            if c.i > verb.i and c.dep_ in ("advcl", "conj", "cc", "punct") and c.i < right and c.text not in _QUOTE_CHARS:
                right = min(right, c.left_edge.i) if c.left_edge.i > left else right
        while left < right and (doc[left].is_punct or doc[left].dep_ == "prt"):
            left += 1
        while right > left and (doc[right - 1].is_punct or doc[right - 1].is_space):
            right -= 1
        if right - left < 2:
            return None
        speaker = self._speaker_of(doc, verb, after=None, in_quote=in_quote)
        if speaker.start is None or speaker.head is None:
            return None
        head = doc[speaker.head]
        if head.lower_ in ("it", "this", "that", "which", "what", "there") or head.pos_ not in ("PROPN", "NOUN", "PRON"):
            return None
        if speaker.end is not None and speaker.start < right and speaker.end > left:
            return None
        span = doc[left:right]
        return RawAttribution((span.start_char, span.end_char), False, verb, speaker)

    def _according(self, doc: Doc, according: Token) -> RawAttribution | None:
        to = doc[according.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next((t for t in doc[to.i + 1 : to.i + 6] if t.pos_ in ("PROPN", "NOUN", "PRON")), None)
        if pobj is None:
            return None
        s_left, s_right = self._np_bounds(doc, pobj, start=to.i + 1)
        sent_start, sent_end = sentence_of(doc, according.i)
        if according.i <= sent_start + 1:
            left, right = s_right, sent_end
        else:
            left, right = sent_start, according.i
        while left < right and (doc[left].is_punct or doc[left].is_space):
            left += 1
        while right > left and (doc[right - 1].is_punct or doc[right - 1].is_space):
            right -= 1
        if right - left < 3:
            return None
        span = doc[left:right]
        return RawAttribution((span.start_char, span.end_char), False, according, RawSpeaker(s_left, s_right, pobj.i))

    # -- speakers ------------------------------------------------------------

    def _np_bounds(self, doc: Doc, head: Token, start: int | None = None) -> tuple[int, int]:
        """The noun phrase of ``head``: its left edge to its right edge, cut at a comma or clause."""
        left = head.left_edge.i if start is None else max(start, head.left_edge.i)
        # a noun phrase never runs across a line break ("12:15 p.m.\n\nPresident Obama")
        for k in range(head.i - 1, left - 1, -1):
            if "\n" in doc[k].text or "\n" in doc[k].whitespace_:
                left = k + 1
                break
        right = head.i + 1
        for t in doc[head.i + 1 : head.right_edge.i + 1]:
            if t.text in _STOP_SPEAKER or t.dep_ in ("relcl", "acl", "appos") or t.pos_ == "VERB":
                break
            right = t.i + 1
        while left < head.i and (doc[left].is_punct or doc[left].text in _CLOSE + _OPEN + '"'):
            left += 1
        return left, right

    def _speaker_of(self, doc: Doc, verb: Token, after: int | None, in_quote: list[bool]) -> RawSpeaker:
        subjects = [c for c in verb.children if c.dep_ in _SUBJ_DEPS and not in_quote[c.i]]
        # "Aldera: the Zamoran army rejected ...": a dateline parsed as a second subject is no speaker
        subj = next((c for c in subjects if not _dateline(doc, c)), subjects[0] if subjects else None)
        if subj is None and verb.dep_ in ("conj", "xcomp", "advcl", "pcomp") and verb.head.i < verb.i:
            # "..., saying that ..." / "acknowledged ... but told ...": the head verb's subject
            subj = next((c for c in verb.head.children if c.dep_ in _SUBJ_DEPS and not in_quote[c.i]), None)
        if subj is None and verb.dep_ == "acl" and verb.head.lower_ in _STATEMENT_NOUNS and verb.head.head.i < verb.head.i:
            # "The junta issued a statement saying ...": whoever issued the statement says it
            subj = next((c for c in verb.head.head.children if c.dep_ in _SUBJ_DEPS and not in_quote[c.i]), None)
        if subj is not None and subj.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
            # "Sanders, who said ...": the text names the speaker by "who"; the antecedent speaks
            ant_left, ant_right = self._np_bounds(doc, verb.head)
            return RawSpeaker(subj.i, subj.i + 1, subj.i, refers_to=(ant_left, ant_right, verb.head.i))
        if subj is not None and (after is None or subj.i >= after):
            left, right = self._np_bounds(doc, subj)
            return RawSpeaker(left, right, subj.i)
        # "said X" with X parsed as an object or left dangling
        if after is not None:
            i = verb.i + 1
            while i < len(doc) and doc[i].is_space:
                i += 1
            j = i
            while j < len(doc) and j < i + 8 and doc[j].text not in _STOP_SPEAKER | {".", "!", "?"} and not in_quote[j]:
                if doc[j].pos_ in ("VERB", "AUX") or "\n" in doc[j].text or (doc[j].lower_ in ("on", "after", "in", "at", "during", "while") and j > i and doc[j - 1].pos_ == "PROPN"):
                    break
                j += 1
            ok_start = i < len(doc) and doc[i].lower_ not in ("that", "it", "this", "to", "how", "what", "why", "whether", "if")
            if j > i and ok_start and any(doc[k].pos_ in ("PROPN", "NOUN", "PRON") for k in range(i, j)):
                head = max(range(i, j), key=lambda k: (doc[k].pos_ in ("PROPN", "NOUN", "PRON"), -abs(doc[k].head.i - verb.i) if doc[k].head.i == verb.i else -99, k))
                return RawSpeaker(i, j, head)
            prev = verb.i - 1
            if prev >= after and doc[prev].pos_ in ("PRON", "PROPN", "NOUN"):
                left, right = self._np_bounds(doc, doc[prev])
                return RawSpeaker(max(left, after), right, prev)
        return RawSpeaker()


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))
