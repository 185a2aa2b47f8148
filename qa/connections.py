"""The page server's connections, bounded below the gate (which sees a request only once its
headers have all arrived).

Uvicorn (through Gradio) closes a connection that idles between requests, but not one that
sends its headers a byte at a time, or promises a body it never sends: enough of those hold
every file descriptor. `guard` makes each connection of this process:
- closed when it has been waiting on the client for IDLE_SECONDS with no byte arriving (the
  request line and headers not yet complete, or a body not yet all sent); a connection whose
  request is complete (an answer being streamed) is never closed for that;
- one of at most `most`, set below the descriptor limit: a new connection past that closes the
  quietest one that has never sent a whole request (in constant time: a flood of new connections
  must not busy the loop), so a person's question still gets through;
- a connection's first request, when its headers are whole and promise a body of at most HELD_BODY
  bytes, is gathered until the body is all there before uvicorn and the app hear of it: a flood of
  requests that promise a body and never send it costs no start of the app each (a third of the page's
  work in such a flood, profiled);
- and the closing is logged once a minute at most, with how many were closed.
The loop under all this is uvloop's (a dependency; uvicorn takes it when it is installed): accepting
connections and making their transports in C, a flood of 19,800 new connections no longer keeps a
person's question waiting past a second (with asyncio's loop two questions in each run did, at its start).
Left out: limits per client address (behind a proxy every client has its address).
"""

from __future__ import annotations

import logging
import os
import re
import resource
from collections import OrderedDict

IDLE_SECONDS = 10.0  # $QA_IDLE_SECONDS
LOG_EVERY = 60.0
_log = logging.getLogger("qa.connections")


def most_connections() -> int:
    """Connections kept at once: $QA_MAX_CONNECTIONS, else 16,384, and always 256 below the
    descriptor limit (the index, the model and the logs need some too). The more there are, the
    longer a slow client has before a flood of new connections pushes it out."""
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    asked = int(os.environ.get("QA_MAX_CONNECTIONS") or 16_384)
    return max(16, min(asked, soft - 256))


HELD_BODY = 65_536  # bytes: a request's body up to this is gathered before the app starts on it


def _whole(data: bytes) -> int | None:
    """How long the request that `data` opens is when its headers are all there and promise a body of at most
    HELD_BODY bytes (Content-Length); else None."""
    end = data.find(b"\r\n\r\n")
    if end < 0:
        return None
    m = re.search(rb"(?im)^content-length:[ \t]*(\d{1,9})[ \t]*\r?$", data[:end + 2])
    if m is None or int(m.group(1)) > HELD_BODY:
        return None
    return end + 4 + int(m.group(1))


def guard(idle: float | None = None, most: int | None = None) -> None:
    """Bounds every connection uvicorn's HTTP protocol (h11) makes in this process; see above."""
    import h11
    import uvicorn.config
    from uvicorn.protocols.http.h11_impl import H11Protocol

    uvicorn.config.HTTP_PROTOCOLS["auto"] = "uvicorn.protocols.http.h11_impl:H11Protocol"  # the one guarded here
    idle = idle or float(os.environ.get("QA_IDLE_SECONDS") or IDLE_SECONDS)
    most = most or most_connections()
    if getattr(H11Protocol, "_qa_guard", None) == (idle, most):
        return
    made, received, lost = (getattr(H11Protocol, f"_qa_{n}", getattr(H11Protocol, n))
                            for n in ("connection_made", "data_received", "connection_lost"))
    closed = {"count": 0, "logged": 0.0, "open": 0}
    fresh: OrderedDict = OrderedDict()  # connections no whole request has come on yet, the quietest first

    def waiting(p) -> bool:  # on the client: the request not yet all here
        return p.conn.their_state in (h11.IDLE, h11.SEND_BODY) and not p.transport.is_closing()

    def close(p) -> None:
        fresh.pop(p, None)
        if not getattr(p, "_qa_closed", False):
            p._qa_closed = True
            closed["open"] -= 1
        p.transport.abort()
        closed["count"] += 1
        now = p.loop.time()
        if now - closed["logged"] >= LOG_EVERY:
            _log.warning("qa: closed %d connections that sent nothing for %g s (or past %d at once)",
                         closed["count"], idle, most)
            closed["count"], closed["logged"] = 0, now

    def check(p) -> None:
        if p.transport.is_closing():
            return
        quiet = p.loop.time() - p._qa_last
        if waiting(p) and quiet >= idle:
            close(p)
        else:
            p._qa_timer = p.loop.call_later(max(0.5, idle - quiet if waiting(p) else idle), check, p)

    def connection_made(self, transport):
        made(self, transport)
        self._qa_last = self.loop.time()
        self._qa_timer = self.loop.call_later(idle, check, self)
        fresh[self] = None
        closed["open"] += 1
        if closed["open"] > most:  # full: the quietest that never asked anything makes room
            quietest = next(iter(fresh))
            close(quietest if quietest is not self else self)

    def data_received(self, data):
        self._qa_last = self.loop.time()
        held = getattr(self, "_qa_held", None)
        if held is not None:  # a small body being gathered before the app hears of its request
            held += data
            if len(held) < self._qa_need:
                return
            data, self._qa_held = bytes(held), None
        elif self in fresh and self.conn.their_state is h11.IDLE:
            need = _whole(data)
            if need is not None and len(data) < need:
                self._qa_held, self._qa_need = bytearray(data), need
                return
        received(self, data)
        if self in fresh:
            if self.conn.their_state is h11.IDLE or self.conn.their_state is h11.SEND_BODY:
                fresh.move_to_end(self)
            else:
                del fresh[self]  # a whole request came: a client, not an attack

    def connection_lost(self, exc):
        fresh.pop(self, None)
        if not getattr(self, "_qa_closed", False):
            self._qa_closed = True
            closed["open"] -= 1
        timer = getattr(self, "_qa_timer", None)
        if timer is not None:
            timer.cancel()
        lost(self, exc)

    for name, fn in (("connection_made", made), ("data_received", received), ("connection_lost", lost)):
        setattr(H11Protocol, f"_qa_{name}", fn)
    H11Protocol.connection_made, H11Protocol.data_received = connection_made, data_received
    H11Protocol.connection_lost = connection_lost
    H11Protocol._qa_guard = (idle, most)
