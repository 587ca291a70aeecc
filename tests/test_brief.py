"""The brief: sections, citations of document and span, escaping in HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli import cli

pytestmark = pytest.mark.model

TEXT = (
    "Hezbollah keeps close ties with Hamas <script>alert(1)</script>\n\n"
    "BEIRUT (Reuters) - Hezbollah has close ties with Hamas, a UN monitoring team said on Monday.\n\n"
    "“There is clearly a close relationship between Hamas and Hezbollah,” said Maria Lopez, the coordinator of the team.\n\n"
    "Hezbollah denied that it had ties with Hamas."
)


def test_brief_markdown_and_html(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "kb.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(src), "--db", db, "--published", "2024-01-10"]).exit_code == 0
    md = runner.invoke(cli, ["brief", "Hezbollah", "--with", "Hamas", "--db", db])
    assert md.exit_code == 0, md.output
    out = md.stdout
    assert "## Relationships and evidence" in out and "## Contradictions" in out
    assert "credibility" in out and "Maria Lopez" in out
    assert "[Hezbollah keeps close ties with Hamas" in out  # citation: document title and span
    html_out = tmp_path / "b.html"
    res = runner.invoke(cli, ["brief", "Hezbollah", "--db", db, "--format", "html", "-o", str(html_out)])
    assert res.exit_code == 0
    page = html_out.read_text(encoding="utf-8")
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    missing = runner.invoke(cli, ["brief", "Nobody Here", "--db", db])
    assert missing.exit_code == 1 and "no actor named" in missing.stderr
