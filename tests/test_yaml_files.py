"""A YAML file that states a key twice is refused with its file and line, instead of keeping the
second block and dropping the first; a curation file that is not UTF-8 text, or a folder given
as one, is one clear line too, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from api.settings import Settings
from graph.errors import CurationError
from loaders.curation import load_curation
from loaders.datafiles import DataFileError, load_data_file
from loaders.rules.lexicon import LEXICON_FILE, LexiconFile

TWO_ACTOR_BLOCKS = """\
actors:
  remove: [country:IND]
relations:
  remove: []
actors:
  rename:
    - {id: country:JPN, name: Nippon}
"""


def test_a_curation_file_with_a_key_given_twice_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "curation.yaml"
    path.write_text(TWO_ACTOR_BLOCKS, encoding="utf-8")
    with pytest.raises(CurationError) as caught:
        load_curation(path)
    assert caught.value.details["line"] == 5
    assert f"{path}:5:" in caught.value.message
    assert "'actors' is given twice (first on line 1" in caught.value.message


def test_a_data_file_with_a_key_given_twice_is_refused_with_its_line(tmp_path: Path) -> None:
    lines = LEXICON_FILE.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("  FUNDS:"))
    lines.insert(at + 1, "    verbs: [finance]")
    path = tmp_path / "lexicon.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"lexicon\.yaml, line {at + 3}: .*'verbs' is given"):
        load_data_file(path, LexiconFile)


def _build(tmp_path: Path, curation: Path) -> tuple[int, str]:
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "docs" / "a.txt").write_text("JICA signed a loan with India in 2023.", "utf-8")
    settings = Settings(store=tmp_path / "data" / "graph.json", seeds=tmp_path / "seeds")
    done = CliRunner().invoke(
        app,
        ["build", str(tmp_path / "docs"), "--curation", str(curation)],
        obj=settings,
        env={"COLUMNS": "400"},
    )
    return done.exit_code, done.output


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (TWO_ACTOR_BLOCKS.encode("utf-8"), "'actors' is given twice"),
        ("actors:\n  remove: [Zürich]\n".encode("latin-1"), "not UTF-8 text"),
        (None, "it is a folder, not a file"),
    ],
    ids=["duplicate-key", "latin-1", "folder"],
)
def test_a_bad_curation_file_is_one_line_and_writes_nothing(
    tmp_path: Path, content: bytes | None, said: str
) -> None:
    curation = tmp_path / "curation.yaml"
    if content is None:
        curation.mkdir()
    else:
        curation.write_bytes(content)
    code, output = _build(tmp_path, curation)
    assert code == 1, output
    assert "Traceback" not in output
    assert output.count("error:") == 1 and said in output, output
    assert str(curation) in output
    assert not (tmp_path / "data" / "graph.json").exists()
