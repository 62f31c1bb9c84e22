# ZeroDivisionError from complex / 0j.
def f(c, maxiter):
    z = c - complex(round(c.real, 0), 0.0)
    w = c.imag - 0.468
    if abs(w) < 0.01:
        d = 1 / (z - z)
        return int(d.real)
    return 1
