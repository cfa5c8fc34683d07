"""The profile pages' filters, declared once: one corridor (origin, destination) or one country, and a revision."""

from data.filters import Filter
from data.filters.corridors import REVISION

CORRIDOR_FILTERS = (
    Filter("origin", "Origin", "selectbox", "origin country, ISO3 (default IND)", "origin=NPL", default="IND"),
    Filter(
        "destination",
        "Destination",
        "selectbox",
        "destination country, ISO3 (default ARE)",
        "destination=MYS",
        default="ARE",
    ),
    REVISION,
)
COUNTRY_FILTERS = (
    Filter(
        "country",
        "Country or area (Asia and the Pacific)",
        "selectbox",
        "a country or area of Asia and the Pacific, ISO3 (default IND)",
        "country=NPL",
        default="IND",
    ),
    REVISION,
)
