"""``reader`` with no path: the bundled article while the library holds nothing else, the
library screen once the reader added a text; the share read recorded when the app closes."""

from __future__ import annotations

from reader.article import load
from reader.commands import open as open_command
from reader.library.shelf import library_path
from reader.store import Position, Positions
from tests.library.conftest import store
from tests.support.paths import SEED


def test_no_library_file_is_created_by_opening_the_app(data_dir):
    assert open_command._library() is None
    assert not library_path().exists()


def test_the_bundled_article_alone_does_not_count_as_the_readers_own(library):
    store(library, SEED.read_text(encoding="utf-8"), str(open_command.DEFAULT_ARTICLE.resolve()))
    assert not open_command.has_own_texts(library)
    store(library, "Un texte\n\nÀ moi.\n", "/t/moi.txt")
    assert open_command.has_own_texts(library)


def test_the_share_read_comes_from_the_saved_position(library):
    text = store(library, SEED.read_text(encoding="utf-8"), str(SEED))
    article = library.article(text.id)
    assert article.key == load(SEED).key
    open_command.record_read(library, text.id, article)  # no position yet: nothing recorded
    assert library.text(text.id).read == 0.0
    last = len(article.blocks) - 1
    Positions().put(article.key, Position(block=last // 2))
    open_command.record_read(library, text.id, article)
    assert library.text(text.id).read == (last // 2) / last
    Positions().put(article.key, Position(block=last))
    open_command.record_read(library, text.id, article)
    assert library.text(text.id).read == 1.0
