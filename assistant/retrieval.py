"""Hybrid retrieval: every named signal ranks the chunks, and reciprocal rank fusion joins the rankings."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Container
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .config import Settings
from .dictionaries import PIVOT, Known, expand
from .dictionaries import load as load_dictionary
from .errors import QuestionError
from .languages import (
    COMPOUNDING,
    QUESTION_LANGUAGES,
    asked_figures,
    asks_of_article,
    byline,
    content_words,
    counted,
    fold,
    joined,
    name_groups,
    question_language,
    stem,
    without_genitive,
)
from .lexical import LexicalIndex, doc_of, ngram_tokens, term_tokens
from .models import Passage
from .places import district_provinces
from .signals import Signal, centred, encoder, fusion_parameters
from .store import Store

FILTERS = {"doc_id", "language"}
POOL = 50  # candidates taken from each signal
# the dense signal's first passages that join the passage model's pool however low fusion ranks them: a Swedish
# question's passage that the cross-lingual encoder ranks 8th and the dictionary-bound lexical signals miss fused 38th
LIFTED = 10
EXPANSION_WEIGHT = 0.5  # a translation counts half as much as the question's own word


@dataclass
class Query:
    text: str
    language: str
    terms: dict[str, float]
    ngrams: dict[str, float]
    translations: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # language -> word -> translations
    synonyms: dict[str, list[str]] = field(default_factory=dict)  # what a 'how many' counts -> its other words


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
    index: LexicalIndex
    pinned: frozenset[str] = frozenset()  # the chunks of an article's bylines, for a question about it: kept first


def _bag(tokens: list[str], weight: float, into: dict[str, float]) -> None:
    for token, count in Counter(tokens).items():
        into[token] = into.get(token, 0.0) + weight * count


def analyse(
    question: str, corpus_languages: tuple[str, ...], dictionaries_dir: Path, index: LexicalIndex | None = None
) -> Query:
    """Query terms in the question's words, plus their dictionary translations into the corpus' languages (those the
    indexed documents use first, when the index is given)."""
    language = question_language(question)
    question = without_genitive(question, language, index.terms if index is not None else None)  # Quang Nam's
    terms: dict[str, float] = {}
    ngrams: dict[str, float] = {}
    _bag(term_tokens(question, sorted({language, *corpus_languages})), 1.0, terms)
    _bag(ngram_tokens(question), 1.0, ngrams)
    names = [joined(group) for group in name_groups(question)]  # 'Hà Nội' is also 'Hanoi'
    _bag(names, 1.0, terms)
    _bag(ngram_tokens(" ".join(names)), 1.0, ngrams)
    targets = [lang for lang in corpus_languages if lang != language]
    known = None
    if index is not None:
        vocabulary = index.terms

        def known(translation: str, target: str) -> bool:
            return any(stem(w, target) in vocabulary for w in content_words(translation))

    if index is not None and language in COMPOUNDING:
        _bag(compounds(question, language, index.terms), 1.0, terms)
    translations = expand(question, language, targets, dictionaries_dir, known)
    for target, by_word in translations.items():
        text = " ".join(t for ts in by_word.values() for t in ts)
        _bag(term_tokens(text, [target]), EXPANSION_WEIGHT, terms)
        _bag(ngram_tokens(text), EXPANSION_WEIGHT, ngrams)
    same = synonyms(question, language, dictionaries_dir, known) if language in corpus_languages else {}
    return Query(question, language, terms, ngrams, translations, same)


COMPOUND_LINKS = ("", "s")  # what may join the two: 'solidaritet|s|hus', 'sop|tipp'
MIN_PART = 3  # letters in either part


def compounds(question: str, language: str, vocabulary: Container[str]) -> list[str]:
    """The compounds the documents write for two of the question's words: 'hus för solidaritet' is 'solidaritetshus'
    in a Swedish report, one word that shares no term with the question's two."""
    # as written, lower-cased: `stem` folds after stemming, as the index does ('kommittén' stems to 'kommitte', its
    # folded spelling 'kommitten' to 'kommit')
    words = list(dict.fromkeys(w.lower() for w in content_words(question) if not w.isdigit() and len(w) >= MIN_PART))
    out = []
    for modifier, head in itertools.permutations(words, 2):
        # a modifier may drop its last vowel: 'skola' -> 'skolbarn'; not a short one ('alla' + 'tid' is 'alltid')
        cut = modifier[:-1] if fold(modifier[-1]) in "aeo" and len(modifier) > MIN_PART + 1 else modifier
        for m, link in itertools.product(dict.fromkeys((modifier, cut)), COMPOUND_LINKS):
            compound = stem(f"{m}{link}{head}", language)  # the stemmer may take a head for a suffix ('-heter')
            whole = len(compound) >= len(m + link) + MIN_PART
            if whole and compound in vocabulary and compound not in out:
                out.append(compound)
    return out


