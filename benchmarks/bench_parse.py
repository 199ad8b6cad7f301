"""Parse throughput against a bare regex scan for the same markers, measured side by side.

    python benchmarks/bench_parse.py [--mb 10] [--repeat 3]

Builds one large input (≥ 10 MB) by repeating realistic speeches with variation — numbers,
section order, wrappers and line ends change from copy to copy — then times, in one run and
interleaved, `parse_text` and a plain `re.finditer` over the same text for the same markers.
Prints MB/s for both and their ratio (the machine is shared and noisy: compare ratios).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tigang.outline import parse_text
from tigang.outline.front import is_back_matter

ROOT = Path(__file__).resolve().parents[1]
CN = "一二三四五六七八九十"

# The same markers, as a bare scan would look for them (no grammar, no levels, no headings).
BARE_SCAN = re.compile(
    r"(?:^|(?<=[。；：！？]))[ \u3000]*(?:"
    r"[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[)）]|\d{1,3}[.．、]|[（(]\d{1,3}[)）]|[①-⑳]"
    r"|第[一二三四五六七八九十百零]+(?:部分|编|章|节|条)|第[一二三四五六七八九十]+[，、：]"
    r"|[一二三四五六七八九十]+[是要]|首先|其次|再次|然后|最后|另一方面|一方面)",
    re.M,
)


def sample_texts() -> list[str]:
    """The bundled example and the fixture speeches, each cut before its back matter (名词解释,
    附件): in one long input, a glossary would end the body of everything after it."""
    paths = [ROOT / "examples" / "讲话稿示例.txt", *sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))]
    texts = []
    for path in paths:
        lines = path.read_text(encoding="utf-8").splitlines()
        cut = next((i for i, line in enumerate(lines) if i and is_back_matter(line.strip())), len(lines))
        texts.append("\n".join(lines[:cut]))
    return texts


_SENTENCE = re.compile(r"[^。！？\n]{8,}[。！？]")


def lengthen(text: str, rng: random.Random) -> str:
    """Real speeches carry ~1,400 outline nodes per MB; short sample paragraphs carry far more.
    Lengthen each paragraph with sentences drawn from the text's own prose (never markers)."""
    pool = [s for s in _SENTENCE.findall(text) if not BARE_SCAN.match(s)] or [
        "要坚持问题导向，把各项工作抓实抓细。"
    ]
    out = []
    for line in text.splitlines():
        if len(line) > 20:
            line += "".join(rng.choice(pool) for _ in range(rng.randrange(4, 9)))
        out.append(line)
    return "\n".join(out)


def vary(text: str, rng: random.Random) -> str:
    """One variant: rotated lines, a new year, maybe markdown headings or CRLF line ends."""
    lines = text.splitlines()
    if rng.random() < 0.5:
        cut = rng.randrange(len(lines)) if lines else 0
        lines = lines[cut:] + lines[:cut]
    year = str(rng.randrange(2001, 2030))
    out = "\n".join(lines).replace("2023", year).replace("2024", year)
    if rng.random() < 0.3:
        out = "\n".join(("## " + line if re.match(f"[{CN}]+、", line) else line) for line in out.splitlines())
    if rng.random() < 0.3:
        out = out.replace("\n", "\r\n")
    return out


def build_input(megabytes: float, seed: int = 7, dense: bool = False) -> str:
    rng = random.Random(seed)
    texts = sample_texts() if dense else [lengthen(t, rng) for t in sample_texts()]
    parts: list[str] = []
    size = 0
    target = int(megabytes * 1024 * 1024)
    while size < target:
        part = vary(rng.choice(texts), rng)
        parts.append(part)
        size += len(part.encode("utf-8"))
    return "\n\n".join(parts)


def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def bare_scan(text: str) -> int:
    return sum(1 for _ in BARE_SCAN.finditer(text))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="input size in MB (default 10)")
    parser.add_argument("--repeat", type=int, default=3, help="timed rounds, interleaved (default 3)")
    args = parser.parse_args(argv)
    for label, dense in (("realistic density", False), ("dense (short paragraphs)", True)):
        text = build_input(args.mb, dense=dense)
        mb = len(text.encode("utf-8")) / 1024 / 1024
        outline = parse_text(text)  # warm-up: grammar load, caches
        scan_times, parse_times = [], []
        for _ in range(args.repeat):
            scan_times.append(timed(bare_scan, text))
            parse_times.append(timed(parse_text, text))
        scan, parse = statistics.median(scan_times), statistics.median(parse_times)
        nodes = len(outline)
        print(
            f"[{label}] input {mb:.1f} MB, {len(text.splitlines()):,} lines, {nodes:,} nodes ({nodes / mb:,.0f}/MB)"
        )
        print(f"  bare re.finditer scan: {mb / scan:7.1f} MB/s  ({bare_scan(text):,} candidate markers)")
        print(f"  tigang parse_text:     {mb / parse:7.1f} MB/s")
        print(f"  ratio parse/scan time: {parse / scan:7.2f}x  (median of {args.repeat} interleaved rounds)")
        if not dense:
            whole_process(text, scan, args.repeat)
    return 0


def whole_process(text: str, scan: float, repeat: int) -> None:
    """`tigang show FILE --format json` as a user runs it (start-up, reading, parsing, writing),
    compact (piped) and pretty (`--indent 2`), against the in-process scan of the same text."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.txt"
        path.write_text(text, encoding="utf-8")
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "show -f json (piped)": [sys.executable, "-m", "tigang", "show", str(path), "-f", "json"],
            "show -f json --indent 2": [
                sys.executable,
                "-m",
                "tigang",
                "show",
                str(path),
                "-f",
                "json",
                "--indent",
                "2",
            ],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(repeat):
            for name, command in commands.items():
                start = time.perf_counter()
                subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
                times[name].append(time.perf_counter() - start)
    for name, values in times.items():
        seconds = statistics.median(values)
        print(f"  process {name:<24} {seconds:6.2f} s  = {seconds / scan:6.2f}x the scan")


if __name__ == "__main__":
    sys.exit(main())
