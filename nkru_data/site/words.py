"""Every word of the site's chrome, in English, Russian and Korean, in one place.

The site's pages are built from the data (labels, terms) and from these words; keeping the
chrome here, once, lets a translator review it in one sitting and lets a test prove that no
interface word is missing in a language. The Russian and Korean forms are those their media
use on news and reference sites («Главная», «홈»; «Хронология», «연표»), not word-for-word
renderings of the English. Vocabulary values (kinds, roles, statuses) come from
:func:`nkru_data.lang.terms.term`, which :func:`word` falls back to.
"""

from __future__ import annotations

from nkru_data.lang.terms import term

#: the languages the site is built in, in the order the switcher shows them
LANGS = ("en", "ru", "ko")

#: each language's own name, as its readers write it (the switcher's words)
LANG_NAMES = {"en": "English", "ru": "Русский", "ko": "한국어"}

#: key → (English, Russian, Korean)
WORDS: dict[str, tuple[str, str, str]] = {
    "site": ("North Korea–Russia relations: a source-cited dataset",
             "Отношения КНДР и России: база данных со ссылками на источники",
             "북러 관계: 출처가 명시된 데이터셋"),
    "home": ("Home", "Главная", "홈"),
    "language": ("Language", "Язык", "언어"),
    "people": ("People", "Люди", "인물"),
    "organizations": ("Organizations", "Организации", "조직"),
    "places": ("Places", "Места", "장소"),
    "events": ("Events", "События", "사건"),
    "agreements": ("Agreements", "Соглашения", "협정"),
    "statistics": ("Statistics", "Статистика", "통계"),
    "claims": ("Claims", "Утверждения", "주장"),
    "affiliations": ("Affiliations", "Связи с организациями", "소속"),
    "sources": ("Sources", "Источники", "출처"),
    "timeline": ("Timeline", "Хронология", "연표"),
    "dataset": ("About the dataset", "О базе данных", "데이터셋 소개"),
    "browse": ("Browse", "Разделы", "둘러보기"),
    "records": ("records", "записей", "건"),
    "id": ("Identifier", "Идентификатор", "식별자"),
    "kind": ("Kind", "Тип", "유형"),
    "details": ("Details", "Сведения", "상세 정보"),
    "labels": ("Names and titles in other languages", "Названия на других языках",
               "다른 언어 표기"),
    "field": ("Field", "Поле", "항목"),
    "text": ("Text", "Текст", "내용"),
    "origin": ("Origin", "Происхождение", "출처 유형"),
    "reviewed": ("reviewed", "проверено", "검수 완료"),
    "unreviewed": ("not reviewed", "не проверено", "검수 전"),
    "citations": ("Citations", "Ссылки на источники", "인용 출처"),
    "supports": ("Supports", "Подтверждает", "뒷받침 항목"),
    "locator": ("Location in source", "Место в источнике", "원문 위치"),
    "note": ("Note", "Примечание", "비고"),
    "editorial": ("Editorial note", "Примечание редакции", "편집자 주"),
    "whole record": ("the record", "запись целиком", "기록 전체"),
    "claims about": ("Claims about this record", "Утверждения об этой записи",
                     "이 기록에 관한 주장"),
    "property": ("Property", "Свойство", "속성"),
    "value": ("Value", "Значение", "값"),
    "claimed by": ("Claimed by", "Кто утверждает", "주장 주체"),
    "status": ("Status", "Статус", "상태"),
    "claims made": ("Claims made", "Сделанные утверждения", "제기한 주장"),
    "statistics reported": ("Statistics reported", "Приведённые данные", "보고한 통계"),
    "affiliated people": ("People", "Люди", "소속 인물"),
    "participants": ("Participants", "Участники", "참여자"),
    "parties": ("Parties", "Стороны", "당사국·당사자"),
    "role": ("Role", "Роль", "역할"),
    "cited for": ("Records citing this source", "Записи, ссылающиеся на источник",
                  "이 출처를 인용한 기록"),
    "pseudonym notice": (
        "This name is a pseudonym the source uses, not the person’s real name.",
        "Это псевдоним, которым пользуется источник, а не настоящее имя человека.",
        "이 이름은 출처가 사용한 가명이며 본명이 아닙니다."),
    "fallback": ("[en] marks English text shown where no translation exists yet.",
                 "Пометка [en] — английский текст там, где перевода пока нет.",
                 "[en] 표시는 아직 번역이 없어 영어 원문을 보여 주는 부분입니다."),
    "licence": ("Licence", "Лицензия", "라이선스"),
    "version": ("Version", "Версия", "버전"),
    "counts": ("Records per table", "Записей в таблицах", "표별 기록 수"),
    "table": ("Table", "Таблица", "표"),
    "count": ("Count", "Количество", "개수"),
    "how to cite": ("How to cite", "Как цитировать", "인용 방법"),
    "description": ("Description", "Описание", "설명"),
    "date": ("Date", "Дата", "날짜"),
    "yes": ("yes", "да", "예"),
    "no": ("no", "нет", "아니요"),
    "no date": ("date unknown", "дата неизвестна", "날짜 미상"),
    # overview pages
    "search": ("Search", "Поиск", "검색"),
    "search label": ("Names, titles and descriptions in English, Russian or Korean",
                     "Имена, названия и описания на английском, русском или корейском",
                     "영어·러시아어·한국어 이름, 제목, 설명"),
    "search needs script": ("Search needs JavaScript; every other page works without it.",
                            "Для поиска нужен JavaScript; остальные страницы работают и без него.",
                            "검색에는 자바스크립트가 필요합니다. 다른 페이지는 자바스크립트 "
                            "없이도 볼 수 있습니다."),
    "no results": ("Nothing found.", "Ничего не найдено.", "검색 결과가 없습니다."),
    "results found": ("Records found: {}", "Найдено записей: {}", "검색 결과 {}건"),
    "statistics charts": ("Statistics by topic", "Статистика по темам", "주제별 통계"),
    "statistics note": (
        "Each figure as its source reported it: bars are values, whiskers the low–high range "
        "the source gives, hatching marks estimates; the table under each chart says who "
        "reported what.",
        "Каждая цифра — так, как её привёл источник: столбцы — значения, «усы» — диапазон "
        "«от — до» из источника, штриховка — оценки; в таблице под графиком указано, кто что "
        "сообщил.",
        "모든 수치는 출처가 밝힌 그대로입니다. 막대는 값, 수염은 출처가 제시한 최소~최대 범위, "
        "빗금은 추정치를 나타내며, 그래프 아래 표에서 누가 어떤 수치를 보고했는지 확인할 수 "
        "있습니다."),
    "statistic": ("Statistic", "Показатель", "통계"),
    "period": ("Period", "Период", "기간"),
    "reported by": ("Reported by", "Источник данных", "보고 주체"),
    "country": ("Country", "Страна", "국가"),
    "geojson download": ("All places with coordinates as GeoJSON (for QGIS, web maps)",
                         "Все места с координатами в формате GeoJSON (для QGIS и веб-карт)",
                         "좌표가 있는 모든 장소(GeoJSON, QGIS·웹 지도용)"),
    "own timeline": ("Timeline of the events involved in", "Хронология связанных событий",
                     "관련 사건 연표"),
    "filter timeline": ("Show only the events of…", "Показать только события…",
                        "다음 항목의 사건만 보기"),
    "legend": ("Legend", "Условные обозначения", "범례"),
    "in time order": ("Events in time order", "События в хронологическом порядке",
                      "시간순 사건"),
    "undated note": ("Events whose year is not known are listed but not drawn on the axis.",
                     "События с неизвестным годом перечислены в списке, но не нанесены на шкалу.",
                     "연도를 알 수 없는 사건은 목록에만 싣고 시간 축에는 표시하지 않았습니다."),
    "downloads": ("Downloads", "Скачать", "내려받기"),
    "file": ("File", "Файл", "파일"),
    "size": ("Size, bytes", "Размер, байт", "크기(바이트)"),
    "changelog": ("Changelog", "Журнал изменений", "변경 이력"),
    "cite sources too": (
        "Please cite the original articles (the sources page lists them) for the facts you use.",
        "Пожалуйста, ссылайтесь и на первоисточники (они перечислены на странице источников).",
        "사용한 사실에 대해서는 원래 기사(출처 페이지에 있음)도 함께 인용해 주십시오."),
    "policy": ("Policy on private persons", "Правила в отношении частных лиц",
               "사적 개인 보호 원칙"),
    "policy more": ("The whole policy", "Полный текст правил", "전체 원칙 보기"),
    "policy 1": (
        "Refugees and defectors appear here only as the cited sources published them. Pseudonyms "
        "stay pseudonyms and are never linked to a real identity; no identifying detail beyond "
        "the cited text is added.",
        "Беженцы и перебежчики представлены здесь только так, как о них написали цитируемые "
        "источники. Псевдонимы остаются псевдонимами и никогда не связываются с настоящими "
        "именами; никаких опознавательных сведений сверх цитируемого текста не добавляется.",
        "난민과 탈북민은 인용된 출처가 공개한 그대로만 실립니다. 가명은 가명으로 남으며 실제 "
        "신원과 연결하지 않습니다. 인용된 글에 없는 신원 식별 정보는 덧붙이지 않습니다."),
    "policy 2": (
        "The site and the downloads show only what the dataset’s tables hold: no photographs, no "
        "guessed real names, no birth dates worked out from an age. The page of a person known "
        "by a pseudonym says that the name is a pseudonym.",
        "Сайт и файлы для скачивания показывают только то, что есть в таблицах базы данных: "
        "никаких фотографий, предполагаемых настоящих имён или дат рождения, вычисленных по "
        "возрасту. На странице человека, известного под псевдонимом, сказано, что это псевдоним.",
        "이 사이트와 내려받기 파일에는 데이터셋 표에 있는 내용만 담깁니다. 사진, 추정한 본명, "
        "나이로 계산한 생년월일은 싣지 않습니다. 가명으로 실린 인물의 페이지에는 그 이름이 "
        "가명이라고 밝힙니다."),
    "policy 3": (
        "A person named here, or anyone acting for them, may ask for a correction or a removal "
        "by opening an issue in the project’s repository or by writing to its maintainers. The "
        "record is hidden from the next release while the request is checked against the cited "
        "source: a correction the source supports is made; a detail that could identify a "
        "private person is removed even if a source published it. The record’s identifier keeps "
        "resolving, so that citations of the dataset do not break, but it leads to no personal "
        "detail; each such change is listed in the changelog without the removed detail.",
        "Упомянутый здесь человек или его представитель может попросить об исправлении или "
        "удалении, открыв обращение (issue) в репозитории проекта или написав его "
        "сопровождающим. Пока просьба проверяется по цитируемому источнику, запись скрывается "
        "из следующего выпуска: исправление, подтверждённое источником, вносится; сведения, по "
        "которым можно опознать частное лицо, удаляются, даже если источник их опубликовал. "
        "Идентификатор записи продолжает работать, чтобы ссылки на базу данных не ломались, "
        "но не ведёт ни к каким личным сведениям; каждое такое изменение отмечается в журнале "
        "изменений без удалённых сведений.",
        "이곳에 이름이 오른 사람 또는 그를 대리하는 사람은 프로젝트 저장소에 이슈를 열거나 "
        "관리자에게 연락해 정정이나 삭제를 요청할 수 있습니다. 요청을 인용된 출처와 대조해 "
        "확인하는 동안 해당 기록은 다음 배포판에서 감춰집니다. 출처가 뒷받침하는 정정은 "
        "반영하고, 사적 개인을 식별할 수 있는 정보는 출처가 공개한 것이라도 삭제합니다. "
        "데이터셋 인용이 끊기지 않도록 기록의 식별자는 계속 유효하지만 어떠한 개인 정보로도 "
        "이어지지 않으며, 이러한 변경은 삭제된 내용 없이 변경 이력에 기록됩니다."),
    # field names the vocabulary has no word for
    "name": ("Name", "Имя", "이름"),
    "title": ("Title", "Название", "제목"),
    "alias": ("Also known as", "Другие названия", "다른 이름"),
    "label": ("Label", "Подпись", "표제"),
    "parent": ("Part of", "Входит в", "상위"),
    "lat": ("Latitude", "Широта", "위도"),
    "lon": ("Longitude", "Долгота", "경도"),
    "publisher": ("Publisher", "Издатель", "발행처"),
    "indicator": ("Indicator", "Показатель", "지표"),
    "unnamed parties": ("Other parties", "Другие стороны", "기타 당사자"),
    "sha256": ("SHA-256 of the archived text", "SHA-256 архивного текста", "보관 원문 SHA-256"),
    "record": ("Record", "Запись", "기록"),
    "organization": ("Organization", "Организация", "조직"),
    "person": ("Person", "Человек", "인물"),
    # the tables the dataset page counts that have no pages of their own
    "table:participants": ("Event participants", "Участники событий", "사건 참여자"),
    "table:agreement_parties": ("Agreement parties", "Стороны соглашений", "협정 당사자"),
    "table:labels": ("Labels", "Названия на других языках", "다국어 표기"),
    "table:citations": ("Citations", "Ссылки на источники", "인용"),
    "table:redirects": ("Retired identifiers", "Упразднённые идентификаторы", "폐기된 식별자"),
    "table:not_duplicates": ("Checked non-duplicates", "Проверенные не-дубликаты",
                             "중복 아님 확인 쌍"),
    # label origins
    "origin:source": ("from the source", "из источника", "원문 표기"),
    "origin:editorial": ("editorial", "редакционный", "편집"),
    "origin:cldr": ("CLDR", "CLDR", "CLDR"),
    "origin:transliteration": ("transliteration", "транслитерация", "음역"),
    "origin:machine": ("machine translation", "машинный перевод", "기계 번역"),
}  # fmt: skip


def word(key: str, lang: str) -> str:
    """The chrome's word for ``key`` in ``lang``; a vocabulary word through :func:`term`."""
    words = WORDS.get(key)
    if words is not None:
        return words[LANGS.index(lang)]
    return term(key, lang)
