"""Text ↔ blocks: the linearisation every reader shares.

A reader produces lines (a paragraph, or a table row whose cells are joined by
tabs); ``LineWriter`` joins them with "\\n" into the document's ``text`` and
hands back each piece's ``Span``, so ``text[span.start:span.end]`` is always
the piece itself.
"""

from __future__ import annotations

import re

from policykit.model import Cell, Paragraph, Span, Table
from policykit.text import fold_cjk_compat

# CRLF, LF, CR, and the breaks PDF and Word exports leave (form feed, line/paragraph separator).
LINE_BREAK = re.compile(r"\r\n|[\r\n\f\v\x85\u2028\u2029]")


def split_lines(text: str) -> list[Paragraph]:
    """One Paragraph per line, empty lines included: "一、目标\\r\\n内容" → ["一、目标", "内容"]."""
    blocks: list[Paragraph] = []
    pos = 0
    for m in LINE_BREAK.finditer(text):
        blocks.append(Paragraph(text[pos:m.start()], Span(pos, m.start())))
        pos = m.end()
    if pos < len(text):
        blocks.append(Paragraph(text[pos:], Span(pos, len(text))))
    return blocks


class LineWriter:
    """Accumulate lines into one text, remembering where each piece landed.

    Kangxi radicals and compatibility ideographs ("⼀" for "一") become the ordinary
    characters: the text of a DOCX, PDF or HTML file is a linearisation, not the file.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._pos = 0

    def _start_line(self) -> None:
        if self._parts:
            self._parts.append("\n")
            self._pos += 1

    def _put(self, piece: str) -> Span:
        span = Span(self._pos, self._pos + len(piece))
        self._parts.append(piece)
        self._pos += len(piece)
        return span

    def paragraph(self, text: str, *, style: str | None = None, numbering: str | None = None) -> Paragraph:
        """Add one line: ``paragraph("一、总体目标", numbering="一、")``."""
        self._start_line()
        text = fold_cjk_compat(text)
        return Paragraph(text, self._put(text), style=style, numbering=numbering)

    def table(self, grid: list[list[tuple[str, tuple[int, int] | None]]], header_rows: int = 0) -> Table:
        """Add a table: one line per row, cells joined by tabs; covered positions stay empty."""
        start = self._pos + (1 if self._parts else 0)
        rows: list[list[Cell]] = []
        for row in grid:
            self._start_line()
            cells: list[Cell] = []
            for j, (text, covered_by) in enumerate(row):
                if j:
                    self._put("\t")
                if covered_by is not None:
                    cells.append(Cell("", None, covered_by))
                else:
                    text = fold_cjk_compat(text)
                    cells.append(Cell(text, self._put(text)))
            rows.append(cells)
        return Table(rows, Span(start, self._pos), header_rows=header_rows)

    @property
    def text(self) -> str:
        return "".join(self._parts)
