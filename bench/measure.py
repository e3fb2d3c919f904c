"""One benchmark measurement, run in a fresh process so its peak RSS is its own.

Usage (bench/run.py does this): python bench/measure.py '{"bench": "coder", ...}'
The last line printed is the result as JSON.

Peak memory is reported three ways:
- `rss_self_mb`: getrusage(RUSAGE_SELF) of this process;
- `rss_children_mb`: getrusage(RUSAGE_CHILDREN), the largest finished child process;
- `rss_total_mb`: the largest sum of RSS over this process and all its descendants,
  sampled every 0.1 s with psutil (a dependency of Dask) when it is installed; this is
  the number to hold against the 1.5 GB target.
"""

from __future__ import annotations

import gzip
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = {
    "kcna": SHARED / "data" / "corpora" / "kcna_2011_2012.jsonl.gz",
    "voa": SHARED / "data" / "corpora" / "voa_2019_2025.jsonl",
}


class PeakMemory:
    """Samples the RSS of this process tree in a background thread."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        try:
            import psutil  # type: ignore[import-untyped]  # no stubs installed

            self._proc: Any = psutil.Process()
        except ImportError:
            self._proc = None

    def _sample(self) -> None:
        while not self._stop.is_set():
            total = 0
            try:
                total = self._proc.memory_info().rss
                for child in self._proc.children(recursive=True):
                    try:
                        total += child.memory_info().rss
                    except Exception:  # noqa: BLE001 - a child may exit between listing and reading
                        continue
            except Exception:  # noqa: BLE001 - sampling must never break a measurement
                total = 0
            self.peak = max(self.peak, total)
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        if self._proc is not None:
            self._thread = threading.Thread(target=self._sample, daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()


def corpus_path(name: str) -> Path:
    path = CORPORA.get(name, Path(name))
    if not path.is_file():
        raise SystemExit(f"corpus {name!r} not found at {path} (is ../shared beside the repo?)")
    return path


def count_records(path: Path) -> int:
    opener: Callable[..., Any] = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return sum(1 for line in handle if line.strip())


def read_articles(path: Path, limit: int) -> Iterator[Any]:
    """The first `limit` articles of a corpus through flashpoint's own reader, streaming."""
    from flashpoint.engines.inputs import read_batch_inputs
    from flashpoint.models import Article

    stream = (item for item in read_batch_inputs([str(path)]) if isinstance(item, Article))
    return islice(stream, limit)


def write_subset(path: Path, limit: int, directory: Path) -> Path:
    """The first `limit` records as a JSON Lines file, for commands that take a file."""
    target = directory / f"subset-{limit}.jsonl"
    opener: Callable[..., Any] = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as source, target.open("w", encoding="utf-8") as out:
        for line in islice((line for line in source if line.strip()), limit):
            out.write(line)
    return target


def write_articles(path: Path, limit: int, directory: Path) -> Path:
    """The first `limit` usable articles as JSON Lines, so engines compare on equal input."""
    target = directory / f"articles-{limit}.jsonl"
    with target.open("w", encoding="utf-8") as out:
        for article in read_articles(path, limit):
            record = {
                "id": article.id,
                "text": article.text,
                "title": article.title,
                "date": article.published_at.isoformat() if article.published_at else None,
            }
            out.write(json.dumps(record) + "\n")
    return target


# ---------------------------------------------------------------------------
# The benchmarks. Each returns a dict with at least articles, words and seconds.


def bench_spacy(spec: dict[str, Any]) -> dict[str, Any]:
    """A bare spaCy pass: nlp.pipe over the full texts, same model, `processes` processes."""
    from flashpoint.nlp.pipeline import load_pipeline

    nlp = load_pipeline(spec.get("model", "en_core_web_sm"))
    articles = list(read_articles(corpus_path(spec["corpus"]), spec["size"]))
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    del articles
    started = time.perf_counter()
    tokens = 0
    for doc in nlp.pipe(texts, batch_size=64, n_process=spec["processes"]):
        tokens += len(doc)
    seconds = time.perf_counter() - started
    return {"articles": len(texts), "words": words, "seconds": seconds, "tokens": tokens}


