import os

from hypescore.io.checkpoint import CheckpointedFile


def _helpers(directory):
    return sorted(p.name for p in directory.iterdir() if p.name.startswith("."))


def test_each_commit_replaces_the_output_with_everything_written(tmp_path):
    path = tmp_path / "out.jsonl"
    with CheckpointedFile(path, keep_existing=False) as out:
        written = ""
        for block in range(5):
            for line in range(3):
                text = f"{block}-{line}\n"
                out.write(text)
                written += text
            assert not path.exists() or path.read_text() != written  # not before the commit
            inode_before = path.stat().st_ino if path.exists() else None
            out.commit()
            assert path.read_text() == written
            assert path.stat().st_ino != inode_before  # a new file renamed in, never edited
        out.close()
    assert path.read_text() == written
    assert _helpers(tmp_path) == []


def test_uncommitted_text_never_reaches_the_output(tmp_path):
    path = tmp_path / "out.csv"
    out = CheckpointedFile(path, keep_existing=False)
    out.write("id\n")
    out.write("a\n")
    out.commit()
    out.write("b\n")  # the process dies here: no commit, no close
    assert path.read_text() == "id\na\n"
    resumed = CheckpointedFile(path, keep_existing=True)  # a new run clears the leftovers
    resumed.write("b\n")
    resumed.close()
    assert path.read_text() == "id\na\nb\n"
    assert _helpers(tmp_path) == []


def test_keep_existing_appends_and_fresh_start_replaces(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text("old\n")
    with CheckpointedFile(path, keep_existing=True) as out:
        out.write("new\n")
        out.close()
    assert path.read_text() == "old\nnew\n"
    with CheckpointedFile(path, keep_existing=False) as out:
        out.write("fresh\n")
        out.commit()
        assert path.read_text() == "fresh\n"
        out.write("more\n")
        out.commit()
        out.close()
    assert path.read_text() == "fresh\nmore\n"


def test_empty_run_still_leaves_an_output(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text("old\n")
    with CheckpointedFile(path, keep_existing=False) as out:
        out.close()
    assert path.read_text() == ""


def test_opening_the_output_always_gives_a_whole_committed_version(tmp_path):
    path = tmp_path / "out.jsonl"
    versions = []
    with CheckpointedFile(path, keep_existing=False) as out:
        for line in ["a\n", "b\n", "c\n", "d\n"]:
            out.write(line)
            out.commit()
            with open(path) as reader:
                versions.append(reader.read())
        out.close()
    assert versions == ["a\n", "a\nb\n", "a\nb\nc\n", "a\nb\nc\nd\n"]


def test_commit_survives_leftovers_of_a_killed_run(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text("done\n")
    (tmp_path / ".out.jsonl.hypescore-shadow").write_text("torn half li")
    (tmp_path / ".out.jsonl.hypescore-swap").write_text("stale")
    with CheckpointedFile(path, keep_existing=True) as out:
        out.write("next\n")
        out.commit()
        assert path.read_text() == "done\nnext\n"
        out.close()
    assert path.read_text() == "done\nnext\n"
    assert os.listdir(tmp_path) == ["out.jsonl"]
