# multibrot.py - the cubic "multibrot" set in point form: z ** 3 + c with
# Python's complex power, which must give CPython's bits.

def multibrot(c, maxiter):
    z = 0j
    for iteration in range(maxiter):
        z = z ** 3 + c
        if abs(z) > 2.0:
            return iteration
    return 0
