"""The analyst's brief on an actor (or a pair): relations with evidence and grades,
contradictions, commitments, numbers by source and a timeline.

Every statement cites its document and character span, as
``[title, 120-184]``. Markdown for notes, HTML (every text escaped) for the
browser. Returns strings; prints nothing.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass

from claimgraph.errors import AnalysisError
from claimgraph.model import Actor, Analysis, Attribution, Document

__all__ = ["Brief", "build_brief"]


@dataclass
class Brief:
    title: str
    sections: list[tuple[str, list[str]]]

    def markdown(self) -> str:
        out = [f"# {self.title}", ""]
        for heading, lines in self.sections:
            out += [f"## {heading}", ""]
            out += [f"- {line}" for line in lines] if lines else ["- (nothing in the sources)"]
            out.append("")
        return "\n".join(out)

    def html(self) -> str:
        body = [f"<h1>{html.escape(self.title)}</h1>"]
        for heading, lines in self.sections:
            body.append(f"<h2>{html.escape(heading)}</h2><ul>")
            body += [f"<li>{html.escape(line)}</li>" for line in lines] or ["<li>(nothing in the sources)</li>"]
            body.append("</ul>")
        return (
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'\">"
            f"<title>{html.escape(self.title)}</title></head><body>" + "".join(body) + "</body></html>\n"
        )


def _short(text: str, n: int = 180) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def _cite(docs: dict[str, Document], doc_id: str, span: tuple[int, int] | list[int]) -> str:
    d = docs.get(doc_id)
    name = _short(d.title or d.source, 50) if d else doc_id
    return f"[{name}, {span[0]}-{span[1]}]"


def _speaker(att: Attribution | None, actors: dict[str, Actor]) -> str:
    if att is None:
        return "the article"
    sp = att.speaker
    if sp.actor and sp.actor in actors:
        return actors[sp.actor].name
    return (sp.description or sp.text or "unnamed") + (" (anonymous)" if sp.anonymous else "")


def build_brief(analysis: Analysis, actor: str, other: str | None = None) -> Brief:
    """The brief on ``actor`` (and its relationship with ``other``) from an enriched analysis."""
    actors = {a.id: a for a in analysis.actors}
    docs = {d.id: d for d in analysis.documents}
    atts = {a.id: a for a in analysis.attributions}
    claims = {c.id: c for c in analysis.claims}

    def find(name: str) -> Actor:
        from claimgraph.model import name_key

        key = name_key(name)
        hits = [a for a in analysis.actors if a.id == name or name_key(a.name) == key or key in {name_key(x) for x in a.aliases}]
        if not hits:
            raise AnalysisError(f"no actor named {name!r} in the knowledge base (see 'claimgraph actors')")
        if len(hits) == 1:
            return hits[0]
        counts = Counter(m.actor for m in analysis.mentions)
        return max(hits, key=lambda a: counts[a.id])

    a = find(actor)
    b = find(other) if other else None
    focus = {a.id} | ({b.id} if b else set())

    def involved(ids: set[str | None]) -> bool:
        return a.id in ids and (b is None or b.id in ids)

    sections: list[tuple[str, list[str]]] = []
    who = [f"{a.name}: {a.type}" + (f", {a.kind.replace('_', ' ')}" if a.kind else "")]
    if a.aliases:
        who.append("also called " + ", ".join(a.aliases))
    who += [f"role: {r.title}" + (f" ({r.organization_name})" if r.organization_name and r.organization_name not in r.title else "") for r in a.roles]
    sections.append(("Who", who))

    rel_lines = []
    for r in sorted(analysis.relations, key=lambda r: (r["credibility"], -len(r["supporting"]))):
        if not involved({r["subject"], r["object"]}):
            continue
        head = (
            f"{actors[r['subject']].name} {r['label']} {actors[r['object']].name}: credibility {r['credibility']} "
            f"({r['grade_reason']})"
        )
        rel_lines.append(head)
        for cid in r["supporting"][:6] + r["opposing"][:3]:
            c = claims[cid]
            sign = "for" if c.polarity == "affirmed" else "against"
            rel_lines.append(
                f"    {sign}: {_speaker(atts.get(c.attribution or ''), actors)}: \u201c{_short(c.text)}\u201d {_cite(docs, c.document, c.span)}"
            )
    sections.append(("Relationships and evidence", rel_lines))

    said = [
        f"{'quote' if x.direct else 'reported'}: \u201c{_short(x.content)}\u201d {_cite(docs, x.document, x.span)}"
        for x in analysis.attributions
        if x.speaker.actor == a.id
    ]
    sections.append((f"What {a.name} says", said))
    # where the focus is mentioned, by document: the sections below ask it for every item
    seen_at: dict[str, list[int]] = {}
    for m in analysis.mentions:
        if m.actor in focus and m.document:
            seen_at.setdefault(m.document, []).append(m.span[0])

    def mentioned(document: str, start: int, end: int) -> bool:
        return any(start <= at < end for at in seen_at.get(document, ()))

    about = []
    for x in analysis.attributions:
        if x.speaker.actor in focus:
            continue
        if mentioned(x.document, x.span[0], x.span[1]):
            about.append(f"{_speaker(x, actors)}: \u201c{_short(x.content)}\u201d {_cite(docs, x.document, x.span)}")
    sections.append((f"What others say about {a.name}", about[:30]))

    cons = []
    from claimgraph.data import class_members

    members = class_members()

    def touches(actor_id: str | None) -> bool:
        if actor_id in focus:
            return True
        ref = actors.get(actor_id or "")
        return bool(ref and ref.type == "class" and any(actors[f].name in members.get(ref.name, set()) for f in focus))

    kinds = ("polarity", "count", "rejection", "mutual_blame")
    ranked = sorted(analysis.contradictions, key=lambda c: (kinds.index(c.get("kind") or "polarity") if (c.get("kind") or "polarity") in kinds else 9, c["about"], c["id"]))
    for con in ranked:
        parts = [claims[c] for c in con["claims"] if c in claims]
        if any(touches(c.subject) or touches(c.object) for c in parts):
            cites = " ".join(_cite(docs, c.document, c.span) for c in parts[:4])
            cons.append(f"{con['explanation']} {cites}")
    sections.append(("Contradictions", cons))

    coms = []
    for com in sorted(analysis.commitments, key=lambda c: c["agreement"]):  # stable: an agreement's obligations in its order
        if com["obligor"] not in focus and not (b is None and a.type == "agreement"):
            continue
        coms.append(f"{com['obligor_name']} under {com['agreement']}: {com['obligation']} \u2014 {com['status'].upper()} ({com['reason']})")
        for label, key in (("against", "evidence_against"), ("for", "evidence_for")):
            for cid in com[key][:4]:
                c = claims[cid]
                coms.append(f"    {label}: {_speaker(atts.get(c.attribution or ''), actors)}: \u201c{_short(c.text, 120)}\u201d {_cite(docs, c.document, c.span)}")
    sections.append(("Commitments", coms))

    numbers = []
    for q in analysis.quantities:
        if q.of in focus or mentioned(q.document, q.span[0] - 199, q.span[0] + 200):
            holder = next((x for x in analysis.attributions if x.document == q.document and x.span[0] <= q.span[0] < x.span[1]), None)
            rng = f"{q.min:g}" + (f"-{q.max:g}" if q.max != q.min else "")
            numbers.append(f"{rng} {q.unit or ''} ({_speaker(holder, actors)}): \u201c{q.text}\u201d {_cite(docs, q.document, q.span)}")
    sections.append(("Numbers by source", numbers))

    timeline = []
    for t in sorted((t for t in analysis.timeline if t.date), key=lambda t: t.date or ""):
        doc = docs.get(t.document)
        if doc is None:
            continue
        start = max(0, doc.text.rfind(".", 0, t.span[0]) + 1)
        end = doc.text.find(".", t.span[1])
        sentence = doc.text[start : end + 1 if end != -1 else len(doc.text)]
        if mentioned(t.document, start, end if end != -1 else len(doc.text)):
            timeline.append(f"{t.date} ({t.precision}): {_short(sentence.strip(), 160)} {_cite(docs, t.document, t.span)}")
    sections.append(("Timeline", timeline))

    title = f"Brief: {a.name}" + (f" and {b.name}" if b else "")
    return Brief(title, sections)
