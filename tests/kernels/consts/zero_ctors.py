# complex(), int(), float() and bool() with no arguments are zeros (the
# tutorial's Cython chapter: zi = complex()), in the kernel and as module
# constants.
ZERO = complex()


def f(c, maxiter):
    zi = complex()
    n = int()
    x = float()
    flag = bool()
    zi = zi + ZERO
    while n < maxiter and abs(zi) <= 2.0:
        zi = zi * zi + c
        n += 1
        x += 0.5
    if flag:
        return -1
    return n + int(x)
