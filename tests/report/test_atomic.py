"""Outputs onto devices, FIFOs and /dev/stdout are opened and written, never replaced (issue 21, point 2).

Devices are copies made with ``mknod`` inside the test's folder (the real /dev is never touched:
the old code would have replaced it when run as root); those tests skip where mknod is not allowed.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.report.atomic import write_atomic_bytes

DOC = "China sent 29 teams in 2020.\n"


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "doc.md").write_text(DOC, encoding="utf-8")
    return tmp_path


def device(folder: Path, name: str, minor: int) -> Path:
    """A copy of /dev/null (minor 3) or /dev/full (minor 7)."""
    path = folder / name
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except (PermissionError, OSError) as exc:
        pytest.skip(f"mknod is not allowed here: {exc}")
    return path


def test_a_null_device_is_written_not_replaced(here, capsys):
    null = device(here, "null", 3)
    assert main(["check", "doc.md", "--no-config", "--no-builtin-sources", "--output", f"json:{null}", "--output", f"sarif:{null}"]) == 0
    assert stat.S_ISCHR(null.stat().st_mode)


def test_a_full_device_fails_saying_no_space_left(here, capsys):
    full = device(here, "full", 7)
    code = main(["check", "doc.md", "--no-config", "--no-builtin-sources", "--output", f"json:{full}"])
    err = capsys.readouterr().err
    assert code == 2 and f"no space left on the device writing {full}" in err and "bug" not in err
    assert stat.S_ISCHR(full.stat().st_mode)


def test_a_fifo_is_written_by_opening_it(here, capsys):
    fifo = here / "report.fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader is waiting, so the write never blocks
    try:
        code = main(["check", "doc.md", "--no-config", "--no-builtin-sources", "--output", f"json:{fifo}"])
        received = os.read(reader, 1 << 20) if code == 0 and stat.S_ISFIFO(fifo.lstat().st_mode) else b""
    finally:
        os.close(reader)
    assert code == 0 and stat.S_ISFIFO(fifo.lstat().st_mode)
    assert json.loads(received)["schema_version"]


def test_dev_stdout_is_the_process_standard_output(here, capfd):
    code = main(["check", "doc.md", "--no-config", "--no-builtin-sources", "--output", "concise:/dev/stdout"])
    out, err = capfd.readouterr()
    assert code == 0 and "No findings." in out, err


def test_a_regular_file_is_still_replaced_atomically(here):
    target = here / "out.json"
    target.write_text("old", encoding="utf-8")
    inode = target.stat().st_ino
    write_atomic_bytes(target, b"new")
    assert target.read_bytes() == b"new" and target.stat().st_ino != inode  # a new file renamed over the old
