"""Glossary errors a user can hit, shown as one line."""

from reader.errors import ReaderError


class GlossaryError(ReaderError):
    """A glossary file is malformed, or an export cannot be written."""
