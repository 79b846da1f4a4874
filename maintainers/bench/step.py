# The peer's side of `npm run bench:step`: one training step of the book's network, timed
# piece by piece with the same pieces as bench/step.ts. It borrows the peer's data loading and
# split (../shared/bench/numpy_twolayer.py) and mirrors its gradient() line for line, on one
# BLAS thread. Prints one line: RESULT_JSON {"piece": microseconds per step, ...}.
import json
import os
import sys
import time

os.environ["OPENBLAS_NUM_THREADS"] = "1"
sys.path.insert(0, os.path.join(os.getcwd(), "..", "shared", "bench"))
import numpy as np  # noqa: E402
import numpy_twolayer as peer  # noqa: E402

WARMUP, STEPS = 300, 3000
BATCH, LR = 100, 0.1

X, T, _ = peer.load_digits(np, peer.DEFAULT_DIGITS)
xtr, ttr, _, _, _ = peer.split(np, X, peer.one_hot(np, T), 42)
np.random.seed(0)
net = peer.TwoLayerNet(np, 784, 50, 10)
sigmoid, softmax, cee = net.sigmoid, net.softmax, net.cee
p = net.params
spent = {}


def timed(piece, fn):
    start = time.perf_counter()
    value = fn()
    spent[piece] = spent.get(piece, 0.0) + time.perf_counter() - start
    return value


for step in range(WARMUP + STEPS):
    if step == WARMUP:
        spent.clear()
    mask = timed("draw the batch", lambda: np.random.choice(xtr.shape[0], BATCH))
    x, t = timed("draw the batch", lambda: (xtr[mask], ttr[mask]))
    a1 = timed("x·W1 + b1", lambda: np.dot(x, p["W1"]) + p["b1"])
    y = timed("sigmoid, z1·W2 + b2, softmax", lambda: softmax(np.dot(sigmoid(a1), p["W2"]) + p["b2"]))
    z1 = sigmoid(a1)  # the peer keeps z1 from the line above; not timed twice

    def backward():
        dy = (y - t) / BATCH
        g = {"W2": np.dot(z1.T, dy), "b2": np.sum(dy, axis=0)}
        da1 = np.dot(dy, p["W2"].T) * (1.0 - z1) * z1
        g["b1"] = np.sum(da1, axis=0)
        return g, da1

    g, da1 = timed("the rest of backpropagation", backward)
    g["W1"] = timed("xᵀ·δ", lambda: np.dot(x.T, da1))

    def update():
        for k in ("W1", "b1", "W2", "b2"):
            p[k] -= LR * g[k]

    timed("the update", update)
    a1 = timed("the loss: x·W1 + b1", lambda: np.dot(x, p["W1"]) + p["b1"])
    timed("the loss: the rest", lambda: cee(softmax(np.dot(sigmoid(a1), p["W2"]) + p["b2"]), t))

print("RESULT_JSON " + json.dumps({k: 1e6 * v / STEPS for k, v in spent.items()}))
