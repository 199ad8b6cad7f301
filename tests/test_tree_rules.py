"""Level and node rules on small texts, one rule a case (input → indented `marker heading`)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tigang.cli import cli
from tigang.outline import Anomaly, AnomalyKind, parse_text
from tigang.outline.render import render_text

CASES = {
    "a lone 一是 in prose is not a node": (
        "一、总体要求\n今年的重点一是稳增长，这是大家的共识。\n二、主要任务\n",
        "一、总体要求\n二、主要任务",
    ),
    "一是 nests directly under 一、 and the section closes it": (
        "一、总体要求\n要做到：一是稳增长。二是保民生。\n二、主要任务\n",
        "一、总体要求\n  一是稳增长\n  二是保民生\n二、主要任务",
    ),
    "a new run after the last inline item is its sibling, not its child": (
        "（一）住房保障\n原则是：（1）保基本。（2）促公平。今年要采取两项措施：一要建房。二要补贴。\n（二）医疗卫生\n",
        "（一）住房保障\n  （1）保基本\n  （2）促公平\n  一要建房\n  二要补贴\n（二）医疗卫生",
    ),
    "an inline run continuing after a nested run keeps it as a child": (
        "一、任务\n一是抓学习：（1）读原著；（2）学原文。二是抓落实。\n",
        "一、任务\n  一是抓学习\n    （1）读原著\n    （2）学原文\n  二是抓落实",
    ),
    "inline items end with their paragraph": (
        "一、回顾\n成绩是：一是经济增长。二是民生改善。\n一要继续努力。\n二要再接再厉。\n",
        "一、回顾\n  一是经济增长\n  二是民生改善\n  一要继续努力\n  二要再接再厉",
    ),
    "a part title restarts the numbering at level 1": (
        "2023年工作回顾\n一、经济发展\n（一）工业增长。\n2024年工作安排\n一、稳增长\n二、保民生\n",
        "一、经济发展\n  （一）工业增长\n一、稳增长\n二、保民生",
    ),
    "after an audience address an inline run stays in the open top-level section": (
        "一、工作回顾\n经济平稳增长。\n各位代表，过去一年极不平凡。\n问题也不少：一是动力不足。二是短板突出。\n二、今年任务\n",
        "一、工作回顾\n  一是动力不足\n  二是短板突出\n二、今年任务",
    ),
    "with part titles, an audience address speaks of the whole part": (
        "某县政府工作报告\n各位代表：\n现在，我代表县人民政府，向大会报告工作。\n2023年工作回顾\n一、经济发展\n（一）工业增长。\n各位代表，过去一年极不平凡。问题也不少：一是动力不足；二是短板突出。\n"
        "2024年工作安排\n一、稳增长\n",
        "一、经济发展\n  （一）工业增长\n一是动力不足\n二是短板突出\n一、稳增长",
    ),
    "a marker right after a marker of lower rank opens its list": (
        "三、①抓紧编制规划。②加快项目审批。\n四、强化保障\n",
        "三、\n  ①抓紧编制规划\n  ②加快项目审批\n四、强化保障",
    ),
    "a law's chapter, section and article on one line nest": (
        "第一章 第一节 总体要求\n第一条 为了规范管理，制定本办法。\n第二节 适用范围\n",
        "第一章\n  第一节 总体要求\n    第一条 为了规范管理，制定本办法\n  第二节 适用范围",
    ),
    "a heading that quotes a marker of its own rank or higher is text": (
        "（一）（一）类项目的认定\n（二）（一）类与（二）类的衔接\n1.一、二类标准的适用\n",
        "（一）（一）类项目的认定\n（二）（一）类与（二）类的衔接\n  1.一、二类标准的适用",
    ),
    "a twice-repeated 二是 without 一是 is prose, not a cut-off run": (
        "一、工作要求\n二是要加强领导。\n二是要狠抓落实。\n二、保障措施\n",
        "一、工作要求\n二、保障措施",
    ),
    "zero-width and bidi characters inside markers are invisible": (
        "一\u200b、总体\u200d要求\n（\u2066一\u2069）指导思想\n\u202e二、重点任务\n",
        "一、总体要求\n  （一）指导思想\n二、重点任务",
    ),
    # The failure classes seen on unseen texts (issue 12), each in a made-up text of its shape.
    "a series that restarts after a prose lead-in is a new series, not a sublist of the last item": (
        "一、抓好队伍建设\n1、开展业务培训\n2、完善考核办法\n二、改进服务方式\n1、推行预约服务\n"
        "下一年，我们重点抓好以下工作：\n一、继续推进信息化建设\n二、加强对外交流合作\n",
        "一、抓好队伍建设\n  1、开展业务培训\n  2、完善考核办法\n二、改进服务方式\n  1、推行预约服务\n"
        "一、继续推进信息化建设\n二、加强对外交流合作",
    ),
    "two item lists of one article are both its children": (
        "第一章 总则\n第二条 借阅档案有下列情形之一的，应当办理审批手续：\n（一）借阅涉密档案的；\n（二）借出档案馆的。\n"
        "办理审批手续，应当提交下列材料：\n（一）借阅申请表；\n（二）单位介绍信。\n第三条 本办法自发布之日起施行。\n",
        "第一章 总则\n  第二条 借阅档案有下列情形之一的，应当办理审批手续\n    （一）借阅涉密档案的\n    （二）借出档案馆的\n"
        "    （一）借阅申请表\n    （二）单位介绍信\n  第三条 本办法自发布之日起施行",
    ),
    "a run at the end of a section without numbered children, after an address, is the section's": (
        "一、过去一年工作回顾\n全市经济稳中有进。\n各位代表！成绩来之不易。我们也清醒看到，还存在不少困难：一是结构不优；二是创新不强。\n"
        "二、今年主要任务\n（一）推动产业升级。\n",
        "一、过去一年工作回顾\n  一是结构不优\n  二是创新不强\n二、今年主要任务\n  （一）推动产业升级",
    ),
    "a section list after a run of sentence items and a lead-in belongs to the section": (
        "一、上年工作回顾\n一是经济增长较快。增长八个百分点。\n二是发展后劲增强。项目数创新高。\n一年来，我们主要做了以下工作：\n"
        "（一）调整结构，产业加快发展\n一是工业提质增效。二是服务业更加繁荣。\n（二）统筹城乡\n二、今年安排\n",
        "一、上年工作回顾\n  一是经济增长较快\n  二是发展后劲增强\n  （一）调整结构，产业加快发展\n    一是工业提质增效\n"
        "    二是服务业更加繁荣\n  （二）统筹城乡\n二、今年安排",
    ),
    "a hard-wrapped line starting with a figure and a space is no heading": (
        "一、过去五年工作回顾\n五年来，财政收入累计完成\n189 亿元，平均每年增加38 亿元，城乡居民收入稳步提高。我们坚\n"
        "持把发展作为第一要务。\n二、今后五年主要任务\n",
        "一、过去五年工作回顾\n二、今后五年主要任务",
    ),
    "a summary after the last subsection belongs to the section": (
        "一、过去五年工作回顾\n（一）经济实力明显增强。\n（二）民生福祉持续改善。\n"
        "回顾过去五年的工作，我们有几条深刻体会：一是必须坚持党的领导；二是必须坚持以人民为中心。\n二、今后五年主要任务\n",
        "一、过去五年工作回顾\n  （一）经济实力明显增强\n  （二）民生福祉持续改善\n  一是必须坚持党的领导\n"
        "  二是必须坚持以人民为中心\n二、今后五年主要任务",
    ),
    "a summary lead-in on its own line opens a run of the section": (
        "一、过去五年工作回顾\n（一）经济实力明显增强\n经济总量翻番。\n（二）民生福祉持续改善\n收入持续增长。\n"
        "过去五年，我们积累了宝贵经验，主要体会是：\n第一，必须坚持解放思想。\n第二，必须坚持改革开放。\n二、今年任务\n",
        "一、过去五年工作回顾\n  （一）经济实力明显增强\n  （二）民生福祉持续改善\n  第一，必须坚持解放思想\n"
        "  第二，必须坚持改革开放\n二、今年任务",
    ),
    "a scale or a time after a colon is no list (1:500、1:1000)": (
        "第十条 测绘基本比例尺地图包括：\n（一）1:500、1:1000、1:2000国家基本比例尺地图；\n（二）其他地图。\n",
        "第十条 测绘基本比例尺地图包括\n  （一）1:500、1:1000、1:2000国家基本比例尺地图\n  （二）其他地图",
    ),
    "an editor's note before the speech is not part of it": (
        "在座谈会上的讲话\n【导  读】此次会议，一是决定转型；二是学习先进。\n一、关于转型\n二、关于学习\n",
        "一、关于转型\n二、关于学习",
    ),
    "angle brackets in plain text are text, not tags": (
        "一、关于A&B<C>工作\n（一）落实<规定>要求，推进x<y>z统计。\n",
        "一、关于A&B<C>工作\n  （一）落实<规定>要求，推进x<y>z统计",
    ),
    "after an audience address a leading marker resumes the open section": (
        "（一）关于形势\n形势很好。\n（二）关于改革\n价格要改：一、放开菜价。二、调整运价。\n各位代表！有几个问题要统一认识。\n第一、坚持稳步前进。\n第二、加强管理。\n",
        "（一）关于形势\n（二）关于改革\n  一、放开菜价\n  二、调整运价\n  第一、坚持稳步前进\n  第二、加强管理",
    ),
    "a comma-led first item is not a node, but its run goes on from the second item": (
        "一、要求\n做好三件事，一是学；二是干；三是评。\n二、保障\n实践证明，一是要学。二是要干。三是要评。\n",
        "一、要求\n  二是干\n  三是评\n二、保障\n  二是要干\n  三是要评",
    ),
    "首先感谢 … 再次感谢 around a speech is thanks, not a run that holds it": (
        "首先感谢大家一年来的努力。\n一、关于形势\n形势很好。\n二、关于任务\n任务很重。\n再次感谢大家。\n",
        "一、关于形势\n二、关于任务",
    ),
    "a spoken table of contents that repeats the sections is not a run of items": (
        "下面我讲三点意见：一是认清当前形势；二是明确目标任务；三是狠抓工作落实。\n"
        "一、认清当前形势\n形势很好。\n二、明确目标任务\n目标明确。\n三、狠抓工作落实\n",
        "一、认清当前形势\n二、明确目标任务\n三、狠抓工作落实",
    ),
    "a run before the sections that says something of its own stays": (
        "今天讲两件事：一是听听大家的意见；二是部署下一步工作。\n一、当前形势\n二、主要任务\n",
        "一是听听大家的意见\n二是部署下一步工作\n一、当前形势\n二、主要任务",
    ),
    "a comma-led first item with a lone second item is prose": (
        "一、要求\n这件事，一方面要看到成绩；另一方面要看到差距。\n二、保障\n",
        "一、要求\n二、保障",
    ),
    "a bracketed item after a comma that goes on a ；-list is its next item": (
        "一、要求\n包括：（1）甲项；（2）乙项；（3）丙项，（4）丁项。\n",
        "一、要求\n  （1）甲项\n  （2）乙项\n  （3）丙项\n  （4）丁项",
    ),
    "a bracketed number after a comma elsewhere is text": (
        "一、要求\n包括：（1）甲项，（2）乙项。\n",
        "一、要求\n  （1）甲项，（2）乙项",
    ),
    "enumerations after commas only are prose": (
        "一、要求\n是就是是、非就是非，一是一、二是二，不能含糊。\n",
        "一、要求",
    ),
    "首先…其次…最后 numbered by place, lone 首先 is prose": (
        "一、措施\n首先，要统一思想。\n其次，要明确责任。\n最后，要强化考核。\n二、保障\n首先是解放思想，这很重要。\n三、落实\n",
        "一、措施\n  首先，要统一思想\n  其次，要明确责任\n  最后，要强化考核\n二、保障\n三、落实",
    ),
    "a lone lead item of a lead-run style where the text is cut off still counts": (
        "一、学习\n第一，要学深。\n第二，要悟透。\n二、落实\n第一，要抓项目。项目是发展的载体，要",
        "一、学习\n  第一，要学深\n  第二，要悟透\n二、落实\n  第一，要抓项目",
    ),
    "a short text with only an inline run still has a body": (
        "关于春季工作的通知\n今年要抓好两件事：一是稳就业；二是保民生；三是促发展；四是抓安全。\n",
        "一是稳就业\n二是保民生\n三是促发展\n四是抓安全",
    ),
    "a short body line with a weak noise word is not noise": (
        "一、总体要求\n做好干部推荐\n二、主要任务\n",
        "一、总体要求\n二、主要任务",
    ),
    "一　(ideographic space) is a style of its own": (
        "一　总体要求\n二　主要措施\n一、放宽准入\n二、降低成本\n三　组织实施\n",
        "一　总体要求\n二　主要措施\n  一、放宽准入\n  二、降低成本\n三　组织实施",
    ),
    "chapters without sections hold their articles directly": (
        "第一章 总则\n第一条 为了规范管理，制定本办法。\n第二章 管理\n第一节 一般规定\n第二条 实行统一管理。\n第三章 附则\n第三条 本办法自发布之日起施行。\n",
        "第一章 总则\n  第一条 为了规范管理，制定本办法\n第二章 管理\n  第一节 一般规定\n    第二条 实行统一管理\n第三章 附则\n  第三条 本办法自发布之日起施行",
    ),
    "a glossary after the closing is not hung under the last section": (
        "一、任务\n二、保障\n同志们，让我们共同努力！\n名词解释\n1.六稳：稳就业等。\n2.六保：保居民就业等。\n",
        "一、任务\n二、保障",
    ),
    "a same-style list restarting inline inside an item is its child": (
        "一、总体情况\n（一）发展形势\n发展面临两种趋势：（一）是外部压力加大；（二）是内部动力增强。\n（二）奋斗目标\n",
        "一、总体情况\n  （一）发展形势\n    （一）是外部压力加大\n    （二）是内部动力增强\n  （二）奋斗目标",
    ),
    "a same-style list on its own lines after a colon is a child, and 。 ends it": (
        "一、总体情况\n（一）发展形势\n我们的目标是：\n（一）稳定增长；\n（二）扩大就业。\n（二）奋斗目标\n（三）工作措施\n",
        "一、总体情况\n  （一）发展形势\n    （一）稳定增长\n    （二）扩大就业\n  （二）奋斗目标\n  （三）工作措施",
    ),
    "a skipped number in an enumerator run keeps the item": (
        "一、工作回顾\n一是稳增长。\n二是促改革。\n四是惠民生。\n一年来，外交全面推进。\n二、下一步\n",
        "一、工作回顾\n  一是稳增长\n  二是促改革\n  四是惠民生\n二、下一步",
    ),
    "parts 第X篇 hold chapters": (
        "## 第一篇　总体要求\n### 第一章　发展环境\n### 第二章　指导思想\n## 第二篇　农业农村\n### 第三章　现代农业\n",
        "第一篇 总体要求\n  第一章 发展环境\n  第二章 指导思想\n第二篇 农业农村\n  第三章 现代农业",
    ),
    "Roman part numbers": (
        "## I. 形势问题\n### 1．国际形势\n形势很好。\n## II. 任务问题\n### 1．当前任务\n任务很重。\n",
        "I.形势问题\n  1．国际形势\nII.任务问题\n  1．当前任务",
    ),
    "parenthesised digits ⑴⑵ are list markers": (
        "一、主要工作\n全年办成三件事。⑴修建道路，方便出行。⑵新建学校，改善教学。⑶改造管网，保障供水。\n",
        "一、主要工作\n  ⑴修建道路，方便出行\n  ⑵新建学校，改善教学\n  ⑶改造管网，保障供水",
    ),
    "Word's numbering pasted as text: ㈠ over ⑴, ⒈ lists": (
        "关于做好春季安全生产工作的通知\n各乡镇人民政府：\n现将有关事项通知如下：\n㈠ 提高思想认识\n各单位要高度重视。\n"
        "㈡ 突出工作重点\n⑴ 道路交通安全。严查超速超载。\n⑵ 消防安全。开展隐患排查。\n㈢ 强化责任落实\n"
        "⒈ 压实属地责任。\n⒉ 压实部门责任。\n",
        "㈠提高思想认识\n㈡突出工作重点\n  ⑴道路交通安全\n  ⑵消防安全\n㈢强化责任落实\n  ⒈压实属地责任\n  ⒉压实部门责任",
    ),
    "older print counts digit by digit with ○ for zero": (
        "## 形势和任务\n（九）中国必须立即实行两项改革。\n（一○）我们的敌人还在进攻。\n（一一）为了和平，我们作了让步：\n"
        "（1）停止武力推翻的方针；\n（2）停止没收土地。\n（一二）共产党是否同意三民主义？\n",
        "（九）中国必须立即实行两项改革\n（一○）我们的敌人还在进攻\n（一一）为了和平，我们作了让步\n"
        "  （1）停止武力推翻的方针\n  （2）停止没收土地\n（一二）共产党是否同意三民主义",
    ),
    "under a numbered markdown heading a plain line or a deeper heading closes nothing": (
        "## 一、总路线\n第一，工业落后。\n第二，工人阶级领导。\n## 二、社会主义建设\n第一个五年计划的执行情况\n"
        "第一，超额完成。\n第二，有所欠缺。\n### 工业\n第一，要调整布局。\n第二，要提高质量。\n## 三、国家的政治生活\n",
        "一、总路线\n  第一，工业落后\n  第二，工人阶级领导\n二、社会主义建设\n  第一，超额完成\n  第二，有所欠缺\n"
        "  第一，要调整布局\n  第二，要提高质量\n三、国家的政治生活",
    ),
    "a nested list of its parent's style goes on while its numbers do": (
        "一、形势\n形势很好。\n二、任务\n今后的任务是：\n一、扩大根据地。\n二、扩大人民武装。\n三、提高军事技术。\n"
        "四、加强指挥机关。\n三、结束语\n",
        "一、形势\n二、任务\n  一、扩大根据地\n  二、扩大人民武装\n  三、提高军事技术\n  四、加强指挥机关\n三、结束语",
    ),
    "其次 … 然后 without a 首先 where a node can stand is prose": (
        "一、练兵\n练兵首先是练技术。\n其次说到练体力，要天天练。\n然后，就可以打胜仗。\n二、用兵\n",
        "一、练兵\n二、用兵",
    ),
    "最后，第五， is item 五, the word only leads to it": (
        "一、党的特点\n第一，我们的党有纲领。\n第二，我们的党有纪律。\n最后，第三，我们的党有领袖。\n二、党员\n",
        "一、党的特点\n  第一，我们的党有纲领\n  第二，我们的党有纪律\n  第三，我们的党有领袖\n二、党员",
    ),
    "a bracketed list that previews the sections after it is no list of its own": (
        "第五章 战略防御\n这一章说明下列问题：（一）积极防御和消极防御；（二）战略退却；（三）运动战。\n"
        "第一节 积极防御和消极防御\n第二节 战略退却\n第三节 运动战\n",
        "第五章 战略防御\n  第一节 积极防御和消极防御\n  第二节 战略退却\n  第三节 运动战",
    ),
    "a bracketed number that closes a paragraph is a note's": (
        "一、战例\n请看左丘明的叙述：公与之乘，战于长勺，齐师败绩。（30）\n二、原则\n",
        "一、战例\n二、原则",
    ),
    "a summary right under a section's heading is the section's, even in a part": (
        "班子成员年度述职报告\n张三述职报告\n一、主要工作\n抓好了教学管理。\n二、努力方向\n继续抓好教学。\n"
        "李四述职报告\n一、主要工作\n抓好了后勤保障。\n二、反思存在问题\n"
        "回顾过去一年的工作，也清醒地认识到存在的不足：一是学习不够深入；二是调研不够扎实。\n",
        "一、主要工作\n二、努力方向\n一、主要工作\n二、反思存在问题\n  一是学习不够深入\n  二是调研不够扎实",
    ),
    "a comma-led 首先 inside item 一 is no item of the 第N run": (
        "二、抓改革\n为什么？第一，外部的打击，首先是打击这个业务。第二，这个业务有极大的战略地位。\n三、抓队伍\n",
        "二、抓改革\n  第一，外部的打击，首先是打击这个业务\n  第二，这个业务有极大的战略地位\n三、抓队伍",
    ),
    "hierarchical decimal numbering nests by depth": (
        "某县应急预案\n1.总则\n1.1 编制目的\n为了做好应急工作。\n1.2 适用范围\n1.2.1 自然灾害\n1.2.2 事故灾难\n2.组织体系\n2.1 指挥机构\n",
        "1.总则\n  1.1 编制目的\n  1.2 适用范围\n    1.2.1 自然灾害\n    1.2.2 事故灾难\n2.组织体系\n  2.1 指挥机构",
    ),
    "a list that starts right after its item's marker": (
        "一、同意设立\n二、园区面积\n三、①抓紧编制规划。②加强组织领导。③做好要素保障。\n",
        "一、同意设立\n二、园区面积\n三、\n  ①抓紧编制规划\n  ②加强组织领导\n  ③做好要素保障",
    ),
    "decimal sections under `1 总则` tops": (
        "某县应急预案\n1 总则\n1.1 编制目的\n为了做好应急工作。\n1.2 适用范围\n本县行政区域。\n2 组织体系\n2.1 指挥机构\n",
        "1 总则\n  1.1 编制目的\n  1.2 适用范围\n2 组织体系\n  2.1 指挥机构",
    ),
    "two lone 二是 in two paragraphs are not a run": (
        "标题有两种情况，一是名称加纪要。二是机关加纪要。\n标题有两种情况，一是名称加纪要。二是机关加纪要。\n一、要求\n",
        "一、要求",
    ),
    "a text that starts mid-way: 二、 closes the orphan （一）（二）": (
        "（一）加强学习。内容略。\n（二）改进作风。内容略。\n二、下一步打算\n（一）完善制度。内容略。\n（二）强化监督。内容略。\n",
        "（一）加强学习\n（二）改进作风\n二、下一步打算\n  （一）完善制度\n  （二）强化监督",
    ),
    "a preview list after the salutation is a table of contents": (
        "在全县干部大会上的讲话\n同志们：\n下面我主要讲三个问题：\n（一）关于思想认识；\n（二）关于工作重点；\n（三）关于作风建设。\n"
        "（一）关于思想认识\n要统一思想。\n（二）关于工作重点\n要抓住重点。\n（三）关于作风建设\n要改进作风。\n",
        "（一）关于思想认识\n（二）关于工作重点\n（三）关于作风建设",
    ),
    "a short line inside a section is not a part title": (
        "二、下步工作\n（一）抓好师资\n引进优秀教师\n（二）抓好校舍\n改造危旧校舍。\n",
        "二、下步工作\n  （一）抓好师资\n  （二）抓好校舍",
    ),
    "a date line in the body is not a part title": (
        "一、概念\n要明确。\n二、格式\n2020年1月1日\n1、标题。\n2、落款。\n三、要求\n要规范。\n",
        "一、概念\n二、格式\n  1、标题\n  2、落款\n三、要求",
    ),
    "a run nested inside an item of its own run": (
        "党员大会讲话\n今天讲两点。\n一是要抓好学习。具体说三条。一是要读原著。二是要学原文。\n二是要抓好落实。\n",
        "一是要抓好学习\n  一是要读原著\n  二是要学原文\n二是要抓好落实",
    ),
    "short marker lines inside the body are not a table of contents": (
        "一、体体\n（一）体体。体。\n1.体体\n2.体体\n（二）体体\n1.体体\n2.体体\n",
        "一、体体\n  （一）体体\n    1.体体\n    2.体体\n  （二）体体\n    1.体体\n    2.体体",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_rule(name):
    text, expected = CASES[name]
    got = render_text(parse_text(text)).rstrip("\n").splitlines()
    title = parse_text(text).title
    if title:
        got = got[1:]
    assert "\n".join(got) == expected


def test_numbering_anomalies_are_recorded_at_every_level():
    outline = parse_text("一、甲\n三、乙\n（一）丙\n（一）丁\n")
    assert [str(a) for a in outline.nodes[1].anomalies] == ["skipped: expected 2, found 3"]
    assert [str(a) for a in outline.nodes[1].children[1].anomalies] == ["repeated: 1 again"]
    assert outline.nodes[1].anomalies[0] == Anomaly(AnomalyKind.SKIPPED, found=3, expected=2)


def test_top_level_sequence_words_get_their_place():
    outline = parse_text("首先，要统一思想。\n然后，要抓好落实。\n最后，要加强保障。\n")
    assert [n.number for n in outline.nodes] == [1, 2, 3]


def test_articles_count_through_the_whole_law():
    text = "第一章 总则\n第一条 甲。\n第二条 乙。\n第二章 分则\n第三条 丙。\n第五条 丁。\n"
    articles = [a for n in parse_text(text).nodes for a in n.children]
    assert [[str(x) for x in a.anomalies] for a in articles] == [[], [], [], ["skipped: expected 4, found 5"]]


def test_json_depth_limits_children():
    text = "一、总体要求\n（一）指导思想。\n（二）基本原则。\n二、主要任务\n"
    result = CliRunner().invoke(cli, ["show", "-", "--format", "json", "--depth", "1"], input=text)
    doc = json.loads(result.output)
    assert [len(n["children"]) for n in doc["outline"]] == [0, 0]


def test_a_stray_details_tag_does_not_swallow_the_document():
    text = "</details>\n一、总体要求\n<details>\n（一）指导思想。\n（二）基本原则。\n二、主要任务\n"
    assert [n.marker.text for n in parse_text(text).walk()] == ["一、", "（一）", "（二）", "二、"]


def test_a_closed_details_block_is_a_table_of_contents():
    text = "<details><summary>目录</summary>\n\n一、总体要求\n二、主要任务\n</details>\n\n一、总体要求\n二、主要任务\n"
    outline = parse_text(text)
    assert [n.line for n in outline.walk()] == [7, 8]


def test_a_stray_comment_opener_does_not_swallow_the_document():
    text = "一、总体要求<!-- 未完\n（一）指导思想。\n（二）基本原则。\n二、主要任务\n"
    outline = parse_text(text)
    assert [(n.marker.text, n.line) for n in outline.walk()] == [
        ("一、", 1),
        ("（一）", 2),
        ("（二）", 3),
        ("二、", 4),
    ]
    closed = "一、总体要求\n<!-- 编者按\n（一）不算。\n-->\n二、主要任务\n"
    assert [n.line for n in parse_text(closed).walk()] == [1, 5]


def test_short_titles_are_titles_and_bare_names_are_speakers():
    assert parse_text("**述职报告**\n各位领导：\n一、主要工作\n二、存在问题\n").title == "述职报告"
    assert parse_text("政府工作报告\n李克强\n各位代表：\n一、回顾\n").title == "政府工作报告"
    assert parse_text("李克强\n各位代表：\n一、回顾\n").title is None
    # An office and a name of four characters (many Tibetan and Mongolian names) is a byline.
    byline = "---\ntitle: 在市人民代表大会上的政府工作报告\n---\n某市市长 罗布顿珠\n各位代表：\n一、回顾\n二、任务\n"
    assert parse_text(byline).title == "在市人民代表大会上的政府工作报告"


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        ("政府工作报告  ——1998年4月23日在省第二届人民代表大会第一次会议上", "政府工作报告"),
        ("用干部激活确定性——任总在干部管理工作沟通会上的讲话", "用干部激活确定性"),
        ("20210802江山代有才人出", "江山代有才人出"),
        ("奋进新征程——建功新时代", "奋进新征程——建功新时代"),  # no occasion after the dash: one title
    ],
)
def test_a_title_keeps_its_main_part(first_line, title):
    assert parse_text(f"{first_line}\n同志们：\n一、形势\n二、任务\n").title == title


def test_a_doubled_page_title_is_read_once():
    text = "---\ntitle: 2021年市政府工作报告2021年市政府工作报告\n---\n各位代表：\n一、回顾\n二、任务\n"
    assert parse_text(text).title == "2021年市政府工作报告"


def test_a_web_page_note_before_the_speech_it_reproduces_is_not_its_body():
    page = (
        "首页 | 新闻中心 | 学校公告 | 校务公开 | 联系我们\n"
        "当前位置：首页 > 新闻中心 > 学校公告\n"
        "现摘录局长《在全市教育工作会议上的讲话》，希全体教工认真学习！\n"
        "在全市教育工作会议上的讲话\n张三\n（2010年2月22日）\n同志们：\n"
        "今天我们召开会议，部署全年工作。\n一、回顾\n工作很好。\n二、任务\n任务很重。\n"
    )
    outline = parse_text(page)
    assert outline.title == "在全市教育工作会议上的讲话"
    assert outline.salutation == "同志们："
    assert outline.parts == ()
    assert [n.label for n in outline.nodes] == ["一、回顾", "二、任务"]


def test_a_list_continues_across_a_hard_wrap():
    wrapped = [
        "　　中国机会主义，最主要最有趣的倾向是：1．实际最右；",
        "2．表面最左；它俩凑成了机会主义。机会主义不是偶然的。",
    ]
    body = (
        "　　这是一段很长的正文，被排版软件按照固定宽度折行了，所以每一行都差不多长，读起来也是连续的。" * 8
    )
    lines = [body[i : i + 27] for i in range(0, len(body), 27)]
    text = "\n".join(["一、机会主义", *lines, *wrapped, *lines, "二、党的历史"]) + "\n"
    outline = parse_text(text)
    assert [(n.level, n.marker.text) for n in outline.walk()] == [
        (1, "一、"),
        (2, "1．"),
        (2, "2．"),
        (1, "二、"),
    ]


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        ("在全市工作会议上的讲话（2021年1月19日）　张三", "在全市工作会议上的讲话"),
        ("在全市工作会议上的讲话　2021-01-19 10:00", "在全市工作会议上的讲话"),
        ("政府工作报告　　国务院总理　李克强", "政府工作报告"),
        ("政府工作报告　自治区主席　某某某某", "政府工作报告"),
        ("坚定信心　真抓实干", "坚定信心　真抓实干"),  # two four-character phrases are the title
        ("2022年政府工作报告（全文）", "2022年政府工作报告（全文）"),
        ("在全县工作会议上的讲话 篇1", "在全县工作会议上的讲话"),
        ("奋进新征程 建新功", "奋进新征程 建新功"),
    ],
)
def test_title_dateline_and_speaker_on_one_line(first_line, title):
    assert parse_text(f"{first_line}\n同志们：\n一、总体要求\n二、主要任务\n").title == title


def test_template_site_chrome_is_noise():
    text = "点击上方蓝字关注我们\n原标题：在全市工作会议上的讲话\n在全市工作会议上的讲话\n同志们：\n一、总体要求\n二、主要任务\n推荐阅读\n- END -\n"
    outline = parse_text(text)
    assert outline.title == "在全市工作会议上的讲话"
    assert {1, 2, 7, 8} <= set(outline.noise_lines)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "一、主要工作\n主要做了三件事：\n第壹，抓学习。\n第二，抓作风。\n第三，抓落实。\n",
            "一、主要工作\n  第壹，抓学习\n  第二，抓作风\n  第三，抓落实",
        ),
        (
            "一、主要工作\n做了几件事。壹是抓学习；贰是抓作风；叁是抓落实。\n",
            "一、主要工作\n  壹是抓学习\n  贰是抓作风\n  叁是抓落实",
        ),
        (
            "壹、計畫目標\n目標明確。\n貳、執行策略\n一、加強宣導\n宣導到位。\n二、落實考核\n參、預期效益\n",
            "壹、計畫目標\n貳、執行策略\n  一、加強宣導\n  二、落實考核\n參、預期效益",
        ),
    ],
)
def test_capital_numerals(text, expected):
    assert render_text(parse_text(text)).rstrip("\n") == expected


@pytest.mark.parametrize(
    "text",
    [
        "首页 > 讲话稿 > 会议讲话 > 正文\n\n在全县秋收工作会议上的讲话\n\n同志们：\n一、提高认识\n二、压实责任\n",
        "好范文网\n在全县秋收工作会议上的讲话\n同志们：\n一、提高认识\n二、压实责任\n",
        "当前位置：范文大全\n在全县秋收工作会议上的讲话\n一、提高认识\n二、压实责任\n",
    ],
)
def test_page_chrome_is_not_the_title(text):
    assert parse_text(text).title == "在全县秋收工作会议上的讲话"


# A school website's page as a crawler saved it: the menu, the column's list of articles, the
# breadcrumbs, the column's name again, the page's own note, then the speech.
_SCHOOL_PAGE = (
    "登录|注册\n公共文件夹 | 智慧校园 | 教学平台 | 办公电话 | 图书馆\n首页\n新闻中心\n学校公告\n党建引领\n"
    "学习专栏\n每周一学（2024年5月6日-5月12日）坚持以人民为中心…[05-06]\n"
    "当前位置：首页 > 党建引领> 学习专栏\n学习专栏\n"
    "本月推荐给各位老师学习。这是一篇重要讲话，请大家认真阅读，深刻领会讲话精神，结合实际抓好贯彻落实，切实把学习成果转化为推动工作的强大动力。\n"
    "{title}\n某某某\n共青团员们，青年朋友们，同志们：\n今天我们隆重集会。\n"
    "第一，要树立远大理想。理想指引人生方向。\n第二，要热爱伟大祖国。爱国是本分。\n"
)


@pytest.mark.parametrize(
    ("title_line", "title"),
    [
        ("在纪念五四运动大会上的讲话", "在纪念五四运动大会上的讲话"),
        # The genre is named after the dash only: still the speech's title, not the menu's.
        ("为实现目标任务而团结奋斗 ——在全会上的讲话", "为实现目标任务而团结奋斗"),
        ("博雅通达 求真力行——某某中学创建现代化学校工作汇报", "博雅通达 求真力行"),
    ],
)
def test_a_school_pages_menu_breadcrumbs_and_column_are_not_the_title(title_line, title):
    """Not the menu line (智慧校园 | 教学平台 | …), nothing above the breadcrumbs, not the
    column's name under them; 共青团员们，青年朋友们，同志们： is the salutation."""
    outline = parse_text(_SCHOOL_PAGE.format(title=title_line))
    assert outline.title == title
    assert outline.salutation == "共青团员们，青年朋友们，同志们："
    assert [n.marker.text for n in outline.walk()] == ["第一，", "第二，"]


