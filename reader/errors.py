"""Errors a user can hit. Each carries a one-line message meant for people."""


class ReaderError(Exception):
    """Base class: the CLI prints ``str(error)`` on one line and exits 1; the app notifies."""


class InputError(ReaderError):
    """The article (or another input file) cannot be read or used."""


class EngineError(ReaderError):
    """A translation engine is missing, misconfigured or failed."""


class ModelPackageError(ReaderError):
    """An Argos model package cannot be installed, found or removed."""
