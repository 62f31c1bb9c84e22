# ValueError: int() of nan.
def f(c, maxiter):
    inf = 1e308 * 10.0
    x = c.real * inf
    return int(x - x) if c.imag < 0.0 else 1
