"""Follow-up questions read from the previous turns, rule by rule, on made-up answers (no index)."""

import datetime

from qa.chunking import Chunk
from qa.conversing import UNSET, Conversation, as_read, describe
from qa.dates import TimeScope
from qa.searching import Hit

TODAY = datetime.date(2026, 11, 27)


def _hit(text, date=None, date_end=None, heading=None):
    return Hit(Chunk(text, heading, "corpus/a.txt", 1, date=date, date_end=date_end), 1.0, (0, len(text)))


def _after(question, *hits, time=None):
    """A conversation whose last turn asked `question` and was answered with `hits`."""
    conversation = Conversation(today=TODAY)
    understood = conversation.understand(question)
    conversation.add(question, understood, time, list(hits))
    return conversation


DIRECTOR = _hit("ACE Managing Director Tomoko Shiroki and Ghana Project Manager Akira Kondo attended the annual"
                " meeting of the CLCCG.", "2019", heading="CLCCG 2019, Cote D'Ivoire")
FORUM = _hit("November 25-27, 2019 Participated in the 2019 UN Forum on Business and Human Rights in Geneva",
             "2019-11-25", "2019-11-27")


def test_a_question_that_names_its_subject_is_taken_as_it_is():
    u = _after("Who is ACE's managing director?", DIRECTOR).understand("When did ACE sign the letter to the G7?")
    assert (u.question, u.when, u.followup, describe(u)) == ("When did ACE sign the letter to the G7?", UNSET, False, "")


def test_she_is_the_person_named_after_a_title_nearest_the_question_words():
    u = _after("Who is ACE's managing director?", DIRECTOR).understand("when did she meet the prime minister?")
    assert as_read(u) == "when did Tomoko Shiroki meet the prime minister?" and u.notes == ("she = Tomoko Shiroki",)
    u = _after("Who is the Ghana project manager?", DIRECTOR).understand("what did he present?")
    assert as_read(u) == "what did Akira Kondo present?"


def test_it_is_the_last_answers_event_and_its_time_is_kept():
    u = _after("Did ACE go to the UN Forum?", FORUM, time=TimeScope("2019", "2019")).understand(
        "which city was it in?")
    assert as_read(u) == "which city was the 2019 UN Forum on Business and Human Rights in Geneva in?"
    assert describe(u).startswith("Understood as: which city was the 2019 UN Forum")


def test_a_time_relative_to_the_last_answer():
    forum = _after("Did ACE go to the UN Forum?", FORUM)
    cases = {
        "what happened two weeks earlier?": TimeScope(None, "2019-11-18", "latest"),
        "and a week later?": TimeScope("2019-12-01", None, "earliest"),
        "what did we do the month before?": TimeScope("2019-10", "2019-10"),
        "and the year after?": TimeScope("2020", "2020"),
        "what else happened that month?": TimeScope("2019-11", "2019-11"),
        "what did we do before that?": TimeScope(None, "2019-11-24", "latest"),
        "and after that?": TimeScope("2019-11-28", None, "earliest"),
        "what did we do earlier that year?": TimeScope("2019", "2019-11-24", "latest"),
    }
    for question, scope in cases.items():
        assert forum.understand(question).when == scope, question


def test_an_elliptical_question_swaps_the_time_the_ordinal_or_the_name():
    in_2018 = _after("What did ACE do in 2018?", _hit("December 3-5, 2018 Participated in a forum", "2018-12-03"),
                     time=TimeScope("2018", "2018"))
    assert as_read(in_2018.understand("and in 2017?")) == "What did ACE do in 2017?"
    assert as_read(in_2018.understand("and the year after?")) == "What did ACE do in 2019?"
    first = _after("When was the first SDG 8.7 Dialogue?", _hit("Organized the First SDG 8.7 Dialogue", "2019-02-27"))
    assert as_read(first.understand("and the second one?")) == "When was the second SDG 8.7 Dialogue?"
    assert as_read(first.understand("where was the third held?")) == "where was the third SDG 8.7 Dialogue held?"
    city = _after("Which conference did ACE attend in Buenos Aires?", _hit("A conference in Buenos Aires", "2017"))
    assert as_read(city.understand("what about London?")) == "Which conference did ACE attend in London?"


def test_today_counts_for_last_year_and_this_year():
    conversation = _after("Who is ACE's managing director?", DIRECTOR)
    assert conversation.understand("What did ACE do last year?").question == "What did ACE do last year?"
    from qa.querytime import question_time

    assert question_time("What did ACE do last year?", TODAY) == TimeScope("2025", "2025")
    assert question_time("What is planned this month?", TODAY) == TimeScope("2026-11", "2026-11")


def test_that_thing_points_back_to_the_turn_that_named_it():
    conversation = Conversation(today=TODAY)
    letter = _hit("June 30, 2021 Signed a joint open letter to G7 Trade Ministers", "2021-06-30")
    review = _hit("July 7, 2021 Submitted the public comments on the Voluntary National Review", "2021-07-07")
    for question, hit in (("When did we sign the open letter?", letter), ("what did we do a week later?", review)):
        conversation.add(question, conversation.understand(question), None, [hit])
    assert conversation.understand("and before that letter?").when == TimeScope(None, "2021-06-29", "latest")
    assert conversation.understand("and before that?").when == TimeScope(None, "2021-07-06", "latest")


def test_a_new_conversation_forgets():
    conversation = _after("Who is ACE's managing director?", DIRECTOR)
    conversation.clear()
    assert conversation.understand("when did she meet the prime minister?").followup is False


def test_a_question_of_its_own_about_another_time_is_not_filled_from_the_last():
    forum = _after("Did ACE go to the UN Forum?", FORUM)
    u = forum.understand("and what came next?")
    assert (as_read(u), u.when) == ("and what came on or after 28 November 2019?", TimeScope("2019-11-28", None, "earliest"))


def test_a_bare_question_word_asks_it_of_the_last_subject():
    forum = _after("Did ACE go to the UN Forum?", FORUM)
    assert as_read(forum.understand("and where?")) == \
        "where was the 2019 UN Forum on Business and Human Rights in Geneva?"
    in_2019 = _after("What did ACE do in 2019?", FORUM, time=TimeScope("2019", "2019"))
    u = in_2019.understand("what about the year before that?")
    assert (as_read(u), u.when) == ("What did ACE do in 2018?", TimeScope("2018", "2018"))


def test_she_in_a_biography_is_the_person_asked_about_before_and_the_period_asked_counts():
    conversation = Conversation(today=TODAY)
    bio = Hit(Chunk("Hossenfelder worked at the Perimeter Institute from 2006 to 2009.", None, "corpus/s.txt", 1,
                    date="2006", date_end="2009", title="Sabine Hossenfelder"), 1.0, (0, 10))
    for question in ("Where did Sabine Hossenfelder work from 2004 to 2005?", "and from 2006 to 2009?"):
        u = conversation.understand(question)
        conversation.add(question, u, None, [bio])
    assert as_read(conversation.understand("and from 2006 to 2009?")) == \
        "Where did Sabine Hossenfelder work from 2006 to 2009?"
    u = conversation.understand("where did she go after that?")
    assert as_read(u) == "where did Sabine Hossenfelder go on or after 1 January 2010?"
