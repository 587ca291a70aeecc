"""Claims: verbal and nominal triggers, parties, polarity, hedges, and clauses that assert nothing."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _claims(an):  # type: ignore[no-untyped-def]
    names = {a.id: a.name for a in an.actors}
    return {(names.get(c.subject), c.predicate, names.get(c.object), c.polarity) for c in an.claims}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("There are close ties between the Haqqani network and al-Qaeda.", ("Haqqani network", "allied_with", "al-Qaeda", "affirmed")),
        ("Hamas's alliance with Hezbollah has deepened.", ("Hamas", "allied_with", "Hezbollah", "affirmed")),
        ("Hamas keeps close ties with Hezbollah.", ("Hamas", "allied_with", "Hezbollah", "affirmed")),
        ("The leaders of al-Shabaab are under the protection of the Houthis.", ("Houthis", "protects", "al-Shabaab", "affirmed")),
        ("Hezbollah fighters fight with their Hamas counterparts in the south.", ("Hamas", "fights_alongside", "Hezbollah", "affirmed")),
        ("The Houthis signed an agreement with the United Nations last year.", ("Houthis", "signed_agreement_with", "United Nations", "affirmed")),
        ("Hamas has no ties with Hezbollah.", ("Hamas", "allied_with", "Hezbollah", "negated")),
        ("Hamas cut ties with Hezbollah in 2012.", ("Hamas", "allied_with", "Hezbollah", "negated")),
        ("Hamas broke with Hezbollah in 2012.", ("Hamas", "allied_with", "Hezbollah", "negated")),
        ("There are no foreign fighters in Afghanistan.", ("foreign fighters", "present_in", "Afghanistan", "negated")),
        ("Both Goma and Bukavu are held by the M23.", ("M23", "controls", "Bukavu", "affirmed")),
        ("Al-Shabaab seized large parts of the Lower Shabelle region in 2009.", ("al-Shabaab", "controls", "Lower Shabelle", "affirmed")),
        ("The Taliban took control of the city of Kunduz on Monday.", ("Taliban", "controls", "Kunduz", "affirmed")),
        ("The Taliban did not capture the city of Kunduz.", ("Taliban", "controls", "Kunduz", "negated")),
        ("The army raided a hideout of al-Shabaab fighters in southern Somalia.", ("al-Shabaab", "present_in", "Somalia", "affirmed")),
        ("Hundreds of Rwandan soldiers have been deployed in Mozambique since 2021.", ("Rwanda", "present_in", "Mozambique", "affirmed")),
        ("There were no Wagner fighters in Mali, the ministry said.", ("Wagner Group", "present_in", "Mali", "negated")),
        ("Al-Shabaab, led by Ahmed Diriye, attacked the base on Monday.", ("Ahmed Diriye", "leads", "al-Shabaab", "affirmed")),
        ("Hezbollah, backed by Iran, fired rockets at the town.", ("Iran", "supports", "Hezbollah", "affirmed")),
        ("Israel was attacked by Hamas and Hezbollah on Saturday.", ("Hezbollah", "attacks", "Israel", "affirmed")),
        ("The deal was reached at a meeting between the Taliban and Pakistan in Doha.", ("Taliban", "meets_with", "Pakistan", "affirmed")),
        ("Hamas held a meeting with Hezbollah in Beirut last week.", ("Hamas", "meets_with", "Hezbollah", "affirmed")),
        ("The European Union imposed sanctions on Iran on Monday.", ("European Union", "sanctions", "Iran", "affirmed")),
        ("The United States imposed new sanctions against Hezbollah.", ("United States", "sanctions", "Hezbollah", "affirmed")),
        ("Burkina Faso suspended Voice of America for two weeks.", ("Burkina Faso", "sanctions", "Voice of America", "affirmed")),
        ("Israel resumed talks with Hamas in Cairo.", ("Israel", "negotiates_with", "Hamas", "affirmed")),
        ("Two Hamas fighters died in clashes with Israeli troops on Monday.", ("Hamas", "fights", "Israeli troops", "affirmed")),
        ("Hezbollah has about 2,000 fighters in Syria.", ("Hezbollah", "present_in", "Syria", "affirmed")),
        ("Hamas has been fighting against Israel for decades.", ("Hamas", "fights", "Israel", "affirmed")),
        ("Nigeria's Boko Haram killed ten people on Monday.", ("Boko Haram", "present_in", "Nigeria", "affirmed")),
        ("Fighting erupted between the Sudanese army and the Rapid Support Forces on Saturday.",
         ("Sudanese army", "fights", "Rapid Support Forces", "affirmed")),
        ("Clashes broke out between Hamas and Fatah in Gaza.", ("Fatah", "fights", "Hamas", "affirmed")),
        ("Ten soldiers were freed in a prisoner exchange between Russia and Ukraine on Friday.", ("Russia", "agrees_with", "Ukraine", "affirmed")),
        ("Ten soldiers were freed in a prisoner exchange operation between Peru and Bolivia on Friday.", ("Bolivia", "agrees_with", "Peru", "affirmed")),
        ("Hamas broke off talks with Fatah.", ("Fatah", "negotiates_with", "Hamas", "negated")),
        ("Hamas, which has ruled the Gaza Strip since 2007, rejected the plan.", ("Hamas", "controls", "Gaza Strip", "affirmed")),
        ("Life in Taliban-ruled Kandahar is hard.", ("Taliban", "controls", "Kandahar", "affirmed")),
        ("The African Union mission was deployed to Somalia in 2007.", ("African Union", "present_in", "Somalia", "affirmed")),
        ("Rwanda denied it, but the Rwandan army is using drones to support M23.", ("Rwanda", "supports", "M23", "affirmed")),
        ("The Saudi-led coalition includes the United Arab Emirates and Sudan.", ("Sudan", "member_of", "Saudi-led coalition", "affirmed")),
        ("The United Kingdom keeps 900 troops in Estonia as part of a NATO mission.", ("United Kingdom", "present_in", "Estonia", "affirmed")),
        ("Chad accused Sudanese-backed rebels of attacking the town.", ("Sudan", "supports", "Sudanese-backed rebels", "affirmed")),
        ("Tension between Armenia and Azerbaijan rose. Two Armenian troops died in fighting with Azerbaijani forces on Sunday.",
         ("Azerbaijan", "fights", "Armenia", "affirmed")),
    ],
)
def test_triggers(analyse, text: str, expected: tuple[str, str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse(text))
    subj, pred, obj, pol = expected
    assert (subj, pred, obj, pol) in found or (obj, pred, subj, pol) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Officials are reviewing whether Hamas has ties with Hezbollah.",
        "Hamas must cut ties with Hezbollah.",
        "The deal requires Hamas to ensure that it cuts ties with Hezbollah.",
        "The agreement bans cooperation with or hosting al-Qaeda.",
        "Hamas did not ask Hezbollah for anything.",
    ],
)
def test_no_affirmed_relation_without_an_assertion(analyse, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [c for c in _claims(analyse(text)) if c[1] == "allied_with" or c[1] == "protects"], _claims(analyse(text))


def test_hedges_and_boosters_are_kept(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("Hamas could have ties with Hezbollah. There is clearly a close relationship between Hamas and Hezbollah.")
    hedged = [c for c in an.claims if c.hedges]
    boosted = [c for c in an.claims if c.boosters]
    assert hedged and "could" in hedged[0].hedges
    assert boosted and "clearly" in boosted[0].boosters


def test_claim_inside_an_attribution_is_the_speakers(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("Maria Lopez said the Houthis protected the leaders of al-Shabaab.")
    (claim,) = [c for c in an.claims if c.predicate == "protects"]
    att = [a for a in an.attributions if a.id == claim.attribution][0]
    assert [a.name for a in an.actors if a.id == att.speaker.actor] == ["Maria Lopez"]


def test_denial_flips_and_declining_asserts_nothing(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("Hamas denied that it had ties with Hezbollah. Officials declined to comment on Hamas's ties with Hezbollah.")
    claims = [c for c in an.claims if c.predicate == "allied_with"]
    assert [c.polarity for c in claims] == ["negated"]


def test_the_two_organizations_point_back(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("Hamas fighters trained with Hezbollah units. The two organizations have forged family ties.")
    assert ("Hamas", "kinship_with", "Hezbollah", "affirmed") in _claims(an) or (
        "Hezbollah", "kinship_with", "Hamas", "affirmed"
    ) in _claims(an)


def test_roles_become_relations_and_capturing_a_commander_is_not_leading(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse(
        "Idris Kamal, the spokesman of the Eastern Shield Brigades, denied the report.\n\n"
        "The army said it had captured a senior commander of the Eastern Shield Brigades."
    )
    found = _claims(an)
    assert ("Idris Kamal", "spokesperson_for", "Eastern Shield Brigades", "affirmed") in found
    assert not [c for c in found if c[1] == "leads"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the event coder's verb patterns (CAMEO) between two named actors
        ("The Taliban accused Iran of shelling border posts near Herat.", ("Taliban", "accuses", "Iran", "affirmed")),
        ("The UN Security Council condemned the al-Shabaab offensive.", ("UN Security Council", "criticizes", "al-Shabaab", "affirmed")),
        ("Rockets fired by Iran hit Iraqi army positions near Basra.", ("Iran", "attacks", "Iraqi army", "affirmed")),
        ("Hamas rejected the Israeli proposal on Monday.", ("Hamas", "rejects", "Israeli", "affirmed")),
        ("The Democratic Party attacked Donald Trump over the tariffs.", ("Democratic Party", "criticizes", "Donald Trump", "affirmed")),
        # compound adjectives: the name before the hyphen, or a demonym's country, is the subject
        ("Saudi officials blamed the Iran-backed Houthi militia for the drone strikes.", ("Iran", "supports", "Houthis", "affirmed")),
        ("A spokesman for the Houthi-run health ministry said 12 people were wounded.", ("Houthis", "controls", "Houthi-run health ministry", "affirmed")),
        # where an organisation is
        ("Al-Shabaab operates in Somalia and Kenya.", ("al-Shabaab", "present_in", "Kenya", "affirmed")),
        ("Wagner is active in Libya.", ("Wagner Group", "present_in", "Libya", "affirmed")),
    ],
)
def test_coded_events_between_named_actors(analyse, text: str, expected: tuple[str, str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse(text))
    subj, pred, obj, pol = expected
    if obj == "Israeli":  # a demonym is no actor: the claim needs two named parties
        assert not any(p == "rejects" for _, p, _, _ in found), found
        return
    assert (subj, pred, obj, pol) in found, found


@pytest.mark.parametrize(
    "text, absent",
    [
        # a place named inside the target is not the target
        ("The UN chief condemned attacks against aid workers in Somalia.", "Somalia"),
        # "fighting" names no parties here: the two organisations of the sentence are no sides
        ("Fresh fighting has forced thousands to flee, according to estimates by UN agencies and the Norwegian Refugee Council.", "Norwegian Refugee Council"),
        # words are no attack
        ("The Democratic Party attacked Donald Trump over the tariffs.", "attacks"),
    ],
)
def test_coded_events_keep_to_their_parties(analyse, text: str, absent: str) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse(text))
    assert not any(absent in (s or "", p, o or "") for s, p, o, _ in found), found


def test_a_truce_that_parties_violate_becomes_an_agreement_with_them(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse(
        "The Houthis said the Saudi-led coalition had broken the humanitarian truce. "
        "The coalition accused the Houthis of violating the truce."
    )
    (truce,) = [a for a in an.actors if a.type == "agreement"]
    assert truce.kind == "ceasefire" and truce.name.startswith("humanitarian truce between")
    found = _claims(an)
    assert ("Saudi-led coalition", "violates", truce.name, "affirmed") in found
    assert ("Houthis", "violates", truce.name, "affirmed") in found


def test_sides_accusing_each_other_of_breaking_a_truce_each_violate_it(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("Zamora and Oren accused each other of breaching the truce on Monday.")
    (truce,) = [a for a in an.actors if a.type == "agreement"]
    found = _claims(an)
    assert ("Zamora", "violates", truce.name, "affirmed") in found and ("Oren", "violates", truce.name, "affirmed") in found
    # "the foes" are the two sides said to fight in the sentence
    an = analyse("Zamoran troops clashed with Oren's army on Monday as the foes accused each other of violating a cease-fire.")
    agreements = [a for a in an.actors if a.type == "agreement"]
    assert len(agreements) == 1 and agreements[0].kind == "ceasefire"
    violators = {s for s, p, _, _ in _claims(an) if p == "violates"}
    assert len(violators) == 2


def test_an_attack_despite_a_ceasefire_or_beside_its_violations_breaks_it(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("The government slammed the Eastern Shield Brigades for their attack on soldiers in Dara despite a ceasefire in place.")
    (truce,) = [a for a in an.actors if a.type == "agreement"]
    assert ("Eastern Shield Brigades", "violates", truce.name, "affirmed") in _claims(an)
    an = analyse(
        "The envoy voiced concern about violations of the truce. "
        "He did not say who was to blame for the violations, but Zamora accused the Eastern Shield Brigades of attacking its positions."
    )
    violators = {s for s, p, _, _ in _claims(an) if p == "violates"}
    assert violators == {"Eastern Shield Brigades"}
    # an attack beside the attacker's own declaration of a ceasefire breaks it; one the declaration follows does not
    an = analyse("The Eastern Shield Brigades declared a ceasefire in May. The attack by the Eastern Shield Brigades on Dara exposed their insincerity in declaring a ceasefire.")
    assert {s for s, p, _, _ in _claims(an) if p == "violates"} == {"Eastern Shield Brigades"}
    an = analyse("The Eastern Shield Brigades declared a ceasefire after their attack on Dara.")
    assert not any(p == "violates" for _, p, _, _ in _claims(an))
    an = analyse("The Eastern Shield Brigades shelled Dara on Monday, hours after they declared a ceasefire.")
    assert ("Eastern Shield Brigades", "violates") in {(s, p) for s, p, _, _ in _claims(an)}
    an = analyse("The Eastern Shield Brigades shelled Dara on Monday, hours before they declared a ceasefire.")
    assert not any(p == "violates" for _, p, _, _ in _claims(an))
    # rights violations are no breach of the truce, and an attack before it is none either
    an = analyse("Rights groups accused the Eastern Shield Brigades of human rights violations after they attacked Zamora. A truce was signed later.")
    assert not any(p == "violates" for _, p, _, _ in _claims(an))


def test_failing_to_do_what_was_agreed_breaks_the_agreement(analyse) -> None:  # type: ignore[no-untyped-def]
    from claimgraph.analysis import enrich
    from claimgraph.model import Analysis

    da = analyse(
        "Oren officials say the Eastern Shield Brigades are failing to free the prisoners held in Dara, as agreed under the accord signed in May. "
        "The Eastern Shield Brigades denied accusations that they were holding prisoners in violation of the accord."
    )
    (accord,) = [a for a in da.actors if a.type == "agreement"]
    found = _claims(da)
    assert ("Eastern Shield Brigades", "violates", accord.name, "affirmed") in found
    # the denial of breaking it is the denier's, negated
    assert ("Eastern Shield Brigades", "violates", accord.name, "negated") in found
    an = enrich(Analysis([da.document], da.actors, da.mentions, da.attributions, [], [], da.claims))
    terms = {c["obligation"]: c["status"] for c in an.commitments}
    assert terms.get("free the prisoners held in Dara") == "disputed"
    # only what is not done as agreed: "who have not been paid" is another clause
    an = analyse("The Eastern Shield Brigades, who have not been paid, left Dara as agreed under the accord.")
    assert not any(p == "violates" for _, p, _, _ in _claims(an))
    # what is not done "as agreed" without a named agreement binds nobody
    assert not [a for a in analyse("The rebels have not left Dara as agreed.").actors if a.type == "agreement"]


def test_an_attack_called_a_violation_of_an_agreement_breaks_it(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse(
        "Zamora said its troops repelled a complex attack by the Eastern Shield Brigades near Dara. "
        "A spokesman denounced the attack as a violation of all security commitments."
    )
    (deal,) = [a for a in an.actors if a.type == "agreement"]
    assert {(s, p) for s, p, o, _ in _claims(an) if o == deal.name} == {("Eastern Shield Brigades", "violates")}
    # a violation of something that is no agreement says nothing
    an = analyse("The attack by the Eastern Shield Brigades on Dara was a violation of international law.")
    assert not any(p == "violates" for _, p, _, _ in _claims(an))


def test_no_agreement_without_a_party(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("The truce was violated overnight, officials said.")
    assert not [a for a in an.actors if a.type == "agreement"]


@pytest.mark.model
def test_role_relations_leads_and_deputies(analyse) -> None:  # type: ignore[no-untyped-def]
    from claimgraph.analysis import enrich
    from claimgraph.model import Analysis

    text = (
        "Venezuela rejected the designation on Friday. Venezuelan President Nicolas Maduro called it a smear. "
        "Zarda Front deputy leader Ana Ruiz said the group would respond."
    )
    da = analyse(text)
    an = enrich(Analysis([da.document], da.actors, da.mentions, da.attributions, [], [], da.claims))
    names = {a.id: a.name for a in an.actors}
    rels = {(names[r["subject"]], r["predicate"], names[r["object"]]) for r in an.relations}
    assert ("Nicolas Maduro", "leads", "Venezuela") in rels
    assert ("Ana Ruiz", "works_for", "Zarda Front") in rels and ("Ana Ruiz", "leads", "Zarda Front") not in rels


@pytest.mark.model
def test_a_role_relation_cites_the_sentence_that_gives_the_role(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Malik Dessa arrived in the town on Monday. "
        "\u201cWe repelled the attack,\u201d said Zarda Front spokesman Malik Dessa on Friday."
    )
    da = analyse(text)
    (claim,) = [c for c in da.claims if c.predicate == "spokesperson_for"]
    assert "spokesman" in claim.text and "arrived" not in claim.text


@pytest.mark.model
def test_an_institution_is_member_of_the_state_that_names_it(analyse) -> None:  # type: ignore[no-untyped-def]
    da = analyse("Sudan's army suspended the truce talks on Wednesday, officials said.")
    names = {a.id: a.name for a in da.actors}
    (claim,) = [c for c in da.claims if c.predicate == "member_of"]
    assert (names[claim.subject or ""], names[claim.object or ""]) == ("Sudan's army", "Sudan")
    assert claim.text.startswith("Sudan's army suspended")


@pytest.mark.parametrize(
    "text",
    [
        "The United States holds Iran responsible for the attack.",  # a country is not held ground
        "Hamas took hostages in the town of Sderot.",  # "took" controls only with "control of"
    ],
)
def test_holding_a_place_needs_a_place_below_a_country(analyse, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [c for c in _claims(analyse(text)) if c[1] == "controls"], _claims(analyse(text))


def test_a_demonym_places_a_state_only_through_its_armed_people(analyse) -> None:  # type: ignore[no-untyped-def]
    assert not [c for c in _claims(analyse("Kenyan voters in Nairobi queued for hours.")) if c[1] == "present_in"]


def test_a_states_police_abroad_places_the_state(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("Kenya sent help. Kenyan police officers have been stationed in Haiti since June."))
    assert ("Kenya", "present_in", "Haiti", "affirmed") in found, found


def test_a_participle_after_of_leaves_its_noun_unsaid(analyse) -> None:  # type: ignore[no-untyped-def]
    # "led by" may attach to the delegation or to the Taliban
    found = _claims(analyse("The delegation of the Taliban led by Mullah Baradar arrived in Doha."))
    assert not [c for c in found if c[1] == "leads"], found


def test_an_organisation_inside_a_capitalised_title_is_the_employer(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("The UN Secretary-General António Guterres condemned the shelling of the camp."))
    assert ("António Guterres", "works_for", "United Nations", "affirmed") in found, found


def test_a_head_of_states_demonym_names_the_state_they_lead(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("Kenyan President William Ruto said the mission would go ahead."))
    assert ("William Ruto", "leads", "Kenya", "affirmed") in found, found
    found = _claims(analyse("Kenyan Vice President Rigathi Gachagua said the mission would go ahead."))
    assert not [c for c in found if c[1] == "leads"], found


def test_a_meeting_names_its_parties_or_nobody(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("After the meeting, Hamas said Hezbollah had been helpful."))
    assert not [c for c in found if c[1] == "meets_with"], found


def test_denying_accusations_rejects_the_accuser_who_accuses(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("Hezbollah on Monday rejected accusations by Israel that it had moved rockets into the village."))
    assert {("Hezbollah", "rejects", "Israel", "affirmed"), ("Israel", "accuses", "Hezbollah", "affirmed")} <= found, found
    for text, accuser in (("Hezbollah has repeatedly rejected the Israeli allegations as propaganda.", "Israel"),
                          ("Hezbollah has repeatedly rejected the U.S. allegations as propaganda.", "United States")):
        found = _claims(analyse(text))
        assert ("Hezbollah", "rejects", accuser, "affirmed") in found, found
    # a mere claim is no accusation
    found = _claims(analyse("The Houthis dismissed as propaganda claims from the United States that they had fired at a ship."))
    assert ("Houthis", "rejects", "United States", "affirmed") in found, found
    assert not [c for c in found if c[1] == "accuses"], found
    # an unsaid denial says neither
    found = _claims(analyse("Hezbollah did not deny accusations by Israel that it had moved rockets."))
    assert not [c for c in found if c[1] in ("rejects", "accuses")], found


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Burkina Faso suspended talks with Hamas.", "sanctions"),  # suspending talks sanctions nobody
        ("The Houthis clashed with government forces near Marib.", "fights"),  # a town is no side
    ],
)
def test_a_party_is_what_the_phrase_names(analyse, text: str, absent: str) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse(text))
    assert not [c for c in found if c[1] == absent and (c[2] in ("Hamas", "Marib") or c[0] == "Marib")], found


@pytest.mark.parametrize(
    "text",
    [
        "Hezbollah does not have fighters in Syria, its leader said.",
        "The United States has 900 members of Congress in Washington.",
    ],
)
def test_having_people_somewhere_needs_them_to_be_ones_own(analyse, text: str) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse(text))
    assert not [c for c in found if c[1] == "present_in" and c[3] == "affirmed"], found


def test_a_mission_that_includes_officers_from_states_has_them_as_members(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("The African Union Mission in Somalia, which also includes troops from Uganda, Burundi and Kenya, "
                            "was set up in 2007."))
    members = {c[0] for c in found if c[1] == "member_of" and c[2] and "African Union" in c[2]}
    assert {"Uganda", "Burundi", "Kenya"} <= members, found
    for text in ("The report includes testimony from Human Rights Watch and Amnesty International.",
                 "The African Union mission does not include troops from Kenya."):
        assert not [c for c in _claims(analyse(text)) if c[1] == "member_of"], text


def test_fighting_against_is_no_criticism_and_fighting_with_is_no_fight(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("Hamas has been fighting against Israel for decades."))
    assert not [c for c in found if c[1] == "criticizes"], found
    found = _claims(analyse("Hezbollah fighters fight with their Hamas counterparts in the south."))
    assert not [c for c in found if c[1] == "fights"], found


def test_a_name_inside_denied_words_is_not_denied(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("The army rejected accusations by Somalia's al-Shabaab militants that it had shelled a market."))
    assert not [c for c in found if c[1] == "present_in" and c[3] == "negated"], found


def test_accused_of_attacking_their_positions_attacks_the_accuser(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("The Yemeni government has accused the Houthis of attacking its positions near Marib."))
    assert {("Houthis", "attacks", "Yemeni government", "affirmed"), ("Houthis", "attacks", "Marib", "affirmed")} <= found, found
    found = _claims(analyse("Hamas accused Iran of funding their rivals."))
    assert not [c for c in found if c[0] == "Iran" and c[2] == "Hamas" and c[1] != "accuses"], found


def test_one_leads_a_group_not_a_person(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("The step follows Prime Minister Keir Starmer's order directing Foreign Secretary David Lammy to review the list."))
    assert not [c for c in found if c[1] == "leads" and c[2] == "David Lammy"], found
    found = _claims(analyse("Ahmed Diriye has headed al-Shabaab since 2014."))
    assert ("Ahmed Diriye", "leads", "al-Shabaab", "affirmed") in found, found


def test_talks_between_named_parties_are_not_someone_elses(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("The Haqqani network had taken part in the peace talks between the government and al-Shabaab in Doha."))
    assert not [c for c in found if c[1] == "negotiates_with"], found


def test_the_government_is_the_state_the_story_is_about(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("Violence in Colombia has grown. Colombia's army said the government signed a deal with the FARC in 2016."))
    assert ("FARC", "signed_agreement_with", "Colombia", "affirmed") in found, found
    # two states in play: "the government" is neither's
    found = _claims(analyse("Colombia and Venezuela met again. Colombia and Venezuela said the government signed a deal with the FARC in 2016."))
    assert not [c for c in found if c[1] == "signed_agreement_with"], found


def test_an_exchange_of_fire_is_no_agreement(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("An exchange of fire between Russia and Ukraine killed two soldiers on Friday."))
    assert not [c for c in found if c[1] == "agrees_with"], found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tehran rejected the Israeli allegations on Monday.", ("Iran", "rejects", "Israel", "affirmed")),
        ("Islamabad controls a third of Kashmir.", ("Pakistan", "controls", "Kashmir", "affirmed")),
        ("Six prisoners were freed in a prisoner swap between Paris and Algiers.", ("Algeria", "agrees_with", "France", "affirmed")),
    ],
)
def test_a_capital_that_acts_stands_for_its_state(analyse, text: str, expected: tuple[str, str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in _claims(analyse(text)), _claims(analyse(text))


def test_denying_a_statement_rejects_nobody_named_in_it(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("Cairo and Tripoli have denied that Egypt was behind the raid."))
    assert not [c for c in found if c[1] == "rejects"], found


def test_an_as_clause_is_asserted_under_an_aim(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("The United States vowed tougher enforcement on Monday, as Iran rejected the U.S. allegations."))
    assert ("Iran", "rejects", "United States", "affirmed") in found, found


def test_a_demonym_target_of_words_is_its_state_unless_inside_what_is_said(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("Israel denied it. Hezbollah condemned Israeli strikes on the village."))
    assert ("Hezbollah", "criticizes", "Israel", "affirmed") in found, found
    found = _claims(analyse("Israel denied it. Hezbollah claimed on Monday that 30 Israeli soldiers had been killed."))
    assert not [c for c in found if c[2] == "Israel"], found


def test_an_owners_wing_named_after_it_is_its_part(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("Hamas's armed wing, the Qassam Brigades, said it fired rockets."))
    assert ("Qassam Brigades", "member_of", "Hamas", "affirmed") in found, found
    found = _claims(analyse("Hamas's armed wing said it fired rockets at Hezbollah."))
    assert not [c for c in found if c[1] == "member_of"], found


def test_a_word_inside_a_name_is_no_trigger(analyse) -> None:  # type: ignore[no-untyped-def]
    # "Alliance" in a name says nothing of an alliance between the two who signed
    found = _claims(analyse("Hamas and the Northern Alliance reached a ceasefire agreement on Monday."))
    assert not [c for c in found if c[1] == "allied_with"], found
    assert ("Northern Alliance", "signed_agreement_with", "Hamas", "affirmed") in found, found


def test_in_connection_with_is_no_tie(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("Hamas arrested ten men in connection with the Hezbollah attack."))
    assert not [c for c in found if c[1] == "allied_with"], found


def test_sending_goods_is_no_deployment(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("Israel is failing to send key aid items into the Gaza Strip."))
    assert not [c for c in found if c[1] == "deploys"], found
    found = _claims(analyse("Rwanda deployed hundreds of troops in Mozambique in 2021."))
    assert ("Rwanda", "deploys", "Mozambique", "affirmed") in found, found


@pytest.mark.parametrize(
    "text, expected",
    [
        # "each other", "one another": each party does it to the other
        ("The Eastern Shield Brigades and the Dara Liberation Front accused each other of breaking the truce.",
         {("Eastern Shield Brigades", "accuses", "Dara Liberation Front", "affirmed"),
          ("Dara Liberation Front", "accuses", "Eastern Shield Brigades", "affirmed")}),
        ("Peru and Chile traded blame on Monday. Peruvian and Chilean forces accuse each other of starting the violence.",
         {("Peru", "accuses", "Chile", "affirmed"), ("Chile", "accuses", "Peru", "affirmed")}),
        ("The Eastern Shield Brigades and the Dara Liberation Front have fought one another for years.",
         {("Dara Liberation Front", "fights", "Eastern Shield Brigades", "affirmed")}),
        ("The Eastern Shield Brigades and the Dara Liberation Front were rivals. The two groups have fought with each other since 2012.",
         {("Dara Liberation Front", "fights", "Eastern Shield Brigades", "affirmed")}),
        ("The Eastern Shield Brigades and the Dara Liberation Front fought alongside each other in 2012.",
         {("Dara Liberation Front", "fights_alongside", "Eastern Shield Brigades", "affirmed")}),
        # "they" is the coordinated subject of the clause that reports it
        ("The Eastern Shield Brigades and the Dara Liberation Front said they had reached a deal on Monday.",
         {("Dara Liberation Front", "signed_agreement_with", "Eastern Shield Brigades", "affirmed")}),
    ],
)
def test_reciprocals_and_joint_subjects(analyse, text: str, expected: set[tuple[str, str, str, str]]) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse(text))
    for subj, pred, obj, pol in expected:
        assert (subj, pred, obj, pol) in found or (pred not in ("accuses",) and (obj, pred, subj, pol) in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The Eastern Shield Brigades and the Dara Liberation Front have fought one another for years.",
        "The Eastern Shield Brigades and the Dara Liberation Front were rivals. The two groups have fought with each other since 2012.",
        "The Eastern Shield Brigades and the Dara Liberation Front fought in 2012.",
    ],
)
def test_fighting_each_other_is_not_fighting_alongside(analyse, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [c for c in _claims(analyse(text)) if c[1] == "fights_alongside"], _claims(analyse(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Fighting continued, said Maria Lopez, of Amnesty International.", ("Maria Lopez", "works_for", "Amnesty International", "affirmed")),
        ("Carlos Ruiz, a close ally of Maria Lopez, was arrested in 2020.", ("Carlos Ruiz", "allied_with", "Maria Lopez", "affirmed")),
        ("Peru gets back Carlos Ruiz, associate of the Peruvian president Maria Lopez, who was arrested in 2020.",
         ("Carlos Ruiz", "allied_with", "Maria Lopez", "affirmed")),
        ("The Dara Liberation Front, the military arm of the Eastern Shield Brigades, denied the report.",
         ("Dara Liberation Front", "member_of", "Eastern Shield Brigades", "affirmed")),
        ("The United Arab Emirates, a member of the Saudi-led coalition, denied the report.",
         ("United Arab Emirates", "member_of", "Saudi-led coalition", "affirmed")),
        # an attack named by the singular noun
        ("The United States blamed Iran and launched a punitive strike on the Eastern Shield Brigades.",
         ("United States", "attacks", "Eastern Shield Brigades", "affirmed")),
    ],
)
def test_appositions_and_strikes(analyse, text: str, expected: tuple[str, str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse(text))
    subj, pred, obj, pol = expected
    assert (subj, pred, obj, pol) in found or (pred == "allied_with" and (obj, pred, subj, pol) in found), found


def test_a_person_of_a_place_works_for_nobody_and_a_former_ally_is_none(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("Fighting continued, said Maria Lopez, of Lima, Peru."))
    assert not [c for c in found if c[1] == "works_for"], found
    found = _claims(analyse("Carlos Ruiz, a former ally of Maria Lopez, was arrested."))
    assert not [c for c in found if c[1] == "allied_with"], found


@pytest.mark.parametrize(
    "text, expected",
    [
        # coordinated subjects and objects: each one named
        ("Russia, Egypt and the United Arab Emirates support the Eastern Shield Brigades.",
         {("Russia", "supports", "Eastern Shield Brigades", "affirmed"), ("Egypt", "supports", "Eastern Shield Brigades", "affirmed"),
          ("United Arab Emirates", "supports", "Eastern Shield Brigades", "affirmed")}),
        ("Peru and Chile condemned the Eastern Shield Brigades.",
         {("Peru", "criticizes", "Eastern Shield Brigades", "affirmed"), ("Chile", "criticizes", "Eastern Shield Brigades", "affirmed")}),
        ("Peru accused the Eastern Shield Brigades and the Dara Liberation Front of killing civilians.",
         {("Peru", "accuses", "Eastern Shield Brigades", "affirmed"), ("Peru", "accuses", "Dara Liberation Front", "affirmed")}),
        ("Peru imposed sanctions on the Eastern Shield Brigades and the Dara Liberation Front.",
         {("Peru", "sanctions", "Eastern Shield Brigades", "affirmed"), ("Peru", "sanctions", "Dara Liberation Front", "affirmed")}),
        # a description with a name beside it is the name ("US public broadcaster X" is not the US)
        ("Officials in Peru suspended the BBC and US public broadcaster Voice of America over their coverage.",
         {("Peru", "sanctions", "BBC", "affirmed"), ("Peru", "sanctions", "Voice of America", "affirmed")}),
        # "the country" is the one the story is about
        ("Peru has rejected the report. Peru called it false. Officials in the military-ruled country suspended the BBC on Monday.",
         {("Peru", "sanctions", "BBC", "affirmed")}),
    ],
)
def test_coordination_and_the_country(analyse, text: str, expected: set[tuple[str, str, str, str]]) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse(text))
    assert expected <= found, found
    assert not [c for c in found if c[2] == "United States"], found


@pytest.mark.parametrize(
    "text",
    [
        "Peru has rejected the report. Peru called it false. The Eastern Shield Brigades attacked the neighbouring country.",
        "Peru has rejected the report. Peru called it false. Chile said the Eastern Shield Brigades attacked the country.",
    ],
)
def test_the_country_is_not_another_one(analyse, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [c for c in _claims(analyse(text)) if c[1] == "attacks" and c[2] == "Peru"], _claims(analyse(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Iran's backing of the Eastern Shield Brigades worries Peru.", ("Iran", "supports", "Eastern Shield Brigades", "affirmed")),
        ("Iran's support for the Eastern Shield Brigades is well known.", ("Iran", "supports", "Eastern Shield Brigades", "affirmed")),
        ("The Eastern Shield Brigades receive support from Iran.", ("Iran", "supports", "Eastern Shield Brigades", "affirmed")),
        ("The Peruvian army, with the backing of Russia, retook the town of Oren.", ("Russia", "supports", "Peruvian army", "affirmed")),
        ("With support from Iran, the Eastern Shield Brigades attacked the town.", ("Iran", "supports", "Eastern Shield Brigades", "affirmed")),
        ("The Eastern Shield Brigades could not get support from Iran.", ("Iran", "supports", "Eastern Shield Brigades", "negated")),
        # seeking support from one who gives it; backing a state's government backs the state
        ("Peru's military government has fallen out with Spain and turned to Russia for political and military support.",
         ("Russia", "supports", "Peru", "affirmed")),
        # a relative pronoun is the noun it stands for
        ("The Eastern Shield Brigades, which are backed by Iran, attacked the town.", ("Iran", "supports", "Eastern Shield Brigades", "affirmed")),
    ],
)
def test_support_named_by_nouns(analyse, text: str, expected: tuple[str, str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in _claims(analyse(text)), _claims(analyse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Peru's support for the ceasefire with the Eastern Shield Brigades is waning.",
        "The Eastern Shield Brigades asked for support from Iran.",
        "Peru is fighting the Eastern Shield Brigades with support from Russia.",
    ],
)
def test_support_for_something_else_or_only_sought(analyse, text: str) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse(text))
    assert not [c for c in found if c[1] == "fights_alongside"], found
    assert not [c for c in found if c[1] == "supports" and c[2] == "Eastern Shield Brigades"], found


def test_the_government_alone_is_the_storys_state(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse(
        "Peru's army said so. Peru is poor. The Eastern Shield Brigades and the government agreed on Monday to resume peace talks. "
        "The government condemned the latest attack, accusing the Eastern Shield Brigades of making war."
    ))
    assert ("Eastern Shield Brigades", "agrees_with", "Peru", "affirmed") in found or ("Peru", "agrees_with", "Eastern Shield Brigades", "affirmed") in found, found
    assert ("Peru", "accuses", "Eastern Shield Brigades", "affirmed") in found, found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A tank fired at a tower at the African Union's headquarters in Mogadishu.", ("African Union", "present_in", "Mogadishu", "affirmed")),
        ("A tank fired at a tower at the headquarters of the Eastern Shield Brigades in Oren, Peru.",
         ("Eastern Shield Brigades", "present_in", "Oren", "affirmed")),
        ("The African Union mission, which has been deployed in Somalia since 2013, denied it.", ("African Union", "present_in", "Somalia", "affirmed")),
    ],
)
def test_premises_and_relative_clauses_place_their_owner(analyse, text: str, expected: tuple[str, str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in _claims(analyse(text)), _claims(analyse(text))


def test_a_persons_office_places_no_organisation(analyse) -> None:  # type: ignore[no-untyped-def]
    assert not [c for c in _claims(analyse("Maria Lopez's office in Lima was raided.")) if c[1] == "present_in"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The attack by the Eastern Shield Brigades on the Dara Liberation Front killed ten.",
         {("Eastern Shield Brigades", "attacks", "Dara Liberation Front", "affirmed")}),
        ("The Dara Liberation Front repulsed an attack by the Peruvian army and the Eastern Shield Brigades.",
         {("Peruvian army", "attacks", "Dara Liberation Front", "affirmed"), ("Eastern Shield Brigades", "attacks", "Dara Liberation Front", "affirmed")}),
        ("Peruvian troops came under attack from the Eastern Shield Brigades on Monday.",
         {("Eastern Shield Brigades", "attacks", "Peruvian troops", "affirmed")}),
        # who did the killing made the raid
        ("Two months ago, Eastern Shield Brigades fighters killed five soldiers and injured ten others during a raid on a military base "
         "in Oren village, near the Peruvian border.",
         {("Eastern Shield Brigades", "attacks", "Oren village", "affirmed")}),
        # those killed in it are its target (their group, or their demonym's state)
        ("Two Hamas fighters died in an attack by the Eastern Shield Brigades.", {("Eastern Shield Brigades", "attacks", "Hamas", "affirmed")}),
        ("Four Peruvian soldiers were killed and nine others injured in an attack by the Eastern Shield Brigades.",
         {("Eastern Shield Brigades", "attacks", "Peru", "affirmed")}),
        # the reporter's own fighters
        ("The Dara Liberation Front said in a post that its forces repulsed a complex attack by the Eastern Shield Brigades.",
         {("Eastern Shield Brigades", "attacks", "Dara Liberation Front", "affirmed")}),
        # not repelling an attack does not deny it
        ("The Dara Liberation Front did not repel the attack by the Eastern Shield Brigades.",
         {("Eastern Shield Brigades", "attacks", "Dara Liberation Front", "affirmed")}),
    ],
)
def test_attacks_named_with_their_attacker(analyse, text: str, expected: set[tuple[str, str, str, str]]) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse(text))
    assert expected <= found, found
    # the one who repels an attack is not its attacker
    assert not [c for c in found if c[1] == "attacks" and c[0] == "Dara Liberation Front"], found


def test_an_attack_from_a_country_says_where_from(analyse) -> None:  # type: ignore[no-untyped-def]
    assert not [c for c in _claims(analyse("Peru suffered a drone attack from Bolivia.")) if c[1] == "attacks"]
    assert not [c for c in _claims(analyse("Ten civilians were killed in an attack by the Eastern Shield Brigades.")) if c[1] == "attacks"]


@pytest.mark.parametrize(
    "text",
    [
        "Clashes have intensified between the Eastern Shield Brigades — among the strongest of dozens of armed groups roaming the east — and the Peruvian army.",
        "Clashes broke out between the Eastern Shield Brigades — one of dozens of armed groups in the region — and the Peruvian army.",
    ],
)
def test_between_a_and_b_around_an_aside(analyse, text: str) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse(text))
    assert ("Eastern Shield Brigades", "fights", "Peruvian army", "affirmed") in found or (
        "Peruvian army", "fights", "Eastern Shield Brigades", "affirmed") in found, found


def test_it_in_a_clause_below_is_the_one_named_before(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("It was the first such attack attributed to the Eastern Shield Brigades since it resumed peace negotiations with Peru this month."))
    assert ("Eastern Shield Brigades", "negotiates_with", "Peru", "affirmed") in found or (
        "Peru", "negotiates_with", "Eastern Shield Brigades", "affirmed") in found, found
    # the nearest noun is the bombing, not Peru
    found = _claims(analyse("Peru condemned the bombing after it hit the Dara Liberation Front in Oren."))
    assert not [c for c in found if c[0] == "Peru" and c[1] == "attacks"], found


def test_accusing_a_states_army_accuses_the_state_not_the_other_way(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("Peru denied it. The Eastern Shield Brigades accused the Peruvian army of carrying out airstrikes in Oren."))
    assert ("Eastern Shield Brigades", "accuses", "Peru", "affirmed") in found, found
    found = _claims(analyse("Peru denied it. The Peruvian army accused the Eastern Shield Brigades of carrying out attacks in Oren."))
    assert not [c for c in found if c[0] == "Peru"], found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Dmytro Lopez, the secretary of the Eastern Shield Brigades, said so.", ("Dmytro Lopez", "works_for", "Eastern Shield Brigades", "affirmed")),
        ("Maria Lopez, the deputy leader of the Eastern Shield Brigades, said so.", ("Maria Lopez", "works_for", "Eastern Shield Brigades", "affirmed")),
        ("Maria Lopez, a spokeswoman for the Eastern Shield Brigades, said so.",
         ("Maria Lopez", "spokesperson_for", "Eastern Shield Brigades", "affirmed")),
        # "the organization", "the group": the one organisation named just before
        ("Peru's Coordination Headquarters for Prisoners echoed the remarks.\n\nDmytro Lopez, the secretary of the organization, said the lists were wrong.",
         ("Dmytro Lopez", "works_for", "Coordination Headquarters for Prisoners", "affirmed")),
        ("The Eastern Shield Brigades killed ten soldiers in Oren. The group also attacked the Dara Liberation Front.",
         ("Eastern Shield Brigades", "attacks", "Dara Liberation Front", "affirmed")),
    ],
)
def test_roles_beside_names_and_the_group(analyse, text: str, expected: tuple[str, str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in _claims(analyse(text)), _claims(analyse(text))


def test_the_group_after_two_is_nobody(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("The Eastern Shield Brigades met the Dara Liberation Front in Oren. The group later attacked Peru."))
    assert not [c for c in found if c[1] == "attacks"], found


def test_he_is_the_one_person_named_before(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("Peru denied it. One is a fugitive, Carlos Ruiz, who was indicted in 2015. He was arrested by the Peruvian authorities in May."))
    assert ("Peru", "detains", "Carlos Ruiz", "affirmed") in found, found
    found = _claims(analyse("Peru denied it. Carlos Ruiz met Maria Lopez in 2015. He was arrested by the Peruvian authorities in May."))
    assert not [c for c in found if c[1] == "detains"], found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Peru controls two-thirds of the valley and Bolivia the rest. The South American rivals agreed in 2003 to halt military clashes.",
         {("Bolivia", "agrees_with", "Peru", "affirmed")}),
        # two states' forces named before: the foes are the states
        ("Peru and Bolivia are old foes. Two Peruvian troops died in fighting with Bolivian forces as the foes accused each other of breaking the truce.",
         {("Peru", "accuses", "Bolivia", "affirmed"), ("Bolivia", "accuses", "Peru", "affirmed")}),
        # not those who report it
        ("The Peruvian army said the Eastern Shield Brigades had violated the truce. US mediators said on Monday that the warring parties "
         "had agreed to extend the truce.", {("Eastern Shield Brigades", "agrees_with", "Peruvian army", "affirmed")}),
    ],
)
def test_the_rivals_are_the_last_two_named(analyse, text: str, expected: set[tuple[str, str, str, str]]) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse(text))
    assert expected <= found, found


def test_made_up_of_names_members(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("Peru has alleged that the group, known as the Eastern Shield Brigades, is made up of high-ranking Peruvian officials, including Maria Lopez."))
    assert ("Maria Lopez", "member_of", "Eastern Shield Brigades", "affirmed") in found, found
    found = _claims(analyse("Peru has alleged that the Eastern Shield Brigades made up most of the force in Oren."))
    assert not [c for c in found if c[1] == "member_of"], found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Peru released Maria Lopez on Monday.", {("Peru", "releases", "Maria Lopez", "affirmed")}),
        ("The Hamas attack on Israel killed hundreds.", {("Hamas", "attacks", "Israel", "affirmed")}),
        ("Peru denied it. Peruvian airstrikes on Bolivia killed ten.", {("Peru", "attacks", "Bolivia", "affirmed")}),
    ],
)
def test_releases_and_attacks_named_before_the_noun(analyse, text: str, expected: set[tuple[str, str, str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert expected <= _claims(analyse(text)), _claims(analyse(text))


@pytest.mark.parametrize(
    "text",
    [
        "The army released the names of the Eastern Shield Brigades fighters.",
        "Russia denied the Hamas attack on Israel.",
        "Bolivia denied it. Peruvian airstrikes on Bolivia killed ten.",
    ],
)
def test_no_release_or_attack_said(analyse, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [c for c in _claims(analyse(text)) if c[1] in ("releases", "attacks") and c[3] == "affirmed"], _claims(analyse(text))


@pytest.mark.parametrize(
    "text, absent",
    [
        # who has the support of Y is backed by Y, not backing Y
        ("Maria Lopez, a presidential aspirant, has the support of Carlos Ruiz to press for the amendment.", ("Maria Lopez", "supports", "Carlos Ruiz")),
        # a relative pronoun's noun, not a name inside its clause
        ("The bank is lending money to the project, which is also being financed by the African Development Bank, Norway and Denmark.",
         ("Norway", "funds", "African Development Bank")),
        # three are not two; an offer is not a meeting
        ("Peru and Bolivia met. The three nations, joined by Chile, agree these policies are essential.", ("Bolivia", "agrees_with", "Peru")),
        ("Greece rejected it. He did not say whether he took up the offer that the two countries meet. Turkey declined.", ("Greece", "negotiates_with", "Turkey")),
        # a possessive's owner is the topic, not the one met; backing of a policy is nobody's backing of a group
        ("Peru said Maria Lopez and Carlos Ruiz discussed debt in general and Bolivia's debt position in particular.", ("Maria Lopez", "meets_with", "Bolivia")),
        ("The party said the fight took priority over Sweden's policy of only adopting sanctions with the backing of the UN Security Council.",
         ("UN Security Council", "supports", "United Nations")),
        # "regions of the country" are not the country
        ("Canada is big. Canada is cold. He said the answer for regions of the country was reaching a trade pact with the United States.",
         ("Canada", "signed_agreement_with", "United States")),
        # "he" in a clause below another's is not guessed
        ("Carlos Ruiz said he stood by the rebel forces fighting the army of Maria Lopez.", ("Carlos Ruiz", "fights", "Maria Lopez")),
    ],
)
def test_misreadings_kept_out(analyse, text: str, absent: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = {c[:3] for c in _claims(analyse(text))}
    assert absent not in found, found
    if absent[1] in ("agrees_with", "negotiates_with", "fights", "meets_with", "signed_agreement_with"):
        assert (absent[2], absent[1], absent[0]) not in found, found


def test_company_name_tails_are_no_second_party_and_backing_a_loan_backs_its_borrower(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("Eastern Holdings said it has engaged Alex. Brown and Sons Inc to explore a sale."))
    assert not [c for c in found if c[2] == "Sons Inc" or c[0] == "Sons Inc"], found
    found = _claims(analyse("The United States said last week it would support a 500 mln dlr bridging loan for Argentina."))
    assert ("United States", "supports", "Argentina", "affirmed") in found, found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Since Peru's invasion of Bolivia in 2022, the two sides have frequently exchanged prisoners.", ("Bolivia", "agrees_with", "Peru", "affirmed")),
        ("Peru swapped prisoners with Bolivia on Monday.", ("Bolivia", "agrees_with", "Peru", "affirmed")),
    ],
)
def test_exchanging_prisoners_is_a_deal(analyse, text: str, expected: tuple[str, str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in _claims(analyse(text)), _claims(analyse(text))
    assert not [c for c in _claims(analyse("Peru and Bolivia traded fire on Monday.")) if c[1] == "agrees_with"]


def test_a_condition_introduced_by_only_asserts_nothing(analyse) -> None:  # type: ignore[no-untyped-def]
    """ "would release prisoners only after the Brigades withdrew": a condition, not a withdrawal."""
    conditional = _claims(analyse(
        "Maria Lopez said the government would release prisoners only after the Eastern Shield Brigades withdrew "
        "their fighters from Veska province."
    ))
    assert not any(p == "withdraws_from" for _, p, _, _ in conditional)
    told = _claims(analyse("The Eastern Shield Brigades withdrew their fighters from Veska province after the talks."))
    assert any(p == "withdraws_from" for _, p, _, _ in told)


def test_commanding_members_in_a_place_leads_no_place(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "The Eastern Shield Brigades still commands between 5,000 and 7,000 members across its former stronghold in Syria."
    claims = _claims(analyse(text))
    assert ("Eastern Shield Brigades", "present_in", "Syria", "affirmed") in claims
    assert not [c for c in claims if c[1] == "leads"]


def test_of_a_described_body_works_for_it(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Fighting went on in Dara, said Maria Lopez, of the UN refugee agency."
    assert ("Maria Lopez", "works_for", "UN refugee agency", "affirmed") in _claims(analyse(text))


def test_a_mission_named_for_a_place_is_present_there(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "UNAMA said ten civilians were killed in a blast in Kabul on Monday. Afghanistan's government condemned it."
    assert ("UN Assistance Mission in Afghanistan", "present_in", "Afghanistan", "affirmed") in _claims(analyse(text))
    # the place must be named by the text itself
    text = "UNAMA said ten civilians were killed on Monday."
    assert not [c for c in _claims(analyse(text)) if c[1] == "present_in"]


def test_an_office_after_a_possessive_is_part_of_the_owner(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "The U.S. State Department's Bureau of Western Zamoran Affairs said in a post that it would act."
    claims = _claims(analyse(text))
    assert any(c[0] == "Bureau of Western Zamoran Affairs" and c[1] == "member_of" and "State Department" in (c[2] or "")
               for c in claims)


def test_its_rivals_are_the_one_other_armed_party(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kenya's army has suspended its participation in talks on Wednesday, accusing its rivals of failing to "
        "honour their commitments. The army said the Eastern Shield Brigades had attacked a town."
    )
    claims = _claims(analyse(text))
    assert ("Kenya's army", "accuses", "Eastern Shield Brigades", "affirmed") in claims
    # what the rivals failed to do, they did not do
    assert not [c for c in claims if c[1] == "complies_with" and c[3] == "affirmed"]


def test_suspended_talks_are_talks_no_more(analyse) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(analyse("Kenya suspended its participation in talks with Uganda on Wednesday."))
    assert not [c for c in claims if c[1] == "negotiates_with" and c[3] == "affirmed"]


def test_the_warring_factions_fight_each_other(analyse) -> None:  # type: ignore[no-untyped-def]
    text = ("Hamas accused Fatah of abductions on Sunday. Egyptian mediators said the two warring factions had agreed "
            "to a week-long truce.")
    assert ("Fatah", "fights", "Hamas", "affirmed") in _claims(analyse(text))
    # a body that speaks of them is no side; a bare "warring parties" stands for nobody
    text = "The UN mediator in Bolivia asked the warring sides to keep the ceasefire."
    assert not [c for c in _claims(analyse(text)) if c[1] == "fights"]
    text = "Hamas and Fatah backed an appeal by Peru for warring parties to lay down their arms."
    assert not [c for c in _claims(analyse(text)) if c[1] == "fights"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bolivian troops retaliated for an attack by Peru on Monday.", ("Peru", "attacks", "Bolivian troops")),
        ("Israeli troops responded to a Hamas attack on their positions.", ("Hamas", "attacks", "Israeli troops")),
        ("Israel struck Gaza City in response to a Hamas attack.", ("Hamas", "attacks", "Israel")),
        # a state's firing at another state's army is an attack on that state
        ("Peru accused Bolivia of provocations. Peru army troops responded to Bolivian firing, the army said.",
         ("Bolivia", "attacks", "Peru")),
    ],
)
def test_an_answered_attack_attacks_who_answers(analyse, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert (*expected, "affirmed") in _claims(analyse(text))


def test_the_firing_of_an_official_is_no_attack(analyse) -> None:  # type: ignore[no-untyped-def]
    assert not [c for c in _claims(analyse("The firing of the minister by Peru angered Bolivia.")) if c[1] == "attacks"]


def test_an_attack_by_x_on_y_with_the_target_hung_on_the_agent(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Peru said airstrikes by the Peruvian air force on Hamas killed 12 fighters."
    assert ("Peruvian air force", "attacks", "Hamas", "affirmed") in _claims(analyse(text))


def test_where_the_attack_took_place_is_attacked(analyse) -> None:  # type: ignore[no-untyped-def]
    text = ("Gunmen from the Eastern Shield Brigades stormed an army post in northern Peru, killing three guards. "
            "The night attack took place on Tuesday at a post in Tacna.")
    assert ("Eastern Shield Brigades", "attacks", "Tacna", "affirmed") in _claims(analyse(text))
    # an attack with nobody told as its maker attacks nothing
    text = "The attack took place in Tacna, police said."
    assert not [c for c in _claims(analyse(text)) if c[1] == "attacks"]


def test_killing_a_leader_named_beside_the_description_attacks_the_leader(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Peruvian forces killed the leader of the Eastern Shield Brigades, Carlos Ruiz, in a raid in Peru."
    claims = _claims(analyse(text))
    assert ("Peruvian forces", "attacks", "Carlos Ruiz", "affirmed") in claims
    assert ("Carlos Ruiz", "leads", "Eastern Shield Brigades", "affirmed") in claims
    assert ("Carlos Ruiz", "attacks", "Peruvian forces", "affirmed") not in claims


def test_a_passive_verb_sharing_its_heads_subject(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Maria Lopez hid in Peru. She moved on to Chile but was arrested by Bolivian police in March."
    assert ("Bolivian police", "detains", "Maria Lopez", "affirmed") in _claims(analyse(text))
    # "she" in a state's words is not the state
    text = "Maria Lopez hid in Peru in 2019. She moved on to Chile but was arrested by the Bolivian authorities, Bolivia said."
    assert not [c for c in _claims(analyse(text)) if c[1] == "detains" and c[2] == "Bolivia"]


def test_a_body_before_of_is_part_of_what_follows(analyse) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(analyse("The Military Committee of NATO said the drills would go on."))
    assert ("Military Committee", "member_of", "NATO", "affirmed") in claims


def test_a_role_in_a_states_institution_is_a_role_with_the_state(analyse) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(analyse("Pedro Gomez, a spokesman for Peru's defence ministry, said the army would respond."))
    assert ("Pedro Gomez", "spokesperson_for", "Peru", "affirmed") in claims
    # the plural's possessive names the organisation
    claims = _claims(analyse("The Houthis' spokesman Luis Vega said talks would resume in May."))
    assert ("Luis Vega", "spokesperson_for", "Houthis", "affirmed") in claims


def test_striking_positions_held_by_a_group_attacks_the_group(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "The Peruvian army shelled positions held by the Eastern Shield Brigades near Cusco."
    assert ("Peruvian army", "attacks", "Eastern Shield Brigades", "affirmed") in _claims(analyse(text))


def test_we_in_a_direct_quote_is_the_speakers_organisation(analyse) -> None:  # type: ignore[no-untyped-def]
    text = ('"We will keep striking ISIS cells in the desert," Peruvian Southern Command commander General Jorge '
            'Salinas told reporters on Tuesday.')
    assert ("Peruvian Southern Command", "attacks", "Islamic State", "affirmed") in _claims(analyse(text))
    # a campaign a state wages is no attack by itself
    text = "Peru kept up its diplomatic campaign against Bolivia."
    assert not [c for c in _claims(analyse(text)) if c[1] == "attacks"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Five Hamas militants were killed by Israeli soldiers in Jenin, the army said.", ("Israel", "attacks", "Hamas")),
        ("Al-Shabaab fighters killed ten Kenyan soldiers in an ambush near the border, Kenya said.", ("al-Shabaab", "attacks", "Kenya")),
        ("Jorge Salinas, who was kidnapped by the Eastern Shield Brigades in 2020, was freed on Monday.",
         ("Eastern Shield Brigades", "detains", "Jorge Salinas")),
        ("Clashes erupted on Monday between al-Shabaab and Kenyan forces near Mandera.", ("al-Shabaab", "fights", "Kenyan forces")),
        ("Al-Shabaab and Kenyan troops clashed near Mandera on Monday.", ("al-Shabaab", "fights", "Kenyan troops")),
    ],
)
def test_force_between_parties_named_by_their_armed_people(analyse, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse(text))
    subj, pred, obj = expected
    assert (subj, pred, obj, "affirmed") in found or (pred == "fights" and (obj, pred, subj, "affirmed") in found), found


def test_voters_are_no_armed_people(analyse) -> None:  # type: ignore[no-untyped-def]
    assert not [c for c in _claims(analyse("Kenyan voters were killed by al-Shabaab.")) if c[1] == "attacks"]


def test_a_province_attacks_nobody_and_a_capital_is_its_state(analyse) -> None:  # type: ignore[no-untyped-def]
    assert not [c for c in _claims(analyse("Uruzgan province attacked the Taliban on Monday.")) if c[1] == "attacks"]
    assert ("Afghanistan", "attacks", "Taliban", "affirmed") in _claims(analyse("Kabul attacked the Taliban on Monday."))



def test_a_head_of_states_government_is_the_one_government_named(analyse) -> None:  # type: ignore[no-untyped-def]
    text = ("The Peruvian government denied the report on Peru's mines. Critics in Peru blamed President Tomas Reyes's "
            "government for the delays.")
    assert ("Tomas Reyes", "leads", "Peruvian government", "affirmed") in _claims(analyse(text))
    # with no state of the story's own, a president of no state named leads none
    text = "The Peruvian government denied the report. Critics in Chile blamed President Tomas Reyes's government."
    assert ("Tomas Reyes", "leads", "Peruvian government", "affirmed") not in _claims(analyse(text))
    # another state's president, or a former one, leads it not
    text = "Peru and the Peruvian government denied it. Critics blamed Bolivian President Luis Arce's government."
    assert ("Luis Arce", "leads", "Peruvian government", "affirmed") not in _claims(analyse(text))
    text = "The Peruvian government denied the report. Critics blamed former President Tomas Reyes's government."
    assert ("Tomas Reyes", "leads", "Peruvian government", "affirmed") not in _claims(analyse(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Al-Shabaab claimed responsibility for the attack on the army base in Baidoa.", ("al-Shabaab", "attacks", "Baidoa")),
        ("Al-Shabaab claimed responsibility for the bombing, which killed 12 Kenyan soldiers.", ("al-Shabaab", "attacks", "Kenya")),
        ("Russia's war against Ukraine entered its third year.", ("Russia", "fights", "Ukraine")),
        ("The Eastern Shield Brigades fired missiles at Peru on Monday.", ("Eastern Shield Brigades", "attacks", "Peru")),
        ("Israeli jets pounded Hezbollah targets in southern Lebanon.", ("Israel", "attacks", "Hezbollah")),
        ("Maria Lopez, who was held hostage by Hamas for 50 days, was freed on Monday.", ("Hamas", "detains", "Maria Lopez")),
        ("Hamas held Maria Lopez captive for a year.", ("Hamas", "detains", "Maria Lopez")),
    ],
)
def test_more_ways_to_say_force(analyse, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse(text))
    subj, pred, obj = expected
    assert (subj, pred, obj, "affirmed") in found or (pred == "fights" and (obj, pred, subj, "affirmed") in found), found


def test_firing_needs_a_weapon_and_claiming_needs_responsibility(analyse) -> None:  # type: ignore[no-untyped-def]
    for text in ("Hamas fired its spokesman at Israel's request.", "Hamas claimed the attack on Israel was a success.",
                 "Hamas shot flares at Israeli planes."):
        assert not [c for c in _claims(analyse(text)) if c[1] == "attacks" and c[0] == "Hamas"], text


def test_attacking_a_person_named_beside_needs_a_verb_of_force(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "The senator said Peru had personally attacked his wife, Maria Lopez."
    assert ("Peru", "attacks", "Maria Lopez", "affirmed") not in _claims(analyse(text))


def test_the_one_swapped_is_no_party_to_the_swap(analyse) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(analyse("Carlos Ruiz was released by Peru in a prisoner swap with Bolivia."))
    assert ("Peru", "releases", "Carlos Ruiz", "affirmed") in claims
    assert ("Bolivia", "agrees_with", "Peru", "affirmed") in claims
    assert not [c for c in claims if c[1] == "agrees_with" and "Carlos Ruiz" in (c[0], c[2])]


def test_captives_an_armed_group_hands_over_are_freed(analyse) -> None:  # type: ignore[no-untyped-def]
    assert ("Hamas", "releases", "Maria Lopez", "affirmed") in _claims(analyse("Hamas handed Maria Lopez over to the Red Cross on Saturday."))
    # a state handing someone over extradites them
    assert not [c for c in _claims(analyse("Peru handed Maria Lopez over to Bolivia on Saturday.")) if c[1] == "releases"]


def test_condemning_a_deed_criticises_its_doer(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("The Oren Council of Elders on Tuesday condemned the assault launched by the Eastern Shield Brigades near Dara."))
    assert ("Oren Council of Elders", "criticizes", "Eastern Shield Brigades", "affirmed") in found, found
    found = _claims(analyse("The African Union denounced the raids carried out by the Eastern Shield Brigades in Dara."))
    assert ("African Union", "criticizes", "Eastern Shield Brigades", "affirmed") in found, found
    # "the attack" is the one told of last; with none told, nobody; an unsaid condemnation says nothing
    found = _claims(analyse("The Eastern Shield Brigades attacked Peru on Monday. The African Union condemned the attack."))
    assert ("African Union", "criticizes", "Eastern Shield Brigades", "affirmed") in found, found
    found = _claims(analyse("The Eastern Shield Brigades held talks with Peru on Monday. The African Union condemned the attack."))
    assert not [c for c in found if c[1] == "criticizes"], found
    found = _claims(analyse("The African Union did not condemn the offensive launched by the Eastern Shield Brigades."))
    assert not [c for c in found if c[1] == "criticizes" and c[3] == "affirmed"], found
    found = _claims(analyse("The African Union would condemn any offensive launched by the Eastern Shield Brigades."))
    assert not [c for c in found if c[1] == "criticizes"], found


def test_a_statement_condemning_a_deed_is_its_issuers(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("Diplomats from Peru and several other states released a statement condemning the assault launched by the Eastern Shield Brigades."))
    assert ("Peru", "criticizes", "Eastern Shield Brigades", "affirmed") in found, found
    found = _claims(analyse("The Eastern Shield Brigades shelled Chile on Tuesday. Diplomats from Peru released a statement condemning the attack."))
    assert ("Peru", "criticizes", "Eastern Shield Brigades", "affirmed") in found, found
    # nobody's statement: no critic (not a name inside what it says)
    found = _claims(analyse("A statement condemning the offensive launched by the Eastern Shield Brigades was read out."))
    assert not [c for c in found if c[1] == "criticizes"], found


def test_a_speaker_attacked_accuses_the_attacker(analyse) -> None:  # type: ignore[no-untyped-def]
    # its own forces attacked, in what it says
    found = _claims(analyse("The Eastern Shield Brigades said their fighters repulsed an attack by the Dara Liberation Front on Monday."))
    assert ("Eastern Shield Brigades", "accuses", "Dara Liberation Front", "affirmed") in found, found
    found = _claims(analyse('"This attack by the Dara Liberation Front against our soldiers is a crime," Maria Lopez said.'))
    assert ("Maria Lopez", "accuses", "Dara Liberation Front", "affirmed") in found, found
    # what it says it answered
    found = _claims(analyse("The Eastern Shield Brigades said the shelling was in response to attacks by the Dara Liberation Front."))
    assert ("Eastern Shield Brigades", "accuses", "Dara Liberation Front", "affirmed") in found, found
    # an attack on others, told with no accusing cue, accuses nobody
    found = _claims(analyse("The Eastern Shield Brigades said the Dara Liberation Front attacked the Oren Relief Agency on Monday."))
    assert not [c for c in found if c[1] == "accuses"], found
    # under an accusing cue, whoever was attacked
    found = _claims(analyse("The Oren Relief Agency alleged that the Dara Liberation Front attacked the Eastern Shield Brigades on Monday."))
    assert ("Oren Relief Agency", "accuses", "Dara Liberation Front", "affirmed") in found, found
    # whatever wrong it alleges: "executed", "were massacred by"
    found = _claims(analyse("The Oren Rights Commission alleged that the Dara Liberation Front executed 40 villagers in May."))
    assert ("Oren Rights Commission", "accuses", "Dara Liberation Front", "affirmed") in found, found
    found = _claims(analyse("The Oren Rights Commission alleged that 40 villagers were massacred by the Dara Liberation Front."))
    assert ("Oren Rights Commission", "accuses", "Dara Liberation Front", "affirmed") in found, found
    # a bare "the army" is the army of the country the story is about
    found = _claims(analyse("Peru has suspended two radio stations. Peru said it would investigate. "
                            "The Oren Rights Commission alleged that the army had killed 40 farmers in May."))
    assert ("Oren Rights Commission", "accuses", "Peru", "affirmed") in found, found
    found = _claims(analyse("Peru has suspended two radio stations. Peru said it would investigate. "
                            "The Oren Rights Commission accused the army of killing 40 farmers in May."))
    assert ("Oren Rights Commission", "accuses", "Peru", "affirmed") in found, found
    found = _claims(analyse("The Oren Rights Commission said that the army had killed 40 farmers in May."))
    assert not [c for c in found if c[1] == "accuses"], found
    # an attack that may come is no accusation
    for text in ('"We will respond to any attack on our soldiers by the Dara Liberation Front," Maria Lopez said.',
                 "Maria Lopez warned that an attack by the Dara Liberation Front on our positions would be a mistake."):
        found = _claims(analyse(text))
        assert not [c for c in found if c[1] == "accuses"], (text, found)
    # a news outlet reports, it does not accuse
    found = _claims(analyse("Reuters reported that the Eastern Shield Brigades said the strikes answered attacks by the Dara Liberation Front."))
    assert ("Reuters", "accuses", "Dara Liberation Front", "affirmed") not in found, found
    found = _claims(analyse("Al Jazeera reported the shelling was in response to attacks by the Dara Liberation Front."))
    assert not [c for c in found if c[1] == "accuses"], found
    # a denial accuses nobody
    found = _claims(analyse("The Eastern Shield Brigades denied that their fighters were attacked by the Dara Liberation Front."))
    assert not [c for c in found if c[1] == "accuses"], found


def test_the_author_of_the_report_an_accusation_is_made_in_accuses(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("Chile accused the Eastern Shield Brigades of torturing 12 detainees, in a report by the Oren Rights Office."))
    assert ("Oren Rights Office", "accuses", "Eastern Shield Brigades", "affirmed") in found, found
    found = _claims(analyse("Chile accused the Eastern Shield Brigades in a report by the Oren Rights Office."))
    assert ("Oren Rights Office", "accuses", "Eastern Shield Brigades", "affirmed") in found, found


def test_a_spokesperson_speaks_for_its_organisation(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("Eastern Shield Brigades spokesman Carlos Ruiz accused the Dara Liberation Front of shelling the camp."))
    assert ("Eastern Shield Brigades", "accuses", "Dara Liberation Front", "affirmed") in found, found


def test_a_name_misparsed_as_a_nouns_subject_owns_it() -> None:
    # "Peru rejects Chile insistence ...", parsed with "Chile" the subject of "insistence"
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from claimgraph.model import Actor
    from claimgraph.nlp.claims import ClaimFinder

    doc = Doc(Vocab(), words=["Peru", "rejects", "Chile", "insistence"], heads=[1, 1, 3, 1],
              deps=["nsubj", "ROOT", "nsubj", "dobj"], pos=["PROPN", "VERB", "PROPN", "NOUN"])
    finder = ClaimFinder()
    chile = Actor.id_for("Chile", "place")
    finder.token_actor = {2: chile}
    finder.actors = {chile: Actor(chile, "Chile", "place", "country")}
    assert finder._misparsed_owner(doc[3]) == chile
    # a modifier's name is no misparse, and a name further off owns nothing
    doc = Doc(Vocab(), words=["Chile", "said", "the", "insistence"], heads=[1, 1, 3, 1],
              deps=["nsubj", "ROOT", "det", "dobj"], pos=["PROPN", "VERB", "DET", "NOUN"])
    finder.token_actor = {0: chile}
    assert finder._misparsed_owner(doc[3]) is None


def test_denying_accusations_of_nobody_named_rejects_the_one_accuser(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("The Dara Liberation Front on Monday rejected the accusations as baseless. "
                            "The Oren Rights Commission had alleged that the Dara Liberation Front executed 40 villagers in May."))
    assert ("Dara Liberation Front", "rejects", "Oren Rights Commission", "affirmed") in found, found
    # two accusers: which one's it rejects, the words do not say
    found = _claims(analyse("The Dara Liberation Front on Monday rejected the accusations as baseless. "
                            "The Oren Rights Commission had alleged that the Dara Liberation Front executed 40 villagers in May. "
                            "The Zamora Human Rights League accused the Dara Liberation Front of looting the town."))
    assert not [c for c in found if c[1] == "rejects"], found


def test_nominal_accusations_and_criticism(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("The allegations by the Oren Rights Commission against the Eastern Shield Brigades drew an angry response."))
    assert ("Oren Rights Commission", "accuses", "Eastern Shield Brigades", "affirmed") in found, found
    found = _claims(analyse("A report by the Oren Rights Commission accusing the Eastern Shield Brigades of torture was published on Monday."))
    assert ("Oren Rights Commission", "accuses", "Eastern Shield Brigades", "affirmed") in found, found
    found = _claims(analyse("Peru's condemnation of the Eastern Shield Brigades was swift."))
    assert ("Peru", "criticizes", "Eastern Shield Brigades", "affirmed") in found, found
    # accusations another makes against a third, rejected: the denier is not the one accused
    found = _claims(analyse("Peru rejected Chile's accusations against the Eastern Shield Brigades."))
    assert ("Peru", "rejects", "Chile", "affirmed") in found, found
    assert ("Chile", "accuses", "Peru", "affirmed") not in found, found


def test_holding_another_responsible_for_a_deed_accuses_it(analyse) -> None:  # type: ignore[no-untyped-def]
    for text in ("Peru said the Eastern Shield Brigades was responsible for the bombing.",
                 "Peru said the Eastern Shield Brigades was behind the attack on the convoy."):
        found = _claims(analyse(text))
        assert ("Peru", "accuses", "Eastern Shield Brigades", "affirmed") in found, (text, found)
    # owning up, a duty, and a denial accuse nobody
    for text in ("Peru said it was responsible for the bombing.",
                 "Peru said the Eastern Shield Brigades was responsible for security in the region.",
                 "Peru said the Eastern Shield Brigades was not behind the bombing.",
                 "Peru said the Eastern Shield Brigades would be responsible for any attack on its soldiers."):
        found = _claims(analyse(text))
        assert not [c for c in found if c[1] == "accuses"], (text, found)


def test_calling_on_or_urging_another_to_act_demands_of_it(analyse) -> None:  # type: ignore[no-untyped-def]
    for text in ("Peru called on the Eastern Shield Brigades to release the hostages.",
                 "Peru urged the Eastern Shield Brigades to release the hostages.",
                 "Peru gave the Eastern Shield Brigades seven days to release the hostages."):
        found = _claims(analyse(text))
        assert ("Peru", "demands", "Eastern Shield Brigades", "affirmed") in found, (text, found)
        assert not [c for c in found if c[1] == "supplies"], (text, found)  # a deadline is no gift
    found = _claims(analyse("Peru did not call on the Eastern Shield Brigades to release the hostages."))
    assert not [c for c in found if c[1] == "demands" and c[3] == "affirmed"], found
    found = _claims(analyse("Peru called the Eastern Shield Brigades a terrorist group."))
    assert not [c for c in found if c[1] == "demands"], found


def test_rejecting_anothers_proposal_or_call_rejects_it(analyse) -> None:  # type: ignore[no-untyped-def]
    for text, who in (("Peru on Thursday rejected calls by Maria Lopez to adopt the reforms.", "Maria Lopez"),
                      ("Peru today rejected a fresh offer from Chile for direct talks.", "Chile"),
                      ("Peru rejected a plan by the Eastern Shield Brigades to hold a vote.", "Eastern Shield Brigades")):
        found = _claims(analyse(text))
        assert ("Peru", "rejects", who, "affirmed") in found, (text, found)


def test_a_speaker_is_not_the_place_it_is_in_nor_the_state_of_its_rebels(analyse) -> None:  # type: ignore[no-untyped-def]
    for text in ("Rebels in Peru on Wednesday rejected accusations by Maria Lopez.",
                 "Peruvian rebels on Friday rejected a plan by Maria Lopez.",
                 "Opposition groups in Peru are demanding that Maria Lopez resign."):
        found = _claims(analyse(text))
        assert not [c for c in found if c[0] == "Peru"], (text, found)
    found = _claims(analyse("Officials in Peru rejected accusations by Chile."))
    assert ("Peru", "rejects", "Chile", "affirmed") in found, found


def test_a_threat_or_demand_is_addressed_one_step_below_its_noun(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("Peru has issued an ultimatum to Ecuador to halt attacks across the border."))
    assert ("Peru", "threatens", "Ecuador", "affirmed") in found, found
    found = _claims(analyse("The Oren Rights Commission reiterated its demand today that Peru ease restrictions on workers."))
    assert ("Oren Rights Commission", "demands", "Peru", "affirmed") in found, found
    found = _claims(analyse("Peru demanded an apology from Chile."))
    assert ("Peru", "demands", "Chile", "affirmed") in found, found
    # no threat where no word says one, and a denied contact rejects nobody
    found = _claims(analyse("Peru earlier said it broke off talks with the Eastern Shield Brigades on a new contract."))
    assert not [c for c in found if c[1] == "threatens"], found
    found = _claims(analyse("Maria Lopez also denied any contact with the Eastern Shield Brigades."))
    assert not [c for c in found if c[1] == "rejects"], found
    # a town is no party to a threat
    found = _claims(analyse("Peru threatened to impose a curfew on Lima."))
    assert not [c for c in found if c[1] == "threatens"], found
    # "the Albanians of southern Peru" do not speak for Peru; "the government of Peru" does
    found = _claims(analyse("The Albanians of southern Peru are demanding autonomy from Chilean authorities."))
    assert not [c for c in found if c[0] == "Peru"], found


def test_an_inquiry_into_another_investigates_it(analyse) -> None:  # type: ignore[no-untyped-def]
    for text, who in (("The UN's investigation into the Eastern Shield Brigades found evidence of torture.", "United Nations"),
                      ("Peru opened a probe into the Eastern Shield Brigades on Monday.", "Peru"),
                      ("An investigation by the United Nations into the Eastern Shield Brigades was completed.", "United Nations")):
        found = _claims(analyse(text))
        assert (who, "investigates", "Eastern Shield Brigades", "affirmed") in found, (text, found)
    # one called for is none opened; what the inquiry is about is its object, not a name deeper
    found = _claims(analyse("Peru called for an investigation into the Eastern Shield Brigades."))
    assert not [c for c in found if c[1] == "investigates" and c[3] == "affirmed"], found
    found = _claims(analyse("Peru launched an investigation into the killing of five soldiers by the Eastern Shield Brigades."))
    assert not [c for c in found if c[1] == "investigates"], found


def test_the_two_sides_are_the_two_parties_their_own_sentence_names(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Lima Relief Council said the Andean Rights Group had helped. "
        "After Peru's blockade of Chile in 2020, the two sides exchanged prisoners several times."
    )
    claims = _claims(analyse(text))
    assert ("Chile", "agrees_with", "Peru", "affirmed") in claims or ("Peru", "agrees_with", "Chile", "affirmed") in claims
    assert not [c for c in claims if c[1] == "agrees_with" and "Council" in (c[0] or "") + (c[2] or "")]


def test_those_who_agree_to_end_the_fighting_were_fighting(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Peru holds the coast and Bolivia the hills. The two rivals promised in 2011 to halt the clashes in the valley."
    assert ("Bolivia", "fights", "Peru", "affirmed") in _claims(analyse(text))
    assert ("Fatah", "fights", "Hamas", "affirmed") in _claims(analyse("Hamas and Fatah pledged to end the fighting."))
    # one who asks others to stop fights nobody
    assert not [c for c in _claims(analyse("Peru called on Hamas and Fatah to stop the fighting.")) if c[1] == "fights" and "Peru" in c]


def test_a_description_before_a_bracketed_name_is_that_organisation(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Guards said the peacekeeping mission deployed since 2019 in Zamora (Minuza) closed the road."
    found = _claims(analyse(text))
    assert [c for c in found if c[0] == "Minuza" and c[1] in ("present_in", "deploys") and c[2] == "Zamora"], found
    # a bracketed word no description kinds stays apart from the description
    text = "Guards said the mission deployed in Zamora (Oren) closed the road."
    assert not [c for c in _claims(analyse(text)) if c[1] in ("present_in", "deploys") and c[0] == "Oren"]


def test_a_passive_verbs_for_names_the_deed_of_its_subject(analyse) -> None:  # type: ignore[no-untyped-def]
    text = ("Last week Peru blacklisted an organisation it says is linked to Maria Lopez for reportedly backing the "
            "Eastern Shield Brigades.")
    found = _claims(analyse(text + " The organisation, known as the Oren Cartel, is run by officers."))
    assert ("Oren Cartel", "supports", "Eastern Shield Brigades", "affirmed") in found, found
    found = _claims(analyse("The Oren Cartel was sanctioned for supporting the Eastern Shield Brigades."))
    assert ("Oren Cartel", "supports", "Eastern Shield Brigades", "affirmed") in found, found
    # the one who sanctions is not the supporter
    assert not [c for c in found if c[1] == "supports" and c[0] != "Oren Cartel"], found


def test_a_named_modifier_opening_a_coordination_is_an_object_of_its_own(analyse) -> None:  # type: ignore[no-untyped-def]
    # the parser reads "the Zarda gang and Chile" as a modifier of "Cartel"
    text = "Peru sanctioned Maria Lopez for supporting the Zarda gang and Chile’s Oren Cartel, which Peru has named terrorist organizations."
    found = _claims(analyse(text))
    assert ("Maria Lopez", "supports", "Oren Cartel", "affirmed") in found, found
    assert [c for c in found if c[0] == "Maria Lopez" and c[1] == "supports" and (c[2] or "").startswith("Zarda")], found
    # here as a third conjunct: the possessive owns the cartel and is supported by nobody
    text = "Peru sanctioned Maria Lopez for supporting the MZLA gang and Chile’s Oren Cartel, which Peru has named terrorist organizations."
    found = _claims(analyse(text))
    assert ("Maria Lopez", "supports", "Oren Cartel", "affirmed") in found, found
    assert ("Maria Lopez", "supports", "MZLA", "affirmed") in found, found
    assert not [c for c in found if c[2] == "Chile"], found


def test_a_story_told_through_one_states_institutions_is_about_that_state(analyse) -> None:  # type: ignore[no-untyped-def]
    text = ("Peruvian Army officials said a rebel leader was killed in Peru. The Peruvian Defence Ministry said he had refused "
            "to disarm. Carlos Ruiz had taken part in the peace talks between the government and the Eastern Shield Brigades "
            "which were held in Chile’s Santiago. Peruvian President Maria Lopez said the operation was a success.")
    found = _claims(analyse(text))
    assert ("Eastern Shield Brigades", "negotiates_with", "Peru", "affirmed") in found or (
        "Peru", "negotiates_with", "Eastern Shield Brigades", "affirmed") in found, found
    # two states' institutions: "the government" beside another party is neither's
    text = ("Peru's army said a rebel leader was killed in Chile. Chile's army denied it. Carlos Ruiz had taken part in "
            "the peace talks between the government and the Eastern Shield Brigades.")
    assert not [c for c in _claims(analyse(text)) if c[1] == "negotiates_with"]


def test_the_one_a_description_introduced_is_the_person_it_is_identified_as(analyse) -> None:  # type: ignore[no-untyped-def]
    text = ("Earlier this month, Peruvian forces killed a senior Eastern Shield Brigades commander in a strike near Lima, "
            "the army said. The army identified the commander as Carlos Ruiz, who it said planned attacks.")
    assert ("Peruvian forces", "attacks", "Carlos Ruiz", "affirmed") in _claims(analyse(text))
    # two introduced by the same noun: which one is meant is unsaid
    text = ("Peruvian forces killed a commander near Lima and a commander near Cusco. "
            "The army identified the commander as Carlos Ruiz.")
    assert not [c for c in _claims(analyse(text)) if c[2] == "Carlos Ruiz"]
