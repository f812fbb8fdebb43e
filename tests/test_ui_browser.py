"""End to end in a real browser: `assistant serve` in a subprocess, driven by headless Chromium through Playwright.

Selectors were read off the live Gradio 6 page:
- the question box is `textarea[data-testid="textbox"]` (the page has exactly one textarea);
- the conversation is `[role="log"]` (aria-label "chatbot conversation"); each user message is
  `[data-testid="user"]` and each assistant message `[data-testid="bot"]`;
- the source cards are `.source-card` (their file name in the title of their `h4`): the right-hand gr.HTML
  (`#sources-panel`) shows the latest reply's, and each reply holds its own in a folded `details.reply-sources`;
- Gradio's error/warning toasts are `[data-testid="toast-body"]`.
"""

from __future__ import annotations

import os
import re
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


def answered(page: Page, question: str, fact: str, document: str) -> tuple[Locator, Locator]:
    """Ask, wait for a reply holding fact, and return it with the visible source card of the document (whose file name
    starts with `document`) whose marked sentence holds it: the side panel's on a wide screen; on a narrow one the
    panel is hidden and the reply's own sources, folded under it, are opened as a person would."""
    reply = ask(page, question)
    expect(reply).to_contain_text(fact, timeout=ANSWER_TIMEOUT_MS)
    if (page.viewport_size or {}).get("width", 1280) <= 768:
        reply.locator("details.reply-sources summary").click()
    card = page.locator(".source-card", has=page.locator(f"h4[title^='{document}']")).filter(visible=True).first
    expect(card).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    expect(card.locator("mark", has_text=fact).first).to_be_visible()
    return reply, card


def screenshot(page: Page, path: Path) -> None:
    """A picture of the page for a person to look at (pytest keeps tmp_path); it checks nothing by itself."""
    page.screenshot(path=str(path), full_page=True)


def test_answer_with_highlighted_source_card(chat_page: tuple[Page, list[str]], tmp_path: Path) -> None:
    pg, dialogs = chat_page
    reply, card = answered(pg, "How many orphans were sponsored in Ha Tinh province?", "265", "001_")
    doc_id = card.get_attribute("data-doc")
    assert doc_id and doc_id.startswith("001_")
    expect(reply).to_contain_text("Le secrétaire du Parti provincial de Ha Tinh")  # the reply names it by title
    assert card.locator("h4").get_attribute("title") == doc_id  # the file name is on hover
    body = pg.locator("body").inner_text()
    assert not re.search(r"\d{3}_[0-9a-f]{16}", body), "a hashed file name is shown"

    screenshot(pg, tmp_path / "chat.png")
    assert dialogs == []


def _unnamed_buttons(pg: Page) -> list[str]:
    """Visible buttons whose accessible name (text, aria-label, aria-labelledby or title) is empty."""
    return list(
        pg.evaluate("""() => [...document.querySelectorAll('button')]
        .filter((b) => b.offsetParent !== null)
        .filter((b) => !(b.innerText.trim() || b.getAttribute('aria-label') || b.getAttribute('title')
                         || b.getAttribute('aria-labelledby')))
        .map((b) => b.outerHTML.slice(0, 120))""")
    )


