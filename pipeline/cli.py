"""Kamerbrieven pipeline: tag Dutch letters to parliament, score, review and export the results.

Start with `extract`; `python -m pipeline COMMAND --help` explains each command.
"""

import sys
from pathlib import Path
from typing import Callable, List, NoReturn, Optional

import typer

from pipeline.register.cli import app as register_app
from pipeline.run.limits import DEFAULT_MAX_CHARS
from pipeline.run.progress import DEFAULT_EVERY_SECONDS
from pipeline.schema import CHECK_SPLIT

app = typer.Typer(add_completion=False, help=__doc__, no_args_is_help=True)
app.add_typer(register_app, name="register")
SAVED_PIPELINE_FILES = ("config.cfg", "meta.json")  # what spaCy's to_disk always writes


def fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code=1)


def guard(output: Optional[Path], *inputs: Optional[Path], report_folder: bool = False) -> None:
    """Before any work: refuse an output that would replace an input, or that cannot be written."""
    from pipeline.io import guards

    try:
        if report_folder and output is not None:  # review writes index.html and docs/ into it
            guards.check_output_folder(output, inputs, writes=["index.html"], subfolders=["docs"])
        elif output is not None:
            guards.check_output(output, inputs)
    except guards.GuardError as err:
        fail(str(err))


@app.command()
def extract(
    inputs: List[Path] = typer.Argument(
        ..., help=".txt, .pdf, .html/.htm or .xml files, folders of them, or JSONL with id and text"
    ),
    output: Path = typer.Option(..., "-o", "--output", help="JSONL to write; appears only when complete"),
    base: Optional[str] = typer.Option(None, help="base model: package, model directory, or blank:nl"),
    parse: Optional[str] = typer.Option(
        None, help="selective (the base model only on sentences that may hold a commitment) or all; config.cfg default"
    ),
    batch_size: int = typer.Option(16, help="documents per nlp.pipe batch"),
    n_process: int = typer.Option(1, "--n-process", help="worker processes, each annotating a batch at a time"),
    resume: bool = typer.Option(False, help="continue an interrupted run from OUTPUT.partial"),
    restart: bool = typer.Option(False, help="discard OUTPUT.partial of an interrupted run and start over"),
    encoding: str = typer.Option(
        "utf-8", help="encoding of .txt inputs (and of HTML that declares none), e.g. cp1252 for old archives"
    ),
    engine: str = typer.Option("local", help="local (this machine) or dask (a Dask cluster, see --scheduler)"),
    scheduler: Optional[str] = typer.Option(None, help="Dask scheduler address, e.g. tcp://10.0.0.5:8786"),
    partition_size: int = typer.Option(32, help="documents per Dask task"),
    max_chars: int = typer.Option(
        DEFAULT_MAX_CHARS, "--max-chars", help="skip (and report) a document longer than this; 0 = no limit"
    ),
    corpus_root: Path = typer.Option(Path("../shared"), help="root for stand-off JSONL lines ('source' + 'sha256')"),
    progress_every: float = typer.Option(
        DEFAULT_EVERY_SECONDS,
        "--progress-every",
        help="seconds between progress lines when stderr is not a terminal (a log file); 0 = after each document",
    ),
):
    """Annotate letters into JSONL records (gold format).

    Inputs are .txt files, folders of them and JSONL; spans follow docs/annotation.md.

    A terminal shows a progress bar, a log file a progress line every few seconds; a summary ends the run.
    """
    from pipeline.assemble import check_base, check_parse, load
    from pipeline.io import guards
    from pipeline.io.fingerprint import run_header
    from pipeline.io.journal import Journal, JournalError
    from pipeline.io.lock import LockedError
    from pipeline.io.readers import count_documents, iter_inputs
    from pipeline.run.dask_engine import DaskError, connect, run_dask
    from pipeline.run.extraction import annotate
    from pipeline.run.interrupts import Interrupted, stopped_by_signals
    from pipeline.run.progress import Progress
    from pipeline.run.resume_hint import resume_command
    from pipeline.run.workers import WorkerDied, too_many_processes

    if engine not in ("local", "dask"):
        fail(f"unknown engine {engine!r} (local or dask)")
    if engine == "dask" and not scheduler:
        fail("--engine dask needs --scheduler ADDRESS")
    if resume and restart:
        fail("--resume continues OUTPUT.partial and --restart discards it: give one of them")
    try:  # everything that can refuse the run, before the model is loaded
        parse = check_parse(parse)
        guards.check_at_least_one(batch_size=batch_size, n_process=n_process, partition_size=partition_size)
        if max_chars < 0:
            raise ValueError(f"--max-chars must be 0 (no limit) or more (got {max_chars})")
        if progress_every < 0:
            raise ValueError(f"--progress-every must be 0 (after each document) or more seconds (got {progress_every})")
        guards.check_encoding(encoding)
        guards.check_output(output, inputs, Journal.COMPANIONS)
        resolved_base = check_base(base) if engine == "local" else base or "default (Dask workers)"
        header = run_header(f"{resolved_base} (parse {parse})", inputs, encoding, corpus_root)
        # an unreachable scheduler: one line, and no file made
        client = connect(scheduler) if engine == "dask" and scheduler else None
        journal = Journal(output, resume=resume, header=header, restart=restart)
    except (ValueError, LockedError, DaskError) as err:  # GuardError, JournalError, a bad --base
        fail(str(err))
    crowded = too_many_processes(n_process) if engine == "local" else ""
    if crowded:
        typer.echo(crowded, err=True)
    if engine == "local":
        try:
            nlp = load(base, parse=parse)
        except BaseException:
            journal.close()
            raise
        info = nlp.meta["kamer_base"]
        typer.echo(f"base model: {info['name']} {info['version']} ({info['kind']})", err=True)
    problems = []

    if journal.done:
        typer.echo(f"resuming: {len(journal.done)} document(s) already written", err=True)
    progress = Progress(count_documents(inputs), sys.stderr, sys.stderr.isatty(), len(journal.done), progress_every)

    def report(problem):
        problems.append(problem)
        progress.skipped()
        progress.echo(f"skipped: {problem}")

    def summarise() -> None:
        progress.close()
        for line in progress.summary(len(problems)):
            typer.echo(line, err=True)

    kept = f"finished documents are kept in {journal.partial}; to continue, run: {resume_command()}"
    try:
        documents = iter_inputs(
            inputs, corpus_root, encoding, on_note=lambda n: typer.echo(f"note: {n}", err=True), max_chars=max_chars
        )
        with stopped_by_signals():  # Ctrl-C, SIGTERM: workers stopped, journal closed (finally), exit 130
            if engine == "dask":
                written = run_dask(
                    client, documents, journal, report, base, partition_size, max_chars, parse, progress.written
                )
            else:
                written = annotate(
                    nlp,
                    documents,
                    journal.write,
                    report,
                    journal.done,
                    batch_size,
                    n_process,
                    progress.written,
                    max_chars,
                )
        journal.commit()
    except JournalError as err:  # nothing could be read: the old output stays
        fail(str(err))
    except WorkerDied as err:
        summarise()
        fail(f"{err}; stopped: {kept}")
    except Interrupted as err:
        summarise()
        typer.echo(f"interrupted by {err}: {kept}", err=True)
        raise typer.Exit(code=130) from None
    finally:
        journal.close()
        progress.close()
    summarise()
    typer.echo(f"wrote {written + len(journal.done)} document(s) to {output}", err=True)
    if problems:
        fail(f"{len(problems)} input(s) skipped (listed above)")


