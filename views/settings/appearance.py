import flet as ft

from views.common.layout import Section
from views.context import use_services
from views.theme import MODES


@ft.component
def AppearanceSection():
    services = use_services()
    mode, set_mode = ft.use_state(services.settings.theme_mode)

    def choose(e: ft.Event):
        chosen = e.control.value
        services.settings.set_theme_mode(mode=chosen)
        page = ft.context.page
        page.theme_mode = MODES[chosen]
        page.update()
        set_mode(chosen)

    return Section(
        "Appearance",
        ft.RadioGroup(
            value=mode,
            on_change=choose,
            content=ft.Row(
                [
                    ft.Radio(value="system", label="Follow my system"),
                    ft.Radio(value="light", label="Light"),
                    ft.Radio(value="dark", label="Dark"),
                ],
                wrap=True,
            ),
        ),
    )
