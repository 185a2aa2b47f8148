"""Follow-up questions: a question read in the light of the conversation so far.

No language model: a few rules over the previous question, the passages just shown (their
dates, headings and names) and the new question's own words, each of which can be said in a
line ("she = Tomoko Shiroki", "the time: after 27 November 2019").

- A pronoun is replaced by what it stands for: she/he/her/him/his by the person the previous
  answer is about (a name after a title such as "Director" or "President", nearest the
  previous question's words), it/they/them/that/there… by the previous answer's subject (its
  first passage's event, heading, or the previous question's topic).
- An elliptical question ("and in 2019?", "and the second one?", "what about London?") is the
  previous question with its time, its ordinal or its last name swapped for the new one.
- Time relative to the previous answer ("that month", "the year after", "two weeks later",
  "before that") becomes a period around that answer's first date; time relative to today
  ("last year") is read by `querytime`. A follow-up that names no time of its own keeps the
  previous one's.
- A question that names its own subject (none of the above) is answered on its own.
Left out: coreference across more than the previous answer, plural people ("they" is read as
the previous subject), questions that change topic without saying so.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass, field

from .dates import TimeScope, find_dates, lower_bound, readable_date
from .embedding import Embedder
from .indexing import Index
from .querytime import question_time
from .searching import READ_FROM_QUESTION, Answer, Filters, Hit, clean_question, search

PERSON = re.compile(r"\b(she|he|her|him|his|hers|herself|himself)\b", re.I)
THING = re.compile(r"\b(it|its|they|them|their|theirs|there|those|these)\b|\b(that|this)(?=\s*(?:\?|$|\s+(?:was|is|were|held|happened|happen|take|took|one)\b))", re.I)
ELLIPSIS = re.compile(r"^\s*(?:and|but|also|so)?\s*(?:what|how)\s+about\b|^\s*(?:and|but|also)\b", re.I)
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "last",
            "latest", "next", "previous"]
_ORDINAL = re.compile(r"\b(" + "|".join(ORDINALS) + r")\b", re.I)
_NUMBER = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a few": 3, "several": 3}
_AMOUNT = r"(?P<n>\d+|a couple of|a few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_UNIT = r"(?P<unit>day|week|month|year)s?"
_RELATIVE = [  # (pattern, kind): the time a follow-up names relative to the previous answer
    (re.compile(rf"\b{_AMOUNT}\s+{_UNIT}\s+(?:later|after(?:wards?)?|on)\b", re.I), "later"),
    (re.compile(rf"\b{_AMOUNT}\s+{_UNIT}\s+(?:earlier|before(?:hand)?|prior)\b", re.I), "earlier"),
    (re.compile(r"\b(?:the\s+)?(?P<unit>day|week|month|year)\s+(?:after|later)(?:\s+(?:that|this|it))?\b|\b(?:the\s+)?(?:next|following)\s+(?P<unit2>day|week|month|year)\b", re.I), "next"),
    (re.compile(r"\b(?:the\s+)?(?P<unit>day|week|month|year)\s+(?:before|earlier)(?:\s+(?:that|this|it))?\b|\b(?:the\s+)?(?:previous|preceding)\s+(?P<unit2>day|week|month|year)\b", re.I), "previous"),
    (re.compile(r"\b(?:earlier|before)\s+(?:that|the same)\s+(?P<unit>year|month)\b", re.I), "earlier in"),
    (re.compile(r"\b(?:later|after(?:wards)?)\s+(?:that|the same)\s+(?P<unit>year|month)\b", re.I), "later in"),
    (re.compile(r"\b(?:that|the same)\s+(?P<unit>day|week|month|year)\b", re.I), "same"),
    (re.compile(r"\b(?:before|prior to)\s+(?:that|this)\s+(?!was|is|were|happened)[a-z]+\b|\b(?:before|prior to)\s+(?:that|this|then|it)\b|\bearlier\b|\bbefore\s*(?=\?)", re.I), "before"),
    (re.compile(r"\b(?:after|since)\s+(?:that|this)\s+(?!was|is|were|happened)[a-z]+\b|\b(?:after|since)\s+(?:that|this|then|it)\b|\bnext\b|\blater\b|\bafterwards\b|\bthen\s*(?=\?)", re.I), "after"),
]
_WH = re.compile(r"^\s*(?:and\s+|but\s+|so\s+)?(who|whom|whose|what|when|where|which|why|how)\b", re.I)
_TITLES = ("director", "president", "manager", "minister", "secretary", "chair", "chairman", "chairwoman",
           "chairperson", "laureate", "ceo", "founder", "coordinator", "officer", "head", "leader", "dr", "mr",
           "mrs", "ms", "prof", "professor", "ambassador", "representative", "member", "governor", "mayor",
           "senator", "king", "queen", "prince", "princess", "coach", "captain", "player")
_NAME = re.compile(r"\b([A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?(?:\s+[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?){1,2})\b")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_STOP = {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from", "about",
         "did", "do", "does", "is", "was", "were", "are", "be", "been", "has", "have", "had", "what", "when",
         "where", "who", "whom", "which", "why", "how", "we", "our", "us", "you", "i", "me", "my", "it", "its",
         "they", "them", "their", "she", "he", "her", "him", "his", "that", "this", "there", "those", "these",
         "then", "also", "so", "tell", "any", "some", "happen", "happened", "again", "one", "ones"}
_LEAD_VERB = re.compile(r"^(?:[A-Z][\w-]*(?:ed|de|ne|d)\b|Made|Held|Took|Gave|Ran|Met|Won|Led)\s+(?:(?:in|on|at|to|with|for|a|an)\s+)?", re.I)
UNSET = READ_FROM_QUESTION  # the time is read from the question as searched


@dataclass(frozen=True)
class Understood:
    """How a question was understood: what is searched, with which time, and why."""

    question: str  # what is searched (the question itself when it needs no context)
    when: TimeScope | None | object = UNSET  # the time to search with; UNSET: read it from `question`
    notes: tuple[str, ...] = ()  # what was taken from the conversation, in words
    base: str = ""  # the question without its time, for an elliptical next one ("and the year after?")

    @property
    def topic(self) -> str:
        return self.base or _without_time(self.question)

    @property
    def followup(self) -> bool:
        return bool(self.notes)


@dataclass(frozen=True)
class Turn:
    asked: str
    understood: Understood
    time: TimeScope | None  # the time the answer was searched with
    hits: tuple[Hit, ...]


@dataclass
class Conversation:
    """The turns so far (the last few are enough) and today's date, for "last year"."""

    turns: list[Turn] = field(default_factory=list)
    today: datetime.date = field(default_factory=datetime.date.today)
    keep: int = 6

    def add(self, asked: str, understood: Understood, time: TimeScope | None, hits: list[Hit]) -> None:
        self.turns.append(Turn(asked, understood, time, tuple(hits[:5])))
        del self.turns[:-self.keep]

    def clear(self) -> None:
        self.turns.clear()

    def ask(self, index: Index, embedder: Embedder, question: str, k: int = 5, retriever: str = "hybrid",
            use_time: bool = True, filters: Filters = Filters()) -> tuple[Answer, Understood]:  # noqa: B008 - frozen
        """Answers `question` as the next turn of this conversation; the answer and how the question was understood."""
        q = clean_question(question)
        understood = self.understand(q)
        answer = search(index, embedder, as_read(understood), k, retriever, use_time, filters, understood.when)
        self.add(q, understood, answer.time, answer.hits)
        return answer, understood

    def understand(self, question: str) -> Understood:
        """The question as it is meant after the turns so far (see the module's docstring)."""
        answered = [t for t in self.turns if t.hits]
        if not answered:
            return Understood(question)
        return _understand(question, answered, self.today)


