"""Hostile files and a failing disk: each is indexed or skipped with its reason, at a cost that grows
linearly with its size, and every failure is one line. The files are bench/hostile.py's, made small."""

import errno
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

from qa.building import build, chunk_corpus
from qa.chunking import chunk_document
from qa.cli import main
from qa.errors import BadIndexError
from qa.indexing import CURRENT, load_index
from qa.loaders.html import html_text
from qa.loaders.pdf import pdf_pages
from qa.loading import display_name, load_corpus

sys.path.insert(0, str(ROOT / "bench"))
import hostile  # noqa: E402 - the bench's hostile files, made small here


def _fastest(run, times: int = 3) -> float:
    best = float("inf")
    for _ in range(times):
        t0 = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - t0)
    return best


def _growth(run_at, small: float) -> float:
    """How many times longer `run_at(4 * small)` takes than `run_at(small)`: about 4 when the
    cost is linear, 16 when it is quadratic."""
    return _fastest(lambda: run_at(4 * small)) / _fastest(lambda: run_at(small))


@pytest.mark.parametrize("maker, small", [(hostile.deep_html, 0.02), (hostile.unclosed_html, 0.1)])
def test_html_costs_grow_linearly_however_deep_or_unclosed(maker, small):
    assert _growth(lambda s: html_text(maker(s)), small) < 8


def test_deep_and_unclosed_html_keep_their_text():
    assert html_text(hostile.deep_html(0.01)) == "Deep text of 2019."
    assert html_text(hostile.unclosed_html(0.0001)).split("\n\n") == ["Paragraph 0 about cocoa in 2019",
                                                                      "Paragraph 1 about cocoa in 2019"]


@pytest.mark.parametrize("maker, small", [(hostile.words, 0.004), (hostile.abbreviations, 0.02), (hostile.japanese, 0.01),
                                          (hostile.date_paragraph, 0.005), (hostile.date_lines, 0.005)])
def test_chunking_costs_grow_linearly(maker, small, embedder):
    texts = {s: maker(s).decode() for s in (small, 4 * small)}
    counts = {"calls": 0}

    def count(text: str) -> int:
        counts["calls"] += 1
        return embedder.count_tokens(text)

    def chunk(s):
        return chunk_document(texts[s], "x.txt", count=count, cut_at=embedder.cut_at)

    assert _growth(chunk, small) < 8
    counts["calls"] = 0
    pieces = len(chunk(4 * small))
    assert counts["calls"] <= 3 * pieces + 10  # no tokenizer call per word


def test_cutting_with_offsets_gives_the_pieces_a_search_by_counts_gives(embedder):
    text = hostile.words(0.002).decode() + " " + hostile.abbreviations(0.002).decode()
    by_offsets = [c.text for c in chunk_document(text, "x.txt", count=embedder.count_tokens, cut_at=embedder.cut_at)]
    by_counts = [c.text for c in chunk_document(text, "x.txt", count=embedder.count_tokens)]
    assert by_offsets == by_counts and len(by_offsets) > 5
    assert max(embedder.count_tokens(t) for t in by_offsets) <= 240


def test_a_pdf_page_tree_pointing_at_one_page_many_times_is_read_once(write_corpus):
    data = hostile.page_tree_pdf(0.02)  # 2,000 pointers at one page
    assert pdf_pages(data) == [pdf_pages(data)[0]] and "one real page" in pdf_pages(data)[0]
    chunks, _, skipped = chunk_corpus(write_corpus({"tree.pdf": data}))
    assert len(chunks) == 1 and skipped == []


def test_a_file_cut_into_too_many_passages_is_skipped_and_the_rest_built(write_corpus, tmp_path, fake_embedder):
    corpus = write_corpus({"dates.txt": hostile.date_lines(0.002), "ok.txt": "In May 2020 we met farmers.\n"})
    report = build(corpus, tmp_path / "index", fake_embedder, max_chunks=100)
    assert report.skipped == [("dates.txt", "over 100 passages (limit per file)")]
    assert report.files == 1 and report.chunks == 1


def test_a_parser_that_runs_too_long_is_stopped_and_its_file_skipped(write_corpus, monkeypatch):
    monkeypatch.setattr("qa.loading.PARSE_SECONDS", 0.05)
    corpus = write_corpus({"tree.pdf": hostile.page_tree_pdf(1.0), "ok.txt": "In 2020 we met farmers.\n"})
    t0 = time.perf_counter()
    found = load_corpus(corpus)
    assert dict(found.skipped) == {"tree.pdf": "took over 0.05 s to read"}
    assert [d.path for d in found.documents] == ["ok.txt"] and time.perf_counter() - t0 < 5


