"""Scores retrieval on a file of questions with known answers.

Query file: one JSON object a line, `{"q": question, "gold": [strings], "date": "2019-11"}`
(`date` optional), or a conversation, `{"turns": [{"q", "gold", "date"?, "spelled"?}, ...]}`, whose
turns are asked in order, each in the context of those before; its follow-up turns (all but the
first) are also scored apart, in context, asked alone and, where a turn has it, as `spelled` (the
follow-up spelled out by a person: the ceiling). `{"q", "unanswerable": true}` is a question the
documents can't answer: the reply should decline (`found` false). `"period": [START, END]` (ISO
prefixes, null for an open end) marks a question that names a period: no passage shown outside it
may be left unmarked, and one whose period holds nothing is also `unanswerable`.
What is read of a passage is what the page and `qa ask` show of it: its
heading, when it has one, then its text (`headings=False`: the text alone). A passage is
relevant when what is read of it, whitespace collapsed, contains a gold string. Metrics,
each a share of the queries:
  hit@1, hit@k   a relevant passage is first / in the first k
  mrr@10         mean of 1/rank of the first relevant passage in the first 10 (0 if none)
  date@1         of the queries with a date: the first passage is relevant and its date
                 starts with the query's date
  read@N         a gold string ends within the first N characters of the ranked passages
                 read in order (collapsed, joined by one space)
  declined       of the unanswerable questions: the reply says nothing answers
  found          of the answerable questions: the reply does not decline
  period         of the questions naming a period: every passage shown dated outside it (or
                 undated) is marked outside, and an empty period is declined
Left out: graded relevance, answers split across passages.
"""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from .dates import TimeScope
from .errors import QAError
from .searching import Answer, Hit

READ_LIMITS = (300, 1000)


@dataclass(frozen=True)
class Query:
    q: str
    gold: list[str]
    date: str | None = None
    unanswerable: bool = False
    period: tuple[str | None, str | None] | None = None
    spelled: str | None = None  # a follow-up spelled out by a person


@dataclass(frozen=True)
class Dialogue:
    """A conversation: its turns are asked in order, each in the context of those before."""

    turns: list[Query]


def _query(obj, where: str) -> Query:
    try:
        unanswerable = obj.get("unanswerable") is True
        period = obj.get("period")
        q = Query(obj["q"], list(obj.get("gold") or []) if unanswerable else list(obj["gold"]), obj.get("date"),
                  unanswerable, tuple(period) if period is not None else None, obj.get("spelled"))
    except (KeyError, TypeError, AttributeError) as e:
        raise QAError(f"{where}: not a query ({e!r}); expected {{\"q\": ..., \"gold\": [...]}}") from e
    if not isinstance(q.q, str) or not q.q.strip() or not (q.gold or unanswerable) or not all(
            isinstance(g, str) and g.strip() for g in q.gold):
        raise QAError(f"{where}: a query needs a question and at least one non-empty gold string"
                      " (or \"unanswerable\": true)")
    if q.period is not None and (len(q.period) != 2 or not all(x is None or isinstance(x, str) for x in q.period)):
        raise QAError(f"{where}: \"period\" must be [START, END], ISO prefixes or null")
    return q


def load_queries(path: Path) -> list[Query | Dialogue]:
    """The queries and conversations in a JSON-lines file; QAError naming the line of a malformed one."""
    if not path.is_file():
        raise QAError(f"query file {path} does not exist")
    items: list[Query | Dialogue] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as e:
            raise QAError(f"{path}:{n}: not JSON ({e})") from e
        if isinstance(obj, dict) and "turns" in obj:
            if not isinstance(obj["turns"], list) or not obj["turns"]:
                raise QAError(f"{path}:{n}: a conversation needs a list of turns")
            items.append(Dialogue([_query(t, f"{path}:{n}, turn {i}") for i, t in enumerate(obj["turns"], 1)]))
        else:
            items.append(_query(obj, f"{path}:{n}"))
    if not items:
        raise QAError(f"query file {path} holds no queries")
    return items


def _collapse(s: str) -> str:
    return " ".join(s.split())


def first_relevant(texts: list[str], gold: list[str]) -> int | None:
    """0-based rank of the first text containing a gold string, or None."""
    gold = [_collapse(g) for g in gold]
    for rank, t in enumerate(texts):
        t = _collapse(t)
        if any(g in t for g in gold):
            return rank
    return None


def read_depth(texts: list[str], gold: list[str]) -> int | None:
    """Characters read, in ranked order, until a gold string ends; None if none appears.

    >>> read_depth(["a b", "the answer"], ["answer"])  # "a b" + " " + "the answer"
    14
    """
    gold = [_collapse(g) for g in gold]
    offset = 0
    for t in texts:
        t = _collapse(t)
        ends = [t.find(g) + len(g) for g in gold if g in t]
        if ends:
            return offset + min(ends)
        offset += len(t) + 1
    return None


