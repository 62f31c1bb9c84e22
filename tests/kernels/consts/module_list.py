# module-level lists and tuples of constants, read-only in kernels:
# indexing (negative too), len(), iteration, sum/min/max, a comprehension
# that copies one, in the kernel and in a helper.
import math

PALETTE = [0, 7, 15, 31, 63]
WEIGHTS = (0.5, 0.25, 0.125, math.sqrt(0.5))
ROOTS = [complex(1, 0), -0.5 + 0.866j, complex(-0.5, -0.866)]
FLAGS = [True, False, True]
PAIR = (3, 2.5)


def shade(n):
    return PALETTE[n % len(PALETTE)] + PALETTE[-1]


def f(c, maxiter):
    z = c
    n = 0
    for n in range(maxiter):
        z = z * z + c
        if abs(z) > 2.0:
            break
    total = shade(n)
    for w in WEIGHTS:
        total += int(w * n * 16)
    best = 0
    for k in range(len(ROOTS)):
        d = abs(z - ROOTS[k])
        if d < abs(z - ROOTS[best]):
            best = k
    copy = [p * 2 for p in PALETTE]
    copy[0] = PAIR[0]
    if FLAGS[n % 3]:
        total += 1
    return (total * 3 + best + sum(copy) + max(PALETTE) + int(min(WEIGHTS) * 8)
            + int(PAIR[1] * 2)) % 100000
