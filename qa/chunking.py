"""Cuts a document into passages along its own structure.

- A timeline entry ("June 15, 2021   Submitted …") is one chunk, with the continuation
  lines that follow it (indented far right, after a blank line) joined back on.
- A short line followed by prose is a heading ("C20 JAPAN 2019"); the paragraphs under it
  are chunks that keep it as their heading. Markdown `#` lines are headings too, and so is a
  document's short first line ("Annual report 2022") above entries or a list.
- A few words closed by a detached full stop ("Early life .", as in tokenized text) are a
  section heading wherever they stand.
- A short line followed by another short line, a timeline or the end is an item of a list
  (an organisation); a dash-wrapped line under it ("- ACE as Board Member -") and a
  parenthesised line ("(Japan NGO Center …)") stay with it.
- A paragraph longer than the budget is split at sentence boundaries into near-equal parts,
  each repeating the sentence before it when that fits.
Left out: tables, Markdown lists nested in lists, and any reading of dates (see `dating`).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .dates import leading_date

CHUNKER_VERSION = 11  # bump when the rules change: it invalidates built indexes
MAX_TOKENS = 240  # budget for title + heading + text, in model word pieces (the model reads 256)
CONTINUATION_INDENT = 10  # a line indented this far continues the entry above it
LABEL_CHARS = 100  # a line this short, without closing punctuation, is a label
HEADING_CHARS = 200  # a longer heading or title is cut to this for its passages
MIN_ROOM = 16  # word pieces left for a passage's text however long its heading
MAX_CHARS_PER_TOKEN = 64  # no real word piece is longer: a longer text can't fit the budget
MAX_CHUNKS = 5000  # a file cut into more passages is refused (`qa build --max-file-chunks`)


LONGEST_RUN = 100_000  # characters without a space: no word of any text, and slow to cut (19 MB of one: 12 s)
_LONG_RUN = re.compile(rf"\S{{{LONGEST_RUN}}}")
LONG_RUN = f"over {LONGEST_RUN} characters without a space: no text to cut into passages"


class TooManyChunks(ValueError):
    """A document would be cut into more passages than its limit allows (or is no text to cut)."""


def too_many(limit: int) -> str:
    """Why a file is skipped that would be cut into more than `limit` passages."""
    return f"over {limit} passages (limit per file)"

_ROLE = re.compile(r"^[-–—]\s*\S.*[-–—]$")
_PAREN = re.compile(r"^\(.*\)$")
# A section title in tokenized text: a few words and a detached full stop ("Early life .").
_SECTION = re.compile(r"^(?:[^\s.!?]+ ){1,8}\.$")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_LIST_MARK = re.compile(r"^(?:[-*+]|\d+[.)])\s+")
# A sentence ends at . ! ? (maybe closed by a quote or bracket) before a capital or an opening mark.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_ABBREV = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|No|Inc|Ltd|Co|Corp|vs|etc|e\.g|i\.e|Gen|Col|Lt|Mt|Fr|Rev|Hon|Gov|Sen|Rep)|U\.S|U\.K|U\.N)\.$")


def approx_tokens(text: str) -> int:
    """A stand-in for a tokenizer: words and punctuation marks, plus a third for word pieces."""
    return math.ceil(len(re.findall(r"\w+|[^\w\s]", text)) * 4 / 3)


@dataclass
class Chunk:
    text: str
    heading: str | None
    source: str
    line: int  # 1-based line where the text starts
    date: str | None = None  # ISO prefix the passage is shown with
    date_end: str | None = None
    dates: list[list[str | None]] = field(default_factory=list)  # every [start, end] mentioned
    title: str | None = None  # the document's title, context for a passage that says "she" or "we"
    unit: str = "line"  # what `line` counts: "line", or "page" in a PDF

    def context_text(self) -> str:
        """What gets embedded and keyword-indexed: title, heading, then the text as written."""
        parts = [self.title] if self.title and not (self.heading or "").startswith(self.title) else []
        return "\n".join(parts + [p for p in (self.heading, self.text) if p])


class Texts:
    """The texts the model embeds and the keywords index of some chunks (`Chunk.context_text`),
    each made when read: a list of them all would hold a second copy of the corpus's text."""

    def __init__(self, chunks: list[Chunk]):
        self.chunks = chunks

    def __len__(self) -> int:
        return len(self.chunks)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return Texts(self.chunks[i])
        return self.chunks[i].context_text()

    def __iter__(self):
        return (c.context_text() for c in self.chunks)


