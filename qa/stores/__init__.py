"""Where a built index is kept. One module a store, each with the same small interface:

    files.py    plain files in generations under a folder (index/), the default
    milvus.py   a Milvus collection a generation, behind an alias: many page processes and
                machines share one index (milvus://HOST:PORT/NAME, or PATH.db for Milvus Lite)

A store writes a whole generation, then makes it current in one atomic step (a rename, an
alias switch); a reader always gets one whole generation. Building (qa/building.py) and the
run policy (qa/workspace.py) only talk to this interface.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

import numpy as np

from ..chunking import Chunk
from ..indexing import Index, Manifest
from ..timing import Stages


class Store(Protocol):
    name: str  # as the person gave it: "index", "milvus://db:19530/qa", "archive.db"
    label: str  # how messages name it: "index/", "milvus://db:19530/qa"
    local_paths: list[Path]  # folders or files on this machine it keeps the index in

    def manifest(self) -> Manifest | None:
        """The manifest of the generation in force, or None when there is none (or it can't be read)."""

    def lock(self) -> AbstractContextManager:
        """Held by one build while it writes; IndexBusyError at once if another build holds it."""

    def clean_up(self) -> None:
        """Removes what a killed build left. Call under the lock."""

    def load(self, model: str | None = None, check_versions: bool = True) -> Index:
        """The generation in force; BadIndexError if missing, damaged or built with another model."""

    def prepare(self, chunks: list[Chunk], stages: Stages | None = None) -> object:
        """What the store makes of the passages alone, before they are embedded (the files store's
        keyword index: made while no vectors are held), handed back to `write`; None for none."""

    def write(self, manifest: Manifest, chunks: list[Chunk], vectors: np.ndarray, whole: bool = False,
              stages: Stages | None = None, prepared: object = None) -> str:
        """Writes a whole new generation and makes it current; its name. Call under the lock.
        `whole`: a full build, which a store that writes only what changed writes all of. `stages`
        is told the seconds its parts take (keywords, vectors, write) where it can tell them apart."""

    def pointer(self) -> tuple[str, float]:
        """The generation in force now, and a stamp that changes when the pointer is rewritten
        (a reader reloads when either differs from what it holds)."""


def is_milvus(where: str) -> bool:
    """Whether `where` names a Milvus store rather than an index folder."""
    return where.startswith("milvus://") or where.endswith(".db")


def open_store(where: Path | str | Store) -> Store:
    """The store `where` names: a Path is an index folder; a string milvus://HOST:PORT/NAME or
    PATH.db is Milvus, any other string a folder."""
    if not isinstance(where, (str, Path)):
        return where
    if isinstance(where, str) and is_milvus(where):
        from .milvus import MilvusStore  # pymilvus is loaded only by those who use it

        return MilvusStore.at(str(where))
    from .files import FileStore

    return FileStore(Path(where))