def test_a_file_its_parser_gave_up_on_is_not_parsed_again_until_it_changes(write_corpus, tmp_path, fake_embedder,
                                                                           monkeypatch):
    from qa.loading import ParserWorker

    monkeypatch.setattr("qa.loading.PARSE_SECONDS", 0.05)
    corpus = write_corpus({"tree.pdf": hostile.page_tree_pdf(1.0), "ok.txt": "In 2020 we met farmers.\n"})
    parsed, read = [], ParserWorker.read
    monkeypatch.setattr(ParserWorker, "read", lambda self, data, rel, source: parsed.append(rel) or read(
        self, data, rel, source))
    first = build(corpus, tmp_path / "index", fake_embedder)
    (corpus / "new.txt").write_text("In 2021 we met teachers.\n", encoding="utf-8")
    second = build(corpus, tmp_path / "index", fake_embedder)
    assert parsed == ["tree.pdf"]  # the bomb's verdict is kept by its content hash: parsed once, not per build
    assert first.skipped == second.skipped == [("tree.pdf", "took over 0.05 s to read")] and second.files == 2
    (corpus / "tree.pdf").write_bytes(hostile.page_tree_pdf(1.0) + b"\n")  # new content: read again
    build(corpus, tmp_path / "index", fake_embedder)
    assert parsed == ["tree.pdf", "tree.pdf"]
    build(corpus, tmp_path / "index", fake_embedder, full=True)  # --full reads everything again
    assert len(parsed) == 3


