"""Loading the spaCy pipeline and turning its output into flashpoint's own records."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from flashpoint.config import KNOWN_MODELS
from flashpoint.errors import ConfigError
from flashpoint.models import ParsedSentence, Token
from flashpoint.nlp.recase import recase_headline
from flashpoint.nlp.sentences import SentenceSpan

# Components the coder uses; anything else in a pipeline is disabled for speed.
_NEEDED = ("tok2vec", "transformer", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


def resolve_model_package(name: str) -> str:
    """The importable package for a configured model name, or a coded error saying what to do."""
    candidates = KNOWN_MODELS.get(name)
    if candidates is None:
        raise ConfigError("FP102", f"model {name!r} is not one of {', '.join(KNOWN_MODELS)}")
    for package in candidates:
        if importlib.util.find_spec(package) is not None:
            return package
    raise ConfigError("FP103", f"no installed package provides the spaCy pipeline {name!r}")


@lru_cache(maxsize=4)
def load_pipeline(name: str = "en_core_web_sm") -> Any:
    """Load (once per process) the configured spaCy pipeline with unused parts disabled."""
    import spacy  # noqa: PLC0415 - spaCy is heavy; import it only when a parse is needed

    package = resolve_model_package(name)
    nlp = spacy.load(package)
    disable = [pipe for pipe in nlp.pipe_names if pipe not in _NEEDED]
    for pipe in disable:
        nlp.disable_pipe(pipe)
    return nlp


class Parser:
    """Parses sentences into `ParsedSentence` records. The only user of spaCy's objects."""

    def __init__(
        self, model: str = "en_core_web_sm", batch_size: int = 256, *, entities: bool = True
    ) -> None:
        self.model = model
        self.batch_size = batch_size
        # The coder finds actors with its own gazetteer; skipping NER saves a fifth of the parse.
        self.entities = entities
        self._nlp: Any = None

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = load_pipeline(self.model)
        return self._nlp

    def parse(
        self, article_id: str, sentences: Sequence[tuple[int, SentenceSpan]]
    ) -> list[ParsedSentence]:
        """Parse (index, sentence) pairs of one article."""
        return list(self.parse_many((article_id, index, span) for index, span in sentences))

    def parse_many(
        self, items: Iterable[tuple[str, int, SentenceSpan]]
    ) -> Iterator[ParsedSentence]:
        """Parse (article_id, index, sentence) triples, batching across articles."""
        stream = (
            (for_parser(span.text), (article_id, index, span)) for article_id, index, span in items
        )
        disable = [] if self.entities else [p for p in ("ner",) if p in self.nlp.pipe_names]
        for doc, (article_id, index, span) in self.nlp.pipe(
            stream, as_tuples=True, batch_size=self.batch_size, disable=disable
        ):
            yield to_parsed_sentence(doc, article_id, index, span)


# "test-fired" is tagged as an adjective by the small model ("test-fired missiles"); blanking
# the "test-" prefix (same length, so offsets hold) lets the verb parse as a verb.
_TEST_PREFIX = re.compile(r"(?i)\btest[-\u2010\u2011](?=(?:fir|launch))")
# Non-breaking and thin spaces are words' neighbours to the small model ("shells\xa0under"
# reads as a verb); a plain space is the same length.
_SOFT_HYPHENS = str.maketrans(
    {"\u2010": "-", "\u2011": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " "}
)


def for_parser(text: str) -> str:
    """The sentence as the parser sees it: same length, so every offset still holds.

    A Title Case headline is sentence-cased (see `flashpoint.nlp.recase`): the small
    model reads every capitalised word as a proper noun and finds no verb.
    """
    text = recase_headline(text)
    return _TEST_PREFIX.sub(lambda m: " " * len(m.group()), text).translate(_SOFT_HYPHENS)


def to_parsed_sentence(doc: Any, article_id: str, index: int, span: SentenceSpan) -> ParsedSentence:
    """Convert a spaCy Doc of one sentence into a ParsedSentence with article offsets."""
    base = span.start
    tokens = tuple(
        Token(
            i=tok.i,
            text=_original(span.text, tok.idx, tok.text),
            lemma=tok.lemma_,
            pos=tok.pos_,
            tag=tok.tag_,
            dep=tok.dep_,
            head=tok.head.i,
            start=base + tok.idx,
            end=base + tok.idx + len(tok.text),
            ent_type=tok.ent_type_,
            ent_iob=tok.ent_iob_,
            morph=str(tok.morph),
        )
        for tok in doc
    )
    return ParsedSentence(
        article_id=article_id,
        index=index,
        start=span.start,
        end=span.end,
        text=span.text,
        tokens=tokens,
    )


def _original(text: str, start: int, parsed: str) -> str:
    """A token's text as written: the parser may have seen it recased (never respelled)."""
    written = text[start : start + len(parsed)]
    return written if written != parsed and written.lower() == parsed.lower() else parsed
