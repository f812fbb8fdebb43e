"""Answers: pick the sentences of the retrieved passages that answer, number the citations, decline when unsure."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .errors import QuestionError
from .languages import (
    NAME,
    NUMBER,
    TIME,
    answer_language,
    asked_kind,
    content_words,
    fold,
    joined,
    language_name,
    name_groups,
    phrase,
    sentence_spans,
    stem,
    tokens,
    words,
)
from .lexical import LexicalIndex
from .models import Answer, Citation, Passage
from .retrieve import Query, Results

# Share of the question's key words (names and numbers count double) that the best passage must hold.
FOUND_COVERAGE = 0.5
PREFIX = 5  # words sharing this many first letters match: cognates such as 'certification'/'certifié'
MAX_QUOTES = 2
SECOND_QUOTE = 0.85  # a second sentence is quoted when it scores at least this share of the best
CUE = 0.25  # bonus for a sentence holding the kind of thing asked for (a number, a name, a time)
MISSING_KIND = 0.6  # share of its score kept by a sentence that lacks it
PRIOR = 0.15  # bonus for the passage retrieval ranked first, falling with rank
UNJUDGED = 0.5  # weight, in typical words, of a question word no dictionary translates (it counts as unmatched)


@dataclass
class KeyWord:
    word: str
    kind: str  # "name" (capitalised, no translation), "number", "word", or "unjudged" (see _weigh)
    forms: set[str]  # folded forms that count as a match: the word, its stems, its translations
    own: set[str] = field(default_factory=set)  # the forms in the question's own language
    translated: bool = False
    weight: float = 1.0
    parts: list[set[str]] = field(default_factory=list)  # a name written in parts: all of them match too


@dataclass
class Scored:
    passage: Passage
    start: int
    end: int
    score: float
    coverage: float


def check_question(question: str, max_chars: int) -> str:
    """The question, tidied; a QuestionError with a friendly message when it cannot be asked as typed."""
    if not isinstance(question, str) or not question.strip():
        raise QuestionError("Please type a question.")
    if len(question) > max_chars:
        raise QuestionError(f"That question is {len(question)} characters long; please keep it under {max_chars}.")
    cleaned = "".join(ch for ch in question if ch in "\n\t" or unicodedata.category(ch) not in {"Cc", "Cf", "Cs", "Co"})
    if not re.search(r"\w", cleaned):
        raise QuestionError("Please type a question in words: that text has no letters or digits.")
    return re.sub(r"\s+", " ", cleaned).strip()


def _key_words(query: Query) -> list[KeyWord]:
    """The question's content words, each with the forms that match it and its kind."""
    capitalised = {t.lower() for t in tokens(query.text) if t[:1].isupper()}  # untranslated ones are names
    out: list[KeyWord] = []
    seen: set[str] = set()
    for word in content_words(query.text):
        if fold(word) in seen:
            continue
        seen.add(fold(word))
        own = {fold(word), stem(word, query.language)}
        forms = set(own)
        translated = False
        for language, by_word in query.translations.items():
            for translation in by_word.get(word, []):
                translated = True
                forms |= {stem(w, language) for w in content_words(translation)}
        kind = "number" if word.isdigit() else "name" if word in capitalised and not translated else "word"
        out.append(KeyWord(word, kind, forms, own, translated))
    return _group_names(out, query.text)


def _group_names(keys: list[KeyWord], question: str) -> list[KeyWord]:
    """One key for a name written in several words ('Hà Nội'): it matches 'Hanoi' or all of its words."""
    by_word = {fold(k.word): k for k in keys}
    for group in name_groups(question):
        members = [by_word.get(fold(w)) for w in group]
        names = [k for k in members if k is not None and k.kind == "name"]
        if len(names) < 2:
            continue
        merged = KeyWord(" ".join(k.word for k in names), "name", {joined([k.word for k in names])},
                         parts=[k.forms for k in names])  # fmt: skip
        keys = [k for k in keys if k not in names] + [merged]
    return keys


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
        ws = words(text)
        self.words = {fold(w) for w in ws} | {stem(w, language) for w in ws}
        self.prefixes = {_spelling(w)[:PREFIX] for w in self.words if len(w) >= PREFIX}

    def has(self, form: str) -> bool:
        return form in self.words or (len(form) >= PREFIX and _spelling(form)[:PREFIX] in self.prefixes)


def _matched(key: KeyWord, text: Words) -> bool:
    if any(text.has(form) for form in key.forms):
        return True
    return bool(key.parts) and all(any(text.has(form) for form in forms) for forms in key.parts)


def _coverage(keys: list[KeyWord], text: Words, document: Words) -> float:
    """Share of the question's key words, weighted by rarity, that the text holds; a name counts when the text's
    document holds it (a passage about 'the district' belongs to the article about Mo Cay Bac)."""
    total = sum(k.weight for k in keys)
    if not total:
        return 0.0
    matched = (k for k in keys if k.kind != "unjudged" and _matched(k, document if k.kind == "name" else text))
    return sum(k.weight for k in matched) / total


