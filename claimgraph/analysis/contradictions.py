"""Contradictions: claims from different sources that cannot both hold.

Two claims contradict when they take opposite polarity on one relation. The
parties may be named at different levels: a claim about a class ("the Taliban
broke with terrorist groups") meets a claim about one of its members ("close
ties with al-Qaeda"), and a denied presence ("no foreign fighters in
Afghanistan") meets an acknowledged one; and two sides that each blame the
other for breaking one agreement contradict each other (``mutual_blame``).
Each contradiction lists both sides with their speakers and grades and says
why in one sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from claimgraph.analysis.grading import Source
from claimgraph.data import CLASS_TYPE, class_members, load_yaml, relation_types
from claimgraph.model import Actor, Attribution, Claim, make_id, name_key

__all__ = ["find_contradictions", "mutual_blame", "accusation_blame", "self_defence"]


def _covers(general: str | None, specific: str | None, actors: dict[str, Actor], members: dict[str, set[str]]) -> bool:
    """True when ``general`` is ``specific`` or a class that has it as a member (None: anywhere)."""
    if general is None or specific is None:
        return general is None or specific is None
    if general == specific:
        return True
    g = actors.get(general)
    s = actors.get(specific)
    return bool(g and s and g.type == CLASS_TYPE and s.name in members.get(g.name, set()))


def _matches(a: Claim, b: Claim, actors: dict[str, Actor], members: dict[str, set[str]], symmetric: bool) -> bool:
    if a.predicate != b.predicate:
        return False

    def same(x: str | None, y: str | None) -> bool:
        return _covers(x, y, actors, members) or _covers(y, x, actors, members)

    if a.subject is None or b.subject is None:
        return False
    if same(a.subject, b.subject) and (a.object is None or b.object is None or same(a.object, b.object)):
        return True
    return symmetric and same(a.subject, b.object) and same(a.object, b.subject)


def _phrase(actors: dict[str, Actor], subject: str | None, predicate: str, obj: str | None) -> str:
    """ "Taliban allied with al-Qaeda", "foreign fighters present" (no place named)."""
    words = predicate.replace("_", " ")
    if obj is None:
        return f"{_name(actors, subject)} {words.split()[0]}"
    return f"{_name(actors, subject)} {words} {_name(actors, obj)}"


def _name(actors: dict[str, Actor], actor_id: str | None) -> str:
    if actor_id is None:
        return "anywhere"
    a = actors.get(actor_id)
    return a.name if a else actor_id


def find_contradictions(
    claims: list[Claim], sources: dict[str, Source], actors: dict[str, Actor], symmetric: dict[str, bool]
) -> list[dict[str, Any]]:
    members = class_members()
    affirmed = [c for c in claims if c.polarity == "affirmed" and c.subject]
    negated = [c for c in claims if c.polarity == "negated" and c.subject]
    out: list[dict[str, Any]] = []
    for neg in negated:
        rivals = [
            c for c in affirmed
            if _matches(neg, c, actors, members, symmetric.get(c.predicate, False)) and sources[c.id].key != sources[neg.id].key
        ]
        # one contradiction per opposing source: its best-graded claim
        best: dict[str, Claim] = {}
        for c in rivals:
            key = sources[c.id].key
            if key not in best or (sources[c.id].reliability, -len(c.boosters)) < (sources[best[key].id].reliability, -len(best[key].boosters)):
                best[key] = c
        if not best:
            continue
        # one contradiction per denial, with the best claim of every source against it
        sides = sorted(best.values(), key=lambda c: (sources[c.id].reliability, sources[c.id].label))
        s_neg = sources[neg.id]
        aff = sides[0]
        about = _phrase(actors, aff.subject, aff.predicate, aff.object)
        if neg.subject != aff.subject or neg.object != aff.object:
            about += " / " + _phrase(actors, neg.subject, neg.predicate, neg.object)
        against = ", ".join(f"{sources[c.id].label} [{sources[c.id].reliability}]" for c in sides)
        out.append(
            {
                "id": make_id("con", neg.id, *[c.id for c in sides]),
                "claims": [neg.id, *[c.id for c in sides]],
                "about": about,
                "sides": [{"claim": neg.id, "source": s_neg.label, "reliability": s_neg.reliability, "polarity": "negated"}]
                + [
                    {"claim": c.id, "source": sources[c.id].label, "reliability": sources[c.id].reliability, "polarity": "affirmed"}
                    for c in sides
                ],
                "explanation": (
                    f"{s_neg.label} [{s_neg.reliability}] denies that {_phrase(actors, neg.subject, neg.predicate, neg.object)}, "
                    f"while {against} say{'s' if len(sides) == 1 else ''} "
                    f"{_phrase(actors, aff.subject, aff.predicate, aff.object)}."
                ),
            }
        )
    return out


#: what one side blames the other for: breaking an agreement, or attacking
_BLAME = ("violates", "attacks")


def mutual_blame(claims: list[Claim], sources: dict[str, Source], actors: dict[str, Actor]) -> list[dict[str, Any]]:
    """ "The army says the RSF broke the truce; the RSF says the army did": within one document,
    two speakers each lay the same breach (of one agreement) or attack on the other's side, so
    at most one account can be the whole truth. Claims in the article's own voice take no side."""
    out = []
    # text order, whatever order the claims came in: which claim is "a" names the contradiction
    reported = sorted((c for c in claims if c.predicate in _BLAME and c.polarity == "affirmed" and c.attribution and c.subject),
                      key=_text_order)
    # a statement that blames both ("the foes accused each other") takes no side
    both = {a.attribution for a in reported for b in reported
            if a.attribution == b.attribution and a.predicate == b.predicate and a.subject != b.subject and a.object == b.object}
    reported = [c for c in reported if c.attribution not in both]
    for i, a in enumerate(reported):
        for b in reported[i + 1 :]:
            if a.document != b.document or a.subject == b.subject or a.predicate != b.predicate:
                continue
            same_thing = a.object == b.object or (a.object == b.subject and b.object == a.subject)
            if not same_thing or sources[a.id].key == sources[b.id].key:
                continue
            # each accusation comes from the accused's opponent, not from the accused itself
            if sources[a.id].key == a.subject or sources[b.id].key == b.subject:
                continue
            what = _name(actors, a.object) if a.object == b.object else "attacks on each other"
            out.append(
                {
                    "id": make_id("con", "blame", a.id, b.id),
                    "kind": "mutual_blame",
                    "claims": [a.id, b.id],
                    "about": what,
                    "explanation": (
                        f"{sources[a.id].label} says {_name(actors, a.subject)} {a.predicate.replace('_', ' ')} "
                        f"{_name(actors, a.object)}; {sources[b.id].label} says {_name(actors, b.subject)} did."
                    ),
                }
            )
    return out


