"""Fast per-document helpers for the components: sentence bounds and token look-ups.

Creating a spaCy ``Token`` object costs more than the rule that inspects it,
and ``Token.sent`` rescans the document on every call. The components ask
these helpers instead: sentence bounds computed once per Doc, and the indices
of tokens whose lower-case form or lemma is in a word set, from one array.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from spacy.attrs import IS_SPACE, LEMMA, LIKE_NUM, LOWER
from spacy.tokens import Doc

__all__ = ["doc_text", "keep_text", "sentence_of", "indices_with", "like_num_indices"]

_SENT_KEY = "cg_sent_bounds"


def _bounds(doc: Doc) -> tuple[list[int], list[tuple[int, int]]]:
    cached = doc.user_data.get(_SENT_KEY)
    if cached is None:
        index = [0] * len(doc)
        spans: list[tuple[int, int]] = []
        for n, sent in enumerate(doc.sents):
            spans.append((sent.start, sent.end))
            for i in range(sent.start, sent.end):
                index[i] = n
        cached = (index, spans)
        doc.user_data[_SENT_KEY] = cached
    return cached


def sentence_of(doc: Doc, i: int) -> tuple[int, int]:
    """(start, end) token offsets of the sentence holding token ``i``."""
    index, spans = _bounds(doc)
    return spans[index[i]]


_HASHES: dict[tuple[int, frozenset[str]], frozenset[int]] = {}


def _hashes(doc: Doc, words: Iterable[str]) -> frozenset[int]:
    key = (id(doc.vocab), words if isinstance(words, frozenset) else frozenset(words))
    found = _HASHES.get(key)
    if found is None:
        strings = doc.vocab.strings
        found = _HASHES[key] = frozenset(strings.add(w) for w in key[1])
    return found


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once a document: spaCy joins every token again at each call."""
    cached: tuple[int, str] | None = doc.user_data.get("cg_text")
    if cached is None or cached[0] != len(doc):
        cached = doc.user_data["cg_text"] = (len(doc), doc.text)
    return cached[1]


def keep_text(doc: Doc, text: str) -> None:
    """Remember the text ``doc`` was made from (the same as ``doc.text``) for ``doc_text``."""
    doc.user_data["cg_text"] = (len(doc), text)


def indices_with(doc: Doc, words: Iterable[str], attr: str = "lower") -> list[int]:
    """Indices of tokens whose lower-case form (or lemma) is one of ``words``."""
    if len(doc) == 0:
        return []
    cache_key = f"cg_positions_{attr}"
    positions: dict[int, list[int]] | None = doc.user_data.get(cache_key)
    if positions is None or doc.user_data.get(f"{cache_key}_n") != len(doc):
        # where each word is, built once a document: this runs some 40 times a document, and
        # a set intersection then costs far less than a pass over every token
        positions = {}
        for i, h in enumerate(doc.to_array(LEMMA if attr == "lemma" else LOWER).tolist()):
            positions.setdefault(h, []).append(i)
        doc.user_data[cache_key] = positions
        doc.user_data[f"{cache_key}_n"] = len(doc)
    found = positions.keys() & _hashes(doc, words)
    if len(found) == 1:
        return list(positions[next(iter(found))])
    return sorted(i for h in found for i in positions[h])


def like_num_indices(doc: Doc) -> list[int]:
    """Indices of tokens that look like numbers (digits or number words), not spaces."""
    if len(doc) == 0:
        return []
    arr = doc.to_array([LIKE_NUM, IS_SPACE])
    return [int(i) for i in np.nonzero((arr[:, 0] == 1) & (arr[:, 1] == 0))[0]]
