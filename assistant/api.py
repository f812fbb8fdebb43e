"""The Assistant: one object that owns the settings, the store and the lexical index, and answers questions.

Everything heavy loads on first use. The module functions `answer`, `retrieve`, `search` and `reindex` use a
default Assistant made from the environment's settings (a new one when the settings change)."""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from . import answering, indexer, retrieval
from .config import Settings
from .embedding import backend_for
from .ingest import CLEANER_VERSION
from .languages import UNSUPPORTED, foreign_language
from .lexical import LexicalIndex
from .models import Answer, IndexReport, Passage
from .signals import Signal, encoder, fitted, signals
from .store import Store

LAYOUT_VERSION = "4"
log = logging.getLogger(__name__)


class Assistant:
    """Questions over one folder of documents and its store.

    >>> bot = Assistant(Settings(seeds_dir="docs", vectorstore_dir="/tmp/docs-store"))
    >>> bot.answer("How many orphans were sponsored?").text  # doctest: +SKIP
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.signals: list[Signal] = signals(self.settings)
        self._store: Store | None = None
        self._index: LexicalIndex | None = None
        self._index_folder: Path | None = None
        self._vectors: dict[tuple[str, str], np.ndarray] = {}  # (encoder, sentence) -> vector, read again later
        self._lock = threading.RLock()
        self.last_report: IndexReport | None = None  # what the last reindex in this process did and skipped
        self._generation: int | None = None  # the store's generation as this process last wrote or read it

    def __repr__(self) -> str:
        return f"Assistant(seeds_dir={str(self.settings.seeds_dir)!r}, store={self.store_location!r})"

    @property
    def store_location(self) -> str:
        s = self.settings
        return f"{s.chroma_host}:{s.chroma_port}" if s.chroma_host else str(s.vectorstore_dir)

    @property
    def fingerprint(self) -> str:
        """What the stored vectors depend on: a change of any part means a rebuild."""
        parts = {
            "layout": LAYOUT_VERSION,
            "cleaner": CLEANER_VERSION,
            "signals": [[s.name, s.encoder] for s in self.signals if s.kind == "dense"],
            "backend": backend_for(self.settings.embedding_backend, self.settings.device),
            "chunk": [self.settings.chunk_size, self.settings.chunk_overlap],
        }
        return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]

    @property
    def store(self) -> Store:
        with self._lock:
            if self._store is None:
                names = [s.name for s in self.signals if s.kind == "dense"]
                self._store = Store(self.settings, names, self.fingerprint)
                self._generation = self._store.generation()
            return self._store

    def current_store(self) -> Store:
        """The store, reopened when another process has reindexed it since this one last looked.

        An embedded Chroma keeps each collection's vector index in memory: another process's additions stay
        invisible to it and its deletions turn into "Error finding id". The generation counter shows such a change;
        a Chroma server needs none of this, as every client sees its writes."""
        store = self.store
        if self.settings.chroma_host:
            return store
        generation = store.generation()
        with self._lock:
            if self._store is store and generation != self._generation:
                log.info("the store changed in another process (generation %s, was %s): reopening it",
                         generation, self._generation)  # fmt: skip
                Store.forget_open_stores()
                self._store = None
            return self.store

    def reindex(self, progress: indexer.Progress | None = None) -> IndexReport:
        """Bring the store in line with the seeds folder: embed new and changed files, drop removed ones.

        One process writes at a time: another process's reindex of the same local store is a StoreError."""
        store = self.current_store()
        self.last_report = indexer.reindex(self.settings, store, self.signals, progress, self.lexical_index())
        with self._lock:
            self._generation = store.generation()
        return self.last_report

    def ensure_index(self) -> IndexReport | None:
        """Index the seeds folder when the store is empty and there is a folder to index."""
        if self.store.count() == 0 and self.settings.seeds_dir.is_dir():
            return self.reindex()
        return None

    def lexical_index(self) -> LexicalIndex:
        """The lexical index beside the store (tantivy, in `vectorstore/lexical/`), read again when another process
        has changed the store, and built from the store's chunks only when it is missing, made for another store or
        analyzer, or behind the store."""
        store = self.current_store()
        identity, generation = store.identity(), store.generation()
        with self._lock:
            folder = self.settings.vectorstore_dir / "lexical" / store.base
            if self._index is None or self._index_folder != folder:
                self._index, self._index_folder = LexicalIndex(folder), folder
            index = self._index
            if not index.current(identity, generation):
                index.refresh()  # another process may have committed
            if not index.current(identity, generation):
                with indexer.writing(self.settings):  # the store's write lock: no reindex runs meanwhile
                    index.refresh()
                    if not index.current(identity, generation):
                        index.rebuild(identity, generation, store.rows())
            return index

    def search(
        self, question: str, k: int = 5, lift: int = 0, pool: int | None = None, **filters: Any
    ) -> retrieval.Results:
        """The k best passages with every signal's view of them (what the answer layer judges confidence from);
        `lift`, `pool`: see retrieval.search."""
        self.ensure_index()
        index = self.lexical_index()
        return retrieval.search(
            question, k, self.current_store(), index, self.signals, self.settings, lift, pool, **filters
        )

    def retrieve(self, question: str, k: int = 5, **filters: Any) -> list[Passage]:
        """The k passages that best answer question, best first; filters: doc_id=..., language=... (str or list).

        The fused ranking's first `depth` passages are reordered by the fitted passage model, which reads each
        signal's rank and the sentence each passage holds that best answers, as the answer layer judges sentences
        (depth and model fitted on the train questions)."""
        return self.ranked(question, k, **filters).passages

    def ranked(self, question: str, k: int = 5, **filters: Any) -> retrieval.Results:
        """As search, with the k passages in the fitted passage model's order (see retrieve): what the answer layer
        reads."""
        setting = fitted().get("rerank", {})
        if "model" not in setting:
            return self.search(question, k, **filters)
        depth = int(setting["depth"])
        results = self.search(question, max(k, depth), retrieval.LIFTED, depth, **filters)
        passages = answering.rerank(results, question.strip(), self.similarity, k, setting["model"], depth)
        return replace(results, passages=passages)

    def answer(self, question: str, history: list[Any] | None = None, k: int = 5, **filters: Any) -> Answer:
        """Answer from the documents with numbered citations; found=False (and related passages) when they do not
        say. history: earlier chat turns ({"role": "user", "content": ...}), so a short follow-up keeps its topic."""
        final: Answer | None = None
        for item in self.answer_stream(question, history, k, **filters):
            if isinstance(item, Answer):
                final = item
        assert final is not None  # answer_stream always ends with the Answer
        return final

    def answer_stream(
        self, question: str, history: list[Any] | None = None, k: int = 5, **filters: Any
    ) -> Iterator[str | Answer]:
        """As answer, but with a language model set, first the model's text as it arrives (each item the whole text
        so far, not yet checked); the last item is always the checked Answer."""
        question = answering.check_question(question, self.settings.max_question_chars)
        if foreign_language(question):
            yield Answer(question=question, text=UNSUPPORTED, found=False, language="en")
            return

        allowed = retrieval.filter_values(filters).get("doc_id")
        searched: dict[str, retrieval.Results] = {}  # text -> its results under the user's filters alone

        def search(text: str, **scope: Any) -> retrieval.Results:  # the answer may narrow the user's filters
            if allowed is not None and "doc_id" in scope:
                wanted = retrieval.filter_values(scope).get("doc_id", [])
                scope["doc_id"] = [d for d in wanted if d in allowed]
                if not scope["doc_id"]:  # a document the user left out: nothing to read there
                    found = searched.get(text) or self.ranked(text, k, **filters)
                    return replace(found, passages=[], candidates=[])
            found = self.ranked(text, k, **(filters | scope))
            if not scope:
                searched[text] = found
            return found

        reply, results = answering.respond(question, history, search, self.similarity)
        if reply.found and self.settings.llm_base_url and self.settings.llm_model:
            from .generate import stream

            yield from stream(reply, results.passages, self.settings)
            return
        yield reply

    def similarity(self, question: str, texts: list[str]) -> list[float]:
        """Cosine of the question and each text under the first dense encoder (query and passage prompts)."""
        dense = next((s for s in self.signals if s.kind == "dense"), None)
        if dense is None:  # signals without a dense encoder (an ablation): no similarity to read
            return [0.0] * len(texts)
        model, name = encoder(dense, self.settings), str(dense.encoder)
        new = [t for t in dict.fromkeys(texts) if (name, t) not in self._vectors]
        if new:
            if len(self._vectors) > 20_000:
                self._vectors.clear()
            # one text at a time: a batch pads to its longest text and quantizes its activations together, so a
            # sentence's vector (and the answer) would depend on which others were read with it; alone it is as fast
            vectors = [model.embed_documents([t])[0] for t in new]
            self._vectors.update(zip([(name, t) for t in new], vectors, strict=True))
        query = model.embed_query(question)
        return [float(self._vectors[name, t] @ query) for t in texts]

    def warm_up(self) -> None:
        """Load what the first question would otherwise wait for: the index, the encoders, the dictionaries."""
        self.ensure_index()
        retrieval.warm_up(self.lexical_index(), self.signals, self.settings)

    def documents(self) -> list[dict[str, str]]:
        """One row per indexed document: id, title, language, date, url, site and how many chunks it has."""
        rows = self.lexical_index().documents
        keys = ("title", "language", "date", "url", "site", "chunks")
        return [{"doc_id": d} | {k: str(rows[d].get(k, "")) for k in keys} for d in sorted(rows)]


_default: Assistant | None = None
_default_lock = threading.Lock()


def default() -> Assistant:
    """The Assistant for the environment's settings, made anew when they change."""
    global _default
    settings = Settings()
    with _default_lock:
        if _default is None or _default.settings != settings:
            _default = Assistant(settings)
        return _default


def answer(question: str, history: list[Any] | None = None, k: int = 5, **filters: Any) -> Answer:
    """Answer a question from the documents, with numbered citations (see Assistant.answer)."""
    return default().answer(question, history, k, **filters)


def retrieve(question: str, k: int = 5, **filters: Any) -> list[Passage]:
    """The k passages that best answer question, best first (see Assistant.retrieve)."""
    return default().retrieve(question, k, **filters)


def search(question: str, k: int = 5, **filters: Any) -> retrieval.Results:
    """Passages with every signal's ranks and scores (see Assistant.search)."""
    return default().search(question, k, **filters)


def reindex(progress: indexer.Progress | None = None) -> IndexReport:
    """Index the seeds folder of the environment's settings (see Assistant.reindex)."""
    return default().reindex(progress)
