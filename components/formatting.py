"""The shared look: the palette, and numbers and dates for people in the session's language (compact in charts
and tiles, exact with thousands separators in tables). Text from data or users is escaped by
``components.plain_text.plain_markdown``.

Numbers and dates come from CLDR through ``babel`` for the interface language (``components.i18n``): grouping,
decimal sign, compact forms ("3,2 jt", "3,2 Tr", "3.2 ล้าน") and month names. English keeps the dashboard's own
short forms ("3.47 M", "119.5 bn"), which its readers, tests and other pages already quote."""

import datetime
import math

import pandas as pd
from babel.dates import format_date, format_skeleton
from babel.numbers import format_compact_decimal, format_decimal, format_percent

from components.i18n import DEFAULT_LANGUAGE, N_, _, current_locale

NO_DATA = N_("no data")
# Okabe-Ito: distinguishable with the common colour-vision deficiencies, and on a projector. Its yellow comes
# last: too faint on white or grey for small marks, so lists that need fewer colours leave it out.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"]


_SCALES = [(1e12, " trillion"), (1e9, " bn"), (1e6, " M"), (1e3, " k")]


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _compact_cldr(number: float, locale: str) -> str:
    """Three significant digits in the locale's compact form; Thai's short form is Latin ("3.2M"), so its
    long form ("3.2 ล้าน") is used."""
    rounded = float(f"{number:.3g}") if number else 0.0
    return format_compact_decimal(
        rounded, locale=locale, fraction_digits=2, format_type="long" if locale == "th" else "short"
    )


def compact_number(value, *, locale: str | None = None) -> str:
    """3,471,300 -> '3.47 M' ('3,47 jt' in Indonesian); 119,530,000,000 -> '119.5 bn'; 999 -> '999'; missing ->
    'no data' in the session's language."""
    if _missing(value):
        return _(NO_DATA)
    number = float(value)
    locale = locale or current_locale()
    if locale != DEFAULT_LANGUAGE:
        return _compact_cldr(number, locale)
    for threshold, suffix in _SCALES:
        if abs(number) >= threshold:
            scaled = number / threshold
            return f"{scaled:.{2 if abs(scaled) < 10 else 1}f}{suffix}"
    return f"{number:.2f}".rstrip("0").rstrip(".") if abs(number) < 10 else f"{number:,.0f}"


def exact_number(value, *, locale: str | None = None) -> str:
    """1848270 -> '1,848,270' ('1.848.270' in Indonesian and Vietnamese); missing -> 'no data'."""
    if _missing(value):
        return _(NO_DATA)
    return format_decimal(round(float(value)), format="#,##0", locale=locale or current_locale())


def percent(value, *, digits: int = 1, locale: str | None = None) -> str:
    """29.8 -> '29.8%' ('29,8%' in Indonesian); the value is already in percent."""
    if _missing(value):
        return _(NO_DATA)
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    return format_percent(float(value) / 100, format=pattern, locale=locale or current_locale())


def month_year(value: datetime.date, *, locale: str | None = None) -> str:
    """May 2024 with the month in the language ('Mei 2024', 'tháng 5, 2024', 'พฤษภาคม 2024')."""
    return format_skeleton("yMMMM", value, locale=locale or current_locale())


def full_date(value: datetime.date, *, locale: str | None = None) -> str:
    """17 May 2024 in the language's long form ('17 Mei 2024', '17 พฤษภาคม 2024')."""
    return format_date(value, "long", locale=locale or current_locale())
