"""Keyword retrieval: a BM25 index (the `bm25s` library) over the same texts as the vectors.

Dense vectors miss exact names, acronyms and numbers ("CLCCG", "JNATIP", "70 thousand");
BM25 catches them. Texts are lower-cased, stripped of English stop words and stemmed
(Snowball, via PyStemmer) so "signatures" finds "signature". Japanese, written without spaces,
is cut into words by a morphological analyser (SudachiPy with its core dictionary, short
units) and each word is indexed by its normalised form, without particles, auxiliaries and
symbols; a text or question may mix both languages. An acronym the documents never use is read
as the name it abbreviates when they have one ("HLPF" -> "High Level Political Forum"), and a word
they never use as the word of theirs it is a typing slip of ("presnt" -> "present", by the
`rapidfuzz` library's edit distance), and a katakana word they never use as the longer one of theirs
it clips ("パブコメ" -> "パブリックコメント"); a word is searched with the spelling or plainer word they use
more, from the language's table ("labor" -> "labour", "kid" -> "child"). Left out: phrase queries.
"""

from __future__ import annotations

import itertools
import math
import re
from array import array
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path

import bm25s
import numpy as np
import Stemmer
from bm25s.stopwords import STOPWORDS_EN
from bm25s.tokenization import Tokenized

K1, B = 1.2, 0.5  # BM25 term saturation and length normalisation (b below the usual 0.75: see docs/design.md)
TOKENIZER = f"bm25s regex, lower, stopwords=en, snowball-english, sudachi-A for Japanese (TICAD7 also TICAD, 7); k1={K1} b={B}"  # in the manifest
_stemmer = Stemmer.Stemmer("english")


_WORD = re.compile(r"(?u)\b\w\w+\b")  # bm25s's own token pattern
_STOP = frozenset(STOPWORDS_EN)
_NO_WORD = "\x00"  # not a \w character: no question's terms include it
_TERM_OF: dict[str, str] = {}  # word -> its term ("" for a stop word): stemming is most of highlighting's cost
_TERMS_KEPT = 200_000  # words remembered before the memo starts over


_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_JA_SKIPPED = ("助詞", "助動詞", "補助記号", "記号", "空白")  # particles, auxiliaries, symbols
_sudachi = None


def _japanese_terms(word: str) -> list[str]:
    """The words of a run of Japanese (with any digits or Latin letters in it), normalised."""
    global _sudachi
    if _sudachi is None:
        from sudachipy import Dictionary, SplitMode

        _sudachi = Dictionary(dict="core").tokenizer(mode=SplitMode.A)
    out = []
    for m in _sudachi.tokenize(word):
        if m.part_of_speech()[0] in _JA_SKIPPED:
            continue
        term = m.normalized_form().lower()
        if len(term) > 1 or _JAPANESE.match(term) and not re.match(r"[\u3040-\u309f]", term):  # no lone kana
            out.append(term)
            mixed = re.fullmatch(r"([a-z]+)(\d+)|(\d+)([a-z]+)", term)  # "ticad7": "ticad" and "7" too
            if mixed:
                out += [part for part in mixed.groups() if part]
    return out


def japanese_nouns(text: str) -> list[str]:
    """The nouns of a Japanese text, normalised (成果, 報告; not やる, もう, どういう): what a question names,
    where its verbs and adverbs are the chat's own ("もうやりました？")."""
    _japanese_terms("")  # the analyser, made once
    return [m.normalized_form().lower() for m in _sudachi.tokenize(text)
            if m.part_of_speech()[0] == "名詞" and m.part_of_speech()[1] != "数詞"]


def japanese_names(text: str) -> list[str]:
    """The names of places and people in a Japanese text, normalised (大阪, 岸田)."""
    _japanese_terms("")
    return [m.normalized_form().lower() for m in _sudachi.tokenize(text)
            if m.part_of_speech()[1] == "固有名詞" and m.part_of_speech()[2] in ("地名", "人名")]


