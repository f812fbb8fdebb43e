"""Fusion and query expansion, checked against values computed by hand (no models, no store)."""

from pathlib import Path

import pytest

from assistant.dictionaries import expand
from assistant.retrieval import filter_values, fuse
from assistant.signals import Signal, signals

ENGLISH_ONLY = Signal("dense", "dense", 1.0, frozenset({"en"}), "some-english-model")
NGRAMS = Signal("ngrams", "lexical", 2.0)
TERMS = Signal("terms", "lexical", 1.0, across_languages=0.5)


def test_rrf_counts_only_the_signals_that_can_judge_a_passage() -> None:
    ranked = {"dense": [("x", 0.9), ("y", 0.8)], "ngrams": [("y", 5.0), ("x", 1.0)]}
    fused = fuse(ranked, [ENGLISH_ONLY, NGRAMS], "en", {"x": "en", "y": "fr"}, rrf_k=20)
    scores = {c.chunk_id: c.fused for c in fused}
    # x (English): the encoder's rank 1 and n-grams' rank 2, over the weights of both signals
    assert scores["x"] == pytest.approx((1 / 21 + 2 / 22) / 3)
    # y (French): the English-only encoder cannot judge it, so only n-grams' rank 1 counts, over their weight
    assert scores["y"] == pytest.approx((2 / 21) / 2)
    assert [c.chunk_id for c in fused] == ["y", "x"]
    assert fused[1].ranks == {"dense": 1, "ngrams": 2}


def test_exact_terms_count_half_across_languages() -> None:
    fused = fuse({"terms": [("x", 3.0)], "ngrams": [("x", 2.0)]}, [TERMS, NGRAMS], "en", {"x": "fr"}, rrf_k=20)
    assert fused[0].fused == pytest.approx((0.5 / 21 + 2 / 21) / (0.5 + 2))


def test_signals_are_named_and_declare_their_languages(isolated) -> None:  # type: ignore[no-untyped-def]
    named = {s.name: s for s in signals(isolated)}
    assert list(named) == ["dense", "use", "terms", "ngrams"]
    assert named["dense"].encoder == "multilingual-e5-small"
    assert named["dense"].languages is not None and {"en", "fr", "sv", "vi"} <= named["dense"].languages
    assert named["use"].languages is not None and "fr" in named["use"].languages and "sv" not in named["use"].languages
    assert named["ngrams"].fit("vi", "fr") == 1.0 and named["use"].fit("sv", "fr") == 0.0
    assert named["dense"].fit("vi", "fr") == 1.0


def test_filters_take_a_value_or_a_list() -> None:
    allowed = filter_values({"doc_id": "a.txt", "language": ["fr", "sv"]})
    assert allowed == {"doc_id": ["a.txt"], "language": ["fr", "sv"]}
    assert filter_values({"doc_id": None, "language": []}) == {}


def test_vietnamese_words_are_translated_through_the_glossary(tmp_path: Path) -> None:
    # the glossary ships with the package; no FreeDict dictionary is needed for Vietnamese to English
    found = expand("Hà Tĩnh đã bảo trợ bao nhiêu trẻ mồ côi?", "vi", ["en"], tmp_path)
    assert found["en"]["mồ"] == ["orphan"] and found["en"]["côi"] == ["orphan"]
    assert "bao" not in found["en"]  # a function word is not looked up


def test_everyday_vietnamese_words_of_the_news_are_translated(tmp_path: Path) -> None:
    # not only the Front's own words: theft, illegal, detect (the glossaries' general section)
    found = expand("Tổ tự quản đã phát giác những vụ trộm và khai thác cát lậu nào?", "vi", ["fr", "sv"], tmp_path)
    assert "vol" in found["fr"]["trộm"] and "stöld" in found["sv"]["trộm"]
    assert "détecter" in found["fr"]["phát"] and any("illégal" in t for t in found["fr"]["lậu"])


def test_a_body_s_vietnamese_name_of_five_syllables_is_translated_whole(tmp_path: Path) -> None:
    found = expand("Ai là Chủ tịch Hội Liên hiệp Phụ nữ tỉnh Hà Tĩnh?", "vi", ["fr"], tmp_path)["fr"]
    assert "Union des femmes" in found["hội"] and "Union des femmes" in found["hiệp"]


