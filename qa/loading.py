"""Reads the corpus folder: every file below it is either read into a Document or listed as
skipped with its reason; nothing is left out in silence.

- Each kind of document has its reader in `qa/loaders/` (text, Markdown, HTML, PDF, Word,
  PowerPoint, Excel, OpenDocument text, e-mail); a file of any other type is skipped as
  "unsupported type".
- Readers that run a third-party parser (everything but plain text) run in a separate
  process (`ParserWorker`), killed when a file takes longer than PARSE_SECONDS or more than
  PARSE_MEMORY_MB.
- Any file name is taken: bytes that are not UTF-8 and characters that can't be shown are
  escaped (`display_name`), and that form is how passages name the file.
Bad files are skipped with a reason and never stop a build: unsupported, empty, over the size
limit, binary, undecodable, damaged, too slow or too large to parse, symlinks leading outside
the corpus folder, symlink loops, FIFOs and other non-regular files, unreadable folders. Each is
checked when the file is listed and again as it is opened (`read_file`): a file swapped for a
link, a FIFO or a bigger file between the two is refused, not read.
Folders reached through a symlink are not followed.
Left out: files and folders hidden by a leading dot (the page's trash is one), OCR.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import select
import stat
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CorpusError
from .loaders import PARSED, SUFFIXES, Document, read_document

MAX_FILE_MB = 20.0  # default size limit; `qa build --max-file-mb` changes it
PARSE_SECONDS = 10.0  # a file a third-party parser reads that takes longer is skipped
PARSE_MEMORY_MB = 1024  # address space of the process that reads them
_PACKAGE_ROOT = str(Path(__file__).resolve().parent.parent)  # so the worker imports this qa


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
            if not name.startswith("."):
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


def read_file(path: Path, folder: Path, max_bytes: int) -> bytes:
    """The bytes of the corpus file `path`, checked as opened, not as listed: opened step by step from
    `folder` without following a link at any step (after its own links inside the corpus are resolved
    now; a folder swapped for a link mid-build can't lead outside), without blocking (a FIFO swapped in
    can't hang the build), must be a regular file, and is read no further than `max_bytes` (a file grown
    since it was listed is not read whole). OSError (with the reason as its strerror) when it is refused."""
    base = folder.resolve()
    target = path.resolve(strict=True)
    if not target.is_relative_to(base):
        raise OSError(0, "symlink to a file outside the corpus folder")
    try:
        fd = _open_beneath(base, target.relative_to(base).parts)
    except OSError as e:
        if e.errno in (errno.ELOOP, errno.ENOTDIR):  # a step became a link (or a file) since it was resolved
            raise OSError(e.errno, "changed into a symlink while being read") from None
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(0, "not a regular file (FIFO, socket or device)")
        os.set_blocking(fd, True)
        parts, size = [], 0
        while chunk := os.read(fd, min(1 << 20, max_bytes + 1 - size)):
            parts.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                raise OSError(0, f"over the {max_bytes / 1e6:g} MB limit (it grew while being read)")
        return b"".join(parts)
    finally:
        os.close(fd)


def _open_beneath(base: Path, parts: tuple[str, ...]) -> int:
    """A descriptor of the file `parts` below the folder `base`, each folder opened from the one before it and
    none through a link (O_NOFOLLOW at every step, as openat2's RESOLVE_NO_SYMLINKS would)."""
    cloexec = getattr(os, "O_CLOEXEC", 0)
    fd = os.open(base, os.O_RDONLY | os.O_DIRECTORY | cloexec)
    try:
        for part in parts[:-1]:
            step = os.open(part, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | cloexec, dir_fd=fd)
            os.close(fd)
            fd = step
        return os.open(parts[-1], os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | cloexec, dir_fd=fd)
    finally:
        os.close(fd)


def corpus_files(folder: Path, max_mb: float = MAX_FILE_MB) -> tuple[list[tuple[Path, str]], list[tuple[str, str]]]:
    """The files to read as (path, relative path), and the ones refused as (relative path, reason)."""
    if not folder.is_dir():
        raise CorpusError(
            f"corpus folder {folder}/ does not exist: create it and put documents in it ({', '.join(SUFFIXES)})")
    candidates, refused = _candidates(folder)
    files = []
    for n, (path, rel) in enumerate(candidates):
        suffix = "." + rel.rsplit(".", 1)[-1].lower() if "." in rel.rsplit("/", 1)[-1] else ""
        why = None if suffix in SUFFIXES else f"unsupported type {suffix or '(no suffix)'}"
        why = why or _refusal(path, folder, int(max_mb * 1e6))
        if not why and n and candidates[n - 1][1] == rel:
            why = "its name, made showable, is another file's name"
        if why:
            refused.append((rel, why))
        else:
            files.append((path, rel))
    return files, refused


def _read_reply(data: bytes, rel: str, source: str, memory_mb: int) -> dict:
    try:
        doc = read_document(data, rel, source)
        return {"ok": [doc.path, doc.source, doc.text, doc.markdown, [list(x) for x in doc.locations]]}
    except ValueError as e:
        return {"error": str(e)}
    except MemoryError:
        return {"error": f"needs over {memory_mb} MB to read"}
    except Exception as e:  # a third-party parser's own failure: the file is damaged
        return {"error": f"unreadable ({type(e).__name__})"}


def _serve(memory_mb: int) -> None:
    """The worker's loop (`python -m qa.loading MB`): a JSON header line and the file's bytes in,
    one JSON line out. A file of a kind read in this process is read here too."""
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
    """Reads the files third-party parsers read (HTML, PDF, Office, e-mail) in a separate process that is killed and replaced when a file
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
                path, src, text, markdown, locations = reply["ok"]
                return Document(path, src, text, markdown, tuple(tuple(x) for x in locations))
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


# Reasons a parser gave up on a file's content: the same bytes are not parsed again (a bomb costs once)
SETTLED = ("took over", "needs over", "unreadable")


def load_corpus(folder: Path, max_mb: float = MAX_FILE_MB, verdicts: dict[str, str] | None = None) -> Corpus:
    """Every readable document below `folder`; raises CorpusError when there is none. `verdicts`:
    why a file with that content hash was skipped before (by a reason that rests on its content alone); it
    is skipped again unread."""
    corpus = Corpus(folder)
    files, corpus.skipped = corpus_files(folder, max_mb)
    worker = ParserWorker()
    try:
        for path, rel in files:
            try:
                data = read_file(path, folder, int(max_mb * 1e6))
            except OSError as e:
                corpus.skipped.append((rel, e.strerror or str(e)))
                continue
            corpus.hashes[rel] = file_hash(data)
            if verdicts and corpus.hashes[rel] in verdicts:
                corpus.skipped.append((rel, verdicts[corpus.hashes[rel]]))
                continue
            read = worker.read if rel.lower().endswith(PARSED) else read_document
            try:
                corpus.documents.append(read(data, rel, (folder / rel).as_posix()))
            except ValueError as e:
                corpus.skipped.append((rel, str(e)))
    finally:
        worker.close()
    corpus.skipped.sort()
    if not corpus.documents:
        why = f" ({len(corpus.skipped)} skipped)" if corpus.skipped else ""
        raise CorpusError(f"corpus folder {folder}/ has no readable documents{why}")
    return corpus


if __name__ == "__main__":
    _serve(int(sys.argv[1]))
