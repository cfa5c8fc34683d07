"""The frame's own filters, drawn by app.py in the shared sidebar on every page."""

from data.filters import Filter

LANG = Filter(
    "lang",
    # In every language at once, so that someone who reads no English finds the choice.
    "Language · Bahasa · Ngôn ngữ · ภาษา",
    "selectbox",
    "interface language: `en` (default), `id` (Bahasa Indonesia), `vi` (Tiếng Việt) or `th` (ภาษาไทย)",
    "lang=th",
    default="en",
    keep_across_pages=True,
)
FILTERS = (LANG,)
