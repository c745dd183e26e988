"""The ``keygen`` and ``sign`` commands (the ``[sign]`` extra); ``verify --pubkey`` checks.

Thin click commands over :mod:`postedit.signing`.
"""

from __future__ import annotations

import click

from postedit.cli.common import epilog
from postedit.errors import InputError


@click.command("keygen", epilog=epilog("""
Example:
  postedit keygen ~/.config/postedit/editor.key
"""))
@click.argument("key_path", metavar="KEY")
@click.option("--force", is_flag=True, help="Replace an existing key pair.")
def keygen_command(key_path: str, force: bool) -> None:
    """Make an Ed25519 key pair: KEY (private, readable by you only) and KEY.pub.

    Keep KEY to yourself; give KEY.pub to whoever checks your edits.
    """
    from postedit.signing import generate_key

    public = generate_key(key_path, force=force)
    click.echo(f"{key_path}: private key (keep it secret); {public}: public key", err=True)


@click.command("sign", epilog=epilog("""
Examples:
  postedit sign article.edited.txt --key ~/.config/postedit/editor.key
  postedit verify article.edited.txt --pubkey editor.key.pub
"""))
@click.argument("edited")
@click.option("--key", "key_path", required=True, help="Private key made by postedit keygen.")
@click.option("--prov", help="Provenance sidecar (default EDITED.prov.json).")
def sign_command(edited: str, key_path: str, prov: str | None) -> None:
    """Sign the provenance sidecar of EDITED, writing SIDECAR.sig beside it.

    The record is verified first: a broken record is not signed.
    """
    from postedit.signing import sign_sidecar
    from postedit.verify import verify
    from postedit.writers import sidecar_path

    result = verify(edited, prov, None)
    if not result.ok:
        raise InputError(f"not signed, the record does not verify: {result.line()}", path=edited)
    signature = sign_sidecar(prov or sidecar_path(edited), key_path)
    click.echo(f"{edited}: signed -> {signature}", err=True)


COMMANDS = [keygen_command, sign_command]
