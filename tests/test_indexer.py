import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import Assistant, Settings, reindex, retrieve
from assistant.chunking import chunk_document
from assistant.ingest import read_document
from assistant.models import Document
from tests.conftest import use_dirs, write

ALPHA = (
    "Rapport sur Alpha\n\nLe village d'Alpha a construit 17 ponts en bambou pour les écoliers. Les habitants ont aidé."
)
BETA = "Rapport sur Beta\n\nLa commune de Beta a planté 4 200 arbres fruitiers le long de la rivière Song Xanh."
GAMMA = "Rapport sur Gamma\n\nGamma a ouvert une bibliothèque de 900 livres pour les enfants du quartier."


def ids_by_doc(settings: Settings) -> dict[str, set[str]]:
    found = Assistant(settings).store.primary.get(include=["metadatas"])
    out: dict[str, set[str]] = {}
    for cid, meta in zip(found["ids"], found["metadatas"], strict=True):
        out.setdefault(meta["doc_id"], set()).add(cid)
    return out


def test_reindex_embeds_only_what_changed(isolated: Settings) -> None:
    seeds = isolated.seeds_dir
    write(seeds, "alpha.txt", ALPHA)
    write(seeds, "beta.txt", BETA)
    first = reindex()
    assert (first.added, first.updated, first.removed, first.unchanged) == (2, 0, 0, 0)
    before = ids_by_doc(isolated)

    again = reindex()
    assert (again.added, again.updated, again.removed, again.unchanged, again.chunks_embedded) == (0, 0, 0, 2, 0)

    write(seeds, "beta.txt", BETA.replace("4 200", "5 300"))
    write(seeds, "sub/gamma.txt", GAMMA)
    (seeds / "alpha.txt").unlink()
    changed = reindex()
    assert (changed.added, changed.updated, changed.removed, changed.unchanged) == (1, 1, 1, 0)
    assert changed.chunks_embedded == len(ids_by_doc(isolated)["beta.txt"]) + len(ids_by_doc(isolated)["sub/gamma.txt"])
    after = ids_by_doc(isolated)
    assert set(after) == {"beta.txt", "sub/gamma.txt"}
    assert after["beta.txt"].isdisjoint(before["beta.txt"])  # the old version is gone
    top = retrieve("Combien d'arbres fruitiers Beta a-t-elle plantés ?", k=1)[0]
    assert top.doc_id == "beta.txt" and "5 300" in top.text
    assert all(p.doc_id != "alpha.txt" for p in retrieve("ponts en bambou Alpha", k=5))


def test_unchanged_documents_keep_their_vectors(isolated: Settings) -> None:
    write(isolated.seeds_dir, "alpha.txt", ALPHA)
    write(isolated.seeds_dir, "beta.txt", BETA)
    reindex()
    store = Assistant(isolated).store
    alpha_before = store.primary.get(where={"doc_id": "alpha.txt"}, include=["embeddings"])
    write(isolated.seeds_dir, "beta.txt", BETA + " Une phrase de plus.")
    report = reindex()
    assert report.updated == 1 and report.unchanged == 1
    alpha_after = store.primary.get(where={"doc_id": "alpha.txt"}, include=["embeddings"])
    assert alpha_before["ids"] == alpha_after["ids"]
    assert (alpha_before["embeddings"] == alpha_after["embeddings"]).all()


def test_an_interrupted_update_is_completed_by_the_next_run(isolated: Settings) -> None:
    seeds = isolated.seeds_dir
    write(seeds, "alpha.txt", ALPHA)
    reindex()
    # simulate a run killed after writing the new version's first chunk and before deleting the old version
    path = write(seeds, "alpha.txt", ALPHA + "\n\n" + "Une longue suite. " * 60)
    doc = read_document(path, seeds)
    assert isinstance(doc, Document)
    chunks = chunk_document(doc, isolated.chunk_size, isolated.chunk_overlap)
    assert len(chunks) > 1
    from assistant.embedding import get_encoder
    from assistant.signals import dense

    store = Assistant(isolated).store
    vectors = {s.name: get_encoder(str(s.encoder)).embed_documents([chunks[0].text]) for s in dense(isolated)}
    store.add([(doc, chunks[:1], vectors, len(chunks))])
    assert len(store.manifest()["alpha.txt"]) == 2  # both versions, the new one incomplete

    report = reindex()
    assert report.updated == 1
    manifest = store.manifest()
    assert manifest == {"alpha.txt": {doc.sha256: (len(chunks), len(chunks))}}


