"""Retrieval with the real model over the real NGO page."""

import numpy as np
import pytest

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
    assert hit.text[start:end] == ("The Stop Child Labour Network is a Japanese network of organizations established in"
                                   " 2004, that share our mission to realise a world without child labour through"
                                   " advocacy and awareness-raising.")
    assert (start, end) != (0, len(hit.text))  # one sentence of several
    for h in answer.hits:
        assert 0 <= h.highlight[0] < h.highlight[1] <= len(h.text)


def test_without_time_the_year_is_only_a_word(ngo_index, embedder):
    from qa.searching import FIRST_FIVE, FIRST_YEAR_BONUS, LAST_YEAR_BONUS, TIME_BONUS

    timed = search(ngo_index, embedder, "What did ACE do in 2018?", k=20)
    untimed = search(ngo_index, embedder, "What did ACE do in 2018?", k=20, use_time=False)
    assert untimed.time is None and timed.time is not None
    untimed_score = {(h.source, h.line): h.score for h in untimed.hits}
    of_2018 = [h for h in timed.hits if h.date and h.date.startswith("2018") and (h.source, h.line) in untimed_score]
    assert of_2018  # a passage of 2018 in both answers ...
    first_five = timed.hits[:FIRST_FIVE]
    for h in of_2018:  # ... loses exactly its time bonus without time (and, among the first five, naming 2018)
        bonus = TIME_BONUS + (FIRST_YEAR_BONUS + LAST_YEAR_BONUS) * (h in first_five)
        assert h.score - untimed_score[(h.source, h.line)] == pytest.approx(bonus, abs=2e-4)
    assert any(h in first_five for h in of_2018)


def test_time_fit_prefers_the_asked_years_then_the_nearest():
    from qa.chunking import Chunk
    from qa.dates import TimeScope
    from qa.searching import TIME_DECAY
    from qa.tables import ChunkTable

    def fit(dates, start, end):
        table = ChunkTable.of([Chunk("t", None, "s", 1, dates=dates)])
        return float(table.time_fit(np.array([0]), TimeScope(start, end), TIME_DECAY)[0])

    assert fit([["2004", "2006"]], "2005", "2005") == 1.0  # a range reaching into the scope
    assert fit([["1990", None], ["2005-03", None]], "2005", "2005") == 1.0  # any mention counts
    assert fit([], "2005", "2005") == 0.0
    assert 0 < fit([["2001", None]], "2005", "2005") < fit([["2004", None]], "2005", "2005") < 1.0
    assert fit([["2019-12", None]], "2020-01", "2020-01") > fit([["2019", None]], "2020-01", "2020-01") > 0.3
    assert fit([["1800", None]], None, "2016") == 1.0  # an open bound
    assert fit([["2017", None]], None, "2016") < 1.0


def test_a_year_only_the_heading_names_counts_less_than_the_passage_s_own(ngo_index, embedder):
    """The heading "Sustainable Brands 2019" stands over a paragraph of "the 2020 conference": asked of
    2019, the paragraph of 2019's sessions comes first (it came second while the heading's year counted
    for both)."""
    a = search(ngo_index, embedder, "Which sessions did Tomoko Shiroki present in at the Sustainable Brands 2019 conference?")
    assert a.hits[0].chunk.date == "2019" and "two of the sessions" in a.hits[0].chunk.text
    assert any(h.chunk.date == "2020" and "2020 conference" in h.chunk.text for h in a.hits[1:])


def test_the_first_five_are_reordered_by_the_years_they_name():
    """A passage that names the year a period opens goes above one whose span merely covers it, only
    among the first five: which five are shown does not change."""
    from qa.chunking import Chunk
    from qa.dates import TimeScope
    from qa.searching import FIRST_YEAR_BONUS, named_years_first
    from qa.tables import ChunkTable

    dates = [[["2003", "2007"]], [["2004", None]], [["2006", None]], [], [["1990", None]], [["2004", None]], []]
    table = ChunkTable.of([Chunk(f"t{n}", None, "s", n + 1, dates=d) for n, d in enumerate(dates)])
    ids = np.array([6, 5, 4, 3, 2, 1, 0])  # the candidates in any order, with their scores
    scores = np.array([0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0])
    order = [0, 1, 2, 3, 4, 5, 6]  # best first
    moved, new = named_years_first(table, ids, scores, order, TimeScope("2004", "2006"))
    # 1 names 2004 (+0.2), 2 names 2006 (+0.1, tied with 0, which stays ahead); 5 names 2004 but is sixth
    assert moved == [1, 0, 2, 3, 4, 5, 6]
    assert new[ids.tolist().index(1)] == pytest.approx(0.95 + FIRST_YEAR_BONUS)
    assert new[ids.tolist().index(5)] == pytest.approx(0.75)
    for scope in (None, TimeScope(None, "2006"), TimeScope("2004", None), TimeScope(None, None, "latest")):
        assert named_years_first(table, ids, scores, order, scope)[0] == order
    single = named_years_first(table, ids, scores, order, TimeScope("2006", "2006"))[0]
    assert single[0] == 2  # one year: naming it counts as opening and closing the period


def test_the_best_document_lifts_its_other_passages(tmp_path, fake_embedder):
    from qa.building import build
    from qa.indexing import load_index

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "cocoa.txt").write_text("Cocoa campaign\n\nThe cocoa campaign began with farmers.\n\n"
                                      "Farmers met the ministry about the campaign.\n")
    (corpus / "other.txt").write_text("Other\n\nFarmers met the ministry about roads.\n")
    build(corpus, tmp_path / "index", fake_embedder)
    index = load_index(tmp_path / "index")
    hits = search(index, fake_embedder, "cocoa campaign farmers ministry", k=3).hits
    assert hits[0].source.endswith("cocoa.txt")
    assert [h.source.endswith("cocoa.txt") for h in hits[:2]] == [True, True]


def test_repeated_passages_are_shown_once(tmp_path, fake_embedder):
    from qa.building import build
    from qa.indexing import load_index

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Album list\n\n- Live ( 1996 )\n\nSome words\n\n- Live ( 1996 )\n\nMore words\n")
    build(corpus, tmp_path / "index", fake_embedder)
    index = load_index(tmp_path / "index")
    assert sum(1 for c in index.chunks if "Live ( 1996 )" in c.text) == 2
    texts = [h.text for h in search(index, fake_embedder, "live 1996", k=5).hits]
    assert texts.count("- Live ( 1996 )") == 1
    assert len(texts) == len(set(texts))


def test_chunk_table_scores_any_mix_of_chunks_as_each_alone():
    # The table gathers each candidate's dates out of one flat array; picking chunks with 0 to 3
    # dates in any order, with repeats, must score each as it scores alone.
    import math
    import random

    import numpy as np

    from qa.chunking import Chunk
    from qa.dates import TimeScope
    from qa.tables import ChunkTable

    rng = random.Random(7)

    def date():
        y = rng.randint(1995, 2022)
        return rng.choice([[str(y), None], [f"{y}-{rng.randint(1, 12):02d}", None], [str(y), str(y + rng.randint(1, 4))]])

    chunks = []
    for n in range(60):
        dates = [date() for _ in range(rng.randint(0, 3))]
        chunks.append(Chunk(f"t{n}", None, f"doc{n % 7}", n, date=dates[0][0] if dates else None,
                            date_end=dates[0][1] if dates else None, dates=dates))
    def years(iso):
        return int(iso[:4]) + (int(iso[5:7]) - 1) / 12 if len(iso) >= 7 else int(iso[:4])

    def fit(chunk, scope):  # the rule, written out per date with the ISO strings
        if not chunk.dates or not scope.bounded:
            return 0.0
        lo = years(scope.start) if scope.start else -math.inf
        hi = years(scope.end) if scope.end else math.inf
        return max(1.0 if scope.overlaps(a, b) else math.exp(-max(0.0, years(a) - hi, lo - years(b or a)))
                   for a, b in chunk.dates)

    table = ChunkTable.of(chunks)
    ids = np.array([rng.randrange(60) for _ in range(200)])
    scopes = [TimeScope("2004", "2006"), TimeScope("2010-03", "2010-03"), TimeScope(None, "2000"),
              TimeScope("2020", None), TimeScope(None, None, "latest")]
    for scope in scopes:
        alone = [ChunkTable.of([chunks[i]]) for i in ids]
        assert table.time_fit(ids, scope, 1.0).tolist() == pytest.approx([fit(chunks[i], scope) for i in ids])
        assert table.starts(ids, scope).tolist() == [bool(t.starts(np.array([0]), scope)[0]) for t in alone]
        shown = [c.date is not None and scope.overlaps(c.date, c.date_end) for c in (chunks[i] for i in ids)]
        assert table.shown_in(ids, scope).tolist() == shown
    fits = table.time_fit(ids, scopes[0], 1.0)
    assert 0 < fits.sum() < len(ids) and (fits[[not chunks[i].dates for i in ids]] == 0).all()


def test_before_a_year_means_shown_before_it_nearest_first(ngo_index, embedder):
    answer = search(ngo_index, embedder, "What happened before 2017?", k=3)
    assert answer.found and [h.date for h in answer.hits[:2]] == ["2016-05-13", "2004"]


def test_a_question_asking_a_sum_or_a_length_needs_a_passage_that_holds_one():
    from qa.chunking import Chunk
    from qa.deciding import typed
    from qa.languages import table

    words = table("en")

    def holds(question: str, text: str) -> float:
        return typed(question, [Chunk(text, None, "a.txt", 1)], words)

    assert holds("What was the budget for the project?", "The project received ¥2 million from the fund.") == 1.0
    assert holds("What was the budget for the project?", "The project began in three villages.") == 0.0
    assert holds("How long did the orchestra stay there?", "It made its home there until moving in 1904.") == 1.0
    assert holds("How long has he been manager?", "He attended the annual meeting.") == 0.0
    assert holds("What did The Price of Free show?", "It showed child labour.") == 1.0  # a title's word asks no sum


def test_a_budget_the_documents_never_give_is_declined_and_a_film_title_is_not(ngo_index, embedder):
    assert not search(ngo_index, embedder, "What was the budget for the SMILE Ghana Community project?", 5).found
    assert search(ngo_index, embedder, "When did we screen the film The Price of Free?", 5).found
    # a period with entries in it does not make its sum recorded: the question asks the sum, not the period
    assert not search(ngo_index, embedder, "How big was our total spending in 2021?", 5).found
    assert not search(ngo_index, embedder, "What were ACE's audited total revenues for fiscal year 2020?", 5).found
    assert search(ngo_index, embedder, "What did we do in 2021?", 5).found


def test_a_funding_amount_and_who_chairs_a_board_the_documents_never_give_are_declined(ngo_index, embedder):
    # "the annual funding amount" asks a sum as "budget" does; "ACE as Board Member" names a role, no one's name
    assert not search(ngo_index, embedder, "What is the annual funding amount for the SMILE Ghana Community project?",
                      5).found
    assert not search(ngo_index, embedder, "Who chairs the board of the Global March Against Child Labour?", 5).found
    assert search(ngo_index, embedder, "Which boards does ACE sit on?", 5).found
    assert search(ngo_index, embedder, "Who presented the C20 Policy Pack to Prime Minister Abe?", 5).found


