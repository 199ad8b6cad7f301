"""Texts the report tests are made of, written for them: a speech with parts, an appendix,
a numbering slip and hostile headings; a generated law of any size; a generated pair of
drafts with bodies that differ character by character."""

from __future__ import annotations

import random

from bench_render import heading

DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """Chinese numerals to 999, as laws number their articles (第一百零一条, 第三百条)."""
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = f"{DIGITS[hundreds]}百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else DIGITS[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    return out + (DIGITS[ones] if ones else "")


# Headings an attacker would write. The parser drops real tags from text and Word files, so
# these reach the pages through the library (outlines built in code) and through file names.
HOSTILE = ("<script>alert(1)</script>", '"><img src=x onerror="window.__pwned=1">')

SPEECH = (
    "在全市重点工作推进会上的讲话\n"
    "同志们：\n"
    "2023年工作回顾\n"
    "一、经济运行稳中有进\n"
    "全年地区生产总值增长5.2%，规模以上工业增加值增长6.1%。\n"
    "（一）项目建设提速\n"
    "新开工亿元以上项目86个，竣工投产52个。\n"
    "（二）营商环境改善\n"
    "政务服务事项全部实现网上可办。\n"
    "二、安全生产&lt;专项&gt;整治\n"
    "标题里的 &lt; 是五个字符，不是一个尖括号。\n"
    "2024年工作安排\n"
    "一、推动产业升级\n"
    "一是壮大先进制造业集群；二是培育数字经济新动能；三是提升服务业发展水平。\n"
    "二、扩大有效投资\n"
    "全年完成固定资产投资增长8%以上。\n"
    "四、办好民生实事\n"
    "新增城镇就业3.5万人，改造老旧小区120个。\n"
    "同志们，让我们团结一心，奋力实现全年目标！\n"
    "名词解释\n"
    "1.六稳：稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。\n"
    "2.六保：保居民就业、保基本民生、保市场主体。\n"
)


def law(articles: int = 300, seed: int = 0) -> str:
    """A law of `articles` items: 第X章 chapters of 第X条 articles, some with （一）（二） items."""
    rng = random.Random(seed)
    lines = ["中华人民共和国示例管理法", ""]
    count = chapter = article = 0
    while count < articles:
        chapter += 1
        lines.append(f"第{cn_number(chapter)}章　{heading(rng)}")
        count += 1
        for _ in range(rng.randint(6, 14)):
            if count >= articles:
                break
            article += 1
            count += 1
            lines.append(f"第{cn_number(article)}条　{heading(rng)}，{heading(rng)}。{heading(rng)}。")
            if rng.random() < 0.2:
                for item in range(1, rng.randint(2, 4) + 1):
                    if count >= articles:
                        break
                    count += 1
                    lines.append(f"（{cn_number(item)}）{heading(rng)}；")
    return "\n".join(lines) + "\n"


def drafts(items: int = 100, seed: int = 0) -> tuple[str, str]:
    """Two drafts of one speech, `items` items each: sections moved, headings and bodies
    reworded, items deleted and inserted."""
    rng = random.Random(seed)
    shape: list[tuple[int, str, str]] = []
    while len(shape) < items:
        shape.append((1, heading(rng), ""))
        for _ in range(rng.randint(2, 5)):
            shape.append((2, heading(rng), f"{heading(rng)}，{heading(rng)}。{heading(rng)}。"))
            shape.extend((3, heading(rng), f"{heading(rng)}。") for _ in range(rng.randint(0, 3)))
    shape = shape[:items]
    second = list(shape)
    for _ in range(items // 10):
        i = rng.randrange(len(second))
        level, head, body = second[i]
        second[i] = (level, heading(rng)[:4] + head[2:], body.replace(body[:3], "进一步", 1))
    for _ in range(items // 25):
        j = rng.randrange(1, len(second))
        second[j] = (second[j][0], heading(rng), f"{heading(rng)}。")
    tops = [i for i, item in enumerate(second) if item[0] == 1]
    if len(tops) >= 3:  # the last section moved to the front
        second = second[tops[-1] :] + second[: tops[-1]]
    return _write(shape), _write(second)


def _write(items: list[tuple[int, str, str]]) -> str:
    counters = [0, 0, 0]
    lines = ["关于全年重点工作的讲话"]
    for level, head, body in items:
        counters[level - 1] += 1
        counters[level:] = [0] * (3 - level)
        n = counters[level - 1]
        marker = (f"{cn_number(n)}、", f"（{cn_number(n)}）", f"{n}．")[level - 1]
        lines.append(f"{marker}{head}。{body}")
    return "\n".join(lines) + "\n"
