"""Several corridors over time on one chart: each corridor's migrant stock in every estimate year of a revision,
in persons or as a share of the origin country's population. Pure pandas: no Streamlit here.

The population is the World Bank WDI series of the ``remittances`` table (UN World Population Prospects as
packaged with WDI), for the same calendar year; WDI ends in 2023, so a 2024 share is *no data*, never a 2023
population carried forward.
"""

from collections.abc import Mapping, Sequence

import pandas as pd

MEASURES = ("persons", "population")
MEASURE_LABELS = {"persons": "Migrants (persons)", "population": "% of the origin country's population"}
MAX_LINES = 8
TREND_COLUMNS = ["year", "orig_iso3", "dest_iso3", "sex", "migrants", "origin_population", "pct_of_origin_population"]


def corridor_trends(
    years: Mapping[int, pd.DataFrame], pairs: Sequence[tuple[str, str]], remittances: pd.DataFrame, *, sex: str
) -> pd.DataFrame:
    """One row per corridor of ``pairs`` and estimate year (``years``: one revision, ``by_year``) with the
    migrants of ``sex``, the origin's population that calendar year and the migrants as % of it (missing
    where either is missing)."""
    wanted = pd.DataFrame(list(pairs), columns=["orig_iso3", "dest_iso3"])
    frames = [rows.merge(wanted, on=["orig_iso3", "dest_iso3"]) for rows in years.values()]
    trends = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["year", *wanted.columns, sex])
    population = remittances.loc[remittances["series"] == "wdi", ["iso3", "year", "population"]].rename(
        columns={"iso3": "orig_iso3", "population": "origin_population"}
    )
    trends = trends.assign(sex=sex, migrants=trends[sex].astype("Int64")).merge(
        population, on=["orig_iso3", "year"], how="left"
    )
    share = trends["migrants"].astype("Float64") / trends["origin_population"].astype("Float64") * 100
    trends["pct_of_origin_population"] = share.round(3)
    order = {pair: position for position, pair in enumerate(pairs)}
    trends["order"] = [order[pair] for pair in zip(trends["orig_iso3"], trends["dest_iso3"])]
    return trends.sort_values(["order", "year"])[TREND_COLUMNS].reset_index(drop=True)
