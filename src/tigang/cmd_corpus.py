"""`tigang corpus`: outline a folder of speeches into a DuckDB file, then ask it questions —
the most similar pairs, the template families and their skeletons, any SQL.

duckdb, numpy, matplotlib and dask are imported inside the commands, never here.
"""

from __future__ import annotations

import csv
import json
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from tigang.files import FORCE, InputFailure, check_output, min_share_option, os_reason, write_output

FAMILY_THRESHOLD = 0.6


def _failure(message: str) -> click.ClickException:
    return InputFailure(message)


def _open(db: str, *, read_only: bool = True, create: bool = False, queries_only: bool = False):
    from tigang.compare.corpus.store import StoreError, connect, stage_state

    try:
        con = connect(db, read_only=read_only, create=create, queries_only=queries_only)
    except StoreError as exc:
        raise _failure(str(exc)) from None
    state = stage_state(con) if read_only else None
    if state:
        click.echo(
            f"tigang: note: the last build of {db} stopped while {state}; what it shows is partial "
            "(run `tigang corpus build` again to finish it)",
            err=True,
        )
    return con


@contextmanager
def _progress_bar():
    """A rich progress bar with rate and ETA on stderr, when stdout and stderr are terminals;
    otherwise a callback that does nothing."""
    if not (sys.stdout.isatty() and sys.stderr.isatty()):
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:,.0f}/s" if speed else "–/s", style="progress.data.speed")

    names = {
        "parse": "解析 parsing",
        "sketch": "签名 hashing",
        "search": "检索 searching",
        "align": "对齐 aligning",
    }
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        Rate(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=False,
    ) as progress:
        tasks: dict[str, int] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = progress.add_task(names.get(stage, stage), total=total)
            progress.update(tasks[stage], completed=done, total=total)

        yield update


def _engine(name: str, jobs: int | None, scheduler: str | None):
    from tigang.compare.corpus.engines import EngineError, make_engine

    try:
        return make_engine(name, workers=jobs, scheduler=scheduler)
    except EngineError as exc:
        raise _failure(str(exc)) from None


@click.group()
def corpus() -> None:
    """Outline thousands of speeches into a DuckDB file; find shared templates."""


@corpus.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    "db",
    required=True,
    type=click.Path(dir_okay=False),
    help="The corpus database (.duckdb).",
)
@click.option("--engine", type=click.Choice(("local", "dask")), default="local", show_default=True)
@click.option(
    "--scheduler", metavar="ADDRESS", help="Dask scheduler, e.g. tcp://host:8786 (with --engine dask)."
)
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes [all cores].")
@click.option(
    "--lsh-threshold",
    type=click.FloatRange(0.05, 1.0),
    default=0.3,
    show_default=True,
    help="Heading-bigram Jaccard at which MinHash-LSH proposes a pair for exact alignment.",
)
@click.option(
    "--max-candidates",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    help="Candidates kept per document (the best by estimated Jaccard).",
)
def build(
    folder: Path,
    db: str,
    engine: str,
    scheduler: str | None,
    jobs: int | None,
    lsh_threshold: float,
    max_candidates: int,
) -> None:
    """Parse every file under FOLDER into the database (again: only what changed), then score
    the candidate pairs of similar structure."""
    import duckdb

    from tigang.compare.corpus.build import build_corpus
    from tigang.compare.corpus.index import update_pairs

    if not folder.is_dir():
        raise _failure(f"{folder}: no such folder")
    new = not Path(db).exists()
    if new:
        check_output(db, force=False)  # the folder exists and can be written to
    runner = _engine(engine, jobs, scheduler)
    con = _open(db, read_only=False, create=True)
    done = False
    try:
        with _progress_bar() as progress:
            built = build_corpus(folder, con, runner, skip={Path(db), Path(db + ".wal")}, progress=progress)
            if built.files == 0:
                raise _failure(f"{folder}: no files")
            similar = update_pairs(
                con, runner, threshold=lsh_threshold, max_candidates=max_candidates, progress=progress
            )
        done = True
    except duckdb.Error as exc:
        raise _failure(f"{db}: cannot write the corpus ({_io_reason(exc)})") from None
    except OSError as exc:
        raise _failure(f"{db}: cannot write the corpus ({os_reason(exc)})") from None
    finally:
        con.close()
        runner.close()
        if new and not done:  # a failed first build leaves nothing behind
            for leftover in (Path(db), Path(db + ".wal")):
                leftover.unlink(missing_ok=True)
    rate = built.parsed / built.seconds if built.seconds else 0.0
    click.echo(
        f"{db}: {built.files} files — {built.parsed} parsed, {built.unchanged} unchanged, "
        f"{built.errors} errors, {built.removed} removed ({built.seconds:.1f} s, {rate:,.0f} files/s, "
        f"{runner.workers} {engine} workers)"
    )
    share = similar.candidates / similar.possible if similar.possible else 0.0
    repeated = similar.documents - similar.distinct
    click.echo(
        f"similarity: {similar.candidates:,} exact alignments of {similar.possible:,} possible pairs "
        f"({share:.2%}), {similar.aligned:,} computed now ({similar.seconds:.1f} s)"
        + (f"; {repeated:,} documents repeat another's outline" if repeated else "")
    )
    if built.all_failed:
        raise _failure(f"{folder}: every file failed ({built.errors} errors; see the documents table)")


