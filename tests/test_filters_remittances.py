"""Filter models of the Remittances page: what each view's table holds, and how it is described. Every view reads
real rows copied into tests/fixtures/tables (listed in tests/fixtures/__init__.py): the country series, the 2021
bilateral estimates into Nepal, Sri Lanka and the Gulf, the cost of sending to Nepal, Sri Lanka's reported
remittances and 2022 departures, and the country groups. Only the ranking of senders still reads the shipped
bilateral estimates: it sums every sender's estimates into the whole region."""

import pandas as pd
import pytest

from data import load_remittance_corridors
from data.filters.remittances import (
    ChoroplethFilter,
    CostFilter,
    FlowMapFilter,
    RankingFilter,
    SriLankaFilter,
    TrendFilter,
    expand_places,
    largest_recipients,
    latest_corridor_costs,
    quarter_label,
    sender_choices,
    trend_choices,
)
from tests.fixtures import load_fixture


@pytest.fixture(scope="module")
def remittances() -> pd.DataFrame:
    return load_fixture("remittances")


@pytest.fixture(scope="module")
def corridors() -> pd.DataFrame:
    return load_fixture("remittance_corridors")


@pytest.fixture(scope="module")
def groups() -> pd.DataFrame:
    return load_fixture("country_groups")


def test_largest_recipients_are_wdi_2023_in_asia_and_the_pacific(countries, remittances):
    assert largest_recipients(remittances, countries) == ["IND", "PHL", "CHN", "PAK", "BGD"]


def test_trend_keeps_series_apart_and_in_the_chosen_order(names, remittances):
    filters = TrendFilter(("PHL", "IND"), "usd", include_knomad=True)
    table = filters.apply(remittances)
    assert list(dict.fromkeys(zip(table["iso3"], table["series"]))) == [
        ("PHL", "wdi"),
        ("PHL", "knomad_inflows"),
        ("IND", "wdi"),
        ("IND", "knomad_inflows"),
    ]
    assert table.groupby("series")["vintage"].nunique().eq(1).all()
    india_2023 = table[(table["iso3"] == "IND") & (table["year"] == 2023)].set_index("series")["value"]
    assert round(india_2023["wdi"] / 1e9, 2) == 119.53 and india_2023["knomad_inflows"] == 125e9
    assert filters.describe(names)[0] == "Countries: Philippines, India"
    assert "separate lines" in filters.describe(names)[2]


def test_trend_without_knomad_and_a_country_without_data(names, remittances):
    filters = TrendFilter(("NPL", "ARE"), "per_capita")
    table = filters.apply(remittances)
    assert set(table["series"]) == {"wdi"} and filters.countries_without_data(table) == ["ARE"]
    assert filters.describe(names)[2] == "Series: World Bank WDI only"


def test_trend_choices_include_asia_pacific_countries_without_data(countries, remittances):
    choices = trend_choices(remittances, countries)
    assert "ARE" in choices and "IND" in choices and choices.index("AFG") < choices.index("IND")
    assert "OOO" not in sender_choices(countries) and "KOR" in sender_choices(countries)


def test_ranking_recipients_and_senders_by_group(countries, names, remittances):
    filters = RankingFilter(2022, "usd", 2021, limit=5)
    recipients = filters.recipients(remittances, countries)
    assert recipients["iso3"].iloc[0] == "IND" and len(recipients) == 5
    assert recipients["year"].eq(2022).all()
    senders = filters.senders(load_remittance_corridors(), countries)
    assert senders["sender_iso3"].tolist() == ["USA", "SAU", "ARE", "RUS", "CAN"]
    assert senders["group"].tolist() == ["Elsewhere", "Gulf (GCC)", "Gulf (GCC)", "Elsewhere", "Elsewhere"]
    assert round(senders["usd_million"].iloc[0]) == 68_430
    assert senders["basis"].eq("modelled estimate").all()
    assert "modelled" in filters.describe(names)[1]


def test_flow_map_rows_have_both_ends_located(countries, names, corridors):
    arcs = FlowMapFilter(2021, "NPL", limit=3).apply(corridors, countries)
    assert arcs["sender_iso3"].tolist() == ["SAU", "MYS", "IND"] and arcs["receiver"].eq("Nepal").all()
    assert arcs[["source_lon", "source_lat", "target_lon", "target_lat"]].notna().all().all()
    assert FlowMapFilter(2021, "PRK").apply(corridors, countries).empty
    assert "into Nepal, 2021" in FlowMapFilter(2021, "NPL").describe(names)[0]


def test_choropleth_lists_every_asia_pacific_country_with_blank_for_no_data(countries, remittances):
    values = ChoroplethFilter(2023, "pct_gdp").apply(remittances, countries)
    assert len(values) == countries["is_asia_pacific"].sum()
    by_code = values.set_index("iso3")["value"]
    assert round(by_code["NPL"], 1) == 26.3 and pd.isna(by_code["ARE"])


