# an int argument passed where a helper's parameter is a float.
def scale(x, k):
    return x * k


def f(c, maxiter):
    a = scale(c.real, 3)
    b = scale(2.5, 2.0)
    return int(a * 100) + int(b * 10)
