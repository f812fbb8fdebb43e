"""The lexical index in tantivy: BM25 scores checked against hand-computed values, updates in place, and what is on
disk (tantivy's files and JSON, no pickle)."""

import json
import math
from pathlib import Path

import pytest

from assistant import lexical
from assistant.lexical import LexicalIndex, ngram_tokens, term_tokens

# Okapi BM25, k1 = 1.2, b = 0.75; three documents of lengths 2, 1 and 3 (average 2)
TEXTS = ["alpha bravo", "alpha", "charlie charlie delta"]


def idf(df: int, n: int = 3) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def row(doc: str, text: str, index: int = 0, start: int = 0, language: str = "xx") -> lexical.Row:
    meta = {"doc_id": doc, "title": f"Title {doc}", "language": language, "index": index, "start": start,
            "end": start + len(text), "sha": "s", "date": "", "url": ""}  # fmt: skip
    return (f"{doc}#s#{index}", text, meta)


def small(folder: Path | None = None) -> LexicalIndex:
    index = LexicalIndex(folder)
    index.rebuild("store-a", 1, [row(f"d{i}", text) for i, text in enumerate(TEXTS)])
    return index


def scores(index: LexicalIndex, bag: dict[str, float]) -> list[float]:
    found = dict(index.search("terms", bag, {}, 10))
    return [found.get(f"d{i}#s#0", 0.0) for i in range(3)]


def test_bm25_scores_match_the_formula_by_hand() -> None:
    assert [term_tokens(t, ["xx"]) for t in TEXTS] == [["alpha", "bravo"], ["alpha"], ["charlie", "charlie", "delta"]]
    index = small()
    # 'bravo' once in a document of average length: tf part = 1 * 2.2 / (1 + 1.2) = 1
    assert scores(index, {"bravo": 1.0}) == pytest.approx([idf(1), 0, 0], rel=1e-5)
    # 'charlie' twice in the 3-word document: 2 * 2.2 / (2 + 1.2 * (0.25 + 0.75 * 1.5)) = 4.4 / 3.65
    assert scores(index, {"charlie": 1.0}) == pytest.approx([0, 0, idf(1) * 4.4 / 3.65], rel=1e-5)
    # 'alpha' in two documents; the one-word document is shorter, so it scores higher: 2.2 / 1.75
    assert scores(index, {"alpha": 1.0}) == pytest.approx([idf(2), idf(2) * 2.2 / 1.75, 0], rel=1e-5)


def test_query_weights_scale_and_add_and_filters_only_filter() -> None:
    index = small()
    both = scores(index, {"bravo": 1.0, "charlie": 0.5})
    alone = [a + 0.5 * c for a, c in zip(scores(index, {"bravo": 1.0}), scores(index, {"charlie": 1.0}), strict=True)]
    assert both == pytest.approx(alone, rel=1e-5)
    only = index.search("terms", {"alpha": 1.0}, {"doc_id": ["d1"]}, 10)
    assert only == [("d1#s#0", pytest.approx(idf(2) * 2.2 / 1.75, rel=1e-5))]  # the filter adds nothing


def test_a_term_in_nearly_every_document_is_skipped() -> None:
    index = LexicalIndex(None)
    index.rebuild("s", 1, [row("a", "xray yankee"), row("b", "xray"), row("c", "xray zulu")])
    assert idf(3) < lexical.MIN_IDF
    assert index.search("terms", {"xray": 1.0}, {}, 10) == []
    assert index.terms.idf_of("xray") == pytest.approx(idf(3), rel=1e-5)
    assert index.terms.idf_of("nowhere") is None and "zulu" in index.terms and "nowhere" not in index.terms
    assert index.terms.max_idf == pytest.approx(idf(1), rel=1e-5)


def test_analyzer_stems_folds_and_cuts_ngrams() -> None:
    assert term_tokens("Orphelins", ["fr"]) == ["orphelin", "orphelins"]
    # '_ha_' is 4 characters: its 3-grams, then the whole word for n = 4 and again for n = 5
    assert ngram_tokens("Hà") == ["_ha", "ha_", "_ha_", "_ha_"]


def test_the_index_lives_on_disk_as_tantivy_files_and_json_and_is_read_by_another_process(tmp_path: Path) -> None:
    folder = tmp_path / "lexical"
    small(folder)
    state = json.loads((folder / "state.json").read_text())
    assert (state["identity"], state["generation"], state["analyzer"]) == ("store-a", 1, lexical.ANALYZER_VERSION)
    assert set(state["documents"]) == {"d0", "d1", "d2"} and state["documents"]["d2"]["chunks"] == 1
    assert (folder / "meta.json").is_file()  # tantivy's own
    assert not [p for p in folder.rglob("*") if p.suffix in {".pkl", ".pickle", ".npz"}]
    reader = LexicalIndex(folder)  # as a new process opens it
    assert reader.current("store-a", 1) and not reader.current("store-a", 2) and not reader.current("store-b", 1)
    assert scores(reader, {"bravo": 1.0}) == pytest.approx([idf(1), 0, 0], rel=1e-5)
    assert reader.languages == ("xx",) and reader.language_of()["d1"] == "xx"


def test_a_change_is_applied_in_place_and_seen_after_a_refresh(tmp_path: Path) -> None:
    folder = tmp_path / "lexical"
    writer = small(folder)
    reader = LexicalIndex(folder)
    writer.put([row("d1", "echo foxtrot"), row("d1", "golf", index=1, start=13)])  # a new version of d1
    writer.delete("d2")
    writer.put([row("d3", "hotel")])
    writer.commit("store-a", 2)
    assert [c for c, _ in writer.search("terms", {"alpha": 1.0}, {}, 10)] == ["d0#s#0"]  # untouched
    assert {c for c, _ in writer.search("terms", {"golf": 1.0, "hotel": 1.0}, {}, 10)} == {"d1#s#1", "d3#s#0"}
    assert writer.search("terms", {"alpha": 1.0}, {"doc_id": ["d1"]}, 10) == []  # d1's old version is gone
    assert writer.documents["d1"]["chunks"] == 2 and "d2" not in writer.documents
    assert not reader.current("store-a", 2)
    reader.refresh()
    assert reader.current("store-a", 2) and set(reader.documents) == {"d0", "d1", "d3"}
    assert reader.search("terms", {"charlie": 1.0}, {}, 10) == []
    assert reader.document_text("d1") == "echo foxtrot\ngolf"


def test_an_index_made_by_another_analyzer_is_not_current(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "lexical"
    small(folder)
    monkeypatch.setattr(lexical, "ANALYZER_VERSION", "next")
    index = LexicalIndex(folder)
    assert not index.current("store-a", 1)
    index.rebuild("store-a", 1, [row("d0", "alpha bravo")])
    assert index.current("store-a", 1) and set(index.documents) == {"d0"}


def test_a_span_of_the_document_is_rebuilt_exactly_from_its_chunks() -> None:
    text = "Para one. Sentence two.\n\nPara two here. And more."
    cuts = [(0, 9), (10, 23), (25, 39), (33, 49)]  # a space, a paragraph break, then an overlap
    index = LexicalIndex(None)
    index.rebuild("k", 1, [row("d.txt", text[a:b], i, a, "en") for i, (a, b) in enumerate(cuts)])
    assert index.span("d.txt", 0, 49) == (text, 0)
    assert index.span("d.txt", 5, 30) == (text[5:30], 5)
    assert index.span("d.txt", 36, 100) == (text[36:49], 36)
    assert index.span("other.txt", 0, 10) == ("", 0)
