"""Event coding evaluation on the PLOVER gold-standard sentences (``PLOVER_GSR_CAMEO.json``).

Each record is one sentence coded by hand with its event class, source and
target actors. claimgraph codes the sentence (``nlp.coder``) and its main
event is the coded verb highest in the parse (the reporting verb of "X said
that ..." codes to no PLOVER class, so the reported event comes next).

- class: precision (right among the sentences given a class) and recall
  (right among all sentences);
- source and target: a predicted actor phrase is right when it shares a word
  (not a stop word) with one of the gold phrases of that role; precision over
  the sentences given one, recall over the sentences whose gold has one.

The gold file uses PLOVER 0.5's classes, which CAMEO2PLOVER-2021 renamed,
merged or moved; ``gold_version`` maps ours back: REQUEST was DEMAND, ACCUSE was
INVESTIGATE (CAMEO 09) or DISAPPROVE (CAMEO 11), conventional military force
(CAMEO 19) was FIGHT, and so were occupying territory (192) and mass violence
(20); destroying property (1712) was COERCE, an embargo or sanctions (163)
SANCTION, easing a curfew or a state of emergency (0813, 0814) CONCEDE, and a
resignation (0831) RETREAT. The DOCUMENT record is skipped.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from claimgraph.errors import EvaluationError

__all__ = ["evaluate_plover", "gold_version"]

_STOP = {"the", "a", "an", "of", "in", "and", "'s", "s", "on", "for", "to", "at", "with", "by", "from", "its", "their"}


def gold_version(plover: str, cameo: str) -> str:
    """Our (2021) class in the gold file's PLOVER 0.5 terms."""
    if plover == "REQUEST":
        return "DEMAND"
    if plover == "ACCUSE":
        return "INVESTIGATE" if cameo.startswith("09") else "DISAPPROVE"
    for prefix, was in _MOVED:
        if cameo.startswith(prefix):
            return was
    if plover == "ASSAULT" and cameo.startswith("19"):
        return "FIGHT"
    return plover


#: CAMEO codes whose PLOVER 0.5 class is not the 2021 one (the gold file codes the CAMEO
#: manual's own examples of these codes so): most specific first
_MOVED = (
    ("1712", "COERCE"), ("163", "SANCTION"), ("191", "COERCE"), ("192", "FIGHT"), ("20", "FIGHT"),
    ("0813", "CONCEDE"), ("0814", "CONCEDE"), ("0831", "RETREAT"),
)


def _words(text: str) -> set[str]:
    out = set()
    for w in text.lower().replace("'s", " ").replace("\u2019s", " ").split():
        w = w.strip(".,;:\"'()\u201c\u201d")
        if w and w not in _STOP:
            out.add(w)
    return out


def _actor_texts(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v.get("actorText", "")) for v in value if isinstance(v, dict) and v.get("actorText")]
    if isinstance(value, dict) and value.get("actorText"):
        return [str(value["actorText"])]
    if isinstance(value, str) and value.strip():
        return [value]
    return []


def _records(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise EvaluationError(f"{path}: no such file (the PLOVER gold sentences live in ../shared/eval/plover, outside the repository)")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvaluationError(f"{path}: not a PLOVER gold-standard JSON file ({exc})") from None
    if not isinstance(data, list):
        raise EvaluationError(f"{path}: expected a JSON list of records")
    return [r for r in data if isinstance(r, dict) and r.get("event") and r.get("event") != "DOCUMENT" and r.get("text")]


def evaluate_plover(path: str | Path, limit: int | None = None, failures: bool = False) -> dict[str, Any]:
    """Scores of the coder on the gold sentences; ``failures`` adds to the report each
    sentence whose class is missed or wrong, with the gold and predicted class, the
    coded verb and its CAMEO code, and the gold and predicted source and target."""
    from claimgraph.nlp import load_pipeline
    from claimgraph.nlp.coder import EventCoder

    p = Path(path)
    records = _records(p)
    if limit:
        records = records[:limit]
    nlp = load_pipeline()
    coder = EventCoder()
    counts: Counter[str] = Counter()
    by_class: dict[str, Counter[str]] = {}
    rows: list[dict[str, Any]] = []
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        gold = str(record["event"])
        coded = [e for sent in doc.sents for e in coder.code_sentence(sent)]
        coded.sort(key=lambda e: (e.depth, e.verb))
        main = coded[0] if coded else None
        predicted = gold_version(main.plover, main.cameo) if main else None
        stats = by_class.setdefault(gold, Counter())
        stats["gold"] += 1
        counts["gold"] += 1
        if predicted:
            counts["predicted"] += 1
            by_class.setdefault(predicted, Counter())["predicted"] += 1
            if predicted == gold:
                counts["correct"] += 1
                stats["correct"] += 1
        row: dict[str, Any] = {
            "id": record.get("id"), "gold": gold, "predicted": predicted, "text": record["text"],
            "verb": doc[main.verb].text if main else None, "cameo": main.cameo if main else None,
        }
        for role in ("source", "target"):
            golds = _actor_texts(record.get(role))
            span = getattr(main, role) if main else None
            said = doc[span[0] : span[1]].text if span else None
            row[role] = {"gold": golds, "predicted": said}
            if golds:
                counts[f"{role}_gold"] += 1
            if said:
                counts[f"{role}_predicted"] += 1
                if golds and any(_words(said) & _words(g) for g in golds):
                    counts[f"{role}_correct"] += 1
        rows.append(row)

    def prf(correct: int, predicted: int, gold: int) -> dict[str, float]:
        pr = correct / predicted if predicted else 0.0
        rc = correct / gold if gold else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        return {"precision": round(pr, 3), "recall": round(rc, 3), "f1": round(f1, 3)}

    scores = {
        "class": prf(counts["correct"], counts["predicted"], counts["gold"]),
        "source": prf(counts["source_correct"], counts["source_predicted"], counts["source_gold"]),
        "target": prf(counts["target_correct"], counts["target_predicted"], counts["target_gold"]),
    }
    lines = [f"PLOVER {p}: {counts['gold']} sentences (the DOCUMENT record skipped)"]
    for name, s in scores.items():
        lines.append(f"  {name:8s} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    lines.append("  per class (gold sentences: right / gold, predicted):")
    for cls in sorted(by_class):
        c = by_class[cls]
        lines.append(f"    {cls:12s} {c['correct']:3d} / {c['gold']:3d}  predicted {c['predicted']:3d}")
    if failures:
        lines += _failure_lines(rows)
    return {"sentences": counts["gold"], "scores": scores, "rows": rows, "report": "\n".join(lines)}


def _failure_lines(rows: list[dict[str, Any]]) -> list[str]:
    """The missed (no class) and wrong sentences, missed first, each with gold and predicted."""
    missed = [r for r in rows if r["predicted"] is None]
    wrong = [r for r in rows if r["predicted"] is not None and r["predicted"] != r["gold"]]
    out: list[str] = []
    for title, group in ((f"missed ({len(missed)})", missed), (f"wrong ({len(wrong)})", wrong)):
        out.append(f"  {title}:")
        for r in sorted(group, key=lambda r: (r["gold"], str(r["id"]))):
            coded = f"{r['predicted']} ({r['verb']!r} {r['cameo']})" if r["predicted"] else "-"
            out.append(f"    {r['id']}  gold {r['gold']}  predicted {coded}")
            out.append(f"      {r['text']}")
            for role in ("source", "target"):
                gold = "; ".join(r[role]["gold"]) or "-"
                out.append(f"      {role}: gold {gold} | predicted {r[role]['predicted'] or '-'}")
    return out
