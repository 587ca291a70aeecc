"""The word-list loader: every shipped file matches its schema, and a bad file says where it is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from claimgraph import data as vocab
from claimgraph.errors import ClaimgraphError, VocabularyError

SCHEMA = {
    "verbs": vocab.Kind.WORDS,
    "order": vocab.Kind.PHRASES,
    "kinds": vocab.Kind.WORD_LISTS,
    "values": vocab.Kind.NUMBERS,
    "spellings": vocab.Kind.NAMES,
    "spans": vocab.Kind.RANGES,
}

GOOD = """\
# a comment header
verbs: [say, tell, "no"]
order: [air strike, raid]
kinds: {army: [military], junta: [military, government]}
values: {dozen: 12}
spellings: {defence: defense}
spans: {dozens: [24, 99]}
"""


def _load(tmp_path: Path, text: str) -> dict[str, object]:
    path = tmp_path / "words.yaml"
    path.write_text(text, encoding="utf-8")
    return vocab.validate(path.name, yaml.safe_load(path.read_text(encoding="utf-8")), SCHEMA)


def test_a_good_file_loads_into_sets_tuples_and_dicts(tmp_path: Path) -> None:
    got = _load(tmp_path, GOOD)
    assert got["verbs"] == frozenset({"say", "tell", "no"})
    assert got["order"] == ("air strike", "raid")
    assert got["kinds"] == {"army": ("military",), "junta": ("military", "government")}
    assert got["values"] == {"dozen": 12}
    assert got["spellings"] == {"defence": "defense"}
    assert got["spans"] == {"dozens": (24, 99)}


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (("verbs: [say, tell, \"no\"]", "verbs: [say, tell, no]"), "verbs"),  # YAML 1.1: no is False
        (("verbs: [say, tell, \"no\"]", "verbs: []"), "verbs"),  # empty
        (("verbs: [say, tell, \"no\"]", "verbs: say"), "verbs"),  # not a list
        (("order: [air strike, raid]", "order: [air strike, 3]"), "order"),
        (("kinds: {army: [military], junta: [military, government]}", "kinds: {army: []}"), "kinds.army"),
        (("values: {dozen: 12}", "values: {dozen: twelve}"), "values.dozen"),
        (("values: {dozen: 12}", "values: {dozen: yes}"), "values.dozen"),  # a boolean is no integer
        (("spellings: {defence: defense}", "spellings: {defence: [defense]}"), "spellings.defence"),
        (("spans: {dozens: [24, 99]}", "spans: {dozens: [99, 24]}"), "spans.dozens"),
        (("spans: {dozens: [24, 99]}", "spans: {dozens: 24}"), "spans.dozens"),
        (("spans: {dozens: [24, 99]}", "spans: {dozens: [24, 99]}\nhedges: [about]"), "hedges"),  # unknown key
        (("spans: {dozens: [24, 99]}\n", ""), "spans"),  # missing key
    ],
)
def test_a_bad_file_names_the_file_and_the_key(tmp_path: Path, change: tuple[str, str], key: str) -> None:
    old, new = change
    assert old in GOOD
    with pytest.raises(VocabularyError) as err:
        _load(tmp_path, GOOD.replace(old, new))
    assert isinstance(err.value, ClaimgraphError)
    assert err.value.source == "words.yaml" and err.value.key == key
    assert str(err.value).startswith(f"words.yaml: {key}: ")


def test_a_file_that_is_no_mapping_is_an_error() -> None:
    with pytest.raises(VocabularyError, match="words.yaml: expected a mapping"):
        vocab.validate("words.yaml", ["say"], SCHEMA)


@pytest.mark.parametrize("name", sorted(vocab.SCHEMAS))
def test_every_shipped_word_list_matches_its_schema(name: str) -> None:
    got = vocab.vocabulary(name)
    assert set(got) == set(vocab.SCHEMAS[name])


def test_the_accessors_return_the_declared_kind() -> None:
    assert "say" in vocab.words("cues.yaml", "speech_verbs")
    assert vocab.numbers("counts.yaml", "scales")["thousand"] == 1000
    assert vocab.names("actors.yaml", "spellings")["defence"] == "defense"
    assert vocab.ranges("counts.yaml", "vague_counts")["dozens"] == (24, 99)
    assert "military" in vocab.word_lists("institutions.yaml", "classes")
    assert vocab.phrases("counts.yaml", "lower_bounds")[0] == "more than"
    with pytest.raises(VocabularyError, match="cues.yaml: speech_verbs"):
        vocab.numbers("cues.yaml", "speech_verbs")  # declared as words
    with pytest.raises(VocabularyError, match="nowhere.yaml"):
        vocab.vocabulary("nowhere.yaml")  # no schema declared
