"""Verb recognition for the fragment checks: is there a verb, and how many verb groups.

Verbs are recognised by closed lists of auxiliaries, by simplemma's lemmas outside English
(a word whose lemma is an infinitive), and by inflection endings for words the lemmatiser
does not know. It errs on the side of seeing a verb: a missed fragment costs less than a
false alarm. ``finite_verb_groups`` is the stricter English count used where a verb must
be finite (``While shares in the largest banks rose.`` has one).
"""

from __future__ import annotations

import re
from functools import lru_cache

from postedit.lexicon import closed_class, verb_form, zipf

_VERB_ENDINGS = {
    "en": ("ed", "es", "s", "ing", "en"),
    # Romance present tenses end in -a/-e like many nouns: count them as verbs, since a
    # missed fragment costs less than a false alarm on "la subida supera el 11 %".
    "es": ("ó", "aron", "ieron", "aba", "aban", "ía", "ían", "ará", "erá", "irá", "an", "en",
           "ado", "ido", "ando", "iendo", "ar", "er", "ir", "a", "e"),
    "fr": ("ait", "aient", "é", "ée", "és", "er", "ir", "ent", "ont", "ra", "e", "it"),
    "it": ("ato", "ito", "uto", "ava", "are", "ere", "ire", "ano", "ono", "à", "a", "e"),
    "pt": ("ou", "aram", "eram", "ava", "ia", "ar", "er", "ir", "am", "em", "a", "e"),
}
_VERBS = {
    "en": frozenset("""is are was were be been am has have had do does did will would shall should
        can could may might must says said say tell told take took make made give gave go went
        come came get got see saw know knew think want use find put keep let seem leave call ask
        need feel become show mean begin run hold bring write sit stand lose pay meet set lead
        win fight kill hit cut fell fall rose rise grew grow won lost lose met led held sold
        sell bought buy paid left went gone came seen known found kept ran began begun wrote
        written spoke spoken broke broken chose drove flew fought stood struck threw understood
        built sent spent felt heard meant brought caught taught sought fled fed shot shut dealt
        hung quit rode shook stole stuck swore tore wore froze hid sank slid cost hurt spread
        let bet cast burst sang sung rang swam drank ate eaten beat blew drew forgot slept
        swept swung woke""".split()),
    # with the finite forms the closed-class lists hold, which is_verb would otherwise
    # reject as function words ("Fueron horas de gran tensión.")
    "es": frozenset("""es son era fue está están ha han hay dijo dice tiene tienen hace eran
        fueron estaba había tenía hizo hacen dicen debe deben puede pueden""".split()),
    "fr": frozenset("est sont était a ont fait dit va étaient avait font doit peut peuvent".split()),
    "it": frozenset("è sono era ha hanno fa disse erano aveva fanno deve può possono".split()),
    "pt": frozenset("é são era foi tem têm faz disse eram está estão tinha fazem deve pode podem"
                    .split()),
}
# Numbers count words, so a noun follows them ("nove punti", "tres goles").
_NUMERALS = {
    "es": frozenset("dos tres cuatro cinco seis siete ocho nueve diez cien mil".split()),
    "fr": frozenset("deux trois quatre cinq six sept huit neuf dix cent mille".split()),
    "it": frozenset("due tre quattro cinque sei sette otto nove dieci cento mila".split()),
    "pt": frozenset("dois duas três quatro cinco seis sete oito nove dez cem mil".split()),
}
# After these an inflected word is a noun ("the months", "of the injured"), not a verb.
NOUN_MARKERS = {
    "en": frozenset("the a an this these those his its their our my your of in on at for by "
                    "with from into".split()),
    "es": frozenset("""el la los las un una unos unas a de del al en por con para su sus primer
        primera segundo segunda tercer tercera último última""".split())
    | _NUMERALS["es"],
    "fr": frozenset("""le la les l un une des de du au aux en par pour sur son sa ses premier
        première deuxième troisième dernier dernière""".split())
    | _NUMERALS["fr"],
    "it": frozenset("""il lo la i gli le un una uno a di del della dello dei delle degli agli
        negli in per su suo sua
        l al alla ai alle dal dalla dai dalle nel nella nei nelle sul sulla primo prima secondo
        seconda terzo terza ultimo ultima""".split())
    | _NUMERALS["it"],
    "pt": frozenset("""o a os as um uma de do da dos das em no na nos nas ao aos à às pelo pela
        pelos pelas num numa por para seu sua primeiro primeira segundo
        segunda terceiro terceira último última""".split()) | _NUMERALS["pt"],
}
RELATIVIZERS = {
    "en": frozenset("that which who whom whose".split()),
    "es": frozenset("que".split()),
}
# Words that may stand inside a verb group: "has never happened", "will not be".
_GROUP_ADVERBS = {
    "en": frozenset("not never already also just still n't".split()),
    "es": frozenset("no ya también nunca".split()),
}
# Words with a verb's ending that are not verbs.
_NOT_VERBS = {
    "en": frozenset("""something nothing everything anything thing things during morning evening
        news series species crisis analysis basis thesis this thus always unless perhaps less
        whereas towards besides afterwards sometimes""".split()),
}
# Endings no noun has: a verb form even right after "la", "les" (then a clitic pronoun).
_PERSON_ENDINGS = {
    "es": ("mos", "steis", "ron", "aba", "aban", "ía", "ían", "ó"),
    "fr": ("ons", "ez", "ais", "ait", "aient", "ont", "ent", "ra", "ront"),
    "it": ("iamo", "ete", "ite", "rono", "ava", "avano", "eva", "evano", "ò"),
    "pt": ("mos", "ram", "ava", "avam", "ia", "iam", "ou"),
}
# The Italian article "lo"/"gli" stands only before these sounds ("lo sciopero", "gli
# zii"); before any other word it is a pronoun and a verb follows ("lo conferma").
_ITALIAN_LO_NOUN = re.compile(r"s[^aeiouàèéìòù]|z|gn|ps|pn|x|y|[aeiouàèéìòù]")
# An English word is a verb stem when its past tense is common ("resume" -> "resumed");
# "hours", "service" and "corner" are not.
_ENGLISH_STEM_ZIPF = 3.4
_RESPELT_PAST_ZIPF = 3.6  # "denied" 4.4, "admitted" 4.5; not "bodied" 3.5 (able-bodied)
_SUBJECT_PRONOUNS = frozenset("he she it they we you i who that which".split())


