"""Follow-up questions resolved against the conversation's focus: on the real NGO page and the real
model, and, for the times relative to an answer, on a focus made by hand."""

import datetime

import numpy as np
import pytest

from qa.chunking import Chunk
from qa.conversing import Conversation, Focus
from qa.dates import TimeScope
from qa.languages import table
from qa.searching import Hit, search

TODAY = datetime.date(2026, 11, 27)


def _talk(index, embedder, *questions, k=5):
    """Asks the questions as one conversation; each turn's answer and resolution."""
    conversation = Conversation(today=TODAY)
    return conversation, [conversation.ask(index, embedder, q, k) for q in questions]


def _indexed(write_corpus, tmp_path, embedder, files: dict):
    """A real index of a few small documents, built with the real model."""
    from qa.building import build
    from qa.indexing import load_index

    build(write_corpus(files), tmp_path / "index", embedder)
    return load_index(tmp_path / "index")


def _top(turn):
    answer, _ = turn
    return f"{answer.hits[0].heading or ''} {answer.hits[0].text}"


def test_a_question_that_names_its_subject_is_a_new_topic(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Who is ACE's managing director?",
                     "When did ACE sign the joint open letter to the G7 Trade Ministers?")
    answer, resolved = turns[1]
    assert resolved.notes == () and resolved.signals.empty and "G7 Trade Ministers" in answer.hits[0].text


def test_she_is_the_person_the_last_answer_named_and_the_note_says_so(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Who is ACE's managing director?",
                     "when did she go to the cocoa industry meeting?", "and where was that held?")
    assert turns[1][1].notes == ("she → Tomoko Shiroki",)
    assert "annual meeting of the CLCCG" in _top(turns[1]) and turns[1][0].hits[0].date == "2019"
    assert "Cote D'Ivoire" in _top(turns[2]) and turns[2][1].notes[0].startswith("that → ")


def test_notes_are_short_lines_never_a_rewritten_question(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Tell me about the SDG 8.7 Dialogues", "and the second?",
                     "who attended them?", "what did we do the month before?")
    notes = [n for _, resolved in turns for n in resolved.notes]
    assert notes and all("→" in n and len(n) <= 80 and "?" not in n for n in notes)


def test_the_nth_of_a_series_is_found_by_its_own_numbering(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Where was the third SDG 8.7 Dialogue held?", "and the first one?",
                     "and the second one?")
    assert "First SDG 8.7 Dialogue" in _top(turns[1]) and "first" in turns[1][1].notes[-1]
    assert "second SDG 8.7 Dialogue" in _top(turns[2]) and "(23 April 2019)" in turns[2][1].notes[-1]


def test_the_nth_of_the_list_just_shown(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "What did ACE do in 2018?", "tell me more about the third one")
    shown = turns[0][0].hits
    answer, resolved = turns[1]
    assert answer.hits[0].chunk is shown[2].chunk and resolved.signals.item == shown[2].number


def test_what_else_that_month_leaves_out_the_answer_in_focus(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "When did ACE take part in the UN Forum on Business and Human Rights?",
                     "what else did we do that month?")
    answer, resolved = turns[1]
    assert "that month → November 2019" in resolved.notes
    assert answer.hits[0].date.startswith("2019-11") and "UN Forum" not in answer.hits[0].text
    assert answer.hits[0].in_period is True


def test_they_the_month_before_counts_from_the_event_not_from_the_year(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "What did ACE do at the UN Forum on Business and Human Rights in 2019?",
                     "what did they do the month before?")
    answer, resolved = turns[1]
    assert resolved.when == TimeScope("2019-10", "2019-10") and answer.hits[0].date.startswith("2019-10")


def _focus(*hits, period=None):
    return Focus(["UN Forum"], None, period, hits, "What did ACE do", "en",
                 (hits[0].date, hits[0].date_end or hits[0].date) if hits and hits[0].date else None)


FORUM = Hit(Chunk("November 25-27, 2019 Participated in the 2019 UN Forum on Business and Human Rights in Geneva",
                  None, "corpus/a.txt", 1, date="2019-11-25", date_end="2019-11-27"), 1.0, (0, 10), 30)


@pytest.mark.parametrize("question, scope", [
    ("what happened two weeks earlier?", TimeScope(None, "2019-11-18", "latest", "2019-11-11")),  # nearest the 11th first
    ("and a week later?", TimeScope("2019-12-01", None, "earliest", "2019-12-04")),
    ("what did we do the month before?", TimeScope("2019-10", "2019-10")),
    ("and the year after?", TimeScope("2020", "2020")),
    ("what else happened that month?", TimeScope("2019-11", "2019-11")),
    ("what did we do before that?", TimeScope(None, "2019-11-24", "latest")),
    ("and after that?", TimeScope("2019-11-28", None, "earliest")),
    ("その翌月は？", TimeScope("2019-12", "2019-12")),
    ("前の年は何をしましたか", TimeScope("2018", "2018")),
    ("その年の秋は？", TimeScope("2019-09", "2019-11")),
    ("その年の6月には何をやった？", TimeScope("2019-06", "2019-06")),
    ("and what about June that year?", TimeScope("2019-06", "2019-06")),
    ("翌年1月は？", TimeScope("2020-01", "2020-01")),
    ("what did we organise earlier that year, in june?", TimeScope("2019-06", "2019-06")),
    ("and a week or so later?", TimeScope("2019-12-01", None, "earliest", "2019-12-04")),
    ("その３か月後に何をした？", TimeScope("2020-01-11", None, "earliest", "2020-02-25")),
    ("その後は？", TimeScope("2019-11-28", None, "earliest")),
    ("and in march?", TimeScope("2019-03", "2019-03")),  # a month alone: of the answer's year
    ("what did they do the following January?", TimeScope("2020-01", "2020-01")),  # the next one after it
    ("and the previous December?", TimeScope("2018-12", "2018-12")),
    ("what happened the next summer?", TimeScope("2020-06", "2020-08")),
    ("and what was the last thing we did that year?", TimeScope("2019", "2019", "latest")),
    ("2 yrs later?", TimeScope("2020-11-26", None, "earliest", "2021-11-26")),  # from halfway there, nearest 2021
    ("and right after new year?", TimeScope("2020-01", "2020-01")),  # the January after the answer
    ("who coached them the following season?", TimeScope("2020", "2020")),  # a sport's season counts as a year
    ("what about that march", TimeScope("2019-03", "2019-03")),  # a month, not a thing called "march"
    ("and a year and a half earlier?", TimeScope(None, "2019-02-28", "latest", "2018-06-03")),  # 18 months, near May 2018
    ("その1年半前は？", TimeScope(None, "2019-02-28", "latest", "2018-06-03")),
    ("a month and a half later?", TimeScope("2019-12-19", None, "earliest", "2020-01-11")),  # 45 days after it ended
])
def test_a_time_relative_to_the_answer_in_focus(ngo_index, question, scope):
    conversation = Conversation(focus=_focus(FORUM), today=TODAY)
    resolved = conversation.resolve(ngo_index, question)
    assert resolved.when == scope and resolved.signals.named_time and any("→" in n for n in resolved.notes)


def test_a_period_a_question_named_counts_for_the_same_unit():
    from qa.conversing import _anchor

    in_2019 = _focus(FORUM, period=TimeScope("2019", "2019"))
    assert _anchor(in_2019, "year") == ("2019", "2019") and _anchor(in_2019, "month") == ("2019-11-25", "2019-11-27")
    # an answer outside the period the question named: "after that" counts from the period
    assert _anchor(_focus(FORUM, period=TimeScope("1992", "1992")), "") == ("1992", "1992")


def test_japanese_follow_ups_drop_the_subject_and_count_time_from_the_answer(ja_index, embedder):
    _, turns = _talk(ja_index, embedder, "C20サミットはいつでしたか？", "首相に何を渡しましたか？", "その翌月は？")
    assert "安倍首相" in _top(turns[1])
    answer, resolved = turns[2]
    assert resolved.notes == ("翌月 → 2019年5月",) and answer.hits[0].date.startswith("2019-05")


def test_they_who_act_are_not_an_event(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "When was the Freedom from Slavery Forum?",
                     "what did they organise earlier that year?")
    answer, resolved = turns[1]
    assert not any(n.startswith("they →") for n in resolved.notes)  # they: the organisation, not the forum
    assert answer.hits[0].date.startswith("2018") and "Freedom from Slavery" not in answer.hits[0].text


def test_clear_starts_a_new_conversation(ngo_index, embedder):
    conversation, _ = _talk(ngo_index, embedder, "Who is ACE's managing director?")
    conversation.clear()
    assert conversation.resolve(ngo_index, "when did she go to the cocoa industry meeting?").notes == ()


def test_may_is_a_month_only_where_a_month_goes(ngo_index):
    conversation = Conversation(focus=_focus(FORUM), today=TODAY)
    assert conversation.resolve(ngo_index, "what happened in may?").when == TimeScope("2019-05", "2019-05")
    assert not isinstance(conversation.resolve(ngo_index, "may I see what they did there?").when, TimeScope)


def test_after_that_is_another_event_than_the_answer(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "When did ACE submit the 70 thousand signatures?", "and after that?")
    first, (answer, resolved) = turns[0][0].hits[0], turns[1]
    assert resolved.signals.exclude == (first.number,) and answer.hits[0].chunk is not first.chunk
    assert answer.hits[0].date > first.date


def test_back_to_an_earlier_subject_drops_the_period_since(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Who went to the CLCCG annual meeting in 2019?",
                     "What did ACE do in July 2021?", "going back to the cocoa group, which governments are in it?")
    answer, resolved = turns[2]
    assert resolved.notes[0].startswith("the cocoa group → CLCCG") and resolved.when is not None
    assert not isinstance(resolved.when, TimeScope) and "largest cocoa" in _top(turns[2])


def test_the_nth_of_a_list_a_passage_introduces(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Which international platforms is ACE involved with?",
                     "what is ACE's role in the second of those?", "and in the first?")
    assert turns[0][0].hits[0].text.rstrip().endswith(":")  # "… actively involved with:", then one passage an item
    assert "Global March Against Child Labour" in turns[1][0].hits[0].text
    assert "Alliance 8.7" in turns[2][0].hits[0].text and "partner organization" in turns[2][0].hits[0].text


def test_the_nth_of_a_list_a_passage_shown_below_the_first_introduces(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "which international groups is ACE actually involved with? like alliances n stuff",
                     "whats ACE's role in the 2nd one", "and the first one?")
    listing = [h.text.rstrip().endswith(":") for h in turns[0][0].hits[:3]]
    assert any(listing) and not listing[0]  # the passage that introduces the list is shown, but not first
    assert "Global March Against Child Labour" in turns[1][0].hits[0].text
    assert "partner organization" in turns[2][0].hits[0].text


def test_who_after_a_word_of_talk_asks_a_person(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "when did ACE hand in signatures to the govt about child labour?",
                     "wait who else did they give em to, was it just the cabinet sec?")
    assert "Ministry of Economy, Trade and Industry" in turns[1][0].hits[0].text  # the answer names them


