# abs(complex) is CPython's (the C library's hypot), bit exact.
def bits(x):
    return int(x * 4503599627370496.0) % 1000003


def f(c, maxiter):
    a = abs(c)
    b = abs(c * c + 0.3)
    d = abs(c * 1e200)
    return bits(a) + bits(b) + int(d * 1e-200 * 1000)