@pytest.mark.parametrize(
    ("line", "salutation"),
    [
        ("共青团员们，青年朋友们，同志们：", True),
        ("各位老师、同学们：", True),
        ("全体党员同志：", True),
        ("我们：", False),  # a pronoun, not an audience
        ("工作要求：", False),
        ("各位教职员工，今年我们要做好三件事：", False),
    ],
)
def test_salutations_name_any_group(line, salutation):
    from tigang.outline.front import is_salutation

    assert is_salutation(line) is salutation


@pytest.mark.parametrize(
    "text",
    [
        "索引号: 000123/2020-00001 组配分类: 通知\n发布日期: 2020-01-02\n\n某县人民政府关于做好防汛工作的通知\n\n各乡镇人民政府:\n\n一、提高认识\n\n二、落实责任\n",
        "11330700MB10327095/2024-00144\n某县人民政府关于做好防汛工作的通知\n某县水利局\n2024-03-01\n一、提高认识\n二、落实责任\n",
        "---\ntitle: x\n---\n\n> [!NOTE] 相关通知\n> 近日印发。\n\n## 某县人民政府关于做好防汛工作的通知\n\n一、提高认识\n二、落实责任\n",
        # A letterhead above the document number (发文机关标志, 发文字号): the title is below it.
        "某 县 人 民 政 府 办 公 室\n\n某政办发〔2020〕12号      签发人：张三\n\n某县人民政府关于做好防汛工作的通知\n\n"
        "一、提高认识\n二、落实责任\n",
    ],
)
def test_website_metadata_and_callouts_are_not_the_title(text):
    assert parse_text(text).title == "某县人民政府关于做好防汛工作的通知"


