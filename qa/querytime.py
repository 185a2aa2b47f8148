"""Reads the time a question refers to: a period, an open bound, an order, or none.

"in 2019", "in November 2019", "from 2004 to 2005", "between 2018 and 2019", "2004-2005"
-> that period; "before 2017", "until 2018" -> up to it; "after 2020", "since 2019" -> from
it; "the latest", "most recent", "earliest", "the first time" -> an order. Numbers that
are not years ("70 thousand", "SDG 8.7", "C20") are left alone (see `dates`).
"last year", "this month", "next year" -> that period counted from today (times relative to
an earlier answer, "the year after", are read by `conversing`).
A part of a year narrows it: "the spring of 2019" (March–May), "summer 2020", "the first half of
2021", "late 2018", 2019年の秋, 2021年前半 (seasons as in the northern hemisphere; winter is
December to February); a feast its month ("around Christmas 2019": December 2019).
Left out: "recently" as a period, decades as bounds.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

from .dates import TimeScope, era_year, find_dates, lower_bound, upper_bound

_LATEST = re.compile(r"\b(latest|most recent(?:ly)?|recently|recent|newest|lately|last time|last (?:event|activity|thing|item|entry|record)"
                     r"|last \w+ of (?:his|her|their|its) (?:career|life))\b"
                     r"|最新|最近|直近|一番新しい|最後に(?![、,])", re.I)  # 最後に加えたのは: the last time it was done
# "list them oldest first", "in chronological order", 古い順に: the list shown in date order, no period nor one item
_LISTED_ASC = re.compile(r"\b(?:oldest|earliest)\s+(?:one\s+)?first\b|\bin\s+(?:chronological|date)\s+order\b|"
                         r"\bchronologically\b|古い順|時系列", re.I)
_LISTED_DESC = re.compile(r"\b(?:newest|latest|most\s+recent)\s+(?:one\s+)?first\b|\bin\s+reverse\s+(?:chronological\s+)?order\b|"
                          r"新しい順", re.I)


def listing_order(question: str) -> str | None:
    """ "asc" when a question asks for its list in date order ("oldest first"), "desc" for newest first."""
    return "asc" if _LISTED_ASC.search(question) else "desc" if _LISTED_DESC.search(question) else None


# "first ACE activity", "the last of their events": whose, between the order and the kind
_OWNER = r"(?:(?:our|their|its|his|her)\s+|(?-i:[A-Z])[\w.&-]*(?:['’]s)?\s+)?"
_EARLIEST = re.compile(r"\b(earliest|oldest|first time|for the first time|first ever|very first|first .{0,40}\bever"
                       r"|first " + _OWNER + r"(?:event|activity|thing|item|entry)(?!\s+(?:you|that\s+you|on\s+(?:the|that|your)\s+list|listed|mentioned|shown)\b))\b"
                       r"|\bwhen did\b.{0,60}\bfirst\b|初めて|最初|一番古い"
                       # "Alliance 8.7 events attended by ACE. First one: place and date": the earliest of them
                       r"|\b(?:events|meetings|activities|conferences|forums|dialogues|gatherings|sessions|seminars|summits"
                       r"|visits|trips|statements|comments|submissions)\b[^?]{0,80}?\bfirst\s+one\b"
                       # "first Alliance 8.7 event they attended": the earliest of those they attended
                       r"|\bfirst\s+(?:[\w.'’-]+\s+){1,4}?(?:that\s+|which\s+)?(?:they|we|ace|she|he)\s+(?:ever\s+)?"
                       r"(?:\w+ed|went|took|held|made|did|met|gave|ran|joined|won)\b", re.I)
# "of all the 2021 ones, which was last?": an order within the period the question names (without one,
# "which came first" compares the things just shown)
# with a time named: "which came last?", "Last dated item in 2021?", "the final one of 2019", "last 2021 entry?"
_OF_KIND = r"\s+" + _OWNER + r"(?:(?:1\d{3}|20\d{2})\s+)?(?:dated\s+|recorded\s+|listed\s+)?(?:event|activity|thing|item|entry|record|one|action)\b" \
           r"(?!\s+(?:you|that\s+you|on\s+(?:the|that|your)\s+list|listed|mentioned|shown)\b)"  # "the first one you listed"
_LAST_OF = re.compile(rf"(?i)\b(?:was|came|happened)\s+(?:the\s+)?last(?=\s*(?:[?.!]|$))|\b(?:last|final){_OF_KIND}")
_FIRST_OF = re.compile(rf"(?i)\b(?:was|came|happened)\s+(?:the\s+)?first(?=\s*(?:[?.!]|$))|\bfirst{_OF_KIND}")
# Japanese puts the bound after the date: 2018年以前 (up to it), 2020年以降 (from it), 2017年より前 (before it)
_JA_UNTIL = re.compile(r"^\s*(以前|まで)")
_JA_BEFORE = re.compile(r"^\s*(より前|の前)")
_JA_FROM = re.compile(r"^\s*(以降|以後|から)")
_JA_AFTER = re.compile(r"^\s*(より後|の後)")
# "what were we up to in spring 2018": what was done, not a bound
_UP_TO = r"(?<!were )(?<!was )(?<!been )(?<!\bbe )(?<!get )(?<!got )(?<!are )(?<!\bis )(?<!getting )(?<!you )(?<!we )(?<!they )up to"
_BEFORE = re.compile(rf"\b(before|prior to|until|till|{_UP_TO}|by|earlier than)\s+(?:the\s+)?(?:end\s+of\s+)?$", re.I)
_AFTER = re.compile(r"\b(after|since|(?<!thing )(?<!things )(?<!events )(?<!entries )(?<!news )(?<!photos )(?<!pictures )"
                    r"(?<!highlights )(?<!activities )(?<!throwback )(?<!items )from|following|later than|starting(?: in)?|"
                    r"beginning(?: in)?)\s+(?:the\s+)?$", re.I)  # "anything from autumn 2018": of it, not since it


_PARTS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 14),
          "first half": (1, 6), "second half": (7, 12), "early": (1, 4), "beginning": (1, 3), "start": (1, 3),
          "mid": (5, 8), "middle": (5, 8), "late": (9, 12), "end": (10, 12),
          "春": (3, 5), "夏": (6, 8), "秋": (9, 11), "冬": (12, 14), "前半": (1, 6), "上半期": (1, 6), "後半": (7, 12),
          "下半期": (7, 12), "初め": (1, 3), "はじめ": (1, 3), "年初": (1, 3), "年末": (12, 12), "末": (12, 12), "年度末": (12, 12), "暮れ": (12, 12),
          "first quarter": (1, 3), "second quarter": (4, 6), "third quarter": (7, 9), "fourth quarter": (10, 12),
          "last quarter": (10, 12), "q1": (1, 3), "q2": (4, 6), "q3": (7, 9), "q4": (10, 12), "h1": (1, 6), "h2": (7, 12),
          "第1四半期": (1, 3), "第2四半期": (4, 6), "第3四半期": (7, 9), "第4四半期": (10, 12),
          # days of the year named by their feast: the month they fall in ("around Christmas 2019")
          "christmas": (12, 12), "xmas": (12, 12), "new year": (1, 1), "halloween": (10, 10), "thanksgiving": (11, 11),
          "クリスマス": (12, 12), "正月": (1, 1), "お正月": (1, 1)}
# other words for the same parts: "the final quarter of 2021", "the closing months of 2019", "the latter half"
_SAME_PART = {"1st quarter": "first quarter", "2nd quarter": "second quarter", "3rd quarter": "third quarter",
              "4th quarter": "fourth quarter", "final quarter": "last quarter", "closing quarter": "last quarter",
              "opening quarter": "first quarter", "latter half": "second half", "back half": "second half", "new year's": "new year", "new year’s": "new year",
              "closing months": "late", "final months": "late", "last months": "late", "later months": "late",
              "opening months": "early", "early months": "early", "first months": "early", "earlier months": "early"}
_PART = re.compile(r"\b(?:in\s+)?(?:the\s+)?(spring|summer|autumn|fall|winter|first half|second half|early|beginning|start|"
                   r"mid|middle|late|end|(?:first|second|third|fourth|last|final|closing|opening|1st|2nd|3rd|4th)\s+quarter|"
                   r"(?:latter|back)\s+half|(?:closing|final|last|later|opening|early|first|earlier)\s+months|q[1-4]|h[12]|"
                   r"christmas|xmas|new\s+year(?:['’]s)?|halloween|thanksgiving|(?:first|last)\s+(?:two|three|four|five|six|seven|eight|nine|ten|eleven|1[01]|[2-9])\s+months)(?:\s+of)?[\s-]+(?:the\s+year\s+)?"
                   r"(1\d{3}|20\d{2})\b"
                   r"|\b(1\d{3}|20\d{2})[\s-]+(q[1-4]|h[12])\b"  # "2019 H1", "2020-Q3"
                   r"|(1\d{3}|20\d{2})\s*年\s*(?:の|度の|度)?\s*(春|夏|秋|冬|前半|上半期|後半|下半期|初め|はじめ|年度末|年末|暮れ|末|第[1-4]四半期|クリスマス|お?正月)", re.I)
_FISCAL_PARTS = frozenset({"前半", "上半期", "後半", "下半期", "年末", "末", "年度末", "第1四半期", "第2四半期", "第3四半期", "第4四半期"})
_PART_ALONE = re.compile(r"(?<!\bevery )(?<!\beach )(?<!\bone )(?<!\bsome )\b(spring|summer|autumn|fall|winter|first half|second half)\b"
                         r"|(?<!毎年)(?<!毎年の)(春|夏|秋|冬|前半|上半期|後半|下半期|年末|暮れ)"  # not "every summer", 毎年夏
                         r"|\b(?:at\s+)?(?:the\s+)?(end|beginning|start)\s+of\s+(?:the|that|this)\s+(?:same\s+)?year\b"
                         r"|\b(early|late|mid)[\s-]+(?=(?:in\s+)?(?:that|the\s+same|this)\s+year\b)"  # "late that year"
                         r"|\b(?:that|this|the\s+same)\s+(christmas|xmas|halloween|thanksgiving)\b", re.I)  # "that christmas"


def months_of(part: str) -> tuple[int, int]:
    """The first and last month of a part of a year: "spring" -> (3, 5); winter (12, 14) runs into the next."""
    said = " ".join(part.lower().split())
    counted = _MONTHS_COUNTED.fullmatch(said)  # "the last four months": September to December
    if counted is not None:
        n = int(counted.group(2)) if counted.group(2).isdigit() else _COUNTS.index(counted.group(2)) + 2
        return (1, n) if counted.group(1) == "first" else (13 - n, 12)
    return _PARTS[_SAME_PART.get(said, said)]


_MONTHS_COUNTED = re.compile(r"(first|last) (\w+) months")
_COUNTS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven")


def part_of_year(year: int, part: str) -> TimeScope:
    """The months of a part of a year: (2019, "spring") -> 2019-03..2019-05; winter runs into the next year."""
    first, last = months_of(part)
    end_year, last = (year + 1, last - 12) if last > 12 else (year, last)
    return TimeScope(f"{year:04d}-{first:02d}", f"{end_year:04d}-{last:02d}")


def season_in(question: str) -> str | None:
    """The part of a year a question names without its year ("その年の秋", "that summer"), or None."""
    m = _PART_ALONE.search(question)
    return (m.group(1) or m.group(2) or (m.group(3) or m.group(4) or m.group(5)).lower()) if m else None


def _step(iso: str, delta: int) -> str:
    """The ISO prefix `delta` units away at its own precision: ("2017", -1) -> "2016", ("2019-12", 1) -> "2020-01"."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return f"{parts[0] + delta:04d}"
    if len(parts) == 2:
        months = parts[0] * 12 + parts[1] - 1 + delta
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return (datetime.date(*parts) + datetime.timedelta(days=delta)).isoformat()


