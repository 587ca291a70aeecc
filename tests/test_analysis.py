"""Analysis: relations with sources and grades, contradictions, commitments, agreement files."""

from __future__ import annotations

import pytest

from claimgraph.analysis import enrich, validate_agreement
from claimgraph.errors import AnalysisError
from claimgraph.model import Actor, Analysis, Attribution, Claim, Document, Role, Speaker


def _kb() -> Analysis:
    doc = Document(id="d1", text="x" * 500, source="a.txt", title="Report", published="2021-02-16")
    tal = Actor(Actor.id_for("Taliban", "organization"), "Taliban", "organization", "armed_group")
    aq = Actor(Actor.id_for("al-Qaeda", "organization"), "al-Qaeda", "organization", "armed_group")
    us = Actor(Actor.id_for("United States", "place"), "United States", "place", "country")
    un = Actor(Actor.id_for("United Nations", "organization"), "United Nations", "organization", "intergovernmental")
    monitor = Actor(Actor.id_for("Ann Monitor", "person"), "Ann Monitor", "person", roles=[Role("coordinator", un.id, un.name)])
    minister = Actor(Actor.id_for("Sam Minister", "person"), "Sam Minister", "person", roles=[Role("Secretary of State")])
    terror = Actor(Actor.id_for("terrorist groups", "class"), "terrorist groups", "class", "class")
    atts = [
        Attribution("a1", "d1", "", (0, 10), True, "said", Speaker(monitor.id, "Ann Monitor")),
        Attribution("a2", "d1", "", (10, 20), False, "said", Speaker(None, "officials", None, "former officials", True)),
        Attribution("a3", "d1", "", (20, 30), False, "said", Speaker(minister.id, "Sam Minister")),
        Attribution("a4", "d1", "", (30, 40), False, "insist", Speaker(tal.id, "Taliban")),
    ]

    def claim(i: int, s: str, p: str, o: str | None, pol: str, att: str | None, hedges: list[str] | None = None) -> Claim:
        return Claim(f"c{i}", "d1", s, p, o, pol, f"claim {i}", (i * 10, i * 10 + 5), att, hedges or [])

    claims = [
        claim(1, aq.id, "allied_with", tal.id, "affirmed", "a1"),
        claim(2, aq.id, "allied_with", tal.id, "affirmed", "a2"),
        claim(3, aq.id, "allied_with", tal.id, "affirmed", None),
        claim(4, tal.id, "allied_with", terror.id, "negated", "a3"),
        claim(5, tal.id, "protects", aq.id, "affirmed", "a1", ["believe"]),
        claim(6, tal.id, "complies_with", None, "affirmed", "a4"),
    ]
    return Analysis([doc], [tal, aq, us, un, monitor, minister, terror], [], atts, [], [], claims)


def test_relations_sources_and_credibility() -> None:
    an = enrich(_kb())
    (rel,) = [r for r in an.relations if r["predicate"] == "allied_with" and r["supporting"]]
    assert rel["symmetric"] and len(rel["supporting"]) == 3 and len(rel["sources"]) == 3
    assert rel["credibility"] == 1 and "Ann Monitor [B]" in rel["grade_reason"]
    (protects,) = [r for r in an.relations if r["predicate"] == "protects"]
    assert protects["credibility"] == 4 and "hedged" in protects["grade_reason"]


def test_analyst_override_is_used() -> None:
    kb = _kb()
    monitor = [a for a in kb.actors if a.name == "Ann Monitor"][0]
    before = {r["id"]: r["grade_reason"] for r in enrich(_kb()).relations}
    an = enrich(kb, overrides={monitor.id: "A"})
    aq = [a for a in kb.actors if a.name == "al-Qaeda"][0]
    (allied,) = [r for r in an.relations if r["predicate"] == "allied_with" and aq.id in (r["subject"], r["object"])]
    # the monitor's own grade (B by kind) gives way to the analyst's A, in the reason shown
    assert "Ann Monitor [A]" in allied["grade_reason"] and "Ann Monitor [B]" in before[allied["id"]]


def test_class_contradiction() -> None:
    an = enrich(_kb())
    (con,) = an.contradictions
    assert con["claims"][0] == "c4" and set(con["claims"][1:]) == {"c1", "c2", "c3"}
    assert "Sam Minister" in con["explanation"] and "Ann Monitor [B]" in con["explanation"]


