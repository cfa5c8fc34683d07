"""Agreement builders without Streamlit: table rows, map arcs and deck, timeline, downloads, escaping."""

import io
import json
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from components.agreements import figures as view
from components.agreements import render as agreement_render
from components.downloads import csv_bytes, excel_bytes
from components.maps import CATEGORICAL, arc_map, category_colours
from components.plain_text import WORD_JOINER, plain_markdown
from data import load_agreements, load_countries, load_sources
from data.agreements import DATE_NOT_RECORDED, with_country_names
from data.filters.agreements import AgreementFilters
from data.schemas import INSTRUMENT_TYPES


@pytest.fixture(scope="module")
def agreements() -> pd.DataFrame:
    return load_agreements()


@pytest.fixture(scope="module")
def countries() -> pd.DataFrame:
    return load_countries()


@pytest.fixture(scope="module")
def names(countries) -> dict[str, str]:
    return countries.set_index("iso3")["name"].to_dict()


@pytest.fixture(scope="module")
def sources() -> pd.DataFrame:
    return load_sources()


def test_table_rows_say_the_date_as_recorded_and_link_the_source(agreements, names, sources):
    frame = view.table_frame(agreements, names=names, sources=sources)
    assert list(frame.columns) == view.TABLE_COLUMNS
    assert len(frame) == 166 and (frame["signed"] == DATE_NOT_RECORDED).sum() == 35
    assert frame["source_url"].str.startswith("http").all()
    row = frame.set_index("agreement_id").loc["BLMA-KOR-NPL-2007-01"]
    assert (row["destination"], row["origin"], row["signed"]) == ("Republic of Korea", "Nepal", "23 Jul 2007")
    assert row["confidence"] == ["high"] and "WCMS_377395" in row["source_url"]
    undated = frame.set_index("agreement_id").loc["BLMA-KOR-CHN-ND-01"]
    assert pd.isna(undated["year_signed"]) and undated["date_signed"] is None
    assert set(agreement_render.table_column_config()) == set(view.TABLE_COLUMNS)


def test_arcs_count_every_agreement_once(agreements, countries):
    arcs = view.agreement_arcs(agreements, countries)
    assert arcs["agreements"].sum() == len(agreements)
    assert len(arcs) == agreements.groupby(["origin_iso3", "destination_iso3", "instrument_type"]).ngroups
    assert arcs[["source_lon", "source_lat", "target_lon", "target_lat"]].notna().all().all()
    vietnam_korea = arcs[(arcs["origin"] == "Viet Nam") & (arcs["destination"] == "Republic of Korea")]
    assert dict(zip(vietnam_korea["instrument_type"], vietnam_korea["agreements"])) == {
        "MOU": 1,
        "Renewal or extension": 4,
    }
    assert vietnam_korea["height"].nunique() == 2  # the two arcs between the same places are kept apart


def test_arcs_across_the_date_line_take_the_short_way(agreements, countries):
    arcs = view.agreement_arcs(agreements, countries)
    tonga = arcs[(arcs["origin"] == "Tonga") & (arcs["destination"] == "Australia")].iloc[0]
    assert abs(tonga["source_lon"] - tonga["target_lon"]) < 180
    assert (abs(arcs["source_lon"] - arcs["target_lon"]) <= 180).all()
    assert view.nearest_longitude(-175.0, 134.0) == 185.0 and view.nearest_longitude(90.0, 127.0) == 90.0


def test_colours_by_instrument_type_are_colour_blind_safe_and_fixed(agreements, countries):
    assert view.TYPE_COLOURS == {kind: list(colour) for kind, colour in zip(INSTRUMENT_TYPES, CATEGORICAL)}
    arcs = view.agreement_arcs(agreements, countries)
    assert all(colour == view.TYPE_COLOURS[kind] for kind, colour in zip(arcs["instrument_type"], arcs["colour"]))
    assert view.legend_items(agreements[agreements["instrument_type"] == "MOU"]) == [([0, 114, 178], "MOU")]
    with pytest.raises(ValueError):
        category_colours([str(number) for number in range(len(CATEGORICAL) + 1)])


