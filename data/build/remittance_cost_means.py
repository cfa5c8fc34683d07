"""Cost of sending money by corridor, 2016Q2-2025Q1, COMPUTED as the mean of RPW provider quotes.

Not the World Bank's published corridor average (``remittance_costs``, which ends in 2020Q3): the simple mean, per
corridor and quarter, of the provider-level quotes in the RPW complete dataset, computed by the author of GitHub
``jonsmirl/thesis``. A separate table, so that it can never be drawn as, or overwrite, the published series; each
row carries the corridor's check against the published average where both exist (``reproduces_published``).
"""

from pathlib import Path

import pandas as pd

from data.build.common import read_raw_csv
from data.build.remittances import WORLD_BANK_TO_UN_CODES

MEANS_FILE = "rpw_corridor_means_2016q2_2025q1/rpw_corridor_mean_cost_2016q2_2025q1_derived.csv"
SOURCE_ID = "rpw_quote_means_2016q2_2025q1"
SERIES = "mean of RPW provider quotes, computed"
# The last quarter of the World Bank's published corridor averages held here (remittance_costs).
LAST_PUBLISHED_QUARTER = "2020Q3"

SOURCES = [
    {
        "source_id": SOURCE_ID,
        "publisher": "The World Bank, Remittance Prices Worldwide (provider quotes); means computed by a third party",
        "dataset": "Mean cost of sending US$200 and US$500 per corridor and quarter, computed from the RPW complete "
        "dataset (post-2016 sheet, provider-level cc1/cc2 total cost %)",
        "edition": "2016Q2-2025Q1 (thesis_data/rpw_filtered.csv)",
        "year": 2026,
        "url": "https://remittanceprices.worldbank.org",
        "licence": "RPW data: CC BY 4.0 (World Bank data catalog); attribute The World Bank, Remittance Prices "
        "Worldwide. The means are the thesis author's computation",
        "citation": "Means of provider quotes from The World Bank, Remittance Prices Worldwide, computed in "
        "github.com/jonsmirl/thesis (filter_rpw.py), 2016Q2-2025Q1.",
        "obtained_from": "github.com/jonsmirl/thesis, thesis_data/rpw_filtered.csv @ "
        "72e30fb9cd9a8716043fb01e62bec0762deb6538; rounded to 4 decimals; validation columns added against the "
        "DataBank corridor averages (see SOURCES.md)",
        "notes": "NOT the World Bank's published corridor average: a simple mean of provider quotes (product rows). "
        "It reproduces the published average in most corridors (84.6% of overlapping corridor-quarters identical "
        "after rounding) but not all; use the published series to 2020Q3 and this one after, preferably only for "
        "corridors flagged matches_official or mostly_matches. Negative costs in raw quotes are kept.",
    },
]

COLUMNS = [
    "series", "sender_iso3", "receiver_iso3", "period", "year", "quarter", "cost_pct", "cost_pct_500usd",
    "fx_margin_pct", "fx_margin_pct_500usd", "n_quotes", "reproduces_published", "overlap_quarters",
    "overlap_quarters_matching", "overlap_max_abs_diff", "after_published_series", "rpw_corridor_code", "source_id",
]  # fmt: skip


def build_remittance_cost_means(raw: Path) -> pd.DataFrame:
    means = read_raw_csv(raw / MEANS_FILE)
    for column in ("sender_iso3", "receiver_iso3"):
        means[column] = means[column].replace(WORLD_BANK_TO_UN_CODES)
    table = means.rename(
        columns={
            "avg_cost_pct_200usd": "cost_pct",
            "avg_cost_pct_500usd": "cost_pct_500usd",
            "avg_fx_margin_200usd": "fx_margin_pct",
            "avg_fx_margin_500usd": "fx_margin_pct_500usd",
            "validation": "reproduces_published",
        }
    ).assign(
        series=SERIES,
        year=means["period"].str[:4].astype(int),
        quarter=means["period"].str[-1].astype(int),
        # "YYYYQn" strings order as the quarters do.
        after_published_series=means["period"] > LAST_PUBLISHED_QUARTER,
        source_id=SOURCE_ID,
    )
    return table[COLUMNS].sort_values(["receiver_iso3", "sender_iso3", "period"], ignore_index=True)
