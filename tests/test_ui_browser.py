"""End to end in a real browser: `assistant serve` in a subprocess, driven by headless Chromium through Playwright.

Selectors were read off the live Gradio 6 page:
- the question box is `textarea[data-testid="textbox"]` (the page has exactly one textarea);
- the conversation is `[role="log"]` (aria-label "chatbot conversation"); each user message is
  `[data-testid="user"]` and each assistant message `[data-testid="bot"]`;
- the source cards are `.source-card[data-doc=...]` inside the right-hand gr.HTML;
- Gradio's error/warning toasts are `[data-testid="toast-body"]`.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Dialog, Locator, Page, expect, sync_playwright

from tests.conftest import REPO as REPO_ROOT
from tests.servers import assistant_server

pytestmark = pytest.mark.slow


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ANSWER_TIMEOUT_MS = 90_000

TEXTBOX = 'textarea[data-testid="textbox"]'
CONVERSATION = '[role="log"]'
BOT = '[data-testid="bot"]'
USER = '[data-testid="user"]'
TOAST = '[data-testid="toast-body"]'

IMG_TAG = "<img src=x onerror=\"document.title='pwned'\">"
SCRIPT_TAG = "<script>document.title='pwned2'</script>"
EVIL_TEXT = f"""Binh Lac plante des cerisiers le long du canal

Source: https://example.org/binh-lac-cerisiers

Au printemps, la commune de Binh Lac a lancé une campagne de verdissement de ses berges avec le soutien des habitants.

La commune de Binh Lac a planté 777 cerisiers {IMG_TAG} le long du canal {SCRIPT_TAG} pendant la fête du printemps.

Les habitants se sont engagés à arroser les jeunes arbres chaque semaine jusqu'à la fin de l'été.

Le président du comité populaire de la commune a remercié les bénévoles pour leur participation.
"""


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`assistant serve` on a free loopback port, over the repository's seeds plus a file full of HTML."""
    root = tmp_path_factory.mktemp("ui_browser")
    seeds = root / "seeds"
    seeds.mkdir()
    for path in sorted((REPO_ROOT / "seeds").glob("*.txt")):
        shutil.copy2(path, seeds / path.name)
    (seeds / "evil.txt").write_text(EVIL_TEXT, encoding="utf-8")
    with assistant_server(seeds, root / "vectorstore") as url:
        yield url


@pytest.fixture(scope="module")
def chromium_browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def chat_page(chromium_browser: Browser, server_url: str) -> Iterator[tuple[Page, list[str]]]:
    """A fresh page (own context, so its own chat session) and the messages of any dialog it opened."""
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60_000)
    dialogs: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(server_url, wait_until="domcontentloaded")
    page.locator(TEXTBOX).wait_for(state="visible", timeout=60_000)
    try:
        yield page, dialogs
    finally:
        context.close()


def ask(page: Page, question: str) -> Locator:
    """Type the question, press Enter, and return the locator of the newest assistant message once it exists."""
    bots = page.locator(f"{CONVERSATION} {BOT}")
    before = bots.count()
    box = page.locator(TEXTBOX)
    box.click()
    box.fill(question)
    box.press("Enter")
    expect(bots).to_have_count(before + 1, timeout=ANSWER_TIMEOUT_MS)
    return bots.nth(before)


def answered(page: Page, question: str, fact: str, card_selector: str) -> tuple[Locator, Locator]:
    """Ask, wait for a reply holding fact, and return it with the source card whose marked sentence holds it."""
    reply = ask(page, question)
    expect(reply).to_contain_text(fact, timeout=ANSWER_TIMEOUT_MS)
    card = page.locator(f".source-card{card_selector}").first
    expect(card).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    expect(card.locator("mark", has_text=fact).first).to_be_visible()
    return reply, card


def screenshot(page: Page, path: Path) -> None:
    """A picture of the page for a person to look at (pytest keeps tmp_path); it checks nothing by itself."""
    page.screenshot(path=str(path), full_page=True)


def test_answer_with_highlighted_source_card(chat_page: tuple[Page, list[str]], tmp_path: Path) -> None:
    pg, dialogs = chat_page
    reply, card = answered(pg, "How many orphans were sponsored in Ha Tinh province?", "265", "[data-doc^='001_']")
    doc_id = card.get_attribute("data-doc")
    assert doc_id and doc_id.startswith("001_")
    expect(reply).to_contain_text(doc_id)  # the reply names the cited document

    screenshot(pg, tmp_path / "chat.png")
    assert dialogs == []


def test_document_html_is_shown_as_text_not_run(chat_page: tuple[Page, list[str]], tmp_path: Path) -> None:
    pg, dialogs = chat_page
    reply, card = answered(
        pg, "Combien de cerisiers la commune de Binh Lac a-t-elle plantés ?", "777", "[data-doc='evil.txt']"
    )
    pg.wait_for_timeout(1500)  # give a broken image's onerror, or a script, time to run if either got in

    card_text = card.inner_text()
    assert "<img src=x onerror=" in card_text
    assert SCRIPT_TAG in card_text
    reply_text = reply.inner_text()
    assert "777" in reply_text
    if "onerror" in reply_text:  # the reply quotes the sentence: the tag must read as typed
        assert "<img src=x onerror=" in reply_text
    for shown in (card_text, reply_text):
        assert "&lt;" not in shown and "&gt;" not in shown and "&amp;" not in shown, "double-escaped HTML"

    assert pg.locator('img[src="x"]').count() == 0
    assert pg.locator("img[onerror]").count() == 0
    assert pg.locator("script", has_text="pwned").count() == 0
    assert pg.title() not in {"pwned", "pwned2"}
    assert pg.title() == "assistant"
    assert dialogs == []

    screenshot(pg, tmp_path / "html.png")


@pytest.mark.parametrize(
    ("question", "friendly"),
    [
        pytest.param("\x01\x02\x07\x1b", "Please type a question", id="control-characters"),
        pytest.param(("Ha Tinh orphans? " * 300)[:5000], "please keep it under", id="5000-characters"),
    ],
)
def test_bad_question_gets_a_friendly_message(
    chat_page: tuple[Page, list[str]], tmp_path: Path, question: str, friendly: str
) -> None:
    pg, dialogs = chat_page
    reply = ask(pg, question)
    expect(reply).to_contain_text(friendly, timeout=ANSWER_TIMEOUT_MS)

    pg.wait_for_timeout(1000)  # a toast, if any, appears just after the event ends
    assert pg.locator(TOAST).count() == 0
    body = pg.locator("body").inner_text()
    assert "Traceback" not in body and "Traceback" not in pg.content()
    assert "Error" not in body
    assert "Sorry, something went wrong" not in body
    expect(pg.locator(".source-card")).to_have_count(0)
    assert dialogs == []

    screenshot(pg, tmp_path / "bad_question.png")