@app.command()
def evaluate(
    gold: Path = typer.Argument(..., help="gold JSONL (full or stand-off form)"),
    pred: Path = typer.Argument(..., help="predicted JSONL from 'extract'"),
    corpus_root: Path = typer.Option(Path("../shared"), help="root that stand-off 'source' paths are relative to"),
    json_out: Optional[Path] = typer.Option(None, "--json", help="also write the numbers as JSON"),
    errors: bool = typer.Option(
        False, "--errors", help="list every false positive and negative, wrong status and wrong attribute"
    ),
    split: Optional[str] = typer.Option(None, help="score only the gold documents of this part (tune, check)"),
    record: Optional[str] = typer.Option(
        None, help="keep the numbers as gold set RECORD in --scores-file (the pipeline's meta.json reads them)"
    ),
    scores_file: Optional[Path] = typer.Option(None, help="recorded scores; default data/scores.json of this checkout"),
):
    """Score against gold: precision, recall and F1 per label.

    TOEZEGGING by overlap and strictly; attribute accuracy over matched pairs.
    """
    import srsly

    from pipeline.evaluation.annotations import AnnotationError, check_pairing, load_documents, select_split
    from pipeline.evaluation.attributes import attribute_mismatches, format_attributes, score_attributes
    from pipeline.evaluation.errors import errors_as_dict, format_errors
    from pipeline.evaluation.recorded_scores import SCORES_FILE, ScoresFileError, record_scores
    from pipeline.evaluation.scoring import format_table, looks_like_pipeline_output, score
    from pipeline.io.writers import atomic_writer

    guard(json_out, gold, pred)
    scores_file = scores_file or SCORES_FILE
    if record:
        guard(scores_file, gold, pred)
    if errors and split == CHECK_SPLIT:
        # the check part is scored, never read for errors: its number is the one we believe
        fail(f"--errors is refused with --split {CHECK_SPLIT}: tune on the tune part, only score the check part")
    try:
        gold_docs = load_documents(gold, corpus_root)
        pred_docs = load_documents(pred, corpus_root)
        if split:
            gold_docs, pred_docs = select_split(gold_docs, pred_docs, split, gold)
        check_pairing(gold_docs, pred_docs, gold, pred)
    except AnnotationError as err:
        fail(str(err))
    if looks_like_pipeline_output(gold_docs):
        typer.echo(
            f"warning: {gold}: spans carry 'rule': this looks like pipeline output, not hand-labelled gold", err=True
        )
    report = score(gold_docs, pred_docs)
    attributes = score_attributes(gold_docs, pred_docs)
    readable = split != CHECK_SPLIT  # errors (and which documents fail) of the check part are never shown
    mismatches = attribute_mismatches(gold_docs, pred_docs) if readable else []
    part = f", split {split}" if split else ""
    typer.echo(f"gold: {gold} ({len(gold_docs)} documents{part})   prediction: {pred}")
    typer.echo(format_table(report))
    typer.echo("\n".join(format_attributes(attributes)))
    if errors:
        typer.echo("")
        typer.echo(format_errors(report, gold_docs, mismatches))
    numbers = {**report.as_dict(), "attributes": {k: v.as_dict() for k, v in attributes.items()}}
    if json_out:
        shown = dict(numbers)  # documents and errors go to --json only, never into the recorded scores
        if readable:
            shown.update(documents=report.documents_as_dict(), errors=errors_as_dict(report, gold_docs, mismatches))
        else:
            shown["withheld"] = f"documents and errors of split {CHECK_SPLIT}: scored, never read for errors"
        with atomic_writer(json_out) as out:
            out.write(srsly.json_dumps(shown, indent=2) + "\n")
    if record:
        bases = sorted({doc.base_model or "unknown" for doc in pred_docs.values()})
        try:
            record_scores(scores_file, record, " + ".join(bases), gold, len(gold_docs), numbers)
        except ScoresFileError as err:
            fail(str(err))
        typer.echo(f"recorded as {record} (base {' + '.join(bases)}) in {scores_file}", err=True)


