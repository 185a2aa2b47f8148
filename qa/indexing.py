"""The index on disk: plain files in generations, checked by a manifest before anything is read.

    index/CURRENT                   the name of the generation in force (one line)
    index/.lock                     held by the build that is writing (flock)
    index/g-<time>-<pid>/manifest.json   format version, model, dimension, chunk count,
                                    corpus file hashes, size and SHA-256 of every file below
    index/g-…/chunks.jsonl          one chunk a line: text, heading, dates, source, line
    index/g-…/vectors.faiss         a FAISS inner-product index over the unit vectors, row i = chunk i
                                    (exact search over float16 copies; an HNSW graph for a large corpus)
    index/g-…/bm25/                 the BM25 index over the same texts (bm25s's own plain files)

A build writes a complete new generation, fsyncs it, and then replaces CURRENT in one
atomic rename, so a reader (or a build killed at any moment) always leaves a whole index
in force. The next build removes what a killed one left. Every file's size and hash are
checked before FAISS or bm25s read it (FAISS files are trusted input only).
Sharing one index between machines is the Milvus store's (qa/stores/milvus.py).
"""

from __future__ import annotations

import errno
import fcntl
import functools
import hashlib
import json
import os
import re
import shutil
import time
import typing
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path

import faiss
import numpy as np

from .chunking import CHUNKER_VERSION, Chunk
from .dates import JAPANESE, TimeScope
from .errors import BadIndexError, IndexBusyError
from .keywords import TOKENIZER, KeywordIndex, acronyms, katakana_runs, terms, vocabulary
from .tables import ChunkTable, SentenceCache
from .timing import Stages

FORMAT_VERSION = 3
MANIFEST, CHUNKS, VECTORS, BM25 = "manifest.json", "chunks.jsonl", "vectors.faiss", "bm25"
CURRENT, LOCK, GENERATION = "CURRENT", ".lock", "g-"
# Exact search while it takes a few milliseconds; beyond this many chunks an HNSW graph
# (bench/scale.py measures both; docs/benchmarks.md gives the figures).
EXACT_LIMIT = 200_000
HNSW = {"type": "hnsw", "M": 32, "efConstruction": 80, "efSearch": 128, "storage": "fp16"}
# Both keep the vectors as float16: half the memory and a faster scan, at the same top 100 as
# float32 to within rounding.
FLAT = {"type": "flat", "storage": "fp16"}
# One question's search is faster on one thread: split over several it waits on threads the
# encoder has just used. Building an HNSW graph uses all cores (see vector_index).
faiss.omp_set_num_threads(1)
_LEGACY = (MANIFEST, CHUNKS, VECTORS, BM25)  # format 2 kept these directly in index/


@dataclass
class Manifest:
    format_version: int
    model: str
    dimension: int
    chunk_count: int
    chunker_version: int
    tokenizer: str  # how the BM25 index was tokenized
    files: dict[str, str]  # corpus path -> sha256
    corpus: str  # the corpus folder it was built from, as given (passages' sources start with it)
    built_at: str  # ISO 8601, UTC
    index_files: dict[str, list] = field(default_factory=dict)  # index file -> [size, sha256]
    vector_index: dict = field(default_factory=lambda: {"type": "flat"})  # FAISS index type and parameters
    corpus_path: str = ""  # the same folder as an absolute path
    skipped: list = field(default_factory=list)  # [path, reason] of every file the build did not read
    embedded_on: str = ""  # where the last build embedded its new passages: "cpu", "cuda (NVIDIA H200, float16)"