def synonyms(question: str, language: str, dictionaries_dir: Path, known: Known | None = None) -> dict[str, list[str]]:
    """The other words of the question's own language for what a 'how many' question counts, through English and
    back ('maisons' -> house -> 'logements'), those the documents use, so that '30 logements' counts the houses asked
    about; the words of a question in another language than the documents' have their translations already."""
    out: dict[str, list[str]] = {}
    if language == PIVOT:
        return out
    for word in counted(question):
        english = [e for ts in expand(word, language, [PIVOT], dictionaries_dir).get(PIVOT, {}).values() for e in ts]
        back = expand(" ".join(english), PIVOT, [language], dictionaries_dir, known).get(language, {})
        found = [t for ts in back.values() for t in ts if fold(t) != fold(word)]
        found = [t for t in found if known is None or known(t, language)]
        if found:
            out[word] = list(dict.fromkeys(found))
    return out


def filter_values(filters: dict[str, Any]) -> dict[str, list[str]]:
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


Rankings = dict[str, list[tuple[str, float]]]


def rankings(
    query: Query, index: LexicalIndex, store: Store, signals: list[Signal], settings: Settings, filters: dict[str, Any]
) -> Rankings:
    """Each signal's (chunk id, score) list, best first; an encoder is asked only where it knows the languages."""
    allowed = filter_values(filters)
    where = _where(allowed)
    bags = {"terms": query.terms, "ngrams": query.ngrams}
    ranked: Rankings = {}
    for signal in signals:
        if signal.kind == "dense":
            if signal.serves(query.language) and any(signal.serves(lang) for lang in index.languages):
                vector = centred(signal, query.language, encoder(signal, settings).embed_query(query.text))
                ranked[signal.name] = store.query(signal.name, vector, POOL, where)
        else:
            ranked[signal.name] = index.search(signal.name, bags[signal.name], allowed, POOL)
    return ranked


def fuse(
    ranked: Rankings, signals: list[Signal], query_language: str, languages: dict[str, str], rrf_k: float | None = None
) -> list[Candidate]:
    """Weighted reciprocal rank fusion; a chunk is scored by the signals that can judge its language, so a
    Swedish passage that USE cannot read is not outranked for lacking USE's vote."""
    k = fusion_parameters()["rrf_k"] if rrf_k is None else rrf_k
    by_name = {s.name: s for s in signals}
    candidates: dict[str, Candidate] = {}
    for name, hits in ranked.items():
        for rank, (cid, score) in enumerate(hits, start=1):
            cand = candidates.setdefault(cid, Candidate(cid))
            cand.signals[name] = score
            cand.ranks[name] = rank
            weight = by_name[name].weight * by_name[name].fit(query_language, languages.get(doc_of(cid), "und"))
            cand.fused += weight / (k + rank)
    for cid, cand in candidates.items():
        lang = languages.get(doc_of(cid), "und")
        cand.fused /= sum(by_name[n].weight * by_name[n].fit(query_language, lang) for n in ranked) or 1.0
    return sorted(candidates.values(), key=lambda c: -c.fused)


def passages(candidates: list[Candidate], k: int, store: Store) -> tuple[list[Passage], list[Candidate]]:
    """The first k candidates that still exist (a reindex may have removed some since the index was read)."""
    live = store.get([c.chunk_id for c in candidates])
    out: list[Passage] = []
    kept: list[Candidate] = []
    for cand in candidates:
        if cand.chunk_id not in live or len(out) >= k:
            continue
        text, meta = live[cand.chunk_id]
        out.append(
            Passage(
                text=text, score=round(cand.fused, 6), rank=len(out) + 1, doc_id=str(meta["doc_id"]),
                title=str(meta["title"]), url=str(meta["url"]) or None, date=str(meta["date"]) or None,
                language=str(meta["language"]), start=int(meta["start"]), end=int(meta["end"]), chunk_id=cand.chunk_id,
                page=int(meta.get("page") or 0) or None, site=str(meta.get("site") or "") or None,
            )
        )  # fmt: skip
        kept.append(cand)
    return out, kept


ARTICLES = 10  # the best candidates whose documents may be the article a question names


def _article_asked(question: str, candidates: list[Candidate], index: LexicalIndex) -> str:
    """The document a question about an article means: of the first candidates' documents, the best-ranked one that
    holds every name the question gives ('the article about Quang Nam', not the Hanoi interview that scores higher on
    'mô hình Dân vận khéo'), else the best-ranked one."""
    names = [fold(" ".join(group)) for group in name_groups(question)]
    for cand in candidates[:ARTICLES] if names else []:
        doc = doc_of(cand.chunk_id)
        key = f"folded:{doc}"
        if key not in index.cache:
            index.cache[key] = fold(index.document_text(doc))
        text = str(index.cache[key])
        if all(_holds_name(name, text) for name in names):
            return doc
    return doc_of(candidates[0].chunk_id)


NAME_WORDS = 4  # the most words a name may be written in ('mo cay bac')


