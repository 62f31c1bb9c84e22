# tuple packing in returns, unpacking into names, and swaps.
def step(zx, zy, cx, cy):
    return zx * zx - zy * zy + cx, 2.0 * zx * zy + cy


def f(c, maxiter):
    zx, zy = 0.0, 0.0
    cx, cy = c.real, c.imag
    for n in range(maxiter):
        zx, zy = step(zx, zy, cx, cy)
        if zx * zx + zy * zy > 4.0:
            break
    a, b = n, 7
    a, b = b, a
    p, q, r = 1, 2, 3
    p, q, r = r, p, q
    t = (a, b)
    u, v = t
    return a * 1000 + b + p * 100 + q * 10 + r + u - v
