"""English: the words a follow-up refers back with (see `qa/languages/__init__.py`)."""

from __future__ import annotations

import re

from . import Relative, Words

_DID = r"\w+ed|made|did|went|held|had|was|were|got|took|gave|met|ran|won|led|sent|began|became"  # a clause's verb
_DOES = r"organi[sz]e|attend|hold|submit|sign|join|present|make|do|go|meet|send|give|host|take"  # its verb as chat types it
_N = r"(?P<n>\d+|a couple(?: of)?|couple(?: of)?|a few|few|several|some|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_U = r"(?P<unit>day|week|month|year|yr|mo|wk)s?\.?"
_HALF, _HALF2 = (rf"(?P<{g}>\s+and\s+a\s+half)?" for g in ("half", "half2"))  # "one and a half years", "a year and a half"
# "Weeks later they …", "and days earlier": units no number counts, opening a clause (not "thirty-odd years later")
_UNCOUNTED = r"(?:^|(?<=[,.;:!?—–-] )|(?<=\band )|(?<=\bjust ))"
_CONNECT = r"(?:of|on|and|for|the|in|de|du|von|van|against|to|from)"
_CAP = r"(?:[A-Z][\w.'’&-]*|\d+(?:\.\d+)?)"
# (not an adjective's ending: "Newcastle-mad", "Tokyo-based" name Newcastle and Tokyo)
_NAME = re.compile(rf"(?<![\w])[A-ZÀ-ÖØ-Þ\u0100-\u017e](?:[\w.'’&]|-(?![a-z]+(?![\w'’-])))*(?:\s+(?:{_CONNECT}\s+)*{_CAP})*")
_QUESTION_START = re.compile(r"^(?:who|whom|whose|what|when|where|which|why|how|whats|whos|wheres|hows|did|do|does|is|was|were|are|can|could|"
                             r"one|our|my|some|many|most|both|each|every|all|"
                             r"tell|and|but|so|also|ok|okay|then|please|any|has|have|had|i|we|the|a|an|in|on|at|"
                             r"show|list|give|find|remind|yes|no|later|earlier|back|after|before|since|during|"
                             r"meanwhile|anyway|now|well|right|sorry|hey|hi|hello|thanks|great|cool|interesting|"
                             r"going|returning|speaking|regarding|about|as|for|with|by|from|to|besides|another|"
                             r"other|that|this|those|these|there|it|they|he|she|his|her|their|its|just|only|"
                             r"actually|still|last|next|following|previous|first|second|third|if|or|thank|thx|lastly|finally|firstly|"
                             r"perfect|awesome|nice|good|understood|noted|sure|fine|wow|excellent|brilliant|would|should|might|shall|"
                             r"will|must|let|let's|kindly|i'd|i'm|i've|quick|question|btw|oh|ah|um|hmm+|alright|\w+ing)$", re.I)
# "since that would reassure them", "since this donor is interested": since as because, no time
_VERB = r"(?:\w+\s+)?(?:would|will|is|was|are|were|could|should|might|may|can|must|has|have|had|do|does|need|needs|matters?)\b"
_CAUSAL = rf"(?!\s+(?:that|this|it|they|we|i|you|he|she|there)\s+{_VERB})"  # after "since"
_CAUSAL_THAT = rf"(?!\s+{_VERB})"  # after "since that"
_CALENDAR = (r"day|week|month|year|season|time|decade|century|january|february|march|april|may|june|july|august|september|"
             r"october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|spring|summer|autumn|fall|winter")
_AT_TIME = re.compile(r"\s+(?:in|on|of|during|since|until)\s+(?:January|February|March|April|May|June|July|August|September|"
                      r"October|November|December)\b.*$")
_MONTH_NAME = re.compile(r"(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,4})*")
_NO_MONTH_AFTER = r"(?!\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)"  # "the month after June": from June
_NOT_ON_PAGE = r"(?![^?]*\b(?:above|below|(?:down|up)\s+the\s+(?:list|page|timeline))\b)"  # "the one just above it": the page
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ish|ese|ian|ean|ic|i)|(?:American|German|Korean|African|European|Mexican|Thai|French|Dutch|Swiss|Greek)")
_NOT_PERSON = re.compile(r"(?i)\b(?:forum|conference|summit|network|dialogues?|meeting|group|level|rights|human|day|"
                         r"nations?|council|committee|platform|foundation|coalition|alliance|government|ministry|"
                         r"office|department|building|university|club|school|fund|bank|international|national|"
                         r"global|world|policy|project|campaign|action|plan|report|brands?|sustainable|business|"
                         r"child|children|labour|labor|development|education|society|civil|association|center|"
                         r"centre|company|team|band|city|states?|republic|prize|award|declaration|review|"
                         r"north|south|east|west|new|united|general|royal|street|square|river|lake|mount|industries|industry|inc|"
                         r"corp|corporation|ltd|llc|holdings|airlines?|airways|orchestra|symphony|opera|army|navy|"
                         r"party|church|hospital|institute|museum|academy|college|press|records|studios?|fc|league|"
                         r"cup|games|olympics?|festival|theatre|theater|hall|park|station|airport|bridge|island|arena|stadium|calcio|sporting|athletic|"
                         r"atletico|olympique|dynamo|rovers|wanderers|albion|rangers|county|racing|borussia|inter|"
                         # states and forces of history, and an article's own sections ("Pagan Kingdom", "Early Life")
                         r"kingdom|empire|dynasty|sultanate|caliphate|emirate|duchy|province|prefecture|territory|colony|"
                         r"war|battle|revolution|era|fleet|regiment|division|corps|squadron|brigade|battalion|forces?|"
                         r"life|career|reign|history|legacy|death|honours|honors|awards|works|publications)\b")
_UP, _LOW = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ\u0101-\u017f"  # Latin letters, accented ones too ("Brandão", "Łukasz")
_W = rf"(?:Ma?c(?=[A-Z])|O'(?=[A-Z]))?[{_UP}\u0100-\u017e][{_LOW}]+(?:[-'][{_UP}]?[{_LOW}]+)?"  # "Shiroki", "McLeish", "O'Brien", "Baek-Sun"
_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z0-9&.-]{1,9})\)")
_PERSON = re.compile(rf"^{_W}(?:\s+[A-Z]\.)?(?:\s+{_W}){{1,2}}$")  # "William D. Leahy"
_PARTICLE = r"(?:de|da|di|du|del|della|von|van|der|den|le|la|bin|ibn)"
_TITLED = r"(?:Sir|Dame|Dr|Mr|Mrs|Ms|Lord|Lady)\.?\s+"
# "Lothar von Trotha", "Sir John Francis Charles de Salis": read only when the short form is not met (names() is on
# the answer's path)
_PERSON_LONG = re.compile(rf"^(?:{_TITLED})?{_W}(?:\s+[A-Z]\.)?(?:(?:\s+{_PARTICLE})?\s+{_W}){{1,2}}$"
                          rf"|^(?:{_TITLED})?{_W}(?:\s+{_W}){{2}}(?:\s+{_PARTICLE})?\s+{_W}$")


# "Deputy Prime Minister", "Vice President": an office alone, no one's name ("President Obama" is his)
_OFFICE = re.compile(r"(?:(?:Deputy|Vice|Prime|Chief|Foreign|Finance|Senior|Junior|Acting|First|Lord|High|Attorney|Secretary|"
                     r"General|Minister|President|Chancellor|Governor|Mayor|Senator|Ambassador|Premier|Chairman|Chairwoman|"
                     r"Director|Commissioner|Speaker|Treasurer|Undersecretary|Officer|Executive|Whip|Leader|Judge|Justice|"
                     r"Bishop|Archbishop|Cardinal|Pope|King|Queen|Prince|Princess|Duke|Duchess|Earl|Baron|Emperor|Empress)"
                     r"(?:\s+(?:of\s+(?:the\s+)?)?|$))+")
_TITLED_ONE = re.compile(rf"^{_TITLED}{_W}$")  # "Mrs. Tanaka", "Dr Ishikawa"
# "General Lothar von Trotha", "Admiral William D. Leahy": a rank or an office before a person's name
_RANKED = re.compile(r"^(?:(?:Admiral|Colonel|Major|Captain|Lieutenant|Commander|Marshal|Field|Brigadier|Sergeant|"
                     r"Commodore|Ensign|Private|Corporal)\s+)+|" + _OFFICE.pattern)


def _a_person(name: str) -> bool:
    """Whether plain capitalised words are a person's name by their shape (two to four words, a particle, a title)."""
    return (_PERSON.match(name) is not None or _TITLED_ONE.match(name) is not None
            or len(name.split()) > 2 and _PERSON_LONG.match(name) is not None)


_DATE_ONLY = re.compile(r"(?i)[\s\d,.–-]*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\d,.–-]*)*"
                        r"(?<=\d)[\s,.–-]*")  # an entry's leading date ("August 24, 2021 ")
_IN_PLACE = re.compile(r"(?i)\bin\s+$")  # "… in São Paulo": what follows is a place
_THE_BEFORE = re.compile(r"(?i)\bthe\s+$")
_APPOSITIVE = re.compile(r"(?i)\s*,\s+(?:(?:the|a|an|former|then|later)\s+)*(?:president|prime\s+minister|minister|director|"
                         r"chair(?:man|woman|person)?|governor|mayor|secretary|senator|premier|chancellor|coach|manager|"
                         r"founder|ceo|captain|commander)\b")
_LEAD_VERB = re.compile(r"^(?:[A-Z][\w-]*(?:ed|de|ne|d)\b|Made|Held|Took|Gave|Ran|Met|Won|Led|Signed|Sent)\s+"
                        r"(?:(?:in|on|at|to|with|for|a|an|the)\s+)?", re.I)


