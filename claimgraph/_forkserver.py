"""Imported once by the forkserver that a local Dask cluster forks its workers from.

It loads the language pipeline into ``claimgraph.distributed``, so that every worker
starts with the model in memory: the import and the load are paid once instead of
once per worker, and the workers share the model's arrays copy-on-write (one copy
in the CPU cache for both, where each worker would otherwise hold its own).
"""

from __future__ import annotations

import gc

import claimgraph.distributed as _distributed

try:
    from claimgraph.nlp import load_pipeline

    _distributed._NLP = load_pipeline()
except Exception:  # noqa: BLE001 - a worker then loads it on its first shard and reports why it cannot
    _distributed._NLP = None
# Objects made so far live as long as the worker: keeping them out of the collector's
# passes keeps their pages shared with the forkserver instead of copied on the first scan.
gc.freeze()