@dataclass
class _Block:
    text: str
    line: int
    kind: str = "prose"  # prose | timeline | label | section | role | paren | heading
    level: int = 0  # Markdown heading level
    more: list[str] = field(default_factory=list)  # lines still to join on


def _collapse(s: str) -> str:
    return " ".join(s.split())


def _short(text: str, limit: int = HEADING_CHARS) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _classify(b: _Block) -> None:
    if b.kind == "heading":
        return
    date = leading_date(b.text)
    if date and len(b.text) > date.length + 2:
        b.kind = "timeline"
    elif _SECTION.match(b.text):
        b.kind, b.text = "section", b.text[:-2]
    elif _ROLE.match(b.text) and len(b.text) <= LABEL_CHARS:
        b.kind = "role"
    elif _PAREN.match(b.text) and len(b.text) <= LABEL_CHARS * 2:
        b.kind = "paren"
    elif len(b.text) <= LABEL_CHARS and not re.search(r"[.!?:;,]$", b.text):
        b.kind = "label"


def _blocks(text: str, markdown: bool) -> list[_Block]:
    """Paragraphs (runs of non-blank lines), continuation lines joined back on, each classified."""
    blocks: list[_Block] = []
    prev_blank = True
    for n, raw in enumerate(text.splitlines(), 1):
        content = _collapse(raw)
        if not content:
            prev_blank = True
            continue
        md = _MD_HEADING.match(content) if markdown else None
        last = blocks[-1] if blocks else None
        joins = last is not None and last.kind != "heading" and not md and (
            # the next line of a paragraph
            (not prev_blank and not leading_date(content)
             and not (markdown and _LIST_MARK.match(content)))
            # an entry's continuation, indented far right after a blank line
            or len(raw) - len(raw.lstrip()) >= CONTINUATION_INDENT
            # a sentence carried on after a blank line
            or (content[0].islower() and not re.search(r"[.!?:;]$", last.more[-1] if last.more else last.text))
        )
        prev_blank = False
        if joins:
            last.more.append(content)
        elif md:
            blocks.append(_Block(_short(md.group(2)), n, "heading", len(md.group(1))))
        else:
            blocks.append(_Block(content, n))
    for b in blocks:
        if b.more:  # joined once: adding line by line would copy a long paragraph again for each line
            b.text = " ".join([b.text, *b.more])
            b.more = []
        _classify(b)
    return blocks


def _merge_labels(blocks: list[_Block]) -> list[_Block]:
    """Attaches role and parenthesised lines to the label above them; a lone one is a label."""
    out: list[_Block] = []
    for b in blocks:
        if b.kind in ("role", "paren") and out and out[-1].kind == "label":
            out[-1].text += " " + b.text
        else:
            if b.kind in ("role", "paren"):
                b.kind = "label"
            out.append(b)
    return out


def split_sentences(text: str) -> list[str]:
    """Splits at sentence ends, not after abbreviations nor inside an open quotation.

    >>> split_sentences("He met the U.S. Department. It went well! Then?")
    ['He met the U.S. Department.', 'It went well!', 'Then?']
    """
    parts, start, checked, open_quotes = [], 0, 0, 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start()
        open_quotes += text.count("“", checked, end) - text.count("”", checked, end)
        checked = end
        tail = text[max(start, end - 8):end].rstrip("\"'”’)]")  # only the last word decides
        if _ABBREV.search(tail[-6:]) or open_quotes > 0:
            continue
        parts.append(text[start:end].strip())
        start = m.end()
    parts.append(text[start:].strip())
    if "。" in text or "！" in text or "？" in text:  # Japanese: a sentence ends at 。！？, no space after
        parts = [q for p in parts for q in re.split(r"(?<=[。！？])(?![」』）\)])", p)]
    return [p.strip() for p in parts if p.strip()]


