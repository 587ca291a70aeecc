"""Entity evaluation on CoNLL-2003-format data (CoNLL++): our actors next to the raw model.

Documents are rebuilt from the tokens (space-joined, a sentence a line) so
that character offsets of gold entities are known. Both systems see the same
text. Labels compared: PER, ORG and LOC (MISC is not an actor type). For the
raw model PERSON -> PER, ORG -> ORG and GPE/LOC/FAC -> LOC; for claimgraph an
actor mention takes its actor's type (person, organization, place).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from claimgraph.errors import EvaluationError
from claimgraph.ingest import RawInput, document_from_text
from claimgraph.nlp import MODEL, analyze_docs, load_pipeline

__all__ = ["read_conll", "evaluate_conll", "prf"]

Entity = tuple[int, int, str]
_RAW_LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
_TYPE_LABELS = {"person": "PER", "organization": "ORG", "place": "LOC"}
KEEP = {"PER", "ORG", "LOC"}


def read_conll(path: str | Path, limit: int | None = None) -> Iterator[tuple[str, set[Entity]]]:
    """(text, gold entities as char spans) per -DOCSTART- document, IOB1 or IOB2."""
    p = Path(path)
    if not p.is_file():
        raise EvaluationError(f"{p}: no such file (CoNLL data lives in ../shared/eval/conllpp, outside the repository)")
    count = 0
    lines: list[str] = []
    gold: set[Entity] = set()
    sentence: list[str] = []
    pos = 0
    current: tuple[int, str] | None = None
    last_end = 0

    def close() -> None:
        nonlocal current
        if current is not None:
            if current[1] in KEEP:
                gold.add((current[0], last_end, current[1]))
            current = None

    def end_sentence() -> None:
        nonlocal pos, sentence
        close()
        if sentence:
            lines.append(" ".join(sentence))
            pos += 1  # the newline
            sentence = []

    with p.open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                end_sentence()
                if lines:
                    yield "\n".join(lines), gold
                    count += 1
                    if limit and count >= limit:
                        return
                lines, gold, pos = [], set(), 0
                continue
            if not line.strip():
                end_sentence()
                continue
            parts = line.split()
            token, tag = parts[0], parts[-1]
            if sentence:
                pos += 1  # the space
            start = pos
            pos += len(token)
            sentence.append(token)
            prefix, _, label = tag.partition("-")
            if tag == "O":
                close()
            elif prefix == "B" or current is None or current[1] != label:
                close()
                current = (start, label)
            last_end = pos
    end_sentence()
    if lines:
        yield "\n".join(lines), gold


def prf(tp: int, predicted: int, gold: int) -> dict[str, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def evaluate_conll(path: str | Path, limit: int | None = None) -> dict[str, Any]:
    """Entity P/R/F1 of claimgraph's actor mentions and of the raw model on the same texts."""
    import spacy

    docs = list(read_conll(path, limit))
    if not docs:
        raise EvaluationError(f"{path}: no documents")
    raw_nlp = spacy.load(MODEL)
    nlp = load_pipeline()
    gold_total = 0
    counts: dict[str, list[int]] = {"ours": [0, 0], "raw": [0, 0]}  # [predicted, true positives]
    per_label: dict[str, dict[str, list[int]]] = {lab: {"ours": [0, 0, 0], "raw": [0, 0, 0]} for lab in KEEP}
    documents = [document_from_text(RawInput(text=text, source=f"{path}#{i}")) for i, (text, _) in enumerate(docs)]
    raw_docs = raw_nlp.pipe([text for text, _ in docs], batch_size=32)
    for (_text, gold), analysis, raw in zip(docs, analyze_docs(nlp, documents), raw_docs, strict=False):
        gold_total += len(gold)
        ours: set[Entity] = set()
        types = {a.id: a.type for a in analysis.actors}
        for m in analysis.mentions:
            label = _TYPE_LABELS.get(types.get(m.actor, ""))
            if label:
                ours.add((m.span[0], m.span[1], label))
        theirs = {(e.start_char, e.end_char, _RAW_LABELS[e.label_]) for e in raw.ents if e.label_ in _RAW_LABELS}
        for name, pred in (("ours", ours), ("raw", theirs)):
            counts[name][0] += len(pred)
            counts[name][1] += len(pred & gold)
            for lab in KEEP:
                stats = per_label[lab][name]
                stats[0] += sum(1 for e in pred if e[2] == lab)
                stats[1] += sum(1 for e in pred & gold if e[2] == lab)
                stats[2] += sum(1 for e in gold if e[2] == lab)
    ours_prf = prf(counts["ours"][1], counts["ours"][0], gold_total)
    raw_prf = prf(counts["raw"][1], counts["raw"][0], gold_total)
    lines = [
        f"CoNLL {path}: {len(docs)} documents, {gold_total} gold PER/ORG/LOC entities (exact span and type)",
        f"{'':12s} {'P':>6s} {'R':>6s} {'F1':>6s}",
        f"{'claimgraph':12s} {ours_prf['precision']:6.3f} {ours_prf['recall']:6.3f} {ours_prf['f1']:6.3f}",
        f"{MODEL:12.12s} {raw_prf['precision']:6.3f} {raw_prf['recall']:6.3f} {raw_prf['f1']:6.3f}  (raw spaCy)",
    ]
    labels: dict[str, Any] = {}
    for lab in sorted(KEEP):
        o, r = per_label[lab]["ours"], per_label[lab]["raw"]
        labels[lab] = {"ours": prf(o[1], o[0], o[2]), "raw": prf(r[1], r[0], r[2])}
        lines.append(f"  {lab}: F1 claimgraph {labels[lab]['ours']['f1']:.3f}, raw {labels[lab]['raw']['f1']:.3f}")
    return {"documents": len(docs), "gold": gold_total, "ours": ours_prf, "raw": raw_prf, "labels": labels, "report": "\n".join(lines)}
