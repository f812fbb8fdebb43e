from assistant.chunking import chunk_document
from assistant.ingest import read_document
from assistant.models import Document
from tests.conftest import SEEDS


def test_chunks_point_at_their_exact_span_of_the_document() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        doc = read_document(path, SEEDS)
        assert isinstance(doc, Document)
        chunks = chunk_document(doc, size=500, overlap=80)
        assert len(chunks) > 3
        for chunk in chunks:
            assert doc.text[chunk.start : chunk.end] == chunk.text
            assert len(chunk.text) <= 500
        assert [c.index for c in chunks] == list(range(len(chunks)))
        assert chunks[-1].end >= len(doc.text.rstrip()) - 1  # nothing is dropped at the end


def test_chunks_end_at_sentence_boundaries_where_they_can() -> None:
    doc = read_document(next(SEEDS.glob("000_*.txt")), SEEDS)
    assert isinstance(doc, Document)
    chunks = chunk_document(doc, size=500, overlap=80)
    ends = [c.text[-1] for c in chunks]
    assert sum(e in ".!?»;:" for e in ends) / len(ends) >= 0.8
