"""The word lists the glued-word model leans on: function words, one-letter words, prefixes.

``postedit.segmentation`` decides; this module only knows which short words may lose
their space (``function_words``, ``joining_words``), which endings and prefixes belong
to real words (clitics, German verb prefixes, name particles) and whether simplemma's
dictionary lists a form (``dictionary_word``).
"""

from __future__ import annotations

from functools import lru_cache

from postedit.lexicon import closed_class, zipf

_EXTRA_FUNCTION_WORDS = {
    "en": "near via off up out upon onto",
    "es": "se le les me te nos",
    "fr": "se ne au aux dans chez",
    "it": "si ci ne nel nella nei dal dalla dai sul sulla sui alla alle ai agli dei degli delle dello",
    "pt": "no na nos nas dos das aos num numa pelo pela",
    "de": """der die das den dem des ein eine einen einem einer und oder aber sondern denn
    mit von für auf aus bei nach seit über unter zwischen gegen ohne durch ist sind war
    hat haben wird werden sie wir ihr sich nicht auch noch wie als dass in im an am zu zum zur
    ins vom beim um bis vor""",
}
# Words of one letter that a lost space can leave behind (``aunanimous``, ``ySant``, ``Lazioe``).
_ONE_LETTER_WORDS = {
    "en": "a",
    "es": "a y o e u",
    "fr": "à y",
    "it": "e a o è i",
    "pt": "a o e à",
}
# German words after a preposition that no verb prefix takes (``auffünf``, ``aufsein``).
GERMAN_PREPOSITION_OBJECTS = frozenset("""zwei drei vier fünf sechs sieben acht neun zehn elf
    zwölf zwanzig dreißig hundert tausend sein seine seinen seinem seiner ihr ihre ihren ihrem
    ihrer unser unsere unseren unserem unserer dieser diese diesen diesem dieses""".split())
# Endings of German nouns that never take the feminine -in (``Jahrenin``, ``Rückgangin``):
# the -in of ``Ministerin``, ``Präsidentin``, ``Freundin`` follows a person noun.
GERMAN_THING_ENDINGS = ("en", "ung", "heit", "keit", "schaft", "ion", "tät", "ang", "tz", "um",
                        "nis", "ment", "tag")
# German prefixes of separable verbs (``aufstehen``, ``mitmachen``): no lower-case join after them.
VERB_PREFIXES = {"de": frozenset("an auf aus bei mit nach vor zu ein ab durch über um unter gegen".split())}
MAX_JOINING = 4  # a function word run into the next word is short (``the``, ``para``, ``dans``)
# Clitic pronouns written onto verbs (``hacerlo``, ``dirgli``): endings of real words.
ENCLITICS = {
    "es": frozenset("lo la los las le les me te se nos os".split()),
    "it": frozenset("lo la li le gli ne mi ti si ci vi".split()),
    "pt": frozenset("o a os as lo la los las no na nos nas lhe lhes me te se".split()),
    "fr": frozenset(),
}
NAME_PREFIXES = frozenset("mc mac de di da du la le van von der den st fitz o al el bin".split())
WORD_PREFIXES = tuple(
    "pluri multi inter trans anti super post pre non over under counter semi micro macro mega "
    "hyper ultra neo pseudo proto socio geo bio eco euro afro indo sino franco anglo extra "
    "intra infra auto tele mono poly".split()
)
PLACE_NAME_ENDS = frozenset(
    """bridge field wood ford ton ham land port mouth water stone hill borough bury well worth
    dale side berg burg stadt heim dorf ville town shire gate house castle brook lake moor more
    head ley church minster wick combe mere""".split()
)


def function_words(lang: str) -> frozenset[str]:
    return _function_words(lang)


@lru_cache(maxsize=16)
def joining_words(lang: str) -> frozenset[str]:
    """Function words short enough to lose their space to the next word, one letter included."""
    short = frozenset(w for w in _function_words(lang) if len(w) <= MAX_JOINING)
    return short | one_letter_words(lang)


def one_letter_words(lang: str) -> frozenset[str]:
    return frozenset(_ONE_LETTER_WORDS.get(lang, "").split())


@lru_cache(maxsize=16)
def _function_words(lang: str) -> frozenset[str]:
    extra = frozenset(_EXTRA_FUNCTION_WORDS.get(lang, "").split())
    return frozenset(w for w in closed_class(lang) | extra if len(w) >= 2)


@lru_cache(maxsize=4096)
def dictionary_word(token: str, lang: str) -> bool:
    """simplemma's dictionary knows the form (it lists inflections wordfreq has never seen)."""
    from postedit import lemmas

    try:
        return bool(lemmas.is_known(token.lower(), lang))
    except ValueError:
        return False


# No German noun ends in a preposition or an indefinite article after a word of its own
# (``Stadtzu``, ``Orkanböenvon``, ``Meteorologeneine``), nor in a feminine -in after a
# plural -en (``Vorinstanzenin``: the feminine takes the singular stem, ``Ministerin``).
_GERMAN_NEVER_ENDS = frozenset("zu zum zur von vom mit bei eine einer einen einem".split())
_GERMAN_MIN_STEM = 5  # Baust+eine, Gest+eine: short stems make real words


def german_function_cut(token: str, lang: str) -> int | None:
    """``inder``: German writes the noun ``Inder`` with a capital, so in lower case it is
    two function words run together (``in der``); a word of its own stays whole. The
    index of the lost space, or None."""
    if lang != "de" or not token.islower():
        return None
    from postedit import lemmas

    if not lemmas.lemmatize(token, "de")[:1].isupper():
        return None
    functions = _function_words("de")
    return next((i for i in range(2, len(token) - 1)
                 if token[:i] in functions and token[i:] in functions), None)


def german_never_ending(left: str, right: str) -> bool:
    """``left`` + ``right`` cannot be one German noun, so the space was lost."""
    if len(left) < _GERMAN_MIN_STEM or left.lower() in _function_words("de"):
        return False  # Hierzu, Nebenbei: adverbs built from two function words
    return right in _GERMAN_NEVER_ENDS or right == "in" and left.endswith("en")


def german_no_join(left: str, right: str, lang: str, seen_alone: bool, min_zipf: float) -> bool:
    """German ``Ministerin`` or ``Wochenende``: not two words, unless ``left`` is a thing
    that takes no feminine -in (``Jahrenin``, ``Rückgangin``), a word seen alone, or a
    frequent noun before a function word of three letters or more (``Verbandder``,
    ``Höhevon``: nouns end in ``-der`` after a stem, never after a word)."""
    frequent = zipf(left, lang) >= min_zipf
    if right == "in" and left.endswith(GERMAN_THING_ENDINGS) and frequent:
        return False
    if german_never_ending(left, right):
        return False
    return len(right) < 3 or not (seen_alone or (len(left) >= 3 and frequent))
