"""Quantities: ranges, hedges, units, and whose they are."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _q(an, text):  # type: ignore[no-untyped-def]
    found = [q for q in an.quantities if text in q.text]
    assert found, [(q.text, q.min, q.max) for q in an.quantities]
    return found[0]


def test_range_unit_and_owner(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("Monitors counted 200 to 500 al-Qaeda fighters in around 11 provinces.")
    fighters = _q(an, "200 to 500")
    assert (fighters.min, fighters.max, fighters.unit) == (200, 500, "fighters")
    assert fighters.of is not None and [a.name for a in an.actors if a.id == fighters.of] == ["al-Qaeda"]
    provinces = _q(an, "11")
    assert (provinces.min, provinces.max, provinces.unit, provinces.approximate) == (11, 11, "provinces", True)


def test_thousands_words_and_between(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("The US has approximately 2,500 soldiers there. Two commanders and between 30 and 40 fighters left.")
    soldiers = _q(an, "2,500")
    assert (soldiers.min, soldiers.unit, soldiers.approximate) == (2500, "soldiers", True)
    assert _q(an, "Two").min == 2
    fighters = _q(an, "30 and 40")
    assert (fighters.min, fighters.max) == (30, 40)


def test_years_and_dates_are_not_counts(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("In 2019 the talks began on March 3.")
    assert an.quantities == []


def test_durations_are_counts_of_time(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("The mediators extended the truce in Zamora by five days. It will last for two months, the first such pause in six years.")
    assert (_q(an, "five days").min, _q(an, "five days").unit) == (5, "days")
    assert (_q(an, "two months").max, _q(an, "two months").unit) == (2, "months")
    assert _q(an, "six years").min == 6
    an = analyse("The Eastern Shield Brigades ended a five-year campaign in Oren.")
    assert (_q(an, "five-year").min, _q(an, "five-year").unit) == (5, "year")


def test_points_in_time_and_ages_are_not_durations(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("The talks in Dara began three years ago. A 25-year-old man was detained on March 3. Profits for the 2019 year rose.")
    assert an.quantities == []


def test_nationalities_partitives_and_quoted_nouns(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("Ten Canadians were released in Oren on Monday. Six of the Canadians had been held for years.")
    ten = _q(an, "Ten Canadians")
    assert (ten.min, ten.unit) == (10, "canadians")
    assert _q(an, "Six of the Canadians").min == 6
    an = analyse('Two "armed individuals" were also killed in Zamora, the army said.')
    assert (_q(an, "Two").min, _q(an, "Two").unit, _q(an, "Two").text) == (2, "individuals", "Two \"armed individuals\"")


def test_one_of_the_is_no_count_and_between_is_kept(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("Oren is one of the parties to the accord. The group commands between 5,000 and 7,000 fighters.")
    assert [q.text for q in an.quantities] == ["between 5,000 and 7,000 fighters"]


def test_fractions_are_not_counts_and_coordinated_modifiers_reach_their_noun(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("Zamora controls two-thirds of the valley.")
    assert an.quantities == []
    an = analyse("The shelling of Dara caused scores of army and civilian casualties. The raids in Oren left hundreds of military and civilian casualties.")
    assert _q(an, "scores of").unit == "casualties"
    assert _q(an, "hundreds of").unit == "casualties"


def test_dozens_hyphenated_nouns_and_a_part_of_a_count(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("Two dozen fighters of the Eastern Shield Brigades surrendered in Zamora, and a dozen soldiers were wounded.")
    assert _q(an, "Two dozen").min == 24
    assert _q(an, "dozen soldiers").min == 12
    an = analyse("A 12-member council agreed to a 48-hour truce in Oren.")
    assert (_q(an, "12-member").min, _q(an, "12-member").unit) == (12, "member")
    assert (_q(an, "48-hour").min, _q(an, "48-hour").unit) == (48, "hour")
    an = analyse("The militia in Dara released 45 of the 60 hostages.")
    assert [(q.text, q.min) for q in an.quantities] == [("60 hostages", 60)]


def test_vague_counts_of_a_scale_and_half_a_dozen(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("Tens of thousands of people fled Oren, and hundreds of thousands more were displaced.")
    assert [(q.text, q.min, q.max) for q in an.quantities] == [("Tens of thousands of people", 20000, 99999)]
    an = analyse("More than a dozen soldiers and half a dozen police were wounded in Dara. Millions of people need aid.")
    dozen = _q(an, "More than a dozen")
    assert (dozen.min, dozen.approximate) == (12, True)
    assert _q(an, "half a dozen").min == 6
    assert _q(an, "Millions of people").min == 2_000_000


def test_money_keeps_its_symbol_and_hedge(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("The government of Zamora pledged $50 million and about $2 billion to Oren, and \u00a33 million to Dara.")
    assert [(q.text, q.min, q.unit, q.approximate) for q in an.quantities] == [
        ("$50 million", 50_000_000, "USD", False),
        ("about $2 billion", 2_000_000_000, "USD", True),
        ("\u00a33 million", 3_000_000, "GBP", False),
    ]


def test_compound_number_words(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("Twenty-five soldiers and thirty-two police were hurt in Dara.")
    assert [(q.text, q.min) for q in an.quantities] == [("Twenty-five soldiers", 25), ("thirty-two police", 32)]


def test_a_range_shares_its_scale(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("The Zamora fund needs two to three billion dollars for Oren.")
    assert (_q(an, "two to three").min, _q(an, "two to three").max) == (2e9, 3e9)
    an = analyse("Between 200 and 300 million people live in the region, Maria Lopez said.")
    assert (_q(an, "200 and 300").min, _q(an, "200 and 300").max) == (2e8, 3e8)


def test_a_percentage_before_and_keeps_its_unit(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("Prices in Zamora rose 0.6 pct and hourly wages 3.2 pct.")
    assert [(q.text, q.unit) for q in an.quantities] == [("0.6 pct", "pct"), ("3.2 pct", "pct")]
