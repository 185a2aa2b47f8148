"""The index in Milvus: one collection a generation behind an alias, for many page processes and
machines sharing one index, and for archives past one machine.

    milvus://HOST:PORT/NAME   Milvus standalone or distributed (NAME: the alias readers follow)
    PATH.db                   Milvus Lite, embedded in this process (one process at a time)

Each generation is a collection NAME_g<time>_<pid> holding, per chunk: its number in the
generation, its vector, the passage's fields (text, heading, source, line, dates), the date it
is shown with as two integer day keys (for the engine's filters), and its keyword terms. The
terms are the product's own (qa/keywords.py: stemmed, stop words out, Japanese cut into words),
joined by spaces; Milvus's BM25 function indexes them and answers keyword searches, so the same
words match as in the file store. The manifest goes in NAME_manifests. A build writes the new
collection whole, then moves the alias (one atomic step for readers) and drops generations older
than the previous one. A reader holds one generation's collection by name, so each answer
comes from one whole generation; it follows the alias between questions.

Vectors of texts that did not change are read back from the generation in force by their
content hash, so a build embeds only what changed; the rows are written again, since a
generation readers may hold is never altered.
Left out: a build lock across machines (two builds at once each write a whole generation; the
last to move the alias wins), and in-place upserts into the generation in force.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import threading
import time
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from ..chunking import CHUNKER_VERSION, Chunk
from ..dates import TimeScope
from ..errors import BadIndexError, IndexWriteError
from ..indexing import FORMAT_VERSION, Index, Manifest
from ..keywords import K1, TOKENIZER, B, terms
from ..tables import high_key, low_key

BATCH = 1000  # rows a write or read carries
MAX_TEXT = 65_535  # Milvus's longest VARCHAR
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,200}$")
_PART = 60_000  # characters of manifest JSON a row holds
_FIELDS = ["row", "text", "heading", "source", "line", "date", "date_end", "dates", "title", "unit"]
POINTER_SECONDS = 1.0  # how long a reader trusts the alias it last read
UNDATED_LOW, UNDATED_HIGH = 10**9, -1  # day keys no period contains


def _client(uri: str):
    try:
        from pymilvus import MilvusClient
    except ImportError as e:
        raise BadIndexError("the Milvus store needs pymilvus and milvus-lite: pip install -e '.[milvus]'") from e
    # pymilvus logs every failed call (an alias not made yet, say) before raising it: the raise is enough
    logging.getLogger("pymilvus").setLevel(logging.CRITICAL)
    try:
        return MilvusClient(uri)
    except Exception as e:  # noqa: BLE001 - pymilvus raises its own kinds, and gRPC's
        raise BadIndexError(f"cannot reach Milvus at {uri}: {_reason(e)}") from e


def _reason(e: Exception) -> str:
    return str(getattr(e, "message", None) or e).splitlines()[0][:200]


def _day_keys(c: Chunk) -> tuple[int, int]:
    if not c.date:
        return UNDATED_LOW, UNDATED_HIGH
    return low_key(c.date), high_key(c.date_end or c.date)


def _within(years: TimeScope | None) -> str:
    """The engine's filter for chunks shown with a date in `years` (ChunkTable.shown_in's test)."""
    if years is None:
        return ""
    return f"low <= {high_key(years.end)} and high >= {low_key(years.start)}"


@dataclass
class MilvusIndex(Index):
    """A generation in Milvus: chunks and manifest in memory, vectors and keywords in the engine."""

    client: object = field(default=None, repr=False)
    collection: str = ""

    def search(self, query: np.ndarray, k: int, within: TimeScope | None = None) -> tuple[np.ndarray, np.ndarray]:
        return self._ask([np.asarray(query, dtype=np.float32).tolist()], "vector", k, within)

    def keyword_search(self, query: str, k: int, within: TimeScope | None = None) -> tuple[np.ndarray, np.ndarray]:
        words = " ".join(terms(query))
        return self._ask([words], "sparse", k, within) if words else (np.empty(0, np.int64), np.empty(0))

    def _ask(self, data: list, field_name: str, k: int, within: TimeScope | None) -> tuple[np.ndarray, np.ndarray]:
        k = min(k, len(self.chunks))
        if k <= 0:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
        try:
            found = self.client.search(self.collection, data=data, anns_field=field_name, limit=k,
                                       filter=_within(within), output_fields=["row"])[0]
        except Exception as e:  # noqa: BLE001
            raise BadIndexError(f"Milvus did not answer from {self.collection}: {_reason(e)}") from e
        ids = np.array([h["entity"]["row"] for h in found], dtype=np.int64)
        # BM25 comes back as a distance in some Milvus versions (negative) and a score in others
        scores = np.abs(np.array([h["distance"] for h in found], dtype=np.float32))
        if field_name == "sparse":
            keep = scores > 0
            ids, scores = ids[keep], scores[keep]
        return ids, scores

    def stored_vectors(self) -> np.ndarray:
        vectors = np.zeros((len(self.chunks), self.manifest.dimension), dtype=np.float32)
        for batch in _rows(self.client, self.collection, ["row", "vector"]):
            for r in batch:
                vectors[r["row"]] = r["vector"]
        return vectors


def _rows(client, collection: str, fields: list[str]):
    it = client.query_iterator(collection, batch_size=BATCH, filter="row >= 0", output_fields=fields)
    try:
        while batch := it.next():
            yield batch
    finally:
        it.close()


class MilvusStore:
    """One alias in one Milvus; see the module's docstring."""

    def __init__(self, uri: str, alias: str, name: str):
        if not _NAME.match(alias):
            raise BadIndexError(f"{alias!r} can't name a Milvus collection: use letters, digits and _ (not first)")
        self.uri, self.alias, self.name = uri, alias, name
        self.label = name
        self.local_paths = [Path(uri)] if not uri.startswith("http") else []
        self._client = None
        self._lock = threading.Lock()
        self._pointer: tuple[float, tuple[str, float]] | None = None
        self._manifests_loaded = False

    @classmethod
    def at(cls, where: str) -> MilvusStore:
        """milvus://HOST:PORT/NAME, or PATH.db (alias "qa")."""
        if where.startswith("milvus://"):
            m = re.fullmatch(r"milvus://([^/:]+)(?::(\d+))?/([^/]+)", where)
            if not m:
                raise BadIndexError(f"{where!r} is not a Milvus address: write milvus://HOST:PORT/NAME")
            return cls(f"http://{m[1]}:{m[2] or 19530}", m[3], where)
        return cls(str(Path(where)), "qa", where)

    @property
    def client(self):
        with self._lock:
            if self._client is None:
                if not self.uri.startswith("http"):
                    Path(self.uri).parent.mkdir(parents=True, exist_ok=True)
                self._client = _client(self.uri)
            return self._client

    @property
    def _manifests(self) -> str:
        return f"{self.alias}_manifests"

    def _current(self) -> str | None:
        try:
            return self.client.describe_alias(self.alias)["collection_name"]
        except BadIndexError:
            raise
        except Exception:  # noqa: BLE001 - no such alias yet
            return None

    def _generations(self) -> list[str]:
        return sorted(n for n in self.client.list_collections() if n.startswith(f"{self.alias}_g"))

    def manifest(self) -> Manifest | None:
        try:
            gen = self._current()
            return self._manifest(gen) if gen else None
        except BadIndexError:
            return None

    def _manifest(self, gen: str) -> Manifest:
        rebuild = f"run 'qa build --store {self.name}' to rebuild"
        try:
            if not self._manifests_loaded:
                self.client.load_collection(self._manifests)
                self._manifests_loaded = True
            parts = self.client.query(self._manifests, filter=f'generation == "{gen}"', output_fields=["part", "body"])
            data = json.loads("".join(p["body"] for p in sorted(parts, key=lambda p: p["part"])))
        except Exception as e:  # noqa: BLE001
            raise BadIndexError(f"the manifest of {gen} in {self.name} can't be read ({_reason(e)}): {rebuild}") from e
        if data.get("format_version") != FORMAT_VERSION:
            raise BadIndexError(f"{self.name} has index format {data.get('format_version')}, this qa reads"
                                f" {FORMAT_VERSION}: {rebuild}")
        return Manifest(**data)

    def lock(self):
        return nullcontext()

    def clean_up(self) -> None:
        """Drops generations older than the one before the generation in force (a reader may still hold that one)."""
        current = self._current()
        older = [g for g in self._generations() if current and g < current]
        for gen in older[:-1]:
            self._drop(gen)

    def _drop(self, gen: str) -> None:
        self.client.drop_collection(gen)
        if self.client.has_collection(self._manifests):
            self.client.delete(self._manifests, filter=f'generation == "{gen}"')

    def load(self, model: str | None = None, check_versions: bool = True) -> Index:
        rebuild = f"run 'qa build --store {self.name}' to rebuild"
        for attempt in range(3):  # a build may move the alias and drop a generation while it is read
            gen = self._current()
            if gen is None:
                raise BadIndexError(f"no index in {self.name}: run 'qa build --store {self.name}' to build it")
            try:
                return self._load(gen, model, check_versions, rebuild)
            except BadIndexError:
                if attempt == 2 or self._current() == gen:
                    raise
        raise AssertionError("unreachable")

    def _load(self, gen: str, model: str | None, check_versions: bool, rebuild: str) -> MilvusIndex:
        manifest = self._manifest(gen)
        if model is not None and manifest.model != model:
            raise BadIndexError(f"{self.name} was built with model {manifest.model}; this run uses {model}: {rebuild}")
        if check_versions and (manifest.chunker_version != CHUNKER_VERSION or manifest.tokenizer != TOKENIZER):
            raise BadIndexError(f"{self.name} was cut or tokenized by an older qa: {rebuild}")
        chunks: list[Chunk | None] = [None] * manifest.chunk_count
        try:
            self.client.load_collection(gen)
            for batch in _rows(self.client, gen, _FIELDS):
                for r in batch:
                    chunks[r["row"]] = Chunk(r["text"], r["heading"] or None, r["source"], r["line"], r["date"] or None,
                                             r["date_end"] or None, json.loads(r["dates"]), r["title"] or None,
                                             r["unit"])
        except (IndexError, ValueError, KeyError) as e:
            raise BadIndexError(f"{gen} in {self.name} is damaged ({type(e).__name__}): {rebuild}") from e
        except Exception as e:  # noqa: BLE001
            raise BadIndexError(f"{gen} in {self.name} can't be read ({_reason(e)}): {rebuild}") from e
        if any(c is None for c in chunks):
            raise BadIndexError(f"{gen} in {self.name} is missing chunks the manifest lists: {rebuild}")
        return MilvusIndex(manifest, chunks, None, None, gen, self.client, gen)

    def write(self, manifest: Manifest, chunks: list[Chunk], vectors: np.ndarray) -> str:
        if vectors.shape != (len(chunks), manifest.dimension):
            raise ValueError(f"{vectors.shape[0]} vectors of {vectors.shape[1]} for {len(chunks)} chunks")
        gen = f"{self.alias}_g{time.strftime('%Y%m%d_%H%M%S', time.gmtime())}_{os.getpid()}_{time.time_ns() % 10**6}"
        manifest.vector_index = {"type": "milvus", "index": "FLAT", "metric": "IP", "bm25": "milvus"}
        manifest.index_files = {}
        try:
            self._create(gen, manifest.dimension)
            for start in range(0, len(chunks), BATCH):
                self.client.insert(gen, [_row(start + n, c, v) for n, (c, v) in
                                         enumerate(zip(chunks[start:start + BATCH], vectors[start:start + BATCH],
                                                       strict=True))])
            self.client.flush(gen)
            self.client.load_collection(gen)
            self._save_manifest(gen, manifest)
            self._switch(gen)
        except Exception as e:  # noqa: BLE001
            try:
                self._drop(gen)
            except Exception:  # noqa: BLE001, S110 - the first failure is the one to report
                pass
            if isinstance(e, BadIndexError | ValueError):
                raise
            raise IndexWriteError(f"cannot write the index in {self.name}: {_reason(e)}; the index in force is"
                                  " unchanged") from e
        self.clean_up()
        self._pointer = None
        return gen

    def _create(self, gen: str, dim: int) -> None:
        from pymilvus import DataType, Function, FunctionType, MilvusClient

        s = MilvusClient.create_schema(auto_id=False)
        s.add_field("pk", DataType.VARCHAR, is_primary=True, max_length=64)
        s.add_field("row", DataType.INT64)
        s.add_field("vector", DataType.FLOAT_VECTOR, dim=dim)
        s.add_field("terms", DataType.VARCHAR, max_length=MAX_TEXT, enable_analyzer=True,
                    analyzer_params={"tokenizer": "standard"})
        s.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
        s.add_field("low", DataType.INT64)
        s.add_field("high", DataType.INT64)
        for name in ("text", "heading", "source", "dates", "title"):
            s.add_field(name, DataType.VARCHAR, max_length=MAX_TEXT)
        for name in ("date", "date_end", "unit"):
            s.add_field(name, DataType.VARCHAR, max_length=64)
        s.add_field("line", DataType.INT64)
        s.add_function(Function(name="bm25", function_type=FunctionType.BM25, input_field_names=["terms"],
                                output_field_names=["sparse"]))
        index = self.client.prepare_index_params()
        index.add_index(field_name="vector", index_type="FLAT", metric_type="IP")
        bm25 = {"bm25_k1": K1, "bm25_b": B}  # the file store's, so that the same passages match
        # pymilvus sends these as separate keys, which Milvus reads and Milvus Lite 3.2 drops (using
        # k1 1.5, b 0.75); as a "params" JSON key too, both read them
        index.add_index(field_name="sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25",
                        params={**bm25, "params": bm25})
        index.add_index(field_name="row", index_type="INVERTED")
        self.client.create_collection(gen, schema=s, index_params=index, consistency_level="Strong")

    def _save_manifest(self, gen: str, manifest: Manifest) -> None:
        from pymilvus import DataType, MilvusClient

        if not self.client.has_collection(self._manifests):
            s = MilvusClient.create_schema(auto_id=False)
            s.add_field("key", DataType.VARCHAR, is_primary=True, max_length=256)
            s.add_field("generation", DataType.VARCHAR, max_length=256)
            s.add_field("part", DataType.INT64)
            s.add_field("body", DataType.VARCHAR, max_length=MAX_TEXT)
            s.add_field("v", DataType.FLOAT_VECTOR, dim=2)  # Milvus wants a vector field in every collection
            index = self.client.prepare_index_params()
            index.add_index(field_name="v", index_type="FLAT", metric_type="L2")
            self.client.create_collection(self._manifests, schema=s, index_params=index, consistency_level="Strong")
        body = json.dumps(asdict(manifest), ensure_ascii=False)
        parts = [body[i:i + _PART] for i in range(0, len(body), _PART)]
        self.client.insert(self._manifests, [{"key": f"{gen}:{n}", "generation": gen, "part": n, "body": p,
                                              "v": [0.0, 0.0]} for n, p in enumerate(parts)])
        self.client.flush(self._manifests)
        self.client.load_collection(self._manifests)

    def _switch(self, gen: str) -> None:
        if self._current() is None:
            self.client.create_alias(gen, self.alias)
        else:
            self.client.alter_alias(gen, self.alias)

    def pointer(self) -> tuple[str, float]:
        now = time.monotonic()
        if self._pointer is None or now - self._pointer[0] > POINTER_SECONDS:
            try:
                gen = self._current() or ""
            except BadIndexError:
                gen = ""
            self._pointer = (now, (gen, 0.0))
        return self._pointer[1]


def _row(n: int, c: Chunk, v: np.ndarray) -> dict:
    low, high = _day_keys(c)
    key = hashlib.sha256(f"{c.source}\x00{n}\x00{c.context_text()}".encode()).hexdigest()[:64]
    return {"pk": key, "row": n, "vector": v.tolist(), "terms": " ".join(terms(c.context_text()))[:MAX_TEXT],
            "low": low, "high": high, "text": c.text, "heading": c.heading or "", "source": c.source,
            "dates": json.dumps(c.dates), "title": c.title or "", "date": c.date or "", "date_end": c.date_end or "",
            "unit": c.unit, "line": c.line}
