"""Follow-up questions: what a conversation keeps in mind, and a follow-up read against it.

No language model, and no rewritten sentence. A conversation keeps a `Focus`, as a person does:
the subjects in focus (short names from the questions and from the event titles and headings of
the passages shown), the person in focus, the period in focus, and the list just shown. A new
question is resolved against it into search signals (`searching.Signals`), in the words of its
language's table (`qa/languages/`):
- "she", 彼女: the person's name is searched beside the question's own words (at a lower weight);
- "it", "there", "that meeting", その, そこ: the subject's names, likewise;
- "and in 2017?", "what about London?", 2017年は？: the previous question's words, likewise, with
  the new time or name;
- "the third one", 第3回: the series' own numbering when the documents have it (in the article in focus,
  when the question names no series), else the third passage of the list just shown, first; "married
  five times, yes? who was the third wife?": the third of a list one of its own first passages opens;
- "the month before", "that year", 翌月, その年: a period counted from the answer in focus;
- "what else", ほかに: the same focus, the passages already shown left out;
- "those two", その二人: the people the answer names; "the other one": the other of the two compared;
- no such word, and nothing named of its own (Japanese often drops the subject): about the
  subject in focus.
The passages just shown, and their document, count a little more (nearness). A question that
names its own subject is a new topic. Each resolution is said in a short note ("she → Tomoko
Shiroki", "that month → November 2019", "その年 → 2022年").
Left out: coreference past the focus (an earlier topic returns only by being named), plural
people said as "they" (read as the subject in focus), yes/no answers (the passage is shown, not a yes).
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
import unicodedata
from dataclasses import dataclass, field, replace

import numpy as np

from .chunking import Chunk
from .dates import (
    JAPANESE,
    DateSpan,
    TimeScope,
    find_dates,
    japanese_date,
    leading_date,
    lower_bound,
    readable_date,
    upper_bound,
    without_dates,
)
from .deciding import asked_sentences
from .embedding import Embedder, model_words
from .indexing import Index
from .keywords import expand_acronyms, kin, terms
from .languages import Relative, Words, table, words_for
from .places import is_place, region
from .querytime import months_of, part_of_year, question_time, season_in
from .searching import (
    READ_FROM_QUESTION,
    Answer,
    Filters,
    Hit,
    Signals,
    _stop_terms,
    clean_question,
    mended,
    search,
    section_of,
    specific_terms,
)

UNSET = READ_FROM_QUESTION  # the time is read from the question as searched
GENERIC = 0.3  # a name used by more than this share of the passages (the corpus's own organisation) names no subject
CARRY_PERIOD = True
_YEAR = re.compile(r"1\d{3}|20\d{2}")
ACROSS_YEAR = 8  # a month named alone more than this many months before the answer's is of the next year
OWN_SUBJECT = 2  # a question with this many specific words (and no reference word) is a new topic
NOTE_CHARS = 48  # a name in a note is cut to this ...
NOTE_LINE = 80  # ... and the words it explains so that the note stays under this
NAMED_SHARE = 0.5  # the passage that holds over half the words of a thing a time counts from ("after the forum") names it
NAMED_AMONG = 5  # ... and of this many that name it best, the one in the period asked about
RARE = 2  # ... but is what is asked about when it holds a word of the rest of the question that at most this many use
_TITLES = ("director", "president", "manager", "minister", "secretary", "chair", "chairman", "chairwoman",
           "chairperson", "laureate", "ceo", "founder", "coordinator", "officer", "head", "leader", "dr", "mr",
           "mrs", "ms", "prof", "professor", "ambassador", "representative", "governor", "mayor", "senator",
           "coach", "captain")
_TITLED = re.compile(r"(?i:\b(?:" + "|".join(_TITLES) + r")\b)\.?,?\s+((?:[A-Z][a-z]+(?:[-'][A-Za-z]+)?\s+){0,2}"
                     r"[A-Z][a-z]+(?:[-'][A-Za-z]+)?)")


@dataclass(frozen=True)
class Resolved:
    """A question resolved against the conversation: what is searched, with which signals, and why."""

    question: str  # the question as asked: its own words are searched as they are
    signals: Signals = Signals()
    when: TimeScope | None | object = UNSET  # the time to search with; UNSET: read it from the question
    notes: tuple[str, ...] = ()  # what was taken from the conversation, each a short line
    returned: str | None = None  # an earlier subject the question went back to ("back to the forum")
    series: tuple[str, int] | None = None  # the series and number of the item picked ("the second" dialogue)
    compared: tuple[int, ...] = ()  # the passages the item was picked from ("the older one" of two): "the other one"
    pronoun: tuple[str, str] | None = None  # the person "she", "he" meant, and the sex the word tells

    @property
    def followup(self) -> bool:
        return bool(self.notes)


@dataclass
class Focus:
    """What the conversation is about after a turn."""

    subjects: list[str]  # short names, the main one first
    person: str | None
    period: TimeScope | None  # the period a question named, kept until another is named
    shown: tuple[Hit, ...]  # the list just shown, in its order
    frame: str  # the words of the last question that asked something of its own, without its time
    language: str
    anchor: tuple[str, str] | None = None  # the date of the answer in focus (the last dated first passage)
    topic: str | None = None  # the title of the answer's document, when it names something ("Graham Potter")
    events: frozenset[str] = frozenset()  # the subjects taken from passages' event titles, not named by a question
    history: tuple[str, ...] = ()  # every subject of the conversation, the latest first (for "back to the forum")
    before: tuple[str, str] | None = None  # the date of the answer before that one (for "in between those two")
    listed: str = ""  # the frame of the last question that did not pick one of a list ("list the comments of 2020")
    series: tuple[str, int] | None = None  # the series and number of the item the last question picked
    compared: tuple[int, ...] = ()  # the passages the last question picked its item from
    place: str | None = None  # the place "there" last meant ("the Diet Member's Building")
    answered: tuple[Hit, ...] = ()  # the first passage of each turn, the latest first (for "the January one" of before)
    said: str = ""  # the last question's words, all of them (for "the official" it introduced)
    # the person a pronoun of the last question meant, and its sex, when someone else it named is now in focus ("she
    # went with Akira Kondo": "him" is Kondo, "her" still the one "she" meant)
    aside: tuple[str, str] | None = None


@dataclass
class Conversation:
    """The focus so far and today's date (for "last year")."""

    focus: Focus | None = None
    today: datetime.date = field(default_factory=datetime.date.today)
    shows: int | None = None  # how many passages of an answer the person sees (None: all asked for)

    def clear(self) -> None:
        self.focus = None

    def ask(self, index: Index, embedder: Embedder, question: str, k: int = 5, retriever: str = "hybrid",
            use_time: bool = True, filters: Filters = Filters()) -> tuple[Answer, Resolved]:  # noqa: B008 - frozen
        """Answers `question` as the next turn of this conversation; the answer and how it was resolved."""
        asked = clean_question(question)
        # "Hi, I'm new at ACE and going through our record. What's the earliest event?"; "which month, dear?"; "membrs"
        words = words_for(_fold(asked))
        q = _asking(index, mended(index, embedder, words.unaddressed(words.without_asides(asked))))  # read as searched
        resolved = self.resolve(index, q)
        answer = search(index, embedder, q, k, retriever, use_time, filters, resolved.when, resolved.signals)
        if not answer.hits and not resolved.followup and self.focus is not None and self.focus.shown:
            # read as a new topic, it is about nothing the documents hold ("which city?"): it asks about the focus
            again = _resolve(index, q, self.focus, self.today, new_topic=False)
            retried = search(index, embedder, q, k, retriever, use_time, filters, again.when, again.signals)
            # not "xqzv?", which neither asks nor says a word (the documents' or the model's: "occasion?")
            lexicon = model_words(getattr(embedder, "name", ""))
            known = any(index.frequency(t) for t in terms(q)) or any(w in lexicon for w in re.findall(r"[a-z]+", q.lower())) \
                or bool(words_for(_fold(q)).question.search(_fold(q)))
            if retried.hits and known:
                answer, resolved = retried, again
        nth = (_nth_of_list_found(index, _fold(q), answer.hits) or _nth_time(index, _fold(q), answer.hits)) \
            if resolved.signals.item is None else None
        if nth is not None:  # "he was married five times, yes? who was the third wife?": the third of the list found
            signals = replace(resolved.signals, item=nth[0])
            answer = search(index, embedder, q, k, retriever, use_time, filters, resolved.when, signals)
            resolved = replace(resolved, signals=signals, notes=resolved.notes + (nth[1],))
        missing = _missing_nth(index, _fold(q))
        if missing:  # "when was the fourth SDG 8.7 Dialogue?" where the documents number three: nothing answers
            answer, resolved = replace(answer, found=False), replace(resolved, notes=resolved.notes + (missing,))
        if answer.hits or self.focus is None:  # a turn that found nothing leaves the conversation where it was
            focus = _next_focus(self.focus, index, q, resolved, answer, self.today, self.shows)
            self.focus = replace(focus, said=asked, aside=_aside(self.focus, resolved, focus.person))
        return (replace(answer, question=asked) if q != asked else answer), resolved

    def resolve(self, index: Index, question: str) -> Resolved:
        """The question read against the focus (see the module's docstring)."""
        if self.focus is None or not self.focus.shown:
            return _opening(index, question, self.today)
        return _resolve(index, question, self.focus, self.today)


def _fold(text: str) -> str:
    """Full-width digits and letters as plain ones (３ -> 3) and small words' slips put right ("wat about
    1959"), for the tables' patterns."""
    text = unicodedata.normalize("NFKC", text)
    return words_for(text).mend(text)


@dataclass
class _Reading:
    """A follow-up being resolved: what it refers with, and the signals and notes gathered so far."""

    index: Index
    q: str
    words: Words
    focus: Focus
    own: list[str]  # the names it gives of its own
    own_time: TimeScope | None
    notes: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    item: int | None = None
    exclude: tuple[int, ...] = ()
    elsewhere: bool = False  # "what about Buenos Aires?": not near the passages just shown
    among: tuple[int, ...] = ()  # "of the three, which …": the list just shown, to pick from
    topical: bool = False  # "and the pledge, when was that?": it opens with a subject of its own
    series: tuple[str, int] | None = None  # the numbered item picked: "the second" SDG 8.7 Dialogue
    compared: tuple[int, ...] = ()  # the passages the item is picked from
    unsaid: list[str] = field(default_factory=list)  # the question's words that only refer ("those two"): not matched
    place: str = ""  # the place "there" names

    def note(self, said: str, meant: str) -> None:
        self.notes.append(_note_line(said, meant))


def _note_line(said: str, meant: str) -> str:
    """ "said → meant", the words said cut so that the note stays one short line."""
    room = max(16, NOTE_LINE - 3 - len(meant))
    said = " ".join(said.split())
    return f"{said if len(said) <= room else said[:room - 1].rstrip() + '…'} → {meant}"


def _opening(index: Index, question: str, today: datetime.date) -> Resolved:
    """A first question read on its own: only a time it counts from a thing it names ("what did we do
    right after the C20 summit?") needs reading here; that thing's passage is left out."""
    q = _fold(question)
    words = words_for(q)
    nothing = Focus([], None, None, (), "", words.code)
    r = _Reading(index, q, words, nothing, [], None)
    left_out, unsaid = _besides(r, words.besides.search(q), question_time(q, today))
    counted = _relative(q, words, nothing, index)
    if counted is None:
        return Resolved(question, Signals(exclude=left_out, left_out=unsaid), notes=tuple(r.notes)) if left_out \
            else Resolved(question)
    own = question_time(q.replace(counted[1], " "), today)
    scope, said, thing = _within(own, counted) if own is not None and own.bounded else counted
    r.note(said, _period_words(scope, words))
    exclude = left_out + ((thing,) if thing is not None and scope.order and thing not in left_out else ())
    return Resolved(question, Signals(exclude=exclude, time_words=said, left_out=unsaid), scope, tuple(r.notes))


def _asks_ever(q: str, words: Words) -> bool:
    """Whether a question asks if something was done at all ("that man Satyarthi, did he come to Japan
    with ACE before that?"); not "how many votes did he get a few days before?" nor "did she hand it over
    before the summit or after?", which ask what or which."""
    m = words.asks_ever.search(q)
    if m is None or words.either_way.search(q):
        return False
    clause = re.split(r"[.?!;,:—–]", q[:m.start()])[-1]
    return words.wh.search(clause) is None


def _names_kind_besides(text: str, kind: str, besides: str) -> bool:
    """Whether `text` says the word of the kind asked ("ministry": "Ministry of Economy") outside the
    thing left out ("besides the Cabinet Secretary")."""
    left = re.sub(r"(?i)^(?:the|a|an|that|this)\s+", "", besides.strip(" ,;:?!"))
    rest = re.sub(re.escape(left), " ", text, flags=re.I) if left else text
    return len(kind) > 3 and re.search(rf"(?i)\b{re.escape(kind[:max(4, len(kind) - 2)])}", rest) is not None


def _besides(r: _Reading, m: re.Match | None, when: TimeScope | None = None) -> tuple[tuple[int, ...], str]:
    """ "besides the Geneva forum", 国連フォーラム以外 (`words.besides`' match): the passage of the thing left
    out (noted) and the words that named it."""
    named = r.words.one.sub(" ", m.group("x")) if m is not None else ""  # "not the signatures one": the signatures
    if m is None or not _names_something(named, r.words) or _is_time(named, r.words):
        return (), ""
    noun = {t[:5] for t in terms(named) if t not in r.words.stop}
    asked = r.focus.shown and noun and noun <= {t[:5] for t in terms(r.focus.said)}
    # "not the wedding" after "when was the wedding?": the answer it got, whatever words that passage uses
    number = r.focus.shown[0].number if asked else _named_passage(r.index, named, NAMED_SHARE, when)
    if number is None:
        return (), ""
    r.note(m.group(0).strip(" ,;:?!"), r.words.said["left out"])
    return (number,), m.group(0)


