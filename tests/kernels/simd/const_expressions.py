# args: 60 40
# Module constants that are expressions, not literals: a sum with an
# imaginary literal, arithmetic on other constants, complex(a, b) in the
# kernel. The vector form evaluates them as scalar code does (they are
# loop-invariant); a named literal bounds abs(z).
SCALE = 2.0
C = -0.8 + 0.156j
D = -0.4 + 0.6j
BOUND = 2.0
FAR = SCALE * 100.0 + 0.5


def julia(c, maxiter):
    z = c
    for iteration in range(maxiter):
        z = z * z + C
        if iteration == 3:
            z = z + complex(SCALE - 2.0, 0)
        if iteration % 2 == 1:
            z = z - D + D
        if abs(z) > BOUND or z.imag > FAR:
            return iteration
    return 0
