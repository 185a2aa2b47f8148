"""The follow-up re-ordering model: what it moves and what it leaves (fitted weights: bench/rerank.py)."""

import numpy as np

from qa import reranking

WIDTH = len(reranking.FEATURES)


def _rows(*cells: dict) -> np.ndarray:
    rows = np.zeros((len(cells), WIDTH))
    for n, row in enumerate(cells):
        for name, x in row.items():
            rows[n, reranking.FEATURES.index(name)] = x
    return rows


def _weights(**named) -> np.ndarray:
    return np.array([named.get(n.replace(" ", "_"), 0.0) for n in reranking.FEATURES])


def test_the_first_passages_go_by_the_models_score_and_the_rest_stay():
    rows = _rows({"first": 1.0}, {"own meaning": 1.0}, {"own meaning": 0.5})
    assert reranking.reordered([7, 8, 9, 10], rows, _weights(first=1.0, own_meaning=4.0)) == [8, 9, 7, 10]
    assert reranking.reordered([7, 8, 9, 10], rows, _weights(first=5.0, own_meaning=4.0)) == [7, 8, 9, 10]


def test_a_passage_moves_first_only_past_the_margin():
    rows = _rows({"first": 1.0}, {"own meaning": 1.0})
    assert reranking.reordered([7, 8], rows, _weights(own_meaning=reranking.MARGIN)) == [7, 8]  # a tie stays
    assert reranking.reordered([7, 8], rows, _weights(own_meaning=reranking.MARGIN - 0.5)) == [7, 8]
    assert reranking.reordered([7, 8], rows, _weights(own_meaning=reranking.MARGIN + 0.5)) == [8, 7]


def test_a_follow_up_whose_meaning_is_not_read_moves_a_passage_only_past_the_keywords_margin():
    # Japanese: no closeness in meaning is measured, so the keywords must lead by KEYWORDS_MARGIN
    lead = (reranking.MARGIN + reranking.KEYWORDS_MARGIN) / 2
    unread = _rows({"first": 1.0}, {"own keywords": 1.0})
    assert reranking.reordered([7, 8], unread, _weights(own_keywords=lead)) == [7, 8]
    assert reranking.reordered([7, 8], unread, _weights(own_keywords=reranking.KEYWORDS_MARGIN + 0.5)) == [8, 7]
    read = _rows({"first": 1.0, "own meaning": -0.1}, {"own keywords": 1.0})
    assert reranking.reordered([7, 8], read, _weights(own_keywords=lead)) == [8, 7]


def test_yes_or_no_asked_of_the_answer_shown_first_keeps_it():
    # "was it in New York?" of the Geneva forum: the forum's passage answers (no), not a New York one
    rows = _rows({"answer just shown": 1.0, "asked of the answer": 1.0}, {"own names held": 1.0})
    assert reranking.reordered([3, 4], rows, _weights(own_names_held=9.0)) == [3, 4]


def test_ties_keep_the_order_they_came_in_and_one_passage_is_left_alone():
    rows = _rows({"dated": 1.0}, {"dated": 1.0})
    assert reranking.reordered([4, 2], rows, _weights(dated=1.0)) == [4, 2]
    assert reranking.reordered([4], rows[:1], _weights(dated=-5.0)) == [4]


def test_a_passage_dated_in_a_time_asked_relative_to_the_answer_stays_ahead_whatever_it_scores():
    # "going back to geneva - what did they do the month before it?": Geneva names where the time counts from
    rows = _rows({"in time asked": 1.0, "dated in time": 1.0}, {"own names held": 1.0, "own meaning": 1.0})
    assert reranking.reordered([5, 6], rows, _weights(own_names_held=3.0, own_meaning=5.0)) == [5, 6]
    rows = _rows({"dated in time": 1.0}, {"own names held": 1.0, "own meaning": 1.0})  # a time of its own
    assert reranking.reordered([5, 6], rows, _weights(own_names_held=3.0, own_meaning=5.0)) == [6, 5]


def test_the_fitted_weights_put_the_follow_ups_own_meaning_above_the_answer_just_shown():
    weights = dict(zip(reranking.FEATURES, reranking.WEIGHTS, strict=True))
    assert weights["own meaning"] > 0 > weights["answer just shown"]


