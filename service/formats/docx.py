""".docx bytes → report text, defended before anything is parsed.

    docx_to_text(data, limits) -> str

The zip is checked from its central directory first (a zip at all, a bounded number of members,
word/document.xml present, the declared uncompressed total within limits.max_docx_uncompressed,
no large member expanding more than limits.max_docx_ratio times), then word/document.xml alone is
inflated by hand with a byte budget, so a member whose header understates its size is caught by
the bytes it really produces. A part declaring a DOCTYPE or ENTITY is refused before parsing,
and the parser never loads a DTD, resolves an entity or touches the network. The part is fed to
lxml's pull parser in chunks and its elements and attributes are counted as the tree grows
(limits.max_docx_elements, limits.max_docx_attributes: an lxml node costs some 100 bytes, and
32 MB of empty runs would otherwise become a tree of half a gigabyte).

The body is walked in order: one line per paragraph, one line per table row with the cells
joined by " | ". A cell's own paragraphs are joined with nothing between them (a label wrapped
over two paragraphs stays one label). Each row is laid on the table grid: a column-spanning cell
(gridSpan, or the legacy hMerge) is written once followed by empty filler cells, and so are the
grid columns a row leaves out (gridBefore, gridAfter), so that rows of labels keep the table's
column count; a row holding a number leaves the fillers out, as the HTML reader does, because
Word and LibreOffice split grid columns wherever a border of any row does not line up and a
filler between two values would read as a blank cell the report never printed. A vertically
merged cell (vMerge) repeats its text on every row it spans when it is a label; a merged number
counts once (an empty cell on the rows below it). Nested tables are flattened: a row
holding a single cell with a table inside gives that cell's paragraphs and table rows as lines of
their own; a nested table in a row of several cells comes out as its own rows after that row.
A one-column table (a frame around text) gives each paragraph its own line.

Every failure is FormatError: "invalid-document" for anything that is not a readable .docx,
"payload-too-large" for anything over the limits.
"""

import re
import struct
import zipfile
import zlib
from io import BytesIO
from itertools import islice

from lxml import etree

from service.formats import FormatError, Limits

DOCUMENT_PART = "word/document.xml"
MAX_MEMBERS = 2000
# The ratio check is for members large enough to matter; a small part of repeated markup may
# legitimately compress very well, and the declared total bounds everything anyway.
RATIO_FLOOR = 64 * 1024
MAX_SPAN = 64                 # Word allows 63 columns; a larger gridSpan would only inflate output
MAX_TABLE_DEPTH = 16          # nesting of tables inside table cells
CHUNK = 64 * 1024
# A cell that is a value (as in the HTML reader): a number, with a unit written in the cell
NUMBER_RE = re.compile(r"^[+-]?\d[\d,]*(?:\.\d+)?\s*(?:万元|元|件|条|项|个)?$")

NAMESPACES = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",   # transitional
              "http://purl.oclc.org/ooxml/wordprocessingml/main")               # strict
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
FORBIDDEN_MARKUP = (b"<!DOCTYPE", b"<!ENTITY")


def _fail(detail):
    return FormatError("invalid-document", detail)


def _too_large(detail):
    return FormatError("payload-too-large", detail)


# ---------------------------------------------------------------------------------------------
# The zip container

