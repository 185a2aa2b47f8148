"""Fusion weights fitted on one half of a query file and checked on the other.

    python bench/fit.py --index /tmp/timeqa-index --queries ../shared/benchmarks/timeqa/queries.jsonl \
        [--text-only] [--seeds 3]

The questions are split in two by document (the document of the passage the product puts
first), so that no article lends its questions to both halves; each seed splits differently
and each half is held out once. On each fitting half this fits:
- grid: the product's own knobs (searching.ALPHA, DOC_WEIGHT, TIME_BONUS, START_BONUS) and a
  bonus for a passage that names the question's last year, by hit@1 + hit@5 + MRR@10;
- linear: a listwise logistic re-scorer (softmax over a question's candidates, scipy's L-BFGS)
  over the product's score and features any document has: naming the question's first or last
  year, how many years a passage names, being a list item, the question's words in its heading;
  applied to every candidate, or only to re-order the first five (what the product keeps, with
  round weights: searching.named_years_first).
It prints, for each, the mean change on the held-out halves against the product's score before
its first five are re-ordered (the smallest change over the halves in brackets), and the weights
fitted on the whole file for reference. Candidates are the product's own (searching.candidates,
fuse, by_document, with_time, named_years_first), so the product scores exactly what `qa eval` does.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from qa import searching as S  # noqa: E402
from qa.evaluating import Query, _collapse, load_queries  # noqa: E402
from qa.keywords import terms  # noqa: E402
from qa.querytime import question_time  # noqa: E402

FEATURES = ("product", "names first year", "names last year", "log(1 + years named)", "list item",
            "question words in heading")
METRICS = ("hit@1", "hit@5", "mrr@10", "read@1000")


@dataclass
class Candidates:
    """One question's candidates: the parts of the product's score, features, and the gold's place."""

    cos: np.ndarray  # cosine (0 when not a dense candidate)
    bm25: np.ndarray  # BM25 over the best candidate's
    doc: np.ndarray  # document numbers
    fit: np.ndarray  # table.time_fit
    starts: np.ndarray  # table.starts
    X: np.ndarray  # FEATURES, first the product's score before its first five are re-ordered
    product: np.ndarray  # the product's scores: sorted, the order it shows
    text: np.ndarray  # text numbers (a text repeated in the corpus is shown once)
    length: np.ndarray  # characters read of each
    gold_end: np.ndarray  # where the gold string ends in it, -1 when it holds none


def gather(index, embedder, queries: list[Query], headings: bool) -> list[Candidates]:
    table, chunks = index.table, index.chunks
    read = [_collapse(f"{c.heading}\n{c.text}" if headings and c.heading else c.text) for c in chunks]
    years_named = [len({int(a[:4]) for a, _ in c.dates} | {int(b[:4]) for _, b in c.dates if b}) for c in chunks]
    heading_terms = [set(terms(c.heading or "")) for c in chunks]
    out = []
    for query in queries:
        q = S.clean_question(query.q)
        scope = question_time(q)
        dense, bm25 = S.candidates(index, embedder, S._matched(q, scope), "hybrid", S.POOL, None)
        ids, fused = S.fuse(dense, bm25, S.ALPHA)
        before = S.with_time(index, ids, S.by_document(ids, fused, table), scope)
        order = S._distinct(ids[np.argsort(-before, kind="stable")], table, S.FIRST_FIVE)
        _, product = S.named_years_first(table, ids, before, order, scope)
        cos = np.zeros(len(ids))
        where = {i: n for n, i in enumerate(ids.tolist())}
        cos[[where[i] for i in dense[0].tolist()]] = np.maximum(dense[1], 0)
        share = np.zeros(len(ids))
        if len(bm25[0]):
            share[[where[i] for i in bm25[0].tolist()]] = bm25[1] / float(np.max(bm25[1]))
        closed = scope is not None and not scope.order and scope.start and scope.end
        no = np.zeros(len(ids), dtype=bool)
        first = table.names_year(ids, int(scope.start[:4])) if closed else no
        last = table.names_year(ids, int(scope.end[:4])) if closed else no
        words = set(terms(q))
        X = np.array([[p, float(f), float(e), np.log1p(years_named[i]), float(chunks[i].text.startswith(("- ", "* "))),
                       len(words & heading_terms[i]) / max(1, len(words))]
                      for i, p, f, e in zip(ids.tolist(), before, first, last, strict=True)])
        gold = [_collapse(g) for g in query.gold]
        ends = [min((read[i].find(g) + len(g) for g in gold if g in read[i]), default=-1) for i in ids.tolist()]
        out.append(Candidates(
            cos, share, table.document[ids], table.time_fit(ids, scope, S.TIME_DECAY) if closed else np.zeros(len(ids)),
            table.starts(ids, scope).astype(float) if scope else np.zeros(len(ids)), X.reshape(len(ids), len(FEATURES)),
            product, table.text[ids], np.array([len(read[i]) for i in ids.tolist()]), np.array(ends)))
    return out


