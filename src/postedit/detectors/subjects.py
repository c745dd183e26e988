"""Sentences that lost their subject or their auxiliary in translation.

Spanish, Italian and Portuguese drop the subject pronoun (``Dijo que…``), and
machine translation into English or French often keeps the gap: ``Said that
the talks…``, ``Was elected in 2019.``, ``A déclaré que…``. English questions
and inversions (``Has the minister resigned?``, ``Had he known``) put a subject
right after the verb, so a verb followed by a participle, ``that`` or ``to``
is the sure shape. A subject pronoun before a bare ``-ing`` form (``that he
struggling with the vote``) has lost its ``is``: no English clause reads that way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postedit.context import Context
from postedit.detectors import Detector, detector
from postedit.document import Block, Segment
from postedit.flags import Flag
from postedit.lexicon import zipf

_EN_AUX = re.compile(r"(Is|Are|Was|Were|Has|Have|Had|Will|Would|Could|Should|Must) (not |also |"
                     r"already |now |just |still |never |always )?([a-z]+)\b")
_EN_REPORTED = re.compile(r"(Said|Added|Stressed|Explained|Noted|Insisted|Recalled|Announced|"
                          r"Affirmed|Argued|Claimed|Stated|Declared|Reiterated|Emphasi[sz]ed|"
                          r"Underlined|Specified|Highlighted|Indicated|Acknowledged|Admitted|"
                          r"Confirmed|Denied|Revealed|Maintained|Commented|Replied|Concluded|"
                          r"Pointed out) that\b")
_EN_PARTICIPLES = frozenset("""been being due set likely able expected made said told seen known
    held taken given put cut hit left found won lost met paid sent spent built kept led brought
    bought caught taught thought sought fought shown grown drawn thrown written driven risen
    chosen spoken broken stolen begun run come become done gone to""".split())
_FR_AUX = re.compile(r"(A|Ont|Avait|Avaient|Aura|Auront) ([a-zéèêàâîôûç]+)\b")
_FR_PARTICIPLE = re.compile(r"[a-zéèêàâîôûç]{2,}(?:é|ée|és|ées)")
_FR_IRREGULAR = frozenset("""dit fait pris mis écrit promis permis admis reconnu obtenu tenu
    venu voulu pu dû su vu lu eu reçu répondu entendu perdu vendu rendu attendu ouvert offert
    découvert couvert conduit produit réduit construit atteint craint rejoint choisi fini réussi
    établi saisi averti accueilli suivi servi réagi agi investi élu battu convaincu interrompu
    maintenu retenu soutenu prévu revu paru apparu disparu connu cru vécu""".split())
_FR_NOT_PARTICIPLE = frozenset(("côté",))  # "A côté de": "À côté de" with the accent lost
_MIN_WORDS = 4
_OPENING_QUOTES = tuple("“\"‘'«")


@detector(
    "missing-subject",
    category="accuracy/omission",
    severity="minor",
    description="A sentence that opens with its verb, its subject lost in translation from a "
    "pro-drop language (Said that the talks …, Was elected in 2019., A déclaré que …)",
    languages=("en", "fr"),
)
def missing_subject(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    text = seg.text
    if block.kind != "body" or text.startswith(_OPENING_QUOTES) or not text.endswith("."):
        return
    match = _english_gap(text) if ctx.lang == "en" else _french_gap(text)
    if match is not None and len(text.split()) >= _MIN_WORDS:  # the cheap anchored match first
        yield det.flag(seg.start, seg.start + match.end(),
                       f"“{match.group(0)}”: the sentence has no subject (who?); a pronoun or "
                       "name was probably lost in translation")


def _english_gap(text: str) -> re.Match[str] | None:
    reported = _EN_REPORTED.match(text)
    if reported is not None:
        return reported
    match = _EN_AUX.match(text)
    if match is None:
        return None
    word = match.group(3)
    if match.group(1) in ("Will", "Would", "Could", "Should", "Must"):
        return match if _base_verb(word) else None
    return match if word in _EN_PARTICIPLES or (word.endswith(("ed", "en")) and len(word) > 4) else None


def _base_verb(word: str) -> bool:
    """A frequent word whose past tense is frequent too: a verb (``travel``, ``meet``)."""
    if word in _EN_PARTICIPLES or zipf(word, "en") < 3.0:
        return False
    past = word + "d" if word.endswith("e") else word + "ed"
    return zipf(past, "en") >= 3.0 or word in _IRREGULAR_BASES


_IRREGULAR_BASES = frozenset("""be have meet take give go come make keep hold lead leave send
    spend build bring buy see know seek fight show grow draw write drive rise choose speak
    begin run become do win lose pay tell say find put cut hit""".split())


def _french_gap(text: str) -> re.Match[str] | None:
    match = _FR_AUX.match(text)
    if match is None:
        return None
    word = match.group(2)
    if word in _FR_NOT_PARTICIPLE:
        return None
    return match if word in _FR_IRREGULAR or _FR_PARTICIPLE.fullmatch(word) else None


# A subject pronoun not inside a word, before an -ing form. Each pronoun opens with its first
# letter and checks the character before it after that (``h(?<![\w’']h)e``): a pattern that
# opens with letters is scanned at C speed, one that opens with a look-behind is tried at
# every offset. The same for "that" after a word boundary (``\bthat``).
_ING_SUBJECTS = ("he", "she", "they", "we", "I", "He", "She", "They", "We")
_BARE_ING = re.compile(
    "(" + "|".join(rf"{p[0]}(?<![\w’']{p[0]}){p[1:]}" for p in _ING_SUBJECTS) + r") ([a-z]{3,}ing)\b"
)
_TITLED_ING = re.compile(r"that(?<!\wthat) [“\"]?(?:Mr|Mrs|Ms|Dr)\.? [A-Z][a-z]+ ([a-z]{3,}ing)\b")
# A word before the pronoun that makes it a question or an inversion: "are they going".
_INVERTING = frozenset("""is are was were am be been not isn't aren't wasn't weren't do does did
    will would can could should must have has had so nor neither""".split())
# Not a lost "is": nouns, and the absolute construction ("he being the eldest, ...").
_NOT_LOST_AUX = frozenset("""thing nothing something anything everything king ring bring sing
    spring string swing sting wing ceiling evening morning being having""".split())


@detector(
    "missing-auxiliary",
    category="fluency/grammar",
    severity="minor",
    description="A subject right before a bare -ing form, its is/are lost in translation (that "
    "he struggling with the vote, that Mr. X planning)",
    languages=("en",),
)
def missing_auxiliary(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    text = seg.text
    if "ing" not in text:
        return
    for match in _BARE_ING.finditer(text):
        before = text[: match.start()].split()
        if before and before[-1].lower().strip(",") in _INVERTING or not _verb_ing(match.group(2)):
            continue
        yield _flag(det, seg, match)
    for match in _TITLED_ING.finditer(text):
        if _verb_ing(match.group(1)):
            yield _flag(det, seg, match)


def _flag(det: Detector, seg: Segment, match: re.Match[str]) -> Flag:
    return det.flag(seg.start + match.start(), seg.start + match.end(),
                    f"“{match.group(0)}”: an -ing form needs “is/are/was” after its subject; a "
                    "verb was probably lost in translation")


def _verb_ing(word: str) -> bool:
    """``coping``, ``running``, ``working``: an -ing form of a known verb, not ``thing``."""
    if word in _NOT_LOST_AUX:
        return False
    stem = word[:-3]
    candidates = (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else "")
    return any(c and zipf(c, "en") >= 3.0 for c in candidates)
