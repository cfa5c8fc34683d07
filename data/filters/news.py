"""What a user has narrowed the news to: years, countries, topics, kinds, publishers and words."""

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from data.filters import Filter
from data.filters.places import expand, is_group
from data.news import fold

FILTERS = (
    Filter(
        "q",
        "Search titles and summaries",
        "text",
        "words that must all appear in the title or summary (case and accents ignored)",
        "q=recruitment fees",
        help="Every word must appear in the title or summary; case and accents are ignored.",
    ),
    Filter(
        "years", "Years (dated items)", "range", "years of dated items, first-last (all by default)", "years=2015-2020"
    ),
    Filter(
        "colour",
        "Timeline lanes",
        "radio",
        "timeline lanes by `topic` (default) or `kind`",
        "colour=kind",
        default="topic",
    ),
    Filter(
        "country",
        "Countries or groups (any of)",
        "multiselect",
        "countries (ISO3) or country groups (e.g. `gcc`), comma-separated; a group means any of its members",
        "country=NPL,QAT",
        help="A group (GCC, ASEAN, SAARC, ...) stands for any of its members: items about at least one of them, "
        "as choosing each member would give.",
    ),
    Filter("topic", "Topics (any of)", "multiselect", "topics, comma-separated", "topic=recruitment"),
    Filter("kind", "Kinds", "multiselect", "kinds of item, comma-separated", "kind=publication"),
    Filter("pub", "Publishers (any of)", "multiselect", "publisher keys, as the page writes them", "pub=ilo"),
)
FILTER = {spec.key: spec for spec in FILTERS}


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
    # How to read a group key among ``countries`` (the country_groups table, by group_key).
    group_members: Mapping[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def apply(self, items: pd.DataFrame) -> pd.DataFrame:
        keep = pd.Series(True, index=items.index)
        if self.years is not None:
            first, last = (pd.Timestamp(year=year, month=1, day=1) for year in self.years)
            overlaps = (items["period_end"] >= first) & (items["period_start"] < last + pd.DateOffset(years=1))
            keep &= overlaps | items["period_start"].isna()
        for column, wanted in [
            ("countries", expand(self.countries, self.group_members)),
            ("topic_list", self.topics),
            ("publishers", self.publishers),
        ]:
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
            described.append(
                "Countries (any of): "
                + ", ".join(
                    f"{names.get(code, code)} (any member)" if is_group(code) else names.get(code, code)
                    for code in self.countries
                )
            )
        if self.topics:
            described.append("Topics (any of): " + ", ".join(self.topics))
        if self.kinds:
            described.append("Kinds: " + ", ".join(self.kinds))
        if self.publishers:
            described.append("Publishers (any of): " + ", ".join(self.publishers))
        if self.words:
            described.append(f"Title or summary contains: {' '.join(self.words)}")
        return described
