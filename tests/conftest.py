"""Every test gets its own settings in tmp_path; no test touches the repository's vectorstore/."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.config import REPO_ROOT, Settings, get_settings
from assistant.store import forget_stores

SEEDS = REPO_ROOT / "seeds"


def use_dirs(monkeypatch: pytest.MonkeyPatch, seeds: Path, store: Path, **extra: str) -> Settings:
    monkeypatch.setenv("ASSISTANT_SEEDS_DIR", str(seeds))
    monkeypatch.setenv("ASSISTANT_VECTORSTORE_DIR", str(store))
    for key, value in extra.items():
        monkeypatch.setenv(f"ASSISTANT_{key.upper()}", value)
    get_settings.cache_clear()
    forget_stores()
    return get_settings()


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    for key in ("ASSISTANT_CHROMA_HOST", "ASSISTANT_LLM_BASE_URL", "ASSISTANT_LLM_MODEL", "ASSISTANT_AUTH"):
        monkeypatch.delenv(key, raising=False)
    (tmp_path / "seeds").mkdir()
    yield use_dirs(monkeypatch, tmp_path / "seeds", tmp_path / "vectorstore")
    get_settings.cache_clear()
    forget_stores()


@pytest.fixture(scope="session")
def seeded_dirs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A copy of the repository's seeds and a store indexed from them, built once for the session."""
    from assistant.indexer import reindex

    root = tmp_path_factory.mktemp("seeded")
    shutil.copytree(SEEDS, root / "seeds")
    settings = Settings(seeds_dir=root / "seeds", vectorstore_dir=root / "vectorstore")
    report = reindex(settings)
    assert report.added == len(list(SEEDS.glob("*.txt")))
    forget_stores()
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
