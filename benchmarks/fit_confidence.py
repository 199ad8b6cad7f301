"""Fit the confidence model of `tigang diff` (compare/confidence.py) on the gold alignments.

    python benchmarks/fit_confidence.py                  # fit on every split, print the table
    python benchmarks/fit_confidence.py --splits dev,heldout,heldout2

Every pair the aligner finds without an equal heading is one example: its features
(`confidence.FEATURES`) and whether the gold has it (sure or possible). The model is a
logistic regression with an L2 penalty, fitted by Newton's method (numpy only). Before the
final fit, each split is left out in turn and scored by a model fitted on the others: the
precision, recall and F1 at several thresholds, and the calibration of the probabilities,
are measured on pairs the model did not see. Paste the printed INTERCEPT and WEIGHTS into
compare/confidence.py.
"""

from __future__ import annotations

import argparse
import sys
from typing import NamedTuple

import numpy as np
from bench_pairs import keys, load_pairs, read_gold, read_outline

from tigang.compare import Thresholds, diff
from tigang.compare.confidence import FEATURES

# The splits the shipped model is fitted on; later ones are measured with it, never fitted.
FITTED_ON = ("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6")
PENALTY = 1.0  # L2 on the weights (not the intercept), as scikit-learn's C = 1
THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


class Examples(NamedTuple):
    """Every pair the aligner finds in the document pairs of some splits."""

    x: np.ndarray  # features, one row a pair (confidence.FEATURES); zeros where not scored
    scored: np.ndarray  # scored by the model (pairs with equal headings are not: confidence 1)
    right: np.ndarray  # the gold has the pair, sure or possible
    sure: np.ndarray  # … as sure
    split: np.ndarray  # the split of its document pair
    sure_total: dict[str, int]  # sure gold pairs of each split: the recall's denominator


def examples(splits: list[str]) -> Examples:
    rows, right, sure, split_of = [], [], [], []
    sure_total: dict[str, int] = {}
    everything = Thresholds(min_confidence=0.0)
    for split in splits:
        sure_total[split] = 0
        for pair in load_pairs(split):
            gold = read_gold(pair.gold_path)
            sure_total[split] += len(gold.sure)
            a, b = read_outline(pair.a), read_outline(pair.b)
            al = diff(a, b, everything).alignment
            ka, kb = keys(a), keys(b)
            for x, y in al.pairs.items():
                if x:
                    key = (ka[x], kb[y])
                    rows.append(al.evidence.get(x))
                    right.append(key in gold.sure or key in gold.possible)
                    sure.append(key in gold.sure)
                    split_of.append(split)
    blank = (0.0,) * len(FEATURES)
    return Examples(
        np.array([r if r is not None else blank for r in rows]),
        np.array([r is not None for r in rows]),
        np.array(right),
        np.array(sure),
        np.array(split_of),
        sure_total,
    )


def fit(x: np.ndarray, y: np.ndarray, penalty: float = PENALTY) -> np.ndarray:
    """Weights (intercept first) of an L2-penalised logistic regression, by Newton's method."""
    design = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(design.shape[1])
    ridge = np.full(design.shape[1], penalty)
    ridge[0] = 0.0
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-design @ w))
        gradient = design.T @ (p - y) + ridge * w
        hessian = (design * (p * (1 - p))[:, None]).T @ design + np.diag(ridge)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return w


def predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(w[0] + x @ w[1:])))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", default=",".join(FITTED_ON))
    args = parser.parse_args()
    splits = args.splits.split(",")
    x, scored, right, sure, split_of, sure_total = examples(splits)
    # Out of fold: each split scored by a model fitted on the others; equal headings are 1.
    prob = np.ones(len(right))
    for split in splits:
        train = scored & (split_of != split)
        test = scored & (split_of == split)
        prob[test] = predict(fit(x[train], right[train]), x[test])

    def prf(keep: np.ndarray, which: list[str]) -> tuple[float, float, float]:
        predicted, correct = keep.sum(), (keep & right).sum()
        found, total = (keep & sure).sum(), sum(sure_total[s] for s in which)
        p = correct / predicted if predicted else 1.0
        r = found / total if total else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    print(f"{len(right)} predicted pairs, {scored.sum()} scored (not equal headings); out of fold:")
    print(f"{'min confidence':>14}  {'P':>5} {'R':>5} {'F1':>5}  " + "  ".join(f"{s:>14}" for s in splits))
    for t in THRESHOLDS:
        keep = prob >= t
        p, r, f = prf(keep, splits)
        per = [prf(keep & (split_of == s), [s]) for s in splits]
        print(
            f"{t:>14.1f}  {p:>5.3f} {r:>5.3f} {f:>5.3f}  "
            + "  ".join(f"F1 {q[2]:.3f} P {q[0]:.2f}" for q in per)
        )
    print("calibration (out of fold, scored pairs): predicted → right")
    for lo, hi in ((0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 0.95), (0.95, 1.01)):
        band = scored & (prob >= lo) & (prob < hi)
        if band.any():
            print(f"  [{lo:.2f}, {min(hi, 1.0):.2f})  {band.sum():>4} pairs  {right[band].mean():.2f} right")
    w = fit(x[scored], right[scored])
    print(
        f"\n# Fitted by benchmarks/fit_confidence.py on {len(splits)} splits ({', '.join(splits)}), L2 = {PENALTY}."
    )
    print(f"INTERCEPT = {w[0]:.4f}")
    print("WEIGHTS = {")
    for name, value in zip(FEATURES, w[1:], strict=True):
        print(f'    "{name}": {value:.4f},')
    print("}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
