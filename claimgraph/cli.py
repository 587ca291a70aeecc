"""The ``claimgraph`` command line: thin click wrappers over the library, rendered with rich.

Every command takes ``--db`` (or ``CLAIMGRAPH_DB``); every listing takes
``--format text|json``. Errors are one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from claimgraph.errors import ClaimgraphError, StoreUnavailable
from claimgraph.render import json_text, printable, render_markdown, render_text, speaker_label

if TYPE_CHECKING:
    from claimgraph.api import Callback, IngestEvent, IngestSummary
    from claimgraph.store import Store

F = TypeVar("F", bound=Callable[..., Any])

err = Console(stderr=True, highlight=False)


def echo(text: str, nl: bool = True) -> None:
    """``click.echo`` of text that may hold anything a document held: control characters are
    shown as escapes, so an article's title cannot recolour the terminal or set its title."""
    click.echo(printable(text), nl=nl)


def say(message: str) -> None:
    """A line of news on stderr, from text that may hold rich markup or control characters."""
    err.print(escape(printable(message)), soft_wrap=True, highlight=False)


def db_option(fn: F) -> F:
    return click.option(
        "--db",
        envvar="CLAIMGRAPH_DB",
        default="claimgraph.db",
        show_default=True,
        help="SQLite file or database URL (postgresql://...). Also CLAIMGRAPH_DB.",
    )(fn)


def keep_option(fn: F) -> F:
    """``--db`` for a command that needs no store of its own: in memory unless one is named."""
    return click.option(
        "--db",
        envvar="CLAIMGRAPH_DB",
        default=None,
        help="Also store what is analysed in this SQLite file or database URL. Also CLAIMGRAPH_DB. "
        "Default: in memory, nothing kept.",
    )(fn)


def format_option(*choices: str, default: str = "text") -> Callable[[F], F]:
    def deco(fn: F) -> F:
        return click.option(
            "--format", "fmt", type=click.Choice(list(choices)), default=default, show_default=True, help="Output format."
        )(fn)

    return deco


def published_option(fn: F) -> F:
    return click.option(
        "--published",
        metavar="DATE",
        default=None,
        help="Publication date (YYYY-MM-DD) for documents that carry none.",
    )(fn)


def open_store(db: str) -> Store:
    # imported here, not at the top: `claimgraph --help` and the start of `ingest --workers`
    # (see ingest_cmd) should not wait for SQLAlchemy
    from claimgraph.store import Store

    return Store(db)


def handle_errors(fn: F) -> F:
    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except StoreUnavailable as exc:
            err.print(f"[red]error:[/red] {escape(printable(str(exc)))}", markup=True, soft_wrap=True, highlight=False)
            err.print("stopped: every document stored so far is complete; run the same command again to continue")
            sys.exit(2)
        except ClaimgraphError as exc:
            err.print(f"[red]error:[/red] {escape(printable(str(exc)))}", markup=True, soft_wrap=True, highlight=False)
            sys.exit(1)
        except Exception as exc:
            if not _from_the_database(exc):
                raise
            err.print(f"[red]error:[/red] {escape(printable(_damaged(kwargs.get('db'), exc)))}", markup=True, soft_wrap=True, highlight=False)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def _from_the_database(exc: BaseException) -> bool:
    """Whether the error came from the database driver, not from claimgraph's own code."""
    return any(c.__module__.split(".")[0] in ("sqlalchemy", "sqlite3", "psycopg") for c in type(exc).__mro__)


def _damaged(db: str | None, exc: BaseException) -> str:
    """One line for a store that cannot be read: where it is, what the database said, what to do."""
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    said = reason[0] if reason else type(exc).__name__
    target = db or "the database"
    if db and "://" not in db and db != ":memory:":
        return (
            f"database {db} cannot be read ({said}): it is damaged or not a claimgraph database; restore it from a "
            f"backup, or save what is left with: sqlite3 {db} .recover | sqlite3 recovered.db"
        )
    return f"database {target} cannot be read ({said}); check it with the database's own tools, or restore it from a backup"


