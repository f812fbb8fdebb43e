"""What `assistant serve` runs: one web app on one port with the chat page, an MCP server for AI clients and an
OpenAI-compatible chat API, all over the same Assistant and behind the same login.

- `/` the Gradio chat page (its own login form when ASSISTANT_AUTH is set);
- `/gradio_api/mcp/` MCP over streamable HTTP, tools `ask` and `search` (the `mcp` package's FastMCP; Gradio's own
  MCP server calls its tools back through an HTTP client that Gradio's login turns away);
- `/v1/models`, `/v1/chat/completions` the OpenAI chat API, streamed (server-sent events) or not.

With a login set, MCP and `/v1` take it as `Authorization: Bearer user:password` (what an OpenAI client sends as
its API key) or as HTTP Basic.
"""

from __future__ import annotations

import base64
import json
import logging
import socket
import threading
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, StreamingResponse
from starlette.concurrency import run_in_threadpool

from .api import Assistant
from .errors import AssistantError, ConfigError
from .models import Answer, Citation, Passage

log = logging.getLogger("assistant")
MODEL = "assistant"
MCP_PATH = "/gradio_api/mcp"
LOOPBACK = ("127.0.0.1", "localhost", "::1")
LOOPBACK_NAMES = {"127.0.0.1", "localhost", "[::1]"}


def source(c: Citation) -> dict[str, Any]:
    """A citation as the integrations return it: number, document, page where known, and the quoted passage."""
    return {
        "number": c.number, "doc_id": c.doc_id, "title": c.title, "url": c.url, "site": c.site, "date": c.date,
        "page": c.page,
        "language": c.language, "quotes": c.quotes, "passage": c.passage,
    }  # fmt: skip


def message(reply: Answer) -> str:
    """The answer with its [n] markers, then one line per source naming its document (and page)."""
    lines = [reply.text]
    if reply.notice:
        lines.append(f"\n({reply.notice})")
    if reply.citations:
        lines.append("\nSources:" if reply.found else "\nPossibly related:")
        for c in reply.citations:
            page = f", page {c.page}" if c.page else ""
            lines.append(f"[{c.number}] {c.title} ({c.doc_id}{page})")
    return "\n".join(lines)


def _filters(language: str | list[str] | None, documents: str | list[str] | None) -> dict[str, Any]:
    filters: dict[str, Any] = {}
    if language:
        filters["language"] = language
    if documents:
        filters["doc_id"] = documents
    return filters


def mcp_server(assistant: Assistant, host: str) -> Any:
    """The MCP tools: `ask` answers with citations, `search` returns ranked passages."""
    from mcp.server.fastmcp import FastMCP
    from mcp.server.transport_security import TransportSecuritySettings

    local = host in LOOPBACK
    server = FastMCP(
        "assistant",
        instructions="Questions over a folder of documents (news about the Vietnam Fatherland Front), answered "
        "with quotes and numbered citations, in English, French, Swedish or Vietnamese.",
        streamable_http_path="/",
        stateless_http=True,
        json_response=True,
        transport_security=TransportSecuritySettings(  # a page on another site cannot reach a loopback server
            enable_dns_rebinding_protection=local,
            allowed_hosts=["127.0.0.1:*", "localhost:*", "[::1]:*"],
            allowed_origins=["http://127.0.0.1:*", "http://localhost:*", "http://[::1]:*"],
        ),
    )

    @server.tool()
    def ask(question: str, language: str | None = None, documents: list[str] | None = None) -> dict[str, Any]:
        """Answer a question from the documents, quoting them.

        Args:
            question: the question, in English, French, Swedish or Vietnamese.
            language: only passages in this language ("en", "fr", "sv", "vi").
            documents: only these document ids (file names in the seeds folder).

        Returns the answer text with [n] markers, whether the documents answer it (`found`), or only some of
        the things it asks (`partial`), and for each citation its number, document id, title, link, date, page (PDFs)
        and the quoted sentences.
        """
        try:
            reply = assistant.answer(question, **_filters(language, documents))
        except AssistantError as exc:
            return {"text": str(exc), "found": False, "citations": []}
        return {
            "text": message(reply),
            "found": reply.found,
            "partial": reply.partial,
            "citations": [source(c) for c in reply.citations],
        }

    @server.tool()
    def search(question: str, k: int = 5) -> list[dict[str, Any]]:
        """The k passages that best match a question, best first, with their document id, title, link, date,
        language, page (PDFs), score and text. No answer is composed."""
        try:
            passages = assistant.retrieve(question, k=max(1, min(int(k), 50)))
        except AssistantError as exc:
            return [{"error": str(exc)}]
        return [_passage(p) for p in passages]

    return server


