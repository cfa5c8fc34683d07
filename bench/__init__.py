"""The speed benchmark: `python -m bench.run` (see bench/run.py). Not part of the test run."""
