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
that time rise to the top while a strongly matching undated passage is not dropped. Among the
first five, a passage that names the year a period opens or closes then goes a little higher: it
is likelier to tell what began or ended then than one whose span merely covers it (the two weights
were fitted on half of a benchmark's questions and checked on the other: bench/fit.py). A question
asked on its own, with no time, whose first passage says none of the words that few passages of its
article say ("knighted"), gets first the one of that article among the first five that says them all
(an article's opening lines say the name it is about, and win on it). A text
repeated in the corpus is shown once. Within each passage the sentence that best answers is
marked.
Left out: answer generation, cross-encoder re-ranking.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import ChainMap
from dataclasses import dataclass, replace

import numpy as np

from . import reranking
from .chunking import Chunk
from .dates import JAPANESE, TimeScope, leading_date, without_dates
from .deciding import (
    KIND_WORDS,
    Evidence,
    absent_person,
    answers,
    asked_kind,
    asked_kinds,
    asking_part,
    corrected_place,
    evidence,
    holds_count,
    must_hold,
    names_none,
    placed_elsewhere,
    places_named,
    probability,
    typed,
    unknown_attribute,
    unknown_name,
    unknown_place,
    unknown_region,
    unlisted,
    unreported_response,
    untitled,
    untold_start,
    untold_succession,
    untold_talk,
)
from .embedding import Embedder, model_words
from .errors import QuestionError
from .indexing import Index
from .keywords import (
    corrected,
    expand_acronyms,
    expand_clipped,
    japanese_names,
    japanese_nouns,
    kin,
    spaced,
    spelled_alike,
)
from .keywords import terms as keywords_terms
from .keywords import words as keywords_of
from .languages import table, words_for
from .places import as_named, capitalised, continents_named, in_latin, regions_in, with_region_places
from .querytime import MONTH_WORD, listing_order, question_time
from .tables import ChunkTable, high_key, low_key

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
ORDER_RELEVANT = 0.7  # a question with words of its own: only candidates this close to the best are ordered by date
FIRST_FIVE = 5  # the passages re-ordered by the years they name, whatever k is ...
FIRST_YEAR_BONUS = 0.2  # ... with this for naming the year a period opens ...
LAST_YEAR_BONUS = 0.1  # ... and this for the year it closes
ORDERED = 4 * FIRST_FIVE  # the passages put in order for any k: what is shown first never depends on how many are asked
SPECIFIC = 0.12  # a word at most this share of the passages use names something of its own
CONTEXT_WEIGHT = 0.5  # a follow-up's context words count this much against its own (BM25)
FOCUS_DOCUMENT = 0.3  # added to passages of the document of the answer in focus ...
FOCUS_PASSAGE = 0.1  # ... and to the passages just shown ("where was that held?")
KIND_BONUS = 0.2  # a follow-up asking "which network …": a passage that names the kind gets this share of the best score
COUNT_BONUS = 0.2  # a follow-up that asks "how many": a passage giving a count gets this share of the best score
ACTION_BONUS = 0.2  # "what did ACE do at TICAD 7?": a dated entry gets this share of the best score (an act is dated)


@dataclass(frozen=True)
class Hit:
    """A passage in an answer: the chunk, its score, and where its best-answering sentence is."""

    chunk: Chunk
    score: float  # higher is better; compare within one answer
    highlight: tuple[int, int]  # character offsets of the best-answering sentence in the chunk's text
    number: int = -1  # the chunk's number in the index
    in_period: bool | None = None  # shown with a date in the period the question names (None: it names none)

    # The chunk's fields, as the answer shows them.
    text = property(lambda self: self.chunk.text)
    heading = property(lambda self: self.chunk.heading)
    date = property(lambda self: self.chunk.date)
    date_end = property(lambda self: self.chunk.date_end)
    source = property(lambda self: self.chunk.source)
    line = property(lambda self: self.chunk.line)
    unit = property(lambda self: self.chunk.unit)


@dataclass(frozen=True)
class Answer:
    question: str
    time: TimeScope | None
    hits: list[Hit]
    found: bool = True  # False when no passage answers: the hits are then the closest ones, or none
    empty_period: bool = False  # the question names a period nothing in the documents is dated in
    period: bool = False  # the time was named by the question (or follow-up), so hits are marked in or out
    evidence: Evidence | None = None  # what decided `found` (see `deciding`)
    kind_missing: bool = False  # the period asked holds nothing of the kind asked for ("any public comments in 2018")


@dataclass(frozen=True)
class Signals:
    """What a conversation adds to a follow-up's own words (see `conversing`)."""

    context: str = ""  # the words of the subject in focus, searched beside the question's at CONTEXT_WEIGHT
    focus: tuple[int, ...] = ()  # the passages just shown, the answer in focus first
    exclude: tuple[int, ...] = ()  # passages already shown, for "what else"
    item: int | None = None  # the passage a list reference points at ("the third one"): shown first
    named_time: bool = True  # the time searched with was named by this question, not carried over
    time_words: str = ""  # the words of the question that named that time ("the month before", 翌月)
    left_out: str = ""  # the words that name a thing the question leaves out ("besides the Geneva forum") or only
    #                      refer ("those two"): not matched; several, one a line
    among: tuple[int, ...] = ()  # the list a question picks from ("of the three, which was in Tokyo?"): shown first
    place: str = ""  # "what did we do there after that?": the place, whose next passage is asked, not the next event

    @property
    def empty(self) -> bool:
        return not (self.context or self.focus or self.exclude or self.item is not None or self.among)


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


def by_document(ids: np.ndarray, scores: np.ndarray, table: ChunkTable) -> np.ndarray:
    """Each score plus DOC_WEIGHT times the best score in its document.

    A question usually names its subject (a person, a club, a campaign); passages from the
    document that answers best about it are likelier to be about it too.

    >>> from .chunking import Chunk
    >>> t = ChunkTable.of([Chunk("a", None, "x", 1), Chunk("b", None, "x", 2), Chunk("c", None, "y", 1)])
    >>> by_document(np.array([0, 1, 2]), np.array([0.5, 0.25, 0.75]), t).tolist()
    [0.75, 0.5, 1.125]
    """
    document = table.document[ids]
    best = np.full(table.documents, -np.inf)
    np.maximum.at(best, document, scores)
    return scores + DOC_WEIGHT * best[document]


MENTIONED = True  # a follow-up's time relative to the answer counts every date a passage mentions


def _open_in_conversation(scope: TimeScope | None, signals: Signals) -> bool:
    """Whether a follow-up names an open period of its own ("when did it come back after 1974?"): the
    dates its document's paragraphs mention count (one that opens in 1956 tells of its revival in 1981)."""
    return bool(signals.focus) and scope is not None and scope.bounded and not (scope.start and scope.end)


def time_ranking(chunks: list[Chunk], table: ChunkTable, ranked: np.ndarray, scope: TimeScope,
                 document: int | None = None, mentioned: bool = False) -> list[int]:
    """The candidates (`ranked` best first) the time of the question favours, best first; of the
    `document` given (a conversation's), else of the best candidate's. `mentioned`: by the dates
    passages mention, not the one each is shown with ("two years later" than the answer: a
    paragraph that opens in 1956 and goes on to 1958 tells of 1958)."""
    keep = table.dated[ranked].copy()
    if scope.bounded and len(ranked):
        # "after that", "before 2017": the next event of the subject asked about, so of the
        # documents the best candidate comes from, not of any topic the corpus holds
        keep &= table.document[ranked] == (table.document[ranked[0]] if document is None else document)
    if mentioned and scope.bounded:
        key = table.mentioned_in(ranked, scope, scope.order == "latest")
        own = np.where(table.starting_in(ranked, scope), table.shown_middle[ranked], -1)
        for n in np.flatnonzero(keep & (key != own)):  # a dated entry ("June 15, 2021 …") is of its own date
            if leading_date(chunks[int(ranked[n])].text) is not None:
                key[n] = own[n]
        keep &= key >= 0
        picked = [(int(i), int(k)) for i, k in zip(ranked[keep], key[keep], strict=True)]
        if scope.near:  # "two years later": the nearest to the day it names, either side
            picked = [picked[n] for n in _nearest_first(table, [i for i, _ in picked], scope, [k for _, k in picked])]
        else:
            picked.sort(key=lambda p: p[1], reverse=scope.order == "latest")
        return [i for i, _ in picked]
    if scope.bounded:
        keep &= table.starting_in(ranked, scope)  # what it is shown with begins in the scope
        if scope.end and scope.order == "latest":  # "before 22 January 2020": not a passage dated "2020"
            keep &= table.shown_high[ranked] <= high_key(scope.end)
    picked = [int(i) for i in ranked[keep]]
    if scope.near:  # "two years later": the nearest to the day it names, either side
        picked = [picked[n] for n in _nearest_first(table, picked, scope)]
    elif scope.order:  # by the date each passage is shown with, not every year it mentions
        picked.sort(key=lambda i: int(table.shown_middle[i]), reverse=scope.order == "latest")
    if scope.order and not scope.bounded:  # "the oldest thing on our record": a dated entry, before a paragraph
        entry = {i for i in picked if leading_date(chunks[i].text) is not None}  # that only mentions a year
        picked = [i for i in picked if i in entry] + [i for i in picked if i not in entry]
    return picked


def _nearest_first(table: ChunkTable, picked: list[int], scope: TimeScope, keys: list[int] | None = None) -> list[int]:
    """The positions of `picked` in the order of how many days each is from the time the scope names
    (`TimeScope.near`, as precise as the date counted from: four years after 1953 is 1957, two months after 15
    May is 15 July), ties as they came: 0 when the days it is shown with meet it ("July 9-18" for the 15th,
    "1957" for 1957), else the gap; a date coarser than that time counts from its middle ("2019" for a day); a
    date it mentions (`keys`, YYYYMMDD, its own when it is the one shown with) likewise."""
    ids = np.array(picked, dtype=np.int64)
    low, high = _days(np.array([low_key(scope.near), high_key(scope.near)]))
    middle = table.shown_middle[ids]
    said = middle if keys is None else np.array(keys, dtype=np.int64)
    point = (said != middle) | (table.shown_precision[ids] < len(scope.near))
    at = _days(said)
    start = np.where(point, at, _days(table.shown_low[ids]))
    end = np.where(point, at, _days(table.shown_high[ids]))
    gap = np.where((start <= high) & (end >= low), 0, np.minimum(np.abs(start - high), np.abs(end - low)))
    return np.argsort(gap, kind="stable").tolist()


def _highlight(index: Index, i: int, words: set[str], scope: TimeScope | None) -> tuple[int, int]:
    """Offsets of the sentence of chunk i sharing most question words, half a word more for
    naming the year of one of its dates in the question's time (ties: the earlier sentence)."""
    chunk = index.chunks[i]
    years = {a[:4] for a, b in chunk.dates if scope.overlaps(a, b)} if scope and scope.bounded else set()
    best, best_score = (0, len(chunk.text)), -1.0
    for start, end, terms in index.sentences(i):
        score = len(terms & words) + 0.5 * bool(terms & years)
        if score > best_score:
            best, best_score = (start, end), score
    return best


def _about(dense: np.ndarray, bm25: np.ndarray, retriever: str) -> bool:
    """Whether any candidate is about the question, given the candidates' cosines and BM25 scores:
    close enough in meaning, or a little less close and sharing a keyword (BM25 alone: sharing a
    keyword). Thresholds set on the NGO page: its 50 questions all pass (lowest best cosine 0.28),
    off-topic ones ("How do I bake bread?" 0.15, "Who won the 2018 World Cup?" 0.15 with a
    keyword) do not."""
    if retriever == "bm25":
        return bool(len(bm25))
    best = float(np.max(dense)) if len(dense) else 0.0
    return best >= MIN_COSINE or (bool(len(bm25)) and best >= MIN_COSINE_WITH_WORDS)


def _in_period(index: Index, dense: np.ndarray, bm25: np.ndarray, scope: TimeScope | None) -> bool:
    """Whether a question that only bounds a period ("What happened before 2017?", whose year is not
    matched as a word) has candidates shown in that period: the period is then what it is about."""
    if scope is None or scope.order or (scope.start and scope.end) or not scope.bounded:
        return False
    return bool(index.table.starting_in(np.concatenate([dense, bm25]).astype(np.int64), scope).any())


def _distinct(order: np.ndarray, table: ChunkTable, k: int) -> list[int]:
    """The first k of `order` whose texts differ (a list item repeated in a document shows once)."""
    seen, out = set(), []
    for i, text in zip(order.tolist(), table.text[order].tolist(), strict=True):
        if text not in seen:
            seen.add(text)
            out.append(i)
            if len(out) == k:
                break
    return out


def fuse(dense: tuple[np.ndarray, np.ndarray], bm25: tuple[np.ndarray, np.ndarray],
         alpha: float) -> tuple[np.ndarray, np.ndarray]:
    """alpha * cosine + (1 - alpha) * bm25 / best bm25, over the union of candidates (absent: 0).

    Each argument is (chunk numbers, scores); so is the result, the dense candidates first.
    Cosines keep their own scale (negatives count as 0) rather than being stretched over the
    candidates, so that near-equal cosines stay near-equal in a small corpus.

    >>> ids, scores = fuse((np.array([1, 2]), np.array([0.9, 0.5])), (np.array([2, 3]), np.array([8.0, 2.0])), 0.5)
    >>> ids.tolist(), scores.tolist()
    ([1, 2, 3], [0.45, 0.75, 0.125])
    """
    seen = np.zeros(int(max(dense[0].max(initial=-1), bm25[0].max(initial=-1))) + 1, dtype=bool)
    seen[dense[0]] = True
    ids = np.concatenate([dense[0], bm25[0][~seen[bm25[0]]]]).astype(np.int64)
    total = np.zeros(len(seen))
    total[dense[0]] = alpha * np.maximum(dense[1], 0.0)
    if len(bm25[0]):
        total[bm25[0]] += (1 - alpha) * bm25[1] / (float(np.max(bm25[1])) or 1.0)
    return ids, total[ids]


def _check(k: int, retriever: str, filters: Filters) -> None:
    if k < 1:
        raise QuestionError(f"k must be at least 1, got {k}")
    years = filters.years
    if years and years.start and years.end and years.start > years.end:
        raise QuestionError(f"the year range {years.start}–{years.end} is empty: 'from' must not be after 'to'")
    if retriever not in RETRIEVERS:
        raise QuestionError(f"unknown retriever {retriever!r}: choose one of {', '.join(RETRIEVERS)}")


Ranked = tuple[np.ndarray, np.ndarray]  # chunk numbers and their scores
_NONE: Ranked = (np.empty(0, dtype=np.int64), np.empty(0))


def candidates(index: Index, embedder: Embedder, q: str, retriever: str, pool: int,
               years: TimeScope | None, context: str = "") -> tuple[Ranked, Ranked]:
    """The `pool` best chunks by cosine and by BM25 (each empty when the retriever leaves it
    out), only those shown with a date in `years` when the person set a year range. A follow-up's
    `context` is embedded with the question and its words scored apart at CONTEXT_WEIGHT."""
    dense, bm25 = _NONE, _NONE
    if retriever in ("dense", "hybrid"):
        dense = index.search(embedder.encode([f"{q} {context}".strip()])[0], pool, years)
    if retriever in ("bm25", "hybrid"):
        bm25 = index.keyword_search(q, pool, years)
        if context:
            bm25 = _add(bm25, index.keyword_search(context, pool, years), CONTEXT_WEIGHT)
    if years is not None:
        dense = _shown_in(dense, index.table, years)
        bm25 = _shown_in(bm25, index.table, years)
    return dense, bm25


def _add(a: Ranked, b: Ranked, weight: float) -> Ranked:
    """Two rankings' scores summed (b's times `weight`), best first.

    >>> ids, scores = _add((np.array([1, 2]), np.array([3.0, 1.0])), (np.array([2, 5]), np.array([4.0, 2.0])), 0.5)
    >>> ids.tolist(), scores.tolist()
    ([1, 2, 5], [3.0, 3.0, 1.0])
    """
    total: dict[int, float] = {}
    for ids, scores, w in ((a[0], a[1], 1.0), (b[0], b[1], weight)):
        for i, x in zip(ids.tolist(), scores.tolist(), strict=True):
            total[i] = total.get(i, 0.0) + w * x
    ranked = sorted(total.items(), key=lambda kv: -kv[1])
    return np.array([i for i, _ in ranked], dtype=np.int64), np.array([x for _, x in ranked])


def _shown_in(ranked: Ranked, table: ChunkTable, years: TimeScope) -> Ranked:
    keep = table.shown_in(ranked[0], years)
    return ranked[0][keep], ranked[1][keep]


def with_time(index: Index, ids: np.ndarray, scores: np.ndarray, scope: TimeScope | None,
              document: int | None = None, own_words: bool = False, mentioned: bool = False,
              place: str = "", own: str = "") -> np.ndarray:
    """The scores with the question's time counted: TIME_BONUS (and START_BONUS) for passages
    of the period it names (for an open period, "before 2017", passages shown with a date in
    it: a 2017 event that mentions 2004 is not from before 2017), or ORDER_BONUS falling with
    date order for "latest"/"earliest" (of the passages naming `place`, when some do; else of those
    saying a word the question names of its own, `own`, when some do)."""
    if scope is None:
        return scores
    table = index.table
    if not scope.order and not (scope.start and scope.end):  # "before 2017", "since 2019": nearest the bound first
        scope = TimeScope(scope.start, scope.end, "latest" if scope.end else "earliest")
    if not scope.order:
        return scores + TIME_BONUS * table.time_fit(ids, scope, TIME_DECAY) + START_BONUS * table.starts(ids, scope)
    scores = scores.copy()
    at = {int(i): n for n, i in enumerate(ids)}
    ranked = time_ranking(index.chunks, table, ids[np.argsort(-scores, kind="stable")], scope, document, mentioned)
    if own_words and ranked and ORDER_RELEVANT:  # "which municipality joined later?": the next one that answers,
        best = max(scores[at[i]] for i in ranked)  # not the next dated event whatever it says
        ranked = [i for i in ranked if scores[at[i]] >= ORDER_RELEVANT * best]
    need = set(specific_terms(index, place)) if place and ranked else set()
    there = [i for i in ranked if need <= set(keywords_terms(index.chunks[i].text))] if need else []
    ranked = there or ranked  # "what did we do there after that?": the place's next passage first
    # "any other event with his foundation after that?": the next one that says "foundation", not the next event
    said = set(specific_terms(index, own)) if own and not there and ranked else set()
    saying = [i for i in ranked if said & _said_terms(index, i)] if said else []
    ranked = saying + [i for i in ranked if i not in saying]
    for n, i in enumerate(ranked):
        scores[at[i]] += ORDER_BONUS / (1 + n / 2)
    return scores


def named_years_first(table: ChunkTable, ids: np.ndarray, scores: np.ndarray, order: list[int],
                      scope: TimeScope | None) -> tuple[list[int], np.ndarray]:
    """`order` with its first five re-ordered by their scores plus FIRST_YEAR_BONUS for naming the
    year a period opens and LAST_YEAR_BONUS for the year it closes, and the scores with those
    bonuses; unchanged unless the question names a period with both ends ("from 2004 to 2006",
    "in 1998"). Only the first five move, so what the five are stays as scored."""
    if scope is None or scope.order or not (scope.start and scope.end):
        return order, scores
    first = np.array(order[:FIRST_FIVE], dtype=np.int64)
    by_id = np.argsort(ids)
    at = by_id[np.searchsorted(ids, first, sorter=by_id)]  # where each of the five is in `ids`
    scores = scores.copy()
    scores[at] += (FIRST_YEAR_BONUS * table.names_year(first, int(scope.start[:4]))
                   + LAST_YEAR_BONUS * table.names_year(first, int(scope.end[:4])))
    moved = first[np.argsort(-scores[at], kind="stable")]
    return [int(i) for i in moved] + order[FIRST_FIVE:], scores


def _shown_scores(ids: np.ndarray, fused: np.ndarray, dense: Ranked, retriever: str,
                  scope: TimeScope | None) -> dict[int, float]:
    """The score each passage is shown with: the cosine itself for dense retrieval without time,
    else the fused score."""
    if retriever == "dense" and not scope:
        return dict(zip(dense[0].tolist(), dense[1].tolist(), strict=True))
    return dict(zip(ids.tolist(), fused.tolist(), strict=True))


def hits(index: Index, order: list[int], score_of: dict[int, float], q: str, scope: TimeScope | None,
         period: bool = False) -> list[Hit]:
    """The chosen chunks as Hits, each with its score and best-answering sentence (and, when the
    question names a period, whether it is shown with a date in it)."""
    words = keywords_of(q)
    inside = index.table.dated_in(np.array(order, dtype=np.int64), scope) if period and order else None
    return [Hit(index.chunks[i], round(float(score_of[i]), 4), _highlight(index, i, words, scope), i,
                None if inside is None else bool(inside[n])) for n, i in enumerate(order)]


def with_focus(index: Index, ids: np.ndarray, scores: np.ndarray, signals: Signals) -> np.ndarray:
    """The scores with a conversation's focus counted: FOCUS_DOCUMENT for the document of the answer
    in focus, FOCUS_PASSAGE for the passages just shown; passages already shown sink for "what else"."""
    if signals.empty:
        return scores
    scores = scores.copy()
    if signals.focus:
        scores += FOCUS_DOCUMENT * (index.table.document[ids] == index.table.document[signals.focus[0]])
        scores += FOCUS_PASSAGE * np.isin(ids, np.array(signals.focus, dtype=np.int64))
        siblings = section_of(index, signals.focus[0])
        if siblings:  # "what did they present there?": the other paragraphs of the answer's short section as near as it
            scores += FOCUS_PASSAGE * (np.isin(ids, np.array(siblings, dtype=np.int64))
                                       & ~np.isin(ids, np.array(signals.focus, dtype=np.int64)))
    if signals.exclude:
        scores -= 10.0 * np.isin(ids, np.array(signals.exclude, dtype=np.int64))
    return scores


SECTION_SHORT = 4  # passages: a section this short is one thing ("CLCCG 2019, Cote D'Ivoire": who went, what they presented)


def section_of(index: Index, number: int) -> list[int]:
    """The passages of a short section (headed, at most SECTION_SHORT passages) that holds passage `number`; [] else."""
    chunk = index.chunks[number]
    if not chunk.heading:
        return []
    near = range(max(0, number - SECTION_SHORT), min(len(index.chunks), number + SECTION_SHORT + 1))
    same = [i for i in near if index.chunks[i].source == chunk.source and index.chunks[i].heading == chunk.heading]
    return same if len(same) <= SECTION_SHORT and number - SECTION_SHORT not in same and \
        number + SECTION_SHORT not in same else []


def with_kind(index: Index, ids: np.ndarray, scores: np.ndarray, q: str, signals: Signals) -> np.ndarray:
    """The scores with the kind of answer counted: ACTION_BONUS for a dated entry when the question asks
    when, or what was done ("what did ACE do at TICAD 7?": not the network named "Japan NGO Liaison Group for
    TICAD"); in a follow-up, KIND_BONUS for a passage naming the kind it asks for ("which network collects
    those signatures?": not the signatures' own passage) and, when it asks "how many", COUNT_BONUS for a
    passage that gives a count."""
    words, best = words_for(q), float(np.max(scores, initial=0.0))
    if words.asks_action.search(q) or words.asks_date.search(q):  # "… met him? When?": an undated title can't say
        scores = scores + ACTION_BONUS * best * index.table.dated[ids]
    kind = asked_kind(q, words) if not signals.empty else None  # "which network collects those signatures?"
    if kind and not (words.place_kind.fullmatch(kind) or words.person_kind.fullmatch(kind)) and keywords_terms(kind):
        # the word's stem begins a word of the passage: a search, not the ~0.2 ms of stemming each candidate
        named = re.compile(rf"(?i)\b{re.escape(keywords_terms(kind)[0])}")
        scores = scores + KIND_BONUS * best * np.array([bool(named.search(index.chunks[i].context_text()))
                                                        for i in ids.tolist()])
    if not signals.empty and words.asks_count.search(q) and not words.asks_money.search(q):
        scores = scores + COUNT_BONUS * best * np.array([holds_count(index.chunks[i].text) for i in ids.tolist()])
    edition = _edition(q, words)
    if edition is not None:  # 第3回: the keywords drop the number, so 第1回 and 第2回 match as well
        scores = scores + ACTION_BONUS * best * np.array([_edition(index.chunks[i].text, words) == edition
                                                          for i in ids.tolist()])
    return scores


def _edition(text: str, words) -> int | None:
    """The number of the first edition a text names as a number (第3回 -> 3), if any."""
    m = words.numbered.search(unicodedata.normalize("NFKC", text))
    return words.number(m.group("n")) if m is not None else None


def _picked_first(order: list[int], ids: np.ndarray, scores: np.ndarray,
                  signals: Signals) -> tuple[list[int], np.ndarray, np.ndarray]:
    """The passages a follow-up picks shown first: those of the list it picks from ("of the three"),
    and before all the one it points at ("the third one"), with a score above the rest."""
    if signals.among:
        order = [i for i in order if i in signals.among] + [i for i in order if i not in signals.among]
    if signals.item is not None:
        order = [signals.item] + [i for i in order if i != signals.item]
        scores = np.append(scores, float(np.max(scores, initial=0.0)) + 1.0)
        ids = np.append(ids, signals.item)
    return order, ids, scores


ELSEWHERE_WORDS = 2  # a follow-up's own words the answer just shown lacks and another passage holds, at least


def _named_elsewhere_first(index: Index, order: list[int], q: str, signals: Signals) -> list[int]:
    """`order` with a passage of the first five first when the first is the answer just shown again and
    the follow-up names things it lacks, ELSEWHERE_WORDS of which that passage holds ("who gathers
    those signatures, is that the network we are secretariat for?": the network's own passage, not the
    signatures again). Not "was that in New York?", which asks of the answer in focus by a name alone."""
    if not (signals.focus and signals.item is None and order and order[0] == signals.focus[0]):
        return order
    shown = set(keywords_terms(index.chunks[order[0]].context_text()))
    new = [t for t in specific_terms(index, q) if t not in shown and not t.isdigit()]
    if len(new) < ELSEWHERE_WORDS:
        return order
    words = words_for(q)
    named = {t for w in re.findall(r"\b[A-Z][\w'’-]*", q) for t in keywords_terms(w)}
    if all(t in named for t in new) and not words.question.search(q):
        return order
    for i in order[1:FIRST_FIVE]:
        held = set(keywords_terms(index.chunks[i].context_text()))
        if sum(t in held for t in new) >= ELSEWHERE_WORDS:
            return [i] + [j for j in order if j != i]
    return order


def _weighed(index: Index, embedder: Embedder, q: str, own: str, order: list[int], ids: np.ndarray, fused: np.ndarray,
             dense: Ranked, signals: Signals, scope: TimeScope | None) -> list[int]:
    """A follow-up's first passages re-ordered by the fitted model (`reranking`); as they were without one, for a
    question asked on its own or picking from the list shown, for "two years after that?", "the next one?", "the
    last time we were there?", whose answer is the first in time order, and for "anything else that month?", which
    has no words of its own to weigh and leaves out the subject the model would count."""
    in_order = scope is not None and (scope.order == "latest" or bool(signals.time_words and scope.order))
    if reranking.WEIGHTS is None and reranking.RECORD is None or len(order) < 2 or signals.empty \
            or signals.item is not None or signals.among or in_order:
        return order
    own_terms = specific_terms(index, own)
    if signals.exclude and not own_terms:
        return order
    first = order[:reranking.FIRST]
    at = {int(i): n for n, i in enumerate(ids.tolist())}
    meaning = dict(zip(dense[0].tolist(), dense[1].tolist(), strict=True))
    rows = reranking.features(index, embedder, q, own, own_terms, specific_terms(index, signals.context),
                              first, {i: float(fused[at[i]]) for i in first if i in at},
                              {i: meaning.get(i, 0.0) for i in first}, signals.focus, scope, bool(signals.time_words))
    return reranking.reordered(order, rows)


def in_period_first(table: ChunkTable, order: list[int], scope: TimeScope) -> list[int]:
    """`order` in three parts, each in its own order: passages shown with a date within `scope`;
    then those that may be of it (undated, dated more coarsely, or naming a date in it); then
    those dated outside it."""
    if not order:
        return order
    ids = np.array(order, dtype=np.int64)
    rank = np.where(_shown_within(table, ids, scope), 0, np.where(_away(table, ids, scope), 2, 1))
    return [order[n] for n in np.argsort(rank, kind="stable").tolist()]


def _own_period_first(table: ChunkTable, order: list[int], scope: TimeScope, named: bool) -> list[int]:
    """ "and in August 2019?" after the New York forum of July: when the model put first a passage dated outside the
    period the question itself names (`named`), the first of its document's passages dated within it goes before it."""
    top = np.array(order[:1], dtype=np.int64)
    if not named or not order or not (scope.start and scope.end) or not (table.dated[top] & ~table.shown_in(top, scope))[0]:
        return order  # ("when did it come back after 1974?" names no period to hold to: the passages' years tell)
    ids = np.array(order[:FIRST_FIVE], dtype=np.int64)
    within = np.flatnonzero(_shown_within(table, ids, scope) & (table.document[ids] == table.document[order[0]]))
    return order if not len(within) else [order[within[0]]] + [i for i in order if i != order[within[0]]]


def _period_first(index: Index, order: list[int], ranked: np.ndarray, scope: TimeScope, signals: Signals,
                  own: str) -> list[int]:
    """`order` when the period is what the question asks: its passages first (`in_period_first`); for a
    follow-up's time words ("anything else that same week?") the period's passages of the answer's document
    however far down they ranked; for "anything else", the period's dated entries before its paragraphs,
    and the answer left out last."""
    if signals.time_words and signals.focus:
        taken = set(order) | set(signals.exclude)
        mine = ranked[(index.table.document[ranked] == index.table.document[signals.focus[0]])
                      & _shown_within(index.table, ranked, scope)]
        order = order + [i for i in mine[:FIRST_FIVE].tolist() if i not in taken]
    order = in_period_first(index.table, order, scope)
    if signals.exclude and not specific_terms(index, own):
        order = _entries_first(index, order, scope)
    if signals.exclude:
        order = [i for i in order if i not in signals.exclude] + [i for i in order if i in signals.exclude]
    return order


def _away(table: ChunkTable, ids: np.ndarray, scope: TimeScope) -> np.ndarray:
    """Which of the chunks `ids` are of another time than `scope`: dated, shown outside it, and naming no date in it."""
    return table.dated[ids] & ~table.shown_in(ids, scope) & (table.time_fit(ids, scope, TIME_DECAY) < 1.0)


def _shown_within(table: ChunkTable, ids: np.ndarray, scope: TimeScope) -> np.ndarray:
    """Which of the chunks `ids` are shown with a date that lies wholly within `scope`."""
    return table.dated[ids] & (table.shown_low[ids] >= low_key(scope.start)) & (table.shown_high[ids] <= high_key(scope.end))


def _entries_first(index: Index, order: list[int], scope: TimeScope) -> list[int]:
    """`order` with the passages that open with their own date within `scope` ("April 23, 2019 Organized …")
    before the others shown within it; the rest as they were."""
    within = _shown_within(index.table, np.array(order, dtype=np.int64), scope)
    entry = np.array([bool(w) and leading_date(index.chunks[i].text) is not None for i, w in zip(order, within, strict=True)])
    rank = np.where(entry, 0, np.where(within, 1, 2))
    return [order[n] for n in np.argsort(rank, kind="stable").tolist()]


def specific_terms(index: Index, text: str) -> list[str]:
    """The words of `text` that few passages use (at most SPECIFIC of them) and some do: what a
    question names of its own ("CLCCG", "Geneva"; not "treasurer" when no passage says it, nor
    "we" or "work", which its language's table says name nothing)."""
    n, stop = len(index.chunks), _stop_terms(words_for(text).code)
    return [t for t in dict.fromkeys(keywords_terms(text)) if t not in stop and 0 < index.frequency(t) <= SPECIFIC * n]


@functools.cache
def _stop_terms(language: str) -> frozenset[str]:
    words = table(language)
    return frozenset(t for w in words.stop | words.holidays for t in keywords_terms(w)) | words.stop  # 何 alone has no term


def _strays_last(index: Index, order: list[int], said: str, signals: Signals) -> list[int]:
    """`order` with the passages of other documents than the one in focus that say none of a follow-up's words
    (its own and its subject's, years aside) after the rest: "and the Regius chair at Glasgow, the year after?"
    is not another article's "- Bruno Six ( 1947–1948 )"."""
    if not signals.focus or not order:
        return order
    table, home = index.table, index.table.document[signals.focus[0]]
    wanted = {t for t in specific_terms(index, said) if not t.isdigit()}
    if not wanted:
        return order
    stray = [i for i in order if table.document[i] != home
             and not wanted & _said_terms(index, i)]
    return [i for i in order if i not in stray] + stray if stray else order


_A_WORD = re.compile(r"[^\W\d_]{2,}")


def _wordless_last(index: Index, order: list[int]) -> list[int]:
    """`order` with the passages that say no word at all ("- ( 2018 )", a list's bare year under "Solo concerts")
    after those that do: whatever their heading matches, they tell nothing."""
    bare = [i for i in order if not _A_WORD.search(index.chunks[i].text)]
    return [i for i in order if i not in bare] + bare if bare else order


def _said_terms(index: Index, i: int) -> set[str]:
    """The terms passage `i` says: its sentences' (cached for highlighting), its title's and its heading's (short)."""
    chunk = index.chunks[i]
    return {t for _, _, said in index.sentences(i) for t in said} \
        | set(keywords_terms(f"{chunk.title or ''} {chunk.heading or ''}"))


def _document_of(table: ChunkTable, focus: tuple[int, ...]) -> int | None:
    """The document of the answer in focus, or None."""
    return int(table.document[focus[0]]) if focus else None


def _dated_within(table: ChunkTable, scope: TimeScope, pool: int, document: int | None = None) -> Ranked:
    """Up to `pool` passages shown with a date in `scope` (of `document` alone, when given), each with a token score."""
    inside = table.shown_in(np.arange(len(table.document), dtype=np.int64), scope)
    if document is not None:
        inside &= table.document == document
    ids = np.flatnonzero(inside)[:pool]
    return ids.astype(np.int64), np.full(len(ids), 1e-6)


def _days(keys: np.ndarray) -> np.ndarray:
    """Day keys (YYYYMMDD, months and days past their end allowed) as a near-linear count of days."""
    keys = np.asarray(keys, dtype=np.int64)
    return (keys // 10000) * 372 + (np.minimum((keys // 100) % 100, 12) - 1) * 31 + np.minimum(keys % 100, 31)


def _nearest_in_time(table: ChunkTable, scope: TimeScope, order: list[int], k: int) -> list[int]:
    """The k dated passages whose shown dates lie nearest `scope` (in days, roughly), those of `order`
    first among equals; `order` itself when no passage is dated."""
    dated = np.flatnonzero(table.dated)
    if not len(dated):
        return order
    lo, hi = _days(np.array([low_key(scope.start)])), _days(np.array([high_key(scope.end)]))
    gap = np.maximum(0, np.maximum(lo - _days(table.shown_high[dated]), _days(table.shown_low[dated]) - hi))
    rank = {i: n for n, i in enumerate(order)}
    tie = np.array([rank.get(int(i), len(order)) for i in dated])
    return [int(i) for i in dated[np.lexsort((tie, gap))][:k]]


def _of_document(table: ChunkTable, chunk: int, pool: int) -> Ranked:
    """Up to `pool` passages of the document chunk `chunk` belongs to, each with a token score."""
    ids = np.flatnonzero(table.document == table.document[chunk])[:pool]
    return ids.astype(np.int64), np.full(len(ids), 1e-6)


def _none_of_the_kind(index: Index, q: str, inside: np.ndarray) -> bool:
    """Whether a question asking if anything of a kind happened in a period ("Did we submit any public
    comments in 2018?"), or asking of a thing it names at length in one ("… at the 2018 UN Forum on
    Business and Human Rights?"), names a kind or thing none of the passages dated in the period
    (`inside`) speaks of (its words few passages use): the period holds other things, not that. A name
    at length counts as spoken of by most of its words: "the English football manager Gary Mills" is
    "Mills" in his article's later paragraphs. What was done somewhere then ("what did ACE do in Geneva in
    2017?") names that place."""
    words = words_for(q)
    def named(name: str) -> set[str]:
        return {t for t in specific_terms(index, name) if not t.isdigit()}
    if words.asks_whether.search(q) and not words.asks_any.search(q):  # "did we attend the Geneva forum in 2020?"
        wanted = [(n, len(n)) for n in (named(name) for name, _ in words.names(q))]
    elif any_ := words.asks_any.search(q):  # the kind is what "any" is said of: "did ACE attend any meeting …"
        wanted = [(n, len(n)) for n in [named(q[any_.end():]) or named(q)]]
    elif not words.asks_record.search(q):  # "what did ACE present at the 2018 UN Forum on Business and Human
        # Rights?": 2019 held it, not 2018 (not "what was ACE up to in June 2021, around World Day against …?")
        wanted = [(n, len(n) // 2 + 1) for n in (named(name) for name, _ in words.names(q) if len(name.split()) > 2)]
    else:  # "what did ACE do in Geneva in 2017?": the period's passages must say the place
        wanted = [(set(found), len(set(found))) for before, found in places_named(q, words) if before == "in"]
    wanted = [(n, need) for n, need in wanted if n]
    # the words of each passage of the period are read only now: a year can hold thousands
    return bool(wanted) and not any(_holds(index.chunks[i].context_text(), wanted) for i in inside.tolist())


def _holds(text: str, wanted: list[tuple[set[str], int]]) -> bool:
    """Whether `text` uses, of any set of `wanted` terms, at least the number given beside it. A stem's first
    letters are the word's: a passage lacking enough of them in its text is not stemmed at all."""
    low = text.lower()
    return any(sum(t[:max(3, len(t) - 2)] in low for t in n) >= need and len(n & set(keywords_terms(text))) >= need
               for n, need in wanted)


SAYING = 5  # the first passages looked at for one of the article that says what the first does not
RARE_IN_ARTICLE = 2  # a word at most this many passages of an article use tells them apart


def _saying_first(index: Index, order: list[int], q: str) -> list[int]:
    """`order` with, first, the passage of the first one's document among the first SAYING that says the
    question's words that few of that document's passages say, when the first says none of them ("in which year
    was the chemist Derek Barton knighted?": "… He was knighted in 1972 …", not his article's opening lines,
    which say "Sir Derek … chemist" and the name the whole article is about)."""
    if len(order) < 2 or index.table.documents < 2:
        return order
    table = index.table
    document = table.document[order[0]]
    title = set(keywords_terms(index.chunks[order[0]].title or ""))
    asked = [t for t in specific_terms(index, q) if t not in title]
    if not asked:
        return order
    # the sentences' terms are cached for highlighting
    held = {int(i): {t for _, _, said in index.sentences(int(i)) for t in said}
            for i in np.flatnonzero(table.document == document)}
    rare = {t for t in asked if 0 < sum(t in h for h in held.values()) <= RARE_IN_ARTICLE}
    if not rare or rare & held[order[0]]:
        return order
    saying = [i for i in order[1:SAYING] if table.document[i] == document and rare <= held[i]]
    return [saying[0]] + [i for i in order if i != saying[0]] if saying else order


def _ranked_first(ids: np.ndarray, ranked: np.ndarray) -> np.ndarray:
    """`ids` with those among the ranked candidates first, in their order: a passage that holds what is
    asked is most likely there, and a scan that stops at the first such one reads few."""
    first = ranked[np.isin(ranked, ids)]
    return np.concatenate([first, ids[~np.isin(ids, first)]])


def _evidence(index: Index, q: str, dense: Ranked, order: list[int], keywords_only: bool,
              embedder: Embedder | None = None) -> Evidence:
    """What `deciding` weighs: the best cosine, how much of `q`'s words the corpus and the first passages
    use, and whether the first holds the kind of thing asked for (a word's meaning read by `embedder`)."""
    best = 0.0 if keywords_only or not len(dense[1]) else float(np.max(dense[1]))
    # "what figure does the record state?" asks of no word "record", "… for our beneficial-ownership records." of none there
    words = words_for(q)
    q = words.purpose.sub(" ", words.about_record.sub(" ", q))
    top: set[str] = set()
    for i in order[:3]:
        top |= _said_terms(index, i)
    # "attendees?" of a passage saying who "attended": a word of the family said is said
    top |= {t for t in keywords_terms(q) if t.isascii() and any(kin(t, u) for u in top if u[:4] == t[:4])}
    # "… hand the government that pile of petition names": said as the language's table says it ("submitted …
    # signatures")
    top |= {t for w in re.findall(r"[^\W\d_]+", q.lower()) for v in words.variants.get(w, ())
            if set(keywords_terms(v)) <= top for t in keywords_terms(w)}
    # "any conference in South America?": said by a passage naming a city there ("in Buenos Aires")
    for phrase, code in regions_in(q):
        if any(code in continents_named(index.chunks[i].text) for i in order[:3]):
            top.update(keywords_terms(phrase))
    # "what was the subject of the statement dated …?": a property asked of a thing is no word it must hold
    stop = _stop_terms(words.code) | _described_terms(words.code)
    held = typed(q, [index.chunks[i] for i in order[:3]], words,
                 None if keywords_only or embedder is None else _similar(embedder), lambda: index.lowercase, index.frequency)
    # "which city?" in documents that never say "city": the kind is not a word to find when a place is named
    kind = {t for k in asked_kinds(q, words) for t in keywords_terms(k) if not index.frequency(t)} if held else set()
    # "Good morning! Could you help me understand what the Sustainable Brands conference is?": the sentence
    # that asks is weighed, not the greeting around it (the likeliest sentence of a question of several)
    sentences = [p for p in re.split(r"(?<=[!?。！？])\s*|(?<=[a-z]{2}\.)\s+(?=[A-Z])|(?<=[a-z]:)\s+|\s+[—–]\s+", q)
                 if p.strip()] or [q]  # "… a short bit on C20 Japan 2019 — what was ACE pushing the G20 to do …?"
    said = _named_words if keywords_only and JAPANESE.search(q) else keywords_terms  # Japanese chat: its nouns
    if _foreign(index, q):  # (`in_their_letters`): its words in kana and kanji no passage holds
        said = (lambda f: lambda p: [t for t in f(p) if not JAPANESE.search(t)])(said)
    asks = [("?" in p or "？" in p or bool(words.question.search(p))) for p in sentences]
    alone = [n for n, p in enumerate(sentences) if asks[n] and len(sentences) > 1
             and not [t for t in said(p) if t not in stop and t not in kind]]

    def weighed(top: set[str]) -> Evidence:
        if alone:
            return replace(evidence([], index.frequency, len(index.chunks), best, top), typed=held)
        return replace(max((evidence([t for t in said(p) if t not in stop and t not in kind], index.frequency,
                                     len(index.chunks), best, top) for p in sentences),
                           # a sentence asking of a time alone ("… team. What happened in June 2018?") is answered by its time
                           key=lambda e: probability(replace(e, typed=held), keywords_only) if e.words else -1.0),
                       typed=held)
    seen = weighed(top)
    if keywords_only or embedder is None or not order or answers(seen):
        return seen
    # "did they ever show a movie to politicians?": a word the first passage says in other words ("film")
    near = _said_otherwise(index.chunks[order[0]], q, top | kind | stop, embedder)
    return weighed(top | near) if near else seen


@functools.cache
def _described_terms(language: str) -> frozenset[str]:
    return frozenset(t for w in table(language).described for t in keywords_terms(w))


SAID_OTHERWISE = 0.65  # a question's word this close in meaning to a word of the first passage counts as said
#                        there ("movie": "film" 0.82, "kids": "children" 0.91; "treasurer" and the words of
#                        passages that do not answer: at most ~0.6)


def _said_otherwise(chunk: Chunk, q: str, known: set[str], embedder: Embedder) -> set[str]:
    """The terms of `q`'s words, not among `known`, that mean what a word of the passage means."""
    asked = {w: t for w in re.findall(r"[A-Za-z][A-Za-z'-]{2,}", q) for t in keywords_terms(w)[:1] if t not in known}
    text = f"{chunk.heading or ''} {chunk.text}"
    said = list(dict.fromkeys(w for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", text)
                              if keywords_terms(w) and keywords_terms(w)[0] not in _stop_terms("en")))[:KIND_WORDS]
    if not asked or not said:
        return set()
    vectors = _word_vectors(embedder, list(asked) + said)
    closest = (vectors[:len(asked)] @ vectors[len(asked):].T).max(axis=1)
    return {t for (w, t), c in zip(asked.items(), closest, strict=True) if c >= SAID_OTHERWISE}


def _named_words(text: str) -> list[str]:
    """The index terms of a text's nouns when it is Japanese (the rest as it is)."""
    nouns = set(japanese_nouns(text))
    return [t for t in keywords_terms(text) if t in nouns or not JAPANESE.search(t)]


_WORDS: dict[tuple[str, str], np.ndarray] = {}  # a word's vector, by model: passages' words recur
WORDS_KEPT = 10_000  # about 15 MB of vectors


def _word_vectors(embedder: Embedder, words: list[str]) -> np.ndarray:
    """The vectors of single words, those not seen before encoded in one batch."""
    model = getattr(embedder, "name", str(id(embedder)))
    new = [w for w in dict.fromkeys(words) if (model, w) not in _WORDS]
    if new:
        if len(_WORDS) + len(new) > WORDS_KEPT:
            _WORDS.clear()
        _WORDS.update({(model, w): v for w, v in zip(new, embedder.encode(new), strict=True)})
    return np.stack([_WORDS[(model, w)] for w in words])


READ_FROM_QUESTION = object()


_DAY_ORDINAL = re.compile(rf"(?i)(\b{MONTH_WORD}\.?\s+)?\b([0-3]?\d)(?:st|nd|rd|th)\b((?(1)|\s+(?:of\s+)?{MONTH_WORD}\.?))")


def _search_text(index: Index, embedder: Embedder, q: str, scope: TimeScope | None) -> str:
    """The words a passage is matched on (`_matched`), an acronym the documents never use followed by
    the name they spell ("HLPF High Level Political Forum"), an English typing slip read as their word
    ("presnt" -> "present"), a word followed by the spelling they use more ("labor labour", "kid child"), a word they write with a hyphen followed by theirs ("baseline base-line"), a clipped katakana word followed by
    theirs ("パブコメ パブリックコメント"), a
    day as the documents write it ("December 21st" -> "December 21")."""
    text = expand_acronyms(_DAY_ORDINAL.sub(r"\1\2\3", _matched(q, scope)), index.frequency, lambda: index.acronyms)
    if JAPANESE.search(text):
        text = expand_clipped(text, index.frequency, lambda: index.katakana)
        return in_their_letters(text) if _foreign(index, text) else text
    words = words_for(text)
    placed = as_named(text, _used(index), lambda: index.places)  # "in Switzerland" -> "in Geneva"
    return spelled_alike(mended(index, embedder, placed), index.frequency, ChainMap(words.variants, index.compounds),
                         words.variant_endings)


def _foreign(index: Index, q: str) -> bool:
    """Whether a question is Japanese and the documents write none."""
    return bool(JAPANESE.search(q)) and not index.japanese


def in_their_letters(text: str) -> str:
    """A Japanese question of documents that write no Japanese, with its cities' names in Latin letters after them
    ("松山 Matsuyama", `places.in_latin`) and its editions' numbers as English ordinals ("第3回 third"): the words of
    theirs it can match. Its other words no passage can hold (`_evidence` leaves them out)."""
    ja, en = table("ja"), table("en")
    ordinal = {n: w for w, n in en.ordinals.items() if w.isalpha() and n > 0}
    text = ja.numbered.sub(lambda m: f"{m.group(0)} {ordinal.get(ja.number(m.group('n')) or 0, '')} ", text)
    for name in dict.fromkeys(japanese_names(text)):
        if name in text and (latin := in_latin(name)):
            text = text.replace(name, f"{name} {latin} ")
    return text


def mended(index: Index, embedder: Embedder, q: str) -> str:
    """The question with its English typing slips read as the documents' words ("presnt" -> "present",
    `keywords.corrected`; "TICAD7" -> "TICAD 7", `keywords.spaced`)."""
    return corrected(spaced(q, index.frequency), index.frequency, lambda: index.vocabulary,
                     model_words(getattr(embedder, "name", "")), lambda: index.lowercase)


def _similar(embedder: Embedder):
    """How close in meaning a word is to the nearest of some others (the model's single-word vectors)."""
    def similar(word: str, candidates: list[str]) -> float:
        vectors = _word_vectors(embedder, [word] + candidates)
        return float(np.max(vectors[1:] @ vectors[0]))
    return similar


def _used(index: Index):
    """How often the documents use a name: the least used of its words ("New York": "york"); None when it
    has none that count ("When")."""
    stop = _stop_terms("en")
    return lambda name: min((index.frequency(t) for t in keywords_terms(name) if t not in stop), default=None)


def _matched(q: str, scope: TimeScope | None) -> str:
    """The words a passage is matched on: the question, less the year that bounds an open period
    ("before 2017": a passage that names 2017 is not closer for it)."""
    if scope is None or scope.order or (scope.start and scope.end) or not scope.bounded:
        return q
    return _BOUND.sub(" ", q).strip() or q


_BOUND = re.compile(r"\b(?:before|prior to|until|till|up to|by|earlier than|after|since|following|later than)"
                    r"\s+(?:the\s+)?(?:end\s+of\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?(?:1\d{3}|20\d{2})\b", re.I)


def _unsaid(matched: str, signals: Signals) -> str:
    """The words matched, less those that named a time ("the month before", その前: searched as a time,
    not as words; 駅前 is no 前) or a thing the question leaves out ("besides the forum")."""
    for said in (signals.time_words, *signals.left_out.split("\n")):
        if said:
            matched = " ".join(matched.replace(said, " ").split()) or matched
    return matched


def search(
    index: Index, embedder: Embedder, question: str, k: int = 5, retriever: str = "hybrid", use_time: bool = True,
    filters: Filters = Filters(),  # noqa: B008 - frozen, so one shared default is safe
    when: TimeScope | None | object = READ_FROM_QUESTION,
    signals: Signals = Signals(),  # noqa: B008 - frozen
) -> Answer:
    """The k passages that best answer `question`, best first.

    candidates -> fuse -> document weight -> focus -> time -> distinct -> years named -> the period's
    passages first -> a follow-up's first five weighed (`reranking`) -> hits -> does anything answer. The time is the one the question names, or `when`
    when the conversation gave one; `signals`, what the conversation adds. Answer.found is False
    when nothing answers (the hits are then the closest passages, or none when nothing is even near).
    """
    _check(k, retriever, filters)
    q = clean_question(question)
    if retriever == "hybrid" and JAPANESE.search(q):  # the model reads English only: keywords and time
        retriever = "bm25"
    scope = (question_time(q) if when is READ_FROM_QUESTION else when) if use_time else None
    period = scope is not None and scope.bounded and not scope.order and signals.named_time
    pool = max(POOL if filters.years is None else 10 * POOL, k)
    # the words that named a time or a thing left out go before acronyms are spelled out ("the VNR comments")
    matched = _unsaid(_search_text(index, embedder, _unsaid(q, signals), scope), signals)
    # "any conference in South America?": sought beside the places there the documents name ("Buenos Aires")
    sought = with_region_places(matched, _used(index), lambda: index.places)
    dense, bm25 = candidates(index, embedder, sought, retriever, pool, filters.years, signals.context)
    if signals.among:  # "of the three, which …": each of the list is a candidate, whatever words it shares
        bm25 = _add(bm25, (np.array(signals.among, dtype=np.int64), np.zeros(len(signals.among))), 1.0)
    own = without_dates(matched)
    # "and the month after?", "where did we go two months later?", "what did we do in summer 2019?": a
    # question of time alone, answered by the passages of its time
    timed = scope is not None and (scope.bounded and (not signals.empty or period) or scope.order is not None) \
        and not specific_terms(index, words_for(own).event.sub(" ", own) if signals.time_words else own)
    # ("which meeting two months before?" asks for whatever event came then)
    if (timed or signals.time_words) and period:  # every passage of the period is a candidate, whatever words it
        # shares ("その翌年は街頭じゃなかったの？"); in a conversation, of the document in focus ("was that the year after?")
        within = _dated_within(index.table, scope, pool, _document_of(index.table, signals.focus))
        bm25 = _add(bm25, within, 1.0)
    elif timed and signals.focus:  # "two years later?": the passages of the answer's document
        bm25 = _add(bm25, _of_document(index.table, signals.focus[0], pool), 1.0)
    if not (_about(dense[1], bm25[1], retriever) or _in_period(index, dense[0], bm25[0], scope) or timed
            or signals.item is not None or signals.focus):  # a follow-up is about the passages just shown
        return Answer(q, scope, [], found=False, period=period)
    ids, fused = fuse(dense, bm25, ALPHA if retriever == "hybrid" else float(retriever == "dense"))
    if retriever == "hybrid":
        fused = by_document(ids, fused, index.table)
    fused = with_kind(index, ids, with_focus(index, ids, fused, signals), q, signals)
    fused = with_time(index, ids, fused, scope,
                      int(index.table.document[signals.focus[0]]) if signals.focus else None, not timed,
                      MENTIONED and (bool(signals.time_words) or _open_in_conversation(scope, signals)), signals.place,
                      # (not in Japanese, whose keywords can't tell 国際 of 国際会議, the kind asked, from a qualifier)
                      words_for(own).done.sub(" ", own) if not timed and signals.named_time and not JAPANESE.search(q)
                      else "")
    ranked = ids[np.argsort(-fused, kind="stable")]
    order = _distinct(ranked, index.table, max(k, ORDERED))
    order, more = order[:ORDERED], order[ORDERED:]
    order, fused = named_years_first(index.table, ids, fused, order, scope)
    # "the partner's checklist needs our activities for the first half of 2018": what the period holds answers it
    recorded = period and bool(words_for(q).asks_record.search(q))
    asked = period and (signals.time_words or recorded or not specific_terms(index, own))  # the period is what it asks
    if asked:
        order = _period_first(index, order, ranked, scope, signals, own)
    order = _strays_last(index, order, f"{own} {signals.context}", signals)
    order, ids, fused = _picked_first(order, ids, fused, signals)
    order = _named_elsewhere_first(index, order, q, signals)
    if signals.empty and scope is None:
        order = _saying_first(index, order, q)
    order = _weighed(index, embedder, q, own, order, ids, fused, dense, signals, scope)
    order = _own_period_first(index.table, order, scope, asked and signals.item is None and not signals.time_words)
    order = _wordless_last(index, _strays_last(index, order, f"{own} {signals.context}", signals))
    order += [i for i in (in_period_first(index.table, more, scope) if period else more) if i not in order]
    inside = index.table.dated_in(np.arange(len(index.table.document), dtype=np.int64), scope) if period else None
    empty = period and not inside.any()
    # the period's passages: those dated in it, and the candidates that name a date in it ("… graduating in 1984")
    # "did ace go to the high level political forum in 2018": the names it asks of as the passages write them
    lower = not any(ch.isupper() for ch in q)
    def written(text: str) -> str:  # and "in Switzerland" as "in Geneva", when the documents name Geneva
        return as_named(capitalised(index.as_written(text.lower()), lambda: index.lowercase) if lower else text,
                        _used(index), lambda: index.places)
    kind_missing = period and not empty and _none_of_the_kind(index, written(own), np.concatenate(
        [ranked[index.table.time_fit(ranked, scope, TIME_DECAY) >= 1.0], _ranked_first(np.flatnonzero(inside), ranked)]))
    if empty:  # "Nothing is dated 2028; nearest:" the passages dated nearest the period, best first among equals
        order = _nearest_in_time(index.table, scope, order[:ORDERED], k)
        known = set(ids.tolist())
        new = np.array([i for i in order if i not in known], dtype=np.int64)
        ids, fused = np.append(ids, new), np.append(fused, np.zeros(len(new)))
    order = order[:k]
    listed = listing_order(q)  # "list the public comments, oldest first": the same passages, in date order
    if filters.by_date or listed:
        order.sort(key=lambda i: index.chunks[i].date or ("" if listed != "asc" else "9999"), reverse=listed != "asc")
    # a follow-up's words are mostly its references: the subject it was resolved to counts as asked
    seen = _evidence(index, f"{own} {signals.context}" if signals.context else own, dense, order,
                     retriever == "bm25", embedder)
    words, leading = words_for(q), [index.chunks[i] for i in order[:3]]
    first, written_q = leading[:1], written(q)
    asking = asking_part(written_q, words)
    placeless = corrected_place(asking, first, words)  # "… was in Brasilia, right?" when the passage says where
    # "what did we present in Buenos Aires in 2018?" when the conference was in 2017: what answers best is of
    # another time, so nothing of that kind is dated in the period
    kind_missing = kind_missing or (period and not empty and bool(order)
                                    and bool(_away(index.table, np.array(order[:1], dtype=np.int64), scope)[0]))
    # "ACE's operating budget for 2020?" asks a sum of the period; a follow-up's kind may be its focus's
    lacking = seen.typed == 0 and must_hold(q, words)
    # a Japanese question of English documents is weighed by its words in Latin letters, as an English one is
    foreign = _foreign(index, q)
    # "how many visits did our website get in 2021?": a question of a period whose count the passages lack
    lacking_then = seen.typed == 0 and (lacking or bool(words.asks_count.search(q)))
    # "what else did they get up to that year?": a follow-up's time relative to the answer, and a passage of it first
    of_then = bool(signals.time_words) and bool(signals.focus) and scope is not None and scope.bounded and bool(order) \
        and bool(index.table.starting_in(np.array(order[:1], dtype=np.int64), scope)[0]) and not lacking
    found = not empty and not kind_missing and (timed and not (lacking_then and not signals.focus) or recorded and not lacking
                                                or of_then
                                                or signals.item is not None or seen.words == 0 and not lacking
                                                or answers(seen, retriever == "bm25" and not foreign) and not lacking) \
        and not unknown_region(asking, lambda: index.places) \
        and not (signals.empty and unknown_attribute(asking, index.frequency, words)) \
        and (bool(placeless) or not unknown_place(asking, index.frequency, words, index.japanese)
             and not placed_elsewhere(asking, first, index.frequency, words)) \
        and not unknown_name(placeless or asking, index.frequency, words, lambda: index.acronyms,
                             lambda word: _search_text(index, embedder, word, None) != word) \
        and not unreported_response(q, first, words) and not untold_talk(asking, leading, words) \
        and not untold_succession(asking, leading, words) and not untold_start(asking, leading, words) \
        and not untitled(asking, first, words) \
        and not unlisted(q, first, words) and not words.chore.search(q) \
        and not names_none(asking, first, words, None if retriever == "bm25" else _similar(embedder)) \
        and not absent_person(written_q, first, words, lambda: index.people - model_words(getattr(embedder, "name", "")))
    return Answer(q, scope, hits(index, order, _shown_scores(ids, fused, dense, retriever, scope), q, scope, period),
                  found, empty, period, seen, kind_missing)
