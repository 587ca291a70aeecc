"""Domain types shared by every layer: documents, actors, attributions, numbers, dates.

Everything here is plain data. Each type knows how to turn itself into the
JSON contract of ``claimgraph analyze --format json`` (``to_dict``) and back
(``from_dict``), so the store, the CLI and the Python API all speak the same
shapes. Ids are derived from content (sha1 of the key parts), so analysing the
same text twice yields the same ids.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

__all__ = [
    "Span",
    "make_id",
    "name_key",
    "Document",
    "Role",
    "Actor",
    "Mention",
    "Speaker",
    "Attribution",
    "Quantity",
    "TimeExpression",
    "Claim",
    "DocumentAnalysis",
    "Event",
    "Analysis",
]

Span = tuple[int, int]

ACTOR_TYPES = ("person", "organization", "place", "agreement", "group", "other")


def make_id(prefix: str, *parts: object) -> str:
    """Deterministic id: a prefix and the sha1 of the key parts."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:16]}"


_DASHES = re.compile(r"[\u2010-\u2015\-_]+")
_NON_WORD = re.compile(r"[^\w\s]")
_PLAIN = re.compile(r"[A-Za-z0-9 ]*")


# names recur within and across documents: each is normalised once
@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Case-, accent-, dash- and punctuation-insensitive key of a name.

    "al-Qaeda", "Al Qaeda" and "Al-Qaeda" share one key; used to merge
    mentions and aliases of one actor.
    """
    if _PLAIN.fullmatch(name):
        # ASCII letters, digits and spaces, most names: the same key without the Unicode passes
        text = " ".join(name.lower().split())
        return text[4:] if text.startswith("the ") else text
    return _unicode_key(name)


def _unicode_key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['\u2019]s$", "", text)
    text = _DASHES.sub(" ", text)
    text = _NON_WORD.sub("", text)
    text = re.sub(r"^the\s+", "", text.strip())
    return re.sub(r"\s+", " ", text).strip()


def _span(value: Any) -> Span | None:
    if value is None:
        return None
    start, end = value
    return (int(start), int(end))


@dataclass
class Document:
    """A text as read, with where it came from and what was dropped as page furniture.

    ``text`` is kept exactly as read (after decoding); every span in the
    analysis indexes into it. ``dropped_spans`` marks the furniture that the
    analysis skipped.
    """

    id: str
    text: str
    source: str
    title: str | None = None
    published: str | None = None
    published_from: str | None = None
    outlet: str | None = None
    url: str | None = None
    dropped: list[str] = field(default_factory=list)
    dropped_spans: list[Span] = field(default_factory=list)
    #: the dateline ("KABUL, Afghanistan (Jan. 25, 2013) --"): kept in the text, not analysed as prose
    dateline_span: Span | None = None
    #: the first stored document of the story this one copies (its own id when it stands
    #: alone); set by the store, None for a document never stored
    report: str | None = None

    @staticmethod
    def id_for(text: str) -> str:
        return make_id("doc", text)

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "published": self.published,
            "published_from": self.published_from,
            "outlet": self.outlet,
            "url": self.url,
            "dropped": list(self.dropped),
            "dropped_spans": [list(s) for s in self.dropped_spans],
            "dateline": self.text[self.dateline_span[0] : self.dateline_span[1]].strip() if self.dateline_span else None,
        }
        if with_text:
            out["text"] = self.text
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls(
            id=data["id"],
            text=data.get("text", ""),
            source=data.get("source", ""),
            title=data.get("title"),
            published=data.get("published"),
            published_from=data.get("published_from"),
            outlet=data.get("outlet"),
            url=data.get("url"),
            dropped=list(data.get("dropped", [])),
            dropped_spans=[(int(a), int(b)) for a, b in data.get("dropped_spans", [])],
            dateline_span=_span(data.get("dateline_span")),
        )


@dataclass
class Role:
    """A title someone holds, and the organisation it is with when the text says."""

    title: str
    organization: str | None = None
    organization_name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "organization": self.organization,
            "organization_name": self.organization_name,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Role:
        return cls(data["title"], data.get("organization"), data.get("organization_name"))


@dataclass
class Actor:
    """A person, organisation, place or agreement, with its aliases and roles."""

    id: str
    name: str
    type: str
    kind: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)

    @staticmethod
    def id_for(name: str, type_: str) -> str:
        return make_id("act", type_, name_key(name))

    def add_alias(self, alias: str) -> None:
        alias = alias.strip()
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)

    def add_role(self, role: Role) -> None:
        for existing in self.roles:
            if name_key(existing.title) == name_key(role.title):
                if existing.organization is None and role.organization is not None:
                    existing.organization = role.organization
                    existing.organization_name = role.organization_name
                return
        self.roles.append(role)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "kind": self.kind,
            "aliases": list(self.aliases),
            "roles": [r.to_dict() for r in self.roles],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(
            id=data["id"],
            name=data["name"],
            type=data["type"],
            kind=data.get("kind"),
            aliases=list(data.get("aliases", [])),
            roles=[Role.from_dict(r) for r in data.get("roles", [])],
        )


@dataclass
class Mention:
    """One place in a document where an actor is named or referred to."""

    actor: str
    text: str
    span: Span
    label: str
    document: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "document": self.document, "text": self.text, "span": list(self.span), "label": self.label}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        span = _span(data["span"])
        assert span is not None
        return cls(data["actor"], data["text"], span, data.get("label", ""), data.get("document"))


@dataclass
class Speaker:
    """Who an attribution is attributed to: a resolved actor, a description, or nobody named."""

    actor: str | None = None
    text: str | None = None
    span: Span | None = None
    description: str | None = None
    anonymous: bool = False
    affiliation: str | None = None
    # {"grade": "A".."F", "reason": ...}: set by the analysis layer (grading), not stored
    reliability: dict[str, str] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "text": self.text,
            "span": list(self.span) if self.span else None,
            "description": self.description,
            "anonymous": self.anonymous,
            "affiliation": self.affiliation,
            "reliability": dict(self.reliability) if self.reliability else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Speaker:
        return cls(
            actor=data.get("actor"),
            text=data.get("text"),
            span=_span(data.get("span")),
            description=data.get("description"),
            anonymous=bool(data.get("anonymous")),
            affiliation=data.get("affiliation"),
            reliability=dict(data["reliability"]) if data.get("reliability") else None,
        )


@dataclass
class Attribution:
    """Who said what: content, cue, direct or indirect, and the speaker."""

    id: str
    document: str
    content: str
    span: Span
    direct: bool
    cue: str | None
    speaker: Speaker
    cue_span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.document,
            "content": self.content,
            "span": list(self.span),
            "direct": self.direct,
            "cue": self.cue,
            "cue_span": list(self.cue_span) if self.cue_span else None,
            "speaker": self.speaker.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attribution:
        span = _span(data["span"])
        assert span is not None
        return cls(
            id=data["id"],
            document=data["document"],
            content=data["content"],
            span=span,
            direct=bool(data["direct"]),
            cue=data.get("cue"),
            speaker=Speaker.from_dict(data.get("speaker") or {}),
            cue_span=_span(data.get("cue_span")),
        )


@dataclass
class Quantity:
    """A number or range in the text and what it counts."""

    id: str
    document: str
    text: str
    span: Span
    min: float
    max: float
    unit: str | None = None
    approximate: bool = False
    of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.document,
            "text": self.text,
            "span": list(self.span),
            "min": _num(self.min),
            "max": _num(self.max),
            "unit": self.unit,
            "approximate": self.approximate,
            "of": self.of,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quantity:
        span = _span(data["span"])
        assert span is not None
        return cls(
            id=data["id"],
            document=data["document"],
            text=data["text"],
            span=span,
            min=float(data["min"]),
            max=float(data["max"]),
            unit=data.get("unit"),
            approximate=bool(data.get("approximate")),
            of=data.get("of"),
        )


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


@dataclass
class TimeExpression:
    """A date or relative date in the text, resolved against the publication date when it can be."""

    id: str
    document: str
    text: str
    span: Span
    date: str | None
    precision: str | None
    #: "date" for a date expression; "claim" or "event" for a dated fact on the timeline
    kind: str = "date"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.document,
            "kind": self.kind,
            "text": self.text,
            "span": list(self.span),
            "date": self.date,
            "precision": self.precision,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimeExpression:
        span = _span(data["span"])
        assert span is not None
        return cls(data["id"], data["document"], data["text"], span, data.get("date"), data.get("precision"), data.get("kind", "date"))


@dataclass
class Claim:
    """Subject, predicate, object: one clause saying how two actors stand, with its evidence.

    ``attribution`` is the attribution the clause sits in (the claim is the
    speaker's), or None when the article says it in its own voice.
    """

    id: str
    document: str
    subject: str | None
    predicate: str
    object: str | None
    polarity: str
    text: str
    span: Span
    attribution: str | None = None
    hedges: list[str] = field(default_factory=list)
    boosters: list[str] = field(default_factory=list)
    date: str | None = None

    @staticmethod
    def id_for(document: str, span: Span, subject: str | None, predicate: str, object_: str | None, polarity: str) -> str:
        return make_id("clm", document, span[0], span[1], subject, predicate, object_, polarity)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.document,
            "attribution": self.attribution,
            "subject": self.subject,
            "predicate": self.predicate,
            "object": self.object,
            "polarity": self.polarity,
            "hedged": bool(self.hedges),
            "hedges": list(self.hedges),
            "boosters": list(self.boosters),
            "date": self.date,
            "text": self.text,
            "span": list(self.span),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        span = _span(data["span"])
        assert span is not None
        return cls(
            id=data["id"],
            document=data["document"],
            subject=data["subject"],
            predicate=data["predicate"],
            object=data["object"],
            polarity=data["polarity"],
            text=data["text"],
            span=span,
            attribution=data.get("attribution"),
            hedges=list(data.get("hedges", [])),
            boosters=list(data.get("boosters", [])),
            date=data.get("date"),
        )


@dataclass
class Event:
    """Something done, with its counts: "killed two insurgents", "detained a Taliban leader"."""

    id: str
    document: str
    type: str
    text: str
    span: Span
    plover: str | None = None
    killed: int | None = None
    wounded: int | None = None
    captured: int | None = None
    leaders_killed: int | None = None
    leaders_captured: int | None = None
    civilian: bool = False
    #: the counted people are soldiers or police, not fighters of an armed group
    security: bool = False
    #: the count repeats one given earlier in the document (not added again)
    restated: bool = False
    actor: str | None = None
    target: str | None = None
    target_group: str | None = None
    location: str | None = None
    date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.document,
            "type": self.type,
            "plover": self.plover,
            "actor": self.actor,
            "target": self.target,
            "target_group": self.target_group,
            "location": self.location,
            "date": self.date,
            "killed": self.killed,
            "wounded": self.wounded,
            "captured": self.captured,
            "leaders_killed": self.leaders_killed,
            "leaders_captured": self.leaders_captured,
            "civilian": self.civilian,
            "security": self.security,
            "restated": self.restated,
            "text": self.text,
            "span": list(self.span),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        span = _span(data["span"])
        assert span is not None
        keys = ("plover", "killed", "wounded", "captured", "leaders_killed", "leaders_captured", "actor", "target", "target_group", "location", "date")
        return cls(data["id"], data["document"], data["type"], data["text"], span, civilian=bool(data.get("civilian")),
                   security=bool(data.get("security")), restated=bool(data.get("restated")),
                   **{k: data.get(k) for k in keys})


@dataclass
class Relation:
    """Claims about one (subject, predicate, object), across documents, with a credibility grade.

    ``supporting``/``opposing`` are claim ids; ``sources`` the keys of the independent
    sources that support it (a speaker quoted in five articles is one), ``source_labels``
    their names. The JSON contract's relation is ``to_dict()``.
    """

    id: str
    subject: str
    predicate: str
    object: str
    label: str
    symmetric: bool
    supporting: list[str]
    opposing: list[str]
    sources: list[str]
    source_labels: list[str]
    first_seen: str | None
    last_seen: str | None
    credibility: int
    grade_reason: str
    plover: str | None = None
    stix: str | None = None
    ftm: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Relation:
        return cls(**{k: data.get(k) for k in cls.__dataclass_fields__})  # type: ignore[arg-type]


#: kinds of contradiction: opposite polarity on one relation, two counts that cannot both
#: hold, a rejection of what another said, two sides blaming each other for one breach
CONTRADICTION_KINDS = ("polarity", "count", "rejection", "mutual_blame")


@dataclass
class Contradiction:
    """Two or more sources that cannot all be right, and why, in one sentence.

    ``claims`` cite each side (a statement the analysis made up for a side that carries no
    relation is in ``statements``, as claim dicts); ``sides`` (polarity), ``quantities``
    (count) and ``attributions`` (rejection) say more for their kinds.
    """

    id: str
    kind: str
    about: str
    claims: list[str]
    explanation: str
    sides: list[dict[str, Any]] = field(default_factory=list)
    quantities: list[str] = field(default_factory=list)
    attributions: list[str] = field(default_factory=list)
    statements: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "kind": self.kind, "claims": list(self.claims), "about": self.about,
                               "explanation": self.explanation}
        for name in ("sides", "quantities", "attributions"):
            if getattr(self, name):
                out[name] = list(getattr(self, name))
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Contradiction:
        return cls(
            id=data["id"], kind=data.get("kind") or "polarity", about=data.get("about", ""), claims=list(data.get("claims") or []),
            explanation=data.get("explanation", ""), sides=list(data.get("sides") or []), quantities=list(data.get("quantities") or []),
            attributions=list(data.get("attributions") or []), statements=list(data.get("statements") or []),
        )


@dataclass
class Commitment:
    """One obligation of an agreement, its status and the claims for and against it."""

    id: str
    agreement: str
    agreement_id: str
    obligation_id: str
    obligor: str
    obligor_name: str
    obligation: str
    due: str | None
    status: str
    reason: str
    evidence_for: list[str]
    evidence_against: list[str]

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Commitment:
        return cls(**{k: data.get(k) for k in cls.__dataclass_fields__})  # type: ignore[arg-type]


@dataclass
class DocumentAnalysis:
    """Everything extracted from one document, before it meets the store."""

    document: Document
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    timeline: list[TimeExpression] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def remap_actors(self, mapping: dict[str, str]) -> None:
        """Point every reference at the store's actor ids (after cross-document resolution)."""
        for m in self.mentions:
            m.actor = mapping.get(m.actor, m.actor)
        for a in self.attributions:
            if a.speaker.actor:
                a.speaker.actor = mapping.get(a.speaker.actor, a.speaker.actor)
        for q in self.quantities:
            if q.of:
                q.of = mapping.get(q.of, q.of)
        for e in self.events:
            e.actor = mapping.get(e.actor, e.actor) if e.actor else None
            e.target = mapping.get(e.target, e.target) if e.target else None
        for c in self.claims:
            c.subject = mapping.get(c.subject, c.subject) if c.subject else None
            c.object = mapping.get(c.object, c.object) if c.object else None
        for actor in self.actors:
            for role in actor.roles:
                if role.organization:
                    role.organization = mapping.get(role.organization, role.organization)


@dataclass
class Analysis:
    """The analysis of a set of documents, in the shape of the JSON contract."""

    documents: list[Document] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    timeline: list[TimeExpression] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    #: filled by the analysis layer: JSON-ready dicts in the contract's shapes
    relations: list[dict[str, Any]] = field(default_factory=list)
    contradictions: list[dict[str, Any]] = field(default_factory=list)
    commitments: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)

    def actor(self, actor_id: str | None) -> Actor | None:
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": [d.to_dict() for d in self.documents],
            "actors": [a.to_dict() for a in self.actors],
            "attributions": [a.to_dict() for a in self.attributions],
            "quantities": [q.to_dict() for q in self.quantities],
            "timeline": [t.to_dict() for t in self.timeline if t.date],
            "mentions": [m.to_dict() for m in self.mentions],
            "claims": [c.to_dict() for c in self.claims],
            "relations": list(self.relations),
            "events": list(self.events),
            "contradictions": list(self.contradictions),
            "commitments": list(self.commitments),
        }
