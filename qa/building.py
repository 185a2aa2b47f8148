"""Builds the index from the corpus: load -> chunk -> date -> embed -> write, re-embedding only what changed.

A chunk's vector depends only on the model and the text it embeds (title, heading, text),
so a build reuses the current index's vector for every chunk whose embedded text is
unchanged, whatever file it now sits in, and embeds the rest. Files edited, added, removed
or renamed, and a change of chunking rules, therefore cost only the chunks they change; a
change of model re-embeds everything, and so does `full=True`. The result equals a full
build of the same corpus (same chunks, same vectors up to float rounding).
A file whose path and bytes are unchanged is not even chunked again: its chunks are taken
from the index.
Where the index is written is the store's business (qa/stores/). Left out: embedding on several machines.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from .chunking import CHUNKER_VERSION, LONG_RUN, MAX_CHUNKS, Chunk, Texts, TooManyChunks, chunk_document, too_many
from .dating import date_chunk
from .embedding import Embedder
from .errors import BadIndexError, CorpusError, IndexWriteError
from .indexing import make_manifest
from .keywords import TOKENIZER
from .loaders import Document
from .loading import MAX_FILE_MB, SETTLED, corpus_files, file_hash, load_corpus, read_file
from .stores import Store, open_store
from .timing import Stages


@dataclass
class BuildReport:
    files: int
    chunks: int
    seconds: float
    skipped: list[tuple[str, str]] = field(default_factory=list)
    added: int = 0
    changed: int = 0
    removed: int = 0
    renamed: int = 0
    unchanged: int = 0
    embedded: int = 0
    reused: int = 0
    full: bool = False
    stages: dict[str, float] = field(default_factory=dict)  # seconds per stage (qa/timing.py), in build order

    def by_reason(self) -> dict[str, int]:
        """How many files were skipped for each kind of reason, most first."""
        counts: dict[str, int] = {}
        for _, why in self.skipped:
            counts[reason_kind(why)] = counts.get(reason_kind(why), 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    def as_json(self, index: str) -> dict:
        """The report as data (`qa build --json`); `index` names the store."""
        return {"index": index, "files": self.files, "chunks": self.chunks, "seconds": round(self.seconds, 3),
                "added": self.added, "changed": self.changed, "removed": self.removed, "renamed": self.renamed,
                "unchanged": self.unchanged, "embedded": self.embedded, "reused": self.reused, "full": self.full,
                "skipped": [{"path": p, "reason": why} for p, why in self.skipped],
                "skipped_by_reason": self.by_reason(), "stages": self.stages,
                "embed_per_second": self.embed_rate()}

    def embed_rate(self) -> float | None:
        """Passages the embedder embedded a second (None when it embedded none)."""
        seconds = self.stages.get("embed", 0.0)
        return round(self.embedded / seconds, 1) if self.embedded and seconds else None

    def stage_lines(self) -> list[str]:
        """The stage table as lines: "read 0.52 s", …, then the embedder's passages a second."""
        rate = self.embed_rate()
        return [f"{name:<11}{seconds:8.2f} s" for name, seconds in self.stages.items()] + (
            [f"embedder   {rate:8.0f} passages/s"] if rate else [])

    def outcome(self, lang: str = "en") -> str:
        """What the build did, in words for a person: "Rebuilt the index: 2 files added; 12 new passages, 66 in
        all; 1 file skipped." (the skipped files are listed by the caller)."""
        return _outcome(self, lang)

    def summary(self, index: str) -> str:
        """One line; `index` names the store as messages do ("index/", "milvus://db:19530/qa")."""
        skipped = f", {len(self.skipped)} skipped" if self.skipped else ""
        files = (f"{self.added} added, {self.changed} changed, {self.removed} removed, {self.renamed} renamed,"
                 f" {self.unchanged} unchanged")
        how = "full build" if self.full else f"{self.embedded} embedded, {self.reused} reused"
        return (f"built {index}: {_count(self.files, 'file')}{skipped} ({files}), {_count(self.chunks, 'chunk')} ({how})"
                f" in {self.seconds:.1f} s")