def names(text: str) -> list[tuple[str, str]]:
    """Names a text gives: runs of capitalised words ("UN Forum on Business and Human Rights",
    "SDG 8.7 Dialogues"), a question's first word left out; "person" for two or three plain
    capitalised words ("Tomoko Shiroki"), else "thing".

    >>> names("Did ACE go to the UN Forum on Business and Human Rights?")
    [('ACE', 'thing'), ('UN Forum on Business and Human Rights', 'thing')]
    >>> names("When did Tomoko Shiroki go to Geneva?")
    [('Tomoko Shiroki', 'person'), ('Geneva', 'thing')]
    >>> names("When did Lothar von Trotha arrive? Was Sir John Francis Charles de Salis there?")
    [('Lothar von Trotha', 'person'), ('Sir John Francis Charles de Salis', 'person')]
    >>> names("And Deputy Prime Minister, was that later? Did President Barack Obama come?")
    [('Deputy Prime Minister', 'thing'), ('President Barack Obama', 'person')]
    >>> names("When did General Lothar von Trotha join the Prussian Army? And Major League Baseball?")
    [('General Lothar von Trotha', 'person'), ('Prussian Army', 'thing'), ('Major League Baseball', 'thing')]
    >>> names("My grandson is Newcastle-mad and asks about Olivier Bernard")
    [('Newcastle', 'thing'), ('Olivier Bernard', 'person')]
    >>> names("My friend Mrs. Tanaka asked about TICAD")
    [('Mrs. Tanaka', 'person'), ('TICAD', 'thing')]
    >>> names("Other topic. Cota, president of Piedmont - when did he resign?")
    [('Cota', 'person'), ('Piedmont', 'thing')]
    >>> names("In 2017 Östersund won the Svenska Cupen")
    [('Östersund', 'thing'), ('Svenska Cupen', 'thing')]
    >>> names("When did they move into the Le Coq Arena?")
    [('Le Coq Arena', 'thing')]
    >>> names("August 24, 2021 Contributed to the formulation of the National Action Plan")
    [('National Action Plan', 'thing')]
    """
    out = []
    for m in _NAME.finditer(text):
        parts, words, opening = [], [], set()  # opening: the parts that begin a sentence
        run = m.group(0).split()
        for n, w in enumerate(run):  # "Lee Nogan's Reading side": Lee Nogan, and Reading (not "Diet Member's Building")
            words.append(w)
            owner = re.sub(r"['’]s$", "", " ".join(words))
            if owner != " ".join(words) and n < len(run) - 1 and _a_person(owner) and not _NOT_PERSON.search(
                    " ".join(run)):
                parts.append(words)
                words = []
            elif n < len(run) - 1 and re.search(r"[a-z]{2}[.!?]$", w) and not re.fullmatch(_TITLED, w + " "):
                # "… in Abijan. Could you …": a sentence ends (not at "Mrs. Tanaka")
                parts.append(words)
                words = []
                opening.add(len(parts))
        parts.append(words)
        for k, words in enumerate(parts):
            if k == 0 and len(words) == 1 and _DATE_ONLY.fullmatch(text[:m.start()]) and _LEAD_VERB.match(words[0] + " "):
                continue  # "August 24, 2021 Contributed to …": the entry's verb
            while (k == 0 or k in opening) and words and _QUESTION_START.match(re.sub(r"['’]s$", "", words[0]).rstrip(
                    ",!" if words[1:2] and words[1][:1].isdigit() else ".,!'’")):
                words.pop(0)  # "Cool." and "What's" are no names; "No. 73 Squadron" is
            while words and re.fullmatch(_CONNECT, words[-1]):
                words.pop()
            name = " ".join(words).rstrip(".'’")
            name = re.sub(r"(?:'s|’s)$", "", name)
            name = _AT_TIME.sub("", name)  # "Chief Cabinet Secretary in June 2021": the secretary
            if not name or len(name) < 2 or _DEMONYM.fullmatch(name) or _MONTH_NAME.fullmatch(name) or name.isdigit():
                continue
            # "a student of journalism in São Paulo", "the forum in Buenos Aires": after "in", a place
            placed = k == 0 and _IN_PLACE.search(text, 0, m.start()) is not None
            # "the team won the Svenska Cupen": after "the", a thing's name ("the Carlyle Hotel"), no one's
            placed = placed or k == 0 and _THE_BEFORE.search(text, 0, m.start()) is not None
            rest = _RANKED.sub("", name, count=1)
            # "Cota, president of Piedmont": one word, and the office of a person after it
            titled = k == len(parts) - 1 and " " not in name and _APPOSITIVE.match(text, m.end()) is not None
            if (_a_person(name) and not _NOT_PERSON.search(name) or rest != name and _a_person(rest)
                    and not _NOT_PERSON.search(rest) or titled) and not placed and not _OFFICE.fullmatch(name):
                out.append((name, "person"))
                continue
            acronym = _ACRONYM.match(text, m.end()) if k == len(parts) - 1 else None  # "… (TICAD)": both its names
            out.append((f"{name} ({acronym.group(1)})" if acronym and m.group(0).endswith(words[-1]) else name, "thing"))
    return out


def label(text: str) -> str:
    """A dated entry's event as a short name: the words after its date and leading verb, up to the
    first stop ("Participated in the 2019 UN Forum on Business and Human Rights in Geneva" ->
    "2019 UN Forum on Business and Human Rights in Geneva")."""
    text = _LEAD_VERB.sub("", " ".join(text.split()), count=1)
    text = re.split(r"\s+(?:HERE|Read more)\b|[.;:](?:\s|$)|[★(]|,\s(?![“\"'‘])", text)[0]
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I)
    words = text.split()[:10]
    while words and words[-1].lower() in ("the", "a", "an", "of", "on", "in", "at", "to", "for", "and", "with"):
        words.pop()
    return " ".join(words).strip(" ,“”\"")


# "there", not "is there …?" nor "there was …", which point at nothing
_THERE = (r"(?:(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bbe )(?<!\bbeen )there(?!\s+(?:is|are|was|were|been|be)\b)(?!['’]s)"
          r"|there(?=\s*(?:[?.!,;]|$|\s+(?:too|also|then|before|after|at|in|on|with|during|that|when)\b)))")
_NAME_END = r"\s*(?:[,;:?!—–]|-+\s|$|\s+(?:what|which|who|whom|where|when|did|do|does|was|were|and|is|are)\b" \
    r"|\s+(?:they|we|he|she|i|you)\s+(?=\w))"  # where a name stops ("after the summit they had …": the summit)
_EVENTS = (r"forum|conference|summit|dialogues?|meeting|seminar|symposium|campaign|day|festival|event|session|workshop|"
           r"declaration|report|screening|pledge|comments?|letter|petition")
_WORKS = r"session|seminar|film|movie|documentary|talk|speech|presentation|report|event|panel|campaign|statement|book|" \
    r"article|paper|lecture|workshop|webinar|exhibition|programme|program|song|album|episode"  # things given a title
_GIVE_NAME = r"\bgive\s+(?:me|us)\s+(?:a|the|his|her|their)\s+names?\b"  # "… took the petition - give me a name"
_GATHERINGS = r"forum|conference|summit|dialogue|meeting|seminar|symposium|session|workshop|roundtable|gathering|event"
_ORD = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")

