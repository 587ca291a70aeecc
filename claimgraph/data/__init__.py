"""Vocabularies shipped as data: gazetteer, cue verbs, furniture patterns, word lists.

Files live beside this module and are read once per process. ``load_yaml``
returns a file as parsed; the word lists go through ``words``, ``phrases``,
``word_lists``, ``numbers``, ``names`` and ``ranges``, which check the file
against the schema declared for it in ``SCHEMAS`` the first time it is read:
a key the schema does not know, a key it needs and the file lacks, a value of
the wrong type (``no`` read by YAML 1.1 as a boolean, say) or an empty list
raise ``VocabularyError`` naming the file and the key.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any, cast

import yaml

from claimgraph.errors import VocabularyError

__all__ = [
    "CLASS_TYPE",
    "Kind",
    "class_members",
    "denial_cue",
    "denial_words",
    "number_word",
    "relation_types",
    "SCHEMAS",
    "load_yaml",
    "names",
    "numbers",
    "phrases",
    "ranges",
    "validate",
    "vocabulary",
    "word_lists",
    "words",
]


@cache
def load_yaml(name: str) -> Any:
    """Parse a YAML file of this package (cached; treat the result as read-only)."""
    with resources.files(__package__).joinpath(name).open("r", encoding="utf-8") as fh:
        # libyaml's loader when the wheel has it: the vocabularies load at every start
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return yaml.load(fh, Loader=loader)  # noqa: S506 (a safe loader)


class Kind(Enum):
    """The shape of one key of a word-list file, and what the loader makes of it."""

    WORDS = "a list of words"  # -> frozenset[str]
    PHRASES = "a list of words or phrases, in order"  # -> tuple[str, ...], in the file's order
    WORD_LISTS = "a mapping of word -> list of words"  # -> dict[str, tuple[str, ...]]
    NUMBERS = "a mapping of word -> integer"  # -> dict[str, int]
    NAMES = "a mapping of word -> word"  # -> dict[str, str]
    RANGES = "a mapping of word -> [low, high] integers"  # -> dict[str, tuple[int, int]]

Schema = Mapping[str, Kind]

_W, _P, _WL, _N, _NM, _R = Kind.WORDS, Kind.PHRASES, Kind.WORD_LISTS, Kind.NUMBERS, Kind.NAMES, Kind.RANGES

#: every word-list file and the kind of each of its keys (all required)
SCHEMAS: dict[str, Schema] = {
    "cues.yaml": {
        "speech_verbs": _W, "clausal_only": _W, "quote_verbs": _W, "stance_verbs": _W,
        "rejection_targets": _W, "statement_nouns": _W, "listeners": _W, "denying_cues": _W, "non_asserting_cues": _W,
        "pledge_verbs": _W, "retaliation_words": _P, "accusing_cues": _P,
    },
    "roles.yaml": {
        "title_words": _W, "title_joiners": _W, "honorifics": _W, "role_nouns": _W, "service_verbs": _W,
        "title_heads": _W, "state_leader_words": _W, "deputy_words": _W, "title_modifiers": _W,
        "self_naming_verbs": _W, "office_nouns": _W, "government_title_words": _W,
    },
    "institutions.yaml": {"classes": _WL, "qualifiers": _W},
    "events.yaml": {
        "kill_verbs": _W, "capture_verbs": _W, "wound_verbs": _W, "vague_words": _N, "group_counts": _N, "targets": _W,
        "security": _W, "leaders": _W, "civilians": _W, "nominal": _NM, "additive": _W, "additive_anywhere": _W,
        "airstrike": _P, "attack_nouns": _W, "attack_subjects": _W, "accusing_verbs": _W,
    },
    "actors.yaml": {
        "strip_lead": _W, "state_nouns": _W, "place_nouns": _W, "region_nouns": _W, "org_nouns": _W,
        "title_noun_kinds": _WL, "name_particles": _W, "spellings": _NM, "initial_skip": _W, "state_led": _W,
        "campaign_nouns": _W, "backing_participles": _W, "backed_group_nouns": _W, "body_nouns": _W,
        "org_heads": _W, "org_name_joiners": _W, "complement_heads": _W, "facility_nouns": _P, "descriptor_kinds": _WL,
        "list_org_nouns": _W, "list_place_nouns": _W, "not_actor_names": _W, "territory_heads": _W,
        "member_nouns": _W, "armed_member_nouns": _W, "seats": _WL, "seat_vetoes": _W, "seat_title_words": _W, "armed_group_nouns": _W, "group_name_nouns": _W,
    },
    "counts.yaml": {
        "number_words": _N, "scales": _N, "vague_counts": _R, "approximate": _W, "lower_bounds": _P, "upper_bounds": _P,
        "count_modifiers": _W, "duration_units": _W, "not_durations_after": _W, "fractions": _W,
    },
    "furniture.yaml": {"widget_lines": _P, "credit_markers": _P, "dateline_agencies": _P},
    "speakers.yaml": {"group_nouns": _W, "document_nouns": _W, "noun_kinds": _WL, "naming_words": _W, "venue_verbs": _W},
}


def _word(source: str, key: str, value: Any, what: str = "a word") -> str:
    if not isinstance(value, str) or not value.strip():
        raise VocabularyError(source, key, f"expected {what}, got {value!r} (quote on/off/yes/no in YAML)")
    return value


def _container(source: str, key: str, value: Any, kind: type, what: str) -> Any:
    if not isinstance(value, kind):
        raise VocabularyError(source, key, f"expected {what}, got {type(value).__name__}")
    if not value:
        raise VocabularyError(source, key, f"empty {kind.__name__}")
    return value


def _word_list(source: str, key: str, value: Any) -> list[str]:
    return [_word(source, key, item) for item in _container(source, key, value, list, "a list of words")]


def _mapping(source: str, key: str, value: Any) -> dict[str, Any]:
    found: dict[str, Any] = _container(source, key, value, dict, "a mapping")
    for k in found:
        _word(source, key, k, "a word as key")
    return found


def _integer(source: str, key: str, word: str, value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise VocabularyError(source, f"{key}.{word}", f"expected an integer, got {value!r}")
    return value


def _convert(source: str, key: str, kind: Kind, value: Any) -> Any:
    if kind is Kind.WORDS:
        return frozenset(_word_list(source, key, value))
    if kind is Kind.PHRASES:
        return tuple(_word_list(source, key, value))
    found = _mapping(source, key, value)
    if kind is Kind.WORD_LISTS:
        return {k: tuple(_word_list(source, f"{key}.{k}", v)) for k, v in found.items()}
    if kind is Kind.NUMBERS:
        return {k: _integer(source, key, k, v) for k, v in found.items()}
    if kind is Kind.NAMES:
        return {k: _word(source, f"{key}.{k}", v) for k, v in found.items()}
    out: dict[str, tuple[int, int]] = {}
    for k, v in found.items():
        if not isinstance(v, list) or len(v) != 2:
            raise VocabularyError(source, f"{key}.{k}", f"expected [low, high], got {v!r}")
        low, high = (_integer(source, key, k, x) for x in v)
        if low > high:
            raise VocabularyError(source, f"{key}.{k}", f"low {low} above high {high}")
        out[k] = (low, high)
    return out


def validate(source: str, data: Any, schema: Schema) -> Mapping[str, Any]:
    """The keys of a parsed word-list file, checked against ``schema``: frozensets, tuples, read-only mappings."""
    if not isinstance(data, dict):
        raise VocabularyError(source, None, f"expected a mapping of keys, got {type(data).__name__}")
    unknown = sorted(str(k) for k in data if k not in schema)
    if unknown:
        raise VocabularyError(source, unknown[0], "unknown key (not in the schema of claimgraph.data.SCHEMAS)")
    missing = [k for k in schema if k not in data]
    if missing:
        raise VocabularyError(source, missing[0], "missing")
    out = {key: _convert(source, key, kind, data[key]) for key, kind in schema.items()}
    # shared by every caller: the mappings are read-only, like the frozensets and tuples
    return MappingProxyType({key: MappingProxyType(v) if isinstance(v, dict) else v for key, v in out.items()})


@cache
def vocabulary(name: str) -> Mapping[str, Any]:
    """A word-list file of this package, validated against its schema (cached; read-only)."""
    schema = SCHEMAS.get(name)
    if schema is None:
        raise VocabularyError(name, None, "no schema declared in claimgraph.data.SCHEMAS")
    source = f"claimgraph/data/{name}"
    try:
        data = load_yaml(name)
    except (OSError, yaml.YAMLError) as exc:
        raise VocabularyError(source, None, f"cannot be read: {exc}") from exc
    return validate(source, data, schema)


def _get(name: str, key: str, kind: Kind) -> Any:
    declared = SCHEMAS.get(name, {}).get(key)
    if declared is not kind:
        raise VocabularyError(name, key, f"read as {kind.name}, declared as {declared.name if declared else 'nothing'}")
    return vocabulary(name)[key]


def words(name: str, key: str) -> frozenset[str]:
    """A list of words as a set ("speech_verbs" of cues.yaml)."""
    return cast(frozenset[str], _get(name, key, Kind.WORDS))


def phrases(name: str, key: str) -> tuple[str, ...]:
    """A list of words or phrases in the file's order."""
    return cast(tuple[str, ...], _get(name, key, Kind.PHRASES))


