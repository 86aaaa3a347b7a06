"""`s` in the lookup panel writes one status: through the status keys' path, under the lemma
of the text's analysis (the one the panel shows), not a second time under the lookup's own.

The text's analysis is put in the data folder's cache by hand (as for a text read
before), with « allions » → aller; a lookup of its own would file it elsewhere (spaCy
reads « allions » as a present, and allier is a verb Apertium knows too)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.app.messages import LookupReady
from reader.app.widgets.lookup_panel import LookupPanel
from reader.article import load
from reader.learning.store import LearningStore
from reader.learning.vocab import Vocabulary
from reader.nlp.analysis import Token
from tests.support.app import make_app, of_type, settle

pytestmark = pytest.mark.needs_apertium

TEXT = "Au marché\nNous allions au marché.\n"
ANALYSIS = [
    [Token("Au", 0, 2, "à", "ADP"), Token("marché", 3, 9, "marché", "NOUN")],
    [
        Token("Nous", 0, 4, "nous", "PRON"),
        Token("allions", 5, 12, "aller", "VERB"),
        Token("au", 13, 15, "à", "ADP"),
        Token("marché", 16, 22, "marché", "NOUN"),
        Token(".", 22, 23, ".", "PUNCT"),
    ],
]


async def test_s_writes_one_status_under_the_analysis_lemma(tmp_path: Path, data_dir: Path) -> None:
    from reader.nlp.cache import AnalysisCache

    path = tmp_path / "marche.fr.txt"
    path.write_text(TEXT, encoding="utf-8")
    AnalysisCache().put(load(path), ANALYSIS)
    app = make_app("none", path, statuses=True)
    messages: list = []
    async with app.run_test(size=(100, 30), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "right", "right", "l")  # « allions »
        for _ in range(500):
            await pilot.pause(0.02)
            ready = of_type(messages, LookupReady)
            if ready and not ready[-1].quick:
                break
        panel = app.main.query_one(LookupPanel)
        assert panel.result is not None and panel.result.word == "allions"
        assert panel.result.lemma == "aller"  # the panel names the analysis's lemma
        await pilot.press("s")
        for _ in range(500):
            await pilot.pause(0.02)
            if of_type(messages, LookupPanel.WordSaved) and "learning 1" in panel.word_status:
                break
        assert "« aller »: learning 1" in panel.word_status
        await pilot.press("escape", "q")
    store = LearningStore()
    assert store.statuses() == {"aller": "learning-1"}
    assert [(c.lemma, c.old, c.new) for c in store.history()] == [("aller", "new", "learning-1")]
    assert [e.lemma for e in Vocabulary().entries()] == ["aller"]
