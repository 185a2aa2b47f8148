"""Shows passages to people: readable dates, a plain-text listing, Markdown for the page, JSON.

Document text is shown as text: in Markdown every character that could start markup is
escaped, so a passage can't inject HTML, links or images into the page.
"""

from __future__ import annotations

import html
import re

from .dates import JAPANESE, date_for, japanese_date
from .searching import Answer, Hit

NOTHING = "No passage about that in the documents."
NOTHING_JA = "資料の中に、その質問についての記述は見つかりませんでした。"
KEYWORDS_ONLY_JA = "日本語の質問は、キーワードと日付で探しています（意味による検索は英語の質問だけです）。"


def nothing(question: str) -> str:
    """The "no passage" line in the question's language."""
    return NOTHING_JA if JAPANESE.search(question) else NOTHING
PASSAGE_FIELDS = ("text", "heading", "date", "date_end", "source", "line", "unit", "score")  # `qa ask --json`
def answer_json(answer: Answer, asked: str | None = None, notes: list[str] | None = None) -> dict:
    """The `qa ask --json` object: question, time understood (or null), whether anything answers,
    passages best first (each `in_period` when the question names a period, else null); in a
    conversation, also the `notes` on what a follow-up took from it."""
    extra = {} if notes is None else {"notes": notes}
    return {
        "question": asked or answer.question,
        **extra,
        "time": answer.time.as_json() if answer.time else None,
        "found": answer.found,
        "reply": reply_line(answer),
        "passages": [{**{f: getattr(h, f) for f in PASSAGE_FIELDS}, "highlight": list(h.highlight),
                      "in_period": h.in_period} for h in answer.hits],
    }


def reply_line(answer: Answer) -> str:
    """What the reply says above its passages: that nothing answers (and what is shown instead), that
    nothing is dated in the period asked, or which events are shown; "" when nothing needs saying."""
    ja = bool(JAPANESE.search(answer.question))
    when = _period_words(answer, ja)
    if answer.empty_period:
        if ja:
            return f"{when}の日付の記述は資料にありません。" + ("近いもの：" if answer.hits else "")
        return f"Nothing in the documents is dated {when}" + ("; nearest:" if answer.hits else ".")
    if answer.kind_missing:
        if ja:
            return f"{when}にその種の記述は資料にありません。" + ("近い箇所：" if answer.hits else "")
        return f"Nothing of that kind is dated {when}" + ("; the closest passages:" if answer.hits else ".")
    if not answer.found:
        if ja:
            return NOTHING_JA + ("近い箇所：" if answer.hits else "")
        return NOTHING[:-1] + ("; the closest passages:" if answer.hits else ".")
    return time_note(answer)


def _period_words(answer: Answer, ja: bool) -> str:
    t = answer.time
    if t is None:
        return ""
    if ja:
        return (japanese_date(t.start, None if t.end == t.start else t.end) if t.start and t.end else
                f"{japanese_date(t.start)}以降" if t.start else f"{japanese_date(t.end)}以前")
    return t.describe().removeprefix("in ")


def time_note(answer: Answer) -> str:
    """"Showing events in November 2019" (in Japanese for a Japanese question), or "" when the
    question names no time."""
    t = answer.time
    if not t:
        return ""
    top = answer.hits[0] if answer.hits else None
    if not answer.period and not t.order and t.start and t.end and not (top and top.date and t.overlaps(
            top.date, top.date_end)):
        return ""  # a period only carried from the last question, which the answer has left: claim nothing
    if not JAPANESE.search(answer.question):
        return f"Showing events {t.describe()}"
    when = (japanese_date(t.start, None if t.end == t.start else t.end) if t.start and t.end else
            f"{japanese_date(t.start)}以降" if t.start else f"{japanese_date(t.end)}まで" if t.end else "")
    order = {"latest": "新しい順", "earliest": "古い順"}.get(t.order or "", "")
    return "、".join(x for x in (f"{when}の出来事を表示しています" if when else "", order) if x)


def location(hit: Hit) -> str:
    """"corpus/a.txt:12", or "corpus/report.pdf, page 3"."""
    return f"{hit.source}:{hit.line}" if hit.unit == "line" else f"{hit.source}, {hit.unit} {hit.line}"