def word_lists(name: str, key: str) -> Mapping[str, tuple[str, ...]]:
    """A mapping of a word to a list of words (a class to its nouns)."""
    return cast(Mapping[str, tuple[str, ...]], _get(name, key, Kind.WORD_LISTS))


def numbers(name: str, key: str) -> Mapping[str, int]:
    """A mapping of a word to an integer ("dozen": 12)."""
    return cast(Mapping[str, int], _get(name, key, Kind.NUMBERS))


def names(name: str, key: str) -> Mapping[str, str]:
    """A mapping of a word to a word ("defence": "defense")."""
    return cast(Mapping[str, str], _get(name, key, Kind.NAMES))


def ranges(name: str, key: str) -> Mapping[str, tuple[int, int]]:
    """A mapping of a word to a range of integers ("dozens": [24, 99])."""
    return cast(Mapping[str, tuple[int, int]], _get(name, key, Kind.RANGES))


# -- vocabularies the analysis layer shares with the pipeline (no spaCy needed to read them) --

#: the actor type of a class of actors ("terrorist groups"), whose members classes.yaml names
CLASS_TYPE = "class"


@cache
def relation_types() -> dict[str, dict[str, Any]]:
    """The relation vocabulary (relations.yaml), by type name."""
    types: dict[str, dict[str, Any]] = load_yaml("relations.yaml")["relations"]
    return types


def class_members() -> dict[str, set[str]]:
    """class name -> canonical names of its member actors (classes.yaml)."""
    return {name: set(spec.get("members") or []) for name, spec in load_yaml("classes.yaml")["classes"].items()}


def number_word(word: str) -> bool:
    """Whether a lower-case word is a number word ("six", "hundred", "dozens")."""
    return word in numbers("counts.yaml", "number_words") or word in numbers("counts.yaml", "scales") or word in ranges("counts.yaml", "vague_counts")


@cache
def _denial_stems() -> tuple[str, ...]:
    # "deny" -> "den" (denied, denies), "dismiss" -> "dismiss", "refute" -> "refut"
    return tuple(w[:-1] if w.endswith(("y", "e")) else w for w in sorted(words("cues.yaml", "denying_cues")))


def denial_cue(cue: str | None) -> bool:
    """Whether a cue denies or rejects what it introduces ("denied", "rejects", "dismissed")."""
    return bool(cue) and (cue or "").lower().startswith(_denial_stems())


def denial_words(text: str) -> bool:
    """Whether a text says in so many words that it denies or rejects ("We reject these claims")."""
    return any(w.startswith(_denial_stems()) for w in text.lower().split())
