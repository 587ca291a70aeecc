"""The command line: analyze/ingest/actors/show/quotes, formats, exit codes, one line per bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli import cli

FIXTURES = Path(__file__).parent / "fixtures"
pytestmark = pytest.mark.model


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.db")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_analyze_json_contract(db: str) -> None:
    code, out, _ = run("analyze", str(FIXTURES / "wire.txt"), "--format", "json", "--db", db)
    assert code == 0
    data = json.loads(out)
    (doc,) = data["documents"]
    assert doc["published"] == "2022-06-03" and "Share this article" in doc["dropped"]
    actors = {a["id"]: a for a in data["actors"]}
    ferri = [a for a in actors.values() if a["name"] == "Paolo Ferri"][0]
    assert ferri["type"] == "person" and any("coordinator" in r["title"] for r in ferri["roles"])
    quote = [a for a in data["attributions"] if "systematic and deliberate" in a["content"]][0]
    assert quote["direct"] is True and actors[quote["speaker"]["actor"]]["name"] == "Paolo Ferri"
    anonymous = [a for a in data["attributions"] if a["speaker"]["anonymous"]]
    assert any("commanders" in (a["speaker"]["description"] or "") for a in anonymous)
    q = [q for q in data["quantities"] if q["text"].startswith("between 150") or "150 and 200" in q["text"]][0]
    assert (q["min"], q["max"]) == (150, 200)
    assert any(t["text"] == "Thursday" and t["date"] == "2022-06-02" for t in data["timeline"])
    # ids are stable: the same input gives the same JSON
    code2, out2, _ = run("analyze", str(FIXTURES / "wire.txt"), "--format", "json", "--db", db)
    assert out2 == out


def test_ingest_summary_and_bad_inputs(db: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, out, err = run("ingest", str(FIXTURES / "wire.txt"), str(bad), str(empty), str(tmp_path / "missing.txt"), "--db", db)
    assert code == 1
    failed = [line for line in err.splitlines() if line.startswith("failed")]
    assert len(failed) == 3
    assert any(str(bad) in line and "binary" in line for line in failed)
    assert "added 1, skipped 0, failed 3" in err
    code, _, err = run("ingest", str(FIXTURES / "wire.txt"), "--db", db)
    assert code == 0 and "added 0, skipped 1, failed 0" in err


def test_listings(db: str) -> None:
    run("ingest", str(FIXTURES / "wire.txt"), str(FIXTURES / "page.html"), "--db", db)
    code, out, _ = run("actors", "--db", db, "--format", "json")
    names = {a["name"] for a in json.loads(out)}
    assert {"Paolo Ferri", "Omar Haddad", "Ingrid Sol"} <= names
    code, out, _ = run("show", "Ferri", "--db", db)
    assert code == 0 and "Paolo Ferri" in out and "systematic and deliberate" in out
    code, out, _ = run("quotes", "--speaker", "Ingrid Sol", "--db", db, "--format", "json")
    assert [q["content"] for q in json.loads(out)] and all("Sol" in (q["speaker"]["text"] or "") for q in json.loads(out))
    code, _, err = run("show", "Nobody Atall", "--db", db)
    assert code == 1 and "no actor named" in err


def test_text_and_markdown_output(db: str) -> None:
    code, out, _ = run("analyze", str(FIXTURES / "wire.txt"), "--db", db)
    assert code == 0 and "Who said what" in out and "Paolo Ferri" in out
    code, out, _ = run("analyze", str(FIXTURES / "wire.txt"), "--db", db, "--format", "markdown")
    assert out.startswith("# claimgraph analysis")


def test_bad_published_option(db: str) -> None:
    code, _, err = run("analyze", str(FIXTURES / "wire.txt"), "--published", "someday", "--db", db)
    assert code == 2 and "not a date" in err


def test_the_command_line_starts_without_the_store_or_the_pipeline() -> None:
    # `ingest --workers` starts the workers' model loading before it imports the store,
    # and `--help` should be instant: neither works if importing the CLI pulls them in
    code = "import sys, claimgraph.cli; print(sorted(m for m in ('sqlalchemy', 'spacy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_every_command_has_an_example() -> None:
    for name, command in cli.commands.items():
        subs = getattr(command, "commands", {name: command})
        for sub in subs.values():
            assert "Example:" in (sub.help or ""), sub.name


def test_grade_override_is_kept(db: str) -> None:
    run("ingest", str(FIXTURES / "wire.txt"), "--db", db)
    code, _, err = run("grade", "Paolo Ferri", "a", "--note", "checked", "--db", db)
    assert code == 0 and "reliability A" in err
    from claimgraph import Store

    with Store(db) as store:
        assert list(store.grades().values()) == ["A"]
    code, _, err = run("grade", "Paolo Ferri", "Z", "--db", db)
    assert code == 2


def test_agreements_add_validates(db: str, tmp_path: Path) -> None:
    good = tmp_path / "truce.yaml"
    good.write_text(
        "id: norland-truce\nname: Norland truce\nsigned: 2022-04-01\nparties: [Norland, Red Ridge Front]\n"
        "obligations:\n  - obligor: Red Ridge Front\n    text: leave the villages\n    due: 2022-07-01\n",
        encoding="utf-8",
    )
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\nname: y\nparties: [A]\nobligations: []\n", encoding="utf-8")
    code, _, err = run("agreements", "add", str(good), "--db", db)
    assert code == 0 and "norland-truce" in err
    code, _, err = run("agreements", "add", str(bad), "--db", db)
    assert code == 1 and str(bad) in err and "two parties" in err
    code, out, _ = run("agreements", "list", "--db", db)
    assert "doha-2020" in out and "norland-truce" in out


def test_analyze_keeps_nothing_unless_told(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLAIMGRAPH_DB", raising=False)
    code, out, _ = run("analyze", str(FIXTURES / "wire.txt"))
    assert code == 0 and "Paolo Ferri" in out
    assert list(tmp_path.iterdir()) == []  # no ./claimgraph.db


def test_documents_heading_counts_documents_not_dropped_lines(db: str) -> None:
    code, out, _ = run("analyze", str(FIXTURES / "wire.txt"), "--db", db)
    assert code == 0 and "  dropped: " in out  # the wire story has page furniture
    assert "== Documents (1)" in out


def test_control_characters_never_reach_the_terminal(tmp_path: Path, db: str) -> None:
    evil = "\x1b]0;owned\x07\x1b[31mRed\x1b[0m \x9b2J \u202egnp.exe"
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"title": evil, "text": f"{evil}\n\nOfficials said on Monday that talks in Dara would resume."}) + "\n"
        + json.dumps({"title": 5, "text": "x"}) + "\n",
        encoding="utf-8",
    )
    unsafe = ("\x1b", "\x07", "\x9b", "\u202e")
    for fmt in ("text", "markdown", "json"):
        code, out, err = run("analyze", str(feed), "--db", db, "--format", fmt)
        assert code == 1  # the second line fails
        assert not any(c in out + err for c in unsafe), fmt
        if fmt == "json":
            assert json.loads(out)["documents"][0]["title"] == evil  # escaped for the terminal, still the same JSON
        else:
            assert "\\x1b" in out and "owned" in out
    for args in (["actors"], ["quotes"], ["ingest", str(feed)]):
        code, out, err = run(*args, "--db", db)
        assert not any(c in out + err for c in unsafe), args


def test_jsonl_field_errors_are_one_line_naming_line_and_field(tmp_path: Path, db: str) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [json.dumps({"text": f"Story {i}: talks in Dara resumed on Monday.", "title": f"Story {i}"}) for i in range(5)]
    lines.insert(2, json.dumps({"text": "A story.", "title": {"nested": True}}))
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run("ingest", str(feed), "--db", db)
    assert code == 1 and "added 5, skipped 0, failed 1" in err
    (failed,) = [line for line in err.splitlines() if line.startswith("failed")]
    assert failed == f"failed {feed}:3: field 'title' is an object, not a string"


def _damage(db: str) -> None:
    """Overwrite the root pages of the fact tables: the schema still reads, the facts do not."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        roots = dict(conn.execute("SELECT name, rootpage FROM sqlite_master WHERE name IN ('actors', 'attributions', 'claims', 'mentions')"))
        page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(db, "r+b") as fh:
        for root in roots.values():
            fh.seek((root - 1) * page)
            fh.write(b"\xff" * 64)


def test_read_commands_on_a_damaged_store_say_so_in_one_line(db: str) -> None:
    run("ingest", str(FIXTURES / "wire.txt"), str(FIXTURES / "page.html"), "--db", db)
    _damage(db)
    for args in (["actors"], ["quotes"], ["show", "Ferri"], ["export"], ["brief", "Ferri"]):
        result = CliRunner().invoke(cli, [*args, "--db", db])
        assert result.exit_code == 1, (args, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, (args, result.stderr)
        assert db in lines[0] and "malformed" in lines[0] and ".recover" in lines[0], lines[0]
