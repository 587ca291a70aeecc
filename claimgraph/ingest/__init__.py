"""Ingest: files, directories, HTML, JSONL, URLs and stdin in; Documents out."""

from claimgraph.ingest.dates import find_dateline, parse_date
from claimgraph.ingest.furniture import blank_spans, find_furniture
from claimgraph.ingest.readers import (
    MAX_BYTES,
    RawInput,
    document_from_text,
    fetch_url,
    html_input,
    inputs_from_bytes,
    iter_documents,
    read_path,
)

__all__ = [
    "MAX_BYTES",
    "RawInput",
    "blank_spans",
    "document_from_text",
    "fetch_url",
    "html_input",
    "inputs_from_bytes",
    "find_dateline",
    "find_furniture",
    "iter_documents",
    "parse_date",
    "read_path",
]