def _understand(question: str, turns: list[Turn], today: datetime.date) -> Understood:
    prev, q, notes = turns[-1], " ".join(question.split()), []
    own_time = question_time(q, today)
    relative = None if own_time else _relative_time(q, _anchor_turn(q, turns))
    if relative is not None:
        q = " ".join(q.replace(relative[1], " ").split())
    elliptical = bool(ELLIPSIS.search(q)) and not _names_own_subject(q)
    if relative is not None and _WH.match(ELLIPSIS.sub("", q, count=1)):
        elliptical = False  # "and what came next?" asks its own question about another time
    q, swapped = _swap_pronouns(q, turns, notes)
    if elliptical and not swapped:
        q = _fill_ellipsis(q, prev, own_time, relative is not None, notes)
    elif elliptical and "[" not in q:  # "and who went with her?": her, and what the last answer was about
        q = _add_subject(q, prev, notes)
    elif not swapped and relative is None and _needs_subject(q, own_time):
        q = _add_subject(q, prev, notes)
    if relative is not None:
        scope, words = relative
        when = time_words(scope)
        notes.append(f"{words} = {when}")
        base = q.rstrip(" ?") if _content(q) else "What happened"
        return Understood(f"{base} [{when}]?", scope, tuple(notes), base=base + "?")
    if not notes:
        return Understood(question)
    if own_time is None and prev.time is not None and not _WH_TIME.match(q):
        notes.append(f"the time: {prev.time.describe()}, as before")
        return Understood(q, prev.time, tuple(notes))
    return Understood(q, UNSET, tuple(notes))


