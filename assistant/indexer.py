"""Incremental reindex: compare file hashes with what the store holds; embed only what changed."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .chunking import chunk_document
from .config import Settings
from .errors import ConfigError
from .ingest import doc_id, file_hash, list_files, parse, read_bytes
from .models import Chunk, Document, IndexReport, Problem
from .signals import Signal, encoder
from .store import Store

Progress = Callable[[int, int], None]
BATCH = 256
_lock = threading.Lock()  # one reindex at a time in a process


@dataclass
class _Pending:
    doc: Document
    chunks: list[Chunk]  # the chunks to embed: none when this version is stored and only a stale one is left
    replaces: bool
    total: int = 0  # chunks of this version in all


def embed_text(chunk: Chunk, doc: Document) -> str:
    """What the encoders see: the passage with its document's title as context."""
    return chunk.text if chunk.index == 0 else f"{doc.title}\n{chunk.text}"


def reindex(settings: Settings, store: Store, signals: list[Signal], progress: Progress | None = None) -> IndexReport:
    """Bring the store in line with the seeds folder and say what changed.

    Chunks of a changed file are added before the old ones are deleted, and a document counts as stored only
    when all its chunks are there, so an interrupted run leaves nothing missing and the next run completes it.
    """
    if not settings.seeds_dir.is_dir():
        raise ConfigError(f"seeds folder {settings.seeds_dir} does not exist: create it or set ASSISTANT_SEEDS_DIR")
    with _lock:
        started = time.perf_counter()
        report = IndexReport(rebuilt=store.rebuilt)
        stored = store.manifest()
        pending, seen = _scan(settings, stored, report)
        for gone in sorted(set(stored) - seen):
            store.delete(gone)
            report.removed += 1
        _embed_and_store(store, settings, [s for s in signals if s.kind == "dense"], pending, report, progress)
        if pending or report.removed or any(len(v) > 1 for k, v in stored.items() if k in seen):
            store.bump_generation()
        store.rebuilt = False
        report.seconds = round(time.perf_counter() - started, 3)
        return report


def _scan(
    settings: Settings, stored: dict[str, dict[str, tuple[int, int]]], report: IndexReport
) -> tuple[list[_Pending], set[str]]:
    pending: list[_Pending] = []
    seen: set[str] = set()
    limit = int(settings.max_file_mb * 1024 * 1024)
    for path in list_files(settings.seeds_dir):
        ident = doc_id(path, settings.seeds_dir)
        seen.add(ident)  # a file that exists keeps its stored version even if it cannot be read now
        try:
            size = path.stat().st_size
        except OSError as exc:
            report.skipped.append(Problem(path=ident, reason=f"unreadable: {exc.strerror or exc}"))
            continue
        if size > limit:
            report.skipped.append(
                Problem(
                    path=ident, reason=f"{size / 2**20:.0f} MB is over ASSISTANT_MAX_FILE_MB={settings.max_file_mb:g}"
                )
            )
            continue
        data = read_bytes(path)
        if isinstance(data, Problem):
            report.skipped.append(data.model_copy(update={"path": ident}))
            continue
        versions = stored.get(ident, {})
        have, expected = versions.get(file_hash(data), (0, -1))
        if have == expected and len(versions) == 1:
            report.unchanged += 1
            continue
        doc = parse(ident, data)
        if isinstance(doc, Problem):
            report.skipped.append(doc)
            continue
        chunks = chunk_document(doc, settings.chunk_size, settings.chunk_overlap)
        complete = have == expected  # then only a stale version is left to delete
        pending.append(_Pending(doc, [] if complete else chunks, replaces=bool(versions), total=len(chunks)))
    return pending, seen


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
) -> None:
    total = sum(len(p.chunks) for p in pending)
    done = 0
    if progress:
        progress(0, total)
    models = {s.name: encoder(s, settings) for s in dense} if total else {}
    for batch in _batches(pending):
        texts = [embed_text(c, p.doc) for p in batch for c in p.chunks]
        vectors = {name: m.embed_documents(texts) for name, m in models.items()} if texts else {}
        offset = 0
        for p in batch:
            n = len(p.chunks)
            if n:
                store.add(p.doc, p.chunks, {name: v[offset : offset + n] for name, v in vectors.items()})
            if p.replaces:  # the older version goes, now that this one is complete
                store.delete(p.doc.id, keep_sha=p.doc.sha256)
            store.mark_complete(p.doc, p.total)
            offset += n
            report.chunks_embedded += n
            if p.replaces:
                report.updated += 1
            else:
                report.added += 1
        done += offset
        if progress:
            progress(done, total)