def _text_order(c: Claim) -> tuple[str, int, str]:
    return c.document, c.span[0], c.id


def _memberships(claims: list[Claim]) -> dict[str, set[str]]:
    """Actor -> the states and organisations it is said to be a member of or to speak for."""
    out: dict[str, set[str]] = {}
    for c in claims:
        if c.predicate in ("member_of", "spokesperson_for") and c.polarity == "affirmed" and c.subject and c.object:
            out.setdefault(c.subject, set()).add(c.object)
    return out


def _sides_of(actor_id: str, members: dict[str, set[str]], actors: dict[str, Actor]) -> set[str]:
    """An actor, the state or organisation it is a member of, and those it speaks or works for."""
    out = {actor_id} | members.get(actor_id, set())
    actor = actors.get(actor_id)
    if actor is not None:
        out |= {r.organization for r in actor.roles if r.organization}
    return out


def _by_document(items: Any) -> dict[str, list[Any]]:
    """Claims or attributions by document, in text order: the first that fits is the one cited,
    whether the items came from an analysis in hand or from the store."""
    out: dict[str, list[Any]] = {}
    for x in sorted(items, key=lambda x: (x.document, x.span[0], x.id)):
        out.setdefault(x.document, []).append(x)
    return out


def accusation_blame(
    claims: list[Claim], attributions: dict[str, Attribution], sources: dict[str, Source], actors: dict[str, Actor]
) -> tuple[list[dict[str, Any]], list[Claim]]:
    """ "Zamora accused Oren of shelling its villages" and "Oren said Zamoran troops shelled its
    positions first": one side accuses the other of an attack, and the accused says the accuser
    (or its forces) attacked. The accusation is cited by a statement claim of its attribution
    (returned, to be added to the claims); the other side by its attack claim."""
    from claimgraph.analysis.numbers import _statement, _stem

    attack_stems = {_stem(w) for w in relation_types()["attacks"].get("verbs") or []}
    out: list[dict[str, Any]] = []
    statements: list[Claim] = []
    members = _memberships(claims)
    atts_in = _by_document(attributions.values())
    claims_in = _by_document(claims)
    accusations = [c for c in sorted(claims, key=_text_order) if c.predicate == "accuses" and c.polarity == "affirmed" and c.subject and c.object]
    for acc in accusations:
        # the accuser's own words: its attribution in the accusation's sentence, about an attack
        said = [a for a in atts_in.get(acc.document, []) if a.speaker.actor == acc.subject
                and acc.span[0] <= a.span[0] < acc.span[1] and (a.cue or "").lower().startswith(("accus", "blam", "charg"))
                and {_stem(w) for w in name_key(a.content).split()} & attack_stems]
        if not said:
            continue
        accuser_sides = _sides_of(acc.subject or "", members, actors)
        accused_sides = _sides_of(acc.object or "", members, actors)
        answers = [c for c in claims_in.get(acc.document, []) if c.predicate == "attacks" and c.polarity == "affirmed"
                   and c.attribution in attributions and c.subject is not None
                   and (attributions[c.attribution].speaker.actor or "") in accused_sides
                   and (c.subject in accuser_sides or acc.subject in _sides_of(c.subject, members, actors))]
        if not answers:
            continue
        att = said[0]
        statement = next((c for c in claims_in.get(acc.document, []) + statements if c.attribution == att.id and c.predicate != "accuses"), None)
        if statement is None:
            statement = _statement(att, "affirmed")
            statements.append(statement)
        answer = answers[0]
        answerer = attributions[answer.attribution or ""].speaker.actor
        out.append(
            {
                "id": make_id("con", "blame", statement.id, answer.id),
                "kind": "mutual_blame",
                "claims": [statement.id, answer.id],
                "about": "attacks on each other",
                "explanation": (
                    f"{_name(actors, acc.subject)} accuses {_name(actors, acc.object)} of attacking "
                    f"({' '.join(att.content.split())[:100]!r}); {_name(actors, answerer)} "
                    f"says {_name(actors, answer.subject)} attacked."
                ),
            }
        )
    return out, statements


