"""Figures the narrative states about quantities that are also table cells.

Each entry: the quantity, a pattern over the narrative with white space removed (group `n`
is the figure, a unit 件/条/项/个/起 is required), the cells it must equal (a row ending in
`*` sums every row of that prefix), text that must not stand between the clause start and
the figure (it would make the figure another quantity), and for a group the rows that
narrow it when the clause names one of them ("因本机关不掌握等原因无法提供146件").
`cues` are words one of which the clause must contain for the pattern to be tried (a cheap
filter: only clauses with a figure and a cue are searched). Entries are tried in order and a
figure is used by the first entry that claims it. When in
doubt an entry is left out: a wrong accusation is worse than a missed one.
"""

SEP = r"[^,，。;；:：、!?！？\d]"        # a character that stays within the clause and is no digit
UNIT = r"(?:件|条|项|个|起|宗)"
NOT_AFTER = r"(?<![\d.])"     # a figure starts at a number's first digit (checked in code where a
                              # pattern starts with the figure: a leading look-behind is slow)

APPLICATION = "applications"

# Other quantities the wording of a figure can mean, tried before it is reported as contradicting
# the table (on unseen reports each false finding was one of these): 受理/收到申请 N件 often
# counts new and carried-over applications (一 + 二); a figure of a group narrowed to its first
# row by the clause ("因本机关不掌握等原因无法提供 N件": 等原因 means the whole group) is also
# tried against the whole group (done in code for every entry with `narrow`).
RECEIVED_AGGREGATES = [
    ("一 + 二", [(APPLICATION, "new_received", "total"), (APPLICATION, "carried_over", "total")]),
]

