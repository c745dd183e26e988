"""Block classification: captions, attributions, boilerplate and body, with their neighbours."""

from __future__ import annotations

import pytest

from postedit.config import resolve
from postedit.detectors.blocks import classify_blocks, dateline_end, is_boilerplate, is_caption

CONFIG = resolve()
HEADLINE = "Council Backs New Bus Routes"
BODY = "The council approved the new bus routes on Tuesday evening after a long debate."
BODY_AFTER = "The first buses will run on the new routes in September."


def kinds(*paragraphs: str) -> list[str]:
    return classify_blocks(list(paragraphs), CONFIG)


@pytest.mark.parametrize("text", [
    "The mayor Ana Ruiz (left) talks to residents at the new bus stop in the harbour district.",
    "La alcaldesa Ana Ruiz (izquierda) conversa con los vecinos en la nueva parada.",
    "Le maire Paul Morel (à gauche) s'entretient avec des habitants devant la gare.",
    "Bürgermeisterin Eva Roth (links) spricht mit Anwohnern an der neuen Haltestelle.",
    "Il sindaco Marco Testa (a sinistra) parla con i residenti alla nuova fermata.",
    "O presidente da câmara Rui Costa (à esquerda) conversa com moradores na nova paragem.",
    "El ministro de Transportes (d) saluda al alcalde (i) durante la inauguración.",
    "The new electric buses, pictured at the depot in the north of the city.",
    "Los nuevos autobuses eléctricos, en la imagen, aparcados en las cocheras municipales.",
    "Die neuen Elektrobusse im Bild vor dem Depot am Stadtrand.",
    "Les nouveaux bus électriques sur la photo, garés au dépôt municipal.",
    "I nuovi autobus elettrici nella foto, parcheggiati al deposito comunale.",
    "Os novos autocarros elétricos na foto, estacionados no depósito municipal.",
    "The mayor opens the new line at the harbour. JANE DOE / AFP",
    "Passengers board the first electric bus in the city centre. ANNA SMITH/REUTERS",
    "Passengers board the first electric bus. Courtesy City Transport/Handout via REUTERS",
    "Passengers board the first electric bus at the harbour, Tuesday, Sept. 9, 2025.",
    "Passageiros embarcam no primeiro autocarro elétrico no porto, terça-feira, 9 de setembro de 2025.",
    "Des passagers montent dans le premier bus électrique au port, mardi 9 septembre 2025.",
    "Fahrgäste steigen am Hafen in den ersten Elektrobus, Dienstag, 9. September 2025.",
])
def test_captions_described_in_words_or_credited(text: str) -> None:
    assert is_caption(text)
    assert kinds(HEADLINE, BODY, text, BODY_AFTER)[2] == "caption"


@pytest.mark.parametrize("text", [
    BODY,
    "Anna Nowak (Left), in turn, accused the government of delaying the funds.",
    "The law takes effect on January 1, 2026.",
    "El decreto entró en vigor el 17 de noviembre de 2025, según el Gobierno.",
    "The mayor said the line would open in May. The buses are already ordered.",
])
def test_body_sentences_are_not_captions(text: str) -> None:
    assert not is_caption(text)


def test_a_sentence_above_a_credit_line_is_its_caption() -> None:
    assert kinds(HEADLINE, "The mayor thanked the drivers at the depot.", "(Photo: CITY/Jane Doe)",
                 BODY) == ["headline", "caption", "caption", "body"]


def test_a_lead_without_a_credit_below_stays_body() -> None:
    assert kinds(HEADLINE, BODY, BODY_AFTER) == ["headline", "body", "body"]


@pytest.mark.parametrize("text, length", [
    ("LOS ANGELES (Reuters) – A fire broke out on Tuesday.", len("LOS ANGELES (Reuters) – ")),
    ("MADRID, 25 oct. (EFE).- El Gobierno aprobó el plan.", len("MADRID, 25 oct. (EFE).- ")),
    ("Berlin (dpa) - Die Regierung hat beschlossen.", len("Berlin (dpa) - ")),
    ("ROMA, 12 ott (ANSA) - Il governo ha approvato.", len("ROMA, 12 ott (ANSA) - ")),
    ("The Reuters report (Reuters) was wrong.", 0),
    ("Dozens of homes were evacuated.", 0),
])
def test_dateline_prefix(text: str, length: int) -> None:
    assert dateline_end(text) == length


def test_a_dateline_alone_is_an_attribution_and_a_lead_with_one_is_body() -> None:
    assert kinds(HEADLINE, "PARIS (AFP) -", BODY) == ["headline", "attribution", "body"]
    assert kinds(HEADLINE, "LISBOA, 4 nov (Lusa) – O Governo aprovou hoje um novo plano.") == [
        "headline", "body"]


