"""Block kinds: headline, caption, attribution, boilerplate or body, in en/es/fr/de/it/pt.

Captions and attributions are recognised, not errors: captions carry a photo
credit ``(Agency/Photographer)``, describe the picture in words (``(left)``,
``pictured``, an AP-style closing date) or stand just above a credit line;
attributions are source notes ``(with information from EFE)`` and wire
datelines ``CITY (Reuters) –``. Boilerplate is web chrome pasted into the
article: link lists (``Read also``, ``You may also like``) and the headlines
they introduce, paywall and advertisement lines, breadcrumbs, share bars and
closing author bios. The ``boilerplate`` detector flags it with a fix that
removes the block. Some kinds need the neighbours, so :func:`classify_blocks`
judges a whole article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from postedit.config import Config
from postedit.detectors import Detector, detector
from postedit.flags import Flag

AGENCIES = (
    r"Reuters|AP|AFP|EFE|dpa|DPA|EPA|ANSA|Xinhua|Getty(?: Images)?|Europa Press|"
    r"Bloomberg|Anadolu|TASS|Sputnik|Shutterstock|iStock|Archivo|Archive|File|Handout|"
    r"Adnkronos|AGI|LaPresse|Lusa|APA|KNA|epd|Belga|Notimex|IMAGO|Imago|picture alliance"
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

def _full_lines(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rf"^(?:{pattern})$", re.I) for pattern in patterns)


# Whole lines of web chrome, once edge punctuation is gone ("- Advertisement -").
BOILERPLATE = _full_lines(
    # English
    r"source(?: link)?|leave a (?:comment|reply)|share(?: this)?(?: article| story)?|"
    r"click here.*|continue reading|advertisement|advertising|sponsored(?: content)?|"
    r"subscribe.*|(?:continue|keep) (?:reading )?with (?:a|your) subscription|"
    r"sign (?:up|in).*|log ?in.*|register|premium(?: content| article)?|follow us.*|"
    r"(?:we use|this (?:site|website) uses) cookies.*|accept(?: all)? cookies|"
    r"comments?|print|email|tweet|like this:|loading\W*|more news|trending(?: now)?|"
    r"(?:all rights reserved|copyright).*|(?:last )?updated?\s*:.*|published\s*:.*",
    # Spanish
    r"fuente|enlace (?:de )?(?:la )?fuente|deja(?: un| tu)? comentario|comparte(?: esto)?|"
    r"compartir|seguir leyendo|publicidad|anuncio|suscr[ií]bete.*|s[ií]guenos.*|"
    r"inicia(?:r)? sesi[oó]n|reg[ií]strate|(?:este sitio|utilizamos|usamos) cookies.*|"
    r"aceptar cookies|comentarios?|todos los derechos reservados.*|"
    r"(?:última )?actualizaci[oó]n\s*:.*|actualizado\s*:.*|publicado\s*:.*",
    # German
    r"quelle|quellenlink|kommentar (?:hinterlassen|schreiben)|teilen|weiterlesen|"
    r"jetzt weiterlesen|anzeige|werbung|abonnieren.*|jetzt abonnieren.*|anmelden|einloggen|"
    r"folgen sie uns.*|(?:wir verwenden|diese (?:seite|website) verwendet) cookies.*|"
    r"cookies akzeptieren|alle rechte vorbehalten.*|(?:zuletzt )?aktualisiert\s*:.*",
    # French
    r"lien source|laiss(?:er|ez) un commentaire|partager(?: cet article)?|lire la suite|"
    r"publicité|annonce|abonnez-vous.*|se connecter|connectez-vous.*|suivez-nous.*|"
    r"(?:ce site utilise|nous utilisons) des cookies.*|accepter les cookies|"
    r"tous droits réservés.*|(?:mis à jour|publié) (?:le|à)\b.*",
    # Italian
    r"fonte|link (?:alla )?fonte|lascia un commento|condividi(?: questo articolo)?|"
    r"continua a leggere|pubblicità|annuncio|sponsorizzato|abbonati.*|accedi|iscriviti.*|"
    r"seguici.*|(?:questo sito utilizza|utilizziamo) (?:i )?cookie.*|accetta(?: i)? cookie|"
    r"commenti|tutti i diritti riservati.*|(?:ultimo )?aggiornamento\s*:.*|aggiornato\s*:.*",
    # Portuguese
    r"fonte|link da fonte|deixe (?:um|seu) coment[aá]rio|compartilh(?:e|ar)|partilh(?:e|ar)|"
    r"continue lendo|continuar a ler|publicidade|an[uú]ncio|assine.*|entrar|fa[cç]a login|"
    r"siga-nos.*|(?:este site|utilizamos|usamos) cookies.*|aceitar cookies|coment[aá]rios|"
    r"todos os direitos reservados.*|atualizado\s*(?:em|:).*|publicado\s*(?:em|:).*",
)
# Phrases that introduce links to other articles, alone or before the linked headline.
_LINK_INTRO = (
    r"read (?:more|also|next)|also read|see also|more (?:stories|news|on this)|must read|"
    r"you (?:may|might) also like|(?:also )?recommended(?: for you)?|related(?: articles| posts|"
    r" news| stories| content| coverage)?|most read|don['’]t miss|editor['’]s picks|"
    r"le[ea]r? (?:más|también)|lea también|ver también|(?:también )?te puede interesar|"
    r"(?:también )?(?:te|le) recomendamos|noticias relacionadas|lo más leído|no te lo pierdas|"
    r"de lectura obligada|lectura recomendada|más noticias|"
    r"lesen sie (?:auch|mehr)|siehe auch|mehr zum thema|auch interessant|meistgelesen|"
    r"das könnte sie auch interessieren|empfohlene? artikel|weitere artikel|unbedingt lesen|"
    r"(?:à )?lire (?:aussi|également|plus)|voir aussi|à voir aussi|vous aimerez aussi|"
    r"vous (?:pourriez|aimerez peut-être) aussi aimer|à ne pas manquer|sur le même sujet|"
    r"les plus lus|articles? (?:similaires|liés|recommandés)|"
    r"leggi (?:anche|pure)|vedi anche|(?:ti )?potrebbe (?:anche )?interessar(?:ti|e)|"
    r"articoli correlati|notizie correlate|da non perdere|i più letti|da leggere|"
    r"leia (?:também|mais)|veja também|voc[eê] (?:também )?pode gostar|não perca|"
    r"notícias relacionadas|mais lidas|leitura obrigatória|saiba mais|pode interessar"
)
# First words of the phrases above: a cheap test before the expressions.
_LINK_OPENERS = frozenset(
    """read also see more must you recommended related most don't don’t editor's editor’s lee
    leer lea ver también te le noticias lo no de lectura más lesen siehe mehr auch meistgelesen
    das empfohlen empfohlene weitere unbedingt à lire voir vous sur les articles article leggi
    vedi ti potrebbe articoli notizie da i leia veja você não notícias mais leitura saiba
    pode""".split()
)
_LINK_LINE = re.compile(rf"^(?:{_LINK_INTRO})$", re.I)
# "Read also: Headline", "See also  Headline", "Lire aussi Le gouvernement ..."
_LINK_PREFIX = re.compile(
    rf"^(?:{_LINK_INTRO})(?:\s*[:|»›>–—-]+\s*|\s{{2,}}|\s+(?=(?-i:[A-ZÀ-Þ«“\"])))(?P<title>\S.*)$",
    re.I,
)
# A paywall: free weeks, the app, access to every article, subscribers, premium content.
_PAYWALL = re.compile(
    r"\b(?:(?:read|try|test|lesen|testen|lire|essayer|leer|probar|leggere|provare|ler|"
    r"experimentar|access|zugang|accès|acceso|accesso|acesso)\b.{0,60}"
    r"\b(?:free(?: of charge)?|gratis|kostenlos|gratuit(?:ement)?|gratuito|gratuitamente)\b"
    r".{0,40}\b\d+\s*(?:weeks?|days?|months?|semanas?|días|Wochen|Tage|Monate|semaines?|jours|"
    r"mois|settimane|giorni|mesi|dias|meses)\b|"
    r"in our app|in unserer app|dans notre appli(?:cation)?|en nuestra app|nella nostra app|"
    r"no nosso (?:app|aplicativo)|"
    r"(?:get|gain|unlimited|full) access to (?:this|all|every)\b.{0,30}\barticles?\b|"
    r"already (?:a )?subscriber|bereits abonnent|déjà abonné|ya (?:eres|es) suscriptor|"
    r"già abbonato|já (?:é )?assinante|read on now|"
    r"(?:subscribe|log in|sign in) to (?:read|continue)|"
    r"réservé aux abonnés|solo para suscriptores|nur für abonnenten|exclusivo para assinantes|"
    r"riservato agli abbonati)",
    re.I,
)
# "The rest of the text below the video", "Der Artikel geht unter der Anzeige weiter".
_CONTINUATION = re.compile(
    r"\b(?:rest|sequel|continuation|continues?|continued|follows|resto|continúa|sigue|"
    r"continuación|weiter|fortsetzung|geht|suite|continuer?|prosegue|continua|segue|restante)\b"
    r".{0,40}\b(?:below|after|under|beneath|debajo|después|tras|unter|nach|après|sous|dopo|"
    r"sotto|após|depois|abaixo)(?:\s+(?:de|del|de la|do|da|d[eio]ll?[ao]?|the|this|dem|der|"
    r"la|le|cette|il|o|a|el|este|esta|questa|questo))?\s+(?:videos?|ads?|adverts?|"
    r"advertisements?|advertising|announcement|commercial|vídeos?|anuncios?|publicidad|anzeige|"
    r"werbung|annonce|publicité|vidéo|pubblicità|annuncio|publicidade|anúncio)(?:\s+weiter)?$",
    re.I,
)
_PAYWALL_CUES = (
    "free", "gratis", "kostenlos", "gratuit", " app", "access", "zugang", "accès", "acces",
    "subscri", "abonn", "suscript", "assinante", "abbonat", "read on", "premium", "exclusiv",
    "réservé", "solo para", "nur für", "riservato", "log in", "sign in",
)
_INSERT_WORDS = frozenset(
    """video videos ad ads advert adverts advertisement advertisements advertising announcement
    commercial vídeo vídeos anuncio anuncios publicidad anzeige werbung annonce publicité vidéo
    pubblicità annuncio publicidade anúncio""".split()
)
_PICTURE_CUES = ("pictur", "photo", "imag", "bild", "foto")
_SOCIAL_WORDS = frozenset(
    """facebook twitter x whatsapp telegram linkedin pinterest reddit email e-mail mail print
    copy link share shares compartir comparte compartilhar compartilhe partilhar teilen
    partager condividi on en sur su no auf via in the per por par with""".split()
)
_NETWORKS = frozenset("facebook twitter whatsapp telegram linkedin pinterest reddit".split())
_HOME = r"(?:home|inicio|portada|startseite|accueil|início|news|noticias|nachrichten|actualités)"
_BREADCRUMB = re.compile(
    r"^(?:" + _HOME + r"\s*[|>›»→/]\s*[^|>›»→]{1,30}|"
    r"[^|>›»→.!?]{1,30}(?:\s*[|>›»→]\s*[^|>›»→.!?]{1,30}){2,})$",
    re.I,
)
_BIO = re.compile(
    r"^[A-ZÀ-Þ][\w’'.-]+(?:\s+[A-ZÀ-Þ][\w’'.-]+){1,3}\s+(?:is|es|ist|est|è|é)\s+(?:an?\s+|un[ae]?\s+|ein(?:e)?\s+|um[a]?\s+)?"
    r"(?:(?:senior|chief|political|foreign|staff|freelance|investigative)\s+)?"
    r"(?:reporter|correspondent|journalist|editor|writer|columnist|periodista|corresponsal|"
    r"redactora?|editora?|Redakteurin|Redakteur|Korrespondentin|Korrespondent|Journalistin|"
    r"Journalist|journaliste|correspondante?|rédact(?:eur|rice)|giornalista|corrispondente|"
    r"redattrice|redattore|jornalista|correspondente|repórter)\b,?\s+(?:covering|for|at|"
    r"based|speciali[sz]ing|who covers|who writes|de|en|especializad[oa]|bei|für|im|à|au|"
    r"pour|spécialisée?|per|di|esperto|esperta|do|da|na|em|para|"
    r"(?:and|y|und|et|e) (?:covers|writes|cubre|escribe|schreibt|couvre|écrit|si occupa|"
    r"scrive|cobre|escreve))\b",
)
_SPACES = re.compile(r"\s+")
_ATTRIBUTIONS = (_ATTRIBUTION, _WITH_AGENCY, _AGENCY_ONLY, _SOURCE_LINE, _CREDITS_LINE, _BYLINE)
_BOILERPLATE_MAX_WORDS = 14
_LINK_MAX_WORDS = 30
_BIO_MAX_WORDS = 50
_SUBHEADING_MAX_WORDS = 10
_CLOSERS = tuple(".!?:;,…\"”’)»]-")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+\S")
_MARKDOWN_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)\s*$")

# A wire dateline opening a paragraph: "LOS ANGELES (Reuters) –", "MADRID, 25 Oct. (EFE).-".
DATELINE = re.compile(
    r"^(?:[A-ZÀ-Þ][A-ZÀ-Þ'’.-]+(?:\s+[A-ZÀ-Þ][A-ZÀ-Þ'’.-]+){0,3}|[A-ZÀ-Þ][\wÀ-ÿ'’.-]+)"
    r"(?:,\s*[\wÀ-ÿ. ]{1,25})?\s*\(\s*(?:" + AGENCIES + r"|[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?)\s*\)"
    r"\s*\.?\s*[-–—]+\s*",
)

# Captions that describe the picture: who stands where, "pictured", a credit after the text.
_POSITION = re.compile(
    r"\((?:left|right|centre|center|front|rear|top|bottom|(?:second |third )?from (?:left|right)|"
    r"izquierda|derecha|centro|a la (?:izquierda|derecha)|de izquierda a derecha|"
    r"à gauche|à droite|au centre|de gauche à droite|links|rechts|Mitte|l\.|r\.|v\.l\.n\.r\.|"
    r"a sinistra|a destra|al centro|da sinistra|à esquerda|à direita|ao centro|"
    r"da esquerda para a direita)\)|[A-ZÀ-Þ][\w’'-]+\s\((?:i|d|c|l|r)\)"
)
_PICTURED = re.compile(
    r"\b(?:pictured|photographed|en la (?:imagen|foto(?:grafía)?)|im Bild|auf dem (?:Bild|Foto)|"
    r"sur (?:la|cette) photo|nella foto|nell['’]immagine|in foto|na (?:foto|imagem)|nesta foto)\b",
    re.I,
)
_CAPITAL_CREDIT = re.compile(
    r"[.!?…]\s+(?:(?:(?-i:[A-ZÀ-Þ][A-ZÀ-Þ'’.-]+)\s+){0,3}(?-i:[A-ZÀ-Þ][A-ZÀ-Þ'’.-]+)\s*/\s*"
    r"[\w ./-]{2,40}|(?-i:REUTERS|AFP|EFE|AP|EPA|ANSA|DPA|AGI))\s*$"
)
_VIA_CREDIT = re.compile(
    r"(?:\bvia\s+(?:REUTERS|Reuters|Getty Images|AP|AFP|EPA|ANSA|EFE|dpa|IMAGO)|"
    r"[.!?]\s+(?:Courtesy|Cortesía|Avec l'aimable autorisation|Mit freundlicher Genehmigung|"
    r"Per gentile concessione|Cortesia)\b[^.]{1,80})\s*$"
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|enero|febrero|marzo|abril|mayo|"
    r"junio|julio|agosto|septiembre|octubre|noviembre|diciembre|januar|februar|märz|mai|juni|"
    r"juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|"
    r"novembre|décembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|"
    r"dicembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro)\.?"
)
_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miércoles|jueves|"
    r"viernes|sábado|domingo|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|"
    r"mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunedì|martedì|mercoledì|giovedì|venerdì|"
    r"sabato|domenica|segunda|terça|quarta|quinta|sexta)(?:-feira)?"
)
# AP style: "..., Monday, Nov. 17, 2025." / "..., segunda-feira, 17 de novembro de 2025."
_DATED_CAPTION = re.compile(
    r",\s+" + _WEEKDAY + r",?\s+(?:" + _MONTH + r"\s+\d{1,2},?\s+\d{4}|"
    r"\d{1,2}(?:\.|er|º)?\s+(?:de\s+)?" + _MONTH + r"\s+(?:de\s+)?\d{4})\s*\.?\s*$",
    re.I,
)
# A credit on its own: "(Foto: IMAGO/Political-Moments)", "Photo: AFP", "REUTERS/Ana Gil".
_CREDIT_ONLY = re.compile(
    r"^\(?\s*(?:(?:Photo|Foto|Image|Imagen|Bild|Crédit|Credit|Fotografía)\s*:\s*)?"
    r"[\w .’'&-]{1,40}(?:/[\w .’'&-]{1,40})*\s*\)?$"
)
# A sentence ends at . ! ? before a capital, but not after an ordinal ("9. September").
_SENTENCE_END = re.compile(r"(?<!\b[0-9]\.)(?<!\b[0-9]{2}\.)(?<=[.!?])\s+(?=[A-ZÀ-Þ«“\"])")
_HEADLINE_RUN = 3
_DATE_SUFFIX = re.compile(
    r"(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\.?\s+(?:de\s+)?" + _MONTH + r"\s+(?:de\s+)?\d{4}|"
    + _MONTH + r"\s+\d{1,2},\s+\d{4}|\d{1,2}:\d{2})\s*$",
    re.I,
)
_OUTLET_SUFFIX = re.compile(r"\s(?:[|–—-]|::)\s+\S+(?:\s+\S+){0,3}\s*$")


def classify_blocks(paragraphs: Sequence[str], config: Config) -> list[str]:
    """The kind of each paragraph of an article, judged with its neighbours."""
    kinds = [classify_block(text, index, config) for index, text in enumerate(paragraphs)]
    texts = [text.strip() for text in paragraphs]
    _captions_above_credits(texts, kinds)
    _linked_headlines(texts, kinds)
    _headline_runs(texts, kinds)
    _closing_bios(texts, kinds)
    return kinds


def classify_block(text: str, index: int, config: Config) -> str:
    """The kind of the paragraph ``text``, the ``index``-th (0-based), judged on its own."""
    stripped = text.strip()
    words = len(stripped.split())
    if is_boilerplate(stripped):
        return "boilerplate"
    if any(pattern.match(stripped) for pattern in _ATTRIBUTIONS):
        return "attribution"
    if DATELINE.match(stripped) and DATELINE.sub("", stripped) == "":
        return "attribution"  # a dateline standing alone
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


def dateline_end(text: str) -> int:
    """Length of the wire dateline opening ``text`` (``PARIS (AFP) - ``), 0 when there is none."""
    match = DATELINE.match(text)
    return match.end() if match else 0


def _strip_non_words(text: str) -> str:
    r"""``text`` without the punctuation, symbols and spaces at either end.

    A loop rather than ``re.sub(r"[\W_]+$")``, which backtracks quadratically
    on a long run of punctuation or spaces that a word follows.
    """
    start, end = 0, len(text)
    while start < end and not _is_word_char(text[start]):
        start += 1
    while end > start and not _is_word_char(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_word_char(char: str) -> bool:
    return char.isalnum()


def is_boilerplate(text: str) -> bool:
    """Web chrome: a line of a known family, a link to another article, a paywall, an ad slot."""
    if len(text.split()) > _LINK_MAX_WORDS:
        return False
    normal = _SPACES.sub(" ", _strip_non_words(text))
    if not normal:
        return False
    if len(normal.split()) <= _BOILERPLATE_MAX_WORDS and (
        any(pattern.match(normal) for pattern in BOILERPLATE)
        or (_opens_with_link_phrase(normal) and _LINK_LINE.match(normal))
        or _is_continuation(normal)
        or _is_share_bar(normal)
        or _BREADCRUMB.match(normal)
    ):
        return True
    return _is_paywall(normal) or _is_link(text.strip())


def _is_paywall(text: str) -> bool:
    lower = text.lower()
    if any(mark in text for mark in "“”\"«»"):
        return False  # someone speaking, not a paywall
    return any(cue in lower for cue in _PAYWALL_CUES) and bool(_PAYWALL.search(text))


def _opens_with_link_phrase(text: str) -> bool:
    first = text.split(None, 1)[0].lower() if text else ""
    return first in _LINK_OPENERS


def _is_link(text: str) -> bool:
    text = re.sub(r"^[\W_]+", "", text)
    if not _opens_with_link_phrase(text):
        return False
    match = _LINK_PREFIX.match(text)
    if not match:
        return False
    title = match.group("title")
    separated = match.start("title") > 0 and not text[match.start("title") - 1].isalpha()
    return separated or not title.rstrip().endswith(".")


def _is_continuation(text: str) -> bool:
    return bool(_INSERT_WORDS.intersection(re.findall(r"\w+", text.lower()))) and bool(
        _CONTINUATION.search(text)
    )


def _is_share_bar(text: str) -> bool:
    words = re.findall(r"[\w-]+", text.lower())
    return bool(words) and set(words) <= _SOCIAL_WORDS and bool(
        _NETWORKS & set(words) or words[0] in ("share", "compartir", "teilen", "partager",
                                               "condividi", "compartilhar", "compartilhe")
    )


def is_caption(text: str) -> bool:
    """A photo caption: a credit (``(EFE/Ana Gil)``, ``... Baerbock. DAVID GANNON / AFP``),
    a file picture, or a description of who is where (``(left)``, ``pictured``, an AP date)."""
    credits = [_ARCHIVE_PICTURE]
    if ":" in text:
        credits.append(_CREDIT_LABEL)
    if "/" in text:
        credits.append(_BARE_CREDIT)
    if "/" in text or text.rstrip()[-1:].isupper():
        credits.append(_CAPITAL_CREDIT)
    if "(" in text:
        credits.append(_CREDIT_IN_BRACKETS)
    if "via " in text or "Cort" in text or "Court" in text or "aimable" in text or "gentile" in text:
        credits.append(_VIA_CREDIT)
    if any(pattern.search(text) for pattern in credits):
        return True
    first, *rest = _SENTENCE_END.split(text, maxsplit=1)
    if first.rstrip(" .")[-4:].isdigit() and "\n" not in first and _DATED_CAPTION.search(first):
        return True  # the caption may run on into the article's next sentence
    if rest or "\n" in text:
        return False
    lower = text.lower()
    return ("(" in text and bool(_POSITION.search(text))) or (
        any(cue in lower for cue in _PICTURE_CUES) and bool(_PICTURED.search(text))
    )


def _headline_like(text: str, kind: str) -> bool:
    """Short, one line, capitalised, no closing full stop: a headline or a link to one."""
    words = len(text.split())
    return (
        kind in ("headline", "body")
        and 2 <= words <= 16
        and "\n" not in text
        and text[:1].isupper()
        and not text.endswith((".", ",", ";", ":", "”", "\"", "»"))
        and not _MARKDOWN_HEADING.match(text)
    )


def _captions_above_credits(texts: list[str], kinds: list[str]) -> None:
    """A one-sentence paragraph just above a credit line is that picture's caption."""
    for i in range(1, len(texts) - 1):
        below = texts[i + 1]
        if kinds[i + 1] == "caption" and _CREDIT_ONLY.match(below) and ("/" in below or ":" in below):
            text = texts[i]
            if kinds[i] in ("body", "headline") and len(text.split()) <= 40 and "\n" not in text:
                if not re.search(r"[.!?]\s+[A-ZÀ-Þ]", text):
                    kinds[i] = "caption"


