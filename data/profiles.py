"""Pure summaries of one country or one corridor, for the profile pages. No Streamlit here."""

import pandas as pd

ROLE_COLUMNS = {"origin": ("orig_iso3", "dest_iso3"), "destination": ("dest_iso3", "orig_iso3")}


def female_share(female: pd.Series, male: pd.Series) -> pd.Series:
    """Female share in percent; missing where either part is missing or the total is zero."""
    total = female + male
    return (female / total.where(total > 0) * 100).astype("Float64").round(1)


def stock_trend(corridors: pd.DataFrame, iso3: str, *, role: str) -> pd.DataFrame:
    """Migrants born in (role='origin') or living in (role='destination') a country, by year and sex.

    Pairs with an unknown origin (OOO) count towards a destination's immigrants, as UN DESA counts them.
    """
    own, _ = ROLE_COLUMNS[role]
    rows = corridors[corridors[own] == iso3]
    trend = rows.groupby("year", as_index=False)[["female", "male", "total"]].sum(min_count=1)
    trend["female_share"] = female_share(trend["female"], trend["male"])
    return trend


def top_partners(
    corridors: pd.DataFrame, countries: pd.DataFrame, iso3: str, *, role: str, year: int, limit: int = 10
) -> pd.DataFrame:
    """The largest corridors of a country in a year: destinations of its emigrants, or origins of its immigrants."""
    own, other = ROLE_COLUMNS[role]
    rows = corridors[(corridors[own] == iso3) & (corridors["year"] == year)].dropna(subset=["total"])
    top = rows.nlargest(limit, "total")
    names = countries.set_index("iso3")["name"]
    return pd.DataFrame(
        {
            "partner_iso3": top[other].to_numpy(),
            "partner": top[other].map(names).fillna(top[other]).to_numpy(),
            "migrants": top["total"].to_numpy(),
            "female_share": female_share(top["female"], top["male"]).to_numpy(),
            "imputed": top["type_i"].eq(1).to_numpy(),
            "source_id": top["source_id"].to_numpy(),
        }
    )


def regional_stock(corridors: pd.DataFrame, countries: pd.DataFrame, *, year: int) -> dict:
    """Headline figures for Asia and the Pacific in one year of one revision: emigrants born in the region,
    immigrants living in it, and the largest origin and destination country."""
    in_region = set(countries.loc[countries["is_asia_pacific"], "iso3"])
    rows = corridors[corridors["year"] == year]
    born_here = rows[rows["orig_iso3"].isin(in_region)]
    living_here = rows[rows["dest_iso3"].isin(in_region)]
    by_origin = born_here.groupby("orig_iso3")["total"].sum().sort_values(ascending=False)
    by_destination = living_here.groupby("dest_iso3")["total"].sum().sort_values(ascending=False)
    return {
        "year": year,
        "born_in_region": int(born_here["total"].sum()),
        "living_in_region": int(living_here["total"].sum()),
        "top_origin": (by_origin.index[0], int(by_origin.iloc[0])),
        "top_destination": (by_destination.index[0], int(by_destination.iloc[0])),
        "source_ids": sorted(set(rows["source_id"])),
    }


def corridor_trend(corridors: pd.DataFrame, origin: str, destination: str) -> pd.DataFrame:
    """One corridor over the years of one revision, by sex, with UN DESA's data-type flags of each year."""
    rows = corridors[(corridors["orig_iso3"] == origin) & (corridors["dest_iso3"] == destination)]
    trend = rows.sort_values("year")[
        ["year", "female", "male", "total", "type_b", "type_c", "type_r", "type_i", "source_id"]
    ].reset_index(drop=True)
    trend["female_share"] = female_share(trend["female"], trend["male"])
    return trend


def pair_remittances(remittance_corridors: pd.DataFrame, origin: str, destination: str) -> pd.DataFrame:
    """Modelled remittances sent home along a migration corridor: from the destination to the origin."""
    rows = remittance_corridors[
        (remittance_corridors["sender_iso3"] == destination) & (remittance_corridors["receiver_iso3"] == origin)
    ]
    return rows.sort_values("year").reset_index(drop=True)


