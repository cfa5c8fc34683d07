"""Departures of migrant workers by origin and destination: one row per published figure.

Four raw folders (see SOURCES.md) and Sri Lanka's SLBFE departures (``data.build.deployments``) are brought into
one long table. Every value is kept exactly as published. What a figure is stays on its row: the period
(start, end and kind), the basis (registrations, clearances, labour permits, deployments, placements, ...),
the release it comes from, and whether it is a national total, a destination, "others" or a group of countries.

Rules that keep figures from being summed or compared wrongly:
- ``scope`` says what a row counts; a total is never a destination, so sums over destinations never include it.
- ``table_id`` groups the rows printed together (one table or page, one period); ``parts_complete`` is True only
  where the raw files say the itemised rows of that table add up to its total (checked by the schema).
- Where two publications give a figure for the same thing, both are kept and ``is_shown`` marks the one the
  dashboard shows; ``note`` says why.
"""

import hashlib
from pathlib import Path

import pandas as pd

from data.build import deployments
from data.build.common import quoted_page_source, read_raw_csv
from data.flows import figure_key, period_kind

BP2MI_FILE = "labour_outflows_indonesia_bp2mi/bp2mi_placements_by_destination_2022_2024.csv"
REGISTER_FOLDER = "labour_outflows_origin_registers"
SLBFE_2025_FILE = f"{REGISTER_FOLDER}/srilanka_slbfe_registrations_by_destination_2025.csv"
BMET_OEP_FILE = f"{REGISTER_FOLDER}/bangladesh_bmet_oep_clearances_by_destination_2023-06-04_to_2026-09-21.csv"
EMIGRATE_FILE = f"{REGISTER_FOLDER}/india_mea_emigration_clearances_by_destination_2021-01-01_to_2024-11-19.csv"
PRESS_FILE = "labour_outflows_press_figures/labour_outflow_figures_from_pages.csv"

COLUMNS = [
    "origin_iso3", "scope", "destination_iso3", "destination_as_published", "period_label", "period_start",
    "period_end", "period_kind", "sex", "worker_category", "value", "value_precision", "figure_as_printed", "basis",
    "basis_as_published", "release", "table_id", "parts_complete", "is_shown", "note", "source_id",
]  # fmt: skip

# What each origin's agency counts (SOURCES.md, "Bases differ by country"), keyed by origin for the press figures.
PRESS_BASIS = {
    "PAK": "registrations", "BGD": "clearances", "NPL": "labour_permits", "PHL": "deployments",
    "IDN": "placements", "VNM": "contract_departures", "IND": "clearances", "THA": "departures_all_channels",
}  # fmt: skip

# Sanity totals that the raw files print or state, and that their itemised rows must reproduce.
SLBFE_2025_PRINTED_TOTAL = 311_223

BP2MI_SOURCE_ID = "bp2mi_2024_report"
SLBFE_2025_SOURCE_ID = "slbfe_2025"
BMET_OEP_SOURCE_ID = "bmet_oep_2026_09_21"
EMIGRATE_SOURCE_ID = "mea_emigrate_2024_11_19"

