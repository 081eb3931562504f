"""The report parser: a plain library (no Flask, no environment, no I/O).

    from service.parsing import parse_report
    result = parse_report(text)     # a JSON-ready dict, see RESULT_SHAPE below

RESULT_SHAPE (every key always present; values may be null):

    {
      "schema_version": "1.2",
      "parser": {"name": "gov-report-parser", "version": "0.4.0"},
      "report": {
        "title": str | None,            # the title line(s) as written (white space collapsed)
        "organization": str | None,     # the body as named in the title
        "year": int | None,             # the year covered
        "template": "2019" | "2021" | None,
        "published_on": "YYYY-MM-DD" | None,
        "contacts": {"address": str|None, "postcode": str|None, "phone": str|None,
                     "fax": str|None, "email": str|None}
      },
      "sections": [
        {"number": "一", "title": "总体情况", "kind": str | None,   # kinds: fields.json section_kinds
         "line": int, "end_line": int,                              # 1-based input lines, inclusive
         "inferred": bool,                                          # heading missing in the text
         "text": str,                                               # the section's full text
         "subheadings": [{"number": "（一）", "title": str, "line": int}]}
      ],
      "tables": {
        "active_disclosure": None | {"line": int, "end_line": int, "rows": {row: {column: number|None}}},
        "applications":      None | {...same...},
        "reviews_and_lawsuits": None | {...same...}
      },
      "provenance": {path: {"method": "digit_split" | "table_order" | "printed_layout" | "segment_order",
                             "printed": str, "line": int | None,
                             "readings": int, "identities": [rule id, ...]}},   # recovered cells only
      "warnings": [
        {"code": str, "message": str, "table": str|None, "row": str|None,
         "column": str|None, "section": str|None, "line": int|None}
      ],
      "checks": []           # empty here: the checks are the next stage (service.documents.parse_report
                             # runs read -> recover -> check; shape in service/checks/__init__.py)
    }
"""

from service.parsing.report import parse_report, looks_like_report  # noqa: F401