def _add_subject(q: str, prev: Turn, notes: list[str]) -> str:
    """A short question that names nothing of its own, about the previous answer's subject; an
    ordinal one ("where was the third held?") about the thing the previous question counted."""
    ordinal, counted = _ORDINAL.search(q), re.search(r"\b(?:" + "|".join(ORDINALS) + r")\s+([^?]+?)(?:\s+(?:in|at|on|held|was|took)\b|\?|$)",
                                                    prev.understood.topic, re.I)
    if ordinal and counted:
        thing = counted.group(1)
        notes.append(f"the {ordinal.group(1)} = the {ordinal.group(1)} {thing}")
        return q[:ordinal.end()] + f" [{thing}]" + q[ordinal.end():]
    subject = _subject(prev)
    notes.append(f"about: {subject}")
    return f"{q.rstrip(' ?')} [{subject}]?"


def _without_time(question: str) -> str:
    """A question with the dates it names (and their preposition) taken out."""
    question = re.sub(r"\s*\[(?:in|on or|between)\b[^\]]*\]", "", question)
    for span in reversed(find_dates(question)):
        lead = re.search(r"(?:\b(?:in|on|during|from|since|until|before|after|of|by)\s+)?$", question[:span.offset])
        question = question[:lead.start()].rstrip() + question[span.offset + span.length:]
    return " ".join(question.split())


def time_words(scope: TimeScope) -> str:
    """A period in the words a question would use: "in May 2021", "on or after 4 July 2021"."""
    if scope.start and scope.end and not scope.order:
        return "in " + readable_date(scope.start, None if scope.end == scope.start else scope.end)
    if scope.start and scope.end:
        return f"between {readable_date(scope.start)} and {readable_date(scope.end)}"
    if scope.start:
        return f"on or after {readable_date(scope.start)}"
    return f"on or before {readable_date(scope.end or '')}"


def _needs_subject(q: str, own_time: TimeScope | None) -> bool:
    """A short question that names nothing of its own ("where was the screening?") is about the
    previous answer's subject."""
    body = _WH.sub("", q, count=1)
    named = re.search(r"(?<!^)\b[A-Z][\w'’-]*", body.strip()) or re.search(r"\d", body)
    return own_time is None and not named and len(_content(body)) <= 2


_WH_TIME = re.compile(r"^\s*(?:and\s+)?when\b", re.I)


def _names_own_subject(q: str) -> bool:
    """An "and …" question that is whole by itself ("and what did ACE do in Ghana?") is not elliptical."""
    rest = ELLIPSIS.sub("", q, count=1)
    return bool(_WH.match(rest)) and len(_content(rest)) >= 3 and not THING.search(rest) and not PERSON.search(rest)


def _content(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if w.lower() not in _STOP]


def _anchor(prev: Turn) -> tuple[str, str] | None:
    """The period the previous turn was about: the one its question named, else its first passage's
    date, else the time it was searched with."""
    asked = question_time(prev.asked)
    if asked is not None and asked.start and asked.end and not asked.order:
        return asked.start, asked.end
    top = next((h for h in prev.hits[:3] if h.date), None)  # the first dated of the first passages
    if top is not None:
        return top.date, top.date_end or top.date
    if prev.time is not None and prev.time.start and prev.time.end:
        return prev.time.start, prev.time.end
    return None


