# OverflowError: int() of an infinite float, raised by CPython itself.
def f(c, maxiter):
    x = 1e308 * (c.real + 1.0) * 10.0
    return int(x)
