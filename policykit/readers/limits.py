"""Size limits every reader checks before it spends memory on an untrusted file.

One settings dataclass, defaults named as constants; pass your own
``Limits(...)`` to ``policykit.readers.read`` to raise or lower them.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024

MAX_FILE_BYTES = 200 * MB  # any input: refused outright above this
MAX_TEXT_BYTES = 20 * MB  # TXT and HTML: a long plan with its annexes is under 2 MB
MAX_ZIP_ENTRIES = 2000  # DOCX: a real document has a few dozen parts
MAX_UNZIPPED_BYTES = 200 * MB  # DOCX: all parts together, uncompressed
MAX_PART_BYTES = 20 * MB  # DOCX: any one XML part uncompressed; a 100-page plan's document.xml is 2-5 MB
MAX_COMPRESSION_RATIO = 100  # DOCX: uncompressed / compressed, for parts over RATIO_FLOOR_BYTES
RATIO_FLOOR_BYTES = 1 * MB  # small parts compress well and are harmless
MAX_PDF_PAGES = 500  # a plan with its annexes is under 100 pages; pdfplumber needs ~0.2 s a page


@dataclass(frozen=True)
class Limits:
    """What a reader refuses: ``Limits(max_text_bytes=50 * MB)`` reads larger text files."""

    max_file_bytes: int = MAX_FILE_BYTES
    max_text_bytes: int = MAX_TEXT_BYTES
    max_zip_entries: int = MAX_ZIP_ENTRIES
    max_unzipped_bytes: int = MAX_UNZIPPED_BYTES
    max_part_bytes: int = MAX_PART_BYTES
    max_compression_ratio: float = MAX_COMPRESSION_RATIO
    ratio_floor_bytes: int = RATIO_FLOOR_BYTES
    max_pdf_pages: int = MAX_PDF_PAGES


DEFAULT_LIMITS = Limits()


def human_size(n: int) -> str:
    """Bytes as a short figure: 52428800 → "50 MB"."""
    if n >= MB:
        return f"{n / MB:.0f} MB" if n % MB == 0 else f"{n / MB:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"
