"""The Gradio chat page: streamed answers, numbered source cards with the answering sentence highlighted."""

from __future__ import annotations

import asyncio
import hmac
import html
import logging
import os
import re
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

from . import readers
from .api import Assistant
from .config import Settings
from .errors import AssistantError, ConfigError, QuestionError
from .models import Answer, Citation, IndexReport

log = logging.getLogger(__name__)
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # no calls out to Gradio's servers at import or launch

EXAMPLES = [
    "How many orphans were sponsored in Ha Tinh province?",
    "Qui est le vice-président du Comité du Front de la Patrie du district de Mo Cay Bac ?",
    "Vem är ordförande för Vietnams fosterlandsfrontskommitté i Hanoi?",
    "Huyện Mỏ Cày Bắc đã xây dựng và bàn giao bao nhiêu căn nhà trong chương trình quân dân y Tết năm 2025?",
]
CSS = """
.source-card {border: 1px solid #d0d7de; border-radius: 8px; padding: 10px 12px; margin: 8px 0;}
.source-card h4 {margin: 0 0 4px 0; font-size: 0.95em;}
.source-card .meta {color: #57606a; font-size: 0.85em; margin-bottom: 6px;}
.source-card .passage {white-space: pre-wrap; font-size: 0.9em;}
.source-card mark {background: #fff3a3; color: #1f2328; padding: 0 1px;}
.dark .source-card mark {background: #facc15; color: #111827;}
.source-card.flash {outline: 3px solid #6366f1;}
.reply-sources summary {cursor: pointer; font-weight: 600; margin-top: 6px;}
/* On a narrow screen the columns stack and the side panel would fall far below the chat: each reply's own sources,
   folded under it, take its place. */
@media (max-width: 768px) {#sources-panel {display: none;}}
"""


# Gradio draws some buttons as bare icons; give each visible one a name a screen reader can say.
HEAD = """<script>
(() => {
  const names = {"submit-button": "Send the question", "stop-button": "Stop", "clear-button": "Clear the chat"};
  const label = () => document.querySelectorAll("button").forEach((b) => {
    if (b.getAttribute("aria-label") || b.getAttribute("title") || b.innerText.trim()) return;
    const id = b.getAttribute("data-testid") || "";
    b.setAttribute("aria-label", names[id] || id.replace(/-/g, " ").trim() || "button");
  });
  new MutationObserver(label).observe(document.documentElement, {subtree: true, childList: true});
  document.addEventListener("click", (event) => {  // a [n] marker scrolls to its source card, in this tab
    const link = event.target.closest && event.target.closest("a[href^='#source-']");
    if (!link) return;
    const id = link.getAttribute("href").slice(1);
    const panel = document.getElementById("panel-" + id);  // the side panel's card, where it is shown
    const card = panel && panel.offsetParent !== null ? panel : document.getElementById(id);
    if (!card) return;
    event.preventDefault();
    event.stopPropagation();
    const folded = card.closest("details");
    if (folded) folded.open = true;
    card.scrollIntoView({behavior: "smooth", block: "center"});
    card.classList.add("flash");
    setTimeout(() => card.classList.remove("flash"), 1500);
  }, true);
})();
</script>"""


def _safe_url(url: str | None) -> str | None:
    return url if url and re.match(r"^https?://[^\s\"'<>]+$", url) else None


_MARKDOWN = re.compile(r"([\\`*\[\]()!#<>|~&])")


def plain(text: str) -> str:
    """Text from documents, made inert for the chat's Markdown: no tags, links, images or emphasis, shown as typed.
    (Intra-word underscores, as in file names, are not Markdown and stay as they are.)"""
    return _MARKDOWN.sub(r"\\\1", text)


