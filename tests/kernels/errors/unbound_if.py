# UnboundLocalError where the if assigned nothing (c.real <= 0).
def f(c, maxiter):
    if c.real > 0:
        n = 1
    return n
