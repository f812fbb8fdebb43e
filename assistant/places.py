"""Places: the province, district or commune a question asks about, and the one a passage speaks of, so that a figure
given for Mo Cay Bac is not passed off as Chau Thanh's, nor one of Hanoi's as Bac Ninh's.

Provinces come from the list of Vietnam's provinces and centrally governed cities; districts, communes and villages
from the documents themselves, wherever a place noun names them ('le district de Mo Cay Bac', 'xã Tam Thăng',
'Mo Cay Bac-distriktet'), or brackets after a commune's name name the district it lies in ('la commune de Tam Thang
(Tam Ky)'). Names are compared without diacritics, so 'Hà Tĩnh' is 'Ha Tinh'.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from vietnam_provinces import NESTED_DIVISIONS_JSON_PATH

from .languages import HONORIFICS, SURNAMES, fold, is_stopword
from .lexical import LexicalIndex

# Vietnam's 63 provinces and centrally governed cities (before the 2025 merger; the merged ones keep these names).
_PROVINCES = """
An Giang|Ba Ria Vung Tau|Bac Giang|Bac Kan|Bac Lieu|Bac Ninh|Ben Tre|Binh Dinh|Binh Duong|Binh Phuoc|Binh Thuan|Ca Mau|
Can Tho|Cao Bang|Da Nang|Dak Lak|Dak Nong|Dien Bien|Dong Nai|Dong Thap|Gia Lai|Ha Giang|Ha Nam|Ha Noi|Ha Tinh|Hai Duong|
Hai Phong|Hau Giang|Hoa Binh|Hung Yen|Khanh Hoa|Kien Giang|Kon Tum|Lai Chau|Lam Dong|Lang Son|Lao Cai|Long An|Nam Dinh|
Nghe An|Ninh Binh|Ninh Thuan|Phu Tho|Phu Yen|Quang Binh|Quang Nam|Quang Ngai|Quang Ninh|Quang Tri|Soc Trang|Son La|
Tay Ninh|Thai Binh|Thai Nguyen|Thanh Hoa|Thua Thien Hue|Tien Giang|Tra Vinh|Tuyen Quang|Vinh Long|Vinh Phuc|Yen Bai|
Ho Chi Minh City
"""
# Other spellings: joined, French, Swedish, Vietnamese. Ho Chi Minh alone is the president, Hue alone may end a
# person's name: the cities are named as such.
_CAPITAL = ("la capitale", "the capital", "huvudstaden")
_ALIASES = {
    "Hanoi": "Ha Noi", "Danang": "Da Nang", "Haiphong": "Hai Phong", "Daklak": "Dak Lak", "Dac Lac": "Dak Lak",
    "Ho Chi Minh-Ville": "Ho Chi Minh City", "Ho Chi Minh-ville": "Ho Chi Minh City",
    "Ho Chi Minh-staden": "Ho Chi Minh City", "Ho Chi Minhstaden": "Ho Chi Minh City",
    "Thanh pho Ho Chi Minh": "Ho Chi Minh City", "Thanh Pho Ho Chi Minh": "Ho Chi Minh City",
    "TP Ho Chi Minh": "Ho Chi Minh City", "TP. Ho Chi Minh": "Ho Chi Minh City", "TP.HCM": "Ho Chi Minh City",
    "TP HCM": "Ho Chi Minh City", "TPHCM": "Ho Chi Minh City", "HCMC": "Ho Chi Minh City", "Saigon": "Ho Chi Minh City",
    "Sai Gon": "Ho Chi Minh City", "Hue City": "Thua Thien Hue", "Thanh pho Hue": "Thua Thien Hue",
    "Thua Thien-Hue": "Thua Thien Hue", "Ba Ria-Vung Tau": "Ba Ria Vung Tau", "Ba Ria - Vung Tau": "Ba Ria Vung Tau",
    "Ba Ria–Vung Tau": "Ba Ria Vung Tau",
    # the people of a city for the city: 'les villages hanoïens', 'Hanoians', 'Hanoiborna'
    "hanoien": "Ha Noi", "hanoienne": "Ha Noi", "Hanoien": "Ha Noi", "Hanoienne": "Ha Noi", "Hanoian": "Ha Noi",
    "Hanoibor": "Ha Noi", "hanoibor": "Ha Noi", "Hanoiborna": "Ha Noi", "hanoiborna": "Ha Noi",
    # the capital, as the news names Hanoi: 'À Quang Nam comme dans la capitale' (not 'capital' alone, which is also
    # money, nor one of something else: see _NOT_HANOI)
    **dict.fromkeys(_CAPITAL, "Ha Noi"),
}  # fmt: skip
_THU_DO = re.compile(r"(?<!\w)[Tt]hủ đô(?!\w)")
# a capital that is not Hanoi: another's ('the capital of Quang Nam', 'la capitale économique'), or money ('the capital
# invested')
_NOT_HANOI = re.compile(
    r"(?:s|\s*(?:of|de|du|d'|des|i|(?:was\s+|were\s+|is\s+)?invest\w*|raised|economique|financiere|provinciale))\b",
    re.IGNORECASE,
)
PROVINCE = "province"
# Nouns that name a place below the province, by level, without diacritics and in lower case; a name after them (or,
# in English and Swedish, before them) is a place of that level.
LEVELS = {
    "district": ("district", "districts", "distrikt", "distriktet", "huyen", "thi xa"),
    "commune": ("commune", "communes", "kommun", "kommunen", "xa", "phuong", "ward"),
    "village": ("village", "hameau", "byn", "thon"),
}
# Vietnamese nouns stand before the name, in lower case: 'Huyen' and 'Phuong' capitalised are given names
_VIETNAMESE_NOUNS = {"huyen", "thi xa", "xa", "phuong", "thon"}
_NAME = r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){1,3}"  # Vietnamese places have two syllables or more
_NOUN = {noun: level for level, nouns in LEVELS.items() for noun in nouns}
PLACE_NOUNS = frozenset(_NOUN)
_OTHER_NOUNS = set(_NOUN) - _VIETNAMESE_NOUNS
# Capitalised words that name no place: 'New Rural communes', 'the district People's Committee'
_NOT_PLACES = {"new", "rural", "people", "people's", "committee", "council", "front", "party", "parti", "comite",
               "conseil", "union", "city", "urban"}  # fmt: skip


def _either(names: Iterable[str]) -> str:
    """A regex alternation of the names, longest first, any run of spaces between their words."""
    return "|".join(sorted((re.escape(n).replace(r"\ ", r"\s+") for n in names), key=len, reverse=True))


_AFTER_NOUN = re.compile(
    rf"(?:(?i:\b({_either(_OTHER_NOUNS)}))\s+(?:(?i:de|du|of)\s+|d')?|\b({_either(_VIETNAMESE_NOUNS)})\s+)({_NAME})"
)
# a village named by its number: 'du village 2', 'thôn 3' (a commune's villages are often numbered)
_NUMBERED = re.compile(rf"\b(?i:{_either(LEVELS['village'])})\s+(\d{{1,2}})\b(?![.,]\d)")
_BEFORE_NOUN = re.compile(rf"\b({_NAME})(?:\s+|-)(?i:({_either(_OTHER_NOUNS)}))\b")
# the place above one, in brackets after its name: 'la commune de Dien Phuoc (Dien Ban)', 'xã Tam Thăng (Tam Kỳ)'
_PARENT = re.compile(rf"[ \t]*\(({_NAME})\)")  # on the same line: not a caption's
# more names after a plural noun's first: 'les districts de Ba Vi, Thach That, Quoc Oai, My Duc et Chuong My'
_PLURALS = {"districts", "communes"}
_MORE = re.compile(rf"(?:[ \t]*,[ \t]*|[ \t]+(?:et|and|och|va)[ \t]+)({_NAME})")
_ABOVE = {"commune": "district", "village": "commune"}
_BEFORE_WORD = re.compile(r"([A-Za-z][\w'-]*)\s+$")  # the word just before a name, nothing but spaces between
_MIDDLE_NAMES = {"Van", "Thi"}  # 'Ho Van Tan' is a person, whatever a translation put before him


@dataclass(frozen=True)
class Place:
    name: str  # without diacritics, as the list or the documents write it: 'Ha Tinh', 'Mo Cay Bac'
    level: str  # 'province', 'district', 'commune' or 'village'
    said: str = field(default="", compare=False)  # as the text wrote it: 'Hà Tĩnh', 'Hanoi' (for 'Hanois')

    def __post_init__(self) -> None:
        if not self.said:
            object.__setattr__(self, "said", self.name)


def plain(text: str) -> str:
    """The text without diacritics, its case kept ('Mỏ Cày Bắc' is 'Mo Cay Bac'); one character for one."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        out.append({"đ": "d", "Đ": "D"}.get(ch, base[:1] or ch))
    return "".join(out)


