"""The event coder: CAMEO verb patterns to PLOVER classes, source and target from the parse;
the conversion script on a lexicon of our own; the PLOVER evaluation on sentences of our own."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from claimgraph.evaluation.plover import evaluate_plover, gold_version
from claimgraph.nlp.coder import EventCoder, plover_class

ROOT = Path(__file__).resolve().parent.parent


def test_cameo_codes_map_to_plover_classes() -> None:
    assert plover_class("190") == ("ASSAULT", None)
    assert plover_class("1823") == ("ASSAULT", None)
    assert plover_class("036")[0] == "AGREE"  # type: ignore[index]
    assert plover_class("010") is None  # a statement is no PLOVER event
    assert gold_version("ACCUSE", "091") == "INVESTIGATE" and gold_version("ACCUSE", "112") == "DISAPPROVE"
    assert gold_version("ASSAULT", "193") == "FIGHT" and gold_version("ASSAULT", "183") == "ASSAULT"
    assert gold_version("REQUEST", "100") == "DEMAND"


def _code(nlp: Any, text: str) -> list[tuple[str, str, str | None, str | None]]:
    doc = nlp(text)
    coder = EventCoder()
    out = []
    for sent in doc.sents:
        for e in sorted(coder.code_sentence(sent), key=lambda e: (e.depth, e.verb)):
            src = doc[e.source[0] : e.source[1]].text if e.source else None
            tgt = doc[e.target[0] : e.target[1]].text if e.target else None
            out.append((doc[e.verb].text, e.plover, src, tgt))
    return out


@pytest.mark.model
@pytest.mark.parametrize(
    "text, verb, plover, source, target",
    [
        ("Rebels attacked an army base near Kidal on Monday.", "attacked", "ASSAULT", "Rebels", "an army base near Kidal"),
        ("Three soldiers were killed by the militants.", "killed", "ASSAULT", "the militants", "Three soldiers"),
        ("The government agreed to release 50 prisoners.", "release", "AGREE", "The government", "50 prisoners"),
        ("Officials said the militia must withdraw from the town.", "withdraw", "REQUEST", "Officials", "the militia"),
        ("The ministry refused to meet the delegation.", "meet", "REJECT", "The ministry", "the delegation"),
        ("Hundreds of students staged demonstrations in the capital.", "staged", "PROTEST", "Hundreds of students", None),
        # the threat is in what is threatened: "threatened to bomb" codes the bombing as a threat
        ("The army threatened to bomb the rebel positions.", "bomb", "THREATEN", "The army", "the rebel positions"),
    ],
)
def test_sentences_code_to_their_class_source_and_target(
    nlp: Any, text: str, verb: str, plover: str, source: str, target: str | None
) -> None:
    coded = _code(nlp, text)
    assert coded, text
    main = coded[0]
    assert (main[0], main[1], main[2]) == (verb, plover, source), coded
    if target is not None:
        assert main[3] == target, coded


@pytest.mark.model
def test_a_negated_attack_is_no_event_and_a_pattern_can_say_no_event(nlp: Any) -> None:
    assert [c for c in _code(nlp, "The army did not attack the village.") if c[0] == "attack"] == []
    # CAMEO: "killed in an accident" is no event
    assert [c for c in _code(nlp, "Two pilots were killed in an accident.") if c[0] == "killed"] == []


def test_build_verbs_converts_a_lexicon_of_our_own(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("build_verbs", ROOT / "tools" / "build_verbs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_verbs"] = module
    spec.loader.exec_module(module)
    (tmp_path / "petrarch2").mkdir()
    (tmp_path / "plover").mkdir()
    (tmp_path / "petrarch2" / "CAMEO.2.0.txt").write_text(
        "# comment\n&TRUCE_\n+CEASEFIRE\n+CEASE_FIRE\n\n"
        "---  STRIKE   [190]  ---\nSTRIKE {STRUCK STRIKING}\nHIT [195]\n+BLOW_UP\nKILLED_AND\n"
        "- * AFTER &TRUCE                [196]   # STRIKE\n- * (IN ACCIDENT)   [---]   # STRIKE\n"
        "- $ * (AGAINST +)   [193]  # HIT\n",
        encoding="utf-8",
    )
    (tmp_path / "plover" / "CAMEO2PLOVER-2021.txt").write_text(
        "19: ASSAULT\n190: ASSAULT, , military # force\n196: ASSAULT, , legal # Violate ceasefire\n", encoding="utf-8"
    )
    data = module.convert(tmp_path)
    (group,) = data["groups"]
    assert group["code"] == "190"
    assert group["verbs"] == [{"lemma": "strike"}, {"lemma": "hit", "code": "195"}, {"words": ["blow", "up"]}]
    assert {"after": ["after", "&truce"], "code": "196"} in group["patterns"]
    assert {"after": ["in", "accident"], "code": None} in group["patterns"]
    assert {"after": ["against"], "target_prep": "against", "code": "193"} in group["patterns"]
    assert data["synsets"] == {"&truce": ["cease fire", "ceasefire"]}
    assert data["classes"]["196"] == {"plover": "ASSAULT", "mode": None}


@pytest.mark.model
def test_plover_evaluation_scores_sentences_of_our_own(tmp_path: Path) -> None:
    records = [
        {"id": "DOC", "event": "DOCUMENT", "eventText": "documentation"},
        # an attack on an army base is conventional force: CAMEO 190, FIGHT in PLOVER 0.5
        {"id": "a", "event": "FIGHT", "text": "Rebels attacked an army base near Kidal on Monday.",
         "source": [{"actorText": "Rebels"}], "target": [{"actorText": "army base"}]},
        {"id": "b", "event": "AGREE", "text": "The government agreed to release 50 prisoners.",
         "source": [{"actorText": "government"}], "target": [{"actorText": "prisoners"}]},
        {"id": "c", "event": "PROTEST", "text": "The weather was fine in Kidal on Monday.",
         "source": [{"actorText": "Kidal"}]},
    ]
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    result = evaluate_plover(path)
    assert result["sentences"] == 3  # the DOCUMENT record skipped
    assert result["scores"]["class"] == {"precision": 1.0, "recall": 0.667, "f1": 0.8}
    assert result["scores"]["source"]["precision"] == 1.0 and result["scores"]["source"]["recall"] == 0.667
    assert "class    P 1.000" in result["report"]


def test_plover_evaluation_says_when_the_data_is_missing(tmp_path: Path) -> None:
    from claimgraph.errors import EvaluationError

    with pytest.raises(EvaluationError, match="outside the repository"):
        evaluate_plover(tmp_path / "nope.json")