def verb_groups(words: list[str], lang: str, up_to: int | None = None) -> int:
    """The verb groups of ``words``; with ``up_to``, counting stops when it reaches that
    many (a caller asking whether there is exactly one need not read the rest)."""
    groups, in_group, previous = 0, False, ""
    adverbs = _GROUP_ADVERBS.get(lang, frozenset())
    for word in words:
        lower = word.lower()
        if is_verb(lower, previous, lang):
            groups += not in_group
            in_group = True
            if groups == up_to:
                return groups
        elif lower not in adverbs:
            in_group = False
        previous = lower
    return groups


def has_verb(words: list[str], lang: str, gerunds: bool = True) -> bool:
    """Whether any word may be a verb; with ``gerunds`` false an English -ing form makes
    no sentence (``Policing and the health service.``)."""
    previous = ""
    for index, word in enumerate(words):
        lower = word.lower()
        if index and word[:1].isupper() and lang != "de":
            previous = lower
            continue  # "da I Liga": a capital inside the sentence is a name's, not a verb's
        if is_verb(lower, previous, lang) and (gerunds or not lower.endswith("ing")):
            return True
        previous = lower
    return False


@lru_cache(maxsize=1 << 16)
def is_verb(lower: str, previous: str, lang: str) -> bool:
    """Whether the lower-cased word ``lower`` may be a verb after ``previous``; a pure
    function of the language's fixed lists, remembered (sentences repeat their word pairs)."""
    if lower in _VERBS.get(lang, frozenset()):
        return True
    elided = "'" in lower or "’" in lower
    if elided and lang == "en" and _english_contraction(lower):
        return True
    if lang in ("fr", "it") and lower[:2] in ("l'", "l’") and len(lower) > 2:
        # "l'été", "l'accordo": an elided article before a noun; "l'a dit", "l'ha detto": a
        # pronoun before an auxiliary
        return is_verb(lower[2:], "le" if lang == "fr" else "il", lang)
    host = after_elided_clitic(lower, lang) if elided else ""
    if host:
        return is_verb(host, "", lang)  # "c’est", "n’est", "s’attend", "c’è", "com’è"
    if lang != "en" and lower in closed_class(lang):
        return False  # "vers", "nove", "sobre": function words; their auxiliaries are _VERBS
    after_determiner = previous in NOUN_MARKERS.get(lang, frozenset()) and not (
        lang == "it" and previous in ("lo", "gli") and not _ITALIAN_LO_NOUN.match(lower)
    )
    morphology = verb_form(lower, lang) if lang != "en" else None
    if morphology is not None:
        # "el estado", "la llegada" are nouns; "las compramos" keeps its person ending
        return morphology and (not after_determiner or lower.endswith(_PERSON_ENDINGS[lang]))
    if lang == "en":
        return not after_determiner and _english_verb(lower, previous)
    # "the months", "of the injured": an inflected word after a determiner is a noun
    return (
        len(lower) > 3
        and lower.endswith(_VERB_ENDINGS.get(lang, ()))
        and not after_determiner
        and lower not in _NOT_VERBS.get(lang, frozenset())
    )


