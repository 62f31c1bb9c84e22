# expect error: 3:12: a point kernel must return an int but this returns a float
def f(c, maxiter):
    return c.real
