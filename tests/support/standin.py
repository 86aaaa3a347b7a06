"""Builds a stand-in Argos package: a real CTranslate2 transformer with tiny random
weights, a SentencePiece model trained on a given text, and ``metadata.json``,
zipped as an ``.argosmodel``.

Its translations are gibberish. It exists to prove the plumbing (package install,
tokenizer, CTranslate2 batching, caching) end to end and offline.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np

D_MODEL = 32
FFN = 64
HEADS = 2
LAYERS = 1
PACKAGE_VERSION = "0.0.1-standin"
EOS_ID = 2  # SentencePiece's </s>, which CTranslate2 also uses as end of sequence
EOS_BIAS = 1.5


def _train_sentencepiece(text_file: Path, prefix: Path, vocab_size: int) -> list[str]:
    import sentencepiece as spm

    spm.SentencePieceTrainer.train(
        input=str(text_file),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        model_type="unigram",
        minloglevel=2,
    )
    processor = spm.SentencePieceProcessor(model_file=f"{prefix}.model")
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def _fill(spec, vocab_size: int, rng: np.random.Generator) -> None:
    """Gives every required variable of a TransformerSpec a small random value."""
    from ctranslate2.specs import common_spec, model_spec

    def rand(*shape: int) -> np.ndarray:
        return (rng.standard_normal(shape) * 0.2).astype(np.float32)

    def visit(layer, scope: str) -> None:
        for name, value in list(layer.__dict__.items()):
            if name.startswith("_"):
                continue
            if isinstance(value, list):
                for i, child in enumerate(value):
                    if isinstance(child, model_spec.LayerSpec):
                        visit_linear(layer, name, i, child, scope)
            elif isinstance(value, model_spec.LayerSpec):
                visit(value, f"{scope}/{name}")
            elif value is None:
                set_leaf(layer, name, scope)

    def visit_linear(parent, list_name: str, index: int, child, scope: str) -> None:
        if isinstance(child, common_spec.LinearSpec) and list_name == "linear":
            self_attention = len(getattr(parent, list_name)) == 2
            if self_attention:
                rows = 3 * D_MODEL if index == 0 else D_MODEL
            else:
                rows = 2 * D_MODEL if index == 1 else D_MODEL
            child.weight = rand(rows, D_MODEL)
            child.bias = np.zeros(rows, dtype=np.float32)
            return
        visit(child, f"{scope}/{list_name}_{index}")

    def set_leaf(layer, name: str, scope: str) -> None:
        if isinstance(layer, common_spec.LayerNormSpec):
            size = D_MODEL
            setattr(
                layer,
                name,
                np.ones(size, np.float32) if name == "gamma" else np.zeros(size, np.float32),
            )
        elif isinstance(layer, common_spec.EmbeddingsSpec):
            layer.weight = rand(vocab_size, D_MODEL)
        elif isinstance(layer, common_spec.LinearSpec):
            if scope.endswith("linear_0"):
                layer.weight, layer.bias = rand(FFN, D_MODEL), np.zeros(FFN, np.float32)
            elif scope.endswith("linear_1"):
                layer.weight, layer.bias = rand(D_MODEL, FFN), np.zeros(D_MODEL, np.float32)
            elif scope.endswith("projection"):
                layer.weight = rand(vocab_size, D_MODEL)
                bias = np.zeros(vocab_size, np.float32)
                # Random weights never favour </s>; a nudge gives sentence-length outputs
                # (measured: most stop within 128 tokens) instead of always running to the cap.
                bias[EOS_ID] = EOS_BIAS
                layer.bias = bias
            else:
                raise ValueError(f"unexpected linear layer {scope}")
        else:
            raise ValueError(f"unexpected variable {scope}/{name}")

    visit(spec, "")


def build_model_dir(model_dir: Path, vocab: list[str], seed: int = 7) -> None:
    """Writes a CTranslate2 model directory with random weights over ``vocab``."""
    from ctranslate2.converters.converter import Converter
    from ctranslate2.specs import transformer_spec

    class RandomConverter(Converter):
        def _load(self):
            spec = transformer_spec.TransformerSpec.from_config(LAYERS, HEADS)
            _fill(spec, len(vocab), np.random.default_rng(seed))
            spec.register_source_vocabulary(vocab)
            spec.register_target_vocabulary(vocab)
            return spec

    RandomConverter().convert(str(model_dir), force=True)


def build_standin_package(
    text_file: Path, work_dir: Path, vocab_size: int = 400, name: str = "translate-fr_en-standin"
) -> Path:
    """Builds ``<work_dir>/<name>.argosmodel`` and returns its path."""
    package_dir = work_dir / name
    package_dir.mkdir(parents=True, exist_ok=True)
    pieces = _train_sentencepiece(text_file, package_dir / "sentencepiece", vocab_size)
    (package_dir / "sentencepiece.vocab").unlink(missing_ok=True)
    # CTranslate2 needs its own special tokens; SentencePiece's <unk>, <s>, </s> match them.
    build_model_dir(package_dir / "model", pieces)
    metadata = {
        "package_version": PACKAGE_VERSION,
        "argos_version": "1.0",
        "from_code": "fr",
        "from_name": "French",
        "to_code": "en",
        "to_name": "English",
        "type": "translate",
        "links": [],
    }
    (package_dir / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    archive = work_dir / f"{name}.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(package_dir.rglob("*")):
            zf.write(path, path.relative_to(work_dir).as_posix())
    return archive
