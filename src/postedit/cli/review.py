"""The ``review`` command: open an article in the review UI (the ``[tui]`` extra)."""

from __future__ import annotations

import click

from postedit.cli.common import (
    analysis_options,
    chosen_site,
    config_from,
    epilog,
    setting,
    source_lang_and_note,
)
from postedit.engines import ENGINE_CHOICES


@click.command(epilog=epilog("""
Examples:
  postedit review fixtures/articles/floods-valencia-en.txt
  postedit review news.jsonl --record 42 --editor "Ann Editor"
"""))
@click.argument("article")
@click.option("--source", "source_path", help="The original (source-language) article, if known.")
@click.option("--source-lang", help="Language translated from (default: the config file's, else es).")
@click.option(
    "--engine",
    type=click.Choice(ENGINE_CHOICES),
    help="Back-translation engine for round-trip scores (default: the config file's, else auto).",
)
@click.option("-o", "--output", help="Where to save the edited article (default ARTICLE.edited.EXT).")
@click.option("--editor", help="Name recorded in the provenance (default: the config file's editor, "
              "else git user.name, else the login name).")
@click.option("--record", "record_id", help="For a .jsonl collection: the id of the article to review.")
@click.option("--memory-file", type=click.Path(dir_okay=False),
              help="Edit memory to suggest from and add to (default: the user's data directory).")
@analysis_options
def review(
    article: str,
    source_path: str | None,
    source_lang: str | None,
    engine: str | None,
    output: str | None,
    editor: str | None,
    record_id: str | None,
    memory_file: str | None,
    lang: str | None,
    rules: str | None,
    skip_rules: str | None,
) -> None:
    """Open ARTICLE in the review UI to repair it sentence by sentence."""
    from postedit.extras import require_extra

    run_review = require_extra("tui", "the review UI", "postedit_tui", "run_review")
    engine = setting("engine", engine)
    # The UI covers stderr while it runs: the assumed language is not said here.
    config = config_from(lang, rules, skip_rules,
                         source_lang=source_lang_and_note(source_lang, engine)[0])
    run_review(
        article,
        config=config,
        source_path=source_path,
        engine=engine,
        output=output,
        editor=setting("editor", editor),
        record=record_id,
        memory=memory_file,
        site=chosen_site(),
    )



COMMANDS = [review]
