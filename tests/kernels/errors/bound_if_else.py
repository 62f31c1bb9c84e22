# No UnboundLocalError: both arms assign n, and a loop body reads i and
# z only after assigning them (compiled without flags).
def f(c, maxiter):
    if c.real > 0:
        n = 1
    elif c.imag > 0:
        n = 2
    else:
        n = 3
    while True:
        z = c
        break
    for i in range(maxiter):
        w = i
        n += w % 2
    return n + int(z.real)
