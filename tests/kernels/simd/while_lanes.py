# args: 100 40
# A while loop whose lanes leave at different times, with an int counter
# and an escape test on floats.
def mandel_xy(x, y, maxiter):
    zx = 0.0
    zy = 0.0
    n = 0
    while n < maxiter and zx * zx + zy * zy <= 4.0:
        zx, zy = zx * zx - zy * zy + x, 2.0 * zx * zy + y
        n += 1
    return n
