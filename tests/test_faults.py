"""Faults: a reindex killed mid-way, bad files, a store written by other settings. Real models, real Chroma."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from assistant import Assistant, Settings, reindex
from tests.conftest import SEEDS, use_dirs, write

pytestmark = pytest.mark.slow


def make_corpus(folder: Path, documents: int) -> None:
    """Documents recombined from the seeds' paragraphs, a few KB each."""
    paragraphs = [
        p.strip()
        for path in sorted(SEEDS.glob("*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n")
        if len(p.strip()) > 200
    ]
    for i in range(documents):
        body = "\n\n".join(paragraphs[(i * 7 + j * 3) % len(paragraphs)] for j in range(6))
        write(folder, f"doc_{i:03d}.txt", f"Article numéro {i}\n\n{body}\n\nSource : https://example.org/{i}")


KILL_SCRIPT = """
import sys
from assistant import reindex
def progress(done, total):
    print(f"{done} {total}", flush=True)
reindex(progress=progress)
print("finished", flush=True)
"""


def store_contents(settings: Settings) -> dict[str, tuple[str, tuple[tuple[str, object], ...], np.ndarray]]:
    found = Assistant(settings).store.primary.get(include=["documents", "metadatas", "embeddings"])
    return {
        cid: (doc, tuple(sorted(meta.items())), np.asarray(vec))
        for cid, doc, meta, vec in zip(
            found["ids"], found["documents"], found["metadatas"], found["embeddings"], strict=True
        )
    }


def test_a_killed_reindex_is_completed_by_the_next_run(
    isolated: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_corpus(isolated.seeds_dir, 60)
    env = {**os.environ, "ASSISTANT_SEEDS_DIR": str(isolated.seeds_dir),
           "ASSISTANT_VECTORSTORE_DIR": str(isolated.vectorstore_dir)}  # fmt: skip
    process = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT], env=env, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    for line in process.stdout:
        done, total = (int(x) for x in line.split())
        if 0 < done < total:
            process.send_signal(signal.SIGKILL)  # after the first batch is stored, mid-way through the run
            break
    else:
        pytest.fail("the reindex finished before it could be killed")
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    report = reindex()
    assert report.added + report.unchanged == 60 and report.removed == 0
    resumed = store_contents(isolated)

    clean = use_dirs(monkeypatch, isolated.seeds_dir, tmp_path / "clean-store")
    reindex()
    expected = store_contents(clean)
    assert resumed.keys() == expected.keys()
    for cid, (doc, meta, vector) in expected.items():
        assert resumed[cid][0] == doc and resumed[cid][1] == meta
        assert np.allclose(resumed[cid][2], vector, atol=1e-4)
    use_dirs(monkeypatch, isolated.seeds_dir, isolated.vectorstore_dir)
    assert reindex().unchanged == 60


def test_bad_inputs_are_reported_or_indexed_and_none_stops_the_run(isolated: Settings) -> None:
    seeds = isolated.seeds_dir
    write(seeds, "good.txt", "Bonne nouvelle\n\nLa commune de Binh An a construit 41 ponts en 2024.")
    write(seeds, "Sổ tay mùa hè — notes d'été.txt", "Notes d'été\n\nLe village de Cam Lo a planté 512 manguiers.")
    (seeds / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "latin1.txt").write_bytes("Le comité a réuni 12 délégués à Hué.".encode("latin-1"))
    with open(seeds / "huge.txt", "wb") as handle:  # 50 MB, over the default 20 MB limit
        handle.write(("Une ligne de texte répétée sans fin. " * 1000 + "\n").encode() * 1400)
    (seeds / "loop").mkdir()
    (seeds / "loop" / "again").symlink_to(seeds / "loop", target_is_directory=True)
    (seeds / "self.txt").symlink_to(seeds / "self.txt")

    report = reindex()
    assert report.added == 2
    reasons = {p.path: p.reason for p in report.skipped}
    assert set(reasons) == {"binary.txt", "empty.txt", "latin1.txt", "huge.txt", "self.txt"}
    assert "binary" in reasons["binary.txt"] and "UTF-8" in reasons["latin1.txt"]
    assert "ASSISTANT_MAX_FILE_MB" in reasons["huge.txt"]
    from assistant import retrieve

    top = retrieve("Combien de manguiers à Cam Lo ?", k=1)[0]
    assert top.doc_id == "Sổ tay mùa hè — notes d'été.txt"


def test_a_store_from_another_model_or_layout_is_rebuilt(isolated: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    write(isolated.seeds_dir, "a.txt", "Titre\n\nLe district a rénové 77 maisons de solidarité en 2024.")
    client = chromadb.PersistentClient(str(isolated.vectorstore_dir), ChromaSettings(anonymized_telemetry=False))
    old = client.create_collection("passages", metadata={"model": "some-old-model"})  # an older layout
    old.add(ids=["x"], embeddings=[[0.1, 0.2, 0.3]], documents=["stale"], metadatas=[{"doc_id": "gone.txt"}])
    del client
    report = reindex()
    assert report.rebuilt and report.added == 1
    ids = Assistant(isolated).store.primary.get()["ids"]
    assert ids and "x" not in ids

    use_dirs(monkeypatch, isolated.seeds_dir, isolated.vectorstore_dir, multilingual_encoder="false")
    report = reindex()
    assert report.rebuilt and report.added == 1 and report.unchanged == 0

    from typer.testing import CliRunner

    from assistant.cli import app

    use_dirs(monkeypatch, isolated.seeds_dir, isolated.vectorstore_dir, chunk_size="200")
    result = CliRunner().invoke(app, ["index"])
    assert result.exit_code == 0 and "store rebuilt" in result.output
