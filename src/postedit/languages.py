"""Language identification with langdetect, made deterministic and cheap.

langdetect is probabilistic (seeded here) and costs about a millisecond a
call, so segments go through a stopword prior first: a sentence that is made of
the document language's function words is not sent to langdetect at all. That
prior is also what keeps ``Leave a Comment`` from being called French.
"""

from __future__ import annotations

import re
from functools import lru_cache

SUPPORTED = ("en", "es", "de", "fr", "it", "pt")

STOPWORDS = {
    "en": "the a an of to in and is are was were be been for on with that this by from at as it "
    "its he she they we you not but or have has had will would said says which who their his her",
    "es": "el la los las un una de del y en que a por con para se es son fue su sus al lo como "
    "más pero ha han no le este esta dijo según sobre entre también",
    "de": "der die das den dem des ein eine und in zu ist sind war mit von für auf nicht sich "
    "auch es im dass wird wurde hat haben bei nach aus",
    "fr": "le la les un une des de du et en est sont était à au aux pour par sur que qui dans "
    "avec ne pas se il elle ils a ont cette ce",
    "it": "il lo la gli le un una di del della e in è sono era per con su che non si anche al",
    "pt": "o a os as um uma de do da e em que é são foi para com por no na não se ao mais",
}
_STOPSETS = {lang: frozenset(words.split()) for lang, words in STOPWORDS.items()}
_WORD = re.compile(r"[^\W\d_]+")


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


@lru_cache(maxsize=1)
def _factory() -> None:
    from langdetect import DetectorFactory

    DetectorFactory.seed = 0


@lru_cache(maxsize=4096)
def detect_probabilities(text: str) -> dict[str, float]:
    """langdetect's language probabilities for ``text`` (deterministic, so cached)."""
    _factory()
    from langdetect import detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    try:
        return {item.lang: item.prob for item in detect_langs(text)}
    except LangDetectException:
        return {}


def detect_document(text: str, default: str = "en") -> str:
    """The language of a whole article (its first ~5,000 characters)."""
    probs = detect_probabilities(text[:5000])
    if not probs:
        return default
    lang = max(probs, key=probs.__getitem__)
    return lang.split("-")[0]


def stopword_share(tokens: list[str], lang: str) -> float:
    stopset = _STOPSETS.get(lang)
    if not tokens or stopset is None:
        return 0.0
    return sum(token in stopset for token in tokens) / len(tokens)


def _latin_share(text: str) -> float:
    letters = [char for char in text if char.isalpha()]
    return sum(char < "\u0250" for char in letters) / len(letters) if letters else 1.0


def foreign_language(text: str, doc_lang: str, *, min_words: int = 5) -> tuple[str, float] | None:
    """``(lang, probability)`` when ``text`` is clearly not in ``doc_lang``, else None.

    Short text is never judged; text with a fair share of the document
    language's function words, or with no more function words of any other
    language (and in Latin script), is trusted without calling langdetect;
    otherwise another language must win with high probability *and* beat the
    document language on function words.
    """
    tokens = words(text)
    if len(tokens) < min_words:
        return None
    own_share = stopword_share(tokens, doc_lang)
    if own_share >= 0.2:
        return None
    rival_share = max(stopword_share(tokens, lang) for lang in _STOPSETS if lang != doc_lang)
    if rival_share <= own_share and _latin_share(text) > 0.5:
        return None  # nothing points to another language: not worth a langdetect call
    probs = detect_probabilities(text)
    if not probs:
        return None
    lang = max(probs, key=probs.__getitem__)
    if lang == doc_lang or probs[lang] < 0.9 or probs.get(doc_lang, 0.0) > 0.05:
        return None
    if lang in _STOPSETS and stopword_share(tokens, lang) <= stopword_share(tokens, doc_lang):
        return None
    return lang, probs[lang]
