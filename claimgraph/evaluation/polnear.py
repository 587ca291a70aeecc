"""Attribution evaluation on PolNeAR (Newell et al., LREC 2018), brat standoff format.

A split directory holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``;
where several annotators labelled one article, the first file (by name) is used.
A predicted attribution matches a gold one when their content spans overlap by
at least half of the shorter span (one-to-one, greedy in text order); its
source is right when the predicted speaker span overlaps the gold source span.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimgraph.errors import EvaluationError
from claimgraph.ingest import RawInput, document_from_text
from claimgraph.model import Attribution
from claimgraph.nlp import analyze_docs, load_pipeline

__all__ = ["GoldAttribution", "read_brat", "load_split", "score", "evaluate_polnear"]

Spans = list[tuple[int, int]]


@dataclass
class GoldAttribution:
    content: Spans
    source: Spans = field(default_factory=list)
    cue: Spans = field(default_factory=list)


def _parse_spans(text: str) -> Spans:
    out = []
    for part in text.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def read_brat(ann: str) -> list[GoldAttribution]:
    """Attributions (content, source, cue spans) from a brat .ann file's text."""
    spans: dict[str, tuple[str, Spans]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        if not line.strip():
            continue
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            try:
                spans[parts[0]] = (label, _parse_spans(offsets))
            except ValueError:
                continue
        elif line.startswith("E") and len(parts) >= 2:
            args = {}
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                args[role.rstrip("0123456789")] = ref
            events.append(args)
    out = []
    for ev in events:
        content = spans.get(ev.get("Content", ""), ("", []))[1]
        if not content:
            continue
        out.append(
            GoldAttribution(
                content=content,
                source=spans.get(ev.get("Source", ""), ("", []))[1],
                cue=spans.get(ev.get("Cue", ""), ("", []))[1],
            )
        )
    return out


def load_split(directory: str | Path, limit: int | None = None) -> Iterator[tuple[str, str, list[GoldAttribution]]]:
    """(name, text, gold attributions) for each article of a split."""
    root = Path(directory)
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise EvaluationError(
            f"{root}: not a PolNeAR split (expected text/ and attributions/); "
            "the data lives in ../shared/eval/polnear, outside the repository"
        )
    anns: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        anns.setdefault(name, ann)
    count = 0
    for txt in sorted(text_dir.glob("*.txt")):
        ann_path = anns.get(txt.stem)
        if ann_path is None:
            continue
        yield txt.stem, txt.read_text(encoding="utf-8"), read_brat(ann_path.read_text(encoding="utf-8"))
        count += 1
        if limit and count >= limit:
            break


def _overlap(a: Spans, b: Spans) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _length(a: Spans) -> int:
    return sum(e - s for s, e in a)


def score(predicted: list[Attribution], gold: list[GoldAttribution]) -> dict[str, int]:
    """True positives for content and content+source, with the counts they are out of."""
    used: set[int] = set()
    tp_content = tp_source = 0
    for pred in sorted(predicted, key=lambda p: p.span):
        p_spans = [pred.span]
        best, best_ov = None, 0
        for gi, g in enumerate(gold):
            if gi in used:
                continue
            ov = _overlap(p_spans, g.content)
            if ov > 0 and ov >= 0.5 * min(_length(p_spans), _length(g.content)) and ov > best_ov:
                best, best_ov = gi, ov
        if best is None:
            continue
        used.add(best)
        tp_content += 1
        g = gold[best]
        sp = pred.speaker.span
        if (sp is not None and g.source and _overlap([sp], g.source) > 0) or (sp is None and not g.source):
            tp_source += 1
    return {"predicted": len(predicted), "gold": len(gold), "tp_content": tp_content, "tp_source": tp_source}


def _prf(tp: int, predicted: int, gold: int) -> dict[str, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def evaluate_polnear(directory: str | Path, limit: int | None = None) -> dict[str, Any]:
    """Run the pipeline over a PolNeAR split and score its attributions."""
    articles = list(load_split(directory, limit))
    if not articles:
        raise EvaluationError(f"{directory}: no annotated articles found")
    nlp = load_pipeline()
    docs = [document_from_text(RawInput(text=text, source=name)) for name, text, _ in articles]
    totals = {"predicted": 0, "gold": 0, "tp_content": 0, "tp_source": 0}
    direct = {"predicted": 0, "tp_content": 0}
    for analysis, (_, _, gold) in zip(analyze_docs(nlp, docs), articles, strict=False):
        counts = score(analysis.attributions, gold)
        for k in totals:
            totals[k] += counts[k]
        d = [a for a in analysis.attributions if a.direct]
        direct["predicted"] += len(d)
        direct["tp_content"] += score(d, gold)["tp_content"]
    content = _prf(totals["tp_content"], totals["predicted"], totals["gold"])
    source = _prf(totals["tp_source"], totals["predicted"], totals["gold"])
    report = (
        f"PolNeAR {directory}: {len(articles)} articles, {totals['gold']} gold attributions, "
        f"{totals['predicted']} predicted ({direct['predicted']} direct quotes)\n"
        f"content          P {content['precision']:.3f}  R {content['recall']:.3f}  F1 {content['f1']:.3f}\n"
        f"content+source   P {source['precision']:.3f}  R {source['recall']:.3f}  F1 {source['f1']:.3f}"
    )
    return {"articles": len(articles), **totals, "content": content, "content_source": source, "report": report}
