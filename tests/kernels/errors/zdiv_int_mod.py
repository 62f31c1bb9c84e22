# ZeroDivisionError from int % 0 in a helper, raised through the call.
def wrap(a, b):
    return a % b


def f(c, maxiter):
    b = int(c.real * 3) + 2
    if c.imag > 0.5:
        return 0
    return wrap(maxiter, b)
