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
