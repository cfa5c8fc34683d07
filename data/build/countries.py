"""Countries and areas: the codes UN DESA uses, with UN regions, World Bank income group and a map label point.

One row per code of the UN DESA / IOM lookup (``undesa_ims/country_codes_lookup.csv``), which covers every
code in both International Migrant Stock files. Label points come, in order of preference, from:

1. gavinr/world-countries-centroids (``primary`` rows): centroid of each country's largest land mass;
2. the Natural Earth 50m supplement for units gavinr lacks (Hong Kong, Macao, Taiwan, Kosovo, ...);
3. the centroid of the largest polygon of the Natural Earth 50m shape, computed here (same method as 2).

Codes with no shape at all (e.g. OOO = other/unknown) keep an empty point: nothing is guessed.
Polygon centroids are used throughout rather than capitals: capitals are missing for many territories
and ambiguous for several countries in Natural Earth's populated places (several 'Admin-0 capital' rows
for South Africa or Myanmar; Jerusalem for Israel), which a UN-facing map should not have to settle.
"""

from pathlib import Path

import pandas as pd
import pycountry
import shapely
from shapely.geometry import shape

from data.build.common import read_raw_csv
from data.build.geometry import (
    NATURAL_EARTH_SOURCE,
    largest_polygon_centroid,
    natural_earth_code_map,
    read_natural_earth,
)

LOOKUP = "undesa_ims/country_codes_lookup.csv"
INCOME = "country_classification/wb_country_income_region_fy2023.csv"
CENTROIDS = "geometry_extra/country_centroids.csv"
CENTROIDS_SUPPLEMENT = "geometry_extra/country_centroids_supplement_ne50m.csv"

ASIA_PACIFIC_REGIONS = ("Asia", "Oceania")

# Codes of the lookup that are not ISO 3166-1 alpha-3 codes (current or withdrawn). Names from the lookup.
NON_ISO_CODES = {
    "AB9": "Abyei Area",
    "OOO": "Other / unknown origin (the lookup gives m49 2003, which is not a UN M49 area code)",
    "OOS": "Unidentified Sub-Saharan Africa",
    "STL": "Stateless",
    "TIB": "Tibet",
    "XCX": "Channel Islands (m49 830; Guernsey GGY 831 and Jersey JEY 832 are separate lookup rows)",
    "XKX": "Kosovo (SCR 2144); user-assigned code, as used by the World Bank",
}

# Units that Natural Earth draws as several admin-0 shapes. Only used to place a label point.
COMPOSITE_UNITS = {"XCX": ("GGY", "JEY")}

COLUMNS = [
    "iso3",
    "name",
    "m49",
    "region",
    "subregion",
    "intermediate_region",
    "is_asia_pacific",
    "wb_income_group",
    "lon",
    "lat",
    "point_source",
    "source_id",
]

LOOKUP_SOURCE = {
    "source_id": "iom_gdidata_countrynames",
    "publisher": "IOM Global Data Institute, gdidata R package (Kenneth S. Reyes)",
    "dataset": "countrynames: codes, UN names, UN M49 regions and IOM regions of countries and areas",
    "edition": "data/countrynames.rda at commit 43c0a2d806dad229d1b332e5c3c55811fb44daf7",
    "year": 2025,
    "url": "https://github.com/iom/gdidata",
    "licence": "MIT",
    "citation": "Reyes, K. S. gdidata: Repository of Datasets for IOM GDI Projects (R package), "
    "dataset countrynames. https://github.com/iom/gdidata",
    "obtained_from": "github.com/iom/gdidata, data/countrynames.rda (commit 43c0a2d806dad229d1b332e5c3c55811fb44daf7), "
    "repository HEAD c9e4cc69cebd91d6cfca5f4107e2406e4de2c6ff (2025-06-19); converted from R .rda to CSV, "
    "values unchanged",
    "notes": "Covers every code used in the UN DESA International Migrant Stock files, including non-ISO codes "
    "(OOO other/unknown, XCX Channel Islands, XKX Kosovo, AB9, OOS, STL, TIB) and the withdrawn ANT. "
    "Regions follow UN M49 (Asia includes Western and Central Asia). Year = year of the repository snapshot; "
    "the date of the countrynames commit was not recorded. The repository states it is not endorsed by IOM.",
}