def _check_published(value: str | None) -> str | None:
    if value is None:
        return None
    from claimgraph.ingest import parse_date

    parsed = parse_date(value)
    if parsed is None:
        raise click.BadParameter(f"not a date: {value!r} (use YYYY-MM-DD)", param_hint="--published")
    return parsed.isoformat()


def _quiet_dask() -> None:
    import os

    # Dask logs every worker start, stop, retry and shutdown race, in this process and in the
    # workers it spawns (which read the environment); the summary and the failures are what
    # matter here. DASK_LOGGING__DISTRIBUTED=info brings them back.
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "critical")


def _run_ingest(
    paths: tuple[str, ...], store: Store, published: str | None, quiet: bool = False,
    workers: int | None = None, scheduler: str | None = None,
) -> IngestSummary:
    show_bar = err.is_terminal and not quiet
    if workers or scheduler:
        _quiet_dask()
        from claimgraph.distributed import ingest_distributed

        def run(on_event: Callback) -> IngestSummary:
            return ingest_distributed(paths, store, published, on_event, workers=workers, scheduler=scheduler)
    else:
        from claimgraph.api import ingest

        def run(on_event: Callback) -> IngestSummary:
            # the CLI's own entry point is guarded, so the writer can be a process; and this
            # process does nothing else, so what the pipeline loads can leave the collector's sight
            return ingest(paths, store, published=published, on_event=on_event, writer="process", freeze_gc=True)

    def report_failure(event: IngestEvent) -> None:
        if event.status == "failed":
            err.print(
                f"[red]failed[/red] {escape(printable(event.source))}: {escape(printable(event.error or ''))}",
                markup=True, soft_wrap=True, highlight=False,
            )

    if not show_bar:
        return run(report_failure)
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err
    ) as progress:
        task = progress.add_task("ingesting", total=None)

        def on_event(event: IngestEvent) -> None:
            report_failure(event)
            progress.update(task, advance=1, description=escape(printable(f"{event.status}: {event.source[-50:]}")))

        return run(on_event)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claimgraph")
def cli() -> None:
    """claimgraph: news articles in; actors, who said what, numbers and dates out.

    Example:

        claimgraph analyze examples/ --format markdown
    """
    # A database lost mid-write is reported in one line (see handle_errors); the pool's own
    # log of the failed rollback after it would print a traceback through logging's last resort.
    logging.getLogger("sqlalchemy").addHandler(logging.NullHandler())


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@published_option
@format_option("text", "markdown", "json")
@keep_option
@handle_errors
def analyze(paths: tuple[str, ...], published: str | None, fmt: str, db: str | None) -> None:
    """Ingest PATHS (files, directories, URLs, - for stdin) and print their analysis.

    Example:

        claimgraph analyze article.txt --published 2021-02-16 --format json
    """
    published = _check_published(published)
    from claimgraph.analysis import KnowledgeBase

    with open_store(db or ":memory:") as store:
        summary = _run_ingest(paths, store, published, quiet=True)
        analysis = KnowledgeBase(store).analysis(summary.document_ids)
    if fmt == "json":
        echo(json_text(analysis.to_dict()))
    elif fmt == "markdown":
        echo(render_markdown(analysis))
    else:
        echo(render_text(analysis))
    if summary.failed:
        sys.exit(1)


@cli.command(name="ingest")
@click.argument("paths", nargs=-1, required=True)
@published_option
@click.option("--workers", type=click.IntRange(1, 256), default=None, help="Analyse on a local Dask cluster of N processes.")
@click.option("--scheduler", metavar="ADDRESS", default=None, help="Analyse on a running Dask cluster (tcp://host:8786).")
@db_option
@handle_errors
def ingest_cmd(paths: tuple[str, ...], published: str | None, workers: int | None, scheduler: str | None, db: str) -> None:
    """Analyse PATHS and store them; already stored documents are skipped.

    With --workers or --scheduler the language pipeline runs on a Dask cluster
    and this process stores the results, in input order, with the same ids as
    a run without them.

    Example:

        claimgraph ingest reports/ feed.jsonl --db monitoring.db --workers 2
    """
    if workers and scheduler:
        raise click.UsageError("give --workers (a local cluster) or --scheduler (a running one), not both")
    if workers:
        from claimgraph.distributed import prepare_local_workers

        # the workers' model loads in the background while this process imports the store:
        # on 2 cores that took 1.5 s off the start of a local cluster
        _quiet_dask()
        prepare_local_workers()
    published = _check_published(published)
    with open_store(db) as store:
        summary = _run_ingest(paths, store, published, workers=workers, scheduler=scheduler)
    err.print(f"added {summary.added}, skipped {summary.skipped}, failed {summary.failed} ({summary.words:,} words)")
    if summary.failed:
        sys.exit(1)


