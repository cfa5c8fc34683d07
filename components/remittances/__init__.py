"""The Remittances feature: pure figure builders (``figures``) and the page's thin Streamlit sections (``render``)."""
