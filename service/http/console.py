"""The web console at GET /: plain HTML, CSS and JavaScript from the package (no CDN, no build
step), for the people who check reports in a browser.

The page sends the reports to POST /parse/batch and keeps the answers in the page only (nothing
is stored on the server); downloads go through POST /export. GET /console/layout.json gives the
page what it must not guess: the tables as the national forms print them (service.template_layout),
the rules whose failures mean the tables do not add up and the warnings that leave cells unread
(service.report_summary, so that the page counts as the workbook does), and the batch limits.
"""

from flask import Blueprint, current_app, send_from_directory

from service import __version__
from service.contract import TEMPLATES
from service.report_summary import ARITHMETIC_RULES, CELL_WARNING_CODES, TABLE_WARNING_CODE
from service.template_layout import LAYOUT_TEMPLATES, layout

STATIC = "static/console"
# The page loads nothing from elsewhere, runs no inline script and cannot be framed.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                               "form-action 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

blp = Blueprint("console", __name__, static_folder=STATIC, static_url_path="/console")


@blp.after_request
def secure(response):
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


@blp.route("/")
def page():
    return send_from_directory(blp.static_folder, "index.html", mimetype="text/html", max_age=0)


@blp.route("/console/layout.json")
def layout_json():
    config = current_app.config
    return {
        "version": __version__,
        "templates": list(TEMPLATES),
        "layouts": {template: layout(template) for template in LAYOUT_TEMPLATES},
        "arithmetic_rules": list(ARITHMETIC_RULES),
        "cell_warning_codes": list(CELL_WARNING_CODES),
        "table_warning_code": TABLE_WARNING_CODE,
        "limits": {"max_documents": config["MAX_BATCH_DOCUMENTS"], "max_bytes": config["MAX_BATCH_BYTES"],
                   "max_upload_bytes": config["MAX_UPLOAD_BYTES"]},
    }
