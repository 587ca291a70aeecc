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


# -- places, kinds, titles before names, acronyms (issue 12) --


def test_places_list_types_and_kinds() -> None:
    from claimgraph.nlp.places import load_places

    places = load_places()
    assert places.kind("Chad") == "country" and places.kind("NIGER") == "country"
    assert places.country_of("Malian") == "Mali" and places.country_of("Sudanese") == "Sudan"
    assert places.kind("Zamora Kills") is None


def test_a_place_is_never_a_person_and_provinces_by_their_word(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Fighting spread to Chad and Armenia on Monday, officials said. "
        "Troops moved into the northern Oreno region and the Varka province, where Kursk Oblast lies."
    )
    an = analyse(text)
    types = {a.name: a.type for a in an.actors}
    assert types.get("Chad") == "place" and types.get("Armenia") == "place"
    assert types.get("Oreno") == "place" and types.get("Varka") == "place"
    assert types.get("Kursk Oblast") == "place"
    assert "Varka province" not in types


def test_kinds_from_name_words(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Colombian Army clashed with the Zarda Army near the border. "
        "The Northern Refugee Council and the Kivu News Group reported the clash."
    )
    an = analyse(text)
    kinds = {a.name: a.kind for a in an.actors}
    assert kinds.get("Colombian Army") == "military"
    assert kinds.get("Zarda Army") == "armed_group"  # no state before "Army": a group's army
    assert kinds.get("Northern Refugee Council") == "ngo" and kinds.get("Kivu News Group") == "media"


def test_lower_case_titles_before_names(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“We repelled the attack,” said Zarda Front spokesman Malik Haroun Dessa on Friday. "
        "Interior Ministry spokesperson Mirwais Kandari confirmed the toll. "
        "The claim was rejected by his Russian counterpart Tatyana Orlova."
    )
    an = analyse(text)
    dessa = _actor(an, "Malik Haroun Dessa")
    assert dessa.type == "person"
    assert any("spokesman" in r.title and r.organization_name == "Zarda Front" for r in dessa.roles)
    kandari = _actor(an, "Mirwais Kandari")
    assert any(r.organization_name == "Interior Ministry" for r in kandari.roles)
    assert _actor(an, "Interior Ministry").type == "organization"
    assert _actor(an, "Tatyana Orlova").type == "person"


