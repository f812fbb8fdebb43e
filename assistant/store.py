"""The Chroma collections (one per encoder) and the in-memory lexical index, kept in step by a generation counter."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from .config import Settings
from .errors import ConfigError
from .ingest import CLEANER_VERSION
from .lexical import BM25, ngram_tokens, term_tokens
from .models import Chunk, Document

LAYOUT_VERSION = "3"
PAGE = 2000


def fingerprint(settings: Settings) -> str:
    """What the stored vectors depend on: a change of any part means a rebuild."""
    parts = {
        "layout": LAYOUT_VERSION,
        "cleaner": CLEANER_VERSION,
        "model": settings.embedding_model,
        "use": settings.multilingual_encoder,
        "chunk": [settings.chunk_size, settings.chunk_overlap],
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]


def chunk_id(chunk: Chunk, sha: str) -> str:
    return f"{chunk.doc_id}#{sha[:12]}#{chunk.index}"


def embed_text(chunk: Chunk, doc: Document) -> str:
    """What the encoders see: the passage with its document's title as context."""
    return chunk.text if chunk.index == 0 else f"{doc.title}\n{chunk.text}"


@dataclass
class Snapshot:
    """Everything retrieval needs in memory, for one generation of the store."""

    generation: int
    ids: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    metas: list[dict[str, Any]] = field(default_factory=list)
    terms: BM25 | None = None
    ngrams: BM25 | None = None
    languages: tuple[str, ...] = ()
    _languages: dict[str, str] | None = None
    cache: dict[str, Any] = field(default_factory=dict)  # derived data that lives as long as this generation

    def document_text(self, doc_id: str) -> str:
        """All of a document's chunks, in order (overlaps repeated): enough to know which words it holds."""
        if "positions" not in self.cache:
            positions: dict[str, list[int]] = {}
            for i, meta in enumerate(self.metas):
                positions.setdefault(str(meta["doc_id"]), []).append(i)
            self.cache["positions"] = positions
        rows = sorted(self.cache["positions"].get(doc_id, []), key=lambda i: int(self.metas[i]["index"]))
        return "\n".join(self.texts[i] for i in rows)

    def language_of(self) -> dict[str, str]:
        if self._languages is None:
            self._languages = {cid: str(m["language"]) for cid, m in zip(self.ids, self.metas, strict=True)}
        return self._languages