@lru_cache(maxsize=1)
def _provinces() -> tuple[re.Pattern[str], dict[str, str]]:
    canonical = {name.strip(): name.strip() for name in _PROVINCES.split("|") if name.strip()}
    spelled = canonical | _ALIASES
    # a Swedish genitive ends the name with -s: 'Hanois folkråd'
    pattern = re.compile(rf"(?<![\w-])({_either(spelled)})s?\b")
    return pattern, {_spaced(k): v for k, v in spelled.items()}


def _spaced(text: str) -> str:
    """One space between words, as the lists and the noun table write them."""
    return re.sub(r"\s+", " ", text)


def _name_ok(name: str, listed: bool = False) -> bool:
    """A place's name has a lower-case letter (not an acronym: 'NTM'), no digit, does not begin with a function word
    ('Vilken kommun'; a later syllable may look like one: 'Bac Tra My'; one `listed` after another may: '…, My
    Duc'), holds no word of a body's name ('People's Committee') and is not a person's ('Ho Van Tan': a middle name
    second)."""
    parts = name.split()
    return (
        any(c.islower() for c in name)
        and not any(c.isdigit() for c in name)
        and not (is_stopword(parts[0]) and not (listed and len(parts) > 1))
        and not any(p.lower() in _NOT_PLACES for p in parts)
        and not (len(parts) == 3 and parts[1] in _MIDDLE_NAMES)
    )


