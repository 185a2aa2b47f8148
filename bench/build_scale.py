"""A build at archive scale: a corpus of about N passages, built by `qa build --json`, with its
stage table (read, chunk+date, keywords, embed, vectors, write), passages a second and peak memory.

    python bench/build_scale.py --passages 50000 [--device cpu|cuda] [--source FOLDER] [--model M] [--stand-in]

The corpus is made from --source (default: the TimeQA corpus, about 10,400 passages) copied as
often as needed, each copy's lines made distinct (" [copy k]" after each paragraph), so that
nothing is reused; it is kept under $TMPDIR/qa-scale/N and built into a fresh index each run.
Peak memory is the build process's largest resident size (and its parser worker's, which is
smaller). Run it on two commits in one sitting to compare them: the machine's speed drifts.

--stand-in times everything but embedding: the build runs in this process with the model's tokenizer,
and each passage gets the real vector of the source paragraph it was copied from (embedded once and
kept beside the corpus) plus a little noise, so that the vector graph is built on vectors spread like
real ones (random ones make it about five times slower).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEQA = ROOT.parent / "shared" / "benchmarks" / "timeqa" / "corpus"
PER_COPY = 10_387  # passages the TimeQA corpus makes


def make_corpus(source: Path, passages: int, where: Path) -> Path:
    """`where`, holding enough distinct copies of `source` for about `passages` passages."""
    copies = max(1, round(passages / PER_COPY)) if source == TIMEQA else max(1, passages // PER_COPY)
    done = where / f".made-{copies}"
    if done.exists():
        return where
    shutil.rmtree(where, ignore_errors=True)
    files = sorted(p for p in source.rglob("*") if p.is_file())
    for k in range(copies):
        for path in files:
            target = where / f"copy{k}" / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            text = path.read_text(encoding="utf-8", errors="replace")
            target.write_text(text if k == 0 else text.replace("\n\n", f" [copy {k}]\n\n"), encoding="utf-8")
    done.write_text("")
    return where


def stand_in(embedder, source: Path, work: Path):
    """`embedder` with an `encode` that costs nothing: each text gets the real vector of the source
    paragraph it was copied from (by its text without " [copy k]", else by its first 60 characters, else
    one picked by a hash of its text), plus noise of a fifth of its length."""
    import pickle
    import re
    import zlib

    import numpy as np

    from qa.building import chunk_corpus

    cache = work / f"vectors-{zlib.crc32(str(source).encode())}-{embedder.name.replace('/', '_')}.pkl"
    if not cache.exists():
        chunks, _, _ = chunk_corpus(source, embedder)
        texts = sorted({c.context_text() for c in chunks})
        cache.write_bytes(pickle.dumps(dict(zip(texts, embedder.encode(texts), strict=True))))
    known = pickle.loads(cache.read_bytes())
    prefix, pool, copy = {t[:60]: v for t, v in known.items()}, list(known.values()), re.compile(r" \[copy \d+\]")

    def encode(texts, progress=None):
        rng = np.random.default_rng(0)
        vectors = rng.standard_normal((len(texts), embedder.dim), dtype=np.float32) * (0.2 / np.sqrt(embedder.dim))
        for i, text in enumerate(texts):
            clean = copy.sub("", text)
            base = known.get(clean)
            base = prefix.get(clean[:60]) if base is None else base
            vectors[i] += pool[zlib.crc32(clean.encode()) % len(pool)] if base is None else base
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        if progress:
            progress(len(texts))
        return vectors

    embedder.encode = encode
    return embedder


def build_in_process(corpus: Path, index: Path, source: Path, work: Path, model: str | None) -> tuple[dict, float]:
    """A build of `corpus` here with the stand-in embedder: its report as `qa build --json` gives it, and
    this process's peak RSS in GB."""
    from qa.building import build
    from qa.embedding import load_embedder

    embedder = stand_in(load_embedder(model), source, work)
    report = build(corpus, index, embedder)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6
    return {"chunks": report.chunks, "files": report.files, "seconds": report.seconds, "stages": report.stages,
            "embed_per_second": None}, peak


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--passages", type=int, default=50_000, help="about how many passages (default 50,000)")
    ap.add_argument("--device", choices=("cpu", "cuda", "auto"), default="cpu")
    ap.add_argument("--source", type=Path, default=TIMEQA, help="the folder copied (default: the TimeQA corpus)")
    ap.add_argument("--model", help="passed to qa build --model")
    ap.add_argument("--stand-in", action="store_true", help="time all but embedding (see above)")
    args = ap.parse_args()
    work = Path(os.environ.get("TMPDIR", tempfile.gettempdir())) / "qa-scale"
    corpus = make_corpus(args.source, args.passages, work / f"corpus-{args.passages}")
    index = work / f"index-{args.passages}-{os.getpid()}"
    command = [sys.executable, "-m", "qa.cli", "build", "--corpus", str(corpus), "--index", str(index), "--json",
               "--device", args.device] + (["--model", args.model] if args.model else [])
    t0 = time.perf_counter()
    if args.stand_in:
        sys.path.insert(0, str(ROOT))
        report, peak = build_in_process(corpus, index, args.source, work, args.model)
        wall = time.perf_counter() - t0
        shutil.rmtree(index, ignore_errors=True)
    else:
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
        wall = time.perf_counter() - t0
        shutil.rmtree(index, ignore_errors=True)
        if done.returncode:
            raise SystemExit(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "qa build failed")
        report = json.loads(done.stdout)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1e6  # KB -> GB
    stages = report["stages"]
    rest = sum(v for k, v in stages.items() if k != "embed")
    print(f"{report['chunks']} passages from {report['files']} files on {args.device}, {os.cpu_count()} cores:"
          f" {report['seconds']:.1f} s by the report, {wall:.1f} s wall,"
          f" {report['chunks'] / report['seconds']:.0f} passages/s end to end; peak RSS {peak:.2f} GB")
    for name, seconds in stages.items():
        print(f"  {name:<11}{seconds:8.2f} s")
    rate = "a stand-in" if args.stand_in else f"{report['embed_per_second'] or 0:.0f} passages/s"
    print(f"  {'not embed':<11}{rest:8.2f} s   embedder {rate}")


if __name__ == "__main__":
    main()
