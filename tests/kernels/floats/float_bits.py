# float + - * / must be bit exact: the sum depends on the last bits.
def bits(x):
    return int(x * 4503599627370496.0) % 1000003


def f(c, maxiter):
    x = c.real
    y = c.imag
    s = (x * x - y * y) + x
    t = 2.0 * x * y + y
    u = (x + y) / (1.5 + x * x)
    v = x * 0.1 + y * 0.7 - 0.3
    return bits(s) + bits(t) + bits(u) + bits(v)
