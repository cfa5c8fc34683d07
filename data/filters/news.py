"""What a user has narrowed the news to: years, countries, topics, kinds, publishers and words."""

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from data.news import fold


@dataclass(frozen=True)
class NewsFilters:
    """Empty fields select everything. Lists match "any of"; words all have to appear (in any order).

    ``years`` narrows the dated items only: undated resources have no date to compare, so they stay
    (the page lists them in their own section).
    """

    years: tuple[int, int] | None = None
    countries: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    publishers: tuple[str, ...] = ()
    text: str = ""

    def apply(self, items: pd.DataFrame) -> pd.DataFrame:
        keep = pd.Series(True, index=items.index)
        if self.years is not None:
            first, last = (pd.Timestamp(year=year, month=1, day=1) for year in self.years)
            overlaps = (items["period_end"] >= first) & (items["period_start"] < last + pd.DateOffset(years=1))
            keep &= overlaps | items["period_start"].isna()
        for column, wanted in [("countries", self.countries), ("topic_list", self.topics),
                               ("publishers", self.publishers)]:
            if wanted:
                chosen = frozenset(wanted)
                keep &= items[column].map(chosen.isdisjoint).map(lambda disjoint: not disjoint).astype(bool)
        if self.kinds:
            keep &= items["kind"].isin(self.kinds)
        for word in self.words:
            keep &= items["search_text"].str.contains(word, regex=False)
        return items[keep]

    @property
    def words(self) -> list[str]:
        return fold(self.text).split()

    def describe(self, *, country_names: Mapping[str, str] | None = None) -> list[str]:
        names = country_names or {}
        described = []
        if self.years is not None:
            first, last = self.years
            span = str(first) if first == last else f"{first}-{last}"
            described.append(f"Dated {span} (undated resources are kept)")
        if self.countries:
            described.append("Countries (any of): " + ", ".join(names.get(code, code) for code in self.countries))
        if self.topics:
            described.append("Topics (any of): " + ", ".join(self.topics))
        if self.kinds:
            described.append("Kinds: " + ", ".join(self.kinds))
        if self.publishers:
            described.append("Publishers (any of): " + ", ".join(self.publishers))
        if self.words:
            described.append(f"Title or summary contains: {' '.join(self.words)}")
        return described
