"""Text from the data or from a user shown through Streamlit's markdown (st.markdown, st.caption, st.info,
st.error, ...) as the characters it is: the one escaper every component uses."""

import re

_MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character


def plain_markdown(text: object) -> str:
    """Every ASCII punctuation character backslash-escaped (CommonMark allows it for each), so no link, image,
    HTML, LaTeX, bare-address autolink or Streamlit directive (``:red[...]``) in the text can take effect."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))
