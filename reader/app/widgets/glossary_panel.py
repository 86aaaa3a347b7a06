"""The glossary panel: a filter box, entries in collapsible sections by kind, and the
selected entry's definition. Selecting an entry asks the app to highlight and jump."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static, Tree

from glossary.match import fold
from glossary.model import KINDS, Entry, Glossary

KIND_TITLES = {kind: kind[0].upper() + kind[1:] for kind in KINDS}


def entry_label(entry: Entry, count: int) -> Text:
    english = entry.en or "—"
    label = Text.assemble(
        (entry.fr, "bold"), " → ", (english, "italic" if entry.en else "dim"), (f"  {count}", "dim")
    )
    if entry.origin == "extracted":
        label.append(" ·auto", "dim")
    return label


def matches(entry: Entry, needle: str) -> bool:
    if not needle:
        return True
    return any(
        needle in fold(text) for text in (entry.fr, entry.en, *entry.aliases, *entry.en_aliases)
    )


class GlossaryPanel(Vertical):
    """Hidden until the app opens it (``g``)."""

    DEFAULT_CSS = """
    GlossaryPanel { width: 46; display: none; border-left: tall $primary; background: $panel; }
    GlossaryPanel.-open { display: block; }
    GlossaryPanel > Input { margin: 0 0 0 0; }
    GlossaryPanel > Tree { height: 1fr; background: $panel; }
    GlossaryPanel > #definition { height: auto; max-height: 12; padding: 0 1; border-top: solid $primary; color: $text; }
    """
    BINDINGS = [
        Binding("slash", "focus_filter", "Filter", key_display="/"),
        Binding("escape", "leave_filter", "Back to entries", show=False),
    ]

    class EntrySelected(Message):
        """An entry was chosen (enter or click): highlight its occurrences and jump."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.glossary: Glossary | None = None
        self.shown_key: str | None = None

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Filter (French or English)…", id="filter")
        tree: Tree[str] = Tree("Glossary", id="entries")
        tree.show_root = False
        tree.guide_depth = 2
        yield tree
        yield Static("Building the glossary…", id="definition")

    @property
    def tree(self) -> Tree[str]:
        return self.query_one("#entries", Tree)

    def set_glossary(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._rebuild()
        if self.shown_key:
            self.show_entry(self.shown_key, select=False)
        else:
            self.query_one("#definition", Static).update(
                f"{len(glossary.entries)} entries. Enter or click shows one in the text; n / N move between occurrences."
            )

    def _rebuild(self) -> None:
        if self.glossary is None:
            return
        needle = fold(self.query_one("#filter", Input).value.strip())
        tree = self.tree
        tree.clear()
        for kind in KINDS:
            entries = [e for e in self.glossary.entries if e.kind == kind and matches(e, needle)]
            if not entries:
                continue
            section = tree.root.add(f"{KIND_TITLES[kind]} ({len(entries)})", expand=True)
            for entry in entries:
                section.add_leaf(entry_label(entry, self.glossary.count(entry)), data=entry.key)
        self.call_after_refresh(self._cursor_to_first_entry)

    def _cursor_to_first_entry(self) -> None:
        """After a rebuild (a new filter), the cursor waits on the first entry: Enter selects it."""
        first = next(
            (leaf for section in self.tree.root.children for leaf in section.children), None
        )
        if first is not None and self.shown_key is None or self.query_one("#filter", Input).value:
            self.tree.move_cursor(first)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._rebuild()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.tree.focus()

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_leave_filter(self) -> None:
        self.tree.focus()

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted) -> None:
        if event.node.data:
            self._describe(event.node.data)

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        if event.node.data:
            self.shown_key = event.node.data
            self._describe(event.node.data)
            self.post_message(self.EntrySelected(event.node.data))

    def show_entry(self, key: str, select: bool = True) -> None:
        """Shows ``key``'s definition and puts the tree cursor on it (clearing a filter that hides it)."""
        self.shown_key = key
        node = self._node(key)
        if node is None and self.query_one("#filter", Input).value:
            self.query_one("#filter", Input).value = ""
            self._rebuild()
            node = self._node(key)
        if node is not None and select:
            self.tree.move_cursor(node)
        self._describe(key)

    def _node(self, key: str):
        for section in self.tree.root.children:
            for leaf in section.children:
                if leaf.data == key:
                    return leaf
        return None

    def _describe(self, key: str) -> None:
        entry = self.glossary.by_key(key) if self.glossary else None
        if entry is None:
            return
        english = entry.en or f"(no English: {entry.en_note or 'none'})"
        text = Text.assemble((entry.fr, "bold"), " → ", (english, "bold italic"), "\n")
        text.append(entry.definition)
        if entry.aliases:
            text.append("\nAlso: " + ", ".join(entry.aliases), "dim")
        text.append(
            f"\n{self.glossary.count(entry)} in the text · {entry.kind} · {entry.origin}", "dim"
        )
        self.query_one("#definition", Static).update(text)
