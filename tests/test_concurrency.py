"""20 concurrent chat requests through the served Gradio API while a reindex removes a file."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

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
    assert "4 321" in before and "gone.txt" in before

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
        assert "gone.txt" not in reply
    after = client.predict("Combien de lampadaires solaires à Phu Sa ?", [], [], api_name="/chat")[0]
    assert "gone.txt" not in after and "4 321" not in after
