# binding: mandelbrot(Re, Im, max_iter): two floats by name (re, im),
# an int limit compared in a while loop.
def mandelbrot(Re, Im, max_iter):
    c = complex(Re, Im)
    z = 0.0j
    i = 0
    while i < max_iter:
        z = z * z + c
        if (z.real * z.real + z.imag * z.imag) >= 4:
            return i
        i += 1
    return max_iter
