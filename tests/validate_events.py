#!/usr/bin/env python3
"""tests/validate_events.py DOCS EVENTS — check rasid's event records against the contract
(docs/schema.md, after ../shared/SCHEMA.md).

DOCS is what `rasid extract` read: a JSON Lines file of records with "id" and "text", or
plain-text files (doc id = file name without directory and extension). EVENTS is its JSON
Lines output. Checks, for every record: the keys and their order, the types and the
enumerations, and that every span's text is exactly the document's bytes [start:end).
Prints "ok: N events" or one line per problem, and exits 1 on any problem.
"""
import json
import os
import sys

KEYS = ["id", "doc", "type", "mode", "context", "modality", "acled", "cameo", "actor",
        "recipient", "location", "date", "size", "fatalities", "evidence", "confidence",
        "summary"]
ENTITY = ["name", "text", "start", "end", "id", "kind", "sector", "country"]
LOCATION = ["name", "text", "start", "end", "country", "admin1", "lat", "lon", "geonameid",
            "precision"]
DATE = ["value", "precision", "text", "start", "end"]
SIZE = ["dead", "injured", "arrested", "hostages", "qualifiers"]
TYPES = set("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT "
            "THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT".split())
MODALITIES = {"asserted", "negated", "future", "hypothetical", "historical"}
KINDS = {"state", "force", "group", "org", "person", "civilians", "unknown"}
PLACE_PRECISION = {"site", "city", "admin2", "admin1", "country", "region"}
DATE_PRECISION = {"day", "week", "month", "year"}
QUALIFIERS = {"exact", "more_than", "less_than", "about", "at_least", "at_most", "dozens",
              "hundreds", "thousands", "several"}


def load_docs(paths):
    docs = {}
    for p in paths:
        if os.path.isdir(p):
            for dirpath, dirnames, files in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith("."):
                        docs.update(load_docs([os.path.join(dirpath, f)]))
            continue
        data = open(p, "rb").read()
        if p.endswith((".jsonl", ".ndjson")) or data.lstrip()[:1] == b"{":
            for line in data.decode("utf-8").splitlines():
                if line.strip():
                    rec = json.loads(line)
                    if isinstance(rec, dict) and isinstance(rec.get("text"), str):
                        docs[str(rec.get("id"))] = rec["text"].encode("utf-8")
        else:
            base = os.path.basename(p)
            stem = base.rsplit(".", 1)[0] if "." in base[1:] else base
            docs[stem] = data
    return docs


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    docs = load_docs(sys.argv[1:-1])
    problems = []
    n = 0
    ids = set()

    def bad(ev, msg):
        problems.append("%s: %s" % (ev.get("id", "?") if isinstance(ev, dict) else "?", msg))

    def span(ev, what, obj, text_key="text"):
        doc = docs.get(ev.get("doc"))
        s, e = obj.get("start"), obj.get("end")
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s <= e):
            bad(ev, "%s: bad span %r-%r" % (what, s, e))
            return
        if doc is None:
            bad(ev, "unknown doc %r" % ev.get("doc"))
            return
        if e > len(doc):
            bad(ev, "%s: span %d-%d beyond the document (%d bytes)" % (what, s, e, len(doc)))
            return
        want = doc[s:e].decode("utf-8", errors="replace")
        if obj.get(text_key) != want:
            bad(ev, "%s: text %r is not doc[%d:%d] = %r" % (what, obj.get(text_key), s, e, want))

    for lineno, line in enumerate(open(sys.argv[-1], encoding="utf-8"), 1):
        if not line.strip():
            continue
        n += 1
        try:
            ev = json.loads(line)
        except ValueError as ex:
            problems.append("line %d: not JSON: %s" % (lineno, ex))
            continue
        if list(ev.keys()) != KEYS:
            bad(ev, "keys %s, expected %s" % (list(ev.keys()), KEYS))
            continue
        if ev["id"] in ids:
            bad(ev, "duplicate id")
        ids.add(ev["id"])
        if ev["type"] not in TYPES:
            bad(ev, "type %r" % ev["type"])
        if ev["mode"] is not None and not isinstance(ev["mode"], str):
            bad(ev, "mode %r" % ev["mode"])
        if not isinstance(ev["context"], list) or not all(isinstance(c, str) for c in ev["context"]):
            bad(ev, "context %r" % ev["context"])
        if ev["modality"] not in MODALITIES:
            bad(ev, "modality %r" % ev["modality"])
        a = ev["acled"]
        if a is not None and (not isinstance(a, dict) or list(a.keys()) != ["event_type", "sub_event_type"]):
            bad(ev, "acled %r" % a)
        if not isinstance(ev["cameo"], str) or not ev["cameo"].isdigit():
            bad(ev, "cameo %r" % ev["cameo"])
        for role in ("actor", "recipient"):
            if not isinstance(ev[role], list):
                bad(ev, "%s is not a list" % role)
                continue
            for ent in ev[role]:
                if list(ent.keys()) != ENTITY:
                    bad(ev, "%s keys %s" % (role, list(ent.keys())))
                    continue
                if ent["kind"] not in KINDS:
                    bad(ev, "%s kind %r" % (role, ent["kind"]))
                span(ev, role, ent)
        loc = ev["location"]
        if loc is not None:
            if list(loc.keys()) != LOCATION:
                bad(ev, "location keys %s" % list(loc.keys()))
            else:
                if loc["precision"] not in PLACE_PRECISION:
                    bad(ev, "location precision %r" % loc["precision"])
                span(ev, "location", loc)
        d = ev["date"]
        if d is not None:
            if list(d.keys()) != DATE:
                bad(ev, "date keys %s" % list(d.keys()))
            else:
                if d["precision"] not in DATE_PRECISION:
                    bad(ev, "date precision %r" % d["precision"])
                v = d["value"] or ""
                if len(v) not in (4, 7, 10):
                    bad(ev, "date value %r" % v)
                span(ev, "date", d)
        sz = ev["size"]
        if not isinstance(sz, dict) or list(sz.keys()) != SIZE:
            bad(ev, "size %r" % sz)
        else:
            for k in SIZE[:4]:
                if sz[k] is not None and (not isinstance(sz[k], int) or sz[k] < 0):
                    bad(ev, "size.%s %r" % (k, sz[k]))
            for k, q in sz["qualifiers"].items():
                if k not in SIZE[:4] or q not in QUALIFIERS:
                    bad(ev, "qualifier %r: %r" % (k, q))
            if ev["fatalities"] != sz["dead"]:
                bad(ev, "fatalities %r != size.dead %r" % (ev["fatalities"], sz["dead"]))
        evd = ev["evidence"]
        if not isinstance(evd, dict) or list(evd.keys()) != ["start", "end", "text"]:
            bad(ev, "evidence %r" % evd)
        else:
            span(ev, "evidence", evd)
        c = ev["confidence"]
        if not isinstance(c, (int, float)) or not 0 <= c <= 1:
            bad(ev, "confidence %r" % c)
        if not isinstance(ev["summary"], str) or not ev["summary"]:
            bad(ev, "summary %r" % ev["summary"])
    for p in problems:
        print(p)
    if not problems:
        print("ok: %d events" % n)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
