import bm25s
import numpy as np

import qa.keywords
from qa.keywords import _stemmer, terms

TEXTS = [
    "June 15, 2021  Submitted more than 70 thousand signatures to the Ministry of Labour.",
    "C20 JAPAN 2019: the Civil-20 summit's working groups; children's rights, CLCCG & JNATIP.",
    "Ünïcode wörds, İstanbul and ÉCOLE; the the THE of a an.",
    "",
]


def test_terms_are_the_terms_bm25s_indexes(monkeypatch):
    tokens = bm25s.tokenize(TEXTS, stopwords="en", stemmer=_stemmer, show_progress=False, allow_empty=True)
    word_of = {i: w for w, i in tokens.vocab.items()}
    expected = [[word_of[i] for i in ids if word_of[i]] for ids in tokens.ids]
    assert [terms(t) for t in TEXTS] == expected
    assert [terms(t) for t in TEXTS] == expected  # again, from the memo
    monkeypatch.setattr(qa.keywords, "_TERM_OF", {})
    monkeypatch.setattr(qa.keywords, "_TERMS_KEPT", 3)  # the memo starting over keeps the terms right
    assert [terms(t) for t in TEXTS] == expected
    assert len(qa.keywords._TERM_OF) <= 3


def _columns(retriever) -> dict[str, tuple[list, list]]:
    """term -> (the texts that hold it, their scores), from a bm25s index whatever its term ids."""
    data, indices, indptr = (np.asarray(retriever.scores[k]) for k in ("data", "indices", "indptr"))
    return {t: (indices[indptr[i]:indptr[i + 1]].tolist(), data[indptr[i]:indptr[i + 1]].tolist())
            for t, i in retriever.vocab_dict.items() if i + 1 < len(indptr)}


def test_the_keyword_index_holds_the_scores_bm25s_makes_to_the_bit():
    from pathlib import Path

    from qa import keywords

    root = Path(__file__).resolve().parent.parent
    texts = [p for f in ("corpus/ace-advocacy-record.txt", "eval/corpus-ja/katsudou-kiroku.txt")
             for p in (root / f).read_text(encoding="utf-8").split("\n")] + TEXTS + ["the of and", "TICAD7 児童労働"]
    ours = keywords.KeywordIndex.build(texts).retriever
    theirs = bm25s.BM25(k1=keywords.K1, b=keywords.B)
    theirs.index([terms(t) for t in texts], show_progress=False)  # bm25s's own loop, from the same terms
    assert len(texts) > 250 and ours.scores["num_docs"] == theirs.scores["num_docs"] == len(texts)
    assert _columns(ours) == _columns(theirs) and len(_columns(ours)) > 500
    assert ours.vocab_dict[""] == len(ours.vocab_dict) - 1  # bm25s's empty token, last
    nothing = keywords.KeywordIndex.build(["", "the of"])  # no word to index: one term no question holds
    assert nothing.size == 2 and not nothing.scores("the").any()


def test_an_index_built_in_another_process_scores_as_one_built_here(monkeypatch):
    from qa import keywords

    texts = ["June 15, 2021 Submitted signatures to the Chief Cabinet Secretary", "Children's rights in Ghana",
             "A seminar on child labour in supply chains", ""]
    here = keywords.KeywordIndex.build(texts)
    monkeypatch.setattr(keywords, "APART_FROM", 2)
    apart = keywords.KeywordIndex.build_apart(texts)
    for query in ("child labour seminar", "signatures secretary", "Ghana"):
        assert np.array_equal(apart.scores(query), here.scores(query)) and apart.scores(query).any()


def test_a_mistyped_name_is_read_as_the_name_the_documents_write_only_capitalised():
    from qa.keywords import corrected, vocabulary

    words = vocabulary(["Chicago Stadium opened in Chicago . The labor union met . Labrofossen ( 1837 )"])
    english = frozenset({"the", "old", "stadium", "union", "labor", "falls"})
    lower = lambda: frozenset({"the", "labor", "union", "met", "opened", "in"})  # noqa: E731
    assert corrected("the old Chicgo Stadium", lambda t: 0, lambda: words, english, lower) == "the old Chicago Stadium"
    assert corrected("Labro Falls", lambda t: 0, lambda: words, english, lower) == "Labro Falls"  # not "Labor"
    assert corrected("the old Chicgo Stadium", lambda t: 0, lambda: words, english) == "the old Chicgo Stadium"


def test_a_name_written_with_a_comma_gives_its_acronym_and_a_slip_of_a_stem_is_mended():
    from qa.keywords import acronyms, corrected, vocabulary

    assert acronyms(["Submitted to the Ministry of Economy, Trade and Industry"])["METI"] == \
        "Ministry of Economy Trade and Industry"
    words = vocabulary(["comments comments submitted"])
    # "coment" is two edits from "comments" but one from its stem "comment"
    assert corrected("which plan did ace coment on", lambda t: 0, lambda: words,
                     frozenset({"which", "plan", "did", "ace", "on"})) == "which plan did ace comments on"
