"""Shared fixtures: the real model and a real index of the NGO page, built once per run, a headless
browser and a page over the Japanese record for the browser tests,
and a tiny deterministic embedder for tests that don't care about meaning."""

from __future__ import annotations

import hashlib
import os
import re
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
NGO_PAGE = ROOT / "corpus" / "ace-advocacy-record.txt"


class FakeEmbedder:
    """Bag of hashed words, L2-normalised: texts sharing words are near, others far (an Embedder)."""

    name = "fake-bag-of-words"
    dim = 64

    def count_tokens(self, text: str) -> int:
        return len(text.split())

    def encode(self, texts, progress=None):
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                out[row, int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dim] += 1.0
            norm = np.linalg.norm(out[row])
            out[row] /= norm if norm else 1.0
        if progress:
            progress(len(texts))
        return out


@pytest.fixture
def fake_embedder():
    return FakeEmbedder()


@pytest.fixture(scope="session")
def embedder():
    from qa.embedding import load_embedder

    return load_embedder()


@pytest.fixture(scope="session")
def ngo_index(tmp_path_factory, embedder):
    """A real index of the NGO page, built with the real model."""
    from qa.building import build
    from qa.indexing import load_index

    corpus = tmp_path_factory.mktemp("ngo") / "corpus"
    corpus.mkdir()
    (corpus / NGO_PAGE.name).write_bytes(NGO_PAGE.read_bytes())
    index = corpus.parent / "index"
    build(corpus, index, embedder)
    return load_index(index)


@pytest.fixture(scope="session")
def ja_index(tmp_path_factory, embedder):
    """A real index of the Japanese activity record (eval/corpus-ja)."""
    from qa.building import build
    from qa.indexing import load_index

    corpus = tmp_path_factory.mktemp("ja") / "corpus"
    corpus.mkdir()
    for f in (ROOT / "eval" / "corpus-ja").iterdir():
        (corpus / f.name).write_bytes(f.read_bytes())
    index = corpus.parent / "index"
    build(corpus, index, embedder)
    return load_index(index)


@pytest.fixture
def write_corpus(tmp_path):
    """Writes {relative path: text} under tmp_path/corpus and returns the folder."""

    def write(files: dict[str, str | bytes]) -> Path:
        root = tmp_path / "corpus"
        for rel, content in files.items():
            p = root / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                p.write_bytes(content)
            else:
                p.write_text(content, encoding="utf-8")
        root.mkdir(exist_ok=True)
        return root

    return write


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_app(work: Path, files: dict[str, str], *args: str, env: dict | None = None):
    """`python app.py ARGS` serving `files` as corpus/ in `work`, on a free port; yields its URL.
    The process's id is in `work`/app.pid."""
    (work / "corpus").mkdir(parents=True, exist_ok=True)
    for rel, text in files.items():
        (work / "corpus" / rel).write_text(text, encoding="utf-8")
    port = free_port()
    env = {**os.environ, "GRADIO_SERVER_PORT": str(port), "PYTHONPATH": str(ROOT), **(env or {})}
    log = open(work / "app.log", "w")
    proc = subprocess.Popen([sys.executable, str(ROOT / "app.py"), *args], cwd=work, env=env, stdout=log, stderr=log)
    (work / "app.pid").write_text(str(proc.pid))
    try:
        deadline = time.time() + 180
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"app.py exited: {(work / 'app.log').read_text()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.time() > deadline:
                    raise RuntimeError(f"app.py did not listen in time: {(work / 'app.log').read_text()}") from None
                time.sleep(0.5)
        yield f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


# The browser tests drive Debian's chromium (Playwright is told its path; it downloads no browser).
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} missing: apt-get install chromium (.ci/run does)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def site_ja(tmp_path_factory):
    work = tmp_path_factory.mktemp("page-ja")
    files = {f.name: f.read_text(encoding="utf-8") for f in (ROOT / "eval" / "corpus-ja").iterdir()}
    with running_app(work, files) as url:
        yield url, work
