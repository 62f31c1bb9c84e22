# x if cond else y, nested, evaluating only the chosen branch.
def f(c, maxiter):
    a = int(c.real * 10)
    v = a if a > 0 else -a
    w = 1 if c.imag > 0.5 else (2 if c.imag > -0.5 else 3)
    b = int(c.imag * 10)
    d = 100 // b if b != 0 else -1
    return v * 100 + w * 10 + d
