"""Commitments: what agreements oblige their parties to, held against the claims.

Agreements are data (``data/agreements/*.yaml``, and files users add with
``claimgraph agreements add``)::

    id: doha-2020
    name: Agreement for Bringing Peace to Afghanistan
    actor: Doha Agreement          # optional: the agreement's name as an actor
    signed: 2020-02-29
    parties: [United States, Taliban]
    obligations:
      - id: ...
        obligor: Taliban
        text: what the obligor must (not) do
        due: 2021-05-01            # optional
        breached_by: {predicates: [allied_with, ...], objects: [al-Qaeda, terrorist groups]}
        kept_by: {predicates: [complies_with]}

Each obligation gets a status (kept, breached, disputed, at_risk, pending,
due, unknown) with the claims for and against it and a reason.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from claimgraph.analysis.grading import Source
from claimgraph.analysis.numbers import negated_cue
from claimgraph.data import CLASS_TYPE, class_members, load_yaml, relation_types
from claimgraph.errors import AnalysisError
from claimgraph.model import Actor, Attribution, Claim, Document, make_id, name_key

__all__ = ["validate_agreement", "shipped_agreements", "assess_commitments", "text_agreements", "pledges"]


def _date(value: Any, where: str) -> str:
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise AnalysisError(f"{where}: not a date (YYYY-MM-DD): {value!r}") from None


def validate_agreement(data: Any, source: str) -> dict[str, Any]:
    """Check an agreement's shape; raise AnalysisError naming the file and the first problem."""
    if not isinstance(data, dict):
        raise AnalysisError(f"{source}: an agreement file holds a mapping (id, name, parties, obligations)")
    for key in ("id", "name", "parties", "obligations"):
        if key not in data:
            raise AnalysisError(f"{source}: missing '{key}'")
    if not isinstance(data["parties"], list) or len(data["parties"]) < 2:
        raise AnalysisError(f"{source}: 'parties' must list at least two parties")
    out = dict(data)
    out["id"] = str(data["id"])
    if data.get("signed") is not None:
        out["signed"] = _date(data["signed"], f"{source}: signed")
    known = set(relation_types())
    obligations = []
    if not isinstance(data["obligations"], list) or not data["obligations"]:
        raise AnalysisError(f"{source}: 'obligations' must be a non-empty list")
    for n, ob in enumerate(data["obligations"], 1):
        where = f"{source}: obligation {n}"
        if not isinstance(ob, dict) or not ob.get("obligor") or not ob.get("text"):
            raise AnalysisError(f"{where}: needs 'obligor' and 'text'")
        if ob["obligor"] not in data["parties"]:
            raise AnalysisError(f"{where}: obligor {ob['obligor']!r} is not one of the parties {data['parties']}")
        ob = dict(ob)
        ob.setdefault("id", f"obligation-{n}")
        if ob.get("due") is not None:
            ob["due"] = _date(ob["due"], f"{where}: due")
        for key in ("breached_by", "kept_by", "completed_by"):
            spec = ob.get(key) or {}
            for pred in spec.get("predicates", []):
                if pred not in known:
                    raise AnalysisError(f"{where}: {key} names unknown relation {pred!r} (see claimgraph/data/relations.yaml)")
        obligations.append(ob)
    out["obligations"] = obligations
    return out


@lru_cache(maxsize=1)
def _shipped() -> tuple[dict[str, Any], ...]:
    """The agreement files that ship with claimgraph, read and validated once."""
    out = []
    folder = resources.files("claimgraph.data").joinpath("agreements")
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith((".yaml", ".yml")):
            out.append(validate_agreement(yaml.safe_load(item.read_text(encoding="utf-8")), f"claimgraph/data/agreements/{item.name}"))
    return tuple(out)


def shipped_agreements() -> list[dict[str, Any]]:
    """The shipped agreements (read-only: the same dicts every call; copy one to change it)."""
    return list(_shipped())


def _all_accused(ag: dict[str, Any], party_ids: dict[str, set[str]], claims: list[Claim]) -> bool:
    """Whether every party of an agreement is said to have violated it (the sides blame each other)."""
    # a text agreement's id is its actor's
    accused = {c.subject for c in claims if c.predicate == "violates" and c.polarity == "affirmed" and c.object == ag["id"]}
    return len(ag["parties"]) >= 2 and all(party_ids.get(p, set()) & accused for p in ag["parties"])


def _actor_ids(name: str, actors: dict[str, Actor]) -> set[str]:
    key = name_key(name)
    return {a.id for a in actors.values() if name_key(a.name) == key or key in {name_key(x) for x in a.aliases}}


