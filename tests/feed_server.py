#!/usr/bin/env python3
"""A local HTTP server for rasid's ingest tests: 127.0.0.1, a free port chosen by the
kernel, printed as the first line of standard output ("PORT 12345"). Started and stopped
(SIGTERM) by the test that needs it; nothing here reaches the internet.

Usage: feed_server.py DATA_DIR

Paths
  /feed.xml           an RSS feed whose items link to /article/1, /article/2, /gone;
                      ETag "feed-1", 304 when If-None-Match matches
  /atom.xml           an Atom feed with one entry linking to /article/1
  /article/1          DATA_DIR/article1.html (ETag "a1", Last-Modified)
  /article/2          DATA_DIR/article2-cp1256.html, charset=windows-1256 in the header
  /gone               404
  /etag               200 "fresh body" with ETag "v1" and Last-Modified; 304 when the
                      request's If-None-Match is "v1" or If-Modified-Since is present
  /flaky              500 on the first request, 200 afterwards (per server)
  /always500          500
  /slow               waits 3 seconds before answering
  /big                2 MiB with Content-Length; /big-stream the same without it
  /redirect           302 to /etag;  /loop  302 to itself;  /to-ftp  302 to ftp://
  /malformed.xml      a feed with broken XML (an unclosed element)
  /ua                 echoes the User-Agent
  /feeds.txt          (unused by the server itself)
"""
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DATA = sys.argv[1] if len(sys.argv) > 1 else "."
STATE = {"flaky": 0}
LOCK = threading.Lock()


def read(name):
    with open(os.path.join(DATA, name), "rb") as f:
        return f.read()


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>خادم الاختبار</title><link>http://127.0.0.1:{port}/</link>
<item><title>مقتل خمسة مدنيين في قصف على ريف إدلب</title><link>http://127.0.0.1:{port}/article/1</link>
<guid>http://127.0.0.1:{port}/article/1</guid><pubDate>Tue, 05 Mar 2024 08:30:00 +0300</pubDate>
<description>وصف قصير للخبر الأول.</description></item>
<item><title>اشتباكات في طرابلس</title><link>http://127.0.0.1:{port}/article/2</link>
<guid>tripoli-2</guid><pubDate>Sun, 11 Feb 2024 21:10:00 +0200</pubDate>
<description>وصف قصير للخبر الثاني.</description></item>
<item><title>خبر حذف من الموقع</title><link>http://127.0.0.1:{port}/gone</link>
<guid>gone-3</guid><pubDate>Mon, 04 Mar 2024 10:00:00 +0300</pubDate>
<description>اعتقلت الشرطة ثلاثة أشخاص في بغداد.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>أطلس</title><id>urn:x</id><updated>2024-03-05T10:00:00Z</updated>
<entry><title>مقتل خمسة مدنيين</title><link href="http://127.0.0.1:{port}/article/1"/><id>urn:a1</id>
<published>2024-03-05T08:30:00+03:00</published><summary>ملخص</summary></entry></feed>
"""


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, code, body=b"", ctype="text/plain; charset=utf-8", headers=(), length=True):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        if length:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD" and body:
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    def do_GET(self):
        port = self.server.server_address[1]
        p = self.path.split("?")[0]
        inm = self.headers.get("If-None-Match")
        if p == "/feed.xml":
            if inm == '"feed-1"':
                return self.send(304, headers=[("ETag", '"feed-1"')])
            return self.send(200, RSS.format(port=port).encode(), "application/rss+xml; charset=utf-8",
                             [("ETag", '"feed-1"')])
        if p == "/atom.xml":
            return self.send(200, ATOM.format(port=port).encode(), "application/atom+xml")
        if p == "/article/1":
            if inm == '"a1"':
                return self.send(304, headers=[("ETag", '"a1"')])
            return self.send(200, read("article1.html"), "text/html; charset=utf-8",
                             [("ETag", '"a1"'), ("Last-Modified", "Tue, 05 Mar 2024 08:30:00 GMT")])
        if p == "/article/2":
            return self.send(200, read("article2-cp1256.html"), "text/html; charset=windows-1256")
        if p == "/etag":
            if inm == '"v1"' or self.headers.get("If-Modified-Since"):
                return self.send(304, headers=[("ETag", '"v1"')])
            return self.send(200, b"fresh body", headers=[("ETag", '"v1"'),
                                                           ("Last-Modified", "Mon, 04 Mar 2024 10:00:00 GMT")])
        if p == "/flaky":
            with LOCK:
                STATE["flaky"] += 1
                n = STATE["flaky"]
            if n == 1:
                return self.send(500, b"try again")
            return self.send(200, b"recovered")
        if p == "/always500":
            return self.send(500, b"broken")
        if p == "/slow":
            time.sleep(3)
            return self.send(200, b"late")
        if p == "/big":
            return self.send(200, b"x" * (2 << 20))
        if p == "/big-stream":
            return self.send(200, b"y" * (2 << 20), length=False)
        if p == "/redirect":
            return self.send(302, headers=[("Location", "/etag")])
        if p == "/loop":
            return self.send(302, headers=[("Location", "/loop")])
        if p == "/to-ftp":
            return self.send(302, headers=[("Location", "ftp://127.0.0.1/file")])
        if p == "/malformed.xml":
            return self.send(200, b"<?xml version='1.0'?><rss><channel><item><title>a</title></channel></rss>",
                             "application/rss+xml")
        if p == "/ua":
            return self.send(200, (self.headers.get("User-Agent") or "").encode())
        return self.send(404, b"not found")


class Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # clients that give up (timeouts, size caps) reset connections: expected


def main():
    srv = Server(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    signal.signal(signal.SIGTERM, lambda *a: (_ for _ in ()).throw(SystemExit(0)))
    print("PORT %d" % srv.server_address[1], flush=True)
    try:
        srv.serve_forever(poll_interval=0.1)
    except (SystemExit, KeyboardInterrupt):
        pass


if __name__ == "__main__":
    main()
