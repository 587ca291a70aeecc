"""Event evaluation on ISAF press releases (hand-labelled, JSONL with ``text`` and ``gold``).

Per release, the events claimgraph finds are summed into the fields of the
gold labels (restated counts are not added twice) and each field is scored by
exact match: province, target_group (the set of armed groups named),
event_type (the set of types), min_killed, min_captured, min_leaders_killed
and start_date.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from claimgraph.errors import EvaluationError
from claimgraph.ingest import RawInput, document_from_text
from claimgraph.model import DocumentAnalysis
from claimgraph.nlp import analyze_docs, load_pipeline

__all__ = ["predict_isaf", "evaluate_isaf", "FIELDS"]

FIELDS = ("province", "target_group", "event_type", "min_killed", "min_captured", "min_leaders_killed", "start_date")
# the data set's labels for the armed groups of our gazetteer
_GROUP_LABELS = {
    "Taliban": "taliban",
    "Haqqani network": "haqqani",
    "Islamic Movement of Uzbekistan": "imu",
    "Hezb-e-Islami Gulbuddin": "hig",
    "al-Qaeda": "aq",
}


def predict_isaf(an: DocumentAnalysis) -> dict[str, Any]:
    from claimgraph.nlp.events import _provinces, province_in

    # the report's province: the first "X province", else the first event's
    main = None
    for m in an.mentions:
        if m.text.lower() in _provinces() and an.document.text[m.span[1] : m.span[1] + 9].lower().startswith(" province"):
            main = _provinces()[m.text.lower()][1]
            break
    if main is None:  # the first event's province (an event's place may be a village or a dateline's city)
        main = next((_provinces()[e.location.lower()][1] for e in an.events if e.location and e.location.lower() in _provinces()), None)
    events = [e for e in an.events if not e.restated]
    # the releases count the dead of the operations, civilians among them ("min_killed"), and the
    # enemy detained; not soldiers lost in an attack. The type counts the enemy alone.
    killed = sum(e.killed or 0 for e in events if not e.security)
    enemy_killed = sum(e.killed or 0 for e in events if not e.civilian and not e.security)
    captured = sum(e.captured or 0 for e in events if not e.civilian and not e.security)
    leaders_killed = sum(e.leaders_killed or 0 for e in events)
    airstrike = any(e.type == "airstrike" for e in events)  # of the events counted
    types = set()
    if airstrike:
        types.add("airstrike")
    if any(e.civilian for e in an.events):
        types.add("civiliancasualty")
    if enemy_killed and captured:
        types.add("captureandkill")
    elif captured:
        types.add("detention")
    elif enemy_killed and not airstrike:
        types.add("insurgentskilled")
    groups = sorted(
        {_GROUP_LABELS[a.name] for a in an.actors if a.name in _GROUP_LABELS and any(m.actor == a.id for m in an.mentions)}
    )
    location = main
    if location is None:
        location = next(
            (_provinces()[m.text.lower()][1] for m in an.mentions if m.text.lower() in _provinces() and not m.text.isupper()), None
        ) or province_in(an.document.text)  # "KABUL, Afghanistan" is the dateline
    date = next((e.date for e in an.events if e.date), None) or an.document.published
    return {
        "province": (location or "").lower(),
        "target_group": ";".join(groups),
        "event_type": sorted(types),
        "min_killed": killed,
        "min_captured": captured,
        "min_leaders_killed": leaders_killed,
        "start_date": date,
    }


def _gold(g: dict[str, Any]) -> dict[str, Any]:
    return {
        "province": ";".join(g["province"]).lower(),
        "target_group": ";".join(sorted(x for t in g["target_group"] for x in t.split(";") if x)),
        "event_type": sorted(x for t in g["event_type"] for x in t.split(";")),
        "min_killed": g["min_killed"],
        "min_captured": g["min_captured"],
        "min_leaders_killed": g["min_leaders_killed"],
        "start_date": g["start_date"],
    }


def evaluate_isaf(path: str | Path, limit: int | None = None) -> dict[str, Any]:
    p = Path(path)
    if not p.is_file():
        raise EvaluationError(f"{p}: no such file (the ISAF data lives in ../shared/eval/isaf, outside the repository)")
    rows = [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    if limit:
        rows = rows[:limit]
    nlp = load_pipeline()
    docs = [document_from_text(RawInput(text=r["text"], source=f"{p.name}:{i + 1}")) for i, r in enumerate(rows)]
    correct = dict.fromkeys(FIELDS, 0)
    errors: list[dict[str, Any]] = []
    for an, row in zip(analyze_docs(nlp, docs), rows, strict=True):
        pred, gold = predict_isaf(an), _gold(row["gold"])
        for f in FIELDS:
            if pred[f] == gold[f]:
                correct[f] += 1
            else:
                errors.append({"doc": an.document.source, "field": f, "predicted": pred[f], "gold": gold[f]})
    acc = {f: round(correct[f] / len(rows), 4) for f in FIELDS}
    report = f"ISAF {p}: {len(rows)} releases, exact-match accuracy per field\n" + "\n".join(
        f"  {f:20s} {acc[f]:.3f}" for f in FIELDS
    )
    return {"releases": len(rows), "accuracy": acc, "errors": errors, "report": report}
