"""`kizuna evaluate CORPUS_DIR`: precision, recall and F1 against an annotated corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from api.cli.context import settings_of
from api.cli.output import fail
from graph.errors import KizunaError

__all__ = ["evaluate_command"]


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def evaluate_command(
    ctx: typer.Context,
    corpus: Annotated[
        Path,
        typer.Argument(help="A corpus folder: docs/ and expected.yaml (or expected-*.yaml)."),
    ],
    min_confidence: Annotated[
        float | None,
        typer.Option(
            "--min-confidence",
            min=0.0,
            max=1.0,
            help="Ignore relations the extractor is less sure of (default: KIZUNA_MIN_CONFIDENCE).",
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print the figures only, not the lists.")
    ] = False,
) -> None:
    """Extract the corpus's documents and score them against its annotations."""
    from loaders.evaluation import evaluate_corpus

    console = Console()
    if min_confidence is None:
        min_confidence = settings_of(ctx).min_confidence
    try:
        result = evaluate_corpus(corpus, min_confidence)
    except KizunaError as exc:
        raise fail(console, exc) from exc
    table = Table(
        title=f"Relations with confidence >= {min_confidence:g} (recall by annotated type, "
        "precision by extracted type)"
    )
    for column in (
        "type",
        "expected",
        "found",
        "recall",
        "judged",
        "correct",
        "precision",
        "F1",
    ):
        table.add_column(column, justify="left" if column == "type" else "right")
    rows = [*sorted(result.by_type.items()), ("overall", result.overall)]
    for name, s in rows:
        table.add_row(
            name, str(s.expected), str(s.found), _figure(s.recall), str(s.judged),
            str(s.correct), _figure(s.precision), _figure(s.f1),
        )  # fmt: skip
    console.print(table)
    if not quiet:
        for doc, name in result.missing_actors:
            console.print(f"missing actor [{doc}]: {name}", highlight=False, markup=False)
        for doc, label, quote in result.misses:
            console.print(
                f"missed [{doc}]: {label}\n    <- {quote!r}", highlight=False, markup=False
            )
        for label, quote in result.false_positives:
            console.print(
                f"false positive: {label}\n    <- {quote!r}", highlight=False, markup=False
            )
        for name in result.false_actors:
            console.print(f"false actor: {name}", highlight=False, markup=False)
    overall = result.overall
    console.print(
        f"actor_recall={result.actor_recall:.2f} relation_recall={_figure(overall.recall)} "
        f"precision={_figure(overall.precision)} f1={_figure(overall.f1)} "
        f"false_actors={len(result.false_actors)}",
        highlight=False,
    )
