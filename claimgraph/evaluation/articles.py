"""Articles with expected facts: analyse each ``NAME.txt``, check it against ``NAME.yaml``.

The checks are those of ``../shared/tools/check-expected`` (the yardstick the
product is measured with), ported line for line so that this module and the
script give the same result on the same analysis JSON: same normalisation,
same matching of names and aliases, same sections in the same order. Only the
output differs: scores per article and per section, and the failed checks as
data, for the CLI to render.

An article's publication date is its YAML's ``document.published``; the
analysis is the JSON ``claimgraph analyze --format json`` prints (an
in-memory store per article, so articles never resolve into each other), with
the model loaded once for the set.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from claimgraph.errors import EvaluationError

__all__ = [
    "SECTIONS",
    "ArticleResult",
    "Checker",
    "check_expected",
    "evaluate_articles",
    "load_articles",
    "named_speaker_grades",
    "norm",
    "section_totals",
]

Json = dict[str, Any]
Check = tuple[bool, str]


def norm(s: Any) -> str:
    """Case-, dash-, quote- and space-insensitive form of a string."""
    if s is None:
        return ""
    text = unicodedata.normalize("NFKC", str(s)).lower()
    text = re.sub(r"[\u2010-\u2015\-]", " ", text)
    text = re.sub(r"[\u2018\u2019\u201c\u201d'\"`]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _label_matches(labels: Iterable[str], wanted: Any) -> bool:
    w = norm(wanted)
    return any(w == lab or (len(w) > 3 and w in lab) for lab in labels)


class Checker:
    """One analysis (the JSON contract as a dict) and the checks of each section against it."""

    def __init__(self, data: Json) -> None:
        self.data = data
        self.actors: dict[Any, Json] = {a["id"]: a for a in data.get("actors", [])}
        self.claims: dict[Any, Json] = {c["id"]: c for c in data.get("claims", [])}
        self.attributions: dict[Any, Json] = {a["id"]: a for a in data.get("attributions", [])}

    # -- names ----------------------------------------------------------------

    def names(self, actor_id: Any) -> set[str]:
        a = self.actors.get(actor_id)
        if not a:
            return {norm(actor_id)} if isinstance(actor_id, str) else set()
        return {norm(a.get("name"))} | {norm(x) for x in a.get("aliases", [])}

    def is_actor(self, actor_id: Any, name: Any) -> bool:
        return norm(name) in self.names(actor_id)

    def find_actors(self, name: Any) -> list[Json]:
        return [a for a in self.actors.values() if self.is_actor(a["id"], name)]

    def speaker_labels(self, attribution: Json | None) -> set[str]:
        sp = (attribution or {}).get("speaker") or {}
        labels: set[str] = set()
        if sp.get("actor"):
            labels |= self.names(sp["actor"])
        for k in ("text", "description"):
            if sp.get(k):
                labels.add(norm(sp[k]))
        return labels

    def claim_sides(self, claim_id: Any) -> set[str]:
        c = self.claims.get(claim_id, {})
        att = self.attributions.get(c.get("attribution"))
        return self.speaker_labels(att) if att else set()

    # -- sections -------------------------------------------------------------

    def document(self, exp: Json) -> list[Check]:
        out: list[Check] = []
        docs = self.data.get("documents", [])
        dropped = " || ".join(norm(x) for d in docs for x in d.get("dropped", []))
        for line in exp.get("dropped", []):
            out.append((norm(line) in dropped, f"dropped line: {line!r}"))
        if exp.get("published"):
            ok = any(str(d.get("published", ""))[:10] == exp["published"] for d in docs)
            out.append((ok, f"published date {exp['published']}"))
        return out

    def actors_(self, exp: list[Json]) -> list[Check]:
        out: list[Check] = []
        for e in exp:
            cands = [a for a in self.find_actors(e["name"]) if a.get("type") == e["type"]]
            if e.get("kind"):
                cands = [a for a in cands if a.get("kind") == e["kind"]]
            ok = bool(cands)
            if ok and e.get("aliases_any"):
                ok = any(any(self.is_actor(a["id"], al) for al in e["aliases_any"]) for a in cands)
            out.append((ok, f"actor {e['name']} ({e['type']}{'/' + e['kind'] if e.get('kind') else ''})"))
        return out

    def not_actors(self, exp: list[Json]) -> list[Check]:
        out: list[Check] = []
        for e in exp:
            bad = [a for a in self.actors.values() if norm(a.get("name")) == norm(e["name"]) and a.get("type") == e["type"]]
            out.append((not bad, f"no actor {e['name']!r} of type {e['type']}"))
        return out

    def roles(self, exp: list[Json]) -> list[Check]:
        out: list[Check] = []
        for e in exp:
            ok = False
            for a in self.find_actors(e["person"]):
                for r in a.get("roles", []):
                    if norm(e["title_contains"]) not in norm(r.get("title")) and norm(e["title_contains"]) not in norm(
                        r.get("organization_name")
                    ):
                        if not (
                            r.get("organization")
                            and e["title_contains"]
                            and _label_matches(self.names(r["organization"]), e["title_contains"])
                        ):
                            continue
                    if e.get("organization") and not (
                        (r.get("organization") and self.is_actor(r["organization"], e["organization"]))
                        or norm(e["organization"]) in norm(r.get("title"))
                        or norm(e["organization"]) in norm(r.get("organization_name"))
                    ):
                        continue
                    ok = True
            out.append((ok, f"role of {e['person']}: {e['title_contains']}"))
        return out

    def attributions_(self, exp: list[Json]) -> list[Check]:
        out: list[Check] = []
        for e in exp:
            ok = False
            for att in self.attributions.values():
                if norm(e["contains"]) not in norm(att.get("content")):
                    continue
                labels = self.speaker_labels(att)
                sp = att.get("speaker") or {}
                if e.get("speaker") and not (sp.get("actor") and self.is_actor(sp["actor"], e["speaker"])):
                    continue
                if e.get("speaker_description_contains") and not _label_matches(labels, e["speaker_description_contains"]):
                    continue
                if "anonymous" in e and bool(sp.get("anonymous")) != e["anonymous"]:
                    continue
                if "direct" in e and bool(att.get("direct")) != e["direct"]:
                    continue
                ok = True
                break
            who = e.get("speaker") or e.get("speaker_description_contains")
            out.append((ok, f"attribution {e['contains'][:50]!r} -> {who}"))
        return out

    def quantities(self, exp: list[Json]) -> list[Check]:
        out: list[Check] = []
        for e in exp:
            ok = any(
                norm(e["text_contains"]) in norm(q.get("text"))
                and q.get("min") == e["min"]
                and q.get("max") == e["max"]
                and norm(e.get("unit_contains", "")) in norm(q.get("unit"))
                for q in self.data.get("quantities", [])
            )
            out.append((ok, f"quantity {e['text_contains']!r} = {e['min']}..{e['max']} {e.get('unit_contains', '')}"))
        return out

    def timeline(self, exp: list[Json]) -> list[Check]:
        out: list[Check] = []
        for e in exp:
            ok = any(
                norm(e["text_contains"]) in norm(t.get("text")) and str(t.get("date", "")).startswith(e["date_prefix"])
                for t in self.data.get("timeline", [])
            )
            out.append((ok, f"date {e['text_contains']!r} -> {e['date_prefix']}"))
        return out

    def relations(self, exp: list[Json]) -> list[Check]:
        out: list[Check] = []
        for e in exp:
            preds = {norm(p) for p in e["predicate_any"]}
            best = 0
            best_sources = 0
            for r in self.data.get("relations", []):
                if norm(r.get("predicate")) not in preds:
                    continue
                fwd = self.is_actor(r.get("subject"), e["subject"]) and self.is_actor(r.get("object"), e["object"])
                rev = self.is_actor(r.get("subject"), e["object"]) and self.is_actor(r.get("object"), e["subject"])
                if fwd or (rev and (e.get("symmetric") or r.get("symmetric"))):
                    best = max(best, len(r.get("supporting", [])))
                    best_sources = max(best_sources, len(set(map(str, r.get("sources", [])))))
            ok = best >= e.get("min_supporting", 1) and best_sources >= e.get("min_sources", 0)
            out.append(
                (
                    ok,
                    f"relation {e['subject']} {'/'.join(e['predicate_any'])} {e['object']} "
                    f"(supporting {best}/{e.get('min_supporting', 1)}, sources {best_sources}/{e.get('min_sources', 0)})",
                )
            )
        return out

    def not_relations(self, exp: list[Json]) -> list[Check]:
        out: list[Check] = []
        for e in exp:
            preds = {norm(p) for p in e["predicate_any"]}
            bad = [
                r
                for r in self.data.get("relations", [])
                if norm(r.get("predicate")) in preds
                and (
                    (self.is_actor(r.get("subject"), e["subject"]) and self.is_actor(r.get("object"), e["object"]))
                    or (
                        r.get("symmetric")
                        and self.is_actor(r.get("subject"), e["object"])
                        and self.is_actor(r.get("object"), e["subject"])
                    )
                )
                and not r.get("opposing")
                and r.get("supporting")
            ]
            out.append((not bad, f"no relation {e['subject']} {'/'.join(e['predicate_any'])} {e['object']}"))
        return out

    def events(self, exp: list[Json]) -> list[Check]:
        out: list[Check] = []
        for e in exp:
            types = {norm(t) for t in e.get("type_any", [])}
            ok = False
            for ev in self.data.get("events", []):
                if types and not types & {norm(ev.get("type")), norm(ev.get("plover"))}:
                    continue
                if e.get("actor") and not self.is_actor(ev.get("actor"), e["actor"]):
                    continue
                if e.get("target") and not (
                    self.is_actor(ev.get("target"), e["target"]) or _label_matches({norm(ev.get("target_group"))}, e["target"])
                ):
                    continue
                if e.get("location_contains") and norm(e["location_contains"]) not in norm(ev.get("location")):
                    continue
                if any(k in e and ev.get(k) != e[k] for k in ("killed", "wounded", "captured")):
                    continue
                ok = True
                break
            what = "/".join(e.get("type_any", [])) or "event"
            counts = ", ".join(f"{k} {e[k]}" for k in ("killed", "wounded", "captured") if k in e)
            out.append((ok, f"event {what} by {e.get('actor')} on {e.get('target')} ({counts})"))
        return out

    def contradictions(self, exp: list[Json]) -> list[Check]:
        out: list[Check] = []
        for e in exp:
            ok = False
            for c in self.data.get("contradictions", []):
                sides = [self.claim_sides(cid) for cid in c.get("claims", [])]
                text = norm(
                    " ".join(
                        [c.get("about", ""), c.get("explanation", "")]
                        + [self.claims.get(cid, {}).get("text", "") for cid in c.get("claims", [])]
                    )
                )
                if not any(norm(a) in text for a in e["about_any"]):
                    continue
                for a, b in e["sides_any"]:
                    if any(_label_matches(s1, a) for s1 in sides) and any(_label_matches(s2, b) for s2 in sides):
                        ok = True
            out.append((ok, f"contradiction between {e['sides_any'][0]} about {e['about_any']}"))
        return out

    def commitments(self, exp: list[Json]) -> list[Check]:
        out: list[Check] = []
        for e in exp:
            ok = False
            for c in self.data.get("commitments", []):
                if not self.is_actor(c.get("obligor"), e["obligor"]):
                    continue
                if not any(norm(w) in norm(c.get("obligation")) for w in e["obligation_any"]):
                    continue
                if norm(c.get("status")) not in {norm(s) for s in e["status_any"]}:
                    continue
                if len(c.get("evidence_against", [])) < e.get("min_evidence_against", 0):
                    continue
                ok = True
            out.append((ok, f"commitment of {e['obligor']} on {e['obligation_any'][0]!r} status in {e['status_any']}"))
        return out

    def section(self, name: str, expected: Any) -> list[Check]:
        fn: Callable[[Any], list[Check]] = getattr(self, _METHODS[name])
        return fn(expected)


# Sections in the checker's order, and the method checking each.
_METHODS = {
    "document": "document",
    "actors": "actors_",
    "not_actors": "not_actors",
    "roles": "roles",
    "attributions": "attributions_",
    "quantities": "quantities",
    "timeline": "timeline",
    "relations": "relations",
    "not_relations": "not_relations",
    "events": "events",
    "contradictions": "contradictions",
    "commitments": "commitments",
}
SECTIONS = tuple(_METHODS)


@dataclass
class ArticleResult:
    """One article's checks: per section, (passed, what) in the order of its YAML."""

    name: str
    sections: dict[str, list[Check]] = field(default_factory=dict)
    named_speakers: int = 0  # attributions whose speaker is not anonymous
    named_graded_f: int = 0  # of those, graded F ("cannot be judged")

    @property
    def passed(self) -> int:
        return sum(ok for checks in self.sections.values() for ok, _ in checks)

    @property
    def total(self) -> int:
        return sum(len(checks) for checks in self.sections.values())

    def score(self, section: str) -> tuple[int, int]:
        checks = self.sections.get(section, [])
        return sum(ok for ok, _ in checks), len(checks)

    def failures(self) -> list[tuple[str, str]]:
        return [(s, what) for s, checks in self.sections.items() for ok, what in checks if not ok]


