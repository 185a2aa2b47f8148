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

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import QAError

EXAMPLES = [
    "What did ACE do in 2018?",
    "When did ACE hand over the 70,000 signatures?",
    "Which networks is ACE a board member of?",
    "What is the most recent activity on record?",
]
AUTH_ENV = "QA_AUTH"  # "user:password" asks for a login


@dataclass(frozen=True)
class Settings:
    """Everything the server allows, in one place (a test reads them back from a running page)."""

    host: str = "127.0.0.1"  # $GRADIO_SERVER_NAME or --host to expose it
    port: int = 7860  # $GRADIO_SERVER_PORT or --port
    concurrency: int = 4  # questions answered at once: more threads only contend for the GIL (16 gave p95 +30%)
    queue_size: int = 256  # questions waiting beyond that are refused with "queue full", not held forever
    status_update_seconds: float = 2.0  # queue-position updates to waiting users, at most this often
    rebuilds_at_once: int = 1
    show_error: bool = False  # errors reach the user as one line, never a stack trace
    enable_monitoring: bool = False  # no /monitoring dashboard
    mcp_server: bool = False
    ssr_mode: bool = False  # no Node server beside Python
    max_file_size: str = "1kb"  # nothing is uploaded to this page
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
    from .showing import readable_date

    st = live.status()
    span = f", dated {readable_date(st.first_date)} to {readable_date(st.last_date)}" if st.first_date else ""
    docs = f"{st.documents} document{'s' * (st.documents != 1)}"
    return f"{docs}, {st.chunks} passages{span}; index built {st.built_at}"


ANY_YEAR = "any"


def _year(value) -> int | None:
    if value in (None, "", ANY_YEAR):
        return None
    try:
        year = int(float(value))
    except (TypeError, ValueError):
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

        from .showing import readable_date

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


