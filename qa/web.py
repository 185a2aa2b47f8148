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

import calendar
import datetime
import errno
import gc
import html
import json
import os
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path

from .conversing import Conversation, describe
from .dates import JAPANESE
from .errors import QAError
from .searching import READ_FROM_QUESTION
from .showing import KEYWORDS_ONLY_JA, escape_markdown
from .suggesting import examples
from .timeline import Timeline
from .workspace import Workspace

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
    max_file_size: str = "1kb"  # nothing is uploaded to this page (the upload route is closed too) ...
    max_body: int = 64 * 1024  # bytes a request may carry; refused before it is read (see gate)
    upload_mb: float = 20.0  # ... unless uploads are allowed: then a file up to this, a few in one request
    uploads_at_once: int = 5
    sessions: int = 2000  # browser sessions whose state is kept (Gradio's default: 10,000, about 1 GB) ...
    session_hours: float = 2.0  # ... and a session (its conversation too) is dropped this long after its last use
    upload_cache_mb: float = 300.0  # Gradio's folder of uploads is not let past this ($QA_UPLOAD_CACHE_MB) ...
    upload_cache_minutes: float = 30.0  # ... and an upload older than this is deleted from it
    footer_links: tuple[str, ...] = ("api",)  # the API page stays: gradio_client and the load script use it
    blocked: tuple[str, ...] = ("corpus folder", "index folder", "working folder")  # never served by a file route


SETTINGS = Settings()


def _offline_gradio():
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    # the queue's record of past events (10,000 by default), read only by the monitoring page, which is off
    os.environ.setdefault("GRADIO_ANALYTICS_MAX_EVENTS", "100")
    import gradio as gr

    return gr


def session_seconds() -> float:
    """How long a browser session is kept after its last use: $QA_SESSION_HOURS, else SETTINGS.session_hours."""
    return float(os.environ.get("QA_SESSION_HOURS") or SETTINGS.session_hours) * 3600


def forget_idle_sessions(app, idle: float, every: float = 30.0) -> threading.Thread:
    """Drops, every `every` seconds, each session unused for `idle` seconds: Gradio deletes an expired
    state's value but keeps the session (a copy of the page's config, ~100-200 KB) until 2,000 newer
    ones push it out; its message queue and the record of its events go too; then hands the freed
    memory back to the system."""
    def run() -> None:
        while True:
            time.sleep(every)
            holder = getattr(app, "state_holder", None)
            if holder is None:
                continue
            now = datetime.datetime.now()
            queue = getattr(app, "_queue", None)
            with holder.lock:
                stale = [sid for sid, used in holder.time_last_used.items() if (now - used).total_seconds() > idle]
                for sid in stale:
                    holder.session_data.pop(sid, None)
                    holder.time_last_used.pop(sid, None)
                    # its messages' queue too, unless an event of its own is still running; Gradio leaves
                    # a finished session's entry as an empty set, which kept every queue before
                    if queue is not None and not queue.pending_event_ids_session.get(sid):
                        queue.pending_event_ids_session.pop(sid, None)
                        queue.pending_messages_per_session.pop(sid, None)
                if queue is not None and stale:  # and its events' record: kept, small as each is, it held
                    gone = set(stale)                  # ~25 MB of the heap's pages per 1,000 sessions
                    analytics = getattr(queue, "event_analytics", {})
                    for event, record in analytics.copy().items():  # (a copy: the server adds to it meanwhile)
                        if record.get("session_hash") in gone:
                            analytics.pop(event, None)
            if stale:
                gc.collect()
                _trim()

    thread = threading.Thread(target=run, name="forget-idle-sessions", daemon=True)
    thread.start()
    return thread


def _trim() -> None:
    """Gives freed heap memory back to the system (glibc keeps it otherwise)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


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


def ago(built_at: str, now: float | None = None, lang: str = "en") -> str:
    """ "2026-11-27T15:33:16Z" -> "5 minutes ago" (UTC timestamps, as the manifest writes them).

    >>> ago("2026-11-27T15:33:16Z", calendar.timegm((2026, 11, 27, 15, 38, 20)))
    '5 minutes ago'
    """
    try:
        then = calendar.timegm(time.strptime(built_at, "%Y-%m-%dT%H:%M:%SZ"))
    except ValueError:
        return built_at
    seconds = max(0, (time.time() if now is None else now) - then)
    for unit, ja, size in (("day", "日", 86400), ("hour", "時間", 3600), ("minute", "分", 60)):
        if seconds >= size:
            n = int(seconds // size)
            return f"{n}{ja}前" if lang == "ja" else f"{n} {unit}{'s' * (n != 1)} ago"
    return "たった今" if lang == "ja" else "just now"


def _status_line(st, lang: str = "en") -> str:
    """What the index holds (a workspace.Status), in the page's language."""
    from .dates import japanese_date, readable_date

    if lang == "ja":
        span = f"、{japanese_date(st.first_date)}〜{japanese_date(st.last_date)}" if st.first_date else ""
        return f"資料 {st.documents}件、記述 {st.chunks}件{span}。索引の作成：{ago(st.built_at, lang='ja')}"
    span = f", dated {readable_date(st.first_date)} to {readable_date(st.last_date)}" if st.first_date else ""
    docs = f"{st.documents} document{'s' * (st.documents != 1)}"
    return f"{docs}, {st.chunks} passages{span}; built {ago(st.built_at)}"


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


