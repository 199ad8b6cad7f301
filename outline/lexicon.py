r"""The parser's lexicon: the words, punctuation and sizes it decides by, each named once.

What a marker looks like (一、 （一） 一是 首先 第一条 …) is the grammar's job
(grammar/numbering.lark); everything else the parser recognises by its words, its
punctuation or its size is here, with the reason it exists, so that a rule can be found by
its name and changed in one place. tests/test_lexicon.py checks the lexicon against the
grammar (the sequence and aspect words, the marker families) and against the linter.

Word lists are tuples of regex alternatives; the module that uses one builds it into its
regex (`one_of`), whose anchors and context stay in that module. Most alternatives are plain
words; a few keep a character class or optional spaces as real texts write them (登[陆录],
目\s*录). Punctuation sets are strings of characters. Sizes are counted in characters of
cleaned text, or in lines.
"""

from __future__ import annotations

from .model import Family


def words(text: str) -> tuple[str, ...]:
    """A word list written as text: its alternatives separated by white space."""
    return tuple(text.split())


def one_of(alternatives: tuple[str, ...]) -> str:
    """A regex group that matches any of a word list's alternatives: (?:同志们|各位代表|…)."""
    return "(?:" + "|".join(alternatives) + ")"


# ---------------------------------------------------------------- spaces and punctuation

# Spaces that end a marker or a heading: ASCII, ideographic (U+3000), en and em spaces.
SPACES = " \t\u3000\u2002\u2003"
# Spaces that surround Chinese paragraphs: SPACES, NBSP, thin and zero-width spaces, a stray BOM.
WHITESPACE = SPACES + "\u00a0\u2009\u200b\ufeff"
# What ends a sentence: full stop, exclamation and question marks (half-width ones occur in drafts).
SENTENCE_ENDS = "。！？!?"
# What separates the items of a list inside one sentence (一是…；二是…).
SEMICOLONS = "；;"
# What ends a lead-in that introduces a list (主要做了以下工作：).
COLONS = "：:"
# What a run's first item may follow (…，一是…；二是…): only there may a marker follow a comma.
COMMAS = "，,"
# The enumeration comma (顿号) between the words of a series; it also closes 一、.
LIST_COMMA = "、"
# What may stand between 第X部分/章 and its heading (第一部分，谈形势): not part of the heading.
AFTER_DIVISION = COMMAS + LIST_COMMA + COLONS
# Clause ends after which a marker may start a clause; a hard-wrapped line ending in one ends
# its clause (the next line may start a paragraph).
STOPS = SENTENCE_ENDS + SEMICOLONS + COLONS
# What ends a heading: the first of these after the marker (or the end of its line).
HEADING_STOPS = SENTENCE_ENDS + SEMICOLONS
# What may stand between a stop and the marker: closing quotes and brackets, bold marks, and
# any space (…有待加强。\u2002四是…: Word's en space between sentences).
CLOSERS = "”’」』）)】]*" + WHITESPACE
# What is trimmed from the end of a heading: spaces, and punctuation that only joins it to its body.
TRAILING = SPACES + COMMAS + LIST_COMMA + COLONS + SEMICOLONS + SENTENCE_ENDS + "…—-"
# A line ending in one of these finishes a sentence: the page footer starts after the last one.
FINISHED_LINE_ENDS = SENTENCE_ENDS + "…”」』"
# Punctuation an unnumbered part title (2020年工作总结) never holds.
PART_TITLE_PUNCT = SENTENCE_ENDS + SEMICOLONS + COLONS + COMMAS + LIST_COMMA + "…"
# A marker written with any of these is half-width (Marker.full_width is False).
HALF_WIDTH = "().,:;!?"
# Characters a wrapped line may not start with, and may not end with (避头尾): the terminal's
# and the diagrams' line breaking.
NO_LINE_START = frozenset("、，。；：！？）》」』】〕〉”’…—,.;:!?)]}%％·")
NO_LINE_END = frozenset("（《「『【〔〈“‘([{")