def test_a_letterhead_above_the_document_number_is_not_the_title():
    """发文机关标志, then 发文字号 and 签发人 (GB/T 9704): the title stands below them, even one
    that names no genre of its own."""
    text = (
        "总 裁 办 电 子 邮 件\n\n电邮讲话【2019】038号      签发人：张三\n\n防汛工作要抓实抓细\n\n"
        "——在防汛工作会议上的讲话\n\n一、提高认识\n二、落实责任\n"
    )
    assert parse_text(text).title == "防汛工作要抓实抓细"


def test_times_and_counters_are_not_headings():
    text = "关于召开常务会议的通知\n发布时间:2022-06-06 11:37 来源:市政府办公室 浏览次数: 字体:[ ]\n一、会议时间\n二、参会人员\n"
    outline = parse_text(text)
    assert outline.title == "关于召开常务会议的通知"
    assert [n.marker.text for n in outline.walk()] == ["一、", "二、"]
    assert 2 in outline.noise_lines


def test_fill_in_blanks_and_short_genre_titles_survive():
    outline = parse_text("某讲话\n一、参加培训\n1.参加由___中心组织的年会。\n2.参加__市__局培训。\n")
    assert outline.title == "某讲话"
    assert [n.heading for n in outline.nodes[0].children] == ["参加由___中心组织的年会", "参加__市__局培训"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "VIP专免\n2024-06-10\n23 页\n侵权投诉\n在全县工作会议上的讲话\n一、提高认识\n二、压实责任\n",
            "在全县工作会议上的讲话",
        ),
        (
            "下面是小编为大家整理的在全县乡村振兴推进会议上的讲话稿范文，供大家参考。\n在全县乡村振兴推进会议上的讲话\n一、提高认识\n二、压实责任\n",
            "在全县乡村振兴推进会议上的讲话",
        ),
        (
            "只需一步,快速开始\n查看: 100|回复: 0\n在全县工作会议上的讲话\n一、提高认识\n二、压实责任\n",
            "在全县工作会议上的讲话",
        ),
        (
            "某某区委办公室 某某区人民政府办公室印发《某某区全力打响服务品牌加快建设国际化城区三年行动计划》的通知\n一、总体要求\n二、主要任务\n",
            "某某区委办公室 某某区人民政府办公室印发《某某区全力打响服务品牌加快建设国际化城区三年行动计划》的通知",
        ),
    ],
)
def test_more_page_chrome_and_long_titles(text, title):
    outline = parse_text(text)
    assert outline.title == title
    assert [n.marker.text for n in outline.nodes] == ["一、", "二、"]


