"""The Python API: analyze() on texts and paths, the same data as the JSON."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimgraph

pytestmark = pytest.mark.model
FIXTURES = Path(__file__).parent / "fixtures"


def test_analyze_text_and_path_together() -> None:
    result = claimgraph.analyze(
        ["Maria Lopez said on Monday that the truce was holding.", str(FIXTURES / "wire.txt")], published="2022-06-10"
    )
    assert isinstance(result, claimgraph.Analysis)
    assert len(result.documents) == 2
    assert any(a.name == "Maria Lopez" for a in result.actors)
    assert any("Paolo Ferri" == a.name for a in result.actors)
    monday = [t for t in result.timeline if t.text == "Monday"]
    assert monday and monday[0].date == "2022-06-06"
    data = result.to_dict()
    for key in ("documents", "actors", "attributions", "claims", "relations", "quantities", "events", "timeline",
                "contradictions", "commitments"):
        assert key in data


def test_store_is_reusable(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.db")
    with claimgraph.Store(db) as store:
        claimgraph.analyze("Omar Haddad insisted that the group respects the agreement.", store=store)
    with claimgraph.Store(db) as store:
        assert [a.name for a in store.actors(type_="person")] == ["Omar Haddad"]
