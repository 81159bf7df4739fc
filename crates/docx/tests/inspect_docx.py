"""What python-docx, an independent reader, sees in .docx files: prints one JSON object
keyed by file name, with the core properties, the styles, every body paragraph (style,
outline level, text), the tables (style, header flag of each row, cell text), the ruby
(reading over base) and the bullet characters of the numbering definitions.

Usage: python inspect_docx.py FILE.docx [FILE.docx ...]
"""

import json
import sys

import docx
from docx.oxml.ns import qn


def outline_level(style):
    """The outline level a paragraph style gives, following basedOn like Word does."""
    while style is not None:
        ppr = style.element.pPr
        if ppr is not None:
            level = ppr.find(qn("w:outlineLvl"))
            if level is not None:
                return int(level.get(qn("w:val")))
        style = style.base_style
    return None


def text_of(element, skip_ruby_text=True):
    """The text of runs below `element`, line breaks as newlines, ruby text skipped."""
    parts = []
    for node in element.iter(qn("w:t"), qn("w:br")):
        if skip_ruby_text and any(a.tag == qn("w:rt") for a in node.iterancestors()):
            continue
        parts.append("\n" if node.tag == qn("w:br") else (node.text or ""))
    return "".join(parts)


def inspect(path):
    document = docx.Document(path)
    core = document.core_properties
    styles = {}
    for style in document.styles:
        styles[style.style_id] = {
            "name": style.name,
            "type": str(style.type).split(".")[-1].split(" ")[0],
            "outline_level": outline_level(style) if style.type == 1 else None,
        }
    default = document.styles.default(docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    paragraphs = [
        {
            "style": paragraph.style.name if paragraph.style is not None else None,
            "outline_level": outline_level(paragraph.style),
            "text": text_of(paragraph._p),
            "numbered": paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None,
        }
        for paragraph in document.paragraphs
    ]
    tables = [
        {
            "style": table.style.name if table.style is not None else None,
            "header_rows": [
                row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None
                for row in table.rows
            ],
            "cells": [[text_of(cell._tc) for cell in row.cells] for row in table.rows],
        }
        for table in document.tables
    ]
    body = document.element.body
    ruby = [
        {"reading": text_of(r.find(qn("w:rt")), False), "base": text_of(r.find(qn("w:rubyBase")))}
        for r in body.iter(qn("w:ruby"))
    ]
    numbering = document.part.numbering_part.element
    bullets = [
        level.find(qn("w:lvlText")).get(qn("w:val"))
        for level in numbering.iter(qn("w:lvl"))
        if level.find(qn("w:numFmt")) is not None
        and level.find(qn("w:numFmt")).get(qn("w:val")) == "bullet"
    ]
    section = document.sections[0]
    return {
        "core": {
            "title": core.title,
            "author": core.author,
            "last_modified_by": core.last_modified_by,
            "language": core.language,
            "created": core.created.isoformat() if core.created else None,
            "modified": core.modified.isoformat() if core.modified else None,
        },
        "default_paragraph_style": default.name if default is not None else None,
        "styles": styles,
        "paragraphs": paragraphs,
        "tables": tables,
        "ruby": ruby,
        "bullets": bullets,
        "page": {
            "width_mm": round(section.page_width.mm),
            "height_mm": round(section.page_height.mm),
            "footer": text_of(section.footer._element),
            "footer_fields": [
                instr.text.strip() for instr in section.footer._element.iter(qn("w:instrText"))
            ],
        },
    }


if __name__ == "__main__":
    json.dump({path: inspect(path) for path in sys.argv[1:]}, sys.stdout, ensure_ascii=False)
