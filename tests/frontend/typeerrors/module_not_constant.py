# expect error: 8:17: module variable 'LIMIT' is not a constant; kernels can only read module constants such as N = 100 or LIMIT = 4.0
import sys

LIMIT = float(sys.argv[1])


def f(c, maxiter):
    if abs(c) > LIMIT:
        return 1
    return 0
