"""Attributions: quote marks, every common layout, indirect speech, speakers."""

from __future__ import annotations

import pytest
from conftest import speaker_name

from claimgraph.nlp.quotes import find_quote_spans


def _quoted(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in find_quote_spans(text)]


def test_quote_marks_curly_straight_and_nested_single() -> None:
    text = "“We had rules for all ‘foreign guests’,” he said. She said \"no deal\" twice."
    assert _quoted(text) == ["“We had rules for all ‘foreign guests’,”", '"no deal"']


def test_multi_paragraph_quote_continues_when_next_paragraph_opens_one() -> None:
    text = "“First part of the statement.\n\n“Second part,” she said."
    assert _quoted(text) == [text[: text.index(" she")]]


def test_unbalanced_marks_never_break() -> None:
    text = "He said “this never closes.\n\nNext paragraph. And a stray ” mark. “Open again"
    spans = find_quote_spans(text)
    assert all(0 <= s < e <= len(text) for s, e, _ in spans)
    assert spans[0][2] is True  # flagged as unclosed



@pytest.mark.model
@pytest.mark.parametrize(
    "text, content, speaker, direct",
    [
        ("“The truce is holding,” said Maria Lopez, the envoy.", "The truce is holding", "Maria Lopez", True),
        ("“The truce is holding,” Maria Lopez said.", "The truce is holding", "Maria Lopez", True),
        ("Maria Lopez said: “The truce is holding.”", "The truce is holding", "Maria Lopez", True),
        ("“The truce,” Maria Lopez said, “is holding for now.”", "is holding for now", "Maria Lopez", True),
        ("Maria Lopez said the truce was holding.", "the truce was holding", "Maria Lopez", False),
        ("Maria Lopez said that the truce was holding.", "that the truce was holding", "Maria Lopez", False),
        ("The truce is holding, Maria Lopez said.", "The truce is holding", "Maria Lopez", False),
        ("According to Maria Lopez, the truce is holding.", "the truce is holding", "Maria Lopez", False),
        ("Maria Lopez told Reuters that the truce was holding.", "the truce was holding", "Maria Lopez", False),
        ("Maria Lopez insists the truce is holding.", "the truce is holding", "Maria Lopez", False),
    ],
)
def test_layouts(analyse, text: str, content: str, speaker: str, direct: bool) -> None:  # type: ignore[no-untyped-def]
    an = analyse(text)
    hits = [a for a in an.attributions if content in a.content]
    assert hits, [a.content for a in an.attributions]
    att = hits[0]
    assert speaker_name(an, att) == speaker
    assert att.direct is direct
    assert text[att.span[0] : att.span[1]] == att.content
    assert att.speaker.span is not None and text[att.speaker.span[0] : att.speaker.span[1]] == att.speaker.text


@pytest.mark.model
def test_pronoun_goes_to_previous_speaker_and_described_sources_are_anonymous(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“The army is ready,” said Karl Brenner, the defence minister.\n\n"
        "“We will not attack first,” he said.\n\n"
        "“They came at night,” said a commander from the eastern province.\n\n"
        "“Nobody warned us,” he added.\n\n"
        "Two rebel officers told the Courier that the offensive had stalled."
    )
    an = analyse(text)
    by_content = {a.content.strip("“”,. "): a for a in an.attributions}
    assert speaker_name(an, by_content["We will not attack first"]) == "Karl Brenner"
    assert by_content["We will not attack first"].speaker.text == "he"
    cmd = by_content["They came at night"]
    assert cmd.speaker.anonymous and "commander" in (cmd.speaker.description or "")
    follow = by_content["Nobody warned us"]
    assert follow.speaker.anonymous and "commander" in (follow.speaker.description or "")
    officers = [a for a in an.attributions if "offensive had stalled" in a.content][0]
    assert officers.speaker.anonymous and "officers" in (officers.speaker.description or "")