@cli.command()
@click.option("--type", "type_", default=None, help="Only actors of this type (person, organization, place, agreement).")
@click.option("--limit", default=100, show_default=True, help="Most actors to list.")
@format_option("text", "json")
@db_option
@handle_errors
def actors(type_: str | None, limit: int, fmt: str, db: str) -> None:
    """List stored actors, most mentioned first.

    Example:

        claimgraph actors --type person --format json
    """
    with open_store(db) as store:
        found, _ = store.actors_page(None, type_, limit, 0, cap=1)
    if fmt == "json":
        echo(json_text([dict(a.to_dict(), mentions=n) for a, n in found]))
        return
    for a, n in found:
        kind = f"/{a.kind}" if a.kind else ""
        echo(f"{n:5d}  {a.name} ({a.type}{kind})  {a.id}")


@cli.command()
@click.argument("actor")
@format_option("text", "json")
@db_option
@handle_errors
def show(actor: str, fmt: str, db: str) -> None:
    """Show an actor (name, alias or id): aliases, roles, what they said.

    Example:

        claimgraph show "Jens Stoltenberg"
    """
    with open_store(db) as store:
        found = store.actors(ids=[actor]) or store.actors(name=actor)
        if not found:
            raise ClaimgraphError(f"no actor named {actor!r} (see 'claimgraph actors')")
        said = {a.id: store.attributions(speaker=a.id) for a in found}
    if fmt == "json":
        echo(json_text([dict(a.to_dict(), said=[x.to_dict() for x in said[a.id]]) for a in found]))
        return
    for a in found:
        echo(f"{a.name} ({a.type}{'/' + a.kind if a.kind else ''})  {a.id}")
        if a.aliases:
            echo(f"  aliases: {', '.join(a.aliases)}")
        for r in a.roles:
            echo(f"  role: {r.title}" + (f" ({r.organization_name})" if r.organization_name else ""))
        for x in said[a.id]:
            echo(f"  said [{'quote' if x.direct else 'indirect'}]: {' '.join(x.content.split())[:200]}")


@cli.command()
@click.option("--speaker", default=None, help="Only attributions of this speaker (name, alias, id or description words).")
@click.option("--limit", default=200, show_default=True)
@format_option("text", "json")
@db_option
@handle_errors
def quotes(speaker: str | None, limit: int, fmt: str, db: str) -> None:
    """List who said what: direct quotes and indirect speech.

    Example:

        claimgraph quotes --speaker Fitton-Brown
    """
    with open_store(db) as store:
        found = store.attributions(speaker=speaker, limit=limit)
        actors = {a.id: a for a in store.actors(ids={x.speaker.actor for x in found if x.speaker.actor})}
    if fmt == "json":
        echo(json_text([x.to_dict() for x in found]))
        return
    for x in found:
        echo(f"{speaker_label(x, actors=actors)} [{'quote' if x.direct else 'indirect'}]: {' '.join(x.content.split())[:200]}")


