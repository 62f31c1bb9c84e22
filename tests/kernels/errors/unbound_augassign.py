# UnboundLocalError: `total += 1` reads total first.
def f(c, maxiter):
    if c.imag > 0.5:
        total = 0
    total += 1
    return total
