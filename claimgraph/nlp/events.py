"""Events with counts: who killed, captured or wounded how many, where and when.

Clause by clause, a kill or capture verb ("killed", "detained", "arrested")
with its counted object ("two insurgents", "a Taliban leader and several
associates", "three insurgents have been killed") gives an event. Counts:
numbers and number words, "a"/"an"/"one" = 1, and vague quantities
("several", "multiple", "a number of") at the least they mean (``events.yaml``:
3 for "several", the convention of operational reporting).
Leaders ("leader", "commander") are counted on their own as well. A count
restated in a later sentence with the same words is counted once, and a
definite phrase ("the insurgents") refers back rather than adds.

What a report restates is counted once: a headline of its own line, a vague count ("several
insurgents") that a later exact one tells ("detained four suspected insurgents"), the members of a
count ("two insurgents, including a commander"). Running totals ("have detained 175 since January",
"this month alone") are not events. Two counts at two places in one clause ("killed 179 people in
Soro and 44 others in Nondin") are two events. The vocabularies are data: ``events.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from claimgraph import data as vocab
from claimgraph.data import load_yaml
from claimgraph.nlp.quantities import parse_number
from claimgraph.nlp.util import doc_text, indices_with, sentence_of

__all__ = ["ATTACK_SUBJECTS", "RawEvent", "EventFinder", "province_of", "province_in"]

# "more than 30 insurgents" is at least 31 in operational reports, which count small numbers exactly;
# "more than 2,000 people" is a round estimate, and 2,001 would be a precision it does not have
_MORE_THAN_EXACT = 100
# the vocabularies of data/events.yaml, read once at import
_VAGUE_WORDS = vocab.numbers("events.yaml", "vague_words")
_KILL = vocab.words("events.yaml", "kill_verbs")
_CAPTURE = vocab.words("events.yaml", "capture_verbs")
_WOUND = vocab.words("events.yaml", "wound_verbs")
_TARGETS = vocab.words("events.yaml", "targets") | vocab.words("events.yaml", "security")
_SECURITY = vocab.words("events.yaml", "security")
_LEADERS = vocab.words("events.yaml", "leaders")
_CIVILIANS = vocab.words("events.yaml", "civilians")
_NOMINAL = vocab.names("events.yaml", "nominal")
_ADDITIVE = vocab.words("events.yaml", "additive")
_ADDS_ANYWHERE = vocab.words("events.yaml", "additive_anywhere")
_GROUP_COUNTS = vocab.numbers("events.yaml", "group_counts")
_AIRSTRIKE = vocab.phrases("events.yaml", "airstrike")
_ATTACK_NOUNS = vocab.words("events.yaml", "attack_nouns")
ATTACK_SUBJECTS = vocab.words("events.yaml", "attack_subjects")
_ACCUSING_VERBS = vocab.words("events.yaml", "accusing_verbs")


@dataclass
class RawEvent:
    kind: str  # "killed", "captured", "wounded"
    count: int
    leaders: int
    trigger: int
    start: int  # character span of the clause
    end: int
    phrase: str
    civilian: bool = False
    restated: bool = False
    agent: int | None = None  # token of the doer ("coalition forces")
    patients: tuple[int, ...] = ()  # tokens of the counted victims or detainees
    security: bool = False  # the counted are soldiers or police ("killed four soldiers"), not fighters
    vague: bool = False  # no number was given ("several insurgents", "suspected insurgents")
    aimed: tuple[int, ...] = ()  # what the attack was aimed at ("fired at the mission's headquarters")
    operation: bool = False  # "was killed in an operation", whose doer the clause does not name
    split: bool = False  # one of the counts of a clause that names a place for each


@lru_cache(maxsize=1)
def _provinces() -> dict[str, tuple[str, str]]:
    """lower-case name or variant -> (country, province)."""
    out: dict[str, tuple[str, str]] = {}
    for country, provinces in load_yaml("provinces.yaml").items():
        for name, variants in provinces.items():
            for form in [name, *(variants or [])]:
                out[form.lower()] = (country, name)
    return out


def province_in(text: str) -> str | None:
    """The first province a piece of text names ("... Khost province ..."), if any."""
    table = _provinces()
    low = text.lower()
    best: tuple[int, str] | None = None
    for form, (_, name) in table.items():
        at = low.find(form)
        while at != -1:
            before = low[at - 1] if at > 0 else " "
            after = low[at + len(form)] if at + len(form) < len(low) else " "
            if not before.isalpha() and not after.isalpha() and not text[at : at + len(form)].isupper():
                if best is None or at < best[0]:
                    best = (at, name)
                break
            at = low.find(form, at + 1)
    return best[1] if best else None


def province_of(doc: Doc) -> str | None:
    """The province an operational report is about: "X province" first, else the first one named.

    A name in capitals ("KABUL, Afghanistan") is the dateline's city, not the place of the event.
    """
    table = _provinces()
    first = None
    for tok in doc:
        if tok.is_upper and len(tok.text) > 2:
            continue
        for n in (3, 2, 1):
            if tok.i + n > len(doc):
                continue
            phrase = doc[tok.i : tok.i + n].text.lower()
            if phrase in table:
                nxt = doc[tok.i + n] if tok.i + n < len(doc) else None
                if nxt is not None and nxt.lower_ == "province":
                    return table[phrase][1]
                if first is None and tok.text[:1].isupper():
                    first = table[phrase][1]
                break
    return first


@lru_cache(maxsize=2)
def _armed(security: bool = False) -> frozenset[str]:
    """Singular nouns of armed people from the Phoenix agent sectors (``cameo_verbs.yaml``):
    soldiers, police, rebels, gunmen; the last word of a phrase ("army officer" -> "officer").
    ``security``: only soldiers' and police's."""
    sectors = load_yaml("cameo_verbs.yaml")["sectors"]
    names = ("military", "police") if security else ("military", "police", "irregular")
    # "armed citizens" is in the list; "citizens" alone are civilians
    civilians = {_singular(w.split()[-1]) for w in sectors.get("civilian", [])}
    words = {w.split()[-1] for name in names for w in sectors.get(name, [])}
    return frozenset(w for w in words if w.isalpha() and len(w) > 3 and _singular(w) not in civilians)


def _is_security(word: str) -> bool:
    """Soldiers or police, and not a word ISAF's reports use for the enemy."""
    if word in _SECURITY:
        return True
    return word not in _TARGETS and (word in _armed(True) or _singular(word) in _armed(True)) and not (
        word in _armed() - _armed(True) or _singular(word) in _armed() - _armed(True)
    )


