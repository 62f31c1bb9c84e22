# == and != on complex numbers, and complex vs float.
def f(c, maxiter):
    n = 0
    z = c * 1
    if z == c:
        n += 1
    if c != c + 1e-300:
        n += 2
    if complex(c.real, 0.0) == c.real:
        n += 4
    if c.conjugate() != c:
        n += 8
    if 1j * 1j == -1:
        n += 16
    return n
