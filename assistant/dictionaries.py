"""Cross-lingual query expansion from FreeDict bilingual dictionaries (Debian's dict-freedict-* packages).

Each language pair merges the direct dictionary with the reverse one read backwards, words missing from both are
looked up through English, and a compound missing as a whole is looked up by its head ('kvinnoförbund' ->
'förbund'). Headwords are keyed by their stem, so 'orphans' finds 'orphan'. Glossaries shipped in data/ come
before the dictionary of their pair: Vietnamese ones, as Debian has no Vietnamese dictionary, and English ones for
the domain's words a general dictionary lacks ('household' -> 'ménage') or gives another sense of first (FreeDict's
'security' -> 'attacher'; the glossary's 'sécurité' comes first). Without the dictionaries on the machine, expansion
reads the glossaries alone and retrieval relies on its other signals.
"""

from __future__ import annotations

import gzip
import re
import threading
from collections.abc import Callable
from functools import cache
from pathlib import Path

from .languages import COMPOUNDING, STEMMERS, content_words, fold, is_stopword, stem_as_written, tokens

# for pairs Debian has no dictionary of (vie-eng), and the domain's words a general one lacks (eng-fra, eng-swe)
GLOSSARIES = Path(__file__).parent / "data"
ISO3 = {
    "en": "eng",
    "fr": "fra",
    "sv": "swe",
    "vi": "vie",
    "de": "deu",
    "es": "spa",
    "it": "ita",
    "nl": "nld",
    "pt": "por",
}
PIVOT = "en"
MAX_TRANSLATIONS = 3
MIN_HEAD = 5  # letters in the head of a compound looked up on its own
MIN_MODIFIER = 2  # letters before it (Swedish om-, ny-, på-)
MIN_MODIFIER_WORD = 4  # letters of a compound's first part looked up on its own ('drog' of 'drogberoende')
MODIFIER_TRANSLATIONS = 2  # translations kept of it, after the head's
# the most words of a phrase looked up whole: the glossaries' Vietnamese names of bodies run to seven syllables
# ('hội liên hiệp phụ nữ', 'ủy ban mặt trận tổ quốc việt nam')
MAX_PHRASE = 7
_B64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}
_NOTE = re.compile(r"\([^)]*\)|\[[^\]]*\]|<[^>]*>|\{[^}]*\}")

Table = dict[str, list[str]]
_raw: dict[tuple[str, str, str], list[tuple[str, list[str]]] | None] = {}
_tables: dict[tuple[str, str, str], Table | None] = {}
_lock = threading.RLock()


def _number(code: str) -> int:
    value = 0
    for ch in code:
        value = value * 64 + _B64[ch]
    return value


_HOMOGRAPH = re.compile(r"\s+\d+$")


def _translations(body: str) -> list[str]:
    """Translations from a dictd entry: the lines after the headword, numbered senses, comma-separated."""
    out: list[str] = []
    for line in body.split("\n")[1:]:
        line = _NOTE.sub(" ", line).strip()
        line = re.sub(r"^\d+\.\s*", "", line)
        if not line or line.startswith(("Note:", "Synonym", "see:", "See also")):
            continue
        for part in re.split(r"[,;]", line):
            # a homograph's number ('accélération 2') is no word of the translation, and an affix ('-vätska',
            # 'heders-') none to search for
            part = _HOMOGRAPH.sub("", part.strip(" .\"'"))
            if part.startswith("-") or part.endswith("-"):
                continue
            # one or two words: longer ones are glosses in the source language, not translations
            if part and len(part.split()) <= 2 and not part[0].isupper() and part not in out:
                out.append(part)
    return out


def _entries(source: str, target: str, folder: Path) -> list[tuple[str, list[str]]] | None:
    """(headword, translations) of a language pair: the glossary shipped here, then the installed dictionary (either
    may be absent); None when neither is there."""
    key = (source, target, str(folder))
    if key not in _raw:
        entries = _glossary(source, target)
        if source in ISO3 and target in ISO3:
            base = folder / f"freedict-{ISO3[source]}-{ISO3[target]}"
            index, data_file = base.with_suffix(".index"), base.with_suffix(".dict.dz")
            if index.is_file() and data_file.is_file():  # after the glossary: its domain senses come first
                entries = [*(entries or []), *_read(index, data_file)]
        _raw[key] = entries
    return _raw[key]