def score(items: list[Candidates], rank) -> np.ndarray:
    """METRICS of ranking each question's candidates by `rank(c) -> scores`, distinct texts only."""
    total = np.zeros(len(METRICS))
    for c in items:
        seen, shown = set(), []
        for j in np.argsort(-rank(c), kind="stable").tolist():
            if c.text[j] not in seen:
                seen.add(c.text[j])
                shown.append(j)
                if len(shown) == 10:
                    break
        at = next((r for r, j in enumerate(shown) if c.gold_end[j] >= 0), None)
        if at is not None:
            depth = sum(c.length[j] + 1 for j in shown[:at]) + c.gold_end[shown[at]]
            total += [at == 0, at < 5, 1 / (at + 1), depth <= 1000]
    return total / len(items)


def knobs(alpha: float, doc: float, time: float, start: float, end: float):
    def rank(c: Candidates) -> np.ndarray:
        fused = alpha * c.cos + (1 - alpha) * c.bm25
        best = np.full(int(c.doc.max()) + 1, -np.inf)
        np.maximum.at(best, c.doc, fused)
        return fused + doc * best[c.doc] + time * c.fit + start * c.starts + end * c.X[:, 2]
    return rank


GRID = list(itertools.product((0.4, 0.5, 0.6), (0.3, 0.5, 0.7), (0.2, 0.3, 0.4), (0.1, 0.2, 0.3), (0.0, 0.05, 0.1)))


def fit_grid(items: list[Candidates]) -> tuple:
    return max(GRID, key=lambda p: float(score(items, knobs(*p))[:3].sum()))


SUBSETS = {"linear, all features": list(range(len(FEATURES))), "linear, years named": [0, 1, 2]}


def fit_linear(items: list[Candidates], columns: list[int], l2: float = 1e-2) -> np.ndarray:
    """Weights over FEATURES[columns], zero elsewhere."""
    from scipy.optimize import minimize

    pairs = [(c.X[:, columns], c.gold_end >= 0) for c in items if (c.gold_end >= 0).any()]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        value, grad = 0.0, np.zeros_like(w)
        for X, y in pairs:
            s = X @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            py = p[y].sum()
            value -= np.log(py + 1e-12)
            grad -= p[y] @ X[y] / py - p @ X
        return value / len(pairs) + l2 * w @ w, grad / len(pairs) + 2 * l2 * w

    w = np.zeros(len(FEATURES))
    w[columns] = minimize(loss, np.zeros(len(columns)), jac=True, method="L-BFGS-B").x
    return w


