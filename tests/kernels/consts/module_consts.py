# module constants of each type, read by the kernel and by a helper;
# a tuple assignment at module level defines several at once.
LIMIT = 4.0
SCALE = 100
OFFSET = 0.5 + 0.25j
x1, x2, y1, y2 = -2.13, 0.77, -1.3, 1.3
BASE = SCALE * 3


def weight(n):
    return n * SCALE + BASE


def f(c, maxiter):
    z = OFFSET
    for n in range(maxiter):
        z = z * z + c
        if z.real * z.real + z.imag * z.imag > LIMIT:
            return weight(n) + int((c.real - x1) * 10)
    return int((y2 - c.imag) * 10)
