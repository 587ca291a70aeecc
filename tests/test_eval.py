"""Evaluation readers and scoring, on tiny hand-made files."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.errors import EvaluationError
from claimgraph.evaluation.conll import prf, read_conll
from claimgraph.evaluation.polnear import load_split, read_brat, score
from claimgraph.model import Attribution, Speaker

ANN = """T1\tSource 0 11\tMaria Lopez
T2\tCue 12 16\tsaid
T3\tContent 17 32;40 50\tthe truce holds
E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1
T9\tDiscard 60 70\txxx
"""


def test_read_brat_discontinuous_spans() -> None:
    (gold,) = read_brat(ANN)
    assert gold.content == [(17, 32), (40, 50)] and gold.source == [(0, 11)] and gold.cue == [(12, 16)]


def _att(span: tuple[int, int], speaker: tuple[int, int] | None) -> Attribution:
    return Attribution("a", "d", "", span, False, "said", Speaker(span=speaker))


def test_score_overlap_half_of_shorter_and_source() -> None:
    (gold,) = read_brat(ANN)
    assert score([_att((20, 30), (0, 5))], [gold]) == {"predicted": 1, "gold": 1, "tp_content": 1, "tp_source": 1}
    assert score([_att((20, 30), (12, 16))], [gold])["tp_source"] == 0
    # overlaps by less than half of the shorter span
    assert score([_att((30, 42), None)], [gold])["tp_content"] == 0
    # one gold matches one prediction only
    assert score([_att((17, 32), (0, 3)), _att((18, 31), (0, 3))], [gold])["tp_content"] == 1


def test_load_split_first_annotator_and_missing_dir(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "art.txt").write_text("Maria Lopez said the truce holds.", encoding="utf-8")
    (tmp_path / "attributions" / "art_bbbb.ann").write_text("", encoding="utf-8")
    (tmp_path / "attributions" / "art_aaaa.ann").write_text(ANN, encoding="utf-8")
    ((name, text, gold),) = list(load_split(tmp_path))
    assert name == "art" and len(gold) == 1
    with pytest.raises(EvaluationError, match="not a PolNeAR split"):
        list(load_split(tmp_path / "nope"))


def test_read_conll_offsets(tmp_path: Path) -> None:
    f = tmp_path / "c.txt"
    f.write_text(
        "-DOCSTART- -X- -X- O\n\nJohn NNP B-NP B-PER\nSmith NNP I-NP I-PER\nvisited VBD B-VP O\n"
        "New NNP B-NP B-LOC\nYork NNP I-NP I-LOC\n. . O O\n\nReuters NNP B-NP B-ORG\nreported VBD B-VP O\n",
        encoding="utf-8",
    )
    ((text, gold),) = list(read_conll(f))
    assert {text[s:e] + "/" + lab for s, e, lab in gold} == {"John Smith/PER", "New York/LOC", "Reuters/ORG"}


def test_prf() -> None:
    assert prf(1, 2, 4) == {"precision": 0.5, "recall": 0.25, "f1": 0.3333}
    assert prf(0, 0, 0)["f1"] == 0.0


@pytest.mark.model
def test_evaluate_conll_end_to_end(tmp_path: Path) -> None:
    from claimgraph.evaluation.conll import evaluate_conll

    f = tmp_path / "c.txt"
    f.write_text(
        "-DOCSTART- -X- -X- O\n\nJohn NNP B-NP B-PER\nSmith NNP I-NP I-PER\nvisited VBD B-VP O\n"
        "Paris NNP B-NP B-LOC\nwith IN B-PP O\nReuters NNP B-NP B-ORG\n. . O O\n",
        encoding="utf-8",
    )
    result = evaluate_conll(f)
    assert result["gold"] == 3 and "claimgraph" in result["report"]
    assert 0.0 <= result["ours"]["f1"] <= 1.0 and 0.0 <= result["raw"]["f1"] <= 1.0


@pytest.mark.model
def test_evaluate_polnear_end_to_end(tmp_path: Path) -> None:
    from claimgraph.evaluation.polnear import evaluate_polnear

    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "art.txt").write_text("Maria Lopez said the truce holds.", encoding="utf-8")
    (tmp_path / "attributions" / "art_aaaa.ann").write_text(
        "T1\tSource 0 11\tMaria Lopez\nT2\tCue 12 16\tsaid\nT3\tContent 17 32\tthe truce holds\n"
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n",
        encoding="utf-8",
    )
    result = evaluate_polnear(tmp_path)
    assert result["tp_content"] == 1 and result["tp_source"] == 1
    assert result["content_source"]["f1"] == 1.0
