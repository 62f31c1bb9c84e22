# print() of complex numbers, bools and None.
def f(c, maxiter):
    k = int(c.real * 100)
    if k == 30 and c.imag < -1.2:
        print(c, 1j, 0j, -1j, 2 + 0j, c * 1e20, complex(1.5, -0.0))
        print(c.real > 0.0, k < 0, None)
    return k
