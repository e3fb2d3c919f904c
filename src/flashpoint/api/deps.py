"""Dependencies shared by routes: the per-request read-only store."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request

from flashpoint.store import Store


def request_store(request: Request) -> Iterator[Store]:
    """The store, opened read-only for this request and closed after it."""
    with request.app.state.store_access.read() as store:
        yield store


ReadStore = Annotated[Store, Depends(request_store)]
