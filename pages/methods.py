"""Data & methods: every table with what it measures, its columns, and the sources behind it."""

import streamlit as st

from components.feedback import load_or_stop
from components.frame import ensure_frame
from components.i18n import _, ngettext
from components.sidebar import BOUNDARIES_DISCLAIMER
from data import CATALOG, load_sources
from data.catalog import LABELS

ensure_frame()

st.title(_("Data & methods"))
st.write(
    _(
        "Every number in this dashboard comes from a published dataset listed below. Tables are rebuilt from the "
        "raw published files with `python -m data.build PATH/TO/sources`; the app itself reads only the curated "
        "tables shipped in `data/tables/`."
    )
)
sources = load_or_stop(load_sources)

st.header(ngettext("{count} table", "{count} tables", len(CATALOG)))
for spec in CATALOG.values():
    with st.expander(f"{_(spec.title)} (`{spec.name}`)"):
        st.write(_(spec.description))
        st.caption(_("What the figures are: {measure}", measure=_(spec.measure)))
        st.table({_("column"): list(spec.columns), _("meaning"): [_(meaning) for meaning in spec.columns.values()]})

st.header(_("Sources"))
labels = {column: _(LABELS[column]) for column in sources.columns}  # "Publisher", "Licence" in the language
links = {"url": st.column_config.LinkColumn(labels["url"])}
st.dataframe(
    sources,
    hide_index=True,
    column_config=labels | links | {"year": st.column_config.NumberColumn(labels["year"], format="%d")},
)
st.header(_("Caveats"))
CAVEATS = [
    _(
        "**Stock is not flow.** UN DESA figures count migrants living in a country at mid-year; SLBFE figures "
        "count departures in a year."
    ),
    _(
        "**Revisions differ.** The 2024 and 2020 UN DESA revisions disagree, notably on Gulf corridors; no view "
        "mixes them."
    ),
    _(
        "**Modelled is not reported.** KNOMAD/World Bank bilateral remittances are estimates that allocate each "
        "country's recorded inflows across senders; Sri Lanka's remittances by sender and SLBFE departures are "
        "reported figures. Where both exist (Sri Lanka) the Remittances page shows them side by side."
    ),
    _(
        "**Vintages.** WDI (final) and KNOMAD December 2023 (2023 = estimate) are separate series, never one line; "
        "remittance prices end in 2020Q3."
    ),
    _(
        "**Partial inventories.** The agreements and news tables are compiled from public pages and are not "
        "complete: no recorded agreement does not mean none exists."
    ),
    _("**Missing is not zero.** A missing value means the publisher gives no figure; it shows as *no data*."),
    _("**Boundaries.** {disclaimer}", disclaimer=_(BOUNDARIES_DISCLAIMER)),
]
st.markdown("\n".join(f"- {caveat}" for caveat in CAVEATS))

st.header(_("Rebuilding the tables from newer official files"))
STEPS = [
    _(
        "Put the newer published files in a folder laid out like the project's `sources/` folder (same file names "
        "and columns)."
    ),
    _("Run `python -m data.build THAT_FOLDER --out /tmp/tables` and check the messages."),
    _(
        "Open the app on them: `MIGRATION_DASHBOARD_TABLES=/tmp/tables streamlit run app.py`. Every table is "
        "validated on load; a problem names the file, line and column."
    ),
    _("When satisfied, rebuild into `data/tables/` and run the tests (`bash scripts/test.sh`)."),
]
st.markdown("\n".join(f"{number}. {step}" for number, step in enumerate(STEPS, start=1)))
