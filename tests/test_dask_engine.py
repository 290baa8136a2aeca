"""The Dask engine on a local cluster of two worker processes gives the single-process bytes."""

import subprocess
import sys

import pytest
from conftest import REPO, seed_text

distributed = pytest.importorskip("distributed")


def test_dask_output_equals_single_process_output(tmp_path):
    folder = tmp_path / "letters"
    folder.mkdir()
    for k in range(7):
        name = "kst-28676-235" if k % 2 else "kst-28676-325"
        (folder / f"brief-{k}.txt").write_text(seed_text(name), encoding="utf-8")
    single = tmp_path / "single.jsonl"
    cmd = [sys.executable, "-m", "pipeline", "extract", str(folder), "--base", "blank:nl"]
    assert subprocess.run(cmd + ["-o", str(single)], cwd=REPO, capture_output=True).returncode == 0

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        out = tmp_path / "dask.jsonl"
        result = subprocess.run(
            cmd
            + ["-o", str(out), "--engine", "dask", "--scheduler", cluster.scheduler_address, "--partition-size", "2"]
            + ["--progress-every", "0"],
            cwd=REPO,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr[-3000:]
    assert out.read_bytes() == single.read_bytes()
    assert not (tmp_path / "dask.jsonl.parts").exists()
    # progress and summary from the partitions as they arrive, as for one process
    progress = [line for line in result.stderr.splitlines() if line.startswith("extract: ")]
    assert progress[0] == "extract: 7 document(s) in the inputs"
    assert progress[-1].startswith("extract: 7/7 documents, ")
    assert "summary: 7 document(s), " in result.stderr
