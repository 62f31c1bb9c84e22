# int + - * with Python's precedence; every operator changes the sum.
def f(c, maxiter):
    a = int(c.real * 100)
    b = int(c.imag * 100) + maxiter
    r = a + b * 3 - (a - b) * 2 + a * a - b * (b - 1)
    r = r - 7 * a * b + (a + 1) * (b - 2) * 3
    return r
