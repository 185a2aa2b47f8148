"""What hostile documents and clients cost the product: each hostile file built alone, and the page
under a flood of requests.

    python bench/hostile.py                 # every hostile file at full size: build time, peak memory, outcome
    python bench/hostile.py --scale 0.1     # the same files at a tenth of the size
    python bench/hostile.py --page          # a page rebuilding all of them while questions are asked
    python bench/hostile.py --flood         # 1,500 concurrent POSTs to /gradio_api/run/chat, 20 bodies of 10 MB
    python bench/hostile.py --slow 21000    # slow and silent connections held while questions are asked
    python bench/hostile.py --sessions 3000 # browser sessions' memory, and after they expire

Each file is built by `qa build` in a process of its own (a fresh index, the real model); its
peak memory is the largest of that process and of the worker that parses HTML and PDF. The
files are made here, at the sizes the hostile-input issue gives; `tests/test_hostile.py`
makes the same files small to check that their cost grows linearly.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def deep_html(scale: float) -> bytes:
    """HTML nested 100,000 levels deep (1.1 MB)."""
    depth = int(100_000 * scale)
    return b"<html><body>" + b"<div>" * depth + b"Deep text of 2019." + b"</div>" * depth + b"</body></html>"


def unclosed_html(scale: float) -> bytes:
    """20,000 unclosed <p> of old-style HTML."""
    return b"<html><body>" + b"".join(b"<p>Paragraph %d about cocoa in 2019" % n for n in range(int(20_000 * scale)))


def words(scale: float) -> bytes:
    """15 MB of unpunctuated words, all different passages."""
    rng = random.Random(7)
    vocab = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in range(5000)]
    out, size, target = [], 0, int(15e6 * scale)
    while size < target:
        w = rng.choice(vocab)
        out.append(w)
        size += len(w) + 1
    return " ".join(out).encode()


def japanese(scale: float) -> bytes:
    """6 MB of Japanese with no space and no sentence end: one 2-million-character word."""
    rng = random.Random(9)
    kana = "あいうえおかきくけこさしすせそたちつてとなにぬねの児童労働撤廃署名提出政府企業市民"
    return "".join(rng.choice(kana) for _ in range(int(2_000_000 * scale))).encode()


def abbreviations(scale: float) -> bytes:
    """'A. ' a million times (3 MB): a million sentence ends that are not."""
    return b"A. " * int(1_000_000 * scale)


def date_lines(scale: float) -> bytes:
    """8 MB of dates, one a line."""
    rng = random.Random(8)
    out, size, target = [], 0, int(8e6 * scale)
    while size < target:
        line = f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(1990, 2029)}"
        out.append(line)
        size += len(line) + 1
    return "\n".join(out).encode()


def date_paragraph(scale: float) -> bytes:
    """8 MB of dates in one paragraph."""
    return date_lines(scale).replace(b"\n", b" ")


def page_tree_pdf(scale: float) -> bytes:
    """A PDF whose page tree points 100,000 times at one page (600 KB)."""
    count = int(100_000 * scale)
    content = b"BT /F1 12 Tf 72 720 Td (In May 2019 the one real page was written.) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count %d /Kids [" % count + b"3 0 R " * count + b"] >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


HOSTILE = {  # file name -> maker(scale)
    "deep.html": deep_html,
    "unclosed.html": unclosed_html,
    "words.txt": words,
    "abbreviations.txt": abbreviations,
    "japanese.txt": japanese,
    "date-lines.txt": date_lines,
    "date-paragraph.txt": date_paragraph,
    "page-tree.pdf": page_tree_pdf,
}

_MEASURE = """
import json, resource, sys, time
from qa.cli import main
t0 = time.perf_counter()
code = main(sys.argv[1:])
seconds = time.perf_counter() - t0
own = int(next(l.split()[1] for l in open("/proc/self/status") if l.startswith("VmHWM")))
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"code": code, "seconds": seconds, "peak_mb": max(own, children) / 1024}), file=sys.stderr)
"""


def build_one(name: str, data: bytes, work: Path) -> dict:
    """`qa build --json` of a corpus holding just this file, in a process of its own."""
    corpus = work / "corpus"
    shutil.rmtree(work, ignore_errors=True)
    corpus.mkdir(parents=True)
    (corpus / name).write_bytes(data)
    (corpus / "note.txt").write_text("Notes\n\nJune 15, 2021   Submitted 70 thousand signatures.\n")
    proc = subprocess.run([sys.executable, "-c", _MEASURE, "build", "--corpus", str(corpus), "--index",
                           str(work / "index"), "--json"], capture_output=True, text=True, cwd=work,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    measured = json.loads(proc.stderr.strip().splitlines()[-1])
    report = json.loads(proc.stdout) if proc.stdout.strip() else {}
    skipped = dict((s["path"], s["reason"]) for s in report.get("skipped", []))
    outcome = f"skipped: {skipped[name]}" if name in skipped else f"indexed (the index: {report.get('chunks', '?')} passages)"
    return {**measured, "outcome": outcome}


def files_table(scale: float) -> None:
    work = Path(tempfile.mkdtemp(prefix="qa-hostile-"))
    try:
        print("| file | size | outcome | build s | peak MB |\n| --- | --- | --- | --- | --- |")
        for name, make in HOSTILE.items():
            data = make(scale)
            r = build_one(name, data, work / "w")
            print(f"| {name} | {len(data) / 1e6:.1f} MB | {r['outcome']} | {r['seconds']:.1f} | {r['peak_mb']:.0f} |",
                  flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _start_page(work: Path) -> tuple[subprocess.Popen, str]:
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import free_port

    port = free_port()
    env = {**os.environ, "GRADIO_SERVER_PORT": str(port), "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, str(ROOT / "app.py")], cwd=work, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    import urllib.request

    for _ in range(240):
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return proc, url
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit("the page did not start")


def _rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        return int(next(line.split()[1] for line in f if line.startswith("VmRSS"))) / 1024


def page_during_rebuild(scale: float) -> None:
    """Questions answered while the page rebuilds a corpus of every hostile file."""
    from gradio_client import Client

    work = Path(tempfile.mkdtemp(prefix="qa-hostile-page-"))
    (work / "corpus").mkdir()
    (work / "corpus" / "ace.txt").write_bytes((ROOT / "corpus" / "ace-advocacy-record.txt").read_bytes())
    proc, url = _start_page(work)
    try:
        for name, make in HOSTILE.items():
            (work / "corpus" / name).write_bytes(make(scale))
        client = Client(url, verbose=False, ssl_verify=False)
        done: list[str] = []
        rebuild = threading.Thread(target=lambda: done.append(client.predict(api_name="/rebuild")[1]))
        t0 = time.perf_counter()
        rebuild.start()
        asker = Client(url, verbose=False, ssl_verify=False)
        waits, errors = [], 0
        while rebuild.is_alive():
            q0 = time.perf_counter()
            try:
                reply, _ = asker.predict("When were the signatures submitted?", 3, "any", "any", "best first",
                                         api_name="/chat")
                errors += "2021" not in reply
            except Exception:
                errors += 1
            waits.append(time.perf_counter() - q0)
        rebuild.join()
        print(f"rebuild of {len(HOSTILE)} hostile files (scale {scale:g}) took {time.perf_counter() - t0:.1f} s;"
              f" {len(waits)} questions answered meanwhile, slowest {max(waits or [0]):.2f} s, {errors} wrong or failed")
        print("status after it:", done[0].replace("  \n", " | ")[:600] if done else "?")
    finally:
        proc.terminate()
        proc.wait()
        shutil.rmtree(work, ignore_errors=True)


def flood() -> None:
    """1,500 concurrent POSTs to /gradio_api/run/chat, then twenty 10 MB bodies: the page's answers and memory."""
    import http.client
    from concurrent.futures import ThreadPoolExecutor

    work = Path(tempfile.mkdtemp(prefix="qa-hostile-flood-"))
    (work / "corpus").mkdir()
    (work / "corpus" / "ace.txt").write_bytes((ROOT / "corpus" / "ace-advocacy-record.txt").read_bytes())
    proc, url = _start_page(work)
    port = int(url.rsplit(":", 1)[1].strip("/"))
    try:
        before = _rss_mb(proc.pid)

        def post(path: str, body: bytes) -> int:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            try:
                conn.request("POST", path, body=body, headers={"Content-Type": "application/json"})
                return conn.getresponse().status
            except OSError:
                return -1
            finally:
                conn.close()

        body = json.dumps({"data": ["cocoa", 5, "any", "any", "best first"]}).encode()
        t0 = time.perf_counter()
        with ThreadPoolExecutor(200) as pool:
            codes = list(pool.map(lambda _: post("/gradio_api/run/chat", body), range(1500)))
        print(f"1500 POST /gradio_api/run/chat in {time.perf_counter() - t0:.1f} s: "
              + ", ".join(f"{codes.count(c)} x {c}" for c in sorted(set(codes))))
        big = b'{"data": ["' + b"x" * 10_000_000 + b'"]}'
        with ThreadPoolExecutor(20) as pool:
            codes = list(pool.map(lambda _: post("/gradio_api/queue/join", big), range(20)))
        print("20 x 10 MB POST /gradio_api/queue/join: " + ", ".join(f"{codes.count(c)} x {c}" for c in set(codes)))
        from gradio_client import Client

        reply, _ = Client(url, verbose=False, ssl_verify=False).predict(
            "When were the signatures submitted?", 1, "any", "any", "best first", api_name="/chat")
        print(f"page memory {before:.0f} MB before, {_rss_mb(proc.pid):.0f} MB after;"
              f" still answering: {'2021' in reply}")
    finally:
        proc.terminate()
        proc.wait()
        shutil.rmtree(work, ignore_errors=True)


