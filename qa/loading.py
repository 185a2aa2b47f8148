"""Reads the corpus folder: every `.txt`, `.md`, `.html`/`.htm` and `.pdf` file below it.

- Text and Markdown are read as UTF-8; a file that is not UTF-8 is read as UTF-16 when it
  starts with a byte-order mark, or as Windows-1252 when that gives clean text, else skipped.
- HTML keeps its visible text and heading structure (headings become Markdown `#` lines);
  scripts, styles, navigation, headers, footers, forms and hidden elements are dropped. It is
  read in one pass over the tags (the standard library's tokenizer, no tree), so its cost
  grows with the page's size however deep the nesting or however many tags are left open.
- PDF gives the text of each page (pypdf), a page the page tree lists again read once; a
  passage's location is its page.
- HTML and PDF are read in a separate process (`ParserWorker`), killed when a file takes
  longer than PARSE_SECONDS or more than PARSE_MEMORY_MB.
- Any file name is taken: bytes that are not UTF-8 and characters that can't be shown are
  escaped (`display_name`), and that form is how passages name the file.
Bad files are skipped with a reason and never stop a build: empty, over the size limit,
binary, undecodable, unreadable PDF or HTML, too slow or too large to parse, symlinks
leading outside the corpus folder, symlink loops, FIFOs and other non-regular files,
unreadable folders. Folders reached through a symlink are not followed.
Left out: files hidden by a leading dot, Office documents, OCR of scanned PDFs.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import select
import stat
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .errors import CorpusError

SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")
MAX_FILE_MB = 20.0  # default size limit; `qa build --max-file-mb` changes it
MAX_PDF_PAGES = 5000
PARSE_SECONDS = 10.0  # an HTML or PDF file that takes longer to read is skipped
PARSE_MEMORY_MB = 1024  # address space of the process that reads them
_PARSED = (".html", ".htm", ".pdf")  # read in a ParserWorker
_PACKAGE_ROOT = str(Path(__file__).resolve().parent.parent)  # so the worker imports this qa
_VOID_TAGS = ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr")
_DROPPED_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
                 "iframe", "svg", "button", "select")
_BLOCK_TAGS = ("p", "div", "li", "dd", "dt", "td", "th", "pre", "blockquote", "section", "article", "main",
               "tr", "figcaption", "address")


@dataclass(frozen=True)
class Document:
    path: str  # relative to the corpus folder, with forward slashes
    source: str  # how passages name it: the corpus folder as given, joined with `path`
    text: str
    markdown: bool = False  # `#` lines are headings
    page_lines: tuple[int, ...] = ()  # PDF: the line of `text` each page starts on, page 1 first


@dataclass
class Corpus:
    folder: Path
    documents: list[Document] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    hashes: dict[str, str] = field(default_factory=dict)  # path -> sha256, for every file read


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_UNSHOWABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def display_name(name: str) -> str:
    r"""A file name as it can be stored, shown and embedded: bytes that are not UTF-8 as \xNN,
    control, line-breaking and text-direction characters as \uNNNN.

    >>> display_name(os.fsdecode(b"bad\xff name\n\x1b[31m.txt"))
    'bad\\xff name\\u000a\\u001b[31m.txt'
    """
    text = os.fsencode(name).decode("utf-8", "backslashreplace")
    return _UNSHOWABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _candidates(folder: Path) -> tuple[list[tuple[Path, str]], list[tuple[str, str]]]:
    """Every non-hidden file with a known suffix as (path, relative path), sorted, and the
    folders not entered, as (relative path, reason): symlinked ones and unreadable ones."""
    found, refused = [], []

    def rel(path: Path) -> str:
        return display_name(path.relative_to(folder).as_posix())

    def unreadable(e: OSError) -> None:
        refused.append((rel(Path(e.filename)), f"unreadable folder ({e.strerror})"))

    for root, dirs, files in os.walk(folder, onerror=unreadable):  # followlinks=False
        for d in dirs:
            if not d.startswith(".") and Path(root, d).is_symlink():
                refused.append((rel(Path(root, d)), "symlinked folder (not followed)"))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not Path(root, d).is_symlink())
        for name in files:
            if not name.startswith(".") and name.lower().endswith(SUFFIXES):
                path = Path(root, name)
                found.append((path, rel(path)))
    return sorted(found, key=lambda x: x[1]), refused


def _refusal(path: Path, folder: Path, max_bytes: int) -> str | None:
    """Why `path` is not read, or None when it is a regular file inside the corpus within the size limit."""
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except RuntimeError:
            return "symlink loop"
        except OSError as e:
            return "symlink loop" if e.errno == 40 else "broken symlink"
        if not target.is_relative_to(folder.resolve()):
            return "symlink to a file outside the corpus folder"
    try:
        st = path.stat()
    except OSError as e:
        return e.strerror or str(e)
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file (FIFO, socket or device)"
    if st.st_size == 0:
        return "empty file"
    if st.st_size > max_bytes:
        return f"{st.st_size / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit"
    return None


def corpus_files(folder: Path, max_mb: float = MAX_FILE_MB) -> tuple[list[tuple[Path, str]], list[tuple[str, str]]]:
    """The files to read as (path, relative path), and the ones refused as (relative path, reason)."""
    if not folder.is_dir():
        raise CorpusError(
            f"corpus folder {folder}/ does not exist: create it and put .txt, .md, .html or .pdf files in it")
    candidates, refused = _candidates(folder)
    files = []
    for n, (path, rel) in enumerate(candidates):
        why = _refusal(path, folder, int(max_mb * 1e6))
        if not why and n and candidates[n - 1][1] == rel:
            why = "its name, made showable, is another file's name"
        if why:
            refused.append((rel, why))
        else:
            files.append((path, rel))
    return files, refused


def decode_text(data: bytes) -> str:
    """Text from bytes: UTF-8, UTF-16 with a byte-order mark, or clean Windows-1252; ValueError otherwise."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
            if "\x00" not in text:
                return text
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise ValueError("binary file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        utf8_error = e
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    # Clearly Windows-1252 only if it holds no control characters besides whitespace.
    if text and all(ch.isprintable() or ch in "\t\n\r\f" for ch in text):
        return text
    raise ValueError(f"not UTF-8 text (byte {utf8_error.start})")


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


def pdf_pages(data: bytes, max_pages: int = MAX_PDF_PAGES) -> list[str]:
    """The text of each page of a PDF, a page that the page tree lists again read once."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    seen: set = set()
    pages = []
    for page in reader.pages:
        ref = page.indirect_reference
        key = (ref.idnum, ref.generation) if ref is not None else None
        if key is not None and key in seen:
            continue
        seen.add(key)
        if len(pages) == max_pages:
            raise ValueError(f"over {max_pages} pages")
        pages.append(page.extract_text() or "")
    return pages


def read_document(data: bytes, rel: str, source: str) -> Document:
    """One document from its bytes, by its suffix; ValueError saying why it can't be read.

    Runs the parsers in this process: `load_corpus` hands HTML and PDF to a `ParserWorker`.
    """
    suffix = rel.rsplit(".", 1)[-1].lower()
    if suffix == "pdf":
        try:
            pages = pdf_pages(data)
        except ValueError as e:
            if str(e).startswith("over "):
                raise
            raise ValueError(f"unreadable PDF ({type(e).__name__})") from None
        except Exception as e:  # pypdf raises many kinds on a damaged file
            raise ValueError(f"unreadable PDF ({type(e).__name__})") from None
        page_lines, parts, line = [], [], 1
        for page in pages:
            page = page.replace("\x00", "").strip()
            page_lines.append(line)
            parts.append(page)
            line += page.count("\n") + 2  # the page, then a blank line between pages
        text = "\n\n".join(parts)
        if not text.strip():
            raise ValueError("PDF without text (scanned pages?)")
        return Document(rel, source, text, False, tuple(page_lines))
    if suffix in ("html", "htm"):
        try:
            text = html_text(data)
        except Exception as e:  # html.parser is lenient; anything else is a broken file
            raise ValueError(f"unreadable HTML ({type(e).__name__})") from None
        if not text.strip():
            raise ValueError("no visible text")
        return Document(rel, source, text, True)
    text = decode_text(data)
    if not text.strip():
        raise ValueError("no text (only whitespace)")
    return Document(rel, source, text, suffix == "md")


def _read_reply(data: bytes, rel: str, source: str, memory_mb: int) -> dict:
    try:
        doc = read_document(data, rel, source)
        return {"ok": [doc.path, doc.source, doc.text, doc.markdown, list(doc.page_lines)]}
    except ValueError as e:
        return {"error": str(e)}
    except MemoryError:
        return {"error": f"needs over {memory_mb} MB to read"}
    except Exception as e:  # a third-party parser's own failure: the file is damaged
        return {"error": f"unreadable ({type(e).__name__})"}


def _serve(memory_mb: int) -> None:
    """The worker's loop (`python -m qa.loading MB`): a JSON header line and the file's bytes in,
    one JSON line out."""
    import resource
    import sys

    resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 2**20, memory_mb * 2**20))
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    stdout.write(b"ready\n")  # the clock for the first file starts after the interpreter has
    stdout.flush()
    while header := stdin.readline():
        job = json.loads(header)
        data = stdin.read(job["size"])
        reply = _read_reply(data, job["rel"], job["source"], memory_mb)
        data = None
        stdout.write(json.dumps(reply, ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n")
        stdout.flush()


class ParserWorker:
    """Reads HTML and PDF files in a separate process that is killed and replaced when a file
    takes longer than `seconds` or more memory than `memory_mb`: the robust way to bound a
    third-party parser. The process is a fresh interpreter (`python -m qa.loading`), not a
    copy of this one with its threads and model."""

    def __init__(self, seconds: float | None = None, memory_mb: int | None = None):
        self.seconds, self.memory_mb = seconds or PARSE_SECONDS, memory_mb or PARSE_MEMORY_MB
        self._proc: subprocess.Popen | None = None

    def read(self, data: bytes, rel: str, source: str) -> Document:
        if self._proc is None or self._proc.poll() is not None:
            self._proc = subprocess.Popen([sys.executable, "-m", "qa.loading", str(self.memory_mb)],
                                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                          env={**os.environ, "PYTHONPATH": os.pathsep.join(
                                              filter(None, [_PACKAGE_ROOT, os.environ.get("PYTHONPATH")]))})
            ready, _, _ = select.select([self._proc.stdout], [], [], 60)
            if not ready or self._proc.stdout.readline() != b"ready\n":
                self.close()
                raise CorpusError("the process that reads HTML and PDF files did not start")
        header = json.dumps({"rel": rel, "source": source, "size": len(data)}).encode("utf-8", "surrogatepass")
        try:
            self._proc.stdin.write(header + b"\n" + data)
            self._proc.stdin.flush()
            ready, _, _ = select.select([self._proc.stdout], [], [], self.seconds)
            line = self._proc.stdout.readline() if ready else None
        except OSError:
            line = b""
        if line:
            reply = json.loads(line)
            if "ok" in reply:
                path, src, text, markdown, pages = reply["ok"]
                return Document(path, src, text, markdown, tuple(pages))
            raise ValueError(reply["error"])
        self.close()
        if line is None:
            raise ValueError(f"took over {self.seconds:g} s to read")
        raise ValueError(f"needs over {self.memory_mb} MB to read")  # the worker died under its memory limit

    def close(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.wait()
            for pipe in (self._proc.stdin, self._proc.stdout):
                try:
                    pipe.close()
                except OSError:
                    pass
        self._proc = None


def load_corpus(folder: Path, max_mb: float = MAX_FILE_MB) -> Corpus:
    """Every readable document below `folder`; raises CorpusError when there is none."""
    corpus = Corpus(folder)
    files, corpus.skipped = corpus_files(folder, max_mb)
    worker = ParserWorker()
    try:
        for path, rel in files:
            try:
                data = path.read_bytes()
            except OSError as e:
                corpus.skipped.append((rel, e.strerror or str(e)))
                continue
            corpus.hashes[rel] = file_hash(data)
            read = worker.read if rel.lower().endswith(_PARSED) else read_document
            try:
                corpus.documents.append(read(data, rel, (folder / rel).as_posix()))
            except ValueError as e:
                corpus.skipped.append((rel, str(e)))
    finally:
        worker.close()
    corpus.skipped.sort()
    if not corpus.documents:
        why = f" ({len(corpus.skipped)} skipped)" if corpus.skipped else ""
        raise CorpusError(f"corpus folder {folder}/ has no readable .txt, .md, .html or .pdf files{why}")
    return corpus


if __name__ == "__main__":
    _serve(int(sys.argv[1]))