def terms(text: str) -> list[str]:
    """The index terms of one text in order, as bm25s's tokenizer makes them, without its per-call set-up.

    >>> terms("The signatures were submitted to the Ministry")
    ['signatur', 'were', 'submit', 'ministri']
    >>> terms("児童労働について")
    ['児童', '労働', 'つく']
    """
    if not _JAPANESE.search(text):  # the common case, in C word by word: each word's term from the memo
        words = _WORD.findall(text.lower())
        found = list(map(_TERM_OF.get, words))
        if None in found:
            found = [_term(w) for w in words]
        return list(filter(None, found))
    found = []
    for word in _WORD.findall(text.lower()):
        term = _term(word)
        if "\x1f" in term:
            found += term.split("\x1f")
        elif term:
            found.append(term)
            mixed = re.fullmatch(r"([a-z]+)(\d+)", word)
            if mixed:  # in Japanese text "TICAD7" is also "TICAD": a question writes it without the number
                found += [mixed.group(1), mixed.group(2)]
    return found


def _term(word: str) -> str:
    """A word's term: its stem, "" for a stop word, a Japanese word's terms joined by a unit separator; remembered."""
    term = _TERM_OF.get(word)
    if term is None:
        if len(_TERM_OF) >= _TERMS_KEPT:
            _TERM_OF.clear()
        if _JAPANESE.search(word):
            term = "\x1f".join(_japanese_terms(word))
        else:
            term = "" if word in _STOP else _stemmer.stemWord(word)
        _TERM_OF[word] = term
    return term


KIN = 5  # letters: a term opening with another term this long, and at most 3 letters longer, is of its family


def kin(term: str, other: str) -> bool:
    """Whether `term` is of the same family as `other`, its stem opening with the other's ("attendees": "attended").

    >>> kin(terms("attendees")[0], terms("attended")[0]), kin(terms("treasurer")[0], terms("treasury")[0])
    (True, False)
    """
    return len(other) >= KIN and len(term) - len(other) <= 3 and term.startswith(other)


def words(text: str) -> set[str]:
    """The distinct index terms of one text."""
    return set(terms(text))


_CAPITALISED = re.compile(r"[A-Z][a-z]+(?:(?:[ -]|,\s)(?:(?:of|on|and|for|the|in|to|against)\s+)*[A-Z][a-z]+)+")
_ACRONYM = re.compile(r"\b([A-Z]{3,6})s?\b")  # two letters ("OK", "IT") are words as often


def acronyms(texts) -> dict[str, str]:
    """Initials -> the capitalised name they abbreviate, from the texts (the name written most often
    wins): "High Level Political Forum" gives HLPF.

    >>> acronyms(["Participated in the High Level Political Forum 2019 in New York"])["HLPF"]
    'High Level Political Forum'
    """
    counts: dict[str, dict[str, int]] = {}
    for text in texts:
        for m in _CAPITALISED.finditer(text):
            words = re.split(r",?[ -]+", m.group(0))
            caps = [n for n, w in enumerate(words) if w[:1].isupper()]
            for a in caps:  # every run of its capitalised words, connectors kept inside
                for b in caps:
                    if b - a >= 1:
                        name = " ".join(words[a:b + 1])
                        key = "".join(w[0] for w in words[a:b + 1] if w[:1].isupper())
                        if 2 <= len(key) <= 6:
                            names = counts.setdefault(key, {})
                            names[name] = names.get(name, 0) + 1
    return {key: max(names, key=names.get) for key, names in counts.items()}


def expand_acronyms(question: str, frequency, known) -> str:
    """The question with each acronym no passage uses followed by the name it abbreviates, when
    the documents spell one out ("at the HLPF" -> "at the HLPF High Level Political Forum");
    `known()` gives the initials' names (made only when a question has such an acronym)."""
    def spelled(m: re.Match) -> str:
        used = [frequency(t) for t in terms(m.group(1))]
        name = known().get(m.group(1)) if used and not any(used) else None
        return f"{m.group(0)} {name}" if name else m.group(0)
    return _ACRONYM.sub(spelled, question)


_WORD_OF = re.compile(r"[a-z]+(?:'[a-z]+)?")
NAME_SLIP = 5  # a capitalised word of at least this many letters, unknown to the model too, may be a name mistyped
SLIP = {4: 1}  # a word of at least this many letters may be this many edits from the one meant (two edits
#               made "Leninist" "feminist" and "possessor" "possession" in TimeQA's questions)