def _singular(word: str) -> str:
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _is_target(word: str) -> bool:
    """A noun that counts people an event kills, wounds or takes: ISAF's words, an armed agent's,
    or "others" ("killed three soldiers and injured six others")."""
    return word in _TARGETS or word in _armed() or _singular(word) in _armed() or word == "others"




def _attack_by(verb: Token) -> int | None:
    """ "four soldiers were killed (and nine others injured) in an attack by the Syrian army":
    the doer of the attack the clause places the killing in."""
    for noun in verb.subtree:
        if noun.lower_ in _ATTACK_NOUNS and noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during"):
            for p in noun.children:
                if p.dep_ == "prep" and p.lower_ == "by":
                    return next((g.i for g in p.children if g.dep_ == "pobj"), None)
    return None


def _attack_doer(doc: Doc, noun: Token) -> int | None:
    """The doer of an attack named by a noun: "an attack by the NPA", "the rebels' raid"; for "the
    attack" with neither, the doer of the last attack the text named with one."""
    if noun.lower_ not in _ATTACK_NOUNS:
        return None

    def own(n: Token) -> int | None:
        for c in n.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                return next((g.i for g in c.children if g.dep_ == "pobj"), None)
            if c.dep_ == "poss" and c.pos_ != "PRON":
                return c.i
        return None

    found = own(noun)
    if found is not None or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return found
    for t in reversed(doc[: noun.i]):
        if t.lemma_ == noun.lemma_ and (found := own(t)) is not None:
            return found
    return None


def _tally(verb: Token) -> bool:
    """A running total over a period, not one event: "have detained 175 insurgents since January",
    "since June, forces have conducted operations capturing 125", "so far this year"."""
    clause = [verb, *verb.conjuncts, *verb.ancestors]
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for v in clause for c in v.children)
    for v in clause:
        for c in v.children:
            if c.lower_ == "since" and c.dep_ in ("prep", "mark"):
                return True
            if c.lower_ == "far" and any(p.lower_ == "so" for p in c.children):
                return True
            if c.lower_ == "to" and any(p.lower_ == "date" for p in c.children):
                return True
            # "in the last month, we've detained five commanders"
            if perfect and c.dep_ == "prep" and c.lower_ in ("in", "over", "during") and any(
                p.lower_ in ("month", "months", "year", "years", "week", "weeks")
                and any(a.lower_ in ("last", "past", "recent") for a in p.children)
                for p in c.children
            ):
                return True
            # "have been captured ... this month alone"
            if c.lower_ in ("month", "year", "week") and (
                any(a.lower_ == "alone" for a in [*c.children, *v.children])
                or (perfect and any(d.lower_ == "this" for d in c.children))
            ):
                return True
        if v.dep_ in ("ROOT",):
            break
    return False




