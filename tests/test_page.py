"""The page as staff use it, in headless Chromium (Debian's package, driven by Playwright), and
what the server lets through: hostile documents, file routes, limits, login, settings."""

import json
import os
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from conftest import NGO_PAGE, ROOT, running_app
from gradio_client import Client
from playwright.sync_api import TimeoutError as PlaywrightTimeout

HOSTILE = """Hostile notes

March 3, 2020   Payload one <script>window.__xss = 1; fetch("http://evil.example/s")</script> cocoa
March 4, 2020   Payload two <img src=x onerror="window.__xss = 2"> cocoa
March 5, 2020   Payload three <svg onload="window.__xss = 3"></svg> cocoa
March 6, 2020   Payload four [click me](javascript:window.__xss=4) and <a href="javascript:window.__xss=5">link</a> cocoa
March 7, 2020   Payload five ![tracker](http://evil.example/pixel.png) <iframe src="http://evil.example/"></iframe> cocoa
"""
SECRET = "TOP-SECRET-MARKER-7f3a"
LISTENER = socket.socket()  # a file name below points here: nothing may come to fetch it
LISTENER.bind(("127.0.0.1", 0))
LISTENER.listen()
MARKUP_NAME = f"![b](http:&#47;&#47;127.0.0.1:{LISTENER.getsockname()[1]}&#47;x.png) x.txt"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("page")
    (work / "notes.txt").write_text(SECRET)  # beside the corpus, in the working folder
    files = {NGO_PAGE.name: NGO_PAGE.read_text(encoding="utf-8"), "hostile.txt": HOSTILE,
             "secret.txt": f"Secret file\n\nThe marker is {SECRET}.\n", MARKUP_NAME: ""}
    with running_app(work, files) as url:
        yield url, work


@pytest.fixture(params=[(1400, 900)], ids=["desktop"])
def page(browser, site, request):
    yield from _tab(browser, site, request)


def _tab(browser, site, request):
    """A fresh tab on the page, recording every request it makes and every dialog it opens."""
    url, _ = site
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    tab.requests, tab.dialogs = [], []
    tab.on("request", lambda r: tab.requests.append(r.url))
    tab.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))
    tab.goto(url)
    tab.locator("#question textarea").wait_for()
    tab.locator("#timeline").wait_for()
    yield tab
    context.close()


def _ask(tab, question: str, send: bool = False) -> str:
    """Types the question, presses Enter (or the Send button), and returns the text of the new answer."""
    before = tab.locator("[data-testid='bot']").count()
    box = tab.locator("#question textarea")
    bots = tab.locator("[data-testid='bot']")
    for _ in range(2):  # a reply of an earlier event (Clear empties the box) may land after the typing: type again
        box.fill(question)
        if send:
            tab.locator("#send").click()
        else:
            box.press("Enter")
        try:
            bots.nth(before).wait_for(timeout=15000)
            break
        except PlaywrightTimeout:
            if box.input_value():
                raise
    bots.nth(before).wait_for(timeout=30000)
    tab.wait_for_function(
        "n => { const b = document.querySelectorAll(\"[data-testid='bot']\"); return b.length > n &&"
        " /score|スコア|No passage|Nothing in|⚠️|見つかりません|記述はありません|ありません/.test(b[b.length - 1].innerText) }", arg=before, timeout=30000)
    return bots.last.inner_text()


def _options(tab) -> None:
    """Opens *Options and filters* (closed when the page loads)."""
    if not tab.locator("#passages").is_visible():
        tab.get_by_text("Options and filters").click()
        tab.locator("#passages").wait_for()


def _dates_in(answer: str) -> list[str]:
    return re.findall(r"^\d+\. (.+)$", answer, re.M)


def test_a_question_typed_and_sent_shows_dated_passages_with_sources(page, site, tmp_path):
    answer = _ask(page, "What did ACE do in November 2019?")
    assert "Showing events in November 2019" in answer
    dates = _dates_in(answer)
    assert len(dates) == 5 and "25–27 November 2019" in dates[:2]
    assert answer.count("corpus/ace-advocacy-record.txt, line ") >= 4
    assert page.locator("[data-testid='bot'] mark").count() >= 1  # the answering sentence
    assert not [u for u in page.requests if not u.startswith(site[0])]
    page.locator("[data-testid='user']").last.scroll_into_view_if_needed()
    # The README's picture of a real answer: written into docs/ only when asked (QA_SCREENSHOTS=docs).
    page.screenshot(path=str(Path(os.environ.get("QA_SCREENSHOTS") or tmp_path) / "page.png"))


