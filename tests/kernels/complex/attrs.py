# .real, .imag and .conjugate() of complex values.
def bits(x):
    return int(x * 1099511627776.0) % 1000003


def f(c, maxiter):
    z = c * c + c
    k = z.conjugate()
    r = z.real
    i = z.imag
    s = (k * z).real + k.imag + c.conjugate().imag
    return bits(r) + bits(i) + bits(s)
