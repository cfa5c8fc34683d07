"""Read a curated CSV and check it against its schema, turning every failure into a DataProblem."""

from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaError, SchemaErrors

from data.problems import DataProblem

MAX_LISTED_FAILURES = 5


def read_csv_table(table: str, path: Path) -> pd.DataFrame:
    """Read a table's CSV as text-first data: only empty cells are missing ("NA" is Namibia)."""
    try:
        if not path.is_file():
            raise DataProblem(
                table,
                path,
                "the file is missing. Rebuild the tables with `python -m data.build`, "
                "or restore the file from the repository.",
            )
        return pd.read_csv(path, keep_default_na=False, na_values=[""], encoding="utf-8", low_memory=False)
    except UnicodeDecodeError as error:
        raise DataProblem(table, path, f"the file is not valid UTF-8 text (byte {error.start}).") from None
    except pd.errors.EmptyDataError:
        raise DataProblem(table, path, "the file is empty.") from None
    except pd.errors.ParserError as error:
        raise DataProblem(table, path, f"the file is not well-formed CSV ({error}).") from None
    except OSError as error:
        raise unreadable(table, path, error) from None


def unreadable(table: str, path: Path, error: OSError) -> DataProblem:
    """Any operating-system error (no permission, a folder where the file should be, an I/O error) in words."""
    reason = error.strerror or error.__class__.__name__
    return DataProblem(
        table,
        path,
        f"the file cannot be read ({reason}). Check that it is a readable file, or restore it from the repository.",
    )


def validate(table: str, path: Path, frame: pd.DataFrame, schema: pa.DataFrameSchema) -> pd.DataFrame:
    """Return the frame coerced to the schema's types, or raise a DataProblem naming line and column."""
    missing = [name for name in schema.columns if name not in frame.columns]
    if missing:
        raise DataProblem(table, path, f"required column(s) missing: {', '.join(missing)}.", line=1)
    if frame.empty:  # a curated table is never empty: this is a file cut short after its header
        raise DataProblem(table, path, "the file has a header but no rows.", line=2)
    try:
        return schema.validate(frame, lazy=True)
    except SchemaErrors as errors:
        raise _problem_from_failures(table, path, errors.failure_cases) from None
    except SchemaError as error:
        raise DataProblem(table, path, str(error).splitlines()[0]) from None


def _problem_from_failures(table: str, path: Path, failures: pd.DataFrame) -> DataProblem:
    located = failures.dropna(subset=["index"]).sort_values("index")
    first = located.iloc[0] if len(located) else failures.iloc[0]
    line = int(first["index"]) + 2 if pd.notna(first["index"]) else None  # header is line 1
    column = first["column"] if isinstance(first["column"], str) and first["column"] != table else None
    described = [
        f"line {int(row['index']) + 2}: {row['column']} = {str(row['failure_case'])[:60]!r} fails {row['check']}"
        for _, row in located.head(MAX_LISTED_FAILURES).iterrows()
    ] or [f"{first['check']} (value {str(first['failure_case'])[:60]!r})"]
    more = len(failures) - len(described)
    message = "; ".join(described) + (f"; and {more} more problem(s)." if more > 0 else ".")
    return DataProblem(table, path, message, line=line, column=column)
