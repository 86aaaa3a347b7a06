"""French language analysis shared by the glossary, word statuses and the library:
one spaCy pass over an article's blocks, giving each token its lemma, part of speech
and entity label (``reader.nlp.analysis``). spaCy is imported lazily, on first use."""