def test_which_kind_of_thing_a_question_asks_for_must_be_named_by_the_passage(embedder):
    from qa.chunking import Chunk
    from qa.deciding import typed
    from qa.languages import table
    from qa.searching import _word_vectors

    words = table("en")

    def similar(word, candidates):
        vectors = _word_vectors(embedder, [word] + candidates)
        return float((vectors[1:] @ vectors[0]).max())

    def holds(question: str, text: str) -> float:
        return typed(question, [Chunk(text, None, "a.txt", 1)], words, similar)

    third = "September 2, 2019 Organized the third SDG 8.7 Dialogue in Matsuyama for the G20 Labour Ministers' Meeting"
    assert holds("Which hotel hosted the third SDG 8.7 Dialogue?", third) == 0.0
    assert holds("Which hotel hosted the second SDG 8.7 Dialogue?", "Organized the second SDG 8.7 Dialogue at "
                 "Hotel New Ohtani Tokyo") == 1.0
    assert holds("What movie did we screen?", "Organized a film event “The Price of Free”") == 1.0  # close in meaning
    assert holds("In which city was the third dialogue?", third) == 1.0  # a place the question does not give
    assert holds("In what city was the meeting in Cote d'Ivoire held?", "The meeting was held in Cote d'Ivoire.") == 0.0
    assert holds("Which US official did ACE invite?", "inviting the Associate Deputy Undersecretary, Mark Mittelhauser") == 1.0
    assert holds("Which US official did ACE invite?", "inviting an official of the U.S. Department of Labor") == 0.0
    assert holds("What topic did the seminar have?", third) == 1.0  # a property of the focus asks no kind
    nhk = "October 18, 2019 Raised awareness regarding NHK's documentary “The situation of children of foreign workers”"
    assert holds("Which broadcaster made the documentary?", nhk) == 1.0  # a name is a broadcaster's
    assert holds("Which broadcaster made the documentary?", "Raised awareness regarding a documentary") == 0.0
    assert holds("To which authorities did ACE submit the signatures?", "June 15, 2021 Submitted more than 70 "
                 "thousand signatures to the Chief Cabinet Secretary and Ministry of Economy, Trade and Industry") == 1.0
    # "on the Sustained Eradication of Child Labour" is a conference's name, no one's; a role after "the" is someone
    buenos_aires = ("November 14-16, 2017 Participated in the Fourth Global Conference on the Sustained Eradication "
                    "of Child Labour in Buenos Aires")
    assert typed("Who represented ACE at the conference in Buenos Aires?", [Chunk(buenos_aires, None, "a.txt", 1)],
                 words, similar, lambda: {"child", "labour"}) == 0.0  # words the documents write in lower case
    assert holds("Who did ACE invite to the seminar?", "Organized a seminar inviting the Associate Deputy "
                 "Undersecretary of the International Labour Affairs Bureau") == 1.0
    assert holds("Who went to the meeting?", "ACE Managing Director Tomoko Shiroki attended the annual meeting") == 1.0
    # a title before a name is no institution: "Prime Minister Shinzo Abe" is someone; a bureau's name is no one
    abe = "Yuka Iwatsuki presented the Policy Pack 2019 to the Prime Minister Shinzo Abe, as the Chair of C20 Japan"
    assert holds("Who did Yuka Iwatsuki present the C20 Policy Pack to?", abe) == 1.0
    assert holds("What is the name of the official who spoke?", "inviting the Associate Deputy Undersecretary of the "
                 "International Labour Affairs Bureau, U.S. Department of Labor") == 0.0
    # a declaration something is included "in" is no place it was held
    third_in_full = third + ". ★Commitment to the elimination of child labour was included in the Ministerial Declaration"
    assert holds("At which venue in Matsuyama was the third SDG 8.7 Dialogue held?", third_in_full) == 0.0
    assert holds("Where was the third dialogue?", third_in_full) == 1.0  # Matsuyama, which it does not give
    c20 = ("November 26, 2020 Organized a breakout session at the C20 2020 Summit, “Promoting CSO-Business- "
           "Government Collaboration in the International Year for the Elimination of Child Labour”")
    assert holds("In which city was the C20 2020 Summit held?", c20) == 0.0  # a year is no place
    # a count of what the question counts: "70 thousand signatures" are no visits, "17 members" are member groups
    signatures = "June 15, 2021 Submitted more than 70 thousand signatures to the Chief Cabinet Secretary"
    assert holds("How many visits did ACE's website receive in 2021?", signatures) == 0.0
    assert holds("How many signatures did we hand over?", signatures) == 1.0
    assert holds("How many member groups make up the network?", "a network of organizations made up of 17 members") == 1.0
    assert holds("How many attended?", "The dialogues were attended by representatives from 12 countries") == 1.0


def test_handing_something_over_is_what_the_record_calls_submitting(ngo_index, embedder):
    # the entry says "Submitted more than 70 thousand signatures": a question that hands them over is answered
    for q in ("How many signatures did ACE hand over in June 2021, and to whom?",
              "In June 2021, how many signatures did ACE deliver, and to which official?",
              "How many signatures were handed over in June 2021?"):
        answer = search(ngo_index, embedder, q, 5)
        assert answer.found and answer.hits[0].date == "2021-06-15", q


def test_a_country_the_documents_never_name_is_read_as_the_city_they_name_in_it(ngo_index, embedder):
    from qa.places import as_named
    from qa.searching import _used

    def named(text):
        return as_named(text, _used(ngo_index), lambda: ngo_index.places)
    assert named("the UN forum in Switzerland") == "the UN forum in Geneva"
    assert named("the meeting in Ivory Coast") == "the meeting in Abidjan"
    assert named("a conference in France") == "a conference in France"  # no French city in the documents
    assert named("what did they do in Japan?") == "what did they do in Japan?"  # named by the documents themselves
    # the US has a Reading and a Summit; the documents' "reading" and "C20 Summit" are no places
    assert named("an office in Pakistan") == "an office in Pakistan"
    for q in ("When did ACE take part in the UN meeting on companies and human rights in Switzerland?",
              "Were we at the Alliance 8.7 supply chain group's meeting in Ivory Coast?"):
        answer = search(ngo_index, embedder, q, 5)
        assert answer.found and answer.hits[0].date in ("2019-11-25", "2019-05-14"), q
    assert not search(ngo_index, embedder, "Did ACE go to a meeting in Switzerland in 2017?", 5).found  # London, 2017


def test_a_count_of_a_period_that_its_passages_do_not_give_is_declined(ngo_index, embedder):
    # the question names a period and nothing the documents say: only its count could answer it
    assert not search(ngo_index, embedder, "How many visits did ACE's website receive in 2021?", 5).found
    assert search(ngo_index, embedder, "How many signatures did ACE submit in 2021?", 5).found
    assert search(ngo_index, embedder, "How many countries sent representatives to the SDG 8.7 Dialogues in 2019?", 5).found


def test_a_hotel_the_documents_never_name_is_declined_and_one_they_name_is_found(ngo_index, embedder):
    assert not search(ngo_index, embedder, "Which hotel hosted the third SDG 8.7 Dialogue in Matsuyama?", 5).found
    assert search(ngo_index, embedder, "Which hotel hosted the second SDG 8.7 Dialogue?", 5).found


def test_a_question_typed_with_slips_finds_what_it_would_spelled_right(ngo_index, embedder):
    from qa.embedding import model_words
    from qa.keywords import corrected

    answer = search(ngo_index, embedder, "wat did yuka iwatsuki presnt to the prime minster", 3)
    assert answer.hits and "Policy Pack 2019 to the Prime Minister" in answer.hits[0].text
    english = model_words(embedder.name)
    assert corrected("what was the weather like", ngo_index.frequency, lambda: {"w": {"whether": 1}}, english) == \
        "what was the weather like"  # an English word is no slip, though the documents never use it
    assert corrected("the Labro Falls", ngo_index.frequency, lambda: {"l": {"labor": 1}}, english) == "the Labro Falls"


def test_what_was_done_at_an_event_is_an_entry_of_the_record_not_a_network_named_for_it(ngo_index, embedder):
    answer = search(ngo_index, embedder, "What did ACE do at TICAD 7?", 3)
    assert answer.hits[0].date == "2019-08-27" and "side event" in answer.hits[0].text
    assert any("Liaison Group for TICAD" in h.text for h in answer.hits)  # still shown, below it


def test_who_needs_a_persons_name_not_two_capitalised_words_of_a_building():
    from qa.chunking import Chunk
    from qa.deciding import typed
    from qa.languages import table

    def holds(question: str, text: str) -> float:
        return typed(question, [Chunk(text, None, "a.txt", 1)], table("en"))

    assert holds("Who funded the SDG 8.7 Dialogues?", "Organized the First SDG 8.7 Dialogue in the Diet Member's "
                 "Building (parliament)") == 0.0
    assert holds("Who represented ACE at the meeting?", "ACE Managing Director Tomoko Shiroki and Ghana Project "
                 "Manager Akira Kondo attended the annual meeting") == 1.0


def test_a_name_asked_for_is_no_role_and_a_count_is_no_campaigns_name():
    from qa.chunking import Chunk
    from qa.deciding import typed
    from qa.languages import table

    def holds(question: str, text: str) -> float:
        return typed(question, [Chunk(text, None, "a.txt", 1)], table("en"))

    seminar = "Organized a seminar inviting the Associate Deputy Undersecretary of the U.S. Department of Labor"
    assert holds("Who was the guest speaker at the seminar?", seminar) == 1.0  # a role answers "who"
    assert holds("What was the name of the Associate Deputy Undersecretary?", seminar) == 0.0
    assert holds("Which official spoke at the seminar - give me a name.", seminar) == 0.0  # a name asked, as above
    # "who" asked after a clause of the asker's own is still "who"
    statement = "January 10, 2018 Made a statement on the death of a fifteen-year-old Japanese child labourer"
    assert holds("Everyone knows ACE got sued over that 2018 statement - who filed the lawsuit?", statement) == 0.0
    assert holds("Tell me about the seminar. Who spoke?", seminar.replace("the Associate Deputy Undersecretary",
                                                                         "Deputy Undersecretary Mark Mittelhauser")) == 1.0
    film = "Organized a film event in collaboration with the 100 Million Campaign"
    assert holds("How many people came to the film event?", film) == 0.0
    assert holds("How many people came to the film event?", "about 120 people came to the film event") == 1.0


def test_a_follow_ups_relative_time_counts_every_date_a_narrative_passage_mentions_but_an_entry_by_its_own():
    from qa.chunking import Chunk
    from qa.dates import TimeScope
    from qa.searching import time_ranking
    from qa.tables import ChunkTable

    chunks = [
        Chunk("In 1956 the club joined the league. In 1958 it switched affiliates.", None, "a", 1, "1956",
              dates=[["1956", None], ["1958", None]]),
        Chunk("In 1962 the team moved.", None, "a", 2, "1962", dates=[["1962", None]]),
        Chunk("June 15, 2021 Submitted the 2019 report's comments.", None, "a", 3, "2021-06-15",
              dates=[["2021-06-15", None], ["2019", None]]),
    ]
    table, ranked = ChunkTable.of(chunks), np.array([1, 0, 2])
    after = TimeScope("1957-12-31", None, "earliest")
    assert time_ranking(chunks, table, ranked, after) == [1, 2]  # by the date each is shown with
    assert time_ranking(chunks, table, ranked, after, mentioned=True) == [0, 1, 2]  # 1958 comes first
    before = TimeScope(None, "2020-12-31", "latest")  # the entry is of 2021, not of the 2019 it names
    assert 2 not in time_ranking(chunks, table, ranked, before, mentioned=True)