def test_the_last_of_a_series_is_its_highest_number(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Where was the first SDG 8.7 Dialogue held?", "and the last one?")
    assert "the third SDG 8.7 Dialogue" in _top(turns[1]) and turns[1][1].notes[0].endswith("last (2 September 2019)")


def test_those_points_at_the_series_not_the_one_just_shown(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Where was the third SDG 8.7 Dialogue held?", "who came to those dialogs?")
    assert turns[1][1].notes == ("those dialogues → SDG 8.7 Dialogue",)  # "dialogs" read as the documents write it


def test_since_then_is_after_the_answer_not_its_year(ngo_index):
    conversation = Conversation(focus=_focus(FORUM), today=TODAY)
    assert conversation.resolve(ngo_index, "has it happened again since then?").when == TimeScope(
        "2019-11-28", None, "earliest")
    assert conversation.resolve(ngo_index, "who was in charge then?").when == TimeScope("2019", "2019")


def test_it_can_be_an_article_titled_like_a_name_but_there_is_never_a_person():
    from qa.conversing import _Reading, _thing
    from qa.languages import table

    words = table("en")
    focus = Focus(["Cutty Sark", "Conservation and fire"], "Cutty Sark", None, (), "", "en", topic="Cutty Sark",
                  events=frozenset({"Conservation and fire"}))

    def named(q: str) -> str:
        r = _Reading(None, q, words, focus, [], None)
        _thing(r, words.thing.search(q), False)
        return r.notes[0]

    assert named("what had caused it?") == "it → Cutty Sark"  # a ship, whose name reads as a person's
    assert named("was anyone hurt there?") == "there → Conservation and fire"


def test_a_series_is_found_by_its_name_not_by_a_year_it_shares(ngo_index):
    from qa.conversing import _series_item
    from qa.languages import table

    words = table("en")
    first = _series_item(ngo_index, "first", 1, "SDG 8.7 Dialogue", words)
    assert first is not None and "First SDG 8.7 Dialogue" in ngo_index.chunks[first].text
    assert _series_item(ngo_index, "first", 1, "High Level Political Forum 2019 in New York", words) is None


def test_names_with_inner_capitals_are_people_and_companies_are_not():
    from qa.languages import table

    names = table("en").names
    assert ("Alex McLeish", "person") in names("When did Alex McLeish take charge of Scotland?")
    assert ("Mary O'Brien", "person") in names("Did Mary O'Brien sign it?")
    assert names("when he joined the Koch Industries board?") == [("Koch Industries", "thing")]
    assert names("ACE sent someone to a meeting in Abijan. Could you tell me what it was?") == [
        ("ACE", "thing"), ("Abijan", "thing")]  # a run of capitals stops where a sentence ends
    assert names("One of our longest-standing donors asked about the roundtable with Kailash Satyarthi.") == [
        ("Kailash Satyarthi", "person")]  # "One", "Our", "Some" open a sentence, they name nothing
    assert names("When did Walter Zenga take over at Calcio Catania?") == [("Walter Zenga", "person"),
                                                                          ("Calcio Catania", "thing")]
    # a state of history or an article's section is no one "his" can point at
    assert names("the Pagan Kingdom fell, the Shan States rose") == [("Pagan Kingdom", "thing"), ("Shan States", "thing")]
    assert names("from the Early Life section") == [("Early Life", "thing")]


def test_the_answer_is_dated_by_the_sentence_that_answers_and_who_is_the_person_it_names():
    from qa.conversing import _answer_date, _answer_person
    from qa.languages import table

    words = table("en")
    text = ("Prokhorov graduated with honors in 1939 and moved to Moscow . In June 1941 , he joined the Red Army . "
            "Silvio Baldini took charge the following season .")
    hit = Hit(Chunk(text, None, "a.txt", 1, date="1939"), 1.0, (0, 1), 1)
    assert _answer_date(hit, "When did Alexander Prokhorov join the Red Army?", words) == ("1941-06", None)
    assert _answer_date(hit, "When did Prokhorov graduate with honors?", words) == ("1939", None)
    assert _answer_person(hit, "who took charge the following season?", words) == "Silvio Baldini"
    # two dates in the answering sentence: the one nearest the question's words
    text = ("The archbishop gave Příbram town privileges , which were confirmed by King Jiří z Poděbrad in 1463 , "
            "and in 1496 Příbram was named town by King Ladislaus II , as Příbram was passed over to the kings .")
    hit = Hit(Chunk(text, None, "a.txt", 1, date="1463"), 1.0, (0, 1), 1)
    assert _answer_date(hit, "In which year was Příbram named a town by King Ladislaus II?", words) == ("1496", None)
    assert _answer_date(hit, "When did King Jiří z Poděbrad confirm the privileges?", words) == ("1463", None)


def test_a_question_asking_a_property_of_the_focus_is_a_follow_up(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Who spoke at ACE's seminar on supply chains in October 2019?",
                     "What was the topic")
    answer, resolved = turns[1]
    assert resolved.followup and "Reducing the risks" in _top(turns[1])


def test_where_was_it_held_is_the_event_in_focus_not_the_organisation():
    from qa.conversing import _Reading, _thing
    from qa.languages import table

    words = table("en")
    focus = Focus(["Alliance 8.7", "Global Meeting of Alliance 8.7"], None, None, (), "", "en",
                  events=frozenset({"Global Meeting of Alliance 8.7"}))

    def named(q: str) -> str:
        r = _Reading(None, q, words, focus, [], None)
        _thing(r, words.thing.search(q), False)
        return r.notes[0]

    assert named("wher was it held") == "it → Global Meeting of Alliance 8.7"
    assert named("what did it publish?") == "it → Alliance 8.7"


def test_a_name_keeps_its_acronym_and_that_same_stretch_is_the_year(ngo_index):
    from qa.languages import table

    words = table("en")
    assert ("Tokyo International Conference on African Development (TICAD)", "thing") in words.names(
        "at the Tokyo International Conference on African Development (TICAD) in Yokohama")
    conversation = Conversation(focus=_focus(FORUM), today=TODAY)
    assert conversation.resolve(ngo_index, "anything G20-related in that same stretch?").when == TimeScope("2019", "2019")


def test_about_the_focus_means_the_subject_the_question_shares_a_word_with():
    from qa.conversing import _sharing
    from qa.languages import table

    focus = Focus(["NGO Forum in London", "Alliance 8.7"], None, None, (), "", "en")
    assert _sharing("what's ACE's role in the alliance, anyway?", table("en"), focus) == "Alliance 8.7"
    assert _sharing("who organised it?", table("en"), focus) == "NGO Forum in London"


def test_they_is_never_the_one_person_an_article_is_about():
    from qa.conversing import _Reading, _thing
    from qa.languages import table

    words = table("en")
    focus = Focus(["Graham Potter", "Östersund"], "Graham Potter", None, (), "", "en", topic="Graham Potter")

    def named(q: str) -> str:
        r = _Reading(None, q, words, focus, [], None)
        _thing(r, words.thing.search(q), words.person.search(q) is not None)
        return [n for n in r.notes if not n.startswith(("he", "him"))][0]

    assert named("When did they win the cup under him?") == "they → Östersund"


def test_a_carried_period_the_answer_has_left_is_dropped(ja_index, embedder):
    _, turns = _talk(ja_index, embedder, "SDGsターゲット8.7の円卓会議には、どなたをお招きしましたか？",
                     "彼を招いた翌年の9月は、どちらの会議に参加されましたか？",
                     "そのアライアンスの会合には、他にも出ていますか？", "その2か月後は？")
    assert turns[2][0].hits[0].date.startswith("2019-05")  # the other meeting of the alliance, outside 2017年9月
    assert turns[3][1].notes[-1] == "2か月後 → 2019年7月14日頃"  # counted from that answer, not from 2017


def test_a_return_keeps_the_time_the_question_names_and_year_end_is_december():
    from qa.conversing import _returned
    from qa.languages import table
    from qa.querytime import season_in

    focus = Focus(["研修会"], None, None, (), "", "ja", history=("研修会", "世界デー"))
    assert _returned("話を戻して、翌年の世界デーは街頭じゃなかった？", table("ja"), focus)[0] == "世界デー"
    assert season_in("その年の暮れ、海外出張ありました？") == "暮れ"


def test_a_month_counted_onward_is_noted_in_the_words_that_said_it(ngo_index):
    conversation = Conversation(focus=_focus(FORUM), today=TODAY)
    assert conversation.resolve(ngo_index, "and right after new year?").notes == ("new year → January 2020",)
    assert "following January → January 2020" in conversation.resolve(
        ngo_index, "what did they do the following January?").notes


def test_the_next_year_counts_from_the_answer_and_the_november_before_is_the_year_before(ngo_index):
    conversation = Conversation(focus=_focus(FORUM), today=TODAY)
    resolved = conversation.resolve(ngo_index, "did she go back the next year?")
    assert resolved.when == TimeScope("2020", "2020") and "the next year → 2020" in resolved.notes  # not 2027
    assert conversation.resolve(ngo_index, "ok go back to the november before - what did they run?").when == \
        TimeScope("2018-11", "2018-11")
    assert conversation.resolve(ngo_index, "what about the november after?").when == TimeScope("2020-11", "2020-11")


def test_ever_asks_about_any_time_and_carries_no_period(ngo_index):
    focus = _focus(FORUM, period=TimeScope("2019-11", "2019-11"))
    focus.subjects = ["UN Forum on Business and Human Rights"]
    assert Conversation(focus=focus, today=TODAY).resolve(ngo_index, "what did they present there?").when == \
        TimeScope("2019-11", "2019-11")
    from qa.conversing import UNSET

    resolved = Conversation(focus=focus, today=TODAY).resolve(ngo_index, "have they ever been there?")
    assert resolved.when is UNSET and not any(n.startswith("period") for n in resolved.notes)


def test_a_bare_ordinal_is_the_next_of_the_series_and_a_turn_that_finds_nothing_keeps_the_focus(ngo_index, embedder):
    conversation, turns = _talk(ngo_index, embedder, "When was the first SDG 8.7 Dialogue held?", "3rd?")
    assert "third SDG 8.7 Dialogue" in _top(turns[1]) and turns[1][1].notes[0].startswith("3rd? → ")
    focus = conversation.focus
    answer, _ = conversation.ask(ngo_index, embedder, "xqzv wlkj?")
    assert not answer.hits and conversation.focus is focus  # nothing found: the conversation stays where it was
    answer, resolved = conversation.ask(ngo_index, embedder, "what came out of it")
    assert "Ministerial Declaration" in " ".join(h.text for h in answer.hits[:2]) and resolved.notes


def test_a_pronoun_that_points_at_nothing_before_a_new_name_is_a_new_topic(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "What statement did ACE make in January 2018?",
                     "did they ever write to the G7 Trade Ministers?")
    answer, resolved = turns[1]
    assert "G7 Trade Ministers" in _top(turns[1]) and resolved.notes == () and answer.hits[0].date.startswith("2021")


def test_an_acting_they_gives_way_to_the_thing_the_question_points_at():
    from qa.conversing import _reference
    from qa.languages import table

    words = table("en")
    assert _reference("Back in 2020, did they run anything on that theme at the C20?", words).group(0) == "that theme"
    assert _reference("where did they go?", words).group(0) == "they"
    assert [n for n, _ in words.names("Cool. Looking at 2020, what did No. 73 Squadron do?")] == ["No. 73 Squadron"]


def test_an_acronym_the_documents_never_use_finds_the_name_it_abbreviates(ngo_index, embedder):
    from qa.searching import search

    answer = search(ngo_index, embedder, "When did ACE go to the HLPF?", 3)
    assert answer.found and "High Level Political Forum" in answer.hits[0].text


def test_back_to_an_earlier_subject_counts_time_from_its_own_date(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Did ACE attend the UN Forum on Business and Human Rights in 2019?",
                     "what did ACE do in July 2021?", "going back to geneva - what did they do the month before it?")
    answer, resolved = turns[2]
    assert "the month before it → October 2019" in resolved.notes and answer.hits[0].date.startswith("2019-10")


def test_which_kind_was_that_points_at_the_shown_passage_of_that_kind(ngo_index):
    from qa.conversing import _reference
    from qa.languages import table

    seminar = Hit(Chunk("October 26, 2019 Organized a seminar on supply chains", None, "corpus/a.txt", 1,
                        date="2019-10-26"), 1.0, (0, 10), 30)
    nhk = Hit(Chunk("October 18, 2019 Raised awareness regarding NHK's documentary on children", None, "corpus/a.txt", 2,
                    date="2019-10-18"), 0.9, (0, 10), 31)
    focus = Focus(["seminar on supply chains"], None, None, (seminar, nhk), "What did ACE do", "en", ("2019-10-26",
                  "2019-10-26"))
    resolved = Conversation(focus=focus, today=TODAY).resolve(ngo_index, "which documentary was that")
    assert resolved.notes[0].startswith("that → awareness regarding NHK's documentary")
    assert _reference("how many did they hand over, and who got them?", table("en")).group(0) == "they"


def test_a_person_named_in_lower_case_is_the_person_in_focus(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "what did yuka iwatsuki present to the prime minister", "in what role did she present it")
    assert turns[1][1].notes[0] == "she → Yuka Iwatsuki"


def test_the_last_of_a_series_after_one_of_it_was_shown_is_the_series_own_last(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "sdg 8.7 dialogues dates", "where was the last of them")
    assert "third SDG 8.7 Dialogue in Matsuyama" in _top(turns[1])


def test_the_same_month_as_a_named_thing_counts_from_that_thing(ngo_index):
    conversation = Conversation(focus=_focus(FORUM), today=TODAY)
    resolved = conversation.resolve(ngo_index, "In the same month as the Osaka declaration, what were we doing in New York?")
    assert resolved.when == TimeScope("2019-07", "2019-07")
    assert resolved.notes == ("the same month as the Osaka declaration → July 2019",)


def test_a_pronoun_after_a_second_question_is_the_thing_the_first_asked_for(ngo_index):
    conversation = Conversation(focus=_focus(FORUM), today=TODAY)
    resolved = conversation.resolve(ngo_index, "Towards the end of that year, which forum did ACE attend, and in which "
                                               "city was it held?")
    assert not any(n.startswith("it →") for n in resolved.notes)
    assert conversation.resolve(ngo_index, "which city hosted it").notes[0].startswith("it → ")


def test_who_took_over_from_him_is_someone_else_than_him():
    from qa.conversing import _answer_person, _titled
    from qa.languages import table

    hit = Hit(Chunk("The following season, with manager Pasquale Marino leaving for Udinese, Walter Zenga took over as "
                    "manager of Catania.", None, "a.txt", 1, date="2008"), 1.0, (0, 10), 5)
    q = "And who took over when he resigned?"
    assert _titled([hit], q) == "Pasquale Marino"  # the titled name nearest the question's words ...
    assert _titled([hit], q, "Pasquale Marino") is None  # ... is the one "he" is, so not the answer
    assert _answer_person(hit, q, table("en"), "Pasquale Marino") == "Walter Zenga"


def test_the_last_club_of_his_career_is_the_latest_not_the_last_item_shown(ngo_index):
    from qa.languages import table
    from qa.querytime import question_time

    assert table("en").ordinal.search("And the last club of his career?") is None
    assert question_time("And the last club of his career?").order == "latest"
    resolved = Conversation(focus=_focus(FORUM), today=TODAY).resolve(ngo_index, "And the last club of his career?")
    assert all("before " not in n and "→ " in n for n in resolved.notes)


def test_after_who_replaced_him_the_person_is_the_answer_unless_the_article_is_about_him(ngo_index):
    from qa.conversing import Resolved, _next_focus
    from qa.searching import Answer

    hit = Hit(Chunk("In 2008, with manager Pasquale Marino leaving for Udinese, Walter Zenga took over as manager.",
                    None, "a.txt", 1, date="2008", title="Calcio Catania"), 1.0, (0, 10), 5)
    q = "And who took over when he resigned?"
    resolved = Resolved(q, notes=("he → Pasquale Marino",))

    def person_after(topic: str) -> str:
        focus = Focus(["Calcio Catania"], "Pasquale Marino", None, (hit,), "", "en", topic=topic)
        return _next_focus(focus, ngo_index, q, resolved, Answer(q, None, [hit]), TODAY).person

    assert person_after("Calcio Catania") == "Walter Zenga"
    assert person_after("Pasquale Marino") == "Pasquale Marino"  # his own article: "his" stays his


def test_a_possessive_ends_a_persons_name_and_a_couple_months_is_two(ngo_index):
    from qa.languages import table

    words = table("en")
    assert words.names("Who beat Lee Nogan's Reading side in 1995?") == [("Lee Nogan", "person"), ("Reading", "thing")]
    assert words.names("in the Diet Member's Building") == [("Diet Member's Building", "thing")]
    assert words.names("What's the Stop Child Labour Network?") == [("Stop Child Labour Network", "thing")]
    resolved = Conversation(focus=_focus(FORUM), today=TODAY).resolve(ngo_index, "what did we do a couple months before that?")
    assert resolved.when == TimeScope(None, "2019-10-26", "latest", "2019-09-26")  # from halfway there, nearest two months


def test_a_note_is_one_short_line_however_long_the_words_it_explains():
    from qa.conversing import _Reading
    from qa.languages import table

    r = _Reading(None, "", table("en"), None, [], None)
    r.note("the same month as the Sustainable Brands conference in Tokyo and the other forum we went to", "July 2019")
    assert len(r.notes[0]) <= 80 and r.notes[0].endswith("… → July 2019")


def test_the_thing_a_relative_time_counts_from_is_no_name_swapped_into_the_last_question(ngo_index):
    resolved = Conversation(focus=_focus(FORUM), today=TODAY).resolve(ngo_index, "and the same month as the Osaka "
                                                                                 "declaration?")
    assert resolved.notes == ("the same month as the Osaka declaration → July 2019",)


def test_his_next_club_is_the_next_event_after_the_answer(ngo_index):
    conversation = Conversation(focus=_focus(FORUM), today=TODAY)
    resolved = conversation.resolve(ngo_index, "and his next club after grimsby?")
    assert resolved.when == TimeScope("2019-11-28", None, "earliest") and "his next → from 28 November 2019" in resolved.notes
    assert not any(n.startswith("his next") for n in conversation.resolve(ngo_index, "what about his next year?").notes)


def test_is_there_points_at_nothing_but_who_was_there_does(ngo_index):
    conversation = Conversation(focus=_focus(FORUM), today=TODAY)
    assert not any(n.startswith("there") for n in conversation.resolve(
        ngo_index, "were there any events on child labour in japan that same year?").notes)
    assert conversation.resolve(ngo_index, "which nobel laureate was there").notes[0].startswith("there → ")


def test_the_later_of_the_two_is_the_later_dated_of_the_two_just_shown(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Which public comments ACE has submitted in 2020?",
                     "the later of the two, when exactly it was?")
    two = sorted([h for h in turns[0][0].hits if h.date][:2], key=lambda h: h.date)
    answer, resolved = turns[1]
    assert resolved.signals.item == two[-1].number and answer.hits[0].chunk is two[-1].chunk
    assert resolved.notes[0].endswith(f"({two[-1].date[8:].lstrip('0')} March 2020)")


def test_the_month_after_a_named_thing_counts_from_that_thing_not_from_the_answer(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "What did ACE pledge in 2021?", "what happened the month before",
                     "and the month after the pledge?")
    answer, resolved = turns[2]
    assert resolved.when == TimeScope("2021-06", "2021-06") and answer.hits[0].date.startswith("2021-06")
    assert resolved.notes == ("the month after the pledge → June 2021",)


def test_what_about_a_new_place_in_lower_case_asks_the_last_question_of_it(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "when were we in abidjan", "what about buenos aires?")
    answer, resolved = turns[1]
    assert resolved.notes == ("same question → buenos aires",) and resolved.signals.focus == ()
    assert "Buenos Aires" in answer.hits[0].text and "abidjan" not in resolved.signals.context.lower()


def test_there_after_an_event_held_somewhere_is_the_place(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "which events did ace organise in the diet members building in 2019",
                     "what else did they do there before 2019?")
    answer, resolved = turns[1]
    assert resolved.notes[0].startswith("there → Diet Member") and answer.hits[0].date < "2019"


def test_japanese_clipped_words_end_of_that_month_and_the_last_of_an_unnumbered_series(ja_index, embedder):
    _, turns = _talk(ja_index, embedder, "パブコメを最初に出したのはいつで、何に対してですか", "最後のは？")
    assert turns[0][0].hits[0].date == "2019-12-21" and "パブリックコメント" in turns[0][0].hits[0].text
    assert turns[1][0].hits[0].date == "2021-07-07" and turns[1][1].notes[0].startswith("最後 → パブリックコメント")
    _, turns = _talk(ja_index, embedder, "署名は何筆集まって、誰に出したの", "同じ月の末には？")
    assert turns[1][1].when.start == "2021-06-16" and turns[1][0].hits[0].date == "2021-06-30"


def test_the_x_one_is_the_passage_just_shown_that_says_x(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "which UN events did ACE participate in?", "the geneva one - exact dates?")
    shown = [h for h in turns[0][0].hits if "Geneva" in h.text]
    answer, resolved = turns[1]
    assert shown and resolved.signals.item == shown[0].number and answer.hits[0].chunk is shown[0].chunk
    assert resolved.notes[0].startswith("the geneva one → ") and "(25–27 November 2019)" in resolved.notes[0]


def test_thanks_before_a_follow_up_is_neither_a_name_nor_a_reference(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Good afternoon! Could you please tell me who from ACE attended the annual "
                                          "meeting of the CLCCG?", "Thank you very much. And what did they present "
                                                                   "there, if I may ask?",
                     "That is helpful. Which governments make up that platform, please?")
    assert turns[1][1].notes[0].startswith("there → CLCCG")
    assert turns[2][1].notes[0].startswith("that platform → CLCCG")


def test_he_after_who_whose_answer_names_only_a_role_is_that_role(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Who was invited for the seminar on human rights risks in supply chains?",
                     "He is coming from which US ministry?")
    answer, resolved = turns[1]
    assert resolved.notes == ("He → Associate Deputy Undersecretary",) and "Undersecretary" in answer.hits[0].text


def test_a_bare_ordinal_opening_a_question_is_the_item_and_an_ellipsis_keeps_the_subject(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "list the public comments we submitted in 2020",
                     "first one, what was the draft", "and the year before")
    first = turns[0][0].hits[0]
    assert turns[1][1].signals.item == first.number and turns[1][1].notes[0].startswith("first one → public comments")
    assert "public comments" in turns[2][1].signals.context and turns[2][1].when.start == "2019"


def test_a_remark_before_a_question_is_left_out_but_a_point_inside_a_number_is_no_sentence_end():
    from qa.conversing import _without_courtesy
    from qa.languages import words_for

    for said, kept in [("Thanks. The 8.7 one?", "The 8.7 one?"), ("ありがとう。その翌月は？", "その翌月は？"),
                       ("Tell me about Geneva. When was it?", "Tell me about Geneva. When was it?")]:
        assert _without_courtesy(said, words_for(said)).strip() == kept


def test_a_period_only_carried_along_is_not_claimed_when_the_answer_has_left_it(ngo_index, embedder):
    from qa.showing import reply_line

    _, turns = _talk(ngo_index, embedder, "Which public comments ACE has submitted in 2020?",
                     "the later of the two, when exactly it was?", "and the month after that?",
                     "Thank you. What about the geneva one?")
    answer, resolved = turns[3]
    assert "period → April 2020" in resolved.notes and not answer.hits[0].date.startswith("2020-04")
    assert "April 2020" not in reply_line(answer)
    # the question's own period still is claimed, honestly: only a paragraph dated "2020" falls in it
    assert reply_line(turns[2][0]) == "Nothing in the documents is dated April 2020; nearest:"


def test_a_follow_up_that_opens_with_a_subject_of_its_own_is_about_it_not_the_focus(ngo_index, embedder):
    conversation = Conversation(focus=_focus(FORUM), today=TODAY)
    resolved = conversation.resolve(ngo_index, "and the base-line study one, when was that")
    assert resolved.notes == () and resolved.signals.empty  # a new topic: the study, which nothing named yet
    _, turns = _talk(ngo_index, embedder, "what did ACE pledge in 2021?", "what happened the month before",
                     "and the pledge, when was that?")
    assert turns[2][1].notes[0].startswith("that → 2021 Action Pledge")


def test_same_year_as_without_its_article_and_back_to_for_a_moment(ngo_index):
    conversation = Conversation(focus=_focus(FORUM), today=TODAY)
    assert conversation.resolve(ngo_index, "same year as Bangkok, we organized something in Japan?").when \
        == TimeScope("2018", "2018")
    back = conversation.resolve(ngo_index, "Back to Geneva for a moment: who went?")
    assert back.returned == "Geneva" and "Geneva" in back.signals.context
    assert back.notes == ()  # "Geneva → Geneva" would say nothing


def test_that_after_one_is_no_reference_and_an_earlier_one_is_of_the_kind_last_asked(ngo_index):
    conversation = Conversation(focus=_focus(FORUM), today=TODAY)
    resolved = conversation.resolve(ngo_index, "Was there an earlier one that we attended?")
    assert not any(n.startswith("that") for n in resolved.notes)
    assert "What did ACE do" in resolved.signals.context  # the last question's frame: one of its kind


def test_for_the_first_time_numbers_no_series():
    from qa.conversing import _series_numbers
    from qa.languages import table

    class Passages:  # just what _series_numbers reads of an index
        chunks = [Chunk("In 2005 the company was profitable for the first time.", None, "a", 1),
                  Chunk("In January 1998 the company released its first product, the first appliance.", None, "a", 2)]

        def keyword_search(self, query, k):
            return np.array([0, 1]), np.array([1.0, 0.5])

    assert _series_numbers(Passages(), "first company", "company", table("en")) == {1: 1}


def test_a_first_question_counts_its_time_from_the_thing_it_names_and_leaves_that_out(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "What did ACE do right after the C20 Summit Tokyo in April 2019?")
    answer, resolved = turns[0]
    assert "second SDG 8.7 Dialogue" in _top(turns[0]) and answer.hits[0].date == "2019-04-23"
    assert resolved.when.start == "2019-04-22" and resolved.when.order == "earliest"
    assert not any("C20 Summit Tokyo ★" in h.text for h in answer.hits)  # the summit itself is not "after" it
    assert resolved.notes[0].startswith("right after the C20 Summit Tokyo") and len(resolved.notes[0]) <= 80
    # a time of its own narrows it: in 2018, up to the forum in December
    _, turns = _talk(ngo_index, embedder, "Did ACE organise a seminar in 2018, before the Freedom from Slavery Forum?")
    assert "Child labour exists in Japan" in _top(turns[0])
    assert (turns[0][1].when.start, turns[0][1].when.end) == ("2018", "2018-12-02")


def test_after_a_named_thing_is_no_time_when_that_thing_is_what_is_asked_about(ngo_index, embedder):
    # the declaration adopted at the third dialogue is in that dialogue's own passage
    _, turns = _talk(ngo_index, embedder, "Was a commitment to eliminate child labour included in the Ministerial "
                                          "Declaration after the third SDG 8.7 Dialogue?")
    assert "third SDG 8.7 Dialogue" in _top(turns[0]) and turns[0][1].notes == ()
    _, turns = _talk(ngo_index, embedder, "Did Yuka Iwatsuki present the C20 2019 Policy Pack to Prime Minister Abe "
                                          "before or after the C20 Summit Tokyo?")
    assert turns[0][1].notes == ()  # "before or after" asks which, it bounds nothing
    _, turns = _talk(ngo_index, embedder, "What did ACE do after Xanadu?")
    assert turns[0][1].notes == ()  # nothing dated names it: not a time


def test_besides_a_named_thing_leaves_its_passage_out_and_does_not_search_its_words(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "What else happened for ACE in July 2019 besides the High Level Political Forum?")
    answer, resolved = turns[0]
    assert "G20 Osaka Leaders" in _top(turns[0])
    assert not any("High Level Political Forum" in h.text for h in answer.hits)
    assert resolved.notes == ("besides the High Level Political Forum → left out",)
    _, turns = _talk(ngo_index, embedder, "What did ACE do in November 2019?",
                     "what else that month, apart from the film event?")
    assert "UN Forum on Business and Human Rights" in _top(turns[1])
    assert not any("Price of Free" in h.text for h in turns[1][0].hits)


def test_a_follow_up_that_finds_nothing_as_a_new_topic_asks_about_the_focus(ngo_index, embedder):
    # "city" is a word the page never uses: read alone, nothing is near; about the conference, its place answers
    _, turns = _talk(ngo_index, embedder, "when did ace go to the fourth global conference on child labour?",
                     "which city")
    answer, resolved = turns[1]
    assert answer.found and "Buenos Aires" in _top(turns[1]) and resolved.notes[0].startswith("about → Fourth Global")


def test_the_next_event_is_one_surely_next_not_a_paragraph_dated_by_its_year_alone(ngo_index, embedder):
    # the C20 paragraphs are dated "2019" and "2019-04": neither is surely before 18 February 2019
    _, turns = _talk(ngo_index, embedder, "bangkok forum 2018 what was it", "the next event after that")
    assert "C20 Preparatory Face-to-Face Meeting" in _top(turns[1])
    assert turns[1][0].hits[0].date == "2019-02-18"


def test_that_alliance_is_the_part_of_the_event_title_it_names_and_a_standing_fact_carries_no_period(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Did ACE participate in a conference in Buenos Aires?", "How about London?",
                     "Is ACE formally a partner of that alliance?")
    answer, resolved = turns[2]
    assert resolved.notes == ("that alliance → Alliance 8.7",)  # not "NGO Forum - Alliance 8.7 in London"
    assert "ACE as partner organization" in _top(turns[2])
    _, turns = _talk(ngo_index, embedder, "Which conferences did ACE go to in 2017?", "the london one - what was it?",
                     "what's ACE's role in that alliance")
    assert turns[2][1].notes == ("that alliance → Alliance 8.7",)  # nor "period → 2017": a role is no event
    # a title whose head the noun names stays whole, and a bracket spells a name out
    _, turns = _talk(ngo_index, embedder, "What did Tomoko Shiroki present at Sustainable Brands in 2019?",
                     "remind me, what is that conference anyway?")
    assert turns[1][1].notes[0].startswith("that conference → International Conference on Sustainable Brands")
    assert all("period" not in n for n in turns[1][1].notes)


def test_how_many_were_there_points_at_no_place(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "What does the Stop Child Labour Network do?",
                     "roughly how many signatures were there?", "who was there?")
    assert not any(n.startswith("there") for n in turns[1][1].notes)
    assert "70 thousand signatures" in _top(turns[1])
    assert turns[2][1].notes and turns[2][1].notes[0].startswith("there → ")  # "who was there?" still points


def test_the_one_described_by_several_words_is_the_shown_passage_that_says_most_of_them(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "What did we do on the national action plan on violence against children?",
                     "and the business and human rights one")
    answer, resolved = turns[1]
    assert resolved.notes[0].startswith("the business an… → ")  # cut to keep the note one line
    assert "Business and Human Rights" in _top(turns[1]) and "Violence" not in _top(turns[1])


def test_after_that_is_noted_once_and_the_first_thing_after_it_is_no_list_item(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "When did we sign the open letter to the G7 trade ministers?",
                     "and what was the first thing we did after that?")
    answer, resolved = turns[1]
    assert resolved.notes == ("after that → from 1 July 2021",)  # not also "that → …", nor "the first → …"
    assert "Voluntary National Review" in _top(turns[1])


def test_what_besides_leaves_out_is_no_ordinal_of_the_list(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "What did ACE do right after the C20 Summit Tokyo in April 2019?",
                     "and what else that month, besides the second dialogue?")
    answer, resolved = turns[1]
    assert not any(n.startswith("the second") for n in resolved.notes)
    assert "second SDG 8.7 Dialogue" not in _top(turns[1]) and "C20 Summit Tokyo" in _top(turns[1])


def test_an_entry_is_of_its_own_date_not_of_a_target_year_it_names(ngo_index, embedder):
    # the roundtable's entry (13 May 2016) names the year of SDG target 8.7's deadline (2025)
    _, turns = _talk(ngo_index, embedder, "When did ACE co-organize a roundtable with Kailash Satyarthi?",
                     "What was the title of the summary report of that meeting?",
                     "Has ACE organised anything connected to his foundation since then?")
    assert "since then → from 14 May 2016" in turns[2][1].notes


def test_a_follow_up_asking_how_many_prefers_a_passage_that_gives_a_count(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "what is the stop child labour network", "and what do they do with signatures",
                     "how many did they hand in, in 2021")
    assert "70 thousand signatures" in _top(turns[2])


def test_a_follow_up_read_as_nothing_of_its_own_shows_the_focus_rather_than_nothing(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Give me a short summary of the SDG 8.7 Dialogues.", "How many countries came?")
    answer, resolved = turns[1]
    assert resolved.notes == ("about → SDG 8.7 Dialogues",)
    assert any("representatives from 12" in h.text for h in answer.hits)


def test_of_the_three_picks_from_the_list_just_shown(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Where were the SDG 8.7 Dialogues held?", "ok, and of the three, which was in Tokyo?")
    answer, resolved = turns[1]
    assert resolved.notes == ("of the three → one of the list just shown",)
    assert "Hotel New Ohtani Tokyo" in _top(turns[1])
    assert len(resolved.signals.among) == 3 and {h.number for h in answer.hits[:3]} == set(resolved.signals.among)


def test_what_came_next_after_a_named_thing_counts_from_it_and_going_back_to_a_year_is_no_subject(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "What happened on August 27 in ACE history?",
                     "Did Tomoko Shiroki present at Sustainable Brands in 2020?",
                     "and going back to 2019, what came next after the TICAD side event?")
    answer, resolved = turns[2]
    assert resolved.returned is None and any(n.startswith("after the TICAD side event → 28 August – 31 December 2019")
                                             for n in resolved.notes)
    assert "third SDG 8.7 Dialogue" in _top(turns[2])


def test_after_who_did_something_she_is_the_one_who_did_it_not_a_title_named_later(ngo_index, embedder):
    # "… Yuka Iwatsuki presented the Policy Pack 2019 to the Prime Minister Shinzo Abe"
    _, turns = _talk(ngo_index, embedder, "c20 2019, what happened", "who presented the policy pack there",
                     "what was her role in c20")
    assert turns[2][1].notes[0] == "her → Yuka Iwatsuki"
    _, turns = _talk(ngo_index, embedder, "Who is ACE's managing director?", "when did she go to the cocoa meeting?")
    assert turns[1][1].notes[0] == "she → Tomoko Shiroki"  # "who is the …?": the name after the title


def test_the_one_on_a_subject_is_the_shown_passage_about_it(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "What's the most recent thing we did on a National Action Plan?",
                     "and the one on business and human rights?")
    answer, resolved = turns[1]
    assert resolved.notes[0].startswith("the one on busi… → ")
    assert "Business and Human Rights" in _top(turns[1]) and answer.hits[0].date == "2020-03-18"


def test_in_between_those_two_is_the_time_between_the_last_two_answers(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "When did we sign the open letter to the G7 trade ministers?",
                     "And how long before that was the multi-stakeholder meeting in parliament?",
                     "What happened in between those two?")
    answer, resolved = turns[2]
    assert resolved.notes == ("in between those two → 22 April – 29 June 2021",)
    assert {h.date for h in answer.hits[:2]} == {"2021-05-12", "2021-06-15"}


def test_a_time_shift_after_a_question_about_one_item_asks_the_lists_question_again(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "List the public comments we submitted in 2020", "first one, what was the draft",
                     "and the year before")
    assert turns[2][1].notes == ("the year before → 2019",)
    assert "public comments" in _top(turns[2]) and turns[2][0].hits[0].date.startswith("2019")
    _, turns = _talk(ngo_index, embedder, "Which Japanese networks is ACE involved in?", "what does the last one stand for",
                     "and CLCCG?")
    assert turns[2][1].notes == ("same question → CLCCG",)  # a name: the item's question, "what does CLCCG stand for"


def test_the_last_of_those_is_the_lists_last_in_its_period_and_what_about_x_that_is_x(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "which events did ACE organize in the Diet Member's Building in 2019?",
                     "the last of those, what was it?")
    answer, resolved = turns[1]
    assert answer.hits[0].date == "2019-11-14" and not any("list just shown" in n for n in resolved.notes)
    _, turns = _talk(ngo_index, embedder, "What's the most recent thing we did on a National Action Plan?",
                     "what about the voluntary national review, when did they comment on that")
    assert "Voluntary National Review" in _top(turns[1]) and turns[1][0].hits[0].date == "2021-07-07"


def test_after_a_thing_typed_in_lower_case_counts_from_it_but_a_common_word_is_no_thing(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "bangkok forum 2018 what was it", "and after bangkok?")
    assert turns[1][1].notes == ("after bangkok → from 6 December 2018",)
    assert turns[1][0].hits[0].date == "2019-02-18"
    _, turns = _talk(ngo_index, embedder, "What did ACE do after lunch?")
    assert turns[0][1].notes == ()


def test_is_it_x_that_is_a_question_about_x(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "how many signatures did we hand over in june 2021?",
                     "is it the Stop Child Labour Network that collects them?")
    answer, resolved = turns[1]
    assert not any(n.startswith(("it →", "that")) for n in resolved.notes)
    assert "Stop Child Labour Network is a Japanese network" in _top(turns[1])


def test_a_month_typed_in_lower_case_and_the_month_before_the_jan_one(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "what did ace submit public comments on in jan 2020", "and in march?",
                     "the month before the jan one?")
    assert turns[0][0].hits[0].date == "2020-01-23"  # "jan 2020" is January 2020, not all of 2020
    assert turns[2][1].notes == ("the month before the jan one → December 2019",)
    assert turns[2][0].hits[0].date == "2019-12-21"


def test_he_is_the_person_of_the_article_the_question_spells_in_lower_case(write_corpus, tmp_path, embedder):
    index = _indexed(write_corpus, tmp_path, embedder, {"Erich_Topp.txt": (
        "Erich Topp ( 2 July 1914 – 26 December 2005 ) was a German U-boat commander in World War II.\n\n"
        "On 11 April 1942 he received the Knights Cross of the Iron Cross with Oak Leaves for his patrols.\n\n"
        "On 23 March 1945 he was appointed commander of a flotilla, and in May 1945 he was taken prisoner in Norway.")})
    _, turns = _talk(index, embedder, "when did erich topp recieve the Oak Leaves to his Knights Cross?",
                     "was he taken prisoner at the end of the war?")
    assert turns[1][1].notes[0] == "he → Erich Topp"  # not "Oak Leaves", two capitalised words of the question


def test_they_is_the_group_an_article_is_about_when_its_name_opens_with_a_digit(write_corpus, tmp_path, embedder):
    index = _indexed(write_corpus, tmp_path, embedder, {"4XO_band.txt": (
        "4XO ( band )\n\n"
        "4XO is a South Korean boy group . They officially debuted on July 11 , 2008 , on a music show .\n\n"
        "Through June and July 2010 , 4XO opened for the Wonder Girls on their world tour .\n\n"
        "4XO released their first full-length album in October 2010 .")}
        | {"Keith_Emerson.txt": ("Keith Emerson\n\nKeith Emerson was an English keyboardist .\n\n"
                                 "Following the August 2008 release of his album , Emerson also toured with his band .")})
    _, turns = _talk(index, embedder, "when did the group 4XO debut", "did they tour with anyone that summer?")
    assert turns[1][1].notes[0] == "they → 4XO (band)"  # not left unread as an event's "they" (ACE's own)
    assert "4XO" in turns[1][0].hits[0].source


def test_after_that_keeps_the_answer_whose_story_goes_on_past_it(write_corpus, tmp_path, embedder):
    index = _indexed(write_corpus, tmp_path, embedder, {"Paul_Verin.txt": (
        "Paul Verin\n\nPaul Verin ( born 16 July 1948 ) is an Israeli-American violinist .\n\n"
        "Verin was married to Anna Rich in 1968 . The couple had two daughters . He was married to actress "
        "Lisa Weld from 1985 to 1998 .\n\n"
        "Verin launched his conducting career in 1970 with a chamber orchestra in London .\n\n"
        "In 1974 , his recordings won two Grammy awards .")})
    _, turns = _talk(index, embedder, "Who was Paul Verin's first wife?", "After they divorced, who did he marry next?")
    assert "Anna Rich" in _top(turns[0])
    assert "Lisa Weld" in _top(turns[1])  # the same passage tells of 1985: not left out as the answer shown


def test_and_the_thesis_asks_the_same_of_the_same_person_and_another_name_of_another(write_corpus, tmp_path, embedder):
    canal = "Kiel Canal\n\n" + "\n\n".join(  # passages of another kind, each a chunk: "thesis" is a rare word
        f"In {1890 + n} the canal {verb} , and the harbour master wrote a long report on the works for the shipping "
        f"board of the city council , which met {n + 2} times that year ." for n, verb in enumerate(
            ("was dug", "was widened", "opened", "flooded", "froze", "was dredged", "closed", "was renamed", "was lit",
             "was painted", "was fenced", "was mapped")))
    index = _indexed(write_corpus, tmp_path, embedder, {
        "Rob_Wilso.txt": ("Rob Wilso\n\nRob Wilso ( born May 16 , 1937 ) is an American economist .\n\n"
                          "Wilso received his A.B . from Harvard College in 1959 .\n\n"
                          "Wilso wrote his thesis on bidding at Stanford in 1963 .\n\nIn 1980 he won a prize ."),
        "Ann_Kerr.txt": ("Ann Kerr\n\nAnn Kerr ( born 1945 ) is a British oceanographer .\n\n"
                         "Kerr wrote her thesis on tides at Oxford in 1970 .\n\nKerr received her B.A . in 1966 ."),
        "Kiel_Canal.txt": canal})
    _, turns = _talk(index, embedder, "When did Rob Wilso graduate from Harvard College?", "and the thesis?")
    assert "bidding" in _top(turns[1]) and "about → Rob Wilso" in turns[1][1].notes  # still his
    _, turns = _talk(index, embedder, "When did Rob Wilso graduate from Harvard College?", "what about Ann Kerr?")
    assert "Kerr" in _top(turns[1])


def test_a_place_asked_is_named_by_the_word_made_from_it(write_corpus, tmp_path, embedder):
    index = _indexed(write_corpus, tmp_path, embedder, {"Kenji_Arai.txt": (
        "Kenji Arai ( born 3 May 1990 ) is a racing driver from Sweden who moved to Japan in 2010.\n\n"
        "In 2011 , Arai signed with the Japanese Formula Three team Ryu Racing , and won twice at Fuji in Shizuoka.\n\n"
        "In 2013 , he finished third at Monza in Italy.")})
    _, turns = _talk(index, embedder, "Kenji Arai - which team did he sign with in Japan?")
    assert turns[0][0].found and "Ryu Racing" in _top(turns[0])  # "Japanese" says Japan; Fuji is in it


def test_month_after_an_acronym_and_the_most_recent_one_of_the_list(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "What did ACE do in 2018?", "most recent one - where?")
    answer, resolved = turns[1]
    assert answer.hits[0].date == "2018-12-03" and "period → 2018" in resolved.notes  # 2018's latest, not 2021's
    _, turns = _talk(ngo_index, embedder, "did ace go to the high level political forum in 2019?", "Month after HLPF?")
    assert turns[1][1].notes == ("Month after HLPF → August 2019",)  # the acronym's name; "Month" a month
    assert turns[1][0].hits[0].date == "2019-08-27"


def test_names_with_accents_and_middle_initials_are_people_and_a_preface_is_no_name():
    from qa.languages import words_for

    names = words_for("x").names
    assert ("Evandro Brandão", "person") in names("Evandro Brandão signed for Man United when exactly?")
    assert ("Łukasz Fabiański", "person") in names("When did Łukasz Fabiański join?")
    assert ("William D. Leahy", "person") in names("When was William D. Leahy appointed?")
    assert [n for n, _ in names("Quick question: when did Sears buy Orchard Supply?")] == ["Sears", "Orchard Supply"]


def test_he_is_the_article_person_a_question_names_without_the_middle_initial(write_corpus, tmp_path, embedder):
    index = _indexed(write_corpus, tmp_path, embedder, {"William_D__Leahy.txt": (
        "William D . Leahy\n\n"
        "Fleet Admiral William Daniel Leahy ( May 6 , 1875 – July 20 , 1959 ) was an American naval officer.\n\n"
        "He was appointed Chief of Naval Operations in January 1937 by President Roosevelt .\n\n"
        "From September 1939 to November 1940 , Leahy served as Governor of Puerto Rico .")})
    _, turns = _talk(index, embedder, "When was William Leahy Chief of Naval Operations?",
                     "What job did he get right after that?")
    assert turns[1][1].notes[0] == "he → William D. Leahy"  # not Roosevelt, whom the answer names
    assert "Governor of Puerto Rico" in _top(turns[1])


def test_a_follow_up_naming_only_a_time_stays_with_the_article(write_corpus, tmp_path, embedder):
    index = _indexed(write_corpus, tmp_path, embedder, {
        "ANSA.txt": ("ANSA\n\nANSA was founded on 15 January 1945 , and it is based in Rome .\n\n"
                     "From 1985 to 1994 as President of ANSA he was covered by journalist Giovanni Giovannini .\n\n"
                     "Since 2009 , the new president is Giulio Anselmi , former director of the ANSA ."),
        "Football_club.txt": ("Football club\n\nThe list includes former presidents and chairmen of the club "
                              "since 1895 .\n\nThe club was relegated in 2009 and promoted again in 2011 .")})
    _, turns = _talk(index, embedder, "who was president of ansa from 1985 to 1994",
                     "and who is president since 2009?")
    answer, resolved = turns[1]
    assert "Giulio Anselmi" in answer.hits[0].text  # "2009" is a time, not a subject of its own
    assert resolved.notes == ("about → ANSA",)


def test_since_as_because_is_no_time():
    from qa.languages import words_for

    relative = words_for("x").relative

    def times(q):
        return [m.group(0) for r in relative for m in [r.pattern.search(q)] if m]
    assert times("what has she done since then?") and times("what did they do since that?")
    assert times("anything since the summit?") == ["since"]
    assert times("since that would reassure our donors, who spoke?") == []
    assert times("since I need it for the report, which ministry was it?") == []


def test_the_nth_of_a_series_the_documents_do_not_hold_is_declined_and_its_own_subject(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "When did ACE organise the fourth SDG 8.7 Dialogue?")
    answer, resolved = turns[0]
    assert not answer.found and resolved.notes == ("the fourth SDG 8.7 Dialogue → none in the documents",)
    _, turns = _talk(ngo_index, embedder, "When did ACE organise the 2nd SDG 8.7 Dialogue?",
                     "When did ACE take part in the fifth Global Conference on the Sustained Eradication of Child Labour?",
                     "Was that the third global conference? or the fourth?")
    assert turns[0][0].found and "second SDG 8.7 Dialogue" in _top(turns[0])
    answer, resolved = turns[1]  # not the fifth of the dialogues shown: a subject of its own, and not held
    assert not answer.found and resolved.notes[-1].endswith("→ none in the documents")
    assert all(len(n) <= 80 for n in resolved.notes)
    answer, resolved = turns[2]  # two ordinals, one of them held: answered, and not by a list's third
    assert answer.found and "Fourth Global Conference" in _top(turns[2])
    assert not any(n.startswith("the third") for n in resolved.notes)


def test_n_years_later_can_be_told_by_the_narrative_passage_just_shown(write_corpus, tmp_path, embedder):
    index = _indexed(write_corpus, tmp_path, embedder, {"Li_Kwoh-ting.txt": (
        "Li Kwoh-ting\n\n"
        "Li Kwoh-ting ( 28 January 1910 – 31 May 2001 ) was a Taiwanese economist and politician .\n\n"
        "He graduated from National Central University in 1930 and studied physics at Cambridge University .\n\n"
        "In 1951 he became president of the Taiwan Shipbuilding Corporation , and in 1953 he was appointed as a "
        "member of the Industrial Development Commission .\n\n"
        "He served as economic minister from 1965 to 1969 and finance minister from 1969 to 1976 .")})
    _, turns = _talk(index, embedder, "Li Kwoh-ting became president of which company in 1951?", "two years after that?")
    assert "Taiwan Shipbuilding" in _top(turns[0])
    assert "Industrial Development Commission" in _top(turns[1])  # the same passage goes on to 1953
    _, turns = _talk(index, embedder, "Li Kwoh-ting became president of which company in 1951?", "what came next?")
    assert "Industrial Development Commission" in _top(turns[1])  # "next": the story the answer goes on to


_HOIBERG = (
    "Fred Hoiberg\n\n"
    "Fredrick Kristian Hoiberg ( born October 15 , 1972 ) is an American basketball coach and former player .\n\n"
    "Hoiberg played shooting guard and was selected 52nd overall by the Indiana Pacers in the 1995 draft .\n\n"
    "He spent four seasons with the Pacers before moving to the Chicago Bulls in 1999 as a free agent .\n\n"
    "In 2003 he signed with the Minnesota Timberwolves , where he led the league in three-point percentage .\n\n"
    "A heart condition ended his playing career in 2005 , and he joined the Timberwolves front office .\n\n"
    "On April 27 , 2010 , Iowa State University announced that Hoiberg would take over as head basketball coach .\n\n"
    "On June 2 , 2015 , the Chicago Bulls hired Hoiberg as head coach under a 5-year contract . In March 2017 , ESPN "
    "ranked Hoiberg as the worst head coach in the league . On December 3 , 2018 , the Bulls fired Hoiberg after a 5-19 "
    "start to the 2018-19 season . Hoiberg was replaced by Jim Boylen as head coach .\n\n"
    "On March 30 , 2019 , Hoiberg was named head coach of the Nebraska Cornhuskers basketball team .\n\n"
    "On March 11 , 2020 , Hoiberg fell ill during a tournament game against Indiana .")


def test_how_long_till_a_clause_counts_from_the_answer_and_the_story_it_goes_on_to_dates_the_next_turn(
        write_corpus, tmp_path, embedder):
    index = _indexed(write_corpus, tmp_path, embedder, {"Fred_Hoiberg.txt": _HOIBERG})
    _, turns = _talk(index, embedder, "when did the chicago bulls hire fred hoiberg as head coach?",
                     "how long b4 they fired him", "who replaced him", "n the next yr where'd he land")
    assert "Chicago Bulls hired" in _top(turns[0])
    answer, resolved = turns[1]  # after the hiring, not before it; the passage itself goes on to the firing
    assert resolved.when.start == "2015-06-03" and "fired Hoiberg" in _top(turns[1])
    assert "replaced by Jim Boylen" in _top(turns[2])
    # "the next year" counts from the sentence the story had reached (December 2018), not the passage's 2015
    assert turns[3][1].when.start == "2019" and "Nebraska" in _top(turns[3])


def test_an_ordinal_after_words_the_list_shown_does_not_say_is_not_a_pick_from_it(write_corpus, tmp_path, embedder):
    index = _indexed(write_corpus, tmp_path, embedder, {"Otto_Kretschmer.txt": (
        "Otto Kretschmer\n\n"
        "Otto Kretschmer ( 1 May 1912 – 5 August 1998 ) was a German naval officer .\n\n"
        "He joined the navy in 1930 and was given command of a training ship in 1937 .\n\n"
        "In 1939 he married Luise-Charlotte Mohnsen-Hinrichs , a doctor .\n\n"
        "On his first patrol in 1939 , his U-boat sank a freighter off Norway .\n\n"
        "On his second patrol in 1940 , his U-boat laid mines off the English coast .\n\n"
        "On his third patrol in 1941 , his U-boat was sunk by depth charges from HMS Walker and he was captured .\n\n"
        "He was held in a camp in Canada until 1947 .\n\n"
        "He received two medals : the Iron Cross in 1939 and the Knight's Cross in 1940 .\n\n"
        "After the war he joined the Bundesmarine in 1955 and retired as a rear admiral in 1970 .")})
    _, turns = _talk(index, embedder, "When was Otto Kretschmer born?", "his medals - the second one?")
    assert "Knight's Cross" in _top(turns[1])  # not the second passage of the list shown (his marriage)
    assert not any(n.startswith("the second") for n in turns[1][1].notes)


def test_an_article_titled_with_its_kind_in_brackets_is_what_it_means_and_a_first_word_is_no_name(
        write_corpus, tmp_path, embedder):
    index = _indexed(write_corpus, tmp_path, embedder, {
        "Pelican__Faberg__egg_.txt": (
            "Pelican ( Fabergé egg )\n\n"
            "The Pelican egg is a jewelled egg made in 1897 under the supervision of Peter Carl Fabergé .\n\n"
            "The egg was given by Tsar Nicholas II to his mother , the Dowager Empress Maria Feodorovna .\n\n"
            "In 1930 , the egg was one of ten Imperial eggs sold by the Antikvariat to Armand Hammer .\n\n"
            "Between 1936 and 1938 it was purchased by Lillian Thomas Pratt from Armand Hammer ."),
        "Design_notes.txt": ("Design notes\n\nA different design was shown in Hanover in 1930 by a sculptor .")})
    _, turns = _talk(index, embedder, "Different angle - the pelican faberge egg, who was it given to?",
                     "who bought it in 1930?")
    assert "Maria Feodorovna" in _top(turns[0])
    answer, resolved = turns[1]
    assert resolved.notes[0] == "it → Pelican (Fabergé egg)"  # not "Different", capitalised for being first
    assert "Armand Hammer" in _top(turns[1])


def test_and_then_after_one_of_a_numbered_series_is_its_next(ngo_index, embedder, ja_index):
    _, turns = _talk(ngo_index, embedder, "When and where was the first SDG 8.7 Dialogue held?", "and the second?",
                     "and then?", "and the one before that?")
    assert turns[2][1].notes == ("and then → SDG 8.7 Dialogue, third (2 September 2019)",)
    assert "third SDG 8.7 Dialogue" in _top(turns[2])
    assert "second SDG 8.7 Dialogue" in _top(turns[3])
    _, turns = _talk(ja_index, embedder, "第1回SDG8.7ダイアログはいつでしたか？", "第2回は？", "その次は？")
    assert "第3回SDG8.7ダイアログ" in _top(turns[2]) and turns[2][1].notes[0].startswith("その次 → ")


def test_a_bare_then_asks_what_came_next_and_then_in_a_question_is_that_time(write_corpus, tmp_path, embedder):
    index = _indexed(write_corpus, tmp_path, embedder, {
        "Dana_Holt.txt": (
            "Dana Holt\n\nDana Holt ( born 1952 ) is an American actor .\n\n"
            "Holt made her film debut as a waitress in the 1974 film Night Shift .\n\n"
            "In 1977 Holt appeared on stage in London in a revival of a comedy .\n\n"
            "In 1986 Holt won a drama award for her role in a thriller .")})
    for bare in ("then?", "then? what did she do", "ok then?"):
        _, turns = _talk(index, embedder, "when was dana holt's film debut?", bare)
        assert "1974" in _top(turns[0])
        assert "1977" in _top(turns[1]), bare  # what came next, not the debut's year again
    _, turns = _talk(index, embedder, "when was dana holt's film debut?", "what was her role then?")
    assert "1974" in _top(turns[1])  # "then" inside a question: at that time


def test_a_name_the_article_in_focus_writes_is_its_detail_unless_another_article_is_titled_with_it(
        write_corpus, tmp_path, embedder):
    index = _indexed(write_corpus, tmp_path, embedder, {
        "HMAS_Arrow.txt": (
            "HMAS Arrow\n\nHMAS Arrow was a corvette laid down on 3 March 1940 at Sydney .\n\n"
            "Arrow was commissioned into the RAN on 9 May 1941 and served as a convoy escort .\n\n"
            "She was sold for scrap in 1958 ."),
        "HMAS_Bolt.txt": (
            "HMAS Bolt\n\nHMAS Bolt was a corvette laid down on 1 June 1941 at Melbourne .\n\n"
            "Bolt was commissioned into the RAN on 2 February 1942 under Commander Lena Marsh .\n\n"
            "She was paid off in 1946 ."),
        "Lena_Marsh.txt": (
            "Lena Marsh\n\nLena Marsh ( born 1901 ) was an Australian naval officer .\n\n"
            "Marsh was commissioned into the RAN on 7 July 1925 ."),
        **{f"Town_{n}.txt": f"Town {n}\n\nTown {n} is a market town founded in {1800 + n} .\n\nIts mill closed in {1900 + n} ."
           for n in range(4)}})  # other articles: Lena Marsh is named by few passages, as in a real corpus
    _, turns = _talk(index, embedder, "when was HMAS Arrow laid down?", "Commissioned into the RAN on what date?")
    assert "9 May 1941" in _top(turns[1])  # the article in focus's RAN, not another ship's
    assert turns[1][1].notes == ("about → HMAS Arrow",)
    # Lena Marsh is written in Bolt's article, but has an article of her own: a subject of its own
    _, turns = _talk(index, embedder, "when was HMAS Bolt laid down?", "Lena Marsh commissioned into the RAN when?")
    assert "7 July 1925" in _top(turns[1]) and turns[1][1].notes == ()


def test_a_place_it_was_not_is_no_subject_of_the_follow_up(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "When and where was the first SDG 8.7 Dialogue held?",
                     "And the third? I have a feeling it was somewhere outside Tokyo, but I may be misremembering.",
                     "Did anything come of it?")
    assert "third SDG 8.7 Dialogue" in _top(turns[1])
    assert not any("Tokyo" in n for n in turns[1][1].notes + turns[2][1].notes)  # not "same question → Tokyo"
    assert "Matsuyama" in _top(turns[2])  # "it" is the third dialogue, not Tokyo


def test_the_entry_above_or_below_is_the_next_one_up_or_down_the_page(ngo_index, embedder, ja_index):
    # the record lists its entries newest first: above June 15, 2021 is June 30, below it May 12
    _, turns = _talk(ngo_index, embedder, "what is the entry dated June 15, 2021?", "The entry immediately above it?",
                     "and the one directly below the signatures entry", "two below that one?")
    assert _top(turns[1]).lstrip().startswith("June 30, 2021") and turns[1][1].notes[0].startswith("above it → ")
    assert _top(turns[2]).lstrip().startswith("May 12, 2021")  # counted from the entry named, not the one in focus
    assert _top(turns[3]).lstrip().startswith("November 26, 2020")  # past April 21, 2021 and the heading "2020"
    _, turns = _talk(ngo_index, embedder, "what is the entry dated June 15, 2021?", "next item down the list?")
    assert _top(turns[1]).lstrip().startswith("May 12, 2021") and turns[1][1].notes[0].startswith("down the list → ")
    # "the entry above mentions a campaign" says what the entry shown says: no place on the page
    _, turns = _talk(ngo_index, embedder, "what is the entry dated June 15, 2021?",
                     "The entry above mentions a minister. Which one?")
    assert _top(turns[1]).lstrip().startswith("June 15, 2021")
    # the Japanese record lists its entries oldest first, by the same table's words
    _, turns = _talk(ja_index, embedder, "2017年6月12日に何をしましたか？", "その一つ下の項目は？", "上の記録は？")
    assert "2017年9月12日" in _top(turns[1]) and turns[1][1].notes[0].startswith("一つ下の項目 → ")
    assert "2017年6月12日" in _top(turns[2])


def test_a_day_of_the_month_alone_is_that_day_of_the_answers_month(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "When was the C20 summit in Tokyo?", "the prep meeting for it?",
                     "what else on the 19th")
    assert "Preparatory Face-to-Face Meeting" in _top(turns[1])  # February 18-19, 2019
    assert "on the 19th → 19 February 2019" in turns[2][1].notes
    assert turns[2][0].hits[0].date == "2019-02-19"
    _, turns = _talk(ngo_index, embedder, "when did ACE comment on the base-line study report?", "same date, anything else?")
    assert "same date → 19 February 2019" in turns[1][1].notes


def test_a_follow_up_ending_in_too_asks_the_last_question_of_more_things(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "who was in the room at the SDG 8.7 dialogues, which countries?",
                     "any international orgs too?")
    assert "EU, ILO, and OECD" in _top(turns[1])
    assert any(n.startswith("too → ") for n in turns[1][1].notes)
    # "was there something about … too?" asks of a thing of its own
    _, turns = _talk(ngo_index, embedder, "what did ACE do in October 2019?",
                     "was there something about a TV documentary too?")
    assert "documentary" in _top(turns[1]) and not any(n.startswith("too → ") for n in turns[1][1].notes)


def test_the_same_year_as_a_thing_named_shows_that_thing_whose_date_answers_it(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "when did ACE go to the CLCCG annual meeting in Cote d'Ivoire?",
                     "Was it the same year as the Abidjan supply chains meeting?")
    assert "Abidjan" in _top(turns[1]) and turns[1][0].hits[0].date == "2019-05-14"
    # the time is compared, so no time is searched: not "the same year as … → 2019"
    assert not any("same year" in n for n in turns[1][1].notes)


def test_thereafter_counts_from_the_answer_as_later_does(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "When did ACE contribute to the C20 preparatory meeting?",
                     "And what was organised some eight days thereafter?")
    assert turns[1][1].notes == ("eight days thereafter → around 27 February 2019",)
    assert "First SDG 8.7 Dialogue" in _top(turns[1])


def test_a_career_told_plainly_is_searched_with_the_words_an_article_uses():
    from qa.keywords import spelled_alike
    from qa.languages import table

    words = table("en")
    used = {"resign": 3, "succeed": 2, "mayor": 4}.get
    assert spelled_alike("quit as mayor when", lambda t: used(t, 0), words.variants, words.variant_endings) == \
        "quit resigned resign as mayor when"
    assert spelled_alike("who replaced him", lambda t: used(t, 0), words.variants, words.variant_endings) == \
        "who replaced succeeded him"
    assert spelled_alike("first wife?", lambda t: {"marri": 9, "wife": 2}.get(t, 0), words.variants,
                         words.variant_endings) == "first wife married?"  # "In 1918 he had married the singer …"
    assert spelled_alike("Successor in that seat?", lambda t: {"succeed": 4}.get(t, 0), words.variants,
                         words.variant_endings) == "Successor succeeded in that seat?"
    # where the documents say "quit" themselves, it stays alone
    assert spelled_alike("who quit", lambda t: {"quit": 5, "resign": 1}.get(t, 0), words.variants,
                         words.variant_endings) == "who quit"


def test_the_month_after_a_month_named_is_the_one_after_it(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "what did ACE do in August 2021?", "Month after June - any government submissions?")
    assert turns[1][1].notes == ("Month after June → July 2021",)  # not the month after the answer (August)
    assert turns[1][0].hits[0].date == "2021-07-07"
    _, turns = _talk(ngo_index, embedder, "what did ACE do in August 2021?", "and the month after that?")
    assert turns[1][1].notes == ("the month after that → September 2021",)  # after the answer, as before


def test_how_many_days_it_was_asks_of_the_event_not_its_city(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "which forum ACE join in Bangkok and when?", "how many days it was")
    assert turns[1][1].notes == ("it → 2018 Freedom from Slavery Forum in Bangkok",)
    assert "Freedom from Slavery Forum" in _top(turns[1])


def test_after_a_section_counts_from_its_end_and_a_passage_that_tells_what_followed_answers_itself(
        write_corpus, tmp_path, embedder):
    index = _indexed(write_corpus, tmp_path, embedder, {
        "Alex_McLeish.txt": (
            "Alex McLeish\n\nAlex McLeish ( born 21 January 1959 ) is a Scottish football manager .\n\n"
            "Hibernian\n\nIn 1998 McLeish was appointed manager of Hibernian , who won promotion in 1999 .\n\n"
            "Rangers\n\nMcLeish was appointed as Rangers manager in December 2001 .\n\n"
            "McLeish won the domestic treble with Rangers in 2003 and the league title again in 2005 .\n\n"
            "McLeish left Rangers at the end of the 2005–06 season in May 2006 .\n\n"
            "Scotland\n\nMcLeish took charge of the Scotland national team on 29 January 2007 ."),
        "Rainier_Brewing_Company.txt": (
            "Rainier Brewing Company\n\nThe brewery dates back to 1854 in Seattle .\n\n"
            "Prohibition closed the brewery in 1916 .\n\n"
            "Following the repeal of the Prohibition , the brewery was purchased by brewers Fritz and Emil Sick , "
            "who began brewing Rainier in 1935 .\n\n"
            "In 1977 the brewery was sold to G. Heileman Brewing Company .")})
    _, turns = _talk(index, embedder, "When was Alex McLeish appointed Rangers manager?", "What did he do after Rangers?")
    assert "after Rangers → from 1 January 2007" in turns[1][1].notes  # the section ends in 2006
    assert "Scotland national team" in _top(turns[1])  # not his 2003 treble: Rangers lasted to 2006
    _, turns = _talk(index, embedder, "When was the Rainier brewery closed?", "Who bought the brewery after the repeal?")
    assert "Fritz and Emil Sick" in _top(turns[1])  # the passage of the repeal tells what followed it


def test_small_words_typed_as_chat_types_them_are_read_right(ngo_index, embedder):
    from qa.languages import table

    assert table("en").mend("wat about 1959, whn was teh first one") == "what about 1959, when was the first one"
    assert table("ja").mend("第2回は？") == "第2回は？"
    _, turns = _talk(ngo_index, embedder, "When did ACE submit public comments on the draft National Action Plan "
                     "on Business and Human Rights?", "wat else that month?")
    assert turns[1][1].notes[0] == "what else → other than the answer just shown"  # the note says what was read


def test_a_follow_up_about_the_subject_in_focus_is_found_by_its_subject_too(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Tell me about the Stop Child Labour Network",
                     "How does it try to influence the government?", "And when is their campaign run each year?")
    assert all(answer.found for answer, _ in turns)  # "it", "their": the network's words count as asked
    assert "Stop Child Labour Network" in _top(turns[1])


def test_a_period_question_naming_no_subject_is_a_new_topic_on_a_page_of_events(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "When did ACE organise the second SDG 8.7 Dialogue?",
                     "What did we do in April 2019?")
    answer, resolved = turns[1]
    assert resolved.notes == () and answer.found  # not "about → SDG 8.7 Dialogue": the month is the question
    assert all(h.date.startswith("2019-04") for h in answer.hits[:2])


def test_a_time_after_a_clause_and_the_nth_of_a_series_beside_a_time(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "When did ACE raise awareness about the NHK documentary?",
                     "about one week later ACE made a seminar? about what topic?")
    assert turns[1][1].notes == ("one week later → around 25 October 2019",)  # from the answer, not "ACE made …"
    assert "Reducing the risks of human rights violation" in _top(turns[1])
    _, turns = _talk(ngo_index, embedder, "When was the first SDG 8.7 Dialogue?",
                     "And roughly two months after it, the second one — where was that held?")
    assert "second SDG 8.7 Dialogue" in _top(turns[1])  # the series' second, whatever the months say
    _, turns = _talk(ngo_index, embedder, "Who bought Blue Coat in 2011?", "then what")
    assert turns[1][1].notes and turns[1][1].notes[-1].startswith("then what → from")


def test_she_after_going_back_to_a_person_is_that_person(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Who presented the C20 Policy Pack 2019 to the Prime Minister?",
                     "and when did the Prime Minister get it?",
                     "Coming back to Iwatsuki for a moment: what did the pack she handed over ask the G20 to do?")
    assert "she → Yuka Iwatsuki" in turns[2][1].notes  # not the Prime Minister, the person last in focus
    _, turns = _talk(ngo_index, embedder, "What did ACE do in 2019?", "yr after — all ACE items")
    assert turns[1][1].notes[0].startswith("year after → 2020")


def test_a_pronoun_whose_antecedent_the_question_gives_leaves_the_focus(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Who presented the C20 Policy Pack 2019 to the Prime Minister?",
                     "Setting the C20 aside for a moment, I'd also like to cite the seminar with the U.S. government "
                     "official on supply chain risks, so could you give me its exact title and date?")
    answer, resolved = turns[1]
    assert resolved.notes == () and "Reducing the risks of human rights violation" in _top(turns[1])


def test_a_name_inside_the_kind_asked_is_no_antecedent(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "ACE ran a side event at TICAD - what was it on?", "about a week later?",
                     "Which G20 meeting was that for?")
    assert turns[2][1].notes[0].startswith("that → third SDG 8.7 Dialogue")  # "G20" is part of what is asked
    assert "third SDG 8.7 Dialogue" in _top(turns[2])


def test_before_that_summit_counts_from_the_summit_in_focus(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Can you tell me when the C20 Summit Tokyo was held?",
                     "And the preparatory meeting before that summit - when was it?")
    assert turns[1][1].notes == ("before that summit → until 19 April 2019",)  # not the C20 2020 summit
    assert "C20 Preparatory Face-to-Face Meeting" in _top(turns[1])


def test_a_remark_of_the_speaker_before_the_question_is_not_searched(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Hi, I'm new at ACE and going through our advocacy record from the start. "
                     "What's the earliest event listed?", "Who was the special guest at it?")
    answer, _ = turns[0]
    assert answer.hits[0].date == "2016-05-13"  # "new", "start", "record" are the speaker's, not the record's
    assert answer.question.startswith("Hi, I'm new at ACE")  # the question is still shown as asked
    assert "Kailash Satyarthi" in _top(turns[1])
    _, turns = _talk(ngo_index, embedder, "I'm writing about our work in Ghana. When did ACE attend the CLCCG meeting?")
    assert "CLCCG" in _top(turns[0])  # a remark that names something is kept


def test_an_aside_of_the_speaker_between_dashes_asks_nothing_and_names_no_time(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Can you tell me when the Stop Child Labour Network was started?",
                     "Speaking of signatures — my hand ached for weeks one summer! — when did they hand in that huge "
                     "pile of more than seventy thousand?", "a couple of weeks later, was there some letter?")
    assert turns[1][0].hits[0].date == "2021-06-15"  # not the summer of 2004, the network's year
    assert not any("summer" in n for n in turns[1][1].notes)
    assert turns[2][0].hits[0].date == "2021-06-30"  # counted from the signatures, not from 2004
    _, turns = _talk(ngo_index, embedder, "The Price of Free film event — my niece (I think she was there) loved it. When was it?")
    assert turns[0][0].hits[0].date == "2019-11-14"


def test_what_else_after_a_thing_named_leaves_out_both_and_a_trailing_filler_names_nothing(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "What did ACE do in June 2018?",
                     "earlier that year there was something about a kid who died, what was that about?",
                     "What else did they do in 2018, after the seminar I mean")
    answer, resolved = turns[2]
    assert "after the seminar → 19 June – 31 December 2018" in resolved.notes  # not "the seminar I mean"
    assert answer.hits[0].date == "2018-12-03"  # neither the statement just shown nor the seminar itself


def test_every_june_or_one_summer_is_no_month_or_season_in_particular(ngo_index, embedder):
    focus = _focus(FORUM)
    assert Conversation(focus=focus, today=TODAY).resolve(ngo_index, "what did they do in June?").when == \
        TimeScope("2019-06", "2019-06")
    for q in ("they collect signatures every June, don't they?", "I met them one summer, what else do they do?",
              "each spring there is something, what was it?"):
        resolved = Conversation(focus=focus, today=TODAY).resolve(ngo_index, q)
        assert not (getattr(resolved.when, "start", None) or "").startswith("2019-0"), q  # not a month of 2019
    from qa.languages import table
    from qa.querytime import season_in

    assert season_in("毎年夏に何をしていますか") is None and season_in("その年の夏は？") == "夏"
    assert table("ja").month.search("毎年6月に署名を集めますか") is None and table("ja").month.search("その年の6月は？")


def test_a_terse_follow_up_of_one_real_word_asks_about_the_focus(ngo_index, embedder):
    # "occasion" is no word of the documents, but a word: the film event's occasion, not nothing
    _, turns = _talk(ngo_index, embedder, "film screening price of free — when, where", "occasion?")
    assert "Price of Free" in _top(turns[1])
    _, turns = _talk(ngo_index, embedder, "when did ace comment on the draft NAP on business and human rights",
                     "prev one?")  # "prev" is short for "previous"
    assert turns[1][0].hits[0].date == "2020-01-23"


def test_a_time_counted_from_the_one_just_shown_that_a_detail_names(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Did ACE go to the UN Forum on Business and Human Rights in 2019?",
                     "so what did they do right before the Geneva one?")
    assert turns[1][1].notes == ("right before the Geneva one → until 24 November 2019",)  # not the Geneva one itself
    assert turns[1][0].hits[0].date == "2019-11-14"


def test_after_a_month_named_alone_is_after_that_month_of_the_year_in_focus(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "What did ACE do in July 2021?", "what about after july?")
    assert turns[1][1].notes == ("after july → from August 2021",)
    assert turns[1][0].hits[0].date == "2021-08-24"  # not July 7 again


def test_those_two_are_the_people_the_answer_names(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Who from ACE went to the CLCCG meeting in Cote d'Ivoire?",
                     "what do those two do at ACE?")
    assert turns[1][1].notes == ("those two → Tomoko Shiroki, Akira Kondo",)
    assert "Ghana Project Manager Akira Kondo" in _top(turns[1])  # "two" is no word to match ("two of the sessions")
    _, turns = _talk(ngo_index, embedder, "Who from ACE went to the CLCCG meeting in Cote d'Ivoire?",
                     "what did the two of them present there?")
    assert turns[1][1].notes[0] == "the two of them → Tomoko Shiroki, Akira Kondo"
    assert turns[1][1].notes[1].startswith("there → CLCCG")  # the place is still what it asks about


def test_the_other_one_is_the_other_of_the_two_compared(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Which seminars has ACE put on in the Diet Member's Building?",
                     "the older one was when?", "ok and who spoke at the other one")
    assert turns[1][0].hits[0].date == "2018-06-18"
    assert turns[1][1].notes[0] == "the older one → seminar, “Child labour exists in Japan” (18 June 2018)"  # closed
    assert turns[2][1].notes[0].startswith("the other one → seminar on “Reducing the risks")
    assert turns[2][0].hits[0].date == "2019-10-26"


def test_a_time_alone_keeps_the_question_and_what_else_may_stay_in_the_answer(write_corpus, tmp_path, embedder):
    index = _indexed(write_corpus, tmp_path, embedder, {
        "Sydney_Trains_C_set.txt": (
            "Sydney Trains C set\n\nThe C sets were a class of electric multiple unit train .\n\n"
            "In service\n\nThe first set entered service in July 1986 , operating out of Mortdale Maintenance Depot .\n\n"
            "By June 1991 all C sets had moved to Punchbowl Maintenance Depot .\n\n"
            "Since November 2017 , all C Sets operated out of Flemington Maintenance Depot ."),
        "Cho_Yoon-sun.txt": (
            "Cho Yoon-sun\n\nCho Yoon-sun ( born 22 July 1965 ) is a South Korean politician .\n\n"
            "In 2010 , Cho helped establish the Korean War Memorial Foundation and served as its director . "
            "Beginning in July 2010 , she acted as a goodwill ambassador for the United Nations Children's Fund .\n\n"
            "In 2013 , she was appointed as Minister of Gender Equality and Family ."),
        "Skansen.txt": "Skansen concerts\n\n2010\n\n- 27 July : Mando Diao , Jonas Gardell and others performed ."})
    _, turns = _talk(index, embedder, "By 1988 which depot did the Sydney C sets run out of?", "since nov 2017?")
    assert turns[1][1].notes == ("same question → November 2017",)  # not a new topic for its word "nov"
    assert "Flemington" in _top(turns[1])
    _, turns = _talk(index, embedder, "Cho Yoon-sun helped found which foundation in 2010?",
                     "anything else she took on that July?")
    assert "goodwill ambassador" in _top(turns[1])  # nothing else of hers is dated then: not another article
    assert not any(n.startswith("anything else") for n in turns[1][1].notes)


def test_a_bare_attribute_asks_it_of_the_answer(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Could you tell me who presented the C20 Policy Pack 2019 to the Prime Minister?",
                     "exact date?")
    assert turns[1][1].notes and turns[1][1].notes[0].startswith("about → ")  # not a new topic for "exact"
    assert turns[1][0].hits[0].date == "2019-04-20"


def test_after_a_span_of_years_comes_what_begins_the_year_it_ends(write_corpus, tmp_path, embedder):
    index = _indexed(write_corpus, tmp_path, embedder, {
        "Province_of_Brandenburg.txt": (
            "Province of Brandenburg\n\nThe Province of Brandenburg was a province of Prussia from 1815 to 1946 .\n\n"
            "History .\n\nIn 1920 , the Greater Berlin Act expanded the borders of Berlin into the province .\n\n"
            "The war ( 1939–1945 ) brought bombing and refugees to the province .\n\n"
            "In 1945 , the Neumark territory east of the Oder–Neisse line was ceded to the Republic of Poland .\n\n"
            "In 1949 , the state of Brandenburg became part of East Germany .")})
    _, turns = _talk(index, embedder, "When did the Greater Berlin Act take territory from the Province of Brandenburg?",
                     "and what happened to its Neumark territory after the war?")
    assert "after the war → from 1945" in turns[1][1].notes  # not from 1946: the war's last year is 1945
    assert "ceded to the Republic of Poland" in _top(turns[1])


def test_anything_else_that_month_shows_the_months_other_entries_first(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Who handed the C20 Policy Pack to PM Abe?", "anything else that month?")
    assert turns[1][1].notes[-1] == "that month → April 2019"
    assert turns[1][0].hits[0].date == "2019-04-23"  # not the C20 paragraph dated April 2019, which tells no new event


def test_that_month_after_a_period_of_months_is_the_month_of_the_item_picked(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Could you list what ACE did in the first half of 2021, please?",
                     "The signatures one - who did they hand them to?", "anything else that month?")
    assert turns[2][1].notes[-1] == "that month → June 2021"  # not January, the first month of the half
    assert turns[2][0].hits[0].date == "2021-06-30"


def test_right_before_a_thing_named_by_its_acronym_asks_what_came_then(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Did ACE comment on Japan's Voluntary National Review?", "what came next?",
                     "and right before the VNR comments?")
    assert turns[2][1].notes == ("right before the VNR comments → until 6 July 2021",)
    assert turns[2][0].hits[0].date == "2021-06-30"  # not the other public comments, the last question's words


def test_after_the_forum_counts_from_the_forum_in_focus(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "what were ACE doing in New York in 2019?",
                     "and the next event after the forum?")
    assert turns[1][1].notes == ("after the forum → from 19 July 2019",)
    assert turns[1][0].hits[0].date == "2019-08-27"


def test_an_articles_conversation_does_not_carry_a_year_asked_before(write_corpus, tmp_path, embedder):
    index = _indexed(write_corpus, tmp_path, embedder, {
        "Cho_Yoon-sun.txt": (
            "Cho Yoon-sun\n\nCho Yoon-sun ( born 22 July 1965 ) is a South Korean politician .\n\n"
            "Career .\n\nIn 2013 , she was appointed as South Korea's Minister of Gender Equality and Family .\n\n"
            "In 2014 , Cho left the ministry to become President Park Geun-hye's Senior Secretary for Political "
            "Affairs .\n\nIn 2016 , she was appointed Minister of Culture , Sports and Tourism ."),
        "Other.txt": "Seoul Tower\n\nIn 2013 , the tower was renovated ."})
    _, turns = _talk(index, embedder, "which ministry did Cho Yoon-sun get in 2013?", "left it for what job?")
    assert "Senior Secretary" in _top(turns[1])  # what she left it for came later than 2013
    assert not any(n.startswith("period") for n in turns[1][1].notes)


def test_a_list_asked_oldest_first_is_shown_in_date_order(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "pls list all the public comments ACE submitted, oldest first",
                     "the third one on that list, what was it about?")
    dates = [h.date for h in turns[0][0].hits]
    assert dates == sorted(dates) and all("public comments" in h.text for h in turns[0][0].hits)
    assert turns[1][0].hits[0].date == dates[2]


def test_who_else_is_answered_by_the_passage_that_names_the_others(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Did Tomoko Shiroki go to the CLCCG meeting in Cote d'Ivoire?",
                     "who else from ACE was there with her?")
    assert "Akira Kondo" in _top(turns[1])  # not left out as a passage already shown
    assert not any(n.startswith("who else") for n in turns[1][1].notes)


def test_the_first_one_of_a_series_the_answer_names(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "For slide 3 I need ACE's role in C20 Japan 2019.",
                     "and what were the dialogues leading up to the summits about", "when was the first one")
    assert turns[2][1].notes[0].startswith("the first → SDG 8.7 Dialogue")  # not the heading "C20 JAPAN 2019"
    assert turns[2][0].hits[0].date == "2019-02-27"


def test_that_gentleman_is_the_person_and_the_said_forum_the_one_in_focus(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Did ACE co-organise a roundtable with Kailash Satyarthi?",
                     "Did ACE do anything further with that gentleman's foundation at a later date?")
    assert turns[1][1].notes == ("that gentleman's → Kailash Satyarthi",)
    assert "The Price of Free" in _top(turns[1])
    _, turns = _talk(ngo_index, embedder, "Did ACE take part in the UN Forum on Business and Human Rights in 2019?",
                     "What was the very next thing they did after the said forum?")
    assert "after the said forum → from 28 November 2019" in turns[1][1].notes
    assert turns[1][0].hits[0].date == "2019-12-21"
    _, turns = _talk(ngo_index, embedder, "Please could you tell me what ACE organised at the C20 Summit in 2020.",
                     "What did they do for the same C20 the year before?")
    assert turns[1][1].notes[0] == "the same C20 → C20 Summit in 2020"  # not "the same C"


def test_a_clause_after_years_later_names_nothing_and_an_ordinal_needs_its_series_next_to_it(
        ngo_index, embedder, write_corpus, tmp_path):
    index = _indexed(write_corpus, tmp_path, embedder, {
        "Anmer_Hall.txt": (
            "Anmer Hall\n\nAnmer Hall is a country house in Norfolk .\n\nHistory .\n\n"
            "The Prince of Wales first visited the village in 1802 , when the house was built .\n\n"
            "In 1896 , the Anmer Hall estate was purchased at auction by Ernest Terah Hooley .\n\n"
            "In 1898 , Hooley agreed to sell it at cost , and the estate was bought for Prince Albert Victor .\n\n"
            "From 1972 to 1990 , Anmer Hall was leased to the Duke and Duchess of Kent .")})
    _, turns = _talk(index, embedder, "who bought Anmer Hall at the auction in the 1890s?",
                     "And two years later the Prince got it off him - who was it meant for?")
    assert turns[1][1].notes[-1].startswith("two years later → around")  # not "… the Prince got it off him"
    assert "Prince Albert Victor" in _top(turns[1])  # counted from the auction, not from the Prince's 1802 visit
    _, turns = _talk(ngo_index, embedder, "I understand that ACE sent someone to a meeting in Abidjan. Could you tell "
                     "me what it was?", "Was that the first global meeting of that group?")
    assert "Second Global Meeting" in _top(turns[0])
    assert turns[1][0].hits[0].date != "2019-02-27"  # not the First SDG 8.7 Dialogue, which is no global meeting


def test_was_that_before_a_thing_asks_of_the_answer_in_focus_not_for_a_period(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "hey, what was ACE doing in Abidjan in 2019", "ok and after Abidjan, whats next?",
                     "was that before the Geneva forum?")
    # the answer in focus is dated in the note; the thing it is compared with comes first, its date the answer
    assert turns[2][1].notes == ("that → High Level Political Forum 2019 in New York (9–18 July 2019)",)
    assert turns[2][0].hits[0].date == "2019-11-25"  # not a period "before" it either
    _, turns = _talk(ngo_index, embedder, "When did ACE attend the UN Forum on Business and Human Rights in Geneva?",
                     "and the New York forum that summer?", "Was that earlier than the Abidjan meeting?")
    assert turns[2][0].hits[0].date == "2019-05-14" and turns[2][1].notes[0].startswith("that → High Level")


def test_who_had_it_before_him_in_a_list_of_holders(write_corpus, tmp_path, embedder):
    index = _indexed(write_corpus, tmp_path, embedder, {
        "International_Mathematical_Union.txt": (
            "International Mathematical Union\n\nThe International Mathematical Union is an international "
            "organisation devoted to international cooperation in mathematics .\n\nPresidents .\n\n"
            "1955–1958 : Heinz Hopf ( vice : Arnaud Denjoy )\n\n1959–1962 : Rolf Nevanlinna ( vice : Pavel Alexandrov )"
            "\n\n1963–1966 : Georges de Rham ( vice : Henri Cartan )\n\n1967–1970 : Henri Cartan ( vice : Mikhail "
            "Lavrentyev )"),
        "Alexander_Imich.txt": (
            "Alexander Imich\n\nAlexander Imich ( 4 February 1903 – 8 June 2014 ) was a Polish-born American chemist .\n\n"
            "After his death , Sakari Momoi became the oldest living man .")})
    _, turns = _talk(index, embedder, "Who held the presidency of the International Mathematical Union in 1960?",
                     "who had it before him", "and who succeeded him?")
    assert "Rolf Nevanlinna" in _top(turns[0])
    assert "Heinz Hopf" in _top(turns[1])
    _, turns = _talk(index, embedder, "Who held the presidency of the International Mathematical Union in 1960?",
                     "and who succeeded him?")
    assert "Georges de Rham" in _top(turns[1])
    _, turns = _talk(index, embedder, "When was Alexander Imich born?", "And who came after him?")
    assert not any(n.startswith("came after him") for n in turns[1][1].notes)  # prose: his birth is no term


def test_the_first_you_listed_and_some_months_before(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "What is the Sustainable Brands conference?",
                     "Who from ACE presented there, and in how many sessions?",
                     "What was the title of the first you listed? The donor likes the wording.")
    assert turns[2][1].notes and turns[2][1].notes[0].startswith("the first → ")  # "you listed" names no series
    _, turns = _talk(ngo_index, embedder, "When was the seminar 'Child labour exists in Japan' in the Diet?",
                     "Some months before, ACE make a statement about a child. What was happen?")
    assert turns[1][1].notes[0].startswith("Some months before → around")
    assert turns[1][0].hits[0].date == "2018-01-10"


def test_at_the_end_of_the_year_is_the_last_months_of_the_year_in_focus(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "What did ACE do in January 2018?",
                     "and at the end of the year, any international forum?")
    assert turns[1][1].notes[-1] == "at the end of the year → October – December 2018"
    assert "Freedom from Slavery Forum" in _top(turns[1])


def test_to_whom_else_besides_one_named_in_the_answer_is_answered_by_it(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "When did ACE hand over the 70,000 signatures?",
                     "To whom else were they handed, besides the Chief Cabinet Secretary?")
    assert "Economy, Trade and Industry" in _top(turns[1])  # the same passage names the other recipient
    assert not any(n.endswith("left out") for n in turns[1][1].notes)


def test_a_word_capitalised_for_opening_a_later_sentence_is_no_name(write_corpus, tmp_path, embedder):
    from qa.conversing import _own_names
    from qa.languages import table

    index = _indexed(write_corpus, tmp_path, embedder, {
        "Masters_snooker.txt": ("Masters ( snooker )\n\nThe Masters moved to a different venue in 1979 .\n\n"
                                "In 1984 , Kirk Stevens became the first player to make a maximum break at the Masters ."),
        "Other.txt": "Wembley Conference Centre\n\n" + "\n\n".join(
            f"In {year} , the centre hosted concert number {n} ." for n, year in enumerate(range(1977, 1990)))})
    names = _own_names(index, "Fine, you win. Different question: who made the first 147 at the Masters?", table("en"))
    assert "Different" not in names and "Masters" in names


def test_a_word_capitalised_for_opening_the_question_that_no_passage_uses_names_no_new_topic(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "did child labour make it into the G20 Osaka Leaders' Declaration",
                     "Date on that?")
    assert turns[1][1].notes and turns[1][1].notes[0].startswith("that → G20 Osaka")
    assert _top(turns[1]).startswith(" July 17, 2019")


def test_beforehand_counts_back_from_the_answer(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "What did ACE submit public comments on in July 2021?",
                     "What had they signed shortly beforehand?")
    assert "beforehand → until 6 July 2021" in turns[1][1].notes
    assert "G7 Trade Ministers" in _top(turns[1])


def test_the_same_year_as_the_x_one_counts_from_a_dated_passage_of_it(ngo_index, embedder):
    # a heading ("GPeVAC … Japan Forum") says "violence" too, but gives no year to count from
    _, turns = _talk(ngo_index, embedder, "When did we contribute to the national action plan on violence against "
                     "children?", "the business and human rights one?",
                     "and the Voluntary National Review, same year as the violence one?")
    assert "same year as the violence one → 2021" in turns[2][1].notes
    assert "Voluntary National Review" in _top(turns[2])


def test_the_first_thing_of_a_period_is_its_earliest_not_the_first_passage_shown(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "whats the oldest entry in our advocacy record?",
                     "and the year after, what was the first thing?")
    assert _top(turns[1]).startswith(" September 12-13, 2017")
    assert not any(n.startswith("the first →") for n in turns[1][1].notes)


def test_that_same_week_is_the_week_and_its_entries_are_found_whatever_words_they_share(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Who handed the C20 Policy Pack to the Prime Minister?",
                     "and the preparatory meeting before it?", "anything else that same week?")
    assert "that same week → 18–24 February 2019" in turns[2][1].notes
    assert _top(turns[2]).startswith(" February 19, 2019")  # public comments: no C20 word in them


def test_a_fragment_capitalised_for_opening_asks_of_the_focus_when_the_documents_write_its_stem_in_lower_case(
        ngo_index, embedder):
    # "Organisers" is in no vocabulary here, but the page writes "organised": no name, a question of the focus
    _, turns = _talk(ngo_index, embedder, "When was the Sustainable Brands conference in Tokyo?", "Organisers?")
    assert turns[1][1].notes == ("about → Sustainable Brands",)


def test_within_a_few_days_of_it_and_around_that_time_reach_either_side_of_the_answer(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "When was the second SDG 8.7 Dialogue?",
                     "anything else going on within a few days of it?")
    assert "within a few days of it → 20–26 April 2019" in turns[1][1].notes
    assert _top(turns[1]).startswith(" April 20-21, 2019")  # the C20 summit, before it
    _, turns = _talk(ngo_index, embedder, "When was the second SDG 8.7 Dialogue?", "what else happened around that time?")
    assert "around that time → 23 March – 24 May 2019" in turns[1][1].notes
    assert any(h.date == "2019-05-14" for h in turns[1][0].hits[:3])  # after it too


def test_japanese_around_then_reaches_either_side(ja_index, embedder):
    _, turns = _talk(ja_index, embedder, "第1回SDG8.7ダイアログはいつ？", "その前後に何かありましたか？")
    assert turns[1][1].notes[-1].startswith("その前後 → 2019年1月27日")
    assert any("準備会合" in h.text for h in turns[1][0].hits[:3])  # 18–19 February, nine days before


def test_the_2019_one_is_the_one_of_the_kind_in_focus_dated_then(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "What is the Sustainable Brands conference?",
                     "Did Tomoko Shiroki present there in 2020?", "and where was the 2019 one held?")
    assert turns[2][1].notes and turns[2][1].notes[0].startswith("about → ")
    assert "Sustainable Brands 2019" in _top(turns[2])  # its heading: "Sustainable Brands 2019, Tokyo"


def test_which_came_first_of_two_named_things_shows_the_earlier_and_counts_no_time_from_the_answer(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "When was the TICAD side event?",
                     "which was earlier, that or the Matsuyama dialogue?",
                     "and which came later, the Geneva forum or the Bangkok one?")
    assert turns[1][1].notes == ("earlier → side event on the “Cooperation between NGOs and… (27 August 2019)",)
    assert _top(turns[1]).startswith(" August 27, 2019") and "Matsuyama" in turns[1][0].hits[1].text
    assert turns[2][1].notes[0].startswith("later → 2019 UN Forum on Business and Human Rights")
    assert "Bangkok" in turns[2][0].hits[1].text


def test_japanese_which_came_first_and_a_numbered_edition(ja_index, embedder):
    answer = search(ja_index, embedder, "第3回SDG8.7ダイアログはいつ？", 5)  # the keywords drop the 3
    assert "第3回" in answer.hits[0].text
    _, turns = _talk(ja_index, embedder, "第2回SDG8.7ダイアログはどこで開きましたか？", "それとC20サミットはどちらが先？")
    assert turns[1][1].notes[0].startswith("先 → C20")  # 20–21 April, two days before


def test_a_follow_up_naming_a_subject_of_its_own_does_not_carry_the_period(ngo_index, embedder):
    # the CLCCG meeting was in 2019: 2020, the period of the question before, would hide it
    _, turns = _talk(ngo_index, embedder, "Did Tomoko Shiroki present at Sustainable Brands in 2020?",
                     "did she also go to the CLCCG meeting in Cote d'Ivoire?")
    assert turns[1][1].notes == ("she → Tomoko Shiroki",)
    assert "Akira Kondo attended" in _top(turns[1])


def test_while_they_were_there_is_the_answers_own_days_and_the_answer_left_out_stays_last(ngo_index, ja_index, embedder):
    _, turns = _talk(ngo_index, embedder, "When did ACE go to the High Level Political Forum?",
                     "anything else going on while they were there?")
    assert "while they were there → 9–18 July 2019" in turns[1][1].notes
    assert _top(turns[1]).startswith(" July 17, 2019")  # the G20 Osaka declaration, during the forum
    _, turns = _talk(ja_index, embedder, "国連ハイレベル政治フォーラムに参加したのはいつ？", "その間にほかに何かありましたか？")
    assert "その間 → 2019年7月9日〜18日" in turns[1][1].notes
    assert "ハイレベル政治フォーラム" not in _top(turns[1])  # nothing else then: the answer is not shown again first


def test_the_month_before_a_thing_named_in_lower_case_counts_from_its_dated_entry(ngo_index, embedder):
    # "ticad" first finds the heading "Japan NGO Liaison Group for TICAD", which has no date to count from
    _, turns = _talk(ngo_index, embedder, "When did we organise the third SDG 8.7 Dialogue?",
                     "what about the G20 leaders declaration the month before ticad?")
    assert "the month before ticad → July 2019" in turns[1][1].notes
    assert _top(turns[1]).startswith(" July 17, 2019")


def test_two_letters_swapped_in_a_word_a_follow_up_leans_on_are_put_right(ngo_index, embedder):
    from qa.languages import words_for
    _, turns = _talk(ngo_index, embedder, "When did ACE raise awareness about NHK's documentary?",
                     "anythign else that mnoth?")
    assert turns[1][1].notes == ("anything else → other than the answer just shown", "that month → October 2019")
    assert _top(turns[1]).startswith(" October 26, 2019")
    assert words_for("x").mend("the year after, not later") == "the year after, not later"  # real words stay


def test_a_new_question_of_the_answer_finds_the_other_paragraphs_of_its_short_section(ngo_index, embedder):
    # "CLCCG 2019, Cote D'Ivoire" has three paragraphs: who attended, what they presented, a link
    _, turns = _talk(ngo_index, embedder, "Which ACE staff attended the CLCCG annual meeting?",
                     "who is that platform made up of?", "and what did they present there?")
    assert "Akira Kondo attended" in _top(turns[0])
    assert turns[2][0].hits[0].text.startswith("We presented our initiatives")


def test_a_thing_counted_from_is_noted_without_a_there_after_it(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "When did ACE attend the UN Forum on Business and Human Rights?",
                     "Two months before the forum there was a meeting in Abidjan, right? What was it")
    assert turns[1][1].notes[0].startswith("Two months before the forum → around ")


def test_there_after_that_is_the_next_passage_of_the_place_and_there_stays_that_place(ngo_index, embedder):
    # "there" is the building the dialogue was held in; the seminar after it names the building too, the
    # event in between (the C20, in Tokyo) does not; the film event is the last one held there
    _, turns = _talk(ngo_index, embedder, "What was the first seminar we ever held in the Diet Member's Building?",
                     "And the next thing we organised there?", "lovely, and then what did we do there after that?",
                     "who did we invite to speak at that one?", "And the last time we were there?")
    assert _top(turns[1]).startswith(" February 27, 2019")
    assert "and then → from 28 February 2019" in turns[2][1].notes
    assert _top(turns[2]).startswith(" October 26, 2019")
    assert "there → Diet Member's Building" in turns[4][1].notes
    assert _top(turns[4]).startswith(" April 21, 2021")


def test_a_remark_after_the_question_is_not_searched(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "What's the very earliest event in our advocacy record? I'd like to open "
                                          "the anniversary speech with it.")
    assert _top(turns[0]).startswith(" May 13, 2016")


def test_earlier_that_same_month_counts_back_from_the_answer_within_its_month(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "When did we sign the joint open letter to the G7 Trade Ministers?",
                     "Lovely, and earlier that same month?")
    assert turns[1][1].notes == ("earlier that same month → 1–29 June 2021",)
    from qa.showing import time_note
    assert time_note(turns[1][0]).startswith("Showing events in 1–29 June 2021")  # the page's line says it so too
    assert _top(turns[1]).startswith(" June 15, 2021")


def test_a_week_later_we_organise_what_counts_from_the_answer_and_other_thing_asks_what_else(ngo_index, embedder):
    # a subject and a verb as chat types it ("ACE organize") say what happened, not a thing to count from
    _, turns = _talk(ngo_index, embedder, "At TICAD 7 ACE organized side event, topic of side event?",
                     "a week later ACE organize what?")
    assert turns[1][1].notes[0].startswith("a week later → around ")
    assert _top(turns[1]).startswith(" September 2, 2019")
    _, turns = _talk(ngo_index, embedder, "signatures for child labour, in 2021 how many submitted and to who?",
                     "other thing that month?")
    assert "other thing → other than the answer just shown" in turns[1][1].notes
    assert _top(turns[1]).startswith(" June 30, 2021")


def test_a_bare_it_after_a_noun_the_question_gives_is_that_noun_and_never_a_person_s_title(ngo_index, embedder):
    # "the seminar … where was it?": it is the seminar, not the U.S. the last question named first
    _, turns = _talk(ngo_index, embedder, "Which US official did we invite to the supply chain seminar in October 2019?",
                     "what was the seminar called and where was it?")
    assert turns[1][1].notes[0].startswith("the seminar → seminar on")
    assert _top(turns[1]).startswith(" October 26, 2019")
    # "which PM was it?" puts the PM in focus; "what was in it?" is still no PM
    _, turns = _talk(ngo_index, embedder, "Who from ACE presented the C20 Policy Pack to the Prime Minister?",
                     "What exactly did she hand over, and which PM was it?", "what recommendations were in it?")
    assert not any(n.startswith("it → PM") for n in turns[2][1].notes)
    assert "we advocated to G20 to take concrete steps" in _top(turns[2])


def test_the_month_before_an_earlier_answer_named_by_its_month(ngo_index, embedder):
    # "the January one" was the answer two turns back, no longer in the list just shown
    _, turns = _talk(ngo_index, embedder, "What did ACE submit public comments on in January 2020?",
                     "and two months later?", "Was there one the month before the January one too?")
    assert turns[2][1].notes == ("the month before the January one → December 2019",)
    assert _top(turns[2]).startswith(" December 21, 2019")


def test_which_x_was_that_and_which_city_asks_of_the_focus(ngo_index, embedder):
    # "TICAD" after "which" is what is asked, not what "that" points back at; "city" is a kind, not a subject
    _, turns = _talk(ngo_index, embedder, "Tell me about the TICAD side event, what was the topic?",
                     "which TICAD was that and which city?")
    assert turns[1][1].notes == ("that → TICAD",)
    assert any("Seventh Tokyo International Conference" in a.text for a in turns[1][0].hits[:2])


def test_the_summit_itself_is_the_summit_in_focus(ngo_index, embedder):
    # "itself" is no word of a new subject; "who gave …" puts the giver in focus, not the one given to
    _, turns = _talk(ngo_index, embedder, "sorry, quick one — who gave the C20 policy pack to PM Abe?",
                     "and her title at ACE?", "the summit itself, when exactly?")
    assert turns[1][1].notes == ("her → Yuka Iwatsuki",)
    assert turns[2][1].notes and _top(turns[2]).startswith(" April 20-21, 2019")


def test_again_later_is_any_time_after_not_the_next_event(ngo_index, embedder):
    conversation, _ = _talk(ngo_index, embedder, "When did ACE co-organise the roundtable with Kailash Satyarthi?")
    when = conversation.resolve(ngo_index, "did we work with his foundation again later?").when
    assert when.start == "2016-05-14" and when.end is None and not when.order
    answer, _ = conversation.ask(ngo_index, embedder, "did we work with his foundation again later?")
    assert any("Kailash Satyarthi Children" in h.text for h in answer.hits[:3])


def test_between_two_items_of_a_series_is_the_time_between_them(ngo_index, embedder):
    # "between the first and second one": the days between those two dialogues, not the last two answers
    _, turns = _talk(ngo_index, embedder, "ACE did SDG 8.7 Dialogues, when was the first one?", "and the second?",
                     "the third one was where", "between the first and second one, what happened?")
    assert turns[3][1].notes == ("between the first and second one → 28 February – 22 April 2019",)
    assert _top(turns[3]).startswith(" April 20-21, 2019")


def test_a_bare_after_and_the_last_of_a_period_and_the_latest_of_a_list(ngo_index, embedder):
    # "what they did after?": after the answer; "the year before, the last comment": the last of that year;
    # "of all 2021 ones, which one was last?": by date within 2021; "latest of them": of the list just shown
    _, turns = _talk(ngo_index, embedder, "When did ACE co-organise the roundtable with Kailash Satyarthi?",
                     "what they did after? next event")
    assert _top(turns[1]).startswith(" September 12-13, 2017")
    _, turns = _talk(ngo_index, embedder, "first public comments ACE submitted in 2020 - on what?",
                     "the year before, the last comment was about what")
    assert _top(turns[1]).startswith(" December 21, 2019")
    _, turns = _talk(ngo_index, embedder, "What did ACE do in April 2021?", "of all 2021 ones, which one was last?")
    assert _top(turns[1]).startswith(" August 24, 2021")
    _, turns = _talk(ngo_index, embedder, "Which events did ACE organize in the Diet Member's Building? The earliest?",
                     "and latest of them?")
    assert turns[1][1].notes[0].startswith("latest of them → ")
    assert _top(turns[1]).startswith(" April 21, 2021")


def test_the_other_one_with_nothing_compared_is_the_like_passage_just_shown(ngo_index, embedder):
    # two public comments of 2020 shown: "the other one" is the second comment, not the answer again;
    # "the earlier Alliance 8.7 one" is an earlier one of that kind, not the earlier of the two shown
    _, turns = _talk(ngo_index, embedder, "first public comments ACE submitted in 2020 - on what?",
                     "and the other one in that year?")
    assert _top(turns[1]).startswith(" March 18, 2020")
    _, turns = _talk(ngo_index, embedder, "Alliance 8.7 Action Group on Supply Chains meeting, ACE went to which city?",
                     "the earlier Alliance 8.7 one - where and when", "during same days, anything else?")
    assert _top(turns[1]).startswith(" September 12-13, 2017")
    assert "during same days → 12–13 September 2017" in turns[2][1].notes


def test_the_person_a_question_describes_and_after_those_two_and_a_year_set_aside(ngo_index, embedder):
    # "the Ghana guy": the one whose title says Ghana, not the first named; "him" is then Akira Kondo
    _, turns = _talk(ngo_index, embedder, "who's the Ghana guy who went to the cocoa meeting in 2019?",
                     "and who went with him?")
    assert turns[1][1].notes[0] == "him → Akira Kondo"
    # "after those two": after the later of the last two answers (November 2017, not September)
    _, turns = _talk(ngo_index, embedder, "Where was the Fourth Global Conference on the Sustained Eradication of "
                     "Child Labour held?", "And the Alliance 8.7 NGO Forum two months earlier?",
                     "What was the next international forum we attended after those two?")
    assert "after those → from 17 November 2017" in turns[2][1].notes
    # "the 2019 one, not 2020 … there": the C20 summit of 2019
    _, turns = _talk(ngo_index, embedder, "What did we do at the C20 2020 Summit?",
                     "The 2019 one, not 2020 — what was our role there?")
    assert turns[1][1].notes == ("there → C20 2019 Summit",)
    top = turns[1][0].hits[0]  # the summit's entry, or the C20 2019 section that tells ACE's part in it
    assert top.date.startswith("2019") and "C20" in _top(turns[1]) and "2020" not in _top(turns[1])


def test_a_property_of_it_is_the_passage_just_shown(ngo_index, embedder):
    # "what was its title?" right after the TICAD side event: that entry, not a later one with a title in quotes
    _, turns = _talk(ngo_index, embedder, "When was the G20 Osaka Leaders’ Declaration with the child labour commitment?",
                     "The following month, the TICAD side event — which city?", "What was its title?")
    assert _top(turns[2]).startswith(" August 27, 2019")


def test_between_two_named_things_is_the_time_between_them(ngo_index, embedder):
    # "between the Matsuyama dialogue and that seminar": from the one the documents name to the answer in focus
    _, turns = _talk(ngo_index, embedder, "When was the seminar with the official from the US Department of Labour?",
                     "What happened between the Matsuyama dialogue and that seminar?")
    assert turns[1][1].notes == ("between the Matsuyama dialogue and that seminar → 3 September – 25 October 2019",)
    assert _top(turns[1]).startswith(" October 18, 2019")


def test_an_act_the_documents_word_otherwise_asks_of_the_focus_and_a_name_opening_a_question_is_its_own(
        ngo_index, embedder):
    # "founded" and "tied" are words no passage uses: acts asked of the subject in focus, not new subjects
    _, turns = _talk(ngo_index, embedder, "How many member organisations does the Stop Child Labour Network have?",
                     "founded when?")
    assert turns[1][1].notes and "established in 2004" in _top(turns[1])
    _, turns = _talk(ngo_index, embedder, "Which film did ACE show in the Diet building in 2019?",
                     "tied to whose campaign?")
    assert turns[1][1].notes and "The Price of Free" in _top(turns[1])
    # "Satyarthi himself - …": a name no turn has given opens a subject of its own (not "about → film event")
    _, turns = _talk(ngo_index, embedder, "Which film did ACE show in the Diet building in 2019?",
                     "Satyarthi himself - has ACE ever met him in person? When?")
    assert not turns[1][1].notes and "Satyarthi" in _top(turns[1]) and turns[1][0].hits[0].date


def test_when_in_a_later_sentence_asks_for_a_dated_passage(ngo_index, embedder):
    # the one-line title "Kailash Satyarthi Children's Foundation" holds no date: it cannot say when
    answer = search(ngo_index, embedder, "Did ACE ever meet with Kailash Satyarthi? When?", 5)
    assert answer.hits[0].date


def test_an_acting_they_is_no_place_named_before(ngo_index, embedder):
    # "Japan" was named as a place ("… exists in Japan"): "they" who took part are not Japan
    _, turns = _talk(ngo_index, embedder, "When did ACE hold the seminar “Child labour exists in Japan”?",
                     "A few months before it there was a statement about a death - what was that about?",
                     "And at the end of the same year, which forum did they participate in?")
    assert not any(n.startswith("they → Japan") for n in turns[2][1].notes)
    assert "Freedom from Slavery Forum" in _top(turns[2])


def test_a_bare_ordinal_before_a_comma_and_a_return_said_in_a_sentence_of_its_own(ngo_index, embedder):
    # "third, which city?": the series' third, as "the third one, which city?" is
    _, turns = _talk(ngo_index, embedder, "first SDG 8.7 Dialogue - when and where was it held?", "and the second one?",
                     "third, which city?")
    assert "third SDG 8.7 Dialogue in Matsuyama" in _top(turns[2])
    _, turns = _talk(ngo_index, embedder, "first SDG 8.7 Dialogue - date + venue", "2nd?", "3rd where")  # terse
    assert "third SDG 8.7 Dialogue in Matsuyama" in _top(turns[2]) and turns[2][1].notes[0].startswith("3rd → ")
    # "ok back to roundtable." is no courtesy to drop: "the year after it" counts from the 2016 roundtable
    _, turns = _talk(ngo_index, embedder, "When was the roundtable with Kailash Satyarthi?",
                     "the film event with his foundation - when was that?",
                     "ok back to roundtable. the year after it, where did ACE go first?")
    assert any(n.endswith("→ 2017") for n in turns[2][1].notes) and turns[2][0].hits[0].date.startswith("2017")


def test_which_kind_a_follow_up_asks_for_prefers_a_passage_naming_it(ngo_index, embedder):
    # "which network collects those signatures?": the network's passage, not the signatures' own
    _, turns = _talk(ngo_index, embedder, "When did ACE hand over the 70,000 signatures, and to whom?",
                     "and which network is it that collects those signatures nationwide?")
    assert "Stop Child Labour Network is a Japanese network" in _top(turns[1])


def test_a_follow_up_naming_what_the_answer_lacks_is_answered_by_the_passage_that_holds_it(ngo_index, embedder):
    # the signatures again would be the answer in focus; the network and its secretariat are another passage's
    _, turns = _talk(ngo_index, embedder, "How many signatures did ACE submit in June 2021?",
                     "who gathers those signatures is that the network we are secretariat for")
    assert "Stop Child Labour Network" in _top(turns[1])
    _, turns = _talk(ngo_index, embedder, "When was the 2019 UN Forum on Business and Human Rights?",
                     "was it in New York?")  # asked of the forum in focus by a name alone: the forum still
    assert "UN Forum on Business and Human Rights" in _top(turns[1])


def test_any_other_meeting_leaves_out_the_one_in_focus(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Who from ACE attended the CLCCG annual meeting in 2019?",
                     "Did we go to any other gathering in Cote d'Ivoire that year? If so, who went?")
    first, (answer, resolved) = turns[0][0].hits[0], turns[1]
    assert first.number in resolved.signals.exclude and answer.hits[0].number != first.number


def test_the_fitted_model_weighs_a_follow_ups_own_words_against_the_answer_just_shown(ngo_index, embedder):
    # the pledge is named by the follow-up itself: its passage, not the meeting just shown; and "the month
    # after" counts from the pledge (May 2021), so June's signatures
    _, turns = _talk(ngo_index, embedder, "What did ACE do for the International Year for the Elimination of Child Labour?",
                     "where did the multi-stakeholder meeting take place?", "and the pledge, when was it made?",
                     "what did ACE do the month after?")
    assert "2021 Action Pledge" in _top(turns[2]) and turns[2][0].hits[0].date == "2021-05-12"
    assert turns[3][0].hits[0].date == "2021-06-15"



def test_a_question_about_what_no_document_names_stays_declined_in_a_conversation(ngo_index, embedder):
    # read against the cocoa meeting in focus, the CLCCG entry would "answer" who the treasurer is
    _, turns = _talk(ngo_index, embedder, "Who is ACE's managing director?",
                     "when did she go to the cocoa industry meeting?", "Who is ACE's treasurer?")
    answer, resolved = turns[2]
    assert not answer.found and resolved.notes == ()


def test_who_else_got_them_is_answered_by_the_passage_that_names_the_recipients(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "when did we hand over the 70k signatures?", "who else got them")
    assert "Ministry of Economy" in _top(turns[1])  # the answer names both; not left out as already shown
    _, turns = _talk(ngo_index, embedder, "Did ACE ever hand over signatures to the government?",
                     "besides the cabinet secretary, which ministry got them?")
    assert "Ministry of Economy" in _top(turns[1])


def test_a_name_left_out_ends_at_a_spaced_dash_and_the_kind_asked_may_take_an_adverb(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "who received our child labour signatures in 2021?",
                     "apart from the Chief Cabinet Secretary -- what ministry precisely?")
    assert "Ministry of Economy" in _top(turns[1])  # the passage names a ministry besides the secretary


def test_a_clause_about_the_answer_counts_from_the_answer(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "when did we give the government those 70k signatures?",
                     "what did we do next, after we delivered the signatures?")
    assert turns[1][0].hits[0].date == "2021-06-30"  # the open letter, the entry after the signatures
    assert "after we delivered the signatures" in " ".join(turns[1][1].notes)
    _, turns = _talk(ngo_index, embedder, "when did we give the government those 70k signatures?",
                     "and before they sent them?")
    assert turns[1][0].hits[0].date < "2021-06-15"


def test_earlier_said_of_a_thing_the_question_names_describes_it(ngo_index, embedder):
    # "the earlier base-line study comments" name their own entry, not the earlier of the two shown nor a time
    _, turns = _talk(ngo_index, embedder, "when were our comments on the draft SDGs implementation plan sent?",
                     "and the business and human rights plan comments?",
                     "ok, and what about the earlier base-line study comments, when were they?")
    assert turns[2][0].hits[0].date == "2019-02-19"
    _, turns = _talk(ngo_index, embedder, "when were our comments on the draft SDGs implementation plan sent?",
                     "and the business and human rights plan comments?", "was the earlier one in January?")
    assert turns[2][0].hits[0].date == "2020-01-23"  # of the two shown, the earlier


def test_a_word_written_closed_finds_the_passage_that_hyphenates_it(ngo_index, embedder):
    # the record writes "base-line study"; the question "baseline study"
    _, turns = _talk(ngo_index, embedder, "When did ACE comment on the draft National Action Plan on Business and Human Rights?",
                     "did they also send comments on the baseline study that came before it?")
    assert turns[1][0].hits[0].date == "2019-02-19"
    assert ngo_index.compounds["baseline"] == ("base-line",)


def test_the_preceding_entry_is_the_one_before_in_time_unless_the_page_is_meant(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "when was the open letter to the G7 trade ministers signed?",
                     "and the prior entry?", "ok. the subsequent item?")
    assert turns[1][0].hits[0].date == "2021-06-15" and turns[2][0].hits[0].date == "2021-06-30"
    _, turns = _talk(ngo_index, embedder, "when was the open letter to the G7 trade ministers signed?",
                     "and the previous item, the one above it on the page?")
    assert "previous item" not in " ".join(turns[1][1].notes)  # above it: the page's order, no time counted


def test_the_ordinal_asked_is_the_last_one_said(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "What happened at the Hotel New Ohtani in April 2019?",
                     "ok so that was the second dialogue. and the first one, when was it?")
    assert turns[1][0].hits[0].date == "2019-02-27"  # not the second, said first as a remark


def test_the_nth_keeps_its_passage_when_the_question_names_what_it_holds(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "How many countries were represented at the SDG 8.7 Dialogues?",
                     "the 3rd was held for which G20 meeting?")
    assert turns[1][0].hits[0].date == "2019-09-02"  # "G20" is the third's own word, not a new subject


def test_whether_something_was_done_before_that_asks_of_any_time_before(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "When did ACE show The Price of Free in the Diet?",
                     "Had they worked with Kailash Satyarthi before that?")
    assert turns[1][0].hits[0].date == "2016-05-13"  # not the event just before the film
    assert turns[1][1].notes == ("before that → until 13 November 2019",)


def test_the_end_of_that_year_is_its_last_months_and_the_note_says_it_in_the_persons_words(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "what did ACE do in June 2018?", "end of that year?")
    assert turns[1][1].notes == ("end of that year → October – December 2018",)
    assert turns[1][0].hits[0].date == "2018-12-03"
    _, turns = _talk(ngo_index, embedder, "what did ACE do in June 2018?", "and late that year?")
    assert turns[1][1].notes == ("late that year → September – December 2018",)


def test_and_another_year_asks_again_of_the_thing_the_last_question_pointed_at(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Tell me about the Sustainable Brands conference in Tokyo",
                     "anyone from ACE speak there?", "what about 2020")
    assert "2020 conference" in _top(turns[2])  # the conference's 2020 session, not the C20's of November 2020



def test_the_kind_asked_is_the_noun_before_its_verb_in_the_present_too():
    from qa.deciding import asked_kind
    from qa.languages import table

    words = table("en")
    assert asked_kind("wait which network actually collects those signatures", words) == "network"  # not "signatures"
    assert asked_kind("which group holds the secretariat?", words) == "group"
    assert asked_kind("which network members attended?", words) == "members"


def test_in_the_first_place_is_an_idiom_not_the_first_of_a_series(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "When was the second SDG 8.7 Dialogue?",
                     "why were those dialogues held in the first place?")
    assert not any("first" in n for n in turns[1][1].notes)  # no "the first → SDG 8.7 Dialogue, first"



def test_a_terse_follow_up_asking_an_act_asks_it_of_the_focus(ngo_index, embedder):
    # "Founded" is an act asked of the focus, capitalised or not, not a subject of its own
    _, turns = _talk(ngo_index, embedder, "For which Japanese network does ACE act as Secretariat?", "Founded when?")
    answer, resolved = turns[1]
    assert answer.found and resolved.notes  # about the network, and saying so
    assert answer.hits[0].text.startswith("The Stop Child Labour Network") and answer.hits[0].date == "2004"
    # a question that names a subject of its own is still a new topic when nothing answers it
    _, turns = _talk(ngo_index, embedder, "For which Japanese network does ACE act as Secretariat?",
                     "Who is ACE's treasurer?")
    assert not turns[1][0].found and not turns[1][1].notes


def test_the_thing_before_that_one_is_of_a_time_not_an_item_of_the_list(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder,
                     "When did ACE submit public comments on the draft National Action Plan on Business and Human Rights?",
                     "And the comments it filed roughly two months earlier — which draft did those concern?",
                     "What was the submission immediately before that one?")
    assert turns[1][0].hits[0].date == "2020-01-23"
    assert turns[2][0].hits[0].date == "2019-12-21"  # not the January comments just shown
    # a time of its own narrows the one before: the latest before the answer, in December 2019
    _, turns = _talk(ngo_index, embedder, "What did ACE comment on in March 2020?",
                     "And the submission immediately before that one, in January?",
                     "The one before that, in December 2019 - which document, please?")
    assert turns[2][0].found and turns[2][0].hits[0].date == "2019-12-21"


def test_the_subsequent_year_is_the_next_one(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Who from ACE presented at the Sustainable Brands conference in 2019?",
                     "In the subsequent year, did she present there again?")
    assert turns[1][1].when.start == "2020" and "2020 conference" in _top(turns[1])


def test_what_else_leaves_out_every_answer_the_conversation_gave(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder,
                     "When did ACE run that seminar telling MPs child labour exists right here in Japan?",
                     "and the statement about the 15 year old kid who died, when was that",
                     "What else did they get up to that year?")
    told = {turns[0][0].hits[0].number, turns[1][0].hits[0].number}
    assert len(told) == 2 and turns[2][0].hits[0].number not in told
    assert turns[2][0].hits[0].date.startswith("2018")


def test_chat_shorthand_reads_as_the_words_it_stands_for():
    from qa.languages import table

    words = table("en")
    assert words.mend("n 2020?") == "and 2020?"
    assert words.mend("wats the report called, pls") == "what's the report called, please"
    assert words.mend("and the one b4 that?") == "and the one before that?"
    assert words.mend("Nice") == "Nice"  # whole words only, as typed


def test_any_other_of_a_kind_leaves_out_the_one_shown(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "is ace on the board of anything", "any other board?")
    first, other = turns[0][0].hits[0], turns[1][0].hits[0]
    assert "Board Member" in first.text and "Board Member" in other.text and other.number != first.number


def test_a_time_before_a_clause_counts_from_what_the_clause_tells(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "To whom did ACE deliver the 70,000-plus signatures in June 2021?",
                     "What instrument did ACE sign about two weeks later, and addressed to whom?",
                     "And a month before the signatures went in — was there a formal pledge?")
    assert turns[2][0].hits[0].date == "2021-05-12"  # the pledge, a month before the signatures of June 15
    assert turns[2][1].notes == ("a month before the signatures went in → around 16 May 2021",)


def test_an_item_picked_from_a_series_the_question_names_is_what_it_refers_to_next(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "The SDG 8.7 Dialogues of ACE, the first one was where?",
                     "and it was for which meeting of the G20?")
    assert turns[0][0].hits[0].date == "2019-02-27"
    assert turns[1][0].hits[0].date == "2019-02-27"  # the first dialogue's meeting, not the second's


def test_a_clipped_word_reads_as_the_word_the_record_writes(ngo_index, embedder):
    # "prep" is the record's "Preparatory": the C20 Preparatory Face-to-Face Meeting, not the dialogue between
    _, turns = _talk(ngo_index, embedder, "What did ACE do for the C20 Summit Tokyo in 2019?", "anything before it? prep meeting?")
    assert turns[1][0].hits[0].date == "2019-02-18"


def test_speaking_reads_as_presenting_the_word_the_record_uses(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Which Sustainable Brands conference did ACE go to in 2019?",
                     "Lastly, did Ms Shiroki also speak at the Sustainable Brands conference in Tokyo that same year?")
    assert "presented" in turns[1][0].hits[0].text and turns[1][0].hits[0].date == "2019"


def test_before_that_in_the_same_year_is_the_latest_before_the_answer_within_its_year(ngo_index, embedder):
    # "the same year" alone is all of 2017, the Buenos Aires conference again; beside "before that" it bounds it
    _, turns = _talk(ngo_index, embedder, "When did ACE attend the global child labour conference in Buenos Aires?",
                     "And before that, in the same year?")
    assert turns[1][1].notes == ("before that → 1 January – 13 November 2017",)
    assert "NGO Forum - Alliance 8.7 in London" in _top(turns[1])


def test_the_preceding_submission_is_a_time_whatever_the_kind_named(ngo_index, embedder):
    # "the previous entry" was read as a time; "the preceding submission" was a subject nothing answered
    _, turns = _talk(ngo_index, embedder, "What did ACE comment on in March 2020?", "Preceding submission?")
    assert turns[1][1].when.end is not None and turns[1][1].when.end < "2020-03-18"
    assert turns[1][0].found and turns[1][0].hits[0].date == "2020-01-23"


def test_the_more_recent_period_is_a_time_not_the_later_of_the_passages_shown(ngo_index, embedder):
    # "the more recent" picked the later of those shown (January 2020) over the July 2021 the question names
    _, turns = _talk(ngo_index, embedder, "What did ACE comment on in January and March 2020?",
                     "Turning now to the more recent period, what comments were submitted in July 2021?")
    assert turns[1][0].hits[0].date == "2021-07-07"
    assert not any("more recent" in note for note in turns[1][1].notes)


def test_a_city_named_after_in_is_no_person_she_can_be(ngo_index, embedder):
    # "a student of journalism in São Paulo": two capitalised words, read as a person, became "she"
    _, turns = _talk(ngo_index, embedder, "hello, I am a student in São Paulo. Who from ACE went to the cocoa meeting "
                     "in Cote d'Ivoire in 2019?", "ok the director. did she also speak at Sustainable Brands?")
    assert turns[1][1].notes[0] == "she → Tomoko Shiroki"


def test_words_that_address_the_one_asked_are_not_searched_and_a_slip_is_read_as_the_documents_word(
        ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "hello dear, who is the president of ACE?", "and when was that dear, which month",
                     "thank you dear. a couple days after the summit they had one of their dialogues at a hotel, which hotel?")
    assert "DEAR" not in _top(turns[0]) and "Yuka Iwatsuki" in _top(turns[0])  # not the acronym DEAR
    assert "Hotel New Ohtani" in _top(turns[2])  # after the summit, not after "the summit they had … a hotel"
    _, turns = _talk(ngo_index, embedder, "which japan network is ace secretariat for", "how many membrs")
    assert turns[1][1].notes == ("about → Stop Child Labour Network",)  # a follow-up, as "how many members" is
    en = table("en")  # the name in capitals stays
    assert en.unaddressed("Dear, is ACE on the board of DEAR?") == "is ACE on the board of DEAR?"
    assert en.unaddressed("what did they do there, mate?") == "what did they do there?"


def test_a_month_named_alone_is_the_nearest_one_to_the_answer_unless_a_year_is_in_focus(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "When was ACE at the UN Forum on Business and Human Rights in Geneva?",
                     "what did they comment on the month after?", "and in jan?")
    assert turns[1][1].notes[-1] == "the month after → December 2019"
    assert turns[2][1].notes[-1] == "jan → January 2020" and "Implementation Plan on SDGs" in _top(turns[2])
    _, turns = _talk(ngo_index, embedder, "What did ACE do in 2019?", "and in february?")
    assert turns[1][1].notes[-1] == "february → February 2019"  # of the year asked about


def test_the_kind_of_the_event_in_focus_capitalised_is_still_a_reference(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "which C20 working group was ACE on in 2019?",
                     "the Summit itself - dates + our role?", "prep mtg b4 that?")
    assert turns[1][1].notes  # a follow-up, as "the summit itself" is, not a new topic named "Summit"
    assert "C20 Preparatory Face-to-Face Meeting" in _top(turns[2])


def test_the_kind_of_an_event_in_focus_named_with_the_alone_is_that_event(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Did Tomoko Shiroki speak at the Sustainable Brands conference in Tokyo?",
                     "How does the conference describe itself?")
    assert turns[1][1].notes[0].startswith("the conference → International Conference on Sustainable Brands")
    assert any("largest international event" in h.text for h in turns[1][0].hits[:3])
    _, turns = _talk(ngo_index, embedder, "When did ACE comment on the draft National Action Plan on Business and "
                     "Human Rights?", "And the comments on the draft Implementation Plan on SDGs?")
    assert "Implementation Plan on SDGs" in _top(turns[1])  # it names its own: not the comments in focus
    # "TICAD7" (written apart in the documents) is the Seventh Tokyo International Conference on African
    # Development: a conference the answer shown speaks of, though its short name says no "conference"
    _, turns = _talk(ngo_index, embedder, "What did ACE organise for TICAD7?", "which city hosted the conference?")
    assert turns[0][0].found and "TICAD" in _top(turns[0])
    assert turns[1][1].notes[0].startswith("the conference → Seventh Tokyo International Conference")
    assert "Yokohama" in _top(turns[1])


def test_the_summit_a_turn_before_is_still_the_one_a_time_counts_from_and_a_greeting_names_nothing(
        ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Konnichiwa! When was the C20 Summit Tokyo that ACE helped organize?",
                     "Did the president do something special there?", "Which working group of the C20 was ACE in?",
                     "And two days after the summit, what happened?")
    assert "Konnichiwa" not in " ".join(turns[1][1].notes)  # a greeting, no place "there" could be
    assert "second SDG 8.7 Dialogue" in _top(turns[3])  # after the Tokyo summit of two turns before (April 2019)
    assert turns[3][1].notes[-1] == "two days after the summit → around 23 April 2019"


def test_a_month_word_after_a_capitalised_word_is_part_of_a_name(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "When was ACE at the UN Forum on Business and Human Rights in Geneva?",
                     "oh and the Global March, is ACE just a partner there or more than that?")
    assert not any("March 20" in n for n in turns[1][1].notes)  # no month: "the Global March" is an organisation
    assert "Global March Against Child Labour" in _top(turns[1])
    assert [m.group(0) for m in table("en").month.finditer("In March, and in may?")] == ["March", "may"]


def test_n_units_before_or_after_is_the_event_nearest_that_time(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "When was ACE at the UN Forum on Business and Human Rights in Geneva?",
                     "Roughly one year before that - where were they?")
    assert "Freedom from Slavery Forum in Bangkok" in _top(turns[1])  # December 2018, not May 2019 (half the way)
    _, turns = _talk(ngo_index, embedder, "When did ACE take part in the High Level Political Forum in New York?",
                     "and a year later?")
    assert turns[1][0].hits[0].date.startswith("2020")  # the nearest to July 2020, not the first after January


def test_what_came_of_an_event_told_in_its_own_entry_is_not_left_out_after_it(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Where was the third SDG 8.7 Dialogue held?",
                     "Was anything included in the declaration after that meeting?")
    assert "Matsuyama" in _top(turns[0])
    assert any("Ministerial Declaration" in h.text for h in turns[1][0].hits[:5])  # its entry's ★ line tells it


def test_an_entry_that_says_all_a_question_asks_after_its_first_line_answers_after_that(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Where was the third SDG 8.7 Dialogue held?",
                     "did anything get into the declaration after it")
    assert "Ministerial Declaration" in _top(turns[1])  # the entry's ★ line, first: not another event after it


def test_a_story_that_says_all_a_question_asks_after_its_own_date_answers_after_that(write_corpus, tmp_path, embedder):
    index = _indexed(write_corpus, tmp_path, embedder, {"Nora_Ephron.txt": (
        "Nora Ephron\n\n"
        "Nora Ephron ( May 19 , 1941 – June 26 , 2012 ) was an American journalist , writer , and filmmaker .\n\n"
        "After graduating from Wellesley College in 1962 , Ephron worked briefly as an intern in the White House of "
        "President John F . Kennedy .\n\n"
        "In 1966 Ephron accepted a job at the New York Post , where she was a reporter for five years .\n\n"
        "In 1976 she married journalist Carl Bernstein .\n\n"
        "In 1983 she wrote the screenplay for Silkwood with Alice Arlen .\n\n"
        + "".join(f"In {y} Ephron wrote and directed a film of her own , her {n} as a director .\n\n"
                  for n, y in zip(("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"),
                                  range(1992, 2008, 2), strict=True)))})
    _, turns = _talk(index, embedder, "From which college did Nora Ephron graduate?",
                     "After that she was an intern in the White House, is it right?")
    assert "Wellesley" in _top(turns[0])
    assert "intern in the White House" in _top(turns[1])  # what the answer says after 1962, not the next dated


def test_a_time_relative_to_the_answer_with_a_passage_of_that_time_first_is_answered(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "When and where was the Alliance 8.7 NGO Forum?",
                     "what did we attend two months after that one?")
    answer, resolved = turns[1]
    assert "Fourth Global Conference" in _top(turns[1]) and answer.found  # of the time asked: not "no passage"


def test_a_week_later_than_an_answer_dated_by_its_year_stays_in_that_year(write_corpus, tmp_path, embedder):
    index = _indexed(write_corpus, tmp_path, embedder, {"Pierre_Gasly.txt": (
        "Pierre Gasly\n\n"
        "Pierre Gasly ( born 7 February 1996 ) is a French racing driver .\n\n"
        "Gasly made his Formula One debut in 2017 with Toro Rosso at the Malaysian Grand Prix .\n\n"
        "Gasly became a full-time Toro Rosso driver for the 2018 season . In the Bahrain Grand Prix he finished fourth , "
        "his first points . A week later in China , he crashed into his teammate .\n\n"
        "In 2019 Gasly was promoted to Red Bull Racing , and later that year he was moved back to Toro Rosso .\n\n"
        "At the 2020 Italian Grand Prix Gasly took his first win in Formula One .")})
    conversation, turns = _talk(index, embedder, "Where did Pierre Gasly score his first points?", "and a week later?")
    assert "Bahrain" in _top(turns[0])
    assert "China" in _top(turns[1])  # the same passage goes on; not the first passage dated 2019
    assert "a week later → 2018" in turns[1][1].notes


def test_weeks_later_without_a_number_counts_on_from_the_answer(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "When did ACE run a seminar in parliament on human rights risks in supply chains?",
                     "Weeks later they were back in the Diet building. For what?")
    assert "Reducing the risks" in _top(turns[0])
    assert "The Price of Free" in _top(turns[1])  # 14 November 2019, not the seminar of 26 October again
    assert any(n.startswith("Weeks later →") for n in turns[1][1].notes)


def test_himself_after_a_name_in_the_same_question_points_to_that_name(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Who was invited to ACE's October 2019 seminar on supply chains?",
                     "Has ACE ever had Satyarthi in the room himself?")
    assert not any(n.startswith("himself") for n in turns[1][1].notes)  # not the official of the seminar
    assert any("Satyarthi" in h.text for h in turns[1][0].hits[:3])


def test_a_word_opening_a_terse_follow_up_is_no_name_and_asks_of_the_focus(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Did ACE attend the annual meeting of the cocoa platform CLCCG?", "Attendees from ACE?")
    answer, resolved = turns[1]
    assert "Akira Kondo" in _top(turns[1]) and answer.found  # "Attendees" asks who "attended": no name, no new topic
    assert any(n.startswith("about →") for n in resolved.notes)


def test_earlier_before_a_noun_asks_for_an_earlier_one_not_a_time_before_it(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Alliance 8.7 supply chains action group: which meeting did ACE attend?",
                     "Earlier NGO forum of the same alliance?")
    assert "Second Global Meeting" in _top(turns[0])
    assert "NGO Forum - Alliance 8.7 in London" in _top(turns[1])  # an earlier one; not what came before the forum


def test_the_first_of_a_series_the_question_does_not_name_is_of_the_article_in_focus(write_corpus, tmp_path, embedder):
    filler = "".join(f"In {y} the federation held its world championships in a new city .\n\n" for y in range(2001, 2009))
    index = _indexed(write_corpus, tmp_path, embedder, {
        "World_Rowing.txt": (
            "World Rowing\n\n"
            "The process to found the federation began in Turin on 25 June 1892 , overseen by Hans Berglund who was to "
            "become the federation's first president .\n\n" + filler +
            "Presidents .\n\n"
            "There have been eight presidents since the establishment of World Rowing :\n\n"
            "Athletes Commission .\n\n"
            "The commission has twelve members elected by the rowers at each world championships , and it speaks for "
            "the athletes on the council , in the anti-doping work of the federation and in the choice of its venues ."),
        "Bank_of_Northland.txt": (
            "Bank of Northland\n\n"
            "The Bank of Northland is the central bank of Northland .\n\n"
            "Presidents .\n\n"
            "The bank's first President , Karl Moe , took office on 1 June 1998 .\n\n"
            "In 2006 Ida Vik became the second President of the bank ."),
    })
    _, turns = _talk(index, embedder, "How many presidents has World Rowing had since its establishment?",
                     "who was the first one when it got started")
    assert "eight presidents" in _top(turns[0])
    assert "Hans Berglund" in _top(turns[1])  # the federation's first president, not the bank's


def test_the_nth_of_a_list_the_question_itself_finds(write_corpus, tmp_path, embedder):
    index = _indexed(write_corpus, tmp_path, embedder, {"Karl_Brenner.txt": (
        "Karl Brenner\n\n"
        "Karl Brenner ( born 3 March 1950 ) is a German politician who served as mayor of Hanover from 1990 to 2002 .\n\n"
        "Brenner joined the Social Democratic Party in 1968 and was elected to the city council in 1976 .\n\n"
        "Personal life .\n\n"
        "Brenner has been married four times :\n\n"
        "- Anna Vogt ( married 1972 , divorced 1975 ) ;\n\n"
        "- Eva Lindner ( married 1977 , divorced 1983 ) ;\n\n"
        "- Hilde Marx ( married 1985 , divorced 1996 ) ;\n\n"
        "- Doris Kern ( married 1998 ) .\n\n"
        + "".join(f"In {y} Brenner chaired the council's committee on {c} .\n\n"
                  for y, c in zip(range(1978, 1988), ("roads", "schools", "parks", "water", "housing", "budget",
                                                      "culture", "sport", "trade", "health"), strict=True)))})
    _, turns = _talk(index, embedder, "When did Karl Brenner join the Social Democratic Party?",
                     "He was married four times, yes? Who was the third wife?")
    assert "Hilde Marx" in _top(turns[1])  # the third of the list the question found, not the list's opening
    assert any(n.startswith("the third → Hilde Marx") for n in turns[1][1].notes)


def test_an_ordinal_naming_a_series_is_no_item_of_a_list_found(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Who from ACE went to the Fourth Global Conference in Buenos Aires?")
    assert "Buenos Aires" in _top(turns[0])  # the conference named, not the fourth partner of a list
    assert not any(n.startswith("the Fourth") for n in turns[0][1].notes)


def test_the_year_after_an_answer_that_counts_on_to_it_in_words_is_that_answer(write_corpus, tmp_path, embedder):
    filler = "".join(f"In {y} Mond published a paper on the chemistry of {c} , read to the society in {m} .\n\n"
                     for y, (c, m) in zip(range(1880, 1900), [(c, m) for c in ("sulphur", "nickel", "cobalt", "gas", "soda")
                                                              for m in ("London", "Manchester", "Leeds", "Glasgow")],
                                          strict=True))
    index = _indexed(write_corpus, tmp_path, embedder, {
        "Ludwig_Mond.txt": (
            "Ludwig Mond\n\n"
            "Ludwig Mond ( 7 March 1839 – 11 December 1909 ) was a German-born chemist and industrialist .\n\n"
            "In 1872 Mond got in touch with the Belgian industrialist Ernest Solvay who was developing a better process "
            "to manufacture soda ash . The following year he went into partnership with the industrialist John Brunner "
            "to bring the process to commercial viability .\n\n" + filler),
        "Daniel_Cottier.txt": (
            "Daniel Cottier\n\n"
            "Daniel Cottier ( 1838 – 1891 ) was a Scottish artist and designer .\n\n"
            "In 1873 Cottier made a partnership with John Lyon and opened a branch in Sydney .\n\n"
            "In 1877 Cottier opened a shop in New York ."),
    })
    _, turns = _talk(index, embedder, "When did Ludwig Mond get in touch with Ernest Solvay?",
                     "And in the year after, with whom he made the partnership?")
    assert "Ernest Solvay" in _top(turns[0])
    assert "John Brunner" in _top(turns[1])  # "The following year": 1873 in his own story, not another article's 1873


def test_the_resulting_thing_is_what_came_of_the_one_in_focus(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "The third SDG 8.7 Dialogue: for which ministerial meeting was it organised?",
                     "Was child labour ultimately reflected in the resulting declaration?")
    assert "Matsuyama" in _top(turns[0])
    assert "Matsuyama" in _top(turns[1])  # its entry's ★ line: the Ministerial Declaration, not the Leaders'
    assert any(n.startswith("the resulting declaration →") for n in turns[1][1].notes)


def test_the_one_described_is_a_passage_shown_only_when_it_says_most_of_the_description(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Did ACE do some work about problems of children inside Japan?",
                     "The one about child poverty — what exactly ACE commented on?")
    # no passage shown speaks of poverty (only of children): the one the documents have is found
    assert "Anti-child Poverty" in _top(turns[1])
    assert not any(n.startswith("The one about child poverty →") for n in turns[1][1].notes)


def test_a_city_named_in_two_words_is_no_one_a_pronoun_can_point_at(write_corpus, tmp_path, embedder):
    index = _indexed(write_corpus, tmp_path, embedder, {"William_Keith.txt": (
        "William Keith\n\n"
        "William Keith ( November 18 , 1838 – April 13 , 1911 ) was a Scottish-American painter .\n\n"
        "He emigrated with his mother and sisters to the United States in 1850 .\n\n"
        "He was offered an opportunity in San Francisco and sailed there in May 1859 .\n\n"
        "In 1864 Keith married Elizabeth Emerson , a painter .\n\n"
        "In 1883 Keith married Mary McHenry , a lawyer .")})
    _, turns = _talk(index, embedder, "When did the painter William Keith emigrate to the United States?",
                     "And he went out to San Francisco later — so that was May 1859?", "His wife — who was she?")
    assert "His → William Keith" in turns[2][1].notes  # not "His → San Francisco"


def test_that_one_after_another_thing_the_question_brings_in_points_at_that_thing(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "When was the first SDG 8.7 Dialogue?",
                     "Two months later they organised another dialogue, I believe. Where was that one held?")
    assert "Hotel New Ohtani" in _top(turns[1])  # the second dialogue, two months after the first
    assert not any(n.startswith("that one →") for n in turns[1][1].notes)  # not the first one, just shown


def test_a_remark_before_a_question_that_names_nothing_of_its_own_gives_it_its_subject(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "I'm listing all the public comments we submitted on government laws, plans "
                                          "and guidelines. Which was the earliest one?")
    assert "base-line study" in _top(turns[0])  # the earliest public comment, not the earliest event of all
    _, turns = _talk(ngo_index, embedder, "Hi, I'm new at ACE and going through our advocacy record from the start. "
                                          "What's the earliest event listed?")
    assert "2016" in _top(turns[0])  # a remark on the speaker alone still names nothing


def test_a_correction_saying_not_which_one_leaves_that_one_out_and_a_march_is_no_month(ngo_index, embedder):
    # "not global march": the Global March's entry is the one not meant, and no "March" is a time
    for q in ["where is ACE on the board then - not global march", "ACE is a board member where? not global march, pls"]:
        _, turns = _talk(ngo_index, embedder, "Which network in Japan is ACE the secretariat of?", q)
        answer, resolved = turns[1]
        assert "JANIC" in _top(turns[1]), q
        assert not any("Global March" in h.text for h in answer.hits), q
        assert resolved.notes == ("not global march → left out",), q


def test_a_day_in_a_month_of_every_year_is_no_period_of_the_answer(ngo_index, embedder):
    # "around the World Day against Child Labour (June 12)": a day of each year, not June 2004 (the founding)
    _, turns = _talk(ngo_index, embedder, "What is the Stop Child Labour Network?",
                     "they campaign around a day in june - which one?")
    answer, resolved = turns[1]
    assert answer.found and "June 12" in _top(turns[1])
    assert not any("2004" in n for n in resolved.notes), resolved.notes


def test_a_cry_before_the_question_names_no_subject(ngo_index, embedder):
    # "Tokyo quiz night, team!" greets; the question's subject is the network it asks of
    _, turns = _talk(ngo_index, embedder, "Tokyo quiz night, team! Which network is ACE the secretariat of?",
                     "when was it set up?")
    assert turns[1][1].notes == ("it → Stop Child Labour Network",), turns[1][1].notes
    assert "2004" in _top(turns[1])


def test_that_meeting_after_a_place_the_question_names_is_the_meeting_there(ngo_index, embedder):
    # "were they in Abidjan too? what was that meeting?": the meeting in Abidjan, not the side event in focus
    _, turns = _talk(ngo_index, embedder, "Has ACE worked on child rights in West African farming?",
                     "Which conference was that side event held at?",
                     "Were they in Abidjan as well? What was that meeting about?")
    assert "Abidjan" in _top(turns[2]) and turns[2][0].hits[0].date == "2019-05-14"


def test_the_earlier_one_with_words_of_its_own_is_the_one_they_describe(ngo_index, embedder):
    # of the public comments shown, "the earlier one" is the one on the base-line study the question names
    _, turns = _talk(ngo_index, embedder, "What public comments did ACE submit in 2020?",
                     "Which comments came before those?",
                     "sorry, I meant the earlier one on the base-line study report. When was that?")
    answer, resolved = turns[2]
    assert answer.hits[0].date == "2019-02-19" and "base-line" in _top(turns[2])


def test_the_next_one_after_that_says_the_word_the_question_adds(ngo_index, embedder):
    # "any other event with his foundation after that?": the next entry naming the foundation, not the next entry
    _, turns = _talk(ngo_index, embedder, "When did ACE hold a roundtable with Kailash Satyarthi?",
                     "Was there any other event with his foundation after that?")
    assert "after that → from 14 May 2016" in turns[1][1].notes
    assert "The Price of Free" in _top(turns[1])


def test_another_articles_passage_of_the_period_that_says_none_of_the_words_is_not_the_answer(write_corpus, tmp_path,
                                                                                                embedder):
    # "the Regius chair, the year after?": Ada Brown's chair (whatever its year), not a list line of 1947–1948
    index = _indexed(write_corpus, tmp_path, embedder, {
        "Ada_Brown.txt": "Ada Brown\n\nAda Brown ( 4 February 1947 – 16 November 2019 ) was a Scottish astronomer .\n\n"
                         "Brown went to Hartfield Primary from 1952 to 1958 .\n\n"
                         "The University of Glasgow employed her as a lecturer from 1970 . In 1996 she was given the "
                         "Regius Chair of Astronomy at Glasgow .\n\n"
                         "She was appointed Astronomer Royal for Scotland in February 1995 .\n",
        "Dundee_FC.txt": "Dundee FC\n\nDundee FC is a football club .\n\nManagers\n\n- Bruno Six ( 1947–1948 )\n\n"
                         "- Tom Lane ( 1949–1951 )\n\n- Jim Kerr ( 1952–1958 )\n"})
    _, turns = _talk(index, embedder, "When was the astronomer Ada Brown born?",
                     "And the Regius chair at Glasgow, was that the year after?")
    assert "Regius" in _top(turns[1])


def test_the_one_after_or_before_alone_is_the_next_or_previous_entry(ngo_index, embedder):
    # "and the one after." counts on from the answer, as "and the one after that?" does
    _, turns = _talk(ngo_index, embedder, "When did ACE hand in the 70 thousand signatures?",
                     "What came next after that?", "Right. And the one after.")
    answer, resolved = turns[2]
    assert resolved.notes == ("the one after → from 1 July 2021",), resolved.notes
    assert answer.hits[0].date == "2021-07-07"


def test_the_second_time_is_the_later_of_the_passages_saying_what_happened_twice(write_corpus, tmp_path, embedder):
    # "he won the prize twice … when was the second time?": the later award, and the note names it
    index = _indexed(write_corpus, tmp_path, embedder, {
        "Ann_Lee.txt": "Ann Lee\n\nAnn Lee ( born 1950 ) is a British biochemist .\n\nAwards\n\n"
                       "- 1999 : Nova Prize for Cell Biology\n\n- 2003 : Elected a Fellow of the Royal Society\n\n"
                       "- 2011 : Nova Prize for Cell Biology\n\n- 2015 : Gold Medal of the Biochemical Society\n"})
    _, turns = _talk(index, embedder, "What did the biochemist Ann Lee work on?",
                     "She got the Nova Prize two times, didn't she? When was the second time?")
    answer, resolved = turns[1]
    assert answer.hits[0].date == "2011"
    assert "the second time → 2011 : Nova Prize for Cell Biology" in resolved.notes, resolved.notes


def test_days_after_an_answer_dated_by_its_year_count_from_the_entry_shown_with_its_day(ngo_index, embedder):
    # the network (2004) above the day its petitions were handed in (15 June 2021): "two weeks later" is of that day
    _, turns = _talk(ngo_index, embedder, "Tell me about the Stop Child Labour Network.",
                     "did the petitions get handed over in the end? how many signatures?", "and about two weeks later?")
    answer, resolved = turns[2]
    assert resolved.notes == ("two weeks later → around 29 June 2021",), resolved.notes
    assert answer.hits[0].date == "2021-06-30"


def test_that_thing_described_by_its_own_words_is_noted_as_the_passage_they_describe(ngo_index, embedder):
    # "that letter to the G7 trade ministers" after the International Year: the letter, not the year in focus
    _, turns = _talk(ngo_index, embedder, "Did ACE hold any gathering for the International Year for the Elimination "
                                          "of Child Labour in 2021?",
                     "And that letter to the G7 trade ministers, when did they sign it?")
    answer, resolved = turns[1]
    assert resolved.notes[0] == "that letter → joint open letter to G7 Trade Ministers", resolved.notes
    assert answer.hits[0].date == "2021-06-30"


def test_they_who_act_are_never_a_place_the_last_question_named(write_corpus, tmp_path, embedder):
    # "how long were they married?" after "… went to Africa …": they are people, not Africa
    index = _indexed(write_corpus, tmp_path, embedder, {
        "Ann_Ray.txt": "Ann Ray\n\nAnn Ray ( born 1950 ) is an American model .\n\n"
                       "In 1978 Ray met photographer Tom Bell in New York . In 1979 she traveled to Kenya with him .\n\n"
                       "Ray has been married twice : to Tom Bell ( from 1981 to 1983 ) and to Joe Hart ( from 1990 to "
                       "2000 ) .\n",
        "Kenya.txt": "Kenya\n\nKenya is a country in East Africa .\n\nIn 1963 Kenya became independent .\n"})
    _, turns = _talk(index, embedder, "When did Ann Ray meet Tom Bell?",
                     "that year she went to Africa with him? where did they go?", "how long were they married?")
    assert not any("Africa" in n for n in turns[2][1].notes), turns[2][1].notes


def test_that_contribution_counts_from_the_answer_not_from_another_entry_opening_with_its_verb(ngo_index, embedder):
    # "Contributed to the formulation of …" (August 2021) is the contribution; "Contributed to organizing the C20
    # Preparatory Face-to-Face Meeting" (February 2019) is another; "as I understand it" points at nothing
    _, turns = _talk(ngo_index, embedder, "When did ACE contribute to the National Action Plan on Violence against "
                                          "Children?",
                     "And in the month immediately preceding that contribution, upon what instrument, as I understand "
                     "it, were public comments made?")
    answer, resolved = turns[1]
    assert resolved.notes == ("immediately preceding that contribution → until 23 August 2021",), resolved.notes
    assert answer.hits[0].date == "2021-07-07"


def test_boxes_of_them_picks_nothing_from_the_list_shown(ngo_index, embedder):
    # "weren't there signatures involved? Boxes of them": no "one of them"; the fortnight before the letter
    _, turns = _talk(ngo_index, embedder, "When did ACE put its name to a letter to the G7 trade ministers?",
                     "And a fortnight or so before that — weren't there signatures involved? Boxes of them, I imagine.")
    answer, resolved = turns[1]
    assert not any("list" in n for n in resolved.notes), resolved.notes
    assert answer.hits[0].date == "2021-06-15"


def test_an_open_period_of_a_follow_up_counts_the_years_its_documents_paragraphs_mention(write_corpus, tmp_path,
                                                                                         embedder):
    # "when did it come back after 1974?": the paragraph opening in 1956 that tells of 1981, not the 2011 one
    index = _indexed(write_corpus, tmp_path, embedder, {
        "Harbour_Council.txt": "Harbour Council\n\nThe Harbour Council is a body of the port of Eastby .\n\n"
                               "History\n\nThe council was formed in 1950 by the port's merchants .\n\n"
                               "The council met often in 1956 , and through the period 1967 to 1974 . It then fell "
                               "silent until it was revived in 1981 by the mayor .\n\n"
                               "In 2011 the council met first on 9 February 2011 to discuss the strikes .\n"})
    _, turns = _talk(index, embedder, "When was the Harbour Council formed?", "When did it come back after 1974?")
    assert "revived in 1981" in turns[1][0].hits[0].text


def test_any_other_meeting_leaves_out_the_whole_short_section_of_the_meeting_shown(ngo_index, embedder):
    # the CLCCG section's paragraphs are one meeting: "any other meeting" asks for another, not more of it
    _, turns = _talk(ngo_index, embedder, "Which ACE staff went to the CLCCG meeting in Cote d'Ivoire?",
                     "what did they present there", "Did ACE attend any other meeting that year?")
    answer = turns[2][0]
    assert not any("CLCCG" in (h.heading or "") for h in answer.hits[:5]), [h.heading for h in answer.hits[:5]]
    # "what else did they present there?" may still be the section's other paragraph
    _, turns = _talk(ngo_index, embedder, "Which ACE staff went to the CLCCG meeting in Cote d'Ivoire?",
                     "what else did they do there?")
    assert "CLCCG" in (turns[1][0].hits[0].heading or "")


def test_a_name_with_von_is_a_person_and_that_of_the_questions_own_clause_points_nowhere(write_corpus, tmp_path,
                                                                                        embedder):
    # "who did he marry, and what year was that?": he is Karl von Berg; "that" is the marriage asked about
    index = _indexed(write_corpus, tmp_path, embedder, {
        "Karl_von_Berg.txt": "Karl von Berg\n\nKarl von Berg ( 3 May 1850 – 2 June 1920 ) was a German painter of the "
                             "Tower school .\n\nLife\n\nHe studied in Munich from 1868 to 1872 .\n\n"
                             "In 1880 he married Anna Weiss , a singer from Vienna .\n\n"
                             "He died in Dresden on 2 June 1920 .\n"})
    _, turns = _talk(index, embedder, "When was Karl von Berg born?", "Who did he marry, and what year was that?")
    answer, resolved = turns[1]
    assert resolved.notes == ("he → Karl von Berg",), resolved.notes
    assert answer.hits[0].date == "1880"


def test_a_month_named_with_before_that_is_that_month_before_the_answer(ngo_index, embedder):
    # "before that, in February" after the C20 Summit (April 2019): February 2019, not the last entry before April
    _, turns = _talk(ngo_index, embedder, "When was the C20 Summit Tokyo?",
                     "Before that, in February, was there a preparation meeting?")
    answer, resolved = turns[1]
    assert resolved.notes == ("Before that…February → February 2019",), resolved.notes
    assert answer.hits[0].date == "2019-02-18"


def test_back_to_the_first_of_several_subjects_is_the_earliest_the_conversation_had():
    from qa.conversing import _returned
    from qa.languages import table

    words = table("en")
    history = ("public comments on the Voluntary National Review", "National Action Plan on Violence against Children",
               "public comments on the draft National Action Plan on Business")  # the latest first
    focus = Focus(list(history[:2]), None, None, (), "", "en", history=history)
    first = _returned("Back to the first plan. Two months before it, what did they comment on?", words, focus)
    assert first[0] == history[2] and first[1].startswith("Back to the first plan")
    assert _returned("back to the plan: when was it?", words, focus)[0] == history[1]  # the latest one named so


def test_an_ordinal_offered_as_a_guess_of_the_named_thing_picks_nothing_from_the_list(ngo_index, embedder):
    conversation, turns = _talk(ngo_index, embedder, "My friend Mrs. Tanaka asked me about the TICAD conference in "
                                "Yokohama - did ACE do anything there?", "Which TICAD was it, the fifth? sixth?")
    notes = " ".join(turns[1][1].notes)
    assert "Mrs" not in notes and "TICAD" in notes  # "it" is TICAD; Mrs. Tanaka is a person, never "it"
    assert "the fifth" not in notes  # the list's fifth passage does not say TICAD
    assert any("TICAD" in h.text for h in turns[1][0].hits[:2])


def test_one_more_question_is_no_one_of_the_list_and_an_opening_verb_is_no_name(ngo_index, embedder):
    from qa.conversing import _opens_with_verb
    from qa.languages import table

    conversation = Conversation(focus=_focus(FORUM, period=TimeScope("2019", "2019")), today=TODAY)
    resolved = conversation.resolve(ngo_index, "Thank you. One more — what was the very first thing ACE organised?")
    assert not (isinstance(resolved.when, TimeScope) and resolved.when.start == "2019")  # the first of all, not 2019's
    assert _opens_with_verb("Submitted Svetogorsk", "Submitted Svetogorsk when?", ngo_index)
    assert not _opens_with_verb("Tomoko Shiroki", "Tomoko Shiroki went when?", ngo_index)
    assert table("en").one.search("and the most recent one?") and not table("en").one.search("One more: who went?")


def test_an_office_alone_is_no_one_to_keep_in_focus(ngo_index):
    from qa.conversing import _people
    from qa.languages import table

    words = table("en")
    assert _people("And Deputy Prime Minister, was that later?", ngo_index, words) == []  # an office, no one
    assert _people("Did President Barack Obama meet him?", ngo_index, words) == ["President Barack Obama"]


def test_a_birth_date_the_answer_gives_is_no_date_to_count_from_unless_birth_is_asked():
    from qa.conversing import _anchored
    from qa.languages import table

    words = table("en")
    lead = Hit(Chunk("Sir Michael John Cullen ( born 5 February 1945 ) is a former New Zealand politician . He served "
                     "as Deputy Prime Minister", "Michael Cullen", "a.txt", 1, date="1945-02-05"), 1.0, (0, 10), 30)
    in_focus = ("1999", "1999")
    assert _anchored(lead, "When did he become Finance Minister?", words, None, in_focus) == (None, in_focus)
    assert _anchored(lead, "When was he born?", words, None, in_focus) == (in_focus, ("1945-02-05", "1945-02-05"))
    assert _anchored(lead, "When did he enter politics?", words, None, None) == (None, ("1945-02-05", "1945-02-05"))


def test_another_meeting_and_not_the_named_one_leave_out_what_was_shown(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Who from ACE attended the annual meeting of the CLCCG?",
                     "That same year, was there another meeting in Côte d'Ivoire that ACE attended, on supply chains?")
    assert "Abidjan" in _top(turns[1]) and "CLCCG" not in _top(turns[1])  # another than the CLCCG meeting
    _, turns = _talk(ngo_index, embedder, "where did ACE hold the multi-stakeholder meeting in April 2021?",
                     "what else in june 2021? not the signatures one")
    assert "G7 Trade Ministers" in _top(turns[1])  # the signatures' passage of June 2021 is left out
    assert any("left out" in n for n in turns[1][1].notes)


def test_a_period_the_follow_up_names_keeps_its_passages_first_after_weighing(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "g20 osaka leaders declaration, it have child labour in it?",
                     "same month ACE go to New York, for what?", "and in august 2019?")
    assert turns[2][0].hits[0].date.startswith("2019-08")  # not July's New York forum, which the same question found


def test_the_thing_the_last_question_introduced_is_what_the_definite_noun_points_at(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "I read that ACE organised a seminar in parliament with an official of the "
                     "U.S. Department of Labour. What was its subject?", "What was the official's position, precisely?")
    assert any("official" in n for n in turns[1][1].notes)  # it refers back, and says so
    assert any("Undersecretary" in h.text for h in turns[1][0].hits[:2])
    _, turns = _talk(ngo_index, embedder, "Did all that lobbying get child labour into the G20 leaders' declaration?",
                     "and the labour ministers, same story?")
    assert not any(n.startswith("the labour") for n in turns[1][1].notes)  # "ministers" is new: not the last question's


def test_the_nth_asked_is_missing_though_a_sentence_after_it_names_others_held(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "What were the dates of the Third G20 Employment Working Group Meeting? ACE "
                     "seems to have done dialogues for the first and second.")
    answer, resolved = turns[0]
    assert not answer.found and resolved.notes[-1].endswith("→ none in the documents")


def test_its_first_president_is_the_first_item_listed_under_a_heading_that_says_it(write_corpus, tmp_path, embedder):
    index = _indexed(write_corpus, tmp_path, embedder, {
        "Harbour_Club.txt": "Harbour Club\n\nThe Harbour Club is a rowing club of Eastby , founded in 1950 .\n\n"
                            "History .\n\nThe club won its first regatta in 1956 and built a boathouse in 1967 .\n\n"
                            "Presidents .\n\n- Anna Berg , from 1950 to 1961\n\n- Carl Dahl , from 1961 to 1980\n\n"
                            "- Eva Falk , since 1980\n"})
    _, turns = _talk(index, embedder, "When was the Harbour Club founded?", "Its first president, and term of office.")
    assert turns[1][0].hits[0].text.startswith("- Anna Berg")
    assert any(n.startswith("Its first → Anna Berg") for n in turns[1][1].notes)
    _, turns = _talk(index, embedder, "When was the Harbour Club founded?", "And its second president?")
    assert turns[1][0].hits[0].text.startswith("- Carl Dahl")


def test_there_is_no_longer_a_place_the_conversation_has_left(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "did ACE go to a big sustainable business conference in tokyo??",
                     "who from ACE spoke there", "oh also she went to some cocoa meeting in africa didnt she? who went "
                     "with her", "what did they talk abt there")
    assert "CLCCG" in _top(turns[3]) and any(n.startswith("there → CLCCG") for n in turns[3][1].notes)


def test_a_person_named_as_an_object_is_not_the_he_of_the_same_question(write_corpus, tmp_path, embedder):
    index = _indexed(write_corpus, tmp_path, embedder, {
        "Ludwig_Mond.txt": "Ludwig Mond\n\nLudwig Mond ( 1839 – 1909 ) was a German-born chemist and industrialist .\n\n"
                           "In 1862 Mond moved to England to work at a soda factory in Widnes .\n\n"
                           "In 1872 Mond got in touch with the Belgian industrialist Ernest Solvay .\n\n"
                           "In 1873 Mond went into partnership with John Brunner , and they founded Brunner Mond .\n\n"
                           "In October 1866 Mond married his cousin Frida Löwenthal in Cologne .\n"})
    _, turns = _talk(index, embedder, "When did Ludwig Mond first come over to England?",
                     "The partnership with Mr. Brunner — what year did that begin? The year after he met the Belgian?")
    assert any(n == "he → Ludwig Mond" for n in turns[1][1].notes)
    conversation = _talk(index, embedder, "When did Ludwig Mond first come over to England?",
                         "The partnership with Mr. Brunner — what year did that begin? The year after he met the "
                         "Belgian?")[0]
    answer, resolved = conversation.ask(index, embedder, "Who did he marry, and when?")
    assert "he → Ludwig Mond" in resolved.notes and "Frida" in answer.hits[0].text  # he is still the one "he" meant


def test_a_pronoun_of_the_other_sex_means_the_other_person_the_question_named(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Tomoko Shiroki is who? what is her role in ACE",
                     "which meeting she attended together with Akira Kondo?", "and him? his job is what",
                     "and her, what did she present there?")
    assert "him → Akira Kondo" in turns[2][1].notes and "her → Tomoko Shiroki" in turns[3][1].notes


def test_that_very_same_year_is_a_time_and_that_begin_no_thing_named_begin():
    from qa.languages import table

    thing = table("en").thing
    assert not thing.search("And that very same year she got some big honour?")
    assert [m.group(0) for m in thing.finditer("what year did that begin?")] == ["that"]
    assert [m.group(0) for m in thing.finditer("that meeting, where was it?")] == ["that meeting", "it"]


def test_a_word_of_another_language_is_no_subject_of_its_own_but_a_known_word_no_passage_uses_is(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "What is the Stop Child Labour Network and when was it started?",
                     "How many members sila?")  # Tagalog "they": no word of the model's, nor of the documents'
    assert "Made up of 17 members" in turns[1][0].hits[0].text and turns[1][1].notes
    _, turns = _talk(ngo_index, embedder, "What is the Stop Child Labour Network and when was it started?",
                     "Who is the network's treasurer?")  # an English word no passage uses: asked, not in them
    assert not turns[1][0].found


def test_else_in_the_month_of_a_named_event_leaves_that_event_out(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Did the G20 leaders put child labour in their declaration?",
                     "what about the labour ministers?", "Same month as the Osaka declaration, where else was ACE?")
    assert "Osaka Leaders" not in turns[2][0].hits[0].text and turns[2][0].hits[0].date.startswith("2019-07")


def test_an_earlier_one_of_a_kind_is_any_before_the_answer_not_the_nearest(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Did ACE hold a screening of The Price of Free?",
                     "what did ACE hold in that same building the month before?",
                     "was there an earlier seminar there about child labour in Japan?")
    assert turns[1][0].hits[0].date == "2019-10-26"
    assert "Child labour exists in Japan" in turns[2][0].hits[0].text  # June 2018, not October 18, 2019


def test_the_one_on_a_subject_is_not_a_shown_passage_lacking_the_name_the_question_gives(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "Date on which ACE submitted public comments on the draft National Action"
                     " Plan on Business and Human Rights?", "Earliest public comment in the record. Date, subject.",
                     "Not that. I meant the other National Action Plan, the one on children. ACE input, date.")
    assert "Violence against Children" in turns[2][0].hits[0].text


def test_a_year_a_when_question_guessed_gives_way_to_the_answers_year(write_corpus,
                                                                                                 tmp_path, embedder):
    index = _indexed(write_corpus, tmp_path, embedder, {"goldblum.txt": (
        "Jeff Goldblum\n\nPersonal life\n\nIn mid-2014, Goldblum became engaged to Emilie Livingston, a gymnast; the"
        " couple married on November 8, 2014. On July 4, 2015, Livingston gave birth to their son.\n\nCareer\n\nIn 2014, Goldblum's jazz band did a weekly show at the"
        " Carlyle Hotel.\n\nIn 1996, he starred in Independence Day.\n")})
    _, turns = _talk(index, embedder, "When did Jeff Goldblum and the gymnast Emilie Livingston get married? I"
                     " have 2015 in my head",
                     "what else was he up to that year? work-wise I mean, not the wedding")
    assert turns[0][0].hits[0].date.startswith("2014")
    assert "that year → 2014" in turns[1][1].notes  # the answer's year: 2015 was a guess it corrected


def test_that_after_an_article_and_a_noun_grades_or_relates_and_points_at_nothing():
    from qa.conversing import _reference

    words = table("en")
    assert _reference("for how much? seems like a ship that famous would've gone for a lot", words) is None
    assert _reference("was there a report that named them?", words).group(0) == "them"
    assert _reference("what happened at that meeting?", words).group(0) == "that meeting"


def test_not_the_thing_the_last_question_asked_about_is_the_answer_it_got_whatever_its_words(ngo_index, embedder):
    _, turns = _talk(ngo_index, embedder, "When did ACE deliver the signatures to the Chief Cabinet Secretary?",
                     "what else that month, not the delivery?")
    assert "70 thousand signatures" in turns[0][0].hits[0].text  # "Submitted …": no "delivery" in it
    answer, resolved = turns[1]
    assert "not the delivery → left out" in resolved.notes
    assert all("signatures" not in h.text for h in answer.hits[:3]) and answer.hits[0].date.startswith("2021-06")


def test_he_after_one_name_given_an_office_is_that_person_and_a_cup_won_is_no_one(write_corpus, tmp_path, embedder):
    index = _indexed(write_corpus, tmp_path, embedder, {"lega.txt": (
        "Lega Nord Piemont\n\nEarly years\n\nIn 1997 Farassino was replaced as secretary by Domenico Comino.\n\n"
        "In 1999 Comino left the party over disagreements with Umberto Bossi.\n\nCota President of Piedmont\n\n"
        "Cota was forced to resign in early 2014, due to irregularities in the 2010 election.\n"),
        "potter.txt": ("Graham Potter\n\nÖstersund\n\nOn 13 April 2017, Potter's Östersund team won the Svenska Cupen,"
                       " beating Norrköping 4-1 in the final.\n\nBrighton\n\nOn 20 May 2019, Potter was appointed"
                       " head coach of Brighton.\n")})
    _, turns = _talk(index, embedder, "1997 - who replaced Farassino?",
                     "Other topic. Cota, president of Piedmont - when he resign and why?")
    assert "he → Cota" in turns[1][1].notes and "forced to resign" in turns[1][0].hits[0].text
    _, turns = _talk(index, embedder, "Graham Potter's Swedish club won the cup? who did they beat in the final?",
                     "Then Brighton -- when did they officially hire him?")
    assert "him → Graham Potter" in turns[1][1].notes  # not "him → Svenska Cupen", a thing the answer named


def test_she_with_no_one_in_focus_is_the_person_the_answer_just_shown_names(ngo_index, embedder):
    conversation = Conversation()
    conversation.ask(ngo_index, embedder, "what is the sustainable brands conference", 5)
    answer, _ = conversation.ask(ngo_index, embedder, "what session did ace present in", 5)
    assert "Tomoko Shiroki" in answer.hits[0].text  # no one named by the questions, one by the passage
    _, resolved = conversation.ask(ngo_index, embedder, "did she present the year after too", 5)
    assert "she → Tomoko Shiroki" in resolved.notes
    # a passage naming no one ("the First SDG 8.7 Dialogue in the Diet Member's Building") gives "she" no one
    fresh = Conversation()
    fresh.ask(ngo_index, embedder, "When was the first SDG 8.7 Dialogue?", 5)
    _, resolved = fresh.ask(ngo_index, embedder, "who did she meet there?", 5)
    assert not any(n.startswith("she → ") for n in resolved.notes)


def test_a_band_named_in_lower_case_is_no_person_a_later_his_points_at(write_corpus, tmp_path, embedder):
    index = _indexed(write_corpus, tmp_path, embedder, {"bolin.md": (
        "# Tommy Bolin\n\nTommy Bolin was an American guitarist, born in 1951 in Sioux City.\n\n"
        "## Deep Purple\n\nIn 1975 Bolin joined Deep Purple, replacing Ritchie Blackmore, and played on the album Come"
        " Taste the Band, released in October 1975. The purple cover was his idea; deep blue was the other.\n\n"
        "## Solo\n\nIn November 1975 Bolin released his first solo album, Teaser.\n")})
    _, turns = _talk(index, embedder, "tommy bolin guitarist, birth year?", "deep purple album with him - release month",
                    "and his own solo album the month after?")
    notes = turns[2][1].notes
    assert "his → Tommy Bolin" in notes, notes  # "deep", "purple": words the passages write in lower case
