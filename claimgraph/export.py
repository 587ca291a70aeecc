"""Exports for other tools, and the JSONL dump that ``claimgraph import`` reads back.

* ``json``: the analysis object of the JSON contract, for everything stored;
* ``jsonl``: one record a line (actors, then documents with all their facts,
  grades, agreements); importing it into an empty store gives the same dump;
* ``stix``: a STIX 2.1 bundle for OpenCTI and MISP: identities, threat actors
  and intrusion sets by kind, relationships, one report per document and a
  note per claim with its speaker; confidence from the credibility grade;
* ``ftm``: FollowTheMoney entities for Aleph and OpenSanctions;
* ``graphml``: actors and relations for Gephi (networkx reads it back);
* ``csv``: tables for spreadsheets, one file each in a directory.

Ids are derived from claimgraph's own ids, so a re-export is identical.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

from claimgraph.analysis import KnowledgeBase
from claimgraph.analysis.knowledge import ANSWERED
from claimgraph.errors import ClaimgraphError, StoreError
from claimgraph.model import (
    Actor,
    Analysis,
    Attribution,
    Claim,
    Contradiction,
    Document,
    DocumentAnalysis,
    Event,
    Mention,
    Quantity,
    TimeExpression,
)
from claimgraph.store import Store

__all__ = ["FORMATS", "export", "write_export", "import_jsonl", "jsonl_records", "stix_bundle", "ftm_entities", "graphml"]

FORMATS = ("json", "jsonl", "stix", "ftm", "graphml", "csv")
_NS = uuid.UUID("6f1c1a52-8d5e-4c3e-9a59-3c1aa0f6d3b1")  # claimgraph's namespace for STIX ids
_EPOCH = "1970-01-01T00:00:00.000Z"


#: documents read at a time: an export holds one batch of facts in memory, never the store
BATCH = 200


def _statements(store: Store) -> dict[str, list[Claim]]:
    """The claims made up for sides of contradictions that carry no relation, by document."""
    out: dict[str, dict[str, Claim]] = {}
    for row in store.derived_rows("contradictions", order=("id",)):
        for s in Contradiction.from_dict(row["data"]).statements:
            out.setdefault(s["document"], {})[s["id"]] = Claim.from_dict(s)
    return {d: list(claims.values()) for d, claims in out.items()}


def _batches(store: Store, with_text: bool = False, statements: dict[str, list[Claim]] | None = None) -> Iterator[Analysis]:
    """The stored documents a batch at a time, each with its facts (no relations); with
    ``statements``, the made-up claims of their contradictions after their own."""
    ids = list(store.all_ids("documents"))
    for i in range(0, len(ids), BATCH):
        part = ids[i : i + BATCH]
        docs = store.documents(ids=part, with_text=with_text)
        claims = store.claims(documents=part)
        if statements:
            known = {c.id for c in claims}
            claims += [c for d in part for c in statements.get(d, []) if c.id not in known]
        yield Analysis(
            documents=docs,
            mentions=store.mentions(documents=part),
            attributions=store.attributions(documents=part),
            quantities=store.quantities(documents=part),
            timeline=store.timeline(documents=part),
            claims=claims,
            events=[e.to_dict() for e in store.events(documents=part)],
        )


# -- JSONL dump and import -------------------------------------------------------


def jsonl_records(store: Store) -> Iterator[dict[str, Any]]:
    """The whole store as records: actors first, then one record per document (read a batch at a time)."""
    for a in sorted(store.actors(), key=lambda a: a.id):
        yield {"record": "actor", **a.to_dict()}
    for batch in _batches(store, with_text=True):
        by_doc: dict[str, dict[str, list[Any]]] = {
            d.id: {"mentions": [], "attributions": [], "quantities": [], "timeline": [], "claims": [], "events": []}
            for d in batch.documents
        }
        for m in batch.mentions:
            if m.document:
                by_doc[m.document]["mentions"].append(m.to_dict())
        for key, items in (
            ("attributions", batch.attributions),
            ("quantities", batch.quantities),
            ("timeline", batch.timeline),
            ("claims", batch.claims),
        ):
            for item in items:
                by_doc[item.document][key].append(item.to_dict())
        for e in batch.events:
            by_doc[e["document"]]["events"].append(e)
        for d in sorted(batch.documents, key=lambda d: (d.published or "", d.id)):
            yield {"record": "document", "document": d.to_dict(with_text=True) | {"dateline_span": list(d.dateline_span) if d.dateline_span else None}, **by_doc[d.id]}
    for source, letter in sorted(store.grades().items()):
        yield {"record": "grade", "source": source, "reliability": letter}
    for ag in store.agreements():
        yield {"record": "agreement", "data": ag}


def import_jsonl(path: str | Path, store: Store) -> dict[str, int]:
    """Load a dump made by ``export --format jsonl``; a line that fails stops nothing else."""
    counts = {"actors": 0, "documents": 0, "skipped": 0, "grades": 0, "agreements": 0}
    actors: dict[str, Actor] = {}
    kb = KnowledgeBase(store)
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                kind = rec.get("record")
            except (json.JSONDecodeError, AttributeError) as exc:
                raise ClaimgraphError(f"{path}:{lineno}: not a claimgraph dump record ({exc})") from None
            if kind == "actor":
                actors[rec["id"]] = Actor.from_dict(rec)
            elif kind == "document":
                doc = Document.from_dict(rec["document"])
                used = {m["actor"] for m in rec["mentions"]} | {
                    x for c in rec["claims"] for x in (c.get("subject"), c.get("object")) if x
                } | {a["speaker"]["actor"] for a in rec["attributions"] if a["speaker"].get("actor")} | {
                    q["of"] for q in rec["quantities"] if q.get("of")
                }
                analysis = DocumentAnalysis(
                    document=doc,
                    actors=[actors[i] for i in sorted(used) if i in actors],
                    mentions=[Mention.from_dict(m) for m in rec["mentions"]],
                    attributions=[Attribution.from_dict(a) for a in rec["attributions"]],
                    quantities=[Quantity.from_dict(q) for q in rec["quantities"]],
                    timeline=[TimeExpression.from_dict(t) for t in rec["timeline"] if t.get("kind", "date") == "date"],
                    claims=[Claim.from_dict(c) for c in rec["claims"]],
                    events=[Event.from_dict(e) for e in rec["events"]],
                )
                if kb.save(analysis, resolve=False):
                    counts["documents"] += 1
                else:
                    counts["skipped"] += 1
            elif kind == "grade":
                kb.set_grade(rec["source"], rec["reliability"])
                counts["grades"] += 1
            elif kind == "agreement":
                kb.add_agreement(rec["data"]["id"], rec["data"])
                counts["agreements"] += 1
            else:
                raise ClaimgraphError(f"{path}:{lineno}: unknown record kind {kind!r}")
    counts["actors"] = len(actors)
    return counts


# -- STIX 2.1 ----------------------------------------------------------------------


def _sid(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(_NS, key)}"


def _stamp(date: str | None) -> str:
    return f"{date}T00:00:00.000Z" if date and len(date) == 10 else _EPOCH


_CONFIDENCE = {1: 95, 2: 75, 3: 50, 4: 25, 5: 10}


def stix_bundle(analysis: Analysis) -> dict[str, Any]:
    """A STIX 2.1 bundle of an analysis in memory (``export`` streams the store's instead)."""
    first = min((d.published for d in analysis.documents if d.published), default=None)
    objects = list(_stix_objects(analysis.actors, first, iter(analysis.relations), iter([analysis])))
    return {"type": "bundle", "id": _sid("bundle", "|".join(sorted(o["id"] for o in objects))), "objects": objects}


def _stix_objects(
    actors: list[Actor], first: str | None, relations: Iterator[dict[str, Any]], batches: Iterator[Analysis]
) -> Iterator[dict[str, Any]]:
    """STIX objects: actors, relationships, then for each batch of documents a note per claim
    and a report per document.

    Places become locations when rigour maps them to a country (STIX wants an
    ISO code or coordinates); other places, agreements and classes are left out.
    """
    from rigour.territories import lookup_territory

    created = _stamp(first)
    ids: dict[str, str] = {}
    actor_names = {a.id: a.name for a in actors}
    for a in sorted(actors, key=lambda a: a.id):
        base: dict[str, Any] = {"spec_version": "2.1", "created": created, "modified": created, "name": a.name}
        if a.aliases:
            base["aliases"] = list(a.aliases)
        if a.type == "person":
            obj: dict[str, Any] = {"type": "identity", "id": _sid("identity", a.id), "identity_class": "individual", **base}
            obj.pop("aliases", None)
            if a.roles:
                obj["roles"] = [r.title for r in a.roles]
        elif a.type == "organization" and a.kind == "armed_group":
            obj = {"type": "threat-actor", "id": _sid("threat-actor", a.id), "threat_actor_types": ["terrorist"], **base}
        elif a.type == "organization":
            obj = {"type": "identity", "id": _sid("identity", a.id), "identity_class": "organization", **base}
            obj.pop("aliases", None)
            if a.kind:
                obj["sectors"] = ["government-national"] if a.kind == "government" else ["defense"] if a.kind in ("military_alliance", "intelligence_agency") else []
                if not obj["sectors"]:
                    del obj["sectors"]
        elif a.type == "place" and (territory := lookup_territory(a.name)) is not None and len(territory.code) == 2:
            obj = {"type": "location", "id": _sid("location", a.id), "country": territory.code.upper(), **base}
            obj.pop("aliases", None)
        else:
            continue
        ids[a.id] = obj["id"]
        yield obj
    for r in relations:
        if r["subject"] not in ids or r["object"] not in ids:
            continue
        rel: dict[str, Any] = {
            "type": "relationship",
            "spec_version": "2.1",
            "id": _sid("relationship", r["id"]),
            "created": created,
            "modified": created,
            "relationship_type": r.get("stix") or "related-to",
            "source_ref": ids[r["subject"]],
            "target_ref": ids[r["object"]],
            "description": f"{r['label']}: {r['grade_reason']}",
        }
        if r["credibility"] in _CONFIDENCE:
            rel["confidence"] = _CONFIDENCE[r["credibility"]]
        yield rel
    for batch in batches:
        speakers = {a.id: a for a in batch.attributions}
        notes_by_doc: dict[str, list[str]] = {}
        for c in batch.claims:
            refs = [ids[x] for x in (c.subject, c.object) if x in ids]
            if not refs:
                continue
            att = speakers.get(c.attribution or "")
            author = None
            if att is not None:
                author = actor_names.get(att.speaker.actor or "") or att.speaker.description or att.speaker.text
            note: dict[str, Any] = {
                "type": "note",
                "spec_version": "2.1",
                "id": _sid("note", c.id),
                "created": created,
                "modified": created,
                "abstract": f"{actor_names.get(c.subject or '', '?')} {c.predicate.replace('_', ' ')} {actor_names.get(c.object or '', '?')} ({c.polarity})",
                "content": c.text,
                "object_refs": refs,
            }
            if author:
                note["authors"] = [author]
            yield note
            notes_by_doc.setdefault(c.document, []).append(note["id"])
        mentioned: dict[str, set[str]] = {}
        for m in batch.mentions:
            if m.document and m.actor in ids:
                mentioned.setdefault(m.document, set()).add(ids[m.actor])
        for d in batch.documents:
            refs = sorted(mentioned.get(d.id, set())) + notes_by_doc.get(d.id, [])
            if not refs:
                continue
            report: dict[str, Any] = {
                "type": "report",
                "spec_version": "2.1",
                "id": _sid("report", d.id),
                "created": created,
                "modified": created,
                "name": d.title or d.source,
                "published": _stamp(d.published) if d.published else created,
                "report_types": ["threat-report"],
                "object_refs": refs,
            }
            if d.url:
                report["external_references"] = [{"source_name": d.outlet or "source", "url": d.url}]
            yield report


def _write_stix(store: Store, kb: KnowledgeBase, out: TextIO) -> None:
    """The store's STIX bundle, written an object at a time: the bundle's id (from every
    object's id) goes last, so that nothing but the ids is held until then."""
    first = store.earliest_published()
    out.write('{\n  "type": "bundle",\n  "objects": [')
    seen: list[str] = []
    objects = _stix_objects(store.actors(), first, (r.to_dict() for r in kb.iter_relations()), _batches(store, statements=_statements(store)))
    for n, obj in enumerate(objects):
        out.write(("," if n else "") + "\n    " + json.dumps(obj, ensure_ascii=False, indent=2).replace("\n", "\n    "))
        seen.append(obj["id"])
    out.write(("\n  " if seen else "") + '],\n  "id": ' + json.dumps(_sid("bundle", "|".join(sorted(seen)))) + "\n}\n")


# -- FollowTheMoney -----------------------------------------------------------------

_FTM_LINKS = {
    "member_of": ("Membership", "member", "organization"),
    "works_for": ("Employment", "employee", "employer"),
    "spokesperson_for": ("Employment", "employee", "employer"),
    "leads": ("Directorship", "director", "organization"),
}


def ftm_entities(analysis: Analysis) -> list[dict[str, Any]]:
    """FollowTheMoney entities of an analysis in memory (``export`` streams the store's)."""
    return list(_ftm_entities(analysis.actors, iter(analysis.relations), iter(analysis.documents)))


def _ftm_entities(actors: list[Actor], relations: Iterator[dict[str, Any]], documents: Iterator[Document]) -> Iterator[dict[str, Any]]:
    """FollowTheMoney entities (followthemoney's model builds and checks each one)."""
    from followthemoney import model

    schemas: dict[str, str] = {}
    for a in sorted(actors, key=lambda a: a.id):
        schema = {"person": "Person", "organization": "Organization"}.get(a.type)
        if schema is None:
            continue
        e = model.make_entity(schema)
        e.id = a.id
        e.add("name", a.name)
        for alias in a.aliases:
            e.add("alias", alias)
        schemas[a.id] = schema
        yield e.to_dict()
    for r in relations:
        s, o = r["subject"], r["object"]
        if s not in schemas or o not in schemas:
            continue
        link = _FTM_LINKS.get(r["predicate"])
        if link and schemas[s] == "Person" and schemas[o] == "Organization":
            e = model.make_entity(link[0])
            e.add(link[1], s)
            e.add(link[2], o)
            e.add("role", r["label"])
        elif r["predicate"] == "kinship_with" and schemas[s] == schemas[o] == "Person":
            e = model.make_entity("Family")
            e.add("person", s)
            e.add("relative", o)
        elif r["predicate"] == "allied_with" and schemas[s] == schemas[o] == "Person":
            e = model.make_entity("Associate")
            e.add("person", s)
            e.add("associate", o)
        else:
            e = model.make_entity("UnknownLink")
            e.add("subject", s)
            e.add("object", o)
            e.add("role", r["label"])
        e.id = r["id"]
        e.add("summary", r["grade_reason"])
        yield e.to_dict()
    for d in documents:
        e = model.make_entity("Document")
        e.id = d.id
        e.add("title", d.title or d.source)
        e.add("bodyText", d.text)
        if d.published:
            e.add("publishedAt", d.published)
        if d.url:
            e.add("sourceUrl", d.url)
        if d.outlet:
            e.add("publisher", d.outlet)
        yield e.to_dict()


# -- GraphML and CSV -----------------------------------------------------------------


def graphml(analysis: Analysis) -> str:
    return _graphml(analysis.actors, iter(analysis.relations))


def _graphml(actors: list[Actor], relations: Iterator[dict[str, Any]]) -> str:
    import networkx as nx

    g = nx.MultiDiGraph()
    for a in actors:
        g.add_node(a.id, name=a.name, type=a.type, kind=a.kind or "")
    for r in relations:
        g.add_edge(
            r["subject"], r["object"], key=r["id"], predicate=r["predicate"], label=r["label"],
            symmetric=bool(r["symmetric"]), credibility=int(r["credibility"]), supporting=len(r["supporting"]),
            opposing=len(r["opposing"]),
        )
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")


_CSV_HEADERS = {
    "documents": ["id", "title", "published", "source", "outlet", "url"],
    "actors": ["id", "name", "type", "kind", "aliases", "roles"],
    "attributions": ["id", "document", "speaker", "description", "anonymous", "direct", "cue", "content", "start", "end"],
    "claims": ["id", "document", "attribution", "subject", "predicate", "object", "polarity", "hedges", "date", "text"],
    "relations": ["id", "subject", "predicate", "object", "credibility", "supporting", "opposing", "sources", "reason"],
    "quantities": ["id", "document", "text", "min", "max", "unit", "approximate", "of"],
}


def _csv_rows(table: str, analysis: Analysis, names: dict[str, str]) -> Iterator[list[Any]]:
    if table == "documents":
        yield from ([d.id, d.title, d.published, d.source, d.outlet, d.url] for d in analysis.documents)
    elif table == "actors":
        yield from ([a.id, a.name, a.type, a.kind, "; ".join(a.aliases), "; ".join(r.title for r in a.roles)] for a in analysis.actors)
    elif table == "attributions":
        yield from ([x.id, x.document, names.get(x.speaker.actor or "", ""), x.speaker.description, x.speaker.anonymous,
                     x.direct, x.cue, " ".join(x.content.split()), x.span[0], x.span[1]] for x in analysis.attributions)
    elif table == "claims":
        yield from ([c.id, c.document, c.attribution, names.get(c.subject or "", ""), c.predicate, names.get(c.object or "", ""),
                     c.polarity, "; ".join(c.hedges), c.date, " ".join(c.text.split())] for c in analysis.claims)
    elif table == "relations":
        yield from ([r["id"], names.get(r["subject"], ""), r["predicate"], names.get(r["object"], ""), r["credibility"],
                     len(r["supporting"]), len(r["opposing"]), "; ".join(r["source_labels"]), r["grade_reason"]]
                    for r in analysis.relations)
    else:
        yield from ([q.id, q.document, q.text, q.min, q.max, q.unit, q.approximate, names.get(q.of or "", "")] for q in analysis.quantities)


def _write_csv(store: Store, kb: KnowledgeBase, folder: Path) -> None:
    actors = store.actors()
    names = {a.id: a.name for a in actors}
    files = {name: (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") for name in _CSV_HEADERS}
    try:
        writers = {name: csv.writer(fh) for name, fh in files.items()}
        for name, header in _CSV_HEADERS.items():
            writers[name].writerow(header)
        writers["actors"].writerows(_csv_rows("actors", Analysis(actors=actors), names))
        for batch in _batches(store):
            for name in ("documents", "attributions", "claims", "quantities"):
                writers[name].writerows(_csv_rows(name, batch, names))
        page: list[dict[str, Any]] = []
        for r in kb.iter_relations():
            page.append(r.to_dict())
            if len(page) == 2000:
                writers["relations"].writerows(_csv_rows("relations", Analysis(relations=page), names))
                page = []
        writers["relations"].writerows(_csv_rows("relations", Analysis(relations=page), names))
    finally:
        for fh in files.values():
            fh.close()


def _write_json(store: Store, kb: KnowledgeBase, out: TextIO) -> None:
    """The analysis object of the JSON contract, a section at a time and a batch at a time
    within it: the same text as ``json.dumps(analysis.to_dict(), indent=2)``."""
    statements = _statements(store)

    def batches(pick: Callable[[Analysis], list[Any]], with_text: bool = False) -> Iterator[Any]:
        for batch in _batches(store, with_text, statements):
            yield from pick(batch)

    sections: list[tuple[str, Iterator[Any]]] = [
        ("documents", (d.to_dict() for d in batches(lambda b: b.documents, with_text=True))),
        ("actors", (a.to_dict() for a in store.actors())),
        ("attributions", (a.to_dict() for a in batches(lambda b: b.attributions))),
        ("quantities", (q.to_dict() for q in batches(lambda b: b.quantities))),
        ("timeline", (t.to_dict() for t in kb.iter_timeline())),
        ("mentions", (m.to_dict() for m in batches(lambda b: b.mentions))),
        ("claims", (c.to_dict() for c in batches(lambda b: b.claims))),
        ("relations", (r.to_dict() for r in kb.iter_relations())),
        ("events", batches(lambda b: b.events)),
        ("contradictions", (Contradiction.from_dict(r["data"]).to_dict() for r in store.derived_rows("contradictions", {"kind": ("!=", ANSWERED)}, order=("id",)))),
        ("commitments", (c.to_dict() for c in kb.commitments(limit=1_000_000).items)),
    ]
    out.write("{")
    for n, (name, items) in enumerate(sections):
        out.write(("," if n else "") + f"\n  {json.dumps(name)}: [")
        wrote = False
        for item in items:
            out.write(("," if wrote else "") + "\n    " + json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n    "))
            wrote = True
        out.write("\n  ]" if wrote else "]")
    out.write("\n}\n")


def write_export(store: Store, fmt: str, out: TextIO) -> None:
    """Write the store in ``fmt`` (not csv) to ``out``, streamed: a batch of documents at a time."""
    kb = KnowledgeBase(store)
    if fmt == "jsonl":
        for r in jsonl_records(store):
            out.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
    elif fmt == "json":
        _write_json(store, kb, out)
    elif fmt == "stix":
        _write_stix(store, kb, out)
    elif fmt == "ftm":
        documents = (d for batch in _batches(store, with_text=True) for d in batch.documents)
        for e in _ftm_entities(store.actors(), (r.to_dict() for r in kb.iter_relations()), documents):
            out.write(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n")
    else:
        out.write(_graphml(store.actors(), (r.to_dict() for r in kb.iter_relations())))


def export(store: Store, fmt: str, output: str | None = None) -> str | None:
    """Render the store in ``fmt``; returns the text, or writes to ``output`` (a directory for csv)."""
    if fmt not in FORMATS:
        raise ClaimgraphError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt == "csv":
        if not output:
            raise ClaimgraphError("csv writes one file per table: give a directory with -o")
        folder = Path(output)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            _write_csv(store, KnowledgeBase(store), folder)
        except OSError as exc:
            raise StoreError(f"{output}: cannot write ({exc.strerror})") from None
        return None
    if output:
        try:
            with open(output, "w", encoding="utf-8") as fh:
                write_export(store, fmt, fh)
        except OSError as exc:
            raise StoreError(f"{output}: cannot write ({exc.strerror})") from None
        return None
    buf = io.StringIO()
    write_export(store, fmt, buf)
    return buf.getvalue()