REGISTER_REPO = "github.com/celestine1111/au-ai-register (no licence file seen)"
REGISTER_SOURCES = [
    {
        "source_id": SLBFE_2025_SOURCE_ID,
        "publisher": "Sri Lanka Bureau of Foreign Employment (SLBFE)",
        "dataset": "Annual Statistical Report 2025, page 5: Migrant Employees' Registration with the SLBFE by Country "
        "and Manpower Level (country totals)",
        "edition": "2025 data",
        "year": 2026,
        "url": "https://www.slbfe.lk/wp-content/uploads/2026/07/ASR-2025-WEB-SITE-final.pdf",
        "licence": "Not stated (Government of Sri Lanka public statistics); attribute SLBFE",
        "citation": "Sri Lanka Bureau of Foreign Employment, Annual Statistical Report 2025, page 5.",
        "obtained_from": f"{REGISTER_REPO}, scripts/ingest-origin-emigration-registers.mjs @ "
        "a83a2ebb22107f77521528da5409b26bcda89757 (hand transcription checked against the printed total 311,223)",
        "notes": "Registrations of workers leaving for foreign employment in calendar 2025 (same basis as the SLBFE "
        "2019-2024 series). Country totals only: the manpower-level and sex breakdown were not transcribed.",
    },
    {
        "source_id": BMET_OEP_SOURCE_ID,
        "publisher": "Bureau of Manpower, Employment and Training (BMET), Bangladesh",
        "dataset": "Overseas Employment Platform: country clearance report (all skills)",
        "edition": "Cumulative 2023-06-04 to 2026-09-21, retrieved 2026-09-21",
        "year": 2026,
        "url": "https://www.oep.gov.bd/reports/country-clearance?draw=1&start=0&length=300&approval_date_from="
        "2023-06-04&approval_date_to=2026-09-21&all_skills=0",
        "licence": "Not stated (Government of Bangladesh public statistics); attribute BMET",
        "citation": "BMET, Overseas Employment Platform, country clearance report, 2023-06-04 to 2026-09-21.",
        "obtained_from": f"{REGISTER_REPO}, data/origin-country-emigration-registers.csv @ "
        "1600063452795f6dac83c4d9353705e92e8f41b3",
        "notes": "Workers cleared to depart on a foreign employment contract, CUMULATIVE over more than three years: "
        "use for destination shares and rankings, never as an annual flow. The register grows by about 2,000 a day.",
    },
    {
        "source_id": EMIGRATE_SOURCE_ID,
        "publisher": "Ministry of External Affairs (MEA), India, via data.gov.in",
        "dataset": "Country-wise emigration clearances granted via eMigrate (resource bdf138e1-72c7-4dc8-a9cf-cfe9eb410bd1)",
        "edition": "Cumulative 2021-01-01 to 2024-11-19, retrieved 2026-08-25",
        "year": 2024,
        "url": "https://api.data.gov.in/resource/bdf138e1-72c7-4dc8-a9cf-cfe9eb410bd1?format=json",
        "licence": "Government Open Data License - India (data.gov.in); attribute MEA",
        "citation": "Ministry of External Affairs, India: emigration clearances by destination, 2021-01-01 to "
        "2024-11-19 (data.gov.in).",
        "obtained_from": f"{REGISTER_REPO}, data/india-emigration-by-destination.csv @ "
        "f45f164c3176d38e6978e87ad21f9cc583cdf9a0",
        "notes": "Only ECR-passport holders and nurses going to the 18 ECR countries: a small part of Indian labour "
        "emigration. CUMULATIVE over almost four years, never an annual flow.",
    },
]
BP2MI_SOURCE = {
    "source_id": BP2MI_SOURCE_ID,
    "publisher": "Badan Pelindungan Pekerja Migran Indonesia (BP2MI; now KP2MI)",
    "dataset": "Laporan Tahunan Publikasi Data PMI 2024, tabel 24: Penempatan Negara 2022-2024",
    "edition": "2024 annual report (revises the early-2024 release for 2022 and 2023)",
    "year": 2025,
    "url": "https://bp2mi.go.id/statistik-detail/data-penempatan-dan-pelindungan-pekerja-migran-indonesia-periode-tahun-2024",
    "licence": "Not stated (Government of Indonesia public statistics); attribute BP2MI/KP2MI",
    "citation": "BP2MI, Laporan Tahunan Publikasi Data PMI 2024, tabel 24 'Penempatan Negara 2022-2024'.",
    "obtained_from": "github.com/RsyAlKhlifi/indonesia-migrant-worker-trends @ 5e257b30adccaab70a1a9aff4c69b46572804dbe, "
    "data/raw_data/tabel_24_Penempatan Negara 2022-2024.csv (camelot extraction; Indonesian thousands separators "
    "restored to integers)",
    "notes": "Placement services (Layanan Penempatan) of Indonesian migrant workers recorded in SISKOP2MI, by calendar "
    "year: the top 25 destinations, 'Lainnya' (others) and the total. Not border departures. Year of publication "
    "not printed in the material read; 2025 assumed from the report's coverage to end-2024.",
}


