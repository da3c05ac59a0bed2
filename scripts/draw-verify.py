#!/usr/bin/env python3
"""Re-runs a 双随机 draw from its published inputs (fazhi-draw-v1; v2 for a joint task): python3 draw-verify.py draw.json"""
import hashlib, json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
key = lambda s: s.encode()
groups = d.get("groups") or {}  # a joint task (fazhi-draw-v2): each inspector's department
lines = ["fazhi-draw-v2" if groups else "fazhi-draw-v1", "task|" + d["task"], "per-target|%d" % d["perTarget"]]
lines += ["quota|%s|%d" % (s, n) for s, n in sorted(d["quotas"].items(), key=lambda x: key(x[0]))]
lines += ["target|%s|%s" % (t, s) for t, s in sorted(d["targets"], key=lambda x: key(x[0]))]
lines += ["inspector|" + i + ("|" + groups[i] if groups else "") for i in sorted(d["inspectors"], key=key)]
lines += ["exclude|" + "|".join(e) for e in sorted(d["exclusions"], key=lambda e: key("|".join(e)))]
inputs_hash = hashlib.sha256(("\n".join(lines) + "\n").encode()).hexdigest()
print("inputs hash", inputs_hash, "matches" if inputs_hash == d["inputsHash"] else "DIFFERS from the published one")
if d.get("revealed") is None: sys.exit(0 if inputs_hash == d["inputsHash"] else 1)  # frozen, not drawn yet
seed = hashlib.sha256(("%s\n%s\n%s" % (inputs_hash, d["revealed"], d["task"])).encode()).digest()
rank = lambda *parts: hashlib.sha256(seed + b"".join(p.encode() for p in parts)).digest()
drawn = []
for s, n in d["quotas"].items():
    drawn += sorted((rank(t), t, s) for t, s2 in d["targets"] if s2 == s)[:n]
no, result, every = {}, [], sorted(d["inspectors"], key=key)
pools = [(g, [i for i in every if groups[i] == g]) for g in sorted(set(groups.values()), key=key)] or [("", every)]
for i, t in d["exclusions"]: no.setdefault(t, set()).add(i)
for _, t, s in sorted(drawn):
    picked = []
    for g, pool in pools:
        assert sum(i not in no.get(t, ()) for i in pool) >= d["perTarget"], "not enough inspectors for " + t
        mine, j = [], 0
        while len(mine) < d["perTarget"]:
            i = pool[int.from_bytes(rank(t, "|" + g if groups else "", "|", str(j))[:8], "big") % len(pool)]
            if i not in no.get(t, ()) and i not in mine: mine.append(i)
            j += 1
        picked += mine
    result.append({"target": t, "stratum": s, "inspectors": picked})
print("result", "matches" if result == d.get("result") else "DIFFERS from the published one")
sys.exit(0 if inputs_hash == d["inputsHash"] and result == d.get("result") else 1)
