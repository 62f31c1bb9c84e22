# expect error: 6:26: math.sqrt() needs a real number, not complex
import math


def f(c, maxiter):
    return int(math.sqrt(c))
