"""Cell markers, units, page chrome: what a table cell or a noise line can look like."""

# A cell that holds one of these (after white space is removed) is blank: null in the output.
NULL_MARKERS = frozenset({
    "", "/", "\\", "-", "--", "---", "—", "——", "–", "-—", "─", "空", "无", "不涉及", "不适用",
    "N/A", "n/a", "NA", "na", "×", "*",
})

# Words that spell zero.
ZERO_WORDS = frozenset({"零"})

# Units that may follow a count inside a cell ("5件", "3 条"); they do not change the value.
COUNT_UNITS = ("件", "条", "项", "个", "次", "起", "宗", "人次")

# Units of money. Amounts are reported in 万元; 元 is divided by 10 000.
MONEY_UNITS = {"万元": 1, "元": 10000}

# Lines that are page chrome between table rows: "- 3 -", "— 5 —", "-3-", "第 3 页", "第3页 共5页".
PAGE_NUMBER_PATTERNS = (
    r"^[\s\-—–－]*[-—–－]\s*\d{1,4}\s*[-—–－][\s\-—–－]*$",
    r"^\s*第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?\s*$",
    r"^\s*\d{1,4}\s*/\s*\d{1,4}\s*$",
)
# What a page-number line begins with after its white space, besides a digit: the patterns above
# are tried only on such a line (keep the two together; tests/property/test_table_reading.py checks).
PAGE_NUMBER_STARTS = "-—–－第"

# Converter noise removed before parsing (kept out of every value and label).
NOISE_PATTERNS = (
    r"\[bookmark:[^\]\n]{0,200}\]",   # DOCX bookmarks carried into text
    r"\*\*",                           # markdown bold
    r"^#{1,6}[ \t]",                   # markdown heading marks
)
# A text that holds none of these has no noise (every pattern above needs one of them): the
# patterns are not run over it. One mark per pattern, in the same order, and every match of a
# pattern begins with its mark's first character: the patterns are tried only where one stands
# (normalize.noise_spans; an assertion there checks the patterns begin so).
NOISE_MARKS = ("[bookmark:", "**", "#")

# Characters that are white space for the parser but not for Python's str.split.
EXTRA_SPACE_CHARS = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"

# Characters removed as invisible (zero-width, bidi controls, BOM).
INVISIBLE_CHARS = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\ufeff\u00ad"

# Box-drawing and table-rule characters (w3m grids, markdown separators).
TABLE_RULE_CHARS = "─━│┃┄┅┆┇┈┉┊┋┌┍┎┏┐┑┒┓└┕┖┗┘┙┚┛├┝┞┟┠┡┢┣┤┥┦┧┨┩┪┫┬┭┮┯┰┱┲┳┴┵┶┷┸┹┺┻┼┽┾┿╀╁╂╃╄╅╆╇╈╉╊╋═║╒╓╔╕╖╗╘╙╚╛╜╝╞╟╠╡╢╣╤╥╦╧╨╩╪╫╬-:=+"

# Column separators inside a table line.
CELL_SEPARATORS = "|│┃"
