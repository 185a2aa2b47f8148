"""Builds the index from the corpus: load -> chunk -> date -> embed -> write.

Left out: incremental builds; every build embeds the whole corpus again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .chunking import CHUNKER_VERSION, Chunk, chunk_document
from .dating import date_chunk
from .embedding import Embedder
from .errors import BadIndexError, CorpusError
from .indexing import make_manifest, read_manifest, write_index
from .keywords import KeywordIndex
from .loading import corpus_files, file_hash, load_corpus


@dataclass
class BuildReport:
    files: int
    chunks: int
    seconds: float
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def summary(self, index: Path) -> str:
        skipped = f", {len(self.skipped)} skipped" if self.skipped else ""
        return f"built {index}/: {self.files} files{skipped}, {self.chunks} chunks in {self.seconds:.1f} s"


def chunk_corpus(folder: Path, embedder: Embedder | None = None) -> tuple[list[Chunk], dict[str, str], list]:
    """The dated chunks of every document, with the hash of each file read and the files skipped."""
    corpus = load_corpus(folder)
    kwargs = {}
    if embedder is not None:  # budget chunks in the model's own word pieces
        kwargs["count"] = embedder.count_tokens
    chunks: list[Chunk] = []
    for doc in corpus.documents:
        markdown = doc.path.lower().endswith(".md")
        chunks += [date_chunk(c) for c in chunk_document(doc.text, doc.source, markdown, **kwargs)]
    return chunks, corpus.hashes, corpus.skipped


def build(
    corpus: Path,
    index: Path,
    embedder: Embedder,
    progress: Callable[[int, int], None] | None = None,
) -> BuildReport:
    """Builds `index` from `corpus`; `progress(done, total)` follows the embedding."""
    t0 = time.perf_counter()
    chunks, files, skipped = chunk_corpus(corpus, embedder)
    done = 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress(done, len(chunks))

    texts = [c.context_text() for c in chunks]
    vectors = embedder.encode(texts, progress=step)
    keywords = KeywordIndex.build(texts)
    manifest = make_manifest(embedder.name, embedder.dim, chunks, files, str(corpus))
    write_index(index, manifest, chunks, vectors, keywords)
    return BuildReport(len(files) - len(skipped), len(chunks), time.perf_counter() - t0, skipped)


def is_current(corpus: Path, index: Path, model: str) -> bool:
    """True when `index` exists, was built with `model`, and every corpus file is as it was."""
    try:
        manifest = read_manifest(index)
    except BadIndexError:
        return False
    if manifest.model != model or manifest.chunker_version != CHUNKER_VERSION:
        return False
    try:
        files = {p.relative_to(corpus).as_posix(): file_hash(p.read_bytes()) for p in corpus_files(corpus)}
    except (OSError, CorpusError):
        return False
    return files == manifest.files
