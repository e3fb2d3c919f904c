"""The held-out corpora: read the unseen news and draw the seeded sentence sample.

The held-out set (docs/ANNOTATION.md) is 160 sentences from two corpora in
../shared/data/corpora that the coder was never developed against. Texts stay in
../shared; the labels file in the package keeps only where each sentence is
(corpus, article key, character offsets) and a SHA-256 of its text to detect drift.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from flashpoint.coding.actors import has_actor_mention
from flashpoint.errors import InputError
from flashpoint.models import Article
from flashpoint.nlp import split_sentences

# corpus name -> (file under the shared directory, field holding the article's stable key)
CORPORA: dict[str, tuple[Path, str]] = {
    "voa": (Path("data/corpora/voa_2019_2025.jsonl"), "id"),
    "kcna": (Path("data/corpora/kcna_2024.jsonl"), "url"),
}
SAMPLE_SEED = 20240917
SAMPLE_SIZE = 80  # sentences per corpus
_MIN_WORDS = 6  # shorter spans are datelines, bylines or captions, not sentences


@dataclass(frozen=True, slots=True)
class SentenceRef:
    """Where a sampled sentence is: corpus, article key and offsets in the article text."""

    corpus: str
    article: str
    start: int
    end: int
    sha256: str


def sentence_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _published(raw: dict[str, object]) -> datetime | None:
    value = str(raw.get("published") or raw.get("date") or "").strip()
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def read_corpus(shared: Path, corpus: str) -> dict[str, Article]:
    """The corpus's articles by stable key; the article id is "<corpus>:<key>"."""
    if corpus not in CORPORA:
        raise InputError("FP204", f"unknown held-out corpus {corpus!r}", source=corpus)
    relative, key_field = CORPORA[corpus]
    path = shared / relative
    if not path.is_file():
        raise InputError("FP208", "the held-out corpus is not there", source=str(path))
    articles: dict[str, Article] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            key, text = str(raw[key_field]), str(raw["text"])
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(
                "FP204", f"corpus record cannot be read: {exc}", source=f"{path}:{number}"
            ) from exc
        articles[key] = Article.build(
            text,
            id=f"{corpus}:{key}",
            url=raw.get("url"),
            title=raw.get("title"),
            outlet="VOA" if corpus == "voa" else "KCNA",
            published_at=_published(raw),
            language="en",
            source=f"{relative}:{number}",
        )
    return articles


def eligible_sentences(corpus: str, key: str, text: str) -> list[SentenceRef]:
    """Sentences of an article that name at least one country or organisation."""
    refs = []
    for span in split_sentences(text):
        if len(span.text.split()) < _MIN_WORDS:
            continue
        if has_actor_mention(text, span.start, span.end):
            refs.append(SentenceRef(corpus, key, span.start, span.end, sentence_hash(span.text)))
    return refs


def draw_sample(
    articles: dict[str, Article], corpus: str, size: int = SAMPLE_SIZE, seed: int = SAMPLE_SEED
) -> list[SentenceRef]:
    """`size` sentences, at most one per article: articles in a seeded random order, and
    in each a seeded random choice among its eligible sentences (articles without one are
    passed over). Deterministic for a given corpus file, size and seed.
    """
    rng = random.Random(f"{seed}:{corpus}")  # noqa: S311 - a reproducible sample, not a secret
    keys = sorted(articles)
    rng.shuffle(keys)
    sample: list[SentenceRef] = []
    for key in keys:
        candidates = eligible_sentences(corpus, key, articles[key].text)
        if candidates:
            sample.append(rng.choice(candidates))
        if len(sample) == size:
            break
    return sample