def test_bad_files_are_reported_and_the_rest_is_indexed(isolated: Settings) -> None:
    seeds = isolated.seeds_dir
    write(seeds, "good.txt", ALPHA)
    (seeds / "latin1.txt").write_bytes("Caf\xe9".encode("latin-1"))
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "loop.txt").symlink_to(seeds / "loop.txt")
    report = reindex()
    assert report.added == 1
    skipped = {p.path: p.reason for p in report.skipped}
    assert set(skipped) == {"latin1.txt", "empty.txt", "loop.txt"}
    assert "UTF-8" in skipped["latin1.txt"]


def test_changing_the_chunking_rebuilds_the_store(isolated: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    write(isolated.seeds_dir, "alpha.txt", ALPHA)
    reindex()
    settings = use_dirs(monkeypatch, isolated.seeds_dir, isolated.vectorstore_dir, chunk_size="300")
    report = reindex()
    assert report.rebuilt and report.added == 1 and report.unchanged == 0
    assert Assistant(settings).store.count() == len(ids_by_doc(settings)["alpha.txt"])


def test_missing_seeds_folder_is_a_clear_error(isolated: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.errors import ConfigError

    use_dirs(monkeypatch, isolated.seeds_dir / "nope", isolated.vectorstore_dir)
    with pytest.raises(ConfigError, match="ASSISTANT_SEEDS_DIR"):
        reindex()


def test_cli_index_prints_a_json_report_last(isolated: Settings) -> None:
    from typer.testing import CliRunner

    from assistant.cli import app

    write(isolated.seeds_dir, "alpha.txt", ALPHA)
    result = CliRunner().invoke(app, ["index", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["added"] == 1 and report["chunks_embedded"] >= 1
    assert {"added", "updated", "removed", "unchanged", "chunks_embedded", "seconds"} <= set(report)


def test_retrieve_builds_the_index_on_first_use(isolated: Settings, tmp_path: Path) -> None:
    write(isolated.seeds_dir, "gamma.txt", GAMMA)
    passages = retrieve("bibliothèque pour les enfants", k=3)
    assert passages[0].doc_id == "gamma.txt"
    assert passages[0].rank == 1


def test_each_chunk_is_embedded_only_by_the_encoders_that_read_its_language(isolated: Settings) -> None:
    write(isolated.seeds_dir, "alpha.txt", ALPHA)
    swedish = "Rapport om Delta\n\nByn Delta byggde 12 broar av bambu åt skolbarnen, och invånarna hjälpte till."
    write(isolated.seeds_dir, "delta.txt", swedish)
    report = reindex()
    assert report.added == 2 and 0.0 <= report.load_seconds < report.seconds  # 0 when the encoders are loaded
    assert report.chunks_per_second == round(report.chunks_embedded / (report.seconds - report.load_seconds), 1)
    assert json.loads(report.model_dump_json())["chunks_per_second"] == report.chunks_per_second
    store = Assistant(isolated).store
    in_use = {m["doc_id"] for m in store.collections["use"].get(include=["metadatas"])["metadatas"]}
    assert in_use == {"alpha.txt"}  # USE reads French, not Swedish: the Swedish chunk costs it nothing
    assert set(ids_by_doc(isolated)) == {"alpha.txt", "delta.txt"}  # the primary collection holds every document
    assert retrieve("Hur många broar byggde Delta?", k=1)[0].doc_id == "delta.txt"


def test_another_process_s_reindex_is_read_in_place_not_rebuilt(
    isolated: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import subprocess
    import sys

    from assistant.lexical import LexicalIndex

    write(isolated.seeds_dir, "alpha.txt", ALPHA)
    write(isolated.seeds_dir, "beta.txt", BETA)
    serving = Assistant(isolated)
    serving.reindex()
    assert serving.retrieve("ponts en bambou", k=1)[0].doc_id == "alpha.txt"
    state = isolated.vectorstore_dir / "lexical" / "passages" / "state.json"
    generation = json.loads(state.read_text())["generation"]

    def no_rebuild(*args: object, **kwargs: object) -> None:
        raise AssertionError("the lexical index was rebuilt")

    monkeypatch.setattr(LexicalIndex, "rebuild", no_rebuild)
    write(isolated.seeds_dir, "gamma.txt", GAMMA)
    write(isolated.seeds_dir, "beta.txt", BETA.replace("4 200", "5 300"))
    cli = subprocess.run(
        [str(Path(sys.executable).parent / "assistant"), "index", "--json"],
        env=dict(os.environ), capture_output=True, text=True, timeout=600, check=True,
    )  # fmt: skip
    assert '"added":1,"updated":1' in cli.stdout
    assert json.loads(state.read_text())["generation"] == generation + 1  # the other process committed in place
    assert serving.retrieve("bibliothèque de livres", k=1)[0].doc_id == "gamma.txt"
    beta = serving.retrieve("arbres fruitiers", k=1)[0]
    assert beta.doc_id == "beta.txt" and "5 300" in beta.text
    assert {row["doc_id"] for row in serving.documents()} == {"alpha.txt", "beta.txt", "gamma.txt"}


def test_a_document_chroma_will_not_take_is_skipped_and_its_batch_is_still_written(
    isolated: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.store import Store

    seeds = isolated.seeds_dir
    write(seeds, "alpha.txt", ALPHA)
    write(seeds, "beta.txt", BETA)
    write(seeds, "gamma.txt", GAMMA)
    add = Store.add

    def refuse_beta(self: Store, parts: list) -> None:  # type: ignore[type-arg]
        if any(doc.id == "beta.txt" for doc, *_ in parts):
            raise OSError("disk full")
        add(self, parts)

    monkeypatch.setattr(Store, "add", refuse_beta)
    report = reindex()
    assert report.added == 2
    assert [(p.path, p.reason) for p in report.skipped] == [("beta.txt", "failed: OSError: disk full")]
    assert set(ids_by_doc(isolated)) == {"alpha.txt", "gamma.txt"}
    assert retrieve("bibliothèque de 900 livres")[0].doc_id == "gamma.txt"

    monkeypatch.setattr(Store, "add", add)
    again = reindex()
    assert (again.added, again.unchanged) == (1, 2)
    assert set(ids_by_doc(isolated)) == {"alpha.txt", "beta.txt", "gamma.txt"}


def test_reopening_after_another_process_s_reindex_stops_the_replaced_chroma_once_unused(isolated: Settings) -> None:
    import gc

    write(isolated.seeds_dir, "alpha.txt", ALPHA)
    Assistant(isolated).reindex()
    serving = Assistant(isolated)
    assert serving.search("ponts en bambou", 5).passages[0].doc_id == "alpha.txt"
    held = serving.store  # a question under way holds the store it started with
    old = held.client._system
    subprocess_env = {**os.environ, "ASSISTANT_SEEDS_DIR": str(isolated.seeds_dir),
                      "ASSISTANT_VECTORSTORE_DIR": str(isolated.vectorstore_dir)}  # fmt: skip
    write(isolated.seeds_dir, "beta.txt", BETA)
    command = [str(Path(sys.executable).with_name("assistant")), "index"]
    subprocess.run(command, env=subprocess_env, check=True, capture_output=True)

    assert serving.search("arbres fruitiers", 5).passages[0].doc_id == "beta.txt"  # reopened: sees the new file
    assert serving.store.client._system is not old
    assert old._running  # still in use by the held store
    assert held.get([]) == {} and held.count() == 2  # and still usable
    del held
    gc.collect()
    assert not old._running  # stopped, its vector indexes freed