@app.command()
def toezeggingen(
    annotations: Path = typer.Argument(..., help="annotated JSONL from 'extract', or gold (full or stand-off)"),
    output: Path = typer.Option(..., "-o", "--output", help="CSV to write (UTF-8 with BOM, for spreadsheets)"),
    corpus_root: Path = typer.Option(Path("../shared"), help="root for stand-off lines ('source' + 'sha256')"),
):
    """The toezeggingen as a CSV register for spreadsheets.

    One numbered row per commitment: sentence, who, by when, where from (UTF-8 with BOM, formula cells neutralised).
    """
    from pipeline.evaluation.annotations import AnnotationError, load_documents
    from pipeline.exports.toezeggingen_csv import write_csv
    from pipeline.io.writers import atomic_writer
    from pipeline.knowledge.resource_files import ResourceError

    guard(output, annotations)
    try:
        docs = load_documents(annotations, corpus_root)
        with atomic_writer(output, encoding="utf-8-sig") as out:
            count = write_csv(docs.values(), out, note=lambda message: typer.echo(f"note: {message}", err=True))
    except (OSError, AnnotationError, ResourceError) as err:
        fail(str(err))
    typer.echo(f"wrote {count} toezegging(en) to {output}", err=True)


@app.command()
def review(
    annotations: Path = typer.Argument(..., help="annotated JSONL from 'extract'"),
    output: Path = typer.Option(..., "-o", "--output", help="directory for the HTML report"),
    gold: Optional[Path] = typer.Option(None, help="gold JSONL: show correct, missed and spurious spans"),
    corpus_root: Path = typer.Option(Path("../shared"), help="root for stand-off gold lines"),
):
    """Static HTML report of the annotations (offline).

    An index page and one page per document; with --gold, correct, missed and spurious spans are marked.
    """
    from pipeline.evaluation.annotations import AnnotationError, load_documents, shared_documents
    from pipeline.exports.review import write_report

    guard(output, annotations, gold, report_folder=True)
    left_out = None
    try:
        pred_docs = load_documents(annotations, corpus_root)
        gold_docs = load_documents(gold, corpus_root) if gold else None
        if gold_docs is not None:
            gold_docs, pred_docs, left_out = shared_documents(gold_docs, pred_docs, gold, annotations)
    except AnnotationError as err:
        fail(str(err))
    if left_out:
        typer.echo(f"warning: {left_out}", err=True)
    index = write_report(pred_docs, output, gold_docs)
    typer.echo(f"wrote {index}", err=True)


