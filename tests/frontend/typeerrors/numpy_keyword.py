# expect error: 6:9: 'numpy.zeros' is not available in kernels; use lists and the math module
import numpy as np


def f(c, maxiter):
    a = np.zeros(10, dtype=float)
    return 0
