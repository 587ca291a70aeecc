"""Actors: gazetteer, titles as roles, surnames, one type per actor, collective references."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _actor(an, name):  # type: ignore[no-untyped-def]
    found = [a for a in an.actors if a.name == name]
    assert found, [(a.name, a.type) for a in an.actors]
    return found[0]


def test_titles_become_roles_and_surnames_resolve(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "NATO Secretary General Anna Kowalczyk met Foreign Minister Pavel Dvorak in Prague on Monday. "
        "Kowalczyk said the alliance would stay. Dvorak agreed."
    )
    an = analyse(text)
    anna = _actor(an, "Anna Kowalczyk")
    assert anna.type == "person"
    assert any("Secretary General" in r.title and r.organization_name == "NATO" for r in anna.roles)
    assert "Kowalczyk" in anna.aliases
    pavel = _actor(an, "Pavel Dvorak")
    assert any("Foreign Minister" in r.title for r in pavel.roles)
    assert not [a for a in an.actors if a.name in ("Kowalczyk", "Dvorak")]


def test_surname_that_is_also_a_city(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "“It will take years,” said Douglas London, a former officer. Tensions grew, said London."
    an = analyse(text)
    assert not [a for a in an.actors if a.name == "London" and a.type == "place"]
    assert _actor(an, "Douglas London").type == "person"


def test_gazetteer_kind_aliases_and_self_designation(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Afghan Taliban met al Qaeda envoys. Al-Qaeda denied it. "
        "The Islamic Emirate of Afghanistan said it controls the province. The insurgents deny any link."
    )
    an = analyse(text)
    taliban = _actor(an, "Taliban")
    assert taliban.kind == "armed_group"
    assert {"Afghan Taliban", "Islamic Emirate of Afghanistan"} <= set(taliban.aliases)
    assert _actor(an, "al-Qaeda").kind == "armed_group"
    insurgents = [m for m in an.mentions if m.text == "insurgents"]
    assert insurgents and insurgents[0].actor == taliban.id


def test_collective_reference_left_alone_when_ambiguous(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "The Red Ridge Front and the Blue Valley Front both signed. The group said it would comply."
    an = analyse(text)
    assert not [m for m in an.mentions if m.text == "group"]


def test_appositive_and_service_roles(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“It is fragile,” said Maria Lopez, the coordinator of the UN monitoring team. "
        "“It will hold,” said John Carter, who served the CIA for 20 years."
    )
    an = analyse(text)
    assert any("coordinator" in r.title for r in _actor(an, "Maria Lopez").roles)
    assert any(r.organization_name == "CIA" for r in _actor(an, "John Carter").roles)


def test_short_form_of_an_organisation(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "The Eastern Shield Brigades signed the truce. Later the Brigades said they would withdraw."
    an = analyse(text)
    brigades = _actor(an, "Eastern Shield Brigades")
    assert "Brigades" in brigades.aliases
