"""The body of an HTML page as one marked text, written by libxslt in one pass (no Python per
element), and what the HTML reader needs from it: the text counts of the elements that can be
the article, and the article's lines and table cells.

The stylesheet (compiled once) writes every text node of the tree in document order, and
around each element a START and an END mark; a block element has a BREAK (a line ends there)
on each side, a <table> a TABLE_OPEN and a TABLE_CLOSE inside its marks, a <tr> a ROW after its
START, a <td>/<th> whose parent is a <tr> a CELL_OPEN (or SPANNED_CELL_OPEN and its span
values) and a CELL_CLOSE, and a link an A_OPEN after its START: its own text (its leading text
nodes, lxml's `a.text`) runs from there to the next mark. The marks are characters of the
private use area U+E000..U+ECFF, each with its own high byte in UTF-16 (the counting looks at those bytes only;
a character beyond the BMP is two UTF-16 units, D8..DF, neither counted nor a mark). A page is
not read this way (`None`: the reader walks the tree instead) when its text or a span value
may hold a character of U+E000..U+EFFF (the caller looks at the page's bytes), when libxslt cannot follow it
(nesting deeper than its template depth) or it nests deeper than 255 levels, when a table in
the article holds a table, or a cell a row.

The article is the element that holds most of the page's Chinese text (see html._article);
every element that holds at least half of it holds the middle one of those characters (the
two middle ones, for an even number): its characters are one run of the text in document
order, at least half as long as the whole. So only the ancestors of the middle characters are
counted, from the marks: a depth per mark (the depth after it, `bytes` so that `rfind` finds an
ancestor's mark in C) and the Chinese characters before each mark.
"""

import array
import bisect
import itertools
import re

from lxml import etree

BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
          "blockquote", "pre", "dd", "dt", "dl", "center", "hr", "tbody", "thead", "tfoot", "caption",
          "main", "aside", "address", "figure", "figcaption"}
# The page's chrome: these elements and what they hold are not read (their tails are).
DROPPED = {"script", "style", "noscript", "head", "nav", "header", "footer", "iframe", "form", "button",
           "select", "textarea", "svg", "object", "embed", "template"}

START, END, BREAK, A_OPEN = "\ue000", "\ue100", "\ue200", "\ue300"
TABLE_OPEN, TABLE_CLOSE, ROW, CELL_OPEN, CELL_CLOSE = "\ue500", "\ue600", "\ue700", "\ue800", "\ue900"
# A cell with a colspan or rowspan attribute: SPANNED_CELL_OPEN, the colspan value, SPAN_SEPARATOR,
# the rowspan value, SPANS_END (a value absent is written empty, which reads as 1 like it).
SPANNED_CELL_OPEN, SPAN_SEPARATOR, SPANS_END = "\uea00", "\ueb00", "\uec00"
MARKS_NOT_IN_FLOW = (START, END, A_OPEN, ROW, CELL_OPEN, CELL_CLOSE)
SPANS_RE = re.compile("\uea00[^\uec00]*\uec00")
MARKS_NOT_IN_TABLE = (START, END, BREAK, A_OPEN)


