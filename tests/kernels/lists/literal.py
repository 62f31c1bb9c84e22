# list literals of ints, floats and complex numbers, and empty lists.
def f(c, maxiter):
    a = [1, 2, 3]
    b = [c.real, c.imag, 0.5]
    d = [c, c * c, 1j]
    e = []
    e.append(len(a))
    x = b[0] + b[1] * b[2]
    return a[0] + a[2] * 10 + int(x * 1000) + int(d[1].real * 100) + e[0]
