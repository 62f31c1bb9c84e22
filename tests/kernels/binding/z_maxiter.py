# binding: a reader's mandelbrot(z, maxiter): the one complex parameter is
# the point whatever its name.
def mandelbrot(z, maxiter):
    c = z
    for n in range(maxiter):
        if abs(z) > 2:
            return n
        z = z * z + c
    return maxiter
