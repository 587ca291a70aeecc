"""Page furniture: located as spans, recorded as dropped, raw text unchanged."""

from __future__ import annotations

from claimgraph.ingest import RawInput, blank_spans, document_from_text, find_furniture

TEXT = (
    "Ministers meet over truce\n\n"
    "The ministers met in Vienna on Monday.\n\n"
    "Delegates pose for a photo before the meeting on November 21.John Doe / Pool / AFP via Getty Images\n\n"
    "Ministers meet over truce 2\n\n"
    "Leave a Comment\n"
    "Share this article\n"
)


def test_glued_credit_widgets_and_repeated_headline_are_dropped() -> None:
    doc = document_from_text(RawInput(text=TEXT, source="t"))
    assert doc.text == TEXT
    assert "John Doe / Pool / AFP via Getty Images" in doc.dropped
    assert "Ministers meet over truce 2" in doc.dropped
    assert "Leave a Comment" in doc.dropped and "Share this article" in doc.dropped
    # the caption itself reports who met where, and stays
    assert not any("Delegates pose" in d for d in doc.dropped)
    for (start, end), line in zip(doc.dropped_spans, doc.dropped, strict=False):
        assert TEXT[start:end] == line


def test_headline_itself_and_prose_are_never_furniture() -> None:
    text = "Share prices fall\n\nShare prices fell sharply on Monday, traders said.\n"
    assert find_furniture(text, "Share prices fall") == []


def test_blank_spans_keeps_offsets_and_line_breaks() -> None:
    text = "abc\ndef\nghi"
    out = blank_spans(text, [(2, 6)])
    assert len(out) == len(text) and out == "ab \n  f\nghi"
