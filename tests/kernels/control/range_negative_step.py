# mandelc: --kernel=g
# range() with negative steps, in loops and a comprehension, and
# reversed(range(...)).
def f(c, maxiter):
    s = 0
    for k in range(10, 0, -3):
        s = s * 3 + k
    for k in range(maxiter % 7, -5, -2):
        s += k
    L = [k * 2 for k in range(5, -1, -1)]
    return s + L[0]


def g(c, maxiter):
    s = f(c, maxiter)
    for k in reversed(range(maxiter % 5)):
        s = s * 7 + k
    for k in reversed(range(-3, maxiter % 4)):
        s = s * 5 + k
    return s % 1000003
