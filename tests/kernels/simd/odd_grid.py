# args: 3 40
# W=3: a grid whose point count is not a multiple of the vector width.
def escape_count(c, maxiter):
    z = 0j
    for iteration in range(maxiter):
        z = z * z + c
        if abs(z) > 2.0:
            return iteration
    return maxiter
