"""The arithmetic the national templates print into every report, defined once.

The consistency checks (service/checks/arithmetic.py) test these identities; the recovery stage
(service/parsing/recovery.py) uses the same ones to decide which reading of a damaged table is
the one the report printed. Each identity says: sum(parts) = sum(totals).

    per "row":    for every row of the table, the `parts` columns sum to the `totals` columns
    per "column": for every column of the table, the `parts` rows sum to the `totals` rows;
                  parts "*" means every row of the table except those listed in `not_parts`

`en`/`zh` name one instance ({row} or {column} is filled in).
"""

from service.rules.labels import APPLICATION_COLUMNS, REVIEW_COLUMNS

APPLICANT_COLUMNS = [column for column in APPLICATION_COLUMNS if column != "total"]
REVIEW_PARTS = [column for column in REVIEW_COLUMNS if column != "total"]

# Rows of table 3 that are not results of the year's handling (for （七）= the sum of the results).
NOT_RESULT_ROWS = ("new_received", "carried_over", "total_handled", "carried_forward")

IDENTITIES = [
    {"rule": "applications.balance", "table": "applications", "per": "column",
     "parts": ["new_received", "carried_over"], "totals": ["total_handled", "carried_forward"],
     "en": "column {column}: 一 + 二 vs （七）总计 + 四", "zh": "{column}列：第一项加第二项 与 第三项（七）加第四项"},
    {"rule": "applications.results_sum", "table": "applications", "per": "column",
     "parts": "*", "not_parts": NOT_RESULT_ROWS, "totals": ["total_handled"],
     "en": "column {column}: sum of the result rows vs （七）总计", "zh": "{column}列：各办理结果之和 与 （七）总计"},
    {"rule": "applications.row_total", "table": "applications", "per": "row",
     "parts": APPLICANT_COLUMNS, "totals": ["total"],
     "en": "row {row}: sum of the applicant columns vs 总计", "zh": "{row}行：各类申请人之和 与 总计"},
    {"rule": "reviews.row_total", "table": "reviews_and_lawsuits", "per": "row",
     "parts": REVIEW_PARTS, "totals": ["total"],
     "en": "{row}: 维持 + 纠正 + 其他 + 尚未审结 vs 总计", "zh": "{row}：维持、纠正、其他、尚未审结之和 与 总计"},
]