_PASSIVE = re.compile(r"\b(was|were|is|are|been|being|be|under)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _retaliation() -> re.Pattern[str]:
    words = load_yaml("cues.yaml")["retaliation_words"]
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")", re.IGNORECASE)


_SELF = frozenset({"it", "its", "they", "their", "we", "our"})


def _says_of_itself(content: str, speaker: Actor) -> bool:
    """ "(that) it retaliated", "their forces repulsed": the statement is about the speaker's side."""
    words = name_key(content).split()
    if words[:1] == ["that"]:
        words = words[1:]
    if words[:1] and words[0] in _SELF:
        return True
    text = " ".join(words)
    return any(text.startswith(name_key(n)) for n in (speaker.name, *speaker.aliases) if name_key(n))


def self_defence(
    claims: list[Claim], attributions: dict[str, Attribution], sources: dict[str, Source], actors: dict[str, Actor]
) -> tuple[list[dict[str, Any]], list[Claim]]:
    """ "The army said it retaliated against an attempted incursion" while the rebels say they
    "repulsed an attack by the army": a side that says it only answered an attack meets, in the
    same document, another speaker's words that it attacked ("attack by <it>", "<it> attacked").
    Each side is cited by a claim of its statement (a statement claim, returned, when it has none)."""
    from claimgraph.analysis.numbers import _statement, _stem

    attack_words = {w for w in (relation_types()["attacks"].get("verbs") or []) + (relation_types()["attacks"].get("nouns") or [])}
    attack = "|".join(sorted({re.escape(_stem(w)) for w in attack_words}, key=len, reverse=True))
    out: list[dict[str, Any]] = []
    statements: list[Claim] = []
    members = _memberships(claims)
    atts_in = _by_document(attributions.values())
    claims_in = _by_document(claims)
    for r in [a for atts in atts_in.values() for a in atts]:
        speaker = actors.get(r.speaker.actor or "")
        if speaker is None or not _retaliation().search(r.content) or not _says_of_itself(r.content, speaker):
            continue
        names = "|".join(re.escape(n) for n in sorted({speaker.name, *speaker.aliases}, key=len, reverse=True) if len(n) > 3)
        if not names:
            continue
        # the other account makes it the attacker: "an attack by the Fama (Malian army)", "the Malian army attacked"
        doer = re.compile(rf"\b(?:{attack})\w*\s+by\b[^.;]{{0,40}}\b(?:{names})\b|\b(?:{names})\b\W+(?:\w+\W+){{0,2}}(?:{attack})\w*", re.IGNORECASE)
        sides = _sides_of(speaker.id, members, actors)
        for t in atts_in[r.document]:
            if t.id == r.id or (t.speaker.actor and (t.speaker.actor in sides or speaker.id in _sides_of(t.speaker.actor, members, actors))):
                continue
            # "the army attacked", not "the army was attacked"
            if not (t.speaker.actor or t.speaker.description) or not any(
                    not _PASSIVE.search(m.group(0)) for m in doer.finditer(t.content)):
                continue
            cited: list[str] = []
            for att in (t, r):
                mine = next((c for c in claims_in.get(att.document, []) + statements if c.attribution == att.id), None)
                if mine is None:
                    mine = _statement(att, "affirmed")
                    statements.append(mine)
                cited.append(mine.id)
            label_t = _name(actors, t.speaker.actor) if t.speaker.actor else (t.speaker.description or "a source")
            out.append(
                {
                    "id": make_id("con", "defence", t.id, r.id),
                    "kind": "self_defence",
                    "claims": cited,
                    "defender": speaker.id,
                    "about": f"who attacked: {speaker.name}",
                    "explanation": (
                        f"{label_t} says {speaker.name} attacked ({' '.join(t.content.split())[:100]!r}); "
                        f"{speaker.name} says it answered an attack ({' '.join(r.content.split())[:100]!r})."
                    ),
                }
            )
            break
    return out, statements
