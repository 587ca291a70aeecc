"""Actors in one document: named entities and gazetteer matches, resolved within the document.

The small English model makes mistakes an analyst would not: "Stoltenberg" as
an organisation after "Jens Stoltenberg", "London" as a city in "said London"
after "Douglas London", a title glued to a name ("Defense Lloyd Austin"). This
module fixes those with document-level rules:

* gazetteer matches override the model's spans and give a canonical name and kind;
* titles in front of a name become roles, and make the name a person;
* a bare surname goes to the full name introduced earlier; one actor keeps one type;
* appositions ("X, the coordinator of ...") and service clauses ("X, who served
  the CIA") become roles;
* collective references ("the insurgents") go to the only actor they can mean;
* a place is never a person (``data/places.yaml``), and a title-case headline
  makes no name the body does not write the same way;
* lower-case titles before a name ("CMA spokesman X", "Interior Ministry
  spokesperson X", "the head of Y, X") make a person with a role, the title's
  own words naming its organisation;
* acronyms join their names ("(NRC)", "NUG" for "National Unity Government");
* a state's institutions named by a description ("Sudan's army", "the Malian
  army", "the Saudi-led coalition") are organisations of that state
  (``data/institutions.yaml``), one per state and class;
* names the model misses or mislabels, by their own words (``data/actors.yaml``):
  a run of proper nouns ending in an organisation's head word ("the Varka
  Independence Organization", "Oreno Cartel"), names listed between dashes after
  a plural class noun ("two groups \u2013 X and Y \u2013"), a name before a lower-case
  facility noun ("Dara air base") or a gang/cartel noun, all-capital names among
  members ("representatives from ZNLA"), a seat for a presidency ("the Palace",
  only when the text says presidential), short names in brackets after a lower-case
  description ("the peacekeeping mission in Zamora (Minuza)"), a longer name the
  model found around a gazetteer alias ("Higher Security Council");
* kinds from descriptions around a name ("secret service X", "X fighters"), and
  diseases and peoples named after a place ("Kashmiris") are no actors.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from claimgraph import data as vocab
from claimgraph.data import load_yaml
from claimgraph.model import Actor, Role, name_key
from claimgraph.nlp.gazetteer import Entry, load_gazetteer
from claimgraph.nlp.places import Places, load_places
from claimgraph.nlp.util import indices_with, sentence_of

__all__ = ["TokMention", "ActorResolver", "LABEL_TYPES"]

LABEL_TYPES = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "LAW": "agreement",
}
# On a tie between labels of one name, the small model's place labels are the
# most reliable and its person labels on unknown one-word names the least.
_TYPE_RANK = {"place": 3, "organization": 2, "person": 1, "agreement": 0}
_LOCATIVE = {"in", "to", "from", "at", "near", "across", "outside", "inside", "into", "around", "via", "through"}
_STRIP_LEAD = vocab.words("actors.yaml", "strip_lead")  # "the former ..." is no part of a name


#: title words of a head of state or government: their demonym is the state they lead
_STATE_LEADER_WORDS = vocab.words("roles.yaml", "state_leader_words")
#: title words of a second in rank: "Zamoran Vice President" names no state leader
_DEPUTY_WORDS = vocab.words("roles.yaml", "deputy_words")
#: lower-case words that may open a title ("former", "acting", "self-styled")
_TITLE_MODIFIERS = vocab.words("roles.yaml", "title_modifiers")
#: verbs of a relative clause that give a role ("who has declared himself ...", "who was named ...")
_SELF_NAMING_VERBS = vocab.words("roles.yaml", "self_naming_verbs")
#: title words of a state's government: with no state named, the story's own state's
_GOVERNMENT_TITLE_WORDS = vocab.words("roles.yaml", "government_title_words")
#: nouns of an office's name: "Secretary of State" holds the "State Department"
_OFFICE_NOUNS = vocab.words("roles.yaml", "office_nouns")
#: "the secretary of the organization": the organisation named just before (relations.yaml the_group)
_BACK_REFERENCE_NOUNS = frozenset(load_yaml("relations.yaml")["the_group"]["nouns"])


def _office_words(words: list[str]) -> frozenset[str]:
    """The words that set an office apart: no joiner, title head, modifier or office noun."""
    _, joiners, honorifics, _, _ = _roles_vocab()
    skip = {w.lower() for w in joiners | honorifics | _title_heads()} | _TITLE_MODIFIERS | _DEPUTY_WORDS | _OFFICE_NOUNS
    out = set()
    for word in words:
        for w in re.split(r"[-\s]+", word.lower()):
            w = w.removesuffix("'s").removesuffix("\u2019s")
            if w and w not in skip and w not in ("'s", "\u2019s"):
                out.add(_spelling(w))
    return frozenset(out)


def _office_of_title(
    titles: list[Token], token_actor: dict[int, str], actors: dict[str, Actor], is_state: Callable[[str], bool]
) -> Actor | None:
    """The one office the document names that a title holds ("Secretary of State X" and "the State Department").

    The office's name is an office noun ("Department", "Ministry", "Office of
    the ...") with the title's own words: "Interior Minister" holds the "Interior
    Ministry", "High Commissioner for Refugees" the "Office of the High
    Commissioner for Refugees". Words of an actor inside the title ("UN") are no
    part of the office's, nor the state in front of the office's name ("US State
    Department").
    """
    wanted = _office_words([t.text for t in titles if t.i not in token_actor])
    if not wanted:
        return None
    found = []
    for actor in actors.values():
        if actor.type != "organization":
            continue
        words = actor.name.split()
        if not any(w.lower() in _OFFICE_NOUNS for w in words):
            continue
        if len(words) > 2 and is_state(words[0]):
            words = words[1:]
        if _office_words(words) == wanted:
            found.append(actor)
    return found[0] if len(found) == 1 else None


@dataclass
class TokMention:
    """A mention by token offsets, before it becomes a model.Mention."""

    start: int
    end: int
    actor: str
    label: str


@dataclass(frozen=True)
class _KindRule:
    kind: str
    words: tuple[tuple[str, ...], ...]
    last: frozenset[str]
    state: tuple[tuple[str, ...], ...]


@lru_cache(maxsize=1)
def _kind_rules() -> list[_KindRule]:
    """The rules of ``data/kinds.yaml``, in order, phrases split into words."""

    def phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(p.replace("\u2019", "'").split()) for p in items)

    return [
        _KindRule(r["kind"], phrases(r.get("words", [])), frozenset(r.get("last", [])), phrases(r.get("state", [])))
        for r in load_yaml("kinds.yaml")["kinds"]
    ]


@lru_cache(maxsize=1)
def _place_words() -> tuple[frozenset[str], tuple[str, ...]]:
    data = load_yaml("kinds.yaml")["places"]
    return frozenset(w.lower() for w in data["head"]), tuple(p.lower() + " " for p in data["lead"])


def _place_by_words(name: str) -> bool:
    """A name whose own words say place: "Line of Control", "Dara air base", "Gaza Strip"."""
    words = name.split()
    if len(words) < 2:
        return False
    heads, leads = _place_words()
    return words[-1].lower() in heads or name.lower().startswith(leads)


def _has_phrase(words: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(words[i : i + n]) == phrase for i in range(len(words) - n + 1))


@lru_cache(maxsize=1)
def _roles_vocab() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    return (
        vocab.words("roles.yaml", "title_words") | vocab.words("roles.yaml", "title_heads"),
        vocab.words("roles.yaml", "title_joiners"),
        vocab.words("roles.yaml", "honorifics"),
        frozenset(w.lower() for w in vocab.words("roles.yaml", "role_nouns")),
        vocab.words("roles.yaml", "service_verbs"),
    )


def _title_before(doc: Doc, start: int, lower_bound: int) -> tuple[int, list[Token]]:
    """Leftmost index of a title run ending just before ``start`` and its tokens."""
    title_words, joiners, _, _, _ = _roles_vocab()
    i = start - 1
    tokens: list[Token] = []
    while i >= lower_bound:
        tok = doc[i]
        if tok.text in title_words or (tok.text in joiners and i - 1 >= lower_bound and doc[i - 1].text in title_words):
            tokens.insert(0, tok)
            i -= 1
            continue
        break
    # a title never starts with a joiner, and needs a head ("US" alone is no title)
    while tokens and tokens[0].text in joiners:
        tokens.pop(0)
    if not any(t.text in _title_heads() for t in tokens):
        return (start, [])
    return (start - len(tokens), tokens)


@lru_cache(maxsize=1)
def _title_heads() -> frozenset[str]:
    return vocab.words("roles.yaml", "title_heads")


def _strip_span(span: Span) -> Span:
    """The span without leading articles and a trailing possessive or punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end - 1 and (doc[start].lower_ in _STRIP_LEAD or doc[start].is_punct):
        start += 1
    while end - 1 > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].text in ("'s", "\u2019s")):
        end -= 1
    return Span(doc, start, end, label=span.label, kb_id=span.kb_id)


# nouns of a state's things ("the government of Zamora", "Zamora's army")
_STATE_NOUNS = vocab.words("actors.yaml", "state_nouns")
# nouns of a place that name it by "of" ("the town of Oren")
_PLACE_NOUNS = vocab.words("actors.yaml", "place_nouns")


def _place_context(doc: Doc, span: Span) -> bool:
    """A name after "the town of" or "in" (not "in the ..."), where people and groups seldom stand."""
    i = span.start
    if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in _PLACE_NOUNS | _STATE_NOUNS:
        return True
    # "Zamora's army", "Zamora's government": a country's institutions
    if span.end + 1 < len(doc) and doc[span.end].tag_ == "POS" and doc[span.end + 1].lower_ in _STATE_NOUNS:
        return True
    # "the Varka province"
    if span.end < len(doc) and doc[span.end].lower_ in _REGION_NOUNS and doc[span.end].text.islower():
        return True
    return len(span) <= 2 and i >= 1 and doc[i - 1].lower_ in ("in", "across", "inside", "near")


_BIG_CITY = 500_000
# a one-name "person" that is a city this big is the city
_PERSON_CITY = 50_000
# words after a province's name: lower-case ones are not part of the name ("Khost province"),
# capitalised ones are ("Kursk Oblast", "Borno State")
_REGION_NOUNS = vocab.words("actors.yaml", "region_nouns")


def _proper(tok: Token) -> bool:
    """A capitalised proper noun (or a capitalised word of an all-caps headline)."""
    return tok.text[:1].isupper() and tok.tag_ in ("NNP", "NNPS") and tok.is_alpha


def _locative_before(doc: Doc, i: int) -> bool:
    if i >= 1 and doc[i - 1].lower_ in ("in", "near", "outside", "inside", "from", "to", "at"):
        return True
    return i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in _PLACE_NOUNS


def _strip_place_noun(span: Span) -> Span:
    """ "Khost province" -> "Khost": a trailing lower-case province word is no part of the name."""
    end = span.end
    while end - 1 > span.start and span.doc[end - 1].lower_ in _REGION_NOUNS and span.doc[end - 1].text.islower():
        end -= 1
    if end == span.end:
        return span
    return Span(span.doc, span.start, end, label="GPE")


def _split_possessive(span: Span, places: Places) -> list[Span]:
    """ "Kivu Province's Oren", "Zamora's Defence Headquarters": the place and what is in it, two names.

    Only when the owner is a place: "New People's Army" is one name.
    """
    doc = span.doc
    for k in range(span.start + 1, span.end - 1):
        if doc[k].tag_ == "POS" and doc[k + 1].text[:1].isupper():
            owner_text = doc[span.start : k].text
            if not (places.kind(owner_text) or doc[k - 1].lower_ in _PLACE_NOUNS):
                return [span]
            owner = Span(doc, span.start, k, label="GPE" if span.label_ in ("GPE", "LOC", "FAC") else span.label_)
            return [owner, Span(doc, k + 1, span.end, label=span.label_)]
    return [span]


@lru_cache(maxsize=1)
def _institution_classes() -> dict[str, Any]:
    classes: dict[str, list[list[str]]] = {
        c: [p.split() for p in phrases] for c, phrases in vocab.word_lists("institutions.yaml", "classes").items()
    }
    nouns = {p[-1] for phrases in classes.values() for p in phrases}
    return {"classes": classes, "nouns": frozenset(nouns), "qualifiers": vocab.words("institutions.yaml", "qualifiers")}


def _institution_class(words: list[str], classes: dict[str, Any]) -> str | None:
    """The class of an institution from its words ("armed forces" -> military, "foreign ministry" -> foreign ministry)."""
    lower = [w.lower() for w in words]
    best: tuple[int, str] | None = None
    for cls, phrases in classes["classes"].items():
        for p in phrases:
            n = len(p)
            if n <= len(lower) and lower[len(lower) - n :] == p and (best is None or n > best[0]):
                best = (n, cls)
    if best is None:
        return None
    cls = best[1]
    if cls == "ministry":
        # a ministry is told apart by its qualifier: the foreign ministry is not the health ministry
        quals = [w for w in lower[:-1] if w not in ("the",)]
        return "ministry:" + " ".join(quals[-1:])
    return cls


