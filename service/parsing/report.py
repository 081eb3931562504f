"""parse_report: text in, the whole structured report out (see the package docstring)."""

from dataclasses import dataclass, field

from service import SCHEMA_VERSION, __version__
from service.parsing import metadata, tables
from service.parsing.codes import WarningCode, make_warning
from service.parsing.normalize import clean_original, has_noise, prepare, trim_lines
from service.parsing.recovery import recover
from service.parsing.sections import attach_subheadings, find_sections

PARSER_NAME = "gov-report-parser"
MAX_WARNINGS = 200
HEAD_CHARS = 6000         # the preamble with the contact details is read up to here
TAIL_CHARS = 3000         # the signature and date are looked for in the last characters only


def _report_metadata(doc, sections, warnings):
    title = metadata.find_title(doc)
    year = title["year"] or metadata.find_period_year(doc)
    tail = max(sections[-1].heading.start if sections else 0, len(doc.norm) - TAIL_CHARS)
    signature = metadata.find_signature(doc, tail, year)
    if title["title"] is None:
        warnings.append(make_warning(WarningCode.TITLE_NOT_FOUND, "no title line was found"))
    if year is None:
        warnings.append(make_warning(WarningCode.YEAR_NOT_FOUND, "the year covered was not found"))
    preamble_end = min(sections[0].heading.start if sections else len(doc.norm), HEAD_CHARS)
    contacts = metadata.find_contacts(doc.norm[:preamble_end])
    if not any(contacts.values()) and sections:
        contacts = metadata.find_contacts(doc.norm[max(sections[-1].heading.start, len(doc.norm) - TAIL_CHARS):])
    return {
        "title": title["title"],
        "organization": title["organization"] or signature["organization"],
        "year": year,
        "template": None,
        "published_on": signature["date"] or metadata.find_stated_date(doc),
        "contacts": contacts,
    }


@dataclass
class Reading:
    """A report as read, before recovery: the result and what later stages need to know."""

    result: dict                      # the result shape of the package docstring, warnings untruncated
    doc: object                       # normalize.Document
    regions: dict                     # {table: (start, end)} offsets, or None
    cell_lines: dict                  # {cell path: input line} of every cell read
    positional: dict = field(default_factory=dict)   # {table: {row: why}} rows read by position alone

    def output(self) -> dict:
        """The result with at most MAX_WARNINGS warnings (the rest counted in a last one)."""
        warnings = self.result["warnings"]
        if len(warnings) <= MAX_WARNINGS:
            return self.result
        left_out = len(warnings) - MAX_WARNINGS
        return {**self.result, "warnings": warnings[:MAX_WARNINGS] + [make_warning(
            WarningCode.WARNINGS_TRUNCATED, f"{left_out} more warnings were left out")]}


def _read_tables(doc, sections, year, warnings, cell_lines, positional):
    regions = tables.find_regions(doc.norm, sections)
    template = None
    if regions["active_disclosure"] or regions["applications"]:
        template, decided = tables.detect_template(doc, regions, year)
        if not decided:
            warnings.append(make_warning(
                WarningCode.TEMPLATE_UNKNOWN, "neither the tables' wording nor the year tells the template; "
                "read as the 2021 template"))
    result = {"active_disclosure": None, "applications": None, "reviews_and_lawsuits": None}
    if template is not None:
        if regions["active_disclosure"]:
            result["active_disclosure"] = tables.read_active_disclosure(
                doc, regions["active_disclosure"], template, warnings, cell_lines)
        if regions["applications"]:
            result["applications"] = tables.read_applications(
                doc, regions["applications"], template, warnings, cell_lines, positional)
        if regions["reviews_and_lawsuits"]:
            result["reviews_and_lawsuits"] = tables.read_reviews(
                doc, regions["reviews_and_lawsuits"], warnings, cell_lines, positional)
    for key, rows in result.items():
        if rows is not None:
            start, end = regions[key]
            result[key] = {"line": doc.line_no(start), "end_line": doc.line_no(max(start, end - 1)), "rows": rows}
        elif template and regions[key]:
            warnings.append(make_warning(WarningCode.UNREADABLE_TABLE, "no row of this table could be read",
                                         table=key, line=doc.line_no(regions[key][0])))
        elif template and any(s.heading.kind == key for s in sections):
            warnings.append(make_warning(WarningCode.TABLE_NOT_FOUND, "the report has no such table",
                                         table=key))
    return template, result, regions


def _sections_output(doc, sections):
    output = []
    original = doc.original
    # a section's text is a slice of the original: without a noise mark in the whole text,
    # none is in a section (clean_original's test, made once)
    noisy = has_noise(original)
    for section in sections:
        heading = section.heading
        start = heading.start
        text = original[start:section.end]
        output.append({
            "number": heading.number,
            "title": heading.title,
            "kind": heading.kind,
            "line": doc.line_no(start),
            "end_line": doc.line_no(max(start, section.end - 1)),
            "inferred": heading.inferred,
            "text": clean_original(text) if noisy else trim_lines(text),
            "subheadings": [
                {"number": f"（{number}）", "title": title, "line": doc.line_no(at)}
                for number, title, at in section.subheadings
            ],
        })
    return output


def read_report(text: str) -> Reading:
    """Read the raw text of one annual report: metadata, sections and the tables as printed.
    Tables whose text lost its shape are left for the recovery stage (recovery.recover)."""
    doc = prepare(text)
    warnings = []
    sections = find_sections(doc.norm)
    report = _report_metadata(doc, sections, warnings)
    cell_lines, positional = {}, {}
    template, table_result, regions = _read_tables(doc, sections, report["year"], warnings, cell_lines, positional)
    report["template"] = template
    excluded = [region for region in regions.values() if region]
    attach_subheadings(doc.norm, sections, excluded)
    for section in sections:
        if section.heading.inferred:
            warnings.append(make_warning(
                WarningCode.SECTION_HEADING_MISSING,
                f"heading {section.heading.number}、 is missing; inferred from the sub-heading "
                f"'{section.heading.title}'",
                section=section.heading.number, line=doc.line_no(section.heading.start)))
    result = {
        "schema_version": SCHEMA_VERSION,
        "parser": {"name": PARSER_NAME, "version": __version__},
        "report": report,
        "sections": _sections_output(doc, sections),
        "tables": table_result,
        "provenance": {},
        "warnings": warnings,
        "checks": [],
    }
    return Reading(result, doc, regions, cell_lines, positional)


def parse_report(text: str) -> dict:
    """Parse the raw text of one annual report into a JSON-ready dict: read, then recover the
    damaged tables by their arithmetic. `checks` stays empty: the consistency checks are the
    next stage (service.documents.parse_text runs all three)."""
    return recover(read_report(text)).output()


def looks_like_report(result: dict) -> bool:
    """True when anything of an annual report was recognised (title, a section or a table)."""
    return bool(
        result["report"]["title"]
        or any(section["kind"] for section in result["sections"])
        or any(table is not None for table in result["tables"].values())
    )
