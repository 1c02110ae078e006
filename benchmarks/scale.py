"""Scaling of the analysis over worker processes: articles/s and peak memory per worker.

    python benchmarks/scale.py                                  # local engine, 1 and 2 workers
    python benchmarks/scale.py --engine ray --workers 1 2 --json
    python benchmarks/scale.py --articles 200                   # a quick look
    python benchmarks/scale.py --ray-latency                    # Ray's own per-task cost

The articles (``--articles``, default 1,000, all of distinct text, so of distinct ids): the
articles of examples/, the texts of ../shared/eval (attribution, timex, events, coverage dev
sets) when present, then stories recombined from the paragraphs of examples/ (as
benchmarks/corpus.py makes them) until the count is reached. Every configuration (engine,
workers) runs in a fresh Python process over the same articles, so each pays for loading the
pipeline in its workers as a real run does, and none inherits another's memory.

Per configuration:

* ``wall_s``: from the first article sent to the last result, pool start and model loads
  included; ``articles_per_s`` = articles / wall_s.
* ``steady_articles_per_s``: results after the first one over the time after the first one
  (the loads excluded).
* ``cpu_s_per_article``: CPU seconds (user + system) of the worker processes over articles: the
  per-article cost a capacity model needs, whatever else runs on the machine.
* ``worker_busy``: the workers' CPU time over workers x wall_s (1.0: never idle);
  ``driver_cpu_s``: the CPU time of the process that sends the articles and takes the results.
* ``peak_rss_mb_per_worker``: each worker process's peak resident memory (``VmHWM`` of
  /proc/PID/status, read every 0.2 s while it lives; with one local worker the worker is the
  measuring process itself, and its figure includes the 1,000 articles and results it holds).
  A Ray worker is a process whose title names onrecord's actor (``ray::MapWorker(MapBatches(
  _Analyser))``); Ray's own processes (GCS, raylet, dashboard, Ray Data's coordinators) are
  summed apart as ``ray_system_rss_mb`` and ``ray_system_cpu_s``.
* ``others_cpu_cores``: the CPU the rest of the machine used meanwhile (all busy time in
  /proc/stat minus this run's processes), in cores: the load of whatever else ran.

Scaling efficiency at N workers = throughput at N / (N x throughput at 1) (target >= 0.8 at 2
workers on a 2-core machine); Ray's overhead = 1 - Ray's throughput / the local engine's at
equal workers (target <= 15%). ``--engine ray`` measures the local engine too (the baseline);
when onrecord.engine.ray_engine cannot be imported it says so and measures the local engine only.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(Path(__file__).resolve().parent))
HZ = os.sysconf("SC_CLK_TCK")


def collect_articles(count: int, seed: int = 11) -> list[Any]:
    """``count`` articles of distinct text: examples, eval texts, then recombined stories."""
    from corpus import OUTLETS, PLACES, example_paragraphs

    from onrecord.ingest import load_sources
    from onrecord.models import Article

    articles: list[Article] = [a for a in load_sources([ROOT / "examples"])
                               if isinstance(a, Article)]
    for name in ("attribution", "timex", "events", "coverage"):
        path = SHARED / "eval" / name / "dev.jsonl"
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                doc = json.loads(line)
                if doc.get("text"):
                    articles.append(Article.create(
                        doc["text"], published=doc.get("published") or doc.get("dct"),
                        origin=doc.get("id")))
    rng = random.Random(seed)
    paragraphs = example_paragraphs()
    i = 0
    while len(articles) < count * 2:  # enough to drop repeats and still have count
        body = rng.sample(paragraphs, rng.randint(3, 7))
        articles.append(Article.create(f"{rng.choice(PLACES)} — " + "\n\n".join(body),
                                       published=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                                       source=rng.choice(OUTLETS), origin=f"recombined-{i}"))
        i += 1
    seen: set[str] = set()
    unique = []
    for a in articles:
        if a.id not in seen:
            seen.add(a.id)
            unique.append(a)
    # eval sets are many short texts: interleave so every slice has the same mix
    rng.shuffle(unique)
    return unique[:count]


# -- /proc readings ------------------------------------------------------------------------------

def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def descendants(pid: int) -> list[int]:
    tree, out, todo = _children(), [], [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def proc_sample(pid: int) -> tuple[str, float, float] | None:
    """(name, peak RSS MB, CPU seconds) of a process, or None when it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(
            errors="replace").strip()
    except OSError:
        return None
    hwm = next((int(line.split()[1]) for line in status.splitlines()
                if line.startswith("VmHWM:")), 0)
    return cmd, hwm / 1024, (int(stat[11]) + int(stat[12])) / HZ