@pytest.mark.parametrize("text", [
    "Must read", "You may also like", "More stories", "Related articles",
    "Te puede interesar", "Das könnte Sie auch interessieren", "Vous aimerez aussi",
    "Potrebbe interessarti", "Você também pode gostar", "Leia também: Por que a ponte vai fechar",
    "See also  Why the harbour bridge will close «", "Lire aussi Le pont fermera trois mois",
    "- Advertisement -", "Anzeige", "Publicidad", "Publicité", "Pubblicità", "Publicidade",
    "The rest of the text below the video.", "Der Artikel geht unter dem Video weiter",
    "La suite après cette annonce", "Continua dopo la pubblicità", "O texto continua após o vídeo",
    "Home | World", "Home > News > Europe", "Startseite › Politik › Europa",
    "Share on Facebook", "Facebook Twitter WhatsApp Email", "Partager sur Facebook",
    "Read the full article on the web and in our app free of charge for 4 weeks.",
    "Get access to this and every other article in the",
    "Ya eres suscriptor? Inicia sesión", "Réservé aux abonnés",
])
def test_boilerplate_lines(text: str) -> None:
    assert is_boilerplate(text)


@pytest.mark.parametrize("text", [
    BODY,
    "Related to this, the minister promised a review of the contracts.",
    "Read more about the plan on the council website, the spokesman said.",
    "The streaming service added five million subscribers in the quarter.",
    "The app is free for 30 days, the company said, and costs five euros after that.",
    "“You can report potholes in our app,” the mayor said.",
    "The match continued after the video review.",
    "The rest of the budget was spent after the video went viral.",
    "A long road to the vote",
])
def test_body_lines_are_not_boilerplate(text: str) -> None:
    assert not is_boilerplate(text)


def test_a_headline_after_a_link_marker_is_a_link() -> None:
    assert kinds(HEADLINE, BODY, "Read also", "Harbour bridge: will it ever reopen?", BODY_AFTER) == [
        "headline", "body", "boilerplate", "boilerplate", "body"]


def test_a_headline_after_an_ad_marker_is_a_subheading() -> None:
    assert kinds(HEADLINE, BODY, "- Advertisement -", "Drivers: the long wait is over", BODY_AFTER)[3] == (
        "headline")


def test_a_run_of_related_headlines_is_boilerplate() -> None:
    found = kinds(HEADLINE, BODY, "Tram strike ends after four days – City Herald",
                  "Harbour bridge to close for repairs – City Herald", BODY_AFTER)
    assert found == ["headline", "body", "boilerplate", "boilerplate", "body"]


def test_subheadings_stay_headlines() -> None:
    found = kinds(HEADLINE, BODY, "A long road to the vote", BODY_AFTER, "What happens next?", BODY)
    assert found[2] == "headline" and "boilerplate" not in found


def test_a_dated_headline_between_body_paragraphs_is_boilerplate() -> None:
    assert kinds(HEADLINE, BODY, "Tram strike ends after four days 12 March 2024", BODY_AFTER)[2] == (
        "boilerplate")


@pytest.mark.parametrize("bio", [
    "Maria Lopes is a reporter covering transport and city politics for the Herald.",
    "Laura Gil es periodista especializada en urbanismo.",
    "Jonas Weber ist Redakteur im Ressort Politik.",
    "Claire Martin est journaliste au service politique.",
    "Giulia Ferri è giornalista e si occupa di trasporti.",
    "Ana Sousa é jornalista do Público.",
])
def test_a_closing_author_bio_is_boilerplate(bio: str) -> None:
    assert kinds(HEADLINE, BODY, bio)[-1] == "boilerplate"


def test_a_closing_sentence_about_a_journalist_is_body() -> None:
    assert kinds(HEADLINE, BODY, "John Carter is a journalist who was detained in 2019.")[-1] == "body"


def test_a_dated_caption_may_run_on_into_the_next_sentence() -> None:
    text = ("Passageiros embarcam no primeiro autocarro elétrico no porto, terça-feira, 9 de setembro "
            "de 2025. A câmara quer mais linhas até ao fim do ano.")
    assert is_caption(text)
    assert not is_caption("A câmara aprovou o plano na terça-feira. O primeiro autocarro sai em maio.")


def test_every_headline_in_a_link_list_is_a_link() -> None:
    found = kinds(HEADLINE, BODY, "You may also like", "Tram strike ends after four days",
                  "Harbour bridge to close for repairs", "Why the ferry is late again", BODY_AFTER)
    assert found == ["headline", "body"] + ["boilerplate"] * 4 + ["body"]


def test_short_paragraphs_missing_their_full_stop_stay_body() -> None:
    found = kinds(HEADLINE, BODY, "Residents of the harbour district had asked for the line for years",
                  "The hospital will get a stop of its own on the new route next year",
                  "Drivers will be trained by the city over the summer months this year", BODY_AFTER)
    assert "boilerplate" not in found


