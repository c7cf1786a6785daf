<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
  <context>
    <name>Access</name>
    <message>
      <source>not permitted by the team database {where}: {error}</source>
      <translation>командная база {where} не разрешает это действие: {error}</translation>
    </message>
    <message>
      <source>not permitted: a client's request can be given only to one of the client's managers</source>
      <translation>нет прав: обращение клиента можно передать только одному из менеджеров этого клиента</translation>
    </message>
    <message>
      <source>not permitted: only a team lead changes the team, the catalogue, the calendar and the settings</source>
      <translation>нет прав: команду, каталог услуг, календарь и настройки меняет только руководитель группы</translation>
    </message>
    <message>
      <source>not permitted: the project “{project}” is managed by {manager}; only they or a team lead can change it</source>
      <translation>нет прав: проект «{project}» ведёт {manager}; изменить его может только этот менеджер или руководитель группы</translation>
    </message>
    <message>
      <source>not permitted: this client is managed by someone else; only their managers or a team lead can attach a project to it</source>
      <translation>нет прав: клиента ведёт другой менеджер; добавить к нему проект могут только его менеджеры или руководитель группы</translation>
    </message>
    <message>
      <source>not permitted: this client is managed by someone else; only their managers or a team lead can change it</source>
      <translation>нет прав: этого клиента ведёт другой менеджер; изменить его могут только его менеджеры или руководитель группы</translation>
    </message>
    <message>
      <source>not permitted: this is another manager's; only they or a team lead can change it</source>
      <translation>нет прав: это относится к другому менеджеру; изменить может только он или руководитель группы</translation>
    </message>
    <message>
      <source>the login {login} is linked to no manager of this agency, so it may only read; a team lead links it with: accdesk team link</source>
      <translation>логин {login} не привязан ни к одному менеджеру агентства, поэтому доступно только чтение; руководитель группы привязывает его командой accdesk team link</translation>
    </message>
    <message>
      <source>the team database {where} is held up: someone keeps its tables locked; nothing was written, try again in a moment</source>
      <translation>командная база {where} занята: кто-то держит её таблицы заблокированными; ничего не записано, попробуйте через минуту</translation>
    </message>
  </context>
  <context>
    <name>Agenda</name>
    <message>
      <source>Answer {name}</source>
      <translation>Ответить: {name}</translation>
    </message>
    <message>
      <source>Ask {name} for feedback</source>
      <translation>Запросить обратную связь: {name}</translation>
    </message>
    <message>
      <source>Asked for feedback</source>
      <translation>Запрошена обратная связь</translation>
    </message>
    <message>
      <source>Due {due}. {detail}</source>
      <translation>Срок {due}. {detail}</translation>
    </message>
    <message>
      <source>First offer</source>
      <translation>Первое предложение</translation>
    </message>
    <message>
      <source>Greet {name}</source>
      <translation>Поздравить: {name}</translation>
    </message>
    <message>
      <source>Last heard {value:%d.%m.%Y}</source>
      <translation>Последний отзыв {value:%d.%m.%Y}</translation>
    </message>
    <message>
      <source>Last offered {last_offer_on:%d.%m.%Y}</source>
      <translation>Последний раз предлагали {last_offer_on:%d.%m.%Y}</translation>
    </message>
    <message>
      <source>Lunch</source>
      <translation>Обед</translation>
    </message>
    <message>
      <source>Never asked</source>
      <translation>Ещё не спрашивали</translation>
    </message>
    <message>
      <source>Offer {client}: {services}</source>
      <translation>Предложить клиенту {client}: {services}</translation>
    </message>
    <message>
      <source>Promise to {name}</source>
      <translation>Обещание клиенту {name}</translation>
    </message>
    <message>
      <source>React to {name}'s feedback</source>
      <translation>Отреагировать на отзыв: {name}</translation>
    </message>
    <message>
      <source>Work on the projects</source>
      <translation>Работа по проектам</translation>
    </message>
    <message>
      <source>Work towards the deadline: {code} {name}</source>
      <translation>Работа к сроку: {code} {name}</translation>
    </message>
    <message>
      <source>must be from 5 to 480 minutes</source>
      <translation>должно быть от 5 до 480 минут</translation>
    </message>
    <message>
      <source>must be within three weeks after the item's day</source>
      <translation>не позже трёх недель от дня дела</translation>
    </message>
    <message>
      <source>needs a time zone</source>
      <translation>нужен часовой пояс</translation>
    </message>
    <message>
      <source>this manager no longer exists</source>
      <translation>этого менеджера больше нет</translation>
    </message>
    <message>
      <source>this meeting no longer exists</source>
      <translation>этой встречи больше нет</translation>
    </message>
    <message>
      <source>{client} · due {day:%d.%m}</source>
      <translation>{client} · срок {day:%d.%m}</translation>
    </message>
    <message>
      <source>{count} projects, {hours:g} h a week</source>
      <translation>проектов: {count}, {hours:g} ч в неделю</translation>
    </message>
    <message>
      <source>{what} (promised by {promised_by}, due {due_on:%d.%m})</source>
      <translation>{what} (пообещал: {promised_by}, срок {due_on:%d.%m})</translation>
    </message>
    <message>
      <source>“{key}” is not an agenda item</source>
      <translation>«{key}» — не пункт плана дня</translation>
    </message>
  </context>
  <context>
    <name>AgendaPane</name>
    <message>
      <source>%1 do not fit</source>
      <translation>не помещается: %1</translation>
    </message>
    <message>
      <source>%1 is a day off. The plan for the next working day, %2:</source>
      <translation>%1 — выходной. План на ближайший рабочий день, %2:</translation>
    </message>
    <message>
      <source>%1 planned this week · %2 do not fit</source>
      <translation>на неделе запланировано %1 · не помещается: %2</translation>
    </message>
    <message>
      <source>%1 planned · %2 do not fit · %3 for when you have time · %4 done · %5 free</source>
      <translation>В плане: %1 · не помещается: %2 · когда будет время: %3 · сделано: %4 · свободно: %5</translation>
    </message>
    <message>
      <source>%1 · %2 planned, %3 free</source>
      <translation>%1 · в плане %2, свободно %3</translation>
    </message>
    <message>
      <source>%1 · day off</source>
      <translation>%1 · выходной</translation>
    </message>
    <message>
      <source>%1 · past</source>
      <translation>%1 · прошёл</translation>
    </message>
    <message>
      <source>A day off: nothing is planned</source>
      <translation>Выходной: ничего не запланировано</translation>
    </message>
    <message>
      <source>Add a meeting</source>
      <translation>Добавить встречу</translation>
    </message>
    <message>
      <source>Add meeting</source>
      <translation>Добавить встречу</translation>
    </message>
    <message>
      <source>Add meeting…</source>
      <translation>Встреча…</translation>
    </message>
    <message>
      <source>Agenda</source>
      <translation>План дня</translation>
    </message>
    <message>
      <source>Answer</source>
      <translation>Ответить</translation>
    </message>
    <message>
      <source>Ask for feedback</source>
      <translation>Запрос обратной связи</translation>
    </message>
    <message>
      <source>Back where the plan puts it</source>
      <translation>Вернуть туда, куда ставит план</translation>
    </message>
    <message>
      <source>Calendar (*.ics)</source>
      <translation>Календарь (*.ics)</translation>
    </message>
    <message>
      <source>Call with the client</source>
      <translation>Созвон с клиентом</translation>
    </message>
    <message>
      <source>Day</source>
      <translation>День</translation>
    </message>
    <message>
      <source>Day summary</source>
      <translation>Итог дня</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>Срок проекта</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Подробности</translation>
    </message>
    <message>
      <source>Does not fit today</source>
      <translation>Не помещается сегодня</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Сделано</translation>
    </message>
    <message>
      <source>Done: %1</source>
      <translation>Сделано: %1</translation>
    </message>
    <message>
      <source>Duration of %1</source>
      <translation>Длительность: %1</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Экспорт</translation>
    </message>
    <message>
      <source>Export the agenda</source>
      <translation>Экспорт плана дня</translation>
    </message>
    <message>
      <source>Exported to %1</source>
      <translation>Сохранено в %1</translation>
    </message>
    <message>
      <source>Feedback reaction</source>
      <translation>Реакция на отзыв</translation>
    </message>
    <message>
      <source>Greeting</source>
      <translation>Поздравление</translation>
    </message>
    <message>
      <source>Minutes</source>
      <translation>Минуты</translation>
    </message>
    <message>
      <source>Move %1 to %2</source>
      <translation>Перенести «%1» на %2</translation>
    </message>
    <message>
      <source>Move to the next working day</source>
      <translation>Перенести на следующий рабочий день</translation>
    </message>
    <message>
      <source>Not done: %1</source>
      <translation>Не сделано: %1</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>План</translation>
    </message>
    <message>
      <source>Project work</source>
      <translation>Работа по проектам</translation>
    </message>
    <message>
      <source>Promise</source>
      <translation>Обещание</translation>
    </message>
    <message>
      <source>Put %1 at %2</source>
      <translation>Поставить «%1» на %2</translation>
    </message>
    <message>
      <source>Put %1 back</source>
      <translation>Вернуть «%1» в план</translation>
    </message>
    <message>
      <source>Put at a time</source>
      <translation>Поставить на время</translation>
    </message>
    <message>
      <source>Put at a time…</source>
      <translation>Поставить на время…</translation>
    </message>
    <message>
      <source>Put here by you</source>
      <translation>Поставлено вами</translation>
    </message>
    <message>
      <source>Start at (hh:mm):</source>
      <translation>Начать в (чч:мм):</translation>
    </message>
    <message>
      <source>Starts</source>
      <translation>Начало</translation>
    </message>
    <message>
      <source>The answer cannot be on time: move a meeting, or put it earlier (right click).</source>
      <translation>Ответ не успеть к сроку: перенесите встречу или поставьте его раньше (правый щелчок).</translation>
    </message>
    <message>
      <source>The client is at risk: not a day to sell</source>
      <translation>Клиент в зоне риска: сегодня не продаём</translation>
    </message>
    <message>
      <source>The whole week</source>
      <translation>Вся неделя</translation>
    </message>
    <message>
      <source>This day as .ics…</source>
      <translation>Этот день в .ics…</translation>
    </message>
    <message>
      <source>This week as .ics…</source>
      <translation>Эту неделю в .ics…</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>Время</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Название</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>Сегодня</translation>
    </message>
    <message>
      <source>Up-sell</source>
      <translation>Допродажа</translation>
    </message>
    <message>
      <source>Week</source>
      <translation>Неделя</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Что</translation>
    </message>
    <message>
      <source>What falls on which day this week</source>
      <translation>Что на какой день недели</translation>
    </message>
    <message>
      <source>When you have time</source>
      <translation>Когда будет время</translation>
    </message>
    <message>
      <source>Whose day</source>
      <translation>Чей день</translation>
    </message>
    <message>
      <source>due %1 · </source>
      <translation>срок %1 · </translation>
    </message>
    <message>
      <source>due %1, answered %2 at the earliest · </source>
      <translation>срок %1, ответ не раньше %2 · </translation>
    </message>
    <message>
      <source>fixed</source>
      <translation>фиксировано</translation>
    </message>
    <message>
      <source>“%1” is not a time such as 14:30</source>
      <translation>«%1» — не время вроде 14:30</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <source>Unexpected problem</source>
      <translation>Непредвиденная ошибка</translation>
    </message>
    <message>
      <source>accdesk ran into a problem it did not expect. Your saved data is safe.

%1</source>
      <translation>В accdesk произошла непредвиденная ошибка. Сохранённые данные в безопасности.

%1</translation>
    </message>
  </context>
  <context>
    <name>Archive</name>
    <message>
      <source>it is not text</source>
      <translation>это не текст</translation>
    </message>
    <message>
      <source>no time zone</source>
      <translation>без часового пояса</translation>
    </message>
    <message>
      <source>the archive has schema {found!r} and this accdesk {ours!r}; restore it with the accdesk that made it</source>
      <translation>у архива схема {found!r}, а у этой версии accdesk — {ours!r}; восстановите его той версией accdesk, которая его создала</translation>
    </message>
    <message>
      <source>the archive has tables this accdesk does not know: {unknown}</source>
      <translation>в архиве есть таблицы, неизвестные этой версии accdesk: {unknown}</translation>
    </message>
    <message>
      <source>the archive holds no tables</source>
      <translation>в архиве нет таблиц</translation>
    </message>
    <message>
      <source>the database is not empty ({name} has {count} rows); restore into a new database</source>
      <translation>база не пуста (в {name} строк: {count}); восстанавливайте в новую базу</translation>
    </message>
    <message>
      <source>the target is not empty ({name} has {value} rows); copy into a new database, or ask to replace what it holds</source>
      <translation>целевая база не пуста (в {name} строк: {value}); копируйте в новую базу или попросите заменить её содержимое</translation>
    </message>
    <message>
      <source>this is not an accdesk archive (its format is not named)</source>
      <translation>это не архив accdesk (в нём не указан формат)</translation>
    </message>
    <message>
      <source>this is not an accdesk archive: it is nested too deep</source>
      <translation>это не архив accdesk: слишком глубокая вложенность</translation>
    </message>
    <message>
      <source>this is not an accdesk archive: {exc}</source>
      <translation>это не архив accdesk: {exc}</translation>
    </message>
    <message>
      <source>{name} did not copy whole; nothing was written</source>
      <translation>{name} скопировалась не полностью; ничего не записано</translation>
    </message>
    <message>
      <source>{name} is not a list of rows</source>
      <translation>{name} — не список строк</translation>
    </message>
    <message>
      <source>{name}: the database refused a row ({exc}); nothing was written</source>
      <translation>{name}: база данных не приняла строку ({exc}); ничего не записано</translation>
    </message>
    <message>
      <source>{where} has columns this accdesk does not know: {unknown}</source>
      <translation>в {where} есть столбцы, неизвестные этой версии accdesk: {unknown}</translation>
    </message>
    <message>
      <source>{where} is not an object</source>
      <translation>{where} — не объект</translation>
    </message>
    <message>
      <source>{where} lacks columns: {missing}</source>
      <translation>в {where} не хватает столбцов: {missing}</translation>
    </message>
    <message>
      <source>{where}, {column}: no {target} row has the id {value}</source>
      <translation>{where}, {column}: в {target} нет строки с id {value}</translation>
    </message>
    <message>
      <source>{where}: {columns} repeats an earlier row</source>
      <translation>{where}: {columns} повторяет более раннюю строку</translation>
    </message>
    <message>
      <source>{where}: {value!r} is not a valid value ({exc})</source>
      <translation>{where}: недопустимое значение {value!r} ({exc})</translation>
    </message>
    <message>
      <source>{where}: {value!r} is not a {kind}</source>
      <translation>{where}: {value!r} не подходит как {kind}</translation>
    </message>
  </context>
  <context>
    <name>Backup</name>
    <message>
      <source>{backup} does not exist</source>
      <translation>{backup} не существует</translation>
    </message>
    <message>
      <source>{backup} is an empty SQLite file, not an accdesk backup</source>
      <translation>{backup} — пустой файл SQLite, а не резервная копия accdesk</translation>
    </message>
    <message>
      <source>{backup} is the database itself, not a backup of it</source>
      <translation>{backup} — это сама база, а не её резервная копия</translation>
    </message>
  </context>
  <context>
    <name>BriefEditor</name>
    <message>
      <source>accepted</source>
      <translation>принято</translation>
    </message>
    <message>
      <source>draft</source>
      <translation>черновик</translation>
    </message>
    <message>
      <source>sent</source>
      <translation>отправлено</translation>
    </message>
  </context>
  <context>
    <name>BriefEditorPane</name>
    <message>
      <source>Audience levels</source>
      <translation>Уровни для исполнителей</translation>
    </message>
    <message>
      <source>Copied as Markdown</source>
      <translation>Скопировано как Markdown</translation>
    </message>
    <message>
      <source>Could not keep a draft: </source>
      <translation>Не удалось сохранить черновик: </translation>
    </message>
    <message>
      <source>Draft kept at %1; leaving the field saves it</source>
      <translation>Черновик сохранён в %1; при выходе из поля текст сохранится</translation>
    </message>
    <message>
      <source>Edit brief “%1”</source>
      <translation>Правка ТЗ «%1»</translation>
    </message>
    <message>
      <source>Export brief</source>
      <translation>Экспорт ТЗ</translation>
    </message>
    <message>
      <source>Exported to %1</source>
      <translation>Сохранено в %1</translation>
    </message>
    <message>
      <source>Mark brief %1</source>
      <translation>Статус ТЗ: %1</translation>
    </message>
    <message>
      <source>New brief</source>
      <translation>Новое ТЗ</translation>
    </message>
    <message>
      <source>New briefs from this template start with this brief's sections and text.
Template name:</source>
      <translation>Новые ТЗ по этому шаблону начнутся с разделов и текста этого ТЗ.