def vocabulary(texts) -> dict[str, dict[str, int]]:
    """Each lower-case word of the texts (three letters or more) -> how many times they use it, by its
    first letter (a slip is sought among the words that begin like it: a 26th of them)."""
    counts: dict[str, dict[str, int]] = {}
    for text in texts:
        for w in _WORD_OF.findall(text.lower()):
            if len(w) >= 3:
                bucket = counts.setdefault(w[0], {})
                bucket[w] = bucket.get(w, 0) + 1
    return counts


_STEMS: dict[int, tuple[dict, dict[str, str]]] = {}  # a vocabulary's words by their stems, per vocabulary


def _stems(vocab: dict[str, int]) -> dict[str, str]:
    """Each stem of a vocabulary's words -> its most used word, made once per vocabulary."""
    kept = _STEMS.get(id(vocab))
    if kept is None or kept[0] is not vocab:
        if len(_STEMS) > 256:
            _STEMS.clear()
        kept = _STEMS[id(vocab)] = (vocab, {t[0]: w for w in sorted(vocab, key=vocab.get) if (t := terms(w))})
    return kept[1]


def corrected(question: str, frequency, known, english: frozenset[str], lowercase=None) -> str:
    """The question with each lower-case English word the documents never use (its stem neither) replaced by
    the most used of their words nearest to it in edits, when one is near enough (SLIP): "wat did
    yuka iwatsuki presnt to the prime minster" -> "… present to the prime minister"; a capitalised word
    the model does not know either, likewise, by a word the documents write only capitalised
    (`lowercase()`: the words they write in lower case): "Chicgo Stadium" -> "Chicago Stadium". `known()` gives
    the documents' words (made only when a question has such a word); a word of `english` (the
    model's whole words: "weather", "kindly") is never a slip, and without them nothing is changed.

    >>> words = vocabulary(["present present present presented minister summit whether working"])
    >>> corrected("wat did she presnt to the prime minster at the sumit? weather? wording?", lambda t: 0, lambda: words,
    ...           frozenset({"wat", "did", "she", "to", "the", "prime", "at", "weather", "word"}))
    'wat did she present to the prime minister at the summit? weather? wording?'
    """
    if not english:
        return question
    from rapidfuzz import process
    from rapidfuzz.distance import DamerauLevenshtein

    def fixed(word: str) -> str:
        if word[:1].isupper() and word[1:].islower() and len(word) >= NAME_SLIP and word.lower() not in english \
                and lowercase is not None:
            mended = fixed(word.lower())  # "Chicgo", "Abijan": a name the documents spell, which they never
            names = mended != word.lower() and mended not in lowercase()  # write in lower case ("labor")
            return mended.capitalize() if names else word
        if not word.islower():  # an acronym ("HLPF": see expand_acronyms), a name written in capitals
            return word
        allowed = max((n for size, n in SLIP.items() if len(word) >= size), default=0)
        stems = terms(word)
        if not allowed or not stems or word in english or _derived(word, english) or any(frequency(t) for t in stems):
            return word
        vocab = known().get(word[0], {})
        if word in vocab:
            return word
        near = process.extract(word, vocab.keys(), scorer=DamerauLevenshtein.distance,
                               score_cutoff=allowed, limit=20)
        near = [(w, score) for w, score, _ in near if terms(w)]  # a slip of "which" for "with" changes nothing
        if not near:  # "coment": one edit from the stem of "comments", two from the word
            stem = _stems(vocab)
            near = [(stem[t], score) for t, score, _ in process.extract(
                stems[0], stem.keys(), scorer=DamerauLevenshtein.distance, score_cutoff=allowed, limit=20)]
        if not near:
            return word
        best = min(score for _, score in near)
        return max((w for w, score in near if score == best), key=vocab.get)
    return re.sub(r"(?<![\w'])[A-Za-z]+(?![\w'])", lambda m: fixed(m.group(0)), question)


_SUFFIX = re.compile(r"(?:ing|ings|ed|es|s|er|ers|ly|ness|ment|ments|ion|ions|able)$")


