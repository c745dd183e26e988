"""Word knowledge the detectors share: frequencies (wordfreq) and closed word classes.

wordfreq gives Zipf frequencies (log10 per billion words, ~0 for unknown, 7 for
"the") for many languages; ``postedit.frequencies`` keeps them in the user cache
and loads only the parts of each table an article asks about. Closed-class
words (pronouns, determiners, numerals, auxiliaries and the commonest verbs) are
words that should never be capitalised in the middle of a sentence, and are
never part of a name.
"""

from __future__ import annotations

from functools import lru_cache

from postedit import frequencies

CLOSED_CLASS = {
    "en": """
    the a an this that these those they them their theirs we us our you your he him his she her
    it its i me my who whom whose which what where when why how whether while although though because since
    if unless until after before during without within about against between into through
    over under from with of to for by at on in as than then also but and or nor so yet
    one two three four five six seven eight nine ten eleven twelve twenty hundred thousand
    is are was were be been being am has have had do does did will would shall should can
    could may might must take takes took make makes made give gives gave go goes went come
    comes came get gets got say says said tell tells told see saw seen know knew think
    thought want wanted use used find found put keep kept let seem seemed leave left call
    called ask asked need needed feel felt become became show showed mean meant begin began
    not no never always already still just only even very more most less least such both
    each every either neither other another some any many much few several all none
    there here however therefore moreover furthermore meanwhile instead thus hence
    """,
    "es": """
    el la los las lo un una unos unas este esta estos estas ese esa esos esas aquel aquella
    ellos ellas nosotros vosotros usted ustedes él ella su sus nuestro nuestra mi mis tu tus
    que quien quienes cual cuales cuyo cuya donde cuando mientras aunque porque pues si
    sin con de del al a en por para sobre entre hacia hasta desde contra según durante
    tras ante bajo
    y o u ni pero sino también además tampoco muy más menos ya aún todavía
    uno dos tres cuatro cinco seis siete ocho nueve diez cien mil
    es son era eran fue fueron ser estar está están estaba ha han había hay haber
    tiene tienen tenía hace hacen hizo dijo dice dicen puede pueden debe deben
    no nunca siempre cada todo todos toda todas otro otra otros otras algún alguna
    """,
    "fr": """
    le la les un une des ce cette ces ils elles nous vous leur leurs son sa ses qui que quoi
    dont où quand lorsque si sans avec de du au aux à en par pour sur sous entre vers
    dans depuis selon chez après avant pendant malgré parmi dès
    et ou ni mais donc car aussi très plus moins déjà encore
    un deux trois quatre cinq six sept huit neuf dix cent mille
    est sont était étaient être a ont avait avoir fait font dit peut peuvent doit
    ne pas jamais toujours chaque tout tous toute toutes autre autres
    """,
    "it": """
    il lo la gli le un una uno questo questa quello quella loro noi voi suo sua suoi
    che chi cui dove quando mentre se senza con di del della al alla a in per su tra fra
    da dal dalla dai dagli dalle nel nella nei negli nelle dopo durante verso presso
    e o né ma anche molto più meno già ancora
    uno due tre quattro cinque sei sette otto nove dieci cento mille
    è sono era erano essere ha hanno aveva avere fa fanno disse può possono deve
    non mai sempre ogni tutto tutti tutta tutte altro altra altri
    """,
    "pt": """
    o a os as um uma uns umas este esta estes estas esse essa eles elas nós vós seu sua
    que quem qual quais cujo onde quando enquanto embora porque se sem com de do da
    ao à em por para sobre entre até desde contra e ou nem mas também muito mais menos já
    no na nos nas dos das pelo pela pelos pelas após durante num numa
    um dois três quatro cinco seis sete oito nove dez cem mil
    é são era eram foi ser estar está estão tem têm tinha faz fazem disse pode podem deve
    não nunca sempre cada todo todos toda todas outro outra outros outras
    """,
}
_CLOSED = {lang: frozenset(words.split()) for lang, words in CLOSED_CLASS.items()}

