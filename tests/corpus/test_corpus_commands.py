"""The user's corpus is safe: a typo or an empty folder changes nothing, a build that would
drop most documents asks first, added documents survive every rebuild, and `stats` lists
the corpus. Each test drives the real `kizuna` command line over a store in a temporary
folder, with the project's seeds copied there as the seeds folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from api.cli import app
from api.settings import Settings
from graph.memory_store import MemoryStore
from loaders.corpus import corpus_path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
PRESS = (
    "Kyoto University and the Indian Institute of Technology Hyderabad (IITH) launched a "
    "joint research programme in 2023."
)
KYOTO = "university:kyoto-university"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A folder with a copy of the seeds; the store goes under data/ there."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path


def _settings(home: Path) -> Settings:
    return Settings(
        store=home / "data" / "graph.json", seeds=home / "seeds", curation=home / "none.yaml"
    )


def _kizuna(home: Path, *args: str) -> Result:
    """Run the command line in-process; a wide terminal keeps each message on one line."""
    return CliRunner().invoke(app, list(args), obj=_settings(home), env={"COLUMNS": "400"})


def _documents(home: Path) -> list[str]:
    return [d.name for d in MemoryStore(home / "data" / "graph.json").snapshot().documents]


def _actors(home: Path) -> set[str]:
    return {a.id for a in MemoryStore(home / "data" / "graph.json").snapshot().actors}


def _press(home: Path, name: str = "press.txt") -> Path:
    path = home / "mine" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(PRESS, encoding="utf-8")
    return path


def _stored(home: Path) -> tuple[bytes, bytes]:
    store = home / "data" / "graph.json"
    return store.read_bytes(), corpus_path(store).read_bytes()


def test_first_build_registers_the_seeds_folder_as_the_corpus(home: Path) -> None:
    done = _kizuna(home, "build")
    assert done.exit_code == 0, done.output
    corpus = json.loads(corpus_path(home / "data" / "graph.json").read_text())
    seeds = sorted(p.name for p in SEEDS.iterdir())
    assert [d["name"] for d in corpus["documents"]] == seeds
    assert {Path(d["path"]).parent for d in corpus["documents"]} == {home / "seeds"}
    assert _documents(home) == seeds


def _typo(home: Path) -> Path:
    return home / "nonexistent" / "path"


def _folder_of_a_blank_file(home: Path) -> Path:
    (home / "blank").mkdir()
    (home / "blank" / "blank.txt").write_text("   \n", encoding="utf-8")
    return home / "blank"


def _empty_folder(home: Path) -> Path:
    (home / "nothing").mkdir()
    return home / "nothing"


@pytest.mark.parametrize(
    ("given", "said"),
    [
        (_typo, ["no such file or folder", "nonexistent/path", "nothing was changed"]),
        (_folder_of_a_blank_file, ["no document could be read", "blank.txt: empty"]),
        (_empty_folder, ["no documents under", "nothing was changed"]),
    ],
)
def test_a_build_that_reads_no_document_fails_and_leaves_store_and_corpus_as_they_were(
    home: Path, given: Callable[[Path], Path], said: list[str]
) -> None:
    assert _kizuna(home, "build").exit_code == 0
    before = _stored(home)
    done = _kizuna(home, "build", str(given(home)), "--replace")  # consent changes nothing
    assert done.exit_code == 1
    for words in said:
        assert words in done.output
    assert _stored(home) == before


def test_two_files_with_one_name_are_refused_rather_than_one_dropped(home: Path) -> None:
    assert _kizuna(home, "build").exit_code == 0
    before = _stored(home)
    other = home / "other" / "press.txt"
    other.parent.mkdir()
    other.write_text(PRESS, encoding="utf-8")
    done = _kizuna(home, "add", str(_press(home)), str(other))
    assert done.exit_code == 1
    assert "have the same name" in done.output
    assert _stored(home) == before


def test_a_first_build_of_a_missing_path_writes_no_store(home: Path) -> None:
    done = _kizuna(home, "build", str(home / "typo"))
    assert done.exit_code == 1
    assert not (home / "data").exists()


def test_dropping_most_documents_without_a_terminal_needs_replace(home: Path) -> None:
    assert _kizuna(home, "build").exit_code == 0
    before = _stored(home)
    press = _press(home)
    refused = _kizuna(home, "build", str(press))
    assert refused.exit_code == 1
    assert "would remove 5 documents of the 5" in refused.output
    assert "--replace" in refused.output
    assert _stored(home) == before
    done = _kizuna(home, "build", str(press), "--replace")
    assert done.exit_code == 0, done.output
    assert _documents(home) == ["press.txt"]


def test_dropping_at_most_half_of_the_documents_needs_no_confirmation(home: Path) -> None:
    assert _kizuna(home, "build").exit_code == 0
    kept = home / "kept"
    kept.mkdir()
    for seed in sorted(SEEDS.iterdir())[:3]:
        shutil.copy(seed, kept / seed.name)
    done = _kizuna(home, "build", str(kept), str(_press(home)))
    assert done.exit_code == 0, done.output
    assert len(_documents(home)) == 4


def _build_at_a_terminal(home: Path, answer: str, *args: str) -> tuple[int, str]:
    """Run `kizuna build` as a child whose standard input is a terminal, answering `answer`."""
    leader, follower = os.openpty()
    env = {
        **os.environ,
        "KIZUNA_STORE": str(home / "data" / "graph.json"),
        "KIZUNA_SEEDS": str(home / "seeds"),
        "KIZUNA_CURATION": str(home / "none.yaml"),
    }
    try:
        os.write(leader, answer.encode() + b"\n")
        done = subprocess.run(
            [sys.executable, "-c", "from api.cli import main; main()", "build", *args],
            stdin=follower,
            capture_output=True,
            text=True,
            env=env,
            cwd=home,
            timeout=300,
            check=False,
        )
    finally:
        os.close(leader)
        os.close(follower)
    return done.returncode, done.stdout + done.stderr


def test_at_a_terminal_the_user_is_asked_and_a_no_changes_nothing(home: Path) -> None:
    assert _kizuna(home, "build").exit_code == 0
    before = _stored(home)
    press = _press(home)
    code, output = _build_at_a_terminal(home, "n", str(press))
    assert code == 1, output
    assert "Replace the corpus with these paths?" in output
    assert "Nothing was changed." in output
    assert _stored(home) == before
    code, output = _build_at_a_terminal(home, "y", str(press))
    assert code == 0, output
    assert _documents(home) == ["press.txt"]


def test_added_documents_survive_a_plain_rebuild_and_remove_forgets_them(home: Path) -> None:
    assert _kizuna(home, "build").exit_code == 0
    seeds_only = _stored(home)[0]
    added = _kizuna(home, "add", str(_press(home)))
    assert added.exit_code == 0, added.output
    assert "Read 6 documents" in added.output
    assert "1 extracted, 5 from the cache" in added.output
    assert "press.txt" in _documents(home) and KYOTO in _actors(home)
    rebuilt = _kizuna(home, "build")
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "press.txt" in _documents(home) and KYOTO in _actors(home)
    removed = _kizuna(home, "remove", "press.txt")
    assert removed.exit_code == 0, removed.output
    assert "press.txt" not in _documents(home) and KYOTO not in _actors(home)
    assert _stored(home)[0] == seeds_only


def test_add_as_the_first_command_registers_the_seeds_too(home: Path) -> None:
    done = _kizuna(home, "add", str(_press(home)))
    assert done.exit_code == 0, done.output
    assert len(_documents(home)) == 6


def test_adding_a_missing_path_or_removing_an_unknown_document_changes_nothing(
    home: Path,
) -> None:
    assert _kizuna(home, "build").exit_code == 0
    before = _stored(home)
    missing = _kizuna(home, "add", str(home / "mine" / "nope.txt"))
    assert missing.exit_code == 1 and "nope.txt" in missing.output
    unknown = _kizuna(home, "remove", "nope.txt")
    assert unknown.exit_code == 1
    assert "not in the corpus: nope.txt" in unknown.output
    assert "000_319be56bb5530dd0.txt" in unknown.output  # the registered documents are listed
    assert _stored(home) == before


def test_a_vanished_registered_document_is_kept_from_the_store_with_a_warning(
    home: Path,
) -> None:
    press = _press(home)
    assert _kizuna(home, "add", str(press)).exit_code == 0
    press.unlink()
    done = _kizuna(home, "build")
    assert done.exit_code == 0, done.output
    assert "press.txt is missing at" in done.output
    assert "its last extraction is kept" in done.output
    assert "press.txt" in _documents(home) and KYOTO in _actors(home)
    stats = _kizuna(home, "stats")
    assert "(missing)" in stats.output
    assert _kizuna(home, "remove", "press.txt").exit_code == 0
    assert KYOTO not in _actors(home)


def test_a_store_built_before_corpora_existed_keeps_every_document_on_first_rebuild(
    home: Path,
) -> None:
    press = _press(home)
    assert _kizuna(home, "build", str(home / "seeds"), str(press)).exit_code == 0
    corpus_path(home / "data" / "graph.json").unlink()  # as a store from before corpora
    press.unlink()
    done = _kizuna(home, "build")
    assert done.exit_code == 0, done.output
    assert "press.txt was in the graph but in no registered folder" in done.output
    assert "press.txt" in _documents(home) and KYOTO in _actors(home)
    assert "(no file: kept from the store)" in _kizuna(home, "stats").output
    registered = _kizuna(home, "add", str(_press(home)))
    assert registered.exit_code == 0 and "warning" not in registered.output
    entry = json.loads(corpus_path(home / "data" / "graph.json").read_text())["documents"][-1]
    assert entry["name"] == "press.txt" and entry["path"] == str(home / "mine" / "press.txt")


def test_stats_lists_the_corpus_with_paths_and_hashes(home: Path) -> None:
    press = _press(home)
    assert _kizuna(home, "add", str(press)).exit_code == 0
    done = _kizuna(home, "stats")
    assert done.exit_code == 0, done.output
    assert "Corpus (6 documents)" in done.output
    corpus = json.loads(corpus_path(home / "data" / "graph.json").read_text())
    for entry in corpus["documents"]:
        line = next(row for row in done.output.splitlines() if entry["name"] in row)
        assert entry["path"] in line and entry["sha256"][:12] in line


def test_counts_are_pluralised_as_english(home: Path) -> None:
    done = _kizuna(home, "build", str(_press(home)))
    assert done.exit_code == 0, done.output
    assert "Read 1 document (" in done.output
    stats = _kizuna(home, "stats")
    assert ", 1 document, " in stats.output
    assert "Corpus (1 document)" in stats.output


def test_export_says_where_it_wrote(home: Path, tmp_path: Path) -> None:
    assert _kizuna(home, "build").exit_code == 0
    out = tmp_path / "graph-export.json"
    done = _kizuna(home, "export", "-o", str(out))
    assert done.exit_code == 0
    assert f"as json to {out}" in done.output
    assert json.loads(out.read_text())["nodes"]
    piped = _kizuna(home, "export")
    assert json.loads(piped.stdout)["edges"]
    assert "as json to standard output" in piped.stderr


def test_an_add_whose_every_document_is_skipped_fails_and_changes_nothing(home: Path) -> None:
    assert _kizuna(home, "build").exit_code == 0
    before = _stored(home)
    empty = home / "mine" / "empty.txt"
    empty.parent.mkdir()
    empty.write_bytes(b"")
    binary = home / "mine" / "scan.txt"
    binary.write_bytes(b"JICA\x00\x01")
    done = _kizuna(home, "add", str(empty), str(binary))
    assert done.exit_code == 1, done.output
    assert "every document given was skipped" in done.output
    assert "empty.txt: empty" in done.output and "scan.txt: binary" in done.output
    assert _stored(home) == before  # store and corpus, byte for byte
    # One readable document among them is an add that succeeds.
    done = _kizuna(home, "add", str(empty), str(_press(home)))
    assert done.exit_code == 0, done.output
    assert "skipped empty.txt: empty" in done.output
    assert "press.txt" in _documents(home)


def test_every_corpus_command_says_which_store_it_uses(home: Path) -> None:
    store = (home / "data" / "graph.json").resolve()
    for args in (["build"], ["add", str(_press(home))], ["remove", "press.txt"], ["stats"]):
        done = _kizuna(home, *args)
        assert done.exit_code == 0, done.output
        assert f"Store: {store}" in done.output.splitlines()[:2], args
