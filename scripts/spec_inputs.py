#!/usr/bin/env python3
"""scripts/spec_inputs.py OUT.jsonl — the Arabic inputs of the spec examples (tests/spec/*.md)
as JSON Lines records: a varied, rule-by-rule training set for the profile-guided build
(scripts/pgo.sh). Inputs that are themselves JSON or markup are left out."""
import glob, json, os, re, sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
n = 0
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for p in sorted(glob.glob(os.path.join(root, "tests", "spec", "*.md"))):
        for m in re.finditer(r"```input\n(.*?)\n```", open(p, encoding="utf-8").read(), re.S):
            text = m.group(1)
            if text.lstrip()[:1] in ("{", "<", "["):
                continue
            out.write(json.dumps({"id": "spec%d" % n, "published": "2024-06-20", "text": text},
                                 ensure_ascii=False) + "\n")
            n += 1
