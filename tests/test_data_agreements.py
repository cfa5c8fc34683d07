"""Agreements and regional instruments: checked against the raw inventory, SOURCES.md and the ILO booklet text."""

import re

import pandas as pd
import pytest

from data import CATALOG, load_agreements, load_countries, load_regional_instruments, load_sources, schemas
from data.build import agreements as builder
from data.build.common import read_raw_csv
from tests.test_data_problems import problem_for, repeat_line, replace_field

BOOKLET = builder.BOOKLET_FILE
# The booklet's sentence naming Korea's partners, quoted as printed (the list the parser must reproduce).
KOREA_SENTENCE = (
    "the Government has MOUs with 15 countries (Bangladesh, Cambodia, China, Indonesia, Kyrgyzstan, "
    "Mongolia, Myanmar, Nepal, Pakistan, Philippines, Sri Lanka, Thailand, Timor-Leste, Uzbekistan "
    "and Viet Nam)"
)
# SOURCES.md names destinations in short forms.
SOURCES_MD_NAMES = {
    "Korea": "KOR",
    "Malaysia": "MYS",
    "Japan": "JPN",
    "Australia": "AUS",
    "Thailand": "THA",
    "UAE": "ARE",
    "Saudi Arabia": "SAU",
    "Qatar": "QAT",
    "Jordan": "JOR",
    "Kuwait": "KWT",
    "New Zealand": "NZL",
    "Bahrain": "BHR",
    "Oman": "OMN",
    "Mauritius": "MUS",
    "Israel": "ISR",
    "Cambodia": "KHM",
    "Taiwan": "TWN",
    "United Arab Emirates": "ARE",
}
FILLED_DATES = {"BLMA-ISR-NPL-ND-01": "2020-09-30", "BLMA-NZL-NRU-ND-01": "2015-03-03"}


@pytest.fixture(scope="module")
def agreements() -> pd.DataFrame:
    return load_agreements()


@pytest.fixture(scope="module")
def regional() -> pd.DataFrame:
    return load_regional_instruments()


@pytest.fixture(scope="module")
def booklet_text(raw_sources) -> str:
    return (raw_sources.parent / "seeds" / BOOKLET).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def raw_inventory(raw_sources) -> pd.DataFrame:
    """The base inventory and its additions: one raw row per instrument."""
    return pd.concat(
        [read_raw_csv(raw_sources / builder.AGREEMENTS_FILE), read_raw_csv(raw_sources / builder.ADDITIONS_FILE)],
        ignore_index=True,
    )


def section(raw_sources, heading: str, end: str) -> str:
    text = (raw_sources / "SOURCES.md").read_text(encoding="utf-8")
    start = text.index(heading)
    return text[start : text.index(end, start + 1)]


@pytest.fixture(scope="module")
def agreements_section(raw_sources) -> str:
    return section(raw_sources, "## agreements", "\n### agreements")


@pytest.fixture(scope="module")
def additions_section(raw_sources) -> str:
    return section(raw_sources, "### agreements — additions", "\n## ")


def stated_total_counts(base: str, additions: str, label: str) -> dict[str, int]:
    """The base inventory's counts plus the additions' counts, as SOURCES.md states them."""
    counts = stated_counts(base, label)
    for name, count in stated_counts(additions, label).items():
        counts[name] = counts.get(name, 0) + count
    return counts


def stated_counts(section: str, label: str) -> dict[str, int]:
    """'by destination: Korea 22, Malaysia 18, ..., Cambodia 1 (VNM-KHM cooperation).' -> {'Korea': 22, ...}"""
    listing = re.search(label + r": (.*?)\.(?:\s|$)", section).group(1)
    return {
        name.strip(): int(count) for name, count in re.findall(r"([A-Za-z ]+?) (\d+)(?: \([^)]*\))?(?:,|$)", listing)
    }


# --- the booklet ------------------------------------------------------------------------------------


def test_booklet_list_is_parsed_as_printed(booklet_text):
    listed = builder.booklet_list(booklet_text)
    assert list(listed) == ["Republic of Korea", "Malaysia", "Thailand"]
    assert KOREA_SENTENCE in builder.flattened(booklet_text)
    assert listed["Republic of Korea"] == re.search(r"\(([^)]*)\)", KOREA_SENTENCE).group(1).replace(
        " and ", ", "
    ).split(", ")
    # The counts the booklet states in words match the names it lists.
    assert len(listed["Republic of Korea"]) == 15
    assert (
        "There are MOUs with Bangladesh, China, Indonesia, Pakistan, Sri Lanka, Thailand and Viet Nam"
        in builder.flattened(booklet_text)
    )
    assert len(listed["Malaysia"]) == 7
    assert listed["Thailand"] == ["Cambodia", "Lao PDR", "Myanmar"]