_TODAY_RELATIVE = re.compile(r"\b(last|this|past|previous|next|coming|current)\s+(year|month)\b", re.I)
_JA_TODAY = {"去年": (-1, "year"), "昨年": (-1, "year"), "今年": (0, "year"), "本年": (0, "year"), "来年": (1, "year"),
             "先月": (-1, "month"), "今月": (0, "month"), "来月": (1, "month")}


def _today_relative(question: str, today: datetime.date) -> TimeScope | None:
    """ "last year", "this month", "next year": a period counted from today; not in a remark before the question
    ("Next year we may travel to Canada. When was the park listed?": the speaker's year).

    >>> _today_relative("Next year we may go to Canada. When was the park listed?", datetime.date(2026, 12, 7))
    >>> _today_relative("What did we do last year?", datetime.date(2026, 12, 7))
    TimeScope(start='2025', end='2025', order=None, near=None)
    """
    question = _the_question(question) or question
    m = _TODAY_RELATIVE.search(question)
    ja = next((v for k, v in _JA_TODAY.items() if k in question), None)
    if m is None and ja is None:
        return None
    if m is not None:
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(m.group(1).lower(), 0)
        unit = m.group(2).lower()
    else:
        step, unit = ja
    iso = f"{today.year:04d}" if unit == "year" else f"{today.year:04d}-{today.month:02d}"
    iso = _step(iso, step) if step else iso
    return TimeScope(iso, iso)


