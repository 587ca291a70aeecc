"""Write tests/fixtures/derived/expected.json: the relations, contradictions and commitments
that the whole-store analysis (``enrich``, in memory) gives for the bundled examples and the
texts of tests/fixtures/derived, with the example agreement added.

tests/test_knowledge.py holds the knowledge base's derived tables to this file. Run it again
when a change to the analysis rules is meant to change what they find, and read the diff:

    .venv/bin/python tools/derived_fixture.py && git diff tests/fixtures/derived/expected.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_knowledge import DERIVED, _agreement, _fill, _paths  # noqa: E402

from claimgraph import Store  # noqa: E402
from claimgraph.analysis import enrich  # noqa: E402


def main() -> None:
    with Store(":memory:") as store:
        _fill(store, _paths())
        store.add_agreement("zamora-ceasefire-2023", _agreement())
        whole = enrich(store.analysis(), store.grades(), store.agreements())
    out = {"relations": whole.relations, "contradictions": whole.contradictions, "commitments": whole.commitments}
    (DERIVED / "expected.json").write_text(json.dumps(out, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
