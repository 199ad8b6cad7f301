"""The rules of `tigang check`: one registry, the single source of codes, severities,
messages and the rule reference in docs/ (generated from it by outline.lint.reference).

Codes: N1xx numbering, W2xx writing habits of markers, S3xx structure, H4xx headings.
Each rule is a function from a `Context` (the outline with parent and sibling indexes) to
hits: (line, column, Chinese message, English gloss).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise

from ..model import Anomaly, AnomalyKind, Family, Node, Outline, Placement
from .config import CheckConfig
from .findings import Severity
from .parallel import parallel_outliers

Hit = tuple[int, int, str, str]  # line, column, message, gloss

SECTION_FAMILIES = frozenset(
    {
        Family.SECTION,
        Family.PAREN_SECTION,
        Family.ARABIC,
        Family.ARABIC_CLOSE,
        Family.PAREN_ARABIC,
        Family.CIRCLED,
    }
)
SENTENCE_END = "。！？!?…”’」』）)》"
HALF_TO_FULL = str.maketrans("().,:;!?", "（）．，：；！？")


class Context:
    """The outline with the indexes rules need: parents, sibling runs, document order."""

    def __init__(self, outline: Outline, config: CheckConfig) -> None:
        self.outline = outline
        self.config = config
        self.nodes: list[Node] = list(outline.walk())
        self.parent: dict[int, Node | None] = {}
        self.groups: list[tuple[Node | None, tuple[Node, ...]]] = [(None, outline.nodes)]
        for node in outline.nodes:
            self.parent[id(node)] = None
        for node in self.nodes:
            for child in node.children:
                self.parent[id(child)] = node
            if node.children:
                self.groups.append((node, node.children))

    def runs(self) -> Iterator[tuple[Node | None, list[Node]]]:
        """Siblings of one style under one parent, in order: 一、二、三、 or 一是 二是."""
        for parent, children in self.groups:
            by_style: dict[str, list[Node]] = defaultdict(list)
            for child in children:
                by_style[child.marker.style].append(child)
            for run in by_style.values():
                yield parent, run

    def previous_in_run(self) -> dict[int, Node]:
        """Each node's previous sibling of the same style."""
        previous: dict[int, Node] = {}
        for _, run in self.runs():
            for a, b in pairwise(run):
                previous[id(b)] = a
        return previous


@dataclass(frozen=True)
class Rule:
    code: str
    name: str  # 中文名
    name_en: str
    severity: Severity
    summary: str  # 中文说明
    summary_en: str
    bad: str  # an example that fires
    good: str  # the same, mended
    check: Callable[[Context], Iterator[Hit]]
    fix: str = ""  # what `tigang fix` does about it (中文); empty: the writer decides
    fix_en: str = ""


def _is_heading(node: Node) -> bool:
    """A heading proper: a paragraph-leading section marker or 第X章/节/编/部分. The "heading" of
    an article (第X条) or of an inline item is the first sentence of its text, not a title."""
    if node.placement is not Placement.LEAD:
        return False
    return node.marker.family in SECTION_FAMILIES or (
        node.marker.family is Family.DIVISION and node.marker.unit != "条"
    )


def _is_list(run: list[Node]) -> bool:
    """Items that end with ；(the last with 。) are a list inside a sentence: （一）配偶；（二）父母…"""
    return any(n.terminator in ("；", ";") for n in run)


def _cut_off_spine(ctx: Context) -> set[int]:
    """The last node and its ancestors, when the text ends mid-sentence."""
    tail = ctx.outline.tail.rstrip()
    if not ctx.nodes or not tail or tail[-1] in SENTENCE_END:
        return set()
    spine, chain = set(), ctx.outline.nodes
    while chain:
        spine.add(id(chain[-1]))
        chain = chain[-1].children
    return spine


def _at(node: Node, message: str, gloss: str) -> Hit:
    return node.line, node.column, message, gloss


def _anomaly(node: Node, kind: AnomalyKind) -> Anomaly | None:
    return next((a for a in node.anomalies if a.kind is kind), None)