_TWO_DIGITS = re.compile(r"(?<![\w'’])['’](\d{2})\b|\b(?:in|since|until|till|from)\s(\d{2})(?=\s*(?:[?.,!;:)]|$|\s+(?:and|or|but|"
                         r"besides|when|what|who|where|which|did|was|were|too|again)\b))", re.I)


_ERA_YEAR = re.compile(r"(令和|平成|昭和)\s*(元|\d{1,2})\s*年")


def _japanese_plain(question: str) -> str:
    """Japanese dates as the date reader takes them: era years as western ones (平成30年 -> 2018年), a month
    after the year's の or a comma (2022年の7月, 2020年、5月 -> 2022年7月, 2020年5月), and a range of months with
    から or と (7月から8月にかけて, 5月と6月 -> 7月〜8月, 5月〜6月).

    >>> _japanese_plain("令和4年の7月から8月にかけて何かありましたか")
    '2022年7月〜8月にかけて何かありましたか'
    """
    if not re.search(r"[年月]", question):
        return question
    question = unicodedata.normalize("NFKC", question)
    question = _ERA_YEAR.sub(lambda m: f"{era_year(m.group(1), m.group(2))}年", question)
    question = re.sub(r"(\d{4})\s*年\s*[のに、,]?\s*(?=\d{1,2}\s*月)", r"\1年", question)  # 2020年、5月と6月
    question = re.sub(r"(\d{4})\s*年度(?!の?\s*(?:年度末|末|第|上半期|下半期|前半|後半|春|夏|秋|冬)|\s*(?:まで|以前|以降|から))",
                      lambda m: f"{m.group(1)}年4月〜{int(m.group(1)) + 1}年3月", question)  # a fiscal year: April to March
    return re.sub(r"(\d{1,2})\s*月\s*(?:から|と)\s*(\d{1,2})\s*月(?:\s*まで)?", r"\1月〜\2月", question)