def test_commitments_of_the_shipped_agreement() -> None:
    an = enrich(_kb())
    by_obligor = {c["obligor_name"]: c for c in an.commitments}
    taliban = by_obligor["Taliban"]
    assert taliban["status"] == "disputed"
    assert set(taliban["evidence_against"]) == {"c1", "c2", "c3", "c5"}
    assert set(taliban["evidence_for"]) == {"c4", "c6"}
    assert by_obligor["United States"]["status"] == "pending"


@pytest.mark.parametrize(
    "data, message",
    [
        ([], "holds a mapping"),
        ({"id": "x", "name": "n", "parties": ["A"], "obligations": []}, "at least two parties"),
        ({"id": "x", "name": "n", "parties": ["A", "B"], "obligations": [{"obligor": "C", "text": "t"}]}, "not one of the parties"),
        ({"id": "x", "name": "n", "parties": ["A", "B"], "signed": "soon", "obligations": [{"obligor": "A", "text": "t"}]}, "not a date"),
        (
            {"id": "x", "name": "n", "parties": ["A", "B"], "obligations": [{"obligor": "A", "text": "t", "breached_by": {"predicates": ["hugs"]}}]},
            "unknown relation",
        ),
    ],
)
def test_agreement_validation(data: object, message: str) -> None:
    with pytest.raises(AnalysisError, match=message):
        validate_agreement(data, "mine.yaml")


def test_wire_copies_are_one_report() -> None:
    from claimgraph.analysis.reports import report_groups

    story = "The Eastern Shield Brigades attacked an army post in Veska on Monday, officials said. " * 5
    a = Document("a", "AP version\n\n" + story, "a.txt", published="2024-01-01")
    b = Document("b", "Copied by the Courier\n\n" + story + " Read more.", "b.txt", published="2024-01-02")
    c = Document("c", "A different story about talks in Geneva and prisoners." * 3, "c.txt", published="2024-01-02")
    groups = report_groups([a, b, c])
    assert groups == {"a": "a", "b": "a", "c": "c"}


def test_numbers_that_cannot_both_hold_and_explicit_rejection() -> None:
    from claimgraph.analysis.grading import source_of
    from claimgraph.analysis.numbers import number_contradictions, rejections
    from claimgraph.model import Quantity

    kb = _kb()
    aq = [a for a in kb.actors if a.name == "al-Qaeda"][0]
    kb.quantities = [
        Quantity("q1", "d1", "200 to 500 fighters", (2, 8), 200, 500, "fighters", False, aq.id),  # inside a1 (Ann Monitor)
        Quantity("q2", "d1", "50 fighters", (32, 38), 50, 50, "fighters", False, aq.id),  # inside a4 (Taliban)
    ]
    atts = {a.id: a for a in kb.attributions}
    cons = number_contradictions(kb, atts, {a.id: a for a in kb.actors}, {"d1": "d1"})
    assert [c["quantities"] for c in cons] == [["q1", "q2"]]
    kb.attributions.append(
        Attribution("a5", "d1", "the claim as blatantly false", (45, 60), False, "reject", Speaker(None, "Foreign governments", None, "Foreign governments"))
    )
    sources = {c.id: source_of(c, atts, {a.id: a for a in kb.actors}, {"d1": kb.documents[0]}, {}) for c in kb.claims}
    (rej,) = rejections(kb, sources)
    assert rej["attributions"] == ["a4", "a5"] and rej["claims"][0] == "c6"
    # the rejecting side says no relation: its statement, negated, is the claim that cites it
    (statement,) = [c for c in kb.claims if c.id == rej["claims"][1]]
    assert (statement.attribution, statement.predicate, statement.polarity) == ("a5", "statement", "negated")
    assert statement.text == "the claim as blatantly false"


def test_timeline_holds_dated_claims() -> None:
    kb = _kb()
    kb.claims[0].date = "2021-01-05"
    an = enrich(kb)
    assert [(t.kind, t.date) for t in an.timeline] == [("claim", "2021-01-05")]