# ---------------------------------------------------------------- N: numbering


def check_skipped(ctx: Context) -> Iterator[Hit]:
    previous = ctx.previous_in_run()
    for node in ctx.nodes:
        anomaly = _anomaly(node, AnomalyKind.SKIPPED)
        if not anomaly:
            continue
        expected, found = anomaly.expected, anomaly.found
        before = previous.get(id(node))
        if before is not None:
            message = f"序号跳号：“{before.marker.text}”之后是“{node.marker.text}”"
        else:  # the previous item stands under another parent (articles count through a law)
            message = f"序号跳号：此处应为第{expected}项，实为“{node.marker.text}”"
        yield _at(node, message, f"skipped number: expected {expected}, found {found}")


def check_repeated(ctx: Context) -> Iterator[Hit]:
    for node in ctx.nodes:
        if _anomaly(node, AnomalyKind.REPEATED):
            yield _at(node, f"序号重复：“{node.marker.text}”重复出现", f"repeated number {node.number}")


def check_restarted(ctx: Context) -> Iterator[Hit]:
    previous = ctx.previous_in_run()
    for node in ctx.nodes:
        # At level 1 a restart usually follows an unnumbered part title (2021年工作安排).
        if node.level > 1 and _anomaly(node, AnomalyKind.RESTARTED):
            before = previous.get(id(node))
            was = f"“{before.marker.text}”" if before else "前面的序号"
            yield _at(
                node,
                f"序号重新开始：同一级在{was}之后又从“{node.marker.text}”开始",
                "numbering restarts within one run",
            )


def check_starts_late(ctx: Context) -> Iterator[Hit]:
    for node in ctx.nodes:
        anomaly = _anomaly(node, AnomalyKind.STARTS_AT)
        if anomaly and node.marker.family is not Family.SEQUENCE:
            yield _at(
                node,
                f"起始序号不是一：本级第一项是“{node.marker.text}”",
                f"run starts at {node.number}, not 1",
            )


def check_single_top_level(ctx: Context) -> Iterator[Hit]:
    roots = ctx.outline.nodes
    styles = Counter(n.marker.style for n in roots)
    for node in roots:
        if styles[node.marker.style] == 1 and node.number == 1 and node.marker.family in SECTION_FAMILIES:
            yield _at(
                node,
                f"只有一项：全文只有“{node.marker.text}”，没有第二项",
                "the top-level run never reaches 二",
            )


# ---------------------------------------------------------------- W: habits of markers


def minority(
    nodes: list[Node], key: Callable[[Node], object], prefer: object = None
) -> Iterator[tuple[Node, Node]]:
    """Nodes whose `key` differs from the most common one, with an example of the majority.
    On a tie the `prefer`red value is the norm, else the writer's first choice."""
    counts = Counter(key(n) for n in nodes)
    if len(counts) < 2:
        return
    top = max(counts.values())
    tied = [value for value, count in counts.items() if count == top]
    if len(tied) == 1:
        major = tied[0]
    elif prefer in tied:
        major = prefer
    else:
        major = key(nodes[0]) if key(nodes[0]) in tied else tied[0]
    example = next(n for n in nodes if key(n) == major)
    for node in nodes:
        if key(node) != major:
            yield node, example


def by_style(ctx: Context) -> dict[str, list[Node]]:
    styles: dict[str, list[Node]] = defaultdict(list)
    for node in ctx.nodes:
        if node.marker.family in SECTION_FAMILIES or node.marker.family is Family.ORDINAL:
            styles[node.marker.style].append(node)
    return styles


def check_mixed_punct(ctx: Context) -> Iterator[Hit]:
    for nodes in by_style(ctx).values():
        for node, example in minority(nodes, lambda n: n.marker.punct.translate(HALF_TO_FULL)):
            yield _at(
                node,
                f"标点混用：“{node.marker.text}”与本级其他序号“{example.marker.text}”的标点不一致",
                f"punctuation differs from {example.marker.text}",
            )