def _years_of(chunks) -> list[str]:
    """The years passages are dated in (the dates the status line and the timeline show; not a year a
    text only names, "by 2025"), in order, after "any": the choices of the year filters."""
    years = set()
    for c in chunks:
        if c.date:
            years.update(range(int(c.date[:4]), int((c.date_end or c.date)[:4]) + 1))
    return [ANY_YEAR] + [str(y) for y in sorted(years)]


def _outside(asked, years) -> bool:
    """Whether the time a question asks about lies wholly outside the person's year filter."""
    if asked is None or years is None or not asked.bounded or asked.order:
        return False
    return not years.overlaps(asked.start or "0001", asked.end)


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
MAX_TURNS = 50  # the conversation kept per browser tab (the page shows it; the server holds it)
CONTEXT = 2  # passages shown before and after one opened in context


def _order(value) -> bool:
    if value not in ORDERS:
        raise QAError(f"order must be 'best first' or 'newest first', got {value!r}")
    return value == "newest first"


@dataclass
class Chat:
    """One browser tab's conversation: the messages shown and what the engine remembers."""

    messages: list = field(default_factory=list)
    conversation: Conversation = field(default_factory=Conversation)


class Page:
    """What the page's handlers share: the live index, its timelines, the folders it names.
    Each handler is a method, called by Gradio and by the tests alike."""

    def __init__(self, workspace: Workspace):
        self.store, self.corpus = workspace.store, workspace.corpus
        self.live = workspace.live()
        self._timelines: dict[str, Timeline] = {}
        self._positions: dict[str, dict[int, int]] = {}

    def timeline(self, index) -> Timeline:
        if index.generation not in self._timelines:
            self._timelines.clear()
            self._timelines[index.generation] = Timeline(index.chunks)
        return self._timelines[index.generation]

    def public(self, text: str) -> str:
        """`text` without the server's absolute paths: the corpus and index folders by their names."""
        for folder in (self.corpus, *self.store.local_paths, Path.cwd()):
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

    def context(self, index, hit) -> list:
        """The passages around `hit` in its document (CONTEXT each side), in reading order, itself among them."""
        if index.generation not in self._positions:
            self._positions = {index.generation: {id(c): n for n, c in enumerate(index.chunks)}}
        at = self._positions[index.generation].get(id(hit.chunk))
        if at is None:
            return [hit.chunk]
        near = index.chunks[max(0, at - CONTEXT):at + CONTEXT + 1]
        return [c for c in near if c.source == hit.chunk.source]

    def _answer(self, message, k, from_year, to_year, order, conversation: Conversation | None):
        """The answer as Markdown, its hits, and the index it came from; QAError for bad inputs."""
        from .searching import Filters, search
        from .showing import markdown, reply_line

        index = self.live.get()
        if message is None:
            message = ""
        if not isinstance(message, str):
            raise QAError("a question must be text")
        filters = Filters(_year(from_year), _year(to_year), _order(order))
        n = _passages(k)
        if conversation is None:
            result, understood = search(index, self.live.embedder, message, n, filters=filters), None
        else:
            result, understood = conversation.ask(index, self.live.embedder, message, n, filters=filters)
        outside = _outside(result.time, filters.years)
        hits = [] if outside else result.hits
        text = markdown([self.shown(h) for h in hits], [self.context(index, h) for h in hits], message)
        said = reply_line(result)
        if said and not hits and result.empty_period:
            text = escape_markdown(said)
        elif said and hits:
            text = f"**{escape_markdown(said)}**\n\n" + text if not result.found else f"*{escape_markdown(said)}*\n\n" + text
        if understood is not None and understood.followup:  # what the follow-up took from the conversation
            text = f"<small>↪ {escape_markdown(describe(understood))}</small>\n\n" + text
        if JAPANESE.search(message):
            text = f"<small>{KEYWORDS_ONLY_JA}</small>\n\n" + text
        if filters.years is not None:
            text += self._hidden_by_filter(index, result, understood, n, from_year, to_year, outside)
        return text, hits, index

    def _hidden_by_filter(self, index, result, understood, k, from_year, to_year, outside: bool) -> str:
        """What the year filter hid, when it hid everything that would have answered (or the time
        the question asks about lies outside it)."""
        from .searching import Signals, search

        when = understood.when if understood is not None else READ_FROM_QUESTION
        signals = understood.signals if understood is not None else Signals()
        unfiltered = search(index, self.live.embedder, result.question, k, when=when, signals=signals)
        if not unfiltered.hits or not unfiltered.found:
            return ""
        shown = {h.chunk.source + str(h.chunk.line) for h in result.hits}
        if not outside and result.hits and unfiltered.hits[0].chunk.source + str(unfiltered.hits[0].chunk.line) in shown:
            return ""  # the passage that answers best is shown: the filter hid nothing that matters
        dates = sorted({h.date[:4] for h in unfiltered.hits if h.date})
        years = f"from {escape_markdown(str(from_year))} to {escape_markdown(str(to_year))}"
        found = f" (dated {', '.join(dates)})" if dates else ""
        why = (f"leaves out {result.time.describe().removeprefix('in ')}, the time the question asks about"
               if outside else "hides every passage that answers this" if not result.hits
               else "hides the passage that answers this best")
        return (f"\n\n⚠️ The year filter ({years}) {why}: {len(unfiltered.hits)} passages answer it without the"
                f" filter{found}. Press **Clear filters** under *Options and filters* to see them.")

    def _reply(self, message, k, from_year, to_year, order, conversation: Conversation | None, lang: str | None = None):
        """`_answer`, with whatever goes wrong as the one line the user reads instead; and the timeline."""
        index, hits = self.live.get(), []
        try:
            text, hits, index = self._answer(message, k, from_year, to_year, order, conversation)
        except QAError as e:
            text = f"⚠️ {self.public(str(e))}"
        except Exception:  # a bug: the user gets one line, the server's log the traceback
            traceback.print_exc()
            text = LABELS[lang or "en"]["error"]
        return text, self.timeline(index).svg(hits, lang or ("ja" if JAPANESE.search(str(message)) else "en"))

    def answer(self, message, k, from_year, to_year, order) -> tuple[str, str]:
        """The API's answer to one question, on its own: Markdown, and the timeline with its passages marked."""
        return self._reply(message, k, from_year, to_year, order, None)

    def respond(self, message, chat, k, from_year, to_year, order, lang: str = "en"):
        """The chat's turn: the question and its answer added to the conversation, the box emptied;
        the timeline's words in the page's language."""
        chat = chat if isinstance(chat, Chat) else Chat()
        index = self.live.get()
        if not isinstance(message, str) or not message.strip():
            return chat.messages, "", self.timeline(index).svg((), lang), chat
        text, timeline = self._reply(message, k, from_year, to_year, order, chat.conversation, lang)
        chat.messages = chat.messages[-2 * (MAX_TURNS - 1):] + [
            {"role": "user", "content": escape_markdown(message)}, {"role": "assistant", "content": text}]
        return chat.messages, "", timeline, chat

    def new_topic(self, lang: str = "en"):
        """A new conversation: the chat emptied, nothing carried over."""
        return [], "", self.timeline(self.live.get()).svg((), lang), Chat()

    def add(self, files, progress=None, lang: str = "en") -> tuple[str, str]:
        """Saves uploaded files into the corpus folder and rebuilds; the status, and what was done.
        A file whose content is already in the documents is not added again."""
        from .loading import file_hash
        from .uploading import save

        done, refused = [], []
        known = {h: rel for rel, h in self.live.get().manifest.files.items()}
        given = list(files or [])
        for item in given[SETTINGS.uploads_at_once:]:  # every file given is saved or named with its reason
            name = Path(getattr(item, "name", None) or str(item)).name
            refused.append(f"{name}: only {SETTINGS.uploads_at_once} files are added at once; add it again")
        for item in given[:SETTINGS.uploads_at_once]:
            path = Path(getattr(item, "name", None) or str(item))
            try:
                # Gradio keeps an upload under the name it came with, in a folder of its own.
                data = path.read_bytes()
                digest = file_hash(data)
                if digest in known:
                    refused.append(f"{path.name}: already in the documents as {known[digest]}; not added again")
                    continue
                added = save(self.corpus, path.name, data, SETTINGS.upload_mb)
                known[digest] = added.name
                done.append(f"added {added.name}" + (f" (a file named {added.asked} was there)" if added.renamed else ""))
            except (QAError, OSError) as e:
                refused.append(self.public(str(e)))
        if not done:
            return self.status(lang), "⚠️ " + escape_markdown("; ".join(refused) or "no file was given")
        status, report = self.rebuild(progress or (lambda *a, **k: None), lang)
        lines = [escape_markdown(x) for x in done] + [f"⚠️ {escape_markdown(r)}" for r in refused]
        return status, "  \n".join(lines) + "  \n" + report

    def remove(self, rel, progress=None, lang: str = "en") -> tuple[str, str]:
        """Moves a document into the trash and rebuilds; the status, and what was done."""
        from .uploading import remove

        try:
            where = remove(self.corpus, rel if isinstance(rel, str) else "", set(self.live.get().manifest.files))
        except (QAError, OSError) as e:
            return self.status(lang), f"⚠️ {escape_markdown(self.public(str(e)))}"
        status, report = self.rebuild(progress or (lambda *a, **k: None), lang)
        return status, f"moved {escape_markdown(rel)} to {escape_markdown(where)}  \n{report}"

    def documents(self) -> list[str]:
        return sorted(self.live.get().manifest.files)

    def status(self, lang: str = "en", rebuilding: bool = False) -> str:
        st = self.live.status()
        line = f"<small>{_status_line(st, lang)}</small>"  # numbers and dates only
        if rebuilding:  # the index in force still answers meanwhile
            line += "<small>" + ("（作り直し中。できるまで今の索引で答えます）" if lang == "ja"
                                 else " (rebuilding; answers come from this index until it is done)") + "</small>"
        skipped = self.live.index.manifest.skipped
        if skipped:
            items = "".join(f"<li>{html.escape(str(p))}: {html.escape(str(why))}</li>" for p, why in skipped)
            n = len(skipped)
            says = f"{n}件のファイルを読み込めませんでした" if lang == "ja" else f"{n} file{'s' * (n != 1)} skipped"
            line += f'\n\n<details id="skipped"><summary><small>{says}</small></summary><ul>{items}</ul></details>'
        problem = st.problem
        if problem:
            line += (f"  \n<small>⚠️ A newer index failed its checks and was not taken; still answering from this one."
                     f" ({escape_markdown(self.public(problem))})</small>")
        return line

    def refreshed(self, gr, seen: str | None = None, lang: str = "en"):
        """Status, year choices and timeline of the index in force (all skipped when `seen` is still current)."""
        index = self.live.get()
        if seen is not None and seen == index.generation:  # the same index: only "built 5 minutes ago" moves on
            return self.status(lang), gr.skip(), gr.skip(), gr.skip(), seen
        years = _years_of(index.chunks)
        return (self.status(lang), gr.update(choices=years), gr.update(choices=years),
                self.timeline(index).svg((), lang), index.generation)

    def rebuild(self, progress, lang: str = "en") -> tuple[str, str]:
        """Rebuilds the index; the status line, and what the build did in words (or why it could not)."""
        def step(done: int, total: int) -> None:
            if total:
                progress((done, total), desc=LABELS[lang]["embedding"], unit="passages")

        try:
            report = self.live.rebuild(step)
        except QAError as e:
            return self.status(lang), f"⚠️ {escape_markdown(self.public(str(e)))}"
        skipped = "".join(f"  \n⚠️ {escape_markdown(p)}: {escape_markdown(why)}" for p, why in report.skipped)
        return self.status(lang), f"✅ {escape_markdown(report.outcome(lang))}{skipped}"


