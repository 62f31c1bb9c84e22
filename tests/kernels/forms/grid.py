# args: 110 40
# the grid form of cython_numpy_loop: f(xs, ys, maxiter) returns rows.
def calculate_z(xs, ys, maxiter):
    """ Generate a mandelbrot set """
    N = len(xs)
    M = len(ys)
    d = []
    for j in range(M):
        row = [0] * N
        for i in range(N):
            q = xs[i] + ys[j] * 1j
            z = 0 + 0j
            for iteration in range(maxiter):
                z = z * z + q
                if z.real * z.real + z.imag * z.imag > 4.0:
                    break
            else:
                iteration = 0
            row[i] = iteration * (j + 1) + i
        d.append(row)
    return d