def test_closing_paragraph_is_recorded():
    from pathlib import Path

    example = Path(__file__).resolve().parents[1] / "examples" / "讲话稿示例.txt"
    outline = parse_text(example.read_text(encoding="utf-8"))
    assert outline.closing_line == 27 and outline.closing.startswith("同志们，项目建设事关全县发展大局")
    assert parse_text("一、学习\n要学习。\n二、落实\n要落实。\n谢谢大家！\n").closing == "谢谢大家！"
    assert parse_text("一、学习\n要学习。\n二、落实\n要落实。\n").closing is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a one-line page: 一、 inline gets its children
            "某讲话\n今天开会。一、抓落实。各部门取得成效。1、抓发动，格局形成。一是动员加大。二是氛围浓烈。\n",
            "一、抓落实\n  1、抓发动，格局形成\n    一是动员加大\n    二是氛围浓烈",
        ),
        (  # a run right after the item's sentence is the item's, for the last item too
            "某讲话\n一、抓落实\n各部门取得成效。1、抓发动。一是动员加大。二是氛围浓烈。2、抓服务。一是审批提速。二是要素保障。\n二、下步工作\n",
            "一、抓落实\n  1、抓发动\n    一是动员加大\n    二是氛围浓烈\n  2、抓服务\n    一是审批提速\n    二是要素保障\n二、下步工作",
        ),
        (
            "某讲话\n第一部分，谈形势。要看清。\n第二部分，谈任务。要干好。\n",
            "第一部分 谈形势\n第二部分 谈任务",
        ),
    ],
)
def test_one_line_pages_and_division_commas(text, expected):
    assert "\n".join(render_text(parse_text(text)).splitlines()[1:]) == expected


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "在全县安全生产工作会议上的讲话同志们：今天开会。下面讲两点。\n一、提高认识\n二、压实责任\n",
            "在全县安全生产工作会议上的讲话",
        ),
        (
            "获取 Adobe Flash Player\n张三副主任在全市换届选举工作会议上的讲话\n同志们：\n一、充分认识\n二、依法办事\n",
            "张三副主任在全市换届选举工作会议上的讲话",
        ),
        ("新春团拜会致辞 | |\n同志们：\n一、回顾\n二、展望\n", "新春团拜会致辞"),
    ],
)
def test_fused_titles_and_page_chrome(text, title):
    assert parse_text(text).title == title


