"""Vocabularies shipped as data: gazetteer, cue verbs, furniture patterns.

Files live beside this module and are read once per process.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["load_yaml"]


@cache
def load_yaml(name: str) -> Any:
    """Parse a YAML file of this package (cached; treat the result as read-only)."""
    with resources.files(__package__).joinpath(name).open("r", encoding="utf-8") as fh:
        # libyaml's loader when the wheel has it: the vocabularies load at every start
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return yaml.load(fh, Loader=loader)  # noqa: S506 (a safe loader)