def test_words_are_translated_through_english_when_no_direct_dictionary_exists(tmp_path: Path) -> None:
    folder = tmp_path / "dictd"
    folder.mkdir()
    write_dictd(folder / "freedict-swe-eng", {"föräldralös": "orphan", "hus": "house"})
    write_dictd(folder / "freedict-eng-fra", {"orphan": "orphelin", "house": "maison"})
    found = expand("Hur många föräldralösa barn?", "sv", ["fr"], folder)
    # 'barn' comes through the shipped English glossaries read backwards: barn -> child -> enfants
    assert found == {"fr": {"föräldralösa": ["orphelin"], "barn": ["enfants"]}}


def test_the_domain_glossary_comes_before_the_dictionary_and_fills_its_gaps(tmp_path: Path) -> None:
    # a general dictionary lacks the domain's words ('households') or lists another sense first ('attacher')
    folder = tmp_path / "dictd"
    folder.mkdir()
    write_dictd(folder / "freedict-eng-fra", {"security": "attacher", "cat": "chat"})
    found = expand("How many households have security cats?", "en", ["fr"], folder)["fr"]
    assert found["households"][0] == "ménage"
    assert found["security"][0] == "sécurité"  # before the dictionary's "attacher"
    assert found["cats"] == ["chat"]  # what the glossary does not hold still comes from the dictionary


def test_a_homograph_s_number_and_an_affix_are_no_translation(tmp_path: Path) -> None:
    # FreeDict's swe-fra numbers homographs ('construction 2') and lists affixes ('-vätska'): searched as words, '2'
    # matched every number with a 2 in it ('411,2 miljarder VND' read as what 'byggdes' asks about)
    folder = tmp_path / "dictd"
    folder.mkdir()
    write_dictd(folder / "freedict-swe-fra", {"bygge": "construction 2, chantier", "vätska": "-vätska, liquide"})
    found = expand("Vilket bygge och vilken vätska?", "sv", ["fr"], folder)["fr"]
    assert found["bygge"] == ["construction", "chantier"]
    assert found["vätska"] == ["liquide"]


def test_a_swedish_word_is_looked_up_with_its_own_letters(tmp_path: Path) -> None:
    # folded, 'svåra' (hard) was 'svara' (answer) and 'möten' (meetings) 'mot' (against): the question's words were
    # translated 'réponse' and 'contre'
    folder = tmp_path / "dictd"
    folder.mkdir()
    write_dictd(
        folder / "freedict-swe-fra",
        {"svara": "répondre", "svår": "difficile", "mot": "contre", "möte": "réunion"},
    )
    found = expand("Hur många möten under svåra år?", "sv", ["fr"], folder)["fr"]
    assert found["svåra"] == ["difficile"]
    assert "réunion" in found["möten"] and "contre" not in found["möten"]  # (the shipped swe-fra glossary's first)
    # typed without its accents, a word still finds the headword that has them, where no headword is spelt so
    write_dictd(folder / "freedict-fra-swe", {"ménage": "hushåll", "nage": "simning"})
    menages = expand("Combien de menages ?", "fr", ["sv"], folder)["sv"]["menages"]
    assert menages[0] == "hushåll" and "simning" not in menages  # not 'nages', the compound's head


def test_a_swedish_plural_finds_its_headword_and_no_compound_head_of_other_letters(tmp_path: Path) -> None:
    # Snowball stems 'platser' (places) to 'plats' but the headword 'plats' to 'plat': the plural found no headword,
    # and cut as a compound, 'latser' folded to the stem of 'låtsas' (pretend) and was translated 'feindre'
    folder = tmp_path / "dictd"
    folder.mkdir()
    write_dictd(folder / "freedict-swe-fra", {"plats": "place, lieu", "låtsas": "feindre"})
    found = expand("Vilka platser?", "sv", ["fr"], folder)["fr"]
    assert found["platser"] == ["place", "lieu"]
    assert expand("Vilka xyzlatser?", "sv", ["fr"], folder)["fr"] == {}  # no compound head by its folded spelling
    # a two-letter modifier is one: 'omorganisationen' is a reorganisation
    other = tmp_path / "other"
    other.mkdir()
    write_dictd(other / "freedict-swe-fra", {"organisation": "organisation"})
    assert expand("Före omorganisationen?", "sv", ["fr"], other)["fr"]["omorganisationen"][0] == "organisation"