# ---------------------------------------------------------------- numbering words

# Sequence words and the place each gives its item. 0: the run decides, 然后 and 最后 come
# after whatever precedes them. The grammar's SEQUENCE_WORD terminal spells the same words.
SEQUENCE_WORDS = {"首先": 1, "其次": 2, "再次": 3, "然后": 0, "最后": 0}
# Sequence words that may stand twice in a row in one run (再次…再次…, 然后…然后…).
SEQUENCE_REPEATS = frozenset({"再次", "然后"})
# Which sequence words may follow each in one run: the later ones (首先 … 其次 … 再次 … 然后 …
# 最后), and itself for a repeating word.
SEQUENCE_NEXT = {
    word: set(list(SEQUENCE_WORDS)[i + 1 :]) | ({word} & SEQUENCE_REPEATS)
    for i, word in enumerate(SEQUENCE_WORDS)
}
# The two sides of an aspect pair and their numbers (ASPECT_WORD in the grammar).
ASPECT_WORDS = {"一方面": 1, "另一方面": 2}

# The usual order of section markers, outermost first (公文: 一、 （一） 1. （1） ①). The tree
# uses it only where the document itself cannot tell (a run that continues, 二、, with its
# start cut off); `tigang check` reports a marker ranked above its parent's (level-order).
SECTION_ORDER = (Family.SECTION, Family.PAREN_SECTION, Family.ARABIC, Family.PAREN_ARABIC, Family.CIRCLED)
# Families the tree ranks with another one of SECTION_ORDER: 1） stands where （1） does. The
# linter's level order leaves them out.
SAME_RANK = {Family.ARABIC_CLOSE: Family.PAREN_ARABIC}
# The rank of each section family in the usual order (0 = 一、), SAME_RANK included.
SECTION_RANK = {family: rank for rank, family in enumerate(SECTION_ORDER)} | {
    family: SECTION_ORDER.index(same) for family, same in SAME_RANK.items()
}
# Articles are numbered through the whole law, not within their chapter or section.
CONTINUOUS_STYLES = frozenset({"division:条"})
# Chapters and sections may restart in every part (民法典) or run on across parts (条例 whose
# 第二编 starts at 第六章): both are normal, so a first item that continues is no anomaly.
# Units of 第X… divisions, outermost first: 第一章 第一节 nests, 第一节 第一章 does not.
DIVISION_ORDER = ("部分", "编", "分编", "章", "节", "条")
DIVISION_RANK = {unit: rank for rank, unit in enumerate(DIVISION_ORDER)}  # 编 0 … 条 5
MAY_CONTINUE = frozenset({"division:章", "division:节", "division:分编"})

# Characters offered to the grammar at a clause start: the longest marker (第一百二十三部分)
# plus the one character of lookahead some terminals need.
WINDOW = 12

# ---------------------------------------------------------------- source lines (outline.lines)

# Real HTML tag names, the only ones removed: `A&B<C>工作` in a plain text keeps its <C>.
HTML_TAGS = words(
    """
    a abbr article aside b big blockquote body br button caption center cite code col colgroup dd
    del details div dl dt em figcaption figure font footer form h[1-6] head header hr html i iframe
    img input ins label li link main mark meta nav o:p ol option p pre q s script section select
    small span strike strong style sub summary sup table tbody td tfoot th thead title tr tt u ul var
    """
)
# YAML front matter is a few lines; a `---` with no close this near is a rule, not front matter.
MAX_FRONT_MATTER_LINES = 200
# An editor's note spans a few lines; a `<!--` that does not close within this many is stray.
MAX_COMMENT_LINES = 200
# A collapsed table of contents is short; a longer `<details>` "block" is a stray tag.
MAX_DETAILS_LINES = 300

# ---------------------------------------------------------------- noise (outline.noise)

