"""Every test gets its own settings in tmp_path; no test touches the repository's vectorstore/."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import Assistant, Settings

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


def use_dirs(monkeypatch: pytest.MonkeyPatch, seeds: Path, store: Path, **extra: str) -> Settings:
    monkeypatch.setenv("ASSISTANT_SEEDS_DIR", str(seeds))
    monkeypatch.setenv("ASSISTANT_VECTORSTORE_DIR", str(store))
    for key, value in extra.items():
        monkeypatch.setenv(f"ASSISTANT_{key.upper()}", value)
    return Settings()


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    for key in ("ASSISTANT_CHROMA_HOST", "ASSISTANT_LLM_BASE_URL", "ASSISTANT_LLM_MODEL", "ASSISTANT_AUTH"):
        monkeypatch.delenv(key, raising=False)
    (tmp_path / "seeds").mkdir()
    yield use_dirs(monkeypatch, tmp_path / "seeds", tmp_path / "vectorstore")


@pytest.fixture(scope="session")
def seeded_dirs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A copy of the repository's seeds and a store indexed from them, built once for the session."""
    root = tmp_path_factory.mktemp("seeded")
    shutil.copytree(SEEDS, root / "seeds")
    settings = Settings(seeds_dir=root / "seeds", vectorstore_dir=root / "vectorstore")
    report = Assistant(settings).reindex()
    assert report.added == len(list(SEEDS.glob("*.txt")))
    return root / "seeds", root / "vectorstore"


@pytest.fixture
def seeded(seeded_dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Settings pointing at the session's indexed copy of the seeds."""
    return use_dirs(monkeypatch, *seeded_dirs)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests on the indexed seeds are slow (the whole corpus is embedded once per session): out of the fast loop."""
    for item in items:
        if "seeded" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