def _resolve(index: Index, question: str, focus: Focus, today: datetime.date, new_topic: bool = True) -> Resolved:
    """The question read against the focus; `new_topic=False`: never read as a topic of its own."""
    q = _fold(question)
    words = words_for(q)
    q = _without_courtesy(q, words)
    returned = _returned(q, words, focus)
    if returned is not None:  # "back to the forum: who went?": that subject again, without the period since
        subject, said, _ = returned
        focus = replace(focus, subjects=[subject] + [s for s in focus.subjects if s != subject], period=None,
                        anchor=_dated(index, subject), events=focus.events - {subject})
        kept = " ".join(t.group(0) for r in words.relative for t in r.pattern.finditer(said))
        q = q.replace(said, f" {kept} ", 1)
    # "was that before the Geneva forum?" asks whether, of the thing in focus: no period to search
    compared = words.comparison.search(q)
    first_of = words.which_first.search(q)  # "which came first, that or the Matsuyama dialogue?": no time of its own
    counted = None if compared or first_of else _ordered_within(q, _relative(q, words, focus, index), words, focus, index)
    anchored = counted is not None and counted[2] is not None  # "right after the C20 summit in April 2019"
    own_time = _own_time(q.replace(counted[1], " ") if anchored else q, words, today)  # not the thing's own date
    order = own_time.order if own_time is not None and not own_time.bounded else None  # "the last thing"
    if counted is not None and (anchored or counted[0].order) and own_time is not None and own_time.bounded:
        # "in 2018, before the Bangkok forum", "the one before that, in December 2019"
        own_time, counted = None, _within(own_time, counted)
    relative = None if own_time and not order else _with_season(q, counted, focus)
    if order and relative is not None:  # "the last thing they did that year": the latest of that year
        own_time, relative = None, (TimeScope(relative[0].start, relative[0].end, order), *relative[1:])
    spared = words.besides.search(q)  # "besides the second dialogue": no reference, ordinal nor name of the question
    if spared is not None and re.match(r"(?i)(?:but\s+)?not\b", spared.group(0)) and words.other_one.search(q):
        spared = None  # "the other one, not london": which of the two shown, told by the other
    q = q if spared is None else q[:spared.start()] + " " * (spared.end() - spared.start()) + q[spared.end():]
    comparative = words.comparative.search(q)  # "the later of the two": not a time of its own
    if comparative is not None and _names_another(index, q[comparative.end():], focus):
        comparative = None  # "did ACE also comment on the earlier baseline study report?": that report
    if comparative is not None:
        q = q[:comparative.start()] + " " * (comparative.end() - comparative.start()) + q[comparative.end():]
        relative = None if relative and relative[1] in comparative.group(0) else relative
    person, thing, more = words.person.search(q), _reference(q, words), words.more.search(q)
    if thing is None and person is None and not _own_names(index, q, words):
        thing = _kind_in_focus(q, words, focus)  # "how does the conference describe itself?": the one in focus
    timed = relative[1].split("…")[0] if relative is not None else ""
    at = q.find(timed) if timed else -1
    # "after that": the time counts from the answer, and its note says so; its subject still counts, unnoted
    quiet = thing is not None and 0 <= at <= thing.start() < at + len(timed)
    # "so that was the second dialogue… when was the very first one?": the last one said is the one asked
    ordinal = None if order or comparative else next(reversed(list(words.ordinal.finditer(q))), None)
    if ordinal is not None and words.occasion.match(q, ordinal.end()):
        ordinal = None  # "when was the second time?": an occasion, counted among what the answer finds (`_nth_time`)
    if ordinal is not None and not _of_focus_series(ordinal, words, focus):
        ordinal = None  # "the fifth Global Conference" while the dialogues are in focus: a subject of its own
    if ordinal is not None and relative is not None and ordinal.group(0) in relative[1]:
        ordinal = None  # "between the first and the second one": the time between them, not either
    if ordinal is not None and relative is not None and relative[0].order and \
            words.ordinals.get((ordinal.group("n") or ordinal.group("n2") or "").lower()) in (1, -1):  # "the first thing we did after that"
        ordinal = None
    elliptical = _elliptical(q, words) or bool(words.another_one.search(q))  # "was there an earlier one?"
    # a name in the relative time is what it counts from ("… as the Osaka declaration"), not the question's own
    own = [n for n in _own_names(index, q, words) if not (relative and n in relative[1])]
    if person is not None and words.reflexive.fullmatch(person.group(0)) and _named_before(index, q, person.start()):
        person = None  # "has ACE ever had Satyarthi in the room himself?": himself is Satyarthi
    r = _Reading(index, q, words, focus, own, own_time)
    if comparative is not None:
        _comparative(r, comparative)
    elif first_of is not None and focus.shown:
        _which_first(r, first_of)
    pointing = compared.group("x") if compared and focus.shown else ""
    compared = compared if words.thing.fullmatch(pointing) and not words.group.fullmatch(pointing) else None
    if compared:  # "was that before the Geneva forum?": the answer in focus, dated in the note; the thing it is
        hit = focus.shown[0]  # compared with first, whose date answers it (nothing named: the answer in focus first)
        rest = [t for t in terms(_timeless(q[compared.end():], words)) if t not in words.stop]
        if not own and not (rest and compared.groupdict().get("same")):  # "… the same month as the seminar with
            r.item = hit.number  # the american official?": that seminar, whose date answers it
        r.note(pointing, f"{_short(_label(hit, words))}{_when(hit, words)}")
    described = words.one_of.search(q) if comparative is None and not ordinal and r.item is None else None
    if described is not None and not (relative and (described.group(0) in relative[1] or timed in described.group(0))):
        # "before the Geneva one"; "the submission immediately before that one" is of a time, not of the list
        _described(r, described)
    other = words.other_one.search(q) if r.item is None and not ordinal else None
    if other is not None:
        _other(r, other)
    on_page = words.on_page.search(q) if r.item is None and not ordinal else None
    if on_page is not None:
        _on_page(r, on_page)
    thing = None if r.item is not None or compared or _antecedent_here(r, thing) else thing  # "the later one, when was it?": it
    # is that one; "… New York … there", "the seminar with the U.S. official …, its title": its antecedent is here
    _among(r, ordinal)
    if not (relative or ordinal or person or thing or more or elliptical or returned or r.item is not None
            or r.among or compared) \
            and new_topic and _names_its_own(r):
        # an article's sections stay about its title, and so does a name the article writes that titles no other
        # ("Commissioned into the RAN on what date?" while HMAS Wollongong is in focus)
        if focus.topic and not own_time and (not r.own or _of_article(r)):
            return Resolved(question, Signals(focus.topic, tuple(h.number for h in focus.shown[:3])),
                            notes=(f"{words.said['about']} → {_short(focus.topic)}",))
        return Resolved(question)  # a new topic: it names what it is about (or a time, or what no passage says)
    if returned is not None:
        r.context.append(focus.subjects[0])
        r.note(returned[2], _short(focus.subjects[0]))
        thing = None  # "those", "its" after "back to X": X
    here = _person_before(q, person, words, focus, returned) if person else None
    meant = here or _pronoun_person(person, focus, words) or _shown_person(focus, index, words) if person else None
    if person and meant:  # "back to Iwatsuki: what did the pack she handed over ask?": Iwatsuki
        r.context.append(meant)
        r.note(person.group(0), _short(meant))
    noted = len(r.notes)
    thing = _pair(r, thing)
    _thing(r, thing, person is not None)
    if quiet:
        del r.notes[noted:]
    if elliptical and focus.frame and not (relative is not None and relative[2] is not None and not r.own):
        # "and right before the VNR comments?": what came then, whatever the last question asked
        _ellipsis(r, ordinal is not None, timed=relative is not None,
                  plain=not (ordinal or relative or person or thing or more or comparative or r.item is not None))
    if ordinal:
        _ordinal(r, ordinal, relative[0] if relative is not None and relative[0].bounded else None)
        if r.series is not None and relative is not None and relative[2] is None:
            relative = None  # "two months after it, the second one": the series' own second, whenever it was
    left_out, unsaid = _besides(r, spared, own_time or focus.period)
    kind = words.asks_kind.search(q)
    if left_out and (focus.shown and left_out[0] == focus.shown[0].number and
                     (words.asks_person.search(q) or re.search(r"(?i)\bwhom\b", q))
                     or kind and _names_kind_besides(index.chunks[left_out[0]].text, kind.group("kind"), spared.group("x"))):
        left_out = ()  # "to whom else were they handed, besides the Chief Cabinet Secretary?": the answer names them;
        #                "besides the cabinet secretary, which ministry got them?": its passage names a ministry too
        r.notes = [n for n in r.notes if not n.endswith(words.said["left out"])]
    if more and not left_out and words.asks_person.search(q) and focus.shown:
        more = None  # "who else from ACE was there with her?", "who else got them?": the answer may name them
    if more or left_out:
        # the answer in focus, and the answers before it: "what else that year" after two of its events, neither
        r.exclude = left_out or tuple(dict.fromkeys(h.number for h in focus.shown[:1] + focus.answered))
        # "any other gatherings in Côte d'Ivoire?": not the meeting's other paragraphs either ("what else did they
        # present there?" may be one)
        if more and not left_out and focus.shown and words.other_kind.search(more.group(0)):
            r.exclude = tuple(dict.fromkeys(r.exclude + tuple(section_of(index, focus.shown[0].number))))
    if more:
        r.context += focus.subjects[:2]
        if not left_out:
            r.note(more.group(0), words.said["not shown"])
    if new_topic and r.topical and not (r.notes or relative or ordinal or more or returned):
        return Resolved(question)  # "and the pledge, when was that?": a subject of its own, a new topic
    if new_topic and not (r.notes or relative or ordinal or elliptical or more or returned) and _new_name(r):
        return Resolved(question)  # "has Satyarthi himself …?": a pronoun pointing at nothing, a new topic
    if not r.notes and not relative and focus.subjects:  # nothing of its own named: about the subject in focus
        main = _sharing(q, words, focus)  # "what's their role in the alliance?": the one named by its word
        r.context += list(dict.fromkeys([main] + focus.subjects[:2]))
        r.note(words.said["about"], _short(main))
    when, named, said = UNSET, True, ""
    if relative is not None and r.item is None and _next_of_series(r, relative):
        relative = None  # "and the second?" … "and then?": the third
    if relative is not None:
        when, said = relative[:2]
        if when.order and (when.start is None or when.end is None) and _asks_ever(q, words):
            when = TimeScope(when.start, when.end)  # "did he come to Japan before that?": at any time before it
        r.note(said, _period_words(when, words))
        # "who did he marry next?", "and then?": the answer's own story may go on to it (TimeQA dev: +11 -6 at 1,
        # +13 -0 at 5 against leaving the answer out whenever the time counts no units)
        told = _counted(relative[1], words, when, focus) or when
        # (a time counting units, when the answer counts on to it in words: "The following year he went into
        # partnership with …" for "and the year after, with whom he made the partnership?")
        answer = focus.shown[0] if focus.shown and relative[2] is None else None  # what "after that" counts from
        tells, units, rest = answer is not None and _tells_of(answer, told), bool(_units_said(said, words)), q.replace(said, " ")
        pinned = answer is not None and not r.exclude and r.item is None and not tells
        counted_on = pinned and units and _tells_of(answer, told, words)
        goes_on = pinned and (when.order and not units or counted_on) \
            and _goes_on_to(index, answer, told if counted_on else when, rest, words, True, counted_on)
        if goes_on:  # "after that she was an intern in the White House, right?": the answer says all of it after its date
            r.item = answer.number
        if when.order and (not r.exclude or more and not left_out) and (focus.shown or relative[2] is not None) \
                and not (answer is not None and (goes_on or tells or _goes_on_to(index, answer, when, rest, words))):
            # another event than it; "what else that year, after the seminar": than either
            r.exclude = (*r.exclude, focus.shown[0].number if relative[2] is None else relative[2])
        elif more and not left_out and relative[2] is not None and relative[2] not in r.exclude:
            r.exclude = (*r.exclude, relative[2])  # "same month as the Osaka declaration, where else …?": not it
    elif own_time is not None and not own_time.bounded and focus.period is not None and words.one.search(q) \
            and focus.period.bounded and not focus.period.order:  # "most recent one?" after 2018's list: 2018's latest
        when = TimeScope(focus.period.start, focus.period.end, own_time.order)
        r.note(words.said["period"], _period_words(focus.period, words))
    elif own_time is None and r.item is None and not r.own and _carries_period(q, words, focus):  # "the last one": of all
        when, named = focus.period, False  # the period in focus still counts, softly
        r.note(words.said["period"], _period_words(focus.period, words))
    period = when if isinstance(when, TimeScope) else own_time
    if more and r.exclude and not left_out and focus.topic and period is not None and period.bounded \
            and not _dated_besides(index, r.exclude, period):
        r.exclude = ()  # "anything else she took on that July?": nothing else of hers is dated then; the answer's
        #                 other sentences may tell it
        r.notes = [n for n in r.notes if n != _note_line(more.group(0), words.said["not shown"])]
    if focus.topic:  # an article's sections are all about its title
        r.context.append(focus.topic)
    signals = Signals(" ".join(dict.fromkeys(c for c in r.context if c)),
                      () if r.elsewhere else tuple(h.number for h in focus.shown[:3]),
                      r.exclude, r.item, named, said.split("…")[0], "\n".join([unsaid, *r.unsaid]).strip(), r.among,
                      r.place)
    notes = tuple(n for n in r.notes if len(set(n.lower().split(" → "))) > 1)  # not "his career → his career"
    return Resolved(question, signals, when, notes, focus.subjects[0] if returned else None, r.series,
                    r.compared if r.item is not None else (), (meant, words.gender.get(person.group(0).lower(), ""))
                    if person and meant else None)


_SENTENCE = re.compile(r"(?<=[.!])\s+|(?<=[。！])")  # not the point of "8.7"


def _dated_besides(index: Index, shown: tuple[int, ...], period: TimeScope) -> bool:
    """Whether the document of the passages `shown` has another passage dated in `period`."""
    document = index.table.document
    same = np.flatnonzero(document == document[shown[0]])
    same = same[~np.isin(same, shown)]
    return bool(len(same)) and bool(index.table.dated_in(same, period).any())


def _next_of_series(r: _Reading, relative: tuple) -> bool:
    """ "and then?", "the one before?" right after one of a numbered series was picked ("and the second?"):
    the series' next (or previous) one, when the documents number it. Sets the item and its note."""
    when, said, thing = relative
    if r.focus.series is None or thing is not None or when.order not in ("earliest", "latest") or r.own \
            or _counted(said, r.words, when, r.focus) is not None or _specific(r.index, r.q, r.words):
        return False
    series, n = r.focus.series
    n += 1 if when.order == "earliest" else -1
    word = next((w for w, v in r.words.ordinals.items() if v == n), str(n))
    found = _series_item(r.index, word, n, series, r.words) if n > 0 else None
    if found is None:
        return False
    r.item, r.series = found, (series, n)
    r.note(said, f"{_short(series)}, {word}{_when(r.index.chunks[found], r.words)}")
    return True


def _asking(index: Index, q: str) -> str:
    """The question without the remarks before the sentence that asks in which the speaker talks of
    themselves and names nothing (no name few passages use, date, time or reference): "Hi, I'm new at
    ACE and going through our advocacy record from the start. What's the earliest event listed?" asks the
    last sentence alone, and so does "What's the earliest event? I'd like to open my speech with it.";
    "I'm writing about the Ghana project. When did it start?" keeps Ghana."""
    words = words_for(_fold(q))

    parts = [p for p in re.split(r"(?<=[.!?。！？])\s+", q) if p.strip()]
    asked = [p for p in parts if "?" in p or "？" in p]
    # "… which was the earliest one?" names no thing of its own: the remark before it may ("I'm listing all the
    # public comments we submitted …")
    pointing = bool(asked) and bool(words.one.search(_fold(asked[-1])))

    def remark(p: str, after: bool) -> bool:  # the speaker on themselves, naming nothing the question needs
        f = _fold(p)  # (after the question, "it" and "that" are its answer: "I want the speech to end on it")
        return bool(words.speaker.match(f)) and not (
            _own_names(index, f, words) or find_dates(f) or words.month.search(f)
            or pointing and not after and _specific(index, f, words) > 0
            or not after and (words.thing.search(f) or words.person.search(f) or words.back_to and words.back_to.search(f)
                              or any(r.pattern.search(f) for r in words.relative)))
    # "Speaking of signatures — my hand ached for weeks one summer! — when did they hand them in?"
    q = _ASIDE.sub(lambda m: " " if remark(m.group(1) or m.group(2), False) else m.group(0), q)
    parts = [p for p in re.split(r"(?<=[.!?。！？])\s+", q) if p.strip()]
    if len(parts) < 2 or not any("?" in p or "？" in p for p in parts):
        return q
    last = max(n for n, p in enumerate(parts) if "?" in p or "？" in p)
    return " ".join(p for n, p in enumerate(parts) if n == last or not remark(p, n > last))


_ASIDE = re.compile(r"\s[—–-]{1,2}\s+([^—–]+?)\s*[—–-]{1,2}\s|\s\(([^()]+)\)")  # between dashes or in brackets


def _without_courtesy(q: str, words: Words) -> str:
    """The question without the short remarks before it that ask nothing and name nothing ("Thank
    you very much.", "That is helpful."), blanked so that positions stay."""
    opening = words.interjection.match(q)  # "lovely, and then what did we do?"
    if opening is not None and opening.end() < len(q.rstrip()):
        q = " " * opening.end() + q[opening.end():]
    ending = words.afterthought.search(q)  # "what else that year, after the seminar I mean"
    if ending is not None and ending.start() > 0:
        end = ending.end() - q.endswith("?")  # the question mark stays
        q = q[:ending.start()] + " " * (end - ending.start()) + q[end:]
    for aside in words.aside.finditer(q):  # "the baseline study which, as I understand it, preceded …": no "it"
        q = q[:aside.start()] + "," + " " * (aside.end() - aside.start() - 1) + q[aside.end():]
    parts, kept = _SENTENCE.split(q), []
    for n, part in enumerate(parts):
        asks = "?" in part or "？" in part or words.question.search(part) or n == len(parts) - 1
        says = words.names(part) or find_dates(part) or words.month.search(part) or any(
            r.pattern.search(part) for r in words.relative) or (words.back_to and words.back_to.search(part))
        #                                                     "ok back to roundtable.": a return, no courtesy
        if kept or asks or says or len(part.split()) > 6 or len(part) > 40:
            kept.append(part)
        else:
            kept.append(" " * len(part))
    return "".join(a + b for a, b in zip(kept, [m.group(0) for m in _SENTENCE.finditer(q)] + [""], strict=False))


def _carries_period(q: str, words: Words, focus: Focus) -> bool:
    """Whether the period in focus still counts for a question that names no time: not for "when …?"
    nor for "has she ever …?" (any time)."""
    return focus.period is not None and CARRY_PERIOD and not words.asks_date.search(q) \
        and not words.any_time.search(q) and not focus.topic


def _dated(index: Index, subject: str) -> tuple[str, str] | None:
    """The date of the passage that names a subject best, if it is dated: what "the month before it"
    counts from after "back to Geneva"."""
    number = _named_passage(index, subject)
    chunk = index.chunks[number] if number is not None else None
    return (chunk.date, chunk.date_end or chunk.date) if chunk is not None and chunk.date else None


def _named_passage(index: Index, name: str, share: float = 0.0, within: TimeScope | None = None,
                   dated: bool = False) -> int | None:
    """The passage that names a thing best, when it holds more than `share` of the name's words; of
    the few best, the first dated `within` a period when one is (国連フォーラム in November 2019), or
    the first dated at all when a time counts from it (`dated`: a heading gives no year to count from)."""
    name = expand_acronyms(name, index.frequency, lambda: index.acronyms)  # "HLPF": High Level Political Forum
    among = within is not None and within.bounded or dated
    ids, _ = index.keyword_search(name, NAMED_AMONG if among else 1)
    wanted = set(terms(name))

    def holds(i: int) -> bool:
        chunk = index.chunks[i]
        return not share or len(wanted & set(terms(f"{chunk.heading or ''} {chunk.text}"))) > share * len(wanted)
    named = [int(i) for i in ids if holds(int(i))]
    timed = [i for i in named if within is not None and within.bounded and index.chunks[i].date
             and within.overlaps(index.chunks[i].date, index.chunks[i].date_end)]
    if dated and not timed:
        timed = [i for i in named if index.chunks[i].date]
    return timed[0] if timed else named[0] if named and named[0] == int(ids[0]) else None


def _own_time(q: str, words: Words, today: datetime.date) -> TimeScope | None:
    """The time a follow-up names of its own; not "the next year", "the following month", which in a
    conversation count from the answer (`_relative`), not from today."""
    return question_time(_relatives_out(q, words), today)


def _antecedent_here(r: _Reading, thing: re.Match | None) -> bool:
    """Whether a reference word points back at a name the question itself gave before it ("… New York …
    there"; not "which SDG target … that session", whose noun that name does not share)."""
    if thing is None:
        return False
    noun = {t[:5] for t in terms(thing.group(0)) if t not in r.words.stop}
    asked = r.words.asks_kind.search(r.q)  # "which G20 meeting was that for?": G20 is what is asked, not "that"
    inside = (asked.start(), asked.end("kind")) if asked is not None else (-1, -1)
    def asked_for(at: int) -> bool:  # "which TICAD was that and which city?": TICAD is asked, not "that"
        before = r.q[:at].split()
        return inside[0] <= at < inside[1] or bool(before) and r.words.question.fullmatch(before[-1]) is not None
    brought = [m.group(0) for m in r.words.introduced.finditer(r.q, 0, thing.start())]  # "another competition"
    # "were they also in Abidjan? what was that meeting?": an event held at the place the question named
    held_at = bool(r.words.event.search(thing.group(0)))
    return any(0 <= r.q.find(n) < thing.start() and not asked_for(r.q.find(n))
               and (not noun or noun & {t[:5] for t in terms(n)} or held_at and is_place(n)) for n in r.own) \
        or any(not noun or noun & {t[:5] for t in terms(b)} for b in brought)


def _aside(before: Focus | None, resolved: Resolved, person: str | None) -> tuple[str, str] | None:
    """Who a pronoun meant while someone else is now in focus ("which meeting did she attend with Akira Kondo?": she,
    while Kondo is), kept over the turns that speak of that other one ("and him?")."""
    meant = resolved.pronoun  # (not when the answer brought the other one: "who took over when he resigned?")
    if meant and meant[1] and person and meant[0] != person and person.split()[-1] in resolved.question:
        return meant
    kept = before.aside if before is not None and resolved.followup else None
    return kept if kept and kept[0] != person else None


