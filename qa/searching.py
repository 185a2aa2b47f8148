"""Answers a question with the passages that best match it in meaning, words and time.

Two retrievers each give their best candidates with scores:
- dense: cosine of the question's vector to each passage's (FAISS);
- bm25: keyword scores, for names, acronyms and numbers.
Hybrid fuses them by a convex combination of normalised scores (it keeps how far ahead a
candidate is, which reciprocal-rank fusion throws away; Bruch et al., "An Analysis of
Fusion Functions for Hybrid Retrieval", 2023). Each candidate then gains a share of the best
score in its document, since a question usually names its subject. When the question names a
time, candidates whose dates fall in it get a bonus, smaller the more years they miss it by,
and a little more if dated in the first year of a longer period, since narrative reports a
state when it begins ("latest"/"earliest": a bonus by date order instead). So passages of
that time rise to the top while a strongly matching undated passage is not dropped. A text
repeated in the corpus is shown once. Within each passage the sentence that best answers is
marked.
Left out: answer generation, cross-encoder re-ranking.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .chunking import Chunk, split_sentences
from .dating import find_dates
from .embedding import Embedder
from .errors import QuestionError
from .indexing import Index
from .keywords import words as keywords_of
from .querytime import TimeScope, question_time

MAX_QUESTION_CHARS = 1000
MIN_COSINE = 0.25  # no passage this close in meaning ...
MIN_COSINE_WITH_WORDS = 0.2  # ... nor this close and sharing a keyword: nothing is about the question
RETRIEVERS = ("hybrid", "dense", "bm25")
POOL = 100  # candidates taken from each ranking before fusion
ALPHA = 0.5  # weight of the dense scores against BM25's in hybrid retrieval
DOC_WEIGHT = 0.5  # share of its document's best score a candidate gets on top of its own
TIME_BONUS = 0.3  # added to a passage of the asked time (fused scores lie in 0..1) ...
TIME_DECAY = 1.0  # ... and e^(-years/TIME_DECAY) of it to one that misses it by some years
START_BONUS = 0.1  # added for a period of several years to a passage dated in its first year
ORDER_BONUS = 1.0  # "latest"/"earliest": added to the first by date, the n-th gets 1/(1 + n/2) of it


@dataclass(frozen=True)
class Hit:
    text: str
    heading: str | None
    date: str | None
    date_end: str | None
    source: str
    line: int
    score: float
    highlight: tuple[int, int]  # character offsets of the best-answering sentence in `text`
    unit: str = "line"  # what `line` counts: "line", or "page" in a PDF


@dataclass(frozen=True)
class Answer:
    question: str
    time: TimeScope | None
    hits: list[Hit]
    found: bool = True  # False when no passage is about the question (the hits are then empty)


@dataclass(frozen=True)
class Filters:
    """What the person narrowed the answer to, beside the question itself."""

    from_year: int | None = None  # passages shown with a date in from_year..to_year; undated ones are left out
    to_year: int | None = None
    by_date: bool = False  # the k best, shown newest first instead of best first

    @property
    def years(self) -> TimeScope | None:
        if self.from_year is None and self.to_year is None:
            return None
        return TimeScope(None if self.from_year is None else f"{self.from_year:04d}",
                         None if self.to_year is None else f"{self.to_year:04d}")


def clean_question(question: str) -> str:
    """The question with whitespace and control characters folded; QuestionError if empty or too long."""
    q = " ".join("".join(ch if ch.isprintable() else " " for ch in question).split())
    if not q:
        raise QuestionError("the question is empty: type a question, e.g. 'What happened in 2019?'")
    if len(q) > MAX_QUESTION_CHARS:
        raise QuestionError(f"the question is {len(q)} characters long; the limit is {MAX_QUESTION_CHARS}")
    return q


def _in_scope(chunk: Chunk, scope: TimeScope) -> bool:
    return any(scope.overlaps(start, end) for start, end in chunk.dates)


def _shown_in(chunk: Chunk, scope: TimeScope) -> bool:
    """True when the date the chunk is shown with overlaps the scope (a filter the person set)."""
    return chunk.date is not None and scope.overlaps(chunk.date, chunk.date_end)


def _years(iso: str) -> float:
    """An ISO prefix as a point on a line of years, at its start: "2019-07" -> 2019.5."""
    parts = [int(p) for p in iso.split("-")[:2]]
    return parts[0] + (parts[1] - 1) / 12 if len(parts) == 2 else parts[0]


def time_fit(chunk: Chunk, scope: TimeScope) -> float:
    """1 when a date of the chunk falls in the scope, decaying with the years it misses by; 0 if undated.

    >>> from .chunking import Chunk
    >>> c = Chunk("t", None, "s", 1, dates=[["2016", None]])
    >>> time_fit(c, TimeScope("2016", "2016")), round(time_fit(c, TimeScope("2018", "2019")), 3)
    (1.0, 0.135)
    """
    if not chunk.dates or not scope.bounded:
        return 0.0
    if _in_scope(chunk, scope):
        return 1.0
    low = _years(scope.start) if scope.start else float("-inf")
    high = _years(scope.end) if scope.end else float("inf")
    miss = min(max(0.0, _years(a) - high, low - _years(b or a)) for a, b in chunk.dates)
    return float(np.exp(-miss / TIME_DECAY))


def starts(chunk: Chunk, scope: TimeScope) -> bool:
    """True when the scope spans several years and the chunk mentions a date in the first.

    Narrative text reports a state when it begins ("In 2004 she joined …"), so for "from
    2004 to 2006" the passage dated 2004 is likelier to tell what held then than one dated 2005.

    >>> from .chunking import Chunk
    >>> c = Chunk("t", None, "s", 1, dates=[["2004-03", None]])
    >>> starts(c, TimeScope("2004", "2006")), starts(c, TimeScope("2004", "2004")), starts(c, TimeScope("2003", "2006"))
    (True, False, False)
    """
    if not (scope.start and scope.end) or scope.start[:4] == scope.end[:4]:
        return False
    return any(start[:4] == scope.start[:4] for start, _ in chunk.dates)


def by_document(scores: dict[int, float], chunks: list[Chunk]) -> dict[int, float]:
    """Each score plus DOC_WEIGHT times the best score in its document.

    A question usually names its subject (a person, a club, a campaign); passages from the
    document that answers best about it are likelier to be about it too.

    >>> from .chunking import Chunk
    >>> cs = [Chunk("a", None, "x", 1), Chunk("b", None, "x", 2), Chunk("c", None, "y", 1)]
    >>> by_document({0: 0.5, 1: 0.25, 2: 0.75}, cs)
    {0: 0.75, 1: 0.5, 2: 1.125}
    """
    best: dict[str, float] = {}
    for i, s in scores.items():
        best[chunks[i].source] = max(best.get(chunks[i].source, s), s)
    return {i: s + DOC_WEIGHT * best[chunks[i].source] for i, s in scores.items()}


def time_ranking(chunks: list[Chunk], candidates: list[int], scope: TimeScope) -> list[int]:
    """The candidates the time of the question favours, best first (see the module docstring)."""
    picked = [i for i in candidates if chunks[i].date and (not scope.bounded or _in_scope(chunks[i], scope))]
    if scope.order:  # by the date each passage is shown with, not every year it mentions
        picked.sort(key=lambda i: chunks[i].date, reverse=scope.order == "latest")
    return picked


def _highlight(text: str, words: set[str], scope: TimeScope | None) -> tuple[int, int]:
    """Offsets of the sentence sharing most question words (ties: the earlier one)."""
    best, best_score, pos = (0, len(text)), -1.0, 0
    for sentence in split_sentences(text):
        start = text.find(sentence, pos)
        pos = start + len(sentence)
        score = len(words & keywords_of(sentence))
        if scope and scope.bounded:
            score += 0.5 * any(scope.overlaps(s.start, s.end) for s in find_dates(sentence))
        if score > best_score:
            best, best_score = (start, start + len(sentence)), score
    return best


def _about(dense: dict[int, float], bm25: dict[int, float], retriever: str) -> bool:
    """Whether any candidate is about the question: close enough in meaning, or a little less
    close and sharing a keyword (BM25 alone: sharing a keyword). Thresholds set on the NGO page:
    its 50 questions all pass (lowest best cosine 0.28), off-topic ones ("How do I bake bread?"
    0.15, "Who won the 2018 World Cup?" 0.15 with a keyword) do not."""
    if retriever == "bm25":
        return bool(bm25)
    best = max(dense.values(), default=0.0)
    return best >= MIN_COSINE or (bool(bm25) and best >= MIN_COSINE_WITH_WORDS)


def _distinct(order: list[int], chunks: list[Chunk], k: int) -> list[int]:
    """The first k of `order` whose texts differ (a list item repeated in a document shows once)."""
    seen, out = set(), []
    for i in order:
        text = " ".join(chunks[i].text.split())
        if text not in seen:
            seen.add(text)
            out.append(i)
            if len(out) == k:
                break
    return out


def fuse(dense: dict[int, float], bm25: dict[int, float], alpha: float) -> dict[int, float]:
    """alpha * cosine + (1 - alpha) * bm25 / best bm25, over the union of candidates (absent: 0).

    Cosines keep their own scale (negatives count as 0) rather than being stretched over the
    candidates, so that near-equal cosines stay near-equal in a small corpus.

    >>> fuse({1: 0.9, 2: 0.5}, {2: 8.0, 3: 2.0}, 0.5)
    {1: 0.45, 2: 0.75, 3: 0.125}
    """
    top = max(bm25.values(), default=0.0) or 1.0
    return {
        i: alpha * max(dense.get(i, 0.0), 0.0) + (1 - alpha) * bm25.get(i, 0.0) / top
        for i in dict.fromkeys([*dense, *bm25])
    }


def search(
    index: Index, embedder: Embedder, question: str, k: int = 5, retriever: str = "hybrid", use_time: bool = True,
    filters: Filters = Filters(),  # noqa: B008 - frozen, so one shared default is safe
) -> Answer:
    """The k passages that best answer `question`, best first.

    Answer.found is False, with no hits, when no passage is about the question (see `_about`).
    """
    if k < 1:
        raise QuestionError(f"k must be at least 1, got {k}")
    years = filters.years
    if years and years.start and years.end and years.start > years.end:
        raise QuestionError(f"the year range {years.start}–{years.end} is empty: 'from' must not be after 'to'")
    if retriever not in RETRIEVERS:
        raise QuestionError(f"unknown retriever {retriever!r}: choose one of {', '.join(RETRIEVERS)}")
    q = clean_question(question)
    pool = max(POOL if years is None else 10 * POOL, k)
    dense: dict[int, float] = {}
    bm25: dict[int, float] = {}
    if retriever in ("dense", "hybrid"):
        dense = dict(index.search(embedder.encode([q])[0], pool))
    if retriever in ("bm25", "hybrid"):
        scores = index.keywords.scores(q)
        top = [int(i) for i in np.argsort(-scores, kind="stable")[:pool] if scores[i] > 0]
        bm25 = {i: float(scores[i]) for i in top}
    if years is not None:
        dense = {i: v for i, v in dense.items() if _shown_in(index.chunks[i], years)}
        bm25 = {i: v for i, v in bm25.items() if _shown_in(index.chunks[i], years)}
    scope = question_time(q) if use_time else None
    if not _about(dense, bm25, retriever):
        return Answer(q, scope, [], found=False)
    fused = fuse(dense, bm25, ALPHA if retriever == "hybrid" else float(retriever == "dense"))
    if retriever == "hybrid":
        fused = by_document(fused, index.chunks)
    if scope and scope.order:  # "latest"/"earliest": a bonus falling with date order
        picked = time_ranking(index.chunks, sorted(fused, key=lambda i: -fused[i]), scope)
        for n, i in enumerate(picked):
            fused[i] += ORDER_BONUS / (1 + n / 2)
    elif scope:
        for i in fused:
            fused[i] += TIME_BONUS * time_fit(index.chunks[i], scope) + START_BONUS * starts(index.chunks[i], scope)
    order = _distinct(sorted(fused, key=lambda i: -fused[i]), index.chunks, k)
    if filters.by_date:
        order.sort(key=lambda i: index.chunks[i].date or "", reverse=True)
    words = keywords_of(q)
    hits = []
    for i in order:
        c = index.chunks[i]
        score = dense[i] if retriever == "dense" and not scope else fused[i]
        hits.append(Hit(c.text, c.heading, c.date, c.date_end, c.source, c.line, round(float(score), 4),
                        _highlight(c.text, words, scope), c.unit))
    return Answer(q, scope, hits)
