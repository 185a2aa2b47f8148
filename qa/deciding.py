"""Whether anything in the documents answers a question: the reply may say "nothing" honestly.

Three measurements of the best candidates decide it, combined by a logistic model whose weights
were fitted on the dev halves of `eval/honest-*.jsonl` and `eval/queries.jsonl` by
`bench/decline.py` (and checked on the test half):
- closeness: the best cosine of a passage to the question (meaning);
- known: the share of the question's words, each weighed by its rarity (IDF), that the corpus
  uses at all ("treasurer" in a corpus that never says it);
- covered: the same share among the words of the best few passages;
- typed: whether the best passages hold the kind of thing the question asks for: a number for
  "how many", a person's name for "who", a date for "when" (the words are in the language's table).
A question in Japanese is matched by keywords only (the model reads English), so closeness is
left out of its score and the other three carry it, by weights set by hand: "typed" outweighs the
rest, so that keywords alone never answer 何人, 誰 or どこ when the passage gives no count, name or
place (dev: 20 of 60 unanswerable Japanese questions found, then 9; the answerable as before).
Besides the score, a question of how another answered or what came of it ("what did the minister
say", 返事は) is declined when the first passage reports no answer or result (`unreported_response`);
so is one of what someone presented or said at an event when no passage of the first one's section reports
a talk ("Participated in …", `untold_talk`); so is one of who held a post before or after someone when the
passages naming them tell of no succession (`untold_succession`); so is one of since when something has held when
the passages shown tell no beginning (`untold_start`); so is one asking a work's title when the first passage gives none
(`untitled`: "a session … on cross-sector collaboration" is a topic, not a title);
one naming someone or something no passage names ("Keidanren", `unknown_name`; a place, `unknown_place`; a
region no named place lies in, "anywhere in Oceania", `unknown_region`), or asking on its own a property no passage
has a word for ("the population of Matsuyama", `unknown_attribute`), is declined; so is putting it in a
place the documents name when the first passage, telling of it, names another (`placed_elsewhere`: the High Level Political Forum "in Geneva" was in New York); so is
asking whether someone was somewhere, or naming someone in full, when the first passage, telling of it,
does not name them (`absent_person`);
so is asking which ones of a kind ("which chocolate companies took part?") when the first passage says the
kind, or a word close in meaning, and names none ("… and the chocolate and cocoa industry", `names_none`);
and a place, person, length of time or sum asked for that the first passage lacks declines whatever the
score (`must_hold`).
Left out: reading the passage for the answer itself (no reader model offline).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .dates import find_dates, find_day_months, without_dates
from .keywords import terms
from .places import continent, in_latin, is_place, region, regions_in

# Fitted by bench/decline.py on the dev halves; the figures are in docs/benchmarks.md.
WEIGHTS = {"bias": -3.66, "closeness": -0.56, "known": -0.32, "covered": 4.32, "typed": 2.74}
WEIGHTS_JA = {"bias": -6.5, "known": 3.0, "covered": 3.0, "typed": 3.5}
THRESHOLD = 0.5
TITLE_LINE = 24  # characters: a passage shorter than this is a title, not the first passage that may hold it
TYPED_PASSAGES = 1  # the first passages that may hold it (two: dev declined 0.375 against 0.500 for one)


@dataclass(frozen=True)
class Evidence:
    closeness: float  # best cosine (0 when the question is matched by keywords only)
    known: float  # IDF-weighted share of the question's terms the corpus uses
    covered: float  # IDF-weighted share of them in the best few passages
    words: int  # how many terms the question has (0: a question of time alone, "and the month after?")
    typed: float = 1.0  # 1 when the best passages hold what the question asks for (a number, a name, a date)

    def features(self) -> dict[str, float]:
        return {"closeness": self.closeness, "known": self.known, "covered": self.covered, "typed": self.typed}


def probability(evidence: Evidence, keywords_only: bool = False) -> float:
    """How likely the best passages answer the question, by the fitted model."""
    weights = WEIGHTS_JA if keywords_only else WEIGHTS
    z = weights["bias"] + sum(weights.get(name, 0.0) * value for name, value in evidence.features().items())
    return 1 / (1 + math.exp(-z))


def answers(evidence: Evidence, keywords_only: bool = False) -> bool:
    return probability(evidence, keywords_only) >= THRESHOLD


def must_hold(question: str, words) -> bool:
    """Whether what the question asks for is a kind no words of the passage make up for when it lacks it
    (`typed` 0 declines whatever the score): a place for "where", a person for "who", a length of time,
    a sum of money, an age, who paid, the exact words, a head count ("how many people came?"). Not another count
    ("how many dialogues?": the entries answer it) nor a kind's word, which passages write in more ways than the
    checks know ("70 thousand signatures"). On the dev halves this declined 4 more unanswerable questions and no
    answerable one ("Where exactly in Tokyo was the roundtable held?" when the entry says only Tokyo)."""
    if words.asks_payer.search(question) or words.asks_wording.search(question):
        return True
    kind = asked_kind(question, words)
    person = words.asks_person.search(question) or (kind is not None and words.person_kind.fullmatch(kind))
    if kind is not None and not (words.asks_date.search(question) or person or words.asks_money.search(question)):
        return bool(words.place_kind.fullmatch(kind) or words.site_kind.fullmatch(kind))
    if words.asks_place.search(question) or words.asks_money.search(question) or words.asks_duration.search(question) \
            or words.asks_age.search(question):
        return True
    if words.counts_heads.search(question):  # "how many people turned up?": a count of heads, which no list of
        return True                          # entries makes up for ("how many dialogues?" is answered by them)
    return not words.asks_count.search(question) and bool(person)


_COUNT = re.compile(r"(?<![\d.\w])\d(?:[\d,]*\d)?(?:\s+(?:thousand|million|hundred))?\s+(?:of\s+(?:the\s+)?)?(?-i:[a-z]{3,})"
                    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundreds?|thousands?|dozens?)"
                    r"\s+(?:of\s+(?:the\s+)?)?[a-z]{3,}"  # "two of the sessions"
                    r"|[\d一二三四五六七八九十百千万]+\s*(?:つ|人|社|か国|カ国|件|回|筆|名|団体|村)", re.I)
_MONEY = re.compile(r"[$¥€£]\s?\d|\b\d[\d,.]*\s*(?:thousand\s+|million\s+|billion\s+)?(?:yen|dollars?|euros?|pounds?|"
                    r"usd|jpy|eur)\b|\d\s*(?:万|億)?\s*(?:円|ドル|ユーロ)", re.I)
_DURATION = re.compile(r"\b(?:for|over|after|within|nearly|almost|about)\s+(?:\d+|a|one|two|three|four|five|six|seven|eight|"
                       r"nine|ten|several|many|a\s+few)\s+(?:years?|months?|weeks?|days?|decades?)\b"
                       r"|\b(?:since|until|till)\s+(?:\w+\s+){0,3}\d{4}\b|\bfrom\s+(?:\w+\s+)?\d{4}\s+(?:to|until)\b"
                       r"|\d{4}\s*[-–]\s*\d{2,4}|\d+\s*(?:年間|か月間|ヶ月間|日間)|まで", re.I)
_AGE = re.compile(r"(?i)\b\w+[- ]years?[- ]old\b|\baged\s+\d|\bage\s+(?:of\s+)?\d|\d\s*(?:歳|才)")
_INSTITUTION = re.compile(r"(?i)\b(?:forum|conference|summit|network|dialogue|meeting|group|level|rights|human|day|"
                          r"nations?|council|committee|platform|foundation|coalition|alliance|government|ministry|"
                          r"minister|secretary|office|department|building|hotel|hall|centre|center|stadium|university|"
                          r"club|school|fund|bank|board|member|"
                          r"international|national|global|world|policy|project|campaign|action|plan|report)\b")


_FUNDING = re.compile(r"(?i)\b(?:fund|funds|funded|funding|sponsor\w*|paid|pay|financ\w*|grant|grants|donat\w*|subsid\w*)\b")
_QUOTED = re.compile(r"[“\"「]([^”\"」]{20,})[”\"」]")  # a quotation long enough to be words said, not a title


_COUNTED = re.compile(r"(?i)\bhow\s+many\s+((?:(?!(?:of|did|do|does|were|was|are|is|have|has|had|in|at|to|for|from|on|"
                      r"r|the|times?)\b)[a-z][a-z'’-]{2,}\s*){1,2})")


def _counted(question: str, words) -> list[str]:
    """The words of what "how many …" counts ("how many member groups" -> ["member", "groups"]); none when
    it names nothing ("how many attended?") or the language's table has no such pattern."""
    m = _COUNTED.search(question) if words.code == "en" else None
    return [w for w in m.group(1).split() if not w.lower().endswith("ed")] if m else []  # not "attended"


