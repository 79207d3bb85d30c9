"""Fixtures for headless view tests. All Flet internals live in harness.py."""

import os
import sys

import pytest_asyncio

# Make `import harness` work whatever the rootdir/import mode (no package
# __init__ needed under tests/).
sys.path.insert(0, os.path.dirname(__file__))

from harness import Harness, mount_app  # noqa: E402


@pytest_asyncio.fixture
async def mount():
    """Async factory: ``h = await mount(main, width=390, height=844, route="/")``.

    Every mounted session is closed at teardown (stops its update scheduler,
    cancels the fake client's tasks).
    """
    mounted: list[Harness] = []

    async def _mount(main, **kwargs) -> Harness:
        h = await mount_app(main, **kwargs)
        mounted.append(h)
        return h

    yield _mount
    for h in mounted:
        await h.close()


@pytest_asyncio.fixture
async def mount_bounceback(mount, services):
    """Mount the whole app on the in-memory services: ``h = await mount_bounceback(width=390)``."""
    from views.app import start

    async def _mount(width: float = 1280, height: float = 800, route: str = "/", day_watch: bool = False) -> Harness:
        # day_watch: the midnight watcher is a long-lived task; only the tests about it start it.
        def main(page):
            start(page, services, reminders=False, safety_net=False, day_watch=day_watch)

        return await mount(main, width=width, height=height, route=route)

    return _mount
