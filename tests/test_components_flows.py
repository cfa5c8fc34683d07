"""Pure builders of the departures figures: arcs, ranked table, share sentences, coverage; and the filter model."""

import pandas as pd
import pytest

from components.flows import figures
from data import load, load_countries
from data.filters.departures import DeparturesFilter, period_choices, period_phrase

NAMES = {"LKA": "Sri Lanka", "SAU": "Saudi Arabia", "QAT": "Qatar", "BGD": "Bangladesh"}


@pytest.fixture(scope="module")
def outflows():
    return load("labour_outflows")


@pytest.fixture(scope="module")
def countries():
    return load_countries()


def test_arcs_start_at_the_origin_and_skip_groups(outflows, countries):
    ranking = DeparturesFilter("LKA", "2025").apply(outflows)
    arcs = figures.arc_frame(ranking, "LKA", countries, caption_basis="registrations", caption_period="calendar 2025")
    sri_lanka = countries.set_index("iso3").loc["LKA"]
    assert (arcs["source_lon"] == round(sri_lanka["lon"], 2)).all()
    assert len(arcs) <= (ranking["scope"] == "destination").sum() and len(arcs) > 10
    assert arcs["size"].is_monotonic_decreasing
    assert arcs["value_label"].iloc[0].endswith("of the total)") or "workers" in arcs["value_label"].iloc[0]
    deck = figures.departures_map(arcs)
    assert deck.map_provider is None, "no basemap, no tiles"


def test_a_registers_arcs_and_table_carry_shares_only(outflows, countries):
    shares = DeparturesFilter("BGD", "2023-06-04 to 2026-09-21").apply(outflows)
    arcs = figures.arc_frame(shares, "BGD", countries, caption_basis="clearances", caption_period="whole register")
    assert arcs["value_label"].iloc[0].endswith("of the register") and "workers" not in " ".join(arcs["value_label"])
    table = figures.ranking_table(shares, NAMES)
    assert list(table.columns) == ["rank", "destination", "share_of_register_pct"]
    assert table["share_of_register_pct"].iloc[0] == pytest.approx(57, abs=1)


def test_share_sentences_name_the_basis_and_the_whole_period(outflows):
    shares = DeparturesFilter("BGD", "2023-06-04 to 2026-09-21").apply(outflows)
    sentences = figures.share_sentences(shares, NAMES, limit=2)
    assert sentences[0] == "Of all clearances 4 Jun 2023-21 Sep 2026, 57% were to Saudi Arabia"
    assert len(sentences) == 2


def test_empty_ranking_gives_empty_tables(outflows, countries):
    empty = DeparturesFilter("THA", None).apply(outflows)
    assert empty.empty
    assert figures.ranking_table(empty, NAMES).empty
    assert figures.arc_frame(empty, "THA", countries, caption_basis="", caption_period="").empty


def test_coverage_table_keeps_gaps_in_years_visible():
    coverage = pd.DataFrame(
        {
            "origin_iso3": ["BGD"],
            "basis": ["clearances"],
            "years": [(2017, 2018, 2021, 2022, 2023)],
            "period_kinds": [("calendar_year", "cumulative")],
            "cumulative_registers": [("2023-06-04 to 2026-09-21",)],
            "destinations": [156],
            "has_totals": [True],
            "figures": [181],
        }
    )
    row = figures.coverage_table(coverage, NAMES).iloc[0]
    assert row["years"] == "2017-2018, 2021-2023"
    assert row["kinds_of_period"] == "calendar year, cumulative register (shares only)"
    assert row["basis"] == "emigration clearances" and row["origin"] == "Bangladesh"


def test_period_phrases_and_choices(outflows):
    assert period_phrase("calendar_year", "2025", "2025-01-01", "2025-12-31") == "calendar year 2025"
    assert period_phrase("cumulative", "x", "2023-06-04", "2026-09-21").startswith(
        "whole register 4 Jun 2023-21 Sep 2026"
    )
    assert period_choices(outflows, "LKA")[0] == "2025"
    assert period_choices(outflows, "THA") == []
    assert DeparturesFilter("LKA", "2025").caption(outflows, NAMES) == (
        "Sri Lanka: registrations of departing workers, calendar year 2025"
    )