@app.command("export-labelstudio")
def export_labelstudio(
    annotations: Path = typer.Argument(..., help="annotated JSONL from 'extract'"),
    output: Path = typer.Option(..., "-o", "--output", help="Label Studio tasks JSON to write"),
):
    """Predictions as Label Studio tasks to correct.

    Tasks with pre-annotations; the labelling config is docs/labelstudio.xml.
    """
    import srsly

    from pipeline.evaluation.annotations import load_documents
    from pipeline.exports.labelstudio import to_tasks

    convert(
        annotations,
        output,
        lambda: to_tasks(load_documents(annotations).values()),
        lambda tasks: srsly.json_dumps(tasks, indent=1) + "\n",
        "task(s)",
    )


@app.command("import-labelstudio")
def import_labelstudio(
    export: Path = typer.Argument(..., help="Label Studio JSON export of reviewed tasks"),
    output: Path = typer.Option(..., "-o", "--output", help="gold JSONL to write"),
):
    """Corrected Label Studio tasks back into gold JSONL.

    Submitted tasks only, validated like any gold file.
    """
    import json

    from pipeline.exports.labelstudio import from_export
    from pipeline.io.writers import dump_json_line

    def records() -> list:
        return from_export(
            json.loads(export.read_text(encoding="utf-8")),
            str(export),
            lambda message: typer.echo(f"note: {message}", err=True),
        )

    convert(export, output, records, lambda items: "".join(dump_json_line(r) for r in items), "reviewed document(s)")


def convert(source: Path, output: Path, read: Callable[[], list], render: Callable[[list], str], what: str) -> None:
    """The shape of the Label Studio commands: guard the output, read (one-line errors), write atomically."""
    from pipeline.evaluation.annotations import AnnotationError
    from pipeline.io.writers import atomic_writer

    guard(output, source)
    try:
        items = read()
    except (OSError, ValueError) as err:
        # a validation error names its file and line already; anything else gets the file in front
        fail(str(err) if isinstance(err, AnnotationError) else f"{source}: {err}")
    with atomic_writer(output) as out:
        out.write(render(items))
    typer.echo(f"wrote {len(items)} {what} to {output}", err=True)


@app.command()
def save(
    output_dir: Path = typer.Argument(..., help="folder to write the assembled pipeline to (made if missing)"),
    base: Optional[str] = typer.Option(None, help="base model: package, model directory, or blank:nl"),
    parse: Optional[str] = typer.Option(None, help="selective or all (see extract); config.cfg default"),
):
    """Write the pipeline to a folder for spacy.load.

    Its meta.json gives the pipeline's name (nl_kamerbrieven), version, sources and latest recorded scores.

    The folder appears only when complete; an existing folder is replaced only when it holds a saved pipeline.
    """
    from pipeline.assemble import check_base, check_parse, load
    from pipeline.io.atomic_folder import atomic_folder, check_replaceable

    try:
        check_replaceable(output_dir, SAVED_PIPELINE_FILES)
        check_base(base)
        parse = check_parse(parse)
    except ValueError as err:  # GuardError, an unknown --base or --parse
        fail(str(err))
    nlp = load(base, parse=parse)
    with atomic_folder(output_dir) as folder:
        nlp.to_disk(folder)
    meta = nlp.meta
    scored = ", ".join(meta["kamer_scores"]) or "none recorded"
    typer.echo(
        f"saved {meta['lang']}_{meta['name']} {meta['version']} (base {meta['kamer_base']['name']}, "
        f"scores: {scored}) to {output_dir}",
        err=True,
    )


@app.command()
def docbin(
    gold: Path = typer.Argument(..., help="gold JSONL (full or stand-off form)"),
    output: Path = typer.Option(..., "-o", "--output", help="DocBin to write (.spacy)"),
    corpus_root: Path = typer.Option(Path("../shared"), help="root that stand-off 'source' paths are relative to"),
    split: Optional[str] = typer.Option(None, help="only the gold documents of this part (tune, check)"),
):
    """Gold as a spaCy DocBin, for spacy evaluate.

    Then: python -m spacy evaluate PIPELINE gold.spacy --spans-key toezeggingen.
    """
    from pipeline.assemble import configured_spans_key, tokenizer_only
    from pipeline.evaluation.annotations import AnnotationError, load_documents, select_split
    from pipeline.gold_docs import gold_docbin
    from pipeline.io.writers import write_bytes_atomically

    guard(output, gold)
    try:
        docs = load_documents(gold, corpus_root)
        if split:
            docs, _ = select_split(docs, docs, split, gold)
    except AnnotationError as err:
        fail(str(err))
    write_bytes_atomically(output, gold_docbin(docs.values(), tokenizer_only(), configured_spans_key()).to_bytes())
    typer.echo(f"wrote {len(docs)} document(s) to {output}", err=True)
