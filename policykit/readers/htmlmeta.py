"""What a notice page says about itself outside its text: ``<meta>`` fields and linked attachments.

Government sites built on the national page specification (TRS, Hanweb and
other CMS templates) carry ``<meta name="ArticleTitle" content="…">``,
``PubDate`` and ``ContentSource``; the names and the field labels they become
are in ``readers.toml`` (``[html.meta_fields]``).  The plan's task list is often
not in the page at all but linked below it (``<a href="….docx">附件1</a>``):
those links are listed so the user can fetch and parse them.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

from policykit.readers.vocab import load

_SPACE = " \t\r\n\f\u00a0\u3000"


@dataclass(frozen=True)
class Attachment:
    """A linked document: ``Attachment("附件1：重点工作任务清单", "/uploadfiles/2023/05/P0200509.docx")``."""

    label: str
    href: str


def meta_fields(soup) -> dict[str, str]:
    """``<meta name="PubDate" content="2023-05-09 10:30">`` → {"发布时间": "2023-05-09 10:30"}."""
    names = {name.lower(): label for name, label in load()["html"]["meta_fields"].items()}
    fields: dict[str, str] = {}
    for meta in soup.find_all("meta"):
        label = names.get((meta.get("name") or "").strip().lower())
        value = " ".join((meta.get("content") or "").split())
        if label and value:
            fields.setdefault(label, value)
    return fields


def _is_document(href: str, text: str, extensions: tuple[str, ...]) -> bool:
    """The link's path, one of its query values (``download?fileName=清单.xlsx``) or its text names a document."""
    parts = urlsplit(href)
    names = [parts.path, *(value for _, value in parse_qsl(parts.query))]
    return any(unquote(name).strip().lower().endswith(extensions) for name in [*names, text])


def attachments(soup) -> list[Attachment]:
    """Links to documents anywhere on the page, in order, each once: .doc/.docx/.pdf/.xls/.wps/.ofd …"""
    extensions = tuple(load()["html"]["attachment_extensions"])
    found: list[Attachment] = []
    seen: set[str] = set()
    for link in soup.find_all("a", href=True):
        href = link["href"].strip()
        text = " ".join(link.get_text(" ").split()).strip(_SPACE)
        if href in seen or href.lower().startswith(("javascript:", "mailto:")) or \
                not _is_document(href, text, extensions):
            continue
        seen.add(href)
        label = text or unquote(urlsplit(href).path).rsplit("/", 1)[-1]
        found.append(Attachment(label, href))
    return found
