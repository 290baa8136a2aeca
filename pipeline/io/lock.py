"""One writer per output: an exclusive, non-blocking flock on OUT.lock for the whole run.

The kernel drops a flock when its process dies, so a lock file left by a
killed run never blocks the next one; its text (pid, start time) only names
the holder in the refusal. The file is removed on release; a run that opened
the old file just before that sees a different inode and tries again.
"""

import errno
import fcntl
import os
import time
from pathlib import Path
from typing import Optional, Union


class LockedError(RuntimeError):
    """Another live run holds the lock."""


class OutputLock:
    def __init__(self, path: Union[str, Path], target: Union[str, Path, None] = None):
        self.path = Path(path)
        self.target = Path(target) if target is not None else self.path
        self.fd: Optional[int] = None

    def acquire(self) -> "OutputLock":
        while self.fd is None:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as err:
                holder = os.read(fd, 200).decode("utf-8", "replace").strip() or "holder unknown"
                os.close(fd)
                if err.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                raise LockedError(
                    f"{self.target} is being written by another run ({holder}); "
                    "wait for it to finish or choose another -o"
                ) from None
            if self._still_linked(fd):
                self.fd = fd
            else:
                os.close(fd)  # released and removed by its holder meanwhile: lock the new file
        os.ftruncate(self.fd, 0)
        os.write(self.fd, f"pid {os.getpid()} started {time.strftime('%Y-%m-%dT%H:%M:%S')}\n".encode())
        return self

    def _still_linked(self, fd: int) -> bool:
        try:
            return os.stat(self.path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            return False

    def release(self) -> None:
        if self.fd is None:
            return
        self.path.unlink(missing_ok=True)  # while still holding it, so nobody locks a file about to vanish
        os.close(self.fd)
        self.fd = None
