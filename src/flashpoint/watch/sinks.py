"""Where alerts go: the log, webhooks (a POST of the alert's JSON) and email over SMTP.

A sink that fails is logged with FP509 and never stops the watcher. An alert counts as
delivered once at least one sink took it; delivered alerts are remembered in the store,
so a restart does not send them again (one that was sent just before a `kill -9` and
not yet recorded is sent once more: delivery is at least once).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import TYPE_CHECKING, Protocol

from flashpoint.ingest.fetch import Fetcher, FetchError, send_mail
from flashpoint.models import Alert

if TYPE_CHECKING:
    from flashpoint.store.watch_state import WatchState
    from flashpoint.watch.config import AlertSettings, EmailSettings

log = logging.getLogger("flashpoint.watch")


class AlertSink(Protocol):
    name: str

    def send(self, alert: Alert) -> None:
        """Deliver one alert; raise FetchError (FP509 or a network code) when it fails."""


def alert_json(alert: Alert) -> bytes:
    """The webhook body: the alert's JSON form (docs/RECORDS.md) under a type tag."""
    return json.dumps({"type": "flashpoint.alert", "alert": alert.to_dict()}).encode("utf-8")


class LogSink:
    name = "log"

    def send(self, alert: Alert) -> None:
        dyad = f"{alert.actor}->{alert.recipient}" if alert.recipient else alert.actor
        log.warning(
            "ALERT %s %s %s: %s (value %.2f, baseline %.2f; stories %s)",
            alert.kind,
            dyad,
            alert.period,
            alert.message,
            alert.value,
            alert.baseline,
            ", ".join(alert.story_ids) or "-",
        )


@dataclass
class WebhookSink:
    url: str
    fetcher: Fetcher
    name: str = "webhook"

    def send(self, alert: Alert) -> None:
        self.fetcher.post_json(self.url, alert_json(alert))


@dataclass
class EmailSink:
    settings: EmailSettings
    name: str = "email"

    def send(self, alert: Alert) -> None:
        message = EmailMessage()
        dyad = f"{alert.actor}->{alert.recipient}" if alert.recipient else alert.actor
        message["Subject"] = f"[flashpoint] {alert.kind}: {dyad} {alert.period}"
        message["From"] = self.settings.sender
        message["To"] = ", ".join(self.settings.recipients)
        message.set_content(
            f"{alert.message}\n\nvalue {alert.value:.2f}, baseline {alert.baseline:.2f}\n"
            f"stories: {', '.join(alert.story_ids) or '-'}\n\n"
            + json.dumps(alert.to_dict(), indent=2)
        )
        send_mail(
            message,
            host=self.settings.host,
            port=self.settings.port,
            starttls=self.settings.starttls,
            username=self.settings.username,
            password=self.settings.password,
            timeout=self.settings.timeout,
        )


def build_sinks(settings: AlertSettings, fetcher: Fetcher) -> list[AlertSink]:
    sinks: list[AlertSink] = [LogSink()] if settings.log else []
    sinks += [WebhookSink(url, fetcher) for url in settings.webhooks]
    if settings.email is not None:
        sinks.append(EmailSink(settings.email))
    return sinks


@dataclass(slots=True)
class Delivery:
    sent: list[str] = field(default_factory=list)  # alert ids delivered
    failures: list[str] = field(default_factory=list)  # "alert id via sink: reason"


def deliver_alerts(
    alerts: Sequence[Alert], sinks: Sequence[AlertSink], state: WatchState | None = None
) -> Delivery:
    """Send the alerts not yet delivered to every sink; record those at least one sink took."""
    delivery = Delivery()
    unsent = state.unsent_alerts([a.alert_id for a in alerts]) if state else None
    for alert in alerts:
        if unsent is not None and alert.alert_id not in unsent:
            continue
        took: list[str] = []
        for sink in sinks:
            try:
                sink.send(alert)
            except FetchError as exc:
                delivery.failures.append(f"{alert.alert_id} via {sink.name}: {exc.message}")
                log.error(
                    "[FP509] alert %s not delivered via %s: %s",
                    alert.alert_id,
                    sink.name,
                    exc.message,
                )
                continue
            took.append(sink.name)
        if took:
            delivery.sent.append(alert.alert_id)
            if state is not None:
                state.record_alert(alert.alert_id, took)
    return delivery
