"""Clients that trickle their request one byte a second (as a slowloris attack does), over TLS
on loopback: some never finish their headers, some never finish their body."""

from __future__ import annotations

import socket
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

# The paths name the slow clients, so a server's access log shows whether any reached it.
HEADER_START = b"GET /?slow-header HTTP/1.1\r\nHost: 127.0.0.1\r\n"
BODY_START = (
    b"POST /sign-in?slow-body HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 64\r\n\r\n"
)


class Trickle:
    """Sends one more byte on every socket each second, until stopped or `seconds` are up."""

    def __init__(self, sockets: list[ssl.SSLSocket], seconds: float) -> None:
        self.sockets = sockets
        self.dropped: list[ssl.SSLSocket] = []
        self.deadline = time.monotonic() + seconds
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.wait(1.0) and time.monotonic() < self.deadline:
            for sock in self.sockets:
                if sock in self.dropped:
                    continue
                try:
                    sock.sendall(b"x")
                except OSError:  # the server closed it
                    self.dropped.append(sock)

    @property
    def running(self) -> bool:
        return self.thread.is_alive()

    def finish(self) -> None:
        self.stop.set()
        self.thread.join(timeout=5)

    def still_waiting(self) -> int:
        """How many clients have had no answer, nor been closed on (call after finish)."""
        waiting = 0
        for sock in self.sockets:
            sock.setblocking(False)
            try:
                sock.recv(1)
            except ssl.SSLWantReadError:  # nothing but TLS housekeeping has arrived
                waiting += sock not in self.dropped
            except OSError:
                pass
        return waiting


@contextmanager
def trickling(
    port: int, tls: ssl.SSLContext, headers: int, bodies: int, seconds: float
) -> Iterator[Trickle]:
    """`headers` + `bodies` slow clients of https://127.0.0.1:`port`, all closed on exit."""
    with ExitStack() as opened:
        sockets = []
        for start in [HEADER_START] * headers + [BODY_START] * bodies:
            raw = opened.enter_context(socket.create_connection(("127.0.0.1", port), timeout=5))
            sock = opened.enter_context(tls.wrap_socket(raw, server_hostname="127.0.0.1"))
            sock.sendall(start)
            sockets.append(sock)
        trickle = Trickle(sockets, seconds)
        try:
            yield trickle
        finally:
            trickle.finish()