def _open_zip(data: bytes, limits: Limits) -> zipfile.ZipInfo:
    """The ZipInfo of the document part, after the central-directory checks."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise _fail("A .docx document must be given as bytes.")
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError, KeyError,
            IndexError, struct.error, NotImplementedError, UnicodeDecodeError) as error:
        raise _fail(f"The document is not a readable zip archive ({type(error).__name__}), so not a .docx.")
    if len(members) > MAX_MEMBERS:
        raise _too_large(f"The .docx has {len(members)} parts; the limit is {MAX_MEMBERS}.")
    total = 0
    for info in members:
        total += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > limits.max_docx_ratio * max(info.compress_size, 1):
            raise _too_large(f"A part of the .docx expands {info.file_size // max(info.compress_size, 1)} "
                             f"times; the limit is {limits.max_docx_ratio} (a zip bomb?).")
    if total > limits.max_docx_uncompressed:
        raise _too_large(f"The .docx expands to {total} bytes; the limit is {limits.max_docx_uncompressed} bytes.")
    try:
        return archive.getinfo(DOCUMENT_PART)
    except KeyError:
        raise _fail(f"The zip archive has no {DOCUMENT_PART}, so it is not a Word document.")


def _read_member(data: bytes, info: zipfile.ZipInfo, limits: Limits) -> bytes:
    """The member's bytes, inflated here with a budget: never more than its declared size, never
    more than the total limit, whatever the compressed stream would produce."""
    if info.flag_bits & 0x1:
        raise _fail(f"{DOCUMENT_PART} is encrypted.")
    budget = min(info.file_size, limits.max_docx_uncompressed)
    offset = info.header_offset
    header = data[offset:offset + zipfile.sizeFileHeader]
    if len(header) != zipfile.sizeFileHeader or header[:4] != zipfile.stringFileHeader:
        raise _fail(f"The zip entry of {DOCUMENT_PART} is missing its local header.")
    fields = struct.unpack(zipfile.structFileHeader, header)
    start = offset + zipfile.sizeFileHeader + fields[zipfile._FH_FILENAME_LENGTH] \
        + fields[zipfile._FH_EXTRA_FIELD_LENGTH]
    raw = memoryview(data)[start:start + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        if len(raw) > budget:
            raise _too_large(f"{DOCUMENT_PART} is larger than its zip header says (a zip bomb?).")
        out = bytes(raw)
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        parts, produced = [], 0
        try:
            for position in range(0, len(raw), CHUNK):
                pending = raw[position:position + CHUNK]
                while pending and not inflater.eof:
                    piece = inflater.decompress(pending, budget - produced + 1)
                    produced += len(piece)
                    if produced > budget:
                        raise _too_large(f"{DOCUMENT_PART} inflates beyond the {budget} bytes its zip header "
                                         "and the limits allow (a zip bomb?).")
                    parts.append(piece)
                    pending = inflater.unconsumed_tail
                if inflater.eof:
                    break
            tail = inflater.flush(budget - produced + 1) if not inflater.eof else b""
        except zlib.error:
            raise _fail(f"{DOCUMENT_PART} is not a valid deflate stream.")
        produced += len(tail)
        if produced > budget:
            raise _too_large(f"{DOCUMENT_PART} inflates beyond the {budget} bytes allowed (a zip bomb?).")
        parts.append(tail)
        if not inflater.eof:
            raise _fail(f"{DOCUMENT_PART} is truncated.")
        out = b"".join(parts)
    else:
        raise _fail(f"{DOCUMENT_PART} uses compression method {info.compress_type}; a .docx uses only stored or deflate.")
    if len(out) != info.file_size or zlib.crc32(out) != info.CRC:
        raise _fail(f"{DOCUMENT_PART} does not match its zip header (size or CRC-32): the file is damaged.")
    return out


# ---------------------------------------------------------------------------------------------
# The XML

def _count(parser, counts: list, limits: Limits):
    """Add the elements the parser has built since the last call, refusing past the caps."""
    for _, element in parser.read_events():
        counts[0] += 1
        counts[1] += len(element.attrib)
    if counts[0] > limits.max_docx_elements:
        raise _too_large(f"{DOCUMENT_PART} has more than {limits.max_docx_elements} elements (MAX_DOCX_ELEMENTS).")
    if counts[1] > limits.max_docx_attributes:
        raise _too_large(f"{DOCUMENT_PART} has more than {limits.max_docx_attributes} attributes "
                         "(MAX_DOCX_ATTRIBUTES).")


def _parse_xml(xml: bytes, limits: Limits) -> etree._Element:
    for marker in FORBIDDEN_MARKUP:
        for encoded in (marker, marker.decode().encode("utf-16-le"), marker.decode().encode("utf-16-be")):
            if encoded in xml:
                raise _fail(f"{DOCUMENT_PART} declares a DOCTYPE or ENTITY, which a Word document never does.")
    parser = etree.XMLPullParser(events=("start",), resolve_entities=False, no_network=True, load_dtd=False,
                                 dtd_validation=False, huge_tree=False, remove_comments=True, remove_pis=True)
    counts = [0, 0]                     # elements, attributes
    try:
        for position in range(0, len(xml), CHUNK):
            parser.feed(xml[position:position + CHUNK])
            _count(parser, counts, limits)
        root = parser.close()
        _count(parser, counts, limits)
    except (etree.XMLSyntaxError, ValueError) as error:
        # the position only: libxml2's message may quote the document's own markup
        line = getattr(error, "lineno", None)
        where = f" (line {line})" if isinstance(line, int) and line > 0 else ""
        raise _fail(f"{DOCUMENT_PART} is not well-formed XML{where}.")
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise _fail(f"{DOCUMENT_PART} declares a DOCTYPE, which a Word document never does.")
    return root


class _Walker:
    """Turns w:body into lines, counting characters so that merged-cell repetition cannot
    amplify a small document into a huge text.

    A first pass prunes what is never shown (deleted and moved-away runs, hidden runs, field
    codes, the fallback copy of alternate content) and lifts text boxes out of their paragraphs,
    so that a paragraph's text is then one plain iteration over its descendants."""

    def __init__(self, ns: str, max_chars: int):
        self.max_chars = max_chars
        self.lines = []
        self.size = 0
        # text boxes lifted out of their paragraphs; the keys keep the paragraphs' lxml proxies
        # alive, and lxml returns the same proxy for a node while one is alive
        self.boxes = {}
        w = "{%s}" % ns
        self.P, self.TBL, self.TR, self.TC = w + "p", w + "tbl", w + "tr", w + "tc"
        self.R, self.T, self.TAB, self.PTAB = w + "r", w + "t", w + "tab", w + "ptab"
        self.BR, self.CR, self.NBH = w + "br", w + "cr", w + "noBreakHyphen"
        self.TXBX, self.RPR, self.VANISH, self.VAL = w + "txbxContent", w + "rPr", w + "vanish", w + "val"
        self.TCPR, self.TRPR = w + "tcPr", w + "trPr"
        self.GRID_SPAN, self.VMERGE, self.HMERGE = w + "gridSpan", w + "vMerge", w + "hMerge"
        self.GRID_BEFORE, self.GRID_AFTER = w + "gridBefore", w + "gridAfter"
        self.WRAPPERS = (w + "sdt", w + "sdtContent", w + "customXml", w + "ins", w + "moveTo",
                         "{%s}AlternateContent" % MC_NS, "{%s}Choice" % MC_NS)
        self.PRUNED = (w + "del", w + "moveFrom", w + "instrText", w + "delText", w + "pPr",
                       "{%s}Fallback" % MC_NS)
        self.SPECIAL = {self.TAB: "\t", self.PTAB: "\t", self.BR: "\n", self.CR: "\n", self.NBH: "-"}

    # -- preparing the tree ----------------------------------------------------------------

    def prepare(self, body):
        doomed = list(body.iter(*self.PRUNED))
        for vanish in body.iter(self.VANISH):
            rpr = vanish.getparent()
            if rpr.tag == self.RPR and rpr.getparent() is not None and rpr.getparent().tag == self.R \
                    and vanish.get(self.VAL, "true") not in ("0", "false", "off"):
                doomed.append(rpr.getparent())
        for element in doomed:
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
        lifted = []
        for box in body.iter(self.TXBX):
            owner = next(box.iterancestors(self.P), None)
            if owner is not None:
                lifted.append((owner, box))
        for owner, box in lifted:
            self.boxes.setdefault(owner, []).append(box)
            box.getparent().remove(box)

    # -- output ----------------------------------------------------------------------------

    def emit(self, line: str):
        self.size += len(line) + (1 if self.lines else 0)     # a line break between lines only
        if self.size > self.max_chars:
            raise self.too_long()
        self.lines.append(line)

    def too_long(self) -> FormatError:
        return _too_large(f"The document's text is longer than the limit of {self.max_chars} characters.")

    # -- blocks ----------------------------------------------------------------------------
    # Children are walked with plain iteration and compared by tag in Python: lxml's tag-filtered
    # iterators cost more to set up than a cell or a paragraph costs to read.

    def block_elements(self, parent, out: list) -> list:
        """The paragraphs and tables under a body, cell or text box, in order, looking through
        content controls, custom XML and tracked insertions."""
        P, TBL, WRAPPERS = self.P, self.TBL, self.WRAPPERS
        for child in parent:
            tag = child.tag
            if tag == P or tag == TBL:
                out.append(child)
            elif tag in WRAPPERS:
                self.block_elements(child, out)
        return out

    def blocks(self, parent, depth: int):
        """Paragraphs and tables as lines, read and written one at a time, so that the text
        limit stops a long document early."""
        P, TBL, WRAPPERS = self.P, self.TBL, self.WRAPPERS
        for child in parent:
            tag = child.tag
            if tag == P:
                self.paragraph(child, depth)
            elif tag == TBL:
                self.table(child, depth)
            elif tag in WRAPPERS:
                self.blocks(child, depth)

    def paragraph(self, p, depth: int):
        text = self.text(p)
        if "\n" in text:
            for line in text.split("\n"):
                self.emit(line)
        else:
            self.emit(text)
        if self.boxes and p in self.boxes:
            for box in self.boxes[p]:
                self.blocks(box, depth + 1)

    def text(self, p) -> str:
        """A paragraph's visible text: its runs in order, inside hyperlinks, fields, smart tags
        and content controls too; a tab is "\t" and a line break "\n"."""
        T, SPECIAL = self.T, self.SPECIAL
        out = []
        for element in p.iter():
            tag = element.tag
            if tag == T:
                out.append(element.text or "")
            elif tag in SPECIAL:
                out.append(SPECIAL[tag])
        return "".join(out)

    # -- tables ----------------------------------------------------------------------------

    def int_val(self, element, default: int) -> int:
        try:
            return max(0, min(int(element.get(self.VAL, default)), MAX_SPAN))
        except (TypeError, ValueError):
            return default

    def children(self, parent, tag):
        """Rows of a table or cells of a row, also those wrapped in content controls."""
        WRAPPERS = self.WRAPPERS
        for child in parent:
            if child.tag == tag:
                yield child
            elif child.tag in WRAPPERS:
                yield from self.children(child, tag)

    def read_cell(self, tc) -> list:
        """[span, vMerge, hMerge, paragraph texts, nested tables, the w:tc] in one pass."""
        cell = [1, None, None, [], [], tc]
        P, TBL = self.P, self.TBL
        for child in tc:
            tag = child.tag
            if tag == P:
                self.cell_paragraph(child, cell)
            elif tag == TBL:
                cell[4].append(child)
            elif tag == self.TCPR:
                for prop in child:
                    tag = prop.tag
                    if tag == self.GRID_SPAN:
                        cell[0] = max(1, self.int_val(prop, 1))
                    elif tag == self.VMERGE:
                        cell[1] = prop.get(self.VAL, "continue")
                    elif tag == self.HMERGE:
                        cell[2] = prop.get(self.VAL, "continue")
            elif tag in self.WRAPPERS:
                for block in self.block_elements(child, []):
                    if block.tag == P:
                        self.cell_paragraph(block, cell)
                    else:
                        cell[4].append(block)
        return cell

    def cell_paragraph(self, p, cell: list):
        cell[3].append(self.text(p))
        if self.boxes and p in self.boxes:
            for box in self.boxes[p]:
                for block in self.block_elements(box, []):
                    if block.tag == self.P:
                        self.cell_paragraph(block, cell)
                    else:
                        cell[4].append(block)

    @staticmethod
    def cell_text(paragraphs: list) -> str:
        """A cell's paragraphs as one label on one line, without the separator: joined with
        nothing (a wrapped label stays one), line breaks dropped, white space collapsed."""
        text = "".join(paragraphs)
        if "\n" in text:
            text = text.replace("\n", "")
        if "|" in text or "｜" in text:
            text = text.replace("|", "/").replace("｜", "/")
        return " ".join(text.split())

    @staticmethod
    def row_cells(slots: list) -> list:
        """The texts of a row's grid columns. A row of labels keeps its fillers, so that header
        cells stay on the grid; a row holding a number leaves them out, so that each value stands
        next to the one before it, as in the HTML reader: Word splits a grid column wherever a
        border of some row does not line up (LibreOffice's 自然人 over two grid columns while
        the 商业企业 below it starts in the second one), and a filler between two numbers would
        be read as a blank cell the report never printed, moving every value after it."""
        if any(not filler and NUMBER_RE.match(text) for text, filler in slots):
            return [text for text, filler in slots if not filler]
        return [text for text, _ in slots]

    def table(self, tbl, depth: int):
        if depth >= MAX_TABLE_DEPTH:
            raise _fail(f"The tables are nested more than {MAX_TABLE_DEPTH} deep.")
        # a table none of whose rows has two cells is a frame around text (usually the first
        # row says it is not)
        one_column = all(next(islice(self.children(tr, self.TC), 1, None), None) is None
                         for tr in self.children(tbl, self.TR))
        above = {}                                  # grid column → text of the cell there
        for tr in self.children(tbl, self.TR):
            before = after = 0
            for child in tr:
                if child.tag == self.TRPR:
                    for prop in child:
                        if prop.tag == self.GRID_BEFORE:
                            before = self.int_val(prop, 0)
                        elif prop.tag == self.GRID_AFTER:
                            after = self.int_val(prop, 0)
            cells = [self.read_cell(tc) for tc in self.children(tr, self.TC)]
            if len(cells) == 1 and (one_column or cells[0][4]):
                # a frame around text (a one-column table, or a lone cell holding a table):
                # its paragraphs and tables as lines of their own
                self.blocks(cells[0][5], depth + 1)
                above = {}
                continue
            # the row on the table grid: (text, filler) per grid column; a filler is a grid
            # column with no cell of its own (gridBefore/gridAfter, the rest of a gridSpan, a
            # legacy hMerge continuation)
            slots, later, column, current = [("", True)] * before, [], before, {}
            room = self.max_chars - self.size - 3 * (before + after)
            for span, vmerge, hmerge, paragraphs, tables, _ in cells:
                if hmerge is not None and hmerge != "restart":
                    text, filler = "", True
                elif vmerge is not None and vmerge != "restart":
                    # a row-spanning label repeats; a row-spanning number counts once, so the
                    # rows below it hold an empty cell there (never a copy of the number)
                    text, filler = above.get(column, ""), False
                else:
                    text, filler = self.cell_text(paragraphs), False
                later.extend(tables)
                current[column] = "" if NUMBER_RE.match(text) else text
                room -= len(text) + 3 * span        # a repeated label must not build a huge row
                if room < 0:
                    raise self.too_long()
                slots.append((text, filler))
                if span > 1:
                    slots.extend([("", True)] * (span - 1))
                column += span
            if after:
                slots.extend([("", True)] * after)
            above = current
            line = self.row_cells(slots)
            self.emit(" | ".join(line))
            for nested in later:
                self.table(nested, depth + 1)


def docx_to_text(data: bytes, limits: Limits = Limits()) -> str:
    data = bytes(data)
    info = _open_zip(data, limits)
    xml = _read_member(data, info, limits)
    root = _parse_xml(xml, limits)
    namespace = etree.QName(root).namespace if isinstance(root.tag, str) else None
    if namespace not in NAMESPACES or etree.QName(root).localname != "document":
        raise _fail(f"{DOCUMENT_PART} is not a WordprocessingML document.")
    body = root.find("{%s}body" % namespace)
    if body is None:
        raise _fail(f"{DOCUMENT_PART} has no body.")
    walker = _Walker(namespace, limits.max_chars)
    walker.prepare(body)
    walker.blocks(body, 0)
    return "\n".join(walker.lines)
