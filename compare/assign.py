"""The optimal one-to-one assignment between two small sets (the children of two matched
sections): the pairing with the largest total score.

The Hungarian method with potentials, O(n²·m) for n ≤ m. Sibling lists are short (a work
report's tasks, a chapter's sections), and scipy.optimize costs 0.7 s to import, more than
the whole diff of two reports: in pure Python below `SCIPY_FROM` rows, scipy above it.
"""

from __future__ import annotations

from collections.abc import Sequence

SCIPY_FROM = 300


def assign(score: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """(row, column) pairs of a maximum-score assignment of the rows to the columns (every
    row of the shorter side gets a partner)."""
    n = len(score)
    m = len(score[0]) if n else 0
    if not n or not m:
        return []
    if n > m:
        return sorted((i, j) for j, i in assign([[score[i][j] for i in range(n)] for j in range(m)]))
    if n >= SCIPY_FROM:
        from scipy.optimize import linear_sum_assignment

        rows, cols = linear_sum_assignment(score, maximize=True)
        return [(int(i), int(j)) for i, j in zip(rows, cols, strict=True)]
    return _hungarian(score, n, m)


def _hungarian(score: Sequence[Sequence[float]], n: int, m: int) -> list[tuple[int, int]]:
    inf = float("inf")
    u = [0.0] * (n + 1)  # row potentials
    v = [0.0] * (m + 1)  # column potentials
    owner = [0] * (m + 1)  # owner[j]: the row (1-based) assigned to column j; 0 = none
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        slack = [inf] * (m + 1)
        done = [False] * (m + 1)
        while True:
            done[j0] = True
            i0, delta, j1 = owner[j0], inf, 0
            row = score[i0 - 1]
            for j in range(1, m + 1):
                if done[j]:
                    continue
                cost = -row[j - 1] - u[i0] - v[j]  # minimise the negated score
                if cost < slack[j]:
                    slack[j], way[j] = cost, j0
                if slack[j] < delta:
                    delta, j1 = slack[j], j
            for j in range(m + 1):
                if done[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    slack[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:  # flip the augmenting path
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    return sorted((owner[j] - 1, j - 1) for j in range(1, m + 1) if owner[j])
