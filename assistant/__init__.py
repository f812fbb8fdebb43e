"""assistant: cited, multilingual question answering over a folder of documents."""

from .config import Settings, get_settings
from .errors import AssistantError, ConfigError, QuestionError, StoreError
from .indexer import reindex
from .models import Answer, Citation, Document, IndexReport, Passage
from .retrieve import retrieve

__all__ = [
    "Answer",
    "AssistantError",
    "Citation",
    "ConfigError",
    "Document",
    "IndexReport",
    "Passage",
    "QuestionError",
    "Settings",
    "StoreError",
    "get_settings",
    "reindex",
    "retrieve",
]
