"""``lemmas.is_known`` reads our bucket files without simplemma: it must answer as simplemma."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from postedit import lemmas
from postedit.languages import SUPPORTED

CLEAN = Path(__file__).resolve().parents[2] / "fixtures" / "clean"


def words_of(lang: str) -> list[str]:
    """The clean fixture's words as written, lower-cased, capitalised, and a few non-words."""
    found = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", (CLEAN / f"{lang}.txt").read_text("utf-8"))
    seen = dict.fromkeys(found[:400])
    for word in list(seen):
        seen.update(dict.fromkeys([word.lower(), word.capitalize(), word.upper()]))
    return [*seen, "Qzxv", "ofthe", "Minister", "l’armée", "dell'anno", "Straße", "ÉTAT"]


@pytest.mark.parametrize("lang", SUPPORTED)
def test_is_known_answers_as_simplemmas_own_lookup(lang: str) -> None:
    lemmas.is_known("warm", lang)  # builds the language's bucket file if it is not there yet
    assert lemmas._stored(lang) is not None, "the fast path needs the built file"
    lookup = lemmas._simplemma().lookup
    words = words_of(lang)
    fast = [word for word in words if lemmas.is_known(word, lang)]
    slow = [word for word in words if lookup.get_lemma(word, lang) is not None]
    assert fast == slow
    assert 0 < len(fast) < len(words)  # the list holds known and unknown words


def test_scoring_an_english_article_does_not_import_simplemma(tmp_path: Path) -> None:
    """Its import compiles every language's suffix rules: an English article needs none."""
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text("The council met on Monday. Its members voted for the plan ofthe mayor.\n")
    code = (
        "import sys\n"
        "from postedit.cli import main\n"
        f"sys.argv = ['postedit', 'score', '--engine', 'none', '--lang', 'en', {str(article)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "lemmas = sys.modules.get('postedit.lemmas')\n"
        "print('used' if lemmas and lemmas._STORED else 'unused', 'simplemma' in sys.modules)\n"
    )
    warm = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert warm.stdout.split()[-2:] in (["used", "True"], ["used", "False"])  # first run builds
    assert done.stdout.split()[-2:] == ["used", "False"]
