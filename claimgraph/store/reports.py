"""Copies of one story: the word 5-grams two documents share.

One wire story carried by three outlets is one report, not three independent
confirmations. Two documents are copies when most of the 5-grams of the shorter
one (within its first 6,000 characters) are in the other. Each document keeps a
sample of its 5-gram hashes (those that are 0 modulo ``SAMPLE``): a copy shares
most of its sample with the story it copies, so a new document's candidates are
found by index, and only they are compared in full.
"""

from __future__ import annotations

import re
import zlib

__all__ = ["SAMPLE", "SIMILARITY", "copies", "sample", "shingles"]

_WORD = re.compile(r"\w+")
#: share of the shorter document's 5-grams that two copies have in common
SIMILARITY = 0.6
#: one 5-gram hash in SAMPLE (on average) is kept for the candidate look-up
SAMPLE = 16
#: how much of a document is compared (the opening of a story is what copies keep)
PREFIX = 6000


def shingles(text: str, n: int = 5) -> set[int]:
    words = [w.lower() for w in _WORD.findall(text[:PREFIX])]
    return {zlib.crc32(" ".join(words[i : i + n]).encode()) for i in range(max(0, len(words) - n + 1))}


def sample(hashes: set[int]) -> list[int]:
    """The hashes kept for the look-up: the same 5-gram is kept in every document that has it."""
    return sorted(h for h in hashes if h % SAMPLE == 0)


def copies(a: set[int], b: set[int]) -> bool:
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= SIMILARITY
