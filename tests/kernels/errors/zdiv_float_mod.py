# ZeroDivisionError from float % 0.0 and float // 0.0 (modulo first).
def f(c, maxiter):
    x = c.real
    y = int(c.imag * 2) * 1.0
    if x > 0.0:
        return int(x // y)
    return int(x % y)
