"""Every consistency rule, with its stable id, the severity of its failures and what it checks.

Severities: `error` for arithmetic the report itself states must hold (the table's own
identities), `warning` for likely problems, `info` for things worth a look.
"""

STATUSES = ("pass", "fail", "not_assessable")
SEVERITIES = ("error", "warning", "info")

RULES = {
    # --- the tables' own arithmetic ---------------------------------------------------------
    "applications.balance": (
        "error",
        "一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理 (per column)",
        "本列数据的勾稽关系：第一项加第二项之和等于第三项加第四项之和（逐列）"),
    "applications.results_sum": (
        "error",
        "（七）总计 = the sum of the result rows of the report's template (per column)",
        "（七）总计等于各办理结果行之和（逐列）"),
    "applications.row_total": (
        "error",
        "总计 = the sum of the six applicant columns (per row)",
        "每行总计等于六类申请人之和"),
    "reviews.row_total": (
        "error",
        "总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (per review/lawsuit block)",
        "行政复议、行政诉讼各栏总计等于维持、纠正、其他、尚未审结之和"),
    # --- plausibility of table 2 ------------------------------------------------------------
    "active_disclosure.non_negative": (
        "error",
        "counts and amounts are not negative (本年增/减 may be)",
        "件数和金额不为负数（本年增/减除外）"),
    "active_disclosure.whole_counts": (
        "warning",
        "counts are whole numbers",
        "件数应为整数"),
    "active_disclosure.total_not_below_new": (
        "warning",
        "2019 template: 对外公开总数量 ≥ 本年新公开数量",
        "2019年格式：对外公开总数量不小于本年新公开数量"),
    # --- structure --------------------------------------------------------------------------
    "structure.template_year": (
        "warning",
        "the table format matches the year (2019 format for 2019–2020, 2021 format from 2021)",
        "表格格式与年度相符（2019、2020年度用2019年格式，2021年度起用2021年格式）"),
    "structure.section_present": (
        "warning",
        "each of the six required sections is present",
        "六个必备部分齐全"),
    "structure.table_present": (
        "warning",
        "each of the three statistical tables is present (reports for 2019 and later)",
        "三张统计表齐全（2019年度及以后）"),
    "structure.row_width": (
        "warning",
        "each table row has as many values as the table has columns",
        "表格每行数值个数与列数一致"),
    "structure.fee_statement": (
        "info",
        "2021 format: section 六 says something about 信息处理费",
        "2021年格式：第六部分应说明信息处理费收取情况"),
    # --- prose against tables ---------------------------------------------------------------
    "prose.table_figure": (
        "warning",
        "a figure the narrative states (件/条/项) agrees with the table cell(s) for the same quantity",
        "正文所述数字与表格相应数据一致"),
    # --- two reports of one body (POST /compare) ----------------------------------------------
    "continuity.carried_forward": (
        "warning",
        "last year's 四、结转下年度继续办理 = this year's 二、上年结转 (per column)",
        "上年度结转下年度继续办理数等于本年度上年结转数（逐列）"),
    "continuity.in_force": (
        "warning",
        "2021 format: 现行有效件数 = last year's + 本年制发 − 本年废止",
        "2021年格式：现行有效件数等于上年现行有效件数加本年制发减本年废止"),
    "continuity.organization": (
        "warning",
        "both reports name the same body",
        "两份报告的机关名称一致"),
    "continuity.consecutive_years": (
        "warning",
        "the reports cover consecutive years, the previous one first",
        "两份报告为相邻年度"),
    "continuity.large_change": (
        "info",
        "a headline figure changed by more than a factor of five (and by at least 20)",
        "主要数据较上年变化超过五倍（且差值不少于20）"),
}

RULE_IDS = tuple(RULES)