def listing(answer: Answer, asked: str | None = None, notes: str = "") -> str:
    """A plain-text answer for the terminal (`notes`: what a follow-up took from the conversation)."""
    hits = answer.hits
    lines = [f"Q: {asked or answer.question}"] + ([f"   ({notes})"] if notes else [])
    said = reply_line(answer)
    if said:
        lines.append(f"   {said}")
    for n, h in enumerate(hits, 1):
        date = date_for(h.text, h.date, h.date_end) or "undated"
        outside = "  (outside the period asked)" if h.in_period is False else ""
        lines.append(f"{n}. [{date}] {location(h)}  score {h.score:.2f}{outside}")
        if h.heading:
            lines.append(f"   {h.heading}")
        lines.append(f"   {h.text}")
    return "\n".join(lines)


_MARKUP = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~&\"'=:])")


def escape_markdown(text: str) -> str:
    """Backslash-escapes every character that Markdown or HTML could read as markup."""
    return _MARKUP.sub(r"\\\1", text)


def marked(text: str, span: tuple[int, int]) -> str:
    """The escaped text with the answering sentence `span` wrapped in <mark>.

    >>> print(marked("Met. Signed <b>it</b>.", (5, 22)))
    Met\\. <mark>Signed \\<b\\>it\\</b\\>\\.</mark>
    """
    a, b = span
    if not 0 <= a < b <= len(text) or (a, b) == (0, len(text)):
        return escape_markdown(text)
    return f"{escape_markdown(text[:a])}<mark>{escape_markdown(text[a:b])}</mark>{escape_markdown(text[b:])}"


_UNITS_JA = {"line": "行", "page": "ページ", "slide": "スライド", "paragraph": "段落"}


def place(unit: str, line: int, ja: bool = False) -> str:
    """Where in its file a passage is: "line 12", "slide 3"; in Japanese "行 12", "スライド 3" ("sheet Events, row 4" as is)."""
    return f"{_UNITS_JA.get(unit, unit) if ja else unit} {line}"


def in_context(chunks: list, here, question: str = "", name: str = "") -> str:
    """The passages around one, as HTML for the page, that one marked: a fold the reader opens,
    its summary naming the passage (`name`: "1, events.txt line 12"), so no two read the same."""
    rows = []
    for c in chunks:
        where = place(c.unit, c.line, bool(JAPANESE.search(question)))
        text = html.escape(" ".join(c.text.split()))
        heading = f"<b>{html.escape(c.heading)}</b> " if c.heading and c is here else ""
        rows.append(f'<p class="{"here" if c is here else "near"}"><small>{where}</small> {heading}{text}</p>')
    label = "文書の中で見る" if JAPANESE.search(question) else "In its document"
    label += f" ({html.escape(name)})" if name else ""
    return f'<details><summary>{label}</summary><div class="context">{"".join(rows)}</div></details>'


def markdown(hits: list[Hit], contexts: list[list] | None = None, question: str = "") -> str:
    """The answer as Markdown for the chat page: one numbered passage after another, each with
    its surroundings in its document to open (`contexts`, in the hits' order) when given."""
    if not hits:
        return nothing(question)
    blocks = []
    ja = bool(JAPANESE.search(question))
    for n, h in enumerate(hits, 1):
        date = date_for(h.text, h.date, h.date_end) or ("日付なし" if ja else "Undated")
        head = f"**{n}. {escape_markdown(date)}**"
        if h.in_period is False:
            head += " · " + ("⚠️ 質問の期間外" if ja else "⚠️ outside the period asked")
        if h.heading:
            head += f" · *{escape_markdown(h.heading)}*"
        meta = f"{escape_markdown(h.source)}, {place(h.unit, h.line, ja)} · {'スコア' if ja else 'score'} {h.score:.2f}"
        name = f"{n}: {h.source.rsplit('/', 1)[-1]}, {place(h.unit, h.line, ja)}"
        fold = f"\n\n{in_context(contexts[n - 1], _same(contexts[n - 1], h), question, name)}" if contexts else ""
        blocks.append(f"{head}\n\n{marked(h.text, h.highlight)}\n\n<sub>{meta}</sub>{fold}")
    return "\n\n---\n\n".join(blocks)


def _same(chunks: list, hit: Hit):
    """The chunk among `chunks` that `hit` shows (its source may be renamed for the page)."""
    return next((c for c in chunks if c.line == hit.line and c.text == hit.text), None)
