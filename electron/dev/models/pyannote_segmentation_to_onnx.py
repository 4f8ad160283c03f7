"""Converts pyannote's speaker segmentation model (PyanNet, MIT) to ONNX, without torch.

The checkpoint is the one WhisperX ships as whisperx/assets/pytorch_model.bin: pyannote/segmentation
(2.x, trained on AMI, DIHARD and VoxConverse), which maps 5 s of 16 kHz audio to the activity of up
to three local speakers per 16.9 ms frame (sigmoid, multi-label, so overlap shows as two at once).
It is a zip-format torch checkpoint; a restricted unpickler reads its state dict (it refuses every
class a state dict does not need, so the file cannot run code).

The network, as pyannote.audio 2.1 builds it:
  SincNet: InstanceNorm(1) → 80 parametrised sinc band-pass filters (251 taps, stride 10) → |x| →
  MaxPool(3) → InstanceNorm(80) → LeakyReLU → Conv(80→60, 5) → MaxPool(3) → InstanceNorm →
  LeakyReLU → Conv(60→60, 5) → MaxPool(3) → InstanceNorm → LeakyReLU
  → 4-layer bidirectional LSTM (128 per direction) → 2 × (Linear 128 + LeakyReLU) → Linear(3) → sigmoid

usage: pyannote_segmentation_to_onnx.py pytorch_model.bin out.onnx
"""
import pickle
import sys
import zipfile
from collections import OrderedDict

import numpy as np
import onnx
from onnx import helper, numpy_helper

from onnx_common import finished_model, onnx_gates

DTYPES = {"FloatStorage": np.float32, "LongStorage": np.int64, "IntStorage": np.int32}
HIDDEN = 128
LSTM_LAYERS = 4
SAMPLE_RATE = 16000
MIN_LOW_HZ = 50
MIN_BAND_HZ = 50
STRIDE = 10
SLOPE = 0.01  # torch's leaky_relu default


def load_state_dict(path):
    archive = zipfile.ZipFile(path)
    root = archive.namelist()[0].split("/")[0]

    class Unpickler(pickle.Unpickler):
        def find_class(self, module, name):
            if module == "torch._utils" and name == "_rebuild_tensor_v2":
                return lambda storage, offset, size, stride, *_: (storage, offset, tuple(size), tuple(stride))
            if module == "torch" and name in DTYPES:
                return name
            if module == "collections" and name == "OrderedDict":
                return OrderedDict
            # The checkpoint also records training metadata (callbacks, versions); those become inert
            # placeholders, never instances of the named class.
            return _Inert

        def persistent_load(self, pid):
            _, storage_type, key = pid[:3]
            raw = archive.read(f"{root}/data/{key}")
            return np.frombuffer(raw, DTYPES[storage_type])

    checkpoint = Unpickler(archive.open(f"{root}/data.pkl")).load()

    def to_array(ref):
        storage, offset, size, stride = ref
        item = storage.itemsize
        view = np.lib.stride_tricks.as_strided(storage[offset:], shape=size, strides=[s * item for s in stride])
        return np.array(view, dtype=np.float32)

    return {k: to_array(v) for k, v in checkpoint["state_dict"].items()}


class _Inert:
    def __new__(cls, *args, **kwargs):
        return object.__new__(cls)

    def __init__(self, *args, **kwargs):
        pass

    def __setstate__(self, state):
        pass


def sinc_filters(state):
    """asteroid_filterbanks.ParamSincFB.filters(): 40 cosine and 40 sine band-pass filters."""
    prefix = "sincnet.conv1d.0.filterbank."
    low = MIN_LOW_HZ + np.abs(state[prefix + "low_hz_"])
    high = np.clip(low + MIN_BAND_HZ + np.abs(state[prefix + "band_hz_"]), MIN_LOW_HZ, SAMPLE_RATE / 2)
    n = state[prefix + "n_"]
    window = state[prefix + "window_"]
    band = (high - low)[:, 0]
    ft_low = low @ n
    ft_high = high @ n
    cos_left = ((np.sin(ft_high) - np.sin(ft_low)) / (n / 2)) * window
    cos = np.concatenate([cos_left, 2 * band[:, None], cos_left[:, ::-1]], axis=1)
    sin_left = ((np.cos(ft_low) - np.cos(ft_high)) / (n / 2)) * window
    sin = np.concatenate([sin_left, np.zeros_like(band)[:, None], -sin_left[:, ::-1]], axis=1)
    filters = np.concatenate([cos, sin], axis=0) / (2 * np.concatenate([band, band])[:, None])
    return filters[:, None, :].astype(np.float32)


