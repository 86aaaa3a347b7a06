"""Derives the French frequency list by lemma (``reader/learning/data/fr-lemmas.tsv``).

wordfreq (CC BY-SA 4.0 data; a 57 MB wheel, never a dependency of the reader) gives the
most frequent French word forms and their frequencies. Each form is lemmatised by the
reader's own analysis (spaCy plus ``reader.nlp.lemmas``: the same lemmas the reader
counts by), and frequencies are summed by lemma. Kept: function words and lemmas that
spaCy's French lemmatizer has as headwords, less the general glossary's names; so
numbers, names (France, Daniel, Kiev…), English words and broken forms are left out:
they are never words to learn.

wordfreq lives in a scratch virtual environment outside the repository:

    python3 -m venv /tmp/wordfreq && /tmp/wordfreq/bin/pip install wordfreq
    .venv/bin/python -m benchmarks.derive_frequency --wordfreq-python /tmp/wordfreq/bin/python

The derived file stays under CC BY-SA 4.0 (see ``reader/learning/data/README.md``).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.nlp.analysis import Lexicon

ROOT = Path(__file__).resolve().parent.parent

OUTPUT = ROOT / "reader" / "learning" / "data" / "fr-lemmas.tsv"
ELIDED = {"l", "d", "qu", "c", "j", "n", "s", "t", "m", "jusqu", "lorsqu", "puisqu", "quoiqu"}
"""wordfreq drops the apostrophe of elided forms (« l’ » is "l")."""
DUMP = """
import sys, wordfreq
from importlib.metadata import version
n = int(sys.argv[1])
print(version("wordfreq"))
for word in wordfreq.top_n_list("fr", n):
    print(f"{word}\\t{wordfreq.word_frequency(word, 'fr')!r}")
"""


def wordfreq_forms(python: str, top: int) -> tuple[str, list[tuple[str, float]]]:
    """wordfreq's ``top`` most frequent French forms and their frequencies, and its version."""
    out = subprocess.run(
        [python, "-c", DUMP, str(top)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    pairs = []
    for line in out[1:]:
        form, _, freq = line.partition("\t")
        pairs.append((form, float(freq)))
    return out[0], pairs


def lemmatise(forms: list[str]) -> list[str]:
    """Each form's lemma by the reader's analysis ("" for what is no word to learn)."""
    from glossary.general import load_general
    from glossary.match import key_of
    from glossary.model import NAME_KINDS
    from reader.article import make_block
    from reader.learning.store import normal
    from reader.nlp.analysis import analyse, lexicon
    from reader.nlp.lemmas import function_word

    names = {key_of(f) for e in load_general() if e.kind in NAME_KINDS for f in e.forms}
    blocks = [make_block(i, "paragraph", f) for i, f in enumerate(forms)]
    lemmas = []
    functions: set[str] = set()  # function words are kept as they are (« elle », « duquel »)
    for form, tokens in zip(forms, analyse(blocks), strict=True):
        words = [t for t in tokens if any(c.isalpha() for c in t.text)]
        function = function_word(f"{form}'" if form in ELIDED else form)
        if function is not None:
            lemmas.append(function)
            functions.add(function)
        elif len(words) != 1 or not form.replace("'", "").replace("-", "").isalpha():
            lemmas.append("")  # a number, or a form the tokenizer splits
        elif key_of(form) in names:
            lemmas.append("")  # the general glossary's names: Kiev, Bruxelles…
        else:
            lemma = normal(words[0].lemma)
            lemmas.append(lemma if words[0].pos not in ("PROPN", "NUM") else "")
    french = functions | french_words(lexicon(), {lemma for lemma in lemmas if lemma})
    return [lemma if lemma in french else "" for lemma in lemmas]


def french_words(lex: Lexicon, lemmas: set[str]) -> set[str]:
    """The lemmas that are French dictionary forms: headwords of spaCy's lemmatizer,
    lemmas of its exceptions (« faire », « temps », « pays » are only there), or words
    that Apertium's French analyser reads as a dictionary form of their own other than a
    proper noun (« force », which spaCy's tables lack as a noun; not « abandonna »,
    which it reads as a form of abandonner). English words, names, broken forms and
    inflected forms spaCy could not lemmatise out of context are none of these."""
    known = set().union(*lex.index.values())
    for table in lex.exceptions.values():
        for found in table.values():
            known.update(found)
    unsure = sorted(lemmas - known)
    return lemmas & (known | apertium_headwords(unsure))


def apertium_headwords(words: list[str]) -> set[str]:
    """The words that Apertium's French analyser reads as their own lemma (not a proper
    noun), through the lookup's own analyser (``reader.lookup.apertium_bidix``)."""
    from reader.lookup.apertium_bidix import Apertium, find_files

    files = find_files()
    if files is None:
        sys.exit("Apertium's French analyser is needed (apt install apertium apertium-fr-es)")
    apertium = Apertium(files)
    try:
        return {
            word
            for word in words
            if any(r.lemma.lower() == word and r.pos != "np" for r in apertium.analyse(word))
        }
    finally:
        apertium.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wordfreq-python", required=True, help="a Python that has wordfreq")
    parser.add_argument("--forms", type=int, default=60_000, help="wordfreq forms to read")
    parser.add_argument("--lemmas", type=int, default=30_000, help="lemmas to keep")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    version, pairs = wordfreq_forms(args.wordfreq_python, args.forms)
    totals: dict[str, float] = defaultdict(float)
    for (_, freq), lemma in zip(pairs, lemmatise([f for f, _ in pairs]), strict=True):
        if lemma:
            totals[lemma] += freq
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[: args.lemmas]
    header = [
        "# French lemmas by frequency, most frequent first: lemma TAB occurrences per million.",
        f"# Derived from wordfreq {version} (top {args.forms} forms; CC BY-SA 4.0) by",
        "# benchmarks/derive_frequency.py: forms lemmatised by the reader's analysis and summed.",
        "# Licence: CC BY-SA 4.0 (see README.md beside this file).",
    ]
    lines = [f"{lemma}\t{freq * 1e6:.2f}" for lemma, freq in ranked]
    args.output.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    size = args.output.stat().st_size
    print(f"{len(lines)} lemmas from {len(pairs)} forms, {size / 1024:.0f} KiB → {args.output}")


if __name__ == "__main__":
    main()
