"""Plain-text and Markdown renderings of an analysis, for terminals and notes.

Kept apart from the CLI so the web and export layers can reuse them; returns
strings, prints nothing.
"""

from __future__ import annotations

from collections import Counter

from claimgraph.model import Actor, Analysis, Attribution

__all__ = ["speaker_label", "render_text", "render_markdown"]


def speaker_label(att: Attribution, analysis: Analysis | None = None, actors: dict[str, Actor] | None = None) -> str:
    """How to name a speaker: the actor's name, else the description, with (anonymous)."""
    sp = att.speaker
    actor = None
    if sp.actor:
        actor = (actors or {}).get(sp.actor) or (analysis.actor(sp.actor) if analysis else None)
    if actor is not None:
        return actor.name
    label = sp.description or sp.text or "unattributed"
    return f"{label} (anonymous)" if sp.anonymous else label


def _short(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def _sections(analysis: Analysis) -> list[tuple[str, list[str]]]:
    actors = {a.id: a for a in analysis.actors}
    counts = Counter(m.actor for m in analysis.mentions)
    out: list[tuple[str, list[str]]] = []
    docs = []
    for d in analysis.documents:
        line = f"{d.title or d.source} [{d.id}] published {d.published or 'unknown'}"
        if d.published_from:
            line += f" (from {d.published_from})"
        docs.append(line)
        docs.extend(f"  dropped: {_short(x, 100)}" for x in d.dropped)
    out.append(("Documents", docs))
    ranked = sorted(analysis.actors, key=lambda a: (-counts.get(a.id, 0), a.name))
    lines = []
    for a in ranked:
        extra = f"/{a.kind}" if a.kind else ""
        roles = "; ".join(r.title + (f" ({r.organization_name})" if r.organization_name and r.organization_name not in r.title else "") for r in a.roles)
        aliases = f" aka {', '.join(a.aliases)}" if a.aliases else ""
        lines.append(f"{a.name} ({a.type}{extra}) x{counts.get(a.id, 0)}{aliases}" + (f" - {roles}" if roles else ""))
    out.append(("Actors", lines))
    out.append(
        (
            "Who said what",
            [
                f"{speaker_label(a, actors=actors)} [{'quote' if a.direct else 'indirect'}, {a.cue or '-'}]: {_short(a.content)}"
                for a in analysis.attributions
            ],
        )
    )
    out.append(
        (
            "Numbers",
            [
                f"{q.text}: {q.min:g}" + (f"..{q.max:g}" if q.max != q.min else "") + (f" {q.unit}" if q.unit else "")
                + (f" of {actors[q.of].name}" if q.of and q.of in actors else "") + (" (approx.)" if q.approximate else "")
                for q in analysis.quantities
            ],
        )
    )
    out.append(("Timeline", [f"{t.date} ({t.precision}): {t.text}" for t in analysis.timeline if t.date]))
    return out


def render_text(analysis: Analysis) -> str:
    parts = []
    for title, lines in _sections(analysis):
        parts.append(f"== {title} ({len(lines)})")
        parts.extend(f"  {line}" for line in lines)
        parts.append("")
    return "\n".join(parts)


def _md_escape(text: str) -> str:
    for ch in "\\`*_[]<>|#":
        text = text.replace(ch, "\\" + ch)
    return text


def render_markdown(analysis: Analysis) -> str:
    parts = ["# claimgraph analysis", ""]
    for title, lines in _sections(analysis):
        parts.append(f"## {title}")
        parts.append("")
        parts.extend(f"- {_md_escape(line.strip())}" for line in lines)
        parts.append("")
    return "\n".join(parts)
