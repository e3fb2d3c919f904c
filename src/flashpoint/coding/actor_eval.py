"""A development metric for actor mention finding on gold event records.

For each record (a sentence with gold actor and recipient codes) it asks whether
`find_actor_mentions` found a mention with each gold code anywhere in the sentence
(mention recall), and counts mentions whose code is in neither gold list (a rough
false-positive count: gold lists name only the event's participants, so some of these
are real actors the gold leaves out). Gold "IGO" matches any "IGO:..." code; empty and
"***" gold codes are skipped. Each sentence is its own article (a context built from
the sentence alone), which is how the coder sees a one-sentence input.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from flashpoint.coding.actors import build_actor_context, find_actor_mentions


def _codes_match(gold: str, found: str) -> bool:
    if gold == "IGO":
        return found.startswith("IGO:")
    return gold == found


def actor_mention_recall(records: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Mention recall of gold actor/recipient codes and a false-positive count.

    Records carry `text`, `actor` and `recipient` (lists of codes), as in
    plover_gsr.jsonl. Returns counts, the recall, the false-positive count, and the
    most frequent missed codes and spurious codes for error analysis.
    """
    gold_total = 0
    gold_found = 0
    mentions_total = 0
    false_positives = 0
    missed: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    sentences = 0
    for record in records:
        text = str(record.get("text", ""))
        sentences += 1
        context = build_actor_context(text)
        found = [m.code for m in find_actor_mentions(text, context=context)]
        gold = [
            str(code)
            for code in [*record.get("actor", []), *record.get("recipient", [])]
            if code and code != "***"
        ]
        for code in gold:
            gold_total += 1
            if any(_codes_match(code, other) for other in found):
                gold_found += 1
            else:
                missed[code] += 1
        for code in found:
            mentions_total += 1
            if not any(_codes_match(other, code) for other in gold):
                false_positives += 1
                spurious[code] += 1
    return {
        "sentences": sentences,
        "gold_codes": gold_total,
        "gold_codes_found": gold_found,
        "mention_recall": gold_found / gold_total if gold_total else 0.0,
        "mentions": mentions_total,
        "false_positive_mentions": false_positives,
        "missed_codes": dict(missed.most_common(20)),
        "spurious_codes": dict(spurious.most_common(20)),
    }
