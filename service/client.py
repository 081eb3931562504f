"""A small client for the gov-report-parser service, built on requests (no Flask, no parser).

    from pathlib import Path
    from service.client import Client, ProblemError

    with Client("http://127.0.0.1:8000") as client:
        result = client.parse(Path("report.docx"))  # or a str, or bytes
        print(result["report"]["year"], [c["rule"] for c in result["checks"] if c["status"] == "fail"])

One `requests.Session` carries every call (keep-alive). A 503 and a failure to connect are
retried with exponential backoff (a 503's `Retry-After` is honoured, up to MAX_RETRY_AFTER s);
nothing else is: a read timeout, a dropped answer or any other status is never re-sent, so a
slow parse is not repeated. Every non-2xx answer raises `ProblemError` (the RFC 9457 problem);
a connection failure or a timeout raises `TransportError`. Exception messages come from the
server's problem or from requests' exception class, never from the document sent.
"""

import json
import os
from collections.abc import Mapping
from http import HTTPStatus
from pathlib import Path

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from service import __version__
from service.formats import MEDIA_TYPE_BY_SUFFIX

DEFAULT_URL = "http://127.0.0.1:8000"
UPLOAD_FIELD = "file"
OCTET_STREAM = "application/octet-stream"
MAX_RETRY_AFTER = 60  # seconds: a longer Retry-After is cut to this
MAX_DETAIL = 500  # characters of a non-problem error body kept as the synthesised detail
USER_AGENT = f"gov-report-parser-client/{__version__} {requests.utils.default_user_agent()}"


class ClientError(Exception):
    """Anything that went wrong calling the service."""


class TransportError(ClientError):
    """No answer: the connection failed or timed out (the requests exception is the __cause__)."""


class ProblemError(ClientError):
    """A non-2xx answer. `problem` is the RFC 9457 body (synthesised when the body was not one)."""

    def __init__(self, problem, response):
        self.problem = problem
        self.response = response
        self.status = response.status_code
        self.type = problem.get("type", "about:blank")
        self.title = problem.get("title") or response.reason or ""
        self.detail = problem.get("detail") or ""
        self.errors = problem.get("errors") or []
        super().__init__(f"{self.status} {self.title}: {self.detail}" if self.detail else f"{self.status} {self.title}")


class _Retry(Retry):
    # urllib3 also retries 413 and 429 when they carry Retry-After; this client retries 503 only.
    RETRY_AFTER_STATUS_CODES = frozenset({503})


