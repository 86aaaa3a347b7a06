"""The ``reader`` subcommands, one module per command group; ``reader.cli`` registers them.

Each module handles arguments only and imports the modules doing the work inside
its functions, so ``reader --help`` stays instant.
"""