INCOME_SOURCE = {
    "source_id": "wb_income_fy2023",
    "publisher": "World Bank",
    "dataset": "World Development Indicators, Metadata - Countries (region and income group)",
    "edition": "FY2023 income classification (WDI download dated 2023-05-10; based on 2021 GNI per capita)",
    "year": 2023,
    "url": "https://github.com/kietnguyen01/Remittance-Fees-Analysis",
    "licence": "CC BY 4.0",
    "citation": "World Bank. World Development Indicators, country metadata (income groups, FY2023).",
    "obtained_from": "github.com/kietnguyen01/Remittance-Fees-Analysis, "
    "data/remittance/personal-remittances-received.xls ('Metadata - Countries' sheet), "
    "commit 0549ac4cc16aa92a718bc36ef5a5320148cd6da6",
    "notes": "FY2023 groups (effective 1 July 2022): e.g. Russia, Bulgaria and Palau are still upper-middle "
    "income here. Joined on ISO3; the World Bank's CHI (Channel Islands) is matched to the lookup's XCX by "
    "identical name. Blank where the World Bank gives no group (e.g. Venezuela, Taiwan, territories).",
}

CENTROIDS_SOURCE = {
    "source_id": "gavinr_centroids",
    "publisher": "Gavin Rehkemper",
    "dataset": "world-countries-centroids (dist/countries.csv)",
    "edition": "commit 29c9d1ec9013b6b36e3f6cf3634daaffd8afb2ea (2022-08-10)",
    "year": 2022,
    "url": "https://github.com/gavinr/world-countries-centroids",
    "licence": "MIT",
    "citation": "Rehkemper, G. world-countries-centroids. https://github.com/gavinr/world-countries-centroids",
    "obtained_from": "github.com/gavinr/world-countries-centroids, dist/countries.csv, "
    "commit 29c9d1ec9013b6b36e3f6cf3634daaffd8afb2ea (HEAD 0c6e44d4c73f198c7f485f5daf0b8d13616d3e39); "
    "iso3 added from ISO2",
    "notes": "Centroid of each country's largest land mass (e.g. Philippines = Luzon; Malaysia and Indonesia "
    "fall on Borneo; Kiribati on Kiritimati). Only rows with primary=True are used. The source has no rows "
    "for Hong Kong, Macao, Taiwan, Kosovo, Western Sahara or Aland.",
}

SUPPLEMENT_SOURCE = {
    "source_id": "ne50m_centroid_supplement",
    "publisher": "Computed from Natural Earth (shapes public domain) for the project's shared sources",
    "dataset": "Label points for admin-0 units missing from gavinr/world-countries-centroids",
    "edition": "Computed from Natural Earth 50m admin-0 v4.x (November 2017 build)",
    "year": 2017,
    "url": "https://www.naturalearthdata.com/",
    "licence": "Public domain (underlying Natural Earth shapes)",
    "citation": "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.",
    "obtained_from": "data/raw/sources/geometry_extra/country_centroids_supplement_ne50m.csv, computed from "
    "github.com/martynafford/natural-earth-geojson commit 0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e",
    "notes": "Area centroid (planar lon/lat) of the outer ring of each unit's largest polygon; not a published "
    "label point. Covers HKG, MAC, TWN, Kosovo (Natural Earth KOS = XKX), ESH, ALA and some non-UN units.",
}

SOURCES = [LOOKUP_SOURCE, INCOME_SOURCE, CENTROIDS_SOURCE, SUPPLEMENT_SOURCE, NATURAL_EARTH_SOURCE]


