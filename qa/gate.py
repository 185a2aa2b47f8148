"""The one gate every request to the page passes before Gradio sees it (an ASGI middleware).

- Hosts: a request whose Host header is not an allowed name is refused (DNS rebinding).
- Routes: only the routes the page, `gradio_client` and Gradio's REST calls need are open;
  every other route (`/gradio_api/run/…`, which skips the queue; uploads, unless switched
  on, and then with their own size limit; MCP, monitoring, proxies) answers 404. Everything that answers or rebuilds goes
  through Gradio's queue, and so through its concurrency and size limits.
- Bodies: capped before they are read (Content-Length, then the bytes as they arrive);
  a queued call must name an event that exists and give it as many inputs as it takes.
- Logins: after a few failures from one address, further tries wait, longer each time; with a
  login set, the routes Gradio leaves open without one (cancel, reset, heartbeat) ask for it too.
Every refusal is one line of JSON: {"error": "..."}.
Left out: rate limits on questions (the queue's size bounds them), HTTPS.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# Method -> route patterns that stay open (the page, its assets, the queue, gradio_client, login).
OPEN = {
    "GET": re.compile(
        r"^/(|config/?|static/.*|assets/.*|svelte/.*|favicon\.ico|theme\.css|robots\.txt|manifest\.json"
        r"|pwa_icon(/\d+)?|logout|gradio_api/(info/?|queue/data|heartbeat/[\w-]+|call/chat/[\w-]+"
        r"|startup-events|app_id/?|user/?|login_check/?|theme\.css|token/?))\Z"),
    "HEAD": re.compile(r"^/\Z"),
    "POST": re.compile(r"^/(login/?|gradio_api/(queue/join|call/chat/?|cancel|reset/?))\Z"),  # REST: chat only
}
# (\Z, not $: "$" also matches before a final newline, and "/config%0A" reached Gradio as "/config\n")
UPLOAD = re.compile(r"^/gradio_api/upload\Z")
GUARDED = re.compile(r"^/gradio_api/(cancel|reset/?|heartbeat/[\w-]+)\Z")  # Gradio asks no login of these: the gate does
LOGIN = re.compile(r"^/login/?\Z")
UPLOAD_PARTS = 100  # files in one upload request (the page adds 5 at once and names the rest)
CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # in a path: never a route of the page
FREE_FAILURES = 5  # failed logins from one address before the next has to wait
LONGEST_WAIT = 600.0  # seconds


@dataclass
class Logins:
    """Failed logins by key (a client address, an account name): after FREE_FAILURES, each try waits
    2^(n - FREE_FAILURES) s after the last failure, up to LONGEST_WAIT; a success forgets the key. A try
    counts as failed from the moment it starts (`begin`), so tries sent at once wait like tries in a row."""

    failures: dict[str, tuple[int, float]] = field(default_factory=dict)  # address -> (count, last time)
    clock: Callable[[], float] = time.monotonic

    def wait(self, address: str) -> float:
        """Seconds before `address` may try again (0 when it may now)."""
        count, last = self.failures.get(address, (0, 0.0))
        if count < FREE_FAILURES:
            return 0.0
        return max(0.0, last + min(LONGEST_WAIT, 2.0 ** (count - FREE_FAILURES)) - self.clock())

    def record(self, address: str, ok: bool) -> None:
        if ok:
            self.failures.pop(address, None)
        else:
            count, _ = self.failures.get(address, (0, 0.0))
            self.failures[address] = (count + 1, self.clock())
            if len(self.failures) > 10_000:  # forget the oldest rather than grow without bound
                del self.failures[next(iter(self.failures))]

    def begin(self, keys: list[str]) -> float:
        """Counts a try as failed when it starts (so tries made at once can't all be checked before
        the first fails); the seconds to wait instead when one of `keys` must wait (0: go on)."""
        wait = max(self.wait(k) for k in keys)
        if wait == 0:
            for k in keys:
                self.record(k, ok=False)
        return wait

    def succeeded(self, keys: list[str]) -> None:
        for k in keys:
            self.record(k, ok=True)


def _logged_in(scope, headers: dict) -> bool:
    """Whether the request carries a login Gradio gave (always, when the page asks for none)."""
    app = scope.get("app")
    return app is None or getattr(app, "auth", None) is None or _token(scope, headers) is not None


def _token(scope, headers: dict) -> str | None:
    """The login token Gradio gave that the request's cookie carries, or None."""
    app = scope.get("app")
    cookies = {}
    for part in headers.get(b"cookie", b"").decode("latin-1").split(";"):
        name, _, value = part.strip().partition("=")
        cookies[name] = value
    cookie_id = getattr(app, "cookie_id", "")
    token = cookies.get(f"access-token-{cookie_id}") or cookies.get(f"access-token-unsecure-{cookie_id}")
    return token if token is not None and token in getattr(app, "tokens", {}) else None