def reply_text(reply: Answer, turn: int = 1) -> str:
    """The chat message: the answer, its notice, then its own sources folded under it (cards with the answering
    sentence marked), so every reply keeps its sources. Document text is inert; [n] markers link to the cards."""
    numbers = {str(c.number) for c in reply.citations}
    text = re.sub(  # each [n] marker links to its source card (the page's script scrolls to it)
        r"\\\[(\d{1,2})\\\]",
        lambda m: f"[\\[{m.group(1)}\\]](#source-{turn}-{m.group(1)})" if m.group(1) in numbers else m.group(0),
        plain(reply.text),
    )
    lines = [text]
    if reply.notice:
        lines.append(f"\n_{plain(reply.notice)}_")
    if reply.citations:
        heading = "Sources" if reply.found else "Possibly related"
        titles = "; ".join(html.escape(c.title if len(c.title) <= 60 else c.title[:57] + "…") for c in reply.citations)
        cards = "".join(_card(c, f"source-{turn}-{c.number}") for c in reply.citations)
        lines.append(  # titles for people; the file is in the card's details
            f"\n<details class='reply-sources'><summary>{heading} ({len(reply.citations)}): {titles}</summary>"
            f"{cards}</details>"
        )
    return "\n".join(lines)


def _link(url: str | None, text: str) -> str:
    """A link to a document's source, opening in a new tab, with `text` (already escaped); none where the url is not a
    safe http(s) one."""
    safe = _safe_url(url)
    return f"<a href='{html.escape(safe)}' target='_blank' rel='noopener noreferrer'>{text}</a>" if safe else ""


def _card(c: Citation, ident: str) -> str:
    """One source: title (the file name on hover), site, date, language, page, link, and the passage with its
    answering sentence marked."""
    link = _link(c.url, "source")
    page = f"page {c.page}" if c.page else ""
    meta = " · ".join(html.escape(x) for x in (c.site or "", c.date or "", c.language, page) if x)
    return (
        f"<div class='source-card' id='{ident}' data-doc='{html.escape(c.doc_id)}'>"
        f"<h4 title='{html.escape(c.doc_id)}'>[{c.number}] {html.escape(c.title)}</h4>"
        f"<div class='meta'>{meta} {link}</div>"
        f"<div class='passage'>{_highlighted(c)}</div></div>"
    )


def _highlighted(c: Citation) -> str:
    parts, cursor = [], 0
    for start, end in c.highlights:
        parts.append(html.escape(c.passage[cursor:start]))
        parts.append(f"<mark>{html.escape(c.passage[start:end])}</mark>")
        cursor = end
    parts.append(html.escape(c.passage[cursor:]))
    return "".join(parts)


def sources_html(reply: Answer | None, turn: int = 1) -> str:
    """The side panel: the latest reply's numbered cards."""
    if reply is None or not reply.citations:
        return "<p class='meta'>Sources appear here.</p>"
    heading = "Sources" if reply.found else "Possibly related passages"
    cards = [f"<h3>{heading}</h3>"]
    cards += [_card(c, f"panel-source-{turn}-{c.number}") for c in reply.citations]
    return "\n".join(cards)


def chat(
    assistant: Assistant,
    message: str,
    history: list[Any],
    documents: list[str] | None = None,
    languages: list[str] | None = None,
) -> Iterator[tuple[str, str]]:
    """The reply and its sources; a bad question or a failure becomes a friendly message. With a language model set,
    its text shows as it arrives, then is replaced by the checked answer; an extractive answer is shown whole at once
    (it exists whole once found: no pretend typing)."""
    turn = sum(1 for m in history if _role(m) == "user") + 1  # numbers this reply's source cards
    try:
        for item in assistant.answer_stream(
            message, history=history, doc_id=documents or None, language=languages or None
        ):
            if isinstance(item, Answer):
                yield reply_text(item, turn), sources_html(item, turn)
            else:
                yield plain(item) + " …", "<p class='meta'>Writing the answer; its sources follow.</p>"
    except QuestionError as exc:
        yield str(exc), sources_html(None)
    except AssistantError as exc:
        yield f"Sorry, that did not work: {exc}", sources_html(None)
    except Exception:  # the chat must never show a traceback
        log.exception("chat failed for %r", message[:200])
        yield "Sorry, something went wrong while answering. Please try again.", sources_html(None)


def _role(message: Any) -> str | None:
    return message.get("role") if isinstance(message, dict) else getattr(message, "role", None)