def build_labour_outflows(raw: Path) -> tuple[pd.DataFrame, list[dict]]:
    """The labour outflows table and the source rows it cites (the SLBFE 2019-2024 sources are the deployments')."""
    deployment_rows, _ = deployments.build_deployments(raw)
    press, press_sources = _press_figures(read_raw_csv(raw / PRESS_FILE))
    parts = [
        _from_deployments(deployment_rows),
        _registers(
            read_raw_csv(raw / SLBFE_2025_FILE),
            SLBFE_2025_SOURCE_ID,
            "SLBFE Annual Statistical Report 2025",
            "registrations",
        ),
        _registers(
            read_raw_csv(raw / BMET_OEP_FILE),
            BMET_OEP_SOURCE_ID,
            "OEP country clearance report retrieved 2026-09-21",
            "clearances",
        ),
        _registers(
            read_raw_csv(raw / EMIGRATE_FILE),
            EMIGRATE_SOURCE_ID,
            "data.gov.in resource retrieved 2026-08-25",
            "clearances",
        ),
        _bp2mi(read_raw_csv(raw / BP2MI_FILE)),
        press,
    ]
    table = pd.concat(parts, ignore_index=True)
    table = _mark_shown(table)
    table["value"] = table["value"].astype("Int64")
    table = table[COLUMNS].sort_values(
        [
            "origin_iso3",
            "period_start",
            "period_end",
            "table_id",
            "scope",
            "destination_as_published",
            "sex",
            "worker_category",
        ],
        ignore_index=True,
        na_position="last",
    )
    return table, [BP2MI_SOURCE, *REGISTER_SOURCES, *press_sources]


# --- scopes and periods -------------------------------------------------------------------------

SCOPE_NAMES = {
    "total": "total", "jumlah": "total", "total (land-based)": "total", "total (sea-based)": "total",
    "other": "others", "others": "others", "lainnya": "others",
    "africa": "region", "gulf countries (total)": "region",
}  # fmt: skip


def _scope(as_published: str) -> str:
    """total, others or region for the names printed as such; every other row is one destination country."""
    return SCOPE_NAMES.get(as_published.strip().lower(), "destination")


def _with_period(frame: pd.DataFrame, start, end, label) -> pd.DataFrame:
    frame = frame.assign(period_start=pd.to_datetime(start), period_end=pd.to_datetime(end), period_label=label)
    frame["period_kind"] = [period_kind(s, e) for s, e in zip(frame["period_start"], frame["period_end"])]
    return frame


# --- Sri Lanka 2019-2024 (the deployments table) -----------------------------------------------


def _from_deployments(rows: pd.DataFrame) -> pd.DataFrame:
    totals_table = (rows["sex"] == "total") & (rows["skill_level"] == "all")
    frame = pd.DataFrame(
        {
            "origin_iso3": "LKA",
            "scope": rows["destination_as_published"].map(_scope),
            "destination_iso3": rows["dest_iso3"],
            "destination_as_published": rows["destination_as_published"],
            "sex": rows["sex"],
            "worker_category": rows["skill_level"],
            "value": rows["departures"],
            "value_precision": "exact",
            "figure_as_printed": pd.NA,
            "basis": "registrations",
            "basis_as_published": rows["basis"],
            "release": "SLBFE Annual Statistical Report (" + rows["year"].astype(str) + " data)",
            "table_id": "slbfe_"
            + rows["year"].astype(str)
            + totals_table.map({True: "_by_country", False: "_by_country_manpower_sex"}),
            # Both SLBFE tables itemise every destination (with "Other"); neither prints a total row.
            "parts_complete": True,
            "note": rows["note"],
            "source_id": rows["source_id"],
        }
    )
    years = rows["year"].astype(str)
    return _with_period(frame, years + "-01-01", years + "-12-31", years)


# --- origin registers (Sri Lanka 2025, Bangladesh OEP, India eMigrate) ---------------------------


def _registers(raw: pd.DataFrame, source_id: str, release: str, basis: str) -> pd.DataFrame:
    start, end = raw["period_start"], raw["period_end"]
    label = [
        f"{s[:4]}" if (s[5:], e[5:]) == ("01-01", "12-31") and s[:4] == e[:4] else f"{s} to {e}"
        for s, e in zip(start, end)
    ]
    # Each register lists every destination (SLBFE with "Others"); India's prints a total equal to their sum.
    frame = _complete_listing(raw, basis=basis, release=release, table_id=source_id, source_id=source_id)
    return _with_period(frame, start, end, label)


# --- Indonesia, BP2MI 2024 report ---------------------------------------------------------------


def _bp2mi(raw: pd.DataFrame) -> pd.DataFrame:
    years = raw["year"].astype(str)
    # SOURCES.md: every year column sums exactly to the printed total row.
    frame = _complete_listing(
        raw,
        basis="placements",
        release="BP2MI Laporan Tahunan Publikasi Data PMI 2024 (final)",
        table_id="bp2mi_2024_report_" + years,
        source_id=BP2MI_SOURCE_ID,
    )
    return _with_period(frame, years + "-01-01", years + "-12-31", years)


