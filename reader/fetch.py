"""Downloads for the commands that fetch what the user asked for (``reader models install``,
``reader dictionaries install``): http(s) only, a size cap, and a ``.part`` file so a
broken download leaves nothing behind. Nothing else in the project uses the network."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

from reader.errors import ReaderError

Progress = Callable[[int, int | None], None]
"""Called with (bytes so far, total bytes or None) while downloading."""

TIMEOUT = 60


def download(
    url: str,
    dest: Path,
    *,
    limit: int,
    error: type[ReaderError],
    progress: Progress | None = None,
    hint: str = "",
) -> Path:
    """Streams ``url`` to ``dest``; raises ``error`` (one line, ``hint`` appended) on failure."""
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise error(f"{url}: only http and https downloads are allowed")
    part = dest.with_name(dest.name + ".part")
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response, open(part, "wb") as out:
            total, done = response.length, 0
            if total is not None and total > limit:
                raise error(f"{url}: too large ({total:,} bytes; at most {limit:,})")
            while chunk := response.read(1 << 16):
                done += len(chunk)
                if done > limit:
                    raise error(f"{url}: download larger than {limit:,} bytes, stopped")
                out.write(chunk)
                if progress:
                    progress(done, total)
    except (urllib.error.URLError, OSError) as exc:
        part.unlink(missing_ok=True)
        raise error(f"download failed ({url}): {getattr(exc, 'reason', exc)}{hint}") from exc
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    part.replace(dest)
    return dest
