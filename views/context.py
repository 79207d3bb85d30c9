"""Shared objects handed down the component tree."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import flet as ft

if TYPE_CHECKING:
    from services.container import AppServices

ServicesContext = ft.create_context(None)


def use_services() -> AppServices:
    services = ft.use_context(ServicesContext)
    if services is None:
        raise RuntimeError("ServicesContext is missing: render screens inside App")
    return services


@dataclass
class Viewport:
    width: float
    height: float

    @property
    def narrow(self) -> bool:
        return self.width < NARROW_BELOW


NARROW_BELOW = 640  # px: phones and small windows get the bottom NavigationBar

ViewportContext = ft.create_context(Viewport(1280, 800))


def use_viewport() -> Viewport:
    return ft.use_context(ViewportContext)