def _additive(sentence: Span, verb: Token, heads: list[Token]) -> bool:
    """Whether a clause adds to the counts before it rather than restating them."""
    counted = {t.i for h in heads for t in h.subtree}
    for t in sentence:
        if t.lower_ in _ADDS_ANYWHERE:
            return True
        if t.lower_ in _ADDITIVE and (t.i in counted or t.head.i == verb.i):
            return True
    return False


def _supersede(events: list[RawEvent], title_end: int) -> None:
    """A headline restates the body, and a vague count ("detained several insurgents") is restated by
    the exact one a later sentence gives ("detained four suspected insurgents")."""
    for x in events:
        if x.restated:
            continue
        later = [y for y in events if y.kind == x.kind and y.trigger > x.trigger and y.trigger >= title_end]
        if x.trigger < title_end and later:
            x.restated = True
        elif x.vague and any(not y.vague and not y.restated for y in later):
            x.restated = True


def _placed_apart(heads: list[Token], token_actor: dict[int, str], actors: dict[str, Any]) -> bool:
    """Whether each counted phrase names a place of its own ("179 people in Soro and 44 others in Nondin")."""
    if len(heads) < 2:
        return False
    placed = 0
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "at", "near"):
                if any((a := token_actor.get(t.i)) in actors and actors[a].type == "place" for t in c.subtree):
                    placed += 1
                    break
    return placed == len(heads)


def _aimed_at(verb: Token) -> tuple[int, ...]:
    """The objects of "at", "on" or "against" up the chain of verbs: "fired at a tower at the mission's
    headquarters, injuring two" was aimed at the tower and the headquarters."""
    out: list[int] = []
    v = verb
    for _ in range(3):
        out.extend(
            p.i for c in v.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "against") for p in c.children if p.dep_ == "pobj"
        )
        if v.dep_ not in ("advcl", "conj", "xcomp") or v.head.i == v.i:
            break
        v = v.head
    return tuple(out)


def _in_operation(verb: Token) -> bool:
    """ "was killed in an operation", "in a raid": an operation the report does not say whose."""
    return any(
        c.dep_ == "prep" and c.lower_ in ("in", "during") and any(p.lower_ in _ATTACK_NOUNS and not any(g.lower_ == "by" for g in p.children) for p in c.children)
        for c in verb.children
    )


def _count(tok: Token) -> int | None:
    """How many a counted noun phrase names: "two insurgents" 2, "a leader" 1, "several" 3,
    "many" 4, "more than 15" 16 (the least number it can be)."""
    if tok.lower_ in _GROUP_COUNTS:
        # "three dozen" 36, "more than a dozen" 13, "a number of" 3
        times = next((parse_number(c) for c in tok.children if c.dep_ == "nummod" and c.like_num), None)
        more = any(q.lower_ in ("than", "over") for q in tok.subtree if q.i < tok.i)
        base = _GROUP_COUNTS[tok.lower_] if tok.lower_ != "dozen" or times is None else int(times) * 12
        return base + (1 if more else 0)
    for c in tok.children:
        if c.lower_ in ("dozen", "dozens") and c.dep_ in ("nummod", "quantmod", "amod", "compound"):
            return _count(c)  # "more than a dozen armed insurgents"
    for c in tok.children:  # a number wins over a determiner: "all 11 insurgents"
        # a number of its own, not a conjunct's ("the facilitator and three of his associates")
        if c.dep_ in ("nummod", "quantmod") or (c.like_num and c.dep_ not in ("conj", "appos", "prep", "relcl", "acl")):
            value = parse_number(c)
            if value is not None:
                more = any(q.lower_ in ("than", "over") for q in c.children) or any(
                    q.lower_ in ("more", "over") for q in c.children
                )
                return int(value) + (1 if more and value < _MORE_THAN_EXACT else 0)
    if tok.like_num and tok.pos_ == "NUM" and (value := parse_number(tok)) is not None:
        return int(value)  # "killing all four"
    for c in tok.children:
        if c.lower_ in _VAGUE_WORDS and c.dep_ in ("amod", "det", "nummod"):
            return _VAGUE_WORDS[c.lower_]
        if c.dep_ == "det" and c.lower_ in ("a", "an", "one", "another"):
            return 1
        if c.dep_ == "det" and c.lower_ == "both":
            return 2
        if c.dep_ == "det" and c.lower_ in ("the", "these", "those", "all"):
            return 0  # refers back, or counts nothing new
    if tok.lower_ in _VAGUE_WORDS:  # "several of them", "killing several"
        return _VAGUE_WORDS[tok.lower_]
    value = parse_number(tok)
    if value is not None:
        return int(value)
    if tok.lower_ in ("one", "individual") and not any(c.dep_ == "det" for c in tok.children):
        return 1
    if tok.tag_ in ("NN", "NNP") and _is_target(tok.lower_):
        return 1 if any(c.dep_ == "det" for c in tok.children) else None
    return None


