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


def top_partners(corridors: pd.DataFrame, countries: pd.DataFrame, iso3: str, *, role: str, year: int,
                 limit: int = 10) -> pd.DataFrame:
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
    trend = rows.sort_values("year")[["year", "female", "male", "total", "type_b", "type_c", "type_r", "type_i",
                                      "source_id"]].reset_index(drop=True)
    trend["female_share"] = female_share(trend["female"], trend["male"])
    return trend
