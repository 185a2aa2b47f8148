import datetime

import pytest

from qa.dates import TimeScope
from qa.querytime import question_time


@pytest.mark.parametrize("question, start, end, order", [
    ("What did ACE do in 2018?", "2018", "2018", None),
    ("What happened in November 2019?", "2019-11", "2019-11", None),
    ("Where did she work from 2004 to 2005?", "2004", "2005", None),
    ("What changed between 2018 and 2019?", "2018", "2019", None),
    ("Which club did he play for in 2004-2005?", "2004", "2005", None),
    ("What happened before 2017?", None, "2016", None),
    ("What did we do after 2020?", "2021", None, None),
    ("What has ACE done since 2019?", "2019", None, None),
    ("Anything until 2018?", None, "2018", None),
    ("What is the latest activity?", None, None, "latest"),
    ("What is the most recent event?", None, None, "latest"),
    ("When did ACE first attend a G20 meeting?", None, None, "earliest"),
    ("What was the earliest event in 2019?", "2019", "2019", "earliest"),
    ("What happened on June 15, 2021?", "2021-06-15", "2021-06-15", None),
    ("Anything in the last four months of 2021, i.e. September to December?", "2021-09", "2021-12", None),
    ("what happened in the first 2 months of 2019?", "2019-01", "2019-02", None),
    ("of all the 2021 ones, which one was last?", "2021", "2021", "latest"),
    ("and of the 2019 ones, which came first?", "2019", "2019", "earliest"),
    ("The 2019 one, not 2020 — what was our role there?", "2019", "2019", None),
    ("what's the last item on the record in 2021?", "2021", "2021", "latest"),
    ("Last 2021 item?", "2021", "2021", "latest"),  # the year between "last" and the kind
    ("first 2019 event?", "2019", "2019", "earliest"),
])
def test_question_times(question, start, end, order):
    assert question_time(question) == TimeScope(start, end, order)


@pytest.mark.parametrize("question", [
    "Who submitted 70 thousand signatures?",
    "What is SDG 8.7?",
    "What did the C20 and G20 do?",
    "When was the first SDG 8.7 Dialogue?",  # "first" names the dialogue, it is no order
    "Which networks is ACE part of?",
    "",
    "asdf qwer ;;; ????",
    "1,000 people and 8.7 percent",
])
def test_questions_without_a_time(question):
    assert question_time(question) is None


def test_scope_overlap_and_words():
    nov = question_time("in November 2019")
    assert nov.overlaps("2019-11-25", "2019-11-27")
    assert nov.overlaps("2019", None)  # a year-dated passage may be about November
    assert not nov.overlaps("2019-12-21", None)
    assert question_time("before 2017").overlaps("2016-05-13", None)
    assert not question_time("before 2017").overlaps("2017-09-12", "2017-09-13")
    assert nov.describe() == "in November 2019"
    assert question_time("what is the latest?").describe() == "latest first"


def test_open_bounds_step_at_their_own_precision():
    assert question_time("after December 2019") == TimeScope("2020-01", None)
    assert question_time("before January 2019") == TimeScope(None, "2018-12")
    assert question_time("after March 1, 2020") == TimeScope("2020-03-02", None)


def test_saigo_ni_asks_for_the_latest_and_is_no_item_of_a_list():
    from qa.languages import table

    assert question_time("新しい村を最後に加えたのはいつですか").order == "latest"
    assert table("ja").ordinal.search("新しい村を最後に加えたのは") is None
    assert table("ja").ordinal.search("最後のはどこの町だったっけ？") is not None


def test_quarters_of_a_year():
    assert question_time("What did ACE do in the first quarter of 2021?") == TimeScope("2021-01", "2021-03")
    assert question_time("anything in Q3 2019?") == TimeScope("2019-07", "2019-09")
    assert question_time("what happened in the last quarter of 2019") == TimeScope("2019-10", "2019-12")
    assert question_time("2021年の第1四半期は何をしましたか") == TimeScope("2021-01", "2021-03")