def _pronoun_person(pronoun: re.Match, focus: Focus, words: Words) -> str | None:
    """Who "him", "she" means: the person in focus, or the one a pronoun of the same sex meant the turn before while
    someone else it named came into focus."""
    sex = words.gender.get(pronoun.group(0).lower())
    if focus.aside and sex and focus.aside[1] == sex and focus.aside[0] != focus.person:
        return focus.aside[0]
    return focus.person


def _shown_person(focus: Focus, index: Index, words: Words) -> str | None:
    """Who "she" means when no one is in focus yet: the first person the answer just shown names ("what session
    did ace present in" shown "Tomoko Shiroki also presented …": "did she present the year after too?"), by a
    name whose words the passages never write in lower case (`Index.people`: not "Paris Exposition")."""
    if not focus.shown:
        return None
    return next((n for n, kind in words.names(focus.shown[0].text) if kind == "person" and not is_place(n)
                 and all(w.lower() in index.people for w in n.split())), None)


def _person_before(q: str, pronoun: re.Match, words: Words, focus: Focus, returned) -> str | None:
    """The person a question names before its "she"/"he" (or goes back to): that person, by the full name
    the conversation gave when it names only part of it ("Iwatsuki": Yuka Iwatsuki)."""
    said = q[:pronoun.start()]
    # "the partnership with Mr. Brunner — … the year after he met …": he is still the one in focus
    named = [n for n, kind in words.names(said) if kind == "person"
             and not (focus.person and words.object_of.search(said[:said.find(n)]) and not _same_person(n, focus.person))]
    if named:
        return named[-1]
    if returned is None:
        return None
    known = [p for p in [focus.person or ""] + list(focus.history) + [n for h in focus.shown[:3]
             for n, kind in words.names(h.text) if kind == "person"] if p]
    return next((p for p in known if returned[2] in p.split() and any(k == "person" for _, k in words.names(p))), None)


def _returned(q: str, words: Words, focus: Focus) -> tuple[str, str, str] | None:
    """ "back to the cocoa platform: …", Xの話に戻りますが: the earlier subject that shares the most
    of X's words (X itself when none does), and the words that said it."""
    if words.back_to is None:
        return None
    times = [t for r in words.relative for t in r.pattern.finditer(q)]
    bare = q
    for t in times:  # "話を戻して、翌年の世界デーは": the subject is 世界デー; 翌年 stays a time of the question
        bare = bare[:t.start()] + " " * (t.end() - t.start()) + bare[t.end():]
    m = words.back_to.search(bare)
    if m is None:
        return None
    said = next(g for g in (m.groupdict().get("x"), m.groupdict().get("x2")) if g)
    ordinal = words.ordinal.search(said)  # "back to the first plan": the first of them the conversation had
    first = ordinal is not None and words.number(next((g for g in ordinal.groups() if g), "")) == 1
    named = said if ordinal is None else said[:ordinal.start()] + " " + said[ordinal.end():]
    wanted = {t[:5] for t in terms(named) if t not in words.stop}
    if not wanted or _is_time(said, words):  # "going back to 2019, …": a time of the question, no subject
        return None
    scored = [(len(wanted & {t[:5] for t in terms(name)}), n if first else -n, name) for n, name in enumerate(focus.history)]
    best = max(scored, default=(0, 0, ""))
    return (best[2] if best[0] else said.strip()), q[m.start():m.end()], said.strip()


def _of_article(r: _Reading) -> bool:
    """Whether every name the question gives is written in the article in focus and is no other article's
    title: the article's own detail ("the RAN" in a ship's article), not a subject of its own ("Geena Davis",
    an article of her own, while Jeff Goldblum's is in focus)."""
    shown, table = r.focus.shown, r.index.table
    if not shown or shown[0].number < 0:
        return False
    document = table.document[shown[0].number]
    said = {t for i in np.flatnonzero(table.document == document) for t in terms(r.index.chunks[i].text)}
    for name in r.own:
        if not all(t in said for t in terms(name)):
            return False
        ids, _ = r.index.keyword_search(name, OTHER_TITLES)
        if any(table.document[i] != document and name.lower() in (r.index.chunks[i].title or "").lower() for i in ids):
            return False
    return True


OTHER_TITLES = 5  # the passages best naming a name that are looked at for an article of its own


def _names_its_own(r: _Reading) -> bool:
    """Whether a question with no reference word is about something of its own: a name, a time, two
    words few passages use, or (where the table says so) a word no passage uses."""
    if r.own_time is not None and not r.own_time.bounded and r.words.one.search(r.q):
        return bool(r.own)  # "most recent one - where?": one of the kind in focus, its order words no subject
    if r.own_time is not None and _dated_one(r.q, r.words):
        return bool(r.own)  # "where was the 2019 one?": the one of the kind in focus dated then
    return bool(r.own or (r.own_time and not _of_focus(r)) or _specific(r.index, r.q, r.words) >= OWN_SUBJECT
                or (r.words.unknown_word_is_subject and _unknown(r.index, r.q, r.words)))


def _dated_one(q: str, words: Words) -> bool:
    """Whether "one" follows a date ("the 2019 one", "the April 2019 one"): one of the kind in focus, of then."""
    return any(any(q[:m.start()].rstrip().endswith(q[d.offset:d.offset + d.length]) for d in find_dates(q[:m.start()]))
               for m in words.one.finditer(q))


def _of_focus(r: _Reading) -> bool:
    """Whether a question that names a time and no name of its own asks it of the focus: of an
    article's title ("and who is president since 2009?"), or with only words the subjects in focus
    and the passages just shown use ("was the 2019 conference in osaka?"; not "the January 2018
    statement", which nothing in focus is)."""
    if r.focus.topic:
        return True
    said = {t for s in r.focus.subjects for t in terms(s)} | {t for h in r.focus.shown[:3] for t in terms(h.text)}
    if r.focus.shown and r.index.table.documents > 1:  # "After the 1968 merger?": the article of the answer says it
        table = r.index.table
        mine = np.flatnonzero(table.document == table.document[r.focus.shown[0].number])
        said |= {t for i in mine.tolist() for _, _, held in r.index.sentences(i) for t in held}  # cached terms
    months = _month_terms(r.words.code)
    asked = [t for t in specific_terms(r.index, r.q) if t not in r.words.stop and not _YEAR.fullmatch(t) and t not in months]
    return bool(asked) and all(t in said for t in asked)  # "what did we do in April 2019?" asks of no subject


def _reference(q: str, words: Words) -> re.Match | None:
    """The word that points at the thing in focus: the first, unless it is an acting pronoun
    followed by a word that points ("did they run anything on that theme": the theme; "… who got
    them?": still they)."""
    # "how many signatures were there?": no place; "is it the network that collects them?": it is the network
    empty = [m.start(g) for m in (words.existential.search(q), words.cleft.search(q), words.own_clause.search(q))
             if m is not None
             for g in ("x", "r") if g in m.groupdict() and m.group(g)]
    found = [m for m in words.thing.finditer(q) if m.start() not in empty
             and m.group(0).split()[-1].lower() not in words.holidays  # "that christmas": a time (`season_in`)
             and not words.relative_that.search(q[:m.start()] + m.group(0).split()[0])]
    agent = words.agent.search(q)
    if len(found) > 1 and agent is not None and agent.start() <= found[0].start() < agent.end():
        pointing = [m for m in found[1:] if not words.pronoun.fullmatch(m.group(0).strip())]
        if pointing:
            return pointing[0]
    return found[0] if found else None


def _kind_in_focus(q: str, words: Words, focus: Focus) -> re.Match | None:
    """ "the conference", "the summit": a kind of event named with "the" alone that a subject in focus is of, or
    that the answer just shown speaks of ("TICAD 7" is the Tokyo International Conference …)."""
    named = list(dict.fromkeys(focus.subjects[:4] + sorted(focus.events) + [h.text for h in focus.shown[:1]]))
    held = [{t[:5] for t in terms(s)} for s in named]
    for m in words.definite.finditer(q):
        kind = {t[:5] for t in terms(" ".join(words.event.findall(m.group(0))))}
        if kind and {t[:5] for t in terms(m.group(0))} <= set().union(*held) | kind and any(kind <= h for h in held):
            return m
    # "an official of the U.S. Department of Labour …", then "the official's position?": the one the last question said
    said = {t[:5] for t in terms(focus.said) if t not in words.stop}
    return next((m for m in words.article.finditer(q) if (noun := _noun(m.group("x"), words)) and noun <= said), None)


def _noun(phrase: str, words: Words) -> set[str]:
    """The words of a noun phrase up to its first small word ("signatures were handed": signatures)."""
    kept = []
    for word in phrase.split():
        held = [t for t in terms(word) if t not in words.stop]
        if not held:
            break
        kept += held
    return {t[:5] for t in kept}


def _new_name(r: _Reading) -> bool:
    """Whether the question names someone or something the conversation has not: "has Satyarthi himself …?"."""
    known = {t for s in r.focus.subjects + list(r.focus.history) + [r.focus.person or ""] for t in terms(s)}
    return any(not set(terms(n)) & known for n in r.own)


def _shares(text: str, focus: Focus) -> bool:
    """Whether the text shares a word with a subject of the conversation."""
    said = {t[:5] for t in terms(text)}
    return any(said & {t[:5] for t in terms(s)} for s in focus.subjects + list(focus.history))


def _sharing(q: str, words: Words, focus: Focus) -> str:
    """The subject in focus (or of the conversation) that shares the most of the question's words;
    the main subject when none does."""
    asked = {t[:5] for t in terms(q) if t not in words.stop}
    best, shared = focus.subjects[0], 0
    for name in focus.subjects + ([focus.person] if focus.person else []) + list(focus.history):
        n = len(asked & {t[:5] for t in terms(name)})
        if n > shared:
            best, shared = name, n
    return best


def _thing(r: _Reading, thing: re.Match | None, person: bool) -> None:
    """ "it", "there", "that meeting", その: the subject it names; an acting "they" is no event."""
    focus, words = r.focus, r.words
    actors = [x for x in focus.subjects if x not in focus.events and not _a_place(x, focus, words)  # what can act:
              and not region(x)]  # named, not an event nor a place (a city may name a club: "Östersund")
    agent = words.agent.search(r.q)  # "did they organise": the pronoun acts ("did he play … there": "there" does not)
    acting = agent is not None and thing is not None and agent.start() <= thing.start() < agent.end()
    if thing is None or not focus.subjects or (acting and not person and not actors):
        return  # "what did they organise?" with only events in focus: they are the corpus's own organisation
    said = thing.group(0)
    noun = {t[:5] for t in terms(said) if t not in words.stop}
    opening = r.words.topic_first.match(r.q)
    if not noun and opening is not None and thing.start() >= opening.end("x") and _names_new(r, opening.group("x")):
        r.topical = True  # "and the pledge, when was that?": the pledge, which the conversation has not named
        return
    asked = words.asks_kind.search(r.q)
    between = r.q[asked.end():thing.start()] if asked is not None and asked.end() <= thing.start() else ""
    if not noun and re.search(r",|\band\b", between) and words.question.search(between) \
            and not words.group.search(said):
        return  # "which forum did ACE attend, and in which city was it held?": it is the forum asked for
    # "it" is not the person in focus, unless that "person" is only the article's title read as a name
    # ("Cutty Sark": a person would be "he" or "she"); "there" and "they" never are
    said = _definite(r, thing, bool(noun) or acting or opening is not None and thing.start() >= opening.end("x"))
    noun = {t[:5] for t in terms(said) if t not in words.stop}  # "and the pledge, when was it?" is read below
    own_title = focus.person == focus.topic and not words.place.search(said) and not words.group.search(said)
    kind = words.kind_of_reference.search(r.q)  # "which documentary was that?": that documentary
    named = _named_by(f"{said} {kind.group('kind')}" if kind else said, focus, words,
                      avoid=None if own_title else focus.person)
    if not noun and opening is not None and thing.start() >= opening.end("x"):  # "and the pledge, when was it?"
        named = _sharing(opening.group("x"), words, focus) if _shares(opening.group("x"), focus) else named
    if noun and not acting:  # "that letter to the G7 trade ministers": the letter its own words describe
        named = _described_after(r, thing, noun) or named
    if acting and (named in focus.events or _a_place(named, focus, words) or region(named)) and actors:
        named = actors[0]  # "how long were they married?": they act, so they are no event nor a region
    if not noun and not acting and words.happens.search(r.q):  # "where was it held?": the event in focus
        named = next((s for s in focus.subjects if s in focus.events or words.event.search(s)), named)
    if words.plural.search(said) or said != thing.group(0) and said.endswith("s"):  # "those dialogs", "the dialogues
    #                                                                                  …": the series, not the one
        named = _series(named, words) or named
    elif noun:  # "that alliance" after "NGO Forum - Alliance 8.7 in London": Alliance 8.7
        named = _part_named(named, noun)
    there = bool(words.place.search(said))
    named, at_place = _there(named, there, focus, words)
    named = _of_own_year(named, r.own_time)
    if _property_of_answer(r, said, named):  # "what was its title?": the title of the passage just shown
        r.item = focus.shown[0].number
    if there:
        r.place = named
    r.context += list(dict.fromkeys([named] + ([] if at_place else focus.subjects[:1])))
    r.note(said.strip(), _short(named))


def _described_after(r: _Reading, thing: re.Match, noun: set[str]) -> str | None:
    """What "that letter to the G7 trade ministers" names: the label of the one passage that says the reference's
    noun and the words after it (to the clause's end), when no subject in focus says them; else None."""
    tail = re.split(r"\s[-–—]\s|[,;:?!]", r.q[thing.end():], maxsplit=1)[0]
    if not re.match(r"(?i)\s*(?:to|on|about|for|with|in|at|from|of|by)\s", tail):
        return None  # "that research centre he set up": a clause of the one in focus, not another's description
    wanted = {t for t in specific_terms(r.index, tail) if not t.isdigit()}
    if len(wanted) < 2 or any(wanted <= {t for t in terms(s)} for s in r.focus.subjects):
        return None
    number = _named_passage(r.index, f"{thing.group(0)} {tail}", share=0.5)
    if number is None:
        return None
    chunk = r.index.chunks[number]
    held = {t[:5] for t in terms(f"{chunk.heading or ''} {chunk.text}")}
    return _label(Hit(chunk, 0.0, (0, 0), number), r.words) if noun <= held else None


def _a_place(name: str, focus: Focus, words: Words) -> bool:
    """Whether the passages shown, or the last question, write the name as a place ("… exists in Japan",
    "in Buenos Aires")."""
    texts = [h.text for h in focus.shown[:3] + focus.answered] + [focus.frame]
    return any(m.group("x").rstrip(".,;:'’”") == name and not re.match(r"\s+\d", t[m.end():])  # not "at the C20 2020
               for t in texts for m in words.place_in.finditer(t))                             # Summit"


def _there(named: str, there: bool, focus: Focus, words: Words) -> tuple[str, bool]:
    """What "there" names when it points at an event: the place the event's name gives ("… Dialogue in the Diet
    Member's Building": the building), else the place meant before; and whether it is a place, not the event
    held in it ("the last time we were there")."""
    place = list(words.place_in.finditer(named)) if there and named in focus.events else []
    if place:
        return place[-1].group("x"), True
    if there and named in focus.events and focus.place:  # an event that names no place
        return focus.place, True
    return named, there and named == focus.place


def _property_of_answer(r: _Reading, said: str, named: str) -> bool:
    """Whether a bare pronoun's question asks only a property ("what was its title?", "the theme of it?") of
    the subject the passage just shown names: that passage answers it."""
    words, shown = r.words, r.focus.shown
    if not shown or not words.pronoun.fullmatch(said.strip()) or r.own_time is not None:
        return False
    asked = {t for t in terms(r.q.replace(said, " ")) if t not in words.stop}
    named_terms = {t for t in terms(named) if t not in words.stop}
    return bool(asked) and asked <= _attribute_terms(words.code) and bool(named_terms) \
        and named_terms <= set(terms(f"{shown[0].heading or ''} {shown[0].text}"))


def _of_own_year(name: str, own: TimeScope | None) -> str:
    """A subject named with a year ("C20 2020 Summit") when the question names another one year ("the 2019
    one, … there"): the same subject of that year."""
    if own is None or not own.start or own.start[:4] != (own.end or "")[:4]:
        return name
    return re.sub(r"\b(?:1\d{3}|20\d{2})\b", own.start[:4], name)


def _definite(r: _Reading, thing: re.Match, skip: bool) -> str:
    """What a bare "it" says: the event the question names itself before it ("what was the seminar called
    and where was it?": the seminar), not one the pronoun's clause describes ("the campaign it was tied to")."""
    bare = r.words.pronoun.fullmatch(thing.group(0).strip()) is not None  # "it", not "there" nor "that one"
    found = list(r.words.definite.finditer(r.q[:thing.start()])) if bare and not skip else []
    if not found or r.q[found[-1].end():thing.start()].strip(" ,").lower() in ("", "that", "which"):
        return thing.group(0)
    return found[-1].group(0)


_PARTS = re.compile(r"\s+[-–—]\s+|,\s+|\s+(?:of|in|at|on|for|with)\s+(?:the\s+)?", re.I)


def _part_named(name: str, noun: set[str]) -> str:
    """The part of a title that a noun names when it is not the title's own head: "that alliance"
    in "NGO Forum - Alliance 8.7 in London" is Alliance 8.7; "that conference" in "International
    Conference on Sustainable Brands" is all of it."""
    if "(" in name:  # "CLCCG 2019, Cote D'Ivoire (Coordinating Group for …)": the brackets spell out the name
        return name
    parts = [p for p in _PARTS.split(name) if p.strip()]
    holding = [p for p in parts if noun & {t[:5] for t in terms(p)}]
    return holding[0] if holding and holding[0] != parts[0] else name


