"""Marking fine: this sentence only, or the flagged word everywhere (a lexicon entry).

``a`` on a sentence with a flagged word asks which: ``s`` accepts this sentence as
it is (recorded in the provenance); ``w`` writes a ``fine`` entry for the word to the
user's lexicon, so neither this article nor later ones (in the UI and in
``postedit score``) flag it again, then accepts the sentence too.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding

from postedit.editing.session import ReviewSession
from postedit.provenance import utc_now
from postedit.user_lexicon import Entry, Lexicon, add
from postedit_tui.screens.modals import ChoiceScreen

MAX_WORDS = 4


def flagged_word(session: ReviewSession, segment_id: str) -> str | None:
    """The text of the first flag that covers a word or name (not the whole sentence)."""
    text = session.text(segment_id)
    for flag in session.local_flags(segment_id):
        span = text[flag.start : flag.end].strip()
        if any(c.isalpha() for c in span) and span != text.strip() \
                and len(span.split()) <= MAX_WORDS:
            return span
    return None


def fine_everywhere(session: ReviewSession, word: str, article: str) -> Entry:
    """Write ``word`` as fine to the user's lexicon and recheck the session with it."""
    entry = Entry("fine", word, who=session.editor, when=utc_now(),
                  why=f"marked fine everywhere while reviewing {article}")
    add(entry)
    lexicon = session.config.lexicon
    session.use_config(replace(session.config,
                               lexicon=Lexicon((*lexicon.entries, entry), lexicon.site)))
    return entry


class FineScreen(ChoiceScreen):
    """Mark fine: this sentence only, or the flagged word everywhere?"""

    BINDINGS = [
        Binding("s", "answer('sentence')", "This sentence only"),
        Binding("w", "answer('word')", "This word everywhere"),
        Binding("escape,c", "answer(None)", "Cancel"),
    ]
    CHOICES = (("sentence", "Sentence only (s)", "primary"), ("word", "Everywhere (w)", "default"),
               ("cancel", "Cancel (esc)", "default"))

    def __init__(self, word: str) -> None:
        super().__init__()
        self.word = word

    def question(self) -> str:
        return f"Mark fine: the sentence, or “{self.word}” everywhere?"
