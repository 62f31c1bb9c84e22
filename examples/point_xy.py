# point_xy.py - point form over two floats: f(x, y, maxiter) returns the
# escape iteration of one point, with the complex arithmetic written out.

def mandel_xy(x, y, maxiter):
    zx = 0.0
    zy = 0.0
    for iteration in range(maxiter):
        zx, zy = zx * zx - zy * zy + x, 2.0 * zx * zy + y
        if zx * zx + zy * zy > 4.0:
            return iteration
    return 0