def _inside_a_name(text: str, start: int) -> bool:
    """Whether a province's name at `start` ends a longer name: a person's ('Nguyen Thi Khanh Hoa', 'Tran Quang
    Ninh': a family or middle name just before it) or a place below ('phuong Hoa Binh' is a ward)."""
    before = _BEFORE_WORD.search(text[max(0, start - 40) : start])
    if before is None:
        return False
    word = before.group(1)
    return word.lower() in _NOUN or (word[:1].isupper() and (word.lower() in SURNAMES or word in _MIDDLE_NAMES))


def mentions(text: str, known: dict[str, str] | None = None) -> list[tuple[int, Place]]:
    """The places a text names, with their offsets: provinces by the list, places below by a place noun, and the
    names in `known` (name -> level) wherever they stand."""
    original, text = unicodedata.normalize("NFC", text), plain(text)  # one character for one: offsets agree
    pattern, spelled = _provinces()

    def place(m: re.Match[str], group: int, name: str, level: str) -> tuple[int, Place]:
        return m.start(group), Place(name, level, original[m.start(group) : m.end(group)])

    found = [
        place(m, 1, spelled[_spaced(m.group(1))], PROVINCE)
        for m in pattern.finditer(text)
        if not _inside_a_name(text, m.start())
        and not (_spaced(m.group(1)) in _CAPITAL and _NOT_HANOI.match(text, m.end(1)))
    ]
    # 'Thủ đô', the capital, in Vietnamese: read with its tones, which 'thu do' without them does not tell
    found += [place(m, 0, "Ha Noi", PROVINCE) for m in _THU_DO.finditer(original)]
    provinces = {at for at, _ in found}
    for m in _AFTER_NOUN.finditer(text):
        if _name_ok(m.group(3)):
            level = _NOUN[_spaced((m.group(1) or m.group(2)).lower())]
            found.append(place(m, 3, m.group(3), level))
            above = _PARENT.match(text, m.end(3))
            if above and level in _ABOVE and _name_ok(above.group(1)):
                found.append(place(above, 1, above.group(1), _ABOVE[level]))
            if (m.group(1) or "").lower() in _PLURALS:
                end = m.end(3)
                while (more := _MORE.match(text, end)) and _name_ok(more.group(1), listed=True):
                    found.append(place(more, 1, more.group(1), level))
                    end = more.end(1)
    found += [place(m, 0, f"village {m.group(1)}", "village") for m in _NUMBERED.finditer(text)]
    for m in _BEFORE_NOUN.finditer(text):
        # (not an owner: 'Chau Thanh's communes' are the district's communes, not a commune of that name)
        if _name_ok(m.group(1)) and not re.search(r"['’]s?$", m.group(1)):
            found.append(place(m, 1, m.group(1), _NOUN[_spaced(m.group(2).lower())]))
    known = known or {}
    # a name the documents know at one level keeps it after another place noun: 'quel village de Tam Thang' asks for
    # a village of the commune Tam Thang
    found = [(at, p if p.level == PROVINCE else Place(p.name, known.get(p.name, p.level), p.said)) for at, p in found]
    for name, level in known.items():
        for m in re.finditer(rf"(?<![\w-])({re.escape(name)})s?\b", text):
            found.append(place(m, 1, name, level))
    # a name the list knows as a province stays one where it was read as one ('les districts de Hanoi')
    kept = {(at, p) for at, p in found if p.level == PROVINCE or at not in provinces}
    return sorted(kept, key=lambda x: x[0])


