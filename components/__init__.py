"""Reusable UI pieces and figure builders. Pure builders take DataFrames and return figures or bytes."""