class Store:
    """Chroma holds vectors, texts and metadata; the lexical index is rebuilt from it when its generation moves."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.fingerprint = fingerprint(settings)
        self.client = self._connect()
        self._lock = threading.RLock()
        self._snapshot: Snapshot | None = None
        self.rebuilt = False
        self._open()

    def _connect(self) -> Any:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False)
        try:
            if self.settings.chroma_host:
                return chromadb.HttpClient(
                    host=self.settings.chroma_host, port=self.settings.chroma_port, settings=chroma_settings
                )
            self.settings.vectorstore_dir.mkdir(parents=True, exist_ok=True)
            return chromadb.PersistentClient(path=str(self.settings.vectorstore_dir), settings=chroma_settings)
        except (ValueError, ConnectionError, OSError) as exc:
            where = (
                f"the Chroma server at {self.settings.chroma_host}:{self.settings.chroma_port} "
                "(ASSISTANT_CHROMA_HOST/ASSISTANT_CHROMA_PORT)"
                if self.settings.chroma_host
                else f"the store in {self.settings.vectorstore_dir} (ASSISTANT_VECTORSTORE_DIR)"
            )
            raise ConfigError(f"cannot open {where}: {exc}") from exc

    @property
    def names(self) -> list[str]:
        base = self.settings.collection
        return [base, f"{base}-use"] if self.settings.multilingual_encoder else [base]

    def _open(self) -> None:
        """Open the collections; a store written with other settings or an older layout is dropped and rebuilt."""
        existing = {getattr(c, "name", c) for c in self.client.list_collections()}
        primary = self.settings.collection
        if primary in existing:
            meta = self.client.get_collection(primary, embedding_function=None).metadata or {}
            if meta.get("fingerprint") != self.fingerprint:
                self.rebuilt = True
        missing_sibling = primary in existing and any(n not in existing for n in [*self.names, self._ledger_name])
        if self.rebuilt or missing_sibling:
            self.rebuilt = True
            for name in [primary, f"{primary}-use", self._ledger_name]:
                if name in existing:
                    self.client.delete_collection(name)
        self.collections = [
            self.client.get_or_create_collection(
                name,
                configuration={"hnsw": {"space": "cosine"}},
                metadata={"fingerprint": self.fingerprint, "generation": 0},
                embedding_function=None,
            )
            for name in self.names
        ]
        # one record per complete document (id = doc_id, its sha and chunk count): the indexer's fast manifest
        self.ledger = self.client.get_or_create_collection(self._ledger_name, embedding_function=None)

    @property
    def _ledger_name(self) -> str:
        return f"{self.settings.collection}-documents"

    @property
    def primary(self) -> Any:
        return self.collections[0]

    def count(self) -> int:
        return int(self.primary.count())

    def generation(self) -> int:
        meta = self.client.get_collection(self.settings.collection, embedding_function=None).metadata or {}
        return int(meta.get("generation", 0))

    def bump_generation(self) -> None:
        self.primary.modify(metadata={"fingerprint": self.fingerprint, "generation": self.generation() + 1})

    def _pages(self, include: list[str], collection: Any = None) -> Iterator[dict[str, Any]]:
        offset = 0
        while True:
            page = (collection or self.primary).get(include=include, limit=PAGE, offset=offset)
            if not page["ids"]:
                return
            yield page
            offset += len(page["ids"])

    def manifest(self) -> dict[str, dict[str, tuple[int, int]]]:
        """doc_id -> {sha: (chunks stored, chunks expected)}: what the indexer compares with the files.

        Read from the ledger of complete documents when its chunk counts add up to the store's; otherwise (a run was
        interrupted) from every chunk's metadata, which also finds partial versions and orphans."""
        ledger: dict[str, dict[str, tuple[int, int]]] = {}
        for page in self._pages(["metadatas"], self.ledger):
            for doc_id, meta in zip(page["ids"], page["metadatas"], strict=True):
                ledger[doc_id] = {str(meta["sha"]): (int(meta["n_chunks"]), int(meta["n_chunks"]))}
        if sum(n for versions in ledger.values() for n, _ in versions.values()) == self.count():
            return ledger
        out: dict[str, dict[str, tuple[int, int]]] = {}
        for page in self._pages(["metadatas"]):
            for meta in page["metadatas"]:
                shas = out.setdefault(str(meta["doc_id"]), {})
                have, expected = shas.get(str(meta["sha"]), (0, int(meta["n_chunks"])))
                shas[str(meta["sha"])] = (have + 1, expected)
        return out

    def add(self, doc: Document, chunks: Sequence[Chunk], vectors: Sequence[np.ndarray], total: int = 0) -> None:
        """Add a document's chunks (total: how many it has in all, if more than these); the primary collection is
        written last, and a document counts as stored once all its chunks are there."""
        ids = [chunk_id(c, doc.sha256) for c in chunks]
        metas = [
            {
                "doc_id": doc.id,
                "sha": doc.sha256,
                "n_chunks": total or len(chunks),
                "index": c.index,
                "start": c.start,
                "end": c.end,
                "title": doc.title,
                "url": doc.url or "",
                "date": doc.date or "",
                "language": doc.language,
            }
            for c in chunks
        ]
        texts = [c.text for c in chunks]
        # the other collections hold vectors and what filters need; texts and sources are read from the primary
        slim = [{key: meta[key] for key in ("doc_id", "sha", "language")} for meta in metas]
        for which, (collection, matrix) in reversed(list(enumerate(zip(self.collections, vectors, strict=True)))):
            for start in range(0, len(ids), PAGE):
                collection.upsert(
                    ids=ids[start : start + PAGE],
                    embeddings=matrix[start : start + PAGE],
                    documents=texts[start : start + PAGE] if which == 0 else None,
                    metadatas=(metas if which == 0 else slim)[start : start + PAGE],
                )

    def delete(self, doc_id: str, keep_sha: str | None = None) -> None:
        """Remove a document's chunks (all, or all but one version); the primary goes first, the ledger last."""
        where: dict[str, Any] = {"doc_id": doc_id}
        if keep_sha is not None:
            where = {"$and": [{"doc_id": doc_id}, {"sha": {"$ne": keep_sha}}]}
        for collection in self.collections:
            collection.delete(where=where)
        if keep_sha is None:
            self.ledger.delete(ids=[doc_id])

    def mark_complete(self, doc: Document, n_chunks: int) -> None:
        """Record that all n_chunks of this version are stored and no other version is."""
        self.ledger.upsert(ids=[doc.id], embeddings=[[1.0]], metadatas=[{"sha": doc.sha256, "n_chunks": n_chunks}])

    def get(self, ids: list[str]) -> dict[str, tuple[str, dict[str, Any]]]:
        """Text and metadata of the ids that exist now (a reindex may have removed some)."""
        if not ids:
            return {}
        found = self.primary.get(ids=ids, include=["documents", "metadatas"])
        return {i: (d, m) for i, d, m in zip(found["ids"], found["documents"], found["metadatas"], strict=True)}

    def query(self, which: int, vector: np.ndarray, n: int, where: dict[str, Any] | None) -> list[tuple[str, float]]:
        """(id, cosine similarity) of the n nearest chunks in collection `which`."""
        collection = self.collections[which]
        n = min(n, collection.count())
        if n == 0:
            return []
        found = collection.query(query_embeddings=[vector], n_results=n, where=where, include=["distances"])
        return [(i, 1.0 - float(d)) for i, d in zip(found["ids"][0], found["distances"][0], strict=True)]

    def snapshot(self) -> Snapshot:
        """The lexical index for the store's current generation, rebuilt from Chroma when it moved."""
        generation = self.generation()
        with self._lock:
            if self._snapshot is not None and self._snapshot.generation == generation:
                return self._snapshot
            snap = self._load_snapshot(generation) or self._build_snapshot(generation)
            self._snapshot = snap
            return snap

    def _build_snapshot(self, generation: int) -> Snapshot:
        snap = Snapshot(generation=generation)
        for page in self._pages(["documents", "metadatas"]):
            snap.ids.extend(page["ids"])
            snap.texts.extend(page["documents"])
            snap.metas.extend(page["metadatas"])
        snap.languages = tuple(sorted({str(m["language"]) for m in snap.metas}))
        contexts = [f"{m['title']}\n{t}" if int(m["index"]) else t for t, m in zip(snap.texts, snap.metas, strict=True)]
        snap.terms = BM25([term_tokens(t, [str(m["language"])]) for t, m in zip(contexts, snap.metas, strict=True)])
        snap.ngrams = BM25([ngram_tokens(t) for t in contexts])
        self._save_snapshot(snap)
        return snap

    def _snapshot_file(self) -> Path | None:
        """Where the lexical index is kept between processes: beside the embedded store (none for a server)."""
        if self.settings.chroma_host:
            return None
        return self.settings.vectorstore_dir / "lexical" / f"{self.settings.collection}.pickle"

    def _snapshot_key(self, generation: int) -> tuple[str, str, int]:
        return str(self.primary.id), self.fingerprint, generation

    def _load_snapshot(self, generation: int) -> Snapshot | None:
        path = self._snapshot_file()
        if path is None or not path.is_file():
            return None
        try:
            with path.open("rb") as handle:
                key, snap = pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError, TypeError):
            return None  # a cache only: rebuilt when unreadable
        return snap if key == self._snapshot_key(generation) and isinstance(snap, Snapshot) else None

    def _save_snapshot(self, snap: Snapshot) -> None:
        path = self._snapshot_file()
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            with partial.open("wb") as handle:
                pickle.dump((self._snapshot_key(snap.generation), replace(snap, cache={})), handle, protocol=5)
            os.replace(partial, path)
        except OSError:
            pass  # a read-only store still answers; the index is rebuilt next time


_stores: dict[str, Store] = {}
_stores_lock = threading.Lock()


def get_store(settings: Settings) -> Store:
    """One Store per location and fingerprint in this process."""
    key = f"{settings.chroma_host}:{settings.chroma_port}:{settings.vectorstore_dir}:{fingerprint(settings)}"
    with _stores_lock:
        if key not in _stores:
            _stores[key] = Store(settings)
        return _stores[key]


def forget_stores() -> None:
    """Drop cached stores (tests point settings at new folders)."""
    with _stores_lock:
        _stores.clear()
