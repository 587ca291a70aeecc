"""Publication dates: parse a date string, find a dateline at the top of an article.

"KABUL, Afghanistan (Jan. 25, 2013) --" and "BERLIN, March 3, 2021 (Reuters) -"
carry the date the story was filed; it stands in for the publication date
when the document has no metadata.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from claimgraph import data as vocab

__all__ = ["parse_date", "find_dateline", "dateline_span"]

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_TEXT = rf"{_MONTH}\s+\d{{1,2}}[,.]?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}"
_DATELINE = re.compile(
    rf"^[ \t]*[A-Z][A-Z .'\u2019-]{{2,40}}(?:,[ \t]+[A-Z][A-Za-z .]{{1,30}})?[ \t]*"
    rf"(?:\(\s*(?P<a>{_DATE_TEXT})\s*\)|,[ \t]+(?P<b>{_DATE_TEXT}))",
    re.MULTILINE,
)

# the news agencies a dateline may name in brackets (data/furniture.yaml)
_AGENCIES = "|".join(re.escape(a) for a in vocab.phrases("furniture.yaml", "dateline_agencies"))

# "KABUL, Afghanistan (Jan. 25, 2013) —", "WASHINGTON (Reuters) -", "GENEVA —": a place
# in capitals at the start of a line, optional country, date and agency, then a dash.
_DATELINE_SPAN = re.compile(
    rf"^[ \t]*[A-Z][A-Z.'\u2019-]{{2,}}(?:[ \t][A-Z][A-Z.'\u2019-]+){{0,3}}(?:,[ \t]+[A-Z][A-Za-z.]+(?:[ \t][A-Z][A-Za-z.]+){{0,2}})?"
    rf"(?:[ \t]*\(\s*(?:{_DATE_TEXT})\s*\)|,[ \t]+(?:{_DATE_TEXT}))?"
    rf"(?:[ \t]*\((?:{_AGENCIES})\))?"
    r"[ \t]*(?:\u2014|\u2013|--|-)[ \t]",
    re.MULTILINE,
)

# "(Eagle Times)–The ministry said ...", "(AP) — Troops": an outlet's credit in brackets opening
# a line, a dash after it, glued or not; no place before it
_CREDIT_SPAN = re.compile(r"^[ \t]*\([A-Z][^()\n]{0,40}\)[ \t]*(?:\u2014|\u2013|--|-)[ \t]*(?=[A-Z\u201c\"])", re.MULTILINE)

_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d.%m.%Y", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y")


def parse_date(value: str) -> date | None:
    """A calendar date from an ISO string or a written date; None if it is not one."""
    text = value.strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    cleaned = re.sub(r"(?<=[A-Za-z])\.", "", text)
    cleaned = re.sub(r"(?<=\d)\.(?=\s+\d{4}$)", ",", cleaned)  # "Nov. 1. 2011"
    cleaned = re.sub(r"\bSept\b", "Sep", cleaned)
    for fmt in _FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    try:
        import dateparser

        parsed = dateparser.parse(text, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["year", "month", "day"]})
    except Exception:  # dateparser raises a zoo of errors on odd strings
        return None
    return parsed.date() if parsed else None


# "... For Immediate Release   KABUL, Afghanistan (Feb. 21, 2011) An Afghan ...": a
# dateline run into the header; and "(Sept. 1)" with the year only in a release number
_INLINE_DATELINE = re.compile(
    rf"(?:^|\s)[A-Z][A-Z.'\u2019-]{{2,}},[ \t]+[A-Z][A-Za-z.]+(?:[ \t][A-Z][A-Za-z.]+)?[ \t]*\(\s*(?P<d>{_DATE_TEXT}|{_MONTH}\s+\d{{1,2}})\s*\)"
)


# "Apr. 23: Operations in Three Provinces" over "... 2010-04-CA-067 For Immediate Release": a
# title opened by the day, the year in a release number of that month
_TITLE_DATE = re.compile(rf"^\s*(?P<d>{_MONTH}\s+\d{{1,2}}):[ \t]")


def find_dateline(text: str, within: int = 600) -> date | None:
    """The date of a dateline near the top of ``text``, if there is one."""
    head = text[:within]
    m = _DATELINE.search(head)
    if m:
        return parse_date(m.group("a") or m.group("b"))
    m2 = _INLINE_DATELINE.search(head)
    if not m2:
        return _title_date(head)
    found = parse_date(m2.group("d"))
    if found is None:
        # no year in the dateline: take the year the header states, never a guess
        years = re.findall(r"\b(19[5-9]\d|20\d\d)\b", head)
        if years:
            found = parse_date(f"{m2.group('d')} {years[0]}")
    return found


def dateline_span(text: str, within: int = 800) -> tuple[int, int] | None:
    """Where the dateline is ("WASHINGTON \u2013 "), so that the analysis can skip it."""
    head = text[:within]
    found = [m for m in (_DATELINE_SPAN.search(head), _CREDIT_SPAN.search(head)) if m]
    if not found:
        return None
    m = min(found, key=lambda m: m.start())
    return (m.start(), m.end())


def _title_date(head: str) -> date | None:
    m = _TITLE_DATE.match(head)
    if not m:
        return None
    day = parse_date(f"{m.group('d')} 2000")  # the month, to find its release number
    if day is None:
        return None
    for year, month in re.findall(r"\b(19[5-9]\d|20\d\d)-(\d\d)-[A-Z]", head):
        if int(month) == day.month:
            return parse_date(f"{m.group('d')} {year}")
    return None
