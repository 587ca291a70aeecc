"""Analysis over stored facts: relations, grades, contradictions, commitments.

``enrich(analysis, ...)`` fills an Analysis (from ``Store.analysis``) with
relations, contradictions and commitments, in the shapes of the JSON contract.
"""

from __future__ import annotations

from typing import Any

from claimgraph.analysis.commitments import (
    assess_commitments,
    pledges,
    shipped_agreements,
    text_agreements,
    validate_agreement,
)
from claimgraph.analysis.contradictions import accusation_blame, find_contradictions, mutual_blame, self_defence
from claimgraph.analysis.grading import CREDIBILITY, RELIABILITY, Source, credibility, source_of, speaker_source
from claimgraph.analysis.knowledge import KnowledgeBase
from claimgraph.analysis.numbers import chronology, number_contradictions, rejections
from claimgraph.analysis.relations import build_relations
from claimgraph.analysis.reports import report_groups
from claimgraph.data import relation_types
from claimgraph.model import Analysis, name_key

__all__ = [
    "CREDIBILITY",
    "KnowledgeBase",
    "build_relations",
    "RELIABILITY",
    "Source",
    "credibility",
    "enrich",
    "shipped_agreements",
    "source_of",
    "validate_agreement",
]


def enrich(
    analysis: Analysis, overrides: dict[str, str] | None = None, agreements: list[dict[str, Any]] | None = None
) -> Analysis:
    """Add relations, contradictions and commitments to ``analysis`` (in place) and return it."""
    actors = {a.id: a for a in analysis.actors}
    attributions = {a.id: a for a in analysis.attributions}
    documents = {d.id: d for d in analysis.documents}
    reports = report_groups(analysis.documents)
    for att in analysis.attributions:
        graded = speaker_source(att, actors, overrides or {})
        att.speaker.reliability = {"grade": graded.reliability, "reason": graded.reason}
    sources = {c.id: source_of(c, attributions, actors, documents, overrides or {}, reports) for c in analysis.claims}
    analysis.relations = build_relations(analysis.claims, sources, documents)
    symmetric = {k: bool(v.get("symmetric")) for k, v in relation_types().items()}
    analysis.contradictions = [dict(c, kind="polarity") for c in find_contradictions(analysis.claims, sources, actors, symmetric)]
    analysis.contradictions += [dict(c, kind="count") for c in number_contradictions(analysis, attributions, actors, reports)]
    analysis.contradictions += [dict(c, kind="rejection") for c in rejections(analysis, sources)]
    analysis.contradictions += [dict(c, kind=c.get("kind") or "mutual_blame") for c in mutual_blame(analysis.claims, sources, actors)]
    blamed, statements = accusation_blame(analysis.claims, attributions, sources, actors)
    analysis.contradictions += [dict(c, kind=c.get("kind") or "mutual_blame") for c in blamed]
    analysis.claims.extend(statements)
    defended, statements = self_defence(analysis.claims, attributions, sources, actors)
    # one pair of accounts is one contradiction, however it is found
    told = [set(c["claims"]) for c in analysis.contradictions]
    analysis.contradictions += [dict(c, kind=c.get("kind") or "self_defence") for c in defended if set(c["claims"]) not in told]
    analysis.claims.extend(statements)
    for c in analysis.claims:  # the statements a rejection cites have sources too
        if c.id not in sources:
            sources[c.id] = source_of(c, attributions, actors, documents, overrides or {}, reports)
    analysis.timeline = chronology(analysis)
    files = shipped_agreements() + list(agreements or [])
    named = {name_key(str(ag.get("actor") or ag["name"])) for ag in files}
    from_text = [ag for ag in text_agreements(analysis.claims, actors) if name_key(ag["name"]) not in named]
    from_text += pledges(analysis.attributions, actors, documents)
    # a side that says it only answered an attack disputes that it broke anything by attacking
    answered: dict[str, list[str]] = {}
    for con in defended:
        answered.setdefault(con["defender"], []).append(con["claims"][-1])
    analysis.commitments = assess_commitments(files + from_text, analysis.claims, sources, actors, documents, answered=answered)
    return analysis
