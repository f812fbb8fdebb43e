"""The lexical index beside the vector store: BM25 over stemmed words and over character n-grams of folded words.

It is built from the store's chunks for one generation of the store and kept on disk as JSON and NumPy arrays
(never pickle), keyed by the store, its generation and the analyzer's version, so a changed tokenizer rebuilds it.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from .languages import content_words, fold, stem

# Bump when term_tokens or ngram_tokens change what they produce: stored indexes are then rebuilt.
ANALYZER_VERSION = "3"
NGRAM_SIZES = (3, 4, 5)
MIN_IDF = 0.25  # a term in over ~75% of documents


def term_tokens(text: str, languages: Iterable[str]) -> list[str]:
    """Folded words and their stems under each language (a stemmer of the wrong language mostly keeps the word)."""
    langs = list(languages)
    out: list[str] = []
    for w in content_words(text):
        forms = {fold(w)} | {stem(w, lang) for lang in langs}
        out.extend(sorted(forms))
    return out


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


class BM25:
    """Okapi BM25 over a sparse matrix; queries are weighted term bags, so expansions can count for less."""

    def __init__(self, vocab: dict[str, int], matrix: sparse.csc_matrix, idf: np.ndarray) -> None:
        self.vocab, self.matrix, self.idf = vocab, matrix, idf
        self.n_docs = int(matrix.shape[0])

    @classmethod
    def build(cls, docs: list[list[str]], k1: float = 1.2, b: float = 0.75) -> BM25:
        vocab: dict[str, int] = {}
        indptr: list[int] = [0]
        indices: list[int] = []
        counts: list[int] = []
        for doc in docs:
            tf = Counter(doc)
            indices.extend(vocab.setdefault(term, len(vocab)) for term in tf)
            counts.extend(tf.values())
            indptr.append(len(indices))
        n_docs = len(docs)
        tfs = np.asarray(counts, dtype=np.float32)
        rows = np.repeat(np.arange(n_docs), np.diff(indptr))
        lengths = np.array([len(d) for d in docs], dtype=np.float32)
        avg = float(lengths.mean()) if n_docs and lengths.mean() > 0 else 1.0
        weights = tfs * (k1 + 1) / (tfs + k1 * (1 - b + b * lengths[rows] / avg)) if n_docs else tfs
        shape = (n_docs, len(vocab))
        matrix = sparse.csr_matrix((weights, np.asarray(indices, dtype=np.int64), indptr), shape=shape).tocsc()
        df = np.bincount(np.asarray(indices, dtype=np.int64), minlength=len(vocab)).astype(np.float32)
        idf = np.log1p((n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)
        return cls(vocab, matrix, idf)

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

    @property
    def median_idf(self) -> float:
        return float(np.median(self.idf)) if len(self.idf) else 1.0

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        m = self.matrix
        return {f"{prefix}.data": m.data, f"{prefix}.indices": m.indices, f"{prefix}.indptr": m.indptr,
                f"{prefix}.shape": np.asarray(m.shape), f"{prefix}.idf": self.idf}  # fmt: skip

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray], prefix: str, vocab: list[str]) -> BM25:
        shape = tuple(int(x) for x in arrays[f"{prefix}.shape"])
        parts = (arrays[f"{prefix}.data"], arrays[f"{prefix}.indices"], arrays[f"{prefix}.indptr"])
        matrix = sparse.csc_matrix(parts, shape=shape)
        return cls({t: i for i, t in enumerate(vocab)}, matrix, arrays[f"{prefix}.idf"])


def context(text: str, meta: Mapping[str, Any]) -> str:
    """What the lexical signals read: a chunk with its document's title (the first chunk holds it already)."""
    return f"{meta['title']}\n{text}" if int(meta["index"]) else text