def _derived(word: str, english: frozenset[str]) -> bool:
    """Whether a word is one of `english` with an ending ("wording": "word"), which is no slip either."""
    m = _SUFFIX.search(word)
    base = word[:m.start()] if m else ""
    return len(base) >= 3 and (base in english or f"{base}e" in english or base[-1:] == base[-2:-1] and base[:-1] in english)


def spaced(question: str, frequency) -> str:
    """The question with a name joined to its number ("TICAD7", "cop26") written apart when the documents
    never write it joined but use its letters ("TICAD"); "G20", which they write, stays.

    >>> spaced("What did ACE do at TICAD7 and the G20?", {"ticad": 3, "g20": 5}.get)
    'What did ACE do at TICAD 7 and the G20?'
    """
    def apart(m: re.Match) -> str:
        if any(frequency(t) for t in terms(m.group(0))) or not all(frequency(t) for t in terms(m.group(1))):
            return m.group(0)
        return f"{m.group(1)} {m.group(2)}"
    return re.sub(r"(?<![\w'])([A-Za-z]{2,})(\d{1,3})(?![\w'])", apart, question)


def spelled_alike(question: str, frequency, variants: Mapping[str, tuple[str, ...]],
                  endings: tuple[tuple[str, str], ...]) -> str:
    """The question with, after each word, its other spelling or plainer word that the documents use
    more than they use it ("labor" -> "labor labour", "kid" -> "kid child", "organize" -> "organize
    organise"): `variants` gives whole words, `endings` pairs of endings spelt either way.

    >>> used = {"labour": 9, "labor": 1, "child": 7}.get
    >>> spelled_alike("the US dept of labor and a kid", lambda t: used(t, 0), {"kid": ("child",)}, (("or", "our"),))
    'the US dept of labor labour and a kid child'
    """
    def used(word: str) -> int:
        return max((frequency(t) for t in terms(word)), default=0)

    def alike(m: re.Match) -> str:
        word = m.group(0)
        low = word.lower()
        others = list(variants.get(low, ()))
        for a, b in endings:
            for x, y in ((a, b), (b, a)):
                if low.endswith(x) and len(low) > len(x) + 2:
                    others.append(low[:-len(x)] + y)
        said = used(low)
        better = [o for o in dict.fromkeys(others) if o != low and used(o) > said]
        return " ".join([word, *better])
    return re.sub(r"(?<![\w'])[A-Za-z]+(?![\w'])", alike, question)


_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")


def katakana_runs(texts) -> dict[str, int]:
    """Each run of katakana in the texts ("パブリックコメント") -> how many times they write it."""
    counts: dict[str, int] = {}
    for text in texts:
        for w in _KATAKANA.findall(text):
            counts[w] = counts.get(w, 0) + 1
    return counts


def _clips(short: str, long: str) -> bool:
    """Whether `short` is `long` clipped as Japanese clips loanwords: its start ("コンビニ" of
    コンビニエンスストア), or the starts of two of its parts ("パブコメ" of パブリックコメント)."""
    if len(short) >= len(long):
        return False
    if len(short) >= 3 and long.startswith(short):
        return True
    return any(long.startswith(short[:k]) and long.find(short[k:], k + 1) > k
               for k in range(2, len(short) - 1))


CLIPPED_WORDS, CLIPPED_MAX = 4, 12  # katakana words of a question looked up at most, and their longest


def expand_clipped(question: str, frequency, known) -> str:
    """The question with each katakana word the documents never use followed by the longer word of
    theirs it clips, when there is one (the most written wins): "パブコメ" -> "パブコメ パブリックコメント";
    `known()` gives the documents' katakana runs (made only when a question has such a word).

    >>> expand_clipped("パブコメはいつ？", lambda t: 0, lambda: {"パブリックコメント": 3, "パブリック": 1})
    'パブコメ パブリックコメントはいつ？'
    """
    looked = [0]

    def spelled(m: re.Match) -> str:
        word = m.group(0)
        if len(word) > CLIPPED_MAX or looked[0] >= CLIPPED_WORDS:  # a question of katakana runs: bounded work
            return word
        looked[0] += 1
        runs = known()
        if word in runs or any(word in w for w in runs) or any(frequency(t) for t in terms(word)):
            return word
        clipped = [(n, w) for w, n in runs.items() if _clips(word, w)]
        return f"{word} {max(clipped)[1]}" if clipped else word
    return _KATAKANA.sub(spelled, question)


