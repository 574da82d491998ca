#!/usr/bin/env python3
"""bench/gen.py TEXT_OUT JSONL_OUT MEGABYTES SEED — generate Arabic news-like articles for
the benchmark from the bundled samples (samples/articles/*.txt), varied: sentences shuffled
and mixed across articles, numbers, dates and place names changed. The same articles are
written as plain text (separated by blank lines) and as JSON Lines records."""
import glob, json, os, random, re, sys

text_out, jsonl_out, mb, seed = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sentences, headlines = [], []
for p in sorted(glob.glob(os.path.join(root, "samples", "articles", "*.txt"))):
    lines = [l.strip() for l in open(p, encoding="utf-8") if l.strip()]
    headlines.append(lines[0])
    for para in lines[1:]:
        for s in re.split(r"(?<=[.؟!])\s+", para):
            if s:
                sentences.append(s)
places = ["باماكو", "ميناكا", "غاو", "كيدال", "تمبكتو", "موبتي", "نيامي", "تيلابيري", "ديفا",
          "واغادوغو", "جيبو", "انجامينا", "نواكشوط", "مايدوغوري", "أغاديز", "سيغو"]
months = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
          "أكتوبر", "نوفمبر", "ديسمبر"]
place_re = re.compile("|".join(sorted(places, key=len, reverse=True)))
month_re = re.compile("|".join(months))

def vary(s):
    s = re.sub(r"\d+", lambda m: str(rng.randint(1, 3000 if len(m.group()) < 4 else 2024)), s)
    s = place_re.sub(lambda m: rng.choice(places), s)
    s = month_re.sub(lambda m: rng.choice(months), s)
    return s

target = int(mb * 1e6)
size = 0
n = 0
with open(text_out, "w", encoding="utf-8") as ft, open(jsonl_out, "w", encoding="utf-8") as fj:
    while size < target:
        body = [vary(rng.choice(headlines)), ""]
        para = []
        for _ in range(rng.randint(4, 12)):
            para.append(vary(rng.choice(sentences)))
            if rng.random() < 0.35:
                body.append(" ".join(para))
                body.append("")
                para = []
        if para:
            body.append(" ".join(para))
        text = "\n".join(body).rstrip() + "\n"
        ft.write(text + "\n")
        fj.write(json.dumps({"id": "bench-%06d" % n, "published": "2024-01-01", "text": text},
                            ensure_ascii=False) + "\n")
        size += len(text.encode("utf-8")) + 1
        n += 1
print("%d articles, %.1f MB" % (n, size / 1e6))
