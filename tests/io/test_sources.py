from pathlib import Path

import pytest

from hypescore.io.sources import Source, SourceError, expand_sources, format_from_name, sniff_format


def _touch(path: Path, text: str = "x") -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_paths_globs_directories_and_stdin_keep_argument_order(tmp_path):
    b = _touch(tmp_path / "b.txt")
    a = _touch(tmp_path / "a.txt")
    sub = tmp_path / "sub"
    sub.mkdir()
    d2 = _touch(sub / "2.jsonl")
    d1 = _touch(sub / "1.html")
    sources = expand_sources([b, str(tmp_path / "*.txt"), "-", str(sub)])
    assert [s.name for s in sources] == [b, a, b, "-", d1, d2]
    assert sources[3].is_stdin and sources[3].label == "<stdin>"


@pytest.mark.parametrize("argument", ["missing.txt", "nothing-*.jsonl"])
def test_arguments_naming_nothing_are_errors(tmp_path, argument):
    with pytest.raises(SourceError, match="no such file|matches no files"):
        expand_sources([str(tmp_path / argument)])


def test_empty_directory_is_an_error(tmp_path):
    with pytest.raises(SourceError, match="has no files"):
        expand_sources([str(tmp_path)])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.JSONL", "jsonl"),
        ("a.ndjson", "jsonl"),
        ("p.htm", "html"),
        ("n.txt", "text"),
        ("data.bin", None),
        ("noext", None),
    ],
)
def test_format_from_name(name, expected):
    assert format_from_name(name) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'  \n{"text": "a"}\n', "jsonl"),
        (b"\xef\xbb\xbf<!DOCTYPE html><html>", "html"),
        (b"<div>x</div><body>", "html"),
        (b"Grid operator approves link\n\nLONDON -", "text"),
    ],
)
def test_sniff_format(head, expected):
    assert sniff_format(head) == expected


def test_source_size(tmp_path):
    path = _touch(tmp_path / "a.txt", "12345")
    assert Source(path).size() == 5
    assert Source("-").size() is None
