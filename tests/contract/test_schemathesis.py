"""Schemathesis fuzzes every operation of openapi.yaml against the app in-process (WSGI): no 5xx,
and every answer (status, content type, headers, body) conforms to the spec.

It runs in the normal suite (no marker, no opt-in: CI runs it with everything else; `-k "not
schemathesis"` leaves it out locally). Bounded to fit CI: a fixed seed, 50 examples per operation
and phase (150 for /parse, which takes five media types), no coverage phase for /compare (whose
sides may be whole parse results: some 8 000 boundary cases): about 260 requests, 7 s on the
2-core development machine. Bodies of the media types schemathesis cannot make by itself come
from strategies registered below: real .docx files, corpus HTML pages and a corpus PDF, mixed with garbage.
"""

import io
from pathlib import Path

import schemathesis
from docx import Document
from hypothesis import strategies as st

from conftest import CORPUS_DIRS, corpus_text
from service.app import create_app
from service.formats import DOCX

OPENAPI_FILE = Path(__file__).resolve().parents[2] / "openapi.yaml"
MAX_EXAMPLES = 50          # per operation and phase; /parse, with five media types, gets more
PARSE_EXAMPLES = 150

# A request the spec rules out may be refused with any 4xx the service documents, 413 included
# (more documents than MAX_BATCH_DOCUMENTS, the spec's maxItems): schemathesis's default list
# leaves 413 out.
REJECTIONS = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429", "5xx"]

CONFIG = schemathesis.Config.from_dict({
    "seed": 20261122,
    "generation": {"max-examples": MAX_EXAMPLES},
    "phases": {"stateful": {"enabled": False}},
    "checks": {
        # A body that matches the schema but is not a report is a 422 not-a-report by design.
        "positive_data_acceptance": {"enabled": False},
        "negative_data_rejection": {"expected-statuses": REJECTIONS},
    },
    # The coverage phase walks every boundary of every field: for /compare, whose sides may be
    # whole parse results, that is some 8 000 requests. Fuzzing and the examples cover it.
    "operations": [
        {"include-path": "/compare", "phases": {"coverage": {"enabled": False}}},
        {"include-path": "/parse", "generation": {"max-examples": PARSE_EXAMPLES}},
    ],
})


def small_docx(paragraphs) -> bytes:
    document = Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


REPORT_LINES = [line for doc in CORPUS_DIRS[:4] for line in corpus_text(doc).splitlines()[:40]] or ["一、总体情况"]
DOCX_SAMPLES = [small_docx(REPORT_LINES[:80]), small_docx(["一、总体情况", "hello"])]
HTML_PAGES = [(doc / "source.html").read_bytes() for doc in CORPUS_DIRS if (doc / "source.html").is_file()][:2]

docx_bodies = st.one_of(
    st.sampled_from(DOCX_SAMPLES),
    st.lists(st.sampled_from(REPORT_LINES), max_size=30).map(small_docx),
    st.binary(min_size=1, max_size=2000),          # the spec says minLength 1: an empty body is a 400
    st.binary(max_size=2000).map(lambda data: b"PK\x03\x04" + data),
)
html_bodies = st.one_of(
    st.sampled_from(HTML_PAGES or [b"<p>hello</p>"]),
    st.lists(st.sampled_from(REPORT_LINES), max_size=30).map(
        lambda lines: ("<html><body>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>").encode()),
    st.text(max_size=500).map(lambda text: f"<div>{text}</div>".encode("utf-8", "surrogatepass")),
    st.binary(min_size=1, max_size=2000),
)
PDF_SAMPLES = sorted(pdf for doc in CORPUS_DIRS for pdf in doc.glob("source*.pdf"))[:1]
pdf_bodies = st.one_of(
    st.sampled_from([path.read_bytes() for path in PDF_SAMPLES] or [b"%PDF-1.7\n"]),
    st.binary(min_size=1, max_size=2000),
    st.binary(max_size=2000).map(lambda data: b"%PDF-1.7\n" + data),
)
schemathesis.openapi.media_type(DOCX, docx_bodies)
schemathesis.openapi.media_type("application/pdf", pdf_bodies)
schemathesis.openapi.media_type("text/html", html_bodies)

APP = create_app({"TESTING": True})
schema = schemathesis.openapi.from_path(OPENAPI_FILE, config=CONFIG)
schema.app = APP


@schema.parametrize()
def test_the_api_conforms_to_its_spec(case):
    case.call_and_validate()
