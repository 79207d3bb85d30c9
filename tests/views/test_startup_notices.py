"""A notice found after Today is up (the daily backup runs after the first screen) reaches the open window."""

from __future__ import annotations

import asyncio
import threading

import flet as ft

NOTICE = "Today's automatic backup couldn't be made: the disk is full. Everything you saved is safe."


def open_snackbar_texts(h) -> list[str]:
    return [d.content.value for d in h.page._dialogs.controls if isinstance(d, ft.SnackBar) and d.open]


async def test_a_later_notice_is_shown_in_the_open_window(mount_bounceback, services):
    h = await mount_bounceback()
    assert NOTICE not in open_snackbar_texts(h)
    told = threading.Thread(target=services.db.tell, args=(NOTICE,))  # from its own thread, as startup.py does
    told.start()
    await asyncio.to_thread(told.join)
    await h.settle()
    assert NOTICE in open_snackbar_texts(h)


async def test_a_window_opened_later_shows_it_too(mount_bounceback, services):
    services.db.tell(NOTICE)
    h = await mount_bounceback()
    await h.settle()
    assert NOTICE in open_snackbar_texts(h)