def host_of(header: str) -> str:
    """The host name of a Host header, without its port, lower-cased.

    >>> host_of("LocalHost:7860"), host_of("[::1]:7860"), host_of("example.org")
    ('localhost', '::1', 'example.org')
    """
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


@dataclass
class UploadCache:
    """Gradio's folder of uploaded files, kept within bounds: files older than `max_age` seconds are
    deleted (an upload is added to the documents, or abandoned, within seconds), and an upload is taken
    only while the folder, with the uploads under way and this one, stays within `max_bytes` and
    `max_files` (an upload never added stays there otherwise; uploads sent at once can't all slip in).
    One client (a login, or an address) may hold at most `share` of either within `max_age`, so that one
    request of 1,000 tiny files can't shut uploads off for everyone."""

    folder: Path
    max_bytes: int
    max_files: int = 1000
    max_age: float = 1800.0
    clock: Callable[[], float] = time.time
    share: float = 0.5
    under_way: list[int] = field(default_factory=lambda: [0, 0])  # bytes, files of the uploads being received
    by_client: dict[str, list[tuple[float, int, int]]] = field(default_factory=dict)  # client -> (time, bytes, files)

    def held(self) -> tuple[int, int]:
        """The bytes and files the folder holds; old files are deleted first."""
        size = count = 0
        now = self.clock()
        for root, _, files in os.walk(self.folder):
            for name in files:
                path = Path(root, name)
                try:
                    st = path.lstat()
                    if now - st.st_mtime > self.max_age:
                        path.unlink()
                        continue
                except OSError:
                    continue
                size, count = size + st.st_size, count + 1
        for root, dirs, _ in os.walk(self.folder, topdown=False):  # the folders emptied
            for name in dirs:
                try:
                    Path(root, name).rmdir()
                except OSError:
                    pass
        return size, count

    def full(self, size: int = 0, files: int = 0) -> str | None:
        """Why an upload of `size` bytes in `files` files is not taken now, or None."""
        held, count = self.held()
        held, count = held + self.under_way[0], count + self.under_way[1]
        if held + size > self.max_bytes or count + files > self.max_files or held >= self.max_bytes:
            return (f"the upload space is full ({held / 1e6:.0f} MB in {count} files waiting to be added);"
                    f" try again in a few minutes")
        return None

    def take(self, client: str, size: int, files: int) -> str | None:
        """Reserves room for an upload of `client` (None), or says why it is refused; `done` gives it back
        once the upload is in the folder (where `held` counts it)."""
        why = self.full(size, files)
        now = self.clock()
        mine = [e for e in self.by_client.get(client, []) if now - e[0] <= self.max_age]
        sent, sent_files = sum(e[1] for e in mine), sum(e[2] for e in mine)
        if why is None and (sent + size > self.share * self.max_bytes or sent_files + files > self.share * self.max_files):
            why = (f"you have uploaded {sent / 1e6:.0f} MB in {sent_files} files in the last {self.max_age / 60:.0f}"
                   " minutes, the most one person may; try again later")
        if why is None:
            self.by_client[client] = [*mine, (now, size, files)]
            if len(self.by_client) > 10_000:  # forget the oldest rather than grow without bound
                del self.by_client[next(iter(self.by_client))]
            self.under_way[0] += size
            self.under_way[1] += files
        return why

    def done(self, size: int, files: int) -> None:
        self.under_way[0] -= size
        self.under_way[1] -= files


