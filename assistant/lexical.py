"""The lexical index beside the vector store: BM25 over stemmed words and over character n-grams of folded words.

tantivy holds it: every chunk with this module's analyzer output (pre-tokenized, joined by spaces and read with
tantivy's whitespace tokenizer, so tantivy's BM25 scores exactly the tokens below), and a catalog of the documents
(title, language, date, source, chunks). It lives on disk beside the store, and the indexer updates it in place:
a changed file's chunks are deleted and added, then committed before the store's generation moves. Another process
reloads it when that generation moves; nothing is rebuilt for a change. It is rebuilt from the store's chunks only
when it was made for another store, another analyzer or layout (a message says so), or is behind the store. Nothing
is read with pickle: tantivy's own files and JSON.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import shutil
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import tantivy

from .languages import content_words, fold, sites_of_links, stem

log = logging.getLogger(__name__)

# Bump when term_tokens or ngram_tokens change what they produce: stored indexes are then rebuilt.
ANALYZER_VERSION = "7"  # 7: a link read as its site
NGRAM_SIZES = (3, 4, 5)
MIN_IDF = 0.25  # a term in over ~75% of documents


# A number written in groups, or with decimals, as each language writes it: '6 920', '6,920', '6.920'; '104,3'.
# Stricter than languages.NUMBER, which also joins numbers that merely stand side by side ('2020 2025').
GROUPED = re.compile(r"\b\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+\b|\b\d+[.,]\d{1,2}\b")


def term_tokens(text: str, languages: Iterable[str]) -> list[str]:
    """Folded words and their stems under each language (a stemmer of the wrong language mostly keeps the word), and
    each grouped number as one term, whatever its separators: '6 920' in a Swedish report and '6,920' in an English
    question are both '6920', a term far rarer than its parts '6' and '920'."""
    langs = list(languages)
    out: list[str] = []
    for w in content_words(text):
        forms = {fold(w)} | {stem(w, lang) for lang in langs}
        out.extend(sorted(forms))
    out.extend(re.sub(r"\D", "", m.group()) for m in GROUPED.finditer(text))
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


def context(text: str, meta: Mapping[str, Any]) -> str:
    """What the lexical signals read: a chunk with its document's title (the first chunk holds it already), its
    links as their sites (`languages.sites_of_links`)."""
    text = sites_of_links(text)
    return f"{meta['title']}\n{text}" if int(meta["index"]) else text


LAYOUT = "tantivy-1"  # the schema below; a change rebuilds stored indexes
STATE = "state.json"  # which store, generation and analyzer the committed index holds, and the catalog
K1, B = 1.2, 0.75  # tantivy's BM25 constants (the same as Lucene's)
Row = tuple[str, str, Mapping[str, Any]]  # (chunk id, text, metadata) as the store keeps them


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("doc_id", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("language", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("terms", tokenizer_name="whitespace", index_option="freq")
    builder.add_text_field("ngrams", tokenizer_name="whitespace", index_option="freq")
    builder.add_bytes_field("data", stored=True)  # JSON: text, doc_id, index, start, end, page
    return builder.build()


def doc_of(chunk_id: str) -> str:
    """The document a chunk id belongs to (ids are 'doc_id#sha#index')."""
    return chunk_id.rsplit("#", 2)[0]


class FieldStats:
    """What the answer layer asks of one field: inverse document frequencies, and whether a term occurs at all."""

    def __init__(self, index: LexicalIndex, field: str) -> None:
        self.index, self.field = index, field

    def idf_of(self, term: str) -> float | None:
        """The term's BM25 inverse document frequency, None when no document holds it."""
        df = self.index.doc_freq(self.field, term)
        return _idf(df, self.index.num_docs) if df else None

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and self.index.doc_freq(self.field, term) > 0

    @property
    def max_idf(self) -> float:
        """The idf of a term found in one document: the rarest there is."""
        return _idf(1, self.index.num_docs) if self.index.num_docs else 1.0

    @property
    def median_idf(self) -> float:
        """The median idf over the field's vocabulary, measured when the index was committed."""
        return float(self.index.state.get("median_idf", {}).get(self.field, self.max_idf))


