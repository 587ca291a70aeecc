"""Events: kill and capture counts, leaders, restatements, civilians, province and date."""

from __future__ import annotations

import pytest

from claimgraph.evaluation.isaf import predict_isaf

pytestmark = pytest.mark.model


def test_counts_leaders_and_restatement(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse(
        "KANDAHAR, Afghanistan (May 4, 2011) - A joint force detained a Taliban leader and two suspected insurgents "
        "in Zhari district, Kandahar province, yesterday.\n\n"
        "The force detained two suspected insurgents after questioning residents.\n\n"
        "The force also detained one additional suspected insurgent. It killed three armed insurgents."
    )
    pred = predict_isaf(an)
    assert pred["min_captured"] == 4  # 1 + 2, the restated 2 not added again, plus 1 additional
    assert pred["min_killed"] == 3
    assert pred["event_type"] == ["captureandkill"]
    assert pred["province"] == "kandahar" and pred["target_group"] == "taliban"
    assert pred["start_date"] == "2011-05-03"
    assert any(e.leaders_captured == 1 for e in an.events)


def test_vague_counts_and_airstrike(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("The security force engaged the armed insurgents with a precision airstrike, killing several of them.")
    pred = predict_isaf(an)
    assert pred["min_killed"] == 3 and pred["event_type"] == ["airstrike"]


def test_no_event_from_negated_or_generic_harm(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("No civilians were injured in the operation. The attacks are killing civilians, the colonel said.")
    assert [e for e in an.events if e.civilian] == []


def test_who_did_it_to_whom(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("NATO forces detained a Taliban leader and two suspected insurgents in Kandahar province.")
    (event,) = [e for e in an.events if e.captured]
    names = {a.id: a.name for a in an.actors}
    assert event.plover == "COERCE" and names.get(event.target) == "Taliban" and names.get(event.actor) == "NATO"


def test_soldiers_killed_in_an_attack_with_the_doer_place_and_wounded(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse(
        "Dara attack kills soldiers\n\n"
        "Al-Shabaab fighters launched a raid on an army base in Kidal, Mali, killing five soldiers and wounding ten others."
    )
    names = {a.id: a.name for a in an.actors}
    (ev,) = [e for e in an.events if e.killed]
    assert (ev.killed, ev.wounded, ev.security) == (5, 10, True)  # one attack with both counts
    assert names.get(ev.actor or "") == "al-Shabaab"  # the raid's doer does the killing
    assert ev.location and ev.location.startswith("Kidal") and "Mali" in ev.location  # the most specific place first


def test_isaf_counts_the_enemy_not_soldiers_lost(analyse) -> None:  # type: ignore[no-untyped-def]
    from claimgraph.evaluation.isaf import predict_isaf

    an = analyse(
        "KABUL, Afghanistan (Jan. 3, 2012) - Afghan and coalition forces killed two insurgents in Kandahar province. "
        "The insurgents were linked to an attack that killed four soldiers last week."
    )
    assert predict_isaf(an)["min_killed"] == 2


def test_the_doer_of_the_attack_a_killing_happened_in(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("According to Baghdad, seven Iraqi soldiers were killed and three others wounded in an attack by the Islamic State.")
    names = {a.id: a.name for a in an.actors}
    (ev,) = an.events
    assert (ev.killed, ev.wounded, names.get(ev.actor or "")) == (7, 3, "Islamic State")
    assert ev.location is None  # "according to Baghdad" names a source, not a place of the attack
    assert ev.target_group == "seven iraqi soldiers"


def test_shot_and_killed_and_no_one_harmed(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("A Nigerian police officer was shot and killed in Kano on Friday.")
    assert [(e.killed, e.location) for e in an.events] == [(1, "Kano")]
    an = analyse("No women or children were injured or detained during the operation.")
    assert an.events == []