# Words and phrases that open a sentence which then lacks a main clause (relative pronouns
# and the like). A phrase matches only as a whole: Italian "il quale", never a bare "il".
RELATIVE_OPENERS = {
    "en": ("which", "who", "whom", "whose", "whereby", "wherein"),
    "es": ("que", "cual", "cuales", "cuyo", "cuya", "cuyos", "cuyas", "donde", "el cual",
           "la cual", "los cuales", "las cuales"),
    "fr": ("lequel", "laquelle", "lesquels", "lesquelles", "dont", "qui", "auquel", "duquel"),
    "it": ("il quale", "la quale", "i quali", "le quali", "che", "dove", "cui"),
    "pt": ("cujo", "cuja", "cujos", "cujas", "que", "onde", "o qual", "a qual", "os quais",
           "as quais"),
}
# Sentence starts that are not relative clauses although they begin with a relative word.
RELATIVE_IDIOMS = {
    "fr": ("qui plus est", "qui sait", "qui vivra"),
    "it": ("che cosa", "che fare"),
    "pt": ("que fazer",),
}
# Subordinating conjunctions: a sentence that opens with one needs a main clause after a
# comma ("Cuando llegó, todos aplaudieron."). German ones are in GERMAN_SUBORDINATORS.
SUBORDINATE_OPENERS = {
    "en": ("while", "although", "though", "whereas", "because", "unless", "whenever", "when"),
    "es": ("cuando", "mientras", "aunque", "porque", "puesto que", "ya que"),
    "fr": ("lorsque", "lorsqu", "quand", "alors que", "bien que", "parce que", "parce qu",
           "puisque", "puisqu", "tandis que", "tandis qu"),
    "it": ("quando", "mentre", "sebbene", "benché", "poiché", "perché", "affinché"),
    "pt": ("quando", "enquanto", "embora", "porque", "visto que", "uma vez que"),
}
# Never the conjunction: "Because of the strike ...", "Mientras tanto", "Porque é que".
SUBORDINATE_NOT = {
    "en": ("because of",),
    "es": ("mientras tanto", "aunque sea"),
    "it": ("mentre invece",),
    "pt": ("porque é", "porque razão"),
}
# Verbs that report speech: after a closing quote, "Contó una vecina." is the attribution
# of the quote cut off from it. Auxiliaries first ("Ha detto", "A déclaré") are skipped.
REPORTING_VERBS = {
    "en": frozenset("said says added told explained insisted warned noted stressed".split()),
    "es": frozenset("""dijo dice contó cuenta explicó explica añadió añade señaló señala afirmó
        afirma aseguró asegura indicó indica subrayó declaró apuntó advirtió insistió""".split()),
    "fr": frozenset("""dit déclaré expliqué ajouté affirmé assuré souligné indiqué estimé
        explique ajoute affirme assure souligne indique estime déclare précise précisé
        raconte raconté confie confié""".split()),
    "it": frozenset("""detto spiegato aggiunto dichiarato affermato sottolineato sostenuto
        dice spiega aggiunge dichiara afferma sottolinea disse spiegò aggiunse racconta
        raccontato""".split()),
    "pt": frozenset("""disse diz afirmou afirma explicou explica acrescentou acrescenta referiu
        refere sublinhou sublinha adiantou declarou garantiu garante contou conta""".split()),
    "de": frozenset("""sagte sagt erklärte erklärt betonte betont fügte meinte schrieb
        teilte""".split()),
}
REPORTING_AUXILIARIES = frozenset("ha a hanno ont han ha tem têm".split())
# German: relative pronouns with an article's form, and conjunctions that send the finite
# verb to the end. "Als" is also "as" ("Als Trainer hat er ..."): the verb-final test decides.
GERMAN_RELATIVES = frozenset("der die das dem den deren dessen denen".split())
GERMAN_SUBORDINATORS = frozenset("""wenn weil dass ob obwohl obgleich nachdem falls sobald
    sofern bevor als wo wobei worauf womit weshalb""".split())


