"""Reads the corpus folder: every `.txt`, `.md`, `.html`/`.htm` and `.pdf` file below it.

- Text and Markdown are read as UTF-8; a file that is not UTF-8 is read as UTF-16 when it
  starts with a byte-order mark, or as Windows-1252 when that gives clean text, else skipped.
- HTML keeps its visible text and heading structure (headings become Markdown `#` lines);
  scripts, styles, navigation, headers, footers and forms are dropped (Beautiful Soup).
- PDF gives the text of each page (pypdf); a passage's location is its page.
Bad files are skipped with a reason and never stop a build: empty, over the size limit,
binary, undecodable, unreadable PDF or HTML, symlinks leading outside the corpus folder,
symlink loops, FIFOs and other non-regular files. Folders reached through a symlink are not
followed. Left out: files hidden by a leading dot, Office documents, OCR of scanned PDFs.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CorpusError

SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")
MAX_FILE_MB = 20.0  # default size limit; `qa build --max-file-mb` changes it
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


def _candidates(folder: Path) -> tuple[list[tuple[Path, str]], list[tuple[str, str]]]:
    """Every non-hidden file with a known suffix as (path, relative path), sorted, and the
    symlinked folders met, which are not followed, as (relative path, reason)."""
    found, links = [], []
    for root, dirs, files in os.walk(folder):  # followlinks=False
        for d in dirs:
            if not d.startswith(".") and Path(root, d).is_symlink():
                links.append((Path(root, d).relative_to(folder).as_posix(), "symlinked folder (not followed)"))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not Path(root, d).is_symlink())
        for name in files:
            if not name.startswith(".") and name.lower().endswith(SUFFIXES):
                path = Path(root, name)
                found.append((path, path.relative_to(folder).as_posix()))
    return sorted(found, key=lambda x: x[1]), links


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
    for path, rel in candidates:
        why = _refusal(path, folder, int(max_mb * 1e6))
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


def html_text(data: bytes) -> str:
    """The visible text of an HTML page as Markdown-like lines: `#` headings, one block a paragraph."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(data, "html.parser")
    for tag in soup(_DROPPED_TAGS):
        tag.decompose()
    for tag in soup.find_all(attrs={"hidden": True}):
        tag.decompose()
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    if soup.head:
        soup.head.decompose()
    out: list[str] = []
    for tag in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "br", *_BLOCK_TAGS]):
        if tag.name == "br":
            tag.replace_with("\n")
    for tag in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6", *_BLOCK_TAGS]):
        if tag.name.startswith("h") and len(tag.name) == 2:
            tag.insert_before(f"\n\n{'#' * int(tag.name[1])} ")
            tag.insert_after("\n\n")
        else:
            tag.insert_before("\n\n")
            tag.insert_after("\n\n")
    for block in soup.get_text().split("\n\n"):
        lines = [" ".join(line.split()) for line in block.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text and text.strip("# "):
            out.append(text)
    if title and not (out and out[0].lstrip("# ") == title):
        out.insert(0, f"# {title}")
    return "\n\n".join(out)


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page of a PDF."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return [page.extract_text() or "" for page in reader.pages]


def read_document(data: bytes, rel: str, source: str) -> Document:
    """One document from its bytes, by its suffix; ValueError saying why it can't be read."""
    suffix = rel.rsplit(".", 1)[-1].lower()
    if suffix == "pdf":
        try:
            pages = pdf_pages(data)
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
            return Document(rel, source, html_text(data), True)
        except Exception as e:  # html.parser is lenient; anything else is a broken file
            raise ValueError(f"unreadable HTML ({type(e).__name__})") from None
    text = decode_text(data)
    if not text.strip():
        raise ValueError("no text (only whitespace)")
    return Document(rel, source, text, suffix == "md")


def load_corpus(folder: Path, max_mb: float = MAX_FILE_MB) -> Corpus:
    """Every readable document below `folder`; raises CorpusError when there is none."""
    corpus = Corpus(folder)
    files, corpus.skipped = corpus_files(folder, max_mb)
    for path, rel in files:
        try:
            data = path.read_bytes()
        except OSError as e:
            corpus.skipped.append((rel, e.strerror or str(e)))
            continue
        corpus.hashes[rel] = file_hash(data)
        try:
            corpus.documents.append(read_document(data, rel, (folder / rel).as_posix()))
        except ValueError as e:
            corpus.skipped.append((rel, str(e)))
    corpus.skipped.sort()
    if not corpus.documents:
        why = f" ({len(corpus.skipped)} skipped)" if corpus.skipped else ""
        raise CorpusError(f"corpus folder {folder}/ has no readable .txt, .md, .html or .pdf files{why}")
    return corpus