def bench_coder(spec: dict[str, Any]) -> dict[str, Any]:
    """The coder through engines.local.code_stream: read, split, prefilter, parse, code."""
    from flashpoint.config import Settings
    from flashpoint.engines.local import code_stream
    from flashpoint.engines.partitions import worker_coder
    from flashpoint.models import Article

    settings = Settings(
        prefilter=spec.get("prefilter", True), model=spec.get("model", "en_core_web_sm")
    )
    workers = spec["workers"]
    if workers <= 1:
        # Load the model and the coder's tables before the clock starts (a worker process
        # pays this once at start-up; the multiprocess timings include it).
        warm_up = Article.build(
            "North Korea fired two missiles on Monday, South Korea's military said in Seoul.",
            id="warm-up",
        )
        list(worker_coder(settings).code_articles([warm_up]))
    articles = words = events = 0
    failures: list[Any] = []
    started = time.perf_counter()
    for article, found in code_stream(
        read_articles(corpus_path(spec["corpus"]), spec["size"]),
        settings,
        workers,
        failures=failures,
    ):
        articles += 1
        words += len(article.text.split())
        events += len(found)
    seconds = time.perf_counter() - started
    if failures:
        raise SystemExit(f"{len(failures)} articles failed to code; first: {failures[0].reason}")
    return {"articles": articles, "words": words, "seconds": seconds, "events": events}


def bench_dask(spec: dict[str, Any]) -> dict[str, Any]:
    """The Dask engine on a local cluster, writing Parquet; cluster start-up included."""
    from flashpoint.config import Settings
    from flashpoint.engines.dask_engine import code_with_dask

    settings = Settings(prefilter=spec.get("prefilter", True))
    with tempfile.TemporaryDirectory(prefix="fp-bench-") as tmp:
        source = write_articles(corpus_path(spec["corpus"]), spec["size"], Path(tmp))
        report = code_with_dask(
            [str(source)],
            Path(tmp) / "out",
            settings,
            n_workers=spec["workers"],
            partition_size=spec.get("partition_size", 250),
        )
    if report.failures:
        raise SystemExit(f"{report.failures} articles failed to code")
    return {
        "articles": report.articles,
        "words": report.words,
        "seconds": report.seconds,
        "events": report.events,
        "partitions": report.partitions,
        "rejections": report.rejections,
    }


