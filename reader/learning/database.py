"""The opener of the reader's own SQLite files now lives in ``reader.database`` (a lower
layer, so that stores under the translation session can use it too); kept here for the
learning modules that import it from this place."""

from __future__ import annotations

from reader.database import Database

__all__ = ["Database"]