def _anchor_turn(q: str, turns: list[Turn]) -> Turn:
    """The turn a relative time counts from: the last, or the last whose answer names the thing
    "that <thing>" points at ("before that letter")."""
    m = re.search(r"\b(?:that|this|the same)\s+([a-z][\w-]{2,})", q, re.I)
    if m and m.group(1).lower() not in ("day", "week", "month", "year", "time", "one"):
        word = m.group(1).lower().rstrip("s")
        for turn in reversed(turns):
            if word in turn.hits[0].text.lower():
                return turn
    return turns[-1]


def _shift(iso: str, unit: str, n: int) -> str:
    """An ISO prefix moved by n units, at the precision of the unit or of the date, whichever is coarser."""
    d = datetime.date.fromisoformat(lower_bound(iso))
    if unit == "year":
        return f"{d.year + n:04d}" + iso[4:] if len(iso) >= 4 else iso
    if unit == "month":
        months = d.year * 12 + d.month - 1 + n
        return f"{months // 12:04d}-{months % 12 + 1:02d}" + (f"-{min(d.day, 28):02d}" if len(iso) == 10 else "")
    days = n * (7 if unit == "week" else 1)
    return (d + datetime.timedelta(days=days)).isoformat()


def _day_before(iso: str) -> str:
    """The day before the first day an ISO prefix covers."""
    return (datetime.date.fromisoformat(lower_bound(iso)) - datetime.timedelta(days=1)).isoformat()


def _last_day(iso: str) -> datetime.date:
    """The last day an ISO prefix covers: "2019-02" -> 2019-02-28."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return datetime.date(*parts)
    year, month = parts[0], parts[1] if len(parts) == 2 else 12
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _day_after(iso: str) -> str:
    """The day after the last day an ISO prefix covers."""
    return (_last_day(iso) + datetime.timedelta(days=1)).isoformat()


def _unit_of(m: re.Match) -> str:
    return (m.groupdict().get("unit") or m.groupdict().get("unit2") or "year").lower()


def _relative_time(q: str, prev: Turn) -> tuple[TimeScope, str] | None:
    """The period a follow-up names relative to the previous answer, and the words that named it."""
    anchor = _anchor(prev)
    if anchor is None:
        return None
    start, end = anchor
    for pattern, kind in _RELATIVE:
        m = pattern.search(q)
        if m is None:
            continue
        unit, words = _unit_of(m), m.group(0).strip()
        if kind in ("later", "earlier"):
            n = _NUMBER.get((m.group("n") or "").lower()) or int(m.group("n"))
            if kind == "later":  # the first event from half the way there on
                return TimeScope(_halfway(end, unit, n, 1), None, "earliest"), words
            return TimeScope(None, _halfway(start, unit, n, -1), "latest"), words
        if kind in ("next", "previous"):
            step = 1 if kind == "next" else -1
            key = start if step < 0 else end
            shifted = _shift(_at_precision(key, unit), unit, step)
            return TimeScope(shifted, shifted), words
        if kind == "same":
            key = _at_precision(start, unit)
            return TimeScope(key, key), words
        if kind == "earlier in":
            return TimeScope(_at_precision(start, unit), _day_before(start), "latest"), words
        if kind == "later in":
            return TimeScope(_day_after(end), _at_precision(end, unit), "earliest"), words
        if kind == "before":
            return TimeScope(None, _day_before(start), "latest"), words
        return TimeScope(_day_after(end), None, "earliest"), words
    return None


def _at_precision(iso: str, unit: str) -> str:
    """The ISO prefix cut to the unit's precision: ("2019-11-25", "month") -> "2019-11"."""
    return iso[:4] if unit == "year" else iso[:7] if unit == "month" else iso


def _halfway(iso: str, unit: str, n: int, sign: int) -> str:
    """The day half of n units away from `iso` (its last day going on, its first going back): "two
    weeks later" looks for the first event from one week on, since few things happen exactly then."""
    d = _last_day(iso) if sign > 0 else datetime.date.fromisoformat(lower_bound(iso))
    days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n / 2
    return (d + datetime.timedelta(days=sign * max(1, round(days)))).isoformat()


