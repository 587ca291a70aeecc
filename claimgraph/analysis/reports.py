"""Reports: documents that are copies of one story count as one source.

Documents whose texts share most of their word 5-grams are put in one group
(``claimgraph.store.reports``); what an article says in its own voice is then
sourced to the group, not to each copy. A stored document has its group
already (``Document.report``, decided when it was stored); ``report_groups``
groups documents that were never stored together.
"""

from __future__ import annotations

from claimgraph.model import Document
from claimgraph.store.reports import copies, shingles

__all__ = ["report_groups"]


def report_groups(documents: list[Document]) -> dict[str, str]:
    """document id -> id of the first document of its group (itself when it stands alone).

    Documents that carry their stored group keep it; the others are grouped as a
    store groups them: the first published copy heads its group."""
    if documents and all(d.report for d in documents):
        return {d.id: d.report or d.id for d in documents}
    hashes = {d.id: shingles(d.text) for d in documents}
    group: dict[str, str] = {}
    heads: list[str] = []
    for d in sorted(documents, key=lambda d: (d.published or "", d.id)):
        for h in heads:
            if copies(hashes[d.id], hashes[h]):
                group[d.id] = h
                break
        else:
            group[d.id] = d.id
            heads.append(d.id)
    return group
