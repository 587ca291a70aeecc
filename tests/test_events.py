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


def test_along_with_including_and_conjoined_numbers(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("Police in Herat province arrested a weapons smuggler along with four of his couriers on Tuesday.")
    assert predict_isaf(an)["min_captured"] == 5
    an = analyse("The patrol detained three militants, including a Taliban commander, near Gardez in Paktiya province.")
    (ev,) = [e for e in an.events if e.captured]
    assert (ev.captured, ev.leaders_captured) == (3, 1)  # the commander is one of the three
    an = analyse("Soldiers in Zabul province detained the financier and two of his associates.")
    assert predict_isaf(an)["min_captured"] == 3  # "two" is a conjunct's number, not the financier's


def test_running_totals_are_not_events(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse(
        "Troops detained two suspected militants in Kunduz province on Monday. Since March, the troops have "
        "detained more than 60 suspected militants. So far, they have killed 25 fighters in the district."
    )
    assert [(e.captured, e.killed) for e in an.events] == [(2, None)]


def test_headline_and_vague_count_restated_by_the_exact_one(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse(
        "Suspected Militants Detained in Ghazni\n"
        "KABUL, Afghanistan (June 2, 2011) - A joint force detained several suspected militants in Ghazni province. "
        "After questioning villagers at the scene, the force detained five suspected militants for additional questioning."
    )
    assert predict_isaf(an)["min_captured"] == 5  # not 2 (headline) + 3 (several) + 5


def test_elided_nouns_dozens_named_people_and_civilian_counts(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("During the raid, several suspected smugglers were detained and three were killed.")
    assert sorted((e.killed or 0, e.captured or 0) for e in an.events) == [(0, 3), (3, 0)]
    an = analyse("Two dozen fighters were killed near the dam. Also killed in the raid were more than a dozen gunmen.")
    assert [e.killed for e in an.events] == [24, 13]
    an = analyse("The patrol came under fire and returned it, killing Rahmatullah Khan.")
    assert [e.killed for e in an.events] == [1]
    an = analyse("Rockets hit the market in Kunduz province and two civilians were killed.")
    (ev,) = an.events
    assert (ev.killed, ev.civilian, ev.type) == (2, True, "civilian_casualty")
    pred = predict_isaf(an)
    assert pred["min_killed"] == 2 and pred["event_type"] == ["civiliancasualty"]  # dead counted, not as insurgents


def test_a_tally_for_the_month_is_not_an_event(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse('"Several commanders have been detained and four were killed this month alone," the colonel said.')
    assert an.events == []


def test_a_definite_referent_with_new_people_and_one_sentence_two_verbs(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse(
        "A joint patrol detained a Taliban financier in Logar province on Friday. "
        "After searching the house, the patrol detained the financier and a suspected courier."
    )
    assert predict_isaf(an)["min_captured"] == 2  # the financier once, the courier new
    an = analyse("Police arrested a Taliban leader, and detained one suspected fighter, in Ghazni province.")
    assert predict_isaf(an)["min_captured"] == 2  # the second verb of a sentence does not restate the first
    an = analyse('"In the past year, we have detained 40 Taliban commanders," the general said.')
    assert an.events == []
    an = analyse("In recent years, special forces have killed or captured several militant leaders in the region.")
    assert an.events == []


def test_an_attack_told_over_two_sentences(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse(
        "Gunmen stormed a police post in northern Kenya, killing four officers.\n\n"
        "The night attack took place at a checkpoint in Mandera. Two guards were killed in Garissa last year."
    )
    ev = next(e for e in an.events if e.killed == 4)
    assert ev.location and "Mandera" in ev.location  # the next sentence says where "the attack" was
    an = analyse(
        "Three police officers were killed in a bombing at a market in Quetta on Monday. Nine others were injured in the blast."
    )
    (ev,) = an.events
    assert (ev.killed, ev.wounded) == (3, 9)  # the wounded "others" of the dead are the same attack


def test_doer_up_the_verbs_target_aimed_at_and_round_estimates(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("A Russian army tank fired at a post of the Red Cross, hitting it and injuring two guards.")
    names = {a.id: a.name for a in an.actors}
    (ev,) = an.events
    assert ev.wounded == 2 and ev.actor and ev.target and "Red Cross" in names[ev.target]
    an = analyse("Officials said more than 3,000 people have been killed in the fighting.")
    assert [e.killed for e in an.events] == [3000]  # not 3,001: a round estimate


def test_event_vocabularies_are_words() -> None:
    from claimgraph.data import load_yaml

    vocab = load_yaml("events.yaml")
    words = [w for v in vocab.values() for w in (v if isinstance(v, list) else v.keys())]
    assert words and all(isinstance(w, str) and w == w.lower() for w in words)  # no YAML 1.1 booleans
    assert "policemen" in vocab["security"] and vocab["vague_words"]["several"] == 3


def test_two_counts_at_two_places_and_the_accused_doer(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("Witnesses said soldiers killed 30 people in Kidal and 12 others in Gao on Monday.")
    got = sorted((e.killed, e.location) for e in an.events)
    assert got == [(12, "Gao"), (30, "Kidal")]  # not one event of 42
    assert len({e.id for e in an.events}) == 2
    an = analyse("Investigators accused the Sudanese Armed Forces of executing 40 villagers in Darfur.")
    names = {a.id: a.name for a in an.actors}
    (ev,) = an.events
    assert ev.killed == 40 and "Sudanese Armed Forces" in names.get(ev.actor or "", "")


def test_the_attack_by_its_doer_named_before_and_a_nominal_death(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse(
        "The ministry condemned an ambush by al-Shabaab on a convoy near Baidoa.\n\n"
        "The ambush, which caused the death of one soldier, wounded three others, officials said."
    )
    names = {a.id: a.name for a in an.actors}
    (ev,) = [e for e in an.events if e.killed]
    assert (ev.killed, ev.wounded, ev.security) == (1, 3, True)
    assert names.get(ev.actor or "") == "al-Shabaab"  # the doer of "the ambush" told before


def test_an_exact_count_after_a_vague_summary_stands(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse(
        "KABUL, Afghanistan (May 9, 2011) - Numerous insurgents were killed during operations in Zabul province today. "
        "After coming under fire, the patrol returned fire, killing two insurgents."
    )
    assert predict_isaf(an)["min_killed"] == 2  # not the vague "numerous" (4)