def test_the_booklets_25_agreements_are_in_the_table(agreements, booklet_text, raw_sources):
    names = dict(zip(*read_raw_csv(raw_sources / builder.LOOKUP_FILE, usecols=["iso3", "name"]).T.values))
    pairs = builder.booklet_pairs(booklet_text, names)
    assert len(pairs) == 25
    assert {destination for _, destination in pairs} == {"KOR", "MYS", "THA"}
    recorded = set(zip(agreements["origin_iso3"], agreements["destination_iso3"]))
    assert pairs <= recorded
    marked = agreements[agreements["pair_in_ilo_booklet"]]
    assert set(zip(marked["origin_iso3"], marked["destination_iso3"])) == pairs


def test_rows_resting_only_on_the_booklet_cite_it_and_have_no_date(agreements):
    cited = agreements[agreements["source_id"] == builder.BOOKLET_SOURCE_ID]
    assert len(cited) == 11  # SOURCES.md: "11 rows resting only on the ILO booklet"
    assert cited["pair_in_ilo_booklet"].all()
    assert (cited["date_precision"] == "unknown").all()
    assert cited["date_signed"].isna().all() and cited["year_signed"].isna().all()


def test_a_booklet_pair_missing_from_the_inventory_is_added_undated(tmp_path, raw_sources):
    shared = tmp_path / "shared"
    sources = shared / "sources"
    (sources / "agreements").mkdir(parents=True)
    (sources / "undesa_ims").mkdir()
    (shared / "seeds").mkdir()
    inventory = read_raw_csv(raw_sources / builder.AGREEMENTS_FILE)
    without_mongolia = inventory[~inventory["agreement_id"].eq("BLMA-KOR-MNG-ND-01")]
    without_mongolia.to_csv(sources / builder.AGREEMENTS_FILE, index=False)
    for relative in [builder.ADDITIONS_FILE, builder.REGIONAL_FILE, builder.LOOKUP_FILE]:
        (sources / relative).write_bytes((raw_sources / relative).read_bytes())
    (shared / "seeds" / BOOKLET).write_bytes((raw_sources.parent / "seeds" / BOOKLET).read_bytes())

    table, _, _ = builder.build_agreements(sources)
    added = table[(table["origin_iso3"] == "MNG") & (table["destination_iso3"] == "KOR")]
    additions = read_raw_csv(raw_sources / builder.ADDITIONS_FILE)
    assert len(added) == 1 and len(table) == len(inventory) + len(additions)
    row = added.iloc[0]
    assert row["source_id"] == builder.BOOKLET_SOURCE_ID and row["date_precision"] == "unknown"
    assert pd.isna(row["year_signed"]) and pd.isna(row["date_signed"])


def test_booklet_source_row(booklet_text):
    source = load_sources().set_index("source_id").loc[builder.BOOKLET_SOURCE_ID]
    assert source["year"] == 2011 and "2nd edition" in source["edition"]
    assert "Malaysia's MOUs with 7" in source["notes"]


# --- values against the raw inventory and SOURCES.md -----------------------------------------------


def test_one_row_per_raw_instrument_with_unique_ids(agreements, raw_inventory):
    assert agreements["agreement_id"].is_unique
    assert sorted(agreements["agreement_id"]) == sorted(raw_inventory["agreement_id"])
    assert len(agreements) == 166 == 119 + 47


def test_counts_by_destination_match_sources_md(agreements, agreements_section, additions_section):
    expected = {}
    for listed in (agreements_section, additions_section):  # "UAE" in one, "United Arab Emirates" in the other
        for name, count in stated_counts(listed, "by destination").items():
            expected[SOURCES_MD_NAMES[name]] = expected.get(SOURCES_MD_NAMES[name], 0) + count
    assert sum(expected.values()) == 166
    assert agreements["destination_iso3"].value_counts().to_dict() == expected