def first_five(w: np.ndarray):
    """Ranking by the score before, with only its first five distinct texts re-ordered by X @ w."""
    def rank(c: Candidates) -> np.ndarray:
        seen, top = set(), []
        for j in np.argsort(-c.X[:, 0], kind="stable").tolist():
            if c.text[j] not in seen:
                seen.add(c.text[j])
                top.append(j)
                if len(top) == S.FIRST_FIVE:
                    break
        s = c.X[:, 0].copy()
        s[top] = 1000 + c.X[top] @ w
        return s
    return rank


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", default="index")
    ap.add_argument("--queries", type=Path, required=True)
    ap.add_argument("--text-only", action="store_true", help="match gold strings in passages' texts only")
    ap.add_argument("--seeds", type=int, default=3, help="random splits; each half is held out once")
    args = ap.parse_args()

    from qa.workspace import Workspace

    ws = Workspace.choose(args.index)
    items = gather(ws.open(), ws.embedder, [q for q in load_queries(args.queries) if isinstance(q, Query)],
                   not args.text_only)
    product, before = (lambda c: c.product), (lambda c: c.X[:, 0])
    for name, rank in (("the product", product), ("before its first five are re-ordered", before)):
        print(f"{len(items)} questions, {name}: "
              + ", ".join(f"{m} {v:.3f}" for m, v in zip(METRICS, score(items, rank), strict=True)))
    first_doc = np.array([int(c.doc[np.argmax(c.X[:, 0])]) for c in items])
    if len(np.unique(first_doc)) < 2:
        print("fit.py: the questions are answered from one document; halves by document need two or more",
              file=sys.stderr)
        return 2
    changes: dict[str, list[np.ndarray]] = {"the product (0.2 and 0.1, first five)": [], "grid": [],
                                            **{name: [] for name in SUBSETS}, "linear, years named, first five": []}
    for seed in range(args.seeds):
        docs = np.unique(first_doc)
        np.random.default_rng(seed).shuffle(docs)
        half = np.isin(first_doc, docs[: len(docs) // 2])
        for held in (half, ~half):
            fitting = [c for c, h in zip(items, held, strict=True) if not h]
            checking = [c for c, h in zip(items, held, strict=True) if h]
            base = score(checking, before)
            changes["the product (0.2 and 0.1, first five)"].append(score(checking, product) - base)
            changes["grid"].append(score(checking, knobs(*fit_grid(fitting))) - base)
            for name, columns in SUBSETS.items():
                w = fit_linear(fitting, columns)
                changes[name].append(score(checking, lambda c, w=w: c.X @ w) - base)
            w = fit_linear(fitting, SUBSETS["linear, years named"])
            changes["linear, years named, first five"].append(score(checking, first_five(w)) - base)
    print(f"\nheld-out change against the product before its first five are re-ordered, mean of {2 * args.seeds} halves (smallest in brackets):")
    print("| fitted | " + " | ".join(METRICS) + " |\n|---|" + "---|" * len(METRICS))
    for name, rows in changes.items():
        rows = np.array(rows)
        print(f"| {name} | " + " | ".join(f"{m:+.3f} ({lo:+.3f})" for m, lo in zip(rows.mean(0), rows.min(0),
                                                                                 strict=True)) + " |")
    alpha, doc, time, start, end = fit_grid(items)
    print(f"\nfitted on all: grid ALPHA {alpha}, DOC_WEIGHT {doc}, TIME_BONUS {time}, START_BONUS {start}, "
          f"last-year bonus {end} (the product: {S.ALPHA}, {S.DOC_WEIGHT}, {S.TIME_BONUS}, {S.START_BONUS}, 0)")
    print(f"the product's FIRST_YEAR_BONUS {S.FIRST_YEAR_BONUS}, LAST_YEAR_BONUS {S.LAST_YEAR_BONUS}")
    for name, columns in SUBSETS.items():
        w = fit_linear(items, columns)
        print(f"fitted on all: {name}, per unit of the product's score: "
              + ", ".join(f"{FEATURES[i]} {w[i] / w[0]:+.3f}" for i in columns[1:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
