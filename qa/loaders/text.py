"""Plain text and Markdown: UTF-8, else UTF-16 with a byte-order mark, else clean Windows-1252."""

from __future__ import annotations

from . import Document

SUFFIXES = (".txt", ".md")


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


def read(data: bytes, rel: str, source: str) -> Document:
    text = decode_text(data)
    if not text.strip():
        raise ValueError("no text (only whitespace)")
    return Document(rel, source, text, rel.lower().endswith(".md"))