def test_a_page_footer_is_not_the_last_items_body():
    # A school website's article page: previous/next links, a menu of short lines, a copyright
    # line and a licence number, each over 40 characters long or between short menu items.
    # Two speeches from the same site would otherwise share their last items' text.
    page = (
        "每周一学 | 学习材料\n"
        "在全市教育工作会议上的讲话\n"
        "一、认清形势\n要看到成绩，也要看到差距。\n"
        "二、抓好落实\n各校要把任务分解到人，抓紧抓实。\n"
        "（本文为讲话的主要部分）\n"
        "【打印正文】\n"
        "上一篇：每周一学（2025年第11期）把学习成果转化为推动工作的实际行动…[ 09-09 ]\n"
        "下一篇：每周一学（2025年第13期）以钉钉子精神抓好各项任务落实见效…[ 09-22 ]\n"
        "网站地图\n|\n校长信箱\n|\n反馈意见\n"
        "某市第一中学 版权所有 Copyright © SOMESCHOOL.NET All Rights Reserved.\n"
        "地址：某市站前大道1号 电话：0575-12345678\n"
        "浙公网安备 33060200000000号 ICP证：浙ICP备00000000号-1\n"
    )
    outline = parse_text(page)
    assert [node.heading for node in outline.nodes] == ["认清形势", "抓好落实"]
    last = outline.nodes[-1]
    assert last.body.startswith("各校要把任务分解到人")
    assert not any(word in last.body for word in ("上一篇", "网站地图", "版权所有", "ICP", "地址"))


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "來源:新華網 責任編輯:張三 發布:2024-03-08 16:05:48\n某某縣人民代表大會常務委員會工作報告\n一、過去一年的工作\n二、今後一年的任務\n",
            "某某縣人民代表大會常務委員會工作報告",
        ),
        (
            "首   页 走进本县 新闻中心 政务公开\n某某县人大常委会工作报告\n一、过去一年\n二、今年任务\n",
            "某某县人大常委会工作报告",
        ),
        (
            "附件2\n《政府工作报告》名词解释\n1、两区：即示范区和试验区。\n2、三品：即甲品和乙品。\n",
            "《政府工作报告》名词解释",
        ),
    ],
)
def test_portal_lines_and_attachment_labels_are_not_titles(text, title):
    assert parse_text(text).title == title


