# targets: llvm
# Numba's pure-Python Mandelbrot image: a list of rows of (r, g, b) tuples,
# one stored per point (issue 12: realloc() aborted).
def f(c, maxiter):
    w = 6 + int(abs(c.real) * 5)
    pixels = [[(0, 0, 0) for j in range(w)] for i in range(w)]
    x = int(abs(c.real) * 7) % w
    y = int(abs(c.imag) * 7) % w
    r, g, b = x + 1, y + 2, maxiter % 7
    pixels[y][x] = (r, g, b)
    pixels[-1][0] = (b, r, g)
    s = 0
    for row in pixels:
        for t in row:
            p, q, u = t
            s += p * 3 + q * 5 + u * 7
    grid = []
    for i in range(3):
        line = []
        for j in range(20 + w):
            line.append((i, j * 0.5, c))
        grid.append(line)
    i2, half, z = grid[2][-1]
    return s * 1000 + len(grid[1]) + i2 + int(half) + int(z.imag * 1000)
