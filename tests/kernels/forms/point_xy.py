# the point form f(x, y, maxiter) with float coordinates, in either order.
def mandel(y, x, maxiter):
    zx = 0.0
    zy = 0.0
    n = 0
    while n < maxiter:
        zx, zy = zx * zx - zy * zy + x, 2.0 * zx * zy + y
        if zx * zx + zy * zy > 4.0:
            break
        n += 1
    return n * 3 + int(x * 10.0)
