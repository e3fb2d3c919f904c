"""Draw the held-out sentence sample (seeded) and print it with its paragraph for labelling.

    .venv/bin/python bench/heldout_sample.py --shared ../shared --skeleton /tmp/skeleton.jsonl \
        --sheet /tmp/sheet.txt

The skeleton holds only where each sentence is (no text); the sheet, for the annotator's
eyes only and never committed, shows each sentence in its article context. See
docs/ANNOTATION.md for how the labels were then written.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from flashpoint.evaluation.heldout_corpus import CORPORA, SentenceRef, draw_sample, read_corpus
from flashpoint.models import Article

_CONTEXT = 600  # characters of article text shown before and after the sentence


def _sheet_entry(number: int, ref: SentenceRef, article: Article) -> str:
    text = article.text
    before = text[max(0, ref.start - _CONTEXT) : ref.start]
    after = text[ref.end : ref.end + _CONTEXT]
    return (
        f"=== {number} {ref.corpus} {ref.article} [{ref.start}:{ref.end}] "
        f"{article.published_at} | {article.title}\n"
        f"...{before}\n>>> {text[ref.start : ref.end]} <<<\n{after}...\n"
    )


@click.command()
@click.option("--shared", type=click.Path(file_okay=False, path_type=Path), default="../shared")
@click.option("--skeleton", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--sheet", type=click.Path(dir_okay=False, path_type=Path), required=True)
def main(shared: Path, skeleton: Path, sheet: Path) -> None:
    """Write the sample's locations (skeleton) and a reading sheet with context."""
    lines: list[str] = []
    entries: list[str] = []
    for corpus in CORPORA:
        articles = read_corpus(shared, corpus)
        for ref in draw_sample(articles, corpus):
            lines.append(
                json.dumps(
                    {
                        "corpus": ref.corpus,
                        "article": ref.article,
                        "start": ref.start,
                        "end": ref.end,
                        "sha256": ref.sha256,
                    }
                )
            )
            entries.append(_sheet_entry(len(entries) + 1, ref, articles[ref.article]))
    skeleton.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sheet.write_text("\n".join(entries), encoding="utf-8")
    click.echo(f"{len(lines)} sentences: {skeleton} (locations), {sheet} (reading sheet)")


if __name__ == "__main__":
    main()