def shown(hit: Hit, headings: bool = True) -> str:
    """What a reader reads of a passage: its heading (a line above it on the page), then its text."""
    return f"{hit.heading}\n{hit.text}" if headings and hit.heading else hit.text


@dataclass
class QueryResult:
    query: Query
    answer: Answer
    seconds: float
    headings: bool = True  # read passages' headings as well as their texts

    @property
    def hits(self) -> list[Hit]:
        return self.answer.hits

    @property
    def read(self) -> list[str]:
        return [shown(h, self.headings) for h in self.hits]

    @property
    def rank(self) -> int | None:
        return first_relevant(self.read, self.query.gold)


def period_kept(r: QueryResult, k: int) -> bool:
    """Whether every passage of the first k that is dated outside the query's period (or undated)
    is marked outside, and an empty period declined."""
    start, end = r.query.period
    scope = TimeScope(start, end)
    if r.query.unanswerable and r.answer.found:
        return False
    for h in r.hits[:k]:
        inside = bool(h.date) and scope.overlaps(h.date, h.date_end)
        if not inside and h.in_period is not False:
            return False
    return True


def score(results: list[QueryResult], k: int) -> dict[str, float]:
    """The metrics above over `results` (each with at least k hits asked for)."""
    out = {}
    unanswerable = [r for r in results if r.query.unanswerable]
    if unanswerable:
        out["declined"] = sum(1 for r in unanswerable if not r.answer.found) / len(unanswerable)
    periods = [r for r in results if r.query.period is not None]
    results = [r for r in results if not r.query.unanswerable]
    if unanswerable:
        out["found"] = sum(1 for r in results if r.answer.found) / len(results) if results else float("nan")
    if periods:
        out["period"] = sum(1 for r in periods if period_kept(r, k)) / len(periods)
        out["periods"] = len(periods)
    if not results:
        return {"queries": 0, **out}
    return {**_ranked(results, k), **out}


def _ranked(results: list[QueryResult], k: int) -> dict[str, float]:
    n = len(results)
    ranks = [r.rank for r in results]
    dated = [r for r in results if r.query.date]
    date_ok = sum(
        1 for r in dated
        if r.rank == 0 and (r.hits[0].date or "").startswith(r.query.date)
    )
    out = {
        "queries": n,
        "hit@1": sum(1 for x in ranks if x == 0) / n,
        f"hit@{k}": sum(1 for x in ranks if x is not None and x < k) / n,
        "mrr@10": sum(1 / (x + 1) for x in ranks if x is not None and x < 10) / n,
        "date@1": date_ok / len(dated) if dated else float("nan"),
    }
    for limit in READ_LIMITS:
        depths = [read_depth(r.read, r.query.gold) for r in results]
        out[f"read@{limit}"] = sum(1 for d in depths if d is not None and d <= limit) / n
    ms = sorted(r.seconds * 1000 for r in results)
    out["p50_ms"] = statistics.median(ms)
    out["p95_ms"] = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
    tops = [len(_collapse(r.read[0])) for r in results if r.hits]
    out["median_top_chars"] = statistics.median(tops) if tops else 0
    return out


def _timed(query: Query, ask, depth: int, headings: bool, asked: str | None = None) -> QueryResult:
    t0 = time.perf_counter()
    answer = ask(asked or query.q, depth)
    return QueryResult(query, answer, time.perf_counter() - t0, headings)


def run(items: list[Query | Dialogue], ask, k: int, headings: bool = True,
        converse=None) -> tuple[dict, list[QueryResult]]:
    """Asks every query with `ask(question, n) -> Answer` and scores the answers.

    A conversation's turns go to one `converse()`, a new `(question, n) -> Answer` that keeps its
    own context; with any conversation, the metrics also hold "followups" (its later turns, in
    context), "followups_alone" (the same turns asked with `ask`) and "followups_spelled" (the
    turns that have one, spelled out, asked with `ask`). Enough passages are fetched to fill the
    longest read@N window, whatever k is.
    """
    depth = max(k, 40)
    results, followups, alone, spelled = [], [], [], []
    for item in items:
        if isinstance(item, Query):
            results.append(_timed(item, ask, depth, headings))
            continue
        say = converse()
        for n, turn in enumerate(item.turns):
            results.append(_timed(turn, say, depth, headings))
            if n:
                followups.append(results[-1])
                alone.append(_timed(turn, ask, depth, headings))
                if turn.spelled:
                    spelled.append(_timed(turn, ask, depth, headings, turn.spelled))
    metrics = score(results, k)
    if followups:
        metrics["followups"] = score(followups, k)
        metrics["followups_alone"] = score(alone, k)
    if spelled:
        metrics["followups_spelled"] = score(spelled, k)
    return metrics, results