def _ellipsis(r: _Reading, ordinal: bool, plain: bool = False, timed: bool = False) -> None:
    """ "and in 2017?", "what about London?": the last question's words, its last name swapped
    ("what about buenos aires?" too, when `plain`: it points at nothing else); "and the year before?"
    (`timed`, no name) after a question about one of a list: the list's question."""
    frame = r.focus.listed if (timed or r.own_time) and not r.own and r.focus.listed else r.focus.frame
    frame = _without_ordinals(frame, r.words) if ordinal else frame
    slot = _slot(r) if plain and not r.own and not r.own_time else ""
    if r.own:
        frame = _replace_last_name(frame, r.words, r.own[0])
    elif slot:  # "when were we in abidjan" -> "… what about buenos aires?": its place, not Abidjan's
        named = set(specific_terms(r.index, frame))
        frame = " ".join(w for w in frame.split() if not set(terms(w)) & named)
        kept = r.focus.person or (r.focus.subjects[0] if r.focus.subjects else "")
        if kept and _common(r.index, slot):  # "Sam Selvon's first wife …?" -> "and the second marriage?": his
            r.context.append(kept)
            r.note(r.words.said["about"], _short(kept))
        else:
            r.elsewhere = True
        r.note(r.words.said["same question"], _short(slot))
    r.context.append(frame)
    main = r.focus.subjects[0] if r.focus.subjects and not (slot or r.own or r.own_time) else ""
    if main and main.lower() not in frame.lower():  # "first one, what was the draft" -> "and the year
        r.context.append(main)  # before?": the public comments still, which that frame never named
    too = r.words.too.search(r.q) if not (slot or r.own or r.own_time) else None
    if too is not None and main:  # "any international orgs too?" of the dialogues in focus
        r.note(too.group("w"), _short(main))
    if r.own or r.own_time:
        r.note(r.words.said["same question"], _short(r.own[0]) if r.own else _period_words(r.own_time, r.words))


def _common(index: Index, name: str) -> bool:
    """Whether a name the question gives is a thing's common noun the documents write in lower case ("the
    second marriage", "the doctorate"), not another subject ("Big Bang")."""
    said = [w.lower() for w in re.findall(r"[A-Za-z]{3,}", name)]
    return bool(said) and all(w in index.lowercase for w in said)


def _names_new(r: _Reading, text: str) -> bool:
    """Whether the words name something the conversation has not (few passages use them, none of the
    subjects, the names or the last question does)."""
    known = {t for s in r.focus.subjects + list(r.focus.history) + [r.focus.frame, r.focus.person or ""]
             for t in terms(s)}
    return any(t not in known for t in specific_terms(r.index, text))


def _slot(r: _Reading) -> str:
    """What an elliptical follow-up puts in the last one's place when no name of its own says it
    ("what about buenos aires?"): its words after the ellipsis, when some of them name a thing the
    conversation has not yet (few passages use them); else ""."""
    m = r.words.ellipsis.search(r.q)
    rest = (r.q[m.end():] if m is not None else r.q).strip(" ?？!.。、,")
    return rest if _names_new(r, rest) else ""


def _ordinal(r: _Reading, ordinal: re.Match, relative: TimeScope | None = None) -> None:
    """ "the third one", 第3回: the series' own, else the list's; "the year before, the last comment": the
    last of the period the follow-up names."""
    # "the last of those" after a question of 2019: the series' last in 2019, the period the list was of
    of_list = r.focus.period if r.words.among.search(r.q) else None
    item, note, series = _list_item(r.index, r.words, ordinal, r.focus, r.own_time or relative or of_list)
    if item is not None and not series and _names_other_kind(r, ordinal, item):
        item, note = None, ""  # "wives. first one?": the first of what it names, not of the list shown
    n = r.words.number(next((g for g in ordinal.groups() if g), ""))
    if item is not None and series and n and n > 0:
        r.series = (series, n)
    named = {t for s in r.focus.subjects + [series] for t in terms(s)}
    own = [n for n in r.own if ordinal.group(0) not in n and not named & set(terms(n))]
    # "… of the first one in London?" asks its own thing about it; "the 3rd was held for which G20 meeting?"
    # asks of the third, whose passage says "G20"
    held = set(terms(r.index.chunks[item].context_text())) if item is not None and own else set()
    r.item = None if own and not all(set(terms(n)) <= held for n in own) else item
    if note:
        r.notes.append(note)
    if series:
        r.context.append(series)


def _names_other_kind(r: _Reading, ordinal: re.Match, item: int) -> bool:
    """Whether a follow-up picking from the list shown names before the ordinal a thing of its own that the
    item does not say ("wives. first one?", "husbands - the second?"): words few passages use, not the subject's."""
    said = r.q[:ordinal.start()]
    known = {t[:5] for t in terms(r.index.chunks[item].context_text())}
    wanted = {t[:5] for t in specific_terms(r.index, said) if t not in r.words.stop}
    return bool(wanted - known)


def _names_another(index: Index, after: str, focus: Focus) -> bool:
    """Whether the words after "the earlier" name a thing of their own ("… baseline study report"): a
    passage not one of the two just shown, which the comparative picks from."""
    said = re.split(r"[?,;:.!—–]|\s-+\s", after, maxsplit=1)[0]
    if not specific_terms(index, said):
        return False
    number = _named_passage(index, said, NAMED_SHARE)
    return number is not None and number not in {h.number for h in focus.shown[:2]}


def _comparative(r: _Reading, m: re.Match) -> None:
    """ "the later of the two", "the former", 古い方: one of the two first passages just shown (the
    first two dated ones, for a word of time)."""
    said, shown = m.group(0).strip(), r.focus.shown
    way = r.words.comparatives.get(" ".join(m.group("c").lower().split()), "")
    two = [h for h in shown if h.date][:2] if way in ("latest", "earliest") else shown[:2]
    if len(two) < 2:
        return
    if way in ("latest", "earliest"):
        hit = sorted(two, key=lambda h: (h.date_end or h.date, h.date))[-1 if way == "latest" else 0]
    else:
        hit = two[-1 if way == "last" else 0]
    # "the earlier one, on the base-line study": the one its words describe, when the one picked lacks them
    wanted = {t[:5] for t in terms(_timeless(r.q[:m.start()] + " " + r.q[m.end():], r.words))
              if t not in r.words.stop and r.index.frequency(t)}
    def holds(h) -> int:
        return len(wanted & {t[:5] for t in terms(f"{h.heading or ''} {h.text}")})
    if len(wanted) >= 2 and 2 * holds(hit) <= len(wanted):
        best = max(shown[:5], key=holds)
        if 2 * holds(best) <= len(wanted):
            return  # none of those shown: the question's own words find it
        hit = best
    r.item, r.compared = hit.number, tuple(h.number for h in two)
    r.note(said, f"{_short(_label(hit, r.words))}{_when(hit, r.words)}")


def _which_first(r: _Reading, m: re.Match) -> None:
    """ "which came first, that or the Matsuyama dialogue?", AとBはどちらが先: of the two things it names (the
    answer in focus for "that"), the earlier (or the later), both compared."""
    way = r.words.which_way.get(" ".join(m.group("w").lower().split()))
    two = [_referent(r.index, r.words, r.focus, m.group(g)) for g in ("a", "b")]
    if way is None or None in two or two[0] == two[1]:
        return
    dated = [n for n in two if r.index.chunks[n].date]
    if len(dated) < 2:
        return
    chunks = {n: r.index.chunks[n] for n in two}
    pick = sorted(two, key=lambda n: (lower_bound(chunks[n].date), n))[0 if way == "earliest" else -1]
    hit = Hit(chunks[pick], 0.0, (0, 0), pick)
    r.item, r.compared = pick, tuple(two)
    r.note(m.group("w"), f"{_short(_label(hit, r.words))}{_when(hit, r.words)}")


def _referent(index: Index, words: Words, focus: Focus, said: str) -> int | None:
    """The passage a phrase of a comparison points at: the answer in focus for "that"/"it", else the passage just
    shown that says most of its words, else the passage that names it best."""
    said, shown = words.one.sub(" ", said).strip(" ,:;—–-"), focus.shown  # "the Bangkok one": Bangkok
    if words.thing.fullmatch(said) or words.pronoun.fullmatch(said):
        return shown[0].number if shown else None
    wanted = {t[:5] for t in terms(said) if t not in words.stop}
    if not wanted:
        return None
    shared = [len(wanted & {t[:5] for t in terms(f"{h.heading or ''} {h.text}")}) for h in shown[:5]]
    if shared and max(shared) * 2 > len(wanted):
        return shown[shared.index(max(shared))].number
    year = (shown[0].date or "")[:4] if shown else ""  # of two C20 summits, the one of the answer's year
    return _named_passage(index, said, NAMED_SHARE, TimeScope(year, year) if year else None, dated=True)


def _relatives_out(text: str, words: Words) -> str:
    """The text without the times it names relative to the answer ("in that year", "the month before")."""
    for rel in words.relative:
        text = rel.pattern.sub(" ", text)
    return text


def _timeless(text: str, words: Words) -> str:
    """The text without the times it names ("in that year", "the month before", "2019")."""
    return without_dates(_relatives_out(text, words))


def _nothing_else(r: _Reading, m: re.Match) -> bool:
    """Whether "the other one" is all the question says besides times and words that name nothing."""
    rest = _timeless(r.q.replace(m.group(0), " "), r.words)
    return m.group(0).lower().endswith(" one") and not r.own and not [t for t in terms(rest) if t not in r.words.stop]


OTHER_SHARED = 2  # words of its label a passage shares with the answer to be "the other one"


def _other(r: _Reading, m: re.Match) -> None:
    """ "the other one", もう一つの方: of the passages the last question picked its answer from ("the older
    one" of two), the first that is not that answer; when none were compared, the passage just shown that is
    most like the answer (two public comments of 2020: the other comment)."""
    shown = r.focus.shown
    other = next((n for n in r.focus.compared if shown and n != shown[0].number), None)
    if other is None and shown and _nothing_else(r, m):  # "and the other one that year?", with nothing else said
        like = {t for t in terms(_label(shown[0], r.words)) if t not in r.words.stop}
        shared = [(len(like & set(terms(_label(h, r.words)))), -n, h.number) for n, h in enumerate(shown[1:5])]
        best = max(shared, default=(0, 0, None))
        other = best[2] if best[0] >= OTHER_SHARED else None
    if other is None:
        return
    hit = Hit(r.index.chunks[other], 0.0, (0, 0), other)
    r.item = other
    r.note(m.group(0).strip(), f"{_short(_label(hit, r.words))}{_when(hit, r.words)}")


ENTRY_CHARS = 24  # a passage shorter than this is a title or a heading, not an entry of a list


def _on_page(r: _Reading, m: re.Match) -> None:
    """ "the entry just above it", "the one directly below the signatures entry", "two above that one": the
    passage that many entries up or down the document from the answer in focus (or from the entry named),
    as the page lists them."""
    named = m.group("x")  # "the one directly below the signatures entry": the signatures
    if named:
        when = question_time(named)
        start = _named_passage(r.index, _timeless(named, r.words), NAMED_SHARE,
                               when if when is not None and when.bounded else None)
    else:
        start = r.focus.shown[0].number if r.focus.shown else None
    if start is None or start < 0:
        return
    table, chunks = r.index.table, r.index.chunks
    entries = [i for i in np.flatnonzero(table.document == table.document[start]).tolist()
               if i == start or len(chunks[i].text) >= ENTRY_CHARS]
    entries.sort(key=lambda i: (chunks[i].line, i))
    said = (m.group("n") or "1").lower()
    step = int(said) if said.isascii() and said.isdigit() else r.words.counts.get(said, 1)
    at = entries.index(start) + (step if r.words.below.fullmatch(m.group("dir")) else -step)
    if not 0 <= at < len(entries):
        return
    hit = Hit(chunks[entries[at]], 0.0, (0, 0), entries[at])
    r.item = entries[at]
    r.note(r.q[m.start("n") if m.group("n") else m.start("dir"):m.end()].strip(" ,.?!"),
           f"{_short(_label(hit, r.words))}{_when(hit, r.words)}")


def _among(r: _Reading, ordinal: re.Match | None) -> None:
    """ "of the three, which was in Tokyo?", それらのうち: one of the list just shown (its first n); not
    "the last of those", whose ordinal picks it."""
    m = r.words.among.search(r.q)
    if m is None or r.item is not None or not r.focus.shown or ordinal is not None:
        return
    said = m.group("n") or m.groupdict().get("n2")
    n = r.words.number(unicodedata.normalize("NFKC", said)) if said else None
    r.among = tuple(h.number for h in r.focus.shown[:n or 5])
    way = r.own_time.order if r.own_time is not None and not r.own_time.bounded else None
    dated = [h for h in r.focus.shown[:n or 5] if h.date]
    if way and dated:  # "and the latest of them?": the list's own latest, by date
        hit = max(dated, key=lambda h: lower_bound(h.date_end or h.date)) if way == "latest" else \
            min(dated, key=lambda h: lower_bound(h.date))
        r.item = hit.number
        said = re.search(r"(?:[^\W\d]+\s+)?" + re.escape(m.group(0).strip()), r.q)  # "latest of them"
        r.note(said.group(0) if said else m.group(0).strip(), f"{_short(_label(hit, r.words))}{_when(hit, r.words)}")
        return
    r.note(m.group(0).strip(), r.words.said["listed"])


def _described(r: _Reading, m: re.Match) -> None:
    """ "the geneva one", "the business and human rights one": the passage just shown that says most of
    its words (the first of those)."""
    hit = _shown_described(r.focus, m, r.words)
    # "I meant the other National Action Plan, the one on children": not a shown one naming no such plan
    if hit is not None and all(set(terms(name)) <= set(terms(f"{hit.heading or ''} {hit.text}")) for name in r.own):
        r.item, r.compared = hit.number, tuple(h.number for h in r.focus.shown[:5])
        r.note(m.group(0), f"{_short(_label(hit, r.words))}{_when(hit, r.words)}")


def _shown_described(focus: Focus, m: re.Match, words: Words):
    """The passage just shown that says most of the words of "the geneva one" (the first of those), more than half
    of them ("the labour ministers' one": not a passage on child labour that names no minister), or None."""
    wanted = {t[:5] for t in terms(m.group("x") or m.groupdict().get("x2") or "") if t not in words.stop}
    said = [len(wanted & {t[:5] for t in terms(f"{h.heading or ''} {h.text}")}) for h in focus.shown[:5]]
    return focus.shown[said.index(max(said))] if wanted and said and 2 * max(said) > len(wanted) else None


def _elliptical(q: str, words: Words) -> bool:
    """ "and in 2017?", "what about London?", 2017年は？: the previous question with a slot replaced,
    not "and where was it held?", which asks its own question."""
    m = words.ellipsis.search(q)
    if m is None and words.too.search(q):  # "any international orgs too?": the last question, of them as well
        return not words.question.search(q)
    if m is None:  # "since nov 2017?", "1995?": a time alone, no question of its own
        return not words.question.search(q) and question_time(q) is not None and not [
            t for t in terms(without_dates(q)) if t not in _month_terms(words.code) and t not in _stop_terms(words.code)
            and not _YEAR.fullmatch(t)]
    rest = q[:m.start()] + q[m.end():]
    if words.predicate.search(rest):  # "and the last time we were there?" asks its own question
        return False
    return not words.question.search(rest) or bool(re.match(r"(?i)\s*(?:what|how)\s+about\b", q))


def _short(name: str) -> str:
    """A name as a note shows it: one line, "Condor (airline)" as written tokenised "Condor ( airline )", its
    quotation closed (seminar, “Child labour exists in Japan”), cut."""
    name = re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", " ".join(name.split())))
    for opening, closing in (("“", "”"), ("「", "」"), ("(", ")")):
        if name.count(opening) > name.count(closing):
            name += closing
    return name if len(name) <= NOTE_CHARS else name[:NOTE_CHARS - 1].rstrip() + "…"


def _period_words(scope: TimeScope, words: Words) -> str:
    """A period as a note says it: "November 2019", "2019年11月", "from 28 November 2019" (an open period
    says its first or last day or month, which it includes), "around 25 November 2018" (n units from the answer)."""
    if not scope.start and not scope.end:  # an order alone: "the last club of his career"
        return words.said.get(scope.order or "", scope.order or "")
    if scope.near:  # "roughly one year before that": the time it names, what comes nearest it first
        return f"{japanese_date(scope.near)}頃" if words.code == "ja" else f"around {readable_date(scope.near)}"
    if words.code == "ja":
        if scope.start and scope.end:
            return japanese_date(scope.start, None if scope.end == scope.start else scope.end)
        return f"{japanese_date(scope.start)}以降" if scope.start else f"{japanese_date(scope.end)}まで"
    if scope.start and scope.end:
        return readable_date(scope.start, None if scope.end == scope.start else scope.end)
    return f"from {readable_date(scope.start)}" if scope.start else f"until {readable_date(scope.end)}"


def _named_before(index: Index, q: str, at: int) -> bool:
    """Whether a capitalised word past the question's first, and not one most passages use ("ACE"), comes
    before `at`: someone a reflexive ("himself") may point back to within the question."""
    return any(index.frequency(m.group(0).lower()) <= GENERIC * len(index.chunks)
               for m in re.finditer(r"(?<=\s)[A-Z][\w'’-]+", q[:at]))


def _own_names(index: Index, q: str, words: Words) -> list[str]:
    """The names a question gives of its own, less those most passages use (the corpus's own
    organisation: "ACE" names no subject on its pages)."""
    out = []
    found = words.names(q)
    first = re.match(r"\W*([A-Z][a-z]{3,})\b", q)  # "Satyarthi himself - has ACE …": a name opening the question
    if first is not None and not any(first.group(1) in n for n, _ in found) and index.frequency(first.group(1).lower()) \
            and first.group(1).lower() not in index.lowercase \
            and first.group(1).lower() not in model_words(index.manifest.model):
        found = [(first.group(1), "thing"), *found]
    # "Flyboys round, folks! When and where was VP-25 set up?": a cry before the question names no subject
    cry = re.match(r"[^?!.]*!+\s+(?=[^?]*\?)", q)
    for name, _ in found:
        at = q.find(name)
        if at > 0 and words.not_there.search(q[:at]):
            continue  # "I have a feeling it was somewhere outside Tokyo": where it was not, no subject of its own
        if cry is not None and 0 <= at < cry.end() and name not in q[cry.end():]:
            continue
        opener = name.split()[0]
        if " " in name and re.search(rf"(?:^|[.!?:;]\s)\W*{re.escape(name)}\b", q) and _ordinary(index, opener):
            name = re.sub(r"^\S+(?:\s+[^\W\d_A-Z]\S*)*\s*", "", name)  # "Attendees from ACE?": ACE, the rest of it
            if not name[:1].isupper():
                continue
        used = [index.frequency(t) for t in terms(name)]
        if " " not in name and name.isalpha() and re.search(rf"(?:^|[.!?:;]\s)\W*{re.escape(name)}\b(?!\s+[A-Z])", q) \
                and _ordinary(index, name):
            continue  # "Different angle - who owns …", "Fine, you win. Different question: …": capitalised for
            #           opening a sentence; "Date on that?", "Upon what …": an English word no passage uses
        if " " not in name and words.event.fullmatch(name) and re.search(rf"(?i)\b(?:the|that|this)\s+{re.escape(name)}\b", q):
            continue  # "the Summit itself - dates?": the summit in focus, capitalised or not
        if used and min(used) <= GENERIC * len(index.chunks):
            out.append(name)
    return out


