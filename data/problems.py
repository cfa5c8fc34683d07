"""The one error the data module raises: a table that cannot be used, said in words a user can act on."""

import functools
from pathlib import Path


class DataProblem(Exception):
    """A curated table is missing or invalid. The message names the file, and the line and column at fault."""

    def __init__(self, table: str, path: Path, message: str, *, line: int | None = None, column: str | None = None):
        self.table, self.path, self.line, self.column = table, Path(path), line, column
        self.detail = message
        where = [f"file {self.path.name}"]
        if line is not None:
            where.append(f"line {line}")
        if column is not None:
            where.append(f"column '{column}'")
        super().__init__(f"The '{table}' table cannot be used ({', '.join(where)}): {message}")

    def __reduce__(self):
        """Picklable (Exception's default pickling would call __init__ with the message alone): a failed load is
        cached by st.cache_data like a good one."""
        rebuild = functools.partial(DataProblem, line=self.line, column=self.column)
        return rebuild, (self.table, self.path, self.detail)
