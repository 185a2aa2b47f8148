"""The two ways of running the model: sentence-transformers (PyTorch) and the int8 ONNX graph."""

import numpy as np
import pytest

from qa.embedding import BASE_MODEL, DEFAULT_MODEL, ONNX_INT8, Embedder, OnnxEmbedder, TorchEmbedder, load_embedder

TEXTS = ["Sabine Hossenfelder worked at the Perimeter Institute from 2006 to 2009.",
         "June 15, 2021   Submitted more than 70 thousand signatures to the Chief Cabinet Secretary",
         "ACE is a board member of the Global March Against Child Labour.", "Hi"]


@pytest.fixture(scope="module")
def onnx(tmp_path_factory):
    import os

    os.environ["QA_CACHE"] = str(tmp_path_factory.mktemp("cache"))  # a fresh export, not a cached one
    try:
        yield load_embedder(BASE_MODEL + ONNX_INT8)
    finally:
        del os.environ["QA_CACHE"]


@pytest.fixture(scope="module")
def torch_model():
    return load_embedder(BASE_MODEL)


def test_the_default_is_the_int8_graph(embedder):
    assert isinstance(embedder, OnnxEmbedder) and embedder.name == DEFAULT_MODEL == BASE_MODEL + ONNX_INT8


def test_the_int8_graph_gives_nearly_the_float_vectors(onnx, torch_model):
    embedder = torch_model
    assert isinstance(onnx, OnnxEmbedder) and isinstance(embedder, TorchEmbedder)
    assert onnx.name == "all-MiniLM-L6-v2@onnx-int8" and onnx.dim == embedder.dim == 384
    a, b = onnx.encode(TEXTS), embedder.encode(TEXTS)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    cos = (a * b).sum(1)
    assert cos.min() > 0.97 and cos.mean() > 0.985
    # it ranks like the float model: each text is nearest its own float vector
    assert ((a @ b.T).argmax(1) == np.arange(len(TEXTS))).all()
    assert [onnx.count_tokens(t) for t in TEXTS] == [embedder.count_tokens(t) for t in TEXTS]


def test_a_vector_depends_on_its_own_text_only(onnx):
    # Dynamic quantization scales activations over a whole batch, so texts are encoded one at a
    # time: with batch mates or alone, in any order, a text gets the same vector (incremental
    # builds then equal full ones).
    one_by_one = np.stack([onnx.encode([t])[0] for t in TEXTS])
    assert np.array_equal(onnx.encode(TEXTS), one_by_one)
    assert np.array_equal(onnx.encode(TEXTS[::-1])[::-1], one_by_one)
    long = " ".join(["word"] * 1000)  # longer than the model reads: truncated, not an error
    assert onnx.encode([long]).shape == (1, 384)
    done = []
    onnx.encode(TEXTS * 40, progress=done.append)
    assert sum(done) == 160


def test_a_damaged_cached_graph_is_made_again(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("QA_CACHE", str(tmp_path))
    first = load_embedder(BASE_MODEL + ONNX_INT8)
    graph = next(tmp_path.rglob("model-int8.onnx"))
    expected = first.encode(TEXTS[:2])
    graph.write_bytes(graph.read_bytes()[:1000])  # cut short, as by a full disk
    again = load_embedder(BASE_MODEL + ONNX_INT8)
    assert np.array_equal(again.encode(TEXTS[:2]), expected)
    assert capsys.readouterr().err.count("qa: preparing") == 2


def test_every_embedder_follows_the_one_interface(onnx, torch_model, fake_embedder):
    for e in (onnx, torch_model, fake_embedder):
        assert isinstance(e, Embedder), type(e).__name__
        assert isinstance(e.name, str) and e.encode(["a text"]).shape == (1, e.dim) and e.count_tokens("two words") >= 2


def test_cut_at_keeps_whole_words_within_the_pieces(onnx, torch_model):
    text = "Internationalization of antidisestablishmentarianism reached Ghana in 2019."
    for e in (onnx, torch_model):
        for n in range(1, e.count_tokens(text) + 1):
            cut = e.cut_at(text, n)
            assert cut == len(text) or text[cut] == " "
            assert e.count_tokens(text[:cut]) <= n or " " not in text[:cut]  # one word always goes
        assert e.cut_at(text, 100) == len(text)


def test_texts_are_encoded_a_window_at_a_time_to_the_same_vectors(onnx, monkeypatch):
    from qa import embedding
    from qa.chunking import Chunk, Texts

    one_by_one = np.stack([onnx.encode([t])[0] for t in TEXTS])
    monkeypatch.setattr(embedding, "WINDOW", 3)  # windows of 3: 4 texts cross a window's end
    done = []
    assert np.array_equal(onnx.encode(TEXTS, progress=done.append), one_by_one) and sum(done) == len(TEXTS)
    texts = Texts([Chunk(t, None, "a.txt", n) for n, t in enumerate(TEXTS)])  # made when read, not held
    assert len(texts) == len(TEXTS) and list(texts) == TEXTS and texts[1:3][0] == TEXTS[1]
    assert np.array_equal(onnx.encode(texts), one_by_one)


def test_vectors_are_put_in_order_from_new_and_reused_ones():
    from qa.building import _in_order

    fresh = np.array([[1.0, 0.0], [0.0, 1.0]], np.float32)
    stored = {"old": np.array([0.6, 0.8], np.float32)}
    out = _in_order(["a", "old", "b", "a"], ["a", "b"], fresh, stored, 2)
    assert np.array_equal(out, np.array([[1.0, 0.0], [0.6, 0.8], [0.0, 1.0], [1.0, 0.0]], np.float32))
    assert _in_order(["a", "b"], ["a", "b"], fresh, {}, 2) is fresh  # a full build: no second copy


def test_word_pieces_counted_a_word_at_a_time_are_the_tokenizers_own_count(onnx):
    texts = ["Met on November 25-27, 2019 (Geneva) – C20’s “Policy Pack”, 70,000 signatures!",
             "Café déjà vu", "東京でC20サミット", "a\u00a0b\u2028c", "tab\there\x0cform feed", "€5 and 5°C", "x" * 150,
             "under_score and CamelCase and e-mail@example.org", ""]
    counts = onnx.count_batch(texts)
    assert counts == [len(onnx._counter.tokenizer.encode(t, add_special_tokens=False).ids) for t in texts]
    assert counts == onnx.count_batch(texts)  # from the table of words seen, the same again
    assert [onnx.count_tokens(t) for t in texts] == counts
