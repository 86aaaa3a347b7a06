"""Builds a stand-in Argos package: a real CTranslate2 transformer with tiny random
weights, a SentencePiece model trained on a given text, and ``metadata.json``,
zipped as an ``.argosmodel``.

Its translations are gibberish. It exists to prove the plumbing (package install,
tokenizer, CTranslate2 batching, caching) end to end and offline.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Dims:
    """A transformer's shape: the tiny one for tests, Argos's fr→en shape for benchmarks."""

    encoder_layers: int
    decoder_layers: int
    d_model: int
    heads: int
    ffn: int
    vocab: int
    quantization: str | None = None


TINY = Dims(1, 1, 32, 2, 64, 400)
REAL = Dims(6, 6, 512, 8, 2048, 32_000, "int8")
"""The dimensions of Argos Translate's fr→en transformer (base size, 32k vocabulary, int8)."""

PACKAGE_VERSION = "0.0.1-standin"
EOS_ID = 2  # SentencePiece's </s>, which CTranslate2 also uses as end of sequence
EOS_BIAS = 1.5


def _train_sentencepiece(text_file: Path, prefix: Path, vocab_size: int) -> list[str]:
    """A unigram model trained on ``text_file``; one text cannot fill a 32k vocabulary, so
    a real-size vocabulary is padded with synthetic pieces (the softmax cost is what counts)."""
    import sentencepiece as spm

    padding = [f"▁zz{i:05d}" for i in range(max(0, vocab_size - 2_000))]
    spm.SentencePieceTrainer.train(
        input=str(text_file),
        model_prefix=str(prefix),
        vocab_size=vocab_size if padding else vocab_size,
        user_defined_symbols=padding,
        hard_vocab_limit=False,
        character_coverage=1.0,
        model_type="unigram",
        minloglevel=2,
    )
    processor = spm.SentencePieceProcessor(model_file=f"{prefix}.model")
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def _fill(spec: Any, vocab_size: int, dims: Dims, rng: np.random.Generator) -> None:
    """Gives every required variable of a TransformerSpec a small random value."""
    from ctranslate2.specs import common_spec, model_spec

    def rand(*shape: int) -> np.ndarray:
        return (rng.standard_normal(shape, dtype=np.float32) * 0.2).astype(np.float32)

    D_MODEL, FFN = dims.d_model, dims.ffn  # noqa: N806 - read like the constants they are

    def visit(layer: Any, scope: str) -> None:
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

    def visit_linear(parent: Any, list_name: str, index: int, child: Any, scope: str) -> None:
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

    def set_leaf(layer: Any, name: str, scope: str) -> None:
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


def build_model_dir(model_dir: Path, vocab: list[str], dims: Dims = TINY, seed: int = 7) -> None:
    """Writes a CTranslate2 model directory with random weights over ``vocab``."""
    from ctranslate2.converters.converter import Converter
    from ctranslate2.specs import transformer_spec

    class RandomConverter(Converter):  # type: ignore[misc]  # ctranslate2 has no types
        def _load(self) -> Any:  # a TransformerSpec
            spec = transformer_spec.TransformerSpec.from_config(
                (dims.encoder_layers, dims.decoder_layers), dims.heads
            )
            _fill(spec, len(vocab), dims, np.random.default_rng(seed))
            spec.register_source_vocabulary(vocab)
            spec.register_target_vocabulary(vocab)
            return spec

    RandomConverter().convert(str(model_dir), quantization=dims.quantization, force=True)


def build_standin_package(
    text_file: Path, work_dir: Path, dims: Dims = TINY, name: str = "translate-fr_en-standin"
) -> Path:
    """Builds ``<work_dir>/<name>.argosmodel`` and returns its path."""
    package_dir = work_dir / name
    package_dir.mkdir(parents=True, exist_ok=True)
    pieces = _train_sentencepiece(text_file, package_dir / "sentencepiece", dims.vocab)
    (package_dir / "sentencepiece.vocab").unlink(missing_ok=True)
    # CTranslate2 needs its own special tokens; SentencePiece's <unk>, <s>, </s> match them.
    build_model_dir(package_dir / "model", pieces, dims)
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