def build_countries(raw: Path) -> pd.DataFrame:
    """One row per code of the UN DESA / IOM lookup, with regions, income group and a label point."""
    lookup = read_raw_csv(raw / LOOKUP)
    code_status(lookup["iso3"])  # raises on a code that is neither ISO 3166-1 nor documented here
    table = pd.DataFrame(
        {
            "iso3": lookup["iso3"],
            "name": lookup["name"],
            "m49": lookup["m49"].astype("Int64"),
            "region": lookup["region"],
            "subregion": lookup["subregion"],
            "intermediate_region": lookup["intregion"],
            "is_asia_pacific": lookup["region"].isin(ASIA_PACIFIC_REGIONS).astype(bool),
        }
    )
    table["wb_income_group"] = table["iso3"].map(income_groups(raw, lookup))
    points = label_points(raw, table["iso3"])
    table = table.merge(points, on="iso3", how="left", validate="one_to_one")
    table["source_id"] = LOOKUP_SOURCE["source_id"]
    return table[COLUMNS].sort_values("iso3", ignore_index=True)


def code_status(codes) -> dict[str, str]:
    """Each code's standing: ISO 3166-1, withdrawn ISO 3166-1 (pycountry's historic list), or documented non-ISO."""
    status, unknown = {}, []
    for code in codes:
        if pycountry.countries.get(alpha_3=code) is not None:
            status[code] = "ISO 3166-1"
        elif pycountry.historic_countries.get(alpha_3=code) is not None:
            status[code] = f"withdrawn ISO 3166-1 ({pycountry.historic_countries.get(alpha_3=code).name})"
        elif code in NON_ISO_CODES:
            status[code] = f"not ISO: {NON_ISO_CODES[code]}"
        else:
            unknown.append(code)
    if unknown:
        raise ValueError(f"Codes neither in ISO 3166-1 nor in NON_ISO_CODES: {sorted(unknown)}")
    return status


def income_groups(raw: Path, lookup: pd.DataFrame) -> dict[str, str]:
    """Lookup code -> World Bank FY2023 income group; codes the World Bank spells differently matched by name."""
    income = read_raw_csv(raw / INCOME)
    economies = income[~income["is_aggregate"].astype(bool)]
    groups = dict(zip(economies["iso3"], economies["wb_income_group"]))
    lookup_codes = set(lookup["iso3"])
    unmatched_wb = economies[~economies["iso3"].isin(lookup_codes)]
    by_name = dict(zip(unmatched_wb["wb_name"].str.casefold(), unmatched_wb["iso3"]))
    result = {}
    for code, name in zip(lookup["iso3"], lookup["name"]):
        wb_code = code if code in groups else by_name.get(name.casefold())
        group = groups.get(wb_code)
        if isinstance(group, str):
            result[code] = group
    return result


def label_points(raw: Path, codes) -> pd.DataFrame:
    """iso3, lon, lat, point_source for every code (lon/lat empty where no shape exists)."""
    codes = list(codes)
    found: dict[str, tuple[float, float, str]] = {}

    centroids = read_raw_csv(raw / CENTROIDS)
    for row in centroids[centroids["primary"].astype(bool)].itertuples():
        found.setdefault(row.iso3, (row.longitude, row.latitude, CENTROIDS_SOURCE["source_id"]))

    features = read_natural_earth(raw)
    code_map = natural_earth_code_map(features, codes)
    supplement = read_raw_csv(raw / CENTROIDS_SUPPLEMENT)
    for row in supplement.itertuples():
        code = code_map.get(row.adm0_a3, row.iso3)
        found.setdefault(code, (row.longitude, row.latitude, SUPPLEMENT_SOURCE["source_id"]))

    shapes_by_code = {code_map[f["properties"]["ADM0_A3"]]: shape(f["geometry"]) for f in features}
    for code in codes:
        if code in found:
            continue
        parts = [code] if code in shapes_by_code else list(COMPOSITE_UNITS.get(code, ()))
        geometries = [shapes_by_code[part] for part in parts if part in shapes_by_code]
        if not geometries:
            continue
        lon, lat = largest_polygon_centroid(shapely.union_all(geometries))
        method = "largest polygon centroid" + (f" of {'+'.join(parts)}" if parts != [code] else "")
        found[code] = (round(lon, 6), round(lat, 6), f"{NATURAL_EARTH_SOURCE['source_id']}: {method}")

    rows = [(code, *found.get(code, (None, None, None))) for code in codes]
    points = pd.DataFrame(rows, columns=["iso3", "lon", "lat", "point_source"])
    points["lon"] = points["lon"].astype("float64")
    points["lat"] = points["lat"].astype("float64")
    return points
