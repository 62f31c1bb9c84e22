# expect error: 7:16: module 'math' has no attribute 'sqr'; did you mean 'sqrt'?
import math


def f(c, maxiter):
    qi = 3
    return int(math.sqr(qj + 1.0))
