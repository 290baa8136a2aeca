"""Worker processes and clusters under real signals: nothing hangs, nothing is orphaned, nothing is lost.

Every wait is bounded; every process a test starts is killed (by its pid) when the test ends.
"""

import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import REPO, seed_text

LETTERS = 120  # enough for a run of several seconds with blank:nl, so the signals arrive mid-run
WAIT = 60  # seconds: far above what any of these needs; reaching it means a hang


def extract(folder, out, *extra):
    return [sys.executable, "-m", "pipeline", "extract", str(folder), "-o", str(out), "--base", "blank:nl", *extra]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("letters")
    for k in range(LETTERS):
        name = "kst-28676-235" if k % 2 else "kst-28676-325"
        (folder / f"brief-{k:03d}.txt").write_text(seed_text(name).replace("2015", str(1900 + k)), encoding="utf-8")
    reference = folder.parent / "reference.jsonl"
    result = subprocess.run(extract(folder, reference), cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return folder, reference.read_bytes()


def children(pid: int) -> list:
    """Pids of the live child processes of pid (from /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = _stat(int(entry))
            if stat and stat[1] == str(pid) and stat[0] not in "ZX":
                found.append(int(entry))
    return sorted(found)


def alive(pid: int) -> bool:
    stat = _stat(pid)
    return bool(stat) and stat[0] not in "ZX"  # a zombie has ended; only its exit status is left


def _stat(pid: int) -> list:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return []
    return raw[raw.rindex(")") + 2 :].split()  # state, ppid, ...


def wait_until(condition, what: str, timeout: float = WAIT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    pytest.fail(f"timed out after {timeout} s waiting for {what}")


def lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


@contextmanager
def started(cmd, tmp_path, **options):
    """A run in the background; on leaving, it and every process it started are killed if still there."""
    log = (tmp_path / "stderr.txt").open("w")
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=log, **options)
    proc.workers = []
    try:
        yield proc
    finally:
        for pid in [proc.pid] + proc.workers:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        proc.wait(timeout=WAIT)
        log.close()


def busy_workers(proc, partial: Path) -> list:
    """Wait until the run has two workers and has written some documents; their pids."""
    proc.workers = wait_until(lambda: len(children(proc.pid)) == 2 and children(proc.pid), "two worker processes")
    wait_until(lambda: lines(partial) >= 2, "the first documents in the partial file")
    assert proc.poll() is None, "the run ended before the test could interrupt it"
    return proc.workers


def resume_gives_reference(folder, out, reference, *extra):
    result = subprocess.run(
        extract(folder, out, "--resume", *extra), cwd=REPO, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == reference


def test_a_killed_worker_stops_the_run_with_one_line_and_resume_finishes_it(corpus, tmp_path):
    folder, reference = corpus
    out = tmp_path / "out.jsonl"
    partial = tmp_path / "out.jsonl.partial"
    with started(extract(folder, out, "--n-process", "2", "--batch-size", "2"), tmp_path) as proc:
        victim, other = busy_workers(proc, partial)
        os.kill(victim, signal.SIGKILL)
        try:
            code = proc.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            pytest.fail("the run hangs after one of its workers was killed")
        wait_until(lambda: not alive(other), "the other worker to stop", timeout=10)
    stderr = (tmp_path / "stderr.txt").read_text()
    assert code == 1 and "Traceback" not in stderr
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, stderr
    assert f"worker process {victim} was killed by SIGKILL" in errors[0] and "--resume" in errors[0]
    assert not out.exists() and lines(partial) >= 2
    resume_gives_reference(folder, out, reference, "--n-process", "2", "--batch-size", "2")


@pytest.mark.parametrize("signum, n_process", [(signal.SIGINT, 2), (signal.SIGTERM, 2), (signal.SIGTERM, 1)])
def test_sigint_or_sigterm_stops_the_workers_keeps_the_journal_and_exits_130(corpus, tmp_path, signum, n_process):
    folder, reference = corpus
    out = tmp_path / "out.jsonl"
    partial = tmp_path / "out.jsonl.partial"
    extra = ["--n-process", str(n_process), "--batch-size", "2"]
    # its own process group, as in a terminal: Ctrl-C sends SIGINT to the whole group, `kill` only to the parent
    with started(extract(folder, out, *extra), tmp_path, start_new_session=True) as proc:
        if n_process > 1:
            workers = busy_workers(proc, partial)
        else:
            workers = []
            wait_until(lambda: lines(partial) >= 2, "the first documents in the partial file")
        if signum == signal.SIGINT:
            os.killpg(proc.pid, signum)
        else:
            os.kill(proc.pid, signum)
        try:
            code = proc.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the run hangs after {signal.Signals(signum).name}")
        for pid in workers:
            wait_until(lambda pid=pid: not alive(pid), f"worker {pid} to stop", timeout=10)
    stderr = (tmp_path / "stderr.txt").read_text()
    assert code == 130, stderr
    assert "Traceback" not in stderr
    last = stderr.strip().splitlines()[-1]
    assert last.startswith(f"interrupted by {signal.Signals(signum).name}")
    assert not out.exists() and lines(partial) >= 2
    written = lines(partial)
    # what the run did before it stopped (a signal between writing a line and counting it makes one fewer)
    counted = int(re.search(r"^summary: (\d+) document\(s\)", stderr, re.M).group(1))
    assert counted in (written - 1, written)
    # the hint is the exact command that continues the run: run it as given
    hint = shlex.split(last.split("to continue, run: ", 1)[1])
    assert hint[1:] == extract(folder, out, *extra, "--resume")[1:]  # [0]: this Python, as the user would type it
    result = subprocess.run(hint, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == reference
    assert f"summary: {LETTERS - written} document(s) (and {written} written by the earlier run)" in result.stderr


def test_workers_end_when_their_parent_is_killed(corpus, tmp_path):
    folder, _ = corpus
    out = tmp_path / "out.jsonl"
    with started(extract(folder, out, "--n-process", "2", "--batch-size", "2"), tmp_path) as proc:
        workers = busy_workers(proc, tmp_path / "out.jsonl.partial")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=WAIT)
        for pid in workers:
            wait_until(lambda pid=pid: not alive(pid), f"orphaned worker {pid} to end", timeout=15)


# --- Dask ---------------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_unreachable_scheduler_gives_one_line_and_leaves_no_files(tmp_path):
    pytest.importorskip("distributed")
    letter = tmp_path / "in" / "brief.txt"
    letter.parent.mkdir()
    letter.write_text(seed_text("kst-28676-235"), encoding="utf-8")
    address = f"tcp://127.0.0.1:{free_port()}"
    env = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"}  # Dask's own setting; 30 s otherwise
    result = subprocess.run(
        extract(letter.parent, tmp_path / "out" / "out.jsonl", "--engine", "dask", "--scheduler", address),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=WAIT,
        env=env,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and f"cannot reach the Dask scheduler at {address}" in errors[0], result.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_a_relative_output_with_dask_is_written_where_the_client_runs(tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed")
    run_dir, worker_dir = tmp_path / "run", tmp_path / "workers"
    (run_dir / "in").mkdir(parents=True)
    worker_dir.mkdir()
    for k in range(5):
        name = "kst-28676-235" if k % 2 else "kst-28676-325"
        (run_dir / "in" / f"brief-{k}.txt").write_text(seed_text(name), encoding="utf-8")
    single = tmp_path / "single.jsonl"  # same relative input, so the same 'source' in meta
    assert subprocess.run(extract("in", single), cwd=run_dir, capture_output=True, timeout=600).returncode == 0

    monkeypatch.chdir(worker_dir)  # the workers start here: another directory than the client's
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        cmd = extract(
            "in", "out.jsonl", "--engine", "dask", "--scheduler", cluster.scheduler_address, "--partition-size", "2"
        )
        result = subprocess.run(cmd, cwd=run_dir, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (run_dir / "out.jsonl").read_bytes() == single.read_bytes()
    assert not list(worker_dir.iterdir()), "workers wrote into their own directory"
    assert not (run_dir / "out.jsonl.parts").exists()
