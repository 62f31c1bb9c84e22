# print() of floats uses repr: shortest round-trip digits, exponents,
# inf, nan and -0.0.
def f(c, maxiter):
    k = int(c.real * 100)
    if c.real < -2.1 and c.imag > 1.29:
        print(0.1, 1.0, -0.0, 1e16, 1e-05, 123456789.125, 1.5e300)
        print(c.real, c.imag, c.real * c.imag)
        inf = 1e308 * 10.0
        print(inf, -inf, inf - inf, 2.0 ** 0.5, 1 / 3)
        print(1e22, 1e15, 0.0001, 100.0, 12345678901234567.0)
    return k