def _outcome(r: BuildReport, lang: str) -> str:
    changes = [(r.added, "added", "追加"), (r.changed, "changed", "変更"), (r.removed, "removed", "削除"),
               (r.renamed, "renamed", "名前の変更")]
    if lang == "ja":
        files = "、".join(f"{what} {n}件" for n, _, what in changes if n) or "資料の変更はありません"
        skipped = f"、読み込めないファイル {len(r.skipped)}件" if r.skipped else ""
        return f"索引を作り直しました：{files}。新しい記述 {r.embedded}件、全部で {r.chunks}件{skipped}。"
    done = [f"{_count(n, 'file') if not k else n} {what}"  # "2 files added, 1 changed"
            for k, (n, what) in enumerate((n, what) for n, what, _ in changes if n)]
    skipped = f"; {_count(len(r.skipped), 'file')} skipped" if r.skipped else ""
    return (f"Rebuilt the index: {', '.join(done) or 'no document changed'}; {_count(r.embedded, 'new passage')},"
            f" {r.chunks} in all{skipped}.")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


_KINDS = [  # (pattern of a skip reason, the kind it is counted as)
    (r"^unsupported type", "unsupported type"), (r"over the .* limit", "too large"),
    (r"passages \(limit per file\)", "too many passages"), (r"^(took|needs) over", "too slow or large to read"),
    (r"^(empty file|no text|no visible text)", "empty"), (r"^(binary file|not UTF-8)", "not text"),
    (r"^unreadable|^over \d+ (pages|rows)", "damaged or too long"), (r"without text", "no text layer"),
    (r"symlink|not a regular file", "link or special file"), (r"outside", "outside the corpus"),
    (r"^unreadable folder", "unreadable folder"),
]


def reason_kind(why: str) -> str:
    """The kind of reason a file was skipped for, to count them by: "too large", "unsupported type"…

    >>> reason_kind("2.1 MB, over the 2 MB limit"), reason_kind("unsupported type .docx")
    ('too large', 'unsupported type')
    """
    return next((kind for pattern, kind in _KINDS if re.search(pattern, why)), why)


def chunk_key(chunk: Chunk) -> str:
    """What a chunk's vector depends on besides the model: the text it embeds."""
    return hashlib.sha256(chunk.context_text().encode("utf-8")).hexdigest()


WORKERS = os.cpu_count() or 1  # processes that cut and date documents in a large build
POOL_MIN_CHARS = 6_000_000  # ... when there is at least this much new text (about 20,000 passages)


def _chunks_of(doc: Document, embedder: Embedder | None, limit: int = MAX_CHUNKS) -> list[Chunk]:
    # The budget is counted in the model's word pieces when there is a model.
    kwargs = {"count": embedder.count_tokens, "cut_at": getattr(embedder, "cut_at", None),
              "count_many": getattr(embedder, "count_batch", None)} if embedder else {}
    chunks = [date_chunk(c) for c in chunk_document(doc.text, doc.source, doc.markdown, limit=limit, **kwargs)]
    if doc.locations:  # a page, a slide, a sheet's row: where in the file a passage is
        chunks = [replace(c, unit=unit, line=number) for c in chunks for unit, number in [doc.where(c.line)]]
    return chunks


def chunk_corpus(
    folder: Path, embedder: Embedder | None = None, max_mb: float = MAX_FILE_MB,
    known: dict[tuple[str, str], list[Chunk]] | None = None, max_chunks: int = MAX_CHUNKS,
    verdicts: dict[str, str] | None = None, stages: Stages | None = None,
) -> tuple[list[Chunk], dict[str, str], list]:
    """The dated chunks of every document, with the hash of each file read and the files skipped.

    `known` holds the chunks of files already chunked by the same rules, by (path in the corpus,
    file hash): those files are not chunked again (their passages take the source they have now).
    A file cut into more than `max_chunks` passages is skipped. `verdicts`: see load_corpus.
    """
    stages = stages or Stages()
    with stages.time("read"):
        corpus = load_corpus(folder, max_mb, verdicts)
    known = known or {}
    with stages.time("chunk+date"):
        todo = [doc for doc in corpus.documents if not known.get((doc.path, corpus.hashes[doc.path]))]
        cut = _in_workers(todo, embedder, max_chunks) if _pays(todo, embedder) else {
            doc.path: _chunked(doc, embedder, max_chunks) for doc in todo}
        chunks: list[Chunk] = []
        for doc in corpus.documents:  # in the corpus's order, whoever cut them
            same = known.get((doc.path, corpus.hashes[doc.path]))
            done = [replace(c, source=doc.source) for c in same] if same else cut[doc.path]
            if isinstance(done, str):
                corpus.skipped.append((doc.path, done))
            else:
                chunks += done
    return chunks, corpus.hashes, sorted(corpus.skipped)


