"""Quality floors on the project's own annotated evaluation set (evaluation/), and the
`kizuna evaluate` command that prints them. The floors sit just under today's figures, so
a change that makes extraction worse on real press releases fails here."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from loaders.evaluation import Evaluation, evaluate_corpus

ROOT = Path(__file__).resolve().parents[2]
EVALUATION = ROOT / "evaluation"


@pytest.fixture(scope="module")
def evaluation() -> Evaluation:
    return evaluate_corpus(EVALUATION)


def test_actor_recall_on_the_evaluation_set_holds_its_floor(evaluation: Evaluation) -> None:
    assert evaluation.actor_recall >= 0.88


def test_relation_recall_and_precision_hold_their_floors(evaluation: Evaluation) -> None:
    assert evaluation.overall.recall is not None and evaluation.overall.recall >= 0.75
    assert evaluation.overall.precision is not None and evaluation.overall.precision >= 0.85


def test_no_person_or_technology_of_the_set_becomes_an_actor(evaluation: Evaluation) -> None:
    people = [name for name in evaluation.false_actors if not name.isupper()]
    assert len(people) <= 2, people


def test_every_miss_and_false_positive_comes_with_its_sentence(evaluation: Evaluation) -> None:
    texts = "".join(p.read_text(encoding="utf-8") for p in (EVALUATION / "docs").iterdir())
    assert all(quote and quote in texts for _, _, quote in evaluation.misses)
    assert all(quote in texts for _, quote in evaluation.false_positives)


def test_cli_evaluate_prints_per_type_figures_misses_and_the_overall_line() -> None:
    result = CliRunner().invoke(app, ["evaluate", str(EVALUATION)], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "PARTNERS_WITH" in result.output and "overall" in result.output
    assert "missed [" in result.output and "    <- " in result.output
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("actor_recall=") and "relation_recall=" in last and "precision=" in last


def test_cli_evaluate_rejects_a_folder_without_annotations(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    result = CliRunner().invoke(app, ["evaluate", str(tmp_path)], terminal_width=200)
    assert result.exit_code == 1
    assert "expected.yaml" in result.output