def test_a_contents_block_with_page_numbers_makes_no_nodes():
    text = "目录\n1.解读之一:去年工作回顾 2\n2.解读之二:今年目标任务 6\n解读之一:去年工作回顾\n去年经济平稳增长。\n解读之二:今年目标任务\n今年要稳中求进。\n"
    assert list(parse_text(text).walk()) == []


def test_salutations_with_zunjing_open_the_body():
    outline = parse_text("尊敬的各位老师、亲爱的同学们：\n大家上午好！\n一、升国旗\n二、校长讲话\n")
    assert outline.title is None and outline.salutation == "尊敬的各位老师、亲爱的同学们："
    assert parse_text("目录/提纲：……\n一、认清形势\n二、压实责任\n").title is None


PARTS_TEXT = (
    "某市政府工作报告\n各位代表：\n现在，我代表市人民政府，向大会报告工作。\n"
    "2023年工作回顾\n一、经济稳中有进\n二、民生持续改善\n"
    "2024年工作安排\n一、推动产业升级\n二、扩大有效投资\n三、办好民生实事\n"
    "各位代表，让我们团结一心，奋力实现全年目标！\n"
    "名词解释\n1.六稳：稳就业、稳金融等。\n2.六保：保居民就业等。\n"
)


def test_part_titles_are_parts_and_back_matter_is_an_appendix():
    """Unnumbered part titles group the restarted series (the items stay at level 1), and a
    glossary after the closing is kept apart from the outline."""
    outline = parse_text(PARTS_TEXT)
    assert [(n.marker.text, n.level) for n in outline.nodes] == [
        ("一、", 1),
        ("二、", 1),
        ("一、", 1),
        ("二、", 1),
        ("三、", 1),
    ]
    assert [(p.title, p.start, p.end) for p in outline.parts] == [
        ("2023年工作回顾", 0, 2),
        ("2024年工作安排", 2, 5),
    ]
    assert all(not n.anomalies for n in outline.walk())  # a part restarts its numbering: no slip
    (back,) = outline.appendix
    assert back.title == "名词解释" and [n.marker.text for n in back.nodes] == ["1.", "2."]
    doc = json.loads(
        CliRunner().invoke(cli, ["show", "-", "--format", "json"], input=PARTS_TEXT.encode()).output
    )
    assert doc["parts"][1] == {"title": "2024年工作安排", "line": 7, "items": [2, 5]}
    assert [n["heading"] for n in doc["appendix"][0]["outline"]] == [
        "六稳：稳就业、稳金融等",
        "六保：保居民就业等",
    ]
    assert len(doc["outline"]) == 5