def _ordinary(index: Index, word: str) -> bool:
    """Whether a capitalised word is an ordinary word: one the documents write in lower case (or a word of the
    same stem), or a word of the model's no passage uses."""
    return word.isalpha() and (word.lower() in index.lowercase or _written_lower(index, word) or (
        not any(index.frequency(t) for t in terms(word)) and word.lower() in model_words(index.manifest.model)))


def _written_lower(index: Index, word: str) -> bool:
    """Whether the documents write a word of the same stem in lower case ("Organisers?": "organised")."""
    stems = terms(word)
    return bool(stems) and any(terms(w) == stems for w in index.lowercase_by_start.get(word.lower()[:4], ()))


@functools.cache
def _month_terms(code: str) -> frozenset[str]:
    """The terms of a language's month names ("nov", "novemb"): a time, not a subject."""
    return frozenset(t for w in table(code).months for t in terms(w))


@functools.cache
def _attribute_terms(code: str) -> frozenset[str]:
    """The terms of a language's words for a property of the focus ("title", "venue"): asked of it, no subject."""
    return frozenset(t for w in table(code).attribute for t in terms(w))


def _specific(index: Index, q: str, words: Words) -> int:
    """How many of the question's words few passages use (and some do)."""
    attribute = _attribute_terms(words.code)
    months = _month_terms(words.code)
    return sum(1 for t in specific_terms(index, q) if t not in words.stop and t not in attribute
               and not _YEAR.fullmatch(t) and t not in months)  # "since nov 2009" is a time, not a subject


def _unknown(index: Index, q: str, words: Words) -> bool:
    """Whether the question asks about something no passage mentions ("Who is ACE's treasurer?")."""
    stop = {t for w in words.stop for t in terms(w)} | _attribute_terms(words.code) | _month_terms(words.code)  # "the topic"
    #                                                                       asks about the focus; "nov" is a time
    said = " ".join(w for w in re.findall(r"\w+", q) if not words.place_kind.fullmatch(w)  # "and which city?": a kind
                    and not re.fullmatch(r"(?i:[a-z]{2,}(?:ed|ing))", w) and not words.question.fullmatch(w))
    # "founded when?", "tied to whose campaign?": an act asked of the focus, and a question word, are no thing of its own
    # "how many members sila?": a word of another language beside words of the model's asks no thing of its own
    # ("xqzv wlkj?", all of it unknown, does)
    known = model_words(index.manifest.model)
    if not any(w.lower() in known for w in re.findall(r"\w+", q)):
        known = frozenset()
    return any(index.frequency(t) == 0 and not _kin_written(index, t) for w in said.split()
               if not known or w.lower() in known for t in terms(w) if t not in stop)


def _kin_written(index: Index, stem: str) -> bool:
    """Whether the documents write a word of the same family as `stem` ("attendees": "attended"): the act in
    focus asked of by another of its words, not a thing of its own."""
    return any(kin(stem, t) for w in index.lowercase_by_start.get(stem[:4], ()) for t in terms(w)[:1])


def _without_ordinals(text: str, words: Words) -> str:
    """The text without ordinal words ("First SDG 8.7 Dialogue" -> "SDG 8.7 Dialogue", 第1回 too)."""
    bare = re.compile(r"(?i)\b(?:" + "|".join(re.escape(w) for w in words.ordinals if w.isascii()) + r")\b") \
        if any(w.isascii() for w in words.ordinals) else None
    text = words.ordinal.sub(" ", text)
    return " ".join((bare.sub(" ", text) if bare else text).split())


def _named_by(said: str, focus: Focus, words: Words, avoid: str | None = None) -> str:
    """The subject "that alliance", "those dialogs", その会議 points at: the first of the subjects
    in focus and of the passages just shown that shares the noun's word; else the main subject that
    is not the person in focus ("there", "it" are not "she")."""
    noun = {t[:5] for t in terms(said) if t not in words.stop}
    if noun:
        answer = [n for n, _ in words.names(focus.shown[0].text)] if focus.shown else []  # "that conference": the one it names
        for name in focus.subjects + answer + [_label(h, words) for h in focus.shown[:5]] + \
                [h.heading.split(" › ")[-1] for h in focus.shown[:5] if h.heading] + list(focus.history):
            if noun & {t[:5] for t in terms(name)}:
                return name
    others = [s for s in focus.subjects if not avoid or (s not in avoid and avoid not in s)]
    if words.pronoun.fullmatch(said.strip()):  # "what was in it?" after "which PM was it?": it is no PM
        others = [s for s in others if not words.person_kind.fullmatch(s.split()[-1])] or others
    return (others or focus.subjects)[0]


def _series(name: str, words: Words) -> str:
    """The series an event of it belongs to: its name without ordinals, cut before the words that tell
    this one apart ("second SDG 8.7 Dialogue at Hotel New Ohtani Tokyo" -> "SDG 8.7 Dialogue")."""
    bare = _without_ordinals(name, words)
    m = words.event.search(bare)
    return bare[:m.end()].strip() if m is not None else bare


def _replace_last_name(frame: str, words: Words, new: str) -> str:
    """The frame with its last name swapped for the new one ("… in Geneva" -> "… in London")."""
    found = words.names(frame)
    if not found:
        return f"{frame} {new}"
    last = found[-1][0]
    at = frame.rfind(last)
    return frame[:at] + new + frame[at + len(last):]


LISTS_SHOWN = 3  # the passages shown whose list "the second one" may pick from, the first before the others


def _list_item(index: Index, words: Words, m: re.Match, focus: Focus,
               within: TimeScope | None = None) -> tuple[int | None, str, str]:
    """The passage "the third one" points at, its note, and the series it belongs to: the series'
    own third when a passage names it ("the third SDG 8.7 Dialogue", 第3回), else the third of the
    list just shown."""
    said = next(g for g in m.groups() if g)
    n = words.number(said)
    if n is None or n == 0:
        return None, "", ""
    # the list a passage shown introduces ("… involved with:"): the first's, else the next two's when
    # the follow-up names no period ("the last one in 2021" is of the dated answers, not an undated list)
    lists = focus.shown[:1] if within is not None else focus.shown[:LISTS_SHOWN]
    listed = next((x for x in (_listed(index, hit, n) for hit in lists) if x is not None), None)
    if listed is not None:
        hit = index.chunks[listed]
        return listed, f"{m.group(0).strip()} → {_short(words.label(hit.text))}", words.label(hit.text)
    named = _after_ordinal(m, words)
    need = {t[:5] for t in terms(named) if t not in words.stop}
    subjects = [x for name in sorted(focus.subjects, key=len) for x in (_without_ordinals(name, words), _series(name, words))
                if not need or need <= {t[:5] for t in terms(x)}]  # "the third global conference": not the dialogues
    # "when was the first one" after a paragraph on "the SDG 8.7 Dialogues": a series the answer names
    told = [_series(x, words) for x, _ in (words.names(focus.shown[0].text) if focus.shown else [])
            if words.event.search(x) and (not need or need <= {t[:5] for t in terms(x)})]
    # a series the question does not name is of the article in focus ("who was the first one?": its first president,
    # not another article's)
    document = int(index.table.document[shown[0].number]) if (shown := focus.shown) and shown[0].number >= 0 \
        and index.table.documents > 1 else None
    for series in dict.fromkeys(([named] if named else []) + subjects + told):
        found = _series_item(index, said, n, series, words, within, series == named or series in told or n > 0,
                             None if series == named else document) if series else None
        if found is not None:
            hit = index.chunks[found]
            return found, f"{m.group(0).strip()} → {_short(series)}, {said}{_when(hit, words)}", series
    shown = focus.shown
    if not shown or abs(n) > len(shown):
        return None, "", ""
    hit = shown[n - 1] if n > 0 else shown[-1]
    if need and not need <= {t[:5] for t in terms(f"{hit.heading or ''} {hit.text}")}:
        return None, "", ""  # "the third global conference": of that series, not the third of a list of other things
    return hit.number, f"{m.group(0).strip()} → {_short(_label(hit, words))}{_when(hit, words)}", ""


def _series_item(index: Index, said: str, n: int, series: str, words: Words,
                 within: TimeScope | None = None, adjacent: bool = False, document: int | None = None) -> int | None:
    """The passage about `series` that names its n-th ("third", "3rd", 第3回), or its last (n = -1:
    the highest number of two or more; in a series that numbers none, the latest dated, `within` a
    period when the question names one), if one does; of the `document` given."""
    numbers = _series_numbers(index, f"{said} {series}" if n > 0 else series, series, words, adjacent, document)
    if n > 0:
        return numbers.get(n)
    if len(numbers) > 1:
        return numbers[max(numbers)]
    dated = [i for i in _of_series(index, series, document) if index.chunks[i].date and (
        within is None or not within.bounded or within.overlaps(index.chunks[i].date, index.chunks[i].date_end))]
    return max(dated, key=lambda i: index.chunks[i].date_end or index.chunks[i].date) if len(dated) > 1 else None


SERIES_POOL = 10  # the passages a series' name finds that are looked at (ten times that, kept to one document)


def _found(index: Index, query: str, k: int, document: int | None) -> np.ndarray:
    """The ids of the first k passages a keyword search finds, of the `document` given."""
    if document is None:
        return index.keyword_search(query, k)[0]
    ids, _ = index.keyword_search(query, 10 * k)
    return ids[index.table.document[ids] == document][:k]


def _of_series(index: Index, series: str, document: int | None = None) -> list[int]:
    """The passages among the first the series' name finds that share at least half its words."""
    ids = _found(index, series, 2 * SERIES_POOL, document)
    need = set(terms(series))
    return [i for i in ids.tolist() if need and _of_the_series(index.chunks[i], need)]


def _of_the_series(chunk: Chunk, need: set[str]) -> bool:
    """Whether a passage shares at least half the words of a series' name (not just "2019")."""
    return 2 * len(need & set(terms(chunk.context_text()))) >= len(need)


def _series_numbers(index: Index, query: str, series: str, words: Words, adjacent: bool = False,
                    document: int | None = None) -> dict[int, int]:
    """The numbered passages of a series among those the query finds: number -> passage (`adjacent`: only
    where the series' words follow the ordinal, "the third SDG 8.7 Dialogue" not being a global conference's)."""
    ids = _found(index, query, SERIES_POOL, document)
    named = {w: v for w, v in words.ordinals.items() if v > 0 and w.isascii()}
    written = "|".join(filter(None, [f"(?P<w>{'|'.join(named)})" if named else "", r"(?P<d>\d+)(?:st|nd|rd|th)"]))
    pattern = re.compile(rf"(?i)(?<![\w])(?:{written})(?![\w])|第\s*(?P<j>\d+)\s*回|(?P<k>\d+)回目")
    need = set(terms(series))
    out: dict[int, int] = {}
    for i in ids.tolist():
        chunk = index.chunks[i]
        text = _fold(chunk.text)  # "for the first time" numbers no series
        m = next((m for m in pattern.finditer(text) if not re.match(r"\s+times?\b", text[m.end():])
                  and (not adjacent or not (m.groupdict().get("w") or m.group("d")) or _names_next(text[m.end():], need))),
                 None)
        if m is None or not _of_the_series(chunk, need):
            continue
        groups = m.groupdict()
        number = named[groups["w"].lower()] if groups.get("w") else int(next(g for g in (
            groups.get("d"), groups.get("j"), groups.get("k")) if g))
        out.setdefault(number, i)
    return out


def _of_focus_series(m: re.Match, words: Words, focus: Focus) -> bool:
    """Whether an ordinal names no series ("the third one") or one the focus shares half the words of."""
    need = {t[:5] for t in terms(_after_ordinal(m, words)) if t not in words.stop}
    said = [s for s in focus.subjects + list(focus.history)] + [_label(h, words) for h in focus.shown[:5]]
    return not need or any(2 * len(need & {t[:5] for t in terms(s)}) >= len(need) for s in said)


def _names_next(text: str, need: set[str]) -> bool:
    """Whether the words right after an ordinal are of the series ("third SDG 8.7 Dialogue"; not the
    "third" of "the third SDG 8.7 Dialogue" for a global conference)."""
    return bool(need & set(terms(" ".join(text.split()[:4]))))


_AFTER_ORDINAL = re.compile(r"\s+((?!(?:one|ones|time|times|of|in|on|at|to|and|or|that|this|week|month|year|day|half|"
                            r"you|we|they|i|he|she|it|listed|mentioned|shown)\b)"
                            r"[\w.'’-]+(?:\s+(?!(?:was|were|is|did|do|does|in|held|and|or|that|which|who|when|where|"
                            r"with|by|at|for|one)\b)[\w.'’-]+){0,7})")


def _after_ordinal(m: re.Match, words: Words) -> str:
    """The series an ordinal names, the words right after it ("the fourth SDG 8.7 Dialogue", "the third
    global conference"): a name when one starts there, else up to the next question or verb word; "" for
    "the third one", "the first time"."""
    rest = m.string[m.end():]
    if m.group(0).rstrip()[-1:] in ",:–—-":  # "third, which city?": the ordinal stands alone
        return ""
    named = words.names(rest)
    if named and rest.lstrip().startswith(named[0][0]):
        return named[0][0]
    if words.code == "ja":  # 第5回児童労働世界会議に…: the run of kanji, katakana and letters after it
        after = re.match(r"[\u30a0-\u30ff\u3400-\u9fffA-Za-z0-9.・]+", rest)
        return after.group(0) if after else ""
    after = _AFTER_ORDINAL.match(rest)
    return after.group(1).strip(" .'’") if after and words.code == "en" else ""


def _missing_nth(index: Index, q: str) -> str | None:
    """The note for a question that names the n-th of a series ("the fourth SDG 8.7 Dialogue", 第4回) the
    documents number (its passages say "first", "fourth"…) without an n-th; else None."""
    words = words_for(q)
    q = asked_sentences(q)  # "when was the third …? ACE did the first and second.": the third
    for m in words.ordinal.finditer(q):
        said = m.group("n") if "n" in m.groupdict() else None
        n = words.number(said) if said else None
        series, numbering = _after_ordinal(m, words), words
        if not n or n < 1 or not series or _is_time(series, words) or len(list(words.ordinal.finditer(q))) > 1:
            continue
        if words.code == "ja" and not index.japanese:  # 第4回SDG 8.7ダイアログ of English documents: "SDG 8.7", numbered
            series, numbering = " ".join(re.findall(r"[A-Za-z0-9][\w.-]*", series)), table("en")  # in English
            if not series:
                continue
        spelt = " ".join(w for w, v in words.ordinals.items() if v == n)  # "5th" finds "the fifth edition" too
        numbers = _series_numbers(index, f"{said} {spelt} {series}", series, numbering, adjacent=True)
        if numbers and n not in numbers:
            return _note_line(f"{m.group(0)}{'' if words.code == 'ja' else ' '}{series}", words.said["none"])
    return None


def _nth_of_list_found(index: Index, q: str, hits: list[Hit]) -> tuple[int, str] | None:
    """The passage a question's ordinal points at in a list one of its first passages introduces, when the list's
    opening says one of the question's own words ("married five times :" for "… married five times, yes? who was
    the third wife?"), or in a list under a heading that says one ("its first president?" of "Presidents"); and
    the note saying so; else None."""
    words = words_for(q)
    ordinal = next(reversed(list(words.ordinal.finditer(q))), None)
    if ordinal is not None and re.match(r"\s*[A-Z0-9]", q[ordinal.end():]):
        return None  # "the Fourth Global Conference": a series' own, named
    ordinal = ordinal or words.owned_ordinal.search(q)
    n = words.number(next((g for g in ordinal.groups() if g), "")) if ordinal is not None else None
    if not n:
        return None
    own = {t for t in terms(q[:ordinal.start()] + " " + q[ordinal.end():]) if t not in words.stop}
    counted = set(terms(q[ordinal.end():])[:1])  # "first president": president
    for at, hit in enumerate(hits[:HEADED_LISTS]):
        intro = _list_intro(index, hit.number) if at < LISTS_SHOWN else None
        if intro is not None and own & set(terms(index.chunks[intro].text)):
            item = _listed(index, hit, n, intro)
        else:  # (a list under a heading that names what is counted: its items are the short passages under it)
            headed = len(hit.text) <= LIST_ITEM and bool(counted) and counted <= set(terms((hit.heading or "").split(" › ")[-1]))
            item = _listed(index, hit, n, _list_start(index, hit)) if headed else None
        if item is not None:
            return item, f"{ordinal.group(0).strip()} → {_short(index.chunks[item].text.strip('-–•*;,. '))}"
    return None


HEADED_LISTS = 5  # the passages of an answer whose heading's list "its first president" may pick from


def _list_start(index: Index, hit: Hit) -> int:
    """The passage before the first of the short passages, under the same heading, that a passage is one of."""
    i = hit.number
    while i > 0 and (c := index.chunks[i - 1]).source == hit.chunk.source and c.heading == hit.chunk.heading \
            and len(c.text) <= LIST_ITEM:
        i -= 1
    return i - 1


TIMES_READ = 10  # the passages of an answer among which "the second time" is counted