def test_every_speaker_carries_a_reliability_and_only_the_anonymous_get_f() -> None:
    kb = _kb()
    nobody = Actor(Actor.id_for("Jo Doe", "person"), "Jo Doe", "person")
    kb.actors.append(nobody)
    kb.attributions.append(Attribution("a5", "d1", "", (40, 50), False, "said", Speaker(nobody.id, "Jo Doe")))
    us = [a for a in kb.actors if a.name == "United States"][0]
    kb.attributions.append(Attribution("a6", "d1", "", (50, 60), False, "said", Speaker(us.id, "Washington")))
    monitor = [a for a in kb.actors if a.name == "Ann Monitor"][0]
    an = enrich(kb, overrides={monitor.id: "A"})
    grades = {a.id: a.speaker.reliability for a in an.attributions}
    assert grades["a1"] == {"grade": "A", "reason": "set by an analyst"}
    assert grades["a2"] is not None and grades["a2"]["grade"] == "F"  # anonymous
    assert grades["a4"] is not None and grades["a4"]["grade"] == "D" and "armed group" in grades["a4"]["reason"]
    assert grades["a5"] is not None and grades["a5"]["grade"] == "E"  # named, nothing known: judged, not F
    assert grades["a6"] is not None and grades["a6"]["grade"] == "C"  # a state through its capital
    assert an.attributions[0].to_dict()["speaker"]["reliability"]["grade"] == "A"


def test_a_denial_calling_a_statement_false_answers_the_speaker_it_names() -> None:
    from claimgraph.analysis.numbers import rejections

    kb = _kb()
    tal, monitor = (next(a for a in kb.actors if a.name == n) for n in ("Taliban", "Ann Monitor"))
    kb.claims = []
    kb.attributions = [
        Attribution("b1", "d1", "aid trucks are being held back at the crossing", (0, 40), False, "said", Speaker(tal.id, "Taliban")),
        Attribution("b2", "d1", "the convoy left on time", (50, 70), False, "said", Speaker(None, "a driver", None, "a driver", True)),
        Attribution("b3", "d1", "what the Taliban say is fake news", (80, 110), False, "denied", Speaker(monitor.id, "Ann Monitor")),
    ]
    (con,) = rejections(kb, {})
    # "fake news" is a rejection; the Taliban are named, so it answers them, not the driver just before
    assert con["attributions"] == ["b1", "b3"]
    sides = {c.attribution: c.polarity for c in kb.claims if c.id in con["claims"]}
    assert sides == {"b1": "affirmed", "b3": "negated"}


def test_a_rejection_never_answers_the_same_speaker_under_another_spelling() -> None:
    from claimgraph.analysis.numbers import rejections

    kb = _kb()
    kb.claims = []
    kb.attributions = [
        Attribution("b1", "d1", "jets struck targets", (0, 20), False, "said", Speaker(None, "x", None, "Ministry of Defence")),
        Attribution("b2", "d1", "the report as false", (30, 50), False, "rejected", Speaker(None, "y", None, "Ministry of Defense")),
    ]
    assert rejections(kb, {}) == []


def test_a_truce_the_text_names_is_tracked_and_mutual_accusations_are_a_dispute() -> None:
    from claimgraph.analysis.commitments import text_agreements

    kb = _kb()
    tal, aq = (next(a for a in kb.actors if a.name == n) for n in ("Taliban", "al-Qaeda"))
    truce = Actor(Actor.id_for("truce between Taliban and al-Qaeda", "agreement"), "truce between Taliban and al-Qaeda", "agreement", "ceasefire", ["truce"])
    kb.actors.append(truce)
    kb.claims = [
        Claim("v1", "d1", tal.id, "violates", truce.id, "affirmed", "the Taliban violated the truce", (0, 5), "a1"),
        Claim("v2", "d1", aq.id, "violates", truce.id, "affirmed", "al-Qaeda violated the truce", (10, 15), "a4"),
    ]
    (ag,) = text_agreements(kb.claims, {a.id: a for a in kb.actors})
    assert ag["parties"] == ["Taliban", "al-Qaeda"]
    assert [ob["text"] for ob in ag["obligations"]] == ["observe the truce: no attacks on al-Qaeda", "observe the truce: no attacks on Taliban"]
    an = enrich(kb)
    statuses = {c["obligor_name"]: c["status"] for c in an.commitments if c["agreement"] == truce.name}
    assert statuses == {"Taliban": "disputed", "al-Qaeda": "disputed"}
    # one side accused, the other not: a single source reporting a breach puts it at risk
    kb2 = _kb()
    kb2.actors.append(truce)
    kb2.claims = [kb.claims[0], Claim("k1", "d1", aq.id, "complies_with", truce.id, "affirmed", "al-Qaeda honours the truce", (20, 25), "a4")]
    an2 = enrich(kb2)
    statuses = {c["obligor_name"]: c["status"] for c in an2.commitments if c["agreement"] == truce.name}
    assert statuses == {"Taliban": "at_risk", "al-Qaeda": "kept"}


