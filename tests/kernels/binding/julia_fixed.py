# binding: the Julia microbenchmarks' mandel(z): maxiter fixed inside,
# one complex parameter, the point.
def mandel(z):
    maxiter = 80
    c = z
    for n in range(maxiter):
        if abs(z) > 2:
            return n
        z = z * z + c
    return maxiter
