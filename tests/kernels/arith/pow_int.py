# int ** non-negative int stays an int; float ** int and float ** float.
def f(c, maxiter):
    a = int(c.real * 10)
    n = int(abs(c.imag) * 5)
    p = a ** n
    q = (-3) ** n + 2 ** 10 - (-2) ** 3
    x = c.real ** 2 + abs(c.imag) ** 0.5 + 2.0 ** n
    y = 1.5 ** -n
    return p + q + int(x * 1e6) + int(y * 1e6)
