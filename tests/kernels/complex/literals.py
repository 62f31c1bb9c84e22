# complex literals and constructors: 1j, 0+0j, 2.5j, complex(a, b).
def bits(x):
    return int(x * 1099511627776.0) % 1000003


def f(c, maxiter):
    z = 0+0j
    z = z + 1j * c.real + 2.5j - 1e-3j
    w = complex(c.imag, 2)
    v = complex(3) + complex(c.real, c.imag) + 1 + 2j
    u = -1j + 0j
    return bits(z.imag) + bits(w.real) + bits(v.real + v.imag) + int(u.imag)
