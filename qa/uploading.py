"""Adding documents to the corpus folder and removing them, for the page: nothing a user does
there deletes data.

- A file is taken only if it is of a known kind and its content is that kind (a "report.docx"
  that is not a Word file is refused), within the size limit, under a name made safe: no path
  parts, no hidden files, no characters that can't be shown.
- It is saved atomically (written beside, then linked into place), never over another file: a
  second "report.docx" becomes "report (2).docx", and the reply says so. Two uploads of the same
  name at once get two names.
- Removing a document moves it to `.trash/` inside the corpus folder, with the time it was
  removed in its name; builds ignore the folder (it is hidden).
Left out: editing documents in place, restoring from the trash (move the file back by hand).
"""

from __future__ import annotations

import io
import os
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .errors import QAError
from .loaders import PARSED, SUFFIXES
from .loaders.text import decode_text
from .loading import ParserWorker, display_name

TRASH = ".trash"
_ZIPPED = {".docx": "word/document.xml", ".pptx": "ppt/presentation.xml", ".xlsx": "xl/workbook.xml",
           ".odt": "content.xml"}


@dataclass(frozen=True)
class Added:
    name: str  # as saved in the corpus folder
    asked: str  # the name it came with
    renamed: bool


def safe_name(name: str) -> str:
    """A file name as it may be saved: its last path part, shown characters only; QAError when
    nothing usable is left or it is hidden.

    >>> safe_name("../../etc/report.txt"), safe_name("C:\\\\Users\\\\x\\\\notes.md")
    ('report.txt', 'notes.md')
    """
    base = display_name(name.replace("\\", "/").rsplit("/", 1)[-1]).strip()
    if not base or base in (".", ".."):
        raise QAError(f"{name!r} is not a file name")
    if base.startswith("."):
        raise QAError(f"{base} is a hidden file's name: rename it without the leading dot")
    return base


def check_content(name: str, data: bytes, max_mb: float) -> None:
    """QAError unless `data` is a document of the kind its name says, within the size limit."""
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in SUFFIXES:
        raise QAError(f"{name}: {suffix or 'no'} type is not one the documents can be ({', '.join(SUFFIXES)})")
    if len(data) > max_mb * 1e6:
        raise QAError(f"{name}: {len(data) / 1e6:.1f} MB, over the {max_mb:g} MB limit")
    if not data:
        raise QAError(f"{name}: the file is empty")
    if suffix in _ZIPPED:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                if _ZIPPED[suffix] not in z.namelist():
                    raise QAError(f"{name}: not a {suffix} file inside (it lacks {_ZIPPED[suffix]})")
        except zipfile.BadZipFile:
            raise QAError(f"{name}: not a {suffix} file inside") from None
    elif suffix == ".pdf" and not data.lstrip()[:5] == b"%PDF-":
        raise QAError(f"{name}: not a PDF inside")
    elif suffix in (".txt", ".md", ".html", ".htm", ".eml"):
        try:
            decode_text(data)
        except ValueError as e:
            raise QAError(f"{name}: not text inside ({e})") from None
    if suffix in PARSED:  # opened the way a build will: in the parser's own bounded process
        worker = ParserWorker()
        try:
            worker.read(data, name, name)
        except ValueError as e:
            raise QAError(f"{name}: not a readable {suffix} file ({e})") from None
        finally:
            worker.close()


def save(folder: Path, name: str, data: bytes, max_mb: float) -> Added:
    """Saves an upload into `folder` under a safe name that no file has yet; QAError if it is refused."""
    base = safe_name(name)
    check_content(base, data, max_mb)
    folder.mkdir(parents=True, exist_ok=True)
    stem, dot, suffix = base.rpartition(".")
    tmp = folder / f".upload-{os.getpid()}-{time.time_ns()}"
    with open(tmp, "xb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    try:
        for n in range(1, 1000):
            final = base if n == 1 else f"{stem} ({n}){dot}{suffix}"
            try:
                os.link(tmp, folder / final)  # fails if the name is taken: never overwrites
                return Added(final, base, n > 1)
            except FileExistsError:
                continue
        raise QAError(f"{base}: too many files of that name already")
    finally:
        tmp.unlink(missing_ok=True)


def remove(folder: Path, rel: str, known: set[str]) -> str:
    """Moves the document `rel` (one of `known`, the index's files) into the trash; returns where."""
    if rel not in known:
        raise QAError(f"{rel!r} is not one of the documents")
    path = (folder / rel).resolve()
    if not path.is_relative_to(folder.resolve()) or not path.is_file():
        raise QAError(f"{rel} is not a file in the documents folder")
    trash = folder / TRASH
    trash.mkdir(exist_ok=True)
    stamp = time.strftime('%Y%m%d-%H%M%S', time.gmtime())
    # A name no other removal can take: a new empty file claimed with O_EXCL (two removals in the
    # same second of "a/b.txt" and "a_b.txt" flatten alike), then the document renamed over it;
    # the original path is written beside it, so any removal can be undone by hand.
    for n in range(1, 10_000):
        target = trash / f"{stamp}-{n:04d}-{rel.replace('/', '_')}"
        try:
            os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:
            continue
        break
    else:
        raise QAError(f"the trash already holds 9,999 removals of {rel} from this second; try again")
    os.rename(path, target)
    (trash / f"{target.name}.from").write_text(rel + "\n", encoding="utf-8")
    return f"{TRASH}/{target.name}"