def _file_parts(content_type: bytes, body: bytes) -> int:
    """How many parts (files) a multipart body holds, counted by its boundary; 0 when it is not multipart."""
    m = re.search(rb"(?i)multipart/form-data.*?;\s*boundary=\"?([^\";]+)", content_type)
    return max(0, body.count(b"--" + m.group(1)) - 1) if m else 0


async def _usernames(scope, body: bytes, receive) -> list[str] | None:
    """The account names a login form gives, read as Gradio reads them (Starlette's form parser, either encoding,
    stripped as Gradio strips them; it takes the last of several), or None when the form can't be parsed."""
    from starlette.requests import Request

    try:
        form = await Request(scope, _replay(body, receive)).form(max_files=0, max_fields=10)
        return [str(v).strip()[:200] for v in form.getlist("username")]
    except Exception:  # any malformed form (Starlette's own errors, a bad encoding): refused, never a 500
        return None


async def _refuse(send, status: int, message: str, headers: list | None = None) -> None:
    body = json.dumps({"error": message}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *(headers or [])]})
    await send({"type": "http.response.body", "body": body})


async def _read_body(receive, limit: int) -> bytes | None:
    """The request's body, or None as soon as it passes `limit` bytes (the rest is never read)."""
    parts, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b"".join(parts)
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        parts.append(chunk)
        if not message.get("more_body"):
            return b"".join(parts)


def _replay(body: bytes, receive):
    sent = False

    async def again():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return again