def test_counts_by_confidence_and_precision_match_sources_md(agreements, agreements_section, additions_section):
    assert agreements["confidence"].value_counts().to_dict() == stated_total_counts(
        agreements_section, additions_section, "By confidence"
    )
    precision = stated_total_counts(agreements_section, additions_section, "By date precision")
    # The two dates the additions' section gives for undated rows of the base inventory are filled.
    precision["unknown"] -= len(FILLED_DATES)
    precision["day"] += len(FILLED_DATES)
    assert agreements["date_precision"].value_counts().to_dict() == precision


def test_every_row_has_a_source_that_resolves(agreements, regional):
    sources = load_sources().set_index("source_id")
    for table in (agreements, regional):
        assert table["source_id"].notna().all()
        assert set(table["source_id"]) <= set(sources.index)
    assert (
        sources.loc[list(set(agreements["source_id"]) | set(regional["source_id"])), "url"].str.startswith("http").all()
    )


def test_each_row_cites_its_own_pages(agreements, raw_inventory):
    """The source row's URL is the first page the inventory cites for that agreement; every page is in the citation."""
    sources = load_sources().set_index("source_id")
    cited = raw_inventory.set_index("agreement_id")["source_url"]
    for _, row in agreements.iterrows():
        pages = cited[row["agreement_id"]].split(" ; ")
        source = sources.loc[row["source_id"]]
        if row["source_id"] == builder.BOOKLET_SOURCE_ID:
            assert builder.BOOKLET_URL in pages
            continue
        assert source["url"] == pages[0]
        assert all(page in source["citation"] for page in pages)


def test_one_source_per_distinct_citation(agreements, raw_inventory):
    ids = {url: builder.citation_source_id(url) for url in raw_inventory["source_url"].unique()}
    assert len(set(ids.values())) == len(ids)  # no collisions in the short hashes
    page_sources = set(agreements["source_id"]) - {builder.BOOKLET_SOURCE_ID}
    assert len(page_sources) == raw_inventory["source_url"].nunique() - 1


def test_iso3_codes_are_valid(agreements):
    codes = set(load_countries()["iso3"])
    assert set(agreements["origin_iso3"]) | set(agreements["destination_iso3"]) <= codes
    assert (agreements["origin_iso3"] != agreements["destination_iso3"]).all()


def test_no_date_is_filled_in_except_the_two_sources_md_gives(agreements, raw_inventory):
    raw = raw_inventory.set_index("agreement_id").drop(list(FILLED_DATES))
    table = agreements.set_index("agreement_id").loc[raw.index]
    assert (table["date_signed"].isna() == raw["date_signed"].isna()).all()
    dated = raw["date_signed"].notna()
    assert (table.loc[dated, "date_signed"].dt.strftime("%Y-%m-%d") == raw.loc[dated, "date_signed"]).all()
    assert (table["year_signed"].isna() == raw["year_signed"].isna()).all()
    assert (table["date_precision"] == raw["date_precision"]).all()
    assert table["date_signed"].notna().sum() == 55 + 26 and table["year_signed"].isna().sum() == 31 + 6 - 2
    assert table["date_source_id"].isna().all()


def test_the_two_filled_dates_cite_the_page_that_states_them(agreements):
    sources = load_sources().set_index("source_id")
    rows = agreements.set_index("agreement_id").loc[list(FILLED_DATES)]
    assert rows["date_signed"].dt.strftime("%Y-%m-%d").to_dict() == FILLED_DATES
    assert (rows["date_precision"] == "day").all() and rows["year_signed"].tolist() == [2020, 2015]
    assert sources.loc[rows["date_source_id"], "url"].tolist() == [
        "https://mypeoplesreview.com/2026/02/14/israeli-embassy-clarifies-working-visa-issue/",
        "https://wtg-nauru.com/iau.html",
    ]
    assert rows["notes"].str.startswith("Date: ").all()
    assert (rows["source_id"] != rows["date_source_id"]).all()  # the row keeps its own source


def test_taiwan_rows_say_the_parties_are_representative_offices(agreements):
    taiwan = agreements["origin_iso3"].eq("TWN") | agreements["destination_iso3"].eq("TWN")
    assert taiwan.sum() == 6
    assert agreements.loc[taiwan, "parties_note"].str.contains("representative offices").all()
    assert agreements.loc[~taiwan, "parties_note"].isna().all()


def test_status_only_where_a_page_states_it(agreements, raw_inventory):
    raw = raw_inventory.set_index("agreement_id")["status"]
    table = agreements.set_index("agreement_id").loc[raw.index]
    assert table["status"].value_counts().to_dict() == {"expired": 6, "in force": 3}
    assert (table["superseded"] == raw.eq("renewed")).all() and table["superseded"].sum() == 13 + 6
    assert table.loc["BLMA-MYS-VNM-2022-01", "status"] == "in force"