def test_role_then_comma_then_name(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "The principal secretary in the Ministry of Foreign Affairs, Korir Wanjala, said he was saddened."
    an = analyse(text)
    assert any("principal secretary" in r.title for r in _actor(an, "Korir Wanjala").roles)


def test_acronym_and_its_name_are_one_actor(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Kivu Relief Council (KRC), a humanitarian group, said on Thursday that 3,000 people fled. "
        "KRC's country director Paolo Verdi said aid was blocked."
    )
    an = analyse(text)
    nrc = _actor(an, "Kivu Relief Council")
    assert "KRC" in nrc.aliases
    assert not [a for a in an.actors if a.name == "KRC"]
    assert any(r.organization == nrc.id for r in _actor(an, "Paolo Verdi").roles)


def test_institutions_named_by_a_description(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Sudan's army suspended the talks on Wednesday. The Sudanese army said the rebels broke the truce. "
        "Fighting continued between Malian forces and the Saudi-led coalition. "
        "The army later said it held the town."
    )
    an = analyse(text)
    army = _actor(an, "Sudan's army")
    assert army.type == "organization" and army.kind == "military" and "Sudanese army" in army.aliases
    assert _actor(an, "Malian forces").kind == "military"
    assert _actor(an, "Saudi-led coalition").type == "organization"
    assert _actor(an, "Sudan").type == "place"
    # "the army" alone is ambiguous here (Sudan's and Mali's): no mention is forced
    assert not [m for m in an.mentions if m.text == "army" and m.actor == army.id and m.span[0] > text.index("later")]


def test_a_demonym_is_no_actor(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("Two Armenian troops died in fighting with Azerbaijani forces on April 8.")
    assert not [a for a in an.actors if a.name in ("Azerbaijani", "Armenian")]
    assert _actor(an, "Azerbaijani forces").kind == "military"


def test_role_with_complement_before_the_name(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "The report cited words attributed to the head of Russian diplomacy Sergei Lavrov on the presence of troops."
    an = analyse(text)
    assert any("head of Russian diplomacy" in r.title for r in _actor(an, "Sergei Lavrov").roles)


def test_apposition_role_takes_the_last_organisation(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Lieutenant General Ahmed Sharif, Director General of the Zarda Army's media wing Inter-Services "
        "Press Office (ISPO), said the army had not attacked civilians."
    )
    an = analyse(text)
    roles = _actor(an, "Ahmed Sharif").roles
    assert any(r.organization_name == "Inter-Services Press Office" for r in roles), roles


def test_headline_capitals_make_no_person(analyse) -> None:  # type: ignore[no-untyped-def]
    body = (
        "The Colombian army said on Sunday it had killed several fighters of the ELN guerrilla group in an air raid "
        "in the north of the country, the defence ministry said in a statement issued late on Saturday. "
    )
    an = analyse("Colombia Kills ELN Guerrillas in Bombing Raid\n\n" + body * 2)
    names = {a.name: a.type for a in an.actors}
    assert names.get("Colombia") == "place" and "ELN" in names
    assert not [n for n in names if "Kills" in n or n in ("Guerrillas", "Bombing")]


def test_initials_join_their_name_without_parentheses(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The National Unity Government said on Monday that its forces had taken the town. "
        "NUG spokesman Kyaw Zaw said the People's Defense Force held the roads. The PDF later withdrew."
    )
    an = analyse(text)
    nug = _actor(an, "National Unity Government")
    assert "NUG" in nug.aliases and "PDF" in _actor(an, "People's Defense Force").aliases
    assert not [a for a in an.actors if a.name in ("NUG", "PDF")]
    assert any(r.organization == nug.id for r in _actor(an, "Kyaw Zaw").roles)


def test_title_complements_and_member_counts_make_no_actor(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Secretary of State Antony Blinken signed the waivers on Monday. "
        "The eight-member West African Economic and Monetary Union also announced sanctions."
    )
    an = analyse(text)
    names = {a.name: a.type for a in an.actors}
    assert "State" not in names and names.get("Antony Blinken") == "person"
    assert names.get("West African Economic and Monetary Union") == "organization"
    assert any(r.title == "Secretary of State" for r in _actor(an, "Antony Blinken").roles)


def test_lower_case_army_in_a_title_is_the_one_army(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Sudan's army suspended the truce talks on Wednesday.\n\n"
        "\u201cThe army is ready to fight until victory,\u201d army chief Abdel Fattah al Burhan declared."
    )
    an = analyse(text)
    army = _actor(an, "Sudan's army")
    assert any(r.title == "army chief" and r.organization == army.id for r in _actor(an, "Abdel Fattah al Burhan").roles)


def test_a_state_organisation_without_its_state_and_in_another_spelling(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Russian Ministry of Defense denied the claim on Sunday. The statement of the Ministry of Defence "
        "said the airspace was controlled. The Russian Ministry of Defence also said no strikes took place."
    )
    an = analyse(text)
    ministries = [a for a in an.actors if "Ministry" in a.name]
    assert len(ministries) == 1, [(a.name, a.aliases) for a in ministries]
    assert {"Ministry of Defence", "Russian Ministry of Defense"} <= {ministries[0].name, *ministries[0].aliases}


def test_issue_examples_titles_before_names_and_platforms(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Taliban chief spokesman Zabihullah Mujahid said on Twitter that the group had captured the district. "
        "Kenyan military spokesman Lieutenant Colonel Paul Njuguna confirmed the raid. "
        "Junta spokesman Zaw Min Tun denied it."
    )
    an = analyse(text)
    assert _actor(an, "Twitter").type == "organization"
    mujahid = _actor(an, "Zabihullah Mujahid")
    assert any("spokesman" in r.title and r.organization_name == "Taliban" for r in mujahid.roles)
    njuguna = _actor(an, "Paul Njuguna")
    assert any("Lieutenant Colonel" in r.title and r.organization_name == "Kenyan military" for r in njuguna.roles)
    assert _actor(an, "Kenyan military").kind == "military"
    assert any("spokesman" in r.title for r in _actor(an, "Zaw Min Tun").roles)


def test_a_title_with_a_named_state_ties_the_role_to_it(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Venezuela rejected the designation on Friday. Venezuelan President Nicolas Maduro called it a smear. "
        "Zarda Ambassador Carolyn Reyes said the council would meet."
    )
    an = analyse(text)
    venezuela = _actor(an, "Venezuela")
    assert any(r.organization == venezuela.id for r in _actor(an, "Nicolas Maduro").roles)
    # a demonym alone makes up no state: Zarda is not named as a country here
    assert all(r.organization is None for r in _actor(an, "Carolyn Reyes").roles)


def test_names_whose_words_say_place(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Troops fired across the Line of Control on Monday, and later near the Zarda Strip, officials said."
    types = {a.name: a.type for a in analyse(text).actors}
    assert types.get("Line of Control") == "place" and types.get("Zarda Strip") == "place"


def test_role_in_a_relative_clause_between_dashes(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "NIGER: Leaders Meet\n\nNiger's neighbours met on Sunday. Ahead of the talks, Gen. Abdou Tiani \u2013 who has "
        "declared himself Niger\u2019s new leader \u2013 warned against any intervention. Niger closed its borders."
    )
    an = analyse(text)
    niger = _actor(an, "Niger")
    assert niger.type == "place" and "NIGER" in niger.aliases
    assert any("new leader" in r.title and r.organization == niger.id for r in _actor(an, "Abdou Tiani").roles)


def test_the_longest_institution_name_is_read(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Myanmar's military junta denied the report, while Kenya's national police service confirmed the death."
    an = analyse(text)
    names = {a.name for a in an.actors if a.type == "organization"}
    assert "Myanmar's military junta" in names and "Kenya's national police service" in names
    assert "Myanmar's military" not in names


def test_a_title_holds_the_office_the_document_names(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The State Department denied the report on Monday. Secretary of State Maria Lopez called it false. "
        "The Office of the High Commissioner for Refugees said it would check, said Tomas Reyes, UN High "
        "Commissioner for Refugees."
    )
    an = analyse(text)
    # "US State Department": the state in front of the office's name is no word of the office
    assert any(r.organization_name and "State Department" in r.organization_name for r in _actor(an, "Maria Lopez").roles)
    assert any(
        r.organization_name == "Office of the High Commissioner for Refugees" for r in _actor(an, "Tomas Reyes").roles
    )


def test_a_title_names_no_office_the_document_does_not(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "The Zamoran Defense Ministry denied the report. Interior Minister Maria Lopez called it false."
    an = analyse(text)
    assert all(r.organization is None for r in _actor(an, "Maria Lopez").roles)


def test_the_organization_in_a_title_is_the_one_named_before(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Eastern Shield Brigades rejected the claims on Monday.\n\n"
        "Maria Lopez, the secretary of the organization, said the lists were wrong."
    )
    an = analyse(text)
    assert any(r.organization_name == "Eastern Shield Brigades" for r in _actor(an, "Maria Lopez").roles)


def test_a_state_backed_armed_group_is_one_actor(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Somalia and Kenyan-backed militias said they had agreed to a pause in the fighting."
    an = analyse(text)
    group = _actor(an, "Kenyan-backed militias")
    assert group.type == "organization" and group.kind == "armed_group"


def test_an_acronym_that_is_a_verb_is_no_actor_in_a_line_of_capitals(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("WHY IS ZAMORA ANGRY\n\nZamora is angry.")
    assert not [a for a in an.actors if a.name == "Islamic State"]
    an = analyse("Zamora is angry. IS has 300 fighters in Iraq, the report said.")
    assert "IS" in _actor(an, "Islamic State").aliases


def test_a_mixed_case_acronym_matches_only_as_written(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("Let the talks go on, Maria Lopez said in Zamora.")
    assert not [a for a in an.actors if a.name == "Lashkar-e-Taiba"]
    an = analyse("Police in Zamora said LeT had claimed the attack.")
    assert "LeT" in _actor(an, "Lashkar-e-Taiba").aliases


def test_an_alias_found_again_keeps_no_quote_mark(nlp) -> None:  # type: ignore[no-untyped-def]
    # hand-built: the tagger took the opening quote after the acronym for part of the name
    from spacy.tokens import Doc

    from claimgraph.model import Actor
    from claimgraph.nlp.actors import ActorResolver, TokMention

    doc = Doc(nlp.vocab, words=["Losses", "of", "the", "NPF", "\u201c", "unmasked", "it", "."],
              tags=["NNS", "IN", "DT", "NNP", "NNP", "VBD", "PRP", "."])
    npf = Actor(Actor.id_for("Northern People's Front", "organization"), "Northern People's Front", "organization", aliases=["NPF"])
    mentions: list[TokMention] = []
    resolver = nlp.get_pipe("claimgraph_actors")
    assert isinstance(resolver, ActorResolver)
    resolver._missed_mentions(doc, {npf.id: npf}, mentions, {})
    assert [(m.start, m.end) for m in mentions] == [(3, 4)] and npf.aliases == ["NPF"]


def test_a_body_described_by_its_parent_is_an_actor(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Fighting went on in Dara, said Maria Lopez, of the UN refugee agency. A UN agency sent food."
    an = analyse(text)
    agency = _actor(an, "UN refugee agency")
    assert agency.type == "organization" and agency.kind == "intergovernmental"
    # "a UN agency": which one is unsaid
    assert not [a for a in an.actors if a.name in ("UN agency", "a UN agency")]


def test_a_role_in_the_lede_belongs_to_the_person_named_next(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "UN envoy worried about truce\n\nThe UN envoy for Dara expressed concern on Wednesday about violations "
        "of the truce.\n\nMaria Lopez said the truce had mostly held."
    )
    an = analyse(text)
    assert any(r.title == "UN envoy for Dara" and r.organization_name == "United Nations" for r in _actor(an, "Maria Lopez").roles)
    # two parties in the subject: the person named next is neither
    an = analyse("The UN envoy and Zamora met on Wednesday. Tomas Reyes said the truce held.")
    assert not _actor(an, "Tomas Reyes").roles


def test_a_government_title_with_no_state_is_the_storys_state(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kenya will hold talks with the rebels, Finance Minister Maria Lopez said on Monday. Kenya has fought the "
        "group for years, and Kenya's army said it would stop. President Tomas Reyes agreed."
    )
    an = analyse(text)
    kenya = _actor(an, "Kenya")
    assert any(r.organization == kenya.id for r in _actor(an, "Maria Lopez").roles)
    # "President X" may be another state's (or a company's): the story's state is not enough
    assert all(r.organization is None for r in _actor(an, "Tomas Reyes").roles)
    # two states in play as often: whose president is unsaid; a former one leads nothing now
    text = (
        "Kenya and Uganda will hold talks, Finance Minister Maria Lopez said on Monday. Kenya and Uganda have "
        "fought for years."
    )
    an = analyse(text)
    assert all(r.organization is None for r in _actor(an, "Maria Lopez").roles)


def test_a_word_of_a_title_is_no_organisation(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("Finance Minister Maria Lopez said the budget would shrink. Defense Secretary Tomas Reyes agreed.")
    assert not [a for a in an.actors if a.name in ("Finance", "Defense")]


# -- names the model misses or mislabels (issue 13) --


def _named(an, name):  # type: ignore[no-untyped-def]
    """The actor with ``name`` as its name or one of its aliases."""
    found = [a for a in an.actors if a.name == name or name in a.aliases]
    assert found, [(a.name, a.type, a.kind) for a in an.actors]
    return found[0]


def test_a_name_ending_in_an_organisations_head_word(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Members of the Varka Liberation Organization met near the river on Tuesday. "
        "Peru's Coordination Council for the Return of Refugees backed the plan. "
        "Officials blamed Mexico's Oreno Cartel for the killings. "
        "Regulators closed the Bay Savings and Loan Association of Dara. "
        "Leaders of the Tolan Self-Defense Forces met on Friday."
    )
    an = analyse(text)
    assert _actor(an, "Varka Liberation Organization").type == "organization"
    assert _actor(an, "Coordination Council for the Return of Refugees").type == "organization"
    cartel = _actor(an, "Oreno Cartel")
    assert (cartel.type, cartel.kind) == ("organization", "armed_group")
    assert not [a for a in an.actors if a.name == "Oreno"]
    assert _actor(an, "Bay Savings and Loan Association of Dara").type == "organization"
    assert not [a for a in an.actors if a.name == "Defense Forces"]  # no part of a compound


def test_names_listed_after_a_class_noun(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Two other groups \u2013 Peru's Banda Roja and MZ-9 \u2013 may be added to the list. "
        "The region has two closed camps \u2013 al-Naba and Kiro \u2013 where thousands live."
    )
    an = analyse(text)
    assert _actor(an, "Banda Roja").type == "organization"
    assert _actor(an, "MZ-9").type == "organization"
    assert _actor(an, "Kiro").type == "place"
    # a list with an item that is no name is no list of names
    an = analyse("Two groups \u2013 the rebels and Zarda \u2013 met.")
    assert not [a for a in an.actors if a.name == "Zarda" and a.type == "organization"]


def test_a_name_before_a_facility_noun_is_a_place(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Peru bombed Varda air base in May. Engineers later toured the Varda airfield."
    base = _named(analyse(text), "Varda air base")
    assert base.type == "place"
    assert "Varda airfield" in base.aliases


def test_a_longer_name_the_model_found_around_a_gazetteer_alias(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Four sailors were freed on Tuesday, Peru's National Security Council said in Lima."
    an = analyse(text)
    assert _actor(an, "National Security Council").kind == "government"
    assert not [a for a in an.actors if a.name == "UN Security Council"]


def test_acronyms_and_names_in_brackets_after_a_description(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The panel had three members from the regional water review committee (RWRC) of the council "
        "and two representatives from ZNLA. The findings came from the peacekeeping mission stationed "
        "since 2011 in Peru (Minupa)."
    )
    an = analyse(text)
    rwrc = _actor(an, "regional water review committee")
    assert rwrc.type == "organization" and "RWRC" in rwrc.aliases
    mission = _actor(an, "Minupa")
    assert (mission.type, mission.kind) == ("organization", "intergovernmental")
    assert _actor(an, "ZNLA").type == "organization"


def test_kinds_from_descriptions_around_a_name(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("Artillery struck the points set up by Peru\u2019s secret service ZIB. ZNLA fighters withdrew.")
    assert _actor(an, "ZIB").kind == "intelligence_agency"


def test_a_nickname_in_quotes(analyse) -> None:  # type: ignore[no-untyped-def]
    text = 'Among them is a smuggler, Maria Lopez, known as "Big Mary", who was charged in 2018.'
    assert "Big Mary" in _actor(analyse(text), "Maria Lopez").aliases


def test_an_armed_groups_name_with_a_noun_of_the_group(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Villagers blamed the Hezbollah militia for the roadblocks. Hezbollah fighters left at dawn."
    hezbollah = _actor(analyse(text), "Hezbollah")
    assert "Hezbollah militia" in hezbollah.aliases
    assert "Hezbollah fighters" not in hezbollah.aliases


def test_a_territory_and_its_short_forms(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Food convoys to the Varda Strip were late again. Lorries crossed into Varda on Monday. "
        "About 900 lorries have reached the Strip so far, officials said."
    )
    an = analyse(text)
    strip = _actor(an, "Varda Strip")
    assert {"Varda", "Strip"} <= set(strip.aliases)
    assert not [a for a in an.actors if a.name in ("Varda", "Strip")]


def test_a_seat_for_a_presidency_only_when_the_text_says_so(analyse, nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Palace rejected the union's demands on Tuesday. Presidential Spokesperson Ana Cruz said the strike was unlawful."
    an = analyse(text)
    palace = _actor(an, "Palace")
    assert (palace.type, palace.kind) == ("organization", "government")
    assert any(r.organization_name == "Palace" for r in _actor(an, "Ana Cruz").roles)

    from claimgraph.nlp.actors import _seats

    assert _seats(nlp(text), set())
    assert not _seats(nlp("The Palace rejected the union's demands on Tuesday, the King's spokesperson said."), set())
    assert not _seats(nlp("The Palace rejected the union's demands on Tuesday."), set())  # whose palace is unsaid


def test_peoples_diseases_and_relatives(nlp) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    from claimgraph.nlp.actors import ActorResolver, _person_by_relative

    resolver = ActorResolver(nlp)
    assert resolver._people_word("Darfuris", {"darfur"})
    assert not resolver._people_word("Americas", set())
    doc = nlp.make_doc("Tomas Reyes, who was 52, was killed.")
    assert _person_by_relative(Span(doc, 0, 2, label="ORG"), lambda _: None)
    assert not _person_by_relative(Span(doc, 0, 2, label="ORG"), lambda _: "armed_group")


def test_a_disease_is_no_actor(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("Schools in Oren closed during the COVID-19 outbreak and again because of Ebola.")
    assert not [a for a in an.actors if a.name in ("COVID-19", "Ebola")]


def test_a_surnames_camp_is_no_place(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Tomas Reyes spoke on Monday. The Reyes camp said it would appeal."
    assert not [a for a in analyse(text).actors if a.type == "place" and "Reyes" in a.name]


def test_a_joint_body_of_intergovernmental_organisations(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Joint Review Panel (JRP) published its findings. Peru blocked a motion to renew the JRP, "
        "which is a joint panel of the UN and the African Union set up to look into killings."
    )
    assert _actor(analyse(text), "Joint Review Panel").kind == "intergovernmental"


def test_a_name_before_a_gang_or_cartel_noun(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("Police blamed the Barrio Sur gang for the killings. Violence rose in Sonora, where the Sonora cartel operates.")
    gang = _actor(an, "Barrio Sur")
    assert (gang.type, gang.kind) == ("organization", "armed_group")
    cartel = _actor(an, "Sonora cartel")
    assert (cartel.type, cartel.kind) == ("organization", "armed_group")
    assert _actor(an, "Sonora").type == "place"


def test_a_name_after_a_description_of_an_organisation(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("The militant group Zarda claimed the attack on Monday. The news agency Varta reported it.")
    zarda = _actor(an, "Zarda")
    assert (zarda.type, zarda.kind) == ("organization", "armed_group")
    assert _actor(an, "Varta").type == "organization"


def test_an_agency_is_no_outlet_by_that_word_alone(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("Bankers said the Varka Monetary Agency had cut rates. The Varka Press Agency reported it.")
    assert _actor(an, "Varka Monetary Agency").kind != "media"
    assert _actor(an, "Varka Press Agency").kind == "media"
