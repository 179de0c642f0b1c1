"""Files that a reader never sees half of, that keep their mode, and one line when they fail.

`write_atomically` writes beside the target and renames over it (os.replace is atomic), so a
reader sees the old file or the new one, never half. The new file takes the mode of the file
it replaces (a store made 0644 for a server running as another user stays 0644), or the
umask's mode for a new file, as any other program's file would. Its temporary file is named
for the writing process, so that `remove_stale_temporaries` can tell one left by a killed
writer from one being written now. `file_problem` turns an OSError into the one line a user
needs: a full disk, a permission, a folder where a file was expected.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path

__all__ = [
    "disk_full",
    "file_problem",
    "process_alive",
    "remove_stale_temporaries",
    "write_atomically",
]

_SUFFIX = ".tmp"


def _temporary_name(path: Path) -> Path:
    """`.NAME.PID.RANDOM.tmp` beside `path`: hidden, and named for the process writing it."""
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{_SUFFIX}")


def _sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (a power cut after it keeps it)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomically(path: Path, data: bytes, mode_of: Path | None = None) -> None:
    """Write `data` to `path` so that readers see either the old file or the new, never half.

    The new file keeps the permission bits of the file it replaces (or of `mode_of`, for a
    file that will be renamed over that one later); a new file gets the umask's. On failure
    the temporary file is removed and `path` is as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode: int | None = stat.S_IMODE((mode_of or path).stat().st_mode)
    except FileNotFoundError:
        mode = None  # a new file: 0666 less the umask, applied by os.open
    tmp = _temporary_name(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode is not None:
                os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _sync_folder(path.parent)


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs (one of another user's counts as running)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temporaries(folder: Path, names: set[str] | None = None) -> list[Path]:
    """Remove the temporary files that `write_atomically` left in `folder` when its process
    died (kill -9, a power cut) - of the files in `names`, or of any file when None - and
    return them. A temporary file of a process that still runs is left alone."""
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        parts = entry.name[1:].rsplit(".", 3) if entry.name.startswith(".") else []
        if len(parts) != 4 or "." + parts[3] != _SUFFIX or not parts[1].isdigit():
            continue
        target, pid = parts[0], int(parts[1])
        if (names is None or target in names) and not process_alive(pid):
            with contextlib.suppress(FileNotFoundError):
                entry.unlink()
                removed.append(entry)
    return removed


_PROBLEMS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the file system is read-only",
    errno.EISDIR: "it is a folder, not a file",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EFBIG: "the file is larger than this system allows",
}


def file_problem(exc: OSError) -> str:
    """What went wrong with a file, in a few words a user can act on."""
    known = _PROBLEMS.get(exc.errno or 0)
    return known or exc.strerror or type(exc).__name__


def disk_full(exc: BaseException | None) -> bool:
    """Whether `exc` is a write that failed for want of space."""
    return isinstance(exc, OSError) and exc.errno in {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