_TITLED = re.compile(r"(?i:\b(?:" + "|".join(_TITLES) + r")\b)\.?,?\s+((?:[A-Z][a-z]+(?:[-'][A-Za-z]+)?\s+){0,2}"
                     r"[A-Z][a-z]+(?:[-'][A-Za-z]+)?)")


def _person(turns: list[Turn]) -> str | None:
    """The person the conversation is about: named in the last question, else the name after a title
    ("Managing Director Tomoko Shiroki") in its first passages that stands nearest the question's
    words, else named in an earlier question, else the title of the first passage's document when
    it reads as a name ("Sabine Hossenfelder")."""
    prev = turns[-1]
    own = _names(prev.asked)
    if own:
        return own[-1]
    titled = _titled(prev)
    if titled:
        return titled
    earlier = next((n for t in reversed(turns[:-1]) for n in reversed(_names(t.asked))), None)
    if earlier:
        return earlier
    title = (prev.hits[0].chunk.title or "") if prev.hits else ""
    return title if re.fullmatch(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,3}", title) else None


def _titled(prev: Turn) -> str | None:
    """The name after a title in the last answer's first passages, nearest the question's words."""
    words = {w.lower() for w in _content(prev.understood.question)}
    best, best_score = None, -1.0
    for rank, hit in enumerate(prev.hits[:3]):
        text = f"{hit.heading or ''} {hit.text}"
        for m in _TITLED.finditer(text):
            name = m.group(1)
            if not name[0].isupper() or any(w.lower() in _TITLES for w in name.split()):
                continue
            near = text[max(0, m.start() - 40):m.start()].lower()  # the title and what comes before it
            score = sum(1 for w in words if w in near) - rank - m.start() / 10_000
            if score > best_score:
                best, best_score = name, score
    return best


def _names(text: str) -> list[str]:
    """Person-like names in a question: two or three capitalised words, not at its start, no title among them."""
    out = []
    for m in _NAME.finditer(text):
        words = m.group(1).split()
        if m.start() == 0 or any(w.lower() in _TITLES for w in words):
            continue
        out.append(m.group(1))
    return out


_FRAME = re.compile(r"^\s*(?:and\s+)?(?:who|whom|whose|what|when|where|which|why|how)\b(?:\s+(?:did|do|does|is|was|were|are|has|have|had|can|could|will|would))?"
                    r"(?:\s+(?:we|you|they|i|it|[A-Z]{2,6}))?\s*", re.I)


def _subject(prev: Turn) -> str:
    """What the previous answer was about, as a phrase: its first passage's event (a dated entry
    without its date and leading verb), else its heading; the previous question's own topic
    instead when that passage shares few of its words (it may have answered something else)."""
    top = prev.hits[0]
    asked = _content(prev.understood.topic.replace("[", "").replace("]", ""))
    seen = f"{top.heading or ''} {top.text}".lower()
    if asked and sum(1 for w in asked if w.lower()[:5] in seen) * 2 < len(asked):
        return _FRAME.sub("", _without_time(prev.understood.topic)).strip(" ?[]")
    text = " ".join(top.text.split())
    spans = find_dates(text[:40])
    if spans and spans[0].offset == 0:
        event = _LEAD_VERB.sub("", text[spans[0].length:].strip(" ,:-–"), count=1)
        event = re.split(r"\s+(?:HERE|Read more)\b|[.;★](?:\s|$)", event)[0].split()[:14]
        while event and event[-1].lower() in _STOP:  # not ending on "on the"
            event.pop()
        return " ".join(event)
    if top.heading:
        return _label(top.heading.split(" › ")[-1])
    if len(text) <= 120:
        return _label(text)
    return " ".join(_content(prev.understood.question)[:8])


def _label(text: str) -> str:
    """A heading or list item as a name: without its role line ("- ACE as Board Member -") and brackets."""
    text = re.sub(r"\s[-–—]\s*[^-–—]*[-–—]\s*$|^[-–—]\s*[^-–—]*[-–—]\s", " ", text)
    inner = re.fullmatch(r"\s*\((.*)\)\s*", text)
    text = inner.group(1) if inner else re.sub(r"\s*\(.*?\)", "", text)
    return " ".join(text.split()).strip(" ,")