@cli.command()
@click.argument("actor")
@click.option("--with", "other", default=None, metavar="ACTOR", help="Focus on the relationship with this actor.")
@format_option("markdown", "html", default="markdown")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None, help="Write to a file.")
@db_option
@handle_errors
def brief(actor: str, other: str | None, fmt: str, output: str | None, db: str) -> None:
    """An analyst's brief on ACTOR from everything stored: relations with evidence and
    grades, contradictions, commitments, numbers by source and a timeline, each statement
    citing its document and span.

    Example:

        claimgraph brief Taliban --with al-Qaeda --format html -o brief.html
    """
    from claimgraph.analysis import KnowledgeBase

    with open_store(db) as store:
        result = KnowledgeBase(store).brief(actor, other)
    text = result.html() if fmt == "html" else result.markdown()
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
        say(f"wrote {output}")
    else:
        echo(text)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind; only loopback unless you say so.")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option(
    "--allow-host", "allow_hosts", multiple=True, metavar="NAME",
    help="Also serve requests addressed to this host name (repeatable); loopback names and --host are served.",
)
@db_option
@handle_errors
def serve(host: str, port: int, allow_hosts: tuple[str, ...], db: str) -> None:
    """Serve the JSON API (OpenAPI docs at /docs). Writes need the token in CLAIMGRAPH_TOKEN,
    or the one printed at start. Requests must name this server in their Host header:
    the loopback names, --host, and each --allow-host.

    Example:

        CLAIMGRAPH_TOKEN=s3cret claimgraph serve --port 8000 --db monitoring.db
    """
    import gc
    import os
    import secrets

    import uvicorn

    from claimgraph.web.app import create_app

    token = os.environ.get("CLAIMGRAPH_TOKEN") or secrets.token_urlsafe(24)
    if not os.environ.get("CLAIMGRAPH_TOKEN"):
        err.print(f"write token (send as 'Authorization: Bearer ...'): {token}", highlight=False)
    names = list(allow_hosts)
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"[yellow]warning:[/yellow] listening on {escape(host)}: reads are open to that network", markup=True)
        if host in ("0.0.0.0", "::"):
            import socket

            names += [socket.gethostname(), socket.getfqdn()]
            say(f"serving requests addressed to {', '.join(sorted(set(names)))} and loopback; add names with --allow-host")
        else:
            names.append(host)
    app = create_app(db, token, allowed_hosts=names)
    # The objects of start-up (modules, the app, SQLAlchemy's caches) live as long as the
    # server: frozen, the cyclic GC stops walking them on every full collection, which
    # otherwise lands inside a request as a pause of tens of milliseconds.
    gc.collect()
    gc.freeze()
    uvicorn.run(app, host=host, port=port, log_level="warning")


@cli.command(name="export")
@click.option(
    "--format", "fmt", type=click.Choice(["json", "jsonl", "stix", "ftm", "graphml", "csv"]), default="json", show_default=True,
    help="json: the analysis; jsonl: a dump for 'claimgraph import'; stix: STIX 2.1 bundle; ftm: FollowTheMoney "
    "entities; graphml: actor graph; csv: tables (needs -o DIR).",
)
@click.option("-o", "--output", default=None, help="File (directory for csv); stdout when omitted.")
@db_option
@handle_errors
def export_cmd(fmt: str, output: str | None, db: str) -> None:
    """Export everything stored for other tools (OpenCTI, MISP, Aleph, Gephi, spreadsheets).

    Example:

        claimgraph export --format stix -o bundle.json
    """
    from claimgraph.export import export

    with open_store(db) as store:
        text = export(store, fmt, output)
    if text is not None:
        # an export is data for another program: kept byte for byte, unless it lands on a terminal
        click.echo(printable(text) if sys.stdout.isatty() else text, nl=False)
    elif output:
        say(f"wrote {output}")


