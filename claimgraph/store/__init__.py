"""Store: the knowledge base in SQLite (default) or PostgreSQL, via SQLAlchemy Core."""

from claimgraph.store.schema import SCHEMA_VERSION
from claimgraph.store.store import DEFAULT_DB, Store, database_url

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "Store", "database_url"]