_HYPHENED = re.compile(r"(?<![\w'’-])[A-Za-z]{2,}(?:-[A-Za-z]{2,})+(?![\w'’-])")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]+")
# a capitalised word after a word or comma (group 1), or after a number when it is an acronym or another follows (2)
_CAPITALISED_WITHIN = re.compile(r"(?<=[\w,’'”)-])[ \t]([A-Z][\w’'-]*)(?=([ \t]+[A-Z])?)")
_PLACE_NAMED = re.compile(r"\b(?:in|at|from|to)\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")
_NAME_RUN = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}(?![\w'’-])")


@dataclass
class Index:
    manifest: Manifest
    chunks: list[Chunk]
    vectors: faiss.Index
    keywords: KeywordIndex
    generation: str = ""  # the folder under index/ it was read from
    problem = None  # (not a field) why this is not the newest build: the newest failed its checks

    @cached_property
    def table(self) -> ChunkTable:
        """Per-chunk documents and dates as arrays, made on the first question."""
        return ChunkTable.of(self.chunks)

    @cached_property
    def sentences(self) -> SentenceCache:
        """The sentences of the passages last shown, split and stemmed."""
        return SentenceCache(self.chunks)

    def search(self, query: np.ndarray, k: int, within: TimeScope | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Chunk numbers and cosines of the k nearest chunks to one unit vector, best first.
        (`within`: a store that filters in its engine keeps only chunks shown in that period;
        here the caller filters.)"""
        k = min(k, len(self.chunks))
        if k <= 0:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
        scores, ids = self.vectors.search(query.reshape(1, -1).astype(np.float32), k)
        found = ids[0] >= 0
        return ids[0][found], scores[0][found]

    def keyword_search(self, query: str, k: int, within: TimeScope | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Chunk numbers and BM25 scores of the k best keyword matches to `query` (positive scores only), best first."""
        scores = self.keywords.scores(query)
        ids = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
        ids = ids[scores[ids] > 0]
        ids = ids[np.argsort(-scores[ids], kind="stable")]
        return ids, scores[ids]

    def closeness(self, query: np.ndarray, ids: np.ndarray) -> np.ndarray:
        """The cosine of one unit vector to each chunk of `ids`."""
        return np.stack([self.vectors.reconstruct(int(i)) for i in ids]) @ query

    def keyword_scores(self, query: str, ids: np.ndarray) -> np.ndarray:
        """The BM25 score of `query` for each chunk of `ids` (0 where it holds none of its words), on the store's
        own scale: only their ratios compare across stores."""
        return self.keywords.scores(query)[ids]

    @cached_property
    def acronyms(self) -> dict[str, str]:
        """Initials -> the name they abbreviate in the passages, made on the first question that needs it."""
        return acronyms(c.text for c in self.chunks)

    @cached_property
    def vocabulary(self) -> dict[str, dict[str, int]]:
        """The passages' lower-case words and their counts, made on the first question with a word they never use."""
        return vocabulary(c.text for c in self.chunks)

    @cached_property
    def compounds(self) -> dict[str, tuple[str, ...]]:
        """Each word the passages write with a hyphen, joined -> as they write it ("baseline": "base-line"):
        a question that writes it closed finds theirs. Made on the first question."""
        return {m.group(0).replace("-", "").lower(): (m.group(0).lower(),) for c in self.chunks
                for m in _HYPHENED.finditer(c.text)}

    @cached_property
    def lowercase(self) -> frozenset[str]:
        """The words the passages write in lower case ("child", "labour"): two capitalised ones of them are
        no one's name. Made on the first "who" question."""
        return frozenset(w for c in self.chunks for w in _LOWER_WORD.findall(c.text))

    @cached_property
    def capitalised(self) -> dict[str, str]:
        """The words the passages write capitalised within a sentence and never in lower case, by their
        lower-cased form ("ghana": "Ghana", "clccg": "CLCCG"): how a question typed all in lower case
        writes its names. Made on the first such question."""
        lower, seen = self.lowercase, {}
        for c in self.chunks:
            for m in _CAPITALISED_WITHIN.finditer(c.text):
                word = m.group(1)
                if word.lower() not in lower and (not c.text[m.start() - 1].isdigit() or word.isupper() or m.group(2)):
                    seen.setdefault(word.lower(), Counter())[word] += 1  # not "June 15, 2021 Submitted …"
        return {w: forms.most_common(1)[0][0] for w, forms in seen.items()}

    @cached_property
    def places(self) -> frozenset[str]:
        """The names the passages write after "in", "at", "from" or "to" ("Geneva", "New York", "Abidjan"):
        where things happened. Made on the first question naming a country they never name."""
        return frozenset(m.group(1) for c in self.chunks for m in _PLACE_NAMED.finditer(c.text))

    def as_written(self, question: str) -> str:
        """A question typed all in lower case with the names the passages capitalise written so ("did ace go to
        the high level political forum" -> "did ACE go to the High Level Political Forum"); any other as it is."""
        if any(ch.isupper() for ch in question):
            return question
        written = self.capitalised
        return _LOWER_WORD.sub(lambda m: written.get(m.group(0), m.group(0)), question)

    @cached_property
    def people(self) -> frozenset[str]:
        """The words, lower-cased, of runs of two or three capitalised words none of which the passages
        write in lower case ("Tomoko Shiroki", "Kailash Satyarthi"; not "Prime Minister"): likely names.
        Made on the first question that asks whether someone was somewhere."""
        lower = self.lowercase
        return frozenset(w.lower() for c in self.chunks for m in _NAME_RUN.finditer(c.text)
                         if not any(w.lower() in lower for w in m.group(0).split()) for w in m.group(0).split())

    @cached_property
    def lowercase_by_start(self) -> dict[str, tuple[str, ...]]:
        """The words of `lowercase` by their first four letters: a word's kin found without reading them all."""
        starts: dict[str, list[str]] = {}
        for w in self.lowercase:
            starts.setdefault(w[:4], []).append(w)
        return {k: tuple(v) for k, v in starts.items()}

    @cached_property
    def japanese(self) -> bool:
        """Whether the passages write Japanese (kana or kanji): a Japanese question's own words can be theirs."""
        return any(JAPANESE.search(c.text) for c in self.chunks)

    @cached_property
    def katakana(self) -> dict[str, int]:
        """The passages' runs of katakana and their counts, made on the first question with one they never use."""
        return katakana_runs(c.text for c in self.chunks)

    @cached_property
    def frequency(self):
        """term -> the number of passages that use it (0 when none): from the BM25 index's postings,
        else counted over the passages once."""
        retriever = getattr(self.keywords, "retriever", None)
        if retriever is not None and isinstance(getattr(retriever, "scores", None), dict):
            vocab, indptr = retriever.vocab_dict, np.asarray(retriever.scores["indptr"])
            last = len(retriever.scores["data"])

            def df(term: str) -> int:
                t = vocab.get(term)
                if t is None:
                    return 0
                return int((indptr[t + 1] if t + 1 < len(indptr) else last) - indptr[t])
            return df
        counts: dict[str, int] = {}
        for chunk in self.chunks:
            for term in set(terms(chunk.context_text())):
                counts[term] = counts.get(term, 0) + 1
        return lambda term: counts.get(term, 0)

    def stored_vectors(self) -> np.ndarray:
        """Every chunk's vector, row i for chunk i (what a build reuses for unchanged texts)."""
        return self.vectors.reconstruct_n(0, self.vectors.ntotal)


def make_manifest(model: str, dimension: int, chunks: list[Chunk], files: dict[str, str], corpus: Path,
                  skipped: list | None = None, embedded_on: str = "cpu") -> Manifest:
    return Manifest(
        FORMAT_VERSION, model, dimension, len(chunks), CHUNKER_VERSION, TOKENIZER, dict(sorted(files.items())),
        corpus.as_posix(), time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), corpus_path=str(corpus.resolve()),
        skipped=[list(s) for s in skipped or []], embedded_on=embedded_on,
    )


def _index_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST)


def vector_index(vectors: np.ndarray, spec: dict) -> faiss.Index:
    """A FAISS inner-product index of the kind `spec` names (FLAT or HNSW), holding `vectors`."""
    dim, fp16 = vectors.shape[1], faiss.ScalarQuantizer.QT_fp16
    if spec["type"] == "hnsw":
        index = faiss.IndexHNSWSQ(dim, fp16, spec["M"], faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = spec["efConstruction"]
        index.hnsw.efSearch = spec["efSearch"]
    else:
        index = faiss.IndexScalarQuantizer(dim, fp16, faiss.METRIC_INNER_PRODUCT)
    faiss.omp_set_num_threads(os.cpu_count() or 1)
    try:
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    finally:
        faiss.omp_set_num_threads(1)
    return index


def _hash_of(path: Path) -> str:
    """The SHA-256 of a file, read a block at a time (an index file can be larger than is worth holding)."""
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def build_lock(folder: Path) -> Iterator[None]:
    """Holds index/.lock for one build; IndexBusyError at once if another build holds it. A folder
    made for a build that wrote nothing (no corpus, an empty one) is removed again."""
    made = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with file_lock(folder / LOCK, f"{folder}/"):
            yield
    except IndexBusyError:
        made = False  # the folder is another build's now
        raise
    finally:
        if made and not (folder / CURRENT).exists():
            with suppress(OSError):
                (folder / LOCK).unlink()
                folder.rmdir()


@contextmanager
def file_lock(path: Path, what: str) -> Iterator[None]:
    """Holds the lock file `path` (flock, the holder's pid in it) for one build of `what`;
    IndexBusyError at once if another build holds it."""
    with open(path, "a+") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            if e.errno not in (errno.EWOULDBLOCK, errno.EACCES):
                raise
            f.seek(0)
            holder = f.read().strip() or "?"
            raise IndexBusyError(
                f"another build is writing {what} (pid {holder}); wait for it to finish and try again"
            ) from None
        f.seek(0)
        f.truncate()
        f.write(str(os.getpid()))
        f.flush()
        try:
            yield
        finally:
            f.truncate(0)
            fcntl.flock(f, fcntl.LOCK_UN)


def current_generation(folder: Path) -> Path | None:
    """The generation folder CURRENT names, or None when there is none."""
    try:
        name = (folder / CURRENT).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    if not name.startswith(GENERATION) or "/" in name:
        return None
    return folder / name


def clean_up(folder: Path, keep: set[str]) -> None:
    """Removes generations, temp pointers and format-2 files that are not in `keep`. Call under the lock."""
    if not folder.is_dir():
        return
    for p in folder.iterdir():
        stale = (p.name.startswith(GENERATION) and p.name not in keep) or p.name.startswith(CURRENT + ".tmp") \
            or p.name in _LEGACY
        if stale:
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink(missing_ok=True)


def write_index(
    folder: Path, manifest: Manifest, chunks: list[Chunk], vectors: np.ndarray, keywords: KeywordIndex,
    stages: Stages | None = None,
) -> Path:
    """Writes a complete new generation under `folder` and makes it current; returns it.

    Call under `build_lock(folder)`. The previous generation is kept for readers still
    opening it; older ones are removed. `stages` is told the seconds of "vectors" (the graph) and "write".
    """
    if vectors.shape != (len(chunks), manifest.dimension):
        raise ValueError(f"{vectors.shape[0]} vectors of {vectors.shape[1]} for {len(chunks)} chunks")
    stages = stages or Stages()
    folder.mkdir(parents=True, exist_ok=True)
    new = folder / f"{GENERATION}{time.strftime('%Y%m%d-%H%M%S', time.gmtime())}-{os.getpid()}-{time.time_ns() % 10**9}"
    new.mkdir()
    try:
        manifest.vector_index = dict(HNSW if len(chunks) > EXACT_LIMIT else FLAT)
        with stages.time("vectors"):
            built = vector_index(vectors, manifest.vector_index)
        with stages.time("write"):
            try:
                faiss.write_index(built, str(new / VECTORS))
            except RuntimeError as e:  # FAISS reports a failed write (full disk, say) as a RuntimeError
                raise OSError(errno.EIO, "could not write the vectors (disk full?)") from e
            with open(new / CHUNKS, "w", encoding="utf-8") as f:
                for c in chunks:
                    f.write(json.dumps(vars(c), ensure_ascii=False) + "\n")  # its fields, without asdict's deep copy
            keywords.save(new / BM25)
            manifest.index_files = {
                p.relative_to(new).as_posix(): [p.stat().st_size, _hash_of(p)] for p in _index_files(new)
            }
            (new / MANIFEST).write_text(json.dumps(asdict(manifest), indent=1, ensure_ascii=False) + "\n")
            for p in [*new.rglob("*"), new]:
                _fsync(p)
            previous = current_generation(folder)
            pointer = folder / f"{CURRENT}.tmp-{os.getpid()}"
            with open(pointer, "w", encoding="utf-8") as f:
                f.write(new.name + "\n")
                f.flush()
                os.fsync(f.fileno())
            os.replace(pointer, folder / CURRENT)  # the one atomic step
            _fsync(folder)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    clean_up(folder, {new.name} | ({previous.name} if previous else set()))
    return new


def read_manifest(folder: Path, generation: Path | None = None) -> Manifest:
    """The manifest of the current generation (or of `generation`); BadIndexError if there is none."""
    gen = generation or current_generation(folder)
    path = gen / MANIFEST if gen else folder / CURRENT
    if gen is None or not path.is_file():
        raise BadIndexError(f"no index in {folder}/: run 'qa build --index {folder}' to build it")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise BadIndexError(f"{path} is unreadable ({e}): run 'qa build --index {folder}' to rebuild") from e
    return manifest_of(data, f"{folder}/", f"run 'qa build --index {folder}' to rebuild", str(path))


def manifest_of(data: dict, where: str, rebuild: str, what: str | None = None) -> Manifest:
    """The Manifest in `data` as read from a store (`where` names it in messages, `what` the file
    or record read); BadIndexError for another format or what is not a manifest."""
    if not isinstance(data, dict):  # "[]", "null": JSON, but no manifest
        raise BadIndexError(f"{what or f'the manifest in {where}'} is not a qa manifest: {rebuild}")
    if data.get("format_version") != FORMAT_VERSION:
        raise BadIndexError(f"{where} has index format {data.get('format_version')}, this qa reads {FORMAT_VERSION}:"
                            f" {rebuild}")
    try:
        manifest = Manifest(**data)
    except TypeError as e:
        raise BadIndexError(f"{what or f'the manifest in {where}'} is not a qa manifest: {rebuild}") from e
    if not _well_formed(manifest):
        raise BadIndexError(f"{what or f'the manifest in {where}'} is damaged (a field of the wrong kind): {rebuild}")
    return manifest


@functools.cache
def _manifest_kinds() -> dict[str, type]:
    """Each manifest field's declared kind (`dict[str, str]` -> dict)."""
    return {name: typing.get_origin(kind) or kind for name, kind in typing.get_type_hints(Manifest).items()}


def _well_formed(manifest: Manifest) -> bool:
    """Whether every field holds the kind of value it is declared with (`"corpus": 5`, `"vector_index": []` do
    not), the files' hashes are text and the index files' entries are [size, sha256] pairs."""
    for name, kind in _manifest_kinds().items():
        value = getattr(manifest, name)
        if not isinstance(value, kind) or isinstance(value, bool) and kind is int:
            return False
    return all(isinstance(k, str) and isinstance(v, str) for k, v in manifest.files.items()) \
        and all(isinstance(v, list) and len(v) == 2 for v in manifest.index_files.values()) \
        and all(isinstance(s, list) and len(s) == 2 for s in manifest.skipped)


def check_manifest(manifest: Manifest, where: str, model: str | None, check_versions: bool, rebuild: str) -> None:
    """BadIndexError when the index was built with another model than `model`, or (`check_versions`)
    cut or tokenized by other rules than this qa's."""
    if model is not None and manifest.model != model:
        raise BadIndexError(f"{where} was built with model {manifest.model}; this run uses {model}: {rebuild}")
    if check_versions and (manifest.chunker_version != CHUNKER_VERSION or manifest.tokenizer != TOKENIZER):
        raise BadIndexError(f"{where} was cut or tokenized by an older qa: {rebuild}")


def find_manifest(folder: Path) -> Manifest | None:
    """The manifest of the index in force in `folder`, or None when there is no readable one."""
    try:
        return read_manifest(folder)
    except BadIndexError:
        return None


def load_index(folder: Path, model: str | None = None, check_versions: bool = True) -> Index:
    """The current index in `folder`; BadIndexError if it is missing, damaged or built with another model.

    A build may replace the generation while it is being read; the read then starts over
    on the new one.
    """
    for attempt in range(3):
        gen = current_generation(folder)
        try:
            return _load_generation(folder, gen, model, check_versions)
        except BadIndexError as e:
            if attempt == 2 or current_generation(folder) == gen:
                older = _older_good(folder, gen, model, check_versions, e)
                if older is None:
                    raise
                return older
    raise AssertionError("unreachable")


def _older_good(folder: Path, gen: Path | None, model: str | None, check_versions: bool,
                error: BadIndexError) -> Index | None:
    """The newest earlier generation that passes its checks, when the one in force is damaged or
    missing (not when it was built with another model or by another qa: that is no damage), with
    `problem` saying so; None when there is none."""
    try:
        manifest = read_manifest(folder, gen) if gen is not None and gen.is_dir() else None
    except BadIndexError:
        manifest = None
    if manifest is not None:
        try:
            check_manifest(manifest, f"{folder}/", model, check_versions, "")
        except BadIndexError:
            return None  # another model or format: rebuilding is the answer, not an older build
    names = sorted((p.name for p in folder.iterdir() if p.name.startswith(GENERATION) and p.is_dir()
                    and (gen is None or p.name != gen.name)), reverse=True) if folder.is_dir() else []
    for name in names:
        try:
            index = _load_generation(folder, folder / name, model, check_versions)
        except BadIndexError:
            continue
        index.problem = f"{error} Answering from the build before it ({name})."
        return index
    return None


def _load_generation(folder: Path, gen: Path | None, model: str | None, check_versions: bool) -> Index:
    manifest = read_manifest(folder, gen)
    rebuild = f"run 'qa build --index {folder}' to rebuild"
    check_manifest(manifest, f"{folder}/", model, check_versions, rebuild)
    _verify_files(gen, manifest, rebuild)
    try:
        with open(gen / CHUNKS, encoding="utf-8") as f:
            chunks = [Chunk(**json.loads(line)) for line in f]
        vectors = faiss.read_index(str(gen / VECTORS))
        if manifest.vector_index.get("type") == "hnsw":
            vectors.hnsw.efSearch = manifest.vector_index["efSearch"]
        keywords = KeywordIndex.load(gen / BM25, len(chunks))
    except (OSError, ValueError, TypeError, RuntimeError) as e:
        raise BadIndexError(f"{folder}/ is damaged ({type(e).__name__}): {rebuild}") from e
    if len(chunks) != manifest.chunk_count or vectors.ntotal != manifest.chunk_count:
        raise BadIndexError(
            f"{folder}/ is inconsistent: manifest says {manifest.chunk_count} chunks, found"
            f" {len(chunks)} chunks and {vectors.ntotal} vectors: {rebuild}"
        )
    if vectors.d != manifest.dimension:
        raise BadIndexError(f"{folder}/ holds vectors of {vectors.d}, manifest says {manifest.dimension}: {rebuild}")
    return Index(manifest, chunks, vectors, keywords, gen.name)


def _verify_files(gen: Path, manifest: Manifest, rebuild: str) -> None:
    """Refuses an index whose files are not the ones its manifest lists, byte for byte."""
    try:
        found = {p.relative_to(gen).as_posix() for p in _index_files(gen)}
        listed = set(manifest.index_files)
        if not listed or found != listed:
            what = sorted(listed - found)[:1] or sorted(found - listed)[:1] or ["its file list"]
            raise BadIndexError(f"{gen}/ does not match its manifest ({what[0]} missing or extra): {rebuild}")
        for name, (size, digest) in manifest.index_files.items():
            path = gen / name
            if path.stat().st_size != size or _hash_of(path) != digest:
                raise BadIndexError(f"{gen}/{name} is truncated or altered: {rebuild}")
    except OSError as e:  # removed by a build while being read
        raise BadIndexError(f"{gen}/ could not be read ({e.strerror}): {rebuild}") from e
