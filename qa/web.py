"""The chat page (Gradio): a question in, the best passages out, each with its date and source.

Served on 127.0.0.1:7860 unless told otherwise; nothing is fetched from the web (no
analytics, system fonts only). The page shows the index's status and can rebuild it; a
new index, from the page or from `qa build`, is picked up without a restart (see `live`).
Left out: login, timelines.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .errors import QAError

EXAMPLES = [
    "What did ACE do in 2018?",
    "When did ACE hand over the 70,000 signatures?",
    "Which networks is ACE a board member of?",
    "What is the most recent activity on record?",
]
DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 7860


def _offline_gradio():
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    import gradio as gr

    return gr


def _status_line(live) -> str:
    from .showing import readable_date

    st = live.status()
    span = f", dated {readable_date(st.first_date)} to {readable_date(st.last_date)}" if st.first_date else ""
    docs = f"{st.documents} document{'s' * (st.documents != 1)}"
    return f"{docs}, {st.chunks} passages{span}; index built {st.built_at}"


def build_app(index_dir: Path, model: str | None = None, corpus: Path = Path("corpus")):
    """The page over the index in `index_dir` (which must exist), rebuilding from `corpus` on request."""
    gr = _offline_gradio()
    from .live import LiveIndex
    from .searching import search
    from .showing import markdown, time_note

    live = LiveIndex(corpus, index_dir, model)

    def answer(message: str, history: list, k: float) -> str:
        try:
            result = search(live.get(), live.embedder, message, int(k))
        except QAError as e:
            return f"⚠️ {e}"
        note = time_note(result)
        return (f"*{note}*\n\n" if note else "") + markdown(result.hits)

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
        k = gr.Slider(1, 20, value=5, step=1, label="Passages per answer", render=False)
        gr.ChatInterface(
            answer,
            additional_inputs=[k],
            additional_inputs_accordion=gr.Accordion("Options", open=True),
            examples=[[q, 5] for q in EXAMPLES],
            chatbot=gr.Chatbot(label="Answers", height="70vh"),
            textbox=gr.Textbox(placeholder="Ask a question, e.g. What happened in November 2019?", scale=7),
            api_name="chat",
        )
        rebuild_button.click(rebuild, outputs=status_box, api_name="rebuild", concurrency_limit=1)
        app.load(status, outputs=status_box, api_name=False)
    return app


def serve(corpus: Path, index: Path, model: str | None = None, host: str | None = None, port: int | None = None):
    """Builds the index if it is missing or stale, then serves the page until interrupted."""
    from .building import is_current
    from .cli import build_index
    from .embedding import model_name

    if not is_current(corpus, index, model or model_name()):
        print(f"qa: {index}/ is missing or out of date; building it from {corpus}/", file=sys.stderr)
        build_index(corpus, index, model)
    gr = _offline_gradio()
    app = build_app(index, model, corpus)
    host = host or os.environ.get("GRADIO_SERVER_NAME") or DEFAULT_HOST
    port = port or int(os.environ.get("GRADIO_SERVER_PORT") or DEFAULT_PORT)
    theme = gr.themes.Default(font=["ui-sans-serif", "system-ui", "sans-serif"],
                              font_mono=["ui-monospace", "SFMono-Regular", "monospace"])
    app.launch(server_name=host, server_port=port, theme=theme, show_error=False, footer_links=["api"])