@dataclass
class LexicalIndex:
    """Every chunk of one generation of the store (id, text, metadata) with its two BM25 indexes."""

    key: str
    ids: list[str]
    texts: list[str]
    metas: list[dict[str, Any]]
    terms: BM25
    ngrams: BM25
    cache: dict[str, Any] = field(default_factory=dict)  # derived data that lives as long as this index

    @classmethod
    def build(cls, key: str, rows: Iterator[tuple[str, str, dict[str, Any]]]) -> LexicalIndex:
        ids: list[str] = []
        texts: list[str] = []
        metas: list[dict[str, Any]] = []
        for cid, text, meta in rows:
            ids.append(cid)
            texts.append(text)
            metas.append(meta)
        contexts = [context(t, m) for t, m in zip(texts, metas, strict=True)]
        terms = BM25.build([term_tokens(c, [str(m["language"])]) for c, m in zip(contexts, metas, strict=True)])
        ngrams = BM25.build([ngram_tokens(c) for c in contexts])
        return cls(key, ids, texts, metas, terms, ngrams)

    @property
    def languages(self) -> tuple[str, ...]:
        if "languages" not in self.cache:
            self.cache["languages"] = tuple(sorted({str(m["language"]) for m in self.metas}))
        return self.cache["languages"]  # type: ignore[no-any-return]

    def language_of(self) -> dict[str, str]:
        """chunk id -> its document's language."""
        if "language_of" not in self.cache:
            self.cache["language_of"] = {c: str(m["language"]) for c, m in zip(self.ids, self.metas, strict=True)}
        return self.cache["language_of"]  # type: ignore[no-any-return]

    def document_text(self, doc_id: str) -> str:
        """All of a document's chunks, in order (overlaps repeated): enough to know which words it holds."""
        if "positions" not in self.cache:
            positions: dict[str, list[int]] = {}
            for i, meta in enumerate(self.metas):
                positions.setdefault(str(meta["doc_id"]), []).append(i)
            self.cache["positions"] = positions
        rows = sorted(self.cache["positions"].get(doc_id, []), key=lambda i: int(self.metas[i]["index"]))
        return "\n".join(self.texts[i] for i in rows)

    def span(self, doc_id: str, start: int, end: int) -> tuple[str, int]:
        """The document's cleaned text between two offsets, rebuilt from its chunks, and the offset it starts at.

        Chunks overlap or are separated by the whitespace the splitter stripped: the cleaner joins paragraphs with a
        blank line and keeps single spaces inside them, so a two-character gap is a paragraph break."""
        self.document_text(doc_id)  # fills the positions cache
        rows = sorted(self.cache["positions"].get(doc_id, []), key=lambda i: int(self.metas[i]["start"]))
        pieces: list[str] = []
        first = cursor = -1
        for i in rows:
            a, b = int(self.metas[i]["start"]), int(self.metas[i]["end"])
            if b <= max(start, cursor) or a >= end:
                continue
            if cursor < 0:
                first = cursor = max(a, start)
            elif a > cursor:
                pieces.append("\n\n" if a - cursor == 2 else " " * (a - cursor))
                cursor = a
            pieces.append(self.texts[i][cursor - a : min(b, end) - a])
            cursor = min(b, end)
        return "".join(pieces), max(first, 0)

    def save(self, folder: Path) -> None:
        """Write the index into folder (a new file replaces the old in one step); a read-only folder is left as is."""
        try:
            folder.mkdir(parents=True, exist_ok=True)
            partial = folder / f".{os.getpid()}.tmp"
            payload = {"key": self.key, "ids": self.ids, "texts": self.texts, "metas": self.metas,
                       "terms": list(self.terms.vocab), "ngrams": list(self.ngrams.vocab)}  # fmt: skip
            arrays = {"meta": np.frombuffer(json.dumps(payload).encode(), dtype=np.uint8)}
            arrays |= self.terms.arrays("terms") | self.ngrams.arrays("ngrams")
            with partial.open("wb") as handle:
                np.savez(handle, allow_pickle=False, **arrays)
            os.replace(partial, folder / "index.npz")
        except OSError:
            pass  # a cache only: rebuilt next time

    @classmethod
    def load(cls, folder: Path, key: str) -> LexicalIndex | None:
        """The saved index when it was built for key; None when missing, unreadable or built for something else."""
        try:
            with np.load(folder / "index.npz", allow_pickle=False) as arrays:
                payload = json.loads(arrays["meta"].tobytes())
                if payload.get("key") != key:
                    return None
                loaded = {name: arrays[name] for name in arrays.files}
            return cls(
                key, payload["ids"], payload["texts"], payload["metas"],
                BM25.from_arrays(loaded, "terms", payload["terms"]),
                BM25.from_arrays(loaded, "ngrams", payload["ngrams"]),
            )  # fmt: skip
        except (OSError, ValueError, KeyError, TypeError):
            return None