def _cut_words(sentence: str, room: int, count: Callable[[str], int],
               cut_at: Callable[[str, int], int] | None = None) -> Iterator[str]:
    """A sentence too long for `room`, cut between words into pieces that fit.

    Looks at `room` words at a time (no more can fit: a word is at least one piece) and
    never at one word at a time: with `cut_at` (where a tokenizer's offsets put the cut)
    each piece costs one tokenizer call; with `count` alone, a search that starts from the
    last piece's size, two calls for a run of like pieces. Either way the cost grows with
    the sentence's length, not with its square.
    """
    # A "word" longer than any real one (Japanese has no spaces; a hostile file, none at all) is
    # taken a room's worth of characters at a time: in Japanese a character is about a word piece.
    words = (w[i:i + room] if len(w) > room * 4 else w
             for w in (m.group() for m in re.finditer(r"\S+", sentence))
             for i in (range(0, len(w), room) if len(w) > room * 4 else (0,)))
    window: list[str] = []
    guess = room // 2
    while True:
        size = sum(map(len, window))
        for word in itertools.islice(words, room - len(window)):  # at most `room` words, and not a book
            window.append(word)
            size += len(word) + 1
            if size > room * 8:
                break
        if not window:
            return
        if cut_at is not None:
            text = " ".join(window)
            size = max(1, text[:cut_at(text, room)].count(" ") + 1)
        else:
            size = _longest_fit(window, room, count, min(guess, len(window)))
        yield " ".join(window[:size])
        del window[:size]
        guess = size


def _longest_fit(words: list[str], room: int, count: Callable[[str], int], guess: int) -> int:
    """The most leading words that fit `room` (at least one), searched outward from `guess`."""
    def fits(n: int) -> bool:
        return count(" ".join(words[:n])) <= room

    lo, hi, step = 1, len(words), 1  # the answer lies in [lo, hi]
    if fits(guess):
        lo = guess
        while lo < hi:
            probe = min(hi, lo + step)
            if not fits(probe):
                hi = probe - 1
                break
            lo, step = probe, step * 2
    else:
        hi = guess - 1
        while lo < hi:
            probe = max(lo, hi - step + 1)
            if fits(probe):
                lo = probe
                break
            hi, step = probe - 1, step * 2
    while lo < hi:  # binary search within the bracket
        mid = (lo + hi + 1) // 2
        if fits(mid):
            lo = mid
        else:
            hi = mid - 1
    return max(lo, 1)


def _remembered(count: Callable[[str], int], count_many: Callable[[list[str]], list[int]] | None = None,
                ahead: list[str] = ()) -> Callable[[str], int]:
    """`count` with the sizes of short texts (headings, titles) kept, and those of `ahead`
    counted at once by `count_many`."""
    seen: dict[str, int] = dict(zip(ahead, count_many(list(ahead)), strict=True)) if count_many and ahead else {}

    def counted(text: str) -> int:
        if text in seen:
            return seen[text]
        if len(text) > HEADING_CHARS * 2:  # a passage's text: counted once anyway, not kept
            return count(text)
        seen[text] = count(text)
        return seen[text]

    return counted


def _fit(text: str, heading: str | None, budget: int, count: Callable[[str], int], limit: int | None = None,
         cut_at: Callable[[str, int], int] | None = None) -> list[str]:
    """`text` as one piece, or cut at sentence ends into near-equal pieces that fit `budget`;
    TooManyChunks as soon as more than `limit` pieces are certain."""
    room = max(budget - (count(heading) if heading else 0), MIN_ROOM)

    def fits(piece: str) -> bool:  # the length tests first: no tokenizer call on a megabyte, nor on a line
        # a word piece covers at least one character, so a text of `room` characters fits unread
        return len(piece) <= room or (len(piece) <= room * MAX_CHARS_PER_TOKEN and count(piece) <= room)

    if fits(text):
        return [text]
    units: list[str] = []
    for sentence in split_sentences(text):
        if fits(sentence):
            units.append(sentence)
        else:  # a sentence too long alone: cut between words, each part a passage of its own
            for piece in _cut_words(sentence, room, count, cut_at):
                units.append(piece)
                if limit is not None and len(units) > limit:
                    raise TooManyChunks(too_many(limit))
    sizes = [count(u) for u in units]
    parts = math.ceil(sum(sizes) / room)
    target = sum(sizes) / parts
    groups: list[list[int]] = [[]]
    size = 0
    for u, n in enumerate(sizes):
        if groups[-1] and (size + n > room or size >= target):
            groups.append([])
            size = 0
        groups[-1].append(u)
        size += n
    # Each piece after the first repeats the sentence before it when it fits, so that a
    # statement spanning the cut is whole in one of the two.
    pieces = []
    for g, group in enumerate(groups):
        first = group[0]
        if g and sizes[first - 1] + sum(sizes[u] for u in group) <= room:
            group = [first - 1, *group]
        pieces.append(" ".join(units[u] for u in group))
    return pieces