def _covers(wanted: list[str], actor_id: str | None, actors: dict[str, Actor]) -> bool:
    if actor_id is None or actor_id not in actors:
        return False
    actor = actors[actor_id]
    members = class_members()
    for name in wanted:
        if actor_id in _actor_ids(name, actors):
            return True
        if actor.type != CLASS_TYPE and actor.name in members.get(name, set()):
            return True  # al-Qaeda is one of the terrorist groups
    return False


@lru_cache(maxsize=1)
def _as_agreed() -> re.Pattern[str]:
    """ "failing to send the aid, as agreed", "have not freed the prisoners as promised": what a
    party is said not to do that the agreement asks (``relations.yaml`` violates: failure_verbs, as_agreed)."""
    spec = relation_types()["violates"]
    fail = "|".join(re.escape(w.rstrip("e")) + r"\w*" for w in spec.get("failure_verbs") or [])
    agreed = "|".join(re.escape(w) for w in spec.get("as_agreed") or [])
    return re.compile(rf"\b(?:(?:{fail}) to|not|never) (?P<what>[^.;]+?),? as (?:{agreed})\b", re.IGNORECASE)


def _agreed_terms(ag: Actor, on: list[Claim], actors: dict[str, Actor]) -> list[dict[str, Any]]:
    """The obligations a text spells out for a party: what it is said to fail to do "as agreed"."""
    out: list[dict[str, Any]] = []
    for c in on:
        m = _as_agreed().search(c.text) if c.predicate == "violates" and c.subject in actors else None
        if m is None:
            continue
        what = " ".join(m.group("what").split())
        name = actors[c.subject or ""].name
        if any(ob["obligor"] == name and ob["text"] == what for ob in out):
            continue
        out.append({
            "id": f"agreed-{name_key(name).replace(' ', '-')}-{len(out) + 1}",
            "obligor": name,
            "text": what,
            "breached_by": {"predicates": ["violates"], "objects": [ag.name]},
            "kept_by": {"predicates": ["complies_with"], "objects": [ag.name]},
        })
    return out


def text_agreements(claims: list[Claim], actors: dict[str, Actor]) -> list[dict[str, Any]]:
    """Agreements the documents name without a file: "the truce" that a party is said to violate
    or honour (an agreement actor made by the claims layer). Each party is bound to observe it;
    for a ceasefire, an attack on another party breaks it too."""
    out = []
    for ag in sorted(actors.values(), key=lambda a: a.id):
        if ag.type != "agreement":
            continue
        on = [c for c in claims if c.object == ag.id and c.predicate in ("violates", "complies_with") and c.subject in actors]
        parties = sorted({c.subject for c in on if c.subject}, key=lambda a: actors[a].name)
        if not parties:
            continue
        names = [actors[p].name for p in parties]
        obligations = _agreed_terms(ag, on, actors)
        for name in names:
            others = [n for n in names if n != name]
            ceasefire = ag.kind == "ceasefire"
            text = f"observe the {ag.aliases[0] if ag.aliases else ag.name}" + (f": no attacks on {', '.join(others)}" if ceasefire and others else "")
            obligations.append({
                "id": f"observe-{name_key(name).replace(' ', '-')}",
                "obligor": name,
                "text": text,
                "breached_by": {"predicates": ["violates"] + (["attacks"] if ceasefire else []), "objects": [ag.name, *others]},
                "kept_by": {"predicates": ["complies_with"], "objects": [ag.name]},
            })
        out.append({"id": ag.id, "name": ag.name, "actor": ag.name, "parties": names, "obligations": obligations, "from_text": True})
    return out


def _pledge_cue(cue: str | None) -> bool:
    """ "pledged", "promises", "vowed", "agreed": a cue by which the speaker binds itself (``cues.yaml``)."""
    word = (cue or "").lower()
    return bool(word) and any(word.startswith(w[:-1] if w.endswith("e") else w) for w in load_yaml("cues.yaml")["pledge_verbs"])


def pledges(
    attributions: list[Attribution], actors: dict[str, Actor], documents: dict[str, Document] | None = None
) -> list[dict[str, Any]]:
    """ "Zamora pledged to respect the Oren accord", "the rebels vowed to free the hostages": a
    named speaker binds itself to what follows "to"; an agreement the pledge names is kept by
    complying with it and broken by violating it. Each pledge is an agreement of one party."""
    out = []
    deals = [(a.name, [name_key(n) for n in (a.name, *a.aliases) if len(n) > 3]) for a in actors.values() if a.type == "agreement"]
    for att in attributions:
        speaker = actors.get(att.speaker.actor or "")
        content = " ".join(att.content.split())
        if speaker is None or speaker.type == "agreement" or not _pledge_cue(att.cue) or not content.lower().startswith("to "):
            continue
        doc = (documents or {}).get(att.document)
        if doc is not None and negated_cue(att, doc.text):
            continue  # "did not promise to ..."
        what = content[3:]
        key = name_key(what)
        named = [name for name, keys in deals if any(f" {k} " in f" {key} " for k in keys)]
        out.append({
            "id": make_id("pledge", att.id),
            "name": f"pledge by {speaker.name}",
            "parties": [speaker.name],
            "obligations": [{
                "id": "pledge",
                "obligor": speaker.name,
                "text": what,
                "breached_by": {"predicates": ["violates"], "objects": named},
                "kept_by": {"predicates": ["complies_with"], "objects": named},
            }],
            "from_text": True,
            "pledge": True,
        })
    return out


