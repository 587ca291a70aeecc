"""Page furniture: find captions, photo credits, widgets and repeated headlines.

Nothing is cut out of the text: the furniture is located as character spans,
so the document keeps its raw text and every span of the analysis still
indexes into it. The NLP layer reads a copy where those spans are blanked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from claimgraph import data as vocab
from claimgraph.model import Span, name_key

__all__ = ["find_furniture", "blank_spans"]


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    widgets = re.compile("^(?:" + "|".join(vocab.phrases("furniture.yaml", "widget_lines")) + ")$", re.IGNORECASE)
    credits = re.compile("|".join(vocab.phrases("furniture.yaml", "credit_markers")), re.IGNORECASE)
    return widgets, credits


# "Firstname Lastname / Agency ..." or "Agency via Getty Images": a credit has
# slashes or a "via", and no verb-like lowercase run of ordinary prose.
_CREDIT_SHAPE = re.compile(r"^[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*)*\s*(?:/|\bvia\b|\|)")
_GLUED = re.compile(r"[a-z0-9\"\u201d)][.!?](?=[A-Z][a-z])")
_PAGE_NUMBER = re.compile(r"^\s*(?:\d{1,3}|page \d{1,3}|\d{1,3} of \d{1,3})\s*$", re.IGNORECASE)


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        yield pos, pos + len(body), body
        pos += len(raw)


def _is_credit(fragment: str) -> bool:
    _, credits = _patterns()
    frag = fragment.strip()
    if not frag or len(frag) > 160 or not credits.search(frag):
        return False
    return bool(_CREDIT_SHAPE.match(frag)) or frag.lower().startswith(("photo", "image", "file"))


def _strip_span(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end)


def find_furniture(text: str, title: str | None = None) -> list[Span]:
    """Spans of ``text`` that are page furniture, in text order.

    Photo credits go, glued or not; the caption sentence before a glued
    credit stays, since it reports who met where.

    ``title`` is the document's headline; a later line repeating it (often with
    a page number, "Headline 1") is furniture.
    """
    widgets, _ = _patterns()
    title_key = name_key(title) if title else None
    spans: list[Span] = []
    first_line_seen = False
    for start, end, line in _lines(text):
        stripped = line.strip()
        if not stripped:
            continue
        if not first_line_seen:
            # The first line is the headline itself, never furniture.
            first_line_seen = True
            continue
        if widgets.match(stripped):
            spans.append(_strip_span(text, start, end))
            continue
        if title_key:
            key = name_key(stripped)
            rest = key[len(title_key):] if key.startswith(title_key) else None
            if rest is not None and (not rest.strip() or _PAGE_NUMBER.match(rest)):
                spans.append(_strip_span(text, start, end))
                continue
        if _is_credit(stripped):
            spans.append(_strip_span(text, start, end))
            continue
        # A caption with its credit glued on: "...on November 21.Patrick Semansky / Pool / AFP"
        for match in _GLUED.finditer(line):
            cut = match.end()
            if _is_credit(line[cut:]):
                # the caption itself is reporting (who met where); only the credit goes
                spans.append(_strip_span(text, start + cut, end))
                break
    return spans


def blank_spans(text: str, spans: list[Span]) -> str:
    """``text`` with the spans replaced by spaces (line breaks kept), offsets unchanged."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)