class Client:
    """The service at `base_url`. Use it as a context manager, or call close().

    timeout: (connect, read) seconds for every call. retries: how many times a 503 or a failed
    connection is retried, waiting backoff_factor * 2**(n-1) s before the n-th retry after the
    first (urllib3's rule; a 503's Retry-After replaces it). session: a requests.Session of
    yours (the retrying adapter is mounted on it for base_url only; close() leaves it open).
    headers: extra headers sent on every call (e.g. an X-Request-ID or a gateway's token).
    """

    def __init__(self, base_url=DEFAULT_URL, *, timeout=(5.0, 60.0), retries=3, backoff_factor=0.5,
                 session=None, headers=None):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.headers = {"User-Agent": USER_AGENT, **(headers or {})}
        self._owns_session = session is None
        self.session = requests.Session() if session is None else session
        retry = _Retry(total=retries, connect=retries, status=retries, read=False, other=0,
                       status_forcelist=(503,), allowed_methods=None, backoff_factor=backoff_factor,
                       respect_retry_after_header=True, retry_after_max=MAX_RETRY_AFTER,
                       raise_on_status=False)
        self.session.mount(self.base_url + "/", HTTPAdapter(max_retries=retry))

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def close(self):
        """Close the session's connections (only when the client created the session)."""
        if self._owns_session:
            self.session.close()

    def parse(self, document, *, media_type=None, filename=None, only_failures=False) -> dict:
        """POST /parse: the parse result.

        document: a str (sent as UTF-8 with Content-Type `media_type or text/plain` plus
        `; charset=utf-8`, so media_type must have no parameters); bytes (sent as the body with
        Content-Type media_type, or without one as an upload the server sniffs); or an
        os.PathLike (a path given as a str is text, not a file name), uploaded with its file
        name and the media type of its suffix (.txt, .html/.htm, .docx, .pdf, else sniffed).
        filename: the upload's file name (`input.filename` in the result); with a str or with
        bytes and a media_type it makes the document go as an upload too.
        """
        response = self._post_document(document, media_type, filename, only_failures, "application/json")
        return _json(response)

    def parse_csv(self, document, *, media_type=None, filename=None, only_failures=False) -> str:
        """POST /parse with Accept: text/csv: the CSV as a str, the server's UTF-8 BOM stripped."""
        return _csv(self._post_document(document, media_type, filename, only_failures, "text/csv"))

    def parse_batch(self, documents, *, only_failures=False) -> dict:
        """POST /parse/batch: documents are (id, text) pairs or {"id": ..., "text": ...} dicts.

        The answer is 200 even when some documents fail: each item has a `result` or a `problem`.
        """
        return _json(self._post_batch(documents, only_failures, "application/json"))

    def parse_batch_csv(self, documents, *, only_failures=False) -> str:
        """POST /parse/batch with Accept: text/csv: the CSV as a str, the server's UTF-8 BOM stripped."""
        return _csv(self._post_batch(documents, only_failures, "text/csv"))

    def health(self) -> dict:
        """GET /health: {"status": "ok"}."""
        return _json(self._request("GET", "/health", headers={"Accept": "application/json"}))

    def version(self) -> dict:
        """GET /version: name, version, schema_version, templates."""
        return _json(self._request("GET", "/version", headers={"Accept": "application/json"}))

    def _post_document(self, document, media_type, filename, only_failures, accept):
        data, files, content_type = _document_body(document, media_type, filename)
        headers = {"Accept": accept}
        if content_type:
            headers["Content-Type"] = content_type
        return self._request("POST", "/parse", params=_query(only_failures), headers=headers, data=data, files=files)

    def _post_batch(self, documents, only_failures, accept):
        items = [dict(doc) if isinstance(doc, Mapping) else {"id": doc[0], "text": doc[1]} for doc in documents]
        body = json.dumps({"documents": items}, ensure_ascii=False).encode("utf-8")
        headers = {"Accept": accept, "Content-Type": "application/json"}
        return self._request("POST", "/parse/batch", params=_query(only_failures), headers=headers, data=body)

    def _request(self, method, path, *, params=None, headers=None, data=None, files=None):
        url = self.base_url + path
        try:
            response = self.session.request(method, url, params=params, headers={**self.headers, **headers},
                                            data=data, files=files, timeout=self.timeout, allow_redirects=False)
        except (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError) as exc:
            raise TransportError(f"{method} {url} failed: {type(exc).__name__}") from exc
        if not 200 <= response.status_code < 300:
            raise ProblemError(_problem(response), response)
        return response


def _document_body(document, media_type, filename):
    """(data, files, content_type) for requests: a body of bytes, or a multipart upload."""
    if isinstance(document, os.PathLike):
        path = Path(document)
        data = path.read_bytes()
        media_type = media_type or MEDIA_TYPE_BY_SUFFIX.get(path.suffix.lower(), OCTET_STREAM)
        filename = filename or path.name
    elif isinstance(document, str):
        data = document.encode("utf-8")
        media_type = f"{media_type or 'text/plain'}; charset=utf-8"
    elif isinstance(document, (bytes, bytearray, memoryview)):
        data = bytes(document)
        if media_type is None:
            media_type, filename = OCTET_STREAM, filename or "document"
    else:
        raise TypeError(f"document must be str, bytes or os.PathLike, not {type(document).__name__}")
    if filename is None:
        return data, None, media_type
    return None, {UPLOAD_FIELD: (filename, data, media_type)}, None


def _query(only_failures):
    return {"only_failures": "true"} if only_failures else None


def _json(response):
    try:
        return response.json()
    except ValueError as exc:
        content_type = response.headers.get("Content-Type", "none")
        raise ClientError(f"{response.status_code} answer is not JSON (Content-Type: {content_type})") from exc


def _csv(response):
    content_type = response.headers.get("Content-Type", "none")
    if not content_type.lower().startswith("text/csv"):
        raise ClientError(f"{response.status_code} answer is not CSV (Content-Type: {content_type})")
    return response.content.decode("utf-8-sig")


def _problem(response):
    """The RFC 9457 body of an error answer, or one made from its status when it has none."""
    media_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if media_type in ("application/problem+json", "application/json"):
        try:
            body = response.json()
        except ValueError:
            body = None
        if isinstance(body, dict):
            return body
    try:
        title = HTTPStatus(response.status_code).phrase
    except ValueError:
        title = response.reason or ""
    return {"type": "about:blank", "title": title, "status": response.status_code,
            "detail": response.text[:MAX_DETAIL]}
