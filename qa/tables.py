"""Per-chunk facts the searcher needs on every question, as numpy arrays built once per index.

A question scores a few hundred candidate chunks by their document and their dates; reading
those from Chunk objects in Python loops cost more than encoding the question. Here they are
arrays: each chunk's document number, the shown date, and every date a chunk mentions (rows
ptr[i]:ptr[i+1] belong to chunk i) as day keys and as points on a line of years.

Day keys are an ISO prefix's first day and a number at or above its last, as integers
("2019-11" -> 20191101 .. 20191199), so comparing them is comparing the ISO strings.
`SentenceCache` keeps the sentences of the passages last shown, split and stemmed, for marking
the sentence that best answers.
Left out: anything that depends on the question (that is `searching`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from .chunking import Chunk, split_sentences
from .dates import TimeScope, lower_bound, upper_bound
from .dating import superseded
from .keywords import terms

_NONE_LOW, _NONE_HIGH = 99_999_999, -1  # an undated chunk's shown-date keys: no scope overlaps them


def low_key(iso: str | None) -> int:
    """The first day of an ISO prefix as YYYYMMDD; 0 when open."""
    return int(lower_bound(iso).replace("-", "")) if iso else 0


def high_key(iso: str | None) -> int:
    """A YYYYMMDD number at or above every day of an ISO prefix; 99999999 when open."""
    return int(upper_bound(iso).replace("-", "")) if iso else 99_999_999


def _middle(iso: str) -> int:
    """The middle of an ISO prefix as a YYYYMMDD-like key: a day is itself, "2019" sorts as mid-2019
    (after "2019-02-18": a year alone is no surer an early date than a late one)."""
    return low_key(iso) + {4: 600, 7: 14}.get(len(iso), 0)  # 1 July; the 15th


def years(iso: str) -> float:
    """An ISO prefix as a point on a line of years, at its start: "2019-07" -> 2019.5."""
    parts = [int(p) for p in iso.split("-")[:2]]
    return parts[0] + (parts[1] - 1) / 12 if len(parts) == 2 else parts[0]


@dataclass(frozen=True)
class ChunkTable:
    document: np.ndarray  # int32, the document number of each chunk
    documents: int
    text: np.ndarray  # int32, the same number for chunks whose texts differ in whitespace only
    dated: np.ndarray  # bool, whether each chunk is shown with a date
    shown_low: np.ndarray  # int64 day keys of the date each chunk is shown with
    shown_high: np.ndarray
    shown_middle: np.ndarray  # ... and of the middle of its start: what orders "the next one" ("2019" after "2019-02-18")
    shown_precision: np.ndarray  # int8: 4, 7 or 10, how finely the shown date is given (a range: 10, it spans its days)
    ptr: np.ndarray  # int64, len(chunks) + 1: chunk i's dates are rows ptr[i]:ptr[i+1] below
    low: np.ndarray  # int64 day keys of every date mentioned
    high: np.ndarray
    middle: np.ndarray  # the middle of each date's start, as shown_middle
    start_years: np.ndarray  # float64 years() of each date's start ...
    end_years: np.ndarray  # ... and of its end (its start when it has none)
    first_year: np.ndarray  # int32, the year each date starts in
    overruled: np.ndarray  # bool, a heading's date the text under it overrules (`dating.superseded`)

    @classmethod
    def of(cls, chunks: list[Chunk]) -> ChunkTable:
        sources: dict[str, int] = {}
        document = np.array([sources.setdefault(c.source, len(sources)) for c in chunks], dtype=np.int32)
        texts: dict[str, int] = {}
        text = np.array([texts.setdefault(" ".join(c.text.split()), len(texts)) for c in chunks], dtype=np.int32)
        dates = [d for c in chunks for d in c.dates]
        overruled = [at >= len(c.dates) - n for c in chunks for n in [superseded(c)] for at in range(len(c.dates))]
        return cls(
            document=document,
            documents=len(sources),
            text=text,
            dated=np.array([c.date is not None for c in chunks], dtype=bool),
            shown_low=np.array([low_key(c.date) if c.date else _NONE_LOW for c in chunks], dtype=np.int64),
            shown_high=np.array([high_key(c.date_end or c.date) if c.date else _NONE_HIGH for c in chunks],
                                dtype=np.int64),
            shown_middle=np.array([_middle(c.date) if c.date else _NONE_LOW for c in chunks], dtype=np.int64),
            shown_precision=np.array([10 if c.date_end and c.date_end != c.date else len(c.date or "") for c in chunks],
                                     dtype=np.int8),
            ptr=np.cumsum([0] + [len(c.dates) for c in chunks], dtype=np.int64),
            low=np.array([low_key(a) for a, _ in dates], dtype=np.int64),
            high=np.array([high_key(b or a) for a, b in dates], dtype=np.int64),
            middle=np.array([_middle(a) for a, _ in dates], dtype=np.int64),
            start_years=np.array([years(a) for a, _ in dates], dtype=np.float64),
            end_years=np.array([years(b or a) for a, b in dates], dtype=np.float64),
            first_year=np.array([int(a[:4]) for a, _ in dates], dtype=np.int32),
            overruled=np.array(overruled, dtype=bool),
        )

    def shown_in(self, ids: np.ndarray, scope: TimeScope) -> np.ndarray:
        """Which of the chunks `ids` are shown with a date overlapping `scope` (undated: none)."""
        return (self.shown_low[ids] <= high_key(scope.end)) & (self.shown_high[ids] >= low_key(scope.start))

    def dated_in(self, ids: np.ndarray, scope: TimeScope) -> np.ndarray:
        """Which of the chunks `ids` are shown with a date in `scope` at its precision: a paragraph dated only
        "2019" is not dated March 2019 (it may be any month); "25-27 November 2019" is, and so is "1988–1992"
        in March 1990 (a range holds every day of it).

        >>> from .chunking import Chunk
        >>> t = ChunkTable.of([Chunk("a", None, "s", 1, date="2019"), Chunk("b", None, "s", 2, date="2019-03-05"),
        ...                    Chunk("c", None, "s", 3, date="2018", date_end="2020")])
        >>> t.dated_in(np.array([0, 1, 2]), TimeScope("2019-03", "2019-03")).tolist()
        [False, True, True]
        >>> t.dated_in(np.array([0, 1, 2]), TimeScope("2019", "2019")).tolist()
        [True, True, True]
        """
        inside = self.shown_in(ids, scope)
        if not (scope.start and scope.end):  # "before 2017": open, any date in it will do
            return inside
        return inside & (self.shown_precision[ids] >= min(len(scope.start), len(scope.end)))

    def starting_in(self, ids: np.ndarray, scope: TimeScope) -> np.ndarray:
        """Which of the chunks `ids` are shown with a date that starts inside `scope` (undated: none):
        after 15 November 2019, "2019" does not; before 13 July 2019, "9-18 July 2019" does."""
        start = self.shown_low[ids]
        return (start >= low_key(scope.start)) & (start <= high_key(scope.end))

    def _rows(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The date rows of chunks `ids`, the position in `ids` each belongs to, and which ids have any."""
        counts = self.ptr[ids + 1] - self.ptr[ids]
        owner = np.repeat(np.arange(len(ids)), counts)
        rows = self.ptr[ids][owner] + (np.arange(len(owner)) - np.repeat(np.cumsum(counts) - counts, counts))
        return rows, owner, counts > 0

    def time_fit(self, ids: np.ndarray, scope: TimeScope, decay: float) -> np.ndarray:
        """For each chunk of `ids`: 1 when a date it mentions falls in `scope`, else e^(-years/decay)
        for the fewest years one misses it by; 0 when undated or the scope is unbounded. A heading's
        year the chunk's text overrules is not counted.

        >>> from .chunking import Chunk
        >>> t = ChunkTable.of([Chunk("t", None, "s", 1, dates=[["2016", None]]), Chunk("u", None, "s", 2)])
        >>> t.time_fit(np.array([0, 1]), TimeScope("2018", "2019"), 1.0).round(3).tolist()
        [0.135, 0.0]
        """
        out = np.zeros(len(ids))
        if not scope.bounded or not len(ids):
            return out
        rows, owner, dated = self._rows(ids)
        kept = ~self.overruled[rows]  # "Sustainable Brands 2019" over a passage of the 2020 conference
        rows, owner = rows[kept], owner[kept]
        dated = dated & (np.bincount(owner, minlength=len(ids)) > 0)
        inside = (self.low[rows] <= high_key(scope.end)) & (self.high[rows] >= low_key(scope.start))
        first = years(scope.start) if scope.start else -np.inf
        last = years(scope.end) if scope.end else np.inf
        miss = np.maximum(0.0, np.maximum(self.start_years[rows] - last, first - self.end_years[rows]))
        fit = np.where(inside, 1.0, np.exp(-miss / decay))
        best = np.zeros(len(ids))
        np.maximum.at(best, owner, fit)
        out[dated] = best[dated]
        return out

    def mentioned_in(self, ids: np.ndarray, scope: TimeScope, latest: bool) -> np.ndarray:
        """For each chunk of `ids`: the middle day key of the first date it mentions that starts inside
        `scope` (the last, when `latest`: one that also ends inside); -1 when none does.

        >>> from .chunking import Chunk
        >>> t = ChunkTable.of([Chunk("t", None, "s", 1, dates=[["1956", None], ["1958", None]]), Chunk("u", None, "s", 2)])
        >>> t.mentioned_in(np.array([0, 1]), TimeScope("1957-12-31", None), False).tolist()
        [19580701, -1]
        """
        out = np.full(len(ids), -1, dtype=np.int64)
        if not len(ids):
            return out
        rows, owner, _ = self._rows(ids)
        low = self.low[rows]
        inside = (low >= low_key(scope.start)) & (low <= high_key(scope.end))
        if latest and scope.end:  # "before 22 January 2020": not "2020"
            inside &= self.high[rows] <= high_key(scope.end)
        middle = self.middle[rows]
        if latest:
            np.maximum.at(out, owner[inside], middle[inside])
        else:
            key = np.full(len(ids), np.iinfo(np.int64).max, dtype=np.int64)
            np.minimum.at(key, owner[inside], middle[inside])
            out = np.where(key == np.iinfo(np.int64).max, -1, key)
        return out

    def starts(self, ids: np.ndarray, scope: TimeScope) -> np.ndarray:
        """For each chunk of `ids`: whether `scope` spans several years and it mentions a date in the first.

        Narrative text reports a state when it begins ("In 2004 she joined …"), so for "from
        2004 to 2006" the passage dated 2004 is likelier to tell what held then than one dated 2005.

        >>> from .chunking import Chunk
        >>> t = ChunkTable.of([Chunk("t", None, "s", 1, dates=[["2004-03", None]])])
        >>> [bool(t.starts(np.array([0]), TimeScope(a, b))[0]) for a, b in [("2004", "2006"), ("2004", "2004"), ("2003", "2006")]]
        [True, False, False]
        """
        if not (scope.start and scope.end) or scope.start[:4] == scope.end[:4] or not len(ids):
            return np.zeros(len(ids), dtype=bool)
        rows, owner, _ = self._rows(ids)
        hit = np.zeros(len(ids), dtype=bool)
        hit[owner[self.first_year[rows] == int(scope.start[:4])]] = True
        return hit

    def names_year(self, ids: np.ndarray, year: int) -> np.ndarray:
        """For each chunk of `ids`: whether a date it mentions starts or ends in `year`.

        >>> from .chunking import Chunk
        >>> t = ChunkTable.of([Chunk("t", None, "s", 1, dates=[["2004-03", "2008"]]), Chunk("u", None, "s", 2)])
        >>> [t.names_year(np.array([0, 1]), y).tolist() for y in (2004, 2006, 2008)]
        [[True, False], [False, False], [True, False]]
        """
        if not len(ids):
            return np.zeros(0, dtype=bool)
        rows, owner, _ = self._rows(ids)
        hit = np.zeros(len(ids), dtype=bool)
        hit[owner[(self.first_year[rows] == year) | (np.floor(self.end_years[rows]) == year)]] = True
        return hit


