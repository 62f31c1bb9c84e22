# a helper that returns None, called as a statement, and a bare return.
def record(out, v):
    if v < 0:
        return
    out.append(v)


def f(c, maxiter):
    out = []
    record(out, int(c.real * 10))
    record(out, int(c.imag * 10))
    record(out, 3)
    return len(out) * 100 + sum(out)
