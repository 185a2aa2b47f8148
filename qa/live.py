"""Keeps a running process on the current index: it reloads when a build (from the page or
the CLI) makes a new generation current, and can run that build itself.

Each question is answered from the one Index object it got, so a swap in the middle of
a query never mixes two indexes. A new generation that fails its checks (damaged, missing,
built with another model) is not taken: the index in memory goes on answering, and
`problem` says why until a good one appears. Left out: watching the corpus folder for
edits (a rebuild is asked for, on the page or with `qa build`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .embedding import Embedder
from .errors import BadIndexError
from .indexing import Index, current_generation, load_index


@dataclass(frozen=True)
class Status:
    documents: int
    chunks: int
    first_date: str | None
    last_date: str | None
    built_at: str
    generation: str
    problem: str | None = None  # why a newer index was not taken, if one was not


class LiveIndex:
    def __init__(self, corpus: Path, folder: Path, model: str | None = None, embedder=None):
        self.corpus, self.folder = corpus, folder
        self._lock = threading.Lock()
        self._build_lock = threading.Lock()
        self.index = load_index(folder, model)
        self.embedder = embedder or Embedder(model or self.index.manifest.model)
        self.problem: str | None = None
        self._refused: tuple[str, float] | None = None  # the generation last refused, and CURRENT's mtime then

    def _pointer(self) -> tuple[str, float]:
        """What CURRENT names now and when it was written (a name that can't be read counts as a change)."""
        gen = current_generation(self.folder)
        try:
            mtime = (self.folder / "CURRENT").stat().st_mtime
        except OSError:
            mtime = -1.0
        return (gen.name if gen is not None else ""), mtime

    def get(self) -> Index:
        """The current index, reloaded first if another generation has become current and passes its checks."""
        pointer = self._pointer()
        if pointer[0] != self.index.generation and pointer != self._refused:
            with self._lock:
                if pointer[0] != self.index.generation and pointer != self._refused:
                    try:
                        self.index = load_index(self.folder, self.embedder.name)
                        self.problem, self._refused = None, None
                    except BadIndexError as e:
                        self.problem, self._refused = str(e), pointer
        elif pointer[0] == self.index.generation:
            self.problem = None
        return self.index

    def status(self) -> Status:
        index = self.get()
        dated = sorted(c.date for c in index.chunks if c.date)
        m = index.manifest
        documents = len({c.source for c in index.chunks})  # read and cut into passages (not those skipped)
        return Status(documents, m.chunk_count, dated[0] if dated else None, dated[-1] if dated else None,
                      m.built_at, index.generation, self.problem)

    def rebuild(self, progress: Callable[[int, int], None] | None = None):
        """Runs an incremental build of the corpus and switches to the result; returns its BuildReport."""
        from .building import build

        with self._build_lock:
            report = build(self.corpus, self.folder, self.embedder, progress=progress)
        self.get()
        return report
