"""Relations: claims about the same pair of actors, aggregated across documents.

A relation (subject, predicate, object) gathers the claims that affirm it
(supporting) and those that deny it (opposing), first and last seen, its
sources (independent: a speaker quoted in five articles is one source) and a
credibility grade with its reasons.
"""

from __future__ import annotations

from typing import Any

from claimgraph.analysis.grading import Source, credibility
from claimgraph.data import relation_types
from claimgraph.model import Claim, Document
from claimgraph.store.schema import relation_id

__all__ = ["build_relations"]


def build_relations(
    claims: list[Claim], sources: dict[str, Source], documents: dict[str, Document]
) -> list[dict[str, Any]]:
    groups: dict[tuple[str, str, str], list[Claim]] = {}
    types = relation_types()
    for c in claims:
        if not c.subject or not c.object or c.predicate not in types:
            continue
        groups.setdefault((c.subject, c.predicate, c.object), []).append(c)
    out = []
    for (subj, pred, obj), members in sorted(groups.items()):
        supporting = [c for c in members if c.polarity == "affirmed"]
        opposing = [c for c in members if c.polarity != "affirmed"]
        grade, reason = credibility([(c, sources[c.id]) for c in supporting], [(c, sources[c.id]) for c in opposing])
        seen = sorted(
            d for c in members if (d := c.date or (documents[c.document].published if c.document in documents else None))
        )
        labels: dict[str, str] = {}
        for c in supporting:
            labels.setdefault(sources[c.id].key, sources[c.id].label)
        out.append(
            {
                "id": relation_id(subj, pred, obj),
                "subject": subj,
                "predicate": pred,
                "object": obj,
                "label": types[pred].get("label", pred),
                "symmetric": bool(types[pred].get("symmetric")),
                "supporting": [c.id for c in supporting],
                "opposing": [c.id for c in opposing],
                "sources": list(labels),
                "source_labels": list(labels.values()),
                "first_seen": seen[0] if seen else None,
                "last_seen": seen[-1] if seen else None,
                "credibility": grade,
                "grade_reason": reason,
                "plover": types[pred].get("plover"),
                "stix": types[pred].get("stix"),
                "ftm": types[pred].get("ftm"),
            }
        )
    return out
