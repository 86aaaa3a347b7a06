"""The user's own glossary: ``glossary.toml`` in the data folder, above every other glossary.

``reader terms add|list|remove`` and the app's word lookup edit it through ``add``,
``remove`` and ``load``. Writes are atomic (the file holds the old or the new list,
never half).

The file is edited by hand too (its header says so), so a problem in it is reported,
never repaired behind the user's back: ``read`` gives the entries that are fine and a
``GlossaryProblem`` (file, line, what) for each one that is not; ``load`` tells each
problem through ``notify`` and returns the rest. The file is never moved or rewritten
because of a problem: ``add`` and ``remove`` refuse to change a file that has one.
A file that cannot be read at all (permissions) is left alone too.
"""

from __future__ import annotations

import dataclasses
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from glossary.curated import GlossaryProblem, parse_leniently
from glossary.errors import GlossaryError
from glossary.match import key_of
from glossary.model import KINDS, Entry
from reader.notify import Notify
from reader.textio import clean_line

__all__ = [
    "GlossaryProblem",
    "SameTerm",
    "Saved",
    "UnknownTerm",
    "UserGlossary",
    "add",
    "load",
    "read",
    "remove",
    "save",
]

FILE_NAME = "glossary.toml"
REQUIRED = ("fr", "en")
"""A user's entry needs no definition, and no kind (``other``, as ``reader terms add``
gives it): one hand-written entry without it never disables anything (T31)."""

HEADER = (
    "# Your own glossary, used by the bilingual reader above every other glossary.\n"
    "# Edit with: reader terms add FR EN [--kind K] [--definition D] | reader terms remove FR\n"
    "# (or by hand: same format as an article's NAME.glossary.toml; definition is optional).\n"
)

_lock = threading.Lock()


class UnknownTerm(GlossaryError):
    """The term is not in the user's glossary."""


def path(folder: Path | None = None) -> Path:
    """Where the user's glossary lives (``folder`` defaults to the data folder)."""
    from reader.store import data_dir

    try:
        return (folder or data_dir()) / FILE_NAME
    except OSError as exc:  # READER_DATA_DIR is a file, or cannot be created
        raise GlossaryError(f"no usable data folder for your glossary ({exc})") from exc


@dataclass(frozen=True)
class UserGlossary:
    """What ``glossary.toml`` holds: the entries that are fine, and a problem for each other one."""

    path: Path
    entries: tuple[Entry, ...]
    problems: tuple[GlossaryProblem, ...] = ()

    def notices(self, most: int = 3) -> list[str]:
        """One line per problem (at most ``most``, then how many more), saying what it costs."""
        if not self.problems:
            return []
        count = len(self.entries)
        if not count:
            cost = "none of your terms are used until it is fixed"
        else:
            cost = f"not used until it is fixed ({count} other term{'s' * (count != 1)} used)"
        lines = [f"your glossary: {problem}; {cost}" for problem in self.problems[:most]]
        if len(self.problems) > most:
            more = len(self.problems) - most
            lines.append(f"your glossary: {more} more problem{'s' * (more != 1)} in {self.path}")
        return lines


def read(folder: Path | None = None) -> UserGlossary:
    """The user's glossary, problems included; GlossaryError when there is no usable data
    folder or the file cannot be read at all (it is then left alone)."""
    return _read(path(folder))


def load(folder: Path | None = None, notify: Notify | None = None) -> list[Entry]:
    """The user's entries that are fine; each problem is told through ``notify``, one line
    naming the file and line. A file that cannot be read yields no entries (and a notice)."""
    try:
        mine = read(folder)
    except GlossaryError as exc:
        if notify is not None:
            notify(f"your glossary is not used: {exc}")
        return []
    if notify is not None:
        for line in mine.notices():
            notify(line)
    return list(mine.entries)


def get(fr: str, folder: Path | None = None) -> Entry | None:
    """The user's entry for French ``fr`` (up to case, accents, elision and plural), if any."""
    key = key_of(fr)
    return next((e for e in load(folder) if key_of(e.fr) == key), None)


class SameTerm(GlossaryError):
    """The glossary has this term under another spelling (case, accents, plural); replacing
    it must be asked for (``replace=True``). ``existing`` is the entry there."""

    def __init__(self, existing: Entry, fr: str) -> None:
        super().__init__(
            f"your glossary has {existing.fr!r} → {existing.en} ({existing.kind}), the same term "
            f"as {fr!r} up to case, accents or plural; nothing was changed"
        )
        self.existing = existing


@dataclass(frozen=True)
class Saved:
    """What ``save`` did: the entry now in the glossary, and the one it replaced (if any)."""

    entry: Entry
    before: Entry | None


