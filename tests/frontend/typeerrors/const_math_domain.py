# expect error: 4:7: computing module constant 'BAD' raises ValueError: math domain error
import math

BAD = math.log(0.0) + 1.0


def f(c, maxiter):
    return int(BAD)
