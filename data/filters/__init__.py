"""One filter model per domain: a frozen dataclass with a pure ``apply`` and a readable ``describe``."""
