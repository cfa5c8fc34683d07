"""The Corridors feature: pure figure builders (``figures``) and thin Streamlit renderers (``render``)."""
