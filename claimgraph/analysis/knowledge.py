"""The knowledge base: the store with what analysis derives from it, kept up to date.

Relations, contradictions, commitments and the timeline live in the store's
derived tables, so a front end reads a page of them from an index instead of
recomputing the whole store. Every derived row belongs to a scope, the set of
stored facts it is computed from:

- a relation: its id (the claims of one subject, predicate and object);
- ``neg:<claim>``: a denial and every claim it contradicts;
- ``qty:<actor>``: the counts of one actor, across documents;
- ``doc:<document>``: rejections, mutual blame, accusations, self-defence accounts and
  counts of a phrase within a document (a self-defence account that another contradiction
  tells already is kept as an ``answered`` row: never listed, it still disputes a breach);
- an agreement's id: its commitments;
- the pledges and the timeline: their document.

Storing a document recomputes the scopes it touches, with the functions that
``enrich`` runs over a whole analysis, inside the document's transaction; an
analyst's grade or a new agreement recomputes what depends on it. ``rebuild``
recomputes everything (a migrated store, or one written without the knowledge
base), and ``verify`` compares the tables with a rebuild made inside a transaction that it
rolls back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from claimgraph.analysis.brief import Brief, build_brief
from claimgraph.analysis.commitments import assess_commitments, pledges, shipped_agreements, text_agreements
from claimgraph.analysis.contradictions import accusation_blame, find_contradictions, mutual_blame, self_defence
from claimgraph.analysis.grading import Source, source_of
from claimgraph.analysis.numbers import _unit, chronology, number_contradictions, rejections
from claimgraph.analysis.relations import build_relations
from claimgraph.data import CLASS_TYPE, class_members, relation_types
from claimgraph.errors import AnalysisError
from claimgraph.model import (
    Actor,
    Analysis,
    Attribution,
    Claim,
    Commitment,
    Contradiction,
    Document,
    DocumentAnalysis,
    Quantity,
    Relation,
    TimeExpression,
    name_key,
)
from claimgraph.store import Store
from claimgraph.store.schema import relation_id

__all__ = ["KnowledgeBase", "Page"]

T = TypeVar("T")
#: progress of a rebuild: (what, done, total)
Progress = Callable[[str, int, int], None]
#: how many scopes one query batch recomputes during a rebuild
BATCH = 500
#: a page's total is counted up to this many rows (the rest say "more than")
COUNT_CAP = 10_000


@dataclass
class Page(Generic[T]):
    items: list[T]
    total: int
    offset: int
    limit: int
    #: True when ``total`` stopped counting at the cap: there are at least that many
    capped: bool = False

    def to_dict(self, render: Callable[[T], Any]) -> dict[str, Any]:
        out = {"total": self.total, "offset": self.offset, "limit": self.limit, "items": [render(x) for x in self.items]}
        if self.capped:
            out["total_capped"] = True
        return out


@dataclass
class _Context:
    """What the analysis functions need about some claims: their attributions, the actors
    they and their speakers name, the documents' headers, and every source."""

    claims: list[Claim]
    attributions: dict[str, Attribution] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)


#: the kind of a row that holds a self-defence account told already by another contradiction:
#: no contradiction of its own, but it still disputes the breach it answers
ANSWERED = "answered"


