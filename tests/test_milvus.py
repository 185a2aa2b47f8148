"""The Milvus store, against Milvus Lite: embedded (PATH.db) and as a local server shared by two
page processes while a build switches the alias."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from contextlib import ExitStack
from pathlib import Path

import numpy as np
import pytest
from conftest import NGO_PAGE, ROOT, free_port, running_app

pytest.importorskip("pymilvus")
pytest.importorskip("milvus_lite")

from qa.building import build  # noqa: E402
from qa.errors import BadIndexError  # noqa: E402
from qa.searching import Filters, search  # noqa: E402
from qa.stores import open_store  # noqa: E402
from qa.workspace import Workspace  # noqa: E402

QUESTIONS = [json.loads(line)["q"] for line in (ROOT / "eval" / "queries.jsonl").read_text().splitlines()[:12]]


def _both_stores(tmp_path, embedder):
    """The NGO page built into a folder and into a Milvus Lite file: (files, milvus) indexes."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / NGO_PAGE.name).write_bytes(NGO_PAGE.read_bytes())
    build(corpus, tmp_path / "index", embedder)
    build(corpus, str(tmp_path / "ngo.db"), embedder)
    return open_store(tmp_path / "index").load(), open_store(str(tmp_path / "ngo.db")).load()


def test_the_milvus_store_answers_as_the_file_store_does(tmp_path, embedder):
    files, milvus = _both_stores(tmp_path, embedder)
    assert [vars(c) for c in milvus.chunks] == [vars(c) for c in files.chunks]
    for q in QUESTIONS + ["What did ACE do in 2019?"]:
        a, b = search(files, embedder, q, 5), search(milvus, embedder, q, 5)
        assert [h.text for h in b.hits] == [h.text for h in a.hits], q
        assert [h.score for h in b.hits] == pytest.approx([h.score for h in a.hits], abs=2e-3)
    years = Filters(from_year=2019, to_year=2019)
    a, b = (search(i, embedder, "conference", 5, filters=years) for i in (files, milvus))
    assert [h.text for h in b.hits] == [h.text for h in a.hits] and all(h.date.startswith("2019") for h in b.hits)


def test_a_conversation_on_the_milvus_store_goes_as_on_the_file_store(tmp_path, embedder):
    # a follow-up's re-ordering reads its passages' vectors and keyword scores from the store
    from qa.conversing import Conversation

    files, milvus = _both_stores(tmp_path, embedder)
    ids = np.concatenate([files.keyword_search("signatures petition", 2)[0], [3]])  # two holding the words, one not
    assert milvus.closeness(embedder.encode(["signatures"])[0], ids) == pytest.approx(
        files.closeness(embedder.encode(["signatures"])[0], ids), abs=2e-3)
    m, f = milvus.keyword_scores("signatures petition", ids), files.keyword_scores("signatures petition", ids)
    assert f[0] > 0 and f[2] == 0 and m / m.max() == pytest.approx(f / f.max(), abs=1e-3)  # each store's own scale
    turns = ["What did ACE do for the International Year for the Elimination of Child Labour?",
             "where did the multi-stakeholder meeting take place?", "and the pledge, when was it made?",
             "what did ACE do the month after?"]
    a, b = Conversation(), Conversation()
    for q in turns:
        x, y = a.ask(files, embedder, q, 5)[0], b.ask(milvus, embedder, q, 5)[0]
        assert [h.text for h in y.hits] == [h.text for h in x.hits], q


