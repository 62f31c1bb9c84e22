# binding: a blog post's mandelbrot(c, max_iter): one complex, one int.
def mandelbrot(c, max_iter):
    z = 0
    n = 0
    while abs(z) <= 2 and n < max_iter:
        z = z * z + c
        n += 1
    return n