def machine_busy_s() -> float:
    """Busy CPU seconds of the whole machine since boot (all but idle and iowait)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(fields[:8]) - fields[3] - fields[4]) / HZ


class Sampler:
    """Reads every descendant's peak RSS and CPU time every ``every`` seconds."""

    def __init__(self, every: float = 0.2) -> None:
        self.every, self.seen = every, {}  # type: dict[int, tuple[str, float, float]]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.every)

    def sample(self) -> None:
        for pid in descendants(os.getpid()):
            got = proc_sample(pid)
            if got is None:
                continue
            old = self.seen.get(pid, ("", 0.0, 0.0))  # an exited (zombie) process reads empty
            self.seen[pid] = (got[0] or old[0], max(got[1], old[1]), max(got[2], old[2]))

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


# -- one configuration, in its own process ---------------------------------------------------------

def ray_analyze() -> Any:
    """onrecord's Ray engine's entry point, or None when it cannot be imported."""
    try:
        from onrecord.engine.ray_engine import analyze_with_ray
    except ImportError as err:
        print(f"scale.py: the Ray engine is not available ({err}); measuring the local engine"
              " only", file=sys.stderr)
        return None
    return analyze_with_ray


def run_one(engine: str, workers: int, count: int, address: str | None) -> dict[str, Any]:
    articles = collect_articles(count)
    if engine == "ray":
        analyze_with_ray = ray_analyze()
        if analyze_with_ray is None:
            raise SystemExit(3)
        stream = analyze_with_ray(iter(articles), workers, address)
    else:
        from onrecord.engine.local import analyze_in_workers

        stream = analyze_in_workers(iter(articles), workers)
    load0, busy0, own0 = os.getloadavg()[0], machine_busy_s(), os.times()
    results = discarded = 0
    first = None
    with Sampler() as sampler:
        start = time.perf_counter()
        for result in stream:
            if first is None:
                first = time.perf_counter()
            results += 1
            discarded += not hasattr(result, "article")
        end = time.perf_counter()
        sampler.sample()
        if engine == "ray":  # the engine's own processes, before they are shut down
            close = getattr(stream, "close", None)
            if close:
                close()
    wall = end - start
    own = os.times()
    own_cpu = (own.user - own0.user) + (own.system - own0.system)
    procs = list(sampler.seen.values())
    if engine == "ray":
        workers_seen = [p for p in procs if "_Analyser" in p[0]]  # ray::MapWorker(...)
        system = [p for p in procs if "_Analyser" not in p[0]]
    else:
        workers_seen = [p for p in procs if "python" in p[0] or "multiprocessing" in p[0]]
        system = []
    worker_cpu = sum(p[2] for p in workers_seen)
    if engine == "local" and workers <= 1:  # this process is the worker
        import resource

        workers_seen = [("self", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                         own_cpu)]
        worker_cpu = own_cpu
    busy = machine_busy_s() - busy0
    ours = worker_cpu + sum(p[2] for p in system) + (0 if workers <= 1 and engine == "local"
                                                     else own_cpu)
    worker_rss = sorted((round(p[1], 1) for p in workers_seen if p[1] > 50), reverse=True)
    return {
        "engine": engine, "workers": workers, "articles": results, "discarded": discarded,
        "characters": sum(len(a.text) for a in articles),
        "wall_s": round(wall, 2),
        "first_result_s": round((first or end) - start, 2),
        "articles_per_s": round(results / wall, 2),
        "steady_articles_per_s": round((results - 1) / (end - first), 2) if first and
        end > first else None,
        "cpu_s_per_article": round(worker_cpu / max(results, 1), 4),
        "worker_busy": round(worker_cpu / wall / max(workers, 1), 3),
        "driver_cpu_s": round(own_cpu, 2),
        "peak_rss_mb_per_worker": worker_rss,
        "ray_system_rss_mb": round(sum(p[1] for p in system), 1) if engine == "ray" else None,
        "ray_system_cpu_s": round(sum(p[2] for p in system), 2) if engine == "ray" else None,
        "others_cpu_cores": round(max(0.0, busy - ours) / wall, 2),
        "load_avg_1min": [round(load0, 2), round(os.getloadavg()[0], 2)],
    }


