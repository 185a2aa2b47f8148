"""The run policy: which model and corpus a run uses, and building only when the index is stale."""

from pathlib import Path

from qa.building import build
from qa.embedding import DEFAULT_MODEL
from qa.workspace import DEFAULT_CORPUS, Workspace, choose_corpus, choose_model


def test_the_model_asked_for_then_the_environment_then_the_index_then_the_default(write_corpus, tmp_path,
                                                                                    fake_embedder):
    index = tmp_path / "index"
    assert choose_model(index, env={}) == DEFAULT_MODEL
    build(write_corpus({"a.txt": "In 2020 we met farmers.\n"}), index, fake_embedder)
    assert choose_model(index, env={}) == fake_embedder.name
    assert choose_model(index, env={"QA_MODEL": "other"}) == "other"
    assert choose_model(index, "asked", env={"QA_MODEL": "other"}) == "asked"


def test_the_corpus_asked_for_else_the_one_the_index_was_built_from(write_corpus, tmp_path, fake_embedder):
    index = tmp_path / "index"
    assert choose_corpus(index) == DEFAULT_CORPUS
    corpus = write_corpus({"a.txt": "In 2020 we met farmers.\n"})
    build(corpus, index, fake_embedder)
    assert choose_corpus(index) == corpus
    assert choose_corpus(index, Path("elsewhere")) == Path("elsewhere")
    corpus.rename(tmp_path / "moved")
    assert choose_corpus(index) == DEFAULT_CORPUS  # gone: the default, not a folder that is not there


def test_a_build_only_when_missing_or_stale(write_corpus, tmp_path, fake_embedder):
    corpus = write_corpus({"a.txt": "In 2020 we met farmers.\n"})
    ws = Workspace(corpus, tmp_path / "index", fake_embedder.name, fake_embedder)
    said = []
    assert ws.ensure_built(said.append).files == 1
    assert said == [f"{ws.index}/ is missing or out of date; building it from {corpus}/"]
    assert ws.ensure_built(said.append) is None and len(said) == 1
    (corpus / "b.txt").write_text("In 2021 we opened a school.\n")
    assert ws.ensure_built(said.append).added == 1 and len(said) == 2
    assert {c.text for c in ws.open().chunks} == {"In 2020 we met farmers.", "In 2021 we opened a school."}