def above(index: LexicalIndex) -> dict[str, frozenset[str]]:
    """Name -> the places the documents say it lies in, by the name they put after it in brackets ('la commune de Tra Ka
    (Bac Tra My)', 'xã Tam Thăng (Tam Kỳ)')."""
    if "places:above" not in index.cache:
        found: dict[str, set[str]] = {}
        for doc_id in index.documents:
            text = plain(index.document_text(doc_id))
            for m in _AFTER_NOUN.finditer(text):
                level = _NOUN[_spaced((m.group(1) or m.group(2)).lower())]
                up = _PARENT.match(text, m.end(3))
                if up and level in _ABOVE and _name_ok(m.group(3)) and _name_ok(up.group(1)):
                    found.setdefault(m.group(3), set()).add(up.group(1))
        index.cache["places:above"] = {name: frozenset(ups) for name, ups in found.items()}
    return index.cache["places:above"]  # type: ignore[no-any-return]


def inside(text: str, index: LexicalIndex) -> set[str]:
    """The places (folded) that the places a text names lie in, as the documents tell (`above`): a sentence about the
    commune of Tra Ka speaks of a place in Bac Tra My."""
    ups = above(index)
    if not ups:
        return set()
    # (only the names that lie in another are looked for by name: not the whole gazetteer, for every passage)
    levels = gazetteer(index)
    known = {name: levels[name] for name in ups if name in levels}
    return {fold(up) for _, place in mentions(text, known) for up in ups.get(place.name, ())}


def _documents_mention(index: LexicalIndex) -> list[Place]:
    """Every place the documents' texts name (`mentions`), read once per index."""
    if "places:mentioned" not in index.cache:
        index.cache["places:mentioned"] = [p for d in index.documents for _, p in mentions(index.document_text(d))]
    return index.cache["places:mentioned"]  # type: ignore[no-any-return]


def gazetteer(index: LexicalIndex) -> dict[str, str]:
    """Name -> level of every place below the province that a place noun names somewhere in the documents."""
    if "places:gazetteer" not in index.cache:
        levels: dict[str, Counter[str]] = {}
        for place in _documents_mention(index):
            if place.level != PROVINCE:
                levels.setdefault(place.name, Counter())[place.level] += 1
        index.cache["places:gazetteer"] = {name: c.most_common(1)[0][0] for name, c in levels.items()}
    return index.cache["places:gazetteer"]  # type: ignore[no-any-return]


