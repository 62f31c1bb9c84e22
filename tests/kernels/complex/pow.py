# complex ** int, ** an integral float (CPython multiplies), ** a
# non-integral or complex exponent (CPython's c_pow), bit exact.
def bits(x):
    return int(x * 1099511627776.0) % 1000003


def f(c, maxiter):
    a = c ** 2
    b = c ** 3 + c ** -2
    d = c ** 2.0 + c ** 0.5
    e = (c + 1) ** (0.5 + 0.25j)
    g = c ** 7
    h = (c * 0.4) ** 101
    return bits(a.real + a.imag) + bits(b.real) + bits(d.real - d.imag) + bits(
        e.real + e.imag) + bits(g.imag) + bits(h.real)
