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