def test_map_is_offline_small_and_drawn_in_pixels(agreements, countries):
    deck = json.loads(view.agreement_map(agreements, countries).to_json())
    assert len(view.agreement_map(agreements, countries).to_json()) < 60_000
    arcs = next(layer for layer in deck["layers"] if layer["@@type"] == "ArcLayer")
    assert arcs["widthUnits"] == "pixels"  # not "@@=pixels", which deck.gl would read as a data accessor
    assert arcs["getSourceColor"] == "@@=colour" and arcs["getHeight"] == "@@=height"
    assert deck["layers"][0]["data"] == "app/static/countries.geojson"
    assert "http" not in json.dumps(deck)


def test_arc_map_still_colours_by_value_without_a_colour_column():
    arcs = pd.DataFrame(
        {
            "source_lon": [0.0, 10.0],
            "source_lat": [0.0, 0.0],
            "target_lon": [20.0, 30.0],
            "target_lat": [5.0, 5.0],
            "stock": [10.0, 1000.0],
        }
    )
    layer = json.loads(arc_map(arcs, value_column="stock", tooltip_html="{stock}").to_json())["layers"][1]
    assert layer.get("getHeight", 1.0) == 1.0 and layer["data"][0]["colour"] != layer["data"][1]["colour"]


def test_timeline_places_dated_agreements_only(agreements, names):
    points = view.timeline_points(agreements, names=names)
    dated = agreements["year_signed"].notna()
    assert points["count"].sum() == dated.sum() == 131
    japan_2019 = points[(points["destination"] == "Japan") & (points["year"] == 2019)]
    assert japan_2019["count"].tolist() == [11] and "Philippines (19 Mar 2019)" in japan_2019["text"].iloc[0]
    year_only = points[(points["destination"] == "Republic of Korea") & (points["year"] == 2006)]
    assert "Pakistan (2006 (year only))" in year_only["text"].iloc[0]
    assert points.attrs["order"][-1] == "Japan"  # most agreements at the top


def test_timeline_figure_is_a_plain_scatter(agreements, names):
    figure = view.timeline_figure(agreements, names=names)
    assert [trace.type for trace in figure.data] == ["scatter"]  # never a geo trace (those fetch from a CDN)
    assert len(figure.data[0].x) == len(view.timeline_points(agreements, names=names))


def test_timeline_of_undated_rows_is_empty(agreements, names):
    undated = agreements[agreements["year_signed"].isna()]
    assert view.timeline_points(undated, names=names).empty
    assert len(view.timeline_figure(undated, names=names).data[0].x) == 0


def test_gap_rows_are_readable(names):
    gaps = pd.DataFrame(
        {
            "rank": [3],
            "orig_iso3": ["AFG"],
            "dest_iso3": ["IRN"],
            "year": [2024],
            "total": [100],
            "type_r": [1],
            "type_i": [0],
            "source_id": ["undesa_ims_2024"],
        }
    )
    frame = view.gaps_frame(gaps, names=names)
    assert frame.iloc[0].to_dict() == {
        "rank": 3,
        "origin": "Afghanistan",
        "destination": "Islamic Republic of Iran",
        "migrants": 100,
        "includes_refugees": True,
        "imputed": False,
    }


