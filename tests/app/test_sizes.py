"""The reader at any size: tall blocks, paging, resizing, the status line, French only."""

from __future__ import annotations

from pathlib import Path

from tests.support.app import make_app, screen_text, settle, status_text, view_text

LEDE = "L’article met en lumière"
BLOCK_3 = "Le président Donald Trump semble"


async def test_a_block_taller_than_the_screen_opens_at_its_top_and_scrolls(data_dir: Path) -> None:
    app = make_app(extract=False)
    async with app.run_test(size=(40, 15)) as pilot:
        await settle(app, pilot)
        view = app.view
        await pilot.press("j")
        assert view.current == 1
        assert view_text(app).splitlines()[0].lstrip("▌ ").startswith(LEDE[:20])
        await pilot.press("j")  # taller than the screen: j scrolls within it first
        assert view.current == 1 and LEDE[:20] not in view_text(app)
        await pilot.press("k")  # and back up to its top
        assert view.current == 1 and LEDE[:20] in view_text(app)
        for _ in range(6):
            await pilot.press("j")
        assert view.current > 1
        top = view.row_top(view.current)
        assert view.scroll_y <= top or top < view.scroll_y < top + view.size.height * 4


async def test_page_down_makes_a_block_whose_text_is_on_screen_current(data_dir: Path) -> None:
    app = make_app(extract=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        view = app.view
        for key in ("pagedown", "pagedown", "pageup"):
            await pilot.press(key)
            top = view.row_top(view.current)
            assert view.scroll_y <= top < view.scroll_y + view.page_height, key


async def test_resizing_keeps_the_current_block_in_view(data_dir: Path) -> None:
    app = make_app(extract=False)
    async with app.run_test(size=(40, 15)) as pilot:
        await settle(app, pilot)
        view = app.view
        await pilot.press("j", "j", "j", "j")
        current = view.current
        for size in ((160, 48), (60, 20), (40, 15)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            top, bottom = view.row_top(current), view.row_top(current + 1)
            assert view.current == current
            assert top < view.scroll_y + view.page_height and bottom > view.scroll_y, size


async def test_status_line_puts_the_place_first_and_fits(data_dir: Path) -> None:
    app = make_app("apertium", extract=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        status = status_text(app)
        assert status.startswith("block 1/20 · French and English")
        assert "English: apertium" in status
        assert status.endswith("…") and len(status) <= 78  # the engine label gives way
        shown = screen_text(app)
        for key in ("Glossary", "Help", "Quit", "Hide/Reveal"):
            assert key in shown  # the footer keeps them at 80 columns


async def test_engine_none_shows_french_only_at_full_width(data_dir: Path) -> None:
    app = make_app("none", extract=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        view = app.view
        assert view.columns is not None and view.columns.mode == "french"
        assert view.columns.width > 100
        text = view_text(app)
        assert "none" not in text and "…" not in text and BLOCK_3 in text
        assert "French only (no English engine)" in status_text(app)
        await pilot.press("e")  # English only has nothing to show: the French stays
        assert BLOCK_3 in view_text(app)


async def test_position_is_restored_to_the_top_of_the_block(data_dir: Path) -> None:
    app = make_app("apertium", remember=True, extract=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        await pilot.press("e", *["j"] * 6, "q")
    again = make_app("apertium", remember=True, extract=False)
    async with again.run_test(size=(160, 48)) as pilot:
        await settle(again, pilot)
        view = again.view
        assert view.current == 6 and view.mode == "english"
        assert view.scroll_y == view.row_top(6)


async def test_widening_shows_a_block_that_now_fits_from_its_top(data_dir: Path) -> None:
    """QA 12: read inside a tall block at 40x15, widen to 160x48: the block's start shows."""
    app = make_app(extract=False)
    async with app.run_test(size=(40, 15)) as pilot:
        await settle(app, pilot)
        view = app.view
        await pilot.press("j", "j")  # into the lede, scrolled within it
        current = view.current
        assert view.scroll_y > view.row_top(current)
        await pilot.resize_terminal(160, 48)
        await pilot.pause()
        await pilot.pause()
        assert view.current == current and view.scroll_y <= view.row_top(current)


async def test_footer_items_stand_apart_and_the_palette_key_ends_the_line(data_dir: Path) -> None:
    """QA 2026-12-01 Q17: "k/↑j/↓ Movespace Hide/Reveal", and one cell of the keys under the
    palette key showed after it ("^p paletteQ") once the keys overflowed."""
    from itertools import pairwise

    from textual.widgets import Footer

    for width, height in ((80, 24), (20, 8)):
        app = make_app(extract=False)
        async with app.run_test(size=(width, height)) as pilot:
            await settle(app, pilot)
            footer = app.screen.query_one(Footer)
            palette = footer.query_one(".-command-palette")
            assert palette.region.right == width
            items = sorted(
                (w for w in footer.query("FooterKey, FooterLabel") if w is not palette),
                key=lambda w: w.region.x,
            )
            assert len(items) >= 4
            for left, right in pairwise(items):
                assert right.region.x > left.region.right, (left, right)
