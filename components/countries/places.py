"""The place filter's options: countries and country groups in one multiselect (``data.filters.places``)."""

from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st

from components.i18n import _, ngettext, region_name
from data.filters.places import group_members, group_options, is_group
from data.groups import place_group_labels


def group_names(groups: pd.DataFrame) -> dict[str, str]:
    """Group key -> the group's name as published (e.g. 'Gulf Cooperation Council (GCC)')."""
    return dict(zip(groups["group_key"], groups["group_name"]))


def area_and_group_labels(groups: pd.DataFrame, countries: pd.DataFrame) -> dict[str, str]:
    """The Corridors page's area choices (country groups, then UN areas) worded in the reader's language."""
    return place_group_labels(
        groups,
        countries,
        group_label=lambda name, count: ngettext(
            "{group}, {count} member", "{group}, {count} members", count, group=name
        ),
        translate=_,
        region_name=region_name,
    )


def place_label(
    names: Mapping[str, str], groups: pd.DataFrame, *, counts: Mapping[str, int] | None = None
) -> Callable[[str], str]:
    """A widget's format_func for countries and groups: the country's name, or the group's name, what it
    means and its number of members; with ``counts``, how many items each option has, e.g. 'Nepal (12)'."""
    titles, members = group_names(groups), group_members(groups)

    def label(option: str) -> str:
        if is_group(option):
            shown = ngettext(
                "{group}: any of its {count} member",
                "{group}: any of its {count} members",
                len(members.get(option, ())),
                group=titles.get(option, option),
            )
        else:
            shown = names.get(option, option)
        return f"{shown} ({counts.get(option, 0)})" if counts is not None else shown

    return label


def place_options(groups: pd.DataFrame, countries: list[str]) -> list[str]:
    """Groups first (there are few), then the countries."""
    return [*group_options(groups), *countries]


def render_group_note(chosen: list[str], *, meaning: str, container=st) -> None:
    """Say what a chosen group means on the page, where the filter is."""
    if any(is_group(option) for option in chosen):
        container.caption(meaning)