def _holds(question: str, text: str) -> float:
    """`typed` of an English question over one passage of the given text."""
    from qa.chunking import Chunk
    from qa.deciding import typed
    from qa.languages import table

    return typed(question, [Chunk(text, None, "a.txt", 1)], table("en"))


def test_whose_is_answered_by_an_organisation_as_well_as_a_person_and_who_by_a_person_only():
    holds = _holds
    film = ("November 14, 2019 Organized a film event in the Diet Member's Building (parliament) on the 100 Million "
            "Campaign's Global Day of Action conducted by the Kailash Satyarthi Children's Foundation")
    assert holds("whose campaign was that for?", film) == 1.0
    assert holds("Whose documentary did ACE help publicise?", "Raised awareness regarding NHK's documentary "
                 "“The situation of children of foreign workers”") == 1.0
    assert holds("who organized the film event?", "Organized a film event in the Diet Member's Building") == 0.0
    assert holds("who's campain day was that for", film) == 1.0  # "whose", as chat types it
    assert holds("who's the director?", film) == 0.0


def test_who_came_and_whom_it_went_to_are_answered_by_bodies_but_who_represented_us_by_a_person():
    holds = _holds
    dialogues = ("The dialogues were attended by representatives from 12 countries, including Argentina and the U.S., "
                 "and international bodies including the EU, ILO, and OECD")
    assert holds("who came to those dialogues, like which countries?", dialogues) == 1.0
    assert holds("Who actually attended these dialogues, overall?", dialogues) == 1.0
    letter = "June 30, 2021 Signed a joint open letter to G7 Trade Ministers"
    assert holds("who was the letter addressed to", letter) == 1.0
    network = "It also collects signatures nationwide for petitions to the Japanese Government"
    assert holds("who runs that campaign", "the 100 Million Campaign conducted by the Kailash Satyarthi Children's "
                 "Foundation") == 1.0
    assert holds("What is the name of the Associate Deputy Undersecretary who came to the seminar?",
                 "inviting the Associate Deputy Undersecretary of the U.S. Department of Labour") == 0.0
    assert holds("Who's in that network — is it just NGOs?", "Members include Save the Children Japan") == 1.0
    forum = "July 9-18, 2019 Participated in the High Level Political Forum 2019"
    assert holds("Who represented ACE at the High Level Political Forum 2019 in New York?", forum) == 0.0
    assert holds("Who from ACE attended the High Level Political Forum?", forum) == 0.0
    assert holds("Who is ACE's treasurer?", network) == 0.0


def test_who_needs_a_name_not_two_capitalised_words_the_documents_also_write_in_lower_case():
    from qa.chunking import Chunk
    from qa.deciding import typed
    from qa.languages import table

    words, lowercase = table("en"), lambda: frozenset({"child", "labour", "promoting", "collaboration", "session"})
    session = Chunk("Organized a breakout session, “Promoting Collaboration towards ending Child Labour”", None, "a", 1)
    assert typed("Who moderated the breakout session?", [session], words, None, lowercase) == 0.0
    assert typed("Who moderated the breakout session?", [session], words) == 1.0  # without them: "Child Labour" is a name
    speaker = Chunk("The session was moderated by Tomoko Shiroki.", None, "a", 1)
    assert typed("Who moderated the breakout session?", [speaker], words, None, lowercase) == 1.0


def test_an_event_at_a_place_the_documents_never_name_is_declined(ngo_index, embedder):
    assert not search(ngo_index, embedder, "When did we take part in the Freedom from Slavery Forum in Manila?", 5).found
    assert search(ngo_index, embedder, "When did we take part in the Freedom from Slavery Forum in Bangkok?", 5).found
    assert search(ngo_index, embedder, "Who went to the CLCCG meeting in Côte d'Ivoire?", 5).found  # an accent
    assert search(ngo_index, embedder, "What did ACE do in Octber 2019?", 5).found  # a month, however spelt
    # a people's adjective before its noun names no place; the same word ending the question would
    from qa.deciding import unknown_place
    from qa.languages import table
    words = table("en")
    assert not unknown_place("Who from the American government did we invite as a speaker?", ngo_index.frequency, words)
    assert unknown_place("Did we ever meet anyone from Durban?", ngo_index.frequency, words)
    assert unknown_place("Did ACE attend anything in Durban last year?", ngo_index.frequency, words)
    assert search(ngo_index, embedder, "Who from the American government did we bring in as a speaker on "
                                       "supply-chain risks?", 5).found


def test_a_region_or_a_name_spelt_out_is_not_a_place_or_name_the_documents_lack(ngo_index, embedder):
    from qa.deciding import unknown_name, unknown_place
    from qa.languages import table
    words = table("en")
    # "Europe", "West Africa": the record names their cities (London, Abidjan), not the regions
    assert not unknown_place("Was there an NGO forum in Europe that ACE went to?", ngo_index.frequency, words)
    assert not unknown_name("Did ACE attend a meeting in West Africa?", ngo_index.frequency, words)
    assert unknown_place("Was there an NGO forum in Durban that ACE went to?", ngo_index.frequency, words)
    # the record writes "UN Forum": "United Nations" is that name spelt out, "United Kingdom" no such initials
    assert not unknown_name("Did ACE take part in the United Nations forum on business and human rights?",
                            ngo_index.frequency, words)
    assert unknown_name("Did ACE take part in the United Kingdom forum on business and human rights?",
                        ngo_index.frequency, words)
    # ... also when the name goes on ("the United Nations Forum on Business and Human Rights": UN Forum)
    assert not unknown_name("Did ACE take part in the United Nations Forum on Business and Human Rights in Geneva?",
                            ngo_index.frequency, words)
    assert search(ngo_index, embedder, "Was ACE at an NGO forum in Europe in 2017? Which city?", 5).found
    # a people named in the plural is their adjective's: no name the documents lack
    assert not unknown_name("Which countries came to the SDG 8.7 Dialogues, and were the Americans there?",
                            ngo_index.frequency, words)
    assert unknown_name("Which countries came to the SDG 8.7 Dialogues, and were the Avengers there?",
                        ngo_index.frequency, words)


def test_a_day_written_with_its_ordinal_is_matched_as_the_documents_write_it(ngo_index, embedder):
    answer = search(ngo_index, embedder, "hey, what did ACE do on December 21st? any year is fine", 5)
    assert answer.hits[0].date == "2019-12-21"
    assert search(ngo_index, embedder, "what happened on the 21st of December?", 5).hits[0].date == "2019-12-21"


def test_a_count_may_be_of_the_things_counted():
    from qa.deciding import holds_count

    assert holds_count("Tomoko Shiroki presented in two of the sessions on Sustainable Procurement")
    assert holds_count("representatives from 12 countries") and not holds_count("On June 15, 2021 we met")


def test_a_month_holding_only_a_paragraph_dated_by_its_year_is_nothing_dated_in_it(ngo_index, embedder):
    answer = search(ngo_index, embedder, "what advocacy did we do in march 2019", 5)
    assert answer.period and answer.empty_period and not answer.found  # "2019" paragraphs are not dated March 2019
    assert all(h.in_period is False for h in answer.hits)
    answer = search(ngo_index, embedder, "What did ACE do in April 2019?", 5)
    assert answer.found and answer.hits[0].date.startswith("2019-04") and answer.hits[0].in_period is True
    assert all(h.in_period is (bool(h.date) and h.date.startswith("2019-04")) for h in answer.hits)


def test_a_period_that_holds_other_things_but_not_the_kind_asked_is_declined(ngo_index, embedder):
    from qa.showing import reply_line

    answer = search(ngo_index, embedder, "Did we submit any public comments to the government in 2018?", 5)
    assert not answer.found and answer.kind_missing
    assert reply_line(answer) == "Nothing of that kind is dated 2018; the closest passages:"
    assert search(ngo_index, embedder, "Did we submit any public comments in 2020?", 5).found
    assert search(ngo_index, embedder, "Did ACE hold any events in the Diet building during 2019?", 5).found


def test_a_thing_of_another_year_than_the_one_asked_is_not_an_answer(ngo_index, embedder):
    from qa.showing import reply_line

    answer = search(ngo_index, embedder, "What did ACE present at the global child labour conference in Buenos Aires "
                    "in 2018?", 5)  # the Fourth Global Conference, Buenos Aires, was in November 2017
    assert answer.hits[0].date.startswith("2017") and answer.hits[0].in_period is False
    assert not answer.found and reply_line(answer) == "Nothing of that kind is dated 2018; the closest passages:"
    assert search(ngo_index, embedder, "What did ACE do at the global child labour conference in Buenos Aires in "
                  "2017?", 5).found


def test_a_thing_put_in_another_city_than_the_documents_give_is_not_an_answer(ngo_index, embedder):
    assert not search(ngo_index, embedder, "What did ACE present at the High Level Political Forum 2019 in Geneva?",
                      5).found  # it was in New York
    assert search(ngo_index, embedder, "What did ACE do at the High Level Political Forum 2019 in New York?", 5).found
    assert search(ngo_index, embedder, "Which seminar did ACE hold in Tokyo in June 2018?",
                  5).found  # in the Diet Member's Building: a site, which may be in Tokyo


def test_what_came_of_a_meeting_and_which_official_of_a_long_name_need_a_passage_that_tells_it(ngo_index, embedder):
    assert not search(ngo_index, embedder, "What concrete outcomes came out of the multi-stakeholder meeting ACE "
                      "held in April 2021?", 5).found  # the entry tells of the meeting, not what came of it
    assert not search(ngo_index, embedder, "Did the government incorporate our March 2020 comments into the final "
                      "National Action Plan?", 5).found
    assert search(ngo_index, embedder, "What came of the third SDG 8.7 Dialogue?", 5).found  # "was included in …"
    assert not search(ngo_index, embedder, "Which U.S. Department of Labour official spoke at the second SDG 8.7 "
                      "Dialogue at Hotel New Ohtani?", 5).found  # "Ohtani Tokyo" is a hotel's name, no person's


def test_a_property_asked_of_a_thing_is_no_word_its_passage_must_hold(ngo_index, embedder):
    assert search(ngo_index, embedder, "What was the subject of the statement ACE issued in January 2018?", 5).found
    assert not search(ngo_index, embedder, "What was the budget of the statement ACE issued in January 2018?", 5).found


