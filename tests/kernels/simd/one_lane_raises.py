# args: 100 30
# One point raises ZeroDivisionError while its neighbours in the vector run
# on: the error's line and the first error in point order are CPython's.
def f(x, y, maxiter):
    d = 0.0 if x > 0.7 and y < -1.2 else 1.0
    zx = 1.0 / d - 1.0
    zy = 0.0
    for iteration in range(maxiter):
        zx, zy = zx * zx - zy * zy + x, 2.0 * zx * zy + y
        if zx * zx + zy * zy > 4.0:
            return iteration
    return 0
