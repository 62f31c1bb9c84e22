# a Julia set whose constants are computed at module level (complex(),
# float and int powers, math.log): the escape loop only reads numbers, so
# mandelc runs it in the vector form.
import math

LOG2 = math.log(2.0)
C = complex(-0.62772, -0.42193)
MAXITER = 2 ** 5
HORIZON = 2.0 ** 4
SCALE = math.sqrt(2.0) * 1000
SHADE = int(LOG2 * SCALE) % 7
INSIDE = int(SCALE) + round(HORIZON / 3)


def f(c, maxiter):
    z = c
    n = 0
    while n < maxiter and n < MAXITER:
        z = z * z + C
        if z.real * z.real + z.imag * z.imag > HORIZON:
            return n * 3 + SHADE
        n += 1
    return INSIDE
