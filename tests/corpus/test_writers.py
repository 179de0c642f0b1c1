"""Nothing lost, nothing mixed: two commands writing one store at once, a writer killed at the
commit point, a full disk, and what a rebuild keeps of the files it replaces (their mode) and
of an added folder (no link out of it).

The racing commands run as real `kizuna` processes started together, as a user's shell would
start them; a kill is a real SIGKILL, sent by the child to itself at the step named; the full
disk is a real tmpfs of a few pages, mounted in a user namespace of its own."""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from api.cli import app
from api.settings import Settings
from graph.memory_store import MemoryStore
from loaders.corpus import corpus_path, load_corpus

PRESS = {
    "kyoto.txt": "Kyoto University and the Indian Institute of Technology Hyderabad (IITH) "
    "launched a joint research programme in 2023.",
    "osaka.txt": "Osaka University and the University of Melbourne signed a memorandum of "
    "cooperation on quantum computing in 2022.",
    "tohoku.txt": "Tohoku University and the University of Sao Paulo started a joint research "
    "programme on disaster prevention in 2021.",
}
BASE = (
    "The Japan International Cooperation Agency (JICA) signed a loan agreement with India "
    "in 2023 for the Mumbai-Ahmedabad High Speed Rail project."
)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A folder with a one-document corpus already built into data/graph.json."""
    (tmp_path / "base").mkdir()
    (tmp_path / "base" / "base.txt").write_text(BASE, encoding="utf-8")
    (tmp_path / "mine").mkdir()
    for name, text in PRESS.items():
        (tmp_path / "mine" / name).write_text(text, encoding="utf-8")
    done = _kizuna(tmp_path, "build", str(tmp_path / "base"))
    assert done.exit_code == 0, done.output
    return tmp_path


def _store(home: Path) -> Path:
    return home / "data" / "graph.json"


def _settings(home: Path) -> Settings:
    return Settings(store=_store(home), seeds=home / "seeds", curation=home / "none.yaml")


def _kizuna(home: Path, *args: str) -> Result:
    return CliRunner().invoke(app, list(args), obj=_settings(home), env={"COLUMNS": "400"})


def _env(home: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "KIZUNA_STORE": str(_store(home)),
        "KIZUNA_SEEDS": str(home / "seeds"),
        "KIZUNA_CURATION": str(home / "none.yaml"),
        "COLUMNS": "400",
        **extra,
    }


CLI = "from api.cli import main; main()"


def _start(home: Path, *args: str, code: str = CLI, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        env=_env(home, **env),
        cwd=home,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _finish(child: subprocess.Popen[str]) -> tuple[int, str]:
    output, _ = child.communicate(timeout=300)
    return child.returncode, output


def _documents(home: Path) -> dict[str, str]:
    """The store's documents: name -> sha256."""
    return {d.name: d.sha256 for d in MemoryStore(_store(home)).snapshot().documents}


def _corpus(home: Path) -> dict[str, str]:
    """The corpus the program reads for the store: name -> sha256."""
    corpus = load_corpus(_store(home))
    assert corpus is not None
    return {e.name: e.sha256 for e in corpus.documents}


def _leftovers(home: Path) -> list[str]:
    data = home / "data"
    return sorted(
        p.name for p in [*data.iterdir(), *(data / "cache").iterdir()] if p.name.endswith(".tmp")
    )


def test_two_adds_at_once_keep_both_documents(home: Path) -> None:
    first = _start(home, "add", str(home / "mine" / "kyoto.txt"))
    second = _start(home, "add", str(home / "mine" / "osaka.txt"))
    outputs = [_finish(first), _finish(second)]
    assert [code for code, _ in outputs] == [0, 0], outputs
    assert set(_corpus(home)) == {"base.txt", "kyoto.txt", "osaka.txt"}
    assert _documents(home) == _corpus(home)
    assert any("Waiting for kizuna" in output for _, output in outputs), outputs


