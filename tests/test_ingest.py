from pathlib import Path

from assistant.ingest import clean, list_files, parse, read_document, spells
from assistant.languages import detect as detect_language
from assistant.models import Document, Problem
from tests.conftest import SEEDS

DEBRIS = ["Comment (0)", "Kommentar (0)", "No data", "No videos available", "[annons_2]", "Vietnam.vn - ", "Même sujet"]


def seed(name_prefix: str) -> Document:
    path = next(SEEDS.glob(f"{name_prefix}_*.txt"))
    doc = read_document(path, SEEDS)
    assert isinstance(doc, Document)
    return doc


def test_seed_pages_lose_their_debris_and_keep_the_article() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        doc = read_document(path, SEEDS)
        assert isinstance(doc, Document)
        for debris in DEBRIS:
            assert debris not in doc.text, (path.name, debris)
    quang_nam = seed("002")
    # related headlines after "Même catégorie" are another article's, not this one's
    assert "Phu Quoc" not in seed("003").text
    assert "avions de chasse" not in quang_nam.text
    assert "6 540 modèles" in quang_nam.text
    assert quang_nam.text.endswith(f"a souligné le secrétaire provincial du Parti.\n\nSource : {quang_nam.url}")
    # what follows the article is kept aside, line by line: its lists of other articles, its menus' headings
    assert quang_nam.furniture[:2] == ["Même sujet", "Même catégorie"]
    assert {"Patrimoine", "Entreprise", "Système politique", "Produit"} <= set(quang_nam.furniture)
    assert not {line for line in quang_nam.furniture if line in quang_nam.text.split("\n\n")}
    assert seed("004").furniture == []  # a page whose article runs to its end


def test_metadata_is_extracted_from_the_page() -> None:
    quang_nam = seed("002")
    assert quang_nam.title == "Quang Nam reproduit le modèle typique de « mobilisation de masse qualifiée »"
    assert quang_nam.date == "2024-10-17"
    assert quang_nam.url == "https://baoquangnam.vn/quang-nam-nhan-rong-mo-hinh-dan-van-kheo-dien-hinh-3142841.html"
    assert quang_nam.language == "fr"
    hanoi = seed("004")
    assert hanoi.language == "sv"
    assert hanoi.url == "https://kinhtedothi.vn/khong-ngung-doi-moi-hoat-dong-vi-su-phat-trien-thu-do.html"
    assert seed("003").date == "2024-11-25"
    assert "Báo Kinh tế và Đô thị 25/11/2024" in seed("003").text and "11:04 25/11/2024" in seed("003").text
    assert seed("003").title.startswith("Promouvoir la force")  # a dateline is never the title
    assert seed("001").url is None  # the page says "Source" with no link
    # the source line stays in the text, as the page writes it: 'which site published it?' and 'who wrote it?' quote
    # it ('Kieu Minh', then 'Source')
    assert f"Source : {quang_nam.url}" in quang_nam.text and f"Källa: {hanoi.url}" in hanoi.text
    assert seed("001").text.endswith("Kieu Minh\n\nSource")
    assert seed("000").title.startswith("Le Comité du Front de la Patrie du Vietnam du district de Mo Cay Bac")


def test_cleaning_rules_generalise_to_other_pages() -> None:
    page = """Nyheter.se - Sveriges nyhetsportal

Rubrik om kommunen

Tidning XTidning X03/02/2023

Kommunen byggde 12 nya hus för familjer.
[reklam_1]
Andra stycket berättar mer.
Källa: https://example.se/artikel
Kommentar (3)
Samma kategori
En helt annan rubrik som inte hör hit
"""
    cleaned = clean(page)
    assert cleaned.title == "Rubrik om kommunen"
    assert cleaned.date == "2023-02-03"
    assert cleaned.url == "https://example.se/artikel"
    assert cleaned.site == "Tidning X"
    assert clean("11:04 25/11/2024\n\nKommunen byggde 12 nya hus.").site is None  # a stamp names no site
    assert cleaned.text == (  # the byline stays, its site named once: 'when was it published, and where?'
        "Rubrik om kommunen\n\nTidning X 03/02/2023\n\nKommunen byggde 12 nya hus för familjer.\n\n"
        "Andra stycket berättar mer.\n\nKälla: https://example.se/artikel"
    )
    assert clean("Källa: https://example.se/a\n\nKommunen byggde 12 nya hus.").title == "Kommunen byggde 12 nya hus."


