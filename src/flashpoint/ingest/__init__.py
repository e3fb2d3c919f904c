"""flashpoint.ingest: readers that turn user inputs into Article or Rejection records.

Start with `read_inputs`; docs/INGEST.md describes the formats, options and rejection codes.
"""

from flashpoint.ingest.dates import parse_published
from flashpoint.ingest.html import HtmlDocument, extract_html
from flashpoint.ingest.language import detect_language
from flashpoint.ingest.options import ReadOptions
from flashpoint.ingest.readers import read_inputs

__all__ = [
    "HtmlDocument",
    "ReadOptions",
    "detect_language",
    "extract_html",
    "parse_published",
    "read_inputs",
]
