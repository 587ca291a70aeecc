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


def test_analyze_takes_a_long_single_line_text_as_text() -> None:
    """A line longer than a file name may be is a text, not a path that cannot be looked up."""
    import claimgraph

    text = "Maria Lopez said the talks in Dara would resume next week. " * 6
    result = claimgraph.analyze(text.strip(), published="2024-03-01")
    assert [d.source for d in result.documents] == ["<text 1>"]
