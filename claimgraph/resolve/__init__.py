"""Resolve: one actor per real-world actor across documents.

A document's actors are matched against the actors already known (the store,
through the small ``KnownActors`` protocol, so this layer does not depend on
the store) by name keys of names and aliases, then by a fuzzy comparison of
normalised names. A name that fits more than one known actor is ambiguous and
is not merged: it stays an actor of its own.
"""

from __future__ import annotations

from typing import Protocol

from rapidfuzz import fuzz
from rigour.names import remove_person_prefixes

from claimgraph.model import Actor, DocumentAnalysis, name_key

__all__ = ["KnownActors", "resolve_actors", "merge_actor"]

FUZZY_THRESHOLD = 92.0
_RANK = {"place": 3, "organization": 2, "person": 1}


class KnownActors(Protocol):
    """What resolution needs to know about the actors seen before."""

    def existing_actor_ids(self, ids: list[str]) -> set[str]: ...

    def actor_ids_by_keys(self, keys: list[str]) -> dict[tuple[str, str], set[str]]: ...

    def keys_with_prefixes(self, prefixes: list[str]) -> list[tuple[str, str, str]]: ...

    def actor_by_id(self, actor_id: str) -> Actor | None: ...


def _fuzzy_key(name: str, type_: str) -> str:
    return name_key(remove_person_prefixes(name)) if type_ == "person" else name_key(name)


def _match_keys(actor: Actor) -> set[str]:
    """Keys that identify the actor: its name, and aliases that are full names.

    A one-word alias of a person is a surname ("Clinton"): it would tie Hillary
    Clinton to Bill Clinton, so it identifies nobody. Acronyms ("NATO") do.
    """
    keys = {name_key(actor.name)}
    for alias in actor.aliases:
        if len(alias.split()) >= 2 or (actor.type != "person" and alias.replace(".", "").isupper()):
            keys.add(name_key(alias))
    return keys - {""}


def _exact(actor: Actor, existing: set[str], by_key: dict[tuple[str, str], set[str]]) -> str | None | bool:
    """The known id by exact name key; False when ambiguous; None when unknown."""
    if actor.id in existing:
        return actor.id
    keys = _match_keys(actor)
    found: set[str] = set()
    for key in keys:
        found |= by_key.get((key, actor.type), set())
    if len(found) == 1:
        return found.pop()
    return False if found else None


def _fuzzy(actors: list[Actor], known: KnownActors) -> dict[str, str]:
    """Unknown persons and organisations matched by a close name (one candidate only)."""
    targets = {a.id: _fuzzy_key(a.name, a.type) for a in actors if a.type in ("person", "organization")}
    targets = {k: v for k, v in targets.items() if len(v) >= 6}
    if not targets:
        return {}
    rows = known.keys_with_prefixes(sorted({t[:3] for t in targets.values()}))
    out: dict[str, str] = {}
    for actor in actors:
        target = targets.get(actor.id)
        if target is None:
            continue
        cands = {
            actor_id
            for actor_id, type_, key in rows
            if type_ == actor.type and key[:3] == target[:3] and fuzz.ratio(target, key) >= FUZZY_THRESHOLD
        }
        if len(cands) == 1:
            out[actor.id] = cands.pop()
    return out


def _retype(analysis: DocumentAnalysis, actors: list[Actor], by_key: dict[tuple[str, str], set[str]]) -> dict[str, str]:
    """One name, one type across documents, where this document's own evidence is thin.

    The small model calls a country a person in one article and a place in the
    next. A one-word name with no role and at most two mentions here takes the
    type of the one actor already known by that name.
    """
    counts: dict[str, int] = {}
    for m in analysis.mentions:
        counts[m.actor] = counts.get(m.actor, 0) + 1
    out: dict[str, str] = {}
    for actor in actors:
        if actor.kind is not None or actor.roles or " " in actor.name.strip() or counts.get(actor.id, 0) > 2:
            continue
        key = name_key(actor.name)
        # only towards the type the model gets right more often (place, then
        # organisation): a city never becomes a person this way
        others = {
            i
            for (k, t), ids in by_key.items()
            if k == key and _RANK.get(t, 0) > _RANK.get(actor.type, 0)
            for i in ids
        }
        if len(others) == 1:
            out[actor.id] = others.pop()
    return out


def merge_actor(into: Actor, other: Actor) -> None:
    """Fold ``other``'s names and roles into ``into`` (same real-world actor)."""
    if other.name != into.name:
        into.add_alias(other.name)
    for alias in other.aliases:
        into.add_alias(alias)
    for role in other.roles:
        into.add_role(role)
    if into.kind is None and other.kind is not None:
        into.kind = other.kind


def resolve_actors(analysis: DocumentAnalysis, known: KnownActors) -> dict[str, str]:
    """Map the document's actor ids to known ones where they are the same actor.

    Rewrites ``analysis`` in place (ids in mentions, speakers, quantities,
    roles) and returns the mapping used.
    """
    mapping: dict[str, str] = {}
    if not analysis.actors:
        return mapping
    existing = known.existing_actor_ids([a.id for a in analysis.actors])
    keys = sorted({k for a in analysis.actors for k in _match_keys(a)})
    by_key = known.actor_ids_by_keys(keys)
    unknown = []
    for actor in analysis.actors:
        target = _exact(actor, existing, by_key)
        if target is None:
            unknown.append(actor)
        elif target is not False and target != actor.id:
            mapping[actor.id] = str(target)
    mapping.update(_fuzzy(unknown, known))
    mapping.update(_retype(analysis, [a for a in unknown if a.id not in mapping], by_key))
    if not mapping:
        return mapping
    merged: dict[str, Actor] = {}
    for actor in analysis.actors:
        new_id = mapping.get(actor.id, actor.id)
        if new_id in merged:
            merge_actor(merged[new_id], actor)
            continue
        if new_id != actor.id:
            base = known.actor_by_id(new_id)
            assert base is not None
            copy = Actor(base.id, base.name, base.type, base.kind, [], [])
            merge_actor(copy, actor)
            merged[new_id] = copy
        else:
            merged[new_id] = actor
    analysis.actors = list(merged.values())
    analysis.remap_actors(mapping)
    return mapping
