"""Downloads for the commands that fetch what the user asked for (``reader models install``,
``reader dictionaries install``, ``reader add URL``): http(s) only, a size cap, and, for
files, a ``.part`` file so a broken download leaves nothing behind. Nothing else in the
project uses the network.

``read_page`` is the stricter variant for a web page held in memory: a timeout on the whole
transfer, a few redirects at most (never to another scheme, never in a loop), and the
content types it accepts."""

from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import IO, Any

from reader.errors import ReaderError

Progress = Callable[[int, int | None], None]
"""Called with (bytes so far, total bytes or None) while downloading."""

TIMEOUT = 60
USER_AGENT = "Mozilla/5.0 (compatible; bilingual-reader)"


def _check_scheme(url: str, error: type[ReaderError]) -> None:
    try:
        scheme = urllib.parse.urlsplit(url).scheme
    except ValueError as exc:  # "http://[::1": an unclosed IPv6 address
        raise error(f"{url}: not a valid URL ({exc})") from exc
    if scheme not in ("http", "https"):
        raise error(f"{url}: only http and https downloads are allowed")


def _chunks(
    response: IO[bytes],
    url: str,
    limit: int,
    error: type[ReaderError],
    deadline: float | None,
    total_time: str = "",
) -> Iterator[bytes]:
    """The body in pieces; raises ``error`` past ``limit`` bytes or the ``deadline`` (a
    server that stalls is given up after the socket timeout; one that drips, at the
    deadline)."""
    total = getattr(response, "length", None)
    if total is not None and total > limit:
        raise error(f"{url}: too large ({total:,} bytes; at most {limit:,})")
    done = 0
    # read1: what has arrived, at most 64 KiB; read() would wait for 64 KiB (or the end),
    # and a server sending a byte every few seconds would never reach the deadline check.
    read = getattr(response, "read1", response.read)
    while chunk := read(1 << 16):
        done += len(chunk)
        if done > limit:
            raise error(f"{url}: download larger than {limit:,} bytes, stopped")
        if deadline is not None and time.monotonic() > deadline:
            raise error(f"{url}: the download took too long (more than {total_time}), stopped")
        yield chunk


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
    _check_scheme(url, error)
    part = dest.with_name(dest.name + ".part")
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response, open(part, "wb") as out:
            total, done = response.length, 0
            for chunk in _chunks(response, url, limit, error, None):
                out.write(chunk)
                done += len(chunk)
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


@dataclass(frozen=True)
class Page:
    """A fetched page: where it ended up after redirects, its type and charset, its bytes."""

    url: str
    content_type: str
    charset: str | None
    data: bytes


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows at most ``most`` redirects, to http(s) only, and stops at the first loop."""

    def __init__(self, most: int, error: type[ReaderError]) -> None:
        self.most = most
        self.error = error

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        seen: list[str] = getattr(req, "seen", [req.full_url])
        if urllib.parse.urlsplit(newurl).scheme not in ("http", "https"):
            raise self.error(f"{seen[0]}: redirected to {newurl}, which is not http(s)")
        if newurl in seen:
            raise self.error(f"{seen[0]}: redirect loop ({newurl} again after {len(seen)} steps)")
        if len(seen) > self.most:
            raise self.error(f"{seen[0]}: more than {self.most} redirects, stopped")
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            new.seen = [*seen, newurl]  # type: ignore[attr-defined]
        return new

    def http_error_302(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: Any
    ) -> Any:
        # urllib refuses a redirect to file:// or ftp:// itself, in its own words, before
        # redirect_request is asked: say it in ours.
        target = headers.get("location") or headers.get("uri")
        if target:
            newurl = urllib.parse.urljoin(req.full_url, target)
            if urllib.parse.urlsplit(newurl).scheme not in ("http", "https"):
                first = getattr(req, "seen", [req.full_url])[0]
                raise self.error(f"{first}: redirected to {newurl}, which is not http(s)")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def read_page(
    url: str,
    *,
    limit: int,
    error: type[ReaderError],
    accept: tuple[str, ...],
    timeout: float = 20,
    redirects: int = 5,
) -> Page:
    """Fetches ``url`` into memory; raises ``error`` (one line) for another scheme, an HTTP
    error, a content type not in ``accept``, more than ``limit`` bytes, more than
    ``redirects`` redirects or a loop, or a transfer longer than 3 × ``timeout``."""
    _check_scheme(url, error)
    opener = urllib.request.build_opener(_Redirects(redirects, error))
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": ", ".join(accept)}
    )
    deadline = time.monotonic() + 3 * timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            headers: Message = response.headers
            content_type = headers.get_content_type()
            if content_type not in accept:
                raise error(f"{url}: not a web page (its content type is {content_type})")
            data = b"".join(_chunks(response, url, limit, error, deadline, f"{3 * timeout:g} s"))
            return Page(response.geturl(), content_type, headers.get_content_charset(), data)
    except urllib.error.HTTPError as exc:
        raise error(f"{url}: the server answered {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:  # ValueError: "http://[::1"
        raise error(f"{url}: cannot fetch ({getattr(exc, 'reason', exc)})") from exc
