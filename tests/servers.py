"""Real servers for tests and benchmarks, on free loopback ports: `chroma run` and `assistant serve`."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running(command: list[str], ready_url: str, log_path: Path, env: dict[str, str] | None = None,
            timeout: float = 300) -> Iterator[None]:  # fmt: skip
    """Start command, wait until ready_url answers 200, and stop it afterwards; its output goes to log_path."""
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                if httpx.get(ready_url, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                tail = log_path.read_text(encoding="utf-8", errors="replace")[-4000:]
                raise RuntimeError(f"{Path(command[0]).name} did not start (exit {process.poll()}):\n{tail}")
            time.sleep(0.5)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)


@contextmanager
def chroma_server(path: Path) -> Iterator[int]:
    """A Chroma server persisting to path; yields its port."""
    port = free_port()
    command = [str(BIN / "chroma"), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)]
    with running(command, f"http://127.0.0.1:{port}/api/v2/heartbeat", path.parent / f"chroma-{port}.log", timeout=60):
        yield port


@contextmanager
def assistant_server(seeds: Path, store: Path, **settings: str) -> Iterator[str]:
    """`assistant serve` over seeds, with extractive answers, an embedded store and no login unless settings give
    one (auth="user:password"); yields its URL."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(ASSISTANT_SEEDS_DIR=str(seeds), ASSISTANT_VECTORSTORE_DIR=str(store), GRADIO_ANALYTICS_ENABLED="False")
    settings = {"watch": "false", **settings}  # tests that reindex on purpose do not race the folder watcher
    env.update({f"ASSISTANT_{key.upper()}": value for key, value in settings.items()})
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    command = [str(BIN / "assistant"), "serve", "--host", "127.0.0.1", "--port", str(port)]
    with running(command, url, store.parent / f"serve-{port}.log", env=env):
        yield url