_DIVISION_WORD = re.compile(r"^(?:Tỉnh|Thành phố|Huyện đảo|Huyện|Quận|Thị xã)\s+")


@lru_cache(maxsize=1)
def district_provinces() -> dict[str, frozenset[str]]:
    """District name, without diacritics as `Place.name` writes it -> the provinces with a district of that name, as
    Vietnam's divisions stood before the 2025 rearrangement that the news predates (the vietnam-provinces package's
    data): 'Mo Cay Bac' is Ben Tre's; 'Chau Thanh' is a district of eleven provinces."""
    spelled = _provinces()[1] | {"Ho Chi Minh": "Ho Chi Minh City", "Hue": "Thua Thien Hue"}
    out: dict[str, set[str]] = {}
    for province in json.loads(NESTED_DIVISIONS_JSON_PATH.read_text(encoding="utf-8")):
        name = spelled.get(_spaced(plain(_DIVISION_WORD.sub("", province["name"]))))
        if name is None:
            continue
        for district in province.get("districts", []):
            out.setdefault(plain(_DIVISION_WORD.sub("", district["name"])), set()).add(name)
    return {district: frozenset(provinces) for district, provinces in out.items()}


def provinces_around(index: LexicalIndex, doc_id: str, title: str) -> set[str]:
    """The provinces of the districts a document names, each the one province with a district of that name, when it
    has no province of its own (one it names most): the article on Mo Cay Bac and Chau Thanh is a Ben Tre article,
    though it never writes 'Ben Tre'; a Quang Nam article naming a district of another province in passing is not."""
    key = f"places:around:{doc_id}"
    if key not in index.cache:
        _, found, principal = _document_places(index, doc_id, title)
        index.cache[key] = set()
        if principal is None:  # (the districts' list read only then)
            of = district_provinces()
            index.cache[key] = {
                next(iter(of[p.name])) for _, p in found if p.level == "district" and len(of.get(p.name, ())) == 1
            }
    return index.cache[key]  # type: ignore[no-any-return]


def asked(question: str, index: LexicalIndex) -> list[Place]:
    """The places a question names: by the documents' gazetteer, and the districts of the documents' provinces that
    no place noun of the documents names (`districts_named`)."""
    known = gazetteer(index)
    found = mentions(question, known)
    unnamed = districts_named(question, index, {p.name for _, p in found})
    return list(dict.fromkeys(p for _, p in (mentions(question, known | unnamed) if unnamed else found)))


def _districts_of(provinces: frozenset[str]) -> re.Pattern[str] | None:
    """The districts of these provinces (`district_provinces`) of two words or more that are no province's name and
    read as a place's (`_name_ok`), not followed by another capitalised word (a longer name's)."""
    canonical = set(_provinces()[1].values())
    names = [
        d for d, of in district_provinces().items()
        if of & provinces and len(d.split()) >= 2 and d not in canonical and _name_ok(d)
    ]  # fmt: skip
    return re.compile(rf"(?<![\w-])({_either(names)})(?![\w-])(?!\s+[A-Z])") if names else None


# a title before a name, in the four languages: 'Mme Thanh Ha', 'bà Thanh Hà', 'herr Binh Minh' are people
_TITLES = {*(plain(h) for h in HONORIFICS), "mr", "mrs", "ms", "miss", "dr", "m", "mme", "mlle", "monsieur", "madame",
           "herr", "fru", "froken"}  # fmt: skip
_TITLE_OR_WORD = re.compile(r"([A-Za-z][\w'-]*)\.?\s+$")  # the word just before a name, or a title: 'M. Tan Thanh'