def title_of(blocks: list[_Block], source: str) -> str:
    """The document's title: its first heading or opening short line, else its file name in words."""
    if blocks and blocks[0].kind in ("heading", "label"):
        return _short(blocks[0].text)
    stem = source.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return _short(" ".join(re.sub(r"[_\-.]+", " ", stem).split()) or stem)


def _check_size(text: str, limit: int | None, budget: int) -> None:
    """TooManyChunks at once when a text has more words than `limit` passages can hold (a word, or
    a Japanese character, is at least one word piece), or a run of LONGEST_RUN characters without a space
    (which the model reads as one unknown piece however long), before any of it is cut."""
    if len(text) >= LONGEST_RUN and _LONG_RUN.search(text):
        raise TooManyChunks(LONG_RUN)
    if limit is not None and len(text) > limit * budget:
        words = sum(1 for _ in re.finditer(r"\S+", text))
        if words <= limit * budget:  # Japanese has no spaces, but a kana or kanji is at least a piece
            words += sum(1 for _ in re.finditer(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]", text))
        if words > limit * budget:
            raise TooManyChunks(too_many(limit))


def chunk_document(
    text: str,
    source: str,
    markdown: bool = False,
    budget: int = MAX_TOKENS,
    count: Callable[[str], int] = approx_tokens,
    limit: int | None = None,
    cut_at: Callable[[str, int], int] | None = None,
    count_many: Callable[[list[str]], list[int]] | None = None,
) -> list[Chunk]:
    """The passages of one document, in reading order, undated; TooManyChunks past `limit`.

    `count` gives a text's size in the model's word pieces (`count_many`, where given, many texts'
    at once); `cut_at(text, n)`, where given, the length of the longest run of whole words at the
    start of `text` within n pieces.
    """
    _check_size(text, limit, budget)
    blocks = _merge_labels(_blocks(text, markdown))
    # a heading is counted once, not once for every passage under it; with `count_many`, every
    # block the length test can't settle is counted in one call before any is cut
    count = _remembered(count, count_many, [b.text for b in blocks if len(b.text) > MIN_ROOM] if count_many else [])
    if len(blocks) > 1 and blocks[0].kind == "label" and blocks[1].kind in ("timeline", "label"):
        blocks[0].kind, blocks[0].level = "heading", 1  # a title line: the heading of what follows
    title = title_of(blocks, source)
    budget -= count(title)
    chunks: list[Chunk] = []
    md_heading: list[str] = []  # the Markdown heading path in force
    inferred: str | None = None  # a plain-text heading in force until the next label or entry
    section: str | None = None  # a section line's heading ("Presidents ."), kept over the short lines listed under it

    def emit(block_text: str, line: int, heading: str | None) -> None:
        heading = heading and _short(heading, HEADING_CHARS * 2)
        for piece in _fit(block_text, heading, budget, count, limit, cut_at):
            chunks.append(Chunk(piece, heading, source, line, title=title))
            if limit is not None and len(chunks) > limit:
                raise TooManyChunks(too_many(limit))

    for i, b in enumerate(blocks):
        md = " › ".join(md_heading) or None
        if b.kind == "heading":
            md_heading[b.level - 1:] = [b.text]
            inferred = section = None
        elif b.kind == "section":
            inferred = section = " › ".join(filter(None, [md, b.text]))
        elif b.kind == "label":
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if nxt is not None and nxt.kind == "prose":
                inferred = " › ".join(filter(None, [md, b.text]))
            elif section and _LIST_MARK.match(b.text):  # "- Robert Biedroń , from 11 September 2001 to …" under
                emit(b.text, b.line, section)             # "Presidents .": an item of the section's list
            else:
                inferred = None
                emit(b.text, b.line, md)
        elif b.kind == "timeline":
            inferred = None
            emit(b.text, b.line, md)
        else:
            emit(b.text, b.line, inferred or md)
    return chunks
