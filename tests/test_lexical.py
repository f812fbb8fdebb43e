"""BM25 scores checked against hand-computed values, and the saved index (JSON and arrays, no pickle)."""

import math
from pathlib import Path

import numpy as np
import pytest

from assistant.lexical import BM25, LexicalIndex, ngram_tokens, term_tokens

# Okapi BM25, k1 = 1.2, b = 0.75; three documents of lengths 2, 1 and 3 (average 2)
DOCS = [["a", "b"], ["a"], ["c", "c", "d"]]


def idf(df: int, n: int = 3) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def test_bm25_scores_match_the_formula_by_hand() -> None:
    bm25 = BM25.build(DOCS)
    # 'b' once in a document of average length: tf part = 1 * 2.2 / (1 + 1.2) = 1
    assert bm25.scores({"b": 1.0}) == pytest.approx([idf(1), 0, 0], rel=1e-5)
    # 'c' twice in the 3-word document: 2 * 2.2 / (2 + 1.2 * (0.25 + 0.75 * 1.5)) = 4.4 / 3.65
    assert bm25.scores({"c": 1.0}) == pytest.approx([0, 0, idf(1) * 4.4 / 3.65], rel=1e-5)
    # 'a' in two documents; the one-word document is shorter, so it scores higher: 2.2 / 1.75
    assert bm25.scores({"a": 1.0}) == pytest.approx([idf(2), idf(2) * 2.2 / 1.75, 0], rel=1e-5)


def test_query_weights_scale_and_add() -> None:
    bm25 = BM25.build(DOCS)
    both = bm25.scores({"b": 1.0, "c": 0.5})
    assert both == pytest.approx(bm25.scores({"b": 1.0}) + 0.5 * bm25.scores({"c": 1.0}), rel=1e-5)


def test_a_term_in_nearly_every_document_is_skipped() -> None:
    bm25 = BM25.build([["x", "y"], ["x"], ["x", "z"]])
    assert idf(3) < 0.25
    assert not bm25.scores({"x": 1.0}).any()
    assert bm25.idf_of("x") == pytest.approx(idf(3), rel=1e-5)
    assert bm25.idf_of("nowhere") is None


def test_analyzer_stems_folds_and_cuts_ngrams() -> None:
    assert term_tokens("Orphelins", ["fr"]) == ["orphelin", "orphelins"]
    # '_ha_' is 4 characters: its 3-grams, then the whole word for n = 4 and again for n = 5
    assert ngram_tokens("Hà") == ["_ha", "ha_", "_ha_", "_ha_"]


def rows() -> list[tuple[str, str, dict[str, object]]]:
    meta = {"doc_id": "a.txt", "title": "Titre", "language": "fr"}
    return [
        ("a#1#0", "Le village a construit 17 ponts.", {**meta, "index": 0}),
        ("a#1#1", "Les habitants ont planté 40 arbres.", {**meta, "index": 1}),
    ]


def test_the_index_is_saved_without_pickle_and_loaded_only_for_its_key(tmp_path: Path) -> None:
    index = LexicalIndex.build("store:1:v", iter(rows()))
    index.save(tmp_path)
    with np.load(tmp_path / "index.npz", allow_pickle=False) as saved:  # would raise if anything needed pickle
        assert "meta" in saved.files
    loaded = LexicalIndex.load(tmp_path, "store:1:v")
    assert loaded is not None and loaded.ids == index.ids and loaded.metas == index.metas
    query = {t: 1.0 for t in term_tokens("arbres plantés", ["fr"])}
    assert np.allclose(loaded.terms.scores(query), index.terms.scores(query))
    assert loaded.languages == ("fr",)
    assert LexicalIndex.load(tmp_path, "store:2:v") is None  # another generation
    (tmp_path / "index.npz").write_bytes(b"not an index")
    assert LexicalIndex.load(tmp_path, "store:1:v") is None


def test_a_span_of_the_document_is_rebuilt_exactly_from_its_chunks() -> None:
    text = "Para one. Sentence two.\n\nPara two here. And more."
    cuts = [(0, 9), (10, 23), (25, 39), (33, 49)]  # a space, a paragraph break, then an overlap
    meta = {"doc_id": "d.txt", "title": "T", "language": "en"}
    chunks = [(f"d#{i}", text[a:b], {**meta, "index": i, "start": a, "end": b}) for i, (a, b) in enumerate(cuts)]
    index = LexicalIndex.build("k", iter(chunks))
    assert index.span("d.txt", 0, 49) == (text, 0)
    assert index.span("d.txt", 5, 30) == (text[5:30], 5)
    assert index.span("d.txt", 36, 100) == (text[36:49], 36)
    assert index.span("other.txt", 0, 10) == ("", 0)
