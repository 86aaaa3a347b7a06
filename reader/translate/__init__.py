"""Translation steps that sit on the engine and the cache: glossary enforcement
(``enforce``) and the glossary build's English for extracted terms (``glossary_build``)."""
