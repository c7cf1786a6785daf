"""What the demo agency's briefs say: the survey's newsletter example written out in full,
and plain working text for every other section a template can ask for."""

from __future__ import annotations

from datetime import date
from typing import Any

from accdesk.briefs.content import BriefContent, FieldSpec
from accdesk.briefs.schema import Templates

NEWSLETTER_TITLE = "Форма подписки на рассылку"

# The request from the survey, "let visitors subscribe to the newsletter from the prototype",
# as a level-10 brief; lower levels show the first sections of it only.
NEWSLETTER: dict[str, Any] = {
    "goal": "Собирать подписчиков рассылки с главной страницы: клиент хочет 300 новых адресов "
    "в месяц к весенней распродаже.",
    "context": (
        "Прототип в Figma: страница «Главная», фрейм «Подвал»",
        "Сервис рассылок клиента: Unisender, доступ в общем хранилище",
    ),
    "acceptance": (
        "Адрес появляется в списке «Подписчики сайта» в Unisender",
        "Письмо-подтверждение приходит в течение минуты",
    ),
    "placement": "Подвал главной страницы, над блоком контактов, на всю ширину; на телефоне "
    "поля идут друг под другом.",
    "content": "Заголовок: «Новости и скидки раз в неделю». Подзаголовок: «Без спама, "
    "отписка в один клик». Кнопка: «Подписаться».",
    "fields": (
        FieldSpec("email", "email", True, "адрес вида имя@домен", "Проверьте адрес: нужен знак @"),
        FieldSpec("name", "text", False, "не длиннее 60 символов", "Имя слишком длинное"),
        FieldSpec(
            "consent", "checkbox", True, "галочка отмечена", "Нужно согласие на обработку данных"
        ),
    ),
    "after_submit": "Всплывающее окно «Спасибо! Проверьте почту». Письмо с подтверждением "
    "подписки. Форма очищается.",
    "edge_cases": (
        "Адрес уже подписан: сообщение «Вы уже подписаны», второе письмо не уходит",
        "Unisender не отвечает: адрес сохраняется и отправляется позже",
    ),
    "analytics": ("subscribe_submit: нажата кнопка", "subscribe_success: адрес принят"),
}

_TEXT = {
    "goal": "Клиент ждёт результат к ближайшему отчёту: это закрывает его вопрос из переписки.",
    "placement": "Раздел, о котором писал клиент; ссылка в контексте.",
    "content": "Тексты согласованы с клиентом, лежат в общей папке проекта.",
    "after_submit": "Заявка уходит менеджеру клиента на почту, посетитель видит «Спасибо».",
    "expected": "Ожидается: страница открывается за 2 секунды. Сейчас: белый экран на телефоне.",
    "environment": "Chrome на Android, Safari на iPhone; с компьютера всё работает.",
    "meta": "Title до 60 символов, description до 160, один H1 на странице.",
    "targeting": "Москва и область, 25–45 лет, будни с 9 до 21.",
    "ads": "Три варианта объявлений, быстрые ссылки на разделы каталога.",
    "schedule": "Три поста в неделю: понедельник, среда, пятница в 12:00.",
    "approval": "Согласует маркетолог клиента за два рабочих дня до публикации.",
}
_LINE = {"budget": "120 000 ₽ в месяц, ручные ставки на первую неделю"}
_LIST = {
    "context": ("Задача клиента в почте от понедельника", "Доступы в общем хранилище"),
    "acceptance": ("Результат согласован с клиентом", "Отчёт приложен к задаче"),
    "edge_cases": ("Нет доступа к кабинету: написать менеджеру сразу",),
    "analytics": ("Цель в Метрике срабатывает один раз на визит",),
    "page_blocks": ("Первый экран с оффером", "Преимущества", "Отзывы", "Форма заявки"),
    "steps": ("Открыть главную с телефона", "Прокрутить до каталога", "Нажать «Фильтр»"),
    "regression": ("Корзина", "Оформление заказа"),
    "pages": ("/catalog/", "/delivery/"),
    "keywords": ("доставка цветов москва", "купить букет недорого"),
    "tracking": ("Цель «Заявка»", "UTM-метки на все объявления"),
    "platforms": ("VK", "Telegram"),
    "topics": ("Подборки товаров", "Отзывы покупателей", "Закулисье магазина"),
}
_FIELDS = (
    FieldSpec("city", "select", True, "город из списка", "Выберите город"),
    FieldSpec("weight", "number", True, "от 0,1 до 30 кг", "Укажите вес от 0,1 до 30 кг"),
)


def demo_content(
    templates: Templates,
    template_key: str,
    title: str,
    level: int,
    audience: str,
    deadline: date | None,
    estimate: float | None,
) -> BriefContent:
    """A brief filled to its level; the newsletter brief uses the survey's own example."""
    template = templates.get(template_key)
    newsletter = title == NEWSLETTER_TITLE
    values: dict[str, Any] = {}
    for section in template.expected(level):
        key = section.key
        if key == "title":
            continue
        if key == "deadline":
            values[key] = deadline
        elif key == "estimate":
            values[key] = estimate
        elif newsletter and key in NEWSLETTER:
            values[key] = NEWSLETTER[key]
        elif section.kind == "fields":
            values[key] = _FIELDS
        elif section.kind == "list":
            values[key] = _LIST.get(key, ("Уточнить у клиента",))
        elif section.kind in ("text", "line"):
            values[key] = _TEXT.get(key) or _LINE.get(key) or "Уточнить у клиента."
    return BriefContent(title, level, audience, template.key, values)
