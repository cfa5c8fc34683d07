"""What a user has narrowed the news to: years, countries, topics, kinds, publishers and words."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from data.catalog import N_
from data.filters import Filter
from data.filters.places import expand, is_group
from data.news import fold

FILTERS = (
    Filter(
        "q",
        N_("Search titles and summaries"),
        "text",
        N_("words that must all appear in the title or summary (case and accents ignored)"),
        "q=recruitment fees",
        help=N_(
            "Every word must appear in the title or summary; case and accents are ignored. Titles and summaries "
            "are as published, mostly in English."
        ),
    ),
    Filter(
        "years",
        N_("Years (dated items)"),
        "range",
        N_("years of dated items, first-last (all by default)"),
        "years=2015-2020",
    ),
    Filter(
        "colour",
        N_("Timeline lanes"),
        "radio",
        N_("timeline lanes by `topic` (default) or `kind`"),
        "colour=kind",
        default="topic",
    ),
    Filter(
        "country",
        N_("Countries or groups (any of)"),
        "multiselect",
        N_("countries (ISO3) or country groups (e.g. `gcc`), comma-separated; a group means any of its members"),
        "country=NPL,QAT",
        help=N_(
            "A group (GCC, ASEAN, SAARC, ...) stands for any of its members: items about at least one of them, as "
            "choosing each member would give. The number beside each choice counts all items, before filtering."
        ),
    ),
    Filter("topic", N_("Topics (any of)"), "multiselect", N_("topics, comma-separated"), "topic=recruitment"),
    Filter("kind", N_("Kinds"), "multiselect", N_("kinds of item, comma-separated"), "kind=publication"),
    Filter("pub", N_("Publishers (any of)"), "multiselect", N_("publisher keys, as the page writes them"), "pub=ilo"),
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
    group_members: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False, compare=False)

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

    def describe(
        self, *, country_names: Mapping[str, str] | None = None, translate: Callable[[str], str] = str
    ) -> list[str]:
        """The filters in words; ``country_names`` names countries by ISO3 and groups by key. ``translate`` gives
        the words in the reader's language (English by default); topics, kinds and publishers are the data's."""
        names = country_names or {}
        described = []
        if self.years is not None:
            first, last = self.years
            span = str(first) if first == last else f"{first}-{last}"
            described.append(translate(N_("Dated {span} (undated resources are kept)")).format(span=span))
        if self.countries:
            places = ", ".join(
                translate(N_("{group} (any member)")).format(group=names.get(code, code))
                if is_group(code)
                else names.get(code, code)
                for code in self.countries
            )
            described.append(translate(N_("Countries (any of): {countries}")).format(countries=places))
        if self.topics:
            described.append(translate(N_("Topics (any of): {topics}")).format(topics=", ".join(self.topics)))
        if self.kinds:
            described.append(translate(N_("Kinds: {kinds}")).format(kinds=", ".join(self.kinds)))
        if self.publishers:
            publishers = ", ".join(self.publishers)
            described.append(translate(N_("Publishers (any of): {publishers}")).format(publishers=publishers))
        if self.words:
            words = " ".join(self.words)
            described.append(translate(N_("Title or summary contains: {words}")).format(words=words))
        return described