@cache
def _glossary(source: str, target: str) -> list[tuple[str, list[str]]] | None:
    """(headword, translations) of the glossary shipped for a language pair, read once; None when there is none."""
    path = GLOSSARIES / f"{ISO3.get(source, source)}-{ISO3.get(target, target)}.tsv"
    return _read_glossary(path) if path.is_file() else None


def _read(index: Path, data_file: Path) -> list[tuple[str, list[str]]]:
    data = gzip.open(data_file).read()
    entries = []
    for line in index.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or parts[0].startswith("00database") or not parts[0].strip():
            continue
        offset, length = _number(parts[1]), _number(parts[2])
        entries.append(
            (parts[0].strip().lower(), _translations(data[offset : offset + length].decode("utf-8", "replace")))
        )
    return entries


def _read_glossary(path: Path) -> list[tuple[str, list[str]]]:
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#") and "\t" in line:
            headword, translations = line.split("\t", 1)
            entries.append((headword.strip().lower(), [t.strip() for t in translations.split(",") if t.strip()]))
    return entries


def _key(phrase: str, language: str) -> str:
    """Stems where a stemmer exists; otherwise the word as written. Never folded: folding would merge Vietnamese words
    that differ only by their tones ('tỉnh' province, 'tĩnh' in 'Hà Tĩnh'), and Swedish ones that differ by a letter
    ('svåra' hard, 'svara' answer; 'möten' meetings, 'mot' against)."""
    if language not in STEMMERS:
        return phrase.lower()
    return " ".join(stem_as_written(w, language) for w in phrase.lower().split())


def load(source: str, target: str, folder: Path) -> Table | None:
    """The headword's stem, as written -> translations: the source-target dictionary plus the target-source one
    reversed. A headword is found by its own spelling too, where no stem is spelt so: Swedish stems 'platser' to
    'plats' but the headword 'plats' to 'plat'. A stem's accent-folded spelling leads to it as well (see _FOLDED).
    A translation that is a word of the source language and none of the target's is a gloss, not a translation:
    FreeDict's swe-fra gives 'invånare' as 'habitant, stad, hus' and 'initiativ' as 'initiative, första steg'."""
    key = (source, target, str(folder))
    with _lock:
        if key in _tables:
            return _tables[key]
        direct, reverse = _entries(source, target, folder), _entries(target, source, folder)
        table: Table | None = None
        if direct is not None or reverse is not None:
            table = {}
            gloss = _glosses(source, target, folder)
            shipped = len(_glossary(source, target) or [])  # the glossary's entries, which come first in `direct`
            written: Table = {}
            for i, (headword, translations) in enumerate(direct or []):
                # (a glossary's headword that is also a function word is its other sense: 'sao', why and star, is
                # read only after a number, '4 sao')
                if not is_stopword(headword) or i < shipped:
                    # a glossary's own entries, and a word spelt as its headword ('association'), are never glosses;
                    # the dictionary's entry for the same word may be ('liv': 'vie', 'människors liv')
                    kept = [t for t in translations if i < shipped or t == headword or not gloss(t)]
                    for bucket in (table.setdefault(_key(headword, source), []), written.setdefault(headword, [])):
                        bucket.extend(t for t in kept if t not in bucket)
            for headword, translations in reverse or []:
                if len(headword.split()) > 2:
                    continue
                for translation in translations:
                    if not is_stopword(translation):
                        for bucket in (table.setdefault(_key(translation, source), []),
                                       written.setdefault(translation.lower(), [])):  # fmt: skip
                            if headword not in bucket:
                                bucket.append(headword)
            for spelling, translations in written.items():
                if translations:
                    table.setdefault(spelling, translations)
            folded = _FOLDED.setdefault(key, set())
            if source in STEMMERS:  # a word typed without its accents ('menages') finds the headword that has them,
                for stemmed in list(table):  # unless that spelling is a word of its own ('svara' is not 'svåra')
                    if fold(stemmed) not in table:
                        table[fold(stemmed)] = table[stemmed]
                        folded.add(fold(stemmed))
        _tables[key] = table
        return table


