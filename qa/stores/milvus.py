"""The index in Milvus, for many page processes and machines sharing one index, and for archives
past one machine.

    milvus://HOST:PORT/NAME   Milvus standalone or distributed (NAME: the alias readers follow)
    PATH.db                   Milvus Lite, embedded in this process (one process at a time)

Two collections, NAME_blue and NAME_green, take turns: the alias NAME points at the one in force,
and a build brings the other one up to date, then moves the alias (one atomic step for readers).
The collection a build writes is the one before last: it holds the generation before the one
in force, so no reader is on it (a reader follows the alias within a second). The build changes
only what differs from that generation: for each document whose passages changed, it upserts
their rows by content hash (source, text and which repeat of that text it is) and deletes the
rows whose hash is gone; rows of unchanged documents are not written. So a build costs what
changed, in embeddings and in writes.

A row holds a chunk's vector, its fields (text, heading, source, line, dates), its place in its
document, the date it is shown with as two integer day keys (for the engine's filters) and its
keyword terms. The terms are the product's own (qa/keywords.py: stemmed, stop words out,
Japanese cut into words) joined by spaces; Milvus's BM25 function indexes them and answers
keyword searches, so the same words match as in the file store. Each collection's manifest,
the order of its documents and a digest per document go in NAME_manifests; a build deletes its
target's manifest first, so a build killed half-way leaves a collection the next build rewrites
whole.
One build at a time: a Milvus Lite file is locked beside it (PATH.db.lock, as an index folder's
.lock); a Milvus server holds the lock as a row of NAME_manifests that names its holder, written,
read back and kept fresh while the build runs (a row older than LOCK_STALE seconds, left by a
killed build, is taken over). Two builds that start within the same instant on two machines may
both see their own row for a moment: the read-back after a pause settles which one goes on.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import socket
import threading
import time
import uuid
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from ..chunking import Chunk
from ..dates import TimeScope
from ..errors import BadIndexError, IndexBusyError, IndexWriteError
from ..indexing import EXACT_LIMIT, HNSW, Index, Manifest, check_manifest, file_lock, manifest_of
from ..keywords import K1, TOKENIZER, B, terms
from ..tables import high_key, low_key
from ..timing import Stages

BATCH = 1000  # rows a write or read carries
MAX_TEXT = 65_535  # Milvus's longest VARCHAR
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,200}$")
_PART = 60_000  # characters of manifest JSON a row holds
_FIELDS = ["pk", "seq", "text", "heading", "source", "line", "date", "date_end", "dates", "title", "unit"]
POINTER_SECONDS = 1.0  # how long a reader trusts the alias it last read
LOCK_KEY = "__build_lock__"  # the row of NAME_manifests a build on a server holds
LOCK_STALE = 600.0  # seconds after which a lock row nobody refreshed was left by a killed build
LOCK_SETTLE = 0.5  # seconds between writing the lock row and reading it back
UNDATED_LOW, UNDATED_HIGH = 10**9, -1  # day keys no period contains
SIDES = ("blue", "green")


def _client(uri: str):
    # pymilvus pings every 10 s; Milvus Lite's server answers "too many pings" and the client
    # reconnects, which gRPC's C core reports on stderr as an error: it is not one
    os.environ.setdefault("GRPC_VERBOSITY", "NONE")
    try:
        from pymilvus import MilvusClient
    except ImportError as e:
        raise BadIndexError("the Milvus store needs pymilvus and milvus-lite: pip install -e '.[milvus]'") from e
    # pymilvus logs every failed call (an alias not made yet, say) before raising it: the raise is enough
    logging.getLogger("pymilvus").setLevel(logging.CRITICAL)
    logging.getLogger("grpc._server").setLevel(logging.CRITICAL)  # Milvus Lite's server, on calls it lacks
    logging.getLogger("milvus_lite").setLevel(logging.CRITICAL)  # its failures come back to us as errors
    try:
        return MilvusClient(uri)
    except Exception as e:  # noqa: BLE001 - pymilvus raises its own kinds, and gRPC's
        if not uri.startswith("http"):
            raise BadIndexError(
                f"cannot open {uri}: another process may have it open (Milvus Lite in a file serves one"
                " process; for several, run 'milvus-lite server --data-dir DIR --port 19530' and give"
                f" --store milvus://127.0.0.1:19530/NAME) [{_reason(e)}]") from e
        raise BadIndexError(f"cannot reach Milvus at {uri}: {_reason(e)}") from e


def _reason(e: Exception) -> str:
    return str(getattr(e, "message", None) or e).splitlines()[0][:200]


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a string literal in Milvus's filter expressions


def _within(years: TimeScope | None) -> str:
    """The engine's filter for chunks shown with a date in `years` (ChunkTable.shown_in's test)."""
    if years is None:
        return ""
    return f"low <= {high_key(years.end)} and high >= {low_key(years.start)}"


def rows_of(chunks: list[Chunk], vectors: np.ndarray) -> list[dict]:
    """The rows of one document's chunks, in order; a chunk's key hashes its source, its embedded
    text and which repeat of that text in its document it is (a list item may repeat)."""
    seen: dict[str, int] = defaultdict(int)
    out = []
    for seq, (c, v) in enumerate(zip(chunks, vectors, strict=True)):
        text = c.context_text()
        pk = hashlib.sha256(f"{c.source}\x00{seen[text]}\x00{text}".encode()).hexdigest()
        seen[text] += 1
        low, high = (low_key(c.date), high_key(c.date_end or c.date)) if c.date else (UNDATED_LOW, UNDATED_HIGH)
        out.append({
            "pk": pk, "seq": seq, "vector": np.asarray(v, dtype=np.float32).tolist(),
            "terms": " ".join(terms(text))[:MAX_TEXT], "low": low, "high": high, "text": c.text,
            "heading": c.heading or "", "source": c.source, "dates": json.dumps(c.dates), "title": c.title or "",
            "date": c.date or "", "date_end": c.date_end or "", "unit": c.unit, "line": c.line})
    return out


def _digest(chunks: list[Chunk]) -> str:
    """What a document's rows follow from, but for the model (a collection holds one): its chunks
    in order, and how their keyword terms are made."""
    h = hashlib.sha256(TOKENIZER.encode())
    for c in chunks:
        h.update(json.dumps(vars(c), sort_keys=True).encode())
    return h.hexdigest()


@dataclass
class MilvusIndex(Index):
    """A generation in Milvus: chunks and manifest in memory, vectors and keywords in the engine."""

    client: object = field(default=None, repr=False)
    collection: str = ""
    row_of: dict[str, int] = field(default_factory=dict, repr=False)  # a row's key -> chunk number
    key_of: dict[int, str] = field(default_factory=dict, repr=False)  # and back, made when first needed

    def search(self, query: np.ndarray, k: int, within: TimeScope | None = None) -> tuple[np.ndarray, np.ndarray]:
        return self._ask([np.asarray(query, dtype=np.float32).tolist()], "vector", k, within)

    def keyword_search(self, query: str, k: int, within: TimeScope | None = None) -> tuple[np.ndarray, np.ndarray]:
        words = " ".join(terms(query))
        return self._ask([words], "sparse", k, within) if words else (np.empty(0, np.int64), np.empty(0))

    def closeness(self, query: np.ndarray, ids: np.ndarray) -> np.ndarray:
        try:
            rows = self.client.query(self.collection, filter=self._among(ids), output_fields=["pk", "vector"])
        except Exception as e:  # noqa: BLE001
            raise BadIndexError(f"Milvus did not answer from {self.collection}: {_reason(e)}") from e
        vectors = {self.row_of.get(r["pk"], -1): np.asarray(r["vector"], dtype=np.float32) for r in rows}
        return np.array([float(vectors[i] @ query) if i in vectors else 0.0 for i in ids.tolist()])

    def keyword_scores(self, query: str, ids: np.ndarray) -> np.ndarray:
        words = " ".join(terms(query))
        found = {}
        if words:
            numbers, scores = self._ask([words], "sparse", len(ids), None, self._among(ids))
            found = dict(zip(numbers.tolist(), scores.tolist(), strict=True))
        return np.array([found.get(i, 0.0) for i in ids.tolist()])

    def _among(self, ids: np.ndarray) -> str:
        """The engine's filter for the chunks `ids`."""
        if not self.key_of:
            self.key_of.update((n, pk) for pk, n in self.row_of.items())
        return f"pk in {json.dumps([self.key_of[int(i)] for i in ids])}"

    def _ask(self, data: list, field_name: str, k: int, within: TimeScope | None,
             among: str = "") -> tuple[np.ndarray, np.ndarray]:
        k = min(k, len(self.chunks))
        if k <= 0:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
        graph = field_name == "vector" and self.manifest.vector_index.get("index") == "HNSW"
        try:
            found = self.client.search(self.collection, data=data, anns_field=field_name, limit=k,
                                       filter=" and ".join(f for f in (_within(within), among) if f),
                                       output_fields=["pk"],
                                       search_params={"params": {"ef": max(HNSW["efSearch"], k)}} if graph else None)[0]
        except Exception as e:  # noqa: BLE001
            raise BadIndexError(f"Milvus did not answer from {self.collection}: {_reason(e)}") from e
        hits = [(self.row_of.get(h["entity"]["pk"], -1), abs(float(h["distance"]))) for h in found]
        # BM25 comes back as a distance (negative) from some Milvus versions and a score from others
        hits = [(i, s) for i, s in hits if i >= 0 and (s > 0 or field_name == "vector")]
        return np.array([i for i, _ in hits], dtype=np.int64), np.array([s for _, s in hits], dtype=np.float32)

    def stored_vectors(self) -> np.ndarray:
        vectors = np.zeros((len(self.chunks), self.manifest.dimension), dtype=np.float32)
        for batch in _rows(self.client, self.collection, ["pk", "vector"]):
            for r in batch:
                vectors[self.row_of[r["pk"]]] = r["vector"]
        return vectors


