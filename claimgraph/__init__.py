"""claimgraph: news articles in; an evidence-backed knowledge base of actors and attributed speech out.

    >>> import claimgraph
    >>> result = claimgraph.analyze("NATO chief Jens Stoltenberg said on Monday ...", published="2021-02-16")
    >>> [a.speaker.text for a in result.attributions]

``analyze`` returns an ``Analysis`` (the same data as ``claimgraph analyze
--format json``); ``Store`` opens the knowledge base for reading and writing.
"""

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
)
from claimgraph.model import (
    Actor,
    Analysis,
    Attribution,
    Document,
    Mention,
    Quantity,
    Role,
    Speaker,
    TimeExpression,
)
from claimgraph.store import Store

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Analysis",
    "AnalysisError",
    "Attribution",
    "ClaimgraphError",
    "Document",
    "EvaluationError",
    "IngestError",
    "IngestEvent",
    "IngestSummary",
    "Mention",
    "NLPError",
    "Quantity",
    "ResolveError",
    "Role",
    "Speaker",
    "Store",
    "StoreError",
    "StoreUnavailable",
    "TimeExpression",
    "__version__",
    "analyze",
    "ingest",
]