def _holds_name(name: str, folded: str) -> bool:
    """Whether a folded text holds a folded name as whole words, written apart or together ('ha noi' for 'hanoi'), not
    inside other words ('nha noi', a house); a name of several words is joined or split only where its words meet
    ('quang nam' is not 'quan gnam')."""
    if re.search(r"\b" + " ?".join(map(re.escape, name.split())) + r"\b", folded):
        return True
    if " " in name:
        return False
    joined, tokens = name, re.findall(r"\w+", folded)
    return any(
        "".join(tokens[i : i + n]) == joined for n in range(1, NAME_WORDS + 1) for i in range(len(tokens) - n + 1)
    )


def bylines_first(
    question: str, candidates: list[Candidate], index: LexicalIndex
) -> tuple[list[Candidate], frozenset[str]]:
    """For a question about the article itself (when it was published, who wrote it, where it appeared), the chunks of
    the document it names that hold its bylines ('Site 17/10/2024', 'Article et photos : P. Tuyet', 'Source : …')
    come first; and which they are."""
    if not candidates:
        return candidates, frozenset()
    rows = index.chunks(_article_asked(question, candidates, index))
    return _first(candidates, [str(r["id"]) for r in rows if any(byline(p) for p in str(r["text"]).split("\n\n"))])


def _first(candidates: list[Candidate], ids: list[str]) -> tuple[list[Candidate], frozenset[str]]:
    """The candidates with these chunks first, ranking as the best one does whatever their own words scored (those
    not among the candidates joined), and which they are."""
    by_id = {c.chunk_id: c for c in candidates}
    top = candidates[0].fused
    first = [replace(by_id[i], fused=top) if i in by_id else Candidate(i, fused=top) for i in ids]
    return first + [c for c in candidates if c.chunk_id not in ids], frozenset(ids)


FIGURED = 3  # chunks at most, those that write a figure a question asks the meaning of, put first


def figures_first(
    asked: set[str], candidates: list[Candidate], index: LexicalIndex, allowed: dict[str, list[str]]
) -> tuple[list[Candidate], frozenset[str]]:
    """For a question that asks what a figure stands for ('Con số 579… nói về điều gì?'), the chunks that write it
    (`asked`, from `asked_figures`) come first, whatever the question's other words scored (its figure is one term
    among many); and which they are."""
    if not candidates:
        return candidates, frozenset()
    hits = index.search("terms", dict.fromkeys(asked, 1.0), allowed, FIGURED)
    return _first(candidates, [cid for cid, _ in hits])


def search(
    question: str,
    k: int,
    store: Store,
    index: LexicalIndex,
    signals: list[Signal],
    settings: Settings,
    lift: int = 0,
    pool: int | None = None,
    **filters: Any,
) -> Results:
    """Rank chunks for a question; Results keep every signal so the answerer can judge confidence. `lift`: the dense
    signal's first `lift` chunks take the last places of the first `pool` (k unless given), where fusion ranks them
    lower."""
    question = question.strip()
    if not question:
        raise QuestionError("Ask a question: the text is empty.")
    query = analyse(question, index.languages, settings.dictionaries_dir, index)
    ranked = rankings(query, index, store, signals, settings, filters)
    candidates = fuse(ranked, signals, query.language, index.language_of())
    pinned: frozenset[str] = frozenset()
    if asks_of_article(question):
        candidates, pinned = bylines_first(question, candidates, index)
    elif figured := asked_figures(question):
        candidates, pinned = figures_first(figured, candidates, index, filter_values(filters))
    pool = k if pool is None else pool
    # at most a third of the pool: a small k keeps fusion's best ('retrieve(k=5)' is not the encoder's alone)
    if lift and (lifted := [c for c in candidates[pool:] if c.ranks.get("dense", lift + 1) <= lift][: pool // 3]):
        # they take the places of fusion's last ones in the pool, of those the encoder does not rank so high
        fused = [c for c in reversed(candidates[:pool]) if c.ranks.get("dense", lift + 1) > lift]
        dropped = {c.chunk_id for c in fused[: len(lifted)]}
        head = [c for c in candidates[:pool] if c.chunk_id not in dropped] + lifted
        placed = {c.chunk_id for c in head}
        candidates = head + [c for c in candidates if c.chunk_id not in placed]
    found, kept = passages(candidates[: max(k, 1) * 3], k, store)
    return Results(query=query, passages=found, candidates=kept, index=index, pinned=pinned)


def warm_up(index: LexicalIndex, signals: list[Signal], settings: Settings) -> None:
    """Load what the first question would otherwise wait for: the encoders, the dictionaries, the districts."""
    district_provinces()
    for signal in signals:
        if signal.kind == "dense" and any(signal.serves(lang) for lang in index.languages):
            encoder(signal, settings).embed_query("warm up")
    for source in QUESTION_LANGUAGES:
        for target in index.languages:
            if source != target:
                for pair in ((source, target), (source, PIVOT), (PIVOT, target)):
                    load_dictionary(*pair, settings.dictionaries_dir)