def _chunked(doc: Document, embedder: Embedder | None, max_chunks: int) -> list[Chunk] | str:
    """A document's dated chunks, or why it was skipped."""
    try:
        return _chunks_of(doc, embedder, max_chunks)
    except TooManyChunks as e:
        return str(e)


def _pays(todo: list[Document], embedder: Embedder | None) -> bool:
    """Whether cutting these documents in worker processes beats doing it here: several cores, a
    model whose counting a worker can do, and enough text to pay for starting them (about a second)."""
    return (WORKERS > 1 and hasattr(embedder, "counter_spec")
            and sum(len(doc.text) for doc in todo) >= POOL_MIN_CHARS)


_counter = None  # a worker's TokenCounter


def _start_worker(spec: str) -> None:
    global _counter
    from .embedding import TokenCounter

    _counter = TokenCounter(spec)


def _chunk_in_worker(doc: Document, max_chunks: int) -> tuple[str, list[Chunk] | str]:
    return doc.path, _chunked(doc, _counter, max_chunks)


def _in_workers(todo: list[Document], embedder: Embedder, max_chunks: int) -> dict[str, list[Chunk] | str]:
    """`_chunked` for every document, spread over WORKERS processes (fresh interpreters, not copies of
    this one with its threads and model), the largest documents first."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    by_size = sorted(todo, key=lambda d: -len(d.text))
    with ProcessPoolExecutor(WORKERS, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_start_worker, initargs=(embedder.counter_spec(),)) as pool:
        return dict(pool.map(_chunk_in_worker, by_size, [max_chunks] * len(by_size), chunksize=8))


def _give_back() -> None:
    """Returns the C heap's freed memory to the system (glibc keeps it otherwise, and a build's peak
    is then the sum of its stages' rather than the largest); nothing where there is no glibc."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _in_order(keys: list[str], todo: list[str], fresh: np.ndarray, stored: dict[str, np.ndarray], dim: int) -> np.ndarray:
    """The vectors of `keys` in their order, from the new ones (`fresh`, in `todo`'s order) and the
    reused ones, written into one array (no list of rows stacked: that would hold them twice)."""
    if keys == todo:  # a full build: the new vectors are already in order
        return fresh
    vectors = np.empty((len(keys), dim), np.float32)
    row = {k: n for n, k in enumerate(todo)}
    for i, k in enumerate(keys):
        vectors[i] = fresh[row[k]] if k in row else stored[k]
    return vectors


def compare_files(old: dict[str, str], new: dict[str, str]) -> dict[str, int]:
    """Counts of files added, changed, removed, renamed (same content, new path) and unchanged.

    >>> compare_files({"a": "1", "b": "2", "c": "3"}, {"a": "1", "b": "9", "d": "3", "e": "4"})
    {'added': 1, 'changed': 1, 'removed': 0, 'renamed': 1, 'unchanged': 1}
    """
    added = {p: h for p, h in new.items() if p not in old}
    removed = {p: h for p, h in old.items() if p not in new}
    moved = set(added.values()) & set(removed.values())
    renamed = sum(1 for h in added.values() if h in moved)
    return {
        "added": len(added) - renamed,
        "changed": sum(1 for p, h in new.items() if p in old and old[p] != h),
        "removed": sum(1 for h in removed.values() if h not in moved),
        "renamed": renamed,
        "unchanged": sum(1 for p, h in new.items() if old.get(p) == h),
    }


def _previous(store: Store, embedder: Embedder) -> tuple[dict, dict[str, np.ndarray]]:
    """What the current index offers a build with this model: its chunks by (path, file hash),
    if cut by these rules, and its vectors by chunk key. Nothing from another model."""
    try:
        old = store.load(embedder.name, check_versions=False)
    except BadIndexError:
        return {}, {}
    if old.manifest.dimension != embedder.dim:
        return {}, {}
    vectors = old.stored_vectors()
    stored = {chunk_key(c): vectors[i] for i, c in enumerate(old.chunks)}
    known: dict[tuple[str, str], list[Chunk]] = {}
    if old.manifest.chunker_version == CHUNKER_VERSION:
        sources = {(Path(old.manifest.corpus) / rel).as_posix(): (rel, h) for rel, h in old.manifest.files.items()}
        for c in old.chunks:
            if c.source in sources:
                known.setdefault(sources[c.source], []).append(c)
    return known, stored


