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

MAIN_PART = "word/document.xml"  # where Word puts it; other writers may not (see main_part)
_PACKAGE_RELS = "_rels/.rels"
_CONTENT_TYPES = "[Content_Types].xml"
_SMALL_PART = 1024 * 1024  # .rels and [Content_Types].xml are a few KB
_WORD_MAIN = "wordprocessingml"


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


def _small_xml(archive: zipfile.ZipFile, name: str):
    """A small package part parsed safely, or None when absent, oversized or broken."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        info = archive.getinfo(name)
        if info.file_size > _SMALL_PART:
            return None
        return fromstring(archive.read(info), forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (KeyError, ParseError, DefusedXmlException, zipfile.BadZipFile, OSError, EOFError, ValueError,
            NotImplementedError, zlib.error):
        return None


def main_part(archive: zipfile.ZipFile) -> str | None:
    """The Word document part: ``word/document.xml``, or what ``_rels/.rels`` names (``word/document2.xml``).

    None when the package holds no Word document (a workbook, a plain zip).
    """
    names = set(archive.namelist())
    rels = _small_xml(archive, _PACKAGE_RELS)
    targets = [] if rels is None else [
        rel.get("Target", "").lstrip("/") for rel in rels
        if rel.get("Type", "").endswith("/officeDocument") and rel.get("TargetMode") != "External"]
    types = _small_xml(archive, _CONTENT_TYPES)
    overrides = {} if types is None else {
        el.get("PartName", "").lstrip("/"): el.get("ContentType", "") for el in types if el.get("PartName")}
    for target in targets:
        if target in names and _WORD_MAIN in overrides.get(target, _WORD_MAIN):
            return target
    return MAIN_PART if MAIN_PART in names else None


def check_docx_zip(path: str, data: bytes, limits: Limits) -> None:
    """Everything python-docx will parse is within the limits and free of DTDs."""
    with _open_zip(path, data) as archive:
        infos = [info for info in archive.infolist() if not info.is_dir()]
        check_zip_limits(path, infos, limits)
        if main_part(archive) is None:
            raise InputError(path, f"corrupt DOCX: no {MAIN_PART} and no other Word document part")
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
