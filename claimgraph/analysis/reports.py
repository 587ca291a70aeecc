"""Reports: documents that are copies of one story count as one source.

One wire story copied by three outlets is one report, not three independent
confirmations. Documents whose texts share most of their word 5-grams are put
in one group; what an article says in its own voice is then sourced to the
group, not to each copy.
"""

from __future__ import annotations

import re
import zlib

from claimgraph.model import Document

__all__ = ["report_groups"]

_WORD = re.compile(r"\w+")
SIMILARITY = 0.6


def _shingles(text: str, n: int = 5) -> set[int]:
    words = [w.lower() for w in _WORD.findall(text[:6000])]
    return {zlib.crc32(" ".join(words[i : i + n]).encode()) for i in range(max(0, len(words) - n + 1))}


def report_groups(documents: list[Document]) -> dict[str, str]:
    """document id -> id of the first document of its group (itself when it stands alone)."""
    shingles = {d.id: _shingles(d.text) for d in documents}
    ordered = sorted(documents, key=lambda d: (d.published or "", d.id))
    group: dict[str, str] = {}
    heads: list[str] = []
    for d in ordered:
        mine = shingles[d.id]
        for h in heads:
            other = shingles[h]
            if mine and other and len(mine & other) / min(len(mine), len(other)) >= SIMILARITY:
                group[d.id] = h
                break
        else:
            group[d.id] = d.id
            heads.append(d.id)
    return group