def test_an_article_answers_of_its_subject_in_a_period_by_a_paragraph_that_names_the_years(
        write_corpus, tmp_path, embedder):
    from qa.building import build
    from qa.indexing import load_index

    towns = {f"Town_{n}.txt": f"Town {n}\n\nTown {n} is a market town founded in {1700 + n} on the river "
             f"{chr(65 + n)}lder , known for its {['wool', 'salt', 'glass', 'tea'][n % 4]} trade .\n" for n in range(26)}
    corpus = write_corpus({**towns, "Hana_Ito.txt": (
        "Hana Ito\n\n"
        "Hana Ito ( born 3 May 1961 ) is a Japanese football manager and former player . She was born in Osaka and "
        "played for the Sakai Larks from 1980 to 1989 .\n\n"
        "Ito began her managerial career in 1990 with the Nara Cranes . She moved to the Kobe Herons from 2001 to "
        "2002 , and later managed the national youth side from 2005 to 2008 .\n\n"
        "Ito was awarded a prize for coaching in 2010 .\n"),
        "Kobe_Herons.txt": "Kobe Herons\n\nIn 2001 the Kobe Herons moved to a new stadium by the harbour .\n"})
    build(corpus, tmp_path / "index", embedder)
    index = load_index(tmp_path / "index")
    # the paragraph is dated by its first year (1990) and names 2001; it calls her Ito, not "Japanese Football
    # Manager Hana Ito": it still speaks of her then, so the period holds what is asked
    answer = search(index, embedder, "What team was managed by Japanese Football Manager Hana Ito from 2001 to "
                    "2002?", 5)
    assert answer.found and not answer.kind_missing
    assert any(h.text.startswith("Ito began her managerial career") for h in answer.hits)
    answer = search(index, embedder, "What team was managed by Japanese Football Manager Hana Ito in 1995?", 5)
    assert not answer.found  # nothing names 1995


def test_a_team_is_answered_by_its_name_and_a_person_by_the_word_after_which(embedder):
    from qa.chunking import Chunk
    from qa.deciding import asked_kind, typed
    from qa.languages import table

    words = table("en")
    assert asked_kind("The Alliance of Small Island States had which person chairing it from 1997 to 2002?",
                      words) == "person"
    assert typed("What team was Hana Ito with from 2001 to 2002?",
                 [Chunk("She moved to the Kobe Herons in 2001 .", None, "a.txt", 1)], words) == 1.0
    assert typed("What team was Hana Ito with from 2001 to 2002?",
                 [Chunk("She moved to a new club in 2001 .", None, "a.txt", 1)], words) == 0.0
    assert typed("Which document did they publish?",  # a date is no title
                 [Chunk("June 30, 2021 Signed a joint open letter", None, "a.txt", 1)], words) == 0.0


def test_the_sentence_that_asks_is_weighed_not_the_greeting_around_it(ngo_index, embedder):
    assert search(ngo_index, embedder, "Good morning! Could you help me understand what the Sustainable Brands "
                  "conference is? I saw it in our newsletter.", 5).found
    assert not search(ngo_index, embedder, "What is the name of the Associate Deputy Undersecretary from the U.S. "
                      "Department of Labour who spoke at our supply chain seminar?", 5).found  # "U.S." ends no sentence


def test_which_month_is_not_answered_by_a_passage_dated_only_by_its_year(ngo_index, embedder):
    assert not search(ngo_index, embedder, "In which month of 2019 was the CLCCG annual meeting in Cote d'Ivoire held?",
                      5).found
    assert search(ngo_index, embedder, "In which month of 2019 was the second SDG 8.7 Dialogue held?", 5).found


def test_where_it_was_held_needs_a_place_the_question_does_not_give(ngo_index, embedder):
    assert not search(ngo_index, embedder, "In which venue in Geneva was the 2019 UN Forum on Business and Human "
                      "Rights held?", 5).found  # the passage says Geneva and nothing finer
    assert search(ngo_index, embedder, "Where was the third SDG 8.7 Dialogue held?", 5).found  # in Matsuyama


def test_which_staff_member_needs_a_passage_naming_a_person(ngo_index, embedder):
    assert not search(ngo_index, embedder, "Which ACE staff member spoke at the NGO Forum - Alliance 8.7 in London "
                      "in September 2017?", 5).found  # the entry names no one
    assert search(ngo_index, embedder, "Which ACE staff member presented at the Sustainable Brands conference in "
                  "2019?", 5).found  # Managing Director Tomoko Shiroki


def test_a_question_of_a_time_alone_after_a_remark_is_answered(ngo_index, embedder):
    assert search(ngo_index, embedder, "Hi, I'm new on the programme team. What happened in June 2018?", 5).found
    assert search(ngo_index, embedder, "For the finance report I need to know: what did ACE do in January 2020?",
                  5).found
    assert not search(ngo_index, embedder, "Hi, I'm new here. What happened in March 2017?", 5).found  # nothing then


def test_the_oldest_thing_on_the_record_is_its_first_dated_entry(ngo_index, embedder):
    answer = search(ngo_index, embedder, "Whats the oldest thing on our advocacy record?", 5)
    assert answer.hits[0].date == "2016-05-13"  # not the paragraph that says the network was founded in 2004


def test_a_question_for_the_record_of_a_period_is_answered_by_what_it_holds(ngo_index, embedder):
    answer = search(ngo_index, embedder, "Sorry to bother you, the partner's checklist needs our activities for the "
                    "first half of 2018. What did we do then?", 5)
    assert answer.found and answer.hits[0].in_period  # "checklist", "partner" are the asker's, not the record's
    answer = search(ngo_index, embedder, "Anything after the summer of 2021?", 5)
    assert not answer.found and answer.empty_period  # the record ends in August 2021


def test_a_kind_asked_after_a_clause_and_the_record_asked_as_what_one_was_up_to(ngo_index, embedder):
    answer = search(ngo_index, embedder, "In the pandemic year 2020, did we organise any event in the Diet Members' "
                    "Building?", 5)
    assert not answer.found and answer.kind_missing  # 2020 holds other things, none in that building
    answer = search(ngo_index, embedder, "Hello, could you tell me what the organisation was up to in November 2019?", 5)
    assert answer.found and answer.hits[0].in_period


def test_a_yes_no_question_about_a_named_thing_in_a_period_that_holds_none_of_it_is_declined(ngo_index, embedder):
    answer = search(ngo_index, embedder, "Did ACE attend the UN Forum on Business and Human Rights in Geneva in 2020?", 5)
    assert not answer.found and answer.kind_missing  # the forum ACE attended was in 2019
    assert search(ngo_index, embedder, "Did we attend the Geneva forum in 2019?", 5).found
    assert search(ngo_index, embedder, "Did ACE join the HLPF in 2019?", 5).found  # another name for it


def test_what_was_done_in_a_place_in_a_period_none_of_whose_passages_say_that_place_is_declined(ngo_index, embedder):
    answer = search(ngo_index, embedder, "What was ACE doing in Geneva in 2018?", 5)
    assert not answer.found and answer.kind_missing  # Geneva was 2019; 2018's passages are elsewhere
    assert search(ngo_index, embedder, "What was ACE doing in Geneva in 2019?", 5).found
    assert search(ngo_index, embedder, "What was ACE doing in 2018?", 5).found


def test_a_question_typed_all_in_lower_case_is_weighed_with_the_names_as_the_passages_write_them(ngo_index, embedder):
    assert ngo_index.as_written("did ace go to the high level political forum in new york") == \
        "did ACE go to the High Level Political Forum in New York"
    assert ngo_index.as_written("Did ace go?") == "Did ace go?"  # typed with capitals: as typed
    # the forum ACE went to in 2018 was the Freedom from Slavery Forum; the HLPF was 2019
    for q in ("Did ACE go to the High Level Political Forum in New York in 2018?",
              "did ace go to the high level political forum in new york in 2018"):
        assert not search(ngo_index, embedder, q, 5).found, q
    answer = search(ngo_index, embedder, "did ace go to the high level political forum in new york in 2019", 5)
    assert answer.found and answer.question.startswith("did ace go")  # shown as typed


def test_what_another_said_or_whether_it_was_adopted_needs_a_passage_that_reports_it(ngo_index, ja_index, embedder):
    # the passages record what ACE did (submitted, made, organised), not what others answered
    for q in ("How did the Chief Cabinet Secretary react to the signatures we submitted?",
              "Was our Action Pledge accepted by the government?",
              "What did the ILO say about our seminar on supply chains in October 2019?",
              "Were the public comments we sent on the draft Implementation Plan on SDGs in January 2020 ever "
              "adopted?",  # far from its verb
              "What was agreed at the Fourth Global Conference in Buenos Aires?"):  # an outcome, asked in the passive
        assert not search(ngo_index, embedder, q, 5).found, q
    # many words before the verb, a comma in a name, an adverb, adjectives before "response", a change asked of
    for q in ("Did any of the G7 Trade Ministers formally respond to the joint open letter ACE signed in June 2021?",
              "Did the Ministry of Economy, Trade and Industry formally respond to the 2021 signature petition?",
              "What was the formal written response of the government to the signatures ACE submitted in June 2021?",
              "Did the government actually change the National Action Plan on Business and Human Rights because of "
              "the comments we sent?"):
        assert not search(ngo_index, embedder, q, 5).found, q
    # what came of it, said as a result: a law changed, an award won
    for q in ("Be honest: did that 70,000-signature petition actually get any Japanese law changed?",
              "did the nhk documentary ace talked about win any awards"):
        assert not search(ngo_index, embedder, q, 5).found, q
    assert search(ngo_index, embedder, "Did the third SDG 8.7 Dialogue in Matsuyama lead to anything in the "
                  "ministers' declaration?", 5).found  # "was included in the Ministerial Declaration"
    # the passage says it was included; and a second question after ", and" is not the one asked first
    assert search(ngo_index, embedder, "Was the elimination of child labour included in the G20 Osaka Leaders' "
                  "Declaration?", 5).found
    assert search(ngo_index, embedder, "Which baseline study did we comment on in February 2019, and were our "
                  "comments adopted?", 5).found
    assert not search(ja_index, embedder, "署名を受け取った内閣官房長官の返事は？", 5).found
    assert search(ja_index, embedder, "行動計画に私たちの提言は反映されましたか？", 5).found  # 盛り込まれた


def test_which_x_or_y_asks_for_an_x_and_a_word_only_loosely_related_does_not_name_one(ngo_index, embedder):
    # "hotel or venue": the kind is "hotel"; "room" is no closer than 0.55 to "Building" or "Organized"
    assert not search(ngo_index, embedder, "Which hotel or conference centre in Matsuyama held the third dialogue?", 5).found
    assert not search(ngo_index, embedder, "Which room in the Diet Member's Building was the film screened in?", 5).found
    assert search(ngo_index, embedder, "Which hotel or venue hosted the second SDG 8.7 Dialogue?", 5).found


def test_a_list_of_more_than_five_things_by_name_needs_one_passage_naming_as_many(ngo_index, embedder):
    from types import SimpleNamespace

    from qa.deciding import unlisted
    from qa.languages import words_for
    # the page counts them ("made up of 17 members", "12 countries, including Argentina and the U.S.") but
    # does not name them
    assert not search(ngo_index, embedder, "Please name all 17 member groups of the Stop Child Labour Network.", 5).found
    assert not search(ngo_index, embedder, "What are the 12 countries whose representatives came to the SDG 8.7 "
                      "Dialogues?", 5).found
    assert search(ngo_index, embedder, "Can you list the three SDG 8.7 Dialogues?", 5).found  # three: one a passage
    words = words_for("list")
    seven = SimpleNamespace(text="Winners: Ann Lee, Bo Kim, Cy Young, Di Ross, Ed Hall, Flo Jo and Gus Fring.")
    assert not unlisted("Could you list all seven winners?", [seven], words)
    assert unlisted("Could you list all eight winners?", [seven], words)