def test_the_swedish_glossary_gives_common_words_their_sense_before_the_dictionary_s(tmp_path: Path) -> None:
    # FreeDict's swe-fra gives 'rörelse' as 'toucher' first, 'fick' as 'poche', 'lett' as 'letton', and lacks
    # 'förhållanden' (conditions): a Swedish question about a French article's movement found another passage
    folder = tmp_path / "dictd"
    folder.mkdir()
    write_dictd(folder / "freedict-swe-fra", {"rörelse": "toucher, mouvement", "fick": "poche", "lett": "letton"})
    found = expand("Vad fick rörelsen, och vad har den lett till under svåra förhållanden?", "sv", ["fr"], folder)
    assert found["fr"]["rörelsen"][0] == "mouvement"
    assert found["fr"]["fick"][0] == "reçu" and found["fr"]["lett"][0] == "mené"
    assert "conditions" in found["fr"]["förhållanden"]
    assert expand("Tog de hand om barnen?", "sv", ["fr"], folder)["fr"]["tog"][0] == "prendre soin"  # the phrase
    # the dictionary's Swedish glosses of a word the glossary holds are still dropped: 'liv' is no 'människors liv'
    other = tmp_path / "other"
    other.mkdir()
    write_dictd(other / "freedict-swe-fra", {"liv": "vie, människors liv, action", "människa": "humain"})
    write_dictd(other / "freedict-fra-swe", {"vie": "liv", "action": "handling"})
    assert "människors liv" not in expand("Vad sa han om livet?", "sv", ["fr"], other)["fr"]["livet"]


def test_a_source_language_gloss_among_the_translations_is_dropped(tmp_path: Path) -> None:
    # FreeDict's swe-fra lists Swedish glosses beside the French: 'invånare' -> 'habitant, habitante, stad, hus'
    folder = tmp_path / "dictd"
    folder.mkdir()
    write_dictd(folder / "freedict-swe-fra", {"invånare": "habitant, stad", "stad": "ville", "typ": "type"})
    write_dictd(folder / "freedict-fra-swe", {"habitant": "invånare", "type": "typ"})
    found = expand("Hur många invånare och vilken typ?", "sv", ["fr"], folder)["fr"]
    assert found["invånare"] == ["habitant"]  # 'stad' is a Swedish headword and no French one
    assert found["typ"] == ["type"]  # a word of both languages stays
    # a word spelt as its headword ('attentat') is no gloss, and an entry left empty asks English instead
    other = tmp_path / "other"
    other.mkdir()
    write_dictd(other / "freedict-fra-swe", {"attentat": "attentat", "habitant": "invånare"})
    write_dictd(other / "freedict-swe-fra", {"invånare": "habitant", "attentat": "attentat, terrordåd"})
    assert expand("Quel attentat ?", "fr", ["sv"], other)["sv"]["attentat"][0] == "attentat"


def write_dictd(base: Path, entries: dict[str, str]) -> None:
    """A dictd dictionary (index + gzip data) in FreeDict's layout: headword line, then the translation."""
    import gzip

    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

    def b64(n: int) -> str:
        out = ""
        while True:
            out = alphabet[n % 64] + out
            n //= 64
            if not n:
                return out

    data, lines = b"", []
    for head, translation in sorted(entries.items()):
        body = f"{head}\n{translation}\n".encode()
        lines.append(f"{head}\t{b64(len(data))}\t{b64(len(body))}")
        data += body
    base.with_suffix(".index").write_text("\n".join(lines) + "\n", encoding="utf-8")
    base.with_suffix(".dict.dz").write_bytes(gzip.compress(data))