def test_a_build_writes_only_what_changed_into_the_other_collection_then_moves_the_alias(
        write_corpus, tmp_path, fake_embedder):
    corpus = write_corpus({"a.txt": "Alpha\n\nIn 2001 the first school opened.\n\nIn 2002 a second one did.",
                           "b.txt": "Beta\n\nIn 2010 a campaign began.", "c.txt": "Gamma\n\nIn 2015 a law passed."})
    store = open_store(str(tmp_path / "store.db"))
    first = build(corpus, store, fake_embedder)
    gen1 = store.pointer()[0]
    assert first.full and gen1.startswith("qa_blue@") and store.last_write == {"upserted": 4, "deleted": 0}
    (corpus / "b.txt").write_text("Beta\n\nIn 2010 a campaign began.\n\nIn 2012 it ended.")
    second = build(corpus, store, fake_embedder)
    assert (second.embedded, second.reused, second.changed, second.unchanged) == (1, 4, 1, 2)
    assert store.last_write == {"upserted": 5, "deleted": 0}  # the other collection was empty: all of it
    index = open_store(str(tmp_path / "store.db")).load(fake_embedder.name)  # a new reader: the new generation
    assert index.generation.startswith("qa_green@") and index.chunks[-2].text == "In 2012 it ended."
    (corpus / "c.txt").unlink()
    (corpus / "a.txt").write_text("Alpha\n\nIn 2001 the first school opened.\n\nIn 2003 a second one did.")
    third = build(corpus, store, fake_embedder)
    # blue held the first generation: a.txt's passages (2, one new) and b.txt's (2, one new since) are
    # upserted; a.txt's old passage and c.txt's are deleted; nothing else is written
    assert third.embedded == 1 and store.last_write == {"upserted": 4, "deleted": 2}
    index = store.load(fake_embedder.name)
    assert index.generation.startswith("qa_blue@") and index.generation != gen1
    full = open_store(tmp_path / "files")
    build(corpus, full, fake_embedder)
    assert [vars(c) for c in index.chunks] == [vars(c) for c in full.load().chunks]
    assert np.allclose(index.stored_vectors(), full.load().stored_vectors(), atol=1e-3)
    assert index.manifest.files == store.manifest().files and len(index.manifest.files) == 2
    build(corpus, store, fake_embedder, full=True)  # a full build writes the collection whole
    assert store.last_write == {"upserted": 4, "deleted": 0} and len(store.load().chunks) == 4
    with pytest.raises(BadIndexError, match="built with model fake-bag-of-words; this run uses other"):
        store.load("other")


def test_a_large_index_is_searched_through_a_graph(write_corpus, tmp_path, fake_embedder, monkeypatch):
    import qa.stores.milvus as milvus

    monkeypatch.setattr(milvus, "EXACT_LIMIT", 3)  # "large": more than 3 passages
    corpus = write_corpus({f"{n}.txt": f"Report {n}\n\nIn {2000 + n} the {word} programme began."
                           for n, word in enumerate(["school", "water", "farm", "clinic", "radio"])})
    store = open_store(str(tmp_path / "graph.db"))
    build(corpus, store, fake_embedder)
    index = store.load()
    assert index.manifest.vector_index["index"] == "HNSW"
    assert search(index, fake_embedder, "the clinic programme", 1).hits[0].text == "In 2003 the clinic programme began."
    monkeypatch.setattr(milvus, "EXACT_LIMIT", 200_000)
    (corpus / "0.txt").write_text("Report 0\n\nIn 2000 the school programme ended.")
    build(corpus, store, fake_embedder)
    build(corpus, store, fake_embedder)  # back on the collection that held the graph: made again, exact
    index = store.load()
    assert index.manifest.vector_index["index"] == "FLAT" and len(index.chunks) == 5
    assert search(index, fake_embedder, "school programme ended", 1).hits[0].text.endswith("ended.")


