"""The question's key words: each with the forms that match it (stems, translations), its kind and its weight by
rarity, and how much of them a text holds."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .dictionaries import MIN_HEAD, MIN_MODIFIER
from .languages import (
    COMPOUNDING,
    ROMAN,
    SURNAMES,
    capitalised,
    content_words,
    fold,
    joined,
    name_groups,
    opening_words,
    roman_value,
    run_placed,
    sites_of_links,
    stem,
    words,
)
from .lexical import LexicalIndex
from .places import PROVINCE, mentions
from .retrieval import Query

PREFIX = 5  # words sharing this many first letters match: cognates such as 'certification'/'certifié'
COMPOUND_PART = 3  # letters of a part of a compound read with another key word: 'hus'
UNJUDGED = 0.5  # weight, in typical words, of a question word no dictionary translates (it counts as unmatched)


@dataclass
class KeyWord:
    word: str
    kind: str  # "name" (capitalised, no translation), "number", "word", or "unjudged" (see weigh)
    forms: set[str]  # folded forms that count as a match: the word, its stems, its translations
    own: set[str] = field(default_factory=set)  # the forms in the question's own language
    translated: bool = False
    weight: float = 1.0
    parts: list[set[str]] = field(default_factory=list)  # a name written in parts: all of them match too


_VI_NUMBERS = {"hai", "ba"}  # numbers spelt without diacritics: `isascii` does not tell them, capitalised, from a name


def key_words(query: Query) -> list[KeyWord]:
    """The question's content words, each with the forms that match it and its kind."""
    names = capitalised(query.text, query.language)  # those no dictionary translates are names
    out: list[KeyWord] = []
    seen: set[tuple[str, bool]] = set()
    for word in content_words(query.text):
        # 'Đại hội XVII' is the 17th congress, which a document writes '17:e kongress': a Roman numeral in capitals
        # wherever the question writes the word (not 'vi', nor the 'Xi' of 'Xi Jinping')
        if ROMAN.fullmatch(word.upper()):
            written = re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", query.text, re.IGNORECASE)
            if written and all(ROMAN.fullmatch(w) for w in written):
                word = str(roman_value(word))
        # a name is not the everyday word it folds to: 'Nội' of 'Hà Nội' and 'nổi' are both 'noi'
        seen_as = (fold(word), word.lower() in names)
        if seen_as in seen:
            continue
        seen.add(seen_as)
        own = {fold(word), stem(word, query.language)}
        forms = set(own)
        translated = False
        for language, by_word in query.translations.items():
            for translation in by_word.get(word, []):
                translated = True
                forms |= {stem(w, language) for w in content_words(translation)}
        kind = "number" if word.isdigit() else "name" if word in names and not translated else "word"
        out.append(KeyWord(word, kind, forms, own, translated))
    keys = _group_names(out, query.text, query.language)
    if query.language == "vi":  # a Vietnamese question's first word is capitalised for its place, alone it names
        opening = opening_words(query.text)  # nothing: 'Nhờ' of 'Nhờ Mặt trận tham mưu…', whose 'Mặt trận' is the Front
        # (nor a number that opens it: 'Ba mô hình…' is three models)
        keys = [replace(k, kind="word") if k.kind == "name" and k.word in opening
                and (not k.word.isascii() or k.word.lower() in _VI_NUMBERS) else k for k in keys]  # fmt: skip
    return keys


def _at_provinces(group: list[str]) -> list[list[str]]:
    """A run of capitals cut where a province's name begins or ends: 'Hà Nội Đỗ Anh Tuấn' is a city and a person."""
    text = " ".join(group)
    cuts = set()
    for at, place in mentions(text):
        if place.level == PROVINCE:
            first = len(text[:at].split())
            cuts |= {first, first + len(place.said.split())}
    bounds = [0, *sorted(c for c in cuts if 0 < c < len(group)), len(group)]
    return [group[a:b] for a, b in itertools.pairwise(bounds)]


def _family_named(question: str, group: list[str]) -> bool:
    """Whether a run's first word, a function word ('Do', 'Le'), is a family name: its capital is not its place's."""
    return fold(group[0]) in SURNAMES and not run_placed(question, group)


