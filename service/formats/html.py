"""HTML pages → report text, with every <table> kept as pipe rows.

Portals wrap the article in navigation, breadcrumbs, share buttons and footers. The article is
taken to be the smallest element that holds nearly all of the page's Chinese text outside
links; the page's own title and publication date (<title>, <meta name="ArticleTitle"/"PubDate">)
are put in front when the article does not repeat them. Tables come out as one line per row,
"| cell | cell |", with merged cells expanded on a grid (a row-spanning cell repeats its text on
every row it covers, a column-spanning cell is written once followed by empty cells), and the
text of a cell is joined without separators (portals split "结果维持" into one <p> per
character and "20" into two <span>s). Everything is walked iteratively: nesting depth costs
no recursion.

Work and memory are bounded before a tree is built: the page is fed to lxml's pull parser in
chunks and its elements and attributes are counted as they arrive (limits.max_html_elements,
limits.max_html_attributes); no element may have more than MAX_ATTRIBUTES_PER_ELEMENT
attributes, checked by one linear scan before parsing (libxml2 compares each attribute of an
element with every earlier one: 40 000 attributes on one tag cost it 2 s). Over a cap the page
is refused with "payload-too-large".
"""

import re

from lxml import etree

from service.formats import FormatError, Limits
from service.formats.text import decode_text

