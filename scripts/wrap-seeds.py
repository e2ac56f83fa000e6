#!/usr/bin/env python3
"""Write the seeds hard-wrapped at 40, 60 and 72 columns (Python's textwrap.fill, per
paragraph, one paragraph per line as in seeds/) into tests/fixtures/wrapped/wNN/.

The CLI test `wrapped_seeds` holds `check` on each to the same claims and finding
fingerprints as on seeds/ as they are. Run again only if seeds/ changes:

    scripts/wrap-seeds.py
"""

import os
import textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

for width in (40, 60, 72):
    out_dir = os.path.join(ROOT, "tests", "fixtures", "wrapped", f"w{width}")
    os.makedirs(out_dir, exist_ok=True)
    for name in sorted(os.listdir(os.path.join(ROOT, "seeds"))):
        with open(os.path.join(ROOT, "seeds", name), encoding="utf-8") as f:
            text = f.read()
        paragraphs = [textwrap.fill(p, width) if p.strip() else p for p in text.split("\n")]
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
            f.write("\n".join(paragraphs))
