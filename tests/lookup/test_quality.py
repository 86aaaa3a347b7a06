"""Quality bar: common inflected news words, none of them in the seed article, looked up with
``reader lookup`` (alone and in a sentence): the right lemma and an English gloss holding the
usual translation, for at least 8 in 10.

The words were chosen as ordinary news vocabulary (plural nouns, conjugated verbs,
feminine adjectives), not from what the sources know; the lookup has no word-specific
rule. The measured shares are printed (run with -s to see them).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reader.cli import main
from tests.support.paths import SEED

# form: (lemma, usual English (any of), a news sentence holding the form)
WORDS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "villes": ("ville", ("city", "town"), "Les loyers augmentent dans les villes moyennes."),
    "élections": ("élection", ("election",), "Les élections municipales auront lieu en mars."),
    "entreprises": (
        "entreprise",
        ("company", "firm", "business", "enterprise"),
        "Les petites entreprises recrutent moins.",
    ),
    "négociations": (
        "négociation",
        ("negotiation", "talks"),
        "Les négociations salariales reprennent lundi.",
    ),
    "syndicats": (
        "syndicat",
        ("union", "trade-union"),
        "Les syndicats appellent à manifester jeudi.",
    ),
    "hôpitaux": ("hôpital", ("hospital",), "Les hôpitaux manquent d'infirmiers cet hiver."),
    "journaux": ("journal", ("newspaper",), "Plusieurs journaux régionaux ont fermé."),
    "travaux": ("travail", ("work",), "Les travaux du tramway dureront deux ans."),
    "lois": ("loi", ("law",), "Le Parlement a adopté deux lois sur l'énergie."),
    "manifestants": (
        "manifestant",
        ("demonstrator", "protester"),
        "Des milliers de manifestants ont défilé à Lyon.",
    ),
    "impôts": ("impôt", ("tax",), "Le gouvernement promet de baisser les impôts."),
    "salaires": ("salaire", ("salary", "wage"), "Les salaires ont progressé de deux pour cent."),
    "dénoncent": ("dénoncer", ("denounce",), "Les associations dénoncent une décision injuste."),
    "annoncent": ("annoncer", ("announce",), "Les deux groupes annoncent leur fusion."),
    "prendront": ("prendre", ("take",), "Les ministres prendront la parole demain."),
    "voulait": ("vouloir", ("want",), "Le maire voulait rénover la gare."),
    "pourraient": ("pouvoir", ("can", "be able"), "Les prix pourraient encore monter."),
    "votent": ("voter", ("vote",), "Les sénateurs votent le budget ce soir."),
    "vendus": ("vendre", ("sell",), "Trois millions de billets ont été vendus."),
    "augmenté": ("augmenter", ("increase", "raise", "rise"), "Le chômage a augmenté en octobre."),
    "actuelles": ("actuel", ("current", "present"), "Les règles actuelles datent de 2015."),
    "grandes": ("grand", ("big", "great", "large"), "Les grandes surfaces ouvrent dimanche."),
    "internationales": (
        "international",
        ("international",),
        "Les sanctions internationales pèsent sur le pays.",
    ),
    "principale": (
        "principal",
        ("main", "principal", "chief"),
        "La principale difficulté reste le financement.",
    ),
    "publique": ("public", ("public",), "La dette publique dépasse les prévisions."),
    "sociales": ("social", ("social",), "Les aides sociales seront revalorisées."),
    "étrangères": (
        "étranger",
        ("foreign",),
        "Les entreprises étrangères investissent en Bretagne.",
    ),
    "économiques": (
        "économique",
        ("economic",),
        "Les conséquences économiques restent incertaines.",
    ),
    "longues": ("long", ("long",), "Les files d'attente sont longues à la préfecture."),
    "fortes": ("fort", ("strong",), "De fortes pluies sont attendues dans le Sud."),
}
BAR = 0.8


def test_words_are_not_in_the_seed_article() -> None:
    seed = SEED.read_text(encoding="utf-8").lower()
    assert [w for w in WORDS if re.search(rf"(?<!\w){w}(?!\w)", seed)] == []
    assert len(WORDS) >= 20


def _lookup(capsys: pytest.CaptureFixture[str], word: str, sentence: str | None) -> dict:
    args = ["lookup", word, "--format", "json"] + (["--sentence", sentence] if sentence else [])
    try:
        main(args)  # the real command, in this process (a process per word would take minutes)
    except SystemExit as exc:
        assert exc.code in (0, None)
    return json.loads(capsys.readouterr().out)


def _right(data: dict, lemma: str, english: tuple[str, ...]) -> bool:
    texts = [g["text"].lower() for g in data["glosses"]]
    usual = any(re.search(rf"(?<![\w-]){re.escape(e)}(?![\w-])", t) for t in texts for e in english)
    return data["lemma"] == lemma and usual


@pytest.mark.parametrize("context", ["alone", "in a sentence"])
def test_lemma_and_usual_english_for_eight_in_ten(
    capsys: pytest.CaptureFixture[str], data_dir: Path, context: str
) -> None:
    wrong = []
    for word, (lemma, english, sentence) in WORDS.items():
        data = _lookup(capsys, word, sentence if context == "in a sentence" else None)
        if not _right(data, lemma, english):
            wrong.append((word, data["lemma"], [g["text"] for g in data["glosses"]]))
    share = 1 - len(wrong) / len(WORDS)
    print(
        f"\nreader lookup, words {context}: {share:.0%} right ({len(WORDS) - len(wrong)}/{len(WORDS)})"
    )
    for item in wrong:
        print("  wrong:", item)
    assert share >= BAR, wrong
