"""Where the parallel work runs: local processes (the default) or a Dask cluster.

An engine maps a module-level function over batches and yields the results as they finish,
in any order. Only a bounded number of batches is in flight at once, so a corpus of 100,000
files streams through in constant memory; the caller writes each result as it comes. Both
engines run the same functions on the same batches, so they produce the same rows.

dask is imported only by `DaskEngine`: it is an optional extra (`pip install 'tigang[dask]'`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from itertools import islice
from typing import Any, Protocol


class EngineError(Exception):
    """An engine that cannot start. The message is one line for the user."""


class Engine(Protocol):
    name: str
    workers: int

    def map(self, fn: Callable[[Any], Any], batches: Iterable[Any]) -> Iterator[Any]: ...

    def close(self) -> None: ...


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


class LocalEngine:
    """A pool of local processes (all cores unless told). One worker runs in this process."""

    name = "local"

    def __init__(self, workers: int | None = None) -> None:
        self.workers = max(1, workers or cores())
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            import multiprocessing

            # Not fork: the parent holds a DuckDB connection and its threads.
            method = "forkserver" if sys.platform.startswith("linux") else "spawn"
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context(method))
        return self._pool

    def map(self, fn: Callable[[Any], Any], batches: Iterable[Any]) -> Iterator[Any]:
        if self.workers == 1:
            for batch in batches:
                yield fn(batch)
            return
        pool = self._executor()
        pending = iter(batches)
        running: set[Future] = {pool.submit(fn, b) for b in islice(pending, self.workers * 3)}
        try:
            while running:
                done, running = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
                    running |= {pool.submit(fn, b) for b in islice(pending, 1)}
        finally:
            for future in running:
                future.cancel()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


class DaskEngine:
    """Batches as tasks on a Dask cluster: the scheduler at `address`, a given `client`, or a
    LocalCluster of `workers` processes started here. Workers must see the corpus files at the
    same paths (a shared file system) and have tigang installed."""

    name = "dask"

    def __init__(
        self,
        address: str | None = None,
        *,
        workers: int | None = None,
        client: Any = None,
        timeout: str = "20s",
    ) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise EngineError(
                "the dask engine needs dask: pip install 'tigang[dask]' (or 'dask[distributed]')"
            ) from None
        self._own: list[Any] = []
        if client is None:
            try:
                if address:
                    client = Client(address, timeout=timeout)
                else:
                    cluster = LocalCluster(n_workers=workers or cores(), threads_per_worker=1)
                    self._own.append(cluster)
                    client = Client(cluster)
            except (OSError, TimeoutError) as exc:
                raise EngineError(
                    " ".join(f"cannot reach the Dask scheduler {address}: {exc}".split())
                ) from None
            self._own.insert(0, client)
        self.client = client
        self.workers = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))

    def map(self, fn: Callable[[Any], Any], batches: Iterable[Any]) -> Iterator[Any]:
        from dask.distributed import as_completed

        pending = iter(batches)
        first = [self.client.submit(fn, b, pure=False) for b in islice(pending, self.workers * 3)]
        running = as_completed(first)
        for future in running:
            result = future.result()
            future.release()
            for b in islice(pending, 1):
                running.add(self.client.submit(fn, b, pure=False))
            yield result

    def close(self) -> None:
        for thing in self._own:
            thing.close()
        self._own = []


def make_engine(name: str, *, workers: int | None = None, scheduler: str | None = None) -> Engine:
    if name == "dask":
        return DaskEngine(scheduler, workers=workers)
    if scheduler:
        raise EngineError("--scheduler needs --engine dask")
    return LocalEngine(workers)
