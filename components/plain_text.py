"""Text from the data or from a user shown through Streamlit's markdown (st.markdown, st.caption, st.info,
st.error, ...) as the characters it is: the one escaper every component uses."""

import re

_MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character
# Where GitHub-flavoured markdown would make a bare address a link even when every character is escaped (it links
# text after parsing): after the colon of "scheme://", between "www" and its dot, before the "@" of an e-mail.
_AUTOLINK_POINTS = re.compile(r"(?<=:)(?=//)|(?<=www)(?=\.)|(?<=[\w.+-])(?=@)", re.IGNORECASE)
WORD_JOINER = "\u2060"  # invisible, and no letter, digit or punctuation: the address no longer matches


def plain_markdown(text: object) -> str:
    """Every ASCII punctuation character backslash-escaped (CommonMark allows it for each), and an invisible word
    joiner where a bare address would start, so no link, image, HTML, LaTeX, autolink or Streamlit directive
    (``:red[...]``) in the text can take effect; it reads the same."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _AUTOLINK_POINTS.sub(WORD_JOINER, str(text)))
