"""The run policy, in one place for the CLI and the page: which corpus, which index, which model;
build when missing or stale; open; follow the index as builds replace it.

- The model is the one asked for (--model, then $QA_MODEL), else the one the index was built
  with, else the default: an index built with another model is never rebuilt unasked.
- The corpus is the one asked for, else the folder the index was built from (if still
  there), else corpus/: `qa eval --index other/` does not rebuild other/ from corpus/.
- A `LiveIndex` keeps a running process on the current index: it reloads when a build (from
  the page or the CLI) makes a new generation current, and can run that build itself. Each
  question is answered from the one Index object it got, so a swap in the middle of a query
  never mixes two indexes. A new generation that fails its checks (damaged, missing, built
  with another model) is not taken: the index in memory goes on answering, and `problem`
  says why until a good one appears.
The core decides and raises; the CLI and the page only parse, call and print.
Left out: watching the corpus folder for edits (a rebuild is asked for, on the page or with
`qa build`).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .building import BuildReport, build, is_current
from .chunking import MAX_CHUNKS
from .embedding import DEFAULT_MODEL, ONNX_INT8, Embedder, build_embedder, device_for, load_embedder
from .errors import BadIndexError, QAError
from .indexing import Index
from .loading import MAX_FILE_MB
from .stores import Store, open_store

DEFAULT_CORPUS, DEFAULT_INDEX = Path("corpus"), Path("index")
MODEL_ENV = "QA_MODEL"


def choose_model(index: Path | str | Store, asked: str | None = None, env: Mapping[str, str] = os.environ) -> str:
    """The model a run uses: the one asked for, then $QA_MODEL, else the index's (unless its folder is
    gone: the default then, and the build embeds every passage again), else the default. A model
    folder is named by its absolute path, so the index's model is found from any folder."""
    if asked or env.get(MODEL_ENV):
        return absolute_model(asked or env[MODEL_ENV])
    manifest = open_store(index).manifest()
    if manifest is None or not _folder_gone(manifest.model):
        return manifest.model if manifest else DEFAULT_MODEL
    return DEFAULT_MODEL


def absolute_model(name: str) -> str:
    """ "./models/x@onnx-int8" -> "/abs/models/x@onnx-int8" when the folder exists; other names as given."""
    base, suffix = (name[:-len(ONNX_INT8)], ONNX_INT8) if name.endswith(ONNX_INT8) else (name, "")
    folder = Path(base).expanduser()
    return f"{os.path.abspath(folder)}{suffix}" if folder.is_dir() and not folder.is_absolute() else name


def _folder_gone(model: str) -> bool:
    """Whether `model` names a local folder (a path) that is not there any more."""
    base = model[:-len(ONNX_INT8)] if model.endswith(ONNX_INT8) else model
    return base.startswith((".", "/", "~")) and not Path(base).expanduser().is_dir()


def choose_corpus(index: Path | str | Store, asked: Path | None = None) -> Path:
    """The corpus a run uses: the one asked for, else the folder the index was built from, else corpus/."""
    if asked is not None:
        return asked
    manifest = open_store(index).manifest()
    if manifest is None:
        return DEFAULT_CORPUS
    as_given, folder = Path(manifest.corpus), Path(manifest.corpus_path or manifest.corpus)
    if not folder.is_dir():
        return DEFAULT_CORPUS
    return as_given if as_given.resolve() == folder.resolve() else folder  # keeps the passages' sources as they were


