import importlib

import assistant


def test_public_names_import_and_are_sorted() -> None:
    assert assistant.__all__ == sorted(assistant.__all__)
    for name in assistant.__all__:
        assert getattr(assistant, name) is not None


def test_modules_follow_the_pipeline() -> None:
    for module in ["config", "models", "ingest", "chunking", "embedding", "store", "indexer", "retrieve", "answer",
                   "ui", "cli", "errors", "evaluate", "lexical", "dictionaries", "generate"]:  # fmt: skip
        importlib.import_module(f"assistant.{module}")


def test_errors_share_one_base() -> None:
    for error in (assistant.ConfigError, assistant.StoreError, assistant.QuestionError):
        assert issubclass(error, assistant.AssistantError)
