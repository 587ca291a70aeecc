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
        return yaml.safe_load(fh)