def _flashpoint(*args: str) -> float:
    exe = shutil.which("flashpoint", path=str(Path(sys.executable).parent)) or "flashpoint"
    started = time.perf_counter()
    subprocess.run([exe, *args], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def bench_e2e(spec: dict[str, Any]) -> dict[str, Any]:
    """`flashpoint ingest` then `flashpoint code --workers N` into a new DuckDB file."""
    from flashpoint.store.database import open_store

    path = corpus_path(spec["corpus"])
    with tempfile.TemporaryDirectory(prefix="fp-bench-") as tmp:
        stories = count_records(path)
        if spec["size"] < stories:
            stories = spec["size"]
            path = write_subset(path, stories, Path(tmp))
        source = path
        words = sum(len(a.text.split()) for a in read_articles(source, stories))
        db = str(Path(tmp) / "bench.duckdb")
        ingest_seconds = _flashpoint("ingest", str(source), "--db", db)
        code_seconds = _flashpoint("code", "--workers", str(spec["workers"]), "--db", db)
        with open_store(db) as store:
            stats = store.stats()
    return {
        "articles": stats.coded,
        "stories": stories,  # input records, usable or not
        "stories_per_second": stories / (ingest_seconds + code_seconds),
        "words": words,
        "seconds": ingest_seconds + code_seconds,
        "ingest_seconds": ingest_seconds,
        "code_seconds": code_seconds,
        "events": stats.events,
    }


def bench_profile(spec: dict[str, Any]) -> dict[str, Any]:
    """cProfile of the in-process coder; time grouped by where it is spent."""
    import cProfile
    import pstats

    from flashpoint.config import Settings
    from flashpoint.engines.partitions import worker_coder

    settings = Settings(prefilter=spec.get("prefilter", True))
    coder = worker_coder(settings)
    articles = list(read_articles(corpus_path(spec["corpus"]), spec["size"]))
    list(coder.code_articles(articles[:1]))  # load the model and tables outside the profile
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    events = sum(len(found) for _, found in coder.code_articles(articles))
    profiler.disable()
    seconds = time.perf_counter() - started
    stats = pstats.Stats(profiler)
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    rows = [
        {"function": f"{file}:{line}({name})", "calls": nc, "tottime": tt, "cumtime": ct}
        for (file, line, name), (_cc, nc, tt, ct, _callers) in raw.items()
    ]
    rows.sort(key=lambda r: r["cumtime"], reverse=True)
    areas: dict[str, float] = {}
    for row in rows:
        areas[_area(row["function"])] = areas.get(_area(row["function"]), 0.0) + row["tottime"]
    return {
        "articles": len(articles),
        "words": sum(len(a.text.split()) for a in articles),
        "seconds": seconds,
        "events": events,
        "self_time_by_area": dict(sorted(areas.items(), key=lambda kv: -kv[1])),
        "top_cumulative": [r for r in rows if "flashpoint" in r["function"]][:25],
    }


def bench_components(spec: dict[str, Any]) -> dict[str, Any]:
    """Seconds spent in each spaCy component over full article texts, one process."""
    from flashpoint.nlp.pipeline import load_pipeline

    nlp = load_pipeline(spec.get("model", "en_core_web_sm"))
    texts = [a.text for a in read_articles(corpus_path(spec["corpus"]), spec["size"])]
    started = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    components = {"tokenizer": time.perf_counter() - started}
    for name, component in nlp.pipeline:
        began = time.perf_counter()
        docs = list(component.pipe(docs, batch_size=64))
        components[name] = time.perf_counter() - began
    return {
        "articles": len(texts),
        "words": sum(len(t.split()) for t in texts),
        "seconds": time.perf_counter() - started,
        "components": {k: round(v, 3) for k, v in components.items()},
    }


def bench_accuracy(spec: dict[str, Any]) -> dict[str, Any]:
    """The issue [2] evaluation (PLOVER gold records and CSIS) with the prefilter on or off."""
    from flashpoint.coding.coder import Coder
    from flashpoint.config import Settings
    from flashpoint.evaluation.runner import EvalPaths, run_evaluations

    coder = Coder(Settings(prefilter=spec["prefilter"]))
    paths = EvalPaths.resolve(shared=SHARED)
    started = time.perf_counter()
    results = run_evaluations(EvalPaths(gsr=paths.gsr, csis=paths.csis, meantime=None), coder)
    seconds = time.perf_counter() - started
    gsr = results.gsr.to_dict() if results.gsr else {}
    csis = results.csis.to_dict() if results.csis else {}
    return {
        "articles": gsr.get("records", 0) + csis.get("scored", 0),
        "words": 0,
        "seconds": seconds,
        "gsr": {k: gsr.get(k) for k in ("records", "macro_f1", "micro", "actor", "recipient")},
        "csis": {k: csis.get(k) for k in ("rows", "scored", "missile_nuclear")},
    }


def _area(function: str) -> str:
    for marker, area in (
        ("flashpoint/coding/", "flashpoint.coding"),
        ("flashpoint/nlp/", "flashpoint.nlp"),
        ("flashpoint/", "flashpoint (other)"),
        ("thinc", "spaCy/thinc model"),
        ("spacy", "spaCy/thinc model"),
        ("numpy", "numpy"),
        ("/re/", "regular expressions"),
        ("_sre", "regular expressions"),
    ):
        if marker in function:
            return area
    return "other (Python, builtins)"


BENCHES: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "spacy": bench_spacy,
    "coder": bench_coder,
    "dask": bench_dask,
    "e2e": bench_e2e,
    "profile": bench_profile,
    "components": bench_components,
    "accuracy": bench_accuracy,
}


def cpu_seconds() -> float:
    """User plus system CPU time of this process and every child it has waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    spec = json.loads(sys.argv[1])
    cpu_before = cpu_seconds()
    with PeakMemory() as peak:
        result = BENCHES[spec["bench"]](spec)
    # CPU time is less sensitive than wall time to other work sharing the machine; it
    # includes start-up work (reading, model loading) that the timed section may exclude.
    result["cpu_seconds"] = round(cpu_seconds() - cpu_before, 2)
    mb = 1024.0  # ru_maxrss is in KiB on Linux
    result.update(
        spec=spec,
        rss_self_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / mb, 1),
        rss_children_mb=round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / mb, 1),
        rss_total_mb=round(peak.peak / mb / mb, 1) if peak.peak else None,
        articles_per_second=round(result["articles"] / result["seconds"], 2),
        words_per_second=round(result["words"] / result["seconds"], 1),
        seconds=round(result["seconds"], 2),
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
