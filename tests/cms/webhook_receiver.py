"""A webhook receiver on a free 127.0.0.1 port that verifies every notice with the official
Standard Webhooks library, and answers as told (e.g. 503 twice, then 200)."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks import Webhook, WebhookVerificationError

from tests.cms.loopback import unused_port


class Receiver:
    """`received`: each request as (headers, verified payload or None), and `bodies` as sent;
    `secret` verifies them.
    `answers`: the status codes to answer with, in turn, then 200; `hold` keeps answers back
    until it is set."""

    def __init__(self):
        self.secret = None
        self.answers = []
        self.retry_after = None
        self.received = []
        self.bodies = []
        self.arrived = threading.Event()
        self.hold = threading.Event()
        self.hold.set()
        self.server = ThreadingHTTPServer(("127.0.0.1", unused_port()), self.handler())
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks"

    def handler(self):
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                headers = {name.lower(): value for name, value in self.headers.items()}
                receiver.bodies.append(body)
                receiver.received.append((headers, receiver.verified(body, headers)))
                receiver.arrived.set()
                receiver.hold.wait(timeout=30)
                status = receiver.answers.pop(0) if receiver.answers else 200
                self.send_response(status)
                if receiver.retry_after and status != 200:
                    self.send_header("Retry-After", receiver.retry_after)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        return Handler

    def verified(self, body, headers):
        try:
            return Webhook(self.secret).verify(body, headers)
        except WebhookVerificationError:
            return None

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.hold.set()
        self.server.shutdown()
        self.server.server_close()