def holds_count(text: str) -> bool:
    """Whether a text gives a count ("12 countries", "two of the sessions", 600人), its dates aside."""
    return bool(_COUNT.search(without_dates(text)))


def typed(question: str, passages: list, words, similar=None, lowercase=None, frequency=None) -> float:
    """1.0 when the first passage (a chunk) holds what the question asks for, or it asks for no kind; else 0.0:
    funding for "who paid for it?", a quotation for "the exact wording"; a sum of money for "what budget" (¥, dollars, 円); a length of time for "how long" ("for three years",
    "since 2004", "2017–2019"); an age for "how old" ("a fifteen-year-old"); a count ("17 members", 600人) for "how many", in a passage that speaks of what
    it counts ("how many visits": not "70 thousand signatures"); for "who", a person's name ("whose": or a thing's)
    the question does not give itself; for "when", a date; for "which city", a place it does not give; for
    "which hotel", the word or one `similar(word, words)` finds as close in meaning ("movie": "film"); for "what
    position does ACE hold …", a role ("- ACE as Steering Committee Member-") or an office's title.
    `lowercase()`: the words the documents write in lower case (a name has a word they never do); `frequency(term)`:
    how many passages use a term (a kind named by a name, "which university", is one they say somewhere)."""
    kind = asked_kind(question, words)
    person = words.asks_person.search(question) or (kind is not None and words.person_kind.fullmatch(kind))
    asked = asked_sentences(question)  # "where was it held? a friend reckons Matsuyama": the guess is no place it gives
    if words.asks_payer.search(question):  # "who paid for the venue?", "which company sponsored it?"
        def holds(chunk) -> bool:
            return bool(_FUNDING.search(chunk.text))
    elif words.asks_wording.search(question):  # "the exact wording of the pledge", "can you quote what ACE said"
        def holds(chunk) -> bool:
            return bool(_QUOTED.search(chunk.text))
    elif words.asks_money.search(question):  # "what grant amount …?", "what budget …?": a sum, whatever the kind's word
        def holds(chunk) -> bool:
            return bool(_MONEY.search(chunk.text))
    elif kind is not None and not (words.asks_date.search(question) or person):
        place = bool(words.place_kind.fullmatch(kind))
        office = bool(words.office_kind.fullmatch(kind))

        gathering = bool(words.gathering.fullmatch(kind))
        # "which university did she graduate from?" in documents that never say "university": no name is one (its
        # names say the word: "… University"), though "which broadcaster" is answered by "NHK"
        named = bool(words.named_kind.fullmatch(kind)) and not (words.titled_kind.fullmatch(kind) and frequency is not None
                                                                and not any(frequency(t) for t in terms(kind)))

        # "which chocolate companies …?": their names; "what kind of organisations are they?": a description
        sort = words.asks_kind.search(question)
        many = kind.lower().endswith("s") and len(kind) > 4 and not (sort and sort.groupdict().get("sort"))

        def holds(chunk) -> bool:  # "which meeting …?": a conference is one; "which body …?": a name is one
            if many and not _names_any(chunk.text, kind, similar):
                return False
            if office:
                return bool(_TITLE.search(chunk.text) or _ROLE.search(chunk.text))
            return _names_place(chunk, asked) if place else _mentions(chunk, kind, similar) \
                or gathering and bool(words.gathering.search(chunk.text)) or named and _names_thing(chunk, question)
    elif words.asks_place.search(question):  # "where was it held?", "which venue …?": a place it does not give
        def holds(chunk) -> bool:
            return _names_place(chunk, asked)
    elif words.asks_age.search(question):  # "how old was the child?": "a fifteen-year-old", "aged 15", 15歳
        at_event = bool(words.age_at.search(question))  # "how old was he when he made rear admiral?": its date

        def holds(chunk) -> bool:  # and the birth date the documents give
            return bool(_AGE.search(chunk.text)) or at_event and bool(chunk.date)
    elif words.asks_duration.search(question):
        def holds(chunk) -> bool:  # "for three years", or a span of dates ("December 3-5, 2018": three days)
            return bool(_DURATION.search(chunk.text)) or bool(chunk.date_end and chunk.date_end != chunk.date)
    elif words.asks_count.search(question) or words.counts_heads.search(question):  # "the attendance figure"
        counted = _counted(question, words)  # "how many visits …?": a count, in a passage that speaks of visits
        # "how many members does the Child Labor Coalition have?": of it, not the 17 of another network
        owners = [{t for t in o if frequency is None or frequency(t)} for o in _owners(words.unaddressed(question), lowercase)]

        def holds(chunk) -> bool:
            return bool(_COUNT.search(without_dates(chunk.text))) and (
                not counted or any(_mentions(chunk, w, similar) for w in counted)) and (
                not owners or all(o <= set(terms(f"{chunk.heading or ''} {chunk.text}")) for o in owners))
    elif person:
        # "whose campaign?": the Kailash Satyarthi Children's Foundation; "who came to the dialogues?": 12 countries
        owner = bool(words.asks_owner.search(question) or words.asks_anyone.search(question))

        # "which Ghanaian minister …?": a person the passage gives that title ("Prime Minister Shinzo Abe"), not
        # "Ghana Project Manager Akira Kondo"
        title = set(terms(kind)) if kind is not None and _TITLE.fullmatch(kind) else set()

        def holds(chunk) -> bool:
            if title and not title <= set(terms(f"{chunk.heading or ''} {chunk.text}")):
                return False
            return _names_person(chunk, question, words, lowercase) or owner and _names_thing(chunk, question)
    elif words.asks_date.search(question):
        day = bool(words.asks_day.search(question))  # "on what date": a year is not an answer

        def holds(chunk) -> bool:
            dates = [chunk.date] if chunk.date else [s.start for s in find_dates(chunk.text)]
            # "around which day each year …?": "the World Day against Child Labour (June 12)" names one
            return any(d and (len(d) >= 7 or not day) for d in dates) or day and bool(find_day_months(chunk.text, 2000))
    else:
        return 1.0
    said = [c for c in passages if len(c.text) >= TITLE_LINE] or passages  # a title line ("インドでの支援事業") says no more
    return float(any(holds(c) for c in said[:TYPED_PASSAGES]))


