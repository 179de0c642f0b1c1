"""A construction is added in data alone: one more verb in lexicon.yaml is read as a
trigger by every rule of its table, with no code changed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

from loaders.rules.lexicon import LEXICON_FILE

SENTENCE = "In 2024, Japan bolstered Kenya with new satellites."
READ = """
import json, sys
from pathlib import Path
import loaders.rules.lexicon as lexicon_module
lexicon_module.LEXICON_FILE = Path(sys.argv[1])
from loaders.extract import extract_document
result = extract_document(sys.argv[2])
print(json.dumps(sorted([r.source, r.type, r.target, r.rule] for r in result.relations)))
"""


def _relations(lexicon_file: Path) -> list[list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", READ, str(lexicon_file), SENTENCE],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    found: list[list[str]] = json.loads(done.stdout)
    return found


def test_a_verb_added_to_the_lexicon_only_is_read_as_a_trigger(tmp_path: Path) -> None:
    data = yaml.safe_load(LEXICON_FILE.read_text(encoding="utf-8"))
    assert "bolster" not in data["relations"]["SUPPORTS"]["verbs"]
    before = _relations(LEXICON_FILE)
    assert ["country:JPN", "SUPPORTS", "country:KEN", "active"] not in before
    data["relations"]["SUPPORTS"]["verbs"].append("bolster")
    extended = tmp_path / "lexicon.yaml"
    extended.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert ["country:JPN", "SUPPORTS", "country:KEN", "active"] in _relations(extended)
