"""The GPU build path, tested on the CPU: the choice of device, the bulk embedder's logic
(batches by length, tokenizing ahead, rows back in place) and what the manifest records.
bench/gpu.py measures it on a GPU."""

import numpy as np
import pytest
from conftest import NGO_PAGE

from qa import embedding
from qa.building import build
from qa.cli import main
from qa.embedding import GpuEmbedder, TorchEmbedder, device_for
from qa.errors import QAError
from qa.searching import search
from qa.stores import open_store


def test_the_device_is_the_one_asked_for_or_a_gpu_when_there_is_one(monkeypatch):
    monkeypatch.setattr(embedding, "has_cuda", lambda: False)
    assert device_for("auto") == "cpu" and device_for("cpu") == "cpu"
    with pytest.raises(QAError, match="no CUDA GPU can be used here"):
        device_for("cuda")
    with pytest.raises(QAError, match="unknown device 'tpu'"):
        device_for("tpu")
    monkeypatch.setattr(embedding, "has_cuda", lambda: True)
    assert device_for("auto") == "cuda" and device_for("cuda") == "cuda" and device_for("cpu") == "cpu"


def test_asking_for_a_gpu_where_there_is_none_is_one_line(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(embedding, "has_cuda", lambda: False)
    assert main(["build", "--device", "cuda", "--corpus", str(tmp_path), "--index", str(tmp_path / "i")]) == 1
    assert capsys.readouterr().err.startswith("qa: error: --device cuda: no CUDA GPU can be used here")


@pytest.fixture(scope="module")
def bulk():
    return GpuEmbedder(device="cpu", batch_size=8, ahead=2)  # the GPU code, in float32 on the CPU


def test_the_bulk_embedder_gives_each_text_its_own_vector(bulk):
    texts = [" ".join(["word"] * n) + f" number {n}" for n in (40, 1, 17, 3, 90, 2, 8, 33, 5, 60, 12, 7, 1, 25)]
    done = []
    vectors = bulk.encode(texts, progress=done.append)
    reference = TorchEmbedder(batch_size=64).encode(texts)
    assert vectors.shape == (len(texts), 384) and sum(done) == len(texts) and len(done) == 2  # batches of 8
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)
    assert np.min(np.sum(vectors * reference, axis=1)) > 0.9999  # each row is its own text's, in place


def test_an_index_built_by_the_bulk_embedder_is_answered_by_the_int8_encoder(bulk, tmp_path, embedder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / NGO_PAGE.name).write_bytes(NGO_PAGE.read_bytes())
    assert bulk.name == embedder.name  # it stands in for the index's model
    build(corpus, tmp_path / "index", bulk)
    index = open_store(tmp_path / "index").load(embedder.name)
    assert index.manifest.embedded_on == "cpu (CPU, float32)"
    hits = search(index, embedder, "When were the 70 thousand signatures submitted?", 1).hits
    assert hits[0].date == "2021-06-15"
    q = embedder.encode([c.context_text() for c in index.chunks[:20]])
    assert np.min(np.sum(q * index.stored_vectors()[:20], axis=1)) > 0.98  # int8 against float, same texts
    page = corpus / NGO_PAGE.name
    page.write_text(page.read_text(encoding="utf-8") + "\nMay 1, 2024   Opened a hotline for working children\n")
    again = build(corpus, tmp_path / "index", embedder)  # on the CPU, the page cut again: into the same passages
    assert (again.embedded, again.reused) == (1, len(index.chunks))
