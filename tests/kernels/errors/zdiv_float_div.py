# ZeroDivisionError from float / 0.0 inside the escape loop.
def f(c, maxiter):
    z = 0j
    for n in range(maxiter):
        z = z * z + c
        if abs(z) > 2.0:
            s = 1.0 / (n - 3.0)
            return int(s)
    return maxiter