def test_an_example_and_the_passage_count(page):
    examples = page.locator("#examples button")  # made from the documents: their busiest month, an entry, ...
    first = examples.first.inner_text()
    month = re.fullmatch(r"What happened in (\w+ \d{4})\?", first)
    assert month and examples.count() >= 3, examples.all_inner_texts()
    examples.first.click()  # fills in the question
    box = page.locator("#question textarea")
    page.wait_for_function("q => document.querySelector('#question textarea').value === q", arg=first, timeout=10000)
    box.press("Enter")
    page.wait_for_function("() => /score/.test(document.querySelector(\"[data-testid='bot']\")?.innerText)",
                           timeout=30000)
    assert all(month.group(1) in d for d in _dates_in(page.locator("[data-testid='bot']").first.inner_text())[:2])
    _options(page)
    slider = page.locator("#passages input[type='range']")
    count = page.locator("#passages input[type='number']")
    slider.focus()
    for _ in range(6):  # 5 -> 2, as a person does it with the keyboard: pressing until it reads 2
        if count.input_value() == "2":  # (a press right after the options open is sometimes not taken)
            break
        slider.press("ArrowLeft")
        page.wait_for_timeout(200)
    assert count.input_value() == "2"
    assert len(_dates_in(_ask(page, "Which networks is ACE a board member of?"))) == 2


def test_year_filters_and_newest_first(page):
    _options(page)
    for field, year in (("#from-year", "2019"), ("#to-year", "2019")):
        box = page.locator(f"{field} input")
        box.fill(year)
        box.press("Enter")
    page.get_by_label("newest first").check()
    answer = _ask(page, "Which conferences did ACE take part in?")
    dates = _dates_in(answer)
    assert dates and all(re.search(r"\b2019\b", d.split(" · ")[0]) for d in dates), dates
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    # newest first: a month-precise date before the year-only ones of the same year is not required,
    # but later months come before earlier ones
    order = [next((i for i, m in enumerate(months) if m in d.split(" · ")[0]), None) for d in dates]
    known = [m for m in order if m is not None]
    assert known == sorted(known, reverse=True), dates


def test_the_timeline_marks_the_answer(page):
    caption = page.locator("#timeline figcaption")
    assert caption.inner_text() == "45 dated passages, 2004 to 24 August 2021"  # no axis to read, no marks yet
    assert page.locator("#timeline svg text").filter(has_text="2004").count() == 1
    _ask(page, "What did ACE do in 2018?")
    page.wait_for_function("() => /numbered/.test(document.querySelector('#timeline figcaption').innerText)")
    marks = page.locator("#timeline svg g.dot:has(text) title")
    first = [t for t in marks.all_text_contents() if t.startswith("1. ")]
    assert len(first) == 1 and "2018" in first[0]  # the hover: rank, date in words, text, document
    assert not any(" 00:00" in t for t in marks.all_text_contents())
    box, svg = page.locator("#timeline svg").bounding_box(), page.locator("#timeline svg g.dot").first.bounding_box()
    assert svg["x"] >= box["x"] and svg["y"] >= box["y"]  # nothing drawn outside the picture


def test_nothing_relevant_is_said_plainly(page):
    assert "No passage about that in the documents." in _ask(page, "How do I bake sourdough bread?")


def test_hostile_documents_render_inert(page, site):
    answer = _ask(page, "Which payloads mention cocoa in March 2020?")
    assert "Payload" in answer
    for question in ["What was payload two?", "What was payload four?", "What was payload five?"]:
        _ask(page, question)
    page.wait_for_timeout(1000)
    assert page.evaluate("window.__xss") is None
    assert page.dialogs == []
    assert not [u for u in page.requests if not u.startswith(site[0])]
    text = page.locator("[data-testid='bot']").first.inner_text()
    assert "<script>" in text  # shown as text
    assert page.locator("[data-testid='bot'] img, [data-testid='bot'] iframe, [data-testid='bot'] svg[onload]"
                        ).count() == 0
    assert page.locator("[data-testid='bot'] a[href^='javascript']").count() == 0


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def test_no_file_route_reads_the_corpus_the_index_or_the_system(site):
    url, work = site
    targets = ["corpus/secret.txt", str(work / "corpus" / "secret.txt"), "notes.txt", str(work / "notes.txt"),
               "../notes.txt", "index/CURRENT", "/etc/passwd", "../../../../etc/passwd", str(ROOT / "pyproject.toml")]
    tried = 0
    for target in targets:
        for variant in {target, urllib.parse.quote(target, safe=""), target.replace("/", "%2F"),
                        target.replace("..", "%2e%2e"), target.upper()}:
            for route in ("gradio_api/file=", "file=", "gradio_api/file/", "static/", "assets/"):
                status, body = _get(url + route + variant)
                tried += 1
                assert SECRET.encode() not in body and b"root:x:0:0" not in body and b"[project]" not in body, \
                    (route, variant, status)
    assert tried > 100


