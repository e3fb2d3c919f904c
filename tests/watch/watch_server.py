"""A local HTTP server for the watch tests: 127.0.0.1, an ephemeral port, a daemon thread.

Routes are set per test; each answers with a status, headers and a body, optionally
after a delay, in slow drips, or held until the test releases it. `{base}` in a body is
replaced by the server's address. Every request is recorded.
"""

from __future__ import annotations

import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "watch"


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None  # answers 304 when the request carries it
    delay: float = 0.0  # seconds before the answer
    drip: float = 0.0  # seconds between body bytes (a slow server)
    hold: threading.Event | None = None  # answer only once this is set
    fail_times: int = 0  # answer 500 this many times first
    length: bool = True  # send Content-Length


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        return  # clients that hang up early (timeouts, size limits) are the point of the tests


class FixtureServer:
    def __init__(self, *, tls: bool = False) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        self.arrived: dict[str, threading.Event] = {}
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                return

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                server.record(Seen(self.command, self.path, dict(self.headers), body))
                route = server.routes.get(self.path.split("?", 1)[0])
                if route is None:
                    self._send(Route(b"not here", 404))
                    return
                if route.hold is not None:
                    route.hold.wait(30)  # the server never hangs a test for ever
                if route.delay:
                    threading.Event().wait(route.delay)
                if route.fail_times > 0:
                    route.fail_times -= 1
                    self._send(Route(b"failing", 500))
                    return
                if route.etag is not None and self.headers.get("If-None-Match") == route.etag:
                    self._send(Route(b"", 304, content_type=None, headers={"ETag": route.etag}))
                    return
                self._send(route)

            def _send(self, route: Route) -> None:
                body = route.body.replace(b"{base}", server.base.encode())
                try:
                    self.send_response(route.status)
                    if route.content_type:
                        self.send_header("Content-Type", route.content_type)
                    if route.etag:
                        self.send_header("ETag", route.etag)
                    for key, value in route.headers.items():
                        self.send_header(key, value)
                    if route.length:
                        self.send_header("Content-Length", str(len(body)))
                    else:
                        self.send_header("Connection", "close")
                    self.end_headers()
                    if route.drip:
                        for i in range(len(body)):
                            self.wfile.write(body[i : i + 1])
                            self.wfile.flush()
                            threading.Event().wait(route.drip)
                    else:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    return  # the client stopped reading: that is what some tests want
                if not route.length:
                    self.close_connection = True

            def do_GET(self) -> None:
                self._answer()

            def do_POST(self) -> None:
                self._answer()

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_port}"
        if tls:  # a certificate for the name "localhost" only, no IP address
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(FIXTURES / "localhost-cert.pem", FIXTURES / "localhost-key.pem")
            self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
            self.base = f"https://localhost:{self.httpd.server_port}"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def record(self, seen: Seen) -> None:
        with self._lock:
            self.requests.append(seen)
            self.arrived.setdefault(seen.path.split("?", 1)[0], threading.Event()).set()

    def arrival(self, path: str) -> threading.Event:
        with self._lock:
            return self.arrived.setdefault(path, threading.Event())

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        return sum(1 for seen in self.requests if seen.path.split("?", 1)[0] == path)

    def route(self, path: str, route: Route) -> str:
        self.routes[path] = route
        return self.url(path)

    def fixture(self, path: str, name: str, content_type: str, **options: object) -> str:
        return self.route(
            path,
            Route((FIXTURES / name).read_bytes(), content_type=content_type, **options),  # type: ignore[arg-type]
        )


@contextmanager
def running_server(*, tls: bool = False) -> Iterator[FixtureServer]:
    server = FixtureServer(tls=tls)
    server.thread.start()
    try:
        yield server
    finally:
        for route in server.routes.values():
            if route.hold is not None:
                route.hold.set()
        server.httpd.shutdown()
        server.httpd.server_close()
