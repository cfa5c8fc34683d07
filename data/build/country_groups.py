"""Country groups: one row per (group, member), each with the page or file that states the membership.

Two kinds of input:

1. ``country_groups/country_groups.csv``: memberships hand-transcribed from public pages (GCC, ASEAN, SAARC,
   the Colombo Process, the Abu Dhabi Dialogue), one row per member with the URL of the page it was read on.
   Each URL must have a source row below; the member codes were assigned by the transcribers from the names
   as written (kept in ``member_as_written``).
2. ``country_classification/wb_country_income_region_fy2023.csv``: the World Bank regions East Asia & Pacific
   and South Asia, derived here from the file's ``wb_region`` column (economies only, not aggregates).

UN areas (regions, subregions, Asia and the Pacific) are not groups: they come from the countries table
(``data.filters.corridors.area_members``), and ``data.groups`` treats the two alike.
"""

from pathlib import Path

import pandas as pd

from data.build.common import read_raw_csv
from data.build.countries import INCOME, INCOME_SOURCE
from data.groups import TABLE_COLUMNS

TRANSCRIPTION = "country_groups/country_groups.csv"
READ_ON = "2026-12-01"
OBTAINED_FROM = (
    f"data/raw/sources/{TRANSCRIPTION}: hand-transcribed from the stored copy of the page read "
    f"through the project's search tool (stored public pages, no live web) on {READ_ON}"
)
PAGE_LICENCE = "Facts (membership) taken from a public page, with attribution; no page text reproduced"

# World Bank regions shipped as groups: key -> (region as the file spells it, group name).
WB_REGIONS = {
    "wb_east_asia_pacific": ("East Asia & Pacific", "East Asia & Pacific (World Bank region)"),
    "wb_south_asia": ("South Asia", "South Asia (World Bank region)"),
}
WB_KIND = "statistical region"
WB_AS_OF = "2023-05-10"  # the date of the WDI download the file comes from (INCOME_SOURCE)


def _page(source_id: str, *, publisher: str, title: str, edition: str, year: int | None, url: str, notes: str) -> dict:
    return {
        "source_id": source_id,
        "publisher": publisher,
        "dataset": title,
        "edition": edition,
        "year": year,
        "url": url,
        "licence": PAGE_LICENCE,
        "citation": f"{publisher}. {title}. {url}",
        "obtained_from": OBTAINED_FROM,
        "notes": notes,
    }


