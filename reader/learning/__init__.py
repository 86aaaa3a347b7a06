"""What the reader learns: a status for every French lemma (``statuses``), the words of an
article counted by lemma (``words``), word frequency (``frequency``), the marks and
% known the app shows (``marks``), statistics (``stats``), imports of known words
(``imports``) and the vocabulary saved from lookups (``vocab``)."""
