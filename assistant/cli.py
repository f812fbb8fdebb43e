"""The `assistant` console script: a thin shell over the Python API."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from .api import Assistant
from .errors import AssistantError

app = typer.Typer(help="Ask questions over a folder of documents; answers quote and cite their sources.",
                  no_args_is_help=True, add_completion=False)  # fmt: skip
err = Console(stderr=True)
out = Console()


def _fail(exc: AssistantError) -> typer.Exit:
    err.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True)  # one line, whatever the terminal's width
    return typer.Exit(1)


class _Rate(ProgressColumn):
    """Chunks embedded a second, over the last half minute."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:.1f} chunks/s" if task.speed else "", style="progress.data.speed")


@app.command()
def index(
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON on the last line.")] = False,
) -> None:
    """Index the seeds folder: embed new and changed files, drop removed ones, leave the rest untouched."""
    try:
        with Progress(
            TextColumn("embedding"), BarColumn(), MofNCompleteColumn(), _Rate(), TimeElapsedColumn(),
            console=err, transient=True, disable=not err.is_terminal,
        ) as bar:  # fmt: skip
            task = bar.add_task("index", total=None)
            report = Assistant().reindex(progress=lambda done, total: bar.update(task, completed=done, total=total))
    except AssistantError as exc:
        raise _fail(exc) from exc
    for problem in report.skipped:
        err.print(f"[yellow]skipped[/yellow] {escape(problem.path)}: {escape(problem.reason)}")
    if as_json:
        print(report.model_dump_json())
    else:
        out.print(
            f"{report.added} added, {report.updated} updated, {report.removed} removed, {report.unchanged} unchanged; "
            f"{report.chunks_embedded} chunks embedded in {report.seconds:.1f} s"
            + (
                f" ({report.load_seconds:.1f} s loading models, {report.chunks_per_second:g} chunks/s after)"
                if report.chunks_embedded
                else ""
            )
            + (" (store rebuilt: settings or model changed)" if report.rebuilt else ""),
            soft_wrap=True,
        )


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="The question, in any language.")],
    k: Annotated[int, typer.Option("--k", min=1, max=50, help="Passages to retrieve.")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="Print the Answer model as JSON.")] = False,
) -> None:
    """Answer a question from the documents, with numbered sources."""
    try:
        reply = Assistant().answer(question, k=k)
    except AssistantError as exc:
        raise _fail(exc) from exc
    if as_json:
        print(reply.model_dump_json(indent=2))
        return
    out.print(escape(reply.text))
    if reply.notice:
        out.print(f"[yellow]{escape(reply.notice)}[/yellow]")
    for c in reply.citations:
        meta = " · ".join(x for x in (f"page {c.page}" if c.page else None, c.site, c.date, c.language, c.url) if x)
        out.print(f"\n[bold][{c.number}][/bold] {escape(c.title)} [dim]({escape(c.doc_id)}; {escape(meta)})[/dim]")
        for quote in c.quotes or [c.passage[:300]]:
            out.print(f"    [green]{escape(quote)}[/green]")


@app.command()
def search(
    question: Annotated[str, typer.Argument(help="The question, in any language.")],
    k: Annotated[int, typer.Option("--k", min=1, max=50, help="Passages to return.")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="Print the passages as a JSON list.")] = False,
) -> None:
    """Print the passages that best match a question, ranked, with their sources (no answer)."""
    try:
        passages = Assistant().retrieve(question, k=k)
    except AssistantError as exc:
        raise _fail(exc) from exc
    if as_json:
        print(json.dumps([p.model_dump() for p in passages], ensure_ascii=False, indent=2))
        return
    for p in passages:
        meta = " · ".join(x for x in (f"page {p.page}" if p.page else None, p.site, p.date, p.language, p.url) if x)
        out.print(f"[bold]{p.rank}.[/bold] {escape(p.title)} [dim]({escape(p.doc_id)}; {escape(meta)}; "
                  f"score {p.score:.4f})[/dim]")  # fmt: skip
        out.print(f"    {escape(p.text)}\n", soft_wrap=True)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on (0: a free one).")] = 7860,
) -> None:
    """Open the chat page (indexes the seeds folder first if the store is empty, then follows its changes)."""
    from .indexer import require_seeds
    from .server import bind
    from .server import serve as run
    from .ui import credentials

    assistant = Assistant()
    try:
        credentials(assistant.settings)  # a bad setting, a busy port or no seeds folder stop here, before indexing
        sock = bind(host, port)
        if not assistant.settings.chroma_host:
            require_seeds(assistant.settings)
        report = assistant.ensure_index()
        if report is not None:
            err.print(f"indexed {report.added} documents ({report.chunks_embedded} chunks) in {report.seconds:.1f} s")
        assistant.warm_up()
        shown = f"[{host}]" if ":" in host else host
        out.print(
            f"serving on http://{shown}:{sock.getsockname()[1]}/ (MCP at /gradio_api/mcp/, OpenAI API at /v1)",
            soft_wrap=True,
        )
        run(assistant, sock, host=host)
    except AssistantError as exc:
        raise _fail(exc) from exc


@app.command(name="eval")
def evaluate_command(
    questions: Annotated[Path, typer.Option("--questions", help="A questions .jsonl file (see shared/eval).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    split: Annotated[
        str | None, typer.Option("--split", help="Only the questions of this split (train, valid, test).")
    ] = None,
) -> None:
    """Score retrieval and answers on a questions file: hit@k, MRR, accuracy, no-answer rates, latency."""
    from .evaluate import evaluate, load_questions

    try:
        chosen = [q for q in load_questions(questions) if split is None or q.split == split]
        report = evaluate(chosen, Assistant())
    except AssistantError as exc:
        raise _fail(exc) from exc
    if as_json:
        print(json.dumps(report, ensure_ascii=False))
        return
    from rich.table import Table

    table = Table(title=f"{report['n']} questions")
    keys = ["hit@1", "hit@5", "mrr@10", "answer_accuracy", "no_answer_declined", "answerable_declined", "p50_ms",
            "p95_ms"]  # fmt: skip
    table.add_column("")
    for key in keys:
        table.add_column(key, justify="right")
    groups = [("all", report)] + sorted(report["per_lang"].items())
    groups += sorted(report.get("per_tag", {}).items())
    for name, figures in groups:
        table.add_row(name, *(f"{figures[key]:g}" for key in keys))
    out.print(table)
    out.print(f"no-answer AUROC {report['no_answer_auroc']}, operating point {report['operating_point']}")
    for failure in report["failures"]:
        out.print(f"[red]{failure['id']}[/red] ({failure['lang']}): {', '.join(failure['problems'])}")