def add_files(assistant: Assistant, paths: list[str] | None) -> tuple[str, list[str]]:
    """Copy uploaded files into the seeds folder, with the limits indexing has (size, readable type); say why a file
    was refused. Returns the message and the names added."""
    limit = int(assistant.settings.max_file_mb * 2**20)
    seeds = assistant.settings.seeds_dir
    added: list[str] = []
    refused: list[str] = []
    for path in paths or []:
        name = Path(path).name.lstrip(".") or "upload"
        with open(path, "rb") as file:
            data = file.read(limit + 1)
        if len(data) > limit:
            refused.append(f"{name}: over ASSISTANT_MAX_FILE_MB={assistant.settings.max_file_mb:g}")
        elif readers.kind(name, data) is None:
            refused.append(f"{name}: {readers.unsupported(name, data).reason}")
        else:
            seeds.mkdir(parents=True, exist_ok=True)
            partial = seeds / f".{name}.part"  # hidden until whole, so no reindex reads half a file
            partial.write_bytes(data)
            partial.replace(seeds / name)
            added.append(name)
    lines = [f"Added to seeds/: {html.escape(', '.join(added))}." if added else "No file was added."]
    lines += [f"Refused {html.escape(r)}" for r in refused]
    return "<br>".join(lines), added


def report_html(report: IndexReport | None) -> str:
    """What the last reindex did, and every file it skipped with the reason (file names escaped)."""
    if report is None:
        return ""
    head = (
        f"<p>{report.added} added, {report.updated} updated, {report.removed} removed, {report.unchanged} unchanged; "
        f"{report.chunks_embedded} chunks embedded in {report.seconds:.1f} s.</p>"
    )
    if not report.skipped:
        return head
    items = "".join(f"<li><code>{html.escape(p.path)}</code>: {html.escape(p.reason)}</li>" for p in report.skipped)
    return f"{head}<p>Skipped {len(report.skipped)} file(s):</p><ul class='skipped'>{items}</ul>"