PAGE_SOURCES = [
    _page(
        "groups_gcc_gccegov",
        publisher="GCC e-Government portal (gccegov.net)",
        title="Cooperation Council for the Arab States of the Gulf (GCC)",
        edition=f"Web page 'Home >> GCC'; no date shown; read {READ_ON}",
        year=None,
        url="http://www.gccegov.net/en/web/guest/gcc;jsessionid=AB60A86860976ABA71DEA44C39C3770F",
        notes="Lists the six member countries and says the GCC was formed in Abu Dhabi on 25 May 1981. "
        "The page of the GCC Secretariat General (gcc-sg.org) held in the stored pages describes its organs "
        "but lists no members. No join dates are recorded: the page gives none per member.",
    ),
    _page(
        "groups_asean_ians_2025",
        publisher="IANS (Indo-Asian News Service), ianslive.in",
        title="Timor-Leste becomes 11th member of ASEAN",
        edition=f"News item dated 2025-10-26; read {READ_ON}",
        year=2025,
        url="https://ianslive.in/timor-leste-becomes-11th-member-of-asean--20251026134029",
        notes="Quotes ASEAN's statement that the Declaration on the Admission of Timor-Leste was signed on "
        "26 October 2025 at the 47th ASEAN Summit, making it the 11th Member State, and gives the join year "
        "of the other ten (founders 1967; Brunei Darussalam 1984, Viet Nam 1995, Lao PDR and Myanmar 1997, "
        "Cambodia 1999). No page of the ASEAN Secretariat (asean.org) was found in the stored pages.",
    ),
    _page(
        "groups_saarc_cqpress_2013",
        publisher="CQ Press (SAGE Knowledge)",
        title="South Asian Association for Regional Cooperation (SAARC), Political Handbook of the World 2013",
        edition=f"Reference entry, 2013 edition; read {READ_ON}",
        year=2013,
        url="https://sk.sagepub.com/cqpress/political-handbook-of-the-world-2013/i5612.xml",
        notes="States 'Membership (8)' and names the eight members, and nine observers (not included). No page "
        "of the SAARC Secretariat (saarc-sec.org) was found in the stored pages. No join dates recorded.",
    ),
    _page(
        "groups_colombo_process_tribune",
        publisher="The Tribune (Tribune News Service)",
        title="India moots more member states for 'Colombo Process'",
        edition=f"News item datelined New Delhi, June 29 (the stored copy shows no year); read {READ_ON}",
        year=None,
        url="https://www.tribuneindia.com/news/india/india-moots-more-member-states-for-colombo-process-635271",
        notes="Names the 12 member states; its eight 'destination countries' (observers) are not included. "
        "The Colombo Process's own page (colomboprocess.org/about-the-colombo-process) states '12 Member "
        "States and 8 Observer Countries' but the stored copy does not list them. No join dates recorded "
        "(an ILO page of 24 January 2008 says Afghanistan joined at the Bali meeting in 2005).",
    ),
    _page(
        "groups_add_colomboprocess",
        publisher="Colombo Process (colomboprocess.org)",
        title="Abu Dhabi Dialogue",
        edition=f"Web page; no date shown; read {READ_ON}",
        year=None,
        url="http://www.colomboprocess.org/index.php?option=com_content&view=article&id=46&Itemid=29",
        notes="Says the Abu Dhabi Dialogue was established in 2008 and 'currently has 20 member states': eleven "
        "countries of origin and nine of destination, the 20 whose ministers adopted the Abu Dhabi Declaration "
        "in January 2008 (ILO and IOM news of 24 January 2008 name the same 20). Observers (France, Germany, "
        "Mauritius, Republic of Korea, Japan, Poland, United States) are not included. The page is undated: "
        "the Dialogue's own news of 9 February 2024 (abudhabidialogue.org) names 16 countries taking part in "
        "its 7th Ministerial Consultation (not Afghanistan, China, Singapore or Yemen), so membership may have "
        "changed since.",
    ),
]
SOURCE_BY_URL = {source["url"]: source["source_id"] for source in PAGE_SOURCES}
SOURCES = PAGE_SOURCES  # INCOME_SOURCE (the World Bank file) is already listed by the countries build


def build_country_groups(raw: Path) -> pd.DataFrame:
    """The transcribed groups, then the World Bank regions, one row per (group, member)."""
    transcribed = transcribed_groups(raw)
    regions = world_bank_regions(raw)
    return pd.concat([transcribed, regions], ignore_index=True)[TABLE_COLUMNS]


def transcribed_groups(raw: Path) -> pd.DataFrame:
    rows = read_raw_csv(raw / TRANSCRIPTION, dtype=str)
    unknown = sorted(set(rows["source_url"]) - set(SOURCE_BY_URL))
    if unknown:
        raise ValueError(f"{TRANSCRIPTION}: page(s) with no source row in data/build/country_groups.py: {unknown}")
    return rows.assign(member_name=rows["member_as_written"], source_id=rows["source_url"].map(SOURCE_BY_URL))


def world_bank_regions(raw: Path) -> pd.DataFrame:
    """Members of each region in WB_REGIONS as the World Bank file lists them, by ISO3 code."""
    income = read_raw_csv(raw / INCOME)
    economies = income[~income["is_aggregate"].astype(bool)]
    frames = []
    for key, (region, name) in WB_REGIONS.items():
        members = economies[economies["wb_region"] == region].sort_values("iso3")
        if members.empty:
            raise ValueError(f"{INCOME}: no economy in the World Bank region {region!r}")
        frames.append(
            pd.DataFrame(
                {
                    "group_key": key,
                    "group_name": name,
                    "kind": WB_KIND,
                    "iso3": members["iso3"],
                    "member_name": members["wb_name"],
                    "joined": None,
                    "membership_as_of": WB_AS_OF,
                    "source_id": INCOME_SOURCE["source_id"],
                }
            )
        )
    return pd.concat(frames, ignore_index=True)
