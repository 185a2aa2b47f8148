"""PDF: the text of each page (pypdf), a page the page tree lists again read once; a passage's
location is its page."""

from __future__ import annotations

import io

from . import Document, joined

SUFFIXES = (".pdf",)
THIRD_PARTY = True
MAX_PDF_PAGES = 5000


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


def read(data: bytes, rel: str, source: str) -> Document:
    try:
        pages = pdf_pages(data)
    except ValueError as e:
        if str(e).startswith("over "):
            raise
        raise ValueError(f"unreadable PDF ({type(e).__name__})") from None
    except Exception as e:  # pypdf raises many kinds on a damaged file
        raise ValueError(f"unreadable PDF ({type(e).__name__})") from None
    text, locations = joined([("page", n, page.replace("\x00", "")) for n, page in enumerate(pages, 1)])
    if not text.strip():
        raise ValueError("PDF without text (scanned pages?)")
    return Document(rel, source, text, False, locations)
