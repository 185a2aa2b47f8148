"""Conversation and honesty figures, dev and test halves side by side (issue: an assistant you can trust).

    python bench/trust.py [--half dev|test|both] [--timeqa]

Builds (or reuses) an index per corpus under $TMPDIR/qa-trust, then runs `qa eval`'s scoring on
eval/followups-{en,timeqa,ja}-HALF*.jsonl (follow-ups in context, asked alone, spelled out by a
person; dev has a second set, dev2) and eval/honest-HALF.jsonl (declined, found, period), and the
single-question sets.
Tune on dev; report test once per change.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEQA = ROOT.parent / "shared" / "benchmarks" / "timeqa"
WORK = Path(os.environ.get("TMPDIR", tempfile.gettempdir())) / "qa-trust"
CORPORA = {"ngo": ROOT / "corpus", "ja": ROOT / "eval" / "corpus-ja", "timeqa": TIMEQA / "corpus"}
SETS = [("followups-en", "ngo"), ("followups-timeqa", "timeqa"), ("followups-ja", "ja"), ("honest", "ngo"), ("honest-ja", "ja")]


def qa_eval(corpus: str, queries: Path, *extra: str) -> dict:
    index = WORK / corpus
    out = subprocess.run([sys.executable, "-m", "qa.cli", "eval", "--corpus", str(CORPORA[corpus]), "--index",
                          str(index), "--queries", str(queries), "--json", *extra],
                         capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(out.stdout)


def row(name: str, m: dict) -> str:
    cells = [f"{m.get(c, float('nan')):.3f}" if c in m else "  -  " for c in ("hit@1", "hit@5", "date@1")]
    extra = " ".join(f"{c} {m[c]:.3f}" for c in ("declined", "found", "period") if c in m)
    return f"  {name:<38}{m.get('queries', 0):>4}  " + "  ".join(cells) + (f"  {extra}" if extra else "")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("dev", "test", "both"), default="dev")
    ap.add_argument("--timeqa", action="store_true", help="also the 989 TimeQA questions (text only)")
    args = ap.parse_args()
    halves = ("dev", "test") if args.half == "both" else (args.half,)
    WORK.mkdir(parents=True, exist_ok=True)
    print(f"  {'set':<38}{'n':>4}  hit@1  hit@5  date@1")
    for half in halves:
        for name, corpus, path in [(p.stem, c, p) for n, c in SETS
                                   for p in sorted((ROOT / "eval").glob(f"{n}-{half}*.jsonl"))]:
            m = qa_eval(corpus, path)["metrics"]
            if "followups" in m:
                print(row(f"{name} in context", m["followups"]))
                print(row(f"{name} alone", m["followups_alone"]))
                if "followups_spelled" in m:
                    print(row(f"{name} spelled out", m["followups_spelled"]))
            else:
                print(row(name, m))
    print(row("queries (NGO)", qa_eval("ngo", ROOT / "eval" / "queries.jsonl")["metrics"]))
    print(row("queries-ja", qa_eval("ja", ROOT / "eval" / "queries-ja.jsonl")["metrics"]))
    if args.timeqa:
        print(row("TimeQA text only", qa_eval("timeqa", TIMEQA / "queries.jsonl", "--text-only")["metrics"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
