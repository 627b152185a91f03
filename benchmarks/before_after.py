"""Before and after a change: the same ``tables --jobs 1`` runs, in the same session, side by side.

    python benchmarks/before_after.py BEFORE_DIR --sizes 1000 10000 --cpu 1 --repeat 2

``BEFORE_DIR`` is a copy of the project at the earlier commit (``git worktree add`` or
``git archive COMMIT | tar -x -C DIR``); both are run with this interpreter, the earlier
one with ``PYTHONPATH=BEFORE_DIR``. Each measurement is ``benchmarks/run.py tables`` of
its own tree in a fresh process pinned to ``--cpu`` with taskset, the two trees taking
turns (before, after, before, after ...) so that both meet the same machine load. For each
run: wall time, CPU time (user and system, ``getrusage`` of the child), MB of text per
second of each, the 1-minute load average before and after, and whether the output files
are byte for byte those of the first before-run. Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def measure(tree: Path, corpus: Path, out: Path, cpu: str) -> dict:
    """One ``tables --jobs 1`` run of the project at ``tree``, as ``run.py tables`` reports it."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    before, load = resource.getrusage(resource.RUSAGE_CHILDREN), os.getloadavg()[0]
    run = subprocess.run(["taskset", "-c", cpu, sys.executable, str(tree / "benchmarks" / "run.py"), "tables",
                          str(corpus), str(out), "1"], capture_output=True, text=True, check=True, env=env, cwd=tree)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = json.loads(run.stdout.strip().splitlines()[-1])
    result["child_cpu_seconds"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    result["load"] = (load, os.getloadavg()[0])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="a copy of the project at the earlier commit")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--cpu", default="1", help="the core(s) to pin each run to (taskset -c)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each tree at each size")
    parser.add_argument("--json", type=Path, default=None, help="also write every run's figures here")
    opts = parser.parse_args(argv)
    root = Path(os.environ.get("BENCH_DIR", "/tmp/analysis-bench"))
    root.mkdir(parents=True, exist_ok=True)
    from run import corpus_for  # a sibling script: its folder is on the path when this one runs

    trees = {"before": opts.before.resolve(), "after": HERE.parent}
    runs = []
    for n in opts.sizes:
        corpus = corpus_for(n, root)
        for turn in range(opts.repeat):
            for name, tree in trees.items():
                print(f"{n} articles: {name} ({turn + 1} of {opts.repeat})", file=sys.stderr, flush=True)
                result = measure(tree, corpus, root / f"ba_{n}_{name}_{turn}", opts.cpu)
                runs.append({"articles": n, "tree": name, **result})
    if opts.json:
        opts.json.write_text(json.dumps(runs, indent=1), encoding="utf-8")
    print(table(runs, opts.cpu))
    return 0


def table(runs: list[dict], cpu: str) -> str:
    reference = {}
    lines = ["| articles | MB | code | wall s | CPU s | MB/s (wall) | MB/s (CPU) | load before → after | identical output |",
             "|---:|---:|---|---:|---:|---:|---:|---|---|"]
    for r in runs:
        reference.setdefault(r["articles"], r["digest"])
        lines.append(f"| {r['articles']:,} | {r['mb']:.1f} | {r['tree']} | {r['seconds']:.1f} | {r['cpu_seconds']:.1f} | "
                     f"{r['mb'] / r['seconds']:.2f} | {r['mb'] / r['cpu_seconds']:.2f} | "
                     f"{r['load'][0]:.1f} → {r['load'][1]:.1f} | "
                     f"{'yes' if r['digest'] == reference[r['articles']] else 'NO'} |")
    return "\n".join(lines) + f"\n\nEach run pinned to core {cpu} (taskset); CPU s: user + system of the run's process.\n"


if __name__ == "__main__":
    raise SystemExit(main())
