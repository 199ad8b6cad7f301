"""Corpus mode: outline thousands of speeches into one DuckDB file, find the pairs that share a
structure and the template families they form.

Stages, one module each: `build` (walk files, parse in workers, incremental by hash) →
`store` (the DuckDB schema, writes and reads) → `index` (MinHash-LSH candidate pairs, then the
exact alignment of `compare` on candidates only) → `families` (union-find over scored pairs,
skeletons) → `render_heatmap`. `engines` runs the parallel parts on local processes or Dask.

duckdb, numpy, matplotlib and dask are imported inside these modules, never by
`tigang.compare` itself.
"""

from __future__ import annotations
