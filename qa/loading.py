"""Reads the corpus folder: every `.txt` and `.md` file below it, as UTF-8.

A file that cannot be read (not UTF-8, a permission error) is skipped and reported, never
fatal. Left out: other formats (HTML, PDF), and files hidden by a leading dot.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CorpusError

SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class Document:
    path: str  # relative to the corpus folder, with forward slashes
    source: str  # how passages name it: the corpus folder as given, joined with `path`
    text: str


@dataclass
class Corpus:
    folder: Path
    documents: list[Document] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    hashes: dict[str, str] = field(default_factory=dict)  # path -> sha256, for every file read


def corpus_files(folder: Path) -> list[Path]:
    """The files `load_corpus` reads, sorted; raises CorpusError when the folder is missing."""
    if not folder.is_dir():
        raise CorpusError(f"corpus folder {folder}/ does not exist: create it and put .txt or .md files in it")
    return sorted(
        p for p in folder.rglob("*")
        if p.suffix.lower() in SUFFIXES and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_corpus(folder: Path) -> Corpus:
    """Every readable document below `folder`; raises CorpusError when there is none."""
    corpus = Corpus(folder)
    for path in corpus_files(folder):
        rel = path.relative_to(folder).as_posix()
        try:
            data = path.read_bytes()
            corpus.hashes[rel] = file_hash(data)
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            corpus.skipped.append((rel, f"not UTF-8 text (byte {e.start})"))
            continue
        except OSError as e:
            corpus.skipped.append((rel, e.strerror or str(e)))
            continue
        if "\x00" in text:
            corpus.skipped.append((rel, "binary file"))
            continue
        corpus.documents.append(Document(rel, (folder / rel).as_posix(), text))
    if not corpus.documents:
        why = f" ({len(corpus.skipped)} unreadable)" if corpus.skipped else ""
        raise CorpusError(f"corpus folder {folder}/ has no readable .txt or .md files{why}")
    return corpus
