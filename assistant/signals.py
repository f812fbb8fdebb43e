"""The named retrieval signals: each says what ranks the chunks, which languages it can judge, and how much it counts.

The store keeps one Chroma collection per dense signal, the indexer embeds with each dense signal's encoder, and
retrieval fuses whatever this list holds; nothing else refers to a signal by its position.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import numpy as np

from .config import Settings
from .embedding import USE_NAME, Encoder, encoder_languages, get_encoder

FITTED = Path(__file__).parent / "data" / "fitted.json"  # written by eval/fit.py from the train split


@dataclass(frozen=True)
class Signal:
    name: str
    kind: Literal["dense", "lexical"]
    weight: float  # in reciprocal rank fusion
    languages: frozenset[str] | None = None  # languages the signal can judge; None: any
    encoder: str | None = None  # dense signals: the encoder's name or path
    across_languages: float = 1.0  # trust when the question's and the passage's languages differ

    def fit(self, question_language: str, passage_language: str) -> float:
        """How far this signal can be trusted for a question in one language over a passage in another."""
        if self.languages is not None and not {question_language, passage_language} <= self.languages:
            return 0.0
        return 1.0 if question_language == passage_language else self.across_languages

    def serves(self, language: str) -> bool:
        return self.languages is None or language in self.languages


@lru_cache(maxsize=1)
def fitted() -> dict[str, Any]:
    """Parameters fitted on the train split of eval/questions.jsonl (eval/fit.py); {} when absent."""
    try:
        return dict(json.loads(FITTED.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


def fusion_parameters() -> dict[str, float]:
    """Signal weights, reciprocal-rank constant and cross-language trust of exact terms."""
    defaults = {"dense": 1.0, "use": 1.0, "terms": 1.0, "ngrams": 2.0, "rrf_k": 20.0, "terms_across": 0.5}
    return defaults | {k: float(v) for k, v in fitted().get("fusion", {}).items()}


def signals(settings: Settings) -> list[Signal]:
    """The signals these settings ask for; the first dense one's collection also holds the texts."""
    w = fusion_parameters()
    dense_languages = encoder_languages(settings.embedding_model)
    out = [Signal("dense", "dense", w["dense"], dense_languages, settings.embedding_model)]
    if settings.multilingual_encoder:
        out.append(Signal("use", "dense", w["use"], encoder_languages(USE_NAME), USE_NAME))
    out.append(Signal("terms", "lexical", w["terms"], across_languages=w["terms_across"]))  # via dictionaries
    out.append(Signal("ngrams", "lexical", w["ngrams"]))  # character n-grams work in every language pair
    return out


def centred(signal: Signal, language: str, vector: np.ndarray) -> np.ndarray:
    """A question's vector less the mean vector of the train questions in its language, fitted for this encoder
    (eval/fit.py): a multilingual encoder places a question nearest passages in the question's own language (a
    Swedish question ranks the Swedish document's chunks first, whatever they say), and the language's mean is
    most of that pull. Unchanged for another encoder, or a language no train question was asked in."""
    centre = fitted().get("centre", {})
    mean = centre.get("means", {}).get(language) if centre.get("encoder") == signal.encoder else None
    if mean is None:
        return vector
    shifted = np.asarray(vector, dtype=np.float32) - np.asarray(mean, dtype=np.float32)
    length = float(np.linalg.norm(shifted))
    return shifted / length if length > 0 else vector


def encoder(signal: Signal, settings: Settings) -> Encoder:
    """A dense signal's encoder, loaded once per process, on the device and from the model folder of the settings."""
    return get_encoder(str(signal.encoder), settings.device, settings.models_dir, settings.embedding_backend)


def dense(settings: Settings) -> list[Signal]:
    return [s for s in signals(settings) if s.kind == "dense"]
