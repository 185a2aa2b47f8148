"""Many users at once: N concurrent gradio_client users each ask M questions of a running page.

Prints throughput, p50/p95 latency and the error count. Localhost only, and bounded: at most
64 users and 100 questions each.

    python app.py &                                   # the page, on 127.0.0.1:7860
    python bench/load.py --users 1 8 32 --questions 20 [--url http://127.0.0.1:7860/]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from urllib.parse import urlparse

QUESTIONS = [
    "What did ACE do in 2018?", "When did ACE hand over the 70,000 signatures?",
    "Which networks is ACE a board member of?", "What is the most recent activity on record?",
    "Who went to the CLCCG meeting?", "What happened in November 2019?", "Is ACE a member of JNATIP?",
    "What did ACE present at the C20 summit?", "When was the Stop Child Labour Network established?",
    "What happened before 2017?",
]


def run(url: str, users: int, questions: int) -> dict:
    from gradio_client import Client

    # Connect before the clock starts. gradio_client opens two new httpx connections a question,
    # and with ssl_verify on each loads the system's CA bundle even for plain http: 40 ms of CPU
    # a question, 3x what the server spends, on the cores the server needs. The page is plain
    # HTTP on this machine, so there is nothing to verify.
    clients = [Client(url, verbose=False, ssl_verify=False) for _ in range(users)]
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(users + 1)

    def user(n: int) -> None:
        start.wait()
        for i in range(questions):
            q = QUESTIONS[(n + i) % len(QUESTIONS)]
            t0 = time.perf_counter()
            try:
                reply, _ = clients[n].predict(q, 5, "any", "any", "best first", api_name="/chat")
                ok = "score" in reply
            except Exception as e:  # noqa: BLE001 - every failure is counted
                ok, reply = False, repr(e)
            dt = time.perf_counter() - t0
            with lock:
                latencies.append(dt)
                if not ok:
                    errors.append(reply[:200])

    threads = [threading.Thread(target=user, args=(n,)) for n in range(users)]
    for t in threads:
        t.start()
    start.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    ms = sorted(x * 1000 for x in latencies)
    return {"users": users, "questions": len(ms), "per_s": len(ms) / wall, "p50_ms": statistics.median(ms),
            "p95_ms": ms[int(round(0.95 * (len(ms) - 1)))], "errors": len(errors), "first_error": errors[:1]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", default="http://127.0.0.1:7860/")
    ap.add_argument("--users", type=int, nargs="+", default=[1, 8, 32])
    ap.add_argument("--questions", type=int, default=20, help="questions per user")
    args = ap.parse_args()
    if urlparse(args.url).hostname not in ("127.0.0.1", "localhost", "::1"):
        print("load.py: only a page on this machine may be loaded (127.0.0.1 or localhost)", file=sys.stderr)
        return 2
    if max(args.users) > 64 or args.questions > 100 or min(args.users) < 1:
        print("load.py: 1 to 64 users and at most 100 questions each", file=sys.stderr)
        return 2
    print(f"{'users':>5} {'questions':>9} {'per s':>7} {'p50 ms':>7} {'p95 ms':>7} {'errors':>6}")
    for n in args.users:
        r = run(args.url, n, args.questions)
        print(f"{r['users']:>5} {r['questions']:>9} {r['per_s']:>7.1f} {r['p50_ms']:>7.0f} {r['p95_ms']:>7.0f}"
              f" {r['errors']:>6}" + (f"  first error: {r['first_error'][0]}" if r["first_error"] else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
