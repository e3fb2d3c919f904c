"""Is this English? A model-free language guess from scripts and function words.

Two signals, both cheap enough to run on every article:
1. the writing system of the letters (Hangul, kana, Han, Cyrillic, Arabic, ...), which
   settles most non-Latin languages outright;
2. for Latin script, how many tokens are English function words against the function
   words of the major Latin-script languages of the news.
Only lower-case words are counted, and only the start of the text is read: a language does not change halfway through a report.
"""

from __future__ import annotations

import re
from collections import Counter

_SAMPLE_CHARS = 3000
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")

# Function words, chosen to be frequent in the language and rare as English words.
_FUNCTION_WORDS: dict[str, str] = {
    "en": "the of and to in is that for on with as by was are at from it this be has have"
    " had said will were an which not its their his he they would after or but been who"
    " also more than about over into we she her there when while against"
    " between because could should",
    "fr": "le la les de des du et est une un dans pour que qui sur pas au aux avec ce cette il"
    " elle sont ont par mais ou nous vous leur selon été aussi",
    "es": "el la los las de del y es una un en por que con para se su sus al lo como pero más"
    " fue han ha este esta según también entre",
    "pt": "o os as de do da dos das e é um uma em no na nos nas para que com por se seu sua"
    " foi não mais como ao pelo pela também entre",
    "de": "der die das und ist nicht ein eine einer den dem des mit von zu auf für sich"
    " im auch es sie wird werden hat sind dass bei nach aus wurde",
    "it": "il lo la gli le di del della dei delle e è un una che per con non sono nel"
    " nella alla ha anche più sul dalla degli",
    "nl": "de het een en van is dat op te zijn voor met niet aan er ook als bij door naar"
    " om maar werd wordt heeft hij",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada oleh"
    " bahwa telah karena sebagai adalah mereka kata",
    "tr": "ve bir bu da de için ile olarak daha çok gibi olan ama en sonra kadar ise değil"
    " yok göre",
    "sv": "och att det som en på är för med av till den har inte om ett jag",
    "pl": "w nie na się z że jest jak od przez dla oraz jego są był",
    "vi": "của và các có là được cho không này một những với trong đã người",
}
_LANG_NAMES: dict[str, str] = {
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "pt": "Portuguese",
    "de": "German",
    "it": "Italian",
    "nl": "Dutch",
    "id": "Indonesian",
    "tr": "Turkish",
    "sv": "Swedish",
    "pl": "Polish",
    "vi": "Vietnamese",
    "ko": "Korean",
    "ja": "Japanese",
    "zh": "Chinese",
    "ru": "Russian",
    "uk": "Ukrainian",
    "ar": "Arabic",
    "fa": "Persian",
    "he": "Hebrew",
    "el": "Greek",
    "th": "Thai",
    "hi": "Hindi",
}

# word -> languages that use it; a shared word counts for each of them.
_WORD_LANGS: dict[str, tuple[str, ...]] = {}
for _lang, _words in _FUNCTION_WORDS.items():
    for _word in _words.split():
        _WORD_LANGS[_word] = (*_WORD_LANGS.get(_word, ()), _lang)

# Unicode blocks of non-Latin scripts, as (first, last, script).
_SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0370, 0x03FF, "greek"),
    (0x0400, 0x052F, "cyrillic"),
    (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0x0900, 0x097F, "devanagari"),
    (0x0E00, 0x0E7F, "thai"),
    (0x1100, 0x11FF, "hangul"),
    (0x3040, 0x30FF, "kana"),
    (0x3130, 0x318F, "hangul"),
    (0x3400, 0x4DBF, "han"),
    (0x4E00, 0x9FFF, "han"),
    (0xAC00, 0xD7AF, "hangul"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
)
_UKRAINIAN_LETTERS = frozenset("іїєґІЇЄҐ")
_PERSIAN_LETTERS = frozenset("پچژگ")
_SHORT_TEXT_WORDS = 20  # about a headline


def language_name(code: str) -> str:
    """'Korean' for 'ko'; the code itself when unknown."""
    return _LANG_NAMES.get(code, code)


def _script_of(char: str) -> str | None:
    point = ord(char)
    for first, last, script in _SCRIPT_RANGES:
        if first <= point <= last:
            return script
    return "latin" if char.isalpha() else None


def _non_latin_language(scripts: Counter[str], sample: str) -> str:
    script = max(scripts, key=lambda name: scripts[name])
    if script in ("hangul", "kana", "han"):
        if scripts["hangul"] >= scripts["kana"] and scripts["hangul"] > 0:
            return "ko"
        return "ja" if scripts["kana"] > 0 else "zh"
    if script == "cyrillic":
        return "uk" if any(c in _UKRAINIAN_LETTERS for c in sample) else "ru"
    if script == "arabic":
        return "fa" if any(c in _PERSIAN_LETTERS for c in sample) else "ar"
    return {"greek": "el", "hebrew": "he", "thai": "th", "devanagari": "hi"}[script]


def detect_language(text: str) -> tuple[str | None, float]:
    """Guess the language of `text`: ("en", 0.93), ("ko", 0.99), or (None, 0.0) if undecidable.

    Very short Latin-script text without telling words (a headline such as
    "N. Korea fires missile") is given the benefit of the doubt as English.
    """
    sample = text[:_SAMPLE_CHARS]
    latin = len(_ASCII_LETTER.findall(sample))
    scripts: Counter[str] = Counter()
    for char in _NON_ASCII.findall(sample):
        script = _script_of(char)
        if script is not None:
            scripts[script] += 1
    latin += scripts.pop("latin", 0)
    other = sum(scripts.values())
    if latin + other == 0:
        return None, 0.0
    if other > latin:
        return _non_latin_language(scripts, sample), round(other / (latin + other), 2)

    words = Counter(_WORD.findall(sample))
    total = sum(words.values())
    hits: Counter[str] = Counter()
    for word, count in words.items():
        # Only lower-case words count: capitalised ones are names far too often
        # ("Kim Jong Il", "Kim Jong Un" are not French or Italian).
        if word.islower():
            for lang in _WORD_LANGS.get(word, ()):
                hits[lang] += count
    english = hits.pop("en", 0)
    rival, rival_hits = hits.most_common(1)[0] if hits else (None, 0)
    if rival is not None and rival_hits >= 2 and rival_hits > english:
        return rival, round(rival_hits / (english + rival_hits), 2)
    if english:
        return "en", round(english / (english + rival_hits), 2)
    if total < _SHORT_TEXT_WORDS:
        # Headlines: too few words to judge, so they get the benefit of the doubt.
        return "en", 0.5
    return None, 0.0
