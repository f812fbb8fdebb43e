"""Hybrid retrieval: two dense signals from Chroma and two lexical ones, fused by reciprocal rank."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from .config import Settings, get_settings
from .dictionaries import PIVOT, expand
from .dictionaries import load as load_dictionary
from .embedding import encoder_languages, get_encoder
from .errors import QuestionError
from .indexer import encoders, ensure_index
from .lexical import joined, name_groups, ngram_tokens, term_tokens
from .models import Passage
from .store import Snapshot, get_store

QUERY_LANGUAGES = ["en", "fr", "sv", "vi"]
FILTERS = {"doc_id", "language"}
POOL = 50  # candidates taken from each signal
RRF_K = 20  # small: the signals are precise at the top, so the top ranks should count most
WEIGHTS = {"dense": 1.0, "use": 1.0, "terms": 1.0, "ngrams": 2.0}  # n-grams work in every language pair
CROSS_TERMS = 0.5  # exact terms across languages rest on dictionary translations
EXPANSION_WEIGHT = 0.5  # a translation counts half as much as the question's own word


@dataclass
class Query:
    text: str
    language: str
    terms: dict[str, float]
    ngrams: dict[str, float]
    translations: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # language -> word -> translations


@dataclass
class Candidate:
    chunk_id: str
    fused: float = 0.0
    signals: dict[str, float] = field(default_factory=dict)
    ranks: dict[str, int] = field(default_factory=dict)


@dataclass
class Results:
    query: Query
    passages: list[Passage]
    candidates: list[Candidate]
    snapshot: Snapshot


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(QUERY_LANGUAGES)
    return identifier


def question_language(text: str) -> str:
    """The language a question is asked in, among those users ask in."""
    if not re.search(r"[^\W\d_]", text):
        return "en"
    return str(_identifier().classify(text)[0])


def _bag(tokens: list[str], weight: float, into: dict[str, float]) -> None:
    for token, count in Counter(tokens).items():
        into[token] = into.get(token, 0.0) + weight * count


def analyse(question: str, corpus_languages: tuple[str, ...], settings: Settings) -> Query:
    """Query terms in the question's words, plus their dictionary translations into the corpus' languages."""
    language = question_language(question)
    stem_languages = sorted({language, *corpus_languages})
    terms: dict[str, float] = {}
    ngrams: dict[str, float] = {}
    _bag(term_tokens(question, stem_languages), 1.0, terms)
    _bag(ngram_tokens(question), 1.0, ngrams)
    names = [joined(group) for group in name_groups(question)]  # 'Hà Nội' is also 'Hanoi'
    _bag(names, 1.0, terms)
    _bag(ngram_tokens(" ".join(names)), 1.0, ngrams)
    targets = [lang for lang in corpus_languages if lang != language]
    translations = expand(question, language, targets, settings.dictionaries_dir)
    for target, by_word in translations.items():
        text = " ".join(t for ts in by_word.values() for t in ts)
        _bag(term_tokens(text, [target]), EXPANSION_WEIGHT, terms)
        _bag(ngram_tokens(text), EXPANSION_WEIGHT, ngrams)
    return Query(question, language, terms, ngrams, translations)


def _filter_values(filters: dict[str, Any]) -> dict[str, list[str]]:
    """filter name -> allowed values (a value or a list of them); empty filters are dropped."""
    unknown = set(filters) - FILTERS
    if unknown:
        raise QuestionError(f"unknown filter {sorted(unknown)}: use {sorted(FILTERS)}")
    return {
        key: [value] if isinstance(value, str) else list(value)
        for key, value in filters.items()
        if value not in (None, "", [], ())
    }


def _where(allowed: dict[str, list[str]]) -> dict[str, Any] | None:
    """The filters as a Chroma where clause."""
    clauses: list[dict[str, Any]] = [{key: {"$in": values}} for key, values in allowed.items()]
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def _mask(snap: Snapshot, allowed: dict[str, list[str]]) -> np.ndarray | None:
    """The filters as a mask over the lexical index's chunks."""
    mask = None
    for key, values in allowed.items():
        wanted = set(values)
        m = np.array([str(meta[key]) in wanted for meta in snap.metas], dtype=bool)
        mask = m if mask is None else mask & m
    return mask


def _top(scores: np.ndarray, mask: np.ndarray | None, n: int) -> list[tuple[int, float]]:
    if mask is not None:
        scores = np.where(mask, scores, 0.0)
    if not len(scores):
        return []
    order = np.argsort(-scores, kind="stable")[:n]
    return [(int(i), float(scores[i])) for i in order if scores[i] > 0]


def _fit(signal: str, query_language: str, doc_language: str, trained: dict[str, frozenset[str] | None]) -> float:
    """How far a signal can be trusted for this pair of languages: an encoder only for languages it was trained on,
    exact terms fully only within one language (across languages they rest on dictionary translations)."""
    if signal in trained:
        langs = trained[signal]
        return 1.0 if langs is None or {query_language, doc_language} <= langs else 0.0
    if signal == "terms":
        return 1.0 if query_language == doc_language else CROSS_TERMS
    return 1.0