META_CHARSET_RE = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]{1,40})""", re.I)
XML_ENCODING_RE = re.compile(rb"""\A(?:\xef\xbb\xbf)?\s{0,100}<\?xml\b[^<>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_\-]{1,40})""")
CJK_RUN_RE = re.compile(r"[\u4e00-\u9fff]+")
SPACE_RE = re.compile(r"[\s\u00a0\u3000]+")
DROPPED = {"script", "style", "noscript", "head", "nav", "header", "footer", "iframe", "form", "button",
           "select", "textarea", "svg", "object", "embed", "template"}
BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
          "blockquote", "pre", "dd", "dt", "dl", "center", "hr", "tbody", "thead", "tfoot", "caption",
          "main", "aside", "address", "figure", "figcaption"}
ARTICLE_SHARE = 0.85          # the article holds at least this share of the page's text
HINTED_SHARE = 0.5            # … or half of it, when its class or id names it as the content
CONTENT_HINT_RE = re.compile(r"TRS_Editor|article|content|detail|zoom|main|word_con|\bcon\b|text|view", re.I)
MAX_SPAN = 100                # a rowspan/colspan larger than this is treated as 1 (hostile markup)
MAX_GRID_CELLS = 200_000
TAG_RE = re.compile(r"<[^<>]{0,2000}>")
COMPLETE_SHARE = 0.5          # of the Chinese characters written in the page, at least this many are read
NUMBER_RE = re.compile(r"^[+-]?\d[\d,]*(?:\.\d+)?\s*(?:万元|元|件|条|项|个)?$")
META_CLASS_RE = re.compile(r"(?:^|[\s_-])(?:title|time|date|pubdate|publish)(?:$|[\s_-])", re.I)
MAX_META_LINES = 6
# An XML declaration before the page (XHTML as some portal CMSs serve it): dropped, since the
# page has been decoded already and lxml refuses a decoded text that declares an encoding.
XML_DECLARATION_RE = re.compile(r"\A\s*<\?xml\b[^<>]{0,200}\?>")
FEED_CHUNK = 64 * 1024
MAX_ATTRIBUTES_PER_ELEMENT = 1000
# The page read tag by tag in one match, as long as no tag has more than the attributes
# allowed: text, a "<" that opens no tag, an ordinary tag (at most 16 pieces of at most 64
# characters, or quoted values after "=": at most 512 attributes), or else a tag read the way
# the HTML tokenizer reads attribute names (anything up to white space, "/", ">" or "=", a
# quote included; a value after "=") with up to MAX_ATTRIBUTES_PER_ELEMENT of them.
# Possessive throughout: linear, never backtracking. Where it stops short of the end, a tag
# has more.
_ORDINARY_TAG = r"""<[A-Za-z/](?:[^<>"'=]{1,64}+|=\s*+"[^"]*+"|=\s*+'[^']*+'|=){0,16}+>"""
_ATTRIBUTE = r"""[^\s/>][^\s/>=]*+(?:\s*+=\s*+(?:"[^"]*+"?|'[^']*+'?|[^\s>]*+))?+"""
TAGS_WITHIN_CAP_RE = re.compile(
    r"""(?:[^<]++|""" + _ORDINARY_TAG + r"""|<(?![A-Za-z/])|</?+(?:[A-Za-z][^\s/>]*+)?+(?:[\s/]*+"""
    + _ATTRIBUTE + r"""){0,%d}+(?![\s/]*+[^\s/>]))*+""" % MAX_ATTRIBUTES_PER_ELEMENT)


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
# The same C0 controls as bytes of the page's UTF-8: deleting them with bytes.translate is one
# C pass (a pattern's search costs five times as much on a page that has none).
NOT_XML_BYTES = bytes(range(0x00, 0x09)) + b"\x0b\x0c" + bytes(range(0x0e, 0x20))
# The lead bytes of the UTF-8 of U+4000..U+9FFF: their number bounds the Chinese characters
# (U+4E00..U+9FFF) of a text from above, counted in one C pass.
CJK_LEAD_BYTES = bytes(range(0xE4, 0xEA))


def _without_xml_declaration(text: str) -> str:
    match = XML_DECLARATION_RE.match(text)
    return text[match.end():] if match else text


def _xml_characters_only(text: str, utf8: bytes) -> str:
    if "\ufffe" in text or "\uffff" in text or len(utf8.translate(None, NOT_XML_BYTES)) < len(utf8):
        return NOT_XML_CHARACTERS.sub(" ", text)
    return text


def _parse(text: str, limits: Limits):
    """The page's tree, its elements and attributes counted while it is built."""
    _check_attributes_per_element(text)
    try:
        # lxml.etree's parser, not lxml.html's: the same libxml2 parser without a Python class
        # lookup for every element (a fifth of the time on a portal page).
        parser = etree.HTMLPullParser(events=("start",), remove_comments=True, remove_pis=True, no_network=True,
                                      recover=True, huge_tree=True)  # deep nesting is read (walked without recursion)
        counts = [0, 0]                 # elements, attributes
        for position in range(0, len(text), FEED_CHUNK):
            parser.feed(text[position:position + FEED_CHUNK])
            _count(parser, counts, limits)
        root = parser.close()
        _count(parser, counts, limits)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise FormatError("invalid-document", f"the HTML could not be read: {str(error)[:120]}")
    if root is None:
        raise FormatError("invalid-document", "the HTML has no content")
    return root


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
    article_title = root.xpath("//meta[@name='ArticleTitle']/@content")
    title = root.find(".//title")
    name = (article_title[0] if article_title else (_text(title) if title is not None else "")).strip()
    if name:
        lines.append(name)
    pub_date = root.xpath("//meta[@name='PubDate']/@content")
    if pub_date and pub_date[0].strip():
        lines.append(f"发布时间：{pub_date[0].strip()}")
    for element in root.xpath("//*[@class]"):      # document order; an element without class never matches
        if META_CLASS_RE.search(element.get("class")) and len(lines) < MAX_META_LINES:
            text = SPACE_RE.sub(" ", _text(element)).strip()
            if 4 <= len(text) <= 80 and text not in lines:
                lines.append(text)
    return lines


def _cjk_count(text) -> int:
    """Chinese characters in a text (counted by runs: far fewer matches than one per character;
    white space between tags is ASCII, which str.isascii tells at once)."""
    return 0 if not text or text.isascii() else sum(map(len, CJK_RUN_RE.findall(text)))


def _text(element) -> str:
    """All the text inside an element (not its tail)."""
    return "".join(element.itertext())


def _drop_chrome(root):
    """Remove the DROPPED elements and what they hold, in C; the text after each (its tail)
    stays in place, joining the tail of the element before it or its parent's text. The HTML
    parser writes every tag name in lower case, and the root itself is never removed."""
    etree.strip_elements(root, *DROPPED, with_tail=False)


def _text_counts(root) -> tuple:
    """(the elements in document order, the Chinese characters outside links under each),
    from one walk in lxml's iterwalk: a running count of the text met so far, an element's
    share being the count at its end less the count at its start. A link's own text is left
    out; the text after an element (its tail) belongs to its parent."""
    order, counts, starts, seen = [], {}, [], 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            order.append(element)
            starts.append(seen)
            if element.tag != "a":
                seen += _cjk_count(element.text)
        else:
            counts[element] = seen - starts.pop()
            seen += _cjk_count(element.tail)
    return order, counts


def _article(root):
    """The deepest element named like an article body (TRS_Editor, content, article …) that
    holds at least half of the page's text; else the smallest holding nearly all of it."""
    body = root.find("body")
    body = body if body is not None else root
    order, counts = _text_counts(body)
    total = counts[body]
    if not total:
        return body
    hinted, best = None, body
    for element in order:
        share = counts[element] / total
        if share >= HINTED_SHARE and CONTENT_HINT_RE.search(f"{element.get('class', '')} {element.get('id', '')}"):
            hinted = element               # document order: later ones are deeper
        if share >= ARTICLE_SHARE and element.tag not in ("tr", "td", "th", "tbody"):
            best = element
    return hinted if hinted is not None else best


def _cell_text(cell) -> str:
    # str.split() without arguments splits at what SPACE_RE matches (\s is str.isspace, which
    # holds for U+00A0 and U+3000): the same text as SPACE_RE.sub(" ", …).strip(), faster.
    return " ".join("".join(cell.itertext()).split()).replace("|", "｜")


def _span(cell, name) -> int:
    value = cell.get(name)
    if value is None:
        return 1
    try:
        value = int(value.strip() or 1)
    except ValueError:
        return 1
    return value if 1 <= value <= MAX_SPAN else 1


def _table_rows(table) -> list:
    """The table's rows (not those of nested tables) as lists of cell texts on a grid.

    A row-spanning label repeats on each row it covers (a row-spanning number does not: it
    counts once). A column-spanning cell leaves empty filler cells after it, which keep header
    rows on the grid; in a row of numbers they are left out, so that each value stands next to
    the one before it whatever colspans the portal's markup uses."""
    rows = list(table.iter("tr"))
    if table.find(".//table") is not None:
        rows = [row for row in rows if _nearest(row, "table") is table]
    grid, pending = [], {}            # pending: column -> (text, rows left) from a rowspan above
    cells_written = 0
    for row in rows:
        line, column = [], 0          # line: (text, filler?)
        queue = [cell for cell in row if isinstance(cell.tag, str) and cell.tag in ("td", "th")]
        while queue or column in pending:
            if column in pending:
                text, left = pending[column]
                line.append((text, not text))
                if left > 1:
                    pending[column] = (text, left - 1)
                else:
                    del pending[column]
                column += 1
                continue
            cell = queue.pop(0)
            text, width, height = _cell_text(cell), _span(cell, "colspan"), _span(cell, "rowspan")
            for offset in range(width):
                line.append((text, False) if offset == 0 else ("", True))
                if height > 1:
                    carried = text if offset == 0 and not NUMBER_RE.match(text) else ""
                    pending[column + offset] = (carried, height - 1)
            column += width
        cells_written += len(line)
        if cells_written > MAX_GRID_CELLS:
            break
        if any(not filler and NUMBER_RE.match(text) for text, filler in line):
            grid.append([text for text, filler in line if not filler])
        else:
            grid.append([text for text, _ in line])
    return grid


def _nearest(element, tag):
    parent = element.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _lines(article) -> list:
    """The article's text, a line per block and a pipe line per table row (iterative walk)."""
    lines, current = [], []

    def flush():
        text = SPACE_RE.sub(" ", "".join(current)).strip()
        if text:
            lines.append(text)
        current.clear()

    stack = [(article, False)]
    while stack:
        element, closing = stack.pop()
        if closing:
            if element.tag in BLOCKS:
                flush()
            current.append(element.tail or "") if element is not article else None
            continue
        if not isinstance(element.tag, str):
            current.append(element.tail or "")
            continue
        if element.tag == "table":
            flush()
            for row in _table_rows(element):
                if any(cell.strip() for cell in row):
                    lines.append("| " + " | ".join(row) + " |")
            current.append(element.tail or "")
            continue
        if element.tag in BLOCKS:
            flush()
        current.append(element.text or "")
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    flush()
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

    The characters written are counted (tags and comments left out, a slow pattern) only when
    those read fall short of half the bound that the page's UTF-8 lead bytes give at once."""
    read = _cjk_count(etree.tostring(root, method="text", encoding=str, with_tail=False))
    if read >= COMPLETE_SHARE * (len(utf8) - len(utf8.translate(None, CJK_LEAD_BYTES))):
        return
    written = _cjk_count(TAG_RE.sub("", _without_comments(text)))
    if written and read < COMPLETE_SHARE * written:
        raise FormatError("invalid-document", "The HTML could not be read in full (it nests too deeply); "
                                              "send the page's text instead.")


def html_to_text(data: bytes, charset=None, limits: Limits = Limits()) -> tuple:
    """(report text, encoding used) of an HTML page."""
    text, encoding = _decode(data, charset)
    text = _without_xml_declaration(text)
    utf8 = text.encode("utf-8", "surrogatepass")
    text = _xml_characters_only(text, utf8)
    root = _parse(text, limits)
    _check_complete(text, utf8, root)
    metadata = _page_metadata(root)
    _drop_chrome(root)
    lines = _lines(_article(root))
    head = "".join(lines[:12])
    front = [line for line in metadata if SPACE_RE.sub("", line) not in SPACE_RE.sub("", head)]
    return "\n".join(front + lines), encoding