def test_instrument_types_and_the_two_way_row(agreements):
    assert agreements["instrument_type"].value_counts().to_dict() == {
        "MOU": 84,
        "Agreement": 39,
        "Memorandum of cooperation": 29,
        "Renewal or extension": 10,
        "Protocol": 4,
    }
    assert set(builder.INSTRUMENT_TYPES.values()) == set(schemas.INSTRUMENT_TYPES)
    two_way = agreements[agreements["two_way"]]
    assert two_way[["origin_iso3", "destination_iso3"]].values.tolist() == [["VNM", "KHM"]]


def test_known_rows(agreements):
    rows = agreements.set_index("agreement_id")
    nepal_korea = rows.loc["BLMA-KOR-NPL-2007-01"]
    assert str(nepal_korea["date_signed"].date()) == "2007-07-23" and nepal_korea["confidence"] == "high"
    assert rows.loc["BLMA-KOR-VNM-2013-01", "date_precision"] == "month"
    assert rows.loc["BLMA-KOR-VNM-2013-01", "year_signed"] == 2013
    # A date widely cited elsewhere but stated by no page read stays empty (SOURCES.md caveat).
    assert pd.isna(rows.loc["BLMA-THA-LAO-2002-01", "date_signed"])


# --- regional instruments ---------------------------------------------------------------------------


def test_regional_instruments(regional, booklet_text):
    assert regional["instrument_id"].is_unique
    assert set(regional["body_or_process"].str.split(" ").str[0]) >= {"ASEAN", "Colombo", "Abu", "Bali"}
    assert len(regional) == 6
    bali = regional.set_index("instrument_id").loc["REG-BALI-2002-01"]
    assert bali["source_id"] == builder.BOOKLET_SOURCE_ID and bali["year_signed"] == 2002
    assert builder.BALI_PROCESS_SENTENCE in builder.flattened(booklet_text)
    consensus = regional.set_index("instrument_id").loc["REG-ASEAN-2017-01"]
    assert str(consensus["date_signed"].date()) == "2017-11-14" and consensus["confidence"] == "high"
    colombo = regional.set_index("instrument_id").loc["REG-CP-2003-01"]
    assert pd.isna(colombo["date_signed"]) and colombo["date_precision"] == "year"


# --- shipped = built, catalog, broken files ---------------------------------------------------------


def test_shipped_tables_are_what_the_build_makes(agreements, regional, raw_sources):
    built, built_regional, built_sources = builder.build_agreements(raw_sources)
    for shipped, rebuilt in [(agreements, built), (regional, built_regional)]:
        rebuilt = rebuilt.assign(date_signed=pd.to_datetime(rebuilt["date_signed"]).astype("datetime64[ns]"))
        pd.testing.assert_frame_equal(rebuilt.reset_index(drop=True), shipped.reset_index(drop=True), check_dtype=False)
    assert {source["source_id"] for source in built_sources} <= set(load_sources()["source_id"])


def test_catalog_describes_every_column(agreements, regional):
    assert list(CATALOG["agreements"].columns) == list(agreements.columns)
    assert list(CATALOG["regional_instruments"].columns) == list(regional.columns)


@pytest.mark.parametrize(
    ("column", "value", "fragment"),
    [
        ("origin_iso3", "ZZZ", "countries table"),
        ("source_id", "nowhere", "source_id"),
        ("date_precision", "decade", "date_precision"),
        ("year_signed", "1999", "date_signed only with day precision"),
    ],
)
def test_broken_agreements_file_names_line_and_column(tables_copy, column, value, fragment):
    replace_field(tables_copy / "agreements.csv", 2, column, value)
    problem = problem_for(load_agreements)
    assert problem.line == 2 and fragment in str(problem)


def test_duplicate_agreement_id_is_named(tables_copy):
    repeat_line(tables_copy / "agreements.csv", 5)
    assert problem_for(load_agreements).column == "agreement_id"


def test_a_taiwan_row_without_its_parties_note_is_refused(tables_copy):
    path = tables_copy / "agreements.csv"
    ids = pd.read_csv(path)["agreement_id"].tolist()
    replace_field(path, ids.index("BLMA-TWN-IDN-2018-01") + 2, "parties_note", "")
    assert "parties_note on every Taiwan row" in str(problem_for(load_agreements))
