"""Retrieval with the real model over the real NGO page."""

from qa.dating import find_dates
from qa.searching import search


def test_a_year_question_returns_that_years_events_first(ngo_index, embedder):
    answer = search(ngo_index, embedder, "What did ACE do in 2018?", k=5)
    assert answer.time is not None and (answer.time.start, answer.time.end) == ("2018", "2018")
    top3 = answer.hits[:3]
    assert all(h.date.startswith("2018") for h in top3)
    assert {h.line for h in top3} == {156, 158, 160}


def test_names_and_numbers_are_found(ngo_index, embedder):
    for question, needle in [
        ("Is ACE a member of JNATIP?", "JNATIP"),
        ("Who went to the CLCCG meeting?", "Akira Kondo"),
        ("When were 70 thousand signatures submitted?", "70 thousand signatures"),
    ]:
        assert needle in search(ngo_index, embedder, question, k=1).hits[0].text


def test_latest_question_puts_the_newest_event_first(ngo_index, embedder):
    answer = search(ngo_index, embedder, "What is the most recent activity on record?", k=3)
    newest = max(c.date for c in ngo_index.chunks if c.date)
    assert answer.hits[0].date == newest


def test_highlight_marks_the_answering_sentence(ngo_index, embedder):
    answer = search(ngo_index, embedder, "When did the Stop Child Labour Network start?", k=3)
    hit = next(h for h in answer.hits if "established in 2004" in h.text)
    start, end = hit.highlight
    assert 0 <= start < end <= len(hit.text)
    assert "established in 2004" in hit.text[start:end]
    assert hit.text[start:end] != hit.text or len(find_dates(hit.text)) <= 1
    for h in answer.hits:
        assert 0 <= h.highlight[0] < h.highlight[1] <= len(h.text)


def test_without_time_the_year_is_only_a_word(ngo_index, embedder):
    timed = search(ngo_index, embedder, "What did ACE do in 2018?", k=3)
    untimed = search(ngo_index, embedder, "What did ACE do in 2018?", k=3, use_time=False)
    assert untimed.time is None and timed.time is not None
    assert [h.score for h in untimed.hits] == sorted([h.score for h in untimed.hits], reverse=True)
