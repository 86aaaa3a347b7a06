"""Your English: the reader's own English for a French sentence, kept once and used wherever
that sentence appears, in every text, ahead of every engine (issue 21).

- ``key``: how two spellings of one French sentence become one key;
- ``store``: the corrections file (``corrections.sqlite3``), one indexed lookup per batch;
- ``files``: TMX 1.4, CSV and JSON, in and out.

The translation session applies them (``reader.session``); nothing here imports an engine.
"""
