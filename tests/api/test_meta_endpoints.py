"""GET /health, /version, /openapi.json and /docs (Swagger UI served from local files)."""

import re

from service import SCHEMA_VERSION, __version__


def test_health(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.get_json() == {"status": "ok"}


def test_version(client):
    response = client.get("/version")
    assert response.status_code == 200
    assert response.get_json() == {"name": "gov-report-parser", "version": __version__,
                                   "schema_version": SCHEMA_VERSION, "templates": ["2019", "2021"]}


def test_openapi_json_is_served(client):
    response = client.get("/openapi.json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.get_json()["info"]["version"] == __version__


def test_docs_page_uses_local_assets_only(client):
    response = client.get("/docs")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert "/openapi.json" in html
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets and all(a.startswith("/docs/") for a in assets), assets
    absolute_urls = re.findall(r"https?://[^\s\"'<>]+", html)
    assert all(url.startswith("http://localhost/") for url in absolute_urls), absolute_urls
    for asset in assets:
        assert client.get(asset).status_code == 200, asset


def test_docs_with_trailing_slash(client):
    assert client.get("/docs/").status_code == 200


def test_json_keeps_chinese_and_key_order(app):
    with app.app_context():
        response = app.json.response({"b": "主动公开", "a": 1})
    assert response.get_data() == '{"b":"主动公开","a":1}'.encode()