def build_model(state):
    inits = []
    nodes = []

    def const(name, value):
        inits.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def node(op, inputs, output, **attrs):
        nodes.append(helper.make_node(op, inputs, [output], **attrs))
        return output

    x = node(
        "InstanceNormalization",
        ["waveform", const("wav_scale", state["sincnet.wav_norm1d.weight"]), const("wav_bias", state["sincnet.wav_norm1d.bias"])],
        "wav_norm",
        epsilon=1e-5,
    )
    x = node("Conv", [x, const("sinc", sinc_filters(state))], "sinc_out", strides=[STRIDE])
    x = node("Abs", [x], "sinc_abs")
    for c in range(3):
        if c > 0:
            x = node(
                "Conv",
                [x, const(f"conv{c}_w", state[f"sincnet.conv1d.{c}.weight"]), const(f"conv{c}_b", state[f"sincnet.conv1d.{c}.bias"])],
                f"conv{c}",
            )
        x = node("MaxPool", [x], f"pool{c}", kernel_shape=[3], strides=[3])
        x = node(
            "InstanceNormalization",
            [x, const(f"norm{c}_scale", state[f"sincnet.norm1d.{c}.weight"]), const(f"norm{c}_bias", state[f"sincnet.norm1d.{c}.bias"])],
            f"norm{c}",
            epsilon=1e-5,
        )
        x = node("LeakyRelu", [x], f"sinc_act{c}", alpha=SLOPE)
    x = node("Transpose", [x], "time_major", perm=[2, 0, 1])  # (frame, batch, feature)
    shape = const("bidir_shape", np.array([0, 0, 2 * HIDDEN], np.int64))
    for layer in range(LSTM_LAYERS):
        names = [f"lstm.{kind}_l{layer}{suffix}" for suffix in ("", "_reverse") for kind in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")]
        w = np.stack([onnx_gates(state[names[0]]), onnx_gates(state[names[4]])])
        r = np.stack([onnx_gates(state[names[1]]), onnx_gates(state[names[5]])])
        b = np.stack(
            [
                np.concatenate([onnx_gates(state[names[2]]), onnx_gates(state[names[3]])]),
                np.concatenate([onnx_gates(state[names[6]]), onnx_gates(state[names[7]])]),
            ]
        )
        y = node(
            "LSTM",
            [x, const(f"lstm{layer}_w", w), const(f"lstm{layer}_r", r), const(f"lstm{layer}_b", b)],
            f"lstm{layer}_y",
            hidden_size=HIDDEN,
            direction="bidirectional",
        )
        # Y is (frame, direction, batch, hidden); torch concatenates the directions per frame.
        y = node("Transpose", [y], f"lstm{layer}_t", perm=[0, 2, 1, 3])
        x = node("Reshape", [y, shape], f"lstm{layer}_out")
    x = node("Transpose", [x], "batch_major", perm=[1, 0, 2])
    for i in range(2):
        x = node("MatMul", [x, const(f"linear{i}_w", state[f"linear.{i}.weight"].T)], f"linear{i}_mm")
        x = node("Add", [x, const(f"linear{i}_b", state[f"linear.{i}.bias"])], f"linear{i}")
        x = node("LeakyRelu", [x], f"linear{i}_act", alpha=SLOPE)
    x = node("MatMul", [x, const("classifier_w", state["classifier.weight"].T)], "classifier_mm")
    x = node("Add", [x, const("classifier_b", state["classifier.bias"])], "logits")
    node("Sigmoid", [x], "activity")
    return finished_model(
        nodes,
        "pyannote_segmentation",
        [("waveform", ["batch", 1, "samples"])],
        [("activity", ["batch", "frames", 3])],
        inits,
    )


if __name__ == "__main__":
    onnx.save(build_model(load_state_dict(sys.argv[1])), sys.argv[2])