def test_the_name_a_day_or_a_response_asked_in_other_words_is_still_what_the_passage_must_give(ngo_index, embedder):
    # "what's the name of" asks a person's name; "the exact dates" a day; "end up responding" what another did
    assert not search(ngo_index, embedder, "What's the full name of the official from the US Department of Labor who "
                      "spoke at the October 2019 seminar?", 5).found
    assert not search(ngo_index, embedder, "What were the exact dates of the CLCCG annual meeting in 2019?", 5).found
    assert not search(ngo_index, embedder, "Did the Chief Cabinet Secretary end up responding to the signatures?", 5).found
    assert search(ngo_index, embedder, "What were the exact dates of the UN Forum on Business and Human Rights we "
                  "joined in Geneva?", 5).found


def test_a_question_in_other_words_than_the_passage_is_still_answered(ngo_index, embedder):
    # "movie" for "film" and "politicians" for the Diet: the first passage says it in other words
    answer = search(ngo_index, embedder, "did they ever show a movie to politicians?", 5)
    assert answer.found and "The Price of Free" in answer.hits[0].text
    assert not search(ngo_index, embedder, "Who is ACE's treasurer?", 5).found
    assert not search(ngo_index, embedder, "How much did the 2021 signature campaign cost ACE in total?", 5).found


def test_a_name_the_documents_never_use_is_declined_and_a_slip_of_theirs_is_not(ngo_index, embedder):
    # "Keidanren", "UNICEF": nothing the record holds is about them, however well the other words match
    assert not search(ngo_index, embedder, "When did the organisation brief Keidanren on child labour in supply chains?", 5).found
    assert not search(ngo_index, embedder, "When did ACE meet UNICEF Japan to discuss the National Action Plan on "
                                           "Violence against Children?", 5).found
    # "Bank" is no month, though two edits from "jan"
    assert not search(ngo_index, embedder, "What role does ACE play in the Asian Development Bank NGO forum?", 5).found
    # a slip of their word, an acronym they spell out, a month however spelt, a people's adjective: still found
    assert search(ngo_index, embedder, "When was the Stop Child Labour Netowrk set up?", 5).found
    assert search(ngo_index, embedder, "Hi, when did ACE participate in the HLPF in New York?", 5).found
    assert search(ngo_index, embedder, "What did we submit in Dec 2019?", 5).found
    assert search(ngo_index, embedder, "When did ACE sit down with the Indian Nobel laureate Kailash Satyarthi?", 5).found


def test_which_meeting_is_answered_by_a_conference_and_the_name_of_a_meeting_is_no_person(ngo_index, embedder):
    assert search(ngo_index, embedder, "Which meeting did ACE attend in Buenos Aires in November 2017?", 5).found
    assert search(ngo_index, embedder, "What was the name of the meeting ACE attended in Abidjan in May 2019?", 5).found
    assert not search(ngo_index, embedder, "Which hotel hosted the third SDG 8.7 Dialogue in Matsuyama?", 5).found


def test_a_word_the_language_table_says_the_documents_write_otherwise_counts_as_said(ngo_index, embedder):
    # "hand … petition" is "submitted … signatures" in the record (the table's variants), not words it lacks
    assert search(ngo_index, embedder, "When did we hand the government that huge pile of petition names in 2021?", 5).found
    assert not search(ngo_index, embedder, "What is ACE's yearly revenue?", 5).found


def test_what_kinds_asks_for_a_description_not_names(ngo_index, embedder):
    # "Made up of 17 members, including NGOs and trade unions": the kinds are said, no member is named
    assert search(ngo_index, embedder, "How many member organisations make up the Stop Child Labour Network, and what "
                                       "kinds?", 5).found
    assert not search(ngo_index, embedder, "Which chocolate companies took part in the CLCCG meeting?", 5).found
    # an aside between the kind and the verb: still a kind to name
    assert not search(ngo_index, embedder, "Which cocoa firms, specifically, took part in the CLCCG meeting?", 5).found


def test_an_office_asked_for_needs_its_holder_named_and_a_place_in_an_earlier_question_still_counts(ngo_index, embedder):
    # "CL-Net hands petition to the State Minister for Foreign Affairs" names the office, not who held it
    assert not search(ngo_index, embedder, "Which State Minister for Foreign Affairs got handed the CL-Net "
                                           "petition?", 5).found
    assert search(ngo_index, embedder, "Which ACE president presented the C20 Policy Pack to Prime Minister Abe?", 5).found
    # two questions: the first one's place is asked too, not only the last one's words
    assert not search(ngo_index, embedder, "Did ACE go to Seoul? What they did there?", 5).found
    assert search(ngo_index, embedder, "Did ACE go to Bangkok? What they did there?", 5).found


def test_a_place_or_person_the_first_passage_lacks_declines_however_well_the_words_match(ngo_index, embedder):
    # the entry says "in Tokyo" and nothing finer: "where exactly in Tokyo" is not answered by it
    assert search(ngo_index, embedder, "Where was the May 2016 roundtable with Kailash Satyarthi held?", 5).found
    assert not search(ngo_index, embedder, "Where exactly in Tokyo was the May 2016 roundtable with Kailash "
                                           "Satyarthi held?", 5).found
    assert not search(ngo_index, embedder, "Who founded the Stop Child Labour Network back in 2004?", 5).found
    assert search(ngo_index, embedder, "How many member organisations are in CL-Net?", 5).found  # a count: not so


def test_the_kind_asked_is_the_head_of_its_phrase_and_a_clause_before_a_question_is_no_question(ngo_index, embedder):
    # "which ACE staff member actually went …": a person; the entry names none
    assert not search(ngo_index, embedder, "Which ACE staff member actually went to Geneva for the 2019 UN Forum on "
                                           "Business and Human Rights?", 5).found
    assert not search(ngo_index, embedder, "Since when has ACE sat on the board of the Global March Against Child "
                                           "Labour?", 5).found
    # "When …, how did he respond?" asks how he responded: the entry does not say
    assert not search(ngo_index, embedder, "When Yuka Iwatsuki handed the C20 Policy Pack to Prime Minister Abe, "
                                           "how did he respond?", 5).found
    assert search(ngo_index, embedder, "Which staff members attended the CLCCG annual meeting in 2019?", 5).found


def test_answerable_questions_a_careful_officer_words_are_found(ngo_index, embedder):
    """An acronym of a name the documents write with a comma ("METI": Ministry of Economy, Trade and
    Industry), "which set of principles" (the kind is "principles"), "which body" (a name answers it),
    "coment" (one edit from the stem of "comments"): each is answered, not declined."""
    for q in ["How many signatures did ACE hand to the Chief Cabinet Secretary and METI in June 2021?",
              "Which set of government principles on child poverty did ACE comment on in December 2019?",
              "Which Alliance 8.7 body met in Abidjan in May 2019?",
              "which SDGs document did ACE coment on in January 2020?"]:
        answer = search(ngo_index, embedder, q, 5)
        assert answer.found, q


def test_asking_whether_someone_was_somewhere_the_passage_does_not_name_them_is_declined(ngo_index, embedder):
    # the Bangkok forum's entry names no one: the documents do not say she went
    assert not search(ngo_index, embedder, "did tomoko shiroki go to the Freedom from Slavery Forum in Bangkok?", 5).found
    assert search(ngo_index, embedder, "did tomoko shiroki go to the CLCCG annual meeting in 2019?", 5).found
    assert search(ngo_index, embedder, "Did ACE go to the Freedom from Slavery Forum in Bangkok?", 5).found


def test_a_person_named_in_full_whom_the_passage_does_not_name_is_not_known_to_have_taken_part(ngo_index, embedder):
    # the cocoa platform's entry names Tomoko Shiroki and Akira Kondo, not the president
    assert not search(ngo_index, embedder, "Can you summarise Yuka Iwatsuki's talk to the cocoa platform (CLCCG)?", 5).found
    assert not search(ngo_index, embedder, "Which panel did our president Yuka Iwatsuki moderate at Sustainable Brands?",
                      5).found
    assert search(ngo_index, embedder, "Can you summarise Tomoko Shiroki's talk to the cocoa platform (CLCCG)?", 5).found
    # "Akira" is a word the model knows, "Kondo" is not: the name counts by either of its words
    assert not search(ngo_index, embedder, "What message did Akira Kondo give at the TICAD side event?", 5).found
    assert search(ngo_index, embedder, "When did Yuka Iwatsuki hand the C20 policy pack to the Prime Minister?", 5).found


def test_what_an_asker_says_of_themselves_first_is_not_asked_and_who_did_what_where_needs_them_named(
        ngo_index, embedder):
    # "Shikoku" and "CEO" are the asker's own: the question that follows is answered
    assert search(ngo_index, embedder, "We're planning a dialogue of our own in Shikoku next spring, so I'm curious: "
                                       "which city hosted ACE's third SDG 8.7 Dialogue?", 5).found
    assert search(ngo_index, embedder, "Our CEO spoke at Sustainable Brands too - what topics were Tomoko "
                                       "Shiroki's 2019 sessions on?", 5).found
    # what they will use the answer for ("KYC", "beneficial-ownership") is theirs too, asked whether or what
    assert search(ngo_index, embedder, "For our KYC file: is ACE a board member of the Global March Against Child "
                                       "Labour?", 5).found
    assert search(ngo_index, embedder, "Please confirm the name of ACE's President for our beneficial-ownership "
                                       "records.", 5).found
    assert not search(ngo_index, embedder, "For our KYC file: is UNICEF Japan a member of the Stop Child Labour "
                                           "Network?", 5).found
    # a question asked without a question word is the sentence that ends in "?" (not "Correct?", a tag on a claim)
    assert search(ngo_index, embedder, "My workers from Brazil, they have kids. ACE talk about children of foreign "
                                       "workers, the NHK documentary?", 5).found
    assert not search(ngo_index, embedder, "The release lists UNICEF Japan as a member of the Stop Child Labour "
                                           "Network. Correct?", 5).found
    # the Sustainable Brands entries name Tomoko Shiroki, not Akira Kondo
    assert not search(ngo_index, embedder, "What did Akira Kondo talk about at Sustainable Brands 2019?", 5).found
    assert search(ngo_index, embedder, "What did Tomoko Shiroki present at Sustainable Brands 2019?", 5).found


def test_a_thing_named_at_length_in_a_year_that_holds_none_of_it_is_declined(ngo_index, embedder):
    # the UN Forum on Business and Human Rights is of 2019; 2018 holds the Bangkok forum, not it
    assert not search(ngo_index, embedder, "What did ACE present at the 2018 UN Forum on Business and Human Rights?",
                      5).found
    assert search(ngo_index, embedder, "When in 2019 did ACE attend the UN Forum on Business and Human Rights?", 5).found
    # a named day only sets the time of a question of the record
    assert search(ngo_index, embedder, "What was ACE up to in June 2021, around World Day against Child Labour?", 5).found


