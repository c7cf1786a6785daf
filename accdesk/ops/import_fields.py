"""What each kind of import can fill: the fields, whether each is required, and the header
words (Russian and English) a column is recognised by."""

from __future__ import annotations

from dataclasses import dataclass

from accdesk.text import QT_TRANSLATE_NOOP

KINDS = ("clients", "contacts", "projects", "services")


@dataclass(frozen=True)
class Target:
    key: str
    label: str
    required: bool
    synonyms: tuple[str, ...]


CLIENT_FIELD = Target(
    "client",
    QT_TRANSLATE_NOOP("Import", "Client"),
    True,
    ("клиент", "компания", "client", "company"),
)


FIELDS: dict[str, tuple[Target, ...]] = {
    "clients": (
        Target(
            "name",
            QT_TRANSLATE_NOOP("Import", "Client"),
            True,
            ("клиент", "название", "наименование", "компания", "client", "name", "company"),
        ),
        Target(
            "legal_name",
            QT_TRANSLATE_NOOP("Import", "Legal name"),
            False,
            ("юрлицо", "юр лицо", "юридическое лицо", "организация", "legal name", "legal entity"),
        ),
        Target(
            "segment",
            QT_TRANSLATE_NOOP("Import", "Segment"),
            False,
            ("сегмент", "отрасль", "ниша", "segment", "industry"),
        ),
        Target(
            "monthly_budget",
            QT_TRANSLATE_NOOP("Import", "Monthly budget"),
            False,
            ("бюджет", "бюджет в месяц", "ежемесячный бюджет", "budget", "monthly budget"),
        ),
        Target(
            "timezone",
            QT_TRANSLATE_NOOP("Import", "Time zone"),
            False,
            ("часовой пояс", "пояс", "timezone", "time zone", "tz"),
        ),
        Target(
            "preferred_channel",
            QT_TRANSLATE_NOOP("Import", "Preferred channel"),
            False,
            ("канал", "канал связи", "channel", "preferred channel"),
        ),
        Target(
            "notes",
            QT_TRANSLATE_NOOP("Import", "Notes"),
            False,
            ("заметки", "примечание", "комментарий", "notes"),
        ),
    ),
    "contacts": (
        CLIENT_FIELD,
        Target(
            "name",
            QT_TRANSLATE_NOOP("Import", "Contact"),
            True,
            ("контакт", "имя", "фио", "contact", "name", "full name"),
        ),
        Target(
            "role",
            QT_TRANSLATE_NOOP("Import", "Role"),
            False,
            ("должность", "роль", "role", "position"),
        ),
        Target(
            "email",
            QT_TRANSLATE_NOOP("Import", "Email"),
            False,
            ("email", "e-mail", "почта", "электронная почта"),
        ),
        Target("phone", QT_TRANSLATE_NOOP("Import", "Phone"), False, ("телефон", "тел", "phone")),
        Target(
            "messenger",
            QT_TRANSLATE_NOOP("Import", "Messenger"),
            False,
            ("мессенджер", "телеграм", "telegram", "messenger"),
        ),
        Target(
            "birthday",
            QT_TRANSLATE_NOOP("Import", "Birthday"),
            False,
            ("день рождения", "дата рождения", "birthday", "date of birth"),
        ),
    ),
    "projects": (
        CLIENT_FIELD,
        Target(
            "name",
            QT_TRANSLATE_NOOP("Import", "Project"),
            True,
            ("проект", "название проекта", "project", "name"),
        ),
        Target(
            "service", QT_TRANSLATE_NOOP("Import", "Service"), True, ("услуга", "сервис", "service")
        ),
        Target(
            "manager",
            QT_TRANSLATE_NOOP("Import", "Manager"),
            False,
            ("менеджер", "аккаунт-менеджер", "аккаунт", "manager", "account manager"),
        ),
        Target("status", QT_TRANSLATE_NOOP("Import", "Status"), False, ("статус", "status")),
        Target(
            "deadline",
            QT_TRANSLATE_NOOP("Import", "Deadline"),
            False,
            ("срок", "дедлайн", "deadline", "due"),
        ),
        Target(
            "weekly_effort_hours",
            QT_TRANSLATE_NOOP("Import", "Hours a week"),
            False,
            ("часов в неделю", "часы", "трудозатраты", "hours a week", "hours", "effort"),
        ),
    ),
    "services": (
        Target(
            "name",
            QT_TRANSLATE_NOOP("Import", "Service"),
            True,
            ("услуга", "название", "service", "name"),
        ),
        Target("key", QT_TRANSLATE_NOOP("Import", "Key"), False, ("код", "ключ", "key", "code")),
    ),
}


# What a row is matched on, first choice first.
KEYS: dict[str, tuple[str, ...]] = {
    "clients": ("name", "legal_name"),
    "contacts": ("email", "name"),
    "projects": ("name",),
    "services": ("name", "key"),
}


STATUS_WORDS = {
    "planned": ("planned", "план", "планируется", "запланирован", "новый"),
    "active": ("active", "активный", "активен", "в работе", "ведется", "идет"),
    "paused": ("paused", "пауза", "на паузе", "приостановлен"),
    "done": ("done", "завершен", "завершён", "закрыт", "готово", "сдан"),
}
