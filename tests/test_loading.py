"""Reading real documents (HTML, PDF, other encodings) and skipping bad files, each kind."""

import os

import pytest
from conftest import NGO_PAGE

from qa.building import build, chunk_corpus
from qa.loaders.html import html_text
from qa.loading import load_corpus


def _reasons(corpus, **kw):
    return dict(load_corpus(corpus, **kw).skipped)


def test_each_kind_of_bad_file_is_skipped_with_a_reason(write_corpus, tmp_path, fake_embedder):
    corpus = write_corpus({
        "good.txt": "Fine text about cocoa.",
        "binary.txt": b"\x7fELF\x02\x01\x01\x00\x00\x00",
        "garbled.txt": b"\x81\x8d\x8f\x90 undecodable",
        "empty.md": "",
        "blank.txt": "   \n\n  ",
        "big.txt": "x" * 2_100_000,
        "broken.pdf": b"%PDF-1.4 not really",
    })
    outside = tmp_path / "secret.txt"
    outside.write_text("outside the corpus")
    os.symlink(outside, corpus / "escape.txt")
    os.symlink(corpus / "loop2.txt", corpus / "loop1.txt")
    os.symlink(corpus / "loop1.txt", corpus / "loop2.txt")
    os.symlink(corpus / "good.txt", corpus / "inside.txt")  # a link within the corpus is read
    os.symlink(tmp_path, corpus / "linked-folder")
    os.mkfifo(corpus / "pipe.txt")
    reasons = _reasons(corpus, max_mb=2)
    assert reasons == {
        "binary.txt": "binary file",
        "garbled.txt": "not UTF-8 text (byte 0)",
        "empty.md": "empty file",
        "blank.txt": "no text (only whitespace)",
        "big.txt": "2.1 MB, over the 2 MB limit",
        "broken.pdf": reasons["broken.pdf"],
        "escape.txt": "symlink to a file outside the corpus folder",
        "loop1.txt": "symlink loop",
        "loop2.txt": "symlink loop",
        "linked-folder": "symlinked folder (not followed)",
        "pipe.txt": "not a regular file (FIFO, socket or device)",
    }
    assert reasons["broken.pdf"].startswith("unreadable PDF")
    report = build(corpus, tmp_path / "index", fake_embedder, max_mb=2)  # goes on despite them all
    assert report.files == 2 and len(report.skipped) == len(reasons)
    assert "big.txt" not in _reasons(corpus)  # under the default 20 MB limit


def test_windows_1252_and_utf16_text_are_read(write_corpus):
    corpus = write_corpus({
        "latin.txt": "Café meeting – naïve résumé, 2019.".encode("cp1252"),
        "wide.txt": "Réunion in Geneva, March 2019.".encode("utf-16"),
    })
    docs = {d.path: d.text for d in load_corpus(corpus).documents}
    assert docs == {"latin.txt": "Café meeting – naïve résumé, 2019.", "wide.txt": "Réunion in Geneva, March 2019."}


def _as_html(text: str) -> str:
    """The NGO page as a web page: a head, navigation, a script, a footer, and one <p> per paragraph.

    A paragraph indented far right in the text version continues the entry above it (the
    plain-text copy's way of wrapping); on the web page it is part of that entry's <p>.
    """
    paras: list[str] = []
    for p in text.split("\n\n"):
        if not p.strip():
            continue
        escaped = p.strip().replace("&", "&amp;").replace("<", "&lt;")
        if paras and len(p) - len(p.lstrip()) >= 10:
            paras[-1] += "<br>" + escaped
        else:
            paras.append(escaped)
    body = "\n".join(f"<p>{p}</p>" for p in paras)
    return (f"<!doctype html><html><head><title>ACE record</title><style>p {{color: red}}</style>"
            f"<script>var x = 'June 1, 2030 fake';</script></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/about'>About us 2031</a></nav>\n{body}\n"
            f"<footer>Copyright 2032</footer></body></html>")


def test_html_keeps_visible_text_and_chunks_like_the_text_version(write_corpus, tmp_path):
    text = NGO_PAGE.read_text(encoding="utf-8")
    html = _as_html(text)
    assert "fake" not in html_text(html.encode()) and "About us" not in html_text(html.encode())
    as_txt = write_corpus({"page.txt": text})
    txt_chunks, _, _ = chunk_corpus(as_txt)
    html_dir = tmp_path / "html"
    html_dir.mkdir()
    (html_dir / "page.html").write_text(html, encoding="utf-8")
    html_chunks, _, _ = chunk_corpus(html_dir)
    assert [(c.date, c.date_end) for c in html_chunks] == [(c.date, c.date_end) for c in txt_chunks]
    assert [" ".join(c.text.split()) for c in html_chunks] == [" ".join(c.text.split()) for c in txt_chunks]
    assert not any(c.date and c.date.startswith(("2030", "2031", "2032")) for c in html_chunks)


def test_html_headings_become_chunk_headings(write_corpus):
    corpus = write_corpus({"r.html": "<h1>Annual report</h1><h2>Cocoa</h2><p>In May 2019 we met farmers.</p>"
                                     "<h2>Schools</h2><ul><li>Opened a school in 2020.</li></ul>"})
    chunks, _, _ = chunk_corpus(corpus)
    assert [(c.heading, c.text, c.date) for c in chunks] == [
        ("Annual report › Cocoa", "In May 2019 we met farmers.", "2019-05"),
        ("Annual report › Schools", "Opened a school in 2020.", "2020"),
    ]


def test_pdf_pages_are_the_passages_locations(write_corpus):
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.set_font("helvetica", size=12)
    for page in ["Annual report 2019\n\nIn March 2019 we met cocoa farmers in Ghana.",
                 "In November 2020 we submitted a petition to the ministry."]:
        pdf.add_page()
        pdf.multi_cell(0, 10, page)
    corpus = write_corpus({"report.pdf": bytes(pdf.output())})
    chunks, _, _ = chunk_corpus(corpus)
    found = {(c.unit, c.line, c.date) for c in chunks}
    assert ("page", 1, "2019-03") in found and ("page", 2, "2020-11") in found
    assert all(c.unit == "page" for c in chunks)
