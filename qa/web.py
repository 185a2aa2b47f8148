"""The chat page (Gradio): a question in, the best passages out, each with its date and source.

Beside the chat: filters (a range of years, best-first or newest-first) and a timeline of
the dated passages with the current answer's marked. The page shows the index's status and
can rebuild it; a new index, from the page or from `qa build`, is picked up without a
restart (see `live`). What the server allows is set in one place, `SETTINGS`: it listens on
127.0.0.1 unless told otherwise, enforces the question limit itself, shows no stack traces,
serves no file routes into the project, leaves monitoring off, and asks for a login when
one is given. Nothing is fetched from the web (no analytics, system fonts only).
Left out: accounts and roles (one shared login), HTTPS (put a reverse proxy in front).
"""

from __future__ import annotations

import errno
import json
import os
import sys
import traceback
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import QAError
from .workspace import Workspace

EXAMPLES = [
    "What did ACE do in 2018?",
    "When did ACE hand over the 70,000 signatures?",
    "Which networks is ACE a board member of?",
    "What is the most recent activity on record?",
]
AUTH_ENV = "QA_AUTH"  # "user:password" asks for a login
HOSTS_ENV = "QA_ALLOWED_HOSTS"  # more Host names the page answers to, comma-separated


@dataclass(frozen=True)
class Settings:
    """Everything the server allows, in one place (a test reads them back from a running page)."""

    host: str = "127.0.0.1"  # $GRADIO_SERVER_NAME or --host to expose it
    port: int = 7860  # $GRADIO_SERVER_PORT or --port
    concurrency: int = 4  # questions answered at once: more threads only contend for the GIL
    queue_size: int = 256  # questions waiting beyond that are refused with "queue full", not held forever
    status_update_seconds: float = 2.0  # queue-position updates to waiting users, at most this often
    rebuilds_at_once: int = 1
    show_error: bool = False  # errors reach the user as one line, never a stack trace
    enable_monitoring: bool = False  # no /monitoring dashboard
    mcp_server: bool = False
    ssr_mode: bool = False  # no Node server beside Python
    max_file_size: str = "1kb"  # nothing is uploaded to this page (the upload route is closed too)
    max_body: int = 64 * 1024  # bytes a request may carry; refused before it is read (see gate)
    footer_links: tuple[str, ...] = ("api",)  # the API page stays: gradio_client and the load script use it
    blocked: tuple[str, ...] = ("corpus folder", "index folder", "working folder")  # never served by a file route


SETTINGS = Settings()


def _offline_gradio():
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    import gradio as gr

    return gr


def parse_auth(text: str | None) -> tuple[str, str] | None:
    """"user:password" -> ("user", "password"); QAError for anything else.

    >>> parse_auth("staff:s3cret:x")
    ('staff', 's3cret:x')
    """
    if not text:
        return None
    user, sep, password = text.partition(":")
    if not sep or not user or not password:
        raise QAError("a login must be given as user:password (e.g. --auth staff:long-secret)")
    return user, password


def _status_line(live) -> str:
    from .dates import readable_date

    st = live.status()
    span = f", dated {readable_date(st.first_date)} to {readable_date(st.last_date)}" if st.first_date else ""
    docs = f"{st.documents} document{'s' * (st.documents != 1)}"
    return f"{docs}, {st.chunks} passages{span}; index built {st.built_at}"


ANY_YEAR = "any"


def _year(value) -> int | None:
    if value in (None, "", ANY_YEAR):
        return None
    try:
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise TypeError
        year = int(float(value))
    except (TypeError, ValueError, OverflowError):
        raise QAError(f"a year must be a number, got {value!r}") from None
    if not 1000 <= year <= 2999:
        raise QAError(f"a year must lie between 1000 and 2999, got {year}")
    return year


def _years_of(chunks) -> list[int]:
    """Every year a passage mentions, in order (the choices of the year filters)."""
    return sorted({int(d[:4]) for c in chunks for pair in c.dates for d in pair if d})


TIMELINE_POINTS = 1500  # beyond this many dated passages the plot shows an even sample (and every answer's)


