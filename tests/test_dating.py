import pytest

from qa.chunking import Chunk
from qa.dates import find_dates, leading_date
from qa.dating import date_chunk, primary_date


@pytest.mark.parametrize("text, expected", [
    ("June 15, 2021  Submitted more than 70 thousand signatures", [("2021-06-15", None)]),
    ("November 25-27, 2019 Participated", [("2019-11-25", "2019-11-27")]),
    ("July 9-18, 2019", [("2019-07-09", "2019-07-18")]),
    ("May 14-15, 2019", [("2019-05-14", "2019-05-15")]),
    ("February 18 - March 2, 2019", [("2019-02-18", "2019-03-02")]),
    ("C20 JAPAN 2019", [("2019", None)]),
    ("presented it in April 2019, prior to", [("2019-04", None)]),
    ("(January, 2018)", [("2018-01", None)]),
    ("on 15 June 2021", [("2021-06-15", None)]),
    ("from 2004 to 2005", [("2004", "2005")]),
    ("between 2018 and 2019", [("2018", "2019")]),
    ("the 2004–05 season", [("2004", "2005")]),
    ("2021-06-15 and 2019-04", [("2021-06-15", None), ("2019-04", None)]),
    ("the 1990s", [("1990", "1999")]),
    # numbers that are not years
    ("SDG 8.7, C20, G20, 70 thousand, 1,000 people, 12 countries", []),
    ("Global March Against Child Labour", []),
    ("may 2019", [("2019", None)]),  # "may" in lower case is not the month
    ("31 February 2020", [("2020-02", None)]),  # no such day: the month stands
    ("On September 22 , 2017 , he left", [("2017-09-22", None)]),  # a comma set off by spaces, as TimeQA writes
    ("", []),
    # two dates with "to" or a dash between them are one range when the second is later
    ("- Agata Chaber , from 26 February 2012 to 2018", [("2012-02-26", "2018")]),
    ("Generalfeldmarschall Erhard Milch , 12 April 1940 – 9 May 1940", [("1940-04-12", "1940-05-09")]),
    ("She served from May 2012 to June 2018", [("2012-05", "2018-06")]),
    ("in May 2019 and to 2018 after", [("2019-05", None), ("2018", None)]),  # no range: not "to", not later
])
def test_find_dates(text, expected):
    assert [(s.start, s.end) for s in find_dates(text)] == expected


def test_leading_date_needs_a_month_at_the_start():
    assert leading_date("June 15, 2021 Submitted").start == "2021-06-15"
    assert leading_date("2019 was a year") is None
    assert leading_date("In June 2021 we") is None


@pytest.mark.parametrize("text, heading, date, end", [
    ("June 15, 2021 Submitted 70 thousand signatures", None, "2021-06-15", None),
    ("November 25-27, 2019 Participated in the 2019 UN Forum", None, "2019-11-25", "2019-11-27"),
    ("ACE presented the C20 2019 Policy Pack to Abe in April 2019", "C20 JAPAN 2019", "2019-04", None),
    ("Leading up to the summits, ACE organized dialogues", "C20 JAPAN 2019", "2019", None),
    ("Shiroki also presented at the 2020 conference", "Sustainable Brands 2019", "2020", None),
    ("JNATIP (Japan Network Against Trafficking In Persons)", None, None, None),
    ("January 10, 2018 Made a statement (January, 2018)", None, "2018-01-10", None),
])
def test_date_chunk(text, heading, date, end):
    c = date_chunk(Chunk(text, heading, "x.txt", 1))
    assert (c.date, c.date_end) == (date, end)
    if date is None:
        assert c.dates == []


def test_primary_date_without_any_date_is_none():
    assert primary_date([], []) is None


def test_a_day_and_month_alone_take_the_year_of_a_heading_that_is_a_year():
    c = date_chunk(Chunk("- 4 July : Carola , Jan Malmsjö and Eva Eastwood .", "Summer concerts › 2006", "x.txt", 1))
    assert (c.date, c.date_end) == ("2006-07-04", None)
    c = date_chunk(Chunk("On January 20 , it was announced that she will lead the single .", "2018", "x.txt", 1))
    assert c.date == "2018-01-20"  # "January 20 ," is no date with a year: the heading gives it
    assert date_chunk(Chunk("Concerts on 14-16 August and 7月4日。", "2011 season", "x.txt", 1)).dates[:2] == \
        [["2011-08-14", "2011-08-16"], ["2011-07-04", None]]
    # a year in a name, or an open range, is not the year of what the passage tells
    assert date_chunk(Chunk("Qualifying began on 11 October with a win.", "Euro 2008", "x.txt", 1)).date == "2008"
    assert date_chunk(Chunk("On 22 September he left the band.", "2015–present : Hiatus", "x.txt", 1)).date == "2015"
    assert date_chunk(Chunk("- 4 July : Carola", None, "x.txt", 1)).date is None  # no heading, no year


def test_a_heading_year_the_text_contradicts_does_not_date_the_passage():
    """Under "Sustainable Brands 2019", a paragraph about "the 2020 conference" is of 2020: the heading's
    year stays among its mentions but is marked superseded; a heading naming a span, or a year alone,
    still holds it."""
    from qa.dating import superseded

    under = date_chunk(Chunk("She also presented at the 2020 conference.", "Sustainable Brands 2019, Tokyo", "x.txt", 1))
    assert under.date == "2020" and under.dates[-1] == ["2019", None] and superseded(under) == 1
    assert superseded(date_chunk(Chunk("She presented in April 2019.", "Sustainable Brands 2019", "x.txt", 1))) == 0
    assert superseded(date_chunk(Chunk("The line closed in 1950.", "1910s to 1960s", "x.txt", 1))) == 0
    assert superseded(date_chunk(Chunk("A cup exit in 2019.", "Decline ( 2018– )", "x.txt", 1))) == 0
    assert superseded(date_chunk(Chunk("On 4 July 2007 she left.", "2006", "x.txt", 1))) == 0
    assert superseded(date_chunk(Chunk("She presented at a session.", "Sustainable Brands 2019", "x.txt", 1))) == 0
