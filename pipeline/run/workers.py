"""Worker processes for `extract --n-process N`: results in task order, and no hangs, no orphans.

spaCy's nlp.pipe(n_process=...) waits forever when a worker is killed (for
example by the out-of-memory killer), and its workers outlive a killed
parent. Here each worker has a pipe of its own and the parent waits on the
pipes and on the process sentinels together, so a dead worker is noticed at
once (WorkerDied); leaving the pool by any route (an error, Ctrl-C) ends
every worker; and a worker ends itself when its parent is gone.

Workers are forked, so they inherit what `work` needs (the loaded
pipeline: no second load, and the very same pipeline as the parent, so the
output is byte-identical); nothing but tasks and results is pickled.
"""

import ctypes
import multiprocessing
import os
import signal
import threading
import time
from multiprocessing.connection import Connection, wait
from typing import Callable, Dict, Iterable, Iterator, List, Optional

PR_SET_PDEATHSIG = 1  # linux/prctl.h
PARENT_POLL_SECONDS = 1.0


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, e.g. under taskset or a container limit)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def too_many_processes(n_process: int, cores: Optional[int] = None) -> str:
    """One warning line when more workers are asked for than there are cores ('' otherwise)."""
    cores = available_cores() if cores is None else cores
    if n_process <= cores:
        return ""
    return (
        f"warning: --n-process {n_process} is more than the {cores} core(s) this run may use: "
        f"the extra workers only take turns on them and each adds a pipeline's memory"
    )


class WorkerDied(RuntimeError):
    """A worker process ended without returning its batch."""


class Pool:
    """n forked processes that each apply `work` to one task at a time; imap() yields results in task order."""

    def __init__(self, n: int, work: Callable) -> None:
        context = multiprocessing.get_context("fork")
        self.workers: List[_Worker] = []
        parent = os.getpid()
        for _ in range(n):
            ours, theirs = context.Pipe()
            inherited = [w.conn for w in self.workers]  # the child closes these: they are not its pipes
            process = context.Process(target=_serve, args=(theirs, work, parent, inherited), daemon=True)
            process.start()
            theirs.close()  # only the child holds its end now: the pipe breaks when the child dies
            self.workers.append(_Worker(process, ours))

    def imap(self, tasks: Iterable, window: Optional[int] = None) -> Iterator:
        """Results of `work(task)` in task order; at most `window` tasks are out or waiting (bounded memory)."""
        window = window or 2 * len(self.workers)
        pending = enumerate(tasks)
        results: Dict[int, object] = {}
        busy: Dict[_Worker, int] = {}
        sent = received = 0
        exhausted = False
        while True:
            for worker in self.workers:
                if exhausted or worker in busy or sent - received >= window:
                    continue
                task = next(pending, None)
                if task is None:
                    exhausted = True
                    break
                index, payload = task
                worker.send(payload)
                busy[worker] = index
                sent = index + 1
            while received in results:
                yield results.pop(received)
                received += 1
            if exhausted and not busy and not results:
                return
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in self.workers], timeout=1.0)
            for worker in list(busy):
                if worker.conn in ready:
                    results[busy.pop(worker)] = worker.receive()
            for worker in self.workers:
                if not worker.process.is_alive():
                    raise WorkerDied(worker.describe_death())

    def close(self) -> None:
        """Ask every worker to stop, and end those that do not within a few seconds."""
        for worker in self.workers:
            try:
                worker.conn.send(None)
            except OSError:
                pass  # already gone
        for worker in self.workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(timeout=5)
            worker.conn.close()

    def terminate(self) -> None:
        for worker in self.workers:
            if worker.process.is_alive():
                worker.process.kill()  # mid-batch: nothing of it is kept, so there is nothing to finish
        for worker in self.workers:
            worker.process.join(timeout=5)
            worker.conn.close()

    def __enter__(self) -> "Pool":
        return self

    def __exit__(self, kind, error, trace) -> None:
        if kind is None:
            self.close()
        else:
            self.terminate()


class _Worker:
    def __init__(self, process, conn: Connection) -> None:
        self.process, self.conn = process, conn

    def send(self, task) -> None:
        try:
            self.conn.send(task)
        except OSError:
            raise WorkerDied(self.describe_death()) from None

    def receive(self):
        try:
            status, value = self.conn.recv()
        except (EOFError, OSError):
            raise WorkerDied(self.describe_death()) from None
        if status == "error":
            raise RuntimeError(f"worker process {self.process.pid}: {value}")
        return value

    def describe_death(self) -> str:
        self.process.join(timeout=5)
        code = self.process.exitcode
        if code is not None and code < 0:
            how = f"was killed by {signal.Signals(-code).name}"
            if -code == signal.SIGKILL:
                how += " (out of memory, or killed by hand)"
        else:
            how = f"ended with exit code {code}"
        return f"worker process {self.process.pid} {how}"


def _serve(conn: Connection, work: Callable, parent: int, inherited: List[Connection]) -> None:
    """The worker loop: a task in, ("ok", result) or ("error", message) out, until None or a broken pipe."""
    for other in inherited:
        other.close()
    _end_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the parent decides
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            reply = ("ok", work(task))
        except Exception as err:  # reported by the parent, in one line
            reply = ("error", f"{type(err).__name__}: {err}")
        conn.send(reply)


def _end_with_parent(parent: int) -> None:
    """Die with the parent: the kernel signals us (Linux), and a thread checks in case it cannot."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # not Linux: the thread below is the only guard
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(PARENT_POLL_SECONDS)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()