def _phrases(table: dict[str, tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    return {lang: tuple(tuple(p.split()) for p in phrases) for lang, phrases in table.items()}


_OPENER_WORDS = _phrases(RELATIVE_OPENERS)
_IDIOM_WORDS = _phrases(RELATIVE_IDIOMS)
_SUBORDINATE_WORDS = _phrases(SUBORDINATE_OPENERS)
_SUBORDINATE_NOT_WORDS = _phrases(SUBORDINATE_NOT)
_OPENER_FIRST = {lang: frozenset(p[0] for p in phrases) for lang, phrases in _OPENER_WORDS.items()}
_SUBORDINATE_FIRST = {
    lang: frozenset(p[0] for p in phrases) for lang, phrases in _SUBORDINATE_WORDS.items()
}

# Infinitive endings: a word whose lemma ends so is a form of a verb.
INFINITIVE_ENDINGS = {
    "de": ("en", "ern", "eln"),
    "es": ("ar", "er", "ir", "ír"),
    "fr": ("er", "ir", "re"),
    "it": ("are", "ere", "ire", "rre"),
    "pt": ("ar", "er", "ir", "or", "ôr"),
}
# Present-tense endings shared with nouns ("cuenta", "habla", "apoyo"): the lemmatiser picks
# the noun, so the word also counts as a verb when stem + infinitive ending is a known verb.
_PRESENT_ENDINGS = {
    "es": ("an", "en", "a", "e", "o"),
    "fr": ("ent", "es", "e", ""),  # "" for "part" -> "partir", "prend" -> "prendre"
    "it": ("ano", "ono", "a", "e", "o", "i"),
    "pt": ("am", "em", "a", "e", "o"),
}


def relative_opener(words: list[str], lang: str) -> str | None:
    """The relative pronoun or phrase that ``words`` starts with (as written), if any."""
    if not words or words[0].lower() not in _OPENER_FIRST.get(lang, ()):
        return None
    if _starts_with(words, _IDIOM_WORDS.get(lang, ())):
        return None
    return _starts_with(words, _OPENER_WORDS.get(lang, ()))


def subordinate_opener(words: list[str], lang: str) -> str | None:
    """The subordinating conjunction that ``words`` starts with (as written), if any."""
    if not words or words[0].lower() not in _SUBORDINATE_FIRST.get(lang, ()):
        return None
    if _starts_with(words, _SUBORDINATE_NOT_WORDS.get(lang, ())):
        return None
    return _starts_with(words, _SUBORDINATE_WORDS.get(lang, ()))


def _starts_with(words: list[str], phrases: tuple[tuple[str, ...], ...]) -> str | None:
    """The longest phrase of ``phrases`` that ``words`` start with, as written."""
    lowered = [word.lower() for word in words[:3]]
    best = None
    for phrase in phrases:
        if tuple(lowered[: len(phrase)]) == phrase and (best is None or len(phrase) > len(best)):
            best = phrase
    return " ".join(words[: len(best)]) if best else None


def verb_form(word: str, lang: str) -> bool | None:
    """Whether ``word`` is a form of a verb, from simplemma's lemmas: True, False, or None
    when the lemmatiser does not know the word. Noun/verb homographs count as verbs."""
    if lang not in INFINITIVE_ENDINGS:
        return None
    return _verb_form(word, lang)


@lru_cache(maxsize=1 << 16)
def _verb_form(word: str, lang: str) -> bool | None:
    from postedit import lemmas

    if not lemmas.is_known(word, lang):
        return None
    endings = INFINITIVE_ENDINGS[lang]
    lemma = lemmas.lemmatize(word, lang)
    if word in (lemma + "s", lemma + "es"):
        return False  # the plural of a noun ("mujeres", "lugares", "devoirs")
    if lemma != word and lemma.endswith(endings) or word.endswith(endings):
        return lemma.endswith(endings)
    return _regular_present(word, lang)


# A rare infinitive ("fronteirar", "zonar") does not make its noun homograph a verb.
_COMMON_VERB_ZIPF = 3.0


def _regular_present(word: str, lang: str) -> bool:
    """``habla`` -> ``hablar``: stem plus an infinitive ending is a common verb."""
    from postedit import lemmas

    for ending in _PRESENT_ENDINGS.get(lang, ()):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            for stem in _stems(word[: len(word) - len(ending)], lang):
                for infinitive in INFINITIVE_ENDINGS[lang]:
                    candidate = stem + infinitive
                    if zipf(candidate, lang) >= _COMMON_VERB_ZIPF and (
                        lemmas.lemmatize(candidate, lang) == candidate
                    ):
                        return True
    return False


def _stems(stem: str, lang: str) -> tuple[str, ...]:
    """The stem, and in Spanish its unchanged form (cuent- -> cont-, piens- -> pens-)."""
    if lang != "es":
        return (stem,)
    at = max(stem.rfind("ue"), stem.rfind("ie"))
    if at < 0:
        return (stem,)
    unchanged = stem[:at] + ("o" if stem[at] == "u" else "e") + stem[at + 2 :]
    return (stem, unchanged)


def closed_class(lang: str) -> frozenset[str]:
    return _CLOSED.get(lang, frozenset())


def zipf(word: str, lang: str) -> float:
    """Zipf frequency of ``word`` (case-insensitive) in ``lang``; 0.0 when unknown."""
    return frequencies.table(lang).get(word.lower())


def has_frequencies(lang: str) -> bool:
    return not frequencies.table(lang).empty()


def commonest_words(lang: str) -> list[str]:
    """The language's commonest words (``frequencies.COMMONEST`` of them), commonest first."""
    return frequencies.table(lang).commonest()


# German auxiliaries and modals: finite, whatever simplemma makes of them.
_GERMAN_FINITE = frozenset("""ist sind war waren hat haben hatte hatten wird werden wurde wurden
    kann können konnte konnten muss müssen musste mussten soll sollen sollte sollten will wollen
    wollte wollten darf dürfen durfte mag gibt gab sei seien wäre wären hätte hätten würde
    würden bin bist seid""".split())
_GERMAN_NOT_VERBS = frozenset("""sein seine seinen seinem seiner seines unten oben morgen gestern
    zusammen innen außen vorgestern""".split())
_GERMAN_VERB_LEMMAS = ("en", "ern", "eln")


def german_verb(word: str) -> str | None:
    """What a lower-case German word is as a verb: ``finite``, ``participle``, ``infinitive``
    (also the plural of the present: ``leiden``), or None when it is no verb form."""
    if word in _GERMAN_FINITE:
        return "finite"
    if word in _GERMAN_NOT_VERBS:
        return None
    return _german_verb(word)


@lru_cache(maxsize=1 << 14)
def _german_verb(word: str) -> str | None:
    from postedit import lemmas

    if not lemmas.is_known(word, "de"):
        return None
    lemma = lemmas.lemmatize(word, "de")
    if not lemma[:1].islower() or not lemma.endswith(_GERMAN_VERB_LEMMAS):
        return None
    if word == lemma or _zu_infinitive(word, lemma):
        return "infinitive"
    return "participle" if _german_participle(word, lemma) else "finite"


def german_zu_infinitive(word: str) -> bool:
    """``vorzulegen``: an infinitive with ``zu`` inside."""
    from postedit import lemmas

    return lemmas.is_known(word, "de") and _zu_infinitive(
        word, lemmas.lemmatize(word, "de")
    )


def _zu_infinitive(word: str, lemma: str) -> bool:
    """``vorzulegen``, ``abzuwarten``: an infinitive with ``zu`` after its prefix."""
    at = word.find("zu", 1)
    return at > 0 and word[:at] + word[at + 2 :] == lemma


def _german_participle(word: str, lemma: str) -> bool:
    """``produziert``, ``gerechnet``, ``vorgeschoben``: ge- (after a separable prefix) that
    the infinitive does not have, or -iert."""
    if word.endswith("iert"):
        return True
    at = word.find("ge", 0, 7)
    return at >= 0 and word.endswith(("t", "en")) and lemma.find("ge", 0, 7) != at


def german_past(word: str) -> bool:
    """``sagte``, ``teilte``, ``schrieb``: a finite past form, which no imperative has."""
    if german_verb(word) != "finite" or word in _GERMAN_FINITE:
        return False
    return word.endswith(("te", "ten")) or not word.endswith(("t", "st", "en", "e", "n"))
