"""The profile pages' filters, declared once: one corridor (origin, destination) or one country, and a revision."""

from data.catalog import N_
from data.filters import Filter
from data.filters.corridors import REVISION

CORRIDOR_FILTERS = (
    Filter("origin", N_("Origin"), "selectbox", N_("origin country, ISO3 (default IND)"), "origin=NPL", default="IND"),
    Filter(
        "destination",
        N_("Destination"),
        "selectbox",
        N_("destination country, ISO3 (default ARE)"),
        "destination=MYS",
        default="ARE",
    ),
    REVISION,
)
COUNTRY_FILTERS = (
    Filter(
        "country",
        N_("Country or area (Asia and the Pacific)"),
        "selectbox",
        N_("a country or area of Asia and the Pacific, ISO3 (default IND)"),
        "country=NPL",
        default="IND",
    ),
    REVISION,
)