def check_expected(expected: Json, analysis: Json, only: Iterable[str] | None = None, name: str = "") -> ArticleResult:
    """Hold one analysis against one expected-facts mapping, as check-expected does."""
    wanted = set(only) if only else None
    checker = Checker(analysis)
    result = ArticleResult(name)
    for section in SECTIONS:
        if section not in expected or (wanted and section not in wanted):
            continue
        result.sections[section] = checker.section(section, expected[section])
    return result


def section_totals(results: Iterable[ArticleResult]) -> dict[str, tuple[int, int]]:
    """Passed and total checks per section over a set of articles, in the checker's order."""
    totals: dict[str, list[int]] = {}
    for r in results:
        for section in r.sections:
            p, t = r.score(section)
            acc = totals.setdefault(section, [0, 0])
            acc[0] += p
            acc[1] += t
    return {s: (totals[s][0], totals[s][1]) for s in SECTIONS if s in totals}


def load_articles(directory: str | Path) -> list[tuple[str, Path, Json]]:
    """(name, text path, expected facts) for each ``NAME.txt`` with a ``NAME.yaml`` beside it."""
    root = Path(directory)
    if not root.is_dir():
        raise EvaluationError(f"{root}: no such directory (expected NAME.txt files with NAME.yaml expected facts)")
    out = []
    for txt in sorted(root.glob("*.txt")):
        expected_path = txt.with_suffix(".yaml")
        if not expected_path.is_file():
            continue
        try:
            expected = yaml.safe_load(expected_path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise EvaluationError(f"{expected_path}: cannot read expected facts: {exc}") from exc
        if not isinstance(expected, dict):
            raise EvaluationError(f"{expected_path}: expected facts must be a mapping of sections")
        out.append((txt.stem, txt, expected))
    if not out:
        raise EvaluationError(f"{root}: no NAME.txt with a NAME.yaml beside it")
    return out


def _published(expected: Json) -> str | None:
    doc = expected.get("document")
    value = doc.get("published") if isinstance(doc, dict) else None
    return str(value) if value else None


def evaluate_articles(
    directory: str | Path,
    only: Iterable[str] | None = None,
    names: Iterable[str] | None = None,
    keep: Callable[[str, Json], None] | None = None,
) -> list[ArticleResult]:
    """Analyse every article of ``directory`` and check it against its expected facts.

    ``names`` keeps the articles whose name contains one of them; ``keep``
    receives each article's analysis JSON (to save it, say).
    """
    # the API (store and analysis layers) is imported here: reading and checking need none of it
    from claimgraph.api import analyze

    articles = load_articles(directory)
    if names:
        wanted = list(names)
        articles = [a for a in articles if any(n in a[0] for n in wanted)]
        if not articles:
            raise EvaluationError(f"{directory}: no article name contains {', '.join(wanted)}")
    results = []
    for name, path, expected in articles:
        data = analyze(str(path), published=_published(expected)).to_dict()
        if keep is not None:
            keep(name, data)
        result = check_expected(expected, data, only, name)
        result.named_speakers, result.named_graded_f = named_speaker_grades(data)
        results.append(result)
    return results


def named_speaker_grades(data: Json) -> tuple[int, int]:
    """Attributions with a named (not anonymous) speaker, and how many of them are graded F."""
    named = graded_f = 0
    for att in data.get("attributions", []):
        sp = att.get("speaker") or {}
        if sp.get("anonymous") or not (sp.get("actor") or sp.get("text") or sp.get("description")):
            continue
        named += 1
        if ((sp.get("reliability") or {}).get("grade")) == "F":
            graded_f += 1
    return named, graded_f