def _stylesheet():
    def ref(mark):
        return f"&#x{ord(mark):X};"

    def element(pattern, before, after):
        return (f'<xsl:template match="{pattern}"><xsl:text>{"".join(map(ref, before))}</xsl:text>'
                f'<xsl:apply-templates/><xsl:text>{"".join(map(ref, after))}</xsl:text></xsl:template>')

    templates = [
        # The chrome writes nothing (not even its marks) and is not descended into, as if it had
        # been removed with its tails left in place (html._drop_chrome); "*/" keeps the root,
        # which _drop_chrome never removes, and costs one parent test.
        f'<xsl:template match="{"|".join("*/" + name for name in sorted(DROPPED))}"/>',
        element("*", START, END),
        element("|".join(sorted(BLOCKS)), BREAK + START, END + BREAK),
        element("table", START + TABLE_OPEN, TABLE_CLOSE + END),
        element("tr", START + ROW, END),
        # No predicate in a pattern: libxslt finds a predicate's context position by counting
        # siblings, which costs seconds for a row of 30 000 cells; a test inside costs one step.
        f'<xsl:template match="tr/td|tr/th"><xsl:choose><xsl:when test="@colspan or @rowspan">'
        f'<xsl:text>{ref(START)}{ref(SPANNED_CELL_OPEN)}</xsl:text><xsl:value-of select="@colspan"/>'
        f'<xsl:text>{ref(SPAN_SEPARATOR)}</xsl:text><xsl:value-of select="@rowspan"/>'
        f'<xsl:text>{ref(SPANS_END)}</xsl:text></xsl:when><xsl:otherwise><xsl:text>{ref(START)}{ref(CELL_OPEN)}'
        f'</xsl:text></xsl:otherwise></xsl:choose><xsl:apply-templates/>'
        f'<xsl:text>{ref(CELL_CLOSE)}{ref(END)}</xsl:text></xsl:template>',
        # A link's own text (lxml's a.text, all the text nodes before its first child element)
        # runs from its A_OPEN to the next mark: every element writes one where it starts.
        element("a", START + A_OPEN, END),
    ]
    return etree.XSLT(etree.XML(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:output method="text" encoding="UTF-8"/>' + "".join(templates) + "</xsl:stylesheet>"))


STYLESHEET = _stylesheet()

# The UTF-16 high byte of each character: U+4E00..U+9FFF (the Chinese characters counted) have
# 4E..9F, START E0 and END E1; a link's own text follows E3 (A_OPEN) up to the next mark, the
# span values of a cell lie between EA and EC (SPANNED_CELL_OPEN, SPANS_END): those are kept as
# a, x, y to take out what they hold, everything else is dropped.
COUNTED = bytes.maketrans(bytes(range(0x4E, 0xA0)) + b"\xe0\xe1\xe3\xea\xec", b"c" * 0x52 + b"seaxy")
NOT_COUNTED = bytes(value for value in range(256) if not (0x4E <= value < 0xA0 or value in b"\xe0\xe1\xe3\xea\xec"))
SPAN_VALUE_COUNTED = re.compile(rb"xc*+y")
# Each mark's step of depth as a signed byte (START +1, END -1, anything else 0): an array of
# signed bytes iterates as those numbers in C, with no call per mark.
DEPTH_STEPS = bytes(1 if value == ord("s") else 0xFF if value == ord("e") else 0 for value in range(256))
LEVELS = [bytes([level]) for level in range(256)]
PLAIN_CELL_RE = re.compile("\ue800([^\ue900]*)\ue900")
# A plain cell's group holds its CELL_OPEN (so that it is never empty: findall gives "" for the
# groups of the alternative that did not match), a spanned cell's groups its values and text.
CELL_RE = re.compile("(\ue800[^\ue900]*)\ue900|\uea00([^\ueb00]*)\ueb00([^\uec00]*)\uec00([^\ue900]*)\ue900")


class Stream:
    """The marked text of `root`'s subtree, and the marks' counts.

    marks: b"s"/b"e" per START/END mark, in order; depths: the depth after each mark (the root's
    START gives 1); before: the Chinese characters (links' own text left out) before each mark;
    total: those of the whole subtree."""

    def __init__(self, root, text: str, utf16: bytes):
        self.root, self.text = root, text
        counted = not_counted_left_out(utf16[1::2].translate(COUNTED, NOT_COUNTED))
        self.marks = counted.translate(None, b"c")
        self.total = len(counted) - len(self.marks)
        self.before = list(itertools.accumulate(map(len, counted.replace(b"e", b"s").split(b"s"))))
        self.depths = depths_after(self.marks)

    def candidates(self, share) -> list:
        """[(start mark, characters, element)] of the elements holding at least `share` of the
        total (share ≥ 0.5), in document order; None if the marks and the tree disagree."""
        total = self.total
        middles = [total // 2] if total % 2 else [total // 2 - 1, total // 2]
        found = {}
        for middle in middles:
            at = bisect.bisect_right(self.before, middle)       # marks before the middle character
            chain = []
            for level in range(1, self.depths[at - 1] + 1):
                start = self.depths.rfind(LEVELS[level - 1], 0, at) + 1
                end = self.depths.find(LEVELS[level - 1], at)
                characters = self.before[end] - self.before[start]
                if not characters / total >= share:
                    break
                chain.append((start, characters))
            if not chain:
                continue
            deepest = self.element_at(chain[-1][0])
            elements = [deepest, *itertools.islice(deepest.iterancestors(), len(chain) - 1)]
            if elements[-1] is not self.root:
                return None
            for (start, characters), element in zip(chain, reversed(elements)):
                found[start] = (start, characters, element)
        return [found[start] for start in sorted(found)]

    def element_at(self, start: int):
        """The element whose START is mark `start` (by its number in document order)."""
        return next(itertools.islice(self.root.iter(), self.marks.count(b"s", 0, start), None))

    def region(self, start: int) -> str:
        """The marked text inside the element whose START is mark `start` (its own marks out)."""
        ordinal = self.marks.count(b"s", 0, start)
        end = self.depths.find(LEVELS[self.depths[start] - 1], start)
        after = len(self.marks) - 1 - end - self.marks.count(b"s", end)        # END marks after it
        first = len(self.text) - len(self.text.split(START, ordinal + 1)[-1])
        last = len(self.text.rsplit(END, after + 1)[0])
        return self.text[first:last]


def not_counted_left_out(counted: bytes) -> bytes:
    """The counted high bytes (COUNTED) without span values (b"x", the c of their Chinese
    characters, b"y") and links' own text (b"a" and the c after it, up to the next mark).
    Span values are mostly digits, which leave b"xy" alone: taken out by bytes.replace, and
    links' text by a split at b"a" (a pattern over every byte cost 0.3 M instructions a
    corpus page, this 0.05 M)."""
    counted = counted.replace(b"xy", b"")
    if b"x" in counted:
        counted = SPAN_VALUE_COUNTED.sub(b"", counted)
    if b"a" in counted:
        first, *after_links = counted.split(b"a")
        counted = first + b"".join([text.lstrip(b"c") for text in after_links])
    return counted


def depths_after(marks: bytes) -> bytes:
    """The depth after each mark of `marks` (b"s" one deeper, b"e" one shallower, any other byte
    no change): a running sum in C. ValueError when it leaves 0..255."""
    return bytes(itertools.accumulate(array.array("b", marks.translate(DEPTH_STEPS))))


def stream_of(root):
    """The Stream of `root`'s subtree, or None when the page is not read this way (the caller
    has made sure that no text or attribute value of the page holds a character of
    U+E000..U+EFFF)."""
    try:
        text = str(STYLESHEET(root))
    except etree.XSLTApplyError:
        return None
    try:
        return Stream(root, text, text.encode("utf-16-le", "surrogatepass"))
    except ValueError:                  # deeper than 255 levels
        return None


def flow_text(text: str) -> str:
    """Marked text (no tables in it) with every mark but BREAK (where a line ends) left out."""
    if SPANNED_CELL_OPEN in text:
        text = SPANS_RE.sub("", text)
    for mark in MARKS_NOT_IN_FLOW:
        text = text.replace(mark, "")
    return text


def split_tables(region: str):
    """[flow, table, flow, …, flow] of an article's marked text, each table's text between its
    TABLE_OPEN and TABLE_CLOSE; None when a table holds another."""
    parts = region.split(TABLE_OPEN)
    pieces = [parts[0]]
    if TABLE_CLOSE in parts[0]:
        return None
    for part in parts[1:]:
        table, mark, after = part.partition(TABLE_CLOSE)
        if not mark or TABLE_CLOSE in after:
            return None
        pieces += [table, after]
    return pieces


def table_rows(table_text: str):
    """The rows of a table's marked text (no table inside it), each a list of its cells (its
    <td>/<th> whose parent is a <tr>): a cell's text (white space made single spaces, "|" made
    "｜"), or ((colspan, rowspan), text) for a cell with either attribute. None when rows and
    cells do not nest as the reader expects (a row inside a cell)."""
    # " ".join(text.split()) per cell (str.split splits where SPACE_RE matches), for all cells
    # at once: white space runs made one space (before the marks go, which shortens the text,
    # and after, where a run may have closed up), then none at a cell's ends. A span value
    # reads the same after it (int() of it stripped fails on white space inside, "|" and "｜").
    table_text = " ".join(table_text.split())
    for mark in MARKS_NOT_IN_TABLE:
        table_text = table_text.replace(mark, "")
    table_text = " ".join(table_text.split()).replace("|", "｜")
    for spaced, mark in ((CELL_OPEN + " ", CELL_OPEN), (SPANS_END + " ", SPANS_END), (" " + CELL_CLOSE, CELL_CLOSE)):
        table_text = table_text.replace(spaced, mark)
    parts = table_text.split(ROW)
    if CELL_CLOSE in parts[0]:
        return None
    rows = []
    for part in parts[1:]:
        # Cells nest in rows as elements do, so a row inside a cell leaves the part where that
        # cell opens with one CELL_CLOSE fewer than cells opened (none inside it opened before).
        if part.count(CELL_CLOSE) != part.count(CELL_OPEN) + part.count(SPANNED_CELL_OPEN):
            return None
        if SPANNED_CELL_OPEN not in part:
            rows.append(PLAIN_CELL_RE.findall(part))
        else:
            rows.append([plain[1:] if plain else ((colspan, rowspan), text)
                         for plain, colspan, rowspan, text in CELL_RE.findall(part)])
    return rows
