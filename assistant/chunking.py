"""Split a document's cleaned text into chunks at paragraph and sentence boundaries, keeping offsets and pages."""

from __future__ import annotations

from bisect import bisect_right

from langchain_text_splitters import RecursiveCharacterTextSplitter

from .models import Chunk, Document

# Paragraphs first, then sentence ends, then clauses: a chunk rarely cuts a sentence in two.
SEPARATORS = ["\n\n", "\n", ". ", "? ", "! ", "; ", ": ", ", ", " ", ""]


def _segments(doc: Document) -> list[tuple[int, int]]:
    """The spans no chunk crosses: pages and sections (one span, the whole text, for most files)."""
    cuts = sorted({0, *(offset for offset, _ in doc.pages), *doc.sections} - {len(doc.text)})
    return [(a, b) for a, b in zip(cuts, [*cuts[1:], len(doc.text)], strict=True) if doc.text[a:b].strip()]


def chunk_document(doc: Document, size: int = 500, overlap: int = 80) -> list[Chunk]:
    """Chunks whose start/end index into doc.text, so a citation can quote the exact span (and name its page)."""
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=size,
        chunk_overlap=overlap,
        separators=SEPARATORS,
        keep_separator="end",
        add_start_index=True,
        strip_whitespace=True,
    )
    starts = [offset for offset, _ in doc.pages]
    chunks: list[Chunk] = []
    for a, b in _segments(doc):
        segment = doc.text[a:b]
        for piece in splitter.create_documents([segment]):
            start = int(piece.metadata["start_index"])
            text = piece.page_content
            if segment[start : start + len(text)] != text:  # the splitter's offset search can miss; find it again
                start = segment.find(text, max(0, start - size))
            start += a
            at = bisect_right(starts, start) - 1
            page = doc.pages[at][1] if at >= 0 else None
            chunks.append(
                Chunk(doc_id=doc.id, index=len(chunks), text=text, start=start, end=start + len(text), page=page)
            )
    return chunks