LABELS = {  # the page's own words; the browser's language picks them (Japanese when it asks for it)
    "en": {"intro": "## Dated-passage QA\nAsk about the documents; each answer lists the passages that answer it,"
                    " with their dates and sources. Ask follow-up questions as you would a person.",
           "rebuild": "Rebuild index", "placeholder": "Ask a question, e.g. What happened in November 2019?",
           "send": "Send", "new_topic": "New topic", "options": "Options and filters",
           "passages": "Passages per answer", "from_year": "From year", "to_year": "To year", "order": "Order",
           "clear": "Clear filters", "documents": "Add or remove documents", "drop": "Drop or choose files",
           "add": "Add to the documents", "document": "A document", "remove": "Move it to the trash",
           "question": "Question", "title": "Dated-passage QA", "embedding": "Embedding new passages",
           "rebuilding": "⏳ Rebuilding the index: reading the documents…", "adding": "⏳ Adding the files…",
           "removing": "⏳ Moving the document to the trash…",
           "error": "⚠️ Something went wrong answering that; the details are in the server's log.",
           "chat_placeholder": "**Ask about the documents.** Each answer lists the passages that answer it, with"
                               " their dates and sources; open a passage to read it in its document. Then ask on:"
                               " *when did she go there?*, *and the year after?* — or start a **New topic**."},
    "ja": {"intro": "## 日付つき資料検索\n資料について質問してください。答えとなる記述を、その日付と出典とともに示します。"
                    "人に尋ねるように、続けて質問できます。日本語の質問はキーワードと日付で探します。",
           "rebuild": "索引を作り直す", "placeholder": "質問を入力（例：2019年11月に何がありましたか？）",
           "send": "送信", "new_topic": "新しい話題", "options": "表示の設定と絞り込み",
           "passages": "表示する記述の数", "from_year": "開始年", "to_year": "終了年", "order": "並び順",
           "clear": "絞り込みを解除", "documents": "資料の追加と削除", "drop": "ファイルをドロップまたは選択",
           "add": "資料に追加", "document": "資料", "remove": "ごみ箱へ移す",
           "question": "質問", "title": "日付つき資料検索", "embedding": "新しい記述を埋め込み中",
           "rebuilding": "⏳ 索引を作り直しています：資料を読み込み中…", "adding": "⏳ ファイルを追加しています…",
           "removing": "⏳ 資料をごみ箱へ移しています…",
           "error": "⚠️ 回答中に問題が起きました。詳細はサーバーのログにあります。",
           "chat_placeholder": "**資料について質問してください。** 答えとなる記述を日付と出典とともに示します。"
                               "記述を開くと資料の中で読めます。続けて「その翌年は？」「彼女はどこへ行った？」のように"
                               "質問できます。話題を変えるときは **新しい話題** を押してください。"},
}