def test_a_claim_to_check_and_a_question_after_a_dash(ngo_index, embedder):
    # the asker's words before a dash are weighed apart from the question after it
    assert search(ngo_index, embedder, "Hi, I'm writing up the newsletter and need a line on C20 Japan 2019 — what "
                                       "was ACE pushing the G20 to do through that working group?", 5).found
    # a claim with a name the documents never use, then "Correct?": the name still counts
    assert not search(ngo_index, embedder, "The leaflet lists UNICEF Japan as a member of the Stop Child Labour "
                                           "Network. Correct?", 5).found
    # a claim that someone spoke where the entry names no one
    assert not search(ngo_index, embedder, "Our draft says Yuka Iwatsuki spoke at the 2019 UN Forum on Business and "
                                           "Human Rights in Geneva. Is that right?", 5).found
    assert search(ngo_index, embedder, "Our draft says Tomoko Shiroki presented at Sustainable Brands in 2019. "
                                       "Is that right?", 5).found


def test_who_paid_needs_a_passage_that_tells_of_funding_and_exact_words_a_quotation(ngo_index, embedder):
    # the entries tell who organised and who came, never who paid
    assert not search(ngo_index, embedder, "Who funded the 2016 roundtable with the Child Labor Coalition?", 5).found
    assert not search(ngo_index, embedder, "Which company sponsored the third SDG 8.7 Dialogue in Matsuyama?", 5).found
    assert not search(ngo_index, embedder, "Could you quote what ACE said at the 2017 global conference in Buenos "
                                           "Aires?", 5).found
    # "quote" as "cite": the question is who handed it over, which the entry says
    assert search(ngo_index, embedder, "I'd like to quote who handed the 2019 C20 Policy Pack to Prime Minister Abe - "
                                       "which ACE person was it?", 5).found


def test_a_period_asked_in_passing_words_and_a_claim_checked_against_the_record_are_found(ngo_index, embedder):
    """ "was there anything in …" asks what the period holds, whatever else it says ("before Halloween", a
    feast is a time, not a name the documents lack); "what number does the record give?" asks of no word
    "record". Their near-misses stay declined."""
    for q in ["was there anything in October 2019, before Halloween?",
              "Is there anything on record for April 2021?",
              "An article says 15 countries sent delegates to the SDG 8.7 Dialogues. What number does the record give?"]:
        assert search(ngo_index, embedder, q, 5).found, q
    for q in ["Was there anything in June 2019?", "Did ACE hold a Christmas gala for donors in 2017?"]:
        assert not search(ngo_index, embedder, q, 5).found, q


def test_a_word_spelt_the_other_way_or_said_plainly_finds_the_documents_word(ngo_index, embedder):
    """ "labor" for their "Labour", "kid" for "child", "movie" for "film": each finds the passage."""
    for q, date in [("When did a guest from the US Department of Labor speak at an ACE seminar?", "2019-10-26"),
                    ("did ACE say anything about a japanese kid who died while working?", "2018-01-10"),
                    ("which movie did ACE show to lawmakers?", "2019-11-14")]:
        assert search(ngo_index, embedder, q, 5).hits[0].date == date, q


def test_a_task_or_a_fact_of_today_is_declined_and_the_documents_words_for_it_are_not(ngo_index, embedder):
    for q in ["Could you translate our statement on child labour into French?",
              "Can you suggest a hotel near the Diet Member's Building for our guests?",
              "what's the weather in Geneva tomorrow?", "明日のジュネーブの天気は？",
              "What will the weather be like in Osaka next week for our school trip?",
              "how do you make chocolate at home?",  # steps to do a thing: a record of what was done has none
              "Which university in Tokyo is best for exchange students?"]:  # advice, asked now
        assert not search(ngo_index, embedder, q, 5).found, q
    for q in ["What recommendations did ACE's president present to the Prime Minister in 2019?",
              "Which draft plan did ACE comment on in January 2020?",
              "How do we make policy recommendations to the Japanese government?"]:  # how the organisation works
        assert search(ngo_index, embedder, q, 5).found, q


def test_which_of_a_kind_is_declined_when_the_passage_says_the_kind_but_names_none(ngo_index, embedder):
    """ "17 members, including NGOs and trade unions" names no union; "12 countries, including Argentina"
    names countries; "two of the sessions on Sustainable Procurement …" says what the sessions were."""
    for q in ["Which trade unions belong to the Stop Child Labour Network?",
              "Which confectionery companies does ACE cooperate with in Ghana?"]:
        assert not search(ngo_index, embedder, q, 5).found, q
    for q in ["Which countries sent representatives to the SDG 8.7 Dialogues?",
              "What sessions did Tomoko Shiroki present at Sustainable Brands 2019?",
              "Which governments make up the CLCCG platform?"]:
        assert search(ngo_index, embedder, q, 5).found, q
    # the CLCCG entry says "… and the chocolate and cocoa industry": a word close to "companies", naming none
    from qa.deciding import names_none
    from qa.languages import table
    from qa.searching import _similar

    answer = search(ngo_index, embedder, "Which chocolate companies took part in the 2019 CLCCG annual meeting?", 5)
    assert not answer.found and "CLCCG" in answer.hits[0].text  # the closest passage still shown below
    first = [answer.hits[0].chunk]
    assert names_none("Which chocolate companies took part?", first, table("en"), _similar(embedder))
    assert not names_none("Which chocolate companies took part?", first, table("en"))  # without meanings: unknown
    # "what kind of organisations?" asks what they are like ("a Japanese network of organizations … that share our
    # mission"), which a passage tells without naming any
    network = search(ngo_index, embedder, "What kind of organisations make up the Stop Child Labour Network?", 5)
    assert network.found and not names_none("What kind of organisations are in it?", [network.hits[0].chunk],
                                            table("en"), _similar(embedder))


def test_a_place_typed_in_lower_case_that_the_documents_never_name_is_declined(ngo_index, embedder):
    from qa.places import capitalised

    lower = lambda: ngo_index.lowercase  # noqa: E731
    assert capitalised("did ace go to china or south america?", lower) == "did ace go to China or South America?"
    assert capitalised("reading the record in paris", lower) == "reading the record in Paris"  # Reading: too small
    for q in ("did ace go to china?", "did ace go to a meeting in paris?"):
        assert not search(ngo_index, embedder, q, 5).found, q
    assert search(ngo_index, embedder, "did ace go to a meeting in bangkok?", 5).found


def test_what_was_presented_at_an_event_needs_a_passage_of_its_section_that_reports_a_talk(ngo_index, embedder):
    # the entries say ACE "Participated in" these: that it was there is recorded, what it said is not
    for q in ("What did ACE present at the Fourth Global Conference on the Sustained Eradication of Child Labour?",
              "What was ACE's presentation about at the Second Global Meeting of the Alliance 8.7 Action Group in Abidjan?"):
        answer = search(ngo_index, embedder, q, 5)
        assert not answer.found and "Participated" in answer.hits[0].text, q
    # the CLCCG section's next paragraph says "We presented our initiatives …"; a Sustainable Brands one, "presented"
    for q in ("What did ACE present at the CLCCG 2019 meeting?", "Did ACE speak at the Sustainable Brands conference in Tokyo?",
              "When did ACE participate in the Fourth Global Conference on the Sustained Eradication of Child Labour?"):
        assert search(ngo_index, embedder, q, 5).found, q


def test_a_title_asked_needs_a_first_passage_that_gives_one(ngo_index, embedder):
    # the 2020 entry tells the session's topic ("a session … on cross-sector collaboration"), not its title
    for q in ("What was the title of Tomoko Shiroki's session at the 2020 Sustainable Brands conference?",
              "What was the exact session title of Tomoko Shiroki's presentation at the 2020 Sustainable Brands conference?"):
        assert not search(ngo_index, embedder, q, 5).found, q
    # quoted (“Child labour exists in Japan”), or capitalised words joined by small ones
    for q in ("What was the title of the seminar ACE held in the Diet in June 2018?",
              "What was the title of the session Tomoko Shiroki presented at Sustainable Brands 2019?"):
        assert search(ngo_index, embedder, q, 5).found, q
    from qa.languages import table

    words = table("en")  # a title won or held, or what a body was called, is no work's title
    assert not any(words.asks_title.search(q) for q in (
        "Which title did she win in 1998?", "What was the U.S. Navy VP-25 officially called from Oct 1944?",
        "Catalan Joaquim Torra i Pla had what titled job from 2018 to May 2018?"))


def test_which_partner_or_group_is_answered_by_a_name(ngo_index, embedder):
    # "… with the Child Labor Coalition (U.S.)": one partner asked, one named
    for q in ("Which partner did ACE co-host the 2016 SDG 8.7 roundtable with?",
              "Which American outfit did ACE team up with for its Tokyo roundtable on SDG 8.7?"):
        assert search(ngo_index, embedder, q, 5).found, q
    # several asked, none named: the letter's co-signers are not in the record
    assert not search(ngo_index, embedder, "Which other organisations co-signed the joint open letter to the G7 Trade "
                      "Ministers?", 5).found


def test_a_plainer_word_for_what_the_record_says_otherwise_finds_it(ngo_index, embedder):
    # the record "Raised awareness regarding NHK's documentary"; asked as attention drawn to it, or publicity
    for q in ("Which TV documentary did ACE draw attention to?", "Which TV documentary did ACE help publicise?"):
        answer = search(ngo_index, embedder, q, 5)
        assert answer.found and "NHK" in answer.hits[0].text, q


@pytest.mark.parametrize("question", ["What did we do in March 2020?", "Anything recorded for 2017?",
                                      "Can you summarise what ACE did in 2018, please?", "anything in spring 2021?",
                                      "What happened over the summer of 2020?"])
def test_what_is_shown_first_does_not_depend_on_how_many_are_asked(ngo_index, embedder, question):
    few, many = search(ngo_index, embedder, question, k=5), search(ngo_index, embedder, question, k=40)
    assert [(h.source, h.line) for h in many.hits[:5]] == [(h.source, h.line) for h in few.hits]
    assert (many.found, [h.in_period for h in many.hits[:5]]) == (few.found, [h.in_period for h in few.hits])


def test_a_claim_put_to_be_checked_is_answered_by_the_passage_that_says_where_it_was(ngo_index, embedder):
    for claim in ("The big 2017 global child labour conference ACE attended was in Brasilia, right?",
                  "ACE's trip to the 2018 Freedom from Slavery Forum was to Manila, wasn't it?",
                  "The third SDG 8.7 Dialogue took place in Osaka. Is that right, or was it somewhere else?"):
        answer = search(ngo_index, embedder, claim, 5)
        assert answer.found, claim  # the passage corrects it: Buenos Aires, Bangkok, Matsuyama
    assert "Buenos Aires" in search(ngo_index, embedder, "The big 2017 global child labour conference ACE attended was "
                                                         "in Brasilia, right?", 5).hits[0].text
    # asked, not claimed, the place the documents never name still declines; and a claim of a thing the record
    # lacks (no fourth dialogue, nothing of 2020) is declined whatever it says of the place
    assert not search(ngo_index, embedder, "Which global child labour conference did ACE attend in Brasilia?", 5).found
    assert not search(ngo_index, embedder, "ACE ran a fourth SDG 8.7 Dialogue in Fukuoka in 2020, right?", 5).found


