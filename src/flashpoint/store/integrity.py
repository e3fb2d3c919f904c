"""`flashpoint check`: does the database hold together?

Each check is one SQL query that counts the rows breaking one rule and shows a few of
them. Errors are states the writer never leaves behind (an event without its article,
evidence offsets outside the article text, a coded article without a coder version);
warnings are states a normal run passes through and repairs (story members whose event
was re-coded away, until the next grouping). The report is read-only: nothing is fixed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from flashpoint.models import PLOVER_CATEGORIES, STATUSES, content_hash
from flashpoint.store.schema import LATEST_VERSION, current_version

Severity = Literal["error", "warning"]
EXAMPLES = 5


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One rule: how many rows break it, a few of them, and what to do."""

    name: str
    severity: Severity
    count: int
    examples: tuple[str, ...] = ()
    hint: str = ""

    @property
    def passed(self) -> bool:
        return self.count == 0


@dataclass(frozen=True, slots=True)
class IntegrityReport:
    path: str
    schema_version: int
    latest_version: int
    articles: int
    events: int
    results: tuple[CheckResult, ...]

    @property
    def errors(self) -> list[CheckResult]:
        return [r for r in self.results if not r.passed and r.severity == "error"]

    @property
    def warnings(self) -> list[CheckResult]:
        return [r for r in self.results if not r.passed and r.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    severity: Severity
    since_version: int  # the schema version that created the tables it reads
    sql: str  # selects one text column describing each offending row
    hint: str
    params: tuple[Any, ...] = ()  # bound to the ? in sql


# Offsets are character offsets into articles.text; DuckDB's substring is 1-based and
# counts characters too, so text[start:end] is substring(text, start + 1, end - start).
def _span_rule(
    label: str, start: str, end: str, quoted: str | None, *, entities: bool = False
) -> str:
    source = (
        "event_entities t JOIN events e ON e.event_id = t.event_id "
        "JOIN articles a ON a.id = e.article_id"
        if entities
        else "events t JOIN articles a ON a.id = t.article_id"
    )
    compare = f" OR substring(a.text, {start} + 1, {end} - {start}) <> {quoted}" if quoted else ""
    return (
        f"SELECT concat(t.event_id, ': {label} ', {start}, '-', {end}) FROM {source} "  # noqa: S608 - column names from this module
        f"WHERE {start} IS NOT NULL AND ({start} < 0 OR {end} < {start} "
        f"OR {end} > length(a.text){compare})"
    )


RULES: tuple[_Rule, ...] = (
    _Rule(
        "events whose article is missing",
        "error",
        1,
        "SELECT concat(e.event_id, ' -> ', e.article_id) FROM events e "
        "LEFT JOIN articles a ON a.id = e.article_id WHERE a.id IS NULL",
        "Re-code the articles (`flashpoint code --recode`) or restore the database from a backup.",
    ),
    _Rule(
        "actors/recipients whose event is missing",
        "error",
        1,
        "SELECT concat(t.event_id, ' ', t.role, ' ', t.code) FROM event_entities t "
        "LEFT JOIN events e ON e.event_id = t.event_id WHERE e.event_id IS NULL",
        "Re-code the articles (`flashpoint code --recode`).",
    ),
    _Rule(
        "actors/recipients with an unknown role",
        "error",
        1,
        "SELECT concat(event_id, ' ', role) FROM event_entities "
        "WHERE role NOT IN ('actor', 'recipient')",
        "Re-code the articles (`flashpoint code --recode`).",
    ),
    _Rule(
        "events with an unknown category or status",
        "error",
        1,
        "SELECT concat(event_id, ' ', category, '/', status) FROM events "
        "WHERE NOT list_contains(?, category) OR NOT list_contains(?, status)",
        "Re-code the articles with this flashpoint (`flashpoint code --recode`).",
        (list(PLOVER_CATEGORIES), list(STATUSES)),
    ),
    _Rule(
        "evidence sentences outside the article text",
        "error",
        1,
        _span_rule("sentence", "t.sentence_start", "t.sentence_end", "t.sentence_text"),
        "The article text changed after coding: re-code it (`flashpoint code --recode`).",
    ),
    _Rule(
        "triggers outside the article text",
        "error",
        1,
        _span_rule("trigger", "t.trigger_start", "t.trigger_end", "t.trigger_text"),
        "The article text changed after coding: re-code it (`flashpoint code --recode`).",
    ),
    _Rule(
        "triggers outside their evidence sentence",
        "error",
        1,
        "SELECT event_id FROM events WHERE trigger_start < sentence_start "
        "OR trigger_end > sentence_end",
        "Re-code the articles (`flashpoint code --recode`).",
    ),
    _Rule(
        "actor/recipient offsets outside the article text",
        "error",
        1,
        _span_rule("entity", "t.start_offset", "t.end_offset", "t.name", entities=True),
        "The article text changed after coding: re-code it (`flashpoint code --recode`).",
    ),
    _Rule(
        "date expressions outside the article text",
        "error",
        1,
        _span_rule("date", "t.date_start", "t.date_end", "t.date_text"),
        "The article text changed after coding: re-code it (`flashpoint code --recode`).",
    ),
    _Rule(
        "place mentions outside the article text",
        "error",
        1,
        _span_rule("place", "t.location_start", "t.location_end", None),
        "The article text changed after coding: re-code it (`flashpoint code --recode`).",
    ),
    _Rule(
        "articles coded without a coder version",
        "error",
        1,
        "SELECT id FROM articles WHERE (coded_at IS NULL) <> (coder_version IS NULL)",
        "Re-code them (`flashpoint code --recode`).",
    ),
    _Rule(
        "events of articles not marked coded",
        "error",
        1,
        "SELECT DISTINCT a.id FROM articles a JOIN events e ON e.article_id = a.id "
        "WHERE a.coded_at IS NULL",
        "Run `flashpoint code`: it replaces the events of these articles.",
    ),
    _Rule(
        "events of articles whose coding failed",
        "error",
        1,
        "SELECT DISTINCT a.id FROM articles a JOIN events e ON e.article_id = a.id "
        "WHERE a.coding_error IS NOT NULL",
        "Re-code them (`flashpoint code --recode`).",
    ),
    _Rule(
        "articles sharing a content hash",
        "error",
        1,
        "SELECT concat(content_hash, ': ', string_agg(id, ', ' ORDER BY id)) FROM articles "
        "GROUP BY content_hash HAVING count(*) > 1",
        "The same text is stored twice; delete one copy through a new ingest of a clean "
        "database, or keep both knowing counts double.",
    ),
    _Rule(
        "articles with an empty text",
        "error",
        1,
        "SELECT id FROM articles WHERE length(trim(text)) = 0",
        "Ingest refuses empty texts; restore the database from a backup.",
    ),
    _Rule(
        "story members whose story is missing",
        "error",
        2,
        "SELECT concat(m.event_id, ' -> ', m.story_id) FROM story_members m "
        "LEFT JOIN stories s ON s.story_id = m.story_id WHERE s.story_id IS NULL",
        "Regroup: `flashpoint stories --update --rebuild`.",
    ),
    _Rule(
        "story members whose event is missing",
        "warning",
        2,
        "SELECT concat(m.event_id, ' in ', m.story_id) FROM story_members m "
        "LEFT JOIN events e ON e.event_id = m.event_id WHERE e.event_id IS NULL",
        "Normal after re-coding until the next grouping: `flashpoint stories --update`.",
    ),
    _Rule(
        "stories without members",
        "warning",
        2,
        "SELECT s.story_id FROM stories s LEFT JOIN story_members m ON m.story_id = s.story_id "
        "WHERE m.story_id IS NULL",
        "Regroup: `flashpoint stories --update`.",
    ),
    _Rule(
        "watch links stored without their article",
        "warning",
        4,
        "SELECT concat(l.canonical_url, ' -> ', l.article_id) FROM watch_links l "
        "LEFT JOIN articles a ON a.id = l.article_id "
        "WHERE l.state = 'stored' AND a.id IS NULL",
        "The article was removed after the watcher stored it; the link is not fetched again.",
    ),
)


def _rule_result(conn: Any, rule: _Rule) -> CheckResult:
    count_row = conn.execute(f"SELECT count(*) FROM ({rule.sql})", list(rule.params)).fetchone()  # noqa: S608 - fixed SQL from RULES
    count = int(count_row[0]) if count_row else 0
    examples: tuple[str, ...] = ()
    if count:
        rows = conn.execute(f"{rule.sql} LIMIT {EXAMPLES}", list(rule.params)).fetchall()
        examples = tuple(str(row[0]) for row in rows)
    return CheckResult(rule.name, rule.severity, count, examples, rule.hint if count else "")


def _schema_result(conn: Any, version: int) -> CheckResult:
    steps = [
        row[0] for row in conn.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()
    ]
    if steps != list(range(1, version + 1)):
        return CheckResult(
            "schema steps recorded in order",
            "error",
            1,
            (f"recorded steps: {steps}",),
            "A migration step is missing: restore the database from a backup.",
        )
    if version < LATEST_VERSION:
        return CheckResult(
            f"schema version is the latest ({LATEST_VERSION})",
            "warning",
            1,
            (f"the database is at version {version}",),
            "Any command that writes (e.g. `flashpoint stats`) applies the missing steps.",
        )
    return CheckResult(f"schema version is the latest ({LATEST_VERSION})", "error", 0)


def _hash_result(conn: Any, sample: int | None) -> CheckResult:
    """Recompute content hashes in Python (the normalisation is Python's) for a sample."""
    sql = "SELECT id, text, content_hash FROM articles ORDER BY id"
    if sample is not None:
        sql = f"SELECT id, text, content_hash FROM articles USING SAMPLE {int(sample)} ROWS"  # noqa: S608 - an int
    wrong = [row[0] for row in conn.execute(sql).fetchall() if content_hash(row[1]) != row[2]]
    return CheckResult(
        "content hashes match the article text",
        "error",
        len(wrong),
        tuple(wrong[:EXAMPLES]),
        "The article text was changed outside flashpoint; re-ingest it." if wrong else "",
    )


def check_integrity(conn: Any, path: str, *, hash_sample: int | None = 1000) -> IntegrityReport:
    """Run every rule the database's schema version allows; never writes.

    `hash_sample`: how many articles to re-hash (None: all of them).
    """
    version = current_version(conn)
    results: list[CheckResult] = []
    articles = events = 0
    if version == 0:
        results.append(
            CheckResult("the file is a flashpoint database", "error", 1, (path,), "Check --db.")
        )
    else:
        results.append(_schema_result(conn, version))
        results.extend(_rule_result(conn, rule) for rule in RULES if rule.since_version <= version)
        results.append(_hash_result(conn, hash_sample))
        articles = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        events = int(conn.execute("SELECT count(*) FROM events").fetchone()[0])
    return IntegrityReport(path, version, LATEST_VERSION, articles, events, tuple(results))