# Phrases of page chrome and template-site advertising; noise only on a short line.
NOISE_WORDS = (
    *words(
        """
        阅读全文 展开全文 查看全文 查看更多 阅读原文 点击(?:查看|阅读|下载|关注) 全文完
        分享[:：到]?$ 分享本文 分享至 一键分享 转发 点赞 收藏 在看 打赏 赞赏 赏赞
        扫一扫 二维码 公众号 订阅号 关注我们 联系客服 客服 在线咨询
        热门推荐 本周热门 本月热门 相关内容 相关推荐 猜你喜欢 上一篇 下一篇 返回顶部 返回首页
        登[陆录] 注册 会员 QQ群 微信群 VIP vip 订阅 免费领取 立即下载 下载(?:本文|文档|全文)
        仅供学习 禁止外传 禁止转载 版权所有(?![人者]) 侵权必究 转载请注明 倒卖
        责任编辑 编辑[:：] 来源[:：] 作者[:：] 浏览(?:次数|量)?[:：] 阅读量 字号[:：]? 打印本页 关闭窗口
        点击上方 蓝字 长按识别 扫码关注 原标题[:：] 推荐阅读 往期(?:回顾|推荐|精选) 免责声明 版权声明
        文章来源 审核[:：] 校对[:：]
        评论回复 提交回复 发表评论 网友评论 免费获取 获取全文 全文下载 联系老师 请点击 复制链接
        侵权投诉 专免 只需一步 快速开始 立即注册 找回密码 设为首页 收藏本站 本题链接 本文链接 原文链接
        更多信息进入 相关链接[:：]
        """
    ),
    "Adobe Flash",
    "Flash Player",
    "需要较新版本",
)
# Noise on a line of any length up to METADATA_LINE: a plugin prompt runs on with its
# instructions, and a page footer's copyright, licence and previous/next-article lines run long
# (绍兴市第一中学 版权所有 Copyright © … All Rights Reserved.  浙ICP备…号  上一篇：…[ 09-09 ]).
LONG_NOISE_WORDS = (
    "Flash Player",
    r"Copyright",
    "©",
    r"All Rights Reserved",
    r"版权所有(?![人者])",
    r"ICP[备证]",
    "公网安备",
    r"^(?:上一篇|下一篇|上一条|下一条)\s*[:：]",
)
# Words that are noise only on a very short line ("微信扫一扫" yes, "加强网络评论引导" no).
WEAK_WORDS = words("微信 微博 抖音 网友 评论 热门 推荐 广告 赞助")
# A line this short (or shorter) with a weak word is noise next to other noise.
WEAK_LINE = 16
# Noise words in lines longer than this are prose ("分享经验"): only shorter lines can be noise.
SHORT_LINE = 40
# The field names of government websites' metadata tables (索引号：…  发布日期：…).
METADATA_FIELDS = words(
    """
    索引号 发布日期 发布时间 发文日期 成文日期 归档时间 主题分类 组配分类 体裁分类 发布机构 发文机关
    信息来源 公开方式 公开范围 公开时限 有效性 文号 來源 来源 責任編輯 责任编辑 發布 发布 發佈
    """
)
# A metadata line may run long (several fields on one line), up to this.
METADATA_LINE = 120
# The blurb 范文 sites put before a text: 下面是小编为大家整理的…，供大家参考。
BLURB_PHRASES = words(
    "小编 供大家参考 仅供参考 欢迎阅读 希望对(?:您|你|大家)有所帮助 欢迎大家阅读 以下是.{0,20}为大家"
)
# The heads of an editor's note in brackets (【导读】, [编者按]): someone else's words about the text.
EDITOR_NOTE_HEADS = words(r"导\s*读 编\s*者\s*按 摘\s*要 内容提要")
# The heads of an editor's note before a colon (编者按：…).
EDITOR_NOTE_LEADS = ("编者按", "导读")

