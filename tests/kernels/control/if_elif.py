# if / elif / else chains choose exactly one branch.
def f(c, maxiter):
    x = c.real
    if x < -1.5:
        n = 1
    elif x < -0.5:
        n = 2
    elif x < 0.25:
        n = 3
    else:
        n = 4
    if c.imag > 0.0:
        n = n * 10
    if c.imag > 1.0:
        pass
    elif c.imag < -1.0:
        n = n + 100
    return n