PROSE_FIGURES = [
    {"quantity": "granted_or_partially", "cues": ["部分公开"],
     "pattern": rf"(?:予以|已)公开(?:及|和|或|与)部分公开{SEP}{{0,6}}?{NOT_AFTER}(?P<n>\d{{1,12}}){UNIT}",
     "cells": [(APPLICATION, "granted", "total"), (APPLICATION, "partially_granted", "total")]},
    {"quantity": "granted", "cues": ["予以公开", "同意公开"],
     "pattern": rf"(?:予以公开|同意公开)(?!及|和|或|与){SEP}{{0,6}}?{NOT_AFTER}(?P<n>\d{{1,12}}){UNIT}",
     "cells": [(APPLICATION, "granted", "total")]},
    {"quantity": "partially_granted", "cues": ["部分公开"],
     "pattern": rf"部分公开{SEP}{{0,6}}?{NOT_AFTER}(?P<n>\d{{1,12}}){UNIT}",
     "cells": [(APPLICATION, "partially_granted", "total")]},
    {"quantity": "denied", "cues": ["不予公开"],
     "pattern": rf"不予公开{SEP}{{0,6}}?{NOT_AFTER}(?P<n>\d{{1,12}}){UNIT}",
     "cells": [(APPLICATION, "denied_*", "total")], "narrow": "denied_"},
    {"quantity": "unable", "cues": ["无法提供"],
     "pattern": rf"无法提供{SEP}{{0,6}}?{NOT_AFTER}(?P<n>\d{{1,12}}){UNIT}",
     "cells": [(APPLICATION, "unable_*", "total")], "narrow": "unable_"},
    {"quantity": "rejected", "cues": ["不予处理"],
     "pattern": rf"不予处理{SEP}{{0,6}}?{NOT_AFTER}(?P<n>\d{{1,12}}){UNIT}",
     "cells": [(APPLICATION, "rejected_*", "total")], "narrow": "rejected_"},
    {"quantity": "other_handling", "cues": ["其他处理"],
     "pattern": rf"其他处理{SEP}{{0,6}}?{NOT_AFTER}(?P<n>\d{{1,12}}){UNIT}",
     "cells": [(APPLICATION, "other_*", "total")]},
    {"quantity": "carried_over", "cues": ["结转"],
     "pattern": rf"(?:上一?年度?)结转{SEP}{{0,12}}?{NOT_AFTER}(?P<n>\d{{1,12}}){UNIT}",
     "cells": [(APPLICATION, "carried_over", "total")]},
    {"quantity": "carried_forward", "cues": ["结转", "顺延", "转"],
     "pattern": rf"(?:结转|顺延|转)(?:至|到)?(?:下一?年度?|\d{{4}}年度?){SEP}{{0,8}}?{NOT_AFTER}(?P<n>\d{{1,12}}){UNIT}",
     "cells": [(APPLICATION, "carried_forward", "total")], "next_year": True},
    {"quantity": "carried_forward", "cues": ["结转", "顺延", "转"],
     "pattern": rf"(?P<n>\d{{1,12}}){UNIT}(?:申请)?(?:顺延|结转|转)(?:至|到)?下一?年度?",
     "cells": [(APPLICATION, "carried_forward", "total")]},
    {"quantity": "total_handled", "cues": ["办结", "答复", "回复"],
     "pattern": rf"(?:办结|答复|回复)(?:了)?{SEP}{{0,12}}?{NOT_AFTER}(?P<n>\d{{1,12}}){UNIT}",
     "cells": [(APPLICATION, "total_handled", "total")],
     "blocked": r"同意公开|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|结转|顺延|复议|诉讼|咨询|投诉|提案|建议"},
    {"quantity": "new_received", "cues": ["新收", "收到", "受理", "接收", "依申请公开"],
     "pattern": rf"(?:新收|收到|受理|接收)(?:了)?{SEP}{{0,16}}?申请{SEP}{{0,8}}?{NOT_AFTER}(?P<n>\d{{1,12}}){UNIT}",
     "cells": [(APPLICATION, "new_received", "total")], "aggregates": RECEIVED_AGGREGATES,
     "blocked": r"复议|诉讼|审批|咨询|投诉|举报|信访|提案|建议|结转"},
    {"quantity": "new_received", "cues": ["新收", "收到", "受理", "接收", "依申请公开"],
     "pattern": rf"依申请公开{SEP}{{0,4}}?{NOT_AFTER}(?P<n>\d{{1,12}}){UNIT}",
     "cells": [(APPLICATION, "new_received", "total")], "aggregates": RECEIVED_AGGREGATES,
     "blocked": r"办结|答复|回复|结转|复议|诉讼"},
    {"quantity": "reviews", "cues": ["行政复议"],
     "pattern": rf"行政复议(?:申请)?(?:数|数量)?(?:为)?{SEP}{{0,6}}?{NOT_AFTER}(?P<n>\d{{1,12}}){UNIT}",
     "cells": [("reviews_and_lawsuits", "review", "total")], "blocked": r"诉讼"},
    {"quantity": "reviews", "cues": ["行政复议"],
     "pattern": rf"(?P<n>\d{{1,12}}){UNIT}{SEP}{{0,16}}?行政复议",
     "cells": [("reviews_and_lawsuits", "review", "total")], "blocked": r"诉讼"},
    {"quantity": "lawsuits", "cues": ["行政诉讼"],
     "pattern": rf"行政诉讼(?:案件)?(?:数|数量)?(?:为)?{SEP}{{0,6}}?{NOT_AFTER}(?P<n>\d{{1,12}}){UNIT}",
     "cells": [("reviews_and_lawsuits", "lawsuit_direct", "total"),
               ("reviews_and_lawsuits", "lawsuit_after_review", "total")]},
    {"quantity": "regulations_issued", "cues": ["规章"],
     "pattern": rf"(?:制发|新制作|出台|印发|新增(?:公开)?){SEP}{{0,10}}?规章{SEP}{{0,2}}?{NOT_AFTER}(?P<n>\d{{1,12}}){UNIT}",
     "cells": [("active_disclosure", "regulations", "issued|new_made")]},
    {"quantity": "normative_documents_issued", "cues": ["规范性文件"],
     "pattern": rf"(?:制发|新制作|出台|印发|新增(?:公开)?){SEP}{{0,10}}?规范性文件{SEP}{{0,2}}?{NOT_AFTER}(?P<n>\d{{1,12}}){UNIT}",
     "cells": [("active_disclosure", "normative_documents", "issued|new_made")]},
    {"quantity": "normative_documents_in_force", "cues": ["现行有效"],
     "pattern": rf"现行有效(?:的)?(?:行政)?规范性文件{SEP}{{0,2}}?{NOT_AFTER}(?P<n>\d{{1,12}}){UNIT}",
     "cells": [("active_disclosure", "normative_documents", "in_force")]},
]

# Before the figure in the same clause, these make it a figure of another year or a difference.
OTHER_PERIOD = r"上年|去年|同比|较|比|增长|减少|增加|下降|累计|历年|其中"

QUANTITY_NAMES = {
    "granted_or_partially": ("予以公开及部分公开", "granted and partially granted"),
    "granted": ("予以公开", "granted"), "partially_granted": ("部分公开", "partially granted"),
    "denied": ("不予公开", "denied"), "unable": ("无法提供", "unable to provide"),
    "rejected": ("不予处理", "not processed"), "other_handling": ("其他处理", "other handling"),
    "carried_over": ("上年结转", "carried over from last year"),
    "carried_forward": ("结转下年度", "carried forward"), "total_handled": ("办结/答复", "handled"),
    "new_received": ("收到申请", "applications received"), "reviews": ("行政复议", "administrative reviews"),
    "lawsuits": ("行政诉讼", "lawsuits"), "regulations_issued": ("制发规章", "regulations issued"),
    "normative_documents_issued": ("制发规范性文件", "normative documents issued"),
    "normative_documents_in_force": ("现行有效规范性文件", "normative documents in force"),
}