def test_a_build_racing_a_remove_never_brings_the_removed_document_back(home: Path) -> None:
    for name in PRESS:
        assert _kizuna(home, "add", str(home / "mine" / name)).exit_code == 0
    # The build has one document to extract again, the remove none: left alone, the remove
    # would write its corpus while the build extracts, and the build would write it over.
    for entry in (home / "data" / "cache").glob(_corpus(home)["kyoto.txt"] + "-*.json"):
        entry.unlink()
    build = _start(home, "build")
    remove = _start(home, "remove", "kyoto.txt")
    outputs = [_finish(build), _finish(remove)]
    assert [code for code, _ in outputs] == [0, 0], outputs
    assert "kyoto.txt" not in _corpus(home)
    assert _documents(home) == _corpus(home)
    assert set(_corpus(home)) == {"base.txt", "osaka.txt", "tohoku.txt"}


def test_a_writer_that_finds_the_store_locked_waits_then_fails_clearly(home: Path) -> None:
    from loaders.store_writer import writing

    before = (_store(home).read_bytes(), corpus_path(_store(home)).read_bytes())
    with writing(_store(home)):
        code, output = _finish(
            _start(home, "add", str(home / "mine" / "kyoto.txt"), KIZUNA_LOCK_WAIT="1")
        )
    assert code == 1, output
    assert "Waiting for kizuna" in output
    assert "is still writing the store" in output and "nothing was changed" in output
    assert "Traceback" not in output
    assert (_store(home).read_bytes(), corpus_path(_store(home)).read_bytes()) == before


KILLER = textwrap.dedent(
    """
    import os, signal, sys
    name, when = sys.argv.pop(1), sys.argv.pop(1)
    real = os.replace
    def replace(src, dst, *args, **kwargs):
        hit = os.path.basename(os.fspath(dst)) == name
        if hit and when == "before":
            os.kill(os.getpid(), signal.SIGKILL)
        real(src, dst, *args, **kwargs)
        if hit and when == "after":
            os.kill(os.getpid(), signal.SIGKILL)
    os.replace = replace
    from api.cli import main
    main()
    """
)


@pytest.mark.parametrize("when", ["before", "after"])
def test_a_writer_killed_at_the_commit_point_leaves_old_with_old_or_new_with_new(
    home: Path, when: str
) -> None:
    """SIGKILL just before or just after the store file is replaced: the corpus the program
    reads always lists the documents of the graph on disk, and the next build finishes."""
    old = _documents(home)
    code, output = _finish(
        _start(home, "graph.json", when, "add", str(home / "mine" / "kyoto.txt"), code=KILLER)
    )
    assert code == -signal.SIGKILL, output
    assert _corpus(home) == _documents(home)
    assert ("kyoto.txt" in _documents(home)) == (when == "after")
    if when == "before":
        assert _documents(home) == old
    stats = _kizuna(home, "stats")
    assert stats.exit_code == 0, stats.output
    assert f"Corpus ({len(_documents(home))} document" in stats.output
    rebuilt = _kizuna(home, "build")
    assert rebuilt.exit_code == 0, rebuilt.output
    assert _corpus(home) == _documents(home)
    assert json.loads(corpus_path(_store(home)).read_text())["documents"]
    assert _leftovers(home) == []
    files = (home / "data").iterdir()
    assert sorted(p.name for p in files if p.is_file() and p.suffix != ".lock") == [
        "graph.corpus.json",
        "graph.json",
    ]


def _run(home: Path, command: list[str], **options: Any) -> subprocess.CompletedProcess[str]:
    """`command` run to its end in `home` with the store's environment, its output kept."""
    return subprocess.run(
        command,
        env=_env(home),
        cwd=home,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        **options,
    )


def _tmpfs_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "true"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.suffix != ".lock"
    }


def _add_on_a_full_tmpfs(home: Path, big: Path, room: int) -> str:
    """`kizuna add big` with the store's folder on a tmpfs with `room` bytes left, in a user
    namespace of its own; the folder as it is afterwards is copied to `after/`."""
    used = sum(map(len, _files(home / "data").values()))
    script = textwrap.dedent(
        f"""
        set -u
        mkdir -p {home}/full {home}/after
        cp -a {home}/data/. {home}/full/
        mount -t tmpfs -o size={used + room} tmpfs {home}/data
        cp -a {home}/full/. {home}/data/
        {sys.executable} -c "{CLI}" add {big}
        echo "exit $?"
        cp -a {home}/data/. {home}/after/
        """
    )
    done = _run(home, ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script])
    return done.stdout + done.stderr


