"""Bytes → text, never replacing a character: bytes that do not decode are an `invalid-encoding`
error giving the byte offset.

With a declared charset, that charset and nothing else (a leading BOM of it is dropped). Without
one: a BOM (UTF-8, UTF-16 LE/BE) decides; else UTF-8; else the Chinese legacy encodings
GB18030 (a superset of GBK and GB2312) and Big5. When the bytes are valid in both (short GBK
texts often are valid Big5 too), charset-normalizer says which reads as text; a tie goes to
GB18030, the encoding of the mainland reports this service reads.

The encoding returned is the codec actually used, as Python spells it (`utf-8`, `utf-16-le`,
`gb18030`, `gbk`, `big5`, ...).
"""

import codecs

from service.formats import FormatError

BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
BOM = "\ufeff"
# Codec names (as codecs.lookup() spells them) a declared charset may resolve to.
SUPPORTED_CHARSETS = ("utf-8", "gb18030", "gbk", "gb2312", "big5", "utf-16", "utf-16-le", "utf-16-be",
                      "ascii", "iso8859-1")
# Tried in this order when the bytes are not UTF-8 and no charset is declared.
LEGACY_ENCODINGS = ("gb18030", "big5")


def decode_text(data: bytes, charset=None) -> tuple:
    """(text, encoding used)."""
    if charset and charset.strip():
        return decode_declared(data, charset)
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _decode(data, codec).removeprefix(BOM), codec
    try:
        return data.decode("utf-8").removeprefix(BOM), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    decoded = {}
    for codec in LEGACY_ENCODINGS:
        try:
            decoded[codec] = data.decode(codec)
        except UnicodeDecodeError:
            pass
    if not decoded:
        raise FormatError("invalid-encoding", "The bytes are not UTF-8 (the first bad byte is at offset "
                                              f"{utf8_error.start}), nor GB18030 or Big5, and no charset was "
                                              "declared. Declare the right charset or fix the bytes.")
    codec = next(iter(decoded)) if len(decoded) == 1 else likeliest(data, decoded)
    return decoded[codec].removeprefix(BOM), codec


def decode_declared(data: bytes, charset: str) -> tuple:
    try:
        codec = codecs.lookup(charset.strip()).name
    except (LookupError, ValueError):
        codec = None
    if codec not in SUPPORTED_CHARSETS:
        raise FormatError("unsupported-charset", "The charset parameter names an unsupported character set. "
                                                 "Supported: " + ", ".join(SUPPORTED_CHARSETS) + ".")
    if codec == "utf-16":  # RFC 2781: the BOM says which; without one, big-endian
        codec = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
    return _decode(data, codec).removeprefix(BOM), codec


def likeliest(data: bytes, decoded: dict) -> str:
    """The legacy encoding charset-normalizer finds least chaotic; GB18030 unless another is
    strictly better."""
    from charset_normalizer import from_bytes

    chaos = {match.encoding: match.chaos for match in from_bytes(data, cp_isolation=list(decoded))}
    default = LEGACY_ENCODINGS[0]
    return min(decoded, key=lambda codec: (chaos.get(codec, float("inf")), codec != default))


def _decode(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise FormatError("invalid-encoding", f"The bytes are not valid {codec}: those at offset {error.start} "
                                              "cannot be decoded. Declare the right charset or fix the bytes.")
