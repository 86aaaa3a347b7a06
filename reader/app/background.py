"""Running slow work off the UI thread without holding up quitting.

Textual's thread workers run in asyncio's default executor, whose threads are joined
when the program exits: quitting while spaCy or an engine is busy then waits for
them (seconds on a book). Here the work runs in a daemon thread that an async worker
awaits; cancelling the worker stops the wait at once, and the thread, told to stop
through its ``threading.Event``, is never joined.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def _settle(future: asyncio.Future[T], result: T | None, error: BaseException | None) -> None:
    if future.done():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)  # type: ignore[arg-type]


async def in_daemon(fn: Callable[[], T], name: str = "reader-work") -> T:
    """Runs ``fn`` in a daemon thread and returns (or raises) what it does."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def run() -> None:
        result: T | None = None
        error: BaseException | None = None
        try:
            result = fn()
        except BaseException as exc:  # handed to the awaiting worker, which reports it
            error = exc
        try:
            loop.call_soon_threadsafe(_settle, future, result, error)
        except RuntimeError:
            pass  # the app has closed its loop: nobody is waiting any more

    threading.Thread(target=run, name=name, daemon=True).start()
    return await future
