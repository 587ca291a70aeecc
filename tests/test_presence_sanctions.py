"""Presence named by offices, occupiers, counts and armed people's acts; coercive measures laid on a party."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _claims(an):  # type: ignore[no-untyped-def]
    names = {a.id: a.name for a in an.actors}
    return {(names.get(c.subject), c.predicate, names.get(c.object), c.polarity) for c in an.claims}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an organisation's office named by its place
        ("Save the Children's Yemen country director Maria Lopez said the camps were full.",
         ("Save the Children", "present_in", "Yemen", "affirmed")),
        ("Amnesty International's Chad office said the report was accurate.",
         ("Amnesty International", "present_in", "Chad", "affirmed")),
        # one said to occupy a place is there
        ("Protests followed raids by the Chadian state, which is the occupier in Niger.",
         ("Chad", "present_in", "Niger", "affirmed")),
        # a bare count held in a place
        ("Al-Shabaab keeps 2,000 in Kenya and Ethiopia.", ("al-Shabaab", "present_in", "Ethiopia", "affirmed")),
        # what armed people do or suffer there puts their group there
        ("Al-Shabaab said its fighters repulsed an attack by the army in the town of Beledweyne.",
         ("al-Shabaab", "present_in", "Beledweyne", "affirmed")),
        ("Two Kenyan soldiers were killed in Somalia on Monday.", ("Kenya", "present_in", "Somalia", "affirmed")),
        # a group whose armed campaign a place hosts
        ("In recent years, eastern Chad has been the hotbed of a rebellion waged by several factions, including Boko Haram and al-Shabaab.",
         ("al-Shabaab", "present_in", "Chad", "affirmed")),
        ("The Boko Haram insurgency in Cameroon has displaced thousands.", ("Boko Haram", "present_in", "Cameroon", "affirmed")),
        ("Al-Shabaab, which has waged an insurgency in Kenya since 2011, claimed the attack.",
         ("al-Shabaab", "present_in", "Kenya", "affirmed")),
        # a gapped clause: the second party holds the rest of the same place
        ("Nairobi controls half of Jubaland and Mogadishu the rest.", ("Somalia", "controls", "Jubaland", "affirmed")),
        # "Y-based X", "X's presence in Y", "X has a presence in Y", "the X mission in Y", "thousands of fighters"
        ("The Somalia-based al-Shabaab claimed the attack.", ("al-Shabaab", "present_in", "Somalia", "affirmed")),
        ("The Somali-based al-Shabaab claimed the attack.", ("al-Shabaab", "present_in", "Somalia", "affirmed")),
        ("Amnesty International said the report was accurate. The London-based group said more was needed.",
         ("Amnesty International", "present_in", "London", "affirmed")),
        ("Wagner's presence in Libya worries Egypt.", ("Wagner Group", "present_in", "Libya", "affirmed")),
        ("Turkey has a military presence in Libya.", ("Turkey", "present_in", "Libya", "affirmed")),
        ("Russia ended its military presence in Libya.", ("Russia", "present_in", "Libya", "negated")),
        ("The United Nations mission in Chad said civilians were killed.", ("United Nations", "present_in", "Chad", "affirmed")),
        ("Hezbollah has thousands of fighters in Yemen.", ("Hezbollah", "present_in", "Yemen", "affirmed")),
        # a part of a country is held ground; a place that fell to a party is held by it
        ("Al-Shabaab still controls large swathes of rural Somalia.", ("al-Shabaab", "controls", "Somalia", "affirmed")),
        ("The town of Beledweyne fell to al-Shabaab after a week of fighting.", ("al-Shabaab", "controls", "Beledweyne", "affirmed")),
        ("Kabul did not fall to the Taliban.", ("Taliban", "controls", "Kabul", "negated")),
        # nominal holds
        ("Idlib is under the control of Hayat Tahrir al-Sham.", ("Hayat Tahrir al-Sham", "controls", "Idlib", "affirmed")),
        ("Goma remains under M23 control.", ("M23", "controls", "Goma", "affirmed")),
        ("Hezbollah's control of Baalbek worried Beirut.", ("Hezbollah", "controls", "Baalbek", "affirmed")),
        ("The Taliban regained control of Kandahar.", ("Taliban", "controls", "Kandahar", "affirmed")),
        ("The army lost control of Goma to the M23.", ("M23", "controls", "Goma", "affirmed")),
        ("The fall of Goma to the M23 shocked Kinshasa.", ("M23", "controls", "Goma", "affirmed")),
        ("Hamas has governed Gaza since 2007.", ("Hamas", "controls", "Gaza", "affirmed")),
        ("Chad said its troops had captured the outpost of Gouro.", ("Chad", "controls", "Gouro", "affirmed")),
        # put on a list of terrorists or of sanctions
        ("Peru placed the Eastern Shield Brigades on its list of terrorist organisations.", ("Peru", "sanctions", "Eastern Shield Brigades", "affirmed")),
        ("Hamas was added to the EU sanctions list in 2003.", ("European Union", "sanctions", "Hamas", "affirmed")),
        ("The United States put Cuba back on its list of state sponsors of terrorism.", ("United States", "sanctions", "Cuba", "affirmed")),
        # nominal deployments; premises set up; an affiliate somewhere; armed people stationed somewhere
        ("Russia's deployment of troops to Belarus alarmed Poland.", ("Russia", "deploys", "Belarus", "affirmed")),
        ("Egypt announced the deployment of troops to Somalia.", ("Egypt", "deploys", "Somalia", "affirmed")),
        ("Kenya halted the deployment of police officers to Haiti.", ("Kenya", "deploys", "Haiti", "negated")),
        ("Turkey has established military bases in Somalia.", ("Turkey", "present_in", "Somalia", "affirmed")),
        ("The Islamic State's affiliate in Mozambique claimed the attack.", ("Islamic State", "present_in", "Mozambique", "affirmed")),
        ("Kenya has 400 police officers stationed in Haiti.", ("Kenya", "present_in", "Haiti", "affirmed")),
        ("Troops from Rwanda were deployed to Mozambique in 2021.", ("Rwanda", "present_in", "Mozambique", "affirmed")),
        # a presence that ended
        ("Hezbollah no longer has fighters in Yemen.", ("Hezbollah", "present_in", "Yemen", "negated")),
        ("Hezbollah is no longer active in Yemen.", ("Hezbollah", "present_in", "Yemen", "negated")),
        # measures laid on a party
        ("The African Union and ECOWAS declared the imposition of a travel ban on Mali's leaders.",
         ("African Union", "sanctions", "Mali", "affirmed")),
        ("The African Union and ECOWAS declared the imposition of a travel ban on Mali's leaders.",
         ("ECOWAS", "sanctions", "Mali", "affirmed")),
        ("The European Union imposed an arms embargo on Belarus.", ("European Union", "sanctions", "Belarus", "affirmed")),
        ("Sanctions against Cuba by the United States have hurt its economy.", ("United States", "sanctions", "Cuba", "affirmed")),
        ("Sanctions imposed on Cuba by the United States have hurt its economy.", ("United States", "sanctions", "Cuba", "affirmed")),
        ("The EU arms embargo on Libya remains in force.", ("European Union", "sanctions", "Libya", "affirmed")),
        ("The Security Council lifted the UN arms embargo on Libya.", ("United Nations", "sanctions", "Libya", "negated")),
        ("The SEC sanctioned the accounting firm Main Hurdman for improper conduct.", ("SEC", "sanctions", "Main Hurdman", "affirmed")),
        # "similar measures by X": X lays the sentence's own sanction too
        ("Peru cut aid to Bolivia, after similar steps by Chile and Ecuador.",
         ("Chile", "sanctions", "Bolivia", "affirmed")),
        ("Peru cut aid to Bolivia, after similar steps by Chile and Ecuador.",
         ("Ecuador", "sanctions", "Bolivia", "affirmed")),
    ],
)
def test_presence_and_measures(analyse, text: str, expected: tuple[str, str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse(text))
    assert expected in found, found


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # money is no people
        ("Hamas has $5 million in Turkey.", ("Hamas", "present_in", "Turkey")),
        ("The Taliban keep thousands of dollars in Pakistan.", ("Taliban", "present_in", "Pakistan")),
        # firing from afar puts nobody there
        ("Peruvian troops fired over the frontier, wounding two farmers in Bolivia.", ("Peru", "present_in", "Bolivia")),
        # a threatened measure is laid on nobody
        ("ECOWAS threatened to impose an arms embargo on Mali.", ("ECOWAS", "sanctions", "Mali")),
        # an envoy for a place is no office there
        ("The United Nations' Yemen envoy Maria Lopez met the rebels in Oman.", ("United Nations", "present_in", "Yemen")),
        # an ended campaign, or one fought against, is no presence
        ("The government said the Taliban insurgency in Afghanistan had ended.", ("Taliban", "present_in", "Afghanistan")),
        # a measure asked for, proposed or possible is laid on nobody
        ("Kenya called for UN sanctions on Eritrea.", ("United Nations", "sanctions", "Eritrea")),
        ("Israel urged EU sanctions against Iran.", ("European Union", "sanctions", "Iran")),
        ("The EU may impose an arms embargo on Libya.", ("European Union", "sanctions", "Libya")),
        ("Turkey will have a military presence in Libya if the deal passes.", ("Turkey", "present_in", "Libya")),
        # a government's desk named by a country is at home; money held is no people
        ("The State Department's Iran office drafted the plan.", ("US State Department", "present_in", "Iran")),
        ("Peru has 40 million in bank deposits in Chile.", ("Peru", "present_in", "Chile")),
        ("The US holds much of Iran's debt.", ("United States", "controls", "Iran")),
        ("Oil exports from Syria fell to Turkey.", ("Turkey", "controls", "Syria")),
        ("Britain placed Iran on its list of priority countries.", ("United Kingdom", "sanctions", "Iran")),
        ("The US may add the Houthis to its terror list.", ("United States", "sanctions", "Houthis")),
        ("Poland criticised the deployment of troops to Belarus.", ("Poland", "deploys", "Belarus")),
        # an infinitive lays nothing
        ("The Labour Party gave the government power to decree trade sanctions against Zimbabwe.",
         ("Labour Party", "sanctions", "Zimbabwe")),
        # designating a group sanctions that group, not a party it is tied to
        ("Chile designated a gang tied to Peru's interior minister.", ("Chile", "sanctions", "Peru")),
        # fighters of a nationality are no state's forces
        ("Syrian mercenaries in Libya fought for Haftar.", ("Syria", "present_in", "Libya")),
        ("Fighters from Syria were killed in Libya.", ("Syria", "present_in", "Libya")),
        # former premises are no presence now
        ("Al-Qaeda's former base in Sudan was destroyed.", ("al-Qaeda", "present_in", "Sudan")),
        ("The UN called for the M23's withdrawal from Goma.", ("M23", "controls", "Goma")),
        ("The M23 may soon take control of Goma.", ("M23", "controls", "Goma")),
        # the owner is the phrase's own, not one named deeper
        ("The two big Bahrain-based banks increased their presence in London.", ("Bahrain", "present_in", "London")),
        ("Goma fell to rebels backed by Rwanda.", ("Rwanda", "controls", "Goma")),
        ("Analysts cited news of pending U.S. trade sanctions against Japan.", ("United States", "sanctions", "Japan")),
        # no fighters, no presence
        ("No Wagner fighters were killed in Mali.", ("Wagner Group", "present_in", "Mali")),
    ],
)
def test_no_presence_or_measure_unsaid(analyse, text: str, absent: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse(text))
    assert not [c for c in found if c[:3] == absent and c[3] == "affirmed"], found


def test_a_group_is_the_one_a_later_known_as_names(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("Chile designated a group on Tuesday that it linked to Maria Lopez. Officials promised further "
                            "steps. The group, known as the Eastern Shield Brigades, rejected the charge."))
    assert ("Chile", "sanctions", "Eastern Shield Brigades", "affirmed") in found, found


@pytest.mark.parametrize(
    "text",
    [
        # "a group of officials" says which group it is
        "Chile designated a group of officials on Tuesday. The group, known as the Eastern Shield Brigades, denied it.",
        # the name came first: "a group" may be another one
        "The Eastern Shield Brigades attacked the town. Chile designated a group on Tuesday. The group, known as "
        "the Eastern Shield Brigades, denied the charge.",
    ],
)
def test_a_group_stays_unnamed_when_unsure(analyse, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [c for c in _claims(analyse(text)) if c[1] == "sanctions"]


def test_putting_a_group_on_a_list_is_no_aid(analyse) -> None:  # type: ignore[no-untyped-def]
    found = _claims(analyse("Peru added the Eastern Shield Brigades to its terror list."))
    assert not [c for c in found if c[1] in ("supplies", "supports", "funds")], found
    assert not _claims(analyse("Peru may add the Eastern Shield Brigades to its terror list."))