def test_downloads_carry_citations_filters_and_a_sources_sheet(agreements, names, sources):
    filters = AgreementFilters(countries=("NPL",))
    table = with_country_names(filters.apply(agreements), names)
    csv = pd.read_csv(io.BytesIO(csv_bytes(table, sources)), keep_default_na=False)
    assert len(csv) == 14 and {"citation", "licence", "origin", "destination"} <= set(csv.columns)
    assert csv["citation"].str.len().gt(0).all()
    workbook = pd.read_excel(
        io.BytesIO(excel_bytes(table, sources, title="Agreements", measure="m", filters=filters.describe(names=names))),
        sheet_name=None,
    )
    assert set(workbook["sources"]["source_id"]) == set(table["source_id"])
    assert "Countries: Nepal (NPL)" in set(workbook["about"]["value"])


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "$x$ and **bold** [link](http://x)", "a_b-c.d"])
def test_free_text_is_shown_literally(text):
    escaped = plain_markdown(text)
    assert re.search(r"(?<!\\)[$*<>\[\]_.-]", escaped) is None  # every special character is escaped
    assert escaped.replace("\\", "").replace(WORD_JOINER, "") == text


def corridor_list_app():
    """What the Corridors page does for a corridor's detail: its agreements from the data API, then the list."""
    import streamlit as st

    from components.agreements.render import render_agreement_list
    from data import agreements_between, load_agreements, load_sources

    origin, destination = st.session_state.get("corridor", ("VNM", "KOR"))
    render_agreement_list(
        agreements_between(load_agreements(), origin, destination), load_sources(), key="corridor_agreements"
    )


def test_corridor_agreement_list_for_the_corridors_page():
    app = AppTest.from_function(corridor_list_app, default_timeout=60).run()
    assert not app.exception
    listed = app.dataframe[0].value
    assert listed["signed"].tolist() == [
        "2008 (year only)",
        "2013 (month in notes)",
        "10 Apr 2015",
        "17 May 2017",
        "23 Mar 2018",
    ]
    assert listed["source_url"].str.startswith("http").all()
    app.session_state["corridor"] = ("IND", "USA")
    app.run()
    assert not app.dataframe and "partial inventory" in app.caption[0].value


def test_a_view_follows_its_filters_and_an_edited_table(tables_copy):
    nepal = AgreementFilters(countries=("NPL",))
    first = agreement_render.agreements_view(nepal)
    assert len(first.frame) == 14 and first.undated == 3 and first.timeline is not None and first.deck is not None
    assert list(first.download.columns[:5]) == [
        "agreement_id",
        "origin_iso3",
        "origin",
        "destination_iso3",
        "destination",
    ]
    table = tables_copy / "agreements.csv"
    lines = table.read_text(encoding="utf-8").splitlines(keepends=True)
    table.write_text("".join(line for line in lines if "BLMA-KOR-NPL-2007-01" not in line), encoding="utf-8")
    assert len(agreement_render.agreements_view(nepal).frame) == 13  # an edited table is read again
    undated_only = agreement_render.agreements_view(AgreementFilters(countries=("CHN",)))
    assert undated_only.timeline is None and undated_only.undated == len(undated_only.frame) == 2
    nothing = agreement_render.agreements_view(AgreementFilters(countries=("MUS",), instrument_types=("Protocol",)))
    assert nothing.frame.empty and nothing.deck is None and nothing.coverage.empty


def test_taiwans_arrangements_say_they_are_between_representative_offices(agreements, countries, names, sources):
    taiwan = agreements[agreements["destination_iso3"] == "TWN"]
    assert len(taiwan) == 6 and taiwan["parties_note"].str.contains("representative offices").all()
    frame = view.table_frame(agreements, names=names, sources=sources).set_index("agreement_id")
    assert "not an agreement between states" in frame.loc["BLMA-TWN-IDN-2018-01", "parties_note"]
    assert frame.loc["BLMA-KOR-NPL-2007-01", "parties_note"] == ""
    arcs = view.agreement_arcs(taiwan, countries)
    assert arcs["parties_note"].str.contains("representative offices").all()
    assert "{parties_note}" in view.agreement_map(taiwan, countries)._tooltip["html"]
    points = view.timeline_points(taiwan, names=names)
    assert points["text"].str.contains("representative offices").all()
