"""Numbers with what they count: "200 to 500 Al Qaeda fighters", "approximately 2,500 soldiers".

A count is a number or a range, a hedge ("around", "more than") and the noun
it counts, with the actor named in between ("Al Qaeda fighters" counts
fighters of al-Qaeda). Dates, times, ordinals and years are left to the date
finder, but for durations inside them ("extended by five days", "a five-year
period"): a number of units of time is a count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimgraph import data as vocab
from claimgraph.data import number_word
from claimgraph.nlp.util import indices_with, like_num_indices

__all__ = ["RawQuantity", "QuantityFinder", "number_word", "parse_number"]

# the count words of data/counts.yaml, read once at import
_WORDS = vocab.numbers("counts.yaml", "number_words")
_SCALES = vocab.numbers("counts.yaml", "scales")
_VAGUE = vocab.ranges("counts.yaml", "vague_counts")
_APPROX = vocab.words("counts.yaml", "approximate")
_LOWER = tuple(tuple(p.split()) for p in vocab.phrases("counts.yaml", "lower_bounds"))
_UPPER = tuple(tuple(p.split()) for p in vocab.phrases("counts.yaml", "upper_bounds"))
_DURATION = vocab.words("counts.yaml", "duration_units")
_NOT_DURATION = vocab.words("counts.yaml", "not_durations_after")
_FRACTIONS = vocab.words("counts.yaml", "fractions")
_CURRENCIES = {"$": "USD", "\u00a3": "GBP", "\u20ac": "EUR"}
_QUOTES = {'"', "\u201c", "\u201d", "'", "\u2018", "\u2019"}
_RANGE_JOIN = {"to", "-", "\u2013", "and", "or"}
_SKIP_ENTS = {"DATE", "TIME", "ORDINAL"}
_NUM_RE = re.compile(r"^[$\u00a3\u20ac]?\d[\d,]*(\.\d+)?$")


def parse_number(tok: Token) -> float | None:
    """The value of one number token ("2,500", "11", "two"); None if it is not one."""
    text = tok.text.lower().lstrip("$\u00a3\u20ac")
    if _NUM_RE.match(text):
        try:
            return float(text.replace(",", ""))
        except ValueError:
            return None
    if text in _WORDS:
        return float(_WORDS[text])
    return None


@dataclass
class RawQuantity:
    start: int  # token offsets of the whole phrase
    end: int
    min: float
    max: float
    unit: str | None
    approximate: bool
    of_tokens: tuple[int, int] | None
    bound: str | None = None


class QuantityFinder:
    """The ``claimgraph_quantities`` component: sets ``doc._.cg_quantities``."""

    def __call__(self, doc: Doc) -> Doc:
        skip = [False] * len(doc)
        for ent in doc.ents:
            if ent.label_ in _SKIP_ENTS:
                for i in range(ent.start, ent.end):
                    skip[i] = True
        out: list[RawQuantity] = []
        n = len(doc)
        starts = sorted(set(like_num_indices(doc)) | set(indices_with(doc, _VAGUE)) | set(indices_with(doc, ("dozen",))) | {
            i for i in indices_with(doc, ("$", "\u00a3", "\u20ac"))
        })
        pos = 0
        for i in starts:
            if i < pos:
                continue  # inside a phrase already read
            tok = doc[i]
            value = parse_number(tok)
            in_date = skip[i]
            if value is None and tok.lower_ in _VAGUE and i + 1 < n and doc[i + 1].lower_ == "of":
                vague_lo, vague_hi = _VAGUE[tok.lower_]
                lo, hi, end = float(vague_lo), float(vague_hi), i + 2
                scale = _SCALES.get(doc[end].lower_[:-1], 0) if end < n and doc[end].lower_.endswith("s") else 0
                if scale and end + 1 < n and doc[end + 1].lower_ == "of":
                    # "tens of thousands of people": 20,000 to 99,999
                    lo, hi, end = lo * scale, (hi + 1) * scale - 1, end + 2
                elif scale:
                    continue  # "hundreds of thousands more": of nothing named
                q = self._unit(doc, i, end, lo, hi, True)
                if q is not None:
                    out.append(q)
                    pos = q.end
                continue
            if value is None or (in_date and doc[i].ent_type_ == "ORDINAL"):
                continue
            k = i + 2 if i + 2 < n and doc[i + 1].text == "-" else i + 1
            if k < n and doc[k].lower_ in _FRACTIONS:
                continue  # "two-thirds of the population": a fraction
            start, end = i, i + 1
            lo = hi = value
            if tok.lower_ == "dozen" and i > 0 and doc[i - 1].lower_ == "a":
                start = i - 1  # "more than a dozen"
                if i > 1 and doc[i - 2].lower_ == "half":
                    start, lo, hi = i - 2, value / 2, value / 2  # "half a dozen"
            # "twenty-five": the tens and the units
            if value in (20, 30, 40, 50, 60, 70, 80, 90) and tok.is_alpha and end + 1 < n and doc[end].text == "-" and not doc[end].whitespace_:
                units = _WORDS.get(doc[end + 1].lower_)
                if units is not None and 0 < units < 10:
                    lo = hi = value + units
                    end += 2
            # scales: "1.5 million", "two hundred"
            first_scale = 1.0
            while end < n and doc[end].lower_ in _SCALES:
                lo = hi = lo * _SCALES[doc[end].lower_]
                first_scale *= _SCALES[doc[end].lower_]
                end += 1
            # ranges: "200 to 500", "between 200 and 500", "200-500"
            if end + 1 < n and doc[end].lower_ in _RANGE_JOIN:
                second = parse_number(doc[end + 1])
                joiner = doc[end].lower_
                if second is not None and second > lo and (joiner != "and" or (start > 0 and doc[start - 1].lower_ == "between")):
                    hi = second
                    end += 2
                    second_scale = 1.0
                    while end < n and doc[end].lower_ in _SCALES:
                        hi *= _SCALES[doc[end].lower_]
                        second_scale *= _SCALES[doc[end].lower_]
                        end += 1
                    if first_scale == 1 and second_scale > 1 and lo * second_scale <= hi:
                        lo *= second_scale  # "two to three billion": both in billions
                    if hi < lo * 10 and lo < 1000 and doc[start + 1].lower_ in _SCALES:
                        lo *= _SCALES[doc[start + 1].lower_]
            if start > 0 and doc[start - 1].text in _CURRENCIES:
                # "about $2 billion": the hedge before the symbol
                approximate, bound, hedged = self._hedge(doc, start - 1)
                start = hedged if hedged < start - 1 else start
            else:
                approximate, bound, start = self._hedge(doc, start)
            if hi > lo and start > 0 and doc[start - 1].lower_ == "between":
                start -= 1  # "between 5,000 and 7,000"
            is_year = 1800 <= lo <= 2100 and float(lo).is_integer() and not doc[i].text.count(",") and hi == lo
            if in_date:
                # a date or a time: only a duration is a count ("extended by five days"), never a year ("the 2019 year")
                q = None if is_year else self._duration(doc, start, end, lo, hi, approximate)
                if q is not None:
                    q.bound = bound
                    out.append(q)
                    pos = q.end
                continue
            if is_year:
                # a bare year the NER missed
                pos = end
                continue
            q = self._unit(doc, start, end, lo, hi, approximate)
            if q is not None:
                q.bound = bound
                out.append(q)
            pos = max(end, q.end if q else end)
        doc._.cg_quantities = out
        return doc

    def _hedge(self, doc: Doc, start: int) -> tuple[bool, str | None, int]:
        words = [t.lower_ for t in doc[max(0, start - 3) : start]]
        for phrase_set, bound in ((_LOWER, "lower"), (_UPPER, "upper")):
            for phrase in phrase_set:
                if tuple(words[-len(phrase):]) == phrase:
                    return True, bound, start - len(phrase)
        if words and words[-1] in _APPROX:
            back = 2 if len(words) >= 2 and words[-2:] == ["an", "estimated"] else 1
            return True, None, start - back
        return False, None, start

    def _duration(self, doc: Doc, start: int, end: int, lo: float, hi: float, approximate: bool) -> RawQuantity | None:
        """ "five days", "a five-year period", "two to three months": a number of units of time."""
        n = len(doc)
        j = end + 1 if end + 1 < n and doc[end].text in ("-", "\u2013") else end
        if j >= n or doc[j].lower_ not in _DURATION:
            return None
        after = doc[j + 1 : j + 3]
        if any(t.lower_ in _NOT_DURATION for t in after if t.text != "-"):
            return None
        return RawQuantity(start, j + 1, lo, hi, doc[j].lower_, approximate, None)

    def _unit(self, doc: Doc, start: int, end: int, lo: float, hi: float, approximate: bool) -> RawQuantity | None:
        """Find the counted noun after the number, with any actor named in between."""
        n = len(doc)
        j = end
        unit_tok: Token | None = None
        of_start = of_end = None
        people: Token | None = None  # "five Iranians": a nationality in the plural
        # "six of the soldiers": a part of a group named after "of the"
        # ("one of the parties" is a manner of speaking, not a count)
        partitive = j + 2 < n and doc[j].lower_ == "of" and doc[j + 1].lower_ in ("the", "these", "those")
        if partitive and lo > 1 and doc[j + 2].tag_ not in ("JJS", "RBS") and parse_number(doc[j + 2]) is None:
            j += 2
        if j + 1 < n and doc[j].text == "-" and doc[j + 1].tag_ == "NN" and not (j + 3 < n and doc[j + 2].text == "-" and doc[j + 3].lower_ in _NOT_DURATION):
            # "a 12-member council", "a 48-hour truce": the noun after the hyphen, not the one it qualifies
            return RawQuantity(start, j + 2, lo, hi, doc[j + 1].lower_, approximate, None)
        while j < n and j < end + 6:
            tok = doc[j]
            if tok.text in _QUOTES and j + 1 < n and not tok.whitespace_ and doc[j - 1].whitespace_:
                j += 1  # Two "armed individuals": an opening quote
                continue
            if tok.dep_ == "cc" and j > end and j + 1 < n and doc[j - 1].pos_ == "ADJ" and doc[j + 1].pos_ == "ADJ":
                j += 1  # "hundreds of military and civilian casualties"
                continue
            if tok.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or (tok.text == "-" and j + 1 < n) or tok.dep_ == "compound":
                if tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "NORP", "GPE"):
                    if of_start is None:
                        of_start = j
                    of_end = j + 1
                people = tok if tok.ent_type_ == "NORP" and tok.tag_ == "NNPS" else None
                if tok.pos_ == "NOUN":
                    unit_tok = tok
                    nxt = doc[j + 1] if j + 1 < n else None
                    if nxt is None or nxt.pos_ != "NOUN":
                        break
                j += 1
                continue
            break
        if unit_tok is not None:
            # "scores of security and civilian casualties": the noun the coordinated words qualify
            head = unit_tok.head
            if (
                unit_tok.dep_ in ("nmod", "compound", "amod")
                and unit_tok.tag_ == "NN"
                and unit_tok.lower_ not in ("percent", "pct", "cent", "%")  # "0.6 pct and hourly wages"
                and head.pos_ == "NOUN"
                and 0 < head.i - unit_tok.i <= 4
                and any(t.dep_ == "cc" for t in doc[unit_tok.i + 1 : head.i])
                and any(t.dep_ == "conj" and t.head.i == unit_tok.i and t.pos_ == "ADJ" for t in doc[unit_tok.i + 1 : head.i])
                and all(t.dep_ in ("cc", "conj", "amod", "compound", "nmod") for t in doc[unit_tok.i + 1 : head.i])
            ):
                unit_tok = head
        if unit_tok is None and people is not None:
            return RawQuantity(start, people.i + 1, lo, hi, people.text.lower(), approximate, (of_start, of_end) if of_start is not None and of_end is not None else None)
        if unit_tok is None:
            # percentages and currency carry their unit in the token or after it
            if end < n and doc[end].lower_ in ("percent", "%", "per"):
                return RawQuantity(start, end + 1, lo, hi, "percent", approximate, None)
            # "$50 million", "about $50 million", "\u20ac2bn": the symbol before the number or in it
            for k in range(max(0, start - 1), end):
                symbol = doc[k].text[:1]
                if symbol in _CURRENCIES and (len(doc[k].text) == 1 or parse_number(doc[k]) is not None):
                    cur = _CURRENCIES[symbol]
                    return RawQuantity(min(start, k), end, lo, hi, cur, approximate, None)
            return None
        # "of X" right after the unit names whose they are ("fighters of al-Qaeda")
        k = unit_tok.i + 1
        if of_start is None and k + 1 < n and doc[k].lower_ == "of" and doc[k + 1].pos_ in ("PROPN", "DET"):
            m = k + 1
            while m < n and doc[m].lower_ in ("the", "a"):
                m += 1
            if m < n and doc[m].pos_ == "PROPN":
                of_start = m
                of_end = m + 1
                while of_end < n and (doc[of_end].pos_ == "PROPN" or doc[of_end].text == "-"):
                    of_end += 1
        of = (of_start, of_end) if of_start is not None and of_end is not None else None
        last = unit_tok.i + 1
        if last < n and doc[last].text in _QUOTES and any(t.text in _QUOTES for t in doc[start:last]):
            last += 1  # Two "armed individuals": the closing quote too
        return RawQuantity(start, last, lo, hi, unit_tok.text.lower(), approximate, of)
