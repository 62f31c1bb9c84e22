# binding: mandel(real, imag, max_iterations=20): the default makes the
# limit an int; the driver passes MAXITER. escape() is called with keyword
# arguments (in and out of order) and relies on a default of its own.
def escape(z, c, limit, bailout=4.0):
    for n in range(limit):
        if z.real * z.real + z.imag * z.imag > bailout:
            return n
        z = z * z + c
    return limit


def mandel(real, imag, max_iterations=20):
    c = complex(real, imag)
    return escape(0j, complex(real, imag), limit=max_iterations) + \
        escape(c=c, z=0.5j, bailout=2.5, limit=3)
