# complex + - * / with complex, float and int operands, bit exact.
def bits(x):
    return int(x * 1099511627776.0) % 1000003


def f(c, maxiter):
    a = c * c - c / (1.5 + 0.5j)
    b = (c + 2) * (c - 1j) / (c + 3.25)
    d = 2 * c - c * 0.75 + 1
    e = 1 / (c + 4)
    g = c / 3 - 1.25 / (2j + c)
    return bits(a.real + a.imag) + bits(b.real) + bits(b.imag) + bits(
        d.real * d.imag) + bits(e.real - e.imag) + bits(g.real + g.imag)
