# julia.py - a Julia set instead of the Mandelbrot set, in point form: each
# point of the plane is the starting z, and the constant added at every
# step is fixed (a module constant the kernel reads).

JULIA_C = -0.8 + 0.156j


def julia(c, maxiter):
    z = c
    for iteration in range(maxiter):
        z = z * z + JULIA_C
        if abs(z) > 2.0:
            return iteration
    return 0