def test_bad_addresses_say_what_is_wrong(tmp_path):
    with pytest.raises(BadIndexError, match="not a Milvus address"):
        open_store("milvus://host:19530")
    with pytest.raises(BadIndexError, match="can't name a Milvus collection"):
        open_store("milvus://host:19530/my-index")
    port = free_port()
    done = subprocess.run([sys.executable, "-m", "qa.cli", "ask", "--store", f"milvus://127.0.0.1:{port}/qa", "x"],
                          capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 1 and done.stderr.startswith(f"qa: error: cannot reach Milvus at http://127.0.0.1:{port}")
    assert len(done.stderr.strip().splitlines()) == 1
    for args, said in ((["--store", "somewhere"], "--store somewhere: give milvus://HOST:PORT/NAME or a PATH.db"),
                       (["--store", "x.db", "--index", "other"], "give --index (a folder) or --store (Milvus), not both")):
        done = subprocess.run([sys.executable, "-m", "qa.cli", "ask", *args, "x"], capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=tmp_path)
        assert done.returncode == 1 and done.stderr.startswith(f"qa: error: {said}")
    held = str(tmp_path / "held.db")
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from qa.stores import open_store;"
                               f" open_store({held!r}).client; print('ready', flush=True); time.sleep(60)"],
                              stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert holder.stdout.readline().strip() == "ready"
        done = subprocess.run([sys.executable, "-m", "qa.cli", "ask", "--store", held, "x"], capture_output=True,
                              text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    finally:
        holder.kill()
    assert done.returncode == 1 and done.stderr.startswith(f"qa: error: cannot open {held}: another process may have")
    assert "milvus://127.0.0.1:19530/NAME" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    empty = Workspace.choose(str(tmp_path / "none.db"))
    with pytest.raises(BadIndexError, match="no index in .*none.db: run 'qa build --store"):
        empty.open()


def _milvus_server(data: Path, port: int, stack: ExitStack) -> None:
    log = stack.enter_context(open(data.parent / "milvus.log", "w"))
    proc = subprocess.Popen([sys.executable, "-m", "milvus_lite", "server", "--data-dir", str(data), "--port", str(port)],
                            stdout=log, stderr=log)
    stack.callback(lambda: (proc.terminate(), proc.wait(timeout=30)))
    deadline = time.time() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.time() > deadline or proc.poll() is not None:
                raise RuntimeError(f"milvus-lite server did not start: {(data.parent / 'milvus.log').read_text()}") from None
            time.sleep(0.3)


def _documents(word: str) -> dict[str, str]:
    """A corpus whose every passage names `word`: an answer's passages tell its generation."""
    return {f"{n}.txt": f"Report {n}\n\nIn {2000 + n} the {word} programme opened school {n}.\n\n"
                        f"In {2001 + n} the {word} programme trained {n} teachers." for n in range(6)}


def test_two_pages_share_one_milvus_while_builds_switch_generations(tmp_path):
    from gradio_client import Client

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with ExitStack() as stack:
        port = free_port()
        _milvus_server(tmp_path / "milvus", port, stack)
        store = f"milvus://127.0.0.1:{port}/shared"
        work = [tmp_path / "page1", tmp_path / "page2"]
        corpus = tmp_path / "corpus"
        corpus.mkdir()

        def write(word: str) -> None:
            for name, text in _documents(word).items():
                (corpus / name).write_text(text)

        def qa_build() -> None:
            subprocess.run([sys.executable, "-m", "qa.cli", "build", "--corpus", str(corpus), "--store", store],
                           check=True, capture_output=True, env=env, timeout=300)

        write("alpha")
        qa_build()
        urls = [stack.enter_context(running_app(w, {}, "--store", store, "--corpus", str(corpus))) for w in work]
        seen, errors, stop = [], [], threading.Event()

        def ask(url) -> None:
            client = Client(url, verbose=False)  # one each: a client is not shared between threads
            while not stop.is_set():
                try:
                    reply, _ = client.predict("When did the programme open a school?", 5, "any", "any", "best first",
                                              api_name="/chat")
                    words = {w for w in ("alpha", "beta", "gamma") if w in reply}
                    seen.append(words)
                    if len(words) != 1:
                        errors.append(reply[:300])
                except Exception as e:  # noqa: BLE001 - every failure counts
                    errors.append(repr(e))

        threads = [threading.Thread(target=ask, args=(u,)) for u in urls for _ in range(2)]
        for t in threads:
            t.start()
        for word in ("beta", "gamma"):
            time.sleep(2)
            write(word)
            qa_build()
        time.sleep(3)  # each page follows the alias within a second
        stop.set()
        for t in threads:
            t.join()
        last = [Client(u, verbose=False).predict("When did the programme open a school?", 5, "any", "any",
                                                 "best first", api_name="/chat")[0] for u in urls]
    assert errors == [] and len(seen) > 20
    assert {"alpha"} in seen and {"gamma"} in seen
    assert all("gamma" in reply and "alpha" not in reply for reply in last)


def test_one_build_at_a_time_in_a_milvus_lite_file_and_on_a_server(tmp_path, monkeypatch):
    from qa.errors import IndexBusyError
    from qa.stores import milvus

    first, second = open_store(str(tmp_path / "one.db")), open_store(str(tmp_path / "one.db"))
    with first.lock():
        with pytest.raises(IndexBusyError, match=r"another build is writing .*one.db \(pid \d+\)"):
            with second.lock():
                pass
    with second.lock():  # free again once the first build ends
        pass
    monkeypatch.setattr(milvus, "LOCK_SETTLE", 0.05)
    with ExitStack() as stack:
        port = free_port()
        _milvus_server(tmp_path / "milvus", port, stack)
        address = f"milvus://127.0.0.1:{port}/shared"
        a, b = open_store(address), open_store(address)  # two machines' builds, as far as the server can tell
        with a.lock():
            with pytest.raises(IndexBusyError, match=r"another build is writing milvus://.*/shared \("):
                with b.lock():
                    pass
        with b.lock():
            pass
        b._write_lock("killed-build")  # a build killed while it held the lock, long ago
        monkeypatch.setattr(milvus, "LOCK_STALE", 0.01)
        time.sleep(0.05)
        with a.lock():  # a stale lock is taken over
            assert a._lock_row()["holder"].startswith(f"{socket.gethostname()}:{os.getpid()}:")
        assert a._lock_row() is None
