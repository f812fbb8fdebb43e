"""Split a document's cleaned text into chunks at paragraph and sentence boundaries, keeping offsets."""

from __future__ import annotations

from langchain_text_splitters import RecursiveCharacterTextSplitter

from .models import Chunk, Document

# Paragraphs first, then sentence ends, then clauses: a chunk rarely cuts a sentence in two.
SEPARATORS = ["\n\n", "\n", ". ", "? ", "! ", "; ", ": ", ", ", " ", ""]


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
