import json
import math

import pytest

from qa.chunking import Chunk
from qa.errors import QAError
from qa.evaluating import Query, QueryResult, first_relevant, load_queries, read_depth, score
from qa.searching import Answer, Hit


def hit(text, date=None):
    return Hit(Chunk(text, None, "corpus/x.txt", 1, date=date), 0.5, (0, len(text)))


def test_first_relevant_and_read_depth_by_hand():
    texts = ["alpha  beta", "gamma\ndelta answer here", "answer"]
    assert first_relevant(texts, ["delta answer"]) == 1
    assert first_relevant(texts, ["nothing"]) is None
    assert first_relevant([], ["x"]) is None
    # "alpha beta" (10) + " " + "gamma delta answer" ends at 11 + 18 = 29
    assert read_depth(texts, ["delta answer"]) == 29
    assert read_depth(texts, ["alpha beta"]) == 10
    assert read_depth(texts, ["zzz"]) is None


def result(query, hits, seconds, headings=True, found=True):
    return QueryResult(query, Answer(query.q, None, hits, found), seconds, headings)


def test_metrics_by_hand():
    results = [
        result(Query("q1", ["gold one"], "2021"), [hit("gold one here", "2021-06-15"), hit("x")], 0.010),
        result(Query("q2", ["gold two"], "2019"), [hit("x"), hit("y gold two", "2019")], 0.020),
        result(Query("q3", ["never"]), [hit("x"), hit("y")], 0.030),
        result(Query("q4", ["gold four"], "2020"), [hit("gold four", "2019")], 0.040),
    ]
    m = score(results, k=2)
    assert m["hit@1"] == pytest.approx(2 / 4)
    assert m["hit@2"] == pytest.approx(3 / 4)
    assert m["mrr@10"] == pytest.approx((1 + 0.5 + 0 + 1) / 4)
    assert m["date@1"] == pytest.approx(1 / 3)  # q1 right; q2 not first; q4 wrong date
    assert m["read@300"] == pytest.approx(3 / 4)
    assert m["p50_ms"] == pytest.approx(25.0)
    no_dates = score([results[2]], k=1)
    assert math.isnan(no_dates["date@1"]) and no_dates["hit@1"] == 0


def test_a_heading_is_read_before_its_text_unless_text_only():
    from dataclasses import replace

    plain = hit("Mills returned to management with the club in 2013.")
    gateshead = replace(plain, chunk=replace(plain.chunk, heading="Gateshead ."))
    hits = [hit("x" * 20), gateshead]
    shown = result(Query("Which club?", ["Gateshead ."]), hits, 0.0)
    plain = result(Query("Which club?", ["Gateshead ."]), hits, 0.0, headings=False)
    assert shown.rank == 1 and plain.rank is None
    assert read_depth(shown.read, ["Gateshead ."]) == 21 + len("Gateshead .")
    assert read_depth(shown.read, ["in 2013"]) == 21 + len("Gateshead . Mills returned to management with the club in 2013")
    assert score([shown], k=2)["hit@2"] == 1 and score([plain], k=2)["hit@2"] == 0


def test_load_queries_reports_bad_lines(tmp_path):
    good = tmp_path / "q.jsonl"
    good.write_text(json.dumps({"q": "When?", "gold": ["then"], "date": "2019"}) + "\n\n")
    assert load_queries(good) == [Query("When?", ["then"], "2019")]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"q": "ok", "gold": ["x"]}\n{"q": "no gold"}\n')
    with pytest.raises(QAError, match="bad.jsonl:2"):
        load_queries(bad)
    with pytest.raises(QAError, match="does not exist"):
        load_queries(tmp_path / "none.jsonl")
    (tmp_path / "empty.jsonl").write_text("")
    with pytest.raises(QAError, match="holds no queries"):
        load_queries(tmp_path / "empty.jsonl")


def test_bench_fit_scores_the_product_as_qa_eval_does(ngo_index, embedder):
    """bench/fit.py re-ranks the product's own candidates; ranked by the product's score they must
    measure what `qa eval` measures, or its fitted changes are against the wrong baseline."""
    import importlib.util

    from conftest import ROOT

    from qa.evaluating import run
    from qa.searching import search

    spec = importlib.util.spec_from_file_location("fit", ROOT / "bench" / "fit.py")
    fit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fit)
    queries = load_queries(ROOT / "eval" / "queries.jsonl")
    items = fit.gather(ngo_index, embedder, queries, headings=True)
    metrics, _ = run(queries, lambda q, n: search(ngo_index, embedder, q, n), 5)
    measured = fit.score(items, lambda c: c.product)
    assert measured.tolist() == pytest.approx([metrics[m] for m in fit.METRICS])
    assert any(c.gold_end.max() >= 0 for c in items) and measured[0] > 0.5  # the gold strings were found


def test_declined_found_and_period_by_hand():
    from dataclasses import replace

    def dated(text, date, inside):
        h = hit(text, date)
        return replace(h, in_period=inside)

    results = [
        result(Query("treasurer?", [], unanswerable=True), [hit("x")], 0.0, found=False),  # declined
        result(Query("revenue?", [], unanswerable=True), [hit("x")], 0.0, found=True),  # not declined
        result(Query("signatures?", ["gold"]), [hit("gold")], 0.0, found=True),
        result(Query("in 2016?", ["a"], period=("2016", "2016")),
               [dated("a", "2016-05", True), dated("b", "2019", False), dated("c", None, False)], 0.0),
        result(Query("in 2017?", ["a"], period=("2017", "2017")), [dated("a", "2017", True), dated("b", "2019", None)], 0.0),
        result(Query("in 2028?", [], unanswerable=True, period=("2028", "2028")), [dated("b", "2019", False)], 0.0,
               found=False),
    ]
    m = score(results, k=5)
    assert m["declined"] == pytest.approx(2 / 3)  # the empty period counts as unanswerable too
    assert m["found"] == pytest.approx(1.0)
    assert m["period"] == pytest.approx(2 / 3) and m["periods"] == 3  # "in 2017?" left 2019 unmarked
    assert m["queries"] == 3 and m["hit@1"] == 1.0  # ranked metrics over the answerable ones only
