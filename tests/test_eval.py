"""Evaluation readers and scoring, on tiny hand-made files."""

from __future__ import annotations

import json
import subprocess
import sys
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


# -- expected-facts articles (the semantics of ../shared/tools/check-expected) --

EXPECTED = Path(__file__).parent / "fixtures" / "expected"
# ../shared/tools/check-expected beside the repository, when this machine has it
CHECKER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "check-expected"
# the checker's own run on the sample: per section, and the MISSING lines
SAMPLE_SCORES = {
    "document": (2, 2),
    "actors": (3, 6),
    "not_actors": (2, 3),
    "roles": (3, 5),
    "attributions": (4, 6),
    "quantities": (1, 2),
    "timeline": (1, 2),
    "relations": (3, 5),
    "not_relations": (1, 2),
    "events": (1, 2),
    "contradictions": (1, 2),
    "commitments": (1, 2),
}


def _sample() -> tuple[dict[str, object], dict[str, object]]:
    import yaml

    expected = yaml.safe_load((EXPECTED / "sample.yaml").read_text(encoding="utf-8"))
    data = json.loads((EXPECTED / "sample-analysis.json").read_text(encoding="utf-8"))
    return expected, data


def test_check_expected_sample_scores() -> None:
    from claimgraph.evaluation.articles import check_expected

    expected, data = _sample()
    result = check_expected(expected, data)
    assert {s: result.score(s) for s in result.sections} == SAMPLE_SCORES
    assert (result.passed, result.total) == (23, 39)
    failures = result.failures()
    # aliases count, a three-letter description must match whole, symmetric relations read both ways
    assert ("attributions", "attribution 'never surrender' -> arm") in failures
    assert ("actors", "actor Maria Lopez (person)") in failures
    assert ("not_relations", "no relation Zamora's army fights NLF") in failures
    assert not any(s == "relations" and "Zamora's army fights NLF" in w for s, w in failures)


def test_check_expected_only_sections() -> None:
    from claimgraph.evaluation.articles import check_expected

    expected, data = _sample()
    result = check_expected(expected, data, only=["roles", "actors"])
    assert list(result.sections) == ["actors", "roles"] and (result.passed, result.total) == (6, 11)


@pytest.mark.skipif(not CHECKER.exists(), reason="../shared/tools/check-expected is not on this machine")
def test_check_expected_agrees_with_the_checker() -> None:
    from claimgraph.evaluation.articles import check_expected

    proc = subprocess.run(
        [sys.executable, str(CHECKER), str(EXPECTED / "sample.yaml"), str(EXPECTED / "sample-analysis.json")],
        capture_output=True, text=True, check=False,
    )
    missing = [line.removeprefix("MISSING ") for line in proc.stdout.splitlines() if line.startswith("MISSING")]
    sections = dict(line.split(": ") for line in proc.stdout.splitlines() if not line.startswith(("MISSING", "score")))
    expected, data = _sample()
    result = check_expected(expected, data)
    assert missing == [f"[{s}] {w}" for s, w in result.failures()]
    assert sections == {s: f"{p}/{t}" for s, (p, t) in ((s, result.score(s)) for s in result.sections)}


def test_load_articles_missing_or_empty(tmp_path: Path) -> None:
    from claimgraph.evaluation.articles import load_articles

    with pytest.raises(EvaluationError, match="no such directory"):
        load_articles(tmp_path / "nope")
    (tmp_path / "lonely.txt").write_text("No facts beside me.", encoding="utf-8")
    with pytest.raises(EvaluationError, match="no NAME.txt with a NAME.yaml"):
        load_articles(tmp_path)


def test_section_totals_in_checker_order() -> None:
    from claimgraph.evaluation.articles import ArticleResult, section_totals

    a = ArticleResult("a", {"roles": [(True, "r")], "actors": [(True, "x"), (False, "y")]})
    b = ArticleResult("b", {"actors": [(True, "z")]})
    assert list(section_totals([a, b]).items()) == [("actors", (2, 3)), ("roles", (1, 1))]


def test_cli_eval_articles_missing_directory(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from claimgraph.cli import cli

    result = CliRunner().invoke(cli, ["eval", "articles", str(tmp_path / "nope")])
    assert result.exit_code == 1 and "no such directory" in result.stderr


@pytest.mark.model
def test_cli_eval_articles_end_to_end(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from claimgraph.cli import cli

    (tmp_path / "wire.txt").write_text(
        "Truce talks stall\n\nMaria Lopez, a spokeswoman for the Northern Liberation Front, said on Monday "
        "that the truce was dead.\n",
        encoding="utf-8",
    )
    (tmp_path / "wire.yaml").write_text(
        "document: {published: '2024-03-05'}\n"
        "actors:\n  - {name: Maria Lopez, type: person}\n  - {name: Atlantis, type: place}\n"
        "attributions:\n  - {contains: truce was dead, speaker: Maria Lopez}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["eval", "articles", str(tmp_path), "--failures", "--save", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert "MISSING [actors] actor Atlantis (place)" in result.stdout
    assert "named speakers graded F: 0/1 (0.0%)" in result.stdout
    assert lines[-1] == "total: 3/4 = 0.75 over 1 articles"
    assert any(line.split()[:3] == ["actors", "1", "2"] for line in lines)
    saved = json.loads((tmp_path / "out" / "wire.json").read_text(encoding="utf-8"))
    assert saved["documents"][0]["published"] == "2024-03-05"
