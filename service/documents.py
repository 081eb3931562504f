"""One document, from what the user sent to its parse result: the work behind POST /parse, each
document of POST /parse/batch and each file of the command line. A plain library (no Flask).

    read_document(data, media_type, charset=None, limits=Limits(), filename=None) -> Submission
    text_document(text, limits=Limits(), media_type=..., encoding=...)          -> Submission
    parse_submission(submission, only_failures=False)                            -> result
    parse_report(text)                                                           -> result

A result is parse_report's dictionary plus `input` (how the document arrived). Anything that
goes wrong is a ProblemError whose problem type says what (invalid-encoding, unsupported-charset,
unsupported-media-type, payload-too-large, invalid-document, not-a-report).
"""

import bisect
from dataclasses import dataclass

from service.checks import CheckContext, run_checks, select_checks
from service.formats import FormatError, Limits, extract_text, sniff_media_type
from service.parsing import looks_like_report
from service.parsing.recovery import recover
from service.parsing.report import read_report
from service.problem_types import BY_SLUG, ProblemError, ProblemType

APPLICATION_JSON = "application/json"
OCTET_STREAM = "application/octet-stream"
MAX_DETAIL = 500
NOT_A_REPORT_DETAIL = ("Nothing of a government information disclosure annual report was recognised: "
                       "no title, no numbered section of a known kind and no statistical table.")


@dataclass(frozen=True)
class Submission:
    """The report text and how it arrived (the `input` of a result)."""

    text: str
    media_type: str
    encoding: str | None = None
    filename: str | None = None
    pages: int | None = None         # a PDF's page count
    page_lines: tuple = ()           # a PDF: the first line of each page in `text`

    @property
    def input(self):
        read = {"media_type": self.media_type, "encoding": self.encoding, "filename": self.filename}
        return read if self.pages is None else {**read, "pages": self.pages}

    def page_of(self, line):
        """The page (1-based) a line of the rebuilt text of a PDF is on."""
        return bisect.bisect_right(self.page_lines, line) if line else None


@dataclass(frozen=True)
class Upload:
    """A document that arrived as bytes, still to be read (in a parsing slot, service/parsing_slots.py)."""

    data: bytes
    media_type: str | None
    charset: str | None = None
    limits: Limits = Limits()
    filename: str | None = None


def read_document(data: bytes, media_type=None, charset=None, limits: Limits = Limits(),
                  filename=None) -> Submission:
    """The text of a document (plain text in any supported charset, HTML or .docx). A media type
    that is missing or application/octet-stream is sniffed from the bytes."""
    if media_type in (None, "", OCTET_STREAM):
        media_type = sniff_media_type(data)
    try:
        extracted = extract_text(data, media_type, charset, limits)
    except FormatError as error:
        problem_type = BY_SLUG.get(error.kind, ProblemType.INVALID_DOCUMENT)
        raise ProblemError(problem_type, cut(str(error.detail))) from None
    return Submission(extracted.text, extracted.media_type, extracted.encoding, filename, extracted.pages,
                      extracted.page_lines)


def text_document(text: str, limits: Limits = Limits(), media_type=APPLICATION_JSON, encoding="utf-8",
                  filename=None) -> Submission:
    """Text that arrived as text (a JSON string): only its length is checked."""
    if len(text) > limits.max_chars:
        raise ProblemError(ProblemType.PAYLOAD_TOO_LARGE, f"The text has {len(text)} characters; the limit is "
                                                          f"{limits.max_chars} characters (MAX_CHARS).")
    return Submission(text, media_type, encoding, filename)


def parse_report(text: str) -> dict:
    """The pipeline: read the report (service.parsing), recover its damaged tables by their
    arithmetic (parsing.recovery), then run the consistency checks on what was read
    (service.checks, which know which cells were recovered and with which identities)."""
    reading = recover(read_report(text))
    result = reading.output()
    context = CheckContext(doc=reading.doc, regions=reading.regions, cell_lines=reading.cell_lines,
                           warnings=reading.result["warnings"])
    return {**result, "checks": run_checks(result, context)}


def parse_submission(submission: Submission, only_failures=False) -> dict:
    """The parse result of a document, or not-a-report when nothing of a report was recognised."""
    result = parse_report(submission.text)
    if not looks_like_report(result):
        raise ProblemError(ProblemType.NOT_A_REPORT, NOT_A_REPORT_DETAIL)
    if submission.page_lines:
        add_pages(result, submission)
    return {**result, "input": submission.input, "checks": select_checks(result["checks"], only_failures)}


def add_pages(result: dict, submission: Submission):
    """A PDF's page beside every line of a warning and of a check's excerpts."""
    for warning in result["warnings"]:
        if warning.get("line"):
            warning["page"] = submission.page_of(warning["line"])
    for check in result["checks"]:
        for excerpt in check.get("excerpts") or ():
            excerpt["page"] = submission.page_of(excerpt["line"])


def cut(detail: str) -> str:
    return detail if len(detail) <= MAX_DETAIL else detail[:MAX_DETAIL] + "…"