def search(question: str, k: int = 5, settings: Settings | None = None, **filters: Any) -> Results:
    """Rank chunks for a question; Results keep every signal so the answerer can judge confidence."""
    settings = settings or get_settings()
    question = question.strip()
    if not question:
        raise QuestionError("Ask a question: the text is empty.")
    allowed = _filter_values(filters)
    where = _where(allowed)
    ensure_index(settings)
    snap = get_store(settings).snapshot()
    query = analyse(question, snap.languages, settings)
    mask = _mask(snap, allowed)

    ranked, trained = _rankings(question, query, snap, settings, where, mask)
    candidates = _fuse(ranked, trained, query.language, snap.language_of())
    passages, kept = _passages(candidates[: max(k, 1) * 3], k, settings)
    return Results(query=query, passages=passages, candidates=kept, snapshot=snap)


Rankings = dict[str, list[tuple[str, float]]]


def _rankings(
    question: str, query: Query, snap: Snapshot, settings: Settings, where: dict[str, Any] | None, mask: Any
) -> tuple[Rankings, dict[str, frozenset[str] | None]]:
    """Each signal's (chunk id, score) list, best first; an encoder is asked only where it knows the languages."""
    store = get_store(settings)
    ranked: Rankings = {}
    trained: dict[str, frozenset[str] | None] = {}
    for which, name in enumerate(encoders(settings)):
        signal = "dense" if which == 0 else "use"
        languages = trained[signal] = encoder_languages(name)
        if languages is None or (query.language in languages and set(snap.languages) & languages):
            ranked[signal] = store.query(which, get_encoder(name).embed_query(question), POOL, where)
    assert snap.terms is not None and snap.ngrams is not None
    ranked["terms"] = [(snap.ids[i], s) for i, s in _top(snap.terms.scores(query.terms), mask, POOL)]
    ranked["ngrams"] = [(snap.ids[i], s) for i, s in _top(snap.ngrams.scores(query.ngrams), mask, POOL)]
    return ranked, trained


def _fuse(
    ranked: Rankings, trained: dict[str, frozenset[str] | None], query_language: str, languages: dict[str, str]
) -> list[Candidate]:
    """Weighted reciprocal rank fusion; a chunk is scored by the signals that can judge its language, so a
    Swedish passage that USE cannot read is not outranked for lacking USE's vote."""
    candidates: dict[str, Candidate] = {}
    for signal, hits in ranked.items():
        for rank, (cid, score) in enumerate(hits, start=1):
            cand = candidates.setdefault(cid, Candidate(cid))
            cand.signals[signal] = score
            cand.ranks[signal] = rank
            weight = WEIGHTS[signal] * _fit(signal, query_language, languages.get(cid, "und"), trained)
            cand.fused += weight / (RRF_K + rank)
    for cid, cand in candidates.items():
        lang = languages.get(cid, "und")
        cand.fused /= sum(WEIGHTS[s] * _fit(s, query_language, lang, trained) for s in ranked) or 1.0
    return sorted(candidates.values(), key=lambda c: -c.fused)


def _passages(candidates: list[Candidate], k: int, settings: Settings) -> tuple[list[Passage], list[Candidate]]:
    """The first k candidates that still exist (a reindex may have removed some since the snapshot), as Passages."""
    live = get_store(settings).get([c.chunk_id for c in candidates])
    passages: list[Passage] = []
    kept: list[Candidate] = []
    for cand in candidates:
        if cand.chunk_id not in live or len(passages) >= k:
            continue
        text, meta = live[cand.chunk_id]
        passages.append(
            Passage(
                text=text,
                score=round(cand.fused, 6),
                rank=len(passages) + 1,
                doc_id=str(meta["doc_id"]),
                title=str(meta["title"]),
                url=str(meta["url"]) or None,
                date=str(meta["date"]) or None,
                language=str(meta["language"]),
                start=int(meta["start"]),
                end=int(meta["end"]),
                chunk_id=cand.chunk_id,
            )
        )
        kept.append(cand)
    return passages, kept


def warm_up(settings: Settings | None = None) -> None:
    """Load what the first question would otherwise wait for: the index, the encoders, the dictionaries."""
    settings = settings or get_settings()
    ensure_index(settings)
    snap = get_store(settings).snapshot()
    for name in encoders(settings):
        languages = encoder_languages(name)
        if languages is None or set(snap.languages) & languages:
            get_encoder(name).embed_query("warm up")
    for source in QUERY_LANGUAGES:
        for target in snap.languages:
            if source != target:
                for pair in ((source, target), (source, PIVOT), (PIVOT, target)):
                    load_dictionary(*pair, settings.dictionaries_dir)


def retrieve(question: str, k: int = 5, **filters: Any) -> list[Passage]:
    """The k passages that best answer question, best first; filters: doc_id=..., language=... (str or list)."""
    return search(question, k, **filters).passages
