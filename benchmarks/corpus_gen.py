"""A synthetic speech corpus in known template families, for `tigang corpus` tests and benchmarks.

    python benchmarks/corpus_gen.py OUT_DIR N [SEED] [--realistic] [--truth FILE]

Each family starts from one base speech (a title, an address, three to six 一、 sections with
（一） subsections, some with 1. items) and adds variants the way drafters reuse a template:
headings reworded, sections and subsections reordered, subsections inserted and deleted, the
title and every body sentence rewritten. About a third of the documents are singletons. All
speeches draw on one phrase stock, so unrelated speeches share much of their vocabulary (the
hard case for a similarity index), but not their structure.

By default each item carries one sentence (3 KB a speech: quick tests). `--realistic` (or
`sentences=REALISTIC`) gives each item a paragraph of several sentences with figures and
years, about 10 KB and 3,000 characters a speech, the size of a county-level speech, so
that parse time, memory and database size are measured on the text a real corpus holds.

`iter_documents(n, seed)` makes the documents one at a time (each from its own random
stream, so a million of them need no more memory than one); `generate(n, seed)` is the same
as a list; `write(folder, docs)` writes them as UTF-8 files and returns {file name: family}.
Tests import this module (benchmarks/ is not a package: add it to sys.path).
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tigang.outline.readers.numerals import chinese_counting

VERBS = [
    "加强",
    "推进",
    "深化",
    "完善",
    "健全",
    "强化",
    "提升",
    "优化",
    "统筹",
    "夯实",
    "巩固",
    "拓展",
    "落实",
    "做好",
    "抓好",
    "推动",
    "着力",
    "坚持",
    "扎实",
    "全面",
    "加快",
    "创新",
    "规范",
    "严格",
    "持续",
    "促进",
    "聚焦",
    "扩大",
    "培育",
    "守牢",
]
OBJECTS = [
    "党的建设",
    "基层治理",
    "生态保护",
    "乡村振兴",
    "产业发展",
    "民生保障",
    "安全生产",
    "营商环境",
    "科技创新",
    "人才引育",
    "文化建设",
    "社会治理",
    "财政金融",
    "对外开放",
    "城乡融合",
    "教育卫生",
    "应急管理",
    "作风建设",
    "廉政建设",
    "数字经济",
    "招商引资",
    "项目建设",
    "园区发展",
    "交通物流",
    "水利设施",
    "耕地保护",
    "粮食安全",
    "食品药品",
    "养老服务",
    "托育服务",
    "就业创业",
    "住房保障",
    "医疗改革",
    "防汛抗旱",
    "森林防火",
    "信访维稳",
    "网络安全",
    "意识形态",
    "统战工作",
    "民族宗教",
    "国资国企",
    "民营经济",
    "消费升级",
    "外贸外资",
    "旅游产业",
    "现代农业",
    "制造业",
    "服务业",
    "新能源",
    "新材料",
    "城市更新",
    "老旧小区",
    "污染防治",
    "河湖长制",
    "碳达峰",
    "人居环境",
    "文明创建",
    "法治政府",
    "政务服务",
    "审计监督",
    "统计工作",
    "档案管理",
    "机关事务",
    "群团工作",
    "妇女儿童",
    "残疾人事业",
    "退役军人",
    "双拥共建",
    "国防动员",
    "社会保险",
]
QUALIFIERS = ["体系", "机制", "能力", "水平", "工作", "格局", "质量", "效能", "基础", "保障", "环境", "队伍"]
TOPICS = [
    "经济",
    "项目",
    "招商",
    "安全生产",
    "乡村振兴",
    "党建",
    "生态环境",
    "民生",
    "教育",
    "卫生健康",
    "应急管理",
    "营商环境",
    "科技",
    "人才",
    "文旅",
    "交通",
    "水利",
    "城建",
    "农业农村",
    "工业",
]
MEETINGS = ("工作会议", "推进会", "动员大会", "座谈会", "专题会议", "调度会")
PLACES = ("全市", "全县", "全区", "全省", "全镇", "系统")
SENTENCES = (
    "要坚持问题导向，抓住关键环节，确保各项任务落地见效",
    "各地各部门要压实责任，细化措施，形成工作合力",
    "要加强统筹协调，定期调度，及时研究解决突出问题",
    "要强化督查考核，对工作不力的严肃问责",
    "要坚持以人民为中心，切实解决群众急难愁盼问题",
    "要创新方式方法，总结推广基层好经验好做法",
    "要守住底线红线，防范化解各类风险隐患",
    "要加大投入力度，强化要素保障，夯实发展基础",
)
# Rewordings between versions of one template: one word for a near synonym.
SYNONYMS = {
    "加强": "强化",
    "推进": "推动",
    "提升": "提高",
    "完善": "健全",
    "深化": "深入",
    "抓好": "做好",
    "着力": "全力",
    "持续": "不断",
    "加快": "加速",
    "扎实": "切实",
}


@dataclass(frozen=True)
class Document:
    name: str  # file name
    text: str
    family: int | None  # template family, None for a singleton


def cn(n: int) -> str:
    """一, 十一, 一百零一, … (the numerals Word and the parser use; any size)."""
    return chinese_counting(n)


def heading(rng: random.Random) -> str:
    first = rng.choice(VERBS) + rng.choice(OBJECTS) + rng.choice(QUALIFIERS)
    if rng.random() < 0.4:
        return first
    return first + "，" + rng.choice(VERBS) + rng.choice(OBJECTS)


# A speech structure: [(heading, [(heading, [item headings])])]
Structure = list[tuple[str, list[tuple[str, list[str]]]]]


def base_structure(rng: random.Random) -> Structure:
    sections = []
    for _ in range(rng.randint(3, 6)):
        subs = []
        for _ in range(rng.randint(2, 4)):
            items = [heading(rng) for _ in range(rng.choice((0, 0, 0, 2, 3)))]
            subs.append((heading(rng), items))
        sections.append((heading(rng), subs))
    return sections


def reword(text: str, rng: random.Random) -> str:
    for word in rng.sample(sorted(SYNONYMS), len(SYNONYMS)):
        if word in text:
            return text.replace(word, SYNONYMS[word], 1)
    return "切实" + text


def variant(base: Structure, rng: random.Random) -> Structure:
    """The base with two to four edits a drafter makes when reusing a template; never the
    base itself (two swaps can undo each other), which would be a repost."""
    while True:
        sections = _edited(base, rng)
        if sections != base:
            return sections


def _edited(base: Structure, rng: random.Random) -> Structure:
    sections = [(h, [(sh, list(items)) for sh, items in subs]) for h, subs in base]
    for _ in range(rng.randint(2, 4)):
        kind = rng.choice(("reword", "reword", "reorder", "insert", "delete"))
        s = rng.randrange(len(sections))
        title, subs = sections[s]
        if kind == "reword":
            if rng.random() < 0.3:
                sections[s] = (reword(title, rng), subs)
            else:
                k = rng.randrange(len(subs))
                subs[k] = (reword(subs[k][0], rng), subs[k][1])
        elif kind == "reorder":
            if rng.random() < 0.5 and len(sections) > 2:
                i, j = rng.sample(range(len(sections)), 2)
                sections[i], sections[j] = sections[j], sections[i]
            elif len(subs) > 1:
                i, j = rng.sample(range(len(subs)), 2)
                subs[i], subs[j] = subs[j], subs[i]
        elif kind == "insert":
            subs.insert(rng.randrange(len(subs) + 1), (heading(rng), []))
        elif len(subs) > 1:
            del subs[rng.randrange(len(subs))]
    return sections


UNITS = ("项", "个", "家", "处", "公里", "亿元", "万元", "万人")
CHANGES = ("增长", "提高", "下降", "完成", "新增", "累计")
REALISTIC = (2, 6)  # sentences per item: about 11 KB a speech


def sentence(rng: random.Random) -> str:
    """One body sentence from the phrase stock, with figures: no two paragraphs alike."""
    kind = rng.randrange(4)
    if kind == 0:
        return rng.choice(SENTENCES)
    if kind == 1:
        return f"{rng.choice(VERBS)}{rng.choice(OBJECTS)}{rng.choice(QUALIFIERS)}，{rng.choice(SENTENCES)}"
    if kind == 2:
        return (
            f"{rng.randint(2015, 2025)}年，{rng.choice(OBJECTS)}{rng.choice(CHANGES)}"
            f"{rng.randint(2, 999)}{rng.choice(UNITS)}，{rng.choice(OBJECTS)}{rng.choice(QUALIFIERS)}"
            f"{rng.choice(CHANGES)}{rng.randint(1, 99)}.{rng.randint(0, 9)}%"
        )
    return f"围绕{rng.choice(OBJECTS)}，{rng.choice(VERBS)}{rng.choice(OBJECTS)}，推动{rng.choice(OBJECTS)}{rng.choice(QUALIFIERS)}不断提升"


def paragraph(rng: random.Random, sentences: tuple[int, int]) -> str:
    if sentences == (1, 1):
        return f"{rng.choice(SENTENCES)}。"
    return "".join(f"{sentence(rng)}。" for _ in range(rng.randint(*sentences)))


def render(structure: Structure, rng: random.Random, title: str, sentences: tuple[int, int] = (1, 1)) -> str:
    lines = [
        title,
        "",
        "同志们：",
        f"今天召开这次会议，主要任务是{rng.choice(SENTENCES)}。下面，我讲几点意见。",
        "",
    ]
    for i, (head, subs) in enumerate(structure, 1):
        lines.append(f"{cn(i)}、{head}")
        if sentences != (1, 1):
            lines.append(paragraph(rng, sentences))
        for j, (sub, items) in enumerate(subs, 1):
            lines.append(f"（{cn(j)}）{sub}。{paragraph(rng, sentences)}")
            lines.extend(f"{k}．{item}。{paragraph(rng, sentences)}" for k, item in enumerate(items, 1))
        lines.append("")
    lines.append("同志们，让我们紧密团结起来，真抓实干，为全面完成各项目标任务而努力奋斗！")
    return "\n".join(lines) + "\n"


def title(rng: random.Random) -> str:
    return f"在{rng.choice(PLACES)}{rng.choice(TOPICS)}{rng.choice(MEETINGS)}上的讲话"


def _plan(n: int, seed: int, singleton_share: float, sizes: tuple[int, int]) -> tuple[list[int], list[int]]:
    """Family sizes, and a shuffled list of slots: slot k < total family members is the k-th
    member counting family by family, the rest are singletons."""
    rng = random.Random(seed)
    singletons = round(n * singleton_share)
    family_sizes: list[int] = []
    members = 0
    while members < n - singletons:
        size = min(rng.randint(*sizes), n - singletons - members)
        family_sizes.append(size)
        members += size
    slots = list(range(n))
    rng.shuffle(slots)
    return family_sizes, slots


def iter_documents(
    n: int,
    seed: int = 0,
    singleton_share: float = 0.3,
    sizes: tuple[int, int] = (2, 9),
    sentences: tuple[int, int] = (1, 1),
) -> Iterator[Document]:
    """`n` documents in shuffled order, one at a time: families of `sizes` members (base
    included) and singletons. Each family and each document draws from its own random
    stream, seeded from `seed`, so any document can be made without the others."""
    family_sizes, slots = _plan(n, seed, singleton_share, sizes)
    starts: list[int] = []
    total = 0
    for size in family_sizes:
        starts.append(total)
        total += size
    width = len(str(n))
    from bisect import bisect_right

    for i, slot in enumerate(slots):
        name = f"speech{i:0{width}d}.txt"
        if slot >= total:
            rng = random.Random(f"{seed}/single/{slot}")
            yield Document(name, render(base_structure(rng), rng, title(rng), sentences), None)
            continue
        family = bisect_right(starts, slot) - 1
        member = slot - starts[family]
        family_rng = random.Random(f"{seed}/family/{family}")
        base = base_structure(family_rng)
        head = title(family_rng)
        rng = random.Random(f"{seed}/member/{family}/{member}")
        structure = base if member == 0 else variant(base, rng)
        name_title = head if rng.random() < 0.5 else title(rng)
        yield Document(name, render(structure, rng, name_title, sentences), family + 1)


def generate(
    n: int,
    seed: int = 0,
    singleton_share: float = 0.3,
    sizes: tuple[int, int] = (2, 9),
    sentences: tuple[int, int] = (1, 1),
) -> list[Document]:
    """`iter_documents` as a list."""
    return list(iter_documents(n, seed, singleton_share, sizes, sentences))


def write(folder: str | Path, docs: Iterable[Document]) -> dict[str, int | None]:
    """Write the documents into `folder`; return {file name: family}."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    truth: dict[str, int | None] = {}
    for doc in docs:
        (folder / doc.name).write_text(doc.text, encoding="utf-8")
        truth[doc.name] = doc.family
    return truth