def _lucene(ids: np.ndarray, lengths: np.ndarray, n_terms: int) -> dict:
    """bm25s's score matrix (Lucene's BM25, as `bm25s.BM25.index` makes it: a column a term, its rows
    the texts that hold it in order) from every text's term ids end to end, in whole arrays instead
    of a loop a text. Each figure is computed as bm25s computes it, so the scores are the same bits."""
    n = len(lengths)
    pairs, tf = np.unique(ids.astype(np.int64) * n + np.repeat(np.arange(n), lengths), return_counts=True)
    term, row = np.divmod(pairs, n)
    df = np.bincount(term, minlength=n_terms)
    idf = np.array([math.log(1 + (n - d + 0.5) / (d + 0.5)) for d in df.tolist()], np.float32)
    tf = tf.astype(np.float32)
    norm = K1 * ((1 - B) + B * lengths[row] / (lengths.mean() if n else 1.0))
    indptr = np.zeros(n_terms + 1, np.int64)
    np.cumsum(df, out=indptr[1:])
    return {"data": (idf[term] * (tf / (norm + tf))).astype(np.float32), "indices": row.astype(np.int32),
            "indptr": indptr, "num_docs": n}


class _BM25(bm25s.BM25):
    """bm25s's BM25, its index made by `_lucene` from the texts' term ids end to end (`build` passes
    them as a pair of arrays where bm25s takes a list a text)."""

    def build_index_from_ids(self, unique_token_ids, corpus_token_ids, show_progress=True, leave_progress=False):
        self.nonoccurrence_array = None  # Lucene's BM25 has none
        return _lucene(*corpus_token_ids, len(unique_token_ids))


APART_FROM = 20_000  # texts from which the index is built in another process (starting one takes about a second)


class KeywordIndex:
    def __init__(self, retriever: bm25s.BM25, size: int):
        self.retriever = retriever
        self.size = size

    @classmethod
    def build(cls, texts: Sequence[str]) -> KeywordIndex:
        vocab: defaultdict[str, int] = defaultdict(itertools.count().__next__)  # a term's id: the next one when new
        ids, lengths = array("i"), array("i")
        for text in texts:
            found = terms(text)
            ids.extend(map(vocab.__getitem__, found))
            lengths.append(len(found))
        if not ids:  # no text has a word to index: one term no question can contain
            vocab, ids, lengths = {_NO_WORD: 0}, array("i", [0] * len(lengths)), array("i", [1] * len(lengths))
        retriever = _BM25(k1=K1, b=B, method="lucene")
        ids_of = (np.frombuffer(ids, np.int32), np.frombuffer(lengths, np.int32))
        retriever.index(Tokenized(ids=ids_of, vocab=dict(vocab)), show_progress=False)
        return cls(retriever, len(lengths))

    @classmethod
    def build_apart(cls, texts: Sequence[str]) -> KeywordIndex:
        """`build`, in a process of its own when there are many texts: the millions of small objects
        it makes and drops would otherwise stay behind as this process's memory (freed, but in
        blocks the allocator can't give back), a third of a large build's peak."""
        if len(texts) < APART_FROM:
            return cls.build(texts)
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            return pool.submit(cls.build, list(texts)).result()

    def save(self, folder: Path) -> None:
        self.retriever.save(str(folder), show_progress=False, allow_pickle=False)

    @classmethod
    def load(cls, folder: Path, size: int) -> KeywordIndex:
        return cls(bm25s.BM25.load(str(folder), show_progress=False, allow_pickle=False), size)

    def scores(self, query: str) -> np.ndarray:
        """The BM25 score of every text for `query` (zeros when no query word is indexed)."""
        vocab = self.retriever.vocab_dict
        ids = [vocab[t] for t in terms(query) if t in vocab]
        if not ids:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self.retriever.get_scores_from_ids(ids), dtype=np.float32)