def _owners(question: str, lowercase=None) -> list[set[str]]:
    """The terms of each name of several capitalised words a question gives ("the Child Labor Coalition"): not one
    holding an acronym (the corpus's own, or one spelt out after it: "METI Ministry"), nor a sentence's first word
    the documents write in lower case ("Those SDG"). (A word no passage uses, a slip like "Netowrk", is left out
    by the caller.)"""
    owners = []
    for m in _CAPITALISED_RUN.finditer(question):
        run = m.group(0).split()
        if any(w.isupper() and len(w) > 1 for w in run):
            continue
        if lowercase is not None and re.search(r"(?:^|[.!?:;]\s+)\W*$", question[:m.start()]) and run[0].lower() in lowercase():
            run = run[1:]
        if len(run) > 1:
            owners.append(set(terms(" ".join(run))))
    return owners


_TITLE = re.compile(r"(?i)\b(?:director|president|manager|minister|secretary|undersecretary|deputy|associate|chair"
                    r"(?:man|woman|person)?|officer|head|ambassador|representative|governor|mayor|senator|"
                    r"professor|laureate)\b")  # "Associate Deputy Undersecretary" is no one's name
_ROLE = re.compile(r"\bas\s+(?:an?\s+|the\s+)?(?:[A-Z][\w-]*|(?:co-?)?(?:member|partner|secretariat|host|organi[sz]er|"
                   r"observer|sponsor|founder|coordinator|trustee)\b)|\b(?:board|committee|founding|executive)\s+members?\b",
                   re.I)  # "- ACE as Steering Committee Member-"
