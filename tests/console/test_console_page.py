"""GET / and its files through the app (no browser): the page, its assets from the package with a
strict Content-Security-Policy, and the layout the page draws the tables from."""

import re

from service.contract import FIELDS, TABLE_KEYS
from service.report_summary import ARITHMETIC_RULES, CELL_WARNING_CODES
from service.template_layout import layout


def test_the_page_and_its_assets(client):
    page = client.get("/")
    assert page.status_code == 200 and page.mimetype == "text/html"
    html = page.get_data(as_text=True)
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]
    assert "<script>" not in html and "http://" not in html and "https://" not in html  # nothing inline, no CDN
    assets = re.findall(r'(?:src|href)="(/console/[^"]+)"', html)
    assert sorted(assets) == ["/console/console.css", "/console/console.js"]
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200, asset
        assert "https://" not in response.get_data(as_text=True), asset
    assert 'accept=".txt,.htm,.html,.docx,.pdf' in html
    assert client.get("/console/nothing.js").status_code == 404


def test_layout_json_is_the_template_layout_and_the_summary_rules(client):
    config = client.get("/console/layout.json").get_json()
    for template in ("2019", "2021"):
        assert config["layouts"][template] == layout(template)
        assert list(config["layouts"][template]) == list(TABLE_KEYS)
    assert config["arithmetic_rules"] == list(ARITHMETIC_RULES)
    assert config["cell_warning_codes"] == list(CELL_WARNING_CODES)
    assert config["limits"]["max_documents"] == client.application.config["MAX_BATCH_DOCUMENTS"]


def test_the_2021_form_prints_its_own_labels():
    active = layout("2021")["active_disclosure"]["blocks"]
    assert [block["article"] for block in active] == ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项",
                                                       "第二十条第（八）项"]
    assert active[0]["rows"][1]["label"] == "行政规范性文件"
    assert layout("2019")["active_disclosure"]["blocks"][0]["rows"][1]["label"] == "规范性文件"
    rows = {row["key"]: row for row in layout("2021")["applications"]["rows"]}
    assert (rows["denied_state_secret"]["group"], rows["denied_state_secret"]["item"]) == ("（三）不予公开", "1.属于国家秘密")
    assert set(rows) == set(FIELDS["tables"]["applications"]["rows"])

