"""Section headings: the kinds of fields.json `section_kinds` and how titles name them.

A title is classified by the first kind whose pattern it contains (order matters:
"政府信息公开工作存在的主要问题" is about problems although it names 政府信息公开).
"""

SECTION_KIND_PATTERNS = [
    ("other_matters", r"其他需要报告|其他事项"),
    ("problems_and_improvements", r"存在的主要问题|存在的问题|主要问题|问题及改进|问题和改进|改进情况|改进措施"),
    ("statistics_table", r"统计表"),
    ("reviews_and_lawsuits", r"行政复议|行政诉讼|复议|诉讼"),
    ("fees", r"收费及减免|收费和减免|减免情况"),
    ("applications", r"依申请|收到和处理|公开申请|申请公开|申请情况"),
    ("active_disclosure", r"主动公开"),
    ("overview", r"总体情况|概述|概况|基本情况|工作机制|机制保障|监督保障|信息管理|平台建设"),
]

# A heading written inside a running line (crawler text) is accepted only when its title
# starts like one of these; the title ends where the match ends.
INLINE_TITLE_PATTERNS = [
    r"(?:政府信息公开(?:工作)?)?(?:总体情况|概述|基本情况)",
    r"主动公开(?:政府信息|工作)?(?:工作)?情况",
    r"收到和处理政府信息公开申请情况",
    r"(?:政府信息)?依申请公开[^，。,;；]{0,16}?情况",
    r"(?:因)?(?:政府信息公开)?(?:工作)?(?:被)?(?:申请)?行政复议[^。，,;；]{0,24}?情况",
    r"(?:政府信息公开)?(?:工作)?存在的(?:主要)?问题(?:及|和)改进(?:情况|措施)?",
    r"其他需要报告的事项",
    r"(?:政府信息公开)?(?:情况)?统计表",
    r"[^\s，。,;；:：、\d]{2,18}?情况",
]

# Numbered labels of table 3 that look like headings ("一、本年新收…", "四、结转下年度继续办理").
TABLE_ROW_HEADINGS = r"^\s*(?:本年新收|上年结转|本\s*年\s*度\s*办\s*理\s*结\s*果|结转下|转下一)"

CHINESE_NUMERALS = "一二三四五六七八九十"

# A section heading set apart from the report's numbering (一、 二、 …): numbered in another style
# (六． 6、 6. 第六部分 六 followed by a space) or not numbered at all, alone on its line. It fills a
# numeral the chain of 一、 二、 … headings skips (pre-2019 reports number their problems section so).
OTHER_NUMBERING_LINE = (r"(?m)^[ \t\u3000]*(?:第[一二三四五六七八九十]{1,3}部分|[一二三四五六七八九十]{1,3}[ \t\u3000]*[．.]"
                        r"|\d{1,2}[ \t\u3000]*[、.．]|[一二三四五六七八九十]{1,3}[ \t\u3000]+)?[ \t\u3000]*"
                        r"(?![(（])([^\n。；;:：]{4,40})[ \t\u3000]*$")   # (a sub-heading (一) is the other path)