def test_server_limits_hold_over_the_api(site):
    client = Client(site[0], verbose=False)
    too_long, _ = client.predict("why " * 400, 5, "any", "any", "best first", api_name="/chat")
    assert "limit is 1000" in too_long
    for odd in ["\x00\x01\x02", "cocoa\x00farmers", "\u202e\ufeff\u200b", "🎉" * 200, "\ud7ff?"]:
        reply, _ = client.predict(odd, 5, "any", "any", "best first", api_name="/chat")
        assert "Traceback" not in reply and "Error" not in reply.split("⚠️")[0]
    bad_year, _ = client.predict("cocoa", 5, "twenty", "any", "best first", api_name="/chat")
    assert "a year must be a number" in bad_year
    empty_range, _ = client.predict("cocoa", 5, "2020", "2019", "best first", api_name="/chat")
    assert "is empty" in empty_range
    assert _get(site[0] + "monitoring") == (404, b'{"error": "no such route on this page"}')


def test_settings_are_in_one_place_and_the_server_uses_them(site):
    from qa.web import SETTINGS, launch_options

    opts = launch_options(None, None, None, [Path("corpus")])
    assert opts["server_name"] == SETTINGS.host == "127.0.0.1"
    assert (opts["show_error"], opts["enable_monitoring"], opts["mcp_server"]) == (False, False, False)
    assert opts["blocked_paths"] == [str(Path("corpus").resolve())]
    assert opts["state_session_capacity"] == SETTINGS.sessions < 10_000  # Gradio's default kept 10,000 sessions
    config = json.loads(_get(site[0] + "config")[1])
    assert (config["show_error"], config["mcp_server"], config["analytics_enabled"]) == (False, False, False)
    assert config["max_file_size"] == 1024  # SETTINGS.max_file_size, "1kb": nothing is uploaded here


def test_a_file_name_is_shown_as_text_after_a_rebuild(page, site):
    page.locator("#rebuild").click()
    page.wait_for_function("() => /Rebuilt/.test(document.querySelector('#rebuild-report').innerText)", timeout=60000)
    report = page.locator("#rebuild-report").inner_text()
    assert f"⚠️ {MARKUP_NAME}: empty file" in report  # the name as it is, not rendered
    assert page.locator("#rebuild-report img").count() == 0
    page.wait_for_timeout(500)
    assert not [u for u in page.requests if not u.startswith(site[0])]
    LISTENER.settimeout(0.5)
    with pytest.raises(TimeoutError):
        LISTENER.accept()


def _first_passage_in_view(tab) -> bool:
    """Whether the newest answer's first passage ("1. <date>") starts inside the window and inside
    the chat's scrolled area."""
    return tab.evaluate("""() => {
        const bots = document.querySelectorAll("#chat [data-testid='bot']");
        const first = [...bots[bots.length - 1].querySelectorAll('strong')].find(s => /^1\\./.test(s.innerText));
        const e = first.getBoundingClientRect(), box = document.querySelector('#chat [role="log"]').getBoundingClientRect();
        return e.top >= Math.max(0, box.top) - 1 && e.bottom <= Math.min(window.innerHeight, box.bottom) + 1; }""")


@pytest.mark.parametrize("page", [(1400, 900), (390, 844)], ids=["desktop", "phone"], indirect=True)
def test_a_conversation_shows_what_each_follow_up_took_with_the_first_passage_in_view(page, tmp_path):
    first = _ask(page, "Who is ACE's managing director?", send=True)
    assert "Tomoko Shiroki" in first.split("2.")[0] and "↪" not in first
    second = _ask(page, "when did she go to the cocoa industry meeting?")
    assert second.startswith("↪ she → Tomoko Shiroki\n")
    third = _ask(page, "and where was that held?")
    assert third.startswith("↪ that → ") and "Cote D'Ivoire" in third.split("2.")[0]
    page.wait_for_timeout(300)
    assert _first_passage_in_view(page), "passage 1 is out of view"
    size = page.viewport_size
    page.screenshot(path=str(Path(os.environ.get("QA_SCREENSHOTS") or tmp_path) / f"page-{size['width']}.png"))
    page.locator("#new-topic").click()
    page.wait_for_function("() => document.querySelectorAll(\"#chat [data-testid='bot']\").length === 0")
    alone = _ask(page, "when did she go to the cocoa industry meeting?")
    assert "↪" not in alone  # a new topic: nothing carried over


