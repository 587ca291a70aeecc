"""Evaluations against annotated data sets (PolNeAR attributions, CoNLL entities)."""
