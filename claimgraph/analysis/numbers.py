"""Numbers that disagree, explicit rejections, and the chronology of dated facts.

* Two sources giving counts of the same thing (same unit, same actor) whose
  ranges cannot both hold ("200 to 500 fighters" against "50 fighters").
* A source that rejects, denies or dismisses "the claim", "the report" or "the
  allegation" just made by another source.
* The timeline: dated expressions, claims and events of all documents, in order.
"""

from __future__ import annotations

import re
from typing import Any

from claimgraph.analysis.grading import Source
from claimgraph.model import Actor, Analysis, Attribution, TimeExpression, make_id

__all__ = ["number_contradictions", "rejections", "chronology"]

_REJECT = re.compile(r"^(reject|den(y|ie)|dismiss|refut|disput|contradict|deride)", re.IGNORECASE)
_TARGET = re.compile(r"\b(claims?|allegations?|accusations?|reports?|statements?|assertions?|charges?|account)\b", re.IGNORECASE)


def _speaker_key(att: Attribution | None, doc_id: str, reports: dict[str, str]) -> tuple[str, str]:
    if att is None:
        return f"doc:{reports.get(doc_id, doc_id)}", "the article"
    sp = att.speaker
    if sp.actor:
        return sp.actor, sp.text or sp.actor
    label = sp.description or sp.text or "unnamed source"
    return "desc:" + label.lower(), label


def _unit(u: str | None) -> str:
    return (u or "").lower().rstrip("s")


def number_contradictions(
    analysis: Analysis, attributions: dict[str, Attribution], actors: dict[str, Actor], reports: dict[str, str]
) -> list[dict[str, Any]]:
    holders: dict[str, Attribution | None] = {}
    for q in analysis.quantities:
        inside = [a for a in analysis.attributions if a.document == q.document and a.span[0] <= q.span[0] < a.span[1]]
        holders[q.id] = min(inside, key=lambda a: a.span[1] - a.span[0]) if inside else None
    groups: dict[tuple[str, str], list[Any]] = {}
    for q in analysis.quantities:
        if q.of and q.unit:
            groups.setdefault((q.of, _unit(q.unit)), []).append(q)
    out = []
    for (of, unit), qs in groups.items():
        for i, a in enumerate(qs):
            for b in qs[i + 1 :]:
                ka, la = _speaker_key(holders[a.id], a.document, reports)
                kb, lb = _speaker_key(holders[b.id], b.document, reports)
                if ka == kb:
                    continue
                slack_a = 0.1 * a.max if a.approximate else 0
                slack_b = 0.1 * b.max if b.approximate else 0
                if a.max + slack_a < b.min - slack_b or b.max + slack_b < a.min - slack_a:
                    name = actors[of].name if of in actors else of
                    out.append(
                        {
                            "id": make_id("con", a.id, b.id),
                            "claims": [],
                            "quantities": [a.id, b.id],
                            "about": f"number of {name} {unit}s",
                            "explanation": f"{la} counts {a.text!r} while {lb} counts {b.text!r}: both cannot hold.",
                        }
                    )
    return out


def rejections(analysis: Analysis, sources: dict[str, Source]) -> list[dict[str, Any]]:
    """ "Foreign governments reject the claim as blatantly false": against the claim just reported."""
    out = []
    by_doc: dict[str, list[Attribution]] = {}
    for a in analysis.attributions:
        by_doc.setdefault(a.document, []).append(a)
    for atts in by_doc.values():
        atts.sort(key=lambda a: a.span)
        for i, rej in enumerate(atts):
            if not rej.cue or not _REJECT.match(rej.cue) or not _TARGET.search(rej.content):
                continue
            prev = next(
                (p for p in reversed(atts[:i]) if (p.speaker.actor, p.speaker.description) != (rej.speaker.actor, rej.speaker.description)),
                None,
            )
            if prev is None:
                continue
            claims = [c.id for c in analysis.claims if c.attribution == prev.id]
            label_prev = prev.speaker.text or prev.speaker.description or "a source"
            label_rej = rej.speaker.description or rej.speaker.text or "a source"
            out.append(
                {
                    "id": make_id("con", prev.id, rej.id),
                    "claims": claims,
                    "attributions": [prev.id, rej.id],
                    "about": " ".join(prev.content.split())[:120],
                    "explanation": f"{label_rej} {rej.cue} what {label_prev} said ({' '.join(prev.content.split())[:100]!r}).",
                }
            )
    return out


def chronology(analysis: Analysis) -> list[TimeExpression]:
    """Dates, dated claims and dated events of all documents, oldest first."""
    items = [t for t in analysis.timeline if t.date]
    for c in analysis.claims:
        if c.date:
            items.append(TimeExpression(c.id, c.document, c.text, c.span, c.date, _precision(c.date), kind="claim"))
    for e in analysis.events:
        if e.get("date"):
            items.append(
                TimeExpression(e["id"], e["document"], e["text"], (e["span"][0], e["span"][1]), e["date"], _precision(e["date"]), kind="event")
            )
    return sorted(items, key=lambda t: (t.date or "", t.document, t.span))


def _precision(value: str) -> str:
    return {4: "year", 7: "month"}.get(len(value), "day")
