"""The spaCy pipeline: factories, extension attributes, components on hand-built Docs."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from claimgraph.nlp import COMPONENTS, register_extensions
from claimgraph.nlp.pipeline import ParagraphBreaks


def test_factories_are_registered_with_prefixed_names() -> None:
    for name in (*COMPONENTS, "claimgraph_paragraphs", "claimgraph_verb_lemmas"):
        assert name.startswith("claimgraph_")
        assert spacy.Language.has_factory(name)


def test_extensions_registered_once() -> None:
    register_extensions()
    register_extensions()
    assert Doc.has_extension("cg_attributions")


def test_paragraph_breaks_on_a_hand_built_doc() -> None:
    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=["Headline", "\n\n", "Body", "text", "."], spaces=[False, False, True, False, False])
    ParagraphBreaks()(doc)
    assert doc[2].is_sent_start is True
    assert doc[3].is_sent_start is not True


@pytest.mark.model
def test_loaded_pipeline_order(nlp) -> None:  # type: ignore[no-untyped-def]
    names = nlp.pipe_names
    assert names.index("claimgraph_paragraphs") < names.index("parser")
    assert names[-len(COMPONENTS) :] == list(COMPONENTS)


@pytest.mark.model
def test_components_declare_what_they_assign_and_need(nlp) -> None:  # type: ignore[no-untyped-def]
    analysis = nlp.analyze_pipes(pretty=False)
    assert {name: missing for name, missing in analysis["problems"].items() if missing} == {}
    summary = analysis["summary"]
    assert summary["claimgraph_actors"]["assigns"] == ["doc._.cg_actors", "doc._.cg_mentions", "doc._.cg_token_actor"]
    assert "doc._.cg_actors" in summary["claimgraph_quotes"]["requires"]
    assert all(summary[name]["assigns"] for name in summary if name.startswith("claimgraph_"))


@pytest.mark.model
def test_components_keep_no_state_of_the_last_document(nlp) -> None:  # type: ignore[no-untyped-def]
    """Per-document state lives in locals (or a copy made for the document), never on a
    component the pipeline shares across documents and threads."""
    before = {name: dict(vars(pipe)) for name, pipe in nlp.pipeline if name.startswith("claimgraph_")}
    nlp("Zamora accused the Eastern Shield Brigades of attacking Dara. The Brigades denied it, said Maria Lopez.")
    after = {name: dict(vars(pipe)) for name, pipe in nlp.pipeline if name.startswith("claimgraph_")}
    for name, attrs in after.items():
        added = set(attrs) - set(before[name])
        assert not added - {"_coder"}, f"{name} keeps {sorted(added)} after a document"
        changed = [k for k in before[name] if k in attrs and attrs[k] is not before[name][k] and k not in ("_coder",)]
        assert not changed, f"{name} replaced {changed} after a document"


@pytest.mark.model
def test_a_dash_glued_after_a_bracket_separates_words(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp.make_doc("(Zamora Times)\u2013The ministry said the Oren\u2013Dara road and the 1990\u20132000 figures were wrong.")
    words = [t.text for t in doc]
    assert words[:6] == ["(", "Zamora", "Times", ")", "\u2013", "The"]
    k = words.index("Oren")
    assert words[k : k + 3] == ["Oren", "\u2013", "Dara"]  # spaCy's own rule between letters still holds
    assert "1990\u20132000" in words  # a range of numbers stays one token


def test_word_lookups_and_the_text_read_once_on_a_hand_built_doc() -> None:
    from claimgraph.nlp.util import doc_text, indices_with, keep_text

    doc = Doc(spacy.blank("en").vocab, words=["Zamora", "said", "Oren", "said", "no", "."], spaces=[True, True, True, True, False, False])
    assert indices_with(doc, ["said"]) == [1, 3]
    assert indices_with(doc, frozenset({"zamora", "no", "absent"})) == [0, 4]  # lower-case forms
    assert indices_with(doc, ["absent"]) == []
    assert doc_text(doc) == doc.text == "Zamora said Oren said no."
    other = Doc(doc.vocab, words=["Dara", "agreed"])
    keep_text(other, "Dara agreed")
    assert doc_text(other) == "Dara agreed"
