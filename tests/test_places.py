"""Places a text names: provinces by the list, places below them by a place noun, in the four languages."""

import pytest

from assistant.places import PROVINCE, Place, mentions


def named(text: str, known: dict[str, str] | None = None) -> list[tuple[str, str, str]]:
    return [(p.name, p.level, p.said) for _, p in mentions(text, known)]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("How many households in Chau Thanh district?", [("Chau Thanh", "district", "Chau Thanh")]),
        ("le Comité du district de Mo Cay Bac", [("Mo Cay Bac", "district", "Mo Cay Bac")]),
        ("Hur många hushåll i Mo Cay Bac-distriktet?", [("Mo Cay Bac", "district", "Mo Cay Bac")]),
        ("Có bao nhiêu hộ ở xã Tam Thăng?", [("Tam Thang", "commune", "Tam Thăng")]),
        ("Tỉnh Hưng Yên đã thành lập bao nhiêu tổ?", [("Hung Yen", PROVINCE, "Hưng Yên")]),
        ("Vem är ordförande för Hanois folkråd?", [("Ha Noi", PROVINCE, "Hanoi")]),
        ("Hà Nội có bao nhiêu xã?", [("Ha Noi", PROVINCE, "Hà Nội")]),
        ("Dans quels districts de Hanoi vivent-elles ?", [("Ha Noi", PROVINCE, "Hanoi")]),
        ("In Ho Chi Minh City, how many teams?", [("Ho Chi Minh City", PROVINCE, "Ho Chi Minh City")]),
        # the place above a commune, in brackets after its name, is a district
        ("le modèle de la commune de Dien Phuoc (Dien Ban) a été sélectionné",
         [("Dien Phuoc", "commune", "Dien Phuoc"), ("Dien Ban", "district", "Dien Ban")]),
        ("tổ tự quản ở xã Tam Thăng (Tam Kỳ)",
         [("Tam Thang", "commune", "Tam Thăng"), ("Tam Ky", "district", "Tam Kỳ")]),
        ("la commune de Tam Thang (3 villages)", [("Tam Thang", "commune", "Tam Thang")]),
        # a syllable that looks like a function word after the first ('My', 'An'), and a village named by its number
        ("la commune de Tra Ka (Bac Tra My)",
         [("Tra Ka", "commune", "Tra Ka"), ("Bac Tra My", "district", "Bac Tra My")]),
        ("12 ménages du village 2 en 2021", [("village 2", "village", "village 2")]),
        ("hộ ở thôn 3 năm 2022", [("village 3", "village", "thôn 3")]),
        # a plural noun names each place of its list, a function word first in a later one too ('My Duc')
        ("les communes montagneuses des districts de Ba Vi, Thach That, My Duc et Chuong My.",
         [("Ba Vi", "district", "Ba Vi"), ("Thach That", "district", "Thach That"), ("My Duc", "district", "My Duc"),
          ("Chuong My", "district", "Chuong My")]),
        ("la commune de Tam Thang, Tam Ky", [("Tam Thang", "commune", "Tam Thang")]),  # one commune: no list
        # the people of a city name the city
        ("Combien de villages hanoïens ont adopté des funérailles civilisées ?", [("Ha Noi", PROVINCE, "hanoïen")]),
        ("How many Hanoians joined the teams?", [("Ha Noi", PROVINCE, "Hanoian")]),
        ("Hur många hanoibor deltog?", [("Ha Noi", PROVINCE, "hanoibor")]),
    ],
)  # fmt: skip
def test_places_are_found_with_their_level_and_spelling(text: str, places: list[tuple[str, str, str]]) -> None:
    assert named(text) == places


@pytest.mark.parametrize(
    "text",
    [
        "les enseignements du Président Ho Chi Minh",  # the president, not the city
        "xây dựng nền hòa bình và thái bình",  # 'peace' in lower case is not the province Hoa Binh
        "Vilken kommun driver modellen?",  # a question word before a place noun
        "membre du Comité du district de Ho Van Tan",  # a person a translation placed after 'district'
        "le chef de la Commission, Truong Thanh Huyen, a déclaré",  # 'Huyen' ends her name, it is no 'huyện'
        "les districts NTM de la ville",  # an acronym
        "la déléguée Nguyen Thi Hue a déclaré",  # Hue ends her name; the city is named as one ('Hue City')
        "Nguyễn Thị Thanh Hoa và Tran Quang Ninh",  # provinces' names that end a person's
        "Nguyen Thi Phuong Thao et Huyen Trang",  # given names that are Vietnamese place nouns when written small
        "How many New Rural communes, and the district People's Committee?",
        "Chaque commune et hela distriktet",
    ],
)
def test_names_that_are_no_places_are_left_alone(text: str) -> None:
    assert named(text) == []


def test_a_known_place_is_found_without_its_noun_and_offsets_match_the_text() -> None:
    text = "Le modèle de Tra Ka et celui de Tam Thăng"
    found = mentions(text, {"Tra Ka": "commune", "Tam Thang": "commune"})
    assert [p for _, p in found] == [Place("Tra Ka", "commune"), Place("Tam Thang", "commune")]
    assert [text[at : at + len(p.said)] for at, p in found] == ["Tra Ka", "Tam Thăng"]


def test_a_province_s_name_after_a_lower_place_noun_is_that_place() -> None:
    assert named("phường Hòa Bình") == [("Hoa Binh", "commune", "Hòa Bình")]  # a ward, not the province


@pytest.mark.parametrize(
    "text",
    ["Dans quel village de Tam Thang l'équipe a-t-elle démarré ?", "In which village of Tam Thang did it start?"],
)
def test_a_known_place_keeps_its_level_after_another_place_noun(text: str) -> None:
    # the question asks for a village of the commune: Tam Thang stays a commune, as the documents name it
    assert named(text, {"Tam Thang": "commune"}) == [("Tam Thang", "commune", "Tam Thang")]


def test_a_province_stays_one_where_a_lower_place_has_its_name() -> None:
    # the documents may name a town after its province ('thị xã Quảng Trị'): the province is still read as one
    text = "la province de Quang Tri"
    assert named(text, {"Quang Tri": "district"}) == [("Quang Tri", PROVINCE, "Quang Tri")]


def test_the_capital_is_hanoi_but_not_anothers_capital_nor_money() -> None:
    assert [p.name for _, p in mentions("À Quang Nam comme dans la capitale ?")] == ["Quang Nam", "Ha Noi"]
    assert [p.name for _, p in mentions("What is the capital of Quang Nam province?")] == ["Quang Nam"]
    assert [p.name for _, p in mentions("How much of the capital was invested in Quang Nam?")] == ["Quang Nam"]
    assert not mentions("la capitale économique du pays")
