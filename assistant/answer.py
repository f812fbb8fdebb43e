"""Answers: pick the sentences of the retrieved passages that answer, number the citations, decline when unsure."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from .chunking import sentence_spans
from .config import Settings, get_settings
from .errors import QuestionError
from .lexical import content_words, fold, stem
from .models import Answer, Citation, Passage
from .retrieve import Query, Results, search

# Share of the question's key words (names and numbers count double) that the best passage must hold.
FOUND_COVERAGE = 0.5
PREFIX = 5  # words sharing this many first letters match: cognates such as 'certification'/'certifié'
MAX_QUOTES = 2

LANGUAGE_NAMES = {
    "en": {"en": "English", "fr": "French", "sv": "Swedish", "vi": "Vietnamese"},
    "fr": {"en": "anglais", "fr": "français", "sv": "suédois", "vi": "vietnamien"},
    "sv": {"en": "engelska", "fr": "franska", "sv": "svenska", "vi": "vietnamesiska"},
    "vi": {"en": "tiếng Anh", "fr": "tiếng Pháp", "sv": "tiếng Thụy Điển", "vi": "tiếng Việt"},
}
PHRASES = {
    "en": {"found": "From the documents (quoted in {lang}):", "none": "The documents do not say.",
           "related": "Possibly related passages are listed below."},
    "fr": {"found": "D'après les documents (cités en {lang}) :", "none": "Les documents ne le disent pas.",
           "related": "Des passages peut-être liés sont listés ci-dessous."},
    "sv": {"found": "Enligt dokumenten (citerat på {lang}):", "none": "Dokumenten säger inget om det.",
           "related": "Möjligen relaterade stycken listas nedan."},
    "vi": {"found": "Theo tài liệu (trích dẫn bằng {lang}):", "none": "Tài liệu không đề cập đến điều này.",
           "related": "Các đoạn có thể liên quan được liệt kê bên dưới."},
}  # fmt: skip
_ASKS_NUMBER = re.compile(
    r"\b(how many|how much|what (?:amount|number|percentage|rate)|combien|quel(?:le)? (?:montant|nombre|taux)|"
    r"hur många|hur mycket|vilket belopp|bao nhiêu|mấy)\b",
    re.IGNORECASE,
)
_ASKS_PERSON = re.compile(r"\b(who|whom|qui|vem|ai là|người nào)\b", re.IGNORECASE)
_ASKS_TIME = re.compile(r"\b(when|what year|quand|en quelle année|när|vilket år|khi nào|bao giờ|năm nào)\b", re.IGNORECASE)
_NUMBER = re.compile(r"\d")
_NAME = re.compile(r"\b[A-ZĐ][\w'-]+(?:\s+[A-ZĐ][\w'-]+)+")
_TIME = re.compile(r"\b(19|20)\d{2}\b|\b(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
                   r"décembre|januari|februari|april|maj|juni|juli|augusti|oktober|trimestre|kvartal)\b", re.I)  # fmt: skip


@dataclass
class KeyWord:
    word: str
    weight: float
    forms: set[str]  # folded forms that count as a match: the word, its stems, its translations


@dataclass
class Scored:
    passage: Passage
    start: int
    end: int
    score: float
    coverage: float


def check_question(question: str, settings: Settings) -> str:
    """The question, tidied; a QuestionError with a friendly message when it cannot be asked as typed."""
    if not isinstance(question, str) or not question.strip():
        raise QuestionError("Please type a question.")
    if len(question) > settings.max_question_chars:
        raise QuestionError(
            f"That question is {len(question)} characters long; please keep it under {settings.max_question_chars}."
        )
    cleaned = "".join(ch for ch in question if ch in "\n\t" or unicodedata.category(ch) not in {"Cc", "Cf", "Cs", "Co"})
    if not re.search(r"\w", cleaned):
        raise QuestionError("Please type a question in words: that text has no letters or digits.")
    return re.sub(r"\s+", " ", cleaned).strip()


def _key_words(query: Query) -> list[KeyWord]:
    """The question's content words with the forms that match them, names and numbers weighing double."""
    tokens = re.findall(r"\w+", query.text)
    capitalised = {t.lower() for i, t in enumerate(tokens) if i and t[:1].isupper()}
    translations: dict[str, set[str]] = {}
    for phrases in query.translations.values():
        for phrase in phrases:
            translations.setdefault("*", set()).update(fold(w) for w in content_words(phrase))
    out: list[KeyWord] = []
    seen: set[str] = set()
    for word in content_words(query.text):
        if fold(word) in seen:
            continue
        seen.add(fold(word))
        weight = 2.0 if word.isdigit() or word in capitalised else 1.0
        forms = {fold(word), stem(word, query.language)}
        out.append(KeyWord(word, weight, forms))
    if translations:
        # translated words stand in for the question words they translate; match any of them to any word
        pool = translations["*"]
        for key in out:
            key.forms |= {t for t in pool if _related(key.word, t)}
    return out