@pytest.mark.parametrize("text", [
    "Sen. John Smith (R) said the bill would pass before the summer recess.",
    "El acto se celebrará en Madrid, el lunes, 17 de noviembre de 2025.",
])
def test_party_letters_and_dated_body_sentences_are_not_captions(text: str) -> None:
    assert not is_caption(text)


def test_a_sentence_about_premium_content_is_body() -> None:
    assert not is_boilerplate("The platform sells exclusive content and premium articles to fans.")


STORY_A = ("The council approved the new bus routes on Tuesday evening after a long debate. "
           "Drivers will start on the harbour line in September.")
STORY_B_HEADLINE = "Hospital opens new children's ward"
STORY_B = ("The city hospital opened its new children's ward on Monday, with forty beds and a "
           "playroom. The hospital had raised the money over three years.")


@pytest.mark.parametrize("lines", [
    ("Tram strike ends after four days", "Why ferry tickets cost more this winter"),
    ("Detenida una mujer por el robo en el museo", "El alcalde presenta su dimisión"),
    ("Einbruch im Museum: Polizei sucht Zeugen", "Trainer verlängert bis 2028"),
    ("Vol au musée : deux suspects arrêtés", "Le maire annonce sa démission"),
])
def test_two_related_headlines_between_body_paragraphs_are_boilerplate(lines: tuple[str, str]) -> None:
    found = kinds(HEADLINE, STORY_A, *lines, BODY_AFTER)
    assert found == ["headline", "body", "boilerplate", "boilerplate", "body"]


def test_related_headlines_above_a_story_headline_leave_it_a_headline() -> None:
    found = kinds(HEADLINE, STORY_A, "Tram strike ends after four days",
                  "Why ferry tickets cost more this winter", STORY_B_HEADLINE, STORY_B)
    assert found == ["headline", "body", "boilerplate", "boilerplate", "headline", "body"]


def test_a_story_headline_after_a_link_marker_stays_a_headline() -> None:
    found = kinds(HEADLINE, STORY_A, "You may also like", STORY_B_HEADLINE, STORY_B)
    assert found == ["headline", "body", "boilerplate", "headline", "body"]


def test_a_page_of_stories_keeps_every_headline() -> None:
    found = kinds(HEADLINE, STORY_A, BODY_AFTER, STORY_B_HEADLINE, STORY_B)
    assert "boilerplate" not in found


def test_short_lines_on_the_topic_around_them_stay_headlines() -> None:
    found = kinds(HEADLINE, STORY_A, "Buses every ten minutes on the harbour line",
                  "Night buses to the hospital", STORY_B)
    assert "boilerplate" not in found


@pytest.mark.parametrize("line", [
    "Further reading", "Learn more", "Latest news",
    "Puede interesarte", "Quizás te interese", "Últimas noticias", "Sigue leyendo",
    "À lire absolument", "En savoir plus", "Ça peut vous intéresser", "Dernières actualités",
    "Mehr lesen", "Mehr dazu", "Auch lesenswert", "Passend zum Thema", "Weitere Nachrichten",
    "Potrebbe interessarti anche", "Per saperne di più", "Ultime notizie", "Ti consigliamo",
    "Leia a seguir", "Também pode interessar", "Os mais lidos", "Continue a ler",
    "Hinterlasse einen Kommentar", "Lascia un tuo commento", "Deixe o seu comentário",
])
def test_link_intro_families_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line)
    assert is_boilerplate(line + ":")


@pytest.mark.parametrize("text", [
    "Zum Thema Klimaschutz äußerte sich die Ministerin am Dienstag nicht.",
    "Mehr dazu sagte der Sprecher am Abend nicht.",
    "En savoir plus sur le projet sera possible dès lundi.",
])
def test_sentences_opening_like_link_intros_are_body(text: str) -> None:
    assert not is_boilerplate(text)


def _same_word(one: str, other: str) -> bool:
    """The pairwise test ``_recurs`` asks of every word at once (its definition)."""
    stem = one[: max(4, len(one) - 2)]
    if other.startswith(stem):
        return True
    return (len(one) > 4 and stem in other) or (len(other) >= 6 and other[:-2] in one)


def test_recurs_asks_every_word_as_the_pairwise_test_would() -> None:
    from itertools import combinations

    from postedit.detectors.blocks import _recurs

    vocabulary = ["rejects", "rejected", "mietern", "vermieter", "industrie", "industrieproduktion",
                  "harbour", "harbours", "ferry", "ferries", "tram", "trams", "bridge", "abridged",
                  "plan", "plans", "planning", "kite", "kitesurf"]
    for size in (0, 1, 2, 3):
        for words in combinations(vocabulary, size):
            joined = "\0" + "\0".join(words)
            cores = tuple(word[:-2] for word in words if len(word) >= 6)
            for head in vocabulary:
                expected = any(_same_word(head, word) for word in words)
                assert _recurs(head, joined, cores) == expected, (head, words)
