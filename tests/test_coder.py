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
        # whatever is threatened is the threat, even a deed of cooperation ("impose" is no force)
        ("The governor threatened to institute a curfew in Zamora.", "institute", "THREATEN", "The governor", None),
        # a commitment is AGREE whatever is agreed, short of force
        ("The Dara council agreed to postpone the march in Oren.", "postpone", "AGREE", "The Dara council", None),
        # a hostile intention on a condition is a threat
        ("The Eastern Shield Brigades will boycott the vote unless Maria Lopez resigns.", "boycott", "THREATEN",
         "The Eastern Shield Brigades", None),
        # events named by nouns: carried by a light verb, or the subject of a verb of happening
        ("The teachers of Zamora staged a hunger strike outside the ministry.", "staged", "PROTEST", "The teachers of Zamora", None),
        ("Riots against the Oren government continued on Friday.", "continued", "PROTEST", "Riots against the Oren government", None),
        ("The army of Dara mounted an invasion of Oren.", "mounted", "ASSAULT", "The army of Dara", None),
        # an intention to extend a curfew is a threat
        ("Maria Lopez announced that she will extend the curfew in Zamora.", "extend", "THREATEN", "she", None),
        ("Dara and Oren renewed negotiations on Tuesday on the disputed border.", "renewed", "CONSULT", "Dara", None),
        # a clause done in protest is a protest
        ("Farmers in Zamora shunned work to protest the new tax.", "shunned", "PROTEST", "Farmers in Zamora", None),
        # obstruction by civilians is protest, not coercion
        ("Angry farmers blocked the bridge into Zamora for three hours.", "blocked", "PROTEST", "Angry farmers", None),
        # a demand on another, whatever the verb: said, or in a statement issued
        ("The Dara council declared that Oren must drop the new tariffs.", "drop", "REQUEST", "The Dara council", "Oren"),
        ("Maria Lopez issued a stern reminder on Monday to Oren that Dara must free the prisoners.", "free", "REQUEST", "Maria Lopez", "Dara"),
        ("The Dara council issued a declaration demanding that Oren free the prisoners.", "demanding", "REQUEST", "The Dara council", "Oren"),
        ("Maria Lopez said that Oren must be ready to mediate between the parties.", "mediate", "REQUEST", "Maria Lopez", "Oren"),
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
def test_bombings_demands_and_prepositions(nlp: Any) -> None:
    # a bomb makes force unconventional (CAMEO 183), not when tanks or aircraft fire it
    coder = EventCoder()

    def main_code(text: str) -> str:
        doc = nlp(text)
        events = sorted((e for s in doc.sents for e in coder.code_sentence(s)), key=lambda e: (e.depth, e.verb))
        assert events, text
        return events[0].cameo

    assert main_code("Eastern Shield gunmen wounded two soldiers in a bomb attack in Oren.") == "183"
    assert main_code("Three soldiers were killed by an improvised explosive device near Dara.").startswith("18")
    assert not main_code("Dara tanks fired two bombs at the rebel positions near Oren.").startswith("18")
    # a demand block's pattern coded as an appeal is the demand: "demanded a meeting" is 106
    assert main_code("Zamora demanded a meeting of the regional council.") == "106"
    # "on Monday" is no "demand on" (CAMEO's "pressed on", force)
    assert main_code("The ministers demanded the withdrawal of Dara forces from Oren on Monday.").startswith("10")
    # "according to" is a preposition, no event; "we must" urges the speakers themselves
    doc = nlp("The Eastern Shield Brigades attacked a convoy near Zamora, according to the Dara ministry.")
    assert all(doc[e.verb].lower_ != "according" for s in doc.sents for e in coder.code_sentence(s))
    doc = nlp("Maria Lopez said that we must do more for the refugees.")
    assert all(e.plover != "REQUEST" for s in doc.sents for e in coder.code_sentence(s))
    # rockets and shells are military force whoever fires them; armed men's surrender is a retreat
    assert main_code("Eastern Shield rebels launched rockets at the village of Oren.").startswith("19")
    assert main_code("Eastern Shield rebels attacked the village of Oren.").startswith("18")
    assert main_code("Two hundred Eastern Shield rebels surrendered to the army near Zamora.") == "0874"
    # a strike on someone is a blow, not a walkout; a preposition on the object still counts
    assert main_code("The Dara army launched a strike on an Eastern Shield convoy near Oren.").startswith("19")
    assert main_code("Dockworkers in Oren launched a strike over pay.") == "143"
    assert main_code("Dara conducted further strikes in the province of Oren.").startswith("19")
    # yielding by armed men is a retreat only for verbs of yielding
    assert main_code("Eastern Shield rebels retreated from the town of Oren.") == "0874"
    # a leader's resignation is a change of leadership
    assert main_code("President Maria Lopez resigned on Sunday as protests spread in Oren.") == "0831"
    # "called off the strike" is no strike
    assert not main_code("The Oren teachers' union called off the strike on Thursday.").startswith("14")


def test_gold_version_maps_the_codes_plover_0_5_classed_otherwise() -> None:
    assert gold_version("ASSAULT", "1712") == "COERCE"
    assert gold_version("RETREAT", "0813") == "CONCEDE"
    assert gold_version("COERCE", "163") == "SANCTION"
    assert gold_version("COERCE", "192") == "FIGHT" and gold_version("COERCE", "191") == "COERCE"
    assert gold_version("ASSAULT", "202") == "FIGHT"


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
    assert module._as_demand("026") == "106" and module._as_demand("0256") == "1056"
    assert module._as_demand("036") == "106" and module._as_demand("039") == "108" and module._as_demand("190") == "190"


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
    listed = evaluate_plover(path, failures=True)["report"]
    assert "missed (1):" in listed and "c  gold PROTEST  predicted -" in listed and "wrong (0):" in listed


def test_plover_evaluation_says_when_the_data_is_missing(tmp_path: Path) -> None:
    from claimgraph.errors import EvaluationError

    with pytest.raises(EvaluationError, match="outside the repository"):
        evaluate_plover(tmp_path / "nope.json")
