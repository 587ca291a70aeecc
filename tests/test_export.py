"""Exports: STIX 2.1 validates, FtM entities load, GraphML and JSONL round trips hold."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph import Store
from claimgraph.cli import cli
from claimgraph.export import export, import_jsonl

pytestmark = pytest.mark.model
FIXTURES = Path(__file__).parent / "fixtures"
TEXT = (
    "Hezbollah keeps close ties with Hamas\n\n"
    "BEIRUT (Reuters) - Hezbollah has close ties with Hamas, a UN monitoring team said on Monday.\n\n"
    "“There is clearly a close relationship between Hamas and Hezbollah,” said Maria Lopez, the coordinator of the team.\n\n"
    "Omar Haddad, the spokesman of Hamas, denied that Hamas had ties with Hezbollah.\n\n"
    "The team met officials in Lebanon and Qatar."
)


@pytest.fixture
def db(tmp_path: Path) -> str:
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    path = str(tmp_path / "kb.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(src), str(FIXTURES / "wire.txt"), "--db", path, "--published", "2024-01-10"]).exit_code == 0
    assert runner.invoke(cli, ["grade", "Maria Lopez", "B", "--db", path]).exit_code == 0
    return path


def test_stix_bundle_validates_and_is_deterministic(db: str) -> None:
    from stix2validator import validate_instance

    with Store(db) as store:
        first = export(store, "stix")
        second = export(store, "stix")
    assert first == second
    bundle = json.loads(first or "")
    kinds = {o["type"] for o in bundle["objects"]}
    assert {"identity", "threat-actor", "relationship", "report", "note", "location"} <= kinds
    countries = {o["country"] for o in bundle["objects"] if o["type"] == "location"}
    assert {"LB", "QA"} <= countries
    result = validate_instance(bundle)
    assert result.is_valid, [str(e) for e in result.errors]


def test_ftm_entities_load_in_followthemoney(db: str) -> None:
    from followthemoney import model

    with Store(db) as store:
        lines = (export(store, "ftm") or "").splitlines()
    schemas = set()
    for line in lines:
        proxy = model.get_proxy(json.loads(line), cleaned=False)
        schemas.add(proxy.schema.name)
        assert proxy.id
    assert {"Person", "Organization", "Document", "Employment", "UnknownLink"} <= schemas


def test_graphml_round_trip(db: str) -> None:
    import networkx as nx

    with Store(db) as store:
        text = export(store, "graphml") or ""
        analysis = store.analysis()
    g = nx.read_graphml(io.StringIO(text), force_multigraph=True)
    assert set(g.nodes) == {a.id for a in analysis.actors}
    assert g.number_of_edges() > 0 and all("predicate" in d for _, _, d in g.edges(data=True))


def test_jsonl_dump_import_round_trip(db: str, tmp_path: Path) -> None:
    with Store(db) as store:
        dump = export(store, "jsonl") or ""
    path = tmp_path / "dump.jsonl"
    path.write_text(dump, encoding="utf-8")
    with Store(str(tmp_path / "copy.db")) as copy:
        counts = import_jsonl(path, copy)
        again = export(copy, "jsonl")
    assert counts["documents"] == 2 and counts["grades"] == 1
    assert again == dump


def test_csv_tables(db: str, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    result = CliRunner().invoke(cli, ["export", "--format", "csv", "-o", str(out), "--db", db])
    assert result.exit_code == 0
    rows = list(csv.reader((out / "relations.csv").open(encoding="utf-8")))
    assert rows[0][:3] == ["id", "subject", "predicate"] and len(rows) > 1
    missing = CliRunner().invoke(cli, ["export", "--format", "csv", "--db", db])
    assert missing.exit_code == 1 and "directory" in missing.stderr
