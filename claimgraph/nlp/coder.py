"""Event coding: who does what to whom in a clause, as a CAMEO code and its PLOVER class.

A PETRARCH-style coder over spaCy's dependency parse, with the vocabulary of
PETRARCH2's CAMEO verb dictionary and the CAMEO-to-PLOVER table, converted
into ``data/cameo_verbs.yaml`` by ``tools/build_verbs.py``. For each verb of
a sentence: its verb block gives a default code; the block's patterns, most
specific first, may refine it from the words that follow the verb ("agreed
to a ceasefire") or precede it, or say it is no event ("killed in an
accident"). The source is the clause's subject (the agent of a passive), the
target its object or the object of the preposition a pattern names, else of
"with", "against", "on" or "to"; a verb without a subject of its own takes
its head's ("agreed to meet and discuss").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Span, Token

from claimgraph.data import load_yaml

__all__ = ["CodedEvent", "EventCoder", "plover_class"]

# dependency labels of a clause's subject, its passive subject, and its objects
_SUBJECTS = {"nsubj", "csubj"}
_PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
_OBJECTS = {"dobj", "obj", "attr", "oprd"}
_TARGET_PREPS = ("with", "against", "on", "to", "toward", "towards", "into", "at", "from", "over")
#: how far after the verb a pattern's words may be looked for
_WINDOW = 12
_ENTITY_TYPES = {"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"}


@dataclass
class CodedEvent:
    """One coded verb: token index of the verb, codes, and token spans [start, end) of source and target."""

    verb: int
    cameo: str
    plover: str
    mode: str | None
    source: tuple[int, int] | None
    target: tuple[int, int] | None
    negated: bool = False
    depth: int = 0
    #: token index of the head of the source and of the target phrase
    source_head: int | None = None
    target_head: int | None = None


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[dict[str, list[tuple[int, str | None]]], dict[str, list[tuple[list[str], int, str | None]]], list[dict[str, Any]], dict[str, set[str]], dict[str, dict[str, Any]]]:
    data = load_yaml("cameo_verbs.yaml")
    lemmas: dict[str, list[tuple[int, str | None]]] = {}
    phrasal: dict[str, list[tuple[list[str], int, str | None]]] = {}
    groups: list[dict[str, Any]] = data["groups"]
    defaults = load_yaml("coding.yaml").get("block_defaults", {})
    for gi, group in enumerate(groups):
        for verb in group["verbs"]:
            code = verb.get("code") if "code" in verb else (group["code"] or defaults.get(group["name"]))
            if "lemma" in verb:
                lemmas.setdefault(verb["lemma"], []).append((gi, code))
            else:
                words = verb["words"]
                phrasal.setdefault(words[0], []).append((words[1:], gi, code))
    synsets = {name: set(members) for name, members in data["synsets"].items()}
    return lemmas, phrasal, groups, synsets, data["classes"]


def plover_class(cameo: str) -> tuple[str, str | None] | None:
    """The PLOVER class and mode of a CAMEO code (its nearest listed ancestor), or None (no PLOVER event)."""
    classes = _vocabulary()[4]
    for n in (len(cameo), 3, 2):
        entry = classes.get(cameo[:n])
        if entry:
            return str(entry["plover"]), entry.get("mode")
    return None


def _subtree_span(token: Token, limit: int = 10) -> tuple[int, int]:
    """The phrase of ``token``, without a relative clause or apposition after it, at most ``limit`` tokens."""
    start, end = token.left_edge.i, token.right_edge.i + 1
    for child in token.rights:
        if child.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj"):
            end = min(end, child.left_edge.i)
    start = max(start, token.i - limit)
    return (start, max(end, token.i + 1))


def _has_entity(doc: Any, span: tuple[int, int]) -> bool:
    return any(doc[i].ent_type_ in _ENTITY_TYPES for i in range(*span))


def _forms(token: Token) -> tuple[str, ...]:
    """The forms a pattern's word may match: the word, its lemma, and a plural's singular
    (the pipeline lemmatises verbs only; "demonstrations" should match "demonstration")."""
    word = token.lower_
    forms = [word, token.lemma_.lower()]
    if word.endswith("ies") and len(word) > 4:
        forms.append(word[:-3] + "y")
    elif word.endswith("es") and len(word) > 3:
        forms += [word[:-2], word[:-1]]
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        forms.append(word[:-1])
    return tuple(forms)


def _matches(slots: list[str], words: list[tuple[str, ...]], synsets: dict[str, set[str]], present: set[str] | None = None) -> bool:
    """The slots occur in order (gaps allowed) among ``words`` (each a token's forms, see ``_forms``).

    ``present``, the set of all those forms, rejects at once a pattern one of whose slots has
    no alternative whose first word occurs at all (most patterns, for most verbs)."""
    if present is not None:
        for slot in slots:
            wanted = synsets.get(slot, {slot}) if slot.startswith("&") else slot.split("|")
            if not any(w.split(" ", 1)[0] in present for w in wanted):
                return False
    i = 0
    for slot in slots:
        wanted = synsets.get(slot, {slot}) if slot.startswith("&") else set(slot.split("|"))
        found = False
        while i < len(words):
            for phrase in wanted:
                parts = phrase.split()
                if i + len(parts) <= len(words) and all(p in words[i + k] for k, p in enumerate(parts)):
                    i += len(parts)
                    found = True
                    break
            if found:
                break
            i += 1
        if not found:
            return False
    return True


def _particle_next(verb: Token, slot: str, tokens: list[Token]) -> bool:
    """Whether a pattern of one word that is a preposition or particle ("pressed on", "slammed
    X for") has it on the verb: right after it, or heading a phrase of the verb or of its
    object; and not a phrase of time ("demanded the withdrawal ... on Monday"). True for other words."""
    wanted = set(slot.split("|"))
    found = False
    for t in tokens:
        if not wanted & set(_forms(t)):
            continue
        found = True
        if t.pos_ not in ("ADP", "PART"):
            return True
        if any(g.ent_type_ in ("DATE", "TIME") for g in t.children):
            continue
        if t.i <= verb.i + 2 or t.head.i == verb.i or (t.head.head.i == verb.i and t.head.dep_ in _OBJECTS):
            return True  # right after the verb, on it, or on its object ("launched a strike on")
    return not found


def _infinitival(verb: Token, intents: frozenset[str] = frozenset()) -> bool:
    """Whether the verb is the infinitive its head governs: "agreed to withdraw" (xcomp), or
    "have sworn to fight" when the parser hangs the infinitive on as a clause of purpose of a
    verb of ``intents`` (a clause of purpose of another verb is one: "must ensure security to
    allow aid in")."""
    if verb.head.i == verb.i:
        return False
    if verb.dep_ == "xcomp":
        return True
    return verb.dep_ == "advcl" and verb.head.lemma_.lower() in intents and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not any(
        c.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS for c in verb.children
    )


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


#: children whose words belong to another clause: a pattern of the verb is not looked for in them
_OTHER_CLAUSES = {"ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "parataxis", "csubj", "csubjpass", "pcomp"}


def _own_clause(verb: Token) -> list[Token]:
    """The verb's clause, in text order, without the clauses it governs ("demanded that X renounce ...")."""
    out: list[Token] = []
    stack = [verb]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if not (c.dep_ in _OTHER_CLAUSES and c.pos_ in ("VERB", "AUX")))
    return sorted(out, key=lambda t: t.i)


class EventCoder:
    """Codes the verbs of a sentence (see the module's docstring)."""

    def __init__(self) -> None:
        self.lemmas, self.phrasal, self.groups, self.synsets, _ = _vocabulary()
        self.rules: dict[str, Any] = load_yaml("coding.yaml")
        self.intents = frozenset(self.rules["intent"]["verbs"])
        self.speech_verbs = frozenset(self.rules["speech_nouns"]["verbs"])
        self.carriers = frozenset(self.rules["nominal"]["carriers"]) | frozenset(self.rules["nominal"]["happenings"])
        self.demand_modals = frozenset(self.rules["demand"]["modals"])
        self._slot_needs: dict[int, list[tuple[dict[str, Any], list[frozenset[str]], list[frozenset[str]]]]] = {}
        self._first_words: dict[int, dict[str, list[int]]] = {}
        self.sectors: dict[str, set[str]] = {k: set(v) for k, v in load_yaml("cameo_verbs.yaml")["sectors"].items()}

    def _needs(self, gi: int) -> list[tuple[dict[str, Any], list[frozenset[str]], list[frozenset[str]]]]:
        """A block's patterns with, for each slot, the first words one of which must be present
        (made once per block: checking them is a set test, not a walk along the clause)."""
        found = self._slot_needs.get(gi)
        if found is None:
            def firsts(slots: list[str]) -> list[frozenset[str]]:
                out = []
                for slot in slots:
                    wanted = self.synsets.get(slot, {slot}) if slot.startswith("&") else set(slot.split("|"))
                    out.append(frozenset(w.split(" ", 1)[0] for w in wanted))
                return out

            found = [(p, firsts(p["after"]), firsts(p.get("before") or [])) for p in self.groups[gi]["patterns"]]
            self._slot_needs[gi] = found
            # the patterns by a first word of their first slot (those of no slot after the verb
            # under ""): only the patterns one of whose first words is present are looked at
            index: dict[str, list[int]] = {}
            for k, (_, need_after, need_before) in enumerate(found):
                for word in need_after[0] if need_after else need_before[0] if need_before else {""}:
                    index.setdefault(word, []).append(k)
            self._first_words[gi] = index
        return found

    def _code_verb(self, verb: Token) -> tuple[str | None, str | None] | None:
        """(code, target preposition) of a verb from its block and patterns; None: not in the dictionary."""
        lemma = self._lemma(verb)
        doc = verb.doc
        candidates: list[tuple[int, str | None]] = []
        for rest, gi, code in self.phrasal.get(lemma, []):
            following = [t.lower_ for t in doc[verb.i + 1 : verb.i + 1 + len(rest) + 1] if not t.is_punct]
            particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
            if rest and (following[: len(rest)] == rest or (len(rest) == 1 and rest[0] in particles)):
                candidates.append((gi, code))
        candidates += self.lemmas.get(lemma, [])
        if not candidates:
            return None
        clause = _own_clause(verb)
        after_tokens = [t for t in clause if verb.i < t.i <= verb.i + _WINDOW]
        after = [_forms(t) for t in after_tokens]
        before = [_forms(t) for t in clause if verb.i - _WINDOW <= t.i < verb.i]
        after_set = {f for forms in after for f in forms}
        before_set = {f for forms in before for f in forms}
        present = after_set | before_set
        for gi, _ in candidates:
            needs = self._needs(gi)
            index = self._first_words[gi]
            ks: set[int] = set(index.get("", ()))
            for word in present & index.keys():
                ks.update(index[word])
            for k in sorted(ks):
                pattern, need_after, need_before = needs[k]
                # each slot needs one of its first words present, or the pattern cannot match
                if any(need.isdisjoint(after_set) for need in need_after) or any(need.isdisjoint(before_set) for need in need_before):
                    continue
                if pattern.get("before") and not _matches(pattern["before"], before, self.synsets):
                    continue
                if pattern["after"] and not _matches(pattern["after"], after, self.synsets):
                    continue
                if len(pattern["after"]) == 1 and not pattern.get("before") and not _particle_next(verb, pattern["after"][0], after_tokens):
                    continue
                return pattern["code"], pattern.get("target_prep")
        return candidates[0][1], None

    def _subject(self, verb: Token) -> tuple[Token | None, bool]:
        """The subject of the verb's clause and whether the clause is passive."""
        head: Token | None = verb
        # "she moved on but was arrested by the police": a passive verb with its head's subject is passive
        own_passive = any(c.dep_ == "auxpass" for c in verb.children)
        for _ in range(4):
            if head is None:
                break
            for child in head.children:
                if child.dep_ in _SUBJECTS:
                    return child, own_passive
                if child.dep_ in _PASSIVE_SUBJECTS:
                    return child, True
            # "agreed to meet", "met and agreed": the subject of the verb this one hangs on
            # ("Oren is ready to mediate": the subject of "is"; not "a deal is hard to reach")
            if head.head.i != head.i and (
                head.dep_ in ("xcomp", "conj", "advcl") or (head.dep_ == "acomp" and head.lower_ in self.rules["intent"]["adjectives"])
            ):
                head = head.head
            elif head.dep_ == "acl" and head.head.lower_ in self.rules["speech_nouns"]["nouns"] and head.head.head.pos_ == "VERB":
                head = head.head.head  # "issued a declaration demanding ...": the issuer
            else:
                break
        return None, False

    def _lemma(self, verb: Token) -> str:
        """The verb's lemma as the dictionary has it: the tagger's, else a base form of the
        word the dictionary knows ("staged" lemmatised "stag" is "stage")."""
        lemma = verb.lemma_.lower() or verb.lower_
        if lemma in self.lemmas or lemma in self.phrasal:
            return lemma
        word = verb.lower_
        for cut, add in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"), ("es", ""), ("s", "")):
            if word.endswith(cut) and (base := word[: -len(cut)] + add) in self.lemmas:
                return base
        return lemma

    def _intent_verb(self, token: Token) -> bool:
        lemma = self._lemma(token)
        if lemma in self.rules["intent"]["verbs"]:
            return True
        return any((code or self.groups[gi]["code"] or "").startswith("03") for gi, code in self.lemmas.get(lemma, []))

    def _mood(self, verb: Token) -> str | None:
        """``intent`` ("will send", "agreed to send", "ready to send"), ``demand`` ("must send"),
        ``refusal`` ("refused to send", "did not send") or None."""
        auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        head = verb.head
        if _infinitival(verb, self.intents) and self._lemma(head) in self.rules["refusal"]["verbs"]:
            return "refusal"
        if any(c.dep_ == "neg" for c in verb.children):
            return "refusal"
        if auxes & set(self.rules["demand"]["modals"]):
            return "demand"
        if auxes & set(self.rules["intent"]["modals"]):
            return "intent"
        if _infinitival(verb, self.intents):
            if head.pos_ in ("VERB", "AUX") and self._intent_verb(head):
                return "intent"
            if head.lower_ in self.rules["intent"]["adjectives"]:
                # "Oren must be ready to mediate": a demand, said by another
                copula = head.head if head.dep_ == "acomp" else head
                if any(c.dep_ == "aux" and c.lower_ in self.rules["demand"]["modals"] for c in copula.children):
                    return "demand"
                return "intent"
        return None

    def _clause_top(self, verb: Token) -> Token:
        """The head of the clause the verb's infinitive or adjective hangs in ("Oren must be ready
        to mediate": "be")."""
        top = verb
        for _ in range(4):
            if top.dep_ in ("xcomp", "acomp") and top.head.i != top.i:
                top = top.head
            else:
                break
        return top

    def _speaker(self, verb: Token) -> Token | None:
        """The verb of saying whose clause the verb is ("said that Oren must ...", "issued a
        reminder that Oren must ...", "a declaration demanding that ..."), or None."""
        top = self._clause_top(verb)
        if top.head.i == top.i:
            return None
        if top.dep_ == "ccomp":
            return top.head
        if top.dep_ in ("acl", "relcl") and top.head.lower_ in self.rules["speech_nouns"]["nouns"] and top.head.head.pos_ == "VERB":
            return top.head.head
        return None

    def _other(self, verb: Token) -> bool:
        """Whether the verb's subject is a named party other than the speakers, in the active
        voice, and the verb a deed: "Oren must drop the tariffs"; not "we must do more", "all
        sales must be registered", "the plan must have support" (``demand.not_deeds``)."""
        subject, passive = self._subject(verb)
        if subject is None or passive or self._lemma(verb) in self.rules["demand"]["not_deeds"]:
            return False
        return subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")

    def _reports(self, verb: Token) -> bool:
        """Whether the verb issues or makes a statement whose words say the event ("issued a
        reminder that Oren must ...", "issued a declaration demanding ...")."""
        for c in verb.children:
            if c.dep_ in ("dobj", "obj") and c.lower_ in self.rules["speech_nouns"]["nouns"]:
                # a clause that says something: "that Oren must ...", "demanding ..."; not an
                # infinitive ("an appeal to lay down arms" is the appeal's)
                for g in c.children:
                    if g.dep_ in ("acl", "ccomp") and g.pos_ in ("VERB", "AUX") and not any(a.dep_ == "aux" and a.lower_ == "to" for a in g.children):
                        return True
        return False

    def _nominal(self, verb: Token, lemma: str) -> str | None:
        """The code of the event a noun names that the verb carries ("staged a hunger strike",
        "mounted an invasion") or that is the subject of a verb of happening ("riots continued")."""
        spec = self.rules["nominal"]
        nouns: list[Token] = []
        particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
        if particles - set(spec["particles"]):
            return None  # "called off the strike" ends it
        if any(c.dep_ in ("oprd", "xcomp", "ccomp", "acomp") for c in verb.children):
            return None  # "called the protest illegal", "kept the march peaceful": no event carried
        if lemma in spec["carriers"]:
            nouns = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        if not nouns and lemma in spec["happenings"] and not any(c.dep_ in _OBJECTS for c in verb.children):
            nouns = [c for c in verb.children if c.dep_ == "nsubj"]
        table: dict[str, str] = spec["nouns"]
        for noun in nouns:
            if noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ in ("DATE", "TIME"):
                continue  # "held talks in March"
            forms = _forms(noun)
            before = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i == noun.i - 1]
            if before:
                for f in forms:
                    if (code := table.get(f"{before[0].lower_} {f}")) is not None:
                        return code
            if self._military_strike(noun, verb):
                return str(self.rules["nominal"]["military_strike"]["code"])  # "launched a strike on the convoy": force
            for f in forms:
                if (code := table.get(f)) is not None:
                    return code
        return None

    def _military_strike(self, noun: Token, verb: Token) -> bool:
        """Whether a strike is a blow ("a strike on the convoy", "a missile strike", strikes a
        state or an armed force carries out), not a walkout."""
        spec = self.rules["nominal"]["military_strike"]
        if noun.lemma_.lower() != "strike" and noun.lower_ not in ("strike", "strikes"):
            return False
        if any(
            (c.dep_ == "prep" and c.lower_ in spec["preps"]) or (c.dep_ in ("compound", "amod") and c.lower_ in spec["words"])
            for c in noun.children
        ):
            return True
        subject, _ = self._subject(verb)
        if subject is None:
            return False
        span = _subtree_span(subject)
        doc = verb.doc
        return self._states(doc, span) or self._armed_forces(doc, span) or self._sector(doc, span, "irregular")

    def _protest_purpose(self, verb: Token) -> bool:
        """Whether the clause is done "in protest" or "to protest"."""
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "in" and any(g.dep_ == "pobj" and g.lower_ == "protest" for g in c.children):
                return True
            if c.dep_ in ("advcl", "xcomp") and c.lemma_ == "protest" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                return True
        return False

    def _keeps_class(self, code: str) -> bool | None:
        """Whether a code's class stands when its clause is done in protest (None: no class)."""
        cls = plover_class(code)
        if cls is None:
            return None
        return cls[0] in self.rules["protest_purpose"]["keeps"]

    def _names_bomb(self, verb: Token, source: Token | None) -> bool:
        """Whether the verb's clause or its source names a bomb ("in a bomb attack", "killed by an
        improvised explosive device", "a roadside bombing killed ...")."""
        words = set(self.rules["bombs"])
        tokens = list(_own_clause(verb))
        if source is not None:
            tokens += list(source.subtree)
        for t in tokens:
            if t.pos_ not in ("NOUN", "PROPN"):
                continue
            forms = _forms(t)
            prev = t.doc[t.i - 1].lower_ if t.i > 0 else ""
            if any(f in words or f"{prev} {f}" in words for f in forms):
                return True
        return False

    def _armed_forces(self, doc: Any, span: tuple[int, int] | None) -> bool:
        """Whether the phrase names soldiers or their arms (the military sector, the dictionary's
        ``&military`` and ``&aircraft``, ``coding.yaml``'s ``military_arms``: "Israeli tanks")."""
        if span is None:
            return False
        if self._sector(doc, span, "military"):
            return True
        words = self.synsets.get("&military", set()) | self.synsets.get("&aircraft", set()) | set(self.rules["military_arms"])
        return any(any(f in words for f in _forms(doc[i])) for i in range(*span))

    def _blocks_passage(self, verb: Token) -> bool:
        """Whether what is blocked is a way ("blocked the bridge", "blocked streets"), not a plan."""
        ways = set(self.rules["obstruction"]["ways"])
        return any(c.dep_ in _OBJECTS and any(f in ways for f in _forms(c)) for c in verb.children)

    def _leader(self, doc: Any, span: tuple[int, int] | None) -> bool:
        """Whether the phrase names a person or a leader by title ("President Maria Lopez", "the
        prime minister"; the dictionary's ``&leader``)."""
        if span is None:
            return False
        titles = self.synsets.get("&leader", set())
        return any(doc[i].ent_type_ == "PERSON" or any(f in titles for f in _forms(doc[i])) for i in range(*span))

    @staticmethod
    def _states(doc: Any, span: tuple[int, int]) -> bool:
        """Whether the phrase is a state by name ("Israel", "the Turkish government" is not)."""
        toks = [doc[i] for i in range(*span) if not doc[i].is_punct and doc[i].pos_ != "DET"]
        return bool(toks) and all(t.ent_type_ == "GPE" for t in toks)

    def _governing_code(self, verb: Token) -> str | None:
        """The code of the verb whose complement ``verb`` is ("threatened" in "threatened to
        impose"), None if it has none."""
        head = verb.head
        if not _infinitival(verb, self.intents) or head.pos_ != "VERB":
            return None
        coded = self._code_verb(head)
        return coded[0] if coded else None

    def _sector(self, doc: Any, span: tuple[int, int] | None, sector: str) -> bool:
        """Whether the phrase names an agent of the Phoenix sector ("gunmen", "civilians")."""
        if span is None:
            return False
        words = self.sectors[sector]
        forms = [_forms(doc[i]) for i in range(*span)]
        return any(any(f in words for f in fs) for fs in forms) or any(
            " ".join(doc[j].lower_ for j in range(i, min(i + 3, span[1]))) in words for i in range(*span)
        )

    def code_sentence(self, sent: Span) -> list[CodedEvent]:
        """The coded verbs of a sentence; a verb whose complement says the event ("agreed to
        withdraw") gives way to it."""
        doc = sent.doc
        out: list[CodedEvent] = []
        governing: set[int] = set()
        protest = any(t.lower_ == "protest" for t in sent)  # the rare word "in protest" needs
        for verb in sent:
            if verb.pos_ != "VERB" or verb.dep_ == "prep":
                continue  # "according to", "following", "including": a preposition, no event
            lemma = self._lemma(verb)
            if lemma in self.speech_verbs and self._reports(verb):
                continue  # "issued a declaration demanding that ...": what is declared says it
            nominal = self._nominal(verb, lemma) if lemma in self.carriers else None
            coded = (nominal, None) if nominal is not None else self._code_verb(verb)
            if protest and self._protest_purpose(verb) and (coded is None or coded[0] is None or self._keeps_class(coded[0]) is False):
                coded = ("140", None)  # "shunned work to protest the settlements"
            if coded is None or coded[0] is None:
                # "declared that Oren must drop the tariffs": a demand, whatever is demanded
                if not any(c.dep_ == "aux" and c.lower_ in self.demand_modals for c in verb.children):
                    continue
                if self._mood(verb) != "demand" or self._speaker(verb) is None or not self._other(verb):
                    continue
                coded = ("10", None)
            mood = self._mood(verb)
            code, target_prep = coded
            assert code is not None
            if mood == "intent":
                cls0 = plover_class(code)
                head_code = self._governing_code(verb)
                if head_code is not None and head_code.startswith("13"):
                    code = head_code  # "threatened to impose a curfew": whatever is threatened
                elif cls0 and cls0[0] in self.rules["hostile"]:
                    code = "13"
                elif cls0 and cls0[0] in self.rules["cooperative"]:
                    code = "03"
                elif _infinitival(verb, self.intents) and self._lemma(verb.head) in self.rules["intent"]["commitments"]:
                    code = "03"  # "agreed to postpone the march": a commitment
                if _infinitival(verb, self.intents):
                    governing.add(verb.head.i)  # "agreed to withdraw": the withdrawal says it
            elif mood == "refusal":
                cls0 = plover_class(code)
                if cls0 and cls0[0] in self.rules["cooperative"]:
                    code = "12"  # cooperation refused
                    if verb.dep_ == "xcomp":
                        governing.add(verb.head.i)
                elif cls0 and cls0[0] not in ("REJECT",):
                    continue  # "did not attack": no event
            elif mood == "demand":
                code = "10"
            elif self._intent_verb(verb) and plover_class(code) is not None:
                code = "03" if not code.startswith("13") else code
            cls = plover_class(code)
            if cls is None:
                continue
            if mood == "demand":
                # "Russia said Sudan must return the helicopter": Russia demands, of Sudan
                subject, _ = self._subject(verb)
                speaker = self._speaker(verb)
                said_by, _ = self._subject(speaker) if speaker is not None else (None, False)
                source_tok = said_by if said_by is not None else None
                out.append(CodedEvent(
                    verb.i, code, cls[0], cls[1],
                    _subtree_span(source_tok) if source_tok is not None else None,
                    _subtree_span(subject) if subject is not None else None,
                    any(c.dep_ == "neg" for c in verb.children), _depth(verb),
                    source_tok.i if source_tok is not None else None,
                    subject.i if subject is not None else None,
                ))
                continue
            subject, passive = self._subject(verb)
            agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
            source: tuple[int, int] | None = None
            target: tuple[int, int] | None = None
            target_tok: Token | None
            if passive:
                source_tok, target_tok = agent, subject
                target = _subtree_span(subject) if subject is not None else None
                source = _subtree_span(agent) if agent is not None else None
            else:
                source_tok = subject
                source = _subtree_span(subject) if subject is not None else None
                target_tok = self._target_token(verb, target_prep)
                target = _subtree_span(target_tok) if target_tok is not None else None
            # (a bomb fired or dropped by soldiers, tanks or aircraft is military force)
            if code.startswith("19") and self._names_bomb(verb, subject if not passive else agent) and not self._armed_forces(doc, source):
                code = "183"  # "wounded two soldiers in a bomb attack", "a roadside bombing killed ..."
                cls = plover_class(code) or cls
            if self._lemma(verb) in self.rules["obstruction"]["verbs"] and code[:2] in ("17", "19") and source is not None and self._blocks_passage(verb) and not (
                self._sector(doc, source, "military") or self._sector(doc, source, "police") or self._states(doc, source)
            ):
                code = "144"  # "workers blocked the bridge": obstruction as protest
                cls = plover_class(code) or cls
            irregular = self._sector(doc, source, "irregular") and not self._sector(doc, target, "military")
            if code.startswith("19") and code[:3] not in self.rules["heavy_weapons"] and (irregular or self._sector(doc, target, "civilian")):
                # gunmen's or rebels' violence on anyone but soldiers, or violence against civilians,
                # is unconventional (CAMEO 18x), not conventional military force (19x); shelling
                # and air strikes stay military force whoever is hit
                code = "18"
                cls = plover_class(code) or cls
            if code.startswith("083") and self._lemma(verb) in self.rules["resignation"] and self._leader(doc, source):
                code = "0831"  # "President Maria Lopez resigned": a change of leadership
                cls = plover_class(code) or cls
            if code == "080" and self._lemma(verb) in self.rules["surrender"] and (self._sector(doc, source, "irregular") or self._armed_forces(doc, source)):
                code = "0874"  # "the rebels surrendered": armed men yield in a retreat or surrender
                cls = plover_class(code) or cls
            negated = any(c.dep_ == "neg" for c in verb.children)
            out.append(CodedEvent(
                verb.i, code, cls[0], cls[1], source, target, negated, _depth(verb),
                source_tok.i if source_tok is not None else None, target_tok.i if target_tok is not None else None,
            ))
        return [e for e in out if e.verb not in governing]

    def _target_token(self, verb: Token, target_prep: str | None) -> Token | None:
        """Whom the verb is done to: a pattern's preposition's object, the indirect object ("gave
        Tanzania a grant"), an object or a prepositional object that names an actor, the object of
        "to", "against" or "with", any object, else the subject of a clause it governs
        ("demanded that the US cancel ...")."""
        doc = verb.doc
        objects = [c for c in verb.children if c.dep_ in _OBJECTS]
        datives = [c for c in verb.children if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON")]
        preps: list[tuple[str, Token]] = []
        for c in verb.children:
            if c.dep_ in ("prep", "dative"):
                preps.extend((c.lower_, g) for g in c.children if g.dep_ == "pobj")
        for o in objects:  # "sent troops to Mali"
            for c in o.children:
                if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS:
                    preps.extend((c.lower_, g) for g in c.children if g.dep_ == "pobj")
        if target_prep:
            for word, tok in preps:
                if word == target_prep:
                    return tok
        if datives:
            return datives[0]
        for o in objects:
            if _has_entity(doc, _subtree_span(o)):
                return o
        for word, tok in preps:
            if word in _TARGET_PREPS and _has_entity(doc, _subtree_span(tok)):
                return tok
        for word, tok in preps:
            if word in ("to", "against", "with"):
                return tok
        if objects:
            return objects[0]
        for c in verb.children:
            if c.dep_ == "ccomp":
                subject = next((g for g in c.children if g.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS), None)
                if subject is not None:
                    return subject
        return None
