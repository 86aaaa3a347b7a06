"""The glossary: curated and extracted entries, their occurrences, and exports.

Never imports Textual; the app uses it.
"""
