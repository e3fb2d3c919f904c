"""detect_language: scripts and function words, no model."""

from __future__ import annotations

import pytest

from flashpoint.ingest import detect_language

ENGLISH_NEWS = (
    "North Korea fired a ballistic missile into the sea off its east coast on Tuesday, "
    "the South Korean military said, in the latest of a series of launches that have "
    "raised tensions in the region."
)


@pytest.mark.parametrize(
    "text",
    [
        "N. Korea fires missile",
        "Kim Jong Un inspects KPA unit",
        "Kim Jong Il Visits Inner Mongolian Autonomous Region",
        "Seoul, Tokyo, Washington condemn launch",
        "Floral Tribute Paid to Kim Il Sung, Kim Jong Il",
        ENGLISH_NEWS,
    ],
)
def test_english_headlines_and_news_are_english(text: str) -> None:
    language, _ = detect_language(text)
    assert language == "en"


def test_english_news_with_a_quoted_foreign_phrase_stays_english() -> None:
    text = ENGLISH_NEWS + ' The French minister called it "une provocation inacceptable".'
    assert detect_language(text)[0] == "en"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le président de la République a annoncé mardi que la France enverra des troupes "
            "supplémentaires dans la région.",
            "fr",
        ),
        (
            "El gobierno de Corea del Sur anunció el martes que reforzará la vigilancia en la "
            "frontera con el Norte.",
            "es",
        ),
        (
            "Die Bundesregierung hat am Dienstag angekündigt, dass sie die Sanktionen gegen "
            "Nordkorea verschärfen wird.",
            "de",
        ),
        (
            "O governo brasileiro anunciou que não vai participar da reunião com os "
            "representantes da China.",
            "pt",
        ),
        (
            "Il governo italiano ha annunciato che non parteciperà alla riunione con i "
            "rappresentanti della Cina.",
            "it",
        ),
        (
            "De Nederlandse regering heeft dinsdag aangekondigd dat zij de sancties tegen "
            "Noord-Korea zal verscherpen.",
            "nl",
        ),
        (
            "Pemerintah Indonesia mengatakan bahwa mereka akan mengirim bantuan ke daerah yang "
            "terkena bencana.",
            "id",
        ),
        ("북한은 화요일 동해상으로 탄도미사일을 발사했다고 합동참모본부가 밝혔다.", "ko"),
        ("北朝鮮は火曜日、弾道ミサイルを発射した。", "ja"),
        ("朝鲜周二向东部海域发射了一枚弹道导弹。", "zh"),
        ("Северная Корея во вторник запустила баллистическую ракету.", "ru"),
        ("Північна Корея у вівторок запустила балістичну ракету.", "uk"),
        ("أطلقت كوريا الشمالية صاروخا باليستيا يوم الثلاثاء", "ar"),
    ],
)
def test_foreign_news_is_named_by_its_language(text: str, expected: str) -> None:
    language, confidence = detect_language(text)
    assert language == expected
    assert confidence > 0.5


def test_english_with_korean_names_in_brackets_stays_english() -> None:
    text = ENGLISH_NEWS + " The Joint Chiefs of Staff (합동참모본부) gave no further details."
    assert detect_language(text)[0] == "en"


@pytest.mark.parametrize("text", ["", "12345 678", "--- !!! ..."])
def test_text_without_letters_is_undecidable(text: str) -> None:
    assert detect_language(text) == (None, 0.0)
