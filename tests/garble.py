"""Seeded garble generator: damages clean news text the way MT republishing sites do.

Each garble type is a small function ``(site, rng) -> Damage | None``: it looks at one
sentence (with its paragraph and what the document knows) and returns the damaged text
and the span of the damage in it, or None when it does not apply there. ``garble_texts``
injects every type ``per_type`` times per language into copies of the clean articles,
one garble per injected sentence, and records where each one landed in the final text.
Benches import this module by putting ``tests/`` on ``sys.path``.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from postedit.document import paragraph_spans
from postedit.lexicon import verb_form
from postedit.segmenter import split_sentences

ROOT = Path(__file__).resolve().parents[1]
CLEAN_DIR = ROOT / "fixtures" / "clean"
LANGS = ("en", "es", "fr", "de", "it", "pt")

# Short closed-class words: glued to a neighbour (ofthe, dela) or capitalised after a merge.
FUNCTION_WORDS = {
    "en": "the a an of and but that in on to for with at by from as is was his her its three".split(),
    "es": "el la los las de del y que en con por para un una se su sus al tres".split(),
    "fr": "le la les de des du et que en dans pour par sur un une au aux son sa ses trois".split(),
    "de": "der die das den dem des und in im mit von vom zu zum für auf ein eine am drei".split(),
    "it": "il lo la i gli le di del della e che in nel nella per con un una al alla tre".split(),
    "pt": "o a os as de do da dos das e que em no na com por para um uma ao à três".split(),
}
RELATIVES = {
    "en": "which who where when whose".split(),
    "es": "que quien donde cuando cuyo".split() + ["lo que", "la cual", "el cual"],
    "fr": "qui dont où".split() + ["ce qui", "lequel"],
    "de": "der die das dem den deren dessen wo als".split(),
    "it": "che dove cui".split() + ["il quale", "la quale"],
    "pt": "que onde quando".split() + ["o qual", "a qual"],
}
PREPOSITIONS = {
    "en": "in on at near after before from during since outside".split(),
    "es": "en desde tras durante con hasta ante".split(),
    "fr": "à en dans avec depuis après devant lors".split(),
    "de": "in im nach mit vor bei seit am".split(),
    "it": "a in nel nella con dopo per dal dalla".split(),
    "pt": "em no na com após desde durante".split(),
}
BOILERPLATE = {
    "en": ["Source link", "Read more", "Must read", "You may also like", "Leave a comment"],
    "es": ["Enlace de la fuente", "Leer más", "Te puede interesar", "Deja un comentario",
           "Lo más leído"],
    "fr": ["Lien source", "Lire aussi", "À lire absolument", "Vous aimerez aussi",
           "Laisser un commentaire"],
    "de": ["Quellenlink", "Mehr lesen", "Das könnte Sie auch interessieren",
           "Kommentar hinterlassen", "Unbedingt lesen"],
    "it": ["Link alla fonte", "Leggi anche", "Da non perdere", "Potrebbe interessarti anche",
           "Lascia un commento"],
    "pt": ["Link da fonte", "Leia mais", "Leitura obrigatória", "Você também pode gostar",
           "Deixe um comentário"],
}
RELATED_HEADLINES = {
    "en": ["Ten things to know before the vote", "Police name suspect in depot fire",
           "Airport strike called off at last minute", "Why rents keep rising in the capital",
           "Star midfielder signs new three-year deal"],
    "es": ["Diez claves para entender la votación", "Detenido un hombre por el incendio del puerto",
           "Desconvocada la huelga de los controladores", "Por qué no dejan de subir los alquileres",
           "El capitán renueva hasta 2027"],
    "fr": ["Dix choses à savoir avant le scrutin", "Incendie du dépôt : un suspect interpellé",
           "La grève des contrôleurs aériens levée", "Pourquoi les loyers continuent de grimper",
           "Le capitaine prolonge jusqu'en 2027"],
    "de": ["Zehn Dinge, die Sie vor der Wahl wissen müssen", "Brand im Depot: Polizei nennt Verdächtigen",
           "Streik am Flughafen in letzter Minute abgesagt", "Warum die Mieten in der Hauptstadt steigen",
           "Kapitän verlängert bis 2027"],
    "it": ["Dieci cose da sapere prima del voto", "Incendio al deposito, fermato un sospettato",
           "Revocato lo sciopero dei controllori di volo", "Perché gli affitti continuano a salire",
           "Il capitano rinnova fino al 2027"],
    "pt": ["Dez coisas a saber antes da votação", "Incêndio no armazém: detido um suspeito",
           "Greve no aeroporto desconvocada à última hora", "Porque é que as rendas não param de subir",
           "Capitão renova até 2027"],
}
DATELINE_CITIES = {
    "en": ["Washington", "London", "Wellmouth", "Brussels"],
    "es": ["Madrid", "Barcelona", "Sevilla", "Bruselas"],
    "fr": ["Paris", "Lyon", "Marseille", "Bruxelles"],
    "de": ["Berlin", "Hamburg", "München", "Brüssel"],
    "it": ["Roma", "Milano", "Torino", "Bruxelles"],
    "pt": ["Lisboa", "Porto", "Braga", "Bruxelas"],
}
# Which clean language supplies the untranslated leftovers of an article in each language.
FOREIGN = {"en": ("es", "fr"), "es": ("en",), "fr": ("en",), "de": ("en",), "it": ("en",),
           "pt": ("en",)}
QUOTE_PAIRS = (("“", "”"), ("«", "»"), ("„", "“"), ('"', '"'))
T = TypeVar("T")
WORD = re.compile(r"[^\W\d_][\w’'-]*")
_CAPITALISED = r"[^\W\d_a-zß-ÿ][^\W\d_A-ZÀ-Þ][\w’'-]*"
_NAME_RUN = re.compile(_CAPITALISED + r"(?: " + _CAPITALISED + r")*")
CONJUNCTIONS = {
    "en": "and but or".split(), "es": "y pero o".split(), "fr": "et mais ou".split(),
    "de": "und aber oder sondern".split(), "it": "e ma o".split(), "pt": "e mas ou".split(),
}


@dataclass(frozen=True)
class Site:
    """One sentence that a garble may damage.

    Attributes:
        lang: the article's language.
        sentences: the sentences of its paragraph.
        index: which of them is the site.
        lead: the first sentence of a story (right after a headline).
        capitalised: how often each capitalised word occurs in the whole clean article.
        names: words seen in a run of two or more capitalised words (Harriet Osei).
        foreign: clean sentences in another language, for untranslated leftovers.
    """

    lang: str
    sentences: tuple[str, ...]
    index: int
    lead: bool
    capitalised: Counter[str]
    names: frozenset[str]
    foreign: tuple[str, ...]

    @property
    def text(self) -> str:
        return self.sentences[self.index]

    @property
    def following(self) -> str | None:
        nxt = self.index + 1
        return self.sentences[nxt] if nxt < len(self.sentences) else None


@dataclass(frozen=True)
class Damage:
    """What a garble did: ``text`` replaces the site, ``text[start:end]`` is the damage.

    ``joins``: the text also replaces the following sentence (two sentences run together).
    ``paragraph``: the text is a new paragraph after the site's one; the site is unchanged.
    """

    text: str
    start: int
    end: int
    joins: bool = False
    paragraph: bool = False


@dataclass(frozen=True)
class Garble:
    """An injected garble: its type, language and span in the final document text.

    ``site_start``/``site_end`` cover the whole damaged sentence(s) or inserted paragraph:
    segments there are neither untouched nor garbled beyond ``start``/``end``.
    ``original`` is the clean text the site replaced (empty for an inserted paragraph).
    """

    type: str
    lang: str
    start: int
    end: int
    text: str
    site_start: int
    site_end: int
    original: str


@dataclass(frozen=True)
class GarbledText:
    """A damaged copy of a clean article and the garbles in it."""

    doc_id: str
    lang: str
    text: str
    garbles: tuple[Garble, ...]


@dataclass(frozen=True)
class GarbleType:
    """A registered garble: stable id, what it imitates, the languages it applies to."""

    id: str
    func: Callable[[Site, random.Random], Damage | None]
    description: str
    languages: tuple[str, ...] = LANGS


TYPES: dict[str, GarbleType] = {}


def garble_type(type_id: str, description: str, languages: tuple[str, ...] = LANGS):  # type: ignore[no-untyped-def]
    def register(func):  # type: ignore[no-untyped-def]
        TYPES[type_id] = GarbleType(type_id, func, description, languages)
        return func

    return register


def _words(text: str) -> list[re.Match[str]]:
    return list(WORD.finditer(text))


def _pick(rng: random.Random, options: list[T]) -> T | None:
    return rng.choice(options) if options else None


def _mid_words(text: str) -> list[re.Match[str]]:
    """Words that are not the first of the sentence nor right after an opening quote."""
    return [m for m in _words(text)[1:] if text[m.start() - 1:m.start()] == " "
            and text[:m.start()].rstrip()[-1:] not in "«“„\"(.!?:"]


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() and word[1:].islower()


def _glue(text: str, first: re.Match[str], second: re.Match[str]) -> Damage:
    glued = text[:first.end()] + text[second.start():]
    return Damage(glued, first.start(), first.start() + len(first.group()) + len(second.group()))


Pair = tuple[re.Match[str], re.Match[str]]


def _pairs(text: str, test: Callable[[re.Match[str], re.Match[str]], bool]) -> list[Pair]:
    words = _words(text)
    return [
        (a, b) for a, b in zip(words, words[1:], strict=False)
        if text[a.end():b.start()] == " " and test(a, b)
    ]


@garble_type("glued-name-function", "link text glued to the next function word (Elyséethe)")
def glued_name_function(site: Site, rng: random.Random) -> Damage | None:
    text, function = site.text, FUNCTION_WORDS[site.lang]
    pairs = _pairs(text, lambda a, b: a.start() > 0 and _is_capitalised(a.group())
                   and b.group() in function)
    pair = _pick(rng, pairs)
    return _glue(text, *pair) if pair else None


@garble_type("glued-short-word", "a short word glued to the next one (ofthe, dela)")
def glued_short_word(site: Site, rng: random.Random) -> Damage | None:
    text, function = site.text, FUNCTION_WORDS[site.lang]
    pairs = _pairs(text, lambda a, b: a.group() in function and len(a.group()) <= 3
                   and b.group().islower())
    pair = _pick(rng, pairs)
    return _glue(text, *pair) if pair else None


@garble_type("glued-lower-upper", "a lowercase word glued to a capitalised one (austinThe)")
def glued_lower_upper(site: Site, rng: random.Random) -> Damage | None:
    text = site.text
    pairs = _pairs(text, lambda a, b: a.group().islower() and b.group()[:1].isupper())
    pair = _pick(rng, pairs)
    return _glue(text, *pair) if pair else None


def _join(site: Site, separator: str, drop_stop: bool) -> Damage | None:
    """The site and the following sentence run together (said.Which, Tuesday The)."""
    following = site.following
    text = site.text
    if following is None or not following[:1].isalpha() or (drop_stop and text[-1:] != "."):
        return None
    if text.count("(") != text.count(")"):  # a cut inside brackets (Az. VIII ZR ...)
        return None
    head = text[:-1] if drop_stop else text
    joined = head + separator + following
    last = _words(head)[-1]
    first = _words(following)[0]
    return Damage(joined, last.start(), len(head) + len(separator) + first.end(), joins=True)


@garble_type("glued-punctuation", "two sentences glued across punctuation (said.Which)")
def glued_punctuation(site: Site, rng: random.Random) -> Damage | None:
    return _join(site, "", drop_stop=False)


@garble_type("lost-period", "the full stop between two sentences lost (on Tuesday The minister)")
def lost_period(site: Site, rng: random.Random) -> Damage | None:
    return _join(site, " ", drop_stop=True)


@garble_type("lost-space", "the space after a comma, colon or quote lost (said,which)")
def lost_space(site: Site, rng: random.Random) -> Damage | None:
    text = site.text
    spots = [m for m in re.finditer(r"[,;:»”“]( )(?=[^\W\d_])", text) if m.start() > 0]
    spot = _pick(rng, spots)
    if spot is None:
        return None
    cut = spot.start(1)
    glued = text[:cut] + text[cut + 1:]
    left = text.rfind(" ", 0, spot.start()) + 1
    right = re.compile(r"\w+").match(glued, cut)
    return Damage(glued, left, right.end() if right else cut + 1)


@garble_type("doubled-punctuation", "punctuation doubled or left over (Agreed. ,  ,,  . .)")
def doubled_punctuation(site: Site, rng: random.Random) -> Damage | None:
    text = site.text
    options = [(m.start(), rng.choice([",,", ", ,", ". ,"])) for m in re.finditer(r",(?= )", text)]
    if text.endswith("."):
        options.append((len(text) - 1, rng.choice([". .", ". ,", ".."])))
    option = _pick(rng, options)
    if option is None:
        return None
    at, stray = option
    return Damage(text[:at] + stray + text[at + 1:], at, at + len(stray))


def _bracket_spans(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end() - 1) for m in re.finditer(r"\([^()]+\)", text)]
    for opener, closer in QUOTE_PAIRS:
        pattern = re.escape(opener) + r"[^" + re.escape(opener + closer) + r"]+" + re.escape(closer)
        spans += [(m.start(), m.end() - 1) for m in re.finditer(pattern, text)]
    return spans


def _lose_one_side(text: str, spans: list[tuple[int, int]], rng: random.Random) -> Damage | None:
    span = _pick(rng, spans)
    if span is None:
        return None
    opener, closer = span
    if rng.random() < 0.5:  # the opening side lost: the damage runs up to the lone closer
        width = 2 if text[opener + 1:opener + 2] == " " else 1  # « spaced French quotes »
        return Damage(text[:opener] + text[opener + width:], opener, closer + 1 - width)
    width = 2 if text[closer - 1:closer] == " " else 1
    return Damage(text[:closer + 1 - width] + text[closer + 1:], opener, closer)


@garble_type("lost-bracket", "one side of a bracket pair lost ((PP pidió)")
def lost_bracket(site: Site, rng: random.Random) -> Damage | None:
    spans = [s for s in _bracket_spans(site.text) if site.text[s[0]] == "("]
    return _lose_one_side(site.text, spans, rng)


@garble_type("lost-quote", "one side of a quotation lost (“we are not there yet, she said)")
def lost_quote(site: Site, rng: random.Random) -> Damage | None:
    spans = [s for s in _bracket_spans(site.text) if site.text[s[0]] != "("]
    return _lose_one_side(site.text, spans, rng)


@garble_type("wrong-way-quote", "quotation marks turned the wrong way (” traffic light “)")
def wrong_way_quote(site: Site, rng: random.Random) -> Damage | None:
    text = site.text
    spans = [s for s in _bracket_spans(text) if text[s[0]] not in "(\""]
    span = _pick(rng, spans)
    if span is None:
        return None
    opener, closer = span
    pad = rng.choice(["", " "])
    inner = pad + text[opener + 1:closer].strip() + pad
    swapped = text[closer] + inner + text[opener]
    return Damage(text[:opener] + swapped + text[closer + 1:], opener, opener + len(swapped))


@garble_type("mid-capital", "a closed-class word capitalised mid-sentence (on Wednesday Three)")
def mid_capital(site: Site, rng: random.Random) -> Damage | None:
    text, function = site.text, FUNCTION_WORDS[site.lang]
    words = [m for m in _mid_words(text) if m.group() in function
             and text[:m.start()].rstrip()[-1:].isalnum()]
    word = _pick(rng, words)
    if word is None:
        return None
    start, end = word.span()
    return Damage(text[:start] + text[start].upper() + text[start + 1:], start, end)


@garble_type("lowercase-name", "a name written in lower case (lloyd austin)")
def lowercase_name(site: Site, rng: random.Random) -> Damage | None:
    text = site.text
    here = Counter(m.group() for m in _words(text))
    names = [m for m in _mid_words(text) if m.group() in site.names
             and site.capitalised[m.group()] > here[m.group()]]
    name = _pick(rng, names)
    if name is None:
        return None
    start = name.start()
    run = _NAME_RUN.match(text, start)
    end = run.end() if run else name.end()
    return Damage(text[:start] + text[start:end].lower() + text[end:], start, end)


@garble_type("doubled-word", "a word or phrase repeated back to back (the the)")
def doubled_word(site: Site, rng: random.Random) -> Damage | None:
    text = site.text
    words = _words(text)
    if len(words) < 4:
        return None
    first = rng.randrange(1, len(words) - 1)
    last = min(len(words) - 1, first + rng.choice([0, 0, 1, 2]))
    start, end = words[first].start(), words[last].end()
    if not re.fullmatch(r"[\w’'\- ]+", text[start:end]):
        return None
    phrase = text[start:end]
    return Damage(text[:end] + " " + phrase + text[end:], start, end + 1 + len(phrase))


@garble_type("dateline", "a dateline glued to the lead sentence without its dash (Berlin Almost)")
def dateline(site: Site, rng: random.Random) -> Damage | None:
    if not site.lead or not site.text[:1].isupper():
        return None
    city = rng.choice(DATELINE_CITIES[site.lang])
    first = _words(site.text)[0]
    return Damage(f"{city} {site.text}", 0, len(city) + 1 + first.end())


@garble_type("boilerplate", "a web boilerplate line as its own paragraph (Source link)")
def boilerplate(site: Site, rng: random.Random) -> Damage | None:
    line = rng.choice(BOILERPLATE[site.lang])
    return Damage(line, 0, len(line), paragraph=True)


@garble_type("related-headlines", "a block of related headlines inserted between paragraphs")
def related_headlines(site: Site, rng: random.Random) -> Damage | None:
    block = "\n\n".join(rng.sample(RELATED_HEADLINES[site.lang], rng.randint(2, 4)))
    return Damage(block, 0, len(block), paragraph=True)


def _cut(text: str, at: int, rest: int) -> Damage:
    """``text[:at]`` ends the sentence and ``text[rest:]`` becomes a sentence of its own."""
    head = text[:at].rstrip(" ,") + "."
    tail = text[rest].upper() + text[rest + 1:]
    return Damage(f"{head} {tail}", len(head) + 1, len(head) + 1 + len(tail))


@garble_type("fragment-relative", "the tail after a relative pronoun cut off (Which is part of)")
def fragment_relative(site: Site, rng: random.Random) -> Damage | None:
    text = site.text
    pattern = r", (?:" + "|".join(RELATIVES[site.lang]) + r") "
    spots = [m for m in re.finditer(pattern, text) if m.start() > 10
             and (site.lang != "de" or _verb_last(text[m.end():]))]
    spot = _pick(rng, spots)
    return _cut(text, spot.start(), spot.start() + 2) if spot else None


def _verb_last(tail: str) -> bool:
    """A German relative clause puts its verb last; after ``, das`` a capitalised last word
    means an article and a main clause (``, das dritte Tor erzielte Kapitän Brandt``)."""
    clause = re.split(r"[,.;:!?]", tail, maxsplit=1)[0].split()
    return bool(clause) and clause[-1][:1].islower()


@garble_type("fragment-comma", "the tail after a comma turned into a sentence of its own")
def fragment_comma(site: Site, rng: random.Random) -> Damage | None:
    text = site.text
    closed = re.compile(r"(?:" + "|".join(RELATIVES[site.lang] + CONJUNCTIONS[site.lang]) + r")\b")
    spots = [m for m in re.finditer(r", (?=[^\W\d_])", text)
             if m.start() > len(text) // 2 and not closed.match(text, m.end())
             and 2 <= len(text[m.end():].split()) <= 8
             and not _stands_alone(text[m.end():], site.lang)]
    spot = _pick(rng, spots)
    return _cut(text, spot.start(), spot.end()) if spot else None


_PRO_DROP = ("es", "it", "pt")
_BEFORE_VERB = frozenset("no non não se si ci lo la le gli ne".split())
_REPORTING_LAST = frozenset("said says added told".split())


def _stands_alone(tail: str, lang: str) -> bool:
    """Tails that make a sentence of their own, and so no fragment: a verb first where the
    language drops its subjects (``Recuou para 4,1 %.``), a subject and its reporting verb
    (``the court said``)."""
    words = [word.lower() for word in re.findall(r"[^\W\d_][\w’'-]*", tail)]
    if not words:
        return True
    if lang in _PRO_DROP:
        verb_at = 0
        while verb_at < min(2, len(words) - 1) and words[verb_at] in _BEFORE_VERB:
            verb_at += 1  # "No se ha sumado al pacto."
        return bool(verb_form(words[verb_at], lang))
    return lang == "en" and len(words) <= 5 and words[-1] in _REPORTING_LAST


@garble_type("fragment-verbless", "a short verbless piece cut off (In less than 24 hours.)")
def fragment_verbless(site: Site, rng: random.Random) -> Damage | None:
    text = site.text
    pattern = r" (?=(?:" + "|".join(PREPOSITIONS[site.lang]) + r") )"
    spots = [m for m in re.finditer(pattern, text) if m.start() > len(text) // 3
             and 2 <= len(text[m.end():].split()) <= 6 and not re.search(r"[,«»“”„]", text[m.end():])]
    spot = _pick(rng, spots)
    return _cut(text, spot.start(), spot.end()) if spot else None


@garble_type("untranslated-sentence", "a sentence left in another language")
def untranslated_sentence(site: Site, rng: random.Random) -> Damage | None:
    pool = [s for s in site.foreign if len(s.split()) >= 8]
    foreign = _pick(rng, pool)
    return Damage(foreign, 0, len(foreign)) if foreign else None


@garble_type("untranslated-span", "a phrase left in another language inside a sentence")
def untranslated_span(site: Site, rng: random.Random) -> Damage | None:
    text = site.text
    words = text.rstrip(".").split()
    pool = [s.rstrip(".").split() for s in site.foreign if len(s.split()) >= 10]
    if len(words) < 10 or not pool or text[-1:] != ".":
        return None
    size = rng.randint(4, 6)
    tails = [f[-size:] for f in pool if f[-size][:1].islower()
             and not re.search(r"[^\w\s’'-]", " ".join(f[-size:]))]
    if not tails:
        return None
    phrase = " ".join(rng.choice(tails))  # the end of a foreign sentence ends this one
    head = " ".join(words[:-size])
    return Damage(f"{head} {phrase}.", len(head) + 1, len(head) + 1 + len(phrase))


@dataclass
class _Paragraph:
    sentences: list[str]
    body: bool
    lead: bool
    damage: dict[int, tuple[str, Damage]] = field(default_factory=dict)
    insert: tuple[str, Damage] | None = None


def parse(text: str) -> list[_Paragraph]:
    """Paragraphs and their sentences; a paragraph without closing punctuation is a headline."""
    out: list[_Paragraph] = []
    for start, end in paragraph_spans(text):
        chunk = text[start:end].strip()
        sentences = [chunk[a:b] for a, b in split_sentences(chunk)]
        body = chunk[-1:] in ".!?»”“\"" or len(sentences) > 1
        lead = body and bool(out) and not out[-1].body
        out.append(_Paragraph(sentences, body, lead))
    return out


def clean_sentences(lang: str) -> list[str]:
    return [s for p in parse(read_clean(lang)) if p.body for s in p.sentences]


def read_clean(lang: str) -> str:
    return (CLEAN_DIR / f"{lang}.txt").read_text("utf-8")


def _sites(paragraphs: list[_Paragraph]) -> Iterator[tuple[int, int]]:
    for p_index, paragraph in enumerate(paragraphs):
        if paragraph.body:
            yield from ((p_index, s_index) for s_index in range(len(paragraph.sentences)))


def _free(paragraph: _Paragraph, index: int, damage: Damage) -> bool:
    """One garble per sentence, with an untouched sentence between two garbles."""
    if damage.paragraph:
        return paragraph.insert is None
    taken = {i + d for i in paragraph.damage for d in (-1, 0, 1, 2)}
    wanted = {index, index + 1} if damage.joins else {index}
    return not (wanted & taken or (damage.joins and index + 2 in paragraph.damage))


def _inject(paragraphs: list[_Paragraph], need: Counter[str], lang: str, rng: random.Random,
            words: tuple[Counter[str], frozenset[str]], foreign: tuple[str, ...],
            budget: int) -> int:
    sites = list(_sites(paragraphs))
    rng.shuffle(sites)
    injected = 0
    for p_index, s_index in sites:
        if injected >= budget:
            break
        paragraph = paragraphs[p_index]
        site = Site(lang, tuple(paragraph.sentences), s_index, paragraph.lead and s_index == 0,
                    *words, foreign)
        wanted = [t for t in sorted(need) if need[t] > 0]
        rng.shuffle(wanted)
        for type_id in wanted:
            damage = TYPES[type_id].func(site, rng)
            if damage is None or not _free(paragraph, s_index, damage):
                continue
            if damage.paragraph:
                paragraph.insert = (type_id, damage)
            else:
                paragraph.damage[s_index] = (type_id, damage)
            need[type_id] -= 1
            injected += 1
            break
    return injected


def _render(doc_id: str, lang: str, paragraphs: list[_Paragraph]) -> GarbledText:
    chunks: list[str] = []
    garbles: list[Garble] = []
    offset = 0

    def emit(piece: str, sep: str) -> int:
        nonlocal offset
        if chunks:
            chunks.append(sep)
            offset += len(sep)
        chunks.append(piece)
        offset += len(piece)
        return offset - len(piece)

    def record(type_id: str, damage: Damage, at: int, original: str) -> None:
        garbles.append(Garble(type_id, lang, at + damage.start, at + damage.end,
                              damage.text[damage.start:damage.end], at, at + len(damage.text),
                              original))

    for paragraph in paragraphs:
        sep = "\n\n"
        skip = False
        for s_index, sentence in enumerate(paragraph.sentences):
            if skip:
                skip = False
                continue
            if s_index in paragraph.damage:
                type_id, damage = paragraph.damage[s_index]
                original = " ".join(paragraph.sentences[s_index:s_index + 1 + damage.joins])
                record(type_id, damage, emit(damage.text, sep), original)
                skip = damage.joins
            else:
                emit(sentence, sep)
            sep = " "
        if paragraph.insert:
            type_id, damage = paragraph.insert
            record(type_id, damage, emit(damage.text, "\n\n"), "")
    return GarbledText(doc_id, lang, "".join(chunks) + "\n", tuple(garbles))


def garble_language(lang: str, seed: int, per_type: int, types: list[str] | None = None,
                    density: float = 0.25, max_docs: int = 200) -> list[GarbledText]:
    """Copies of the clean ``lang`` article with every type injected ``per_type`` times."""
    rng = random.Random(f"garble:{seed}:{lang}")
    clean = read_clean(lang)
    capitalised = Counter(m.group() for m in WORD.finditer(clean) if _is_capitalised(m.group()))
    names = frozenset(w for m in re.finditer(r"(?<=[\w,] )" + _NAME_RUN.pattern, clean)
                      if " " in m.group() for w in m.group().split()
                      if w.lower() not in FUNCTION_WORDS[lang])
    foreign = tuple(s for other in FOREIGN[lang] for s in clean_sentences(other))
    type_ids = [t for t in (types or TYPES) if lang in TYPES[t].languages]
    need = Counter({t: per_type for t in type_ids})
    docs: list[GarbledText] = []
    while +need and len(docs) < max_docs:
        paragraphs = parse(clean)
        budget = max(1, int(sum(len(p.sentences) for p in paragraphs if p.body) * density))
        if not _inject(paragraphs, need, lang, rng, (capitalised, names), foreign, budget):
            break  # nothing left applies anywhere
        docs.append(_render(f"{lang}-{seed}-{len(docs) + 1}", lang, paragraphs))
    return docs


def garble_texts(seed: int = 1, per_type: int = 10, langs: tuple[str, ...] = LANGS,
                 types: list[str] | None = None) -> list[GarbledText]:
    """Garbled documents for every language in ``langs``; deterministic for a seed."""
    return [doc for lang in langs for doc in garble_language(lang, seed, per_type, types)]
