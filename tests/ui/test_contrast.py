"""Every text colour the window sets, readable on what it is drawn on, light and dark.

WCAG AA asks 4.5:1 for text. The colours come from `ui.common.colours` (meanings in both
schemes), the style sheets (`style.qss`, and `style-dark.qss` read after it) and the brief
preview's style; the backgrounds from the palettes the app installs.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from ui.common.colours import Tint, Tone, preview_style, tint, tone
from ui.common.resources import resource_path
from ui.shell.theme import dark_palette

AA = 4.5
SCHEMES = {"light": False, "dark": True}


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def palette(qapp: QApplication, dark: bool) -> QPalette:
    return dark_palette() if dark else qapp.style().standardPalette()


def test_contrast_is_worked_out_as_wcag_says() -> None:
    assert contrast(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("white")) == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_tone_reads_on_every_background_it_is_drawn_on(
    qapp: QApplication, scheme: str
) -> None:
    dark = SCHEMES[scheme]
    colours = palette(qapp, dark)
    role = QPalette.ColorRole
    ratios = {
        (name.name, background.name): contrast(tone(name, dark), colours.color(background))
        for name in Tone
        for background in (role.Base, role.AlternateBase, role.Window)
    }
    low = [
        f"{ink} on {ground}: {ratio:.2f}" for (ink, ground), ratio in ratios.items() if ratio < AA
    ]
    assert low == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_palettes_text_reads_on_every_tint(qapp: QApplication, scheme: str) -> None:
    dark = SCHEMES[scheme]
    text = palette(qapp, dark).color(QPalette.ColorRole.Text)
    low = [
        f"text on {name.name}: {contrast(text, tint(name, dark)):.2f}"
        for name in Tint
        if name is not Tint.RULE and contrast(text, tint(name, dark)) < AA
    ]
    assert low == []


def rules(sheet: str) -> dict[str, dict[str, str]]:
    """selector -> property -> value, one entry per selector of a comma-separated list."""
    found: dict[str, dict[str, str]] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", re.sub(r"/\*.*?\*/", "", sheet)):
        props = dict(
            (k.strip(), v.strip())
            for k, _, v in (p.partition(":") for p in body.split(";"))
            if k.strip()
        )
        for selector in selectors.split(","):
            found.setdefault(selector.strip(), {}).update(props)
    return found


def sheet_rules(dark: bool) -> dict[str, dict[str, str]]:
    light = rules(resource_path("style.qss").read_text(encoding="utf-8"))
    if not dark:
        return light
    for selector, props in rules(
        resource_path("style-dark.qss").read_text(encoding="utf-8")
    ).items():
        light.setdefault(selector, {}).update(props)
    return light


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_colour_of_the_style_sheets_reads_on_its_background(
    qapp: QApplication, scheme: str
) -> None:
    dark = SCHEMES[scheme]
    window = palette(qapp, dark).color(QPalette.ColorRole.Window)
    pairs = []
    for selector, props in sheet_rules(dark).items():
        if "color" in props:
            pairs.append((selector, props["color"], props.get("background", window.name())))
        if "selection-color" in props:
            pairs.append((selector, props["selection-color"], props["selection-background-color"]))
    assert len(pairs) > 20
    low = [
        f"{selector}: {ink} on {ground}: {contrast(QColor(ink), QColor(ground)):.2f}"
        for selector, ink, ground in pairs
        if contrast(QColor(ink), QColor(ground)) < AA
    ]
    assert low == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_brief_preview_reads_in_both_schemes(qapp: QApplication, scheme: str) -> None:
    dark = SCHEMES[scheme]
    base = palette(qapp, dark).color(QPalette.ColorRole.Base)
    inks = re.findall(r"(?<![-\w])color: (#[0-9a-f]{6})", preview_style(dark))
    assert len(inks) == 2  # the body and the headings
    assert all(contrast(QColor(ink), base) >= AA for ink in inks)