def _nth_time(index: Index, q: str, hits: list[Hit]) -> tuple[int, str] | None:
    """The passage "the second time" points at: of the answer's first passages that say all the question's own
    words, the n-th by date ("he won the Swiss Bridge Prize twice … when was the second time?": 2009, not 2001),
    and the note saying so; else None."""
    words = words_for(q)
    ordinal = next((m for m in words.ordinal.finditer(q) if words.occasion.match(q, m.end())), None)
    if ordinal is None:
        return None
    n = words.number(next((g for g in ordinal.groups() if g), ""))
    said = words.occasion.match(q, ordinal.end())
    own = {t for t in terms(q[:ordinal.start()] + " " + q[said.end():]) if t not in words.stop and not t.isdigit()}
    if hits:  # the words the answer says of them ("won … twice, I gather": the prize's)
        own &= set(terms(f"{hits[0].heading or ''} {hits[0].text}"))
    saying = sorted((h for h in hits[:TIMES_READ] if h.date and own <= set(terms(f"{h.heading or ''} {h.text}"))),
                    key=lambda h: (h.date, h.number))
    if not n or not own or len(saying) < 2 or n > len(saying):
        return None
    hit = saying[n - 1 if n > 0 else -1]
    label = hit.text.strip("-–•*;,. ") if len(hit.text) <= LIST_ITEM else _label(hit, words)  # a list's item says itself
    when = "" if hit.date and hit.date[:4] in label else _when(hit, words)
    return hit.number, f"{ordinal.group(0).strip()}{said.group(0)} → {_short(label)}{when}"


LIST_ITEM = 160  # characters: a passage this short under a list's opening is one of its items
LIST_ITEMS = 30  # the items of a list read at most


def _list_intro(index: Index, number: int) -> int | None:
    """The passage that opens the list a passage is an item of (or opens itself): the last before it, in its
    document and under its heading, that ends in a colon, with only short passages between."""
    chunk = index.chunks[number]
    for intro in range(number, max(-1, number - LIST_ITEMS), -1):
        c = index.chunks[intro]
        if c.text.rstrip().endswith((":", "：")):
            return intro
        if c.source != chunk.source or c.heading != chunk.heading or len(c.text) > LIST_ITEM:
            return None
    return None


def _listed(index: Index, hit: Hit, n: int, intro: int | None = None) -> int | None:
    """The n-th item (n = -1: the last) of a list a passage introduces ("… involved with:"): the
    short passages after it in its document, under the same heading (`intro`: the list's opening, when read already)."""
    def item(i: int) -> bool:
        c = index.chunks[i]
        return c.source == hit.chunk.source and c.heading == hit.chunk.heading and len(c.text) <= LIST_ITEM

    intro = _list_intro(index, hit.number) if intro is None else intro  # the passage itself, or the one that
    if intro is None:  # introduces the list it is an item of
        return None
    items, i = [], intro + 1
    while i < len(index.chunks) and len(items) < LIST_ITEMS and item(i):
        items.append(i)
        i += 1
    if not items or n > len(items):
        return None
    return items[n - 1] if n > 0 else items[-1]


def _date_words(start: str, end: str | None, words: Words) -> str:
    return japanese_date(start, end) if words.code == "ja" else readable_date(start, end)


def _when(passage: Hit | Chunk, words: Words) -> str:
    """A passage's date as a note adds it after its name: " (2 September 2019)"; "" when undated."""
    return f" ({_date_words(passage.date, passage.date_end, words)})" if passage.date else ""


def _label(hit: Hit, words: Words) -> str:
    """What a passage is about, as a short name: a dated entry's event, else its heading's last part,
    else its first words."""
    text = " ".join(hit.text.split())
    spans = find_dates(text[:40])
    if hit.date and spans and spans[0].offset == 0:
        return words.label(text[spans[0].length:].strip(" ,:-–　"))
    if hit.heading:
        head = hit.heading.split(" › ")[-1]
        head = re.sub(r"\s[-–—]\s*[^-–—]*[-–—]\s*$|^[-–—]\s*[^-–—]*[-–—]\s", " ", head).strip()
        bare = re.sub(r"\s*\(.*?\)", "", head).strip(" ,")
        return bare or head.strip("() ,")  # "(Stop Child Labour Network)" names itself
    return _named_title(hit) or words.label(text)


def _relative(q: str, words: Words, focus: Focus, index: Index | None = None) -> tuple[TimeScope, str, int | None] | None:
    """The period a follow-up names relative to the answer in focus (or to the thing it names: "the
    same month as the Osaka declaration", "right after the C20 summit"), the words that named it, and
    the passage of the thing named (None: the answer in focus)."""
    for rel in words.relative:
        m = rel.pattern.search(q)
        if m is None or _attributive(q, m):
            continue
        groups = m.groupdict()
        unit = words.units.get((groups.get("unit") or groups.get("unit2") or "").lower(), rel.unit or "year")
        kind = _relative_kind(rel, q, words, focus)
        if kind is None:
            continue
        if kind in ("next", "previous") and unit in ("day", "week"):  # "the week before": the nearest event then
            kind = "later" if kind == "next" else "earlier"
        # a step of the calendar counts from the period a question named when it is of that unit;
        # "after that", "two weeks later" from the answer itself
        if kind == "between":  # "what happened in between those two?": between the last two answers' dates
            between = _between_said(q, m, words, focus, index)
            if between is None:
                continue
            return (*between, None)
        anchor, said = _counted_anchor(kind, unit, q, m, words, focus), m.group(0).strip()
        number, named, spoken, rest = _counted_from(q, m, rel, words, focus, index)
        thing = index.chunks[number] if number is not None else None
        section = None
        if thing is not None and thing.date:
            section = _section_span(index, number, named or "")
            anchor = section or (thing.date, thing.date_end or thing.date)
            said = spoken
        else:
            number = None
            if rel.named:  # "after Tokyo" with nothing dated that names Tokyo: not a time
                continue
        if rel.named and thing is not None and _tells_what_came(thing.text, kind, named):
            continue  # "Following the repeal of the Prohibition, the brewery was purchased by …": it answers itself
        if rel.named and _asked_of(index, number, rest, words):
            continue  # "was X in the declaration after the third dialogue?": that passage is what it asks about
        if anchor is None:
            return None
        return _shifted(kind, anchor, *_amount(groups, unit, words), words, term=section is None), said, number
    return None


def _amount(groups: dict, unit: str, words: Words) -> tuple[str, str | None]:
    """The unit and the number of them a relative time counts ("two", "the 19th"); "a year and a half
    earlier" in the next unit down."""
    amount = groups.get("n") or groups.get("d")
    if groups.get("half") or groups.get("half2"):
        return _and_a_half(unit, words.number(amount or "1") or 1)
    return unit, amount


def _and_a_half(unit: str, n: int) -> tuple[str, str]:
    """n and a half units as a whole number of a smaller unit.

    >>> _and_a_half("year", 1), _and_a_half("month", 2), _and_a_half("week", 1)
    (('month', '18'), ('day', '75'), ('day', '10'))
    """
    if unit == "year":
        return "month", str(12 * n + 6)
    return "day", str({"month": 30, "week": 7}.get(unit, 1) * n + {"month": 15, "week": 3}.get(unit, 0))


def _attributive(q: str, m: re.Match) -> bool:
    """Whether a relative time's word describes the thing the question names ("did ACE also comment on the
    earlier baseline study report?": that report, itself earlier), not a time counted from it ("was there an earlier
    seminar there …?" asks for one before the answer)."""
    return re.fullmatch(r"(?i)earlier|later|previous|prior", m.group(0).strip()) is not None \
        and re.search(r"(?i)\b(?:the|that|this|its|their|our)\s+$", q[:m.start()]) is not None \
        and re.match(r"\s+(?!ones?\b|in\b|on\b|that\b|this\b|than\b)[a-z][\w'’-]{2,}\s+[a-z][\w'’-]{2,}", q[m.end():], re.I) is not None


DAY_ANCHOR = 2  # the passages shown first whose day "two days after" may count from, when the first has none


def _counted_anchor(kind: str, unit: str, q: str, m: re.Match, words: Words, focus: Focus) -> tuple[str, str] | None:
    """The dates a relative time of the answer counts from (`_anchor`); "after those two": from the later of
    the last two answers ("before both": the earlier)."""
    anchor = _anchor(focus, unit if kind in ("same", "next", "previous") else "")
    if anchor is not None and unit in ("day", "week") and len(anchor[0]) < 10:
        # "and a couple weeks later?" after an answer dated by its year or month (a network founded in 2004, above
        # the day the petitions were handed in): the day of the first entry shown that opens with its day
        day = next((h for h in focus.shown[:DAY_ANCHOR] if h.date and len(h.date) == 10 and leading_date(h.text)), None)
        anchor = (day.date, day.date_end or day.date) if day is not None else anchor
    if kind in ("after", "before", "since") and focus.before and anchor and \
            (words.both.match(q, m.end()) or words.both.search(m.group(0))):
        anchor = sorted((anchor, focus.before), key=lambda a: lower_bound(a[0]))[-1 if kind != "before" else 0]
    return anchor


def _relative_kind(rel: Relative, q: str, words: Words, focus: Focus) -> str | None:
    """A relative time's kind, "who succeeded him?" read as "after" and "his predecessor" as "before" when the
    answer in focus is an item of a list of holders ("1959–1962 : Rolf Nevanlinna"); None in prose, where
    the answer's date is no term ("who came after him?" after his birth). "did we work with them again
    later?": "since", any time after it, not the next thing."""
    kind = rel.kind
    if kind == "after" and not rel.named and words.again.search(q):
        return "since"
    if kind not in ("successor", "predecessor"):
        return kind
    if not (focus.shown and _HOLDER.match(focus.shown[0].text)):
        return None
    return "after" if kind == "successor" else "before"


_TRAILING = re.compile(r"(?i)\s+(?:there|then|again|too|also)$")  # "two months before the forum there": the forum


def _counted_from(q: str, m: re.Match, rel: Relative, words: Words, focus: Focus,
                  index: Index | None) -> tuple[int | None, str | None, str, str]:
    """The thing a relative time (`m`) counts from when the question names one ("right after the C20
    summit", "the same month as the Osaka declaration", "the month before the jan one"): the passage that
    names it, the name, the words that said the time with it, and the rest of the question."""
    other = (words.same_as.match(q, m.end()) or words.named_anchor.match(q, m.end())) if index is not None else None
    before = words.anchor_before.search(q[:m.start()]) if index is not None and other is None else None
    acting = words.acting.match(q, m.end()) if rel.named and index is not None and other is None and before is None else None
    if acting is not None:
        return _acted_from(q, m, acting, words, focus, index)
    named = other.group("x") if other is not None else before.group("x") if before is not None else None
    named = _TRAILING.sub("", named.strip(" -–—,;:")) if named else named  # "the forum there"
    if named and rel.kind in ("later", "earlier") and words.clause.match(named) \
            and not re.search(r"(?i)\b(?:before|after)$", m.group(0)):
        named = None  # "two years later the Prince got it off him": a clause, no thing to count from; "a month
        #               before the signatures went in" counts from them
    bare = named is not None and named[:1].islower() and not _DETERMINED.match(named)
    if bare and not specific_terms(index, named):
        named = None  # "after lunch", "a week later they …": no one thing named; "after bangkok" names one
    pointed = re.match(r"(?i)(?:that|this|those|these|the\s+said|the\s+aforementioned|the\s+same)\s+(?=\w)", named or "")
    # "after the forum" with the forum in focus: a noun of an event alone, which the focus names
    kind = re.fullmatch(r"(?i)the\s+(\w+)", (named or "").strip())
    known = kind is not None and words.event.fullmatch(kind.group(1)) is not None and focus.shown and any(
        {t[:5] for t in terms(kind.group(1))} & {t[:5] for t in terms(s)} for s in focus.subjects + list(focus.history))
    if (pointed or known) and focus.subjects:  # "before that summit": the summit in focus, not any passage saying
        named = _named_by(named, focus, words)  # "summit"
    number = _named_passage(index, f"{named} {focus.topic or ''}", NAMED_SHARE if rel.named else 0.0,
                            dated=not rel.named or words.one_of.search(named) is not None) \
        if named and _names_something(named, words) and not _is_time(named, words) else None
    if named and number is None and _is_time(named, words) and words.one_of.search(named):
        number = _shown_in_month(focus, named, words)  # "the month before the jan one": the January one shown
    elif named and number is None and (one := words.one_of.search(named)) is not None \
            and (shown := _shown_described(focus, one, words)) is not None:
        number = shown.number  # "right before the Geneva one": the Geneva one just shown
    said = (q[m.start():other.end("x")] if other is not None else q[before.start("x"):m.end()]) if named else ""
    said = _TRAILING.sub("", said)
    rest = q[:m.start()] + " " + q[other.end("x"):] if rel.named and other is not None else q
    return number, named, said.strip(" -–—,;:"), rest


def _acted_from(q: str, m: re.Match, acting: re.Match, words: Words, focus: Focus,
                index: Index) -> tuple[int | None, str | None, str, str]:
    """`_counted_from` for a clause of the one in focus ("after they handed the signatures over", "after they
    submitted those"): the answer in focus when the clause names nothing else, or the answer it names."""
    obj = _TRAILING.sub("", acting.group("x").strip(" -–—,;:"))
    obj = re.sub(r"(?i)^(?:over|up|in|out|off|back|on)\b\s*|\s*\b(?:over|up|in|out|off|back|on)$", "", obj).strip()
    named = obj if obj and _names_something(obj, words) and not _is_time(obj, words) and specific_terms(index, obj) else None
    number = _named_passage(index, f"{named} {focus.topic or ''}", NAMED_SHARE, dated=False) if named else None
    if named is None and focus.shown:  # "after they submitted those": the answer
        number = focus.shown[0].number
    elif number not in {h.number for h in focus.shown[:1] + focus.answered}:  # "… the signatures over": an answer
        number = None  # "After he was taken prisoner, where did they hold him?": what it names may answer, no time
    said = q[m.start():acting.end()].strip(" -–—,;:")
    return number, named, said, q[:m.start()] + " " + q[acting.end():]


def _tells_what_came(text: str, kind: str, named: str | None) -> bool:
    """Whether a passage itself tells what came after (or before) the thing: "Following the repeal of …"."""
    head = next((w for w in re.findall(r"[^\W\d_]{3,}", named or "") if terms(w)), None)
    if head is None:
        return False
    words = r"after|following|since|once" if kind == "after" else r"before|prior\s+to|ahead\s+of|until"
    return bool(re.search(rf"(?i)\b(?:{words})\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+)?{re.escape(head)}", text))


def _section_span(index: Index, number: int, named: str) -> tuple[str, str] | None:
    """When the thing a time counts from names the section its passage is in ("after Rangers" in an
    article whose section "Rangers" tells 2001 to 2006): the first and last dates of that section's
    passages, so that "after" counts from its end and "before" from its start."""
    chunk = index.chunks[number]
    section = (chunk.heading or "").split(" › ")[-1]
    wanted = set(terms(named))
    if not section or not wanted or not wanted <= set(terms(section)):
        return None
    dated = [c for c in index.chunks[max(0, number - 200):number + 200]
             if c.source == chunk.source and c.heading == chunk.heading and c.date]
    if len(dated) < 2:
        return None
    return min(c.date for c in dated), max((c.date_end or c.date for c in dated), key=lambda d: upper_bound(d))


def _month_number(m: re.Match, words: Words) -> int:
    """The number of the month a `words.month` match names ("jan", "June", 6月)."""
    name = m.group("m").lower()
    return words.months.get(name) or int(name)


def _shown_in_month(focus: Focus, said: str, words: Words) -> int | None:
    """The first passage just shown dated in the month the words name ("the jan one"), else the latest such answer."""
    m = words.month.search(said)
    month = _month_number(m, words) if m is not None else None
    return next((h.number for h in focus.shown + focus.answered if month and h.date and len(h.date) >= 7 and int(h.date[5:7]) == month),
                None)


def _asked_of(index: Index, number: int, rest: str, words: Words) -> bool:
    """Whether the passage a time counts from is itself what the rest of the question asks about: it
    holds a word of it that at most RARE passages use."""
    held = set(terms(f"{index.chunks[number].heading or ''} {index.chunks[number].text}"))
    return any(0 < index.frequency(t) <= RARE and t in held for t in terms(rest) if t not in words.stop)


_HOLDER = re.compile(r"\s*(?:[-•*]\s*)?(?:[^\W\d][\w.'’ -]{0,60}\(\s*)?\d{4}\s*[–-]\s*(?:\d{2,4}|present)?\s*[:)]|\s*[-•*]\s")
_DETERMINED = re.compile(r"(?i)(?:the|our|ace['’]s|its|their|his|her|[a-z]+ing)\b")


def _is_time(text: str, words: Words) -> bool:
    """Whether the words only name a time ("June 2019", "the summer"): nothing a time counts from."""
    bare = words.month.sub(" ", without_dates(text))
    season = season_in(bare)
    bare = re.sub(re.escape(season), " ", bare, flags=re.I) if season else bare
    return not any(t not in words.stop for t in terms(bare))


def _ordered_within(q: str, counted: tuple[TimeScope, str, int | None] | None, words: Words, focus: Focus,
                    index: Index) -> tuple[TimeScope, str, int | None] | None:
    """"And before that, in the same year?": a period of the answer's calendar ("the same year") narrows a time in
    order from it ("before that") said beside it, as a period the question names does (`_within`)."""
    if counted is None or counted[0].order or not counted[0].bounded or counted[2] is not None:
        return counted
    ordered = _relative(q.replace(counted[1], " ", 1), words, focus, index)
    if ordered is None or not ordered[0].order:
        return counted
    return _within(counted[0], ordered)


def _within(own: TimeScope, counted: tuple[TimeScope, str, int | None]) -> tuple[TimeScope, str, int | None]:
    """The time a question names, narrowed by the time counted from a thing it names ("in 2018, before
    the Bangkok forum": 2018 up to the forum), in the counted order; the named time alone when they
    do not meet."""
    scope = counted[0]
    if not scope.overlaps(own.start or "0001", own.end or "9999"):
        return own, counted[1], counted[2]
    start = max((s for s in (own.start, scope.start) if s), key=lower_bound, default=None)
    end = min((e for e in (own.end, scope.end) if e), key=upper_bound, default=None)
    if start and end and len(start) > len(end):  # "28 August – 31 December 2019", not "28 August 2019 – 2019"
        end = _last_day(end).isoformat()
    return TimeScope(start, end, scope.order or own.order), counted[1], counted[2]


