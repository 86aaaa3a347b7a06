"""Word lookup: a French word's dictionary form, morphology and English glosses, offline.

``service.LookupService`` ties the sources together; ``dictd`` reads FreeDict
dictionaries, ``apertium_bidix`` talks to Apertium's analyser and bilingual
dictionaries, ``morph`` chooses the lemma and describes it in plain words, and
``glossaries`` finds glossary entries under the cursor.
"""
