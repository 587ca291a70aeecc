"""claimgraph: news articles in; an evidence-backed knowledge base of actors and attributed speech out.

    >>> import claimgraph
    >>> result = claimgraph.analyze("NATO chief Jens Stoltenberg said on Monday ...", published="2021-02-16")
    >>> [a.speaker.text for a in result.attributions]

``analyze`` returns an ``Analysis`` (the same data as ``claimgraph analyze
--format json``); ``Store`` opens the knowledge base for reading and writing.

The names below are imported on first use: a process that needs only one layer
(a Dask worker needs the language pipeline, not the store) or only the command
line's help does not pay for importing the rest.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimgraph.analysis.knowledge import KnowledgeBase
    from claimgraph.api import IngestEvent, IngestSummary, analyze, ingest
    from claimgraph.errors import (
        AnalysisError,
        ClaimgraphError,
        EvaluationError,
        IngestError,
        NLPError,
        ResolveError,
        StoreError,
        StoreUnavailable,
        VocabularyError,
    )
    from claimgraph.model import (
        Actor,
        Analysis,
        Attribution,
        Commitment,
        Contradiction,
        Document,
        Mention,
        Quantity,
        Relation,
        Role,
        Speaker,
        TimeExpression,
    )
    from claimgraph.store import Store

__version__ = "0.1.0"

_HOME = {
    "claimgraph.api": ("IngestEvent", "IngestSummary", "analyze", "ingest"),
    "claimgraph.errors": (
        "AnalysisError",
        "ClaimgraphError",
        "EvaluationError",
        "IngestError",
        "NLPError",
        "ResolveError",
        "StoreError",
        "StoreUnavailable",
        "VocabularyError",
    ),
    "claimgraph.model": (
        "Actor", "Analysis", "Attribution", "Commitment", "Contradiction", "Document", "Mention", "Quantity", "Relation", "Role",
        "Speaker", "TimeExpression",
    ),
    "claimgraph.store": ("Store",),
    "claimgraph.analysis.knowledge": ("KnowledgeBase",),
}
_MODULE_OF = {name: module for module, names in _HOME.items() for name in names}

# ``claimgraph.ingest`` names both a subpackage and the function exported here. The first
# import of a subpackage sets the package attribute to it, whenever that happens; doing it
# now, and dropping the attribute, leaves the name to ``__getattr__`` and so to the function.
importlib.import_module("claimgraph.ingest")
globals().pop("ingest", None)


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'claimgraph' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_MODULE_OF))


__all__ = [
    "Actor",
    "Analysis",
    "AnalysisError",
    "Attribution",
    "ClaimgraphError",
    "Commitment",
    "Contradiction",
    "Document",
    "EvaluationError",
    "IngestError",
    "IngestEvent",
    "IngestSummary",
    "KnowledgeBase",
    "Mention",
    "NLPError",
    "Quantity",
    "Relation",
    "ResolveError",
    "Role",
    "Speaker",
    "Store",
    "StoreError",
    "StoreUnavailable",
    "TimeExpression",
    "VocabularyError",
    "__version__",
    "analyze",
    "ingest",
]
