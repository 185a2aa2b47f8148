import json

import faiss
import numpy as np
import pytest

from qa.building import build, chunk_corpus, is_current
from qa.errors import BadIndexError, CorpusError, QuestionError
from qa.indexing import CHUNKS, MANIFEST, VECTORS, current_generation, load_index
from qa.searching import fuse, search

SMALL = {
    "notes.txt": "Annual meeting\n\nThe board met in Geneva in March 2019 to plan the cocoa project.\n\n"
                 "June 15, 2021   Submitted signatures to the ministry\n",
    "sub/more.md": "# Travel\n\nWe visited Accra in 2018 for the cocoa programme.\n",
}


def test_round_trip_keeps_chunks_and_vectors(write_corpus, tmp_path, fake_embedder):
    corpus = write_corpus(SMALL)
    report = build(corpus, tmp_path / "index", fake_embedder)
    assert (report.files, report.chunks) == (2, 3)
    loaded = load_index(tmp_path / "index", fake_embedder.name)
    chunks, _, _ = chunk_corpus(corpus, fake_embedder)
    assert loaded.chunks == chunks
    vectors = loaded.vectors.reconstruct_n(0, loaded.vectors.ntotal)
    np.testing.assert_allclose(vectors, fake_embedder.encode([c.context_text() for c in chunks]), atol=1e-3)  # float16
    manifest = json.loads((current_generation(tmp_path / "index") / MANIFEST).read_text())
    assert manifest["model"] == fake_embedder.name and manifest["chunk_count"] == 3
    assert set(manifest["files"]) == {"notes.txt", "sub/more.md"}
    assert loaded.chunks[0].source == f"{corpus.as_posix()}/notes.txt"


def test_dense_search_matches_brute_force(write_corpus, tmp_path, fake_embedder):
    corpus = write_corpus({f"d{i}.txt": f"Item {i} talks about {' '.join(['cocoa', 'ghana', 'labour', 'trade'][:i % 4 + 1])}"
                           f" and number {i}." for i in range(40)})
    build(corpus, tmp_path / "index", fake_embedder)
    index = load_index(tmp_path / "index")
    vectors = index.vectors.reconstruct_n(0, index.vectors.ntotal)
    for question in ["cocoa ghana", "labour trade number", "item 7"]:
        q = fake_embedder.encode([question])[0]
        expected = np.argsort(-(vectors @ q), kind="stable")[:10]
        got, _ = index.search(q, 10)
        assert np.allclose(np.sort(vectors[got] @ q)[::-1], (vectors @ q)[expected], atol=1e-6)
        hits = search(index, fake_embedder, question, 10, retriever="dense", use_time=False).hits
        assert [h.score for h in hits] == pytest.approx(sorted((vectors @ q)[expected], reverse=True), abs=1e-4)


def test_fusion_against_hand_computed_scores():
    def fused(dense, bm25, alpha):
        arrays = [(np.array(list(d), dtype=np.int64), np.array(list(d.values()), dtype=float)) for d in (dense, bm25)]
        ids, scores = fuse(*arrays, alpha)
        return dict(zip(ids.tolist(), scores.tolist(), strict=True))

    # 0.25 * cosine (negative -> 0) + 0.75 * bm25 / 8
    got = fused({1: 0.8, 2: 0.4, 4: -0.2}, {2: 8.0, 3: 2.0}, 0.25)
    assert got == pytest.approx({1: 0.2, 2: 0.1 + 0.75, 3: 0.75 * 0.25, 4: 0.0})
    assert list(got) == [1, 2, 4, 3]  # dense candidates first, each once
    assert sorted(got, key=got.get, reverse=True) == [2, 1, 3, 4]
    assert fused({}, {5: 3.0}, 0.5) == {5: 0.5}
    assert fused({}, {}, 0.5) == {}


def test_missing_mismatched_and_damaged_indexes_are_refused(write_corpus, tmp_path, fake_embedder):
    with pytest.raises(BadIndexError, match="qa build"):
        load_index(tmp_path / "nowhere")
    build(write_corpus(SMALL), tmp_path / "index", fake_embedder)
    with pytest.raises(BadIndexError, match="built with model fake-bag-of-words; this run uses other"):
        load_index(tmp_path / "index", "other")
    gen = current_generation(tmp_path / "index")
    vectors = gen / VECTORS
    vectors.write_bytes(vectors.read_bytes()[:-10])
    with pytest.raises(BadIndexError, match="truncated or altered"):
        load_index(tmp_path / "index")
    (gen / MANIFEST).write_text("{not json")
    with pytest.raises(BadIndexError, match="unreadable"):
        load_index(tmp_path / "index")


def test_rebuild_follows_edits_adds_and_removals(write_corpus, tmp_path, fake_embedder):
    corpus = write_corpus(SMALL)
    index = tmp_path / "index"
    build(corpus, index, fake_embedder)
    assert is_current(corpus, index, fake_embedder.name)
    (corpus / "notes.txt").write_text("Only this now.", encoding="utf-8")
    (corpus / "new.txt").write_text("A new file about Accra.", encoding="utf-8")
    (corpus / "sub" / "more.md").unlink()
    assert not is_current(corpus, index, fake_embedder.name)
    build(corpus, index, fake_embedder)
    loaded = load_index(index)
    assert sorted(c.text for c in loaded.chunks) == ["A new file about Accra.", "Only this now."]
    assert is_current(corpus, index, fake_embedder.name)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".index")]  # no leftovers
    assert len([p for p in index.iterdir() if p.name.startswith("g-")]) == 2  # the current one and the one before