@cli.command(name="import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@db_option
@handle_errors
def import_cmd(file: str, db: str) -> None:
    """Load a dump made by 'claimgraph export --format jsonl' (already stored documents are skipped).

    Example:

        claimgraph import dump.jsonl --db copy.db
    """
    from claimgraph.export import import_jsonl

    with open_store(db) as store:
        counts = import_jsonl(file, store)
    err.print(
        f"imported {counts['documents']} documents ({counts['skipped']} already stored), {counts['actors']} actors, "
        f"{counts['grades']} grades, {counts['agreements']} agreements",
        highlight=False,
    )


@cli.command()
@click.argument("source")
@click.argument("letter", type=click.Choice(list("ABCDEF"), case_sensitive=False))
@click.option("--note", default=None, help="Why (kept with the grade).")
@db_option
@handle_errors
def grade(source: str, letter: str, note: str | None, db: str) -> None:
    """Set a source's reliability on the Admiralty scale (A-F); the override is kept.

    SOURCE is an actor (name, alias or id) or a described source ("US intelligence officials").

    Example:

        claimgraph grade "Edmund Fitton-Brown" A --note "UN monitoring team coordinator"
    """
    from claimgraph.model import name_key

    with open_store(db) as store:
        found = store.actors(ids=[source]) or store.actors(name=source)
        if len(found) > 1:
            raise ClaimgraphError(f"{source!r} names {len(found)} actors; use an id: " + ", ".join(a.id for a in found))
        key = found[0].id if found else "desc:" + name_key(source)
        from claimgraph.analysis import KnowledgeBase

        KnowledgeBase(store).set_grade(key, letter.upper(), note)
    label = found[0].name if found else source
    say(f"{label}: reliability {letter.upper()}")


@cli.group()
def agreements() -> None:
    """Agreements whose commitments are tracked (shipped ones and your own files)."""


@agreements.command(name="add")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@db_option
@handle_errors
def agreements_add(file: str, db: str) -> None:
    """Validate an agreement file (YAML) and track it in this knowledge base.

    Example:

        claimgraph agreements add my-ceasefire.yaml
    """
    import yaml

    from claimgraph.analysis import validate_agreement

    try:
        with open(file, encoding="utf-8") as fh:
            raw = yaml.safe_load(fh)
    except (OSError, yaml.YAMLError) as exc:
        raise ClaimgraphError(f"{file}: cannot read YAML ({str(exc).splitlines()[0]})") from None
    data = validate_agreement(raw, file)
    from claimgraph.analysis import KnowledgeBase

    with open_store(db) as store:
        KnowledgeBase(store).add_agreement(data["id"], data)
    say(f"added {data['id']}: {data['name']} ({len(data['obligations'])} obligations)")


@agreements.command(name="list")
@format_option("text", "json")
@db_option
@handle_errors
def agreements_list(fmt: str, db: str) -> None:
    """List the agreements tracked: shipped with claimgraph and added.

    Example:

        claimgraph agreements list --format json
    """
    from claimgraph.analysis import shipped_agreements

    with open_store(db) as store:
        found = shipped_agreements() + store.agreements()
    if fmt == "json":
        echo(json_text(found))
        return
    for ag in found:
        echo(f"{ag['id']}: {ag['name']} (signed {ag.get('signed') or '?'}; parties: {', '.join(ag['parties'])})")
        for ob in ag["obligations"]:
            echo(f"  - {ob['obligor']}: {' '.join(str(ob['text']).split())[:120]}")


@cli.group(name="eval")
def eval_group() -> None:
    """Evaluate against annotated data sets (they live outside the repo, in ../shared)."""


@eval_group.command(name="polnear")
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--limit", default=None, type=int, help="Only the first N articles.")
@format_option("text", "json")
@handle_errors
def eval_polnear(directory: str, limit: int | None, fmt: str) -> None:
    """Attribution P/R/F1 on PolNeAR (brat standoff: text/ and attributions/).

    Example:

        claimgraph eval polnear ../shared/eval/polnear/dev
    """
    from claimgraph.evaluation.polnear import evaluate_polnear

    result = evaluate_polnear(directory, limit=limit)
    echo(json_text(result) if fmt == "json" else result["report"])


@eval_group.command(name="articles")
@click.argument("directory", type=click.Path())
@click.option("--only", default=None, metavar="SECTIONS", help="Only these sections (comma-separated: actors,roles,...).")
@click.option("--article", "names", multiple=True, metavar="NAME", help="Only articles whose name contains NAME (repeatable).")
@click.option("--failures/--no-failures", default=False, help="List every failed check under its article.")
@click.option("--save", default=None, type=click.Path(file_okay=False), help="Write each analysis to DIR/NAME.json.")
@format_option("text", "json")
@handle_errors
def eval_articles(directory: str, only: str | None, names: tuple[str, ...], failures: bool, save: str | None, fmt: str) -> None:
    """Analyse each NAME.txt of DIRECTORY and check it against NAME.yaml (as check-expected does).

    The publication date is the YAML's document.published. Prints a line per
    article, then the score per section and the total.

    Example:

        claimgraph eval articles ../shared/corpus/dev --failures
    """
    from pathlib import Path

    from claimgraph.evaluation.articles import evaluate_articles, section_totals

    keep = None
    if save:
        out_dir = Path(save)
        out_dir.mkdir(parents=True, exist_ok=True)

        def keep(name: str, data: dict[str, Any]) -> None:
            import json

            (out_dir / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")

    sections = [s for s in only.split(",") if s] if only else None
    results = evaluate_articles(directory, only=sections, names=names, keep=keep)
    totals = section_totals(results)
    passed = sum(p for p, _ in totals.values())
    total = sum(t for _, t in totals.values())
    if fmt == "json":
        payload = {
            "articles": [
                {"name": r.name, "passed": r.passed, "total": r.total,
                 "sections": {s: dict(zip(("passed", "total"), r.score(s), strict=True)) for s in r.sections},
                 "failures": [{"section": s, "check": w} for s, w in r.failures()]}
                for r in results
            ],
            "sections": {s: {"passed": p, "total": t} for s, (p, t) in totals.items()},
            "named_speakers": sum(r.named_speakers for r in results),
            "named_graded_f": sum(r.named_graded_f for r in results),
            "passed": passed,
            "total": total,
        }
        echo(json_text(payload))
        return

    def ratio(p: int, t: int) -> str:
        return f"{p / t:.2f}" if t else "-"

    width = max(len(r.name) for r in results)
    for r in results:
        parts = " ".join(f"{s} {p}/{t}" for s in r.sections for p, t in [r.score(s)])
        click.echo(f"{r.name:<{width}}  {r.passed:>3}/{r.total:<3} {ratio(r.passed, r.total)}  {parts}")
        if failures:
            for section, what in r.failures():
                click.echo(f"    MISSING [{section}] {what}")
    named = sum(r.named_speakers for r in results)
    graded_f = sum(r.named_graded_f for r in results)
    click.echo("")
    click.echo(f"named speakers graded F: {graded_f}/{named} ({graded_f / named:.1%})" if named else "no named speakers")
    click.echo(f"{'section':<15}{'passed':>7}{'total':>7}{'score':>7}")
    for section, (p, t) in totals.items():
        click.echo(f"{section:<15}{p:>7}{t:>7}{ratio(p, t):>7}")
    click.echo(f"total: {passed}/{total} = {ratio(passed, total)} over {len(results)} articles")


@eval_group.command(name="isaf")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--limit", default=None, type=int, help="Only the first N releases.")
@format_option("text", "json")
@handle_errors
def eval_isaf(file: str, limit: int | None, fmt: str) -> None:
    """Event fields (province, group, type, killed, captured, leaders, date) on ISAF press releases.

    Example:

        claimgraph eval isaf ../shared/eval/isaf/isaf_press_releases.jsonl
    """
    from claimgraph.evaluation.isaf import evaluate_isaf

    result = evaluate_isaf(file, limit=limit)
    echo(json_text(result) if fmt == "json" else result["report"])


@eval_group.command(name="conll")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--limit", default=None, type=int, help="Only the first N documents.")
@format_option("text", "json")
@handle_errors
def eval_conll(file: str, limit: int | None, fmt: str) -> None:
    """Entity F1 (PER/ORG/LOC) on CoNLL-format NER data, ours next to the raw model.

    Example:

        claimgraph eval conll ../shared/eval/conllpp/conllpp_test.txt
    """
    from claimgraph.evaluation.conll import evaluate_conll

    result = evaluate_conll(file, limit=limit)
    echo(json_text(result) if fmt == "json" else result["report"])


@eval_group.command(name="plover")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--limit", default=None, type=int, help="Only the first N sentences.")
@click.option("--failures", is_flag=True, help="List the missed and wrongly classed sentences (gold and predicted class, source, target).")
@format_option("text", "json")
@handle_errors
def eval_plover(file: str, limit: int | None, failures: bool, fmt: str) -> None:
    """Event coding on the PLOVER gold sentences: class P/R, source and target F1.

    Example:

        claimgraph eval plover ../shared/eval/plover/PLOVER_GSR_CAMEO.json
    """
    from claimgraph.evaluation.plover import evaluate_plover

    result = evaluate_plover(file, limit=limit, failures=failures)
    echo(json_text(result) if fmt == "json" else result["report"])


def main() -> None:
    cli(prog_name="claimgraph")


if __name__ == "__main__":
    main()
