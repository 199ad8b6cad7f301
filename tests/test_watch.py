"""`show --watch` and `render --watch`: the outline is printed (drawn) again when the file is
saved. A thread plays the writer, saving the file while the command watches."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import tigang.watch
from tigang.cli import cli
from tigang.watch import stamp, watch

FIRST = "一、总体要求\n要稳。\n二、主要任务\n要实。\n"
SECOND = "一、总体要求\n要稳。\n二、主要任务\n要实。\n三、保障措施\n要严。\n"


def writer(path: Path, saves: list[str], *, atomic: bool = False, pause: float = 0.3) -> threading.Thread:
    """Save `saves` into `path` one after another, as an editor would."""

    def work() -> None:
        for text in saves:
            time.sleep(pause)
            before = stamp(path)
            if atomic:  # write a temporary file and rename it over the old one
                tmp = path.with_name(path.name + ".swp")
                tmp.write_text(text, encoding="utf-8")
                os.replace(tmp, path)
            else:
                path.write_text(text, encoding="utf-8")
            while stamp(path) == before:  # file systems with coarse times: make the save visible
                time.sleep(0.01)
                os.utime(path)

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize("atomic", [False, True], ids=["in-place", "rename"])
def test_each_save_runs_the_action_once(tmp_path, atomic):
    path = tmp_path / "讲话稿.txt"
    path.write_text(FIRST, encoding="utf-8")
    seen: list[str] = []
    thread = writer(path, [SECOND, FIRST], atomic=atomic)
    done = watch(path, lambda: seen.append(path.read_text(encoding="utf-8")), interval=0.05, runs=3)
    thread.join(5)
    assert done == 3 and seen == [FIRST, SECOND, FIRST]


def test_watching_stops_when_asked(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(FIRST, encoding="utf-8")
    stop = threading.Event()
    threading.Timer(0.3, stop.set).start()
    assert watch(path, lambda: None, interval=0.05, stop=stop) == 1


@pytest.fixture
def quick(monkeypatch):
    """The commands' watch loop, polling fast and ending after `runs` calls."""

    def use(runs: int) -> None:
        real = tigang.watch.watch
        monkeypatch.setattr(
            tigang.watch, "watch", lambda path, action, **_: real(path, action, interval=0.05, runs=runs)
        )

    return use


def test_show_watch_prints_again_after_a_save(tmp_path, quick):
    quick(2)
    path = tmp_path / "讲话稿.txt"
    path.write_text(FIRST, encoding="utf-8")
    thread = writer(path, [SECOND])
    result = CliRunner().invoke(cli, ["show", str(path), "--watch", "--format", "text"])
    thread.join(5)
    assert result.exit_code == 0, result.output
    assert result.output.count("一、总体要求") == 2
    assert result.output.count("三、保障措施") == 1
    assert f"tigang: watching {path}" in result.output


def test_a_bad_save_is_one_line_and_watching_goes_on(tmp_path, quick):
    quick(3)
    path = tmp_path / "讲话稿.txt"
    path.write_text(FIRST, encoding="utf-8")
    thread = writer(path, ["", SECOND])
    result = CliRunner().invoke(cli, ["show", str(path), "--watch", "--format", "text"])
    thread.join(5)
    assert result.exit_code == 0, result.output
    assert "tigang: error:" in result.output and "empty input" in result.output
    assert "三、保障措施" in result.output and "Traceback" not in result.output


def test_a_bad_file_at_the_start_ends_as_without_watch(tmp_path):
    result = CliRunner().invoke(cli, ["show", str(tmp_path / "nosuch.txt"), "--watch"])
    assert result.exit_code == 2 and "no such file" in result.output
    result = CliRunner().invoke(cli, ["show", "-", "--watch"], input="一、甲\n")
    assert result.exit_code == 2 and "--watch needs a file" in result.output


def test_render_watch_draws_again(tmp_path, quick):
    quick(2)
    path = tmp_path / "讲话稿.txt"
    path.write_text(FIRST, encoding="utf-8")
    out = tmp_path / "提纲.svg"
    sizes: list[int] = []
    real = tigang.watch.watch

    def record(path_, action, **options):
        def action_and_measure() -> None:
            action()
            sizes.append(out.stat().st_size)

        return real(path_, action_and_measure, **options)

    tigang.watch.watch, before = record, tigang.watch.watch
    try:
        thread = writer(path, [SECOND])
        result = CliRunner().invoke(cli, ["render", str(path), "-o", str(out), "--watch"])
        thread.join(5)
    finally:
        tigang.watch.watch = before
    assert result.exit_code == 0, result.output
    assert len(sizes) == 2 and sizes[1] > sizes[0]  # the third section was drawn