def test_bad_corpora_raise_clear_errors(write_corpus, tmp_path, fake_embedder):
    with pytest.raises(CorpusError, match="does not exist"):
        build(tmp_path / "missing", tmp_path / "index", fake_embedder)
    empty = write_corpus({"skip.pdf": b"%PDF"})
    with pytest.raises(CorpusError, match="no readable documents"):
        build(empty, tmp_path / "index", fake_embedder)


def test_unreadable_files_are_skipped_and_reported(write_corpus, tmp_path, fake_embedder):
    corpus = write_corpus({"good.txt": "Fine text.", "bad.txt": b"\xfa\xfb not utf-8 \x81", "nul.md": b"a\x00b"})
    report = build(corpus, tmp_path / "index", fake_embedder)
    assert report.files == 1
    assert sorted(path for path, _ in report.skipped) == ["bad.txt", "nul.md"]
    assert is_current(corpus, tmp_path / "index", fake_embedder.name)


def test_questions_are_checked(write_corpus, tmp_path, fake_embedder):
    build(write_corpus(SMALL), tmp_path / "index", fake_embedder)
    index = load_index(tmp_path / "index")
    for bad in ["", "   \n\t", "\x00\x01"]:
        with pytest.raises(QuestionError, match="empty"):
            search(index, fake_embedder, bad)
    with pytest.raises(QuestionError, match="limit is 1000"):
        search(index, fake_embedder, "why " * 300)
    with pytest.raises(QuestionError, match="unknown retriever"):
        search(index, fake_embedder, "cocoa", retriever="magic")
    # more passages asked for than exist: all of them, once each
    hits = search(index, fake_embedder, "cocoa \u202e\ufeff 🎉", k=50).hits
    assert len(hits) == len({(h.source, h.line, h.text) for h in hits}) <= 3
    assert (current_generation(tmp_path / "index") / CHUNKS).read_text(encoding="utf-8").count("\n") == 3


def test_an_index_from_other_rules_is_not_current(write_corpus, tmp_path, fake_embedder):
    corpus, index = write_corpus(SMALL), tmp_path / "index"
    build(corpus, index, fake_embedder)
    assert is_current(corpus, index, fake_embedder.name)
    manifest_path = current_generation(index) / MANIFEST
    for field, value in [("tokenizer", "another tokenizer"), ("chunker_version", 1)]:
        original = manifest_path.read_text()
        manifest_path.write_text(json.dumps({**json.loads(original), field: value}))
        assert not is_current(corpus, index, fake_embedder.name)
        manifest_path.write_text(original)
    assert not is_current(corpus, index, "another-model")


def test_a_large_index_switches_to_hnsw_and_says_so(write_corpus, tmp_path, fake_embedder, monkeypatch):
    import qa.indexing

    corpus = write_corpus({f"d{i}.txt": f"Item {i} talks about {' '.join(['cocoa', 'ghana', 'labour', 'trade'][:i % 4 + 1])}"
                           f" and number {i}." for i in range(60)})
    monkeypatch.setattr(qa.indexing, "EXACT_LIMIT", 50)
    build(corpus, tmp_path / "index", fake_embedder)
    index = load_index(tmp_path / "index")
    assert index.manifest.vector_index == qa.indexing.HNSW and index.vectors.hnsw.efSearch == 128
    assert isinstance(index.vectors, faiss.IndexHNSWSQ)  # float16 vectors in the graph
    again = build(corpus, tmp_path / "index", fake_embedder)  # vectors read back out of the graph
    assert again.reused == again.chunks == 60
    monkeypatch.setattr(qa.indexing, "EXACT_LIMIT", 1000)
    build(corpus, tmp_path / "exact", fake_embedder, full=True)
    exact = load_index(tmp_path / "exact")
    assert exact.manifest.vector_index == {"type": "flat", "storage": "fp16"}
    assert isinstance(exact.vectors, faiss.IndexScalarQuantizer)
    for question in ["cocoa ghana", "labour trade number", "item 7"]:
        q = fake_embedder.encode([question])[0]
        assert list(index.search(q, 5)[1]) == pytest.approx(list(exact.search(q, 5)[1]), abs=1e-3)  # exact: float16


def test_a_corpus_without_a_single_word_to_index_still_builds(write_corpus, tmp_path, fake_embedder):
    # bm25s cannot index an empty vocabulary; such a corpus (one-letter words, digits, punctuation)
    # is still searchable by meaning, and keyword search finds nothing in it.
    build(write_corpus({"x.txt": "a b c . ; 1\n", "y.txt": "- 2 -\n"}), tmp_path / "index", fake_embedder)
    index = load_index(tmp_path / "index")
    assert len(index.chunks) == 2
    assert not search(index, fake_embedder, "a b c", 2, retriever="bm25").found
    assert search(index, fake_embedder, "a b c", 2, retriever="dense").hits[0].text == "a b c . ; 1"


def test_documents_cut_in_worker_processes_give_the_same_chunks(write_corpus, embedder, monkeypatch):
    import qa.building as building

    files = {f"d{n}.txt": f"Report {n}\n\nMarch {n + 1}, 2019   Met {n} farmers in Kumasi.\n\n" + "Long text. " * 300
             for n in range(6)} | {"big.txt": "Many words here. " * 3000}
    corpus = write_corpus(files)
    monkeypatch.setattr(building, "POOL_MIN_CHARS", 10**12)
    alone, _, skipped_alone = building.chunk_corpus(corpus, embedder, max_chunks=20)
    monkeypatch.setattr(building, "POOL_MIN_CHARS", 0)
    monkeypatch.setattr(building, "WORKERS", 2)
    pooled, _, skipped_pooled = building.chunk_corpus(corpus, embedder, max_chunks=20)
    assert [vars(c) for c in pooled] == [vars(c) for c in alone] and len(alone) > 6
    assert skipped_pooled == skipped_alone and skipped_alone  # a file past the passage limit: said either way