def check_mixed_width(ctx: Context) -> Iterator[Hit]:
    for nodes in by_style(ctx).values():
        for node, example in minority(nodes, lambda n: n.marker.full_width, prefer=True):
            yield _at(
                node,
                f"全角/半角混用：“{node.marker.text}”与本级其他序号“{example.marker.text}”不一致",
                f"{'half' if example.marker.full_width else 'full'}-width among {'full' if example.marker.full_width else 'half'}-width markers",
            )


def check_mixed_families(ctx: Context) -> Iterator[Hit]:
    by_level: dict[int, list[Node]] = defaultdict(list)
    for node in ctx.nodes:
        if node.placement is Placement.LEAD and node.marker.family in SECTION_FAMILIES:
            by_level[node.level].append(node)
    for nodes in by_level.values():
        counts = Counter(n.marker.family for n in nodes)
        if len(counts) < 2:
            continue
        (major, major_count), *_ = counts.most_common()
        if major_count * 4 < len(nodes) * 3:
            continue  # no clear habit at this level
        example = next(n for n in nodes if n.marker.family is major)
        for node in nodes:
            if node.marker.family is not major:
                yield _at(
                    node,
                    f"同级样式混用：“{node.marker.text}”所在层级其他各处用“{example.marker.text}”这类序号",
                    "marker family differs from the rest of its level",
                )


def check_level_order(ctx: Context) -> Iterator[Hit]:
    """Reported once per pair of styles, at the first place: a layout the document uses
    throughout is one decision, not forty slips."""
    order = {name: rank for rank, name in enumerate(ctx.config.level_order)}
    places: dict[tuple[str, str], list[tuple[Node, Node]]] = defaultdict(list)
    for node in ctx.nodes:
        parent = ctx.parent.get(id(node))
        if parent is None or node.placement is not Placement.LEAD:
            continue
        mine, theirs = order.get(node.marker.family.value), order.get(parent.marker.family.value)
        if mine is not None and theirs is not None and mine < theirs:
            places[(parent.marker.style, node.marker.style)].append((parent, node))
    for found in places.values():
        parent, node = found[0]
        more = f"（全文共{len(found)}处）" if len(found) > 1 else ""
        yield _at(
            node,
            f"层级顺序反常：“{parent.marker.text}”下一级用了“{node.marker.text}”{more}",
            "a higher-order marker below a lower-order one"
            + (f" ({len(found)} places)" if len(found) > 1 else ""),
        )


# ---------------------------------------------------------------- S: structure


def check_single_child(ctx: Context) -> Iterator[Hit]:
    cut = _cut_off_spine(ctx)  # there the text simply stops: S304 says so once
    for node in ctx.nodes:
        # A chapter with one article (第X章 附则 / 本办法自…起施行) is normal in law.
        if len(node.children) == 1 and id(node) not in cut and node.children[0].marker.style != "division:条":
            child = node.children[0]
            yield _at(
                child,
                f"有一无二：“{node.marker.text}”下只有“{child.marker.text}”一项",
                "a section with a single child",
            )