def test_a_quote_that_rejects_accusations_answers_the_accuser_not_its_own_side() -> None:
    from claimgraph.analysis.numbers import rejections

    kb = _kb()
    kb.claims = []
    tal, monitor, minister = (next(a for a in kb.actors if a.name == n) for n in ("Taliban", "Ann Monitor", "Sam Minister"))
    kb.attributions = [
        Attribution("c1", "d1", "that the militia killed 40 villagers in February", (0, 40), False, "alleged", Speaker(monitor.id, "Ann Monitor")),
        Attribution("c2", "d1", "the accusations that fighters massacred villagers", (45, 90), False, "rejected", Speaker(tal.id, "Taliban")),
        Attribution("c3", "d1", "We strongly reject these baseless accusations", (95, 140), True, "said", Speaker(minister.id, "Sam Minister")),
        # reported speech whose denial is someone else's is no rejection by its speaker
        Attribution("c4", "d1", "the group backs the militia, a claim the Taliban deny", (150, 200), False, "said", Speaker(None, "x", None, "diplomats")),
    ]
    found = {tuple(c["attributions"]) for c in rejections(kb, {})}
    # both rejections answer the monitor's allegation (the accusing cue), not each other
    assert found == {("c1", "c2"), ("c1", "c3")}


def test_two_sources_counting_the_same_toll_differently_contradict_each_other() -> None:
    from claimgraph.analysis.numbers import number_contradictions
    from claimgraph.model import Quantity

    kb = _kb()
    kb.claims = []
    tal, monitor = (next(a for a in kb.actors if a.name == n) for n in ("Taliban", "Ann Monitor"))
    kb.attributions = [
        Attribution("q1", "d1", "that 40 to 45 Afghan soldiers had been killed", (0, 50), False, "claimed", Speaker(tal.id, "Taliban")),
        Attribution("q2", "d1", "eight Afghan soldiers have been killed", (60, 100), False, "according to", Speaker(monitor.id, "Ann Monitor")),
        Attribution("q3", "d1", "two Pakistani soldiers were killed", (110, 150), False, "said", Speaker(None, "x", None, "officials", True)),
    ]
    kb.quantities = [
        Quantity("n1", "d1", "40 to 45 Afghan soldiers", (5, 29), 40, 45, "soldiers"),
        Quantity("n2", "d1", "eight Afghan soldiers", (60, 80), 8, 8, "soldiers"),
        Quantity("n3", "d1", "two Pakistani soldiers", (110, 132), 2, 2, "soldiers"),
    ]
    atts = {a.id: a for a in kb.attributions}
    (con,) = number_contradictions(kb, atts, {a.id: a for a in kb.actors}, {"d1": "d1"})
    assert con["quantities"] == ["n1", "n2"]  # Pakistani soldiers are another count
    assert {c.attribution for c in kb.claims if c.id in con["claims"]} == {"q1", "q2"}


