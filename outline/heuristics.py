"""The parser's heuristics as a registry: each a named rule of one stage, with examples
that fire it and near misses that it spares.

The examples test themselves (tests/test_heuristics.py): each text parses to the outline
written beside it; where the rule places items, an item of the `fires` outline carries the
rule's name in `Node.rule` and no item of a `spares` outline does; where the rule judges
a line (noise, salutation, back matter), the judgement of that line is checked too.

    python -m tigang.outline.heuristics > docs/heuristics.md

writes the catalogue of hard cases; a test fails when the page and this registry disagree.
`tigang show --explain` prints, for each item, the placement rule that decided its level.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass

from .front import is_address, is_back_matter, is_salutation, sums_up
from .model import Outline
from .noise import is_noise_line
from .parser import STAGES


@dataclass(frozen=True)
class Example:
    text: str  # a document, one paragraph a line
    outline: str  # what `tigang show` prints for it (title, then `marker heading`, two spaces a level)
    line: str = ""  # for rules that judge a line: the line they judge in `text`


@dataclass(frozen=True)
class Rule:
    name: str  # as recorded in Node.rule for placement rules
    stage: str  # the parser stage it belongs to (outline.parser.STAGES)
    summary: str  # 中文
    summary_en: str
    fires: tuple[Example, ...]
    spares: tuple[Example, ...] = ()
    judges: Callable[[str], bool] | None = None  # the predicate, for rules that judge a line
    places: bool = False  # it decides levels: recorded in Node.rule

    @property
    def anchor(self) -> str:
        return self.name


def _ex(text: str, outline: str, line: str = "") -> Example:
    return Example(text.strip("\n") + "\n", outline.strip("\n"), line)


RULES: tuple[Rule, ...] = (
    # -- noise ---------------------------------------------------------------------------
    Rule(
        "web-noise",
        "noise",
        "网页和公众号的编辑、来源、分享、广告等行不是正文，解析前删去；以序号开头的行不删。",
        "Editor, source, share and advertising lines of web pages are not the text and are dropped "
        "before parsing; a line that opens with a marker is kept.",
        fires=(
            _ex(
                "一、总体要求\n坚持稳中求进。\n责任编辑：李四\n二、重点任务\n",
                "一、总体要求\n二、重点任务",
                line="责任编辑：李四",
            ),
            # A page footer runs long: a copyright, a licence number, the next article's title.
            _ex(
                "一、总体要求\n坚持稳中求进。\n二、重点任务\n抓好春耕生产。\n"
                "下一篇：关于做好2025年春季农业生产工作的通知（全文）[ 03-12 ]\n"
                "某某县人民政府办公室 版权所有 Copyright © 2025 All Rights Reserved.\n",
                "一、总体要求\n二、重点任务",
                line="某某县人民政府办公室 版权所有 Copyright © 2025 All Rights Reserved.",
            ),
        ),
        spares=(
            _ex(
                "一、总体要求\n我们要让群众分享发展成果。\n二、重点任务\n",
                "一、总体要求\n二、重点任务",
                line="我们要让群众分享发展成果。",
            ),
            _ex(
                "一、总体要求\n要保护版权所有者的合法权益。\n二、重点任务\n",
                "一、总体要求\n二、重点任务",
                line="要保护版权所有者的合法权益。",
            ),
            # A bracketed label is page chrome (【打印】【关闭】) unless it opens a question-and-
            # answer part: then it is the title of that part.
            _ex(
                "一、总体要求\n坚持稳中求进。\n【记者提问环节】\n问：请谈谈您的看法。答：第一，要稳。第二，要进。\n",
                "一、总体要求\n第一，要稳\n第二，要进",
                line="【记者提问环节】",
            ),
        ),
        judges=is_noise_line,
    ),
    # -- paragraphs ----------------------------------------------------------------------
    Rule(
        "hard-wrap",
        "paragraphs",
        "从 PDF 或手机页面复制的文字按固定宽度折行；宽度从文档本身读出，满行后的下一行接续同一段，"
        "所以跨行的“一是…二是…”仍是一串。",
        "Text copied from PDFs or phone pages is wrapped at a fixed width, read off the document: the "
        "line after a full line continues its paragraph, so a run split across lines stays one run.",
        fires=(
            _ex(
                "一、总体要求\n"
                "今年经济工作要突出抓好三个方面：一是\n"
                "稳增长，确保经济运行在合理区间内；二\n"
                "是保民生，办好群众关心的各项实事好事\n"
                "；三是防风险，守住不发生系统性风险的\n"
                "底线。各地各部门要切实提高政治站位，\n"
                "把思想和行动统一到中央决策部署上来，\n"
                "以钉钉子精神抓好各项工作的贯彻落实，\n"
                "确保各项目标任务圆满完成。\n"
                "二、保障措施\n",
                "一、总体要求\n  一是稳增长，确保经济运行在合理区间内\n  二是保民生，办好群众关心的各项实事好事\n"
                "  三是防风险，守住不发生系统性风险的底线\n二、保障措施",
            ),
        ),
        spares=(
            _ex(
                "一、总体要求\n今年要抓好三件事：一是稳增长；二是保民生；三\n是防风险。\n二、主要任务\n",
                "一、总体要求\n  一是稳增长\n  二是保民生\n二、主要任务",
            ),
        ),
    ),
    Rule(
        "run-on-text",
        "paragraphs",
        "整篇讲话挤在一行（从数据表的一个字段里取出，段落换行都丢了）时，把每个句子当作一段："
        "“同志们！”照样另起一部分，其后的“第一，”不挂在前一串的最后一项下面。",
        "A speech squeezed onto one line (taken from one field of a scraped table, its paragraph "
        "breaks lost) reads each sentence as a paragraph: 同志们！ still starts a new part, and a "
        "第一，… after it is no child of the last item before it.",
        fires=(
            _ex(
                "同志们："
                + "今天我们在这里隆重集会，回顾走过的路，总结积累的经验，部署下一步的工作。" * 4
                + "一是必须坚持党的领导。二是必须坚持改革开放。以上两条必须长期坚持。同志们！新时代赋予新使命。"
                "第一，坚定不移贯彻新发展理念。第二，与时俱进全面深化改革。\n",
                "一是必须坚持党的领导\n二是必须坚持改革开放\n第一，坚定不移贯彻新发展理念\n第二，与时俱进全面深化改革",
            ),
        ),
        spares=(
            _ex(
                "同志们：\n今天我们在这里隆重集会。\n一是必须坚持党的领导。二是必须坚持改革开放。以上两条必须长期坚持。"
                "第一，要提高认识。第二，要落实责任。\n",
                "一是必须坚持党的领导\n二是必须坚持改革开放\n  第一，要提高认识\n  第二，要落实责任",
            ),
        ),
    ),
    # -- markers -------------------------------------------------------------------------
    Rule(
        "inline-after-stop",
        "markers",
        "段中的序号只在句号、分号、冒号、问号、叹号之后才算数；“居全省第一，增速第二”中的“第一，”不是序号。",
        "Inside a paragraph a marker counts only after 。；：！？ — 居全省第一，增速第二 holds no marker.",
        fires=(
            _ex(
                "一、总体要求\n要做到：一是稳增长。二是保民生。\n", "一、总体要求\n  一是稳增长\n  二是保民生"
            ),
        ),
        spares=(
            _ex(
                "一、经济运行\n我市经济总量居全省第一，增速居全省第二。\n二、社会事业\n",
                "一、经济运行\n二、社会事业",
            ),
        ),
    ),
    Rule(
        "note-number",
        "markers",
        "句末、段末单独一个括号数字（…齐师败绩。（30））是注释的编号，不是条目；引文之后的括号或圈码数字"
        "（…改造世界。”⑷这是…）也是，除非它接着段内前一项编号。",
        "A bracketed number that closes a paragraph (…齐师败绩。（30）) is a note's number, not an item; "
        "so is a bracketed or circled number right after a quotation (…改造世界。”⑷这是…), unless it "
        "goes on from the item before it in the paragraph.",
        fires=(
            _ex(
                "一、战例\n请看左丘明的叙述：公与之乘，战于长勺，齐师败绩。（30）\n二、原则\n",
                "一、战例\n二、原则",
            ),
            _ex(
                "一、认识论\n他说：“重要的乃在于改造世界。”⑷这是第一次正确地解决这个问题。\n二、实践论\n",
                "一、认识论\n二、实践论",
            ),
        ),
        spares=(
            _ex(
                "一、战例\n主要有：（1）长勺之战；（2）成皋之战。\n二、原则\n",
                "一、战例\n  （1）长勺之战\n  （2）成皋之战\n二、原则",
            ),
            _ex(
                "一、要求\n（1）牢记“发展是第一要务。”（2）坚持稳中求进。\n二、措施\n",
                "一、要求\n  （1）牢记“发展是第一要务\n  （2）坚持稳中求进\n二、措施",
            ),
        ),
    ),
    Rule(
        "word-before-number",
        "markers",
        "“最后，第五，…”里“最后”只是引出第五项的连接词：条目是“第五，”。",
        "In 最后，第五，… the word only leads into the fifth item: the item is 第五，.",
        fires=(
            _ex(
                "一、党的特点\n第一，我们的党有纲领。\n第二，我们的党有纪律。\n最后，第三，我们的党有领袖。\n二、党员\n",
                "一、党的特点\n  第一，我们的党有纲领\n  第二，我们的党有纪律\n  第三，我们的党有领袖\n二、党员",
            ),
        ),
    ),
    Rule(
        "colon-in-numbers",
        "markers",
        "数字之间的冒号（比分、时刻、比例）不是句读，其后的数字不是序号。",
        "A colon between digits (scores, times, ratios) is not a stop: the number after it is no marker.",
        fires=(_ex("一、赛事回顾\n决赛比分为3:1、2:0。\n二、下步安排\n", "一、赛事回顾\n二、下步安排"),),
        spares=(
            _ex(
                "一、赛事回顾\n主要收获有三点：1、锻炼了队伍；2、检验了训练。\n二、下步安排\n",
                "一、赛事回顾\n  1、锻炼了队伍\n  2、检验了训练\n二、下步安排",
            ),
        ),
    ),
    # -- front ---------------------------------------------------------------------------
    Rule(
        "front-matter",
        "front",
        "标题、讲话人、日期、称呼语（同志们：）属于开头，不是提纲的节点；第一行像标题时作标题。",
        "Title, speaker, dateline and salutation (同志们：) are front matter, not nodes; a first line "
        "that reads as a title is the title.",
        fires=(
            _ex(
                "在全市经济工作会议上的讲话\n张三\n（2024年1月5日）\n同志们：\n"
                "今天召开会议，主要任务是部署今年工作。\n一、关于形势\n二、关于任务\n",
                "在全市经济工作会议上的讲话\n一、关于形势\n二、关于任务",
                line="同志们：",
            ),
        ),
        spares=(
            _ex(
                "一、关于形势\n同志们都很关心今年的形势。\n二、关于任务\n",
                "一、关于形势\n二、关于任务",
                line="同志们都很关心今年的形势。",
            ),
        ),
        judges=is_salutation,
    ),
    Rule(
        "web-page-title",
        "front",
        "网页的菜单行（智慧校园 | 教学平台 | …）、面包屑（当前位置：…）以上的一切、面包屑下重复的栏目名都不是标题；"
        "标题是其后点明文体的一行（…的讲话，或破折号后才点明：…——在…上的讲话）；栏目的期号标题（每周一学（…））"
        "在“文章来源：… 发布时间：…”一行之上时，标题是该行之下文章自己的标题。",
        "A web page's menu line (智慧校园 | 教学平台 | …), everything above its breadcrumbs (当前位置：…) "
        "and the column's name repeated under them are not the title; the title is the line after "
        "them that names the genre (…的讲话, or only after a dash: …——在…上的讲话); when the page's "
        "headline above its byline (文章来源：… 发布时间：…) names no genre (每周一学（…）), the title is "
        "the document's own, below the byline.",
        fires=(
            _ex(
                "智慧校园 | 教学平台 | 办公电话 | 图书馆\n新闻中心\n当前位置：首页 > 党建引领> 学习专栏\n学习专栏\n"
                "为实现目标任务而团结奋斗 ——在全会上的讲话\n第一，要提高认识。\n第二，要落实责任。\n",
                "为实现目标任务而团结奋斗\n第一，要提高认识\n第二，要落实责任",
            ),
            _ex(
                "当前位置：首页 > 党建引领> 学习专栏\n学习专栏\n每周一学（2022年6月27日——7月3日）\n"
                "文章来源： 作者： 发布时间：2022年06月27日 点击数： 次\n忠实践行新发展理念\n同志们：\n"
                "一、过去五年的工作\n二、今后五年的任务\n",
                "忠实践行新发展理念\n一、过去五年的工作\n二、今后五年的任务",
            ),
        ),
        spares=(
            _ex(
                "新春团拜会致辞 | |\n一、回顾\n二、展望\n",
                "新春团拜会致辞\n一、回顾\n二、展望",
            ),
            # A headline that names a genre names the page's whole content (several reports).
            _ex(
                "当前位置：首页 > 新闻中心> 学校公告\n学校公告\n2021年度领导干部述职报告\n"
                "文章来源： 作者： 发布时间：2022年01月25日 点击数： 次\n2021年度班子述职报告\n"
                "各位教职员工，大家好！\n一、思想方面\n二、工作方面\n",
                "2021年度领导干部述职报告\n一、思想方面\n二、工作方面",
            ),
        ),
    ),
    Rule(
        "table-of-contents",
        "front",
        "开头的目录（与正文标题一一对应）单独记录，不重复成节点。",
        "A table of contents at the start (its entries match the body's headings) is recorded apart, "
        "not parsed twice.",
        fires=(
            _ex(
                "目录\n一、总体要求\n二、重点任务\n一、总体要求\n坚持稳中求进。\n二、重点任务\n抓好三件事。\n",
                "一、总体要求\n二、重点任务",
            ),
        ),
    ),
    # -- events --------------------------------------------------------------------------
    Rule(
        "back-matter",
        "events",
        "正文之后的附件、名词解释另作附录，其中的序号不进入提纲。",
        "Attachments and glossaries after the text are appendices: their numbering stays out of the outline.",
        fires=(
            _ex(
                "一、总体要求\n二、重点任务\n附件：名词解释\n1．新质生产力：指……\n2．数字经济：指……\n",
                "一、总体要求\n二、重点任务",
                line="附件：名词解释",
            ),
            _ex(
                "一、总体要求\n二、重点任务\n《政府工作报告》注释\n1．新质生产力：指……\n2．数字经济：指……\n",
                "一、总体要求\n二、重点任务",
                line="《政府工作报告》注释",
            ),
        ),
        spares=(
            _ex(
                "一、总体要求\n附件材料很多，要认真阅读。\n二、重点任务\n",
                "一、总体要求\n二、重点任务",
                line="附件材料很多，要认真阅读。",
            ),
        ),
        judges=is_back_matter,
    ),
    Rule(
        "attachments-as-body",
        "events",
        "通知本身没有任何序号（现将…印发给你们），实质内容在附件里：附件就是正文，其序号进入提纲。",
        "A 通知 with no numbering of its own (现将…印发给你们) has its substance in its attachments: "
        "they are the body, and their numbering is the outline.",
        fires=(
            _ex(
                "关于印发《安全生产实施方案》的通知\n各乡镇：\n现将《安全生产实施方案》印发给你们，请认真贯彻执行。\n"
                "附件：安全生产实施方案\n一、总体要求\n坚持安全发展。\n二、重点任务\n（一）排查隐患\n（二）整治问题\n",
                "关于印发《安全生产实施方案》的通知\n一、总体要求\n二、重点任务\n  （一）排查隐患\n  （二）整治问题",
            ),
        ),
        spares=(
            _ex(
                "关于做好安全生产工作的通知\n各乡镇：\n一、总体要求\n坚持安全发展。\n二、重点任务\n请按要求执行。\n"
                "附件：检查表\n1．检查项目\n2．检查结果\n",
                "关于做好安全生产工作的通知\n一、总体要求\n二、重点任务",
            ),
        ),
    ),
    Rule(
        "markdown-heading-holds",
        "events",
        "带序号的 Markdown 标题（## 三、）之下，普通的一行或更低级的标题（### 工业）只是节内的小标题，"
        "不关闭这一节；同级或更高的标题、整行加粗的标题才是新的部分。",
        "Under a numbered markdown heading (## 三、), a plain line or a deeper heading (### 工业) titles a "
        "stretch inside the section and closes nothing; a heading as high, or a bold line, starts a part.",
        fires=(
            _ex(
                "## 一、总路线\n第一，工业落后。\n第二，工人阶级领导。\n## 二、社会主义建设\n### 工业\n"
                "第一，要调整布局。\n第二，要提高质量。\n## 三、国家的政治生活\n",
                "一、总路线\n  第一，工业落后\n  第二，工人阶级领导\n二、社会主义建设\n  第一，要调整布局\n"
                "  第二，要提高质量\n三、国家的政治生活",
            ),
        ),
        spares=(
            _ex(
                "## 一、工作回顾\n第一，经济增长。\n第二，民生改善。\n**基本经验**\n第一，坚持党的领导。\n第二，坚持人民至上。\n",
                "一、工作回顾\n  第一，经济增长\n  第二，民生改善\n第一，坚持党的领导\n第二，坚持人民至上",
            ),
        ),
    ),
    # -- tree: runs ----------------------------------------------------------------------
    Rule(
        "answer-ends-run",
        "tree",
        "访谈、问答中，一个回答里的“首先”“第一”不与下一个回答里的“其次”“第二”连成一串：提问（问：…）把它们隔开。",
        "In an interview or a Q&A, 首先 or 第一 in one answer and 其次 or 第二 in the next are not one run: "
        "the question (问：…) between them ends it.",
        fires=(
            _ex(
                "抗战的经验\n问：你怎样看成绩？\n答：我愿意多谈一谈。首先来说，成绩是很大的。\n"
                "问：那么战术呢？\n答：先说战斗情况。\n其次，战术问题。我们主要在敌后作战。\n",
                "抗战的经验",
            ),
        ),
        spares=(
            _ex(
                "抗战的经验\n问：你怎样看成绩？\n答：首先，成绩是很大的。其次，教训也不少。\n",
                "抗战的经验\n首先，成绩是很大的\n其次，教训也不少",
            ),
        ),
    ),
    Rule(
        "speaker-turn-leads",
        "markers",
        "记录稿里，紧跟发言人名字的序号（任总：首先，…）就在段首：发言人的话从这里开始，名字不是引语；"
        "另一位发言人从“第一”说起的几点与前一位的几点并列，不在其最后一点之下。发言人是开头两段以上的名字，"
        "或一轮发言里三位以上常见姓氏的人名（郭平：… 徐直军：… 梁华：…）。",
        "In a transcript, a marker right after the speaker's name (任总：首先，…) leads the paragraph: the "
        "speaker's words start there; the name is no lead-in. Another speaker's points from 第一 on stand "
        "beside the last speaker's, not inside the last of them. Speakers are names that open two or more "
        "paragraphs, or three or more names with a common family name in a round of remarks.",
        fires=(
            _ex(
                "座谈纪要\n与会人：请谈谈计划。\n任总：首先，要继续使用现有部件。\n"
                "第二，我们希望增加对大学的资助。\n与会人：谢谢。\n任总：不客气。\n",
                "座谈纪要\n首先，要继续使用现有部件\n第二，我们希望增加对大学的资助",
            ),
            _ex(
                "汇报会纪要\n二、供应变革要端到端\n第一，研发要做到最好。\n第二，制造要做到最好。\n"
                "郭平：第一，供应链要满足一线需求。第二，要做到资源可视。\n"
                "徐直军：第一，要平衡响应与库存。第二，允许少量二次分拣。\n"
                "梁华：第一，存货的责任人是经营单位。第二，供应链要承担物流环节。\n三、下一步\n",
                "汇报会纪要\n二、供应变革要端到端\n  第一，研发要做到最好\n  第二，制造要做到最好\n"
                "  第一，供应链要满足一线需求\n  第二，要做到资源可视\n  第一，要平衡响应与库存\n"
                "  第二，允许少量二次分拣\n  第一，存货的责任人是经营单位\n  第二，供应链要承担物流环节\n三、下一步",
            ),
        ),
    ),
    Rule(
        "lone-enumerator",
        "tree",
        "“一是”“第一，”“首先”这类列举词要成串（一是…二是…）才是节点；单独一个只是行文。首项不在节点位置"
        "（句中、逗号后）时，后面连着的“二是…三是…”仍成串（但“其次…然后”不算：然后、最后是行文常用词）。",
        "Enumerators (一是, 第一，, 首先) are nodes only in a run (一是…二是…); a lone one is prose. When "
        "the first item stands where no node can (mid-sentence, after a comma), 二是 … 三是 after it "
        "are still a run (not 其次 … 然后: 然后 and 最后 are words of any prose).",
        fires=(
            _ex(
                "一、总体要求\n今年的重点一是稳增长，这是大家的共识。\n二、主要任务\n",
                "一、总体要求\n二、主要任务",
            ),
            # 然后 and 最后 are any "then" and "at last": 其次 … 然后 without its 首先 is no run.
            _ex(
                "一、练兵\n练兵首先是练技术。\n其次说到练体力，要天天练。\n然后，就可以打胜仗。\n二、用兵\n",
                "一、练兵\n二、用兵",
            ),
        ),
        spares=(
            _ex(
                "一、总体要求\n要做到：一是稳增长。二是保民生。\n二、主要任务\n",
                "一、总体要求\n  一是稳增长\n  二是保民生\n二、主要任务",
            ),
            _ex(
                "一、总体要求\n今年的重点一是稳增长，这是大家的共识。二是保民生。三是促改革。\n二、主要任务\n",
                "一、总体要求\n  二是保民生\n  三是促改革\n二、主要任务",
            ),
        ),
    ),
    Rule(
        "run-after-comma",
        "tree",
        "逗号后的“一是”不算节点（约定只认段首和。；：！？之后）；但它开的这一串还在：同段里句号或分号后的"
        "“二是”“三是”从第二项算起。只剩一个“另一方面”仍是行文。",
        "A first item after a comma is not a node (markers count at a paragraph start or after "
        "。；：！？ only), but the run it began goes on: 二是, 三是 after 。 or ； in the same paragraph "
        "count from the second item. A lone 另一方面 after it stays prose.",
        fires=(
            _ex(
                "一、基本经验\n实践证明，一是必须坚持党的领导。二是必须坚持人民至上。三是必须坚持改革创新。\n",
                "一、基本经验\n  二是必须坚持人民至上\n  三是必须坚持改革创新",
            ),
        ),
        spares=(
            _ex(
                "一、基本经验\n这项工作，一方面要看到成绩；另一方面要正视差距。\n二、主要任务\n",
                "一、基本经验\n二、主要任务",
            ),
        ),
    ),
    Rule(
        "mixed-run",
        "tree",
        "“首先…其次…第三…第四…”是同一串：第三接着首先、其次往下数，几项是兄弟，不是第三挂在其次下面。",
        "首先 … 其次 … 第三， … 第四， is one run: 第三 goes on from 首先 and 其次, and the items are "
        "siblings, not 第三 under 其次.",
        fires=(
            _ex(
                "一、几个问题\n首先，是发展快慢的问题。\n其次，是条件够不够的问题。\n第三，是资金的问题。\n第四，是人才的问题。\n",
                "一、几个问题\n  首先，是发展快慢的问题\n  其次，是条件够不够的问题\n  第三，是资金的问题\n  第四，是人才的问题",
            ),
        ),
        spares=(
            _ex(
                "一、几个问题\n首先，要统一思想。\n其次，要明确责任。\n二、具体措施\n第一，抓项目。\n第二，抓服务。\n",
                "一、几个问题\n  首先，要统一思想\n  其次，要明确责任\n二、具体措施\n  第一，抓项目\n  第二，抓服务",
            ),
        ),
    ),
    Rule(
        "first-and-finally",
        "tree",
        "“首先”和“最后”之间只有一串完整的“第一…第N”时，它们是讲话人的“首先”“最后”，不是两项的一串。",
        "A 首先 and a 最后 with only a whole 第一 … 第N run of their level between them are the "
        'speaker\'s "first" and "finally" around the run, not a run of two.',
        fires=(
            _ex(
                "四、关于经济运行\n首先要坚定信心，不要被困难吓倒。\n第一，推动企业复工。\n第二，推动项目开工。\n"
                "第三，稳定居民消费。\n最后，我还要强调，要力戒形式主义。\n",
                "四、关于经济运行\n  第一，推动企业复工\n  第二，推动项目开工\n  第三，稳定居民消费",
            ),
        ),
        spares=(
            _ex(
                "四、关于经济运行\n首先，要坚定信心。\n其次，要推动复工。\n最后，要力戒形式主义。\n",
                "四、关于经济运行\n  首先，要坚定信心\n  其次，要推动复工\n  最后，要力戒形式主义",
            ),
        ),
    ),
    Rule(
        "spoken-toc",
        "tree",
        "开头“下面我讲三点：一是…二是…三是…”逐字重复了后面各部分的标题，是口头目录，不算节点；说了别的内容的一串照样算。",
        "An inline run that names, in order, the sections after it (下面我讲三点：一是…二是…三是… then 一、…) is a "
        "spoken table of contents, not items; a run that says something of its own stays. So is an inline "
        "bracketed list that names the 节 after it (…下列各问题：（一）…；（二）运动战。).",
        fires=(
            _ex(
                "下面我讲三点意见：一是认清当前形势；二是明确目标任务；三是狠抓工作落实。\n"
                "一、认清当前形势\n形势很好。\n二、明确目标任务\n三、狠抓工作落实\n",
                "一、认清当前形势\n二、明确目标任务\n三、狠抓工作落实",
            ),
            _ex(
                "第五章 战略防御\n这一章说明下列问题：（一）积极防御和消极防御；（二）战略退却；（三）运动战。\n"
                "第一节 积极防御和消极防御\n第二节 战略退却\n第三节 运动战\n",
                "第五章 战略防御\n  第一节 积极防御和消极防御\n  第二节 战略退却\n  第三节 运动战",
            ),
        ),
        spares=(
            _ex(
                "今天讲两件事：一是听听大家的意见；二是部署下一步工作。\n一、当前形势\n二、主要任务\n",
                "一是听听大家的意见\n二是部署下一步工作\n一、当前形势\n二、主要任务",
            ),
        ),
    ),
    Rule(
        "number-phrase",
        "markers",
        "“五、六年前”“六、七十年代”是约数，“再次感谢”是“又一次”：都不是序号。逗号后的“再次，”仍是第三项。",
        '五、六年前 and 六、七十年代 are approximate numbers and 再次感谢 is "once more": none is a marker. '
        "再次， with its comma is still the third item.",
        fires=(
            _ex(
                "一、回顾\n六、七十年代的条件很差。五、六年前也一样。\n二、展望\n再次感谢大家。\n",
                "一、回顾\n二、展望",
            ),
        ),
        spares=(
            _ex(
                "一、要求\n首先，要学。其次，要干。再次，要评。\n",
                "一、要求\n  首先，要学\n  其次，要干\n  再次，要评",
            ),
        ),
    ),
    Rule(
        "comma-slip-in-list",
        "markers",
        "分号隔开的括号序号列表里，逗号后紧接上一项的下一个号（…；（3）…，（4）…）是笔误，照样是列表的下一项。",
        "In a ；-separated list of bracketed items, the next number right after a comma (…；（3）…，（4）…) "
        "is a slip for ；: it is the list's next item.",
        fires=(
            _ex(
                "一、工作内容\n主要包括：（1）业务规则；（2）流程体系；（3）组织体系，（4）度量体系。\n",
                "一、工作内容\n  （1）业务规则\n  （2）流程体系\n  （3）组织体系\n  （4）度量体系",
            ),
        ),
        spares=(
            _ex(
                "一、工作内容\n主要包括：（1）业务规则，（2）流程体系。\n",
                "一、工作内容\n  （1）业务规则，（2）流程体系",
            ),
        ),
    ),
    Rule(
        "run-splits-list",
        "tree",
        "“首先…然后”中间隔着一个编号列表的 1、 和 2、时，只是行文：当作一串会把列表劈成两半。",
        "首先 … 然后 with the 然后 between items 1、 and 2、 of one numbered list are prose: as a run "
        "they would cut the list in two.",
        fires=(
            _ex(
                "一、明确定位\n首先要认清价值。这是前提。\n1、第一个定位\n这是说明。然后通过考核进入预备机制。\n"
                "2、第二个定位\n",
                "一、明确定位\n  1、第一个定位\n  2、第二个定位",
            ),
        ),
        spares=(
            _ex(
                "一、主要做法\n首先，抓规划：\n1、编制总体规划\n2、完善专项规划\n其次，抓落实。\n二、下步打算\n",
                "一、主要做法\n  首先，抓规划\n    1、编制总体规划\n    2、完善专项规划\n  其次，抓落实\n二、下步打算",
            ),
        ),
    ),
    # -- tree: placement -----------------------------------------------------------------
    Rule(
        "top-level",
        "tree",
        "文档中第一个序号开启第一级。层级由文档决定，不由样式固定。",
        "The first marker of the document opens level 1: levels come from the document, not from a table of styles.",
        fires=(_ex("（一）指导思想\n（二）主要目标\n", "（一）指导思想\n（二）主要目标"),),
        places=True,
    ),
    Rule(
        "new-style-nests",
        "tree",
        "新样式的序号嵌在当前打开的条目之下，例如“一是”可以直接在“一、”之下。",
        "A marker of a style not yet open nests under the open item — 一是 may sit right under 一、.",
        fires=(
            _ex(
                "一、总体要求\n（一）指导思想\n（二）主要目标\n二、重点任务\n",
                "一、总体要求\n  （一）指导思想\n  （二）主要目标\n二、重点任务",
            ),
        ),
        places=True,
    ),
    Rule(
        "same-style-sibling",
        "tree",
        "与打开的某一条目同样式的序号，关闭其后所有条目，成为它的下一个同级。",
        "A marker of a style already open closes everything below that item and becomes its sibling.",
        fires=(
            _ex(
                "一、总体要求\n（一）指导思想\n1．坚持稳中求进\n二、重点任务\n",
                "一、总体要求\n  （一）指导思想\n    1．坚持稳中求进\n二、重点任务",
            ),
        ),
        places=True,
    ),
    Rule(
        "new-list-after-lead-in",
        "tree",
        "以冒号结尾的引语之后从 1 重新开始的同样式序号是一个新的系列（明年的安排），与前面的系列同级。",
        "A list of an open style that starts again at 1 after a lead-in ending in ： is a new series "
        "(next year's plan) beside the first, not a slip in its numbering.",
        fires=(
            _ex(
                "一、抓好队伍建设\n1、开展业务培训\n二、改进服务方式\n1、推行预约服务\n"
                "下一年，我们重点抓好以下工作：\n一、继续推进信息化建设\n二、加强对外交流合作\n",
                "一、抓好队伍建设\n  1、开展业务培训\n二、改进服务方式\n  1、推行预约服务\n"
                "一、继续推进信息化建设\n二、加强对外交流合作",
            ),
        ),
        spares=(
            _ex(
                "一、抓好队伍建设\n二、改进服务方式\n一、继续推进信息化建设\n",
                "一、抓好队伍建设\n二、改进服务方式\n一、继续推进信息化建设",
            ),
        ),
        places=True,
    ),
    Rule(
        "restart-in-item",
        "tree",
        "打开的条目中，同样式的序号又从 1 开始（第二个“（一）”不能接在第一个之后），是该条目的子列表；"
        "更深的条目打开时也是，只要外层列表在它之后接着编号，或更深条目的样式按公文惯例在它之上（（一）之下是 1.）。",
        "A list that starts again at 1 inside an open item of its own style — a second （一） cannot "
        "follow the first — is that item's child; so is one that starts again while deeper items are "
        "open, when the outer list goes on after it or the deeper item's style ranks above its own in "
        "the usual order (1. goes under （一）).",
        fires=(
            _ex(
                "（一）发展形势\n当前面临两种趋势：（一）是需求回升；（二）是成本上涨。\n（二）目标任务\n",
                "（一）发展形势\n  （一）是需求回升\n  （二）是成本上涨\n（二）目标任务",
            ),
            # Three leaders' reports on one page, numbered 1.–3., each with 一、 and lists inside.
            _ex(
                "1.张某（副校长）\n一、思想方面\n坚持学习。\n二、工作方面\n1.以身作则。\n"
                "2.勤学善思。\n2.李某（副校长）\n一、分管工作\n（一）后勤管理\n1.完善制度\n"
                "2.推进基建\n（二）安全管理\n",
                "1.张某（副校长）\n  一、思想方面\n  二、工作方面\n    1.以身作则\n    2.勤学善思\n"
                "2.李某（副校长）\n  一、分管工作\n    （一）后勤管理\n      1.完善制度\n      2.推进基建\n"
                "    （二）安全管理",
            ),
        ),
        spares=(
            _ex(
                "第一章 总则\n第二条 借阅档案有下列情形之一的，应当办理审批手续：\n（一）借阅涉密档案的；\n"
                "（二）借出档案馆的。\n办理审批手续，应当提交下列材料：\n（一）借阅申请表；\n（二）单位介绍信。\n",
                "第一章 总则\n  第二条 借阅档案有下列情形之一的，应当办理审批手续\n    （一）借阅涉密档案的\n"
                "    （二）借出档案馆的\n    （一）借阅申请表\n    （二）单位介绍信",
            ),
        ),
        places=True,
    ),
    Rule(
        "lead-list-before-sections",
        "tree",
        "一列（1）…（7）之后出现新样式的 1、，而 1、 之下的（1）又从头编号：前面那一列是开头的要点，"
        "1、 与它并列，不属于它的最后一项（前面各项都没有下级时）。",
        "A list （1）…（7） of paragraphs, then a new style 1、 whose own list starts （1） again: the "
        "first list was the opening points before the numbered sections, and 1、 stands beside it, "
        "not in its last item (when none of that list's items held anything).",
        fires=(
            _ex(
                "今年要抓好三件事。\n（1）抓好理论学习。\n（2）抓好制度建设。\n"
                "1、加强队伍建设\n（1）引进骨干教师。\n（2）培养青年教师。\n"
                "2、深化教学改革\n（1）推进课程改革。\n",
                "（1）抓好理论学习\n（2）抓好制度建设\n1、加强队伍建设\n"
                "  （1）引进骨干教师\n  （2）培养青年教师\n2、深化教学改革\n  （1）推进课程改革",
            ),
        ),
        spares=(
            # The outer list goes on after the new style's list: 1、 was its item's.
            _ex(
                "（1）抓好理论学习\n1、加强队伍建设\n（1）引进骨干教师。\n（2）培养青年教师。\n"
                "（2）抓好制度建设\n",
                "（1）抓好理论学习\n  1、加强队伍建设\n    （1）引进骨干教师\n    （2）培养青年教师\n"
                "（2）抓好制度建设",
            ),
        ),
        places=True,
    ),
    Rule(
        "nested-list-goes-on",
        "tree",
        "条目里从一重新开始的同样式列表（四、… 一、…。二、…），只要号码接得上就继续下去，"
        "不回到外层（外层的下一号才回到外层）。",
        "A list of its parent's style nested in an item (四、… 一、…。二、…) goes on while its numbers do; "
        "the outer list resumes with its own next number.",
        fires=(
            _ex(
                "一、形势\n形势很好。\n二、任务\n今后的任务是：\n一、扩大根据地。\n二、扩大人民武装。\n"
                "三、提高军事技术。\n三、结束语\n",
                "一、形势\n二、任务\n  一、扩大根据地\n  二、扩大人民武装\n  三、提高军事技术\n三、结束语",
            ),
        ),
        places=True,
    ),
    Rule(
        "enumerator-releases-list",
        "tree",
        "“一是核心增长极初显。”这样成句的列举项，不包含其后由引语引出的章节序号列表；列表归上一级。"
        "只由列举组成的文档里，引语引出的新一串列举（活动主要安排包括：一是…）也与前一串并列，"
        "除非前一串在它之后接着编号。",
        "An enumerator item that is a whole sentence (一是核心增长极初显。) does not hold a section "
        "list that a later lead-in introduces: the list belongs to the enclosing section. In a "
        "document of bare runs, neither does it hold a new run a lead-in of its own introduces "
        "(活动主要安排包括：一是…): the two runs stand side by side, unless the first goes on after it.",
        fires=(
            _ex(
                "一、工作回顾\n一是核心增长极初显。\n二是开放平台建成。\n一年来，我们主要做了以下工作：\n"
                "（一）经济运行稳中有进。\n（二）民生保障持续加强。\n二、今年任务\n",
                "一、工作回顾\n  一是核心增长极初显\n  二是开放平台建成\n  （一）经济运行稳中有进\n"
                "  （二）民生保障持续加强\n二、今年任务",
            ),
            _ex(
                "研讨内容包括：\n第一，人才培养方面。制定方案。\n第二，科学研究方面。加强设计。\n"
                "活动安排包括两个方面：\n一是召开动员大会\n二是总结大会\n",
                "第一，人才培养方面\n第二，科学研究方面\n一是召开动员大会\n二是总结大会",
            ),
        ),
        spares=(
            _ex(
                "一、工作回顾\n一是抓好三项改革\n重点做了以下工作：\n（一）深化国企改革。\n（二）推进财税改革。\n"
                "二是抓好开放\n二、今年任务\n",
                "一、工作回顾\n  一是抓好三项改革\n    （一）深化国企改革\n    （二）推进财税改革\n"
                "  二是抓好开放\n二、今年任务",
            ),
        ),
        places=True,
    ),
    Rule(
        "mid-way-start",
        "tree",
        "文本从中间开始（先有“（一）（二）”，后出现“二、”）时，续接更高一级序列的序号关闭这些孤立条目。",
        "A text that starts mid-way (（一）（二） then 二、): a higher-ranked marker that continues a "
        "run whose start is cut off closes the orphan items.",
        fires=(
            _ex(
                "（一）产业发展\n（二）城市建设\n二、今年安排\n（一）稳增长\n",
                "（一）产业发展\n（二）城市建设\n二、今年安排\n  （一）稳增长",
            ),
        ),
        spares=(
            _ex(
                "（一）产业发展\n（二）城市建设\n2．加快旧城改造\n",
                "（一）产业发展\n（二）城市建设\n  2．加快旧城改造",
            ),
        ),
        places=True,
    ),
    Rule(
        "new-run-after-lead-in",
        "tree",
        "段内一串的最后一项，不包含同段中由其后引语（…：）引出的新一串；紧跟条目句子的一串仍属该条目。",
        "The last item of an inline run does not hold a new run that a later lead-in of the paragraph "
        "introduces (…三是…。…工作：一要…); a run right after the item's own sentence is the item's.",
        fires=(
            _ex(
                "（一）住房保障\n原则是：（1）保基本。（2）促公平。今年要采取两项措施：一要建房。二要补贴。\n（二）医疗卫生\n",
                "（一）住房保障\n  （1）保基本\n  （2）促公平\n  一要建房\n  二要补贴\n（二）医疗卫生",
            ),
        ),
        spares=(
            _ex(
                "一、任务\n一是抓学习：（1）读原著；（2）学原文。二是抓落实。\n",
                "一、任务\n  一是抓学习\n    （1）读原著\n    （2）学原文\n  二是抓落实",
            ),
        ),
        places=True,
    ),
    Rule(
        "markdown-depth",
        "tree",
        "Markdown 标题级别（#、##）和列表缩进直接给出层级。",
        "Markdown heading levels (#, ##) and list indentation state the depth outright.",
        fires=(
            _ex(
                "# 一、总体要求\n### 1. 坚持稳中求进\n## （一）指导思想\n# 二、重点任务\n",
                "一、总体要求\n  1.坚持稳中求进\n  （一）指导思想\n二、重点任务",
            ),
            # Levels that contradict the legal units they carry (### 第一章, ## 第一节): the
            # units order them, 节 inside 章.
            _ex(
                "### 第一章 总则\n第一条 目的。\n### 第二章 办理\n## 第一节 一般规定\n第二条 受理。\n",
                "第一章 总则\n  第一条 目的\n第二章 办理\n  第一节 一般规定\n    第二条 受理",
            ),
        ),
        places=True,
    ),
    Rule(
        "address-speaks-for-section",
        "tree",
        "转向听众的段落（各位代表，…）说的是整个章节：它引出的一串归打开的第一级条目"
        "（文档有分部标题时归第一级）。",
        "A paragraph that turns to the audience (各位代表，…) speaks of the whole section: the run it "
        "opens goes under the open top-level item (to level 1 when the document has part titles).",
        fires=(
            _ex(
                "一、工作回顾\n（一）经济发展\n经济平稳增长。\n各位代表，过去一年极不平凡。问题也不少："
                "一是动力不足。二是短板突出。\n二、今年任务\n",
                "一、工作回顾\n  （一）经济发展\n  一是动力不足\n  二是短板突出\n二、今年任务",
                line="各位代表，过去一年极不平凡。问题也不少：一是动力不足。二是短板突出。",
            ),
        ),
        spares=(
            _ex(
                "一、工作回顾\n（一）经济发展\n代表们提出了很多建议：一是扩大投资。二是促进消费。\n二、今年任务\n",
                "一、工作回顾\n  （一）经济发展\n    一是扩大投资\n    二是促进消费\n二、今年任务",
                line="代表们提出了很多建议：一是扩大投资。二是促进消费。",
            ),
        ),
        judges=is_address,
        places=True,
    ),
    Rule(
        "address-closes-speech",
        "tree",
        "讲完最后一部分后转向听众（同志们，…提三点希望：一是…）或收尾（以上四点意见…提三点要求：）说的是"
        "整篇讲话：这一串归第一级。工作报告的“各位代表！”仍归最后一部分。",
        "After the last section, a speech's turn to its audience (同志们，…提三点希望：一是…) or its winding "
        "up (以上四点意见…提三点要求：) speaks for the whole speech: its run goes to level 1. A work "
        "report's 各位代表！ stays in its last part.",
        fires=(
            _ex(
                "一、形势\n形势很好。\n二、任务\n任务很重。\n同志们，我提三点希望：\n一是要团结。\n二是要实干。\n三是要清廉。\n",
                "一、形势\n二、任务\n一是要团结\n二是要实干\n三是要清廉",
            ),
            _ex(
                "一、形势\n（一）国内\n形势很好。\n二、任务\n（一）发展\n任务很重。\n"
                "以上两点意见，与大家作个交流。这里提两点要求：一要端正学风。二要学以致用。\n",
                "一、形势\n  （一）国内\n二、任务\n  （一）发展\n一要端正学风\n二要学以致用",
            ),
        ),
        spares=(
            _ex(
                "一、回顾\n成绩很大。\n二、任务\n任务很重。\n各位代表！政府自身建设要抓好：\n一是依法行政。\n二是从严治政。\n",
                "一、回顾\n二、任务\n  一是依法行政\n  二是从严治政",
            ),
        ),
        places=True,
    ),
    Rule(
        "summary-speaks-for-section",
        "tree",
        "总结性段落（回顾…体会到：、我们也清醒认识到…：）说的是整个章节，它引出的一串归打开的第一级条目。",
        "A paragraph that sums up (回顾…体会到：, 我们也清醒认识到…：) speaks of the whole section: the "
        "run it opens goes under the open top-level item.",
        fires=(
            _ex(
                "一、工作回顾\n（一）经济发展\n经济平稳增长。\n回顾一年工作，我们深刻体会到："
                "一是必须坚持党的领导。二是必须坚持人民至上。\n二、今年任务\n",
                "一、工作回顾\n  （一）经济发展\n  一是必须坚持党的领导\n  二是必须坚持人民至上\n二、今年任务",
                line="回顾一年工作，我们深刻体会到：一是必须坚持党的领导。二是必须坚持人民至上。",
            ),
        ),
        spares=(
            _ex(
                "一、工作回顾\n（一）经济发展\n今年要做到：一是扩大投资。二是促进消费。\n二、今年任务\n",
                "一、工作回顾\n  （一）经济发展\n    一是扩大投资\n    二是促进消费\n二、今年任务",
                line="今年要做到：一是扩大投资。二是促进消费。",
            ),
        ),
        judges=sums_up,
        places=True,
    ),
    Rule(
        "review-speaks-for-section",
        "tree",
        "各小节都是单段、没有下级时，其后回顾性的引语（过去一年，我们…：）引出的一串总结整个章节，归第一级条目。",
        "After subsections that each stood in one paragraph with nothing below, a look back "
        "(过去一年，我们…：) opens a run that sums up the whole section: it goes under the top-level item.",
        fires=(
            # A look back (过去一年，…：) after subsections that each stood in one paragraph.
            _ex(
                "一、工作回顾\n（一）经济运行稳中有进。全年增长百分之六。\n（二）民生持续改善。新增就业一万人。\n"
                "过去一年，我们主要抓了以下工作：\n一是狠抓项目建设。开工项目一百个。\n"
                "二是推动产业发展。新增企业五十家。\n二、今年任务\n",
                "一、工作回顾\n  （一）经济运行稳中有进\n  （二）民生持续改善\n  一是狠抓项目建设\n"
                "  二是推动产业发展\n二、今年任务",
                line="过去一年，我们主要抓了以下工作：",
            ),
        ),
        spares=(
            # The same look back under a subsection that has its own paragraphs stays inside it.
            _ex(
                "一、工作回顾\n（一）经济运行稳中有进\n全年增长百分之六。\n"
                "过去一年，我们主要抓了以下工作：\n一是狠抓项目建设。\n二是推动产业发展。\n二、今年任务\n",
                "一、工作回顾\n  （一）经济运行稳中有进\n    一是狠抓项目建设\n    二是推动产业发展\n二、今年任务",
                line="过去一年，我们主要抓了以下工作：",
            ),
        ),
        places=True,
    ),
    Rule(
        "resume-after-prose",
        "tree",
        "在称呼或总结段落之后，段首出现打开样式的序号时，恢复原来打开的条目。",
        "After an address or a summing-up paragraph, the next paragraph-leading marker of an open style "
        "resumes the items that were open.",
        fires=(
            _ex(
                "一、工作回顾\n（一）经济发展\n各位代表，问题也不少：一是动力不足。二是短板突出。\n（二）社会事业\n",
                "一、工作回顾\n  （一）经济发展\n  一是动力不足\n  二是短板突出\n  （二）社会事业",
            ),
        ),
        places=True,
    ),
    Rule(
        "after-part-title",
        "tree",
        "不带序号的分部标题（2023年工作回顾 / 2024年工作安排）之后序号从 1 重新开始：关闭一切，新的一串在第一级。",
        "An unnumbered part title (2023年工作回顾 / 2024年工作安排) after which the numbering starts "
        "again closes everything: the new run is at level 1.",
        fires=(
            _ex(
                "关于2024年工作的报告\n2023年工作回顾\n一、经济发展\n（一）工业增长。\n2024年工作安排\n一、稳增长\n二、保民生\n",
                "关于2024年工作的报告\n一、经济发展\n  （一）工业增长\n一、稳增长\n二、保民生",
            ),
            # A speaker's turn in a transcript, on a line of its own, that the title names.
            _ex(
                "与张三在年中会议上的讲话\n一、形势\n1、市场变化快。\n2、竞争更激烈。\n张三：\n1、抓产品。\n2、抓渠道。\n",
                "与张三在年中会议上的讲话\n一、形势\n  1、市场变化快\n  2、竞争更激烈\n1、抓产品\n2、抓渠道",
            ),
        ),
        spares=(
            _ex(
                "一、经济发展\n（一）工业增长。\n今年工作很不平凡\n二、社会事业\n",
                "一、经济发展\n  （一）工业增长\n二、社会事业",
            ),
            # A label line (a PDF's table) before the first （一） under an open 二、: numbering
            # begins a lower list rather than starting again.
            _ex(
                "一、工作回顾\n过去一年经济平稳增长。\n二、今年目标\n今年的主要目标是：\n国内生产总值\n"
                "增长百分之八。\n（一）稳增长。\n（二）保民生。\n",
                "一、工作回顾\n二、今年目标\n  （一）稳增长\n  （二）保民生",
            ),
            # A hard-wrapped line that ends on a colon is no speaker's turn: nobody of that name
            # speaks elsewhere, and the title does not name it.
            _ex(
                "城市绿化条例\n第一章 总则\n第一条 树木影响安全的，\n督促其修剪：\n（一）遮挡信号灯的；\n"
                "（二）妨碍通行的。\n第二条 本条例自公布之日起施行。\n",
                "城市绿化条例\n第一章 总则\n  第一条 树木影响安全的\n    （一）遮挡信号灯的\n"
                "    （二）妨碍通行的\n  第二条 本条例自公布之日起施行",
            ),
        ),
        places=True,
    ),
)

BY_NAME = {rule.name: rule for rule in RULES}
PLACEMENT_RULES = frozenset(rule.name for rule in RULES if rule.places)
STAGE_NAMES = tuple(stage.name for stage in STAGES)


def rules_used(outline: Outline, depth: int | None = None) -> list[tuple[str, str]]:
    """The placement rules the outline's items (levels 1..depth) record, in registry order,
    with their summaries: the legend of `tigang show --explain`."""
    used = {node.rule for node in outline.walk() if depth is None or node.level <= depth}
    return [(r.name, r.summary) for r in RULES if r.name in used]


def render_catalogue() -> str:
    """docs/heuristics.md."""
    out = [
        "# 解析规则一览 / How tigang reads an outline",
        "",
        "<!-- Generated by `python -m tigang.outline.heuristics`; do not edit by hand. -->",
        "",
        "tigang 的解析分为若干阶段，每条启发式规则属于一个阶段，并带有会触发的例子和不触发的近似例子；",
        "这些例子就是测试。`tigang show --explain` 逐条显示决定层级的规则。",
        "",
        "The parse runs in named stages; each heuristic belongs to one, with examples that fire it and",
        "near misses it spares — the examples are tests. `tigang show --explain` prints, for every item,",
        "the rule that decided its level.",
        "",
        "Stages / 阶段: " + " → ".join(f"`{name}`" for name in STAGE_NAMES),
        "",
        "| 规则 rule | 阶段 stage | 说明 |",
        "|---|---|---|",
    ]
    out += [f"| [{r.name}](#{r.anchor}) | {r.stage} | {r.summary} |" for r in RULES]
    for stage in STAGE_NAMES:
        rules = [r for r in RULES if r.stage == stage]
        if not rules:
            continue
        out += ["", f"## Stage `{stage}`"]
        for rule in rules:
            out += ["", f"### {rule.name}", "", rule.summary, "", rule.summary_en]
            for title, examples in (("触发 / fires", rule.fires), ("不触发 / spares", rule.spares)):
                for example in examples:
                    out += ["", f"{title}:", "", "```text", example.text.rstrip("\n"), "```", "→", "```text"]
                    out += [example.outline, "```"]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render_catalogue())
