"""Store: one transaction per document, idempotent re-ingest, schema version, reads."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from claimgraph import Store, StoreError, StoreUnavailable
from claimgraph.model import Actor, Attribution, Claim, Document, DocumentAnalysis, Mention, Speaker
from claimgraph.store import SCHEMA_VERSION, database_url


def _analysis(text: str = "Maria Lopez said the truce holds.") -> DocumentAnalysis:
    doc = Document(id=Document.id_for(text), text=text, source="t.txt", published="2022-01-02")
    maria = Actor(Actor.id_for("Maria Lopez", "person"), "Maria Lopez", "person", aliases=["Lopez"])
    att = Attribution("att-1", doc.id, "the truce holds", (17, 32), False, "said", Speaker(maria.id, "Maria Lopez", (0, 11)))
    return DocumentAnalysis(doc, [maria], [Mention(maria.id, "Maria Lopez", (0, 11), "PERSON")], [att])


def test_save_read_back_and_skip_second_time(any_store: Store) -> None:
    store = any_store
    assert store.save(_analysis()) is True
    assert store.save(_analysis()) is False
    assert store.count("documents") == 1 and store.count("attributions") == 1
    (actor,) = store.actors(name="Lopez")
    assert actor.name == "Maria Lopez" and actor.aliases == ["Lopez"]
    (att,) = store.attributions(speaker="Maria Lopez")
    assert att.content == "the truce holds" and att.speaker.span == (0, 11)
    an = store.analysis()
    assert an.documents[0].published == "2022-01-02" and an.documents[0].text.startswith("Maria")


def test_a_speaker_filter_means_the_same_in_every_list(store: Store) -> None:
    an = _analysis("Maria Lopez said the truce holds. A Zamoran officer said it did not.")
    an.attributions.append(Attribution("att-2", an.document.id, "it did not", (56, 66), False, "said",
                                       Speaker(None, "A Zamoran officer", (34, 51), "a Zamoran officer", anonymous=True)))
    store.save(an)
    for who, expected in (("Lopez", ["att-1"]), (an.actors[0].id, ["att-1"]), ("zamoran officer", ["att-2"]), ("Oren", [])):
        listed = [a.id for a in store.attributions(speaker=who)]
        paged, total = store.attributions_page(who, limit=10, offset=0, cap=100)
        assert listed == [a.id for a in paged] == expected and total == len(expected), who


def test_failed_write_leaves_nothing_half_written(any_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store = any_store
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
            indexes = {i["name"] for i in sa.inspect(conn).get_indexes("claims")}
        assert {"ix_claims_subject_relation", "ix_claims_object_relation"} <= indexes  # v5
    from claimgraph.store.schema import relation_id

    assert rel == relation_id("s", "allied_with", "o")
    with Store(str(db)) as store:  # v6: the per-actor relation counts, built from the claims
        assert store.relation_ids("s") == ([rel], 1) and store.relation_ids("o") == ([rel], 1)


def test_full_text_search_quotes_user_input(any_store: Store) -> None:
    store = any_store
    store.save(_analysis("Maria Lopez said the truce holds near Kabul."))
    store.save(_analysis("Talks in Geneva stalled over prisoners."))
    assert [t for _, t, _ in store.search("truce Kabul")] == [None]
    assert [text for _, _, text in store.search("geneva")][0].startswith("Talks")
    assert store.search('truce" OR "x') == []  # FTS syntax in the query is just words
    assert store.search("nothing-like-this") == []


def _many(n: int) -> list[DocumentAnalysis]:
    """n documents that share actors, so concurrent writers race on the same actor rows."""
    out = []
    for i in range(n):
        text = f"Maria Lopez said the truce in sector {i} holds, and Omar Haddad agreed."
        a = _analysis(text)
        a.attributions[0].id = f"att-{i}"
        omar = Actor(Actor.id_for("Omar Haddad", "person"), "Omar Haddad", "person", aliases=["Haddad"])
        a.actors.append(omar)
        a.mentions.append(Mention(omar.id, "Omar Haddad", (text.index("Omar"), text.index("Omar") + 11), "PERSON"))
        span = (0, len(text))
        cid = Claim.id_for(a.document.id, span, a.actors[0].id, "allied_with", omar.id, "affirmed")
        a.claims.append(Claim(cid, a.document.id, a.actors[0].id, "allied_with", omar.id, "affirmed", text, span, f"att-{i}"))
        out.append(a)
    return out


def _write_all(url: str, order: int) -> None:
    items = _many(30)
    if order % 2:
        items.reverse()
    from claimgraph.analysis import KnowledgeBase

    with Store(url) as store:
        kb = KnowledgeBase(store)
        for a in items:
            kb.save(a, resolve=False)


def test_concurrent_writers_create_no_duplicates(db_url: str) -> None:
    import multiprocessing

    Store(db_url).close()  # schema first, so the writers race on rows, not on CREATE TABLE
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_write_all, args=(db_url, i)) for i in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    with Store(db_url) as store:
        assert store.count("documents") == 30 and store.count("attributions") == 30
        assert store.count("actors") == 2 and store.count("mentions") == 60
        assert store.count("actor_aliases") == 4
        # the relation counts are upserts that add: every writer's claims count, once
        (maria,) = store.actors(name="Maria Lopez")
        relations, total = store.relation_ids(maria.id)
        assert total == 1 and len(store.claims(relation=relations[0])) == 30
        with store.engine.connect() as conn:
            counts = conn.execute(sa.text("SELECT claims FROM actor_relations ORDER BY actor")).scalars().all()
        assert counts == [30, 30]
        # the derived relation has every writer's claims: no writer computed it without another's
        from claimgraph.analysis import KnowledgeBase

        kb = KnowledgeBase(store)
        (relation,) = kb.relations().items
        assert len(relation.supporting) == 30
        assert kb.verify() == []


def _claims_doc(text: str, pairs: list[tuple[str, str, str]]) -> DocumentAnalysis:
    doc = Document(id=Document.id_for(text), text=text, source="r.txt")
    names = sorted({n for a, _, b in pairs for n in (a, b)})
    actors = {n: Actor(Actor.id_for(n, "organization"), n, "organization") for n in names}
    claims = []
    for i, (a, pred, b) in enumerate(pairs):
        span = (i, i + 1)
        cid = Claim.id_for(doc.id, span, actors[a].id, pred, actors[b].id, "affirmed")
        claims.append(Claim(cid, doc.id, actors[a].id, pred, actors[b].id, "affirmed", text, span))
    return DocumentAnalysis(doc, list(actors.values()), claims=claims)


def test_actor_relations_rank_page_and_count(any_store: Store) -> None:
    from claimgraph.store.schema import relation_id

    store = any_store
    store.save(_claims_doc("one", [("Alpha", "allied_with", "Bravo"), ("Alpha", "allied_with", "Bravo"), ("Alpha", "trains", "Charlie")]), resolve=False)
    store.save(_claims_doc("two", [("Alpha", "allied_with", "Bravo"), ("Bravo", "funds", "Charlie")]), resolve=False)
    store.save(_claims_doc("two", [("Alpha", "allied_with", "Bravo")]), resolve=False)  # stored already: counts nothing
    alpha, bravo, charlie = (Actor.id_for(n, "organization") for n in ("Alpha", "Bravo", "Charlie"))
    ab, ac, bc = relation_id(alpha, "allied_with", bravo), relation_id(alpha, "trains", charlie), relation_id(bravo, "funds", charlie)
    assert store.relation_ids(alpha) == ([ab, ac], 2)  # most claims first
    assert store.relation_ids(bravo, limit=1) == ([ab], 2)
    assert store.relation_ids(charlie, limit=1, offset=1)[1] == 2
    assert store.relation_ids(alpha, offset=5) == ([], 2)  # past the end: the total still
    assert store.relation_ids("nobody") == ([], 0)
    assert sorted(store.relation_ids(charlie)[0]) == sorted([ac, bc])
    claims, atts = store.evidence([ab, bc])
    assert len(claims) == 4 and atts == {}
    assert {relation_id(c.subject, c.predicate, c.object) for c in claims} == {ab, bc}


def test_search_stems_on_postgresql_and_matches_on_sqlite(any_store: Store) -> None:
    any_store.save(_analysis("Fighters were training near Kabul, officials said."))
    hits = any_store.search("training Kabul")
    assert len(hits) == 1
    if any_store.dialect == "postgresql":
        assert len(any_store.search("trained kabul")) == 1  # English stemming: train


def test_lost_connections_are_retried(any_store: Store) -> None:
    store = any_store
    store.save(_analysis("Maria Lopez said the truce holds."))
    if store.dialect == "postgresql":
        # what a server restart does to the pool: every open connection dies
        other = sa.create_engine(store.url)
        with other.begin() as conn:
            conn.execute(sa.text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            ))
        other.dispose()
    assert store.save(_analysis("Omar Haddad said the talks resume.")) is True
    assert store.count("documents") == 2


def test_locked_sqlite_file_stops_with_a_clear_error(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "locked.db"
    Store(str(db)).close()
    holder = sqlite3.connect(db)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with Store(str(db), lock_timeout=0.5) as store, pytest.raises(StoreUnavailable, match="locked"):
            store.save(_analysis())
    finally:
        holder.rollback()
        holder.close()
    with Store(str(db)) as store:
        assert store.save(_analysis()) is True  # released: the same write goes through


def test_postgresql_migration_to_v4_adds_tsvector() -> None:
    from conftest import empty_postgres

    url = empty_postgres()
    with Store(url) as store, store.engine.begin() as conn:
        conn.execute(sa.text("ALTER TABLE documents DROP COLUMN tsv"))
        conn.execute(sa.text("UPDATE meta SET value = '3' WHERE key = 'schema_version'"))
    with Store(url) as store:
        assert store.schema_version() == SCHEMA_VERSION
        store.save(_analysis("Talks in Geneva stalled over prisoners."))
        assert len(store.search("geneva")) == 1