def test_show_groups_items_under_their_parts_and_lists_the_appendix_apart():
    result = CliRunner().invoke(cli, ["show", "-"], input=PARTS_TEXT.encode())
    lines = result.output.splitlines()
    assert lines[1].startswith("├── 2023年工作回顾") and lines[2].startswith("│   ├── 一、经济稳中有进")
    assert "附录 名词解释" in lines[-1] and "2 项 items; --appendix" in lines[-1]
    result = CliRunner().invoke(cli, ["show", "-", "--appendix"], input=PARTS_TEXT.encode())
    assert "六保：保居民就业等" in result.output


def test_show_wraps_long_items_with_the_marker_and_line_number_kept():
    text = (
        "第一章 总则\n第一条 "
        + "为了保护民事主体的合法权益，调整民事关系，维护社会和经济秩序，" * 3
        + "制定本法。\n"
    )
    result = CliRunner().invoke(cli, ["show", "-"], input=text.encode(), terminal_width=50)
    lines = result.output.splitlines()
    first = next(line for line in lines if "第一条" in line)
    assert "第一条 为了" in first  # the marker keeps its first characters
    assert lines[-1].rstrip().endswith(":2") and len(lines[-1].split(":2")[0].strip("│ ")) >= 2


def test_a_typeset_hard_wrap_is_found_though_its_lines_vary():
    """A PDF squeezes punctuation, so the full lines of a text wrapped at 26 characters run
    24 to 28 long; the paragraphs must still be joined (else a line fragment looks like an
    unnumbered part title and empties the open chapter)."""
    words = "要进一步组织各方面的研究力量，加强对理论问题和实际问题的研究，用研究成果为建设服务。" * 12
    wrapped, at = [], 0
    while at < len(words):
        width = (26, 24, 26, 24, 28, 26, 24, 23)[len(wrapped) % 8]
        wrapped.append(words[at : at + width])
        at += width
    wrapped[-1] = "特别要加强对社会主义现代化建设迫切需要解决的重"  # a last line with no punctuation
    text = (
        "第二十六章 社会科学\n\n"
        + "\n".join(wrapped)
        + "\n\n研究重点分为三个方面：一、理论的研究；二、经济学的研究；三、\n"
        "法学的研究。\n\n第二十七章 教育\n"
    )
    outline = parse_text(text)
    chapter = outline.nodes[0]
    assert [n.marker.text for n in chapter.children] == ["一、", "二、", "三、"]
    assert len(outline.nodes) == 2 and not outline.parts


def test_a_part_title_with_nothing_under_it_at_the_end_is_still_a_part():
    """Found by hypothesis: two part titles in a row after the last item (an IndexError once)."""
    outline = parse_text("一、\n第一要务\n第一要务\n一是")
    assert [n.marker.text for n in outline.nodes] == ["一、"]
    assert all(p.start <= p.end <= len(outline.nodes) for p in outline.parts)


def _run_on(*paragraphs: str) -> str:
    """A speech as a scraped table holds it: every paragraph break gone, one line."""
    return "".join(paragraphs) + "\n"


# Filler sentences that make the speech as long as a real one (the run-on rule is for whole
# texts on one line, not for a short paragraph).
_FILLER = "这些年来，我们坚持从实际出发，统筹推进各项工作，经济社会发展取得了新的成效。" * 12


def test_a_speech_on_one_line_reads_its_sentences_as_paragraphs():
    """Without its breaks, 同志们！ still turns to the audience and starts a new part: the
    second run is a sibling of the first, not a child of its last item."""
    text = _run_on(
        "同志们：今天我们隆重集会。",
        _FILLER,
        "四十年来，我们积累了宝贵经验。一是必须坚持党的领导，始终保持正确方向。",
        "二是必须坚持改革开放，不断激发发展活力。三是必须坚持以人民为中心，让成果惠及群众。",
        "以上三条，是我们的宝贵经验，必须长期坚持。同志们！新时代赋予新使命。",
        "第一，坚定不移贯彻新发展理念。",
        _FILLER,
        "第二，与时俱进全面深化改革。改革永远在路上。第三，锐意开拓全面扩大开放。要注意两点：",
        "一是坚持开放合作。二是统筹发展和安全。同志们！让我们携手前进。",
    )
    outline = parse_text(text)
    got = [(node.level, node.marker.text) for node in outline.walk()]
    assert got == [
        (1, "一是"),
        (1, "二是"),
        (1, "三是"),
        (1, "第一，"),
        (1, "第二，"),
        (1, "第三，"),
        (2, "一是"),
        (2, "二是"),
    ]
    assert all(node.line == 1 for node in outline.walk())
    second = next(n for n in outline.walk() if n.marker.text == "第二，")
    assert second.heading == "与时俱进全面深化改革" and second.body.startswith("改革永远在路上")
    assert second.column == text.index("第二，") + 1  # columns still count on the whole line


def test_a_photo_credit_ends_a_sentence_of_a_speech_on_one_line():
    """A web page's photo caption stood between two paragraphs; on one line its credit runs
    into the next paragraph's marker (…新华社记者 鞠鹏/摄第一，…)."""
    caption = "2020年3月6日，座谈会在北京召开。新华社记者 鞠鹏/摄"
    text = _run_on(
        "在座谈会上的讲话。",
        _FILLER,
        caption,
        "第一，创造了最好成绩。",
        _FILLER,
        "第二，促进了加快发展。",
        caption,
        "第三，构筑了强大合力。",
    )
    got = [(n.level, n.marker.text, n.heading) for n in parse_text(text).walk()]
    assert got == [
        (1, "第一，", "创造了最好成绩"),
        (1, "第二，", "促进了加快发展"),
        (1, "第三，", "构筑了强大合力"),
    ]


def test_one_long_paragraph_of_a_report_is_no_lost_break():
    """A province's lessons can fill one paragraph of 10,000 characters (第一，…第二，… inside):
    the rest of the report around it has its breaks, so nothing is split."""
    lessons = (
        "我们深切体会到：第一，必须坚持党的领导。" + _FILLER * 3 + "第二，必须坚持人民至上。" + _FILLER * 3
    )
    text = "一、工作回顾\n" + _FILLER * 3 + "\n" + lessons + "\n二、今年任务\n" + (_FILLER * 4 + "\n") * 3
    outline = parse_text(text)
    assert [(n.level, n.marker.text) for n in outline.walk()] == [
        (1, "一、"),
        (2, "第一，"),
        (2, "第二，"),
        (1, "二、"),
    ]
    assert len(outline.nodes[0].children[0].body) > len(_FILLER)  # the item keeps its sentences


def test_a_winding_up_in_the_speakers_words_ends_the_last_run():
    """以上我重点讲了几个问题 closes the speech's points: the hopes after it stand beside them."""
    text = (
        "在专家座谈会上的讲话\n今天召开座谈会，听取意见。\n第一，以辩证思维看待新机遇。要善于化危为机。\n"
        "第二，以畅通循环为主构建新格局。要扩大内需。\n以上我重点讲了几个问题，请大家深入研究。\n"
        "这里，我给大家提几点希望。一是从国情出发。二是深入调研。\n"
    )
    got = [(n.level, n.marker.text) for n in parse_text(text).walk()]
    assert got == [(1, "第一，"), (1, "第二，"), (1, "一是"), (1, "二是")]


