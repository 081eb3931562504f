"""Top level of the parser (temporary stub while the stages are written)."""

from service import SCHEMA_VERSION, __version__

PARSER_NAME = "gov-report-parser"


def parse_report(text: str) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "parser": {"name": PARSER_NAME, "version": __version__},
        "report": {"title": None, "organization": None, "year": None, "template": None,
                   "published_on": None,
                   "contacts": {"address": None, "postcode": None, "phone": None, "fax": None, "email": None}},
        "sections": [],
        "tables": {"active_disclosure": None, "applications": None, "reviews_and_lawsuits": None},
        "warnings": [],
    }


def looks_like_report(result: dict) -> bool:
    """True when anything of an annual report was recognised (title, year, a section or a table)."""
    report = result["report"]
    return bool(
        report["title"] or report["year"] or result["sections"]
        or any(t is not None for t in result["tables"].values())
    )