def test_a_passage_that_says_the_follow_ups_own_words_in_one_sentence_counts_them_together(ngo_index, embedder):
    # "who collects those signatures?": the network's "It also collects signatures nationwide …", not the
    # signatures' own entry, which says "signatures" and not "collects"
    chunks = ngo_index.chunks
    signatures = next(i for i, c in enumerate(chunks) if "70 thousand signatures" in c.text)
    network = next(i for i, c in enumerate(chunks) if "collects signatures nationwide" in c.text)
    rows = reranking.features(ngo_index, embedder, "who collects those signatures?", "who collects signatures", [],
                              [], [signatures, network], {signatures: 1.0, network: 0.5}, {}, (signatures,), None)
    together = rows[:, reranking.FEATURES.index("own words together")]
    assert together[1] == 1.0 and together[0] == 0.5
    assert dict(zip(reranking.FEATURES, reranking.WEIGHTS, strict=True))["own words together"] > 0


def test_a_passage_one_of_whose_sentences_says_the_follow_up_counts_by_that_sentences_meaning(ngo_index, embedder):
    # the network's passage says many things; one of its sentences says what is asked
    chunks = ngo_index.chunks
    signatures = next(i for i, c in enumerate(chunks) if "70 thousand signatures" in c.text)
    network = next(i for i, c in enumerate(chunks) if "collects signatures nationwide" in c.text)
    own = "who gathers signatures across the country"
    rows = reranking.features(ngo_index, embedder, own + "?", own, [], [], [signatures, network],
                              {signatures: 1.0, network: 0.5}, {}, (signatures,), None)
    said = rows[:, reranking.FEATURES.index("own sentence meaning")]
    assert said[1] == 0.0 and said[0] < 0.0
    vector = embedder.encode([own])[0]
    text = chunks[network].text
    sentence = text[text.index("It also collects"):].split(". ")[0]
    whole = float(ngo_index.closeness(vector, np.array([network]))[0])
    assert float(embedder.encode([sentence])[0] @ vector) > whole  # one sentence says it more closely than all
    assert dict(zip(reranking.FEATURES, reranking.WEIGHTS, strict=True))["own sentence meaning"] > 0


def test_a_passage_dated_nearer_the_answer_counts_as_nearer_in_time(ngo_index, embedder):
    # after the C20 preparatory meeting (February 2019), the C20 Summit of April 2019 is nearer than that of 2020
    chunks = ngo_index.chunks
    prep = next(i for i, c in enumerate(chunks) if "Preparatory Face-to-Face" in c.text)
    summit19 = next(i for i, c in enumerate(chunks) if "C20 Summit Tokyo" in c.text)
    summit20 = next(i for i, c in enumerate(chunks) if "C20 2020 Summit" in c.text)
    rows = reranking.features(ngo_index, embedder, "and the summit itself?", "summit", [], [], [summit20, summit19],
                              {summit20: 1.0, summit19: 0.9}, {}, (prep,), None)
    near = rows[:, reranking.FEATURES.index("near in time")]
    assert 0.0 < near[0] < near[1] < 1.0
    assert dict(zip(reranking.FEATURES, reranking.WEIGHTS, strict=True))["near in time"] > 0


def test_who_spoke_there_after_what_a_conference_is_is_the_talk_of_the_year_in_focus(ngo_index, embedder):
    # the weights fitted on 98 sets and moving a passage past any lead: the 2019 sessions, not the 2020 one
    from qa.conversing import Conversation

    conversation = Conversation()
    conversation.ask(ngo_index, embedder, "What is the Sustainable Brands conference?")
    answer, _ = conversation.ask(ngo_index, embedder, "Who from ACE spoke there?")
    assert "presented in two of the sessions" in answer.hits[0].text


def test_the_terms_a_passage_holds_are_read_from_its_sentences_as_from_its_whole_text(ngo_index):
    from qa.keywords import terms

    for i, chunk in enumerate(ngo_index.chunks):
        assert reranking._terms_held(ngo_index, i) == set(terms(chunk.context_text())), chunk.text[:60]
