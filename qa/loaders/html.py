"""HTML: the visible text, `h1`-`h6` as headings; scripts, styles, navigation, headers, footers,
forms and hidden elements dropped. Read in one pass over the tags (the standard library's
tokenizer, no tree), so its cost grows with the page's size however deep the nesting or however
many tags are left open."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from . import Document

SUFFIXES = (".html", ".htm")
THIRD_PARTY = True  # html.parser can be slow on crafted input: read in the worker
_VOID_TAGS = ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr")
_DROPPED_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
                 "iframe", "svg", "button", "select")
_BLOCK_TAGS = ("p", "div", "li", "dd", "dt", "td", "th", "pre", "blockquote", "section", "article", "main",
               "tr", "figcaption", "address")


class _VisibleText(HTMLParser):
    """Collects an HTML page's visible text as one stream, in one pass and without a tree:
    blocks end in blank lines, headings open with `#`, `<br>` ends a line; dropped and hidden
    elements are skipped by counting their own tag's nesting. Time and memory grow with the
    page's size only, however deep its nesting or however many tags are left unclosed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.title: list[str] = []
        self.skip: str | None = None  # the tag of the dropped element we are inside
        self.depth = 0  # its nesting depth
        self.in_head = self.in_title = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if self.skip:
            self.depth += tag == self.skip
            return
        if tag == "head":
            self.in_head = True
        elif tag == "body":
            self.in_head = False
        elif tag == "title":
            self.in_title = True
        if tag in _DROPPED_TAGS or any(name == "hidden" for name, _ in attrs):
            if tag not in _VOID_TAGS:
                self.skip, self.depth = tag, 1
            return
        if tag == "br":
            self.out.append("\n")
        elif len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.out.append(f"\n\n{'#' * int(tag[1])} ")
        elif tag in _BLOCK_TAGS:
            self.out.append("\n\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if not self.skip and tag == "br":
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            self.depth -= tag == self.skip
            if self.depth == 0:
                self.skip = None
            return
        if tag == "title":
            self.in_title = False
        elif tag == "head":
            self.in_head = False
        elif (len(tag) == 2 and tag[0] == "h" and tag[1] in "123456") or tag in _BLOCK_TAGS:
            self.out.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip and not self.in_head:
            self.out.append(data)


def html_text(data: bytes) -> str:
    """The visible text of an HTML page as Markdown-like lines: `#` headings, one block a paragraph."""
    parser = _VisibleText()
    parser.feed(_html_decode(data))
    parser.close()
    title = " ".join("".join(parser.title).split())
    out: list[str] = []
    for block in "".join(parser.out).split("\n\n"):
        lines = [" ".join(line.split()) for line in block.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text and text.strip("# "):
            out.append(text)
    if title and not (out and out[0].lstrip("# ") == title):
        out.insert(0, f"# {title}")
    return "\n\n".join(out)


def _html_decode(data: bytes) -> str:
    """An HTML file's text: its byte-order mark or declared charset, else UTF-8, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    declared = re.search(rb"""<meta[^>]{0,200}charset=["']?([\w-]{1,40})""", data[:4096], re.I)
    for encoding in ([declared.group(1).decode("ascii")] if declared else []) + ["utf-8-sig"]:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace")


def read(data: bytes, rel: str, source: str) -> Document:
    try:
        text = html_text(data)
    except Exception as e:  # html.parser is lenient; anything else is a broken file
        raise ValueError(f"unreadable HTML ({type(e).__name__})") from None
    if not text.strip():
        raise ValueError("no visible text")
    return Document(rel, source, text, True)
