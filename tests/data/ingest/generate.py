#!/usr/bin/env python3
"""Regenerate the binary test inputs of tests/data/ingest/ (deterministic output).

  article2-cp1256.html  article2.html re-encoded in windows-1256 (charset declared)
  sample.warc.gz        a WARC/1.1 file, one gzip member per record, as CC-NEWS:
                        warcinfo, request, response (article1.html, chunked + gzip),
                        response (article2-cp1256.html), a 404 response, an image
                        response, a revisit, and a response whose HTTP payload is a
                        feed (not HTML)
  sample.warc           the same records uncompressed, WARC/1.0
"""
import gzip, io, os

HERE = os.path.dirname(os.path.abspath(__file__))


def read(name):
    with open(os.path.join(HERE, name), "rb") as f:
        return f.read()


def record(version, wtype, uri, date, rid, block, ctype):
    h = [f"WARC/{version}", f"WARC-Type: {wtype}", f"WARC-Record-ID: <urn:uuid:{rid}>",
         f"WARC-Date: {date}"]
    if uri:
        h.append(f"WARC-Target-URI: {uri}")
    h += [f"Content-Type: {ctype}", f"Content-Length: {len(block)}"]
    return ("\r\n".join(h) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def http(status, headers, body):
    lines = [f"HTTP/1.1 {status}"] + [f"{k}: {v}" for k, v in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def chunked(body, size=300):
    out = b""
    for i in range(0, len(body), size):
        part = body[i:i + size]
        out += b"%x\r\n" % len(part) + part + b"\r\n"
    return out + b"0\r\n\r\n"


def gz(data):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as g:
        g.write(data)
    return buf.getvalue()


def main():
    a2 = read("article2.html").decode("utf-8").replace("charset=utf-8", "charset=windows-1256")
    cp = a2.encode("cp1256")
    with open(os.path.join(HERE, "article2-cp1256.html"), "wb") as f:
        f.write(cp)
    a1 = read("article1.html")
    recs = [
        ("warcinfo", None, b"software: rasid tests/data/ingest/generate.py\r\nformat: WARC File Format 1.1\r\n",
         "application/warc-fields"),
        ("request", "https://alofoq.example/news/2024/03/idlib-shelling",
         b"GET /news/2024/03/idlib-shelling HTTP/1.1\r\nHost: alofoq.example\r\n\r\n",
         "application/http; msgtype=request"),
        ("response", "https://alofoq.example/news/2024/03/idlib-shelling",
         http("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip"),
                         ("Transfer-Encoding", "chunked")], chunked(gz(a1))),
         "application/http; msgtype=response"),
        ("response", "https://bawaba.example/libya/tripoli-clashes-2024",
         http("200 OK", [("Content-Type", "text/html; charset=windows-1256"),
                         ("Content-Length", str(len(cp)))], cp),
         "application/http; msgtype=response"),
        ("response", "https://alofoq.example/missing",
         http("404 Not Found", [("Content-Type", "text/html")], b"<html><body><p>not found</p></body></html>"),
         "application/http; msgtype=response"),
        ("response", "https://alofoq.example/img/idlib.jpg",
         http("200 OK", [("Content-Type", "image/jpeg")], b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"),
         "application/http; msgtype=response"),
        ("revisit", "https://alofoq.example/news/2024/03/idlib-shelling",
         http("200 OK", [("Content-Type", "text/html")], b""),
         "application/http; msgtype=response"),
        ("response", "https://alofoq.example/rss.xml",
         http("200 OK", [("Content-Type", "application/rss+xml")], read("feed_rss.xml")),
         "application/http; msgtype=response"),
    ]
    members = []
    plain = b""
    for i, (t, uri, block, ct) in enumerate(recs):
        rid = f"00000000-0000-4000-8000-{i:012d}"
        members.append(gz(record("1.1", t, uri, "2024-03-05T09:00:%02dZ" % i, rid, block, ct)))
        plain += record("1.0", t, uri, "2024-03-05T09:00:%02dZ" % i, rid, block, ct)
    with open(os.path.join(HERE, "sample.warc.gz"), "wb") as f:
        f.write(b"".join(members))
    with open(os.path.join(HERE, "sample.warc"), "wb") as f:
        f.write(plain)


if __name__ == "__main__":
    main()
