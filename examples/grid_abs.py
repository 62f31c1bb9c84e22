# grid_abs.py - the Cython chapter's grid kernel in plain Python, with abs():
# xs and ys in, one row of counts per y out (the grid form). A point that
# never escapes counts 0, as in the list form.
#
#   mandelc examples/grid_abs.py 1000 1000


def calculate_z(xs, ys, maxiter):
    """Generate a mandelbrot set"""
    d = []
    for j in range(len(ys)):
        row = [0] * len(xs)
        for i in range(len(xs)):
            q = xs[i] + ys[j] * 1j
            z = 0 + 0j
            for iteration in range(maxiter):
                z = z * z + q
                if abs(z) > 2.0:
                    row[i] = iteration
                    break
        d.append(row)
    return d
