"""What a user waits for, against its physical limits on this machine: one table per corpus.

    python bench/run.py [--corpus corpus] [--queries eval/queries.jsonl] [--label NGO]
    python bench/run.py --corpus ../shared/benchmarks/timeqa/corpus \
                        --queries ../shared/benchmarks/timeqa/queries.jsonl --label TimeQA --max-queries 200

Every ratio is measured side by side in the same run (the machine is noisy: read the ratios):
- query: p50/p95 of a full in-process ask (embed + search + fuse + format) against the p50 of the
  bare model.encode of the same questions, by the product's encoder and, for reference, by plain
  sentence-transformers (the starting point);
- build: chunks/s of `qa build --full` against bare model.encode of the same chunk texts;
- incremental: a rebuild after editing one document, as a share of the full build;
- start: seconds from process start to the first answer, for `qa ask` and for the page;
- memory: peak RSS of the page serving the corpus, and of a build;
- follow-ups (with a conversations file): what reading a follow-up in its conversation adds to a turn.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def _peak_rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def conversation_cost(index, embedder, path: Path) -> dict:
    """What follow-up handling costs: for each follow-up turn of the conversations in `path`,
    resolving it against the focus alone, the whole turn (resolving + search + the next focus), and
    the same search asked with the resolved signals given (so only the conversation's work differs)."""
    from qa.conversing import Conversation
    from qa.evaluating import Dialogue, load_queries
    from qa.searching import search

    reading, turn, same = [], [], []
    for _ in range(3):  # a few rounds, for steadier medians
        for item in load_queries(path):
            if not isinstance(item, Dialogue):
                continue
            conversation = Conversation()
            for n, q in enumerate(item.turns):
                t0 = time.perf_counter()
                resolved = conversation.resolve(index, q.q)
                t1 = time.perf_counter()
                conversation.ask(index, embedder, q.q, 5)
                t2 = time.perf_counter()
                if n:
                    reading.append(t1 - t0)
                    turn.append(t2 - t0)
                    t0 = time.perf_counter()
                    search(index, embedder, q.q, 5, when=resolved.when, signals=resolved.signals)
                    same.append(time.perf_counter() - t0)
    return {"understand_p50_ms": 1000 * statistics.median(reading), "turn_p50_ms": 1000 * statistics.median(turn),
            "same_p50_ms": 1000 * statistics.median(same), "followups": len(reading) // 3}


def query_and_build(corpus: Path, queries: list[str], work: Path, conversations: Path | None = None) -> dict:
    from qa.building import build, chunk_corpus
    from qa.embedding import load_embedder
    from qa.indexing import load_index
    from qa.searching import search
    from qa.showing import answer_json

    embedder = load_embedder()
    chunks, _, _ = chunk_corpus(corpus, embedder)
    texts = list(dict.fromkeys(c.context_text() for c in chunks))
    embedder.encode(texts[:8])
    t0, rounds = time.perf_counter(), 0
    while rounds == 0 or time.perf_counter() - t0 < 2:  # a small corpus is encoded a few times over
        embedder.encode(texts)
        rounds += 1
    bare_build = (time.perf_counter() - t0) / rounds
    report = build(corpus, work / "index", embedder, full=True)
    index = load_index(work / "index")

    search(index, embedder, queries[0])  # warm
    ask, bare = [], []
    for q in queries:
        t0 = time.perf_counter()
        embedder.encode([q])
        bare.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        json.dumps(answer_json(search(index, embedder, q, 5)))
        ask.append(time.perf_counter() - t0)

    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    from qa.embedding import BASE_MODEL, resolve_model

    hf_logging.disable_progress_bar()
    plain = SentenceTransformer(resolve_model(BASE_MODEL), device="cpu")
    plain.encode(queries[:8])
    st = []
    for q in queries:
        t0 = time.perf_counter()
        plain.encode([q])
        st.append(time.perf_counter() - t0)
    del plain

    followup = conversation_cost(index, embedder, conversations) if conversations else {}

    edited = work / "corpus-copy"
    shutil.copytree(corpus, edited)
    shutil.copytree(work / "index", work / "index-copy")
    doc = sorted(p for p in edited.rglob("*.txt"))[0]
    doc.write_text(doc.read_text(encoding="utf-8") + "\n\nIn March 2024 this document was edited.\n", encoding="utf-8")
    t0 = time.perf_counter()
    inc = build(edited, work / "index-copy", embedder)
    inc_seconds = time.perf_counter() - t0
    return {
        "chunks": report.chunks,
        "ask_p50_ms": 1000 * statistics.median(ask), "ask_p95_ms": 1000 * _pct(ask, 0.95),
        "encode_p50_ms": 1000 * statistics.median(bare), "plain_p50_ms": 1000 * statistics.median(st),
        "build_chunks_s": report.chunks / report.seconds, "encode_chunks_s": len(texts) / bare_build,
        "build_s": report.seconds, "incremental_s": inc_seconds, "incremental_embedded": inc.embedded, **followup,
    }


def start_times(corpus: Path, work: Path, question: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "qa.cli", "ask", "--index", str(work / "index"), question],
                   check=True, capture_output=True, env=env)
    ask_start = time.perf_counter() - t0

    build = subprocess.Popen([sys.executable, "-c", (
        "import sys; from qa.cli import main; rc = main(sys.argv[1:]);"  # VmHWM, not ru_maxrss: Linux carries
        " print([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM:')][0],"  # this (forked)
        " file=sys.stderr); sys.exit(rc)"),  # process's peak from before exec into ru_maxrss
        "build", "--full", "--corpus", str(corpus), "--index", str(work / "index-build")],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _, err = build.communicate()
    build_rss = int(err.strip().splitlines()[-1]) / 1024

    from gradio_client import Client

    port = _free_port()
    t0 = time.perf_counter()
    page = subprocess.Popen([sys.executable, "-m", "qa.cli", "serve", "--corpus", str(corpus), "--index",
                             str(work / "index"), "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        client.predict(question, 5, "any", "any", "best first", api_name="/chat")
        page_start = time.perf_counter() - t0
        for _ in range(20):
            client.predict(question, 5, "any", "any", "best first", api_name="/chat")
        page_rss = _peak_rss_mb(page.pid)
    finally:
        page.terminate()
        page.wait(timeout=30)
    return {"ask_start_s": ask_start, "page_start_s": page_start, "page_rss_mb": page_rss, "build_rss_mb": build_rss}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--queries", type=Path, default=ROOT / "eval" / "queries.jsonl")
    ap.add_argument("--label", default="NGO page")
    ap.add_argument("--max-queries", type=int, default=200)
    ap.add_argument("--conversations", type=Path, default=ROOT / "eval" / "conversations.jsonl",
                    help="conversations whose follow-up turns time the reading of a follow-up (NGO page only by default)")
    args = ap.parse_args()
    from qa.evaluating import load_queries

    queries = [q.q for q in load_queries(args.queries)][: args.max_queries]
    work = Path(tempfile.mkdtemp(prefix="qa-bench-"))
    try:
        on_ngo = args.corpus.resolve() == (ROOT / "corpus").resolve()
        conversations = args.conversations if (on_ngo or "--conversations" in sys.argv) else None
        r = query_and_build(args.corpus.resolve(), queries, work, conversations)
        r |= start_times(args.corpus.resolve(), work, queries[0])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rows = [
        ("query: full ask p50 / p95", f"{r['ask_p50_ms']:.1f} / {r['ask_p95_ms']:.1f} ms"),
        ("query: bare encode p50", f"{r['encode_p50_ms']:.1f} ms"),
        ("query: overhead (ask p50 / encode p50)", f"{r['ask_p50_ms'] / r['encode_p50_ms']:.2f}x"),
        ("query: plain sentence-transformers encode p50", f"{r['plain_p50_ms']:.1f} ms"),
        ("query: ask p50 / that", f"{r['ask_p50_ms'] / r['plain_p50_ms']:.2f}x"),
        *([("follow-up: reading it in context p50", f"{r['understand_p50_ms']:.2f} ms"),
           ("follow-up: whole turn p50 / same search p50", f"{r['turn_p50_ms']:.2f} / {r['same_p50_ms']:.2f} ms"
                                                          f" ({r['followups']} follow-ups)")]
          if "understand_p50_ms" in r else []),
        ("build: qa build --full", f"{r['build_chunks_s']:.0f} chunks/s ({r['chunks']} chunks, {r['build_s']:.1f} s)"),
        ("build: bare encode of the same texts", f"{r['encode_chunks_s']:.0f} chunks/s"),
        ("build: its speed / the bare encode's", f"{r['build_chunks_s'] / r['encode_chunks_s']:.0%}"),
        ("incremental: one document edited", f"{r['incremental_s']:.2f} s = {r['incremental_s'] / r['build_s']:.1%}"
                                             f" of full, {r['incremental_embedded']} chunks embedded"),
        ("start: qa ask to first answer", f"{r['ask_start_s']:.1f} s"),
        ("start: page to first answer", f"{r['page_start_s']:.1f} s"),
        ("memory: page peak RSS", f"{r['page_rss_mb']:.0f} MB"),
        ("memory: build peak RSS", f"{r['build_rss_mb']:.0f} MB"),
    ]
    print(f"{args.label}: {len(queries)} questions, {os.cpu_count()} cores")
    for name, value in rows:
        print(f"  {name:<48}{value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
