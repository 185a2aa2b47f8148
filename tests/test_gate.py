"""Hostile clients against the real page (`python app.py` on a free port): every route that answers
goes through one gate of hosts, routes, body size, call shape and logins, and every refusal is one line."""

import http.client
import json
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import NGO_PAGE, running_app
from gradio_client import Client

from qa.gate import FREE_FAILURES, Logins, host_of


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("gate")
    with running_app(work, {NGO_PAGE.name: NGO_PAGE.read_text(encoding="utf-8")}) as url:
        yield url, work


def _port(url: str) -> int:
    return int(url.rstrip("/").rsplit(":", 1)[1])


def _request(url: str, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
             timeout: float = 30) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", _port(url), timeout=timeout)
    try:
        conn.request(method, path, body=body, headers={"Content-Type": "application/json", **(headers or {})})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def _call(url: str, data: list) -> tuple[str, object]:
    """Gradio's documented REST call: POST /gradio_api/call/chat, then read the event stream."""
    status, body = _request(url, "POST", "/gradio_api/call/chat", json.dumps({"data": data}).encode())
    assert status == 200, body
    event = json.loads(body)["event_id"]
    status, stream = _request(url, "GET", f"/gradio_api/call/chat/{event}")
    kind = stream.decode().split("\n")[0].removeprefix("event: ")
    payload = json.loads(stream.decode().split("data: ", 1)[1].split("\n")[0])
    return kind, payload


def _rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        return int(next(line.split()[1] for line in f if line.startswith("VmRSS"))) / 1024


def _threads(pid: int) -> int:
    with open(f"/proc/{pid}/status") as f:
        return int(next(line.split()[1] for line in f if line.startswith("Threads")))


def _pid(work: Path) -> int:
    return int((work / "app.pid").read_text())


def test_the_rest_call_route_answers(site):
    kind, (answer, timeline) = _call(site[0], ["When were the signatures submitted?", 2, "any", "any", "best first"])
    assert kind == "complete" and "15 June 2021" in answer and "score" in answer
    assert "40 dated passages, 2004 to 24 August 2021; this answer&#x27;s are numbered" in timeline


@pytest.mark.parametrize("data, message", [
    (["cocoa", "abc", "any", "any", "best first"], "passages per answer must be a whole number from 1 to 20, got 'abc'"),
    (["cocoa", None, "any", "any", "best first"], "passages per answer must be a whole number from 1 to 20, got None"),
    (["cocoa", [1], "any", "any", "best first"], "passages per answer must be a whole number from 1 to 20, got [1]"),
    (["cocoa", 5, "inf", "any", "best first"], "a year must be a number, got 'inf'"),
    (["cocoa", 5, "1e400", "any", "best first"], "a year must be a number, got '1e400'"),
    (["cocoa", 5, "any", "any", "sideways"], "order must be 'best first' or 'newest first', got 'sideways'"),
    ([None, 5, "any", "any", "best first"], "the question is empty: type a question, e.g. 'What happened in 2019?'"),
    ([{"a": 1}, 5, "any", "any", "best first"], "a question must be text"),
])
def test_bad_inputs_get_one_line_saying_what_is_wrong(site, data, message):
    kind, (answer, _) = _call(site[0], data)
    assert (kind, answer) == ("complete", f"⚠️ {message}")


@pytest.mark.parametrize("path, body, status, message", [
    ("/gradio_api/queue/join", {"data": [], "fn_index": 999, "session_hash": "x"}, 400, "no event 999 on this page"),
    ("/gradio_api/queue/join", {"data": "x", "fn_index": 0, "session_hash": "x"}, 400,
     'the body must be a JSON object with "data": [...]'),
    ("/gradio_api/call/chat", {"data": ["cocoa"]}, 400, "chat takes 5 inputs, got 1"),
    ("/gradio_api/call/nothing", {"data": []}, 404, "no such route on this page"),
    ("/gradio_api/call/rebuild", {"data": []}, 404, "no such route on this page"),  # REST: chat only
    ("/gradio_api/run/chat", {"data": ["cocoa", 5, "any", "any", "best first"]}, 404, "no such route on this page"),
    ("/gradio_api/run/predict", {"data": [1], "fn_index": 0}, 404, "no such route on this page"),
])
def test_malformed_calls_and_closed_routes_are_refused_in_one_line(site, path, body, status, message):
    assert _request(site[0], "POST", path, json.dumps(body).encode()) == (status, json.dumps({"error": message}).encode())