def test_a_question_vector_is_centred_only_for_the_encoder_and_languages_it_was_fitted_for() -> None:
    import numpy as np

    from assistant.signals import centred, fitted

    centre = fitted()["centre"]
    assert {"en", "fr", "sv", "vi"} <= set(centre["means"])
    e5 = Signal("dense", "dense", 1.0, None, centre["encoder"])
    vector = np.full(len(centre["means"]["sv"]), 0.05, dtype=np.float32)
    moved = centred(e5, "sv", vector)
    assert abs(float(np.linalg.norm(moved)) - 1.0) < 1e-5
    assert not np.allclose(moved, vector / np.linalg.norm(vector))
    assert centred(e5, "de", vector) is vector  # no German train question: nothing to subtract
    assert centred(ENGLISH_ONLY, "sv", vector) is vector  # fitted for another encoder


def test_an_inflected_word_no_entry_holds_is_looked_up_by_its_dictionary_form(tmp_path: Path) -> None:
    """'föreslog' (proposed) is no headword; simplemma gives 'föreslå', which is."""
    folder = tmp_path / "dictd"
    folder.mkdir()
    write_dictd(folder / "freedict-swe-fra", {"föreslå": "proposer", "konferens": "conférence"})
    write_dictd(folder / "freedict-eng-fra", {"hold": "tenir"})
    assert expand("Vad föreslog hon på konferensen?", "sv", ["fr"], folder)["fr"]["föreslog"] == ["proposer"]
    assert expand("Where was it held?", "en", ["fr"], folder)["fr"]["held"] == ["tenir"]


def test_a_vietnamese_syllable_of_a_translated_phrase_is_not_translated_alone(tmp_path: Path) -> None:
    found = expand("Bao nhiêu hộ dân được hỗ trợ?", "vi", ["fr"], tmp_path)["fr"]
    assert found["dân"] == found["hộ"]  # the phrase's translations only ('ménages'), not 'populaire' of 'dân'
    assert not {"populaire", "peuple"} & set(found["dân"]), found["dân"]


def test_a_swedish_compound_is_translated_by_its_head_then_its_first_part(tmp_path: Path) -> None:
    # 'gurkmejemodellen' was only 'modèle': the turmeric it is the model of was lost to the search
    folder = tmp_path / "dictd"
    folder.mkdir()
    write_dictd(folder / "freedict-swe-fra", {"modell": "modèle", "gurkmeja": "curcuma", "drog": "drogue",
                                              "beroende": "dépendance"})  # fmt: skip
    found = expand("Gurkmejemodellen och drogberoende?", "sv", ["fr"], folder)["fr"]
    assert found["gurkmejemodellen"] == ["modèle", "curcuma"]
    assert found["drogberoende"] == ["dépendance", "drogue"]
    # French writes no such compounds: a head found in a word it lacks is all it gives
    french = tmp_path / "french"
    french.mkdir()
    write_dictd(french / "freedict-fra-swe", {"parole": "ord", "porte": "dörr"})
    assert expand("Le porteparole ?", "fr", ["sv"], french)["sv"]["porteparole"] == ["ord"]


def test_a_post_is_translated_between_french_and_swedish_through_both_glossaries(tmp_path: Path) -> None:
    # a dictionary of the pair whose translations the documents do not use: the glossaries' 'chair' is 'présidente'
    # in French and 'ordförande' in Swedish, given after the dictionary's
    folder = tmp_path / "dictd"
    folder.mkdir()
    write_dictd(folder / "freedict-fra-swe", {"présidente": "presidentskap"})
    used = lambda word, language: word == "ordförande"  # noqa: E731
    assert expand("Qui est la présidente ?", "fr", ["sv"], folder, used)["sv"]["présidente"][:2] == [
        "presidentskap",
        "ordförande",
    ]
    # where the documents use what the dictionary gives, it is kept, and the glossaries' sense not added
    known = lambda word, language: word == "presidentskap"  # noqa: E731
    assert expand("Qui est la présidente ?", "fr", ["sv"], folder, known)["sv"]["présidente"] == ["presidentskap"]