def _related(word: str, translation: str) -> bool:
    return True  # refined per pair by the dictionary lookup; kept loose: a translation of any key word counts


class Words:
    """A text's folded words and stems, with their first letters, for fast matching of key words."""

    def __init__(self, text: str, language: str) -> None:
        ws = re.findall(r"\w+", text.lower())
        self.words = {fold(w) for w in ws} | {stem(w, language) for w in ws}
        self.prefixes = {w[:PREFIX] for w in self.words if len(w) >= PREFIX}

    def has(self, form: str) -> bool:
        return form in self.words or (len(form) >= PREFIX and form[:PREFIX] in self.prefixes)


def _matched(key: KeyWord, text: Words) -> bool:
    return any(text.has(form) for form in key.forms)


def _coverage(keys: list[KeyWord], text_words: Words, weights: dict[str, float]) -> float:
    total = sum(k.weight * weights.get(k.word, 1.0) for k in keys)
    if not total:
        return 0.0
    return sum(k.weight * weights.get(k.word, 1.0) for k in keys if _matched(k, text_words)) / total


def _cue(question: str, sentence: str) -> float:
    """Does the sentence hold the kind of thing asked for: a number, a person's name, a time?"""
    asked = set(re.findall(r"\d[\d\s.,]*", question))
    if _ASKS_NUMBER.search(question):
        numbers = [n for n in re.findall(r"\d[\d\s.,]*\d|\d", sentence) if n not in asked]
        return 1.0 if numbers else 0.0
    if _ASKS_PERSON.search(question):
        return 1.0 if _NAME.search(sentence) else 0.0
    if _ASKS_TIME.search(question):
        return 1.0 if _TIME.search(sentence) else 0.0
    return 0.0


def select(results: Results, max_quotes: int = MAX_QUOTES) -> tuple[list[Scored], float]:
    """The best answering sentences and the coverage of the best passage (the no-answer signal)."""
    keys = _key_words(results.query)
    weights = {k.word: 1.0 for k in keys}
    best_coverage = 0.0
    scored: list[Scored] = []
    for passage in results.passages:
        passage_words = Words(passage.text, passage.language)
        best_coverage = max(best_coverage, _coverage(keys, passage_words, weights))
        prior = 1.0 / passage.rank
        for start, end in sentence_spans(passage.text):
            sentence = passage.text[start:end]
            if len(sentence) < 15:
                continue
            cov = _coverage(keys, Words(sentence, passage.language), weights)
            score = cov + 0.25 * _cue(results.query.text, sentence) + 0.15 * prior
            scored.append(Scored(passage, start, end, score, cov))
    scored.sort(key=lambda s: -s.score)
    if not scored:
        return [], best_coverage
    chosen = [scored[0]]
    for cand in scored[1:]:
        if len(chosen) >= max_quotes or cand.score < 0.85 * scored[0].score:
            break
        if all(cand.passage.chunk_id != c.passage.chunk_id or abs(cand.start - c.start) > 0 for c in chosen):
            if not any(cand.passage.text[cand.start : cand.end] == c.passage.text[c.start : c.end] for c in chosen):
                chosen.append(cand)
    return chosen, best_coverage


def _citation(number: int, passage: Passage, highlights: list[tuple[int, int]]) -> Citation:
    return Citation(
        number=number,
        doc_id=passage.doc_id,
        title=passage.title,
        url=passage.url,
        date=passage.date,
        language=passage.language,
        passage=passage.text,
        passage_start=passage.start,
        highlights=sorted(highlights),
    )


def _retrieval_question(question: str, history: list[Any] | None) -> str:
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


def answer(
    question: str, history: list[Any] | None = None, k: int = 5, settings: Settings | None = None, **filters: Any
) -> Answer:
    """Answer from the documents with numbered citations; found=False (and related passages) when they do not say."""
    settings = settings or get_settings()
    question = check_question(question, settings)
    results = search(_retrieval_question(question, history), k, settings=settings, **filters)
    language = results.query.language if results.query.language in PHRASES else "en"
    phrases = PHRASES[language]
    chosen, coverage = select(results)
    if not chosen or coverage < FOUND_COVERAGE:
        citations = [_citation(i, p, []) for i, p in enumerate(results.passages[:3], start=1)]
        text = phrases["none"] + (" " + phrases["related"] if citations else "")
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
    source_langs = sorted({p.language for p in passages.values()})
    names = LANGUAGE_NAMES[language]
    header = phrases["found"].format(lang=", ".join(names.get(code, code) for code in source_langs))
    citations = [_citation(numbers[cid], passages[cid], highlights[cid]) for cid in numbers]
    answer_obj = Answer(
        question=question, text=header + "\n" + "\n".join(lines), found=True, citations=citations, language=language
    )
    if settings.llm_base_url and settings.llm_model:
        from .generate import generate

        return generate(answer_obj, results.passages, settings)
    return answer_obj
