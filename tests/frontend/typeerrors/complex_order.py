# expect error: 4:10: complex numbers cannot be ordered; compare abs(z) or z.real
def f(c, maxiter):
    z = c * c
    if z < 2:
        return 1
    return 0
