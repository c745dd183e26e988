"""Detached Ed25519 signatures over provenance sidecars (the ``[sign]`` extra).

The hash chain in a sidecar proves that the output follows from the input through the
recorded revisions, but anyone can rewrite both files and recompute every hash. A
signature made with a private key only the editor holds closes that gap: ``verify
--pubkey`` accepts the sidecar only if it is byte for byte the one that was signed, and
the chain then ties the output to it.

The signature lives beside the sidecar as ``OUTPUT.prov.json.sig``: one line,
``ed25519 <base64 signature>``. Keys are PEM files (PKCS#8 private key, written
readable by its owner only; SubjectPublicKeyInfo public key). The ``cryptography``
package is imported only here, and only when a key is used.
"""

from __future__ import annotations

import base64
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from postedit.errors import InputError, OutputError
from postedit.extras import require_extra
from postedit.verify import VerifyResult
from postedit.writers import write_atomic

SIGNATURE_SUFFIX = ".sig"
_SCHEME = "ed25519"


def signature_path(sidecar: str) -> str:
    """Where the signature of ``sidecar`` lives: ``SIDECAR.sig``."""
    return f"{sidecar}{SIGNATURE_SUFFIX}"


def _ed25519() -> Any:
    return require_extra("sign", "signing", "cryptography.hazmat.primitives.asymmetric.ed25519")


def _serialization() -> Any:
    return require_extra("sign", "signing", "cryptography.hazmat.primitives.serialization")


def generate_key(private_path: str, *, force: bool = False) -> str:
    """Write a new private key to ``private_path`` and its public key beside it (``.pub``)."""
    ser = _serialization()
    public_path = f"{private_path}.pub"
    if not force and any(os.path.exists(p) for p in (private_path, public_path)):
        raise OutputError("exists; pass --force to replace the key pair", path=private_path)
    key = _ed25519().Ed25519PrivateKey.generate()
    private = key.private_bytes(ser.Encoding.PEM, ser.PrivateFormat.PKCS8, ser.NoEncryption())
    public = key.public_key().public_bytes(ser.Encoding.PEM, ser.PublicFormat.SubjectPublicKeyInfo)
    _write_private(private_path, private)
    write_atomic(public_path, public, force=True)
    return public_path


def _write_private(path: str, data: bytes) -> None:
    """Write ``data`` to a file that is never readable by anyone but its owner, not even briefly."""
    if os.path.lexists(path):
        os.unlink(path)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", path=path) from None
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def sign_sidecar(sidecar: str, private_path: str) -> str:
    """Sign the bytes of ``sidecar`` with the key in ``private_path``; the signature's path."""
    key = _load(private_path, private=True)
    signature = key.sign(_read(sidecar))
    target = signature_path(sidecar)
    line = f"{_SCHEME} {base64.b64encode(signature).decode('ascii')}\n"
    write_atomic(target, line.encode("ascii"), force=True)  # a re-signed sidecar replaces it
    return target


def check_signature(sidecar: str, public_path: str) -> str | None:
    """None when ``SIDECAR.sig`` is a valid signature of ``sidecar`` by ``public_path``'s key,
    else what is wrong, in words (about the signature file)."""
    key = _load(public_path, private=False)
    target = signature_path(sidecar)
    if not os.path.exists(target):
        return "no signature here: sign the record with postedit sign EDITED --key KEY"
    signature = _parse(target)
    if signature is None:
        return f"not an {_SCHEME} signature line"
    from cryptography.exceptions import InvalidSignature

    try:
        key.verify(signature, _read(sidecar))
    except InvalidSignature:
        return "signature does not match: the sidecar was changed after signing, or another key signed it"
    return None


def _parse(target: str) -> bytes | None:
    scheme, _, encoded = _read(target).decode("ascii", "replace").strip().partition(" ")
    try:
        signature = base64.b64decode(encoded, validate=True)
    except ValueError:
        return None
    return signature if scheme == _SCHEME and len(signature) == 64 else None


def _load(path: str, *, private: bool) -> Any:
    """The Ed25519 key in the PEM file ``path``; a one-line error for anything else."""
    ser, ed25519 = _serialization(), _ed25519()
    data = _read(path)
    try:
        key = ser.load_pem_private_key(data, None) if private else ser.load_pem_public_key(data)
    except (ValueError, TypeError):
        key = None
    wanted = ed25519.Ed25519PrivateKey if private else ed25519.Ed25519PublicKey
    if not isinstance(key, wanted):
        kind = "private" if private else "public"
        raise InputError(f"not an unencrypted Ed25519 {kind} key in PEM (make one with postedit keygen)",
                         path=path)
    return key


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from None


def signed_result(result: VerifyResult, sidecar: str, public_path: str) -> VerifyResult:
    """``result`` of ``verify``, broken as well when the sidecar's signature does not check."""
    if not result.ok:
        return result
    problem = check_signature(sidecar, public_path)
    if problem is not None:
        return replace(result, ok=False, message=problem, file=signature_path(sidecar))
    return replace(result, message=f"{result.message}; signed by the key of {public_path}")
