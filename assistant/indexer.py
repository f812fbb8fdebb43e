"""Incremental reindex: compare file hashes with what the store holds; embed only what changed."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from .chunking import chunk_document
from .config import Settings
from .errors import ConfigError, StoreError
from .ingest import bad_name, doc_id, file_hash, list_files, parse, read_file
from .languages import load_identifier
from .lexical import LexicalIndex
from .models import Chunk, Document, IndexReport, Problem
from .signals import Signal, encoder
from .store import Store, rows

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
BATCH = 256
LOCK_WAIT = 60.0  # seconds a reindex waits for another process's to finish
_lock = threading.Lock()  # one reindex at a time in a process


@dataclass
class _Pending:
    doc: Document
    chunks: list[Chunk]  # the chunks to embed: none when this version is stored and only a stale one is left
    replaces: bool
    total: int = 0  # chunks of this version in all
    every: list[Chunk] = field(default_factory=list)  # all chunks of this version, for the lexical index


def embed_text(chunk: Chunk, doc: Document) -> str:
    """What the encoders see: the passage with its document's title as context."""
    return chunk.text if chunk.index == 0 else f"{doc.title}\n{chunk.text}"


def reindex(
    settings: Settings,
    store: Store,
    signals: list[Signal],
    progress: Progress | None = None,
    lexical: LexicalIndex | None = None,
) -> IndexReport:
    """Bring the store, and the lexical index beside it, in line with the seeds folder and say what changed.

    Chunks of a changed file are added before the old ones are deleted, and a document counts as stored only
    when all its chunks are there, so an interrupted run leaves nothing missing and the next run completes it. The
    lexical index takes the same changes in place and commits them before the store's generation moves.
    """
    require_seeds(settings)
    with _lock, writing(settings):
        started = time.perf_counter()
        report = IndexReport(rebuilt=store.rebuilt)
        if lexical is not None and not lexical.current(store.identity(), store.generation()):
            lexical.rebuild(store.identity(), store.generation(), store.rows())
        loading = time.perf_counter()
        load_identifier()  # a model too: its loading counts as loading, not as indexing
        report.load_seconds = round(time.perf_counter() - loading, 3)
        stored = store.manifest()
        pending, seen = _scan(settings, stored, report)
        try:
            for gone in sorted(set(stored) - seen):
                store.delete(gone)
                if lexical is not None:
                    lexical.delete(gone)
                report.removed += 1
            dense = [s for s in signals if s.kind == "dense"]
            _embed_and_store(store, settings, dense, pending, report, progress, lexical)
            if pending or report.removed or any(len(v) > 1 for k, v in stored.items() if k in seen):
                if lexical is not None:  # committed first: a reader that sees the new generation finds it here
                    lexical.commit(store.identity(), store.generation() + 1)
                store.bump_generation()
        except BaseException:
            if lexical is not None:
                lexical.rollback()
            raise
        store.rebuilt = False
        report.seconds = round(time.perf_counter() - started, 3)
        return report


def require_seeds(settings: Settings) -> None:
    """The seeds folder must exist to be indexed (or followed): a ConfigError that says how to fix it."""
    if not settings.seeds_dir.is_dir():
        raise ConfigError(f"seeds folder {settings.seeds_dir} does not exist: create it or set ASSISTANT_SEEDS_DIR")


@contextmanager
def writing(settings: Settings) -> Iterator[None]:
    """One writer at a time on a local store, across processes: a lock file beside the store. A reindex that finds
    it held waits up to LOCK_WAIT seconds for the other to finish (the other run's work is then seen as unchanged)."""
    if settings.chroma_host:
        yield
        return
    settings.vectorstore_dir.mkdir(parents=True, exist_ok=True)
    path = settings.vectorstore_dir / "write.lock"
    lock = FileLock(path)
    try:
        try:
            lock.acquire(timeout=0)
        except Timeout:
            log.warning("another process is indexing %s: waiting up to %.0f s", settings.vectorstore_dir, LOCK_WAIT)
            lock.acquire(timeout=LOCK_WAIT)
    except Timeout as exc:
        raise StoreError(
            f"another process is indexing {settings.vectorstore_dir} (it holds {path.name}); "
            "run this again when it has finished"
        ) from exc
    try:
        yield
    finally:
        lock.release()


def _scan(
    settings: Settings, stored: dict[str, dict[str, tuple[int, int]]], report: IndexReport
) -> tuple[list[_Pending], set[str]]:
    pending: list[_Pending] = []
    seen: set[str] = set()
    limit = int(settings.max_file_mb * 1024 * 1024)
    unreadable: list[Path] = []
    for path in list_files(settings.seeds_dir, unreadable):
        ident = doc_id(path, settings.seeds_dir)
        if problem := bad_name(ident):
            report.skipped.append(problem)
            continue
        seen.add(ident)  # a file that exists keeps its stored version even if it cannot be read now
        try:
            item = _read(settings, path, ident, limit, stored.get(ident, {}), report)
        except Exception as exc:  # one file's failure, whatever it is, must not stop the others
            log.warning("indexing %s failed", ident, exc_info=True)
            item = Problem(path=ident, reason=f"failed: {type(exc).__name__}: {exc}"[:300])
        if isinstance(item, Problem):
            report.skipped.append(item)
        elif item is not None:
            pending.append(item)
    for folder in unreadable:  # what was indexed from a folder that cannot be listed now is kept, and said so
        prefix = "" if folder == settings.seeds_dir else f"{folder.relative_to(settings.seeds_dir).as_posix()}/"
        seen.update(ident for ident in stored if ident.startswith(prefix))
        report.skipped.append(
            Problem(path=prefix or ".", reason="folder cannot be read (permission?): its indexed files are kept")
        )
    return pending, seen


