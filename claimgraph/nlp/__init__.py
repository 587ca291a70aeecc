"""NLP: the spaCy pipeline with claimgraph's components, and Doc -> DocumentAnalysis."""

from claimgraph.nlp.extract import analyze_docs, doc_to_analysis
from claimgraph.nlp.pipeline import COMPONENTS, MODEL, load_pipeline, register_extensions

__all__ = ["COMPONENTS", "MODEL", "analyze_docs", "doc_to_analysis", "load_pipeline", "register_extensions"]