def _group_names(keys: list[KeyWord], question: str, language: str) -> list[KeyWord]:
    """One key for a name written in several words ('Hà Nội'): it matches 'Hanoi' or all of its words."""
    by_word = {fold(k.word): k for k in sorted(keys, key=lambda k: k.kind == "name")}  # a name before a word
    for group in (part for run in name_groups(question) for part in _at_provinces(run)):
        # 'What Hanoi…': a function word opening the run is not named, unless it is a family name whose capital its
        # place does not explain ('What did Do Anh Tuan say…': Đỗ, not Pham Anh Tuan)
        while group and fold(group[0]) not in by_word and not _family_named(question, group):
            group = group[1:]
        members = [by_word.get(fold(w)) for w in group]
        names = [k for k in members if k is not None and k.kind == "name"]
        # three capitalised words or more that open on a family name are a person's name, whatever a dictionary
        # makes of them: 'Tran The Dung' (not 'the', nor 'dung')
        # (or a family name a dictionary translates too, not first in the question: Swedish 'tran' of 'rapporterade
        # Tran The Dung'; not in Vietnamese, whose capitalised titles fold to family names: 'Trưởng Ban Dân vận')
        person = len(group) >= 3 and fold(group[0]) in SURNAMES
        person = person and (members[0] in names or language != "vi" and _family_named(question, group))
        person = person and not mentions(" ".join(group))
        if len(names) < 2 and not person:
            continue
        # the run's names are the name, with a function word among them too: 'Nam Trà My'
        run = [(k, w) for k, w in zip(members, group, strict=True) if k is None or k.kind == "name" or person]
        names = [k for k, _ in run if k is not None]
        said = [k.word if k is not None else w.lower() for k, w in run]
        parts = [k.forms if k is not None else {fold(w)} for k, w in run]
        merged = KeyWord(" ".join(said), "name", {joined(said)}, parts=parts)
        keys = [k for k in keys if k not in names] + [merged]
    return keys


def weigh(keys: list[KeyWord], index: LexicalIndex, language: str) -> None:
    """Rare words count for more, names and numbers double.

    A word found nowhere in the documents counts as the rarest when it is a name or number, or when the question
    is in a language the documents are written in: it may be the very topic they lack ('Da Nang', 'budget'). In
    another language, a word that no dictionary translates cannot be judged: it counts as half a typical word,
    never matched.
    """
    rarest, typical = index.terms.max_idf, index.terms.median_idf
    same_language = language in index.languages
    for key in keys:
        if key.kind == "word" and not same_language and not key.translated:
            key.kind, key.weight = "unjudged", UNJUDGED * typical
            continue
        # how rare the word is where the documents use it as written, else where they use its translations
        known = [idf for form in key.own if (idf := index.terms.idf_of(form)) is not None] or [
            idf for form in key.forms - key.own if (idf := index.terms.idf_of(form)) is not None
        ]
        idf = max(known) if known else rarest if key.kind != "word" or same_language else UNJUDGED * typical
        key.weight = idf * (2.0 if key.kind != "word" else 1.0)


_SPELLING = [("ph", "f"), ("th", "t"), ("qu", "k"), ("ck", "k"), ("c", "k"), ("w", "v"), ("y", "i"), ("z", "s")]


@lru_cache(maxsize=100_000)
def _spelling(word: str) -> str:
    """One spelling for cognates across French, Swedish and English: 'cadres' and 'kadrer' both start 'kadre'."""
    for old, new in _SPELLING:
        word = word.replace(old, new)
    return word