def ray_latency(calls: int = 300) -> dict[str, Any]:
    """Ray's own cost, with nothing of onrecord in it: starting a local Ray, then the round trip
    of a trivial task and of a trivial actor method (sequential, median), and the throughput of
    many trivial tasks in flight at once."""
    import statistics

    import ray

    start = time.perf_counter()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    init_s = time.perf_counter() - start

    @ray.remote
    def nothing(x: int) -> int:
        return x

    @ray.remote
    class Echo:
        def call(self, x: int) -> int:
            return x

    def median_ms(call: Any) -> float:
        for _ in range(20):  # warm: worker processes started, functions exported
            call()
        times = []
        for _ in range(calls):
            t = time.perf_counter()
            call()
            times.append(time.perf_counter() - t)
        return round(statistics.median(times) * 1000, 3)

    echo = Echo.remote()
    task_ms = median_ms(lambda: ray.get(nothing.remote(1)))
    actor_ms = median_ms(lambda: ray.get(echo.call.remote(1)))
    t = time.perf_counter()
    ray.get([nothing.remote(i) for i in range(calls * 10)])
    tasks_per_s = calls * 10 / (time.perf_counter() - t)
    t = time.perf_counter()
    ray.get([echo.call.remote(i) for i in range(calls * 10)])
    actor_calls_per_s = calls * 10 / (time.perf_counter() - t)
    ray.shutdown()
    return {"ray": ray.__version__, "init_s": round(init_s, 2), "task_round_trip_ms": task_ms,
            "actor_call_round_trip_ms": actor_ms, "tasks_in_flight_per_s": round(tasks_per_s),
            "actor_calls_in_flight_per_s": round(actor_calls_per_s)}


def spawn(engine: str, workers: int, count: int, address: str | None) -> dict[str, Any] | None:
    cmd = [sys.executable, __file__, "--one", engine, str(workers), "--articles", str(count)]
    if address:
        cmd += ["--address", address]
    done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=False)
    if done.returncode == 3:
        return None
    if done.returncode != 0:
        raise SystemExit(f"scale.py: {engine} with {workers} workers failed"
                         f" (exit {done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


def summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    by = {(r["engine"], r["workers"]): r for r in runs}
    efficiency, overhead = {}, {}
    for (engine, n), r in by.items():
        one = by.get((engine, 1))
        if one and n > 1:
            efficiency[f"{engine}@{n}"] = {
                "wall": round(r["articles_per_s"] / (n * one["articles_per_s"]), 3),
                "steady": round(r["steady_articles_per_s"] / (n * one["steady_articles_per_s"]),
                                3) if r["steady_articles_per_s"] and one["steady_articles_per_s"]
                else None}
        local = by.get(("local", n))
        if engine == "ray" and local:
            overhead[f"ray@{n}"] = {
                "wall": round(1 - r["articles_per_s"] / local["articles_per_s"], 3),
                "steady": round(1 - r["steady_articles_per_s"] / local["steady_articles_per_s"],
                                3) if r["steady_articles_per_s"] and local["steady_articles_per_s"]
                else None}
    return {"runs": runs, "scaling_efficiency": efficiency, "ray_overhead": overhead,
            "cores": os.cpu_count()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=("local", "ray"), default="local")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--address", help="a Ray cluster's address (default: a local one)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--ray-latency", action="store_true",
                        help="measure only Ray's own per-task and per-call latency")
    parser.add_argument("--one", nargs=2, metavar=("ENGINE", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.ray_latency:
        print(json.dumps(ray_latency()))
        return 0
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]), args.articles, args.address)))
        return 0
    engines = ["local"]
    if args.engine == "ray":
        if ray_analyze() is not None:
            engines.append("ray")
    runs = []
    for engine in engines:
        for n in args.workers:
            r = spawn(engine, n, args.articles, args.address)
            if r is None:
                continue
            runs.append(r)
            if not args.json:
                print(f"  done: {engine} x{n}: {r['articles_per_s']} articles/s", file=sys.stderr)
    result = summarise(runs)
    if args.json:
        print(json.dumps(result))
        return 0
    first = runs[0]
    print(f"{first['articles']} articles, {first['characters']:,} characters,"
          f" {result['cores']} cores")
    print(f"{'engine':<7}{'workers':>8}{'wall s':>9}{'art/s':>9}{'steady':>9}{'cpu s/art':>11}"
          f"{'first s':>9}{'others':>8}  peak RSS MB per worker")
    for r in runs:
        extra = f" (+ Ray system {r['ray_system_rss_mb']})" if r["ray_system_rss_mb"] else ""
        print(f"{r['engine']:<7}{r['workers']:>8}{r['wall_s']:>9}{r['articles_per_s']:>9}"
              f"{r['steady_articles_per_s'] or '-':>9}{r['cpu_s_per_article']:>11}"
              f"{r['first_result_s']:>9}{r['others_cpu_cores']:>8}"
              f"  {r['peak_rss_mb_per_worker']}{extra}")
    for key, value in result["scaling_efficiency"].items():
        print(f"scaling efficiency {key}: {value['wall']} (steady {value['steady']}),"
              " target >= 0.8")
    for key, value in result["ray_overhead"].items():
        print(f"Ray overhead {key}: {value['wall']:.1%} (steady {value['steady']}),"
              " target <= 15%")
    print("others = CPU cores used by other processes on the machine meanwhile")
    return 0


if __name__ == "__main__":
    sys.exit(main())