@pytest.mark.parametrize(
    ("start", "title"),
    [
        ("在全县工作会议上的讲话（2024年2月12日）张三同志们，", "在全县工作会议上的讲话"),
        ("勠力同心 共创未来——在合作论坛上的讲话（2020年11月21日，北京）张三", "勠力同心 共创未来"),
        ("建设高水平的考古学※张三我国是", "建设高水平的考古学"),
    ],
)
def test_the_title_of_a_speech_on_one_line_ends_at_its_date(start, title):
    """The title ran into the text with the rest (…的讲话（2024年2月12日）张三同志们，…): it ends
    at the date in brackets, or at the ※ a magazine's page sets after it."""
    text = _run_on(start + "今天召开会议。", _FILLER, "第一，要提高认识。", _FILLER, "第二，要压实责任。")
    outline = parse_text(text)
    assert outline.title == title
    assert [n.marker.text for n in outline.walk()] == ["第一，", "第二，"]


def test_sections_numbered_with_an_ascii_space_are_a_run():
    """Older print typed again numbers its sections `一 重工业和轻工业…` with an ASCII space: a
    run of them is the outline; a lone one (`三 个代表` at a hard-wrapped line's start) is not."""
    text = (
        "论十大关系\n\n\u3000\u3000一 重工业和轻工业、农业的关系\n\n重工业是建设的重点。\n\n"
        "\u3000\u3000二 沿海工业和内地工业的关系\n\n轻工业都在沿海。\n\n"
        "\u3000\u3000三 经济建设和国防建设的关系\n\n国防不可不有。第一，要加强。第二，要减少。\n"
    )
    outline = parse_text(text)
    assert [(n.marker.text, n.heading, n.level) for n in outline.walk()] == [
        ("一 ", "重工业和轻工业、农业的关系", 1),
        ("二 ", "沿海工业和内地工业的关系", 1),
        ("三 ", "经济建设和国防建设的关系", 1),
        ("第一，", "要加强", 2),
        ("第二，", "要减少", 2),
    ]
    lone = "会议纪要\n\n我们要坚持\n三 个代表重要思想，加强学习。\n"
    assert len(parse_text(lone)) == 0


@pytest.mark.parametrize(
    ("meta_title", "title"),
    [
        ("某某大学->关于“抓落实促转型”的思考 | abcu.edu.cn", "关于“抓落实促转型”的思考"),
        ("在全市经济工作会议上的讲话_某某市人民政府网", "在全市经济工作会议上的讲话"),
        ("学校新闻 > 以课程建设为引领，持续提升育人能力", "以课程建设为引领，持续提升育人能力"),
        ("2021年政府工作报告", "2021年政府工作报告"),
    ],
)
def test_a_page_titles_site_name_is_not_part_of_the_title(meta_title, title):
    """A scraped page's title field carries its site before or after it."""
    text = f"---\ntitle: {meta_title}\n---\n本期访谈对象：本科生院常务副院长张某某\n\n一、为什么要做\n二、怎么做\n"
    assert parse_text(text).title == title


def test_captions_and_asides_are_not_part_titles():
    """图 2 …, 表 1 … (a figure's or table's caption) and （以下为全文） stand between
    paragraphs: a list starting again after them is not a new part."""
    text = (
        "学院建设研究\n\n（以下为全文）\n\n一、建设的必要性\n\n二、具体举措\n\n1.学科交叉融合\n\n"
        "（1）智能感知方向\n\n（2）智能系统方向\n\n2.培养模式改革\n\n图 2 学院人才培养模式\n\n"
        "（1）个性培养的弹性学制\n\n（2）全面培养的多维导师制\n\n表 1 模块化课程体系\n\n"
        "（3）立体培养的工学书院制\n"
    )
    outline = parse_text(text)
    assert outline.parts == ()
    assert [(n.marker.text, n.level) for n in outline.walk()] == [
        ("一、", 1),
        ("二、", 1),
        ("1.", 2),
        ("（1）", 3),
        ("（2）", 3),
        ("2.", 2),
        ("（1）", 3),
        ("（2）", 3),
        ("（3）", 3),
    ]


def test_an_excerpt_mark_in_mid_sentence_does_not_split_the_paragraph():
    """A blog's <!--more--> put in mid-sentence: the two halves are one paragraph, not a part
    title 在会议召 over the list that starts again after them."""
    text = (
        "论坛综述\n\n一、总体要求\n\n二、主要任务\n\n在会议召\n<!--more-->\n开之际，专家作了发言。\n\n"
        "一、形势\n\n二、任务\n"
    )
    assert "在会议召" not in [part.title for part in parse_text(text).parts]
    # After a heading's own line it changes nothing: the heading keeps its body apart.
    heading = parse_text("论坛综述\n\n**一、总体要求**\n<!--more-->\n当前形势很好。\n\n二、主要任务\n")
    assert [n.heading for n in heading.walk()] == ["总体要求", "主要任务"]


@pytest.mark.parametrize(
    "lead",
    [
        "某某大学新闻网讯",
        "本报讯（记者 张三）",
        "新华社北京3月5日电",
        "中国工程院院士王某某",
        "某某大学校长 张三丰",
    ],
)
def test_news_leads_and_bylines_are_not_the_title(lead):
    text = f"---\ntitle: 专家学者研讨物流高质量发展\n---\n{lead}\n\n一、总体要求\n二、主要任务\n"
    assert parse_text(text).title == "专家学者研讨物流高质量发展"


def test_a_second_lead_in_list_stands_beside_the_first_in_a_flat_document():
    """研讨内容主要包括：第一，…第三，… then 活动安排包括9个方面：一是…: in a document of
    bare runs, two lists side by side. Inside a section, a lead-in after an item's sentence
    goes on with that item (其次是环境的影响… / 这一代人有以下特征： / 一是…)."""
    flat = (
        "学院召开动员会\n\n研讨内容主要包括：\n\n第一，人才培养方面。制定实施方案。\n\n"
        "第二，科学研究方面。加强顶层设计。\n\n第三，行政管理方面。加强理论学习。\n\n"
        "活动安排包括以下方面：\n\n一是召开动员大会\n\n二是邀请专家讲座\n\n三是总结大会\n"
    )
    assert [(n.marker.text, n.level) for n in parse_text(flat).walk()] == [
        ("第一，", 1),
        ("第二，", 1),
        ("第三，", 1),
        ("一是", 1),
        ("二是", 1),
        ("三是", 1),
    ]
    nested = (
        "讲话稿\n\n一、工作情况\n\n二、如何看待孩子\n\n值得我们关注和反思：\n\n首先是德育问题。德育问题反映在学习上。\n\n"
        "其次是环境的影响。环境带来本质变化。\n\n这一代人有以下特征：\n\n"
        "一是他们都是独子。\n\n二是背负沉重的情感。\n\n三、学校未来工作\n"
    )
    assert [(n.marker.text, n.level) for n in parse_text(nested).walk()] == [
        ("一、", 1),
        ("二、", 1),
        ("首先", 2),
        ("其次", 2),
        ("一是", 3),
        ("二是", 3),
        ("三、", 1),
    ]


def test_a_two_line_official_title_is_read_whole():
    text = (
        "某某部 某某部关于深入推进\n\n一流课程和一流专业建设的若干意见\n\n某研〔2022〕1号\n\n"
        "各省、自治区、直辖市人民政府：\n\n一、总体要求\n\n二、主要任务\n"
    )
    assert parse_text(text).title == "某某部 某某部关于深入推进一流课程和一流专业建设的若干意见"
    lead = "---\ntitle: 某大学召开整改动员大会\n---\n**某某新闻网讯** （记者 张三 摄影\n\n李四）9月16日下午，召开大会。\n\n一、提高认识\n二、落实责任\n"
    assert parse_text(lead).title == "某大学召开整改动员大会"
