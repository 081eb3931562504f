"""HTML pages → report text, with every <table> kept as pipe rows.

Portals wrap the article in navigation, breadcrumbs, share buttons and footers. The article is
taken to be the smallest element that holds nearly all of the page's Chinese text outside
links; the page's own title and publication date (<title>, <meta name="ArticleTitle"/"PubDate">)
are put in front when the article does not repeat them. Tables come out as one line per row,
"| cell | cell |", with merged cells expanded on a grid (a row-spanning cell repeats its text on
every row it covers, a column-spanning cell is written once followed by empty cells), and the
text of a cell is joined without separators (portals split "结果维持" into one <p> per
character and "20" into two <span>s). The body is read from one pass of libxslt that writes its
text with marks around elements, blocks, tables, rows and cells (html_stream: no Python per
element); the article is chosen among the ancestors of the text's middle characters (only they
can hold half of it), its lines and cells are cut from the marked text. A page that may hold
the marks' characters, nests a table in the article's tables or nests beyond libxslt's depth is
walked instead, once (Walk: lxml's iterwalk, no recursion): the text counts that choose the
article, the text pieces its lines are cut from and the rows and cells of its tables all come
from that one walk. Both give the same text (property tests; tests/formats/expected_html/).

Work and memory are bounded before a tree is built: a page that could pass the caps
(limits.max_html_elements, limits.max_html_attributes; bounds counted in C on its bytes) is fed to
lxml's pull parser in chunks and its elements and attributes are counted as they arrive; the
others, every real page, go to the plain parser. No element may have more than MAX_ATTRIBUTES_PER_ELEMENT
attributes, checked by one linear scan before parsing (libxml2 compares each attribute of an
element with every earlier one: 40 000 attributes on one tag cost it 2 s). Over a cap the page
is refused with "payload-too-large".
"""

import bisect
import codecs
import itertools
import re

from lxml import etree

from service.formats import FormatError, Limits
from service.formats import html_stream
from service.formats.html_stream import BLOCKS, DROPPED
from service.formats.text import decode_text

