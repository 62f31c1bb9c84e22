# cython_numpy_loop.py - the "Cython with numpy arrays" kernel as
# the tutorial prints it, in grid form over lists: it takes the x and y
# co-ordinates instead of q, builds each q itself and returns one row of
# results per y. The numpy array d becomes a list of rows, so d[j,i] is
# written row[i]. A point that never escapes gets 0 through the for loop's
# else clause. Unlike grid_abs.py it tests the squared magnitude
# against 4.0, so its validation sum is not pure_python_2.py's.

def calculate_z(xs, ys, maxiter):
    """ Generate a mandelbrot set """
    N = len(xs)
    M = len(ys)
    d = []
    for j in range(M):
        row = [0] * N
        for i in range(N):
            # create q without intermediate object (faster)
            q = xs[i] + ys[j]*1j
            z = 0+0j
            for iteration in range (maxiter):
                z = z * z + q
                if z.real*z.real + z.imag*z.imag > 4.0:
                    break
            else:
                iteration = 0
            row[i] = iteration
        d.append(row)
    return d
