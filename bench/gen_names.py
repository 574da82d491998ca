#!/usr/bin/env python3
"""bench/gen_names.py N DICT.tsv NAMES.txt TEXT.txt MB SEED — a synthetic dictionary of N
Arabic-looking names (actors.local.tsv format), the same names one per line for
`grep -oF -f`, and MB megabytes of sentences that mention some of them among ordinary
words. Names are built from syllables so that they look and tokenise like real names; the
text is made of the bench's own word list. Nothing here comes from real articles."""
import random, sys

n, dict_path, names_path, text_path, mb, seed = (int(sys.argv[1]), sys.argv[2], sys.argv[3],
                                                  sys.argv[4], float(sys.argv[5]), int(sys.argv[6]))
rnd = random.Random(seed)
onset = list("بتثجحخدذرزسشصضطظعغفقكلمنهوي")
vowel = ["ا", "و", "ي", ""]
def word():
    return "".join(rnd.choice(onset) + rnd.choice(vowel) for _ in range(rnd.randint(2, 4)))
names, seen = [], set()
while len(names) < n:
    w = " ".join(word() for _ in range(rnd.randint(1, 3)))
    if w not in seen and len(w) > 4:
        seen.add(w)
        names.append(w)
with open(dict_path, "w", encoding="utf-8") as f:
    f.write("id\tname\tkind\tsector\tcountry\tfrom\tto\trole\tar\n")
    for i, w in enumerate(names):
        f.write(f"bench:{i}\tName {i}\tgroup\tREB\tIMG\t\t\t\t{w}\n")
with open(names_path, "w", encoding="utf-8") as f:
    f.write("\n".join(names) + "\n")
filler = ("قال مصدر أمني إن الهجوم وقع صباح اليوم في المنطقة الشمالية وأسفر عن سقوط عدد من "
          "الضحايا بينما تواصل القوات عملياتها في محيط المدينة ").split()
limit = int(mb * 1e6)
with open(text_path, "w", encoding="utf-8") as f:
    size = 0
    while size < limit:
        parts = [rnd.choice(filler) for _ in range(rnd.randint(6, 14))]
        parts.insert(rnd.randint(0, len(parts)), rnd.choice(names))
        line = " ".join(parts) + ".\n"
        f.write(line)
        size += len(line.encode())
