"""The lemma a word is counted under (``reader.nlp.lemma``), in sentences written for this
test: the newcomer trial's cases (QA 2026-12-08 T5, T11) and the irregular verbs, plurals
and participles around them. Each word must be a word to learn (not taken for a name)
filed under its dictionary form, one spelling of œ."""

from __future__ import annotations

import pytest

from reader.article import make_block
from reader.nlp.analysis import Token, analyse

pytestmark = pytest.mark.needs_apertium

CASES = [
    ("La grève des enseignants a commencé lundi.", "grève", "grève"),
    ("Les grèves se multiplient dans le pays.", "grèves", "grève"),
    ("Grève générale à Marseille", "Grève", "grève"),
    ("Le peintre expose ses toiles au musée.", "peintre", "peintre"),
    ("Les peintres du village travaillent dehors.", "peintres", "peintre"),
    ("Nous allions au marché chaque samedi.", "allions", "aller"),
    ("Vous alliez partir quand il est arrivé.", "alliez", "aller"),
    ("Ses chansons plurent au public.", "plurent", "plaire"),
    ("Ils plurent à tous les invités.", "plurent", "plaire"),
    ("Elle ouvre la fenêtre le matin.", "ouvre", "ouvrir"),
    ("Les magasins ouvrent à neuf heures.", "ouvrent", "ouvrir"),
    ("Demain, il saura la réponse.", "saura", "savoir"),
    ("Une voiture japonaise est garée devant la maison.", "japonaise", "japonais"),
    ("Les entreprises japonaises investissent en Europe.", "japonaises", "japonais"),
    ("Mon frère a une nouvelle voiture.", "a", "avoir"),
    ("Elle a mangé une pomme.", "a", "avoir"),
    ("Le vieux roi mourut pendant l'hiver.", "mourut", "mourir"),
    ("Messieurs, le dîner est servi.", "Messieurs", "monsieur"),
    ("Les enfants couraient dans la cour de l'école.", "couraient", "courir"),
    ("Elle a les yeux verts.", "yeux", "œil"),
    ("Il mange des œufs au petit déjeuner.", "œufs", "œuf"),
    ("Ma sœur habite à Lyon.", "sœur", "sœur"),
    ("Il travaille, puis il se repose.", "puis", "puis"),
    ("Les partis politiques préparent les élections.", "partis", "parti"),
    ("Ils sont partis tôt ce matin.", "partis", "partir"),
    ("Asseyez-vous, je vous en prie.", "Asseyez", "asseoir"),
    ("Veuillez vous asseyez ici.", "asseyez", "asseoir"),
    ("La porte ouverte laisse entrer le froid.", "ouverte", "ouvert"),
    ("Les fenêtres sont restées ouvertes toute la nuit.", "restées", "rester"),
    ("Les forces armées ont été déployées dans la région.", "déployées", "déployer"),
    ("Il prend le train tous les jours.", "prend", "prendre"),
    ("Nous prenons le temps de réfléchir.", "prenons", "prendre"),
    ("Elles viennent de Bordeaux.", "viennent", "venir"),
    ("Il faut que tu fasses attention.", "fasses", "faire"),
    ("Je crois qu'il pleut.", "pleut", "pleuvoir"),
    ("Nous sommes heureux de vous voir.", "sommes", "être"),
    ("Les chevaux galopent dans le pré.", "chevaux", "cheval"),
    ("Elle lit des journaux anciens.", "journaux", "journal"),
    ("Ils voulaient connaître la vérité.", "voulaient", "vouloir"),
    ("Les travaux dureront deux ans.", "travaux", "travail"),
    ("Il a écrit trois lettres à sa mère.", "écrit", "écrire"),
    # Adjectives Apertium does not know, tagged as nouns: the masculine singular.
    ("Les retombées radioactives inquiètent les habitants.", "radioactives", "radioactif"),
    ("Il raconte des histoires édifiantes aux enfants.", "édifiantes", "édifiant"),
    ("Des pluies torrentielles ont noyé la vallée.", "torrentielles", "torrentiel"),
    ("Les nuits étaient glaciales et venteuses.", "venteuses", "venteux"),
]


@pytest.fixture(scope="module")
def analysed() -> dict[str, list[Token]]:
    sentences = list(dict.fromkeys(s for s, _, _ in CASES))
    blocks = [make_block(i, "paragraph", s) for i, s in enumerate(sentences)]
    return dict(zip(sentences, analyse(blocks), strict=True))


@pytest.mark.parametrize(("sentence", "form", "lemma"), CASES)
def test_a_word_is_filed_under_its_lemma(
    analysed: dict[str, list[Token]], sentence, form, lemma
) -> None:
    found = [t for t in analysed[sentence] if t.text == form]
    assert found, [t.text for t in analysed[sentence]]
    assert (found[0].lemma, found[0].countable) == (lemma, True)


def test_no_lemma_spells_oe_apart() -> None:
    blocks = [make_block(0, "paragraph", "Elle a les yeux bleus, un cœur d'or et deux sœurs.")]
    lemmas = {t.lemma for t in analyse(blocks)[0]}
    assert {"œil", "cœur", "sœur"} <= lemmas
    assert not any("oe" in lemma for lemma in lemmas)
