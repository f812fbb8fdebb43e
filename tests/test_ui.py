"""The chat page's text and cards: document text is shown as typed and never runs or renders."""

from assistant import Answer, Assistant, Citation, Settings
from assistant.models import IndexReport, Problem
from assistant.ui import chat, library_html, plain, reply_text, report_html, sources_html

EVIL = 'Binh Lac a planté 777 cerisiers <img src=x onerror="alert(1)"> ![p](http://127.0.0.1:9/t.png) **gras**.'


def evil_answer() -> Answer:
    citation = Citation(
        number=1,
        doc_id="evil_<b>.txt",
        title="<script>alert(2)</script> Titre",
        url="javascript:alert(3)",
        date="2024-10-17",
        language="fr",
        passage="Avant. " + EVIL + " Après.",
        passage_start=0,
        highlights=[(7, 7 + len(EVIL))],
    )
    return Answer(question="q", text=f"«{EVIL}» [1]", found=True, citations=[citation])


def test_reply_text_makes_markdown_and_html_inert() -> None:
    text = reply_text(evil_answer())
    assert "\\<img" in text and "\\!\\[p\\]\\(http" in text and "\\*\\*gras\\*\\*" in text
    assert "<img" not in text.replace("\\<img", "")
    assert "evil_\\<b\\>.txt" in text  # the document id is named
    assert plain("000_732d53ab039ed838.txt") == "000_732d53ab039ed838.txt"


def test_source_cards_escape_everything_and_mark_the_answer() -> None:
    cards = sources_html(evil_answer())
    assert "<img" not in cards and "<script>" not in cards
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in cards
    assert "<mark>Binh Lac a planté 777 cerisiers" in cards
    assert "javascript:" not in cards  # only http(s) links are shown
    assert "data-doc='evil_&lt;b&gt;.txt'" in cards


def test_chat_turns_bad_input_into_a_message(isolated: Settings) -> None:
    bot = Assistant(isolated)
    replies = list(chat(bot, "", []))
    assert replies == [("Please type a question.", sources_html(None))]
    assert "keep it under" in list(chat(bot, "x" * 5000, []))[-1][0]


def test_login_is_required_when_auth_is_set(seeded, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import httpx

    from assistant.ui import build, credentials
    from tests.conftest import use_dirs
    from tests.servers import free_port

    settings = use_dirs(monkeypatch, seeded.seeds_dir, seeded.vectorstore_dir, auth="ana:s3cret")
    port = free_port()
    demo = build(Assistant(settings))
    demo.launch(server_name="127.0.0.1", server_port=port, auth=credentials(settings), prevent_thread_lock=True)
    try:
        base = f"http://127.0.0.1:{port}"
        assert httpx.get(f"{base}/config").status_code in (401, 403)
        with httpx.Client() as client:
            assert client.post(f"{base}/login", data={"username": "ana", "password": "wrong"}).status_code >= 400
            assert client.post(f"{base}/login", data={"username": "ana", "password": "s3cret"}).status_code == 200
            assert client.get(f"{base}/config").status_code == 200
    finally:
        demo.close()


def test_the_library_lists_documents_and_every_skipped_file_with_its_reason_escaped(isolated: Settings) -> None:
    from tests.conftest import write

    write(isolated.seeds_dir, "alpha.txt", "Rapport Alpha\n\nLe village d'Alpha a construit 17 ponts en bambou.")
    (isolated.seeds_dir / "budget <img src=x>.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    assistant = Assistant(isolated)
    report = assistant.reindex()
    shown = report_html(assistant.last_report)
    assert "1 added" in shown and "Skipped 1 file(s)" in shown
    assert "budget &lt;img src=x&gt;.xlsx" in shown and "<img" not in shown and "unsupported" in shown
    assert report.skipped[0].path == "budget <img src=x>.xlsx"
    assert "alpha.txt" in library_html(assistant) and "Rapport Alpha" in library_html(assistant)
    assert "Skipped" not in report_html(IndexReport(added=1, skipped=[]))
    assert "&lt;" in report_html(IndexReport(skipped=[Problem(path="<x>", reason="r")]))