def test_two_sides_blaming_each_other_for_one_breach_contradict() -> None:
    from claimgraph.analysis.contradictions import mutual_blame
    from claimgraph.analysis.grading import source_of

    kb = _kb()
    tal, aq = (next(a for a in kb.actors if a.name == n) for n in ("Taliban", "al-Qaeda"))
    truce = Actor(Actor.id_for("truce", "agreement"), "truce", "agreement", "ceasefire")
    kb.actors.append(truce)
    kb.attributions = [
        Attribution("m1", "d1", "al-Qaeda violated the truce", (0, 20), False, "said", Speaker(tal.id, "Taliban")),
        Attribution("m2", "d1", "the Taliban violated the truce", (30, 50), False, "said", Speaker(aq.id, "al-Qaeda")),
        Attribution("m3", "d1", "we violated nothing", (60, 80), False, "said", Speaker(tal.id, "Taliban")),
    ]
    kb.claims = [
        Claim("b1", "d1", aq.id, "violates", truce.id, "affirmed", "al-Qaeda violated the truce", (0, 20), "m1"),
        Claim("b2", "d1", tal.id, "violates", truce.id, "affirmed", "the Taliban violated the truce", (30, 50), "m2"),
        # the article's own voice takes no side
        Claim("b3", "d1", tal.id, "violates", truce.id, "affirmed", "the Taliban violated the truce", (90, 99), None),
    ]
    actors = {a.id: a for a in kb.actors}
    atts = {a.id: a for a in kb.attributions}
    sources = {c.id: source_of(c, atts, actors, {"d1": kb.documents[0]}, {}) for c in kb.claims}
    (con,) = mutual_blame(kb.claims, sources, actors)
    assert con["claims"] == ["b1", "b2"] and con["kind"] == "mutual_blame" and con["about"] == "truce"
    # the claims' order (an analysis in hand, or rows read back from the store) names nothing
    assert mutual_blame(kb.claims[::-1], sources, actors) == [con]


def test_a_denial_of_a_clause_answers_the_statement_that_says_it() -> None:
    from claimgraph.analysis.numbers import rejections

    kb = _kb()
    tal, monitor, minister = (next(a for a in kb.actors if a.name == n) for n in ("Taliban", "Ann Monitor", "Sam Minister"))
    kb.claims = []
    kb.attributions = [
        Attribution("p1", "d1", "about 40 people were killed in the strike, including several civilians", (0, 70), False, "says", Speaker(monitor.id, "Ann Monitor")),
        Attribution("p2", "d1", "talks would resume in Oren next week", (80, 120), False, "said", Speaker(minister.id, "Sam Minister")),
        Attribution("p3", "d1", "that civilians were killed in the strike, claiming instead that rebels were responsible", (130, 220), False, "denied",
                    Speaker(tal.id, "Taliban")),
        # a statement inside the denial is part of it, not what it answers
        Attribution("p4", "d1", "that rebels were responsible", (190, 220), False, "claiming", Speaker(None, "rebels", None, "rebels")),
    ]
    (con,) = rejections(kb, {})
    assert con["attributions"] == ["p1", "p3"]
    # a denial that is itself denied rejects nothing
    text = "x" * 130 + "The Taliban did not deny that civilians were killed in the strike."
    kb.documents = [Document(id="d1", text=text, source="a.txt", published="2021-02-16")]
    start = text.index("that civilians")
    kb.attributions = [kb.attributions[0], Attribution("p3", "d1", text[start:-1], (start, len(text) - 1), False, "deny", Speaker(tal.id, "Taliban"))]
    assert rejections(kb, {}) == []
    # a denied clause that no statement says is left alone: no fallback to the statement before it
    kb.attributions = [kb.attributions[1], Attribution("p5", "d1", "that the convoy was stopped at Dara", (130, 170), False, "denied", Speaker(tal.id, "Taliban"))]
    assert rejections(kb, {}) == []


def test_a_pledge_is_a_commitment_of_its_speaker() -> None:
    kb = _kb()
    tal = next(a for a in kb.actors if a.name == "Taliban")
    accord = Actor(Actor.id_for("Oren accord", "agreement"), "Oren accord", "agreement", "agreement")
    kb.actors.append(accord)
    kb.attributions = [
        Attribution("g1", "d1", "to respect the Oren accord and hold elections in Zamora", (0, 60), False, "pledged", Speaker(tal.id, "Taliban")),
        Attribution("g2", "d1", "the elections were fair", (70, 90), False, "said", Speaker(tal.id, "Taliban")),
    ]
    kb.claims = []
    an = enrich(kb)
    (pledge,) = [c for c in an.commitments if c["agreement"].startswith("pledge")]
    assert pledge["obligor"] == tal.id and pledge["obligation"] == "respect the Oren accord and hold elections in Zamora"
    assert pledge["status"] == "unknown"
    # the accord it names is kept by complying with it
    kb.claims = [Claim("k1", "d1", tal.id, "complies_with", accord.id, "affirmed", "the Taliban honour the Oren accord", (70, 90), "g2")]
    (pledge,) = [c for c in enrich(kb).commitments if c["agreement"].startswith("pledge")]
    assert pledge["status"] == "kept" and pledge["evidence_for"] == ["k1"]
    # a pledge not made binds nobody
    from claimgraph.analysis.commitments import pledges

    text = "The Taliban did not pledge to hold elections in Zamora."
    doc = Document(id="d2", text=text, source="b.txt")
    start = text.index("to hold")
    att = Attribution("g3", "d2", text[start:-1], (start, len(text) - 1), False, "pledge", Speaker(tal.id, "Taliban"))
    assert pledges([att], {a.id: a for a in kb.actors}, {"d2": doc}) == []
    assert len(pledges([att], {a.id: a for a in kb.actors})) == 1


