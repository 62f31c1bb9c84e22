# pow() and divmod() with Python's signs.
def f(c, maxiter):
    a = int(c.real * 100)
    b = int(c.imag * 10)
    if b == 0:
        b = -3
    qa, qb = divmod(a, b)
    q, r = divmod(-a, 7)
    p = pow(a % 9, 3) + pow(2, 5)
    x = pow(abs(c.real), 1.5)
    return qa * 100 + qb + q * 10 + r + p + int(x * 1e9)