class Gate:
    """ASGI middleware for the page's app. `events()` gives {fn_index: (api_name or None, input count)}
    of the page's events, read when the first call is checked (the app is built by then)."""

    def __init__(self, app, hosts: frozenset[str], max_body: int, events: Callable[[], dict[int, tuple]],
                 uploads: bool = False, logins: Logins | None = None, max_upload: int = 0,
                 upload_cache: UploadCache | None = None, trusted: frozenset[str] = frozenset({"127.0.0.1", "::1"})):
        self.app, self.hosts, self.max_body, self.uploads, self.trusted = app, hosts, max_body, uploads, trusted
        self.max_upload, self.upload_cache = max_upload, upload_cache
        self._events, self._known = events, None
        self.logins = logins or Logins()

    def _untrusted_forwarding_dropped(self, scope):
        """The request without X-Forwarded-* and Forwarded headers unless it comes from a trusted proxy
        (`trusted`, by default this machine: a reverse proxy in front of the page): a client can't make
        the page build its links on another host ("X-Forwarded-Host: evil.com")."""
        client = (scope.get("client") or ("", 0))[0]
        if client in self.trusted:
            return scope
        kept = [(k, v) for k, v in scope.get("headers", []) if not k.lower().startswith((b"x-forwarded-", b"forwarded"))]
        return scope if len(kept) == len(scope.get("headers", [])) else {**scope, "headers": kept}

    def _upload_space(self, path: str) -> str | None:
        """Why an upload can't be taken now (Gradio's upload folder is full), or None."""
        if not (self.uploads and UPLOAD.match(path) and self.upload_cache is not None):
            return None
        return self.upload_cache.full()

    def _fns(self) -> dict[int, tuple]:
        if self._known is None:
            self._known = self._events()
        return self._known

    def _route_open(self, method: str, path: str) -> bool:
        if self.uploads and method == "POST" and UPLOAD.match(path):
            return True
        pattern = OPEN.get(method)
        return bool(pattern and pattern.match(path))

    def _call_problem(self, path: str, body: bytes) -> str | None:
        """Why a queued or REST call can't be taken, or None."""
        if not path.startswith("/gradio_api/call/") and path != "/gradio_api/queue/join":
            return None
        try:
            payload = json.loads(body)
        except (ValueError, RecursionError):  # 2 KB of nested brackets is a RecursionError, not a 500
            return "the body must be JSON"
        if not isinstance(payload, dict) or not isinstance(payload.get("data", []), list):
            return 'the body must be a JSON object with "data": [...]'
        fns = self._fns()
        if path == "/gradio_api/queue/join":
            fn = payload.get("fn_index")
            if not isinstance(fn, int) or isinstance(fn, bool) or fn not in fns:
                return f"no event {fn!r} on this page"
            name, count = fns[fn]
        else:
            name = path.removeprefix("/gradio_api/call/").strip("/")
            found = [count for api, count in fns.values() if api == name]
            if not found:
                return f"no endpoint {name!r} on this page (see /gradio_api/info)"
            count = found[0]
        given = len(payload.get("data", []))
        if given != count:
            return f"{name or 'this event'} takes {count} inputs, got {given}"
        return None

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        scope = self._untrusted_forwarding_dropped(scope)
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        host = host_of(headers.get(b"host", b"").decode("latin-1"))
        if "*" not in self.hosts and host not in self.hosts:
            if scope["type"] == "websocket":
                return await send({"type": "websocket.close", "code": 1008})
            return await _refuse(send, 400, "unknown host: this page answers only to the names it is served as")
        if scope["type"] == "websocket":  # the page uses none
            return await send({"type": "websocket.close", "code": 1008})
        method, path = scope["method"], scope["path"]
        if CONTROL.search(path) or not self._route_open(method, path):
            return await _refuse(send, 404, "no such route on this page")
        # before any body is read: an upload of 100 MB without a login is refused unread
        if (GUARDED.match(path) or method == "POST" and not LOGIN.match(path)) and not _logged_in(scope, headers):
            return await _refuse(send, 401, "log in first")
        limit = self.max_upload if self.uploads and UPLOAD.match(path) else self.max_body
        length = headers.get(b"content-length", b"")
        if length and (not length.isdigit() or int(length) > limit):
            return await _refuse(send, 413, f"request body over {limit} bytes")
        full = self._upload_space(path)
        if full:
            return await _refuse(send, 507, full)
        if method == "POST":
            body = await _read_body(receive, limit)
            if body is None:
                return await _refuse(send, 413, f"request body over {limit} bytes")
            problem = self._call_problem(path, body)
            if problem:
                return await _refuse(send, 400, problem)  # a malformed call, of any shape: 400, one line
            receive = _replay(body, receive)
            if LOGIN.match(path):
                return await self._login(scope, receive, send, body)
            if self.uploads and self.upload_cache is not None and UPLOAD.match(path):
                return await self._upload(scope, receive, send, headers, body)
        return await self.app(scope, receive, send)

    async def _upload(self, scope, receive, send, headers: dict, body: bytes):
        """An upload, let in only when its room is reserved (given back once Gradio has stored it)."""
        files = _file_parts(headers.get(b"content-type", b""), body)
        if files > UPLOAD_PARTS:
            return await _refuse(send, 413, f"at most {UPLOAD_PARTS} files in one upload")
        client = _token(scope, headers) or (scope.get("client") or ("?", 0))[0]  # a login, else an address
        why = self.upload_cache.take(client, len(body), files)
        if why:
            return await _refuse(send, 507, why)
        try:
            return await self.app(scope, receive, send)
        finally:
            self.upload_cache.done(len(body), files)

    async def _login(self, scope, receive, send, body: bytes = b""):
        address = (scope.get("client") or ("?", 0))[0]
        names = await _usernames(scope, body, receive)
        if names is None or len(names) != 1:  # "username=x&username=staff": which one Gradio checks is its own affair
            return await _refuse(send, 400, "a login gives one username and its password as a form")
        # by address and by account name: behind one proxy every client has the proxy's address
        keys = [f"address {address}", f"account {names[0]}"]
        wait = self.logins.begin(keys)
        if wait > 0:
            return await _refuse(send, 429, f"too many failed logins: try again in {wait:.0f} s",
                                 [(b"retry-after", str(int(wait) + 1).encode())])
        status = 500

        async def watch(message):
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        await self.app(scope, receive, watch)
        if status < 400:
            self.logins.succeeded(keys)
