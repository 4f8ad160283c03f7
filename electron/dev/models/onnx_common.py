"""What the weight converters share: torch's LSTM gate order in ONNX's, and the finished model."""
import numpy as np
import onnx
from onnx import TensorProto, helper


def onnx_gates(w):
    """torch orders LSTM gates input, forget, cell, output; ONNX orders input, output, forget, cell."""
    i, f, g, o = np.split(w, 4, axis=0)
    return np.concatenate([i, o, f, g], axis=0)


def finished_model(nodes, name, inputs, outputs, inits):
    """An opset-17, IR-8 float model from (name, shape) inputs and outputs, checked."""
    graph = helper.make_graph(
        nodes,
        name,
        [helper.make_tensor_value_info(n, TensorProto.FLOAT, shape) for n, shape in inputs],
        [helper.make_tensor_value_info(n, TensorProto.FLOAT, shape) for n, shape in outputs],
        inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="cairn")
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model
