"""Conversion debris removed before extraction (placeholder until the policy loaders land)."""


def clean(text: str) -> str:
    return text
