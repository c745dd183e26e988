"""One configuration object with documented defaults.

Public functions take ``config=None, **overrides``; :func:`resolve` turns that
into a :class:`Config`. Verdict weights and thresholds live in ``verdict.py``;
``Config.scoring`` carries the run's choice of them to ``--jobs`` workers.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from postedit.user_lexicon import Lexicon
from postedit.verdict import Scoring


@dataclass(frozen=True)
class Config:
    """Settings of an analysis.

    Attributes:
        lang: language of the machine translation; None detects it per document.
        source_lang: language the article was translated from (for round trips).
        rules: detector ids to run; None runs every registered detector.
        skip_rules: detector ids never to run.
        untranslated_min_words: shortest segment judged by the ``untranslated`` detector.
        fragment_max_words: sentences this short (or shorter) without a verb are fragments.
        caption_max_words: longest paragraph that can be recognised as a photo caption.
        headline_max_words: longest first paragraph taken for a headline.
        scoring: penalty weights and the garbled threshold (the config file's).
        lexicon: remembered decisions (words fine, rules dismissed) and the article's site.
    """

    lang: str | None = None
    source_lang: str = "es"
    rules: tuple[str, ...] | None = None
    skip_rules: tuple[str, ...] = ()
    untranslated_min_words: int = 5
    fragment_max_words: int = 8
    caption_max_words: int = 60
    headline_max_words: int = 30
    scoring: Scoring = Scoring()
    lexicon: Lexicon = Lexicon()

    def enabled(self, rule: str) -> bool:
        return rule not in self.skip_rules and (self.rules is None or rule in self.rules)


DEFAULT = Config()


def resolve(config: Config | None = None, **overrides: object) -> Config:
    return replace(config or DEFAULT, **overrides)  # type: ignore[arg-type]