def _rows(client, collection: str, fields: list[str], where: str = "seq >= 0"):
    it = client.query_iterator(collection, batch_size=BATCH, filter=where, output_fields=fields)
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
        self.last_write: dict[str, int] = {}  # rows the last build upserted and deleted
        self.rebuild = f"run 'qa build --store {name}' to rebuild"

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
        """The collection the alias points at, None when there is none yet."""
        client = self.client
        try:
            return client.describe_alias(self.alias)["collection_name"]
        except Exception:  # noqa: BLE001 - no such alias yet
            return None

    def _meta(self, collection: str) -> dict | None:
        """What NAME_manifests holds for `collection`: its generation, manifest, document order and
        digests; None when it holds nothing (never written, or a build of it was cut short)."""
        if not self.client.has_collection(self._manifests):
            return None
        try:
            if not self._manifests_loaded:
                self.client.load_collection(self._manifests)
                self._manifests_loaded = True
            parts = self.client.query(self._manifests, filter=f"collection == {_quoted(collection)}",
                                      output_fields=["part", "body"])
            return json.loads("".join(p["body"] for p in sorted(parts, key=lambda p: p["part"]))) if parts else None
        except Exception as e:  # noqa: BLE001
            raise BadIndexError(f"the manifest of {collection} in {self.name} can't be read ({_reason(e)}):"
                                f" {self.rebuild}") from e

    def manifest(self) -> Manifest | None:
        try:
            current = self._current()
            meta = self._meta(current) if current else None
            return manifest_of(meta["manifest"], self.name, self.rebuild) if meta else None
        except BadIndexError:
            return None

    def lock(self):
        """One build at a time (see the module's docstring); IndexBusyError at once if another holds it."""
        if not self.uri.startswith("http"):
            return file_lock(Path(f"{self.uri}.lock"), self.name)
        return self._row_lock()

    @contextmanager
    def _row_lock(self):
        me = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._ensure_manifests()
        held = self._lock_row()
        if held and held["holder"] != me and time.time() - held["at"] < LOCK_STALE:
            raise IndexBusyError(f"another build is writing {self.name} ({held['holder']}); wait for it to finish"
                                 " and try again")
        self._write_lock(me)
        time.sleep(LOCK_SETTLE)  # a build that wrote its row in the same instant: the last row written wins
        held = self._lock_row()
        if not held or held["holder"] != me:
            raise IndexBusyError(f"another build is writing {self.name} ({held['holder'] if held else '?'}); wait"
                                 " for it to finish and try again")
        beat = threading.Event()

        def keep_fresh() -> None:
            while not beat.wait(LOCK_STALE / 4):
                try:
                    self._write_lock(me)
                except Exception:  # noqa: BLE001 - the build's own writes will say what is wrong
                    return

        heart = threading.Thread(target=keep_fresh, daemon=True)
        heart.start()
        try:
            yield
        finally:
            beat.set()
            heart.join()
            held = self._lock_row()
            if held and held["holder"] == me:
                self.client.delete(self._manifests, filter=f"key == {_quoted(LOCK_KEY)}")
                self.client.flush(self._manifests)

    def _lock_row(self) -> dict | None:
        rows = self.client.query(self._manifests, filter=f"key == {_quoted(LOCK_KEY)}", output_fields=["body"])
        return json.loads(rows[0]["body"]) if rows else None

    def _write_lock(self, me: str) -> None:
        self.client.upsert(self._manifests, [{"key": LOCK_KEY, "collection": LOCK_KEY, "part": 0,
                                              "body": json.dumps({"holder": me, "at": time.time()}), "v": [0.0, 0.0]}])
        self.client.flush(self._manifests)

    def clean_up(self) -> None:
        """Nothing to do: a build cut short left its collection without a manifest, and the next
        build rewrites that one whole."""

    def load(self, model: str | None = None, check_versions: bool = True) -> Index:
        for attempt in range(3):  # a build may move the alias while it is read
            current = self._current()
            if current is None:
                raise BadIndexError(f"no index in {self.name}: run 'qa build --store {self.name}' to build it")
            try:
                return self._load(current, model, check_versions)
            except BadIndexError:
                if attempt == 2 or self._current() == current:
                    raise
        raise AssertionError("unreachable")

    def _load(self, collection: str, model: str | None, check_versions: bool) -> MilvusIndex:
        meta = self._meta(collection)
        if meta is None:
            raise BadIndexError(f"{collection} in {self.name} has no manifest: {self.rebuild}")
        manifest = manifest_of(meta["manifest"], self.name, self.rebuild)
        check_manifest(manifest, self.name, model, check_versions, self.rebuild)
        rank = {s: n for n, s in enumerate(meta["sources"])}
        found = []
        try:
            self.client.load_collection(collection)
            for batch in _rows(self.client, collection, _FIELDS):
                found += batch
            found.sort(key=lambda r: (rank[r["source"]], r["seq"]))
            chunks = [Chunk(r["text"], r["heading"] or None, r["source"], r["line"], r["date"] or None,
                            r["date_end"] or None, json.loads(r["dates"]), r["title"] or None, r["unit"]) for r in found]
        except (KeyError, ValueError, TypeError) as e:
            raise BadIndexError(f"{collection} in {self.name} is damaged ({type(e).__name__}): {self.rebuild}") from e
        except Exception as e:  # noqa: BLE001
            raise BadIndexError(f"{collection} in {self.name} can't be read ({_reason(e)}): {self.rebuild}") from e
        if len(chunks) != manifest.chunk_count:
            raise BadIndexError(f"{collection} in {self.name} holds {len(chunks)} chunks, its manifest says"
                                f" {manifest.chunk_count}: {self.rebuild}")
        return MilvusIndex(manifest, chunks, None, None, f"{collection}@{meta['generation']}", self.client,
                           collection, {r["pk"]: i for i, r in enumerate(found)})

    def prepare(self, chunks: list[Chunk], stages: Stages | None = None) -> None:
        return None  # Milvus indexes the keyword terms itself, as it writes

    def write(self, manifest: Manifest, chunks: list[Chunk], vectors: np.ndarray, whole: bool = False,
              stages: Stages | None = None, prepared: object = None) -> str:
        if vectors.shape != (len(chunks), manifest.dimension):
            raise ValueError(f"{vectors.shape[0]} vectors of {vectors.shape[1]} for {len(chunks)} chunks")
        current = self._current()
        target = f"{self.alias}_{SIDES[current == f'{self.alias}_{SIDES[0]}']}"  # the other one
        generation = f"{time.strftime('%Y%m%d-%H%M%S', time.gmtime())}-{time.time_ns() % 10**9}"
        # exact search while it takes milliseconds, a graph past that, as in the file store
        kind = "HNSW" if len(chunks) > EXACT_LIMIT else "FLAT"
        manifest.vector_index = {"type": "milvus", "index": kind, "metric": "IP", "bm25": "milvus", "collection": target}
        manifest.index_files = {}
        try:
            with (stages or Stages()).time("write"):  # Milvus builds its keyword and vector indexes as it writes
                written = self._update(target, manifest, chunks, vectors, generation, whole)
                self._switch(target, current)
        except BadIndexError:
            raise
        except Exception as e:  # noqa: BLE001
            raise IndexWriteError(f"cannot write the index in {self.name}: {_reason(e)}; the index in force is"
                                  " unchanged") from e
        self._pointer = None
        self.last_write = written
        return f"{target}@{generation}"

    def _update(self, target: str, manifest: Manifest, chunks: list[Chunk], vectors: np.ndarray, generation: str,
                whole: bool = False) -> dict[str, int]:
        """Brings `target` to these chunks, writing only the documents that differ from what it holds
        (all of them when `whole`); counts of rows upserted and deleted."""
        old = None if whole else self._meta(target)
        if self.client.has_collection(self._manifests):  # from here on, a build cut short leaves no manifest
            self.client.delete(self._manifests, filter=f"collection == {_quoted(target)}")
        same_shape = old is not None and all(old["manifest"].get(k) == getattr(manifest, k) for k in ("dimension", "model")) \
            and old["manifest"]["vector_index"].get("index") == manifest.vector_index["index"]
        if not same_shape and self.client.has_collection(target):
            self.client.drop_collection(target)
        if not self.client.has_collection(target):
            self._create(target, manifest.dimension, manifest.vector_index["index"])
            old = None
        by_source: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(chunks):
            by_source[c.source].append(i)
        digests = {s: _digest([chunks[i] for i in ids]) for s, ids in by_source.items()}
        before = old["digests"] if old else {}
        changed = [s for s in by_source if before.get(s) != digests[s]]
        stale = [s for s in before if before[s] != digests.get(s)]
        fresh = [row for s in changed for row in rows_of([chunks[i] for i in by_source[s]], vectors[by_source[s]])]
        keep = {row["pk"] for row in fresh}
        gone = [pk for pk in self._keys(target, stale) if pk not in keep]
        for start in range(0, len(gone), BATCH):
            self.client.delete(target, ids=gone[start:start + BATCH])
        for start in range(0, len(fresh), BATCH):
            self.client.upsert(target, fresh[start:start + BATCH])
        self.client.flush(target)
        self.client.load_collection(target)
        self._save_meta(target, {"generation": generation, "manifest": asdict(manifest),
                                 "sources": list(by_source), "digests": digests})
        return {"upserted": len(fresh), "deleted": len(gone)}

    def _keys(self, collection: str, sources: list[str]) -> list[str]:
        keys: list[str] = []
        self.client.load_collection(collection)
        for start in range(0, len(sources), 100):
            where = f"source in [{', '.join(_quoted(s) for s in sources[start:start + 100])}]"
            for batch in _rows(self.client, collection, ["pk"], where):
                keys += [r["pk"] for r in batch]
        return keys

    def _create(self, collection: str, dim: int, kind: str) -> None:
        # terms are already cut, so split on spaces; Milvus Lite knows only its "standard" tokenizer,
        # which cuts these terms the same way (they hold word characters only)
        for tokenizer in ("whitespace", "standard"):
            try:
                return self._create_with(collection, dim, kind, tokenizer)
            except Exception as e:  # noqa: BLE001
                if tokenizer == "standard" or "tokenizer" not in str(e):
                    raise
                if self.client.has_collection(collection):
                    self.client.drop_collection(collection)

    def _create_with(self, collection: str, dim: int, kind: str, tokenizer: str) -> None:
        from pymilvus import DataType, Function, FunctionType, MilvusClient

        s = MilvusClient.create_schema(auto_id=False)
        s.add_field("pk", DataType.VARCHAR, is_primary=True, max_length=64)
        s.add_field("seq", DataType.INT64)
        s.add_field("vector", DataType.FLOAT_VECTOR, dim=dim)
        s.add_field("terms", DataType.VARCHAR, max_length=MAX_TEXT, enable_analyzer=True,
                    analyzer_params={"tokenizer": tokenizer})
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
        graph = {"M": HNSW["M"], "efConstruction": HNSW["efConstruction"]} if kind == "HNSW" else {}
        index.add_index(field_name="vector", index_type=kind, metric_type="IP", params=graph)
        bm25 = {"bm25_k1": K1, "bm25_b": B}  # the file store's, so that the same passages match
        # pymilvus sends these as separate keys, which Milvus reads and Milvus Lite 3.2 drops (using
        # k1 1.5, b 0.75); as a "params" JSON key too, both read them
        index.add_index(field_name="sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25",
                        params={**bm25, "params": bm25})
        index.add_index(field_name="source", index_type="INVERTED")
        self.client.create_collection(collection, schema=s, index_params=index, consistency_level="Strong")

    def _save_meta(self, collection: str, meta: dict) -> None:
        self._ensure_manifests()
        body = json.dumps(meta, ensure_ascii=False)
        parts = [body[i:i + _PART] for i in range(0, len(body), _PART)]
        self.client.insert(self._manifests, [{"key": f"{collection}:{n}", "collection": collection, "part": n,
                                              "body": p, "v": [0.0, 0.0]} for n, p in enumerate(parts)])
        self.client.flush(self._manifests)
        self.client.load_collection(self._manifests)
        self._manifests_loaded = True

    def _ensure_manifests(self) -> None:
        """NAME_manifests, made when missing, loaded."""
        from pymilvus import DataType, MilvusClient

        if not self.client.has_collection(self._manifests):
            s = MilvusClient.create_schema(auto_id=False)
            s.add_field("key", DataType.VARCHAR, is_primary=True, max_length=512)
            s.add_field("collection", DataType.VARCHAR, max_length=256)
            s.add_field("part", DataType.INT64)
            s.add_field("body", DataType.VARCHAR, max_length=MAX_TEXT)
            s.add_field("v", DataType.FLOAT_VECTOR, dim=2)  # Milvus wants a vector field in every collection
            index = self.client.prepare_index_params()
            index.add_index(field_name="v", index_type="FLAT", metric_type="L2")
            self.client.create_collection(self._manifests, schema=s, index_params=index, consistency_level="Strong")
        if not self._manifests_loaded:
            self.client.load_collection(self._manifests)
            self._manifests_loaded = True

    def _switch(self, target: str, current: str | None) -> None:
        if current is None:
            self.client.create_alias(target, self.alias)
        else:
            self.client.alter_alias(target, self.alias)

    def pointer(self) -> tuple[str, float]:
        now = time.monotonic()
        if self._pointer is None or now - self._pointer[0] > POINTER_SECONDS:
            try:
                current = self._current()
                meta = self._meta(current) if current else None
                at = f"{current}@{meta['generation']}" if meta else ""
            except BadIndexError:
                at = ""
            self._pointer = (now, (at, 0.0))
        return self._pointer[1]

