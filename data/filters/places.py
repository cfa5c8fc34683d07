"""Countries and country groups chosen together in one place filter (Agreements' parties, News' countries).

A filter's options are ISO3 codes (upper case) and ``group_key``s of the ``country_groups`` table (lower-case
identifiers such as ``gcc``), so one link key carries both (``country=NPL,gcc``) and every link written before
groups existed reads as it did. Choosing a group means "any of its members": the same as choosing each member.
"""

from collections.abc import Collection, Iterable, Mapping

import pandas as pd


def is_group(option: str) -> bool:
    """Group keys are lower-case identifiers; ISO3 codes are upper case."""
    return option.islower()


def group_options(groups: pd.DataFrame) -> list[str]:
    """Every country group's key, in the table's order."""
    return list(dict.fromkeys(groups["group_key"]))


def group_members(groups: pd.DataFrame) -> dict[str, tuple[str, ...]]:
    """Each country group's key and its members (ISO3, in table order): ``{"gcc": ("SAU", ...), ...}``."""
    return {key: tuple(rows["iso3"]) for key, rows in groups.groupby("group_key", sort=False)}


def expand(chosen: Iterable[str], members: Mapping[str, Collection[str]]) -> frozenset[str]:
    """The countries a choice stands for: each chosen country, and every member of each chosen group."""
    codes: set[str] = set()
    for option in chosen:
        codes.update(members.get(option, ()) if is_group(option) else (option,))
    return frozenset(codes)