def _four_digits(question: str) -> str:
    """A year written with two digits as four: "in '98", "since 05?" -> 1998, 2005 (30 and up: the 1900s).

    >>> _four_digits("what else did he win in 98 besides promotion")
    'what else did he win in 1998 besides promotion'
    >>> _four_digits("how many in 12 villages? back in '05?")
    'how many in 12 villages? back in 2005?'
    """
    def year(m: re.Match) -> str:
        n = int(m.group(1) or m.group(2))
        full = str(1900 + n if n >= 30 else 2000 + n)
        return full if m.group(1) else m.group(0)[:m.start(2) - m.start()] + full
    return _TWO_DIGITS.sub(year, question)


MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"  # an English month, maybe cut short
# a time the question sets aside: "not 2020", "rather than in March 2019", 2020年ではなく
# "the 2019 one, not 2020", "in 2020 too, like in 2019": a time the question sets its own against
_NOT_THEN = re.compile(rf"(?i)\b(?:not|rather\s+than|instead\s+of|as\s+opposed\s+to|(?:just\s+)?(?:like|as)(?=\s+in\b))\s+(?:in\s+|the\s+)?"
                       rf"(?:{MONTH_WORD}\.?\s+)?(?:\d{{1,2}},?\s+)?(?:1\d{{3}}|20\d{{2}})\b(?!\s*[-–]\s*\d)"
                       r"|(?:1\d{3}|20\d{2})\s*年\s*(?:\d{1,2}\s*月\s*)?(?:では|じゃ)なく")
_LOWER_MONTH = re.compile(rf"\b{MONTH_WORD}\b(?=\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?\d{{4}}\b)")


