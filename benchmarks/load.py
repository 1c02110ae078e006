"""A bounded load test of the read API: N concurrent clients for S seconds on loopback.

    python benchmarks/load.py --db /tmp/corpus.db --clients 50 --seconds 30 --json

Builds nothing itself: point it at a corpus (benchmarks/corpus.py --db PATH makes a 10,000-
article one). Starts the app with uvicorn on a free loopback port in a subprocess, then each
client loops over the read endpoints (articles, statements by speaker, timeline, speakers,
sourcing, search, events) until time is up. Reports requests/s, p50/p95/p99 latency and the
count of non-200 answers and transport errors (target: none).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

PATHS = ["/api/articles?limit=20", "/api/statements?speaker=Theodorou&limit=50",
         "/api/timeline?limit=100", "/api/entities?kind=PERSON", "/api/sourcing?by=outlet",
         "/api/search?q=transponder", "/api/events?actor=TUR&limit=50",
         "/api/statements?since=2025-03-01&until=2025-03-31&limit=50"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def client(base: str, until: float, latencies: list[float], failures: list[str],
                 offset: int) -> None:
    import httpx

    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        i = offset
        while time.perf_counter() < until:
            path = PATHS[i % len(PATHS)]
            i += 1
            start = time.perf_counter()
            try:
                response = await http.get(path)
                if response.status_code != 200:
                    failures.append(f"{path}: {response.status_code}")
            except httpx.HTTPError as err:
                failures.append(f"{path}: {type(err).__name__}")
            latencies.append((time.perf_counter() - start) * 1000)


async def run(base: str, clients: int, seconds: float) -> tuple[list[float], list[str], float]:
    latencies: list[float] = []
    failures: list[str] = []
    start = time.perf_counter()
    until = start + seconds
    await asyncio.gather(*(client(base, until, latencies, failures, n) for n in range(clients)))
    return latencies, failures, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.db.startswith("postgres") and not Path(args.db).exists():
        sys.exit(f"{args.db}: no such corpus (make one with benchmarks/corpus.py --db PATH)")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "--host", "127.0.0.1", "--port",
         str(port), "--log-level", "warning", "onrecord.server.app:app_from_environment"],
        env={**__import__("os").environ, "ONRECORD_DB": args.db})
    try:
        import httpx

        for _ in range(300):
            try:
                httpx.get(f"http://127.0.0.1:{port}/api/articles?limit=1", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        latencies, failures, elapsed = asyncio.run(
            run(f"http://127.0.0.1:{port}", args.clients, args.seconds))
    finally:
        server.terminate()
        server.wait(timeout=10)
    cuts = statistics.quantiles(latencies, n=100)
    result = {"clients": args.clients, "seconds": round(elapsed, 1), "requests": len(latencies),
              "requests_per_s": round(len(latencies) / elapsed, 1),
              "p50_ms": round(cuts[49], 1), "p95_ms": round(cuts[94], 1),
              "p99_ms": round(cuts[98], 1), "failures": len(failures),
              "first_failures": failures[:5]}
    print(json.dumps(result) if args.json else "\n".join(f"{k:>15}: {v}"
                                                           for k, v in result.items()))


if __name__ == "__main__":
    main()