def _read(
    settings: Settings, path: Path, ident: str, limit: int, versions: dict[str, tuple[int, int]], report: IndexReport
) -> _Pending | Problem | None:
    """Read, parse and chunk one file; None when the stored version is current."""
    data = read_file(path, settings.seeds_dir, limit, ident)
    if isinstance(data, Problem):
        return data
    have, expected = versions.get(file_hash(data), (0, -1))
    if have == expected and len(versions) == 1:
        report.unchanged += 1
        return None
    doc = parse(ident, data)
    if isinstance(doc, Problem):
        return doc
    chunks = chunk_document(doc, settings.chunk_size, settings.chunk_overlap)
    complete = have == expected  # then only a stale version is left to delete
    return _Pending(doc, [] if complete else chunks, replaces=bool(versions), total=len(chunks), every=chunks)


def _batches(pending: list[_Pending]) -> Iterator[list[_Pending]]:
    """Documents grouped so that each group holds about BATCH chunks: encoders work best on full batches."""
    batch: list[_Pending] = []
    for item in pending:
        batch.append(item)
        if sum(len(p.chunks) for p in batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _embed_and_store(
    store: Store,
    settings: Settings,
    dense: list[Signal],
    pending: list[_Pending],
    report: IndexReport,
    progress: Progress | None,
    lexical: LexicalIndex | None,
) -> None:
    total = sum(len(p.chunks) for p in pending)
    done = 0
    if progress:
        progress(0, total)
    loading = time.perf_counter()
    models = {s.name: encoder(s, settings) for s in dense} if total else {}
    report.load_seconds = round(report.load_seconds + time.perf_counter() - loading, 3)
    primary = dense[0].name if dense else None
    helpers = ThreadPoolExecutor(max_workers=max(len(dense) - 1, 1), thread_name_prefix="embed")

    def embed(items: list[_Pending]) -> list[dict[str, Any]]:
        """Each document's vectors from the encoders that can read its language (the primary collection, which
        holds the texts, takes every document): a Swedish chunk costs USE nothing. The other encoders run in threads
        beside the primary one (onnxruntime and numpy let go of the GIL) and share the cores with it."""
        out: list[dict[str, Any]] = [{} for _ in items]

        def run(signal: Signal) -> None:
            which = [i for i, p in enumerate(items) if signal.name == primary or signal.serves(p.doc.language)]
            texts = [embed_text(c, items[i].doc) for i in which for c in items[i].chunks]
            vectors = models[signal.name].embed_documents(texts) if texts else None
            at = 0
            for i in which:
                n = len(items[i].chunks)
                out[i][signal.name] = vectors[at : at + n] if vectors is not None else None
                at += n

        others = [helpers.submit(run, signal) for signal in dense[1:]]
        if dense:
            run(dense[0])
        for future in others:
            future.result()
        return out

    try:
        for batch in _batches(pending):
            parts: list[tuple[_Pending, dict[str, Any] | None]]
            try:
                parts = list(zip(batch, embed(batch), strict=True))
            except Exception:  # a text one encoder cannot take: embed the batch's documents one by one to find it
                log.warning("embedding a batch failed; trying its documents one by one", exc_info=True)
                parts = [(p, None) for p in batch]
            ready: list[tuple[_Pending, dict[str, Any]]] = []
            for p, vectors in parts:
                try:
                    ready.append((p, vectors if vectors is not None else embed([p])[0]))
                except Exception as exc:  # this document is skipped; the next run tries it again
                    _skipped(report, p, exc)
            for p in _store(store, ready, report, lexical):
                report.chunks_embedded += len(p.chunks)
                if p.replaces:
                    report.updated += 1
                else:
                    report.added += 1
            done += sum(len(p.chunks) for p in batch)
            if progress:
                progress(done, total)
    finally:
        helpers.shutdown()


def _store(
    store: Store, ready: list[tuple[_Pending, dict[str, Any]]], report: IndexReport, lexical: LexicalIndex | None
) -> list[_Pending]:
    """Write a batch of embedded documents, one write per collection, and return those that made it. A document's
    older version goes once the new one is complete. If the batch cannot be written at once, each document is written
    alone, and one that fails is skipped (its partial chunks are completed by the next run)."""
    try:
        store.add([(p.doc, p.chunks, vectors, p.total) for p, vectors in ready])
    except Exception as exc:
        if len(ready) == 1:
            _skipped(report, ready[0][0], exc)
            return []
        log.warning("writing a batch failed; writing its documents one by one", exc_info=True)
        return [p for item in ready for p in _store(store, [item], report, lexical)]
    done: list[_Pending] = []
    for p, _ in ready:
        try:
            if p.replaces:  # the older version goes, now that this one is complete
                store.delete(p.doc.id, keep_sha=p.doc.sha256)
        except Exception as exc:
            _skipped(report, p, exc)
            continue
        done.append(p)
    try:
        store.mark_complete([(p.doc, p.total) for p in done])
    except Exception as exc:
        for p in done:
            _skipped(report, p, exc)
        return []
    written: list[_Pending] = []
    for p in done:
        try:
            if lexical is not None:
                lexical.put(rows(p.doc, p.every))
        except Exception as exc:
            _skipped(report, p, exc)
            continue
        written.append(p)
    return written


def _skipped(report: IndexReport, p: _Pending, exc: Exception) -> None:
    log.warning("storing %s failed", p.doc.id, exc_info=exc)
    report.skipped.append(Problem(path=p.doc.id, reason=f"failed: {type(exc).__name__}: {exc}"[:300]))