def library_html(assistant: Assistant) -> str:
    """The indexed documents by title (the file name on hover): language, date, source link (named by its site, when
    the page names it) and chunks."""
    rows = assistant.documents()
    if not rows:
        return "<p class='meta'>No documents indexed yet.</p>"
    body = []
    for r in rows:
        site = html.escape(r.get("site", ""))
        link = _link(r["url"], site or "source") or site
        body.append(
            f"<tr><td title='{html.escape(r['doc_id'])}'>{html.escape(r['title'])}</td>"
            f"<td>{html.escape(r['language'])}</td><td>{html.escape(r['date'])}</td><td>{link}</td>"
            f"<td>{html.escape(r['chunks'])}</td></tr>"
        )
    return (
        "<table class='library'><thead><tr><th>Title</th><th>Language</th><th>Date</th><th>Source</th>"
        f"<th>Chunks</th></tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def _choices(assistant: Assistant) -> tuple[list[tuple[str, str]], list[str]]:
    """The document filter's choices, shown by title (shortened) with the file as the value; the languages."""
    rows = assistant.documents()
    titles = [
        (r["title"] if len(r["title"]) <= 70 else r["title"][:67].rsplit(" ", 1)[0] + "…", r["doc_id"]) for r in rows
    ]
    return titles, sorted({r["language"] for r in rows})


def build(assistant: Assistant | None = None) -> Any:
    """The Blocks app: chat with filters on the left, source cards on the right, a reindex control below."""
    import gradio as gr

    assistant = assistant or Assistant()
    docs, langs = _choices(assistant)

    def respond(
        message: str, history: list[Any], documents: list[str] | None = None, languages: list[str] | None = None
    ) -> Iterator[tuple[str, str]]:
        yield from chat(assistant, message, history, documents, languages)

    def run_reindex(progress: Any = gr.Progress()) -> tuple[str, str, Any]:  # noqa: B008 - Gradio's way to get a bar
        def step(done: int, total: int) -> None:
            words = f"Embedded {done} of {total} passages of new or changed files" if total else "Reading seeds/"
            progress((done, total) if total else 0, desc=words, unit="passages")

        try:
            assistant.reindex(progress=step)
        except AssistantError as exc:
            return f"Reindex failed: {html.escape(str(exc))}", library_html(assistant), gr.update()
        new_docs, _ = _choices(assistant)
        return report_html(assistant.last_report), library_html(assistant), gr.update(choices=new_docs)

    with gr.Blocks(title="assistant", analytics_enabled=False) as demo:
        gr.Markdown("## Ask the documents\nAnswers quote the documents and cite them; ask in English, French, "
                    "Swedish or Vietnamese.")  # fmt: skip
        with gr.Row():
            with gr.Column(scale=3):
                with gr.Row():
                    # custom values: a document indexed after the page was built (from the CLI, say) can be chosen
                    doc_filter = gr.Dropdown(
                        docs, multiselect=True, label="Only these documents", value=[], allow_custom_value=True
                    )
                    lang_filter = gr.Dropdown(
                        langs, multiselect=True, label="Only these languages", value=[], allow_custom_value=True
                    )
                sources = gr.HTML(sources_html(None), render=False)
                chatbot = gr.Chatbot(height=460, label="assistant", sanitize_html=True)
                chatbot.clear(lambda: sources_html(None), outputs=[sources])  # Clear empties the sources too
                gr.ChatInterface(
                    respond,
                    chatbot=chatbot,
                    additional_inputs=[doc_filter, lang_filter],
                    additional_outputs=[sources],
                    examples=[[e] for e in EXAMPLES],  # the question alone: the filters keep their values
                    api_name="chat",
                    fill_height=False,
                )
            with gr.Column(scale=2, elem_id="sources-panel"):
                sources.render()  # type: ignore[no-untyped-call]
        with gr.Accordion("Library", open=False):
            library = gr.HTML(library_html(assistant))
            reindex_button = gr.Button("Reindex seeds/")
            status = gr.HTML(report_html(assistant.last_report))
            reindex_button.click(  # the bar shows in the status line, not over the filters at the top
                run_reindex, outputs=[status, library, doc_filter], api_name="reindex", show_progress_on=[status]
            )
            upload = gr.File(  # any type is taken in and judged by the readers, so a refusal says why
                label="Add documents to seeds/ (text, Markdown, HTML, PDF, Word)", file_count="multiple"
            )

            def uploaded(paths: list[str] | None) -> tuple[str, str, Any, None]:
                message, added = add_files(assistant, paths)
                if added:
                    try:
                        assistant.reindex()
                    except AssistantError as exc:
                        message += f"<br>Reindex failed: {html.escape(str(exc))}"
                    message += report_html(assistant.last_report)
                new_docs, _ = _choices(assistant)
                return message, library_html(assistant), gr.update(choices=new_docs), None

            upload.upload(
                uploaded, inputs=[upload], outputs=[status, library, doc_filter, upload], api_name="add_documents"
            )

        def refresh() -> tuple[str, Any, Any]:
            """On each visit: the library and the filters as the store is now (another process may have indexed)."""
            new_docs, new_langs = _choices(assistant)
            return library_html(assistant), gr.update(choices=new_docs), gr.update(choices=new_langs)

        demo.load(refresh, outputs=[library, doc_filter, lang_filter], api_name=False)
    return demo


class Login:
    """ASSISTANT_AUTH=user:password checked in constant time. A right pair passes at once; after FREE failed guesses
    within WINDOW seconds each further failed one is answered later, twice as late as the last, up to MAX_WAIT
    seconds. The wait is asynchronous: it holds back the guesser's reply, not the server."""

    FREE, WINDOW, MAX_WAIT = 5, 300.0, 8.0

    def __init__(self, user: str, password: str, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self._pair = (user.encode(), password.encode())
        self._failures: deque[float] = deque()
        self._lock = threading.Lock()
        self._sleep = sleep

    async def check(self, user: str, password: str) -> bool:
        ok = hmac.compare_digest(str(user).encode(), self._pair[0]) & hmac.compare_digest(
            str(password).encode(), self._pair[1]
        )
        if ok:
            return True
        if not (user or password):  # nothing was sent: a client that has not logged in yet, not a guess
            return False
        now = time.monotonic()
        with self._lock:
            while self._failures and now - self._failures[0] > self.WINDOW:
                self._failures.popleft()
            self._failures.append(now)
            excess = len(self._failures) - self.FREE
        if excess > 0:
            await self._sleep(min(0.5 * 2 ** (excess - 1), self.MAX_WAIT))
        return False


def credentials(settings: Settings) -> Login | None:
    """The login check for ASSISTANT_AUTH=user:password; a ConfigError when either part is missing."""
    if not settings.auth:
        return None
    user, colon, password = settings.auth.get_secret_value().partition(":")
    if not (colon and user and password):
        raise ConfigError("ASSISTANT_AUTH must be user:password with both parts set (a login without a password "
                          "is no protection); set it so, or unset it for no login")  # fmt: skip
    return Login(user, password)