# the keys of a table that are only a stem's accent-folded spelling: a whole word typed without accents may use them,
# a compound's head may not ('platser' cut to 'latser' is not 'låtsas', pretend)
_FOLDED: dict[tuple[str, str, str], set[str]] = {}


@cache
def _headwords(language: str, folder: Path) -> frozenset[str]:
    """Every headword of the dictionaries from a language, as written (a stem of one language may be a word of
    another: French stems 'stade' to 'stad', Swedish for 'city')."""
    return frozenset(
        headword for other in ISO3 if other != language for headword, _ in _entries(language, other, folder) or []
    )


def headword(word: str, language: str) -> bool:
    """Whether a glossary from the language holds the word, lower-cased, as a headword ('dân' in Vietnamese)."""
    return word.lower() in _headwords(language, GLOSSARIES)


def _glosses(source: str, target: str, folder: Path) -> Callable[[str], bool]:
    """Whether a translation holds a headword of the source language that is none of the target language ('stad'
    and 'första steg' among swe-fra's French translations)."""
    if source not in STEMMERS or target not in STEMMERS:
        return lambda _: False
    ours, theirs = _headwords(source, folder), _headwords(target, folder)
    if not theirs:  # nothing to tell the target's words by
        return lambda _: False
    # a target word is also one another language's dictionary gives as a translation into it ('program' from English)
    theirs = theirs | {
        w for other in ISO3 if other not in (source, target)
        for _, translations in _entries(other, target, folder) or [] for t in translations for w in t.lower().split()
    }  # fmt: skip

    def gloss(translation: str) -> bool:
        return any(w in ours and w not in theirs for w in translation.lower().split())

    return gloss


Known = Callable[[str, str], bool]  # (translation, its language) -> do the documents use it?


def _pick(translations: list[str], target: str, known: Known | None) -> list[str]:
    """The first few translations, those the documents use first: 'poor' is 'fattig' in these documents, not 'arg'
    or 'ful', which a dictionary may list before it."""
    if known is not None:
        translations = sorted(translations, key=lambda t: not known(t, target))
    return translations[:MAX_TRANSLATIONS]


@cache
def _glossed(source: str, target: str) -> Table:
    """The domain's words of a pair neither of whose languages is English, through the English glossaries of both:
    French 'arrondissement' is the glossary's 'district', which the Swedish glossary gives as 'distrikt' (FreeDict's
    fra-swe gives 'runda', a round). Keyed by the source word's stem."""
    table: Table = {}
    if PIVOT in (source, target):
        return table
    into_target = {_key(h, PIVOT): ts for h, ts in _glossary(PIVOT, target) or []}
    for english, words in _glossary(PIVOT, source) or []:
        for word in words:
            bucket = table.setdefault(_key(word, source), [])
            bucket.extend(t for t in into_target.get(_key(english, PIVOT), []) if t not in bucket)
    return {k: v for k, v in table.items() if v}


def _lookup(word_key: str, source: str, target: str, folder: Path, known: Known | None = None) -> list[str]:
    table = load(source, target, folder) or {}
    direct = table.get(word_key, [])  # an entry left empty (its translations were glosses) is no entry
    # and the domain's sense through the glossaries, when no translation the pair's dictionary gives is one the
    # documents use as a word (all of them, without knowing which): French 'vice' is FreeDict's 'brist' (a defect),
    # the reports' 'vice'; 'maison' keeps FreeDict's 'hus', the head of the reports' 'solidaritetshus'
    glossed = _glossed(source, target).get(word_key, [])
    if glossed and (any(known(t, target) for t in direct) if known is not None else direct):
        glossed = []
    if direct or glossed:
        picked = _pick(direct, target, known)
        return picked + [t for t in _pick(glossed, target, known) if t not in picked]
    if source != PIVOT and target != PIVOT:  # through English
        out: list[str] = []
        for english in (load(source, PIVOT, folder) or {}).get(word_key, [])[:2]:
            for t in _pick((load(PIVOT, target, folder) or {}).get(_key(english, PIVOT), []), target, known)[:2]:
                if t not in out:
                    out.append(t)
        if out:
            return out[:MAX_TRANSLATIONS]
    return []