def with_request(gr, *handlers) -> None:
    """Has Gradio hand each handler the request (its headers tell the page's language) as `request`."""
    for handler in handlers:
        handler.__annotations__["request"] = gr.Request


def language(request) -> str:
    """ "ja" when the browser asks for Japanese first, else "en"."""
    asked = (request.headers.get("accept-language", "") if request is not None else "").lower()
    return "ja" if asked.startswith("ja") else "en"


def translations(gr):
    """The page's labels for Gradio's i18n (the browser's language chooses; English otherwise)."""
    return gr.I18n(**LABELS)


CSS = """
#chat { min-height: 320px; }
#examples button { font-weight: 400; }
.timeline figcaption { font-size: 0.85em; color: #4b5563; margin: 0 0 4px; }
.timeline svg .dot:hover circle { stroke: #111827; stroke-width: 1.5; }
.context { border-left: 3px solid #d1d5db; padding-left: 8px; margin: 6px 0; font-size: 0.92em; }
.context p { margin: 4px 0; color: #4b5563; }
.context p.here { color: inherit; background: #fef3c7; }
#question-row { flex-wrap: nowrap; }
/* a rebuild's progress bar gets room to be seen, and the line saying what runs stays readable under it */
#rebuild-report:has(.progress-bar-wrap), #documents-report:has(.progress-bar-wrap) { min-height: 76px; }
#rebuild-report .pending, #documents-report .pending { opacity: 1 !important; }
#rebuild-report:has(.progress-bar-wrap) [data-testid="markdown-wrapper"],
#documents-report:has(.progress-bar-wrap) [data-testid="markdown-wrapper"] { visibility: hidden; }  /* the bar says it */
#rebuild-report .progress-text, #documents-report .progress-text { font-size: 0.9em; position: static !important;
  transform: none !important; order: 2; }
#rebuild-report [data-testid="status-tracker"], #documents-report [data-testid="status-tracker"] {
  display: flex; flex-direction: column; justify-content: center; gap: 6px; }
#new-topic { white-space: nowrap; }
@media (max-width: 640px) {
  #intro p { display: none; }  /* the chat's own placeholder says it; the question box stays above the fold */
  #chat { height: 46vh !important; min-height: 220px; }
  #question-row { flex-wrap: wrap; }
  #question-row > *:has(#question) { flex: 1 1 100% !important; min-width: 100% !important; }
  #send, #new-topic { flex: 1 1 40% !important; min-width: 40% !important; }
  #examples { flex-wrap: wrap; }
  #examples button { flex: 1 1 45% !important; min-width: 45% !important; }
}
"""
# After an answer, the newest answer's first passage is brought into view (not its last).
SHOW_ANSWER = """() => { setTimeout(() => {
  const asked = document.querySelectorAll('#chat [data-testid="user"]');
  if (asked.length) asked[asked.length - 1].scrollIntoView({block: 'start', behavior: 'instant'});
}, 60); }"""


