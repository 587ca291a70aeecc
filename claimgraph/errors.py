"""Exceptions: one base, ``ClaimgraphError``, and a subclass per layer.

Callers that only care whether claimgraph failed catch the base; the CLI uses
the subclass to say which stage went wrong without printing a traceback.
"""

from __future__ import annotations

__all__ = [
    "ClaimgraphError",
    "IngestError",
    "NLPError",
    "ResolveError",
    "StoreError",
    "StoreUnavailable",
    "AnalysisError",
    "EvaluationError",
    "VocabularyError",
]


class ClaimgraphError(Exception):
    """Base of every error claimgraph raises on purpose."""


class IngestError(ClaimgraphError):
    """An input could not be read or turned into a document.

    ``source`` names the file, URL or line the error is about, so that a
    batch can report it in one line and carry on.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class NLPError(ClaimgraphError):
    """The language pipeline could not be loaded or failed on a document."""


class ResolveError(ClaimgraphError):
    """Actors could not be resolved across documents."""


class StoreError(ClaimgraphError):
    """The database could not be opened, migrated, read or written."""


class StoreUnavailable(StoreError):
    """The database cannot be reached or written at all: server down, disk full, file locked.

    Not the fault of one document, so a batch stops rather than failing every
    document after it; what was stored stays stored and a rerun continues.
    """


class AnalysisError(ClaimgraphError):
    """An analysis over stored facts failed."""


class EvaluationError(ClaimgraphError):
    """An evaluation data set is missing or malformed."""


class VocabularyError(ClaimgraphError):
    """A vocabulary shipped in ``claimgraph/data`` does not have the shape its schema declares.

    ``source`` names the file and ``key`` the entry at fault (None for the file
    as a whole), so that the message points at the line to fix.
    """

    def __init__(self, source: str, key: str | None, reason: str) -> None:
        where = f"{source}: {key}" if key is not None else source
        super().__init__(f"{where}: {reason}")
        self.source = source
        self.key = key
        self.reason = reason
