# and / or short-circuit: the right operand runs only when needed.
def bump(counter, v):
    counter[0] += 1
    return v


def f(c, maxiter):
    counter = [0]
    a = c.real > -1.0
    b = c.imag > 0.0
    n = 0
    if bump(counter, a) and bump(counter, b):
        n += 1
    if bump(counter, a) or bump(counter, b):
        n += 2
    if bump(counter, not a) and bump(counter, b) or bump(counter, a):
        n += 4
    if (c.real > 0.0 or c.imag > 0.5) and not (c.real < -1.5):
        n += 8
    return n * 100 + counter[0]
