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
