# ZeroDivisionError: 0.0 raised to a negative power.
def f(c, maxiter):
    x = float(int(c.real * 2))
    return int(x ** -2.0)