def test_an_age_asked_needs_an_age_and_years_asked_are_a_date_not_a_kind_of_thing():
    from qa.chunking import Chunk
    from qa.deciding import must_hold, names_none, typed
    from qa.languages import table

    words = table("en")
    shiroki = "ACE Managing Director Tomoko Shiroki presented in two of the sessions on Sustainable Procurement"
    assert must_hold("How old is Ms. Tomoko Shiroki?", words) and _holds("How old is Ms. Tomoko Shiroki?", shiroki) == 0.0
    statement = "Made a statement on the death of a fifteen-year-old Japanese child labourer"
    assert _holds("how old was the child?", statement) == 1.0
    assert _holds("At what age did he join?", "He joined the navy aged 16.") == 1.0
    assert must_hold("何歳ですか？", table("ja")) and _holds("How old was she?", "She was born in Tokyo.") == 0.0
    # an age at an event follows from the event's date (and the birth date a biography gives): a dated passage holds it
    promoted = Chunk("- 1910 – Rear admiral", None, "a.txt", 40, "1910")
    assert typed("How old was he when he made rear admiral?", [promoted], words) == 1.0
    assert typed("How old is he?", [promoted], words) == 0.0
    # "which years …?" asks when, not which ones of the years a passage names
    asked = "During which years did Leahy serve as Chief of Naval Operations?"
    taught = Chunk("Beginning in 1907 , he served as instructor in the Department of Physics for two years .",
                   None, "a.txt", 21)  # says "years", names none of them: still no reason to decline
    assert not names_none(asked, [taught], words)
    assert _holds(asked, "As Chief of Naval Operations from 1937 to 1939 , he was the senior officer .") == 1.0


def test_pay_asked_in_other_words_needs_a_sum_of_money():
    from qa.deciding import must_hold
    from qa.languages import table

    director = "ACE Managing Director Tomoko Shiroki presented in two of the sessions in 2019"
    for asked in ("how big was her pay package?", "What was the director's compensation?", "What are staff wages?"):
        assert must_hold(asked, table("en")) and _holds(asked, director) == 0.0, asked
    assert _holds("What was the director's remuneration?", "Her remuneration was 8 million yen a year.") == 1.0


def test_an_articles_passage_saying_the_questions_rare_word_comes_before_its_opening(write_corpus, tmp_path, embedder):
    from qa.building import build
    from qa.indexing import load_index

    honours = "".join(f"In {y} Barton lectured on organic chemistry at {u} .\n\n"
                      for y, u in zip(range(1960, 1970), ("Harvard", "Yale", "Oxford", "Leeds", "Bonn", "Lyon", "Kyoto",
                                                          "Madrid", "Vienna", "Zurich"), strict=True))
    build(write_corpus({
        "Derek_Barton.txt": (
            "Derek Barton\n\n"
            "Sir Derek Harold Richard Barton ( 8 September 1918 – 16 March 1998 ) was an English organic chemist and "
            "Nobel Prize laureate for 1969 .\n\n"
            "In 1949 he was the first recipient of the Corday-Morgan Medal . In 1954 he was elected a Fellow of the Royal "
            "Society . He was knighted in 1972 , becoming formally styled Sir Derek in Britain . In 1978 he became "
            "director of an institute in France .\n\n" + honours),
        "Ada_Stone.txt": "Ada Stone\n\nAda Stone ( 1901 – 1980 ) was an English chemist .\n\nIn 1950 Stone moved to Leeds ."}),
        tmp_path / "index", embedder)
    index = load_index(tmp_path / "index")
    hits = search(index, embedder, "Could you tell me in which year the chemist Derek Barton was knighted, please?", 5).hits
    assert "knighted in 1972" in hits[0].text  # not the opening lines, which say "Sir Derek … chemist" and no knighthood


def test_each_part_of_a_two_part_question_may_ask_a_kind_the_documents_never_name(ngo_index, embedder):
    # "… and in which city?": "city" is what is asked, not a word the entry must say ("in Geneva")
    assert search(ngo_index, embedder, "Which UN forum did ACE go to in November 2019, and what city was it in?", 5).found
    # "which edition" asks which one of a series ("the Fourth …"), not for the word
    assert search(ngo_index, embedder, "ACE went to the Global Conference on the Sustained Eradication of Child Labour "
                                       "in 2017 - which edition?", 5).found
    assert not search(ngo_index, embedder, "Which hotel hosted the third SDG 8.7 Dialogue in Matsuyama?", 5).found


def test_a_day_without_a_year_answers_which_day_and_a_position_needs_a_role_named(ngo_index, embedder):
    # "around the World Day against Child Labour (June 12)"
    assert search(ngo_index, embedder, "On which day of the year is the Stop Child Labour Network's campaign held?", 5).found
    # "Business and Human Rights Civil Society Platform - ACE as Steering Committee Member-"
    assert search(ngo_index, embedder, "what position has ACE got in the Business and Human Rights Civil Society "
                                       "Platform?", 5).found
    # "JNATIP (Japan Network Against Trafficking In Persons)": a membership, no role said
    assert not search(ngo_index, embedder, "what position has ACE got in JNATIP?", 5).found


def test_a_region_is_said_by_a_city_in_it_and_a_sum_asked_in_other_words_needs_one(ngo_index, embedder):
    # "in South America": the entry says "in Buenos Aires"; nothing of ACE's was in North America in 2016
    answer = search(ngo_index, embedder, "Was ACE at a conference anywhere in South America?", 5)
    assert answer.found and "Buenos Aires" in answer.hits[0].text  # sought beside the places there it names
    assert search(ngo_index, embedder, "did ace do anything in europe in 2017?", 5).found  # London, not "Europe London"
    assert not search(ngo_index, embedder, "Was ACE at a conference anywhere in Oceania?", 5).found
    # "how much does she earn", "rent", "expenses": a sum of money, which no entry gives
    assert not search(ngo_index, embedder, "How much does Tomoko Shiroki earn as Managing Director?", 5).found
    assert not search(ngo_index, embedder, "What rent does ACE pay for the Ghana project office?", 5).found
    assert not search(ngo_index, embedder, "What expenses did ACE claim for the London NGO Forum trip?", 5).found


def test_a_title_of_the_person_asked_about_is_no_one_else_and_a_name_after_a_title_is_someone(ngo_index, embedder):
    # "with Nobel Peace Prize Laureate, Kailash Satyarthi. … to End Child Labour": no one besides him
    assert not search(ngo_index, embedder, "Which other person got the Nobel Peace Prize along with Kailash "
                                           "Satyarthi?", 5).found
    # "… Laureate, Kailash Satyarthi. Summary Report on …": a name ends with its sentence, and names someone
    assert search(ngo_index, embedder, "Which Nobel Peace Prize laureate was at the roundtable ACE co-organized in "
                                       "Tokyo?", 5).found
    # "ACE Managing Director Tomoko Shiroki and Ghana Project Manager Akira Kondo attended …"
    assert search(ngo_index, embedder, "Who went with Tomoko Shiroki to the CLCCG meeting in Cote d'Ivoire?", 5).found


def test_any_asks_of_the_kind_it_is_said_of_not_of_the_verb_before_it(ngo_index, embedder):
    # "Participated in the Second Global Meeting of the Alliance 8.7 Action Group on Supply Chains in Abidjan"
    # (May 14-15, 2019) is a meeting about supply chains, though no entry says "attend"
    answer = search(ngo_index, embedder, "Did ACE attend any meeting on supply chains in May 2019?", 5)
    assert answer.found and "Supply Chains" in answer.hits[0].text
    assert not search(ngo_index, embedder, "Did ACE attend any meeting on supply chains in May 2020?", 5).found
    # "put" and "here" are no words an entry must say
    assert search(ngo_index, embedder, "Which statement did ACE put out in January 2018?", 5).found


def test_a_thing_named_after_someone_does_not_put_them_there(ngo_index, embedder):
    # the film event was "conducted by the Kailash Satyarthi Children's Foundation": he is not said to have come
    assert not search(ngo_index, embedder, "Did Kailash Satyarthi turn up himself at the Price of Free screening "
                                           "in the Diet?", 5).found
    # the May 2016 roundtable was "with Nobel Peace Prize Laureate, Kailash Satyarthi"
    assert search(ngo_index, embedder, "Was Kailash Satyarthi at the SDG 8.7 roundtable in Tokyo in May 2016?", 5).found


def test_a_word_made_from_an_english_word_is_no_slip_to_mend(ngo_index, embedder):
    # "wording" is "word" with an ending, not a slip for "working": the entry quotes nothing of the pledge
    assert not search(ngo_index, embedder, "Can you give me the precise wording of ACE's 2021 Action Pledge?", 5).found


def test_what_the_asker_will_do_with_the_answer_names_nothing_the_documents_must_hold(ngo_index, embedder):
    # "I would like to cite it in our CSR report": "CSR" is the asker's, not a name the record must use
    answer = search(ngo_index, embedder, "Could you confirm when Yuka Iwatsuki handed the C20 Policy Pack to Prime "
                                         "Minister Abe? I want to quote it in our ESG report.", 5)
    assert answer.found and "Policy Pack" in answer.hits[0].text


def test_a_number_inside_a_name_is_no_count():
    # "C20, presented": the C20 is a name; "17 members" is a count
    from qa.deciding import holds_count
    assert not holds_count("as acting chair of the C20, presented the C20 2019 Policy Pack")
    assert not holds_count("at the G20 Osaka summit")
    assert holds_count("Made up of 17 members, including NGOs") and holds_count("more than 1,000 people came")


@pytest.mark.parametrize("q", [
    "What funding amount did ACE get from the Ministry of Economy, Trade and Industry in 2021?",  # a sum, named by a kind
    "How much grant funding came from the Chief Cabinet Secretary in June 2021?",
    "Which school did Akira Kondo go to before joining ACE?",  # a kind whose names say it, which the record never says
    "What is the capital of Cote d'Ivoire?",  # a property the record has no word for
    "What is the population of Tokyo?",
])
def test_a_sum_a_school_or_a_property_the_record_never_gives_is_declined(ngo_index, embedder, q):
    assert not search(ngo_index, embedder, q, 5).found


def test_a_property_the_record_tells_without_its_word_is_still_answered(ngo_index, embedder):
    for q in ("What was the occasion for the film event in November 2019?", "What is ACE's position in JANIC?"):
        assert search(ngo_index, embedder, q, 5).found, q


def test_a_property_asked_in_a_follow_up_is_not_declined_for_its_word_alone(ngo_index, embedder):
    # "what was its composition?" of a platform in focus: the members the passage lists, not a word it lacks
    from qa.conversing import Conversation
    conversation = Conversation()
    conversation.ask(ngo_index, embedder, "Who attended the CLCCG annual meeting in 2019?", 5)
    answer, _ = conversation.ask(ngo_index, embedder, "What is the makeup of that platform?", 5)
    assert answer.found and "made up of" in answer.hits[0].text


@pytest.mark.parametrize("q", [
    "Which hotel hosted ACE's SDG 8.7 Dialogue in Matsuyama?",  # the hotel the record names is in Tokyo
    "Who from ACE spoke at the High Level Political Forum in July 2019?",  # "in New York" names no one
    "Which Ghanaian minister attended the CLCCG annual meeting with ACE in 2019?",  # no one there is a minister
])
def test_a_site_in_another_city_a_place_and_a_person_without_the_title_asked_do_not_answer(ngo_index, embedder, q):
    assert not search(ngo_index, embedder, q, 5).found


