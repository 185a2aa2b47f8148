"""The real page, started as `python app.py` on a free port and answered over HTTP."""

import os
import subprocess
import sys

import pytest
from conftest import NGO_PAGE, ROOT, running_app
from gradio_client import Client


def ask(client, question: str, k: int = 5, from_year="any", to_year="any", order="best first") -> str:
    """The reply's text (the chat endpoint also returns the timeline's data)."""
    reply, _ = client.predict(question, k, from_year, to_year, order, api_name="/chat")
    return reply


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """app.py serving a copy of the NGO page, its index built on first run."""
    work = tmp_path_factory.mktemp("app")
    with running_app(work, {NGO_PAGE.name: NGO_PAGE.read_text(encoding="utf-8")}) as url:
        yield url, work


def test_first_run_builds_the_index(server):
    _, work = server
    assert (work / "index" / "CURRENT").is_file()
    assert (work / "index" / (work / "index" / "CURRENT").read_text().strip() / "manifest.json").is_file()
    assert "building it from corpus/" in (work / "app.log").read_text()


def test_chat_answers_with_dates_sources_and_scores(server):
    url, _ = server
    client = Client(url, verbose=False)
    reply = ask(client, "What did ACE do in November 2019?", 3)
    assert reply.startswith("*Showing events in November 2019*")
    assert reply.count("corpus/ace\\-advocacy\\-record\\.txt, line ") == 3
    first = reply.split("---")[0]
    assert "25–27 November 2019" in first  # the UN Forum, the month's longest event, first
    assert "score" in first


def test_passage_count_and_bad_questions(server):
    client = Client(server[0], verbose=False)
    assert ask(client, "Which networks is ACE a board member of?", 1).count("<sub>") == 1
    empty = ask(client, "   ")
    assert "question is empty" in empty and "Traceback" not in empty
    long = ask(client, "why " * 400)
    assert "limit is 1000" in long


def test_page_is_served_without_outside_assets(server):
    import urllib.request

    html = urllib.request.urlopen(server[0], timeout=10).read().decode()
    assert "Dated-passage QA" in html
    assert "fonts.googleapis.com" not in html


def test_rebuild_from_the_page_and_from_the_cli_are_picked_up(server):
    url, work = server
    client = Client(url, verbose=False)
    (work / "corpus" / "new.txt").write_text("Hotline\n\nMay 1, 2024   Opened a hotline for working children\n")
    status, report, from_years, to_years, timeline = client.predict(api_name="/rebuild")
    assert report == "✅ Rebuilt the index\\: 1 file added; 1 new passage, 55 in all\\."  # in words, Markdown-escaped
    assert "to 1 May 2024" in status  # the title heads the entry
    assert "41 dated passages, 2004 to 1 May 2024" in timeline
    assert "hotline" in ask(client, "When was the hotline opened?", 1)
    (work / "corpus" / "more.txt").write_text("School\n\nJune 2, 2025   Opened a school in Ghana\n")
    subprocess.run([sys.executable, "-m", "qa.cli", "build"], cwd=work, check=True, capture_output=True,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    reply = ask(client, "When was the school in Ghana opened?", 1)  # no restart
    assert "2 June 2025" in reply
