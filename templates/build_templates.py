"""Regenerate the default Word templates in this folder: ``python3 templates/build_templates.py``.

The templates are built by ``policykit.drafting.builder`` from the fonts and column
names in ``policykit/data/draft/wording.toml``; see docs/drafting.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

from policykit.drafting.builder import write_all

if __name__ == "__main__":
    for path in write_all(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent):
        print(path)