class Timeline:
    """The timeline's rows for one index, built once; each answer only sets their scores.

    One row per dated passage: its date, a short text, its document, and its score in this
    answer (0 when the answer doesn't show it), so the answer's passages stand above the rest.
    A large corpus is thinned to an even sample of about TIMELINE_POINTS, keeping the answer's.
    """

    def __init__(self, chunks):
        import pandas as pd

        from .dates import readable_date

        self.dated = [c for c in chunks if c.date]
        self.row = {(c.source, c.line, c.text): n for n, c in enumerate(self.dated)}
        self.frame = pd.DataFrame({
            "date": pd.to_datetime([c.date + "-01-01"[len(c.date) - 4:] if len(c.date) < 10 else c.date
                                    for c in self.dated]),
            "when": [readable_date(c.date, c.date_end) for c in self.dated],
            "document": [c.source.rsplit("/", 1)[-1] for c in self.dated],
            "passage": [c.text if len(c.text) <= 140 else c.text[:137] + "…" for c in self.dated],
            "score in this answer": 0.0,
        })
        step = max(1, -(-len(self.dated) // TIMELINE_POINTS))
        self.sample = list(range(0, len(self.dated), step))

    def for_answer(self, hits=()):
        rows = {self.row[k]: h.score for h in hits if (k := (h.source, h.line, h.text)) in self.row}
        frame = self.frame.iloc[sorted(set(self.sample) | set(rows))].copy()
        for n, score in rows.items():
            frame.loc[n, "score in this answer"] = round(score, 2)
        return frame.reset_index(drop=True)


MAX_TURNS = 50  # the conversation kept per browser tab (the page shows it; the server holds it)


def _passages(value) -> int:
    """The "passages per answer" input as a whole number from 1 to 20; QAError for anything else."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise QAError(f"passages per answer must be a whole number from 1 to 20, got {value!r}")
    try:
        n = float(value)
    except ValueError:
        raise QAError(f"passages per answer must be a whole number from 1 to 20, got {value!r}") from None
    if not (1 <= n <= 20) or n != int(n):
        raise QAError(f"passages per answer must be a whole number from 1 to 20, got {value!r}")
    return int(n)


ORDERS = ("best first", "newest first")


def _order(value) -> bool:
    if value not in ORDERS:
        raise QAError(f"order must be 'best first' or 'newest first', got {value!r}")
    return value == "newest first"


class Page:
    """What the page's handlers share: the live index, its timelines, the folders it names."""

    def __init__(self, workspace: Workspace):
        self.index_dir, self.corpus = workspace.index, workspace.corpus
        self.live = workspace.live()
        self._timelines: dict[str, Timeline] = {}

    def timeline(self, index) -> Timeline:
        if index.generation not in self._timelines:
            self._timelines.clear()
            self._timelines[index.generation] = Timeline(index.chunks)
        return self._timelines[index.generation]

    def public(self, text: str) -> str:
        """`text` without the server's absolute paths: the corpus and index folders by their names."""
        for folder in (self.corpus, self.index_dir, Path.cwd()):
            for form in {str(folder.resolve()), str(folder)}:
                if Path(form).is_absolute() and len(form) > 1:
                    text = text.replace(form, folder.name)
        return text

    def shown(self, hit):
        """A passage as the page names its source: the corpus folder's name, then the file's path in it."""
        prefix = self.live.get().manifest.corpus.rstrip("/") + "/"
        if hit.source.startswith(prefix):
            return replace(hit, chunk=replace(hit.chunk, source=f"{self.corpus.name}/{hit.source[len(prefix):]}"))
        return hit

    def answer(self, message, k, from_year, to_year, order) -> tuple[str, object]:
        """The answer to one question as Markdown, and the timeline with its passages marked."""
        from .searching import Filters, search
        from .showing import markdown, time_note

        index = self.live.get()
        try:
            if message is None:
                message = ""
            if not isinstance(message, str):
                raise QAError("a question must be text")
            filters = Filters(_year(from_year), _year(to_year), _order(order))
            result = search(index, self.live.embedder, message, _passages(k), filters=filters)
        except QAError as e:
            return f"⚠️ {self.public(str(e))}", self.timeline(index).for_answer()
        except Exception:  # a bug: the user gets one line, the server's log the traceback
            traceback.print_exc()
            return "⚠️ Something went wrong answering that; the details are in the server's log.", \
                self.timeline(index).for_answer()
        note = time_note(result)
        text = (f"*{note}*\n\n" if note else "") + markdown([self.shown(h) for h in result.hits])
        return text, self.timeline(index).for_answer(result.hits)

    def respond(self, message, history, k, from_year, to_year, order):
        """The chat's turn: the question and its answer added to the conversation, the box emptied."""
        from .showing import escape_markdown

        history = list(history or [])[-2 * (MAX_TURNS - 1):]
        if not isinstance(message, str) or not message.strip():
            return history, "", self.timeline(self.live.get()).for_answer(), history
        text, timeline = self.answer(message, k, from_year, to_year, order)
        history += [{"role": "user", "content": escape_markdown(message)}, {"role": "assistant", "content": text}]
        return history, "", timeline, history

    def status(self) -> str:
        from .showing import escape_markdown

        line = f"<small>{_status_line(self.live)}</small>"  # numbers and dates only
        problem = self.live.status().problem
        if problem:
            line += (f"  \n<small>⚠️ A newer index failed its checks and was not taken; still answering from this one."
                     f" ({escape_markdown(self.public(problem))})</small>")
        return line

    def rebuild(self, progress) -> str:
        from .showing import escape_markdown

        def step(done: int, total: int) -> None:
            if total:
                progress((done, total), desc="Embedding new passages", unit="passages")

        try:
            report = self.live.rebuild(step)
        except QAError as e:
            return f"{self.status()}  \n⚠️ {escape_markdown(self.public(str(e)))}"
        skipped = "".join(f"  \n⚠️ skipped {escape_markdown(p)}: {escape_markdown(why)}" for p, why in report.skipped)
        summary = report.summary(Path(escape_markdown(self.index_dir.name)))
        return f"{self.status()}  \n<small>Rebuilt: {summary}</small>{skipped}"


@dataclass
class _Parts:
    """The page's components that its events connect."""

    status: object
    rebuild: object
    chat: object
    history: object
    question: object
    send: object
    options: list  # passages per answer, from year, to year, order
    timeline: object


def _layout(gr, page: Page) -> _Parts:
    """Header and status, the chat with its box, examples and options, and the timeline beside it."""
    gr.Markdown("## Dated-passage QA\nAsk about the documents; each answer lists the passages that"
                " answer it, with their dates and sources.")
    with gr.Row():
        status = gr.Markdown(page.status(), elem_id="index-status")
        rebuild = gr.Button("Rebuild index", size="sm", scale=0, elem_id="rebuild")
    with gr.Row():
        with gr.Column(scale=3):
            chat = gr.Chatbot(label="Answers", height="60vh", elem_id="chat")
            history = gr.State([], time_to_live=24 * 3600)  # the conversation, kept on the server
            with gr.Row():
                question = gr.Textbox(placeholder="Ask a question, e.g. What happened in November 2019?",
                                      show_label=False, scale=7, elem_id="question")
                send = gr.Button("Send", variant="primary", scale=1, min_width=80, elem_id="send")
            with gr.Row(elem_id="examples"):
                for q in EXAMPLES:  # fill in the question, in the browser only
                    gr.Button(q, size="sm", variant="secondary", min_width=0).click(
                        None, None, question, js=f"() => {json.dumps(q)}")
            with gr.Accordion("Options and filters", open=True):
                years = [ANY_YEAR] + [str(y) for y in _years_of(page.live.get().chunks)]
                options = [
                    gr.Slider(1, 20, value=5, step=1, label="Passages per answer", elem_id="passages"),
                    gr.Dropdown(years, value=ANY_YEAR, label="From year", allow_custom_value=True, elem_id="from-year"),
                    gr.Dropdown(years, value=ANY_YEAR, label="To year", allow_custom_value=True, elem_id="to-year"),
                    gr.Radio(list(ORDERS), value=ORDERS[0], label="Order", elem_id="order"),
                ]
        with gr.Column(scale=2):
            # The answer's passages are marked by height (their score), not colour: a native
            # plot keeps the colour categories of its first value.
            timeline = gr.ScatterPlot(
                page.timeline(page.live.get()).for_answer(), x="date", y="score in this answer",
                tooltip=["when", "passage", "document", "score in this answer"], height=300,
                title="Dated passages (the answer's stand above the line)", elem_id="timeline")
    return _Parts(status, rebuild, chat, history, question, send, options, timeline)


def build_app(workspace: Workspace):
    """The page over the workspace's index (which must exist), rebuilding it from its corpus on request.

    Every event that answers goes through the queue. preprocess=False: the handlers get the
    values as sent and check each themselves, so a bad type from a hostile client is answered
    with a line saying what is wrong.
    """
    gr = _offline_gradio()
    page = Page(workspace)

    def rebuild(progress=gr.Progress()) -> str:  # noqa: B008 - how Gradio hands a handler its progress bar
        return page.rebuild(progress)

    quiet = {"api_visibility": "undocumented", "concurrency_limit": SETTINGS.concurrency, "preprocess": False}
    with gr.Blocks(title="Dated-passage QA", fill_height=True) as app:
        p = _layout(gr, page)
        for trigger in (p.question.submit, p.send.click):
            trigger(page.respond, [p.question, p.history, *p.options], [p.chat, p.question, p.timeline, p.history],
                    **quiet)
        # The API: gradio_client's predict(question, k, from, to, order, api_name="/chat") and
        # Gradio's REST call POST /gradio_api/call/chat.
        api_answer = gr.Markdown(visible=False)
        gr.Button(visible=False).click(page.answer, [p.question, *p.options], [api_answer, p.timeline],
                                       api_name="chat", concurrency_limit=SETTINGS.concurrency, preprocess=False)
        p.rebuild.click(rebuild, outputs=p.status, api_name="rebuild", concurrency_limit=SETTINGS.rebuilds_at_once)
        app.load(page.status, outputs=p.status, api_visibility="undocumented")
    app.queue(max_size=SETTINGS.queue_size, default_concurrency_limit=SETTINGS.concurrency,
              status_update_rate=SETTINGS.status_update_seconds)
    return app


def events_of(app) -> dict[int, tuple[str | None, int]]:
    """Each event of the page by its number: its API name (None when it has none) and how many inputs it takes."""
    return {n: (fn.api_name if isinstance(fn.api_name, str) else None, len(fn.inputs)) for n, fn in app.fns.items()}


def allowed_hosts(host: str, extra: str | None = None) -> frozenset[str]:
    """The Host names the page answers to: the address it listens on, localhost, and those
    given (--allowed-hosts or $QA_ALLOWED_HOSTS, comma-separated; "*" for any). Listening on
    every address (0.0.0.0) adds this machine's own names."""
    import socket

    hosts = {host.lower(), "localhost", "127.0.0.1", "::1"}
    if host in ("0.0.0.0", "::", ""):
        hosts |= {socket.gethostname().lower(), socket.getfqdn().lower()}
    for name in (extra or os.environ.get(HOSTS_ENV) or "").split(","):
        if name.strip():
            hosts.add(name.strip().lower())
    return frozenset(hosts)


def launch_options(host: str | None, port: int | None, auth: tuple[str, str] | None, roots: list[Path],
                   app=None, hosts: str | None = None) -> dict:
    """The keyword arguments for Blocks.launch, from SETTINGS and what the command line gave."""
    from starlette.middleware import Middleware

    from .gate import Gate

    gr = _offline_gradio()
    theme = gr.themes.Default(font=["ui-sans-serif", "system-ui", "sans-serif"],
                              font_mono=["ui-monospace", "SFMono-Regular", "monospace"])
    server_name = host or os.environ.get("GRADIO_SERVER_NAME") or SETTINGS.host
    gate = Middleware(Gate, hosts=allowed_hosts(server_name, hosts), max_body=SETTINGS.max_body,
                      events=lambda: events_of(app))
    return {
        "server_name": server_name,
        "server_port": port or _port(os.environ.get("GRADIO_SERVER_PORT")) or SETTINGS.port,
        "auth": auth,
        "theme": theme,
        "show_error": SETTINGS.show_error,
        "enable_monitoring": SETTINGS.enable_monitoring,
        "mcp_server": SETTINGS.mcp_server,
        "ssr_mode": SETTINGS.ssr_mode,
        "max_file_size": SETTINGS.max_file_size,
        "footer_links": list(SETTINGS.footer_links),
        "blocked_paths": [str(p.resolve()) for p in roots],
        "app_kwargs": {"middleware": [gate]},
        "quiet": True,  # no advice about share links; `serve` says where the page is
    }


def _port(text: str | None) -> int | None:
    if not text:
        return None
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise QAError(f"a port must be a number from 1 to 65535, got {text!r}")
    return int(text)


def _check_address(host: str, port: int) -> None:
    """QAError in one line when the page could not listen there (a busy port, an unknown address)."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise QAError(f"cannot listen on {host}: no such address on this machine (try --host 127.0.0.1)") from None
    family, _, _, _, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(address)
        except OSError as e:
            if e.errno == errno.EADDRINUSE:
                raise QAError(f"port {port} on {host} is in use: stop what runs there or pick another with"
                              " --port") from None
            raise QAError(f"cannot listen on {host}:{port}: {e.strerror}") from None


def serve(workspace: Workspace, host: str | None = None, port: int | None = None, auth: str | None = None,
          hosts: str | None = None):
    """Serves the page over the workspace's index (which must exist) until interrupted."""
    login = parse_auth(auth or os.environ.get(AUTH_ENV))
    app = build_app(workspace)
    options = launch_options(host, port, login, [workspace.corpus, workspace.index, Path.cwd()], app, hosts)
    _check_address(options["server_name"], options["server_port"])
    host_shown = f"[{options['server_name']}]" if ":" in options["server_name"] else options["server_name"]
    print(f"qa: serving the page at http://{host_shown}:{options['server_port']}/ (Ctrl-C to stop)", file=sys.stderr)
    app.launch(**options)
