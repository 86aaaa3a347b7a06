"""The library: every text the reader added (files, EPUB books, web pages), kept in the data
folder with its progress, and every sentence of it searchable by form and by lemma.

- ``shelf``: the SQLite database (texts, their stored blocks, the sentence index);
- ``sources``: reading what ``reader add`` is given (file, stdin, EPUB, URL) into blocks;
- ``adding``: a source read, analysed by spaCy once, and stored in one transaction;
- ``epub``, ``extract``, ``pagefacts``, ``paragraphs``: books and web pages.
"""
