# args: 90 50
# the point form f(c, maxiter), mapped over every point.
def mandel(c, maxiter):
    z = 0j
    for n in range(maxiter):
        z = z * z + c
        if abs(z) > 2.0:
            return n
    return maxiter
