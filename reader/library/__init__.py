"""The library: every text the reader added (files, EPUB books, web pages), kept in the data
folder with its progress, and every sentence of it searchable by form and by lemma.

- ``shelf``: the SQLite database (texts, their stored blocks, the sentence index, search);
- ``index``: what is indexed for each sentence (its French, its lemmas), and word counts;
- ``sources``: what ``reader add`` is given (file, stdin, EPUB, URL) read into a text,
  analysed by spaCy once and stored in one transaction;
- ``epub``: EPUB books; ``extract``, ``pagefacts``, ``paragraphs``: web pages.
"""