@pytest.mark.parametrize("page", [(1400, 900), (390, 844)], ids=["desktop", "phone"], indirect=True)
def test_clear_a_declined_question_and_a_period_with_passages_marked_outside(page):
    assert _ask(page, "Who is ACE's managing director?").startswith("1.")
    assert _ask(page, "when did she go to the cocoa industry meeting?").startswith("↪ she → Tomoko Shiroki")
    page.locator("#chat button[aria-label='Clear']").click()  # the chat's own trash button
    page.wait_for_function("() => document.querySelectorAll(\"#chat [data-testid='bot']\").length === 0")
    assert "↪" not in _ask(page, "when did she go to the cocoa industry meeting?")  # Clear forgot her too
    declined = _ask(page, "Who is ACE's treasurer?")
    assert declined.startswith("No passage about that in the documents; the closest passages:")
    period = _ask(page, "What did ACE do in 2016?")
    dates = _dates_in(period)
    assert dates[0] == "13 May 2016" and all("outside the period asked" in d for d in dates[1:])
    assert _ask(page, "What did ACE do in 2028?").startswith("Nothing in the documents is dated 2028; nearest:")


def test_a_passage_opens_in_its_document(page):
    _ask(page, "When did ACE hand over the 70,000 signatures?")
    fold = page.locator("#chat [data-testid='bot']").last.locator("details").first
    fold.locator("summary").click()
    here = fold.locator(".context p.here")
    here.wait_for()
    assert "70 thousand signatures" in here.inner_text()
    assert fold.locator(".context p").count() >= 3  # the passages before and after it too


def test_a_filter_that_hides_every_answer_says_so_and_can_be_cleared(page):
    _options(page)
    for field in ("#from-year", "#to-year"):
        box = page.locator(f"{field} input")
        box.fill("2021")
        box.press("Enter")
    answer = _ask(page, "What did ACE do in 2018?")
    assert "No passage about that in the documents." in answer
    assert "The year filter (from 2021 to 2021) leaves out 2018, the time the question asks about" in answer
    assert "Press Clear filters" in answer
    for field, year in (("#from-year", "2020"), ("#to-year", "2021")):
        box = page.locator(f"{field} input")
        box.fill(year)
        box.press("Enter")
    answer = _ask(page, "When did ACE go to the UN Forum on Business and Human Rights in Geneva?")
    assert _dates_in(answer) and "The year filter (from 2020 to 2021) hides the passage that answers this best" in answer
    page.locator("#clear-filters").click()
    page.wait_for_function("() => document.querySelector('#from-year input').value === 'any'")
    assert "2018" in _dates_in(_ask(page, "What did ACE do in 2018?"))[0]


def test_the_filters_and_timeline_follow_a_rebuild(page, site, browser):
    url, work = site
    (work / "corpus" / "news.txt").write_text("News\n\nMarch 3, 2022   Opened a hotline for working children\n")
    page.locator("#rebuild").click()
    page.wait_for_function("() => /Rebuilt/.test(document.querySelector('#rebuild-report').innerText)", timeout=60000)
    assert "3 March 2022" in page.locator("#index-status").inner_text()
    assert "to 3 March 2022" in page.locator("#timeline figcaption").inner_text()
    _options(page)
    page.locator("#to-year input").click()
    assert page.get_by_role("option", name="2022").count() == 1
    fresh = browser.new_page()
    fresh.goto(url)
    fresh.locator("#timeline figcaption").wait_for()
    fresh.wait_for_function("() => /3 March 2022/.test(document.querySelector('#timeline figcaption').innerText)")
    fresh.close()


@pytest.fixture(params=[(1400, 900), (390, 844)], ids=["desktop", "phone"])
def page_ja(browser, site_ja, request):
    yield from _tab(browser, site_ja, request)


def test_a_japanese_conversation_resolves_the_dropped_subject_and_the_month_after(page_ja):
    first = _ask(page_ja, "C20サミットはいつでしたか？")
    assert "2019年4月20日" in first.split("2.")[0]
    second = _ask(page_ja, "首相に何を渡しましたか？")
    assert "安倍首相" in second.split("2.")[0]
    third = _ask(page_ja, "その翌月は？")
    assert "↪ 翌月 → 2019年5月" in third and "2019年5月14日" in _dates_in(third)[0]