def test_an_accusation_of_attacks_answered_by_an_attack_of_the_accuser_is_mutual_blame() -> None:
    from claimgraph.analysis.contradictions import accusation_blame
    from claimgraph.analysis.grading import source_of

    kb = _kb()
    zamora = Actor(Actor.id_for("Zamora", "place"), "Zamora", "place", "country")
    oren = Actor(Actor.id_for("Oren", "place"), "Oren", "place", "country")
    troops = Actor(Actor.id_for("Zamoran troops", "organization"), "Zamoran troops", "organization", "military")
    dara = Actor(Actor.id_for("Dara", "place"), "Dara", "place", "city")
    kb.actors += [zamora, oren, troops, dara]
    kb.attributions = [
        Attribution("z1", "d1", "Oren of shelling villages on the border", (7, 50), False, "accused", Speaker(zamora.id, "Zamora")),
        Attribution("z2", "d1", "it returned fire after Zamoran troops shelled its positions in Dara", (60, 130), False, "said", Speaker(oren.id, "Oren")),
        Attribution("z3", "d1", "the talks would go on", (140, 160), False, "said", Speaker(oren.id, "Oren")),
    ]
    kb.claims = [
        Claim("y1", "d1", zamora.id, "accuses", oren.id, "affirmed", "Zamora accused Oren of shelling villages on the border.", (0, 55)),
        Claim("y2", "d1", troops.id, "attacks", dara.id, "affirmed", "Oren said it returned fire ...", (56, 135), "z2"),
        Claim("y3", "d1", troops.id, "member_of", zamora.id, "affirmed", "Zamoran troops", (56, 135)),
    ]
    actors = {a.id: a for a in kb.actors}
    atts = {a.id: a for a in kb.attributions}
    sources = {c.id: source_of(c, atts, actors, {"d1": kb.documents[0]}, {}) for c in kb.claims}
    (con,), (statement,) = accusation_blame(kb.claims, atts, sources, actors)
    assert con["claims"] == [statement.id, "y2"] and statement.attribution == "z1"
    # an accusation of something else ("of lying") is no blame for an attack
    kb.attributions[0] = Attribution("z1", "d1", "Oren of lying about the talks", (7, 50), False, "accused", Speaker(zamora.id, "Zamora"))
    atts = {a.id: a for a in kb.attributions}
    assert accusation_blame(kb.claims, atts, sources, actors) == ([], [])


def test_a_rejection_of_a_named_speakers_claims_answers_no_one_else() -> None:
    from claimgraph.analysis.numbers import rejections

    kb = _kb()
    lopez = Actor(Actor.id_for("Maria Lopez", "person"), "Maria Lopez", "person")
    kb.actors.append(lopez)
    minister = next(a for a in kb.actors if a.name == "Sam Minister")
    kb.claims = []
    kb.attributions = [
        Attribution("r1", "d1", "Zamora is ready to bring everyone home", (0, 40), False, "says", Speaker(None, "ombudsman", None, "ombudsman")),
        Attribution("r2", "d1", "the claims of his counterpart Maria Lopez", (50, 90), False, "denying", Speaker(minister.id, "Sam Minister")),
    ]
    # Maria Lopez says nothing here: the statement before the denial is not hers to answer for
    assert rejections(kb, {}) == []


