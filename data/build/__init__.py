"""Build the curated tables in ``data/tables/`` from raw published files.

Each builder module holds pure functions ``build_<table>(raw: Path) -> DataFrame`` and a
``SOURCES`` list describing the published datasets it reads. Run ``python -m data.build [RAW_DIR]`` (default:
``data/raw/sources``, the raw files shipped with the repo).
"""
