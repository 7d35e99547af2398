"""The shared file-system rules (factcheck/safefs.py), case by case."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck.safefs import UnsafePath, first_link, inside, refuse_links, written_in_place


@pytest.fixture
def tree(tmp_path) -> Path:
    (tmp_path / "root" / "a").mkdir(parents=True)
    (tmp_path / "out").mkdir()
    (tmp_path / "root" / "link").symlink_to(tmp_path / "out")
    (tmp_path / "root" / "a" / "file").write_text("x", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("relative", "link"),
    [("a/file", None), ("a/missing/deeper", None), ("link", "link"), ("link/new.csv", "link"), ("a", None)],
)
def test_first_link_below_the_root(tree, relative, link):
    found = first_link(tree / "root", tree / "root" / relative)
    assert found == (tree / "root" / link if link else None)


def test_the_root_itself_may_be_a_link(tree):
    (tree / "alias").symlink_to(tree / "root")
    assert first_link(tree / "alias", tree / "alias" / "a" / "file") is None


def test_refuse_links_names_the_link_and_its_target(tree):
    with pytest.raises(UnsafePath, match=r"root/link: is a symbolic link to '.*out'"):
        refuse_links(tree / "root", tree / "root" / "link" / "x", "write")


def test_inside_follows_links_and_dots(tree):
    assert inside(tree / "root" / "a" / "file", tree / "root")
    assert not inside(tree / "root" / "link", tree / "root")
    assert not inside(tree / "root" / ".." / "out", tree / "root")


@pytest.mark.parametrize(
    ("name", "expected"),
    [("/dev/null", True), ("/dev/stdout", True), ("/dev/fd/1", True), ("/proc/self/fd/1", True)],
)
def test_streams_and_devices_are_written_in_place(name, expected):
    assert written_in_place(Path(name)) is expected


def test_regular_files_and_folders_are_not_written_in_place(tree):
    assert not written_in_place(tree / "root" / "a" / "file")
    assert not written_in_place(tree / "root" / "a" / "new.json")
    assert not written_in_place(tree / "root" / "a")
    os.mkfifo(tree / "fifo")
    assert written_in_place(tree / "fifo")
