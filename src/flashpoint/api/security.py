"""Server hardening: security headers, request size limits, host check and write tokens.

- Every response carries a Content-Security-Policy that allows scripts, styles and
  images from this origin only (no inline script, no eval), forbids framing
  (frame-ancestors 'none'), and `X-Content-Type-Options: nosniff`.
- Bodies larger than `max_body_bytes` and URLs with over-long query strings are
  refused (413, 414) before any route runs, whether or not Content-Length is sent.
- No CORS headers are sent: browsers keep other sites from reading the API.
- Writes need `Authorization: Bearer <api_token>`, compared in constant time.
"""

from __future__ import annotations

import hmac
import json
from typing import Any

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; object-src 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)
MAX_QUERY_BYTES = 4096


async def _send_error(send: Send, status: int, message: str) -> None:
    body = json.dumps({"detail": message}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class HardeningMiddleware:
    """Adds the security headers and enforces the size limits (pure ASGI: no buffering)."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > MAX_QUERY_BYTES:
            await _send_error(send, 414, f"the query string is longer than {MAX_QUERY_BYTES} bytes")
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_body_bytes:
            await _send_error(send, 413, self._too_large)
            return
        received = 0
        started = False
        refused = False

        async def limited_receive() -> Message:
            # Past the limit the client gets its 413 at once and the app sees a disconnect,
            # so no route ever parses a body larger than the limit.
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    refused = True
                    if not started:
                        await _send_error(send, 413, self._too_large)
                    return {"type": "http.disconnect"}
            return message

        async def secured_send(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the 413 has been sent; drop whatever the app answers
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                # A route may set a stricter or page-specific policy; others get the default.
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message = {**message, "headers": [*headers, *extra]}
            await send(message)

        try:
            await self.app(scope, limited_receive, secured_send)
        except Exception:
            if not refused:
                raise

    @property
    def _too_large(self) -> str:
        return f"the request body is larger than {self.max_body_bytes} bytes"


def _content_length(scope: Scope) -> int | None:
    for key, value in scope.get("headers", []):
        if key == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def token_matches(given: str, expected: str) -> bool:
    """Compare a presented token with the configured one in constant time."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def require_write_token(request: Request) -> None:
    """Dependency for write routes: 403 when writes are off, 401 without the right token."""
    expected: str | None = request.app.state.settings.api_token
    if not expected:
        raise HTTPException(
            403,
            "writes are disabled: set api_token in the flashpoint config file "
            "(or FLASHPOINT_API_TOKEN) and restart `flashpoint serve`",
        )
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given or not token_matches(given.strip(), expected):
        raise HTTPException(
            401,
            "a valid 'Authorization: Bearer <token>' header is needed to write",
            headers={"WWW-Authenticate": "Bearer"},
        )


def json_error(detail: Any) -> dict[str, Any]:
    return {"detail": detail}