def test_a_site_a_person_or_a_title_the_record_gives_still_answers(ngo_index, embedder):
    for q in ("Which hotel hosted the second SDG 8.7 Dialogue?", "Who presented the Policy Pack to Prime Minister Abe?",
              "Which minister received the CL-Net petition?"):
        assert search(ngo_index, embedder, q, 5).found, q


def test_who_held_a_post_before_someone_is_declined_when_the_documents_tell_no_succession(ngo_index, embedder,
                                                                                         write_corpus, tmp_path):
    from qa.building import build
    from qa.deciding import untold_succession
    from qa.indexing import load_index
    from qa.languages import table

    # the record names its president and Ghana project manager, never who came before them
    assert not search(ngo_index, embedder, "Who was ACE's president before Yuka Iwatsuki?", 5).found
    assert not search(ngo_index, embedder, "Could you tell me which ACE staff member was the Ghana Project Manager "
                                           "before Akira Kondo?", 5).found
    assert search(ngo_index, embedder, "Who is the president of ACE?", 5).found
    # a list of holders with their years tells who came before whom
    build(write_corpus({"Lake_Rowing_Club.txt": (
        "Lake Rowing Club\n\nThe Lake Rowing Club is a rowing club in Eastby .\n\nPresidents\n\n"
        "- Peter Holm ( 1950–1961 )\n\n- Anna Berg ( 1961–1975 )\n\n- Karl Lund ( 1975–1990 )\n")}),
        tmp_path / "index", embedder)
    index = load_index(tmp_path / "index")
    question = "Who was president of the Lake Rowing Club before Anna Berg?"
    answer = search(index, embedder, question, 5)
    assert not untold_succession(question, [h.chunk for h in answer.hits[:3]], table("en"))
    assert untold_succession("Who was ACE's president before Yuka Iwatsuki?",
                             [h.chunk for h in search(ngo_index, embedder, "Yuka Iwatsuki president", 5).hits[:3]],
                             table("en"))


def test_a_head_count_the_passage_lacks_is_declined_a_count_it_gives_is_found(ngo_index, embedder):
    # a head count no list of entries makes up for: the record gives none for the screening
    assert not search(ngo_index, embedder, "How many people turned up to 'The Price of Free' screening?", 5).found
    assert not search(ngo_index, embedder, "What was the attendance figure for the 'The Price of Free' screening at "
                                           "the Diet?", 5).found
    # "17 members", "70 thousand signatures": counts it gives
    assert search(ngo_index, embedder, "How many members does the Stop Child Labour Network have?", 5).found
    assert search(ngo_index, embedder, "How many signatures did ACE submit in June 2021?", 5).found


def test_a_peoples_adjective_or_a_verb_spelt_the_other_way_is_no_persons_name(ngo_index, embedder):
    # "… Realize Child Rights of Agriculture in West Africa … on African Development": no one is named at the side
    # event, so "which officials spoke?" is declined; the roundtable names Kailash Satyarthi
    assert not search(ngo_index, embedder, "Which West African government officials spoke at our TICAD7 side event "
                                           "in Yokohama?", 5).found
    assert search(ngo_index, embedder, "Which Nobel laureate joined the 2016 roundtable on SDG 8.7?", 5).found


def test_a_place_guessed_in_a_sentence_of_its_own_is_still_a_place_the_answer_gives(ngo_index, embedder):
    assert search(ngo_index, embedder, "Where was the third SDG 8.7 Dialogue held? I've got a mate down in Matsuyama "
                                       "who reckons it was there, keen to settle it.", 5).found
    assert not search(ngo_index, embedder, "At which venue in Matsuyama was the third SDG 8.7 Dialogue held?", 5).found


def test_two_words_qualifying_one_plural_ask_for_its_names(ngo_index, embedder):
    from qa.deciding import asked_kind
    from qa.languages import table

    assert asked_kind("Which chocolate or confectionery companies has ACE partnered with?", table("en")) == "companies"
    assert asked_kind("Which city or town was it held in?", table("en")) == "city"
    # "cacao producers, confectionary companies and consumers" names none of them
    assert not search(ngo_index, embedder, "Which chocolate or confectionery companies has ACE partnered with on the "
                                           "Ghana cocoa side of things?", 5).found


def test_a_sum_asked_of_a_period_is_declined_when_no_passage_gives_one(ngo_index, embedder):
    # "activities in fiscal year 2019" reads like a request for the year's record, but "how much … budget" asks a sum
    assert not search(ngo_index, embedder, "How much was ACE's budget for the advocacy activities in fiscal year "
                                           "2019?", 5).found
    assert search(ngo_index, embedder, "What were ACE's advocacy activities in 2019?", 5).found


def test_a_count_of_an_organisation_is_given_by_a_passage_naming_it_not_another_bodys_count(ngo_index, embedder):
    # the 17 members are the Stop Child Labour Network's; the Child Labor Coalition's are nowhere
    assert not search(ngo_index, embedder, "How many member the Child Labor Coalition have? Is it also 17 like the"
                      " Japanese network?", 5).found
    assert search(ngo_index, embedder, "How many members does the Stop Child Labour Network have?", 5).found


def test_a_letters_salutation_names_nothing_and_a_year_compared_with_is_not_the_one_asked(ngo_index, embedder):
    from qa.conversing import Conversation  # as every question is asked: the page, `qa ask`, `qa eval`

    answer, _ = Conversation().ask(ngo_index, embedder, "Dear Sir, how many signature ACE was submit in June 2021,"
                                   " and to which person or ministry please?", 5)
    assert answer.found and "70 thousand signatures" in answer.hits[0].text  # "Dear Sir" is no unknown name
    # the documents have the 2019 forum only: "like in 2019" compares, the 2020 one is asked
    assert not Conversation().ask(ngo_index, embedder, "Did ACE join the High Level Political Forum 2020 in New York"
                                  " too, like in 2019?", 5)[0].found


def test_a_verb_after_was_is_no_kind_the_passage_must_name():
    from qa.deciding import asked_kind
    from qa.languages import table

    words = table("en")
    assert asked_kind("in 2019 what ACE was asking the G20 to do about child labour?", words) is None
    assert asked_kind("which meeting was held in Geneva?", words) == "meeting"


def test_where_the_asker_says_they_are_from_is_no_place_the_documents_must_name(ngo_index, embedder):
    from qa.conversing import Conversation

    answer, _ = Conversation().ask(ngo_index, embedder, "Between 2017 and 2018, did ACE go to any child labour"
                                   " conference in Latin America? I'm from Peru so im curious", 5)
    assert answer.found and "Buenos Aires" in answer.hits[0].text
    answer, _ = Conversation().ask(ngo_index, embedder, "Hola! I'm a journalist from Lima writing about who funds ACE."
                                   " Before the money part: what did the C20 2019 Policy Pack ask the G20 to do?", 5)
    assert answer.found
    # a place the question asks of is still one: the record has nothing in Lima
    assert not Conversation().ask(ngo_index, embedder, "I'm curious whether ACE ever held an event in Lima?", 5)[0].found


def test_a_japanese_question_of_english_documents_is_read_by_its_names_in_their_letters(ngo_index, embedder):
    from qa.conversing import Conversation

    # 松山 is Matsuyama (GeoNames), 第3回 the third: found, though no passage writes Japanese
    answer, _ = Conversation().ask(ngo_index, embedder, "2019年9月に松山で開催された第3回SDG 8.7ダイアログは、"
                                   "どの会合に向けたものでしたか？", 5)
    assert answer.found and "third SDG 8.7 Dialogue in Matsuyama" in answer.hits[0].text
    answer, _ = Conversation().ask(ngo_index, embedder, "第2回SDG 8.7ダイアログはどこで開催されましたか？", 5)
    assert answer.found and "second SDG 8.7 Dialogue" in answer.hits[0].text
    # the record numbers three dialogues, in English
    assert not Conversation().ask(ngo_index, embedder, "第4回SDG 8.7ダイアログはいつ、どこで開催されましたか？", 5)[0].found
    # 福岡 is Fukuoka, which the record never names
    assert not Conversation().ask(ngo_index, embedder, "ACEは福岡の小学校で授業をしましたか？", 5)[0].found


def test_a_passage_that_says_no_word_comes_after_those_that_do(write_corpus, tmp_path, embedder):
    from qa.building import build
    from qa.indexing import load_index

    body = "\n\n".join(f"On {m} 16 , Okada sang at event number {n} in Osaka ." for n, m in
                       enumerate(["February", "March", "April", "May", "June", "July"], 2))
    build(write_corpus({"okada.md": "# Nana Okada\n\n## Solo concerts\n\n- ( 2018 )\n\n- ( 2020 )\n\n## 2018\n\n"
                                    f"On January 16 , Okada held her first solo concert at Tokyo Dome City Hall .\n\n{body}\n"}),
          tmp_path / "index", embedder)
    index = load_index(tmp_path / "index")
    assert any(c.text.strip() == "- ( 2018 )" for c in index.chunks)  # a list's bare year is a passage of its own
    hits = search(index, embedder, "Okada solo concerts 2018 venue", k=5).hits
    assert "Tokyo Dome City Hall" in hits[0].text
    assert all(h.text.strip() not in ("- ( 2018 )", "- ( 2020 )") for h in hits[:3])


def test_an_aside_in_brackets_about_the_asker_is_no_part_of_the_question(ngo_index, embedder):
    from qa.conversing import Conversation
    from qa.languages import table

    answer, _ = Conversation().ask(ngo_index, embedder, "On which topics did Tomoko Shiroki speak at Sustainable Brands"
                                   " 2019 in Tokyo? (I am comparing Japanese and Italian CSR events)", 5)
    assert answer.found and "Tomoko Shiroki" in answer.hits[0].text  # no Italian event is asked of
    words = table("en")
    assert words.without_asides("what did they talk abt there (sorry if thats obvious)") == "what did they talk abt there"
    for kept in ("VP-25 patrol sqn (US Navy, WW2). established where?", "When was David Young (the Iowa congressman)"
                 " sworn in?", "anything happen in spring 2018 (march to may)?"):
        assert words.without_asides(kept) == kept  # brackets about what is asked


def test_since_when_a_post_has_been_held_is_declined_when_no_passage_tells_a_beginning(ngo_index, embedder):
    from qa.conversing import Conversation

    # "ACE president, Yuka Iwatsuki presented …" is dated April 2019, which is not since when she has been president
    assert not Conversation().ask(ngo_index, embedder, "Since what year is Yuka Iwatsuki the president of ACE?", 5)[0].found
    answer, _ = Conversation().ask(ngo_index, embedder, "since when does the Stop Child Labour Network exist?", 5)
    assert answer.found and "established in 2004" in answer.hits[0].text


def test_which_text_is_answered_by_a_title_in_quotes(ngo_index, embedder):
    from qa.conversing import Conversation

    answer, _ = Conversation().ask(ngo_index, embedder, "What text did ACE comment in December 2019 regarding child"
                                   " poverty?", 5)
    assert answer.found and "Fundamental Principles" in answer.hits[0].text  # “…”: a name, as for "which document"
