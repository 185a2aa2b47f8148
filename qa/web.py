"""The chat page (Gradio): a question in, the best passages out, each with its date and source.

Served on 127.0.0.1:7860 unless told otherwise; nothing is fetched from the web (no
analytics, system fonts only). Left out: login, rebuilding from the page, timelines.
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


def build_app(index_dir: Path, model: str | None = None):
    """The page over the index in `index_dir` (which must exist)."""
    gr = _offline_gradio()
    from .cli import open_index
    from .searching import search
    from .showing import markdown, readable_date, time_note

    index, embedder = open_index(index_dir, model)
    m = index.manifest
    dated = sorted(c.date for c in index.chunks if c.date)
    span = f", dated {readable_date(dated[0])} to {readable_date(dated[-1])}" if dated else ""
    docs = f"{len(m.files)} document{'s' * (len(m.files) != 1)}"
    status = f"{docs}, {m.chunk_count} passages{span}; index built {m.built_at}"

    def answer(message: str, history: list, k: float) -> str:
        try:
            result = search(index, embedder, message, int(k))
        except QAError as e:
            return f"⚠️ {e}"
        note = time_note(result)
        return (f"*{note}*\n\n" if note else "") + markdown(result.hits)

    with gr.Blocks(title="Dated-passage QA", fill_height=True) as app:
        gr.Markdown(f"## Dated-passage QA\nAsk about the documents; each answer lists the passages that"
                    f" answer it, with their dates and sources.  \n<small>{status}</small>")
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
    app = build_app(index, model)
    host = host or os.environ.get("GRADIO_SERVER_NAME") or DEFAULT_HOST
    port = port or int(os.environ.get("GRADIO_SERVER_PORT") or DEFAULT_PORT)
    theme = gr.themes.Default(font=["ui-sans-serif", "system-ui", "sans-serif"],
                              font_mono=["ui-monospace", "SFMono-Regular", "monospace"])
    app.launch(server_name=host, server_port=port, theme=theme, show_error=False, footer_links=["api"])