def _names_something(text: str, words: Words) -> bool:
    """Whether the words name a thing (not only a time or a pointing word: "the same", その)."""
    return any(t not in words.stop for t in terms(text)) and not words.thing.fullmatch(text.strip())


def _with_season(q: str, relative: tuple[TimeScope, str, int | None] | None,
                 focus: Focus) -> tuple[TimeScope, str, int | None] | None:
    """ "その年の秋", "that summer", "in the autumn", その年の6月, "in June that year", "and in August?",
    "the following January": the part of the year meant, of the year the relative time names, else
    of the answer in focus (the next one after it, or the one before, when the words say so)."""
    words = words_for(q)
    month = words.month.search(q)
    if month is not None:
        number = _month_number(month, words)
        if relative is not None:
            timed = _month_of_relative(q, month, number, relative, focus)
            if timed is not None:
                return timed
        else:
            anchor = _anchor(focus, "month")
            if anchor is not None:
                year = _year_of(q[:month.start()], anchor[0], number, number, words, q[month.end():])
                year = _nearest_year(year, anchor[0], number, focus) if year == int(anchor[0][:4]) else year
                key = f"{year:04d}-{number:02d}"
                onward = words.onward.search(q[:month.start()]) if words.onward is not None else None
                said = q[onward.start():month.end()] if onward else month.group(0)  # "the new year", not "year"
                step = words.month_of.search(q[:month.start()])
                if step is not None:  # "the month after June": July of that year
                    key = _shift(key, "month", 1 if step.group("after") else -1)
                    return TimeScope(key, key), q[step.start():month.end()].strip(), None
                # "after july": after that month, read as the question "after July 2021" would be
                named = f"{year}年{month.group(0)}" if words.code == "ja" else f"{month.group(0)} {year}"
                bound = question_time(q[:month.start()] + named + q[month.end():])
                if bound is not None and bool(bound.start) != bool(bound.end) and not onward:
                    word = re.search(r"\S+\s*$", q[:month.start()]) if words.code != "ja" else None
                    return TimeScope(bound.start, bound.end), q[word.start() if word else month.start():
                                                               month.end() if word else month.end() + 2].strip(), None
                return TimeScope(key, key), said.strip(), None
    season = season_in(q)
    if season is None:
        return relative
    if relative is not None:
        scope, said, thing = relative
        if scope.start and scope.start == scope.end and len(scope.start) == 4:
            at, part = q.find(said), q.lower().find(season.lower())  # "end of that year", "late that year"
            lo, hi = min(at, part), max(at + len(said), part + len(season))
            spoken = q[lo:hi] if at >= 0 and part >= 0 and hi - lo <= 2 * (len(said) + len(season)) else f"{said}…{season}"
            return part_of_year(int(scope.start), season), spoken, thing
        return relative
    anchor = _anchor(focus, "year")
    if anchor is None:
        return None
    at = q.lower().find(season.lower())
    year = _year_of(q[:max(at, 0)], anchor[0], *months_of(season), words, q[max(at, 0) + len(season):])
    said = re.search(rf"(?i)\b(?:at\s+)?the\s+{season}\s+of\s+(?:the|that)\s+year\b", q) if season.isascii() else None
    return part_of_year(year, season), said.group(0) if said else season, None  # "at the end of the year"


def _month_of_relative(q: str, month: re.Match, number: int, relative: tuple[TimeScope, str, int | None],
                       focus: Focus) -> tuple[TimeScope, str, int | None] | None:
    """The month a relative time names with a month ("in June that year", "before that, in February": the
    February before the answer, of its year when the answer is dated by its year), or None."""
    scope, said, thing = relative
    if scope.start and len(scope.start) == 7 and scope.start == scope.end:
        return relative  # "the month before the jan one": that month names what it counts from
    if scope.start and scope.end and scope.start[:4] == scope.end[:4]:  # a year, or a part of one
        key = f"{scope.start[:4]}-{number:02d}"
        return TimeScope(key, key), f"{said}…{month.group(0)}", thing
    at = q.find(said)
    inside = at <= month.start() < at + len(said)  # "preceding the April meeting": April names the meeting
    anchor = _anchor(focus, "month") if thing is None else None
    if bool(scope.start) == bool(scope.end) or scope.near or inside or anchor is None:
        return None
    year, of = int(anchor[0][:4]), int(anchor[0][5:7] or (13 if scope.end else 0))
    year += 0 if (number <= of if scope.end else number >= of) else -1 if scope.end else 1
    key = f"{year:04d}-{number:02d}"
    return TimeScope(key, key), f"{said}…{month.group(0)}", thing


def _nearest_year(year: int, anchor: str, month: int, focus: Focus) -> int:
    """The year of a month named alone ("and in jan?") after an answer of a month: the answer's year, or across
    the new year when that month is within a season of it there (January after December 2019: 2020; March after
    November 2019: 2019), unless a year is the period in focus."""
    period = focus.period
    if len(anchor) < 7 or period is not None and period.start and len(period.start) == 4 and not period.order:
        return year
    at = int(anchor[5:7])
    return year + 1 if month - at < -ACROSS_YEAR else year - 1 if month - at > ACROSS_YEAR else year


def _year_of(before: str, anchor: str, first: int, last: int, words: Words, after: str = "") -> int:
    """The year of a month or season (months first..last) named without one, next to the answer's date:
    its own year; the next one after it ("the following January", "the January after"); the one before
    ("the previous summer", "the November before")."""
    year, month = int(anchor[:4]), int(anchor[5:7]) if len(anchor) >= 7 else None
    if (words.onward is not None and words.onward.search(before)) or \
            (words.onward_after and words.onward_after.match(after)):
        return year + 1 if month is None or first <= month else year
    if (words.backward is not None and words.backward.search(before)) or \
            (words.backward_after and words.backward_after.match(after)):
        return year - 1 if month is None or last >= month else year
    return year


def _anchor(focus: Focus, unit: str) -> tuple[str, str] | None:
    """The period a relative time counts from: the period a question named when it is one whole
    year and the unit is a year (one month, a month); else the date of the answer in focus (the first dated of the first
    three passages shown, one in the period in focus preferred); else the period in focus."""
    period = focus.period
    closed = period is not None and period.start and period.end and not period.order
    if closed and len(period.start) == {"year": 4, "month": 7}.get(unit, 10) and period.start == period.end:
        return period.start, period.end  # "that month" after "in November 2019": November (not January after
        #                                  "the first half of 2021": the month of the answer)
    if focus.anchor is not None and not (closed and not period.overlaps(*focus.anchor)):
        return focus.anchor
    if closed:  # the answer lies outside the period the question named: the period is surer
        return period.start, period.end
    return focus.anchor


def _between_said(q: str, m: re.Match, words: Words, focus: Focus, index: Index | None) -> tuple[TimeScope, str] | None:
    """The days "in between those two" names (the last two answers'), or "between the first and the second
    one" (those items'), and the words that named them."""
    two = words.between_two.search(q)
    items = _between_items(two, words, focus, index) if two is not None else None
    scope = _between(*items) if items else _between(focus.anchor, focus.before)
    return None if scope is None else (scope, (two.group(0) if items else m.group(0)).strip())


def _between_items(m: re.Match, words: Words, focus: Focus, index: Index | None) -> list[tuple[str, str]] | None:
    """The dates of the two things "between the first and the second one" names (items of the series or list
    in focus), or "between the Matsuyama dialogue and that seminar" (the passage that names one, the answer
    in focus for "that seminar"); None unless both are dated."""
    if index is None:
        return None
    dates = []
    for said in (m.group("a"), m.group("b")):
        said = said if said.lower().startswith(("the ", "that ", "this ")) else f"the {said}"
        ordinal = words.ordinal.search(said)
        if ordinal is not None and ordinal.start() == 0:
            item = _list_item(index, words, ordinal, focus)[0]
        else:  # "that seminar": the answer in focus; "the Matsuyama dialogue": the passage naming it
            item = _referent(index, words, focus, said)
        if item is None or not index.chunks[item].date:
            return None
        dates.append((index.chunks[item].date, index.chunks[item].date_end or index.chunks[item].date))
    return dates


def _between(one: tuple[str, str] | None, other: tuple[str, str] | None) -> TimeScope | None:
    """The days strictly between two answers' dates, when there are any."""
    if one is None or other is None:
        return None
    first, last = sorted((one, other), key=lambda a: lower_bound(a[0]))
    start, end = _day_after(first[1] or first[0]), _day_before(last[0])
    return TimeScope(start, end) if start <= end else None


def _shifted(kind: str, anchor: tuple[str, str], unit: str, amount: str | None, words: Words,
             term: bool = True) -> TimeScope:
    """The period a relative time names from `anchor` (the first and last day of what it counts from); a
    `term` of whole years ("1991–1994", one passage's) is followed by one that may begin the year it ends."""
    start, end = anchor
    if kind in ("later", "earlier"):
        return _counted_on(kind, start, end, unit, words.number(amount or "1") or 1)
    if kind in ("next", "previous"):
        step = 1 if kind == "next" else -1
        shifted = _shift(_at_precision(start if step < 0 else end, unit), unit, step)
        return TimeScope(*_week_of(shifted)) if unit == "week" else TimeScope(shifted, shifted)
    if kind == "during":  # "while they were there": from the first to the last day of what it counts from
        return TimeScope(lower_bound(start), _last_day(end).isoformat())
    if kind == "around":  # "within a few days of it": as many units either side of what it counts from
        n = words.number(amount or "1") or 1
        reach = datetime.timedelta(days=n * {"day": 1, "week": 7, "month": 31, "year": 366}.get(unit, 31))
        return TimeScope((datetime.date.fromisoformat(lower_bound(start)) - reach).isoformat(),
                         (_last_day(end) + reach).isoformat())
    if kind == "day of month":  # "on the 19th": that day of the answer's month (of an answer dated by its month)
        day = f"{start[:7]}-{int(amount or 1):02d}" if len(start) >= 7 else start
        return TimeScope(day, day)
    if kind == "same":
        key = _at_precision(start, unit)
        return TimeScope(*_week_of(key)) if unit == "week" else TimeScope(key, key)
    if kind == "earlier in":
        return TimeScope(_at_precision(start, unit), _day_before(start), "latest")
    if kind == "later in":
        return TimeScope(_day_after(end), _at_precision(end, unit), "earliest")
    spans_years = term and len(start) == 4 and len(end) == 4 and start != end
    if kind == "since":
        return TimeScope(end if spans_years else _day_after(end), None)
    if kind == "before":
        return TimeScope(None, start if spans_years else _day_before(start), "latest")
    return TimeScope(end if spans_years else _day_after(end), None, "earliest")


def _counted_on(kind: str, start: str, end: str, unit: str, n: int) -> TimeScope:
    """ "two years later" ("earlier") than what runs from `start` to `end`: from half the way there on, the
    nearest to the time it names first, as precise as what it counts from."""
    if len(start) == 4 == len(end) and unit != "year":  # "a week later" than a year's answer: that year, which
        return TimeScope(start, end)  # the answer's own passage may tell on ("… A week later in China, he …")
    if kind == "later":
        return TimeScope(_halfway(end, unit, n, 1), None, "earliest", _halfway(end, unit, 2 * n, 1)[:len(end)])
    return TimeScope(None, _halfway(start, unit, n, -1), "latest", _halfway(start, unit, 2 * n, -1)[:len(start)])


def _week_of(iso: str) -> tuple[str, str]:
    """The week (Monday to Sunday) a day falls in; a coarser date stays as it is ("that week" of a month)."""
    if len(iso) < 10:
        return iso, iso
    d = datetime.date.fromisoformat(iso)
    monday = d - datetime.timedelta(days=d.weekday())
    return monday.isoformat(), (monday + datetime.timedelta(days=6)).isoformat()


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


def _at_precision(iso: str, unit: str) -> str:
    """The ISO prefix cut to the unit's precision: ("2019-11-25", "month") -> "2019-11"."""
    return iso[:4] if unit == "year" else iso[:7] if unit == "month" else iso


def _halfway(iso: str, unit: str, n: int, sign: int) -> str:
    """The day half of n units away from `iso` (its last day going on, its first going back): "two
    weeks later" looks for the first event from one week on, since few things happen exactly then."""
    d = _last_day(iso) if sign > 0 else datetime.date.fromisoformat(lower_bound(iso))
    days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n / 2
    return (d + datetime.timedelta(days=sign * max(1, round(days)))).isoformat()


def _next_focus(focus: Focus | None, index: Index, q: str, resolved: Resolved, answer: Answer,
                today: datetime.date, shows: int | None = None) -> Focus:
    """The focus after a turn: the subjects named by the question, then the answer's event, then
    the earlier ones; the person named or titled; the period named; the list shown."""
    words = words_for(_fold(q))
    own = _own_names(index, _fold(q), words)
    top = answer.hits[0] if answer.hits else None  # declined, the closest passages are still what was shown
    title = _named_title(top) if top is not None else None
    about = ([title] if title else []) + ([_label(top, words)] if top is not None else [])
    earlier = ([resolved.returned] if resolved.returned else []) + (
        focus.subjects if focus is not None and resolved.followup else [])
    subjects = list(dict.fromkeys(s for s in _named_first(own, about, q, words) + earlier if s))[:4]
    period = focus.period if focus is not None and resolved.followup and not resolved.returned else None
    asked = _own_time(_fold(q), words, today) if resolved.followup else question_time(_fold(q), today)
    if asked is not None and asked.bounded and not asked.order:
        # "when was the wedding? I have 2015 in my head": the answer's year (2014) is the one in focus
        period = None if _guess_corrected(asked, top, q, words) else asked
    elif isinstance(resolved.when, TimeScope) and resolved.signals.named_time:
        # "the month before" is the period now; "two weeks later" moves on from the answer, whose date counts next
        period = None if resolved.when.order else resolved.when
    elif period is not None and top is not None and top.date and not period.overlaps(top.date, top.date_end or top.date):
        period = None  # a period only carried along, which the answer has left ("what else?" found 2019): gone
    frame = _frame(q, words, focus)
    if resolved.followup and subjects and frame != (focus.frame if focus is not None else None) and \
            any(p.search(_fold(q)) for p in (words.thing, words.place, words.person)) and \
            not words.several.search(q):  # "these", "them": the list shown, not its first
        # "ACE person who spoke there?" … "and 2020?": who spoke at the conference it pointed at, not anywhere
        named = " ".join(without_dates(subjects[0]).replace(",", " ").split())
        frame = frame if set(terms(named)) <= set(terms(frame)) else f"{frame} {named}"
    # "first one, what was the draft?" asks of one item of the list: "and the year before?" asks the list's question
    listed = (focus.listed or focus.frame) if focus is not None and resolved.signals.item is not None else frame
    earlier = focus.person if focus is not None else None
    people = _people(_fold(q), index, words) or _typed_lower(q, top, words, index)  # "went out to San Francisco": no one
    spelt = _title_person([top]) if top is not None else None  # "when did erich topp get the Oak Leaves?": Topp
    if spelt and _spells(_fold(q), spelt) and not words.asks_person.search(_fold(q)) and not words.who_acts.search(_fold(q)) \
            and any(kind == "person" for _, kind in words.names(spelt)):  # not "who took over the Indianapolis Indians?"
        person = spelt
    elif not words.asks_person.search(_fold(q)) and words.who_acts.search(_fold(q)) \
            and (answered := _answer_person(top, q, words, people[0] if people else None)):
        person = answered  # "sorry, quick one — who gave the pack to PM Abe?": the one who gave it, not Abe
    elif people:  # the one the answer's article is about, else the first named (the sentence's subject)
        person = next((n for n in people if title and (n in title or title in n)), people[0])
    elif words.asks_person.search(_fold(q)):  # "who is …?": the person the answer names
        other = earlier if words.person.search(_fold(q)) else None  # "who took over when he resigned?": not him,
        if other and focus is not None and focus.topic and _same_person(focus.topic, other):
            person = earlier  # unless the article is about him ("who took his seat?": Gasly's article stays his)
        else:
            acted = not re.match(r"(?i)\W*(?:and\s+|so\s+)?(?:who|whom)\s+(?:is|was|are|were|'s)\b", _fold(q))
            named = (_answer_person(top, q, words, other) or _titled(answer.hits[:3], q, other)) if acted else \
                (_titled(answer.hits[:3], q, other) or _answer_person(top, q, words, other))
            # "who presented it?": the one the answering sentence names first; "who is the director?": a title's name
            person = named or _answer_role(top, q) or earlier or _title_person(answer.hits)
    elif earlier is None:
        person = _titled(answer.hits[:3], q) or _title_person(answer.hits)
    else:
        person = earlier
    anchor = focus.anchor if focus is not None else None
    before = focus.before if focus is not None else None
    before, anchor = _anchored(top, q, words, before, anchor)
    topic = title if top is not None else (focus.topic if focus is not None else None)
    # a passage's event title is an event; a name stays what it was when named, and an article's title is no
    # event written without its "( band )" either
    labels = set(about) - {title, _bare(title)}
    prior = focus.events if focus is not None else frozenset()
    events = frozenset(s for s in subjects
                       if (s not in own and (s in labels or s in prior)) or words.event.search(s))
    heading = [top.heading.split(" › ")[-1]] if top is not None and top.heading else []  # its full name, to go back to
    history = tuple(dict.fromkeys(subjects + heading + list(focus.history if focus is not None else ())))[:24]
    return Focus(subjects, person, period, tuple(answer.hits[:shows or None]), frame, words.code, anchor, topic,
                 events, history, before, listed, resolved.series, resolved.compared,
                 resolved.signals.place or _place_kept(focus, resolved, top),
                 ((top,) if top is not None else ()) + (focus.answered[:7] if focus is not None and resolved.followup else ()))


def _place_kept(focus: Focus | None, resolved: Resolved, top: Hit | None) -> str | None:
    """The place "there" meant, kept while the answer stays there: not once a follow-up finds another event ("she
    went to some cocoa meeting in Africa": there is no longer the Tokyo conference)."""
    if focus is None or not resolved.followup or not focus.place or top is None:
        return None
    place = {t[:5] for t in terms(focus.place)}
    return focus.place if 2 * len(place & {t[:5] for t in terms(f"{top.heading or ''} {top.text}")}) >= len(place) else None


