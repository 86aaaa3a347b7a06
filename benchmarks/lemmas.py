"""Lemma accuracy of the article pass against a Universal Dependencies treebank, in one run:
spaCy's own lemmas and parts of speech vs the reader's (``reader.nlp.lemmas`` corrections),
and optionally with Apertium's analyser on top (``--apertium``: the choice it informed).

Tokens are compared where spaCy and the treebank cut the text the same way (multiword
tokens such as « du » = de + le are left out), on the treebank's words to learn (no
PROPN, NUM, PUNCT, SYM, X). The treebank's pronoun and possessive conventions (UD: elle →
lui, je → moi, mon → son) are mapped to one form on both sides, so only real errors count.

The treebank is not in the repository; give a CoNLL-U file (UD French-GSD's dev or test):
Run: .venv/bin/python benchmarks/lemmas.py fr_gsd-ud-dev.conllu [--apertium] [--errors 30]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.nlp.analysis import Token, lexicon, load_model, prepared  # noqa: E402
from reader.nlp.lemmas import refine  # noqa: E402

Gold = dict[tuple[int, int], tuple[str, str]]
SAME = {
    w: to
    for group, to in (
        ("je me moi", "moi"),
        ("tu te toi", "toi"),
        ("il ils elle elles lui eux", "lui"),
        ("se soi", "soi"),
        ("mon ton son notre votre leur", "son"),
    )
    for w in group.split()
}
NOT_WORDS = {"PROPN", "NUM", "PUNCT", "SYM", "X"}


def read_conllu(path: Path) -> list[tuple[str, Gold]]:
    """Each sentence's text and its words' (start, end) → (lemma, UPOS)."""
    sentences: list[tuple[str, Gold]] = []
    text, rows = None, []
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


def _aligned(text: str, rows: list[list[str]]) -> Gold:
    gold: Gold = {}
    inside: set[int] = set()
    at = 0
    for cols in rows:
        if "." in cols[0]:
            continue
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
            gold[(start, at)] = (cols[2].lower(), cols[3])
    return gold


def spacy_tokens(texts: Sequence[str]) -> list[list[Token]]:
    nlp = load_model()
    out = []
    for text, doc in zip(texts, nlp.pipe(prepared(t) for t in texts), strict=True):
        out.append(
            [
                Token(
                    text[t.idx : t.idx + len(t.text)],
                    t.idx,
                    t.idx + len(t.text),
                    (t.lemma_ or t.text).lower(),
                    t.pos_,
                    t.ent_type_,
                    str(t.morph),
                    t.ent_iob_ == "B",
                )
                for t in doc
                if not t.is_space
            ]
        )
    return out


def with_apertium(result: list[list[Token]]) -> list[list[Token]]:
    """Apertium's lemma where it has one reading of spaCy's category that differs."""
    from reader.lookup.apertium_bidix import Apertium, find_files

    files = find_files()
    if files is None:
        raise SystemExit("Apertium is not installed")
    tags = {
        "NOUN": ("n",),
        "VERB": ("vblex", "vbser", "vbhaver", "vbmod", "vaux"),
        "AUX": ("vblex", "vbser", "vbhaver", "vbmod", "vaux"),
        "ADJ": ("adj",),
    }
    apertium, memo = Apertium(files), {}
    out = []
    for tokens in result:
        block = []
        for t in tokens:
            if t.pos in tags:
                form = t.text.lower()
                if form not in memo:
                    memo[form] = apertium.analyse(form)
                lemmas = {a.lemma.lower() for a in memo[form] if a.pos in tags[t.pos]}
                if len(lemmas) == 1 and t.lemma not in lemmas:
                    t = replace(t, lemma=lemmas.pop())
            block.append(t)
        out.append(block)
    apertium.close()
    return out


def score(result: list[list[Token]], golds: list[Gold]) -> tuple[int, float, float, float, Counter]:
    n = lemma_ok = pos_ok = both = 0
    errors: Counter = Counter()
    for tokens, gold in zip(result, golds, strict=True):
        for t in tokens:
            found = gold.get((t.start, t.end))
            if not found or found[1] in NOT_WORDS:
                continue
            n += 1
            good = SAME.get(t.lemma, t.lemma) == SAME.get(found[0], found[0])
            lemma_ok += good
            pos_ok += t.pos == found[1]
            both += good and t.pos == found[1]
            if not good:
                errors[(t.text.lower(), t.pos, t.lemma, found[0])] += 1
    return n, lemma_ok / n, pos_ok / n, both / n, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("conllu", type=Path)
    parser.add_argument("--apertium", action="store_true", help="also measure Apertium on top")
    parser.add_argument("--errors", type=int, default=0, help="show the N commonest errors")
    args = parser.parse_args()
    sentences = read_conllu(args.conllu)
    texts, golds = [s for s, _ in sentences], [g for _, g in sentences]
    raw = spacy_tokens(texts)
    ours = [refine(tokens, lexicon()) for tokens in raw]
    runs = [("spaCy alone", raw), ("the reader's analysis", ours)]
    if args.apertium:
        runs.append(("the reader's + Apertium", with_apertium(ours)))
    print(f"{args.conllu.name}: {len(texts)} sentences")
    base = None
    for name, result in runs:
        n, lemma, pos, both, errors = score(result, golds)
        base = base or (1 - lemma)
        print(
            f"{name:26} {n} words: lemma {lemma:.2%}, POS {pos:.2%}, lemma+POS {both:.2%}; "
            f"lemma errors {1 - lemma:.2%} ({(1 - lemma) / base:.2f}x spaCy's)"
        )
        for (form, tag, got, want), count in errors.most_common(args.errors):
            print(f"   {count:3} {form} ({tag}): {got} ≠ {want}")


if __name__ == "__main__":
    main()
