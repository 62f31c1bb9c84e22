# a nested function with a default parameter, called by keyword and by
# position, reading the enclosing function's variable.
def f(c, maxiter):
    limit = 2.0

    def escaped(z, scale=1.0):
        return abs(z) * scale > limit

    z = 0j
    for n in range(maxiter):
        z = z * z + c
        if escaped(z=z, scale=1.0) or escaped(z):
            return n
    return maxiter
