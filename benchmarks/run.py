"""Benchmark: the same analyses on 1,000 to 100,000 articles, and against the alternatives.

``make bench`` runs ``python benchmarks/run.py`` and rewrites ``benchmarks/RESULTS.md``.
For each size a synthetic corpus is generated (``benchmarks/synth.py``; cached under
``$BENCH_DIR``, default ``/tmp/analysis-bench``), then, each in a fresh process so that
peak memory is its own:

* ``tables --jobs 1``: the whole command, CSV and Parquet written, with the time spent
  loading and on each table recorded along the way;
* ``tables --jobs 2``: the same with two processes; the two outputs are compared byte for
  byte;
* ``tables --dask local:2``: the same on a Dask ``LocalCluster`` of two worker processes
  (started and stopped inside the measured time), shared passages by shuffles
  (``analysis/distributed.py``); its output is compared with ``--jobs 1``'s, and the peak
  memory of each worker process and of the client (which runs the scheduler) is sampled.

After the ``--jobs 1`` run, the same process times the floor of issue #15, one pass of
the word pattern over every text, so that each step's MB/s can be read against it.

CPU time is that of the whole process tree (``getrusage`` of the process and its reaped
children), beside wall time. ``--keep`` re-measures only ``--sizes`` and keeps the other
sizes' figures from ``RESULTS.json`` (the report says which).

Then the project's date and casualty extraction are compared with dateparser's
``search_dates`` and quantulum3 on the seeds' gold annotations (precision, recall) and on
the same texts for throughput (see ``benchmarks/compare.py``).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZES = [1_000, 10_000, 100_000]
TARGET_MB_S = 2.0
TARGET_SPEEDUP = 1.8  # --jobs 2 over --jobs 1 (issue #15)
# the steps of a tables run, in the order they happen (see analysis/tables.py)
STEPS = ["load", "articles", "paragraphs", "dates", "events", "casualties", "quotes", "labels", "write", "reuse",
         "candidates", "passages", "assemble"]


def corpus_for(n: int, root: Path) -> Path:
    from synth import make_corpus

    folder = root / f"corpus_{n}"
    if not (folder / "metadata.csv").exists():
        make_corpus(n, folder)
    return folder


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest child, in MB (Linux: KB units)."""
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def sample_tree_rss(stop: threading.Event, peak: list[float], every: float = 0.1) -> None:
    """Keep in ``peak[0]`` the largest total resident memory (MB) of this process and all its
    children, sampled every ``every`` seconds until ``stop`` is set."""
    import psutil

    me = psutil.Process()
    while not stop.wait(every):
        total = 0
        for proc in [me, *me.children(recursive=True)]:
            try:
                total += proc.memory_info().rss
            except psutil.NoSuchProcess:
                pass  # a worker that ended between listing and reading
        peak[0] = max(peak[0], total / 2**20)


def sample_rss(stop: threading.Event, pids: dict[str, int], peaks: dict[str, float], every: float = 0.1) -> None:
    """Keep in ``peaks`` the largest resident memory (MB) of each named process, sampled
    every ``every`` seconds until ``stop`` is set."""
    import psutil

    procs = {name: psutil.Process(pid) for name, pid in pids.items()}
    while not stop.wait(every):
        for name, proc in procs.items():
            try:
                peaks[name] = max(peaks.get(name, 0.0), proc.memory_info().rss / 2**20)
            except psutil.NoSuchProcess:
                pass  # a worker that ended (and was replaced) is not followed further