Sentence = tuple[int, int, frozenset[str]]  # offsets in the text, and the sentence's index terms

SENTENCE_CACHE = 4096  # chunks whose sentences are kept


class SentenceCache:
    """Each sentence of a chunk's text as its offsets and index terms, kept for the last `size`
    chunks asked for (the least recently asked is dropped first).

    Splitting and stemming a passage costs more than all the scoring of a question, and the
    same passages answer many questions. Safe to share between threads.

    >>> cache = SentenceCache([Chunk("Met farmers. Signed it.", None, "s", 1)], size=1)
    >>> [(a, b) for a, b, _ in cache(0)]
    [(0, 12), (13, 23)]
    """

    def __init__(self, chunks: list[Chunk], size: int = SENTENCE_CACHE):
        self._chunks, self._size = chunks, size
        self._kept: OrderedDict[int, list[Sentence]] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, i: int) -> list[Sentence]:
        with self._lock:
            found = self._kept.get(i)
            if found is not None:
                self._kept.move_to_end(i)
                return found
        text = self._chunks[i].text
        found, pos = [], 0
        for sentence in split_sentences(text):
            start = text.find(sentence, pos)
            pos = start + len(sentence)
            found.append((start, pos, frozenset(terms(sentence))))
        with self._lock:
            self._kept[i] = found
            if len(self._kept) > self._size:
                self._kept.popitem(last=False)
        return found

    def __len__(self) -> int:
        return len(self._kept)
