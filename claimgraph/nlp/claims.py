"""Claims: who is tied to whom, clause by clause, with polarity and hedging.

Triggers come from ``data/relations.yaml``: verbs ("the Taliban protect
al-Qaeda", "fight with their Taliban counterparts", "signed an agreement with
the US") and nouns ("ties between A and B", "A's alliance with B", "B is under
the protection of A", "the two organizations have forged family ties"). The
parties are the actors named in the trigger's subject and complement, or the
two organisations a phrase like "the two groups" points back to. Generic
mentions ("terrorist groups", "foreign fighters", ``data/classes.yaml``) count
as parties, so that a claim about a class can later be held against claims
about its members.

Beyond the trigger lists: ground held ("seized vast swaths of X", "X and Y are held by
Z", "under X control", "Oren fell to X": controls), armed people somewhere ("ISIS militants in
Syria", "has 400 troops in Oren", "Colombia's ELN", "the Oren-based X", "X's Oren office",
"X's presence in Oren", "the X insurgency in Oren": present_in; "the deployment of Zamoran troops
to Oren": deploys), measures laid ("an arms embargo on X", "put X on its terror list", "similar
measures by X": sanctions), members named by what includes them ("a mission that includes
officers from A and B"), denied accusations ("X rejected accusations by Y": X rejects Y, Y
accuses X), participles with agents ("the RSF, led by X"), and states standing behind their
armies' presence, backing and fighting, their capitals ("Tehran rejected ...") and a bare
"the government" (the one country the story is about).

Force and affiliation beyond the trigger lists: "the warring parties" fight each other, an attack
answered ("responded to X's shelling") attacks who answers, "the attack took place at a base in
Oren", "claimed responsibility for the attack on X", "fired missiles at X", "held hostage by X",
"handed X over" (an armed group's captives); a state's armed people or means name the state
("Zamoran jets struck ..."), "we" in a direct quote is the speaker's organisation, and a town or a
province attacks nobody. "The negotiation committee of the junta" is a part of it, and "President
X's government" is the government X leads.

Speech acts beyond the coder's verb patterns (``_speech_acts``): "condemned the offensive launched
by X", "'this attack by X on our soldiers,' Y said", "alleged that the army shot ...", "X's
accusations against Y", "said X was behind the attack", "called on X to", "rejected calls by X".

Polarity: negation ("no ties", "did not protect") and endings ("cut ties",
"broke with") make a claim negated. Hedges ("could", "no clear evidence",
"appeared") and boosters ("clearly") are kept as words. A clause under
"whether", "if" or a modal of obligation ("must", "should") asserts nothing
and yields no claim.
"""

from __future__ import annotations

import copy
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, TypeGuard

from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token

from claimgraph.data import CLASS_TYPE, load_yaml, relation_types
from claimgraph.model import Actor, name_key
from claimgraph.nlp.places import load_places
from claimgraph.nlp.util import indices_with, sentence_of

__all__ = ["RawClaim", "ClaimFinder", "relation_types", "CLASS_TYPE"]

Found = tuple[str | None, str, str | None, bool]  # subject, relation, object, negated
_GROUP_NOUNS = {"organizations", "organisations", "groups", "sides", "movements", "parties", "factions", "allies"}
_SUPPORT_VERBS = {"be", "remain", "become", "keep", "have", "maintain", "forge", "build", "establish", "develop", "enjoy", "retain", "deepen",
                  "strengthen", "sever", "cut", "break", "end", "abandon", "renounce", "continue", "preserve", "offer",
                  "provide", "give", "run", "conduct", "hold", "sign", "reach", "enter", "launch", "carry", "mount", "stage",
                  "resume", "open", "start", "begin", "impose", "slap", "levy"}
_NO_ASSERTION_MARKS = {"whether", "if", "unless"}
_OBLIGATION_MODALS = {"must", "should", "ought", "need"}
#: marks of an adverbial clause that states a fact of its own ("as Cairo rejects ...")
_ASSERTED_MARKS = {"as", "while", "because", "since", "although", "though", "whereas"}
_AIM_VERBS = {"ensure", "require", "demand", "urge", "want", "oblige", "need", "prevent", "promise", "pledge", "vow",
              "agree", "commit", "ask", "call", "expect", "hope", "plan", "intend", "seek", "try", "aim",
              "ban", "prohibit", "forbid", "bar", "stop", "cease", "avoid", "refrain"}


@dataclass
class RawClaim:
    trigger: int  # token index
    subject: str | None
    predicate: str
    object: str | None
    negated: bool
    start: int  # character span of the clause
    end: int
    hedges: list[str] = field(default_factory=list)
    boosters: list[str] = field(default_factory=list)


def _sentence(doc: Doc, i: int) -> tuple[int, int]:
    """Token bounds of the sentence of token ``i``, without the spaces that end it: a claim's span."""
    s, e = sentence_of(doc, i)
    while e - 1 > s and doc[e - 1].is_space:
        e -= 1
    return s, e


#: a claim's object that stands for an agreement word at a token, resolved once the parties are known
_DEAL = "@deal:"
#: agreement words by kind: a ceasefire (a truce, an armistice) or another agreement
_CEASEFIRE = frozenset({"ceasefire", "cease-fire", "truce", "armistice", "ceasefires", "truces"})
_ALL_DEALS = frozenset(_CEASEFIRE | {"agreement", "deal", "accord", "accords", "treaty", "pact", "commitments"})


#: cues under which a claim is the speaker's, negated (as ``extract._claims`` reads them)
_DENYING_CUES = frozenset({"deny", "reject", "dismiss", "refute", "dispute"})


def _deal_kind(tok: Token, words: Any) -> str | None:
    """``ceasefire`` or ``agreement`` when the token is an agreement word ("cease-fire" split in three too)."""
    word = tok.lower_
    if word == "fire" and tok.i >= 2 and tok.doc[tok.i - 2].lower_ == "cease":
        word = "cease-fire"
    if word not in words and word not in _ALL_DEALS:
        return None
    return "ceasefire" if word in _CEASEFIRE else "agreement"


@lru_cache(maxsize=1)
def _attack_nouns() -> frozenset[str]:
    """Nouns that name an attack (``relations.yaml``: attacks nouns)."""
    return frozenset(relation_types()["attacks"].get("nouns") or [])


@lru_cache(maxsize=1)
def _members() -> frozenset[str]:
    """Nouns for an organisation's or a state's armed people (``relations.yaml`` present_in: members)."""
    return frozenset(relation_types()["present_in"].get("members") or [])


@lru_cache(maxsize=1)
def _lethal_verbs() -> frozenset[str]:
    """Verbs of force done to a person, never of words (``relations.yaml`` attacks: lethal_verbs)."""
    return frozenset(relation_types()["attacks"].get("lethal_verbs") or [])


@lru_cache(maxsize=1)
def _armed_means() -> frozenset[str]:
    """A state's armed people and what it attacks with ("Zamoran jets"): present_in members and attacks armed_means."""
    return _members() | frozenset(relation_types()["attacks"].get("armed_means") or [])


@lru_cache(maxsize=1)
def _force_only_nouns() -> frozenset[str]:
    """Nouns that name an attack only an army or an armed group makes (``relations.yaml``: attacks force_only_nouns)."""
    return frozenset(relation_types()["attacks"].get("force_only_nouns") or [])


@lru_cache(maxsize=1)
def _attack_verbs() -> frozenset[str]:
    """Verbs that name an attack (``relations.yaml``: attacks verbs)."""
    return frozenset(relation_types()["attacks"].get("verbs") or [])


@lru_cache(maxsize=1)
def _place_nouns() -> frozenset[str]:
    """Nouns of a place that name it after "of": "the town of Oren" (``actors.yaml``: place_nouns)."""
    return frozenset(load_yaml("actors.yaml").get("place_nouns") or [])


@lru_cache(maxsize=1)
def _group_words() -> frozenset[str]:
    """Nouns that stand for an organisation named nearby ("the group", ``relations.yaml``: the_group)."""
    return frozenset(load_yaml("relations.yaml")["the_group"]["nouns"])


@lru_cache(maxsize=1)
def _past_words() -> frozenset[str]:
    """Modifiers that put premises in the past: "its former base" (``relations.yaml`` present_in: past_words)."""
    return frozenset(relation_types()["present_in"].get("past_words") or [])


@lru_cache(maxsize=1)
def _state_members() -> frozenset[str]:
    """A state's armed people, that a demonym ties to the state (``relations.yaml`` present_in: state_members)."""
    return frozenset(relation_types()["present_in"].get("state_members") or [])


@lru_cache(maxsize=1)
def _state_nouns() -> frozenset[str]:
    """Nouns a demonym ties to its state as a party: "the Zamoran state" (``relations.yaml`` present_in: state_nouns)."""
    return frozenset(relation_types()["present_in"].get("state_nouns") or [])


@lru_cache(maxsize=1)
def _sites() -> frozenset[str]:
    """Words for what is attacked or held at a place (``coding.yaml``: sites)."""
    from claimgraph.nlp.coder import _vocabulary

    spec = load_yaml("coding.yaml")["sites"]
    synsets = _vocabulary()[3]
    return frozenset(set(spec["words"]) | {w for name in spec["synsets"] for w in synsets.get(name.lower(), set())})


def _is_site(tok: Token) -> bool:
    word = tok.lower_
    return word in _sites() or (word.endswith("s") and word[:-1] in _sites())


def _deal_tokens(doc: Doc, kind: str) -> list[Token]:
    """The agreement words of one kind in the document (the nouns, not other uses)."""
    return [t for t in doc if t.pos_ in ("NOUN", "PROPN") and _deal_kind(t, _ALL_DEALS) == kind]


def _deal_phrase(doc: Doc, tok: Token) -> str:
    """ "the 2003 Line of Control cease-fire" -> "2003 Line of Control cease-fire": the noun and its modifiers."""
    start = tok.i
    if tok.lower_ == "fire" and tok.i >= 2 and doc[tok.i - 2].lower_ == "cease":
        start = tok.i - 2
    for c in tok.lefts:
        if c.dep_ in ("compound", "amod", "nummod", "npadvmod", "nmod") and c.i < start:
            start = min(start, c.left_edge.i)
    words = doc[start : tok.i + 1].text
    return " ".join(words.split())


#: verbs by which a group has fighters somewhere ("has 4,000 fighters in Afghanistan")
_HOLDING_VERBS = frozenset({"have", "command", "maintain", "keep", "field", "retain", "station", "deploy"})
#: number words too large for people a group holds somewhere ("has 3 million in assets")
_LARGE_NUMBERS = frozenset({"million", "millions", "billion", "billions", "trillion", "trillions"})
#: relations of words whose target a demonym names for its state ("condemned Israeli strikes")
_WORDS_AT_STATES = {"rejects", "criticizes", "accuses"}
#: relations an institution's state shares with it ("Kenyan police in Haiti": Kenya is there)
_STATE_BY_INSTITUTION = {"present_in", "deploys", "supports", "funds", "supplies", "trains", "detains", "releases", "sanctions"}
#: relations a person's role gives, with an organisation or a state
_ROLE_RELATIONS = {"leads", "spokesperson_for", "works_for"}
#: relations that, said of a state's army or government, are said of the state ("accused the Zamoran army")
_WORDS_AT_INSTITUTIONS = {"accuses", "criticizes", "supports"}
#: words after a name that make it a region ("Oren province")
_REGION_WORDS = frozenset(load_yaml("actors.yaml")["region_nouns"])
#: relations of force, whose parties may be named by a state's armed people ("Zamoran soldiers")
_FORCE_RELATIONS = {"attacks", "fights", "detains", "releases"}
#: relations done to a person a description names beside it ("killed the group's leader, Carlos Ruiz")
_PEOPLE_TARGETS = {"attacks", "detains", "releases"}
#: what one says of another: its speaker is named by the phrase, not by a place inside it (``_speaking_party``)
_SPEECH_ACTS = {"accuses", "criticizes", "rejects", "threatens", "demands"}
#: speech acts whose other party may be named one step below a noun ("threatened to break relations
#: with Oren", "issued an ultimatum to Oren", "its demand that Oren withdraw"): ``_addressed``; not
#: rejections ("denied any contact with X" rejects nobody)
_ADDRESSED = {"threatens", "demands"}
#: verbs by which one puts out a statement ("issued a statement condemning ...")
_ISSUING_VERBS = frozenset({"issue", "release", "publish", "put", "send", "post", "deliver"})
#: relations whose object may be a place that is not a country ("attacked the town of Goma")
_PLACE_OBJECTS = {"attacks", "controls", "present_in", "deploys", "withdraws_from"}


@lru_cache(maxsize=1)
def _cameo_relations() -> list[tuple[str, str | None]]:
    """(CAMEO code prefix, relation) from ``relations.yaml``, longest prefix first."""
    pairs: list[tuple[str, str | None]] = []
    for name, spec in relation_types().items():
        pairs.extend((str(code), name) for code in spec.get("cameo") or [])
        pairs.extend((str(code), None) for code in spec.get("cameo_none") or [])
    return sorted(pairs, key=lambda p: -len(p[0]))


@lru_cache(maxsize=1)
def _participles() -> dict[str, str]:
    """Verb lemma -> relation, for compound adjectives ("backed" -> supports, "led" -> leads)."""
    out: dict[str, str] = {}
    for name, spec in relation_types().items():
        if spec.get("symmetric"):
            continue  # "Hamas-allied": whom with is said by the phrase, not which way
        for v in spec.get("verbs") or []:
            out.setdefault(v, name)
    return out


@lru_cache(maxsize=1)
def _lemma_relations() -> dict[str, str]:
    """Verb lemma -> relation, for verbs a relation claims whatever the coder's code (``cameo_lemmas``)."""
    return {v: name for name, spec in relation_types().items() for v in spec.get("cameo_lemmas") or []}


@cache
def _by_word(key: str) -> dict[str, list[str]]:
    """Word -> the relations whose ``key`` list in ``relations.yaml`` holds it."""
    out: dict[str, list[str]] = {}
    for name, spec in relation_types().items():
        for w in spec.get(key) or []:
            out.setdefault(w, []).append(name)
    return out


def _coordination(tok: Token) -> bool:
    """ "the government and the rebels": a conjunction or a conjunct, which qualifies no phrase."""
    return tok.dep_ in ("cc", "conj") and tok.i > tok.head.i


def _possessive_conjunct(tok: Token) -> bool:
    """ "supporting the MZLA gang and Chile's Oren Cartel", parsed with "Chile" as a third conjunct:
    a conjunct marked as a possessive owns the phrase after it and is no party of its own."""
    return any(c.dep_ == "case" and c.lower_ in ("'s", "’s", "'", "’") for c in tok.children) and any(
        c.dep_ == "conj" and c.i > tok.i for c in tok.head.children)


def _name_tail(tok: Token) -> bool:
    """Whether a conjunct is a company name's split tail ("Brown and Sons Inc"): ``name_tails``."""
    tails = load_yaml("relations.yaml")["name_tails"]
    return tok.lower_ in tails or any(c.dep_ == "compound" and c.lower_ in tails for c in tok.children) or (
        tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in tails and tok.doc[tok.i + 1].head.i == tok.i)


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Capital (lower case) -> its country's name (``capitals.yaml``)."""
    return {str(capital).lower(): str(country) for country, capital in load_yaml("capitals.yaml")["capitals"].items()}


def _relation_for(cameo: str) -> str | None:
    for prefix, rel in _cameo_relations():
        if cameo.startswith(prefix):
            return rel
    return None


@lru_cache(maxsize=1)
def _halting() -> frozenset[str]:
    """Verbs that end or halt what a noun below them names (``ending_verbs`` and ``halting_verbs``)."""
    return _lexicon()[3] | frozenset(load_yaml("relations.yaml").get("halting_verbs") or [])


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, list[str]], dict[str, list[str]], dict[str, list[str]], frozenset[str], frozenset[str], frozenset[str]]:
    verbs: dict[str, list[str]] = {}
    nouns: dict[str, list[str]] = {}
    objects: dict[str, list[str]] = {}
    for name, spec in relation_types().items():
        if spec.get("adjective_only"):
            continue
        for v in spec.get("verbs") or []:
            verbs.setdefault(v, []).append(name)
        for n in (spec.get("nouns") or []) + (spec.get("force_only_nouns") or []):
            nouns.setdefault(n.lower(), []).append(name)
        for o in spec.get("objects") or []:
            objects.setdefault(o.lower(), []).append(name)
    data = load_yaml("relations.yaml")
    return (
        verbs,
        nouns,
        objects,
        frozenset(data["ending_verbs"]),
        frozenset(w.lower() for w in data["hedges"]),
        frozenset(w.lower() for w in data["boosters"]),
    )


@lru_cache(maxsize=1)
def _classes() -> dict[str, tuple[str, ...]]:
    """phrase (lower case) -> class name."""
    out: dict[str, tuple[str, ...]] = {}
    for name, spec in load_yaml("classes.yaml")["classes"].items():
        for phrase in spec["phrases"]:
            out[phrase.lower()] = (name,)
    return out


def doc_prev(tok: Token) -> Token:
    """The token before ``tok`` (itself at the start of the document)."""
    return tok.doc[tok.i - 1] if tok.i > 0 else tok


