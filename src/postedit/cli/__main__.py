"""``python -m postedit.cli``: the same command line as the ``postedit`` script."""

from postedit.cli import main

main(prog_name="postedit")
