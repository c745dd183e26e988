"""Language identification with langdetect, made deterministic and cheap.

langdetect is probabilistic (seeded here) and costs about a millisecond a
call, so segments go through a stopword prior first: a sentence that is made of
the document language's function words is not sent to langdetect at all. That
prior is also what keeps ``Leave a Comment`` from being called French.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from postedit import tokens as shared_tokens

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
    "it": "il lo la gli le un una di del della e in è sono era per con su che non si anche al "
    "da se ha ma più nel nella alla dei delle dal",
    "pt": "o a os as um uma de do da e em que é são foi para com por no na não se ao mais",
}
_STOPSETS = {lang: frozenset(words.split()) for lang, words in STOPWORDS.items()}
# Quoted speech and titles, which may be in any language and may repeat words on purpose.
_QUOTED = re.compile(r"“[^“”]*”|«[^«»]*»|„[^„“”]*[“”]|\"[^\"]*\"|‹[^‹›]*›|‘[^‘’]*’(?!\w)")


def words(text: str) -> list[str]:
    """The runs of letters of ``text``, lower-cased (shared with the detectors: ``tokens.of``)."""
    return list(shared_tokens.of(text).lower_letters)


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


# An article whose function words are this clearly one language's needs no langdetect
# (which loads 55 profiles, about 0.6 s): English and German articles run 5-20x ahead of
# the next language, Romance languages only 1.5-2x ahead of each other, so they still ask.
_CLEAR_SHARE = 0.2
# A sentence with this share of its article's function words is in the article's language
# (``foreign_language``'s first test, which the ``untranslated`` rule's trigger repeats).
OWN_SHARE_TRUSTED = 0.2
_CLEAR_RATIO = 3.0


def detect_document(text: str, default: str = "en") -> str:
    """The language of a whole article (its first ~5,000 characters)."""
    sample = text[:5000]
    clear = _clear_by_function_words(words(sample))
    if clear is not None:
        return clear
    probs = detect_probabilities(sample)
    if not probs:
        return default
    lang = max(probs, key=probs.__getitem__)
    return lang.split("-")[0]


def _clear_by_function_words(tokens: list[str]) -> str | None:
    if len(tokens) < 30:
        return None  # too little text to trust counts
    shares = sorted(((stopword_share(tokens, lang), lang) for lang in _STOPSETS), reverse=True)
    (best, lang), (second, _) = shares[0], shares[1]
    return lang if best >= _CLEAR_SHARE and best >= _CLEAR_RATIO * second else None


def stopword_share(tokens: list[str], lang: str) -> float:
    stopset = _STOPSETS.get(lang)
    if not tokens or stopset is None:
        return 0.0
    return sum(map(stopset.__contains__, tokens)) / len(tokens)


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
    if own_share >= OWN_SHARE_TRUSTED:
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


# Untranslated words inside a sentence. Only the most distinctive function words
# of each language count as evidence: a word that is common in one language and
# is not a word of the other (``de`` in English prose, ``can`` in German).
SURE_FUNCTION_WORDS = {
    "en": "the and of with from which that is are was were have has been would can will not "
    "this these they",
    "de": "und der die das dem den des ein eine einer nicht mit ist sind wird wurde von für auf "
    "auch sich dass",
    "fr": "le la les des du de et est sont avec dans pour une qui aux cette ont été pas",
    "es": "el los las del de que por para con una como pero más fue según también",
    "it": "il della delle degli dei gli che sono anche non per una del",
    "pt": "não uma um em ao os do da de das dos com pelo pela também foi são",
}
# Words of the document's language spelt like another language's function word.
HOMOGRAPHS = {
    "en": "die den con par pour um non per pas do",
    "de": "was",
    "fr": "con os foi",
    "es": "den os do da non das",
    "it": "est qui um do",
    "pt": "más",
}
# Foreign phrases the document's language has borrowed: never untranslated.
LOAN_PHRASES = frozenset(
    " ".join(phrase.split())
    for phrase in """de facto|de jure|per cent|vice versa|a la carte|à la carte|a la|à la|en route|en masse|
    en bloc|en passant|en suite|tour de force|joie de vivre|coup de grâce|crème de la crème|
    cul de sac|nom de guerre|pièce de résistance|de rigueur|de novo|par excellence|sans serif|
    pas de deux|la vie|c est la vie|hasta la vista|que sera sera|la dolce vita|et al|et cetera|
    du jour|fin de siècle|vis à vis|mise en scène|film noir|belle époque|al dente|al fresco|
    con brio|per se|pro bono|status quo|bona fide|quid pro quo|cinco de mayo|de luxe|
    le mans|tour de france|comme il faut|noblesse oblige|art de vivre|savoir faire|
    laissez faire|mano a mano|mi casa es su casa|la la|que será será|pied à terre|per capita|
    per cápita|per annum|per diem|sine qua non|de iure|in memoriam|cri de coeur|nom de plume|
    esprit de corps|hors de combat|pas de calais|coup d état|piece de resistance|con carne""".split(
        "|"
    )
)
_LOAN_WORDS = frozenset(word for phrase in LOAN_PHRASES for word in phrase.split())


@lru_cache(maxsize=8)
def foreign_function_words(doc_lang: str) -> dict[str, tuple[str, ...]]:
    """Function words of other languages that are no words of ``doc_lang``, with their languages."""
    own = _STOPSETS.get(doc_lang, frozenset()) | frozenset(HOMOGRAPHS.get(doc_lang, "").split())
    found: dict[str, tuple[str, ...]] = {}
    for lang, text in SURE_FUNCTION_WORDS.items():
        if lang == doc_lang:
            continue
        for word in text.split():
            if word not in own:
                found[word] = (*found.get(word, ()), lang)
    return found


def in_loan_phrase(tokens: list[str], index: int) -> bool:
    """Whether ``tokens[index]`` is part of a borrowed phrase (``de facto``, ``à la carte``)."""
    if tokens[index] not in _LOAN_WORDS:
        return False
    for size in (2, 3, 4, 5):
        for first in range(max(0, index - size + 1), index + 1):
            if " ".join(tokens[first : first + size]) in LOAN_PHRASES:
                return True
    return False


def quote_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each quotation in ``text``, in order and not overlapping."""
    return [(match.start(), match.end()) for match in _QUOTED.finditer(text)]


def inside_span(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` lies strictly inside one of ``spans`` (sorted): one bisection."""
    index = bisect_left(spans, start, key=lambda span: span[0]) - 1  # the last opening before
    return index >= 0 and spans[index][0] < start and end < spans[index][1]
