"""The assistant from other tools, with real clients against a served assistant: an MCP client (the `mcp` package),
the official `openai` client, and LangChain's standard retriever tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from langchain_tests.integration_tests import RetrieversIntegrationTests

from assistant import Assistant, Settings
from assistant.langchain import AssistantRetriever
from tests.conftest import SEEDS
from tests.servers import assistant_server

QUESTION = "How many orphans were sponsored in Ha Tinh province?"
DOC = "001_cb303f5445b295aa"
LOGIN = "ana:s3cret"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    root = tmp_path_factory.mktemp("integrations")
    shutil.copytree(SEEDS, root / "seeds")
    with assistant_server(root / "seeds", root / "store", auth=LOGIN) as url:
        yield url, root


async def _mcp(
    url: str, headers: dict[str, str], calls: list[tuple[str, dict[str, Any]]]
) -> tuple[list[str], list[Any]]:
    from mcp import ClientSession
    from mcp.client.streamable_http import streamablehttp_client

    async with streamablehttp_client(f"{url}gradio_api/mcp/", headers=headers) as (read, write, _):
        async with ClientSession(read, write) as session:
            await session.initialize()
            tools = [t.name for t in (await session.list_tools()).tools]
            results = [await session.call_tool(name, arguments) for name, arguments in calls]
    return tools, results


@pytest.mark.slow
async def test_an_mcp_client_lists_the_tools_and_asks(served: tuple[str, Path]) -> None:
    url, _ = served
    tools, (asked, searched) = await _mcp(
        url,
        {"Authorization": f"Bearer {LOGIN}"},
        [("ask", {"question": QUESTION}), ("search", {"question": QUESTION, "k": 2})],
    )
    assert sorted(tools) == ["ask", "search"]
    text = asked.content[0].text
    assert not asked.isError and "265" in text and DOC in text
    passages = searched.structuredContent["result"]
    assert len(passages) == 2 and passages[0]["doc_id"].startswith(DOC)


@pytest.mark.slow
def test_mcp_and_the_chat_api_need_the_login(served: tuple[str, Path]) -> None:
    url, _ = served
    body = {"jsonrpc": "2.0", "id": 1, "method": "tools/list"}
    headers = {"Accept": "application/json, text/event-stream"}
    assert httpx.post(f"{url}gradio_api/mcp/", json=body, headers=headers).status_code == 401
    wrong = {**headers, "Authorization": "Bearer ana:wrong"}
    assert httpx.post(f"{url}gradio_api/mcp/", json=body, headers=wrong).status_code == 401
    assert httpx.get(f"{url}v1/models").status_code == 401
    assert httpx.get(f"{url}v1/models", auth=("ana", "s3cret")).status_code == 200  # HTTP Basic works too
    rebound = {"Host": "evil.example", "Authorization": f"Bearer {LOGIN}"}  # a page that rebinds its name to us
    assert httpx.get(f"{url}v1/models", headers=rebound).status_code == 421


@pytest.mark.slow
def test_the_openai_client_chats_streamed_and_not_with_history(served: tuple[str, Path]) -> None:
    import openai

    url, root = served
    client = openai.OpenAI(base_url=f"{url}v1", api_key=LOGIN)
    assert [m.id for m in client.models.list().data] == ["assistant"]
    reply = client.chat.completions.create(model="assistant", messages=[{"role": "user", "content": QUESTION}])
    content = reply.choices[0].message.content or ""
    assert "265" in content and DOC in content
    sources = (reply.model_extra or {})["sources"]
    assert sources[0]["doc_id"].startswith(DOC) and any("265" in q for q in sources[0]["quotes"])

    stream = client.chat.completions.create(
        model="assistant", messages=[{"role": "user", "content": QUESTION}], stream=True
    )
    chunks = [c for c in stream]
    assert len(chunks) > 2 and "265" in "".join(c.choices[0].delta.content or "" for c in chunks)

    first = "How much did the For the Poor fund raise in Ha Tinh?"
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": "…"}]
    follow = client.chat.completions.create(
        model="assistant", messages=[*history, {"role": "user", "content": "And in Hanoi?"}]
    )
    local = Assistant(Settings(seeds_dir=root / "seeds", vectorstore_dir=root / "store"))
    expected = local.answer("And in Hanoi?", history=history)
    cited = [s["doc_id"] for s in (follow.model_extra or {})["sources"]]
    assert cited == [c.doc_id for c in expected.citations] and expected.text in (
        follow.choices[0].message.content or ""
    )
    # the history made the difference: the Hanoi fund's figure, which the question alone does not find
    assert "411,2" in expected.text and "411,2" not in local.answer("And in Hanoi?").text

    tool_turn = [{"role": "user", "content": first}, {"role": "assistant", "content": None}]  # a tool call's turn
    after_tool = client.chat.completions.create(
        model="assistant",
        messages=[*tool_turn, {"role": "user", "content": QUESTION}],  # type: ignore[list-item]
    )
    assert "265" in (after_tool.choices[0].message.content or "")

    with pytest.raises(openai.AuthenticationError):
        openai.OpenAI(base_url=f"{url}v1", api_key="ana:wrong").models.list()


@pytest.mark.usefixtures("seeded")
class TestAssistantRetriever(RetrieversIntegrationTests):
    """LangChain's standard retriever tests, over the indexed seeds."""

    @property
    def retriever_constructor(self) -> type[AssistantRetriever]:
        return AssistantRetriever

    @property
    def retriever_constructor_params(self) -> dict[str, Any]:
        return {"k": 2}

    @property
    def retriever_query_example(self) -> str:
        return QUESTION


def test_the_retriever_names_its_source(seeded: Settings) -> None:
    documents = AssistantRetriever(k=3).invoke(QUESTION)
    assert len(documents) == 3 and "265" in documents[0].page_content
    meta = documents[0].metadata
    assert meta["doc_id"].startswith(DOC) and meta["chunk_id"] and meta["score"] > 0 and meta["language"] == "fr"
    french = AssistantRetriever(k=2, language="sv").invoke(QUESTION)
    assert {d.metadata["language"] for d in french} == {"sv"}
