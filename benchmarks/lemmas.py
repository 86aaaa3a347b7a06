"""How often the reader files an inflected word under its right lemma, against a Universal
Dependencies treebank; and what the lemmas cost in the analysis of the seed article.

Each sentence of the treebank is analysed as the app analyses a text (one block per
sentence, ``reader.nlp.analysis.analyse``: spaCy, the closed-class table and the lemma of
``reader.nlp.lemma``). Tokens are aligned with the treebank's words by character offsets
(multiword tokens such as « du » = de + le are left out). Scored: the treebank's NOUN,
VERB, ADJ and AUX words whose form (lower case) is not their lemma: the inflected forms a
learner meets as « allions », « yeux », « japonaise ». The figure is the share the
analysis files under the treebank's lemma, over all of them and over those the analysis
also tags with the treebank's part of speech.

The treebank is not in the repository (CC BY-SA); give a CoNLL-U file (UD French-GSD):

    .venv/bin/python -m benchmarks.lemmas fr_gsd-ud-dev.conllu [--errors 30] [--no-timing]

Timing: the seed article analysed by spaCy alone (the baseline, same run) and by the
reader's full analysis; the ratio is what the lemmas add.
"""

from __future__ import annotations

import argparse
import time
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import SEED, best_of

SCORED = ("NOUN", "VERB", "ADJ", "AUX")


@dataclass(frozen=True)
class Word:
    """A treebank word: where it is in its sentence, its form, lemma and part of speech."""

    start: int
    end: int
    form: str
    lemma: str
    upos: str


def read_conllu(path: Path) -> list[tuple[str, list[Word]]]:
    """Each sentence's text and its words (those that are tokens of their own)."""
    sentences: list[tuple[str, list[Word]]] = []
    text: str | None = None
    rows: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("# text = "):
            text = line[9:]
        elif not line:
            if text is not None:
                sentences.append((text, _aligned(text, rows)))
            text, rows = None, []
        elif line[0].isdigit():
            rows.append(line.split("\t"))
    return sentences


def _aligned(text: str, rows: list[list[str]]) -> list[Word]:
    words: list[Word] = []
    inside: set[int] = set()
    at = 0
    for cols in rows:
        if "." in cols[0]:
            continue  # an empty node
        if "-" in cols[0]:
            first, last = map(int, cols[0].split("-"))
            inside.update(range(first, last + 1))
        elif int(cols[0]) in inside:
            continue
        start = text.find(cols[1], at)
        if start < 0:
            break
        at = start + len(cols[1])
        if "-" not in cols[0]:
            words.append(Word(start, at, cols[1], cols[2], cols[3]))
    return words


def same(a: str, b: str) -> bool:
    return unicodedata.normalize("NFC", a.lower()) == unicodedata.normalize("NFC", b.lower())


@dataclass
class Score:
    total: int = 0
    right: int = 0
    pos_total: int = 0
    pos_right: int = 0

    def add(self, right: bool, pos_matches: bool) -> None:
        self.total += 1
        self.right += right
        if pos_matches:
            self.pos_total += 1
            self.pos_right += right


def score(
    sentences: Sequence[tuple[str, list[Word]]], analysed: Sequence[Sequence[object]]
) -> tuple[dict[str, Score], Counter[tuple[str, str, str, str]]]:
    from reader.nlp.analysis import Token

    by_pos: dict[str, Score] = {p: Score() for p in ("all", *SCORED)}
    errors: Counter[tuple[str, str, str, str]] = Counter()
    for (_, words), tokens in zip(sentences, analysed, strict=True):
        at = {(t.start, t.end): t for t in tokens if isinstance(t, Token)}
        for word in words:
            if word.upos not in SCORED or same(word.form, word.lemma):
                continue
            token = at.get((word.start, word.end))
            if token is None:
                continue  # cut otherwise by spaCy: not comparable
            right = same(token.lemma, word.lemma)
            matches = token.pos == word.upos
            by_pos["all"].add(right, matches)
            by_pos[word.upos].add(right, matches)
            if not right:
                errors[(word.form.lower(), word.upos, token.lemma, word.lemma.lower())] += 1
    return by_pos, errors


def timing() -> tuple[float, float, float]:
    """Seconds for the seed article: spaCy's pipe alone; the reader's full analysis of a
    text met for the first time (Apertium asked about every word); and met again."""
    from reader.article import load
    from reader.nlp import lemma
    from reader.nlp.analysis import analyse, load_model, prepared

    article = load(SEED)
    nlp = load_model()
    texts = [prepared(b.text) for b in article.blocks]
    analyse(article.blocks)  # loads everything once (model, tables, Apertium)

    def first_time() -> None:
        lemma.analyser.forget()
        analyse(article.blocks)

    spacy_alone = best_of(3, lambda: list(nlp.pipe(texts)))
    cold = best_of(3, first_time)
    warm = best_of(3, lambda: analyse(article.blocks))
    return spacy_alone, cold, warm


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("conllu", type=Path)
    parser.add_argument("--errors", type=int, default=0, help="show the N commonest errors")
    parser.add_argument("--no-timing", action="store_true", help="skip the seed's timing")
    args = parser.parse_args()
    from reader.article import make_block
    from reader.nlp.analysis import analyse

    sentences = read_conllu(args.conllu)
    blocks = [make_block(i, "paragraph", text) for i, (text, _) in enumerate(sentences)]
    started = time.perf_counter()
    analysed = analyse(blocks)
    seconds = time.perf_counter() - started
    by_pos, errors = score(sentences, analysed)
    print(f"{args.conllu.name}: {len(sentences)} sentences analysed in {seconds:.1f} s")
    for name, s in by_pos.items():
        if s.total:
            print(
                f"  {name:5} inflected {s.right}/{s.total} = {s.right / s.total:.2%} right; "
                f"where the POS matches {s.pos_right}/{s.pos_total} = "
                f"{s.pos_right / max(1, s.pos_total):.2%}"
            )
    for (form, upos, got, want), count in errors.most_common(args.errors):
        print(f"   {count:3} {form} ({upos}): {got} ≠ {want}")
    if not args.no_timing:
        alone, cold, warm = timing()
        print(
            f"seed article: spaCy alone {alone * 1000:.0f} ms; the reader's analysis "
            f"{cold * 1000:.0f} ms ({cold / alone:.2f}x), its words met before "
            f"{warm * 1000:.0f} ms ({warm / alone:.2f}x)"
        )


if __name__ == "__main__":
    main()
