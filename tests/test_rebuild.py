"""Incremental builds, atomic swaps, locking, and a process that follows the index, with the real model."""

import os
import signal
import subprocess
import sys
import threading
import time

import numpy as np
import pytest

from qa.building import build
from qa.errors import BadIndexError, IndexBusyError
from qa.indexing import CURRENT, build_lock, current_generation, load_index
from qa.searching import search
from qa.workspace import Workspace

DOCS = {
    "a.txt": "Cocoa campaign\n\nJune 15, 2021   Submitted 70 thousand signatures to the ministry\n\n"
             "March 3, 2020   Met cocoa farmers in Ghana about child labour\n",
    "b.md": "# Networks\n\nACE joined JNATIP, a network against trafficking, in 2012.\n\n"
            "## Forum\n\nIn December 2018 ACE spoke at the Freedom from Slavery Forum in Bangkok.\n",
    "sub/c.txt": "Sustainable sourcing\n\nIn April 2019 we trained suppliers on responsible sourcing in Tokyo.\n",
}
QUESTIONS = ["When were the signatures submitted?", "What happened in 2018?", "Which network fights trafficking?",
             "Where were suppliers trained?"]


def _answers(index, embedder):
    return [[(h.source, h.line, h.text) for h in search(index, embedder, q, 3).hits] for q in QUESTIONS]


def _same_as_full(corpus, index_dir, full_dir, embedder):
    """The incremental index equals a full build of the same corpus: chunks, vectors, answers."""
    build(corpus, full_dir, embedder, full=True)
    inc, full = load_index(index_dir), load_index(full_dir)
    assert inc.chunks == full.chunks
    np.testing.assert_allclose(inc.vectors.reconstruct_n(0, inc.vectors.ntotal),
                               full.vectors.reconstruct_n(0, full.vectors.ntotal), atol=1e-5)
    assert _answers(inc, embedder) == _answers(full, embedder)


def test_incremental_equals_full_over_edits_adds_deletes_and_renames(write_corpus, tmp_path, embedder):
    corpus, index, full = write_corpus(DOCS), tmp_path / "index", tmp_path / "full"
    first = build(corpus, index, embedder)
    assert first.full and first.embedded == first.chunks == 5  # "Cocoa campaign" heads its entries

    (corpus / "a.txt").write_text(DOCS["a.txt"] + "\nMay 1, 2022   Launched a hotline for working children\n")
    r = build(corpus, index, embedder)
    assert (r.changed, r.unchanged, r.added, r.removed) == (1, 2, 0, 0)
    assert (r.embedded, r.reused) == (1, 5)
    _same_as_full(corpus, index, full, embedder)

    (corpus / "new.txt").write_text("Field visit\n\nIn 2017 staff visited cocoa cooperatives in Cote d'Ivoire.\n")
    (corpus / "sub" / "c.txt").unlink()
    r = build(corpus, index, embedder)
    assert (r.added, r.removed, r.embedded) == (1, 1, 1)
    _same_as_full(corpus, index, full, embedder)
    assert not any("c.txt" in c.source for c in load_index(index).chunks)

    (corpus / "moved").mkdir()
    (corpus / "b.md").rename(corpus / "moved" / "networks.md")
    r = build(corpus, index, embedder)
    assert (r.renamed, r.added, r.removed, r.embedded) == (1, 0, 0, 0)
    _same_as_full(corpus, index, full, embedder)
    assert {c.source for c in load_index(index).chunks} >= {f"{corpus.as_posix()}/moved/networks.md"}

    r = build(corpus, index, embedder, full=True)
    assert r.full and r.embedded == r.chunks


def test_only_new_and_changed_files_are_chunked_again(write_corpus, tmp_path, fake_embedder, monkeypatch):
    import qa.building
    import qa.indexing

    chunked = []
    real = qa.building._chunks_of
    monkeypatch.setattr(qa.building, "_chunks_of", lambda doc, *rest: chunked.append(doc.path) or real(doc, *rest))
    corpus, index, full = write_corpus(DOCS), tmp_path / "index", tmp_path / "full"
    build(corpus, index, fake_embedder)
    assert sorted(chunked) == ["a.txt", "b.md", "sub/c.txt"]
    chunked.clear()
    (corpus / "b.md").write_text(DOCS["b.md"] + "\nIn 2023 ACE hosted the network's annual meeting.\n")
    (corpus / "d.txt").write_text("In 2016 ACE opened an office in Osaka.\n")
    build(corpus, index, fake_embedder)
    assert sorted(chunked) == ["b.md", "d.txt"]
    build(corpus, full, fake_embedder, full=True)
    assert load_index(index).chunks == load_index(full).chunks
    chunked.clear()
    moved = corpus.rename(tmp_path / "moved-corpus")  # a moved folder: same files, new sources
    build(moved, index, fake_embedder)
    assert chunked == [] and all(c.source.startswith(moved.as_posix() + "/") for c in load_index(index).chunks)
    for module in (qa.building, qa.indexing):  # new chunking rules: every file is cut again
        monkeypatch.setattr(module, "CHUNKER_VERSION", module.CHUNKER_VERSION + 1)
    build(moved, index, fake_embedder)
    assert len(chunked) == 4


