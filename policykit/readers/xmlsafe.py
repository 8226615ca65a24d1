"""Checks a DOCX must pass before python-docx opens it: zip limits and XML without DTDs.

A DOCX is an untrusted zip of XML parts.  ``check_docx_zip`` refuses zip
bombs by the entries' declared sizes and ratios (``zipfile`` never inflates
past a declared size) and any XML part that declares a DTD: Office never
writes one, and a DTD is how entity-expansion bombs and external entities
get in.  The XML is parsed with defusedxml, so nothing is expanded while
checking.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from policykit.errors import InputError
from policykit.readers.limits import Limits, human_size

MAIN_PART = "word/document.xml"


def _open_zip(path: str, data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError, OSError) as err:
        raise InputError(path, f"corrupt DOCX: broken zip archive ({err})") from None


def check_zip_limits(path: str, infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    """Refuse an archive whose entries are too many, too big together or too compressible (zip bomb)."""
    if len(infos) > limits.max_zip_entries:
        raise InputError(path, f"zip has {len(infos)} entries (the limit is {limits.max_zip_entries}, "
                               "Limits.max_zip_entries)")
    total = sum(info.file_size for info in infos)
    if total > limits.max_unzipped_bytes:
        raise InputError(path, f"unpacks to {human_size(total)} (the limit is "
                               f"{human_size(limits.max_unzipped_bytes)}, Limits.max_unzipped_bytes)")
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.ratio_floor_bytes and ratio > limits.max_compression_ratio:
            raise InputError(path, f"{info.filename} is compressed {ratio:.0f}:1 (the limit is "
                                   f"{limits.max_compression_ratio:.0f}:1, Limits.max_compression_ratio): "
                                   "a zip bomb?")


def check_xml(path: str, name: str, xml: bytes) -> None:
    """Parse one part with defusedxml: a DTD or entity declaration, or broken XML, is an InputError."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        fromstring(xml, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise InputError(path, f"{name} declares a DTD or XML entities, refused "
                               "(entity expansion is a known attack; Word never writes one)") from None
    except ParseError as err:
        raise InputError(path, f"corrupt DOCX: {name} is not well-formed XML ({err})") from None


def _is_xml(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    if info.filename.endswith((".xml", ".rels")):
        return True
    with archive.open(info) as fh:
        return fh.read(64).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def check_docx_zip(path: str, data: bytes, limits: Limits) -> None:
    """Everything python-docx will parse is within the limits and free of DTDs."""
    with _open_zip(path, data) as archive:
        infos = [info for info in archive.infolist() if not info.is_dir()]
        check_zip_limits(path, infos, limits)
        if MAIN_PART not in {info.filename for info in infos}:
            raise InputError(path, f"corrupt DOCX: no {MAIN_PART}")
        for info in infos:
            try:
                if not _is_xml(archive, info):
                    continue  # images and embedded files: only the total and ratio limits apply
                if info.file_size > limits.max_part_bytes:
                    raise InputError(path, f"{info.filename} unpacks to {human_size(info.file_size)} (the limit "
                                           f"is {human_size(limits.max_part_bytes)}, Limits.max_part_bytes)")
                check_xml(path, info.filename, archive.read(info))
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, ValueError, zlib.error) as err:
                raise InputError(path, f"corrupt DOCX: {info.filename} cannot be unpacked ({err})") from None
