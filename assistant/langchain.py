"""A LangChain retriever over the assistant's hybrid search (needs the `langchain` extra: langchain-core).

>>> from assistant.langchain import AssistantRetriever
>>> docs = AssistantRetriever(k=3, language="fr").invoke("Combien d'orphelins à Ha Tinh ?")  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

try:
    from langchain_core.callbacks import CallbackManagerForRetrieverRun
    from langchain_core.documents import Document
    from langchain_core.retrievers import BaseRetriever
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError('AssistantRetriever needs langchain-core: pip install "assistant[langchain]"') from exc
from pydantic import ConfigDict, Field

from .api import Assistant, default


class AssistantRetriever(BaseRetriever):
    """The k passages that best match a query, as LangChain Documents whose metadata name their source.

    Keyword arguments other than k and assistant are filters (`doc_id=`, `language=`: a value or a list). Without an
    `assistant`, the default one for the environment's settings is used."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    k: int = 5
    filters: dict[str, Any] = Field(default_factory=dict)
    assistant: Assistant | None = None

    def __init__(self, k: int = 5, assistant: Assistant | None = None, **filters: Any) -> None:
        extra = filters.pop("filters", {})
        super().__init__(k=k, assistant=assistant, filters={**extra, **filters})

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun, **kwargs: Any
    ) -> list[Document]:
        k = int(kwargs.pop("k", self.k))
        bot = self.assistant or default()
        passages = bot.retrieve(query, k=k, **{**self.filters, **kwargs})
        return [
            Document(
                page_content=p.text,
                id=p.chunk_id,
                metadata={
                    "doc_id": p.doc_id,
                    "title": p.title,
                    "source": p.url or p.doc_id,
                    "url": p.url,
                    "site": p.site,
                    "language": p.language,
                    "date": p.date,
                    "page": p.page,
                    "chunk_id": p.chunk_id,
                    "score": p.score,
                    "rank": p.rank,
                    "start": p.start,
                    "end": p.end,
                },
            )  # fmt: skip
            for p in passages
        ]
