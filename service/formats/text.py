"""Bytes → text: an explicit charset is honoured; without one, a BOM (UTF-8, UTF-16), else UTF-8,
else GB18030 (which covers GBK and GB2312). Never replaces a character: bytes that do not
decode are an `invalid-encoding` error giving the byte offset."""

import codecs

from service.formats import FormatError

BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
ALLOWED = {"utf-8", "utf8", "gb18030", "gbk", "gb2312", "big5", "utf-16", "utf-16-le", "utf-16-be",
           "utf-16le", "utf-16be", "ascii", "us-ascii", "iso-8859-1", "latin-1", "latin1"}


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise FormatError("invalid-encoding", f"the bytes are not valid {encoding} at byte offset {error.start}")


def decode_text(data: bytes, charset=None) -> tuple:
    """(text, encoding used)."""
    if charset:
        name = charset.strip().lower()
        if name not in ALLOWED:
            raise FormatError("unsupported-charset", f"charset {charset!r} is not supported")
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            raise FormatError("unsupported-charset", f"charset {charset!r} is not supported")
        if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8):]        # utf-16 strips its own BOM
        return _decode(data, codec), codec
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _decode(data[len(bom):], codec), codec
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        raise FormatError("invalid-encoding", "the bytes are neither UTF-8 (first bad byte at offset "
                                              f"{utf8_error.start}) nor GB18030, and no charset was given")
