"""Dates in the text, resolved against the publication date with their precision.

Absolute dates ("September 11, 2001", "March 2019", "2020") resolve on their
own. Relative ones ("Monday", "a year ago", "last year", "the May withdrawal
deadline") need the publication date; the tense of the clause decides between
the last and the next occurrence. Without a publication date a relative date
stays unresolved: it is never guessed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Span

from claimgraph import data as vocab
from claimgraph.nlp.util import indices_with, sentence_of

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
    t = re.sub(r"^(the|on|in|by|since|until|from|of|during|early|late|mid|mid-)\s+", "", t)
    t = re.sub(r"(st|nd|rd|th)\b", "", t) if re.search(r"\d(st|nd|rd|th)\b", t) else t
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
        for m in _ABSOLUTE.finditer(doc.text):
            value, precision = resolve_timex(m.group(0), published)
            if value:
                out.append(RawTimex(m.start(), m.end(), m.group(0), value, precision))
                covered.append((m.start(), m.end()))
        for ent in doc.ents:
            if ent.label_ not in ("DATE", "EVENT"):
                continue
            if any(s < ent.end_char and ent.start_char < e for s, e in covered):
                continue
            if ent.label_ == "EVENT":
                continue
            text = ent.text
            value, precision = resolve_timex(text, published, _tense(ent))
            if value is None and published is not None:
                # "the May withdrawal deadline": a month name inside a longer phrase
                continue
            out.append(RawTimex(ent.start_char, ent.end_char, text, value, precision))
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
        out.sort(key=lambda t: t.start)
        doc._.cg_timexes = out
        return doc
