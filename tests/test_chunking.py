import re
from collections import Counter

from conftest import NGO_PAGE

from qa.chunking import MAX_TOKENS, approx_tokens, chunk_document, split_sentences
from qa.dates import leading_date
from qa.dating import date_chunk

PAGE = NGO_PAGE.read_text(encoding="utf-8")


def chunks_of(text, **kw):
    return [date_chunk(c) for c in chunk_document(text, "corpus/x.txt", **kw)]


def words(text):
    return re.findall(r"\w+", text)


def test_every_timeline_entry_of_the_page_is_one_dated_chunk():
    entry_lines = [n for n, line in enumerate(PAGE.splitlines(), 1) if leading_date(" ".join(line.split()))]
    assert len(entry_lines) == 30  # the page lists 30 dated events, May 2016 to August 2021
    by_line = {c.line: c for c in chunks_of(PAGE)}
    for n in entry_lines:
        chunk = by_line[n]
        assert chunk.date == leading_date(chunk.text).start

    def entry(starts: str):  # the chunk of the entry whose line starts so, found by its text, not its line
        line = next(n for n, text in enumerate(PAGE.splitlines(), 1) if text.startswith(starts))
        return by_line[line]

    # continuation lines are joined back on
    signatures = entry("June 15, 2021").text
    assert signatures.endswith("Economy, Trade and Industry to advocate for the elimination of child labour")
    assert entry("April 20-21, 2019").text.endswith("as the Chair of C20 Japan 2019. Read more HERE")
    forum = entry("November 25-27, 2019")
    assert (forum.date, forum.date_end) == ("2019-11-25", "2019-11-27")


def test_no_empty_chunk_and_no_text_lost():
    chunks = chunks_of(PAGE)
    assert all(c.text.strip() for c in chunks)
    seen = Counter()
    for c in chunks:
        seen.update(words(c.text))
    for heading in {c.heading for c in chunks if c.heading}:
        seen.update(words(heading))
    assert Counter(words(PAGE)) - seen == Counter()


def test_headed_sections_keep_their_heading_and_year():
    chunks = chunks_of(PAGE)
    c20 = [c for c in chunks if c.heading == "C20 JAPAN 2019"]
    assert len(c20) >= 2 and all(c.date.startswith("2019") for c in c20)
    assert any(c.date == "2019-04" and "April 2019" in c.text for c in c20)
    clccg = [c for c in chunks if (c.heading or "").startswith("CLCCG 2019, Cote D'Ivoire")]
    assert clccg and "(Coordinating Group for the Elimination" in clccg[0].heading
    assert any(c.heading == "International Conference on Sustainable Brands 2019, Tokyo" for c in chunks)


def test_a_list_under_a_section_line_keeps_its_heading():
    text = ("Activities .\n\nThe campaign ran posters in many cities for years .\n\nPresidents .\n\n"
            "- Robert Biedroń , from 11 September 2001 to 22 February 2009\n\n- , from 22 February 2009 to 2010\n\n"
            "- Agata Chaber , from 26 February 2012 to 2018\n")
    items = [c for c in chunks_of(text) if c.text.startswith("- ")]
    assert [c.heading for c in items] == ["Presidents"] * 3
    assert (items[2].date, items[2].date_end) == ("2012-02-26", "2018")


def test_an_organisation_keeps_its_role_line():
    texts = [c.text for c in chunks_of(PAGE)]
    assert "JANIC (Japan NGO Center for International Cooperation) -ACE as Board Member-" in texts
    assert "Global March Against Child Labour - ACE as Board Member -" in texts
    assert not any(t.startswith("-") for t in texts)


def test_no_chunk_longer_than_the_budget():
    chunks = chunks_of(PAGE, budget=60)
    assert all(approx_tokens(c.context_text()) <= 60 for c in chunks)
    assert all(approx_tokens(c.context_text()) <= MAX_TOKENS for c in chunks_of(PAGE))


def test_a_long_paragraph_is_split_at_sentence_ends():
    para = " ".join(f"Sentence number {i} says something about the U.S. economy." for i in range(30))
    chunks = chunks_of("Report\n\n" + para, budget=50)
    assert len(chunks) > 1
    assert all(c.text.endswith("economy.") for c in chunks)
    assert " ".join(c.text for c in chunks) == para
    assert {c.heading for c in chunks} == {"Report"}


def test_markdown_headings_and_plain_paragraph_lines():
    text = "# Annual report\n\n## Events\n\nWe met the minister\nin March 2020 to talk.\n\n- Signed a letter\n"
    chunks = chunks_of(text, markdown=True)
    assert [c.text for c in chunks] == ["We met the minister in March 2020 to talk.", "- Signed a letter"]
    assert chunks[0].heading == "Annual report › Events"
    assert chunks[0].date == "2020-03"


def test_consecutive_timeline_lines_are_separate_entries():
    chunks = chunks_of("June 15, 2021  Did one thing\nMay 12, 2021   Did another\n")
    assert [(c.text, c.date) for c in chunks] == [
        ("June 15, 2021 Did one thing", "2021-06-15"), ("May 12, 2021 Did another", "2021-05-12")]


def test_empty_and_whitespace_documents_give_no_chunks():
    assert chunks_of("") == []
    assert chunks_of(" \n\u00a0\n\t\n") == []


def test_split_sentences_keeps_quotes_and_abbreviations_whole():
    assert split_sentences('It runs the “STOP! Child Labour Campaign” yearly. It also collects.') == [
        'It runs the “STOP! Child Labour Campaign” yearly.', "It also collects."]
    assert split_sentences("Met Dr. Kim in the U.S. today. Fine.") == ["Met Dr. Kim in the U.S. today.", "Fine."]
    assert split_sentences("emoji 🎉 only") == ["emoji 🎉 only"]
