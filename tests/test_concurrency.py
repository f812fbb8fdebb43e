"""20 concurrent chat requests through the served Gradio API while a reindex removes a file, in the server or from
the CLI in another process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.conftest import SEEDS, write
from tests.servers import assistant_server

pytestmark = pytest.mark.slow

QUESTIONS = [
    ("Hur många deltagare hade konferenserna om kulturlivet i bostadsområden?", "1 529 991"),
    ("How much profit did the sale of fresh turmeric bring in 2023?", "60 millions"),
    ("Combien de jours de travail ont été mobilisés à Ha Tinh pour la construction rurale ?", "2,1 millions"),
    ("Combien de patrouilles les groupes d'autogestion ont-ils organisées avec la police ?", "300"),
]
GONE = "Nouvelles de Phu Sa\n\nLa commune de Phu Sa a installé 4 321 lampadaires solaires le long de la digue en 2024."


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    root = tmp_path_factory.mktemp("served")
    shutil.copytree(SEEDS, root / "seeds")
    write(root / "seeds", "gone.txt", GONE)
    with assistant_server(root / "seeds", root / "store") as url:
        yield url, root / "seeds"


def test_concurrent_requests_answer_while_a_reindex_removes_a_file(served: tuple[str, Path]) -> None:
    from gradio_client import Client

    url, seeds = served
    client = Client(url, verbose=False)
    before = client.predict("Combien de lampadaires solaires à Phu Sa ?", [], [], api_name="/chat")[0]
    assert "4 321" in before and "Nouvelles de Phu Sa" in before

    def ask(i: int) -> tuple[str, str]:
        question, expected = QUESTIONS[i % len(QUESTIONS)]
        reply = Client(url, verbose=False).predict(question, [], [], api_name="/chat")[0]
        return reply, expected

    (seeds / "gone.txt").unlink()
    with ThreadPoolExecutor(max_workers=20) as pool:
        futures = [pool.submit(ask, i) for i in range(20)]
        status = client.predict(api_name="/reindex")[0]
        results = [f.result(timeout=300) for f in futures]
    assert "1 removed" in status
    for reply, expected in results:
        assert expected in reply, reply
        assert "Nouvelles de Phu Sa" not in reply
    after = client.predict("Combien de lampadaires solaires à Phu Sa ?", [], [], api_name="/chat")[0]
    assert "Nouvelles de Phu Sa" not in after and "4 321" not in after


NEW = "Nouvelles de Lai Chau\n\nLe district de Sin Ho a distribué 2 468 couvertures aux familles des hauts plateaux."


def test_a_cli_reindex_in_another_process_is_seen_by_the_running_server(served: tuple[str, Path]) -> None:
    from gradio_client import Client

    url, seeds = served
    store = seeds.parent / "store"
    write(seeds, "new.txt", NEW)

    def ask(i: int) -> tuple[str, str]:
        question, expected = QUESTIONS[i % len(QUESTIONS)]
        return Client(url, verbose=False).predict(question, [], [], api_name="/chat")[0], expected

    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(ASSISTANT_SEEDS_DIR=str(seeds), ASSISTANT_VECTORSTORE_DIR=str(store))
    with ThreadPoolExecutor(max_workers=20) as pool:
        futures = [pool.submit(ask, i) for i in range(20)]
        cli = subprocess.run(
            [str(Path(sys.executable).parent / "assistant"), "index", "--json"],
            env=env, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        results = [f.result(timeout=300) for f in futures]
    assert cli.returncode == 0, cli.stderr[-2000:]
    assert '"added":1' in cli.stdout
    for reply, expected in results:
        assert expected in reply, reply
    client = Client(url, verbose=False)
    after = client.predict("Combien de couvertures à Sin Ho ?", [], [], api_name="/chat")[0]
    assert "2 468" in after and "Nouvelles de Lai Chau" in after, after
    filtered = client.predict("Combien de couvertures ?", ["new.txt"], [], api_name="/chat")[0]
    assert "2 468" in filtered and "Sorry" not in filtered, filtered
    too_big = b"x" * (21 * 2**20)  # over ASSISTANT_MAX_FILE_MB=20: uploads take what indexing takes
    upload = httpx.post(f"{url}gradio_api/upload", files={"files": ("big.txt", too_big)}, timeout=60)
    assert upload.status_code == 413
    for i in range(4):  # the questions asked before the change still find their passages
        reply, expected = ask(i)
        assert expected in reply and "Sorry" not in reply, reply
