"""Numbers that disagree, explicit rejections, and the chronology of dated facts.

* Two sources giving counts of the same thing (same unit, same actor) whose
  ranges cannot both hold ("200 to 500 fighters" against "50 fighters").
* A source that rejects, denies or dismisses "the claim", "the report" or "the
  allegation" just made by another source, or calls it false ("fake news",
  "baseless"); each side is cited by a claim, a statement if it says no relation.
* The timeline: dated expressions, claims and events of all documents, in order.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from claimgraph.analysis.grading import Source, source_key
from claimgraph.data import denial_cue, denial_words, load_yaml, number_word, phrases, words
from claimgraph.model import Actor, Analysis, Attribution, Claim, TimeExpression, make_id, name_key

__all__ = ["number_contradictions", "rejections", "chronology"]



@lru_cache(maxsize=1)
def _target() -> re.Pattern[str]:
    """What a rejection is about or calls what it answers (``cues.yaml``: rejection_targets)."""
    words = load_yaml("cues.yaml")["rejection_targets"]
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def _speaker_key(att: Attribution | None, doc_id: str, reports: dict[str, str]) -> tuple[str, str]:
    """Who gives a count: the source's identity as grading has it (``source_key``), and a label."""
    if att is None:
        return source_key(None, doc_id, reports), "the article"
    sp = att.speaker
    return source_key(att, doc_id, reports), (sp.text or sp.actor or "") if sp.actor else (sp.description or sp.text or "unnamed source")


def _unit(u: str | None) -> str:
    return (u or "").lower().rstrip("s")


def number_contradictions(
    analysis: Analysis, attributions: dict[str, Attribution], actors: dict[str, Actor], reports: dict[str, str]
) -> list[dict[str, Any]]:
    statements: list[Claim] = []
    holders: dict[str, Attribution | None] = {}
    for q in analysis.quantities:
        inside = [a for a in analysis.attributions if a.document == q.document and a.span[0] <= q.span[0] < a.span[1]]
        holders[q.id] = min(inside, key=lambda a: a.span[1] - a.span[0]) if inside else None
    groups: dict[tuple[str, str], list[Any]] = {}
    for q in analysis.quantities:
        if q.of and q.unit:
            groups.setdefault((q.of, _unit(q.unit)), []).append(q)
        elif q.unit and len(phrase := _counted(q.text).split()) >= 2:
            # "40 to 45 Afghan soldiers" and "eight Afghan soldiers": the same thing counted, within
            # one document (across documents nothing says it is the same day's toll)
            groups.setdefault((f"{q.document}:{' '.join(phrase)}", _unit(q.unit)), []).append(q)
    out = []
    for (of, unit), qs in groups.items():
        for i, a in enumerate(qs):
            for b in qs[i + 1 :]:
                ka, la = _speaker_key(holders[a.id], a.document, reports)
                kb, lb = _speaker_key(holders[b.id], b.document, reports)
                if ka == kb or (of not in actors and (holders[a.id] is None or holders[b.id] is None)):
                    continue  # a count of a phrase needs two speakers who can be told apart
                if of not in actors and not _same_fate(a, b, holders):
                    continue  # "600 prisoners held" and "3,767 prisoners returned home" count two things
                slack_a = 0.1 * a.max if a.approximate else 0
                slack_b = 0.1 * b.max if b.approximate else 0
                if a.max + slack_a < b.min - slack_b or b.max + slack_b < a.min - slack_a:
                    name = actors[of].name if of in actors else _counted(a.text)
                    cited: list[str] = []
                    for q in (a, b):  # each side is cited by a claim of the statement that counts
                        holder = holders[q.id]
                        if holder is not None:
                            cited += [c.id for c in analysis.claims if c.attribution == holder.id][:1] or [_cite(holder, statements)]
                    out.append(
                        {
                            "id": make_id("con", a.id, b.id),
                            "claims": cited,
                            "quantities": [a.id, b.id],
                            "about": f"number of {name} {unit}s",
                            "explanation": f"{la} counts {a.text!r} while {lb} counts {b.text!r}: both cannot hold.",
                        }
                    )
    analysis.claims.extend(statements)
    return out