def _weigh(keys: list[KeyWord], index: LexicalIndex, language: str) -> None:
    """Rare words count for more, names and numbers double.

    A word found nowhere in the documents counts as the rarest when it is a name or number, or when the question
    is in a language the documents are written in: it may be the very topic they lack ('Da Nang', 'budget'). In
    another language, a word that no dictionary translates cannot be judged (where it matches, it matches a name
    by chance): it counts as half a typical word, never matched.
    """
    rarest = index.terms.max_idf
    typical = index.terms.median_idf
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


def _cue(question: str, sentence: str) -> float | None:
    """Does the sentence hold the kind of thing asked for: a number, a person's name, a time? None: not asked."""
    kind = asked_kind(question)
    if kind == "number":
        asked = set(NUMBER.findall(question))
        return 1.0 if any(n not in asked for n in NUMBER.findall(sentence)) else 0.0
    if kind == "person":
        return 1.0 if NAME.search(sentence) else 0.0
    if kind == "time":
        return 1.0 if TIME.search(sentence) else 0.0
    return None


def _document_words(index: LexicalIndex, passage: Passage) -> Words:
    key = f"words:{passage.doc_id}"
    if key not in index.cache:
        index.cache[key] = Words(f"{passage.title}\n{index.document_text(passage.doc_id)}", passage.language)
    return index.cache[key]  # type: ignore[no-any-return]


def select(results: Results, max_quotes: int = MAX_QUOTES) -> tuple[list[Scored], float]:
    """The best answering sentences and the coverage of the best passage (the no-answer signal)."""
    keys = _key_words(results.query)
    _weigh(keys, results.index, results.query.language)
    best_coverage = 0.0
    scored: list[Scored] = []
    for passage in results.passages:
        document = _document_words(results.index, passage)
        in_context = Words(f"{passage.title}\n{passage.text}", passage.language)
        best_coverage = max(best_coverage, _coverage(keys, in_context, document))
        prior = 1.0 / passage.rank
        spans = sentence_spans(passage.text, passage.language)
        for i, (start, end) in enumerate(spans):
            sentence = passage.text[start:end]
            if len(sentence) < 15:
                continue
            own = _coverage(keys, Words(sentence, passage.language), document)
            # the sentence before often names what this one is about ("The model ... It grew to 169 members.")
            before = passage.text[spans[i - 1][0] : end] if i else sentence
            context = _coverage(keys, Words(before, passage.language), document)
            score = 0.6 * own + 0.4 * context + PRIOR * prior
            cue = _cue(results.query.text, sentence)
            if cue is not None:  # a sentence without the kind of thing asked for cannot be the answer on its own
                score = score + CUE if cue else score * MISSING_KIND
            scored.append(Scored(passage, start, end, score, own))
    scored.sort(key=lambda s: -s.score)
    if not scored:
        return [], best_coverage
    chosen = [scored[0]]
    for cand in scored[1:]:
        if len(chosen) >= max_quotes or cand.score < SECOND_QUOTE * scored[0].score:
            break
        # overlapping chunks hold the same sentence twice
        if not any(cand.passage.text[cand.start : cand.end] == c.passage.text[c.start : c.end] for c in chosen):
            chosen.append(cand)
    return chosen, best_coverage


def retrieval_question(question: str, history: list[Any] | None) -> str:
    """A follow-up ('and in Hanoi?') is searched together with the previous question."""
    previous = _last_user_turn(history)
    if previous and len(content_words(question)) <= 4:
        return f"{previous} {question}"
    return question


def _last_user_turn(history: list[Any] | None) -> str | None:
    for turn in reversed(history or []):
        if isinstance(turn, dict) and turn.get("role") == "user":
            content = turn.get("content")
            if isinstance(content, str) and content.strip():
                return content
        elif isinstance(turn, (list, tuple)) and turn and isinstance(turn[0], str):
            return turn[0]
    return None


def compose(question: str, results: Results) -> Answer:
    """Answer from the retrieved passages with numbered citations; found=False (and related passages) when they do
    not hold the question's key words."""
    language = answer_language(results.query.language)
    chosen, coverage = select(results)
    if not chosen or coverage < FOUND_COVERAGE:
        citations = [Citation.of(i, p) for i, p in enumerate(results.passages[:3], start=1)]
        text = phrase(language, "none") + (" " + phrase(language, "related") if citations else "")
        return Answer(question=question, text=text, found=False, citations=citations, language=language)
    numbers: dict[str, int] = {}
    highlights: dict[str, list[tuple[int, int]]] = {}
    passages: dict[str, Passage] = {}
    lines = []
    for item in chosen:
        cid = item.passage.chunk_id
        number = numbers.setdefault(cid, len(numbers) + 1)
        highlights.setdefault(cid, []).append((item.start, item.end))
        passages[cid] = item.passage
        lines.append(f"«{item.passage.text[item.start : item.end]}» [{number}]")
    quoted_in = ", ".join(language_name(code, language) for code in sorted({p.language for p in passages.values()}))
    citations = [Citation.of(numbers[cid], passages[cid], highlights[cid]) for cid in numbers]
    text = phrase(language, "found", lang=quoted_in) + "\n" + "\n".join(lines)
    return Answer(question=question, text=text, found=True, citations=citations, language=language)
