"""Word lists for the capitalisation checks: what a language never capitalises mid-sentence.

The shared closed-class lists (lexicon.closed_class) lack German and the Romance
contractions; these lists add them, and say which small words may still begin a
name (``Di Maio``, ``Al Jazeera``, ``Die Linke``) and which never do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from postedit.detectors import article_facts
from postedit.lexicon import closed_class

# German articles, prepositions, pronouns, conjunctions and auxiliaries: never capitalised
# inside a sentence. The formal "Sie", "Ihr", "Ihnen" are left out on purpose.
GERMAN_CLOSED = frozenset(
    """der die das den dem des ein eine einen einem einer eines kein keine keinen keinem
    in im an am auf aus bei beim mit nach von vom zu zum zur für über unter vor hinter neben
    zwischen durch gegen ohne um seit bis ab gegenüber trotz während wegen
    und oder aber sondern denn dass weil als wenn ob wie doch
    er es wir ich man sich sein seine seinen seinem seiner ihm ihn uns
    ist sind war waren hat haben hatte hatten wird werden wurde wurden kann können
    soll sollen muss müssen will wollen konnte sollte nicht auch noch schon nur sehr""".split()
)
# Names and titles that begin with a German article: mid-sentence capital is right there.
GERMAN_ARTICLE_NAMES = frozenset(
    """die linke|die grünen|der spiegel|die zeit|die welt|das erste|der standard|die presse
    |der tagesspiegel|die partei|der freitag|die tageszeitung|der stern|die toten""".replace(
        "\n", ""
    ).split("|")
)
# Contractions and short words the shared lists lack.
EXTRA_CLOSED = {
    "pt": frozenset("ele ela do da dos das no na nos nas num numa ao aos às pelo pela".split()),
    "es": frozenset("él".split()),
    "fr": frozenset("il elle".split()),
    "it": frozenset("egli esso essa i nel nella nei negli nelle dal dalla sul sulla".split()),
}
# Prepositions, contractions and conjunctions that never begin a name or a title in the
# language, so a capital stays wrong even right before another capital (Banco Do Porto).
NEVER_NAME_START = {
    "pt": frozenset("em no na nos nas num numa do ao aos à às pelo pela com para por e ou "
                    "mas sem".split()),
    "es": frozenset("en con por para y pero sin sobre entre hacia desde hasta según".split()),
    "fr": frozenset("au aux à dans pour avec par sur sous et ou mais chez vers du".split()),
    "it": frozenset("nel nella nei negli nelle con per e ma tra fra sul sulla sui".split()),
}
# Nouns that label a letter (vitamin A, Serie A, Plan B): a capital letter after them is fine.
LETTER_LABELS = frozenset(
    """vitamin vitamina vitamine type tipo class classe clase plan plano piano grade group grupo
    gruppo groupe category categoria categoría catégorie serie série series section sección
    secção sezione letter letra lettera lettre option opción opção opzione model modelo modello
    modèle level nivel nível livello niveau terminal gate porta zone zona point punto ponto
    hepatitis hepatite epatite hépatite""".split()
)
# Titles that Romance languages write in lower case before a verb (``Stock Colonel a
# rappelé``); before a name (``le Président Macron``) house styles differ, so not judged.
TITLE_NOUNS = frozenset(
    """colonel général ministre président capitaine sergent juge maire préfet coronel
    general ministro ministra presidente presidenta capitán alcalde juez colonnello generale
    sindaco prefetto giudice capitano comandante prefeito juiz capitão secretário""".split()
)
# Words that form one title with the next (``Premier Ministre``): style varies there.
TITLE_PREFIXES = frozenset("premier première vice primo prima primeiro primeira".split())
# Finite auxiliaries and reporting verbs: the verb of a clause that has just begun.
AUXILIARIES = {
    "en": frozenset("said says is are was were has have had will would could can may might must "
                    "should did does told added warned".split()),
    "fr": frozenset("a ont est sont était avait".split()),
    "es": frozenset("ha han es son fue era está".split()),
    "it": frozenset("ha hanno è sono era fu".split()),
    "pt": frozenset("é são foi era tem têm está".split()),
}
# Surname particles: a capital one may begin a surname (Di Maio, De Luca), so mid-sentence
# it is judged only when the article writes the same phrase with it in lower case.
SURNAME_PARTICLES = frozenset("de di del della da dos das du des van von la le lo".split())


@lru_cache(maxsize=16)
def closed_words(lang: str) -> frozenset[str]:
    """The shared closed-class list plus this module's additions for ``lang``."""
    if lang == "de":
        return GERMAN_CLOSED
    return closed_class(lang) | EXTRA_CLOSED.get(lang, frozenset())


_SINGLE_LETTER_CLOSED = {
    "en": frozenset("a"),
    "pt": frozenset("oaeà"),
    "es": frozenset("yoaeu"),
    "it": frozenset("ieoa"),
    "fr": frozenset("à"),
}


def single_letter_closed(lang: str) -> frozenset[str]:
    """One-letter closed-class words: articles and conjunctions (``O acordo``, ``I contratti``)."""
    return _SINGLE_LETTER_CLOSED.get(lang, frozenset())


# The capital first and the look-behind after it: a scan for a character class skips to
# the capitals, one that opens with a look-behind tries every offset (the same matches).
_WORD = re.compile(r"([A-ZÄÖÜ](?<![\w’'-].)[a-zäöüß]+)(?![\w’'-])")
_NEXT_WORD = re.compile(r"\s+([^\W\d_][\w’'-]*)")
_RESTART = ":;“\"‘([«»„—–-•*#>|.!?…"


def german_capitals(text: str, article: str) -> Iterator[tuple[int, str]]:
    """Capitalised German function words inside a sentence (``stellte Den Fernverkehr``).

    German capitalises every noun, so only articles, prepositions, pronouns, conjunctions
    and auxiliaries are judged; names that begin with an article (``Die Linke``), or a pair
    the article writes capitalised twice, are left alone.
    """
    for match in _WORD.finditer(text):
        word = match.group(1)
        if word.lower() not in GERMAN_CLOSED:
            continue  # a noun or a name (most capitals): no text before it to look at
        before = text[: match.start()].rstrip()
        if not before or _german_restart(before):
            continue
        following = _NEXT_WORD.match(text, match.end())
        after = following.group(1) if following else ""
        if f"{word.lower()} {after.lower()}" in GERMAN_ARTICLE_NAMES:
            continue
        if after[:1].isupper() and article_facts.count(article, f"{word} {after}") >= 2:
            continue  # the article's own spelling of a name
        if word in ("Von", "Vom", "Zu") and after in ("der", "dem", "den"):
            continue  # "Von der Leyen"
        yield match.start(), word


def _german_restart(before: str) -> bool:
    """A sentence may start here; a closing “ after a word (``„zu viele Luftbuchungen“ Der``)
    is no sentence end, since German opens quotes with „."""
    if before.endswith("“") and before.rfind("„") > before.rfind("“", 0, len(before) - 1):
        return not before[-2:-1].isalpha()
    return before[-1] in _RESTART