# a run ends with its sentence ("… Kailash Satyarthi. Summary Report"), not at an initial ("U.S. Department")
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.-]*(?:(?<![a-z]{3}\.)\s+[A-Z][\w'’.-]*)*")
_PLACE = re.compile(r"\b(?:in|at)\s+((?:the\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)*)")
_PLACE_JA = re.compile(r"([\u30a0-\u30ff\u4e00-\u9fff]{2,})(?:で|にて)(?![はもすきしょあ])")  # 新宿駅前で街頭キャンペーン
KIND_WORDS = 32  # the passage's words compared, at most (stop words and words under four letters left out)
SIMILAR = 0.55  # a word this close in meaning to the kind asked for names it ("film" for "movie": 0.82; "hotel"
#                and the words of a passage that names none: at most 0.39)


def asked_kind(question: str, words) -> str | None:
    """The kind of thing "which hotel …?", "what specific commitments …?" asks for ("hotel",
    "commitment"); None for a property of the focus ("what topic"), a question word or none."""
    m = words.asks_office.search(question)  # "which State Minister …?": whoever held the office
    if m is None or not words.person_kind.fullmatch(m.group("kind").lower()):
        m = words.asks_kind.search(question)
    return None if m is None else _kind(m, words)


def asked_kinds(question: str, words) -> list[str]:
    """Every kind a question of several parts asks for ("which forum …, and in which city was it?": forum,
    city); the first as `asked_kind` reads it."""
    kinds = [asked_kind(question, words), *(_kind(m, words) for m in words.asks_kind.finditer(question))]
    return list(dict.fromkeys(k for k in kinds if k))


def _kind(m: re.Match, words) -> str | None:
    # "which chocolate or confectionery companies …?": companies, the noun both words qualify
    head = m.groupdict().get("head")
    plural = head and head.endswith("s") and not m.group("kind").endswith("s") and head.lower() not in words.stop
    kind = (head if plural else m.group("kind")).lower()
    if kind in words.stop or kind in words.attribute or kind[:-1] in words.attribute or words.question.fullmatch(kind):
        return None
    return kind


# what something is "in" that is no place: a writing ("included in the Ministerial Declaration"), a time ("in
# the International Year for …"); a gathering may be ("in the NGO Forum" tells where ACE was)
_NO_PLACE = re.compile(r"(?i)\b(?:declaration|report|plan|statement|pack|principles|review|letter|agreement|act|law|"
                       r"strategy|pledge|paper|document|guidelines|year|day|week|decade|anniversary)s?$")


def asked_sentences(question: str) -> str:
    """The sentences of a question that ask (end with a question mark), or all of it when none does or all do."""
    parts = re.split(r"(?<=[.?!])\s+|(?<=[？。！])", question.strip())  # not the point of "8.7"
    asking = [p for p in parts if p.endswith(("?", "？"))]
    return " ".join(asking) if asking and len(asking) < len([p for p in parts if p]) else question


def _names_place(chunk, question: str) -> bool:
    """Whether a passage names a place ("in Matsuyama", 渋谷駅前で実施) the question does not give itself; not a
    writing or time something is "in" ("included in the Ministerial Declaration", `_NO_PLACE`)."""
    asked = question.lower()
    return any(m.group(1).lower() not in asked and not _NO_PLACE.search(m.group(1)) for m in _PLACE.finditer(chunk.text)) \
        or any(m.group(1) not in question for m in _PLACE_JA.finditer(chunk.text))


_TITLED_THING = re.compile(r"[“\"]([^”\"]{4,})[”\"]|[A-Z][\w.'’-]*(?:\s+(?:(?:of|on|and|for|the|in)\s+)*[A-Z0-9][\w.'’-]*)+")


_NAMES_FOLLOW = re.compile(r"\W{0,3}(?:(?:such\s+as|including|like|namely|notably|e\.g\.)\s+|:\s*|\(\s*|,\s+)(?:the\s+)?"
                           r"[“\"]?[A-Z\u00C0-\u017F]|(?:[^\w.;]+\w+){0,5}?[^\w.;]+(?:on|about|titled|called|named|entitled)\b")


def _names_any(text: str, kind: str, similar=None) -> bool:
    """Whether a text that says the plural kind asked ("companies") names any of them: the word in a name
    ("the Ministry of …"), followed by names ("countries, including Argentina") or by what they were about
    ("a session at the 2020 conference on …"); not "cacao producers, confectionary companies and
    consumers", which names none. A text that never says the word is read by a word of it close in meaning
    (`similar`: "the chocolate and cocoa industry" for "companies", naming none); with none, it may name
    them in other words ("governments": "Ghana"), and is left to the other checks."""
    said = _kind_said(text, kind, similar)
    return not said or _named_after(text, said)


def _kind_said(text: str, kind: str, similar=None) -> list[re.Match]:
    """Where a text says the kind ("companies", stemmed), else a word of it close in meaning ("industry")."""
    stem = kind.lower()[:max(4, len(kind) - 3)]
    said = list(re.finditer(rf"(?i)\b{re.escape(stem)}\w*", text))
    if not said and similar is not None:
        said = [m for m in re.finditer(r"\b[a-z][a-z-]{3,}\b", text) if similar(kind, [m.group(0)]) >= SIMILAR]
    return said


def _named_after(text: str, said: list[re.Match]) -> bool:
    """Whether any of the words `said` is part of a name or followed by names or what they were about."""
    return any(m.group(0)[:1].isupper() or _NAMES_FOLLOW.match(text, m.end()) for m in said)


def names_none(question: str, passages: list, words, similar=None) -> bool:
    """Whether the question asks which ones of a plural kind ("which chocolate companies took part?") and
    the first passage says the kind, or a word close in meaning, without naming any ("… and the chocolate
    and cocoa industry."): the documents say they were there, not who they were. A passage that never says
    it is left to the other checks."""
    kind = asked_kind(question, words)
    if not passages or kind is None or not (kind.endswith("s") and len(kind) > 4) or words.place_kind.fullmatch(kind) \
            or words.asks_person.search(question) or words.person_kind.fullmatch(kind) or _sort_asked(question, words):
        return False
    said = _kind_said(passages[0].text, kind, similar)
    return bool(said) and not _named_after(passages[0].text, said)


def _sort_asked(question: str, words) -> bool:
    """ "what kind of organisations?": what they are like, which a passage tells without naming any."""
    m = words.asks_kind.search(question)
    return m is not None and bool(m.groupdict().get("sort"))


def _names_thing(chunk, question: str) -> bool:
    """Whether a passage names something, by a quoted title or a name of capitalised words, that the
    question does not give itself ("the Alliance 8.7 Action Group on Supply Chains" for "which body")."""
    asked = set(terms(question))
    return any(set(terms(m.group(0))) - asked for m in _TITLED_THING.finditer(without_dates(chunk.text)))


# "… on the Sustained Eradication of …": a thing's name, not a person's (but "the Associate Deputy Undersecretary")
_THE_BEFORE = re.compile(r"(?i)\bthe\s+$")
_IN_BEFORE = re.compile(r"\b(?:in|at)\s+$")  # "… Forum 2019 in New York": a place, not a person


def _names_person(chunk, question: str, words, lowercase=None) -> bool:
    """Whether a passage names a person the question does not give itself: not two capitalised words
    of an institution's name ("Diet Member" of "Diet Member's Building") nor a place's ("New York") nor two words the documents
    also write in lower case ("Child Labour"), and, for "what was the name
    of …", not a role ("the Associate Deputy Undersecretary" answers "who", not "what name")."""
    asked, named = question.lower(), bool(words.asks_name.search(question))
    runs = [(r.start(), r.end(), r.group(0)) for r in _CAPITALISED_RUN.finditer(chunk.text)]

    def names_one(m: re.Match) -> bool:
        run = next((t for a, b, t in runs if a <= m.start() and m.end() <= b), m.group(0))
        before = run[:max(0, run.find(m.group(0)))]
        if _TITLE.search(before):  # "Prime Minister Shinzo Abe": Shinzo Abe, a title before him
            run = run[len(before):]
        after = words.person_name.match(chunk.text, m.end() + len(re.match(r"\W{0,3}", chunk.text[m.end():]).group(0)))
        if _TITLE.search(m.group(0)) and after is not None and after.group(0).lower() in asked:
            return False  # "Nobel Peace Prize Laureate, Kailash Satyarthi": his title, when he is asked of
        return m.group(0).lower() not in asked and not _INSTITUTION.search(run) and not is_place(m.group(0)) \
            and not _demonym(m.group(0).split()[0]) \
            and not _IN_BEFORE.search(chunk.text, 0, m.start()) \
            and not (_THE_BEFORE.search(chunk.text, 0, m.start()) and not _TITLE.search(m.group(0))) \
            and not (named and _TITLE.search(m.group(0))) \
            and not (lowercase is not None and all(_written_lower(w.lower(), lowercase()) or w.lower() in words.stop
                                                   for w in m.group(0).split()))  # "to End Child Labour"
    if any(names_one(m) for m in words.person_name.finditer(chunk.text)):
        return True
    # "Ghana Project Manager Akira Kondo": the name after a title, however the words pair up
    titled = [run[list(_TITLE.finditer(run))[-1].end():].strip() for _, _, run in runs if _TITLE.search(run)]
    return any(len(rest.split()) >= 2 and rest.lower() not in asked and not _INSTITUTION.search(rest) for rest in titled)


def _written_lower(word: str, lowercase) -> bool:
    """Whether the documents write a word in lower case, in either spelling ("Realize": "realise").

    >>> _written_lower("realize", {"realise"}), _written_lower("shiroki", {"realise"})
    (True, False)
    """
    return word in lowercase or re.sub(r"i([sz])(e[sd]?|ing|ation)$",
                                       lambda m: f"i{'s' if m.group(1) == 'z' else 'z'}{m.group(2)}", word) in lowercase


def _demonym(word: str) -> bool:
    """Whether a word is a place's people's adjective ("African", "Indian", "Italian", "Japanese"): no given name.

    >>> _demonym("African"), _demonym("Italian"), _demonym("Japanese"), _demonym("Nathan"), _demonym("Jordan")
    (True, True, True, False, False)
    """
    m = re.fullmatch(r"([A-Z][a-z]+?)(ian|an|n|ese|ish|i)", word)
    return m is not None and any(is_place(m.group(1) + end) for end in ("", "a", "y", "e"))


def _mentions(chunk, kind: str, similar) -> bool:
    """Whether a passage names the kind: the word itself (stemmed), else a word close in meaning."""
    wanted = terms(kind)
    text = f"{chunk.heading or ''} {chunk.text}"
    if not wanted or set(wanted) & set(terms(text)):
        return True
    if similar is None:
        return False
    candidates = list(dict.fromkeys(w for w in re.findall(r"[A-Za-z][A-Za-z-]{3,}", text) if terms(w)))[:KIND_WORDS]
    return bool(candidates) and similar(kind, candidates) >= SIMILAR


_PLACE_NAMED = re.compile(r"\b(?:in|at|to|from)\s+(?:the\s+)?([A-Z][a-z\u00C0-\u017F'’-]{2,}(?:\s+[A-Z][a-z\u00C0-\u017F'’-]+)*)")


_PEOPLE_S = re.compile(r"^[A-Z][a-z]+(?:an|ese|ish)$")  # American, Japanese, British: one word
_NOUN_AFTER = re.compile(r"\s+(?!(?:last|next|this|that|and|or|in|on|at|to|for|from|with|during|before|after|"
                         r"tomorrow|today|yesterday|when|where|what|who|did|was|were|is|are)\b)[a-z]{3,}")


def unknown_place(question: str, frequency, words, same_script: bool = True) -> bool:
    """Whether the question names a place ("… in Manila?") none of whose words the documents use: nothing
    they record happened there. Not a month however spelt ("in Oct 2019", "in Octber"). In Japanese, a
    place or person (大阪, 岸田) the documents never name; of documents that write no Japanese (`same_script`
    False), a city whose name in Latin letters they never use (福岡: Fukuoka)."""
    if words.code == "ja":  # 大阪駅前で…, 岸田首相に…: a place or person the record never names
        from .keywords import japanese_names
        names = [name for name in japanese_names(question) if re.search(r"[\u3400-\u9fff]", name)]
        if not same_script:
            return any(not any(frequency(t) for t in terms(latin)) for name in names if (latin := in_latin(name)))
        return any(not frequency(t) for name in names
                   for t in terms(name))  # in kanji: a katakana name has spellings (サテャルティ, サティヤルティ)
    return any(not any(frequency(t) for t in found) for _, found in places_named(question, words))


def places_named(question: str, words) -> list[tuple[str, list[str]]]:
    """The places the question names, each with the word before it ("in", "at", "to", "from") and its terms:
    not a month however spelt ("in Oct 2019", "in Octber"), nor a region ("in Europe": the record names its
    cities), nor a people's adjective before its noun ("from the American government")."""
    named = []
    for m in _PLACE_NAMED.finditer(question):
        if _PEOPLE_S.search(m.group(1)) and _NOUN_AFTER.match(question, m.end()):
            continue
        name = _unaccented(m.group(1))
        found = terms(name)
        first = name.split()[0].lower()
        if found and not _a_month(first, words) and not (first in words.holidays and _AFTER_FEAST.match(question, m.end())) \
                and not region(name):
            named.append((m.group(0).split()[0].lower(), found))
    return named


def placed_elsewhere(question: str, passages: list, frequency, words) -> bool:
    """Whether the question puts what it asks of in a place the documents name ("… the High Level Political
    Forum 2019 in Geneva?") and the first passage, which tells of it, names another and not that one (the
    forum was in New York): the documents do not say it happened there. Not a time's words ("in April"), nor
    when the passage names a site ("in the Diet Member's Building"), which may be in the city asked; a place
    is named by a word made from it as well ("the Japanese F3 team" is in Japan)."""
    if not passages or words.asks_record.search(question):
        return False
    # "at the forum" names the thing, "in Geneva" where it was
    asked = [set(found) for before, found in places_named(question, words)
             if before == "in" and all(frequency(t) for t in found)]
    if not asked:
        return False
    chunk = passages[0]
    said = set(terms(_unaccented(f"{chunk.heading or ''} {chunk.text}")))
    places = _places_of(chunk, words)
    sites = [p for p in places if words.site_kind.search(p)]
    if not places or sites and not any(is_place(w) for p in sites for w in p.split()):
        return False  # "in the Diet Member's Building": a site, which may lie in the city asked ("in Tokyo"); not
    #                   "at Hotel New Ohtani Tokyo", which says its city
    return not any(all(_says(said, t) for t in a) for a in asked)


def corrected_place(question: str, passages: list, words) -> str:
    """The question less the places it names when it puts a claim to be confirmed or corrected ("The big 2017
    conference was in Brasilia, right?") and the first passage names where it was, which answers it whatever
    place was claimed; else "" (the places then count, `unknown_place` and `placed_elsewhere`)."""
    if not passages or not words.checks_claim.search(question) or not places_named(question, words):
        return ""
    if all(words.site_kind.search(p) for p in _places_of(passages[0], words)):
        return ""
    return _PLACE_NAMED.sub(lambda m: m.group(0).split()[0], question)


def _places_of(chunk, words) -> list[str]:
    """The places a passage puts something "in" or "at" ("in Geneva", "at the Diet Member's Building"), not months."""
    return [m.group(1) for m in _PLACE.finditer(without_dates(chunk.text))
            if not _a_month(m.group(1).split()[-1].lower(), words)]


def _says(said: set[str], term: str) -> bool:
    """Whether a passage's terms say a place's term, or a word made from it ("Japanese" for "Japan",
    "Italian" for "Italy")."""
    return term in said or len(term) >= 4 and any(s.startswith(term[:max(4, len(term) - 1)]) for s in said)


ASKING_WORDS = 4  # a sentence ending in "?" with this many words asks on its own; "Correct?", "Right?" are tags


def asking_part(question: str, words) -> str:
    """The question from the clause that asks on: what the asker says of themselves before it ("Our CEO spoke
    at Sustainable Brands as well - what topics …", "We're planning a dialogue in Shikoku, so I'm curious:
    which city …", "For our KYC file: is ACE …?") names nothing the documents must hold, nor does what they
    will use the answer for ("… for our beneficial-ownership records."), nor where they say they are ("I'm from
    Peru so im curious")."""
    question = words.purpose.sub("", question)
    question = words.asker.sub(lambda m: m.group(0)[:m.start("at") - m.start()], question)
    clauses = [m.start() for m in re.finditer(r"(?:^|[.!?:;]\s+|\s[-–—]\s+)", question)]
    for at in clauses:
        end = next((c for c in clauses if c > at), len(question))
        clause = question[at:end + 1]  # with the mark that ends it ("Did ACE go to Seoul? What …?" asks from "Did")
        # a clause asking whether counts as one with a question word: not "The release lists UNICEF Japan as a
        # member. Correct?"
        if words.question.search(clause) or words.yes_no.search(clause.lstrip(".!?:;-–— ")):
            return question[at:]
    # none asks in words: the sentence that ends in "?" does ("My workers from Brazil, they have kids. ACE talk
    # about children of foreign workers?"), when it says more than a tag ("… as a member. Correct?": the claim)
    asked = [at for at in clauses if (m := re.match(r"[^.!?:;]*[?？]", question[at:].lstrip(".!?:;-–— ")))
             and len(m.group(0).split()) >= ASKING_WORDS]
    return question[asked[0]:] if asked else question


def unknown_region(question: str, places) -> bool:
    """Whether the question names a region ("anywhere in Oceania?") in which the documents name no place
    (`places()`: the names they write after "in", "at", "from" or "to")."""
    asked = regions_in(question)
    return bool(asked) and not {code for _, code in asked} & {continent(p) for p in places()}


def unknown_attribute(question: str, frequency, words) -> bool:
    """Whether the question asks a property of something by a word the documents never use ("what is the population
    of Matsuyama?", "the capital of Ghana"): not one a passage tells without its word (the table's attributes: "the
    theme of …", "the venue of …"; a kind it names: "the position of …") nor one that names nothing ("the name of …")."""
    m = words.attribute_asked.search(question)
    if m is None:
        return False
    word = m.group("a").lower()
    found = terms(word)
    kinds = (words.office_kind, words.place_kind, words.person_kind, words.named_kind, words.gathering, words.site_kind)
    return bool(found) and word not in words.attribute | words.stop and not any(k.fullmatch(word) for k in kinds) \
        and not any(frequency(t) for t in found)


def unknown_name(question: str, frequency, words, spelled=dict, slip=lambda word: False) -> bool:
    """Whether the question names someone or something ("did we brief Keidanren?", "UNICEF Japan") none of
    whose words the documents use: not a month however spelt ("Octber") nor a feast ("Christmas"), a people's
    adjective or its plural ("Indian", "were the Americans there?"), an acronym they spell out (`spelled()`: initials -> name), a name spelt out whose
    initials they use ("the United Nations forum" when they write "UN Forum"), a region ("Europe"), nor a slip
    of one of their words (`slip(word)`: "Netowrk")."""
    for m in words.proper.finditer(question):
        word = m.group(1)
        found = terms(word)
        if not found or any(frequency(t) for t in found):
            continue  # a word the documents use
        name = _unaccented(word).lower()
        if not (_PEOPLE_S.search(word.removesuffix("s")) or _a_month(name, words) or _a_feast(question, m, words)
                or (word.isupper() and word in spelled()) or slip(name)
                or m.start(1) in _initialled(question, frequency) or region(word)
                or any(word in phrase.split() for phrase, _ in regions_in(question))):  # "South America"
            return True
    return False


_SPELT_OUT = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:(?:of|for|and|on|the)\s+)*[A-Z][a-z]+)+")