def _passage(p: Passage) -> dict[str, Any]:
    return p.model_dump(include={"rank", "doc_id", "title", "url", "site", "date", "language", "page", "score", "text"})


def presented(header: str | None) -> tuple[str, str]:
    """The user and password an Authorization header carries (Bearer user:password, or Basic); empty if none."""
    scheme, _, value = (header or "").partition(" ")
    if scheme.lower() == "basic":
        try:
            value = base64.b64decode(value, validate=True).decode()
        except (ValueError, UnicodeDecodeError):
            return "", ""
    elif scheme.lower() != "bearer":
        return "", ""
    user, _, password = value.strip().partition(":")
    return user, password


def app(assistant: Assistant, host: str = "127.0.0.1") -> Any:
    """The FastAPI app: the OpenAI routes, the MCP server and the chat page, behind one login."""
    import gradio as gr

    from .ui import CSS, HEAD, build, credentials

    login = credentials(assistant.settings)
    local = host in LOOPBACK
    mcp = mcp_server(assistant, host)
    mcp_app = mcp.streamable_http_app()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        async with mcp.session_manager.run():
            yield

    web = FastAPI(lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)

    @web.middleware("http")
    async def guard(request: Request, call_next: Any) -> Any:
        path = request.url.path
        guarded = path.startswith("/v1") or path.startswith(MCP_PATH)
        if guarded and local and (request.headers.get("host") or "").rsplit(":", 1)[0] not in LOOPBACK_NAMES:
            # a page on another site that rebinds its name to 127.0.0.1 must not read the API's replies
            return JSONResponse({"error": {"message": "this server answers only on its loopback address"}}, 421)
        if login and guarded:
            if not await login.check(*presented(request.headers.get("authorization"))):
                return JSONResponse(
                    {"error": {"message": "a login is required: send Authorization: Bearer user:password"}},
                    status_code=401, headers={"WWW-Authenticate": 'Basic realm="assistant"'},
                )  # fmt: skip
        return await call_next(request)

    @web.get("/v1/models")
    def models() -> dict[str, Any]:
        return {"object": "list", "data": [{"id": MODEL, "object": "model", "created": 0, "owned_by": "assistant"}]}

    @web.post("/v1/chat/completions")
    async def chat_completions(request: Request) -> Any:
        try:
            body = await request.json()
            messages = body["messages"]
            turns = [m for m in messages if isinstance(m, dict) and m.get("role") in ("user", "assistant")]
            question = _text(turns[-1]["content"])
            if turns[-1].get("role") != "user":
                raise ValueError("the last message must be the user's")
            history = [{"role": m["role"], "content": _text(m.get("content"))} for m in turns[:-1]]
        except (ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
            return JSONResponse({"error": {"message": f"bad request: {exc}", "type": "invalid_request_error"}}, 400)
        try:
            reply = await run_in_threadpool(assistant.answer, question, history)
        except AssistantError as exc:
            return JSONResponse({"error": {"message": str(exc), "type": "invalid_request_error"}}, 400)
        except Exception:  # an OpenAI-shaped error, never a bare 500 page
            log.exception("chat completion failed for %r", question[:200])
            return JSONResponse({"error": {"message": "the assistant failed to answer", "type": "server_error"}}, 500)
        ident, created = f"chatcmpl-{uuid.uuid4().hex[:24]}", int(time.time())
        sources = [source(c) for c in reply.citations]
        if body.get("stream"):
            return StreamingResponse(_chunks(ident, created, message(reply), sources), media_type="text/event-stream")
        return {
            "id": ident, "object": "chat.completion", "created": created, "model": MODEL,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": message(reply)},
                         "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
            "sources": sources, "found": reply.found, "partial": reply.partial,
        }  # fmt: skip

    web.mount(MCP_PATH, mcp_app)
    demo = build(assistant).queue(default_concurrency_limit=8)
    return gr.mount_gradio_app(
        web,
        demo,
        path="/",
        auth=login.check if login else None,
        max_file_size=f"{assistant.settings.max_file_mb:g}mb",  # uploads take what indexing takes
        show_error=False,
        css=CSS,
        head=HEAD,
        theme=gr.themes.Soft(),
    )


def _text(content: Any) -> str:
    """A message's text: a string, or the text parts of a list of content parts (none for a tool call's turn)."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return " ".join(str(p.get("text", "")) for p in content if isinstance(p, dict) and p.get("type") == "text")
    raise TypeError("message content must be text")


def _chunks(ident: str, created: int, text: str, sources: list[dict[str, Any]]) -> Iterator[str]:
    """The reply as server-sent chat.completion.chunk events, a few words each, then the sources and [DONE]."""

    def event(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> str:
        chunk = {"id": ident, "object": "chat.completion.chunk", "created": created, "model": MODEL,
                 "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra}  # fmt: skip
        return f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n"

    yield event({"role": "assistant", "content": ""})
    words = text.split(" ")
    for start in range(0, len(words), 8):
        piece = " ".join(words[start : start + 8])
        yield event({"content": piece if start == 0 else " " + piece})
    yield event({}, "stop", sources=sources)
    yield "data: [DONE]\n\n"


def bind(host: str, port: int) -> socket.socket:
    """The listening socket, taken before any indexing so a busy port is one line at once (port 0: a free one)."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise ConfigError(
            f"cannot listen on {host}:{port} ({exc.strerror or exc}): pass --port with a free port, or --port 0 to "
            "let the system pick one"
        ) from exc
    sock.listen(128)  # connections wait in the backlog until the app is up
    return sock


