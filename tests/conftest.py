"""Shared fixtures: the pipeline (loaded once), an in-memory store, small texts of our own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from claimgraph import Store
from claimgraph.ingest import RawInput, document_from_text
from claimgraph.model import DocumentAnalysis
from claimgraph.nlp import analyze_docs, load_pipeline

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    return load_pipeline()


@pytest.fixture
def store() -> Iterator[Store]:
    s = Store(":memory:")
    yield s
    s.close()


@pytest.fixture(scope="session")
def analyse(nlp):  # type: ignore[no-untyped-def]
    """Analyse one text (no store): analyse(text, published=None) -> DocumentAnalysis."""

    def run(text: str, published: str | None = None) -> DocumentAnalysis:
        doc = document_from_text(RawInput(text=text, source="<test>"), published)
        return next(analyze_docs(nlp, [doc]))

    return run


def speaker_name(analysis: DocumentAnalysis, att) -> str | None:  # type: ignore[no-untyped-def]
    for actor in analysis.actors:
        if actor.id == att.speaker.actor:
            return actor.name
    return None
