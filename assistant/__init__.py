"""assistant: cited, multilingual question answering over a folder of documents."""

from .api import Assistant, answer, reindex, retrieve, search
from .config import Settings
from .errors import AssistantError, ConfigError, QuestionError, StoreError
from .models import Answer, Citation, Document, IndexReport, Passage

__all__ = [
    "Answer",
    "Assistant",
    "AssistantError",
    "Citation",
    "ConfigError",
    "Document",
    "IndexReport",
    "Passage",
    "QuestionError",
    "Settings",
    "StoreError",
    "answer",
    "reindex",
    "retrieve",
    "search",
]
