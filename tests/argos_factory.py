"""Build tiny synthetic Argos packages for tests and benchmarks.

A real Argos package is a zip (``.argosmodel``) holding one top-level folder with
``metadata.json``, a CTranslate2 model in ``model/`` and a ``sentencepiece.model``.
We build exactly that, with a two-layer Transformer whose weights are random
(fixed seed) and a SentencePiece model trained on ``tests/data/spm-corpus.txt``.
The translations are nonsense; the plumbing (install, load, tokenise, batch,
score, pivot) is real. Building one package takes well under a second.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np

CORPUS = Path(__file__).parent / "data" / "spm-corpus.txt"
D_MODEL = 32
FFN = 64
HEADS = 2
LAYERS = 2
EOS_BIAS = 2.0


def train_sentencepiece(workdir: Path, vocab_size: int = 400) -> Path:
    """Train (once per workdir) a small unigram SentencePiece model on the fixture corpus."""
    import sentencepiece as spm

    workdir.mkdir(parents=True, exist_ok=True)
    model = workdir / "spm.model"
    if not model.exists():
        spm.SentencePieceTrainer.train(
            input=str(CORPUS),
            model_prefix=str(workdir / "spm"),
            vocab_size=vocab_size,
            hard_vocab_limit=False,
            num_threads=1,
            character_coverage=1.0,
            minloglevel=2,
        )
    return model


def _vocabulary(sp_model: Path) -> list[str]:
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_file=str(sp_model))
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def _fill_random(spec: object, vocab_size: int, rng: np.random.Generator) -> None:
    """Give every required, unset weight of ``spec`` a random value of the right shape."""

    def shape_of(name: str) -> tuple[int, ...]:
        parts = name.split("/")
        leaf, parent = parts[-1], parts[-2]
        if leaf in ("gamma", "beta"):
            return (D_MODEL,)
        if parent.startswith("embeddings") or parent == "projection":
            return (vocab_size, D_MODEL)
        block, linear = parts[-3], parent
        if block == "ffn":
            return (FFN, D_MODEL) if linear == "linear_0" else (D_MODEL, FFN)
        fused = {"self_attention": {"linear_0": 3}, "attention": {"linear_1": 2}}
        rows = fused.get(block, {}).get(linear, 1) * D_MODEL
        return (rows, D_MODEL)

    def visit(layer: object, name: str, value: object) -> None:
        if value is not None:
            return
        leaf = name.split("/")[-1]
        if leaf == "gamma":
            array = np.ones(shape_of(name), dtype=np.float32)
        elif leaf == "beta":
            array = np.zeros(shape_of(name), dtype=np.float32)
        else:
            array = rng.normal(0.0, 0.3, size=shape_of(name)).astype(np.float32)
        setattr(layer, leaf, array)

    spec._visit(visit)  # type: ignore[attr-defined]


def build_model(model_dir: Path, sp_model: Path, seed: int) -> None:
    """Save a random two-layer CTranslate2 Transformer sharing the SentencePiece vocabulary."""
    from ctranslate2.specs import transformer_spec

    vocabulary = _vocabulary(sp_model)
    spec = transformer_spec.TransformerSpec.from_config(LAYERS, HEADS)
    # Random logits never favour </s>; a bias on it gives translations of natural,
    # varied lengths (a few to a few dozen tokens) instead of running to the limit.
    bias = np.zeros(len(vocabulary), dtype=np.float32)
    bias[vocabulary.index("</s>")] = EOS_BIAS
    spec.decoder.projection.bias = bias
    _fill_random(spec, len(vocabulary), np.random.default_rng(seed))
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.optimize(quantization=None)
    model_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(model_dir))


def metadata(from_code: str, to_code: str, version: str = "1.0") -> dict:
    names = {"en": "English", "es": "Spanish", "fr": "French", "de": "German"}
    return {
        "package_version": version,
        "argos_version": "1.9",
        "from_code": from_code,
        "from_name": names.get(from_code, from_code),
        "to_code": to_code,
        "to_name": names.get(to_code, to_code),
        "type": "translate",
        "links": [],
    }


def build_package(
    out_dir: Path,
    from_code: str,
    to_code: str,
    *,
    sp_model: Path,
    seed: int = 0,
    version: str = "1.0",
) -> Path:
    """Write ``translate-<from>_<to>-<version>.argosmodel`` into ``out_dir`` and return it."""
    name = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    folder = out_dir / "build" / name
    folder.mkdir(parents=True, exist_ok=True)
    build_model(folder / "model", sp_model, seed)
    (folder / "sentencepiece.model").write_bytes(sp_model.read_bytes())
    (folder / "metadata.json").write_text(json.dumps(metadata(from_code, to_code, version)))
    (folder / "README.md").write_text(f"Synthetic test package {from_code}->{to_code}.\n")
    archive = out_dir / f"{name}.argosmodel"
    zip_folder(folder, archive)
    return archive


def zip_folder(folder: Path, archive: Path) -> None:
    """Zip ``folder`` so that it is the single top-level entry of ``archive``."""
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            zf.write(path, (Path(folder.name) / path.relative_to(folder)).as_posix())