def pairwise_scores(truth: dict[str, int | None], found: list[list[str]]) -> tuple[float, float]:
    """(precision, recall) of found families over pairs of documents in one family."""
    true_pairs = set()
    by_family: dict[int, list[str]] = {}
    for name, family in truth.items():
        if family is not None:
            by_family.setdefault(family, []).append(name)
    for members in by_family.values():
        true_pairs |= {(a, b) for a in members for b in members if a < b}
    found_pairs = {(a, b) for members in found for a in members for b in members if a < b}
    hits = len(true_pairs & found_pairs)
    precision = hits / len(found_pairs) if found_pairs else 1.0
    recall = hits / len(true_pairs) if true_pairs else 1.0
    return precision, recall


def main(argv: list[str]) -> int:
    realistic = "--realistic" in argv
    truth_file = None
    if "--truth" in argv:
        at = argv.index("--truth")
        truth_file = argv[at + 1]
        del argv[at : at + 2]
    args = [a for a in argv if a != "--realistic"]
    if len(args) < 2:
        print(__doc__.splitlines()[2].strip(), file=sys.stderr)
        return 2
    docs = iter_documents(
        int(args[1]), int(args[2]) if len(args) > 2 else 0, sentences=REALISTIC if realistic else (1, 1)
    )
    truth = write(args[0], docs)
    if truth_file:
        Path(truth_file).write_text(
            "".join(f"{name}\t{'' if family is None else family}\n" for name, family in truth.items()),
            encoding="utf-8",
        )
    families = len({f for f in truth.values() if f is not None})
    print(f"wrote {len(truth)} documents in {families} families to {args[0]}")
    return 0


def read_truth(path: str | Path) -> dict[str, int | None]:
    """The {file name: family} a `--truth` file holds."""
    out: dict[str, int | None] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        name, family = line.split("\t")
        out[name] = int(family) if family else None
    return out


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
