"""The knowledge base: derived tables kept by every write equal a rebuild from the facts,
and equal what the whole-store analysis (``enrich``) computes in memory."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from claimgraph import Store
from claimgraph.analysis import KnowledgeBase, enrich
from claimgraph.api import ingest_documents
from claimgraph.ingest import iter_documents
from claimgraph.model import Contradiction

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent
DERIVED = Path(__file__).parent / "fixtures" / "derived"
AGREEMENT = ROOT / "examples" / "zamora-ceasefire-agreement.yaml"


def _fill(store: Store | KnowledgeBase, paths: list[Path]) -> None:
    ingest_documents(iter_documents([str(p) for p in paths], "2024-03-12"), store)


def _agreement() -> dict[str, Any]:
    import yaml

    from claimgraph.analysis import validate_agreement

    return validate_agreement(yaml.safe_load(AGREEMENT.read_text(encoding="utf-8")), str(AGREEMENT))


def _summary(an: Any) -> dict[str, Any]:
    return {
        "relations": {r["id"]: r for r in an.relations},
        "contradictions": {c["id"]: Contradiction.from_dict(c).to_dict() for c in an.contradictions},
        "commitments": {c["id"]: c for c in an.commitments},
        "timeline": sorted(json.dumps(t.to_dict(), sort_keys=True) for t in an.timeline),
        "claims": sorted(c.id for c in an.claims),
    }


def _derived(kb: KnowledgeBase) -> dict[str, Any]:
    return _summary(kb.analysis())


def _in_memory(store: Store) -> dict[str, Any]:
    return _summary(enrich(store.analysis(), store.grades(), store.agreements()))


def _paths() -> list[Path]:
    examples = ROOT / "examples"
    return sorted([*examples.glob("*.txt"), *examples.glob("*.html"), *examples.glob("*.jsonl")]) + sorted(DERIVED.glob("*.txt"))


def test_incremental_equals_rebuild_and_whole_store_analysis(any_store: Store) -> None:
    kb = KnowledgeBase(any_store)
    for path in _paths():  # one document at a time: each write updates only what it touches
        _fill(kb, [path])
    kb.add_agreement("zamora-ceasefire-2023", _agreement())
    assert any_store.count("relations") > 5 and any_store.count("contradictions") >= 2 and any_store.count("commitments") >= 4
    assert kb.verify() == []
    assert _derived(kb) == _in_memory(any_store)


def test_analysis_unchanged_by_the_derived_tables() -> None:
    """The relations, contradictions and commitments of these texts, from the derived tables, are
    those of tests/fixtures/derived/expected.json: first written by claimgraph af35984 (before the
    derived tables) and checked equal; written again by tools/derived_fixture.py when a change to
    the analysis rules changes what they find."""
    store = Store(":memory:")
    kb = KnowledgeBase(store)
    _fill(kb, _paths())
    kb.add_agreement("zamora-ceasefire-2023", _agreement())
    expected = json.loads((DERIVED / "expected.json").read_text(encoding="utf-8"))
    got = kb.analysis()
    assert {r["id"]: r for r in got.relations} == {r["id"]: r for r in expected["relations"]}
    assert {c["id"]: c for c in got.commitments} == {c["id"]: c for c in expected["commitments"]}
    assert {c["id"]: c for c in got.contradictions} == {c["id"]: c for c in expected["contradictions"]}


def test_copies_of_one_story_are_one_report(store: Store) -> None:
    kb = KnowledgeBase(store)
    _fill(kb, sorted(DERIVED.glob("oren-truce*.txt")))
    reports = {d.source.rsplit("/", 1)[-1]: d.report for d in store.documents(with_text=False)}
    assert reports["oren-truce-copy.txt"] == reports["oren-truce.txt"]
    # a relation carried by both copies has one independent source
    both = [r for r in kb.relations(limit=1000).items if len(r.supporting) == 2]
    assert both and all(len(r.sources) == 1 for r in both)


def test_grade_updates_relations_and_denials_in_place(store: Store) -> None:
    kb = KnowledgeBase(store)
    _fill(kb, _paths())
    con = next(c for c in kb.contradictions(kind="polarity").items)
    accused = store.actors(name="Northern Alliance")[0]
    assert f"{accused.name} [D]" in con.explanation
    kb.set_grade(accused.id, "A")
    assert store.derived_state() is None  # updated, not marked for a rebuild
    again = kb.contradictions(kind="polarity").items[0]
    assert f"{accused.name} [A]" in again.explanation
    assert kb.verify() == []


def test_migrated_store_is_rebuilt_on_opening(tmp_path: Path) -> None:
    db = str(tmp_path / "old.db")
    with Store(db) as store:
        _fill(KnowledgeBase(store), sorted(DERIVED.glob("*.txt")))
        before = _derived(KnowledgeBase(store))
        with store.engine.begin() as conn:  # as a version-6 store had it: no derived rows
            for table in ("contradiction_actors", "relations", "contradictions", "commitments", "timeline"):
                conn.execute(sa.text(f"DELETE FROM {table}"))
            conn.execute(sa.text("INSERT INTO meta (key, value) VALUES ('derived', 'stale')"))
    with Store(db) as store:
        assert store.derived_state() == "stale"
        kb = KnowledgeBase(store)
        assert store.derived_state() is None
        assert _derived(kb) == before


def test_pages_are_read_in_sql(store: Store) -> None:
    kb = KnowledgeBase(store)
    _fill(kb, _paths())
    everything = kb.relations(limit=1000)
    first, second = kb.relations(limit=3), kb.relations(limit=3, offset=3)
    assert [r.id for r in first.items + second.items] == [r.id for r in everything.items[:6]]
    assert first.total == everything.total == len(everything.items)
    graded = kb.relations(max_credibility=2, limit=1000)
    assert all(r.credibility <= 2 for r in graded.items)
    assert graded.total == sum(1 for r in everything.items if r.credibility <= 2)
    actor = everything.items[0].subject
    mine = kb.relations(actor=actor, limit=1000)
    assert mine.items and all(actor in (r.subject, r.object) for r in mine.items)
    dates = [t.date for t in kb.timeline(limit=1000).items]
    assert dates == sorted(dates)
    assert kb.timeline(date_from="2024-03-05", limit=1000).items[0].date >= "2024-03-05"


def test_brief_from_the_actor_alone_equals_the_whole_store_brief(store: Store) -> None:
    from claimgraph.analysis.brief import build_brief

    kb = KnowledgeBase(store)
    _fill(kb, _paths())
    kb.add_agreement("zamora-ceasefire-2023", _agreement())
    whole = enrich(store.analysis(), store.grades(), store.agreements())
    for actor, other in (("Eastern Shield Brigades", None), ("Northern Alliance", None), ("Eastern Shield Brigades", "Northern Alliance")):
        assert kb.brief(actor, other).markdown() == build_brief(whole, actor, other).markdown()


def test_streamed_exports_equal_the_in_memory_analysis(store: Store) -> None:
    from claimgraph.export import export, stix_bundle

    kb = KnowledgeBase(store)
    _fill(kb, _paths())
    kb.add_agreement("zamora-ceasefire-2023", _agreement())
    whole = kb.analysis()
    streamed = json.loads(export(store, "json") or "")
    for section, items in whole.to_dict().items():
        assert sorted(json.dumps(x, sort_keys=True) for x in streamed[section]) == sorted(json.dumps(x, sort_keys=True) for x in items), section
    bundle, expected = json.loads(export(store, "stix") or ""), stix_bundle(whole)
    assert bundle["id"] == expected["id"]
    assert sorted(map(json.dumps, bundle["objects"])) == sorted(map(json.dumps, expected["objects"]))


@pytest.mark.parametrize(
    "first, second",
    [
        # a role given later changes whose side a speaker is on (self-defence, blame)
        ("The Eastern Shield Brigades said they retaliated against an attack by Zamora on Monday. "
         "Maria Lopez said the Eastern Shield Brigades attacked the town of Dara.",
         "Maria Lopez, a spokeswoman for the Eastern Shield Brigades, visited Dara on Tuesday."),
        # a truce the texts name is broken by a later attack that does not name it
        ("Oren said on Monday that Zamora violated the humanitarian truce in Dara. "
         "The Northern Alliance said it had respected the humanitarian truce.",
         "Zamora attacked the Northern Alliance in Dara on Tuesday, Maria Lopez said."),
    ],
)
def test_either_order_gives_the_whole_store_analysis(first: str, second: str) -> None:
    from claimgraph.ingest import RawInput, document_from_text

    for order in ((first, "2024-03-01"), (second, "2024-03-02")), ((second, "2024-03-02"), (first, "2024-03-01")):
        store = Store(":memory:")
        kb = KnowledgeBase(store)
        for n, (text, published) in enumerate(order):
            ingest_documents([document_from_text(RawInput(text=text, source=f"{n}.txt"), published)], kb)
        assert kb.verify() == []
        assert _derived(kb) == _in_memory(store)