class ClaimFinder:
    """The ``claimgraph_claims`` component: sets ``doc._.cg_claims``."""

    def __init__(self) -> None:
        self._matchers: dict[int, PhraseMatcher] = {}
        self._coder: Any = None

    def __call__(self, doc: Doc) -> Doc:
        # What one document needs (its actors, which token names which, its home state) is set
        # on a copy made for it: the component the pipeline shares keeps configuration only,
        # so two documents never see each other's state. The copy shares the matchers and coder.
        if self._coder is None:
            from claimgraph.nlp.coder import EventCoder

            self._coder = EventCoder()
        return copy.copy(self)._find(doc)

    def _find(self, doc: Doc) -> Doc:
        verbs, nouns, objects, ending, hedges, boosters = _lexicon()
        token_actor: dict[int, str] = dict(doc._.cg_token_actor or {})
        actors: dict[str, Actor] = doc._.cg_actors if doc._.cg_actors is not None else {}
        self._mark_classes(doc, token_actor, actors)
        self.token_actor = token_actor
        self.home_state = self._home_state(doc, token_actor, actors) or self._institutions_state(doc, token_actor, actors)
        self.actors = actors
        self._the_country(doc)
        self._the_group(doc)
        self._group_named_later(doc)
        self._its_rivals(doc)
        self._described_before_bracket(doc)
        self._identified_as(doc)
        out: list[RawClaim] = []
        seen: set[tuple[str | None, str, str | None, int]] = set()
        noun_words = {w.split()[-1] for w in nouns}
        candidates = sorted(
            set(indices_with(doc, set(verbs) | set(ending) | {"be"}, "lemma"))
            | set(indices_with(doc, noun_words | {"presence"}))
        )
        for i in candidates:
            tok = doc[i]
            found: list[Found] = []
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_:
                for rel in verbs.get(tok.lemma_, []):
                    found.extend(self._verbal(doc, tok, rel, objects))
                if tok.lemma_ in ending:
                    found.extend(self._ending_with(doc, tok))
                if tok.lemma_ == "be":
                    found.extend(self._there_are(tok))
            if tok.lower_ == "presence":
                found.extend(self._presence(tok))
            # a word inside a name is no trigger ("Inter-Services Public Relations", "the Council on Foreign Relations")
            in_name = tok.i in token_actor and actors[token_actor[tok.i]].type != CLASS_TYPE
            if (tok.pos_ in ("NOUN", "PROPN") or tok.tag_.startswith("NN")) and not in_name:
                key = tok.lower_
                two = f"{doc[tok.i - 1].lower_} {key}" if tok.i > 0 else ""
                for rel in nouns.get(two, []) + nouns.get(key, []):
                    found.extend(self._nominal(doc, tok, rel))
            if tok.lower_ in _force_only_nouns():
                # "the campaign against X" is an attack when an army or an armed group makes it
                found = [f for f in found if f[1] != "attacks" or (f[0] is not None and self.actors[f[0]].kind in ("military", "armed_group"))]
            if not found:
                continue
            if self._asserts_nothing(tok):
                continue
            s, e = _sentence(doc, tok.i)
            # "may" the modal, not "May" the month
            words = {t.lower_ for t in doc[s:e] if t.lower_ not in ("may", "might", "could") or t.tag_ == "MD"}
            sent_text = doc[s:e].text.lower()
            hedge_words = sorted(w for w in hedges if (" " in w and w in sent_text) or w in words)
            boost_words = sorted(w for w in boosters if w in words)
            for subj, rel, obj, negated in found:
                if subj == obj:
                    continue
                if rel == "attacks" and tok.pos_ == "VERB" and self._verbal_attack(tok):
                    rel = "criticizes"  # "attacked the president over the deal"
                if subj is not None and obj is not None and relation_types().get(rel, {}).get("symmetric"):
                    subj, obj = sorted((subj, obj))
                seen_key = (subj, rel, obj, tok.i)
                if seen_key in seen:
                    continue
                seen.add(seen_key)
                out.append(
                    RawClaim(tok.i, subj, rel, obj, negated or (rel != "present_in" and self._negated(doc, tok, _halting())),
                             doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), hedge_words, boost_words)
                )
        for raw in (self._coded(doc, hedges, boosters) + self._compounds(doc) + self._located(doc) + self._held(doc)
                    + self._denials(doc) + self._including(doc) + self._home_countries(doc) + self._parts(doc)
                    + self._reciprocals(doc) + self._appositions(doc) + self._support_from(doc) + self._premises(doc)
                    + self._attacks_by(doc) + self._made_up_of(doc) + self._exchanges(doc) + self._named_in(doc)
                    + self._warring(doc) + self._attack_places(doc) + self._bodies_of(doc)
                    + self._leaders_governments(doc) + self._fired_at(doc) + self._claimed_attacks(doc) + self._held_captive(doc)
                    + self._handed_over(doc) + self._ended_fighting(doc)
                    + self._local_offices(doc) + self._occupiers(doc) + self._counted_in(doc) + self._members_acting_in(doc)
                    + self._measures(doc) + self._campaigns(doc) + self._based_in(doc) + self._owned_presence(doc)
                    + self._local_missions(doc) + self._fallen(doc) + self._listed(doc) + self._deployments(doc)
                    + self._held_nouns(doc)):
            found_key = (raw.subject, raw.predicate, raw.object, raw.trigger)
            # the trigger lists found it already in this sentence
            if found_key not in seen and not any(
                (c.subject, c.predicate, c.object) == found_key[:3] and sentence_of(doc, c.trigger) == sentence_of(doc, raw.trigger)
                for c in out
            ):
                seen.add(found_key)
                out.append(raw)
        out += self._similar_measures(doc, out) + self._gapped_rest(doc, out)
        self._no_longer(doc, out)
        spoken = self._speech_acts(doc, out)
        if spoken:
            # one claim of a pair in a sentence, whichever pass found it first
            have = {(c.subject, c.predicate, c.object, sentence_of(doc, c.trigger)[0]) for c in out}
            for raw in spoken:
                pair_key = (raw.subject, raw.predicate, raw.object, sentence_of(doc, raw.trigger)[0])
                if pair_key not in have:
                    have.add(pair_key)
                    out.append(raw)
        out = self._attacked_states(doc, self._places_do_no_force(doc, out))
        doc._.cg_claims = self._agreements(doc, self._accused_states(self._states_of_institutions(doc, out), doc))
        return doc

    # -- speech acts: who accuses or criticises whom, read from what is said ---

    def _speech_acts(self, doc: Doc, claims: list[RawClaim]) -> list[RawClaim]:
        """Accusations, criticism, rejections and demands the coder's verb patterns miss: a deed
        condemned (``_condemned_deeds``), an attack told by the one attacked, answered, or under an
        accusing cue (``_accused_attackers``), accusations and condemnations as nouns
        (``_speech_nouns``) or participles on a report (``_speaking_participles``), another held
        responsible (``_held_responsible``), calls, urgings and deadlines (``_calls_on``), the author
        of the report an accusation is made in (``_reports_by``), accusations rejected with nobody's
        name on them (``_unowned_denials``), and what a spokesperson says, said by the one it speaks
        for (``_spoken_for``)."""
        found = (self._condemned_deeds(doc, claims) + self._accused_attackers(doc, claims) + self._speech_nouns(doc)
                 + self._speaking_participles(doc) + self._held_responsible(doc) + self._calls_on(doc))
        found += self._reports_by(doc, claims + found)
        found += self._unowned_denials(doc, claims + found)
        return found + self._spoken_for(claims + found)

    def _unowned_denials(self, doc: Doc, claims: list[RawClaim]) -> list[RawClaim]:
        """ "Zamora rejected the unfounded accusations" with nobody's name on them: the accusations
        the story tells of against the denier (its army, its government), when one actor makes them
        all; the denier rejects that accuser (``relations.yaml`` rejects: rejecting_verbs,
        accusation_nouns)."""
        spec = relation_types()["rejects"]
        verbs = set(spec.get("rejecting_verbs") or [])
        nouns = set(spec.get("accusation_nouns") or [])
        states: dict[str, Any] = doc.user_data.get("cg_institution_states") or {}
        out: list[RawClaim] = []
        for i in indices_with(doc, verbs, "lemma"):
            verb = doc[i]
            if verb.pos_ != "VERB" or self._negated(doc, verb, frozenset()) or self._asserts_nothing(verb):
                continue
            said = [n for n in self._with_conjuncts([c for c in verb.children if c.dep_ == "dobj"]) if n.lower_ in nouns]
            # nobody's: no owner, no "by"/"from"/"of", no name in the phrase
            said = [n for n in said if not any(c.dep_ in ("poss", "compound", "nmod", "amod") and (c.i in self.token_actor or c.pos_ == "PRON")
                                               for c in n.children) and not self._prep_objects(n, ["by", "from", "of"])]
            subj = self._subject(verb)
            denier = self._speaking_party(subj) if subj is not None else None
            if not said or denier is None:
                continue
            own = {denier} | {inst for inst, (state, _) in states.items() if state == denier}
            accusers = {c.subject for c in claims if c.predicate == "accuses" and not c.negated and c.object in own and c.subject not in own}
            if len(accusers) != 1:
                continue
            accuser = accusers.pop()
            assert accuser is not None
            s, e = _sentence(doc, i)
            out.append(RawClaim(i, denier, "rejects", accuser, False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _owners(self, noun: Token) -> list[str]:
        """Whose a statement noun is: "Oren's", "the Oren allegations", "the Zamoran allegations" (a
        demonym's state, when the text names it), "by X", "from X"."""
        named = set(self.token_actor.values())
        owners: list[str] = []
        for c in noun.children:
            if c.i > noun.i or c.dep_ not in ("poss", "compound", "nmod", "amod"):
                continue
            if c.i in self.token_actor:
                a = self._party(c, subject=True)
            else:
                country = load_places().country_of(c.text) if c.dep_ == "amod" else None
                a = Actor.id_for(country, "place") if country else None
                a = a if a in named else None
            if a is not None:
                owners.append(a)
        owners += [a for b in self._with_conjuncts(self._prep_objects(noun, ["by", "from"])) if (a := self._party(b, subject=True)) is not None]
        return list(dict.fromkeys(owners))

    def _authors(self, statement: Token) -> list[str]:
        """Who a statement noun is by: its owners (``_owners``), or who issued it ("X issued a
        statement ...")."""
        authors = self._owners(statement)
        if not authors and statement.dep_ == "dobj" and statement.head.lemma_ in _ISSUING_VERBS:
            issuer = self._subject(statement.head)
            authors = [a for a in (self._speaking_party(issuer),) if a is not None] if issuer is not None else []
        return authors

    def _speech_nouns(self, doc: Doc) -> list[RawClaim]:
        """ "Oren's accusations against the Front", "the allegations by X against Y" (``relations.yaml``
        accuses: speech_nouns), "Peru's condemnation of the Front" (criticizes: speech_nouns), "an
        investigation by X into Y" (investigates: nouns): the owner accuses, criticises or
        investigates the one after "against" (or "of", for criticism; "into", for an inquiry). Not for
        accusations rejected or denied (``_denials`` reads those), nor unasserted or negated ones."""
        rejecting = set(relation_types()["rejects"].get("rejecting_verbs") or []) | set(load_yaml("cues.yaml")["denying_cues"])
        out: list[RawClaim] = []
        for rel, key, preps in (("accuses", "speech_nouns", ["against"]), ("criticizes", "speech_nouns", ["of", "against"]),
                                ("investigates", "nouns", ["into"])):
            for i in indices_with(doc, relation_types()[rel].get(key) or []):
                noun = doc[i]
                if noun.pos_ != "NOUN" or i in self.token_actor or noun.head.lemma_ in rejecting:
                    continue
                # "the allegations by X against Y", parsed with "against" on X
                at = self._prep_objects(noun, preps) + [t for b in self._prep_objects(noun, ["by", "from"]) for t in self._prep_objects(b, preps)]
                if not at:
                    continue
                owners = self._owners(noun)
                targets = [a for t in self._with_conjuncts(at) if (a := self._party(t, subject=False, rel=rel)) is not None]
                if not owners or not targets or self._asserts_nothing(noun) or self._negated(doc, noun, frozenset()):
                    continue
                s, e = _sentence(doc, i)
                for who in owners:
                    for whom in dict.fromkeys(targets):
                        if who != whom:
                            out.append(RawClaim(i, who, rel, whom, False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _speaking_participles(self, doc: Doc) -> list[RawClaim]:
        """ "a report by the Commission accusing the Front of torture", "a statement by X condemning
        Y", "X issued a statement condemning Y": the participle's doer is the one the statement is by
        or who issued it (the coder finds no source)."""
        nouns = set(load_yaml("cues.yaml")["statement_nouns"])
        verbs = {v: r for v, r in _lemma_relations().items() if r == "accuses"}
        verbs.update(dict.fromkeys(relation_types()["criticizes"].get("deed_verbs") or [], "criticizes"))
        out: list[RawClaim] = []
        for i in indices_with(doc, set(verbs), "lemma"):
            verb = doc[i]
            if verb.pos_ != "VERB" or verb.dep_ != "acl" or verb.tag_ != "VBG":
                continue
            # on the statement ("a report accusing"), or on the name after its "by" ("a report by X accusing")
            head = verb.head
            by = head.head if head.dep_ == "pobj" and head.head.lower_ in ("by", "from") else None
            if head.lower_ in nouns:
                authors = self._authors(head)
            elif by is not None and by.head.lower_ in nouns:
                authors = self._owners(by.head)
            else:
                continue
            accused = [a for t in self._with_conjuncts([c for c in verb.children if c.dep_ == "dobj"])
                       if (a := self._party(t, subject=False, rel=verbs[verb.lemma_])) is not None]
            if self._negated(doc, verb, frozenset()):
                continue
            s, e = _sentence(doc, i)
            for who in authors:
                for whom in dict.fromkeys(accused):
                    if who != whom:
                        out.append(RawClaim(i, who, verbs[verb.lemma_], whom, False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _held_responsible(self, doc: Doc) -> list[RawClaim]:
        """ "Peru said the Front was responsible for the bombing", "... was behind the attack": the
        speaker accuses the one it holds responsible for a deed (``relations.yaml`` accuses:
        responsible_words, responsible_deeds, and the attack nouns). Not one that owns up ("it was
        responsible"), nor under a denial, a cue that asserts nothing, or a news outlet's cue."""
        spec = relation_types()["accuses"]
        deeds = set(spec.get("responsible_deeds") or []) | _attack_nouns()
        quiet = set(load_yaml("cues.yaml")["denying_cues"]) | set(load_yaml("cues.yaml")["non_asserting_cues"])
        words = [doc[i] for i in indices_with(doc, spec.get("responsible_words") or [])]
        if not words:
            return []
        out: list[RawClaim] = []
        for w in words:
            be = w.head if (w.dep_ == "acomp" and w.pos_ == "ADJ") or (w.dep_ == "prep" and w.lower_ == "behind") else None
            if be is None or be.lemma_ != "be" or self._negated(doc, be, frozenset()) or self._asserts_nothing(be) or self._hypothetical(be):
                continue
            what = [g for g in ([w] if w.lower_ == "behind" else [c for c in w.children if c.dep_ == "prep" and c.lower_ == "for"])
                    for g in g.children if g.dep_ == "pobj"]
            if not any(g.lower_ in deeds and g.i not in self.token_actor and not self._hypothetical(g) for g in what):
                continue
            subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
            if subj is None or subj.lower_ in ("it", "they", "he", "she", "we", "i"):
                continue
            culprits = [a for t in self._with_conjuncts([subj]) if (a := self._party(t, subject=True)) is not None]
            holder = [a for a in doc._.cg_attributions or [] if a.content[0] <= be.idx < a.content[1] and a.speaker.head is not None
                      and not (a.cue is not None and a.cue.lemma_ in quiet)]
            for att in holder[:1]:
                assert att.speaker.head is not None
                speaker = self._party(doc[att.speaker.head], subject=True)
                if speaker is None or self.actors[speaker].kind == "media":
                    continue
                s, e = _sentence(doc, be.i)
                for culprit in culprits:
                    if culprit != speaker:
                        out.append(RawClaim(be.i, speaker, "accuses", culprit, False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _calls_on(self, doc: Doc) -> list[RawClaim]:
        """ "Peru called on the Front to free the hostages", "urged the Front to withdraw", "gave the
        junta ten days to free the hostages": the speaker demands of the one addressed
        (``relations.yaml`` demands: calling_verbs, calling_preps, urging_verbs, giving_verbs,
        deadline_nouns), when an infinitive says what is asked."""
        spec = relation_types()["demands"]
        calling = set(spec.get("calling_verbs") or [])
        urging = set(spec.get("urging_verbs") or [])
        giving = set(spec.get("giving_verbs") or [])
        out: list[RawClaim] = []
        for i in indices_with(doc, calling | urging | giving, "lemma"):
            verb = doc[i]
            if verb.pos_ != "VERB" or self._negated(doc, verb, frozenset()):
                continue
            asked = any(c.dep_ in ("xcomp", "ccomp", "advcl") and c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                        for c in verb.children)
            if verb.lemma_ in calling:
                addressed = self._prep_objects(verb, list(spec.get("calling_preps") or []))
            elif verb.lemma_ in urging:
                addressed = [c for c in verb.children if c.dep_ == "dobj"]
            else:
                # "gave X seven days to ...": the deadline, with its infinitive on it or on the verb
                given = self._deadlines(verb)
                asked = asked or any(c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" for g in given for c in g.children)
                addressed = [c for c in verb.children if c.dep_ == "dative"] if given else []
            if not asked or not addressed:
                continue
            subj = self._subject(verb)
            who = self._speaking_party(subj) if subj is not None else None
            whom = [a for t in self._with_conjuncts(addressed) if (a := self._party(t, subject=False, rel="demands")) is not None]
            s, e = _sentence(doc, i)
            for a in dict.fromkeys(whom):
                if who is not None and a != who:
                    out.append(RawClaim(i, who, "demands", a, False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    @staticmethod
    def _onto_list(verb: Token) -> bool:
        """ "added X to its terror list", "put X on a blacklist": the verb puts someone on a list
        (``relations.yaml`` sanctions: list_nouns), whatever the verb alone would mean."""
        nouns = set(relation_types()["sanctions"].get("list_nouns") or [])
        return any(p.lower_ in ("to", "on", "onto") and any(o.dep_ == "pobj" and o.lower_ in nouns for o in p.children)
                   for p in verb.children if p.dep_ == "prep")

    @staticmethod
    def _deadlines(verb: Token) -> list[Token]:
        """ "gave the junta seven days to ...": the deadline a giving verb gives (``relations.yaml``
        demands: giving_verbs, deadline_nouns), none for another verb."""
        spec = relation_types()["demands"]
        if verb.lemma_ not in (spec.get("giving_verbs") or []):
            return []
        return [c for c in verb.children if c.dep_ in ("dobj", "npadvmod") and c.lower_ in (spec.get("deadline_nouns") or [])]

    def _speaking_party(self, tok: Token) -> str | None:
        """The party a speaker's phrase names (``_party``), but not a place it is in or of: "rebels in
        Zamora rejected ..." are not Zamora, "officials in Oren" are (``speaking_for_nouns``); nor the
        state of those who do not speak for it ("Zamoran rebels", ``non_state_speakers``)."""
        found = self._party(tok, subject=True)
        if found is None or tok.i in self.token_actor or self.actors[found].type != "place":
            return found
        if tok.lower_ in (load_yaml("relations.yaml").get("non_state_speakers") or []):
            return None  # "Zamoran rebels", "opposition groups in Oren"
        speaking_for = set(load_yaml("relations.yaml").get("speaking_for_nouns") or [])
        at = next((t for t in tok.subtree if self.token_actor.get(t.i) == found), None)
        while at is not None and at.i != tok.i:
            if at.dep_ == "pobj" and at.head.lower_ in ("in", "at", "near", "inside", "across", "around", "outside", "from", "of") and (
                    at.head.head.lower_ not in speaking_for):
                return None
            at = at.head if at.head.i != at.i else None
        return found

    def _addressed(self, target: Token, rel: str) -> str | None:
        """The party a threat or a demand is addressed to when its object is a noun: after one of the
        relation's ``addressed_preps`` on it ("break relations with Oren", "an ultimatum to Oren", "an
        apology from Oren"), or the subject of its "that" clause ("its demand that Oren
        withdraw", on the noun or, for a demand, on its verb)."""
        if target.pos_ != "NOUN" or target.i in self.token_actor:
            return None
        for g in self._prep_objects(target, list(relation_types()[rel].get("addressed_preps") or [])):
            if (found := self._party(g, subject=False, rel="demands")) is not None:
                return found
        clauses = list(target.children)
        if rel == "demands" and target.dep_ == "dobj":
            # "reiterated its demand today that Oren withdraw", the clause hung on the verb
            clauses += [c for c in target.head.children if c.dep_ == "ccomp" and c.i > target.i]
        for clause in clauses:
            if clause.dep_ in ("acl", "ccomp") and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
                subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                if subj is not None and (found := self._party(subj, subject=True)) is not None:
                    return found
        return None

    def _misparsed_owner(self, target: Token) -> str | None:
        """ "rejects Oren insistence that ...": a name right before a noun that the parser took for
        the noun's subject, not its modifier, is whose the noun is (for words at another's words)."""
        if target.pos_ != "NOUN" or target.i in self.token_actor:
            return None
        owner = next((c for c in target.children if c.dep_ == "nsubj" and c.i == target.i - 1 and c.pos_ == "PROPN"), None)
        return self._party(owner, subject=True) if owner is not None and owner.i in self.token_actor else None

    def _reports_by(self, doc: Doc, claims: list[RawClaim]) -> list[RawClaim]:
        """ "Oren accused the militia of torture in a study by its rights office": who wrote
        the report (``cues.yaml`` statement_nouns) the accusation or criticism is made in makes it
        too."""
        nouns = set(load_yaml("cues.yaml")["statement_nouns"])
        out: list[RawClaim] = []
        for c in claims:
            verb = doc[c.trigger]
            if c.predicate not in ("accuses", "criticizes") or c.negated or c.object is None or verb.pos_ != "VERB":
                continue
            # "accused X of killing 50 people in a report by Y": on the verb or on what it accuses of
            deeds = [verb] + [g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("of", "for") for g in p.children if g.dep_ == "pcomp"]
            reports = [r for d in deeds for r in self._prep_objects(d, ["in"]) if r.lower_ in nouns]
            for author in (a for r in reports for by in self._prep_objects(r, ["by", "from"]) if (a := self._party(by, subject=True)) is not None):
                if author not in (c.subject, c.object):
                    out.append(RawClaim(c.trigger, author, c.predicate, c.object, False, c.start, c.end, list(c.hedges), list(c.boosters)))
        return out

    @staticmethod
    def _answered(deed: Token, nouns: set[str]) -> bool:
        """Whether an attack noun is what a response answers ("in response to raids and shelling
        by X", "in retaliation for X's raids")."""
        t = deed
        for _ in range(4):
            if t.dep_ not in ("pobj", "conj", "prep") or t.head.i == t.i:
                return False
            t = t.head
            if t.lower_ in nouns:
                return True
        return False

    def _doers(self, doc: Doc, deed: Token) -> list[str]:
        """Who did what an attack noun names: "the offensive launched by the Dara Front" (the agent of
        its participle, however the parser hangs it), "Zamora's strikes", "its attack", "the Dara
        Front offensive", "Zamoran strikes" (a demonym's state, when the text names it)."""
        s, _ = sentence_of(doc, deed.i)
        found = self._attacker(doc, deed, s)
        if found is not None:
            return [found]
        doers: list[str] = []
        # "the offensive launched by X": a participle below the noun, or above it when the parser
        # takes the noun for the participle's subject ("in a communiqué the assault mounted by X")
        participles = [c for c in deed.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN"]
        if deed.dep_ == "nsubj" and deed.head.tag_ == "VBN" and deed.head.dep_ in ("acl", "relcl"):
            participles.append(deed.head)
        # "raids near the border carried out by X": a participle of doing hung on the place of the deed
        participles += [v for p in self._prep_objects(deed, ["in", "at", "near", "around"]) for v in p.children
                        if v.dep_ == "acl" and v.tag_ == "VBN" and v.lemma_ in _SUPPORT_VERBS]
        for verb in participles:
            agents = [g for c in verb.children if c.dep_ in ("agent", "prep") and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
            doers += [a for g in self._with_conjuncts(agents) if (a := self._party(g, subject=True)) is not None]
        if doers:
            return list(dict.fromkeys(doers))
        named = set(self.token_actor.values())
        for c in deed.children:
            if c.dep_ not in ("compound", "amod", "nmod") or c.i > deed.i:
                continue
            if c.i in self.token_actor:
                a = self._party(c, subject=True)
            else:
                country = load_places().country_of(c.text) if c.dep_ == "amod" else None
                a = Actor.id_for(country, "place") if country else None
                a = a if a in named else None
            if a is not None and self._agent(a):
                doers.append(a)
        return list(dict.fromkeys(doers))

    def _condemned_deeds(self, doc: Doc, claims: list[RawClaim]) -> list[RawClaim]:
        """ "The Council condemned the offensive launched by the Dara Front", "Zamora denounced
        Oren's strikes": who condemns a deed (an attack noun) criticises its doer
        (``relations.yaml`` criticizes: deed_verbs). "Condemned the attack", with no doer in its
        phrase, is the attack told of last before it (``_last_attackers``); a denied, unasserted
        or hypothetical condemnation says nothing."""
        verbs = set(relation_types()["criticizes"].get("deed_verbs") or [])
        out: list[RawClaim] = []
        for i in indices_with(doc, verbs, "lemma"):
            verb = doc[i]
            if verb.pos_ != "VERB" or self._asserts_nothing(verb) or self._negated(doc, verb, frozenset()) or self._hypothetical(verb):
                continue
            deeds = [c for c in verb.children if c.dep_ == "dobj"]
            if not deeds:
                # "denouncing in a communiqué the assault mounted by X", parsed with the assault
                # as the subject of a participle on the statement
                deeds = [g for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
                         for r in o.children if r.dep_ in ("acl", "relcl") and r.tag_ == "VBN"
                         for g in r.children if g.dep_ == "nsubj" and g.i > verb.i]
            deeds = [d for d in self._with_conjuncts(deeds)
                     if d.pos_ == "NOUN" and d.lower_ in _attack_nouns() and d.i not in self.token_actor and not self._hypothetical(d)]
            subj = self._subject(verb)
            if subj is not None and verb.dep_ == "acl" and subj.lower_ in load_yaml("cues.yaml")["statement_nouns"]:
                # "X issued a statement condemning the attack", "a statement by X condemning ...": its
                # author, not a name inside what it says
                critic = next(iter(self._authors(subj)), None)
            else:
                critic = self._speaking_party(subj) if subj is not None else None
            if critic is None or not deeds:
                continue
            s, e = _sentence(doc, i)
            for deed in deeds:
                for doer in self._doers(doc, deed) or self._last_attackers(doc, deed, claims):
                    if doer != critic:
                        out.append(RawClaim(i, critic, "criticizes", doer, False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _last_attackers(self, doc: Doc, deed: Token, claims: list[RawClaim]) -> list[str]:
        """ "The Front attacked the town on Monday. ... The UN condemned the attack": "the attack" (or
        "this attack", a bare definite) is the one told of last, in its sentence or the two before,
        by whoever made it (the attackers of its one trigger)."""
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in deed.children) or len(list(deed.children)) > 2:
            return []
        s, _ = sentence_of(doc, deed.i)
        start = s
        for _ in range(2):
            start = sentence_of(doc, start - 1)[0] if start > 0 else start
        told = [c for c in claims if c.predicate == "attacks" and not c.negated and c.subject is not None and start <= c.trigger < deed.i]
        if not told:
            return []
        last = max(c.trigger for c in told)
        return list(dict.fromkeys(c.subject for c in told if c.trigger == last and c.subject is not None))

    def _accused_attackers(self, doc: Doc, claims: list[RawClaim]) -> list[RawClaim]:
        """ "The Front said its fighters repulsed an attack by the army", "'this attack by the militia
        against our soldiers,' X said": a speaker who tells of an attack on itself or on its own
        ("our", "us") accuses the attacker; under an accusing cue ("X alleged that the militia
        shelled Oren") it accuses whoever attacked (``relations.yaml`` accuses: accusing_cues,
        own_words, answer_nouns). Not under a denial or a cue that asserts nothing, nor of a negated
        attack, nor by a news outlet (it reports)."""
        spec = relation_types()["accuses"]
        cues = set(spec.get("accusing_cues") or [])
        own = set(spec.get("own_words") or [])
        answers = set(spec.get("answer_nouns") or [])
        quiet = set(load_yaml("cues.yaml")["denying_cues"]) | set(load_yaml("cues.yaml")["non_asserting_cues"])
        wrongs = set(spec.get("accused_deeds") or [])
        attacks = [c for c in claims if c.predicate == "attacks" and not c.negated and c.subject is not None]
        deeds = [doc[i] for i in indices_with(doc, _attack_nouns())] + [doc[i] for i in indices_with(doc, _attack_verbs() | wrongs, "lemma")]
        deeds = sorted((d for d in deeds if d.pos_ in ("NOUN", "VERB") and d.i not in self.token_actor), key=lambda d: d.i)
        starts = [d.idx for d in deeds]
        out: list[RawClaim] = []
        for att in doc._.cg_attributions or []:
            if att.speaker.head is None or (att.cue is not None and att.cue.lemma_ in quiet):
                continue
            speaker = self._party(doc[att.speaker.head], subject=True)
            if speaker is None or self.actors[speaker].kind == "media":
                continue  # a newspaper telling of an attack reports it, it does not accuse
            a0, a1 = att.content
            accusing = att.cue is not None and att.cue.lemma_ in cues
            for c in attacks:
                if c.subject != speaker and (c.object == speaker or accusing) and a0 <= doc[c.trigger].idx < a1:
                    out.append(RawClaim(c.trigger, speaker, "accuses", c.subject, False, c.start, c.end, list(c.hedges), list(c.boosters)))
            for d in deeds[bisect_left(starts, a0):bisect_left(starts, a1)]:
                hit = [c for c in d.children if c.dep_ == "dobj"] if d.pos_ == "VERB" else self._prep_objects(d, ["on", "against"])
                if not accusing and not any(t.lower_ in own or any(c.dep_ == "poss" and c.lower_ in own for c in t.children) for t in hit) and not (
                        d.pos_ == "NOUN" and self._answered(d, answers)):
                    continue
                doers = [a for a in (self._doers(doc, d) if d.pos_ == "NOUN" else self._verb_doers(d)) if a != speaker]
                if not doers or self._hypothetical(d) or self._negated(doc, d, frozenset()) or self._asserts_nothing(d):
                    continue
                s, e = _sentence(doc, d.i)
                for doer in doers:
                    if doer != speaker:
                        out.append(RawClaim(d.i, speaker, "accuses", doer, False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    @staticmethod
    def _hypothetical(deed: Token) -> bool:
        """ "any attack on our soldiers will be met with force", "an attack on us would be a mistake":
        a deed that may come ("any", "every", or a modal on its clause), not one told of."""
        if any(c.dep_ == "det" and c.lower_ in ("any", "every", "each") for c in deed.children):
            return True
        clause = deed
        for _ in range(6):
            if clause.pos_ in ("VERB", "AUX") or clause.head.i == clause.i:
                break
            clause = clause.head
        return any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ not in ("did", "does", "do") for c in clause.children)

    def _verb_doers(self, verb: Token) -> list[str]:
        """Who did what a verb says: its subject, or the agent of a passive ("were killed by X");
        a bare "the army" is the home state's (``_home_army``)."""
        if any(c.dep_ == "auxpass" for c in verb.children):
            agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        else:
            agents = [x for x in (self._subject(verb),) if x is not None]
        doers = [a for g in self._with_conjuncts(agents) if (a := self._party(g, subject=True) or self._home_army(g)) is not None]
        return list(dict.fromkeys(doers))

    def _home_army(self, tok: Token) -> str | None:
        """ "the army" alone, in a story about one country, is that country's (``relations.yaml``
        accuses: home_army_nouns): its state, as "the government" is."""
        nouns = relation_types()["accuses"].get("home_army_nouns") or []
        if tok.lower_ not in nouns or tok.i in self.token_actor or not all(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        return self.home_state if tok.i > 0 and tok.doc[tok.i - 1].lower_ == "the" else None

    def _spoken_for(self, claims: list[RawClaim]) -> list[RawClaim]:
        """ "The group's spokesman Idris Kamal condemned the strike": what a spokesperson accuses,
        criticises, rejects, threatens or demands, the one it speaks for does (``relations.yaml``
        spoken_for; the spokesperson_for nouns in the person's role title)."""
        rels = set(load_yaml("relations.yaml").get("spoken_for") or [])
        nouns = set(relation_types()["spokesperson_for"].get("nouns") or [])
        out: list[RawClaim] = []
        for c in claims:
            person = self.actors.get(c.subject) if c.predicate in rels and c.subject is not None else None
            if person is None or person.type != "person":
                continue
            for role in person.roles:
                if role.organization and role.organization != c.object and role.organization in self.actors and (
                        nouns & set(role.title.lower().replace("-", " ").split())):
                    out.append(RawClaim(c.trigger, role.organization, c.predicate, c.object, c.negated, c.start, c.end, list(c.hedges), list(c.boosters)))
        return out

    def _states_of_institutions(self, doc: Doc, claims: list[RawClaim]) -> list[RawClaim]:
        """ "Kenyan police officers stationed in Haiti", "the Rwandan army is using missiles to support
        M23": where a state's army or police is, or whom it backs, the state is or backs, as a
        second claim on the same words (``_STATE_BY_INSTITUTION``). Not for words or signatures
        (what an army says or signs is not its state's word), nor for attacks (the army's
        target is often the state's own territory)."""
        states: dict[str, Any] = doc.user_data.get("cg_institution_states") or {}
        extra: list[RawClaim] = []
        for c in claims:
            if c.predicate == "fights" and c.subject in states and c.object in states:
                # "Armenian troops fought Azerbaijani forces": two states' armies, the states fight
                a, b = sorted((states[c.subject][0], states[c.object][0]))
                if a != b and a in self.actors and b in self.actors:
                    extra.append(RawClaim(c.trigger, a, "fights", b, c.negated, c.start, c.end, list(c.hedges), list(c.boosters)))
                continue
            if c.predicate not in _STATE_BY_INSTITUTION or c.subject not in states or c.object is None:
                continue
            state = states[c.subject][0]
            if state == c.object or state not in self.actors:
                continue
            extra.append(RawClaim(c.trigger, state, c.predicate, c.object, c.negated, c.start, c.end, list(c.hedges), list(c.boosters)))
        return claims + extra

    def _accused_states(self, claims: list[RawClaim], doc: Doc) -> list[RawClaim]:
        """ "the Taliban accused the Zamoran army of airstrikes", "Russia backs the Zamoran
        government": who accuses, condemns or backs a state's army or government accuses,
        condemns or backs the state, as a second claim on the same words
        (``_WORDS_AT_INSTITUTIONS``). Not the other way: what an army says is not its state's word."""
        states: dict[str, Any] = doc.user_data.get("cg_institution_states") or {}
        extra: list[RawClaim] = []
        for c in claims:
            if c.predicate not in _WORDS_AT_INSTITUTIONS or c.object not in states or c.subject is None:
                continue
            state = states[c.object][0]
            if state == c.subject or state not in self.actors or states.get(c.subject, (None,))[0] == state:
                continue
            extra.append(RawClaim(c.trigger, c.subject, c.predicate, state, c.negated, c.start, c.end, list(c.hedges), list(c.boosters)))
        return claims + extra

    # -- agreements named by a common noun -----------------------------------

    def _agreements(self, doc: Doc, claims: list[RawClaim]) -> list[RawClaim]:
        """ "X violated the truce", "Y honours the ceasefire": the document's truce becomes an
        agreement actor named by its fullest phrase and its parties ("humanitarian truce between
        A and B"), so that commitments can be held against it; without a party, no claim."""
        pending: dict[str, list[tuple[RawClaim, Token]]] = {}
        kept: list[RawClaim] = []
        claims = claims + self._mutual_breaches(doc, claims) + self._attacks_in_truce(doc, claims) + self._not_as_agreed(doc) + self._denied_breaches(doc)
        claims = claims + self._attacks_called_violations(doc)
        for c in claims:
            if c.object is not None and c.object.startswith(_DEAL):
                tok = doc[int(c.object[len(_DEAL):])]
                pending.setdefault(_deal_kind(tok, _ALL_DEALS) or "agreement", []).append((c, tok))
            else:
                kept.append(c)
        for kind, items in pending.items():
            parties = sorted({c.subject for c, _ in items if c.subject}, key=lambda a: self.actors[a].name)
            if not parties:
                continue
            # the fullest phrase for it, but not another party's own ("the government's own truce")
            own = {t.i for t in _deal_tokens(doc, kind) if any(c.dep_ == "poss" or c.lower_ == "own" for c in t.children)}
            said = [t for _, t in items]
            phrase = max((_deal_phrase(doc, t) for t in said + [t for t in _deal_tokens(doc, kind) if t.i not in own]), key=len, default=kind)
            names = [self.actors[p].name for p in parties]
            name = f"{phrase} between {' and '.join(names)}" if len(names) >= 2 else f"{phrase} of {names[0]}"
            if any(w in phrase.lower() for w in _CEASEFIRE):
                kind = "ceasefire"  # "the 2003 cease-fire agreement"
            actor_id = Actor.id_for(name, "agreement")
            self.actors.setdefault(actor_id, Actor(actor_id, name, "agreement", kind, aliases=[phrase]))
            for c, _ in items:
                c.object = actor_id
                kept.append(c)
        return kept

    def _mutual_breaches(self, doc: Doc, claims: list[RawClaim]) -> list[RawClaim]:
        """ "Zamora and Oren accused each other of breaching the truce", "the foes accused each other
        of violating a cease-fire": each of the two is said to break it. "The foes" are the two
        sides said to fight in the sentence (their states when both are armies of states)."""
        verbs = set(relation_types()["violates"].get("verbs") or [])
        out: list[RawClaim] = []
        for i in indices_with(doc, verbs, "lemma"):
            t = doc[i]
            acc = t.head.head
            if t.dep_ != "pcomp" or t.head.lower_ != "of" or acc.pos_ != "VERB":
                continue
            if not any(c.dep_ == "dobj" and c.lower_ in ("other", "another") for c in acc.children):
                continue
            deal = next((c for c in t.children if c.dep_ == "dobj" and _deal_kind(c, _ALL_DEALS)), None)
            subj = next((c for c in acc.children if c.dep_ == "nsubj"), None)
            if deal is None or subj is None or self._asserts_nothing(acc) or self._negated(doc, acc, frozenset()):
                continue
            s, e = _sentence(doc, i)
            pair = [a for a in dict.fromkeys(self._phrase_actor(x) for x in (subj, *subj.conjuncts)) if a]
            if len(pair) < 2:
                fought = [c for c in claims if c.predicate in ("fights", "attacks") and c.subject and c.object and not c.negated
                          and s <= c.trigger < e and (self.actors[c.object].type != "place" or self.actors[c.object].kind == "country")]
                # the states of two armies before the armies ("Armenian troops fought Azerbaijani forces")
                fought.sort(key=lambda c: not (self.actors[c.subject or ""].kind == "country" and self.actors[c.object or ""].kind == "country"))
                pair = [fought[0].subject or "", fought[0].object or ""] if fought else list(self._pair(doc, subj) or ())
            for who in pair[:2]:
                out.append(RawClaim(i, who, "violates", f"{_DEAL}{deal.i}", False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _attacks_in_truce(self, doc: Doc, claims: list[RawClaim]) -> list[RawClaim]:
        """ "slammed the rebels for their attack despite a ceasefire", "did not say who was to blame for
        the violations, but the government accused the militia of attacking its positions": an
        attack said beside the document's ceasefire (after "despite", or beside "the violations" of
        it) breaks the ceasefire. The attacker is the attack claim's subject, or the noun's agent
        ("attack by X", "its attack": the group named just before)."""
        spec = relation_types()["violates"]
        despite = set(spec.get("despite_words") or [])
        violation = set(spec.get("violation_nouns") or [])
        declare = set(spec.get("declare_verbs") or [])
        found = indices_with(doc, despite | violation)
        said = indices_with(doc, declare, "lemma")
        if not found and not said:
            return []
        truces = _deal_tokens(doc, "ceasefire")
        if not truces:
            return []
        out: list[RawClaim] = []
        done: set[int] = set()
        # "in declaring a ceasefire", "hours after it announced a truce": a declaration the attack's
        # clause subordinates; not "before declaring" one, nor a declaration told as news of its own
        declared = [t.head for t in truces if t.dep_ == "dobj" and t.head.i in said and t.head.dep_ in ("pcomp", "advcl")
                    and t.head.head.lower_ not in ("before", "until") and not any(c.lower_ in ("before", "until") for c in t.head.children)]
        markers = [doc[i] for i in found if doc[i].lower_ in despite or doc[i].pos_ == "NOUN"]
        for marker in markers + declared:
            deal: Token | None
            if marker in declared:
                deal = next((c for c in marker.children if c.dep_ == "dobj" and _deal_kind(c, _ALL_DEALS)), None)
            elif marker.lower_ in despite:
                deal = next((p for p in marker.children if p.dep_ == "pobj" and _deal_kind(p, _ALL_DEALS) == "ceasefire"), None)
            else:
                # "the violations", "truce violations", "violations of the ceasefire"; not "rights violations"
                mods = [c for c in marker.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
                of = self._prep_objects(marker, ["of"])
                if any(not _deal_kind(c, _ALL_DEALS) for c in mods + of):
                    continue
                deal = next((c for c in mods + of if _deal_kind(c, _ALL_DEALS) == "ceasefire"), None)
                if deal is None and (mods or of or not any(c.lower_ == "the" for c in marker.children)):
                    continue
                deal = deal or truces[0]
            if deal is None:
                continue
            s, e = _sentence(doc, marker.i)
            if s in done:
                continue
            done.add(s)
            span = (doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))
            attackers = [(c.trigger, c.subject) for c in claims if c.predicate == "attacks" and c.subject and not c.negated
                         and s <= c.trigger < e and (self.actors[c.subject].type != "place" or self.actors[c.subject].kind == "country")]
            if not attackers:
                attackers = [(n.i, a) for n in doc[s:e] if not self._negated(doc, n, frozenset()) and (a := self._attacker(doc, n, s)) is not None]
            if marker in declared:
                # the attack is not the declaration's own clause ("declared a truce after the attack"),
                # and a declarer named is the attacker (another party's truce does not bind it)
                declarer = self._actor_of(self._subject(marker))
                attackers = [(i, a) for i, a in attackers if not (marker.left_edge.i <= i <= marker.right_edge.i)
                             and declarer in (None, a)]
            for trigger, who in dict.fromkeys(attackers):
                out.append(RawClaim(trigger, who, "violates", f"{_DEAL}{deal.i}", False, *span))
        return out

    def _not_as_agreed(self, doc: Doc) -> list[RawClaim]:
        """ "Israel is failing to send the aid, as agreed for the first stage of the accord", "the
        rebels have not released the prisoners as promised under the Oren accord": who fails (or
        does not do) what an agreement named beside "as agreed" says breaks that agreement."""
        spec = relation_types()["violates"]
        failing = set(spec.get("failure_verbs") or [])
        agreed = set(spec.get("as_agreed") or [])
        out: list[RawClaim] = []
        for i in indices_with(doc, agreed):
            a = doc[i]
            if not any(c.lower_ == "as" and c.dep_ in ("mark", "advmod") for c in a.children) and not (i > 0 and doc[i - 1].lower_ == "as"):
                continue
            deal = next((t for t in a.subtree if t.i > i and _deal_kind(t, _ALL_DEALS) and t.pos_ in ("NOUN", "PROPN")), None)
            if deal is None:
                continue
            s, e = _sentence(doc, i)
            # the verb it qualifies, else the nearest clause's verb before it (not a participle of a
            # noun, "the prisoners held in Dara"): what fails ("failing to free"), or is not done ("have not freed")
            nearest = next((t for t in reversed(doc[s:i]) if t.pos_ == "VERB" and t.dep_ not in ("acl", "relcl", "amod")), None)
            verb = None
            for cand in dict.fromkeys(t for t in (a.head if a.head.i < i else None, nearest) if t is not None and t.pos_ == "VERB"):
                if cand.lemma_ not in failing and cand.dep_ == "xcomp" and cand.head.lemma_ in failing:
                    cand = cand.head
                if (cand.lemma_ in failing and not self._negated(doc, cand, frozenset())) or (
                        cand.lemma_ not in failing and any(c.dep_ == "neg" for c in cand.children)):
                    verb = cand
                    break
            if verb is None or self._asserts_nothing(verb):
                continue
            who = self._actor_of(self._subject(verb))
            if who is None or self.actors[who].type == "place" and self.actors[who].kind != "country":
                continue
            out.append(RawClaim(verb.i, who, "violates", f"{_DEAL}{deal.i}", False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _denied_breaches(self, doc: Doc) -> list[RawClaim]:
        """ "Zamora denies accusations that aid is held back in violation of the truce", "Oren
        rejected claims that its troops advanced in breach of the accord": the denier says it did
        not break the agreement (a negated claim, on the denying verb)."""
        rejecting = set(relation_types()["rejects"].get("rejecting_verbs") or [])
        violation = set(relation_types()["violates"].get("violation_nouns") or [])
        out: list[RawClaim] = []
        for i in indices_with(doc, rejecting, "lemma"):
            v = doc[i]
            if v.pos_ != "VERB" or self._negated(doc, v, frozenset()) or self._asserts_nothing(v):
                continue
            subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
            denier = self._party(subj, subject=True) if subj is not None else None
            if denier is None:
                continue
            for n in v.subtree:
                if n.lower_ not in violation or n.pos_ != "NOUN":
                    continue
                deal = next((d for d in self._prep_objects(n, ["of"]) if _deal_kind(d, _ALL_DEALS)), None)
                # the breach is in the denied clause, not in a clause joined to the denial
                path, h = [], n
                while h.i != v.i and h.head.i != h.i:
                    path.append(h.dep_)
                    h = h.head
                if deal is None or h.i != v.i or "conj" in path:
                    continue
                s, e = _sentence(doc, i)
                span = (doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))
                # inside the denial's own words the claim is the denier's, negated by its cue
                held = any(a.cue is not None and a.cue.i == i and a.content[0] <= n.idx < a.content[1] for a in doc._.cg_attributions or [])
                if held and v.lemma_ in _DENYING_CUES:
                    out.append(RawClaim(n.i, denier, "violates", f"{_DEAL}{deal.i}", False, *span))
                else:
                    out.append(RawClaim(i, denier, "violates", f"{_DEAL}{deal.i}", True, *span))
                break
        return out

    def _attacks_called_violations(self, doc: Doc) -> list[RawClaim]:
        """ "denouncing the attack as a violation of the security arrangements", "the raid was a
        breach of the accord": whoever made the attack breaks the agreement. "The attack" with no
        attacker of its own is the last attack named with one, at most three sentences before."""
        violation = set(relation_types()["violates"].get("violation_nouns") or [])
        out: list[RawClaim] = []
        for i in indices_with(doc, violation):
            v = doc[i]
            if v.pos_ != "NOUN":
                continue
            deal = next((d for d in self._prep_objects(v, ["of"]) if _deal_kind(d, _ALL_DEALS) and d.pos_ in ("NOUN", "PROPN")), None)
            if deal is None:
                continue
            h = v.head.head if v.head.lower_ == "as" and v.dep_ == "pobj" else v.head
            if v.dep_ == "attr":
                h = next((c for c in v.head.children if c.dep_ == "nsubj"), h)
            if h.pos_ == "VERB":
                h = next((c for c in h.children if c.dep_ == "dobj"), h)
            if h.lower_ not in _attack_nouns() or h.pos_ != "NOUN":
                continue
            s, e = _sentence(doc, v.i)
            who = self._attacker(doc, h, s)
            if who is None and any(c.lower_ in ("the", "this", "that") for c in h.children):
                # the attack told before ("a complex attack by the army ... denouncing the attack")
                start = s
                for _ in range(3):
                    if start == 0:
                        break
                    start = sentence_of(doc, start - 1)[0]
                who = next((a for n in reversed(doc[start:h.i]) if n.lower_ in _attack_nouns() and n.pos_ == "NOUN"
                            and (a := self._attacker(doc, n, sentence_of(doc, n.i)[0])) is not None), None)
            if who is None or self._negated(doc, v, frozenset()):
                continue
            out.append(RawClaim(v.i, who, "violates", f"{_DEAL}{deal.i}", False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _attacker(self, doc: Doc, noun: Token, start: int) -> str | None:
        """Who makes an attack a noun or verb names: "attack by X", "X's attack", "its attack" (the
        organisation named last before it in the sentence), "accused X of attacking"."""
        if noun.pos_ == "VERB" and noun.lemma_ in _attack_verbs():
            if any(c.dep_ == "auxpass" for c in noun.children):
                return None
            a = self._actor_of(self._subject(noun))
            return a if a is not None and (self.actors[a].type != "place" or self.actors[a].kind == "country") else None
        if noun.pos_ != "NOUN" or noun.lower_ not in _attack_nouns():
            return None
        for by in self._prep_objects(noun, ["by"]):
            if (a := self._actor_of(by)) is not None:
                return a
        for c in noun.children:
            if c.dep_ != "poss":
                continue
            if c.pos_ == "PRON":
                if c.lower_ not in ("its", "their"):
                    return None
                for j in range(noun.i - 1, start - 1, -1):
                    a = self.token_actor.get(j)
                    if a and self.actors[a].type == "organization":
                        return a
                return None
            return self._actor_of(c)
        return None

    # -- compound adjectives ---------------------------------------------------

    def _compounds(self, doc: Doc) -> list[RawClaim]:
        """ "the Iran-backed Houthi militia", "the Saudi-led coalition", "the Houthi-run ministry":
        the name before the hyphen (an actor, or a demonym for its country) does to the phrase
        after what the participle says, by the verbs of ``relations.yaml``."""
        out: list[RawClaim] = []
        participles = _participles()
        # only the word after a hyphen: a walk over every token's attributes cost more than the rule
        for h in indices_with(doc, ("-", "\u2010", "\u2011")):
            if h < 1 or h + 1 >= len(doc):
                continue
            t = doc[h + 1]
            if t.pos_ != "VERB":
                continue
            rel = participles.get(t.lemma_) if t.tag_ == "VBN" or t.lower_.endswith(("ed", "led", "run", "held")) else None
            if rel is None:
                continue
            subj = self._named_or_state(doc[t.i - 2])
            target = t.head if t.dep_ in ("amod", "compound") and t.head.i != t.i else None
            obj = self._phrase_actor(target) if target is not None else None
            if subj is None or obj is None or subj == obj:
                continue
            if rel == "controls" and self.actors[obj].type not in ("organization", "place"):
                continue
            s, e = _sentence(doc, t.i)
            out.append(RawClaim(t.i, subj, rel, obj, False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _named_in(self, doc: Doc) -> list[RawClaim]:
        """ "the UN Interim Force in Lebanon", "the Assistance Mission in Oren": a mission whose name
        says where it serves is present there, when the text names that place; cited to the
        sentence that first names the mission (``relations.yaml`` present_in: named_in_nouns)."""
        nouns = set(relation_types()["present_in"].get("named_in_nouns") or [])
        places = {name_key(n): a.id for a in self.actors.values() if a.type == "place" for n in (a.name, *a.aliases)}
        out: list[RawClaim] = []
        for actor in self.actors.values():
            if actor.type != "organization" or " in " not in actor.name:
                continue
            body, _, where = actor.name.rpartition(" in ")
            if not body or body.split()[-1].lower() not in nouns:
                continue
            place = places.get(name_key(where))
            if place is None:
                continue
            first = min((i for i, a in self.token_actor.items() if a == actor.id), default=None)
            if first is None:
                continue
            s, e = _sentence(doc, first)
            out.append(RawClaim(first, actor.id, "present_in", place, False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _named_or_state(self, tok: Token) -> str | None:
        """An actor named by the token, or the country of a demonym ("Saudi", "Armenian")."""
        actor_id = self.token_actor.get(tok.i)
        if actor_id is not None:
            actor = self.actors.get(actor_id)
            if actor is not None and actor.type in ("organization", "person") or (actor is not None and actor.kind == "country"):
                return actor_id
            return None
        from claimgraph.nlp.places import load_places

        country = load_places().country_of(tok.text)
        if country is None:
            return None
        actor_id = Actor.id_for(country, "place")
        self.actors.setdefault(actor_id, Actor(actor_id, country, "place", "country"))
        return actor_id

    def _located(self, doc: Doc) -> list[RawClaim]:
        """ "the group is active in Chad", "ISIS operates in Iraq", "Wagner fighters based in
        Libya": present_in, the subject an organisation, the object a place."""
        words = set(relation_types()["present_in"].get("located") or [])
        members = set(relation_types()["present_in"].get("members") or [])
        sent_to = set(relation_types()["present_in"].get("located_to") or [])
        out: list[RawClaim] = []
        # the candidate words by index (a walk over every token's attributes cost more than the rule)
        for i in sorted(set(indices_with(doc, members | words)) | set(indices_with(doc, words, "lemma"))):
            t = doc[i]
            if t.lower_ in members and t.pos_ in ("NOUN", "PROPN"):
                out.extend(self._members_in(doc, t))
                continue
            if t.lower_ not in words and t.lemma_ not in words:
                continue
            # "is active in Mali": the phrase may hang on the copula
            holders = [t, t.head] if t.dep_ == "acomp" else [t]
            # "was deployed to Somalia": where one is sent to, one is
            preps = ["in", "across", "inside"] + (["to"] if t.lemma_ in sent_to or t.lower_ in sent_to else [])
            places = [p for h in holders for p in self._prep_objects(h, preps)
                      if (pid := self._phrase_actor(p)) is not None and self.actors[pid].type == "place"]
            if not places:
                continue
            subj_phrase: Token | None
            if t.dep_ in ("amod", "acl") and t.head.i != t.i:
                subj_phrase = t.head
                who = self._phrase_actor(t.head)  # "Wagner fighters based in Libya"
            else:
                verb = t.head if t.dep_ in ("acomp", "advmod", "attr") else t
                subj_phrase = self._clause_subject(verb)  # "the mission, which is deployed in Haiti"
                who = self._phrase_actor(subj_phrase) if subj_phrase is not None else None
            if who is None and subj_phrase is not None:
                who = self._members_state(subj_phrase, members, forces_only=True)  # "Kenyan police officers stationed in Haiti"
            if who is None or not (self.actors[who].type in ("organization", CLASS_TYPE) or self.actors[who].kind == "country"):
                continue
            if self._asserts_nothing(t):
                continue
            s, e = _sentence(doc, t.i)
            for p in places:
                for q in [p, *p.conjuncts]:
                    where = self._phrase_actor(q)
                    if where is not None and self.actors[where].type == "place":
                        out.append(RawClaim(t.i, who, "present_in", where, self._negated(doc, t, frozenset()),
                                            doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _members_state(self, phrase: Token, members: set[str] | frozenset[str], forces_only: bool = False) -> str | None:
        """The state whose armed people a phrase names by a demonym: "Kenyan police officers",
        "hundreds of Indian troops"; nothing for other nouns ("Kenyan voters")."""
        noun = phrase
        if noun.lower_ not in members:
            noun = next((p for p in self._prep_objects(phrase, ["of"]) if p.lower_ in members), phrase)
        if noun.lower_ not in members or (forces_only and noun.lower_ not in _state_members()):
            return None  # where they are: "Syrian fighters" are no state's
        for c in noun.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.i not in self.token_actor:
                found = self._named_or_state(c)
                if found is not None and self.actors[found].kind == "country":
                    return found
        # "troops from Rwanda": the state they come from (where they are)
        for p in self._prep_objects(noun, ["from"]) if forces_only else []:
            found = self.token_actor.get(p.i)
            if found is not None and self.actors[found].kind == "country":
                return found
        return None

    def _members_in(self, doc: Doc, noun: Token) -> list[RawClaim]:
        """ "ISIS militants in eastern Iraq", "Rwandan police officers stationed in Somalia":
        present_in, the group whose fighters they are (named by the noun's modifiers, or the
        state of a demonym) and the place after "in" on the noun or on a located word after it."""
        who = self._head_actor(noun) or self._members_state(noun, {noun.lower_}, forces_only=True)
        holder = noun.head if noun.dep_ == "dobj" and noun.head.lemma_ in _HOLDING_VERBS else None
        if holder is not None and self._prep_objects(noun, ["of"]):
            holder = None  # "has 900 members of Congress": someone else's members
        if who is None and holder is not None:
            # "the group still commands 5,000 members across its former stronghold in Syria"
            who = self._party(subj, subject=True) if (subj := self._subject(holder)) is not None else None
            if self._negated(doc, holder, frozenset()):
                return []
        if who is None or not (self.actors[who].type == "organization" or self.actors[who].kind == "country"):
            return []
        if any(c.lower_ in ("no", "any") for c in noun.children) or self._asserts_nothing(noun):
            return []  # "no ISIS fighters in Syria" is said by "there are no ..."
        places = self._prep_objects(noun, ["in", "inside", "across"])
        if holder is not None:
            places += self._prep_objects(holder, ["in", "inside", "across"])
            # "has 400 police officers stationed in Haiti"
            located = set(relation_types()["present_in"].get("located") or [])
            places += [p for c in noun.children if c.dep_ == "acl" and c.lower_ in located
                       for p in self._prep_objects(c, ["in", "inside", "across"])]
        out: list[RawClaim] = []
        s, e = _sentence(doc, noun.i)
        for p in places:
            for q in (p, *p.conjuncts):
                where = self._phrase_actor(q)
                if where is None:
                    # "across its old stronghold in Iraq and Libya": the place of the place
                    inner = [r for x in self._prep_objects(q, ["in"]) for r in (x, *x.conjuncts)]
                    wheres = [w for r in inner if (w := self._phrase_actor(r)) is not None]
                else:
                    wheres = [where]
                for where in wheres:
                    if where != who and self.actors[where].type == "place":
                        out.append(RawClaim(noun.i, who, "present_in", where, False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _parts(self, doc: Doc) -> list[RawClaim]:
        """ "the army's media wing Zamora Public Relations", "Egypt's secret service
        MIT", "Hamas's armed wing, the Qassam Brigades": member_of, read on the words (the parser
        splits these phrases every which way): an owner's possessive, a few modifiers, a part
        noun, and an organisation named right after it."""
        nouns = set(relation_types()["member_of"].get("part_nouns") or [])
        name_nouns = set(relation_types()["member_of"].get("part_name_nouns") or [])
        out: list[RawClaim] = []
        starts = sorted({i for i, a in self.token_actor.items() if (i == 0 or self.token_actor.get(i - 1) != a)})
        for b_start in starts:
            part = self.token_actor[b_start]
            if self.actors[part].type != "organization":
                continue
            k = b_start - 1
            if k >= 1 and doc[k].lower_ in ("'s", "\u2019s") and doc[b_start].lower_ in name_nouns:
                # "the State Department's Bureau of Zamoran Affairs": the part's name says what it is
                owner = self.token_actor.get(k - 1)
                if owner is not None and owner != part and self.actors[owner].type == "organization":
                    s, e = _sentence(doc, b_start)
                    out.append(RawClaim(b_start, part, "member_of", owner, False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
                continue
            while k >= 0 and doc[k].lower_ in (",", "the"):
                k -= 1
            if k < 0 or doc[k].lower_ not in nouns:
                continue
            k -= 1
            steps = 0
            while k >= 0 and steps < 3 and doc[k].pos_ in ("ADJ", "NOUN") and doc[k].i not in self.token_actor:
                k -= 1
                steps += 1
            if k < 1 or doc[k].lower_ not in ("'s", "\u2019s"):
                continue
            owner = self.token_actor.get(k - 1)
            if owner is None or owner == part or not (self.actors[owner].type == "organization" or self.actors[owner].kind == "country"):
                continue
            s, e = _sentence(doc, b_start)
            out.append(RawClaim(b_start, part, "member_of", owner, False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _leaders_governments(self, doc: Doc) -> list[RawClaim]:
        """ "President Tomas Reyes's government", "Prime Minister Ana Ruiz's cabinet": a person with a head
        of state's or government's title (``roles.yaml`` state_leader_words) leads the government, when
        the text names exactly one government by that word ("the Zamoran government")."""
        nouns = set(relation_types()["leads"].get("government_nouns") or [])
        leader_words = frozenset(load_yaml("roles.yaml")["state_leader_words"])
        deputies = frozenset(load_yaml("roles.yaml")["deputy_words"])
        out: list[RawClaim] = []
        for i in indices_with(doc, nouns):
            t = doc[i]
            owner = next((c for c in t.children if c.dep_ == "poss" and c.i in self.token_actor), None)
            if owner is None or i in self.token_actor or t.pos_ != "NOUN":
                continue
            person = self.actors[self.token_actor[owner.i]]
            titles = {w for r in person.roles for w in r.title.lower().replace("-", " ").split()}
            if person.type != "person" or not (titles & leader_words) or titles & deputies or "former" in titles:
                continue
            governments = [a.id for a in self.actors.values() if a.type == "organization" and a.kind == "government"
                           and a.name.split()[-1].lower() == t.lower_]
            if len(governments) != 1:
                continue
            # "Bolivian President Luis Arce's government" is not the Peruvian government
            state = (doc.user_data.get("cg_institution_states") or {}).get(governments[0], (None,))[0]
            own = {r.organization for r in person.roles if r.organization}
            if own and (state is None or state not in own) and governments[0] not in own:
                continue
            if not own and (state is None or state != self.home_state):
                continue  # a president of no state named leads the story's own state's government only
            s, e = _sentence(doc, i)
            out.append(RawClaim(i, person.id, "leads", governments[0], False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _bodies_of(self, doc: Doc) -> list[RawClaim]:
        """ "the national negotiation committee (NNC) of the junta", "the Oren Bureau of the Interior
        Ministry": member_of, an organisation whose name ends in a body noun (``relations.yaml``
        member_of: body_of_nouns) and the organisation or state named right after its "of"."""
        nouns = set(relation_types()["member_of"].get("body_of_nouns") or [])
        out: list[RawClaim] = []
        for i in indices_with(doc, ["of"]):
            t = doc[i]
            body = t.head
            part = self.token_actor.get(body.i)
            if t.dep_ != "prep" or part is None or body.lower_ not in nouns or self.token_actor.get(i) == part:
                continue
            if self.actors[part].type != "organization":
                continue
            pobj = next((p for p in t.children if p.dep_ == "pobj"), None)
            owner = self.token_actor.get(pobj.i) if pobj is not None else None
            if pobj is None or owner is None or owner == part or not (self.actors[owner].type == "organization" or self.actors[owner].kind == "country"):
                continue
            if self.actors[owner].kind is None and not any(c.dep_ == "det" for c in pobj.children):
                continue  # "the Zamoran Bureau of Farm Economics" split in two: one name, unless the owner is a known kind of body
            s, e = _sentence(doc, i)
            out.append(RawClaim(i, part, "member_of", owner, False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _home_countries(self, doc: Doc) -> list[RawClaim]:
        """ "Zamora's Eastern Shield Brigades", "Nigeria's Boko Haram group": an armed group that a
        country's possessive names is present in it. A state's own institutions ("Sudan's army")
        are its members instead (the actors layer)."""
        out: list[RawClaim] = []
        # a name inside denied words is a description, not the denied proposition: "rejected
        # accusations by Zamora's rebel government that ..." denies no rebels in Zamora
        rejecting = set(relation_types()["rejects"].get("rejecting_verbs") or []) | {"dispute"}
        denied = [a.content for a in (doc._.cg_attributions or [])
                  if a.cue is not None and (a.cue.lemma_ or a.cue.lower_) in rejecting]
        for i in sorted(self.token_actor):
            t = doc[i]
            if t.dep_ != "poss":
                continue
            if any(c[0] <= t.idx < c[1] for c in denied):
                continue
            country = self.token_actor[t.i]
            if self.actors[country].kind != "country":
                continue
            head = t.head
            group = self.token_actor.get(head.i) or next(
                (self.token_actor[c.i] for c in head.children if c.dep_ == "compound" and c.i in self.token_actor), None)
            if group is None or group == country or self.actors[group].kind != "armed_group":
                continue
            s, e = _sentence(doc, t.i)
            out.append(RawClaim(t.i, group, "present_in", country, False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _including(self, doc: Doc) -> list[RawClaim]:
        """ "The mission, which also includes officers from Jamaica, the Bahamas and Belize",
        "the coalition comprises Saudi Arabia and the UAE": member_of, each state or organisation
        named (or whose officers, troops or fighters are named) of the organisation that includes them."""
        verbs = set(relation_types()["member_of"].get("including_verbs") or [])
        members = set(relation_types()["present_in"].get("members") or [])
        out: list[RawClaim] = []
        for i in indices_with(doc, verbs, "lemma"):
            t = doc[i]
            if t.pos_ != "VERB":
                continue
            subj = self._clause_subject(t)
            whole = self._phrase_actor(subj) if subj is not None else None
            if whole is None or self.actors[whole].type != "organization":
                continue
            if self._negated(doc, t, frozenset()) or self._asserts_nothing(t):
                continue
            named: list[Token] = []
            for o in (c for c in t.children if c.dep_ == "dobj"):
                heads = self._prep_objects(o, ["from"]) if o.lower_ in members else [o]
                for h in heads:
                    named.extend(self._coordinated(h))
            parts = [a for h in named if (a := self._phrase_actor(h)) is not None
                     and (self.actors[a].type == "organization" or self.actors[a].kind == "country")]
            s, e = _sentence(doc, t.i)
            for part in dict.fromkeys(parts):
                if part != whole:
                    out.append(RawClaim(t.i, part, "member_of", whole, False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _clause_subject(self, verb: Token) -> Token | None:
        """The verb's subject, the noun a relative pronoun stands for ("Hamas, which has ruled Gaza")."""
        subj = self._subject(verb)
        if subj is not None and subj.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
            return verb.head
        return subj

    def _coordinated(self, tok: Token) -> list[Token]:
        """A phrase and those coordinated or set beside it ("Jamaica, the Bahamas, Belize and El Salvador")."""
        out = [tok]
        for c in tok.children:
            if c.dep_ in ("conj", "appos"):
                out.extend(self._coordinated(c))
        return out

    def _denials(self, doc: Doc) -> list[RawClaim]:
        """ "Egypt denies as fake news accusations from the rebels", "the army rejected accusations by
        the Taliban government that it ...": the denier rejects the accuser, and an accusation
        (not a mere claim) is the accuser's accusing the denier. A denial that is itself denied
        or unasserted ("did not deny", "may reject") says neither."""
        spec = relation_types()["rejects"]
        verbs = set(spec.get("rejecting_verbs") or [])
        proposals = set(spec.get("rejected_proposals") or [])
        nouns = set(spec.get("rejected_nouns") or []) | proposals
        accusing = set(spec.get("accusation_nouns") or [])
        named = set(self.token_actor.values())
        out: list[RawClaim] = []
        for i in indices_with(doc, verbs, "lemma"):
            t = doc[i]
            if t.pos_ != "VERB":
                continue
            # the noun is the object, or hangs on a preposition ("denies as fake news accusations")
            heads = [c for c in t.children if c.dep_ == "dobj"] + [p for c in t.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
            said = [n for n in heads if n.lower_ in nouns]
            # a dateline may parse as a second subject ("Aldera: the Zamoran army rejected ..."): the
            # one that acts comes first, the dateline's city last
            subjects = [c for c in t.children if c.dep_ == "nsubj"] or [x for x in (self._subject(t),) if x is not None]
            subjects.sort(key=lambda c: c.i in self.token_actor and self.actors[self.token_actor[c.i]].type == "place")
            denier = next((a for c in subjects if (a := self._speaking_party(c)) is not None), None)
            if not said or denier is None or self._negated(doc, t, frozenset()) or self._asserts_nothing(t):
                continue
            s, e = _sentence(doc, t.i)
            span = (doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))
            for n in said:
                # "accusations by Egypt", and "Egypt's accusations", "the French allegations"
                owners = [c for c in n.children if c.dep_ in ("poss", "compound", "nmod", "amod")]
                for by in self._prep_objects(n, ["by", "from", "of"]) + owners:
                    if by.dep_ == "amod":
                        accuser = self._named_or_state(by)  # "the Israeli allegations"
                        if n.lower_ in proposals and accuser not in named:
                            continue  # "the Zamoran proposal", Zamora unnamed: no party named
                    else:
                        # "Zamora's rebel government": the group that the government is, before its country
                        accuser = next((self.token_actor[c.i] for c in by.children if c.dep_ == "compound" and c.i in self.token_actor
                                        and self.actors[self.token_actor[c.i]].type == "organization"), None) or self._party(by, subject=True)
                    if accuser is None or accuser == denier:
                        continue
                    out.append(RawClaim(t.i, denier, "rejects", accuser, False, *span))
                    # "rejected Oren's accusations against the Front": another is accused, not the denier
                    against = [a for g in self._prep_objects(n, ["against"]) if (a := self._party(g, subject=False)) is not None]
                    if n.lower_ in accusing and (not against or denier in against):
                        out.append(RawClaim(t.i, accuser, "accuses", denier, False, *span))
        return out

    def _joint_parties(self, subj: Token | None) -> list[str]:
        """The parties a coordinated subject names, each once: "Zamora and Oren", "Zamoran and
        Orenian forces" (the states of the demonyms, when the text names those states), and
        "they" in "Zamora and Oren said they had ...": the subject of the clause that reports
        this one. Organisations, people and countries only."""
        if subj is None:
            return []
        if subj.lower_ in ("they", "we") and subj.dep_ == "nsubj" and subj.head.dep_ == "ccomp":
            reporter = subj.head.head
            subj = next((c for c in reporter.children if c.dep_ == "nsubj"), None)
            if subj is None or subj.lower_ in ("they", "we"):
                return []
        found: list[str] = []
        named = set(self.token_actor.values())
        demonyms = [d for c in subj.children if c.dep_ == "amod" for d in (c, *c.conjuncts)]
        if len(demonyms) >= 2:
            # "Zamoran and Orenian forces": two states' forces, one phrase
            for d in demonyms:
                country = load_places().country_of(d.text)
                state = Actor.id_for(country, "place") if country else None
                if state is None or state not in named:
                    return []
                found.append(state)
            return list(dict.fromkeys(found))
        for t in (subj, *subj.conjuncts):
            a = self._party(t, subject=True)
            if a is not None:
                found.append(a)
        return list(dict.fromkeys(found))

    def _support_from(self, doc: Doc) -> list[RawClaim]:
        """ "The rebels receive support from Iran", "the army, with the backing of Russia, retook the
        town": the giver supports the one who receives it (``relations.yaml`` supports: nouns,
        receiving_verbs); not what is only sought ("asked for support from Iran")."""
        spec = relation_types()["supports"]
        receiving = set(spec.get("receiving_verbs") or [])
        turning = set(spec.get("turning_verbs") or [])
        out: list[RawClaim] = []
        for i in indices_with(doc, spec.get("nouns") or []):
            noun = doc[i]
            if noun.pos_ != "NOUN":
                continue
            givers = self._prep_objects(noun, ["from"])
            if not givers and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
                givers = self._prep_objects(noun, ["of"])  # "with the support of Iran"
            if noun.dep_ == "dobj" and noun.head.lemma_ in receiving:
                verb = noun.head
                givers += self._prep_objects(verb, ["from"])  # "receive support from Iran"
                subj = self._clause_subject(verb)
            elif noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.pos_ == "VERB":
                verb = noun.head.head
                # the verb's own subject ("policy of adopting sanctions with the backing of X" names none)
                subj = self._clause_subject(verb) if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) else None
            elif noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.lemma_ in turning:
                verb = noun.head.head  # "turned to Russia for military support"
                givers = self._prep_objects(verb, ["to"])
                subj = self._clause_subject(verb)
            elif noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.i in self.token_actor:
                subj = noun.head.head  # "the army, with the backing of Russia, retook ..." (a name, not "sanctions with ...")
                verb = self._governor(subj)
            else:
                continue
            receiver = self._party(subj, subject=True) if subj is not None else None
            if receiver is None or self._asserts_nothing(verb):
                continue
            s, e = _sentence(doc, i)
            negated = self._negated(doc, verb, frozenset())
            for g in self._with_conjuncts(givers):
                giver = self._party(g, subject=True)
                if giver is not None and giver != receiver:
                    out.append(RawClaim(i, giver, "supports", receiver, negated, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _premises(self, doc: Doc) -> list[RawClaim]:
        """ "the mission's headquarters in Oren", "the bases of the Eastern Shield Brigades in Dara":
        whose premises are in a place is there (``relations.yaml`` present_in: premises); the
        owner an organisation or a country, the place named after "in"."""
        out: list[RawClaim] = []
        spec = relation_types()["present_in"]
        # "the Islamic State's affiliate in Oren": an office or a branch is premises too
        for i in indices_with(doc, set(spec.get("premises") or []) | set(spec.get("local_nouns") or [])):
            noun = doc[i]
            if noun.pos_ not in ("NOUN", "PROPN") or i in self.token_actor:
                continue
            if any(c.dep_ == "amod" and c.lower_ in _past_words() for c in noun.children):
                continue  # "its former base in Oren": no presence now
            of = self._prep_objects(noun, ["of"])
            owners = [c for c in noun.children if c.dep_ == "poss"] + of
            who = next((a for o in owners if (a := self._phrase_actor(o)) is not None and self._agent(a)
                        and self.actors[a].type != "person"), None)
            if who is None or self._asserts_nothing(noun):
                continue
            s, e = _sentence(doc, i)
            # "the headquarters of X in Oren": the place may hang on the owner
            wheres = self._prep_objects(noun, ["in", "inside"]) + [p for o in of for p in self._prep_objects(o, ["in", "inside"])]
            for p in self._with_conjuncts(wheres):
                where = self._phrase_actor(p)
                if where is not None and where != who and self.actors[where].type == "place":
                    out.append(RawClaim(i, who, "present_in", where, self._negated(doc, noun, frozenset()),
                                        doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _attacks_by(self, doc: Doc) -> list[RawClaim]:
        """ "the attack by X on Y", "Y repulsed an attack by X", "Y came under attack from X": X
        attacks Y (``relations.yaml`` attacks: nouns, suffering_verbs). "From" names the attacker
        only when it is an organisation or a person: "an attack from Lebanon" says where from."""
        spec = relation_types()["attacks"]
        suffering = set(spec.get("suffering_verbs") or [])
        victims = set(spec.get("victim_verbs") or [])
        rejecting = set(relation_types()["rejects"].get("rejecting_verbs") or [])
        members = set(relation_types()["present_in"].get("members") or [])
        answered_only = set(spec.get("answered_nouns") or [])
        out: list[RawClaim] = []
        for i in indices_with(doc, set(spec.get("nouns") or []) | answered_only):
            noun = doc[i]
            if noun.pos_ != "NOUN" or i in self.token_actor:
                continue
            answerer = self._answerer(noun)
            by = self._prep_objects(noun, ["by"])
            # "airstrikes by the air force on X", the parser hanging "on X" on the agent
            on = self._prep_objects(noun, ["on", "against"]) or [q for p in by for q in self._prep_objects(p, ["on", "against"])
                                                                 if self._party(q, subject=False, rel="attacks") is not None]
            if noun.lower_ in answered_only and answerer is None and not on:
                continue  # "the firing of the minister"
            attackers = [a for p in self._with_conjuncts(by) if (a := self._party(p, subject=True)) is not None]
            attackers += [a for p in self._with_conjuncts(self._prep_objects(noun, ["from"]))
                          if (a := self._party(p, subject=True)) is not None and self.actors[a].type != "place"]
            # "Zamoran airstrikes on Oren", "the Hamas attack on Israel": a demonym's state (when the text
            # names it) or a name before the noun; not under a denial ("denied Zamoran strikes on Oren")
            denied = noun.dep_ == "dobj" and noun.head.lemma_ in rejecting
            if not attackers and not denied:
                named = set(self.token_actor.values())
                attackers = []
                for c in noun.children:
                    if c.dep_ not in ("compound", "amod", "nmod") or c.i > noun.i:
                        continue
                    if c.i in self.token_actor:
                        a = self._party(c, subject=True)
                    else:
                        country = load_places().country_of(c.text) if c.dep_ == "amod" else None
                        a = Actor.id_for(country, "place") if country else None
                        a = a if a in named else None
                    if a is not None and self._agent(a):
                        attackers.append(a)
                attackers = attackers if on or answerer is not None else []
            during = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during") else None
            if not attackers and during is not None and during.pos_ == "VERB" and not any(c.dep_ == "auxpass" for c in during.children):
                # "X killed five soldiers during a raid on Y": who did it made the raid
                doer = self._party(subj, subject=True) if (subj := self._clause_subject(during)) is not None else None
                attackers = [doer] if doer is not None and on else []
            if not attackers:
                continue
            # "an attack by the army and Wagner" parsed with Wagner joined to the attack
            attackers += [a for c in noun.conjuncts if c.i > noun.i and c.pos_ == "PROPN" and (a := self._party(c, subject=True)) is not None]
            targets = [a for p in self._with_conjuncts(on) if (a := self._party(p, subject=False, rel="attacks")) is not None]
            if not targets and answerer is not None:
                # "Zamoran troops responded to Orenian shelling": the one who answers was attacked
                subj = self._clause_subject(answerer)
                target = (self._party(subj, subject=True) or self._members_state(subj, members)) if subj is not None else None
                targets = [target] if target is not None else []
            verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "under" else noun.head
            if not targets and verb.pos_ in ("VERB", "AUX") and verb.lemma_ in suffering and (
                    noun.dep_ == "dobj" or (noun.dep_ == "pobj" and noun.head.lower_ == "under")):
                if verb.lemma_ in ("come", "be") and not (noun.dep_ == "pobj" and noun.head.lower_ == "under"):
                    continue  # "was an attack by X", "came an attack": only "came under attack"
                subj = self._clause_subject(verb)
                target = self._party(subj, subject=True) if subj is not None else None  # who suffered it, as a party
                targets = [target] if target is not None else []
            if not targets and noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during") and noun.head.head.lemma_ in victims:
                # "four Zamoran soldiers were killed in an attack by X"
                hurt = noun.head.head
                if hurt.dep_ == "acl" and hurt.head.dep_ == "conj" and hurt.head.head.lemma_ in victims:
                    hurt = hurt.head.head  # "four soldiers were killed and nine others injured in an attack by X"
                subj = self._clause_subject(hurt)
                target = None
                if subj is not None:
                    target = self._party(subj, subject=True) or self._members_state(subj, members)
                targets = [target] if target is not None else []
            if not targets or self._asserts_nothing(noun):
                continue
            # "did not repel the attack by X": the attack still was; only "no attack by X" denies it
            negated = any(c.dep_ == "neg" or c.lower_ in ("no", "never") for c in noun.children)
            s, e = _sentence(doc, i)
            for a in dict.fromkeys(attackers):
                for b in dict.fromkeys(targets):
                    if a != b:
                        out.append(RawClaim(i, a, "attacks", b, negated, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _answerer(self, noun: Token) -> Token | None:
        """The verb whose subject answers the attack a noun names: "Zamoran troops responded to Orenian
        shelling", "retaliated for an attack by X", "struck Dara in response to its raid"
        (``relations.yaml`` attacks: response_verbs, response_nouns); not a verb that is negated."""
        spec = relation_types()["attacks"]
        if noun.dep_ != "pobj" or noun.head.lower_ not in ("to", "for"):
            return None
        head = noun.head.head
        if head.pos_ == "NOUN" and head.lower_ in (spec.get("response_nouns") or []) and head.dep_ == "pobj" and head.head.lower_ == "in":
            head = head.head.head  # "in response to", "in retaliation for"
        elif head.pos_ != "VERB" or head.lemma_ not in (spec.get("response_verbs") or []):
            return None
        if head.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("neg", "auxpass") for c in head.children):
            return None
        return head

    def _warring(self, doc: Doc) -> list[RawClaim]:
        """“The warring parties agreed to extend the truce”, “both warring sides”: the two parties the
        noun stands for (``_rivals``: the last two named) fight each other (``relations.yaml`` fights:
        warring_words); a noun with no article ("an appeal for warring parties to disarm") stands for none."""
        out: list[RawClaim] = []
        for i in indices_with(doc, relation_types()["fights"].get("warring_words") or []):
            t = doc[i]
            if t.dep_ != "amod" or t.head.i == t.i:
                continue
            pair = self._rivals(doc, t.head)
            if pair is None or pair[0] == pair[1]:
                continue
            # not those who speak of them ("the UN mediator in Zamora asked the warring sides"), nor a
            # body that is no side (a mediator, a news agency)
            speakers = {self.token_actor.get(k.i) for anc in t.head.ancestors for c in anc.children
                        if c.dep_ in ("nsubj", "nsubjpass") and c.i != t.head.i for k in c.subtree}
            if any(p in speakers or self.actors[p].kind not in (None, "country", "armed_group", "military", "government") for p in pair):
                continue
            a, b = sorted(pair)
            s, e = _sentence(doc, i)
            out.append(RawClaim(i, a, "fights", b, False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _fired_at(self, doc: Doc) -> list[RawClaim]:
        """ "The Eastern Shield Brigades fired shells at Oren", "Zamoran drones launched rockets into Oren", "opened fire on
        the convoy": the one who fires attacks the one fired at (``relations.yaml`` attacks: firing_verbs,
        weapons, firing_preps); the firer named, or the state of a demonym's armed people or means."""
        spec = relation_types()["attacks"]
        weapons = set(spec.get("weapons") or [])
        preps = list(spec.get("firing_preps") or [])
        means = _members() | frozenset(spec.get("armed_means") or [])
        out: list[RawClaim] = []
        for i in indices_with(doc, list(spec.get("firing_verbs") or []) + ["open"], "lemma"):
            v = doc[i]
            if v.pos_ != "VERB" or any(c.dep_ == "auxpass" for c in v.children):
                continue
            fired = [c for c in v.children if c.dep_ == "dobj" and c.lower_ in weapons]
            if not fired or (v.lemma_ == "open") != (fired[0].lower_ == "fire"):
                continue  # "opened fire", "fired rockets"; not "opened rockets" nor "launched fire"
            subj = self._clause_subject(v)
            who = (self._party(subj, subject=True) or self._members_state(subj, means)) if subj is not None else None
            if who is None or self._negated(doc, v, frozenset()) or self._asserts_nothing(v):
                continue
            wheres = self._prep_objects(v, preps) + [p for f in fired for p in self._prep_objects(f, preps)]
            s, e = _sentence(doc, i)
            for p in self._with_conjuncts(wheres):
                target = self._party(p, subject=False, rel="attacks") or self._members_state(p, means)
                if target is not None and target != who:
                    out.append(RawClaim(i, who, "attacks", target, False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _claimed_attacks(self, doc: Doc) -> list[RawClaim]:
        """ "The Front claimed responsibility for the raid on the post in Varka", "... for the bombing,
        which killed ten Kenyan soldiers": who claims an attack made it (``relations.yaml`` attacks:
        claiming_verbs, claimed_nouns); the target is the attack's, or those its clause killed."""
        spec = relation_types()["attacks"]
        claimed = set(spec.get("claimed_nouns") or [])
        victims = set(spec.get("victim_verbs") or [])
        out: list[RawClaim] = []
        for i in indices_with(doc, spec.get("claiming_verbs") or [], "lemma"):
            v = doc[i]
            if v.pos_ != "VERB" or not any(c.dep_ == "dobj" and c.lower_ in claimed for c in v.children):
                continue
            subj = self._clause_subject(v)
            who = self._party(subj, subject=True) if subj is not None else None
            if who is None or self._negated(doc, v, frozenset()) or self._asserts_nothing(v):
                continue
            nouns = [n for o in v.children if o.dep_ == "dobj" for n in self._prep_objects(o, ["for"])] + self._prep_objects(v, ["for"])
            s, e = _sentence(doc, i)
            for noun in nouns:
                if noun.lower_ not in _attack_nouns():
                    continue
                targets = [a for p in self._with_conjuncts(self._prep_objects(noun, ["on", "against"]))
                           if (a := self._party(p, subject=False, rel="attacks")) is not None]
                for rc in (c for c in noun.children if c.dep_ == "relcl" and c.lemma_ in victims):
                    targets += [a for o in rc.children if o.dep_ == "dobj"
                                if (a := self._party(o, subject=False, rel="attacks") or self._members_state(o, _members())) is not None]
                for target in dict.fromkeys(targets):
                    if target != who:
                        out.append(RawClaim(i, who, "attacks", target, False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _held_captive(self, doc: Doc) -> list[RawClaim]:
        """ "Maria Lopez, who was held hostage by Hamas", "the rebels kept him captive for a year": the
        holder detains the one held (``relations.yaml`` detains: holding_verbs, held_words)."""
        spec = relation_types()["detains"]
        held_words = set(spec.get("held_words") or [])
        out: list[RawClaim] = []
        for i in indices_with(doc, spec.get("holding_verbs") or [], "lemma"):
            v = doc[i]
            if v.pos_ != "VERB" or not any(c.lower_ in held_words and c.dep_ in ("oprd", "advmod", "xcomp", "attr", "acomp", "npadvmod")
                                           for c in v.children):
                continue
            if any(c.dep_ == "auxpass" for c in v.children):
                # "held hostage by X": the agent may hang on the word
                holders = [p for c in v.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
                holders += [p for c in v.children if c.lower_ in held_words for p in self._prep_objects(c, ["by"])]
                held = [self._antecedent(c) for c in v.children if c.dep_ == "nsubjpass"]
            else:
                subj = self._clause_subject(v)
                holders = [subj] if subj is not None else []
                held = [c for c in v.children if c.dep_ == "dobj"]
            if self._negated(doc, v, frozenset()) or self._asserts_nothing(v):
                continue
            s, e = _sentence(doc, i)
            for h in holders:
                who = self._party(h, subject=True)
                for x in held:
                    whom = self._party(x, subject=False, rel="detains")
                    if who is not None and whom is not None and who != whom:
                        out.append(RawClaim(i, who, "detains", whom, False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _handed_over(self, doc: Doc) -> list[RawClaim]:
        """ "Hamas handed Maria Lopez over to the Red Cross", "the rebels turned over two captives, Carlos
        Ruiz and ...": the one who hands a person over frees them (``relations.yaml`` releases:
        handing_verbs, with "over"); an armed group's captives only (a state handing someone over to
        another extradites them), not what is no person ("handed over the town")."""
        out: list[RawClaim] = []
        for i in indices_with(doc, relation_types()["releases"].get("handing_verbs") or [], "lemma"):
            v = doc[i]
            if v.pos_ != "VERB" or not any(c.dep_ == "prt" and c.lower_ == "over" for c in v.children):
                continue
            if any(c.dep_ == "auxpass" for c in v.children):
                givers = [p for c in v.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
                given = [self._antecedent(c) for c in v.children if c.dep_ == "nsubjpass"]
            else:
                subj = self._clause_subject(v)
                givers = [subj] if subj is not None else []
                given = [c for c in v.children if c.dep_ == "dobj"]
            if self._negated(doc, v, frozenset()) or self._asserts_nothing(v):
                continue
            s, e = _sentence(doc, i)
            for g in givers:
                who = self._party(g, subject=True)
                if who is None or self.actors[who].kind != "armed_group":
                    continue
                for x in self._with_conjuncts(given):
                    whom = self._actor_of(x) if x.i in self.token_actor else self._named_beside(x, "releases")
                    if who is not None and whom is not None and whom != who and self.actors[whom].type == "person":
                        out.append(RawClaim(i, who, "releases", whom, False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _attack_places(self, doc: Doc) -> list[RawClaim]:
        """ "The attack took place at a base in Oren", "the raid occurred in Dara": whoever made the attack
        attacks the place (a town or a region, or the one a site is in; not a country: an attack in
        Peru is no attack on Peru). The attacker is the noun's own ("the attack by X"), else, for "the
        attack", the one who made the last attack told with an attacker, at most two sentences before
        (``relations.yaml`` attacks: occurring_verbs)."""
        out: list[RawClaim] = []
        for i in indices_with(doc, relation_types()["attacks"].get("occurring_verbs") or [], "lemma"):
            v = doc[i]
            if v.pos_ != "VERB" or (v.lemma_ == "take" and not any(c.dep_ == "dobj" and c.lower_ == "place" for c in v.children)):
                continue
            noun = next((c for c in v.children if c.dep_ == "nsubj"), None)
            if noun is None or noun.pos_ != "NOUN" or noun.lower_ not in _attack_nouns():
                continue
            if self._negated(doc, v, frozenset()) or self._asserts_nothing(v):
                continue
            s, e = _sentence(doc, i)
            who = self._attacker(doc, noun, s)
            if who is None and any(c.lower_ in ("the", "this", "that") for c in noun.children):
                who = self._attacker_before(doc, noun.i, 2)
            if who is None:
                continue
            wheres = [p for c in (v, *(c for c in v.children if c.dep_ == "npadvmod")) for p in self._prep_objects(c, ["in", "at", "near"])]
            for p in self._with_conjuncts(wheres):
                place = self._party(p, subject=False, rel="attacks")
                if place is not None and place != who and self.actors[place].type == "place" and self.actors[place].kind != "country":
                    out.append(RawClaim(i, who, "attacks", place, False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _attacker_before(self, doc: Doc, end: int, sentences: int) -> str | None:
        """Who made the last attack told before token ``end`` with its attacker, in its sentence or the
        ``sentences`` before: "X attacked ...", "the attack by X", "X launched a raid on ..."."""
        start = sentence_of(doc, end)[0]
        for _ in range(sentences):
            if start == 0:
                break
            start = sentence_of(doc, start - 1)[0]
        for k in range(end - 1, start - 1, -1):
            t = doc[k]
            if t.lower_ not in _attack_nouns() and t.lemma_ not in _attack_verbs():
                continue
            who = self._attacker(doc, t, sentence_of(doc, k)[0])
            if who is None and t.pos_ == "NOUN" and t.dep_ == "dobj" and t.head.lemma_ in _SUPPORT_VERBS:
                # "X launched a night raid on ...", "carried out an attack"
                subj = self._clause_subject(t.head)
                who = self._party(subj, subject=True) if subj is not None else None
            if who is not None:
                return who
        return None

    def _places_do_no_force(self, doc: Doc, claims: list[RawClaim]) -> list[RawClaim]:
        """ "Kunduz province, yesterday, an Afghan force killed ...": a town or a province the parser
        took for the subject attacks, fights, detains or frees nobody; a capital stands for its state.
        A place of no known kind may be a state ("Zamoran troops"), unless a province word follows it."""
        out: list[RawClaim] = []
        for c in claims:
            if c.predicate in _FORCE_RELATIONS and c.subject is not None and self.actors[c.subject].type == "place":
                c.subject = self._state_of_capital(c.subject)
                if c.subject == c.object or self._below_a_state(doc, c.subject):
                    continue
            out.append(c)
        return out

    def _below_a_state(self, doc: Doc, place: str) -> bool:
        """Whether a place is a town or a region: so known, or named with a province word after it."""
        actor = self.actors[place]
        if actor.kind == "country":
            return False
        if actor.kind is not None or load_places().kind(actor.name) in ("region", "city"):
            return True
        if actor.name.split()[-1].lower() in _REGION_WORDS:
            return True
        return any(a == place and i + 1 < len(doc) and self.token_actor.get(i + 1) != place and doc[i + 1].lower_ in _REGION_WORDS
                   for i, a in self.token_actor.items())

    def _ended_fighting(self, doc: Doc) -> list[RawClaim]:
        """ "The rivals agreed to halt the shelling", "Zamora and Oren pledged to end the hostilities":
        the two who end a fight had been fighting each other (``relations.yaml`` fights: ending_fight_verbs),
        whether or not they end it; "between A and B" is read by the noun itself."""
        spec = relation_types()["fights"]
        nouns = {n for n in spec.get("nouns") or [] if " " not in n}
        out: list[RawClaim] = []
        for i in indices_with(doc, spec.get("ending_fight_verbs") or [], "lemma"):
            v = doc[i]
            if v.pos_ != "VERB" or not any(c.dep_ == "dobj" and c.lower_ in nouns and not self._prep_objects(c, ["between", "with"])
                                           for c in v.children):
                continue
            top = v
            heads = set(spec.get("ending_fight_heads") or [])
            while top.dep_ == "xcomp" and top.head.i != top.i and top.head.lemma_ in heads:
                top = top.head  # "agreed to halt": the one who agrees
            subj = next((c for c in top.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None:
                continue
            parties = self._joint_parties(subj)
            if len(parties) < 2:
                pair = self._pair(doc, subj)
                parties = list(pair) if pair is not None else parties
            if len(parties) != 2 or parties[0] == parties[1]:
                continue
            a, b = sorted(parties)
            s, e = _sentence(doc, i)
            out.append(RawClaim(i, a, "fights", b, False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _attacked_states(self, doc: Doc, claims: list[RawClaim]) -> list[RawClaim]:
        """ "India attacked the Pakistani army", "Zamoran troops shelled Orenian forces": a state (or
        its army) attacking another state's army or police attacks that state, as a second claim on
        the same words. Not for a group's attack ("the rebels attacked the army" says nothing of a
        war on the state)."""
        states: dict[str, Any] = doc.user_data.get("cg_institution_states") or {}
        extra: list[RawClaim] = []
        for c in claims:
            if c.predicate != "attacks" or c.subject is None or c.object not in states:
                continue
            target = states[c.object][0]
            attacker = states[c.subject][0] if c.subject in states else c.subject
            if attacker == target or target not in self.actors or attacker not in self.actors or self.actors[attacker].kind != "country":
                continue
            extra.append(RawClaim(c.trigger, attacker, "attacks", target, c.negated, c.start, c.end, list(c.hedges), list(c.boosters)))
        return claims + extra

    def _made_up_of(self, doc: Doc) -> list[RawClaim]:
        """ "the group is made up of senior officers, including Maria Lopez", "the alliance consists
        of three militias: ...": member_of, each organisation, person or country named in the
        "of" phrase or by its "including" (``relations.yaml`` member_of: composed_verbs)."""
        verbs = set(relation_types()["member_of"].get("composed_verbs") or [])
        out: list[RawClaim] = []
        for i in indices_with(doc, verbs, "lemma"):
            t = doc[i]
            if t.pos_ != "VERB" or (t.lemma_ == "make" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in t.children)):
                continue
            subj = self._clause_subject(t)
            if subj is None:
                continue
            # "the group, known as the Eastern Shield Brigades, is made up of ..."
            known = [p for c in subj.children if c.dep_ == "acl" and c.lemma_ == "know" for p in self._prep_objects(c, ["as"])]
            whole = next((a for h in (subj, *known) if (a := self._phrase_actor(h)) is not None), None)
            if whole is None or self.actors[whole].type != "organization" or self._negated(doc, t, frozenset()) or self._asserts_nothing(t):
                continue
            named = [m for o in self._with_conjuncts(self._prep_objects(t, ["of"])) for m in (o, *self._with_conjuncts(self._prep_objects(o, ["including"])))]
            s, e = _sentence(doc, i)
            for m in named:
                part = self._phrase_actor(m)
                if part is not None and part != whole and self._agent(part):
                    out.append(RawClaim(i, part, "member_of", whole, False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _exchanges(self, doc: Doc) -> list[RawClaim]:
        """ "the two sides have exchanged prisoners", "Zamora swapped prisoners with Oren": a deal the
        two carried out, agrees_with (``relations.yaml`` agrees_with: exchange_verbs, exchanged)."""
        spec = relation_types()["agrees_with"]
        things = set(spec.get("exchanged") or [])
        out: list[RawClaim] = []
        for i in indices_with(doc, spec.get("exchange_verbs") or [], "lemma"):
            t = doc[i]
            if t.pos_ != "VERB" or not any(c.dep_ == "dobj" and c.lower_ in things for c in t.children):
                continue
            subj = self._clause_subject(t)
            if subj is None or self._asserts_nothing(t):
                continue
            parties = self._joint_parties(subj)
            withs = [a for p in self._prep_objects(t, ["with"]) if (a := self._party(p, subject=True)) is not None]
            if len(parties) == 1 and withs:
                parties.append(withs[0])
            if len(parties) < 2:
                pair = self._pair(doc, subj)
                parties = list(pair) if pair is not None else parties
            if len(parties) != 2 or parties[0] == parties[1]:
                continue
            a, b = sorted(parties)
            s, e = _sentence(doc, i)
            out.append(RawClaim(i, a, "agrees_with", b, self._negated(doc, t, frozenset()), doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _agent(self, actor_id: str) -> bool:
        """An organisation, a person or a country: one that can be a party."""
        actor = self.actors[actor_id]
        return actor.type in ("organization", "person") or (actor.type == "place" and actor.kind == "country")

    def _reciprocals(self, doc: Doc) -> list[RawClaim]:
        """ "Zamora and Oren accused each other of breaking the truce", "Zamoran and Orenian forces
        have fought one another": each party does it to the other (``relations.yaml``:
        reciprocal_verbs). The parties are the coordinated subject's, or "the two groups"."""
        verbs = _by_word("reciprocal_verbs")
        out: list[RawClaim] = []
        for i in indices_with(doc, ("other", "another")):
            if i == 0 or (doc[i - 1].lower_, doc[i].lower_) not in (("each", "other"), ("one", "another")):
                continue
            pair = (doc[i - 1], doc[i])
            # the phrase hangs on the verb as its object, or on a preposition ("clashed with each other")
            top = next((t for t in pair if t.head not in pair), None)
            if top is None:
                continue
            verb = top.head.head if top.dep_ == "pobj" else top.head
            if top.dep_ == "pobj" and top.head.lower_ not in ("with", "against", "on", "at"):
                continue  # "fought alongside each other" is no fight between them
            if top.dep_ not in ("dobj", "pobj") or verb.pos_ != "VERB" or verb.lemma_ not in verbs:
                continue
            subj = self._subject(verb)
            parties = self._joint_parties(subj)
            if len(parties) < 2 and subj is not None:
                two = self._pair(doc, subj)
                parties = list(two) if two is not None else parties
            if len(parties) != 2 or self._asserts_nothing(verb):
                continue
            s, e = _sentence(doc, verb.i)
            negated = self._negated(doc, verb, frozenset())
            a, b = parties
            for rel in verbs[verb.lemma_]:
                ways = [tuple(sorted((a, b)))] if relation_types()[rel].get("symmetric") else [(a, b), (b, a)]
                for x, y in ways:
                    out.append(RawClaim(verb.i, x, rel, y, negated, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _appositions(self, doc: Doc) -> list[RawClaim]:
        """What a phrase set beside a name says of it: "said Maria Lopez, of the Zamora Refugee
        Council" (works_for: a person "of" an organisation), "Carlos Ruiz, a close ally of
        Maria Lopez" (``relations.yaml``: appos_nouns, for people and organisations)."""
        by_noun = {n: names[0] for n, names in _by_word("appos_nouns").items()}
        out: list[RawClaim] = []
        for i in indices_with(doc, set(by_noun) | {"of"}):
            t = doc[i]
            if t.lower_ == "of":
                # "Maria Lopez, of the council": the preposition hangs on the name, after a comma
                owner, rel = t.head, "works_for"
                if t.dep_ != "prep" or i == 0 or doc[i - 1].lower_ != "," or owner.i not in self.token_actor:
                    continue
                if self.actors[self.token_actor[owner.i]].type != "person":
                    continue
            else:
                owner, rel = t.head, by_noun[t.lower_]
                if t.dep_ != "appos" or owner.i not in self.token_actor or owner.i > t.i:
                    continue
                if any(c.lower_ in ("former", "ex", "onetime", "erstwhile", "expelled") for c in t.children):
                    continue  # "a former ally of X" is one no longer
                if rel in _ROLE_RELATIONS and self.actors[self.token_actor[owner.i]].type != "person":
                    continue  # a role is a person's
                if rel == "leads" and any(c.lower_ in ("deputy", "vice", "assistant", "acting") for c in t.children):
                    rel = "works_for"  # "the deputy head of X": under the one who leads
            a = self.token_actor[owner.i]
            preps = ["of", "for"] if rel == "spokesperson_for" else ["of"]
            objs = [p for p in t.children if p.dep_ == "pobj"] if t.lower_ == "of" else self._prep_objects(t, preps)
            for o in objs:
                # "an associate of the Zamoran president Maria Lopez": the name set beside the title
                # the phrase itself names it: "chairman of Westpac's London unit" is not Westpac's
                named = [c for c in o.children if c.dep_ == "appos" and c.i in self.token_actor]
                b = self.token_actor[named[0].i] if named else self.token_actor.get(o.i)
                if b is None and not named:
                    # "of the UN refugee agency": a name compounded into the phrase (not a possessive's)
                    b = next((self.token_actor[c.i] for c in o.children if c.dep_ == "compound" and c.i in self.token_actor
                              and self.actors[self.token_actor[c.i]].type == "organization"), None)
                if b is None or b == a or not self._agent(a):
                    continue
                if t.lower_ == "of" and self.actors[b].type != "organization":
                    continue  # "Maria Lopez, of Lima": where she is from
                if not self._agent(b) or (rel in _ROLE_RELATIONS and self.actors[b].type == "person"):
                    continue
                s, e = _sentence(doc, i)
                x, y = sorted((a, b)) if relation_types()[rel].get("symmetric") else (a, b)
                out.append(RawClaim(i, x, rel, y, False, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _held(self, doc: Doc) -> list[RawClaim]:
        """ "The rebels have seized large parts of Oren province", "Both Dara and Oren are held by the
        Houthis", "took control of the port of X": controls, the holder an organisation, a person
        or a state, the object a place below a country (``relations.yaml`` controls: place_verbs).

        A country as object is left out: "holds Iran responsible", "seized Ukrainian ships" and
        state-to-state verbs say something else, and occupation of a state is for the event coder.
        """
        spec = relation_types()["controls"]
        verbs = set(spec.get("place_verbs") or [])
        control_nouns = set(spec.get("place_nouns") or [])
        out: list[RawClaim] = []
        for i in indices_with(doc, verbs, "lemma"):
            t = doc[i]
            if t.pos_ != "VERB":
                continue
            if any(c.dep_ == "auxpass" for c in t.children):
                holders = [q for c in t.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj" for q in (p, *p.conjuncts)]
                held = [q for c in t.children if c.dep_ == "nsubjpass" for q in (c, *c.conjuncts)]
            else:
                subj = self._clause_subject(t)
                holders = [subj, *subj.conjuncts] if subj is not None else []
                held = []
                for o in (c for c in t.children if c.dep_ == "dobj"):
                    if o.lower_ in control_nouns:  # nouns carry no lemma here
                        # "took control of X": the place is the noun's "of"
                        held.extend(q for p in self._prep_objects(o, ["of", "over"]) for q in (p, *p.conjuncts))
                    elif t.lemma_ != "take":  # "took hostages", "took part": only "took control of"
                        held.extend((o, *o.conjuncts))
            places = [p for q in held if (p := self._phrase_actor(q)) is not None
                      and self.actors[p].type == "place" and self.actors[p].kind != "country"]
            places += self._country_parts(held)
            parties = [a for h in holders if (a := self._named_party(h)) is not None]
            if not places or not parties or self._asserts_nothing(t) or self._modal(t):
                continue  # "may take control of X", "plans to seize X": not held yet
            s, e = _sentence(doc, t.i)
            negated = self._negated(doc, t, frozenset())
            for who in dict.fromkeys(parties):
                for where in dict.fromkeys(places):
                    out.append(RawClaim(t.i, who, "controls", where, negated, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        return out

    def _fallen(self, doc: Doc) -> list[RawClaim]:
        """ "Oren fell to the rebels", "the town of Dara fell to the Eastern Shield Brigades":
        controls, the one after "to" (an organisation, a person or a state) of the place the
        subject names (``relations.yaml`` controls: falling_verbs)."""
        out: list[RawClaim] = []
        for i in indices_with(doc, relation_types()["controls"].get("falling_verbs") or [], "lemma"):
            t = doc[i]
            if t.pos_ != "VERB" or self._asserts_nothing(t) or self._modal(t):
                continue
            held = [w for c in t.children if c.dep_ == "nsubj" for q in (c, *c.conjuncts) if (w := self._place_named(q)) is not None]
            holders = [a for p in self._with_conjuncts(self._prep_objects(t, ["to"])) if (a := self._named_party(p)) is not None]
            negated = self._negated(doc, t, frozenset())
            for who in dict.fromkeys(holders):
                out.extend(self._claim(doc, i, who, "controls", where, negated) for where in dict.fromkeys(held) if where != who)
        return out

    def _deployments(self, doc: Doc) -> list[RawClaim]:
        """ "Zamora's deployment of troops to Oren", "the deployment of Zamoran police to Oren",
        "Zamora announced the deployment of troops to Oren": deploys, the owner (a possessive, the
        armed people's group or state after "of", or the subject of a deploying verb) to the place
        after the preposition; "halted the deployment" is negated (``relations.yaml`` deploys:
        deployment_nouns, deploying_verbs, halting_deploy_verbs)."""
        spec = relation_types()["deploys"]
        members = set(relation_types()["present_in"].get("members") or [])
        deploying = set(spec.get("deploying_verbs") or [])
        halting = frozenset(spec.get("halting_deploy_verbs") or [])
        preps = list(spec.get("preps") or [])
        out: list[RawClaim] = []
        for i in indices_with(doc, spec.get("deployment_nouns") or []):
            noun = doc[i]
            if noun.pos_ != "NOUN" or i in self.token_actor:
                continue
            of = self._prep_objects(noun, ["of"])
            places = self._prep_objects(noun, preps) + [p for o in of for p in self._prep_objects(o, preps)]
            if noun.dep_ == "dobj" and noun.head.lemma_ in deploying | halting:
                places += self._prep_objects(noun.head, preps)  # "halted the deployment of police to Haiti"
            wheres = [w for p in self._with_conjuncts(places) if (w := self._place_named(p)) is not None]
            if not wheres:
                continue
            who = next((a for c in noun.children if c.dep_ == "poss" and (a := self._named_party(c)) is not None), None)
            if who is None:
                # "the deployment of Kenyan police", "of Wagner fighters": their state or group
                who = next((a for o in of if (a := self._phrase_actor(o) if o.lower_ not in members
                                                 else self._head_actor(o) or self._members_state(o, members, True)) is not None), None)
            if who is None and noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_ in deploying | halting and not self._modal(noun.head):
                subj = self._clause_subject(noun.head) if noun.dep_ == "dobj" else None
                who = self._named_party(subj) if subj is not None else None
            if not self._holder(who) or self._asserts_nothing(noun):
                continue
            gov = self._governor(noun)
            negated = self._negated(doc, noun, halting) or gov.lemma_ in halting or (gov.dep_ == "xcomp" and gov.head.lemma_ in halting)
            out.extend(self._claim(doc, i, who, "deploys", w, negated) for w in dict.fromkeys(wheres) if w != who)
        return out

    def _held_nouns(self, doc: Doc) -> list[RawClaim]:
        """ "Oren is under the control of X", "Oren remains under X control", "X's control of Oren",
        "X's capture of Oren", "the fall of Oren to X", "X regained control of Oren", "Zamora lost
        control of Oren to X" (Zamora's negated): controls, of a place below a country or a part of
        one (``relations.yaml`` controls: holding_nouns, under_nouns, control_verbs, losing_verbs)."""
        spec = relation_types()["controls"]
        under_nouns = set(spec.get("under_nouns") or [])
        control_verbs = set(spec.get("control_verbs") or [])
        losing = set(spec.get("losing_verbs") or [])
        ending = frozenset(load_yaml("relations.yaml").get("ending_verbs") or []) | losing
        out: list[RawClaim] = []

        def places(toks: list[Token]) -> list[str]:
            found = [w for q in self._with_conjuncts(toks) if (w := self._place_named(q)) is not None and self.actors[w].kind != "country"]
            return found + self._country_parts(self._with_conjuncts(toks))

        def owner(noun: Token, of: bool) -> list[str]:
            heads = [c for c in noun.children if c.dep_ in ("poss", "compound") and c.i in self.token_actor]
            heads += self._prep_objects(noun, ["of"]) if of else []
            return [a for a in self._parties(heads) if self.actors[a].type != "place" or self.actors[a].kind == "country"]

        for i in indices_with(doc, set(spec.get("holding_nouns") or []) | {"fall"}):
            noun = doc[i]
            if noun.pos_ != "NOUN" or i in self.token_actor or self._asserts_nothing(noun):
                continue
            if noun.lower_ == "fall":
                # "the fall of Oren to X"
                who, where = self._parties(self._prep_objects(noun, ["to"])), places(self._prep_objects(noun, ["of"]))
            elif noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.lower_ in under_nouns:
                # "Oren is under the control of X", "Oren remains under X control", "the town of Oren, under rebel rule"
                gov = noun.head.head
                subj = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")), None) if gov.pos_ in ("VERB", "AUX") else gov
                who, where = owner(noun, of=True), places([subj] if subj is not None else [])
                if gov.pos_ in ("VERB", "AUX") and self._modal(gov):
                    continue
            else:
                # "X's control of Oren", "X's capture of Oren", "X regained control of Oren", "lost control of Oren to X"
                who, where = owner(noun, of=False), places(self._prep_objects(noun, ["of", "over"]))
                verb = noun.head if noun.dep_ == "dobj" and noun.lower_ == "control" else None
                if verb is not None and (verb.lemma_ in control_verbs or verb.lemma_ in losing) and not self._modal(verb):
                    subj = self._clause_subject(verb)
                    who += self._parties([subj]) if subj is not None else []
                    if verb.lemma_ in losing:
                        gainers = self._parties(self._prep_objects(verb, ["to"]))
                        negated = self._negated(doc, verb, frozenset())
                        out.extend(self._claim(doc, i, g, "controls", w, negated) for g in gainers for w in where if g != w)
                        out.extend(self._claim(doc, i, loser, "controls", w, True) for loser in dict.fromkeys(who) for w in where if loser != w)
                        continue
                if not who or not where:
                    continue
            negated = self._negated(doc, noun, ending)
            for w_ in dict.fromkeys(who):
                out.extend(self._claim(doc, i, w_, "controls", w, negated) for w in dict.fromkeys(where) if w != w_)
        return out

    def _country_parts(self, held: list[Token]) -> list[str]:
        """ "large swathes of Zamora", "two-thirds of Oren": the country a part noun's "of" names
        itself (``relations.yaml`` controls: part_nouns; "much of Zamora's debt" is no ground)."""
        parts = set(relation_types()["controls"].get("part_nouns") or [])
        out: list[str] = []
        for q in held:
            if q.lower_ not in parts or q.i in self.token_actor:
                continue
            for g in self._prep_objects(q, ["of"]):
                for r in (g, *g.conjuncts):
                    a = self.token_actor.get(r.i)
                    if a is not None and self.actors[a].kind == "country" and not any(c.dep_ in ("case",) for c in r.children):
                        out.append(a)
        return out

    # -- presence named by offices, occupiers, counts and acts; measures laid on a party ----------

    def _claim(self, doc: Doc, trigger: int, subj: str, rel: str, obj: str, negated: bool = False) -> RawClaim:
        s, e = _sentence(doc, trigger)
        return RawClaim(trigger, subj, rel, obj, negated, doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))

    def _place_named(self, tok: Token) -> str | None:
        """The place a phrase names: its own ("in Oren"), or the one after "of" on a place noun ("in
        the town of Oren"); nothing else ("in the direction of Zamora" names no place one is in)."""
        found = self.token_actor.get(tok.i)
        if found is None and tok.lower_ in _place_nouns():
            found = next((a for g in self._prep_objects(tok, ["of"]) if (a := self.token_actor.get(g.i)) is not None), None)
        return found if found is not None and self.actors[found].type == "place" else None

    def _state_phrase(self, tok: Token) -> str | None:
        """The actor a subject phrase names, or the state of "the Zamoran state/government/army"."""
        found = self._phrase_actor(tok)
        if found is None and tok.lower_ in _state_nouns():
            found = next((s for c in tok.children if c.dep_ == "amod" and c.i not in self.token_actor
                          and (s := self._named_or_state(c)) is not None and self.actors[s].kind == "country"), None)
        return found

    def _holder(self, found: str | None) -> TypeGuard[str]:
        """Whether an actor can be somewhere by its own people: an organisation or a country."""
        return found is not None and (self.actors[found].type == "organization" or self.actors[found].kind == "country")

    def _local_offices(self, doc: Doc) -> list[RawClaim]:
        """ "Amnesty's Zamora office", "the Oren branch of the Eastern Shield Brigades", "the
        charity's Zamora country director": an organisation with an office named by a place is
        present there (``relations.yaml`` present_in: local_nouns, country_roles)."""
        spec = relation_types()["present_in"]
        local = set(spec.get("local_nouns") or [])
        roles = set(spec.get("country_roles") or [])
        out: list[RawClaim] = []
        for i in sorted(self.token_actor):
            t = doc[i]
            where = self.token_actor[i]
            if t.dep_ not in ("compound", "amod", "nmod") or self.actors[where].type != "place" or self.token_actor.get(t.head.i) == where:
                continue
            if t.dep_ == "amod" and self.actors[where].kind != "country":
                continue
            # the words after the place up to the phrase's head: "Zamora country director", "Oren branch"
            head = t.head
            chain = [head]
            while head.dep_ == "compound" and head.head.i > head.i and head.head.i not in self.token_actor and len(chain) < 4:
                head = head.head
                chain.append(head)
            words = [c.lower_ for c in chain]
            if not (words[0] in local or (words[0] == "country" and len(words) > 1 and words[1] in roles)):
                continue
            if any(c.i in self.token_actor for c in chain):
                continue  # "the Zamora Office of Human Rights" is a name, not someone's office
            # the owner: a possessive on a word of the phrase ("NRC's Zamora country director") or "of X"
            owners = [c for w in chain for c in w.children if c.dep_ == "poss"] + self._prep_objects(chain[0], ["of"])
            if chain[-1].i != chain[0].i:
                owners += self._prep_objects(chain[-1], ["of"])
            who = next((a for o in owners if (a := self._phrase_actor(o)) is not None), None)
            # a government's desk named by a country sits at home: "the State Department's Zamora office"
            if who is None or who == where or self.actors[who].type != "organization" or self.actors[who].kind == "government":
                continue
            if self._asserts_nothing(t):
                continue
            out.append(self._claim(doc, i, who, "present_in", where, self._negated(doc, chain[0], frozenset())))
        return out

    def _occupiers(self, doc: Doc) -> list[RawClaim]:
        """ "the Zamoran state, the occupying force in Oren", "X, the occupier in Dara":
        present_in, the one the noun is said of and the place after "in" (``relations.yaml``
        present_in: occupier_nouns)."""
        phrases = set(relation_types()["present_in"].get("occupier_nouns") or [])
        nouns = {w.split()[-1] for w in phrases}
        out: list[RawClaim] = []
        for i in indices_with(doc, nouns):
            t = doc[i]
            if t.pos_ not in ("NOUN", "PROPN") or i in self.token_actor:
                continue
            if t.lower_ not in phrases and (i == 0 or f"{doc[i - 1].lower_} {t.lower_}" not in phrases):
                continue
            wheres = [w for p in self._with_conjuncts(self._prep_objects(t, ["in", "inside"])) if (w := self._place_named(p)) is not None]
            if not wheres:
                continue
            said_of: Token | None = None
            if t.dep_ == "attr" and t.head.lemma_ in ("be", "remain", "become"):
                said_of = self._clause_subject(t.head)  # "..., which is the occupier in Oren"
            elif t.dep_ == "appos":
                said_of = t.head  # "Zamora, the occupying power in Oren"
            who = self._state_phrase(said_of) if said_of is not None else None
            if not self._holder(who) or self._asserts_nothing(t):
                continue
            negated = self._negated(doc, t.head if t.dep_ == "attr" else t, frozenset())
            out.extend(self._claim(doc, i, who, "present_in", w, negated) for w in wheres if w != who)
        return out

    def _counted_in(self, doc: Doc) -> list[RawClaim]:
        """ "the group has thousands in Zamora", "X keeps 2,000 in Oren": a count of people held
        in a place (``relations.yaml`` present_in: counted_words; a number with no noun, no money)."""
        counted = set(relation_types()["present_in"].get("counted_words") or [])
        members = set(relation_types()["present_in"].get("members") or [])
        out: list[RawClaim] = []
        holding = [c for v in indices_with(doc, _HOLDING_VERBS, "lemma") for c in doc[v].children if c.dep_ == "dobj"]
        for t in holding:
            i = t.i
            if t.lower_ not in counted and (t.pos_ != "NUM" or t.lower_ in _LARGE_NUMBERS):
                continue  # "40 million in bank deposits": money, not people
            if any(self._place_named(p) is None for p in self._prep_objects(t, ["in"])):
                continue  # "has thousands in cash"
            if any(c.tag_ == "$" or c.lower_ in ("$", "€", "£") for c in t.subtree) or (i > 0 and doc[i - 1].tag_ == "$"):
                continue
            of = self._prep_objects(t, ["of"])
            if of and not all(o.lower_ in members for o in of):
                continue  # "thousands of dollars in Oren"; "thousands of fighters in Oren" are people
            subj = self._clause_subject(t.head)
            who = self._named_party(subj) if subj is not None and subj.i in self.token_actor else None
            if not self._holder(who) or self._asserts_nothing(t.head) or self._modal(t.head):
                continue
            places = [p for x in (t, t.head, *of) for p in self._prep_objects(x, ["in", "inside", "across"])]
            negated = self._negated(doc, t.head, frozenset())
            for p in self._with_conjuncts(places):
                where = self._place_named(p)
                if where is not None and where != who:
                    out.append(self._claim(doc, i, who, "present_in", where, negated))
        return out

    def _members_acting_in(self, doc: Doc) -> list[RawClaim]:
        """ "their forces repulsed an attack in the town of Dara", "Zamoran troops patrol in Oren",
        "two Zamoran soldiers were killed in Oren": the group (the state of a demonym) whose armed
        people act or suffer there is present there (``relations.yaml`` present_in: acting_verbs,
        suffering_verbs; an attack from afar puts nobody anywhere)."""
        spec = relation_types()["present_in"]
        members = set(spec.get("members") or [])
        acting = set(spec.get("acting_verbs") or [])
        suffering = set(spec.get("suffering_verbs") or [])
        out: list[RawClaim] = []
        for i in indices_with(doc, members):
            noun = doc[i]
            if noun.dep_ not in ("nsubj", "nsubjpass") or noun.pos_ not in ("NOUN", "PROPN"):
                continue
            verb = noun.head
            if verb.pos_ != "VERB" or not (
                    (noun.dep_ == "nsubj" and verb.lemma_ in acting) or (noun.dep_ == "nsubjpass" and verb.lemma_ in suffering)):
                continue
            if any(c.lower_ in ("no", "any") for c in noun.children) or self._asserts_nothing(verb) or self._modal(verb):
                continue
            who = self._head_actor(noun) or self._members_state(noun, members, forces_only=True)
            if who is None and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in noun.children):
                who = self._actor_of(noun)  # "the Front said its fighters repulsed an attack": the reporter's
            if not self._holder(who) or self.actors[who].type == CLASS_TYPE:
                continue
            negated = self._negated(doc, verb, frozenset())
            # "repulsed an attack in the town of Dara", "guarded the base in Oren": the place of what they act on
            held = [o for o in verb.children if o.dep_ == "dobj" and (o.lower_ in _attack_nouns() or _is_site(o))]
            places = self._prep_objects(verb, ["in", "inside"]) + [p for o in held for p in self._prep_objects(o, ["in", "inside"])]
            for p in self._with_conjuncts(places):
                where = self._place_named(p)
                if where is not None and where != who:
                    out.append(self._claim(doc, i, who, "present_in", where, negated))
        return out

    def _campaigners(self, noun: Token, waging: set[str]) -> list[str]:
        """The groups whose armed campaign a noun names: "the Eastern Shield insurgency", "an
        insurgency led by X and Y", "groups including X", "X, which has waged an insurgency"."""
        found = [a for a in [self._head_actor(noun)] if a is not None]
        phrases: list[Token] = []
        for c in noun.children:
            if c.dep_ == "acl" and (c.lemma_ in waging or c.lower_ in waging):
                phrases += [p for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        if noun.dep_ == "dobj" and (noun.head.lemma_ in waging or noun.head.lower_ in waging):
            subj = self._clause_subject(noun.head)
            phrases += [subj] if subj is not None else []
        for p in phrases:
            # "jihadist groups, including X and Y": the groups named
            own = self._phrase_actor(p)
            named = [p] if own is not None and self.actors[own].type != CLASS_TYPE else self._prep_objects(p, ["including", "like"])
            for q in self._with_conjuncts(named):
                if (a := self._phrase_actor(q)) is not None:
                    found.append(a)
        return [a for a in dict.fromkeys(found) if self.actors[a].type == "organization"]

    def _campaigns(self, doc: Doc) -> list[RawClaim]:
        """ "the Eastern Shield insurgency in Oren", "Dara is the heart of an insurgency waged
        by X": a group whose armed campaign is in a place is present there (``relations.yaml``
        present_in: campaign_nouns, waging_verbs, hub_nouns)."""
        spec = relation_types()["present_in"]
        phrases = set(spec.get("campaign_nouns") or [])
        waging = set(spec.get("waging_verbs") or [])
        hubs = set(spec.get("hub_nouns") or [])
        ending = frozenset(load_yaml("relations.yaml").get("ending_verbs") or [])
        out: list[RawClaim] = []
        for i in indices_with(doc, {w.split()[-1] for w in phrases}):
            noun = doc[i]
            if noun.pos_ not in ("NOUN", "PROPN") or i in self.token_actor:
                continue
            if noun.lower_ not in phrases and (i == 0 or f"{doc[i - 1].lower_} {noun.lower_}" not in phrases):
                continue
            who = self._campaigners(noun, waging)
            if not who or self._asserts_nothing(noun):
                continue
            places = self._prep_objects(noun, ["in", "inside", "across"])
            if noun.dep_ == "dobj" and (noun.head.lemma_ in waging or noun.head.lower_ in waging):
                places += self._prep_objects(noun.head, ["in", "inside", "across"])  # "has waged an insurgency in Oren"
            # "Dara is the heart of an insurgency", "Dara is the hotbed of the rebellion"
            hub = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
            if hub is not None and hub.lower_ in hubs:
                verb = hub.head.head if hub.dep_ == "pobj" else hub.head if hub.dep_ == "attr" else None
                if verb is not None and verb.lemma_ in ("be", "become", "remain"):
                    places += [s for s in verb.children if s.dep_ == "nsubj"]
            negated = self._negated(doc, noun, ending)
            for p in self._with_conjuncts(places):
                where = self._place_named(p)
                if where is not None:
                    out.extend(self._claim(doc, i, w, "present_in", where, negated) for w in who if w != where)
        return out

    def _no_longer(self, doc: Doc, claims: list[RawClaim]) -> None:
        """ "X no longer has fighters in Y", "X does not control the town anymore": a presence or a
        hold that ended is negated (``relations.yaml`` present_in: no_longer)."""
        phrases = [tuple(p) for p in relation_types()["present_in"].get("no_longer") or []]
        for c in claims:
            if c.predicate not in ("present_in", "controls", "deploys") or c.negated:
                continue
            gov = self._governor(doc[c.trigger])
            words = [t.lower_ for t in gov.children if t.dep_ in ("advmod", "neg", "npadvmod")]
            words += [g.lower_ for t in gov.children if t.dep_ == "advmod" for g in t.children]
            if any(all(w in words for w in p) for p in phrases):
                c.negated = True

    def _gapped_rest(self, doc: Doc, claims: list[RawClaim]) -> list[RawClaim]:
        """ "Zamora holds the north of Oren and Dara the south": a clause whose verb is left out
        says of its party what the clause before said, of the rest of the same place (controls,
        present_in; ``relations.yaml`` present_in: rest_words)."""
        rest = set(relation_types()["present_in"].get("rest_words") or [])
        out: list[RawClaim] = []
        for i in indices_with(doc, rest):
            if i < 3 or doc[i - 1].lower_ != "the" or (z := self.token_actor.get(i - 2)) is None:
                continue
            j = i - 2
            while j > 0 and self.token_actor.get(j - 1) == z:
                j -= 1
            if doc[j - 1].lower_ != "and":
                continue
            who = self._state_of_capital(z)
            if not self._holder(who):
                continue
            s, _ = _sentence(doc, i)
            for c in claims:
                if (c.predicate in ("controls", "present_in") and not c.negated and s <= c.trigger < j - 1
                        and c.subject is not None and c.object is not None and who not in (c.subject, c.object)
                        and not any((d.subject, d.predicate, d.object) == (who, c.predicate, c.object) for d in claims + out)):
                    out.append(RawClaim(i, who, c.predicate, c.object, False, c.start, c.end))
        return out

    def _based_in(self, doc: Doc) -> list[RawClaim]:
        """ "the Zamora-based Eastern Shield Brigades", "a Dara-headquartered group named X": the
        organisation after the participle is in the place before the hyphen (``relations.yaml``
        present_in: based_compounds)."""
        based = set(relation_types()["present_in"].get("based_compounds") or [])
        out: list[RawClaim] = []
        for h in indices_with(doc, ("-", "\u2010", "\u2011")):
            if h < 1 or h + 1 >= len(doc) or doc[h + 1].lower_ not in based:
                continue
            t = doc[h + 1]
            if doc[h - 1].ent_type_ == "NORP":
                # "British-based": the state of the demonym, when the list knows it
                country = load_places().country_of(doc[h - 1].text)
                where = Actor.id_for(country, "place") if country else None
                if where is not None:
                    self.actors.setdefault(where, Actor(where, country or "", "place", "country"))
            else:
                where = self.token_actor.get(h - 1)
            if where is None or self.actors[where].type != "place":
                continue
            # the phrase's head is the organisation ("the Oren-based Eastern Shield Brigades", "the
            # Oren-based group"), not a person or a thing beside one ("a Dara-based Zamoran banking expert")
            target = t.head if t.dep_ in ("amod", "compound") and t.head.i != t.i else None
            if target is None or not (target.i in self.token_actor or target.lower_ in _group_words()):
                continue
            who = self._phrase_actor(target)
            if who is None or who == where or self.actors[who].type != "organization":
                continue
            out.append(self._claim(doc, t.i, who, "present_in", where))
        return out

    def _owned_presence(self, doc: Doc) -> list[RawClaim]:
        """ "Zamora's presence in Oren", "Zamora has a military presence in Oren", "the Eastern Shield
        Brigades maintain a foothold in Dara": present_in, the owner (a possessive, or the subject of
        a having verb) and the place after "in"; "ended its presence" is negated (``relations.yaml``
        present_in: presence_nouns, having_verbs)."""
        spec = relation_types()["present_in"]
        having = set(spec.get("having_verbs") or [])
        ending = frozenset(load_yaml("relations.yaml").get("ending_verbs") or [])
        out: list[RawClaim] = []
        premises = set(spec.get("premises") or [])
        premises_verbs = set(spec.get("premises_verbs") or [])
        for i in indices_with(doc, set(spec.get("presence_nouns") or []) | premises):
            noun = doc[i]
            if noun.pos_ not in ("NOUN", "PROPN") or i in self.token_actor or self._prep_objects(noun, ["of"]):
                continue  # "the presence of X" is read by the trigger lists
            owners = [c for c in noun.children if c.dep_ == "poss" and c.lower_ not in ("its", "their")]
            # the clause's subject, when it names the owner itself ("brokers in Zamoran bonds which
            # have offices in Oren" are not Zamora's)
            subj = self._clause_subject(noun.head) if noun.dep_ == "dobj" else None
            subjects = [subj] if subj is not None and subj.i in self.token_actor else []
            if noun.lower_ in premises:
                # "Zamora has established military bases in Oren" (a possessive is the premises rule's)
                if owners or noun.dep_ != "dobj" or noun.head.lemma_ not in premises_verbs:
                    continue
                owners = subjects
            # "X has a presence in Y", "X ended its presence in Y": the clause's subject
            own = any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in noun.children)
            if not owners and noun.dep_ == "dobj" and (own or noun.head.lemma_ in having):
                owners = subjects
            who = next((a for o in owners if (a := self._named_party(o)) is not None), None)
            if not self._holder(who) or self._asserts_nothing(noun) or self._modal(self._governor(noun)):
                continue
            negated = self._negated(doc, noun, ending)
            places = self._prep_objects(noun, ["in", "inside", "across"])
            if noun.dep_ == "dobj":
                places += self._prep_objects(noun.head, ["in", "inside", "across"])  # "ended its presence in Y"
            for p in self._with_conjuncts(places):
                where = self._place_named(p)
                if where is not None and where != who:
                    out.append(self._claim(doc, i, who, "present_in", where, negated))
        return out

    def _local_missions(self, doc: Doc) -> list[RawClaim]:
        """ "the United Nations mission in Oren", "the Hamas office in Dara": an organisation or a
        state named before a mission or premises noun, with the place after "in", is there
        (``relations.yaml`` present_in: named_in_nouns, premises; the owner a name, not a demonym)."""
        spec = relation_types()["present_in"]
        nouns = set(spec.get("named_in_nouns") or []) | set(spec.get("premises") or [])
        out: list[RawClaim] = []
        for i in indices_with(doc, nouns):
            noun = doc[i]
            if noun.pos_ not in ("NOUN", "PROPN") or i in self.token_actor:
                continue
            who = next((self.token_actor[c.i] for c in noun.children if c.dep_ == "compound" and c.i in self.token_actor), None)
            if not self._holder(who) or self._asserts_nothing(noun):
                continue
            for p in self._with_conjuncts(self._prep_objects(noun, ["in", "inside"])):
                where = self._place_named(p)
                if where is not None and where != who:
                    out.append(self._claim(doc, i, who, "present_in", where, self._negated(doc, noun, frozenset())))
        return out

    @staticmethod
    def _modal(verb: Token) -> bool:
        """Whether a verb is under a modal or a future ("may impose", "will send"), or is an
        infinitive ("power to decree sanctions", "expected to fall"): no fact yet."""
        return any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in verb.children)

    def _named_party(self, tok: Token) -> str | None:
        """The organisation, person or state a phrase itself names (its head, its modifiers, its
        "of"; a capital for its state), not one named deeper ("banks based in Oren", "brokers in
        Zamoran bonds which have offices ...", "rebels backed by Zamora" are none of these)."""
        found = self._phrase_actor(tok)
        if found is None and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in tok.children):
            found = self._actor_of(tok)  # "Zamora said its troops had captured the town": the reporter's
        if found is None:
            return None
        found = self._state_of_capital(found)
        actor = self.actors.get(found)
        if actor is None or actor.type == CLASS_TYPE or (actor.type == "place" and actor.kind != "country"):
            return None
        return found if actor.type in ("organization", "person", "place") else None

    def _parties(self, toks: Sequence[Token | None]) -> list[str]:
        """The acting parties phrases name, with their conjuncts ("Zamora and the EU")."""
        out: list[str] = []
        for t in toks:
            if t is None:
                continue
            for c in (t, *t.conjuncts):
                if (c.i == t.i or c.pos_ in ("NOUN", "PROPN")) and (found := self._named_party(c)) is not None:
                    out.append(found)
        return list(dict.fromkeys(out))

    def _measures(self, doc: Doc) -> list[RawClaim]:
        """ "Zamora imposed an arms embargo on Oren", "the bloc ordered the imposition of a no-fly
        zone over Dara": sanctions, the one who lays the measure (the imposing verb's subject, or
        the measure's possessive) on the state or organisation after the measure's preposition
        (``relations.yaml`` sanctions: measure_nouns, measure_preps, imposing_verbs, measure_heads)."""
        spec = relation_types()["sanctions"]
        phrases = {" ".join(w.replace("-", " - ").split()) for w in spec.get("measure_nouns") or []}
        preps = list(spec.get("measure_preps") or [])
        imposing = set(spec.get("imposing_verbs") or [])
        heads = set(spec.get("measure_heads") or [])
        unlaid = set(spec.get("unlaid_verbs") or []) | _AIM_VERBS
        unlaid_words = set(spec.get("unlaid_words") or [])
        out: list[RawClaim] = []
        for i in indices_with(doc, {p.split()[-1] for p in phrases}):
            noun = doc[i]
            if noun.pos_ not in ("NOUN", "PROPN"):
                continue
            if not any(" ".join(x.lower_ for x in doc[max(0, i - k) : i + 1]) in phrases for k in range(4)):
                continue
            if any(c.dep_ == "amod" and c.lower_ in unlaid_words for c in noun.children):
                continue  # "pending sanctions against X": not laid yet
            # "sanctions imposed on X by Y": the participle's own preposition and agent
            laying = [c for c in noun.children if c.dep_ == "acl" and c.lemma_ in imposing]
            agents = [p for x in (noun, *laying) for p in self._prep_objects(x, ["by"])]
            agents += [p for c in laying for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
            targets = [a for x in (noun, *laying) for p in self._with_conjuncts(self._prep_objects(x, preps))
                       if (a := self._phrase_actor(p)) is not None
                       and (self.actors[a].type in ("organization", "person") or self.actors[a].kind == "country")]
            if not targets:
                continue
            # "Zamora's embargo on Oren", "the EU arms embargo on Oren", "sanctions against Oren by Dara"
            layers = [a for c in noun.children if c.dep_ in ("poss", "compound") and c.i in self.token_actor
                      and (a := self._party(c, subject=True)) is not None]
            layers += self._parties(agents)
            # up over "the enforcement of": the verb that lays the measure
            top = noun
            while top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.lower_ in heads:
                top = top.head.head
            verb = top.head if top.dep_ in ("dobj", "nsubjpass") else None
            # the verb the measure hangs on lays it, or says nothing against it: not "called for", "may impose"
            gov = self._governor(top)
            if gov.lemma_ in unlaid or gov.head.lemma_ in unlaid or self._modal(gov):
                continue
            if verb is not None and verb.lemma_ in imposing and verb.pos_ == "VERB" and not self._asserts_nothing(verb):
                if verb.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
                    continue  # "threatened to impose an embargo", "gave the government power to decree sanctions": none laid
                parties = [self._subject(verb)] if top.dep_ == "dobj" else self._prep_objects(verb, ["by"])
                layers += self._parties(parties)
            lifting = frozenset(spec.get("lifting_verbs") or [])
            negated = (verb is not None and self._negated(doc, verb, frozenset())) or self._negated(doc, top, lifting)
            for who in dict.fromkeys(layers):
                if self._holder(who):
                    out.extend(self._claim(doc, i, who, "sanctions", obj, negated) for obj in targets if obj != who)
        return out

    def _listed(self, doc: Doc) -> list[RawClaim]:
        """ "Zamora placed the Eastern Shield Brigades on its list of terrorist organisations", "the
        group was added to the EU sanctions list", "removed X from its terror blacklist" (negated):
        sanctions (``relations.yaml`` sanctions: listing_verbs, delisting_verbs, list_nouns, list_marks)."""
        spec = relation_types()["sanctions"]
        listing = set(spec.get("listing_verbs") or [])
        delisting = set(spec.get("delisting_verbs") or [])
        marks = set(spec.get("list_marks") or [])
        out: list[RawClaim] = []
        for i in indices_with(doc, spec.get("list_nouns") or []):
            noun = doc[i]
            if noun.pos_ != "NOUN" or noun.dep_ != "pobj":
                continue
            prep, verb = noun.head, noun.head.head
            if verb.dep_ == "advmod" and verb.lower_ == "back":
                verb = verb.head  # "put Cuba back on its list"
            if verb.pos_ != "VERB":
                continue
            if not ((verb.lemma_ in listing and prep.lower_ in ("on", "to", "onto")) or (verb.lemma_ in delisting and prep.lower_ == "from")):
                continue
            if noun.lower_ not in ("blacklist", "blacklists") and not any(x.lower_ in marks for x in noun.subtree if x.i != i):
                continue
            if self._asserts_nothing(verb) or self._modal(verb) or verb.dep_ == "xcomp":
                continue
            passive = any(c.dep_ == "auxpass" for c in verb.children)
            listed = [c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
            targets = [a for x in self._with_conjuncts(listed) if (a := self._phrase_actor(x)) is not None
                       and (self.actors[a].type in ("organization", "person") or self.actors[a].kind == "country")]
            listers = [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"] if passive else [self._subject(verb)]
            layers = self._parties(listers)
            # "the EU sanctions list", "Zamora's terror list"
            layers += [a for c in noun.subtree if c.i < i and c.dep_ in ("poss", "compound") and c.i in self.token_actor
                       and (a := self._party(c, subject=True)) is not None]
            negated = verb.lemma_ in delisting or self._negated(doc, verb, frozenset())
            for who in dict.fromkeys(layers):
                if self._holder(who):
                    out.extend(self._claim(doc, i, who, "sanctions", t, negated) for t in dict.fromkeys(targets) if t != who)
        return out

    def _similar_measures(self, doc: Doc, claims: list[RawClaim]) -> list[RawClaim]:
        """ "Zamora cut aid to Oren, after similar steps by Dara and the EU": each one
        after "by" (or "from") sanctions whom the sentence's own sanction does (``relations.yaml``
        sanctions: similar_nouns, similar_words)."""
        spec = relation_types()["sanctions"]
        nouns = set(spec.get("similar_nouns") or [])
        similar = set(spec.get("similar_words") or [])
        out: list[RawClaim] = []
        for i in indices_with(doc, similar):
            noun = doc[i].head
            if doc[i].dep_ != "amod" or noun.lower_ not in nouns:
                continue
            s, e = _sentence(doc, i)
            laid = [c for c in claims if c.predicate == "sanctions" and not c.negated and s <= c.trigger < e and c.object is not None]
            objects = {c.object for c in laid}
            if len(objects) != 1:
                continue
            obj = objects.pop()
            assert obj is not None
            for who in self._parties(self._prep_objects(noun, ["by", "from"])):
                if self._holder(who) and who != obj and all(c.subject != who for c in laid):
                    out.append(self._claim(doc, i, who, "sanctions", obj))
        return out

    # -- coded events --------------------------------------------------------

    def _coded(self, doc: Doc, hedges: frozenset[str], boosters: frozenset[str]) -> list[RawClaim]:
        """Claims from the event coder: "accused X of", "condemned", "rejected", "called on X to",
        "attacked", "met" between two named actors, read by the CAMEO verb patterns."""
        if self._coder is None:
            from claimgraph.nlp.coder import EventCoder

            self._coder = EventCoder()
        out: list[RawClaim] = []
        named = set(self.token_actor)
        for sent in doc.sents:
            # a claim needs two parties: a sentence naming fewer than two actors codes nothing
            # (most sentences of most news), and the coder's patterns are the costliest rules
            parties = len({self.token_actor[i] for i in range(sent.start, sent.end) if i in named})
            if parties < 2 and not (parties == 1 and self._names_a_state(sent)):
                continue
            events = self._coder.code_sentence(sent)
            if not events:
                continue
            words = {t.lower_ for t in sent if t.lower_ not in ("may", "might", "could") or t.tag_ == "MD"}
            sent_text = sent.text.lower()
            hedge_words = sorted(w for w in hedges if (" " in w and w in sent_text) or w in words)
            boost_words = sorted(w for w in boosters if w in words)
            end = sent.end
            while end - 1 > sent.start and doc[end - 1].is_space:
                end -= 1
            for ev in events:
                rel = _lemma_relations().get(doc[ev.verb].lemma_) or _relation_for(ev.cameo)
                if rel is None or ev.source_head is None or ev.target_head is None:
                    continue
                verb = doc[ev.verb]
                target = doc[ev.target_head]
                # the target inside what is said ("claimed that Syrian soldiers had been killed")
                said = any(a.dep_ == "ccomp" and a.head.i == ev.verb for a in (target, *target.ancestors))
                if rel == "fights" and any(c.dep_ == "prep" and c.lower_ in ("with", "alongside", "beside") for c in verb.children):
                    continue  # "fought with the Taliban": against or beside them, the words do not say
                if rel == "rejects" and said:
                    continue  # "denied that Egypt was behind the raid" denies a statement, not Egypt
                if self._agent_of_a_noun(target, verb):
                    continue  # "repulsed an attack by X": X is the attack's doer, not what was done to
                if rel in ("meets_with", "negotiates_with") and verb.lemma_ in (relation_types()["meets_with"].get("topic_verbs") or []) and (
                        target.i not in self.token_actor and any(c.dep_ == "poss" for c in target.children)):
                    continue  # "discussed Brazil's debt": a topic, not a meeting with Brazil ("attended the IMF's meeting" is one)
                if rel != "demands" and self._asserts_nothing(verb):
                    continue
                if rel in ("supplies", "supports") and self._deadlines(verb):
                    continue  # "gave the junta seven days to ...": a deadline, no aid (``_calls_on``)
                if rel in ("supplies", "supports", "funds") and self._onto_list(verb):
                    continue  # "added the group to its terror list": a listing (``_listed``), no aid
                source = doc[ev.source_head]
                own = self._subject(verb)
                if source.lower_ in ("he", "she", "it", "they") and own is not None and own.i != source.i:
                    continue  # a pronoun the coder took from another clause ("said he stood by the rebels fighting X")
                if rel in _FORCE_RELATIONS:
                    target = self._antecedent(target)  # "X, who was kidnapped by the rebels"
                subj = self._speaking_party(source) if rel in _SPEECH_ACTS else self._party(source, subject=True)
                if subj is None and rel in _FORCE_RELATIONS:
                    subj = self._members_state(source, _armed_means())  # "killed by Zamoran soldiers", "Zamoran jets struck": Zamora
                # "accused X of attacking their positions in Marib": the accuser's, and in Marib
                objs = [self._party(target, subject=False, rel=rel), self._accusers_own(target), self._named_beside(target, rel)]
                if objs[0] is None and rel in _FORCE_RELATIONS and not said:
                    objs[0] = self._members_state(target, _members())  # "killed ten Zamoran soldiers": Zamora
                # "Peru and Chile condemned X and Y": each party of the coordination
                objs += self._conjoined(target, subject=False, rel=rel)
                if objs[0] is None and rel in _WORDS_AT_STATES and not said:
                    # "rejected Egyptian actions"; not "claimed that Libyan soldiers had been killed"
                    objs[0] = self._demonym_state(target) or self._misparsed_owner(target)
                if objs[0] is None and rel in ("accuses", "criticizes") and not said:
                    objs[0] = self._home_army(target)  # "accused the army of shooting ...": the home state's
                if objs[0] is None and rel in _ADDRESSED and not said and (rel != "threatens" or {verb.lemma_, verb.head.lemma_, target.lower_} & set(
                        relation_types()["threatens"].get("threat_words") or [])):
                    objs[0] = self._addressed(target, rel)
                if rel == "attacks" and self._verbal_attack(verb):
                    rel = "criticizes"  # "attacked the president over the deal"
                if rel == "attacks" and self._dismissal(verb):
                    continue  # "fired its spokesman at X's request": a dismissal
                for who in dict.fromkeys([subj, *(self._conjoined(source, subject=True) if subj is not None else [])]):
                    for obj in dict.fromkeys(objs):
                        if who is None or obj is None or who == obj:
                            continue
                        first, second = sorted((who, obj)) if relation_types()[rel].get("symmetric") else (who, obj)
                        trigger = doc[ev.verb]
                        # "failing to honour", "suspended its participation in talks": none held
                        negated = (ev.negated or self._failed(trigger) or (
                            trigger.pos_ == "NOUN" and self._negated(doc, trigger, _halting()))) and ev.plover != "REJECT"
                        out.append(RawClaim(ev.verb, first, rel, second, negated, doc[sent.start].idx,
                                            doc[end - 1].idx + len(doc[end - 1]), hedge_words, boost_words))
        return out

    @staticmethod
    def _agent_of_a_noun(target: Token, verb: Token) -> bool:
        """Whether a target phrase is the "by" agent of a noun below the verb ("repulsed an attack by
        X", "an attack by the army and X" however the parser joins X)."""
        t = target
        for _ in range(6):
            if t.i == verb.i or t.head.i == t.i:
                return False
            if t.dep_ == "pobj" and t.head.lower_ == "by" and t.head.head.pos_ == "NOUN":
                return True
            if t.dep_ == "conj" and t.head.pos_ == "NOUN" and any(c.dep_ == "prep" and c.lower_ == "by" for c in t.head.children):
                return True
            t = t.head
        return False

    def _dismissal(self, verb: Token) -> bool:
        """ "fired its spokesman", "fired Maria Lopez": a firing verb whose object is a person or a role
        (``roles.yaml`` role_nouns), not a weapon; "shot flares at the planes", "shot a video": what is
        fired or shot is no weapon, nobody hit, no site."""
        spec = relation_types()["attacks"]
        if verb.lemma_ not in (spec.get("firing_verbs") or []) and verb.lemma_ != "shoot":
            return False
        roles = frozenset(load_yaml("roles.yaml")["role_nouns"])
        for c in verb.children:
            if c.dep_ != "dobj":
                continue
            named = self.token_actor.get(c.i)
            if verb.lemma_ != "shoot" and (c.lower_ in roles or (named is not None and self.actors[named].type == "person")):
                return True
            if named is None and not _is_site(c) and c.lower_ not in set(spec.get("weapons") or []) | _armed_means() | roles \
                    and self._head_actor(c) is None:
                return True
        return False

    def _verbal_attack(self, verb: Token) -> bool:
        """ "attacked the president over the deal": words, not force (a topic after "over")."""
        return any(c.dep_ == "prep" and c.lower_ == "over" and any(g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "FAC")
                                                                    for g in c.children) for c in verb.children)

    def _phrase_actor(self, tok: Token) -> str | None:
        """The actor a phrase is about: its head's, its modifiers' ("the M23 offensive", "two Hamas
        officials"), or the object of its "of" ("the town of Goma"); not one named deeper
        ("aid workers in Somalia" are not Somalia)."""
        if tok.lower_ in ("they", "he", "she", "it") or tok.i in self.token_actor:
            return self._actor_of(tok)
        if tok.lower_ == "government" and self.home_state is not None and all(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return self.home_state  # "the ELN and the government agreed ...": the state the story is about
        found = self._head_actor(tok)
        if found is not None:
            return found
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj" and (found := self._head_actor(g)) is not None:
                        return found
        return None

    def _object_of(self, tok: Token, rel: str) -> str | None:
        """The other party of a trigger: for relations about places (an attack, control), what the
        phrase is about or the town its site is in; otherwise the actor the phrase names, and
        not a town or a region ("clashed with government forces near Marib" is no fight with
        Marib), nor, for verbs that act on what they name ("suspended talks with Hamas"), one
        named deeper in the phrase."""
        if rel in _PLACE_OBJECTS:
            return self._party(tok, subject=False, rel=rel)
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        spec = relation_types()[rel]
        # a verb by its lemma; a noun by its form, nouns carry no lemma here ("support for")
        if (verb.pos_ != "NOUN" and verb.lemma_ in (spec.get("head_object_verbs") or [])) or (
                verb.pos_ == "NOUN" and verb.lower_ in (spec.get("head_object_nouns") or [])):
            found = self._phrase_actor(tok)
            if found is None and rel == "sanctions":
                # "sanctioned the accounting firm Zamora Partners": the name set beside the object
                found = next((self.token_actor[c.i] for c in tok.children if c.dep_ == "appos" and c.i in self.token_actor), None)
        else:
            found = self._actor_of(tok)
        if found is not None and self.actors[found].type == "place" and self.actors[found].kind != "country":
            return None
        return found

    def _names_a_state(self, sent: Any) -> bool:
        """Whether a word of the sentence is a demonym or a state ("Israeli strikes"): a second party."""
        from claimgraph.nlp.places import load_places

        places = load_places()
        return any(t.pos_ in ("ADJ", "PROPN") and places.country_of(t.text) for t in sent)

    def _party(self, tok: Token, subject: bool, rel: str = "") -> str | None:
        """The actor a coded event's source or target phrase names. A source is an organisation,
        a person or a country (a state acts; a province or a town does not); a target may also
        be a place where the relation is about places (an attack on a town)."""
        # a source may be named deeper ("rockets fired by the army hit ..."); a target is what the
        # phrase is about, not a place it mentions ("attacks against aid workers in Somalia")
        actor_id = self._actor_of(tok) if subject else self._phrase_actor(tok)
        if actor_id is None and not subject and rel in _PLACE_OBJECTS and _is_site(tok):
            # "a raid on a military base in Oren": the base's place (a town or a region;
            # "a base in Nigeria" is no attack on Nigeria)
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "of", "outside"):
                    for g in c.children:
                        found = self._phrase_actor(g) if g.dep_ == "pobj" else None
                        if found is not None and self.actors[found].type == "place" and self.actors[found].kind != "country":
                            return found
        if actor_id is None and not subject and rel == "attacks" and _is_site(tok):
            actor_id = self._holder_of_site(tok)
        if actor_id is None:
            return None
        if subject:
            actor_id = self._state_of_capital(actor_id)  # "Tehran rejects ...": the state acts
        actor = self.actors.get(actor_id)
        if actor is None or actor.type == CLASS_TYPE:
            return None
        if actor.type == "place":
            if actor.kind == "country":
                return actor_id
            return actor_id if not subject and rel in _PLACE_OBJECTS else None
        return actor_id if actor.type in ("organization", "person") else None

    @staticmethod
    def _antecedent(tok: Token) -> Token:
        """The noun a relative pronoun stands for ("Maria Lopez, who was kidnapped by X"), else the token."""
        if tok.lower_ in ("who", "whom", "which", "that") and tok.head.dep_ == "relcl" and tok.head.head.i != tok.head.i:
            return tok.head.head
        return tok

    def _named_beside(self, tok: Token, rel: str) -> str | None:
        """ "killed the leader of the Eastern Shield Brigades, Carlos Ruiz": the person named beside the
        description is the one killed, arrested or freed (``_PEOPLE_TARGETS``), besides the group the
        description names."""
        if rel not in _PEOPLE_TARGETS or tok.i in self.token_actor:
            return None
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        if rel == "attacks" and verb.lemma_ not in _lethal_verbs():
            return None  # "attacked his wife, Heidi": words, as likely as force
        # the parser may hang the name on the group the description names ("the leader of X, Carlos Ruiz")
        groups = [g for g in self._prep_objects(tok, ["of"]) if g.i in self.token_actor and self.actors[self.token_actor[g.i]].type == "organization"]
        for c in (c for h in (tok, *groups) for c in h.children):
            if c.dep_ == "appos" and c.i in self.token_actor and self.actors[self.token_actor[c.i]].type == "person":
                return self.token_actor[c.i]
        return None

    def _holder_of_site(self, tok: Token) -> str | None:
        """ "struck positions held by the Eastern Shield Brigades", "a camp used by X": the one who holds
        the site attacked (an organisation or a state; ``relations.yaml`` controls: place_verbs)."""
        verbs = set(relation_types()["controls"].get("place_verbs") or []) | {"use", "man", "occupy"}
        for c in tok.children:
            if c.dep_ != "acl" or c.tag_ != "VBN" or c.lemma_ not in verbs:
                continue
            for p in (p for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"):
                found = self._actor_of(p)
                if found is not None and (self.actors[found].type == "organization" or self.actors[found].kind == "country"):
                    return found
        return None

    def _demonym_state(self, tok: Token) -> str | None:
        """The state a phrase's demonym names ("Indian actions", "Israeli strikes"), if it names no
        actor and the text names that state itself: a demonym alone makes up no party."""
        if tok.i in self.token_actor:
            return None
        named = set(self.token_actor.values())
        for c in tok.children:
            if c.dep_ == "amod" and c.i not in self.token_actor:
                country = load_places().country_of(c.text)
                state = Actor.id_for(country, "place") if country else None
                if state is not None and state in named:
                    return state
        return None

    def _state_of_capital(self, actor_id: str) -> str:
        """The country whose capital a place actor is ("Caracas" -> Venezuela), else the actor:
        for a party that acts or agrees, not for a target or a location (an attack on Kyiv is
        on the city)."""
        actor = self.actors.get(actor_id)
        if actor is None or actor.type != "place" or actor.kind == "country":
            return actor_id
        country = _capitals().get(actor.name.lower())
        if country is None:
            return actor_id
        state_id = Actor.id_for(country, "place")
        self.actors.setdefault(state_id, Actor(state_id, country, "place", "country"))
        return state_id

    def _accusers_own(self, tok: Token) -> str | None:
        """ "the government accused the Houthis of attacking their positions": "their" is the
        accuser's, so the accuser is the one attacked (an organisation or a state only). Only
        for what can be attacked as the accuser's own (a site, its fighters): "accused Iran of
        arming their rivals" does not arm the accuser."""
        if not any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in tok.children):
            return None
        if not (_is_site(tok) or tok.lower_ in (relation_types()["present_in"].get("members") or [])):
            return None
        verb = tok.head
        if verb.dep_ != "pcomp" or verb.head.lower_ != "of" or verb.head.head.lemma_ not in _lemma_relations():
            return None
        accuse = verb.head.head
        if _lemma_relations()[accuse.lemma_] != "accuses":
            return None
        subj = next((c for c in accuse.children if c.dep_ == "nsubj"), None)
        found = self._actor_of(subj) if subj is not None else None
        if found is None or not (self.actors[found].type == "organization" or self.actors[found].kind == "country"):
            return None
        return found

    # -- parties -----------------------------------------------------------

    def _mark_classes(self, doc: Doc, token_actor: dict[int, str], actors: dict[str, Actor]) -> None:
        matcher = self._class_matcher(doc)
        spans = sorted(((e - s, s, e, doc.vocab.strings[m]) for m, s, e in matcher(doc)), key=lambda x: (-x[0], x[1]))
        for _, start, end, name in spans:
            if any(k in token_actor for k in range(start, end)):
                continue  # named actors and longer class phrases win
            actor_id = Actor.id_for(name, CLASS_TYPE)
            actors.setdefault(actor_id, Actor(actor_id, name, CLASS_TYPE, "class"))
            for k in range(start, end):
                token_actor[k] = actor_id

    def _class_matcher(self, doc: Doc) -> PhraseMatcher:
        key = id(doc.vocab)
        if key not in self._matchers:
            matcher = PhraseMatcher(doc.vocab, attr="LOWER")
            tokenizer = Tokenizer(doc.vocab)
            for phrase, (name,) in _classes().items():
                matcher.add(name, [tokenizer(phrase)])
            self._matchers[key] = matcher
        return self._matchers[key]

    def _actor_of(self, tok: Token | None) -> str | None:
        """The actor a phrase names: its head's, else the first one named inside it.

        "they" / "he" in "X insist that they abide ..." is X: the subject of the
        clause that reports this one.
        """
        if tok is None:
            return None
        if tok.i in self.token_actor:
            found = self.token_actor[tok.i]
            if self.actors[found].type == CLASS_TYPE:
                # "terrorists from the Eastern Shield Brigades": the group named, not the class
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ in ("from", "of"):
                        for g in c.children:
                            named = self.token_actor.get(g.i) if g.dep_ == "pobj" else None
                            if named and self.actors[named].type in ("organization", "person"):
                                return named
            return found
        if tok.lower_ == "government" and self.home_state is not None and all(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return self.home_state  # "the government signed a deal with the FARC": the state the story is about
        if tok.lower_ == "we" and tok.dep_ in ("nsubj", "nsubjpass"):
            return self._speakers_own(tok)
        # "the Front said its fighters repulsed an attack": the reporter's own fighters, if it is a group or a state
        own = (tok.dep_ in ("nsubj", "nsubjpass") and tok.lower_ in (relation_types()["present_in"].get("members") or [])
               and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in tok.children))
        if (own or tok.lower_ in ("they", "he", "she", "it")) and tok.dep_ in ("nsubj", "nsubjpass"):
            clause = tok.head
            reporter = clause.head if clause.dep_ == "ccomp" else None
            if reporter is not None and reporter.i != clause.i:
                subj = next((c for c in reporter.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.lower_ not in ("they", "he", "she", "it"):
                    reporter_actor = self._actor_of(subj)
                    if own and reporter_actor is not None and not (
                            self.actors[reporter_actor].type == "organization" or self.actors[reporter_actor].kind == "country"):
                        return None
                    if reporter_actor is not None and (tok.lower_ in ("he", "she")) != (self.actors[reporter_actor].type == "person"):
                        return None  # "she was arrested, Zamora said": "she" is no state, "it" no person
                    return reporter_actor
            if tok.lower_ == "it" and clause.dep_ in ("advcl", "relcl", "conj") and clause.head.i != clause.i:
                return self._sole_antecedent(tok)
            if tok.lower_ in ("he", "she") and clause.dep_ == "ROOT":
                return self._sole_person(tok)  # "He was arrested ...": the sentence's own subject only
            return None
        # the head's own modifiers first ("the Iran-backed Houthi militia" is the Houthis), then deeper
        head_level = self._head_actor(tok)
        if head_level is not None and self.actors[head_level].type in ("organization", "person", CLASS_TYPE, "place"):
            return head_level
        for t in tok.subtree:
            if t.i in self.token_actor and self.actors.get(self.token_actor[t.i], None) is not None:
                if self.actors[self.token_actor[t.i]].type in ("organization", "person", CLASS_TYPE, "place"):
                    return self.token_actor[t.i]
        return None

    def _speakers_own(self, tok: Token) -> str | None:
        """ "'We will keep striking the rebels,' the Southern Command's commander said": "we" in a direct
        quote is the speaker's organisation (or state): the speaker's own when it is one, else the one
        organisation a speaking person holds a role in."""
        doc = tok.doc
        for att in doc._.cg_attributions or []:
            if not att.direct or not (att.content[0] <= tok.idx < att.content[1]) or att.speaker.head is None:
                continue
            who = self.token_actor.get(att.speaker.head)
            if who is None:
                return None
            actor = self.actors[who]
            if actor.type == "organization" or actor.kind == "country":
                return who
            if actor.type != "person":
                return None
            orgs = {r.organization for r in actor.roles if r.organization in self.actors
                    and (self.actors[r.organization].type == "organization" or self.actors[r.organization].kind == "country")}
            return orgs.pop() if len(orgs) == 1 else None
        return None

    def _the_country(self, doc: Doc) -> None:
        """ "officials in the military-ruled country suspended ...": "the country" (and "the
        government" alone) is the one the story is about (``_home_state``), for this component's
        parties only, so that a sentence naming it and another party is read; not where another
        country was named before it in the sentence, nor "the neighbouring country", "the country
        that ...", "the country of X" (``relations.yaml``: the_country)."""
        if self.home_state is None:
            return
        spec = load_yaml("relations.yaml")["the_country"]
        elsewhere = set(spec["elsewhere"])
        for i in indices_with(doc, [*spec["nouns"], "government"]):
            t = doc[i]
            if i in self.token_actor or t.pos_ != "NOUN" or t.tag_ != "NN":
                continue
            kids = list(t.children)
            if t.lower_ == "government" and not all((c.dep_ == "det" and c.lower_ == "the") or (_coordination(c) and self._sole_state(doc))
                                                    for c in kids):
                continue  # "the government" alone (``_actor_of``), not "the Peruvian government", "the government of X"
            if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids):
                continue
            if any(c.lower_ in elsewhere or c.dep_ in ("relcl", "acl") or (c.dep_ == "prep" and c.lower_ == "of") for c in kids):
                continue
            if t.dep_ == "poss" or (t.dep_ == "pobj" and t.head.lower_ == "of"):
                continue  # "the country's union leaders", "regions of the country" are not the country
            s, _ = sentence_of(doc, i)
            if any((a := self.token_actor.get(k)) is not None and a != self.home_state and self.actors[a].kind == "country"
                   for k in range(s, i)):
                continue
            self.token_actor[i] = self.home_state

    def _sole_state(self, doc: Doc) -> bool:
        """Whether the story's own state is the only one whose institutions it names and no other
        country is named more than once: "the government and the rebels" is then that state's even
        beside another party ("the talks between the government and the Eastern Shield Brigades")."""
        states: dict[str, Any] = doc.user_data.get("cg_institution_states") or {}
        if any(st and st[0] != self.home_state for st in states.values()):
            return False
        for body in self.actors.values():
            country = load_places().country_of(body.name.split()[0]) if body.type == "organization" and body.kind in ("government", "military") else None
            if country and Actor.id_for(country, "place") != self.home_state:
                return False
        counts: dict[str, int] = {}
        for i, a in self.token_actor.items():
            if a != self.home_state and (i == 0 or self.token_actor.get(i - 1) != a) and self.actors[a].kind == "country":
                counts[a] = counts.get(a, 0) + 1
        return all(n <= 1 for n in counts.values())

    def _the_group(self, doc: Doc) -> None:
        """ "Maria Lopez, the secretary of the organization", "the group said": "the group" is the
        one organisation named in its sentence before it or in the sentence before that; none when
        two are (``relations.yaml``: the_group). For this component's parties only."""
        nouns = load_yaml("relations.yaml")["the_group"]["nouns"]
        for i in indices_with(doc, nouns):
            t = doc[i]
            if i in self.token_actor or t.pos_ != "NOUN" or t.tag_ != "NN":
                continue
            kids = list(t.children)
            if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids):
                continue
            if any(c.dep_ in ("relcl", "acl", "compound", "poss", "nmod") or (c.dep_ == "prep" and c.lower_ in ("of", "behind"))
                   or c.i in self.token_actor for c in kids):
                continue  # "the group behind the attack", "the Hamas group", "the group that ..."
            s, _ = sentence_of(doc, i)
            start = s
            while start > 0 and (start == s or all(doc[k].is_space for k in range(start, s))):
                start = sentence_of(doc, start - 1)[0]  # the sentence before, over a paragraph's break
            named = {a for k in range(start, i) if (a := self.token_actor.get(k)) is not None and self.actors[a].type == "organization"}
            if len(named) == 1:
                self.token_actor[i] = named.pop()

    def _group_named_later(self, doc: Doc) -> None:
        """ "Zamora designated a group linked to ... The group, known as the Eastern Shield Brigades,
        ...": "a group" is the organisation the later "the group, known as X" names, when it is the
        only "a group" in the sentences before (``relations.yaml`` group_named_later: window) and X is
        not named before it. For this component's parties only."""
        spec = load_yaml("relations.yaml")["group_named_later"]
        naming = set(spec.get("naming_verbs") or [])
        nouns = load_yaml("relations.yaml")["the_group"]["nouns"]
        found = [doc[i] for i in indices_with(doc, nouns)]
        for t in found:
            if t.i in self.token_actor or not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
                continue
            named = None
            for c in t.children:
                if c.dep_ == "acl" and c.lemma_ in naming:
                    objs = self._prep_objects(c, ["as"]) + [o for o in c.children if o.dep_ == "oprd"]
                    named = next((a for o in objs if (a := self.token_actor.get(o.i)) is not None), None)
            if named is None or self.actors[named].type != "organization":
                continue
            if any(a == named for k, a in self.token_actor.items() if k < t.i):
                continue  # named before: "a group" may be another one
            start, _ = sentence_of(doc, t.i)
            for _ in range(int(spec.get("window") or 0)):
                if start == 0:
                    break
                start = sentence_of(doc, start - 1)[0]
            # "a group" alone, with nothing after it that says which ("a group of protesters")
            earlier = [g for g in found if start <= g.i < t.i and g.i not in self.token_actor and g.pos_ == "NOUN"
                       and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in g.children)]
            if len(earlier) != 1 or any(c.dep_ == "prep" and c.lower_ == "of" for c in earlier[0].children):
                continue
            self.token_actor[earlier[0].i] = named

    def _described_before_bracket(self, doc: Doc) -> None:
        """ "the peacekeeping mission deployed since 2019 in Zamora (Minuza)": the description's head
        ("mission") is the bracketed organisation, when the actors layer took its kind from that
        description (``actors.yaml`` descriptor_kinds), so that what the description says of the
        head is said of the organisation. For this component's parties only."""
        described: dict[str, str] = doc.user_data.get("cg_described_kinds") or {}
        if not described:
            return
        phrases = {kind: [tuple(p.split()) for p in items] for kind, items in load_yaml("actors.yaml")["descriptor_kinds"].items()}
        for k in indices_with(doc, ("(",)):
            if k + 2 >= len(doc) or doc[k + 2].text != ")" or (k + 1) not in self.token_actor:
                continue
            actor = self.token_actor[k + 1]
            kind = described.get(name_key(doc[k + 1].text))
            if kind is None or self.actors[actor].type != "organization" or self.actors[actor].kind != kind:
                continue
            low = max(sentence_of(doc, k)[0], k - 12)
            heads = [i + len(p) - 1 for p in phrases.get(kind, []) for i in range(max(low, 1), k - len(p) + 1)
                     if doc[i - 1].lower_ == "the" and tuple(t.lower_ for t in doc[i : i + len(p)]) == p]
            if len(heads) != 1:
                continue
            head = doc[heads[0]]
            # nothing named between the description and the bracket but places ("deployed in Zamora")
            between = {a for j in range(head.i + 1, k) if (a := self.token_actor.get(j)) is not None}
            if head.i in self.token_actor or head.pos_ != "NOUN" or any(self.actors[a].type != "place" for a in between):
                continue
            self.token_actor[head.i] = actor

    def _identified_as(self, doc: Doc) -> None:
        """ "Zamoran forces killed a senior Zarda commander ... The army identified the commander as
        Carlos Ruiz": the one a description introduced ("a ... commander") is the person "the
        <same noun>" is identified as, when the sentence or the one before it introduces exactly
        one. For this component's parties only."""
        for i in indices_with(doc, ("identified", "identifies", "identify"), "lower"):
            verb = doc[i]
            if verb.pos_ != "VERB":
                continue
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            named = [p for p in self._prep_objects(verb, ["as"]) if p.i in self.token_actor
                     and self.actors[self.token_actor[p.i]].type == "person"]
            if obj is None or obj.pos_ != "NOUN" or obj.i in self.token_actor or len(named) != 1:
                continue
            if not any(c.dep_ == "det" and c.lower_ == "the" for c in obj.children):
                continue
            s, _ = sentence_of(doc, i)
            start = sentence_of(doc, s - 1)[0] if s > 0 else s
            earlier = [t for t in doc[start:obj.i] if t.lower_ == obj.lower_ and t.i not in self.token_actor
                       and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)]
            if len(earlier) == 1:
                self.token_actor[earlier[0].i] = self.token_actor[named[0].i]

    def _its_rivals(self, doc: Doc) -> None:
        """ "The army suspended talks, accusing its rivals of ...": "its rivals" (``relations.yaml``
        rival_nouns) are the one armed party the document names besides the clause's subject and
        the subject's own state; none when there are two. For this component's parties only."""
        nouns = load_yaml("relations.yaml")["rival_nouns"]
        armed = [a.id for a in self.actors.values() if a.type == "organization" and a.kind in ("armed_group", "military")]
        if len(armed) < 2:
            return
        for i in indices_with(doc, nouns):
            t = doc[i]
            if i in self.token_actor or not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in t.children):
                continue
            verb = t.head.head if t.dep_ == "pobj" else t.head
            subj = self._subject(verb) if verb.pos_ in ("VERB", "AUX") else None
            own = self._actor_of(subj) if subj is not None else None
            if own is None or own not in armed:
                continue
            others = [a for a in armed if a != own]
            if len(others) == 1:
                self.token_actor[i] = others[0]

    def _sole_person(self, tok: Token) -> str | None:
        """ "... Carlos Ruiz, known as X. He was arrested by ...": "he" or "she", the subject of its
        sentence's main verb, is the one person named in its sentence before it or in the sentence
        before that, when there is exactly one."""
        doc = tok.doc
        s, _ = sentence_of(doc, tok.i)
        start = s
        while start > 0 and (start == s or all(doc[k].is_space for k in range(start, s))):
            start = sentence_of(doc, start - 1)[0]
        people = {a for k in range(start, tok.i) if (a := self.token_actor.get(k)) is not None and self.actors[a].type == "person"}
        return people.pop() if len(people) == 1 else None

    def _sole_antecedent(self, tok: Token) -> str | None:
        """ "the first attack by the ELN since it resumed talks": "it" in a clause below the
        sentence's own is the one organisation or country the sentence named before it, when
        there is exactly one."""
        s, _ = sentence_of(tok.doc, tok.i)
        named = {a for k in range(s, tok.i) if (a := self.token_actor.get(k)) is not None}
        agents = [a for a in named if self.actors[a].type in ("organization", "person", CLASS_TYPE) or self.actors[a].kind == "country"]
        if len(agents) != 1 or self.actors[agents[0]].type not in ("organization", "place"):
            return None
        # and the nearest noun before it is that one's ("condemned the bombing after it hit ...": the bombing)
        for k in range(tok.i - 1, s - 1, -1):
            t = tok.doc[k]
            if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "amod", "nmod", "poss"):
                return agents[0] if self.token_actor.get(k) == agents[0] else None
        return None

    @staticmethod
    def _home_state(doc: Doc, token_actor: dict[int, str], actors: dict[str, Actor]) -> str | None:
        """The country a story is about: named at least twice and at least twice as often as any
        other country. "The government" alone is that state's; with two countries in play it
        is nobody's."""
        counts: dict[str, int] = {}
        for i, a in token_actor.items():
            if (i == 0 or token_actor.get(i - 1) != a) and actors.get(a) is not None and actors[a].kind == "country":
                counts[a] = counts.get(a, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
            return None
        return ranked[0][0]

    @staticmethod
    def _institutions_state(doc: Doc, token_actor: dict[int, str], actors: dict[str, Actor]) -> str | None:
        """The country a story is about when it names it mostly through its own institutions ("the
        Zamoran army", "the Zamoran Defence Ministry"): each mention of a state's institution counts
        for the state, and the state must be mentioned so at least three times, three times as
        often as any other country, and be the only state whose institutions the story names."""
        if not actors:
            return None
        states: dict[str, Any] = doc.user_data.get("cg_institution_states") or {}
        owners = {inst: st[0] for inst, st in states.items() if st and st[0] in actors}
        for body in actors.values():
            # "the Zamoran Army", known by name: the state its demonym names
            country = load_places().country_of(body.name.split()[0]) if body.type == "organization" and body.kind in ("government", "military") else None
            if body.id not in owners and country and (home := Actor.id_for(country, "place")) in actors:
                owners[body.id] = home
        if len(set(owners.values())) != 1:
            return None
        counts: dict[str, int] = {}
        for i, a in token_actor.items():
            if i > 0 and token_actor.get(i - 1) == a:
                continue
            state = owners.get(a) or (a if actors.get(a) is not None and actors[a].kind == "country" else None)
            if state is not None:
                counts[state] = counts.get(state, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][0] not in owners.values() or ranked[0][1] < 3:
            return None
        if len(ranked) > 1 and ranked[0][1] < 3 * ranked[1][1]:
            return None
        return ranked[0][0]

    def _head_actor(self, tok: Token) -> str | None:
        """The actor of a phrase's head or of its modifiers ("Al Qaeda fighters"), nothing deeper."""
        if tok.i in self.token_actor:
            return self.token_actor[tok.i]
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i in self.token_actor:
                return self.token_actor[c.i]
        return None

    def _pair(self, doc: Doc, tok: Token) -> tuple[str, str] | None:
        """ "the two organizations", "two groups": the last two organisations named before."""
        head = tok
        if head.lower_ in ("who", "which", "that") and head.head.dep_ == "relcl":
            head = head.head.head
        if head.lower_ not in _GROUP_NOUNS and head.lower_ != "each":
            return self._rivals(doc, head)
        if not any(c.lower_ in ("two", "both") for c in head.children) and head.lower_ != "each":
            return self._rivals(doc, head)  # "the warring parties"
        if head.lower_ in ("sides", "parties"):
            # "Since Zamora's invasion of Oren, the two sides ...": the two its own sentence names
            own = self._rivals(doc, head, own_sentence=True)
            if own is not None:
                return own
        seen: list[str] = []
        for i in range(head.i - 1, max(-1, head.i - 200), -1):
            actor_id = self.token_actor.get(i)
            if actor_id and self.actors[actor_id].type == "organization" and actor_id not in seen:
                seen.append(actor_id)
                if len(seen) == 2:
                    return (seen[1], seen[0])
        return self._rivals(doc, head)  # "the two sides": two states

    def _with_conjuncts(self, toks: list[Token]) -> list[Token]:
        """The phrases and those coordinated with them ("Peru and Chile"), each once, in order; for a
        description with a name beside it ("US public broadcaster Voice of America"), the name."""
        out: dict[int, Token] = {}
        for t in toks:
            out.setdefault(t.i, t)
            if self._has_agent(t):
                continue
            for c in t.conjuncts:
                if c.pos_ not in ("NOUN", "PROPN") or _name_tail(c) or _possessive_conjunct(c):
                    continue
                named = next((a for a in c.children if a.dep_ == "appos" and a.i in self.token_actor
                              and self.actors[self.token_actor[a.i]].type in ("organization", "person")), c)
                out.setdefault(named.i, named)
        return list(out.values())

    @staticmethod
    def _has_agent(tok: Token) -> bool:
        """ "an attack by the army and Wagner": what is joined to a noun with a "by" agent is the
        parser's misplaced second agent, not a second noun like it."""
        return tok.pos_ == "NOUN" and any(c.dep_ == "prep" and c.lower_ == "by" for c in tok.children)

    def _conjoined(self, tok: Token | None, subject: bool, rel: str = "") -> list[str]:
        """The parties coordinated with a phrase ("Peru, Chile and Bolivia condemned ..."): the
        actors named by its conjuncts, organisations, people and countries only."""
        if tok is None or self._has_agent(tok):
            return []
        out: list[str] = []
        for c in tok.conjuncts:
            if c.pos_ not in ("NOUN", "PROPN") or _name_tail(c):
                continue
            # "US public broadcaster Voice of America": the name set beside the description, not its modifier
            named = next((self.token_actor[a.i] for a in c.children if a.dep_ == "appos" and a.i in self.token_actor), None)
            if named is not None and self.actors[named].type in ("organization", "person"):
                out.append(named)
            elif c.i not in self.token_actor and any(a.dep_ == "poss" for a in c.children):
                continue  # "debt in general and Brazil's debt position": Brazil's, not Brazil
            elif (found := self._party(c, subject=subject, rel=rel)) is not None:
                out.append(found)
        return out

    def _rivals(self, doc: Doc, head: Token, own_sentence: bool = False) -> tuple[str, str] | None:
        """ "the rivals agreed", "the foes accused each other", "both countries": the last two parties
        (organisations or countries, a capital for its country) named in this sentence before it or
        in the sentence before that (``relations.yaml``: pair_nouns)."""
        if head.lower_ not in set(load_yaml("relations.yaml")["pair_nouns"]) | _GROUP_NOUNS or head.tag_ != "NNS":
            return None
        if not any(c.lower_ in ("the", "both", "two") for c in head.children):
            return None
        if any(c.dep_ == "nummod" and c.lower_ not in ("two", "2") for c in head.children):
            return None  # "the three nations": not two
        clause = head.head
        if clause.dep_ in ("acl", "ccomp", "relcl") and clause.head.pos_ == "NOUN":
            return None  # "his offer that the two countries meet": proposed, not done
        s, _ = sentence_of(doc, head.i)
        start = s
        while not own_sentence and start > 0 and (start == s or all(doc[k].is_space for k in range(start, s))):
            start = sentence_of(doc, start - 1)[0]
        # not those who report it: "US mediators said the warring parties had agreed" (the subjects of
        # the clauses above this one)
        reporters: set[int] = set()
        step = head
        for anc in head.ancestors:
            if step.dep_ == "ccomp":
                reporters |= {t.i for c in anc.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
            step = anc
        seen: list[str] = []
        for i in range(head.i - 1, start - 1, -1):
            a = self.token_actor.get(i)
            if a is None or i in reporters:
                continue
            a = self._state_of_capital(a)
            actor = self.actors[a]
            if (actor.type == "organization" or actor.kind == "country") and a not in seen:
                seen.append(a)
                if len(seen) == 2:
                    # "Armenian troops ... Azerbaijani forces ... the foes": two states' forces, the states
                    states: dict[str, Any] = doc.user_data.get("cg_institution_states") or {}
                    lifted = [states[x][0] for x in seen if x in states]
                    if len(lifted) == 2 and lifted[0] != lifted[1] and all(x in self.actors for x in lifted):
                        seen = lifted
                    return (seen[1], seen[0])
        return None

    def _subject(self, verb: Token) -> Token | None:
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
        prep = verb.head
        if verb.dep_ == "pcomp" and prep.lower_ in ("of", "for") and prep.head.pos_ == "VERB":
            # "accused the army of violating the truce": the accused is who violated it
            return next((c for c in prep.head.children if c.dep_ == "dobj"), None) or self._passive_doer(prep.head, prep)
        if verb.dep_ in ("conj", "xcomp", "advcl", "relcl", "acl") and verb.head.i != verb.i:
            if verb.dep_ in ("relcl", "acl"):
                return verb.head  # "the uprising signing an agreement", "groups who fought"
            return self._subject(verb.head)
        return None

    def _passive_doer(self, verb: Token, prep: Token) -> Token | None:
        """ "the group was sanctioned for supporting X", "a group officials said is tied to Y for
        supporting X": the one a passive verb's "for" names the deed of is the verb's own subject,
        or, in a clause below a relative one that lacks it ("a group [that] officials said is
        tied"), the noun the relative clause belongs to."""
        if prep.lower_ != "for" or not any(c.dep_ == "auxpass" for c in verb.children):
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subj is not None:
            return subj
        if verb.dep_ == "ccomp" and verb.head.dep_ == "relcl" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            rel = verb.head
            if not any(c.dep_ in ("dobj", "ccomp") and c.i != verb.i for c in rel.children):
                return rel.head
        return None

    def _prep_objects(self, tok: Token, preps: list[str]) -> list[Token]:
        out: list[Token] = []
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                out.extend(p for p in c.children if p.dep_ == "pobj")
            elif c.dep_ == "advmod":  # "stationed together with", "side by side with"
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in preps:
                        out.extend(q for q in p.children if q.dep_ == "pobj")
        return out

    # -- triggers ----------------------------------------------------------

    def _verbal(self, doc: Doc, verb: Token, rel: str, objects: dict[str, list[str]]) -> list[Found]:
        spec = relation_types()[rel]
        if rel == "deploys":
            # "sent troops to Haiti" deploys; "send aid items into Gaza" does not
            members = set(relation_types()["present_in"].get("members") or [])
            sent = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if sent is not None and sent.lower_ not in members:
                sent = next((p for p in self._prep_objects(sent, ["of"]) if p.lower_ in members), sent)  # "hundreds of troops"
            if sent is not None and sent.lower_ not in members and sent.i not in self.token_actor:
                return []
        subj_tok = self._clause_subject(verb)  # "Hamas, which is backed by Iran": Hamas
        # a relative pronoun's noun is the phrase's head, not a name inside its own clause
        # ("the project, which is financed by Norway": not Norway)
        relative = subj_tok is not None and subj_tok.i != getattr(self._subject(verb), "i", -1)
        pair = self._pair(doc, subj_tok) if subj_tok is not None else None
        # "the RSF, led by Daglo", "a militia backed by Iran": a participle with its agent is passive too
        reduced = verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)
        passive = (reduced or any(c.dep_ == "auxpass" for c in verb.children)) and not spec.get("symmetric")
        preps = spec.get("preps") or []
        if spec.get("objects"):
            # "signed an agreement with the US": the object must be an agreement word
            dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if dobj is None or dobj.lower_ not in (spec.get("objects") or []):
                return []
            others = self._prep_objects(dobj, preps) + self._prep_objects(verb, preps)
        elif preps:
            others = self._prep_objects(verb, preps)
            if not others and not spec.get("require_prep"):
                others = [c for c in verb.children if c.dep_ == "dobj"]
        else:
            others = [c for c in verb.children if c.dep_ == "dobj"]
        if passive:
            agent = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            if subj_tok is None or not agent:
                return []
            if reduced and subj_tok.dep_ == "pobj" and subj_tok.head.lower_ == "of":
                return []  # "the committee of the junta led by X": which of the two X leads is unsaid
            # a participle's noun is the phrase's head, not a name inside the participle's own clause
            b = self._phrase_actor(subj_tok) if reduced or relative else self._actor_of(subj_tok)
            # "attacked by the army and Wagner": each agent does it
            doers = [a for a in dict.fromkeys(self._actor_of(t) for t in (agent[0], *agent[0].conjuncts)) if a]
            return [(a, rel, b, False) for a in doers] if b else []
        words = spec.get("agreement_words")
        if words:
            subj = self._actor_of(subj_tok)
            deals = [o for o in others + [c for c in verb.children if c.dep_ == "dobj"]
                     if _deal_kind(o, words) or (o.i in self.token_actor and self.actors[self.token_actor[o.i]].type == "agreement")]
            if subj and deals:
                deal = deals[0]
                # a named agreement is its actor; "the truce" becomes one when its parties are known
                return [(subj, rel, self.token_actor.get(deal.i) or f"{_DEAL}{deal.i}", False)]
            return []
        # "Hamas and Fatah fought (each other)": together or against each other, the words do not say
        joint_ok = spec.get("joint_subject", True) or [o for o in others if not (o.lower_ in ("other", "another", "each", "one") and o.head.lower_ == "with")]
        if spec.get("symmetric") and joint_ok and subj_tok is not None and not any(c.dep_ == "neg" for c in verb.children):
            # "the ELN and the government agreed to resume talks": the subject's two parties
            joint = [a for t in (subj_tok, *subj_tok.conjuncts) if (a := self._phrase_actor(t)) is not None]
            joint = self._coordinated_modifiers(subj_tok) + joint  # "Hamas and Israeli troops clashed" parsed as one phrase
            joint = [a for a in dict.fromkeys(joint) if self.actors[a].type in ("organization", "person") or self.actors[a].kind == "country"]
            if len(joint) < 2 and subj_tok.lower_ in ("they", "we"):
                joint = self._joint_parties(subj_tok)  # "Hamas and Fatah said they had struck a deal"
            if len(joint) >= 2:
                return [(joint[0], rel, joint[1], False)]
        out: list[Found] = []
        if pair is not None and any(o.lower_ == "other" or o.lower_ == "each" for o in others + [c for c in verb.subtree]):
            if spec.get("symmetric") and joint_ok:
                return [(pair[0], rel, pair[1], False)]
        # "Peru and Chile condemned X", "attacked Peru and Chile": each one named in the coordination
        subjects = [self._phrase_actor(subj_tok) if relative and subj_tok is not None else self._actor_of(subj_tok)]
        subjects += self._conjoined(subj_tok, subject=True, rel=rel)
        kinds = spec.get("object_types")
        for o in self._with_conjuncts(others):
            for obj in dict.fromkeys((self._object_of(o, rel), self._accusers_own(o), self._named_beside(o, rel),
                                      *self._coordinated_objects(o))):
                if kinds and obj and self.actors[obj].type not in kinds and self.actors[obj].kind not in kinds:
                    continue
                for subj in dict.fromkeys(subjects):
                    if subj and obj and obj != subj:
                        out.append((subj, rel, obj, False))
        if not out and pair is not None and spec.get("symmetric") and joint_ok:
            out.append((pair[0], rel, pair[1], False))
        return out

    def _ending_with(self, doc: Doc, verb: Token) -> list[Found]:
        """ "X broke with Y", "X cut ties with Y": an ended alliance."""
        subj = self._actor_of(self._subject(verb))
        others = self._prep_objects(verb, ["with", "from"])
        return [(subj, "allied_with", o_id, True) for o in others if subj and (o_id := self._actor_of(o))]

    def _nominal(self, doc: Doc, noun: Token, rel: str) -> list[Found]:
        spec = relation_types()[rel]
        if noun.lower_ in ("connection", "relation") and noun.head.lower_ == "in" and not any(True for _ in noun.lefts):
            return []  # "in connection with", "in relation to": about, not a tie
        # "ties between A and B"; "fighting erupted between A and B": on the noun's verb
        holders = list(noun.children)
        if noun.dep_ == "compound" and noun.head.pos_ == "NOUN":
            holders += list(noun.head.children)  # "a prisoner exchange operation between A and B"
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
            holders += [c for c in noun.head.children if c.i > noun.i]
        for c in holders:
            if c.dep_ == "prep" and c.lower_ in ("between", "among"):
                objs = [p for p in c.children if p.dep_ == "pobj"]
                parties = []
                for p in objs:
                    parties.append(p)
                    parties.extend(x for x in p.conjuncts)
                if len(parties) == 1:
                    parties.extend(self._after_dashes(doc, parties[0]))  # "between A — an aside — and B"
                ids = [a for a in (self._actor_of(p) for p in parties) if a]
                if len(parties) == 1:
                    ids = self._coordinated_modifiers(parties[0]) + ids  # "between Hamas and Israeli forces" as one phrase
                if rel not in _PLACE_OBJECTS:
                    ids = [self._state_of_capital(a) for a in ids]  # "an exchange between Washington and Caracas"
                if len(set(ids)) >= 2:
                    return [(ids[0], rel, ids[1], False)]
                if len(parties) >= 2:
                    # "talks between the government and the rebels": the parties are named here, and one
                    # is not known; no other two actors of the clause stand in for them
                    return []
        # "B is under the protection of A"
        if noun.lower_ in [n.lower() for n in (spec.get("reverse_nouns") or [])]:
            of = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
            if of and noun.head.lower_ in ("under", "in", "enjoy", "enjoys"):
                verb = noun.head
                while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                    verb = verb.head
                protected = self._actor_of(self._subject(verb))
                protector = self._actor_of(of[0])
                if protected and protector:
                    return [(protector, rel, protected, False)]
        # "A's alliance with B", "A's protection of B"
        poss = next((c for c in noun.children if c.dep_ == "poss"), None)
        withs = self._prep_objects(noun, spec.get("noun_preps") or (["with", "to", "of", "for"] if not spec.get("symmetric") else ["with", "to"]))
        if poss is not None:
            a = self._actor_of(poss)
            # "A's alliance with B and C": each one named
            found = [(a, rel, b, False) for w in self._with_conjuncts(withs) if a and (b := self._object_of(w, rel))]
            if found:
                return list(dict.fromkeys(found))
        # "two Armenian troops died in fighting with Azerbaijani forces": who was in it fought
        if (spec.get("symmetric") and withs and noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during")
                and noun.head.head.pos_ == "VERB"):
            verb = noun.head.head
            a = self._actor_of(self._subject(verb))
            if rel != "fights" and any(c.dep_ == "auxpass" for c in verb.children):
                # "Carlos Ruiz was released by Zamora in a prisoner swap with Oren": the one swapped is no
                # party, the agent is (those killed in clashes were in them)
                a = next((self._actor_of(p) for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
            for w in withs:
                b = self._object_of(w, rel)
                if a and b and a != b:
                    return [(a, rel, b, False)]
        # "A keeps close ties with B", "the two organizations have forged family ties"
        head = noun.head
        # only verbs that carry the noun's meaning: "keeps ties", "is the leader of";
        # "captured a commander of the Brigades" says nothing of who leads them
        if noun.dep_ in ("dobj", "attr", "nsubj", "pobj") and head.pos_ in ("VERB", "AUX") and head.lemma_ in _SUPPORT_VERBS:
            subj_tok = self._subject(head)
            # "imposed sanctions on Iran": the noun's preposition may hang on the verb
            others = withs or self._prep_objects(head, ["with", "to", *(spec.get("noun_preps") or [])])
            pair = self._pair(doc, subj_tok) if subj_tok is not None else None
            if pair is not None and spec.get("symmetric"):
                return [(pair[0], rel, pair[1], False)]
            if noun.dep_ != "nsubj" and head.lemma_ not in (spec.get("receiving_verbs") or []):
                # ("X has the support of Y" is Y's backing of X: ``_support_from``)
                a = self._actor_of(subj_tok)
                # "imposed sanctions on A and B": each one named
                found = [(a, rel, b, False) for w in self._with_conjuncts(others) if a and (b := self._object_of(w, rel))]
                if found:
                    return list(dict.fromkeys(found))
        # the clause names exactly two parties and a symmetric tie between them (not for
        # "fighting", which names the parties it is between or nobody: "fears of renewed fighting")
        if spec.get("symmetric") and not spec.get("parties_named"):
            s, e = sentence_of(doc, noun.i)
            named: list[str] = []
            for i in range(s, e):
                a_id = self.token_actor.get(i)
                if a_id and self.actors[a_id].type in ("organization", CLASS_TYPE) and a_id not in named:
                    named.append(a_id)
            if len(named) == 2:
                return [(named[0], rel, named[1], False)]
        return []

    def _coordinated_objects(self, tok: Token) -> list[str]:
        """ "supporting the Zarda gang and Peru's Oren Cartel", parsed with "the Zarda gang and Peru" as a
        modifier of "Cartel": the named modifier that opens the coordination is an object of its own,
        when the object's head is itself a named organisation (``_coordinated_modifiers``)."""
        own = self.token_actor.get(tok.i)
        if own is None or self.actors[own].type != "organization":
            return []
        return [a for a in self._coordinated_modifiers(tok) if self.actors[a].type == "organization"]

    def _coordinated_modifiers(self, tok: Token) -> list[str]:
        """ "between al-Shabaab and Kenyan forces", parsed as one phrase with "al-Shabaab and Kenyan" as
        modifiers of "forces": the named modifier that opens the coordination is a party of its own
        (an organisation or a state, not the phrase's own actor)."""
        own = self.token_actor.get(tok.i)
        out: list[str] = []
        for c in tok.children:
            if c.dep_ not in ("compound", "nmod", "amod") or c.i > tok.i or not any(g.dep_ == "cc" for g in c.children):
                continue
            a = self.token_actor.get(c.i)
            if a is not None and a != own and self._agent(a) and self.actors[a].type != "person":
                out.append(a)
        return out

    @staticmethod
    def _after_dashes(doc: Doc, tok: Token) -> list[Token]:
        """ "between the M23 — one of dozens of armed groups — and the army": the phrase joined
        after an aside set off by dashes, which the parser hangs elsewhere."""
        s, e = sentence_of(doc, tok.i)
        # the aside follows the name itself, whether the parser hangs it on the name or not
        k = tok.i + 1 if tok.i + 1 < e and doc[tok.i + 1].text in ("—", "–", "--") else tok.right_edge.i + 1
        if k >= e or doc[k].text not in ("—", "–", "--"):
            return []
        close = next((j for j in range(k + 1, e) if doc[j].text == doc[k].text), None)
        if close is None or close + 2 >= e or doc[close + 1].lower_ != "and":
            return []
        # the head of the phrase after "and": its first word whose head lies before it
        for j in range(close + 2, e):
            t = doc[j]
            if t.head.i < close + 1 or t.head.i == t.i:
                return [t] if t.pos_ in ("NOUN", "PROPN") else []
        return []

    def _there_are(self, be: Token) -> list[Found]:
        """ "there are (no) foreign fighters in Afghanistan": present_in, affirmed or negated."""
        if not any(c.dep_ == "expl" and c.lower_ == "there" for c in be.children):
            return []
        out: list[Found] = []
        for attr in (c for c in be.children if c.dep_ in ("attr", "nsubj") and c.lower_ != "there"):
            # the thing present is the phrase's head ("Al Qaeda fighters"), not
            # something inside it ("a relationship between al-Qaeda and ...")
            what = self._head_actor(attr)
            if what is None or self.actors[what].type not in ("organization", CLASS_TYPE):
                continue
            places = self._prep_objects(attr, ["in", "inside", "across"]) + self._prep_objects(be, ["in", "inside", "across"])
            where = next((p_id for p in places if (p_id := self._actor_of(p)) and self.actors[p_id].type == "place"), None)
            negated = any(c.lower_ in ("no", "not") for c in attr.children) or any(c.dep_ == "neg" for c in be.children)
            out.append((what, "present_in", where, negated))
        return out

    def _presence(self, noun: Token) -> list[Found]:
        """ "the presence of foreign fighters (in Afghanistan)"."""
        of = self._prep_objects(noun, ["of"])
        what = self._head_actor(of[0]) if of else None
        if what is None or self.actors[what].type not in ("organization", CLASS_TYPE):
            return []
        places = self._prep_objects(noun, ["in", "inside"])
        where = next((p_id for p in places if (p_id := self._actor_of(p)) and self.actors[p_id].type == "place"), None)
        return [(what, "present_in", where, False)]

    # -- polarity and assertion ----------------------------------------------

    def _governor(self, tok: Token) -> Token:
        head = tok
        for _ in range(4):
            if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
                break
            head = head.head
        return head

    def _negated(self, doc: Doc, tok: Token, ending: frozenset[str]) -> bool:
        if any(c.dep_ == "neg" or c.lower_ in ("no", "never") for c in tok.children):
            return True
        gov = self._governor(tok)
        if gov.i != tok.i and any(c.dep_ == "neg" for c in gov.children):
            return True
        if self._failed(tok):
            return True
        # "cut ties with", "sever relations": the governing verb ends what the noun names
        # ("clashes broke out" begins them)
        return tok.pos_ == "NOUN" and gov.lemma_ in ending and not any(c.dep_ == "prt" and c.lower_ == "out" for c in gov.children)

    @staticmethod
    def _failed(tok: Token) -> bool:
        """ "failing to honour their commitments" honours none (``relations.yaml`` violates: failure_verbs)."""
        return tok.dep_ == "xcomp" and tok.head.lemma_ in (relation_types()["violates"].get("failure_verbs") or [])

    def _asserts_nothing(self, tok: Token) -> bool:
        """Questions, conditions, obligations and aims: "whether they met", "must cut ties",
        "to ensure that they cut ties", "agreed that they would break"."""
        gov = self._governor(tok)
        for t in (tok, gov, gov.head):
            if any(c.dep_ == "mark" and c.lower_ in _NO_ASSERTION_MARKS for c in t.children):
                return True
            # "only after the group withdrew", "only once they disarm": a condition, not an event
            marks = [c for c in t.children if c.dep_ == "mark"]
            if marks and any(x.lower_ == "only" for m in marks for x in (*m.children, *t.children, doc_prev(m))):
                return True
            if any(c.dep_ == "aux" and c.lower_ in _OBLIGATION_MODALS for c in t.children):
                return True
        head = gov
        for _ in range(4):
            if head.head.i == head.i:
                break
            if head.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _ASSERTED_MARKS for c in head.children):
                break  # "vowed enforcement, as Tehran rejects ...": a clause of its own, asserted
            head = head.head
            if head.lemma_ in _AIM_VERBS:
                return True
        return False