def test_other_words_for_parts_of_a_year():
    assert question_time("What did ACE do in the final quarter of 2021?") == TimeScope("2021-10", "2021-12")
    assert question_time("anything in the 2nd quarter of 2019?") == TimeScope("2019-04", "2019-06")
    assert question_time("the opening quarter of 2020") == TimeScope("2020-01", "2020-03")
    assert question_time("what did we do in the closing months of 2019") == TimeScope("2019-09", "2019-12")
    assert question_time("the latter half of 2018, please") == TimeScope("2018-07", "2018-12")
    assert question_time("in the first three months of 2019") == TimeScope("2019-01", "2019-03")


def test_halves_bounds_around_a_season_and_a_range_of_months_with_one_year():
    assert question_time("H2 2016 activites?") == TimeScope("2016-07", "2016-12")
    assert question_time("what happened in 2019 H1") == TimeScope("2019-01", "2019-06")
    assert question_time("Anything after the summer of 2021?") == TimeScope("2021-09", None)
    assert question_time("anything since the summer of 2019") == TimeScope("2019-06", None)
    assert question_time("what did we do before spring 2020") == TimeScope(None, "2020-02")
    assert question_time("everything until the end of 2019") == TimeScope(None, "2019-12")
    assert question_time("anything between September and December 2021?") == TimeScope("2021-09", "2021-12")
    assert question_time("from May to June 2019") == TimeScope("2019-05", "2019-06")


def test_a_list_asked_in_date_order_names_no_single_oldest():
    from qa.querytime import listing_order

    assert listing_order("pls list all the public comments ACE submitted, oldest first") == "asc"
    assert question_time("pls list all the public comments ACE submitted, oldest first") is None
    assert listing_order("show them newest first") == "desc" and listing_order("古い順に並べて") == "asc"
    assert question_time("what was the oldest public comment?").order == "earliest"


def test_the_first_or_last_months_of_a_year():
    assert question_time("Anything happen in the first three months of 2021?") == TimeScope("2021-01", "2021-03")
    assert question_time("what about the last 6 months of 2019") == TimeScope("2019-07", "2019-12")


def test_japanese_months_after_a_year_and_a_comma_or_joined_by_to():
    assert question_time("コロナ禍の2020年、5月と6月は何をしてた？") == TimeScope("2020-05", "2020-06")


def test_what_one_was_up_to_in_a_season_is_that_season_not_a_bound():
    assert question_time("what were we up to in spring 2018") == TimeScope("2018-03", "2018-05")
    assert question_time("what did the team get up to over the summer of 2016?") == TimeScope("2016-06", "2016-08")
    assert question_time("anything up to the summer of 2016?") == TimeScope(None, "2016-08")


def test_several_dates_with_before_or_after_on_some_bound_the_others():
    assert question_time("anything before 2016, say in 2014 or 2015?") == TimeScope("2014", "2015")
    assert question_time("what happened in the 2010s before 2016?") == TimeScope("2010", "2015")
    assert question_time("anything after 2019 but before 2021?") == TimeScope("2020", "2020")
    assert question_time("what did we do from March 2019 to June 2019?") == TimeScope("2019-03", "2019-06")
    assert question_time("since 2019 and until 2021?") == TimeScope("2019", "2021")


def test_a_japanese_fiscal_year_runs_from_april_and_its_quarters_with_it():
    assert question_time("2019年度の活動は？") == TimeScope("2019-04", "2020-03")
    assert question_time("2016年度の第3四半期には何をしましたか") == TimeScope("2016-10", "2016-12")
    assert question_time("令和2年度の上半期は？") == TimeScope("2020-04", "2020-09")
    assert question_time("2018年度末に何がありましたか") == TimeScope("2019-03", "2019-03")
    assert question_time("2018年末に何がありましたか") == TimeScope("2018-12", "2018-12")  # the calendar year's end
    assert question_time("2019年の第3四半期") == TimeScope("2019-07", "2019-09")


