"""Placeholder until the app issue lands: shows the article's blocks."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from reader.article import Article


class ReaderApp(App):
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, article: Article, engine: str = "auto") -> None:
        super().__init__()
        self.article = article
        self.engine_name = engine

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            for block in self.article.blocks:
                yield Static(block.text)
        yield Footer()