def test_a_side_that_says_it_only_answered_an_attack_contradicts_the_account_that_it_attacked() -> None:
    from claimgraph.analysis.contradictions import self_defence

    kb = _kb()
    army = Actor(Actor.id_for("Zamoran army", "organization"), "Zamoran army", "organization", "military", ["Zamora's army"])
    brigades = Actor(Actor.id_for("Eastern Shield Brigades", "organization"), "Eastern Shield Brigades", "organization", "armed_group")
    kb.actors += [army, brigades]
    kb.claims = []
    kb.attributions = [
        Attribution("s1", "d1", "their fighters repulsed a complex attack by the Zamoran army near Dara", (0, 70), False, "said",
                    Speaker(brigades.id, "Eastern Shield Brigades")),
        Attribution("s2", "d1", "it had retaliated against an attempted incursion, blaming terrorists", (80, 150), False, "said",
                    Speaker(army.id, "Zamora's army")),
        Attribution("s3", "d1", "the Zamoran army was attacked by drones", (160, 200), False, "said", Speaker(None, "x", None, "residents")),
    ]
    actors = {a.id: a for a in kb.actors}
    atts = {a.id: a for a in kb.attributions}
    (con,), statements = self_defence(kb.claims, atts, {}, actors)
    assert {c.attribution for c in statements if c.id in con["claims"]} == {"s1", "s2"}
    # the army telling of someone else's retaliation says nothing of its own
    said = dict(atts)
    said["s2"] = Attribution("s2", "d1", "the Brigades retaliated against the convoy", (80, 150), False, "said", Speaker(army.id, "Zamora's army"))
    assert self_defence(kb.claims, said, {}, actors) == ([], [])
    # an account in which the army is the one attacked says nothing against it
    del atts["s1"]
    assert self_defence([], atts, {}, actors) == ([], [])


def test_two_counts_of_one_phrase_saying_different_things_do_not_contradict() -> None:
    from claimgraph.analysis.numbers import number_contradictions
    from claimgraph.model import Quantity

    kb = _kb()
    kb.claims = []
    tal, monitor = (next(a for a in kb.actors if a.name == n) for n in ("Taliban", "Ann Monitor"))
    kb.attributions = [
        Attribution("q1", "d1", "lists of 600 Zamoran prisoners of war (POWs) held in Oren", (0, 60), False, "published", Speaker(tal.id, "Taliban")),
        Attribution("q2", "d1", "3,767 Zamoran prisoners of war have returned home", (70, 120), False, "according to", Speaker(monitor.id, "Ann Monitor")),
    ]
    kb.quantities = [
        Quantity("n1", "d1", "600 Zamoran prisoners", (9, 30), 600, 600, "prisoners"),
        Quantity("n2", "d1", "3,767 Zamoran prisoners", (70, 93), 3767, 3767, "prisoners"),
    ]
    atts = {a.id: a for a in kb.attributions}
    assert number_contradictions(kb, atts, {a.id: a for a in kb.actors}, {"d1": "d1"}) == []


def test_a_side_that_says_it_answered_an_attack_disputes_a_breach_by_attacking() -> None:
    from claimgraph.analysis.commitments import assess_commitments, text_agreements
    from claimgraph.analysis.grading import source_of

    kb = _kb()
    tal, aq = (next(a for a in kb.actors if a.name == n) for n in ("Taliban", "al-Qaeda"))
    deal = Actor(Actor.id_for("security arrangements of Taliban", "agreement"), "security arrangements of Taliban", "agreement", "agreement")
    kb.actors.append(deal)
    kb.claims = [
        Claim("v1", "d1", tal.id, "violates", deal.id, "affirmed", "the attack was a violation of the security arrangements", (0, 10), "a1"),
        Claim("s1", "d1", tal.id, "statement", None, "affirmed", "it retaliated against an incursion", (30, 40), "a4"),
    ]
    actors = {a.id: a for a in kb.actors}
    atts = {a.id: a for a in kb.attributions}
    docs = {"d1": kb.documents[0]}
    sources = {c.id: source_of(c, atts, actors, docs, {}) for c in kb.claims}
    ags = text_agreements(kb.claims, actors)
    (alone,) = assess_commitments(ags, kb.claims, sources, actors, docs)
    assert alone["status"] == "at_risk"
    (answered,) = assess_commitments(ags, kb.claims, sources, actors, docs, answered={tal.id: ["s1"]})
    assert answered["status"] == "disputed" and answered["evidence_for"] == ["s1"]
    # an account by someone else, or in another document, disputes nothing
    (other,) = assess_commitments(ags, kb.claims, sources, actors, docs, {aq.id: ["s1"]})
    assert other["status"] == "at_risk"
