import pytest

from services.errors import ValidationError


def test_theme_mode_defaults_to_system_and_persists(services):
    assert services.settings.theme_mode() == "system"
    services.settings.set_theme_mode(mode="dark")
    assert services.settings.theme_mode() == "dark"


def test_unknown_theme_mode_is_refused(services):
    with pytest.raises(ValidationError) as err:
        services.settings.set_theme_mode(mode="purple")
    assert "theme_mode" in err.value.errors
    assert services.settings.theme_mode() == "system"


@pytest.mark.parametrize("value", ["", "😀🎉", "مرحبا", "'; DROP TABLE setting; --", "x" * 10000, {"a": [1, 2]}])
def test_odd_values_round_trip(services, value):
    services.settings.set("odd", value)
    assert services.settings.get("odd") == value
