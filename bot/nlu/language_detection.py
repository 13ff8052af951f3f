"""Which language a message is written in, when it is not English (lingua, on a restricted set).

Short English answers ("PL1 1JB", "black", "14th nov", "Tamar Road") must never be taken for
another language, so a message in Latin letters counts as foreign only when lingua puts
another language first, fewer than half of its words are common English words, and:
- it has three words or more that are not common English, or two and letters English never
  uses (ł, ș, ŵ ...): one or two unknown words are more often a name ("Piotr Nowak");
- for a language wordfreq has word lists for (Spanish, Polish, Romanian ...), at least half
  of the words are commoner in that language than in English; for one it has not (Welsh,
  Somali ...), lingua gives it some confidence.
A message mostly in another script (Arabic, Bengali, Chinese ...) is that script's language.
lingua loads a language's model only when a message needs it.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from bot.nlu.words import (
    english_zipf,
    has_foreign_letters,
    has_word_list,
    latin_share,
    words,
    zipf_in,
)

#: Languages lingua chooses between: English, the UK's most spoken other languages, and Welsh.
LANGUAGES: tuple[str, ...] = (
    "en", "cy", "pl", "ro", "pt", "es", "lt", "lv", "fr", "de", "it", "tr", "so", "sq",
    "ar", "ur", "fa", "pa", "bn", "gu", "hi", "ta", "zh", "ru", "uk", "bg",
)  # fmt: skip
#: For a language without word lists, lingua must give it at least this confidence (0-1).
MIN_CONFIDENCE = 0.2
#: A word this common in a language (and commoner than in English) is a word of that language.
LANGUAGE_WORD_ZIPF = 2.5
#: A word this common in English counts as English (the Zipf scale: 4 = ten per million words).
COMMON_ENGLISH_ZIPF = 4.0


_BUILD = threading.Lock()
#: One text per script whose languages need models: loading them takes seconds, once.
_WARM_UP_TEXTS = ("Mae fy bin heb ei gasglu heddiw", "لم يتم جمع القمامة", "Мой мусор не забрали")


@lru_cache(maxsize=1)
def _built() -> LanguageDetector:
    codes = [getattr(IsoCode639_1, code.upper()) for code in LANGUAGES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def detector() -> LanguageDetector:
    with _BUILD:
        return _built()


def warm_up_in_background() -> None:
    """Load lingua's models in a background thread, so the first resident doesn't wait for them."""

    def load() -> None:
        for text in _WARM_UP_TEXTS:
            detector().compute_language_confidence_values(text)

    threading.Thread(target=load, name="lingua-warm-up", daemon=True).start()


def _code(language: Language) -> str:
    return str(language.iso_code_639_1.name).lower()


def _english_share(found: list[str], language: str) -> float:
    """The share of words that are common English words and no more common in `language`."""
    english = [
        word
        for word in found
        if english_zipf(word) >= COMMON_ENGLISH_ZIPF
        and english_zipf(word) >= zipf_in(word, language)
    ]
    return len(english) / len(found)


def _own_words_share(found: list[str], language: str) -> float:
    """The share of words that are words of `language` and commoner there than in English."""
    own = [
        word
        for word in found
        if zipf_in(word, language) >= LANGUAGE_WORD_ZIPF
        and zipf_in(word, language) > english_zipf(word)
    ]
    return len(own) / len(found)


def foreign_language(text: str) -> str | None:
    """The ISO 639-1 code of the language a message is written in, or None for English (or unsure)."""
    if text.startswith("/"):
        return None
    found = words(text)
    if not found:
        return None
    if latin_share(text) < 0.5:
        script_language = detector().detect_language_of(text)
        if script_language is None or script_language == Language.ENGLISH:
            return None
        return _code(script_language)
    unusual = [word for word in found if english_zipf(word) < COMMON_ENGLISH_ZIPF]
    if len(unusual) < (2 if has_foreign_letters(text) else 3):
        return None  # one or two unknown words: a name or a typo more often than a language
    ranked = detector().compute_language_confidence_values(text)
    if not ranked or ranked[0].language == Language.ENGLISH:
        return None
    language = _code(ranked[0].language)
    if _english_share(found, language) >= 0.5:
        return None
    if has_word_list(language):
        return language if _own_words_share(found, language) >= 0.5 else None
    return language if ranked[0].value >= MIN_CONFIDENCE else None
