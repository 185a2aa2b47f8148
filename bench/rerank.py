"""Fits the follow-up re-ordering model (qa/reranking.py) on dev conversations; prints held-out figures.

    python bench/rerank.py [--write]

Asks every conversation of eval/followups-{en,timeqa,ja}-dev*.jsonl as `qa eval` does, with the
model off, and keeps the features of each follow-up's first passages and which of them a person
marked as answering. A linear score is fitted by softmax over each turn's passages (scipy's
L-BFGS, a small L2 penalty). Held out: the sets are split in five folds (a set's turns never in
both halves); for each fold, the fit on the other four re-orders its turns as the product does
(reranking.moves: only past MARGIN), and the hit@1 gained and lost is counted. This counts each turn as asked after the model-off answers before it, so a
turn that a changed answer would lead elsewhere is not seen: `qa eval` gives the real figure.
--write prints the WEIGHTS line for qa/reranking.py, fitted on every dev set.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import trust  # noqa: E402

from qa import reranking  # noqa: E402
from qa.conversing import Conversation  # noqa: E402
from qa.evaluating import Dialogue, first_relevant, load_queries, shown  # noqa: E402
from qa.workspace import Workspace  # noqa: E402

SETS = (("followups-en", "ngo"), ("followups-timeqa", "timeqa"), ("followups-ja", "ja"))
PENALTY = 1.0
FOLDS = 5


def turns(half: str = "dev") -> list[tuple[str, np.ndarray, np.ndarray]]:
    """(set name, feature rows, which rows answer) for each follow-up turn whose first passages hold an answer."""
    out, reranking.WEIGHTS = [], None  # the features of the order the model is fitted to change
    for prefix, corpus in SETS:
        ws = Workspace.choose(str(trust.WORK / corpus), str(trust.CORPORA[corpus]), None)
        index, embedder = ws.open(), ws.embedder
        for path in sorted((ROOT / "eval").glob(f"{prefix}-{half}*.jsonl")):
            for item in load_queries(path):
                if not isinstance(item, Dialogue):
                    continue
                conversation = Conversation(shows=5)
                for n, turn in enumerate(item.turns):
                    reranking.RECORD = []
                    answer, _ = conversation.ask(index, embedder, turn.q, 40)
                    record, reranking.RECORD = reranking.RECORD, None
                    if not n or not record or not answer.hits:
                        continue  # a first turn, or one read as a new topic: nothing re-ordered
                    # the last ordering of the passages shown (a turn may search twice)
                    first, rows = next(((f, r) for f, r in reversed(record) if f[0] == answer.hits[0].number), record[-1])
                    shown_as = {h.number: shown(h) for h in answer.hits}
                    good = np.array([i in shown_as and first_relevant([shown_as[i]], turn.gold) is not None for i in first])
                    if good.any():
                        out.append((path.stem, rows, good))
    return out


def fit(data: list[tuple[str, np.ndarray, np.ndarray]]) -> np.ndarray:
    width = data[0][1].shape[1]

    def loss(w):
        total, grad = PENALTY * w @ w / 2, PENALTY * w
        for _, rows, good in data:
            s = rows @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            target = good / good.sum()
            total -= float(target @ np.log(p + 1e-12))
            grad = grad + rows.T @ (p - target)
        return total, grad

    start = np.zeros(width)
    start[0] = 1.0
    return minimize(loss, start, jac=True, method="L-BFGS-B").x


def first(rows: np.ndarray, w) -> int:
    """Which of the rows the product shows first with weights `w`."""
    return int(np.argmax(reranking.scores(rows, w))) if reranking.moves(rows, w) else 0


def first_right(data, w) -> int:
    return sum(bool(good[first(rows, w)]) for _, rows, good in data)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    data = turns()
    names = sorted({name for name, _, _ in data})
    baseline = np.zeros(data[0][1].shape[1])
    baseline[0] = 1.0
    print(f"{len(data)} follow-up turns with an answer among the first {reranking.FIRST}, {len(names)} sets")
    gained = lost = 0
    for fold in range(FOLDS):
        held = {name for n, name in enumerate(names) if n % FOLDS == fold}
        w = fit([d for d in data if d[0] not in held])
        for _, rows, good in (d for d in data if d[0] in held):
            was, now = bool(good[0]), bool(good[first(rows, w)])
            gained += now and not was
            lost += was and not now
    print(f"held out ({FOLDS} folds by set): right first {first_right(data, baseline)} before, {gained} turns"
          f" gained, {lost} lost")
    w = fit(data)
    print(f"fitted on all: right first {first_right(data, w)} of {len(data)}")
    for name, x in zip(reranking.FEATURES, w, strict=True):
        print(f"  {name:<20}{x:+.3f}")
    if args.write:
        print("WEIGHTS = (" + ", ".join(f"{x:.3f}" for x in w) + ")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
