"""The store: documents and what was extracted from them, in SQLite or PostgreSQL.

One transaction per document: a document is stored with all its facts or not
at all, so a killed ingest leaves nothing half-written and a rerun picks up
where it stopped. Inserts ignore rows that exist already, so re-ingesting the
same text (same content id) changes nothing.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from claimgraph.errors import StoreError, StoreUnavailable
from claimgraph.model import (
    Actor,
    Analysis,
    Attribution,
    Claim,
    Document,
    DocumentAnalysis,
    Event,
    Mention,
    Quantity,
    Role,
    Speaker,
    TimeExpression,
    name_key,
)
from claimgraph.resolve import resolve_actors
from claimgraph.store import schema as s
from claimgraph.store.reports import copies, sample, shingles

__all__ = ["DEFAULT_DB", "Store", "database_url"]

DEFAULT_DB = "claimgraph.db"
T = TypeVar("T")
#: the advisory lock key of the derived tables (PostgreSQL): "claimgraph" in ASCII, 8 bytes
_DERIVED_LOCK = int.from_bytes(b"clmgraph", "big") >> 1
#: documents a shingle is looked up in when a new document looks for the story it copies
COMMON_SHINGLE = 200
#: what the knowledge base does inside a document's transaction, after its facts are written
Deriver = Callable[[DocumentAnalysis], None]

#: PostgreSQL states worth another try: deadlock, serialization failure, server shutting down or starting up
_RETRY_STATES = {"40P01", "40001", "57P01", "57P02", "57P03"}
#: SQLite messages that mean the database, not the document, is the problem
_SQLITE_UNAVAILABLE = ("database is locked", "database or disk is full", "disk i/o error", "unable to open database", "readonly database")


def _classify(exc: SQLAlchemyError) -> str:
    """``retry`` (transient: connection lost, deadlock), ``unavailable`` (stop the batch) or ``document``."""
    orig = getattr(exc, "orig", None)
    state = getattr(orig, "sqlstate", None) or ""
    if isinstance(exc, sa.exc.DBAPIError) and exc.connection_invalidated:
        return "retry"
    if state in _RETRY_STATES or state.startswith("08"):
        return "retry"
    if orig is not None and type(orig).__module__.startswith("psycopg") and type(orig).__name__ == "OperationalError":
        return "retry"  # could not connect: the server is down or restarting
    message = str(orig or exc).lower()
    if any(m in message for m in _SQLITE_UNAVAILABLE):
        return "unavailable"
    return "document"


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _like_pattern(text: str) -> str:
    """``%text%`` for LIKE ... ESCAPE '\\', the user's ``%`` and ``_`` taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def database_url(db: str | None = None) -> str:
    """A SQLAlchemy URL from ``--db``, ``CLAIMGRAPH_DB`` or the default file."""
    value = db or os.environ.get("CLAIMGRAPH_DB") or DEFAULT_DB
    if "://" in value:
        if value.startswith("postgresql://"):
            return "postgresql+psycopg://" + value[len("postgresql://") :]
        if value.startswith("postgres://"):
            return "postgresql+psycopg://" + value[len("postgres://") :]
        return value
    if value == ":memory:":
        return "sqlite://"
    return "sqlite:///" + str(Path(value).expanduser())


# every column compared with _among holds text ids; one type object keeps statements cacheable
_TEXT_ARRAY = postgresql.ARRAY(sa.Text)


# Rows are read as tuples in these column orders and unpacked by position: looking a value
# up by name in a SQLAlchemy row cost more than the query on an actor page (about 2 us a
# value, and a page reads some 10,000 values).
_ATTRIBUTION_COLUMNS = [
    s.attributions.c[n]
    for n in (
        "id", "document", "content", "start", "end", "direct", "cue", "cue_start", "cue_end", "speaker_actor",
        "speaker_text", "speaker_start", "speaker_end", "speaker_description", "anonymous", "affiliation",
    )
]
_CLAIM_COLUMNS = [
    s.claims.c[n]
    for n in ("id", "document", "subject", "predicate", "object", "polarity", "text", "start", "end", "attribution", "hedges", "boosters", "date")
]
_DOCUMENT_HEADER = ("id", "source", "title", "published", "published_from", "outlet", "url", "report")


def _attribution(r: Sequence[Any]) -> Attribution:
    """An attribution from a row in ``_ATTRIBUTION_COLUMNS`` order."""
    (
        id_, document, content, start, end, direct, cue, cue_start, cue_end, speaker_actor,
        speaker_text, speaker_start, speaker_end, speaker_description, anonymous, affiliation,
    ) = r
    return Attribution(
        id=id_,
        document=document,
        content=content,
        span=(start, end),
        direct=bool(direct),
        cue=cue,
        cue_span=(cue_start, cue_end) if cue_start is not None else None,
        speaker=Speaker(
            actor=speaker_actor,
            text=speaker_text,
            span=(speaker_start, speaker_end) if speaker_start is not None else None,
            description=speaker_description,
            anonymous=bool(anonymous),
            affiliation=affiliation,
        ),
    )


def _claim(r: Sequence[Any]) -> Claim:
    """A claim from a row in ``_CLAIM_COLUMNS`` order."""
    id_, document, subject, predicate, object_, polarity, text, start, end, attribution, hedges, boosters, date_ = r
    return Claim(
        id=id_,
        document=document,
        subject=subject,
        predicate=predicate,
        object=object_,
        polarity=polarity,
        text=text,
        span=(start, end),
        attribution=attribution,
        hedges=list(_json(hedges)),
        boosters=list(_json(boosters)),
        date=date_,
    )


def _env_seconds(name: str, default: float) -> float:
    value = os.environ.get(name)
    if not value:
        return default
    try:
        return max(0.0, float(value))
    except ValueError:
        raise StoreError(f"{name} must be a number of seconds, not {value!r}") from None


def _sqlite_pragmas(lock_timeout: float) -> Callable[[Any, Any], None]:
    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={int(lock_timeout * 1000)}")
        cur.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode: a crash can lose the last transactions, never corrupt
        # the file or leave half of one.
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        # reads of a large store: a 64 MB page cache per connection, and the file mapped
        # (up to 1 GB) so that pages in the OS cache are read without a copy
        cur.execute("PRAGMA cache_size=-65536")
        cur.execute("PRAGMA mmap_size=1073741824")
        cur.close()

    return on_connect


def _pg_binary_arrays(dbapi_conn: Any, _record: Any) -> None:
    """Send list parameters (the id arrays of ``Store._among``) in binary: psycopg's text
    format quotes each element through a regular expression, 0.65 ms for 250 ids."""
    from psycopg.types.array import ListBinaryDumper

    dbapi_conn.adapters.register_dumper(list, ListBinaryDumper)