def build_app(index_dir: Path, model: str | None = None, corpus: Path = Path("corpus")):
    """The page over the index in `index_dir` (which must exist), rebuilding from `corpus` on request."""
    gr = _offline_gradio()
    from .live import LiveIndex
    from .searching import Filters, search
    from .showing import markdown, time_note

    live = LiveIndex(corpus, index_dir, model)
    timelines: dict[str, Timeline] = {}

    def timeline_of(index) -> Timeline:
        if index.generation not in timelines:
            timelines.clear()
            timelines[index.generation] = Timeline(index.chunks)
        return timelines[index.generation]

    def answer(message: str, history: list, k: float, from_year, to_year, order: str):
        index = live.get()
        try:
            filters = Filters(_year(from_year), _year(to_year), order == "newest first")
            result = search(index, live.embedder, message, int(k), filters=filters)
        except QAError as e:
            return f"⚠️ {e}", timeline_of(index).for_answer()
        note = time_note(result)
        text = (f"*{note}*\n\n" if note else "") + markdown(result.hits)
        return text, timeline_of(index).for_answer(result.hits)

    def status() -> str:
        return f"<small>{_status_line(live)}</small>"

    def rebuild(progress=gr.Progress()) -> str:  # noqa: B008 - how Gradio asks for a progress bar
        def step(done: int, total: int) -> None:
            if total:
                progress((done, total), desc="Embedding new passages", unit="passages")

        try:
            report = live.rebuild(step)
        except QAError as e:
            return f"{status()}  \n⚠️ {e}"
        skipped = "".join(f"  \n⚠️ skipped {p}: {why}" for p, why in report.skipped)
        return f"{status()}  \n<small>Rebuilt: {report.summary(index_dir)}</small>{skipped}"

    with gr.Blocks(title="Dated-passage QA", fill_height=True) as app:
        gr.Markdown("## Dated-passage QA\nAsk about the documents; each answer lists the passages that"
                    " answer it, with their dates and sources.")
        with gr.Row():
            status_box = gr.Markdown(status(), elem_id="index-status")
            rebuild_button = gr.Button("Rebuild index", size="sm", scale=0, elem_id="rebuild")
        with gr.Row():
            with gr.Column(scale=3):
                k = gr.Slider(1, 20, value=5, step=1, label="Passages per answer", render=False,
                              elem_id="passages")
                years = [ANY_YEAR] + [str(y) for y in _years_of(live.get().chunks)]
                from_year = gr.Dropdown(years, value=ANY_YEAR, label="From year", allow_custom_value=True,
                                        render=False, elem_id="from-year")
                to_year = gr.Dropdown(years, value=ANY_YEAR, label="To year", allow_custom_value=True,
                                      render=False, elem_id="to-year")
                order = gr.Radio(["best first", "newest first"], value="best first", label="Order",
                                 render=False, elem_id="order")
                # The answer's passages are marked by height (their score), not colour: a native
                # plot keeps the colour categories of its first value.
                timeline = gr.ScatterPlot(
                    timeline_of(live.get()).for_answer(), x="date", y="score in this answer",
                    tooltip=["when", "passage", "document", "score in this answer"], height=300, render=False,
                    title="Dated passages (the answer's stand above the line)", elem_id="timeline")
                gr.ChatInterface(
                    answer,
                    additional_inputs=[k, from_year, to_year, order],
                    additional_inputs_accordion=gr.Accordion("Options and filters", open=True, render=False),
                    additional_outputs=[timeline],
                    examples=[[q, 5, ANY_YEAR, ANY_YEAR, "best first"] for q in EXAMPLES],
                    chatbot=gr.Chatbot(label="Answers", height="60vh"),
                    textbox=gr.Textbox(placeholder="Ask a question, e.g. What happened in November 2019?", scale=7,
                                       elem_id="question"),
                    api_name="chat",
                    concurrency_limit=SETTINGS.concurrency,
                )
            with gr.Column(scale=2):
                timeline.render()
        rebuild_button.click(rebuild, outputs=status_box, api_name="rebuild",
                             concurrency_limit=SETTINGS.rebuilds_at_once)
        app.load(status, outputs=status_box, api_name=False)
    app.queue(max_size=SETTINGS.queue_size, default_concurrency_limit=SETTINGS.concurrency,
              status_update_rate=SETTINGS.status_update_seconds)
    return app


def launch_options(host: str | None, port: int | None, auth: tuple[str, str] | None, roots: list[Path]) -> dict:
    """The keyword arguments for Blocks.launch, from SETTINGS and what the command line gave."""
    gr = _offline_gradio()
    theme = gr.themes.Default(font=["ui-sans-serif", "system-ui", "sans-serif"],
                              font_mono=["ui-monospace", "SFMono-Regular", "monospace"])
    return {
        "server_name": host or os.environ.get("GRADIO_SERVER_NAME") or SETTINGS.host,
        "server_port": port or int(os.environ.get("GRADIO_SERVER_PORT") or SETTINGS.port),
        "auth": auth,
        "theme": theme,
        "show_error": SETTINGS.show_error,
        "enable_monitoring": SETTINGS.enable_monitoring,
        "mcp_server": SETTINGS.mcp_server,
        "ssr_mode": SETTINGS.ssr_mode,
        "max_file_size": SETTINGS.max_file_size,
        "footer_links": list(SETTINGS.footer_links),
        "blocked_paths": [str(p.resolve()) for p in roots],
    }


def serve(corpus: Path, index: Path, model: str | None = None, host: str | None = None, port: int | None = None,
          auth: str | None = None):
    """Builds the index if it is missing or stale, then serves the page until interrupted."""
    from .building import is_current
    from .cli import build_index, model_for

    login = parse_auth(auth or os.environ.get(AUTH_ENV))
    model = model_for(index, model)
    if not is_current(corpus, index, model):
        print(f"qa: {index}/ is missing or out of date; building it from {corpus}/", file=sys.stderr)
        build_index(corpus, index, model)
    app = build_app(index, model, corpus)
    app.launch(**launch_options(host, port, login, [corpus, index, Path.cwd()]))