@corpus.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.option("-n", "--top", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("-f", "--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
def similar(db: str, top: int, fmt: str) -> None:
    """The most similar pairs of documents, best first."""
    from tigang.compare.corpus.index import top_pairs

    con = _open(db)
    try:
        pairs = top_pairs(con, top)
    finally:
        con.close()
    if fmt == "json":
        doc = [{"a": a, "b": b, "score": score} for a, b, score in pairs]
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title="最相似的结构 most similar structures", box=None)
    table.add_column("score", justify="right")
    table.add_column("a")
    table.add_column("b")
    for a, b, score in pairs:
        table.add_row(f"{score:.3f}", a, b)
    Console().print(table)


def _threshold_option(f):
    return click.option(
        "-t",
        "--threshold",
        type=click.FloatRange(0.0, 1.0),
        default=FAMILY_THRESHOLD,
        show_default=True,
        help="Pair score at which two documents are one template.",
    )(f)


_min_share_option = min_share_option("Share of members an item needs to be in a skeleton.")


@corpus.command()
@click.argument("db", type=click.Path(dir_okay=False))
@_threshold_option
@_min_share_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Heatmap of the largest families (.png .svg .pdf).",
)
@click.option("-f", "--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option(
    "-n", "--limit", type=click.IntRange(min=1), default=20, show_default=True, help="Families listed."
)
@click.option("--dpi", type=click.IntRange(min=30, max=600), default=150, show_default=True)
@FORCE
def families(
    db: str,
    threshold: float,
    min_share: float,
    output: str | None,
    fmt: str,
    limit: int,
    dpi: int,
    force: bool,
) -> None:
    """Template families: documents whose structures are near-duplicates, with their skeletons."""
    from tigang.compare.corpus.families import family_skeleton, find_families
    from tigang.compare.skeleton import skeleton_to_dicts

    if output:
        from tigang.outline.render.diagram import RenderError, output_format

        try:
            output_format(output)
        except RenderError as exc:
            raise _failure(str(exc)) from None
        check_output(output, force=force)
    con = _open(db)
    try:
        found = find_families(con, threshold)
        if output:
            from tigang.compare.corpus.render_heatmap import draw_heatmap

            written = write_output(output, lambda tmp: draw_heatmap(con, found, tmp, dpi=dpi), force=force)
            click.echo(f"wrote {written}", err=True)
        shown = [(f, family_skeleton(con, f, min_share=min_share)[0]) for f in found[:limit]]
        in_families = sum(len(f) for f in found)
        documents = con.execute("select count(*) from documents where status = 'ok'").fetchone()[0]
    finally:
        con.close()
    if fmt == "json":
        doc = [
            {
                "family": f.number,
                "size": len(f),
                "mean_score": round(f.mean_score, 4),
                "members": list(f.paths),
                "skeleton": skeleton_to_dicts(s.items),
            }
            for f, s in shown
        ]
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.text import Text

    console = Console()
    console.print(
        Text(
            f"{len(found)} families (score ≥ {threshold}), {in_families} of {documents} documents",
            style="bold",
        )
    )
    for f, s in shown:
        console.print(
            Text(f"\n#{f.number}  {len(f)} documents, mean score {f.mean_score:.2f}", style="bold cyan")
        )
        members = ", ".join(f.paths[:8]) + (f", … (+{len(f) - 8})" if len(f) > 8 else "")
        console.print(Text(members, style="dim"))
        for item in s.items:
            console.print(Text(f"  {item.node.label}") + Text(f"  ({item.share}/{s.total})", style="dim"))
    if len(found) > limit:
        console.print(Text(f"\n… {len(found) - limit} more (--limit)", style="dim"))