# nouns that make a title's words an organisation ("Interior Ministry spokesman")
_ORG_NOUNS = vocab.words("actors.yaml", "org_nouns")
# nouns after a one-word name that make it a person's ("the Reyes administration", "the Lopez campaign")
_CAMPAIGN_NOUNS = vocab.words("actors.yaml", "campaign_nouns")
# "Saudi-led coalition", "Houthi-run ministry": the state before the hyphen runs the institution
_STATE_LED = vocab.words("actors.yaml", "state_led")
#: "Zamoran-backed rebels": an armed group named by the state behind it
_BACKING_PARTICIPLES = vocab.words("actors.yaml", "backing_participles")
_BACKED_GROUP_NOUNS = vocab.words("actors.yaml", "backed_group_nouns")
#: "the UN refugee agency": a body named by its parent and what it does
_BODY_NOUNS = vocab.words("actors.yaml", "body_nouns")
# a lower-case organisation noun in a title, and the kinds of the one organisation it can mean
_TITLE_NOUN_KINDS = vocab.word_lists("actors.yaml", "title_noun_kinds")
# lower-case words inside a person's name ("Omar al Bashir", "Ana de la Cruz")
_NAME_PARTICLES = vocab.words("actors.yaml", "name_particles")


def _name_token(tok: Token) -> bool:
    """A word of a person's name: a capitalised proper noun, or a particle inside one ("al", "bin")."""
    if tok.text[:1].isupper() and tok.tag_ in ("NNP", "NNPS") and not tok.is_punct:
        return True
    doc = tok.doc
    if tok.text in ("-", "'", "\u2019") and not tok.whitespace_ and tok.i >= 1 and not doc[tok.i - 1].whitespace_:
        # "Lopez-Ferrer", "O'Neill"
        return tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper()
    return tok.lower_ in _NAME_PARTICLES and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text[:1].isupper()


def _title_part(tok: Token) -> bool:
    """A word that can stand in a title before its role noun ("Afghan Taliban", "the KRC's Zamora country")."""
    if tok.text in ("'", "\u2019") and tok.dep_ == "case":
        return True  # "the Houthis' spokesman": a plural's apostrophe the tagger may take for a quote
    if tok.is_punct and tok.text not in ("-",):
        return False
    if tok.lower_ in _TITLE_MODIFIERS:
        return True
    return tok.tag_ in ("NN", "NNS", "NNP", "NNPS", "JJ", "POS", "HYPH", "VBN") and tok.lower_ not in ("said", "says")


_SPELLINGS = vocab.names("actors.yaml", "spellings")


def _spelling(key: str) -> str:
    """A name key with British spellings made American: "ministry of defence" = "ministry of defense"."""
    return " ".join(_SPELLINGS.get(w, w) for w in key.split())


# words of a name that give no initial ("Kivu Council of Elders" -> KCE)
_INITIAL_SKIP = vocab.words("actors.yaml", "initial_skip")
#: head words of an organisation's name the model may leave unlabelled ("... Independence Organization")
_ORG_HEADS = vocab.words("actors.yaml", "org_heads")
_ORG_NAME_JOINERS = vocab.words("actors.yaml", "org_name_joiners")
_COMPLEMENT_HEADS = vocab.words("actors.yaml", "complement_heads")
#: lower-case facility nouns after a name that make it a place ("Dara air base", "the Oren camp")
_FACILITY_NOUNS = tuple(sorted((tuple(p.split()) for p in vocab.phrases("actors.yaml", "facility_nouns")), key=len, reverse=True))
#: lower-case words before a name that give its kind ("secret service X", "state broadcaster X")
_DESCRIPTOR_KINDS = {
    kind: tuple(tuple(p.split()) for p in items) for kind, items in vocab.word_lists("actors.yaml", "descriptor_kinds").items()
}
_DESCRIPTOR_LAST = frozenset(p[-1] for phrases in _DESCRIPTOR_KINDS.values() for p in phrases)
_LIST_ORG_NOUNS = vocab.words("actors.yaml", "list_org_nouns")
_LIST_PLACE_NOUNS = vocab.words("actors.yaml", "list_place_nouns")
_LIST_NOUNS = _LIST_ORG_NOUNS | _LIST_PLACE_NOUNS
_FACILITY_FIRSTS = frozenset(p[0] for p in _FACILITY_NOUNS)
#: diseases and the like: no actor whatever the model says ("COVID-19")
_NOT_ACTOR_NAMES = vocab.words("actors.yaml", "not_actor_names")
_TERRITORY_HEADS = vocab.words("actors.yaml", "territory_heads")
_MEMBER_NOUNS = vocab.words("actors.yaml", "member_nouns")
_ARMED_MEMBER_NOUNS = vocab.words("actors.yaml", "armed_member_nouns")
#: seats that stand for a government ("the Palace") and the words the document must have for it
_SEATS = vocab.word_lists("actors.yaml", "seats")
_SEAT_VETOES = vocab.words("actors.yaml", "seat_vetoes")
_GROUP_NAME_NOUNS = vocab.words("actors.yaml", "group_name_nouns")
_SEAT_TITLE_WORDS = vocab.words("actors.yaml", "seat_title_words")
_ARMED_GROUP_NOUNS = vocab.words("actors.yaml", "armed_group_nouns")
#: the openers of a list set off after a plural noun, and their closers
_LIST_BRACKETS = {"\u2013": "\u2013", "\u2014": "\u2014", "(": ")", "-": "-", "--": "--"}


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name.replace("\u2019", "'")) if w and w.lower() not in _INITIAL_SKIP]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def _join_initials(actors: dict[str, Actor], mentions: list[TokMention], token_actor: dict[int, str]) -> None:
    """ "NUG" and "National Unity Government", "PDF" and "People's Defense Force": one actor.

    An organisation named by an all-capital word is the one organisation of the
    document whose capitalised words have exactly those initials.
    """
    orgs = [a for a in actors.values() if a.type == "organization"]
    for short in orgs:
        acr = short.name.replace(".", "")
        if not (2 <= len(acr) <= 6 and acr.isalpha() and acr.isupper()):
            continue
        longs = [
            a for a in orgs
            if a is not short and len(a.name.split()) >= 2 and _initials(a.name) == acr and all(
                w[0].isupper() for w in a.name.split() if w.lower() not in _INITIAL_SKIP
            )
        ]
        if len(longs) != 1:
            continue
        _merge_into(short, longs[0], actors, mentions, token_actor)


def _merge_into(short: Actor, target: Actor, actors: dict[str, Actor], mentions: list[TokMention], token_actor: dict[int, str]) -> None:
    """``short`` is ``target`` under another name: its names, mentions, tokens and the roles held
    in it go to ``target``, and it is no actor of its own any more."""
    for alias in (short.name, *short.aliases):
        target.add_alias(alias)
    for m in mentions:
        if m.actor == short.id:
            m.actor = target.id
    for k, v in list(token_actor.items()):
        if v == short.id:
            token_actor[k] = target.id
    for a in actors.values():
        for role in a.roles:
            if role.organization == short.id:
                role.organization, role.organization_name = target.id, target.name
    del actors[short.id]


def _headline_names(doc: Doc, spans: list[Span], places: Places) -> list[Span]:
    """Names in a title-case headline, checked against the body ("Colombia Kills ELN Guerrillas").

    Headline capitals are no evidence of a name: a span the model found there
    stands only as far as the body writes it the same way (the longest run of
    its words that the body has), unless a list (gazetteer, places) knows it.
    """
    if not len(doc):
        return spans
    first_end = sentence_of(doc, 0)[1]
    words = [t for t in doc[:first_end] if t.is_alpha]
    if len(words) < 3 or sum(t.text[:1].isupper() for t in words) < 0.6 * len(words):
        return spans
    body = doc[first_end:].text
    if len(body) < 200:
        return spans  # a headline alone, or a short text: nothing to check against
    out = []
    for span in spans:
        if span.end > first_end or span.kb_id_ or places.kind(span.text):
            out.append(span)
            continue
        kept = None
        for n in range(len(span), 0, -1):
            for i in range(span.start, span.end - n + 1):
                part = doc[i : i + n]
                if not part[0].text[:1].isupper():
                    continue
                if places.kind(part.text):
                    kept = Span(doc, i, i + n, label="GPE")  # "Colombia" of "Colombia Kills"
                    break
                if re.search(r"(?<!\w)" + re.escape(part.text) + r"(?!\w)", body):
                    kept = Span(doc, i, i + n, label=span.label_)
                    break
            if kept is not None:
                break
        if kept is not None:
            out.append(kept)
    return out


def _seats(doc: Doc, taken: set[int]) -> list[Span]:
    """ "The Palace rejected the offer on Tuesday": a seat standing alone ("the Palace", not "the
    Palace of Justice" or "Oren Palace") is an organisation, the government it houses, when the
    document has a word that says whose ("presidential") and none of a royal household."""
    out: list[Span] = []
    for k in indices_with(doc, _SEATS):
        tok = doc[k]
        if k in taken or not tok.text[:1].isupper() or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        after = doc[k + 1] if k + 1 < len(doc) else None
        if after is not None and (after.lower_ == "of" or (after.text[:1].isupper() and after.is_alpha)):
            continue
        if not (k >= 1 and doc[k - 1].lower_ == "the") and sentence_of(doc, k)[0] != k:
            continue
        if not indices_with(doc, _SEATS[tok.lower_]) or indices_with(doc, _SEAT_VETOES):
            continue
        out.append(Span(doc, k, k + 1, label="ORG"))
    return out


def _joint_bodies(doc: Doc, actors: dict[str, Actor], mentions: list[TokMention], token_actor: dict[int, str]) -> None:
    """ "the JRP, which is a joint panel of the UN and the AU", "the force, a joint mission of the AU
    and the UN": an organisation of no kind that the text calls a joint body of two or more
    intergovernmental organisations is intergovernmental too."""
    for m in mentions:
        actor = actors[m.actor]
        k = m.end
        if actor.type != "organization" or actor.kind is not None or k + 3 >= len(doc) or doc[k].text != ",":
            continue
        k += 1
        if doc[k].lower_ in ("which", "that") and doc[k + 1].lemma_ == "be":
            k += 2
        if doc[k].lower_ not in ("a", "an"):
            continue
        end = k
        while end < len(doc) and end - k < 14 and doc[end].text not in (",", ".", ";", "\u2013", "\u2014"):
            end += 1
        if not any(t.lower_ == "joint" for t in doc[k:end]):
            continue
        parents = {token_actor[i] for i in range(k, end) if i in token_actor} - {actor.id}
        if len(parents) >= 2 and all(actors[p].kind == "intergovernmental" for p in parents if p in actors):
            actor.kind = "intergovernmental"


def _surnames(spans: list[Span]) -> set[str]:
    """The last words of the names of two words or more the model called persons."""
    return {s[-1].text for s in spans if s.label_ == "PERSON" and len(s) >= 2}


def _seat_titles(actors: dict[str, Actor]) -> None:
    """ "Presidential Spokesperson Ana Cruz" with "the Palace" an organisation of the document (``_seats``):
    a title of no organisation with a word of the seat's holder ("presidential") is the seat's."""
    seats = [a for a in actors.values() if a.type == "organization" and a.name.lower() in _SEATS and a.kind == "government"]
    if len(seats) != 1:
        return
    seat = seats[0]
    for actor in actors.values():
        if actor.type != "person":
            continue
        for role in actor.roles:
            if role.organization is None and {w.lower() for w in role.title.split()} & _SEAT_TITLE_WORDS:
                role.organization, role.organization_name = seat.id, seat.name


