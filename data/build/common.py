"""Small helpers shared by the builders."""

from pathlib import Path

import pandas as pd


def read_raw_csv(path: Path, **kwargs) -> pd.DataFrame:
    """Read a raw CSV keeping strings such as "NA" (Namibia's ISO2) as text; only blanks are missing."""
    if not path.is_file():
        raise FileNotFoundError(f"Raw file not found: {path}. Pass the folder that holds the published sources.")
    return pd.read_csv(path, keep_default_na=False, na_values=[""], **kwargs)
