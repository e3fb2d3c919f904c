"""The NLP stage: sentence splitting and the spaCy pipeline. spaCy objects stay in here."""

from flashpoint.nlp.pipeline import Parser, load_pipeline
from flashpoint.nlp.sentences import SentenceSpan, split_sentences

__all__ = ["Parser", "SentenceSpan", "load_pipeline", "split_sentences"]
