# expect error: 6:11: 'numpy' is not available in kernels; use lists and the math module
import numpy as np


def f(q, maxiter, z):
    out = np.zeros(len(q))
    return [0] * len(q)