def cpu_seconds() -> float:
    """User and system CPU time of this process and its children that have ended."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def output_facts(corpus: Path, out: Path, paths: list[Path]) -> dict:
    """The digest of the files written, the size of the corpus and of the reuse table."""
    import pyarrow.parquet as pq

    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode())
        with path.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    reuse = pq.read_table(out / "reuse.parquet", columns=["article_a", "article_b"])
    return {"mb": sum(p.stat().st_size for p in corpus.glob("*.txt")) / 1e6, "articles": len(list(corpus.glob("*.txt"))),
            "digest": digest.hexdigest(), "passages": reuse.num_rows,
            "pairs": len(reuse.group_by(["article_a", "article_b"]).aggregate([]))}


def measure_tables(corpus: Path, out: Path, jobs: int) -> dict:
    from analysis.tables import Clock, write_tables

    clock = Clock()
    steps = clock.seconds
    stop, tree = threading.Event(), [0.0]
    sampler = threading.Thread(target=sample_tree_rss, args=(stop, tree), daemon=True)
    sampler.start()
    load_before = os.getloadavg()
    started = time.perf_counter()
    paths = write_tables(corpus, out, jobs=jobs, clock=clock)
    seconds = time.perf_counter() - started
    load_after = os.getloadavg()
    stop.set()
    sampler.join()
    main, child = peak_rss_mb()  # before the checks below, which are not part of the run
    return {"seconds": seconds, "cpu_seconds": cpu_seconds(), "steps": steps, "steps_cpu": clock.cpu, "peak_rss_mb": main,
            "peak_child_rss_mb": child, "peak_tree_rss_mb": tree[0], "load_before": load_before,
            "load_after": load_after, "cpus": sorted(os.sched_getaffinity(0)), **output_facts(corpus, out, paths),
            **({"floor": word_floor(corpus)} if jobs == 1 else {})}


def word_floor(corpus: Path, repeat: int = 3) -> dict:
    """The floor of issue #15: one pass of the word pattern (``text.WORD_RE.findall``) over every
    article's text, in the process and on the core of the run, after it; MB of text per CPU
    second, the best of ``repeat`` passes. A step's MB/s over this says how many such passes
    its time would pay for."""
    from analysis.text import WORD_RE

    texts = [path.read_text(encoding="utf-8") for path in sorted(corpus.glob("*.txt"))]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for text in texts:
            WORD_RE.findall(text)
        best = min(best, time.process_time() - started)
    return {"cpu_seconds": best, "mb_s": mb / best}


def measure_dask(corpus: Path, out: Path, workers: int) -> dict:
    """``tables --dask local:N``: the cluster started and stopped inside the measured time."""
    from analysis import distributed
    from analysis.tables import Clock

    clock = Clock()
    stop, tree, peaks = threading.Event(), [0.0], {}
    load_before = os.getloadavg()
    started = time.perf_counter()
    with distributed.connect(f"local:{workers}", dashboard=False) as client:
        up = time.perf_counter() - started
        pids = {f"worker {i}": pid for i, pid in enumerate(client.run(os.getpid).values())}
        samplers = [threading.Thread(target=sample_tree_rss, args=(stop, tree), daemon=True),
                    threading.Thread(target=sample_rss, args=(stop, {"client": os.getpid(), **pids}, peaks), daemon=True)]
        for sampler in samplers:
            sampler.start()
        paths = distributed.write_tables(corpus, out, client, clock=clock, progress=False)
        stop.set()
        for sampler in samplers:
            sampler.join()
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "cpu_seconds": cpu_seconds(), "start_seconds": up, "steps": clock.seconds,
            "load_before": load_before, "load_after": os.getloadavg(),
            "peak_tree_rss_mb": tree[0], "peak_client_rss_mb": peaks.get("client", 0.0),
            "peak_worker_rss_mb": max(v for k, v in peaks.items() if k.startswith("worker")),
            **output_facts(corpus, out, paths)}


def in_child(*args: str, cpus: str | None = None) -> dict:
    """Run one measurement in a fresh interpreter (pinned to ``cpus`` with taskset, if
    given); return its JSON result."""
    pin = ["taskset", "-c", cpus] if cpus else []
    run = subprocess.run([*pin, sys.executable, str(HERE / "run.py"), *args], capture_output=True, text=True, check=True)
    return json.loads(run.stdout.strip().splitlines()[-1])


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = next((int(line.split()[1]) // 1024 // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    return f"{os.cpu_count()} cores ({cpu}), {mem} GiB RAM, Linux {platform.release()}, Python {platform.python_version()}"


def run_all(sizes: list[int], root: Path, kept: dict | None = None, *, dask: bool = True,
            cpus: str | None = None) -> dict:
    """Measure every size; ``cpus``: the core(s) the ``--jobs 1`` runs are pinned to (taskset)."""
    results = {"machine": machine(), "sizes": dict(kept or {}), "kept": sorted(kept or {})}
    for n in sizes:
        corpus = corpus_for(n, root)
        runs = {}
        for jobs in (1, 2):
            print(f"{n} articles: tables --jobs {jobs}", file=sys.stderr, flush=True)
            runs[jobs] = in_child("tables", str(corpus), str(root / f"out_{n}_{jobs}"), str(jobs),
                                  cpus=cpus if jobs == 1 else None)
        results["sizes"][n] = {"tables": runs}
        if dask:
            print(f"{n} articles: tables --dask local:2", file=sys.stderr, flush=True)
            results["sizes"][n]["dask"] = in_child("dask", str(corpus), str(root / f"out_{n}_dask"), "2")
    results["sizes"] = dict(sorted(results["sizes"].items()))
    from compare import compare

    print("comparison with dateparser and quantulum3", file=sys.stderr, flush=True)
    results["compare"] = compare(corpus_for(sizes[0], root))
    return results


def why(name: str, sizes: dict) -> str:
    """Why a target is missed, with the figures of this run."""
    first, largest = min(sizes), max(sizes)
    one = {n: r["tables"][1] for n, r in sizes.items()}
    per_1000 = {n: {step: 1000 * secs / n for step, secs in one[n]["steps"].items()} for n in sizes}
    if name == "mb_s":
        slowest = sorted(per_1000[largest].items(), key=lambda kv: -kv[1])[:3]
        return ("- **Throughput.** Every extractor is a set of hand-written rules run in pure Python, sentence by "
                "sentence, each building Python tuples for its hits; the steps costing most per 1,000 articles at "
                f"{largest:,} are " + ", ".join(f"{step} ({secs:.1f} s)" for step, secs in slowest) + ". Rules "
                "are already skipped where a sentence lacks the words they need, per-sentence results are "
                "memoised, and lexicon alternations are guarded by their first letter; reaching 2 MB/s would take "
                "one compiled scanner per sentence feeding every extractor, or the hot loops in a compiled language. "
                "`--jobs` spreads the work over cores in the meantime.")
    if name == "flat":
        grew = sorted(((per_1000[largest][s] - per_1000[first].get(s, 0.0), s) for s in per_1000[largest]), reverse=True)
        pairs = {n: one[n].get("pairs", 0) / n for n in sizes}
        return ("- **Time per article.** The steps that grew most per 1,000 articles from "
                f"{first:,} to {largest:,} articles: " + ", ".join(
                    f"{s} ({per_1000[first].get(s, 0.0):.2f} to {per_1000[largest][s]:.2f} s)" for _, s in grew[:3]) +
                ". The shared-passage table compares nearly as many pairs per article at every size "
                f"({pairs[first]:.1f} at {first:,}, {pairs[largest]:.1f} at {largest:,}), but each part of 5,000 "
                "pairs reads the shingles and texts of its articles from all over the corpus (random reads from "
                "files of a size that grows with it), and candidate pairs come from one sort of all fingerprints. "
                "The smaller drift of the other steps is not profiled yet. Timings on a shared virtual machine "
                "also vary between runs of the same code (by up to a third on this one), so a single run cannot "
                "settle a ±25% band; the growth of the shared-passage step is larger than that.")
    if name == "memory":
        big = sizes[largest]["tables"]
        return ("- **Memory.** With one process the peak is "
                f"{big[1]['peak_rss_mb']:.0f} MB: tables are written part by part, so what grows with the corpus "
                "is the fingerprints (about a kilobyte per article) and the counting of candidate pairs. With two "
                f"processes the total reached {jobs2_peak(big[2]):.0f} MB: the main process (peak "
                f"{big[2]['peak_rss_mb']:.0f} MB, the fingerprints and candidate pairs) and each worker (peak "
                f"{big[2]['peak_child_rss_mb']:.0f} MB) hold their own copy of the libraries and of the bounded "
                "memo caches of sentences and layouts (up to 65,536 sentences each). Smaller caches would trade "
                "memory for speed; not tried yet.")
    if name == "jobs":
        speedups = {n: r["tables"][1]["seconds"] / r["tables"][2]["seconds"] for n, r in sizes.items()}
        largest = max(sizes)
        one, two = sizes[largest]["tables"][1], sizes[largest]["tables"][2]
        cores = {j: run["cpu_seconds"] / run["seconds"] for j, run in ((1, one), (2, two)) if "cpu_seconds" in run}
        share = (f" At {largest:,} articles one process used {cores[1]:.2f} of a core on average (CPU time over wall "
                 f"time) and two used {cores[2]:.2f} cores: this machine is shared with other work, and a speed-up "
                 "measured while the two processes do not get two cores to themselves is the machine's, not the "
                 "code's." if len(cores) == 2 else "")
        return ("- **Speed-up.** " + ", ".join(f"{x:.2f}x at {n:,}" for n, x in speedups.items()) + ". Starting "
                "two worker processes and importing the package in each costs about a second, and finding "
                "candidate pairs runs in the main process alone; on a small corpus these fixed and serial parts "
                "weigh most (Amdahl)." + share)
    raise KeyError(name)


def waited(sizes: dict) -> str:
    """Which runs waited for a core: a one-process run whose wall time exceeds its CPU time
    by more than a tenth shared its core with other work (the machine was loaded)."""
    slow = [f"{n:,} articles ({one['seconds']:.0f} s wall for {one['cpu_seconds']:.0f} CPU s)"
            for n, r in sizes.items() for one in [r["tables"][1]]
            if "cpu_seconds" in one and one["seconds"] > 1.1 * one["cpu_seconds"]]
    if not slow:
        return ("No `--jobs 1` run waited for its core: each one's wall time was within a tenth of its CPU time "
                "(work elsewhere on the machine can still slow a run through the caches and memory it shares).")
    return ("The machine was loaded during these `--jobs 1` runs, which waited for a core (wall time more than a "
            "tenth above CPU time): " + ", ".join(slow) + ". Read their CPU-time figures.")


def floor_section(sizes: dict, steps: list[str]) -> list[str]:
    """Each step's MB of text per CPU second of that step, against the floor (issue #15)."""
    measured = {n: r["tables"][1] for n, r in sizes.items() if "floor" in r["tables"][1]}
    if not measured:
        return []
    lines = ["MB of text per CPU second of each step (the whole corpus's text over the step's CPU time), and in "
             "brackets how many times slower than the floor: one pass of the word pattern (`text.WORD_RE.findall`) "
             "over the same texts, in the same process on the same core, after the run (best of three). The floor is "
             "what Python's `re` costs to read the text once; each step runs several patterns and its rules' Python. "
             "`whole run`: the CPU time of the whole run (as in the first table), against which 2 MB/s is the target.", "",
             "| articles | floor MB/s | whole run | " + " | ".join(steps) + " |",
             "|---:|---:|---:|" + "---:|" * len(steps)]
    for n, one in measured.items():
        floor, mb = one["floor"]["mb_s"], one["mb"]

        def rate(cpu: float) -> str:
            slower = floor * cpu / mb
            return f"{mb / cpu:.2f} ({slower:.{0 if slower >= 10 else 1}f}x)" if cpu > 0 else "n/a"

        lines.append(f"| {n:,} | {floor:.1f} | {rate(one['cpu_seconds'])} | "
                     + " | ".join(rate(one["steps_cpu"].get(s, 0.0)) for s in steps) + " |")
    kept = [n for n in sizes if n not in measured]
    if kept:
        lines += ["", "Not measured for " + ", ".join(f"{n:,}" for n in kept) + " articles (figures kept from a run "
                  "before the floor was measured)."]
    return lines + [""]