# the endings of a verb's past and passive, whose last letters are no compound's head: 'registrerades' was registered,
# not a row ('rad') of something
_VERB_ENDINGS = {"sv": ("ades", "erade", "erats", "erar", "erat")}  # (not 'ade', 'ats': 'brigade', 'mötesplats')


# the languages whose inflected words simplemma gives the dictionary form of
LEMMATISED = ("en", "fr", "sv")


@cache
def lemma(word: str, language: str) -> str:
    """The dictionary form of an inflected word ('föreslog' -> 'föreslå', 'held' -> 'hold'), by simplemma's tables;
    the word itself where it knows none."""
    if language not in LEMMATISED:
        return word
    import simplemma  # its tables load on first use, per language (about a second each)

    return str(simplemma.lemmatize(word, lang=language))


def _translate_word(word: str, source: str, target: str, folder: Path, known: Known | None) -> list[str]:
    found = _lookup(_key(word, source), source, target, folder, known)
    if not found and " " not in word and (base := lemma(word.lower(), source)) != word.lower():
        found = _lookup(_key(base, source), source, target, folder, known)  # a past or plural no entry holds
    if found or " " in word or word.lower().endswith(_VERB_ENDINGS.get(source, ())):
        return found
    # longest head first: the compound's meaning sits at its end; a modifier has two letters at least
    for cut in range(MIN_MODIFIER, len(word) - MIN_HEAD + 1):
        head = _key(word[cut:], source)
        if head in _FOLDED.get((source, target, str(folder)), ()):
            continue
        found = _lookup(head, source, target, folder, known)
        if found:
            if source not in COMPOUNDING:  # ('gurkmejemodellen')
                return found
            return found + [t for t in _modifier(word[:cut], source, target, folder, known) if t not in found]
    return []


def _modifier(modifier: str, source: str, target: str, folder: Path, known: Known | None) -> list[str]:
    """What the first part of a compound names, as a word of its own or without its linking 's': the turmeric of
    'gurkmejemodellen', the drugs of 'drogberoende'; nothing for a part of fewer than MIN_MODIFIER_WORD letters."""
    for part in (modifier, modifier[:-1] if modifier.endswith("s") else ""):
        if len(part) >= MIN_MODIFIER_WORD and not is_stopword(part):
            if found := _lookup(_key(part, source), source, target, folder, known):
                return found[:MODIFIER_TRANSLATIONS]
    return []


def expand(
    text: str, source: str, targets: list[str], folder: Path, known: Known | None = None
) -> dict[str, dict[str, list[str]]]:
    """target language -> {question word: its translations}; a phrase's translations go to each of its words.
    `known` says which translations the documents use: those come first.

    Numbers and short capitalised words (name syllables such as 'Ha' in 'Ha Tinh') are left alone, but for
    Vietnamese, whose glossary holds no names and whose institutions are capitalised ('Mặt trận').
    """
    written = tokens(text)
    short = 0 if source == "vi" else 3
    skip = {t.lower() for i, t in enumerate(written) if (i and t[:1].isupper() and len(t) <= short)}
    words = [w for w in content_words(text) if not w.isdigit() and w not in skip]
    out: dict[str, dict[str, list[str]]] = {}
    for target in targets:
        if load(source, target, folder) is None and load(source, PIVOT, folder) is None:
            continue
        found: dict[str, list[str]] = {}
        in_phrase: set[str] = set()
        for n in range(MAX_PHRASE, 1, -1):  # phrases first: 'nhà đại đoàn kết' is one thing, 'solidarity house'
            for run in zip(*(words[i:] for i in range(n)), strict=False):
                phrase = _lookup(_key(" ".join(run), source), source, target, folder, known)
                in_phrase |= set(run) if phrase else set()
                for t in phrase:
                    for word in run:
                        if t not in found.setdefault(word, []):
                            found[word].append(t)
        for word in words:
            if source == "vi" and word in in_phrase:  # a syllable of a Vietnamese word is not that word: 'dân' of
                continue  # 'hộ dân' (households) is not the people ('populaire')
            for t in _translate_word(word, source, target, folder, known):
                if not is_stopword(t) and t not in found.setdefault(word, []):
                    found[word].append(t)
        out[target] = {w: ts for w, ts in found.items() if ts}
    return out
