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


_TEXTS = [
    "Maria Lopez, a spokeswoman for the Eastern Shield Brigades, said on Monday that the truce was holding in Zamora.",
    "The army said its troops killed 12 fighters of the Eastern Shield Brigades near Oren on Tuesday.",
    "Dara officials said the Eastern Shield Brigades had violated the ceasefire agreed in May.",
]


def _stored(url: str) -> tuple[list[str], list[str], list[str]]:
    kb = claimgraph.KnowledgeBase(claimgraph.Store(url))
    analysis = kb.store.analysis()
    assert kb.verify() == []
    return (sorted(d.id for d in analysis.documents), sorted(c.id for c in analysis.claims),
            sorted(r.id for r in kb.relations().items))


def test_a_process_writer_stores_what_a_thread_writer_does(tmp_path: Path) -> None:
    from claimgraph.api import ingest_documents
    from claimgraph.ingest import RawInput, document_from_text

    docs = [document_from_text(RawInput(t, f"t{i}.txt"), "2024-05-20") for i, t in enumerate(_TEXTS)]
    stored = {}
    for writer in ("thread", "process"):
        url = f"sqlite:///{tmp_path / writer}.db"
        events: list[claimgraph.IngestEvent] = []
        summary = ingest_documents(docs, claimgraph.Store(url), events.append, writer=writer)
        assert (summary.added, summary.failed) == (3, 0)
        assert sorted(summary.document_ids) == sorted(d.id for d in docs)
        assert {e.status for e in events} == {"added"}
        stored[writer] = _stored(url)
        again = ingest_documents(docs, claimgraph.Store(url), writer=writer)
        assert (again.added, again.skipped) == (0, 3)
    assert stored["process"] == stored["thread"] and stored["thread"][1]


def test_the_store_process_reports_a_database_it_cannot_open(tmp_path: Path) -> None:
    from multiprocessing import Pipe

    from claimgraph.api import _store_worker

    inbox_r, inbox_w = Pipe(duplex=False)
    outbox_r, outbox_w = Pipe(duplex=False)
    inbox_w.send(None)
    _store_worker(f"sqlite:///{tmp_path}/missing/dir/x.db", 1.0, 1.0, inbox_r, outbox_w)
    kind, message = outbox_r.recv()
    assert kind == "error" and "cannot open database" in message


def test_the_store_process_stops_when_its_parent_goes(tmp_path: Path) -> None:
    import threading
    from multiprocessing import Pipe

    from claimgraph.api import _store_worker

    inbox_r, inbox_w = Pipe(duplex=False)
    outbox_r, outbox_w = Pipe(duplex=False)
    worker = threading.Thread(target=_store_worker, args=(f"sqlite:///{tmp_path}/x.db", 1.0, 1.0, inbox_r, outbox_w))
    worker.start()
    inbox_w.close()  # the parent died: no "None" ever comes
    worker.join(timeout=30)
    assert not worker.is_alive()
    assert not outbox_r.poll()  # it says nothing: it stopped, it did not finish


def test_freeze_gc_moves_the_loaded_pipeline_out_of_the_collectors_sight(tmp_path: Path) -> None:
    import gc

    from claimgraph.api import ingest_documents
    from claimgraph.ingest import RawInput, document_from_text

    docs = [document_from_text(RawInput(_TEXTS[0], "t.txt"), "2024-05-20")]
    gc.unfreeze()
    try:
        ingest_documents(docs, claimgraph.Store(f"sqlite:///{tmp_path}/a.db"))
        assert gc.get_freeze_count() == 0  # a library call leaves the collector alone
        ingest_documents(docs, claimgraph.Store(f"sqlite:///{tmp_path}/b.db"), freeze_gc=True)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