def test_a_deeply_nested_body_is_refused_in_one_line_not_a_server_error(site):
    body = b'{"data": ' + b"[" * 5000 + b"]" * 5000 + b"}"  # a RecursionError in a JSON parser
    assert _request(site[0], "POST", "/gradio_api/queue/join", body) == (
        400, json.dumps({"error": "the body must be JSON"}).encode())


def test_a_flood_on_the_route_that_skipped_the_queue_is_refused_at_once(site):
    url, work = site
    pid = _pid(work)
    threads = _threads(pid)
    body = json.dumps({"data": ["cocoa", 5, "any", "any", "best first"]}).encode()
    with ThreadPoolExecutor(50) as pool:
        codes = list(pool.map(lambda _: _request(url, "POST", "/gradio_api/run/chat", body)[0], range(300)))
    assert codes == [404] * 300
    assert _threads(pid) <= threads + 5  # no thread was started for any of them


def test_large_bodies_are_refused_before_they_are_read(site):
    url, work = site
    pid = _pid(work)
    before = _rss_mb(pid)
    big = b'{"data": ["' + b"x" * 10_000_000 + b'"], "fn_index": 0}'
    with ThreadPoolExecutor(10) as pool:
        replies = list(pool.map(lambda _: _request(url, "POST", "/gradio_api/queue/join", big), range(10)))
    assert replies == [(413, b'{"error": "request body over 65536 bytes"}')] * 10
    # Sent without a length, the body is cut off once it passes the limit.
    conn = socket.create_connection(("127.0.0.1", _port(url)))
    conn.sendall(b"POST /gradio_api/queue/join HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n")
    chunk = b"x" * 100_000
    try:
        for _ in range(20):
            conn.sendall(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
    except OSError:
        pass  # the page has answered and closed
    assert b" 413 " in conn.recv(200)
    conn.close()
    assert _rss_mb(pid) < before + 50


def test_no_uploads_and_no_fetching_through_the_file_route(site):
    url, _ = site
    status, body = _request(url, "POST", "/gradio_api/upload", b"--x\r\n", {"Content-Type": "multipart/form-data; boundary=x"})
    assert (status, json.loads(body)) == (404, {"error": "no such route on this page"})
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(1)
    target = f"http://127.0.0.1:{listener.getsockname()[1]}/x.png"
    for route in ("/gradio_api/file=", "/file=", "/gradio_api/proxy="):
        assert _request(url, "GET", route + target)[0] == 404
    with pytest.raises(TimeoutError):
        listener.accept()  # nothing came to fetch it
    listener.close()


def test_unknown_hosts_are_refused(site):
    url, _ = site
    status, body = _request(url, "GET", "/", headers={"Host": "rebind.example.org"})
    assert (status, json.loads(body)["error"]) == (400, "unknown host: this page answers only to the names it is served as")
    assert _request(url, "GET", "/config", headers={"Host": f"localhost:{_port(url)}"})[0] == 200


def test_host_names_are_read_without_their_ports():
    assert host_of("LocalHost:7860") == "localhost" and host_of("[::1]:7860") == "::1" and host_of("a.org") == "a.org"


def test_failed_logins_wait_longer_each_time_after_a_few():
    now = [1000.0]
    logins = Logins(clock=lambda: now[0])
    for _ in range(FREE_FAILURES):
        assert logins.wait("1.2.3.4") == 0
        logins.record("1.2.3.4", ok=False)
    assert logins.wait("1.2.3.4") == 1.0 and logins.wait("5.6.7.8") == 0
    logins.record("1.2.3.4", ok=False)
    assert logins.wait("1.2.3.4") == 2.0
    now[0] += 2.0
    assert logins.wait("1.2.3.4") == 0
    logins.record("1.2.3.4", ok=True)
    assert "1.2.3.4" not in logins.failures


def test_a_login_page_refuses_big_bodies_unread_and_slows_password_guessing(tmp_path):
    files = {"a.txt": "Notes\n\nJune 15, 2021   Submitted 70 thousand signatures\n"}
    with running_app(tmp_path, files, "--auth", "staff:long-secret") as url:
        status, body = _request(url, "GET", "/config")
        assert status == 401
        big = b"x" * 50_000_000
        t0 = time.perf_counter()
        assert _request(url, "POST", "/gradio_api/queue/join", big)[0] == 401  # no login: refused unread
        assert time.perf_counter() - t0 < 5
        with pytest.raises(Exception):  # noqa: B017 - refused however gradio_client words it
            Client(url, verbose=False).predict("signatures?", 1, "any", "any", "best first", api_name="/chat")
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        codes = [_request(url, "POST", "/login", b"username=staff&password=guess%d" % n, form)[0] for n in range(8)]
        assert codes[:FREE_FAILURES] == [400] * FREE_FAILURES and set(codes[FREE_FAILURES + 1:]) == {429}
        status, body = _request(url, "POST", "/login", b"username=staff&password=long-secret", form)
        assert status == 429 and json.loads(body)["error"].startswith("too many failed logins: try again in")


def test_a_try_counts_when_it_starts_by_address_and_by_account_and_the_right_one_works_after_the_wait():
    now = [100.0]
    logins = Logins(clock=lambda: now[0])
    tries = [logins.begin(["address 10.0.0.1", "account staff"]) for _ in range(20)]  # all at once: none ended yet
    assert tries[:FREE_FAILURES] == [0] * FREE_FAILURES and all(w > 0 for w in tries[FREE_FAILURES:])
    assert logins.begin(["address 10.0.0.9", "account staff"]) > 0  # another address, the same account
    assert logins.begin(["address 10.0.0.9", "account other"]) == 0  # neither has failed
    now[0] += 1.0
    keys = ["address 10.0.0.1", "account staff"]
    assert logins.begin(keys) == 0  # the wait is over: this try is checked ...
    logins.succeeded(keys)  # ... and, being right, forgets the failures
    assert logins.begin(keys) == 0 and logins.failures.get("account staff") == (1, 101.0)


def test_three_hundred_guesses_at_once_are_mostly_not_checked(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    files = {"a.txt": "Notes\n\nJune 15, 2021   Submitted 70 thousand signatures\n"}
    with running_app(tmp_path, files, "--auth", "staff:long-secret") as url:
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        with ThreadPoolExecutor(50) as pool:
            codes = list(pool.map(lambda n: _request(url, "POST", "/login", b"username=staff&password=g%d" % n, form)[0],
                                  range(300)))
        assert codes.count(429) >= 300 - FREE_FAILURES - 2 and set(codes) <= {400, 429}  # a handful checked


def test_the_right_login_answers(tmp_path):
    files = {"a.txt": "Notes\n\nJune 15, 2021   Submitted 70 thousand signatures\n"}
    with running_app(tmp_path, files, "--auth", "staff:long-secret") as url:
        client = Client(url, auth=("staff", "long-secret"), verbose=False)
        reply, _ = client.predict("When were the signatures submitted?", 1, "any", "any", "best first",
                                  api_name="/chat")
        assert "15 June 2021" in reply


def test_a_busy_port_is_one_line(site, tmp_path):
    import subprocess
    import sys

    from conftest import ROOT

    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("In 2020 we met farmers.\n")
    run = subprocess.run([sys.executable, str(ROOT / "app.py"), "--port", str(_port(site[0]))], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert run.stderr.strip().splitlines()[-1] == (
        f"qa: error: port {_port(site[0])} on 127.0.0.1 is in use: stop what runs there or pick another with --port")
    assert "Traceback" not in run.stderr and "share=True" not in run.stderr


def test_concurrent_questions_and_a_rebuild_are_answered(site):
    url, _ = site
    answers = []

    def ask(_):
        client = Client(url, verbose=False)
        return client.predict("When were the signatures submitted?", 1, "any", "any", "best first", api_name="/chat")[0]

    rebuild = threading.Thread(target=lambda: answers.append(Client(url, verbose=False).predict(api_name="/rebuild")[1]))
    rebuild.start()
    with ThreadPoolExecutor(8) as pool:
        replies = list(pool.map(ask, range(16)))
    rebuild.join()
    assert all("15 June 2021" in r for r in replies) and "Rebuilt" in answers[0]


def test_an_unknown_address_is_one_line(tmp_path):
    import subprocess
    import sys

    from conftest import ROOT

    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("In 2020 we met farmers.\n")
    run = subprocess.run([sys.executable, str(ROOT / "app.py"), "--host", "no-such-host.invalid"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.strip().splitlines()[-1] == (
        "qa: error: cannot listen on no-such-host.invalid: no such address on this machine (try --host 127.0.0.1)")


def test_the_page_listens_on_an_ipv6_address(tmp_path):
    import os
    import subprocess
    import sys

    from conftest import ROOT, free_port

    try:
        socket.create_server(("::1", 0), family=socket.AF_INET6).close()
    except OSError:
        pytest.skip("this machine has no IPv6 loopback")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / NGO_PAGE.name).write_bytes(NGO_PAGE.read_bytes())
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, str(ROOT / "app.py"), "--host", "::1", "--port", str(port)], cwd=tmp_path,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.time() + 120
        while time.time() < deadline and proc.poll() is None:
            try:
                conn = http.client.HTTPConnection("::1", port, timeout=5)
                conn.request("GET", "/config", headers={"Host": f"[::1]:{port}"})
                response = conn.getresponse()
                assert response.status == 200 and b'"components"' in response.read()
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail(f"the page on [::1] did not answer: {proc.stdout.read() if proc.poll() is not None else ''}")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_the_upload_folder_is_kept_within_its_bound(tmp_path):
    import os

    from qa.gate import UploadCache

    now = [1_000_000.0]
    cache = UploadCache(tmp_path, max_bytes=3_000_000, max_files=50, max_age=600, clock=lambda: now[0])
    assert cache.full() is None
    for n in range(3):  # as Gradio keeps them: a folder an upload
        (tmp_path / f"h{n}").mkdir()
        (tmp_path / f"h{n}" / "big.pdf").write_bytes(b"x" * 1_000_000)
        os.utime(tmp_path / f"h{n}" / "big.pdf", (now[0], now[0]))
    assert cache.full().startswith("the upload space is full (3 MB in 3 files")
    now[0] += 601  # never added, and old now: deleted, and there is room again
    assert cache.full() is None and list(tmp_path.iterdir()) == []


def test_uploads_past_the_bound_are_refused_and_the_folder_never_grows_past_it(tmp_path):
    import os as _os

    files = {"a.txt": "Notes\n\nJune 15, 2021   Submitted 70 thousand signatures\n"}
    uploads = tmp_path / "gradio-uploads"
    env = {"GRADIO_TEMP_DIR": str(uploads), "QA_UPLOAD_CACHE_MB": "3"}
    with running_app(tmp_path / "work", files, "--allow-upload", env=env) as url:
        codes = []
        for n in range(8):  # 1 MB each, never added to the documents
            body = (b"--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"n%d.txt\"\r\n"
                    b"Content-Type: text/plain\r\n\r\n" % n) + b"x" * 1_000_000 + b"\r\n--b--\r\n"
            status, _ = _request(url, "POST", "/gradio_api/upload", body,  # from as many people, via the proxy
                                 {"Content-Type": "multipart/form-data; boundary=b", "X-Forwarded-For": f"10.2.0.{n}"})
            codes.append(status)
        held = sum(f.stat().st_size for f in uploads.rglob("*") if f.is_file())
    assert codes[:2] == [200] * 2 and set(codes[2:]) == {507}  # a third (with its form's bytes) would pass 3 MB
    assert held <= 3_000_000 and not _os.environ.get("QA_UPLOAD_CACHE_MB")


def test_forwarded_headers_count_only_from_a_trusted_proxy(tmp_path):
    files = {"a.txt": "Notes\n\nJune 15, 2021   Submitted 70 thousand signatures\n"}
    forged = {"X-Forwarded-Host": "evil.com", "X-Forwarded-Proto": "https"}
    with running_app(tmp_path / "none", files, env={"QA_TRUSTED_PROXIES": ""}) as url:  # no proxy trusted
        status, body = _request(url, "GET", "/config", headers=forged)
        assert status == 200 and b"evil.com" not in body
    with running_app(tmp_path / "local", files) as url:  # by default a proxy on this machine is trusted
        status, body = _request(url, "GET", "/config", headers=forged)
        assert status == 200 and b"evil.com" in body


def test_slow_and_silent_connections_are_closed_and_a_question_still_answers_within_a_second(tmp_path):
    files = {"a.txt": "Notes\n\nJune 15, 2021   Submitted 70 thousand signatures\n"}
    env = {"QA_IDLE_SECONDS": "2", "QA_MAX_CONNECTIONS": "300"}
    with running_app(tmp_path, files, env=env) as url:
        _call(url, ["warm up", 1, "any", "any", "best first"])
        port, held = _port(url), []
        # a small body is gathered before the app starts on its request: one sent in pieces still arrives whole
        body = json.dumps({"data": ["When were the signatures submitted?", 1, "any", "any", "best first"]}).encode()
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            s.sendall(b"POST /gradio_api/call/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      b"Content-Length: %d\r\n\r\n" % len(body) + body[:10])
            for piece in (body[10:30], body[30:]):
                time.sleep(0.3)
                s.sendall(piece)
            reply = b""
            while b"}" not in reply.partition(b"\r\n\r\n")[2]:
                more = s.recv(65536)
                if not more:
                    break
                reply += more
        assert reply.startswith(b"HTTP/1.1 200") and b"event_id" in reply, reply[:300]
        for n in range(1000):  # past the cap: the ones waiting longest make room
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " if n % 2 else
                      b"POST /gradio_api/queue/join HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n"
                      b"Content-Type: application/json\r\n\r\n" + b"x" * 20)  # a body promised, never sent
            held.append(s)
        t0 = time.perf_counter()
        kind, payload = _call(url, ["When were the signatures submitted?", 1, "any", "any", "best first"])
        assert kind == "complete" and "15 June 2021" in payload[0] and time.perf_counter() - t0 < 1.0
        time.sleep(3.5)  # past the idle limit: every one of them is closed by the server
        still = 0
        for s in held:
            s.settimeout(0.2)
            try:
                still += s.recv(1) != b""
            except TimeoutError:
                still += 1
            except OSError:
                pass
            s.close()
        assert still == 0
        assert (tmp_path / "app.log").read_text().count("qa: closed") <= 2  # said once a minute, not per connection


def test_the_page_server_runs_on_uvloop():
    # its loop accepts a flood of connections in C; asyncio's kept questions waiting past a second
    import uvicorn

    loop = uvicorn.Config(app=None).get_loop_factory()()
    try:
        assert type(loop).__module__.startswith("uvloop")
    finally:
        loop.close()


def test_a_request_is_whole_when_its_headers_and_small_body_are():
    from qa.connections import HELD_BODY, _whole

    head = b"POST /gradio_api/queue/join HTTP/1.1\r\nHost: x\r\nContent-Length: 12\r\n\r\n"
    assert _whole(head + b"{") == len(head) + 12  # gathered until the 12 bytes are in
    assert _whole(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ") is None  # headers not all there: h11's to read
    assert _whole(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n") is None  # no body promised
    big = b"POST /gradio_api/upload HTTP/1.1\r\ncontent-length: %d\r\n\r\n" % (HELD_BODY + 1)
    assert _whole(big) is None  # an upload goes on to the app as it comes


def test_with_a_login_every_route_asks_for_it(tmp_path):
    files = {"a.txt": "Notes\n\nJune 15, 2021   Submitted 70 thousand signatures\n"}
    with running_app(tmp_path, files, "--auth", "staff:long-secret") as url:
        body = json.dumps({"session_hash": "abc", "fn_index": 0, "event_id": "x"}).encode()
        for method, path in (("POST", "/gradio_api/cancel"), ("POST", "/gradio_api/reset"),
                             ("GET", "/gradio_api/heartbeat/abc")):
            status, said = _request(url, method, path, body if method == "POST" else None, timeout=5)
            assert (status, json.loads(said)) == (401, {"error": "log in first"}), (path, said)
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        conn = http.client.HTTPConnection("127.0.0.1", _port(url), timeout=10)
        conn.request("POST", "/login", body=b"username=staff&password=long-secret", headers=form)
        response = conn.getresponse()
        response.read()
        cookie = "; ".join(c.split(";")[0] for c in response.headers.get_all("set-cookie"))
        conn.close()
        status, said = _request(url, "POST", "/gradio_api/cancel", body, {"Cookie": cookie}, timeout=5)
        assert status != 401, said  # logged in: Gradio answers it


def test_a_path_with_a_newline_or_control_character_is_no_route(site):
    url, _ = site
    # "$" matches before a final newline: "/config%0A" reached Gradio, which answered 500 with a traceback
    for path in ["/%0A", "/config%0A", "/gradio_api/info%0A", "/config%00", "/%0D"]:
        status, body = _request(url, "GET", path)
        assert status == 404 and json.loads(body) == {"error": "no such route on this page"}
    call = json.dumps({"data": ["x"], "fn_index": 999}).encode()
    status, body = _request(url, "POST", "/gradio_api/queue/join%0A", call)
    assert status == 404


def test_the_account_limit_reads_the_name_as_gradio_does_and_uploads_without_a_login_are_refused_unread(tmp_path):
    files = {"a.txt": "Notes\n\nJune 15, 2021   Submitted 70 thousand signatures\n"}
    with running_app(tmp_path, files, "--auth", "staff:long-secret", "--allow-upload") as url:
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        fresh = iter(range(2, 250))

        def login(body: bytes) -> int:  # each try from another address, as behind the documented proxy
            return _request(url, "POST", "/login", body, {**form, "X-Forwarded-For": f"10.1.0.{next(fresh)}"})[0]

        assert [login(b"username=staff&password=g%d" % n) for n in range(FREE_FAILURES)] == [400] * FREE_FAILURES
        # Gradio strips the name: " staff" and "staff%20" are the same account, and wait as it waits
        assert login(b"username=%20%20staff&password=g") == 429
        assert login(b"username=staff%20&password=long-secret") == 429
        # two names in one form: refused, whichever of them Gradio would have read
        assert login(b"username=x1&username=staff&password=g") == 400
        boundary = b"b0undary"
        multipart = {"Content-Type": "multipart/form-data; boundary=b0undary", "X-Forwarded-For": "10.1.1.1"}
        body = b"".join(b"--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n" % (boundary, k, v)
                        for k, v in [(b"username", b"staff"), (b"password", b"g")]) + b"--%s--\r\n" % boundary
        assert _request(url, "POST", "/login", body, multipart)[0] == 429  # the browser's encoding: the same account
        big = b"x" * 60_000_000
        t0 = time.perf_counter()
        status, body = _request(url, "POST", "/gradio_api/upload", big, {"Content-Type": "multipart/form-data; boundary=x"})
        assert (status, json.loads(body)["error"]) == (401, "log in first") and time.perf_counter() - t0 < 5


def test_uploads_sent_at_once_reserve_their_room_and_one_client_cannot_take_it_all(tmp_path):
    from qa.gate import UploadCache, _file_parts

    now = [1_000_000.0]
    cache = UploadCache(tmp_path, max_bytes=3_000_000, max_files=100, max_age=600, clock=lambda: now[0])
    # twelve uploads of 0.3 MB received at once, from twelve clients: only what fits is taken
    taken = [cache.take(f"10.0.0.{n}", 300_000, 1) is None for n in range(12)]
    assert taken == [True] * 10 + [False] * 2
    for _ in range(10):
        cache.done(300_000, 1)
    # one client: at most half of the room or of the files in the last max_age seconds
    assert cache.take("10.0.0.99", 1_000_000, 1) is None
    why = cache.take("10.0.0.99", 600_000, 1)
    assert why.startswith("you have uploaded 1 MB in 1 files in the last 10 minutes")
    assert cache.take("10.0.0.99", 10, 50) is not None and cache.take("10.0.0.98", 10, 50) is None
    assert cache.under_way == [1_000_010, 51]
    now[0] += 601  # its uploads are old now: it may upload again
    assert cache.take("10.0.0.99", 600_000, 1) is None
    body = b"".join(b"--XyZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"f%d.txt\"\r\n\r\nx\r\n" % n
                    for n in range(7)) + b"--XyZ--\r\n"
    assert _file_parts(b"multipart/form-data; boundary=XyZ", body) == 7
    assert _file_parts(b'multipart/form-data; boundary="XyZ"', body) == 7 and _file_parts(b"application/json", body) == 0


def test_a_person_logs_in_through_the_browser_and_asks(tmp_path):
    chromium = "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.skip(f"{chromium} missing: apt-get install chromium (.ci/run does)")
    sync_api = pytest.importorskip("playwright.sync_api")
    files = {"a.txt": "Notes\n\nJune 15, 2021   Submitted 70 thousand signatures\n"}
    with running_app(tmp_path, files, "--auth", "staff:long-secret") as url, sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(url)
        page.get_by_label("username").fill("staff ")  # as typed, with a space Gradio strips
        page.get_by_label("password").fill("long-secret")
        page.get_by_role("button", name="Login").click()
        page.locator("#question textarea").wait_for(timeout=30000)  # the page itself: the gate read the form
        page.locator("#question textarea").fill("When were the signatures submitted?")
        page.locator("#send").click()
        page.wait_for_function("() => /15 June 2021/.test(document.querySelector('#chat')?.innerText || '')",
                               timeout=30000)
        browser.close()
