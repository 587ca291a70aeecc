"""Store: one transaction per document, idempotent re-ingest, schema version, reads."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from claimgraph import Store, StoreError
from claimgraph.model import Actor, Attribution, Document, DocumentAnalysis, Mention, Speaker
from claimgraph.store import SCHEMA_VERSION, database_url


def _analysis(text: str = "Maria Lopez said the truce holds.") -> DocumentAnalysis:
    doc = Document(id=Document.id_for(text), text=text, source="t.txt", published="2022-01-02")
    maria = Actor(Actor.id_for("Maria Lopez", "person"), "Maria Lopez", "person", aliases=["Lopez"])
    att = Attribution("att-1", doc.id, "the truce holds", (17, 32), False, "said", Speaker(maria.id, "Maria Lopez", (0, 11)))
    return DocumentAnalysis(doc, [maria], [Mention(maria.id, "Maria Lopez", (0, 11), "PERSON")], [att])


def test_save_read_back_and_skip_second_time(store: Store) -> None:
    assert store.save(_analysis()) is True
    assert store.save(_analysis()) is False
    assert store.count("documents") == 1 and store.count("attributions") == 1
    (actor,) = store.actors(name="Lopez")
    assert actor.name == "Maria Lopez" and actor.aliases == ["Lopez"]
    (att,) = store.attributions(speaker="Maria Lopez")
    assert att.content == "the truce holds" and att.speaker.span == (0, 11)
    an = store.analysis()
    assert an.documents[0].published == "2022-01-02" and an.documents[0].text.startswith("Maria")


def test_failed_write_leaves_nothing_half_written(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = _analysis()
    bad.attributions.append(bad.attributions[0])  # duplicate primary key inside one document
    original = store._insert_ignore

    def plain_insert(table: sa.Table):  # type: ignore[no-untyped-def]
        return table.insert() if table.name == "attributions" else original(table)

    monkeypatch.setattr(store, "_insert_ignore", plain_insert)
    with pytest.raises(StoreError):
        store.save(bad)
    for table in ("documents", "actors", "mentions", "attributions"):
        assert store.count(table) == 0, table


def test_schema_version_and_newer_database_refused(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    with Store(str(db)) as s:
        assert s.schema_version() == SCHEMA_VERSION
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE meta SET value = '999' WHERE key = 'schema_version'"))
    engine.dispose()
    with pytest.raises(StoreError, match="newer"):
        Store(str(db))


def test_wal_mode_on_files(tmp_path: Path) -> None:
    with Store(str(tmp_path / "w.db")) as s, s.engine.connect() as conn:
        assert conn.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"


def test_database_urls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMGRAPH_DB", raising=False)
    assert database_url(None) == "sqlite:///claimgraph.db"
    assert database_url(":memory:") == "sqlite://"
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("CLAIMGRAPH_DB", "/tmp/other.db")
    assert database_url(None) == "sqlite:////tmp/other.db"


def test_unopenable_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open database"):
        Store(str(tmp_path / "no" / "such" / "dir" / "x.db"))


def test_migration_from_version_1_adds_claim_relations(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE meta (key VARCHAR(64) PRIMARY KEY, value TEXT NOT NULL)"))
        conn.execute(sa.text("INSERT INTO meta VALUES ('schema_version', '1')"))
        conn.execute(sa.text(
            "CREATE TABLE claims (id VARCHAR(40) PRIMARY KEY, document VARCHAR(40), attribution VARCHAR(40), subject VARCHAR(40), "
            "predicate VARCHAR(64), object VARCHAR(40), polarity VARCHAR(16), text TEXT, start INTEGER, [end] INTEGER, "
            "hedges JSON, boosters JSON, date VARCHAR(10))"
        ))
        conn.execute(sa.text("INSERT INTO claims VALUES ('c1','d','a','s','allied_with','o','affirmed','t',0,1,'[]','[]',NULL)"))
    engine.dispose()
    with Store(str(db)) as store:
        assert store.schema_version() == SCHEMA_VERSION
        with store.engine.connect() as conn:
            rel = conn.execute(sa.text("SELECT relation FROM claims WHERE id = 'c1'")).scalar()
    from claimgraph.store.schema import relation_id

    assert rel == relation_id("s", "allied_with", "o")


def test_full_text_search_quotes_user_input(store: Store) -> None:
    store.save(_analysis("Maria Lopez said the truce holds near Kabul."))
    store.save(_analysis("Talks in Geneva stalled over prisoners."))
    assert [t for _, t, _ in store.search("truce Kabul")] == [None]
    assert [text for _, _, text in store.search("geneva")][0].startswith("Talks")
    assert store.search('truce" OR "x') == []  # FTS syntax in the query is just words
    assert store.search("nothing-like-this") == []
