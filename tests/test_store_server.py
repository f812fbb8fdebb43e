"""Index and retrieve against a real Chroma server started by the test."""

from pathlib import Path

import pytest

from assistant import Settings, answer, reindex, retrieve
from tests.conftest import SEEDS, use_dirs, write
from tests.servers import chroma_server

pytestmark = pytest.mark.slow


def test_index_and_retrieve_through_a_chroma_server(
    isolated: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for path in SEEDS.glob("00[04]_*.txt"):
        write(isolated.seeds_dir, path.name, path.read_text(encoding="utf-8"))
    with chroma_server(tmp_path / "chroma-data") as port:
        use_dirs(monkeypatch, isolated.seeds_dir, tmp_path / "unused", chroma_host="127.0.0.1", chroma_port=str(port))
        report = reindex()
        assert report.added == 2 and report.chunks_embedded > 10
        local = tmp_path / "unused"  # only the lexical index lives on this machine; the chunks are on the server
        assert sorted(p.name for p in local.iterdir()) == ["lexical"]
        assert (local / "lexical" / "passages" / "meta.json").is_file()
        top = retrieve("Hur många modeller för självstyrning av miljöskydd har staden haft?", k=3)
        assert top[0].doc_id.startswith("004_")
        assert any("2 500 modeller" in p.text for p in top)
        mo_cay = retrieve("Mỏ Cày Bắc housing 2025", k=3, language="fr")
        assert mo_cay and all(p.doc_id.startswith("000_") for p in mo_cay)
        assert reindex().unchanged == 2
        (isolated.seeds_dir / "000_extra.txt").write_text(
            "Ett nytt dokument\n\nKommunen Lang Son planterade 321 körsbärsträd längs kanalen.", encoding="utf-8"
        )
        assert reindex().added == 1  # the local lexical index takes the change in place
        assert retrieve("Hur många körsbärsträd planterade Lang Son?", k=1)[0].doc_id == "000_extra.txt"
        reply = answer("Hur många modeller för ekonomisk utveckling fanns i Hanoi?")
        assert reply.found and "600 modeller" in reply.text
        assert reply.citations[0].doc_id.startswith("004_")


def test_an_unreachable_server_is_a_clear_error(isolated: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.errors import ConfigError
    from tests.servers import free_port

    use_dirs(monkeypatch, isolated.seeds_dir, isolated.vectorstore_dir, chroma_host="127.0.0.1",
             chroma_port=str(free_port()))  # fmt: skip
    with pytest.raises(ConfigError, match="ASSISTANT_CHROMA_HOST"):
        reindex()