def assess_commitments(
    agreements: list[dict[str, Any]],
    claims: list[Claim],
    sources: dict[str, Source],
    actors: dict[str, Actor],
    documents: dict[str, Document],
    reference: str | None = None,
    answered: dict[str, list[str]] | None = None,
) -> list[dict[str, Any]]:
    """Each obligation's status from the claims for and against it. ``reference``: the latest
    publication date known (a deadline before it has passed); by default the latest of
    ``documents``. ``answered`` holds, by actor, claims in which it says it only answered an
    attack: where it is said to break an obligation in the same document, that account
    disputes the breach."""
    by_id = {c.id: c for c in claims}
    if reference is None:
        reference = max((d.published for d in documents.values() if d.published), default=None)
    out = []
    for ag in agreements:
        party_ids = {p: _actor_ids(p, actors) for p in ag["parties"]}
        named = bool(ag.get("actor") and _actor_ids(ag["actor"], actors))
        if not named and not all(party_ids.values()):
            continue  # these documents are not about this agreement
        signed = ag.get("signed")
        for ob in ag["obligations"]:
            obligor_ids = party_ids.get(ob["obligor"], set())
            if not obligor_ids:
                continue
            against: list[Claim] = []
            support: list[Claim] = []
            breach = ob.get("breached_by") or {}
            kept = ob.get("kept_by") or {}
            for c in claims:
                when = c.date or (documents[c.document].published if c.document in documents else None)
                if signed and when and when < signed:
                    continue
                by_obligor = c.subject in obligor_ids or (
                    c.object in obligor_ids and relation_types().get(c.predicate, {}).get("symmetric")
                )
                if not by_obligor:
                    continue
                other = c.object if c.subject in obligor_ids else c.subject
                if c.predicate in breach.get("predicates", []) and _covers(breach.get("objects", []), other, actors):
                    (against if c.polarity == "affirmed" else support).append(c)
                elif c.predicate in kept.get("predicates", []) and (not kept.get("objects") or _covers(kept["objects"], other, actors)):
                    (support if c.polarity == "affirmed" else against).append(c)
            for cid in [cid for o in obligor_ids for cid in (answered or {}).get(o, [])]:
                said = by_id.get(cid)
                if said is not None and said not in support and any(a.document == said.document for a in against):
                    support.append(said)
            n_against = len({sources[c.id].key for c in against})
            n_for = len({sources[c.id].key for c in support})
            due = ob.get("due")
            mutual = bool(ag.get("from_text") and against) and _all_accused(ag, party_ids, claims)
            if mutual:
                status, reason = "disputed", "each party is said to have broken it: the accounts blame each other"
            elif n_against and n_for:
                status, reason = "disputed", f"{n_against} source(s) report a breach, {n_for} say it is kept"
            elif n_against >= 2:
                status, reason = "breached", f"{n_against} independent sources report a breach, none says it is kept"
            elif n_against == 1:
                status, reason = "at_risk", "one source reports a breach"
            elif n_for:
                status, reason = "kept", f"{n_for} source(s) say it is kept, none reports a breach"
            elif due and reference and reference > due:
                status, reason = "due", f"the deadline {due} has passed and no source reports it done"
            elif due:
                status, reason = "pending", f"due by {due}" + (f"; latest report {reference}" if reference else "")
            else:
                status, reason = "unknown", "no claim bears on it"
            obligor = sorted(obligor_ids)[0]
            out.append(
                {
                    "id": make_id("com", ag["id"], ob["id"]),
                    "agreement": ag["name"],
                    "agreement_id": ag["id"],
                    "obligation_id": ob["id"],
                    "obligor": obligor,
                    "obligor_name": actors[obligor].name,
                    "obligation": " ".join(str(ob["text"]).split()),
                    "due": due,
                    "status": status,
                    "reason": reason,
                    "evidence_for": [c.id for c in support],
                    "evidence_against": [c.id for c in against],
                }
            )
    return out