def test_cost_filter_latest_quarters_and_missing_corridors(names):
    filters = CostFilter("NPL", ("KOR", "MYS", "QAT"))
    table = filters.apply(load_fixture("remittance_costs"))
    assert filters.senders_without_data(table) == ["KOR"]
    latest = latest_corridor_costs(table)
    assert latest["sender_iso3"].tolist() == ["MYS", "QAT"] and latest["period"].eq("2020Q3").all()
    assert latest.set_index("sender_iso3")["cost_pct"].round(2).to_dict() == {"MYS": 3.37, "QAT": 4.64}
    assert not latest["above_corridor_ceiling"].any() and latest["above_average_target"].all()
    assert "Republic of Korea" in filters.describe(names)[1]
    assert quarter_label("2020Q3") == "2020Q3 (July-September 2020)" and quarter_label("2019") == "2019"


def test_sri_lanka_rows_carry_their_own_source_and_shares_add_up(corridors):
    filters = SriLankaFilter(2022, 2021)
    table = filters.apply(load_fixture("remittances_by_sender"), load_fixture("labour_outflows"), corridors)
    assert set(table["source_id"]) == {"slbfe_2023_remittances", "slbfe_2022", "knomad_brm_2021"}
    assert table.groupby("measure")["share_pct"].sum().round(6).eq(100).all()
    departures = table[table["measure"] == "departures"].set_index("partner")["value"]
    assert departures["Kuwait"] == 79_123 and departures["UAE"] == 35_563
    assert departures.sum() == 311_056  # 'Other' holds every destination SLBFE lists beyond these
    modelled = table[table["measure"] == "modelled"]["value"].sum()
    assert round(modelled) == 5_522  # the 2021 matrix's inflow to Sri Lanka
    side = SriLankaFilter.side_by_side(table)
    assert side.columns.tolist()[:4] == ["partner", "partner_iso3", "reported_value", "reported_share_pct"]
    assert side["partner"].iloc[-1] == "Other"


def test_a_group_chosen_is_its_members_and_its_us_dollar_total_their_sum(remittances, groups):
    countries, chosen_groups = expand_places(["NPL", "gcc", "SAU"], groups)
    assert countries == ("NPL", "ARE", "BHR", "SAU", "KWT", "OMN", "QAT")  # each once, in the order chosen
    assert chosen_groups == (("gcc", ("ARE", "BHR", "SAU", "KWT", "OMN", "QAT")),)
    countries, chosen_groups = expand_places(["saarc"], groups)
    filters = TrendFilter(countries, "usd", include_knomad=True, groups=chosen_groups)
    table = filters.apply(remittances)
    totals = filters.group_totals(table)
    members = table[table["iso3"].isin(chosen_groups[0][1])].dropna(subset=["value"])
    assert len(members) and len(totals) == members.groupby(["series", "year"]).ngroups
    for (series, year), rows in members.groupby(["series", "year"]):
        total = totals[(totals["series"] == series) & (totals["year"] == year)].iloc[0]
        assert total["value"] == pytest.approx(rows["value"].sum()) and total["members_with_data"] == len(rows)
        assert total["members"] == 8 and total["iso3"] == "saarc"
    assert set(totals["series"]) == {"wdi", "knomad_inflows"}


def test_a_share_of_gdp_or_an_amount_per_person_is_never_summed_over_a_group(remittances, groups):
    countries, chosen_groups = expand_places(["saarc"], groups)
    for measure in ("pct_gdp", "per_capita"):
        filters = TrendFilter(countries, measure, groups=chosen_groups)
        table = filters.apply(remittances)
        assert table["value"].notna().any() and filters.group_totals(table).empty


def test_flow_map_into_a_group_draws_arcs_into_its_members_and_totals_every_sender(countries, corridors):
    members = ("ARE", "BHR", "SAU", "KWT", "OMN", "QAT")
    # Fewer arcs than the fixture's six estimates into the Gulf, so the total must count senders not drawn.
    filters = FlowMapFilter(2021, "gcc", limit=3, members=members)
    arcs = filters.apply(corridors, countries)
    assert len(arcs) == 3 and set(arcs["receiver_iso3"]) <= set(members)
    usd_million, with_data, of = filters.group_total(corridors, countries)
    assert usd_million > arcs["usd_million"].sum()
    rows = corridors[
        (corridors["year"] == 2021)
        & corridors["receiver_iso3"].isin(members)
        & (corridors["sender_iso3"] != corridors["receiver_iso3"])
    ]
    assert (
        usd_million == pytest.approx(rows["usd_million"].sum())
        and with_data == rows["receiver_iso3"].nunique() == 4  # no 2021 estimate into Bahrain or the UAE
        and of == 6
    )
    assert FlowMapFilter(2021, "NPL").group_total(corridors, countries) is None
