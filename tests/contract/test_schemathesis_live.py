"""Schemathesis from outside: every operation of openapi.yaml fuzzed against a real gunicorn
process (the shipped gunicorn.conf.py, over loopback HTTP), with every check on. This is how
a client sees the service; it found what the in-process run could not (an empty text/plain
body refused although the spec allowed it, a batch upload without a `file` part, a batch
document with an unknown field or null answered in the 200 although the spec forbade it).

A schema-valid /parse body may still be refused for what it holds, by design: bytes that are
no text in any charset (400 invalid-encoding), a page or Word file that cannot be read (422
invalid-document), a text that is not a report (422 not-a-report); and a multipart `file` part
of /parse or /parse/batch sent without a filename is a form field, which werkzeug decodes as
text, so it is refused (422, "send it with a filename"; OpenAPI cannot say that a part needs a
filename, and schemathesis sends array items without one). For /parse and /parse/batch
schemathesis's positive_data_acceptance is replaced by the stricter check below, which allows
exactly those refusals and no other (an empty-body 400, or a validation-error 422 for anything
else, fails it). /compare keeps positive_data_acceptance off as in the in-process run (a side that
is no report is a 422 by design; integer fields written as 2023.0 are refused too, which the
spec does not say yet). Bounded: a fixed seed and 30 examples per operation and phase, some
300 requests, about 15 s on the 2-core development machine. The .docx and HTML bodies are the
in-process run's strategies.
"""

from pathlib import Path

import schemathesis
from schemathesis.generation import GenerationMode

import tests.contract.test_schemathesis  # noqa: F401 - registers the .docx and HTML body strategies

OPENAPI_FILE = Path(__file__).resolve().parents[2] / "openapi.yaml"
EXAMPLES = 30
# What a schema-valid body may still be refused for: its content, never its shape.
CONTENT_REFUSALS = {"invalid-encoding", "invalid-document", "not-a-report"}

# A request the spec rules out may be refused with any 4xx the service documents, 413 included
# (more documents than MAX_BATCH_DOCUMENTS, the spec's maxItems): schemathesis's default list
# leaves 413 out.
REJECTIONS = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429", "5xx"]

CONFIG = schemathesis.Config.from_dict({
    "seed": 20261204,
    "generation": {"max-examples": EXAMPLES},
    "phases": {"stateful": {"enabled": False}},
    "checks": {"negative_data_rejection": {"expected-statuses": REJECTIONS}},
    "operations": [
        {"include-path": "/parse", "checks": {"positive_data_acceptance": {"enabled": False}}},
        {"include-path": "/parse/batch", "checks": {"positive_data_acceptance": {"enabled": False}}},
        {"include-path": "/compare", "checks": {"positive_data_acceptance": {"enabled": False}},
         # /compare's sides may be whole parse results: thousands of boundary cases
         "phases": {"coverage": {"enabled": False}}},
        # /export: a document that gives both a result and a problem is refused (422 "give either a
        # result or a problem"), which the generated spec does not say (no oneOf over required fields)
        {"include-path": "/export", "checks": {"positive_data_acceptance": {"enabled": False}}},
    ],
})

schema = schemathesis.openapi.from_path(OPENAPI_FILE, config=CONFIG)


def refused_only_for_its_content(ctx, response, case):
    """A schema-valid request is answered 2xx, or refused for its content (CONTENT_REFUSALS), or
    for a file part sent without a filename."""
    if case.meta is None or case.meta.generation.mode != GenerationMode.POSITIVE or response.status_code < 400:
        return None
    problem = response.json()
    slug = str(problem.get("type", "")).rsplit("/", 1)[-1]
    errors = problem.get("errors") or [{}]
    without_filename = slug == "validation-error" and "not a file part" in str(errors[0].get("detail"))
    if slug not in CONTENT_REFUSALS and not without_filename:
        raise AssertionError(f"a schema-valid request was refused with {response.status_code} {slug}: "
                             "the spec does not say what the service checks")
    return None


@schema.parametrize()
def test_the_live_server_conforms_to_its_spec(case, gunicorn_url):
    extra = [refused_only_for_its_content] if case.path in ("/parse", "/parse/batch") else []
    case.call_and_validate(base_url=gunicorn_url, additional_checks=extra, timeout=30)
