"""A request waiting for a worker is dropped when its client hangs up (issue 15: ten requests for
long reports, each abandoned at once, kept later pages waiting for minutes)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import anyio
import pytest

from c102.web.guard import Disconnected, Limits, run_work


def _request(messages: list[dict[str, Any]], limiter: anyio.CapacityLimiter) -> Any:
    async def receive() -> dict[str, Any]:
        if messages:
            return messages.pop(0)
        await anyio.sleep_forever()
        raise AssertionError("unreachable")

    state = SimpleNamespace(limits=Limits(work_seconds=5), limiter=limiter)
    return SimpleNamespace(app=SimpleNamespace(state=state), receive=receive)


def test_work_queued_for_a_client_that_hung_up_never_runs() -> None:
    ran: list[str] = []

    async def main() -> None:
        limiter = anyio.CapacityLimiter(1)
        holder = object()
        await limiter.acquire_on_behalf_of(holder)  # the only worker is busy
        request = _request([{"type": "http.request", "body": b""}, {"type": "http.disconnect"}], limiter)
        with pytest.raises(Disconnected):
            await run_work(request, ran.append, "work")
        limiter.release_on_behalf_of(holder)
        assert limiter.borrowed_tokens == 0  # nothing held on behalf of the dropped request

    anyio.run(main)
    assert ran == []


def test_queued_work_runs_once_a_worker_is_free_and_frees_it_after() -> None:
    async def main() -> None:
        limiter = anyio.CapacityLimiter(1)
        holder = object()
        await limiter.acquire_on_behalf_of(holder)
        request = _request([{"type": "http.request", "body": b""}], limiter)  # the client stays

        async def free_later() -> None:
            await anyio.sleep(0.05)
            limiter.release_on_behalf_of(holder)

        async with anyio.create_task_group() as group:
            group.start_soon(free_later)
            assert await run_work(request, lambda: 42) == 42
        assert limiter.borrowed_tokens == 0

    anyio.run(main)
