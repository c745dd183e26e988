"""Apertium's analyser and tagger as optional evidence (postedit.tagging).

The parsing and the failure paths are tested on made-up tagger output and need nothing
installed. The tests that run ``lt-proc`` and ``apertium-tagger`` skip when Apertium's
English-Spanish pair is absent, unless ``CI`` is set: then they fail, because CI must
have the Debian packages installed.
"""

from __future__ import annotations

import os
import subprocess

import pytest

from postedit import tagging
from postedit.config import resolve
from postedit.pipeline import analyse, detect, make_document
from postedit.tagging import Analysis, TaggedWord, parse_output, stream_input, tag_document

needs_tagger = pytest.mark.skipif(
    tagging.tagger_files("en", "es") is None and not os.environ.get("CI"),
    reason="Apertium's analyser and tagger are not installed (apt-get install apertium "
    "apertium-eng-spa); with CI set these tests fail instead of skipping",
)

# What ``lt-proc -z | apertium-tagger -z -g -p`` prints for three made-up chunks.
OUTPUT = (
    "^They/prpers<prn><subj><p3><mf><pl>$ ^went/go<vblex><past>$^./.<sent>$ \0"
    "^It/prpers<prn><subj><p3><nt><sg>$ ^won't/will<vaux><inf>+not<adv>$ "
    "^\\[/\\[<lpar>$^x/*x$^\\]/\\]<rpar>$ \\^^y/*y$ \0"
    "^The/the<det><def><sp>$ ^rebels/rebel<vblex><pri><p3><sg>$ ^in/in<pr>$ "
    "^Las/el<det><def><f><pl>$ ^Rozas/rozar<vblex><pri><p2><sg>$ \0\0\0"
)


def test_parse_output_reads_surface_lemma_and_tags() -> None:
    chunks = parse_output(OUTPUT, 3)
    assert chunks is not None
    first = chunks[0]
    assert [w.surface for w in first] == ["They", "went", "."]
    assert first[1].parts == (Analysis("go", ("vblex", "past")),)
    assert first[1].finite_verb and not first[0].finite_verb


def test_parse_output_splits_joined_words_and_unescapes() -> None:
    chunks = parse_output(OUTPUT, 3)
    assert chunks is not None
    words = {w.surface: w for w in chunks[1]}
    assert [p.lemma for p in words["won't"].parts] == ["will", "not"]
    assert words["won't"].finite_verb  # a modal is always finite
    assert "[" in words and "]" in words
    assert not words["x"].known
    assert "y" in words  # the escaped ^ before it is text, not the start of a unit


def test_parse_output_wants_exactly_the_chunks_it_was_sent() -> None:
    assert parse_output(OUTPUT, 4) is None  # only three hold words
    assert parse_output(OUTPUT, 2) is None  # a third chunk with words is left over
    assert parse_output(" \0", 1) == [()]  # an empty sentence comes back as its blank
    assert parse_output("", 1) is None


def test_finite_verbs_skip_names_and_words_after_a_determiner() -> None:
    chunks = parse_output(OUTPUT, 3)
    assert chunks is not None
    assert tagging.SentenceTags("", chunks[0]).finite_verbs() == ("went",)
    # "The rebels" and "Las Rozas": the tagger read both as verbs; neither counts
    assert tagging.SentenceTags("", chunks[2]).finite_verbs() == ()


def test_stream_input_escapes_and_terminates_each_chunk() -> None:
    data = stream_input(["A [b] ^c$ went.", "two\nlines", "nul\0here"])
    assert data == b"A \\[b\\] \\^c\\$ went. \0two lines \0nul here \0"


def test_names_need_an_unknown_lower_case_word_and_a_proper_noun() -> None:
    lloyd = TaggedWord("Lloyd", (Analysis("Lloyd", ("np", "ant", "m", "sg")),))
    marina = TaggedWord("Marina", (Analysis("Marina", ("np", "ant", "f", "sg")),))
    sentences = {"s1": tagging.SentenceTags("", (TaggedWord("lloyd", ()),
                                                 TaggedWord("marina", (Analysis("marina", ("n", "sg")),))))}
    assert tagging._names(["lloyd", "marina"], [(lloyd,), (marina,)], sentences) == {"lloyd"}


