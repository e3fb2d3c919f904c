"""`flashpoint eval` and its report, with a fake coder over hand-made files."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from flashpoint.cli.eval_cmd import eval_command
from flashpoint.errors import InputError
from flashpoint.evaluation import runner
from flashpoint.evaluation.report import DOC_BEGIN, DOC_END
from flashpoint.evaluation.runner import find_shared_dir
from flashpoint.models import Article, Entity, Event, EventDate, TextSpan


def _assault(actor: str, day: str | None) -> Event:
    return Event(
        event_id="e1",
        article_id="a",
        category="ASSAULT",
        mode="heavy-weapons",
        status="asserted",
        context=("military",),
        actors=(Entity(code=actor, sector="MIL", name=actor, start=0, end=3),),
        recipients=(),
        date=EventDate(value=day, granularity="day" if day else "unknown", type="exact"),
        location=None,
        sentence=TextSpan(0, 10, "x" * 10),
        trigger=TextSpan(3, 8, "shell"),
        confidence=0.8,
        score=-9.0,
        quad_class=4,
        cameo_root="19",
    )


class ShellingCoder:
    """Codes an ASSAULT by the North in any text that says "shelled", nothing otherwise."""

    def code_articles(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for article in articles:
            day = article.published_at.date().isoformat() if article.published_at else None
            yield article, ([_assault("PRK", day)] if "shelled" in article.text else [])


@pytest.fixture
def eval_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    gsr = tmp_path / "gsr.jsonl"
    records = [
        {
            "id": "g1",
            "text": "North Korea shelled the island.",
            "event": "ASSAULT",
            "actor": ["PRK"],
            "recipient": ["KOR"],
        },
        {
            "id": "g2",
            "text": "Seoul protested.",
            "event": "ACCUSE",
            "actor": ["KOR"],
            "recipient": ["PRK"],
        },
    ]
    gsr.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    csis_path = tmp_path / "csis.csv"
    with csis_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["date", "type", "event", "description"])
        writer.writerow(
            [
                "2010-11-23",
                "Other Provocation",
                "Shelling of Yeonpyeong Island",
                "The North shelled Yeonpyeong.",
            ]
        )
        writer.writerow(
            ["2024-01-14", "Missile Provocation", "Ballistic Missile Launch", "It fired a missile."]
        )
    monkeypatch.setattr(runner, "make_coder", ShellingCoder)
    return gsr, csis_path


def _run(args: list[str]) -> str:
    result = CliRunner().invoke(eval_command, args)
    assert result.exit_code == 0, result.output
    return result.output


def test_eval_prints_markdown_tables_for_gsr_and_csis(eval_files: tuple[Path, Path]) -> None:
    gsr, csis_path = eval_files
    out = _run(["--gsr", str(gsr), "--csis", str(csis_path), "--only", "gsr"])
    assert "| ASSAULT | 1.000 | 1.000 | 1.000 | 1 | 1 |" in out
    assert "| macro F1 (mean over the 16 categories) | 0.062 |" in out
    assert "| ACCUSE | NONE | 1 |" in out
    assert "CSIS" not in out
    out = _run(["--csis", str(csis_path), "--only", "csis"])
    assert "| attacks (Other Provocation, by `event`) | 1.000 (1/1) | 1.000 (1/1) |" in out
    assert "| missile + nuclear | 0.000 (0/1) | 0.000 (0/1) |" in out
    assert "| 2024-01-14 | Ballistic Missile Launch | not found | no event |" in out


def test_eval_json_and_error_file(eval_files: tuple[Path, Path], tmp_path: Path) -> None:
    gsr, csis_path = eval_files
    errors = tmp_path / "errors.jsonl"
    args = ["--gsr", str(gsr), "--csis", str(csis_path), "--meantime", str(tmp_path)]
    out = _run([*args, "--only", "gsr", "--format", "json", "--errors", str(errors)])
    data = json.loads(out)
    assert data["gsr"]["micro"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667}
    assert data["gsr"]["confusion"]["ACCUSE"]["NONE"] == 1
    listed = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [(e["set"], e["record_id"], e["reasons"]) for e in listed] == [
        ("gsr", "g1", ["recipient codes differ"]),
        ("gsr", "g2", ["no event coded", "actor codes differ", "recipient codes differ"]),
    ]
    _run([*args, "--only", "csis", "--format", "json", "--errors", str(errors)])
    listed = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [(e["set"], e["date"], e["found"]) for e in listed] == [("csis", "2024-01-14", False)]


def test_eval_write_doc_replaces_only_the_generated_block(
    eval_files: tuple[Path, Path], tmp_path: Path
) -> None:
    gsr, _ = eval_files
    doc = tmp_path / "ACCURACY.md"
    doc.write_text(f"# Accuracy\n\nprose stays\n\n{DOC_BEGIN}\nold numbers\n{DOC_END}\n\ntail\n")
    _run(["--gsr", str(gsr), "--only", "gsr", "--write-doc", str(doc)])
    text = doc.read_text(encoding="utf-8")
    assert "old numbers" not in text
    assert text.startswith("# Accuracy\n\nprose stays\n\n")
    assert text.endswith(f"{DOC_END}\n\ntail\n")
    assert "| ASSAULT | 1.000 |" in text


def test_eval_without_shared_data_says_where_it_looked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "REPO_ROOT", tmp_path / "repo")
    with pytest.raises(InputError, match=r"pass --shared DIR"):
        find_shared_dir(cwd=tmp_path / "repo")
    result = CliRunner().invoke(eval_command, ["--shared", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert "[FP208]" in result.output
    assert "nowhere" in result.output


def test_accuracy_doc_keeps_its_generated_block_and_commands() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "ACCURACY.md").read_text(encoding="utf-8")
    assert doc.index(DOC_BEGIN) < doc.index(DOC_END)
    assert "flashpoint eval --write-doc docs/ACCURACY.md" in doc
    assert "python -m flashpoint.evaluation.gate --update" in doc
