"""PowerPoint (.pptx, python-pptx): one part a slide, its title as a heading, then its text frames
and tables, then its notes; a passage's location is its slide."""

from __future__ import annotations

import io

from . import Document, joined

SUFFIXES = (".pptx",)
THIRD_PARTY = True


def _texts(shape) -> list[str]:
    out = []
    if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
        out += [" ".join(p.text.split()) for p in shape.text_frame.paragraphs]
    if getattr(shape, "has_table", False) and shape.has_table:
        out += ["   ".join(" ".join(c.text.split()) for c in row.cells) for row in shape.table.rows]
    for child in getattr(shape, "shapes", []):  # a group
        out += _texts(child)
    return [t for t in out if t]


def read(data: bytes, rel: str, source: str) -> Document:
    from pptx import Presentation

    try:
        deck = Presentation(io.BytesIO(data))
    except Exception as e:
        raise ValueError(f"unreadable PowerPoint file ({type(e).__name__})") from None
    parts = []
    for n, slide in enumerate(deck.slides, 1):
        title_shape = slide.shapes.title
        title = " ".join(title_shape.text.split()) if title_shape is not None else ""
        title_id = title_shape.shape_id if title_shape is not None else None  # a new proxy each access: compare ids
        body = [t for shape in slide.shapes if shape.shape_id != title_id for t in _texts(shape)]
        notes = ""
        if slide.has_notes_slide:
            notes = " ".join(slide.notes_slide.notes_text_frame.text.split())
        lines = [f"# {title or f'Slide {n}'}", *body] + ([f"Notes: {notes}"] if notes else [])
        parts.append(("slide", n, "\n\n".join(lines)))
    text, locations = joined(parts)
    if not text.strip():
        raise ValueError("no text")
    return Document(rel, source, text, True, locations)
