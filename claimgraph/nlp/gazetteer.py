"""The actor gazetteer: known actors from ``data/gazetteer.yaml`` and a matcher for them.

Matching is by lower-cased tokens, with two guards that keep common words
from turning into actors: an acronym ("US", "ISI") only matches in capitals,
and a match must start with a capital unless the alias itself starts
lower-case ("al-Qaeda").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from claimgraph.data import load_yaml
from claimgraph.model import name_key

__all__ = ["Entry", "Gazetteer", "load_gazetteer"]

# Section of the YAML file -> (actor type, default kind).
_SECTIONS: dict[str, tuple[str, str | None]] = {
    "armed_groups": ("organization", "armed_group"),
    "intergovernmental": ("organization", "intergovernmental"),
    "military_alliances": ("organization", "military_alliance"),
    "intelligence_agencies": ("organization", "intelligence_agency"),
    "government_agencies": ("organization", "government"),
    "media": ("organization", "media"),
    "think_tanks": ("organization", "think_tank"),
    "ngos": ("organization", "ngo"),
    "platforms": ("organization", "platform"),
    "places": ("place", None),
    "agreements": ("agreement", "agreement"),
    "people": ("person", None),
}
_LABELS = {"organization": "ORG", "place": "GPE", "agreement": "LAW", "person": "PERSON"}


@dataclass(frozen=True)
class Entry:
    name: str
    type: str
    kind: str | None
    aliases: tuple[str, ...] = ()
    collective: tuple[str, ...] = field(default=())

    @property
    def label(self) -> str:
        return _LABELS[self.type]


class Gazetteer:
    """Known actors by name key, and a PhraseMatcher over their names and aliases."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.by_key: dict[str, Entry] = {}
        for entry in entries:
            for form in (entry.name, *entry.aliases):
                self.by_key.setdefault(name_key(form), entry)
        self.by_name = {e.name: e for e in entries}
        self._matchers: dict[int, tuple[PhraseMatcher, PhraseMatcher]] = {}

    def lookup(self, text: str) -> Entry | None:
        return self.by_key.get(name_key(text))

    def _matchers_for(self, nlp: Language) -> tuple[PhraseMatcher, PhraseMatcher]:
        key = id(nlp.vocab)
        if key not in self._matchers:
            lower = PhraseMatcher(nlp.vocab, attr="LOWER")
            exact = PhraseMatcher(nlp.vocab, attr="ORTH")
            for entry in self.entries:
                for form in (entry.name, *entry.aliases):
                    if _acronym(form):
                        exact.add(entry.name, [nlp.make_doc(form)])
                    else:
                        lower.add(entry.name, [nlp.make_doc(form)])
            self._matchers[key] = (lower, exact)
        return self._matchers[key]

    def match(self, nlp: Language, doc: Doc) -> list[Span]:
        """Spans of ``doc`` naming gazetteer actors, labelled, with the entry name as kb_id."""
        lower, exact = self._matchers_for(nlp)
        spans: list[Span] = []
        for matcher, check_case in ((lower, True), (exact, False)):
            for match_id, start, end in matcher(doc):
                first = doc[start]
                name = nlp.vocab.strings[match_id]
                if check_case and not (first.text[:1].isupper() or first.text[:1] in "'\u2019"):
                    # lower-case text only matches aliases that are lower-case themselves
                    if not any(
                        a.split()[0].lower() == first.lower_ and a[:1].islower()
                        for a in (name, *self.by_name[name].aliases)
                    ):
                        continue
                if not check_case and first.is_stop and first.pos_ in ("AUX", "VERB") and _shouting(doc, start, end):
                    continue  # "TRUCE IS BROKEN": an acronym that is also a verb, in a line of capitals
                entry = self.by_name[name]
                spans.append(Span(doc, start, end, label=entry.label, kb_id=name))
        return spans


def _acronym(form: str) -> bool:
    """A short name whose capitals carry its meaning, matched only as written: "ISIS", and
    "LeT" or "JeM", which as "Let" or "Jem" are words."""
    letters = form.replace(".", "")
    if len(letters) > 5 or " " in form:
        return False
    return form.isupper() or (form[:1].isupper() and any(c.isupper() for c in form[1:]))


def _shouting(doc: Doc, start: int, end: int) -> bool:
    """Whether a word next to ``doc[start:end]`` is in capitals too (a headline in capitals)."""
    near = [doc[k] for k in (start - 1, end) if 0 <= k < len(doc)]
    return any(t.is_alpha and len(t) > 1 and t.is_upper for t in near)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    data = load_yaml("gazetteer.yaml")
    entries: list[Entry] = []
    for section, items in data.items():
        type_, kind = _SECTIONS[section]
        for item in items:
            entries.append(
                Entry(
                    name=item["name"],
                    type=item.get("type", type_),
                    kind=item.get("kind", kind),
                    aliases=tuple(item.get("aliases", [])),
                    collective=tuple(item.get("collective", [])),
                )
            )
    return Gazetteer(entries)
