"""Lexical matching beside Chroma: accent folding, per-language stemming, character n-grams and weighted BM25."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

import numpy as np
from scipy import sparse

STEMMERS = {"en": "english", "fr": "french", "sv": "swedish", "de": "german", "es": "spanish", "it": "italian",
            "pt": "portuguese", "nl": "dutch", "da": "danish", "no": "norwegian", "fi": "finnish"}  # fmt: skip
_WORD = re.compile(r"\w+")
# Function words of the languages users ask in; they carry no topic and would only add noise to BM25.
_STOPWORD_TEXT = """
    a an the of in on at to for from by with and or but is are was were be been being has have had do does did
    what which who whom whose when where why how many much it its this that these those there their they he she his
    her we our you your i me my as about into than then so not no yes can could would should will shall may might
    le la les l d de du des un une et ou en au aux ce cet cette ces est sont a ont été etre être par pour dans sur
    avec sans qui que qu quoi quel quelle quels quelles combien comment où ou quand pourquoi il elle ils elles se sa
    son ses leur leurs y ne pas plus fait faire lors
    och i på av till för från med om är var vara varit har hade den det de en ett som vad vem vilka vilken vilket
    hur många mycket när var varför inte under efter sin sitt sina deras han hon man kan ska skulle"""
_FOLD = str.maketrans({"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "æ": "ae", "œ": "oe", "ß": "ss", "’": "'", "ł": "l"})


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case without diacritics, so 'Mỏ Cày Bắc' meets 'Mo Cay Bac' and 'é' meets 'e'."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD).lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


STOPWORDS = {fold(w) for w in _STOPWORD_TEXT.split()}
# Vietnamese function words keep their tones: folded, "bao" (how) would also drop "bảo" (protect) and "bão" (storm)
VIETNAMESE_STOPWORDS = set(
    "là của và có các những một cho với được trong khi thì này đó ai gì nào bao nhiêu thế như tại sao đã đang sẽ ở "
    "về mấy bị rằng theo".split()
)


def words(text: str) -> list[str]:
    """Lower-cased word tokens, accents kept (stemmers need them)."""
    return _WORD.findall(unicodedata.normalize("NFC", text.replace("’", "'")).lower())


@lru_cache(maxsize=16)
def _stemmer(language: str) -> Any:
    name = STEMMERS.get(language)
    if name is None:
        return None
    import Stemmer

    return Stemmer.Stemmer(name)


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    stemmer = _stemmer(language)
    return fold(stemmer.stemWord(word)) if stemmer is not None else fold(word)


def content_words(text: str) -> list[str]:
    return [
        w
        for w in words(text)
        if fold(w) not in STOPWORDS and w not in VIETNAMESE_STOPWORDS and (len(w) > 1 or w.isdigit())
    ]


def name_groups(text: str) -> list[list[str]]:
    """Runs of two or more capitalised words ('Hà Nội', 'Mo Cay Bac'): names that may be written joined ('Hanoi')."""
    groups: list[list[str]] = []
    run: list[str] = []
    for token in re.findall(r"\w+|\S", text) + ["."]:
        if token[:1].isupper() and token[:1].isalpha():
            run.append(token)
            continue
        if len(run) >= 2:
            groups.append(run)
        run = []
    return groups


def joined(group: list[str]) -> str:
    return fold("".join(group))


def term_tokens(text: str, languages: Iterable[str]) -> list[str]:
    """Folded words and their stems under each language (a stemmer of the wrong language mostly keeps the word)."""
    langs = list(languages)
    out: list[str] = []
    for w in content_words(text):
        forms = {fold(w)} | {stem(w, lang) for lang in langs}
        out.extend(sorted(forms))
    return out


NGRAM_SIZES = (3, 4, 5)


def ngram_tokens(text: str) -> list[str]:
    """Character n-grams of folded words with boundary marks: catch cognates ('orphans'/'orphelins')."""
    out: list[str] = []
    for w in content_words(text):
        out.extend(_word_ngrams(fold(w)))
    return out


@lru_cache(maxsize=200_000)
def _word_ngrams(word: str) -> tuple[str, ...]:
    padded = f"_{word}_"
    out: list[str] = []
    for n in NGRAM_SIZES:
        out.extend([padded] if len(padded) <= n else (padded[i : i + n] for i in range(len(padded) - n + 1)))
    return tuple(out)


MIN_IDF = 0.25  # a term in over ~75% of documents


class BM25:
    """Okapi BM25 over a sparse matrix; queries are weighted term bags, so expansions can count for less."""

    def __init__(self, docs: list[list[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.vocab: dict[str, int] = {}
        indptr: list[int] = [0]
        indices: list[int] = []
        counts: list[int] = []
        for doc in docs:
            tf = Counter(doc)
            indices.extend(self.vocab.setdefault(term, len(self.vocab)) for term in tf)
            counts.extend(tf.values())
            indptr.append(len(indices))
        n_docs = len(docs)
        tfs = np.asarray(counts, dtype=np.float32)
        rows = np.repeat(np.arange(n_docs), np.diff(indptr))
        lengths = np.array([len(d) for d in docs], dtype=np.float32)
        avg = float(lengths.mean()) if n_docs and lengths.mean() > 0 else 1.0
        weights = tfs * (k1 + 1) / (tfs + k1 * (1 - b + b * lengths[rows] / avg)) if n_docs else tfs
        shape = (n_docs, len(self.vocab))
        self.matrix = sparse.csr_matrix((weights, np.asarray(indices, dtype=np.int64), indptr), shape=shape).tocsc()
        df = np.bincount(np.asarray(indices, dtype=np.int64), minlength=len(self.vocab)).astype(np.float32)
        self.idf = np.log1p((n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)
        self.n_docs = n_docs

    def scores(self, query: Mapping[str, float]) -> np.ndarray:
        """BM25 of every document; terms in nearly every document are skipped: they are the longest columns to read
        and move no document against another."""
        cols = [(c, w) for t, w in query.items() if (c := self.vocab.get(t)) is not None and self.idf[c] >= MIN_IDF]
        if not cols or self.n_docs == 0:
            return np.zeros(self.n_docs, dtype=np.float32)
        idx = np.array([c for c, _ in cols])
        weights = np.array([w for _, w in cols], dtype=np.float32) * self.idf[idx]
        return np.asarray(self.matrix[:, idx] @ weights).ravel()

    def idf_of(self, term: str) -> float | None:
        """The term's inverse document frequency, None when no document holds it."""
        col = self.vocab.get(term)
        return float(self.idf[col]) if col is not None else None

    @property
    def max_idf(self) -> float:
        return float(self.idf.max()) if len(self.idf) else 1.0
