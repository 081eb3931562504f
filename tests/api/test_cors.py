"""CORS: off by default; with SERVICE_CORS_ORIGINS, preflights and answers to the listed origins
only, never a wildcard."""

import pytest

from service.app import create_app

ALLOWED = "https://reports.example.org"
OTHER = "https://evil.example"
CORS_HEADERS = ("Access-Control-Allow-Origin", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers",
                "Access-Control-Expose-Headers", "Access-Control-Max-Age", "Access-Control-Allow-Credentials")


@pytest.fixture
def cors_client():
    return create_app({"TESTING": True, "CORS_ORIGINS": f"{ALLOWED}, http://localhost:3000"}).test_client()


def preflight(client, origin, path="/parse", method="POST"):
    return client.options(path, headers={"Origin": origin, "Access-Control-Request-Method": method,
                                         "Access-Control-Request-Headers": "content-type"})


def no_cors_headers(response):
    return not any(name in response.headers for name in CORS_HEADERS)


# --- off by default ----------------------------------------------------------------------------

def test_off_by_default(client, monkeypatch):
    monkeypatch.delenv("SERVICE_CORS_ORIGINS", raising=False)
    assert client.application.config["CORS_ORIGINS"] == ()
    assert no_cors_headers(preflight(client, ALLOWED))
    response = client.post("/parse", data=b"hello", content_type="text/plain", headers={"Origin": ALLOWED})
    assert no_cors_headers(response)
    assert "Origin" not in response.headers.get("Vary", "")


# --- with an allowlist -------------------------------------------------------------------------

@pytest.mark.parametrize("origin", [ALLOWED, "http://localhost:3000", ALLOWED.upper()])
def test_a_preflight_from_an_allowed_origin(cors_client, origin):
    response = preflight(cors_client, origin)
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == origin
    assert response.headers["Access-Control-Allow-Methods"] == "POST"
    assert "Content-Type" in response.headers["Access-Control-Allow-Headers"]
    assert int(response.headers["Access-Control-Max-Age"]) > 0
    assert "Origin" in response.headers["Vary"]
    assert response.get_data() == b""


def test_a_preflight_from_another_origin_gets_no_cors_headers(cors_client):
    response = preflight(cors_client, OTHER)
    assert response.status_code < 400
    assert no_cors_headers(response)


def test_a_preflight_to_an_unknown_path(cors_client, assert_problem):
    response = preflight(cors_client, ALLOWED, path="/nowhere")
    assert_problem(response, 404, "not-found")


@pytest.mark.parametrize("path, methods", [("/health", "GET"), ("/compare", "POST")])
def test_a_preflight_names_the_methods_of_its_path(cors_client, path, methods):
    assert preflight(cors_client, ALLOWED, path).headers["Access-Control-Allow-Methods"] == methods


def test_an_answer_to_an_allowed_origin(cors_client, sample_report):
    text, _ = sample_report
    response = cors_client.post("/parse", data=text.encode(), content_type="text/plain",
                                headers={"Origin": ALLOWED})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == ALLOWED
    assert "X-Request-ID" in response.headers["Access-Control-Expose-Headers"]
    assert "Origin" in response.headers["Vary"]


def test_an_error_to_an_allowed_origin_is_readable_too(cors_client, assert_problem):
    response = cors_client.post("/parse", data=b"", content_type="text/plain", headers={"Origin": ALLOWED})
    assert_problem(response, 400, "empty-body")
    assert response.headers["Access-Control-Allow-Origin"] == ALLOWED


@pytest.mark.parametrize("origin", [OTHER, "null", ALLOWED + ".evil.example", "http://reports.example.org",
                                    "https://reports.example.org:444"])
def test_an_answer_to_another_origin_has_no_allow_origin(cors_client, origin):
    response = cors_client.get("/health", headers={"Origin": origin})
    assert response.status_code == 200
    assert no_cors_headers(response)
    assert "Origin" in response.headers["Vary"]          # caches must not mix the answers


def test_no_origin_no_cors_headers(cors_client):
    assert no_cors_headers(cors_client.get("/health"))


# --- configuration -----------------------------------------------------------------------------

def test_the_allowlist_is_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("SERVICE_CORS_ORIGINS", "https://a.example, https://B.example:8443/")
    assert create_app().config["CORS_ORIGINS"] == ("https://a.example", "https://b.example:8443")


def test_a_json_list_works_too(monkeypatch):
    monkeypatch.setenv("SERVICE_CORS_ORIGINS", '["https://a.example"]')
    assert create_app().config["CORS_ORIGINS"] == ("https://a.example",)


@pytest.mark.parametrize("value", ["*", "reports.example.org", "https://a.example/path", "ftp://a.example",
                                   "https://a.example,*", 5])
def test_a_broken_allowlist_stops_the_boot(value):
    with pytest.raises(ValueError, match="CORS_ORIGINS"):
        create_app({"CORS_ORIGINS": value})