def test_a_site_s_name_comes_from_a_byline_that_writes_it_twice_and_spells_the_link() -> None:
    body = "Rubrik här\n\nKommunen byggde 12 nya hus för familjer i år, sade kommunen."
    assert clean(f"Báo Kinh tế và Đô thịBáo Kinh tế và Đô thị25/11/2024\n\n{body}").site == "Báo Kinh tế và Đô thị"
    for dateline in ("Thứ Hai, 25/11/2024", "Publié le 25/11/2024", "Posted by Jane Doe 25/11/2024", "- 25/11/2024",
                     "11:04 25/11/2024", "kinhtedothi.vnkinhtedothi.vn25/11/2024"):  # fmt: skip
        assert clean(f"{dateline}\n\n{body}").site is None, dateline
    assert spells("Báo Kinh tế và Đô thị", "https://kinhtedothi.vn/a.html")
    assert spells("Dân trí", "https://dantri.com.vn/a") and spells("BBC News", "https://news.bbc.co.uk/a")
    assert not spells("Việt Nam", "https://baoquangnam.vn/a") and not spells("", "https://dantri.com.vn/a")
    assert not spells("Tuổi Trẻ", "http://10.0.0.1:8080/a") and not spells("Comment", "https://x.com/a")
    # the platform a page was copied to names itself in the byline: no site's name for the article's link
    page = f"Việt NamViệt Nam17/10/2024\n\n{body}\n\nSource : https://baoquangnam.vn/a.html"
    doc = parse("page.txt", page.encode())
    assert isinstance(doc, Document) and doc.url == "https://baoquangnam.vn/a.html" and doc.site is None
    assert parse("page.txt", page.replace("baoquangnam", "vietnam").encode()).site == "Việt Nam"  # type: ignore[union-attr]


def test_languages_are_detected() -> None:
    assert detect_language("Le Front de la Patrie a mobilisé des fonds pour les pauvres.") == "fr"
    assert detect_language("Fosterlandsfronten har mobiliserat medel för de fattiga.") == "sv"
    assert detect_language("The Fatherland Front raised funds for the poor.") == "en"
    assert detect_language("Mặt trận Tổ quốc đã vận động quỹ vì người nghèo.") == "vi"
    assert detect_language("12 345") == "und"


def test_bad_files_are_reported_not_indexed(tmp_path: Path) -> None:
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 au lait".encode("latin-1"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "debris.txt").write_text("Comment (0)\nNo data\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    results = {p.name: read_document(p, tmp_path) for p in list_files(tmp_path)}
    assert all(isinstance(r, Problem) for r in results.values())
    assert "UTF-8" in results["latin1.txt"].reason  # type: ignore[union-attr]
    assert "empty" in results["empty.txt"].reason  # type: ignore[union-attr]
    assert "empty" in results["debris.txt"].reason  # type: ignore[union-attr]
    assert "binary" in results["binary.txt"].reason  # type: ignore[union-attr]


def test_listing_skips_hidden_files_and_keeps_every_other_type_for_the_report(tmp_path: Path) -> None:
    for name in ["a.txt", "b.md", "c.pdf", "d.xlsx", ".hidden.txt", "sub/d.txt", ".git/e.txt", "notes.txt~"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    listed = [p.relative_to(tmp_path).as_posix() for p in list_files(tmp_path)]
    assert listed == ["a.txt", "b.md", "c.pdf", "d.xlsx", "sub/d.txt"]
