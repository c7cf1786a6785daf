"""The interface's language: which one, its translators, and its locale for numbers and dates.

Russian or English; the system locale decides unless the person chose in Settings. Qt's own
`qtbase` catalogue translates standard buttons and dialogs; ours, built from
`resources/translations/*.ts` by `pyside6-lrelease`, translates the rest, including the
core's sentences (`accdesk.text`). English has a catalogue too, for its plural forms.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from accdesk import text
from ui.common.resources import resource_path

LANGUAGES = ("ru", "en")
LANGUAGE_NAMES = {"ru": "Русский", "en": "English"}  # each in itself, never translated
SETTING = "language"

# lupdate extracts calls named `translate(context, source, ...)`; modules whose strings
# share one context across several classes use this rather than `self.tr`.
translate = QCoreApplication.translate

_LOCALES = {
    "ru": (QLocale.Language.Russian, QLocale.Country.Russia),
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}
_installed: list[QTranslator] = []


def system_language() -> str:
    return "ru" if QLocale.system().language() == QLocale.Language.Russian else "en"


def chosen_language(settings: QSettings) -> str:
    """What Settings says, or the system's language when nothing was chosen."""
    value = settings.value(SETTING)
    return value if isinstance(value, str) and value in LANGUAGES else system_language()


def install_language(app: QCoreApplication, language: str) -> None:
    """Make `language` the interface's, replacing whatever was installed before."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    catalogues = [str(resource_path(f"translations/accdesk_{language}.qm"))]
    if language != "en":
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        catalogues.insert(0, f"{qt_folder}/qtbase_{language}.qm")
    for path in catalogues:
        translator = QTranslator(app)
        if translator.load(path):
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(QLocale(*_LOCALES[language]))
    text.use(QCoreApplication.translate, language)


def current_language() -> str:
    return "ru" if QLocale().language() == QLocale.Language.Russian else "en"