def save(
    fr: str,
    en: str,
    kind: str | None = None,
    definition: str | None = None,
    *,
    aliases: Sequence[str] | None = None,
    en_aliases: Sequence[str] | None = None,
    the: bool | None = None,
    en_adj: str | None = None,
    replace: bool = False,
    folder: Path | None = None,
) -> Saved:
    """Adds the entry for ``fr``, or updates the one already there: what is not given
    (None) is kept from it, or defaults (kind ``other``) for a new term.

    The entry there is found up to case, accents, elision and plural; when its French is
    spelt otherwise (« OTAN » for « otan ») it is replaced only with ``replace``, else
    SameTerm is raised. Raises GlossaryError on bad input, on a file that has a problem
    (nothing is changed), or when the file cannot be written.
    """
    fr = unicodedata.normalize("NFC", clean_line(fr))
    key = key_of(fr)
    target = path(folder)
    with _lock, _locked(target):
        entries = _editable(target)
        before = next((e for e in entries if key_of(e.fr) == key), None)
        if before is not None and before.fr != fr and not replace:
            raise SameTerm(before, fr)
        old = before or Entry(fr, "", "other", "", (), (), "user")
        entry = _new_entry(
            fr,
            en,
            kind if kind is not None else old.kind,
            definition if definition is not None else old.definition,
            aliases if aliases is not None else old.aliases,
            en_aliases if en_aliases is not None else old.en_aliases,
            the if the is not None else old.the,
            en_adj if en_adj is not None else old.en_adj,
        )
        # Fields only a hand edit sets (``the = false``, en_plural, enforce, sense) are
        # kept from the entry there: an update never drops what the user wrote.
        entry = dataclasses.replace(
            entry,
            bare=old.bare and not entry.the,
            en_plural=old.en_plural,
            enforce=old.enforce,
            sense=old.sense,
        )
        # An update keeps its place in the file; a new term goes at the end.
        kept = [entry if e is before else e for e in entries]
        _write(target, kept if before is not None else [*kept, entry])
    return Saved(entry, before)


def add(fr: str, en: str, *args: Any, **kwargs: Any) -> Entry:
    """``save`` (same arguments), returning only the entry now in the glossary."""
    return save(fr, en, *args, **kwargs).entry


def remove(fr: str, folder: Path | None = None) -> Entry:
    """Removes the entry for ``fr`` and returns it; raises UnknownTerm when there is none."""
    key = key_of(fr)
    target = path(folder)
    with _lock, _locked(target):
        entries = _editable(target)
        gone = next((e for e in entries if key_of(e.fr) == key), None)
        if gone is None:
            raise UnknownTerm(f"{clean_line(fr)!r} is not in your glossary ({target})")
        _write(target, [e for e in entries if e is not gone])
    return gone


@contextmanager
def _locked(target: Path) -> Iterator[None]:
    """The read-modify-write lock shared with other processes (``reader terms add`` run in
    parallel, the app): without it, concurrent adds lose entries (QA 2026-12-01 Q9)."""
    from reader.store import file_lock

    held = ExitStack()
    try:
        held.enter_context(file_lock(target))
    except OSError as exc:  # a read-only or full folder: say it about the glossary
        raise GlossaryError(f"{target}: cannot write ({exc.strerror or exc})") from exc
    with held:
        yield


def _new_entry(
    fr: str,
    en: str,
    kind: str,
    definition: str,
    aliases: Sequence[str],
    en_aliases: Sequence[str],
    the: bool,
    en_adj: str,
) -> Entry:
    fr, en = (unicodedata.normalize("NFC", clean_line(t)) for t in (fr, en))
    if not fr or not en:
        raise GlossaryError("a term needs both its French and its English")
    if kind not in KINDS:
        raise GlossaryError(f"unknown kind {kind!r}; use one of: {', '.join(KINDS)}")
    return Entry(
        fr,
        en,
        kind,
        clean_line(definition),
        tuple(a for a in map(clean_line, aliases) if a),
        tuple(a for a in map(clean_line, en_aliases) if a),
        "user",
        the=the,
        en_adj=clean_line(en_adj),
    )


def _read(target: Path) -> UserGlossary:
    if not target.exists():
        return UserGlossary(target, ())
    try:
        data = target.read_bytes()
    except OSError as exc:
        # Not damaged, only unreadable now: never move or overwrite it.
        raise GlossaryError(f"{target}: cannot read ({exc.strerror or exc})") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problem = GlossaryProblem(target, line, f"not UTF-8 text ({exc.reason})")
        return UserGlossary(target, (), (problem,))
    entries, problems = parse_leniently(text, target, "user", REQUIRED)
    return UserGlossary(target, tuple(entries), tuple(problems))


def _editable(target: Path) -> list[Entry]:
    """The entries of a file that can be rewritten without losing anything; GlossaryError
    when it has a problem (rewriting would drop the entries it could not read)."""
    mine = _read(target)
    if mine.problems:
        raise GlossaryError(
            f"your glossary has a problem at {mine.problems[0]}; "
            "nothing was changed: fix that line, then try again"
        )
    return list(mine.entries)


def _write(target: Path, entries: Sequence[Entry]) -> None:
    from reader.store import atomic_write

    text = HEADER + "".join(f"\n{_to_toml(e)}" for e in entries)
    try:
        atomic_write(target, text.encode("utf-8"))
    except OSError as exc:
        raise GlossaryError(f"{target}: cannot write ({exc.strerror or exc})") from exc


def _to_toml(entry: Entry) -> str:
    """The entry as the file writes it: every field ``glossary.curated`` reads that is
    not its default, so rewriting the file for another term loses nothing."""
    lines = ["[[entry]]", f"fr = {_string(entry.fr)}", f"en = {_string(entry.en)}"]
    lines.append(f"kind = {_string(entry.kind)}")
    if entry.definition:
        lines.append(f"definition = {_string(entry.definition)}")
    for name, values in (("aliases", entry.aliases), ("en_aliases", entry.en_aliases)):
        if values:
            lines.append(f"{name} = [{', '.join(map(_string, values))}]")
    if entry.the or entry.bare:
        lines.append(f"the = {'true' if entry.the else 'false'}")
    for name, text in (
        ("en_adj", entry.en_adj),
        ("en_plural", entry.en_plural),
        ("sense", entry.sense),
    ):
        if text:
            lines.append(f"{name} = {_string(text)}")
    if not entry.enforce:
        lines.append("enforce = false")
    return "\n".join(lines) + "\n"


def _string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for c in text:
        if c in '"\\':
            out.append("\\" + c)
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            out.append(f"\\u{ord(c):04X}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'
