"""The shared look: the palette, and numbers for people (compact in charts and tiles, exact with thousands
separators in tables). Text from data or users is escaped by ``components.plain_text.plain_markdown``."""

import math

import pandas as pd

NO_DATA = "no data"
# Okabe-Ito: distinguishable with the common colour-vision deficiencies, and on a projector. Its yellow comes
# last: too faint on white or grey for small marks, so lists that need fewer colours leave it out.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"]


_SCALES = [(1e12, " trillion"), (1e9, " bn"), (1e6, " M"), (1e3, " k")]


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def compact_number(value) -> str:
    """3,471,300 -> '3.47 M'; 119,530,000,000 -> '119.5 bn'; 999 -> '999'; missing -> 'no data'."""
    if _missing(value):
        return NO_DATA
    number = float(value)
    for threshold, suffix in _SCALES:
        if abs(number) >= threshold:
            scaled = number / threshold
            return f"{scaled:.{2 if abs(scaled) < 10 else 1}f}{suffix}"
    return f"{number:.2f}".rstrip("0").rstrip(".") if abs(number) < 10 else f"{number:,.0f}"


def exact_number(value) -> str:
    """1848270 -> '1,848,270'; missing -> 'no data'."""
    if _missing(value):
        return NO_DATA
    return f"{float(value):,.0f}"


def percent(value, *, digits: int = 1) -> str:
    if _missing(value):
        return NO_DATA
    return f"{float(value):.{digits}f}%"
