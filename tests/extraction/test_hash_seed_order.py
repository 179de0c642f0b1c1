"""Extraction does not depend on the process's string hash: a sentence whose signers are
people (their names are a set) gives the same extraction under any PYTHONHASHSEED."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Two officials sign for three parties, one of them of no stated country: the signers are
# read through their titles, and the instrument's generated name lists its parties in the
# order they are read.
_TEXT = (
    "Trade ministers sign a memorandum.\n\n"
    "On 12 March 2021, Mr. Kenta Arai, Minister of Economy, Trade and Industry, and H.E. "
    "Ms. Ingrid Holm, Ambassador of Sweden to Japan, signed a Memorandum of Cooperation on "
    "hydrogen between the Ministry of Economy, Trade and Industry (METI), the Ministry "
    "of Enterprise and Innovation, Sweden, and the National Institute of Advanced "
    "Industrial Science and Technology (AIST).\n"
)

_EXTRACT = """
import sys
from loaders.extract import extract_document
print(extract_document(sys.stdin.read()).model_dump_json(exclude={"version"}))
"""


def _extracted_under(seeds: tuple[str, ...]) -> set[str]:
    """The extraction of the text in one fresh process per hash seed, run side by side."""
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", _EXTRACT],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        for seed in seeds
    ]
    outputs = {run.communicate(_TEXT)[0] for run in runs}
    assert all(run.returncode == 0 for run in runs)
    return outputs


def test_signers_read_through_people_come_out_in_one_order_under_any_hash_seed() -> None:
    # Seeds 1 and 3 ordered this sentence's parties differently when claims sorted by repr.
    outputs = _extracted_under(("1", "3"))
    assert len(outputs) == 1
    assert '"type":"SIGNED"' in next(iter(outputs))
