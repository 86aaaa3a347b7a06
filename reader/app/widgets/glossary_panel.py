"""The glossary panel: a filter box, entries in collapsible sections by kind, and the
selected entry's definition. Selecting an entry asks the screen to highlight and jump.

Its width follows the screen (a share of it, all of it when narrow), and entry labels
are ellipsized to fit, keeping the occurrence count visible.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static, Tree
from textual.widgets.tree import TreeNode

from glossary.match import fold
from glossary.model import KINDS, Entry, Glossary

KIND_TITLES = {kind: kind[0].upper() + kind[1:] for kind in KINDS}


def entry_label(entry: Entry, count: int, width: int | None = None) -> Text:
    """``fr → en  count``; with a ``width``, the words are ellipsized so the count stays."""
    english = entry.en or "—"
    words = Text.assemble((entry.fr, "bold"), " → ", (english, "italic" if entry.en else "dim"))
    tail = Text(f"  {count}", "dim")
    if entry.origin == "extracted":
        tail.append(" ·auto", "dim")
    elif entry.origin == "machine guess":  # as the exports mark it: not vetted English
        tail.append(" ·guess", "dim")
    if width is not None and words.cell_len + tail.cell_len > width:
        words.truncate(max(1, width - tail.cell_len), overflow="ellipsis")
    return words + tail


def matches(entry: Entry, needle: str) -> bool:
    if not needle:
        return True
    return any(
        needle in fold(text) for text in (entry.fr, entry.en, *entry.aliases, *entry.en_aliases)
    )


class EntryTree(Tree[str]):
    """The entries, also moved through with j/k."""

    BINDINGS = [
        Binding("j", "cursor_down", "Next entry", show=False),
        Binding("k", "cursor_up", "Previous entry", show=False),
    ]


class GlossaryPanel(Vertical):
    """Hidden until the app opens it (``g``)."""

    DEFAULT_CSS = """
    GlossaryPanel {
        width: 40%;
        min-width: 30;
        max-width: 64;
        display: none;
        border-left: tall $primary;
        background: $panel;
        &.-open { display: block; }
        &.-full { width: 100%; max-width: 100%; min-width: 0; }
        & > Input { margin: 0; }
        & > Tree { height: 1fr; background: $panel; overflow-x: hidden; }
        & > #definition {
            height: auto;
            max-height: 12;
            padding: 0 1;
            border-top: solid $primary;
            color: $text;
        }
    }
    """
    FULL_BELOW = 76
    """On a screen narrower than this, the open panel takes the whole width."""
    BINDINGS = [
        Binding("slash", "focus_filter", "Filter (from anywhere)", key_display="/"),
        Binding("escape", "leave", "Back to the text", show=False),
        Binding("down", "into_list", "", show=False),  # from the filter into the list
    ]

    class EntrySelected(Message):
        """An entry was chosen (enter or click): highlight its occurrences and jump."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    class Left(Message):
        """The reader asked to go back to the text (Escape)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.glossary: Glossary | None = None
        self.shown_key: str | None = None
        self.note: str | None = None

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Filter (French or English)…", id="filter")
        tree: Tree[str] = EntryTree("Glossary", id="entries")
        tree.show_root = False
        tree.guide_depth = 2
        yield tree
        yield Static("Building the glossary…", id="definition")

    @property
    def entry_tree(self) -> Tree[str]:
        return self.query_one("#entries", Tree)

    def set_glossary(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._rebuild()
        if self.shown_key:
            self.show_entry(self.shown_key, select=False)
        else:
            self._show_note()

    def set_note(self, note: str | None) -> None:
        """What the glossary is waiting for (None: it is complete)."""
        self.note = note
        if not self.shown_key:
            self._show_note()
        else:
            self._describe(self.shown_key)

    def _show_note(self) -> None:
        definition = self.query_one("#definition", Static)
        if self.glossary is None:
            definition.update(self.note or "Building the glossary…")
            return
        count = f"{len(self.glossary.entries)} entries"
        text = self.note or f"{count}. Enter or click shows one in the text; n / N step through it."
        definition.update(Text(text + "\nEscape or Tab: back to the text."))

    def on_resize(self) -> None:
        self._rebuild()  # labels are ellipsized to the new width

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def show(self, opened: bool) -> None:
        """Opens or closes the panel at once (inline display: focus can move in right away)."""
        self.set_class(opened, "-open")
        self.fit()
        self.display = opened

    def fit(self) -> None:
        """Whole width on a narrow screen (it covers the text), a share of it otherwise."""
        self.set_class(self.screen.size.width < self.FULL_BELOW, "-full")

    def focus_filter(self) -> None:
        # At once, not on the next refresh: keys typed right after `/` belong to the filter.
        self.screen.set_focus(self.query_one("#filter", Input))

    def _rebuild(self) -> None:
        if self.glossary is None:
            return
        needle = fold(self.query_one("#filter", Input).value.strip())
        tree = self.entry_tree
        tree.clear()
        width = max(8, (tree.scrollable_content_region.width or 40) - 2 * tree.guide_depth - 2)
        for kind in KINDS:
            entries = [e for e in self.glossary.entries if e.kind == kind and matches(e, needle)]
            if not entries:
                continue
            section = tree.root.add(f"{KIND_TITLES[kind]} ({len(entries)})", expand=True)
            for entry in entries:
                section.add_leaf(
                    entry_label(entry, self.glossary.count(entry), width), data=entry.key
                )
        self.call_after_refresh(self._cursor_to_first_entry)

    def _cursor_to_first_entry(self) -> None:
        """After a rebuild (a new filter), the cursor waits on the first entry: Enter selects it."""
        first = next(
            (leaf for section in self.entry_tree.root.children for leaf in section.children), None
        )
        if first is not None and (self.shown_key is None or self.query_one("#filter", Input).value):
            self.entry_tree.move_cursor(first)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._rebuild()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the filter chooses the entry under the cursor: the first match."""
        self.entry_tree.focus()
        node = self.entry_tree.cursor_node
        if node is not None and node.data:
            self.entry_tree.select_node(node)

    def action_into_list(self) -> None:
        self.entry_tree.focus()

    def action_focus_filter(self) -> None:
        self.focus_filter()

    def action_leave(self) -> None:
        self.post_message(self.Left())

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        if event.node.data:
            self._describe(event.node.data)

    def on_tree_node_selected(self, event: Tree.NodeSelected[str]) -> None:
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
            # After a rebuild the new nodes get their lines on the next refresh.
            self.call_after_refresh(self._cursor_to, key)
        self._describe(key)

    def _cursor_to(self, key: str) -> None:
        node = self._node(key)
        if node is not None:
            self.entry_tree.move_cursor(node)

    def _node(self, key: str) -> TreeNode[str] | None:
        for section in self.entry_tree.root.children:
            for leaf in section.children:
                if leaf.data == key:
                    return leaf
        return None

    def _describe(self, key: str) -> None:
        glossary = self.glossary
        entry = glossary.by_key(key) if glossary else None
        if glossary is None or entry is None:
            return
        english = entry.en or f"(no English: {entry.en_note or 'none'})"
        text = Text.assemble((entry.fr, "bold"), " → ", (english, "bold italic"), "\n")
        text.append(entry.definition)
        if entry.aliases:
            text.append("\nAlso: " + ", ".join(entry.aliases), "dim")
        text.append(f"\n{glossary.count(entry)} in the text · {entry.kind} · {entry.origin}", "dim")
        if self.note:  # still building: say so under any entry shown meanwhile
            text.append(f"\n{self.note}", "italic")
        self.query_one("#definition", Static).update(text)
