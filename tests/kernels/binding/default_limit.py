# binding: mandel(real, imag, max_iterations=20): the default makes the
# limit an int; the driver passes MAXITER. helper() is called with a
# keyword argument and relies on a default of its own.
def escape(z, c, limit, bailout=4.0):
    for n in range(limit):
        if z.real * z.real + z.imag * z.imag > bailout:
            return n
        z = z * z + c
    return limit


def mandel(real, imag, max_iterations=20):
    return escape(0j, complex(real, imag), limit=max_iterations) + \
        escape(c=complex(real, imag), z=0.5j, limit=3, bailout=2.5)
