# the Mandelbrot iteration on complex values, with abs() as the test.
def f(c, maxiter):
    z = 0j
    for n in range(maxiter):
        z = z * z + c
        if abs(z) > 2.0:
            return n
    return maxiter