class KnowledgeBase:
    """One service over a store for every front end: writes keep the derived tables, reads
    page them in SQL. ``KnowledgeBase(store)`` rebuilds them first when they are stale."""

    def __init__(self, store: Store, on_progress: Progress | None = None) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._grades: dict[str, str] | None = None
        self.fresh(on_progress)

    def fresh(self, on_progress: Progress | None = None) -> None:
        """Rebuild the derived tables if something wrote to the store without updating them
        (an older claimgraph, a migration, a grade set on the bare store)."""
        if self.store.derived_state() == "stale":
            with self._lock:
                if self.store.derived_state() == "stale":
                    self.rebuild(on_progress)

    # -- writes -------------------------------------------------------------------------

    def save(self, analysis: DocumentAnalysis, resolve: bool = True) -> bool:
        """Store a document and update what it touches, in one transaction."""
        return self.store.save(analysis, resolve, derive=self._derive)

    def set_grade(self, source: str, reliability: str, note: str | None = None) -> None:
        """An analyst's reliability for a source; the relations and contradictions it speaks in follow."""
        with self.store.transaction():
            self.store.lock_derived()
            stale = self.store.derived_state() == "stale"
            self.store.set_grade(source, reliability, note)
            self._grades = None
            self._refresh(self._claims_of_source(source))
            if not stale:
                self.store.set_derived_state(None)

    def add_agreement(self, agreement_id: str, data: dict[str, Any]) -> None:
        with self.store.transaction():
            self.store.lock_derived()
            stale = self.store.derived_state() == "stale"
            self.store.add_agreement(agreement_id, data)
            self._refresh_commitments(None)
            if not stale:
                self.store.set_derived_state(None)

    def rebuild(self, on_progress: Progress | None = None) -> None:
        """Recompute every derived table from the stored facts, in one transaction."""
        report = on_progress or (lambda what, done, total: None)
        st = self.store
        with st.transaction():
            st.lock_derived()
            self._grades = None
            st.clear_derived()
            rel_ids = list(st.all_ids("claims", "relation"))
            for i in range(0, len(rel_ids), BATCH):
                self._relations(rel_ids[i : i + BATCH])
                report("relations", min(i + BATCH, len(rel_ids)), len(rel_ids))
            negated = [c for c in st.claims_where(polarity="negated") if c.subject]
            for i in range(0, len(negated), BATCH):
                part = negated[i : i + BATCH]
                self._denials(part)
                report("denials", min(i + BATCH, len(negated)), len(negated))
            counted = list(st.all_ids("quantities", "of"))
            doc_ids = list(st.all_ids("documents", "id"))
            for i in range(0, max(len(counted), len(doc_ids)), BATCH):
                self._documents(doc_ids[i : i + BATCH], counted[i : i + BATCH])
                report("documents", min(i + BATCH, len(doc_ids)), len(doc_ids))
            self._refresh_commitments(None)
            st.set_derived_state(None)

    def _derive(self, analysis: DocumentAnalysis) -> None:
        st = self.store
        st.lock_derived()
        self._grades = None
        doc = analysis.document
        # the document's facts as stored: resolution has given them their actors' ids
        changed = list({c.id: c for c in analysis.claims}.values())
        # a speaker given a role for the first time is graded anew wherever it spoke
        regraded = st.new_roles(doc.id) if any(a.roles for a in analysis.actors) else []
        if regraded:
            changed += st.claims_where(attribution=st.attribution_ids_of_speakers(regraded))
        if doc.report == doc.id and st.documents_in_reports([doc.id]) != [doc.id]:
            # the document took over the head of a story stored before it: what the copies
            # say in their own voice is now sourced to it
            copies = [d for d in st.documents_in_reports([doc.id]) if d != doc.id]
            changed += st.claims_where(document=copies, attribution=None)
        touched = {x for c in changed for x in (c.subject, c.object) if x}
        touched |= {m.actor for m in analysis.mentions}
        touched |= {a.speaker.actor for a in analysis.attributions if a.speaker.actor}
        counted = sorted({q.of for q in analysis.quantities if q.of and q.unit})
        self._refresh(changed)
        if analysis.attributions or analysis.quantities:
            self._documents([doc.id], counted, local=analysis)
        else:  # nothing said and nothing counted: only its dates
            st.replace_derived("timeline", [], _timeline_rows(analysis.timeline, analysis.claims, [e.to_dict() for e in analysis.events]))
        # what other documents' accounts of who is on whose side rest on: a speaker's new role, a
        # new "member of" or "speaks for" claim. Their documents' scopes are computed again.
        sided = set(regraded) | {c.subject for c in analysis.claims if c.subject and c.predicate in ("member_of", "spokesperson_for")}
        again = [d for d in st.docs_of_speakers_and_parties(sorted(sided)) if d != doc.id] if sided else []
        # a pledge names the agreements known when it was read: a new agreement may be one of them
        if any(a.type == "agreement" for a in analysis.actors):
            again += [r["document"] for r in st.derived_rows("pledges", order=("id",))]
        again = sorted(set(again) - {doc.id})
        for i in range(0, len(again), BATCH):
            self._documents(again[i : i + BATCH], [])
        latest = st.latest_published()
        # a later publication date moves every deadline's "due": those agreements are recomputed
        # too (when the date is new: a feed in date order has many documents of its latest day)
        later = bool(doc.published and doc.published == latest and st.documents_published(doc.published) == 1)
        if later or sided or self._bears_on_commitments(analysis):
            self._refresh_commitments(touched | set(sided), due_too=later)

    def _refresh(self, changed: list[Claim]) -> None:
        """Relations and denials whose claims changed (new, or their source graded anew)."""
        if not changed:
            return
        self._relations(sorted({r for c in changed if (r := relation_id(c.subject, c.predicate, c.object))}))
        # denials among the changed claims, and those that a changed affirmation meets
        affirmed = [c for c in changed if c.polarity == "affirmed" and c.subject]
        denials = {c.id: c for c in changed if c.polarity == "negated" and c.subject}
        denials.update({c.id: c for c in self._meeting(affirmed, "negated")})
        self._denials(list(denials.values()))

    def _meeting(self, claims: list[Claim], polarity: str) -> list[Claim]:
        """Claims of ``polarity`` that may meet one of ``claims`` in a contradiction: the same
        predicate between the same parties (or a class and its member, or no object at all),
        either way round for a symmetric predicate. A superset: ``find_contradictions`` decides."""
        if not claims:
            return []
        symmetric = self._symmetric()
        covers = self._covers({x for c in claims for x in (c.subject, c.object) if x})
        asks: set[tuple[str, tuple[str, ...] | None, tuple[str, ...] | None]] = set()
        for c in claims:
            x = tuple(sorted(covers.get(c.subject or "", set())))
            y = tuple(sorted(covers[c.object])) if c.object else None
            asks.add((c.predicate, x, y))
            if symmetric.get(c.predicate):
                asks.add((c.predicate, y, x))
        found: dict[str, Claim] = {}
        for predicate, subjects, objects in sorted(asks, key=str):
            for m in self.store.claims_between(predicate, polarity, subjects, objects):
                found[m.id] = m
        return list(found.values())

    # -- scopes ---------------------------------------------------------------------------

    def _relations(self, rel_ids: list[str]) -> None:
        if not rel_ids:
            return
        claims, atts = self.store.evidence(rel_ids)
        ctx = self._context(claims, atts)
        rows = [
            {"id": r["id"], "subject": r["subject"], "predicate": r["predicate"], "object": r["object"],
             "credibility": r["credibility"], "claims": len(r["supporting"]) + len(r["opposing"]), "data": r}
            for r in build_relations(ctx.claims, ctx.sources, ctx.documents)
        ]
        self.store.replace_derived("relations", rel_ids, rows)

    def _denials(self, denials: list[Claim]) -> None:
        """Each denial against every claim that it contradicts: scope ``neg:<denial id>``."""
        if not denials:
            return
        symmetric = self._symmetric()
        rivals = self._meeting(denials, "affirmed")
        ctx = self._context(denials + rivals)
        found = [dict(c, kind="polarity") for c in find_contradictions(ctx.claims, ctx.sources, ctx.actors, symmetric)]
        self._store_contradictions([f"neg:{n.id}" for n in denials], found, ctx, lambda con: f"neg:{con['claims'][0]}")
        # a self-defence account is shown unless a denial tells the same pair of accounts: the
        # documents whose accounts these denials may tell are looked at again
        scopes = sorted({f"doc:{c.document}" for c in denials + rivals})
        told = self.store.derived_rows("contradictions", {"kind": ["self_defence", ANSWERED]}, scopes=scopes)
        again = sorted({r["scope"][4:] for r in told})
        if again:
            self._documents(again, [])

    def _documents(self, doc_ids: list[str], counted: list[str], local: DocumentAnalysis | None = None) -> None:
        """What is computed within documents (rejections, mutual blame, counts of a phrase),
        the counts of actors across documents, and the documents' timeline entries.
        ``local``: the one document just written, whose facts need not be read back."""
        st = self.store
        if not doc_ids and not counted:
            return
        if local is not None:
            own, own_atts, claims = list(local.quantities), list(local.attributions), list(local.claims)
        else:
            own = st.quantities(documents=doc_ids) if doc_ids else []
            own_atts = st.attributions(documents=doc_ids) if doc_ids else []
            claims = st.claims(documents=doc_ids) if doc_ids else []
        across = [q for q in st.quantities_of(counted) if q.unit and q.document not in set(doc_ids)] if counted else []
        if local is not None:
            # a new document adds pairs of counts, one of them its own: only counts that cannot
            # both hold with one of its own can make one (their ranges do not even overlap)
            mine: dict[tuple[str | None, str], list[Quantity]] = {}
            for q in own:
                mine.setdefault((q.of, _unit(q.unit)), []).append(q)
            across = [q for q in across if any(q.max < n.min or n.max < q.min for n in mine.get((q.of, _unit(q.unit)), []))]
        quantities = list({q.id: q for q in own + across}.values())
        other_docs = sorted({q.document for q in across})
        atts = list({a.id: a for a in own_atts + (st.attributions(documents=other_docs) if other_docs else [])}.values())
        holders = {a.id for a in atts for q in quantities if a.document == q.document and a.span[0] <= q.span[0] < a.span[1]}
        outside = {h for h in holders if not any(a.id == h and a.document in set(doc_ids) for a in own_atts)}
        claims += st.claims_where(attribution=outside) if outside else []
        ctx = self._context(
            claims, {a.id: a for a in atts}, extra_actors={q.of for q in quantities if q.of}, aliases=True,
            extra_documents=set(doc_ids) | {q.document for q in quantities},
        )
        mini = Analysis(
            documents=list(ctx.documents.values()),
            actors=list(ctx.actors.values()),
            attributions=[a for a in atts if a.document in set(doc_ids)],
            quantities=quantities,
            claims=list(ctx.claims),
        )
        reports = {d.id: d.report or d.id for d in ctx.documents.values()}
        counts = Analysis(attributions=atts, quantities=quantities, claims=list(ctx.claims))
        found = [dict(c, kind="count") for c in number_contradictions(counts, ctx.attributions, ctx.actors, reports)]
        before = {c.id for c in ctx.claims}
        statements = {c.id: c for c in counts.claims if c.id not in before}
        in_docs = set(doc_ids)
        per_doc = [c for c in ctx.claims if c.document in in_docs]
        # as in the whole analysis, a rejection cites the statement a count made for it already
        mini.claims += list(statements.values())
        n_before = len(mini.claims)
        found += [dict(c, kind="rejection") for c in rejections(mini, ctx.sources, self._name_index(own_atts))]
        statements.update({c.id: c for c in mini.claims[n_before:]})
        for c in statements.values():
            ctx.sources.setdefault(c.id, source_of(c, ctx.attributions, ctx.actors, ctx.documents, self._overrides(), reports))
        found += [dict(c, kind=c.get("kind") or "mutual_blame") for c in mutual_blame(per_doc, ctx.sources, ctx.actors)]
        # who is a member of whom or speaks for whom, from every document: the sides of an accusation
        parties = sorted({x for c in per_doc for x in (c.subject, c.object) if x} | {a.speaker.actor for a in own_atts if a.speaker.actor})
        ties = [c for c in st.claims_where(predicate=["member_of", "spokesperson_for"], subject=parties) if c.document not in in_docs] if parties else []
        for c in ties:
            ctx.sources.setdefault(c.id, source_of(c, ctx.attributions, ctx.actors, ctx.documents, self._overrides(), reports))
        told_claims = per_doc + ties + list(statements.values())
        blamed, made = accusation_blame(told_claims, ctx.attributions, ctx.sources, ctx.actors)
        found += [dict(c, kind=c.get("kind") or "mutual_blame") for c in blamed]
        defended, made_too = self_defence(told_claims + made, ctx.attributions, ctx.sources, ctx.actors)
        for c in made + made_too:
            statements[c.id] = c
            ctx.sources.setdefault(c.id, source_of(c, ctx.attributions, ctx.actors, ctx.documents, self._overrides(), reports))
        # one pair of accounts is one contradiction, however it is found (a denial's too); a
        # self-defence account told already is kept hidden: it still disputes a breach
        denials = [f"neg:{c.id}" for c in per_doc if c.polarity == "negated"]
        told = [set(c["claims"]) for c in found] + [set(r["data"]["claims"]) for r in st.derived_rows("contradictions", scopes=denials)] if denials else [set(c["claims"]) for c in found]
        found += [dict(c, kind="self_defence" if set(c["claims"]) not in told else ANSWERED) for c in defended]
        by_id = {c.id: c for c in ctx.claims} | statements
        for con in found:
            con["statements"] = [by_id[c].to_dict() for c in con.get("claims", []) if c in statements]

        def scope(con: dict[str, Any]) -> str:
            qs = [q for q in quantities if q.id in (con.get("quantities") or [])]
            if qs and qs[0].of and qs[0].unit:
                return f"qty:{qs[0].of}"
            document = qs[0].document if qs else by_id[con["claims"][0]].document
            return f"doc:{document}"

        ctx.claims = list(by_id.values())
        # a new document's pairs with earlier counts are new rows; its own scope is replaced
        scopes = [f"doc:{d}" for d in doc_ids] + [f"qty:{o}" for o in counted] if local is None else []
        self._store_contradictions(scopes, found, ctx, scope)
        self._pledges(doc_ids, own_atts, ctx, local)
        if local is not None:
            rows = _timeline_rows(local.timeline, local.claims, [e.to_dict() for e in local.events])
            st.replace_derived("timeline", [], rows)  # a new document: nothing of its own to replace
        else:
            self._timeline(doc_ids)

    def _pledges(self, doc_ids: list[str], atts: list[Attribution], ctx: _Context, local: DocumentAnalysis | None) -> None:
        """What named speakers pledged in these documents: agreements of one party each."""
        st = self.store
        from claimgraph.analysis.commitments import _pledge_cue

        cued = [a for a in atts if a.document in set(doc_ids) and a.speaker.actor and _pledge_cue(a.cue)
                and " ".join(a.content.split()).lower().startswith("to ")]
        if not cued and local is not None:
            return  # a new document with no pledge: no row to write or replace
        rows = []
        if cued:
            texts = {local.document.id: local.document} if local is not None else {d.id: d for d in st.documents(ids=sorted({a.document for a in cued}))}
            actors = dict(ctx.actors)
            actors.update({a.id: a for a in st.actors(type_="agreement") if a.id not in actors})
            for att in cued:
                for ag in pledges([att], actors, texts):
                    rows.append({"id": ag["id"], "document": att.document, "party": att.speaker.actor, "data": ag})
        st.replace_derived("pledges", doc_ids, rows)

    def _timeline(self, doc_ids: list[str]) -> None:
        if not doc_ids:
            return
        st = self.store
        rows = _timeline_rows(st.timeline(documents=doc_ids), st.claims(documents=doc_ids), [e.to_dict() for e in st.events(documents=doc_ids)])
        st.replace_derived("timeline", doc_ids, rows)

    def _store_contradictions(
        self, scopes: list[str], found: list[dict[str, Any]], ctx: _Context, scope_of: Callable[[dict[str, Any]], str]
    ) -> None:
        by_id = {c.id: c for c in ctx.claims}
        rows, links = [], []
        for con in found:
            rows.append({"id": con["id"], "scope": scope_of(con), "kind": con["kind"], "data": con})
            if con["kind"] == ANSWERED:
                continue
            for cid in con.get("claims", []):
                c = by_id.get(cid)
                for actor in (c.subject, c.object) if c else ():
                    if actor:
                        links.append({"actor": actor, "contradiction": con["id"]})
        self.store.replace_derived("contradictions", scopes, rows, links)

    def _bears_on_commitments(self, analysis: DocumentAnalysis) -> bool:
        """Whether a document can change a commitment: a claim of a predicate an obligation is
        broken or kept by, an agreement named, a pledge made, or a name of an agreement's party
        (an agreement is tracked once its parties are known). Most documents can't, and skip it."""
        files = shipped_agreements() + list(self.store.agreements())
        predicates = {"violates", "complies_with", "attacks"}
        keys: set[str] = set()
        for ag in files:
            keys |= {name_key(str(n)) for n in [*ag["parties"], ag.get("actor") or ag["name"]]}
            for ob in ag["obligations"]:
                for part in ("breached_by", "kept_by"):
                    predicates |= set((ob.get(part) or {}).get("predicates") or [])
        if any(c.predicate in predicates for c in analysis.claims):
            return True
        if any(a.type == "agreement" for a in analysis.actors):
            return True
        if any(name_key(n) in keys for a in analysis.actors for n in (a.name, *a.aliases)):
            return True
        return bool(self.store.derived_rows("pledges", {"document": analysis.document.id}))

    def _refresh_commitments(self, touched: set[str] | None, due_too: bool = False) -> None:
        """Commitments of the agreements ``touched`` actors are party to or named in (all when None)."""
        st = self.store
        files = shipped_agreements() + list(st.agreements())
        keys = {name_key(str(n)) for ag in files for n in [*ag["parties"], ag.get("actor") or ag["name"]]}
        by_key = st.actor_ids_by_keys(sorted(keys)) if keys else {}

        def ids_of(name: str) -> set[str]:
            key = name_key(name)
            return {i for (k, _), ids in by_key.items() if k == key for i in ids}

        chosen: list[dict[str, Any]] = []
        for ag in files:
            names = [*ag["parties"], ag.get("actor") or ag["name"]]
            mentioned = set().union(*(ids_of(n) for n in names))
            has_due = any(ob.get("due") for ob in ag["obligations"])
            if touched is None or mentioned & touched or (due_too and has_due):
                chosen.append(ag)
        named = {name_key(str(ag.get("actor") or ag["name"])) for ag in files}
        # agreements the texts name: actors of type agreement that claims say are broken or kept
        if touched is None:
            candidates = [a.id for a in st.actors(type_="agreement", aliases=False)]
        else:
            candidates = [a.id for a in st.actors(ids=sorted(touched), aliases=False) if a.type == "agreement"]
            # an agreement the texts name is broken by a party's attack on another, which need
            # not name it: the agreements its parties are said to break or keep are touched too
            bound = st.claims_where(subject=sorted(touched), predicate=["violates", "complies_with"]) if touched else []
            candidates = sorted(set(candidates) | {c.object for c in bound if c.object})
            candidates = [a.id for a in st.actors(ids=candidates, aliases=False) if a.type == "agreement"] if candidates else []
        on_text: list[Claim] = st.claims_where(object=candidates, predicate=["violates", "complies_with"]) if candidates else []
        text_actors = {a.id: a for a in st.actors(ids=sorted({x for c in on_text for x in (c.subject, c.object) if x}))} if on_text else {}
        from_text = [ag for ag in text_agreements(on_text, text_actors) if name_key(ag["name"]) not in named]
        pledged = st.derived_rows("pledges", None if touched is None else {"party": sorted(touched)}, order=("id",))
        from_text += [r["data"] for r in pledged]
        scopes = [ag["id"] for ag in chosen + from_text]
        rows = []
        reference = st.latest_published()
        for ag in chosen + from_text:
            for n, com in enumerate(self._assess(ag, reference)):
                rows.append({"id": com["id"], "scope": ag["id"], "status": com["status"], "ordinal": n, "data": com})
        if touched is None:
            with st.transaction():
                st.replace_derived("commitments", [r["scope"] for r in st.derived_rows("commitments")] + scopes, rows)
        else:
            st.replace_derived("commitments", scopes, rows)

    def _assess(self, ag: dict[str, Any], reference: str | None) -> list[dict[str, Any]]:
        st = self.store
        names = [*ag["parties"], str(ag.get("actor") or ag["name"])]
        objects: list[str] = []
        predicates = {"violates", "complies_with"}
        for ob in ag["obligations"]:
            for part in ("breached_by", "kept_by"):
                spec = ob.get(part) or {}
                predicates |= set(spec.get("predicates") or [])
                objects += [str(o) for o in spec.get("objects") or []]
        by_key = st.actor_ids_by_keys(sorted({name_key(n) for n in names + objects}))
        parties = {i for ids in by_key.values() for i in ids}
        if ag.get("from_text"):
            parties.add(ag["id"])
        claims = st.claims_where(subject=parties, predicate=predicates) + st.claims_where(object=parties, predicate=predicates)
        claims = list({c.id: c for c in claims}.values())
        # a side's "we only answered an attack" disputes a breach told in the same document
        answered: dict[str, list[str]] = {}
        for row in self.store.derived_rows("contradictions", {"kind": ["self_defence", ANSWERED]}, order=("id",)):
            con = Contradiction.from_dict(row["data"])
            defender = row["data"].get("defender")
            if defender in parties and con.claims:
                answered.setdefault(defender, []).append(con.claims[-1])
                made = {s["id"]: Claim.from_dict(s) for s in con.statements}
                claims += [made[con.claims[-1]]] if con.claims[-1] in made else self.store.claims(ids=[con.claims[-1]])
        ctx = self._context(claims, extra_actors=parties, aliases=True)
        return assess_commitments([ag], ctx.claims, ctx.sources, ctx.actors, ctx.documents, reference=reference, answered=answered)

    # -- what the scopes need ----------------------------------------------------------

    def _context(
        self, claims: list[Claim], atts: dict[str, Attribution] | None = None, extra_actors: Iterable[str] = (), aliases: bool = False,
        extra_documents: Iterable[str] = (),
    ) -> _Context:
        st = self.store
        claims = list({c.id: c for c in claims}.values())
        if atts is None:
            wanted_atts = sorted({c.attribution for c in claims if c.attribution})
            atts = {a.id: a for a in st.attributions(ids=wanted_atts)} if wanted_atts else {}
        ids = {x for c in claims for x in (c.subject, c.object) if x} | set(extra_actors)
        ids |= {a.speaker.actor for a in atts.values() if a.speaker.actor}
        actors = {a.id: a for a in st.actors(ids=sorted(ids), aliases=aliases, role_organizations=True)} if ids else {}
        doc_ids = {c.document for c in claims} | set(extra_documents) | {a.document for a in atts.values()}
        docs = {d.id: d for d in st.documents(ids=sorted(doc_ids), with_text=False)} if doc_ids else {}
        heads = {d.report for d in docs.values() if d.report and d.report not in docs}
        if heads:
            docs.update({d.id: d for d in st.documents(ids=sorted(heads), with_text=False)})
        reports = {d.id: d.report or d.id for d in docs.values()}
        overrides = self._overrides()
        sources = {c.id: source_of(c, atts, actors, docs, overrides, reports) for c in claims}
        return _Context(claims, atts, actors, docs, sources)

    def _name_index(self, atts: list[Attribution]) -> dict[str, set[str]]:
        """Stored persons and organisations by the name keys that these attributions' words could
        be (what a rejection's "the claims of Maria Lopez" names): the index the whole analysis
        builds over every actor, read for these words only."""
        from claimgraph.analysis.numbers import _target, name_keys

        keys = sorted({k for a in atts if _target().search(a.content) for k in name_keys(a.content)})
        found = self.store.actor_ids_by_keys(keys) if keys else {}
        index: dict[str, set[str]] = {}
        for (key, type_), ids in found.items():
            if type_ in ("person", "organization"):
                index.setdefault(key, set()).update(ids)
        return index

    def _overrides(self) -> dict[str, str]:
        # read once per write (or rebuild): every source graded in it sees the same grades
        if self._grades is None:
            self._grades = self.store.grades()
        return self._grades

    def _symmetric(self) -> dict[str, bool]:
        return {k: bool(v.get("symmetric")) for k, v in relation_types().items()}

    def _covers(self, ids: set[str]) -> dict[str, set[str]]:
        """actor id -> itself, the classes it is a member of and, for a class, its members:
        the actors a claim about it may meet in a contradiction."""
        if not ids:
            return {}
        members = class_members()
        actors = {a.id: a for a in self.store.actors(ids=sorted(ids), aliases=False)}
        names: set[str] = set()
        for one in actors.values():
            if one.type == CLASS_TYPE:
                names |= members.get(one.name, set())
            names |= {cls for cls, ms in members.items() if one.name in ms}
        by_key = self.store.actor_ids_by_keys(sorted({name_key(n) for n in names})) if names else {}
        out: dict[str, set[str]] = {}
        for i in ids:
            a = actors.get(i)
            found = {i}
            if a is not None:
                wanted = set(members.get(a.name, set())) if a.type == CLASS_TYPE else set()
                classes = {cls for cls, ms in members.items() if a.name in ms}
                for (key, type_), found_ids in by_key.items():
                    if any(name_key(n) == key for n in wanted) or (type_ == CLASS_TYPE and any(name_key(c) == key for c in classes)):
                        found |= found_ids
            out[i] = found
        return out

    def _claims_of_source(self, source: str) -> list[Claim]:
        st = self.store
        if source.startswith("doc:"):
            return st.claims_where(document=st.documents_in_reports([source[4:]]), attribution=None)
        if source.startswith("desc:"):
            key = source[5:]
            atts = [i for i, desc, text in st.unnamed_speakers() if name_key((desc or text or "unnamed source").strip()) == key]
            return st.claims_where(attribution=atts)
        return st.claims_where(attribution=st.attribution_ids_of_speakers([source]))

    # -- reads ----------------------------------------------------------------------------

    def relations(
        self, actor: str | None = None, predicate: str | None = None, max_credibility: int = 6, limit: int = 100, offset: int = 0
    ) -> Page[Relation]:
        self.fresh()
        st = self.store
        if actor:
            rows, total = st.relations_of_actor(actor, predicate, max_credibility, limit, offset)
            return Page([Relation.from_dict(r["data"]) for r in rows], total, offset, limit)
        where: dict[str, Any] = {}
        if predicate:
            where["predicate"] = predicate
        if max_credibility < 6:
            where["credibility"] = ("<=", max_credibility)
        order = ("subject", "predicate", "object")
        rows = st.derived_rows("relations", where, order=order, limit=limit, offset=offset)
        total = st.count_rows("relations", where, cap=COUNT_CAP + offset)
        return Page([Relation.from_dict(r["data"]) for r in rows], total, offset, limit, capped=total >= COUNT_CAP + offset)

    def relations_by_ids(self, ids: list[str]) -> list[Relation]:
        self.fresh()
        return [Relation.from_dict(r["data"]) for r in self.store.derived_by_ids("relations", ids)] if ids else []

    def relation(self, relation_id: str) -> Relation | None:
        self.fresh()
        rows = self.store.derived_rows("relations", {"id": relation_id})
        return Relation.from_dict(rows[0]["data"]) if rows else None

    def contradictions(self, actor: str | None = None, kind: str | None = None, limit: int = 100, offset: int = 0) -> Page[Contradiction]:
        self.fresh()
        st = self.store
        if kind == ANSWERED:  # rows of its own, no contradictions
            return Page([], 0, offset, limit)
        if actor:
            rows = [r for r in st.derived_by_ids("contradictions", st.contradiction_ids_of(actor)) if r["kind"] != ANSWERED and (kind is None or r["kind"] == kind)]
            return Page([Contradiction.from_dict(r["data"]) for r in rows[offset : offset + limit]], len(rows), offset, limit)
        where: dict[str, Any] = {"kind": kind} if kind else {"kind": ("!=", ANSWERED)}
        rows = st.derived_rows("contradictions", where, order=("id",), limit=limit, offset=offset)
        total = st.count_rows("contradictions", where, cap=COUNT_CAP + offset)
        return Page([Contradiction.from_dict(r["data"]) for r in rows], total, offset, limit, capped=total >= COUNT_CAP + offset)

    def commitments(self, status: str | None = None, limit: int = 100, offset: int = 0) -> Page[Commitment]:
        self.fresh()
        st = self.store
        where = {"status": status} if status else {}
        rows = st.derived_rows("commitments", where, order=("scope", "ordinal"), limit=limit, offset=offset)
        total = st.count_rows("commitments", where, cap=COUNT_CAP + offset)
        return Page([Commitment.from_dict(r["data"]) for r in rows], total, offset, limit, capped=total >= COUNT_CAP + offset)

    def timeline(self, date_from: str | None = None, date_to: str | None = None, limit: int = 200, offset: int = 0) -> Page[TimeExpression]:
        self.fresh()
        rows, total = self.store.timeline_page(date_from, date_to, limit, offset, cap=COUNT_CAP + offset)
        return Page(rows, total, offset, limit, capped=total >= COUNT_CAP + offset)

    def iter_relations(self) -> Iterator[Relation]:
        """Every relation, a page at a time (exports)."""
        offset = 0
        while True:
            rows = self.store.derived_rows("relations", order=("subject", "predicate", "object"), limit=2000, offset=offset)
            yield from (Relation.from_dict(r["data"]) for r in rows)
            if len(rows) < 2000:
                return
            offset += 2000

    def analysis(self, document_ids: list[str] | None = None) -> Analysis:
        """The analysis of the whole store (``None``) from the derived tables, or of some
        documents computed over those documents alone (what ``analyze`` prints)."""
        from claimgraph.analysis import enrich

        st = self.store
        if document_ids is not None:
            return enrich(st.analysis(document_ids), st.grades(), st.agreements())
        self.fresh()
        base = st.analysis()
        base.relations = [r.to_dict() for r in self.iter_relations()]
        rows = st.derived_rows("contradictions", order=("id",))
        cons = [Contradiction.from_dict(r["data"]) for r in rows]
        known = {c.id for c in base.claims}
        for con in cons:
            for s in con.statements:
                if s["id"] not in known:
                    base.claims.append(Claim.from_dict(s))
                    known.add(s["id"])
        base.contradictions = [c.to_dict() for c, r in zip(cons, rows, strict=True) if r["kind"] != ANSWERED]
        base.commitments = [Commitment.from_dict(r["data"]).to_dict() for r in st.derived_rows("commitments", order=("scope", "ordinal"))]
        base.timeline = list(self.iter_timeline())
        return base

    def brief(self, actor: str, other: str | None = None) -> Brief:
        """The brief on ``actor`` (and ``other``), from what touches them alone: their relations
        with evidence, contradictions, commitments, what they said and what was said of them."""
        self.fresh()
        st = self.store
        a = self._find(actor)
        b = self._find(other) if other else None
        focus = [a.id] + ([b.id] if b else [])
        rels = [r for r in self.relations(actor=a.id, limit=1_000_000).items if b is None or b.id in (r.subject, r.object)]
        covers = self._covers(set(focus))
        con_ids = sorted({i for x in set().union(*covers.values()) for i in st.contradiction_ids_of(x)})
        cons = [Contradiction.from_dict(r["data"]) for r in st.derived_by_ids("contradictions", con_ids) if r["kind"] != ANSWERED]
        coms = [Commitment.from_dict(r["data"]) for r in st.derived_rows("commitments", order=("scope", "ordinal"))]
        coms = [c for c in coms if c.obligor in focus or (b is None and a.type == "agreement")]
        said = st.attributions(speaker_actor=a.id)
        about = [x for f in focus for x in st.attributions_about(f, limit=100)]
        claim_ids = {i for r in rels for i in r.supporting + r.opposing} | {i for c in cons for i in c.claims}
        claim_ids |= {i for c in coms for i in c.evidence_for + c.evidence_against}
        claims = st.claims(ids=sorted(claim_ids)) if claim_ids else []
        known = {c.id for c in claims}
        claims += [Claim.from_dict(s) for c in cons for s in c.statements if s["id"] not in known]
        atts = {x.id: x for x in said + about}
        missing = sorted({c.attribution for c in claims if c.attribution and c.attribution not in atts})
        atts.update({x.id: x for x in st.attributions(ids=missing)} if missing else {})
        mentions = [m for f in focus for m in st.mentions(actor=f)]
        mention_docs = sorted({m.document for m in mentions if m.document})
        quantities = st.quantities(documents=mention_docs) if mention_docs else []
        if quantities:  # who gives each number: the attribution around it
            q_docs = sorted({q.document for q in quantities})
            atts.update({x.id: x for x in st.attributions(documents=q_docs)
                         if any(q.document == x.document and x.span[0] <= q.span[0] < x.span[1] for q in quantities)})
        timeline = st.timeline_entries(mention_docs) if mention_docs else []
        with_text = sorted({t.document for t in timeline})
        header_ids = sorted({c.document for c in claims} | {x.document for x in atts.values()} | {q.document for q in quantities} - set(with_text))
        docs = {d.id: d for d in st.documents(ids=header_ids, with_text=False)} if header_ids else {}
        docs.update({d.id: d for d in st.documents(ids=with_text)} if with_text else {})
        ids = set(focus) | {x for r in rels for x in (r.subject, r.object)} | {x for c in claims for x in (c.subject, c.object) if x}
        ids |= {x.speaker.actor for x in atts.values() if x.speaker.actor} | {c.obligor for c in coms}
        scoped = Analysis(
            documents=list(docs.values()),
            actors=st.actors(ids=sorted(ids)),
            mentions=mentions,
            attributions=sorted(atts.values(), key=lambda x: (x.document, x.span)),
            quantities=quantities,
            timeline=timeline,
            claims=claims,
            relations=[r.to_dict() for r in rels],
            contradictions=[c.to_dict() for c in cons],
            commitments=[c.to_dict() for c in coms],
        )
        return build_brief(scoped, a.id, b.id if b else None)

    def _find(self, name: str) -> Actor:
        """An actor by id, name or alias; of several, the most mentioned."""
        st = self.store
        hits = st.actors(ids=[name]) or st.actors(name=name)
        if not hits:
            raise AnalysisError(f"no actor named {name!r} in the knowledge base (see 'claimgraph actors')")
        if len(hits) == 1:
            return hits[0]
        counts = dict(st.actor_mentions([h.id for h in hits]))
        return max(hits, key=lambda a: (counts.get(a.id, 0), a.name))

    def iter_timeline(self) -> Iterator[TimeExpression]:
        """The whole timeline in date order, a page at a time."""
        offset = 0
        while True:
            rows, _ = self.store.timeline_page(None, None, 5000, offset, cap=1)
            yield from rows
            if len(rows) < 5000:
                return
            offset += 5000

    def verify(self) -> list[str]:
        """Differences between the derived tables and a rebuild from the facts (none when consistent)."""
        st = self.store
        stored = {name: {r["id"]: r["data"] if "data" in r else r for r in st.derived_rows(name)} for name in ("relations", "contradictions", "commitments", "timeline")}
        fresh: dict[str, dict[str, Any]] = {}
        try:
            with st.transaction():
                self.rebuild()
                fresh.update({name: {r["id"]: r["data"] if "data" in r else r for r in st.derived_rows(name)} for name in stored})
                raise _Undo
        except _Undo:
            pass
        out = []
        for name in stored:
            for i in sorted(set(stored[name]) | set(fresh[name])):
                if stored[name].get(i) != fresh[name].get(i):
                    out.append(f"{name} {i}: stored {'differs' if i in stored[name] and i in fresh[name] else 'missing' if i not in stored[name] else 'extra'}")
        return out


def _timeline_rows(timexes: list[TimeExpression], claims: list[Claim], events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Timeline rows: what ``chronology`` lists (dates, dated claims, dated events)."""
    return [
        {"id": t.id, "document": t.document, "kind": t.kind, "text": t.text, "start": t.span[0], "end": t.span[1],
         "date": t.date, "precision": t.precision}
        for t in chronology(Analysis(timeline=list(timexes), claims=list(claims), events=list(events)))
    ]


class _Undo(Exception):
    """Rolls back the rebuild that ``verify`` compares with."""
