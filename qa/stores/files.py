"""The default store: plain files in generations under one folder (see qa/indexing.py for the layout)."""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path

import numpy as np

from ..chunking import Chunk, Texts
from ..indexing import (
    CURRENT,
    Index,
    Manifest,
    build_lock,
    clean_up,
    current_generation,
    find_manifest,
    load_index,
    write_index,
)
from ..keywords import KeywordIndex
from ..timing import Stages


class FileStore:
    def __init__(self, folder: Path):
        self.folder = folder
        self.name = folder.as_posix()
        self.label = f"{folder}/"
        self.local_paths = [folder]

    def manifest(self) -> Manifest | None:
        return find_manifest(self.folder)

    def lock(self) -> AbstractContextManager:
        return build_lock(self.folder)

    def clean_up(self) -> None:
        gen = current_generation(self.folder)
        clean_up(self.folder, {gen.name} if gen else set())

    def load(self, model: str | None = None, check_versions: bool = True) -> Index:
        return load_index(self.folder, model, check_versions)

    def prepare(self, chunks: list[Chunk], stages: Stages | None = None) -> KeywordIndex:
        with (stages or Stages()).time("keywords"):
            return KeywordIndex.build_apart(Texts(chunks))

    def write(self, manifest: Manifest, chunks: list[Chunk], vectors: np.ndarray, whole: bool = False,
              stages: Stages | None = None, prepared: KeywordIndex | None = None) -> str:
        keywords = prepared if prepared is not None else self.prepare(chunks, stages)
        return write_index(self.folder, manifest, chunks, vectors, keywords, stages).name

    def pointer(self) -> tuple[str, float]:
        gen = current_generation(self.folder)
        try:
            stamp = (self.folder / CURRENT).stat().st_mtime
        except OSError:
            stamp = -1.0
        return (gen.name if gen is not None else ""), stamp