def districts_named(question: str, index: LexicalIndex, found: set[str]) -> dict[str, str]:
    """A district of a province the documents speak of, named in full by a question without a place noun, that no
    place noun of the documents names (so not in their gazetteer) and that the question's places (`found`) do not
    hold: 'how many families in Mo Cay Nam…' asks of another Ben Tre district than the documents' Mo Cay Bac. Not one
    inside a person's name: after a capitalised word that is no function word ('Nguyen Hai Ha', 'Tran Ngoc Thanh
    Ha' are no Hai Ha or Thanh Ha district), or after a title ('Mme Thanh Ha', 'bà Thanh Hà')."""
    key, known = "places:districts", gazetteer(index)
    if key not in index.cache:  # (the provinces the documents name, and those of the districts they name)
        of = district_provinces()
        named = {p.name for p in _documents_mention(index) if p.level == PROVINCE}
        index.cache[key] = _districts_of(
            frozenset(named | {p for d in known if len(of.get(d, ())) == 1 for p in of[d]})
        )
    pattern = index.cache[key]
    if pattern is None:
        return {}
    text = plain(question)
    out = {}
    for m in pattern.finditer(text):
        name = m.group(1)
        if name in known or any(name in f or f in name for f in found):
            continue
        before = _TITLE_OR_WORD.search(text[max(0, m.start() - 40) : m.start()])
        word = before.group(1) if before else ""
        if word[:1].isupper() and not is_stopword(word) or word.lower() in _TITLES:
            continue
        out[name] = "district"
    return out


def _document_places(index: LexicalIndex, doc_id: str, title: str) -> tuple[str, list[tuple[int, Place]], Place | None]:
    key = f"places:{doc_id}"
    if key not in index.cache:
        text, _ = index.span(doc_id, 0, 1 << 40)  # the cleaned text, so offsets are the passages' own
        found = mentions(text, gazetteer(index))
        provinces = Counter(p for _, p in [*found, *mentions(title)] if p.level == PROVINCE)
        ranked = provinces.most_common(2)
        # the document's own province: the one it names most, when it names no other as often
        principal = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
        index.cache[key] = (text, found, principal)
    return index.cache[key]  # type: ignore[no-any-return]


def elsewhere(places: list[Place], index: LexicalIndex, doc_id: str, title: str, at: int) -> Place | None:
    """The place the paragraph at offset `at` of a document speaks of instead of the places asked about: another one
    of the same level that it names, or, for a province, the document's own when the paragraph names none. A document
    that never writes the place asked about speaks of its own: for a district or commune, the place the paragraph
    names, else its province, else the first place it names (Ha Tinh's figures are not Dien Phuoc's); for a province,
    when the document names no province at all, the district or commune the paragraph names, else the first it names
    (the Mo Cay Bac article's figures are not Hanoi's). Never a place the question asks about; None when the
    paragraph names an asked place, or nothing contradicts it, but for a province paragraph that names the document's
    own with the asked ones it works with, when the question asks of another the document never names (Hanoi's work
    with Bac Ninh and Hung Yen is not Ha Tinh's)."""
    if not places:
        return None
    text, found, principal = _document_places(index, doc_id, title)
    start = text.rfind("\n\n", 0, at) + 1  # the cleaner separates paragraphs with a blank line
    end = text.find("\n\n", at)
    end = len(text) if end < 0 else end
    asked_names = {p.name for p in places}
    paragraph = [p for offset, p in found if start <= offset < end]
    here = [p for p in paragraph if p.name not in asked_names]
    named_in_doc = [p for _, p in found if p.name not in asked_names]
    for level in dict.fromkeys(p.level for p in places):
        wanted = {p.name for p in places if p.level == level}
        named = [p for p in paragraph if p.level == level]
        if (
            level == PROVINCE
            and principal is not None
            and principal.name not in asked_names
            and any(p.name == principal.name for p in paragraph)
            and any(p.name in wanted for p in named)
            and any(
                name not in {p.name for _, p in found} and not _written({name}, index, doc_id, text) for name in wanted
            )
        ):
            # the provinces its own works with are not another one the document never names: Hanoi's Ring Road 4
            # work with Bac Ninh and Hung Yen is not Ha Tinh's with them
            return principal
        if any(p.name in wanted for p in named):
            continue
        if named and named[0].name not in asked_names:
            return named[0]
        if level == PROVINCE and wanted & provinces_around(index, doc_id, title):
            continue  # its districts are the province's
        if level == PROVINCE and principal is not None and principal.name not in asked_names:
            return principal
        if level in ("commune", "village"):
            # a paragraph that names none goes on about the last one named before it: '… la commune de Dien Phuoc…'
            # then '… 4 nouvelles maisons solidaires…' are Dien Phuoc's, not Tam Thang's (a district's article goes
            # from one commune to the next; it names its district in passing)
            before = [p for offset, p in found if offset < start and p.level == level]
            if before and before[-1].name not in asked_names:
                return before[-1]
        if (
            level == "district"
            and principal is not None
            and not named
            and (any(p.level == PROVINCE for p in paragraph) or not _goes_on(wanted, text, found, start))
        ):
            # a province's article names its districts in passing ('les districts de Ba Vi, Thach That…'); a
            # paragraph that names none gives the province's figures, not one district's
            return principal
        if any(p.name in wanted for _, p in found) or _written(wanted, index, doc_id, text):
            continue  # the document names it somewhere (perhaps in words the place parser does not read)
        if level != PROVINCE:
            mine = principal if principal is not None and principal.name not in asked_names else None
            other = next(iter(here), None) or mine or next(iter(named_in_doc), None)
            if other is not None:
                return other
        elif principal is None:
            below = [p for p in here if p.level != PROVINCE]
            # nor, where the paragraph names none, are its district's and communes' (the Mo Cay Bac article's
            # vice-chair is none of Quang Nam's), unless it names another place the question asks about
            named_province = any(p.level == PROVINCE for _, p in found)  # (two that tie leave no principal)
            if not below and not named_province and not any(p.name in asked_names for _, p in found):
                below = [p for p in named_in_doc if p.level != PROVINCE]
            if below:
                return below[0]
    return None


