# expect error: 4:20: range() needs int arguments, not float
def f(c, maxiter):
    n = 0
    for i in range(c.real):
        n += 1
    return n