@pytest.mark.model
def test_quote_ending_a_sentence_does_not_take_the_next_sentences_speaker(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Maria Lopez praised the deal, calling it “a fair start.”\n\nThe mayor says that roads will reopen."
    an = analyse(text)
    (quote,) = [a for a in an.attributions if "fair start" in a.content]
    assert speaker_name(an, quote) == "Maria Lopez"
    mayor = [a for a in an.attributions if "roads will reopen" in a.content][0]
    assert "mayor" in (mayor.speaker.text or "")


@pytest.mark.model
def test_no_attribution_without_a_speaker_or_cue(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("The bridge was rebuilt in 2019. Traffic resumed the next week.")
    assert an.attributions == []


# -- speakers that refer back, countries speaking, partial quotes (issue 12) --


def _att(an, words):  # type: ignore[no-untyped-def]
    found = [a for a in an.attributions if words in a.content]
    assert found, [(a.content, a.speaker) for a in an.attributions]
    return found[0]


@pytest.mark.model
def test_it_said_goes_to_the_organisation_named_before(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Zarda Liberation Front claimed the raid on Tuesday. "
        "In a statement, it said it had attacked a base near the river."
    )
    an = analyse(text)
    assert speaker_name(an, _att(an, "attacked a base")) == "Zarda Liberation Front"


@pytest.mark.model
def test_a_definite_description_goes_to_the_one_titled_person(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Communications minister Paul Kabore Sana rejected the report on Sunday. "
        "The minister said the report was written with boundless imagination."
    )
    an = analyse(text)
    assert speaker_name(an, _att(an, "boundless imagination")) == "Paul Kabore Sana"


@pytest.mark.model
def test_a_description_naming_someone_new_stays_anonymous(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Communications minister Paul Kabore Sana rejected the report on Sunday. "
        "A senior minister said the report was accurate."
    )
    att = _att(analyse(text), "report was accurate")
    assert att.speaker.actor is None and att.speaker.anonymous


@pytest.mark.model
def test_a_country_speaks_for_its_government(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "France said on Friday it had suspended all aid to the junta."
    an = analyse(text)
    assert speaker_name(an, _att(an, "suspended all aid")) == "France"


@pytest.mark.model
def test_partial_quotes_are_direct_scare_quotes_are_not(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The mediators said the truce had been \u201cimperfectly observed\u201d. "
        "An army statement said the rebels \u201cinitiated unprovoked\u201d firing on the posts."
    )
    an = analyse(text)
    assert _att(an, "imperfectly observed").direct is True
    assert _att(an, "initiated unprovoked").direct is False


@pytest.mark.model
def test_a_quote_after_said_goes_on_with_the_same_speaker(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "\u201cThe offensive must stop now,\u201d Maria Lopez said. \u201cWe reiterate our full support to the "
        "sovereignty of the country.\u201d\n\nThe talks resumed later."
    )
    an = analyse(text)
    assert speaker_name(an, _att(an, "full support to the sovereignty")) == "Maria Lopez"


@pytest.mark.model
def test_who_issued_the_statement_says_it(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "The Zarda Liberation Front issued a statement saying the airstrikes were in response to ambushes."
    an = analyse(text)
    assert speaker_name(an, _att(an, "in response to ambushes")) == "Zarda Liberation Front"


@pytest.mark.model
def test_hyphenated_title_is_not_part_of_the_name(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("UN Secretary-General Ana Gutierrez said the attacks must stop.")
    assert [a.name for a in an.actors if a.type == "person"] == ["Ana Gutierrez"]


@pytest.mark.model
def test_a_report_speaks_for_the_body_that_issued_it(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Kivu Relief Council (KRC) published its findings on Monday. "
        "The KRC report said 179 people were killed in the village."
    )
    an = analyse(text)
    assert speaker_name(an, _att(an, "179 people were killed")) == "Kivu Relief Council"


@pytest.mark.model
def test_a_surname_the_model_missed_is_the_person(analyse) -> None:  # type: ignore[no-untyped-def]
    # the small model labels no entity on the second "Lysenko"
    text = "Ombudsman Petro Lysenko spoke on Monday.\n\nLysenko said 212 detainees have returned home."
    an = analyse(text)
    assert speaker_name(an, _att(an, "detainees have returned")) == "Petro Lysenko"


@pytest.mark.model
def test_a_quote_running_past_the_statement_is_direct(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "The spokesman denounced the attack as a \u201cviolation of all security commitments and arrangements."
    an = analyse(text)
    assert any(a.direct and "violation of all security" in a.content for a in an.attributions), an.attributions


@pytest.mark.model
def test_headline_colon_after_a_place_or_topic_is_no_speaker(analyse) -> None:  # type: ignore[no-untyped-def]
    for headline in ("Chad: Cross-Border Raid Kills 7 Herders", "Prisoner swap: Rebel commander exchanged for ten soldiers"):
        an = analyse(headline + "\n\nThe exchange took place on Monday near the border.")
        assert not [a for a in an.attributions if a.span[0] < len(headline)], an.attributions


@pytest.mark.model
def test_headline_signed_at_the_end(analyse) -> None:  # type: ignore[no-untyped-def]
    headline = "Zamora: militia fighters burned 40 homes in Oren - UN"
    an = analyse(headline + "\n\nThe United Nations (UN) published its report on Friday.")
    (att,) = [a for a in an.attributions if a.span[0] < len(headline)]
    assert att.content == "militia fighters burned 40 homes in Oren"
    assert speaker_name(an, att) == "United Nations"


@pytest.mark.model
def test_it_in_a_relative_clause_is_the_sentence_subject(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Zarda Front clashed with troops on Thursday.\n\n"
        "The European Union on Tuesday sanctioned a network it said is tied to the Zamoran army for smuggling gold."
    )
    an = analyse(text)
    assert speaker_name(an, _att(an, "is tied to the")) == "European Union"


@pytest.mark.model
def test_it_added_after_a_described_body_keeps_the_description(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A late-night army statement said the rebels had violated the truce near Oren.\n\n"
        "\u201cOur troops responded effectively to the firing,\u201d it added."
    )
    att = _att(analyse(text), "responded effectively")
    assert att.speaker.description and "army statement" in att.speaker.description and not att.speaker.anonymous


@pytest.mark.model
def test_a_late_running_quote_leaves_reported_speech_indirect(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Maria Lopez said that the ceasefire is not being monitored by the UN and that the \u201cresponsibility "
        "lies with the parties to keep it."
    )
    an = analyse(text)
    assert any(not a.direct and "not being monitored" in a.content for a in an.attributions), an.attributions


@pytest.mark.model
def test_the_statement_is_the_same_body_s_statement(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Two armed men were also killed, according to a statement from the Zarda Joint Command.\n\n"
        "\u201cWe assess no civilians were killed or injured in the operation,\u201d the statement said."
    )
    an = analyse(text)
    assert speaker_name(an, _att(an, "We assess no civilians")) == "Zarda Joint Command"


@pytest.mark.model
def test_claimed_to_have_done_keeps_what_was_claimed(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Also on Thursday, the Zarda rebels claimed to have hit a military target near the border."
    an = analyse(text)
    assert any("hit a military target" in a.content for a in an.attributions), an.attributions
    assert not [a for a in an.attributions if a.content.strip() == "Also on Thursday"]


@pytest.mark.model
def test_headline_speaker_keeps_its_statement_and_the_denial_is_not_a_quote(analyse) -> None:  # type: ignore[no-untyped-def]
    headline = "Somalia rebels: Coalition strikes kill dozens, Kenya denies it"
    an = analyse(headline + "\n\nThe strikes hit a market on Thursday, residents said.")
    (att,) = [a for a in an.attributions if a.span[0] < len(headline)]
    assert att.content == "Coalition strikes kill dozens" and att.speaker.text == "Somalia rebels"


@pytest.mark.model
def test_what_a_speaker_publishes_is_its_position(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("Maria Lopez published lists of 300 prisoners held in Oren, whom Zamora allegedly refused to take back.")
    (att,) = an.attributions
    assert speaker_name(an, att) == "Maria Lopez" and att.content.startswith("lists of 300 prisoners")


@pytest.mark.model
def test_a_dateline_parsed_as_a_subject_is_not_the_speaker(analyse) -> None:  # type: ignore[no-untyped-def]
    an = analyse("Army denies strikes in Oren\n\nAldera: The Zamoran Army on Tuesday rejected accusations by the Eastern Shield Brigades that it shelled Dara.")
    (att,) = [a for a in an.attributions if a.content.startswith("accusations")]
    assert speaker_name(an, att) == "Zamoran Army"
