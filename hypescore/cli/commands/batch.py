"""``hypescore batch``: score a large input into a file, safely resumable.

The output is only ever replaced atomically at checkpoints (see
:mod:`hypescore.io.checkpoint`), so after any interruption, even SIGKILL, it is a valid
file holding every record finished up to the last checkpoint; ``--resume`` then skips
exactly those records (by id, counting repeats) and appends the rest in order.
"""

from __future__ import annotations

import dataclasses
import functools
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import click

from hypescore.cli.errors import CliIOError, interrupted_exit_code, output_failure
from hypescore.cli.inputs import stop_if_no_text_field, total_bytes
from hypescore.cli.options import (
    check_options,
    input_options,
    is_terminal,
    read_options,
    score_options,
    scoring_options,
)
from hypescore.cli.progress import Progress
from hypescore.cli.registry import BATCH_BACKENDS, load
from hypescore.cli.run import Tally, score_records, thresholds_from
from hypescore.cli.signals import Interrupted, StopSignals
from hypescore.io.census import FieldCensus
from hypescore.io.checkpoint import CheckpointedFile
from hypescore.io.html import HtmlSupportMissing
from hypescore.io.input_identity import (
    InputIdentity,
    InputMismatch,
    identify,
    resume_sources,
    write_manifest,
)
from hypescore.io.readers import InputRecord, read_records
from hypescore.io.resume import FinishedIds, NotResumable, finished_ids
from hypescore.io.sources import Source, SourceError, expand_sources
from hypescore.io.writers import CsvFormatter, make_formatter
from hypescore.scaleout.dask_backend import scheduler_option

BATCH_FORMATS = ("jsonl", "csv")
BATCH_CHUNK_SIZE = 64  # smaller than the library's 256: smoother progress, less to redo
CHECKPOINT_SECONDS = 10.0


@click.command(short_help="Score a large input into a file; resumable.")
@click.argument("inputs", nargs=-1, required=True, metavar="IN...")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Result file, replaced atomically at each checkpoint.",
)
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(BATCH_FORMATS),
    help="Output format [default: csv for a .csv OUT, else jsonl].",
)
@click.option("--resume", is_flag=True, help="Keep OUT's records and score only the rest.")
@click.option("--overwrite", is_flag=True, help="Replace an existing OUT from scratch.")
@input_options
@functools.partial(scoring_options, chunk_size=BATCH_CHUNK_SIZE)
@click.option(
    "--checkpoint",
    type=click.IntRange(min=1),
    default=256,
    show_default=True,
    metavar="N",
    help=f"Commit OUT every N records (and at least every {CHECKPOINT_SECONDS:g} s).",
)
@click.option(
    "--backend",
    type=click.Choice(sorted(BATCH_BACKENDS)),
    default="local",
    show_default=True,
    help="Where the work runs.",
)
@click.option(
    "--backend-option",
    "backend_options",
    multiple=True,
    metavar="KEY=VALUE",
    help="Setting passed to the backend (repeatable).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress line on stderr [default: only when stderr is a terminal].",
)
@click.option("-q", "--quiet", is_flag=True, help="No summary line on stderr.")
@check_options
@scheduler_option
@click.pass_context
def batch(ctx: click.Context, inputs: tuple[str, ...], output: Path, **params: Any) -> None:
    """Score IN (files, globs, - for stdin) into OUT with bounded memory.

    One result per input record, in input order. Interrupted runs (Ctrl-C, SIGTERM) save
    what is finished before stopping; run again with --resume to finish the rest.
    """
    sources = _sources(inputs, output)
    output_format = params["output_format"] or (
        "csv" if output.suffix.lower() == ".csv" else "jsonl"
    )
    _check_output(output, resume=params["resume"], overwrite=params["overwrite"])
    sources, identities = _inputs_of_run(output, sources, resume=params["resume"])
    options = score_options(params)
    feature_names = _feature_names() if params["with_features"] else ()
    formatter = make_formatter(output_format, feature_names=feature_names)
    done = _finished(output, output_format, formatter) if params["resume"] else FinishedIds()
    backend = _backend(params["backend"], params["jobs"], params["backend_options"])

    show_progress = params["progress"]
    if show_progress is None:
        show_progress = is_terminal(sys.stderr)
    progress = Progress(sys.stderr, enabled=show_progress, total_bytes=total_bytes(sources))
    tally = Tally(thresholds_from(params))
    census = FieldCensus(params["text_field"])
    skip = done.take if done else None
    records = read_records(sources, read_options(params), skip=skip, census=census)
    with _checkpointed(output, identities, resume=params["resume"]) as out, StopSignals() as stop:
        if not out.path.exists() or out.path.stat().st_size == 0 or not params["resume"]:
            out.write(formatter.header())
        try:
            with backend as backend_jobs:
                if backend_jobs is not None:  # the back-end picks n_jobs (Dask: whole cluster)
                    options = dataclasses.replace(options, n_jobs=backend_jobs)
                outcomes = score_records(_unfinished(records, progress, tally), options)
                _write_all(outcomes, formatter, out, stop, progress, tally, params["checkpoint"])
            with stop.critical():
                out.write(formatter.footer())
                out.close()
        except (Interrupted, HtmlSupportMissing, OSError) as exc:
            stop.ignore()
            saved = _save_what_is_finished(out)
            progress.finish()
            if isinstance(exc, OSError):
                raise CliIOError(_write_failure(exc, output)) from exc
            _report_stop(exc, output, tally, quiet=params["quiet"], saved=saved)
            if isinstance(exc, Interrupted):
                ctx.exit(interrupted_exit_code(exc.signum))
            raise CliIOError(str(exc)) from exc
    progress.finish()
    if not params["quiet"]:
        click.echo(f"hypescore batch: {tally.summary()} -> {output}", err=True)
    stop_if_no_text_field(census)
    ctx.exit(tally.exit_code(strict=params["strict"]))


