"""How long `kizuna` takes to answer when there is nothing to do: help, and bad arguments.

Each command runs in a fresh process (the installed `kizuna` of this interpreter's
environment), `--runs` times; the median wall time and the median CPU time of the child
(user + system) are printed, with the machine's load average: on a shared machine the wall
time also counts the time other processes hold the cores, the CPU time does not. The target
is under a second for each. No store is read or written: the bad paths do not exist and the
bad options are refused before any command runs.
Run: .venv/bin/python -m bench.cli_start [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.synthetic_graph import load_average

KIZUNA = str(Path(sys.executable).parent / "kizuna")

COMMANDS = [
    ["--help"],
    ["build", "--help"],
    ["build", "/no/such/path"],
    ["add", "/no/such/file.txt"],
    ["export", "--format", "bogus"],
    ["serve", "--port", "not-a-number"],
    ["neo4j", "load", "--no-such-option"],
]


def _once(args: list[str]) -> tuple[float, float, int]:
    """Wall seconds, child CPU seconds and exit status of one run."""
    before = os.times()
    started = time.perf_counter()
    done = subprocess.run([KIZUNA, *args], capture_output=True, check=False)
    wall = time.perf_counter() - started
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return wall, cpu, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each command (default 7)")
    runs = parser.parse_args().runs
    print(f"kizuna start times, median of {runs} runs ({load_average()})")
    print(f"{'command':<42} {'wall s':>7} {'cpu s':>7} {'exit':>5}")
    for args in COMMANDS:
        _once(args)  # untimed: the first run warms the file cache
        timed = [_once(args) for _ in range(runs)]
        wall = statistics.median(t[0] for t in timed)
        cpu = statistics.median(t[1] for t in timed)
        label = "kizuna " + " ".join(args)
        print(f"{label:<42} {wall:>7.2f} {cpu:>7.2f} {timed[-1][2]:>5}")


if __name__ == "__main__":
    main()
