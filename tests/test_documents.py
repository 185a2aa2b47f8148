"""The documents an NGO really has, made here with each format's own writer: Word, PowerPoint,
Excel, OpenDocument and e-mail are read with their headings, locations and dates, a question about
each finds it first, and every file that can't be read is listed with its reason."""

import datetime
import email.message
import io
import threading
import zipfile
from pathlib import Path

import pytest

from qa.building import build
from qa.errors import QAError
from qa.indexing import load_index
from qa.searching import search
from qa.uploading import TRASH, remove, safe_name, save


def _docx() -> bytes:
    import docx

    d = docx.Document()
    d.add_heading("Annual report 2022", level=1)
    d.add_heading("Cocoa programme", level=2)
    d.add_paragraph("In 2022 the cocoa programme trained 120 farmers in the Ashanti region of Ghana.")
    d.add_paragraph("Farmer field schools opened in two villages", style="List Bullet")
    table = d.add_table(rows=3, cols=2)
    for row, (when, what) in zip(table.rows, [("Date", "Event"), ("March 4, 2022", "Opened a community school in Kumasi"),
                                              ("October 9, 2022", "Held a parents' meeting on school fees")],
                                 strict=True):
        row.cells[0].text, row.cells[1].text = when, what
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _pptx() -> bytes:
    from pptx import Presentation

    deck = Presentation()
    for title, body, notes in [("Our year", "A look back at 2022", ""),
                               ("Hotline", "The child labour hotline took 450 calls in 2022", "Mention the volunteers"),
                               ("Next steps", "Expanding the hotline to Osaka in 2023", "")]:
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = title
        slide.placeholders[1].text = body
        if notes:
            slide.notes_slide.notes_text_frame.text = notes
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def _xlsx() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Events"
    sheet.append(["Date", "Event", "Place"])
    sheet.append([datetime.date(2022, 6, 12), "World Day against Child Labour street campaign", "Shibuya"])
    sheet.append([datetime.date(2022, 11, 20), "Children's rights lecture for students", "Nagoya"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _odt() -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    doc = OpenDocumentText()
    doc.text.addElement(H(outlinelevel=1, text="Volunteer handbook"))
    doc.text.addElement(P(text="Since May 2021 volunteers have staffed the signature booths at railway stations."))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _eml() -> bytes:
    message = email.message.EmailMessage()
    message["Subject"] = "Meeting with the labour ministry"
    message["From"] = "director@example.org"
    message["Date"] = "Tue, 15 Feb 2022 10:00:00 +0900"
    message.set_content("We met the labour ministry's officials about the supply chain guidelines.")
    message.add_attachment(_odt(), maintype="application", subtype="vnd.oasis.opendocument.text",
                           filename="handbook.odt")
    return message.as_bytes()


@pytest.fixture(scope="module")
def office(tmp_path_factory, embedder):
    corpus = tmp_path_factory.mktemp("office") / "corpus"
    corpus.mkdir()
    files = {"report.docx": _docx(), "deck.pptx": _pptx(), "events.xlsx": _xlsx(), "handbook.odt": _odt(),
             "meeting.eml": _eml(), "photo.jpg": b"\xff\xd8\xff\xe0", "broken.docx": b"PK\x03\x04 not a zip",
             "empty.pptx": b"", "legacy.doc": b"\xd0\xcf\x11\xe0"}
    for name, data in files.items():
        (corpus / name).write_bytes(data)
    report = build(corpus, corpus.parent / "index", embedder)
    return report, load_index(corpus.parent / "index")


def _chunk(index, words: str):
    return next(c for c in index.chunks if words in c.text)


def test_each_format_keeps_its_headings_locations_and_dates(office):
    _, index = office
    cocoa = _chunk(index, "trained 120 farmers")
    assert (cocoa.heading, cocoa.unit, cocoa.date) == ("Annual report 2022 › Cocoa programme", "paragraph", "2022")
    school = _chunk(index, "community school in Kumasi")  # a table row, dated by its first cell
    assert (school.date, school.unit) == ("2022-03-04", "paragraph")
    hotline = _chunk(index, "450 calls")
    assert (hotline.heading, hotline.unit, hotline.line) == ("Hotline", "slide", 2)
    assert _chunk(index, "A look back").heading == "Our year"  # the slide's title once, not "Our year › Our year"
    assert all(len(set(c.heading.split(" › "))) == len(c.heading.split(" › ")) for c in index.chunks if c.heading)
    assert "Mention the volunteers" in _chunk(index, "Notes: Mention the volunteers").text
    street = _chunk(index, "street campaign")
    assert (street.date, street.unit, street.line, street.heading) == ("2022-06-12", "sheet Events, row", 2, "Events")
    assert "Place: Shibuya" in street.text
    booths = next(c for c in index.chunks if "signature booths" in c.text and c.source.endswith(".odt"))
    assert (booths.heading, booths.date) == ("Volunteer handbook", "2021-05")
    ministry = _chunk(index, "supply chain guidelines")
    assert (ministry.heading, ministry.date) == ("Meeting with the labour ministry (February 15, 2022)", "2022-02-15")
    assert any("signature booths" in c.text and c.source.endswith(".eml") for c in index.chunks)  # the attachment


@pytest.mark.parametrize("question, source", [
    ("How many farmers did the cocoa programme train?", "report.docx"),
    ("How many calls did the hotline take?", "deck.pptx"),
    ("Where was the World Day against Child Labour street campaign?", "events.xlsx"),
    ("Who staffs the signature booths at railway stations?", "handbook.odt"),
    ("When did we meet the labour ministry about supply chain guidelines?", "meeting.eml"),
])
def test_a_question_about_each_finds_it_first(office, embedder, question, source):
    _, index = office
    assert search(index, embedder, question, 3).hits[0].source.endswith(source)


def test_every_file_not_read_is_listed_with_its_reason(office):
    report, _ = office
    reasons = dict(report.skipped)
    assert reasons["photo.jpg"] == "unsupported type .jpg" and reasons["legacy.doc"] == "unsupported type .doc"
    assert reasons["empty.pptx"] == "empty file"
    assert reasons["broken.docx"].startswith("unreadable Word file")
    assert report.by_reason() == {"unsupported type": 2, "damaged or too long": 1, "empty": 1}


def test_an_upload_gets_a_safe_name_and_never_overwrites(tmp_path):
    docx = _docx()
    for bad in ("../../etc/passwd.txt", "/abs/path/notes.md", "C:\\Users\\x\\report.docx"):
        assert "/" not in safe_name(bad) and "\\" not in safe_name(bad)
    with pytest.raises(QAError, match="hidden file"):
        save(tmp_path, ".bashrc.txt", b"x", 20)
    with pytest.raises(QAError, match="not a .docx file inside"):
        save(tmp_path, "report.docx", b"just text pretending", 20)
    with pytest.raises(QAError, match="type is not one the documents can be"):
        save(tmp_path, "tool.exe", b"MZ", 20)
    junk = io.BytesIO()  # a zip that has the part a .docx has, holding junk: opened as Word opens it, refused
    with zipfile.ZipFile(junk, "w") as z:
        z.writestr("word/document.xml", b"\x00\x01 not XML at all")
    with pytest.raises(QAError, match=r"report.docx: not a readable .docx file \(unreadable Word file"):
        save(tmp_path, "report.docx", junk.getvalue(), 20)
    with pytest.raises(QAError, match=r"tool.pdf: not a readable .pdf file \(unreadable PDF"):
        save(tmp_path, "tool.pdf", b"%PDF-1.4\n\x7fELF\x02\x01\x01" + bytes(200), 20)  # a PDF-ELF polyglot
    assert not [p for p in tmp_path.iterdir() if not p.name.startswith(".")]  # nothing refused was saved
    with pytest.raises(QAError, match="over the 0.001 MB limit"):
        save(tmp_path, "big.docx", docx, 0.001)
    added = save(tmp_path, "../report.docx", docx, 20)
    assert (added.name, (tmp_path / "report.docx").read_bytes() == docx) == ("report.docx", True)
    names, threads = [], [threading.Thread(target=lambda: names.append(save(tmp_path, "same.docx", docx, 20).name))
                          for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(names) == ["same (2).docx", "same.docx"] and not list(tmp_path.glob(".upload-*"))


def test_removing_moves_into_the_trash_which_builds_ignore(write_corpus, tmp_path, fake_embedder):
    corpus = write_corpus({"keep.txt": "In 2020 we met farmers.\n", "old.txt": "In 2019 we met teachers.\n"})
    build(corpus, tmp_path / "index", fake_embedder)
    known = set(load_index(tmp_path / "index").manifest.files)
    with pytest.raises(QAError, match="not one of the documents"):
        remove(corpus, "../outside.txt", known)
    where = remove(corpus, "old.txt", known)
    assert where.startswith(f"{TRASH}/") and (corpus / where).read_text() == "In 2019 we met teachers.\n"
    assert (corpus / f"{where}.from").read_text() == "old.txt\n"  # where it came from, to undo by hand
    report = build(corpus, tmp_path / "index", fake_embedder)
    assert (report.files, report.removed, report.skipped) == (1, 1, [])


def test_a_hundred_removals_at_once_whose_names_collide_lose_nothing(write_corpus):
    from concurrent.futures import ThreadPoolExecutor

    files = {f"a{n}/b.txt": f"document {n}\n" for n in range(50)} | {f"a{n}_b.txt": f"flat {n}\n" for n in range(50)}
    corpus = write_corpus(files)
    with ThreadPoolExecutor(16) as pool:  # "a1/b.txt" and "a1_b.txt" flatten to one name, in the same second
        moved = list(pool.map(lambda rel: remove(corpus, rel, set(files)), files))
    assert len(set(moved)) == 100
    trash = corpus / TRASH
    kept = {(trash / f.name).read_text(): (trash / f"{f.name}.from").read_text().strip()
            for f in trash.iterdir() if not f.name.endswith(".from")}
    assert kept == {text: rel for rel, text in files.items()}  # every text, each with its own path


def test_uploads_need_a_login_off_this_machine(tmp_path):
    import subprocess
    import sys

    from conftest import ROOT

    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("In 2020 we met farmers.\n")
    run = subprocess.run([sys.executable, str(ROOT / "app.py"), "--allow-upload", "--host", "0.0.0.0"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1 and run.stderr.strip().splitlines()[-1] == (
        "qa: error: --allow-upload on 0.0.0.0 needs a login: add --auth user:password, or listen on 127.0.0.1")


def test_a_document_uploaded_from_the_page_answers_and_removed_stops(tmp_path):
    from pathlib import Path

    from conftest import running_app

    chromium = "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.skip(f"{chromium} missing: apt-get install chromium (.ci/run does)")
    sync_api = pytest.importorskip("playwright.sync_api")
    upload = tmp_path / "upload" / "report.docx"
    upload.parent.mkdir()
    upload.write_bytes(_docx())
    files = {"notes.txt": "Notes\n\nJune 15, 2021   Submitted 70 thousand signatures to the ministry\n"}
    with running_app(tmp_path / "work", files, "--allow-upload") as url, sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu",
                                                                    "--disable-background-networking", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(url)
        page.locator("#question textarea").wait_for()

        def ask(question: str) -> str:
            n = page.locator("#chat [data-testid='bot']").count()
            page.locator("#question textarea").fill(question)
            page.locator("#send").click()
            page.wait_for_function("n => document.querySelectorAll(\"#chat [data-testid='bot']\").length > n", arg=n)
            page.wait_for_timeout(300)
            return page.locator("#chat [data-testid='bot']").last.inner_text()

        page.get_by_text("Add or remove documents").click()
        page.locator("#upload input[type='file']").set_input_files(str(upload))
        page.wait_for_timeout(500)
        page.locator("#add").click()
        page.wait_for_function("() => /added report.docx/.test(document.querySelector('#documents-report').innerText)",
                               timeout=60000)
        assert (tmp_path / "work" / "corpus" / "report.docx").read_bytes() == upload.read_bytes()
        answer = ask("How many farmers did the cocoa programme train?")
        assert "120 farmers" in answer.split("2.")[0] and "report.docx, paragraph" in answer
        other = browser.new_page(viewport={"width": 390, "height": 844})  # a colleague's page, opened after the add
        other.goto(url)
        other.locator("#question textarea").wait_for()
        other.get_by_text("Add or remove documents").click()
        other.locator("#document input").click()
        other.get_by_role("option", name="report.docx").click()  # listed there too (it was the start's list)
        other.locator("#remove").click()
        other.wait_for_function("() => /moved report.docx to .trash/.test(document.querySelector('#documents-report').innerText)",
                                timeout=60000)
        assert not (tmp_path / "work" / "corpus" / "report.docx").exists()
        kept = [f for f in (tmp_path / "work" / "corpus" / ".trash").iterdir() if not f.name.endswith(".from")]
        assert len(kept) == 1  # kept, not deleted
        assert "report.docx" not in ask("How many farmers did the cocoa programme train?")
        browser.close()


def test_the_page_status_line_counts_and_lists_skipped_files(office, tmp_path):
    from qa.web import Page
    from qa.workspace import Workspace

    _, index = office
    folder = Path(index.manifest.corpus_path)
    page = Page(Workspace(folder, folder.parent / "index", index.manifest.model))
    status = page.status()
    assert "4 files skipped</small></summary>" in status and "<li>photo.jpg: unsupported type .jpg</li>" in status
