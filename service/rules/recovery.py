"""What the recovery stage (service/parsing/recovery.py) reads in damaged table text, and the
bounds of its work. The identities it decides with are in service/rules/identities.py."""

# A value in text whose cells ran together: digits, a decimal part, a unit of money. Consecutive
# values separated by white space only form one run ("230 000023" is one row of seven cells).
CHUNK_PATTERN = r"\d+(?:\.\d+)?(?:万元|元)?"

# Digits glued to what follows them that are not a value: the number of the next sub-item label
# ("00000002.其他法律…": the 2 is the label's, "1000001（七）" is all values) and years ("2021年").
LABEL_NUMBER_AFTER = r"[.、](?=\D)"
LABEL_NUMBER_DIGITS = 1                 # sub-items are numbered 1. to 8.
NOT_A_VALUE_AFTER = r"年|月|日|%|％"

MAX_CELL_DIGITS = 9                     # integer digits of one count (below a billion)
MAX_AMOUNT_DIGITS = 13                  # integer digits of one amount (元 amounts are long)
MAX_READINGS_PER_RUN = 5000             # splits of one run listed before it is given up (left null)
MAX_SEARCH_STEPS = 200_000              # steps of the search over one table's runs
MAX_SOLUTIONS = 200                     # consistent readings of a table collected at most
MAX_SHOWN_READINGS = 4                  # readings quoted in a warning

# Failing identity instances a table may have from the report's own slips (hongze-2023 has two:
# review and after-review totals). More mean the converter emitted the table in another order
# than its rows: every cell of a failing instance is then set to null, not only those placed by
# position.
MAX_REPORT_SLIPS = 2

# The orders in which converters emit a table's values when its rows lost their labels
# (service/parsing/table_order.py): plain `pdftotext` prints bands of rows column by column, or
# the first column down the whole table and then the other columns row by row.
LAYOUTS = ("rows", "columns", "first columns down, then rows", "bands", "rows, a lone value moved")
# Rows printed as all values but one and, apart, the one on the label's line: each such lone value
# may belong at the row's other end, so 2**n orders are tried; beyond this many rows, none is.
MAX_LONE_MOVES = 10
# A table with few identities (the review table: three row totals over fifteen cells) is read
# in printed order only: with so few equations another order may add up by chance.
FEW_IDENTITY_LAYOUTS = ("rows",)

# Table 2 is printed in blocks, one per 第二十条 item, whose rows the template fixes
# (service/parsing/block_order.py reads a block whose labels and values did not pair from its
# printed order). The item's number is read from the block's heading (normalised text: "(一)").
ITEM_PATTERN = r"第二十条第?\((?P<item>[一二三四五六七八九十]+)\)项?"
ITEM_ROWS = {
    "一": ("regulations", "normative_documents"),
    "五": ("licensing", "other_services"),
    "六": ("penalty", "enforcement"),
    "八": ("fees",),
    "九": ("procurement",),
}

# A year printed apart from its text (`2019 | 年项目数量`, or a page's first `2022年` whose digits
# plain pdftotext moved to the end of another page): a value of this form near such text is the
# text's year, not a cell (block_order.py).
YEAR_PATTERN = r"(?:19[5-9]|20\d)\d"

# A label column printed before the first 第二十条 line of table 2 (block_order.py): looked for
# in at most this many lines under the section's heading.
MAX_LABEL_COLUMN_LINES = 40

# Stretches of rows between rows read cleanly, read in printed order when the whole table's
# values fit no order (service/parsing/stretch_order.py): at most this many per table.
MAX_STRETCHES = 4
# A stretch's values are also read as whole pieces (runs cut where text is printed) given to its
# rows, the rows' first pieces in row order; at most this many pieces (for two rows, 2**12
# assignments at most before the identities prune them).
MAX_STRETCH_PIECES = 12

# Tables whose only identities are row totals (the review table): a reading of their values in
# printed order checks the sum of a row's parts, never their order. Where a row's values are
# printed apart with text between them, the converter cut the row into blocks whose order is in
# doubt: its parts are kept only when they are all equal (table_order.unordered_parts).
ROW_TOTALS_ONLY = ("reviews_and_lawsuits",)

# The review table's part columns, their titles in the template's words. A row's parts printed
# apart from its total are kept in printed order when the text right before them is these titles
# printed across the columns, one character of each title in turn (`结 结 其 尚 果 果 他 未 维 纠
# 结 审 持 正 果 结`, wkhtmltopdf): the converter read that band left to right, and its values too
# (table_order.unordered_parts).
REVIEW_PART_TITLES = {"upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结"}
MAX_TITLE_LINES = 40                    # lines looked back for the titles

# Tables printed as row heads beside their labels and row tails elsewhere
# (service/parsing/segment_order.py): steps of the search over the cuts of their segments.
MAX_SEGMENT_STEPS = 3_000
