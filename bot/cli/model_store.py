"""Trained models named by a fingerprint of their inputs: train only when data changed."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from bot.settings import PROJECT_ROOT

BOT_DIR = PROJECT_ROOT / "bot"
CONFIG = BOT_DIR / "config.yml"
DOMAIN = BOT_DIR / "domain"
STORIES_AND_RULES = BOT_DIR / "data"
NLU_DATA = PROJECT_ROOT / "nlu_data"
#: Code that runs inside the model graph also changes what a model does.
COMPONENT_CODE = BOT_DIR / "nlu"
MODEL_PREFIX = "council-"
KEEP_MODELS = 2


def _files(paths: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            found.extend(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return sorted(found)


def data_fingerprint() -> str:
    """Hash of everything training reads, plus the Rasa version."""
    import rasa

    digest = hashlib.sha256(f"rasa=={rasa.__version__}".encode())
    for path in _files([CONFIG, DOMAIN, STORIES_AND_RULES, NLU_DATA, COMPONENT_CODE]):
        digest.update(str(path.relative_to(PROJECT_ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def model_path(model_dir: Path, fingerprint: str | None = None) -> Path:
    return model_dir / f"{MODEL_PREFIX}{fingerprint or data_fingerprint()}.tar.gz"


def training_seconds_file(model: Path) -> Path:
    """Where the time a model took to train is kept (read by the benchmark)."""
    return model.with_name(model.name.removesuffix(".tar.gz") + ".seconds")


def current_model(model_dir: Path) -> Path | None:
    """The model trained on exactly the current data, if there is one."""
    path = model_path(model_dir)
    return path if path.exists() else None


def train(model_dir: Path, force: bool = False) -> Path:
    """Train with `rasa train` (progress streams to the terminal) unless the model is current."""
    fingerprint = data_fingerprint()
    target = model_path(model_dir, fingerprint)
    if target.exists() and not force:
        print(f"Model is up to date: {target.relative_to(PROJECT_ROOT)}", file=sys.stderr)
        return target
    model_dir.mkdir(parents=True, exist_ok=True)
    print(
        "Training the assistant's language model. This takes a few minutes on a laptop; "
        "progress follows.",
        file=sys.stderr,
    )
    started = time.monotonic()
    command = [
        sys.executable, "-m", "rasa", "train",
        "--config", str(CONFIG),
        "--domain", str(DOMAIN),
        "--data", str(STORIES_AND_RULES), str(NLU_DATA),
        "--out", str(model_dir),
        "--fixed-model-name", target.name.removesuffix(".tar.gz"),
    ]  # fmt: skip
    # Deterministic TensorFlow kernels: with DIET's fixed seed, a clean clone trains the very model
    # a developer tested (two runs from scratch gave identical losses and predictions).
    environment = {**os.environ, "TF_DETERMINISTIC_OPS": "1"}
    result = subprocess.run(command, cwd=PROJECT_ROOT, env=environment)
    if result.returncode != 0 or not target.exists():
        raise RuntimeError("Training failed: see the messages above.")
    seconds = time.monotonic() - started
    training_seconds_file(target).write_text(f"{seconds:.1f}")
    print(f"Trained in {seconds:.0f} s: {target.name}", file=sys.stderr)
    _remove_old_models(model_dir, keep=target)
    return target


def _remove_old_models(model_dir: Path, keep: Path) -> None:
    models = sorted(
        model_dir.glob(f"{MODEL_PREFIX}*.tar.gz"), key=lambda p: p.stat().st_mtime, reverse=True
    )
    for old in [m for m in models if m != keep][KEEP_MODELS - 1 :]:
        old.unlink(missing_ok=True)
        training_seconds_file(old).unlink(missing_ok=True)