def _swap_pronouns(q: str, turns: list[Turn], notes: list[str]) -> tuple[str, bool]:
    """The question with its pronouns replaced by what they stand for; whether any was."""
    swapped = False
    if PERSON.search(q):
        person = _person(turns)
        if person:
            pronoun = PERSON.search(q).group(1).lower()
            q = PERSON.sub(lambda m: person + ("'s" if m.group(1).lower() in ("his", "hers") else ""), q)
            notes.append(f"{pronoun} = {person}")
            swapped = True
    if THING.search(q):
        subject = _subject(turns[-1])
        if subject:
            q = THING.sub(lambda m: f"{'at ' if m.group(0).lower() == 'there' else ''}[{subject}]", q, count=1)
            q = THING.sub("", q)
            notes.append(f"it = {subject}")
            swapped = True
    return " ".join(q.split()), swapped


def _fill_ellipsis(q: str, prev: Turn, own_time: TimeScope | None, relative: bool, notes: list[str]) -> str:
    """An elliptical question as the previous one with its time, ordinal or last name swapped."""
    base = prev.understood.topic if (own_time is not None or relative) else prev.understood.question
    rest = " ".join(ELLIPSIS.sub("", q, count=1).strip(" ?.!").split())
    if re.fullmatch(r"(?i)(who|what|when|where|why|how)", rest):  # "and where?": of the last answer's subject
        subject = _subject(prev)
        notes.append(f"about: {subject}")
        return f"{rest} was [{subject}]?"
    ordinal = _ORDINAL.search(rest)
    if relative and not _content(rest):
        notes.append("as before")
        return base
    if own_time is not None:
        new = _time_phrase(rest)
        notes.append(f"as before, {new}")
        return f"{base.rstrip(' ?')} {new}?"
    if ordinal and _ORDINAL.search(base):
        understood = _ORDINAL.sub(ordinal.group(1), base, count=1)
        notes.append(f"as before, the {ordinal.group(1)}")
        return understood
    names = [m for m in _NAME.finditer(base) if m.start() > 0]
    caps = [m for m in re.finditer(r"\b[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|and|the|de|for))*\s*[A-Z]?[\w'’-]*", base)
            if m.start() > 0 and not re.fullmatch(r"[A-Z]{2,5}(?:'s|’s)?", m.group(0).strip())]
    target = names[-1] if names else (caps[-1] if caps else None)
    if target is not None and rest and rest[0].isupper():
        understood = base[:target.start()] + rest + base[target.end():]
        notes.append(f"as before, about {rest}")
        return understood
    frame = _frame(base)
    understood = f"{frame} {rest}".strip()
    understood = understood if understood.endswith("?") else understood + "?"
    notes.append(f"as before: {frame} …")
    return understood


def _time_phrase(rest: str) -> str:
    """ "in 2017" from "in 2017", "2017" or "the year 2017"."""
    spans = find_dates(rest)
    if not spans:
        return rest
    text = rest[spans[0].offset:spans[-1].offset + spans[-1].length]
    if re.match(r"(?i)(from|between)\b", text):  # "from 2006 to 2009" says its own preposition
        return text
    lead = re.search(r"\b(in|on|during|from|since|until|before|after|by)\s+$", rest[:spans[0].offset])
    return f"{lead.group(1) if lead else 'in'} {text}"


def _frame(base: str) -> str:
    """The start of a question up to its subject: "Who is ACE's" of "Who is ACE's managing director?"."""
    m = re.match(r"^(.*?\b[\w'’-]+(?:'s|’s))\s", base)
    if m:
        return m.group(1)
    m = re.match(r"^\s*(\w+(?:\s+(?:did|does|do|is|was|were|are|has|have|had|can|could|will|would))?(?:\s+[A-Z][\w-]*)?)",
                 base)
    return m.group(1) if m else ""


def describe(understood: Understood) -> str:
    """ "Understood as: …" for the reply, or "" when the question was taken as it is."""
    if not understood.followup:
        return ""
    q = understood.question.replace("[", "").replace("]", "")
    return f"Understood as: {q} ({'; '.join(understood.notes)})"


def as_read(understood: Understood) -> str:
    """The question as searched: the brackets that mark what was filled in taken out."""
    return understood.question.replace("[", "").replace("]", "")