def _initialled(question: str, frequency) -> set[int]:
    """Where the words of names spelt out whose initials the documents use begin ("United Nations": "UN", also
    in "the United Nations Forum on Business and Human Rights")."""
    starts = set()
    for m in _SPELT_OUT.finditer(question):
        capitals = [w for w in re.finditer(r"\S+", m.group(0)) if w.group(0)[0].isupper()]
        initials = "".join(w.group(0)[0] for w in capitals).lower()
        for i in range(len(capitals)):
            for j in range(i + 2, len(capitals) + 1):
                if frequency(initials[i:j]):
                    starts |= {m.start() + w.start() for w in capitals[i:j]}
    return starts


_AFTER_FEAST = re.compile(r"(?:['’]s)?\s*(?:$|[^\w\s]|(?:1\d{3}|20\d{2}|that|this|of|in|and|or|the|we|ace|they|"
                          r"was|were|did|had)\b)", re.I)


def _a_feast(question: str, m: re.Match, words) -> bool:
    """Whether a name is a feast said as a time ("around Christmas 2019", "before Halloween?"); not one
    naming a thing ("a Christmas gala")."""
    return _unaccented(m.group(1)).lower() in words.holidays and _AFTER_FEAST.match(question, m.end()) is not None


def _unaccented(text: str) -> str:
    """The text without its accents ("Côte" -> "Cote")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _a_month(word: str, words) -> bool:
    """Whether a lower-case word is a month however spelt ("oct", "decmber"); not a short word a few edits
    from an abbreviation ("bank" is two from "jan")."""
    from rapidfuzz.distance import DamerauLevenshtein

    return any(word.startswith(month[:3]) or len(month) >= 4
               and DamerauLevenshtein.distance(word, month) <= (1 if len(month) <= 5 else 2) for month in words.months)


def unreported_response(question: str, passages: list, words) -> bool:
    """Whether the question asks how another answered or what came of something ("what did the minister
    say?", "were our comments adopted?", 返事は) and the first passage reports no answer or result. What
    we did is recorded; what others said of it seldom is. A second question after ", and" is not the one
    the asker needs answered first ("which study was it, and were our comments adopted?")."""
    m = words.asks_response.search(question)
    if m is None or re.search(r"(?:[;、]|[,;、]\s*(?:and|but))\s*$|\?\s*$", question[:m.start()]) or not passages:
        return False
    return not words.response.search(passages[0].text)


def untold_talk(question: str, passages: list, words) -> bool:
    """Whether the question asks what someone presented or said at an event, or whether they spoke there
    ("what did ACE present at the Abidjan meeting?"), and the first passage, which tells of the event, reports
    no talk ("Participated in …"), nor do the others of its section among `passages`: that they were there is
    recorded, what they said is not."""
    if not passages or words.asks_talk.search(question) is None:
        return False
    first = passages[0]
    return not any(words.talk.search(f"{p.heading or ''} {p.text}") for p in passages
                   if p is first or (p.source, p.heading) == (first.source, first.heading) and p.heading)


def untitled(question: str, passages: list, words) -> bool:
    """Whether the question asks a title ("what was the seminar called?") and the first passage gives none
    (quoted, or capitalised words joined by small ones): "a session on cross-sector collaboration" tells the
    topic, not the title."""
    return bool(passages) and words.asks_title.search(question) is not None \
        and not words.title.search(passages[0].text)


def untold_succession(question: str, passages: list, words) -> bool:
    """Whether the question asks who held a post before or after someone it names ("Who was ACE's president
    before Yuka Iwatsuki?") and the passages shown that name them tell of no succession (no "succeeded",
    "replaced", no span of years a list of holders gives): the documents name the holder, not who came before."""
    m = words.predecessor.search(question)
    if m is None:
        return False
    naming = [p for p in passages if m.group("who").split()[-1] in p.text]
    return bool(naming) and not any(words.succession.search(p.text) for p in naming)


def untold_start(question: str, passages: list, words) -> bool:
    """Whether the question asks since when something has held ("Since what year is Yuka Iwatsuki the president of
    ACE?", "how long has he been …") and none of the passages shown tells a beginning (no "became", "was elected",
    "established in", "since 2004"): a passage dated while it held ("ACE president, Yuka Iwatsuki presented …", April
    2019) does not say since when."""
    return bool(passages) and words.since_when.search(question) is not None \
        and not any(words.started.search(p.text) for p in passages)


def absent_person(question: str, passages: list, words, people) -> bool:
    """Whether the question asks if someone was somewhere, or what they did there ("did tomoko shiroki go to
    the Bangkok forum?", "what did Akira Kondo talk about at Sustainable Brands?", "We say Yuka Iwatsuki
    spoke at the 2019 UN Forum. Correct?"), and the first passage, which tells of the place, does not name
    them (a thing named after them, "… conducted by the Kailash Satyarthi Children's Foundation", does not): the
    documents do not say they were there. So for anyone named in full whom it does not name ("what was
    Yuka Iwatsuki's presentation about at the CLCCG meeting?"); the passage's article's title counts as naming
    them. `people()`: the words of the documents' names, lower-cased."""
    if not passages:
        return False
    said = f"{passages[0].heading or ''} {passages[0].text} {Path(passages[0].source).stem.replace('_', ' ')}".lower()
    m = words.asks_presence.search(question)
    if m is not None:
        named = {w for w in re.findall(r"[\w'’-]+", (m.group("who") or m.group("who2")).lower()) if w in people()}
        there = _NAMED_AFTER.sub(" ", said)  # "… conducted by the Kailash Satyarthi Children's Foundation": not he
        if named and not any(re.search(rf"\b{re.escape(w)}\b", there) for w in named):
            return True
    # "what was Yuka Iwatsuki's presentation about at the CLCCG meeting?": someone named in full whom the passage
    # that tells of it does not name is not known to have been part of it
    for run in _FULL_NAME.finditer(question):
        named = [w.lower() for w in run.group(0).split()]  # "President Yuka Iwatsuki", "Cubist Max Weber"
        if any(w in people() for w in named) and not any(re.search(rf"\b{re.escape(w)}\b", said) for w in named):
            return True
    return False


_NAMED_AFTER = re.compile(r"(?:[\w'’-]+\s+){1,3}(?:children['’]s\s+)?(?:foundation|institute|prize|award|cent(?:er|re)|fund|"
                          r"trust|memorial|university|college|museum|library|society)\b", re.I)  # named after someone
_FULL_NAME = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,3}(?=['’]s\b|(?![\w'’-]))")


LISTED_ALONE = 5  # a list of more things than this is asked of one passage: the first must name as many


def unlisted(question: str, passages: list, words) -> bool:
    """Whether the question asks for a number of things by name ("list all twelve", "the names of the 17
    members") and the first passage names fewer (it counts them: "made up of 17 members"). A list longer
    than LISTED_ALONE is written in one passage; a shorter one may take a passage for each."""
    m = words.asks_list.search(question)
    if m is None or not passages:
        return False
    said = next(g for g in m.groups() if g)
    n = words.number(said)
    if n is None or n <= LISTED_ALONE:
        return False
    asked = question.lower()
    named = {r.group(0) for r in _CAPITALISED_RUN.finditer(passages[0].text) if r.group(0).lower() not in asked}
    return len(named) < n


def evidence(question_terms: list[str], frequency, documents: int, best_cosine: float,
             top_terms: set[str]) -> Evidence:
    """The measurements above; `frequency(term)` is the number of passages that use a term,
    `top_terms` the terms of the best few passages.

    >>> e = evidence(["treasur", "ace"], {"ace": 50, "treasur": 0}.get, 54, 0.3, {"ace", "did"})
    >>> round(e.known, 2), round(e.covered, 2), e.words  # "treasurer", the rarer word, is unknown
    (0.15, 0.15, 2)
    """
    distinct = list(dict.fromkeys(question_terms))
    if not distinct:
        return Evidence(best_cosine, 1.0, 1.0, 0)
    idf = np.array([math.log(1 + documents / (1 + (frequency(t) or 0))) for t in distinct])
    used = np.array([(frequency(t) or 0) > 0 for t in distinct])
    covered = np.array([t in top_terms for t in distinct])
    total = float(idf.sum()) or 1.0
    return Evidence(best_cosine, float(idf[used].sum()) / total, float(idf[covered].sum()) / total, len(distinct))