def test_a_failing_or_hanging_tagger_gives_no_evidence(monkeypatch: pytest.MonkeyPatch) -> None:
    def hangs(*args: object, **kwargs: object) -> None:
        raise subprocess.TimeoutExpired("lt-proc", 1)

    monkeypatch.setattr(tagging.subprocess, "run", hangs)
    assert tagging.run_tagger(tagging.Path("x.bin"), tagging.Path("x.prob"), ["A text."]) is None


def test_a_missing_program_or_pair_gives_no_evidence(monkeypatch: pytest.MonkeyPatch) -> None:
    config = resolve(lang="en")
    document = make_document("d", "The army withdrew.", config=config)
    monkeypatch.setattr(tagging.shutil, "which", lambda name: None)
    assert tag_document(document, "es") is None
    assert tagging.tagger_files("de") is None  # no language the detectors can read


@needs_tagger
def test_bad_files_give_no_evidence(tmp_path: tagging.Path) -> None:
    bad = tmp_path / "none.automorf.bin"
    bad.write_bytes(b"not a transducer")
    assert tagging.run_tagger(bad, bad, ["A text."]) is None


@needs_tagger
def test_one_run_keeps_every_sentence_boundary() -> None:
    text = ("They went home. It [really] costs $5 ^ 3.\n\nThe army withdrew. Then in front of\n\n"
            "the house nothing. Cupo todo.")
    config = resolve(lang="en")
    document = make_document("d", text, config=config)
    tags = tag_document(document, "es")
    assert tags is not None and tags.mode == "eng-spa"
    for seg in document.segments:
        tagged = tags.of(seg)
        assert tagged is not None
        letters = "".join(c for w in tagged.words for c in w.surface if c.isalnum())
        assert letters == "".join(c for c in seg.text if c.isalnum())  # nothing lost or moved
    assert tags.of(document.segments[0]).finite_verbs() == ("went",)  # type: ignore[union-attr]


@needs_tagger
def test_spanish_and_names() -> None:
    config = resolve(lang="es")
    document = make_document("d", "Cupo todo. Lo dijo Lloyd. Luego lloyd salió.", config=config)
    tags = tag_document(document, "en")
    assert tags is not None and tags.mode == "spa-eng"
    assert tags.of(document.segments[0]).finite_verbs() == ("Cupo",)  # type: ignore[union-attr]
    assert "lloyd" in tags.names


@needs_tagger
def test_the_tagger_changes_the_fragment_verdict() -> None:
    text = "The council met on Monday.\n\nThe army withdrew. Border with the river respectively."
    config = resolve(lang="en")
    document = make_document("d", text, config=config)
    withdrew, border = document.segments[1:]
    without, _ = detect(document, config)
    assert [f.rule for f in without[withdrew.id]] == ["fragment"]  # the lists miss "withdrew"
    tags = tag_document(document, "es")
    with_tags, _ = detect(document, config, tags)
    assert with_tags[withdrew.id] == []
    [flag] = with_tags[border.id]
    assert "Apertium's tagger finds no finite verb either" in flag.message
    assert analyse(document, config, tags=tags).segments[1].verdict == "ok"


@needs_tagger
def test_the_analyser_backs_a_lowercase_name() -> None:
    text = "Lloyd Austin spoke first. Later the minister, lloyd austin, left."
    config = resolve(lang="en")
    document = make_document("d", text, config=config)
    flags, _ = detect(document, config, tag_document(document, "es"))
    [flag] = [f for f in flags[document.segments[1].id] if f.rule == "lowercase-name"]
    assert "(Apertium knows “Lloyd”, “Austin” only as names)" in flag.message


class _NamedEngine:
    def __init__(self, name: str) -> None:
        self.name = name


def test_tags_are_asked_for_only_when_apertium_is_the_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    from postedit import pipeline

    asked: list[str | None] = []
    monkeypatch.setattr(pipeline, "tag_document", lambda doc, partner: asked.append(partner))
    config = resolve(lang="en", source_lang="de")
    document = make_document("d", "The army withdrew.", config=config)
    for engine in (None, _NamedEngine("argos"), _NamedEngine("apertium")):
        pipeline.apertium_tags(document, engine, config)  # type: ignore[arg-type]
    assert asked == ["de"]  # once, for Apertium, with the engine's other language
