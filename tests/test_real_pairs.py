"""Aligning real pairs of *different* documents against hand-made gold alignments
(benchmarks/pairs): two years of a work report, two cities, two party congresses, a written
report and the speech as delivered. The floors are the measured values less a small margin,
so a change that costs alignment quality fails here."""

from __future__ import annotations

import gzip
import re

import pytest
from bench_pairs import PAIRS, evaluate, keys, load_pairs, read_gold, read_outline, totals

from tigang.compare import Thresholds, diff
from tigang.compare import confidence as confidence_model


@pytest.fixture(scope="module")
def results(shared):
    return {pair.id: evaluate(pair) for pair in load_pairs()}


def test_every_pair_has_gold_on_real_items(shared):
    """Each gold line names an item on a line that exists, and most gold items are items the
    parser finds (a missed item is allowed: the gold says what the text holds)."""
    for pair in load_pairs():
        gold = read_gold(pair.gold_path)
        assert gold.sure or gold.possible, pair.id  # a pair of speeches may have only possible pairs
        lines_a = read_outline(pair.a).line_count
        lines_b = read_outline(pair.b).line_count
        for (la, _), (lb, _) in gold.sure | gold.possible:
            assert 1 <= la <= lines_a and 1 <= lb <= lines_b, pair.id


def test_stored_texts_are_not_copies_of_shared_texts(shared):
    """texts/ holds other documents than ../shared: they may quote the same formula sentences
    (the 一国两制 formula, the opening of every work report), nothing more."""
    shared_text = ""
    for path in sorted((*shared.glob("seeds/*.txt"), *shared.glob("corpus/raw/*.txt"))):
        data = path.read_bytes()
        for encoding in ("utf-8-sig", "utf-16", "gb18030"):
            try:
                shared_text += data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    for path in sorted((PAIRS / "texts").glob("*.gz")):
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
        sentences = [s for s in re.split(r"(?<=[。！？；])|\n", text) if len(s.strip()) >= 30]
        repeated = sum(1 for s in sentences if s.strip() in shared_text)
        assert repeated <= 0.05 * len(sentences), (path.name, repeated, len(sentences))


# Precision, recall and F1 floors per split: the measured values less a small margin. The
# held-out sets were each annotated before the tool ran on them and measured once on arrival
# (docs/diff.md keeps those numbers); since then dev and held-out 1–6 are in the confidence
# model's fit, held-out 7 is not.
FLOORS = {
    "dev": (0.88, 0.83, 0.85),
    "heldout": (0.83, 0.75, 0.79),
    "heldout2": (0.81, 0.83, 0.82),
    "heldout3": (0.83, 0.68, 0.75),
    "heldout4": (0.75, 0.85, 0.80),
    "heldout5": (0.91, 0.88, 0.90),  # on arrival 0.89 / 0.86 / 0.88
    # On arrival 0.74 / 0.77 / 0.75: speeches on one subject. 0.77 → 0.74 precision since the
    # parser takes 第二，… 第三， whose 第一 stands mid-sentence for a run (the outline gold
    # wants them): two 任正非 speeches gained such items, which their pair gold never paired.
    "heldout6": (0.73, 0.77, 0.75),
    "heldout7": (0.89, 0.91, 0.90),  # on arrival, never fitted on: 0.91 / 0.93 / 0.92
    # On arrival, never fitted on: 0.90 / 0.91 / 0.91; its four speech pairs 0.57 / 0.44.
    "heldout8": (0.88, 0.89, 0.89),
    # Six pairs of speeches only, on arrival (never fitted on): 0.58 / 0.43 / 0.49.
    "heldout9": (0.55, 0.40, 0.46),
    # On arrival, never fitted on: 0.88 / 0.79 / 0.83; its four speech pairs 0.82 / 0.68 / 0.74.
    "heldout10": (0.86, 0.77, 0.81),
    # On arrival, never fitted on: 0.94 / 0.95 / 0.95; its two speech pairs 1.00 / 0.50 (2 sure pairs).
    "heldout11": (0.92, 0.93, 0.93),
    # On arrival, never fitted on: 0.90 / 0.71 / 0.79; its two speech pairs and two directives of
    # 毛泽东 0.50 / 0.17 (6 sure pairs), its two city reports 0.95 / 0.89.
    "heldout12": (0.88, 0.69, 0.77),
}


def test_every_split_has_a_floor():
    assert set(FLOORS) == {pair.split for pair in load_pairs()}


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_pairs_align_as_measured(results, split):
    p, r, f = totals([res for res in results.values() if res.pair.split == split])
    floor_p, floor_r, floor_f = FLOORS[split]
    assert p >= floor_p and r >= floor_r and f >= floor_f, (p, r, f)