def _cpu(run: dict) -> str:
    return f"{run['cpu_seconds']:.1f}" if "cpu_seconds" in run else "n/a"


def _per_cpu(run: dict) -> str:
    return f"{run['mb'] / run['cpu_seconds']:.2f}" if "cpu_seconds" in run else "n/a"


def _load(run: dict) -> str:
    """The 1-minute load average before and after a run (older results did not record it)."""
    return f"{run['load_before'][0]:.1f} → {run['load_after'][0]:.1f}" if "load_before" in run else "n/a"


def _cores(run: dict) -> str:
    return ",".join(map(str, run["cpus"])) if "cpus" in run else "n/a"


def jobs2_peak(run: dict) -> float:
    """Peak memory of a two-process run: the largest sampled total of the main process and its workers."""
    return run["peak_tree_rss_mb"]


def dask_section(sizes: dict, kept: list[int]) -> list[str]:
    """The ``--dask local:2`` runs beside ``--jobs 1`` and ``--jobs 2``."""
    measured = {n: r for n, r in sizes.items() if "dask" in r}
    if not measured:
        return ["", "## On a Dask cluster: `tables --dask local:2`", "",
                "Not run in this report (`--no-dask`, or figures kept from an earlier run before the Dask run existed)."]
    lines = ["", "## On a Dask cluster: `tables --dask local:2`", "",
             "A `LocalCluster` of two worker processes (one thread each) on the same machine, started and stopped "
             "inside the measured time (`start` is the part spent starting it); `first pass`: the per-article "
             "tables (and the fingerprints and shingles), `shared passages`: the shuffles, the comparison and the "
             "writing of that table's parts, both wall time as the client saw it (`analysis/distributed.py`). CPU is the CPU time of the whole process tree; peak memory is "
             "sampled every 0.1 s: of each worker process (the larger shown), of the client (which also runs the "
             "scheduler and writes the tables) and of all processes together.", "",
             "| articles | jobs 1: s (CPU s) | jobs 2: s (CPU s) | dask: s (CPU s) | start s | first pass s | shared passages s | peak MB per worker | client peak MB | all peak MB | load | same output as jobs 1 |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    for n, r in measured.items():
        one, two, dask = r["tables"][1], r["tables"][2], r["dask"]

        def cpu(run):
            return f"{run['cpu_seconds']:.1f}" if "cpu_seconds" in run else "n/a"

        lines.append(
            f"| {n:,} | {one['seconds']:.1f} ({cpu(one)}) | {two['seconds']:.1f} ({cpu(two)}) | "
            f"{dask['seconds']:.1f} ({cpu(dask)}) | {dask['start_seconds']:.1f} | {dask['steps']['first pass']:.1f} | "
            f"{dask['steps']['shared passages']:.1f} | {dask['peak_worker_rss_mb']:.0f} | {dask['peak_client_rss_mb']:.0f} | "
            f"{dask['peak_tree_rss_mb']:.0f} | {_load(dask)} | {'yes' if dask['digest'] == one['digest'] else 'NO'} |")
    if measured:
        tables_steps = [s for s in STEPS if s not in ("load", "write", "reuse", "candidates", "assemble")]

        def per_table(run):
            return sum(run["steps"].get(step, 0.0) for step in tables_steps)

        lines += ["", "CPU time of the Dask run over that of `--jobs 1`: " + ", ".join(
            f"{r['dask']['cpu_seconds'] / r['tables'][1]['cpu_seconds']:.2f}x at {n:,}" for n, r in measured.items()
            if "cpu_seconds" in r["tables"][1]) + "; time the workers spent in the per-article table functions over "
            "that of `--jobs 1`: " + ", ".join(f"{per_table(r['dask']) / per_table(r['tables'][1]):.2f}x at {n:,}"
                                                for n, r in measured.items()) + ". What the one-process run does not "
            "do: its per-article work is split into tasks (load; tables; fingerprints and shingles) whose results "
            "travel between processes; the candidate pairs take three shuffles of frames keyed by article id instead "
            "of one sort in memory; the texts, with their pickled shingles, are joined to the pairs twice (two hash "
            "joins) and the passages shuffled once more into ranges; and the scheduler, the nannies and the workers' "
            "own bookkeeping take CPU. This breakdown is not profiled at the largest size; where the per-article "
            "functions themselves took longer than with `--jobs 1`, the workers were slowed (by the other work on "
            "this shared machine, or by the memory each held), not given more to do."]
    missing = [n for n in sizes if n not in measured]
    if missing:
        lines += ["", "Not run with `--dask` in this report: " + ", ".join(f"{n:,}" for n in missing) + " articles "
                  "(left out with `--no-dask`, or figures kept from an earlier run, before the Dask run existed)."]
    if kept:
        lines += ["", "Figures for " + ", ".join(f"{n:,}" for n in kept) + " articles come from an earlier run "
                  "(`--keep`); the others were measured in this one."]
    return lines


def report(results: dict, command: str) -> str:
    sizes = results["sizes"]
    first = min(sizes)
    total = sum(t["seconds"] for r in sizes.values() for t in [*r["tables"].values(), *([r["dask"]] if "dask" in r else [])])
    lines = ["# Benchmark results", "", f"Machine: {results['machine']}.", "",
             f"Reproduce with `{command}` (corpora are cached in `$BENCH_DIR`; `make bench` runs 1,000, 10,000 and 100,000 articles, in about {total / 60:.0f} minutes here).",
             "Synthetic corpora come from `benchmarks/synth.py` (texts derived from the seeds, see its docstring).", "",
             "## The whole `tables` command", "",
             "Peak memory is resident memory (RSS): with `--jobs 1`, the peak of the one process (`getrusage`); "
             "with `--jobs 2`, the largest total of the main process and its workers, sampled every 0.1 s "
             "(`psutil`; a spike shorter than that can be missed).", "",
             "Wall time is beside CPU time (user and system, of the process and its workers) because this "
             "machine is shared: a run that waits for a core takes longer than its CPU time. `load` is the "
             "1-minute load average before and after the run (on a machine of "
             f"{os.cpu_count()} cores), so a loaded run can be told from a quiet one; `cores` is what the "
             "`--jobs 1` run was pinned to.", "",
             "| articles | MB of text | jobs 1: s (CPU s) | MB/s (per CPU s) | articles/s | s per 1,000 articles | peak MB | load | cores | jobs 2: s (CPU s) | speed-up | peak MB | load | same output |",
             "|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---:|---|---|"]
    per_article = {}
    for n, r in sizes.items():
        one, two = r["tables"][1], r["tables"][2]
        mb = one["mb"]
        per_article[n] = one["seconds"] / n
        lines.append(
            f"| {n:,} | {mb:.1f} | {one['seconds']:.1f} ({_cpu(one)}) | {mb / one['seconds']:.2f} ({_per_cpu(one)}) | "
            f"{n / one['seconds']:.0f} | {1000 * per_article[n]:.2f} | {one['peak_rss_mb']:.0f} | {_load(one)} | "
            f"{_cores(one)} | {two['seconds']:.1f} ({_cpu(two)}) | {one['seconds'] / two['seconds']:.2f}x | "
            f"{jobs2_peak(two):.0f} | {_load(two)} | {'yes' if one['digest'] == two['digest'] else 'NO'} |")
    lines += ["", waited(sizes)]
    lines += dask_section(sizes, results.get("kept", []))
    lines += ["", "## Each step, one process", "",
              "Seconds spent loading and on each table during the `--jobs 1` run (per 1,000 articles in brackets): "
              "wall time, then CPU time where it was recorded. `reuse`: the shingles and fingerprints of the first "
              "pass; `passages`: comparing the candidate pairs (in `reuse` in results before it was its own step).", ""]
    found = {s for r in sizes.values() for s in r["tables"][1]["steps"]}
    steps = [s for s in STEPS if s in found] + sorted(found - set(STEPS))
    for kind, label in (("steps", "wall s"), ("steps_cpu", "CPU s")):
        measured = {n: r["tables"][1][kind] for n, r in sizes.items() if kind in r["tables"][1]}
        if not measured:
            continue
        lines += [f"{label}:", "", "| articles | " + " | ".join(steps) + " |", "|---:|" + "---:|" * len(steps)]
        for n, secs in measured.items():
            lines.append(f"| {n:,} | " + " | ".join(f"{secs.get(s, 0.0):.1f} ({1000 * secs.get(s, 0.0) / n:.1f})"
                                                    for s in steps) + " |")
        lines.append("")
    lines += floor_section(sizes, steps)
    largest = max(sizes)
    big = sizes[largest]
    mb_s = big["tables"][1]["mb"] / big["tables"][1]["seconds"]
    flat = per_article[largest] / per_article[first] - 1
    speedups = {n: r["tables"][1]["seconds"] / r["tables"][2]["seconds"] for n, r in sizes.items()}
    speedup = speedups[largest]
    same = all(r["tables"][1]["digest"] == r["tables"][2]["digest"] for r in sizes.values())
    rss, rss2 = big["tables"][1]["peak_rss_mb"], jobs2_peak(big["tables"][2])
    met = {"mb_s": mb_s >= TARGET_MB_S, "flat": abs(flat) <= 0.25, "memory": max(rss, rss2) < 2048,
           "jobs": speedup >= TARGET_SPEEDUP and same}
    yes = {name: "yes" if ok else "no" for name, ok in met.items()}
    below = [n for n, x in speedups.items() if x < TARGET_SPEEDUP]
    if met["jobs"] and below:
        yes["jobs"] = f"at {largest:,} articles; not at " + " or ".join(f"{n:,}" for n in below)
    lines += ["", "## Targets", "",
              "| target | measured | met |", "|---|---|---|",
              f"| whole `tables` run >= {TARGET_MB_S} MB/s on one core | {mb_s:.2f} MB/s at {largest:,} articles | {yes['mb_s']} |",
              f"| time per article flat within ±25% from {first:,} to {largest:,} | {flat:+.0%} | {yes['flat']} |",
              f"| peak memory under 2 GB at {largest:,} articles | {rss:.0f} MB in one process; at most {rss2:.0f} MB with `--jobs 2` | {yes['memory']} |",
              f"| `--jobs 2` speed-up >= {TARGET_SPEEDUP}x, identical output | " + ", ".join(f"{x:.2f}x at {n:,}" for n, x in speedups.items())
              + f"; identical: {same} | {yes['jobs']} |",
              ""]
    if not all(met.values()) or below:
        lines += ["### Why the missed targets are missed", ""]
        lines += [why(name, sizes) for name, ok in met.items() if not ok or (name == "jobs" and below)]
        lines.append("")
    lines += results["compare"]["markdown"]
    return "\n".join(lines) + "\n"


def read_results(path: Path) -> dict:
    """RESULTS.json with its sizes and job counts as numbers again."""
    results = json.loads(path.read_text(encoding="utf-8"))
    results["sizes"] = {int(n): {**v, "tables": {int(j): r for j, r in v["tables"].items()}}
                        for n, v in results["sizes"].items()}
    results["kept"] = [int(n) for n in results.get("kept", [])]
    return results


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if args and args[0] in ("tables", "dask"):
        measure = measure_tables if args[0] == "tables" else measure_dask
        print(json.dumps(measure(Path(args[1]), Path(args[2]), int(args[3]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES)
    parser.add_argument("--keep", action="store_true",
                        help="keep the figures of the sizes not re-measured from RESULTS.json")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--from-json", type=Path, help="only render RESULTS.md again from a RESULTS.json")
    parser.add_argument("--no-dask", action="store_true", help="leave out the --dask local:2 runs")
    parser.add_argument("--cpu", default=None, metavar="LIST",
                        help="pin the --jobs 1 runs to these cores with taskset (e.g. 1), for CPU-bound figures")
    opts = parser.parse_args(args)
    if opts.from_json:
        results = read_results(opts.from_json)
        opts.out.write_text(report(results, results.get("command", "make bench")), encoding="utf-8")
        return 0
    root = Path(os.environ.get("BENCH_DIR", "/tmp/analysis-bench"))
    root.mkdir(parents=True, exist_ok=True)
    kept = None
    if opts.keep and opts.out.with_suffix(".json").exists():
        kept = {n: r for n, r in read_results(opts.out.with_suffix(".json"))["sizes"].items() if n not in opts.sizes}
    results = run_all(opts.sizes, root, kept, dask=not opts.no_dask, cpus=opts.cpu)
    command = "make bench" if opts.sizes == SIZES else f"python benchmarks/run.py --sizes {' '.join(map(str, opts.sizes))}"
    results["command"] = command
    opts.out.write_text(report(results, command), encoding="utf-8")
    (opts.out.with_suffix(".json")).write_text(json.dumps(results, indent=1, sort_keys=True), encoding="utf-8")
    print(opts.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