def _idf(df: int, n: int) -> float:
    return math.log1p((n - df + 0.5) / (df + 0.5))


class LexicalIndex:
    """The chunks of one store in tantivy, with the store's documents in a catalog; in a folder, or in memory."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.schema = _schema()
        self.index = self._open()
        self.state: dict[str, Any] = self._read_state()
        self.cache: dict[str, Any] = {}  # derived data that lives as long as this generation of the index
        self.terms, self.ngrams = FieldStats(self, "terms"), FieldStats(self, "ngrams")
        self._writer: Any = None
        self._pending: dict[str, dict[str, Any] | None] = {}  # catalog changes not yet committed
        self._freqs: dict[tuple[str, str], int] = {}  # document frequencies read from this generation
        self._num_docs: int | None = None

    def _open(self) -> tantivy.Index:
        if self.folder is None:
            return tantivy.Index(self.schema)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            state = self.folder / STATE
            layout = json.loads(state.read_text(encoding="utf-8")).get("layout") if state.is_file() else None
            if layout not in (None, LAYOUT):  # another schema: start anew
                log.info("lexical index in %s has layout %s, not %s: rebuilding it", self.folder, layout, LAYOUT)
                shutil.rmtree(self.folder)
                self.folder.mkdir(parents=True)
            (self.folder / "index.npz").unlink(missing_ok=True)  # the arrays an earlier version kept here
            return tantivy.Index(self.schema, path=str(self.folder), reuse=True)
        except (OSError, ValueError) as exc:  # a read-only or broken folder: this process keeps one in memory
            log.warning("lexical index kept in memory: %s cannot hold it (%s)", self.folder, exc)
            self.folder = None
            return tantivy.Index(self.schema)

    def _read_state(self) -> dict[str, Any]:
        if self.folder is None:
            return getattr(self, "state", {})
        try:
            return dict(json.loads((self.folder / STATE).read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return {}

    # -- which store this index holds ---------------------------------------------------------------------------

    def current(self, identity: str, generation: int) -> bool:
        """Whether the committed index holds this store at this generation (or later: the indexer commits here
        before it moves the store's generation)."""
        s = self.state
        return (
            s.get("identity") == identity
            and s.get("analyzer") == ANALYZER_VERSION
            and s.get("layout") == LAYOUT
            and int(s.get("generation", -1)) >= generation
        )

    def refresh(self) -> None:
        """Read what another process committed."""
        self.index.reload()
        self.state = self._read_state()
        self._forget()

    def _forget(self) -> None:
        """Drop what was read from the previous generation."""
        self.cache.clear()
        self._freqs.clear()
        self._num_docs = None

    def rebuild(self, identity: str, generation: int, rows: Iterable[Row]) -> None:
        """Everything anew from the store's chunks (for another store, analyzer or layout, or an index behind)."""
        before = self.state
        why = (
            "none yet" if not before else
            "another store" if before.get("identity") != identity else
            f"analyzer {before.get('analyzer')} → {ANALYZER_VERSION}" if before.get("analyzer") != ANALYZER_VERSION
            else f"behind the store (generation {before.get('generation')} < {generation})"
        )  # fmt: skip
        level = logging.INFO if not before else logging.WARNING  # a first build is expected; a rebuild is said
        log.log(level, "building the lexical index from the store's chunks (%s)", why)
        writer = self._writer_open()
        writer.delete_all_documents()
        catalog: dict[str, dict[str, Any]] = {}
        for chunk_id, text, meta in rows:
            writer.add_document(self._document(chunk_id, text, meta))
            row = catalog.setdefault(str(meta["doc_id"]), _catalog_row(meta))
            row["chunks"] += 1
            row["furniture"] = row["furniture"] or _furniture(meta)  # the first chunk's, wherever the store gives it
        self._pending = dict(catalog)
        self.commit(identity, generation, catalog={})

    # -- writing (the indexer, under the store's write lock) ---------------------------------------------------

    def _writer_open(self) -> Any:
        if self._writer is None:
            self._writer = self.index.writer(heap_size=64_000_000, num_threads=1)
        return self._writer

    def put(self, rows: Sequence[Row]) -> None:
        """A document's chunks (all of one version), replacing whatever the index held for that document."""
        if not rows:
            return
        doc_id = str(rows[0][2]["doc_id"])
        self.delete(doc_id)
        writer = self._writer_open()
        for chunk_id, text, meta in rows:
            writer.add_document(self._document(chunk_id, text, meta))
        furniture = next((lines for _, _, meta in rows if (lines := _furniture(meta))), [])
        self._pending[doc_id] = _catalog_row(rows[0][2]) | {"chunks": len(rows), "furniture": furniture}

    def delete(self, doc_id: str) -> None:
        self._writer_open().delete_documents_by_term("doc_id", doc_id)
        self._pending[doc_id] = None

    def commit(self, identity: str, generation: int, catalog: dict[str, dict[str, Any]] | None = None) -> None:
        """Make the changes visible, with the state that says which store and generation they hold."""
        if self._writer is not None:
            self._writer.commit()
            self._writer.wait_merging_threads()  # ends the writer and frees tantivy's lock for the next one
            self._writer = None
        self.index.reload()
        documents = dict(self.state.get("documents", {})) if catalog is None else dict(catalog)
        for doc_id, row in self._pending.items():
            if row is None:
                documents.pop(doc_id, None)
            else:
                documents[doc_id] = row
        self._pending = {}
        self._forget()
        median = {"terms": self._median_idf("terms")}  # the one field whose median is read (keywords.weigh)
        self.state = {"layout": LAYOUT, "analyzer": ANALYZER_VERSION, "identity": identity,
                      "generation": generation, "median_idf": median, "documents": documents}  # fmt: skip
        if self.folder is not None:
            partial = self.folder / f".{STATE}.{os.getpid()}"
            partial.write_text(json.dumps(self.state, ensure_ascii=False), encoding="utf-8")
            partial.replace(self.folder / STATE)

    def rollback(self) -> None:
        """Drop uncommitted changes (a failed reindex)."""
        if self._writer is not None:
            self._writer.rollback()
            self._writer.wait_merging_threads()
            self._writer = None
        self._pending = {}

    def _document(self, chunk_id: str, text: str, meta: Mapping[str, Any]) -> tantivy.Document:
        joined = context(text, meta)
        data = {"text": text, "doc_id": str(meta["doc_id"]), "index": int(meta["index"]),
                "start": int(meta.get("start", 0)), "end": int(meta.get("end", len(text)))}  # fmt: skip
        return tantivy.Document(
            id=chunk_id,
            doc_id=str(meta["doc_id"]),
            language=str(meta["language"]),
            terms=" ".join(term_tokens(joined, [str(meta["language"])])),
            ngrams=" ".join(ngram_tokens(joined)),
            data=json.dumps(data, ensure_ascii=False).encode(),
        )

    def _median_idf(self, field: str) -> float:
        frequencies = sorted(count for _, count in self.index.searcher().terms_with_prefix(field, ""))
        if not frequencies:
            return 1.0
        return _idf(frequencies[len(frequencies) // 2], self.num_docs)

    # -- reading ----------------------------------------------------------------------------------------------

    @property
    def num_docs(self) -> int:
        if self._num_docs is None:
            self._num_docs = int(self.index.searcher().num_docs)
        return self._num_docs

    def doc_freq(self, field: str, term: str, searcher: Any = None) -> int:
        key = (field, term)
        if key not in self._freqs:
            if len(self._freqs) > 200_000:
                self._freqs.clear()
            self._freqs[key] = int((searcher or self.index.searcher()).doc_freq(field, term))
        return self._freqs[key]

    def search(
        self, field: str, bag: Mapping[str, float], allowed: Mapping[str, list[str]], limit: int
    ) -> list[tuple[str, float]]:
        """(chunk id, BM25 score) of the best chunks for a weighted bag of terms, within the filters. Terms in nearly
        every chunk are left out: they are the longest lists to read and move no chunk against another."""
        n = self.num_docs
        if not n:
            return []
        searcher = self.index.searcher()  # one for the whole question: its terms' frequencies and the search
        should = []
        for term, weight in bag.items():
            df = self.doc_freq(field, term, searcher)
            if df and weight > 0 and _idf(df, n) >= MIN_IDF:
                query = tantivy.Query.term_query(self.schema, field, term, index_option="freq")
                should.append((tantivy.Occur.Should, tantivy.Query.boost_query(query, float(weight))))
        if not should:
            return []
        query = tantivy.Query.boolean_query(should)
        if allowed:  # filters match or not; they add nothing to the score
            clauses = [(tantivy.Occur.Must, query)]
            for key, values in allowed.items():
                only = tantivy.Query.term_set_query(self.schema, key, list(values))
                clauses.append((tantivy.Occur.Must, tantivy.Query.boost_query(only, 0.0)))
            query = tantivy.Query.boolean_query(clauses)
        hits = searcher.search(query, limit, count=False).hits
        return [(str(searcher.doc(address)["id"][0]), float(score)) for score, address in hits if score > 0]

    @property
    def documents(self) -> dict[str, dict[str, Any]]:
        """doc_id -> title, language, date, url, sha and chunks, for every indexed document."""
        return dict(self.state.get("documents", {}))

    @property
    def languages(self) -> tuple[str, ...]:
        found = self.cache.get("languages")
        if found is None:
            found = self.cache["languages"] = tuple(sorted({str(d["language"]) for d in self.documents.values()}))
        return found

    def language_of(self) -> dict[str, str]:
        """doc_id -> its language (a chunk's document is doc_of(chunk id))."""
        found = self.cache.get("language_of")
        if found is None:
            found = self.cache["language_of"] = {d: str(row["language"]) for d, row in self.documents.items()}
        return found

    def chunks(self, doc_id: str) -> list[dict[str, Any]]:
        """A document's chunks (id, text, index, start, end), in order; read once per generation."""
        key = f"chunks:{doc_id}"
        found = self.cache.get(key)
        if found is None:
            searcher = self.index.searcher()
            query = tantivy.Query.term_query(self.schema, "doc_id", doc_id, index_option="basic")
            limit = int(self.documents.get(doc_id, {}).get("chunks", 0)) + 16
            hits = searcher.search(query, limit, count=False).hits
            stored = [searcher.doc(address) for _, address in hits]
            rows = [json.loads(bytes(doc["data"][0])) | {"id": str(doc["id"][0])} for doc in stored]
            found = self.cache[key] = sorted(rows, key=lambda r: int(r["index"]))
        return found

    def document_text(self, doc_id: str) -> str:
        """All of a document's chunks, in order (overlaps repeated): enough to know which words it holds."""
        return "\n".join(str(r["text"]) for r in self.chunks(doc_id))

    def span(self, doc_id: str, start: int, end: int) -> tuple[str, int]:
        """The document's cleaned text between two offsets, rebuilt from its chunks, and the offset it starts at.

        Chunks overlap or are separated by the whitespace the splitter stripped: the cleaner joins paragraphs with a
        blank line and keeps single spaces inside them, so a two-character gap is a paragraph break."""
        pieces: list[str] = []
        first = cursor = -1
        for row in sorted(self.chunks(doc_id), key=lambda r: int(r["start"])):
            a, b = int(row["start"]), int(row["end"])
            if b <= max(start, cursor) or a >= end:
                continue
            if cursor < 0:
                first = cursor = max(a, start)
            elif a > cursor:
                pieces.append("\n\n" if a - cursor == 2 else " " * (a - cursor))
                cursor = a
            pieces.append(str(row["text"])[cursor - a : min(b, end) - a])
            cursor = min(b, end)
        return "".join(pieces), max(first, 0)


def _catalog_row(meta: Mapping[str, Any]) -> dict[str, Any]:
    keys = ("title", "language", "date", "url", "site", "sha")
    return {key: str(meta.get(key) or "") for key in keys} | {"chunks": 0, "furniture": _furniture(meta)}


def _furniture(meta: Mapping[str, Any]) -> list[str]:
    """The lines of the page around the article, which a document's first chunk keeps (`models.Document.furniture`)."""
    return str(meta["furniture"]).split("\n") if meta.get("furniture") else []