def watch(assistant: Assistant, stop: threading.Event) -> threading.Thread:
    """Reindex whenever files in the seeds folder change (changes within a second are taken together), so a file
    copied there is answerable without anyone pressing Reindex."""
    import watchfiles

    def run() -> None:
        folder = assistant.settings.seeds_dir
        for changes in watchfiles.watch(folder, debounce=800, stop_event=stop, raise_interrupt=False):
            try:
                report = assistant.reindex()
            except AssistantError as exc:  # another process is indexing: its run brings the store up to date
                log.warning("seeds/ changed (%d files) but the reindex did not run: %s", len(changes), exc)
                continue
            except Exception:  # the watcher must outlive one bad run
                log.exception("reindex after a change in %s failed", folder)
                continue
            log.warning(
                "seeds/ changed: %d added, %d updated, %d removed, %d skipped",
                report.added, report.updated, report.removed, len(report.skipped),
            )  # fmt: skip

    thread = threading.Thread(target=run, name="watch-seeds", daemon=True)
    thread.start()
    return thread


def serve(assistant: Assistant, sock: socket.socket, host: str = "127.0.0.1") -> None:
    """Serve the app on a bound socket until interrupted, reindexing on changes in seeds/ when the settings say so."""
    import uvicorn

    stop = threading.Event()
    if assistant.settings.watch and assistant.settings.seeds_dir.is_dir():
        watch(assistant, stop)
    server = uvicorn.Server(uvicorn.Config(app(assistant, host), log_level="warning"))
    try:
        server.run(sockets=[sock])
    finally:
        stop.set()