def pair_costs(remittance_costs: pd.DataFrame, origin: str, destination: str) -> pd.DataFrame:
    """Remittance Prices Worldwide average total cost of sending money from the destination to the origin."""
    rows = remittance_costs[
        (remittance_costs["series_code"] == "ATCR.CORR")
        & (remittance_costs["sender_iso3"] == destination)
        & (remittance_costs["receiver_iso3"] == origin)
    ]
    return rows.sort_values("period").reset_index(drop=True)


def departures_to(outflows: pd.DataFrame, origin: str, destination: str) -> pd.DataFrame:
    """Shown departures (``labour_outflows``) from one origin to one destination country, all workers of both
    sexes, one row per period (earliest first); cumulative registers are left to ``register_shares``."""
    rows = outflows[
        outflows["is_shown"].astype(bool)
        & (outflows["origin_iso3"] == origin)
        & (outflows["destination_iso3"] == destination)
        & (outflows["sex"] == "total")
        & (outflows["worker_category"] == "all")
        & (outflows["period_kind"] != "cumulative")
    ]
    return rows.sort_values(["period_start", "period_label"]).reset_index(drop=True)


def departures_totals(outflows: pd.DataFrame, origin: str) -> pd.DataFrame:
    """The national totals one origin's agencies printed (all workers, both sexes), one row per period shown,
    earliest first; a cumulative register's total is left out (it is not a year's flow)."""
    rows = outflows[
        outflows["is_shown"].astype(bool)
        & (outflows["origin_iso3"] == origin)
        & (outflows["scope"] == "total")
        & (outflows["sex"] == "total")
        & (outflows["worker_category"] == "all")
        & (outflows["period_kind"] != "cumulative")
    ]
    return rows.sort_values(["period_start", "period_label"]).reset_index(drop=True)


def pair_cost_means(means: pd.DataFrame, origin: str, destination: str) -> pd.DataFrame:
    """The computed mean cost of sending money home along a corridor (destination -> origin) after the published
    series ends (``remittance_cost_means``, after_published_series), by quarter."""
    rows = means[
        (means["sender_iso3"] == destination)
        & (means["receiver_iso3"] == origin)
        & means["after_published_series"].astype(bool)
    ]
    return rows.sort_values("period").reset_index(drop=True)


def itemised_sums(outflows: pd.DataFrame, origin: str) -> pd.DataFrame:
    """Per period of a table that itemises every destination (``parts_complete``) and prints no total: the sum
    of its rows (all workers, both sexes), with how many figures are withheld (left out of the sum)."""
    rows = outflows[
        outflows["is_shown"].astype(bool)
        & (outflows["origin_iso3"] == origin)
        & (outflows["sex"] == "total")
        & (outflows["worker_category"] == "all")
        & (outflows["period_kind"] != "cumulative")
        & outflows["parts_complete"].astype(bool)
    ]
    printed = set(rows.loc[rows["scope"] == "total", "table_id"])
    parts = rows[~rows["table_id"].isin(printed)]
    sums = parts.groupby(["period_start", "period_label", "basis"], as_index=False).agg(
        value=("value", "sum"), withheld=("value", lambda values: int(values.isna().sum()))
    )
    return sums.sort_values("period_start", ignore_index=True)


def country_remittances(remittances: pd.DataFrame, iso3: str, *, series: str = "wdi") -> pd.DataFrame:
    """One country's remittances received and paid from one series (never mixing vintages)."""
    rows = remittances[(remittances["iso3"] == iso3) & (remittances["series"] == series)]
    return rows.sort_values("year").reset_index(drop=True)


def regional_remittances(remittances: pd.DataFrame, countries: pd.DataFrame) -> dict:
    """WDI remittances received by Asia and the Pacific in the latest year, summed over the countries that
    publish a figure (how many do is part of the result), and the largest recipient."""
    in_region = set(countries.loc[countries["is_asia_pacific"], "iso3"])
    wdi = remittances[(remittances["series"] == "wdi") & remittances["iso3"].isin(in_region)]
    year = int(wdi.dropna(subset=["received_usd"])["year"].max())
    rows = wdi[wdi["year"] == year].dropna(subset=["received_usd"])
    top = rows.nlargest(1, "received_usd").iloc[0]
    return {
        "year": year,
        "received_usd": float(rows["received_usd"].sum()),
        "reporting": len(rows),
        "of": len(in_region),
        "top": (top["iso3"], float(top["received_usd"])),
        "source_ids": sorted(set(rows["source_id"])),
    }
