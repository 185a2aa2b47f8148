"""Answers a question with the passages nearest to it in meaning.

Left out: keyword (BM25) retrieval and reading the time a question refers to.
"""

from __future__ import annotations

from dataclasses import dataclass

from .embedding import Embedder
from .errors import QuestionError
from .indexing import Index

MAX_QUESTION_CHARS = 1000


@dataclass(frozen=True)
class Hit:
    text: str
    heading: str | None
    date: str | None
    date_end: str | None
    source: str
    line: int
    score: float


def clean_question(question: str) -> str:
    """The question with whitespace and control characters folded; QuestionError if empty or too long."""
    q = " ".join("".join(ch if ch.isprintable() else " " for ch in question).split())
    if not q:
        raise QuestionError("the question is empty: type a question, e.g. 'What happened in 2019?'")
    if len(q) > MAX_QUESTION_CHARS:
        raise QuestionError(f"the question is {len(q)} characters long; the limit is {MAX_QUESTION_CHARS}")
    return q


def search(index: Index, embedder: Embedder, question: str, k: int = 5) -> list[Hit]:
    """The k passages most similar to the question, best first."""
    if k < 1:
        raise QuestionError(f"k must be at least 1, got {k}")
    query = embedder.encode([clean_question(question)])[0]
    hits = []
    for i, score in index.search(query, k):
        c = index.chunks[i]
        hits.append(Hit(c.text, c.heading, c.date, c.date_end, c.source, c.line, round(score, 4)))
    return hits
