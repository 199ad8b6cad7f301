"""Lines that are not the speech: advertising blocks, web-page chrome, date stamps.

Template sites wrap speeches in blocks of short lines ("仅供学习 禁止外传", "会员群：",
"阅读全文", "¥6.66", "0.082848s"). A line is noise when it is short and says something
only a web page or an advertisement says; a block of short lines (between blank lines)
that is mostly noise is noise as a whole, so the brand name inside it goes too.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .lines import LineKind, SourceLine

# Phrases of page chrome and template-site advertising. Matched only on short lines.
_NOISE_WORDS = re.compile(
    "|".join(
        [
            r"阅读全文|展开全文|查看全文|查看更多|阅读原文|点击(?:查看|阅读|下载|关注)|全文完",
            r"分享[:：到]?$|分享本文|分享至|一键分享|转发|点赞|收藏|在看|打赏|赞赏|赏赞",
            r"扫一扫|二维码|公众号|订阅号|关注我们|联系客服|客服|在线咨询",
            r"热门推荐|本周热门|本月热门|相关内容|相关推荐|猜你喜欢|上一篇|下一篇|返回顶部|返回首页",
            r"登[陆录]|注册|会员|QQ群|微信群|VIP|vip|订阅|免费领取|立即下载|下载(?:本文|文档|全文)",
            r"仅供学习|禁止外传|禁止转载|版权所有|侵权必究|转载请注明|倒卖",
            r"责任编辑|编辑[:：]|来源[:：]|作者[:：]|浏览(?:次数|量)?[:：]|阅读量|字号[:：]?|打印本页|关闭窗口",
            r"点击上方|蓝字|长按识别|扫码关注|原标题[:：]|推荐阅读|往期(?:回顾|推荐|精选)|免责声明|版权声明|文章来源|审核[:：]|校对[:：]",
            r"评论回复|提交回复|发表评论|网友评论|免费获取|获取全文|全文下载|联系老师|联系客服|请点击|复制链接",
            r"侵权投诉|专免|只需一步|快速开始|立即注册|找回密码|设为首页|收藏本站|本题链接|本文链接|原文链接|更多信息进入|相关链接[:：]",
            r"Adobe Flash|Flash Player|需要较新版本",
        ]
    )
)
# Words that are noise only on a very short line ("微信扫一扫" yes, "加强网络评论引导" no).
_WEAK_WORDS = re.compile(r"微信|微博|抖音|网友|评论|热门|推荐|广告|赞助")
WEAK_LINE = 16
# Lines that are only a price, a timing, a date stamp, a view counter or a share widget.
_NOISE_LINE = re.compile(
    r"^(?:[¥￥$]\s*\d+(?:\.\d+)?"
    r"|\d+(?:\.\d+)?\s*(?:s|ms|秒)"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+\d+)?"
    r"|\d{1,2}:\d{2}(?::\d{2})?"
    r"|[•·●▪]\s*\S{0,8}"
    r"|[【\[].{0,12}[】\]]"
    r"|[-—–]*\s*END\s*[-—–]*"
    r"|\d+\s*[页頁]"  # a document viewer's page count
    r"|(?:(?:查看|回复|浏览|阅读|点击|人气|评论)\s*[:：]?\s*\d+\s*[|｜/,，]?\s*)+"  # 查看: 100|回复: 0
    r")$"
)
SHORT_LINE = 40  # characters; noise words in longer lines are prose ("分享经验")


# The metadata table of government websites; such a line may run long (several fields).
_METADATA = re.compile(
    r"^(?:索引号|发布日期|发布时间|发文日期|成文日期|归档时间|主题分类|组配分类|体裁分类|发布机构|发文机关|"
    r"信息来源|公开方式|公开范围|公开时限|有效性|文号|來源|来源|責任編輯|责任编辑|發布|发布|發佈)\s*[:：]"
)
METADATA_LINE = 120


# The blurb 范文 sites put before a text: 下面是小编为大家整理的…，供大家参考。
_BLURB = re.compile(
    r"小编|供大家参考|仅供参考|欢迎阅读|希望对(?:您|你|大家)有所帮助|欢迎大家阅读|以下是.{0,20}为大家"
)


# An editor's note before the text: 【导读】…, 编者按：… — someone else's words about it.
_EDITOR_NOTE = re.compile(
    r"^(?:[【\[]\s*(?:导\s*读|编\s*者\s*按|摘\s*要|内容提要)\s*[】\]]|编者按\s*[:：]|导读\s*[:：])"
)


def is_noise_line(text: str) -> bool:
    """A short line that only a web page or an advertisement says ("阅读全文", "¥6.66"), or an
    editor's note of any length."""
    if _EDITOR_NOTE.match(text):
        return True
    if (
        text
        and len(text) <= METADATA_LINE
        and (_METADATA.match(text) or _BLURB.search(text) or "Flash Player" in text)
    ):
        return True
    if not text or len(text) > SHORT_LINE:
        return False
    return bool(_NOISE_LINE.match(text) or _NOISE_WORDS.search(text))


def _is_weak_noise(text: str) -> bool:
    """A very short line with a word that is noise only next to other noise ("热门推荐")."""
    return 0 < len(text) <= WEAK_LINE and bool(_WEAK_WORDS.search(text))


def mark_noise(lines: list[SourceLine], is_outline_line: Callable[[str], bool]) -> None:
    """Set `kind = NOISE` on noise lines and on short-line blocks that are mostly noise.

    `is_outline_line` protects numbered headings ("四、加强网络评论引导") from the word lists.
    """
    block: list[SourceLine] = []

    def flush() -> None:
        if not block:
            return
        strong = [line for line in block if is_noise_line(line.text) and not is_outline_line(line.text)]
        weak = [line for line in block if _is_weak_noise(line.text) and not is_outline_line(line.text)]
        noisy = strong + [line for line in weak if line not in strong] if strong else []
        # A block of short lines, mostly noise, is an advertisement or page chrome as a whole
        # (the brand name in it goes too) — unless it holds the outline: then it is the
        # document itself, written without blank lines, and only its noisy lines go.
        short = all(len(line.text) <= SHORT_LINE for line in block)
        holds_outline = any(is_outline_line(line.text) for line in block)
        if noisy and short and not holds_outline and len(noisy) * 2 >= len(block):
            for line in block:
                line.kind = LineKind.NOISE
        else:
            for line in noisy:
                line.kind = LineKind.NOISE
        block.clear()

    for line in lines:
        if line.kind is LineKind.TEXT:
            block.append(line)
        elif line.kind is LineKind.BLANK:
            flush()
    flush()
    _mark_footer(lines, is_outline_line)


_SENTENCE_END = "。！？!?…”」』"


def _mark_footer(lines: list[SourceLine], is_outline_line: Callable[[str], bool]) -> None:
    """A page footer: the short lines after the last finished sentence (a comment box, a
    "download the full text" prompt), when at least one of them is clear chrome."""
    tail: list[SourceLine] = []
    for line in reversed(lines):
        if line.kind is LineKind.BLANK or line.kind is LineKind.NOISE:
            if line.kind is LineKind.NOISE:
                tail.append(line)
            continue
        if line.kind is not LineKind.TEXT:
            continue
        text = line.text
        if len(text) > SHORT_LINE or text[-1] in _SENTENCE_END or is_outline_line(text):
            break
        tail.append(line)
    if any(line.kind is LineKind.NOISE for line in tail):
        for line in tail:
            line.kind = LineKind.NOISE
