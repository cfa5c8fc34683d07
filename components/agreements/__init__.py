"""The Agreements feature: pure builders (``figures``) and thin Streamlit renderers (``render``)."""
