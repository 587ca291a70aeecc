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
