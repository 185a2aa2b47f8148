"""Fits the decision whether anything answers (qa/deciding.py) on dev halves; prints dev and test figures.

    python bench/decline.py [--write]

Questions: the unanswerable and answerable ones of eval/honest-{dev,test}*.jsonl, and as answerable
also the first turns of eval/followups-en-{dev,test}.jsonl; eval/queries.jsonl (all written before
this fit, and tuned on before) joins dev. The features of each are what `search` measures (its
Answer.evidence); a logistic regression on dev's is fitted by Newton's method (a small L2 penalty),
the threshold kept at 0.5. --write prints the WEIGHTS line to paste into qa/deciding.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import trust  # noqa: E402

from qa import deciding  # noqa: E402
from qa.embedding import load_embedder  # noqa: E402
from qa.indexing import load_index  # noqa: E402
from qa.searching import search  # noqa: E402

NAMES = ("closeness", "known", "covered", "typed")


def questions(half: str) -> list[tuple[str, bool]]:
    out = []
    for line in (line for path in sorted((ROOT / "eval").glob(f"honest-{half}*.jsonl"))
                 for line in path.read_text(encoding="utf-8").splitlines()):
        d = json.loads(line)
        if "period" in d:
            continue  # a period's emptiness is decided by the dates, not by this model
        out.append((d["q"], not d.get("unanswerable", False)))
    for line in (ROOT / "eval" / f"followups-en-{half}.jsonl").read_text(encoding="utf-8").splitlines():
        out.append((json.loads(line)["turns"][0]["q"], True))
    if half == "dev":
        for line in (ROOT / "eval" / "queries.jsonl").read_text(encoding="utf-8").splitlines():
            out.append((json.loads(line)["q"], True))
    return out


def features(index, embedder, qs) -> tuple[np.ndarray, np.ndarray]:
    rows, labels = [], []
    for q, answerable in qs:
        answer = search(index, embedder, q, 5)
        e = answer.evidence
        if e is None:  # nothing near at all: declined before the model
            e = deciding.Evidence(0.0, 0.0, 0.0, 1, 0.0)
        rows.append([getattr(e, n) for n in NAMES])
        labels.append(answerable)
    return np.array(rows), np.array(labels, dtype=float)


def fit(x: np.ndarray, y: np.ndarray, l2: float = 0.1, least_found: float = 0.95) -> np.ndarray:
    """Logistic regression with the two classes weighed equally; then the bias moved so that at
    least `least_found` of dev's answerable questions are still found at the 0.5 threshold."""
    x1 = np.hstack([np.ones((len(x), 1)), x])
    weight = np.where(y == 1, 0.5 / max(1, y.sum()), 0.5 / max(1, (1 - y).sum())) * len(y)
    w = np.zeros(x1.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-x1 @ w))
        grad = x1.T @ (weight * (p - y)) + l2 * np.r_[0, w[1:]]
        hess = x1.T @ (x1 * (weight * p * (1 - p))[:, None]) + l2 * np.diag(np.r_[0, np.ones(len(w) - 1)])
        w -= np.linalg.solve(hess, grad)
    z = np.sort(x1[y == 1] @ w)
    lowest = z[int(np.floor((1 - least_found) * len(z)))]  # the answerable score that must stay found
    w[0] -= min(0.0, lowest) if lowest < 0 else 0.0
    return w


def rates(w: np.ndarray, x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    p = 1 / (1 + np.exp(-(w[0] + x @ w[1:])))
    found = p >= deciding.THRESHOLD
    return float(np.mean(~found[y == 0])), float(np.mean(found[y == 1]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    folder = trust.WORK / "ngo"
    if not folder.exists():
        trust.qa_eval("ngo", ROOT / "eval" / "queries.jsonl")  # builds it
    index = load_index(folder)
    embedder = load_embedder(index.manifest.model)
    dev, test = features(index, embedder, questions("dev")), features(index, embedder, questions("test"))
    w = fit(*dev)
    now = np.array([deciding.WEIGHTS["bias"]] + [deciding.WEIGHTS.get(n, 0.0) for n in NAMES])
    print(f"dev: {int((dev[1] == 0).sum())} unanswerable, {int(dev[1].sum())} answerable; "
          f"test: {int((test[1] == 0).sum())} and {int(test[1].sum())}")
    for name, weights in (("in qa/deciding.py", now), ("fitted on dev", w)):
        (dd, df), (td, tf) = rates(weights, *dev), rates(weights, *test)
        print(f"{name:<18} dev declined {dd:.3f} found {df:.3f} | test declined {td:.3f} found {tf:.3f}")
    if args.write:
        print("WEIGHTS = {" + ", ".join(f'"{n}": {v:.2f}' for n, v in zip(("bias",) + NAMES, w, strict=True)) + "}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