@dataclass
class Workspace:
    """One corpus, one index (a folder, or a store: qa/stores/), one model: what every command and
    the page work on."""

    corpus: Path
    index: Path | str | Store
    model: str
    _embedder: Embedder | None = field(default=None, repr=False)

    @classmethod
    def choose(cls, index: Path | str = DEFAULT_INDEX, corpus: Path | None = None, model: str | None = None) -> Workspace:
        """The workspace the policy above picks for what was asked."""
        store = open_store(index)
        return cls(choose_corpus(store, corpus), store, choose_model(store, model))

    @cached_property
    def store(self) -> Store:
        return open_store(self.index)

    @property
    def embedder(self) -> Embedder:
        """The model, loaded on first use and kept."""
        if self._embedder is None:
            self._embedder = load_embedder(self.model)
        return self._embedder

    def is_current(self) -> bool:
        """True when the index exists, was built with this model and these rules from the corpus as it is."""
        return is_current(self.corpus, self.store, self.model)

    def build(self, progress: Callable[[int, int], None] | None = None, full: bool = False,
              max_mb: float = MAX_FILE_MB, max_chunks: int = MAX_CHUNKS, device: str = "cpu") -> BuildReport:
        """An incremental build of the index from the corpus (a full one with `full`), embedding on
        `device` ("cpu", "cuda", or "auto": a GPU when there is one)."""
        on = device_for(device)
        embedder = self.embedder if on == "cpu" else build_embedder(self.model, on)
        return build(self.corpus, self.store, embedder, progress=progress, full=full, max_mb=max_mb,
                     max_chunks=max_chunks)

    def ensure_built(self, say: Callable[[str], None], progress: Callable[[int, int], None] | None = None,
                     keep_in_force: bool = False) -> BuildReport | None:
        """Builds the index when it is missing or out of date, telling `say` first; the report, or None.
        With `keep_in_force`, a build that fails while an index is in force says why and keeps it (a
        page serves the index it has rather than nothing: a full disk, a corpus gone)."""
        if self.is_current():
            return None
        say(f"{self.store.label} is missing or out of date; building it from {self.corpus}/")
        try:
            return self.build(progress)
        except QAError as e:
            if not keep_in_force:
                raise
            try:
                self.open()
            except QAError:
                raise e from None
            say(f"could not rebuild ({e}); serving the index in force")
            return None

    def open(self) -> Index:
        """The current index; BadIndexError if it is missing, damaged or built with another model."""
        return self.store.load(self.model)

    def live(self) -> LiveIndex:
        return LiveIndex(self)


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
    """The workspace's current index for a long-running process (see the module's docstring)."""

    def __init__(self, workspace: Workspace):
        self.workspace = workspace
        self._lock = threading.Lock()
        self._build_lock = threading.Lock()
        self.index = workspace.open()
        self.embedder = workspace.embedder
        self.problem: str | None = self.index.problem  # the newest build failed its checks: an older one answers
        self._refused: tuple[str, float] | None = self._pointer() if self.index.problem else None  # refused, and when

    def _pointer(self) -> tuple[str, float]:
        """The generation in force now and when it was made so (one that can't be read counts as a change)."""
        return self.workspace.store.pointer()

    def get(self) -> Index:
        """The current index, reloaded first if another generation has become current and passes its checks."""
        pointer = self._pointer()
        if pointer[0] != self.index.generation and pointer != self._refused:
            with self._lock:
                if pointer[0] != self.index.generation and pointer != self._refused:
                    self._reload(pointer)
        elif pointer[0] == self.index.generation:
            self.problem = None
        return self.index

    def _reload(self, pointer: tuple[str, float]) -> None:
        try:
            index = self.workspace.store.load(self.embedder.name)
        except BadIndexError as e:
            self.problem, self._refused = str(e), pointer
            return
        if index.problem and index.generation == self.index.generation:  # the one it has is the good one
            self.problem, self._refused = index.problem, pointer
            return
        self.index = index
        self.problem, self._refused = index.problem, (pointer if index.problem else None)

    def status(self) -> Status:
        index = self.get()
        dated = sorted(c.date for c in index.chunks if c.date)
        m = index.manifest
        documents = len({c.source for c in index.chunks})  # read and cut into passages (not those skipped)
        return Status(documents, m.chunk_count, dated[0] if dated else None, dated[-1] if dated else None,
                      m.built_at, index.generation, self.problem)

    def rebuild(self, progress: Callable[[int, int], None] | None = None) -> BuildReport:
        """Runs an incremental build of the corpus and switches to the result; returns its BuildReport."""
        with self._build_lock:
            report = self.workspace.build(progress)
        self.get()
        return report