@dataclass
class _Parts:
    """The page's components that its events connect."""

    status: object
    rebuild: object
    progress: object
    chat: object
    state: object
    question: object
    send: object
    new_topic: object
    options: list  # passages per answer, from year, to year, order
    clear: object
    timeline: object
    seen: object  # the generation the page shows


def _layout(gr, page: Page, t) -> _Parts:
    """Header and status, the chat with its box and examples, options, and the timeline beside it."""
    gr.Markdown(t("intro"), elem_id="intro")
    with gr.Row(equal_height=True):
        status = gr.Markdown(page.status(), elem_id="index-status")
        rebuild = gr.Button(t("rebuild"), size="sm", scale=0, min_width=130, elem_id="rebuild")
    progress = gr.Markdown("", elem_id="rebuild-report")
    index = page.live.get()
    with gr.Row():
        with gr.Column(scale=3, min_width=320):
            chat = gr.Chatbot(label="Answers", show_label=False, height="62vh", elem_id="chat", autoscroll=False,
                              buttons=["copy"], placeholder=t("chat_placeholder"))
            state = gr.State(Chat(), time_to_live=int(session_seconds()))  # the conversation, on the server
            with gr.Row(elem_id="question-row", equal_height=True):
                question = gr.Textbox(placeholder=t("placeholder"), label=t("question"),
                                      show_label=False, scale=6, min_width=160, elem_id="question", lines=1)
                send = gr.Button(t("send"), variant="primary", scale=1, min_width=70, elem_id="send")
                new_topic = gr.Button(t("new_topic"), scale=1, min_width=110, elem_id="new-topic")
            with gr.Row(elem_id="examples"):
                for q in examples(index.chunks):  # made from the documents; fill in the question, in the browser only
                    gr.Button(q, size="sm", variant="secondary", min_width=0).click(
                        None, None, question, js=f"() => {json.dumps(q)}")
        with gr.Column(scale=2, min_width=300):
            timeline = gr.HTML(page.timeline(index).svg(), elem_id="timeline")
            with gr.Accordion(t("options"), open=False, elem_id="options"):
                years = _years_of(index.chunks)
                options = [
                    gr.Slider(1, 20, value=5, step=1, label=t("passages"), elem_id="passages"),
                    gr.Dropdown(years, value=ANY_YEAR, label=t("from_year"), allow_custom_value=True, elem_id="from-year"),
                    gr.Dropdown(years, value=ANY_YEAR, label=t("to_year"), allow_custom_value=True, elem_id="to-year"),
                    gr.Radio(list(ORDERS), value=ORDERS[0], label=t("order"), elem_id="order"),
                ]
                clear = gr.Button(t("clear"), size="sm", elem_id="clear-filters")
    seen = gr.State(index.generation)
    return _Parts(status, rebuild, progress, chat, state, question, send, new_topic, options, clear, timeline, seen)


