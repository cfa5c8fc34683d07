"""Rebuild every curated table from a folder of raw published files.

python -m data.build                              # from data/raw/sources: writes data/tables/*.csv and
                                                  # static/countries.geojson
python -m data.build ../shared/sources            # from any folder laid out the same way (seeds/ beside it)
python -m data.build NEWER_RELEASES --out /tmp/x  # try newer official files without touching the app
"""

import argparse
import sys
from pathlib import Path

import pandas as pd

from data.build import (
    agreements,
    corridors,
    countries,
    country_groups,
    deployments,
    geometry,
    labour_outflows,
    news,
    remittance_corridors,
    remittance_cost_means,
    remittance_costs,
    remittance_headlines,
    remittances,
    remittances_by_sender,
)
from data.build.common import RAW_DIR
from data.catalog import GEO_DIR, TABLES_DIR


def build_all(raw: Path) -> tuple[dict[str, pd.DataFrame], dict]:
    """Every table keyed by name, plus the country shapes; pure apart from reading ``raw``."""
    deployments_table, deployment_sources = deployments.build_deployments(raw)
    agreements_table, regional_table, agreement_sources = agreements.build_agreements(raw)
    outflows_table, outflow_sources = labour_outflows.build_labour_outflows(raw)
    headlines_table, headline_sources = remittance_headlines.build_remittance_headlines(raw)
    tables = {
        "countries": countries.build_countries(raw),
        "corridors": corridors.build_corridors(raw),
        "deployments": deployments_table,
        "labour_outflows": outflows_table,
        "agreements": agreements_table,
        "regional_instruments": regional_table,
        "news": news.build_news(raw),
        "remittances": remittances.build_remittances(raw),
        "remittance_corridors": remittance_corridors.build_remittance_corridors(raw),
        "remittance_costs": remittance_costs.build_remittance_costs(raw),
        "remittance_cost_means": remittance_cost_means.build_remittance_cost_means(raw),
        "remittance_headlines": headlines_table,
        "remittances_by_sender": remittances_by_sender.build_remittances_by_sender(raw),
        "country_groups": country_groups.build_country_groups(raw),
    }
    source_rows = [
        *countries.SOURCES,
        *geometry.SOURCES,
        *corridors.SOURCES,
        *deployment_sources,
        *outflow_sources,
        *agreement_sources,
        *news.SOURCES,
        *remittances.SOURCES,
        *remittance_corridors.SOURCES,
        *remittance_costs.SOURCES,
        *remittance_cost_means.SOURCES,
        *headline_sources,
        *remittances_by_sender.SOURCES,
        *country_groups.SOURCES,
    ]
    # Int64: a web page or listing whose publication year is not known leaves the year empty (never guessed).
    sources = pd.DataFrame(source_rows).astype({"year": "Int64"})
    tables["sources"] = sources.drop_duplicates("source_id").sort_values("source_id")
    return tables, geometry.build_country_shapes(raw)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "raw",
        type=Path,
        nargs="?",
        default=RAW_DIR,
        help="folder of raw published files, laid out like data/raw/sources (default: that folder)",
    )
    parser.add_argument("--out", type=Path, default=TABLES_DIR, help="where to write the CSV tables")
    parser.add_argument("--geo-out", type=Path, default=GEO_DIR, help="where to write the country shapes")
    args = parser.parse_args(argv)
    try:
        tables, shapes = build_all(args.raw)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        table.to_csv(args.out / f"{name}.csv", index=False)
        print(f"{name}: {len(table):,} rows")
    args.geo_out.mkdir(parents=True, exist_ok=True)
    geometry.write_country_shapes(shapes, args.geo_out / "countries.geojson")
    return 0


if __name__ == "__main__":
    sys.exit(main())
