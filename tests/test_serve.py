"""`assistant serve` as a user starts it: start-up errors in one line before any work, `--port 0`, and a folder
that is followed while serving (a file copied into seeds/ becomes answerable without a click)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import write

BIN = Path(sys.executable).parent


def serve(seeds: Path, store: Path, *args: str, **settings: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(ASSISTANT_SEEDS_DIR=str(seeds), ASSISTANT_VECTORSTORE_DIR=str(store))
    env.update({f"ASSISTANT_{k.upper()}": v for k, v in settings.items()})
    return subprocess.Popen(
        [str(BIN / "assistant"), "serve", *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_a_busy_port_and_a_missing_folder_are_one_line_before_any_work(tmp_path: Path) -> None:
    write(tmp_path / "seeds", "a.txt", "Titre\n\nLe village a construit 12 ponts.")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        process = serve(tmp_path / "seeds", tmp_path / "store", "--port", str(busy.getsockname()[1]))
        _, stderr = process.communicate(timeout=120)
    assert process.returncode != 0 and "cannot listen on 127.0.0.1" in stderr and "--port 0" in stderr
    assert "Traceback" not in stderr and not (tmp_path / "store").exists()  # nothing was indexed

    process = serve(tmp_path / "missing", tmp_path / "store", "--port", "0")
    _, stderr = process.communicate(timeout=120)
    assert process.returncode != 0 and "does not exist" in stderr and "Traceback" not in stderr


@pytest.mark.slow
def test_port_0_prints_the_url_and_a_file_copied_into_seeds_is_answered_without_a_click(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    write(seeds, "a.txt", "Rapport Alpha\n\nLe village d'Alpha a construit 17 ponts en bambou pour les écoliers.")
    process = serve(seeds, tmp_path / "store", "--port", "0")
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # printed once the index is ready and the port is bound
        url = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert url, line
        chat = f"{url.group()}v1/chat/completions"

        def ask(question: str) -> str:
            body = {"model": "assistant", "messages": [{"role": "user", "content": question}]}
            return str(httpx.post(chat, json=body, timeout=60).json()["choices"][0]["message"]["content"])

        assert "17 ponts" in ask("Combien de ponts le village d'Alpha a-t-il construits ?")
        question = "Combien de lampadaires la commune de Beta a-t-elle installés ?"
        assert "4 321" not in ask(question)
        write(seeds, "beta.txt", "Nouvelles de Beta\n\nLa commune de Beta a installé 4 321 lampadaires solaires.")
        copied = time.monotonic()
        while "4 321" not in (reply := ask(question)):
            assert time.monotonic() - copied < 60, reply
            time.sleep(0.5)
        print(f"answerable {time.monotonic() - copied:.1f} s after the copy")  # noqa: T201 - the figure for the note
        assert "beta.txt" in reply
    finally:
        process.terminate()
        process.wait(timeout=30)
