"""One filter model per domain: a frozen dataclass with a pure ``apply`` and a readable ``describe``.

Each page's filters are also declared once, as a tuple of ``Filter`` (key, label, widget, default, the link's
meaning and an example). ``components.filters.show`` draws the widget from it and keeps it in the link;
``link_table`` writes the table of link keys that the page and the README show (tests/test_links.py checks
the README against it), so the docs cannot drift from the code.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from data.catalog import N_

LINK_TABLE_HEADINGS = (N_("key"), N_("meaning"), N_("example"))
WIDGETS = ("selectbox", "radio", "multiselect", "slider", "range", "select_slider", "toggle", "text")


@dataclass(frozen=True)
class Filter:
    """One filter, declared once. ``key`` is both the widget key and the link's parameter name.

    ``default`` is what the page shows when the link says nothing (it is then left out of the link); a page
    may pass a default known only from the data (e.g. the latest year) to ``show``. ``parse`` turns one
    link value into an option (``int`` for years); ``meaning`` and ``example`` are the link-keys table row.
    ``keep_across_pages`` is for the frame's filters (the interface language): their value follows the user from
    page to page, where a page's own filters start again from the link of the page opened.
    """

    key: str
    label: str
    widget: str
    meaning: str
    example: str
    default: Any = None
    parse: Callable[[str], Any] = str
    help: str | None = None
    keep_across_pages: bool = False

    def __post_init__(self) -> None:
        if self.widget not in WIDGETS:
            raise ValueError(f"{self.key}: widget must be one of {WIDGETS}, not {self.widget!r}")


def link_table(
    filters: Sequence[Filter],
    *,
    extra: Sequence[tuple[str, str, str]] = (),
    translate: Callable[[str], str] = str,
) -> str:
    """The markdown table of link keys: one row per declared filter (plus ``extra`` keys such as
    ``corridor``, which a picker rather than a filter reads), in declaration order. ``translate`` gives the
    meanings (marked N_) in the reader's language; the README's copy is English (the default)."""
    rows = [
        *((key, translate(meaning), example) for key, meaning, example in extra),
        *((f"`{spec.key}`", translate(spec.meaning), f"`{spec.example}`") for spec in filters),
    ]
    header = "| " + " | ".join(translate(word) for word in LINK_TABLE_HEADINGS) + " |"
    return (
        header
        + "\n| --- | --- | --- |\n"
        + "\n".join(f"| {key} | {meaning} | {example} |" for key, meaning, example in rows)
    )
