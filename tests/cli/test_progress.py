import io

from hypescore.cli.progress import Progress


def test_progress_counts_and_times_from_the_first_finished_record():
    stream = io.StringIO()
    progress = Progress(stream, enabled=True, total_bytes=1000)
    progress.advance(100, skipped=True, now=0.0)
    progress.advance(100, now=30.0)  # the first record pays the warm-up
    assert (
        progress.line(now=30.5) == "[####................]  20% 1 records, 0 errors, 1 already done"
    )
    progress.advance(150, now=31.0)
    progress.advance(150, error=True, now=32.0)
    line = progress.line(now=32.0)
    assert line.startswith("[##########..........]  50% 3 records, 1 errors, 1.0/s")
    assert line.endswith("1 already done, ETA 0:00:03")  # 500 bytes left at 150 bytes/s
    progress.finish()
    assert stream.getvalue().startswith("\r[") and stream.getvalue().endswith("\n")


def test_disabled_progress_writes_nothing():
    stream = io.StringIO()
    progress = Progress(stream, enabled=False, total_bytes=None)
    for _ in range(3):
        progress.advance(10)
    progress.finish()
    assert stream.getvalue() == "" and progress.records == 3
