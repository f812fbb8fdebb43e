"""The chat page's text and cards: document text is shown as typed and never runs or renders."""

import asyncio

from pydantic import SecretStr

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
    assert "<img" not in text.replace("\\<img", "").replace("&lt;img", "")
    assert "<script>" not in text and "javascript:" not in text
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in text  # the reply's own cards escape the passage
    assert "<summary>Sources (1): &lt;script&gt;alert(2)&lt;/script&gt; Titre</summary>" in text  # titles, not files
    assert "(#source-1-1)" in reply_text(evil_answer(), turn=1) and "(#source-3-1)" in reply_text(evil_answer(), 3)
    assert plain("000_732d53ab039ed838.txt") == "000_732d53ab039ed838.txt"


def test_source_cards_escape_everything_and_mark_the_answer() -> None:
    cards = sources_html(evil_answer())
    assert "<img" not in cards and "<script>" not in cards
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in cards
    assert "<mark>Binh Lac a planté 777 cerisiers" in cards
    assert "javascript:" not in cards  # only http(s) links are shown
    assert "data-doc='evil_&lt;b&gt;.txt'" in cards


def test_a_source_card_names_the_site_the_page_comes_from(seeded: Settings) -> None:
    reply = Assistant(seeded).answer("Which newspaper published the interview with Do Anh Tuan?")
    assert reply.citations[0].site == "Báo Kinh tế và Đô thị"
    assert "<div class='meta'>Báo Kinh tế và Đô thị · 2024-11-25 · fr" in sources_html(reply)
    assert "rel='noopener noreferrer'>Báo Kinh tế và Đô thị</a>" in library_html(Assistant(seeded))


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
    demo.launch(server_name="127.0.0.1", server_port=port, auth=credentials(settings).check, prevent_thread_lock=True)
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


def test_logins_slow_down_after_repeated_failures_and_a_login_needs_a_password(isolated: Settings) -> None:
    import pytest

    from assistant.errors import ConfigError
    from assistant.ui import Login, credentials

    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    login = Login("ana", "s3cret", sleep=sleep)

    def check(user: str, password: str) -> bool:
        return asyncio.run(login.check(user, password))

    assert [check("ana", f"guess{i}") for i in range(5)] == [False] * 5 and waits == []
    assert not check("", "") and waits == []  # no credentials sent is not a guess
    assert not check("ana", "guess5") and not check("ana", "guess6") and not check("bob", "s3cret")
    assert waits == [0.5, 1.0, 2.0]  # each failed guess after five waits twice as long as the one before
    assert check("ana", "s3cret") and waits == [0.5, 1.0, 2.0]  # the right pair never waits
    for auth in ("admin", "admin:", ":pw"):
        with pytest.raises(ConfigError, match="user:password"):
            credentials(isolated.model_copy(update={"auth": SecretStr(auth)}))
    assert isinstance(credentials(isolated.model_copy(update={"auth": SecretStr("ana:s3cret")})), Login)


def test_the_page_sends_no_analytics(isolated: Settings) -> None:
    import os

    from assistant.ui import build

    demo = build(Assistant(isolated))
    assert demo.analytics_enabled is False and os.environ["GRADIO_ANALYTICS_ENABLED"] == "False"


def test_a_question_in_an_unsupported_language_gets_an_english_reply(isolated: Settings) -> None:
    assistant = Assistant(isolated)
    # another script, or Latin letters the language identifier puts in another language with near certainty
    foreign = [
        "河内市有多少户贫困家庭？",
        "Сколько домов построили в Ханое?",
        "Wie viele Häuser wurden in Hanoi gebaut?",
        "Hoeveel huizen zijn er in Hanoi gebouwd?",
    ]
    for question in foreign:
        reply = assistant.answer(question)
        assert not reply.found and reply.language == "en"
        assert "English, French, Swedish and Vietnamese" in reply.text
    assert assistant.answer("Huyện Mỏ Cày Bắc có bao nhiêu căn nhà?").text != reply.text  # Vietnamese is not foreign


def test_uploads_go_into_seeds_with_the_limits_of_indexing(isolated: Settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from assistant.ui import add_files

    good, sheet, big = tmp_path / "note.md", tmp_path / "budget.xlsx", tmp_path / "big.txt"
    good.write_text("# Note\n\nThe cooperative has 85 member families.\n", encoding="utf-8")
    sheet.write_bytes(b"PK\x03\x04 not really a spreadsheet")
    big.write_bytes(b"x" * 3 * 2**20)
    small = Assistant(isolated.model_copy(update={"max_file_mb": 1.0}))
    message, added = add_files(small, [str(good), str(sheet), str(big)])
    assert added == ["note.md"] and (isolated.seeds_dir / "note.md").read_bytes() == good.read_bytes()
    assert "Refused budget.xlsx: unsupported" in message and "Refused big.txt: over ASSISTANT_MAX_FILE_MB=1" in message
    assert not (isolated.seeds_dir / "budget.xlsx").exists() and not list(isolated.seeds_dir.glob(".*"))
