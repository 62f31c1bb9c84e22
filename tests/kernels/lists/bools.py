# a list of bools, and bools counted as ints by sum.
def f(c, maxiter):
    flags = [False] * 4
    flags[0] = c.real > 0.0
    flags[1] = c.imag > 0.0
    flags[3] = not flags[0]
    n = 0
    for b in flags:
        if b:
            n += 1
    return n * 10 + sum([1 for b in flags if not b])