def build_app(workspace: Workspace, uploads: bool = False):
    """The page over the workspace's index (which must exist), rebuilding it from its corpus on request.

    Every event that answers goes through the queue. preprocess=False: the handlers get the
    values as sent and check each themselves, so a bad type from a hostile client is answered
    with a line saying what is wrong.
    """
    gr = _offline_gradio()
    page = Page(workspace)

    def rebuild(request, progress=gr.Progress()):  # noqa: B008 - how Gradio hands a handler its progress bar
        lang = language(request)
        try:
            _, report = page.rebuild(progress, lang)
        except Exception:  # a bug: one line here, the traceback in the log, and the button back
            traceback.print_exc()
            report = LABELS[lang]["error"]
        return (page.status(lang), report, *page.refreshed(gr, None, lang)[1:], gr.update(interactive=True))

    def starting(request):  # what the person sees at once: the button off, the report saying what runs
        lang = language(request)
        return gr.update(interactive=False), LABELS[lang]["rebuilding"], page.status(lang, rebuilding=True)

    with_request(gr, rebuild, starting)

    quiet = {"api_visibility": "undocumented", "concurrency_limit": SETTINGS.concurrency, "preprocess": False}
    with gr.Blocks(title="Dated-passage QA", fill_height=True) as app:
        t = translations(gr)
        p = _layout(gr, page, t)
        if uploads:
            _documents(gr, app, page, p, t)
        fresh = [p.status, p.options[1], p.options[2], p.timeline, p.seen]
        def respond(message, chat, k, from_year, to_year, order, request):
            return page.respond(message, chat, k, from_year, to_year, order, language(request))

        def new_topic(request):
            return page.new_topic(language(request))

        with_request(gr, respond, new_topic)
        for trigger in (p.question.submit, p.send.click):
            trigger(respond, [p.question, p.state, *p.options], [p.chat, p.question, p.timeline, p.state],
                    **quiet).then(None, js=SHOW_ANSWER)
        p.new_topic.click(new_topic, None, [p.chat, p.question, p.timeline, p.state], **quiet)
        p.chat.clear(new_topic, None, [p.chat, p.question, p.timeline, p.state], **quiet)  # its trash button
        p.clear.click(lambda: (ANY_YEAR, ANY_YEAR), None, [p.options[1], p.options[2]], **quiet)
        # The API: gradio_client's predict(question, k, from, to, order, api_name="/chat") and
        # Gradio's REST call POST /gradio_api/call/chat.
        api_answer = gr.Markdown(visible=False)
        gr.Button(visible=False).click(page.answer, [p.question, *p.options], [api_answer, p.timeline],
                                       api_name="chat", concurrency_limit=SETTINGS.concurrency, preprocess=False)
        p.rebuild.click(starting, None, [p.rebuild, p.progress, p.status], api_visibility="undocumented",
                        show_progress="hidden").then(
            rebuild, outputs=[p.status, p.progress, *fresh[1:], p.rebuild], api_name="rebuild",
            concurrency_limit=SETTINGS.rebuilds_at_once, show_progress_on=[p.progress])
        def load(request):
            return page.refreshed(gr, None, language(request))

        def tick(seen, request):
            return page.refreshed(gr, seen, language(request))

        with_request(gr, load, tick)

        app.load(load, None, fresh, api_visibility="undocumented")
        app.load(None, js=TITLE_JS)  # the tab's title in the page's language
        # A build from the CLI is picked up by the next question; the status, filters and
        # timeline follow it within TIMER_SECONDS.
        gr.Timer(TIMER_SECONDS).tick(tick, p.seen, fresh,
                                     api_visibility="undocumented", show_progress="hidden", queue=True)
    app.queue(max_size=SETTINGS.queue_size, default_concurrency_limit=SETTINGS.concurrency,
              status_update_rate=SETTINGS.status_update_seconds)
    return app