# Contracted auxiliaries: "we're", "don't", "they'll"; "'s" is "is" or "has" only after a
# pronoun ("it's", "that's"), after a noun it is a possessive ("the company's profits").
_CONTRACTED_AUXILIARIES = ("n't", "'re", "'ve", "'m", "'ll", "'d")
_S_CONTRACTIONS = frozenset("it's that's there's here's what's who's where's he's she's let's".split())


def _english_contraction(lower: str) -> bool:
    plain = lower.replace("’", "'")
    return plain.endswith(_CONTRACTED_AUXILIARIES) or plain in _S_CONTRACTIONS


# Elided pronouns and particles that stand only before a verb: "c’est", "n’est", "j’arrive",
# "c’è", "m’ha", "com’è". (Not "d’": "d’accordo", "d’un" are no verbs.)
_VERB_CLITICS = {
    "fr": frozenset("c j m n s t".split()),
    "it": frozenset("c m t s v com dov quand".split()),
}


def after_elided_clitic(lower: str, lang: str) -> str:
    """The word after an elided clitic that only a verb follows (``n’est`` -> ``est``), or ""."""
    clitic, mark, host = lower.replace("’", "'").partition("'")
    return host if mark and host and clitic in _VERB_CLITICS.get(lang, ()) else ""


def _english_verb(lower: str, previous: str) -> bool:
    """``rose``, ``cancelled``, ``resume``, ``shares`` (from a verb stem), ``heading``."""
    if len(lower) <= 3 or lower in _NOT_VERBS["en"]:
        return False
    if previous == "to":
        return False  # "to repair": an infinitive is no verb group of its own
    if lower.endswith(("ed", "en", "ing")):
        return True
    if lower.endswith("s") and not lower.endswith("ss"):
        stems = (lower[:-1], lower[:-2]) if lower.endswith("es") else (lower[:-1],)
        return previous in _SUBJECT_PRONOUNS or any(map(english_stem, stems))
    return english_stem(lower)


@lru_cache(maxsize=1 << 14)
def english_stem(stem: str) -> bool:
    """Whether ``stem`` is a common English verb: its past tense is a common word."""
    if stem in _VERBS["en"]:
        return True
    past = stem + ("d" if stem.endswith("e") else "ed")
    if zipf(past, "en") >= _ENGLISH_STEM_ZIPF or zipf(stem + "ed", "en") >= _ENGLISH_STEM_ZIPF:
        return True
    # "deny" -> "denied", "admit" -> "admitted": the spelling changes before -ed
    if len(stem) > 2 and stem[-1] == "y" and stem[-2] not in "aeiou":
        return zipf(stem[:-1] + "ied", "en") >= _RESPELT_PAST_ZIPF
    doubled = len(stem) > 2 and stem[-1] not in "aeiouwxy" and stem[-2] in "aeiou"
    return doubled and zipf(stem + stem[-1] + "ed", "en") >= _RESPELT_PAST_ZIPF


def finite_verb_groups(words: list[str], lang: str) -> int:
    """Verb groups that are surely finite: in English no -ing form, and an -s form or a
    bare stem only after a subject pronoun (``it rains``)."""
    if lang != "en":
        return verb_groups(words, lang)
    groups, in_group, previous = 0, False, ""
    for word in words:
        lower = word.lower()
        if _english_finite(lower, previous):
            groups += not in_group
            in_group = True
        elif lower not in _GROUP_ADVERBS["en"]:
            in_group = False
        previous = lower
    return groups


def _english_finite(lower: str, previous: str) -> bool:
    if lower in _VERBS["en"] or ("'" in lower or "’" in lower) and _english_contraction(lower):
        return True
    if previous in NOUN_MARKERS["en"] or lower in _NOT_VERBS["en"] or len(lower) <= 3:
        return False
    if lower.endswith("ed"):
        return True
    return previous in _SUBJECT_PRONOUNS and not lower.endswith("ing") and _english_verb(
        lower, previous
    )