def _ask_meanwhile(url: str, stop, replies) -> None:
    """A person asking every half second until `stop`: puts "connected", then (seconds per answer, wrong)."""
    from gradio_client import Client

    client, waits, wrong = Client(url, verbose=False), [], 0
    replies.put("connected")
    while not stop.is_set():
        t1 = time.perf_counter()
        try:
            reply, _ = client.predict("When were the signatures submitted?", 1, "any", "any", "best first",
                                      api_name="/chat")
            wrong += "2021" not in reply
        except Exception as e:  # noqa: BLE001
            wrong += 1
            print(f"  a question failed: {type(e).__name__}: {str(e)[:200]}", flush=True)
        waits.append(time.perf_counter() - t1)
        stop.wait(0.5)
    replies.put((waits, wrong))


def slow(n: int) -> None:
    """`n` connections that send half a request and then nothing (or promise a body they never send),
    held open while questions are asked: the page's answers, its open descriptors and its log."""
    import resource
    import socket

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    n = min(n, hard - 200)
    work = Path(tempfile.mkdtemp(prefix="qa-hostile-slow-"))
    (work / "corpus").mkdir()
    (work / "corpus" / "ace.txt").write_bytes((ROOT / "corpus" / "ace-advocacy-record.txt").read_bytes())
    log = work / "page.log"
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import free_port

    port = free_port()
    env = {**os.environ, "GRADIO_SERVER_PORT": str(port), "PYTHONPATH": str(ROOT)}
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, str(ROOT / "app.py")], cwd=work, env=env, stdout=out, stderr=out)
    url = f"http://127.0.0.1:{port}/"
    from gradio_client import Client

    for _ in range(240):
        try:
            client = Client(url, verbose=False)
            break
        except Exception:  # noqa: BLE001 - not up yet
            time.sleep(0.5)
    held, person = [], None
    try:
        t1 = time.perf_counter()  # a page in use: its first question (the search's lazy parts loaded) before the flood
        client.predict("When were the signatures submitted?", 1, "any", "any", "best first", api_name="/chat")
        print(f"the page's first question, before the connections: {time.perf_counter() - t1:.2f} s", flush=True)
        # the person asks from a process of their own, as a person would: not slowed by this one opening sockets
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")
        stop, replies = ctx.Event(), ctx.Queue()
        person = ctx.Process(target=_ask_meanwhile, args=(url, stop, replies))
        person.start()
        replies.get(timeout=120)  # its client is connected
        t0 = time.perf_counter()
        for i in range(n):
            try:
                s = socket.create_connection(("127.0.0.1", port), timeout=5)
                s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " if i % 2 else
                          b"POST /gradio_api/queue/join HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n{")
                held.append(s)
            except OSError:
                pass
        opened = time.perf_counter() - t0
        fds = len(os.listdir(f"/proc/{proc.pid}/fd"))
        time.sleep(12)
        stop.set()
        waits, wrong = replies.get(timeout=120)
        person.join()
        closed = 0
        for s in held:
            s.settimeout(0.05)
            try:
                closed += s.recv(1) == b""
            except TimeoutError:
                pass
            except OSError:
                closed += 1
        waits.sort()
        print(f"{len(held)} slow connections opened in {opened:.1f} s; the page held {fds} descriptors"
              f" (limit {resource.getrlimit(resource.RLIMIT_NOFILE)[0]} here); {len(waits)} questions meanwhile:"
              f" median {waits[len(waits) // 2]:.2f} s, slowest {waits[-1]:.2f} s, {wrong} wrong or failed;"
              f" {closed} of the slow connections closed by the page 12 s later; page log {log.stat().st_size} bytes")
        print(f"  questions over 1 s: {sum(w > 1 for w in waits)}; the slowest five: "
              + " ".join(f"{w:.2f}" for w in waits[-5:]))
    finally:
        if person is not None and person.is_alive():
            person.terminate()
        for s in held:
            s.close()
        proc.terminate()
        proc.wait()
        shutil.rmtree(work, ignore_errors=True)