WORDS = Words(
    code="en",
    person=re.compile(r"\b(she|he|her|him|his|hers|herself|himself|(?:that|the|this)\s+(?:gentleman|lady|man|woman)(?:['’]s)?)\b",
                      re.I),
    thing=re.compile(
        r"\b(it|its|they|them|their|theirs|" + _THERE + r")\b"
        r"|\b(?:that(?!\s+(?:we|they|he|she|i|you|ace|gentleman|lady|man|woman)\b)|this(?!\s+(?:gentleman|lady|man|woman)\b)|"
        r"these|those|the same|the said|the aforementioned|"
        # "the resulting declaration": what came of the one in focus
        r"the above-?mentioned|the resulting|the ensuing)\b"  # "the one that we attended": no reference
        r"(?!\s+(?:very\s+)?(?:same\s+)?(?:day|week|month|year|time|season|period|stretch|spring|summer|autumn|fall|winter|january|february|march|april|may|june|july|august|september|october|november|december)s?\b)(?:\s+(?!(?:and|or|but|in|on|at|to|for|with|of|about|from|by|before|after|earlier|later|was|is|were|did|does|has|had|have|will|would|can|could|held|made|took|began|begin|start|end|went|met|led|won|sent|built|set|happen|happened|take|mean|means|\w+ed)\b)[a-z][a-z0-9-]*)?",  # "the same C20"
        re.I),
    pronoun=re.compile(r"(?i)it|its|they|them|their|theirs"),
    agent=re.compile(r"\b(?:did|do|does|have|has|had|were|are|will|would|could|can)\s+(?:they|he|she|it)\b"
                     r"|\b(?:they|he|she)\s+(?:(?!were\b|was\b)[a-z]+(?:ed|t)|did|do|does|went|made|gave|took|held)\b", re.I),
    event=re.compile(rf"(?i)\b(?:{_EVENTS})s?\b"),
    attribute_asked=re.compile(r"(?i)\b(?:what|which)(?:['’]s|\s+(?:is|was|are|were))\s+(?:the|its|their|his|her|"
                               r"[a-z]+['’]s)\s+(?:(?:current|official|exact|total|actual)\s+)?(?P<a>[a-z]+)\s+(?:of|for|in)\b"),
    titled_kind=re.compile(r"(?i)(?:school|universit(?:y|ies)|college|academy|academies|hospital|museum|church|"
                           r"cathedral|temple|shrine|mosque|library|libraries)s?"),
    occasion=re.compile(r"(?i)\s+(?:time|occasion)\b"),
    done=re.compile(r"(?i)\b(?:did|do|does|didn'?t|will|would)\s+(?:we|they|he|she|it|you|i|ace)"
                    r"\s+(?:ever\s+|also\s+|then\s+|next\s+|later\s+)?[a-z]+"),
    born=re.compile(r"(?i)\b(?:born|birth|birthday|n[ée]e)\b"),
    again=re.compile(r"(?i)\bagain\s+(?:later|afterwards)\b|\blater\s+(?:on\s+)?again\b"),
    who_acts=re.compile(r"(?i)\bwho\s+(?!(?:did|does|do|is|was|were|are|'s|’s|has|had|have|will|would|can|could|else)\b)"
                        r"(?:\w+ly\s+)?[a-z]+(?:ed|ave|ent|ook|poke|et|ame|ot|ad|ade)\b"),
    # a capitalised word not opening a sentence nor abbreviated ("Ms."), or an acronym
    proper=re.compile(r"(?<=[\w,;'’\"“”)-]\s)([A-Z][a-z]{2,}(?:[A-Z][a-z]+)*|[A-Z]{3,})\b(?!\.)"),
    both=re.compile(r"(?i)\s*(?:two|both)\b|\b(?:both\s+(?:of\s+)?(?:them|those|these)|them\s+both)\b"),
    # "between the first and second one", "between the Matsuyama dialogue and that seminar"
    between_two=re.compile(r"(?i)\bbetween\s+(?P<a>(?:the|that|this)\s+[^,?;:—–]+?|(?:" + "|".join(_ORD) + r")(?:\s+one)?)"
                           r"\s+and\s+(?P<b>(?:(?:the|that|this)\s+)?[^,?;:—–]+?)(?=\s*(?:[?,;:—–]|$))"),
    definite=re.compile(rf"(?i)\bthe\s+(?:[\w-]+\s+){{0,2}}?(?:{_EVENTS.replace('day|', '')})s?\b"),  # not "the second day"
    more=re.compile(r"\b(?:what|anything|anyone|anybody|who|where|something)\s+else\b|\bany\s*(?:thing)?\s+more\b"
                    r"|(?<!the )\bother\s+(?:things?|events?|activit(?:y|ies)|work)\b|\bbesides\s+(?:that|this|it)\b"
                    r"|\bany\s+other\s+[a-z]+|\banother\s+(?:[a-z'’-]+\s+)?(?:" + _GATHERINGS + r"|trip|visit)\b", re.I),
    # "any other board?", "was there another meeting in Côte d'Ivoire?": not the one shown
    ellipsis=re.compile(r"^\s*(?:and|but|also|so|or|ok(?:ay)?,?|then)\b|^\s*(?:what|how)\s+about\b", re.I),
    relative=(
        # "how long till he filed for divorce?", "how long before they fired him?": what the clause tells came after the answer
        Relative(re.compile(r"\bhow\s+(?:long|soon)\s+(?:was\s+it\s+|did\s+it\s+take\s+|after\s+that\s+)?"
                            r"(?:until|till|til|before)\s+(?:they|he|she|we|it|you|i)\b", re.I), "after"),
        Relative(re.compile(r"\b(?:in\s+)?between\s+(?:those|these|them|the|that\s+and\s+this)(?:\s+(?:two|events|dates))?\b"
                            r"|\bin\s+between\b", re.I), "between"),
        # "while they were there", "during that time": the answer's own days
        Relative(re.compile(r"\bwhile\s+(?:they|we|she|he|you|it|ace)\s+(?:were|was)\s+(?:there|on\s+it|at\s+it)\b"
                            r"|\bduring\s+(?:that|this|it|(?:the\s+)?same)(?:\s+(?:time|period|event|trip|visit|week|stay|days|dates))?\b"
                            r"|\bmeanwhile\b", re.I), "during", unit="day"),
        # "within a few days of it", "around that time": either side of the answer
        Relative(re.compile(rf"\b(?:with)?in\s+{_N}\s+{_U}\s+(?:of|either\s+side\s+of|around)\s+(?:it|that|this|then|them|"
                            r"those|these)\b", re.I), "around"),
        Relative(re.compile(r"\b(?:around|about|at\s+(?:about|around))\s+(?:the\s+same\s+time|that\s+time|then|the\s+time)\b(?!\s+(?:of|as)\b)"
                            r"|\b(?:around|close\s+to)\s+(?:that|this|it)\s*(?=\?|$)", re.I), "around", unit="month"),
        Relative(re.compile(rf"\b{_N}{_HALF}\s+{_U}{_HALF2}\s+(?:or\s+so\s+)?(?:later|after(?:wards?)?(?:\s+that)?|thereafter|on)\b"
                            + "|" + _UNCOUNTED + r"(?P<unit2>day|week|month|year)s\s+(?:later|afterwards?|thereafter)\b", re.I), "later"),
        Relative(re.compile(rf"\b{_N}{_HALF}\s+{_U}{_HALF2}\s+(?:or\s+so\s+)?(?:earlier|before(?:hand)?(?:\s+that)?|prior)\b"
                            + "|" + _UNCOUNTED + r"(?P<unit2>day|week|month|year)s\s+(?:earlier|beforehand)\b", re.I), "earlier"),
        # "the month after that"; not "the month after June", counted from June
        Relative(re.compile(r"\b(?:the\s+)?(?P<unit>day|week|month|year|season)\s+(?:after|later)(?:\s+(?:that|this|it))?\b" + _NO_MONTH_AFTER
                            + r"|\b(?:the\s+)?(?:next|following|subsequent|succeeding|ensuing)\s+"
                            r"(?P<unit2>day|week|month|year|season)\b", re.I),
                 "next"),
        Relative(re.compile(r"\b(?:the\s+)?(?P<unit>day|week|month|year|season)\s+(?:before|earlier|prior)(?:\s+(?:that|this|it))?\b" + _NO_MONTH_AFTER
                            + r"|\b(?:the\s+)?(?:previous|preceding|prior)\s+(?P<unit2>day|week|month|year|season)\b", re.I),
                 "previous"),
        Relative(re.compile(r"\b(?:earlier|before)\s+(?:in\s+)?(?:that(?:\s+same)?|the\s+same|this)\s+(?P<unit>month|year)\b",
                            re.I), "earlier in"),
        Relative(re.compile(r"\b(?:later|after)\s+(?:in\s+)?(?:that(?:\s+same)?|the\s+same|this)\s+(?P<unit>month|year)\b", re.I),
                 "later in"),
        Relative(re.compile(r"\b(?:that(?:\s+same)?|(?:the\s+)?same|this)\s+(?P<unit>day|week|month|year|season)\b"
                            r"|\b(?:the\s+)?same\s+(?P<unit2>date)\b", re.I),
                 "same"),  # "same year as Bangkok": the article dropped; "same date, anything else?"
        # "what else on the 19th?": that day of the answer's month (not "the 3rd", one of a series)
        Relative(re.compile(r"\bon\s+the\s+(?P<d>[1-9]|[12]\d|3[01])"
                            r"(?:st|nd|rd|th)\b(?!\s*(?:of|century|centuries|anniversary|edition|annual|time|one|session|"
                            r"meeting|conference|forum|summit|dialogue|congress|place|floor|birthday)\b)", re.I), "day of month", "month"),
        # "what did they do then?"; a bare "then?" opening the question asks what came next
        Relative(re.compile(r"(?<!since )(?<!until )(?<!after )(?<!before )(?<!till )(?<!^)\b(?:back\s+)?then\s*(?=\?|$)"
                            r"(?<!\band then)(?<!^so then)(?<!^ok then)|\bat\s+(?:that|the)\s+time\b", re.I), "same", "year"),
        Relative(re.compile(r"\b(?:that|the)\s+same\s+(?:stretch|period|time)\b|\bduring\s+that\s+(?:time|period)\b", re.I),
                 "same", "year"),
        # "who succeeded him?", "who had it before her?": the holder after (before) the one in focus, when the
        # answer is an item of a list of holders ("1959–1962 : Rolf Nevanlinna")
        Relative(re.compile(r"\b(?:succeeded|replaced|followed|took\s+over\s+from|came\s+after)\s+(?:him|her|them)\b"
                            r"|\b(?:his|her|their|its)\s+successors?\b", re.I), "successor"),
        Relative(re.compile(r"\b(?:preceded\s+(?:him|her|them)|(?:had|held)\s+it\s+before\s+(?:him|her|them))\b"
                            r"|\b(?:his|her|their|its)\s+predecessors?\b", re.I), "predecessor"),
        # "right after the C20 summit", "before submitting the signatures": from the thing named
        Relative(re.compile(r"(?<!before or )(?<!before and )\b(?:(?:right|immediately|just|shortly|soon|directly|straight)\s+)?"
                            r"(?:after|following|since" + _CAUSAL + r")\b", re.I),
                 "after", named=True),
        Relative(re.compile(r"\b(?:(?:right|immediately|just|shortly|directly)\s+)?(?:before|prior|preceding|ahead\s+of|"
                            r"leading\s+up\s+to|in\s+the\s+run[- ]up\s+to)\b(?!\s+(?:or|and)\s+after\b)", re.I), "before", named=True),
        Relative(re.compile(r"\b(?:before|prior to)\s+(?:that|this|then|it|them|those)\b|\bearlier\b|\bbefore\s*(?=\?|$)|\bbeforehand\b"
                            r"|\bthe\s+(?:one|entry|item)\s+(?:right\s+|just\s+|straight\s+)?before\s*(?=[!.]|$)"
                            # "The preceding entry?", "the previous one"
                            r"|\b(?:previous|preceding|prior)\s+(?!(?:" + _CALENDAR + r"|to|of)s?\b)[a-z]{3,}\b(?![^?]*\b(?:after|before|since)\b)"
                            + _NOT_ON_PAGE, re.I),  # "the one just above it": a place on the page
                 "before"),
        Relative(re.compile(r"\b(?:after|since(?=\s+\w+\b" + _CAUSAL_THAT + r"))\s+(?:that|this|then|it|them|those)\b|\bafterwards\b|\bthereafter\b|\blater\s*(?=\?|$)"
                            r"|\b(?:did|do|does|done|happen(?:ed)?|came|come|went|go)\s+after\s*(?=[?!.]|$)"
                            r"|\bthe\s+(?:one|entry|item)\s+(?:right\s+|just\s+|straight\s+)?after\s*(?=[?!.]|$)"  # "and the one after."
                            r"|\b(?:what|which)\s+(?:came|happened|was)\s+next\b|\bnext\s*(?=\?|$)|^\s*and\s+then\b"
                            # "the next submission?", "next meeting on that?": the next of its kind, whatever the kind
                            r"|\b(?:(?:the\s+)?(?:next|subsequent)|the\s+following)\s+(?!(?:" + _CALENDAR + r"|to|of)s?\b)[a-z]{3,}\b"
                            r"(?![^?]*\b(?:after|before|since|following)\b)"  # "the next forum after those two": from those
                            + _NOT_ON_PAGE
                            + r"|^\W*(?:and\s+|ok(?:ay)?\W+|so\s+)?then\s+what\b|\bwhat\s+then\s*(?=\?|$)"
                            r"|^\W*(?:ok(?:ay)?\W+|so\s+)?then\s*(?=[?!.]|$)"
                            r"|\b(?:his|her|their|its)\s+next\b(?!\s+(?:day|week|month|year|season)s?\b)", re.I), "after"),
    ),
    ordinal=re.compile(r"\bthe\s+(?:very\s+)?(?P<n>" + "|".join(_ORD) + r"|last(?!\s+\w+\s+of\s+(?:his|her|their|its)\s+"
                       r"(?:career|life))|latest|\d+(?:st|nd|rd|th))\b"
                       r"|^\W*(?:(?:and|ok(?:ay)?|so|then|what\s+about|how\s+about)\W+)*(?P<n2>" + "|".join(_ORD)
                       + r"|\d+(?:st|nd|rd|th))(?:\s+one)?\W*$"
                       r"|^\W*(?:(?:and|ok(?:ay)?|so|then)\W+)*(?P<n3>" + "|".join(_ORD) + r"|last|\d+(?:st|nd|rd|th))(?:\s+one\b|\s*[,:–—-](?=\s)"
                       r"|\s+(?=(?:where|when|who|what|which|how)\b))",  # "3rd where"
                       re.I),  # "3rd?", "and the fourth one?", "first one, what was the draft", "third, which city?"
    other_one=re.compile(r"(?i)\bthe\s+other(?:\s+one|\s+(?!(?:ones|things|events|activities|people|work|way|day|week|month|year)\b)[a-z]+(?<!s))?\b"
                         r"(?!\s+(?:ones|things|events|activities|people)\b)"),
    one_of=re.compile(r"(?i)\bthe\s+(?:(?P<x>(?!(?:same|other|last|next|first|second|third|latest|earliest|earlier|later|"
                      r"former|latter|right|wrong|only|very|whole|previous|following|final)\b)(?!(?:new|old)\s+one\b)[a-z][\w'’-]*"
                      r"(?:\s+(?!one\b)[a-z][\w'’-]*){0,3})\s+one\b(?!\s+(?:of|in|on|at|for|after|before)\b)"
                      # "the one on business and human rights", "the one in Geneva"
                      r"|one\s+(?:on|about|with|in|at|for)\s+(?!(?:that|this|those|these|it|them)\b)(?P<x2>[a-z][\w'’-]*"
                      r"(?:\s+(?!(?:was|were|is|did|held)\b)[a-z][\w'’-]*){0,3}))"),
    comparison=re.compile(r"(?i)^\W*(?:(?:and|so|ok|okay|but|wait)\W+)?(?:was|is|were|did)\s+(?P<x>that|it|this|they|the\s+[\w'’.-]+"
                          r"(?:\s+[\w'’.-]+){0,3})\s+(?:one\s+)?(?:(?:held|happen|take\s+place)\s+)?(?:before|after|earlier\s+than|"
                          r"later\s+than|prior\s+to|(?P<same>(?:in\s+|on\s+)?the\s+same\s+(?:year|month|week|day|time)\s+as))\b"),
    clause=re.compile(rf"(?i)(?:\S+\s+){{1,3}}(?:{_DID}|left|bought|sold)\b"),
    which_first=re.compile(r"(?i)\bwhich\s+(?:one\s+)?(?:was|came|happened|took\s+place|is|occurred)\s+(?P<w>first|earlier|"
                           r"sooner|later|last|more\s+recent)\b[\s,:;—–-]*(?P<a>[^?]+?),?\s+or\s+(?P<b>[^?]+?)\s*(?:\?|$)"),
    which_way={"first": "earliest", "earlier": "earliest", "sooner": "earliest", "later": "latest", "last": "latest",
               "more recent": "latest"},
    # not "the more recent period", "the earlier part of that year": a time, not one of those shown
    comparative=re.compile(r"(?i)\bthe\s+(?P<c>later|earlier|more\s+recent|newer|older|latter|former)"
                           r"(?!\s+(?:period|past|part|half|years|months|weeks|days|times|era|phase|stage)\b)"
                           r"(?:\s+(?:one|event|entry|of\s+(?:the\s+|those\s+|these\s+)?(?:two|both|them|those|these)))?\b"
                           r"(?!\s+(?!(?:one|ones|event|entry|of)\b)[\w.'’-]+(?:\s+[\w.'’-]+){0,3}\s+one\b)"),  # "the earlier Alliance 8.7 one": of that kind
    comparatives={"later": "latest", "more recent": "latest", "newer": "latest", "earlier": "earliest", "older": "earliest",
                  "latter": "last", "former": "first"},
    ordinals={w: n for n, w in enumerate(_ORD, 1)} | {"last": -1, "latest": -1},
    units={"day": "day", "date": "day", "week": "week", "month": "month", "year": "year", "yr": "year", "mo": "month", "wk": "week",
           "season": "year"},  # a season of a sport is counted as its year
    numbers={"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
             "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a couple": 2, "couple of": 2, "couple": 2, "a few": 3, "few": 3, "several": 3, "some": 3},
    question=re.compile(r"\b(?:who|whom|whose|what|when|where|which|why|how|whats|whos|wheres|whens|hows)\b", re.I),
    month=re.compile(r"(?<!\bevery )(?<!\beach )(?<!\bone )(?<!\bsome )"  # "every June", "one May": no month in particular
                     r"(?<!\bglobal )(?<!\blong )(?<!\bpeace )(?<!\bprotest )(?<!\ba )"  # "not global march": a march
                     r"(?<!\ba day in )"  # "their campaign is around a day in june": a day of every year
                     # a capitalised word before it makes a name ("the Global March"), not "In March" opening it
                     + "".join(rf"(?<!(?-i:[A-Z][a-z]{{{n}}}) )" for n in range(3, 13)) + r"(?<!(?-i:[A-Z]{2}) )"
                     r"\b(?P<m>january|february|march|april|june|july|august|september|october|november|december|"
                     r"jan|feb|apr|jun|jul|aug|sep|sept|oct|nov|dec|(?<=\bnew )year|"  # "the new year": January
                     # "may" and "mar" only where a month goes
                     r"(?:" + "|".join(rf"(?<=\b{w} )" for w in ("in", "of", "next", "following", "previous", "last",
                                                                   "that", "early", "late", "mid", "since", "until",
                                                                   "by", "from")) + r")(?:may|mar))\b(?!\s*\d)"
                     r"(?!\s+(?:each|every)\s+year)", re.I),  # "early June each year": no June in particular
    months={m: n for n, ms in enumerate((("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
                                         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
                                         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
                                         ("december", "dec")), 1) for m in ms} | {"year": 1},
    unknown_word_is_subject=True,
    asks_person=re.compile(_GIVE_NAME + r"|(?:^|[.!?;:]\s+|\s[-–—]\s+)\W*(?:(?:and|so|but|wait|ok|okay|oh|hmm|sorry|also|right|then)\W+)*(?:who|whom|whose)\b|\bwhat(?:\s+(?:is|was|were|are)|['’]s)\s+(?:the\s+|his\s+|her\s+|their\s+)?"
                           r"(?:actual\s+|full\s+|exact\s+|real\s+)?names?\s+of\b(?!\s+(?:the\s+|that\s+|this\s+)?(?:\w+\s+)?(?:" + _GATHERINGS + r")s?\b)", re.I),
    gathering=re.compile(rf"(?i)\b(?:{_GATHERINGS})s?\b"),
    asks_presence=re.compile(r"(?i)^\W*(?:(?:and|so|but|wait|ok)\W+)?(?:(?:what|when|where|which\s+\w+|how)\s+)?"
                             r"(?:did|was|were|has|had)\s+(?P<who>(?:[\w'’-]+\s+){1,3}?)"
                             r"(?:(?:ever|also|actually|personally|really|himself|herself)\s+)*(?:go|went|gone|attend|"
                             r"attended|visit|visited|present|presented|speak|spoke|talk|talked|say|said|discuss|"
                             r"discussed|come|came|join|joined|been|at|there|in\s+person|take\s+part|took\s+part|"
                             r"participate|participated|turn\s+up|show\s+up|appear)\b"
                             # a claim to check: "We say Yuka Iwatsuki spoke for ACE at the 2019 UN Forum. Correct?"
                             r"|(?P<who2>\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})\s+(?:also\s+|actually\s+)?(?:attended|spoke|"
                             r"presented|represented|went\s+to|was\s+at|took\s+part|participated|showed\s+up|"
                             r"turned\s+up|appeared|came\s+to)\b"),
    # not "which organisations …?": a passage naming other organisations than those asked for would do
    named_kind=re.compile(r"(?i)(?:body|bodies|document|text|paper|publication|initiative|team|club|entity|entities|"
                          r"school|university|universities|college|band|label|newspaper|magazine|broadcaster|channel|"
                          r"station|publisher|outlet|agency|agencies|authority|authorities|institution)s?"
                          r"|partner|outfit|organi[sz]ation|coalition|ally|ngo|group"),  # one of these: a name; several, as many
    asks_owner=re.compile(r"(?i)^\W*(?:(?:and|so|ok(?:ay)?)\W+)?(?:whose\b|who['’]?s\s+(?!(?:the|a|an|that|this|it|in|on|at|"
                          r"there|been|going|he|she|they)\b)[a-z]+(?:\s+[a-z]+)?\s+(?:was|is|were|are)\b)"),  # "who's campaign was it?"
    # who came, took part or is in a group, who runs or collects something, and whom something went to: countries,
    # bodies and networks answer these as well as people ("attended by representatives from 12 countries")
    asks_anyone=re.compile(r"(?i)(?:^|[,;:.!?—–(]\s*)\W*(?:(?:and|so|but|wait|ok|okay|then|also|oh|hmm)\W+)*"
                           r"(?=who)(?:\bwho(?![^?]*\bfrom\b)(?:['’]s|\s+(?!(?:from|of)\b)[\w'’]+){0,3}?\s+(?:attend\w*|came|come|comes|show(?:ed|s)?\s+up|"
                           r"turn(?:ed|s)?\s+up|took\s+part|takes?\s+part|particip\w*|sits?|runs?|ran|collects?|gathers?)\b"
                           r"|\bwho(?:['’]?s|\s+(?:is|are|was|were))\s+(?:\w+\s+)?in\s+(?:that|this|the|it|those|these)\b"
                           r"|\bwho\s+were\s+the\s+participants\b"
                           r"|\bwho\b[^?.,;:!—–]*?\s(?:to|for)\s*(?:[?.,;:!—–]|$))"),
    asks_payer=re.compile(r"(?i)\b(?:who|which\s+(?:\w+\s+)?(?:company|companies|organi[sz]ations?|sponsors?|donors?|"
                          r"firms?|foundations?))\s+(?:\w+\s+)?(?:paid|funded|financed|sponsored|bankrolled|covered\s+the\s+"
                          r"costs?)\b|\b(?:paid|funded|financed|sponsored)\s+by\s+whom\b"),
    asks_wording=re.compile(r"(?i)\b(?:exact|actual|precise|full)\s+(?:wording|words|text)\b|\bquote\s+(?:what|exactly|it\b|the\s+"
                            r"(?:words|text|statement))|\b(?:a|the|exact)\s+quote\b|\bword\s+for\s+word\b|"
                            r"\bverbatim\b"),
    asks_money=re.compile(r"\bhow\s+much\s+(?:(?:[a-z]+\s+)?(?:money|funding|funds|cash)\b|did\s+(?:it|they|we|\w+)\s+(?:cost|pay|spend|raise|"
                          r"receive|donate))|\bhow\s+much\s+(?:is|was|are|were|does|did|do)\s+(?:\w+\s+){1,4}?(?:paid|earns?|"
                          r"earned|costs?|charged?|spent|spends?|raised?|gets?|got|makes?|made)\b"  # "how much is she paid"
                          r"|\b(?:rent|rents|expenses|payroll|stipends?|allowances?|"
                          r"budget|budgets|cost|costs|revenues?|profits?|salary|salaries|fees?|wages?|income|earnings|"
                          r"compensation|remuneration|pay\s+(?:package|packet|cheque|check|rise)|"
                          r"spending|expenditures?|turnover)\b"
                          r"|\b(?:funding|grant|donation|sponsorship)\s+(?:amount|size|total|sum)\b|\bamount\s+of\s+(?:money|funding)\b",
                          re.I),
    asks_whether=re.compile(r"(?i)(?:^|[,;:.!?]\s+|\s[-–—]\s+)\W*(?:(?:and|so|ok|okay|but|wait)\W+)?(?:did|have|has|had|was|were)\s+"
                            r"(?:we|ace|they|you|the\s+organi[sz]ation)\b"),
    asks_record=re.compile(r"(?i)\bwhat\s+(?:did|has|have|was)\s+(?:we|ace|they|the\s+organi[sz]ation)\s+(?:do|done|doing|"
                           r"been\s+doing|(?:been\s+)?up\s+to|get\s+up\s+to)\b|\b(?:activities|activites|advocacy\s+work|"
                           r"what\s+happened)\b|\bwhat\s+(?:we|ace|they)\s+did\b|\bwhat\s+(?:[\w'’]+\s+){0,3}up\s+to\b"
                           # "was there anything in January 2018?", "anything going on that summer?"; not "was
                           # there anything about films …", which asks of a kind
                           r"|\b(?:is|was|were|are)\s+there\s+(?:any|some)thing\b(?!\s+(?:about|on|of|regarding|related|"
                           r"to\s+do|similar|like)\b)|\b(?:any|some)thing\s+(?:happen\w*|going\s+on)\b"),
    # "did he come to Japan with ACE before that?": whether, at any time before; not "what did they do before that?"
    # ("has it happened again since then?": the next time it did, the first after)
    # "was there an earlier seminar there …?": whether one of that kind was held at any time before
    asks_ever=re.compile(r"(?i)(?!.*\bagain\b)\b(?:(?:did|had|has|have)\s+(?:he|she|they|we|ace|you|it)\s+(?:ever\s+|already\s+|also\s+)?"
                         r"(?!do\b|done\b)[a-z]{2,}|(?:was|were)\s+there\s+(?=.*\b(?:earlier|before|previous|prior)\b)(?:ever\s+)?(?:an?|any)\s+(?!thing\b|one\b)[a-z]{2,})"),
    either_way=re.compile(r"(?i)\bor\s+(?:after|before|afterwards|later|earlier|not)\b"),
    wh=re.compile(r"(?i)\b(?:what|which|who|whom|whose|where|when|how|why)\b"),
    # words people type for the documents' words: US and British spellings, everyday words, clipped ones
    variants={"kid": ("child",), "kids": ("children",), "movie": ("film",), "movies": ("films",),
              "govt": ("government",), "gov": ("government",), "dept": ("department",), "intl": ("international",),
              "mtg": ("meeting",), "conf": ("conference",), "prep": ("preparatory",), "rep": ("representative",),
              "reps": ("representatives",), "pres": ("president",), "mgr": ("manager",), "natl": ("national",),
              "org": ("organization", "organisation"),
              "orgs": ("organizations", "organisations"), "program": ("programme",), "programs": ("programmes",),
              "programme": ("program",), "center": ("centre",), "centre": ("center",), "defense": ("defence",),
              "dialog": ("dialogue",), "dialogs": ("dialogues",), "catalog": ("catalogue",),
              # handing something over, as a record writes it: "submitted more than 70 thousand signatures"
              "hand": ("submit",), "hands": ("submits",), "handed": ("submitted",), "handing": ("submitting",),
              "deliver": ("submit",), "delivers": ("submits",), "delivered": ("submitted",), "delivering": ("submitting",),
              # plainer words for what a record says otherwise (used only where the documents use theirs more)
              "attention": ("awareness",), "publicise": ("awareness",), "publicize": ("awareness",),
              "publicised": ("awareness",), "publicized": ("awareness",), "commitment": ("pledge",),
              "commitments": ("pledges",), "commit": ("pledge",), "committed": ("pledged",), "host": ("organize",),
              "hosted": ("organized",), "hosting": ("organizing",), "petition": ("signatures",),
              "petitions": ("signatures",), "nation": ("country",), "nations": ("countries",), "talks": ("dialogues",),
              "feedback": ("comments",), "spoke": ("presented",), "speak": ("present",), "talk": ("present",),
              "screening": ("film",), "screened": ("film",),
              # a career told plainly: "quit as mayor when", "who replaced him" of "resigned", "succeeded by"
              "quit": ("resigned", "resign"), "quits": ("resigns",), "quitting": ("resigning",),
              "replaced": ("succeeded",), "replace": ("succeed",), "replacing": ("succeeding",),
              "sacked": ("dismissed",), "fired": ("dismissed",), "hired": ("appointed",), "wed": ("married",),
              "wife": ("married",), "wives": ("married",), "husband": ("married",), "husbands": ("married",),
              "successor": ("succeeded",), "successors": ("succeeded",),
              "predecessor": ("preceded",)},
    variant_endings=(("our", "or"), ("ise", "ize"), ("ised", "ized"), ("ising", "izing"), ("isation", "ization"),
                     ("yse", "yze"), ("ogue", "og"), ("elled", "eled"), ("elling", "eling")),
    several=re.compile(r"(?i)\b(?:these|those|them|they|their)\b"),
    # lower case only, or "Dear," opening: "DEAR" is a name
    vocative=re.compile(r"(?<![\w'’-])(?:dear(?:est)?|mate|sir|madam|ma['’]am|buddy|pal|hun|luv)(?=\s*(?:[,.!?;:]|$))"
                        r"|^\W*Dear(?=\s*,)|^\W*[Dd]ear\s+[^,.!?;:]{1,40}?(?=\s*,)"  # "Dear Sir/Madam, …", "Dear ACE team, …"
                        # a greeting opening it, in English or another language ("Konnichiwa! When was …")
                        r"|^\W*(?i:hello|hi|hey|hiya|howdy|greetings|konnichiwa|hola|bonjour|ciao|namaste|salut|hallo|"
                        r"good\s+(?:morning|afternoon|evening|day))(?:\s+(?i:there|all|everyone))?(?=\s*(?:[,.!;:]|\s[-–—]))"),
    idioms=re.compile(r"(?i)\bin\s+the\s+first\s+place\b|\bfirst\s+(?:of\s+all|and\s+foremost|off)\b|\bat\s+first\b"
                      r"|\blast\s+but\s+not\s+least\b|\bat\s+(?:the\s+)?very\s+least\b"),
    chore=re.compile(r"(?i)\b(?:can|could|would|will)\s+you\s+(?:please\s+|kindly\s+|help\s+me\s+)?(?:recommend|suggest|"
                     r"translate|draft|write|book|compose|summari[sz]e\s+this)\b|\b(?:please|kindly|pls)\s+(?:translate|draft|"
                     r"write|book|compose)\b|^\W*(?:translate|draft|compose|book)\s+(?:a|an|me|this|the\s+following|[\"'“‘])|\byou['’]d\s+recommend\b|"
                     r"\bweather\b.*\b(?:tomorrow|tmrw|today|tonight|(?:this|next)\s+(?:week|weekend|afternoon|evening|month))\b|"
                     r"\b(?:weather|forecast)\s+(?:forecast\s+)?(?:for|in)\b|\bwhat\s+time\s+is\s+it\b|"
                     # how to do a thing oneself ("how do you make chocolate at home?"): a record of what was done
                     # teaches no steps; not "how do we …", which asks how the organisation works
                     r"^\W*how\s+(?:do|can|should|would)\s+(?:i|you|one)\s+(?!(?:know|tell|find\s+out)\b)[a-z]+|"
                     # advice asked now ("which university in Tokyo is best for exchange students?"): no record holds it
                     r"\b(?:which|what)\s+(?:[\w'’-]+\s+){1,4}?(?:is|are)\s+(?:the\s+)?(?:best|better|cheapest|nicest|safest|"
                     r"easiest)\b(?!\s+known)"),
    holidays=frozenset({"christmas", "xmas", "halloween", "thanksgiving"}),
    about_record=re.compile(r"(?i)\b(?:according\s+to|per|in|on|from)\s+(?:the|our|your|this)\s+(?:records?|documents?|"
                            r"archives?|files?|texts?|database)\b|\b(?:does|do|did)\s+(?:the|our|your|this)\s+(?:records?|"
                            r"documents?|archives?|texts?|database)\s+(?:say|state|show|give|list|name|note|confirm|mention|"
                            r"describe|record|hold|have|back)\b|\b(?:the|our|your|this)\s+(?:records?|documents?|archives?|"
                            r"texts?)\s+(?:says|states|shows|gives|lists|names|notes|mentions|describes)\b|\bon\s+record\b|"
                            r"(?<=thing)\s+recorded\b|(?<=activity)\s+recorded\b|(?<=activities)\s+recorded\b"),
    # the asker's own use of the answer, up to a clause's end and with no time in it: "For our KYC file: …", "… for
    # our beneficial-ownership records.", "for the venue list in our report," ("For our February 2019 records:" keeps
    # its month; "for my year 9s and want …" is none)
    purpose=re.compile(r"(?i)\s*\bfor\s+(?:(?:our|my)\s+(?:[^\W\d]+(?:[-'’][^\W\d]+)*\s+){0,3}?[^\W\d]+(?:[-'’][^\W\d]+)*"
                       r"|the\s+(?:[^\W\d]+\s+){0,2}?(?:report|file|list|records|newsletter|essay|article|slides?|deck|"
                       r"briefing|annex|profile|brief|memo|notes)(?:\s+(?:in|of|for)\s+(?:our|my)\s+[^\W\d]+)?)"
                       r"(?=\s*(?:[,:;.!?]|[-–—]\s|$))"
                       # "… to Prime Minister Abe? I would like to cite it in our CSR report.": what they will do with it
                       r"|(?<=[?.!])\s+(?:i|we)\s+(?:would|['’]d|want|need|will|am\s+going|plan|hope|intend|wish)\b[^?]*$"),
    # "… was in Brasilia, right?", "Is that right, or was it somewhere else?": a claim put to be checked
    checks_claim=re.compile(r"(?i)(?:[,.;:—–-]\s*|\s)(?:right|correct|true|(?:is|was|isn['’]t|wasn['’]t)\s+(?:it|that|this)(?:\s+(?:so|right|"
                            r"correct|true))?|(?:didn['’]t|did|don['’]t|haven['’]t)\s+(?:they|it|he|she|we|you)|can\s+you\s+confirm|"
                            r"is\s+the\s+\w+\s+right|or\s+(?:was|is|were)\s+(?:it|that)\s+(?:somewhere|elsewhere)\s*(?:else)?)\s*\W*$"),
    # "is ACE a member …?"; not "Is that right?" after a claim, whose names are the claim's
    yes_no=re.compile(r"(?i)^\W*(?:is|are|was|were|did|does|do|has|have|had|can|could|will|would)\s+"
                      r"(?!(?:that|this|it|so|these|those|they|there|he|she)\b)\S.*\?\s*$"),
    asks_action=re.compile(r"(?i)\b(?:what|waht|wat|wht|whta)\s+(?:did|does|has|have)\s+(?:\w+\s+){1,3}?(?:do|done|"
                           r"organi[sz]e|hold|host|present|run|submit|sign|make|contribute)\b"
                           r"|\b(?:did|have|has)\s+(?:we|ace|they|you)\s+(?:ever\s+)?(?:do|done)\s+(?:any|some)thing\b"),
    introduced=re.compile(r"(?i)\b(?:another|a\s+new|one\s+more|a\s+further|a\s+second)\s+(?:[a-z-]+\s+){0,2}?[a-z]{3,}"),
    told_later=re.compile(r"(?i)\b(?:the\s+)?(?:following|next|subsequent)\s+(?P<unit>year)\b|"
                          r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<unit2>year)s?\s+"
                          r"(?:later|afterwards|after\s+that)\b"),
    asks_office=re.compile(r"(?i:\bwhich)\s+(?:[A-Z][\w-]*\s+){0,3}?(?P<kind>[A-Z][a-z]{2,})\b(?!\s+[A-Z])"),
    asks_kind=re.compile(r"(?i:\b(?:which|what))\s+(?!(?i:did|does|do|is|was|were|are|has|have|had|can|could|would|"
                         r"will|came|happened|else|about)\b)(?:(?i:(?P<sort>kind|sort|type)s?|set|series|pair|piece|couple|list)\s+of\s+)?(?:(?:[A-Za-z0-9.-]+)\s+){0,5}?"
                         r"(?<!\bwas )(?<!\bwere )(?<!\bis )(?<!\bare )(?<!\bbeen )"  # "what ACE was asking the G20 to do": a verb, no kind
                         r"(?P<kind>(?!(?:kind|sort|type)s?\b)(?![a-z]+ly\b)(?![a-z]+ing\s+(?:it|them|him|her)\b)[a-z]{3,})(?=(?:(?:\s+or\s+|\s*/\s*)[a-z]{3,}(?:\s+(?P<head>[a-z]{3,}))?)?(?:,\s*(?:by\s+name|exactly|specifically|if\s+any),)?"
                         r"\s+(?:(?:actually|really|ever|also)\s+)?(?:[a-z]+ing\s+(?:it|them|him|her)\b|did|does|do|was|were|is|are|has|have|had|of|in|at|on|for|from|"
                         r"with|to|ace|we|our|the|they|he|she|it|[a-z-]+ed|sent|made|took|gave|won|ran|met|led|came|"
                         r"went|got|put|spoke|wrote|held|told|brought|said|left|bought|sold|found|kept|began|became|"
                         r"collects|runs|holds|hosts|leads|organi[sz]es|conducts|gathers|coordinates|manages|handles|"
                         r"sends|makes|funds|supports|chairs|represents|includes|covers|works)\b"
                         r"|(?:\s+(?:exactly|precisely|again|then|now|though|anyway|there|here))?\s*(?:[?.!]|$))"),  # "which city?"
    gender={"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f",
            "that gentleman": "m", "the gentleman": "m", "this gentleman": "m", "that man": "m", "the man": "m",
            "that lady": "f", "the lady": "f", "this lady": "f", "that woman": "f", "the woman": "f"},
    object_of=re.compile(r"(?i)\b(?:with|to|by|for|from|against|versus|vs\.?)\s+$"),
    owned_ordinal=re.compile(r"(?i)\b(?:its|his|her|their)\s+(?P<n>" + "|".join(_ORD) + r"|last|\d+(?:st|nd|rd|th))\b"),
    article=re.compile(r"(?i)\bthe\s+(?P<x>(?-i:[a-z])[a-z-]{2,}(?:\s+(?-i:[a-z])[a-z-]{2,}){0,2})(?:['’]s)?\b"),
    kind_of_reference=re.compile(r"(?i)^\W*(?:and\s+|so\s+|ok\W+)?(?:which|what)\s+(?P<kind>[a-z]{3,})\s+(?:was|is|were|are)"
                                 r"\s+(?:that|this|it|those|these)\W*$"),
    site_kind=re.compile(r"(?i)(?:building|hotel|hall|room|venue)s?"),  # a place a passage names by its word
    place_kind=re.compile(r"(?i)city|town|country|place|location|venue|region|area|prefecture|state|village"),
    office_kind=re.compile(r"(?i)(?:position|post|rank|capacity)s?"),  # "what position does ACE hold in …?": a role named
    reflexive=re.compile(r"(?i)himself|herself"),
    person_kind=re.compile(r"(?i)(?:official|person|people|speaker|guest|representative|leader|minister|director|chair|pm|ceo|"
                           r"member|staff|employee|colleague|man|men|woman|women|"
                           r"president|laureate|expert|player|coach|manager|politician|actor|singer|author|writer)s?"),
    speaker=re.compile(r"(?i)^\W*(?:(?:hi|hello|hey|good\s+(?:morning|afternoon|evening)|thanks|thank\s+you|ok(?:ay)?|so|well)"
                       r"\W+)*(?:i|i'm|i’m|i've|i’ve|i'd|i’d|i\s+am|we're|we’re|we\s+are|my|our\s+team)\b"),
    predicate=re.compile(r"(?i)\b(?:we|they|she|he|i|you|ace)\s+(?:(?:first|last|ever|also|actually)\s+)?(?:were|was|went|did|"
                         r"had|held|organi[sz]ed|attended|visited|met|came|spoke|presented|joined|took\s+part)\b"),
    afterthought=re.compile(r"(?i)(?:,?\s+(?:i\s+mean|you\s+know|i\s+think|i\s+guess|i\s+believe|i\s+suppose|"
                            r"i\s+wonder|if\s+you\s+know|do\s+you\s+know|please|pls|thanks|thank\s+you))+\W*$"),
    other_kind=re.compile(rf"(?i)\b(?:an)?other\s+(?P<kind>(?:{_EVENTS}|gathering|occasion)s?)\b"),  # another event, not
    #                                                                              more of the answer's own
    aside=re.compile(r"(?i),\s*(?:as\s+(?:i|we)\s+(?:understand|recall|remember|read|see|take)\s+it|as\s+far\s+as\s+(?:i|we)\s+"
                     r"(?:know|can\s+tell|recall)|if\s+(?:i|we)\s+(?:recall|remember)(?:\s+(?:correctly|rightly))?|if\s+i'?m\s+not\s+"
                     r"mistaken|i\s+(?:think|believe|gather|understand|suppose)|it\s+seems)\s*,"),
    interjection=re.compile(r"(?i)^\W*(?:(?:oh|ah|wow|how|very|so|really)\s+)?(?:lovely|great|nice|perfect|wonderful|excellent|"
                            r"brilliant|cool|fantastic|splendid|super|marvell?ous|interesting|fascinating|good|right|alright|"
                            r"got\s+it|i\s+see|understood|noted|wow|oh|ah|hmm+|sorry|oops|excuse\s+me|pardon)\s*(?:[,.!;:]+|\s[-–—])\s*"),
    asks_place=re.compile(r"(?i)\bwhere\b[^?]*\b(?:held|located|hosted|take\s+place|took\s+place|happen(?:ed)?)\b"
                          r"|\b(?:which|what)\s+(?:venue|location|city|town|country)\b"),
    asks_any=re.compile(r"(?i)(?:^|[,;:.!?]\s+|\s[-–—]\s+)\W*(?:\w+\W+){0,3}?(?:did|do|does|has|have|had|was|were|is|are)\b[^?]*?\bany\b"
                        r"(?!\s*(?:thing|one|where|time|more)\b)"),
    # not "how did ACE respond": what we did is recorded; what another said, or whether it was adopted, seldom is
    asks_response=re.compile(r"(?i)\b(?:what|how)\s+did\s+(?!(?:we|ace|you|i|us)\b|the\s+organi[sz]ation\b)(?:[\w.'’-]+\s+)"
                             r"{1,6}?(?:actually\s+|really\s+)?(?:say|respond|reply|react|answer|decide|conclude|change|amend|revise)\b"
                             r"|\bdid\s+(?!(?:we|ace|you|i|us)\b|the\s+organi[sz]ation\b)(?:[\w.,'’-]+\s+){1,8}?(?:ever\s+|actually\s+|"
                             r"really\s+|finally\s+|formally\s+|officially\s+|publicly\s+)?(?:respond|reply|react|answer|accept|adopt|"
                             r"agree|incorporate|reflect|implement|approve|heed|act\s+on|take\s+up|change|amend|revise)(?:ing)?\b"
                             r"|\b(?:what|which|any)\s+(?:[\w'’-]+\s+){0,2}?(?:outcomes?|results?|impacts?|effects?)\s+(?:came|"
                             r"resulted|followed|were\s+there|was\s+there|did|has|have|of|from)\b|\bwhat\s+came\s+(?:out\s+)?of\b"
                             r"|\b(?:were|was)\s+(?:[\w'’-]+\s+){0,16}?(?:actually\s+|really\s+|ever\s+)?(?:adopted|accepted|"
                             r"reflected|incorporated|implemented|approved|taken\s+up|acted\s+on)\b"
                             r"|\bwhat\s+(?:was|were|got|had\s+been)\s+(?:actually\s+|finally\s+|eventually\s+)?(?:decided|agreed|"
                             r"concluded|resolved|achieved)\b"  # "what was decided at the forum?"
                             r"|\b(?:what|which)\s+(?:was|were)\s+the\s+(?:[\w'’-]+\s+){0,2}?(?:outcome|result|response|reaction|reply|"
                             r"answer|decision)s?\b"
                             # "did that petition actually get any law changed?", "did it lead to …", "did it win any awards?"
                             r"|\bdid\s+(?:[\w.,'’-]+\s+){1,6}?(?:ever\s+|actually\s+|really\s+|finally\s+)?(?:(?:get|got)\s+"
                             r"(?:[\w'’-]+\s+){1,4}?(?:changed|passed|amended|enacted)|lead\s+to|result\s+in|"
                             r"win\s+(?:any\s+|an?\s+|the\s+)?(?:awards?|prizes?))\b"),
    asks_list=re.compile(r"(?i)\b(?:list|name)\s+(?:all\s+|every\s+one\s+of\s+)?(?:the\s+|of\s+the\s+)?(?P<n>\d+|six|seven|eight|nine|"
                         r"ten|eleven|twelve)\b|\bnames\s+of\s+(?:all\s+)?(?:the\s+)?(?P<n2>\d+|six|seven|eight|nine|ten|eleven|"
                         r"twelve)\b|\b(?:which|what)\s+(?:are\s+the\s+|were\s+the\s+)?(?P<n3>\d+|six|seven|eight|nine|ten|eleven|"
                         r"twelve)\s+[a-z]+s\b|\ball\s+(?:of\s+the\s+)?(?P<n4>\d+|six|seven|eight|nine|ten|eleven|twelve)\b"
                         r"|\b(?:which|what|who)\b[^?]{0,30}?\b(?:are|were)\s+(?:the\s+|all\s+)?(?P<n5>\d+|six|seven|eight|nine|"
                         r"ten|eleven|twelve)\s+[a-z]+s\b"),
    response=re.compile(r"(?i)\b(?:said|says|stated|responded|replied|answered|reacted|adopted|accepted|approved|agreed|"
                        r"reflected|incorporated|included|decided|concluded|promised|pledged|committed|announced|"
                        r"declared|welcomed|acknowledged|led\s+to|resulted\s+in|passed|amended|enacted|won|awarded|changed|"
                        r"revised)\b"),
    # "what did ACE present at the Abidjan meeting?", "what was ACE's presentation about?", "did Shiroki speak there?"
    asks_talk=re.compile(r"(?i)\b(?:what|when|where|did|do|does|has|have)\s+(?:[\w.'’-]+\s+){1,6}?(?:actually\s+|also\s+|ever\s+)?"
                         r"(?:present|speak|talk|lecture|give\s+(?:a|an|the)\s+(?:talk|speech|presentation|lecture|keynote))\b"
                         r"|\b(?:what|which)\s+(?:was|were|is)\s+(?:[\w.'’-]+\s+){0,6}?(?:presentation|speech|talk|lecture|keynote)"
                         r"s?\b"),
    talk=re.compile(r"(?i)\b(?:present(?:ed|s|ing|ations?)?|spoke|speak(?:s|ing|ers?)?|speech(?:es)?|talks?|lectures?|keynote|"
                    r"panel(?:s|lists?)?|sessions?|remarks|addressed|seminars?|symposi(?:um|a)|dialogues?|roundtables?)\b"),
    # "what was the title of the seminar", "what was the session called?": a work's title, not a rank or an honour
    # ("which title did she get in 1976?") nor what a body was once called
    asks_title=re.compile(r"(?i)\btitle\s+of\s+(?:[\w'’.-]+\s+){0,4}?(?:" + _WORKS + r")s?\b|\b(?:" + _WORKS + r")s?\s+title\b"
                          r"|\b(?:was|is|were)\s+(?:[\w'’.-]+\s+){0,6}?titled\b|\bunder\s+what\s+title\b"
                          r"|\bwhat\s+title\s+did\s+(?:[\w'’.-]+\s+){1,3}?give\b"
                          r"|\bwhat\s+(?:was|is|were)\s+(?:[\w'’.-]+\s+){0,10}?(?:" + _WORKS + r")s?\s+(?:[\w'’.-]+\s+){0,8}?called\b"),
    # “Child labour exists in Japan”, "Second Global Meeting of the Alliance 8.7 Action Group", "Sustainable Procurement
    # and Human Rights": quoted, or capitalised words joined by small ones (not "ACE Managing Director Tomoko Shiroki")
    title=re.compile(r"[“\"‘][^”\"’]{3,}[”\"’]|\b[A-Z][\w.'’-]*(?:\s+[A-Z0-9][\w.'’-]*)*(?:\s+(?:of|on|and|for|between|"
                     r"against|in|to|at)(?:\s+the)?\s+[A-Z0-9][\w.'’-]*)+"),
    asks_duration=re.compile(r"\bhow\s+long\b|\b(?:for\s+)?how\s+many\s+(?:years|months|weeks|days)\b", re.I),
    asks_name=re.compile(rf"(?i)\bnames?\s+of\b|{_GIVE_NAME}"),
    asks_age=re.compile(r"\bhow\s+old\b|\b(?:what|which)\s+age\b", re.I),
    age_at=re.compile(r"\b(?:how\s+old|what\s+age)\b.*\b(?:when|by\s+then|at\s+the\s+time|then)\b|\bat\s+what\s+age\b", re.I),
    counts_heads=re.compile(r"(?i)\b(?:how\s+many|number\s+of|attendance|headcount|head\s+count|turnout)\s*(?:\w+\s+)?"
                            r"(?:people|persons|attendees|participants|visitors|viewers|guests|members|staff|employees|"
                            r"volunteers|students|figures?|numbers?|turned\s+up|came|attended|showed\s+up)\b"),
    asks_count=re.compile(r"\bhow\s+(?:many|much)\b|\bnumber\s+of\b", re.I),
    asks_date=re.compile(r"(?:^|[.?!;:—–-]\s)\s*(?:and\s+)?(?:since\s+)?when\b|\b(?:what|which)\s+(?:(?:was|were|is|are)\s+the\s+)?(?:exact\s+|precise\s+|"
                         r"actual\s+)?(?:dates?|years?|days?|months?)\b", re.I),
    asks_day=re.compile(r"\b(?:what|which)\s+(?:(?:was|were|is|are)\s+the\s+)?(?:exact\s+|precise\s+|actual\s+)?"
                        r"(?:dates?|days?|months?)\b|\bexact(?:ly)?\b", re.I),  # a year is no answer
    person_name=re.compile(rf"\b{_W}\s+{_W}\b"),
    names=names,
    place=re.compile(r"(?i)\b" + _THERE + r"\b"),
    place_in=re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?P<x>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|de|du))*)"),
    group=re.compile(r"(?i)\b(?:they|them|their|theirs)\b"),
    happens=re.compile(r"(?i)\b(?:was|is|were|will)\s+(?:it|that|this)\s+(?:being\s+)?(?:held|hosted|organi[sz]ed|located|"
                       r"taking\s+place|happening|scheduled)\b|\b(?:did|does|will)\s+(?:it|that|this)\s+(?:take\s+place|"
                       r"happen|start|begin|end|finish|last)\b"
                       r"|\bhow\s+(?:long|many\s+(?:days|weeks|hours))\s+(?:it|that|this)\s+(?:was|lasted|ran)\b"
                       r"|\bhow\s+(?:long|many\s+(?:days|weeks|hours))\s+(?:was|did)\s+(?:it|that|this)\b"),
    pair=re.compile(r"(?i)\b(?:the|those|these)\s+(?:two|three)\s+of\s+them\b|\b(?:those|these|the)\s+(?:two|three|people|folks|guys)\b"
                    r"|\bboth\s+of\s+them\b|\bthem\s+both\b|\bthe\s+pair\b"),
    plural=re.compile(r"(?i)^(?:those|these|them|the same)\b.*s$|^(?:those|these)\s+\w+s\b"),
    onward=re.compile(r"(?i)\b(?:next|following|subsequent|coming|new)\s+$"),
    backward=re.compile(r"(?i)\b(?:previous|preceding|prior|last)\s+$"),
    onward_after=re.compile(r"(?i)\s+(?:after|afterwards|following)\s*(?:that|this|it)?\s*(?:[?.,;:!—–-]|$)"),
    backward_after=re.compile(r"(?i)\s+(?:before|prior|earlier)\s*(?:that|this|it)?\s*(?:[?.,;:!—–-]|$)"),
    any_time=re.compile(r"(?i)\b(?:ever|at\s+any\s+(?:time|point)|any\s+other\s+time|never)\b"
                        # a standing fact in the present tense ("what is that conference?", "what's our role in it?")
                        r"|^(?!.*\b(?:was|were|did|had|went|got|made|held)\b).*(?:\b(?:is|are|does|do)\b(?!\s+(?:there|you|i)\b)"
                        r"|\b(?:what|who|where|which|that|it)['’]s\b)"),
    same_as=re.compile(r"(?i)\s+as\s+(?P<x>(?:the\s+)?[\w .'’-]+?)\s*(?:[,;:?!—–]|$|\s+(?:what|which|who|where|when|did|do|was|were)\b)"),
    one=re.compile(r"(?i)(?<!\bno\s)\bones?\b(?!\s+(?:more|last)\b)"),  # not "one more (question)", "no one"
    cleft=re.compile(r"(?i)^\W*(?:and\s+|so\s+)?(?:is|was|isn['’]t|wasn['’]t)\s+(?P<x>it)\s+(?:really\s+|actually\s+)?"
                     r"(?:the\s+)?[a-z][\w .'’-]*?\s+(?P<r>that|who|which)\s+(?!(?:is|was)\b)\w"),
    predecessor=re.compile(r"(?i:\b(?:who|whom|which)\b)[^?]*?\b(?:before|prior\s+to|preceding|after|succeeding)\s+(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)"),
    succession=re.compile(r"(?i)\b(?:succeed(?:ed|s|ing)?|successor|predecessor|preceded|replac(?:ed|es|ing)|took\s+over|"
                          r"former(?:ly)?|previous(?:ly)?|until|stepped\s+down|resigned|retired)\b"
                          r"|\b\d{4}\s*[–-]\s*(?:\d{2,4}|present)\b"),
    own_clause=re.compile(r"(?i)^\W*(?:(?:and|so|ok(?:ay)?|great|right)\W+)*(?:who|whom|what|when|where|which|did|does|do|was|were|"
                          r"has|had|how)\b[^,;?]+\b(?:[a-z]+ed|marry|win|lose|die|join|leave|move|go|get|meet|start|begin|"
                          r"become|take|make|sign|found|build|open|close)\b[^,;?]*[,;]\s*(?:and\s+)?(?:when|where|"
                          r"what\s+(?:year|date|day|month)|which\s+(?:year|date))\s+(?:was|is|did)\s+(?P<x>that|this|it)\b"
                          r"(?:\s+happen)?\s*\??\s*$"),
    existential=re.compile(r"(?i)\bhow\s+(?:many|much)\b.*\b(?:is|are|was|were)\s+(?P<x>there)\b"),
    among=re.compile(r"(?i)\b(?:(?<![a-z]{2}s\s)of|among|between|out\s+of)\s+(?:the\s+(?P<n>two|three|four|five|\d)\b(?:\s+(?!(?:was|were|is|did|had)\b)"
                     r"[a-z]+)?|(?:all\s+)?(?:those|these|them)\b)(?=\s*[,;:—–-]|\s+(?:which|who|what|where|when|was|were|did)\b"
                     r"|\s*\?*\s*$)"),
    on_page=re.compile(r"(?i)^(?=.*\b(?:entry|entries|item|items|one|line|listed)\b).*?"
                       r"(?:(?<!the )\b(?P<n>one|two|three|four|five|[1-5])\s+(?:entries\s+|items\s+|lines\s+|places\s+)?)?"
                       r"\b(?:(?:just|directly|immediately|right|straight)\s+)?(?P<dir>above|below|underneath|beneath"
                       r"|(?:down|up)\s+(?:the|our|your)\s+(?:list|page|timeline|record))\b"
                       r"(?!\s+(?:mentions?|says|said|names?|shows?))"
                       r"(?:\s+(?:it|that\s+one|this\s+one|that|this)\b|\s+(?:the|that)\s+(?!(?:list|page|timeline|record)\b)(?P<x>[\w .'’“”\"&-]+?)(?:\s+(?:entry|item|one|line))?"
                       r"(?=\s+in\s+(?:the|our|your)\s+(?:list|timeline|record)|" + _NAME_END + "))?"),
    below=re.compile(r"(?i)below|underneath|beneath|down\b.*"),
    counts={"one": 1, "two": 2, "three": 3, "four": 4, "five": 5},
    # group "w"; not "was there something about a TV documentary too?", which asks of a thing of its own
    month_of=re.compile(r"(?i)\bmonth\s+(?:(?P<after>after|following)|(?P<before>before|prior\s+to))\s+$"),
    too=re.compile(r"(?i)^(?!.*\b(?:was|were|is|are)\s+there\s+(?:a|an|any|some|something|anything)\b).*"
                   r"\b(?P<w>too|as\s+well|also)\s*[?.!]*\s*$"),
    not_there=re.compile(r"(?i)\b(?:outside(?:\s+of)?|away\s+from|beyond|not\s+(?:in|at))\s+(?:the\s+)?$"),
    besides=re.compile(r"(?i)\b(?:besides|apart\s+from|aside\s+from|other\s+than|except(?:\s+for)?|in\s+addition\s+to|"
                       r"not\s+counting|excluding|(?:^|(?<=[?.!,;:(]\s)|(?<=\s[-–—]\s))(?:but\s+)?not)\s+(?P<x>(?!(?:that|this|it|those|these|them)\b)[\w .'’“”\"&-]+?)" + _NAME_END),
    # "after they handed the signatures over", "before they gave them": a clause whose subject is the one in focus;
    # group "x", what it names besides them (the signatures), which may be an answer to count from
    acting=re.compile(r"(?i)\s+(?:they|we|she|he|it|ace|you)\s+(?:had\s+|have\s+|has\s+|had\s+been\s+|were\s+|was\s+|finally\s+|first\s+|just\s+)?"
                      rf"(?:{_DID}|{_DOES}|left|retired|joined|moved|resigned|quit|lost|hand)(?:s|ed)?\b(?P<x>[^?,;:.!—–]*)"),
    # "earlier than the forum" counts from the forum; "earlier NGO forum?" asks for one, before the answer
    named_anchor=re.compile(r"(?i)(?:(?<=after)|(?<=before)|(?<=prior)|(?<=earlier than)|(?<=later than)|(?<=following)|(?<=since)|"
                            r"(?<=preceding)|(?<=ahead of)|(?<=up to)|(?<=run-up to)|(?<=run up to))\s+(?:to\s+)?"
                            # not a clause: "a week later ACE made a seminar" ("… ACE organize what?") names no thing to count from
                            rf"(?!\S+\s+(?:{_DID}|{_DOES})\b)"
                            r"(?P<x>(?:(?:the|our|ace['’]s|its|their|his|her)\s+|(?!(?:any|some|no|every)thing\b|during\b|"
                            r"spring\b|morning\b|evening\b)[a-z]+ing\s+(?=\w)|(?-i:[A-Z])(?=\w+\b(?!\s+\d))|(?-i:[a-z])(?=[a-z]{3,}\b))"
                            r"(?!same\b|next\b|previous\b|following\b|one\b|ones\b)[\w .'’-]+?)" + _NAME_END),
    another_one=re.compile(r"(?i)\b(?:an?|another|any)\s+(?:(?:earlier|later|other|older|newer|previous|next|similar|more)\s+)?"
                           r"ones?\b(?!\s+of\b)"),
    topic_first=re.compile(r"(?i)^\W*(?:(?:and|so|ok(?:ay)?|also|(?:what|how)\s+about|as\s+for|regarding)\W+)*the\s+(?P<x>[a-z][\w'’.-]*(?:\s+(?!(?:when|where|who|what|"
                           r"which|how|was|is|did|were)\b)[a-z][\w'’.-]*){0,4}?)(?:\s+one)?\s*[,—–-]?\s+\w+\s+(?:was|is|were|did)\s+"
                           r"(?:that|it|they)\b"),
    back_to=re.compile(r"(?i)^\W*(?:(?:ok(?:ay)?|so|and|now|right|alright)\W+)*(?:(?:going|go|let'?s\s+go|to\s+go|coming|getting)\s+back"
                       r"|back|returning|return)\s+to\s+(?P<x>[^:;,?!—–-]+?)\s*(?:[:;,?!—–-]|\.\s|\bagain\b|"
                       r"\bfor\s+a\s+(?:moment|sec(?:ond)?|bit|minute)\b|$)"),
    said={"about": "about", "period": "period", "same question": "same question", "latest": "the latest",
          "earliest": "the earliest",
          "not shown": "other than the answer just shown", "left out": "left out", "listed": "one of the list just shown",
          "none": "none in the documents"},
    slips={"wat": "what", "wht": "what", "whta": "what", "waht": "what", "whn": "when", "wehn": "when", "whne": "when",
           "wher": "where", "whre": "where", "wehre": "where", "hw": "how", "teh": "the", "adn": "and", "nad": "and",
           "befor": "before", "aftr": "after", "afer": "after", "nxt": "next", "prev": "previous", "folowing": "following",
           "whered": "where did", "thier": "their", "yr": "year", "mnth": "month", "wk": "week",
           # chat's shorthand
           "n": "and", "tht": "that", "dat": "that", "ths": "this", "wats": "what's", "wts": "what's", "ppl": "people",
           "abt": "about", "pls": "please", "plz": "please", "u": "you", "ur": "your", "b4": "before",
           "govt": "government", "gov": "government", "intl": "international", "orgs": "organisations",
           "org": "organisation", "mtg": "meeting", "conf": "conference", "mos": "months",
           "wks": "weeks", "thru": "through", "smth": "something", "sth": "something", "bc": "because",
           "cuz": "because", "coz": "because", "tho": "though", "thx": "thanks", "ty": "thank you", "evnt": "event"}
    # two letters swapped in a word a follow-up leans on ("anythign else", "the mnoth before"); not "later", whose
    # swaps include "alter", nor "there" ("three")
    | {w[:i] + w[i + 1] + w[i] + w[i + 2:]: w for w in ("anything", "something", "everything", "anyone", "someone",
                                                        "where", "which", "month", "before", "after", "about", "other",
                                                        "first", "second", "third", "earlier", "previous", "following")
       for i in range(len(w) - 1) if w[i] != w[i + 1]},
    label=label,
    stop=frozenset({"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from",
                    "about", "did", "do", "does", "is", "was", "were", "are", "be", "been", "has", "have", "had",
                    "what", "when", "where", "who", "whom", "which", "why", "how", "we", "our", "us", "you", "your",
                    "i", "me", "my", "it", "its", "itself", "themselves", "himself", "herself", "they", "them", "their", "she", "he", "her", "him", "his", "that",
                    "this", "there", "those", "these", "then", "also", "so", "tell", "any", "some", "happen",
                    "happened", "again", "one", "ones", "else", "anything", "more", "can", "could", "would",
                    "please", "know", "ok", "okay", "same", "other", "thing", "things", "yes", "no", "not", "ace",
                    "organisation", "organization", "event", "events", "year", "month", "day", "week", "time", "work",
                    "activity", "activities", "advocacy", "done", "go", "went", "take", "took", "part",
                    "january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december", "spring", "summer", "autumn", "fall", "winter", "first",
                    "half", "second", "early", "late", "end", "start", "beginning", "during", "between", "before",
                    "after", "since", "until", "later", "earlier", "ago", "two", "three", "four", "five", "six", "seven",
                    "eight", "nine", "ten", "couple", "few", "several", "next", "following", "previous", "many", "much",
                    "long", "ever", "exactly", "specific", "specifically", "held", "hold", "place", "should", "name", "names", "called", "actually", "really", "anyway", "btw", "just",
                    "still", "back", "get", "got", "make", "made", "let", "like", "want", "need", "whats",
                    "what's", "who's", "where's", "when's", "doing", "said", "say", "anyone", "anybody", "someone",
                    "somebody", "everyone", "everybody", "anywhere", "somewhere", "something", "each", "every", "here", "put"}),
    attribute=frozenset({"topic", "theme", "title", "subject", "purpose", "aim", "goal", "outcome", "result", "results",
                         "agenda", "venue", "location", "reason", "conclusion", "message", "focus", "format", "objective",
                         "objectives", "composition", "makeup", "status", "occasion",
                         "role", "edition", "response", "reaction", "impact", "point", "idea", "content", "contents",
                         "detail", "details", "cost", "price", "size", "length", "duration", "audience", "date", "dates",
                         "exact", "precise", "full", "correct", "number", "total", "figure", "figures",
                         "year", "month", "week", "day", "time", "period", "decade", "age"}),  # "during which years …?": a date
    # "a ship that famous", "a report that named them": after "a" and a noun, "that" grades or relates
    relative_that=re.compile(r"(?i)\b(?:a|an)\s+[a-z]+\s+that$"),
    since_when=re.compile(r"(?i)\bsince\s+(?:when|what\s+year|which\s+year|what\s+date)\b|\bhow\s+long\s+(?:has|have|had)\b"),
    started=re.compile(r"(?i)\b(?:bec[oa]me|becomes|appointed|elected|named|took\s+office|since|joined|assumed|sworn|promoted|"
                       r"inaugurated|installed|succeed(?:ed|s)|took\s+over|established|founded|set\s+up|started|began|"
                       r"launched|from\s+(?:1\d|20)\d{2})\b|\b(?:1\d|20)\d{2}\s*[–-]\s*(?:\d{2,4}|present)\b"),
    bracketed=re.compile(r"\((?=[^()]*\b(?:I|I['’]m|[Mm]y|me|[Ww]e|[Oo]ur|us)\b|\s*(?i:sorry|don['’]?t|lol|long\s+story|"
                     r"just\s+(?:curious|asking|wondering)|pls|please)\b)[^()]*\)"),
    # "I'm a journalist from Lima writing about …", "I'm from Peru so im curious", "I work in Accra": not "I'm curious
    # whether ACE was in Lima", "we're planning a dialogue in Shikoku"
    asker=re.compile(r"(?i)\b(?:i['’]?m|i\s+am|we['’]?re|we\s+are|i\s+(?:live|work|teach|study)|we\s+(?:live|work)|greetings|"
                     r"hello|hi)(?:\s+(?!(?:whether|if|that|about|what|when|where|who|which|how|why|did|does|do|was|were|is|"
                     r"are|ace|they|it|there|curious|wondering|asking|looking|interested|trying|not|sure|going|planning|"
                     r"told|reading|writing\s+about)\b)[a-z'’-]+){0,4}?"
                     r"(?P<at>\s+(?:from|in)\s+(?:the\s+)?(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*))"),
    described=frozenset({"topic", "theme", "title", "subject", "purpose", "aim", "goal", "agenda", "message", "focus",
                         "format", "role", "edition", "point", "idea", "content", "contents"}),
)