class Store:
    """The knowledge base. ``Store()`` opens ``./claimgraph.db`` (or ``CLAIMGRAPH_DB``)."""

    def __init__(self, url: str | None = None, retry_seconds: float | None = None, lock_timeout: float | None = None) -> None:
        #: how long a write waits for a PostgreSQL server that went away (restart, failover);
        #: default CLAIMGRAPH_RETRY_SECONDS or 60
        self.retry_seconds = retry_seconds if retry_seconds is not None else _env_seconds("CLAIMGRAPH_RETRY_SECONDS", 60.0)
        #: SQLite: how long a write waits for another process's lock on the file;
        #: default CLAIMGRAPH_LOCK_TIMEOUT or 30
        self.lock_timeout = lock_timeout if lock_timeout is not None else _env_seconds("CLAIMGRAPH_LOCK_TIMEOUT", 30.0)
        self.url = database_url(url)
        try:
            if self.url.startswith("sqlite"):
                import sqlite3

                if sqlite3.sqlite_version_info < (3, 35):  # RETURNING, json_each
                    raise StoreError(f"claimgraph needs SQLite 3.35 or newer; this Python has {sqlite3.sqlite_version}")
                # LIFO: the connection used last, whose page cache is warm, serves the next request
                kwargs: dict[str, Any] = {"pool_use_lifo": True}
                if self.url == "sqlite://":
                    from sqlalchemy.pool import StaticPool

                    kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
                self.engine: Engine = sa.create_engine(self.url, **kwargs)
                sa.event.listen(self.engine, "connect", _sqlite_pragmas(self.lock_timeout))
            else:
                self.engine = sa.create_engine(self.url, pool_pre_ping=True)
                if self.engine.dialect.driver == "psycopg":
                    sa.event.listen(self.engine, "connect", _pg_binary_arrays)
            self._migrate()
        except SQLAlchemyError as exc:
            reason = _reason(exc)
            hint = ""
            path = sa.engine.make_url(self.url).database if self.url.startswith("sqlite") else None
            if path and any(m in reason for m in ("malformed", "not a database")):
                hint = (f"; it is damaged or not a claimgraph database: restore it from a backup, or save what is left "
                        f"with: sqlite3 {path} .recover | sqlite3 recovered.db")
            raise StoreError(f"cannot open database {self._safe_url()}: {reason}{hint}") from None
        self._actor_cache: dict[str, Actor | None] = {}
        self._local = threading.local()
        self._statements: dict[Hashable, Any] = {}

    @contextmanager
    def _connect(self) -> Iterator[sa.Connection]:
        """This thread's open write transaction, if it has one (resolution reads see and
        share it), else a pooled connection."""
        tx: sa.Connection | None = getattr(self._local, "tx", None)
        if tx is not None:
            yield tx
            return
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Reads inside this block share one connection: one checkout, not one per query,
        and on PostgreSQL one snapshot (REPEATABLE READ), so a page built from several
        queries never mixes before and after another process's commit."""
        if getattr(self._local, "tx", None) is not None:
            yield
            return
        with self.engine.connect() as conn:
            if self.dialect == "postgresql":
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            self._local.tx = conn
            try:
                yield
            finally:
                self._local.tx = None

    def _among(self, column: sa.ColumnElement[Any], values: Iterable[str] | None = None, name: str | None = None) -> sa.ColumnElement[bool]:
        """``column IN values`` with the values as one bound parameter: an array on PostgreSQL
        (``= ANY``), a JSON array on SQLite (``json_each``). An expanding IN builds, renders
        and binds one parameter per value at every execution (and psycopg parses the new text
        each time): milliseconds for the few hundred ids of an actor page. One parameter also
        has no limit on the number of values.

        With ``name`` instead of ``values``, for a statement built once (``_statement``), the
        values come at execution, as ``{name: self._id_list(values)}``."""
        value = None if values is None else self._id_list(values)
        if self.dialect == "postgresql":
            return column == sa.any_(sa.bindparam(name, value, type_=_TEXT_ARRAY))
        if self.dialect == "sqlite":
            each = sa.func.json_each(sa.bindparam(name, value, type_=sa.Text)).table_valued("value")
            return column.in_(sa.select(each.c.value))
        return column.in_(sa.bindparam(name, value, expanding=True))

    def _id_list(self, values: Iterable[str]) -> Any:
        """The values of an ``_among`` parameter."""
        return json.dumps(list(values)) if self.dialect == "sqlite" else list(values)

    def _rows_among(self, conn: sa.Connection, q: Any, values: Iterable[str]) -> Iterator[Any]:
        """Rows of ``q``, a kept statement filtered by ``_among(..., name="ids")``, for ``values``,
        500 at a time: the one parameter has no limit, but an expanding IN (other databases) has."""
        for chunk in _chunks(list(values), 500):
            yield from conn.execute(q, {"ids": self._id_list(chunk)})

    def _statement(self, key: Hashable, build: Callable[[], Any]) -> Any:
        """The statement ``build`` makes, built on first use and kept, for one that runs on every
        page or for every stored document: building a statement and deriving its cache key
        cost 0.3-0.7 ms each time, against well under a millisecond for running most of them."""
        stmt = self._statements.get(key)
        if stmt is None:
            stmt = self._statements[key] = build()
        return stmt

    def _safe_url(self) -> str:
        return sa.engine.make_url(self.url).render_as_string(hide_password=True)

    @property
    def supports_concurrent_writes(self) -> bool:
        """False for an in-memory SQLite database, whose one connection all threads share."""
        return self.url != "sqlite://"

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    # -- schema ------------------------------------------------------------

    def _migrate(self) -> None:
        with self.engine.begin() as conn:
            inspector = sa.inspect(conn)
            if not inspector.has_table("meta"):
                s.metadata.create_all(conn)
                s.create_fts(conn)
                conn.execute(s.meta.insert().values(key="schema_version", value=str(s.SCHEMA_VERSION)))
                return
            version = int(conn.execute(sa.select(s.meta.c.value).where(s.meta.c.key == "schema_version")).scalar_one())
        if version > s.SCHEMA_VERSION:
            raise StoreError(
                f"database schema version {version} is newer than this claimgraph ({s.SCHEMA_VERSION}); upgrade claimgraph"
            )
        for target in range(version + 1, s.SCHEMA_VERSION + 1):
            with self.engine.begin() as conn:
                for step in s.MIGRATIONS.get(target, []):
                    step(conn)
                conn.execute(s.meta.update().where(s.meta.c.key == "schema_version").values(value=str(target)))

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(s.meta.c.value).where(s.meta.c.key == "schema_version")).scalar_one())

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writes ------------------------------------------------------------

    def _retrying(self, what: str, action: Callable[[], T]) -> T:
        """Run ``action``; retry transient failures for up to ``retry_seconds``, then give up clearly."""
        deadline = time.monotonic() + self.retry_seconds
        delay = 0.2
        while True:
            try:
                return action()
            except SQLAlchemyError as exc:
                kind = _classify(exc)
                if kind == "retry" and time.monotonic() + delay < deadline:
                    time.sleep(delay)
                    delay = min(delay * 2, 5.0)
                    continue
                if kind in ("retry", "unavailable"):
                    raise StoreUnavailable(f"database {self._safe_url()} unavailable ({what}): {_reason(exc)}") from None
                raise StoreError(f"{what}: {_reason(exc)}") from None

    def _insert_ignore(self, table: sa.Table) -> Any:
        """``INSERT ... ON CONFLICT DO NOTHING`` into ``table``, built once (``_statement``): an
        ingest runs a dozen statements for each document, and building each anew cost more
        than running it."""

        def build() -> Any:
            if self.dialect == "postgresql":
                return postgresql.insert(table).on_conflict_do_nothing()
            if self.dialect == "sqlite":
                return sqlite.insert(table).on_conflict_do_nothing()
            return table.insert()

        return self._statement(("insert", table.name), build)

    def has_document(self, doc_id: str) -> bool:
        return bool(self.known_document_ids([doc_id]))

    def known_document_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are stored already (what an ingest can skip before any NLP)."""
        wanted = list(ids)
        if not wanted:
            return set()

        q = self._statement("document ids", lambda: sa.select(s.documents.c.id).where(self._among(s.documents.c.id, name="ids")))

        def look() -> set[str]:
            with self.engine.connect() as conn:
                return {r[0] for r in self._rows_among(conn, q, wanted)}

        return self._retrying("looking up stored documents", look)

    def save(self, analysis: DocumentAnalysis, resolve: bool = True, derive: Deriver | None = None) -> bool:
        """Resolve the document's actors against the store and write it all in one transaction.

        Returns False (and writes nothing) when the document is stored already: its row
        goes in first, and only if it is new (so no lookup beforehand).
        ``resolve=False`` keeps the actor ids as they are (importing a dump).
        ``derive`` updates the derived tables in the same transaction (the knowledge base
        passes it); without it they are marked stale, to be rebuilt.
        """
        doc = analysis.document
        try:
            return self._retrying(f"{doc.source}: cannot store document", lambda: self._save(analysis, resolve, derive))
        finally:
            self._actor_cache.clear()

    def _save(self, analysis: DocumentAnalysis, resolve: bool, derive: Deriver | None) -> bool:
        doc = analysis.document
        # The document row goes first: on SQLite that takes the write lock before any read, so
        # resolution reads a store no other writer changes before this commit (a read first
        # would make the later write fail at once when another process committed meanwhile).
        with self.engine.begin() as conn:
            inserted = conn.execute(
                # RETURNING, not rowcount: psycopg reports -1 for an INSERT ... ON CONFLICT
                self._statement("insert document", lambda: self._insert_ignore(s.documents).returning(s.documents.c.id)),
                {
                    "id": doc.id,
                    "source": doc.source,
                    "title": doc.title,
                    "published": doc.published,
                    "published_from": doc.published_from,
                    "outlet": doc.outlet,
                    "url": doc.url,
                    "text": doc.text,
                    "dropped": doc.dropped,
                    "dropped_spans": [list(x) for x in doc.dropped_spans],
                    "dateline_span": list(doc.dateline_span) if doc.dateline_span else None,
                },
            ).first() is not None
            if not inserted:
                return False  # another process stored it meanwhile
            if self.dialect == "sqlite":
                conn.execute(
                    self._statement("insert fts", lambda: sa.text(f"INSERT INTO {s.FTS_TABLE} (id, title, text) VALUES (:id, :title, :text)")),
                    {"id": doc.id, "title": doc.title or "", "text": doc.text},
                )
            self._local.tx = conn
            try:
                doc.report = self._report_of(conn, doc)
                if resolve:
                    resolve_actors(analysis, self)
                self._write_facts(conn, analysis)
                if derive is not None:
                    derive(analysis)
                else:
                    self._mark_stale(conn)
            finally:
                self._local.tx = None
        return True

    def _report_of(self, conn: sa.Connection, doc: Document) -> str:
        """The report the new document belongs to: the group of the first stored story it
        copies (its candidates share most of its 5-gram sample), else its own; its sample is
        stored for the documents after it."""
        mine = shingles(doc.text)
        kept = sample(mine)
        report = doc.id
        if kept:
            sh, d = s.doc_shingles, s.documents
            # a 5-gram in hundreds of documents ("said in a statement on") tells no copy: each
            # sampled 5-gram is looked up in a few hundred documents at most, so the look-up
            # costs the same in a store of a million documents
            one = self._statement("shingle docs", lambda: sa.select(sh.c.document).where(sh.c.hash == sa.bindparam("h")).limit(COMMON_SHINGLE))
            shared: Counter[str] = Counter()
            for h in kept:
                shared.update(r[0] for r in conn.execute(one, {"h": h}))
            candidates = sorted(x for x, n in shared.items() if x != doc.id and n * 10 >= 3 * len(kept))
            heads = conn.execute(
                sa.select(d.c.report).distinct().where(d.c.id.in_(candidates), d.c.report.is_not(None))
            ).scalars().all() if candidates else []
            if heads:
                texts = conn.execute(
                    sa.select(d.c.id, d.c.text, d.c.published).where(d.c.id.in_(sorted(heads))).order_by(d.c.published, d.c.id)
                ).all()
                for head, text, published in texts:
                    if copies(mine, shingles(text)):
                        report = head
                        if (doc.published or "", doc.id) < (published or "", head):
                            # the story's first publication heads its group, whatever order they came in
                            conn.execute(d.update().where(d.c.report == head).values(report=doc.id))
                            report = doc.id
                        break
            conn.execute(s.doc_shingles.insert(), [{"hash": h, "document": doc.id} for h in kept])
        conn.execute(s.documents.update().where(s.documents.c.id == doc.id).values(report=report))
        return report

    def _mark_stale(self, conn: sa.Connection) -> None:
        m = s.meta
        if conn.execute(sa.select(m.c.value).where(m.c.key == "derived")).scalar() != "stale":
            conn.execute(m.delete().where(m.c.key == "derived"))
            conn.execute(m.insert().values(key="derived", value="stale"))

    def derived_state(self) -> str | None:
        """``"stale"`` when documents were written without updating the derived tables."""
        with self._connect() as conn:
            value = conn.execute(sa.select(s.meta.c.value).where(s.meta.c.key == "derived")).scalar()
            return None if value is None else str(value)

    def set_derived_state(self, value: str | None) -> None:
        with self._writing() as conn:
            conn.execute(s.meta.delete().where(s.meta.c.key == "derived"))
            if value is not None:
                conn.execute(s.meta.insert().values(key="derived", value=value))

    def _write_facts(self, conn: sa.Connection, analysis: DocumentAnalysis) -> None:
        doc_id = analysis.document.id
        # shared rows in key order: two writers then lock them in the same order and cannot deadlock
        actor_rows = sorted(({"id": a.id, "name": a.name, "type": a.type, "kind": a.kind} for a in analysis.actors), key=lambda r: str(r["id"]))
        if actor_rows:
            conn.execute(self._insert_ignore(s.actors), actor_rows)
            alias_rows = {
                (a.id, alias): {"actor": a.id, "alias": alias, "key": name_key(alias)}
                for a in analysis.actors
                for alias in [a.name, *a.aliases]
            }
            conn.execute(self._insert_ignore(s.actor_aliases), [alias_rows[k] for k in sorted(alias_rows)])
            role_rows = {
                (a.id, r.title): {
                    "actor": a.id,
                    "title": r.title,
                    "organization": r.organization,
                    "organization_name": r.organization_name,
                    "document": doc_id,
                }
                for a in analysis.actors
                for r in a.roles
            }
            if role_rows:
                conn.execute(self._insert_ignore(s.roles), [role_rows[k] for k in sorted(role_rows)])
        if analysis.mentions:
            rows = {
                m.span[0]: {"document": doc_id, "start": m.span[0], "end": m.span[1], "actor": m.actor, "text": m.text, "label": m.label}
                for m in analysis.mentions
            }
            conn.execute(self._insert_ignore(s.mentions), list(rows.values()))
            counts = Counter(r["actor"] for r in rows.values())
            a = s.actors
            conn.execute(
                self._statement("count mentions", lambda: a.update().where(a.c.id == sa.bindparam("aid")).values(mentions=a.c.mentions + sa.bindparam("n"))),
                [{"aid": k, "n": n} for k, n in sorted(counts.items())],
            )
        if analysis.attributions:
            conn.execute(
                self._insert_ignore(s.attributions),
                [
                    {
                        "id": a.id,
                        "document": doc_id,
                        "content": a.content,
                        "start": a.span[0],
                        "end": a.span[1],
                        "direct": a.direct,
                        "cue": a.cue,
                        "cue_start": a.cue_span[0] if a.cue_span else None,
                        "cue_end": a.cue_span[1] if a.cue_span else None,
                        "speaker_actor": a.speaker.actor,
                        "speaker_text": a.speaker.text,
                        "speaker_start": a.speaker.span[0] if a.speaker.span else None,
                        "speaker_end": a.speaker.span[1] if a.speaker.span else None,
                        "speaker_description": a.speaker.description,
                        "anonymous": a.speaker.anonymous,
                        "affiliation": a.speaker.affiliation,
                    }
                    for a in analysis.attributions
                ],
            )
        if analysis.quantities:
            conn.execute(
                self._insert_ignore(s.quantities),
                [
                    {
                        "id": q.id,
                        "document": doc_id,
                        "text": q.text,
                        "start": q.span[0],
                        "end": q.span[1],
                        "min": q.min,
                        "max": q.max,
                        "unit": q.unit,
                        "approximate": q.approximate,
                        "of": q.of,
                    }
                    for q in analysis.quantities
                ],
            )
        if analysis.claims:
            conn.execute(
                self._insert_ignore(s.claims),
                [
                    {
                        "id": c.id,
                        "document": doc_id,
                        "attribution": c.attribution,
                        "subject": c.subject,
                        "predicate": c.predicate,
                        "object": c.object,
                        "polarity": c.polarity,
                        "text": c.text,
                        "start": c.span[0],
                        "end": c.span[1],
                        "hedges": c.hedges,
                        "boosters": c.boosters,
                        "date": c.date,
                        "relation": s.relation_id(c.subject, c.predicate, c.object),
                    }
                    for c in analysis.claims
                ],
            )
            self._count_relations(conn, analysis.claims)
        if analysis.events:
            conn.execute(
                self._insert_ignore(s.events), [{"id": e.id, "document": doc_id, "data": e.to_dict()} for e in analysis.events]
            )
        if analysis.timeline:
            conn.execute(
                self._insert_ignore(s.timexes),
                [
                    {"id": t.id, "document": doc_id, "text": t.text, "start": t.span[0], "end": t.span[1], "date": t.date, "precision": t.precision}
                    for t in analysis.timeline
                ],
            )

    def _count_relations(self, conn: sa.Connection, claims: list[Claim]) -> None:
        """Add this document's claims to actor_relations. The document is new (its row went
        in first), so each of its claims is new too; only repeated ids within it are skipped."""
        counts: Counter[tuple[str, str]] = Counter()
        for c in {c.id: c for c in claims}.values():
            relation = s.relation_id(c.subject, c.predicate, c.object)
            if relation and c.subject and c.object:
                counts[(c.subject, relation)] += 1
                counts[(c.object, relation)] += 1
        if not counts:
            return
        t = s.actor_relations
        rows = [{"actor": a, "relation": r, "claims": n} for (a, r), n in sorted(counts.items())]  # key order: see _write_facts

        def build() -> Any:
            # an upsert that adds: two writers counting the same relation both count
            insert = (postgresql.insert if self.dialect == "postgresql" else sqlite.insert)(t)
            return insert.on_conflict_do_update(index_elements=[t.c.actor, t.c.relation], set_={"claims": t.c.claims + insert.excluded.claims})

        conn.execute(self._statement("count relations", build), rows)

    # -- KnownActors (for resolution) -----------------------------------------

    # Resolution reads run for every stored document: their statements are built once.

    def existing_actor_ids(self, ids: list[str]) -> set[str]:
        q = self._statement("actor ids", lambda: sa.select(s.actors.c.id).where(self._among(s.actors.c.id, name="ids")))
        with self._connect() as conn:
            return {r[0] for r in self._rows_among(conn, q, ids)}

    def actor_ids_by_keys(self, keys: list[str]) -> dict[tuple[str, str], set[str]]:
        """(name key, actor type) -> ids of actors with a name or alias of that key."""
        out: dict[tuple[str, str], set[str]] = {}
        al = s.actor_aliases
        q = self._statement(
            "actor ids by keys",
            lambda: sa.select(al.c.key, s.actors.c.type, al.c.actor).join(s.actors, s.actors.c.id == al.c.actor).where(self._among(al.c.key, name="ids")),
        )
        with self._connect() as conn:
            for key, type_, actor_id in self._rows_among(conn, q, keys):
                out.setdefault((key, type_), set()).add(actor_id)
        return out

    def keys_with_prefixes(self, prefixes: list[str]) -> list[tuple[str, str, str]]:
        """(actor id, type, name key) of names and aliases whose key starts with one of ``prefixes``."""
        prefixes = [p for p in prefixes if p]
        if not prefixes:
            return []
        al = s.actor_aliases

        def build() -> Any:
            # ranges on the indexed key column, not LIKE, so the index is used
            ranges = [sa.and_(al.c.key >= sa.bindparam(f"low{i}"), al.c.key < sa.bindparam(f"high{i}")) for i in range(len(prefixes))]
            return sa.select(al.c.actor, s.actors.c.type, al.c.key).join(s.actors, s.actors.c.id == al.c.actor).where(sa.or_(*ranges)).limit(20000)

        # one statement for each number of prefixes: a document has a few dozen names at most
        q = self._statement(("keys with prefixes", len(prefixes)), build) if len(prefixes) <= 64 else build()
        params = {}
        for i, p in enumerate(prefixes):
            params[f"low{i}"] = p
            params[f"high{i}"] = p[:-1] + chr(ord(p[-1]) + 1)
        with self._connect() as conn:
            rows = conn.execute(q, params)
            return [(r[0], r[1], r[2]) for r in rows]

    def actor_by_id(self, actor_id: str) -> Actor | None:
        if actor_id not in self._actor_cache:
            found = self.actors(ids=[actor_id])
            self._actor_cache[actor_id] = found[0] if found else None
        return self._actor_cache[actor_id]

    # -- reads -------------------------------------------------------------

    def document(self, doc_id: str) -> Document | None:
        docs = self.documents(ids=[doc_id])
        return docs[0] if docs else None

    def documents(self, ids: list[str] | None = None, with_text: bool = True) -> list[Document]:
        """Documents by publication date. ``with_text=False`` reads headers only (source, title,
        dates, outlet, url): no text, and no dropped lines or dateline, which are spans into
        it. Lists and evidence panels need no more, and skip decoding three JSON columns."""
        d = s.documents.c

        def build() -> Any:
            q = sa.select(*[d[n] for n in _DOCUMENT_HEADER], *([d.text, d.dropped, d.dropped_spans, d.dateline_span] if with_text else []))
            q = q.order_by(d.published, d.id)
            return q if ids is None else q.where(self._among(d.id, name="ids"))

        q = self._statement(("documents", with_text, ids is None), build)
        with self._connect() as conn:
            rows = conn.execute(q, {} if ids is None else {"ids": self._id_list(ids)}).all()
        if not with_text:
            return [Document(text="", **dict(zip(_DOCUMENT_HEADER, r, strict=True))) for r in rows]
        return [
            Document(
                text=text,
                dropped=list(_json(dropped)),
                dropped_spans=[(int(a), int(b)) for a, b in _json(dropped_spans)],
                dateline_span=_pair(_json(dateline)) if dateline else None,
                **dict(zip(_DOCUMENT_HEADER, header, strict=True)),
            )
            for *header, text, dropped, dropped_spans, dateline in rows
        ]

    def count(self, table: str) -> int:
        with self._connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(s.tables[table])).scalar_one())

    def actors(
        self, ids: Iterable[str] | None = None, type_: str | None = None, name: str | None = None, limit: int | None = None,
        aliases: bool = True, role_organizations: bool = False,
    ) -> list[Actor]:
        """Actors with aliases (unless ``aliases=False``) and roles; ``name`` matches any name or alias by key.

        ``role_organizations=True`` adds the organizations that the roles of ``ids`` name
        (a spokesman's group), in the same query.
        """
        def by_ids() -> Any:
            among = self._among(s.actors.c.id, name="ids")
            if role_organizations:
                ro = s.roles
                named = sa.select(ro.c.organization).where(self._among(ro.c.actor, name="ids"), ro.c.organization.is_not(None))
                among = sa.or_(among, s.actors.c.id.in_(named))
            return among

        def with_roles(q: Any) -> Any:
            # roles come joined to their actors: one statement, not two (each is a round trip to a server)
            chosen = q.subquery()
            ro = s.roles
            return (
                sa.select(chosen.c.id, chosen.c.name, chosen.c.type, chosen.c.kind, ro.c.title, ro.c.organization, ro.c.organization_name)
                .select_from(chosen.outerjoin(ro, ro.c.actor == chosen.c.id))
                .order_by(chosen.c.name, chosen.c.id, ro.c.title)
            )

        params = {} if ids is None else {"ids": self._id_list(ids)}
        if ids is not None and not (type_ or name or limit):
            # by ids alone: what pages ask, built once
            q = self._statement(("actors", role_organizations), lambda: with_roles(sa.select(s.actors).where(by_ids())))
        else:
            q = sa.select(s.actors)
            if ids is not None:
                q = q.where(by_ids())
            if type_:
                q = q.where(s.actors.c.type == type_)
            if name:
                sub = sa.select(s.actor_aliases.c.actor).where(s.actor_aliases.c.key == name_key(name))
                q = q.where(s.actors.c.id.in_(sub))
            if limit:
                q = q.order_by(s.actors.c.name).limit(limit)
            q = with_roles(q)
        found: dict[str, Actor] = {}
        with self._connect() as conn:
            # rows unpacked as tuples: a Row's attribute lookup by name cost more than the query here
            for actor_id, actor_name, actor_type, kind, title, organization, organization_name in conn.execute(q, params).all():
                actor = found.get(actor_id)
                if actor is None:
                    actor = found[actor_id] = Actor(actor_id, actor_name, actor_type, kind)
                if title is not None:
                    actor.add_role(Role(title, organization, organization_name))
            if aliases and found:
                al = s.actor_aliases
                q = self._statement("aliases", lambda: sa.select(al.c.actor, al.c.alias).where(self._among(al.c.actor, name="ids")).order_by(al.c.alias))
                for actor_id, alias in self._rows_among(conn, q, found):
                    found[actor_id].add_alias(alias)
        return list(found.values())

    # -- pages read in SQL (the web API's lists) ------------------------------------------

    @staticmethod
    def _capped_count(conn: sa.Connection, q: Any, cap: int) -> int:
        return int(conn.execute(sa.select(sa.func.count()).select_from(q.with_only_columns(sa.literal(1), maintain_column_froms=True).order_by(None).limit(cap).subquery())).scalar_one())

    def documents_page(self, limit: int, offset: int, cap: int) -> tuple[list[Document], int]:
        """Document headers by publication date."""
        d = s.documents.c
        q = sa.select(*[d[n] for n in _DOCUMENT_HEADER]).order_by(d.published, d.id)
        with self._connect() as conn:
            rows = conn.execute(q.limit(limit).offset(offset)).all()
            total = self._capped_count(conn, q, cap)
        return [Document(text="", **dict(zip(_DOCUMENT_HEADER, r, strict=True))) for r in rows], total

    def actors_page(self, text: str | None, type_: str | None, limit: int, offset: int, cap: int) -> tuple[list[tuple[Actor, int]], int]:
        """Actors most mentioned first, with their mention counts; ``text`` matches any name or alias."""
        a = s.actors
        q = sa.select(a.c.id, a.c.mentions).order_by(a.c.mentions.desc(), a.c.name)
        if type_:
            q = q.where(a.c.type == type_)
        if text:
            al = s.actor_aliases
            q = q.where(a.c.id.in_(sa.select(al.c.actor).where(sa.func.lower(al.c.alias).like(_like_pattern(text.lower()), escape="\\"))))
        with self._connect() as conn:
            rows = conn.execute(q.limit(limit).offset(offset)).all()
            total = self._capped_count(conn, q, cap)
            found = {x.id: x for x in self.actors(ids=[r[0] for r in rows])} if rows else {}
        return [(found[r[0]], int(r[1])) for r in rows if r[0] in found], total

    def claims_page(
        self, actor: str | None, predicate: str | None, polarity: str | None, limit: int, offset: int, cap: int
    ) -> tuple[list[Claim], int]:
        t = s.claims
        q = sa.select(*_CLAIM_COLUMNS).order_by(t.c.document, t.c.start, t.c.id)
        if actor:
            q = q.where(sa.or_(t.c.subject == actor, t.c.object == actor))
        if predicate:
            q = q.where(t.c.predicate == predicate)
        if polarity:
            q = q.where(t.c.polarity == polarity)
        with self._connect() as conn:
            rows = conn.execute(q.limit(limit).offset(offset)).all()
            total = self._capped_count(conn, q, cap)
        return [_claim(r) for r in rows], total

    def _speaker_is(self, speaker: str) -> sa.ColumnElement[bool]:
        """The one meaning of "attributions of ``speaker``", for every list that filters by it: an
        actor's id or one of its names or aliases gives its attributions, from the index; any other
        text is looked for in the words of unnamed speakers ("a Zamoran officer")."""
        t = s.attributions
        ids = [x.id for x in self.actors(ids=[speaker], aliases=False)] or [x.id for x in self.actors(name=speaker, aliases=False)]
        if ids:
            return self._among(t.c.speaker_actor, ids)
        like = _like_pattern(speaker.lower())
        return sa.or_(
            sa.func.lower(t.c.speaker_description).like(like, escape="\\"),
            sa.func.lower(t.c.speaker_text).like(like, escape="\\"),
        )

    def attributions_page(self, speaker: str | None, limit: int, offset: int, cap: int) -> tuple[list[Attribution], int]:
        t = s.attributions
        q = sa.select(*_ATTRIBUTION_COLUMNS).order_by(t.c.document, t.c.start)
        if speaker:
            q = q.where(self._speaker_is(speaker))
        with self._connect() as conn:
            rows = conn.execute(q.limit(limit).offset(offset)).all()
            total = self._capped_count(conn, q, cap)
        return [_attribution(r) for r in rows], total

    def actor_mentions(self, ids: list[str]) -> list[tuple[str, int]]:
        a = s.actors
        with self._connect() as conn:
            return [(r[0], int(r[1])) for r in conn.execute(sa.select(a.c.id, a.c.mentions).where(self._among(a.c.id, ids)))]

    def mentions(self, documents: list[str] | None = None, actor: str | None = None) -> list[Mention]:
        q = sa.select(s.mentions).order_by(s.mentions.c.document, s.mentions.c.start)
        if documents is not None:
            q = q.where(self._among(s.mentions.c.document, documents))
        if actor:
            q = q.where(s.mentions.c.actor == actor)
        with self._connect() as conn:
            return [
                Mention(r["actor"], r["text"], (r["start"], r["end"]), r["label"], r["document"]) for r in conn.execute(q).mappings().all()
            ]

    def attributions(
        self, documents: list[str] | None = None, speaker: str | None = None, limit: int | None = None,
        ids: list[str] | None = None, speaker_actor: str | None = None,
    ) -> list[Attribution]:
        """Attributions, optionally of some documents or of a speaker (actor id, name or description words)."""
        t = s.attributions
        if speaker_actor is not None and documents is None and ids is None and not speaker:
            # an actor page's "said": built once
            q = self._statement(
                ("said", bool(limit)),
                lambda: (
                    sa.select(*_ATTRIBUTION_COLUMNS)
                    .where(t.c.speaker_actor == sa.bindparam("actor"))
                    .order_by(t.c.document, t.c.start)
                    .limit(sa.bindparam("limit") if limit else None)
                ),
            )
            with self._connect() as conn:
                return [_attribution(r) for r in conn.execute(q, {"actor": speaker_actor, "limit": limit}).all()]
        q = sa.select(*_ATTRIBUTION_COLUMNS).order_by(t.c.document, t.c.start)
        if documents is not None:
            q = q.where(self._among(t.c.document, documents))
        if ids is not None:
            q = q.where(self._among(t.c.id, ids))
        if speaker_actor is not None:
            q = q.where(t.c.speaker_actor == speaker_actor)
        if speaker:
            q = q.where(self._speaker_is(speaker))
        if limit:
            q = q.limit(limit)
        with self._connect() as conn:
            return [_attribution(r) for r in conn.execute(q).all()]

    def search(self, query: str, limit: int = 50) -> list[tuple[str, str | None, str]]:
        """(document id, title, text) of documents holding every word of ``query``, best first.

        SQLite: the FTS5 index (words quoted, so the user's text is never FTS syntax).
        PostgreSQL: the tsvector column (English stemming) and its GIN index.
        Other databases: a case-insensitive substring scan.
        """
        # control characters are no words, and a NUL ends an FTS5 string or a PostgreSQL text early
        words = [w for w in _CONTROL.sub(" ", query).split() if w.strip()]
        if not words:
            return []
        with self._connect() as conn:
            if self.dialect == "sqlite":
                match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
                rows = conn.execute(
                    sa.text(
                        f"SELECT d.id, d.title, d.text FROM {s.FTS_TABLE} f JOIN documents d ON d.id = f.id "
                        f"WHERE {s.FTS_TABLE} MATCH :q ORDER BY rank LIMIT :n"
                    ),
                    {"q": match, "n": limit},
                )
            elif self.dialect == "postgresql":
                # plainto_tsquery: the user's text is words, never tsquery syntax
                rows = conn.execute(
                    sa.text(
                        f"SELECT id, title, text FROM documents, plainto_tsquery('{s.TS_CONFIG}', :q) query "
                        f"WHERE {s.TSV_COLUMN} @@ query ORDER BY ts_rank({s.TSV_COLUMN}, query) DESC, id LIMIT :n"
                    ),
                    {"q": " ".join(words), "n": limit},
                )
            else:
                t = s.documents
                cond = sa.and_(*[sa.func.lower(t.c.text).contains(w.lower()) for w in words])
                rows = conn.execute(sa.select(t.c.id, t.c.title, t.c.text).where(cond).limit(limit))
            return [(r[0], r[1], r[2]) for r in rows]

    def attributions_about(self, actor: str, limit: int = 100) -> list[Attribution]:
        """What others said that names ``actor``: attributions whose content holds a mention of it.

        Walks the actor's mentions in the order of the (actor, document, start)
        index and stops early; without DISTINCT in SQL, so that PostgreSQL's
        planner starts from the mentions, not from every attribution.
        """
        t, m = s.attributions, s.mentions
        q = self._statement(
            "about",
            lambda: (
                sa.select(*_ATTRIBUTION_COLUMNS)
                .select_from(m.join(t, sa.and_(t.c.document == m.c.document, t.c.start <= m.c.start, m.c.start < t.c.end)))
                .where(m.c.actor == sa.bindparam("actor"), sa.or_(t.c.speaker_actor.is_(None), t.c.speaker_actor != sa.bindparam("actor")))
                .order_by(m.c.document, m.c.start)
                .limit(sa.bindparam("limit"))
            ),
        )
        with self._connect() as conn:
            # twice the limit: an attribution naming the actor twice comes twice; r[0] is its id
            found = {r[0]: r for r in conn.execute(q, {"actor": actor, "limit": limit * 2}).all()}
        rows = list(found.values())[:limit]
        return sorted((_attribution(r) for r in rows), key=lambda a: (a.document, a.span[0]))

    def quantities(self, documents: list[str] | None = None) -> list[Quantity]:
        t = s.quantities
        q = sa.select(t).order_by(t.c.document, t.c.start)
        if documents is not None:
            q = q.where(self._among(t.c.document, documents))
        with self._connect() as conn:
            return [
                Quantity(r["id"], r["document"], r["text"], (r["start"], r["end"]), r["min"], r["max"], r["unit"], bool(r["approximate"]), r["of"])
                for r in conn.execute(q).mappings().all()
            ]

    def claims(
        self, documents: list[str] | None = None, actor: str | None = None, relation: str | list[str] | None = None,
        ids: list[str] | None = None,
    ) -> list[Claim]:
        t = s.claims
        q = sa.select(*_CLAIM_COLUMNS).order_by(t.c.document, t.c.start, t.c.id)
        if documents is not None:
            q = q.where(self._among(t.c.document, documents))
        if actor:
            q = q.where(sa.or_(t.c.subject == actor, t.c.object == actor))
        if isinstance(relation, list):
            q = q.where(self._among(t.c.relation, relation))
        elif relation:
            q = q.where(t.c.relation == relation)
        if ids is not None:
            q = q.where(self._among(t.c.id, ids))
        with self._connect() as conn:
            return [_claim(r) for r in conn.execute(q).all()]

    def evidence(self, relations: list[str]) -> tuple[list[Claim], dict[str, Attribution]]:
        """The claims of these relations and the attributions they sit in, in one query:
        what grading a relation needs (an actor page, an evidence panel)."""
        c, a = s.claims, s.attributions
        q = self._statement(
            "evidence",
            lambda: (
                sa.select(*_CLAIM_COLUMNS, *_ATTRIBUTION_COLUMNS)
                .select_from(c.outerjoin(a, a.c.id == c.c.attribution))
                .where(self._among(c.c.relation, name="ids"))
                .order_by(c.c.document, c.c.start, c.c.id)
            ),
        )
        n = len(_CLAIM_COLUMNS)
        with self._connect() as conn:
            rows = conn.execute(q, {"ids": self._id_list(relations)}).all()
        # r[n]: the attribution's id, None when the claim has none
        return [_claim(r[:n]) for r in rows], {r[n]: _attribution(r[n:]) for r in rows if r[n] is not None}

    def relation_ids(self, actor: str, limit: int = 50, offset: int = 0) -> tuple[list[str], int]:
        """Ids of the relations ``actor`` is party to, most claims first, and how many there are.

        Read from actor_relations, which every write keeps: the page comes from an index
        range, not from grouping every claim of the actor, and the actor page then reads
        the claims of the relations it shows only.
        """
        t = s.actor_relations
        count = self._statement("relations_count", lambda: sa.select(sa.func.count()).select_from(t).where(t.c.actor == sa.bindparam("actor")))
        q = self._statement(
            "relations",
            lambda: (
                # the total rides along with the page (one round trip); only a page past the end asks again
                sa.select(t.c.relation, count.scalar_subquery())
                .where(t.c.actor == sa.bindparam("actor"))
                # both keys descending: the (actor, claims, relation) index read backwards, with
                # no sort (relation ascending made PostgreSQL sort each tie group: 2 ms, not 0.3)
                .order_by(t.c.claims.desc(), t.c.relation.desc())
                .limit(sa.bindparam("limit"))
                .offset(sa.bindparam("offset"))
            ),
        )
        with self._connect() as conn:
            rows = conn.execute(q, {"actor": actor, "limit": limit, "offset": offset}).all()
            if rows:
                return [r[0] for r in rows], int(rows[0][1])
            return [], int(conn.execute(count, {"actor": actor}).scalar_one()) if offset else 0

    def events(self, documents: list[str] | None = None) -> list[Event]:
        t = s.events
        q = sa.select(t.c.data).order_by(t.c.document, t.c.id)
        if documents is not None:
            q = q.where(self._among(t.c.document, documents))
        with self._connect() as conn:
            return sorted((Event.from_dict(_json(r[0])) for r in conn.execute(q)), key=lambda e: (e.document, e.span))

    def set_grade(self, source: str, reliability: str, note: str | None = None) -> None:
        """Keep an analyst's Admiralty reliability (A-F) for a source (actor id or description)."""
        letter = reliability.upper()
        if letter not in "ABCDEF" or len(letter) != 1:
            raise StoreError(f"reliability must be one letter A-F, not {reliability!r}")
        with self._writing() as conn:
            self._mark_stale(conn)  # the knowledge base recomputes what depends on it
            conn.execute(s.grades.delete().where(s.grades.c.source == source))
            conn.execute(s.grades.insert().values(source=source, reliability=letter, note=note))

    def add_agreement(self, agreement_id: str, data: dict[str, Any]) -> None:
        with self._writing() as conn:
            self._mark_stale(conn)  # the knowledge base recomputes what depends on it
            conn.execute(s.agreements.delete().where(s.agreements.c.id == agreement_id))
            conn.execute(s.agreements.insert().values(id=agreement_id, data=data))

    def agreements(self) -> list[dict[str, Any]]:
        with self._connect() as conn:
            return [dict(_json(r[0])) for r in conn.execute(sa.select(s.agreements.c.data).order_by(s.agreements.c.id))]

    def grades(self) -> dict[str, str]:
        with self._connect() as conn:
            return {r[0]: r[1] for r in conn.execute(sa.select(s.grades.c.source, s.grades.c.reliability))}

    def timeline(self, documents: list[str] | None = None) -> list[TimeExpression]:
        t = s.timexes
        q = sa.select(t).order_by(t.c.document, t.c.start)
        if documents is not None:
            q = q.where(self._among(t.c.document, documents))
        with self._connect() as conn:
            return [
                TimeExpression(r["id"], r["document"], r["text"], (r["start"], r["end"]), r["date"], r["precision"])
                for r in conn.execute(q).mappings().all()
            ]

    def analysis(self, document_ids: list[str] | None = None) -> Analysis:
        """The analysis of some stored documents (all when None), in the shape of the JSON contract."""
        docs = self.documents(ids=document_ids)
        ids = [d.id for d in docs]
        mentions = self.mentions(documents=ids)
        attributions = self.attributions(documents=ids)
        quantities = self.quantities(documents=ids)
        actor_ids = {m.actor for m in mentions}
        actor_ids |= {a.speaker.actor for a in attributions if a.speaker.actor}
        actor_ids |= {q.of for q in quantities if q.of}
        claims = self.claims(documents=ids)
        actor_ids |= {x for c in claims for x in (c.subject, c.object) if x}
        actors = self.actors(ids=sorted(actor_ids)) if actor_ids else []
        order = {d.id: i for i, d in enumerate(docs)}
        timeline = sorted(self.timeline(documents=ids), key=lambda t: (t.date or "", order.get(t.document, 0), t.span))
        return Analysis(
            documents=docs,
            actors=actors,
            mentions=mentions,
            attributions=attributions,
            quantities=quantities,
            timeline=timeline,
            claims=claims,
            events=[e.to_dict() for e in self.events(documents=ids)],
        )


    # -- derived tables (kept by claimgraph.analysis.knowledge) ---------------------------

    def replace_derived(self, table: str, scopes: Iterable[str], rows: list[dict[str, Any]], links: list[dict[str, Any]] | None = None) -> None:
        """Replace the rows of ``table`` whose scope is one of ``scopes`` by ``rows`` (in the
        caller's transaction when there is one). Relations are scoped by their id, timeline
        entries by their document. ``links``: contradiction_actors rows of the new contradictions."""
        t = s.tables[table]
        key = t.c.id if table == "relations" else t.c.document if table in ("timeline", "pledges") else t.c.scope
        scopes = sorted(set(scopes))
        if not scopes and not rows and not links:
            return
        with self._writing() as conn:
            for part in _chunks(scopes, 500):
                if table == "contradictions":
                    ca = s.contradiction_actors
                    conn.execute(ca.delete().where(ca.c.contradiction.in_(sa.select(t.c.id).where(key.in_(part)))))
                conn.execute(t.delete().where(key.in_(part)))
            if rows:
                unique = list({r["id"]: r for r in rows}.values())
                for i in range(0, len(unique), 1000):
                    conn.execute(self._insert_ignore(t), sorted(unique[i : i + 1000], key=lambda r: str(r["id"])))
            if links:
                unique_links = sorted({(x["actor"], x["contradiction"]): x for x in links}.values(), key=lambda x: (x["actor"], x["contradiction"]))
                conn.execute(self._insert_ignore(s.contradiction_actors), unique_links)

    def lock_derived(self) -> None:
        """Take the derived tables for this transaction: on PostgreSQL, two writers that update
        the same relation would each compute it without the other's uncommitted claims, so their
        derived updates run one after the other (a transaction-scoped advisory lock; the second
        then reads what the first committed). SQLite has one writer at a time already."""
        if self.dialect == "postgresql":
            with self._writing() as conn:
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _DERIVED_LOCK})

    def clear_derived(self) -> None:
        with self._writing() as conn:
            for name in s.DERIVED_TABLES:
                conn.execute(s.tables[name].delete())

    @contextmanager
    def _writing(self) -> Iterator[sa.Connection]:
        tx: sa.Connection | None = getattr(self._local, "tx", None)
        if tx is not None:
            yield tx
            return
        with self.engine.begin() as conn:
            self._local.tx = conn
            try:
                yield conn
            finally:
                self._local.tx = None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction for everything done inside (reads included)."""
        with self._writing():
            yield

    def derived_rows(
        self, table: str, where: dict[str, Any] | None = None, scopes: Iterable[str] | None = None,
        order: Sequence[str] = ("id",), limit: int | None = None, offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Rows of a derived table, ``where`` column equals value (a ``(op, value)`` pair for
        ``<=``/``>=``), in ``order``, paged in SQL."""
        t = s.tables[table]
        q = self._where(t, sa.select(t), where)
        if scopes is not None:
            q = q.where(self._among(t.c.scope, list(scopes)))
        q = q.order_by(*[t.c[o] for o in order])
        if limit is not None:
            q = q.limit(limit).offset(offset)
        with self._connect() as conn:
            return [dict(r) for r in conn.execute(q).mappings().all()]

    def _where(self, t: sa.Table, q: Any, where: dict[str, Any] | None) -> Any:
        """``q`` filtered: a column equal to a value, among a list, or ``(op, value)`` for <=, >=, !=."""
        for column, value in (where or {}).items():
            if isinstance(value, tuple):
                op, v = value
                q = q.where(t.c[column] <= v if op == "<=" else t.c[column] >= v if op == ">=" else t.c[column] != v)
            elif isinstance(value, list):
                q = q.where(self._among(t.c[column], value))
            else:
                q = q.where(t.c[column] == value)
        return q

    def count_rows(self, table: str, where: dict[str, Any] | None = None, cap: int | None = None) -> int:
        """How many rows match, counting at most ``cap`` (a page's total need not scan a million rows)."""
        t = s.tables[table]
        q = self._where(t, sa.select(sa.literal(1)).select_from(t), where)
        if cap is not None:
            q = q.limit(cap)
        with self._connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(q.subquery())).scalar_one())

    def relations_of_actor(self, actor: str, predicate: str | None, max_credibility: int, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
        """An actor's relations (as subject or object) in relation order, and how many."""
        t = s.relations
        q = sa.select(t).where(sa.or_(t.c.subject == actor, t.c.object == actor), t.c.credibility <= max_credibility)
        if predicate:
            q = q.where(t.c.predicate == predicate)
        with self._connect() as conn:
            total = int(conn.execute(sa.select(sa.func.count()).select_from(q.subquery())).scalar_one())
            rows = conn.execute(q.order_by(t.c.subject, t.c.predicate, t.c.object).limit(limit).offset(offset)).mappings().all()
        return [dict(r) for r in rows], total

    def contradiction_ids_of(self, actor: str) -> list[str]:
        ca = s.contradiction_actors
        with self._connect() as conn:
            return [r[0] for r in conn.execute(sa.select(ca.c.contradiction).where(ca.c.actor == actor).order_by(ca.c.contradiction))]

    def claims_between(
        self, predicate: str, polarity: str, subjects: Sequence[str] | None, objects: Sequence[str] | None
    ) -> list[Claim]:
        """Claims of a predicate and polarity with a subject among ``subjects`` (any when None)
        and an object among ``objects`` or none at all (any object when None)."""
        t = s.claims
        q = sa.select(*_CLAIM_COLUMNS).where(t.c.predicate == predicate, t.c.polarity == polarity, t.c.subject.is_not(None))
        if subjects is not None:
            q = q.where(self._among(t.c.subject, list(subjects)))
        if objects is not None:
            q = q.where(sa.or_(self._among(t.c.object, list(objects)), t.c.object.is_(None)))
        with self._connect() as conn:
            return [_claim(r) for r in conn.execute(q).all()]

    def claims_where(self, **filters: Any) -> list[Claim]:
        """Claims whose columns are among the given values: ``object=[...]``, ``attribution=[...]``,
        ``subject=[...]``, ``document=[...]``, ``polarity="negated"``, ``predicate=[...]``."""
        t = s.claims
        q = sa.select(*_CLAIM_COLUMNS)
        for column, values in filters.items():
            if isinstance(values, (list, set, tuple, frozenset)):
                values = sorted(values)
                if not values:
                    return []
                q = q.where(self._among(t.c[column], values))
            elif values is None:
                q = q.where(t.c[column].is_(None))
            else:
                q = q.where(t.c[column] == values)
        with self._connect() as conn:
            return [_claim(r) for r in conn.execute(q.order_by(t.c.document, t.c.start, t.c.id)).all()]

    def quantities_of(self, actors: list[str]) -> list[Quantity]:
        t = s.quantities
        q = sa.select(t).where(self._among(t.c.of, actors)).order_by(t.c.document, t.c.start)
        with self._connect() as conn:
            return [
                Quantity(r["id"], r["document"], r["text"], (r["start"], r["end"]), r["min"], r["max"], r["unit"], bool(r["approximate"]), r["of"])
                for r in conn.execute(q).mappings().all()
            ]

    def attribution_ids_of_speakers(self, speakers: list[str]) -> list[str]:
        t = s.attributions
        with self._connect() as conn:
            return [r[0] for r in conn.execute(sa.select(t.c.id).where(self._among(t.c.speaker_actor, speakers)))]

    def unnamed_speakers(self) -> list[tuple[str, str | None, str | None]]:
        """(attribution id, description, text) of every attribution without a speaker actor."""
        t = s.attributions
        with self._connect() as conn:
            return [(r[0], r[1], r[2]) for r in conn.execute(
                sa.select(t.c.id, t.c.speaker_description, t.c.speaker_text).where(t.c.speaker_actor.is_(None))
            )]

    def new_roles(self, document: str) -> list[str]:
        """Actors given a role first by this document (their speakers' grades may change)."""
        t = s.roles
        with self._connect() as conn:
            return sorted({r[0] for r in conn.execute(sa.select(t.c.actor).where(t.c.document == document))})

    def documents_in_reports(self, reports: list[str]) -> list[str]:
        d = s.documents
        with self._connect() as conn:
            return [r[0] for r in conn.execute(sa.select(d.c.id).where(self._among(d.c.report, reports)))]

    def all_ids(self, table: str, column: str = "id") -> list[str]:
        """Every distinct value of a column, in order (rebuilding derived tables), read in the
        caller's transaction when there is one (an in-memory store has one connection only)."""
        t = s.tables[table]
        with self._connect() as conn:
            return [str(r[0]) for r in conn.execute(sa.select(t.c[column]).where(t.c[column].is_not(None)).distinct().order_by(t.c[column]))]

    def derived_by_ids(self, table: str, ids: list[str]) -> list[dict[str, Any]]:
        t = s.tables[table]
        with self._connect() as conn:
            rows = [dict(r) for part in _chunks(sorted(ids), 500) for r in conn.execute(sa.select(t).where(t.c.id.in_(part))).mappings()]
        return sorted(rows, key=lambda r: str(r["id"]))

    def timeline_page(
        self, date_from: str | None, date_to: str | None, limit: int, offset: int, cap: int
    ) -> tuple[list[TimeExpression], int]:
        """Timeline entries in date order (``date_to`` may be a year or month: "2021" takes all of 2021)."""
        t = s.timeline
        q = sa.select(t)
        if date_from:
            q = q.where(t.c.date >= date_from)
        if date_to:
            q = q.where(sa.func.substr(t.c.date, 1, len(date_to)) <= date_to)
        with self._connect() as conn:
            rows = conn.execute(q.order_by(t.c.date, t.c.document, t.c.start).limit(limit).offset(offset)).mappings().all()
            total = int(conn.execute(sa.select(sa.func.count()).select_from(q.limit(cap).subquery())).scalar_one())
        return [
            TimeExpression(r["id"], r["document"], r["text"], (r["start"], r["end"]), r["date"], r["precision"], kind=r["kind"])
            for r in rows
        ], total

    def timeline_entries(self, documents: list[str]) -> list[TimeExpression]:
        """The timeline entries (dates, dated claims and events) of some documents, in date order."""
        t = s.timeline
        with self._connect() as conn:
            rows = [r for part in _chunks(sorted(documents), 500) for r in conn.execute(sa.select(t).where(t.c.document.in_(part))).mappings()]
        rows.sort(key=lambda r: (r["date"], r["document"], r["start"], r["end"]))
        return [TimeExpression(r["id"], r["document"], r["text"], (r["start"], r["end"]), r["date"], r["precision"], kind=r["kind"]) for r in rows]

    def earliest_published(self) -> str | None:
        with self._connect() as conn:
            value = conn.execute(sa.select(sa.func.min(s.documents.c.published))).scalar()
            return None if value is None else str(value)

    def documents_published(self, date: str) -> int:
        with self._connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(s.documents).where(s.documents.c.published == date)).scalar_one())

    def docs_of_speakers_and_parties(self, actors: list[str]) -> list[str]:
        """Documents in which these actors speak or are a party to a claim."""
        if not actors:
            return []
        a, c = s.attributions, s.claims
        with self._connect() as conn:
            docs = {r[0] for r in conn.execute(sa.select(a.c.document).where(self._among(a.c.speaker_actor, actors)).distinct())}
            docs |= {r[0] for r in conn.execute(sa.select(c.c.document).where(self._among(c.c.subject, actors)).distinct())}
            docs |= {r[0] for r in conn.execute(sa.select(c.c.document).where(self._among(c.c.object, actors)).distinct())}
        return sorted(docs)

    def latest_published(self) -> str | None:
        with self._connect() as conn:
            value = conn.execute(sa.select(sa.func.max(s.documents.c.published))).scalar()
            return None if value is None else str(value)


def _pair(value: Any) -> tuple[int, int]:
    return (int(value[0]), int(value[1]))


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _reason(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig or exc).strip().splitlines()[0]
