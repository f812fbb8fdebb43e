"""Chroma only: one collection per dense signal, a ledger of complete documents, and a generation counter that
moves whenever the chunks change (so whatever is derived from them, such as the lexical index, knows to rebuild)."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import numpy as np

from .config import Settings
from .errors import ConfigError
from .models import Chunk, Document

PAGE = 2000
# How many candidates a dense query keeps while it walks the vector index: Chroma's default (100) gave other
# neighbours on each run, missing some of the true 50 nearest of 178 chunks; at 400 a collection of up to about 400
# chunks is searched exhaustively, the same on every run, and a larger one is searched closely
SEARCH_EF = 400
SLIM = ("doc_id", "sha", "language")  # the metadata the other collections keep

# Embedded Chroma systems by id: how many open Stores use each, and those a reopen has retired. A retired system is
# stopped when its last Store is gone (a question under way keeps its Store, and so its system, alive): each holds
# the vector indexes in memory, about 600 MB at 10k documents, and a server would otherwise keep one per reindex.
_systems_lock = threading.RLock()  # re-entrant: a Store collected while the lock is held releases under it
_users: dict[int, int] = {}
_retired: dict[int, Any] = {}


def _release(system: Any) -> None:
    key = id(system)
    with _systems_lock:
        _users[key] = max(_users.get(key, 0) - 1, 0)
        if _users[key] > 0 or key not in _retired:
            return
        del _users[key], _retired[key]
    system.stop()


def chunk_id(chunk: Chunk, sha: str) -> str:
    return f"{chunk.doc_id}#{sha[:12]}#{chunk.index}"


def metadata(doc: Document, chunk: Chunk, total: int) -> dict[str, Any]:
    """What the store keeps beside a chunk's text (and the lexical index beside its tokens)."""
    return {
        "doc_id": doc.id, "sha": doc.sha256, "n_chunks": total, "index": chunk.index, "start": chunk.start,
        "end": chunk.end, "title": doc.title, "url": doc.url or "", "date": doc.date or "", "language": doc.language,
        "page": chunk.page or 0, "site": doc.site or "",
    } | ({"furniture": "\n".join(doc.furniture)} if doc.furniture and not chunk.index else {})  # fmt: skip


def rows(doc: Document, chunks: Sequence[Chunk]) -> list[tuple[str, str, dict[str, Any]]]:
    """(chunk id, text, metadata) of a document's chunks, as `Store.rows` yields them."""
    return [(chunk_id(c, doc.sha256), c.text, metadata(doc, c, len(chunks))) for c in chunks]


