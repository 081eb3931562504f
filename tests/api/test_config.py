"""Configuration: defaults < SERVICE_* environment < the mapping given to create_app."""

import pytest

from service.app import create_app


def test_environment_overrides_defaults(monkeypatch):
    monkeypatch.setenv("SERVICE_MAX_CONTENT_LENGTH", "1234")
    assert create_app().config["MAX_CONTENT_LENGTH"] == 1234


def test_explicit_config_overrides_environment(monkeypatch):
    monkeypatch.setenv("SERVICE_MAX_CONTENT_LENGTH", "1234")
    assert create_app({"MAX_CONTENT_LENGTH": 99}).config["MAX_CONTENT_LENGTH"] == 99


@pytest.mark.parametrize("value", [0, -1, "big", None, True])
def test_a_broken_limit_stops_the_boot(value):
    with pytest.raises(ValueError):
        create_app({"MAX_CONTENT_LENGTH": value})