def _goes_on(districts: set[str], text: str, found: list[tuple[int, Place]], start: int) -> bool:
    """Whether the paragraph at `start` goes on about one of these districts: the last two places below the province
    named before it are the district or its communes, the last of them in one of the two paragraphs before ('… la
    commune de Tra Ka (Bac Tra My)', then '… la commune de Tra Ka a mobilisé 12 ménages…', then the paragraph on what
    they made). A commune's district is the one its brackets name anywhere in the document. (A paragraph that names
    the province is the province's: the caller asks.)"""
    written = plain(text)
    district_of = {}
    for at, p in found:
        above = _PARENT.match(written, at + len(p.said)) if p.level == "commune" else None
        if above is not None:
            district_of[p.name] = above.group(1)
    below = [(at, p) for at, p in found if at < start and p.level in ("district", "commune")][-2:]
    last = [p.name if p.level == "district" else district_of.get(p.name) for _, p in below]
    recent = bool(below) and text.count("\n\n", below[-1][0], start) <= 2
    return recent and len(last) == 2 and all(name in districts for name in last)


def _written(names: set[str], index: LexicalIndex, doc_id: str, text: str) -> bool:
    """Whether the document's text writes one of these names anywhere, diacritics and case aside."""
    key = f"places:plain:{doc_id}"
    if key not in index.cache:
        index.cache[key] = plain(text).lower()
    written: str = index.cache[key]
    return any(re.search(rf"(?<!\w){re.escape(name.lower())}(?!\w)", written) for name in names)


def documents_naming(places: list[Place], index: LexicalIndex) -> list[str]:
    """The documents that name one of these places (or are about it, for a province), best first: those that name
    it most often."""
    wanted = {p.name for p in places}
    counts: Counter[str] = Counter()
    for doc_id, row in index.documents.items():
        _, found, principal = _document_places(index, doc_id, str(row.get("title", "")))
        about = principal is not None and principal.name in wanted
        counts[doc_id] = sum(p.name in wanted for _, p in found) + 2 * about
    return [doc_id for doc_id, n in counts.most_common() if n]
