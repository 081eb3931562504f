"""GET /docs in a real headless Chromium against the real gunicorn process: Swagger UI must
render every operation from local files only (this machine has no route to any CDN, so a page
that fetched its script from one would render nothing).

Skipped when no Chromium is installed (`apt-get install chromium`; .ci/run installs it).
"""

import shutil
import subprocess
import tempfile

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
CHROMIUM = next((path for path in map(shutil.which, BROWSERS) if path), None)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--virtual-time-budget=15000"]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed")


def rendered_dom(url):
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
                              capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_swagger_ui_renders_every_operation_offline(gunicorn_url):
    dom = rendered_dom(gunicorn_url + "/docs")
    for path in ("/parse", "/compare", "/health", "/version"):
        assert f'data-path="{path}"' in dom, path
    assert "gov-report-parser" in dom
