"""Installed Argos packages: find, route (with an English pivot), install safely, remove.

Packages live where Argos Translate keeps them: ``$ARGOS_PACKAGES_DIR`` when set
(read at call time, so tests and users can switch it), else the directories of
``argostranslate.settings``. Reading uses ``argostranslate.package.Package``.

Installing from a ``.argosmodel`` file never calls Argos' own ``extractall``:
each member is checked (no absolute paths, no ``..``, no symlinks, one top-level
folder, a bounded unpacked size), extracted into a hidden temporary folder next
to the packages, validated (``metadata.json``, ``model/``, tokenizer) and only
then renamed into place. Any failure removes the temporary folder, so a failed
install leaves nothing behind.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from postedit.errors import EngineError, EnginePairError

MAX_UNPACKED_BYTES = 4 * 1024**3  # the largest real Argos packages unpack to well under 1 GiB
# Model weights barely compress (real packages: 1-3x); a zip bomb reaches 1000x.
MAX_COMPRESSION_RATIO = 100
_MAX_NAME_BYTES = 255  # the longest file name most file systems accept
PIVOT = "en"
_CODE = re.compile(r"[a-z]{2,3}(?:[_-][A-Za-z]{2,4})?")  # used with fullmatch: no "es\n"
_CHUNK = 1 << 20


@dataclass(frozen=True)
class ArgosPackage:
    """One installed translation package.

    Attributes:
        from_code, to_code: language codes (ISO 639-1 mostly).
        version: ``package_version`` from ``metadata.json``.
        path: the package folder.
        size_bytes: size on disk.
        tokenizer: ``sentencepiece.model`` or ``bpe.model`` path.
        target_prefix: token Argos puts before every target (multilingual models), or "".
    """

    from_code: str
    to_code: str
    version: str
    path: Path
    size_bytes: int
    tokenizer: Path | None
    target_prefix: str = ""

    @property
    def model_id(self) -> str:
        return f"{self.from_code}_{self.to_code}@{self.version}"


def packages_dirs() -> list[Path]:
    """Where installed packages are looked for (first one is where installs go)."""
    env = os.environ.get("ARGOS_PACKAGES_DIR")
    if env:
        return [Path(env).expanduser()]
    from argostranslate import settings  # creates Argos' folders: only when Argos is used

    return [Path(p) for p in settings.package_dirs]


def install_dir() -> Path:
    return packages_dirs()[0]


def installed_packages() -> list[ArgosPackage]:
    """Every readable translation package, sorted by language pair."""
    found = []
    for directory in packages_dirs():
        if not directory.is_dir():
            continue
        for folder in sorted(directory.iterdir()):
            package = _read_package(folder)
            if package is not None:
                found.append(package)
    return sorted(found, key=lambda p: (p.from_code, p.to_code, p.path.name))


def _read_package(folder: Path) -> ArgosPackage | None:
    if folder.name.startswith(".") or not (folder / "metadata.json").is_file():
        return None
    try:
        from argostranslate.package import Package

        meta = Package(folder)
    except Exception:  # a broken folder is skipped, never fatal for the others
        return None
    if getattr(meta, "type", "translate") != "translate" or not meta.from_code:
        return None
    return ArgosPackage(
        from_code=meta.from_code,
        to_code=meta.to_code,
        version=str(meta.package_version or "0"),
        path=folder,
        size_bytes=folder_size(folder),
        tokenizer=_tokenizer_file(folder),
        target_prefix=getattr(meta, "target_prefix", "") or "",
    )


def _tokenizer_file(folder: Path) -> Path | None:
    for name in ("sentencepiece.model", "bpe.model"):
        if (folder / name).is_file():
            return folder / name
    return None


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def find_route(src: str, tgt: str, packages: list[ArgosPackage]) -> list[ArgosPackage] | None:
    """Packages translating ``src`` to ``tgt``: direct, or two hops through English."""
    by_pair = {(p.from_code, p.to_code): p for p in packages}
    if (src, tgt) in by_pair:
        return [by_pair[(src, tgt)]]
    if PIVOT not in (src, tgt) and (src, PIVOT) in by_pair and (PIVOT, tgt) in by_pair:
        return [by_pair[(src, PIVOT)], by_pair[(PIVOT, tgt)]]
    return None


def missing_model_error(src: str, tgt: str) -> EngineError:
    where = ", ".join(str(d) for d in packages_dirs())
    return EnginePairError(
        f"no Argos model for {src}->{tgt} is installed (looked in {where}); "
        f"install it with: postedit models install {src} {tgt}"
    )


def remove_package(src: str, tgt: str) -> ArgosPackage:
    for package in installed_packages():
        if (package.from_code, package.to_code) == (src, tgt):
            shutil.rmtree(package.path)
            return package
    raise EngineError(f"no Argos model for {src}->{tgt} is installed; see: postedit models list")


def install_from_file(archive: Path, *, max_bytes: int = MAX_UNPACKED_BYTES) -> ArgosPackage:
    """Safely install a ``.argosmodel`` zip; replace an installed package of the same pair."""
    archive = Path(archive)
    if not archive.is_file():
        raise EngineError(f"{archive}: no such file")
    if not zipfile.is_zipfile(archive):
        raise EngineError(f"{archive}: not an Argos package (expected a zip archive)")
    target_dir = install_dir()
    target_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".postedit-install-", dir=target_dir))
    try:
        try:
            top = _extract_checked(archive, staging, max_bytes)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError) as exc:
            raise EngineError(f"{archive}: refused: damaged archive ({exc})") from None
        folder = staging / top
        meta = _validate_package(archive, folder)
        final = target_dir / _folder_name(meta)
        _replace_folder(folder, final, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    package = _read_package(final)
    if package is None:
        raise EngineError(f"{archive}: installed, but Argos cannot read the package")
    return package


def _member_problem(info: zipfile.ZipInfo) -> str | None:
    name = info.filename
    path = PurePosixPath(name.replace("\\", "/"))
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return f"absolute path {name!r}"
    if ".." in path.parts:
        return f"path traversal {name!r}"
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return f"symbolic link {name!r}"
    if stat.S_IFMT(mode) not in (0, stat.S_IFREG, stat.S_IFDIR):  # 0: no Unix type recorded
        return f"special file {name!r}"
    if info.flag_bits & 0x1:
        return f"encrypted member {name[:60]!r}"
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return f"unsupported compression method {info.compress_type} in {name[:60]!r}"
    if any(len(part.encode()) > _MAX_NAME_BYTES for part in path.parts):
        return f"a file name longer than {_MAX_NAME_BYTES} bytes ({name[:40]!r}...)"
    return None


def _extract_checked(archive: Path, staging: Path, max_bytes: int) -> str:
    """Extract into ``staging`` after checking every member; return the top-level folder."""
    with zipfile.ZipFile(archive) as zf:
        members = zf.infolist()
        for info in members:
            problem = _member_problem(info)
            if problem:
                raise EngineError(f"{archive}: refused: {problem}")
        tops = {PurePosixPath(m.filename.replace("\\", "/")).parts[0] for m in members}
        if len(tops) != 1 or not any(m.filename.count("/") for m in members):
            raise EngineError(f"{archive}: refused: expected one top-level folder")
        if sum(m.file_size for m in members) > max_bytes:
            raise EngineError(f"{archive}: refused: unpacks to more than {max_bytes} bytes")
        limit = min(max_bytes, MAX_COMPRESSION_RATIO * max(archive.stat().st_size, 1 << 20))
        written = 0
        try:
            for info in members:
                written = _extract_member(zf, info, staging, written, limit, archive)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error) as exc:
            raise EngineError(f"{archive}: refused: damaged archive ({exc})") from None
    return tops.pop()


def _extract_member(zf, info, staging: Path, written: int, max_bytes: int, archive: Path) -> int:
    target = staging.joinpath(*PurePosixPath(info.filename.replace("\\", "/")).parts)
    if not target.resolve().is_relative_to(staging.resolve()):
        raise EngineError(f"{archive}: refused: path traversal {info.filename!r}")
    if info.is_dir():
        target.mkdir(parents=True, exist_ok=True)
        return written
    target.parent.mkdir(parents=True, exist_ok=True)
    with zf.open(info) as source, open(target, "wb") as out:
        while chunk := source.read(_CHUNK):
            written += len(chunk)
            if written > max_bytes:  # sizes in the zip directory can lie
                raise EngineError(
                    f"{archive}: refused: unpacks to more than {max_bytes} bytes "
                    f"(at most {MAX_COMPRESSION_RATIO}x its size, {MAX_UNPACKED_BYTES} bytes in all)"
                )
            out.write(chunk)
    return written


def _validate_package(archive: Path, folder: Path) -> dict:
    meta_path = folder / "metadata.json"
    if not meta_path.is_file():
        raise EngineError(f"{archive}: refused: metadata.json is missing")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EngineError(f"{archive}: refused: metadata.json is not valid JSON ({exc})") from exc
    if not isinstance(meta, dict):
        raise EngineError(f"{archive}: refused: metadata.json is not a JSON object")
    for key in ("from_code", "to_code"):
        if not isinstance(meta.get(key), str) or not _CODE.fullmatch(meta[key]):
            raise EngineError(f"{archive}: refused: metadata.json has no valid {key!r}")
    if not isinstance(meta.get("package_version", ""), str | int | float):
        raise EngineError(f"{archive}: refused: metadata.json has a malformed 'package_version'")
    if not (folder / "model" / "model.bin").is_file():
        raise EngineError(f"{archive}: refused: model/model.bin is missing")
    if _tokenizer_file(folder) is None:
        raise EngineError(f"{archive}: refused: no sentencepiece.model or bpe.model")
    return meta


def _folder_name(meta: dict) -> str:
    version = re.sub(r"[^0-9A-Za-z]+", "_", str(meta.get("package_version", "0")))
    return f"translate-{meta['from_code']}_{meta['to_code']}-{version}"


def _replace_folder(new: Path, final: Path, staging: Path) -> None:
    """Move ``new`` to ``final``; drop any installed package of the same pair."""
    meta = json.loads((new / "metadata.json").read_text(encoding="utf-8"))
    pair = (meta["from_code"], meta["to_code"])
    old = [
        p.path
        for p in installed_packages()
        if (p.from_code, p.to_code) == pair and p.path.parent == final.parent
    ]
    if final.exists():
        old.append(final)
    for index, path in enumerate(dict.fromkeys(old)):
        path.rename(staging / f".old-{index}")  # removed with the staging folder
    new.rename(final)


def install_from_index(src: str, tgt: str) -> list[ArgosPackage]:
    """Download and install ``src->tgt`` (or both hops through English) from the Argos index."""
    from argostranslate import package as argos_package
    from argostranslate import settings

    _refresh_index(settings.remote_package_index, Path(settings.local_package_index))
    available = [p for p in argos_package.get_available_packages() if p.type == "translate"]
    by_pair = {(p.from_code, p.to_code): p for p in available}
    wanted = [(src, tgt)] if (src, tgt) in by_pair else [(src, PIVOT), (PIVOT, tgt)]
    if any(pair not in by_pair for pair in wanted):
        raise EngineError(f"the Argos index has no model for {src}->{tgt}")
    installed = []
    for pair in wanted:
        try:
            download = Path(by_pair[pair].download())
        except Exception as exc:  # Argos raises bare Exceptions on network errors
            raise EngineError(f"downloading the Argos model {pair[0]}->{pair[1]} failed: {exc}") from exc
        try:
            installed.append(install_from_file(download))
        finally:
            download.unlink(missing_ok=True)
    return installed


def _refresh_index(url: str, local: Path) -> None:
    """Fetch the package index with a timeout (Argos' own call can hang or recurse offline)."""
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            data = response.read()
    except Exception as exc:  # URLError, timeouts, SSL errors: all mean "not reachable"
        reason = getattr(exc, "reason", exc)
        raise EngineError(
            f"cannot reach the Argos package index at {url} ({reason}); download the "
            ".argosmodel file elsewhere and run: postedit models install --file PATH"
        ) from exc
    local.parent.mkdir(parents=True, exist_ok=True)
    local.write_bytes(data)