META_CHARSET_RE = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]{1,40})""", re.I)
XML_ENCODING_RE = re.compile(rb"""\A(?:\xef\xbb\xbf)?\s{0,100}<\?xml\b[^<>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_\-]{1,40})""")
CJK_RUN_RE = re.compile(r"[\u4e00-\u9fff]+")
SPACE_RE = re.compile(r"[\s\u00a0\u3000]+")
ARTICLE_SHARE = 0.85          # the article holds at least this share of the page's text
HINTED_SHARE = 0.5            # … or half of it, when its class or id names it as the content
CONTENT_HINT_RE = re.compile(r"TRS_Editor|article|content|detail|zoom|main|word_con|\bcon\b|text|view", re.I)
MAX_SPAN = 100                # a rowspan/colspan larger than this is treated as 1 (hostile markup)
# _span's answer for the values portals write (absent, "1" … "100"), found without a call.
SPAN_OF = {None: 1, **{str(value): value for value in range(1, MAX_SPAN + 1)}}
MAX_GRID_CELLS = 200_000
TABLE_PARTS = {"table", "tr", "td", "th"}
TAG_RE = re.compile(r"<[^<>]{0,2000}>")
COMPLETE_SHARE = 0.5          # of the Chinese characters written in the page, at least this many are read
NUMBER_RE = re.compile(r"^[+-]?\d[\d,]*(?:\.\d+)?\s*(?:万元|元|件|条|项|个)?$")
META_CLASS_WORDS = "title|time|date|pubdate|publish"
META_CLASS_RE = re.compile(rf"(?:^|[\s_-])(?:{META_CLASS_WORDS})(?:$|[\s_-])", re.I)
MAX_META_LINES = 6
# A word of META_CLASS_RE in a class value, found in the class values joined by line feeds (a
# line feed is white space, as the pattern's ^ and $ are boundaries).
META_CLASS_WORD_RE = re.compile(rf"(?<![^\s_-])(?:{META_CLASS_WORDS})(?![^\s_-])", re.I)
# The same for a text in ASCII lower case (where re.I compares as lower() does), case-sensitive and
# each word first, so that the pattern engine skips ahead to a "t", "d" or "p": three times faster.
META_CLASS_WORD_LOWER_RE = re.compile(
    "(?:" + "|".join(rf"{word}(?<![^\s_-]{word})" for word in META_CLASS_WORDS.split("|")) + r")(?![^\s_-])")
CLASS_VALUES = etree.XPath("//@class")
# An XML declaration before the page (XHTML as some portal CMSs serve it): dropped, since the
# page has been decoded already and lxml refuses a decoded text that declares an encoding.
XML_DECLARATION_RE = re.compile(r"\A\s*<\?xml\b[^<>]{0,200}\?>")
FEED_CHUNK = 64 * 1024
ELEMENTS_PER_LT = 8           # elements libxml2 may build for each "<" of a page (see _within_caps)
ATTRIBUTE_SEPARATORS = b" \t\n\r\x0c/\"'"
MAX_ATTRIBUTES_PER_ELEMENT = 1000
# The page read the way libxml2's HTML tokenizer (2.14) reads it, in one match, as long as no
# tag has more than the attributes allowed. Possessive throughout: linear, never backtracking.
# Where it stops short of the end, a tag has more. Each region that is not a tag ends exactly
# where libxml2 ends it (a quoted value read where libxml2 reads none, or the other way round,
# could hide a real tag): text up to "<"; a comment "<!--" up to "-->" or "--!>" ("<!-->" and
# "<!--->" are whole comments; unterminated, the rest of the page); a bogus comment "<!", "<?",
# "</" not before a letter, and a doctype, up to the first ">"; after a start tag that ends in
# ">" (not "/>"), the raw text of script, style, xmp, iframe, noembed, noframes, title and
# textarea up to "</" + the name in any case + white space, "/" or ">", and of plaintext to the
# end; in a script, libxml2's escape states ("<!--" … "-->", inside them "<script" … "</script"
# hides the script's end). A tag: its name up to white space, "/" or ">", then attributes as the
# tokenizer reads them (a name up to white space, "/", ">" or "=", a quote included; after "="
# a quoted value, or an unquoted one up to white space or ">"), "/" between them skipped; ends
# at ">", "/>" or the end of the page. HTML white space only (not Unicode's: "\u3000" is no
# separator for libxml2), ASCII case only. Ordinary tags (plain names, at most 16 attributes)
# and plain end tags have a faster branch of their own that reads them the same way.
# tests/formats/test_html_attribute_scan.py checks it against libxml2's trees.
_WS = r"[\t\n\f\r ]"
_NAME_END = r"(?![^\t\n\f\r />])"          # the name ends here: white space, "/", ">" or the end
_END_AFTER = r"(?=[\t\n\f\r />])"          # an end tag's name ends here (a character must follow)
_ATTRIBUTE = r"""[^\t\n\f\r />][^\t\n\f\r />=]*+(?:%s*+=%s*+(?:"[^"]*+"?|'[^']*+'?|[^\t\n\f\r >]*+))?+""" % (_WS, _WS)


def _any_case(word: str) -> str:
    """A word in any ASCII case, as character classes (the pattern engine skips a branch that
    starts with a class on its first character; a case-insensitive literal it tries)."""
    return "".join(f"[{letter.lower()}{letter.upper()}]" for letter in word)


def _tags_within_cap_pattern(cap: int):
    """The pattern that reads a whole page when no tag has more than `cap` attributes."""
    attributes = r"(?:(?:%s|/(?!>))*+%s){0,%d}+(?:%s|/(?!>))*+" % (_WS, _ATTRIBUTE, cap, _WS)
    script = _any_case("script")
    script_end = f"/{script}{_END_AFTER}"
    # libxml2's script states: data; escaped (after "<!--"; "-->" goes back to data, "</script"
    # ends the script, "<script" enters double escaped); double escaped ("</script" goes back to
    # escaped, "-->" to data).
    double_escaped = r"(?:[^<-]++|-(?!->)|<(?!%s))*+(?:<%s|(?=-->)|\Z)" % (script_end, script_end)
    escaped = r"(?:[^<-]++|-(?!->)|<%s%s%s|<(?!/?%s%s))*+(?:-->)?+" % (
        script, _END_AFTER, double_escaped, script, _END_AFTER)
    script_data = r"(?:[^<]++|<!(?=--)%s|<(?!!--|%s))*+" % (escaped, script_end)

    def raw_text(name):
        return r"%s%s>(?:[^<]++|<(?!/%s%s))*+" % (_NAME_END, attributes, _any_case(name), _END_AFTER)

    raw_text_elements = (
        "|[sS](?:%s%s%s>%s|%s%s)" % (_any_case("cript"), _NAME_END, attributes, script_data,
                                     _any_case("tyle"), raw_text("style"))
        + "|[tT](?:%s%s|%s%s)" % (_any_case("itle"), raw_text("title"), _any_case("extarea"), raw_text("textarea"))
        + "|[nN][oO](?:%s%s|%s%s)" % (_any_case("embed"), raw_text("noembed"),
                                      _any_case("frames"), raw_text("noframes"))
        + "|%s%s|%s%s" % (_any_case("xmp"), raw_text("xmp"), _any_case("iframe"), raw_text("iframe"))
        + r"|%s%s%s>[\s\S]*+" % (_any_case("plaintext"), _NAME_END, attributes))
    ordinary_tag = r"""[A-Za-z][-A-Za-z0-9:_.]*+(?:%s++[-A-Za-z0-9:_.@]++(?:=(?:"[^"]*+"|'[^']*+'|[^\t\n\f\r >"'=<`]++))?+){0,%d}+%s*+/?>""" % (
        _WS, min(16, cap), _WS)
    # Each turn of the outer loop reads the text before a "<" and what starts there (one jump
    # of the pattern engine per tag, not one for the text and one for the tag: -12 % of the
    # scan's instructions on the corpus pages), and the text after the last "<" ends the page.
    return re.compile(
        r"(?:[^<]*+<(?:/[A-Za-z][-A-Za-z0-9:_.]*+>"
        + raw_text_elements
        + "|" + ordinary_tag
        + r"|!--(?:-?>|(?:[^-]++|-(?!-!?>))*+(?:--!?>)?+)"
        + r"|[!?][^>]*+>?|/(?![A-Za-z])[^>]*+>?"
        + r"|/?+[A-Za-z][^\t\n\f\r />]*+%s(?=/?>|\Z)" % attributes
        + r"|(?![A-Za-z/!?])))*+[^<]*+", re.ASCII)


TAGS_WITHIN_CAP_RE = _tags_within_cap_pattern(MAX_ATTRIBUTES_PER_ELEMENT)


def _charset_of(data: bytes, charset):
    if charset:
        return charset
    match = XML_ENCODING_RE.match(data) or META_CHARSET_RE.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _decode(data: bytes, charset) -> tuple:
    declared = _charset_of(data, charset)
    if declared and not charset:
        try:
            return decode_text(data, declared)
        except FormatError:
            pass                   # a wrong <meta charset> is common: detect instead
    return decode_text(data, charset)


# Characters that HTML calls parse errors and that lxml refuses when a tree is edited (C0
# controls but tab, line feed and carriage return; the non-characters U+FFFE and U+FFFF): read as
# white space, which is what a browser shows for them (form feed is HTML white space).
# A pattern, not str.translate, which costs milliseconds on a large page that has none of them.
NOT_XML_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The same C0 controls as bytes of the page's UTF-8, each looked for by `in` (memchr: 29 of them
# cost half of one bytes.translate deleting them, and a pattern's search costs ten times as much).
NOT_XML_BYTES = bytes(range(0x00, 0x09)) + b"\x0b\x0c" + bytes(range(0x0e, 0x20))
NOT_XML_SINGLE_BYTES = [bytes([value]) for value in NOT_XML_BYTES]
# The lead bytes of the UTF-8 of U+4000..U+9FFF: their number bounds the Chinese characters
# (U+4E00..U+9FFF) of a text from above, counted in one C pass.
CJK_LEAD_BYTES = bytes(range(0xE4, 0xEA))
# The UTF-8 of U+4E00..U+9FFF: lead byte E5..E9 (U+5000..U+9FFF), or E4 then B8..BF
# (U+4E00..U+4FFF); in valid UTF-8 these bytes start a character and nothing else.
CJK_UTF8_STARTS = [bytes([lead]) for lead in range(0xE5, 0xEA)] + [bytes([0xE4, second]) for second in range(0xB8, 0xC0)]
# A character reference to U+E000..U+EFFF, or to a few more (57000..61999 in decimal, and in hex
# E000..EFFF followed by more digits): those libxml2 may read as a character of html_stream's marks.
PUA_REFERENCE_RE = re.compile(rb"&#(?:[xX]0*+[eE][0-9a-fA-F]{3}|0*+(?:5[7-9]|6[01])[0-9]{3}(?![0-9]))")
MAX_HASHES_LOOKED_AT = 64     # "#" bytes looked at one by one for such a reference (_may_write_marks)


def _without_xml_declaration(text: str) -> str:
    match = XML_DECLARATION_RE.match(text)
    return text[match.end():] if match else text


def _xml_characters_only(text: str, utf8: bytes) -> str:
    if "\ufffe" in text or "\uffff" in text or any(map(utf8.__contains__, NOT_XML_SINGLE_BYTES)):
        return NOT_XML_CHARACTERS.sub(" ", text)
    return text


def _parse(text: str, utf8: bytes, limits: Limits):
    """The page's tree from libxml2 fed the page's UTF-8 in chunks; its elements and attributes
    counted while it is built, unless the page cannot reach the caps (_within_caps)."""
    counting = not _within_caps(utf8, limits)
    try:
        # lxml.etree's parser, not lxml.html's: the same libxml2 parser without a Python class
        # lookup for every element (a fifth of the time on a portal page). The pull parser
        # hands back every element it builds (a Python object each, a fifth of the parse);
        # the plain parser builds the same tree without them.
        # collect_ids=False: libxml2 keeps no table of the id attributes (nothing here looks an
        # element up by its id); the tree is the same.
        options = dict(remove_comments=True, remove_pis=True, no_network=True, recover=True,
                       huge_tree=True, collect_ids=False, encoding="utf-8")   # deep nesting is read (walked without recursion)
        if counting:
            parser = etree.HTMLPullParser(events=("start",), **options)
            counts = [0, 0]             # elements, attributes
            for position in range(0, len(text), FEED_CHUNK):   # a cap is checked after each chunk of characters
                parser.feed(text[position:position + FEED_CHUNK].encode("utf-8", "surrogatepass"))
                _count(parser, counts, limits)
            root = parser.close()
            _count(parser, counts, limits)
        else:
            parser = etree.HTMLParser(**options)
            for position in range(0, len(utf8), FEED_CHUNK):
                parser.feed(utf8[position:position + FEED_CHUNK])
            root = parser.close()
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise FormatError("invalid-document", f"the HTML could not be read: {str(error)[:120]}")
    if root is None:
        raise FormatError("invalid-document", "the HTML has no content")
    return root


def _within_caps(utf8: bytes, limits: Limits) -> bool:
    """Whether the page's tree is sure to stay within both caps, from bounds counted in C.

    Elements: each "<" opens at most one tag, the text after it at most one implied <p>, and
    either at most the implied <html>, <head> or <body> around it: at most 8 per "<", and 8 for
    the text before the first. Attributes: each starts right after white space, "/" or the quote
    that closes the value before it, one character each that no attribute name holds, so a page
    has at most half as many attributes as bytes, and at most as many as such characters.
    tests/formats/test_html_fast_paths.py checks both bounds against libxml2's trees."""
    if ELEMENTS_PER_LT * (utf8.count(b"<") + 1) > limits.max_html_elements:
        return False
    if len(utf8) // 2 <= limits.max_html_attributes:
        return True
    return len(utf8) - len(utf8.translate(None, ATTRIBUTE_SEPARATORS)) <= limits.max_html_attributes


def _count(parser, counts: list, limits: Limits):
    """Add the elements the parser has built since the last call, refusing past the caps."""
    for _, element in parser.read_events():
        counts[0] += 1
        counts[1] += len(element.attrib)
    if counts[0] > limits.max_html_elements:
        raise FormatError("payload-too-large", f"The HTML has more than {limits.max_html_elements} elements "
                                               "(MAX_HTML_ELEMENTS).")
    if counts[1] > limits.max_html_attributes:
        raise FormatError("payload-too-large", f"The HTML has more than {limits.max_html_attributes} attributes "
                                               "(MAX_HTML_ATTRIBUTES).")


def _check_attributes_per_element(text: str):
    if TAGS_WITHIN_CAP_RE.match(text).end() < len(text):
        raise FormatError("payload-too-large", f"An element of the HTML has more than {MAX_ATTRIBUTES_PER_ELEMENT} "
                                               "attributes.")


def _page_metadata(root) -> list:
    """The page's title and publication date, from <meta>, <title> and the portal's title and
    time elements (class "article_title", "article_time" …)."""
    lines = []
    article_title, title, pub_date = None, None, None
    for element in root.iter("meta", "title"):        # document order
        if element.tag == "title":
            if title is None and element is not root:
                title = element
        elif element.get("content") is not None:
            name = element.get("name")
            if name == "ArticleTitle" and article_title is None:
                article_title = element.get("content")
            elif name == "PubDate" and pub_date is None:
                pub_date = element.get("content")
    name = (article_title if article_title is not None else (_text(title) if title is not None else "")).strip()
    if name:
        lines.append(name)
    if pub_date and pub_date.strip():
        lines.append(f"发布时间：{pub_date.strip()}")
    for element in _meta_class_candidates(root):      # document order
        if len(lines) < MAX_META_LINES and META_CLASS_RE.search(element.get("class")):
            text = " ".join(_text(element).split())      # SPACE_RE.sub(" ", …).strip(): see _table_rows
            if 4 <= len(text) <= 80 and text not in lines:
                lines.append(text)
    return lines


def _meta_class_candidates(root) -> list:
    """The elements whose class holds a word of META_CLASS_RE, in document order: every class
    value taken at once from libxml2 (//@class), searched as one text, a line each."""
    values = CLASS_VALUES(root)
    joined = "\n".join(values)
    if joined.isascii():
        found = [match.start() for match in META_CLASS_WORD_LOWER_RE.finditer(joined.lower())]
    else:
        found = [match.start() for match in META_CLASS_WORD_RE.finditer(joined)]
    if not found:
        return []
    ends = list(itertools.accumulate(len(value) + 1 for value in values))     # each value's end + 1
    return [values[index].getparent() for index in sorted({bisect.bisect_right(ends, start) for start in found})]


def _cjk_count(text) -> int:
    """Chinese characters in a text (counted by runs: far fewer matches than one per character;
    white space between tags is ASCII, which str.isascii tells at once)."""
    return 0 if not text or text.isascii() else sum(map(len, CJK_RUN_RE.findall(text)))


def _cjk_count_utf8(utf8: bytes) -> int:
    """The Chinese characters of a valid UTF-8 text, counted by bytes.count in C."""
    return sum(map(utf8.count, CJK_UTF8_STARTS))


def _text(element) -> str:
    """All the text inside an element (not its tail)."""
    return "".join(element.itertext())


def _drop_chrome(root):
    """Remove the DROPPED elements and what they hold, in C; the text after each (its tail)
    stays in place, joining the tail of the element before it or its parent's text. The HTML
    parser writes every tag name in lower case, and the root itself is never removed."""
    etree.strip_elements(root, *DROPPED, with_tail=False)


class Walk:
    """What one iterwalk of the body's tree gives (lxml's C walk; per element a tuple pushed at
    its start, one appended at its end, and its text and tail kept).

    pieces: every text and tail of the tree, in document order, none empty.
    breaks: the positions in pieces where a block element starts or ends (a line ends there).
    records: per element, at its end (children first): (position in document order, number of
        elements in its subtree, Chinese characters under it, first piece, end piece, element,
        tag). Under it: its text and every text below it, each descendant's tail included, a
        link's own text left out; its text and all inside it are pieces[first:end].
    tables: the records of the <table> elements.
    rows: {position of a <table>: the positions of the <tr> whose nearest table it is, in order}.
    cells: {position of a <tr>: [[cell, first piece, end piece], …] for its <td>/<th> children}.

    The HTML parser keeps no comments or processing instructions, so every node is an element.
    """

    def __init__(self, body):
        pieces, breaks, records, tables, rows, cells = [], [], [], [], {}, {}
        open_elements, open_tables, started, seen = [], [], 0, 0
        for event, element in etree.iterwalk(body, events=("start", "end")):
            if event == "start":
                tag = element.tag
                if tag in BLOCKS:
                    breaks.append(len(pieces))
                cell = None
                if tag in TABLE_PARTS:
                    if tag == "tr":
                        if open_tables:
                            rows[open_tables[-1]].append(started)
                    elif tag == "table":
                        open_tables.append(started)
                        rows[started] = []
                    elif open_elements and open_elements[-1][1] == "tr":
                        cell = [element, len(pieces), 0]
                        cells.setdefault(open_elements[-1][2], []).append(cell)
                open_elements.append((element, tag, started, len(pieces), seen, cell))
                started += 1
                text = element.text
                if text:
                    pieces.append(text)
                    if tag != "a" and not text.isascii():
                        seen += sum(map(len, CJK_RUN_RE.findall(text)))
            else:
                element, tag, order, first, before, cell = open_elements.pop()
                record = (order, started - order, seen - before, first, len(pieces), element, tag)
                records.append(record)
                if tag in BLOCKS:
                    breaks.append(len(pieces))
                elif tag == "table":
                    tables.append(record)
                    open_tables.pop()
                if cell is not None:
                    cell[2] = len(pieces)
                tail = element.tail
                if tail:
                    pieces.append(tail)
                    if not tail.isascii():
                        seen += sum(map(len, CJK_RUN_RE.findall(tail)))
        self.pieces, self.breaks, self.records, self.tables, self.rows, self.cells = (
            pieces, breaks, records, tables, rows, cells)


def _article(walk):
    """The record of the article (_choose) among the walk's records; the body's (the last
    record) when the page has no Chinese text."""
    body = walk.records[-1]
    total = body[2]
    if not total:
        return body
    candidates = sorted(record for record in walk.records if record[2] / total >= HINTED_SHARE)
    return _choose([(record[2], record[5], record) for record in candidates], total, body)


def _choose(candidates, total: int, body):
    """Of the candidates, (Chinese characters, element, item) in document order for every element
    holding at least HINTED_SHARE of the page's `total`, the item of the deepest element named
    like an article body (TRS_Editor, content, article …); else of the smallest holding nearly
    all of the text; else `body`."""
    hinted, best = None, body
    for characters, element, item in candidates:
        share = characters / total      # document order: later ones are deeper
        if share >= HINTED_SHARE and CONTENT_HINT_RE.search(f"{element.get('class', '')} {element.get('id', '')}"):
            hinted = item
        if share >= ARTICLE_SHARE and element.tag not in ("tr", "td", "th", "tbody"):
            best = item
    return hinted if hinted is not None else best


def _span(value) -> int:
    """A colspan or rowspan value (None when the attribute is absent) as a number of cells."""
    if value is None:
        return 1
    try:
        value = int(value.strip() or 1)
    except ValueError:
        return 1
    return value if 1 <= value <= MAX_SPAN else 1


def _table_rows(walk, table: int) -> list:
    """The table's rows (not those of nested tables) as lists of cell texts on a grid (_grid)."""
    rows = []
    for row in walk.rows[table]:
        cells = []
        for cell, first, end in walk.cells.get(row, ()):
            # str.split() without arguments splits at what SPACE_RE matches (\s is str.isspace,
            # which holds for U+00A0 and U+3000): the same as SPACE_RE.sub(" ", …).strip().
            text = " ".join("".join(walk.pieces[first:end]).split()).replace("|", "｜")
            colspan, rowspan = cell.get("colspan"), cell.get("rowspan")
            cells.append(text if colspan is None and rowspan is None else ((colspan, rowspan), text))
        rows.append(cells)
    return _grid(rows)


def _grid(rows: list) -> list:
    """Rows of cells, each its text or ((colspan, rowspan), text) when it has either attribute,
    as lists of cell texts on a grid.

    A row-spanning label repeats on each row it covers (a row-spanning number does not: it
    counts once). A column-spanning cell leaves empty filler cells after it, which keep header
    rows on the grid; in a row of numbers they are left out, so that each value stands next to
    the one before it whatever colspans the portal's markup uses. A cell's text is all the text
    inside it joined without separators, its white space made single spaces."""
    grid, pending = [], {}            # pending: column -> (text, rows left) from a rowspan above
    cells_written = 0
    for queue in rows:
        plain = tuple not in map(type, queue)     # every cell a text (the others are tuples): in C
        if not pending and plain:                 # no span above or here: no filler
            line = list(queue)
            cells_written += len(line)
            if cells_written > MAX_GRID_CELLS:
                break
            grid.append(line)
            continue
        if plain:
            line = _merge_pending(queue, pending)
            written = queue
        else:
            line, written = _spanned_row(queue, pending)
        cells_written += len(line)
        if cells_written > MAX_GRID_CELLS:
            break
        if None not in line:
            grid.append(line)
        elif any(NUMBER_RE.match(text) for text in written):    # a row of numbers: no fillers
            grid.append([text for text in line if text is not None])
        else:
            grid.append([text or "" for text in line])
    return grid


def _merge_pending(queue: list, pending: dict) -> list:
    """A row of cells without spans on the grid, the texts of rowspans above (`pending`, which
    is updated) in their columns: the loop of _spanned_row, a slice of cells at a time."""
    line, column, taken = [], 0, 0
    for at in sorted(pending):
        if at > column:
            if len(queue) - taken < at - column:       # the cells end before this column
                break
            line += queue[taken:taken + at - column]
            taken += at - column
            column = at
        line.append(_take_pending(pending, at))
        column += 1
    line += queue[taken:]
    return line


def _take_pending(pending: dict, column: int):
    """The text a rowspan from above puts in `column` of this row (None for an empty cell);
    the span is used up by one row."""
    text, left = pending[column]
    if left > 1:
        pending[column] = (text, left - 1)
    else:
        del pending[column]
    return text or None


def _spanned_row(queue: list, pending: dict) -> tuple:
    """(the row's line, texts and None for fillers; the texts of its own cells), `pending`
    updated with its rowspans. Before each cell, and after the last, the texts of rowspans
    from above that reach the column come first."""
    line, column = [], 0                  # line: texts, None for a filler
    for cell in queue:
        while column in pending:
            line.append(_take_pending(pending, column))
            column += 1
        if type(cell) is str:
            line.append(cell)
            column += 1
            continue
        (colspan, rowspan), text = cell
        width = SPAN_OF.get(colspan) or _span(colspan)
        height = SPAN_OF.get(rowspan) or _span(rowspan)
        line.append(text)
        if height > 1:
            pending[column] = ("" if NUMBER_RE.match(text) else text, height - 1)
            for offset in range(1, width):
                pending[column + offset] = ("", height - 1)
        if width > 1:
            line += [None] * (width - 1)
        column += width
    while column in pending:
        line.append(_take_pending(pending, column))
        column += 1
    return line, [cell if type(cell) is str else cell[1] for cell in queue]


def _lines(walk, article) -> list:
    """The article's text, a line per block and a pipe line per table row."""
    lines = []
    order, size, _, position, end, element, tag = article
    if tag == "table":
        _add_grid(_table_rows(walk, order), lines)
        _add_text(lines, element.tail or "")
        return lines
    inside = 0                            # the tables inside the article, nested ones aside
    for table in sorted(table for table in walk.tables if order < table[0] < order + size):
        if table[0] >= inside:
            _add_flow(walk, position, table[3], lines)
            _add_grid(_table_rows(walk, table[0]), lines)
            position, inside = table[4], table[0] + table[1]   # its tail follows
    _add_flow(walk, position, end, lines)
    return lines


def _add_flow(walk, start: int, end: int, lines: list):
    """The lines of pieces[start:end]: a line between two block boundaries."""
    breaks = walk.breaks
    for stop in breaks[bisect.bisect_right(breaks, start):bisect.bisect_left(breaks, end)] + [end]:
        if stop > start:
            _add_text(lines, "".join(walk.pieces[start:stop]))
            start = stop


def _add_text(lines: list, text: str):
    text = SPACE_RE.sub(" ", text).strip()
    if text:
        lines.append(text)


def _add_grid(grid: list, lines: list):
    for row in grid:
        if "".join(row).strip():          # a cell holds more than white space
            lines.append("| " + " | ".join(row) + " |")


def _lines_from_stream(stream):
    """The article's lines (as _lines(walk, _article(walk)) gives them) from the marked text
    libxslt wrote (html_stream.stream_of, before the chrome was removed); None when the page is
    not read that way (a table in the article's tables, a row in a cell)."""
    root = stream.root
    start, element = 0, root
    if stream.total:
        candidates = stream.candidates(HINTED_SHARE)
        if candidates is None:
            return None
        start, element = _choose([(characters, candidate, (mark, candidate)) for mark, characters, candidate in candidates],
                                 stream.total, (0, root))
    pieces = html_stream.split_tables(stream.region(start))
    if pieces is None:
        return None
    lines = []
    for index, piece in enumerate(pieces):
        if index % 2:
            rows = html_stream.table_rows(piece)
            if rows is None:
                return None
            _add_grid(_grid(rows), lines)
        else:     # " ".join(text.split()) is SPACE_RE.sub(" ", text).strip(), as _add_text does
            flow = html_stream.flow_text(piece).split(html_stream.BREAK)
            lines += filter(None, [" ".join(text.split()) for text in flow])
    if element.tag == "table":
        _add_text(lines, element.tail or "")
    return lines


def _without_comments(text: str) -> str:
    """The text without <!-- … --> (the parser drops comments too), in one linear pass."""
    pieces, position = [], 0
    while True:
        start = text.find("<!--", position)
        if start < 0:
            pieces.append(text[position:])
            return "".join(pieces)
        pieces.append(text[position:start])
        end = text.find("-->", start + 4)
        if end < 0:
            return "".join(pieces)
        position = end + 3


def _check_complete(text: str, utf8: bytes, root):
    """Refuse a page the HTML parser could not read in full (libxml2 stops at extreme nesting
    depths): never a silently truncated parse.

    The Chinese characters read are counted in the text libxml2 writes out; those written in
    the page are bounded from above first, at no cost by its UTF-8 length (each of them takes
    three bytes, two more than its character), then by the UTF-8 lead bytes of U+4000..U+9FFF
    (one C pass), and counted exactly (tags and comments left out, a slow pattern) only when
    those read fall short of half of both bounds."""
    text_read = etree.tostring(root, method="text", encoding="utf-8", with_tail=False)
    enough = _enough_read(text, utf8)
    read = 0
    for start in CJK_UTF8_STARTS[:5]:   # U+5000..U+9FFF read, a lead byte at a time, until they reach it
        read += text_read.count(start)
        if read >= enough:
            return text_read
    read += sum(map(text_read.count, CJK_UTF8_STARTS[5:]))       # and U+4E00..U+4FFF: _cjk_count_utf8
    if read >= enough:
        return text_read
    if read >= COMPLETE_SHARE * (len(utf8) - len(utf8.translate(None, CJK_LEAD_BYTES))):
        return text_read
    written = _cjk_count(TAG_RE.sub("", _without_comments(text)))
    if written and read < COMPLETE_SHARE * written:
        raise FormatError("invalid-document", "The HTML could not be read in full (it nests too deeply); "
                                              "send the page's text instead.")
    return text_read


def _enough_read(text: str, utf8: bytes) -> float:
    """Chinese characters read that prove the page read in full (_check_complete): half of an
    upper bound of those it writes, three UTF-8 bytes each (two more than its characters)."""
    return COMPLETE_SHARE * ((len(utf8) - len(text)) // 2)


def _may_write_marks(utf8: bytes) -> bool:
    """Whether the tree libxml2 builds from the page's UTF-8 may hold a character of
    U+E000..U+EFFF (html_stream's marks) in a text or an attribute value: written as such (lead
    byte EE) or by a character reference that may stand for one (PUA_REFERENCE_RE; no named
    reference does). The references are looked for at each "#", found by memchr (`b"&#" in
    utf8` searches every byte: 0.5 M instructions on a corpus page, which has 0 to 24 "#"),
    and past MAX_HASHES_LOOKED_AT of them by the pattern over the rest of the page."""
    if b"\xee" in utf8:
        return True
    position = utf8.find(b"#", 1)
    for _ in range(MAX_HASHES_LOOKED_AT):
        if position < 0:
            return False
        if PUA_REFERENCE_RE.match(utf8, position - 1):
            return True
        position = utf8.find(b"#", position + 1)
    return position >= 0 and PUA_REFERENCE_RE.search(utf8, position - 1) is not None


def _checked_stream(top, root, text: str, utf8: bytes):
    """The marked text of `top` (html_stream.stream_of), or None when the page is walked
    instead, once the page is known to be read in full (_check_complete refuses it otherwise).

    A page that may hold the marks' characters (_may_write_marks) is walked: in a text or a
    span value they could not be told from the marks. The stylesheet leaves out the chrome and
    links' own text, so the Chinese characters the stream counts are some of those the tree
    holds: when they reach the bound (_enough_read), the check needs neither the tree's text
    (etree.tostring) nor its count."""
    if _may_write_marks(utf8):
        _check_complete(text, utf8, root)
        return None
    stream = html_stream.stream_of(top)
    if stream is None or stream.total < _enough_read(text, utf8):
        _check_complete(text, utf8, root)
    return stream


def _page_bytes(data: bytes, text: str, encoding: str) -> tuple:
    """(the page's text, its UTF-8) as the parser is fed them: without an XML declaration and
    with the characters XML refuses as white space. A UTF-8 page is its own UTF-8."""
    stripped = _without_xml_declaration(text)
    if encoding == "utf-8" and stripped is text and not data.startswith(codecs.BOM_UTF8):
        utf8 = data
    else:
        utf8 = stripped.encode("utf-8", "surrogatepass")
    cleaned = _xml_characters_only(stripped, utf8)
    return (stripped, utf8) if cleaned is stripped else (cleaned, cleaned.encode("utf-8", "surrogatepass"))


def html_to_text(data: bytes, charset=None, limits: Limits = Limits()) -> tuple:
    """(report text, encoding used) of an HTML page."""
    text, encoding = _decode(data, charset)
    text, utf8 = _page_bytes(data, text, encoding)
    _check_attributes_per_element(text)
    root = _parse(text, utf8, limits)
    body = root.find("body")
    top = body if body is not None else root
    stream = _checked_stream(top, root, text, utf8)        # before the chrome is removed: see there
    metadata = _page_metadata(root)
    _drop_chrome(root)
    lines = _lines_from_stream(stream) if stream is not None else None
    if lines is None:
        walk = Walk(top)
        lines = _lines(walk, _article(walk))
    head = SPACE_RE.sub("", "".join(lines[:12]))        # once, not once per metadata line
    front = [line for line in metadata if SPACE_RE.sub("", line) not in head]
    return "\n".join(front + lines), encoding