def test_any_file_name_is_indexed_under_a_showable_name(tmp_path, embedder, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in (b"bad\xff\xfename.txt", b"two\nlines \x1b[31mred.txt"):
        with open(os.path.join(os.fsencode(corpus), name), "wb") as f:
            f.write(b"Notes\n\nMay 7, 2020   Met cocoa farmers in Ghana.\n")
    assert display_name(os.fsdecode(b"bad\xff\xfename.txt")) == "bad\\xff\\xfename.txt"
    os.chdir(tmp_path)
    assert main(["build"]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and "\x1b" not in err
    sources = {c.source for c in load_index(tmp_path / "index").chunks}
    assert sources == {"corpus/bad\\xff\\xfename.txt", "corpus/two\\u000alines \\u001b[31mred.txt"}
    assert main(["ask", "--json", "Who met cocoa farmers?"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and json.loads(out)["passages"]


def test_an_unreadable_folder_is_listed_as_skipped(write_corpus, monkeypatch):
    corpus = write_corpus({"ok.txt": "In 2020 we met farmers.\n", "locked/inside.txt": "hidden from us"})
    real = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert load_corpus(corpus).skipped == [("locked", "unreadable folder (Permission denied)")]


def _qa(*args, cwd: Path, limit_bytes: int | None = None) -> subprocess.CompletedProcess:
    def limit():
        if limit_bytes is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    return subprocess.run([sys.executable, "-m", "qa.cli", *args], cwd=cwd, capture_output=True, text=True,
                          preexec_fn=limit, env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_a_write_failure_is_one_line_and_keeps_the_index_in_force(write_corpus, tmp_path):
    write_corpus({"a.txt": "Notes\n\nMay 7, 2020   Met cocoa farmers.\n"})
    assert _qa("build", cwd=tmp_path).returncode == 0
    before = (tmp_path / "index" / CURRENT).read_text()
    (tmp_path / "corpus" / "b.txt").write_text("Notes\n\nJune 1, 2021   " + "Opened a school. " * 3000 + "\n")
    full = _qa("build", cwd=tmp_path, limit_bytes=20_000)  # as on a full disk: writes past 20 kB fail
    assert full.returncode == 1
    last = full.stderr.strip().splitlines()[-1]
    assert last.startswith("qa: error: cannot write the index in index/: ") and last.endswith("is unchanged")
    assert "Traceback" not in full.stderr
    assert (tmp_path / "index" / CURRENT).read_text() == before
    assert "May 7, 2020" in _qa("ask", "cocoa farmers", cwd=tmp_path).stdout


def test_a_read_only_index_folder_is_one_line(write_corpus, tmp_path, fake_embedder, monkeypatch, capsys):
    write_corpus({"a.txt": "Notes\n\nMay 7, 2020   Met cocoa farmers.\n"})
    monkeypatch.chdir(tmp_path)

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system", str(tmp_path / "index"))

    monkeypatch.setattr("qa.indexing.Path.mkdir", read_only)
    assert main(["build"]) == 1
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        f"qa: error: cannot write the index in index/: Read-only file system ({tmp_path / 'index'});"
        " the index in force is unchanged")


def test_a_closed_pipe_ends_qa_ask_quietly(write_corpus, tmp_path):
    write_corpus({"a.txt": "Notes\n\n" + "".join(f"May {d}, 2020   Met farmers, day {d}.\n\n" for d in range(1, 28))})
    assert _qa("build", cwd=tmp_path).returncode == 0
    run = subprocess.run(f"{sys.executable} -m qa.cli ask -k 20 farmers farmers farmers | head -1", shell=True,
                         cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.stdout.startswith("Q: farmers") and run.stderr == ""


def test_a_damaged_or_missing_new_index_is_not_taken(write_corpus, tmp_path, fake_embedder):
    from qa.web import Page
    from qa.workspace import Workspace

    corpus = write_corpus({"a.txt": "Notes\n\nMay 7, 2020   Met cocoa farmers.\n"})
    index = tmp_path / "index"
    build(corpus, index, fake_embedder)
    page = Page(Workspace(corpus, index, fake_embedder.name, fake_embedder))
    live = page.live
    good = live.get().generation
    (corpus / "b.txt").write_text("Notes\n\nJune 1, 2021   Opened a school.\n")
    build(corpus, index, fake_embedder)
    new = index / (index / CURRENT).read_text().strip()
    chunks = (new / "chunks.jsonl").read_bytes()
    (new / "chunks.jsonl").write_bytes(chunks[:10] + bytes([chunks[10] ^ 1]) + chunks[11:])
    assert load_index(index).generation == good  # the newest is damaged: the one before it answers
    assert live.get().generation == good and "truncated or altered" in live.status().problem
    assert "A newer index failed its checks and was not taken; still answering from this one" in page.status()
    assert "7 May 2020" in page.answer("cocoa farmers", 1, "any", "any", "best first")[0]
    (index / CURRENT).write_text("g-missing\n")
    assert live.get().generation == good and "no index" in live.status().problem
    (new / "chunks.jsonl").write_bytes(chunks)
    (index / CURRENT).write_text(new.name + "\n")
    assert live.get().generation == new.name and live.status().problem is None


def test_the_page_names_no_absolute_path(write_corpus, tmp_path, fake_embedder):
    from qa.web import Page
    from qa.workspace import Workspace

    corpus = write_corpus({"a.txt": "Notes\n\nMay 7, 2020   Met cocoa farmers.\n"}).resolve()
    index = (tmp_path / "index").resolve()
    build(corpus, index, fake_embedder)
    page = Page(Workspace(corpus, index, fake_embedder.name, fake_embedder))
    answer, _ = page.answer("cocoa farmers", 1, "any", "any", "best first")
    assert "corpus/a\\.txt, line 3" in answer and str(tmp_path) not in answer
    (corpus / "a.txt").rename(tmp_path / "moved.txt")
    corpus.rmdir()
    _, report = page.rebuild(lambda *a, **k: None)
    assert "corpus folder corpus/ does not exist" in report.replace("\\", "") and str(tmp_path) not in report


def _swapped_after_listing(write_corpus, tmp_path, monkeypatch, swap):
    """Loads a corpus in which `swap(path)` replaces zzz.txt after the corpus was listed and before
    it is read (while an earlier file is read, as an attacker would)."""
    import qa.loading as loading

    corpus = write_corpus({"aaa.txt": "March 3, 2020 Met the farmers of the cocoa cooperative.\n",
                           "zzz.txt": "March 4, 2020 Met the teachers.\n"})
    listed = loading.corpus_files

    def listing_then_swap(folder, max_mb=loading.MAX_FILE_MB):
        files, refused = listed(folder, max_mb)
        swap(corpus / "zzz.txt")
        return files, refused

    monkeypatch.setattr(loading, "corpus_files", listing_then_swap)
    return load_corpus(corpus, max_mb=0.001)


def test_a_file_swapped_for_a_link_after_listing_is_not_read(write_corpus, tmp_path, monkeypatch):
    outside = tmp_path / "passwd"
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n")

    def to_link(path):
        path.unlink()
        path.symlink_to(outside)

    for _ in range(100):  # the swap, a hundred times: never read
        found = _swapped_after_listing(write_corpus, tmp_path, monkeypatch, to_link)
        assert [d.path for d in found.documents] == ["aaa.txt"]
        assert dict(found.skipped)["zzz.txt"] == "symlink to a file outside the corpus folder"
        monkeypatch.undo()
        (tmp_path / "corpus" / "zzz.txt").unlink()


def test_a_file_swapped_for_a_fifo_or_grown_after_listing_is_refused_at_once(write_corpus, tmp_path, monkeypatch):
    def to_fifo(path):
        path.unlink()
        os.mkfifo(path)

    t0 = time.perf_counter()
    found = _swapped_after_listing(write_corpus, tmp_path, monkeypatch, to_fifo)
    assert dict(found.skipped)["zzz.txt"] == "not a regular file (FIFO, socket or device)"
    assert time.perf_counter() - t0 < 5  # no open() that blocks for good
    monkeypatch.undo()
    (tmp_path / "corpus" / "zzz.txt").unlink()

    def grow(path):
        path.write_bytes(b"x" * 5000)  # past the 1 kB limit this load is given

    found = _swapped_after_listing(write_corpus, tmp_path, monkeypatch, grow)
    assert dict(found.skipped)["zzz.txt"].startswith("over the 0.001 MB limit")


def test_every_file_given_to_add_is_saved_or_named_with_its_reason(write_corpus, tmp_path, fake_embedder):
    from qa.web import SETTINGS, Page
    from qa.workspace import Workspace

    corpus = write_corpus({"a.txt": "Notes\n\nMay 7, 2020   Met cocoa farmers.\n"})
    build(corpus, tmp_path / "index", fake_embedder)
    page = Page(Workspace(corpus, tmp_path / "index", fake_embedder.name, fake_embedder))
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    given = []
    for n in range(SETTINGS.uploads_at_once + 2):
        (uploads / f"note{n}.txt").write_text(f"Notes\n\nMay {n + 1}, 2021   Visit number {n}.\n")
        given.append(str(uploads / f"note{n}.txt"))
    _, said = page.add(given)
    saved = sorted(p.name for p in corpus.iterdir() if p.name.startswith("note"))
    assert len(saved) == SETTINGS.uploads_at_once
    for name in {f"note{n}.txt" for n in range(SETTINGS.uploads_at_once + 2)} - set(saved):
        assert f"⚠️ {name}: only {SETTINGS.uploads_at_once} files are added at once" in said.replace("\\", "")


def test_a_page_whose_rebuild_fails_serves_the_index_in_force(write_corpus, tmp_path, fake_embedder):
    from qa.errors import CorpusError
    from qa.workspace import Workspace

    corpus = write_corpus({"a.txt": "Notes\n\nMay 7, 2020   Met cocoa farmers.\n"})
    ws = Workspace(corpus, tmp_path / "index", fake_embedder.name, fake_embedder)
    ws.build()
    (corpus / "a.txt").unlink()
    corpus.rmdir()  # the corpus gone (or a full disk): the build can't be done
    with pytest.raises(CorpusError):
        ws.ensure_built(lambda line: None)  # qa build, qa eval: the error
    said = []
    assert ws.ensure_built(said.append, keep_in_force=True) is None  # qa serve: the index it has
    assert said[-1].startswith("could not rebuild (corpus folder") and said[-1].endswith("serving the index in force")
    assert ws.open().chunks[0].text.startswith("May 7, 2020")


def _two_builds(write_corpus, tmp_path, fake_embedder):
    """A corpus built twice (a file added between): the corpus, the index, the first build's name and the newest's
    folder."""
    corpus = write_corpus({"a.txt": "Notes\n\nMay 7, 2020   Met cocoa farmers.\n"})
    index = tmp_path / "index"
    build(corpus, index, fake_embedder)
    good = (index / CURRENT).read_text().strip()
    (corpus / "b.txt").write_text("Notes\n\nJune 1, 2021   Opened a school.\n")
    build(corpus, index, fake_embedder)
    return corpus, index, good, index / (index / CURRENT).read_text().strip()


def test_a_damaged_newest_build_gives_way_to_the_one_before_it(write_corpus, tmp_path, fake_embedder):
    from qa.web import Page
    from qa.workspace import Workspace

    corpus, index, good, new = _two_builds(write_corpus, tmp_path, fake_embedder)
    chunks = (new / "chunks.jsonl").read_bytes()
    (new / "chunks.jsonl").write_bytes(chunks[:10] + bytes([chunks[10] ^ 1]) + chunks[11:])
    older = load_index(index)  # the CLI, and a page started now
    assert older.generation == good and older.problem.endswith(f"Answering from the build before it ({good}).")
    assert "truncated or altered" in older.problem
    page = Page(Workspace(corpus, index, fake_embedder.name, fake_embedder))
    assert page.live.get().generation == good and "7 May 2020" in page.answer("cocoa farmers", 1, "any", "any",
                                                                               "best first")[0]
    assert "failed its checks" in page.status()
    with pytest.raises(BadIndexError, match="was built with model"):  # another model is no damage
        load_index(index, model="another-model")


@pytest.mark.parametrize("shape", ['[]', 'null', '"x"', '{"corpus": 5}', '{"vector_index": []}',
                                   '{"index_files": {"vectors.faiss": 7}}', '{"files": {"a.txt": 1}}'])
def test_a_manifest_of_the_wrong_shape_is_damage_the_cli_answers_around_and_a_build_replaces(
        shape, write_corpus, tmp_path, fake_embedder, capsys):
    corpus, index, good, new = _two_builds(write_corpus, tmp_path, fake_embedder)
    manifest = new / "manifest.json"
    data = json.loads(manifest.read_text())
    given = json.loads(shape)
    manifest.write_text(json.dumps({**data, **given} if isinstance(given, dict) else given))
    older = load_index(index)  # valid JSON, but not a manifest: damaged, and the build before it answers
    assert older.generation == good and older.problem.endswith(f"Answering from the build before it ({good}).")
    build(corpus, index, fake_embedder)  # and a build replaces it (it had ended in a traceback)
    assert len(load_index(index).chunks) == 2


def test_a_file_size_limit_past_any_number_is_a_usage_error(capsys, tmp_path):
    for value in ["inf", "1e400", "nan"]:
        with pytest.raises(SystemExit) as stop:
            main(["build", "--corpus", str(tmp_path), "--index", str(tmp_path / "i"), "--max-file-mb", value])
        assert stop.value.code == 2 and "--max-file-mb" in capsys.readouterr().err


def test_a_folder_swapped_for_a_link_after_its_path_was_resolved_is_not_followed(tmp_path, monkeypatch):
    from qa.loading import read_file

    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    (corpus / "d").mkdir(parents=True)
    outside.mkdir()
    (corpus / "d" / "f.txt").write_text("March 3, 2020 Met the farmers.\n")
    (outside / "f.txt").write_text("SECRET outside the corpus\n")
    path = corpus / "d" / "f.txt"
    assert read_file(path, corpus, 10_000).startswith(b"March 3")
    resolved, resolve = path.resolve(), Path.resolve
    monkeypatch.setattr(Path, "resolve", lambda self, strict=False: resolved if self == path else resolve(self, strict))
    (corpus / "d").rename(corpus / ".real")  # the swap, between resolving the path and opening it
    (corpus / "d").symlink_to(outside)
    with pytest.raises(OSError) as refused:
        read_file(path, corpus, 10_000)
    assert refused.value.strerror == "changed into a symlink while being read"


def test_a_text_of_one_endless_word_is_skipped_before_it_is_cut_and_not_cut_again(write_corpus, tmp_path,
                                                                                   fake_embedder, monkeypatch):
    import qa.building as building
    from qa.chunking import LONG_RUN

    corpus = write_corpus({"a.txt": "Notes\n\nMay 7, 2020   Met cocoa farmers.\n", "bomb.txt": "a" * 2_000_000})
    t0 = time.perf_counter()
    report = build(corpus, tmp_path / "index", fake_embedder)
    assert dict(report.skipped)["bomb.txt"] == LONG_RUN and time.perf_counter() - t0 < 10
    cut = []
    chunks_of = building._chunks_of
    monkeypatch.setattr(building, "_chunks_of", lambda doc, *a: cut.append(doc.path) or chunks_of(doc, *a))
    (corpus / "b.txt").write_text("Notes\n\nJune 1, 2021   Opened a school.\n")
    report = build(corpus, tmp_path / "index", fake_embedder)
    assert dict(report.skipped)["bomb.txt"] == LONG_RUN and cut == ["b.txt"]  # its verdict kept, by its hash
