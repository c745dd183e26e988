"""Sentence fragments: text that cannot stand alone as a sentence.

``Which is part of ...`` (starts with a relative pronoun), ``Border with Syria
respectively.`` (short and verbless), ``Agreed.`` (a lone word). Verbs are
recognised by closed lists of auxiliaries, by simplemma's lemmas outside English
(a word whose lemma is an infinitive), and by inflection endings for words the
lemmatiser does not know. All of it errs on the side of seeing a verb: a missed
fragment costs less than a false alarm. Headlines,
captions and attributions are verbless by nature and are not judged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postedit.context import Context
from postedit.detectors import Detector, detector
from postedit.document import Block, Segment
from postedit.flags import Flag
from postedit.lexicon import closed_class, relative_opener, verb_form

_WORD = re.compile(r"[^\W\d_][\w’'-]*")
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
        let bet cast burst""".split()),
    "es": frozenset("es son era fue está están ha han hay dijo dice tiene tienen hace".split()),
    "fr": frozenset("est sont était a ont fait dit va".split()),
    "it": frozenset("è sono era ha hanno fa disse".split()),
    "pt": frozenset("é são era foi tem têm faz disse".split()),
}
# After these an inflected word is a noun ("the months", "of the injured"), not a verb.
_NOUN_MARKERS = {
    "en": frozenset("the a an this these those his its their our my your of in on at for by "
                    "with from into".split()),
    "es": frozenset("el la los las un una unos unas de del en por con para su sus".split()),
    "fr": frozenset("le la les un une des de du au aux en par pour sur son sa ses".split()),
    "it": frozenset("il lo la gli le un una di del della in per su suo sua".split()),
    "pt": frozenset("o a os as um uma de do da em por para seu sua".split()),
}
_RELATIVIZERS = {
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
_JUDGED_KINDS = ("body",)
_LEAD_MAX_CHARS = 40  # "The first," "In 2020,": a lead-in of a few words before the comma
_LIST_MARKER = re.compile(r"\s*(?:[-*+•]|\d{1,3}[.)])\s")


@detector(
    "fragment",
    category="fluency/grammar",
    severity="major",
    description="A sentence fragment that cannot stand alone (Which is part of ..., "
    "Border with Syria respectively.)",
    languages=tuple(_VERB_ENDINGS),
)
def fragment(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    if block.kind not in _JUDGED_KINDS or seg.text.rstrip().endswith(("?", "!", ":")):
        return
    if _LIST_MARKER.match(seg.text):
        return  # list items are often verbless by design
    words = _WORD.findall(seg.text)
    reason = _fragment_reason(words, ctx) or _after_comma_cut(seg.text, ctx.lang)
    if reason:
        yield det.flag(seg.start, seg.end, reason)


def _fragment_reason(words: list[str], ctx: Context) -> str | None:
    if not words:
        return None
    opener = relative_opener(words, ctx.lang)
    if opener:
        return f"starts with “{opener}” and has no main clause: it belongs to the sentence before"
    if len(words) == 1 and not _may_stand_alone(words[0], ctx.lang):
        return f"a lone word, “{words[0]}”, is not a sentence"
    if len(words) <= ctx.config.fragment_max_words and not _has_verb(words, ctx.lang):
        return "a short sentence without a verb: probably a piece of another sentence"
    if _subject_without_predicate(words, ctx.lang):
        return (
            f"“{' '.join(words[:3])} …” is a noun and a relative clause with no main verb: "
            "it belongs to the sentence before"
        )
    return None


def _after_comma_cut(text: str, lang: str) -> str | None:
    """``The first, the commitment that the party had made.``: a short verbless lead-in, a
    comma, then a noun and a relative clause with no main verb."""
    comma = text.find(",", 0, _LEAD_MAX_CHARS)
    if comma < 0:
        return None
    lead, rest = text[:comma], text[comma + 1 :]
    lead_words = _WORD.findall(lead)
    if not 1 <= len(lead_words) <= 4 or _has_verb(lead_words, lang):
        return None
    words = _WORD.findall(rest)
    if not _subject_without_predicate(words, lang):
        return None
    return (
        f"“{' '.join(words[:3])} …” after “{lead.strip()},” is a noun and a relative clause "
        "with no main verb: a piece of another sentence"
    )


def _may_stand_alone(word: str, lang: str) -> bool:
    """Closed-class words, and outside English a finite verb: "Llovió.", "Ganamos."."""
    lower = word.lower()
    return lower in closed_class(lang) or (lang != "en" and bool(verb_form(lower, lang)))


def _subject_without_predicate(words: list[str], lang: str) -> bool:
    """``Something that the Executive ruled out.``: one verb group, inside the relative clause."""
    relativizers = _RELATIVIZERS.get(lang)
    if not relativizers:
        return False
    head = next((i for i, word in enumerate(words[:4]) if word.lower() in relativizers), None)
    if head is None or head == 0 or _has_verb(words[:head], lang):
        return False
    return _verb_groups(words[head + 1 :], lang) == 1


def _verb_groups(words: list[str], lang: str) -> int:
    groups, in_group, previous = 0, False, ""
    adverbs = _GROUP_ADVERBS.get(lang, frozenset())
    for word in words:
        lower = word.lower()
        if _is_verb(lower, previous, lang):
            groups += not in_group
            in_group = True
        elif lower not in adverbs:
            in_group = False
        previous = lower
    return groups


def _has_verb(words: list[str], lang: str) -> bool:
    previous = ""
    for word in words:
        lower = word.lower()
        if _is_verb(lower, previous, lang):
            return True
        previous = lower
    return False


def _is_verb(lower: str, previous: str, lang: str) -> bool:
    if lower in _VERBS.get(lang, frozenset()):
        return True
    after_determiner = previous in _NOUN_MARKERS.get(lang, frozenset()) and not (
        lang == "it" and previous in ("lo", "gli") and not _ITALIAN_LO_NOUN.match(lower)
    )
    morphology = verb_form(lower, lang) if lang != "en" else None
    if morphology is not None:
        # "el estado", "la llegada" are nouns; "las compramos" keeps its person ending
        return morphology and (not after_determiner or lower.endswith(_PERSON_ENDINGS[lang]))
    # "the months", "of the injured": an inflected word after a determiner is a noun
    return (
        len(lower) > 3
        and lower.endswith(_VERB_ENDINGS.get(lang, ()))
        and not after_determiner
        and lower not in _NOT_VERBS.get(lang, frozenset())
    )
