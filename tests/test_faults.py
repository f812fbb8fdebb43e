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


def test_links_fifos_devices_bad_names_and_utf16_index_in_seconds_and_nothing_outside_leaks(
    isolated: Settings, tmp_path: Path
) -> None:
    seeds = isolated.seeds_dir
    secret = tmp_path / "outside" / "secret.txt"
    write(secret.parent, secret.name, "Secret payroll\n\nThe treasurer of Quy Nhon keeps 8,765 gold bars in a vault.")
    write(seeds, "a_inside.txt", "Rapport\n\nLe village de Tan Hoa a creusé 23 puits pour les familles pauvres.")
    (seeds / "b_outside_link.txt").symlink_to(secret)
    (seeds / "c_inside_link.txt").symlink_to(seeds / "a_inside.txt")  # a link inside the folder is followed
    os.mkfifo(seeds / "d_pipe.txt")
    (seeds / "e_zero.txt").symlink_to("/dev/zero")
    bad = os.fsencode(seeds) + b"/f_bad_\xff_name.txt"
    with open(bad, "wb") as handle:
        handle.write("Nom cassé\n\nLe nom de ce fichier n'est pas de l'UTF-8.".encode())
    write(seeds, "g_after.txt", "Après\n\nLa commune de Phu Loc a planté 640 cocotiers le long de la lagune.")
    (seeds / "h_utf16.txt").write_bytes(
        "Rapport UTF-16\n\nLe district de Vinh Linh a ouvert 19 crèches.".encode("utf-16")
    )

    env = {**os.environ, "ASSISTANT_SEEDS_DIR": str(seeds), "ASSISTANT_VECTORSTORE_DIR": str(isolated.vectorstore_dir)}
    done = subprocess.run(
        [str(Path(sys.executable).parent / "assistant"), "index", "--json"],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    import json

    report = json.loads(done.stdout.strip().splitlines()[-1])
    reasons = {p["path"]: p["reason"] for p in report["skipped"]}
    assert report["added"] == 4  # a_inside, c_inside_link, g_after, h_utf16
    assert "outside the seeds folder" in reasons["b_outside_link.txt"]
    assert "FIFO" in reasons["d_pipe.txt"] and "device" in reasons["e_zero.txt"]
    assert "not valid UTF-8" in reasons["f_bad_\ufffd_name.txt"]

    assistant = Assistant(isolated)
    texts = " ".join(assistant.store.primary.get(include=["documents"])["documents"])
    assert "gold bars" not in texts and "treasurer" not in texts
    assert "gold bars" not in assistant.answer("How many gold bars does the treasurer of Quy Nhon keep?").text
    assert assistant.retrieve("Combien de cocotiers à Phu Loc ?", k=1)[0].doc_id == "g_after.txt"
    assert assistant.retrieve("Combien de crèches à Vinh Linh ?", k=1)[0].doc_id == "h_utf16.txt"


class _Payload:
    """Unpickling this creates the marker file: proof that code from the store ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return open, (str(self.marker), "w")


def test_a_pickle_payload_planted_in_the_store_runs_nothing(isolated: Settings, tmp_path: Path) -> None:
    import pickle

    write(isolated.seeds_dir, "a.txt", "Rapport\n\nLe village de Tan Hoa a creusé 23 puits pour les familles pauvres.")
    assistant = Assistant(isolated)
    assistant.reindex()
    assert assistant.answer("Combien de puits à Tan Hoa ?").found
    marker = tmp_path / "ran"
    payload = pickle.dumps(_Payload(marker))
    store = isolated.vectorstore_dir
    folders = [store, *(p for p in store.rglob("*") if p.is_dir())]
    for folder in folders:  # wherever a loader might look: the usual pickle names in every folder of the store
        for name in ("index_metadata.pickle", "passages.pickle", "index.pkl", "lexical.pickle"):
            (folder / name).write_bytes(payload)
    for saved in store.rglob("*.npz"):  # and the lexical index itself replaced by a pickle
        saved.write_bytes(payload)

    fresh = Assistant(Settings(seeds_dir=isolated.seeds_dir, vectorstore_dir=store))
    reply = fresh.answer("Combien de puits à Tan Hoa ?")
    fresh.reindex()
    assert not marker.exists()
    assert reply.found and "23 puits" in reply.text  # the index is rebuilt from the store, not loaded from the payload


def test_one_writer_at_a_time_on_a_local_store(isolated: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    from filelock import FileLock

    from assistant import indexer
    from assistant.errors import StoreError

    monkeypatch.setattr(indexer, "LOCK_WAIT", 1.0)  # it waits this long for the other process, then says so
    write(isolated.seeds_dir, "a.txt", "Rapport\n\nLe village de Tan Hoa a creusé 23 puits pour les familles pauvres.")
    isolated.vectorstore_dir.mkdir(parents=True, exist_ok=True)
    lock = str(isolated.vectorstore_dir / "write.lock")
    script = f"import time\nfrom filelock import FileLock\nwith FileLock({lock!r}):\n print('held', flush=True)\n"
    held = subprocess.Popen(  # another process indexing: it holds the lock file
        [sys.executable, "-c", script + " time.sleep(60)"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert held.stdout is not None and held.stdout.readline().strip() == "held"
        with pytest.raises(StoreError, match="another process is indexing"):
            Assistant(isolated).reindex()
    finally:
        held.kill()
        held.wait()
    assert FileLock(isolated.vectorstore_dir / "write.lock", timeout=5).acquire()  # released with its process
    assert Assistant(isolated).reindex().added == 1


def test_a_new_store_is_readable_by_its_owner_only(isolated: Settings) -> None:
    import stat

    assert not isolated.vectorstore_dir.exists()
    Assistant(isolated).store.count()
    assert stat.S_IMODE(isolated.vectorstore_dir.stat().st_mode) == 0o700


def test_serve_refuses_a_login_without_a_password(isolated: Settings) -> None:
    env = {**os.environ, "ASSISTANT_AUTH": "admin", "ASSISTANT_VECTORSTORE_DIR": str(isolated.vectorstore_dir)}
    done = subprocess.run(
        [str(Path(sys.executable).parent / "assistant"), "serve", "--port", "9"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode != 0 and "ASSISTANT_AUTH must be user:password" in done.stderr
    assert "Traceback" not in done.stderr and not isolated.vectorstore_dir.exists()  # stopped before indexing


def test_a_file_swapped_for_an_outside_link_while_being_opened_is_not_read(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from assistant.ingest import read_file
    from assistant.models import Problem

    seeds, outside = tmp_path / "seeds2", tmp_path / "secret.txt"
    write(seeds, "race.txt", "Rapport\n\nUn texte ordinaire.")
    outside.write_text("secret outside", encoding="utf-8")
    real_open = os.open

    def swapping_open(path, flags, *args):  # type: ignore[no-untyped-def]
        if str(path).endswith("race.txt"):  # between the checks and the open, the file becomes a link outside
            os.unlink(path)
            os.symlink(outside, path)
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", swapping_open)
    result = read_file(seeds / "race.txt", seeds)
    assert isinstance(result, Problem), result


def test_a_folder_that_cannot_be_listed_keeps_what_was_indexed_from_it(isolated: Settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    write(isolated.seeds_dir, "sub/a.txt", "Rapport A\n\nLe village de Tan Hoa a creusé 23 puits pour les familles.")
    write(
        isolated.seeds_dir, "b.txt", "Rapport B\n\nLa commune de Phu Loc a planté 640 cocotiers le long de la lagune."
    )
    assert Assistant(isolated).reindex().added == 2
    real_scandir = os.scandir

    def denied(path):  # type: ignore[no-untyped-def]
        if str(path).endswith("sub"):  # as a folder without read permission does (the tests may run as root)
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", denied)
    report = Assistant(isolated).reindex()
    assert (report.removed, report.unchanged) == (0, 1)
    assert [p.path for p in report.skipped] == ["sub/"] and "cannot be read" in report.skipped[0].reason