class Store:
    """The collections of one location; the first named collection also holds texts and sources.

    `fingerprint` says what the stored vectors depend on (models, chunking, cleaning): a store written under another
    fingerprint, or missing one of the named collections, is dropped and rebuilt."""

    def __init__(self, settings: Settings, names: Sequence[str], fingerprint: str) -> None:
        self.settings = settings
        self.fingerprint = fingerprint
        self.base = settings.collection
        with _systems_lock:  # a reopen elsewhere must not stop the system between connecting and counting
            self.client = self._connect()
            system = getattr(self.client, "_system", None)
            if system is not None and not settings.chroma_host:
                _users[id(system)] = _users.get(id(system), 0) + 1
                weakref.finalize(self, _release, system)
        self.rebuilt = False
        self._open(list(names))

    def _connect(self) -> Any:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False)
        try:
            if self.settings.chroma_host:
                return chromadb.HttpClient(
                    host=self.settings.chroma_host, port=self.settings.chroma_port, settings=chroma_settings
                )
            folder = self.settings.vectorstore_dir
            if not folder.exists():  # the store is for its owner only: documents and vectors stay private
                folder.mkdir(parents=True)
                folder.chmod(0o700)
            return chromadb.PersistentClient(path=str(self.settings.vectorstore_dir), settings=chroma_settings)
        except (ValueError, ConnectionError, OSError) as exc:
            raise ConfigError(f"cannot open {self.where}: {exc}") from exc

    @staticmethod
    def forget_open_stores() -> None:
        """Make the next embedded store opened in this process read its folder afresh.

        Chroma shares one in-memory system per folder among a process's clients; its clear_system_cache forgets them,
        so the next client reads what another process wrote. Each forgotten system of ours is stopped, and its memory
        freed, once no Store uses it (a question under way still holds one)."""
        from chromadb.api.shared_system_client import SharedSystemClient

        with _systems_lock:
            systems = list(SharedSystemClient._identifier_to_system.values())
            SharedSystemClient.clear_system_cache()
            unused = [system for system in systems if _users.get(id(system)) == 0]  # ours, and no Store holds it
            for system in unused:
                del _users[id(system)]
            _retired.update({id(system): system for system in systems if _users.get(id(system))})
        for system in unused:
            system.stop()

    @property
    def where(self) -> str:
        if self.settings.chroma_host:
            return (
                f"the Chroma server at {self.settings.chroma_host}:{self.settings.chroma_port} "
                "(ASSISTANT_CHROMA_HOST/ASSISTANT_CHROMA_PORT)"
            )
        return f"the store in {self.settings.vectorstore_dir} (ASSISTANT_VECTORSTORE_DIR)"

    def _name(self, signal: str) -> str:
        return f"{self.base}-{signal}"

    def _open(self, names: list[str]) -> None:
        """Open the collections; a store written with other settings or an older layout is dropped and rebuilt."""
        existing = {getattr(c, "name", c) for c in self.client.list_collections()}
        ours = [self._name(n) for n in names] + [self._ledger_name]
        primary = self._name(names[0])
        if primary in existing:
            meta = self.client.get_collection(primary, embedding_function=None).metadata or {}
            self.rebuilt = meta.get("fingerprint") != self.fingerprint or any(n not in existing for n in ours)
        stale = [n for n in existing if n == self.base or n.startswith(f"{self.base}-")]
        if self.rebuilt or (stale and primary not in existing):
            self.rebuilt = True
            for name in stale:
                self.client.delete_collection(name)
        self.collections = {
            name: self.client.get_or_create_collection(
                self._name(name),
                configuration={"hnsw": {"space": "cosine", "ef_search": SEARCH_EF}},
                metadata={"fingerprint": self.fingerprint, "generation": 0},
                embedding_function=None,
            )
            for name in names
        }
        for collection in self.collections.values():  # a store written before the setting was raised
            if (collection.configuration.get("hnsw") or {}).get("ef_search", SEARCH_EF) < SEARCH_EF:
                collection.modify(configuration={"hnsw": {"ef_search": SEARCH_EF}})
        self.primary = self.collections[names[0]]
        # one record per complete document (id = doc_id, its sha and chunk count): the indexer's fast manifest
        self.ledger = self.client.get_or_create_collection(self._ledger_name, embedding_function=None)

    @property
    def _ledger_name(self) -> str:
        return f"{self.base}-documents"

    def count(self) -> int:
        return int(self.primary.count())

    def generation(self) -> int:
        meta = self.client.get_collection(self.primary.name, embedding_function=None).metadata or {}
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

    def rows(self) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """(chunk id, text, metadata) of every stored chunk."""
        for page in self._pages(["documents", "metadatas"]):
            yield from zip(page["ids"], page["documents"], page["metadatas"], strict=True)

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

    def add(self, parts: Sequence[tuple[Document, Sequence[Chunk], Mapping[str, np.ndarray | None], int]]) -> None:
        """Add the chunks of several documents, with their vectors per signal and how many chunks each document has
        in all (0: these are all), in one write per collection. The primary collection is written last, and a
        document counts as stored once all its chunks are. A signal without vectors for a document (None or absent:
        it cannot read the document's language) leaves that document out of its collection."""
        for name, collection in reversed(self.collections.items()):
            primary = collection is self.primary
            ids: list[str] = []
            metas: list[dict[str, Any]] = []
            texts: list[str] = []
            blocks: list[np.ndarray] = []
            for doc, chunks, vectors, total in parts:
                block = vectors.get(name)
                if not chunks or (not primary and block is None):
                    continue
                if block is None:
                    raise ValueError(f"no {name} vectors for {doc.id}")
                ids += [chunk_id(c, doc.sha256) for c in chunks]
                full = [metadata(doc, c, total or len(chunks)) for c in chunks]
                # the other collections hold vectors and what filters need; texts and sources are read from the primary
                metas += full if primary else [{key: meta[key] for key in SLIM} for meta in full]
                texts += [c.text for c in chunks]
                blocks.append(np.asarray(block, dtype=np.float32))
            if not ids:
                continue
            embeddings = np.vstack(blocks)
            for start in range(0, len(ids), PAGE):
                collection.upsert(
                    ids=ids[start : start + PAGE],
                    embeddings=embeddings[start : start + PAGE],
                    documents=texts[start : start + PAGE] if primary else None,
                    metadatas=metas[start : start + PAGE],
                )

    def delete(self, doc_id: str, keep_sha: str | None = None) -> None:
        """Remove a document's chunks (all, or all but one version); the primary goes first, the ledger last."""
        where: dict[str, Any] = {"doc_id": doc_id}
        if keep_sha is not None:
            where = {"$and": [{"doc_id": doc_id}, {"sha": {"$ne": keep_sha}}]}
        for collection in self.collections.values():
            collection.delete(where=where)
        if keep_sha is None:
            self.ledger.delete(ids=[doc_id])

    def mark_complete(self, done: Sequence[tuple[Document, int]]) -> None:
        """Record, in one write, that all n_chunks of each (document, n_chunks) version are stored and no other
        version is."""
        if done:
            self.ledger.upsert(
                ids=[doc.id for doc, _ in done],
                embeddings=[[1.0]] * len(done),
                metadatas=[{"sha": doc.sha256, "n_chunks": n} for doc, n in done],
            )

    def get(self, ids: list[str]) -> dict[str, tuple[str, dict[str, Any]]]:
        """Text and metadata of the ids that exist now (a reindex may have removed some)."""
        if not ids:
            return {}
        found = self.primary.get(ids=ids, include=["documents", "metadatas"])
        return {i: (d, m) for i, d, m in zip(found["ids"], found["documents"], found["metadatas"], strict=True)}

    def query(self, signal: str, vector: np.ndarray, n: int, where: dict[str, Any] | None) -> list[tuple[str, float]]:
        """(id, cosine similarity) of the n nearest chunks in a dense signal's collection."""
        collection = self.collections[signal]  # Chroma gives fewer than n when it holds fewer (counting costs more)
        found = collection.query(query_embeddings=[vector], n_results=n, where=where, include=["distances"])
        return [(i, 1.0 - float(d)) for i, d in zip(found["ids"][0], found["distances"][0], strict=True)]

    def identity(self) -> str:
        """Names this store's contents for caches derived from it: the primary collection's id and fingerprint."""
        return f"{self.primary.id}:{self.fingerprint}"
