"""The News feature: pure builders (``figures``) and thin Streamlit renderers (``render``)."""