def _people(q: str, index: Index, words: Words) -> list[str]:
    """The people a question names (not "Renamed Svetogorsk" of "Renamed Svetogorsk when?")."""
    return [n for n, kind in words.names(q) if kind == "person" and not is_place(n) and not _opens_with_verb(n, q, index)]


def _opens_with_verb(name: str, q: str, index: Index) -> bool:
    """Whether a "person" is the verb a terse question opens with and a name ("Renamed Svetogorsk when?"): a
    past form the passages write in lower case."""
    first = name.split()[0]
    return q.lstrip(" \"'“").startswith(first) and first.lower().endswith("ed") and first.lower() in index.lowercase


def _named_first(own: list[str], about: list[str], q: str, words: Words) -> list[str]:
    """The question's own names, then the answer's: but the answer first when the question picked an item of a
    series it names ("the SDG 8.7 Dialogues, the first one was where?": the first one, not the series)."""
    if own and about and words.ordinal.search(_fold(q)) and \
            {t[:5] for t in terms(own[0])} & {t[:5] for t in terms(about[-1])}:
        return about + own
    return own + about


def _typed_lower(q: str, top: Hit | None, words: Words, index: Index) -> list[str]:
    """The people of the answer a question names in lower case ("what did yuka iwatsuki present"):
    a person's name in the passage that the question spells, whatever its capitals; not one whose last word the
    passages write in lower case ("deep purple album with him": a band's, "purple")."""
    if top is None or q != q.lower():  # only a question typed all in lower case
        return []
    title = _title_person([top])  # the article's own person first ("fred hoiberg", not "the chicago bulls")
    named = ([title] if title else []) + [n for n, kind in words.names(top.text) if kind == "person"
                                          and n.split()[-1].lower() not in index.lowercase]
    return [n for n in dict.fromkeys(named) if _spells(q, n)]


def _spells(q: str, name: str) -> bool:
    """Whether a question spells a name, whatever its capitals and with or without its middle initials
    ("when did erich topp …", "William Leahy" for William D. Leahy)."""
    said = " " + " ".join(re.findall(r"[^\W_]+", q.lower())) + " "
    full = " ".join(re.findall(r"[^\W_]+", name.lower()))
    bare = " ".join(w for w in full.split() if len(w) > 1)
    return f" {full} " in said or (bare.count(" ") > 0 and f" {bare} " in said)


def _answering_sentence(text: str, q: str, words: Words) -> tuple[int, int]:
    """Where in a passage the sentence that shares the most of the question's words lies (the first
    such; the whole text when no sentence shares any)."""
    wanted = {t for t in terms(q) if t not in words.stop}
    best, best_score, at = (0, len(text)), 0, 0
    for sentence in re.split(r"(?<=[.!?。])\s+", text):
        start = text.find(sentence, at)
        at = start + len(sentence)
        score = len(wanted & set(terms(sentence)))
        if score > best_score:
            best, best_score = (start, at), score
    return best


def _guess_corrected(asked: TimeScope, top: Hit | None, q: str, words: Words) -> bool:
    """Whether a question asking when named a time in a sentence of its own ("… when was the wedding? I have 2015 in
    my head") that the answer it got is dated outside of: a guess the documents corrected, not a period of the
    conversation ("when was he made chairman again during the 1956 revolution?" keeps 1956)."""
    return top is not None and bool(top.date) and words.asks_date.search(q) is not None \
        and question_time(asked_sentences(q)) is None and not asked.overlaps(top.date, top.date_end or top.date)


def _anchored(top: Hit | None, q: str, words: Words, before, anchor) -> tuple:
    """The dates "in between those two" and "after that" count from once this answer is shown: its date becomes
    the anchor, the anchor the one before; not a birth date the answer gives ("Sir Michael Cullen ( born 5
    February 1945 ) is a former …" shown for "when did he become Finance Minister?") while another date is in
    focus, unless birth is asked."""
    if top is None or not top.date:
        return before, anchor
    start, end = _answer_date(top, q, words)
    if anchor is not None and not words.born.search(q) and _a_birth(top.text, start, words):
        return before, anchor
    end = end or start  # a span of years ("1927–2008", a life) dates the passage by its start
    dated = (start, start if int(end[:4]) - int(start[:4]) > 1 else end)
    return (anchor, dated) if dated != anchor else (before, anchor)


def _a_birth(text: str, date: str, words: Words) -> bool:
    """Whether the first mention of `date` in a passage is a birth date ("( born 5 February 1945 )"); the
    passage's dates are read again only when it says "born" at all."""
    if not words.born.search(text):
        return False
    span = next((d for d in find_dates(text) if d.start == date), None)
    return span is not None and words.born.search(text[max(0, span.offset - 12):span.offset]) is not None


def _answer_date(hit: Hit, q: str, words: Words) -> tuple[str, str | None]:
    """The date of the answer: the passage's own, unless the passage mentions several and the
    sentence that answers the question has its own ("… graduated in 1939 … In June 1941 he joined the
    Red Army": 1941 for "when did he join the Red Army?")."""
    spans = find_dates(hit.text)
    if len(spans) < 2 or leading_date(hit.text) is not None:  # an entry "May 13, 2016 …" is of its date, not of
        return hit.date, hit.date_end                          # a target it names ("… by 2025")
    start, end = _answering_sentence(hit.text, q, words)
    inside = [d for d in spans if start <= d.offset < end]
    wanted = {t for t in terms(q) if t not in words.stop and not t.isdigit()}
    said = [start + w.start() for w in re.finditer(r"\w+", hit.text[start:end]) if set(terms(w.group(0))) & wanted]
    if len(inside) > 1 and said:  # "… confirmed by King Jiří in 1463 , and in 1496 Příbram was named town by King
        inside.sort(key=lambda d: min(abs(d.offset - a) for a in said))  # Ladislaus": the date nearest its words
        inside = inside[:1]
    if not inside and (earlier := [d for d in spans if d.offset < start]):
        # "… On December 3 , 2018 , the Bulls fired Hoiberg after a 5-19 start to the 2018-19 season . Hoiberg was
        # replaced by Jim Boylen": the date the story had reached, the first of the last sentence that gives one
        opened = max(hit.text.rfind(". ", 0, earlier[-1].offset), hit.text.rfind("? ", 0, earlier[-1].offset))
        inside = [d for d in earlier if d.offset > opened][:1]
    if not inside or any(d.start == hit.date for d in inside):
        return hit.date, hit.date_end
    return inside[0].start, inside[0].end


def _counted(said: str, words: Words, when: TimeScope, focus: Focus) -> TimeScope | None:
    """The unit a relative time lands in when it counts units ("two years after that" from 1951: 1953;
    2年後), None for "next" or "after that"."""
    units = _units_said(said, words)
    if not units or focus.anchor is None or when.order not in ("earliest", "latest") or not (when.start or when.end):
        return None
    # "two years later" searches from half the way there on (`_halfway`): the place itself is as far again
    middle = when.start if when.order == "earliest" else when.end
    if middle is None or len(middle) != 10:
        return None
    middle = datetime.date.fromisoformat(middle)
    from_day = _last_day(focus.anchor[1] or focus.anchor[0]) if when.order == "earliest" \
        else datetime.date.fromisoformat(lower_bound(focus.anchor[0]))
    at = (middle + (middle - from_day)).isoformat()[:{"year": 4, "month": 7}.get(units[0], 10)]
    return TimeScope(at, at)


def _units_said(said: str, words: Words) -> list[str]:
    """The units of time a relative time counts ("two years after that", "weeks later", 2年後)."""
    return [words.units[u] for u in words.units
            if (re.search(rf"(?i)\b{re.escape(u)}s?\b", said) if u.isascii() else u in said)]


def _tells_of(hit: Hit, when: TimeScope | None, words: Words | None = None) -> bool:
    """Whether a narrative passage (not an entry of one date) goes on to a date in `when` ("… president
    in 1951 … appointed to the commission in 1953": it answers "two years after that?" too; "married … in 1968
    … married to actress Tuesday Weld from 1985 to 1998" answers "who did he marry next?"); with `words`, a year
    it counts on to counts too ("In 1872 … The following year he went into partnership …")."""
    return when is not None and leading_date(hit.text) is None and \
        any(when.overlaps(d.start, d.end or d.start) for d in (_told_dates(hit.text, words) if words else find_dates(hit.text)))


def _told_dates(text: str, words: Words) -> list[DateSpan]:
    """The dates a passage mentions, and the years it counts on to from the last one before ("In 1872 … The
    following year …": 1873), in the order of the text."""
    found = find_dates(text)
    out = list(found)
    for m in words.told_later.finditer(text):
        before = [d for d in found if d.offset < m.start()]
        said = m.group("n") or ""
        n = words.numbers.get(said.lower(), int(said) if said.isdigit() else 1 if not said else 0)
        if before and n:
            year = str(int(before[-1].start[:4]) + n)
            out.append(DateSpan(year, None, m.start(), m.end() - m.start()))
    return sorted(out, key=lambda d: d.offset)


def _goes_on_to(index: Index, hit: Hit, when: TimeScope, own: str, words: Words, every: bool = False,
                counted_on: bool = False) -> bool:
    """Whether a passage goes on to say the question's own words, which it did not say before: a narrative past
    a date in `when` ("… hired Hoiberg in 2015 … On December 3, 2018, the Bulls fired Hoiberg": it answers "how
    long before they fired him?"; not "his next club after Grimsby?" of "… the club … Grimsby … in 1998"), an
    entry after its first line, what came of the event ("… Dialogue in Matsuyama … ★ … was included in the
    Ministerial Declaration": "was anything in the declaration after that meeting?")."""
    if when.order != "earliest" and not (counted_on and when.bounded):
        return False
    wanted = {t for t in specific_terms(index, words.checks_claim.sub(" ", own)) if t not in words.stop}  # not "…, right?"
    if leading_date(hit.text) is not None:  # an entry: what it tells after its first line came of the event
        first = re.search(r"[.!?]\s|\n|★", hit.text)
        later = first.end() if first is not None else len(hit.text)
    else:
        found = _told_dates(hit.text, words)
        dated = next((d for d in found if when.overlaps(d.start, d.end or d.start)), None)
        # none in it: what the passage says after its own date ("After graduating … in 1962 , Ephron worked briefly as
        # an intern in the White House": "after that she was an intern in the White House, right?")
        own = next((d for d in found if hit.date and TimeScope(hit.date, hit.date_end or hit.date).overlaps(
            d.start, d.end or d.start)), None) if dated is None else None
        later = dated.offset if dated is not None else own.offset + own.length if own is not None else len(hit.text)
    told = wanted & set(terms(hit.text[later:])) - set(terms(hit.text[:later]))
    return bool(told) and (not every or told == wanted)  # `every`: each of the question's own words; `counted_on`:
    #                                                      `when` a year the passage counts on to ("The following year")


def _answer_person(hit: Hit | None, q: str, words: Words, avoid: str | None = None) -> str | None:
    """The person the answer to "who …?" names: of the people named in the sentence that answers it
    that the question does not give itself, the one whose title shares most of the question's words
    ("who's the Ghana guy …?": "Ghana Project Manager Akira Kondo"), else the first."""
    if hit is None:
        return None
    start, end = _answering_sentence(hit.text, q, words)
    sentence, asked = hit.text[start:end], q.lower()
    heading = (hit.heading or "").lower()  # "Red Bull ( 2019 )" heads a section: a team, not a person
    named = [n for n, kind in words.names(sentence) if kind == "person" and n.lower() not in asked
             and n.lower() not in heading and not _same_person(n, avoid) and not is_place(n)]
    wanted = {t for t in terms(q) if t not in words.stop}

    def titled(name: str) -> int:  # the question's words among the three before the name ("Ghana Project Manager")
        return len(wanted & set(terms(" ".join(sentence[:sentence.find(name)].split()[-3:]))))
    return max(named, key=titled) if named else None  # the first of equals


_ROLE = re.compile(r"\b(?:[A-Z][a-z]+\s+){0,3}[A-Z][a-z]+\b")
_ROLE_END = tuple(t for t in _TITLES if len(t) > 3)  # "Undersecretary", "Managing Director"


def _answer_role(hit: Hit | None, q: str) -> str | None:
    """The role the answer to "who …?" names when it names no one ("… inviting the Associate Deputy
    Undersecretary of …"): who "he" or "she" is next."""
    if hit is None:
        return None
    asked = q.lower()
    return next((m.group(0) for m in _ROLE.finditer(hit.text)
                 if m.group(0).lower().endswith(_ROLE_END) and m.group(0).lower() not in asked), None)


def _frame(q: str, words: Words, focus: Focus | None) -> str:
    """The words an elliptical next question reuses: this question's own, without its time and its
    reference words; the last frame when nothing is left ("and the year after?")."""
    own = words.ellipsis.sub(" ", without_dates(re.sub(r"[?？。!]", " ", _fold(q))))
    for pattern in (words.person, words.thing, words.more, words.ordinal, *(r.pattern for r in words.relative)):
        own = pattern.sub(" ", own)
    if not [t for t in terms(own) if t not in words.stop] and focus is not None:
        return focus.frame  # "and the year after?" asks the last question again
    return " ".join(own.split())


def _same_person(name: str, other: str | None) -> bool:
    """ "Marino" and "Pasquale Marino" are one person."""
    return bool(other) and bool(set(name.lower().split()) & set(other.lower().split()))


def _pair(r: _Reading, thing: re.Match | None) -> re.Match | None:
    """ "what do those two do at ACE?", "the two of them": the people the answer names, when it names two
    or more and the person in focus among them; the reference word left is another one ("… present there?")."""
    pair = r.words.pair.search(r.q)
    if pair is None or not r.focus.shown:
        return thing
    people = _people_of(r.focus.shown[0], r.words, [*r.focus.subjects, r.focus.topic or ""])
    if len(people) < 2 or not any(_same_person(p, r.focus.person) for p in people):
        return thing  # the person in focus is one of them ("who went?" named them), not a list of game titles
    r.unsaid.append(pair.group(0))
    r.note(pair.group(0), _short(", ".join(people)))
    if thing is not None and pair.start() <= thing.start() < pair.end():
        thing = _reference(r.q[:pair.start()] + " " * len(pair.group(0)) + r.q[pair.end():], r.words)
    if thing is None:  # they are what it asks about; "what did the two of them present there?": there is
        r.context += people
    return thing


def _people_of(hit: Hit, words: Words, avoid: list[str]) -> list[str]:
    """The people a passage names, in their order, those of its answering sentence when it names two
    or more: names after a title ("Managing Director Tomoko Shiroki") and names that read as a
    person's; not the names in `avoid` (the subject in focus: "Humongous Entertainment")."""
    def named(text: str) -> list[str]:
        found = [(m.start(1), m.group(1)) for m in _TITLED.finditer(text)
                 if not any(w.lower() in _TITLES for w in m.group(1).split())]
        for n, kind in words.names(text):  # "Shelley Day and Ron Gilbert" is one run of capitals, two people
            parts = [words.names(p) for p in n.split(" and ")] if kind == "thing" and " and " in n else [[(n, kind)]]
            if all(len(p) == 1 and p[0][1] == "person" for p in parts):
                found += [(text.find(p[0][0]), p[0][0]) for p in parts]
        people: list[str] = []
        for at, name in sorted(found):
            if re.search(r"(?i)\b(?:the|a|an)\s+$", text[max(0, at - 5):max(0, at)]):
                continue  # "the Freddi Fish series": a person's name has no article
            if not any(_same_person(name, p) for p in people) and not any(a and a.lower() in name.lower() or
                                                                          name.lower() in a.lower() for a in avoid):
                people.append(name)
        return people
    start, end = hit.highlight
    sentence = named(hit.text[start:end]) if end > start else []
    return sentence if len(sentence) > 1 else named(hit.text)


def _titled(hits, q: str, avoid: str | None = None) -> str | None:
    """A name after a title ("Managing Director Tomoko Shiroki") in the passages shown, nearest the
    question's words."""
    asked = {t for t in terms(q) if t not in _stop_terms("en")}
    best, best_score = None, -1.0
    for rank, hit in enumerate(hits):
        text = f"{hit.heading or ''} {hit.text}"
        for m in _TITLED.finditer(text):
            name = m.group(1)
            if any(w.lower() in _TITLES for w in name.split()) or _same_person(name, avoid):
                continue
            near = " ".join(text[:m.start()].split()[-2:]) + " " + text[m.start():m.start(1)]  # "… Ghana Project Manager"
            score = len(asked & set(terms(near))) - rank - m.start() / 10_000
            if score > best_score:
                best, best_score = name, score
    return best


def _named_title(hit: Hit) -> str | None:
    """The title of a passage's document when it reads as a name ("Graham Potter", "Mission San Miguel
    Arcángel", "GER Classes S46 , D56 and H88"): what an article's sections are about."""
    title = hit.chunk.title or ""
    words = _bare(title).split()  # "Pelican ( Fabergé egg )": a name told apart
    if not 0 < len(words) <= 8 or not (words[0][:1].isupper() or words[0][:1].isdigit() and words[0] != words[0].lower()):
        return None  # "2AM" is a name, "1995" none
    return title if all(w[:1].isupper() or w[:1].isdigit() or not w[:1].isalpha() or w in ("of", "and", "the", "de", "du")
                        for w in words) else None


def _bare(title: str | None) -> str | None:
    """A title without the words in brackets that tell it apart ("2AM ( band )": "2AM")."""
    return re.sub(r"\s*\(.*?\)\s*$", "", title) if title else title


def _title_person(hits) -> str | None:
    """The title of the answer's document when it reads as a person's name ("Sabine Hossenfelder")."""
    title = (hits[0].chunk.title or "") if hits else ""
    title = re.sub(r"\b([A-Z]) \.", r"\1.", title)  # "William D . Leahy", as some corpora write it
    word = r"[A-ZÀ-ÖØ-Þ\u0100-\u017e][a-zß-öø-ÿ\u0101-\u017f]+"  # "Evandro Brandão"
    return title if re.fullmatch(rf"{word}(?:[ -](?:[A-Z]\.|{word})){{0,2}}[ -]{word}", title) else None


def describe(resolved: Resolved) -> str:
    """The notes for the reply, one line: "she → Tomoko Shiroki · that month → November 2019"."""
    return " · ".join(resolved.notes)


def japanese(text: str) -> bool:
    return bool(JAPANESE.search(text))
