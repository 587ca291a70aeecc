"""Sources and their grades on the NATO Admiralty scale.

A claim's source is whoever it is attributed to: a resolved speaker (one
actor however many articles quote them), a described source ("US
intelligence officials"), or, for what an article says in its own voice, the
outlet or the article. Reliability (A-F) comes from the kind of source, or
from an analyst's override (``claimgraph grade``); credibility (1-6) of a
relation comes from how many independent sources support it, whether any
oppose it, and how hedged the support is. Every grade carries its reasons.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimgraph.model import Actor, Attribution, Claim, Document, name_key

__all__ = ["Source", "source_of", "speaker_source", "RELIABILITY", "CREDIBILITY", "credibility"]

RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}
# default reliability by the kind of the speaking organisation
_KIND_RELIABILITY = {
    "monitoring_team": "B",
    "intergovernmental": "B",
    "military_alliance": "C",
    "government": "C",
    "military": "C",
    "intelligence_agency": "C",
    "media": "C",
    "think_tank": "C",
    "ngo": "C",
    "armed_group": "D",
}


@dataclass(frozen=True)
class Source:
    key: str  # actor id, "desc:<description>" or "doc:<document id>"
    label: str
    reliability: str
    reason: str


def _org_of(actor: Actor, actors: dict[str, Actor]) -> Actor | None:
    for role in actor.roles:
        if role.organization and role.organization in actors:
            return actors[role.organization]
    return None


def source_key(att: Attribution | None, document: str, reports: dict[str, str] | None = None) -> str:
    """The one identity of a source: the speaker's actor id, ``desc:`` and its description when
    it is unnamed, or ``doc:`` and the report (copies of one story are one) for the article's
    own voice. Independent sources, contradictions and commitments all count by it."""
    if att is None:
        return f"doc:{(reports or {}).get(document, document)}"
    sp = att.speaker
    if sp.actor:
        return sp.actor
    return "desc:" + name_key((sp.description or sp.text or "unnamed source").strip())


def source_of(
    claim: Claim,
    attributions: dict[str, Attribution],
    actors: dict[str, Actor],
    documents: dict[str, Document],
    overrides: dict[str, str],
    reports: dict[str, str] | None = None,
) -> Source:
    att = attributions.get(claim.attribution) if claim.attribution else None
    if att is None:
        # the article's own voice: one report however many outlets carried it
        report = (reports or {}).get(claim.document, claim.document)
        doc = documents.get(report) or documents.get(claim.document)
        label = (doc.outlet or f"the article \u201c{(doc.title or doc.source)[:60]}\u201d") if doc else claim.document
        key = source_key(None, claim.document, reports)
        letter = overrides.get(key, "C")
        return Source(key, label, letter, "the article in its own voice: an outlet, fairly reliable by default" if key not in overrides else "set by an analyst")
    return speaker_source(att, actors, overrides)


def speaker_source(att: Attribution, actors: dict[str, Actor], overrides: dict[str, str]) -> Source:
    """The source an attribution's speaker is, graded from what the speaker is.

    An analyst's override first; then the kind of the organisation speaking
    (or the one a named official speaks for), a state speaking through its
    capital or its name, a named person with or without a stated role; a
    description by whether it names an affiliation. F only for the anonymous:
    nobody can be judged.
    """
    sp = att.speaker
    actor = actors.get(sp.actor) if sp.actor else None
    if actor is not None:
        key, label = actor.id, actor.name
        if key in overrides:
            return Source(key, label, overrides[key], "set by an analyst")
        kind = actor.kind
        org = _org_of(actor, actors) if actor.type == "person" else None
        if org is not None and org.kind in _KIND_RELIABILITY:
            return Source(key, label, _KIND_RELIABILITY[org.kind], f"speaks for {org.name} ({org.kind.replace('_', ' ')})")
        if org is not None and org.type == "organization":
            return Source(key, label, "C", f"named official of {org.name}")
        if kind in _KIND_RELIABILITY:
            what = kind.replace("_", " ")
            return Source(key, label, _KIND_RELIABILITY[kind], f"{'an' if what[0] in 'aeiou' else 'a'} {what} speaking for itself")
        if actor.type == "place":
            return Source(key, label, "C", "a state speaking through its government")
        if actor.type == "person" and actor.roles:
            return Source(key, label, "C", f"named, with a stated role ({actor.roles[0].title})")
        if actor.type == "organization":
            return Source(key, label, "D", "a named organisation of unknown kind")
        return Source(key, label, "E", "named, but nothing in the text says who they are")
    desc = (sp.description or sp.text or "unnamed source").strip()
    key = source_key(att, att.document)
    if key in overrides:
        return Source(key, desc, overrides[key], "set by an analyst")
    if sp.anonymous:
        return Source(key, desc, "F", "anonymous: reliability cannot be judged")
    return Source(key, desc, "E" if not sp.affiliation else "D", "described, not named")


def credibility(supporting: list[tuple[Claim, Source]], opposing: list[tuple[Claim, Source]]) -> tuple[int, str]:
    """Admiralty credibility 1-6 of a relation, and why, in one sentence."""
    sup_sources = {s.key: s for _, s in supporting}
    opp_sources = {s.key: s for _, s in opposing}
    independent = len(sup_sources)
    hedged = sum(1 for c, _ in supporting if c.hedges)
    best = min((s.reliability for s in sup_sources.values()), default="F")
    parts = [f"supported by {independent} independent source{'s' if independent != 1 else ''}"]
    if sup_sources:
        parts[0] += " (" + ", ".join(f"{s.label} [{s.reliability}]" for s in sup_sources.values()) + ")"
    if opp_sources:
        parts.append(
            f"opposed by {len(opp_sources)} ("
            + ", ".join(f"{s.label} [{s.reliability}]" for s in opp_sources.values())
            + ")"
        )
    if hedged:
        parts.append(f"{hedged} of {len(supporting)} supporting claims hedged")
    if not supporting:
        grade = 6 if not opposing else 5
    elif opp_sources and len(opp_sources) >= independent:
        grade = 5
    elif independent >= 3 and best <= "C":
        grade = 1
    elif independent >= 2:
        grade = 2
    else:
        grade = 3
    if supporting and hedged == len(supporting) and grade < 4:
        grade = 4
    if opp_sources and grade < 3:
        grade += 1
    return grade, "; ".join(parts) + f": {CREDIBILITY[grade]}."
