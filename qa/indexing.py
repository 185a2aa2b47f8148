"""The index on disk: plain files, checked by a manifest before anything is read.

    index/manifest.json   format version, model, dimension, chunk count, corpus file hashes
    index/chunks.jsonl    one chunk a line: text, heading, date, date_end, dates, source, line
    index/vectors.faiss   a FAISS inner-product index over the unit vectors, row i = chunk i
    index/bm25/           the BM25 index over the same texts (bm25s's own plain files)

Every file's size and SHA-256 are in the manifest and checked before FAISS or bm25s read it.

A build writes a new folder beside the old one and swaps it in by renaming, so a reader
never sees half an index. Left out: incremental updates, locking between builders.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import faiss
import numpy as np

from .chunking import CHUNKER_VERSION, Chunk
from .errors import BadIndexError
from .keywords import TOKENIZER, KeywordIndex
from .loading import file_hash

FORMAT_VERSION = 2
MANIFEST, CHUNKS, VECTORS, BM25 = "manifest.json", "chunks.jsonl", "vectors.faiss", "bm25"


@dataclass
class Manifest:
    format_version: int
    model: str
    dimension: int
    chunk_count: int
    chunker_version: int
    tokenizer: str  # how the BM25 index was tokenized
    files: dict[str, str]  # corpus path -> sha256
    corpus: str  # the corpus folder it was built from
    built_at: str  # ISO 8601, UTC
    index_files: dict[str, list] = field(default_factory=dict)  # index file -> [size, sha256]


@dataclass
class Index:
    manifest: Manifest
    chunks: list[Chunk]
    vectors: faiss.Index
    keywords: KeywordIndex

    def search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        """(chunk number, cosine) of the k nearest chunks to one unit vector, best first."""
        k = min(k, len(self.chunks))
        if k <= 0:
            return []
        scores, ids = self.vectors.search(query.reshape(1, -1).astype(np.float32), k)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=False) if i >= 0]


def make_manifest(model: str, dimension: int, chunks: list[Chunk], files: dict[str, str], corpus: str) -> Manifest:
    return Manifest(
        FORMAT_VERSION, model, dimension, len(chunks), CHUNKER_VERSION, TOKENIZER, dict(sorted(files.items())),
        corpus, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    )


def _index_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST)


def write_index(
    folder: Path, manifest: Manifest, chunks: list[Chunk], vectors: np.ndarray, keywords: KeywordIndex
) -> None:
    """Writes a complete index into a fresh folder beside `folder`, then swaps it in."""
    if vectors.shape != (len(chunks), manifest.dimension):
        raise ValueError(f"{vectors.shape[0]} vectors of {vectors.shape[1]} for {len(chunks)} chunks")
    folder = folder.resolve()
    folder.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=f".{folder.name}.new-", dir=folder.parent))
    try:
        flat = faiss.IndexFlatIP(manifest.dimension)
        flat.add(np.ascontiguousarray(vectors, dtype=np.float32))
        faiss.write_index(flat, str(new / VECTORS))
        with open(new / CHUNKS, "w", encoding="utf-8") as f:
            for c in chunks:
                f.write(json.dumps(asdict(c), ensure_ascii=False) + "\n")
        keywords.save(new / BM25)
        manifest.index_files = {
            p.relative_to(new).as_posix(): [p.stat().st_size, file_hash(p.read_bytes())] for p in _index_files(new)
        }
        # The manifest goes last: a folder without one is never taken for an index.
        (new / MANIFEST).write_text(json.dumps(asdict(manifest), indent=1, ensure_ascii=False) + "\n")
        new.chmod(0o755)
        old = folder.with_name(f".{folder.name}.old-{os.getpid()}")
        if folder.exists():
            folder.rename(old)
        new.rename(folder)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise


def read_manifest(folder: Path) -> Manifest:
    path = folder / MANIFEST
    if not path.is_file():
        raise BadIndexError(f"no index in {folder}/: run 'qa build --index {folder}' to build it")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise BadIndexError(f"{path} is unreadable ({e}): run 'qa build --index {folder}' to rebuild") from e
    if data.get("format_version") != FORMAT_VERSION:
        raise BadIndexError(
            f"{folder}/ has index format {data.get('format_version')}, this qa reads {FORMAT_VERSION}:"
            f" run 'qa build --index {folder}' to rebuild"
        )
    try:
        return Manifest(**data)
    except TypeError as e:
        raise BadIndexError(f"{path} is not a qa manifest: run 'qa build --index {folder}' to rebuild") from e


def load_index(folder: Path, model: str | None = None) -> Index:
    """The index in `folder`; BadIndexError if it is missing, damaged or built with another model."""
    manifest = read_manifest(folder)
    rebuild = f"run 'qa build --index {folder}' to rebuild"
    if model is not None and manifest.model != model:
        raise BadIndexError(f"{folder}/ was built with model {manifest.model}; this run uses {model}: {rebuild}")
    if manifest.chunker_version != CHUNKER_VERSION or manifest.tokenizer != TOKENIZER:
        raise BadIndexError(f"{folder}/ was cut or tokenized by an older qa: {rebuild}")
    _verify_files(folder, manifest, rebuild)
    try:
        with open(folder / CHUNKS, encoding="utf-8") as f:
            chunks = [Chunk(**json.loads(line)) for line in f]
        vectors = faiss.read_index(str(folder / VECTORS))
        keywords = KeywordIndex.load(folder / BM25, len(chunks))
    except (OSError, ValueError, TypeError, RuntimeError) as e:
        raise BadIndexError(f"{folder}/ is damaged ({type(e).__name__}): {rebuild}") from e
    if len(chunks) != manifest.chunk_count or vectors.ntotal != manifest.chunk_count:
        raise BadIndexError(
            f"{folder}/ is inconsistent: manifest says {manifest.chunk_count} chunks, found"
            f" {len(chunks)} chunks and {vectors.ntotal} vectors: {rebuild}"
        )
    if vectors.d != manifest.dimension:
        raise BadIndexError(f"{folder}/ holds vectors of {vectors.d}, manifest says {manifest.dimension}: {rebuild}")
    return Index(manifest, chunks, vectors, keywords)


def _verify_files(folder: Path, manifest: Manifest, rebuild: str) -> None:
    """Refuses an index whose files are not the ones its manifest lists, byte for byte."""
    found = {p.relative_to(folder).as_posix() for p in _index_files(folder)}
    listed = set(manifest.index_files)
    if not listed or found != listed:
        what = sorted(listed - found)[:1] or sorted(found - listed)[:1] or ["its file list"]
        raise BadIndexError(f"{folder}/ does not match its manifest ({what[0]} missing or extra): {rebuild}")
    for name, (size, digest) in manifest.index_files.items():
        path = folder / name
        if path.stat().st_size != size or file_hash(path.read_bytes()) != digest:
            raise BadIndexError(f"{folder}/{name} is truncated or altered: {rebuild}")