# ---------------------------------------------------------------- paragraphs (outline.paragraphs)

# A full line of a hard-wrapped text may run this many characters short (punctuation kept off
# line starts, a typeset page's squeezed punctuation) …
FULL_SLACK = 3
# … or this many long.
FULL_OVERRUN = 2
# Lines shorter than this say nothing about the wrap width.
WRAP_MIN_LINE = 10
# A text needs this many such lines for its wrap width to be read off …
WRAP_MIN_LINES = 8
# … and this many full lines …
WRAP_MIN_FULL = 6
# … which make up at least this percentage of the lines.
WRAP_FULL_PERCENT = 55
# Lines wider than this are whole paragraphs, not a wrap width.
WRAP_MAX_WIDTH = 120

# ---------------------------------------------------------------- front and back matter (outline.front)

# Who a speech addresses: a salutation (同志们：), or a paragraph that turns to them (各位代表，…).
AUDIENCE = words(
    "同志们 各位代表 各位委员 各位领导 各位同志 代表们 委员们 女士们 先生们 朋友们 同学们 老师们 各位来宾 各位嘉宾"
)
# Deputies of a congress: a work report turns to them between its parts (各位代表！…), and what
# follows stays in the report's last part; a speech's 同志们 at its end speaks for the whole.
DELEGATES = words("各位代表 代表们 各位委员 委员们")
# How a speech winds up after its last section before a closing run (以上四点意见…提三点要求：
# 一要…; 最后，我再强调四点意见).
WINDS_UP = r"(?:以上|上面)(?:[一二三四五六七八九十几两]+[点个条项]|这些|所讲|讲的|我[^，,。；！？]{0,6}?[讲谈说]了)|最后[，,]?我"
# The honorifics that open a formal salutation (尊敬的各位领导、亲爱的同学们：) …
SALUTATION_HONORIFICS = ("尊敬的", "亲爱的")
# … and the words such a salutation ends on.
SALUTATION_ADDRESSEES = words("们 领导 嘉宾 来宾 代表 委员 同志 朋友 老师 同学 家长 校友 先生 女士")
# A salutation is short: at most this many characters.
SALUTATION_MAX = 30
# The times of day a greeting names (大家上午好！): a greeting is never the title.
GREETING_TIMES = words("上午 下午 晚上 早上 中午")
# Offices before a speaker's name (国务院总理　李克强, 代市长徐芝文).
OFFICES = words(
    "总理 副总理 书记 副书记 市长 县长 区长 省长 州长 镇长 主席 部长 主任 局长 委员长 院长 厅长 秘书长 同志"
    " 院士 教授 校长 董事长 总经理 总裁 会长 理事长"
)
# The heads of back matter after the speech (附件1：, 名词解释): they end the outline.
BACK_MATTER_HEADS = words(
    """
    附件 附录 附表 名词解释 解释和说明 名词解释和说明 注释 注解 相关链接 延伸阅读 相关阅读 参考文献 编者按
    背景资料 相关报道
    """
)
# A line this long that holds this share of the text is a text that lost its paragraph
# breaks (a speech in one field of a scraped table): its sentences stand for its paragraphs.
RUN_ON_MIN = 200
RUN_ON_SHARE = 0.8
# Where the title that ran into such a text may end (at a date in brackets or a ※).
RUN_ON_TITLE_MIN, RUN_ON_TITLE_MAX = 4, 120
# The back matter that is documents of their own: a 通知 with no numbered text of its own
# (现将…印发给你们) has its substance there.
ATTACHMENT_HEADS = words("附件 附录")
# The headers of a table of contents (目录, 提纲, 内容提要).
TOC_HEADER_WORDS = words(r"目\s*录 提\s*纲 内容提要")
# Breadcrumbs of a web page (当前位置：首页 > …): page chrome where a title would stand.
BREADCRUMBS = words(r"当前位置 您的位置 你的位置 首\s*[页頁] 當前位置")
# The genres a speech's title ends with; a name after one of them is the speaker's.
GENRE_ENDINGS = words(
    "讲话 講話 报告 報告 汇报 發言 发言 致辞 致詞 说明 說明 讲稿 讲话稿 发言稿 党课 体会 总结 方案 意见 通知 决定 主持词"
)
# The genres a title ends with where a page runs it into the salutation (…的讲话同志们：).
FUSED_TITLE_GENRES = words("讲话 講話 发言 發言 致辞 致詞 讲稿 报告 動員 动员")
# A paragraph that sums up or turns to problems speaks of its whole section (or part), not of
# its last subsection: a look back (回顾过去五年的工作 …) …
SUMS_UP_REVIEWS = words(r"回顾 总结 过去\S{1,3}年 \S{1,3}年来 这些年 实践中 实践证明")
# … that names what it learned (… 我们有几条体会：) …
SUMS_UP_LESSONS = words("体会 经验 启示 认识 收获 规律")
# … or a turn from what was done to what is lacking (我们也清醒认识到，…; 在看到成绩的同时，…).
SUMS_UP_TURNS = (
    r"(?:清醒|深刻)(?:地)?(?:认识|看|意识)到",
    r"(?:在|看到)?(?:看到|肯定)?(?:成绩|成就)的同时",
    r"同时(?:也|还)?(?:要|必须|应当)?(?:清醒)?(?:地)?看到",
    r"(?:工作|发展)中(?:还|也|仍然)?存在(?:着)?(?:不少|一些)?(?:问题|困难|不足)",
)
# The thanks a speech may end on (谢谢大家！).
THANKS = ("谢谢", "感谢")
# The openings of a speech's last paragraph (以上发言，不当之处…; 我就讲这些).
CLOSING_PHRASES = ("以上", "我就讲这些", "就讲这些")
# A speech's closing is one of its last paragraphs, at most this many from the end.
CLOSING_PARAGRAPHS = 3
# A bracketed label with one of these starts the question-and-answer part of a transcript
# (【记者提问环节】, 【现场互动】): a part of its own, whatever the numbering after it.
QA_PART_WORDS = words("提问 问答 答问 答记者问 互动 访谈 对话 座谈 交流")
# The commonest family names: a label of two or three characters opening with one (郭平：, 徐直军：)
# names a person, where 目标：, 措施： do not.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
# A paragraph that asks a question in an interview or a Q&A (问：…, 记者：…): a run of 首先 or
# 第一 in one answer does not go on in the next.
QUESTION_OPENERS = words("问 提问 记者问 记者 Q")
# A title (or unnumbered part title) has at least this many characters, and as many Chinese ones.
TITLE_MIN = 2
# A title line runs to at most this many characters (关于印发《…》的通知 runs to sixty).
TITLE_MAX = 80
# A title cleaned of its date and speaker down to fewer characters than this was all date
# and name: the line stays as it was.
CLEAN_TITLE_MIN = 4
# An unnumbered part title, or a back-matter head, is a short line: at most this many characters.
PART_TITLE_MAX = 30
# A table-of-contents entry is a short paragraph: at most this many characters.
LONG_PARAGRAPH = 50
# Body text rather than front matter: sentences of this length or more …
LONG_SENTENCES = 20
# … or a line this long even with no sentence end.
LONG_LINE = 100

# ---------------------------------------------------------------- levels (outline.tree)

# Placement runs again without the lone enumerators it found, at most this many times.
PLACEMENT_ROUNDS = 4
# Markup before a marker shifts its column on the raw line; the search for it starts this
# many characters before its cleaned offset.
MARKUP_SHIFT = 8

# ---------------------------------------------------------------- the outline (outline.parser)

# The outline's `tail`: the last characters of the body, to show where the text stops.
TAIL_CHARS = 40
