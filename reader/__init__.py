"""Bilingual reader: French articles beside an offline English translation."""

__version__ = "0.2.0"
