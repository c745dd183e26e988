"""Literal phrases: idioms and verb constructions translated word for word.

Machine translation carries the source language's idiom or its verb and
preposition over unchanged: ``every time more`` (Spanish "cada vez más"),
``the meeting had place`` ("tuvo lugar"), ``depends of`` ("depende de"),
``wanted that he resign`` ("quería que"), ``in this live`` (French "ce live");
into Spanish ``tomó lugar`` (English "took place"), into French ``faire du
sens`` ("make sense"). Each pattern is a shape the target language's own
writers do not use, so a hit asks for a check (minor). The older English list
of calques (``he has 45 years``) lives in :mod:`postedit.detectors.calques`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import compress
from re import _constants, _parser  # type: ignore[attr-defined]

from postedit.context import Context
from postedit.detectors import Detector, detector
from postedit.document import Block, Segment
from postedit.flags import Flag

_SUBJECT = r"(?:he|she|they|we|the|his|her|their|its|our|these)"
_ADJ_ER = (r"(?:big|small|large|long|old|young|high|low|strong|fast|rich|poor|cheap|hard|short"
           r"|tall|great|near|easy|quick|slow|weak|safe)")

# (pattern, explanation) per language; every pattern is case-insensitive unless it says so.
PHRASES: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        (r"\b(?:every|each) time more\b", "“every time more” (Spanish “cada vez más”): English "
         "says “increasingly”, “more and more”"),
        (r"\bsince (?:a long time|always|ever)\b(?! since)", "“since a long time / since always” "
         "(French “depuis longtemps / depuis toujours”): English says “for a long time”, "
         "“always”"),
        (r"\bin a (?:first|second) time\b", "“in a first time” (French “dans un premier "
         "temps”): English says “at first”, “initially”"),
        (r"\b(?:has|had|have|having|will have|would have) place (?:in|on|at|this|last|next|"
         r"yesterday|today)\b", "“had place” (Spanish “tener lugar”): English says “took "
         "place”"),
        (r"\b(?:make|makes|making) part of\b", "“makes part of” (Spanish/Portuguese “hacer "
         "parte de”, French “faire partie de”): English says “is part of”"),
        (r"\bpronounc(?:e|es|ed|ing) (?:a|his|her|their|the) speech\b", "“pronounced a speech” "
         "(Spanish “pronunciar un discurso”): English says “gave a speech”"),
        (r"\bcelebrat(?:e|es|ed|ing) (?:elections|a (?:meeting|session|summit|referendum|"
         r"congress|hearing|plenary))\b", "“celebrate a meeting / elections” (Spanish "
         "“celebrar”): English says “hold”"),
        (r"\brealiz(?:e|es|ed|ing) (?:a|an) (?:study|survey|investigation|operation|visit|"
         r"inspection|analysis|raid|census|interview|trip|test)\b", "“realized a study” "
         "(Spanish “realizar”): English says “carried out”, “made”"),
        (r"\b(?:want|wants|wanted|wanting) that " + _SUBJECT + r"\b(?! (?:is|was|are|were)\b)",
         "“wanted that he …” (Spanish “quería que”, French “voulait que”): English says "
         "“wanted him to …”"),
        (r"\b(?:avoid|avoids|avoided|avoiding|prevent|prevents|prevented|preventing) that (?:the|"
         r"he|she|they|we|it|this|these) [a-z]+ (?:be|is|are|was|were|will|would|can|could|"
         r"[a-z]+(?:s|ed))\b", "“avoid that the …” (Spanish “evitar que”, French “éviter "
         "que”): English says “prevent … from”, “avoid …ing”"),
        (r"(?<!for )\bthe most part of\b", "“the most part of” (Spanish “la mayor parte de”): "
         "English says “most of”"),
        (r"\ba same (?=[a-z])", "“a same” (French “un même”): English says “the same”"),
        (r"\bmore " + _ADJ_ER + r" than\b", "“more big than” (Romance “más grande que”): "
         "English says “bigger than”"),
        (r"\bin what (?:concerns|regards)\b", "“in what concerns” (French “en ce qui concerne”): "
         "English says “as for”, “regarding”"),
        (r"\b(?:it|there) (?:is|was) question of\b", "“it is question of” (French “il est "
         "question de”): English says “it is a question of”, “there is talk of”"),
        (r"\bwithout embargo\b", "“without embargo” (Spanish “sin embargo”): English says "
         "“however”"),
        (r"\bdepend(?:s|ed|ing)? of\b", "“depends of” (Romance “depende de”): English says "
         "“depends on”"),
        (r"\bparticipat(?:e|es|ed|ing) to\b(?! (?:a|the) (?:degree|extent)\b)",
         "“participate to” (French “participer à”): English says “take part in”"),
        (r"\bresponsible of\b", "“responsible of” (Romance “responsable de”): English says "
         "“responsible for”"),
        (r"\bcapable to\b", "“capable to” (French “capable de”): English says “capable of”, "
         "“able to”"),
        (r"\bdiscuss(?:es|ed|ing)? about\b", "“discussed about” (Romance “discutir sobre”): "
         "English discusses something"),
        (r"\baccording with\b", "“according with” (Spanish “de acuerdo con”): English says "
         "“according to”, “in line with”"),
        (r"\bin base (?:to|of)\b", "“in base to” (Spanish “en base a”): English says “based "
         "on”"),
        (r"\bexplain(?:s|ed|ing)? (?:him|them|us|me) (?:that|how|why|what|the)\b",
         "“explained him that” (Romance “le explicó que”): English says “explained to him "
         "that”"),
        (r"\b(?:say|says|said) (?:him|them|us|me) that\b", "“said him that” (Romance “le dijo "
         "que”): English says “told him that”"),
        (r"\b(?:lacks|lacked|lacking) of\b", "“lacking of” (French “manquer de”): English says "
         "“lacking”, “short of”"),
        (r"\bat the end of the accounts\b", "“at the end of the accounts” (Spanish “al fin y al "
         "cabo”, French “au bout du compte”): English says “after all”, “in the end”"),
        (r"\bin the next (?:days|weeks|months)\b", "“in the next days” (Romance “en los próximos "
         "días”): English says “in the coming days”"),
        (r"\b(?:this|our) live(?= (?:dedicated|devoted|about|on|of|from)\b|[,.;])",
         "“this live” (French “ce live”, a live blog): English says “this live blog”, “this "
         "live coverage”"),
    ),
    "fr": (
        (r"\b(?:faire|fait|font|faisait|fera) du sens\b", "« faire du sens » (anglais « make "
         "sense ») : en français « avoir du sens »"),
        (r"\b(?:prendre|prend|prennent|pris|prenait|prendra) action\b", "« prendre action » "
         "(anglais « take action ») : en français « agir »"),
        (r"\bsous l['’]impression que\b", "« sous l'impression que » (anglais « under the "
         "impression ») : en français « avoir l'impression que »"),
        (r"\badress(?:er|é|e|ent|ait) (?:le|la|les|ce|cette|ces) (?:problèmes?|questions?|"
         r"défis?|enjeux|préoccupations?)\b", "« adresser le problème » (anglais « address ») : "
         "en français « traiter », « s'attaquer à »"),
        (r"\b(?:a|ont|avait|avaient) (?:appelé|qualifié) (?:l['’]|le |la |les |son |sa |ses )"
         r"[\wéèêàâîôûç-]+(?: [\wéèêàâîôûç-]+)? [\wéèêàâîôûç]+(?:ables?|ibles?|ifs?|ives?|eux|"
         r"euses?)(?=[.,;:!?]|$)", "« a appelé l'armée incapable » (anglais « called … "
         "incapable », russe « назвал ») : en français « a qualifié l'armée d'incapable »"),
    ),
    "es": (
        (r"\b(?:hacer|hace|hacen|hacía|hizo|hará) sentido\b", "«hacer sentido» (inglés «make "
         "sense»): en español «tener sentido»"),
        (r"\b(?:tomar|toma|toman|tomó|tomaron|tomará|tomarán|tomaba|tomado) lugar\b", "«tomar "
         "lugar» (inglés «take place»): en español «tener lugar», «celebrarse»"),
        (r"\b(?:aplicar|aplica|aplican|aplicó|aplicaron) para (?:un|una|el|la) (?:trabajo|empleo|"
         r"puesto|visa|visado|beca|asilo|préstamo|crédito|ciudadanía|residencia)\b",
         "«aplicar para un empleo» (inglés «apply for»): en español «solicitar»"),
        (r"\b(?:está|están|estaba|estaban|estoy|estamos) supuest[oa]s? a\b", "«está supuesto "
         "a» (inglés «is supposed to»): en español «se supone que», «debería»"),
        (r"\ben adición a\b", "«en adición a» (inglés «in addition to»): en español «además "
         "de»"),
        (r"\b(?:hacer|hizo|hace|hacen|harán?) una decisión\b", "«hacer una decisión» (inglés "
         "«make a decision»): en español «tomar una decisión»"),
    ),
    "it": (
        (r"\b(?:applicare|applica|applicano|applicato) per (?:un|una|il|la) (?:lavoro|impiego|"
         r"posto|visto|borsa|asilo|prestito|cittadinanza)\b", "«applicare per un lavoro» (inglese "
         "«apply for»): in italiano «candidarsi», «fare domanda»"),
        (r"\bin addizione a\b", "«in addizione a» (inglese «in addition to»): in italiano «oltre "
         "a»"),
        (r"\b(?:fare|fa|fanno|fatto|fece|farà) una decisione\b", "«fare una decisione» (inglese "
         "«make a decision»): in italiano «prendere una decisione»"),
        (r"\b(?:è|sono|era|erano) suppost[oaie] (?:a|di)\b", "«è supposto a» (inglese «is "
         "supposed to»): in italiano «dovrebbe»"),
    ),
    "pt": (
        (r"\bem adição a\b", "«em adição a» (inglês «in addition to»): em português «além de»"),
        (r"\b(?:fazer|fez|faz|fazem|fará) uma decisão\b", "«fazer uma decisão» (inglês «make a "
         "decision»): em português «tomar uma decisão»"),
        (r"\b(?:aplicar|aplica|aplicou|aplicaram) para (?:um|uma|o|a) (?:emprego|trabalho|vaga|"
         r"visto|bolsa|asilo|empréstimo|cidadania)\b", "«aplicar para um emprego» (inglês "
         "«apply for»): em português «candidatar-se a»"),
    ),
}


def _needs(pattern: str) -> tuple[str, list[tuple[str, ...]]]:
    """What every match of ``pattern`` contains, in lower case: the longest run of plain
    characters (``" time more"`` for ``(?:every|each) time more``), and the other runs and
    alternations of words, each as the strings one of which is there (``("avoid", "prevent")``
    for ``(?:avoid|avoided|prevent|prevents) that``). Substring tests that spare most sentences
    the search itself: the first in C for every sentence, the rest where it is found."""
    runs: list[str] = []
    choices: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, arg in _parser.parse(pattern, re.IGNORECASE):
        if op is _constants.LITERAL:
            run.append(chr(arg))
            continue
        runs, run = [*runs, "".join(run).lower()], []
        if op is _constants.BRANCH:
            choices.append(_fewest({_opening(branch) for branch in arg[1]}))
    runs.append("".join(run).lower())
    key = max(runs, key=len)
    rest = [(r,) for r in runs if r not in key] + choices
    return key, [one_of for one_of in rest if min(map(len, one_of)) > 1]


def _opening(branch: list) -> str:
    """The plain characters an alternative opens with (``""`` when it opens otherwise)."""
    run = []
    for op, arg in branch:
        if op is not _constants.LITERAL:
            break
        run.append(chr(arg))
    return "".join(run).lower()


def _fewest(openings: set[str]) -> tuple[str, ...]:
    """``openings`` less those that contain another (``avoid`` stands for ``avoids``)."""
    return tuple(sorted(o for o in openings if not any(p != o and p in o for p in openings)))


_Phrase = tuple[tuple[tuple[str, ...], ...], tuple[re.Pattern[str], str]]


@cache
def _phrases(lang: str) -> tuple[tuple[str, ...], tuple[_Phrase, ...]]:
    """The keys of ``lang``'s phrases, and per phrase what else it needs, its pattern and its
    explanation. Built when a sentence of ``lang`` is first checked: compiling and parsing
    every language's patterns at import cost each run 12 ms, most of it for languages the
    article is not in."""
    needs = [_needs(pattern) for pattern, _ in PHRASES[lang]]
    keyed = tuple(
        (tuple(rest), (re.compile(pattern, re.IGNORECASE), why))
        for (_, rest), (pattern, why) in zip(needs, PHRASES[lang], strict=True)
    )
    return tuple(key for key, _ in needs), keyed


@detector(
    "literal-phrase",
    category="accuracy/mistranslation",
    severity="minor",
    description="An idiom or verb construction translated word for word (every time more, had "
    "place in, depends of, wanted that he, this live; es tomó lugar, fr faire du sens, it fare "
    "una decisione)",
    languages=tuple(PHRASES),
)
def literal_phrase(det: Detector, ctx: Context, block: Block, seg: Segment) -> Iterator[Flag]:
    text = seg.text
    lower = text.lower()
    # map and compress test every key in C, where a loop with a test a key cost a sentence 10 µs
    keys, keyed = _phrases(ctx.lang)
    for needed, (pattern, why) in compress(keyed, map(lower.__contains__, keys)):
        if needed and not all(any(map(lower.__contains__, one_of)) for one_of in needed):
            continue
        for match in pattern.finditer(text):
            yield det.flag(seg.start + match.start(), seg.start + match.end(),
                           f"“{match.group(0)}”: {why}")