TIMER_SECONDS = 15
SHOW_REPORT = "() => { setTimeout(() => document.querySelector('#documents-report')?.scrollIntoView({block: 'nearest'}), 60); }"
# On load: the tab's title in the page's language, and each message's accessible name made its
# text (Gradio names a message by its Markdown source: "bot's message: **1. Undated**\n\n…").
TITLE_JS = ("() => { const ja = (navigator.languages && navigator.languages[0] || navigator.language || '')"
            f".toLowerCase().startsWith('ja'); if (ja) document.title = {json.dumps(LABELS['ja']['title'])};"
            r"""
  const said = ja ? {bot: '回答', user: '質問'} : {bot: 'Answer', user: 'Question'};
  const plain = () => document.querySelectorAll('#chat [aria-label]').forEach(el => {
    const m = /^(bot|user)'s message: /.exec(el.getAttribute('aria-label') || '');
    if (m) el.dataset.said = m[1];
    if (!el.dataset.said) return;
    const text = said[el.dataset.said] + ': ' + (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 300);
    if (el.getAttribute('aria-label') !== text) el.setAttribute('aria-label', text);
  });
  const chat = document.querySelector('#chat');
  if (chat) new MutationObserver(plain).observe(chat, {childList: true, subtree: true, characterData: true});
  plain(); }""")


def _documents(gr, app, page: Page, p: _Parts, t) -> None:
    """Adding and removing documents, when the operator allows it (`qa serve --allow-upload`)."""
    from .loaders import SUFFIXES

    def add(files, request, progress=gr.Progress()):  # noqa: B008 - how Gradio hands a handler its progress bar
        lang = language(request)
        status, report = page.add(files, progress, lang)
        return (status, report, gr.update(choices=page.documents(), value=None), None,
                *page.refreshed(gr, None, lang)[1:4], gr.update(interactive=True), gr.update(interactive=True))

    def remove(rel, request, progress=gr.Progress()):  # noqa: B008
        lang = language(request)
        status, report = page.remove(rel, progress, lang)
        return (status, report, gr.update(choices=page.documents(), value=None),
                *page.refreshed(gr, None, lang)[1:4], gr.update(interactive=True), gr.update(interactive=True))

    def busy(said: str):  # both buttons off while one runs, the report saying what runs
        def start(request):
            return gr.update(interactive=False), gr.update(interactive=False), LABELS[language(request)][said]
        with_request(gr, start)
        return start

    with_request(gr, add, remove)

    with gr.Accordion(t("documents"), open=False, elem_id="documents"):
        files = gr.File(file_count="multiple", file_types=list(SUFFIXES), label=t("drop"),
                        elem_id="upload")
        add_button = gr.Button(t("add"), variant="primary", size="sm", elem_id="add")
        report = gr.Markdown("", elem_id="documents-report")  # the outcome between the two buttons, in view
        chosen = gr.Dropdown(page.documents(), value=None, label=t("document"), elem_id="document")
        remove_button = gr.Button(t("remove"), size="sm", elem_id="remove")
    limits = {"concurrency_limit": SETTINGS.rebuilds_at_once, "api_visibility": "undocumented",
              "show_progress_on": [report]}
    now = {"api_visibility": "undocumented", "show_progress": "hidden"}
    fresh = [p.options[1], p.options[2], p.timeline, add_button, remove_button]
    add_button.click(busy("adding"), None, [add_button, remove_button, report], **now).then(
        add, files, [p.status, report, chosen, files, *fresh], **limits).then(None, js=SHOW_REPORT)
    remove_button.click(busy("removing"), None, [add_button, remove_button, report], **now).then(
        remove, chosen, [p.status, report, chosen, *fresh], **limits).then(None, js=SHOW_REPORT)
    # the documents as they are when a page is opened (added since the start, from a page or the CLI)
    app.load(lambda: gr.update(choices=page.documents(), value=None), None, chosen, **now)


