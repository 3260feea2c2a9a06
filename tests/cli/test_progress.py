import io

from hypescore.cli.progress import Progress


def test_progress_line_counts_records_errors_skips_and_percent():
    stream = io.StringIO()
    progress = Progress(stream, enabled=True, total_bytes=1000)
    progress.advance(100, skipped=True)
    progress.advance(150)
    progress.advance(250, error=True)
    line = progress.line(now=progress._start + 2.0)
    assert line.startswith("[##########..........]  50% 2 records, 1 errors, 1.0/s")
    assert "1 already done" in line and "ETA 0:00:02" in line
    progress.finish()
    assert stream.getvalue().startswith("\r[") and stream.getvalue().endswith("\n")


def test_disabled_progress_writes_nothing():
    stream = io.StringIO()
    progress = Progress(stream, enabled=False, total_bytes=None)
    for _ in range(3):
        progress.advance(10)
    progress.finish()
    assert stream.getvalue() == "" and progress.records == 3