def sessions(n: int, hours: float) -> None:
    """`n` browser sessions, each with one chat turn (the page's own event, over HTTP), then left idle:
    the page's memory before, after, and once they have expired (sessions kept `hours`)."""
    import http.client
    import urllib.request

    work = Path(tempfile.mkdtemp(prefix="qa-hostile-sessions-"))
    (work / "corpus").mkdir()
    (work / "corpus" / "ace.txt").write_bytes((ROOT / "corpus" / "ace-advocacy-record.txt").read_bytes())
    os.environ["QA_SESSION_HOURS"] = str(hours)
    proc, url = _start_page(work)
    port = int(url.rsplit(":", 1)[1].strip("/"))
    try:
        config = json.load(urllib.request.urlopen(url + "config"))
        names = {c["id"]: c.get("props", {}).get("elem_id") for c in config["components"]}
        turn = next(n for n, d in enumerate(config["dependencies"])
                    if [names.get(i) for i in d["inputs"]][:1] == ["question"] and len(d["inputs"]) == 6)

        def one(k: int) -> bool:
            session = f"bench{k:06d}"
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            try:
                body = json.dumps({"data": ["What did ACE do in 2019?", None, 5, "any", "any", "best first"],
                                   "fn_index": turn, "session_hash": session, "event_data": None})
                conn.request("POST", "/gradio_api/queue/join", body, {"Content-Type": "application/json"})
                conn.getresponse().read()
                conn.request("GET", f"/gradio_api/queue/data?session_hash={session}")
                stream = conn.getresponse().read().decode()
                return "process_completed" in stream and '"success":true' in stream.replace(" ", "")
            finally:
                conn.close()

        from concurrent.futures import ThreadPoolExecutor

        one(-1)
        time.sleep(2)
        cold = _rss_mb(proc.pid)
        # a page that has run for a while has used all its worker threads, each with its own scratch memory:
        # warm it with a few concurrent sessions, let them expire, and count from there
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(one, range(-1 - max(n // 10, 50), -1)))
        time.sleep(hours * 3600 + 75)
        before = _rss_mb(proc.pid)
        print(f"page memory {cold:.0f} MB after its first question, {before:.0f} MB once warmed by"
              f" {max(n // 10, 50)} concurrent sessions (expired)", flush=True)

        for round_ in (1, 2, 3):  # more rounds: is what stays after expiry reused, or does it add up?
            t0 = time.perf_counter()
            with ThreadPoolExecutor(8) as pool:
                ok = sum(pool.map(one, range(round_ * n, (round_ + 1) * n)))
            after = _rss_mb(proc.pid)
            print(f"round {round_}: {n} sessions with one chat turn each in {time.perf_counter() - t0:.0f} s ({ok}"
                  f" answered): page memory {before:.0f} MB at the start -> {after:.0f} MB", flush=True)
            time.sleep(hours * 3600 + 75)  # idle past their time, and the next sweep (every 30 s)
            expired = _rss_mb(proc.pid)
            print(f"  after they expired: {expired:.0f} MB ({expired - before:+.0f} MB against the start)", flush=True)
    finally:
        proc.terminate()
        proc.wait()
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0, help="size of the hostile files (1 = the issue's sizes)")
    ap.add_argument("--page", action="store_true", help="rebuild them all in a running page while asking questions")
    ap.add_argument("--flood", action="store_true", help="flood a running page with requests and large bodies")
    ap.add_argument("--slow", type=int, metavar="N", help="hold N slow-header and lying-body connections to a page"
                    " while questions are asked (the issue's attack: 21,000; the descriptor limit caps it)")
    ap.add_argument("--sessions", type=int, metavar="N", help="N browser sessions with a chat turn each, then"
                    " idle: the page's memory before, after and once they expire (kept --session-hours)")
    ap.add_argument("--session-hours", type=float, default=0.02, help="how long an idle session is kept (default"
                    " 0.02 h = 72 s, so that a run ends; the page's own default is 2 h)")
    args = ap.parse_args()
    if args.sessions:
        sessions(args.sessions, args.session_hours)
    elif args.slow:
        slow(args.slow)
    elif args.page:
        page_during_rebuild(args.scale)
    elif args.flood:
        flood()
    else:
        files_table(args.scale)


if __name__ == "__main__":
    main()
