"""Split a document's cleaned text into chunks at paragraph and sentence boundaries, keeping offsets."""

from __future__ import annotations

import re

from langchain_text_splitters import RecursiveCharacterTextSplitter

from .models import Chunk, Document

# Paragraphs first, then sentence ends, then clauses: a chunk rarely cuts a sentence in two.
SEPARATORS = ["\n\n", "\n", ". ", "? ", "! ", "; ", ": ", ", ", " ", ""]
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[»\"”’)]*\s+(?=(?:[«\"“(]\s*)?[A-ZÀ-ÖØ-ÞĐ0-9])|\n+")


def chunk_document(doc: Document, size: int = 500, overlap: int = 80) -> list[Chunk]:
    """Chunks whose start/end index into doc.text, so a citation can quote the exact span."""
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=size,
        chunk_overlap=overlap,
        separators=SEPARATORS,
        keep_separator="end",
        add_start_index=True,
        strip_whitespace=True,
    )
    chunks: list[Chunk] = []
    for piece in splitter.create_documents([doc.text]):
        start = int(piece.metadata["start_index"])
        text = piece.page_content
        if doc.text[start : start + len(text)] != text:  # the splitter's offset search can miss; find it again
            start = doc.text.find(text, max(0, start - size))
        chunks.append(Chunk(doc_id=doc.id, index=len(chunks), text=text, start=start, end=start + len(text)))
    return chunks


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the sentences in text: breaks after . ! ? … before a capital or digit, and at newlines."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        _append_span(spans, text, start, match.start())
        start = match.end()
    _append_span(spans, text, start, len(text))
    return spans


def _append_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
