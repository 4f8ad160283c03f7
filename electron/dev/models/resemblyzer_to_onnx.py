"""Converts Resemblyzer's GE2E speaker encoder (pretrained.pt, Apache-2.0) to ONNX, without torch.

pretrained.pt is a legacy (pre-zip) torch checkpoint: three small pickles, the checkpoint pickle
whose tensors point at storages by key, the list of storage keys, then each storage's raw bytes.
A restricted unpickler rebuilds the float arrays (it refuses any class but the few a state dict
needs, so the file cannot run code). The network: a 3-layer LSTM (40 mel bands in, 256 hidden),
the last layer's final hidden state through Linear(256, 256) and ReLU, then L2 normalisation.

usage: resemblyzer_to_onnx.py pretrained.pt out.onnx
"""
import pickle
import struct
import sys
from collections import OrderedDict

import numpy as np
import onnx
from onnx import helper, numpy_helper

from onnx_common import finished_model, onnx_gates

STORAGE_TYPES = {"FloatStorage": np.float32, "LongStorage": np.int64, "IntStorage": np.int32}
HIDDEN = 256


class _Storage:
    def __init__(self, dtype):
        self.dtype = dtype
        self.data = None


def _rebuild_tensor(storage, offset, size, stride, *_):
    return (storage, offset, tuple(size), tuple(stride))


class _StateDictUnpickler(pickle.Unpickler):
    def __init__(self, file, storages):
        super().__init__(file)
        self.storages = storages

    def find_class(self, module, name):
        if module == "torch._utils" and name in ("_rebuild_tensor_v2", "_rebuild_tensor"):
            return _rebuild_tensor
        if module == "torch" and name in STORAGE_TYPES:
            return name
        if module == "collections" and name == "OrderedDict":
            return OrderedDict
        raise pickle.UnpicklingError(f"refusing {module}.{name}")

    def persistent_load(self, pid):
        _, storage_type, key = pid[:3]
        return self.storages.setdefault(key, _Storage(STORAGE_TYPES[storage_type]))


def load_state_dict(path):
    with open(path, "rb") as f:
        for _ in range(3):  # magic number, protocol version, system info
            pickle.load(f)
        storages = {}
        checkpoint = _StateDictUnpickler(f, storages).load()
        for key in pickle.load(f):
            storage = storages[key]
            count = struct.unpack("<q", f.read(8))[0]
            storage.data = np.frombuffer(f.read(count * np.dtype(storage.dtype).itemsize), storage.dtype)

    def to_array(ref):
        storage, offset, size, stride = ref
        item = storage.data.itemsize
        view = np.lib.stride_tricks.as_strided(
            storage.data[offset:], shape=size, strides=[s * item for s in stride]
        )
        return np.array(view, dtype=np.float32)

    return {k: to_array(v) for k, v in checkpoint["model_state"].items() if isinstance(v, tuple)}


def build_model(state):
    inits = [
        numpy_helper.from_array(np.array([0], np.int64), "axis0"),
        numpy_helper.from_array(np.array([1], np.int64), "axis1"),
        numpy_helper.from_array(state["linear.weight"].T.copy(), "linear_w"),
        numpy_helper.from_array(state["linear.bias"], "linear_b"),
    ]
    nodes = [helper.make_node("Transpose", ["mels"], ["x0"], perm=[1, 0, 2])]  # to time-major
    x = "x0"
    for layer in range(3):
        w = onnx_gates(state[f"lstm.weight_ih_l{layer}"])[None]
        r = onnx_gates(state[f"lstm.weight_hh_l{layer}"])[None]
        b = np.concatenate(
            [onnx_gates(state[f"lstm.bias_ih_l{layer}"]), onnx_gates(state[f"lstm.bias_hh_l{layer}"])]
        )[None]
        for name, value in ((f"w{layer}", w), (f"r{layer}", r), (f"b{layer}", b)):
            inits.append(numpy_helper.from_array(value.astype(np.float32), name))
        nodes.append(
            helper.make_node("LSTM", [x, f"w{layer}", f"r{layer}", f"b{layer}"], [f"y{layer}", f"h{layer}"], hidden_size=HIDDEN)
        )
        nodes.append(helper.make_node("Squeeze", [f"y{layer}", "axis1"], [f"x{layer + 1}"]))
        x = f"x{layer + 1}"
    nodes += [
        helper.make_node("Squeeze", ["h2", "axis0"], ["last"]),
        helper.make_node("MatMul", ["last", "linear_w"], ["projected"]),
        helper.make_node("Add", ["projected", "linear_b"], ["biased"]),
        helper.make_node("Relu", ["biased"], ["positive"]),
        helper.make_node("LpNormalization", ["positive"], ["embedding"], axis=1, p=2),
    ]
    return finished_model(
        nodes,
        "ge2e_voice_encoder",
        [("mels", ["batch", "frames", 40])],
        [("embedding", ["batch", HIDDEN])],
        inits,
    )


if __name__ == "__main__":
    onnx.save(build_model(load_state_dict(sys.argv[1])), sys.argv[2])
