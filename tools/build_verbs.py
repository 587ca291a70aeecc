#!/usr/bin/env python3
"""Convert PETRARCH2's CAMEO verb dictionary and the CAMEO-to-PLOVER table into
``claimgraph/data/cameo_verbs.yaml``, the event coder's vocabulary.

    python tools/build_verbs.py ../shared/lexicons

Reads ``petrarch2/CAMEO.2.0.txt`` and ``petrarch2/Phoenix.agents.txt`` (MIT) and ``plover/CAMEO2PLOVER-2021.txt``
(CC BY-SA 4.0) and writes, with both notices:

- ``classes``: each CAMEO code to its PLOVER class and mode;
- ``sectors``: agent nouns of Phoenix.agents.txt (MIT) for irregular armed actors and for
  civilians, which tell unconventional violence (CAMEO 18x) from conventional force (19x);
- ``synsets``: the dictionary's synonym sets that patterns use (``&aircraft``);
- ``groups``: each verb block of the dictionary: its default code, its verbs
  (lemmas, and phrasal verbs as word lists) with their own codes, and its
  patterns: the words that must follow the verb (``after``, each slot a word,
  a compound or a synonym set) or precede it (``before``), the
  preposition that introduces the target when the pattern marks one, and the
  code (null: the pattern says it is no event, "killed in an accident").

PETRARCH's markers for the source ($) and target (+) positions and its
skip markers are dropped, apart from a target's preposition. Run it again
when the lexicons change; the output is sorted, so a rerun on the same input
gives the same file.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import yaml

OUT = Path(__file__).resolve().parent.parent / "claimgraph" / "data" / "cameo_verbs.yaml"
_GROUP = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_CODE = re.compile(r"\[([0-9:\-]+)\]")
_FORMS = re.compile(r"\{[^}]*\}")


def _code(text: str | None) -> str | None:
    """The event code of a bracket: "042:043" is the code and its passive's; "---" is no event."""
    if not text:
        return None
    first = text.split(":")[0].strip()
    return None if not first or first.startswith("-") else first


def _synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    current: str | None = None
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if line.startswith("&"):
            current = line.strip().rstrip("_")
            sets[current] = []
        elif line.startswith("+") and current:
            sets[current].append(" ".join(line[1:].replace("_", " ").split()).lower())
        elif not line.strip():
            current = None
    return sets


class _UnknownSet(Exception):
    """A pattern names a synonym set the dictionary does not define: the pattern is dropped
    (keeping its other words would make it match far more than it says)."""


def _slots(words: str, synsets: dict[str, list[str]]) -> list[str]:
    """Pattern words to slots: a word, alternatives (``bombing|explosion``), a braced compound,
    or ``&name``, a synonym set (in ``synsets``)."""
    out: list[str] = []
    for m in re.finditer(r"\{([^}]*)\}|(&[A-Z_]+)|([A-Z][A-Z'_\-]*(?:/[A-Z][A-Z'_\-]*)*)", words):
        if m.group(1):
            out.append(" ".join(m.group(1).split()).lower())
        elif m.group(2):
            name = m.group(2).rstrip("_")
            if not synsets.get(name):
                raise _UnknownSet(name)
            out.append(name.lower())
        elif m.group(3):
            # BOMBING/EXPLOSION: either word
            out.append(m.group(3).replace("_", " ").replace("/", "|").lower())
    return out


def _pattern(body: str, synsets: dict[str, list[str]]) -> dict[str, Any] | None:
    if "*" not in body:
        return None
    try:
        return _parse_pattern(body, synsets)
    except _UnknownSet:
        return None


def _parse_pattern(body: str, synsets: dict[str, list[str]]) -> dict[str, Any] | None:
    before, after = body.split("*", 1)
    target = re.search(r"\(\s*([A-Z]+)\s+\+\s*\)", after)
    clean = re.sub(r"[()$+%^|@]", " ", after)
    pattern: dict[str, Any] = {"after": _slots(clean, synsets)}
    pre = _slots(re.sub(r"[()$+%^|@]", " ", before), synsets)
    if pre:
        pattern["before"] = pre
    if target:
        pattern["target_prep"] = target.group(1).lower()
    return pattern if pattern["after"] or pre else None