def _linked_headlines(texts: list[str], kinds: list[str]) -> None:
    """Headline-like lines right after ``Read also`` or ``continues after the ad`` are links."""
    linking = False  # inside a list of links that a marker introduced
    for i in range(1, len(texts)):
        if kinds[i - 1] == "boilerplate" and not linking:
            previous = _strip_non_words(texts[i - 1])
            linking = bool(
                _LINK_LINE.match(previous) or _is_continuation(previous) or _is_link(texts[i - 1])
            )
        linking = linking and _headline_like(texts[i], kinds[i])
        if linking:
            kinds[i] = "boilerplate"


def _headline_runs(texts: list[str], kinds: list[str]) -> None:
    """Related headlines pasted into the body: several in a row, or dated, between body text."""
    first_body = next((i for i, kind in enumerate(kinds) if kind == "body"), len(kinds))
    i = first_body + 1
    while i < len(texts):
        j = i
        while j < len(texts) and _headline_like(texts[j], kinds[j]):
            j += 1
        run = range(i, j)
        marked = [k for k in run if _dated(texts[k]) or _OUTLET_SUFFIX.search(texts[k])]
        dated = [k for k in run if _dated(texts[k]) and ":" not in texts[k][-6:]]
        titles = all(kinds[k] == "headline" for k in run)
        if (len(run) >= _HEADLINE_RUN and (marked or titles)) or (
            len(run) >= 2 and len(marked) == len(run)
        ):
            for k in run:
                kinds[k] = "boilerplate"
        else:
            for k in dated:
                kinds[k] = "boilerplate"
        i = j + 1


def _dated(text: str) -> bool:
    return text[-1:].isdigit() and bool(_DATE_SUFFIX.search(text))


def _closing_bios(texts: list[str], kinds: list[str]) -> None:
    """``Ana Gil is a reporter covering ...`` in the last paragraphs is an author bio."""
    for i in range(max(1, len(texts) - 2), len(texts)):
        if kinds[i] == "body" and len(texts[i].split()) <= _BIO_MAX_WORDS and _BIO.match(texts[i]):
            kinds[i] = "boilerplate"


@detector(
    "boilerplate",
    category="design/markup",
    severity="major",
    description="Web page chrome pasted into the article: link lists (Read also, You may also like) "
    "and the headlines they introduce, paywall and ad lines, breadcrumbs, share bars, closing "
    "author bios, Source link, Leave a Comment",
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
