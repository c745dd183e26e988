"""Block kinds: headline, caption, attribution, boilerplate or body.

Captions and attributions are recognised, not errors: they are short
paragraphs with a photo credit ``(Agency/Photographer)`` or a source note
``(with information from EFE)``. Boilerplate is web chrome pasted into the
article (``Source link``, ``Leave a Comment``); the ``boilerplate`` detector
flags it with a fix that removes the block.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postedit.config import Config
from postedit.detectors import Detector, detector
from postedit.flags import Flag

AGENCIES = (
    r"Reuters|AP|AFP|EFE|dpa|DPA|EPA|ANSA|Xinhua|Getty(?: Images)?|Europa Press|"
    r"Bloomberg|Anadolu|TASS|Sputnik|Shutterstock|iStock|Archivo|Archive|File|Handout"
)
_CREDIT_IN_BRACKETS = re.compile(
    r"\(\s*(?:(?:Photo|Foto|Image|Imagen|Bild|Crédit|Credit|Fuente)\s*:\s*)?"
    r"(?:(?-i:[A-ZÀ-Þ])[^()/]{0,60}/[^()]{1,60}|[^()/]{1,60}/\s*(?:" + AGENCIES + r")"
    r"|(?:" + AGENCIES + r")(?:\s*/[^()]{1,60})?)\s*\)\s*$",
    re.I,
)
_CREDIT_LABEL = re.compile(
    r"(?:^|[.\s])(?:Photo|Foto|Image|Imagen|Bild|Crédit photo|Credit|Fotografía)\s*:\s*\S.{0,60}$",
    re.I,
)
_BARE_CREDIT = re.compile(
    r"(?:^|[.\s])(?:" + AGENCIES + r")\s*/\s*[A-ZÀ-Þ][\w’'.-]+(?:\s+[A-ZÀ-Þa-z][\w’'.-]+){0,3}\s*$"
)
_ARCHIVE_PICTURE = re.compile(
    r"^(?:File (?:photo|image|picture)|Archive (?:photo|image|picture)|Imagen de archivo|"
    r"Foto(?:grafía)? de archivo|Archivbild|Archivfoto|Photo d'archives?)\b",
    re.I,
)
_ATTRIBUTION = re.compile(
    r"^\(?\s*(?:with|con|mit|avec|com)\s+(?:the\s+)?"
    r"(?:information|informaci[oó]n|informaciones|Informationen|informations?|informa[cç][oõ]es|"
    r"reporting|material|agencias|agencies|Agenturen|agences|ag[eê]ncias)"
    r"(?:\s+(?:from|de|von|d'|des|da|of)\b.*)?\)?\s*\.?$",
    re.I,
)
_AGENCY_ONLY = re.compile(r"^\(?\s*(?:" + AGENCIES + r")(?:\s*/\s*\w[\w .]*)?\s*\)?\.?$")
_WITH_AGENCY = re.compile(
    r"^\(?\s*(?:with|con|mit|avec|com)\s+(?:" + AGENCIES + r")"
    r"(?:\s*(?:,|and|y|et|und|e)\s*(?:" + AGENCIES + r"))*\s*\)?\.?$",
    re.I,
)
_SOURCE_LINE = re.compile(
    r"^(?:Sources?|Fuentes?|Quellen?|Fonte|Fonti)\s*:\s*[\w][\w ,./&’'-]{0,60}\.?$", re.I
)
_CREDITS_LINE = re.compile(
    r"^(?:(?:Additional )?Reporting|Writing|Editing|Redacción|Edición)\s+(?:by|por)\s+[^\n]{2,120}$"
)
_BYLINE = re.compile(r"^(?:By|Por|Von|Par|Di)\s+[A-ZÀ-Þ][\w.’'-]+(?:\s+[A-ZÀ-Þ][\w.’'-]+){0,4}$")

BOILERPLATE = tuple(
    re.compile(rf"^(?:{pattern})$", re.I)
    for pattern in (
        # English
        r"source(?: link)?|leave a (?:comment|reply)|share(?: this)?(?: article| story)?|"
        r"read (?:more|also|next)|click here.*|continue reading|related(?: articles| posts| news)?|"
        r"advertisement|sponsored(?: content)?|subscribe.*|sign up.*|follow us.*|"
        r"(?:we use|this (?:site|website) uses) cookies.*|accept(?: all)? cookies|"
        r"comments?|print|email|tweet|like this:|loading\W*|see also|more news|"
        r"(?:all rights reserved|copyright).*|(?:read more|read also|see also|related)\s*:.*|"
        r"(?:last )?updated?\s*:.*|published\s*:.*",
        # Spanish
        r"fuente|enlace (?:de )?(?:la )?fuente|deja(?: un| tu)? comentario|comparte(?: esto)?|"
        r"compartir|leer (?:más|también)|lee también|seguir leyendo|publicidad|"
        r"suscr[ií]bete.*|s[ií]guenos.*|noticias relacionadas|te puede interesar|"
        r"(?:este sitio|utilizamos|usamos) cookies.*|aceptar cookies|comentarios?|"
        r"todos los derechos reservados.*|(?:lee|leer|lea) (?:también|más)\s*:.*|"
        r"(?:última )?actualizaci[oó]n\s*:.*|actualizado\s*:.*|publicado\s*:.*",
        # German
        r"quelle|quellenlink|kommentar (?:hinterlassen|schreiben)|teilen|weiterlesen|"
        r"mehr (?:lesen|dazu)|lesen sie auch|anzeige|werbung|abonnieren.*|folgen sie uns.*|"
        r"(?:wir verwenden|diese (?:seite|website) verwendet) cookies.*|cookies akzeptieren|"
        r"alle rechte vorbehalten.*|(?:lesen sie auch|mehr zum thema)\s*:.*|"
        r"(?:zuletzt )?aktualisiert\s*:.*",
        # French
        r"lien source|laisser un commentaire|laissez un commentaire|partager(?: cet article)?|"
        r"lire (?:la suite|aussi|plus)|à lire aussi|publicité|abonnez-vous.*|suivez-nous.*|"
        r"(?:ce site utilise|nous utilisons) des cookies.*|accepter les cookies|"
        r"tous droits réservés.*|(?:à lire aussi|lire aussi)\s*:.*|"
        r"(?:mis à jour|publié) (?:le|à)\b.*",
    )
)
_ATTRIBUTIONS = (_ATTRIBUTION, _WITH_AGENCY, _AGENCY_ONLY, _SOURCE_LINE, _CREDITS_LINE, _BYLINE)
_BOILERPLATE_MAX_WORDS = 14
_SUBHEADING_MAX_WORDS = 10
_CLOSERS = tuple(".!?:;,…\"”’)»]-")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+\S")
_MARKDOWN_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)\s*$")


def classify_block(text: str, index: int, config: Config) -> str:
    """The kind of the paragraph ``text``, the ``index``-th (0-based) of its article."""
    stripped = text.strip()
    words = len(stripped.split())
    if words <= _BOILERPLATE_MAX_WORDS and is_boilerplate(stripped):
        return "boilerplate"
    if any(pattern.match(stripped) for pattern in _ATTRIBUTIONS):
        return "attribution"
    if words <= config.caption_max_words and is_caption(stripped):
        return "caption"
    if _MARKDOWN_HEADING.match(stripped):
        return "headline"
    if _MARKDOWN_IMAGE.match(stripped):
        return "caption"  # a picture with its alt text
    if index == 0 and words <= config.headline_max_words and "\n" not in stripped:
        if not stripped.endswith((".", "…")) or (stripped.count(". ") == 0 and words <= 20):
            return "headline"
    if words <= _SUBHEADING_MAX_WORDS and "\n" not in stripped and not stripped.endswith(_CLOSERS):
        return "headline"  # a subheading: short, one line, no closing punctuation
    return "body"


def is_boilerplate(text: str) -> bool:
    normal = re.sub(r"[\s\W_]+$", "", re.sub(r"^[\W_]+", "", text)).strip()
    normal = re.sub(r"\s+", " ", normal)
    return bool(normal) and any(pattern.match(normal) for pattern in BOILERPLATE)


def is_caption(text: str) -> bool:
    """A photo caption: a credit at the end (``(EFE/Ana Gil)``, ``Photo: AFP``) or a file picture."""
    return any(
        pattern.search(text)
        for pattern in (_CREDIT_IN_BRACKETS, _CREDIT_LABEL, _BARE_CREDIT, _ARCHIVE_PICTURE)
    )


@detector(
    "boilerplate",
    category="design/markup",
    severity="major",
    description="Web page chrome pasted into the article (Source link, Leave a Comment, Share this:)",
    scope="block",
)
def boilerplate(det: Detector, ctx: object, block) -> Iterator[Flag]:  # type: ignore[no-untyped-def]
    if block.kind == "boilerplate":
        yield det.flag(
            block.start,
            block.end,
            f"“{block.text[:40]}” is web page chrome, not part of the article: remove it",
            "",
        )