class Words:
    """A text's folded words and stems, with their first letters, for fast matching of key words."""

    def __init__(self, text: str, language: str) -> None:
        ws = words(sites_of_links(text))
        self.sequence = [fold(w) for w in ws]
        self.words = set(self.sequence) | {stem(w, language) for w in ws}
        self.prefixes = {_spelling(w)[:PREFIX] for w in self.words if len(w) >= PREFIX}
        self.compounding = language in COMPOUNDING
        # a compound holds its head: 'particellssekreterare' is a 'sekreterare', 'fosterlandsfronten' a 'front'
        self.heads = (
            {w[cut:] for w in self.words for cut in range(MIN_MODIFIER, len(w) - MIN_HEAD + 1)}
            if language in COMPOUNDING else set()
        )  # fmt: skip

    def has(self, form: str) -> bool:
        return (
            form in self.words
            or (len(form) >= PREFIX and _spelling(form)[:PREFIX] in self.prefixes)
            or (len(form) >= MIN_HEAD and form in self.heads)
        )

    def has_run(self, parts: list[set[str]]) -> bool:
        """Whether the text holds the parts one after the other: 'Mo Cay Nam' is not in a text that has 'Mo Cay Bac'
        and 'Quang Nam'."""
        if not parts:
            return False
        # (the last word with a Swedish genitive's 's': 'Nguyen Lan Huongs förslag', 'Ha Tinhs')
        last = parts[-1] | ({f"{form}s" for form in parts[-1]} if self.compounding else set())
        if not all(any(form in self.words for form in forms) for forms in [*parts[:-1], last]):
            return False
        n = len(parts)
        return any(
            all(self.sequence[i + j] in parts[j] for j in range(n - 1)) and self.sequence[i + n - 1] in last
            for i in range(len(self.sequence) - n + 1)
        )


def matched(key: KeyWord, text: Words) -> bool:
    """Whether a text holds a key word in one of its forms; a name of several words, also with its words apart, in
    their order ('Ha Noi' for 'Hanoi'). A name of several words is not in a word it only begins like: 'Nguyen Thi Mai
    Thuy' is not in 'Nguyen Thi Le Ha', whose 'nguyen' shares its first letters."""
    if key.parts:
        return any(form in text.words or form in text.heads for form in key.forms) or text.has_run(key.parts)
    return any(text.has(form) for form in key.forms)


def compounded(keys: list[KeyWord], text: Words) -> set[int]:
    """The positions in `keys` of the key words the text writes as the two parts of one compound, with or without a
    linking 's': 'solidaritetshus' for 'maisons de solidarité' (`matched` reads a compound's head alone, and only from
    MIN_HEAD letters: not 'hus'). The modifier has MIN_HEAD letters at least, and a head shorter than that is no
    inflection ('kommun' + 'erna' is the communes, not 'erna' of some translation)."""
    if not text.compounding:
        return set()
    by_form: dict[str, set[int]] = {}
    for i, key in enumerate(keys):
        for form in key.forms:
            if len(form) >= COMPOUND_PART and form not in _INFLECTIONS:
                by_form.setdefault(form, set()).add(i)
    out: set[int] = set()
    for word in text.words:
        for cut in range(MIN_HEAD, len(word) - COMPOUND_PART + 1):
            first = by_form.get(word[:cut])
            if not first:
                continue
            rest = word[cut:]
            for head in (rest, rest[1:] if rest.startswith("s") else ""):
                second = by_form.get(head)
                if second and len(first | second) > 1:
                    out |= first | second
    return out


# Swedish endings that are no compound's head, whatever a translation stems to: 'kommunerna' is no 'erna' (ernå)
_INFLECTIONS = {"erna", "arna", "orna", "ena", "ande", "ende", "are", "ade", "else", "het", "ning", "ens"}


def coverage(keys: list[KeyWord], text: Words, names: Words | None = None) -> float:
    """Share of the question's key words, weighted by rarity, that the text holds (names looked up in `names` when
    given: a passage about 'the district' belongs to the article about Mo Cay Bac)."""
    total = sum(k.weight for k in keys)
    if not total:
        return 0.0
    parts = compounded(keys, text)
    found = (
        k for i, k in enumerate(keys)
        if k.kind != "unjudged" and (matched(k, (names or text) if k.kind == "name" else text) or i in parts)
    )  # fmt: skip
    return sum(k.weight for k in found) / total


def unjudged_share(keys: list[KeyWord]) -> float:
    total = sum(k.weight for k in keys)
    return sum(k.weight for k in keys if k.kind == "unjudged") / total if total else 0.0
