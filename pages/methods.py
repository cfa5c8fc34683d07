"""Data & methods: every table with what it measures, its columns, and the sources behind it."""

import streamlit as st

from components.feedback import load_or_stop
from components.frame import ensure_frame
from components.sidebar import BOUNDARIES_DISCLAIMER
from data import CATALOG, load_sources

ensure_frame()

st.title("Data & methods")
st.write(
    "Every number in this dashboard comes from a published dataset listed below. Tables are rebuilt from the "
    "raw published files with `python -m data.build PATH/TO/sources`; the app itself reads only the curated "
    "tables shipped in `data/tables/`."
)
sources = load_or_stop(load_sources)

st.header("Tables")
for spec in CATALOG.values():
    with st.expander(f"{spec.title} (`{spec.name}`)"):
        st.write(spec.description)
        st.caption(f"What the figures are: {spec.measure}")
        st.table({"column": list(spec.columns), "meaning": list(spec.columns.values())})

st.header("Sources")
st.dataframe(
    sources,
    hide_index=True,
    column_config={"url": st.column_config.LinkColumn("url"), "year": st.column_config.NumberColumn(format="%d")},
)
st.header("Caveats")
st.markdown(
    "- **Stock is not flow.** UN DESA figures count migrants living in a country at mid-year; SLBFE figures "
    "count departures in a year.\n"
    "- **Revisions differ.** The 2024 and 2020 UN DESA revisions disagree, notably on Gulf corridors; no view "
    "mixes them.\n"
    "- **Modelled is not reported.** KNOMAD/World Bank bilateral remittances are estimates that allocate each "
    "country's recorded inflows across senders; Sri Lanka's remittances by sender and SLBFE departures are reported "
    "figures. Where both exist (Sri Lanka) the Remittances page shows them side by side.\n"
    "- **Vintages.** WDI (final) and KNOMAD December 2023 (2023 = estimate) are separate series, never one line; "
    "remittance prices end in 2020Q3.\n"
    "- **Partial inventories.** The agreements and news tables are compiled from public pages and are not "
    "complete: no recorded agreement does not mean none exists.\n"
    "- **Missing is not zero.** A missing value means the publisher gives no figure; it shows as *no data*.\n"
    f"- **Boundaries.** {BOUNDARIES_DISCLAIMER}"
)

st.header("Rebuilding the tables from newer official files")
st.markdown(
    "1. Put the newer published files in a folder laid out like the project's `sources/` folder (same file names "
    "and columns).\n"
    "2. Run `python -m data.build THAT_FOLDER --out /tmp/tables` and check the messages.\n"
    "3. Open the app on them: `MIGRATION_DASHBOARD_TABLES=/tmp/tables streamlit run app.py`. Every table is "
    "validated on load; a problem names the file, line and column.\n"
    "4. When satisfied, rebuild into `data/tables/` and run the tests (`bash scripts/test.sh`)."
)
