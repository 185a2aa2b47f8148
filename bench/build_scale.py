"""A build at archive scale: a corpus of about N passages, built by `qa build --json`, with its
stage table (read, chunk+date, keywords, embed, vectors, write), passages a second and peak memory.

    python bench/build_scale.py --passages 50000 [--device cpu|cuda] [--source FOLDER] [--model M]

The corpus is made from --source (default: the TimeQA corpus, about 10,400 passages) copied as
often as needed, each copy's lines made distinct (" [copy k]" after each paragraph), so that
nothing is reused; it is kept under $TMPDIR/qa-scale/N and built into a fresh index each run.
Peak memory is the build process's largest resident size (and its parser worker's, which is
smaller). Run it on two commits in one sitting to compare them: the machine's speed drifts.
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--passages", type=int, default=50_000, help="about how many passages (default 50,000)")
    ap.add_argument("--device", choices=("cpu", "cuda", "auto"), default="cpu")
    ap.add_argument("--source", type=Path, default=TIMEQA, help="the folder copied (default: the TimeQA corpus)")
    ap.add_argument("--model", help="passed to qa build --model")
    args = ap.parse_args()
    work = Path(os.environ.get("TMPDIR", tempfile.gettempdir())) / "qa-scale"
    corpus = make_corpus(args.source, args.passages, work / f"corpus-{args.passages}")
    index = work / f"index-{args.passages}-{os.getpid()}"
    command = [sys.executable, "-m", "qa.cli", "build", "--corpus", str(corpus), "--index", str(index), "--json",
               "--device", args.device] + (["--model", args.model] if args.model else [])
    t0 = time.perf_counter()
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
    print(f"  {'not embed':<11}{rest:8.2f} s   embedder {report['embed_per_second'] or 0:.0f} passages/s")


if __name__ == "__main__":
    main()