def _capital_months(question: str) -> str:
    """A month typed in lower case before a year read as one ("in jan 2020"; "may 2019" too, a year after it).

    >>> _capital_months("what did ace submit in jan 2020, and in may 2019? may we ask")
    'what did ace submit in Jan 2020, and in May 2019? may we ask'
    """
    return _LOWER_MONTH.sub(lambda m: m.group(0).capitalize(), question)


_YEAR_THEN_MONTHS = re.compile(rf"\b(1\d{{3}}|20\d{{2}})\s*[,:;]?\s*(?:from\s+|between\s+)?({MONTH_WORD})\.?\s*"
                               rf"(to|through|thru|until|till|and|-|–)\s*({MONTH_WORD})\b(?!\.?\s*\d)", re.I)


def _months_after_year(question: str) -> str:
    """A range of months after the year it is of, as the date reader takes it.

    >>> _months_after_year("anything in the first part of 2017, jan to august?")
    'anything in the first part of Jan to August 2017?'
    """
    return _YEAR_THEN_MONTHS.sub(lambda m: f"{m.group(2).capitalize()} {'to' if m.group(3) in '-–' else m.group(3)} "
                                           f"{m.group(4).capitalize()} {m.group(1)}", question)


_MONTH_RANGE = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)"
                          r"(\s*(?:to|through|thru|until|till|and|-|–)\s*(?:the\s+end\s+of\s+)?)"
                          r"(?=(?:January|February|March|April|May|June|July|August|September|October|November|December)"
                          r"\s+(1\d{3}|20\d{2})\b)")


def _year_of_range(question: str) -> str:
    """A month that opens a range takes the year of the month that closes it: "September to December 2021"
    -> "September 2021 to December 2021" ("between March and May 2019" too).

    >>> _year_of_range("anything between September and December 2021?")
    'anything between September 2021 and December 2021?'
    """
    return _MONTH_RANGE.sub(lambda m: f"{m.group(1)} {m.group(3)}{m.group(2)}", question)


def _part_scope(question: str, part: re.Match, order: str | None) -> TimeScope:
    """The months of the part of a year `part` matched ("the summer of 2021", "H2 2016"), bounded as the words
    before it say: "after the summer of 2021" from September, "since the summer" from June, "before spring
    2020" to February, "until the end of 2019" to December."""
    name, year = next((n, y) for n, y in ((part.group(1), part.group(2)), (part.group(6), part.group(5)),
                                           (part.group(4), part.group(3))) if n)
    scope = part_of_year(int(year), name)
    if "年度" in part.group(0) and name in _FISCAL_PARTS:  # 2016年度の第3四半期: a fiscal year runs from April
        scope = TimeScope(_step(scope.start, 3), _step(scope.end, 3))
    lead = question[:part.start()]
    after, before = _AFTER.search(lead), _BEFORE.search(lead)
    if after is not None:
        word = after.group(1).lower()
        return TimeScope(scope.start if word in ("since", "from") or word.startswith(("starting", "beginning"))
                         else _step(scope.end, 1), None, order)
    if before is not None:
        word = before.group(1).lower()
        return TimeScope(None, scope.end if word in ("until", "till", "up to", "by") else _step(scope.start, -1), order)
    return TimeScope(scope.start, scope.end, order)


def _bounded(question: str, spans: list) -> tuple[str | None, str | None]:
    """The period several dates name together: from the earliest to the latest, within the bounds that
    "before"/"after" put on some of them ("before 2016, say in 2014 or 2015": 2014-2015; "in the 2010s before
    2016": 2010-2015)."""
    starts, ends, lows, highs, prev = [], [], [], [], 0
    for span in spans:
        lead, prev = question[prev:span.offset], span.offset + span.length
        before, after = _BEFORE.search(lead), _AFTER.search(lead)
        if before is not None:
            word = before.group(1).lower()
            highs.append(span.end or span.start if word in ("until", "till", "up to", "by") else _step(span.start, -1))
        elif after is not None and span.end is None and after.group(1).lower() != "from":  # "from May to June": a range
            word = after.group(1).lower()
            lows.append(span.start if word in ("since", "from") or word.startswith(("starting", "beginning"))
                        else _step(span.start, 1))
        else:
            starts.append(span.start)
            ends.append(span.end or span.start)
    start = max(lows + ([min(starts, key=lower_bound)] if starts else []), key=lower_bound, default=None)
    end = min(highs + ([max(ends, key=upper_bound)] if ends else []), key=upper_bound, default=None)
    if start is not None and end is not None and upper_bound(end) < lower_bound(start):
        return min(starts + lows, key=lower_bound), max(ends + highs, key=upper_bound)  # bounds that contradict
    return start, end