def _norm(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def check_toc(ctx: Context) -> Iterator[Hit]:
    toc = ctx.outline.toc
    if not toc:
        return
    styles = {entry.marker.style for entry in toc}
    body = [n for n in ctx.nodes if n.marker.style in styles and n.placement is Placement.LEAD]
    body_keys = {(n.marker.style, n.number): n for n in body}
    toc_keys = {(e.marker.style, e.marker.number) for e in toc}
    for entry in toc:
        node = body_keys.get((entry.marker.style, entry.marker.number))
        if node is None:
            yield (
                entry.line,
                1,
                f"目录与正文不符：目录有“{entry.marker.text}{entry.heading}”，正文没有",
                "TOC entry missing from the body",
            )
            continue
        a, b = _norm(entry.heading), _norm(node.heading)
        if a and b and not (a.startswith(b) or b.startswith(a)) and a[:2] != b[:2]:
            yield (
                entry.line,
                1,
                f"目录与正文不符：目录为“{entry.heading}”，正文为“{node.heading}”",
                "TOC heading reworded in the body",
            )
    level = min((n.level for n in body), default=1)
    for node in body:
        if node.level == level and (node.marker.style, node.number) not in toc_keys:
            yield _at(
                node,
                f"目录与正文不符：正文的“{node.marker.text}{node.heading}”不在目录中",
                "body section missing from the TOC",
            )


def check_empty_section(ctx: Context) -> Iterator[Hit]:
    """A heading line with nothing under it, among siblings that do have content (short list
    items like （一）配偶 are all empty, and that is how lists look)."""
    last = ctx.nodes[-1] if ctx.nodes else None
    for _, run in ctx.runs():
        # A heading that is a whole sentence (1、多数学生喜欢上网。) carries its own content.
        headings = [n for n in run if _is_heading(n) and n.bare and not n.terminator]
        if len(headings) < 2 or _is_list(run):
            continue
        empty = [n for n in headings if not n.children and not n.body and n is not last]
        if len(empty) * 2 < len(headings):
            for node in empty:
                yield _at(node, f"空章节：“{node.marker.text}{node.heading}”下没有内容", "empty section")


def check_cut_off(ctx: Context) -> Iterator[Hit]:
    tail = ctx.outline.tail.rstrip()
    if ctx.nodes and tail and tail[-1] not in SENTENCE_END:
        end = ctx.outline.body_lines[1] if ctx.outline.body_lines else ctx.nodes[-1].end_line
        yield (
            end,
            1,
            f"文末不完整：全文结束于“…{tail[-12:]}”，最后一部分可能被截断",
            "the text ends mid-sentence: cut off?",
        )


# ---------------------------------------------------------------- H: headings


def check_parallel(ctx: Context) -> Iterator[Hit]:
    for _, run in ctx.runs():
        if _is_list(run) or not all(
            n.marker.family in SECTION_FAMILIES or n.marker.family.is_enumerator for n in run
        ):
            continue  # legal divisions (第X章/节) are names, not rhetoric
        headings = [n.heading for n in run]
        for index, frame in parallel_outliers(headings, ctx.config.parallel_min_siblings):
            node = run[index]
            yield _at(
                node,
                f"排比不一致：“{node.heading}”与同级其他标题的{frame.describe}不一致",
                f"breaks the parallel pattern of its siblings: {frame.gloss}",
            )


def check_long_heading(ctx: Context) -> Iterator[Hit]:
    limit = ctx.config.max_heading_length
    for node in ctx.nodes:
        if _is_heading(node) and node.terminator not in ("；", ";") and len(node.heading) > limit:
            yield _at(
                node,
                f"标题过长：“{node.marker.text}”的标题有{len(node.heading)}字（上限{limit}字）",
                f"heading of {len(node.heading)} characters (limit {limit})",
            )


def check_heading_period(ctx: Context) -> Iterator[Hit]:
    for _, run in ctx.runs():
        bare = [
            n for n in run if n.bare and _is_heading(n) and n.terminator in ("", "。")
        ]  # not lead-ins (…：)
        if len(bare) < 3 or _is_list(run):
            continue
        for node, _ in minority(bare, lambda n: n.terminator == "。"):
            has = "有" if node.terminator == "。" else "没有"
            other = "没有" if node.terminator == "。" else "有"
            yield _at(
                node,
                f"标题句末标点不一致：“{node.marker.text}{node.heading}”句末{has}“。”，同级其他标题{other}",
                "heading ends with 。 unlike its siblings"
                if has == "有"
                else "heading lacks the 。 its siblings have",
            )


RULES: tuple[Rule, ...] = (
    Rule(
        "N101",
        "序号跳号",
        "skipped number",
        Severity.ERROR,
        "同一组序号中漏掉了某个数。",
        "A number is missing from a run.",
        "一、…\n二、…\n四、…",
        "一、…\n二、…\n三、…",
        check_skipped,
        fix="按本组上一项接着编号，其后各项顺延。",
        fix_en="the run is numbered on from its last good number; later items follow",
    ),
    Rule(
        "N102",
        "序号重复",
        "repeated number",
        Severity.ERROR,
        "同一组序号中某个数出现了两次。",
        "A number appears twice in a run.",
        "（一）…\n（二）…\n（二）…",
        "（一）…\n（二）…\n（三）…",
        check_repeated,
        fix="重复的一项改为下一个数，其后各项顺延。",
        fix_en="the repeat becomes the next number; later items follow",
    ),
    Rule(
        "N103",
        "序号重新开始",
        "restarted numbering",
        Severity.WARNING,
        "同一层级的序号在中途又从“一”开始（第 1 层除外：部分标题之后重新编号是常见写法）。",
        "Numbering starts again at 1 within one run (level 1 is exempt: parts restart).",
        "一、任务\n（一）…\n（二）…\n（一）…",
        "一、任务\n（一）…\n（二）…\n（三）…",
        check_restarted,
        fix="重新开始的一项接着上一项编号（第 1 层不改）。",
        fix_en="the restarted item continues the run (not at level 1)",
    ),
    Rule(
        "N104",
        "起始序号不是一",
        "run does not start at 1",
        Severity.WARNING,
        "一组序号的第一项不是“一”（条文在全法中连续编号，按全文计算）。",
        "The first item of a run is not number 1 (articles count through the whole law).",
        "二、…\n三、…",
        "一、…\n二、…",
        check_starts_late,
    ),
    Rule(
        "N105",
        "只有一项",
        "run never reaches 二",
        Severity.WARNING,
        "全文第一层只有“一、”而没有“二、”：结构不完整或文本被截断。",
        "The top level has only item 一: incomplete or cut off.",
        "一、提高认识\n……",
        "一、提高认识\n……\n二、狠抓落实\n……",
        check_single_top_level,
    ),
    Rule(
        "W201",
        "标点混用",
        "mixed punctuation",
        Severity.WARNING,
        "同一种序号在文中用了不同的标点（`一、` 与 `一．`）。",
        "One marker style with different punctuation (一、 and 一．).",
        "一、…\n二．…",
        "一、…\n二、…",
        check_mixed_punct,
        fix="改为本级多数序号所用的标点。",
        fix_en="the marker takes the punctuation most of its style use",
    ),
    Rule(
        "W202",
        "同级样式混用",
        "mixed marker families at one level",
        Severity.WARNING,
        "同一层级的大多数条目用一种序号，个别条目用了另一种。",
        "Most items of a level use one marker family; a few use another.",
        "一、甲\n（一）子一。\n（二）子二。\n二、乙\n（一）子一。\n（二）子二。\n三、丙\n（一）子一。\n（二）子二。\n四、丁\n1.子一。\n2.子二。",
        "一、甲\n（一）子一。\n（二）子二。\n二、乙\n（一）子一。\n（二）子二。\n三、丙\n（一）子一。\n（二）子二。\n四、丁\n（一）子一。\n（二）子二。",
        check_mixed_families,
    ),
    Rule(
        "W203",
        "全角/半角混用",
        "mixed full and half width",
        Severity.WARNING,
        "同一种序号在文中混用全角和半角括号或标点（`（一）` 与 `(二)`）。",
        "One marker style mixes full- and half-width brackets or punctuation.",
        "（一）…\n(二)…",
        "（一）…\n（二）…",
        check_mixed_width,
        fix="改为本级多数序号的全角或半角写法。",
        fix_en="the marker takes the width most of its style use",
    ),
    Rule(
        "W204",
        "层级顺序反常",
        "levels out of the usual order",
        Severity.WARNING,
        "下级序号比上级序号“大”（如 `（一）` 下面用 `一、`）。常规顺序可在 level-order 中设置。",
        "A marker ranked above its parent's (一、 under （一）); the order is configurable (level-order).",
        "（一）…\n一、…",
        "一、…\n（一）…",
        check_level_order,
    ),
    Rule(
        "S301",
        "有一无二",
        "single child",
        Severity.WARNING,
        "一个条目下只有一个下级条目：要么补齐，要么不必分级。",
        "An item with exactly one sub-item: add the second or drop the level.",
        "一、…\n（一）…\n二、…",
        "一、…\n（一）…\n（二）…\n二、…",
        check_single_child,
    ),
    Rule(
        "S302",
        "目录与正文不符",
        "table of contents disagrees with the body",
        Severity.ERROR,
        "目录中的条目在正文中缺失或改了措辞，或正文的部分不在目录中。",
        "A TOC entry is missing from the body or reworded, or a body part is missing from the TOC.",
        "目录\n一、总体要求\n二、主要任务\n三、保障措施\n…\n一、总体要求\n二、主要任务",
        "目录\n一、总体要求\n二、主要任务\n…\n一、总体要求\n二、主要任务",
        check_toc,
        fix="按正文改写目录：改号、改字，补上缺的条目，删去正文已没有的条目（正文被截断时不删）。",
        fix_en="the TOC is rewritten from the body: renumbered, reworded, missing entries added, gone ones removed (not when the text is cut off)",
    ),
    Rule(
        "S303",
        "空章节",
        "empty section",
        Severity.WARNING,
        "条目下面既没有正文也没有下级条目。",
        "An item with neither text nor sub-items.",
        "一、总体要求\n二、主要任务\n要抓好落实。\n三、保障措施\n要加强领导。",
        "一、总体要求\n要稳中求进。\n二、主要任务\n要抓好落实。\n三、保障措施\n要加强领导。",
        check_empty_section,
    ),
    Rule(
        "S304",
        "文末不完整",
        "text cut off",
        Severity.ERROR,
        "全文最后一段没有以句末标点结束，最后一部分可能被截断。",
        "The last paragraph does not end a sentence: the text may be cut off.",
        "一、狠抓落实\n要压实责任，确保各项任务落到",
        "一、狠抓落实\n要压实责任，确保各项任务落到实处。",
        check_cut_off,
    ),
    Rule(
        "H401",
        "排比不一致",
        "broken parallel headings",
        Severity.WARNING,
        "同级标题大多按同一句式（如“在…上聚力用劲”、四字短语、“六字，六字”）写成，个别标题没有。",
        "Most sibling headings share a frame (在…上聚力用劲, four characters, 6+6 clauses); one does not.",
        "一、在学深悟透上聚力用劲\n二、在宣传贯彻上聚力用劲\n三、在决战脱贫上聚力用劲\n四、聚焦年度目标任务",
        "一、在学深悟透上聚力用劲\n二、在宣传贯彻上聚力用劲\n三、在决战脱贫上聚力用劲\n四、在聚焦目标上聚力用劲",
        check_parallel,
    ),
    Rule(
        "H402",
        "标题过长",
        "heading too long",
        Severity.WARNING,
        "标题超过 max-heading-length 个字（默认 50）。",
        "A heading longer than max-heading-length characters (50 by default).",
        "一、坚持以人民为中心的发展思想，持续加大民生投入，扎实办好各项民生实事，努力让人民群众的获得感幸福感安全感更加充实、更有保障、更可持续\n要办好民生实事。",
        "一、坚持人民至上，持续改善民生\n要办好民生实事。",
        check_long_heading,
    ),
    Rule(
        "H403",
        "标题句末标点不一致",
        "inconsistent period after headings",
        Severity.WARNING,
        "单独成行的同级标题，有的以“。”结尾，有的没有。",
        "Of the heading lines of one run, some end with 。 and some do not.",
        "（一）抓发展\n（二）保民生。\n（三）促稳定",
        "（一）抓发展\n（二）保民生\n（三）促稳定",
        check_heading_period,
    ),
)

RULES_BY_CODE = {rule.code: rule for rule in RULES}