CONTRAST = """(el) => {
    const rgb = (c) => c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
    const linear = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    const lum = (c) => c.map(linear).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const style = getComputedStyle(el);
    const [a, b] = [lum(rgb(style.color)), lum(rgb(style.backgroundColor))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


def test_buttons_have_names_and_the_highlight_reads_in_light_and_dark(
    chromium_browser: Browser, server_url: str, tmp_path: Path
) -> None:
    docs = REPO_ROOT / "docs"
    for scheme, viewport, name in [
        ("light", {"width": 1280, "height": 900}, "light"),
        ("dark", {"width": 1280, "height": 900}, "dark"),
        ("light", {"width": 390, "height": 844}, "phone"),
    ]:
        context = chromium_browser.new_context(viewport=viewport, color_scheme=scheme)  # type: ignore[arg-type]
        pg = context.new_page()
        pg.set_default_timeout(60_000)
        pg.goto(f"{server_url}?__theme={scheme}", wait_until="domcontentloaded")
        pg.locator(TEXTBOX).wait_for(state="visible", timeout=60_000)
        answered(pg, "How many orphans were sponsored in Ha Tinh province?", "265", "001_")
        assert _unnamed_buttons(pg) == [], _unnamed_buttons(pg)
        mark = pg.locator(".source-card mark").filter(visible=True).first
        ratio = float(mark.evaluate(CONTRAST))
        assert ratio >= 4.5, (name, ratio)
        shot = tmp_path / f"{name}.png"
        screenshot(pg, shot)
        if os.environ.get("ASSISTANT_SCREENSHOTS"):  # refresh the pictures in docs/ on purpose only
            docs.mkdir(exist_ok=True)
            shutil.copy2(shot, docs / f"page-{name}.png")
        context.close()


def test_document_html_is_shown_as_text_not_run(chat_page: tuple[Page, list[str]], tmp_path: Path) -> None:
    pg, dialogs = chat_page
    reply, card = answered(pg, "Combien de cerisiers la commune de Binh Lac a-t-elle plantés ?", "777", "evil.txt")
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


def test_an_example_click_asks_it(chat_page: tuple[Page, list[str]]) -> None:
    pg, dialogs = chat_page
    pg.get_by_text("How many orphans were sponsored in Ha Tinh province?").first.click()
    reply = pg.locator(f"{CONVERSATION} {BOT}").last
    expect(reply).to_contain_text("265", timeout=ANSWER_TIMEOUT_MS)
    expect(pg.locator("#sources-panel .source-card mark", has_text="265").first).to_be_visible(
        timeout=ANSWER_TIMEOUT_MS
    )
    assert dialogs == []


def test_clear_empties_the_sources_too(chat_page: tuple[Page, list[str]]) -> None:
    pg, _ = chat_page
    answered(pg, "How many orphans were sponsored in Ha Tinh province?", "265", "001_")
    pg.get_by_role("button", name=re.compile("clear", re.IGNORECASE)).first.click()
    expect(pg.locator(".source-card")).to_have_count(0, timeout=30_000)
    expect(pg.get_by_text("Sources appear here.")).to_be_visible()


def test_an_upload_appears_in_the_library_and_is_answered(chat_page: tuple[Page, list[str]], tmp_path: Path) -> None:
    pg, dialogs = chat_page
    note = tmp_path / "lanterns.md"
    note.write_text("# Hoi An lanterns\n\nThe old town of Hoi An hung 4,800 silk lanterns for the festival.\n")
    sheet = tmp_path / "budget.xlsx"
    sheet.write_bytes(b"PK\x03\x04 not a spreadsheet really")
    pg.get_by_text("Library").first.click()
    pg.locator("input[type=file]").first.set_input_files([str(note), str(sheet)])
    expect(pg.get_by_text("Added to seeds/: lanterns.md")).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    expect(pg.get_by_text("Refused budget.xlsx", exact=False)).to_be_visible()
    expect(pg.locator("table.library td", has_text="Hoi An lanterns")).to_be_visible()
    reply = ask(pg, "How many silk lanterns did Hoi An hang?")
    expect(reply).to_contain_text("4,800", timeout=ANSWER_TIMEOUT_MS)
    expect(reply).to_contain_text("Hoi An lanterns")
    assert dialogs == []


def test_a_marker_click_scrolls_to_its_source_card(chromium_browser: Browser, server_url: str) -> None:
    """On a phone the side panel is hidden: the marker opens the reply's own folded sources and scrolls to the card."""
    context = chromium_browser.new_context(viewport={"width": 390, "height": 844})
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    pg.goto(server_url, wait_until="domcontentloaded")
    pg.locator(TEXTBOX).wait_for(state="visible", timeout=60_000)
    reply = ask(pg, "How many orphans were sponsored in Ha Tinh province?")
    expect(reply).to_contain_text("265", timeout=ANSWER_TIMEOUT_MS)
    expect(pg.locator("#sources-panel")).to_be_hidden()
    card = reply.locator("#source-1-1")
    expect(card).to_be_hidden()  # folded under the answer until asked for
    marker = reply.locator("a[href='#source-1-1']").first
    marker.scroll_into_view_if_needed()
    pages = len(context.pages)
    marker.click()
    expect(card).to_be_visible(timeout=10_000)
    expect(card).to_be_in_viewport(timeout=10_000)
    expect(card.locator("mark", has_text="265").first).to_be_visible()
    assert len(context.pages) == pages  # no new tab: the marker scrolls this page
    context.close()


def test_each_reply_keeps_its_own_sources(chat_page: tuple[Page, list[str]]) -> None:
    pg, dialogs = chat_page
    first, _ = answered(pg, "How many orphans were sponsored in Ha Tinh province?", "265", "001_")
    second, card = answered(pg, "Combien de cerisiers la commune de Binh Lac a-t-elle plantés ?", "777", "evil.txt")
    expect(pg.locator("#sources-panel .source-card mark", has_text="265")).to_have_count(0)  # the panel: the latest
    first.locator("details.reply-sources summary").click()
    expect(first.locator(".source-card mark", has_text="265").first).to_be_visible()  # the first reply: its own
    expect(second.locator(".source-card mark", has_text="777").first).to_be_attached()
    marker = first.locator("a[href='#source-1-1']").first
    expect(marker).to_be_visible()
    assert dialogs == []


def test_reindex_from_the_library_says_what_changed(chat_page: tuple[Page, list[str]]) -> None:
    pg, dialogs = chat_page
    pg.get_by_text("Library").first.click()
    pg.get_by_role("button", name="Reindex seeds/").click()
    expect(pg.get_by_text(re.compile(r"\d+ added, \d+ updated, \d+ removed, \d+ unchanged"))).to_be_visible(
        timeout=ANSWER_TIMEOUT_MS
    )
    expect(pg.locator("table.library td").first).to_be_visible()
    assert dialogs == []