def _same_fate(a: Any, b: Any, holders: dict[str, Attribution | None]) -> bool:
    """Whether two counts of one phrase say the same of it: the words after each share a stem
    ("40 soldiers had been killed", "eight soldiers were killed")."""

    def after(q: Any) -> set[str]:
        holder = holders[q.id]
        if holder is None:
            return set()
        rest = holder.content[max(0, q.span[0] - holder.span[0]) :]
        rest = rest[len(q.text):] if rest.startswith(q.text) else rest
        # past the phrase's own complement ("prisoners of war (POWs)")
        rest = re.sub(r"^\s*of\s+\S+(\s+\([^)]*\))?", "", rest)
        return _words(" ".join(rest.split()[:6]))

    return bool(after(a) & after(b))


_COUNT_WORDS = words("counts.yaml", "count_modifiers")


def _counted(text: str) -> str:
    """What a quantity counts, without its number: "40 to 45 Afghan soldiers" -> "afghan soldiers"."""
    words = name_key(text).split()
    while words and (words[0] in _COUNT_WORDS or not words[0].isalpha() or number_word(words[0])):
        words.pop(0)
    return " ".join(words)


def _cite(att: Attribution, statements: list[Claim]) -> str:
    """A statement claim for an attribution that carries none (made once)."""
    for c in statements:
        if c.attribution == att.id:
            return c.id
    claim = _statement(att, "affirmed")
    statements.append(claim)
    return claim.id


def _label(att: Attribution, actors: dict[str, Actor]) -> str:
    actor = actors.get(att.speaker.actor or "")
    return name_key(actor.name if actor else (att.speaker.description or att.speaker.text or ""))


def _sides(att: Attribution, actors: dict[str, Actor]) -> set[str]:
    """The speaker's actor and the organisations a speaking person holds a role in."""
    actor = actors.get(att.speaker.actor or "")
    if actor is None:
        return set()
    return {actor.id} | {r.organization for r in actor.roles if r.organization}


def _same_side(a: Attribution, b: Attribution, actors: dict[str, Actor]) -> bool:
    """One speaker, two names of one ("Ministry of Defence", "Ministry of Defense"),
    or a spokesman and the government he speaks for."""
    if a.speaker.actor and a.speaker.actor == b.speaker.actor:
        return True
    if _sides(a, actors) & _sides(b, actors):
        return True
    la, lb = _label(a, actors), _label(b, actors)
    return bool(la and lb and (la == lb or fuzz.ratio(la, lb) >= 90))


#: cues of statements a rejection of "the accusations" or "the report" answers
_ACCUSING = phrases("cues.yaml", "accusing_cues")
_STOP = frozenset("the a an of in on at to and or that this these those is are was were be been by for with from it its "
                  "their his her they he she we as has have had not no such there how what which who against".split())


def _stem(word: str) -> str:
    """A crude stem, so that "killed" meets "killing" and "uses" meets "used"."""
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    if word.endswith("e") and len(word) > 2:
        return word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            return word[: -len(suffix)]
    return word


def _words(text: str) -> set[str]:
    return {_stem(w) for w in name_key(text).split() if len(w) > 2 and w not in _STOP}


