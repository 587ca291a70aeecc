"""Dates: resolution against the publication date, precision, datelines, no guessing."""

from __future__ import annotations

from datetime import date

import pytest

from claimgraph.ingest import find_dateline, parse_date
from claimgraph.ingest.dates import dateline_span
from claimgraph.nlp.timex import resolve_timex

PUB = date(2021, 2, 16)  # a Tuesday


@pytest.mark.parametrize(
    "text, tense, expected",
    [
        ("September 11, 2001", None, ("2001-09-11", "day")),
        ("11 September 2001", None, ("2001-09-11", "day")),
        ("March 2019", None, ("2019-03", "month")),
        ("2020", None, ("2020", "year")),
        ("a year ago", None, ("2020", "year")),
        ("two months ago", None, ("2020-12", "month")),
        ("last year", None, ("2020", "year")),
        ("Monday", "past", ("2021-02-15", "day")),
        ("Wednesday", "future", ("2021-02-17", "day")),
        ("May", None, ("2021-05", "month")),
        ("January", None, ("2021-01", "month")),
        ("March 1", "past", ("2020-03-01", "day")),
        ("yesterday", None, ("2021-02-15", "day")),
        ("decades", None, (None, None)),
        ("30 years later", None, (None, None)),
        ("25 January", "past", ("2021-01-25", "day")),
        ("on 3 February", None, ("2021-02-03", "day")),
        ("mid-October", "past", ("2020-10", "month")),
        ("earlier this month", None, ("2021-02", "month")),
        ("Earlier this year", None, ("2021", "year")),
        ("earlier this week", None, (None, None)),
        ("Sunday, February 14", None, ("2021-02-14", "day")),
        ("10 and 11 January", "past", ("2021-01", "month")),
        ("between March 27 and 31, 2019", None, ("2019-03", "month")),
        ("the first half of 2019", None, ("2019", "year")),
        ("the end of 2018", None, ("2018", "year")),
        ("the end of May", None, ("2021-05", "month")),
        ("the first week of last month", None, ("2021-01", "month")),
        ("the 3rd of March", None, ("2021-03-03", "day")),
        ("the end of the war", None, (None, None)),
    ],
)
def test_resolve_against_publication_date(text: str, tense: str | None, expected: tuple[str | None, str | None]) -> None:
    assert resolve_timex(text, PUB, tense) == expected


def test_relative_dates_stay_unresolved_without_publication_date() -> None:
    assert resolve_timex("Monday", None) == (None, None)
    assert resolve_timex("a year ago", None) == (None, None)
    assert resolve_timex("September 11, 2001", None) == ("2001-09-11", "day")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("KABUL, Afghanistan (Jan. 25, 2013) -- A raid ...", date(2013, 1, 25)),
        ("BERLIN, March 3, 2021 (Reuters) - Talks ...", date(2021, 3, 3)),
        ("WASHINGTON – The Afghan Taliban ...", None),
    ],
)
def test_dateline(text: str, expected: date | None) -> None:
    assert find_dateline(text) == expected
    assert dateline_span(text) is not None


def test_parse_date_formats() -> None:
    assert parse_date("2021-02-16") == date(2021, 2, 16)
    assert parse_date("Feb. 16, 2021") == date(2021, 2, 16)
    assert parse_date("16 February 2021") == date(2021, 2, 16)
    assert parse_date("not a date") is None


@pytest.mark.model
def test_timeline_spans(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse(
        "Since 2009, the Eastern Shield Brigades have fought in Zamora. They signed a 2015 peace agreement with the government. "
        "Envoys met in Oren on 10 and 11 January. Maria Lopez said Dara was shelled on Monday night.",
        published="2021-02-16",
    )
    found = {t.text: (t.date, t.precision) for t in an.timeline}
    assert found["Since 2009"] == ("2009", "year")
    assert found["2015 peace agreement"] == ("2015", "year")
    assert found["10 and 11 January"] == ("2021-01", "month")
    assert found["11 January"] == ("2021-01-11", "day")
    assert found["10"] == ("2021-01-10", "day")
    assert found["Monday night"] == ("2021-02-15", "day")


def test_title_date_with_the_year_of_a_release_number() -> None:
    head = "Apr. 23: Operations in Zamora and Oren\nNEWS RELEASE\nJoint Command\n2010-04-CA-067\nFor Immediate Release\n\nIn Dara last night ..."
    assert find_dateline(head) == date(2010, 4, 23)
    # no release number of that month: the year is not guessed
    assert find_dateline("Apr. 23: Talks in Zamora collapse\n\nSince 2015 the Eastern Shield Brigades ...") is None
    assert find_dateline("KABUL, Afghanistan (Nov. 1. 2011)\nA combined force ...") == date(2011, 11, 1)


@pytest.mark.model
def test_the_ends_of_a_range_of_years(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("The Eastern Shield Brigades ruled Dara between 2015 and 2018. The 2019-2021 drought hit Zamora.", published="2021-02-16")
    found = {t.text: t.date for t in an.timeline}
    assert (found["2015"], found["2018"], found["2019"], found["2021"]) == ("2015", "2018", "2019", "2021")


@pytest.mark.model
def test_a_year_after_days_belongs_to_them(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("The talks in Oren on Jan. 25-26, 2013 failed, Maria Lopez said.", published="2021-02-16")
    found = {t.text: t.date for t in an.timeline}
    assert found["Jan. 25-26, 2013"] == "2013-01"
    assert found["Jan. 25"] == "2013-01-25"
    assert "2013" not in found