def _complete_listing(raw: pd.DataFrame, *, basis: str, release: str, table_id, source_id: str) -> pd.DataFrame:
    """Rows of an agency's table that lists every destination with exact counts (its parts add up to its total)."""
    return pd.DataFrame(
        {
            "origin_iso3": raw["origin_iso3"],
            "scope": raw["destination_as_printed"].map(_scope),
            "destination_iso3": raw["destination_iso3"],
            "destination_as_published": raw["destination_as_printed"],
            "sex": raw["sex"],
            "worker_category": "all",
            "value": raw["value"],
            "value_precision": "exact",
            "figure_as_printed": pd.NA,
            "basis": basis,
            "basis_as_published": raw["basis"],
            "release": release,
            "table_id": table_id,
            "parts_complete": True,
            "note": raw["note"],
            "source_id": source_id,
        }
    )


# --- press figures ------------------------------------------------------------------------------


def press_source_id(url: str) -> str:
    return "lof_" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:10]


def _press_sources(raw: pd.DataFrame) -> list[dict]:
    sources = []
    for url, rows in raw.groupby("source_url", sort=True):
        publishers = rows["source_publisher"].unique()
        if len(publishers) > 1:
            raise ValueError(f"One page cited with different publishers: {url} {list(publishers)}")
        page_dates = sorted({d for d in rows["page_date"].dropna()})
        sources.append(
            quoted_page_source(
                source_id=press_source_id(url),
                publisher=publishers[0],
                url=url,
                dated=page_dates[0] if page_dates else None,
                quoted=" ; ".join(dict.fromkeys(rows["quoted_source"])),
                what="Labour outflow",
                licence="Facts quoted from a public page, with attribution; the statistics belong to the agency quoted",
                obtained_from="data/raw/sources/labour_outflows_press_figures/labour_outflow_figures_from_pages.csv: "
                "transcribed from the project's stored pages corpus (no live web); see SOURCES.md",
                notes="Figures copied exactly as printed (figure_as_printed keeps the original string); no figure "
                "estimated or filled in.",
            )
        )
    return sources


def _value_precision(note) -> str:
    text = note.lower() if isinstance(note, str) else ""
    if "lower bound" in text:
        return "lower_bound"
    if "rounded" in text and "headline" not in text:
        return "rounded"
    return "exact"


def _press_figures(raw: pd.DataFrame) -> tuple[pd.DataFrame, list[dict]]:
    unknown = set(raw["origin_iso3"]) - set(PRESS_BASIS)
    if unknown:
        raise ValueError(f"Press figures for origins with no basis described: {sorted(unknown)}")
    as_published = raw["destination_as_printed"]
    source_ids = raw["source_url"].map(press_source_id)
    frame = pd.DataFrame(
        {
            "origin_iso3": raw["origin_iso3"],
            "scope": as_published.map(_scope),
            "destination_iso3": raw["destination_iso3"],
            "destination_as_published": as_published,
            "sex": raw["sex"],
            # The Philippines prints land-based and sea-based totals separately; everything else covers all workers.
            "worker_category": [
                n.lower().removeprefix("total (").removesuffix(")") if n.lower().startswith("total (") else "all"
                for n in as_published
            ],
            "value": raw["value"],
            "value_precision": raw["note"].map(_value_precision),
            "figure_as_printed": raw["figure_as_printed"],
            "basis": raw["origin_iso3"].map(PRESS_BASIS),
            "basis_as_published": raw["basis"],
            "release": (
                "Page "
                + raw["source_publisher"]
                + raw["page_date"].map(lambda d: f", {d}" if isinstance(d, str) else ", undated")
                + ", quoting "
                + raw["quoted_source"]
            ),
            "table_id": source_ids + ":" + raw["period"],
            # No page itemises every destination, so no sum of a page's destinations is a total (the Philippine
            # H1 2023 destinations sum to 913,098, not the 966,479 printed beside them).
            "parts_complete": False,
            "note": raw["note"],
            "source_id": source_ids,
        }
    )
    return _with_period(frame, raw["period_start"], raw["period_end"], raw["period"]), _press_sources(raw)


# --- which of several figures for the same thing is shown ---------------------------------------

