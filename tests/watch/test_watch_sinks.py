"""Alert sinks: a webhook receiver on loopback gets the alert's JSON; email goes over SMTP;
a failing sink is reported and the alert is tried again later."""

from __future__ import annotations

import json
import logging
import smtplib
from collections.abc import Iterator
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from flashpoint.ingest.fetch import Fetcher, FetchPolicy
from flashpoint.models import Alert
from flashpoint.store import Store
from flashpoint.store.watch_state import WatchState
from flashpoint.watch import LogSink, WebhookSink, deliver_alerts
from flashpoint.watch.config import EmailSettings
from flashpoint.watch.sinks import EmailSink
from watch.watch_server import FixtureServer, Route, running_server

ALERT = Alert(
    alert_id="al-prk-kor-2024-W14",
    actor="PRK",
    recipient="KOR",
    period="2024-W14",
    kind="escalation",
    value=3.1,
    baseline=0.6,
    message="North Korea toward South Korea: hostility rose well above its usual level",
    story_ids=("st-launch", "st-drills"),
    created_at=datetime(2024, 4, 5, 12, 0, tzinfo=UTC),
)


@pytest.fixture
def server() -> Iterator[FixtureServer]:
    with running_server() as running:
        yield running


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    policy = FetchPolicy(retries=1, backoff=0.01, host_interval=0.0, allow_private=True)
    with Fetcher(policy) as opened:
        yield opened


def test_the_webhook_receives_the_alert_as_json(server: FixtureServer, fetcher: Fetcher) -> None:
    url = server.route("/hook", Route(b"", status=204, content_type=None))
    delivery = deliver_alerts([ALERT], [WebhookSink(url, fetcher)])
    assert delivery.sent == [ALERT.alert_id]
    (seen,) = server.requests
    assert seen.method == "POST"
    assert seen.headers["Content-Type"] == "application/json"
    payload = json.loads(seen.body)
    assert payload["type"] == "flashpoint.alert"
    assert payload["alert"] == ALERT.to_dict()
    assert payload["alert"]["story_ids"] == ["st-launch", "st-drills"]


def test_a_failing_webhook_is_reported_and_the_alert_is_sent_later(
    server: FixtureServer, fetcher: Fetcher, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    url = server.route("/hook", Route(b"busy", status=503, content_type="text/plain"))
    with Store(tmp_path / "alerts.duckdb") as store:
        state = WatchState(store)
        with caplog.at_level(logging.ERROR, logger="flashpoint.watch"):
            failed = deliver_alerts([ALERT], [WebhookSink(url, fetcher)], state)
        assert failed.sent == []
        assert "HTTP 503" in failed.failures[0]
        assert "[FP509]" in caplog.text
        server.routes["/hook"] = Route(b"", status=200)
        again = deliver_alerts([ALERT], [WebhookSink(url, fetcher)], state)
        assert again.sent == [ALERT.alert_id]
        assert deliver_alerts([ALERT], [WebhookSink(url, fetcher)], state).sent == []
    assert server.hits("/hook") == 3  # a try and a retry, then the delivery; none after


def test_a_webhook_on_a_private_address_is_refused_without_allow_private(
    server: FixtureServer,
) -> None:
    url = server.route("/hook", Route(b""))
    with Fetcher(FetchPolicy(host_interval=0.0)) as strict:
        delivery = deliver_alerts([ALERT], [WebhookSink(url, strict)])
    assert delivery.sent == []
    assert "loopback" in delivery.failures[0]
    assert server.hits("/hook") == 0


def test_the_log_sink_writes_one_line_per_alert(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="flashpoint.watch"):
        delivery = deliver_alerts([ALERT], [LogSink()])
    assert delivery.sent == [ALERT.alert_id]
    (record,) = caplog.records
    assert "ALERT escalation PRK->KOR 2024-W14" in record.getMessage()
    assert "st-launch" in record.getMessage()


class FakeSMTP:
    sent: list[EmailMessage] = []  # noqa: RUF012 - collects across instances on purpose
    calls: list[str] = []  # noqa: RUF012

    def __init__(self, host: str, port: int, timeout: float) -> None:
        self.calls.append(f"connect {host}:{port}")

    def __enter__(self) -> FakeSMTP:
        return self

    def __exit__(self, *exc: object) -> None:
        self.calls.append("quit")

    def starttls(self, context: Any) -> None:
        self.calls.append("starttls")

    def login(self, user: str, password: str) -> None:
        self.calls.append(f"login {user}")

    def send_message(self, message: EmailMessage) -> None:
        self.sent.append(message)


def test_the_email_sink_sends_over_starttls_with_a_readable_subject(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(smtplib, "SMTP", FakeSMTP)
    FakeSMTP.sent.clear()
    FakeSMTP.calls.clear()
    settings = EmailSettings(
        host="smtp.example.org",
        port=587,
        sender="flashpoint@example.org",
        recipients=("analyst@example.org",),
        username="flashpoint",
        password="s3cret",
    )
    assert deliver_alerts([ALERT], [EmailSink(settings)]).sent == [ALERT.alert_id]
    assert FakeSMTP.calls == [
        "connect smtp.example.org:587",
        "starttls",
        "login flashpoint",
        "quit",
    ]
    (message,) = FakeSMTP.sent
    assert message["Subject"] == "[flashpoint] escalation: PRK->KOR 2024-W14"
    assert message["To"] == "analyst@example.org"
    assert ALERT.message in message.get_content()


def test_an_unreachable_smtp_server_is_an_fp509_failure() -> None:
    settings = EmailSettings(
        host="127.0.0.1",
        port=9,  # discard: nothing listens
        sender="flashpoint@example.org",
        recipients=("analyst@example.org",),
        timeout=2.0,
    )
    delivery = deliver_alerts([ALERT], [EmailSink(settings)])
    assert delivery.sent == []
    assert "SMTP server 127.0.0.1:9" in delivery.failures[0]
