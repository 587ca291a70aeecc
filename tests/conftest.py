"""Shared fixtures: the pipeline (loaded once), an in-memory store, small texts of our own."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

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


#: a PostgreSQL database the tests may wipe (.ci/start-postgres makes one); unset: PostgreSQL cases skip
PG_URL = os.environ.get("CLAIMGRAPH_TEST_PG")
#: set in CI, so that a PostgreSQL server that failed to start fails the run instead of skipping
PG_REQUIRED = os.environ.get("CLAIMGRAPH_REQUIRE_PG") == "1"


def empty_postgres() -> str:
    """The test PostgreSQL database, emptied; skips (or fails in CI) without one."""
    if not PG_URL:
        if PG_REQUIRED:
            pytest.fail("CLAIMGRAPH_REQUIRE_PG=1 but CLAIMGRAPH_TEST_PG is not set")
        pytest.skip("no PostgreSQL: set CLAIMGRAPH_TEST_PG (see .ci/start-postgres)")
    from claimgraph.store import database_url

    engine = sa.create_engine(database_url(PG_URL))
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("DROP SCHEMA public CASCADE"))
            conn.execute(sa.text("CREATE SCHEMA public"))
    except sa.exc.OperationalError as exc:
        if PG_REQUIRED:
            raise
        pytest.skip(f"PostgreSQL at CLAIMGRAPH_TEST_PG unreachable: {str(exc).splitlines()[0]}")
    finally:
        engine.dispose()
    return PG_URL


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database: a SQLite file, then the real PostgreSQL server."""
    if request.param == "sqlite":
        return str(tmp_path / "kb.db")
    return empty_postgres()


@pytest.fixture
def any_store(db_url: str) -> Iterator[Store]:
    s = Store(db_url)
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