# Decisions where publications disagree or are replaced, each with its reason (kept on the rows not shown).
BP2MI_EARLY_RELEASE_URL = (
    "https://databoks.katadata.co.id/datapublish/2024/02/05/ini-daftar-negara-tujuan-utama-"
    "pekerja-migran-indonesia-sepanjang-2023-taiwan-juaranya"
)
BP2MI_PRELIMINARY_2024_URL = (
    "https://indoposco.id/ekonomi/2024/12/31/pemerintah-kirim-295-439-pmi-sepanjang-tahun-"
    "2024-hongkong-jadi-wilayah-penempatan-favorit"
)
BANGLADESH_2022_SHOWN_URL = "https://www.observerbd.com/news.php?id=404898"
BANGLADESH_2022_OTHER_URL = "https://en.prothomalo.com/bangladesh/mhegatw36a"

NOT_SHOWN_REASONS = {
    press_source_id(BP2MI_EARLY_RELEASE_URL): "Not shown: BP2MI's early-2024 release, superseded by the BP2MI 2024 "
    "annual report (table 24), which revises 2023 (total 297,108; Hong Kong 88,167) and 2022 (200,717).",
    press_source_id(BP2MI_PRELIMINARY_2024_URL): "Not shown: preliminary figure announced on 31 Dec 2024 (to 30 Dec), "
    "superseded by the final BP2MI 2024 report (total 297,434).",
}
BANGLADESH_2022_REASON = (
    "Not shown: two pages disagree on Bangladesh 2022; the Daily Observer figure (quoting a "
    "BMET official, dated 2023-01-31) is shown, this Prothom Alo figure is kept for comparison."
)
UNSTATED_PERIOD_REASON = (
    "Not shown: the page does not confirm the period (no start and end dates), so the "
    "figure cannot be placed in a year."
)
DUPLICATE_REASON = "Not shown: the same figure is printed by another page, whose row is shown."


def _mark_shown(table: pd.DataFrame) -> pd.DataFrame:
    table = table.copy()
    table["is_shown"] = True
    reasons = table["source_id"].map(NOT_SHOWN_REASONS)
    superseded = reasons.notna()
    table.loc[superseded, "is_shown"] = False
    table.loc[superseded, "note"] = _prepend(reasons[superseded], table.loc[superseded, "note"])
    # Figures the early or preliminary releases give that the final table does not (e.g. sex splits) stay shown.
    key = figure_key(table)
    final_keys = set(key[table["source_id"] == BP2MI_SOURCE_ID])
    year_keys = key.str.replace("|2024-12-30|", "|2024-12-31|", regex=False)
    only_here = superseded & ~year_keys.isin(final_keys)
    table.loc[only_here, "is_shown"] = True
    table.loc[only_here, "note"] = table.loc[only_here, "note"].str.replace(
        r"^Not shown: ", "Shown (no final figure for it): ", regex=True
    )

    unstated = table["period_kind"] == "unstated"
    table.loc[unstated, "is_shown"] = False
    table.loc[unstated, "note"] = _prepend(
        pd.Series(UNSTATED_PERIOD_REASON, index=table.index)[unstated], table.loc[unstated, "note"]
    )

    other_2022 = (table["source_id"] == press_source_id(BANGLADESH_2022_OTHER_URL)) & (
        table["period_start"] == pd.Timestamp("2022-01-01")
    )
    shown_2022 = set(key[table["source_id"] == press_source_id(BANGLADESH_2022_SHOWN_URL)])
    replaced = other_2022 & key.isin(shown_2022)
    table.loc[replaced, "is_shown"] = False
    table.loc[replaced, "note"] = _prepend(
        pd.Series(BANGLADESH_2022_REASON, index=table.index)[replaced], table.loc[replaced, "note"]
    )

    # Any remaining repeat of a shown figure: the first row stays shown; an agreeing copy says so, a disagreeing
    # one has no recorded decision and stops the build.
    shown = table[table["is_shown"]]
    for _, rows in shown.groupby(key[table["is_shown"]]):
        # Two rows of one table for one country (e.g. "Ivory Coast" and "Cote d'Ivoire") are both as printed.
        if rows["table_id"].nunique() < 2:
            continue
        if rows["value"].nunique(dropna=False) > 1:
            raise ValueError(f"Publications disagree with no decision recorded on which is shown:\n{rows}")
        repeats = rows.index[1:]
        table.loc[repeats, "is_shown"] = False
        table.loc[repeats, "note"] = _prepend(pd.Series(DUPLICATE_REASON, index=repeats), table.loc[repeats, "note"])
    return table


def _prepend(reason: pd.Series, note: pd.Series) -> pd.Series:
    return reason.where(note.isna(), reason + " " + note.fillna(""))