def events_of(app) -> dict[int, tuple[str | None, int]]:
    """Each event of the page by its number: its API name (None when it has none) and how many inputs it takes."""
    return {n: (fn.api_name if isinstance(fn.api_name, str) else None, len(fn.inputs)) for n, fn in app.fns.items()}


def allowed_hosts(host: str, extra: str | None = None) -> frozenset[str]:
    """The Host names the page answers to: the address it listens on, localhost, and those
    given (--allowed-hosts or $QA_ALLOWED_HOSTS, comma-separated; "*" for any). Listening on
    every address (0.0.0.0) adds this machine's own names."""
    import socket

    host = host.strip("[]")  # "[::1]" is "::1"
    hosts = {host.lower(), "localhost", "127.0.0.1", "::1"}
    if host in ("0.0.0.0", "::", ""):
        hosts |= {socket.gethostname().lower(), socket.getfqdn().lower()}
    for name in (extra or os.environ.get(HOSTS_ENV) or "").split(","):
        if name.strip():
            hosts.add(name.strip().lower())
    return frozenset(hosts)


def launch_options(host: str | None, port: int | None, auth: tuple[str, str] | None, roots: list[Path],
                   app=None, hosts: str | None = None, uploads: bool = False) -> dict:
    """The keyword arguments for Blocks.launch, from SETTINGS and what the command line gave."""
    from starlette.middleware import Middleware

    from .gate import Gate, UploadCache

    gr = _offline_gradio()
    theme = gr.themes.Default(font=["ui-sans-serif", "system-ui", "sans-serif"],
                              font_mono=["ui-monospace", "SFMono-Regular", "monospace"])
    server_name = host or os.environ.get("GRADIO_SERVER_NAME") or SETTINGS.host
    from gradio.utils import get_upload_folder

    cache = UploadCache(Path(get_upload_folder()), int(float(os.environ.get("QA_UPLOAD_CACHE_MB") or
                                                             SETTINGS.upload_cache_mb) * 1e6),
                        max_age=SETTINGS.upload_cache_minutes * 60)
    gate = Middleware(Gate, hosts=allowed_hosts(server_name, hosts), max_body=SETTINGS.max_body, uploads=uploads,
                      max_upload=int(SETTINGS.upload_mb * 1e6 * SETTINGS.uploads_at_once) + 2**20,
                      events=lambda: events_of(app), upload_cache=cache if uploads else None,
                      trusted=frozenset(x.strip() for x in os.environ.get("QA_TRUSTED_PROXIES", "127.0.0.1,::1").split(",")
                                        if x.strip()))
    return {
        "server_name": server_name,
        "server_port": port or _port(os.environ.get("GRADIO_SERVER_PORT")) or SETTINGS.port,
        "auth": auth,
        "theme": theme,
        "show_error": SETTINGS.show_error,
        "enable_monitoring": SETTINGS.enable_monitoring,
        "mcp_server": SETTINGS.mcp_server,
        "ssr_mode": SETTINGS.ssr_mode,
        "max_file_size": f"{SETTINGS.upload_mb:g}mb" if uploads else SETTINGS.max_file_size,
        "footer_links": list(SETTINGS.footer_links),
        "blocked_paths": [str(p.resolve()) for p in roots],
        "css": CSS,
        "i18n": translations(gr),
        "app_kwargs": {"middleware": [gate]},
        "quiet": True,  # no advice about share links; `serve` says where the page is
        "state_session_capacity": SETTINGS.sessions,
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


LOCAL = ("127.0.0.1", "localhost", "::1")


def serve(workspace: Workspace, host: str | None = None, port: int | None = None, auth: str | None = None,
          hosts: str | None = None, uploads: bool = False):
    """Serves the page over the workspace's index (which must exist) until interrupted; with
    `uploads`, people may add and remove documents from the page (only behind a login, or on
    this machine alone)."""
    login = parse_auth(auth or os.environ.get(AUTH_ENV))
    listen = host or os.environ.get("GRADIO_SERVER_NAME") or SETTINGS.host
    if uploads and login is None and listen not in LOCAL:
        raise QAError(f"--allow-upload on {listen} needs a login: add --auth user:password, or listen on 127.0.0.1")
    app = build_app(workspace, uploads)
    options = launch_options(host, port, login, [workspace.corpus, *workspace.store.local_paths, Path.cwd()], app, hosts, uploads)
    bare = options["server_name"].strip("[]")
    _check_address(bare, options["server_port"])
    host_shown = f"[{bare}]" if ":" in bare else bare
    print(f"qa: serving the page at http://{host_shown}:{options['server_port']}/ (Ctrl-C to stop)", file=sys.stderr)
    from .connections import guard

    guard()  # slow or silent connections closed, and no more of them than descriptors allow
    forget_idle_sessions(app, session_seconds())
    app.launch(**{**options, "server_name": host_shown})  # an IPv6 address in brackets, as Gradio builds URLs from it
