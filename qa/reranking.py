"""Re-orders a follow-up's first passages by a linear model fitted on conversations (bench/rerank.py).

By the time a follow-up's passages are ordered, a dozen steps (the conversation's focus, its subject's
words, time, kind, the passage named elsewhere) have each added a fixed bonus. How much each should
count against the others depends on the follow-up; a model weighs them from what each of the first
FIRST passages shows: its place and score in that order, its closeness in meaning and in keywords to
the follow-up's own words alone, whether it is the answer just shown or near it, how many of the
things the follow-up names that the answer lacks it holds, how many of its own words one sentence says
together, how close in meaning its closest sentence is to them, and its time. The weights are fitted on the
dev halves' conversations (softmax over a turn's passages, the one a person marked as answering as the
target) and checked on sets the fit never saw. The model moves a passage first when it scores more than
MARGIN above the one there; a time relative to the answer keeps the passages of that time ahead, and
yes or no asked of the answer shown first keeps it. A question asked on its own, and "the next one",
"two years after that" (time order answers them), are left as they are.
Left out: a cross-encoder (none is at hand offline) and features of the question's phrasing.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict

import numpy as np

from .dates import JAPANESE, TimeScope
from .deciding import typed
from .embedding import Embedder
from .indexing import Index
from .keywords import terms as keywords_terms
from .languages import table, words_for

FIRST = 10  # the passages re-ordered: only the first ten move, so what the ten are stays as scored
GUARDED = 5  # the answer shown stays when none of the first five but it names the subject asked of

FEATURES = ("first", "place", "score", "meaning", "own meaning", "own keywords", "answer just shown",
            "same document", "near the answer", "new names held", "own names held", "subject held", "in time",
            "dated", "kind held", "in time asked", "dated in time", "asked of the answer", "own words together",
            "near in time", "own sentence meaning")
# fitted by `python bench/rerank.py --write` on the dev halves' 114 sets of follow-ups (3,134 turns with an answer
# among the first ten); held out by set, right first 2,388 with no model, 2,593 with it (2,578 without the closest
# sentence; re-ordering the first five: 2,574 without it, 2,584 with it, of the 3,022 with an answer among them)
WEIGHTS: tuple[float, ...] | None = (-0.873, 2.411, 1.085, -0.184, 2.603, 0.685, -1.364, 1.900, 1.958, 1.167, 1.353,
                                     1.545, 0.687, 0.623, 1.322, 2.466, 1.509, 0.020, 1.276, 0.614, 5.386)
# the model moves a passage first when it scores above the one there by more than MARGIN. Held out by set on
# the dev halves (bench/rerank.py), right first of 2,600: 2,218 at 0, 2,196 at 0.5, 2,176 at 1.5 (the margin
# before, when the weights had 85 sets to learn from); `qa eval` on the English dev sets: hit@1 2,940 of 3,522
# at 0, 2,890 at 1.5
MARGIN = 0.0
KEYWORDS_MARGIN = 1.5  # the same, when the follow-up's meaning is not read (Japanese): the Japanese dev sets lost
#                        3 turns and gained 1 at 0, when the English ones gained 60
C = {name: n for n, name in enumerate(FEATURES)}  # a feature's column
NEAR_DAYS = 365.0  # a passage dated this many days from the answer counts as near by a third (1/e)
FIRST_TIER = 100.0  # above any score the weights give: a tier, not a weight
RECORD: list | None = None  # bench/rerank.py collects (passages, rows) here to fit WEIGHTS


def features(index: Index, embedder: Embedder, q: str, own: str, own_terms: list[str], context_terms: list[str],
             order: list[int], score_of: dict[int, float], meaning_of: dict[int, float], focus: tuple[int, ...],
             scope: TimeScope | None, relative: bool = False) -> np.ndarray:
    """One row of FEATURES for each of `order` (at most FIRST), each a number near 0..1. `relative`: the
    follow-up asks a time relative to the answer ("the month before it"): being dated in it counts apart."""
    n = len(order)
    ids = np.array(order, dtype=np.int64)
    rows = np.zeros((n, len(FEATURES)))
    rows[0, C["first"]] = 1.0
    rows[:, C["place"]] = 1.0 / (1.0 + np.arange(n))
    top = score_of.get(order[0], 0.0) or 1.0
    rows[:, C["score"]] = [score_of.get(i, 0.0) / top for i in order]
    meaning = np.array([meaning_of.get(i, 0.0) for i in order])
    rows[:, C["meaning"]] = meaning - meaning.max()
    if not JAPANESE.search(own) and own.strip():  # the model reads English only
        vector = embedder.encode([own])[0]
        closeness = index.closeness(vector, ids)
        rows[:, C["own meaning"]] = closeness - closeness.max()
        best = _closest_sentence(index, embedder, vector, order, closeness)
        rows[:, C["own sentence meaning"]] = best - best.max()
    keyword = index.keyword_scores(own, ids) if own.strip() else np.zeros(n)
    rows[:, C["own keywords"]] = keyword / (keyword.max() or 1.0)
    held = [_terms_held(index, i) for i in order]
    if focus:
        rows[:, C["answer just shown"]] = ids == focus[0]
        same = index.table.document[ids] == index.table.document[focus[0]]
        rows[:, C["same document"]] = same
        rows[:, C["near the answer"]] = same / (1.0 + np.abs(ids - focus[0]))
        if index.table.dated[focus[0]]:  # "and the summit itself?" after its preparatory meeting: that year's
            gap = np.abs(index.table.shown_middle[ids] - index.table.shown_middle[focus[0]])
            rows[:, C["near in time"]] = same * index.table.dated[ids] * np.exp(-gap / NEAR_DAYS)
        answer = held[order.index(focus[0])] if focus[0] in order else \
            set(keywords_terms(index.chunks[focus[0]].context_text()))
        new = [t for t in own_terms if t not in answer]
        if new:
            rows[:, C["new names held"]] = [sum(t in h for t in new) / len(new) for h in held]
    if own_terms:
        rows[:, C["own names held"]] = [sum(t in h for t in own_terms) / len(own_terms) for h in held]
    if context_terms:
        rows[:, C["subject held"]] = [sum(t in h for t in context_terms) / len(context_terms) for h in held]
    if scope is not None:
        rows[:, C["in time"]] = index.table.time_fit(ids, scope, 1.0)  # a date it mentions, by the year
        rows[:, C["dated in time"]] = index.table.dated_in(ids, scope)  # its own date, at the precision asked
    rows[:, C["dated"]] = index.table.dated[ids]
    words = words_for(q)
    if focus and not words.question.search(q):  # "was it in New York?": yes or no, of the answer in focus
        rows[:, C["asked of the answer"]] = rows[:, C["answer just shown"]]
    rows[:, C["kind held"]] = [typed(q, [index.chunks[i]], words, None, lambda: index.lowercase) for i in order]
    # "who collects those signatures?": the share of its own words one sentence of the passage says together
    # ("It also collects signatures nationwide …"), not spread over a passage about something else
    asked = [t for t in dict.fromkeys(keywords_terms(own)) if t not in _stop(words.code)]
    if asked:
        rows[:, C["own words together"]] = [
            max((sum(t in said for t in asked) for _, _, said in index.sentences(i)), default=0) / len(asked)
            for i in order]
    if relative:
        # a year asked ("two years after that?"): a passage telling of it further on counts as well
        years = all(len(d or "0000") == 4 for d in (scope.start, scope.end)) if scope is not None else False
        rows[:, C["in time asked"]] = np.maximum(rows[:, C["dated in time"]], (rows[:, C["in time"]] >= 1.0) * years)
    return rows


def _terms_held(index: Index, i: int) -> set[str]:
    """The terms of a passage's title, heading and text: the text's from its sentences, which highlighting and
    "own words together" split and stem once (stemming a passage again was most of a follow-up's re-ordering)."""
    chunk = index.chunks[i]
    return set(keywords_terms(f"{chunk.title or ''}\n{chunk.heading or ''}")).union(
        *(said for _, _, said in index.sentences(i)))


_SENTENCE_VECTORS: OrderedDict = OrderedDict()  # (generation, passage) -> its sentences' vectors, the latest kept
SENTENCES_KEPT = 1024
SENTENCES_EMBEDDED = 32  # a turn's new sentences embedded, at most: about 2.5 ms each on two cores
_SENTENCE_LOCK = threading.Lock()  # the page asks from several threads


def _closest_sentence(index: Index, embedder: Embedder, vector: np.ndarray, order: list[int],
                      closeness: np.ndarray) -> np.ndarray:
    """For each passage of `order`, the cosine of `vector` to its closest sentence (an entry's own sentence,
    without its heading, reads closer than the passage's vector). The sentences are embedded together, once,
    and kept, at most SENTENCES_EMBEDDED a turn: a passage past them counts by its own vector (`closeness`)."""
    at_build = index.generation or id(index)  # not the index alone: a rebuilt one may get a freed one's id
    keys = [(at_build, i) for i in order]
    with _SENTENCE_LOCK:
        kept = [_SENTENCE_VECTORS.get(key) for key in keys]
    wanted: dict[int, list[str]] = {}
    room = SENTENCES_EMBEDDED
    for n, i in enumerate(order):
        text = index.chunks[i].text
        sentences = ([text[a:b] for a, b, _ in index.sentences(i)] or [text]) if kept[n] is None else []
        if 0 < len(sentences) <= room:
            wanted[n] = sentences
            room -= len(sentences)
    if wanted:
        vectors = embedder.encode([s for sentences in wanted.values() for s in sentences])
        at = 0
        with _SENTENCE_LOCK:
            for n, sentences in wanted.items():
                kept[n] = _SENTENCE_VECTORS[keys[n]] = vectors[at:at + len(sentences)]
                at += len(sentences)
            while len(_SENTENCE_VECTORS) > SENTENCES_KEPT:
                _SENTENCE_VECTORS.popitem(last=False)
    return np.array([closeness[n] if v is None else float((v @ vector).max()) for n, v in enumerate(kept)])


@functools.cache
def _stop(language: str) -> frozenset[str]:
    return frozenset(t for w in table(language).stop for t in keywords_terms(w))


def scores(rows: np.ndarray, weights) -> np.ndarray:
    """The model's score of each row. For a time relative to the answer ("the month before it"), the passages
    dated in that time stay ahead of the others: the names such a follow-up gives say where the time counts
    from, and the model can't tell them from what it asks."""
    return rows @ np.asarray(weights) + FIRST_TIER * rows[:, C["in time asked"]]


def moves(rows: np.ndarray, weights) -> bool:
    """Whether the model re-orders these passages: another scores MARGIN above the first, and the follow-up does
    not ask yes or no of the answer shown first ("was it in New York?": yes or no, that answer stays)."""
    if len(rows) < 2 or rows[0, C["asked of the answer"]]:
        return False
    if rows[0, C["answer just shown"]] and rows[0, C["subject held"]] == 1 and not rows[1:GUARDED, C["subject held"]].any():
        return False  # "he is coming from which ministry?" of a guest only the answer shown names: that answer
    score = scores(rows, weights)
    # a question whose meaning the model can't read (Japanese: `own meaning` left at 0) moves on keywords alone
    margin = MARGIN if rows[:, C["own meaning"]].any() else KEYWORDS_MARGIN
    return bool(score.max() - score[0] > margin)


def reordered(order: list[int], rows: np.ndarray, weights=None) -> list[int]:
    """The first len(rows) of `order` by their `scores` (ties keep their order) when the model `moves` them; the
    rest as they were."""
    if RECORD is not None:
        RECORD.append((order[:len(rows)], rows))
    weights = WEIGHTS if weights is None else weights
    if weights is None or not moves(rows, weights):
        return order
    return [order[n] for n in np.argsort(-scores(rows, weights), kind="stable")] + order[len(rows):]