def convert(lexicons: Path) -> dict[str, Any]:
    verbs_file = lexicons / "petrarch2" / "CAMEO.2.0.txt"
    table_file = lexicons / "plover" / "CAMEO2PLOVER-2021.txt"
    lines = verbs_file.read_text(encoding="utf-8", errors="replace").splitlines()
    synsets = _synsets(lines)
    groups: list[dict[str, Any]] = []
    group: dict[str, Any] | None = None
    for raw in lines:
        line, _, _comment = raw.partition("#")
        line = line.rstrip()
        head = _GROUP.match(line)
        if head:
            group = {"name": head.group(1).lower(), "code": _code(head.group(2)), "verbs": [], "patterns": []}
            groups.append(group)
            continue
        if group is None or not line.strip() or line.startswith("&"):
            continue
        if line.startswith("-"):
            codes = _CODE.findall(line)
            body = _CODE.sub(" ", line[1:])
            pattern = _pattern(body, synsets)
            if pattern is not None and codes:
                pattern["code"] = _code(codes[-1])
                group["patterns"].append(pattern)
            continue
        # a verb line: KILL, MURDER [190], SLAY {SLAYS ...}, +SHOOT_DOWN {...}
        codes = _CODE.findall(line)
        word = _FORMS.sub(" ", _CODE.sub(" ", line)).strip().split()
        if not word:
            continue
        name = word[0].lstrip("+")
        if not re.fullmatch(r"[A-Z][A-Z'\-]*(?:_[A-Z][A-Z'\-]*)*", name):
            continue
        parts = name.lower().split("_")
        # "KILLED_AND": an inflected first word is a fixed phrase of another verb's forms, not a lemma
        if len(parts) > 1 and re.search(r"(ed|ing)$", parts[0]):
            continue
        entry: dict[str, Any] = {"words": parts} if len(parts) > 1 else {"lemma": parts[0]}
        if codes:
            entry["code"] = _code(codes[0])
        group["verbs"].append(entry)
    classes: dict[str, dict[str, str | None]] = {}
    for raw in table_file.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d+):\s*([A-Z]+)\s*(?:,([^,#]*))?", raw)
        if m and len(m.group(1)) >= 3:
            mode = (m.group(3) or "").strip() or None
            classes[m.group(1)] = {"plover": m.group(2), "mode": mode}
        elif m:
            classes.setdefault(m.group(1), {"plover": m.group(2), "mode": None})
    kept = [g for g in groups if g["verbs"]]
    for g in kept:
        if (g["code"] or "").startswith("10"):
            for p in g["patterns"]:
                p["code"] = _as_demand(p["code"])
    for g in kept:
        g["patterns"].sort(key=lambda p: (-len(p["after"]) - len(p.get("before", [])), str(p)))
    sectors = _sectors(lexicons / "petrarch2" / "Phoenix.agents.txt")
    used = {slot for g in kept for p in g["patterns"] for slot in (*p["after"], *p.get("before", [])) if slot.startswith("&")}
    sets = {name.lower(): sorted(set(members)) for name, members in synsets.items() if name.lower() in used}
    return {
        "classes": dict(sorted(classes.items())),
        "sectors": sectors,
        "synsets": dict(sorted(sets.items())),
        "groups": sorted(kept, key=lambda g: g["name"]),
    }


def _as_demand(code: str | None) -> str | None:
    """A demand block's pattern coded as an appeal (02x) or an intent (03x) is the demand of the
    same thing: CAMEO's appeal, intent and demand categories share their subcategories (021, 031
    and 101 are material cooperation, 026, 036 and 106 a meeting, ...), and a demand is no appeal
    ("demanded talks" is 106, not 026, which PLOVER drops with the rest of CAMEO 02)."""
    if not code or code[:2] not in ("02", "03"):
        return code
    rest = code[2:]
    if rest[:1] in ("8", "9"):  # accept mediation, mediate: demand mediation
        return "108"
    return "10" + (rest or "0")


#: Phoenix agent codes: irregular armed actors (rebels, unidentified armed forces, criminals),
#: civilians (the public, refugees, media, health, education, religion) and the military: violence
#: of the first against anyone but the military, or against the second, CAMEO codes as
#: unconventional (18x) rather than conventional military force (19x)
_IRREGULAR = ("REB", "UAF", "CRM")
_CIVILIAN = ("CVL", "REF", "MED", "HLH", "EDU", "REL")
_MILITARY = ("MIL", "GOVMIL")
_POLICE = ("COP", "GOVCOP")


def _sectors(path: Path) -> dict[str, list[str]]:
    out: dict[str, set[str]] = {"irregular": set(), "civilian": set(), "military": set(), "police": set()}
    if not path.exists():
        return {k: [] for k in out}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^\+?([A-Z][A-Z0-9'_\-]*)\s*\[~([A-Z]+)\]", line)
        if not m:
            continue
        word, code = m.group(1).replace("_", " ").lower().strip(), m.group(2)
        if code.endswith(_IRREGULAR) or code in _IRREGULAR:
            out["irregular"].add(word)
        elif code in _CIVILIAN:
            out["civilian"].add(word)
        elif code in _MILITARY:
            out["military"].add(word)
        elif code in _POLICE:
            out["police"].add(word)
    return {k: sorted(v) for k, v in out.items()}


HEADER = """\
# The event coder's vocabulary: CAMEO verb patterns and their PLOVER classes.
# Generated by tools/build_verbs.py from ../shared/lexicons; do not edit by hand.
#
# groups, synsets: PETRARCH2's CAMEO.2.0.txt verb dictionary, and sectors: its
#   Phoenix.agents.txt (openeventdata/petrarch2),
#   The MIT License (MIT), Copyright (c) 2015 Open Event Data Alliance:
#   Permission is hereby granted, free of charge, to any person obtaining a copy of
#   this software and associated documentation files (the "Software"), to deal in
#   the Software without restriction, including without limitation the rights to
#   use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
#   the Software, and to permit persons to whom the Software is furnished to do so,
#   subject to the following conditions:
#   The above copyright notice and this permission notice shall be included in all
#   copies or substantial portions of the Software.
#   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
#   IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
#   FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
#   COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
#   IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
#   CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
# classes: CAMEO2PLOVER-2021.txt of the PLOVER manual (openeventdata/PLOVER),
#   Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0),
#   edited by Philip Schrodt; this table is shared under the same licence.
"""


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    lexicons = Path(argv[1])
    if not (lexicons / "petrarch2" / "CAMEO.2.0.txt").exists():
        print(f"error: no petrarch2/CAMEO.2.0.txt under {lexicons}", file=sys.stderr)
        return 1
    data = convert(lexicons)
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=200, default_flow_style=None)
    OUT.write_text(HEADER + body, encoding="utf-8")
    n_patterns = sum(len(g["patterns"]) for g in data["groups"])
    n_verbs = sum(len(g["verbs"]) for g in data["groups"])
    print(f"wrote {OUT}: {len(data['groups'])} verb groups, {n_verbs} verbs, {n_patterns} patterns, {len(data['classes'])} codes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