def build(
    corpus: Path,
    index: Path | str | Store,
    embedder: Embedder,
    progress: Callable[[int, int], None] | None = None,
    full: bool = False,
    max_mb: float = MAX_FILE_MB,
    max_chunks: int = MAX_CHUNKS,
) -> BuildReport:
    """Builds the index (a folder, or a store: qa/stores/) from `corpus`; `progress(done, total)`
    follows the embedding of new chunks.

    Raises IndexBusyError when another build holds the index, CorpusError for an unusable corpus.
    """
    t0 = time.perf_counter()
    store = open_store(index)
    try:
        return _build(corpus, store, embedder, progress, full, max_mb, max_chunks, t0)
    except OSError as e:  # writing: a full disk, a read-only folder, a file-size limit
        where = f" ({e.filename})" if e.filename else ""
        raise IndexWriteError(f"cannot write the index in {store.label}: {e.strerror or e}{where}; the index in"
                              " force is unchanged") from e


def _build(corpus: Path, store: Store, embedder: Embedder, progress, full: bool, max_mb: float, max_chunks: int,
           t0: float) -> BuildReport:
    with store.lock():
        store.clean_up()  # what a killed build left
        known, stored = ({}, {}) if full else _previous(store, embedder)
        old = store.manifest()
        verdicts = {} if full or old is None else {
            old.files[rel]: why for rel, why in old.skipped if rel in old.files
            and why.startswith((*SETTLED, too_many(max_chunks), LONG_RUN))}  # "over 5000 passages": while the limit is
        stages = Stages()
        chunks, files, skipped = chunk_corpus(corpus, embedder, max_mb, known, max_chunks, verdicts, stages)
        _give_back()  # the corpus's text and the workers' replies, read and gone
        prepared = store.prepare(chunks, stages)  # before the vectors exist: its peak and theirs apart
        _give_back()
        keys = [chunk_key(c) for c in chunks]
        todo = list(dict.fromkeys(k for k in keys if k not in stored))  # each new text embedded once
        reused = sum(1 for k in keys if k in stored)
        first = not stored  # nothing to reuse: a full build, whatever was asked
        by_key = {c_key: c for c_key, c in zip(keys, chunks, strict=True)}
        done, total = 0, len(todo)

        def step(n: int) -> None:
            nonlocal done
            done += n
            if progress:
                progress(done, total)

        if progress:
            progress(0, total)
        fresh = np.zeros((0, embedder.dim), np.float32)
        if todo:
            with stages.time("embed"):
                fresh = embedder.encode(Texts([by_key[k] for k in todo]), progress=step)
        del by_key
        vectors = _in_order(keys, todo, fresh, stored, embedder.dim)
        del fresh, stored, keys, todo  # a key a passage: 25 MB at 200,000
        _give_back()
        manifest = make_manifest(embedder.name, embedder.dim, chunks, files, corpus, skipped,
                                 getattr(embedder, "described", "cpu"))
        store.write(manifest, chunks, vectors, whole=first, stages=stages, prepared=prepared)
    unread = {path for path, _ in skipped}
    read = {p: h for p, h in files.items() if p not in unread}
    diff = compare_files({p: h for p, h in (old.files if old else {}).items() if p not in unread}, read)
    return BuildReport(len(read), len(chunks),
                       time.perf_counter() - t0, skipped, **diff, embedded=len(chunks) - reused, reused=reused,
                       full=first, stages=stages.table())


def is_current(corpus: Path, index: Path | str | Store, model: str, max_mb: float = MAX_FILE_MB) -> bool:
    """True when the index exists, was built with `model` and these rules, and every corpus file is as it was."""
    manifest = open_store(index).manifest()
    if manifest is None or manifest.model != model or manifest.chunker_version != CHUNKER_VERSION or manifest.tokenizer != TOKENIZER:
        return False
    try:
        paths, _ = corpus_files(corpus, max_mb)
        files = {rel: file_hash(read_file(p, corpus, int(max_mb * 1e6))) for p, rel in paths}
    except (OSError, CorpusError):
        return False
    return files == manifest.files
