#!/usr/bin/python3
"""Compares the check tiles of bench/wms/run.sh pixel by pixel: for each tile size, the pixels each server covers
(alpha at least 128) and the share of pixels where TerraWatch and a peer disagree. Prints a Markdown table; exits
non-zero when the servers draw very different tiles (the measurements would not compare the same work).
Usage: coverage.py WORK SIZE... (WORK holds check-{tw,ms,qs}-{0,1,2}.png)"""
import sys

from PIL import Image

work, sizes = sys.argv[1], sys.argv[2:]


def covered(path):
    alpha = Image.open(path).convert("RGBA").getchannel("A")
    return [a >= 128 for a in alpha.getdata()]


print("| tile | pixels covered: TerraWatch / MapServer / QGIS Server | differing from MapServer | from QGIS Server |")
print("|---|---|---|---|")
bad = False
for i, size in enumerate(sizes):
    tw, ms, qs = (covered(f"{work}/check-{name}-{i}.png") for name in ("tw", "ms", "qs"))
    differ = [sum(a != b for a, b in zip(tw, peer)) / len(tw) for peer in (ms, qs)]
    counts = [sum(c) for c in (tw, ms, qs)]
    print(f"| {size}° | {' / '.join(f'{c:,}' for c in counts)} | {100 * differ[0]:.2f} % | {100 * differ[1]:.2f} % |")
    bad = bad or min(counts) < 0.5 * max(counts)
if bad:
    sys.exit("The servers draw very different tiles; not comparable")
