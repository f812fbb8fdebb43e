"""Sentence-transformers models run by onnxruntime, exported once from the torch model and optionally quantized to int8.

sentence-transformers' own ONNX backend needs `optimum-onnx`, whose releases pin transformers below 4.58 while
sentence-transformers 6 needs transformers 5, so the two cannot be installed together. The export here does what that
backend does for a plain encoder: `torch.onnx.export` of the transformer with its pooling and normalization, then
onnxruntime's dynamic int8 quantization of the matrix products (per channel; the embedding tables stay in float:
quantized, they cut memory but cost answer accuracy on the train split), checked against the torch model before first
use. The folder is written beside its siblings and renamed into place, so it is
never seen half-written, and is reused until the source model changes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import time
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

EXPORT_VERSION = "3"  # 3: matrix products only again (quantized embedding tables cost answer accuracy on train)
DONE_FILE = "export.json"  # written last: a folder without it is incomplete
# the exported model's agreement with torch, checked on sample texts before it is used (all-MiniLM-L6-v2 int8
# measured 0.978 with the packages of 2026-12-02's last set-up, e5 0.994)
MIN_COSINE = 0.97
BATCH = 32
_CHECK_TEXTS = [
    "How many orphans were sponsored in Ha Tinh province?",
    "Le Comité du Front de la Patrie a remis 30 logements de solidarité aux familles pauvres du district.",
    "Fosterlandsfronten i Hanoi samlade in 411,2 miljarder VND till fonden för de fattiga.",
    "Huyện Mỏ Cày Bắc đã xây dựng và bàn giao bao nhiêu căn nhà trong chương trình quân dân y?",
    "short",
]


_WARM_UP = "passage: " + " ".join(_CHECK_TEXTS)  # about as long as a chunk of 500 characters


class Unsupported(Exception):
    """The model has parts the export does not cover (a Dense layer, max or weighted pooling): torch runs it."""


def available() -> bool:
    """Whether onnxruntime (to run) and onnx (to quantize) are installed."""
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def _stamp(source: str) -> list[Any]:
    """What identifies the source model's version: its files' sizes and times for a folder, else its name."""
    folder = Path(source)
    if not folder.is_dir():
        return [source]
    return sorted(
        [p.name, p.stat().st_size, p.stat().st_mtime_ns]
        for p in folder.iterdir()
        if p.is_file() and p.suffix in {".json", ".safetensors", ".bin", ".model", ".txt"}
    )


def ensure(source: str, name: str, models_dir: Path, quantize: bool, prefixes: tuple[str, str]) -> Path:
    """The exported folder for a model, exporting it when missing or made from another version of the model."""
    key = hashlib.sha256(
        json.dumps([str(source), _stamp(source), quantize, list(prefixes), EXPORT_VERSION]).encode()
    ).hexdigest()[:12]
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(name).name or "model")
    folder = models_dir / "onnx" / f"{slug}-{'int8' if quantize else 'fp32'}-{key}"
    if (folder / DONE_FILE).is_file():
        return folder
    from filelock import FileLock

    folder.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(folder.parent / f".{folder.name}.lock")):
        if (folder / DONE_FILE).is_file():  # another process exported it while this one waited
            return folder
        partial = folder.parent / f".{folder.name}.{os.getpid()}.part"
        shutil.rmtree(partial, ignore_errors=True)
        try:
            _export(source, partial, quantize, prefixes)
            shutil.rmtree(folder, ignore_errors=True)
            partial.rename(folder)
        finally:
            shutil.rmtree(partial, ignore_errors=True)
    return folder


def _export(source: str, folder: Path, quantize: bool, prefixes: tuple[str, str]) -> None:
    import torch
    from sentence_transformers import SentenceTransformer

    started = time.perf_counter()
    model = SentenceTransformer(source, device="cpu")
    kinds = [type(module).__name__ for module in model]
    if kinds[0] != "Transformer" or any(k not in {"Transformer", "Pooling", "Normalize"} for k in kinds):
        raise Unsupported(f"modules {kinds}")
    pooling: Any = next((m for m in model if type(m).__name__ == "Pooling"), None)
    mode: Any = "mean"
    if pooling is not None:  # sentence-transformers 6 keeps the mode as a name (or names); earlier releases as flags
        mode = getattr(pooling, "pooling_mode", None) or pooling.get_pooling_mode_str()
        mode = mode[0] if isinstance(mode, (list, tuple)) and len(mode) == 1 else mode
        if not getattr(pooling, "include_prompt", True):
            raise Unsupported("pooling that leaves the prompt out")
    if mode not in {"mean", "cls"}:
        raise Unsupported(f"{mode} pooling")
    tokenizer = model.tokenizer
    if not getattr(tokenizer, "is_fast", False):
        raise Unsupported("no fast tokenizer")
    auto: Any = model[0].auto_model
    auto.eval()

    class Sentence(torch.nn.Module):
        """The transformer, its pooling and L2 normalization, as sentence-transformers computes them."""

        def __init__(self) -> None:
            super().__init__()
            self.auto = auto

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            hidden = self.auto(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            if mode == "cls":
                pooled = hidden[:, 0]
            else:
                mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, dim=-1)

    folder.mkdir(parents=True)
    sample = tokenizer(["passage: a first sample", "a second, longer sample text"], padding=True, return_tensors="pt")
    fp32 = folder / "model_fp32.onnx"
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the tracer's notes on Python branches that the shapes here do not take
        torch.onnx.export(
            Sentence(),
            (sample["input_ids"], sample["attention_mask"]),
            str(fp32),
            input_names=["input_ids", "attention_mask"],
            output_names=["sentence_embedding"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "tokens"},
                "attention_mask": {0: "batch", 1: "tokens"},
                "sentence_embedding": {0: "batch"},
            },  # fmt: skip
            opset_version=17,
            dynamo=False,
        )
    target = folder / "model.onnx"
    if quantize:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        root = logging.getLogger()
        level = root.level
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            root.setLevel(logging.ERROR)  # onnxruntime advises "pre-processing" on the root logger; not needed here
            try:
                quantize_dynamic(
                    fp32,
                    target,
                    weight_type=QuantType.QInt8,
                    per_channel=True,
                    op_types_to_quantize=["MatMul"],
                )
            finally:
                root.setLevel(level)
        fp32.unlink()
    else:
        fp32.rename(target)
    tokenizer.backend_tokenizer.save(str(folder / "tokenizer.json"))
    settings = {
        "max_tokens": int(model.max_seq_length or 512),
        "pad_id": int(tokenizer.pad_token_id or 0),
        "pad_token": str(tokenizer.pad_token or "[PAD]"),
        "prefixes": list(prefixes),
    }
    (folder / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    exported = OnnxModel(folder)
    expected = model.encode(_CHECK_TEXTS, normalize_embeddings=True)
    cosine = float(np.min(np.sum(exported.encode(_CHECK_TEXTS) * expected, axis=1)))
    if cosine < MIN_COSINE:
        raise Unsupported(f"the exported model agrees with torch only to cosine {cosine:.3f}")
    done = {"source": str(source), "quantized": quantize, "min_cosine": round(cosine, 4),
            "seconds": round(time.perf_counter() - started, 1), "version": EXPORT_VERSION}  # fmt: skip
    (folder / DONE_FILE).write_text(json.dumps(done), encoding="utf-8")
    log.info("exported %s to ONNX%s in %.0f s (cosine to torch >= %.4f)", source, " int8" * quantize,
             done["seconds"], cosine)  # fmt: skip


class OnnxModel:
    """An exported folder: its tokenizer and an onnxruntime session on every core; texts in, unit vectors out."""

    def __init__(self, folder: Path) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        settings = json.loads((folder / "settings.json").read_text(encoding="utf-8"))
        self.prefixes: tuple[str, str] = (str(settings["prefixes"][0]), str(settings["prefixes"][1]))
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(settings["max_tokens"])
        self.tokenizer.enable_padding(pad_id=settings["pad_id"], pad_token=settings["pad_token"])
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = os.cpu_count() or 1
        # idle workers sleep instead of spinning: while indexing, USE shares the cores (index 0.79 -> 0.83-0.89 of
        # e5 alone here), at about 2 ms more per question
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = onnxruntime.InferenceSession(
            str(folder / "model.onnx"), options, providers=["CPUExecutionProvider"]
        )
        self.encode([_WARM_UP] * 8)  # onnxruntime sizes its buffers on the first runs: part of loading

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit vectors of texts, in batches of similar length (less padding), returned in the order given."""
        out: np.ndarray | None = None
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), BATCH):
            rows = order[start : start + BATCH]
            encoded = self.tokenizer.encode_batch([texts[i] for i in rows])
            ids = np.asarray([e.ids for e in encoded], dtype=np.int64)
            mask = np.asarray([e.attention_mask for e in encoded], dtype=np.int64)
            vectors = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
            if out is None:
                out = np.zeros((len(texts), vectors.shape[1]), dtype=np.float32)
            out[rows] = vectors
        return out if out is not None else np.zeros((0, 0), dtype=np.float32)


@lru_cache(maxsize=8)
def load(folder: Path) -> OnnxModel:
    return OnnxModel(folder)
