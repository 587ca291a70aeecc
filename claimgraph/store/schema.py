"""The database schema (SQLAlchemy Core) and its migrations.

The schema version lives in the ``meta`` table. A new database gets the
current schema in one go; an older one runs the migrations from its version
up, each in its own transaction.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

__all__ = ["DERIVED_TABLES", "SCHEMA_VERSION", "metadata", "MIGRATIONS", "tables"]

SCHEMA_VERSION = 7

metadata = sa.MetaData()

meta = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(10), index=True),
    sa.Column("published_from", sa.String(16)),
    sa.Column("outlet", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("dropped", sa.JSON, nullable=False),
    sa.Column("dropped_spans", sa.JSON, nullable=False),
    sa.Column("dateline_span", sa.JSON),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.current_timestamp()),
    # the first stored document of the story this one copies (itself when it stands alone):
    # copies of one wire story are one report, one source; decided when the document is stored
    sa.Column("report", sa.String(40)),
    sa.Index("ix_documents_order", "published", "id"),
    sa.Index("ix_documents_report", "report"),
)

actors = sa.Table(
    "actors",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.String(32), nullable=False, index=True),
    sa.Column("kind", sa.String(64)),
    # how often the actor is mentioned, kept by every write: the actor list ranks from an index
    sa.Column("mentions", sa.Integer, nullable=False, server_default="0"),
)
sa.Index("ix_actors_rank", actors.c.mentions.desc(), actors.c.name)

actor_aliases = sa.Table(
    "actor_aliases",
    metadata,
    sa.Column("actor", sa.String(40), sa.ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("alias", sa.Text, primary_key=True),
    sa.Column("key", sa.Text, nullable=False, index=True),
)

roles = sa.Table(
    "roles",
    metadata,
    sa.Column("actor", sa.String(40), sa.ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("title", sa.Text, primary_key=True),
    sa.Column("organization", sa.String(40)),
    sa.Column("organization_name", sa.Text),
    sa.Column("document", sa.String(40), sa.ForeignKey("documents.id", ondelete="CASCADE"), index=True),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("document", sa.String(40), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("start", sa.Integer, primary_key=True),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("actor", sa.String(40), sa.ForeignKey("actors.id"), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("label", sa.String(16), nullable=False),
    # an actor's mentions in document order from the index alone (what others said about it)
    sa.Index("ix_mentions_actor_document", "actor", "document", "start"),
)

attributions = sa.Table(
    "attributions",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("document", sa.String(40), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    sa.Column("content", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("direct", sa.Boolean, nullable=False),
    sa.Column("cue", sa.Text),
    sa.Column("cue_start", sa.Integer),
    sa.Column("cue_end", sa.Integer),
    sa.Column("speaker_actor", sa.String(40), sa.ForeignKey("actors.id"), index=True),
    sa.Column("speaker_text", sa.Text),
    sa.Column("speaker_start", sa.Integer),
    sa.Column("speaker_end", sa.Integer),
    sa.Column("speaker_description", sa.Text),
    sa.Column("anonymous", sa.Boolean, nullable=False),
    sa.Column("affiliation", sa.Text),
    # the attribution around a character offset, found in the index (what others said about an actor)
    sa.Index("ix_attributions_document_span", "document", "start", "end"),
)

quantities = sa.Table(
    "quantities",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("document", sa.String(40), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("min", sa.Float, nullable=False),
    sa.Column("max", sa.Float, nullable=False),
    sa.Column("unit", sa.Text),
    sa.Column("approximate", sa.Boolean, nullable=False),
    sa.Column("of", sa.String(40), sa.ForeignKey("actors.id"), index=True),
)

timexes = sa.Table(
    "timexes",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("document", sa.String(40), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("date", sa.String(10), index=True),
    sa.Column("precision", sa.String(8)),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("document", sa.String(40), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("attribution", sa.String(40), sa.ForeignKey("attributions.id", ondelete="CASCADE"), index=True),
    sa.Column("subject", sa.String(40), sa.ForeignKey("actors.id")),
    sa.Column("predicate", sa.String(64), nullable=False, index=True),
    sa.Column("object", sa.String(40), sa.ForeignKey("actors.id")),
    sa.Column("polarity", sa.String(16), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("hedges", sa.JSON, nullable=False),
    sa.Column("boosters", sa.JSON, nullable=False),
    sa.Column("date", sa.String(10)),
    # the relation the claim belongs to (analysis.relations ids): evidence by one indexed look-up
    sa.Column("relation", sa.String(40), index=True),
    # an actor's relations ranked from the index alone, without reading a claim row
    sa.Index("ix_claims_subject_relation", "subject", "relation"),
    # the claim list in document order, a page from the index
    sa.Index("ix_claims_order", "document", "start", "id"),
    # claims of one predicate between given parties (what a denial meets), not every claim of the predicate
    sa.Index("ix_claims_subject_predicate", "subject", "predicate", "polarity", "object"),
    # the claim list filtered by predicate or polarity, in document order, a page from the index
    sa.Index("ix_claims_predicate_order", "predicate", "document", "start", "id"),
    sa.Index("ix_claims_polarity_order", "polarity", "document", "start", "id"),
    sa.Index("ix_claims_object_relation", "object", "relation"),
)

#: how many claims each actor has in each relation it is party to, kept by every write:
#: an actor page takes its top relations from an index instead of grouping every claim
actor_relations = sa.Table(
    "actor_relations",
    metadata,
    sa.Column("actor", sa.String(40), primary_key=True),
    sa.Column("relation", sa.String(40), primary_key=True),
    sa.Column("claims", sa.Integer, nullable=False),
    sa.Index("ix_actor_relations_rank", "actor", "claims", "relation"),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("document", sa.String(40), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("data", sa.JSON, nullable=False),
)

#: analyst overrides of a source's reliability (Admiralty A-F), kept across runs
grades = sa.Table(
    "grades",
    metadata,
    sa.Column("source", sa.Text, primary_key=True),
    sa.Column("reliability", sa.String(1), nullable=False),
    sa.Column("note", sa.Text),
)

#: agreements a user added (``claimgraph agreements add``), beside the shipped ones
agreements = sa.Table(
    "agreements",
    metadata,
    sa.Column("id", sa.String(128), primary_key=True),
    sa.Column("data", sa.JSON, nullable=False),
)

#: a sample of each document's word 5-grams (those whose hash is 0 modulo SHINGLE_SAMPLE): a
#: copy of a story shares most of its sample with the story, so its candidates are found by index
doc_shingles = sa.Table(
    "doc_shingles",
    metadata,
    sa.Column("hash", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("document", sa.String(40), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
)

# -- derived facts: what analysis computes from the facts above, kept by every write ---------
# Each row belongs to a scope (a relation, a denial, a counted actor, a document, an
# agreement): a write recomputes the scopes it touches and replaces their rows, in the
# same transaction as the document (claimgraph.analysis.knowledge).

relations = sa.Table(
    "relations",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("subject", sa.String(40), nullable=False, index=True),
    sa.Column("predicate", sa.String(64), nullable=False),
    sa.Column("object", sa.String(40), nullable=False, index=True),
    sa.Column("credibility", sa.Integer, nullable=False),
    sa.Column("claims", sa.Integer, nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
    # pages in the order of the whole-store list, filtered by predicate or grade from an index
    sa.Index("ix_relations_order", "subject", "predicate", "object"),
    sa.Index("ix_relations_predicate", "predicate", "subject", "object"),
    sa.Index("ix_relations_credibility", "credibility", "subject", "predicate", "object"),
)

contradictions = sa.Table(
    "contradictions",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("scope", sa.String(100), nullable=False, index=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
)

#: which actors a contradiction is about (its claims' parties): an actor's contradictions by index
contradiction_actors = sa.Table(
    "contradiction_actors",
    metadata,
    sa.Column("actor", sa.String(40), primary_key=True),
    sa.Column("contradiction", sa.String(40), sa.ForeignKey("contradictions.id", ondelete="CASCADE"), primary_key=True),
)

commitments = sa.Table(
    "commitments",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("scope", sa.String(200), nullable=False, index=True),
    sa.Column("status", sa.String(16), nullable=False, index=True),
    # the obligation's place in its agreement: commitments list in the agreement's order
    sa.Column("ordinal", sa.Integer, nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
)

#: what a named speaker pledged to do ("X vowed to free the hostages"): an agreement of one
#: party, found in one document and tracked like the others
pledges = sa.Table(
    "pledges",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("document", sa.String(40), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("party", sa.String(40), nullable=False, index=True),
    sa.Column("data", sa.JSON, nullable=False),
)

#: dates, dated claims and dated events, in date order from the index
timeline = sa.Table(
    "timeline",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("document", sa.String(40), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("date", sa.String(10), nullable=False),
    sa.Column("precision", sa.String(8)),
    sa.Index("ix_timeline_order", "date", "document", "start"),
)

DERIVED_TABLES = ("relations", "contradiction_actors", "contradictions", "commitments", "pledges", "timeline")

tables = {t.name: t for t in metadata.sorted_tables}

def relation_id(subject: str | None, predicate: str, object_: str | None) -> str | None:
    """The id of the relation a claim supports or opposes (None without both parties)."""
    from claimgraph.model import make_id

    if not subject or not object_:
        return None
    return make_id("rel", subject, predicate, object_)


def _v2_claim_relations(conn: sa.Connection) -> None:
    conn.execute(sa.text("ALTER TABLE claims ADD COLUMN relation VARCHAR(40)"))
    conn.execute(sa.text("CREATE INDEX IF NOT EXISTS ix_claims_relation ON claims (relation)"))
    rows = conn.execute(sa.text("SELECT id, subject, predicate, object FROM claims")).fetchall()
    for cid, subj, pred, obj in rows:
        conn.execute(sa.text("UPDATE claims SET relation = :r WHERE id = :id"), {"r": relation_id(subj, pred, obj), "id": cid})


FTS_TABLE = "documents_fts"


#: PostgreSQL: a generated tsvector column of the documents table, with a GIN index
TSV_COLUMN = "tsv"
TS_CONFIG = "english"


def create_fts(conn: sa.Connection) -> None:
    """The full-text index of document titles and texts: FTS5 on SQLite, tsvector on PostgreSQL."""
    if conn.dialect.name == "sqlite":
        conn.execute(sa.text(f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(id UNINDEXED, title, text)"))
    elif conn.dialect.name == "postgresql":
        # generated, so every writer (and psql) keeps it right without claimgraph's help
        conn.execute(sa.text(
            f"ALTER TABLE documents ADD COLUMN IF NOT EXISTS {TSV_COLUMN} tsvector GENERATED ALWAYS AS "
            f"(to_tsvector('{TS_CONFIG}', coalesce(title, '') || ' ' || text)) STORED"
        ))
        conn.execute(sa.text(f"CREATE INDEX IF NOT EXISTS ix_documents_{TSV_COLUMN} ON documents USING gin ({TSV_COLUMN})"))


def _v3_fts(conn: sa.Connection) -> None:
    if conn.dialect.name != "sqlite":
        return
    create_fts(conn)
    if sa.inspect(conn).has_table("documents"):
        conn.execute(sa.text(f"INSERT INTO {FTS_TABLE} (id, title, text) SELECT id, coalesce(title, ''), text FROM documents"))


def _v4_tsvector(conn: sa.Connection) -> None:
    if conn.dialect.name == "postgresql":
        create_fts(conn)


def _v5_covering_indexes(conn: sa.Connection) -> None:
    """Indexes that answer an actor page from the index: claims by party, mentions by actor, spans."""
    have = set(sa.inspect(conn).get_table_names())
    steps = {
        "claims": [
            "CREATE INDEX IF NOT EXISTS ix_claims_subject_relation ON claims (subject, relation)",
            "CREATE INDEX IF NOT EXISTS ix_claims_object_relation ON claims (object, relation)",
            # the composite indexes serve every look-up the single-column ones did
            "DROP INDEX IF EXISTS ix_claims_subject",
            "DROP INDEX IF EXISTS ix_claims_object",
        ],
        "mentions": [
            "CREATE INDEX IF NOT EXISTS ix_mentions_actor_document ON mentions (actor, document, start)",
            "DROP INDEX IF EXISTS ix_mentions_actor",
        ],
        "attributions": [
            'CREATE INDEX IF NOT EXISTS ix_attributions_document_span ON attributions (document, start, "end")',
            "DROP INDEX IF EXISTS ix_attributions_document",
        ],
    }
    for table, statements in steps.items():
        if table in have:
            for statement in statements:
                conn.execute(sa.text(statement))


def _v6_actor_relations(conn: sa.Connection) -> None:
    """The per-actor relation counts, built from the claims already stored."""
    actor_relations.create(conn, checkfirst=True)
    if sa.inspect(conn).has_table("claims"):
        conn.execute(sa.text(
            "INSERT INTO actor_relations (actor, relation, claims) SELECT actor, relation, count(*) FROM ("
            "SELECT subject AS actor, relation FROM claims WHERE relation IS NOT NULL "
            "UNION ALL SELECT object AS actor, relation FROM claims WHERE relation IS NOT NULL"
            ") AS party GROUP BY actor, relation"
        ))


def _v7_derived(conn: sa.Connection) -> None:
    """Report groups, shingle samples, mention counts and the derived tables. The derived tables
    are filled by the analysis layer, not here: the store marks them stale and the knowledge
    base rebuilds them when it opens the store."""
    inspector = sa.inspect(conn)
    have = set(inspector.get_table_names())

    def columns(table: str) -> set[str]:
        return {c["name"] for c in inspector.get_columns(table)} if table in have else set()

    if "documents" in have:
        if "report" not in columns("documents"):
            conn.execute(sa.text("ALTER TABLE documents ADD COLUMN report VARCHAR(40)"))
        conn.execute(sa.text("CREATE INDEX IF NOT EXISTS ix_documents_order ON documents (published, id)"))
        conn.execute(sa.text("CREATE INDEX IF NOT EXISTS ix_documents_report ON documents (report)"))
    if "roles" in have:
        conn.execute(sa.text("CREATE INDEX IF NOT EXISTS ix_roles_document ON roles (document)"))
    if "quantities" in have:
        conn.execute(sa.text('CREATE INDEX IF NOT EXISTS ix_quantities_of ON quantities ("of")'))
    if "claims" in have:
        conn.execute(sa.text("CREATE INDEX IF NOT EXISTS ix_claims_order ON claims (document, start, id)"))
        conn.execute(sa.text("CREATE INDEX IF NOT EXISTS ix_claims_subject_predicate ON claims (subject, predicate, polarity, object)"))
        conn.execute(sa.text("CREATE INDEX IF NOT EXISTS ix_claims_predicate_order ON claims (predicate, document, start, id)"))
        conn.execute(sa.text("CREATE INDEX IF NOT EXISTS ix_claims_polarity_order ON claims (polarity, document, start, id)"))
    if "actors" in have:
        if "mentions" not in columns("actors"):
            conn.execute(sa.text("ALTER TABLE actors ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0"))
        if "mentions" in have:
            conn.execute(sa.text("UPDATE actors SET mentions = (SELECT count(*) FROM mentions m WHERE m.actor = actors.id)"))
        conn.execute(sa.text("CREATE INDEX IF NOT EXISTS ix_actors_rank ON actors (mentions DESC, name)"))
    for table in (doc_shingles, relations, contradictions, contradiction_actors, commitments, pledges, timeline):
        table.create(conn, checkfirst=True)
    conn.execute(meta.delete().where(meta.c.key == "derived"))
    conn.execute(meta.insert().values(key="derived", value="stale"))


#: version -> steps that bring a database at ``version - 1`` to ``version``.
MIGRATIONS: dict[int, list[Callable[[sa.Connection], None]]] = {
    2: [_v2_claim_relations],
    3: [_v3_fts],
    4: [_v4_tsvector],
    5: [_v5_covering_indexes],
    6: [_v6_actor_relations],
    7: [_v7_derived],
}
