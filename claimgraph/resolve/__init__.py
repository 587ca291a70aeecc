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


class KnownActors(Protocol):
    """What resolution needs to know about the actors seen before."""

    def actor_ids_by_key(self, key: str, type_: str) -> set[str]: ...

    def actors_by_type_and_prefix(self, type_: str, prefix: str) -> list[Actor]: ...

    def actor_by_id(self, actor_id: str) -> Actor | None: ...


def _person_key(name: str) -> str:
    return name_key(remove_person_prefixes(name))


def _match(actor: Actor, known: KnownActors) -> str | None:
    if known.actor_by_id(actor.id) is not None:
        return actor.id
    keys = {name_key(actor.name), *(name_key(a) for a in actor.aliases)} - {""}
    found: set[str] = set()
    for key in sorted(keys):
        found |= known.actor_ids_by_key(key, actor.type)
    if len(found) == 1:
        return found.pop()
    if len(found) > 1:
        return None  # ambiguous: keep apart
    if actor.type in ("person", "organization") and len(actor.name) >= 6:
        target = _person_key(actor.name) if actor.type == "person" else name_key(actor.name)
        cands = [
            c
            for c in known.actors_by_type_and_prefix(actor.type, target[:1])
            if fuzz.ratio(target, _person_key(c.name) if actor.type == "person" else name_key(c.name)) >= FUZZY_THRESHOLD
        ]
        if len(cands) == 1:
            return cands[0].id
    return None


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
    for actor in analysis.actors:
        target = _match(actor, known)
        if target is not None and target != actor.id:
            mapping[actor.id] = target
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