@corpus.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.option(
    "--family", "number", type=click.IntRange(min=1), required=True, help="Family number (see `families`)."
)
@_threshold_option
@_min_share_option
@click.option("-f", "--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
def skeleton(db: str, number: int, threshold: float, min_share: float, fmt: str) -> None:
    """The common skeleton of one template family, and its members' pairwise similarity."""
    from tigang.compare.corpus.families import family_skeleton, find_families
    from tigang.compare.skeleton import skeleton_to_dicts

    con = _open(db)
    try:
        found = find_families(con, threshold)
        if number > len(found):
            raise _failure(f"no family {number}: there are {len(found)} at threshold {threshold}")
        family = found[number - 1]
        result, names, outlines = family_skeleton(con, family, min_share=min_share)
    finally:
        con.close()
    if fmt == "json":
        doc = {
            "family": number,
            "members": list(family.paths),
            "reference": names[result.reference],
            "files": names,
            "scores": [list(row) for row in result.scores],
            "skeleton": skeleton_to_dicts(result.items),
        }
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return
    from tigang.compare.render_text import print_skeleton

    print_skeleton(outlines, names, result)


@corpus.command("report")
@click.argument("db", type=click.Path(dir_okay=False))
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False), help="The page to write (.html)."
)
@_threshold_option
@_min_share_option
@click.option(
    "-n", "--limit", type=click.IntRange(min=1), default=20, show_default=True, help="Families listed."
)
@click.option(
    "--pairs",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    help="Most similar pairs listed, each with its comparison in the page.",
)
@FORCE
def corpus_report(
    db: str, output: str, threshold: float, min_share: float, limit: int, pairs: int, force: bool
) -> None:
    """One self-contained HTML page: the template families with their skeletons, and the most
    similar pairs, each opening its comparison."""
    from tigang.cmd_report import html_output, write_page
    from tigang.compare.report import render_corpus_html

    html_output(output, force)
    con = _open(db)
    try:
        text = render_corpus_html(con, threshold=threshold, min_share=min_share, families=limit, pairs=pairs)
    finally:
        con.close()
    written = write_page(output, text, force)
    click.echo(f"{written}: corpus report", err=True)


@corpus.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("query")
@click.option(
    "-f", "--format", "fmt", type=click.Choice(("table", "json", "csv")), default="table", show_default=True
)
def sql(db: str, query: str, fmt: str) -> None:
    """Run a read-only SQL QUERY on the database (tables: documents, nodes, pairs, meta).

    The query can only read the corpus: no writes, no files (COPY … TO, read_csv), no other
    databases (ATTACH), no extensions."""
    import duckdb

    if not query.strip():
        raise _failure('no query: give one SQL statement, e.g. "select count(*) from documents"')
    con = _open(db, queries_only=True)
    try:
        cursor = con.execute(query)
        columns = [d[0] for d in cursor.description or ()]
        rows = cursor.fetchall() if columns else []
    except duckdb.Error as exc:
        raise _failure(" ".join(str(exc).split())) from None
    finally:
        con.close()
    if fmt == "json":
        doc = [dict(zip(columns, map(_plain, row), strict=True)) for row in rows]
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns, box=None, header_style="bold")
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        Console().print(table)


def _io_reason(exc: Exception) -> str:
    message = " ".join(str(exc).split())
    lower = message.lower()
    for needle, reason in (
        ("no space left", "no space left on the device"),
        ("read-only file system", "the file system is read-only"),
        ("permission denied", "permission denied"),
    ):
        if needle in lower:
            return reason
    return message


def _plain(value):
    if value is None or isinstance(value, (int, float, str, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)
