"""Run a parser in a forked child with a time and a memory limit, so that one hostile file cannot stall or
sink a run of thousands: a kilobyte of overlapping PDF text lines makes pdfminer.six's layout analysis take
minutes and gigabytes (measured: 5,000 lines, 1 KB, 132 s and 3.6 GB).

The child inherits the loaded program (fork), so nothing is started or imported again; its address-space
limit is what it already uses plus ``memory_mb``. Where fork is not available the parser runs in place,
unbounded.
"""

import multiprocessing
import os
import resource
from multiprocessing.connection import Connection
from typing import Callable, Optional, Tuple

Outcome = Tuple[str, str]  # ("ok", text) or ("error", one line)


def run_bounded(parse: Callable[[bytes], str], data: bytes, seconds: float, memory_mb: int, what: str) -> str:
    """``parse(data)`` within ``seconds`` and ``memory_mb`` more memory; ValueError (one line) when it cannot."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return parse(data)
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    # not a daemon: a daemonic process (a Dask or pool worker) may not have children; the child ends itself
    # when its CPU time runs out, should this process be gone before it can stop it
    child = context.Process(target=_child, args=(parse, data, seconds, memory_mb, send))
    child.start()
    send.close()
    try:
        outcome: Optional[Outcome] = receive.recv() if receive.poll(seconds) else None
    except EOFError:  # the child died without a word: killed for its memory
        outcome = ("error", f"{what} needs more than {memory_mb:,} MB")
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receive.close()
    if outcome is None:
        raise ValueError(f"{what} takes longer than {seconds:g} s (an extreme or hostile file)")
    kind, value = outcome
    if kind == "error":
        raise ValueError(value)
    return value


def _child(parse: Callable[[bytes], str], data: bytes, seconds: float, memory_mb: int, send: Connection) -> None:
    cpu = int(seconds) + 2
    used = _address_space_bytes()
    limits = [(resource.RLIMIT_CPU, cpu, cpu + 1)]
    if used:
        limits.append((resource.RLIMIT_AS, used + memory_mb * 1024 * 1024, used + memory_mb * 1024 * 1024))
    for kind, soft, hard in limits:
        try:
            resource.setrlimit(kind, (soft, hard))
        except (ValueError, OSError):  # a lower limit set from outside stays: it bounds the child already
            pass
    try:
        outcome: Outcome = ("ok", parse(data))
    except MemoryError:
        outcome = ("error", f"needs more than {memory_mb:,} MB to read")
    except ValueError as err:
        outcome = ("error", str(err))
    send.send(outcome)
    send.close()
    os._exit(0)  # no cleanup of the inherited program (its atexit handlers belong to the parent)


def _address_space_bytes() -> int:
    """The child's current virtual size (Linux /proc), 0 when unknown (no limit is set then)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0
