"""The Chinese row and column labels of the long-form CSV (service/tabular.py).

A label is the contract's (fields.json), up to the first of NOTE_MARKERS, where the contract
adds a note in English. Where the two national templates print a label differently, the
template's own wording is given here; TEMPLATE_NEUTRAL is used for a result without a template.
"""

# What starts a contract note: "（六）其他处理 — the single row of the 2019 template",
# "… (2021 template)", "金额, always in 万元 (…)".
NOTE_MARKERS = (" — ", " (", ", ")

TEMPLATE_NEUTRAL = "neutral"

# (table, row) -> {template: label}
ROW_LABELS = {
    ("active_disclosure", "normative_documents"): {
        "2019": "规范性文件", "2021": "行政规范性文件", TEMPLATE_NEUTRAL: "规范性文件",
    },
}

# (table, column) -> {template: label}
COLUMN_LABELS = {
    ("active_disclosure", "decisions"): {
        "2019": "处理决定数量", "2021": "本年处理决定数量", TEMPLATE_NEUTRAL: "处理决定数量",
    },
    ("active_disclosure", "amount"): {
        "2019": "金额（万元）", "2021": "金额（万元）", TEMPLATE_NEUTRAL: "金额（万元）",
    },
}

# The printed forms' own headings, which are no key of the contract (service/template_layout.py).
# Table 3: the header over the applicant columns, the group of five of them, and the heading set
# beside the result rows （一）…（七）.
APPLICANT_HEADER = "申请人情况"
APPLICANT_GROUP = "法人或其他组织"
APPLICANT_GROUP_COLUMNS = ("commercial_enterprise", "research_institution", "social_welfare_org",
                           "legal_service_org", "other_org")
RESULTS_HEADER = "三、本年度办理结果"
# Table 2: the first column's heading in every block of the form.
CONTENT_HEADER = "信息内容"
# What separates a row's group from its item in a contract label: "（三）不予公开 1.属于国家秘密",
# "行政诉讼 · 未经复议直接起诉".
ROW_GROUP_SEPARATORS = (" · ", " ")
