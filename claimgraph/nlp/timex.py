"""Dates in the text, resolved against the publication date with their precision.

Absolute dates ("September 11, 2001", "March 2019", "2020") resolve on their
own. Relative ones ("Monday", "a year ago", "last year", "the May withdrawal
deadline") need the publication date; the tense of the clause decides between
the last and the next occurrence. Without a publication date a relative date
stays unresolved: it is never guessed. A run of days ("10 and 11 January")
is its month, and each day a date of its own; the ends of a range the model
tags as one date ("between 2015 and 2018") are two dates.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Span

from claimgraph import data as vocab
from claimgraph.nlp.util import doc_text, indices_with, sentence_of

__all__ = ["RawTimex", "TimexFinder", "resolve_timex"]

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
# "a year ago", "two weeks from now": the count words of data/counts.yaml, and "a"
_NUMBER_WORDS = {"a": 1, "an": 1, **vocab.numbers("counts.yaml", "number_words")}
_MONTH_RE = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_ABSOLUTE = re.compile(
    rf"\b(?P<mdy>{_MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})\b"
    rf"|\b(?P<dmy>\d{{1,2}}\s+{_MONTH_RE}\s+\d{{4}})\b"
    rf"|\b(?P<my>{_MONTH_RE}\s+(?:of\s+)?\d{{4}})\b"
    r"|\b(?P<iso>\d{4}-\d{2}-\d{2})\b"
)


@dataclass
class RawTimex:
    start: int  # character offsets
    end: int
    text: str
    date: str | None
    precision: str | None


def _shift_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _month_of(word: str) -> int | None:
    return _MONTHS.get(word.lower().rstrip("."))


def resolve_timex(text: str, published: date | None, tense: str | None = None) -> tuple[str | None, str | None]:
    """(date, precision) of a date expression; (None, None) when it cannot be resolved."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    # "since mid-October", "earlier this month", "on Sunday, March 28": the words around the date
    while True:
        stripped = re.sub(r"^(?:(?:the|on|in|by|since|until|from|of|during|between)\s+|(?:earlier|later)\s+(?!\w+ week)|(?:early|late|mid)(?:\s+|-))", "", t)
        stripped = re.sub(r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+(?=\w*\d|[a-z]+\.? \d)", "", stripped)
        if stripped == t:
            break
        t = stripped
    t = re.sub(r"(st|nd|rd|th)\b", "", t) if re.search(r"\d(st|nd|rd|th)\b", t) else t
    # "March 27 and 31, 2022", "10 to 12 January 2024": the month of a run of days
    m = re.fullmatch(r"([a-z]+)\.? (\d{1,2}) ?(?:and|to|-|\u2013) ?(\d{1,2}),? (\d{4})", t) or re.fullmatch(
        r"(\d{1,2}) ?(?:and|to|-|\u2013) ?(\d{1,2}) ([a-z]+)\.?,? (\d{4})", t
    )
    if m:
        name = m[1] if not m[1].isdigit() else m[3]
        if _month_of(name):
            return f"{int(m[4]):04d}-{_month_of(name):02d}", "month"
    # "the first half of 2023", "the end of March", "the first week of last month": the period it is part of
    m = re.fullmatch(
        r"(?:(?:first|second|last|final) (?:half|quarter|week|weeks|days)|(?:third|fourth) quarter|end|start|beginning|middle"
        r"|spring|summer|autumn|fall|winter) of (?:the )?(.+)",
        t,
    )
    if m:
        rest = re.search(r"\bof\s+(?:the\s+)?(\S.*)$", text.strip(), re.IGNORECASE | re.DOTALL)
        value, precision = resolve_timex(rest[1] if rest else m[1], published, tense)
        return (value, precision) if precision in ("year", "month") else (None, None)
    t = re.sub(r"^(\d{1,2}) of ", r"\1 ", t)  # "the 24th of January"
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        return f"{m[1]}-{m[2]}-{m[3]}", "day"
    m = re.fullmatch(r"([a-z]+)\.? (\d{1,2}),? (\d{4})", t) or None
    if m and _month_of(m[1]):
        return _ymd(int(m[3]), _month_of(m[1]) or 1, int(m[2]))
    m = re.fullmatch(r"(\d{1,2}) ([a-z]+)\.? (\d{4})", t)
    if m and _month_of(m[2]):
        return _ymd(int(m[3]), _month_of(m[2]) or 1, int(m[1]))
    m = re.fullmatch(r"([a-z]+)\.? (?:of )?(\d{4})", t)
    if m and _month_of(m[1]):
        return f"{int(m[2]):04d}-{_month_of(m[1]):02d}", "month"
    m = re.fullmatch(r"(?:the )?(?:year )?(\d{4})", t)
    if m and 1800 <= int(m[1]) <= 2100:
        return m[1], "year"
    if published is None:
        return None, None
    p = published
    if t in ("today", "this morning", "this afternoon", "this evening", "tonight"):
        return p.isoformat(), "day"
    if t in ("yesterday", "last night", "yesterday morning", "yesterday afternoon", "yesterday evening"):
        return (p - timedelta(days=1)).isoformat(), "day"
    if t == "tomorrow":
        return (p + timedelta(days=1)).isoformat(), "day"
    if t in ("this year",):
        return str(p.year), "year"
    if t == "last year":
        return str(p.year - 1), "year"
    if t == "next year":
        return str(p.year + 1), "year"
    if t == "this month":
        return f"{p.year:04d}-{p.month:02d}", "month"
    if t == "last month":
        d = _shift_months(p, -1)
        return f"{d.year:04d}-{d.month:02d}", "month"
    if t == "next month":
        d = _shift_months(p, 1)
        return f"{d.year:04d}-{d.month:02d}", "month"
    if t in ("last week", "this week", "next week"):
        d = p + timedelta(days={"last week": -7, "this week": 0, "next week": 7}[t])
        return d.isoformat(), "week"
    m = re.fullmatch(r"(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (year|month|week|day)s? (ago|from now|hence)", t)
    if m:
        n = int(m[1]) if m[1].isdigit() else _NUMBER_WORDS[m[1]]
        sign = -1 if m[3] == "ago" else 1
        unit = m[2]
        if unit == "year":
            return str(p.year + sign * n), "year"
        if unit == "month":
            d = _shift_months(p, sign * n)
            return f"{d.year:04d}-{d.month:02d}", "month"
        d = p + timedelta(days=sign * n * (7 if unit == "week" else 1))
        return d.isoformat(), "week" if unit == "week" else "day"
    m = re.fullmatch(r"(last |next |this )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)( night| morning| afternoon| evening)?", t)
    if m:
        target = _WEEKDAYS[m[2]]
        direction = (m[1] or "").strip() or ("next" if tense == "future" else "last")
        delta = (p.weekday() - target) % 7
        if direction == "next":
            ahead = (target - p.weekday()) % 7 or 7
            return (p + timedelta(days=ahead)).isoformat(), "day"
        return (p - timedelta(days=delta)).isoformat(), "day"
    m = re.fullmatch(r"(\d{1,2}) ([a-z]+)\.?", t)
    if m and _month_of(m[2]) and (m[2] != "may" or text.strip()[-3:] == "May"):
        # "on 25 February": the day-month order
        month = _month_of(m[2]) or 1
        return _ymd(_nearest_year(p, month, int(m[1]), tense), month, int(m[1]))
    m = re.fullmatch(r"([a-z]+)\.? (\d{1,2}) ?(?:and|to|-|\u2013) ?(\d{1,2})|(\d{1,2}) ?(?:and|to|-|\u2013) ?(\d{1,2}) ([a-z]+)\.?", t)
    if m and _month_of(m[1] or m[6] or ""):
        # "10 and 11 January": the month of a run of days
        month = _month_of(m[1] or m[6]) or 1
        first = int(m[2] or m[4])
        year = _nearest_year(p, month, first, tense)
        return f"{year:04d}-{month:02d}", "month"
    m = re.fullmatch(r"(last |next |this )?([a-z]+)\.?(?: (\d{1,2}))?", t)
    if m and _month_of(m[2]) and (m[2] != "may" or m[3] or m[1] or text.strip()[:1].isupper()):
        month = _month_of(m[2]) or 1
        day = int(m[3]) if m[3] else None
        year = _nearest_year(p, month, day, (m[1] or "").strip() or tense)
        if day:
            return _ymd(year, month, day)
        return f"{year:04d}-{month:02d}", "month"
    return None, None


def _ymd(year: int, month: int, day: int) -> tuple[str | None, str | None]:
    try:
        return date(year, month, day).isoformat(), "day"
    except ValueError:
        return None, None


def _nearest_year(p: date, month: int, day: int | None, direction: str | None) -> int:
    """The year of the month (and day) nearest the publication date, or the last/next one."""
    candidates = [p.year - 1, p.year, p.year + 1]

    def when(y: int) -> date:
        return date(y, month, min(day or 15, calendar.monthrange(y, month)[1]))

    same_month = month == p.month and day is None
    if direction in ("last", "past"):
        if same_month:
            return p.year
        return max(y for y in candidates if when(y) <= p)
    if direction in ("next", "future"):
        if same_month:
            return p.year
        return min(y for y in candidates if when(y) >= p)
    return min(candidates, key=lambda y: abs((when(y) - p).days))


def _tense(span: Span) -> str | None:
    """past / future from the verb governing a date expression."""
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            break
        if tok.head.i == tok.i:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    aux = [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(a in ("will", "'ll", "shall") for a in aux) or tok.lower_ == "will":
        return "future"
    if tok.tag_ in ("VBD", "VBN") or any(a in ("did", "had", "was", "were", "has", "have") for a in aux):
        return "past"
    # "will be on the agenda when ministers meet on Wednesday": the sentence's future
    start, end = sentence_of(span.doc, span.start)
    if any(t.lower_ in ("will", "'ll") for t in span.doc[start:end]):
        return "future"
    return None


class TimexFinder:
    """The ``claimgraph_dates`` component: sets ``doc._.cg_timexes`` using ``doc._.cg_published``."""

    def __call__(self, doc: Doc) -> Doc:
        published: date | None = doc._.cg_published
        out: list[RawTimex] = []
        covered: list[tuple[int, int]] = []
        full = doc_text(doc)
        for m in _ABSOLUTE.finditer(full):
            value, precision = resolve_timex(m.group(0), published)
            if value:
                out.append(RawTimex(m.start(), m.end(), m.group(0), value, precision))
                covered.append((m.start(), m.end()))
        for ent in doc.ents:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            if any(s < ent.end_char and ent.start_char < e for s, e in covered):
                continue
            text, end_char = ent.text, ent.end_char
            year = _YEAR_AFTER.match(full, end_char, end_char + 8)
            if year and not re.search(r"\d{4}", text) and any(_month_of(t.text) for t in ent):
                # "Jan. 25-26, 2013" the model cut in two: the year belongs to the days
                text, end_char = full[ent.start_char : year.end()], year.end()
                covered.append((ent.start_char, end_char))
            value, precision = resolve_timex(text, published, _tense(ent))
            if value is None and ent.label_ == "DATE":
                ends = _ends_of_range(ent, published, _tense(ent))
                if ends:
                    out.extend(ends)
                    continue
            if value is None and (published is not None or ent.label_ == "TIME"):
                # "the May withdrawal deadline": a month name inside a longer phrase;
                # "about 30 minutes": a time that is no date
                continue
            out.append(RawTimex(ent.start_char, end_char, text, value, precision))
            if precision == "month" and value is not None:
                out.extend(_days_of_run(ent, value, full))
        # month names the model did not tag as dates ("by May", "in May")
        for i in indices_with(doc, _MONTHS):
            tok = doc[i]
            if tok.ent_type_ or _month_of(tok.text) is None or not tok.text[:1].isupper() or len(tok.text) < 3:
                continue
            if tok.lower_ == "may" and tok.pos_ in ("AUX", "VERB"):
                continue
            if any(s <= tok.idx < e for s, e in covered) or any(t.start <= tok.idx < t.end for t in out):
                continue
            value, precision = resolve_timex(tok.text, published, _tense(doc[tok.i : tok.i + 1]))
            out.append(RawTimex(tok.idx, tok.idx + len(tok.text), tok.text, value, precision))
        out = [_widened(doc, full, t) for t in out]
        out.sort(key=lambda t: t.start)
        doc._.cg_timexes = out
        return doc


def _days_of_run(ent: Span, month: str, full: str) -> list[RawTimex]:
    """The days of "10 and 11 January" or "March 27 and 31, 2022", each a date of its own.

    The day next to the month name takes the name along ("11 January", "March 27").
    """
    out: list[RawTimex] = []
    toks = list(ent)
    names = [t.i for t in toks if _month_of(t.text) is not None and not t.like_num]
    if len(names) != 1:
        return out
    days = [t for t in toks if t.like_num and t.text.isdigit() and 1 <= int(t.text) <= 31]
    if len(days) != 2:
        return out
    for tok in days:
        value, _ = _ymd(int(month[:4]), int(month[5:7]), int(tok.text))
        if value is None:
            return []
        start, end = tok.idx, tok.idx + len(tok.text)
        if abs(tok.i - names[0]) == 1:
            name = ent.doc[names[0]]
            start, end = min(start, name.idx), max(end, name.idx + len(name.text))
        out.append(RawTimex(start, end, full[start:end], value, "day"))
    return out


_YEAR_AFTER = re.compile(r",?[ \t]*(?:19|20)\d\d\b")
_RANGE = re.compile(
    r"^(?:(?:between|from)\s+)?(?P<a>[A-Za-z]+\.?(?:\s+\d{4})?|\d{4})\s*(?:and|to|until|through|-|\u2013)\s*(?P<b>[A-Za-z]+\.?(?:\s+\d{4})?|\d{4})$",
    re.IGNORECASE,
)


def _ends_of_range(ent: Span, published: date | None, tense: str | None) -> list[RawTimex]:
    """ "between 2015 and 2018", "January to March 2020": each end a date of its own."""
    m = _RANGE.match(ent.text)
    if not m:
        return []
    b_value, b_precision = resolve_timex(m["b"], published, tense)
    if b_value is None:
        return []
    a_text = m["a"]
    if not re.search(r"\d{4}", a_text) and re.search(r"\d{4}", m["b"]) and _month_of(a_text):
        a_text = f"{a_text} {b_value[:4]}"  # "January to March 2020": January 2020
    if a_text.isdigit() != m["b"].isdigit():
        return []
    a_value, a_precision = resolve_timex(a_text, published, tense)
    if a_value is None or a_value > b_value:
        return []
    base = ent.start_char
    return [
        RawTimex(base + m.start("a"), base + m.end("a"), m["a"], a_value, a_precision),
        RawTimex(base + m.start("b"), base + m.end("b"), m["b"], b_value, b_precision),
    ]


_SINCE = re.compile(r"\b(?:[Ss]ince|[Uu]ntil|[Tt]ill)\s+$")


def _widened(doc: Doc, full: str, t: RawTimex) -> RawTimex:
    """ "since 2009" keeps its "since" (an open period); "a 2018 peace deal" its noun
    (``full`` is ``doc.text``)."""
    m = _SINCE.search(full, max(0, t.start - 8), t.start)
    if m:
        t = RawTimex(m.start(), t.end, full[m.start() : t.end], t.date, t.precision)
    if t.precision == "year" and re.fullmatch(r"\d{4}", t.text):
        span = doc.char_span(t.start, t.end)
        if span is not None and len(span) == 1:
            tok = span[0]
            head = tok.head
            between = doc[tok.i + 1 : head.i]
            if (
                tok.dep_ in ("nummod", "compound", "amod", "nmod")
                and head.pos_ == "NOUN"
                and 0 < head.i - tok.i <= 3
                and all(b.pos_ in ("NOUN", "ADJ", "PROPN") for b in between)
            ):
                end = head.idx + len(head.text)
                t = RawTimex(t.start, end, full[t.start : end], t.date, t.precision)
    return t
