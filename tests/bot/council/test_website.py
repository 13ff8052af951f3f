"""website.yml: the sites that may embed the widget, the council's look (contrast checked), openings (bot/council/website.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli.commands import main
from bot.council import CouncilDataError, get_council, load_council
from bot.council.website import contrast_ratio
from tests.bot.council.test_council import broken_copy
from tests.conftest import reset_cached_state


def test_the_demo_council_lists_its_sites_and_passes_the_contrast_check() -> None:
    website = get_council().website
    assert website is not None
    assert website.allows("https://www.example-borough.gov.uk")
    assert not website.allows("https://www.example-borough.gov.uk.evil.example")
    assert website.look.colours.contrast_problem() is None


def test_without_website_yml_the_council_loads_and_no_other_site_is_allowed(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "website.yml", "site_origins:", "site_origins:")
    (folder / "website.yml").unlink()
    assert load_council(folder).website is None


def test_contrast_ratios_match_wcags_formula() -> None:
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast_ratio("#1d70b8", "#ffffff"), 2) == 5.17
    assert contrast_ratio("#777777", "#ffffff") < 4.5


def test_a_bins_page_offers_the_bin_openings_and_the_query_string_plays_no_part() -> None:
    website = get_council().website
    titles = [b["title"] for b in website.opening_buttons("/bins/missed?postcode=SE1") or []]
    assert titles == ["Report a missed bin", "When is my bin day?", "Book a bulky collection"]
    assert website.opening_buttons("/binsy") is not None  # /bins* is a prefix, as written
    assert website.opening_buttons("/parking") is None
    assert website.opening_buttons("/news?x=/bins") is None


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('brand_text: "#ffffff"', 'brand_text: "#8fb3d9"', r"brand_text \(#8fb3d9\) on brand"),
        ('link: "#1d70b8"', 'link: "#9a9a9a"', r"link \(#9a9a9a\) on background .* 4.5:1"),
        ('button: "#00703c"', 'button: "green"', "should be a colour written like #1d70b8"),
        ("  - https://beta.example-borough.gov.uk", "  - https://beta.example.gov.uk/", "origin"),
        ("  - https://beta.example-borough.gov.uk", "  - http://beta.example.gov.uk", "https"),
        ("payload: /check_bin_day", "payload: /bin_dayz", "should be an intent"),
        ("logo: logo.svg", "logo: crest.svg", "'crest.svg' is missing"),
        ("pages: /bins*", "pages: bins", "should be a page path"),
    ],
)
def test_a_mistake_in_website_yml_is_refused_and_named(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    folder = broken_copy(tmp_path, "website.yml", old, new)
    with pytest.raises(CouncilDataError, match=f"website.yml: .*{message}"):
        load_council(folder)


def test_check_council_refuses_a_theme_that_fails_contrast_naming_the_colour(
    sqlite_url, tmp_path, monkeypatch, capsys
) -> None:
    folder = broken_copy(tmp_path, "website.yml", 'text: "#0b0c0c"', 'text: "#bbbbbb"')
    monkeypatch.setenv("COUNCIL_DIR", str(folder))
    reset_cached_state()

    assert main(["check-council"]) == 1
    err = capsys.readouterr().err
    assert "look > colours > text (#bbbbbb) on background (#ffffff)" in err
    assert "4.5:1" in err