def _described_as_organization(span: Span) -> bool:
    """ "the militant group Zarda", "the news agency Varta": a name right after a description of an
    organisation's kind (not "broadcaster", which may be a person's trade)."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ not in _DESCRIPTOR_LAST:
        return False
    for phrases in _DESCRIPTOR_KINDS.values():
        for p in phrases:
            n = len(p)
            if p == ("broadcaster",) or span.start < n + 1:
                continue
            before = doc[span.start - n : span.start]
            if tuple(t.lower_ for t in before) == p and all(t.is_lower for t in before) and doc[span.start - n - 1].lower_ in (
                "the", "a", "an", "'s", "\u2019s"
            ):
                return True
    return False


def _member_context(span: Span) -> bool:
    """An all-capital name with members around it: "representatives from MZLA", "MZLA fighters"."""
    doc = span.doc
    text = span.text.replace("-", "")
    if len(span) > 3 or not (2 <= len(text) <= 8 and text.isalnum() and text.isupper()):
        return False
    if span.end < len(doc) and doc[span.end].is_lower and doc[span.end].lower_ in _MEMBER_NOUNS:
        return True
    i = span.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ not in ("from", "of"):
        return False
    # "five representatives from X, seven from Y": the noun may stand one clause back
    back = doc[max(sentence_of(doc, i)[0], i - 8) : i]
    return any(t.lower_ in _MEMBER_NOUNS and t.is_lower for t in back)


def _person_by_relative(span: Span, org_kind: Callable[[str], str | None]) -> bool:
    """ "Tomas Reyes, who was 47 at the time": a name of two or three capitalised words with no
    word of an organisation's (``org_kind`` of its text is None), followed by ", who", is a person's."""
    doc = span.doc
    if not 2 <= len(span) <= 3 or span.end + 1 >= len(doc):
        return False
    if doc[span.end].text != "," or doc[span.end + 1].lower_ != "who":
        return False
    return all(t.is_alpha and t.text[:1].isupper() and t.lower_ not in _ORG_HEADS for t in span) and org_kind(span.text) is None


def _is_name_like(span: Span) -> bool:
    return any(t.text[:1].isupper() for t in span) and not all(t.is_stop or t.is_punct for t in span)


class ActorResolver:
    """Finds the actors of a document and resolves their mentions (the ``claimgraph_actors`` component)."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.gazetteer = load_gazetteer()
        self.places = load_places()
        self._kinds: dict[tuple[str, str], str | None] = {}

    # -- entity spans ------------------------------------------------------

    def _entity_spans(self, doc: Doc) -> list[Span]:
        gaz = self.gazetteer.match(self.nlp, doc)
        model: list[Span] = []
        for e in doc.ents:
            if e.label_ in LABEL_TYPES:
                model.extend(_split_possessive(_strip_place_noun(e), self.places))
        # Gazetteer spans win over overlapping model spans, except where the
        # model saw a longer name around them ("the Afghan Taliban" stays one).
        gaz = self._longer_model_names(doc, filter_spans(gaz), model)
        taken: set[int] = set()
        for s in gaz:
            taken.update(range(s.start, s.end))
        out = list(gaz)
        # names whose own words say what they are win over the model's labels inside them
        for s in self._named_by_words(doc, taken, model):
            out.append(s)
            taken.update(range(s.start, s.end))
        for e in model:
            if any(i in taken for i in range(e.start, e.end)):
                continue
            if any(t.text in _NOT_ACTOR_NAMES for t in e) and _strip_span(e).text in _NOT_ACTOR_NAMES:
                continue  # "COVID-19": a disease
            out.append(e)
            taken.update(range(e.start, e.end))
        out.extend(self._known_places(doc, taken))
        return self._described_acronyms(doc, self._acronyms(doc, sorted(out, key=lambda s: s.start)))

    def _acronyms(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """ "Kivu Relief Council (KRC)": the name and its acronym, wherever it recurs, are one actor.

        The name is the shortest run of words before the parenthesis whose
        initials (all letters of an all-capital word: "UN") hold every letter of
        the acronym ("UN Mission in Zamora (UNMIZ)"). Its spans replace
        the model's inside it; the acronym's spans carry the name as kb_id's
        stand-in, read back when actors are grouped (``doc.user_data``).
        """
        found: dict[str, Span] = {}
        for k in indices_with(doc, ("(",)):
            if k + 2 >= len(doc) or doc[k + 2].text != ")":
                continue
            acr = doc[k + 1].text
            if not (2 <= len(acr) <= 8 and acr.isalpha() and sum(c.isupper() for c in acr) >= max(2, len(acr) - 1)):
                continue
            end = k - 1 if k >= 1 and doc[k - 1].tag_ == "POS" else k
            start = None
            capitals = 0
            letters: set[str] = set()
            i = end - 1
            while i >= 0 and end - i <= 10:
                tok = doc[i]
                if tok.text[:1].isupper() and tok.is_alpha:
                    letters |= set(tok.text) if tok.text.isupper() else {tok.text[0]}
                    capitals += 1
                    # every letter of the acronym, and as many words as it has letters, two at least
                    # ("Eastern Shield Army (ESA)")
                    if set(acr.upper()) <= letters and capitals >= min(len(acr), 2):
                        start = i
                        break
                elif not (
                    tok.lower_ in _INITIAL_SKIP
                    or tok.lower_ in ("'s", "\u2019s")
                    or tok.text == "-"
                ):
                    break
                i -= 1
            if start is None or end - start < 2:
                continue
            if self.gazetteer.lookup(acr) or any(s.kb_id_ and s.start <= start and s.end >= end for s in spans):
                continue  # the gazetteer knows the name or the acronym
            found[acr] = Span(doc, start, end, label="ORG")
        if not found:
            return spans
        longs = list(found.values())
        new: list[Span] = list(longs)
        taken = {t for sp in longs for t in range(sp.start, sp.end)}
        for k, tok in enumerate(doc):
            if tok.text in found and k not in taken:
                new.append(Span(doc, k, k + 1, label="ORG"))
                taken.add(k)
        doc.user_data["cg_acronyms"] = {name_key(a): name_key(sp.text) for a, sp in found.items()}
        kept = [s for s in spans if not any(t in taken for t in range(s.start, s.end))]
        return sorted(kept + new, key=lambda s: s.start)

    def _described_acronyms(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Short names in brackets after a lower-case description.

        "the national reconciliation committee (NRC)": the lower-case words whose
        initials spell the acronym, ending in an organisation's head word, are its
        name. "the peacekeeping mission stationed in Zamora (Minuza)": one
        capitalised word after a description that gives a kind ("peacekeeping
        mission") names an organisation of that kind
        (``doc.user_data["cg_described_kinds"]``). Either name, wherever it
        recurs, is that organisation.
        """
        acronyms: dict[str, str] = doc.user_data.get("cg_acronyms", {})
        longs: list[Span] = []
        shorts: dict[str, str] = {}  # text of the bracketed name -> key of its long name
        kinds: dict[str, str] = {}
        for k in indices_with(doc, ("(",)):
            if k < 3 or k + 2 >= len(doc) or doc[k + 2].text != ")":
                continue
            word = doc[k + 1]
            text = word.text
            if not (word.is_alpha and text[:1].isupper() and 2 <= len(text) <= 10) or name_key(text) in acronyms:
                continue
            if any(s.kb_id_ and s.start <= k + 1 < s.end for s in spans) or self.places.kind(text) or self.gazetteer.lookup(text):
                continue
            if text in _surnames([s for s in spans if s.label_ == "PERSON"]):
                continue  # "(Lopez)" after "Maria Lopez": a person
            long = self._lower_case_long_name(doc, k, text) if text.isupper() else None
            if long is not None:
                longs.append(long)
                shorts[text] = name_key(long.text)
                continue
            kind = self._description_kind_before(doc, k)
            if kind is not None:
                kinds[name_key(text)] = kind
                shorts[text] = name_key(text)
        if not shorts:
            return spans
        new: list[Span] = list(longs)
        taken = {t for sp in longs for t in range(sp.start, sp.end)}
        for k in indices_with(doc, [t.lower() for t in shorts]):
            if doc[k].text in shorts and k not in taken:
                new.append(Span(doc, k, k + 1, label="ORG"))
                taken.add(k)
        doc.user_data["cg_acronyms"] = {**acronyms, **{name_key(t): key for t, key in shorts.items() if name_key(t) != key}}
        if kinds:
            doc.user_data["cg_described_kinds"] = kinds
        kept = [s for s in spans if not any(t in taken for t in range(s.start, s.end))]
        return sorted(kept + new, key=lambda s: s.start)

    @staticmethod
    def _lower_case_long_name(doc: Doc, paren: int, acr: str) -> Span | None:
        """ "the national reconciliation committee (NRC)": the lower-case words before the bracket
        whose initials spell ``acr``, ending in an organisation's head word, after "the"."""
        end = paren
        if doc[end - 1].lower_ not in _ORG_HEADS or not doc[end - 1].is_lower:
            return None
        letters = ""
        i = end - 1
        while i >= 0 and end - i <= 12:
            tok = doc[i]
            if tok.lower_ in _INITIAL_SKIP or tok.text == "-":
                i -= 1
                continue
            if not (tok.is_alpha and tok.is_lower):
                return None
            letters = tok.text[0].upper() + letters
            if letters == acr:
                if i >= 1 and doc[i - 1].lower_ == "the" and doc[i].lower_ not in _INITIAL_SKIP:
                    return Span(doc, i, end, label="ORG")
                return None
            if not acr.endswith(letters):
                return None
            i -= 1
        return None

    @staticmethod
    def _description_kind_before(doc: Doc, paren: int) -> str | None:
        """The kind a description gives, "the peacekeeping mission stationed in Zamora" before a bracket,
        found within the sentence's last dozen words before it; none if more than one kind is there."""
        sent_start = sentence_of(doc, paren)[0]
        low = max(sent_start, paren - 12)
        found = set()
        for kind, phrases in _DESCRIPTOR_KINDS.items():
            for p in phrases:
                n = len(p)
                for i in range(low, paren - n + 1):
                    if i >= 1 and doc[i - 1].lower_ == "the" and tuple(t.lower_ for t in doc[i : i + n]) == p:
                        if all(t.is_lower for t in doc[i : i + n]):
                            found.add(kind)
        return found.pop() if len(found) == 1 else None

    def _longer_model_names(self, doc: Doc, gaz: list[Span], model: list[Span]) -> list[Span]:
        """Gazetteer spans less those inside a longer name the model found that is another actor.

        "the Higher Security Council": capitalised words no list knows before
        an alias ("Security Council") make another organisation; "Zamora
        Television": a state's name before words of a media, NGO or armed
        group's name is part of that name. "the US Treasury Department":
        a state's name before its own organisation's alias is that
        organisation's name, written longer.
        """
        if not gaz:
            return gaz
        drop: set[tuple[int, int]] = set()
        widen: dict[tuple[int, int], Span] = {}
        cores: list[tuple[Span, Span]] | None = None
        gaz_tokens = {i for g in gaz for i in range(g.start, g.end)}
        for m in model:
            if m.label_ != "ORG" or len(m) < 2 or not any(i in gaz_tokens for i in range(m.start, m.end)):
                continue
            ms = _strip_span(m)
            if cores is None:
                cores = [(g, _strip_span(g)) for g in gaz]
            inside = [(g, c) for g, c in cores if ms.start <= c.start and c.end <= ms.end and len(c) < len(ms)]
            if not inside or any(c.start < ms.end and c.end > ms.start and (g, c) not in inside for g, c in cores):
                continue
            entries = [self.gazetteer.by_name[g.kb_id_] for g, _ in inside]
            last = inside[-1][0]
            if entries[-1].type == "organization" and inside[-1][1].end == ms.end and inside[0][1].start == ms.start and (
                len(inside) == 2 and entries[0].type == "place" and inside[0][1].end == inside[1][1].start
                and self.places.country_of(entries[0].name)
                and self.gazetteer.lookup(entries[1].name.split()[0]) is entries[0]
            ):
                # "the US Treasury Department": the state's own organisation, written with the state
                widen[(inside[0][0].start, inside[0][0].end)] = Span(doc, ms.start, ms.end, label=last.label_, kb_id=last.kb_id_)
                drop.add((last.start, last.end))
                continue
            if (
                len(inside) == 1 and entries[0].type == "organization" and inside[0][1].start == ms.start
                and inside[0][1].end == ms.end - 1 and doc[ms.end - 1].lower_ in _OFFICE_NOUNS
                and doc[ms.end - 1].text[:1].isupper()
            ):
                # "the Zamoran Treasury Department" after an alias "Zamoran Treasury": the same body
                widen[(last.start, last.end)] = Span(doc, ms.start, ms.end, label=last.label_, kb_id=last.kb_id_)
                continue
            if len(inside) != 1:
                continue
            g, entry = inside[0][1], entries[0]
            rest = doc[g.end : ms.end]
            lead = doc[ms.start : g.start]
            if (entry.type == "place" and g.start == ms.start and len(rest) and all(t.text[:1].isupper() for t in rest)
                    and doc[ms.end - 1].lower_ not in _COMPLEMENT_HEADS):  # "US Environmental Protection Agency": the state's
                if self._kind_for(ms.text, "organization") in ("media", "ngo", "armed_group"):
                    drop.add((inside[0][0].start, inside[0][0].end))  # "Zamora Television"
            elif entry.type == "organization" and g.end == ms.end and len(lead) and all(
                t.is_alpha and t.text[:1].isupper() and not self._is_state(t.text) and not self.places.kind(t.text)
                and t.text not in _title_heads()
                for t in lead
            ):
                drop.add((inside[0][0].start, inside[0][0].end))  # "Higher Security Council" is not the UN's
        if not drop and not widen:
            return gaz
        return [widen.get((g.start, g.end), g) for g in gaz if (g.start, g.end) not in drop]

    def _named_by_words(self, doc: Doc, taken: set[int], model: list[Span]) -> list[Span]:
        """Names whose own words say what they are, which the model missed or mislabelled:
        lists after a plural class noun, names ending in an organisation's head word, and
        names before a facility noun. None overlaps ``taken`` (the gazetteer's)."""
        stripped = [_strip_span(m) for m in model]
        found = self._listed_names(doc, taken) + self._headed_names(doc, taken, stripped)
        found += self._facility_names(doc, taken, stripped)
        found += self._armed_group_names(doc, taken, stripped)
        found += _seats(doc, taken)
        if not found:
            return []
        return [s for s in filter_spans(found) if not any(t in taken for t in range(s.start, s.end))]

    def _headed_names(self, doc: Doc, taken: set[int], model: list[Span]) -> list[Span]:
        """ "Members of the Varka Liberation Organization", "Zamora's Blue River Cartel": a run of
        capitalised proper nouns ending in an organisation's head word is an organisation's name.

        The name runs on over "of"/"for" (the) and capitalised words ("Coordination
        Council for the Return of Displaced Families"). The model's own span stands
        where it reaches outside this one ("the Army of Zamora's Liberation").
        """
        out: list[Span] = []
        n = len(doc)
        for k in indices_with(doc, _ORG_HEADS):
            if k in taken or not _proper(doc[k]):
                continue
            start = k
            while start - 1 >= 0 and start - 1 not in taken and k - start < 7:
                if _proper(doc[start - 1]):
                    start -= 1
                elif (doc[start - 1].lower_ in ("and", "&") and start - 2 >= 0 and start - 2 not in taken
                      and _proper(doc[start - 2]) and start < k):
                    start -= 2  # "Savings and Loan Association"
                elif (doc[start - 1].text == "-" and start - 2 >= 0 and start - 2 not in taken and not doc[start - 1].whitespace_
                      and not doc[start - 2].whitespace_ and doc[start - 2].text[:1].isupper()):
                    start -= 2  # "Self-Defense Forces"
                elif doc[start - 1].text == "\n" and start - 2 >= 0 and start - 2 not in taken and (
                        doc[start - 2].lower_ in ("and", "&") or _proper(doc[start - 2])):
                    start -= 1  # a name broken by a wrapped line
                else:
                    break
            if start == k:
                continue  # one word ("Army units") is too little
            if start >= 1 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_:
                continue  # a part of a compound the run could not take
            end = k + 1
            while end < n and doc[end].lower_ in _ORG_NAME_JOINERS and doc[k].lower_ in _COMPLEMENT_HEADS:
                m = end + 1
                if m < n and doc[m].lower_ == "the":
                    m += 1
                j = m
                while j < n and j not in taken and j - m < 4 and _proper(doc[j]):
                    j += 1
                if j == m:
                    break
                end = j
            if end < n and _proper(doc[end]) and end not in taken:
                continue  # the name runs on past the head: not one this rule can bound
            span = Span(doc, start, end, label="ORG")
            if any(
                ms.start < span.end and ms.end > span.start and (ms.start < span.start or ms.end > span.end)
                for ms in model
            ):
                continue
            out.append(span)
        return out

    def _facility_names(self, doc: Doc, taken: set[int], model: list[Span]) -> list[Span]:
        """ "a strike on Dara air base", "the overcrowded Oren camp": a name before a lower-case
        facility noun is a place, named with the noun ("Dara air base"); the bare name, where the
        model calls it no place, and the name with another facility noun are the same place
        (``doc.user_data["cg_facilities"]``). Not a known place's ("Zamora airport" is not the
        city of Zamora)."""
        out: list[Span] = []
        keys: dict[str, str] = {}
        n = len(doc)
        ends: dict[int, Span] | None = None
        for k in indices_with(doc, _FACILITY_FIRSTS):
            if k < 1 or k in taken or not doc[k].is_lower or not doc[k - 1].text[:1].isupper():
                continue
            if ends is None:
                ends = {m.end: m for m in model}  # the model's names, stripped
            phrase = next(
                (p for p in _FACILITY_NOUNS  # the longest first
                 if tuple(t.lower_ for t in doc[k : k + len(p)]) == p and all(t.is_lower for t in doc[k : k + len(p)])),
                None,
            )
            if phrase is None or (k + len(phrase) < n and doc[k + len(phrase)].pos_ in ("NOUN", "PROPN")):
                continue  # "the Dara camp commander": the head is further on
            if k - 1 in taken:
                continue  # a known actor's: "the Zamora army base"
            named = ends.get(k)
            if named is not None and named.label_ == "ORG":
                continue  # "the Zarda base": an organisation's, no place of that name
            if named is not None and named.label_ in LABEL_TYPES:
                start = named.start
            else:
                start = k
                while start - 1 >= 0 and k - start < 3 and start - 1 not in taken and _name_token(doc[start - 1]):
                    start -= 1
            if start == k or not doc[start].text[:1].isalpha() or not any(t.text[:1].isupper() for t in doc[start:k]):
                continue
            name = doc[start:k].text
            if self.places.kind(name) or self._is_state(name) or name_key(name) in self.places.demonyms:
                continue
            if name in _surnames(model):
                continue  # "the Lopez camp" after "Maria Lopez": her supporters, no place
            span = Span(doc, start, k + len(phrase), label="FAC")
            canon = keys.setdefault(name_key(name), name_key(span.text))
            keys[name_key(span.text)] = canon
            out.append(span)
        if keys:
            doc.user_data["cg_facilities"] = keys
        return out

    def _armed_group_names(self, doc: Doc, taken: set[int], model: list[Span]) -> list[Span]:
        """ "the Barrio Sur gang", "Zamora's Oreno cartel": a name before a lower-case noun of an armed
        or criminal group is the group's ("Barrio Sur"); named with the noun when the name alone is
        a place's ("Oreno cartel" beside the province of Oreno)."""
        out: list[Span] = []
        ends: dict[int, Span] | None = None
        places: set[str] | None = None
        for k in indices_with(doc, _ARMED_GROUP_NOUNS):
            if k < 2 or k in taken or not doc[k].is_lower or not doc[k - 1].text[:1].isupper() or k - 1 in taken:
                continue
            if k + 1 < len(doc) and doc[k + 1].pos_ in ("NOUN", "PROPN"):
                continue  # "the Oreno cartel leaders": the head is further on
            if ends is None:
                ends = {m.end: m for m in model}
            named = ends.get(k)
            if named is not None and named.label_ != "PERSON":
                start = named.start
            else:
                start = k
                while start - 1 >= 0 and k - start < 4 and start - 1 not in taken and _name_token(doc[start - 1]):
                    start -= 1
            if start == k or not doc[start].text[:1].isupper():
                continue
            if not (doc[start - 1].lower_ == "the" or doc[start - 1].tag_ == "POS"):
                continue  # "the Oreno cartel", "Zamora's Oreno cartel": a group named as one
            name = doc[start:k].text
            if self._is_state(name) or name_key(name) in self.places.demonyms or name in _surnames(model):
                continue  # "the Mexican cartel", "the Lopez militia"
            if places is None:
                places = {m.text for m in model if m.label_ in ("GPE", "LOC") or _locative_before(doc, m.start)}
            place = bool(self.places.kind(name)) or name in places
            out.append(Span(doc, start, k + 1 if place else k, label="ORG"))
        return out

    def _listed_names(self, doc: Doc, taken: set[int]) -> list[Span]:
        """ "two other groups – Zamora's Tren del Sur and MZ-9 –", "two camps – Oren and Dara –":
        the names listed between dashes or brackets after a plural class noun are
        organisations, or places. Every item must be a name (capitalised words, particles,
        digits), or none is taken."""
        out: list[Span] = []
        for k in indices_with(doc, _LIST_NOUNS):
            if k + 2 >= len(doc) or not doc[k].whitespace_:
                continue
            closer = _LIST_BRACKETS.get(doc[k + 1].text)
            if closer is None or doc[k].pos_ != "NOUN":
                continue
            sent_end = sentence_of(doc, k)[1]
            j = k + 2
            while j < sent_end and j - k < 20 and doc[j].text != closer:
                j += 1
            if j >= sent_end or doc[j].text != closer:
                continue
            items: list[tuple[int, int]] = []
            start = k + 2
            for i in range(k + 2, j + 1):
                if i == j or doc[i].text == "," or doc[i].lower_ == "and":
                    if i > start:
                        items.append((start, i))
                    start = i + 1
            label = "ORG" if doc[k].lower_ in _LIST_ORG_NOUNS else "FAC"
            spans = [self._list_item(doc, a, b, label) for a, b in items]
            if len(spans) < 2 or any(sp is None for sp in spans):
                continue
            out.extend(sp for sp in spans if sp is not None and not all(t in taken for t in range(sp.start, sp.end)))
        return out

    def _list_item(self, doc: Doc, start: int, end: int, label: str) -> Span | None:
        """One item of a listed name: its words less "the" and an owner's possessive ("Zamora's")."""
        if start < end and doc[start].lower_ == "the":
            start += 1
        for p in range(start + 1, end - 1):
            if doc[p].tag_ == "POS" and self.places.kind(doc[start:p].text):
                start = p + 1  # "Zamora's Tren del Sur": the owner is no part of the name
                break
        if not (0 < end - start <= 5) or not (doc[start].text[:1].isupper() or doc[start].lower_ in _NAME_PARTICLES):
            return None
        if not all(
            t.text[:1].isupper() or t.like_num or t.text in ("-", "\u2010", "\u2011") or t.lower_ in _NAME_PARTICLES
            for t in doc[start:end]
        ):
            return None
        return Span(doc, start, end, label=label)

    def _known_places(self, doc: Doc, taken: set[int]) -> list[Span]:
        """Places the model missed: a country or a province anywhere, a city where the text says place.

        A run of capitalised proper nouns (up to three) that names a country or a
        province known to event coders is a place; a city only when it is a big
        one or stands after "in", "near", "the town of" (small towns share their
        names with people and words).
        """
        places = self.places
        out: list[Span] = []
        taken = set(taken)
        # "the northern Oren region", "in Dara Oblast": a province by its own word
        for k in indices_with(doc, _REGION_NOUNS):
            start = k
            while start - 1 >= 0 and start - 1 not in taken and _proper(doc[start - 1]) and k - start < 3:
                start -= 1
            if start == k or any(t in taken for t in range(start, k + 1)):
                continue
            end = k + 1 if doc[k].text[:1].isupper() else k  # "Oblast", "State" are part of the name
            out.append(Span(doc, start, end, label="GPE"))
            taken.update(range(start, k + 1))
        i = 0
        n = len(doc)
        while i < n:
            if i in taken or not _proper(doc[i]):
                i += 1
                continue
            j = i
            while j < n and j - i < 3 and j not in taken and _proper(doc[j]):
                j += 1
            found = None
            for end in range(j, i, -1):
                text = doc[i:end].text
                kind = places.kind(text)
                if kind is None:
                    continue
                if kind == "city" and places.cities.get(name_key(text), 0) < _BIG_CITY and not _locative_before(doc, i):
                    continue
                found = Span(doc, i, end, label="GPE")
                break
            if found is not None:
                out.append(found)
                i = found.end
            else:
                i = j
        return out

    # -- the component -----------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        _, _, honorifics, _, _ = _roles_vocab()
        actors: dict[str, Actor] = {}
        mentions: list[TokMention] = []
        blocked: set[int] = set()  # tokens that are part of titles

        # pass 1: clean spans, peel titles, pick a provisional key per span
        provisional: list[tuple[Span, str, Entry | None, list[Token], bool]] = []
        place_context: set[int] = set()  # spans whose surroundings say "place"
        spans, described = self._described_names(doc, _headline_names(doc, self._entity_spans(doc), self.places))
        acronyms: dict[str, str] = doc.user_data.get("cg_acronyms", {})
        facilities: dict[str, str] = doc.user_data.get("cg_facilities", {})
        named_places = {name_key(s.text) for s in spans if s.label_ in ("GPE", "LOC")}
        for ent in spans:
            span = _strip_span(ent) if ent.start not in described else ent
            entry = self.gazetteer.by_name.get(span.kb_id_) if span.kb_id_ else None
            label = span.label_
            title_tokens: list[Token] = []
            titled = False
            if span.start in described:
                # "army chief Tomas Reyes": the title's words may name an organisation,
                # so they stay entities (not blocked); the role is added once actors exist
                titled = True
                label = "PERSON"
            elif entry is None:
                # titles glued inside the entity ("Defense Lloyd Austin", "Secretary General Jens")
                title_words, _, _, _, _ = _roles_vocab()
                original_start = start = span.start
                while start < span.end - 1 and doc[start].text in title_words:
                    start += 1
                if start > span.start and doc[start].text[:1].isupper():
                    title_tokens = list(doc[span.start:start])
                    span = Span(doc, start, span.end, label=label)
                _, before = _title_before(doc, original_start, max(0, original_start - 8))
                title_tokens = before + title_tokens
                if not any(t.text in _title_heads() for t in title_tokens):
                    if title_tokens and not before:
                        # only qualifiers were peeled ("US Army"): keep the name whole
                        span = Span(doc, original_start, span.end, label=label)
                    title_tokens = []
                if title_tokens and label in ("PERSON", "ORG", "GPE", "NORP") and len(span) <= 4:
                    titled = any(t.text not in honorifics for t in title_tokens) or label == "PERSON"
                    label = "PERSON"
                elif label == "ORG" and len(span) == 1 and span.end < len(doc) and doc[span.end].lower_ in _CAMPAIGN_NOUNS:
                    label = "PERSON"
            if not _is_name_like(span) and entry is None and name_key(span.text) not in acronyms.values():
                continue
            if entry is None and not titled and len(span) == 1 and (
                name_key(span.text) in self.places.demonyms or self._people_word(span.text, named_places)
            ):
                continue  # "Azerbaijani" is an adjective of a country, not an actor ("Azerbaijani forces")
            if entry is None and label == "FAC" and name_key(span.text) in facilities.values():
                place_context.add(span.start)  # "Dara air base"
            if entry is None and not titled and label in ("GPE", "PERSON") and _member_context(span) and not self.places.kind(span.text):
                label = "ORG"  # "representatives from MZLA", "MZLA fighters"
            if entry is None and not titled and label in ("GPE", "PERSON", "LOC") and _described_as_organization(span):
                label = "ORG"  # "the militant group Zarda"
            if entry is None and not titled and label == "ORG" and _person_by_relative(span, lambda t: self._kind_for(t, "organization")):
                label, titled = "PERSON", True  # "Tomas Reyes, who was 52": a person, whatever the model said
            if entry is None and not titled and label in ("PERSON", "ORG") and _place_by_words(span.text):
                label = "GPE"  # "Line of Control", "Dara Air Base"
                place_context.add(span.start)
            elif entry is None and not titled and label == "PERSON" and self._kind_for(span.text, "organization"):
                label = "ORG"  # "Zarda Front", "Kivu News Group": the words of an organisation's name
            if entry is None and not titled and label in ("PERSON", "ORG"):
                # a place is never a person ("Chad", "NIGER" in a headline); an organisation
                # named like a country is the country's metonym, typed place as the model does
                place_kind = self.places.kind(span.text, _PERSON_CITY)
                if place_kind and (label == "PERSON" or place_kind == "country"):
                    label = "GPE"
                    place_context.add(span.start)
            named_by_acronym = name_key(span.text) in acronyms or name_key(span.text) in acronyms.values()
            if named_by_acronym:
                label = "ORG"  # "at UNMIZ" is the mission, not a place
            elif entry is None and not title_tokens and label in ("PERSON", "ORG", "GPE") and _place_context(doc, span):
                label = "GPE"  # "the town of Oren", "in Zamora"
                place_context.add(span.start)
            provisional.append((span, label, entry, title_tokens, titled))

        # tokens covered by person titles are not entities ("Secretary of State" -> not "State")
        for _, label, _, title_tokens, _ in provisional:
            if label == "PERSON":
                blocked.update(t.i for t in title_tokens)
        # a title's complement right before the name is no entity ("Secretary of State Ana Gutierrez");
        # the words before its role noun may name the organisation ("Interior Ministry spokesperson")
        blocked.update(doc.user_data.get("cg_title_complements", ()))
        provisional = [p for p in provisional if not (p[2] is None and any(t.i in blocked for t in p[0]))]

        # pass 2: full person names, then surname resolution and type votes
        persons: list[tuple[int, str, Span]] = []  # (start token, key, span) of multi-token person names
        for span, label, entry, _, _ in provisional:
            if entry is None and label == "PERSON" and len(span) >= 2:
                persons.append((span.start, name_key(span.text), span))
        surname_of: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for start, key, span in persons:
            words = span.text.split()
            if len(words) < 2:
                continue
            surname_of[name_key(words[-1])].append((start, key))
            if len(words) >= 3:
                surname_of[name_key(" ".join(words[-2:]))].append((start, key))

        groups: dict[str, list[tuple[Span, str, Entry | None, list[Token], bool]]] = defaultdict(list)
        for item in provisional:
            span, label, entry, titles, titled = item
            if entry is not None:
                groups["gaz:" + entry.name].append(item)
                continue
            key = name_key(span.text)
            if not key:
                continue
            key = acronyms.get(key, key)
            if key in facilities and label not in ("GPE", "LOC", "ORG"):
                key = facilities[key]  # "Dara air base", "Dara airfield" and "Dara" (no town the model knows): one place
            if len(span.text.split()) <= 2 and key in surname_of and not any(k == key for _, k, _ in persons):
                prev = doc[span.start - 1].lower_ if span.start > 0 else ""
                if not (label in ("GPE", "LOC", "FAC") and prev in _LOCATIVE):
                    cands = surname_of[key]
                    earlier = [c for c in cands if c[0] < span.start]
                    chosen = (earlier[-1] if earlier else cands[0])[1]
                    groups["per:" + chosen].append((span, "PERSON", None, titles, titled))
                    continue
            if label == "PERSON" and len(span) >= 2:
                groups["per:" + key].append(item)
            else:
                groups["key:" + key].append(item)

        # "the Brigades" after "Eastern Shield Brigades": a short form of the one
        # organisation whose name ends that way
        long_orgs: dict[str, set[str]] = defaultdict(set)
        for gkey, items in groups.items():
            if gkey.startswith("key:") and any(label == "ORG" for _, label, *_ in items):
                words = gkey[4:].split()
                if len(words) >= 2:
                    long_orgs[words[-1]].add(gkey)
        for gkey in list(groups):
            if (
                gkey.startswith("key:")
                and " " not in gkey[4:]
                and len(long_orgs.get(gkey[4:], ())) == 1
                and not self.places.kind(gkey[4:])  # "Lebanon" is no short form of "UN Interim Force in Lebanon"
            ):
                target = next(iter(long_orgs[gkey[4:]]))
                if all(s.text[:1].isupper() for s, *_ in groups[gkey]):
                    groups[target].extend(groups.pop(gkey))

        # "the Ministry of Defence" after "the Russian Ministry of Defense": an organisation's name
        # without the state's in front is the one organisation of that state whose name ends so
        by_spelling: dict[str, str] = {}
        for gkey in list(groups):
            if gkey.startswith("key:"):
                first = by_spelling.setdefault("key:" + _spelling(gkey[4:]), gkey)
                if first != gkey:
                    groups[first].extend(groups.pop(gkey))  # "Ministry of Defense" = "Ministry of Defence"
        state_orgs: dict[str, set[str]] = defaultdict(set)
        for gkey, items in groups.items():
            words = gkey[4:].split() if gkey.startswith("key:") else []
            if len(words) >= 3 and self.places.country_of(words[0]) and any(label == "ORG" for _, label, *_ in items):
                state_orgs[_spelling(" ".join(words[1:]))].add(gkey)
        for gkey in list(groups):
            if not gkey.startswith("key:") or gkey not in groups:
                continue
            owners = state_orgs.get(_spelling(gkey[4:]), set()) - {gkey}
            if len(owners) == 1 and all(label == "ORG" for _, label, *_ in groups[gkey]):
                owner = next(iter(owners))
                # only once the state's own has been named: "Defense Ministry spokesman X" before any
                # "Armenian Defense Ministry" may well be another state's ministry
                if min(sp.start for sp, *_ in groups[owner]) < min(sp.start for sp, *_ in groups[gkey]):
                    groups[owner].extend(groups.pop(gkey))

        # merge "key:" groups that are really persons introduced by full name
        for gkey in list(groups):
            if gkey.startswith("key:") and "per:" + gkey[4:] in groups:
                groups["per:" + gkey[4:]].extend(groups.pop(gkey))

        token_actor: dict[int, str] = {}
        pending: list[tuple[Actor, list[Token], bool]] = []  # (person, title tokens, title in lower case)
        for items in groups.values():
            entry = items[0][2]
            if entry is not None:
                type_, kind, name = entry.type, entry.kind, entry.name
            else:
                votes: Counter[str] = Counter()
                for vspan, label, _, _, titled in items:
                    t = "person" if titled else LABEL_TYPES.get(label, "organization")
                    votes[t] += 3 if titled else 2 if vspan.start in place_context else 1
                type_ = max(votes, key=lambda t: (votes[t], _TYPE_RANK.get(t, 0)))
                # the fullest form names the actor
                name = max((s.text for s, *_ in items), key=lambda n: (len(n.split()), len(n)))
                name = re.sub(r"\s+", " ", name).strip()
                kind = self._kind_for(name, type_)
                # a name the gazetteer knows under another form ("U.N. Monitoring Team")
                known = self.gazetteer.lookup(name)
                if known is not None and known.type == type_:
                    name, kind = known.name, known.kind
                elif type_ == "place" and self.places.country_name(name):
                    name = self.places.country_name(name) or name  # "NIGER" in a headline is Niger
            actor_id = Actor.id_for(name, type_)
            actor = actors.get(actor_id)
            if actor is None:
                actor = actors[actor_id] = Actor(id=actor_id, name=name, type=type_, kind=kind)
            for span, label, _, titles, _ in items:
                actor.add_alias(re.sub(r"\s+", " ", span.text))
                mentions.append(TokMention(span.start, span.end, actor_id, label))
                for i in range(span.start, span.end):
                    token_actor[i] = actor_id
                if titles and type_ == "person":
                    pending.append((actor, titles, False))
                if span.start in described and type_ == "person":
                    pending.append((actor, described[span.start], True))
        self._institutions(doc, actors, mentions, token_actor)
        self._backed_groups(doc, actors, mentions, token_actor)
        self._described_bodies(doc, actors, mentions, token_actor)
        self._descriptor_kinds(doc, actors, mentions)
        _joint_bodies(doc, actors, mentions, token_actor)
        self._group_noun_aliases(doc, actors, mentions, token_actor)
        self._nicknames(doc, actors, mentions, token_actor)
        self._territory_short_forms(actors, mentions, token_actor)
        _join_initials(actors, mentions, token_actor)
        # roles last: a title's organisation may be an institution or an acronym joined above
        title_words = _roles_vocab()[0]
        for actor, titles, lower in pending:
            title = _title_text(titles)
            if not title:
                continue
            for word in titles:
                # "Finance Minister X": the model's "Finance" is a word of the title, no organisation
                # ("the Treasury said" elsewhere names one, and "Treasury" is a kind of body: then it is)
                title_owner = token_actor.get(word.i)
                if (title_owner and actors[title_owner].type == "organization" and actors[title_owner].name in title_words
                        and actors[title_owner].kind is None
                        and all(m.start <= word.i < m.end for m in mentions if m.actor == title_owner)):
                    del token_actor[word.i]
                    mentions[:] = [m for m in mentions if m.actor != title_owner]
                    del actors[title_owner]
            if lower:
                org = self._org_in_title(doc, titles, token_actor, actors, mentions)
            else:
                org = self._org_before(doc, titles[0].i, token_actor, actors)
            if org is None:
                # "UN Secretary-General X": the organisation named inside a capitalised title
                org = next((actors[token_actor[t.i]] for t in reversed(titles)
                            if t.i in token_actor and actors[token_actor[t.i]].type == "organization"), None)
            if org is None:
                org = self._state_of_title(doc, titles, token_actor, actors)
            if org is None or org.type == "organization":
                # "Secretary of State X" with "the State Department"; "UN High Commissioner for
                # Human Rights X" with "the Office of the High Commissioner ...": the office itself
                org = _office_of_title(titles, token_actor, actors, self._is_state) or org
            if org is None:
                org = self._home_state_of_title(titles, token_actor, actors)
            actor.add_role(Role(title, org.id if org else None, org.name if org else None))
        _seat_titles(actors)
        self._missed_mentions(doc, actors, mentions, token_actor)
        doc._.cg_actors = actors
        doc._.cg_mentions = sorted(mentions, key=lambda m: m.start)
        doc._.cg_token_actor = token_actor
        self._collective(doc)
        self._roles(doc)
        self._lede_roles(doc)
        return doc

    # -- helpers -----------------------------------------------------------

    def _kind_for(self, name: str, type_: str) -> str | None:
        # a pure function of the name and the shipped vocabularies: names recur across documents
        key = (name, type_)
        if key not in self._kinds:
            if len(self._kinds) > 50_000:
                self._kinds.clear()
            self._kinds[key] = self._kind_uncached(name, type_)
        return self._kinds[key]

    def _kind_uncached(self, name: str, type_: str) -> str | None:
        if type_ == "place":
            return self.places.kind(name)
        if type_ != "organization":
            return None
        words = name.replace("\u2019", "'").split()
        first = re.sub(r"'s$", "", words[0]) if words else ""
        present = set(words)
        for rule in _kind_rules():
            if words and words[-1] in rule.last:
                return rule.kind
            # a phrase's first word must be there before the phrase is looked for
            if any(p[0] in present and _has_phrase(words, p) for p in rule.words):
                return rule.kind
            # "Colombian Army", "Sudan's Armed Forces": a state's army, not an armed group's
            if any(p[0] in present and _has_phrase(words, p) for p in rule.state) and self.places.country_of(first):
                return rule.kind
        return None

    def _missed_mentions(
        self, doc: Doc, actors: dict[str, Actor], mentions: list[TokMention], token_actor: dict[int, str]
    ) -> None:
        """Names of known people and organisations the model did not label where they recur.

        "Lysenko's response came after ..." after "Ombudsman Petro Lysenko":
        the surname alone, or any alias of one actor, is that actor wherever it
        stands as a proper noun. A surname two people share stays unresolved.
        """
        owners: dict[str, set[str]] = defaultdict(set)
        surnames: set[str] = set()  # exact forms; the tagger takes some for plural nouns ("Lysenko said")
        # longer names ("Bureau of Zamoran Hemisphere Affairs"): the word count of each, by first word
        long_names: dict[str, set[int]] = defaultdict(set)
        for actor in actors.values():
            if actor.type not in ("person", "organization"):
                continue
            forms = {actor.name, *actor.aliases}
            if actor.type == "person" and len(actor.name.split()) >= 2:
                forms.add(actor.name.split()[-1])
                surnames.add(actor.name.split()[-1])
            for form in forms:
                key = name_key(form)
                if key and len(key) > 2 and form[:1].isupper():
                    owners[key].add(actor.id)
                    words = form.split()
                    if 3 < len(words) <= 8:
                        long_names[words[0]].add(len(words))
        if not owners:
            return
        tokens = list(doc)  # one Token object a position, not one at every look
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if i in token_actor or not tok.text[:1].isupper():
                i += 1
                continue
            if not (tok.tag_ in ("NNP", "NNPS") or (tok.text in surnames and tok.pos_ in ("NOUN", "PROPN"))):
                i += 1
                continue
            matched = 0
            for n in (*sorted(long_names.get(tok.text, ()), reverse=True), 3, 2, 1):
                if i + n > len(doc) or any(k in token_actor for k in range(i, i + n)):
                    continue
                if tokens[i + n - 1].is_punct:
                    continue  # "NPA “": the name key drops the quote mark, the alias must not keep it
                ids = owners.get(name_key(doc[i : i + n].text))
                if ids and len(ids) == 1 and not self.places.kind(doc[i : i + n].text):
                    actor_id = next(iter(ids))
                    actors[actor_id].add_alias(doc[i : i + n].text)
                    mentions.append(TokMention(i, i + n, actor_id, "ALIAS"))
                    for k in range(i, i + n):
                        token_actor[k] = actor_id
                    matched = n
                    break
            i += matched or 1

    def _institutions(
        self, doc: Doc, actors: dict[str, Actor], mentions: list[TokMention], token_actor: dict[int, str]
    ) -> None:
        """Collective actors named by a description: "Sudan's army", "the Malian army", "the Saudi-led coalition".

        A state marker (a country's possessive, a demonym, a country's name, or
        "X-led", "X-run") before an institution noun makes an organisation tied
        to that state. One state's institution of one class is one actor,
        whatever the words ("Mali's army", "Malian forces", "the Malian Armed
        Forces"), named by its fullest form; "the army" alone, later, is that
        actor when the document has only one army.
        """
        classes = _institution_classes()
        places = self.places
        found: dict[tuple[str, str], Actor] = {}
        # organisations the model or gazetteer named already ("Malian Armed Forces", "Pakistan Army")
        for actor in list(actors.values()):
            if actor.type != "organization" or actor.kind not in ("military", "government"):
                continue
            words = actor.name.replace("\u2019", "'").split()
            country = places.country_of(re.sub(r"'s$", "", words[0])) if words else None
            cls = _institution_class(words[1:], classes)
            if country and cls:
                found.setdefault((country, cls), actor)
        two_word = {tuple(p) for phrases in classes["classes"].values() for p in phrases if len(p) == 2}
        for k in indices_with(doc, classes["nouns"]):
            if k in token_actor or doc[k].pos_ not in ("NOUN", "PROPN"):
                continue
            if k + 1 < len(doc) and (doc[k].lower_, doc[k + 1].lower_) in two_word:
                continue  # "police" of "police service": the longer name is read at its last word
            # the institution's own words: "foreign ministry", "armed forces", "military junta"
            start = k
            while start - 1 >= 0 and doc[start - 1].lower_ in classes["qualifiers"] and start - 1 not in token_actor:
                start -= 1
            marker, country = self._state_marker(doc, start, token_actor, actors)
            if marker is None or country is None:
                continue
            cls = _institution_class([t.lower_ for t in doc[start : k + 1]], classes)
            if cls is None:
                continue
            phrase = doc[marker : k + 1]
            text = re.sub(r"\s+", " ", phrase.text).strip()
            known = found.get((country, cls))
            if known is None:
                kind = "military" if cls in ("military", "junta") else "government"
                if cls == "coalition":
                    kind = "military_alliance"
                actor_id = Actor.id_for(text, "organization")
                known = actors.get(actor_id) or Actor(id=actor_id, name=text, type="organization", kind=kind)
                actors[actor_id] = known
                found[(country, cls)] = known
            actor = known
            state = next((a for a in actors.values() if a.type == "place" and a.name == country), None)
            if state is not None:
                # the tie to the state, for a member_of relation cited to this sentence (nlp.extract)
                doc.user_data.setdefault("cg_institution_states", {}).setdefault(actor.id, (state.id, marker))
            actor.add_alias(text)
            # the institution's words without the state's name ("military junta") name it too
            bare = re.sub(r"\s+", " ", doc[start : k + 1].text)
            if cls in ("junta", "coalition") or len(bare.split()) > 1:
                actor.add_alias(bare)
            mentions.append(TokMention(phrase.start, phrase.end, actor.id, "ORG"))
            for t in range(start, k + 1):
                token_actor[t] = actor.id
        if not found:
            return
        # "the army", "the junta" later on: the one institution of that class
        by_class: dict[str, set[str]] = defaultdict(set)
        for (_, cls), actor in found.items():
            by_class[cls].add(actor.id)
        for k in indices_with(doc, classes["nouns"]):
            if k in token_actor or k < 1 or doc[k - 1].lower_ != "the":
                continue
            cls = _institution_class([doc[k].lower_], classes)
            owners = by_class.get(cls or "", set())
            if len(owners) != 1:
                continue
            actor_id = next(iter(owners))
            mentions.append(TokMention(k, k + 1, actor_id, "COLLECTIVE"))
            token_actor[k] = actor_id
            actors[actor_id].add_alias(doc[k].text)

    def _backed_groups(
        self, doc: Doc, actors: dict[str, Actor], mentions: list[TokMention], token_actor: dict[int, str]
    ) -> None:
        """ "Zamoran-backed rebels", "Oren-funded militias": an armed group the text names by its backer.

        The phrase, as written, is one armed group (the backing itself is a claim,
        nlp.claims); the state's name or demonym before the hyphen stays the state's.
        """
        for h in indices_with(doc, ("-", "\u2010", "\u2011")):
            if h < 1 or h + 2 >= len(doc):
                continue
            backer, part, noun = doc[h - 1], doc[h + 1], doc[h + 2]
            if part.lower_ not in _BACKING_PARTICIPLES or noun.lower_ not in _BACKED_GROUP_NOUNS:
                continue
            if any(k in token_actor for k in (h + 1, h + 2)):
                continue
            if h + 3 < len(doc) and doc[h + 3].pos_ in ("NOUN", "PROPN"):
                continue  # "Zamoran-backed rebel forces": the head is further on
            owner = token_actor.get(backer.i)
            if not (self.places.country_of(backer.text) or (owner and actors[owner].type == "place" and actors[owner].kind == "country")):
                continue
            text = doc[h - 1 : h + 3].text
            actor_id = Actor.id_for(text, "organization")
            actor = actors.get(actor_id)
            if actor is None:
                actor = actors[actor_id] = Actor(id=actor_id, name=text, type="organization", kind="armed_group")
            actor.add_alias(text)
            mentions.append(TokMention(h + 1, h + 3, actor_id, "ORG"))
            for k in (h + 1, h + 2):
                token_actor[k] = actor_id

    def _described_bodies(
        self, doc: Doc, actors: dict[str, Actor], mentions: list[TokMention], token_actor: dict[int, str]
    ) -> None:
        """ "the UN refugee agency", "the U.N. food agency": an intergovernmental body named by its
        parent and a few lower-case words is an actor of its own, named as written."""
        for k in indices_with(doc, _BODY_NOUNS):
            if k in token_actor or doc[k].pos_ != "NOUN":
                continue
            j = k - 1
            while j >= 0 and k - j <= 3 and j not in token_actor and doc[j].is_lower and doc[j].pos_ in ("NOUN", "ADJ"):
                j -= 1
            if j == k - 1 or j < 1 or j not in token_actor:
                continue  # "the UN agency": which one is unsaid
            parent = actors[token_actor[j]]
            if parent.type != "organization" or parent.kind != "intergovernmental":
                continue
            first = j
            while first - 1 >= 0 and token_actor.get(first - 1) == parent.id:
                first -= 1
            if first < 1 or doc[first - 1].lower_ != "the":
                continue
            text = re.sub(r"\s+", " ", doc[first : k + 1].text)
            actor_id = Actor.id_for(text, "organization")
            actor = actors.get(actor_id)
            if actor is None:
                actor = actors[actor_id] = Actor(id=actor_id, name=text, type="organization", kind=parent.kind)
            actor.add_alias(text)
            mentions[:] = [mn for mn in mentions if not (mn.actor == parent.id and first <= mn.start < k + 1)]
            mentions.append(TokMention(first, k + 1, actor_id, "ORG"))
            for t in range(first, k + 1):
                token_actor[t] = actor_id

    def _descriptor_kinds(self, doc: Doc, actors: dict[str, Actor], mentions: list[TokMention]) -> None:
        """The kind of an organisation of no kind, from the words around a mention: a description just
        before it ("the country's secret service Zarda", "state broadcaster Zamora Television"), one
        before its bracketed name ("the peacekeeping mission ... (Minuza)"), or fighters after it
        ("MZLA fighters" make an armed group)."""
        described: dict[str, str] = doc.user_data.get("cg_described_kinds", {})
        ends = set(indices_with(doc, _DESCRIPTOR_LAST))
        for m in mentions:
            actor = actors[m.actor]
            if actor.type != "organization" or actor.kind is not None:
                continue
            kinds = set()
            if described and name_key(doc[m.start : m.end].text) in described:
                kinds.add(described[name_key(doc[m.start : m.end].text)])
            if m.start - 1 in ends:
                for kind, phrases in _DESCRIPTOR_KINDS.items():
                    for p in phrases:
                        n = len(p)
                        before = doc[max(0, m.start - n) : m.start]
                        if len(before) == n and tuple(t.lower_ for t in before) == p and all(t.is_lower for t in before):
                            kinds.add(kind)
            if m.end < len(doc) and doc[m.end].lower_ in _ARMED_MEMBER_NOUNS | _ARMED_GROUP_NOUNS and doc[m.end].is_lower:
                kinds.add("armed_group")  # "MZLA fighters", "the Zarda gang"
            if doc[m.end - 1].lower_ in _ARMED_GROUP_NOUNS and doc[m.end - 1].is_lower:
                kinds.add("armed_group")  # "the Oreno cartel"
            if len(kinds) == 1:
                actor.kind = kinds.pop()

    def _group_noun_aliases(
        self, doc: Doc, actors: dict[str, Actor], mentions: list[TokMention], token_actor: dict[int, str]
    ) -> None:
        """ "the Zamora-backed Zarda militia": an armed group's name and a lower-case noun of a group
        after it is one more name of that group ("Zarda militia"); not one of its members ("Zarda
        fighters")."""
        for m in list(mentions):
            actor = actors[m.actor]
            k = m.end
            if actor.kind != "armed_group" or k >= len(doc) or k in token_actor or m.end - m.start > 3:
                continue
            if not (doc[k].is_lower and doc[k].lower_ in _GROUP_NAME_NOUNS):
                continue
            if m.start >= 1 and doc[m.start - 1].text[:1].isupper() and doc[m.start - 1].is_alpha and m.start - 1 not in token_actor:
                continue  # "the Kataib Zarda militia": a longer name than the group's
            if k + 1 < len(doc) and doc[k + 1].pos_ in ("NOUN", "PROPN"):
                continue  # "Zarda militia commanders": the head is further on
            actor.add_alias(doc[m.start : k + 1].text)
            m.end = k + 1
            token_actor[k] = actor.id

    def _nicknames(
        self, doc: Doc, actors: dict[str, Actor], mentions: list[TokMention], token_actor: dict[int, str]
    ) -> None:
        """ 'Tomas Reyes, known as "Big Tom"': the quoted name is the person's too."""
        for k in indices_with(doc, ("known",)):
            if k < 2 or k + 3 >= len(doc) or doc[k + 1].lower_ != "as" or doc[k - 1].text != ",":
                continue
            owner = token_actor.get(k - 2)
            if owner is None or actors[owner].type != "person" or doc[k + 2].text not in ('"', "\u201c"):
                continue
            j = k + 3
            while j < len(doc) and j - k <= 7 and doc[j].text[:1].isupper() and doc[j].is_alpha:
                j += 1
            if j == k + 3 or j >= len(doc) or doc[j].text not in ('"', "\u201d") or any(t in token_actor for t in range(k + 3, j)):
                continue
            actors[owner].add_alias(doc[k + 3 : j].text)
            mentions.append(TokMention(k + 3, j, owner, "ALIAS"))
            for t in range(k + 3, j):
                token_actor[t] = owner

    def _territory_short_forms(self, actors: dict[str, Actor], mentions: list[TokMention], token_actor: dict[int, str]) -> None:
        """ "the Zamora Strip", "Zamora" and "the Strip": one place, when "Zamora" is no country and the
        document has one place whose name ends in that territory word. "Zamora" may be what the
        model called a person or an organisation, one word with no role."""
        by_head: dict[str, list[Actor]] = defaultdict(list)
        for actor in actors.values():
            words = actor.name.split()
            if actor.type == "place" and len(words) >= 2 and words[-1] in _TERRITORY_HEADS:
                by_head[words[-1]].append(actor)
        for head, longs in by_head.items():
            if len(longs) != 1:
                continue
            long = longs[0]
            stem = long.name.rsplit(" ", 1)[0]
            for short in [a for a in actors.values() if a.name in (stem, head) and a is not long]:
                if short.kind == "country" or self._is_state(short.name):
                    continue
                if short.type != "place" and (" " in short.name or short.roles or self.gazetteer.lookup(short.name)):
                    continue  # one word the model called a person ("Zamora"): the territory's name
                _merge_into(short, long, actors, mentions, token_actor)

    def _state_marker(
        self, doc: Doc, start: int, token_actor: dict[int, str], actors: dict[str, Actor]
    ) -> tuple[int | None, str | None]:
        """Where the state marker before ``start`` begins and the country it names, if there is one."""
        i = start - 1
        if i < 0:
            return None, None
        tok = doc[i]
        if tok.tag_ == "POS" and i >= 1:
            # "Sudan's army", "Zamora's internationally recognized government"
            owner = token_actor.get(i - 1)
            if owner and actors[owner].type == "place":
                first = i - 1
                while first - 1 >= 0 and token_actor.get(first - 1) == owner:
                    first -= 1
                return first, actors[owner].name
            return None, None
        # "Saudi-led coalition", "Houthi-run health ministry"
        if tok.lower_ in _STATE_LED and i >= 2 and doc[i - 1].text == "-":
            lead = doc[i - 2]
            owner_id = token_actor.get(lead.i)
            country = self.places.country_of(lead.text) or (actors[owner_id].name if owner_id else None)
            return (lead.i, country) if country else (None, None)
        # "internationally recognized": adverbs and participles between the marker and the noun
        while i >= 1 and (doc[i].tag_ in ("RB", "VBN") and doc[i].text.islower()):
            i -= 1
            tok = doc[i]
            if tok.tag_ == "POS" and i >= 1:
                owner = token_actor.get(i - 1)
                if owner and actors[owner].type == "place":
                    return i - 1, actors[owner].name
                return None, None
        if not tok.text[:1].isupper():
            return None, None
        owner = token_actor.get(i)
        if owner and actors[owner].type == "place" and (actors[owner].kind == "country" or self.places.country_of(tok.text)):
            first = i
            while first - 1 >= 0 and token_actor.get(first - 1) == owner:
                first -= 1  # "United States government": the whole name
            return first, self.places.country_of(tok.text) or actors[owner].name  # "Pakistan army", "Congolese army"
        country = self.places.country_of(tok.text)
        if country and owner is None:
            return i, country  # "Malian army", "Congolese army"
        return None, None

    def _described_names(self, doc: Doc, spans: list[Span]) -> tuple[list[Span], dict[int, list[Token]]]:
        """Names after a role noun ("ESB spokesman Idris Kamal", "its deposed leader, Reyes,").

        The words after the role noun, up to five capitalised proper nouns, are a
        person's name whatever the model labelled them ("Tatyana" and
        "Lysenkova" as two places after "his Russian counterpart"); the words
        before it, down to a determiner, a verb or a comma, are the title
        ("State Department spokesman"). Also "the head of Y, X": a title
        phrase, a comma, a name. Returns the spans with these names in place of
        the model's, and the title tokens by the name's first token.
        """
        _, _, _, role_nouns, _ = _roles_vocab()
        title_words = _roles_vocab()[0]
        described: dict[int, list[Token]] = {}
        names: list[Span] = []
        complements: set[int] = set()
        doc.user_data["cg_title_complements"] = complements
        for k in indices_with(doc, role_nouns):
            sent_start, sent_end = sentence_of(doc, k)
            if doc[k].tag_ not in ("NN", "NNS", "NNP"):
                continue
            if k >= 1 and doc[k - 1].text in ("-", "\u2013") and not doc[k - 1].whitespace_:
                continue  # "the eight-member Eastern Economic and Monetary Union": no role
            name_start = k + 1
            apposition = False
            title_end: int | None = None
            if name_start + 1 >= sent_end:
                continue
            if doc[name_start].text == ",":
                # "its deposed leader, Reyes, who ..."
                name_start += 1
                apposition = True
            elif not _name_token(doc[name_start]) or doc[name_start].is_punct:
                # "The principal secretary in Zamora's Ministry of Foreign Affairs, Ana Gutierrez, said":
                # the role's complement runs to a comma
                c = k + 1
                while c < sent_end and c - k <= 8 and doc[c].text != "," and doc[c].pos_ not in ("VERB", "AUX"):
                    c += 1
                if doc[k + 1].lower_ not in ("of", "in", "for", "at"):
                    continue
                person = next(
                    (sp for sp in spans if k + 2 < sp.start <= min(c, k + 6) and sp.label_ == "PERSON" and not sp.kb_id_),
                    None,
                )
                if person is not None and all(not t.is_punct and t.pos_ not in ("VERB", "AUX") for t in doc[k + 1 : person.start]):
                    # "the head of Zamoran diplomacy Tomas Reyes": the complement, then the name
                    name_start = person.start
                    title_end = person.start
                    complements.update(t.i for t in doc[k + 1 : person.start] if t.text[:1].isupper())
                elif c < sent_end and doc[c].text == ",":
                    name_start = c + 1
                    apposition = True
                else:
                    continue
            j = name_start
            while j < sent_end and j - name_start < 5 and _name_token(doc[j]):
                j += 1
            # the model's name may run on where the tagger did not ("U Ko Lin")
            for sp in spans:
                if sp.start < j <= sp.end - 1 and sp.start >= name_start and all(t.text[:1].isupper() for t in doc[j : sp.end]):
                    j = sp.end
            # ranks between the role and the name belong to the title ("spokesman Lieutenant Colonel Paul Njuguna")
            first = name_start
            while first < j - 1 and doc[first].text in title_words:
                first += 1
            if j == first:
                continue
            if apposition and not (j >= sent_end or doc[j].text in (",", ".") or doc[j].pos_ in ("VERB", "AUX")):
                continue
            name = doc[first:j]
            if j < sent_end and doc[j].lower_ in ("and", "of", "&") and j + 1 < sent_end and doc[j + 1].text[:1].isupper():
                continue  # the name runs on as an organisation's ("... Economic and Monetary Union")
            if self._kind_for(name.text, "organization"):
                continue  # "commander Joint Forces Command": an organisation's words, no person's name
            if self.places.kind(name.text) or self.gazetteer.lookup(name.text) or any(
                s.kb_id_ and s.start < j and s.end > first for s in spans
            ):
                continue
            if len(name) == 1 and not any(s.start == first and s.end == j for s in spans):
                continue  # one word the model did not call a name: too little to go on
            # the title: back from the role noun to a determiner, verb, comma or quote
            i = k
            while i - 1 >= sent_start and k - (i - 1) < 7 and _title_part(doc[i - 1]):
                i -= 1
            end = title_end or k + 1
            if apposition:
                end = name_start - 1  # up to the comma: "the head of the mission"
            title = [t for t in doc[i:end] if t.text != ","] + list(doc[name_start:first])
            described[first] = title
            names.append(Span(doc, first, j, label="PERSON"))
        if not names:
            return spans, described
        covered = {t for n in names for t in range(n.start, n.end)}
        kept = [s for s in spans if not any(t in covered for t in range(s.start, s.end))]
        return sorted(kept + names, key=lambda s: s.start), described

    def _org_in_title(
        self, doc: Doc, titles: list[Token], token_actor: dict[int, str], actors: dict[str, Actor],
        mentions: list[TokMention],
    ) -> Actor | None:
        """The organisation a lower-case title names ("CMA spokesman", "Interior Ministry spokesperson").

        An organisation among the title's words; else the title's words up to an
        organisation noun, named as written when they carry a capital
        ("Kenyan military", "China foreign ministry"), become one.
        """
        for t in reversed(titles):
            actor_id = token_actor.get(t.i)
            if actor_id and actors[actor_id].type == "organization":
                return actors[actor_id]
        heads = [n for n, t in enumerate(titles) if t.lower_ in _ORG_NOUNS]
        if not heads:
            return None
        words = titles[: heads[-1] + 1]
        while words and (words[0].lower_ in _STRIP_LEAD or words[0].tag_ in ("PRP$", "DT")):
            words = words[1:]
        if words and not any(t.text[:1].isupper() for t in words):
            # "army chief X": the army is the document's one army, if it has exactly one
            kinds = _TITLE_NOUN_KINDS.get(titles[heads[-1]].lower_, ())
            fits = [a for a in actors.values() if a.type == "organization" and a.kind in kinds]
            return fits[0] if len(fits) == 1 else None
        if not words or any(t.i in token_actor for t in words):
            return None
        name = " ".join(t.text for t in words).replace(" 's", "'s").replace(" \u2019s", "\u2019s")
        # the title's words are often lower case ("Kenyan military"); the kind rules read capitals
        kind: str | None = self._kind_for(" ".join(w[:1].upper() + w[1:] for w in name.split()), "organization")
        kind = kind or "government"
        known = self.gazetteer.lookup(name)
        if known is not None and known.type == "organization":
            name, kind = known.name, known.kind
        actor_id = Actor.id_for(name, "organization")
        actor = actors.get(actor_id)
        if actor is None:
            actor = actors[actor_id] = Actor(id=actor_id, name=name, type="organization", kind=kind)
        actor.add_alias(name)
        mentions.append(TokMention(words[0].i, words[-1].i + 1, actor_id, "ORG"))
        for t in words:
            token_actor[t.i] = actor_id
        return actor

    def _role_in_relative(
        self, doc: Doc, actor: Actor, start: int, token_actor: dict[int, str], actors: dict[str, Actor],
        role_nouns: frozenset[str],
    ) -> None:
        """ "X, who has declared himself Niger's new leader", "X, who is the head of Y": a role by a copula."""
        sent_end = sentence_of(doc, start)[1]
        k = start
        while k < sent_end and k < start + 4 and doc[k].pos_ in ("AUX", "ADV", "PART"):
            k += 1  # "has", "is", "was", "now"
        if k >= sent_end:
            return
        verb = doc[k]
        if verb.pos_ == "VERB" and verb.lemma_ in _SELF_NAMING_VERBS:
            k += 1
            if k < sent_end and doc[k].lower_ in ("himself", "herself", "themselves", "as"):
                k += 1
        elif not (doc[k - 1].lemma_ == "be" or doc[k - 1].lemma_ == "become"):
            return
        end = k
        head = None
        while (
            end < sent_end
            and end < k + 8
            and doc[end].text not in (",", ".", ";", "\u2013", "\u2014")
            and doc[end].pos_ != "VERB"
            and doc[end].lower_ not in ("who", "that", "which", "whose")
        ):
            if head is None and doc[end].lower_ in role_nouns and doc[end].pos_ == "NOUN":
                head = end
            end += 1
        if head is None:
            return
        first = k
        while first < head and doc[first].lower_ in ("the", "a", "an"):
            first += 1
        titles = list(doc[first:end])
        title = _title_text(titles)
        org_id = next(
            (token_actor[t.i] for t in reversed(titles) if t.i in token_actor and actors[token_actor[t.i]].type == "organization"),
            None,
        )
        org = actors[org_id] if org_id else self._state_of_title(doc, titles, token_actor, actors)
        actor.add_role(Role(title, org.id if org else None, org.name if org else None))

    def _state_of_title(
        self, doc: Doc, titles: list[Token], token_actor: dict[int, str], actors: dict[str, Actor]
    ) -> Actor | None:
        """The state a title names ("Venezuelan President", "US President", "Guyana Ambassador"), if the text names it.

        Only a country the document names itself: a demonym alone does not make
        one up.
        """
        tokens = list(titles)
        if titles and titles[0].i >= 1:
            tokens.insert(0, doc[titles[0].i - 1])  # "Venezuela's President": the owner just before
        for t in tokens:
            actor_id = token_actor.get(t.i)
            if actor_id and actors[actor_id].type == "place" and actors[actor_id].kind == "country":
                return actors[actor_id]
            country = self.places.country_of(t.text) if t.text[:1].isupper() else None
            if country:
                found = [a for a in actors.values() if a.type == "place" and a.name == country]
                if found:
                    return found[0]
        words = {t.lower_ for t in titles}
        if words & _STATE_LEADER_WORDS and not words & _DEPUTY_WORDS:
            # "Zamoran President Tomas Reyes": a head of state's demonym names the state, named or not
            for t in titles:
                country = self.places.country_of(t.text) if t.text[:1].isupper() and t.i not in token_actor else None
                if country:
                    actor_id = Actor.id_for(country, "place")
                    return actors.setdefault(actor_id, Actor(id=actor_id, name=country, type="place", kind="country"))
        return None

    def _org_before(self, doc: Doc, title_start: int, token_actor: dict[int, str], actors: dict[str, Actor]) -> Actor | None:
        """The organisation named just before a title ("NATO Secretary General")."""
        i = title_start - 1
        if i >= 0 and doc[i].tag_ == "POS":
            i -= 1
        actor_id = token_actor.get(i)
        if actor_id and actors[actor_id].type == "organization":
            return actors[actor_id]
        return None

    def _lede_roles(self, doc: Doc) -> None:
        """ "The UN envoy for Dara expressed concern ... / Maria Lopez said ...": a person first named
        at the head of the sentence right after one whose subject is an organisation's role with
        no name holds that role (the news lede's way), when nothing else gives them one."""
        _, _, _, role_nouns, _ = _roles_vocab()
        actors: dict[str, Actor] = doc._.cg_actors
        token_actor: dict[int, str] = doc._.cg_token_actor
        first: dict[str, TokMention] = {}
        for m in doc._.cg_mentions:
            first.setdefault(m.actor, m)
        for actor_id, m in first.items():
            actor = actors[actor_id]
            if actor.type != "person" or actor.roles:
                continue
            s, _ = sentence_of(doc, m.start)
            if any(not doc[k].is_space for k in range(s, m.start)) or doc[m.end - 1].dep_ != "nsubj":
                continue
            prev = s
            while prev > 0 and (prev == s or all(doc[k].is_space for k in range(prev, s))):
                prev = sentence_of(doc, prev - 1)[0]
            if prev == s:
                continue
            root = next((t for t in doc[prev:s] if t.dep_ == "ROOT"), None)
            subj = next((c for c in root.children if c.dep_ == "nsubj"), None) if root is not None else None
            if subj is None or subj.lower_ not in role_nouns or subj.i in token_actor:
                continue
            kids = list(subj.children)
            if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids) or any(
                    c.dep_ in ("conj", "cc", "appos", "relcl", "acl") for c in kids):
                continue  # "the envoy and Zamora met": two parties, neither the next sentence's person
            orgs = [c for c in kids if c.i < subj.i and c.i in token_actor and actors[token_actor[c.i]].type == "organization"]
            if len(orgs) != 1 or any(actors[a].type == "person" for k in range(prev, s) if (a := token_actor.get(k))):
                continue
            tokens = [t for t in subj.subtree if not (t.dep_ == "det" and t.head.i == subj.i)]
            if len(tokens) > 8 or any(t.pos_ in ("VERB", "PUNCT") for t in tokens):
                continue
            org = actors[token_actor[orgs[0].i]]
            actor.add_role(Role(_title_text(tokens), org.id, org.name))

    def _home_state_of_title(self, titles: list[Token], token_actor: dict[int, str], actors: dict[str, Actor]) -> Actor | None:
        """ "Finance Minister X", "Prime Minister X" with no state named: the story's state, when it
        has one (a country named at least twice and twice as often as any other). Not a former
        one's ("then minister"), nor a title with a word of a state or an organisation in it."""
        words = {t.lower_ for t in titles}
        if not words & _GOVERNMENT_TITLE_WORDS or words & (_TITLE_MODIFIERS | _DEPUTY_WORDS):
            return None
        if any(t.i in token_actor or (t.text[:1].isupper() and self._is_state(t.text)) for t in titles):
            return None
        doc = titles[0].doc
        counts: Counter[str] = Counter()
        for i, a in token_actor.items():
            if (i == 0 or token_actor.get(i - 1) != a) and actors[a].type == "place" and actors[a].kind == "country":
                counts[a] += 1
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
            return None
        # a demonym of another state anywhere before the title in its sentence ("the Oren delegation
        # met Finance Minister X") leaves it open
        s, _ = sentence_of(doc, titles[0].i)
        home = actors[ranked[0][0]]
        if any(t.text[:1].isupper() and (c := self.places.country_of(t.text)) and c != home.name for t in doc[s : titles[0].i]):
            return None
        return home

    def _people_word(self, word: str, named_places: set[str]) -> bool:
        """ "Kashmiris", "Zamorans": a people named after a place (a place's name, known or named in
        the document, and "-is", or a demonym and "-s"), no place itself."""
        if not word[:1].isupper() or not word.endswith("s") or self.places.kind(word) or self.gazetteer.lookup(word):
            return False
        stem = word[:-2] if word.endswith("is") else ""
        if len(stem) > 2 and (self.places.kind(stem) or name_key(stem) in named_places):
            return True  # "Kashmiris"
        return name_key(word[:-1]) in self.places.demonyms  # "Zamorans"; not "Americas"

    def _is_state(self, word: str) -> bool:
        """ "US", "Russian", "Zamora's": a word that names a country."""
        if self.places.country_of(word):
            return True
        known = self.gazetteer.lookup(word)
        return known is not None and known.type == "place" and known.kind == "country"

    def _organization_before(self, doc: Doc, start: int, token_actor: dict[int, str], actors: dict[str, Actor]) -> Actor | None:
        """The one organisation named in the sentence before ``start`` and this one's start, if one."""
        sent_start = sentence_of(doc, start)[0]
        first = sentence_of(doc, sent_start - 1)[0] if sent_start > 0 else sent_start
        found = {token_actor[k] for k in range(first, start) if k in token_actor and actors[token_actor[k]].type == "organization"}
        return actors[found.pop()] if len(found) == 1 else None

    def _collective(self, doc: Doc) -> None:
        """Link "the insurgents"-style references to the one actor they can mean."""
        actors: dict[str, Actor] = doc._.cg_actors
        present: dict[str, list[str]] = defaultdict(list)
        for actor in actors.values():
            entry = self.gazetteer.by_name.get(actor.name)
            if entry is None:
                continue
            for desc in entry.collective:
                present[desc.lower()].append(actor.id)
        if not present:
            return
        mentions: list[TokMention] = doc._.cg_mentions
        token_actor: dict[int, str] = doc._.cg_token_actor
        for i in indices_with(doc, ("the",)):
            if i + 1 >= len(doc):
                continue
            for n in (3, 2, 1):
                if i + 1 + n > len(doc):
                    continue
                phrase = doc[i + 1 : i + 1 + n]
                owners = present.get(phrase.text.lower())
                if owners and len(set(owners)) == 1 and not any(t.i in token_actor for t in phrase):
                    mentions.append(TokMention(phrase.start, phrase.end, owners[0], "COLLECTIVE"))
                    for t in phrase:
                        token_actor[t.i] = owners[0]
                    break
        mentions.sort(key=lambda m: m.start)

    def _roles(self, doc: Doc) -> None:
        """Appositions and service clauses after a person's name become roles."""
        _, _, _, role_nouns, service_verbs = _roles_vocab()
        actors: dict[str, Actor] = doc._.cg_actors
        token_actor: dict[int, str] = doc._.cg_token_actor
        for m in doc._.cg_mentions:
            actor = actors[m.actor]
            if actor.type != "person" or m.end + 2 >= len(doc) or doc[m.end].text not in (",", "\u2013", "\u2014"):
                continue
            i = m.end + 1
            if doc[i].lower_ == "who":
                verb = doc[i + 1] if i + 1 < len(doc) else None
                if verb is not None and verb.lemma_ in service_verbs:
                    j = i + 2
                    while j < len(doc) and j < i + 10 and doc[j].text not in (",", ".", ";") and j not in token_actor:
                        j += 1
                    org_id = token_actor.get(j)
                    if org_id and actors[org_id].type == "organization":
                        org = actors[org_id]
                        title = f"{verb.text} {'the ' if doc[j - 1].lower_ == 'the' else ''}{org.name}"
                        actor.add_role(Role(title, org.id, org.name))
                else:
                    self._role_in_relative(doc, actor, i + 1, token_actor, actors, role_nouns)
                continue
            # "X, the coordinator of the UN body responsible for ..." / "X, author of ..."
            if doc[i].lower_ in ("the", "a", "an"):
                i += 1
            j = i
            head: Token | None = None
            while j < len(doc) and j < i + 16:
                tok = doc[j]
                if tok.text in (",", ".", ";", ":", "\u201c", '"') or tok.lower_ in ("who", "which", "that", "responsible", "whose") or tok.pos_ in ("VERB", "AUX"):
                    break
                # "..., spokesperson in a press conference": the circumstance is not the title
                if head is not None and tok.dep_ == "prep" and j + 1 < len(doc) and doc[j + 1].lower_ in ("a", "an"):
                    break
                if head is None and tok.lower_ in role_nouns:
                    head = tok
                j += 1
            if head is None or j == i:
                continue
            phrase = doc[i:j]
            title = phrase.text.strip()
            # the last organisation named: "Director General of Pakistan Army's media wing ISPR" is ISPR's
            org_id = next(
                (token_actor[k] for k in reversed(range(i, j)) if k in token_actor and actors[token_actor[k]].type == "organization"),
                None,
            )
            employer = actors[org_id] if org_id else None
            if employer is None:
                # "Li Wen, China foreign ministry spokesperson": the organisation in the title's words
                employer = self._org_in_title(doc, list(doc[i : head.i + 1]), token_actor, actors, doc._.cg_mentions)
            if employer is None or employer.type == "organization":
                # "X, UN High Commissioner for Human Rights": the office the document names, if it does
                employer = _office_of_title(list(phrase), token_actor, actors, self._is_state) or employer
            if employer is None and doc[j - 1].lower_ in _BACK_REFERENCE_NOUNS and doc[j - 2].lower_ == "the":
                # "X, the secretary of the organization": the one organisation named just before
                employer = self._organization_before(doc, m.start, token_actor, actors)
            actor.add_role(Role(title, employer.id if employer else None, employer.name if employer else None))


def _title_text(tokens: list[Token]) -> str:
    _, _, honorifics, _, _ = _roles_vocab()
    kept = [t for t in tokens if t.text not in honorifics]
    # as written: "Secretary-General", "the KRC's Zamora country director"; a gap where tokens were left out
    parts = [t.text + (t.whitespace_ if n + 1 < len(kept) and kept[n + 1].i == t.i + 1 else " ") for n, t in enumerate(kept)]
    return re.sub(r"\s+", " ", "".join(parts)).strip()
