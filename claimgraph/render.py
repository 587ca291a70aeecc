"""Plain-text and Markdown renderings of an analysis, for terminals and notes.

Kept apart from the CLI so the web and export layers can reuse them; returns
strings, prints nothing.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

from claimgraph.model import Actor, Analysis, Attribution

__all__ = ["speaker_label", "render_text", "render_markdown", "printable", "json_text"]

# What a terminal acts on instead of showing: C0 controls but tab and line feed (ESC starts colour,
# cursor and window-title sequences, CR overwrites a line), DEL, the C1 controls (U+009B is a CSI
# of its own), and the bidirectional overrides that make a line read other than it is.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` safe to write to a terminal: each control character shown as an escape (``\\x1b``)."""
    return _UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)


def json_text(value: Any, indent: int | None = 2) -> str:
    """JSON of ``value`` that is safe on a terminal and still the same JSON: the control characters
    that ``json.dumps`` leaves as they are (DEL, C1, bidi overrides) become ``\\u`` escapes."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False, indent=indent, default=str))


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


def _sections(analysis: Analysis) -> list[tuple[str, int, list[str]]]:
    """(title, how many things, lines): the lines of a section can be more than its things."""
    return [(title, len(lines) if title != "Documents" else len(analysis.documents), lines) for title, lines in _section_lines(analysis)]


def _section_lines(analysis: Analysis) -> list[tuple[str, list[str]]]:
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
    for title, count, lines in _sections(analysis):
        parts.append(f"== {title} ({count})")
        parts.extend(f"  {line}" for line in lines)
        parts.append("")
    return "\n".join(parts)


def _md_escape(text: str) -> str:
    for ch in "\\`*_[]<>|#":
        text = text.replace(ch, "\\" + ch)
    return text


def render_markdown(analysis: Analysis) -> str:
    parts = ["# claimgraph analysis", ""]
    for title, _, lines in _sections(analysis):
        parts.append(f"## {title}")
        parts.append("")
        parts.extend(f"- {_md_escape(line.strip())}" for line in lines)
        parts.append("")
    return "\n".join(parts)