Название шаблона:</translation>
    </message>
    <message>
      <source>Not saved: </source>
      <translation>Не сохранено: </translation>
    </message>
    <message>
      <source>Not saved: correct what is marked in red.</source>
      <translation>Не сохранено: исправьте то, что отмечено красным.</translation>
    </message>
    <message>
      <source>Read only: %1 manages this project; only they or a team lead can change its briefs</source>
      <translation>Только чтение: этот проект ведёт %1; менять его ТЗ может только этот менеджер или руководитель группы</translation>
    </message>
    <message>
      <source>Restore revision %1</source>
      <translation>Восстановить версию %1</translation>
    </message>
    <message>
      <source>Restored text typed while the team database was away; it is kept as a draft there as soon as it can be</source>
      <translation>Восстановлен текст, набранный без связи с командной базой; он сохранится там как черновик, как только это станет возможно</translation>
    </message>
    <message>
      <source>Restored text you had not saved (typed %1); leaving the field saves it</source>
      <translation>Восстановлен несохранённый текст (набран %1); при выходе из поля он сохранится</translation>
    </message>
    <message>
      <source>Revision %1 restored; Undo takes it back</source>
      <translation>Версия %1 восстановлена; «Отменить» вернёт как было</translation>
    </message>
    <message>
      <source>Save as template</source>
      <translation>Сохранить как шаблон</translation>
    </message>
    <message>
      <source>Saved at %1</source>
      <translation>Сохранено в %1</translation>
    </message>
    <message>
      <source>Template “%1” saved</source>
      <translation>Шаблон «%1» сохранён</translation>
    </message>
    <message>
      <source>The team database is away: your text is kept on this computer and saved there when it is back</source>
      <translation>Нет связи с командной базой: текст хранится на этом компьютере и сохранится в базе, когда связь вернётся</translation>
    </message>
  </context>
  <context>
    <name>BriefEditorView</name>
    <message>
      <source> of 10</source>
      <translation> из 10</translation>
    </message>
    <message>
      <source>%1 needs level %2 or more; this brief is level %3. Missing for them: %4.</source>
      <translation>Исполнителю «%1» нужен уровень %2 или выше, а у этого ТЗ — %3. Для него не хватает: %4.</translation>
    </message>
    <message>
      <source>%1 of %2 sections for level %3</source>
      <translation>Разделов для уровня %3: %1 из %2</translation>
    </message>
    <message>
      <source>1: one line · 10: a full spec with fields and checks</source>
      <translation>1 — одна строка · 10 — полное ТЗ с полями и проверками</translation>
    </message>
    <message>
      <source>Audience</source>
      <translation>Для кого</translation>
    </message>
    <message>
      <source>Audience warning</source>
      <translation>Предупреждение об исполнителе</translation>
    </message>
    <message>
      <source>Back to draft</source>
      <translation>Вернуть в черновик</translation>
    </message>
    <message>
      <source>Brief details</source>
      <translation>Параметры ТЗ</translation>
    </message>
    <message>
      <source>Briefs</source>
      <translation>ТЗ</translation>
    </message>
    <message>
      <source>Briefs of the project</source>
      <translation>ТЗ проекта</translation>
    </message>
    <message>
      <source>Completeness</source>
      <translation>Полнота</translation>
    </message>
    <message>
      <source>Copy as Markdown</source>
      <translation>Копировать как Markdown</translation>
    </message>
    <message>
      <source>Everything level %1 asks for is written.</source>
      <translation>Всё, что нужно для уровня %1, написано.</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Экспорт</translation>
    </message>
    <message>
      <source>Focus</source>
      <translation>Только ТЗ</translation>
    </message>
    <message>
      <source>Focus on the brief</source>
      <translation>Только ТЗ</translation>
    </message>
    <message>
      <source>Give the brief the whole window, its preview beside it (Ctrl+Shift+F); again to go back</source>
      <translation>Отдать ТЗ всё окно, с просмотром рядом (Ctrl+Shift+F); ещё раз — вернуться</translation>
    </message>
    <message>
      <source>HTML…</source>
      <translation>HTML…</translation>
    </message>
    <message>
      <source>History</source>
      <translation>История</translation>
    </message>
    <message>
      <source>Level </source>
      <translation>Уровень </translation>
    </message>
    <message>
      <source>Level of detail</source>
      <translation>Уровень детализации</translation>
    </message>
    <message>
      <source>Mark as accepted</source>
      <translation>Отметить как принятое</translation>
    </message>
    <message>
      <source>Mark as sent</source>
      <translation>Отметить как отправленное</translation>
    </message>
    <message>
      <source>Markdown…</source>
      <translation>Markdown…</translation>
    </message>
    <message>
      <source>Missing sections</source>
      <translation>Недостающие разделы</translation>
    </message>
    <message>
      <source>Missing: %1</source>
      <translation>Не хватает: %1</translation>
    </message>
    <message>
      <source>New brief</source>
      <translation>Новое ТЗ</translation>
    </message>
    <message>
      <source>No briefs yet</source>
      <translation>ТЗ пока нет</translation>
    </message>
    <message>
      <source>No project selected</source>
      <translation>Проект не выбран</translation>
    </message>
    <message>
      <source>PDF…</source>
      <translation>PDF…</translation>
    </message>
    <message>
      <source>Preview</source>
      <translation>Предпросмотр</translation>
    </message>
    <message>
      <source>Save status</source>
      <translation>Состояние сохранения</translation>
    </message>
    <message>
      <source>Select a project to see and write its briefs.</source>
      <translation>Выберите проект, чтобы увидеть и написать его ТЗ.</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Статус</translation>
    </message>
    <message>
      <source>Turn the client's request into a task: press “New brief” and pick a template.</source>
      <translation>Превратите запрос клиента в задачу: нажмите «Новое ТЗ» и выберите шаблон.</translation>
    </message>
    <message>
      <source>accepted %1</source>
      <translation>принято %1</translation>
    </message>
    <message>
      <source>sent %1</source>
      <translation>отправлено %1</translation>
    </message>
    <message>
      <source>updated %1</source>
      <translation>изменено %1</translation>
    </message>
  </context>
  <context>
    <name>BriefListModel</name>
    <message>
      <source>%1: level %2, %3</source>
      <translation>%1: уровень %2, %3</translation>
    </message>
  </context>
  <context>
    <name>Briefs</name>
    <message>
      <source>A form on a site or in a prototype: fields, checks, what happens after sending</source>
      <translation>Форма на сайте или в прототипе: поля, проверки, что происходит после отправки</translation>
    </message>
    <message>
      <source>A page for a campaign or an offer, with its lead form</source>
      <translation>Страница под кампанию или предложение, с формой заявки</translation>
    </message>
    <message>
      <source>Acceptance criteria</source>
      <translation>Критерии приёмки</translation>
    </message>
    <message>
      <source>Ad texts and extensions</source>
      <translation>Тексты объявлений и расширения</translation>
    </message>
    <message>
      <source>After submit</source>
      <translation>После отправки</translation>
    </message>
    <message>
      <source>An advertising campaign: budget, targeting, ads, tracking</source>
      <translation>Рекламная кампания: бюджет, таргетинг, объявления, отслеживание</translation>
    </message>
    <message>
      <source>Analytics events</source>
      <translation>События аналитики</translation>
    </message>
    <message>
      <source>Any task: goal, context, deadline, acceptance, then details as the level grows</source>
      <translation>Любая задача: цель, контекст, срок, приёмка, а с ростом уровня — подробности</translation>
    </message>
    <message>
      <source>Approval</source>
      <translation>Согласование</translation>
    </message>
    <message>
      <source>Browser, device, account, time it happened</source>
      <translation>Браузер, устройство, учётная запись, когда это случилось</translation>
    </message>
    <message>
      <source>Budget and bidding</source>
      <translation>Бюджет и ставки</translation>
    </message>
    <message>
      <source>Bug fix</source>
      <translation>Исправление ошибки</translation>
    </message>
    <message>
      <source>Content</source>
      <translation>Содержание</translation>
    </message>
    <message>
      <source>Context and links</source>
      <translation>Контекст и ссылки</translation>
    </message>
    <message>
      <source>Copywriter</source>
      <translation>Копирайтер</translation>
    </message>
    <message>
      <source>Days, times, frequency</source>
      <translation>Дни, время, частота</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>Срок</translation>
    </message>
    <message>
      <source>Designer</source>
      <translation>Дизайнер</translation>
    </message>
    <message>
      <source>Developer</source>
      <translation>Разработчик</translation>
    </message>
    <message>
      <source>Edge cases</source>
      <translation>Особые случаи</translation>
    </message>
    <message>
      <source>Effort estimate</source>
      <translation>Оценка трудозатрат</translation>
    </message>
    <message>
      <source>Environment</source>
      <translation>Окружение</translation>
    </message>
    <message>
      <source>Error message</source>
      <translation>Сообщение об ошибке</translation>
    </message>
    <message>
      <source>Event names and when they fire: one per line</source>
      <translation>Названия событий и когда они срабатывают — по одному в строке</translation>
    </message>
    <message>
      <source>Expected and actual behaviour</source>
      <translation>Ожидаемое и фактическое поведение</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Поле</translation>
    </message>
    <message>
      <source>Fields</source>
      <translation>Поля</translation>
    </message>
    <message>
      <source>Generic task</source>
      <translation>Обычная задача</translation>
    </message>
    <message>
      <source>Goal</source>
      <translation>Цель</translation>
    </message>
    <message>
      <source>Goals and tracking</source>
      <translation>Цели и отслеживание</translation>
    </message>
    <message>
      <source>Goals, UTM tags, call tracking</source>
      <translation>Цели, UTM-метки, коллтрекинг</translation>
    </message>
    <message>
      <source>Heading, texts, button labels</source>
      <translation>Заголовок, тексты, надписи на кнопках</translation>
    </message>
    <message>
      <source>Hours of work</source>
      <translation>Часы работы</translation>
    </message>
    <message>
      <source>How results are measured</source>
      <translation>Как измеряем результат</translation>
    </message>
    <message>
      <source>How we will know it is done: one per line</source>
      <translation>Как поймём, что готово, — по одному в строке</translation>
    </message>
    <message>
      <source>Keywords</source>
      <translation>Ключевые запросы</translation>
    </message>
    <message>
      <source>Landing page</source>
      <translation>Лендинг</translation>
    </message>
    <message>
      <source>Limits and stop rules</source>
      <translation>Ограничения и условия остановки</translation>
    </message>
    <message>
      <source>Made from “{title}”</source>
      <translation>Создано из «{title}»</translation>
    </message>
    <message>
      <source>Monthly budget, bidding strategy</source>
      <translation>Бюджет на месяц, стратегия ставок</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Примечания</translation>
    </message>
    <message>
      <source>One address per line</source>
      <translation>По адресу в строке</translation>
    </message>
    <message>
      <source>One network per line</source>
      <translation>По соцсети в строке</translation>
    </message>
    <message>
      <source>One phrase per line</source>
      <translation>По фразе в строке</translation>
    </message>
    <message>
      <source>One step per line</source>
      <translation>По шагу в строке</translation>
    </message>
    <message>
      <source>One topic per line</source>
      <translation>По теме в строке</translation>
    </message>
    <message>
      <source>PDF export needs the window's libraries: run it as `accdesk brief …`</source>
      <translation>Для экспорта в PDF нужны библиотеки окна: запустите как `accdesk brief …`</translation>
    </message>
    <message>
      <source>PPC campaign</source>
      <translation>Рекламная кампания</translation>
    </message>
    <message>
      <source>PPC specialist</source>
      <translation>Специалист по контекстной рекламе</translation>
    </message>
    <message>
      <source>Page blocks</source>
      <translation>Блоки страницы</translation>
    </message>
    <message>
      <source>Pages and features the fix may touch</source>
      <translation>Страницы и функции, которые может задеть исправление</translation>
    </message>
    <message>
      <source>Pages, queries and meta tags to work on</source>
      <translation>Страницы, запросы и метатеги, с которыми работаем</translation>
    </message>
    <message>
      <source>Placement</source>
      <translation>Размещение</translation>
    </message>
    <message>
      <source>Platforms</source>
      <translation>Площадки</translation>
    </message>
    <message>
      <source>Pop-up, emails, redirects</source>
      <translation>Всплывающее окно, письма, переадресация</translation>
    </message>
    <message>
      <source>Positions, traffic</source>
      <translation>Позиции, трафик</translation>
    </message>
    <message>
      <source>Post texts and visuals</source>
      <translation>Тексты и визуал публикаций</translation>
    </message>
    <message>
      <source>Posting schedule</source>
      <translation>График публикаций</translation>
    </message>
    <message>
      <source>Posts for a period: where, what about, when, who approves</source>
      <translation>Публикации на период: где, о чём, когда, кто согласует</translation>
    </message>
    <message>
      <source>Project manager</source>
      <translation>Менеджер проекта</translation>
    </message>
    <message>
      <source>Prototype, page, accounts: one per line</source>
      <translation>Прототип, страница, доступы — по одному в строке</translation>
    </message>
    <message>
      <source>QA engineer</source>
      <translation>Тестировщик</translation>
    </message>
    <message>
      <source>Reach, clicks</source>
      <translation>Охват, клики</translation>
    </message>
    <message>
      <source>Regions, audiences, schedule</source>
      <translation>Регионы, аудитории, расписание показов</translation>
    </message>
    <message>
      <source>Required</source>
      <translation>Обязательное</translation>
    </message>
    <message>
      <source>Rule</source>
      <translation>Проверка</translation>
    </message>
    <message>
      <source>SEO specialist</source>
      <translation>SEO-специалист</translation>
    </message>
    <message>
      <source>SEO task</source>
      <translation>SEO-задача</translation>
    </message>
    <message>
      <source>SMM content plan</source>
      <translation>SMM-контент-план</translation>
    </message>
    <message>
      <source>SMM specialist</source>
      <translation>SMM-специалист</translation>
    </message>
    <message>
      <source>Something broken: how to see it, what should happen instead</source>
      <translation>Что-то сломалось: как это увидеть и что должно быть вместо этого</translation>
    </message>
    <message>
      <source>Steps to reproduce</source>
      <translation>Шаги воспроизведения</translation>
    </message>
    <message>
      <source>Target pages</source>
      <translation>Целевые страницы</translation>
    </message>
    <message>
      <source>Targeting</source>
      <translation>Таргетинг</translation>
    </message>
    <message>
      <source>The blocks of the page, top to bottom</source>
      <translation>Блоки страницы сверху вниз</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Название</translation>
    </message>
    <message>
      <source>Titles, descriptions, headings</source>
      <translation>Title, description, заголовки</translation>
    </message>
    <message>
      <source>Topics and formats</source>
      <translation>Темы и форматы</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Тип</translation>
    </message>
    <message>
      <source>UX designer</source>
      <translation>UX-дизайнер</translation>
    </message>
    <message>
      <source>Validation and error messages</source>
      <translation>Проверки и сообщения об ошибках</translation>
    </message>
    <message>
      <source>Web form</source>
      <translation>Веб-форма</translation>
    </message>
    <message>
      <source>What if…: one per line</source>
      <translation>Что, если… — по одному в строке</translation>
    </message>
    <message>
      <source>What needs to be done, in one line</source>
      <translation>Что нужно сделать, одной строкой</translation>
    </message>
    <message>
      <source>What should happen, what happens</source>
      <translation>Что должно происходить и что происходит</translation>
    </message>
    <message>
      <source>What the client wants and why it matters to them</source>
      <translation>Чего хочет клиент и почему это для него важно</translation>
    </message>
    <message>
      <source>What to re-check</source>
      <translation>Что перепроверить</translation>
    </message>
    <message>
      <source>Where on the page or in the product it goes</source>
      <translation>Где на странице или в продукте это будет</translation>
    </message>
    <message>
      <source>Who signs off, and by when</source>
      <translation>Кто согласует и к какому сроку</translation>
    </message>
    <message>
      <source>a section is listed twice</source>
      <translation>раздел указан дважды</translation>
    </message>
    <message>
      <source>a template needs the title section</source>
      <translation>в шаблоне нужен раздел с названием</translation>
    </message>
    <message>
      <source>cannot be below zero</source>
      <translation>не может быть меньше нуля</translation>
    </message>
    <message>
      <source>give the template a name</source>
      <translation>дайте шаблону название</translation>
    </message>
    <message>
      <source>h</source>
      <translation>ч</translation>
    </message>
    <message>
      <source>has the wrong kind of items</source>
      <translation>пункты неподходящего вида</translation>
    </message>
    <message>
      <source>has the wrong kind of value</source>
      <translation>значение неподходящего вида</translation>
    </message>
    <message>
      <source>is longer than {TITLE_MAX} characters</source>
      <translation>длиннее {TITLE_MAX} символов</translation>
    </message>
    <message>
      <source>is not a section of a “{name}” brief</source>
      <translation>не раздел ТЗ «{name}»</translation>
    </message>
    <message>
      <source>is not an audience</source>
      <translation>не исполнитель из списка</translation>
    </message>
    <message>
      <source>must be a whole number from {MIN_LEVEL} to {MAX_LEVEL}</source>
      <translation>должно быть целым числом от {MIN_LEVEL} до {MAX_LEVEL}</translation>
    </message>
    <message>
      <source>must be draft, sent or accepted</source>
      <translation>должен быть черновик, отправлено или принято</translation>
    </message>
    <message>
      <source>must be from {MIN_LEVEL} to {MAX_LEVEL}</source>
      <translation>должно быть от {MIN_LEVEL} до {MAX_LEVEL}</translation>
    </message>
    <message>
      <source>must be one line</source>
      <translation>должно быть в одну строку</translation>
    </message>
    <message>
      <source>must be one of: {value}</source>
      <translation>должно быть одним из: {value}</translation>
    </message>
    <message>
      <source>no</source>
      <translation>нет</translation>
    </message>
    <message>
      <source>say what the visitor sees when the rule fails</source>
      <translation>напишите, что увидит посетитель, если проверка не пройдена</translation>
    </message>
    <message>
      <source>the field needs a name</source>
      <translation>у поля должно быть название</translation>
    </message>
    <message>
      <source>the new section “{key}” needs a title and a kind</source>
      <translation>у нового раздела «{key}» должны быть название и вид</translation>
    </message>
    <message>
      <source>there is no brief {code!r}</source>
      <translation>ТЗ {code!r} нет</translation>
    </message>
    <message>
      <source>this brief has no revision {number}</source>
      <translation>у этого ТЗ нет версии {number}</translation>
    </message>
    <message>
      <source>this brief no longer exists</source>
      <translation>этого ТЗ больше нет</translation>
    </message>
    <message>
      <source>this brief was changed elsewhere while you were saving; reload it</source>
      <translation>пока вы сохраняли, ТЗ изменили в другом месте; обновите его</translation>
    </message>
    <message>
      <source>this project no longer exists</source>
      <translation>этого проекта больше нет</translation>
    </message>
    <message>
      <source>type a number of hours, like 6 or 1.5</source>
      <translation>укажите число часов, например 6 или 1,5</translation>
    </message>
    <message>
      <source>validation needs the fields section</source>
      <translation>для проверок нужен раздел с полями</translation>
    </message>
    <message>
      <source>write what needs to be done</source>
      <translation>напишите, что нужно сделать</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>да</translation>
    </message>
    <message>
      <source>{code} was changed elsewhere since you opened it; reload it to see the newer text</source>
      <translation>{code} изменили в другом месте, пока оно было открыто у вас; обновите, чтобы увидеть новый текст</translation>
    </message>
    <message>
      <source>“{name}” is already row {row}</source>
      <translation>«{name}» уже есть в строке {row}</translation>
    </message>
    <message>
      <source>“{type}” is not a field type</source>
      <translation>«{type}» — не тип поля</translation>
    </message>
    <message>
      <source>“{value}” is not an audience</source>
      <translation>«{value}» — не исполнитель из списка</translation>
    </message>
  </context>
  <context>
    <name>Calendar</name>
    <message>
      <source>a shortened day needs one range, like 10:00-16:00</source>
      <translation>у сокращённого дня должен быть один интервал, например 10:00-16:00</translation>
    </message>
    <message>
      <source>business time needs an aware datetime</source>
      <translation>для рабочего времени нужен момент с часовым поясом</translation>
    </message>
    <message>
      <source>has no working hours at all</source>
      <translation>совсем нет рабочих часов</translation>
    </message>
    <message>
      <source>in “{part}” the end is not after the start</source>
      <translation>в «{part}» конец не позже начала</translation>
    </message>
    <message>
      <source>minutes must not be negative</source>
      <translation>минут не может быть меньше нуля</translation>
    </message>
    <message>
      <source>needs hours for each of the seven days</source>
      <translation>нужны часы для каждого из семи дней</translation>
    </message>
    <message>
      <source>the calendar has no working time at all</source>
      <translation>в календаре совсем нет рабочего времени</translation>
    </message>
    <message>
      <source>{day:%d.%m.%Y} is listed twice</source>
      <translation>{day:%d.%m.%Y} указан дважды</translation>
    </message>
    <message>
      <source>“{country}” is not a country code the holiday calendar knows</source>
      <translation>«{country}» — код страны, которого нет в календаре праздников</translation>
    </message>
    <message>
      <source>“{kind}” is not a kind of day</source>
      <translation>«{kind}» — не вид дня</translation>
    </message>
    <message>
      <source>“{part}” is not a range like 10:00-19:00</source>
      <translation>«{part}» — не интервал вида 10:00-19:00</translation>
    </message>
    <message>
      <source>“{part}” overlaps the range before it</source>
      <translation>«{part}» пересекается с предыдущим интервалом</translation>
    </message>
    <message>
      <source>“{text}” is not a time like 10:00</source>
      <translation>«{text}» — не время вида 10:00</translation>
    </message>
    <message>
      <source>“{text}” is not a time of day</source>
      <translation>«{text}» — не время суток</translation>
    </message>
    <message>
      <source>“{zone}” is not a known time zone (e.g. Europe/Moscow)</source>
      <translation>«{zone}» — неизвестный часовой пояс (пример: Europe/Moscow)</translation>
    </message>
  </context>
  <context>
    <name>CalendarDialog</name>
    <message>
      <source>Add a day</source>
      <translation>Добавить день</translation>
    </message>
    <message>
      <source>Add day</source>
      <translation>Добавить день</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Дата</translation>
    </message>
    <message>
      <source>Day %1, %2</source>
      <translation>День %1, %2</translation>
    </message>
    <message>
      <source>Day off</source>
      <translation>Выходной</translation>
    </message>
    <message>
      <source>Deadlines were not moved: %1</source>
      <translation>Сроки не пересчитаны: %1</translation>
    </message>
    <message>
      <source>Friday</source>
      <translation>Пятница</translation>
    </message>
    <message>
      <source>Holidays of</source>
      <translation>Праздники страны</translation>
    </message>
    <message>
      <source>Hours</source>
      <translation>Часы</translation>
    </message>
    <message>
      <source>Hours like 10:00-13:00, 14:00-19:00 (a lunch break); empty for a day off.</source>
      <translation>Часы вида 10:00-13:00, 14:00-19:00 (с обедом); пусто — выходной.</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Вид</translation>
    </message>
    <message>
      <source>Monday</source>
      <translation>Понедельник</translation>
    </message>
    <message>
      <source>Moving deadlines onto the new calendar…</source>
      <translation>Пересчитываем сроки по новому календарю…</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Примечание</translation>
    </message>
    <message>
      <source>Problems</source>
      <translation>Ошибки</translation>
    </message>
    <message>
      <source>Public holidays of</source>
      <translation>Праздники страны</translation>
    </message>
    <message>
      <source>Remove day</source>
      <translation>Удалить день</translation>
    </message>
    <message>
      <source>Remove the day</source>
      <translation>Удалить день</translation>
    </message>
    <message>
      <source>Saturday</source>
      <translation>Суббота</translation>
    </message>
    <message>
      <source>Shortened day</source>
      <translation>Сокращённый день</translation>
    </message>
    <message>
      <source>Sunday</source>
      <translation>Воскресенье</translation>
    </message>
    <message>
      <source>The agency's own days</source>
      <translation>Особые дни агентства</translation>
    </message>
    <message>
      <source>The agency's own days off, working days and shortened days:</source>
      <translation>Собственные выходные, рабочие и сокращённые дни агентства:</translation>
    </message>
    <message>
      <source>Thursday</source>
      <translation>Четверг</translation>
    </message>
    <message>
      <source>Time zone</source>
      <translation>Часовой пояс</translation>
    </message>
    <message>
      <source>Tuesday</source>
      <translation>Вторник</translation>
    </message>
    <message>
      <source>Two-letter country code for public holidays and transfers (RU, KZ, DE…)</source>
      <translation>Двухбуквенный код страны для праздников и переносов (RU, KZ, DE…)</translation>
    </message>
    <message>
      <source>Wednesday</source>
      <translation>Среда</translation>
    </message>
    <message>
      <source>Week</source>
      <translation>Неделя</translation>
    </message>
    <message>
      <source>Working calendar</source>
      <translation>Рабочий календарь</translation>
    </message>
    <message>
      <source>Working day</source>
      <translation>Рабочий день</translation>
    </message>
    <message>
      <source>date</source>
      <translation>дата</translation>
    </message>
    <message>
      <source>day off</source>
      <translation>выходной</translation>
    </message>
    <message>
      <source>hours</source>
      <translation>часы</translation>
    </message>
    <message>
      <source>kind</source>
      <translation>вид</translation>
    </message>
  </context>
  <context>
    <name>CaptureDialog</name>
    <message>
      <source>(none)</source>
      <translation>(нет)</translation>
    </message>
    <message>
      <source>, %1 the client's time</source>
      <translation>, %1 по времени клиента</translation>
    </message>
    <message>
      <source>Answer by %1 (our time)</source>
      <translation>Ответить до %1 (по нашему времени)</translation>
    </message>
    <message>
      <source>Capture</source>
      <translation>Записать</translation>
    </message>
    <message>
      <source>Capture a client request</source>
      <translation>Новое обращение клиента</translation>
    </message>
    <message>
      <source>Channel</source>
      <translation>Канал</translation>
    </message>
    <message>
      <source>Choose the client to see the deadline.</source>
      <translation>Выберите клиента, чтобы увидеть срок ответа.</translation>
    </message>
    <message>
      <source>Client</source>
      <translation>Клиент</translation>
    </message>
    <message>
      <source>Project</source>
      <translation>Проект</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>Получено</translation>
    </message>
    <message>
      <source>Request</source>
      <translation>Обращение</translation>
    </message>
    <message>
      <source>Type part of the name or code</source>
      <translation>Начните вводить название или код</translation>
    </message>
    <message>
      <source>What the client asked, in their words</source>
      <translation>Что спросил клиент, его словами</translation>
    </message>
    <message>
      <source>choose a client from the list</source>
      <translation>выберите клиента из списка</translation>
    </message>
    <message>
      <source>is required</source>
      <translation>обязательно</translation>
    </message>
  </context>
  <context>
    <name>ClientCard</name>
    <message>
      <source> min</source>
      <translation> мин</translation>
    </message>
    <message>
      <source>%1 % of agencies answer %2</source>
      <translation>%1 % агентств отвечают %2</translation>
    </message>
    <message>
      <source>%1 (%2 % of agencies)</source>
      <translation>%1 (%2 % агентств)</translation>
    </message>
    <message>
      <source>%1 a month · reply within %2 · %3 · %4 projects · %5 requests waiting</source>
      <translation>%1 в месяц · ответ в течение: %2 · %3 · проектов: %4 · ждут ответа: %5</translation>
    </message>
    <message>
      <source>%1 managers in the last 12 months: continuity is at risk</source>
      <translation>Менеджеров за последние 12 месяцев: %1 — преемственность под угрозой</translation>
    </message>
    <message>
      <source>%1 offers due for %2 of %3 clients; this week's plans have room to call %5 of them · showing %4</source>
      <translation>Пора предложить: %1 раз у %2 из %3 клиентов; в планах недели есть время позвонить %5 из них · показано: %4</translation>
    </message>
    <message>
      <source>%1–%2 our time (%3 h)</source>
      <translation>%1–%2 по нашему времени (%3 ч)</translation>
    </message>
    <message numerus="yes">
      <source>%n feedback answer(s) without a reaction</source>
      <translation>
        <numerusform>%n отзыв без реакции</numerusform>
        <numerusform>%n отзыва без реакции</numerusform>
        <numerusform>%n отзывов без реакции</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n manager(s) in the last 12 months</source>
      <translation>
        <numerusform>%n менеджер за последние 12 месяцев</numerusform>
        <numerusform>%n менеджера за последние 12 месяцев</numerusform>
        <numerusform>%n менеджеров за последние 12 месяцев</numerusform>
      </translation>
    </message>
    <message>
      <source>(overdue)</source>
      <translation>(просрочено)</translation>
    </message>
    <message>
      <source>1 hour</source>
      <translation>1 час</translation>
    </message>
    <message>
      <source>15 minutes</source>
      <translation>15 минут</translation>
    </message>
    <message>
      <source>3 hours</source>
      <translation>3 часа</translation>
    </message>
    <message>
      <source>6 hours</source>
      <translation>6 часов</translation>
    </message>
    <message>
      <source>Add %1</source>
      <translation>Добавление: %1</translation>
    </message>
    <message>
      <source>Add…</source>
      <translation>Добавить…</translation>
    </message>
    <message>
      <source>Agencies</source>
      <translation>Агентств</translation>
    </message>
    <message>
      <source>Agreed response</source>
      <translation>Время реакции по договорённости</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>До этого</translation>
    </message>
    <message>
      <source>Before your next call</source>
      <translation>Перед следующим звонком</translation>
    </message>
    <message numerus="yes">
      <source>Before your next call: %n promise(s) need a talk</source>
      <translation>
        <numerusform>Перед следующим звонком: %n обещание нужно обсудить</numerusform>
        <numerusform>Перед следующим звонком: %n обещания нужно обсудить</numerusform>
        <numerusform>Перед следующим звонком: %n обещаний нужно обсудить</numerusform>
      </translation>
    </message>
    <message>
      <source>Birthday</source>
      <translation>День рождения</translation>
    </message>
    <message>
      <source>By</source>
      <translation>Кто</translation>
    </message>
    <message>
      <source>Changed elsewhere</source>
      <translation>Изменено в другом месте</translation>
    </message>
    <message>
      <source>Client</source>
      <translation>Клиент</translation>
    </message>
    <message>
      <source>Client at a glance</source>
      <translation>Клиент коротко</translation>
    </message>
    <message>
      <source>Client card</source>
      <translation>Карточка клиента</translation>
    </message>
    <message>
      <source>Client details</source>
      <translation>Данные клиента</translation>
    </message>
    <message>
      <source>Clients who change managers often complain; keep this one stable.</source>
      <translation>Клиенты, у которых часто меняются менеджеры, недовольны; здесь менеджера лучше не менять.</translation>
    </message>
    <message>
      <source>Clock runs in</source>
      <translation>Время считается по</translation>
    </message>
    <message>
      <source>Comment</source>
      <translation>Комментарий</translation>
    </message>
    <message>
      <source>Contacts</source>
      <translation>Контакты</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Дата</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Удалить</translation>
    </message>
    <message>
      <source>Delete %1</source>
      <translation>Удаление: %1</translation>
    </message>
    <message>
      <source>Done here</source>
      <translation>Сделано здесь</translation>
    </message>
    <message>
      <source>Done on</source>
      <translation>Сделано</translation>
    </message>
    <message>
      <source>Double-click a client to open their card.</source>
      <translation>Двойной щелчок по клиенту открывает его карточку.</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Срок</translation>
    </message>
    <message>
      <source>Due by</source>
      <translation>Срок</translation>
    </message>
    <message>
      <source>Edit %1</source>
      <translation>Правка: %1</translation>
    </message>
    <message>
      <source>Edit %1 for the client</source>
      <translation>Правка услуги «%1» у клиента</translation>
    </message>
    <message>
      <source>Edit client “%1”</source>
      <translation>Правка клиента «%1»</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>Изменить…</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>Эл. почта</translation>
    </message>
    <message>
      <source>Feasibility</source>
      <translation>Выполнимость</translation>
    </message>
    <message>
      <source>Find a client or manager</source>
      <translation>Найти клиента или менеджера</translation>
    </message>
    <message>
      <source>Greeting dates ahead</source>
      <translation>Ближайшие поводы поздравить</translation>
    </message>
    <message>
      <source>Helps</source>
      <translation>Помогает</translation>
    </message>
    <message>
      <source>History</source>
      <translation>История</translation>
    </message>
    <message>
      <source>KPI focus</source>
      <translation>Главный KPI</translation>
    </message>
    <message>
      <source>Keep the same manager</source>
      <translation>Не менять менеджера</translation>
    </message>
    <message>
      <source>Last offer</source>
      <translation>Последнее предложение</translation>
    </message>
    <message>
      <source>Left empty, it follows the agency's up-sell cadence</source>
      <translation>Если оставить пустым, дата берётся из графика допродаж агентства</translation>
    </message>
    <message>
      <source>Legal name</source>
      <translation>Юрлицо</translation>
    </message>
    <message>
      <source>Looking up holidays…</source>
      <translation>Ищем праздники…</translation>
    </message>
    <message>
      <source>Loyalty</source>
      <translation>Лояльность</translation>
    </message>
    <message>
      <source>Make primary</source>
      <translation>Сделать основным</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>Менеджер</translation>
    </message>
    <message>
      <source>Messenger</source>
      <translation>Мессенджер</translation>
    </message>
    <message>
      <source>Monthly</source>
      <translation>В месяц</translation>
    </message>
    <message>
      <source>Monthly budget</source>
      <translation>Бюджет в месяц</translation>
    </message>
    <message>
      <source>Monthly value</source>
      <translation>Сумма в месяц</translation>
    </message>
    <message>
      <source>NPS</source>
      <translation>NPS</translation>
    </message>
    <message>
      <source>NPS score, 0–10</source>
      <translation>Оценка NPS, 0–10</translation>
    </message>
    <message>
      <source>NPS trend</source>
      <translation>Динамика NPS</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Название</translation>
    </message>
    <message>
      <source>New %1</source>
      <translation>Новая запись: %1</translation>
    </message>
    <message>
      <source>Next offer</source>
      <translation>Следующее предложение</translation>
    </message>
    <message>
      <source>Next offer %1</source>
      <translation>Следующее предложение %1</translation>
    </message>
    <message>
      <source>No assignments recorded.</source>
      <translation>Назначений не записано.</translation>
    </message>
    <message numerus="yes">
      <source>No birthdays or holidays in the next %n day(s).</source>
      <translation>
        <numerusform>В ближайший %n день нет ни дней рождения, ни праздников.</numerusform>
        <numerusform>В ближайшие %n дня нет ни дней рождения, ни праздников.</numerusform>
        <numerusform>В ближайшие %n дней нет ни дней рождения, ни праздников.</numerusform>
      </translation>
    </message>
    <message>
      <source>No client selected</source>
      <translation>Клиент не выбран</translation>
    </message>
    <message>
      <source>No contacts yet. Add the people you talk to.</source>
      <translation>Контактов пока нет. Добавьте тех, с кем вы общаетесь.</translation>
    </message>
    <message>
      <source>No feedback yet. Ask for it regularly, and react to it.</source>
      <translation>Отзывов пока нет. Запрашивайте обратную связь регулярно и реагируйте на неё.</translation>
    </message>
    <message>
      <source>No promises registered. Add what sales promised at signing.</source>
      <translation>Обещаний нет. Добавьте, что пообещали продажи при подписании договора.</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Примечание</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Заметки</translation>
    </message>
    <message>
      <source>Nothing done for loyalty yet.</source>
      <translation>Для лояльности пока ничего не сделано.</translation>
    </message>
    <message>
      <source>Occasion</source>
      <translation>Повод</translation>
    </message>
    <message>
      <source>Only clients with an offer due</source>
      <translation>Только клиенты, которым пора предлагать</translation>
    </message>
    <message>
      <source>Our reaction</source>
      <translation>Наша реакция</translation>
    </message>
    <message>
      <source>Overlap with us</source>
      <translation>Пересечение с нами</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Телефон</translation>
    </message>
    <message>
      <source>Plan a greeting</source>
      <translation>Запланировать поздравление</translation>
    </message>
    <message>
      <source>Planned for</source>
      <translation>Запланировано на</translation>
    </message>
    <message>
      <source>Practice</source>
      <translation>Практика</translation>
    </message>
    <message>
      <source>Preferred channel</source>
      <translation>Удобный канал связи</translation>
    </message>
    <message>
      <source>Primary contact</source>
      <translation>Основной контакт</translation>
    </message>
    <message>
      <source>Profile</source>
      <translation>Профиль</translation>
    </message>
    <message>
      <source>Project</source>
      <translation>Проект</translation>
    </message>
    <message>
      <source>Promise</source>
      <translation>Обещание</translation>
    </message>
    <message>
      <source>Promised by</source>
      <translation>Кто пообещал</translation>
    </message>
    <message>
      <source>Promised on</source>
      <translation>Когда пообещали</translation>
    </message>
    <message>
      <source>Promises</source>
      <translation>Обещания</translation>
    </message>
    <message>
      <source>Reach</source>
      <translation>Связь</translation>
    </message>
    <message>
      <source>React / edit…</source>
      <translation>Отреагировать / изменить…</translation>
    </message>
    <message>
      <source>Reacted on</source>
      <translation>Дата реакции</translation>
    </message>
    <message>
      <source>Reaction</source>
      <translation>Реакция</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Причина</translation>
    </message>
    <message>
      <source>Received on</source>
      <translation>Получено</translation>
    </message>
    <message>
      <source>Reload the client now? Your edits here will be replaced by the saved version.</source>
      <translation>Обновить клиента сейчас? Ваши правки здесь заменит сохранённая версия.</translation>
    </message>
    <message>
      <source>Revert</source>
      <translation>Вернуть как было</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Должность</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Сохранить</translation>
    </message>
    <message>
      <source>Segment</source>
      <translation>Сегмент</translation>
    </message>
    <message>
      <source>Select a project in the queue to see its client here.</source>
      <translation>Выберите проект в очереди, чтобы увидеть здесь его клиента.</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>Услуга</translation>
    </message>
    <message>
      <source>Services</source>
      <translation>Услуги</translation>
    </message>
    <message>
      <source>Since</source>
      <translation>С</translation>
    </message>
    <message>
      <source>Slower than most agencies: about 70 % answer within an hour.</source>
      <translation>Медленнее, чем у большинства агентств: около 70 % отвечают в течение часа.</translation>
    </message>
    <message>
      <source>State</source>
      <translation>Состояние</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Статус</translation>
    </message>
    <message>
      <source>Team up-sell matrix…</source>
      <translation>Матрица допродаж команды…</translation>
    </message>
    <message>
      <source>The agency's service catalogue is empty.</source>
      <translation>Каталог услуг агентства пуст.</translation>
    </message>
    <message>
      <source>Their time now</source>
      <translation>У них сейчас</translation>
    </message>
    <message>
      <source>Time zone</source>
      <translation>Часовой пояс</translation>
    </message>
    <message>
      <source>Top positions alone pay no bills: agree a traffic, leads or orders goal too.</source>
      <translation>Одни позиции в топе счета не оплачивают: договоритесь и о цели по трафику, заявкам или заказам.</translation>
    </message>
    <message>
      <source>Unsaved edits from earlier are back. Save them, or Revert to drop them.</source>
      <translation>Несохранённые правки восстановлены. Сохраните их или нажмите «Вернуть как было», чтобы отбросить.</translation>
    </message>
    <message>
      <source>Up-sell matrix</source>
      <translation>Матрица допродаж</translation>
    </message>
    <message>
      <source>What agencies do for loyalty</source>
      <translation>Что агентства делают для лояльности</translation>
    </message>
    <message>
      <source>What to remember before the next call</source>
      <translation>Что вспомнить перед следующим звонком</translation>
    </message>
    <message>
      <source>What was promised</source>
      <translation>Что пообещали</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Когда</translation>
    </message>
    <message>
      <source>Who helps</source>
      <translation>Кто помогает</translation>
    </message>
    <message>
      <source>Working day from</source>
      <translation>Рабочий день с</translation>
    </message>
    <message>
      <source>Working day until</source>
      <translation>Рабочий день до</translation>
    </message>
    <message>
      <source>a salesperson</source>
      <translation>менеджер по продажам</translation>
    </message>
    <message>
      <source>active</source>
      <translation>подключено</translation>
    </message>
    <message>
      <source>at work</source>
      <translation>рабочее время</translation>
    </message>
    <message>
      <source>broken</source>
      <translation>нарушено</translation>
    </message>
    <message>
      <source>contact</source>
      <translation>контакт</translation>
    </message>
    <message>
      <source>custom…</source>
      <translation>своё…</translation>
    </message>
    <message>
      <source>declined</source>
      <translation>отказ</translation>
    </message>
    <message>
      <source>doubtful</source>
      <translation>сомнительно</translation>
    </message>
    <message>
      <source>due</source>
      <translation>пора</translation>
    </message>
    <message>
      <source>due %1</source>
      <translation>срок %1</translation>
    </message>
    <message>
      <source>e.g. e-commerce, medicine</source>
      <translation>например, e-commerce, медицина</translation>
    </message>
    <message>
      <source>e.g. marketing director</source>
      <translation>например, директор по маркетингу</translation>
    </message>
    <message>
      <source>e.g. top-10 for the main queries in two weeks</source>
      <translation>например, топ-10 по основным запросам за две недели</translation>
    </message>
    <message>
      <source>e.g. Антон, sales</source>
      <translation>например, Антон из отдела продаж</translation>
    </message>
    <message>
      <source>e.g. Ирина Соколова</source>
      <translation>например, Ирина Соколова</translation>
    </message>
    <message>
      <source>feedback</source>
      <translation>отзыв</translation>
    </message>
    <message>
      <source>hours both are at work</source>
      <translation>часы, когда работают оба</translation>
    </message>
    <message>
      <source>kept</source>
      <translation>выполнено</translation>
    </message>
    <message>
      <source>leads</source>
      <translation>заявки</translation>
    </message>
    <message>
      <source>loyalty action</source>
      <translation>действие лояльности</translation>
    </message>
    <message>
      <source>next business day</source>
      <translation>следующий рабочий день</translation>
    </message>
    <message>
      <source>no manager</source>
      <translation>без менеджера</translation>
    </message>
    <message>
      <source>nobody</source>
      <translation>никто</translation>
    </message>
    <message>
      <source>nobody yet</source>
      <translation>пока никто</translation>
    </message>
    <message>
      <source>none: their day is %1–%2 our time</source>
      <translation>нет: их день — %1–%2 по нашему времени</translation>
    </message>
    <message>
      <source>offered</source>
      <translation>предложено</translation>
    </message>
    <message>
      <source>open</source>
      <translation>в работе</translation>
    </message>
    <message>
      <source>orders</source>
      <translation>заказы</translation>
    </message>
    <message>
      <source>outside working hours</source>
      <translation>нерабочее время</translation>
    </message>
    <message>
      <source>planned %1</source>
      <translation>запланировано на %1</translation>
    </message>
    <message>
      <source>promise</source>
      <translation>обещание</translation>
    </message>
    <message>
      <source>prospect</source>
      <translation>потенциал</translation>
    </message>
    <message>
      <source>realistic</source>
      <translation>реалистично</translation>
    </message>
    <message>
      <source>renegotiated</source>
      <translation>пересмотрено</translation>
    </message>
    <message>
      <source>revenue</source>
      <translation>выручка</translation>
    </message>
    <message>
      <source>search positions</source>
      <translation>позиции в поиске</translation>
    </message>
    <message>
      <source>the account manager</source>
      <translation>аккаунт-менеджер</translation>
    </message>
    <message>
      <source>the agency's working hours</source>
      <translation>рабочее время агентства</translation>
    </message>
    <message>
      <source>the client's working hours</source>
      <translation>рабочее время клиента</translation>
    </message>
    <message>
      <source>the company head</source>
      <translation>руководитель компании</translation>
    </message>
    <message>
      <source>the department head</source>
      <translation>руководитель отдела</translation>
    </message>
    <message>
      <source>traffic</source>
      <translation>трафик</translation>
    </message>
    <message>
      <source>unrealistic</source>
      <translation>нереалистично</translation>
    </message>
    <message>
      <source>what was done about it</source>
      <translation>что сделали в ответ</translation>
    </message>
    <message>
      <source>—</source>
      <translation>—</translation>
    </message>
    <message>
      <source>⚠ no reaction yet</source>
      <translation>⚠ реакции пока нет</translation>
    </message>
  </context>
  <context>
    <name>Clients</name>
    <message>
      <source>the client</source>
      <translation>клиента</translation>
    </message>
    <message>
      <source>this client no longer exists</source>
      <translation>этого клиента больше нет</translation>
    </message>
    <message>
      <source>this contact</source>
      <translation>этот контакт</translation>
    </message>
    <message>
      <source>this contact no longer exists</source>
      <translation>этого контакта больше нет</translation>
    </message>
    <message>
      <source>this feedback</source>
      <translation>этот отзыв</translation>
    </message>
    <message>
      <source>this feedback no longer exists</source>
      <translation>этого отзыва больше нет</translation>
    </message>
    <message>
      <source>this loyalty action</source>
      <translation>это действие лояльности</translation>
    </message>
    <message>
      <source>this loyalty action no longer exists</source>
      <translation>этого действия лояльности больше нет</translation>
    </message>
    <message>
      <source>this promise</source>
      <translation>это обещание</translation>
    </message>
    <message>
      <source>this promise no longer exists</source>
      <translation>этого обещания больше нет</translation>
    </message>
    <message>
      <source>this service</source>
      <translation>эту услугу</translation>
    </message>
    <message>
      <source>this service is no longer in the catalogue</source>
      <translation>этой услуги больше нет в каталоге</translation>
    </message>
    <message>
      <source>{service} of {client}</source>
      <translation>услугу «{service}» у {client}</translation>
    </message>
    <message>
      <source>{what} no longer exists</source>
      <translation>Больше нет: {what}</translation>
    </message>
    <message>
      <source>{what} was changed elsewhere since you opened it; nothing was saved: reload to see the newer version</source>
      <translation>{what} изменили в другом месте после того, как вы открыли карточку; ничего не сохранено — обновите, чтобы увидеть новую версию</translation>
    </message>
    <message>
      <source>{what} was changed elsewhere while you were saving; nothing was saved</source>
      <translation>{what} изменили в другом месте, пока вы сохраняли; ничего не сохранено</translation>
    </message>
  </context>
  <context>
    <name>ConnectDialog</name>
    <message>
      <source>Connect</source>
      <translation>Подключиться</translation>
    </message>
    <message>
      <source>Connect to team database</source>
      <translation>Подключение к командной базе</translation>
    </message>
    <message>
      <source>Database</source>
      <translation>База данных</translation>
    </message>
    <message>
      <source>Database:</source>
      <translation>База данных:</translation>
    </message>
    <message>
      <source>Encryption (TLS)</source>
      <translation>Шифрование (TLS)</translation>
    </message>
    <message>
      <source>Encryption:</source>
      <translation>Шифрование:</translation>
    </message>
    <message>
      <source>If the server offers it</source>
      <translation>Если сервер его предлагает</translation>
    </message>
    <message>
      <source>Login</source>
      <translation>Логин</translation>
    </message>
    <message>
      <source>Login:</source>
      <translation>Логин:</translation>
    </message>
    <message>
      <source>Off (a trusted local network only)</source>
      <translation>Выключено (только в доверенной локальной сети)</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Пароль</translation>
    </message>
    <message>
      <source>Password:</source>
      <translation>Пароль:</translation>
    </message>
    <message>
      <source>Port</source>
      <translation>Порт</translation>
    </message>
    <message>
      <source>Port:</source>
      <translation>Порт:</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>Ошибка</translation>
    </message>
    <message>
      <source>Remember the password</source>
      <translation>Запомнить пароль</translation>
    </message>
    <message>
      <source>Remember the password in the system keyring</source>
      <translation>Запомнить пароль в системном хранилище паролей</translation>
    </message>
    <message>
      <source>Required</source>
      <translation>Обязательно</translation>
    </message>
    <message>
      <source>Required, and the server's certificate checked</source>
      <translation>Обязательно, с проверкой сертификата сервера</translation>
    </message>
    <message>
      <source>Server</source>
      <translation>Сервер</translation>
    </message>
    <message>
      <source>Server:</source>
      <translation>Сервер:</translation>
    </message>
    <message>
      <source>empty: from ~/.pgpass or not needed</source>
      <translation>пусто: из ~/.pgpass или не нужен</translation>
    </message>
    <message>
      <source>must not be empty</source>
      <translation>не может быть пустым</translation>
    </message>
    <message>
      <source>only Latin letters, digits, dots, dashes and _</source>
      <translation>только латинские буквы, цифры, точки, дефисы и _</translation>
    </message>
  </context>
  <context>
    <name>Credentials</name>
    <message>
      <source>no system keyring can keep the password here ({cause}); put it in libpq's password file ~/.pgpass instead (host:port:database:login:password, readable by you alone)</source>
      <translation>здесь нет системного хранилища паролей ({cause}); запишите пароль в файл паролей libpq ~/.pgpass (сервер:порт:база:логин:пароль, доступный только вам)</translation>
    </message>
  </context>
  <context>
    <name>Database</name>
    <message>
      <source>a team database needs PostgreSQL's driver, which is not installed: pip install 'accdesk[team]'</source>
      <translation>для командной базы нужен драйвер PostgreSQL, он не установлен: pip install 'accdesk[team]'</translation>
    </message>
    <message>
      <source>cannot read {path}: {reason}</source>
      <translation>не удаётся прочитать {path}: {reason}</translation>
    </message>
    <message>
      <source>cannot write {path}: {reason}</source>
      <translation>не удаётся записать {path}: {reason}</translation>
    </message>
    <message>
      <source>naive datetime {value!r} cannot be stored; attach a time zone</source>
      <translation>момент без часового пояса {value!r} сохранить нельзя; укажите пояс</translation>
    </message>
    <message>
      <source>the column {table}.{column}</source>
      <translation>столбца {table}.{column}</translation>
    </message>
    <message>
      <source>the disk holding {where} is full: nothing was saved; free some space and try again</source>
      <translation>диск, на котором лежит {where}, заполнен: ничего не сохранено; освободите место и попробуйте снова</translation>
    </message>
    <message>
      <source>the folder {folder} is read-only; accdesk needs to create files beside the database</source>
      <translation>папка {folder} доступна только для чтения, а accdesk нужно создавать файлы рядом с базой</translation>
    </message>
    <message>
      <source>the folder {parent} does not exist</source>
      <translation>папки {parent} не существует</translation>
    </message>
    <message>
      <source>the table {table}</source>
      <translation>таблицы {table}</translation>
    </message>
    <message>
      <source>unknown check {check!r}</source>
      <translation>неизвестная проверка {check!r}</translation>
    </message>
    <message>
      <source>{database} is open in another accdesk window or command; it can be opened here read-only</source>
      <translation>{database} открыта в другом окне или команде accdesk; здесь её можно открыть только для чтения</translation>
    </message>
    <message>
      <source>{location} is open read-only here; nothing can be changed</source>
      <translation>{location} открыта только для чтения; изменить ничего нельзя</translation>
    </message>
    <message>
      <source>{path} belongs to another application, not accdesk</source>
      <translation>{path} принадлежит другой программе, а не accdesk</translation>
    </message>
    <message>
      <source>{path} cannot be read: {strerror}</source>
      <translation>не удаётся прочитать {path}: {strerror}</translation>
    </message>
    <message>
      <source>{path} does not exist</source>
      <translation>{path} не существует</translation>
    </message>
    <message>
      <source>{path} does not fit the log file beside it ({log}): the log is damaged or belongs to another database. Move the log aside to open the database as it was before it, or restore a backup ({damage})</source>
      <translation>{path} не сходится с файлом журнала рядом с ним ({log}): журнал повреждён или принадлежит другой базе. Уберите журнал в сторону, чтобы открыть базу в том виде, какой она была до него, или восстановите резервную копию ({damage})</translation>
    </message>
    <message>
      <source>{path} is a folder, not a database file</source>
      <translation>{path} — это папка, а не файл базы</translation>
    </message>
    <message>
      <source>{path} is an empty file (0 bytes), not an accdesk database</source>
      <translation>{path} — пустой файл (0 байт), а не база accdesk</translation>
    </message>
    <message>
      <source>{path} is damaged: the file is shorter than a database header</source>
      <translation>{path} повреждён: файл короче заголовка базы</translation>
    </message>
    <message>
      <source>{path} is damaged: {exc}</source>
      <translation>{path} повреждён: {exc}</translation>
    </message>
    <message>
      <source>{path} is damaged: {missing} is missing, though its schema says it has it; restore a backup (File → Restore from backup, or accdesk restore)</source>
      <translation>{path} повреждён: в нём нет {missing}, хотя его схема этого требует; восстановите резервную копию (Файл → Восстановить из резервной копии или accdesk restore)</translation>
    </message>
    <message>
      <source>{path} is damaged: {value}</source>
      <translation>{path} повреждён: {value}</translation>
    </message>
    <message>
      <source>{path} is not a database file (it is not SQLite)</source>
      <translation>{path} — не файл базы (это не SQLite)</translation>
    </message>
    <message>
      <source>{path} is not a regular file (a pipe, a device or a socket)</source>
      <translation>{path} — не обычный файл (канал, устройство или сокет)</translation>
    </message>
    <message>
      <source>{path} is on a read-only disk; accdesk can open it only read-only there</source>
      <translation>{path} лежит на диске только для чтения; там accdesk может открыть его только для чтения</translation>
    </message>
    <message>
      <source>{path} is read-only; accdesk needs to write to it (it can be opened read-only)</source>
      <translation>{path} доступен только для чтения, а accdesk нужно в него записывать (его можно открыть только для чтения)</translation>
    </message>
    <message>
      <source>{path} needs setting up or upgrading, which read-only cannot do</source>
      <translation>{path} нужно подготовить или обновить, а только для чтения это невозможно</translation>
    </message>
    <message>
      <source>{target} is neither a database file nor a team database address ({scheme}://…); give a path, or a postgresql:// address</source>
      <translation>{target} — не файл базы и не адрес командной базы ({scheme}://…); укажите путь или адрес postgresql://</translation>
    </message>
    <message>
      <source>{value} is being read by another program; try again</source>
      <translation>{value} сейчас читает другая программа; попробуйте ещё раз</translation>
    </message>
    <message>
      <source>{value} is damaged: its copy failed the integrity check ({exc})</source>
      <translation>{value} повреждён: копия не прошла проверку целостности ({exc})</translation>
    </message>
    <message>
      <source>{value} is damaged: {exc}</source>
      <translation>{value} повреждён: {exc}</translation>
    </message>
    <message>
      <source>{where} cannot be written to: {error}</source>
      <translation>в {where} нельзя записывать: {error}</translation>
    </message>
    <message>
      <source>{where} is damaged: {error}</source>
      <translation>{where} повреждена: {error}</translation>
    </message>
    <message>
      <source>{where} is locked by another program; try again when it is done</source>
      <translation>{where} заблокирована другой программой; попробуйте снова, когда она закончит</translation>
    </message>
    <message>
      <source>{where} was made by a newer version of accdesk (schema {revision}); update accdesk to open it</source>
      <translation>{where} создана более новой версией accdesk (схема {revision}); обновите accdesk, чтобы её открыть</translation>
    </message>
  </context>
  <context>
    <name>Dialogs</name>
    <message>
      <source>%1 (%2): %3 clients, %4 projects, %5 briefs</source>
      <translation>%1 (%2): клиентов — %3, проектов — %4, ТЗ — %5</translation>
    </message>
    <message>
      <source>Open database</source>
      <translation>Открыть базу</translation>
    </message>
    <message>
      <source>Restore from backup</source>
      <translation>Восстановить из резервной копии</translation>
    </message>
    <message>
      <source>Team lead: all managers</source>
      <translation>Руководитель группы: все менеджеры</translation>
    </message>
    <message>
      <source>The current database is kept aside, never deleted.
Restore which backup?</source>
      <translation>Текущая база будет отложена, а не удалена.
Какую копию восстановить?</translation>
    </message>
    <message>
      <source>Who are you?</source>
      <translation>Кто вы?</translation>
    </message>
    <message>
      <source>daily</source>
      <translation>ежедневная</translation>
    </message>
    <message>
      <source>weekly</source>
      <translation>еженедельная</translation>
    </message>
    <message>
      <source>“My queue” shows the projects of:</source>
      <translation>«Моя очередь» показывает проекты:</translation>
    </message>
  </context>
  <context>
    <name>Facts</name>
    <message>
      <source>Better office, paper and dress code</source>
      <translation>Офис, бумаги и дресс-код получше</translation>
    </message>
    <message>
      <source>Bonuses without cutting the price</source>
      <translation>Бонусы без снижения цены</translation>
    </message>
    <message>
      <source>Client-focus training of staff</source>
      <translation>Обучение сотрудников клиентоориентированности</translation>
    </message>
    <message>
      <source>Concessions and exclusive terms</source>
      <translation>Уступки и особые условия</translation>
    </message>
    <message>
      <source>Discounts</source>
      <translation>Скидки</translation>
    </message>
    <message>
      <source>Faster reaction to requests</source>
      <translation>Быстрая реакция на обращения</translation>
    </message>
    <message>
      <source>Focus on the client's business benefit</source>
      <translation>Ориентация на пользу для бизнеса клиента</translation>
    </message>
    <message>
      <source>Gamification</source>
      <translation>Геймификация</translation>
    </message>
    <message>
      <source>Help with non-marketing questions</source>
      <translation>Помощь с вопросами вне маркетинга</translation>
    </message>
    <message>
      <source>Holiday and birthday greetings</source>
      <translation>Поздравления с праздниками и днём рождения</translation>
    </message>
    <message>
      <source>Improving the service and specialists' skills</source>
      <translation>Развитие сервиса и квалификации специалистов</translation>
    </message>
    <message>
      <source>Invitation to a closed community</source>
      <translation>Приглашение в закрытое сообщество</translation>
    </message>
    <message>
      <source>Invitations to events</source>
      <translation>Приглашения на мероприятия</translation>
    </message>
    <message>
      <source>Part of the work for free</source>
      <translation>Часть работ бесплатно</translation>
    </message>
    <message>
      <source>Personalisation and exceptions to rules</source>
      <translation>Индивидуальный подход и исключения из правил</translation>
    </message>
    <message>
      <source>Priority among all projects</source>
      <translation>Приоритет среди всех проектов</translation>
    </message>
    <message>
      <source>Regular feedback requests with a reaction</source>
      <translation>Регулярный сбор обратной связи с реакцией на неё</translation>
    </message>
    <message>
      <source>Simpler processes</source>
      <translation>Упрощение процессов</translation>
    </message>
    <message>
      <source>The client may ask for another manager</source>
      <translation>Клиент может попросить другого менеджера</translation>
    </message>
    <message>
      <source>more than 6 hours (next business day)</source>
      <translation>дольше 6 часов (на следующий рабочий день)</translation>
    </message>
    <message>
      <source>within 1 hour</source>
      <translation>в течение часа</translation>
    </message>
    <message>
      <source>within 15 minutes</source>
      <translation>в течение 15 минут</translation>
    </message>
    <message>
      <source>within 3 hours</source>
      <translation>в течение 3 часов</translation>
    </message>
    <message>
      <source>within 6 hours</source>
      <translation>в течение 6 часов</translation>
    </message>
  </context>
  <context>
    <name>FieldsEditor</name>
    <message>
      <source>Add field</source>
      <translation>Добавить поле</translation>
    </message>
    <message>
      <source>Down</source>
      <translation>Ниже</translation>
    </message>
    <message>
      <source>Fields of the form</source>
      <translation>Поля формы</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Удалить</translation>
    </message>
    <message>
      <source>Row %1: %2</source>
      <translation>Строка %1: %2</translation>
    </message>
    <message>
      <source>Up</source>
      <translation>Выше</translation>
    </message>
  </context>
  <context>
    <name>FieldsModel</name>
    <message>
      <source>Error message</source>
      <translation>Сообщение об ошибке</translation>
    </message>
    <message>
      <source>Field name</source>
      <translation>Название поля</translation>
    </message>
    <message>
      <source>Required</source>
      <translation>Обязательное</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Тип</translation>
    </message>
    <message>
      <source>Validation rule</source>
      <translation>Правило проверки</translation>
    </message>
  </context>
  <context>
    <name>Formatting</name>
    <message>
      <source>%1 h</source>
      <translation>%1 ч</translation>
    </message>
    <message>
      <source>%1 h %2 min</source>
      <translation>%1 ч %2 мин</translation>
    </message>
    <message>
      <source>%1 min</source>
      <translation>%1 мин</translation>
    </message>
    <message numerus="yes">
      <source>%n day(s)</source>
      <translation>
        <numerusform>%n день</numerusform>
        <numerusform>%n дня</numerusform>
        <numerusform>%n дней</numerusform>
      </translation>
    </message>
    <message>
      <source>Email</source>
      <translation>Эл. почта</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Телефон</translation>
    </message>
    <message>
      <source>Slack</source>
      <translation>Slack</translation>
    </message>
    <message>
      <source>Telegram</source>
      <translation>Telegram</translation>
    </message>
    <message>
      <source>WhatsApp</source>
      <translation>WhatsApp</translation>
    </message>
  </context>
  <context>
    <name>Greetings</name>
    <message>
      <source>Birthday: {name}</source>
      <translation>День рождения: {name}</translation>
    </message>
    <message>
      <source>Builder's Day</source>
      <translation>День строителя</translation>
    </message>
    <message>
      <source>Machine Builder's Day</source>
      <translation>День машиностроителя</translation>
    </message>
    <message>
      <source>Marketer's Day</source>
      <translation>День маркетолога</translation>
    </message>
    <message>
      <source>Medical Worker's Day</source>
      <translation>День медицинского работника</translation>
    </message>
    <message>
      <source>Realtor's Day</source>
      <translation>День риелтора</translation>
    </message>
    <message>
      <source>Teacher's Day</source>
      <translation>День учителя</translation>
    </message>
    <message>
      <source>Trade Workers' Day</source>
      <translation>День работников торговли</translation>
    </message>
    <message>
      <source>World Tourism Day</source>
      <translation>Всемирный день туризма</translation>
    </message>
    <message>
      <source>a birthday recurs within a year</source>
      <translation>день рождения повторяется в пределах года</translation>
    </message>
  </context>
  <context>
    <name>HistoryDialog</name>
    <message>
      <source>Changes from the chosen revision to the brief as it is now</source>
      <translation>Что изменилось от выбранной версии до нынешнего ТЗ</translation>
    </message>
    <message>
      <source>Changes since</source>
      <translation>Изменения с тех пор</translation>
    </message>
    <message>
      <source>History of “%1”</source>
      <translation>История «%1»</translation>
    </message>
    <message>
      <source>No saved revisions yet.</source>
      <translation>Сохранённых версий пока нет.</translation>
    </message>
    <message>
      <source>Restore this revision</source>
      <translation>Восстановить эту версию</translation>
    </message>
    <message>
      <source>Revision %1 · %2 · level %3</source>
      <translation>Версия %1 · %2 · уровень %3</translation>
    </message>
    <message>
      <source>Revisions</source>
      <translation>Версии</translation>
    </message>
    <message>
      <source>The brief is the same as in this revision.</source>
      <translation>ТЗ такое же, как в этой версии.</translation>
    </message>
  </context>
  <context>
    <name>Import</name>
    <message numerus="yes">
      <source>%1 new, %2 updated, %3 unchanged, %n line(s) with problems.</source>
      <translation>
        <numerusform>Новых: %1, обновлено: %2, без изменений: %3, %n строка с ошибками.</numerusform>
        <numerusform>Новых: %1, обновлено: %2, без изменений: %3, %n строки с ошибками.</numerusform>
        <numerusform>Новых: %1, обновлено: %2, без изменений: %3, %n строк с ошибками.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%1 new, %2 updated, %3 unchanged; %n line(s) with problems not imported.</source>
      <translation>
        <numerusform>Новых: %1, обновлено: %2, без изменений: %3; %n строка с ошибками не импортирована.</numerusform>
        <numerusform>Новых: %1, обновлено: %2, без изменений: %3; %n строки с ошибками не импортированы.</numerusform>
        <numerusform>Новых: %1, обновлено: %2, без изменений: %3; %n строк с ошибками не импортировано.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) under the header: %1</source>
      <translation>
        <numerusform>%n строка под заголовком: %1</numerusform>
        <numerusform>%n строки под заголовком: %1</numerusform>
        <numerusform>%n строк под заголовком: %1</numerusform>
      </translation>
    </message>
    <message>
      <source>A .csv or .xlsx file</source>
      <translation>Файл .csv или .xlsx</translation>
    </message>
    <message>
      <source>Birthday</source>
      <translation>День рождения</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <source>Check before importing</source>
      <translation>Проверка перед импортом</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Выбрать…</translation>
    </message>
    <message>
      <source>Client</source>
      <translation>Клиент</translation>
    </message>
    <message>
      <source>Clients</source>
      <translation>Клиенты</translation>
    </message>
    <message>
      <source>Column</source>
      <translation>Столбец</translation>
    </message>
    <message>
      <source>Comma ,</source>
      <translation>Запятая ,</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>Контакт</translation>
    </message>
    <message>
      <source>Contacts</source>
      <translation>Контакты</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>Срок</translation>
    </message>
    <message>
      <source>Delimiter (CSV)</source>
      <translation>Разделитель (CSV)</translation>
    </message>
    <message>
      <source>Detect</source>
      <translation>Определить</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>Эл. почта</translation>
    </message>
    <message>
      <source>Encoding (CSV)</source>
      <translation>Кодировка (CSV)</translation>
    </message>
    <message>
      <source>Excel workbook</source>
      <translation>Книга Excel</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Файл</translation>
    </message>
    <message>
      <source>Guessed from the headers; fields marked * are required.</source>
      <translation>Угадано по заголовкам; поля со * обязательны.</translation>
    </message>
    <message>
      <source>Hours a week</source>
      <translation>Часов в неделю</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Импорт</translation>
    </message>
    <message>
      <source>Import from a spreadsheet</source>
      <translation>Импорт из таблицы</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>Импортируем…</translation>
    </message>
    <message>
      <source>Key</source>
      <translation>Ключ</translation>
    </message>
    <message>
      <source>Legal name</source>
      <translation>Юрлицо</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>Строка</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>Менеджер</translation>
    </message>
    <message>
      <source>Match rows on</source>
      <translation>Сопоставлять строки по</translation>
    </message>
    <message>
      <source>Messenger</source>
      <translation>Мессенджер</translation>
    </message>
    <message>
      <source>Monthly budget</source>
      <translation>Бюджет в месяц</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Заметки</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Телефон</translation>
    </message>
    <message>
      <source>Preferred channel</source>
      <translation>Канал связи</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>Ошибка</translation>
    </message>
    <message>
      <source>Problems (these lines are not imported):</source>
      <translation>Ошибки (эти строки не импортируются):</translation>
    </message>
    <message>
      <source>Project</source>
      <translation>Проект</translation>
    </message>
    <message>
      <source>Projects</source>
      <translation>Проекты</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Должность</translation>
    </message>
    <message>
      <source>Segment</source>
      <translation>Сегмент</translation>
    </message>
    <message>
      <source>Semicolon ;</source>
      <translation>Точка с запятой ;</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>Услуга</translation>
    </message>
    <message>
      <source>Services (the catalogue)</source>
      <translation>Услуги (каталог)</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Статус</translation>
    </message>
    <message>
      <source>Stop on errors: import nothing if any line is wrong</source>
      <translation>Остановиться при ошибках: ничего не импортировать, если хоть одна строка неверна</translation>
    </message>
    <message>
      <source>Tab</source>
      <translation>Табуляция</translation>
    </message>
    <message>
      <source>The first lines as they will be stored:</source>
      <translation>Первые строки в том виде, в каком они будут сохранены:</translation>
    </message>
    <message>
      <source>Time zone</source>
      <translation>Часовой пояс</translation>
    </message>
    <message>
      <source>UTF-8</source>
      <translation>UTF-8</translation>
    </message>
    <message>
      <source>Which column holds what</source>
      <translation>Что в каком столбце</translation>
    </message>
    <message>
      <source>Which file, and what is in it</source>
      <translation>Какой файл и что в нём</translation>
    </message>
    <message>
      <source>Windows-1251</source>
      <translation>Windows-1251</translation>
    </message>
    <message>
      <source>With “stop on errors” nothing will be imported.</source>
      <translation>С «остановкой при ошибках» ничего не будет импортировано.</translation>
    </message>
    <message>
      <source>a cell is longer than {limit} characters</source>
      <translation>ячейка длиннее {limit} символов</translation>
    </message>
    <message>
      <source>a quote (") opened here is never closed</source>
      <translation>открытая здесь кавычка (") нигде не закрыта</translation>
    </message>
    <message>
      <source>can import {value}, not {kind!r}</source>
      <translation>можно импортировать {value}, но не {kind!r}</translation>
    </message>
    <message>
      <source>is needed to match the client</source>
      <translation>нужно, чтобы найти клиента</translation>
    </message>
    <message>
      <source>is needed to match the contact</source>
      <translation>нужно, чтобы найти контакт</translation>
    </message>
    <message>
      <source>line {line}: {problem}</source>
      <translation>строка {line}: {problem}</translation>
    </message>
    <message>
      <source>must be a date, such as 23.11.1985 or 1985-11-23</source>
      <translation>должно быть датой, например 23.11.1985 или 1985-11-23</translation>
    </message>
    <message>
      <source>must be a date, such as 31.12.2026</source>
      <translation>должно быть датой, например 31.12.2026</translation>
    </message>
    <message>
      <source>must be a number of hours, like 6 or 1.5</source>
      <translation>должно быть числом часов, например 6 или 1,5</translation>
    </message>
    <message>
      <source>must be planned, active, paused or done</source>
      <translation>должно быть: запланирован, в работе, на паузе или завершён</translation>
    </message>
    <message>
      <source>no client “{text}” in this agency; import clients first</source>
      <translation>клиента «{text}» в агентстве нет; сначала импортируйте клиентов</translation>
    </message>
    <message>
      <source>no column is chosen for “{label}”, which is required</source>
      <translation>не выбран столбец для обязательного поля «{label}»</translation>
    </message>
    <message>
      <source>read as {encoding}, the file holds control characters ({char}): it is in another encoding, or not text; choose its encoding or save it as UTF-8</source>
      <translation>в кодировке {encoding} файл содержит управляющие символы ({char}): он в другой кодировке или это не текст; выберите кодировку или сохраните файл в UTF-8</translation>
    </message>
    <message>
      <source>row {row}: a cell cannot be read ({exc})</source>
      <translation>строка {row}: ячейку не прочитать ({exc})</translation>
    </message>
    <message>
      <source>the column chosen for {name!r} is not in the file</source>
      <translation>столбца, выбранного для {name!r}, в файле нет</translation>
    </message>
    <message>
      <source>the delimiter must be one character such as ; , | or a tab, not {value!r}</source>
      <translation>разделитель — один символ, например ; , | или табуляция, а не {value!r}</translation>
    </message>
    <message>
      <source>the file cannot be read as {encoding}: {exc}</source>
      <translation>файл не читается в кодировке {encoding}: {exc}</translation>
    </message>
    <message>
      <source>the file has more than {limit} rows</source>
      <translation>в файле больше {limit} строк</translation>
    </message>
    <message>
      <source>the file has no header line with at least two columns</source>
      <translation>в файле нет строки заголовков хотя бы с двумя столбцами</translation>
    </message>
    <message>
      <source>the file is larger than {limit} MB; split it into smaller files</source>
      <translation>файл больше {limit} МБ; разделите его на файлы поменьше</translation>
    </message>
    <message>
      <source>the file's encoding cannot be told for sure; save it as UTF-8 (CSV UTF-8 in Excel) or choose its encoding</source>
      <translation>кодировку файла не определить наверняка; сохраните его в UTF-8 («CSV UTF-8» в Excel) или выберите кодировку</translation>
    </message>
    <message>
      <source>the import was cancelled; nothing was written</source>
      <translation>импорт отменён; ничего не записано</translation>
    </message>
    <message>
      <source>the same {label} as line {first}</source>
      <translation>то же значение «{label}», что в строке {first}</translation>
    </message>
    <message>
      <source>the workbook unpacks to {size} MB, more than a table needs (at most {limit} MB, packed at most {ratio}:1); save it again from Excel, or as CSV</source>
      <translation>книга распаковывается в {size} МБ — больше, чем нужно таблице (не более {limit} МБ при сжатии не сильнее {ratio}:1); пересохраните её в Excel или в CSV</translation>
    </message>
    <message>
      <source>this is not a readable Excel workbook ({exc})</source>
      <translation>это не читаемая книга Excel ({exc})</translation>
    </message>
    <message>
      <source>this line cannot be read as CSV ({error})</source>
      <translation>эту строку не прочитать как CSV ({error})</translation>
    </message>
    <message>
      <source>{kind} are matched on {value}, not {key!r}</source>
      <translation>{kind} сопоставляются по {value}, а не по {key!r}</translation>
    </message>
    <message>
      <source>|</source>
      <translation>|</translation>
    </message>
    <message>
      <source>— not imported —</source>
      <translation>— не импортировать —</translation>
    </message>
    <message>
      <source>“{key}” is the key of another service</source>
      <translation>«{key}» — ключ другой услуги</translation>
    </message>
    <message>
      <source>“{text}” is not a {field_key} of this agency</source>
      <translation>«{text}» нет в агентстве ({field_key})</translation>
    </message>
  </context>
  <context>
    <name>Input</name>
    <message>
      <source>contains a NUL character, which text cannot hold</source>
      <translation>содержит символ NUL, который не может храниться в тексте</translation>
    </message>
    <message>
      <source>give the day it was done, or plan a day for it</source>
      <translation>укажите, когда это сделали, или запланируйте дату</translation>
    </message>
    <message>
      <source>give the day of the reaction</source>
      <translation>укажите дату реакции</translation>
    </message>
    <message>
      <source>holds a broken character (a lone surrogate)</source>
      <translation>содержит испорченный символ (одиночный суррогат)</translation>
    </message>
    <message>
      <source>is before the day the promise was made</source>
      <translation>раньше дня, когда дали обещание</translation>
    </message>
    <message>
      <source>is before the feedback was received</source>
      <translation>раньше, чем получен отзыв</translation>
    </message>
    <message>
      <source>is before the last offer</source>
      <translation>раньше последнего предложения</translation>
    </message>
    <message>
      <source>is in the future</source>
      <translation>ещё не наступило</translation>
    </message>
    <message>
      <source>is not a known field</source>
      <translation>неизвестное поле</translation>
    </message>
    <message>
      <source>is not one of the loyalty practices</source>
      <translation>не из списка практик лояльности</translation>
    </message>
    <message>
      <source>is required</source>
      <translation>обязательно</translation>
    </message>
    <message>
      <source>is too large</source>
      <translation>слишком большое значение</translation>
    </message>
    <message>
      <source>is too long (at most {TITLE_MAX} characters)</source>
      <translation>слишком длинно (не больше {TITLE_MAX} символов)</translation>
    </message>
    <message>
      <source>is too long (at most {value} characters)</source>
      <translation>слишком длинно (не больше {value} символов)</translation>
    </message>
    <message>
      <source>is too long to keep as a draft</source>
      <translation>слишком длинно для черновика</translation>
    </message>
    <message>
      <source>must be a finite number</source>
      <translation>должно быть конечным числом</translation>
    </message>
    <message>
      <source>must be a phone: 7 to 15 digits</source>
      <translation>должен быть телефоном: от 7 до 15 цифр</translation>
    </message>
    <message>
      <source>must be after the start of the working day</source>
      <translation>должно быть позже начала рабочего дня</translation>
    </message>
    <message>
      <source>must be an amount, such as 150000 or 150000.50</source>
      <translation>должно быть суммой, например 150000 или 150000,50</translation>
    </message>
    <message>
      <source>must be at least {value:g}</source>
      <translation>должно быть не меньше {value:g}</translation>
    </message>
    <message>
      <source>must be at most {value:g}</source>
      <translation>должно быть не больше {value:g}</translation>
    </message>
    <message>
      <source>must be one line of text, without line breaks or control characters</source>
      <translation>должно быть одной строкой текста, без переводов строки и управляющих символов</translation>
    </message>
    <message>
      <source>must be one of: {value}</source>
      <translation>должно быть одним из: {value}</translation>
    </message>
    <message>
      <source>must be plain text, numbers and lists</source>
      <translation>допустимы только текст, числа и списки</translation>
    </message>
    <message>
      <source>must lie between {first} and {last}</source>
      <translation>допустимы годы с {first} по {last}</translation>
    </message>
    <message>
      <source>must look like name@example.com</source>
      <translation>должно выглядеть как name@example.com</translation>
    </message>
    <message>
      <source>must not be empty</source>
      <translation>нужно заполнить</translation>
    </message>
    <message>
      <source>must not be negative</source>
      <translation>не может быть отрицательным</translation>
    </message>
    <message>
      <source>must say what the client asked</source>
      <translation>напишите, что спросил клиент</translation>
    </message>
    <message>
      <source>needs a time zone</source>
      <translation>нужен часовой пояс</translation>
    </message>
    <message>
      <source>say what was done, or clear the reaction date</source>
      <translation>напишите, что сделали, или очистите дату реакции</translation>
    </message>
    <message>
      <source>“{value}” is not a known time zone; pick one from the list</source>
      <translation>«{value}» — неизвестный часовой пояс; выберите из списка</translation>
    </message>
    <message>
      <source>“{value}” is not one of the audiences</source>
      <translation>«{value}» — не исполнитель из списка</translation>
    </message>
    <message>
      <source>“{value}” is not one of: {choices}</source>
      <translation>«{value}» — не из списка: {choices}</translation>
    </message>
  </context>
  <context>
    <name>Live</name>
    <message>
      <source>the team database {where} cannot be reached ({error}); nothing was saved</source>
      <translation>нет связи с командной базой {where} ({error}); ничего не сохранено</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source> The previous database is kept as %1.</source>
      <translation> Прежняя база сохранена как %1.</translation>
    </message>
    <message>
      <source>%1. Trying again every few seconds; what you type stays here and is saved when the server is back.</source>
      <translation>%1. Подключаюсь снова каждые несколько секунд; набранный текст остаётся здесь и сохранится, когда сервер вернётся.</translation>
    </message>
    <message numerus="yes">
      <source>%n brief(s) had text that was not saved; it is back in the editor</source>
      <translation>
        <numerusform>В %n ТЗ был несохранённый текст; он возвращён в редактор</numerusform>
        <numerusform>В %n ТЗ был несохранённый текст; он возвращён в редактор</numerusform>
        <numerusform>В %n ТЗ был несохранённый текст; он возвращён в редактор</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;About accdesk</source>
      <translation>&amp;О программе accdesk</translation>
    </message>
    <message>
      <source>&amp;Archive</source>
      <translation>В &amp;архив</translation>
    </message>
    <message>
      <source>&amp;Brief</source>
      <translation>&amp;ТЗ</translation>
    </message>
    <message>
      <source>&amp;Capture request…</source>
      <translation>&amp;Записать обращение…</translation>
    </message>
    <message>
      <source>&amp;Client</source>
      <translation>&amp;Клиент</translation>
    </message>
    <message>
      <source>&amp;Copy as Markdown</source>
      <translation>&amp;Копировать как Markdown</translation>
    </message>
    <message>
      <source>&amp;Day</source>
      <translation>&amp;День</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Правка</translation>
    </message>
    <message>
      <source>&amp;Export all data as JSON…</source>
      <translation>&amp;Экспорт всех данных в JSON…</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Файл</translation>
    </message>
    <message>
      <source>&amp;Find project</source>
      <translation>&amp;Найти проект</translation>
    </message>
    <message>
      <source>&amp;Focus on the brief</source>
      <translation>&amp;Только ТЗ</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Справка</translation>
    </message>
    <message>
      <source>&amp;History…</source>
      <translation>&amp;История…</translation>
    </message>
    <message>
      <source>&amp;Import from a spreadsheet…</source>
      <translation>&amp;Импорт из таблицы…</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>&amp;Язык</translation>
    </message>
    <message>
      <source>&amp;New brief</source>
      <translation>&amp;Новое ТЗ</translation>
    </message>
    <message>
      <source>&amp;New database…</source>
      <translation>&amp;Новая база…</translation>
    </message>
    <message>
      <source>&amp;New project…</source>
      <translation>&amp;Новый проект…</translation>
    </message>
    <message>
      <source>&amp;Open database…</source>
      <translation>&amp;Открыть базу…</translation>
    </message>
    <message>
      <source>&amp;Pin or unpin</source>
      <translation>&amp;Закрепить или открепить</translation>
    </message>
    <message>
      <source>&amp;Project</source>
      <translation>П&amp;роект</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>В&amp;ыход</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Повторить</translation>
    </message>
    <message>
      <source>&amp;Requests</source>
      <translation>О&amp;бращения</translation>
    </message>
    <message>
      <source>&amp;Restore from backup…</source>
      <translation>&amp;Восстановить из резервной копии…</translation>
    </message>
    <message>
      <source>&amp;Status</source>
      <translation>&amp;Статус</translation>
    </message>
    <message>
      <source>&amp;Team</source>
      <translation>&amp;Команда</translation>
    </message>
    <message>
      <source>&amp;Today</source>
      <translation>&amp;Сегодня</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Отменить</translation>
    </message>
    <message>
      <source>&amp;Up-sell matrix…</source>
      <translation>&amp;Матрица допродаж…</translation>
    </message>
    <message>
      <source>&amp;Workload…</source>
      <translation>&amp;Загрузка…</translation>
    </message>
    <message>
      <source>About accdesk</source>
      <translation>О программе accdesk</translation>
    </message>
    <message>
      <source>As the system (%1)</source>
      <translation>Как в системе (%1)</translation>
    </message>
    <message>
      <source>Audience &amp;levels…</source>
      <translation>&amp;Уровни для исполнителей…</translation>
    </message>
    <message>
      <source>Automatic backup failed: %1</source>
      <translation>Автоматическое резервное копирование не удалось: %1</translation>
    </message>
    <message>
      <source>Back to &amp;draft</source>
      <translation>Вернуть в &amp;черновик</translation>
    </message>
    <message>
      <source>Backed up to %1</source>
      <translation>Резервная копия: %1</translation>
    </message>
    <message>
      <source>Backing up…</source>
      <translation>Делаем резервную копию…</translation>
    </message>
    <message>
      <source>Brief</source>
      <translation>ТЗ</translation>
    </message>
    <message>
      <source>Cannot create the demo agency</source>
      <translation>Не удаётся создать демо-агентство</translation>
    </message>
    <message>
      <source>Cannot open the database</source>
      <translation>Не удаётся открыть базу</translation>
    </message>
    <message>
      <source>Cannot restore the backup</source>
      <translation>Не удаётся восстановить копию</translation>
    </message>
    <message>
      <source>Cannot use the database</source>
      <translation>Не удаётся работать с базой</translation>
    </message>
    <message>
      <source>Client card</source>
      <translation>Карточка клиента</translation>
    </message>
    <message>
      <source>Connect to &amp;team database…</source>
      <translation>Подключиться к &amp;командной базе…</translation>
    </message>
    <message>
      <source>Create &amp;demo data…</source>
      <translation>Создать &amp;демо-агентство…</translation>
    </message>
    <message>
      <source>Create database</source>
      <translation>Создать базу</translation>
    </message>
    <message>
      <source>Database in use</source>
      <translation>База занята</translation>
    </message>
    <message>
      <source>Database: %1</source>
      <translation>База: %1</translation>
    </message>
    <message>
      <source>Demo agency</source>
      <translation>Демо-агентство</translation>
    </message>
    <message>
      <source>Export &amp;table as Excel or CSV…</source>
      <translation>Экспорт &amp;таблицы в Excel или CSV…</translation>
    </message>
    <message>
      <source>Export all data</source>
      <translation>Экспорт всех данных</translation>
    </message>
    <message>
      <source>Export as &amp;HTML…</source>
      <translation>Экспорт в &amp;HTML…</translation>
    </message>
    <message>
      <source>Export as &amp;Markdown…</source>
      <translation>Экспорт в &amp;Markdown…</translation>
    </message>
    <message>
      <source>Export as &amp;PDF…</source>
      <translation>Экспорт в &amp;PDF…</translation>
    </message>
    <message>
      <source>Exporting all data…</source>
      <translation>Выгружаем все данные…</translation>
    </message>
    <message>
      <source>Fill this empty database with the demo agency?</source>
      <translation>Заполнить эту пустую базу демо-агентством?</translation>
    </message>
    <message>
      <source>JSON document (*.json)</source>
      <translation>Документ JSON (*.json)</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Язык</translation>
    </message>
    <message>
      <source>Make the priority order &amp;mine</source>
      <translation>Сделать порядок по &amp;приоритету своим</translation>
    </message>
    <message>
      <source>Mark as &amp;accepted</source>
      <translation>Отметить как &amp;принятое</translation>
    </message>
    <message>
      <source>Mark as &amp;sent</source>
      <translation>Отметить как &amp;отправленное</translation>
    </message>
    <message>
      <source>Move &amp;down</source>
      <translation>&amp;Ниже</translation>
    </message>
    <message>
      <source>Move &amp;up</source>
      <translation>&amp;Выше</translation>
    </message>
    <message>
      <source>New database</source>
      <translation>Новая база</translation>
    </message>
    <message>
      <source>No database open</source>
      <translation>База не открыта</translation>
    </message>
    <message>
      <source>None of this client's projects is in the queue as filtered now.</source>
      <translation>Ни одного проекта этого клиента нет в очереди с текущими фильтрами.</translation>
    </message>
    <message>
      <source>Open it read-only?</source>
      <translation>Открыть её только для чтения?</translation>
    </message>
    <message>
      <source>Open the database you want to restore, with write access, first.</source>
      <translation>Сначала откройте с правом записи базу, которую хотите восстановить.</translation>
    </message>
    <message>
      <source>Project &amp;queue</source>
      <translation>&amp;Очередь проектов</translation>
    </message>
    <message>
      <source>Project queue</source>
      <translation>Очередь проектов</translation>
    </message>
    <message>
      <source>Read-only: another accdesk window or command is writing to this database. You can look around here; to change anything, use that window.</source>
      <translation>Только чтение: в эту базу пишет другое окно или команда accdesk. Здесь можно всё посмотреть, а менять — в том окне.</translation>
    </message>
    <message>
      <source>Requests</source>
      <translation>Обращения</translation>
    </message>
    <message>
      <source>Requests (%1)</source>
      <translation>Обращения (%1)</translation>
    </message>
    <message>
      <source>Response &amp;statistics…</source>
      <translation>&amp;Статистика ответов…</translation>
    </message>
    <message>
      <source>Restore from backup</source>
      <translation>Восстановить из резервной копии</translation>
    </message>
    <message>
      <source>Restore the newest good backup, %1? The damaged file is kept aside unchanged.</source>
      <translation>Восстановить последнюю исправную копию, %1? Повреждённый файл будет отложен без изменений.</translation>
    </message>
    <message>
      <source>Restored the backup of %1.</source>
      <translation>Восстановлена копия от %1.</translation>
    </message>
    <message>
      <source>Save as &amp;template…</source>
      <translation>Сохранить как &amp;шаблон…</translation>
    </message>
    <message>
      <source>Save the demo agency as</source>
      <translation>Сохранить демо-агентство как</translation>
    </message>
    <message>
      <source>Suggest a &amp;rebalance…</source>
      <translation>Предложить &amp;перераспределение…</translation>
    </message>
    <message>
      <source>Team database: %1 · you: %2</source>
      <translation>Командная база: %1 · вы: %2</translation>
    </message>
    <message>
      <source>The brief is made; its project is not in the queue as filtered now.</source>
      <translation>ТЗ создано; его проекта нет в очереди с текущими фильтрами.</translation>
    </message>
    <message>
      <source>The database is damaged</source>
      <translation>База повреждена</translation>
    </message>
    <message>
      <source>The new language is used from the next start. Restart accdesk now?</source>
      <translation>Новый язык включится при следующем запуске. Перезапустить accdesk сейчас?</translation>
    </message>
    <message>
      <source>The team database is back</source>
      <translation>Связь с командной базой восстановлена</translation>
    </message>
    <message>
      <source>There are no backups of this database yet.</source>
      <translation>Резервных копий этой базы пока нет.</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>Сегодня</translation>
    </message>
    <message>
      <source>Today's plan is exported as a calendar: Export on its tab.</source>
      <translation>План дня выгружается календарём: кнопка «Экспорт» на его вкладке.</translation>
    </message>
    <message>
      <source>Who am &amp;I…</source>
      <translation>&amp;Кто я…</translation>
    </message>
    <message>
      <source>Working &amp;calendar…</source>
      <translation>Рабочий &amp;календарь…</translation>
    </message>
    <message>
      <source>Wrote %1</source>
      <translation>Записано: %1</translation>
    </message>
    <message>
      <source>accdesk %1
A workplace for account managers of digital agencies.</source>
      <translation>accdesk %1
Рабочее место аккаунт-менеджера digital-агентства.</translation>
    </message>
    <message>
      <source>account manager</source>
      <translation>аккаунт-менеджер</translation>
    </message>
    <message>
      <source>administrator</source>
      <translation>администратор</translation>
    </message>
    <message>
      <source>read only</source>
      <translation>только чтение</translation>
    </message>
    <message>
      <source>team lead</source>
      <translation>руководитель группы</translation>
    </message>
    <message>
      <source>· %1 managers · %2 clients · %3 requests · %4 briefs</source>
      <translation>· менеджеров: %1 · клиентов: %2 · обращений: %3 · ТЗ: %4</translation>
    </message>
  </context>
  <context>
    <name>MinutesDelegate</name>
    <message>
      <source> min</source>
      <translation> мин</translation>
    </message>
  </context>
  <context>
    <name>OptionalDate</name>
    <message>
      <source>No date</source>
      <translation>Без даты</translation>
    </message>
  </context>
  <context>
    <name>ProjectDialog</name>
    <message>
      <source>Active</source>
      <translation>В работе</translation>
    </message>
    <message>
      <source>Choose a client…</source>
      <translation>Выберите клиента…</translation>
    </message>
    <message>
      <source>Client</source>
      <translation>Клиент</translation>
    </message>
    <message>
      <source>Create project</source>
      <translation>Создать проект</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>Срок</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Завершён</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>Менеджер</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Название</translation>
    </message>
    <message>
      <source>New project</source>
      <translation>Новый проект</translation>
    </message>
    <message>
      <source>No deadline</source>
      <translation>Без срока</translation>
    </message>
    <message>
      <source>Nobody yet</source>
      <translation>Пока никто</translation>
    </message>
    <message>
      <source>Paused</source>
      <translation>На паузе</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>Запланирован</translation>
    </message>
    <message>
      <source>Project name</source>
      <translation>Название проекта</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>Услуга</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Статус</translation>
    </message>
    <message>
      <source>Weekly effort, hours</source>
      <translation>Трудозатраты в неделю, ч</translation>
    </message>
    <message>
      <source>e.g. Landing page for the winter sale</source>
      <translation>например, лендинг зимней распродажи</translation>
    </message>
  </context>
  <context>
    <name>Queue</name>
    <message>
      <source>is in the past</source>
      <translation>уже прошло</translation>
    </message>
    <message>
      <source>is not a client of this agency</source>
      <translation>не клиент этого агентства</translation>
    </message>
    <message>
      <source>is not a manager of this agency</source>
      <translation>не менеджер этого агентства</translation>
    </message>
    <message>
      <source>is not a service of this agency</source>
      <translation>не услуга этого агентства</translation>
    </message>
    <message>
      <source>must be one of: {value}</source>
      <translation>должно быть одним из: {value}</translation>
    </message>
    <message>
      <source>the queue changed elsewhere while you were ordering it; reload it and try again</source>
      <translation>пока вы меняли порядок, очередь изменили в другом месте; обновите её и попробуйте снова</translation>
    </message>
    <message>
      <source>this project no longer exists</source>
      <translation>этого проекта больше нет</translation>
    </message>
    <message>
      <source>{code} was changed elsewhere since you saw it; reload it</source>
      <translation>{code} изменили в другом месте с тех пор, как вы его видели; обновите</translation>
    </message>
  </context>
  <context>
    <name>QueueModel</name>
    <message>
      <source>#</source>
      <translation>№</translation>
    </message>
    <message numerus="yes">
      <source>%1 client request due in %n minute(s)</source>
      <translation>
        <numerusform>%1 ответить клиенту через %n минуту</numerusform>
        <numerusform>%1 ответить клиенту через %n минуты</numerusform>
        <numerusform>%1 ответить клиенту через %n минут</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%1 client request overdue by %n minute(s)</source>
      <translation>
        <numerusform>%1 ответ клиенту просрочен на %n минуту</numerusform>
        <numerusform>%1 ответ клиенту просрочен на %n минуты</numerusform>
        <numerusform>%1 ответ клиенту просрочен на %n минут</numerusform>
      </translation>
    </message>
    <message>
      <source>%1 client's monthly budget</source>
      <translation>%1 бюджет клиента в месяц</translation>
    </message>
    <message numerus="yes">
      <source>%1 deadline in %n business day(s)</source>
      <translation>
        <numerusform>%1 срок через %n рабочий день</numerusform>
        <numerusform>%1 срок через %n рабочих дня</numerusform>
        <numerusform>%1 срок через %n рабочих дней</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%1 deadline passed %n business day(s) ago</source>
      <translation>
        <numerusform>%1 срок прошёл %n рабочий день назад</numerusform>
        <numerusform>%1 срок прошёл %n рабочих дня назад</numerusform>
        <numerusform>%1 срок прошёл %n рабочих дней назад</numerusform>
      </translation>
    </message>
    <message>
      <source>%1 deadline today</source>
      <translation>%1 срок сегодня</translation>
    </message>
    <message numerus="yes">
      <source>%1 feedback without a reaction (%n)</source>
      <translation>
        <numerusform>%1 отзыв без реакции (%n)</numerusform>
        <numerusform>%1 отзывы без реакции (%n)</numerusform>
        <numerusform>%1 отзывы без реакции (%n)</numerusform>
      </translation>
    </message>
    <message>
      <source>%1 last NPS %2, a detractor</source>
      <translation>%1 последний NPS %2 — критик</translation>
    </message>
    <message>
      <source>%1 pinned</source>
      <translation>%1 закреплён</translation>
    </message>
    <message numerus="yes">
      <source>%1 promise(s) in trouble: %n</source>
      <translation>
        <numerusform>%1 обещание под угрозой: %n</numerusform>
        <numerusform>%1 обещания под угрозой: %n</numerusform>
        <numerusform>%1 обещания под угрозой: %n</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%1 untouched for %n day(s)</source>
      <translation>
        <numerusform>%1 без движения %n день</numerusform>
        <numerusform>%1 без движения %n дня</numerusform>
        <numerusform>%1 без движения %n дней</numerusform>
      </translation>
    </message>
    <message>
      <source>Active</source>
      <translation>В работе</translation>
    </message>
    <message>
      <source>Archived</source>
      <translation>В архиве</translation>
    </message>
    <message>
      <source>At risk</source>
      <translation>Под угрозой</translation>
    </message>
    <message>
      <source>Client</source>
      <translation>Клиент</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Код</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>Срок</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Завершён</translation>
    </message>
    <message>
      <source>Double-click or press F2 to change the status</source>
      <translation>Двойной щелчок или F2 — сменить статус</translation>
    </message>
    <message>
      <source>Good</source>
      <translation>Хорошо</translation>
    </message>
    <message>
      <source>Health</source>
      <translation>Состояние</translation>
    </message>
    <message>
      <source>Late: the reply was due %1</source>
      <translation>Просрочено: ответ нужен был %1</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>Менеджер</translation>
    </message>
    <message>
      <source>Nothing raises this project's priority now</source>
      <translation>Сейчас ничто не поднимает приоритет этого проекта</translation>
    </message>
    <message>
      <source>Paused</source>
      <translation>На паузе</translation>
    </message>
    <message>
      <source>Pinned</source>
      <translation>Закреплён</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>Запланирован</translation>
    </message>
    <message>
      <source>Project</source>
      <translation>Проект</translation>
    </message>
    <message>
      <source>Reply due</source>
      <translation>Ответить до</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>Баллы</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>Услуга</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Статус</translation>
    </message>
    <message>
      <source>The client expects a reply by %1</source>
      <translation>Клиент ждёт ответа до %1</translation>
    </message>
    <message>
      <source>Watch</source>
      <translation>Внимание</translation>
    </message>
    <message>
      <source>Working out the score…</source>
      <translation>Считаем баллы…</translation>
    </message>
  </context>
  <context>
    <name>QueuePane</name>
    <message numerus="yes">
      <source>%1 of %n project(s)</source>
      <translation>
        <numerusform>%1 из %n проекта</numerusform>
        <numerusform>%1 из %n проектов</numerusform>
        <numerusform>%1 из %n проектов</numerusform>
      </translation>
    </message>
    <message>
      <source>All managers</source>
      <translation>Все менеджеры</translation>
    </message>
    <message>
      <source>Any service</source>
      <translation>Любая услуга</translation>
    </message>
    <message>
      <source>Apply the priority order</source>
      <translation>Применить порядок по приоритету</translation>
    </message>
    <message>
      <source>Archive</source>
      <translation>В архив</translation>
    </message>
    <message>
      <source>Archive %1</source>
      <translation>В архив: %1</translation>
    </message>
    <message>
      <source>Move %1</source>
      <translation>Переместить %1</translation>
    </message>
    <message>
      <source>New project</source>
      <translation>Новый проект</translation>
    </message>
    <message>
      <source>Pin</source>
      <translation>Закрепить</translation>
    </message>
    <message>
      <source>Pin %1</source>
      <translation>Закрепить %1</translation>
    </message>
    <message>
      <source>Set %1 to %2</source>
      <translation>%1: статус «%2»</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Статус</translation>
    </message>
    <message>
      <source>The manual order already follows the priority order.</source>
      <translation>Ручной порядок уже совпадает с порядком по приоритету.</translation>
    </message>
    <message>
      <source>The queue now shows it as stored.</source>
      <translation>Очередь теперь показывает его таким, как он сохранён.</translation>
    </message>
    <message>
      <source>Unpin</source>
      <translation>Открепить</translation>
    </message>
    <message>
      <source>Unpin %1</source>
      <translation>Открепить %1</translation>
    </message>
    <message>
      <source>Use %1</source>
      <translation>Применить: %1</translation>
    </message>
  </context>
  <context>
    <name>QueuePaneView</name>
    <message>
      <source>Any health</source>
      <translation>Любое состояние</translation>
    </message>
    <message>
      <source>Any status</source>
      <translation>Любой статус</translation>
    </message>
    <message>
      <source>Apply the priority order</source>
      <translation>Применить порядок по приоритету</translation>
    </message>
    <message>
      <source>Boutique rules</source>
      <translation>Правила «бутик»</translation>
    </message>
    <message>
      <source>By priority</source>
      <translation>По приоритету</translation>
    </message>
    <message>
      <source>Client health</source>
      <translation>Состояние клиента</translation>
    </message>
    <message>
      <source>Conveyor rules</source>
      <translation>Правила «конвейер»</translation>
    </message>
    <message>
      <source>Find a project</source>
      <translation>Найти проект</translation>
    </message>
    <message>
      <source>Find by code, project, client, contact, manager…</source>
      <translation>Поиск по коду, проекту, клиенту, контакту, менеджеру…</translation>
    </message>
    <message>
      <source>Make it my order</source>
      <translation>Сделать своим порядком</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>Менеджер</translation>
    </message>
    <message>
      <source>Manual order</source>
      <translation>Ручной порядок</translation>
    </message>
    <message>
      <source>My queue</source>
      <translation>Моя очередь</translation>
    </message>
    <message>
      <source>New project</source>
      <translation>Новый проект</translation>
    </message>
    <message>
      <source>New project…</source>
      <translation>Новый проект…</translation>
    </message>
    <message>
      <source>No projects yet</source>
      <translation>Проектов пока нет</translation>
    </message>
    <message>
      <source>Nothing matches</source>
      <translation>Ничего не найдено</translation>
    </message>
    <message>
      <source>Order</source>
      <translation>Порядок</translation>
    </message>
    <message>
      <source>Press “New project…”, or fill an empty agency from File → Create demo data.</source>
      <translation>Нажмите «Новый проект…» или заполните пустое агентство: Файл → Создать демо-агентство.</translation>
    </message>
    <message>
      <source>Priority rules</source>
      <translation>Правила приоритета</translation>
    </message>
    <message>
      <source>Project queue</source>
      <translation>Очередь проектов</translation>
    </message>
    <message>
      <source>Queue messages</source>
      <translation>Сообщения очереди</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>Услуга</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Статус</translation>
    </message>
    <message>
      <source>Store the priority order as the manual order (undoable)</source>
      <translation>Сохранить порядок по приоритету как ручной (можно отменить)</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>Команда</translation>
    </message>
    <message>
      <source>Try fewer letters, other filters, or the Team scope.</source>
      <translation>Введите меньше букв, смените фильтры или выберите «Команда».</translation>
    </message>
    <message>
      <source>Whose projects</source>
      <translation>Чьи проекты</translation>
    </message>
  </context>
  <context>
    <name>Requests</name>
    <message numerus="yes">
      <source>%n client(s) match</source>
      <translation>
        <numerusform>подходит %n клиент</numerusform>
        <numerusform>подходят %n клиента</numerusform>
        <numerusform>подходят %n клиентов</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n manager(s) match</source>
      <translation>
        <numerusform>подходит %n менеджер</numerusform>
        <numerusform>подходят %n менеджера</numerusform>
        <numerusform>подходят %n менеджеров</numerusform>
      </translation>
    </message>
    <message>
      <source>Client request</source>
      <translation>Обращение клиента</translation>
    </message>
    <message>
      <source>choose one of this client's projects</source>
      <translation>выберите один из проектов этого клиента</translation>
    </message>
    <message>
      <source>is before the request was received</source>
      <translation>раньше, чем пришло обращение</translation>
    </message>
    <message>
      <source>is in the future</source>
      <translation>ещё не наступило</translation>
    </message>
    <message>
      <source>is in the future; a request is recorded once it has arrived</source>
      <translation>ещё не наступило; обращение записывают, когда оно уже пришло</translation>
    </message>
    <message>
      <source>link the request to a project first</source>
      <translation>сначала привяжите обращение к проекту</translation>
    </message>
    <message>
      <source>no client matches</source>
      <translation>нет подходящего клиента</translation>
    </message>
    <message>
      <source>no manager matches</source>
      <translation>нет подходящего менеджера</translation>
    </message>
    <message>
      <source>the request was changed elsewhere; reload to see it</source>
      <translation>обращение изменили в другом месте; обновите, чтобы его увидеть</translation>
    </message>
    <message>
      <source>this client no longer exists</source>
      <translation>этого клиента больше нет</translation>
    </message>
    <message>
      <source>this request no longer exists</source>
      <translation>этого обращения больше нет</translation>
    </message>
    <message>
      <source>{problem} “{text}”; give the code (C-0007) or more of the name</source>
      <translation>{problem} по запросу «{text}»; укажите код (C-0007) или название подробнее</translation>
    </message>
    <message>
      <source>{problem} “{text}”; give the login or more of the name</source>
      <translation>{problem} по запросу «{text}»; укажите логин или имя подробнее</translation>
    </message>
  </context>
  <context>
    <name>RequestsModel</name>
    <message>
      <source>Channel</source>
      <translation>Канал</translation>
    </message>
    <message>
      <source>Client</source>
      <translation>Клиент</translation>
    </message>
    <message>
      <source>Client's time</source>
      <translation>Время клиента</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>Ответить до</translation>
    </message>
    <message>
      <source>Due in</source>
      <translation>Осталось</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>Менеджер</translation>
    </message>
    <message>
      <source>Project</source>
      <translation>Проект</translation>
    </message>
    <message>
      <source>Request</source>
      <translation>Обращение</translation>
    </message>
    <message>
      <source>answered in %1</source>
      <translation>ответ за %1</translation>
    </message>
    <message>
      <source>in %1</source>
      <translation>через %1</translation>
    </message>
    <message>
      <source>late, after %1</source>
      <translation>с опозданием, через %1</translation>
    </message>
    <message>
      <source>overdue %1</source>
      <translation>просрочено на %1</translation>
    </message>
    <message>
      <source>same</source>
      <translation>то же</translation>
    </message>
  </context>
  <context>
    <name>RequestsPane</name>
    <message>
      <source>%1 answered · %2 on time</source>
      <translation>отвечено: %1 · вовремя: %2</translation>
    </message>
    <message>
      <source>%1 has no open projects to link to.</source>
      <translation>У клиента %1 нет открытых проектов для привязки.</translation>
    </message>
    <message>
      <source>%1 waiting · %2 overdue</source>
      <translation>ждут: %1 · просрочено: %2</translation>
    </message>
    <message>
      <source>%1 within %2 min</source>
      <translation>%1 — в течение %2 мин</translation>
    </message>
    <message>
      <source>Answer %1</source>
      <translation>Ответ: %1</translation>
    </message>
    <message>
      <source>Answered in the last 7 days</source>
      <translation>Отвеченные за 7 дней</translation>
    </message>
    <message>
      <source>Capture a request</source>
      <translation>Записать обращение</translation>
    </message>
    <message>
      <source>Capture request from %1</source>
      <translation>Обращение от %1</translation>
    </message>
    <message>
      <source>Capture request…</source>
      <translation>Записать обращение…</translation>
    </message>
    <message>
      <source>Client requests</source>
      <translation>Обращения клиентов</translation>
    </message>
    <message>
      <source>Deadlines coming up</source>
      <translation>Скоро сроки ответа</translation>
    </message>
    <message>
      <source>Every request has its first answer. Capture a new one with Ctrl+Shift+R.</source>
      <translation>На все обращения дан первый ответ. Новое можно записать по Ctrl+Shift+R.</translation>
    </message>
    <message>
      <source>Link request to %1</source>
      <translation>Привязать обращение к %1</translation>
    </message>
    <message>
      <source>Link to project</source>
      <translation>Привязать к проекту</translation>
    </message>
    <message>
      <source>Link to project…</source>
      <translation>Привязать к проекту…</translation>
    </message>
    <message>
      <source>Mark answered</source>
      <translation>Отметить ответ</translation>
    </message>
    <message>
      <source>My requests</source>
      <translation>Мои обращения</translation>
    </message>
    <message>
      <source>Nobody is waiting</source>
      <translation>Никто не ждёт ответа</translation>
    </message>
    <message>
      <source>Record a client's request (Ctrl+Shift+R, from anywhere)</source>
      <translation>Записать обращение клиента (Ctrl+Shift+R, из любого места)</translation>
    </message>
    <message>
      <source>Record the first response now (Ctrl+Enter)</source>
      <translation>Записать первый ответ сейчас (Ctrl+Enter)</translation>
    </message>
    <message>
      <source>Reply soon</source>
      <translation>Пора отвечать</translation>
    </message>
    <message>
      <source>Requests</source>
      <translation>Обращения</translation>
    </message>
    <message>
      <source>Requests summary</source>
      <translation>Сводка по обращениям</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>Команда</translation>
    </message>
    <message>
      <source>The request is about:</source>
      <translation>Обращение касается:</translation>
    </message>
    <message>
      <source>Turn into brief</source>
      <translation>Сделать ТЗ</translation>
    </message>
    <message>
      <source>Waiting for an answer</source>
      <translation>Ждут ответа</translation>
    </message>
    <message>
      <source>Which requests</source>
      <translation>Какие обращения</translation>
    </message>
    <message>
      <source>Whose requests</source>
      <translation>Чьи обращения</translation>
    </message>
  </context>
  <context>
    <name>SectionBox</name>
    <message>
      <source>Write a rule and the message a visitor sees for each field, in the table above.</source>
      <translation>Для каждого поля в таблице выше напишите правило проверки и сообщение, которое увидит посетитель.</translation>
    </message>
  </context>
  <context>
    <name>ShortcutsDialog</name>
    <message>
      <source>Command</source>
      <translation>Команда</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Сочетания клавиш</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>Клавиши</translation>
    </message>
    <message>
      <source>Menu</source>
      <translation>Меню</translation>
    </message>
  </context>
  <context>
    <name>Stats</name>
    <message>
      <source>All requests</source>
      <translation>Все обращения</translation>
    </message>
    <message>
      <source>No manager</source>
      <translation>Без менеджера</translation>
    </message>
  </context>
  <context>
    <name>StatsDialog</name>
    <message>
      <source>% of answers</source>
      <translation>% ответов</translation>
    </message>
    <message>
      <source>%1 answered · %2 on time · median %3 · %4 waiting, %5 overdue</source>
      <translation>отвечено: %1 · вовремя: %2 · медиана: %3 · ждут: %4, просрочено: %5</translation>
    </message>
    <message>
      <source>&gt; 6 h</source>
      <translation>&gt; 6 ч</translation>
    </message>
    <message>
      <source>All managers</source>
      <translation>Все менеджеры</translation>
    </message>
    <message>
      <source>Answered</source>
      <translation>Отвечено</translation>
    </message>
    <message>
      <source>Clients</source>
      <translation>Клиенты</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>Экспорт…</translation>
    </message>
    <message>
      <source>From</source>
      <translation>С</translation>
    </message>
    <message>
      <source>Grey: share of agencies in the survey answering within each band (14.6 % within 15 minutes; about 70 % within an hour; 18.8 % within 3 hours). Times are business minutes on each client's agreed clock.</source>
      <translation>Серым — доля агентств из опроса, отвечающих в каждом интервале (14,6 % — в течение 15 минут; около 70 % — в течение часа; 18,8 % — в течение 3 часов). Время — рабочие минуты по согласованному с клиентом графику.</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>Менеджер</translation>
    </message>
    <message>
      <source>Managers</source>
      <translation>Менеджеры</translation>
    </message>
    <message>
      <source>Market (survey)</source>
      <translation>Рынок (опрос)</translation>
    </message>
    <message>
      <source>Median</source>
      <translation>Медиана</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Имя</translation>
    </message>
    <message>
      <source>No answered requests in this period.</source>
      <translation>За этот период отвеченных обращений нет.</translation>
    </message>
    <message>
      <source>On time</source>
      <translation>Вовремя</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>Просрочено</translation>
    </message>
    <message>
      <source>Response statistics</source>
      <translation>Статистика ответов</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>Итог</translation>
    </message>
    <message>
      <source>The period ends before it starts: move “to” later.</source>
      <translation>Период заканчивается раньше, чем начинается: сдвиньте дату «по» позже.</translation>
    </message>
    <message>
      <source>The table on the open tab as Excel or CSV</source>
      <translation>Таблица с открытой вкладки в Excel или CSV</translation>
    </message>
    <message>
      <source>This agency</source>
      <translation>Это агентство</translation>
    </message>
    <message>
      <source>To</source>
      <translation>По</translation>
    </message>
    <message>
      <source>Waiting</source>
      <translation>Ждут</translation>
    </message>
    <message>
      <source>to</source>
      <translation>по</translation>
    </message>
    <message>
      <source>≤ 1 h</source>
      <translation>≤ 1 ч</translation>
    </message>
    <message>
      <source>≤ 15 min</source>
      <translation>≤ 15 мин</translation>
    </message>
    <message>
      <source>≤ 3 h</source>
      <translation>≤ 3 ч</translation>
    </message>
    <message>
      <source>≤ 6 h</source>
      <translation>≤ 6 ч</translation>
    </message>
  </context>
  <context>
    <name>StatusDelegate</name>
    <message>
      <source>Status</source>
      <translation>Статус</translation>
    </message>
  </context>
  <context>
    <name>TableExport</name>
    <message>
      <source>Export table</source>
      <translation>Экспорт таблицы</translation>
    </message>
  </context>
  <context>
    <name>Team</name>
    <message>
      <source>already acts for {name}</source>
      <translation>уже привязан к менеджеру: {name}</translation>
    </message>
    <message>
      <source>must be a PostgreSQL login: small Latin letters, digits and _, not starting with a digit</source>
      <translation>должен быть логином PostgreSQL: строчные латинские буквы, цифры и _, не с цифры в начале</translation>
    </message>
    <message>
      <source>must be one of: {value}</source>
      <translation>должно быть одним из: {value}</translation>
    </message>
    <message>
      <source>this manager no longer exists</source>
      <translation>этого менеджера больше нет</translation>
    </message>
  </context>
  <context>
    <name>WelcomePane</name>
    <message>
      <source>Open a database file…</source>
      <translation>Открыть файл базы…</translation>
    </message>
    <message>
      <source>Open the demo agency</source>
      <translation>Открыть демо-агентство</translation>
    </message>
    <message>
      <source>Start with an empty agency</source>
      <translation>Начать с пустого агентства</translation>
    </message>
    <message>
      <source>Welcome to accdesk</source>
      <translation>Добро пожаловать в accdesk</translation>
    </message>
    <message>
      <source>Your project queue, client cards and task briefs, on this computer.
Look around in a demo agency first, or start your own.</source>
      <translation>Очередь проектов, карточки клиентов и ТЗ — на этом компьютере.
Сначала осмотритесь в демо-агентстве или начните со своего.</translation>
    </message>
  </context>
  <context>
    <name>Workload</name>
    <message>
      <source> The client changed manager lately; no other move helped.</source>
      <translation> У клиента недавно менялся менеджер; другие перемещения не помогли.</translation>
    </message>
    <message>
      <source>%1 managers · %2 projects and %3 h a week per manager on average · the team is at %4 of its capacity</source>
      <translation>Менеджеров: %1 · в среднем на менеджера %2 проекта и %3 ч в неделю · команда загружена на %4</translation>
    </message>
    <message numerus="yes">
      <source>%n project(s) move, %1 h a week. The highest load goes from %2 to %3; no rebalance goes below %4.</source>
      <translation>
        <numerusform>Переходит %n проект, %1 ч в неделю. Наибольшая загрузка снижается с %2 до %3; ниже %4 не опустит никакое перераспределение.</numerusform>
        <numerusform>Переходят %n проекта, %1 ч в неделю. Наибольшая загрузка снижается с %2 до %3; ниже %4 не опустит никакое перераспределение.</numerusform>
        <numerusform>Переходят %n проектов, %1 ч в неделю. Наибольшая загрузка снижается с %2 до %3; ниже %4 не опустит никакое перераспределение.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n project(s) of {client}</source>
      <translation>
        <numerusform>%n проект клиента {client}</numerusform>
        <numerusform>%n проекта клиента {client}</numerusform>
        <numerusform>%n проектов клиента {client}</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n project(s) to %1. The reason goes into the client's history:</source>
      <translation>
        <numerusform>Новый менеджер — %1, %n проект. Причина попадёт в историю клиента:</numerusform>
        <numerusform>Новый менеджер — %1, %n проекта. Причина попадёт в историю клиента:</numerusform>
        <numerusform>Новый менеджер — %1, %n проектов. Причина попадёт в историю клиента:</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>&lt;b&gt;%1&lt;/b&gt;: %n open project(s)</source>
      <translation>
        <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n открытый проект</numerusform>
        <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n открытых проекта</numerusform>
        <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n открытых проектов</numerusform>
      </translation>
    </message>
    <message>
      <source>After</source>
      <translation>После</translation>
    </message>
    <message>
      <source>Apply chosen moves</source>
      <translation>Выполнить выбранные перемещения</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>До</translation>
    </message>
    <message>
      <source>Cannot move</source>
      <translation>Передать не удалось</translation>
    </message>
    <message>
      <source>Cannot rebalance</source>
      <translation>Перераспределить не удалось</translation>
    </message>
    <message>
      <source>Capacity, h</source>
      <translation>Доступно, ч</translation>
    </message>
    <message>
      <source>Client</source>
      <translation>Клиент</translation>
    </message>
    <message>
      <source>Clients</source>
      <translation>Клиенты</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Код</translation>
    </message>
    <message>
      <source>Computing…</source>
      <translation>Считаем…</translation>
    </message>
    <message>
      <source>Drag projects onto a manager's row (from here or from the queue) to move them.</source>
      <translation>Чтобы передать проекты, перетащите их на строку менеджера (отсюда или из очереди).</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>Экспорт…</translation>
    </message>
    <message>
      <source>From</source>
      <translation>От кого</translation>
    </message>
    <message>
      <source>Hours</source>
      <translation>Часы</translation>
    </message>
    <message>
      <source>Load a week, h; the mark is what the manager has</source>
      <translation>Нагрузка в неделю, ч; черта — сколько часов у менеджера есть</translation>
    </message>
    <message>
      <source>Load and projects per manager</source>
      <translation>Нагрузка и проекты по менеджерам</translation>
    </message>
    <message>
      <source>Load, h</source>
      <translation>Нагрузка, ч</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>Менеджер</translation>
    </message>
    <message>
      <source>Move</source>
      <translation>Что</translation>
    </message>
    <message numerus="yes">
      <source>Move %n project(s) to %1</source>
      <translation>
        <numerusform>Передать %n проект: %1</numerusform>
        <numerusform>Передать %n проекта: %1</numerusform>
        <numerusform>Передать %n проектов: %1</numerusform>
      </translation>
    </message>
    <message>
      <source>Move anyway?</source>
      <translation>Всё равно передать?</translation>
    </message>
    <message>
      <source>Move the projects anyway?</source>
      <translation>Всё равно передать проекты?</translation>
    </message>
    <message>
      <source>Move the selected projects to another manager (Ctrl+M)</source>
      <translation>Передать выбранные проекты другому менеджеру (Ctrl+M)</translation>
    </message>
    <message>
      <source>Move to…</source>
      <translation>Передать…</translation>
    </message>
    <message>
      <source>Nothing to move: no move lowers the highest load (%1) without breaking a rule.</source>
      <translation>Перемещать нечего: ни одно перемещение не снижает наибольшую загрузку (%1), не нарушая правил.</translation>
    </message>
    <message>
      <source>On time in 30 days</source>
      <translation>Вовремя за 30 дней</translation>
    </message>
    <message>
      <source>Over capacity: more than 100 % of the weekly hours</source>
      <translation>Перегрузка: больше 100 % часов в неделю</translation>
    </message>
    <message>
      <source>Pinned: a rebalance leaves it where it is</source>
      <translation>Закреплён: при перераспределении останется на месте</translation>
    </message>
    <message>
      <source>Project</source>
      <translation>Проект</translation>
    </message>
    <message>
      <source>Projects</source>
      <translation>Проекты</translation>
    </message>
    <message>
      <source>Projects; the dashed line is the team's average</source>
      <translation>Проекты; пунктир — среднее по команде</translation>
    </message>
    <message>
      <source>Rebalance</source>
      <translation>Перераспределение</translation>
    </message>
    <message>
      <source>Rebalance the team</source>
      <translation>Перераспределение нагрузки</translation>
    </message>
    <message numerus="yes">
      <source>Rebalance: %n project(s)</source>
      <translation>
        <numerusform>Перераспределение: %n проект</numerusform>
        <numerusform>Перераспределение: %n проекта</numerusform>
        <numerusform>Перераспределение: %n проектов</numerusform>
      </translation>
    </message>
    <message>
      <source>Select all of this client's projects in the list</source>
      <translation>Выбрать в списке все проекты этого клиента</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>Услуга</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Статус</translation>
    </message>
    <message>
      <source>Suggest rebalance…</source>
      <translation>Предложить перераспределение…</translation>
    </message>
    <message>
      <source>Team workload</source>
      <translation>Загрузка команды</translation>
    </message>
    <message>
      <source>The client asked to keep their manager</source>
      <translation>Клиент попросил не менять менеджера</translation>
    </message>
    <message>
      <source>The managers' table as Excel or CSV</source>
      <translation>Таблица менеджеров в Excel или CSV</translation>
    </message>
    <message>
      <source>To</source>
      <translation>Кому</translation>
    </message>
    <message>
      <source>Under 60 % of capacity: room for more work</source>
      <translation>Меньше 60 % загрузки: можно дать больше работы</translation>
    </message>
    <message>
      <source>Utilisation</source>
      <translation>Загрузка</translation>
    </message>
    <message>
      <source>Utilisation before and after</source>
      <translation>Загрузка до и после</translation>
    </message>
    <message>
      <source>Utilisation, % (grey: now, colour: after the moves)</source>
      <translation>Загрузка, % (серым — сейчас, цветом — после перемещений)</translation>
    </message>
    <message>
      <source>Waiting</source>
      <translation>Ждут ответа</translation>
    </message>
    <message>
      <source>Whole client</source>
      <translation>Весь клиент</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>Почему</translation>
    </message>
    <message>
      <source>Why do they move?</source>
      <translation>Почему проекты переходят?</translation>
    </message>
    <message>
      <source>a manager you chose is no longer in the team</source>
      <translation>выбранного менеджера уже нет в команде</translation>
    </message>
    <message>
      <source>a project you are moving no longer exists</source>
      <translation>перемещаемого проекта больше нет</translation>
    </message>
    <message>
      <source>manager must be chosen</source>
      <translation>нужно выбрать менеджера</translation>
    </message>
    <message>
      <source>one history row id is needed per move</source>
      <translation>на каждое перемещение нужен один id строки истории</translation>
    </message>
    <message>
      <source>reason must be at most {REASON_LIMIT} characters</source>
      <translation>причина должна быть не длиннее {REASON_LIMIT} символов</translation>
    </message>
    <message>
      <source>reason must not be empty: say why the projects move</source>
      <translation>причину нужно указать: напишите, почему проекты переходят</translation>
    </message>
    <message>
      <source>reason: {problem}</source>
      <translation>причина: {problem}</translation>
    </message>
    <message>
      <source>this manager no longer exists</source>
      <translation>этого менеджера больше нет</translation>
    </message>
    <message>
      <source>{code} is already with that manager</source>
      <translation>{code} уже у этого менеджера</translation>
    </message>
    <message>
      <source>{code} was moved by someone else meanwhile; reload and try again</source>
      <translation>{code} тем временем переместил кто-то другой; обновите и попробуйте снова</translation>
    </message>
    <message numerus="yes">
      <source>{name} would have %n manager(s) within 12 months ({managers}); clients notice a third.</source>
      <translation>
        <numerusform>{name}: за 12 месяцев будет %n менеджер ({managers}); третьего клиенты замечают.</numerusform>
        <numerusform>{name}: за 12 месяцев будет %n менеджера ({managers}); третьего клиенты замечают.</numerusform>
        <numerusform>{name}: за 12 месяцев будет %n менеджеров ({managers}); третьего клиенты замечают.</numerusform>
      </translation>
    </message>
    <message>
      <source>{name}'s {service} level is {level}, below the agency's minimum of {min_skill}.</source>
      <translation>{name}: уровень по {service} — {level}, ниже минимума агентства ({min_skill}).</translation>
    </message>
    <message>
      <source>{service} level {level}</source>
      <translation>{service}, уровень {level}</translation>
    </message>
    <message>
      <source>{source} is at {source_before:.0%} and {target} at {target_before:.0%}; {target} knows the work ({skill}). After the move: {source_after:.0%} and {target_after:.0%}.</source>
      <translation>Загрузка: {source} — {source_before:.0%}, {target} — {target_before:.0%}; {target} умеет эту работу ({skill}). После перемещения: {source_after:.0%} и {target_after:.0%}.</translation>
    </message>
  </context>
</TS>
