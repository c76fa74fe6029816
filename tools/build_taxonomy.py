"""Build src/newsevents/coding/data/cameo.tsv from the reference tables in ../shared.

Only bare facts are carried: code, short name, root, Goldstein value, QuadClass and the
PLOVER type/mode/context each CAMEO code maps to. Descriptions are not copied.
Run once by a maintainer: `python tools/build_taxonomy.py ../shared/data/events`.
"""

import csv
import re
import sys
from pathlib import Path

ref = Path(sys.argv[1])
out = Path(__file__).parents[1] / "src/newsevents/coding/data/cameo.tsv"

plover: dict[str, tuple[str, str, str]] = {}
for line in (ref / "plover/CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
    line = line.split("#", 1)[0].strip()
    m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
    if not m:
        continue
    parts = [p.strip() for p in m.group(2).split(",")]
    parts += [""] * (3 - len(parts))
    plover[m.group(1)] = (parts[0].upper(), parts[1], parts[2])


# The conversion table leaves CAMEO 02 (appeals) unmapped; PLOVER's REQUEST covers appeals
# as well as demands, so we map 02 to REQUEST with the mode its CAMEO 10 twin carries.
APPEAL_MODES = {"021": "assist", "022": "assist", "023": "assist", "024": "change",
                "025": "yield", "026": "meet", "027": "meet", "028": "meet"}
for code, mode in {"02": "", "020": "", **APPEAL_MODES}.items():
    plover.setdefault(code, ("REQUEST", mode, ""))


def lookup(code: str) -> tuple[str, str, str]:
    # A code missing from the conversion table inherits its nearest parent's mapping.
    for n in range(len(code), 1, -1):
        if code[:n] in plover:
            return plover[code[:n]]
    return ("", "", "")


rows = []
with open(ref / "cameo/cameo_codes.tsv", encoding="utf-8") as fh:
    for r in csv.DictReader(fh, delimiter="\t"):
        ptype, mode, context = lookup(r["code"])
        rows.append([r["code"], r["name"], r["root"], r["goldstein_gdelt"],
                     r["quadclass_gdelt_observed"], ptype, mode, context])

with open(out, "w", encoding="utf-8", newline="") as fh:
    fh.write("# CAMEO codes with Goldstein value, QuadClass and PLOVER mapping (facts only).\n")
    w = csv.writer(fh, delimiter="\t", lineterminator="\n")
    w.writerow(["code", "name", "root", "goldstein", "quad_class", "plover", "plover_mode",
                "plover_context"])
    w.writerows(rows)
print(f"wrote {len(rows)} codes to {out}")
