"""Optional generative answers through an OpenAI-compatible endpoint (Ollama, llama.cpp server, vLLM).

The model sees only the retrieved passages; markers that point to no passage are removed, and when the endpoint
fails the extractive answer is returned with a notice.
"""

from __future__ import annotations

import re

import httpx

from .config import Settings
from .models import Answer, Citation, Passage

SYSTEM = (
    "You answer questions using only the numbered passages given. Cite every claim with the passage number in "
    "square brackets, like [1]. If the passages do not contain the answer, say that the documents do not say. "
    "Answer in the language of the question, briefly."
)


def _prompt(question: str, passages: list[Passage]) -> str:
    blocks = [f"[{i}] ({p.title}; {p.language})\n{p.text}" for i, p in enumerate(passages, start=1)]
    return "Passages:\n\n" + "\n\n".join(blocks) + f"\n\nQuestion: {question}"


def renumber(text: str, passages: list[Passage]) -> tuple[str, list[int]]:
    """Keep markers that name a passage, numbered 1.. in order of first use; drop the others."""
    order: list[int] = []

    def replace(match: re.Match[str]) -> str:
        index = int(match.group(1))
        if not 1 <= index <= len(passages):
            return ""
        if index not in order:
            order.append(index)
        return f"[{order.index(index) + 1}]"

    cleaned = re.sub(r"\s?\[(\d{1,3})\]", lambda m: (" " if m.group(0)[0] == " " else "") + replace(m), text)
    return re.sub(r"[ \t]+([.,;:!?])", r"\1", cleaned).strip(), order


def generate(extractive: Answer, passages: list[Passage], settings: Settings) -> Answer:
    """A model-written answer citing the passages, or the extractive one with a notice if the endpoint fails."""
    base_url = (settings.llm_base_url or "").rstrip("/")
    headers = {}
    if settings.llm_api_key:
        headers["Authorization"] = f"Bearer {settings.llm_api_key.get_secret_value()}"
    payload = {
        "model": settings.llm_model,
        "messages": [
            {"role": "system", "content": SYSTEM},
            {"role": "user", "content": _prompt(extractive.question, passages)},
        ],
        "temperature": 0,
    }
    try:
        response = httpx.post(
            f"{base_url}/chat/completions", json=payload, headers=headers, timeout=settings.llm_timeout
        )
        response.raise_for_status()
        content = str(response.json()["choices"][0]["message"]["content"])
    except (httpx.HTTPError, KeyError, IndexError, TypeError, ValueError) as exc:
        notice = f"The language model at {base_url} did not answer ({type(exc).__name__}); "
        return extractive.model_copy(update={"notice": notice + "showing the extractive answer."})
    text, order = renumber(content, passages)
    citations = [Citation.of(n, passages[i - 1]) for n, i in enumerate(order, start=1)]
    return extractive.model_copy(update={"text": text, "citations": citations, "mode": "generative"})