def test_scores_of_real_pairs(results, shared):
    """Two national reports of consecutive years share most of their structure; a work
    report and a law share none."""
    assert results["gwr_national_2021_2022"].score >= 0.5
    law = read_outline(shared / "corpus/raw/src24_civil_code_general_part.txt")
    report = read_outline(shared / "corpus/raw/src02_gwr2022_national.txt")
    assert diff(report, law).score <= 0.05


def test_confidence_sorts_right_pairs_from_wrong_ones(shared):
    """Over every real pair, with nothing dropped: the pairs the model is sure of are nearly
    all right, the doubtful ones right far less often — the confidence means what it says."""
    sure, doubtful = [], []
    for pair in load_pairs():
        gold = read_gold(pair.gold_path)
        a, b = read_outline(pair.a), read_outline(pair.b)
        al = diff(a, b, Thresholds(min_confidence=0.0)).alignment
        ka, kb = keys(a), keys(b)
        for x, y in al.pairs.items():
            if x and x in al.evidence:
                right = (ka[x], kb[y]) in gold.sure | gold.possible
                c = al.confidence[x]
                (sure if c >= 0.85 else doubtful if c < 0.6 else []).append(right)
    assert len(sure) >= 200 and len(doubtful) >= 60, (len(sure), len(doubtful))
    assert sum(sure) / len(sure) >= 0.93, sum(sure) / len(sure)
    assert sum(doubtful) / len(doubtful) <= 0.65, sum(doubtful) / len(doubtful)


def test_the_weights_in_the_code_are_the_fitted_ones(shared):
    """compare/confidence.py holds what benchmarks/fit_confidence.py fits on the gold pairs
    (a change to the aligner or the gold that moves them needs a refit)."""
    from fit_confidence import FITTED_ON, examples, fit

    found = examples(list(FITTED_ON))
    w = fit(found.x[found.scored], found.right[found.scored])
    assert w[0] == pytest.approx(confidence_model.INTERCEPT, abs=0.02)
    for name, value in zip(confidence_model.FEATURES, w[1:], strict=True):
        assert value == pytest.approx(confidence_model.WEIGHTS[name], abs=0.02), name


def test_min_confidence_trades_pairs_for_precision(shared, tmp_path):
    """`tigang diff --min-confidence`: a higher bar keeps fewer pairs, each at least that sure,
    and the JSON says how sure each pair is."""
    import json

    from click.testing import CliRunner

    from tigang.cli import cli

    files = []
    for name in ("gwr2019_qingdao.md.gz", "gwr2019_xiamen.md.gz"):
        path = tmp_path / name.removesuffix(".gz")
        path.write_bytes(gzip.decompress((PAIRS / "texts" / name).read_bytes()))
        files.append(str(path))
    paired = {}
    for bar in (0.0, 0.4, 0.8):
        result = CliRunner().invoke(cli, ["diff", *files, "-f", "json", "--min-confidence", str(bar)])
        assert result.exit_code == 0, result.output
        ops = [op for op in json.loads(result.output)["ops"] if op["a"] and op["b"]]
        assert all(op["confidence"] >= bar for op in ops)
        paired[bar] = {(op["a"]["line"], op["b"]["line"]) for op in ops}
    assert paired[0.8] < paired[0.4] <= paired[0.0]


def test_the_cli_default_is_the_aligner_default():
    """The CLI does not import the aligner to show its help: the two defaults are written twice."""
    from tigang.cmd_diff import DEFAULT_MIN_CONFIDENCE

    assert Thresholds().min_confidence == DEFAULT_MIN_CONFIDENCE


def test_a_doubtful_pair_frees_its_items_for_a_partner_one_level_down(shared):
    """A flat speech (第一 … 第六) against a sectioned one (一、 … 三、 with 第一 … 第四 each):
    the assignment among the top items pairs the flat speech's 第六 (全面从严治党) with the
    whole of 三、 (下半年工作), a pair the confidence drops. Freed, 第六 finds the 第四 inside
    三、 (纵深推进全面从严治党), one level down — and keeps it only as likelier right than wrong."""
    pair = next(p for p in load_pairs("heldout8") if p.id == "speech_xi_plenum_2022_2024")
    a, b = read_outline(pair.a), read_outline(pair.b)
    alignment = diff(a, b).alignment
    sixth = next(x for x, node in alignment.a.node.items() if x and node.marker.text == "第六，")
    partner = alignment.pairs.get(sixth)
    assert partner is not None and len(partner) == 2, partner  # a child of one of B's sections
    assert alignment.b.node[partner].heading.startswith("纵深推进全面从严治党")
    assert alignment.confidence[sixth] >= 0.5
    # Without dropping anything, the first choice stands: the whole section, doubtful.
    everything = diff(a, b, Thresholds(min_confidence=0.0)).alignment
    assert len(everything.pairs[sixth]) == 1 and everything.confidence[sixth] < 0.5