class EventFinder:
    """The ``claimgraph_events`` component: sets ``doc._.cg_events``."""

    def __call__(self, doc: Doc) -> Doc:
        out: list[RawEvent] = []
        token_actor: dict[int, str] = doc._.cg_token_actor or {}
        actors: dict[str, Any] = doc._.cg_actors or {}
        # the headline, a first line of its own, restates what the body tells
        full = doc_text(doc)
        first_line = full.find("\n")
        title = full[: max(first_line, 0)].rstrip()
        headline = 0 < len(title) < 200 and not title.endswith((".", "!", "?", '"', "\u201d"))  # not a first sentence
        title_end = next((t.i for t in doc if t.idx >= first_line), 0) if headline else 0
        seen_phrases: set[tuple[str, str]] = set()
        verbs = _KILL | _CAPTURE | _WOUND
        for i in sorted(set(indices_with(doc, verbs, "lemma")) | set(indices_with(doc, ("take", "took", "taken"), "lemma"))):
            verb = doc[i]
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            if verb.lemma_ == "take":
                # "took the two occupants into custody", "was taken into custody"
                if not any(c.dep_ == "prep" and c.lower_ == "into" and any(p.lower_ == "custody" for p in c.children) for c in verb.children):
                    continue
                kind = "captured"
            else:
                kind = "killed" if verb.lemma_ in _KILL else "captured" if verb.lemma_ in _CAPTURE else "wounded"
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
                continue  # "an operation to capture a Haqqani facilitator": an aim, not an event
            if _tally(verb):
                continue  # "have detained more than 35 leaders since the first of the year": a running total
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
            if not passive and verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.i != verb.i:
                # "was shot and killed": the passive subject is the first verb's
                passive = any(c.dep_ == "nsubjpass" for c in verb.head.children)
            if passive:
                # "were killed and three others wounded": a gapped passive has its own subject
                objs = [c for c in verb.children if c.dep_ == "nsubjpass"] or (
                    [c for c in verb.children if c.dep_ == "nsubj"] if verb.dep_ == "conj" else []
                ) or [
                    c for c in verb.head.children if c.dep_ in ("nsubjpass", "nsubj") and verb.dep_ == "conj"
                ] or [  # "also killed in the strike were a dozen insurgents"
                    a for c in verb.children if c.dep_ == "auxpass" for a in c.children if a.dep_ == "attr"
                ]  # "several insurgents presented a threat and were killed": the first verb's subject
            else:
                objs = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
            if any(c.dep_ == "det" and c.lower_ in ("no", "none") for o in objs for c in o.children):
                continue  # "no women or children were injured or detained"
            if not objs and verb.dep_ in ("amod", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "NUM"):
                objs = [verb.head]  # "the killed insurgents", "14 insurgents killed"
            heads: list[Token] = []
            included: set[int] = set()  # "two insurgents, including a leader": among the counted, not more
            for o in objs:
                heads.append(o)
                heads.extend(c for c in o.conjuncts if c.dep_ == "conj")
                # "a HIG leader along with two suspected insurgents"
                for c in [*o.children, *verb.children]:
                    if c.dep_ == "prep" and c.lower_ == "with" and (c.i > 0 and doc[c.i - 1].lower_ == "along"):
                        heads.extend(p for p in c.children if p.dep_ == "pobj")
                    if c.lower_ == "along":  # the parser hangs "with" under "along"
                        heads.extend(p for w in c.children if w.lower_ == "with" for p in w.children if p.dep_ == "pobj")
                    if c.dep_ == "prep" and c.lower_ == "including" and c.head.i in (o.i, verb.i):
                        members = [p for p in c.children if p.dep_ == "pobj"]  # "insurgents, including a commander"
                        heads.extend(members)
                        included.update(m.i for m in members)
            # "killed 179 people in Soro and 44 others in Nondin": two counts at two places, two events
            groups = [[h] for h in heads] if _placed_apart(heads, token_actor, actors) else [heads]
            for group in groups:
                total = leaders = civilians = referred = 0
                restates = False
                vague = True
                civilian = False
                security = None
                words = []
                for h in group:
                    noun = h
                    if h.lower_ in _VAGUE_WORDS or h.like_num or h.lower_ in _GROUP_COUNTS:
                        # "killing several of them", "a number of suicide bombers": the count is the head,
                        # the noun its "of" object
                        of = [p for c in h.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
                        noun = of[0] if of else h
                    first_of_kind = not any(x.kind == kind and x.trigger >= title_end for x in out)
                    # "several detained and two were killed", "killing all four": a number whose noun is elided,
                    # the people the sentence counts
                    elided = noun is h and h.like_num and h.pos_ == "NUM" and any(
                        _is_target(t.lower_) for t in doc[slice(*sentence_of(doc, h.i))] if t.i != h.i
                    )
                    # "killing Mullah Rahim": a person by name, in the first report of its kind
                    # or counted with others ("along with nine militants, Rodrigo X was killed")
                    person = h.ent_type_ == "PERSON" or any(
                        (a := token_actor.get(t.i)) is not None and a in actors and actors[a].type == "person"
                        for t in h.subtree
                        if t.i <= h.i
                    ) or any(c.dep_ == "relcl" and any(w.lower_ == "who" for w in c.children) for c in h.children)  # "X, who was 52"
                    named = person and h.pos_ == "PROPN" and (first_of_kind or len(heads) > 1) and kind != "wounded"
                    if (
                        not _is_target(noun.lower_)
                        and noun.lower_ not in _CIVILIANS | {"him", "her", "he", "she"}
                        and h.lower_ not in _VAGUE_WORDS
                        and not elided
                        and not named
                    ):
                        continue
                    n = 1 if named else _count(h)
                    if n == 0 and h.tag_ in ("NN", "NNP") and any(c.dep_ == "det" and c.lower_ == "the" for c in h.children):
                        # "killed the Taliban leader, Alaudin": a definite phrase in the first
                        # report of its kind is one person, not a reference back
                        if first_of_kind or h.lower_ not in full[: doc[sentence_of(doc, h.i)[0]].idx].lower():
                            n = 1
                        else:
                            referred += 1  # "the commander and three additional insurgents": one told of before
                    if n is None and h.tag_ in ("NN", "NNP") and _is_target(h.lower_) and first_of_kind:
                        n = 1  # "killed al-Qaeda associated Taliban leader, Wali"
                    if n is None and h.lower_ in ("him", "her", "he", "she") and first_of_kind:
                        n = 1  # "the security force engaged the male, killing him"
                    guessed = n is None or h.lower_ in _VAGUE_WORDS or any(
                        c.lower_ in _VAGUE_WORDS and c.dep_ in ("amod", "det", "nummod") for c in h.children
                    )
                    if n is None and kind == "captured" and h.tag_ == "NNS" and not any(c.dep_ in ("det", "nummod", "poss") for c in h.children):
                        n = 2  # "captured other militants": a plural is at least two
                    if not n:
                        continue
                    if h.i in included and (total or any(x.i not in included and _count(x) for x in heads)):
                        # "detained two insurgents, including a Taliban commander": the commander is one of the two
                        if noun.lower_ in _LEADERS:
                            leaders += n
                        continue
                    vague = vague and guessed
                    if noun.lower_ in _CIVILIANS:
                        if verb.tag_ not in ("VBD", "VBN") and not (
                            verb.tag_ == "VBG" and (verb.dep_ == "pcomp" or verb.dep_ in ("advcl", "conj") and verb.head.tag_ in ("VBD", "VBN"))
                        ):
                            continue  # "attacks that are killing civilians": no event; "fired, killing four civilians": one
                        civilian = True
                        civilians += n
                    phrase = doc[h.left_edge.i : h.i + 1].text.lower()
                    if (kind, phrase) in seen_phrases:
                        # a restatement of a count already read: told again, perhaps with its doer
                        restates = True
                    if verb.i >= title_end:  # the headline's words are the body's to tell again
                        seen_phrases.add((kind, phrase))
                    words.append(phrase)
                    if noun.lower_ in _LEADERS:
                        leaders += n
                    if noun.lower_ not in _CIVILIANS:
                        total += n
                        if noun.lower_ != "others":  # "others" are of the kind just counted
                            security = _is_security(noun.lower_) if security is None else security and _is_security(noun.lower_)
                if not total and not civilian:
                    continue
                total += civilians  # "killed two insurgents and a civilian": three dead
                s, e = sentence_of(doc, verb.i)
                # a sentence does not restate itself ("arrested a leader, and detained one insurgent")
                # nor do civilians restate fighters' or soldiers' deaths
                earlier = [
                    x for x in out if x.kind == kind and x.trigger >= title_end and x.start != doc[s].idx and x.civilian == civilian
                ]
                # a later count with no "additional" restates the first ("detained several
                # insurgents ... detained three insurgents"); with one, it adds
                if referred:
                    # "the commander and three additional insurgents": more than the commander, told of
                    # before; a restatement if the earlier count holds them all
                    restated = bool(earlier) and total + referred <= max(x.count for x in earlier)
                else:
                    restated = bool(earlier) and not _additive(doc[s:e], verb, heads) and total <= max(x.count for x in earlier)
                if restated and not vague and not referred and all(x.vague for x in earlier):
                    # "numerous insurgents were killed ... killing two insurgents": the exact count
                    # tells what the vague one summed up; it stands, and the vague one is superseded
                    restated = False
                restated = restated or restates
                if passive:
                    agent = next((p.i for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
                    if agent is None:
                        agent = _attack_by(verb)
                else:
                    agent = next((c.i for c in verb.children if c.dep_ == "nsubj"), None)
                    if agent is None and verb.dep_ == "pcomp" and verb.head.lower_ in ("of", "for"):
                        # "accused the army of executing 500 people", "blamed the rebels for killing ...":
                        # the accused is the doer told of
                        accuser = verb.head.head
                        if accuser.lemma_ in _ACCUSING_VERBS:
                            agent = next((c.i for c in accuser.children if c.dep_ in ("dobj", "nsubjpass")), None)
                    if agent is not None and (doer := _attack_doer(doc, doc[agent])) is not None:
                        agent = doer  # "the attack wounded two others": the attack's doer
                    v = verb
                    while agent is None and v.dep_ in ("advcl", "xcomp", "conj") and v.head.i != v.i:
                        # "launched a raid on a base, killing six soldiers": the raid's doer; "a tank
                        # fired at the tower, hitting it and injuring two": up the chain of verbs
                        v = v.head
                        agent = next((c.i for c in v.children if c.dep_ == "nsubj"), None)
                out.append(
                    RawEvent(
                        kind, total, leaders, verb.i, doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), "; ".join(words), civilian,
                        restated=restated, agent=agent, patients=tuple(h.i for h in group), security=bool(security),
                        vague=vague, aimed=_aimed_at(verb), split=len(groups) > 1,
                        operation=passive and agent is None and _in_operation(verb),
                    )
                )
        _supersede(out, title_end)
        # "resulted in the death of Maulawi Tayeb", "the arrest of a Taliban facilitator"
        for i in indices_with(doc, tuple(_NOMINAL)):
            noun = doc[i]
            kind = _NOMINAL[noun.lower_]
            of = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
            if not of or any(x.kind == kind for x in out):
                continue
            victim = of[0]
            word = victim.lower_
            if victim.ent_type_ != "PERSON" and not _is_target(word) and word not in _CIVILIANS:
                continue  # "the death of one soldier", "the deaths of three civilians"
            n = _count(victim) or 1
            if victim.lower_ in _VAGUE_WORDS or victim.like_num:
                n = _count(victim) or 1
            leaders = n if victim.lower_ in _LEADERS or any(a.lower_ in _LEADERS for a in victim.subtree) else 0
            s, e = sentence_of(doc, i)
            out.append(
                RawEvent(
                    kind, n, leaders, i, doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), doc[victim.left_edge.i : victim.i + 1].text.lower(),
                    civilian=word in _CIVILIANS, security=_is_security(word),
                )
            )
        doc._.cg_events = out
        return doc


def is_airstrike(text: str) -> bool:
    low = text.lower()
    return any(k in low for k in _AIRSTRIKE)
