# nested functions and named lambdas that read the enclosing function's
# variables (a closure), module constants and each other, recursion of a
# nested function, and a variable changed between two calls.
import math

SCALE = 0.5


def f(c, maxiter):
    limit = 2.0

    def step(z):
        return z * z + c

    def escaped(z):
        return abs(z) > limit

    def depth(k):
        if k <= 0:
            return 0
        return 1 + depth(k - 1)

    shade = lambda n: int(math.sqrt(n) * 10 * SCALE) + depth(2)
    z = 0j
    for n in range(maxiter):
        z = step(z)
        if escaped(z):
            limit = 100.0  # read by the next call of escaped
            return shade(n) + int(escaped(z))
    return maxiter