def test_a_model_change_reuses_nothing(write_corpus, tmp_path, embedder, fake_embedder):
    corpus, index = write_corpus(DOCS), tmp_path / "index"
    build(corpus, index, fake_embedder)
    r = build(corpus, index, embedder)
    assert r.reused == 0 and r.embedded == r.chunks
    assert load_index(index).manifest.model == embedder.name


def test_a_second_build_fails_clearly_while_one_runs(write_corpus, tmp_path, fake_embedder):
    corpus, index = write_corpus(DOCS), tmp_path / "index"
    build(corpus, index, fake_embedder)
    before = current_generation(index)
    with build_lock(index):
        with pytest.raises(IndexBusyError, match=f"another build is writing {index}/ \\(pid {os.getpid()}\\)"):
            build(corpus, index, fake_embedder)
    assert current_generation(index) == before
    build(corpus, index, fake_embedder)  # the lock is free again


def test_an_altered_file_is_refused_before_faiss_reads_it(write_corpus, tmp_path, fake_embedder):
    corpus, index = write_corpus(DOCS), tmp_path / "index"
    build(corpus, index, fake_embedder)
    gen = current_generation(index)
    bm25 = sorted((gen / "bm25").iterdir())[0]
    data = bytearray(bm25.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same size, one byte flipped
    bm25.write_bytes(bytes(data))
    with pytest.raises(BadIndexError, match="truncated or altered"):
        load_index(index)
    (index / CURRENT).write_text("g-nonexistent\n")
    with pytest.raises(BadIndexError, match="no index"):
        load_index(index)


KILL_CORPUS = {f"doc{i}.txt": f"Report {i}\n\n" + "\n\n".join(
    f"In {1990 + (i + j) % 30} the team {i} worked on project {j} about cocoa, schools and child labour in region {j}."
    for j in range(40)) for i in range(12)}


@pytest.mark.parametrize("delay", [0.5, 2.0, 3.5, 5.0])
def test_killing_a_build_leaves_the_old_index_answering(write_corpus, tmp_path, embedder, delay):
    corpus, index = write_corpus(KILL_CORPUS), tmp_path / "index"
    build(corpus, index, embedder)
    old = current_generation(index)
    proc = subprocess.Popen([sys.executable, "-m", "qa.cli", "build", "--full", "--corpus", str(corpus),
                             "--index", str(index)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    loaded = load_index(index)  # the old generation, or the new one if the build got to its end
    assert loaded.chunks and search(loaded, embedder, "project 3 in 2001", 3).hits
    if current_generation(index) == old:
        assert loaded.generation == old.name
    r = build(corpus, index, embedder)  # cleans up what the killed build left
    assert r.embedded == 0
    left = sorted(p.name for p in index.iterdir() if p.name not in (CURRENT, ".lock"))
    assert len(left) <= 2 and current_generation(index).name in left
    assert not any(name.startswith(CURRENT + ".tmp") for name in left)


def test_queries_during_swaps_all_get_whole_answers(write_corpus, tmp_path, embedder):
    corpus, index = write_corpus(DOCS), tmp_path / "index"
    build(corpus, index, embedder)
    live = Workspace(corpus, index, embedder.name, embedder).live()
    errors, answered, stop = [], [0], threading.Event()

    def ask():
        while not stop.is_set():
            try:
                idx = live.get()
                hits = search(idx, live.embedder, "What happened in 2018?", 3).hits
                assert hits and all(h.text in {c.text for c in idx.chunks} for h in hits)
                answered[0] += 1
            except Exception as e:  # noqa: BLE001 - every failure counts
                errors.append(repr(e))

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for t in threads:
        t.start()
    generations = {live.get().generation}
    for n in range(5):
        (corpus / f"extra{n}.txt").write_text(f"Extra {n}\n\nIn {2000 + n} a new event number {n} happened.\n")
        subprocess.run([sys.executable, "-m", "qa.cli", "build", "--corpus", str(corpus), "--index", str(index)],
                       check=True, capture_output=True)
        time.sleep(0.2)
        generations.add(live.get().generation)
    live.rebuild()
    stop.set()
    for t in threads:
        t.join()
    assert errors == [] and answered[0] > 20
    assert len(generations) == 6
    assert any(c.text.startswith("In 2004 a new event") for c in live.get().chunks)


def test_status_reports_what_the_index_holds(write_corpus, tmp_path, fake_embedder, monkeypatch):
    corpus, index = write_corpus(DOCS), tmp_path / "index"
    build(corpus, index, fake_embedder)
    st = Workspace(corpus, index, fake_embedder.name, fake_embedder).live().status()
    assert (st.documents, st.chunks) == (3, 5)
    assert (st.first_date, st.last_date) == ("2012", "2021-06-15")
    assert st.generation == current_generation(index).name
