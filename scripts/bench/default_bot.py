"""The comparison bot: our domain and data trained with Rasa's default `rasa init` config."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import rasa

from bot.cli.model_store import DOMAIN, NLU_DATA, STORIES_AND_RULES, data_fingerprint

RASA_INIT_CONFIG = Path(rasa.__file__).parent / "cli" / "initial_project" / "config.yml"


def train_default(workdir: Path) -> tuple[Path, float | None]:
    """Train (or reuse) the default-config model; returns it and the training seconds."""
    workdir.mkdir(parents=True, exist_ok=True)
    name = f"default-{data_fingerprint()}"
    model = workdir / f"{name}.tar.gz"
    timing = workdir / f"{name}.seconds"
    if model.exists() and timing.exists():
        return model, float(timing.read_text())
    config = workdir / "config.yml"
    shutil.copy(RASA_INIT_CONFIG, config)
    started = time.monotonic()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "rasa",
            "train",
            "--config",
            str(config),
            "--domain",
            str(DOMAIN),
            "--data",
            str(STORIES_AND_RULES),
            str(NLU_DATA),
            "--out",
            str(workdir),
            "--fixed-model-name",
            name,
        ],  # fmt: skip
        check=True,
    )
    seconds = time.monotonic() - started
    timing.write_text(f"{seconds:.1f}")
    return model, seconds


def write_rest_config(workdir: Path, action_url: str) -> tuple[Path, Path]:
    """Endpoints (our action server, in-memory tracker) and credentials (REST only)."""
    endpoints = workdir / "endpoints.yml"
    endpoints.write_text(f"action_endpoint:\n  url: {action_url}\n")
    credentials = workdir / "credentials.yml"
    credentials.write_text("rest:\n")
    return endpoints, credentials