def test_months_after_their_year_and_things_from_a_period():
    assert question_time("what did we get up to in 2017, jan to august?") == TimeScope("2017-01", "2017-08")
    assert question_time("2020: april-june?") == TimeScope("2020-04", "2020-06")
    assert question_time("any news from autumn 2018?") == TimeScope("2018-09", "2018-11")  # of it
    assert question_time("anything from 2018?") == TimeScope("2018", "2018")
    assert question_time("what have we done from 2019?") == TimeScope("2019", None)  # since it


def test_a_remark_then_a_question_is_asked_of_the_questions_own_time():
    assert question_time("We ran the dialogues in 2019 - did we run any in 2020?") == TimeScope("2020", "2020")
    assert question_time("I joined in 2020. What did ACE do in 2019?") == TimeScope("2019", "2019")
    assert question_time("What did we do in 2019? And in 2020?") == TimeScope("2019", "2020")  # two questions
    assert question_time("In 2019 we ran dialogues. Which one was in Tokyo?") == TimeScope("2019", "2019")
    assert question_time("What happened between 2018 - 2019?") == TimeScope("2018", "2019")
    # the question first, then a remark on what the asker found: the question's own year
    assert question_time("What did ACE present in 2021? I only find 2019 and 2020 info.") == TimeScope("2021", "2021")


def test_a_time_from_today_in_a_remark_before_the_question_is_the_speakers_own():
    import datetime
    today = datetime.date(2026, 12, 7)
    assert question_time("Next year we may travel to Canada. When was the park listed by UNESCO?", today) is None
    assert question_time("What did ACE do last year?", today) == TimeScope("2025", "2025")


def test_a_feast_names_its_month():
    assert question_time("what did they do around Christmas 2019?") == TimeScope("2019-12", "2019-12")
    assert question_time("anything over New Year's 2020?") == TimeScope("2020-01", "2020-01")
    assert question_time("2019年のクリスマスに何をしましたか") == TimeScope("2019-12", "2019-12")


def test_the_last_or_first_item_of_a_named_time_asks_its_latest_or_earliest():
    assert question_time("Final recorded entry for 2021?").order == "latest"
    assert question_time("and the last one in 2019?").order == "latest"
    assert question_time("what was the first dated event of 2018?").order == "earliest"
    assert question_time("the first item you listed for 2019, where was it?").order is None  # an item of a list shown
    assert question_time("which was the first summit we took part in?").order == "earliest"
    assert question_time("who was the first speaker on the panel?") is None  # no clause of theirs: no order


def test_that_christmas_is_the_part_of_the_year_a_follow_up_names():
    from qa.querytime import part_of_year, season_in

    assert season_in("where'd they get sent that christmas?") == "christmas"
    assert part_of_year(1944, season_in("and the same Thanksgiving?")) == TimeScope("1944-11", "1944-11")
    assert season_in("what does ACE do every christmas?") is None


def test_the_first_or_last_of_someones_activities_in_a_year_is_an_order():
    today = datetime.date(2026, 12, 8)
    assert question_time("First ACE activity recorded for 2021?", today) == TimeScope("2021", "2021", "earliest")
    assert question_time("the last of their events in 2019?", today).order is None  # not "last <kind>"
    assert question_time("Last ACE event of 2019?", today) == TimeScope("2019", "2019", "latest")
    assert question_time("our first event in 2018", today).order == "earliest"


def test_the_first_one_of_a_kind_named_before_it_is_the_earliest():
    today = datetime.date(2026, 12, 8)
    assert question_time("Alliance 8.7 events attended by ACE. First one: place and date, please.", today).order \
        == "earliest"
    assert question_time("the first one you listed", today) is None  # a place in a list shown, not a time
