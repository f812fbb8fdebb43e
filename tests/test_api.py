"""The public API: every exported name, the README's Python examples as written, and two assistants side by side."""

import importlib
import re
import shutil
import textwrap
from contextlib import ExitStack
from pathlib import Path

import pytest

import assistant
from assistant import Assistant, Settings
from assistant.config import settings_table
from tests.conftest import REPO, SEEDS, use_dirs, write
from tests.servers import assistant_server

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_every_public_name_imports_and_answer_is_a_function(seeded: Settings) -> None:
    assert assistant.__all__ == sorted(assistant.__all__)
    module = importlib.import_module("assistant")
    for name in assistant.__all__:
        exec(f"from assistant import {name}", {})
        assert getattr(module, name) is not None
    from assistant import answer

    assert callable(assistant.retrieve) and callable(assistant.search)
    reply = answer("How many orphans were sponsored in Ha Tinh?")
    assert reply.found and "265" in reply.text
    assert reply.citations[0].doc_id == "001_cb303f5445b295aa.txt"


@pytest.mark.parametrize("block", re.findall(r"```python\n(.*?)```", README, re.DOTALL))
def test_the_readme_python_examples_run_as_written(
    block: str, seeded: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # a newcomer's folder: seeds/ beside where Python starts, the store built on first use
    shutil.copytree(seeded.seeds_dir, tmp_path / "project" / "seeds")
    shutil.copytree(seeded.vectorstore_dir, tmp_path / "project" / "vectorstore")
    for key in ("ASSISTANT_SEEDS_DIR", "ASSISTANT_VECTORSTORE_DIR"):
        monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path / "project")
    block = textwrap.dedent(block)  # examples inside a list item are indented
    with ExitStack() as stack:
        if "http://127.0.0.1:7860/" in block:  # the example talks to `assistant serve`: start one, with its login
            project = tmp_path / "project"
            url = stack.enter_context(
                assistant_server(project / "seeds", project / "vectorstore", auth="user:password")
            )
            block = block.replace("http://127.0.0.1:7860/", url)
        exec(compile(block, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert printed.strip()
    if "answer(" in block:
        assert "265" in printed
    if "c.doc_id" in block:
        assert "001_cb303f5445b295aa.txt" in printed


def test_the_settings_table_in_the_readme_is_generated_from_settings() -> None:
    assert settings_table() in README, "regenerate it with assistant.config.settings_table()"


def test_folders_default_to_the_current_folder_not_the_source_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key in ("ASSISTANT_SEEDS_DIR", "ASSISTANT_VECTORSTORE_DIR"):
        monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)
    assert Settings().seeds_dir == tmp_path / "seeds"
    monkeypatch.setenv("ASSISTANT_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ASSISTANT_VECTORSTORE_DIR", "store")
    settings = Settings()
    assert settings.seeds_dir == tmp_path / "home" / "seeds"
    assert settings.vectorstore_dir == tmp_path / "home" / "store"


def test_secrets_do_not_show(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_AUTH", "ana:hunter2")
    monkeypatch.setenv("ASSISTANT_LLM_API_KEY", "sk-verysecret")
    settings = Settings()
    assert "hunter2" not in repr(settings) and "verysecret" not in repr(settings)
    assert "hunter2" not in str(settings.model_dump()) and "verysecret" not in settings.model_dump_json()
    assert settings.auth is not None and settings.auth.get_secret_value() == "ana:hunter2"


def test_two_assistants_with_different_folders_work_side_by_side(tmp_path: Path) -> None:
    houses = Settings(seeds_dir=tmp_path / "a" / "seeds", vectorstore_dir=tmp_path / "a" / "store")
    trees = Settings(seeds_dir=tmp_path / "b" / "seeds", vectorstore_dir=tmp_path / "b" / "store")
    write(houses.seeds_dir, "houses.txt", "Logements\n\nLe district de Binh An a remis 41 maisons de solidarité.")
    write(trees.seeds_dir, "trees.txt", "Arbres\n\nLa commune de Cam Lo a planté 512 manguiers le long du fleuve.")
    first, second = Assistant(houses), Assistant(trees)
    assert first.reindex().added == 1 and second.reindex().added == 1
    assert [p.doc_id for p in first.retrieve("maisons de solidarité", k=5)] == ["houses.txt"]
    assert [p.doc_id for p in second.retrieve("maisons de solidarité", k=5)] == ["trees.txt"]
    reply = second.answer("Combien de manguiers ont été plantés à Cam Lo ?")
    assert reply.found and "512" in reply.text and reply.citations[0].doc_id == "trees.txt"
    assert first.answer("Combien de maisons de solidarité à Binh An ?").citations[0].doc_id == "houses.txt"


def test_the_module_functions_follow_the_environment(isolated: Settings, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    write(isolated.seeds_dir, "one.txt", "Un\n\nLe hameau de Tan Phu a creusé 3 puits.")
    assert assistant.reindex().added == 1
    other = tmp_path / "other"
    write(other / "seeds", "two.txt", "Deux\n\nLe hameau de Tan Loc a creusé 8 puits.")
    use_dirs(monkeypatch, other / "seeds", other / "store")
    assert [p.doc_id for p in assistant.retrieve("puits", k=3)] == ["two.txt"]


def test_errors_share_one_base() -> None:
    for error in (assistant.ConfigError, assistant.StoreError, assistant.QuestionError):
        assert issubclass(error, assistant.AssistantError)


def test_seeds_are_the_shared_copies() -> None:
    shared = REPO.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("shared/ is not beside this checkout")
    assert sorted(p.name for p in SEEDS.glob("*.txt")) == sorted(p.name for p in shared.glob("*.txt"))