def _answered(
    rej: Attribution, atts: list[Attribution], actors: dict[str, Actor], index: dict[str, set[str]] | None = None
) -> Attribution | None:
    """The statement a rejection answers, by another speaker: one the rejection names ("denied
    Erdogan's claim") first, then one whose cue accuses when the rejection is of accusations,
    then one sharing words with it, the nearest first (before or after the denial); else the
    last one before it."""
    # another rejection is no statement to answer: two denials of one thing are one side; nor is a
    # statement inside the denial ("denied that X did it, claiming instead that Y did")
    others = [p for p in atts if p.id != rej.id and not _same_side(p, rej, actors) and not _is_rejection(p)
              and not (rej.span[0] <= p.span[0] and p.span[1] <= rej.span[1])]
    content = name_key(rej.content).split()
    words = _words(rej.content)
    of_accusations = bool(re.search(r"\b(accusation|allegation|claim|report|charge)", rej.content, re.IGNORECASE))
    if _denies_proposition(rej):
        # "denied that civilians were killed": what it denies is the statement that says it, in its words
        others = [p for p in others if len(words & _words(p.content)) >= 2]

    def score(p: Attribution) -> int:
        actor = actors.get(p.speaker.actor or "")
        # a spokesman is named by his organisation ("accusations by the Taliban" answers its spokesman)
        orgs = [actors[r.organization] for r in actor.roles if r.organization in actors] if actor else []
        keys = [name_key(n) for a in ([actor, *orgs] if actor else []) for n in (a.name, *a.aliases)]
        named = any(len(k) > 3 and (k in " ".join(content) or k.split()[-1] in content) for k in keys)
        accusing = of_accusations and bool(p.cue) and (p.cue or "").lower().startswith(_ACCUSING)
        return 4 * named + 2 * accusing + min(2, len(words & _words(p.content)))

    scored = [(score(p), p) for p in others]
    best = max((sc for sc, _ in scored), default=0)
    if best >= 2:
        return min((p for sc, p in scored if sc == best), key=lambda p: (abs(p.span[0] - rej.span[0]), p.span[0] > rej.span[0]))
    if _names_another(rej, actors, index if index is not None else _name_index(actors)):
        return None  # "denied the claims of Maria Lopez": hers is the statement, and none of hers is here
    before = [p for p in others if p.span < rej.span]
    return before[-1] if before else None


def _names_another(rej: Attribution, actors: dict[str, Actor], index: dict[str, set[str]]) -> bool:
    """Whether a rejection names whose claims it rejects ("the claims of Maria Lopez"): a person or
    an organisation that is not on the rejecting side."""
    words = name_key(rej.content).split()
    sides = _sides(rej, actors)
    for n in range(1, 6):
        for i in range(len(words) - n + 1):
            key = " ".join(words[i : i + n])
            if len(key) > 3 and index.get(key, set()) - sides:
                return True
    return False


def name_keys(text: str) -> set[str]:
    """The word n-grams (up to five words) of a text that a name of an actor could be."""
    words = name_key(text).split()
    return {" ".join(words[i : i + n]) for n in range(1, 6) for i in range(len(words) - n + 1) if len(" ".join(words[i : i + n])) > 3}


def _name_index(actors: dict[str, Actor]) -> dict[str, set[str]]:
    """Name key -> persons and organisations so named."""
    index: dict[str, set[str]] = {}
    for a in actors.values():
        if a.type in ("person", "organization"):
            for n in (a.name, *a.aliases):
                index.setdefault(name_key(n), set()).add(a.id)
    return index




def _denies_proposition(att: Attribution) -> bool:
    """ "The army denied that civilians were killed": a denial whose content is the clause it denies."""
    return bool(att.cue and denial_cue(att.cue)) and att.content.lower().startswith("that ")


def _is_rejection(att: Attribution) -> bool:
    """ "rejected the baseless accusations", or a statement that rejects them in its own words
    ("'The government strongly rejects such baseless accusations,' the minister said"), or a
    denial of a clause ("denied that the militia was behind the attack")."""
    if _denies_proposition(att):
        return True
    if not _target().search(att.content):
        return False
    # in reported speech a denial may be someone else's ("X says Rwanda backs M23, which Kigali denies")
    return bool(att.cue and denial_cue(att.cue)) or (att.direct and denial_words(att.content))


_NOT_DENIED = re.compile(r"\b(not|n't|never|nor)\s+(\w+\s+){0,2}\w+\W*$", re.IGNORECASE)