def _add_with_files_limited(home: Path, big: Path, room: int) -> str:
    """`kizuna add big` where no file may grow past `room` bytes (RLIMIT_FSIZE, the signal it
    sends ignored): the kernel fails the writes, as a full disk would, with EFBIG."""

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (room, room))

    done = _run(home, [sys.executable, "-c", CLI, "add", str(big)], preexec_fn=limit)
    shutil.copytree(home / "data", home / "after")
    return f"{done.stdout}{done.stderr}exit {done.returncode}\n"


def test_a_full_disk_is_one_line_and_leaves_store_corpus_and_disk_as_they_were(
    home: Path,
) -> None:
    """On a tmpfs with little room (where a user namespace can mount one), else with the
    kernel refusing to let a file grow: the writes fail for want of space either way."""
    big = home / "mine" / "white-paper.txt"
    big.write_text((BASE + " " + PRESS["osaka.txt"] + "\n") * 1500, encoding="utf-8")
    before = _files(home / "data")
    tmpfs = _tmpfs_works()
    run = _add_on_a_full_tmpfs if tmpfs else _add_with_files_limited
    output = run(home, big, 96 * 1024)
    assert "exit 1" in output, output
    assert "Traceback" not in output
    errors = [line for line in output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, output
    problem = "the disk is full" if tmpfs else "larger than this system allows"
    assert problem in errors[0] and "as they were" in errors[0], errors[0]
    assert "cache entries this build wrote were removed" in errors[0]
    assert _files(home / "after") == before


def test_a_rebuild_keeps_the_mode_of_the_store_and_the_corpus(home: Path) -> None:
    store, corpus = _store(home), corpus_path(_store(home))
    store.chmod(0o640)
    corpus.chmod(0o604)
    umask = os.umask(0o022)
    try:
        done = _kizuna(home, "add", str(home / "mine" / "kyoto.txt"))
    finally:
        os.umask(umask)
    assert done.exit_code == 0, done.output
    assert "kyoto.txt" in _documents(home)
    assert stat.S_IMODE(store.stat().st_mode) == 0o640
    assert stat.S_IMODE(corpus.stat().st_mode) == 0o604


def test_a_first_build_gives_its_files_the_mode_the_umask_asks(tmp_path: Path) -> None:
    (tmp_path / "base").mkdir()
    (tmp_path / "base" / "base.txt").write_text(BASE, encoding="utf-8")
    umask = os.umask(0o022)
    try:
        done = _kizuna(tmp_path, "build", str(tmp_path / "base"))
    finally:
        os.umask(umask)
    assert done.exit_code == 0, done.output
    for path in (_store(tmp_path), corpus_path(_store(tmp_path))):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


def test_an_added_folder_does_not_follow_links_out_of_it(home: Path) -> None:
    secret = home / "secret.txt"
    secret.write_text("Japan and India signed a secret memorandum in 2020.", encoding="utf-8")
    folder = home / "mine"
    (folder / "notes.txt").symlink_to(secret)
    (folder / "elsewhere").symlink_to(home / "base", target_is_directory=True)
    (folder / "inside.txt").symlink_to(folder / "kyoto.txt")
    done = _kizuna(home, "add", str(folder))
    assert done.exit_code == 0, done.output
    assert "notes.txt" in done.output and "leads out of" in done.output
    assert "notes.txt" not in _corpus(home) and "notes.txt" not in _documents(home)
    assert {"kyoto.txt", "osaka.txt", "tohoku.txt", "inside.txt"} <= set(_corpus(home))


def test_a_folder_given_where_a_file_is_expected_is_one_line(home: Path) -> None:
    folder = home / "mine"
    exported = _kizuna(home, "export", "-o", str(folder))
    assert exported.exit_code == 1
    assert "Traceback" not in exported.output
    assert exported.output.count("error:") == 1 and "it is a folder, not a file" in exported.output
    stats = _kizuna(home, "stats", "--store", str(folder))
    assert stats.exit_code == 1 and "it is a folder, not a file" in stats.output