_PARTS_SPLIT = re.compile(r"(?<=[.!?])(?<!\b[A-Za-z]\.)\s+(?=[A-Za-z])|(?<!\d)\s[-–—]\s+|\s[-–—]\s+(?!\d)")  # not "2018 - 2019"
_ASKS = re.compile(r"\?|^\W*(?:who|what|when|where|which|how|did|do|does|was|were|is|are|has|have|had|can|could)\b", re.I)


def _asking_part(question: str) -> str:
    """The part of a question of several that asks, when it names a time of its own: "We ran SDG 8.7
    Dialogues in 2019 - did we organise any in 2020?" asks of 2020 alone.

    >>> _asking_part("We ran the dialogues in 2019 - did we run any in 2020?")
    'did we run any in 2020?'
    >>> _asking_part("What did we present in 2021? I only find 2019 and 2020.")
    'What did we present in 2021?'
    """
    asking = _the_question(question)
    return asking if asking is not None and find_dates(asking) else question


def _the_question(question: str) -> str | None:
    """The one part of several that asks, among remarks before or after it; None for a question of one part, or
    for two questions ("… in 2019? And in 2020?")."""
    parts = [p for p in _PARTS_SPLIT.split(question) if p.strip()]
    asking = [p for p in parts if _ASKS.search(p)]
    return asking[0] if len(parts) > 1 and len(asking) == 1 else None


def question_time(question: str, today: datetime.date | None = None) -> TimeScope | None:
    """The time `question` asks about, or None; "last year", "this month" are counted from `today`.

    >>> question_time("What did ACE do in November 2019?")
    TimeScope(start='2019-11', end='2019-11', order=None, near=None)
    >>> question_time("What happened before 2017?")
    TimeScope(start=None, end='2016', order=None, near=None)
    >>> question_time("What did we do last year?", datetime.date(2026, 11, 27))
    TimeScope(start='2025', end='2025', order=None, near=None)
    """
    question = _year_of_range(_capital_months(_months_after_year(_four_digits(_japanese_plain(question)))))
    question = _NOT_THEN.sub(" ", question)  # "the 2019 one, not 2020": 2019
    question = _asking_part(question)
    order = None if listing_order(question) else "latest" if _LATEST.search(question) else \
        "earliest" if _EARLIEST.search(question) else None
    part = _PART.search(question)
    if part is not None:
        return _part_scope(question, part, order)
    spans = find_dates(question)
    if spans and order is None and not listing_order(question):
        order = "latest" if _LAST_OF.search(question) else "earliest" if _FIRST_OF.search(question) else None
    if not spans:
        relative = _today_relative(question, today or datetime.date.today())
        if relative is not None:
            return TimeScope(relative.start, relative.end, order)
    start = end = None
    if spans:
        first, last = spans[0], spans[-1]
        lead = question[:first.offset]
        span_end = last.end or last.start
        tail = question[last.offset + last.length:]
        if len(spans) == 1 and (_JA_UNTIL.match(tail) or _JA_BEFORE.match(tail)):
            end = span_end if _JA_UNTIL.match(tail) else _step(first.start, -1)
        elif len(spans) == 1 and first.end is None and (_JA_FROM.match(tail) or _JA_AFTER.match(tail)):
            start = first.start if _JA_FROM.match(tail) else _step(first.start, 1)
        elif _BEFORE.search(lead) and len(spans) == 1:
            word = _BEFORE.search(lead).group(1).lower()
            end = span_end if word in ("until", "till", "up to", "by") else _step(first.start, -1)
        elif _AFTER.search(lead) and len(spans) == 1 and first.end is None:
            word = _AFTER.search(lead).group(1).lower()
            start = first.start if word in ("since", "from") or word.startswith(("starting", "beginning")) \
                else _step(first.start, 1)
        elif len(spans) > 1:
            start, end = _bounded(question, spans)
        else:
            start, end = first.start, span_end
    if start is None and end is None and order is None:
        return None
    return TimeScope(start, end, order)
