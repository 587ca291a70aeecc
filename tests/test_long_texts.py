"""Long texts in pieces, and a document that fails costing only itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimgraph import Store, ingest
from claimgraph.errors import NLPError
from claimgraph.ingest import RawInput, document_from_text
from claimgraph.model import Document
from claimgraph.nlp import analyze_docs
from claimgraph.nlp import extract as ex
from claimgraph.nlp.extract import split_text

PARAGRAPH = (
    "Commander Ali Rahimi said on Monday that {n} fighters had left the village of Dara. "
    "\u201cWe will not return,\u201d said Maria Lopez, a spokeswoman for the Eastern Front. "
    "Officials said 120 families had fled since March 3, 2024."
)


def _long_text(paragraphs: int) -> str:
    return "Fighting around Dara\n\n" + "\n\n".join(PARAGRAPH.format(n=i + 2) for i in range(paragraphs))


@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=400), st.integers(min_value=8, max_value=60))
def test_split_text_covers_the_text_in_order_within_the_limit(text: str, limit: int) -> None:
    spans = split_text(text, limit)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert all(0 < e - s <= limit for s, e in spans) or text == ""


def test_split_text_cuts_at_paragraphs_first() -> None:
    text = "aaaa bbbb.\n\ncccc dddd.\n\neeee"
    assert [text[s:e] for s, e in split_text(text, 14)] == ["aaaa bbbb.\n\n", "cccc dddd.\n\n", "eeee"]


@pytest.mark.model
def test_a_long_text_is_analysed_in_pieces_with_spans_into_the_whole(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    text = _long_text(40)
    doc = document_from_text(RawInput(text=text, source="long"))
    whole = next(analyze_docs(nlp, [doc]))
    monkeypatch.setattr(ex, "CHUNK_CHARS", 2_000)  # about eight paragraphs a piece
    # the model's own limit, lowered under the text: before pieces, this was spaCy's E088 for the whole batch
    monkeypatch.setattr(nlp, "max_length", 5_000)
    pieces = next(analyze_docs(nlp, [doc]))
    assert len(split_text(text, 2_000)) > 4
    assert pieces.document is doc
    for a in pieces.attributions:
        assert text[a.span[0] : a.span[1]] == a.content and a.document == doc.id
        if a.speaker.span:
            assert text[a.speaker.span[0] : a.speaker.span[1]] == a.speaker.text
    for m in pieces.mentions:
        assert text[m.span[0] : m.span[1]] == m.text
    for q in pieces.quantities:
        assert text[q.span[0] : q.span[1]] == q.text
    for c in pieces.claims:
        assert text[c.span[0] : c.span[1]] == c.text
    # paragraphs are cut whole, so each piece finds what the whole text gives
    assert [(a.span, a.content) for a in pieces.attributions] == [(a.span, a.content) for a in whole.attributions]
    assert [(q.span, q.min) for q in pieces.quantities] == [(q.span, q.min) for q in whole.quantities]
    assert {a.id for a in pieces.actors} == {a.id for a in whole.actors}
    ids = [x.id for x in (*pieces.attributions, *pieces.quantities, *pieces.claims, *pieces.timeline, *pieces.events)]
    assert len(ids) == len(set(ids))
    assert [a.id for a in pieces.attributions] == [a.id for a in whole.attributions]
    # the same text twice gives the same ids
    again = next(analyze_docs(nlp, [doc]))
    assert [c.id for c in again.claims] == [c.id for c in pieces.claims]


@pytest.mark.model
def test_a_text_too_long_for_any_use_is_refused_alone(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ex, "MAX_CHARS", 1_000)
    docs = [document_from_text(RawInput(text=t, source=s)) for t, s in [("A short story.", "a"), (_long_text(10), "big"), ("Another one.", "c")]]
    failed: list[tuple[str, Exception]] = []
    done = list(analyze_docs(nlp, docs, on_error=lambda d, e: failed.append((d.source, e))))
    assert [a.document.source for a in done] == ["a", "c"]
    ((source, exc),) = failed
    assert source == "big" and isinstance(exc, NLPError) and "too long to analyse" in str(exc)
    with pytest.raises(NLPError):
        list(analyze_docs(nlp, docs))  # without on_error the caller hears of it


def _explode_on(word: str, monkeypatch: pytest.MonkeyPatch) -> None:
    real = ex.doc_to_analysis

    def flaky(doc: Any, document: Document) -> Any:
        if word in document.text:
            raise RuntimeError("a component broke\non two lines")
        return real(doc, document)

    monkeypatch.setattr(ex, "doc_to_analysis", flaky)


@pytest.mark.model
def test_a_document_that_breaks_the_pipeline_costs_only_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _explode_on("KABOOM", monkeypatch)
    feed = tmp_path / "feed.jsonl"
    texts = [f"Story {i}: the talks resumed in Dara on Monday." for i in range(6)]
    texts[2] = "Story 2: KABOOM went the talks."
    feed.write_text("\n".join(f'{{"text": "{t}"}}' for t in texts) + "\n", encoding="utf-8")
    events: list[Any] = []
    with Store(str(tmp_path / "kb.db")) as store:
        summary = ingest([str(feed)], store, on_event=events.append)
        assert (summary.added, summary.failed) == (5, 1)
        assert store.count("documents") == 5
    (bad,) = [e for e in events if e.status == "failed"]
    assert bad.source == f"{feed}:3" and bad.error == "analysis failed (RuntimeError: a component broke)"
    # the rerun, with the fault gone, adds the one that failed
    monkeypatch.undo()
    with Store(str(tmp_path / "kb.db")) as store:
        again = ingest([str(feed)], store)
    assert (again.added, again.skipped, again.failed) == (1, 5, 0)


@pytest.mark.model
@pytest.mark.slow
def test_a_text_over_a_million_characters_is_stored_with_the_rest_of_its_batch(tmp_path: Path) -> None:
    # the case that ended a whole run with spaCy's E088 before: nothing of the batch was stored
    (tmp_path / "a.txt").write_text("Talks resume in Dara\n\nThe talks resumed on Monday, officials said.\n", encoding="utf-8")
    big = _long_text(4_600)
    assert len(big) > 1_000_000
    (tmp_path / "b.txt").write_text(big, encoding="utf-8")
    (tmp_path / "c.txt").write_text("Ceasefire holds\n\nThe ceasefire held overnight, a spokesman said.\n", encoding="utf-8")
    with Store(str(tmp_path / "kb.db")) as store:
        summary = ingest([str(tmp_path)], store)
        assert (summary.added, summary.failed) == (3, 0), summary.errors
        doc_id = Document.id_for(big)
        an = store.analysis([doc_id])
    assert len(an.attributions) >= 4_600 * 2 - 10
    assert all(big[a.span[0] : a.span[1]] == a.content for a in an.attributions)
