"""The engine evidence rules: catalogue entries for flags that engines, not detectors, raise.

Back-translation (:mod:`postedit.backtranslation`) and the bilingual comparison
(:mod:`postedit.bilingual`) add flags with these ids (``origin: engine:NAME``).
They are not detectors (nothing runs them per sentence), but they have stable
names like detectors do, so ``--rules``/``--skip-rules``, ``postedit rules`` and
the XLIFF export treat them alike. ``scope`` says what the evidence needs:
``engine`` a round trip, ``source`` the original article (``--source``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EngineRule:
    """A flag an engine can raise: id, MQM category, severity, what it needs, what it finds."""

    id: str
    category: str
    severity: str
    scope: str
    description: str


ENGINE_RULES: dict[str, EngineRule] = {
    rule.id: rule
    for rule in (
        EngineRule("engine-unknown-word", "fluency/spelling", "minor", "engine",
                   "A word the engine does not know (Apertium's *SyriaAfter): glued words or a "
                   "lowercase name"),
        EngineRule("engine-roundtrip", "fluency/unintelligible", "minor", "engine",
                   "A round trip far below the document's other sentences (calibrated chrF++)"),
        EngineRule("engine-low-probability", "fluency/unintelligible", "minor", "engine",
                   "A sentence the Argos model finds unlikely as a translation (log-probability)"),
        EngineRule("engine-omission", "accuracy/omission", "minor", "source",
                   "Much shorter than its sentence in the original: something left out?"),
        EngineRule("engine-addition", "accuracy/addition", "minor", "source",
                   "No sentence of the original matches, or much longer than it"),
        EngineRule("engine-number-mismatch", "accuracy/mistranslation", "minor", "source",
                   "Numbers that differ between the original and the translation"),
    )
}  # fmt: skip