def negated_cue(rej: Attribution, text: str) -> bool:
    """Whether a statement's cue is itself negated ("did not deny that civilians were killed",
    "never promised to"): such a statement rejects or binds nothing."""
    cue = (rej.cue or "").lower()
    before = text[max(0, rej.span[0] - 60) : rej.span[0]]
    at = before.lower().rfind(cue) if cue else -1
    return at >= 0 and bool(_NOT_DENIED.search(before[: at + len(cue)]))


def _speaker_label(att: Attribution, actors: dict[str, Actor]) -> str | None:
    """How the text names a speaker, or its actor's name when that is a pronoun ("who", "he")."""
    text = att.speaker.text
    actor = actors.get(att.speaker.actor or "")
    if actor is not None and (not text or text.islower()):
        return actor.name
    return text


def rejections(
    analysis: Analysis, sources: dict[str, Source], index: dict[str, set[str]] | None = None
) -> list[dict[str, Any]]:
    """ "Foreign governments reject the claim as blatantly false": against the claim just reported."""
    out = []
    actors = {a.id: a for a in analysis.actors}
    # persons and organisations by name: of the analysis, or (a store's) of every stored actor
    index = index if index is not None else _name_index(actors)
    statements: list[Claim] = []
    by_doc: dict[str, list[Attribution]] = {}
    for a in analysis.attributions:
        by_doc.setdefault(a.document, []).append(a)
    texts = {d.id: d.text for d in analysis.documents}
    for atts in by_doc.values():
        atts.sort(key=lambda a: a.span)
        for rej in atts:
            if not _is_rejection(rej) or negated_cue(rej, texts.get(rej.document, "")):
                continue
            prev = _answered(rej, atts, actors, index)
            if prev is None:
                continue
            claims = [c.id for c in analysis.claims if c.attribution in (prev.id, rej.id)]
            # each side is cited by a claim: a statement that carries no relation becomes one
            for att, polarity in ((prev, "affirmed"), (rej, "negated")):
                if not any(c.attribution == att.id for c in analysis.claims) and not any(c.attribution == att.id for c in statements):
                    statements.append(_statement(att, polarity))
                claims += [c.id for c in statements if c.attribution == att.id and c.id not in claims]
            label_prev = _speaker_label(prev, actors) or prev.speaker.description or "a source"
            label_rej = rej.speaker.description or _speaker_label(rej, actors) or "a source"
            out.append(
                {
                    "id": make_id("con", prev.id, rej.id),
                    "claims": claims,
                    "attributions": [prev.id, rej.id],
                    "about": " ".join(prev.content.split())[:120],
                    "explanation": f"{label_rej} {rej.cue if denial_cue(rej.cue) else 'rejected'} what {label_prev} said ({' '.join(prev.content.split())[:100]!r}).",
                }
            )
    analysis.claims.extend(statements)
    return out


#: the predicate of a claim that is a statement and no relation (it cites a side of a contradiction)
STATEMENT = "statement"


def _statement(att: Attribution, polarity: str) -> Claim:
    """The claim an attribution makes when it carries no relation: its speaker says its content."""
    return Claim(
        id=Claim.id_for(att.document, att.span, att.speaker.actor, STATEMENT, None, polarity),
        document=att.document,
        subject=att.speaker.actor,
        predicate=STATEMENT,
        object=None,
        polarity=polarity,
        text=att.content,
        span=att.span,
        attribution=att.id,
    )


def chronology(analysis: Analysis) -> list[TimeExpression]:
    """Dates, dated claims and dated events of all documents, oldest first."""
    items = [t for t in analysis.timeline if t.date]
    for c in analysis.claims:
        if c.date:
            items.append(TimeExpression(c.id, c.document, c.text, c.span, c.date, _precision(c.date), kind="claim"))
    for e in analysis.events:
        if e.get("date"):
            items.append(
                TimeExpression(e["id"], e["document"], e["text"], (e["span"][0], e["span"][1]), e["date"], _precision(e["date"]), kind="event")
            )
    return sorted(items, key=lambda t: (t.date or "", t.document, t.span))


def _precision(value: str) -> str:
    return {4: "year", 7: "month"}.get(len(value), "day")
