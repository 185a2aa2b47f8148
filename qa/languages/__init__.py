"""The words a follow-up refers back with, one table a language (`en.py`, `ja.py`).

A table says, as patterns, what points at the person in focus ("she", 彼女), at the thing in focus
("it", "there", その), at the list just shown ("the third one", 第3回), at a time relative to the answer
in focus ("the month before", 翌月), at more of the same ("what else", ほかに), and what makes a question
elliptical ("and in 2019?", 2017年は？). `qa/conversing.py` reads them; a new language is a new table.
Left out: inflection and agreement (a pattern matches words as written).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Relative:
    """A time named relative to the answer in focus: `kind` is one of same, next, previous, later,
    earlier, after, before, earlier in, later in, around (either side), during (its own days), between (the last two answers); `unit` one of day, week, month, year (or None: the
    unit in the words); `named`: only when a thing it counts from follows ("right after the C20 summit")."""

    pattern: re.Pattern
    kind: str
    unit: str | None = None
    named: bool = False


@dataclass(frozen=True)
class Words:
    code: str  # "en", "ja"
    person: re.Pattern  # the person in focus
    thing: re.Pattern  # the thing, event or place in focus
    event: re.Pattern  # a name of an event (a forum, a meeting, 会議): it does not act
    agent: re.Pattern  # the pronoun does something ("did they organise"): an actor, not an event
    more: re.Pattern  # "what else": the same focus, other passages
    ellipsis: re.Pattern  # the previous question with one slot replaced
    relative: tuple[Relative, ...]  # checked in order; the first that matches counts
    ordinal: re.Pattern  # group "n": a number or an ordinal word; "the last one" -> "last"
    ordinals: dict[str, int]  # ordinal words -> their number; "last" -> -1
    units: dict[str, str]  # a unit as written -> day | week | month | year
    numbers: dict[str, int]  # number words -> their value
    question: re.Pattern  # the question words (who, when, 誰, いつ…): not a subject
    asks_person: re.Pattern  # a question whose answer is a person ("who is …", 誰)
    asks_count: re.Pattern  # a question whose answer is a number ("how many", 何人)
    asks_date: re.Pattern  # a question whose answer is a date ("when", いつ)
    asks_day: re.Pattern  # ... to the day or month ("on what date", 何日)
    person_name: re.Pattern  # what a person's name looks like in a passage
    month: re.Pattern  # a month named without its year ("in June", 6月): group "m", a name or a number
    months: dict[str, int]  # month names -> their number
    unknown_word_is_subject: bool  # a word no passage uses makes a question its own ("treasurer"; not 始まる)
    names: Callable[[str], list[tuple[str, str]]]  # (name, kind) in a text, kind "person" or "thing"
    label: Callable[[str], str]  # what a dated entry's text is about, as a short name
    onward: re.Pattern | None = None  # before a month or season: the next one after the answer ("the following January")
    backward: re.Pattern | None = None  # ... the one before it ("the previous summer")
    onward_after: re.Pattern | None = None  # after it, the same ("the January after")
    backward_after: re.Pattern | None = None  # ... ("the November before")
    any_time: re.Pattern = re.compile(r"(?!)")  # a question of any time ("has she ever …"): no period carried
    born: re.Pattern = re.compile(r"(?!)")  # a birth ("born 5 February 1945", "when was she born?")
    again: re.Pattern = re.compile(r"(?!)")  # at any later time, not the next thing ("again later")
    attribute_asked: re.Pattern = re.compile(r"(?!)")  # "what is the population of …": group "a", the property asked
    titled_kind: re.Pattern = re.compile(r"(?!)")  # a kind whose names say it ("… University", "… School")
    occasion: re.Pattern = re.compile(r"(?!)")  # right after an ordinal, "time" ("the second time"): the n-th occasion
    done: re.Pattern = re.compile(r"(?!)")  # the question's verb after its subject ("did we attend"): what is done, not
    #                                        a word that picks which one ("… with his foundation")
    who_acts: re.Pattern = re.compile(r"(?!)")  # "who" as the one acting ("who gave …"), not its object ("who did … meet")
    both: re.Pattern = re.compile(r"(?!)")  # "after those two", "before both": from the later (earlier) of the last two answers
    site_kind: re.Pattern = re.compile(r"(?!)")  # "which building", "which hotel": named by the word ("Hotel New Ohtani")
    gathering: re.Pattern = re.compile(r"(?!)")  # a word for a meeting of people ("conference", "forum")
    asks_presence: re.Pattern = re.compile(r"(?!)")  # "did Tomoko Shiroki go to …?": group "who" (or "who2"), whom it asks of
    named_kind: re.Pattern = re.compile(r"(?!)")  # a kind any proper name or title may answer ("which body", "which document")
    proper: re.Pattern = re.compile(r"(?!)")  # a word that names someone or something (group 1): "Keidanren", "UNICEF"
    between_two: re.Pattern = re.compile(r"(?!)")  # "between the first and the second one": groups a and b, two items
    definite: re.Pattern = re.compile(r"(?!)")  # an event the question names itself ("the seminar"): a bare "it" after it is that
    same_as: re.Pattern = re.compile(r"(?!)")  # right after a relative time: what it counts from, group "x" ("… as the Osaka declaration")
    named_anchor: re.Pattern = re.compile(r"(?!)")  # right after "after"/"before": the thing it counts from, group "x" ("… the pledge")
    anchor_before: re.Pattern = re.compile(r"(?!)")  # right before a relative time, the same (誓約の翌月: 誓約)
    acting: re.Pattern = re.compile(r"(?!)")  # right after "after"/"before", a clause of the one in focus ("… they handed
    #                                                      the signatures over"): group "x", what it names besides them
    one: re.Pattern = re.compile(r"(?!)")  # a word for one of the kind in focus ("the most recent one"): no subject of its own
    cleft: re.Pattern = re.compile(r"(?!)")  # group "x": an "it" that points at nothing ("is it the network that collects them?")
    existential: re.Pattern = re.compile(r"(?!)")  # group "x": a "there" that points at nothing ("how many were there?")
    counts_heads: re.Pattern = re.compile(r"(?!)")  # "how many people came?": a head count no list of entries makes up
    predecessor: re.Pattern = re.compile(r"(?!)")  # group "who": "who was president before Yuka Iwatsuki?"
    succession: re.Pattern = re.compile(r"(?!)")  # words telling who held a post before or after whom
    own_clause: re.Pattern = re.compile(r"(?!)")  # group "x": a "that" of the question's own clause ("who did he marry,
    #                                                and what year was that?")
    among: re.Pattern = re.compile(r"(?!)")  # picking from the list just shown ("of the three", それらのうち); group "n": how many
    besides: re.Pattern = re.compile(r"(?!)")  # group "x": a thing the question leaves out ("besides the Geneva forum")
    # group "dir" (above/below, or 上/下), "n" how many ("two above"), "x" the entry it counts from when named:
    # "the entry just above it", "the one directly below the signatures entry": a place in the document's list
    on_page: re.Pattern = re.compile(r"(?!)")
    below: re.Pattern = re.compile(r"(?!)")  # the word of on_page's "dir" that means later in the document
    month_of: re.Pattern = re.compile(r"(?!)")  # group "after" or "before": "the month after June", just before the month
    too: re.Pattern = re.compile(r"(?!)")  # group "w": "any international orgs too?", the last question of more things
    not_there: re.Pattern = re.compile(r"(?!)")  # words before a place it was not ("somewhere outside Tokyo"): no subject
    another_one: re.Pattern = re.compile(r"(?!)")  # "an earlier one", "any other ones": one of the kind the last question asked
    topic_first: re.Pattern = re.compile(r"(?!)")  # group "x": a question that opens with its subject ("and the pledge, when was that?")
    back_to: re.Pattern | None = None  # a return to an earlier subject, group "x" ("back to the forum: …")
    pronoun: re.Pattern = re.compile(r"(?!)")  # the thing in focus said by a bare pronoun ("it", "they"), not "that theme" or "there"
    place: re.Pattern = re.compile(r"(?!)")  # a reference to a place ("there", そこ): never a person
    place_in: re.Pattern = re.compile(r"(?!)")  # group "x": the place in an event's name ("… in the Diet Member's Building")
    group: re.Pattern = re.compile(r"(?!)")  # a reference to many ("they", 彼ら): never the one person in focus
    plural: re.Pattern = re.compile(r"(?!)")  # a reference to many ("those dialogs", それら): a series, not one of it
    pair: re.Pattern = re.compile(r"(?!)")  # the people the answer names, two or more ("those two", 二人)
    asks_money: re.Pattern = re.compile(r"(?!)")  # a question whose answer is a sum of money ("what budget", 費用)
    asks_duration: re.Pattern = re.compile(r"(?!)")  # ... a length of time ("how long", 何年間)
    asks_name: re.Pattern = re.compile(r"(?!)")  # ... a name, which a role does not give ("the name of …", 名前)
    asks_age: re.Pattern = re.compile(r"(?!)")  # ... someone's age ("how old", 何歳)
    age_at: re.Pattern = re.compile(r"(?!)")  # ... at an event ("how old was he when …", 何歳の時): its date tells it
    asks_payer: re.Pattern = re.compile(r"(?!)")  # who paid or sponsored something: the passage must tell of funding
    asks_owner: re.Pattern = re.compile(r"(?!)")  # "whose campaign?": a person or an organisation answers it
    asks_anyone: re.Pattern = re.compile(r"(?!)")  # "who came?", "who was it addressed to?": a body answers it too
    asks_wording: re.Pattern = re.compile(r"(?!)")  # its exact words ("the exact wording", "quote"): the passage must quote
    asks_response: re.Pattern = re.compile(r"(?!)")  # how another answered, or what came of it ("what did the minister say")
    asks_list: re.Pattern = re.compile(r"(?!)")  # group "n": all of a number of things by name ("list all twelve")
    response: re.Pattern = re.compile(r"(?!)")  # a passage that reports an answer or a result ("adopted", 盛り込まれた)
    asks_talk: re.Pattern = re.compile(r"(?!)")  # what someone presented or said at an event ("what did ACE present at …")
    talk: re.Pattern = re.compile(r"(?!)")  # a passage that reports a talk ("presented", "a session", "spoke")
    asks_title: re.Pattern = re.compile(r"(?!)")  # the title of something ("what was the seminar called?")
    title: re.Pattern = re.compile(r"(?!)")  # a title in a passage: quoted, or words capitalised as a name
    speaker: re.Pattern = re.compile(r"(?!)")  # a remark of the speaker on themselves ("Hi, I'm new here.")
    predicate: re.Pattern = re.compile(r"(?!)")  # a subject and its verb ("we were there"): a question of its own
    interjection: re.Pattern = re.compile(r"(?!)")  # a reaction before the question ("lovely, and then …"): asks nothing
    afterthought: re.Pattern = re.compile(r"(?!)")  # a filler ending it (", I mean", "you know?"): names nothing
    other_kind: re.Pattern = re.compile(r"(?!)")  # "any other gatherings": another event, besides the answer
    aside: re.Pattern = re.compile(r"(?!)")  # a remark inside it (", as I understand it,"): names nothing
    asks_place: re.Pattern = re.compile(r"(?!)")  # where an event was held ("where was it held", "which venue", 会場)
    asks_any: re.Pattern = re.compile(r"(?!)")  # whether anything of a kind happened ("did we submit any comments …")
    asks_whether: re.Pattern = re.compile(r"(?!)")  # a yes/no question of what was done ("did we attend …", 参加しましたか)
    asks_record: re.Pattern = re.compile(r"(?!)")  # what was done in a period ("what did we do then", "list our activities", 活動)
    asks_ever: re.Pattern = re.compile(r"(?!)")  # whether something was done at all ("did he come to Japan …"): not what
    either_way: re.Pattern = re.compile(r"(?!)")  # a choice of two times ("before the summit or after?")
    wh: re.Pattern = re.compile(r"(?!)")  # a question word ("what", "how"): the clause asks what, not whether
    variants: dict = field(default_factory=dict)  # a word -> its plainer or other-spelt words ("kid": "child")
    counts: dict = field(default_factory=dict)  # small numbers in words ("two": 2, 二: 2): "two above that one"
    variant_endings: tuple = ()  # endings spelt two ways ("our"/"or": "labour", "labor")
    several: re.Pattern = re.compile(r"(?!)")  # a reference to more than one thing ("these", "them", それら)
    idioms: re.Pattern = re.compile(r"(?!)")  # phrases that sound like a reference but are none ("in the first place")
    vocative: re.Pattern = re.compile(r"(?!)")  # the one asked, addressed ("thank you dear."): no word of the question
    chore: re.Pattern = re.compile(r"(?!)")  # a task or a fact of today, not a question of the documents ("translate …")
    holidays: frozenset[str] = frozenset()  # days named by their feast ("Christmas"): a time, not a name to find
    about_record: re.Pattern = re.compile(r"(?!)")  # the documents themselves ("does the record say", 記録では): asks nothing
    purpose: re.Pattern = re.compile(r"(?!)")  # the asker's own use of the answer ("for our KYC file:"): names nothing
    yes_no: re.Pattern = re.compile(r"(?!)")  # a clause that asks whether ("is ACE a member …?"), as a question word does
    checks_claim: re.Pattern = re.compile(r"(?!)")  # a claim put to be confirmed or corrected ("… in Osaka, right?")
    asks_action: re.Pattern = re.compile(r"(?!)")  # a question whose answer is something done ("what did ACE do at …")
    asks_kind: re.Pattern = re.compile(r"(?!)")  # group "kind": the kind of thing asked for ("which hotel …")
    introduced: re.Pattern = re.compile(r"(?!)")  # a new thing a question brings in, which a later "that one" points
    #                                                back at ("he won another competition … which building was that one for?")
    told_later: re.Pattern = re.compile(r"(?!)")  # a passage's time counted on from its last date ("The following
    #                                               year he …"): group "n" (none: one) and "unit" (a key of `units`)
    asks_office: re.Pattern = re.compile(r"(?!)")  # group "kind": a person asked for by office ("which State Minister …")
    # the sex a pronoun for a person tells ("she": "f"): of two people in a conversation, the one it can mean
    gender: dict[str, str] = field(default_factory=dict)
    # a preposition just before a name ("the partnership with Mr. Brunner"): the name is its object, no subject that
    # a later "he" of the same question points at while someone else is in focus
    object_of: re.Pattern = re.compile(r"(?!)")
    # group "n": an ordinal after a possessive ("its first president"), which may pick from a list its heading names
    owned_ordinal: re.Pattern = re.compile(r"(?!)")
    # group "x": a noun named with "the" ("the official's position"), which points back when the last question said it
    article: re.Pattern = re.compile(r"(?!)")
    kind_of_reference: re.Pattern = re.compile(r"(?!)")  # group "kind": "which documentary was that?" -> documentary
    place_kind: re.Pattern = re.compile(r"(?!)")  # a kind that is a place ("city"): a place's name answers it
    office_kind: re.Pattern = re.compile(r"(?!)")  # a kind that is a role held ("position"): "as Board Member" answers it
    person_kind: re.Pattern = re.compile(r"(?!)")  # a kind that is a person ("which official"): a person's name does
    reflexive: re.Pattern = re.compile(r"(?!)")  # a person word that points back within its sentence ("himself")
    other_one: re.Pattern = re.compile(r"(?!)")  # the one of those compared that is not the answer ("the other one")
    one_of: re.Pattern = re.compile(r"(?!)")  # group "x": the one just shown that x describes ("the geneva one")
    comparison: re.Pattern = re.compile(r"(?!)")  # group "x": "was that before the Geneva forum?", a yes/no on order
    clause: re.Pattern = re.compile(r"(?!)")  # words after "two years later" that say what happened, naming no thing
    comparative: re.Pattern = re.compile(r"(?!)")  # group "c": one of the two just shown by date or order ("the later one")
    comparatives: dict[str, str] = field(default_factory=dict)  # its word -> latest | earliest | first | last
    numbered: re.Pattern = re.compile(r"(?!)")  # group "n": an edition written as a number, not a word (第3回)
    which_first: re.Pattern = re.compile(r"(?!)")  # "which came first, that or the Matsuyama dialogue?": groups a, b, w
    which_way: dict[str, str] = field(default_factory=dict)  # its word w -> earliest | latest
    happens: re.Pattern = re.compile(r"(?!)")  # the reference is something that takes place ("was it held"): an event
    said: dict[str, str] = field(default_factory=dict)  # the words of the notes: "about", "period", …
    slips: dict[str, str] = field(default_factory=dict)  # small words as chat often types them: "wat" -> "what"
    stop: frozenset[str] = field(default_factory=frozenset)  # words that name nothing
    attribute: frozenset[str] = frozenset()  # a property of what is in focus ("the topic", "the venue"), not a subject
    described: frozenset[str] = frozenset()  # of those, one a passage tells without its word ("the subject of the statement")
    relative_that: re.Pattern = re.compile(r"(?!)")  # ends where "that" relates or grades, not points: "a ship that famous"
    # group "at": where the asker says they are ("I'm a journalist from Lima", "Greetings from Nairobi"): no place a
    # passage must name
    asker: re.Pattern = re.compile(r"(?!)")
    # an aside in brackets about the asker ("(sorry, our editor insists)", "(don't ask, it's an elective)"), not one
    # about what is asked ("(the Iowa congressman)", "(March to May)")
    bracketed: re.Pattern = re.compile(r"(?!)")
    since_when: re.Pattern = re.compile(r"(?!)")  # asks since when a state has held ("since what year is she president?")
    started: re.Pattern = re.compile(r"(?!)")  # words telling when a state began ("became", "was elected", "since 2004")

    def mend(self, text: str) -> str:
        """The text with the table's slips of small words put right ("wat about 1959" -> "what about 1959"),
        and its idioms that only sound like references blanked ("in the first place": no first one)."""
        text = self.idioms.sub(lambda m: " " * len(m.group(0)), text)
        if not self.slips:
            return text
        return _slips_pattern(tuple(self.slips)).sub(lambda m: self.slips[m.group(0)], text)

    def without_asides(self, text: str) -> str:
        """The text without the asker's asides in brackets (`bracketed`), which a search would match and a check of
        the names asked would read ("(I am comparing Japanese and Italian CSR events)": no Italian event asked)."""
        bare = self.bracketed.sub(" ", text)
        return " ".join(bare.split()) if bare != text and bare.strip() else text

    def unaddressed(self, text: str) -> str:
        """The text without the words that address the one asked ("hello dear, who is …", "which month, dear?"),
        which a search would match ("DEAR", an organisation's acronym)."""
        bare = self.vocative.sub("\0", text)
        if bare == text:
            return text
        # with the comma that set it off: "which month, dear?" -> "which month?"; "Dear, is …" -> "is …"
        bare = re.sub(r"^\W*\0\s*(?:[,.!;:]+|[-–—])?|\s*,?\s*\0(?=\s*(?:[,.!?;:]|$))", "", bare)
        return " ".join(bare.replace("\0", " ").split())

    def number(self, text: str) -> int | None:
        """ "3" -> 3, "third" -> 3, "三" -> 3, "last" -> -1."""
        text = text.lower().strip()
        if text.isdigit():
            return int(text)
        text = re.sub(r"(?:st|nd|rd|th)$", "", text) if text[:1].isdigit() else text
        if text.isdigit():
            return int(text)
        return self.ordinals.get(text, self.numbers.get(text))


@functools.cache
def _slips_pattern(slips: tuple[str, ...]) -> re.Pattern:
    """The table's slips as one pattern of whole words, made once."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, slips)) + r")\b")


def words_for(text: str) -> Words:
    """The table for the language `text` is written in: Japanese when it has kana or kanji."""
    return table("ja" if re.search(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]", text) else "en")


def table(code: str) -> Words:
    """The table of a language by its code ("en", "ja")."""
    from . import en, ja

    return {"en": en.WORDS, "ja": ja.WORDS}[code]
