"""Excel (.xlsx, openpyxl): one passage a row, each value named by its column's header; a date
cell becomes a date in words at the start of the row, so the row is dated like a timeline entry;
a passage's location is its sheet and row."""

from __future__ import annotations

import datetime
import io

from . import Document, joined

SUFFIXES = (".xlsx",)
THIRD_PARTY = True
MAX_ROWS = 20_000


def _value(v) -> str:
    if isinstance(v, datetime.datetime):
        v = v.date() if (v.hour, v.minute, v.second) == (0, 0, 0) else v
    if isinstance(v, datetime.date) and not isinstance(v, datetime.datetime):
        return f"{v.strftime('%B')} {v.day}, {v.year}"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return " ".join(str(v).split()) if v is not None else ""


def _row(header: list[str], values: list) -> str:
    dates = [_value(v) for v in values if isinstance(v, datetime.date)]
    cells = []
    for name, v in zip(header, values, strict=False):
        if isinstance(v, datetime.date) and dates and _value(v) == dates[0]:
            continue  # the row's date leads it
        text = _value(v)
        if text:
            cells.append(f"{name}: {text}" if name else text)
    return "   ".join(([dates[0]] if dates else []) + ["; ".join(cells)]).strip()


def read(data: bytes, rel: str, source: str) -> Document:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as e:
        raise ValueError(f"unreadable Excel file ({type(e).__name__})") from None
    parts, count = [], 0
    for sheet in book.worksheets:
        rows = sheet.iter_rows(values_only=True)
        header = None
        parts.append((f"sheet {sheet.title}, row", 1, f"# {sheet.title}"))
        for r, values in enumerate(rows, 1):
            if not any(v is not None and str(v).strip() for v in values):
                continue
            if header is None:  # the first row names the columns
                header = [_value(v) for v in values]
                continue
            count += 1
            if count > MAX_ROWS:
                raise ValueError(f"over {MAX_ROWS} rows")
            parts.append((f"sheet {sheet.title}, row", r, _row(header, list(values))))
    book.close()
    text, locations = joined(parts)
    if not any(unit for _, unit, n in locations if n > 1):
        raise ValueError("no rows below the header")
    return Document(rel, source, text, True, locations)
