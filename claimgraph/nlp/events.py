"""Events with counts: who killed, captured or wounded how many, where and when.

Clause by clause, a kill or capture verb ("killed", "detained", "arrested")
with its counted object ("two insurgents", "a Taliban leader and several
associates", "three insurgents have been killed") gives an event. Counts:
numbers and number words, "a"/"an"/"one" = 1, and vague quantities
("several", "multiple", "a number of") at the value of ``VAGUE`` (3, the
convention of operational reporting, where "several" means at least three).
Leaders ("leader", "commander") are counted on their own as well. A count
restated in a later sentence with the same words is counted once, and a
definite phrase ("the insurgents") refers back rather than adds.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from claimgraph.data import load_yaml
from claimgraph.nlp.quantities import parse_number
from claimgraph.nlp.util import indices_with, sentence_of

__all__ = ["RawEvent", "EventFinder", "VAGUE", "province_of"]

VAGUE = 3
_VAGUE_WORDS = {"several", "multiple", "numerous", "some", "few", "many"}
_KILL = {"kill", "neutralize", "eliminate"}
_CAPTURE = {"detain", "capture", "arrest", "apprehend", "seize"}
_WOUND = {"wound", "injure"}
_TARGETS = {
    "insurgent", "insurgents", "militant", "militants", "suspect", "suspects", "fighter", "fighters", "individual",
    "individuals", "leader", "leaders", "commander", "commanders", "facilitator", "facilitators", "associate",
    "associates", "enemy", "enemies", "member", "members", "them", "men", "man", "person", "persons", "people",
    "operative", "operatives", "sub-commander", "financier", "bomber", "bombers", "maker", "makers", "emplacer",
    "emplacers", "attacker", "attackers", "combatant", "combatants", "terrorist", "terrorists", "gunman", "gunmen",
    "chief", "chiefs", "courier", "couriers", "smuggler", "smugglers", "expert", "experts", "trainer", "trainers",
}
_LEADERS = {"leader", "leaders", "commander", "commanders", "sub-commander", "sub-commanders", "chief"}
_CIVILIANS = {"civilian", "civilians", "villager", "villagers", "children", "child", "woman", "women"}
_ADDITIVE = {"additional", "another", "more", "other", "also", "second", "further", "separate"}
_AIRSTRIKE = ("airstrike", "air strike", "air weapons team", "air support", "precision strike", "aerial")


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


@lru_cache(maxsize=1)
def _provinces() -> dict[str, tuple[str, str]]:
    """lower-case name or variant -> (country, province)."""
    out: dict[str, tuple[str, str]] = {}
    for country, provinces in load_yaml("provinces.yaml").items():
        for name, variants in provinces.items():
            for form in [name, *(variants or [])]:
                out[form.lower()] = (country, name)
    return out


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


def _count(tok: Token) -> int | None:
    """How many a counted noun phrase names: "two insurgents" 2, "a leader" 1, "several" 3."""
    for c in tok.children:
        if c.dep_ in ("nummod", "quantmod") or c.like_num:
            value = parse_number(c)
            if value is not None:
                return int(value)
        if c.lower_ in _VAGUE_WORDS and c.dep_ in ("amod", "det", "nummod"):
            return VAGUE
        if c.dep_ == "det" and c.lower_ in ("a", "an", "one", "another"):
            return 1
        if c.dep_ == "det" and c.lower_ in ("the", "these", "those", "all", "both"):
            return 0  # refers back, or counts nothing new
    if tok.lower_ in _VAGUE_WORDS:  # "several of them", "killing several"
        return VAGUE
    value = parse_number(tok)
    if value is not None:
        return int(value)
    if tok.lower_ in ("one", "individual") and not any(c.dep_ == "det" for c in tok.children):
        return 1
    if tok.tag_ in ("NN", "NNP") and tok.lower_ in _TARGETS:
        return 1 if any(c.dep_ == "det" for c in tok.children) else None
    return None


class EventFinder:
    """The ``claimgraph_events`` component: sets ``doc._.cg_events``."""

    def __call__(self, doc: Doc) -> Doc:
        out: list[RawEvent] = []
        seen_phrases: set[tuple[str, str]] = set()
        verbs = _KILL | _CAPTURE | _WOUND
        for i in indices_with(doc, verbs, "lemma"):
            verb = doc[i]
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            kind = "killed" if verb.lemma_ in _KILL else "captured" if verb.lemma_ in _CAPTURE else "wounded"
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
            if passive:
                objs = [c for c in verb.children if c.dep_ == "nsubjpass"]
            else:
                objs = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
            if not objs and verb.dep_ == "amod" and verb.head.pos_ == "NOUN":
                objs = [verb.head]  # "the killed insurgents"
            heads: list[Token] = []
            for o in objs:
                heads.append(o)
                heads.extend(c for c in o.conjuncts if c.dep_ == "conj")
            total = leaders = 0
            civilian = False
            words = []
            for h in heads:
                noun = h
                if h.lower_ in _VAGUE_WORDS or h.like_num:
                    # "killing several of them": the count is the head, the noun its "of" object
                    of = [p for c in h.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
                    noun = of[0] if of else h
                if noun.lower_ not in _TARGETS | _CIVILIANS and h.lower_ not in _VAGUE_WORDS:
                    continue
                n = _count(h)
                if n == 0 and any(c.dep_ == "det" and c.lower_ == "the" for c in h.children) and h.lower_ in _TARGETS:
                    # "killed the Taliban leader, Alaudin": a definite phrase on first mention is one
                    if h.lower_ not in doc.text[: doc[sentence_of(doc, h.i)[0]].idx].lower():
                        n = 1
                if not n:
                    continue
                if noun.lower_ in _CIVILIANS:
                    if verb.tag_ not in ("VBD", "VBN"):
                        continue  # "attacks that are killing civilians": no event
                    civilian = True
                phrase = doc[h.left_edge.i : h.i + 1].text.lower()
                if (kind, phrase) in seen_phrases:
                    continue  # a restatement of a count already read
                seen_phrases.add((kind, phrase))
                words.append(phrase)
                if noun.lower_ in _LEADERS:
                    leaders += n
                if noun.lower_ not in _CIVILIANS:
                    total += n
            if not total and not civilian:
                continue
            s, e = sentence_of(doc, verb.i)
            sentence = {t.lower_ for t in doc[s:e]}
            earlier = [x for x in out if x.kind == kind]
            # a later count with no "additional" restates the first ("detained several
            # insurgents ... detained three insurgents"); with one, it adds
            restated = bool(earlier) and not (sentence & _ADDITIVE) and total <= max(x.count for x in earlier)
            out.append(
                RawEvent(kind, total, leaders, verb.i, doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), "; ".join(words), civilian, restated=restated)
            )
        doc._.cg_events = out
        return doc


def is_airstrike(text: str) -> bool:
    low = text.lower()
    return any(k in low for k in _AIRSTRIKE)
