"""The feeds file: the documented example parses; mistakes are named with FP106."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.errors import ConfigError
from flashpoint.watch import load_watch_config, parse_watch_config
from flashpoint.watch.hooks import recent_period_labels

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests" / "fixtures" / "watch" / "feeds.toml"


def test_the_example_feeds_file_lists_every_kind_of_source() -> None:
    config = load_watch_config(EXAMPLE)
    assert [(s.kind, s.outlet, s.interval) for s in config.sources] == [
        ("feed", "Example News", 600.0),
        ("feed", "Example Wire", 900.0),
        ("sitemap", "Example Daily", 1800.0),
        ("page", "Example Ministry", 3600.0),
    ]
    assert all(s.language == "en" for s in config.sources)
    assert config.policy.allow_private is False
    assert config.policy.host_interval == 1.0
    assert config.alerts.webhooks == ("https://hooks.example.org/flashpoint",)
    assert config.alerts.email is not None
    assert config.alerts.email.recipients == ("analyst@example.org",)


def test_the_smtp_password_comes_from_the_named_variable_and_is_not_shown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FLASHPOINT_SMTP_PASSWORD", "s3cret")
    config = load_watch_config(EXAMPLE)
    assert config.alerts.email is not None
    assert config.alerts.email.password == "s3cret"
    assert "s3cret" not in repr(config)


def test_the_example_in_the_docs_is_the_tested_fixture() -> None:
    docs = (ROOT / "docs" / "WATCH.md").read_text(encoding="utf-8")
    assert EXAMPLE.read_text(encoding="utf-8").strip() in docs


def test_allow_private_from_the_flag_overrides_the_file() -> None:
    config = parse_watch_config('[[feed]]\nurl = "http://intranet.local/rss"\n')
    assert not config.policy.allow_private
    assert config.with_private_allowed().policy.allow_private


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[feed]\n", "not valid TOML"),
        ("", "lists no [[feed]]"),
        ('[[feed]]\nurl = "file:///etc/passwd"\n', "not an http or https URL"),
        ('[[feed]]\nurl = "ftp://example.org/rss"\n', "not an http or https URL"),
        (
            '[[feed]]\nurl = "https://a.example/rss"\n[[page]]\nurl = "https://a.example/rss"\n',
            "listed twice",
        ),
        ('[[feed]]\nurl = "https://a.example/rss"\ninterval = "soon"\n', "duration"),
        ('[[feed]]\nurl = "https://a.example/rss"\ncolour = "red"\n', "unknown key(s) colour"),
        ('allow_private = "yes"\n[[feed]]\nurl = "https://a.example/rss"\n', "true or false"),
        ('[defaults]\ntimout = 3\n[[feed]]\nurl = "https://a.example/rss"\n', "timout"),
        (
            '[[feed]]\nurl = "https://a.example/rss"\n[alerts]\nfreq = "hour"\n',
            "day, week or month",
        ),
        ('[[feed]]\nurl = "https://a.example/rss"\n[alerts.email]\nhost = "smtp"\n', "needs 'to'"),
    ],
)
def test_feeds_file_mistakes_are_named(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_watch_config(text, "feeds.toml")
    assert caught.value.code == "FP106"
    assert message in caught.value.message
    assert caught.value.source == "feeds.toml"


@pytest.mark.parametrize(
    ("value", "seconds"),
    [(600, 600.0), ("90s", 90.0), ("15m", 900.0), ("2h", 7200.0), ("1d", 86400.0)],
)
def test_intervals_are_seconds_or_durations(value: object, seconds: float) -> None:
    literal = f'"{value}"' if isinstance(value, str) else str(value)
    config = parse_watch_config(f'[[feed]]\nurl = "https://a.example/rss"\ninterval = {literal}\n')
    assert config.sources[0].interval == seconds


def test_recent_periods_are_this_one_and_the_ones_before() -> None:
    from datetime import date

    assert recent_period_labels(date(2024, 4, 2), "week", 2) == {"2024-W14", "2024-W13"}
    assert recent_period_labels(date(2024, 4, 2), "month", 2) == {"2024-04", "2024-03"}
    assert recent_period_labels(date(2024, 4, 2), "day", 1) == {"2024-04-02"}
