"""Files as users have them, made from the corpus: .docx documents (python-docx) and zips."""

import io
import zipfile

from docx import Document

PIPE_SEPARATOR = set("-|: ")


def docx_from_text(text: str) -> bytes:
    """A Word document of a corpus text: its pipe-table lines (`a | b | c`, markdown separator
    rows skipped) become Word tables, every other line a paragraph (markdown ** dropped)."""
    document = Document()
    rows = []

    def flush():
        if rows:
            width = max(len(row) for row in rows)
            table = document.add_table(rows=len(rows), cols=width)
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            rows.clear()

    for line in text.splitlines():
        if "|" in line:
            if set(line) <= PIPE_SEPARATOR:
                continue
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            rows.append(cells)
            continue
        flush()
        document.add_paragraph(line.replace("**", ""))
    flush()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def uncompressed_size(data: bytes) -> int:
    """The total a zip declares its members expand to."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sum(info.file_size for info in archive.infolist())


def zip_of(members: dict, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def zip_bomb(expanded_bytes: int) -> bytes:
    """A .docx-looking zip whose document part expands to `expanded_bytes` of spaces."""
    return zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": b" " * expanded_bytes})
