import pytest

from hypescore.io.resume import NotResumable, finished_ids


def test_jsonl_ids_are_counted_so_repeated_ids_are_skipped_as_often_as_written(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text('{"id": "a"}\n{"id": "b", "error": "text is empty"}\n{"id": "a"}\n\n')
    done = finished_ids(path, "jsonl")
    assert len(done) == 3
    assert [done.take(i) for i in ["a", "a", "a", "b", "b", "c"]] == [
        True,
        True,
        False,
        True,
        False,
        False,
    ]


def test_csv_ids_and_header(tmp_path):
    path = tmp_path / "out.csv"
    path.write_text('id,verdict\n"x,1",7\ny,\n', encoding="utf-8")
    done = finished_ids(path, "csv")
    assert done.csv_header == ["id", "verdict"]
    assert done.take("x,1") and done.take("y") and not done.take("y")


def test_missing_or_empty_output_means_nothing_done(tmp_path):
    assert len(finished_ids(tmp_path / "none.jsonl", "jsonl")) == 0
    (tmp_path / "empty.csv").write_text("")
    assert len(finished_ids(tmp_path / "empty.csv", "csv")) == 0


@pytest.mark.parametrize(
    ("name", "content", "output_format"),
    [
        ("notes.jsonl", "my notes, not results\n", "jsonl"),
        ("list.jsonl", "[1, 2]\n", "jsonl"),
        ("sheet.csv", "name,score\n", "csv"),
    ],
)
def test_foreign_files_are_not_resumed(tmp_path, name, content, output_format):
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(NotResumable):
        finished_ids(path, output_format)