def _sources(inputs: tuple[str, ...], output: Path) -> list[Source]:
    try:
        sources = expand_sources(inputs)
    except SourceError as exc:
        raise CliIOError(str(exc)) from exc
    target = output.resolve()
    if any(not s.is_stdin and Path(s.name).resolve() == target for s in sources):
        raise click.UsageError(f"{output} is both an input and the output")
    return sources


def _inputs_of_run(
    output: Path, sources: list[Source], *, resume: bool
) -> tuple[list[Source], list[InputIdentity]]:
    """The sources (labelled as when OUT was begun, on --resume) and their identities."""
    identities = [identify(source) for source in sources]
    if resume and output.exists():
        try:
            sources = resume_sources(output, sources, identities)
        except InputMismatch as exc:
            raise CliIOError(f"cannot resume: {exc}") from exc
        identities = [
            dataclasses.replace(identity, label=source.label)
            for identity, source in zip(identities, sources, strict=True)
        ]
    return sources, identities


def _check_output(output: Path, *, resume: bool, overwrite: bool) -> None:
    if resume and overwrite:
        raise click.UsageError("--resume and --overwrite contradict each other")
    if not output.parent.is_dir():
        raise CliIOError(f"cannot write {output}: directory {output.parent} does not exist")
    if output.exists() and not (resume or overwrite):
        raise click.UsageError(
            f"{output} exists: add --resume to finish it or --overwrite to replace it"
        )


def _finished(output: Path, output_format: str, formatter: Any) -> FinishedIds:
    try:
        done = finished_ids(output, output_format)
    except (NotResumable, UnicodeDecodeError) as exc:
        raise CliIOError(f"cannot resume: {exc}") from exc
    header = done.csv_header
    if isinstance(formatter, CsvFormatter) and header and tuple(header) != formatter.columns:
        raise CliIOError(
            f"cannot resume: {output} has different columns (was --features the same?)"
        )
    return done


def _backend(name: str, jobs: int, pairs: tuple[str, ...]) -> Any:
    options: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise click.BadParameter(
                f"expected KEY=VALUE, got {pair!r}", param_hint="--backend-option"
            )
        options[key] = value
    try:
        return load(BATCH_BACKENDS[name])(jobs, options)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--backend-option") from exc


def _unfinished(
    records: Iterable[InputRecord], progress: Progress, tally: Tally
) -> Iterator[InputRecord]:
    """Records still to score; those already in OUT only move the progress display."""
    for record in records:
        if record.skipped:
            tally.skipped += 1
            progress.advance(record.nbytes, skipped=True)
        else:
            yield record


def _write_all(
    outcomes: Iterable[Any],
    formatter: Any,
    out: CheckpointedFile,
    stop: StopSignals,
    progress: Progress,
    tally: Tally,
    checkpoint: int,
) -> None:
    since_commit = 0
    last_commit = time.monotonic()
    for outcome in outcomes:
        out.write(formatter.record(outcome.to_dict()))
        tally.add(outcome)
        progress.advance(outcome.record.nbytes, error=not outcome.ok)
        since_commit += 1
        if since_commit >= checkpoint or time.monotonic() - last_commit >= CHECKPOINT_SECONDS:
            with stop.critical():
                out.commit()
            since_commit = 0
            last_commit = time.monotonic()


def _checkpointed(
    output: Path, identities: list[InputIdentity], *, resume: bool
) -> CheckpointedFile:
    """The output file with its inputs recorded, or one clear line when its directory
    takes no files."""
    try:
        out = CheckpointedFile(output, keep_existing=resume)
        write_manifest(output, identities)
        return out
    except OSError as exc:
        raise CliIOError(output_failure(exc, output)) from exc


def _save_what_is_finished(out: CheckpointedFile) -> bool:
    """Commit the finished records if the output still takes them; either way OUT stays
    the last whole checkpoint, which ``--resume`` continues."""
    try:
        out.commit()
    except OSError:
        return False
    return True


def _write_failure(exc: OSError, output: Path) -> str:
    return (
        f"{output_failure(exc, output)}; it keeps every record up to its last checkpoint: "
        "fix the cause and run again with --resume"
    )


def _report_stop(
    exc: BaseException, output: Path, tally: Tally, *, quiet: bool, saved: bool
) -> None:
    if isinstance(exc, Interrupted):
        what = (
            f"saved {tally.total:,} finished records to" if saved else "kept the last checkpoint of"
        )
        click.echo(
            f"hypescore batch: {exc}; {what} {output}. Run again with --resume to finish.",
            err=True,
        )
    elif not quiet:
        click.echo(f"hypescore batch: stopped after {tally.total:,} records, saved.", err=True)


def _feature_names() -> tuple[str, ...]:
    from hypescore.features import feature_names

    return tuple(feature_names())
