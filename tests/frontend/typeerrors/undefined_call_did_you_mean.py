# expect error: 7:12: name 'escap' is not defined; did you mean 'escape'?
def escape(z, c):
    return z * z + c


def f(c, maxiter):
    return escap(0j, c)
