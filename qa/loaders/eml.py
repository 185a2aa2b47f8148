"""E-mail (.eml, the standard library's `email`): the subject as the heading with the Date header
beside it (so a message whose body names no date is dated by when it was sent), the plain-text
body (else the HTML one), and attachments of the kinds read here, each as a section of its own."""

from __future__ import annotations

import email
import email.policy
import email.utils

from . import Document

SUFFIXES = (".eml",)
THIRD_PARTY = True
MAX_ATTACHMENTS = 20


def _sent(message) -> str:
    try:
        when = email.utils.parsedate_to_datetime(message["date"]) if message["date"] else None
    except (TypeError, ValueError):
        when = None
    return f"{when.strftime('%B')} {when.day}, {when.year}" if when else ""


def read(data: bytes, rel: str, source: str) -> Document:
    from . import READERS
    from .html import html_text

    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
    except Exception as e:
        raise ValueError(f"unreadable e-mail ({type(e).__name__})") from None
    subject = " ".join(str(message["subject"] or "").split()) or rel.rsplit("/", 1)[-1]
    sent = _sent(message)
    sender = " ".join(str(message["from"] or "").split())
    lines = [f"# {subject}" + (f" ({sent})" if sent else "")]
    if sender:
        lines.append(f"From {sender}.")
    body = message.get_body(preferencelist=("plain", "html"))
    if body is not None:
        content = body.get_content()
        lines.append(html_text(content.encode("utf-8")) if body.get_content_type() == "text/html" else content)
    for n, part in enumerate(message.iter_attachments()):
        name = part.get_filename() or ""
        suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if n >= MAX_ATTACHMENTS or suffix not in READERS or suffix == ".eml":
            continue
        try:
            inner = READERS[suffix].read(part.get_payload(decode=True) or b"", name, source)
        except ValueError:
            continue
        text = inner.text if inner.markdown else inner.text.replace("\n#", "\n #")
        lines.append(f"## Attachment: {name}\n\n{text}")
    text = "\n\n".join(line.strip() for line in lines if line and line.strip())
    if len(text.splitlines()) <= 1 and body is None:
        raise ValueError("no text")
    return Document(rel, source, text, True)
