"""The reader's data folder, in one home (frogmouth's ``data/``, posting's ``locations``).

- ``locations``: the name of every file of the data folder (no other module spells one);
- ``database``: the one opener of every SQLite file (pragmas, WAL, a damaged file set
  aside, ``user_version`` and ordered migrations, each after a backup);
- ``schemas``: every database's migrations, in order: the registry a schema change extends;
- ``backups``: consistent copies of the databases under ``backups/``, kept for a while;
- ``transfer``: ``reader data export`` and ``import`` (a zip of JSON and the glossary TOML).

Nothing is imported here: the parts sit in different layers (``transfer`` reads the
stores; ``database`` is used by them).
"""
